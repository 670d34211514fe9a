//! zongjie (总结): drafts Chinese S&T bureau work summaries from TOML data.
//!
//! The pipeline, one module per stage, plain data between them:
//!
//! ```text
//! load      TOML text → model::ReportFile               (load; the data contract is model)
//! validate  sense checks → key-path findings            (validate)
//! measure   comparisons → measure::Facts (typed)        (measure)
//! validate  consistency of the facts → findings         (validate::consistency)
//! narrate   facts + templates → outline::Outline         (narrate, outline)
//! lay out   outline → GB/T 9704 DOCX bytes              (layout)
//! ```
//!
//! This file is the facade: [`check`] runs the first four stages and locates every finding in
//! the data file once; [`draft`] adds the last two. Beside the pipeline:
//!
//! - [`ops`]: what the commands do with many files or with the data file itself (batch,
//!   rollup, next, import, init, and writing files safely);
//! - [`views`]: other readings of the same facts and outline (the audit, the terminal preview,
//!   the tables);
//! - [`zh`]: every word of Chinese zongjie writes;
//! - [`diagnostic`]: what is wrong with an input, where and how to fix it.

// Diagnostics travel only on the failure path, once per problem found; boxing them to make
// `Result` smaller would buy nothing measurable and cost readability everywhere.
#![allow(clippy::result_large_err)]

pub mod diagnostic;
pub mod layout;
pub mod load;
pub mod measure;
pub mod model;
pub mod narrate;
pub mod ops;
pub mod outline;
pub mod safe;
pub mod timing;
pub mod validate;
pub mod views;
pub mod zh;

use diagnostic::{Diagnostic, Diagnostics, Finding, Severity};
use load::Source;
use measure::Facts;
use narrate::TemplateSet;
use outline::Outline;

/// How strictly to check, and what to add to a draft.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Treat warnings (consistency findings included) as errors.
    pub strict: bool,
    /// Append the 数据核对表 (every computed figure) to the draft as a last-page table.
    pub audit_table: bool,
    /// The city's profile the file follows: its catalogue, house style and outline (default:
    /// the standard catalogue and GB/T 9704 style, and no departures to report).
    pub profile: Option<&'a load::profile::Profile>,
    /// The file is still being filled in (`import` into a file from `init` or `next`): the
    /// placeholders those commands wrote are not errors yet.
    pub unfinished: bool,
}

/// A checked and measured report, ready to narrate.
pub struct Checked {
    pub file: model::ReportFile,
    pub facts: Facts,
    pub warnings: Vec<Diagnostic>,
}

/// Load + validate + measure + consistency checks. Errors carry every problem found,
/// warnings included; with `strict`, any warning is an error.
pub fn check(source: &Source, options: Options) -> Result<Checked, Diagnostics> {
    check_as(source, options, Scope::Whole)
}

/// How much of [`check`] to do: a batch checks each file twice (once to rank it, once to draft
/// it), and the second time need not repeat what the first found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scope {
    Whole,
    /// All but the consistency checks, whose findings are warnings that would be found again
    /// (a batch's first pass, which only decides whether a file can be ranked, when warnings
    /// are not errors).
    WithoutConsistency,
    /// The same text passed every other check earlier, with these warnings: the file is only
    /// loaded, measured and checked for consistency. (Each check is a function of the text
    /// and the options alone, so it would find the same again.)
    ConsistencyAfter(Vec<Diagnostic>),
}

