//! Commands that write or update data files and reference material: init, next, import, man.

use std::path::{Path, PathBuf};

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::ops::write::write_atomically;

use crate::Status;
use crate::args::{AdoptArgs, Cli, ImportArgs, InitArgs, KindArg, NextArgs, Setup};

pub fn init(setup: &Setup, a: &InitArgs) -> Result<Status, Diagnostics> {
    let year = a.year.unwrap_or_else(zongjie::ops::init::this_year);
    let path = a.path.clone().unwrap_or_else(|| {
        let region = zongjie::safe::file_component(&a.region, "region");
        PathBuf::from(format!("{region}-{year}.toml"))
    });
    let skeleton = zongjie::ops::init::Skeleton {
        kind: match a.kind {
            KindArg::Annual => zongjie::model::ReportKind::Annual,
            KindArg::HalfYear => zongjie::model::ReportKind::HalfYear,
        },
        region: a.region.clone(),
        year,
        profile: setup.profile.clone(),
    };
    // Never overwrites: not even with a flag, since the file is hand-filled work.
    write_atomically(&path, skeleton.render().as_bytes(), false)?;
    let schema = path
        .parent()
        .unwrap_or(Path::new(""))
        .join(zongjie::ops::init::SCHEMA_FILE);
    if !schema.exists() {
        write_atomically(
            &schema,
            zongjie::load::schema::data_file_text().as_bytes(),
            false,
        )?;
    }
    eprintln!(
        "wrote {} — fill it in, then: zongjie check {0} && zongjie draft {0}",
        path.display()
    );
    Ok(Status::Done)
}

pub fn next(setup: &Setup, a: &NextArgs) -> Result<Status, Diagnostics> {
    let source = Source::read(&a.file)?;
    let next = zongjie::ops::next::next_period(&source, setup.lenient())?;
    let output = a
        .output
        .clone()
        .unwrap_or_else(|| next_name(&a.file, next.year));
    zongjie::ops::write::refuse_input(&output, &a.file)?;
    write_atomically(&output, next.text.as_bytes(), a.overwrite.force)?;
    eprintln!(
        "wrote {} — fill in this period's figures and narrative, then: zongjie check {0}",
        output.display()
    );
    Ok(Status::Done)
}

/// xupu-2024.toml → xupu-2025.toml when the name carries the old year, else data-next.toml.
fn next_name(file: &Path, year: i32) -> PathBuf {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let old = (year - 1).to_string();
    let renamed = if name.contains(&old) {
        name.replacen(&old, &year.to_string(), 1)
    } else {
        format!(
            "{}-next.toml",
            file.file_stem().unwrap_or_default().to_string_lossy()
        )
    };
    file.with_file_name(renamed)
}

pub fn adopt(setup: &Setup, a: &AdoptArgs) -> Result<Status, Diagnostics> {
    let output = a
        .output
        .clone()
        .unwrap_or_else(|| a.document.with_extension("toml"));
    zongjie::ops::write::refuse_input(&output, &a.document)?;
    zongjie::ops::write::refuse_existing(&output, a.overwrite.force)?;
    let adopted = zongjie::ops::adopt::adopt(&a.document, setup.lenient())?;
    write_atomically(&output, adopted.toml.as_bytes(), a.overwrite.force)?;
    eprint!("{}", zongjie::views::adopted::summary(&adopted, &output));
    Ok(Status::Done)
}

pub fn import(setup: &Setup, a: &ImportArgs) -> Result<Status, Diagnostics> {
    let into = &a.into;
    let source = Source::read(into)?;
    let rows = zongjie::ops::import::read_rows(&a.sheet, a.sheet_name.as_deref())?;
    // The file may still be being filled in: its other placeholders are not this run's.
    let unfinished = zongjie::Options {
        unfinished: true,
        ..setup.lenient()
    };
    let imported = zongjie::ops::import::import(&source, &rows, &a.sheet, unfinished)?;
    // The first rows left out say why; a sheet of thousands says how many more.
    const SHOWN: usize = 20;
    let shown = imported.skipped.iter().take(SHOWN).cloned().collect();
    eprint!("{}", Diagnostics(shown));
    if imported.skipped.len() > SHOWN {
        eprintln!(
            "… and {} more rows left out",
            imported.skipped.len() - SHOWN
        );
    }
    for change in &imported.changes {
        println!("{change}");
    }
    // The figures must still make a valid file before it is replaced.
    let updated = Source::new(into, imported.text.clone());
    zongjie::check(&updated, unfinished)?;
    if a.dry_run {
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
    Ok(Status::Done)
}

pub fn man() -> Result<Status, Diagnostics> {
    let cmd = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| Diagnostic::error(format!("cannot write the manual page: {e}")))?;
    std::io::Write::write_all(&mut std::io::stdout(), &out)
        .map_err(|e| Diagnostic::error(format!("cannot print the manual page: {e}")))?;
    Ok(Status::Done)
}
