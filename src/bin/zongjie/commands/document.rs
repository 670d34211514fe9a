//! Commands on one data file: draft, preview, explain, check.

use std::path::{Path, PathBuf};
use std::time::Instant;

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::ops::write::{refuse_existing, refuse_input, write_atomically};

use crate::Status;
use crate::args::{
    AuditMode, CheckArgs, ColorArg, DraftArgs, DraftFormat, ExplainArgs, ExplainFormat,
    PreviewArgs, Setup,
};

/// out/<file name>.docx.
fn default_output(file: &Path, format: DraftFormat) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
    Path::new("out").join(format!("{stem}.{}", format.extension()))
}

pub fn draft(setup: &Setup, a: &DraftArgs) -> Result<Status, Diagnostics> {
    let started = Instant::now();
    let force = a.overwrite.force;
    let output = a
        .output
        .clone()
        .unwrap_or_else(|| default_output(&a.file, a.format));
    let audit_file =
        (a.audit == Some(AuditMode::Json)).then(|| output.with_extension("audit.json"));
    for path in std::iter::once(&output).chain(&audit_file) {
        refuse_input(path, &a.file)?;
        refuse_existing(path, force)?;
    }
    let options = zongjie::Options {
        audit_table: a.audit == Some(AuditMode::Table),
        ..setup.options(a.strictness)
    };
    let source = Source::read(&a.file)?;
    let draft = zongjie::draft(&source, &setup.templates, options)?;
    eprint!("{}", Diagnostics(draft.warnings.clone()));
    if let Some(path) = &audit_file {
        let json = zongjie::views::audit::json(&draft.facts);
        write_atomically(path, json.as_bytes(), force)?;
        eprintln!("wrote {}", path.display());
    }
    let bytes = match a.format {
        DraftFormat::Docx => draft.docx,
        DraftFormat::Html => zongjie::layout::html::write(&draft.outline, &[]).into_bytes(),
    };
    write_atomically(&output, &bytes, force)?;
    eprintln!(
        "wrote {} ({} blocks, {} figures computed, {} KB) in {} ms",
        output.display(),
        draft.outline.blocks.len(),
        draft.facts.figures.len(),
        bytes.len().div_ceil(1024),
        started.elapsed().as_millis()
    );
    Ok(Status::Done)
}

pub fn preview(setup: &Setup, a: &PreviewArgs) -> Result<Status, Diagnostics> {
    use std::io::IsTerminal;
    let source = Source::read(&a.file)?;
    let draft = zongjie::draft(&source, &setup.templates, setup.lenient())?;
    eprint!("{}", Diagnostics(draft.warnings.clone()));
    let color = match a.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    print!(
        "{}",
        zongjie::views::preview::render(&draft.outline, &draft.facts, color)
    );
    Ok(Status::Done)
}

pub fn explain(setup: &Setup, a: &ExplainArgs) -> Result<Status, Diagnostics> {
    let source = Source::read(&a.file)?;
    let checked = zongjie::check(&source, setup.lenient())?;
    eprint!("{}", Diagnostics(checked.warnings));
    match a.format {
        ExplainFormat::Text => print!("{}", zongjie::views::audit::text(&checked.facts)),
        ExplainFormat::Json => println!("{}", zongjie::views::audit::json(&checked.facts)),
    }
    Ok(Status::Done)
}

/// Every file is checked and reported; the run fails if any has errors.
pub fn check(setup: &Setup, a: &CheckArgs) -> Result<Status, Diagnostics> {
    let mut failed = 0;
    for file in &a.files {
        // Exactly what `draft` does, the DOCX thrown away: a file that checks, drafts.
        let result = Source::read(file)
            .map_err(Diagnostics::from)
            .and_then(|s| zongjie::draft(&s, &setup.templates, setup.options(a.strictness)));
        match result {
            Ok(drafted) => {
                eprint!("{}", Diagnostics(drafted.warnings));
                eprintln!("{}: ok", file.display());
            }
            Err(d) => {
                failed += 1;
                eprint!("{d}");
            }
        }
    }
    if failed == 0 {
        return Ok(Status::Done);
    }
    eprint!(
        "{}",
        Diagnostic::error(format!("{failed} of {} files have errors", a.files.len()))
    );
    Ok(Status::SomeFailed)
}
