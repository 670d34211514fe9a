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

pub mod diagnostic;
pub mod layout;
pub mod load;
pub mod measure;
pub mod model;
pub mod narrate;
pub mod number;
pub mod outline;
pub mod output;
pub mod validate;

use diagnostic::{Diagnostic, Diagnostics};
use load::Source;
use measure::Facts;
use narrate::TemplateSet;
use outline::Outline;

/// A checked and measured report, ready to narrate.
pub struct Checked {
    pub file: model::ReportFile,
    pub facts: Facts,
    pub warnings: Vec<Diagnostic>,
}

/// Load + validate + measure. Errors carry every problem found, warnings included.
pub fn check(source: &Source) -> Result<Checked, Diagnostics> {
    let file = load::parse(source)?;
    let findings = validate::validate(source, &file);
    if findings.iter().any(Diagnostic::is_error) {
        return Err(Diagnostics(findings));
    }
    let facts = measure::measure(&file);
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
pub fn draft(source: &Source, templates: &TemplateSet) -> Result<Draft, Diagnostics> {
    let checked = check(source)?;
    let outline = narrate::narrate(source, &checked.file, &checked.facts, templates)?;
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