pub(crate) fn check_as(
    source: &Source,
    options: Options,
    scope: Scope,
) -> Result<Checked, Diagnostics> {
    let mut file = load::parse(source)?;
    let checked_before = match &scope {
        Scope::ConsistencyAfter(_) => true,
        Scope::Whole | Scope::WithoutConsistency => false,
    };
    let catalogue = match options.profile {
        Some(p) => &p.catalogue,
        None => load::catalogue::Catalogue::standard(),
    };
    let mut findings = load::catalogue::resolve(&mut file, catalogue);
    let looks_for_placeholders = !options.unfinished && !checked_before;
    if looks_for_placeholders {
        findings.extend(load::placeholders::find(source));
    }
    let mut departures = Vec::new();
    if let Some(profile) = options.profile {
        if !checked_before {
            departures = validate::profile::departures(&file, profile);
        }
        let own = file.style.take().unwrap_or_default();
        file.style = Some(own.over(&profile.style));
    }
    if !checked_before {
        let texts = file.texts();
        if looks_for_placeholders {
            findings.extend(validate::placeholder_text(&texts));
        }
        findings.extend(departures);
        findings.extend(validate::validate(&file, &texts));
    }
    // After the checks, which point at the text as typed.
    let full_width = file
        .style
        .as_ref()
        .and_then(|s| s.full_width_punctuation)
        .unwrap_or(true);
    if full_width {
        findings.extend(load::punctuation::normalise(&mut file));
    }
    let consistency = scope != Scope::WithoutConsistency;
    let mut found = match scope {
        // What loading found again is among what the earlier check found.
        Scope::ConsistencyAfter(earlier) => earlier,
        Scope::Whole | Scope::WithoutConsistency => locate(source, findings),
    };
    if found.iter().any(Diagnostic::is_error) {
        return Err(Diagnostics(found));
    }
    let facts = measure::measure(&file);
    if consistency {
        found.extend(locate(
            source,
            validate::consistency::consistency(&file, &facts),
        ));
    }
    if options.strict && found.iter().any(|d| d.severity == Severity::Warning) {
        return Err(Diagnostics(
            found.into_iter().map(Diagnostic::escalate).collect(),
        ));
    }
    Ok(Checked {
        file,
        facts,
        warnings: found,
    })
}

/// Key-path findings of the stages, given their place in the data file: the one place they
/// are located.
fn locate(source: &Source, findings: Vec<Finding>) -> Vec<Diagnostic> {
    findings
        .into_iter()
        .map(|f| source.locate_finding(f))
        .collect()
}

/// A finished draft.
pub struct Draft {
    pub outline: Outline,
    pub facts: Facts,
    pub warnings: Vec<Diagnostic>,
    pub docx: Vec<u8>,
}

/// The whole pipeline, from the text of a data file to DOCX bytes. Writes nothing.
pub fn draft(
    source: &Source,
    templates: &TemplateSet,
    options: Options,
) -> Result<Draft, Diagnostics> {
    let checked = check(source, options)?;
    render(source, checked, templates, options)
}

/// Narrate + lay out a checked report (a batch ranks its reports in between).
pub fn render(
    source: &Source,
    checked: Checked,
    templates: &TemplateSet,
    options: Options,
) -> Result<Draft, Diagnostics> {
    let mut outline = timing::timed(timing::Stage::Narrate, || {
        narrate::narrate(&checked.file, &checked.facts, templates)
    })
    .map_err(|e| Diagnostics(locate_all(source, e)))?;
    if options.audit_table {
        outline.blocks.push(outline::Block::PageBreak);
        outline
            .blocks
            .push(outline::Block::Table(views::audit::table(&checked.facts)));
    }
    let docx = layout::lay_out(&outline).map_err(|e| {
        Diagnostic::error(format!("internal error while laying out the document: {e}"))
            .in_file(&source.path)
            .help("please report this with the data file")
    })?;
    Ok(Draft {
        outline,
        facts: checked.facts,
        warnings: checked.warnings,
        docx,
    })
}

/// What narrate found: findings in the data file are located in it; problems of templates
/// already name their template.
fn locate_all(source: &Source, problems: Vec<narrate::Problem>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|p| match p {
            narrate::Problem::Prose(f) => source.locate_finding(f),
            narrate::Problem::Template(d) => d,
        })
        .collect()
}
