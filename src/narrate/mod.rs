//! Stage 4, narrate: facts + narrative → document outline, through Handlebars templates.
//!
//! Two passes. First every prose field of the data file is rendered as a small template of its
//! own, so a clerk can write `{{ind.rd_spend.summary}}` or `{{cite "rd_spend"}}` inside a
//! sentence and get the computed figure. Then the section templates place the rendered prose
//! and the facts into outline markup (see [`crate::outline`]), which is parsed into blocks.
//!
//! Handlebars runs in strict mode (a missing value is an error, never a blank) and without
//! HTML escaping (R&D stays R&D).

mod helpers;
pub mod templates;

use std::path::PathBuf;

use handlebars::{Handlebars, RenderError, RenderErrorReason, TemplateError};
use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::Source;
use crate::measure::Facts;
use crate::model::{Part, ReportFile};
use crate::outline::{Block, Directive, LITERAL, Outline, Table, TableKind};
pub use templates::{Origin, TemplateSet};

/// Renders a report to its outline.
pub fn narrate(
    source: &Source,
    file: &ReportFile,
    facts: &Facts,
    templates: &TemplateSet,
) -> Result<Outline, Diagnostics> {
    let markup = markup(source, file, facts, templates, Entry::SectionsDirectly)?;
    Outline::parse(&markup, |directive| match directive {
        Directive::IndicatorTable { caption } => Block::Table(indicator_table(facts, caption)),
    })
    .map_err(|e| {
        Diagnostic::error(format!(
            "the templates produced an outline line zongjie cannot read (line {} of the rendered text): {}",
            e.line, e.message
        ))
        .help("check heading marks (# to ####) and :: directives in your templates")
        .into()
    })
}

/// How the entry template is rendered (see [`render_report`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    /// Each `{{> section}}` rendered from the shared context when the entry is only a list.
    SectionsDirectly,
    /// Always through handlebars' partials (kept to test that both agree).
    #[cfg_attr(not(test), allow(dead_code))]
    ThroughPartials,
}

/// The outline markup the templates make of a report.
fn markup(
    source: &Source,
    file: &ReportFile,
    facts: &Facts,
    templates: &TemplateSet,
    entry: Entry,
) -> Result<String, Diagnostics> {
    let hb = templates
        .compiled
        .get_or_init(|| registry(templates))
        .as_ref()
        .map_err(Clone::clone)?;
    // The facts, serialized once. Prose fields cite them first; the rendered narrative is
    // then added beside them for the section templates.
    let mut context = handlebars::Context::from(json!({
        "report": facts.report,
        "ind": facts.indicators,
        "next_targets": facts.next_targets,
        "outlooks": facts.outlooks,
        "targets": facts.targets,
    }));
    let narrative = Narrative {
        hb,
        source,
        facts: &context,
        errors: Vec::new(),
    }
    .render(file, facts)?;
    if let Value::Object(map) = context.data_mut() {
        map.extend(narrative);
    }
    render_report(hb, templates, &context, entry)
        .map_err(|e| render_diagnostic(templates, &e).into())
}

/// Renders the entry template. When it is only a list of `{{> section}}` lines (as the
/// built-in one is), each section is rendered straight from the shared context: handlebars
/// would otherwise copy the whole context for every partial it enters. The output is the
/// same either way (a test renders every example both ways).
fn render_report(
    hb: &Handlebars<'static>,
    templates: &TemplateSet,
    context: &handlebars::Context,
    entry: Entry,
) -> Result<String, RenderError> {
    let report = templates.templates.iter().find(|t| t.name == "report");
    match report
        .filter(|_| entry == Entry::SectionsDirectly)
        .and_then(|t| section_list(&t.text))
        .filter(|names| names.iter().all(|n| hb.has_template(n)))
    {
        Some(names) => {
            let mut out = String::new();
            for name in names {
                out.push_str(&hb.render_with_context(name, context)?);
            }
            Ok(out)
        }
        None => hb.render_with_context("report", context),
    }
}

/// The section names of an entry template made of nothing but comments and `{{> name}}`
/// lines, each at the start of its own line; `None` for anything else.
fn section_list(text: &str) -> Option<Vec<&str>> {
    let mut names = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(body) = rest.strip_prefix("{{!--") {
            // A block comment, possibly over several lines, alone on its last line.
            let tail = &body[body.find("--}}")? + 4..];
            let (last, after) = tail.split_once('\n').unwrap_or((tail, ""));
            if !last.trim().is_empty() {
                return None;
            }
            rest = after;
            continue;
        }
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        let name = line
            .trim_end()
            .strip_prefix("{{>")?
            .strip_suffix("}}")?
            .trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        names.push(name);
        rest = after;
    }
    Some(names)
}

fn registry(templates: &TemplateSet) -> Result<Handlebars<'static>, Diagnostic> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    helpers::register(&mut hb);
    for t in &templates.templates {
        hb.register_template_string(t.name, &t.text)
            .map_err(|e| template_diagnostic(t, &e))?;
    }
    Ok(hb)
}

