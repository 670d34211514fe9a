//! Stage 4, narrate: facts + narrative → document outline, through Handlebars templates.
//!
//! Two passes. First every prose field of the data file is rendered on its own (`prose`),
//! so a clerk can write `{{ind.rd_spend.summary}}` or `{{cite "rd_spend"}}` inside a sentence
//! and get the computed figure. Then the section templates (`templates`, compiled once in
//! `registry`) place the rendered prose and the facts into outline markup (see
//! [`crate::outline`]), which is parsed into blocks.
//!
//! Handlebars runs in strict mode (a missing value is an error, never a blank) and without
//! HTML escaping (R&D stays R&D).

mod context;
mod helpers;
mod prose;
mod registry;
mod templates;

use handlebars::{Handlebars, RenderError};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Finding};
use crate::measure::Facts;
use crate::model::ReportFile;
use crate::outline::{Block, Directive, Outline};
use crate::views;
pub use templates::{Origin, Template, TemplateSet};

/// What stopped a report from being narrated.
#[derive(Debug, Clone)]
pub enum Problem {
    /// A prose field of the data file (a citation that names nothing), at its key path.
    Prose(Finding),
    /// A template, or the outline the templates made; already located in the template.
    Template(Diagnostic),
}

/// Renders a report to its outline; every prose problem is reported, or else the first
/// template problem.
pub fn narrate(
    file: &ReportFile,
    facts: &Facts,
    templates: &TemplateSet,
) -> Result<Outline, Vec<Problem>> {
    let markup = markup(file, facts, templates)?;
    Outline::parse(&markup, |directive| match directive {
        Directive::IndicatorTable { caption } => {
            Block::Table(views::tables::indicators(facts, caption))
        }
    })
    .map_err(|e| {
        vec![Problem::Template(
            Diagnostic::error(format!(
                "the templates produced an outline line zongjie cannot read (line {} of the rendered text): {}",
                e.line, e.message
            ))
            .help("check heading marks (# to ####) and :: directives in your templates"),
        )]
    })
}

/// The outline markup the templates make of a report.
fn markup(
    file: &ReportFile,
    facts: &Facts,
    templates: &TemplateSet,
) -> Result<String, Vec<Problem>> {
    let (hb, context) = prepare(file, facts, templates)?;
    render_report(hb, templates, &context).map_err(|e| {
        vec![Problem::Template(registry::render_diagnostic(
            templates, &e,
        ))]
    })
}

/// The compiled templates and what they may place: the facts in words and every prose field
/// rendered.
fn prepare<'t>(
    file: &ReportFile,
    facts: &Facts,
    templates: &'t TemplateSet,
) -> Result<(&'t Handlebars<'static>, handlebars::Context), Vec<Problem>> {
    let hb = templates
        .compiled
        .get_or_init(|| registry::compile(templates))
        .as_ref()
        .map_err(|d| vec![Problem::Template(d.clone())])?;
    // The facts, serialized once. Prose fields cite them first; the rendered narrative is
    // then added beside them for the section templates.
    let mut context = handlebars::Context::from(context::of(facts));
    let narrative = prose::Narrative::new(hb, &context)
        .render(file, facts)
        .map_err(|found| found.into_iter().map(Problem::Prose).collect::<Vec<_>>())?;
    if let Value::Object(map) = context.data_mut() {
        map.extend(narrative);
    }
    Ok((hb, context))
}

/// Renders the entry template. When it is only a list of `{{> section}}` lines (as the
/// built-in one is), each section is rendered straight from the shared context: handlebars
/// would otherwise copy the whole context for every partial it enters. The output is the
/// same either way (a test renders every example both ways).
fn render_report(
    hb: &Handlebars<'static>,
    templates: &TemplateSet,
    context: &handlebars::Context,
) -> Result<String, RenderError> {
    let report = templates.templates.iter().find(|t| t.name == "report");
    match report
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;
    use prose::cite_directly;
    use serde_json::json;
    use std::path::PathBuf;

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
            let (hb, context) = prepare(&checked.file, &checked.facts, &templates).unwrap();
            let direct = render_report(hb, &templates, &context).unwrap();
            let partials = hb.render_with_context("report", &context).unwrap();
            assert!(direct.len() > 500, "{}", path.display());
            assert_eq!(direct, partials, "{}", path.display());
        }
    }
}
