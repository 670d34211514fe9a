//! `{{enum_label @index}}`: the label of an enumerated item, 一是 for 0.

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext};

use super::{param, render_error};
use crate::zh::numeral::enumeration_label;

/// `{{enum_label @index}}` → 一是 for 0, 二是 for 1…
pub(super) fn enum_label(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let index = param(h, 0, "enum_label")?
        .as_u64()
        .ok_or_else(|| render_error("enum_label expects @index".into()))?;
    out.write(&enumeration_label(index as usize))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::render;
    use serde_json::json;

    #[test]
    fn enum_label_counts_from_one() {
        let out = render(
            "{{#each xs}}{{enum_label @index}}{{this}} {{/each}}",
            json!({"xs": ["a", "b"]}),
        )
        .unwrap();
        assert_eq!(out, "一是a 二是b ");
    }
}