fn template_diagnostic(t: &templates::Template, e: &TemplateError) -> Diagnostic {
    let location = e
        .pos()
        .map(|(line, column)| line_location(&t.text, line, column));
    Diagnostic::error(format!("template syntax error: {}", e.reason()))
        .in_file(&t.display_path())
        .at(location)
        .help("check that every {{#if}}/{{#each}} is closed and braces are paired")
}

fn render_diagnostic(templates: &TemplateSet, e: &RenderError) -> Diagnostic {
    let template = e
        .template_name
        .as_deref()
        .and_then(|n| templates.templates.iter().find(|t| t.name == n));
    let (file, location) = match template {
        Some(t) => (
            t.display_path(),
            e.line_no
                .zip(e.column_no)
                .map(|(l, c)| line_location(&t.text, l, c)),
        ),
        None => (PathBuf::from("templates"), None),
    };
    let (message, help) = match e.reason() {
        RenderErrorReason::PartialNotFound(name) => (
            format!("the template includes {{{{> {name}}}}}, which is not one of zongjie's templates"),
            format!(
                "a template may include only these, by name: {}",
                templates::BUILT_IN
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        RenderErrorReason::MissingVariable(Some(path)) => (
            format!("the template names `{path}`, which this data file does not have"),
            "guard optional values with {{#if …}}, or check the name against README's citation table".into(),
        ),
        reason => (
            format!("template could not be filled: {reason}"),
            "check the helper's arguments and that every value the template names exists".into(),
        ),
    };
    Diagnostic::error(message)
        .in_file(&file)
        .at(location)
        .help(help)
}

/// Builds a [`Location`] from a 1-based line and column as handlebars reports them.
fn line_location(text: &str, line: usize, column: usize) -> Location {
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    Location {
        line,
        column: column.max(1),
        line_text: line_text.to_string(),
        width_chars: 1,
    }
}

/// Renders the prose fields of a data file, collecting every failure.
struct Narrative<'a> {
    hb: &'a Handlebars<'static>,
    source: &'a Source,
    /// What a prose field may cite: the facts alone.
    facts: &'a handlebars::Context,
    errors: Vec<Diagnostic>,
}

impl Narrative<'_> {
    /// What the section templates get beside the facts: every prose field, rendered.
    fn render(
        mut self,
        file: &ReportFile,
        facts: &Facts,
    ) -> Result<serde_json::Map<String, Value>, Diagnostics> {
        let opening = file
            .opening
            .as_ref()
            .map(|o| self.prose("opening.text", &o.text));
        let achievements: Vec<Value> = file
            .achievements
            .iter()
            .enumerate()
            .map(|(i, p)| self.part(&format!("achievements.{i}"), p))
            .collect();
        let highlights = self.titled("highlights", &file.highlights);
        let problems = self.titled("problems", &file.problems);
        let plan = file.plan.clone().unwrap_or_default();
        let plan = json!({
            "intro": plan.intro.as_ref().map(|t| self.prose("plan.intro", t)),
            "goals": plan.goals.iter().enumerate()
                .map(|(i, g)| self.prose(&format!("plan.goals.{i}"), g)).collect::<Vec<_>>(),
            "tasks": plan.tasks.iter().enumerate()
                .map(|(i, t)| self.part(&format!("plan.tasks.{i}"), t)).collect::<Vec<_>>(),
        });
        if !self.errors.is_empty() {
            return Err(Diagnostics(self.errors));
        }
        let has_plan = file.plan.is_some()
            || !facts.next_targets.is_empty()
            || (facts.report.half_year && !facts.targets.is_empty());
        let narrative = [
            ("has_indicators", json!(!file.indicators.is_empty())),
            ("opening", json!(opening)),
            ("achievements", json!(achievements)),
            ("highlights", json!(highlights)),
            ("problems", json!(problems)),
            ("has_plan", json!(has_plan)),
            ("plan", plan),
        ];
        Ok(narrative
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect())
    }

    fn part(&mut self, path: &str, part: &Part) -> Value {
        json!({
            "title": self.prose(&format!("{path}.title"), &part.title),
            "paragraphs": part.paragraphs.iter().enumerate()
                .map(|(i, p)| self.prose(&format!("{path}.paragraphs.{i}"), p)).collect::<Vec<_>>(),
            "points": part.points.iter().enumerate().map(|(i, p)| json!({
                "title": self.prose(&format!("{path}.points.{i}.title"), &p.title),
                "text": self.prose(&format!("{path}.points.{i}.text"), &p.text),
            })).collect::<Vec<_>>(),
        })
    }

    fn titled(&mut self, path: &str, items: &[crate::model::Highlight]) -> Vec<Value> {
        items
            .iter()
            .enumerate()
            .map(|(i, h)| {
                json!({
                    "title": self.prose(&format!("{path}.{i}.title"), &h.title),
                    "text": self.prose(&format!("{path}.{i}.text"), &h.text),
                })
            })
            .collect()
    }

    /// Renders one prose field; figures cited in it are filled in. Lines that would read as
    /// outline markup are marked literal.
    fn prose(&mut self, key_path: &str, text: &str) -> String {
        if !text.contains("{{") {
            return protect_markup(text);
        }
        if let Some(filled) = cite_directly(text, self.facts.data()) {
            return protect_markup(&filled);
        }
        match self.hb.render_template_with_context(text, self.facts) {
            Ok(rendered) => protect_markup(&rendered),
            Err(e) => {
                let (excerpt, message, help) = citation_problem(&e, self.facts.data());
                self.errors
                    .push(self.source.error_in(key_path, &excerpt, message).help(help));
                String::new()
            }
        }
    }
}

