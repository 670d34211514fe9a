//! Template helpers, one per file, registered in one place. They arrange words already
//! produced by the measure stage; none of them computes a figure.

mod cite;
mod clause;
mod enum_label;
mod enumerate;

use handlebars::{Handlebars, Helper, RenderError, RenderErrorReason};
use serde_json::Value;

pub fn register(hb: &mut Handlebars<'_>) {
    hb.register_helper("enumerate", Box::new(enumerate::enumerate));
    hb.register_helper("enum_label", Box::new(enum_label::enum_label));
    hb.register_helper("cite", Box::new(cite::cite));
    hb.register_helper("clause", Box::new(clause::clause));
}

/// A parameter as text: a string as it is, anything else as JSON.
fn text_of(value: &Value) -> String {
    value
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| value.to_string())
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

    /// Renders `template` with zongjie's helpers, as the registry would.
    pub fn render(template: &str, data: Value) -> Result<String, RenderError> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb);
        hb.render_template(template, &data)
    }
}
