//! Commands on one data file: draft, preview, explain, check.

use std::path::{Path, PathBuf};
use std::time::Instant;

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;
use zongjie::ops::write::write_atomically;

use crate::{AuditMode, ColorArg, Context, ExplainFormat};

pub fn default_output(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
    Path::new("out").join(format!("{stem}.docx"))
}

pub fn draft(
    cx: &Context,
    file: &Path,
    output: Option<PathBuf>,
    force: bool,
    templates: Option<&Path>,
    strict: bool,
    audit: Option<AuditMode>,
) -> Result<(), Diagnostics> {
    let started = Instant::now();
    let output = output.unwrap_or_else(|| default_output(file));
    let audit_file = (audit == Some(AuditMode::Json)).then(|| output.with_extension("audit.json"));
    for path in std::iter::once(&output).chain(&audit_file) {
        if path.exists() && !force {
            // Say so before doing the work; write_atomically checks again at the rename.
            return Err(
                Diagnostic::error(format!("{} already exists", path.display()))
                    .in_file(path)
                    .help("pass --force to replace it, or choose another name with -o")
                    .into(),
            );
        }
    }
    let options = zongjie::Options {
        strict,
        audit_table: audit == Some(AuditMode::Table),
        ..cx.options()
    };
    let templates = match templates {
        Some(dir) => TemplateSet::with_overrides(dir)?,
        None => TemplateSet::built_in(),
    };
    let source = Source::read(file)?;
    let draft = zongjie::draft(&source, &templates, options)?;
    eprint!("{}", Diagnostics(draft.warnings.clone()));
    if let Some(path) = &audit_file {
        write_atomically(
            path,
            zongjie::views::audit::json(&draft.facts).as_bytes(),
            force,
        )?;
        eprintln!("wrote {}", path.display());
    }
    write_atomically(&output, &draft.docx, force)?;
    eprintln!(
        "wrote {} ({} blocks, {} figures computed, {} KB) in {} ms",
        output.display(),
        draft.outline.blocks.len(),
        draft.facts.figures.len(),
        draft.docx.len().div_ceil(1024),
        started.elapsed().as_millis()
    );
    Ok(())
}

pub fn preview(
    cx: &Context,
    file: &Path,
    templates: Option<&Path>,
    color: ColorArg,
) -> Result<(), Diagnostics> {
    use std::io::IsTerminal;
    let templates = match templates {
        Some(dir) => TemplateSet::with_overrides(dir)?,
        None => TemplateSet::built_in(),
    };
    let source = Source::read(file)?;
    let draft = zongjie::draft(&source, &templates, cx.options())?;
    eprint!("{}", Diagnostics(draft.warnings.clone()));
    let color = match color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    print!(
        "{}",
        zongjie::views::preview::render(&draft.outline, &draft.facts, color)
    );
    Ok(())
}

pub fn explain(cx: &Context, file: &Path, format: ExplainFormat) -> Result<(), Diagnostics> {
    let source = Source::read(file)?;
    let checked = zongjie::check(&source, cx.options())?;
    eprint!("{}", Diagnostics(checked.warnings));
    match format {
        ExplainFormat::Text => print!("{}", zongjie::views::audit::text(&checked.facts)),
        ExplainFormat::Json => println!("{}", zongjie::views::audit::json(&checked.facts)),
    }
    Ok(())
}

pub fn check(cx: &Context, files: &[PathBuf], strict: bool) -> Result<(), Diagnostics> {
    let mut all = Vec::new();
    let mut failed = 0;
    for file in files {
        let result = Source::read(file).map_err(Diagnostics::from).and_then(|s| {
            zongjie::check(
                &s,
                zongjie::Options {
                    strict,
                    ..cx.options()
                },
            )
        });
        match result {
            Ok(checked) => {
                eprint!("{}", Diagnostics(checked.warnings));
                eprintln!("{}: ok", file.display());
            }
            Err(d) => {
                failed += 1;
                all.extend(d.0);
            }
        }
    }
    if failed > 0 {
        all.push(Diagnostic::error(format!(
            "{failed} of {} files have errors",
            files.len()
        )));
        return Err(Diagnostics(all));
    }
    Ok(())
}
