//! `{{cite "rd_spend"}}`: an indicator's value with its comparison.

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext};

use serde_json::Value;

use super::{param, render_error};

/// `{{cite "rd_spend"}}` → the indicator's value with its comparison: 4.54亿元,同比增长66.9%.
pub(super) fn cite(
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

#[cfg(test)]
mod tests {
    use super::super::tests::render;
    use serde_json::json;

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
