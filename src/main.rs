//! The `zongjie` command line.
#![allow(clippy::result_large_err)] // see lib.rs

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;
use zongjie::output::write_atomically;

#[derive(Parser)]
#[command(
    name = "zongjie",
    version,
    about = "Drafts S&T bureau work summaries (工作总结) from TOML data as GB/T 9704 DOCX",
    after_help = "Examples:\n  zongjie draft examples/xupu-2024.toml\n  zongjie check examples/*.toml"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Draft a DOCX from one data file
    #[command(
        after_help = "Examples:\n  zongjie draft examples/xupu-2024.toml            # writes out/xupu-2024.docx\n  zongjie draft data.toml -o 总结.docx --force\n  zongjie draft data.toml --templates my-templates/"
    )]
    Draft {
        /// The report data (TOML)
        file: PathBuf,
        /// Where to write the draft [default: out/<file name>.docx]
        #[arg(short, long, value_name = "OUT.docx")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
        /// A folder of NAME.hbs files replacing built-in templates of the same name
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Check data files without writing anything
    #[command(
        after_help = "Examples:\n  zongjie check examples/xupu-2024.toml\n  zongjie check examples/*.toml"
    )]
    Check {
        /// The report data files (TOML)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Draft {
            file,
            output,
            force,
            templates,
        } => draft(&file, output, force, templates.as_deref()),
        Command::Check { files } => check(&files),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            ExitCode::FAILURE
        }
    }
}

fn default_output(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
    Path::new("out").join(format!("{stem}.docx"))
}

fn draft(
    file: &Path,
    output: Option<PathBuf>,
    force: bool,
    templates: Option<&Path>,
) -> Result<(), Diagnostics> {
    let started = Instant::now();
    let output = output.unwrap_or_else(|| default_output(file));
    if output.exists() && !force {
        // Say so before doing the work; write_atomically checks again at the rename.
        return Err(
            Diagnostic::error(format!("{} already exists", output.display()))
                .in_file(&output)
                .help("pass --force to replace it, or choose another name with -o")
                .into(),
        );
    }
    let templates = match templates {
        Some(dir) => TemplateSet::with_overrides(dir)?,
        None => TemplateSet::built_in(),
    };
    let source = Source::read(file)?;
    let draft = zongjie::draft(&source, &templates)?;
    eprint!("{}", Diagnostics(draft.warnings.clone()));
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

fn check(files: &[PathBuf]) -> Result<(), Diagnostics> {
    let mut all = Vec::new();
    let mut failed = 0;
    for file in files {
        let result = Source::read(file)
            .map_err(Diagnostics::from)
            .and_then(|s| zongjie::check(&s));
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