/// A prose field whose only handlebars are plain citations such as `{{ind.rd.growth}}`, each
/// naming text or a number in the facts, filled in without compiling it as a template: a batch
/// has thousands of them. `None` for anything else (helpers, blocks, escapes, a citation that
/// is missing), which handlebars then renders or explains.
fn cite_directly(text: &str, facts: &Value) -> Option<String> {
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
    let needs = match field {
        "previous" | "previous_number" | "growth" | "growth_percent" | "change" | "points"
        | "yoy" | "comparison" => "it needs `previous` (last year's value)".to_string(),
        "relative" => "it needs `previous` and `relative_change = true` on a % indicator".into(),
        "multiple" | "doubling" => "it is given only for growth of 100% or more".into(),
        "target" | "target_number" | "completion" | "completion_rate" | "target_status"
        | "target_summary" => "it needs `target`".into(),
        "remaining" => "it is given only for a part-year target not yet met".into(),
        "progress" => "it needs `target` and figures for part of the year (`cutoff_month`)".into(),
        "next_target" | "next_change" => "it needs `next_target`".into(),
        "share" | "share_rate" => "it needs `part_of` naming the total".into(),
        "streak" | "record" | "milestone" | "series" | "average_growth" => {
            "it needs `history` (and `milestones` for 首次突破), and is given only when it holds"
                .into()
        }
        "outlook" | "outlook_growth" => "it needs `outlook = { year = …, value = … }`".into(),
        _ => {
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

fn protect_markup(text: &str) -> String {
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

/// 主要指标完成情况表: one row per indicator, figures as the measure stage printed them.
fn indicator_table(facts: &Facts, caption: String) -> Table {
    let year = facts.report.year;
    let span = &facts.report.span;
    let dash = || "—".to_string();
    Table {
        kind: TableKind::Indicators,
        caption: if caption.is_empty() {
            "主要指标完成情况表".into()
        } else {
            caption
        },
        header: vec![
            "指标".into(),
            "单位".into(),
            format!("{year}年{span}"),
            format!("{}年{span}", year - 1),
            "同比".into(),
            if facts.report.part_year {
                "全年目标".into()
            } else {
                "目标".into()
            },
            "完成情况".into(),
        ],
        rows: facts
            .indicators
            .values()
            .map(|f| {
                vec![
                    f.name.clone(),
                    f.unit.clone(),
                    f.number.clone(),
                    f.previous_number.clone().unwrap_or_else(dash),
                    f.comparison.clone().unwrap_or_else(dash),
                    f.target_number.clone().unwrap_or_else(dash),
                    f.completion_rate
                        .clone()
                        .or_else(|| f.target_status.clone())
                        .unwrap_or_else(dash),
                ]
            })
            .collect(),
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_of_section_lines_is_read_as_a_list() {
        let built_in = templates::BUILT_IN[0].1;
        assert_eq!(
            section_list(built_in).unwrap(),
            [
                "title",
                "opening",
                "achievements",
                "highlights",
                "problems",
                "plan",
                "outlook",
                "signature"
            ]
        );
        assert_eq!(
            section_list("{{> a}}\n{{!-- x\n y --}}\n{{> b}}").unwrap(),
            ["a", "b"]
        );
        // Anything else goes through handlebars as written.
        for other in [
            "{{> a}}\n\n{{> b}}\n",
            "  {{> a}}\n",
            "{{> a}} text\n",
            "{{#if x}}{{> a}}{{/if}}\n",
            "{{> a b=1}}\n",
            "{{!-- open\n{{> a}}\n",
        ] {
            assert_eq!(section_list(other), None, "{other:?}");
        }
    }

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
        helpers::register(&mut hb);
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

    /// Rendering the sections directly is only a shortcut: every example must come out the
    /// same as through handlebars' own partials.
    #[test]
    fn sections_rendered_directly_match_partials() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let mut files: Vec<PathBuf> = Vec::new();
        for dir in [root.to_string(), format!("{root}/huaihua-2024")] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "toml") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() >= 16, "{files:?}");
        let templates = TemplateSet::built_in();
        for path in files {
            let source = Source::read(&path).unwrap();
            let checked = crate::check(&source, crate::Options::default()).unwrap();
            let direct = markup(
                &source,
                &checked.file,
                &checked.facts,
                &templates,
                Entry::SectionsDirectly,
            )
            .unwrap();
            let partials = markup(
                &source,
                &checked.file,
                &checked.facts,
                &templates,
                Entry::ThroughPartials,
            )
            .unwrap();
            assert!(direct.len() > 500, "{}", path.display());
            assert_eq!(direct, partials, "{}", path.display());
        }
    }
}
