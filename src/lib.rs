//! zongjie (总结): drafts Chinese S&T bureau work summaries from TOML data.
//!
//! The pipeline, one module per stage, plain data between them:
//!
//! ```text
//! load      TOML text → model::ReportFile          (load, model, number)
//! validate  sense checks → diagnostics             (validate)
//! measure   comparisons → measure::Facts           (measure)
//! narrate   templates → outline::Outline           (narrate, outline)
//! lay out   outline → GB/T 9704 DOCX bytes         (layout)
//! ```

// Diagnostics travel only on the failure path, once per problem found; boxing them to make
// `Result` smaller would buy nothing measurable and cost readability everywhere.
#![allow(clippy::result_large_err)]

pub mod audit;
pub mod batch;
pub mod bench;
pub mod carry;
pub mod catalogue;
pub mod diagnostic;
pub mod import;
pub mod layout;
pub mod load;
pub mod measure;
pub mod model;
pub mod narrate;
pub mod number;
pub mod outline;
pub mod output;
pub mod preview;
pub mod rollup;
pub mod schema;
pub mod skeleton;
pub mod validate;

use diagnostic::{Diagnostic, Diagnostics};
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
    /// The indicator catalogue to resolve keys against (default: the standard one).
    pub catalogue: Option<&'a catalogue::Catalogue>,
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
    check_as(source, options, Consistency::Checked)
}

/// Whether [`check`] looks for figures that disagree with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Consistency {
    Checked,
    /// Skipped: its findings are warnings that would be found again (a batch's first pass,
    /// which only decides whether a file can be ranked, when warnings are not errors).
    Skipped,
}

pub(crate) fn check_as(
    source: &Source,
    options: Options,
    consistency: Consistency,
) -> Result<Checked, Diagnostics> {
    let mut file = load::parse(source)?;
    let catalogue = options
        .catalogue
        .unwrap_or_else(|| catalogue::Catalogue::standard());
    let mut findings = catalogue::resolve(source, &mut file, catalogue);
    findings.extend(validate::validate(source, &file));
    if findings.iter().any(Diagnostic::is_error) {
        return Err(Diagnostics(findings));
    }
    let facts = measure::measure(&file);
    let inconsistent = match consistency {
        Consistency::Checked => measure::checks::consistency(&file, &facts),
        Consistency::Skipped => Vec::new(),
    };
    findings.extend(inconsistent.into_iter().map(|f| {
        source
            .warning_in(
                &f.key_path,
                f.excerpt.as_deref().unwrap_or_default(),
                f.message,
            )
            .help(f.help)
    }));
    if options.strict && !findings.is_empty() {
        return Err(Diagnostics(
            findings.into_iter().map(Diagnostic::escalate).collect(),
        ));
    }
    Ok(Checked {
        file,
        facts,
        warnings: findings,
    })
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
    let mut outline = narrate::narrate(source, &checked.file, &checked.facts, templates)?;
    if options.audit_table {
        outline.blocks.push(outline::Block::PageBreak);
        outline
            .blocks
            .push(outline::Block::Table(audit::table(&checked.facts)));
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
