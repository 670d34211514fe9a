//! Template helpers. They arrange words already produced by the measure stage; none of them
//! computes a figure.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

use crate::outline::enumeration_label;

pub fn register(hb: &mut Handlebars<'_>) {
    hb.register_helper("enumerate", Box::new(enumerate));
    hb.register_helper("enum_label", Box::new(enum_label));
    hb.register_helper("cite", Box::new(cite));
    hb.register_helper("clause", Box::new(clause));
}

/// Punctuation a list item may end with; the enumeration supplies its own.
const ITEM_END: &[char] = &['。', ';', ';', ',', ',', '.', ' '];

/// `{{enumerate list}}` → 一是A;二是B;三是C。 Items may end with their own punctuation, which is
/// replaced so the sentence reads as one.
fn enumerate(
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
            let text = item
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| item.to_string());
            format!(
                "{}{}",
                enumeration_label(i),
                text.trim_end_matches(ITEM_END)
            )
        })
        .collect();
    if !parts.is_empty() {
        out.write(&format!("{}。", parts.join(";")))?;
    }
    Ok(())
}

/// `{{clause text}}` → the text without its closing punctuation, for joining clauses with ;
fn clause(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let text = param(h, 0, "clause")?;
    let text = text
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| text.to_string());
    out.write(text.trim_end_matches(ITEM_END))?;
    Ok(())
}

/// `{{enum_label @index}}` → 一是 for 0, 二是 for 1…
fn enum_label(
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

/// `{{cite "rd_spend"}}` → the indicator's value with its comparison: 4.54亿元,同比增长66.9%.
fn cite(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    ctx: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let key = param(h, 0, "cite")?.as_str().ok_or_else(|| {
        render_error("cite expects an indicator key in quotes, e.g. {{cite \"rd_spend\"}}".into())
    })?;
    let indicators = ctx.data().get("ind").and_then(Value::as_object);
    let summary = indicators
        .and_then(|m| m.get(key))
        .and_then(|f| f.get("summary"))
        .and_then(Value::as_str);
    match summary {
        Some(s) => {
            out.write(s)?;
            Ok(())
        }
        None => {
            let known: Vec<&str> = indicators
                .map(|m| m.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let closest = crate::diagnostic::closest(key, known.iter().copied());
            let hint = match closest {
                Some(c) => format!("; did you mean \"{c}\"?"),
                None => "; the file has no [indicators]".into(),
            };
            Err(render_error(format!("no indicator \"{key}\"{hint}")))
        }
    }
}

fn param<'a>(h: &'a Helper<'_>, index: usize, helper: &str) -> Result<&'a Value, RenderError> {
    h.param(index)
        .map(|p| p.value())
        .ok_or_else(|| render_error(format!("{helper} needs an argument")))
}

fn render_error(message: String) -> RenderError {
    RenderErrorReason::Other(message).into()
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(template: &str, data: Value) -> Result<String, RenderError> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb);
        hb.render_template(template, &data)
    }

    #[test]
    fn enumerate_joins_with_ordinals() {
        let out = render(
            "{{enumerate xs}}",
            json!({"xs": ["加强党建。", "壮大主体;", "优化服务"]}),
        )
        .unwrap();
        assert_eq!(out, "一是加强党建;二是壮大主体;三是优化服务。");
        assert_eq!(render("{{enumerate xs}}", json!({"xs": []})).unwrap(), "");
    }

    #[test]
    fn enum_label_counts_from_one() {
        let out = render(
            "{{#each xs}}{{enum_label @index}}{{this}} {{/each}}",
            json!({"xs": ["a", "b"]}),
        )
        .unwrap();
        assert_eq!(out, "一是a 二是b ");
    }

    #[test]
    fn cite_places_the_summary_or_names_the_closest_key() {
        let data = json!({"ind": {"rd_spend": {"summary": "4.54亿元,同比增长66.9%"}}});
        assert_eq!(
            render("{{cite \"rd_spend\"}}", data.clone()).unwrap(),
            "4.54亿元,同比增长66.9%"
        );
        let err = render("{{cite \"rd_spnd\"}}", data).unwrap_err();
        assert!(
            err.to_string().contains("did you mean \"rd_spend\""),
            "{err}"
        );
    }
}
