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
        after_help = "Examples:\n  zongjie draft examples/xupu-2024.toml            # writes out/xupu-2024.docx\n  zongjie draft data.toml -o 总结.docx --force\n  zongjie draft data.toml --templates my-templates/\n  zongjie draft data.toml --audit                  # 数据核对表 on the last page\n  zongjie draft data.toml --audit json --strict    # out/data.audit.json beside the draft"
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
        /// Treat warnings (figures that disagree with each other or the prose) as errors
        #[arg(long)]
        strict: bool,
        /// Add the 数据核对表 of every computed figure: as the draft's last page (`table`,
        /// the default) or as OUT.audit.json beside the draft (`json`)
        #[arg(long, value_enum, value_name = "HOW", num_args = 0..=1, default_missing_value = "table")]
        audit: Option<AuditMode>,
    },
    /// Print every computed figure: inputs, formula, exact and rounded result, phrase
    #[command(
        after_help = "Examples:\n  zongjie explain examples/xupu-2024.toml\n  zongjie explain examples/xupu-2024.toml --format json > audit.json"
    )]
    Explain {
        /// The report data (TOML)
        file: PathBuf,
        /// `text` for reading, `json` for other tools (a stable array; see README)
        #[arg(long, value_enum, default_value = "text")]
        format: ExplainFormat,
    },
    /// Check data files without writing anything
    #[command(
        after_help = "Examples:\n  zongjie check examples/xupu-2024.toml\n  zongjie check examples/*.toml"
    )]
    Check {
        /// The report data files (TOML)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
    },
    /// Print the JSON Schema of a data file (for editors: Taplo / Even Better TOML)
    #[command(after_help = "Example:\n  zongjie schema > schemas/report.schema.json")]
    Schema,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum AuditMode {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Draft {
            file,
            output,
            force,
            templates,
            strict,
            audit,
        } => draft(&file, output, force, templates.as_deref(), strict, audit),
        Command::Explain { file, format } => explain(&file, format),
        Command::Check { files, strict } => check(&files, strict),
        Command::Schema => {
            print!("{}", zongjie::schema::data_file_text());
            Ok(())
        }
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
    };
    let templates = match templates {
        Some(dir) => TemplateSet::with_overrides(dir)?,
        None => TemplateSet::built_in(),
    };
    let source = Source::read(file)?;
    let draft = zongjie::draft(&source, &templates, options)?;
    eprint!("{}", Diagnostics(draft.warnings.clone()));
    if let Some(path) = &audit_file {
        write_atomically(path, zongjie::audit::json(&draft.facts).as_bytes(), force)?;
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

fn explain(file: &Path, format: ExplainFormat) -> Result<(), Diagnostics> {
    let source = Source::read(file)?;
    let checked = zongjie::check(&source, zongjie::Options::default())?;
    eprint!("{}", Diagnostics(checked.warnings));
    match format {
        ExplainFormat::Text => print!("{}", zongjie::audit::text(&checked.facts)),
        ExplainFormat::Json => println!("{}", zongjie::audit::json(&checked.facts)),
    }
    Ok(())
}

fn check(files: &[PathBuf], strict: bool) -> Result<(), Diagnostics> {
    let mut all = Vec::new();
    let mut failed = 0;
    for file in files {
        let result = Source::read(file).map_err(Diagnostics::from).and_then(|s| {
            zongjie::check(
                &s,
                zongjie::Options {
                    strict,
                    ..Default::default()
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
