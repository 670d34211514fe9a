//! The prose fields of a data file, each rendered on its own so that it may cite the facts:
//! `{{ind.rd_spend.summary}}` becomes 4.54亿元,同比增长66.9%. A citation that names nothing is
//! a finding at the field's key path, with the citation under the caret.

use handlebars::{Handlebars, RenderError, RenderErrorReason};
use serde_json::Value;

use crate::diagnostic::Finding;
use crate::measure::Citable;
use crate::outline::LITERAL;

/// Renders the prose fields of a data file as they are placed, collecting every failure.
pub(super) struct Prose<'a> {
    hb: &'a Handlebars<'static>,
    pub errors: Vec<Finding>,
}

impl<'a> Prose<'a> {
    pub(super) fn new(hb: &'a Handlebars<'static>) -> Self {
        Prose {
            hb,
            errors: Vec::new(),
        }
    }

    /// Renders one prose field: figures cited in it are filled in from `facts` (the facts in
    /// words). A problem is recorded at `key_path` and the field reads as nothing.
    pub(super) fn render(
        &mut self,
        facts: &handlebars::Context,
        key_path: &str,
        text: &str,
    ) -> String {
        if !text.contains("{{") {
            return text.to_string();
        }
        if let Some(filled) = cite_directly(text, facts.data()) {
            return filled;
        }
        match self.hb.render_template_with_context(text, facts) {
            Ok(rendered) => rendered,
            Err(e) => {
                let (excerpt, message, help) = citation_problem(&e, facts.data());
                self.errors
                    .push(Finding::error(key_path, message).about(excerpt).help(help));
                String::new()
            }
        }
    }
}

/// A prose field whose only handlebars are plain citations such as `{{ind.rd.growth}}`, each
/// naming text or a number in the facts, filled in without compiling it as a template: a batch
/// has thousands of them. `None` for anything else (helpers, blocks, escapes, a citation that
/// is missing), which handlebars then renders or explains.
pub(super) fn cite_directly(text: &str, facts: &Value) -> Option<String> {
    if text.contains("{{{") || text.contains("}}}") || text.contains("\\{{") {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("}}")?;
        let path = after[..close].trim();
        let mut segments = path.split('.');
        let first = segments.next()?;
        let mut value = facts.get(first)?;
        let mut dotted = false;
        for segment in segments {
            let plain = !segment.is_empty()
                && !segment.bytes().all(|b| b.is_ascii_digit())
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if !plain {
                return None;
            }
            value = value.as_object()?.get(segment)?;
            dotted = true;
        }
        // One bare word could be a helper's name; a dotted path never is.
        if !dotted
            || !first
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return None;
        }
        match value {
            Value::String(s) => out.push_str(s),
            Value::Number(n) => out.push_str(&n.to_string()),
            _ => return None,
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    Some(out)
}

/// What is wrong with a citation in prose, said in the data's terms: the citation itself (for
/// the caret), the message and the fix.
fn citation_problem(e: &RenderError, facts: &Value) -> (String, String, String) {
    let general = "cite indicators as {{ind.KEY.value}}, {{ind.KEY.summary}} or {{cite \"KEY\"}} with a key from [indicators]";
    let Some(path) = (match e.reason() {
        RenderErrorReason::MissingVariable(path) => path.clone(),
        RenderErrorReason::TemplateError(_) => {
            let message = "a citation is not closed: each {{ needs its }}".to_string();
            return ("{{".into(), message, general.into());
        }
        _ => None,
    }) else {
        return (
            String::new(),
            format!("cannot fill in this text: {}", e.reason()),
            general.into(),
        );
    };
    let excerpt = format!("{{{{{path}}}}}");
    let mut parts = path.splitn(3, '.');
    let (Some("ind"), Some(key), field) = (parts.next(), parts.next(), parts.next()) else {
        let message = format!("`{path}` is not something a text can cite");
        return (excerpt, message, general.into());
    };
    let indicators = facts.get("ind").and_then(Value::as_object);
    let Some(known) = indicators.and_then(|m| m.get(key)) else {
        let keys = indicators
            .map(|m| m.keys().map(String::as_str).collect::<Vec<_>>())
            .unwrap_or_default();
        let help = match crate::diagnostic::closest(key, keys.iter().copied()) {
            Some(c) => format!(
                "did you mean \"{c}\"? the keys under [indicators] are: {}",
                keys.join(", ")
            ),
            None => "the file has no [indicators] to cite".into(),
        };
        return (excerpt, format!("there is no indicator \"{key}\""), help);
    };
    let field = field.unwrap_or_default();
    let needs = match Citable::ALL
        .iter()
        .find(|c| c.name() == field)
        .and_then(|c| needs(*c))
    {
        Some(needs) => needs.to_string(),
        None => {
            let fields = known
                .as_object()
                .map(|m| m.keys().map(String::as_str).collect::<Vec<_>>().join(", "))
                .unwrap_or_default();
            format!("this indicator offers: {fields}")
        }
    };
    let message = format!("indicator \"{key}\" has no `{field}` to cite");
    (
        excerpt,
        message,
        format!("{needs}; or cite another field such as {{{{ind.{key}.value}}}}"),
    )
}

/// What the data must give for a citable field to exist; `None` for the fields every
/// indicator has.
fn needs(field: Citable) -> Option<&'static str> {
    use Citable as C;
    Some(match field {
        C::Key | C::Name | C::Label | C::Unit | C::Kind | C::Value | C::Number | C::Summary => {
            return None;
        }
        C::Period => "it needs `period` (the indicator's own period when it is not the report's)",
        C::Previous | C::PreviousNumber | C::Change => "it needs `previous` (last year's value)",
        C::Growth | C::GrowthPercent | C::Points | C::Yoy | C::Comparison => {
            "it needs `previous` (last year's value) or `stated_growth`"
        }
        C::Relative => "it needs `previous` and `relative_change = true` on a % indicator",
        C::Multiple | C::Doubling => "it is given only for growth of 100% or more",
        C::Target
        | C::TargetNumber
        | C::Completion
        | C::CompletionRate
        | C::TargetStatus
        | C::TargetSummary => "it needs `target`",
        C::Remaining => "it is given only for a part-year target not yet met",
        C::Progress => "it needs `target` and figures for part of the year (`cutoff_month`)",
        C::NextTarget | C::NextChange => "it needs `next_target`",
        C::NextGrowth => "it needs `next_growth` (a planned rate: 10, or [10, 15])",
        C::Share | C::ShareRate => "it needs `part_of` naming the total",
        C::Streak | C::Record | C::Milestone | C::Series | C::AverageGrowth => {
            "it needs `history` (and `milestones` for a first crossing), and is given only when it holds"
        }
        C::Outlook | C::OutlookGrowth => "it needs `outlook = { year = …, value = … }`",
    })
}

