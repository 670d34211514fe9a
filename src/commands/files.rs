//! Commands that write or update data files and reference material: init, next, import, man.

use std::path::{Path, PathBuf};

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::output::write_atomically;

use crate::{Cli, Context, KindArg};

pub fn init(
    path: Option<PathBuf>,
    kind: KindArg,
    region: String,
    year: Option<i32>,
) -> Result<(), Diagnostics> {
    let year = year.unwrap_or_else(zongjie::skeleton::this_year);
    let path = path.unwrap_or_else(|| PathBuf::from(format!("{region}-{year}.toml")));
    let skeleton = zongjie::skeleton::Skeleton {
        kind: match kind {
            KindArg::Annual => zongjie::model::ReportKind::Annual,
            KindArg::HalfYear => zongjie::model::ReportKind::HalfYear,
        },
        region,
        year,
    };
    // Never overwrites: not even with a flag, since the file is hand-filled work.
    write_atomically(&path, skeleton.render().as_bytes(), false)?;
    let schema = path
        .parent()
        .unwrap_or(Path::new(""))
        .join(zongjie::skeleton::SCHEMA_FILE);
    if !schema.exists() {
        write_atomically(&schema, zongjie::schema::data_file_text().as_bytes(), false)?;
    }
    eprintln!(
        "wrote {} — fill it in, then: zongjie check {0} && zongjie draft {0}",
        path.display()
    );
    Ok(())
}

pub fn next(
    cx: &Context,
    file: &Path,
    output: Option<PathBuf>,
    force: bool,
) -> Result<(), Diagnostics> {
    let source = Source::read(file)?;
    let text = zongjie::carry::next_period(&source, cx.options())?;
    let output = output.unwrap_or_else(|| next_name(file, &text));
    write_atomically(&output, text.as_bytes(), force)?;
    eprintln!(
        "wrote {} — fill in this period's figures and narrative, then: zongjie check {0}",
        output.display()
    );
    Ok(())
}

/// xupu-2024.toml → xupu-2025.toml when the name carries the year, else data-next.toml.
pub fn next_name(file: &Path, next_text: &str) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let year = next_text
        .lines()
        .find_map(|l| l.trim().strip_prefix("year = "))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<i32>().ok());
    let renamed = year
        .map(|y| (y - 1, y))
        .filter(|(old, _)| name.contains(&old.to_string()))
        .map(|(old, new)| name.replacen(&old.to_string(), &new.to_string(), 1));
    let name = renamed.unwrap_or_else(|| {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{stem}-next.toml")
    });
    file.with_file_name(name)
}

pub fn import(
    cx: &Context,
    sheet: &Path,
    into: &Path,
    name: Option<&str>,
    dry_run: bool,
) -> Result<(), Diagnostics> {
    let source = Source::read(into)?;
    let rows = zongjie::import::read_rows(sheet, name)?;
    let imported = zongjie::import::import(&source, &rows, sheet, cx.options())?;
    eprint!("{}", Diagnostics(imported.skipped.clone()));
    for change in &imported.changes {
        println!("{change}");
    }
    // The figures must still make a valid file before it is replaced.
    let updated = Source::new(into, imported.text.clone());
    zongjie::check(&updated, cx.options())?;
    if dry_run {
        eprintln!(
            "{} values would change (dry run: nothing written)",
            imported.changes.len()
        );
    } else if !imported.changes.is_empty() {
        write_atomically(into, imported.text.as_bytes(), true)?;
        eprintln!(
            "updated {} ({} values)",
            into.display(),
            imported.changes.len()
        );
    } else {
        eprintln!("{} already has these figures", into.display());
    }
    Ok(())
}

pub fn man() -> Result<(), Diagnostics> {
    let cmd = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| Diagnostic::error(format!("cannot write the manual page: {e}")))?;
    std::io::Write::write_all(&mut std::io::stdout(), &out)
        .map_err(|e| Diagnostic::error(format!("cannot print the manual page: {e}")).into())
}
