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
    let hb = templates
        .compiled
        .get_or_init(|| registry(templates))
        .as_ref()
        .map_err(Clone::clone)?;
    // What a prose field may cite: the facts alone, before any narrative is rendered.
    let facts_context = json!({
        "report": facts.report,
        "ind": facts.indicators,
        "next_targets": facts.next_targets,
        "outlooks": facts.outlooks,
        "targets": facts.targets,
    });
    let context = Narrative {
        hb,
        source,
        facts: &facts_context,
        // Wrapped once: render_template would convert the whole context for every field.
        facts_wrapped: &handlebars::Context::wraps(&facts_context).map_err(|e| {
            Diagnostic::error(format!("internal error while preparing the facts: {e}"))
        })?,
        errors: Vec::new(),
    }
    .context(file, facts)?;
    let markup = hb
        .render("report", &context)
        .map_err(|e| render_diagnostic(templates, &e))?;
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
    facts: &'a Value,
    facts_wrapped: &'a handlebars::Context,
    errors: Vec<Diagnostic>,
}

impl Narrative<'_> {
    /// The section templates' context: the facts plus every prose field, rendered.
    fn context(mut self, file: &ReportFile, facts: &Facts) -> Result<Value, Diagnostics> {
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
        Ok(json!({
            "report": facts.report,
            "ind": facts.indicators,
            "next_targets": facts.next_targets,
            "outlooks": facts.outlooks,
            "targets": facts.targets,
            "has_indicators": !file.indicators.is_empty(),
            "opening": opening,
            "achievements": achievements,
            "highlights": highlights,
            "problems": problems,
            "has_plan": file.plan.is_some()
                || !facts.next_targets.is_empty()
                || (facts.report.half_year && !facts.targets.is_empty()),
            "plan": plan,
        }))
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
        match self
            .hb
            .render_template_with_context(text, self.facts_wrapped)
        {
            Ok(rendered) => protect_markup(&rendered),
            Err(e) => {
                let (excerpt, message, help) = citation_problem(&e, self.facts);
                self.errors
                    .push(self.source.error_in(key_path, &excerpt, message).help(help));
                String::new()
            }
        }
    }
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