/// Prose to be placed by a template: lines that would read as outline markup are marked
/// literal.
pub(super) fn protect_markup(text: &str) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_start();
            if t.starts_with('#') || t.starts_with('=') || t.starts_with("::") {
                format!("{LITERAL}{line}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Citations filled in directly read exactly as handlebars renders them; anything the
    /// shortcut does not handle is left to handlebars.
    #[test]
    fn direct_citations_match_handlebars() {
        let facts = json!({
            "ind": {
                "rd": {"value": "4.54亿元", "growth": "增长66.9%", "number": 12.5, "flag": true,
                       "none": null, "list": ["a"], "sub": {"x": "深"}},
            },
            "report": {"year": 2024},
        });
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(handlebars::no_escape);
        super::super::helpers::register(&mut hb);
        let direct = [
            "投入{{ind.rd.value}},{{ ind.rd.growth }}。",
            "{{ind.rd.number}}{{report.year}}年{{ind.rd.sub.x}}",
            "R&D <b> \"引号\" {{ind.rd.value}}",
            "无引用的 }} 右括号 {{ind.rd.value}}",
        ];
        for text in direct {
            let filled = cite_directly(text, &facts).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(filled, hb.render_template(text, &facts).unwrap(), "{text}");
        }
        let left_to_handlebars = [
            "{{ind.rd.flag}}",
            "{{ind.rd.none}}",
            "{{ind.rd.list}}",
            "{{ind.rd.missing}}",
            "{{ind.nothing.value}}",
            "{{ind.rd.list.0}}",
            "{{cite \"rd\"}}",
            "{{#if ind.rd.value}}有{{/if}}",
            "{{{ind.rd.value}}}",
            "\\{{ind.rd.value}}",
            "{{ind.rd.value",
            "{{ind}}",
            "{{@root.ind.rd.value}}",
            "{{../ind.rd.value}}",
            "{{~ind.rd.value~}}",
            "{{!ind.rd.value}}",
        ];
        for text in left_to_handlebars {
            assert_eq!(cite_directly(text, &facts), None, "{text}");
        }
    }
}
