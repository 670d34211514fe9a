//! `{{enumerate list}}`: an inline enumeration, 一是A;二是B;三是C。

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext};

use super::{kind_of, param, render_error, text_of};
use crate::zh::numeral::enumeration_label;
use crate::zh::punct;
use crate::zh::punct::ITEM_END;

/// `{{enumerate list}}` → 一是A;二是B;三是C。 Items may end with their own punctuation, which is
/// replaced so the sentence reads as one.
pub(super) fn enumerate(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let list = param(h, 0, "enumerate")?;
    let items = list
        .as_array()
        .ok_or_else(|| render_error(format!("enumerate expects a list, got {}", kind_of(list))))?;
    let parts: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = text_of(item);
            format!(
                "{}{}",
                enumeration_label(i),
                text.trim_end_matches(ITEM_END)
            )
        })
        .collect();
    if !parts.is_empty() {
        out.write(&format!("{}{}", parts.join(punct::ITEMS), punct::STOP))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::render;
    use serde_json::json;

    #[test]
    fn enumerate_joins_with_ordinals() {
        let out = render(
            "{{enumerate xs}}",
            json!({"xs": ["加强党建。", "壮大主体;", "优化服务"]}),
        )
        .unwrap();
        assert_eq!(out, "一是加强党建；二是壮大主体；三是优化服务。");
        assert_eq!(render("{{enumerate xs}}", json!({"xs": []})).unwrap(), "");
    }
}
