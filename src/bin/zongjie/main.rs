//! The `zongjie` command line.
#![allow(clippy::result_large_err)] // see lib.rs

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod bench;
mod commands;

/// A batch drafts on every core at once, each draft a storm of small allocations (JSON
/// contexts, XML strings); glibc's allocator spent a third of the batch's time in malloc
/// and free, mimalloc's per-thread heaps a fraction of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use zongjie::diagnostic::Diagnostics;
use zongjie::load::Source;

#[derive(Parser)]
#[command(
    name = "zongjie",
    version,
    about = "Drafts S&T bureau work summaries (工作总结) from TOML data as GB/T 9704 DOCX",
    after_help = "A first draft:\n  zongjie init --region 某县 --year 2025 mycounty-2025.toml   # fill it in\n  zongjie check mycounty-2025.toml\n  zongjie preview mycounty-2025.toml\n  zongjie draft mycounty-2025.toml                          # out/mycounty-2025.docx\n\nExamples:\n  zongjie draft examples/xupu-2024.toml\n  zongjie check examples/*.toml"
)]
struct Cli {
    /// An indicator catalogue replacing the standard one (see catalogue/standard.toml)
    #[arg(long, global = true, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// Settings every command shares.
struct Context {
    catalogue: Option<zongjie::load::catalogue::Catalogue>,
}

impl Context {
    fn options(&self) -> zongjie::Options<'_> {
        zongjie::Options {
            catalogue: self.catalogue.as_ref(),
            ..Default::default()
        }
    }
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
    /// Start a new data file: every section, commented, ready to fill in
    #[command(
        after_help = "Examples:\n  zongjie init                                   # 某县-<this year>.toml, annual\n  zongjie init --region 溆浦县 --year 2025 xupu-2025.toml\n  zongjie init --kind half-year --region 溆浦县 xupu-h1.toml\n\nNever overwrites a file. Also writes zongjie.schema.json beside it (if absent) so that\neditors with Even Better TOML complete and check the keys."
    )]
    Init {
        /// Where to write the data file [default: <region>-<year>.toml]
        path: Option<PathBuf>,
        /// annual (年度总结) or half-year (半年总结)
        #[arg(long, value_enum, default_value = "annual")]
        kind: KindArg,
        /// The county or city, e.g. 溆浦县
        #[arg(long, default_value = "某县")]
        region: String,
        /// The year the report covers [default: this year]
        #[arg(long)]
        year: Option<i32>,
    },
    /// Start next period's data file from this one: values become `previous`, plan targets
    /// become `target`, the narrative is emptied
    #[command(
        after_help = "Examples:\n  zongjie next examples/xupu-2024.toml            # writes xupu-2025.toml beside it\n  zongjie next data.toml -o data-next.toml"
    )]
    Next {
        /// This period's data file (TOML)
        file: PathBuf,
        /// Where to write it [default: the file name with the year moved on]
        #[arg(short, long, value_name = "OUT.toml")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Fill the [indicators] of a data file from a spreadsheet (.xlsx, .xls, .ods, .csv)
    #[command(
        after_help = "Examples:\n  zongjie import 指标.xlsx --into xupu-2025.toml\n  zongjie import indicators.csv --into data.toml --dry-run\n\nThe sheet needs a header row naming the indicator (指标名称 or key) and figure columns:\n单位, 2025年 / 本年 / current, 2024年 / 上年 / previous, 目标 / target, 明年目标 / next_target.\nOnly the figures change; comments, order and every other section stay as they are."
    )]
    Import {
        /// The spreadsheet
        sheet: PathBuf,
        /// The data file to update
        #[arg(long, value_name = "FILE.toml")]
        into: PathBuf,
        /// The worksheet to read [default: the first]
        #[arg(long = "sheet", value_name = "NAME")]
        sheet_name: Option<String>,
        /// Show what would change without writing
        #[arg(long)]
        dry_run: bool,
    },
    /// Draft every data file of a folder (or the files named) in parallel, ranked against each
    /// other
    #[command(
        after_help = "Examples:\n  zongjie batch examples/huaihua-2024 --out out/huaihua\n  zongjie batch a.toml b.toml c.toml --out out/ --force --jobs 2\n\nOne bad file is reported and does not stop the others; the exit code is 1 if any failed.\nDrafts are named from the data: 溆浦县-2024.docx, 溆浦县-2025-上半年.docx."
    )]
    Batch {
        /// Data files, or folders of them
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The folder the drafts go to
        #[arg(long, value_name = "DIR", default_value = "out")]
        out: PathBuf,
        /// Replace drafts that exist
        #[arg(long)]
        force: bool,
        /// A folder of NAME.hbs files replacing built-in templates of the same name
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// Threads to use [default: one per core]
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
    },
    /// One table of a city's counties: figures, changes, ranks and totals (DOCX and CSV), with
    /// the city's own figures checked against the totals
    #[command(
        after_help = "Examples:\n  zongjie rollup examples/huaihua-2024              # out/怀化市-2024-汇总.docx and .csv\n  zongjie rollup examples/huaihua-2024 --out out/huaihua --strict\n\nThe counties are the files whose [report].city is the same; the city's own file is the one\nwhose region is that city. With --strict a total that does not match is an error."
    )]
    Rollup {
        /// Data files, or folders of them
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The folder the table goes to
        #[arg(long, value_name = "DIR", default_value = "out")]
        out: PathBuf,
        /// Replace files that exist
        #[arg(long)]
        force: bool,
        /// Treat a city figure that differs from its counties' total as an error
        #[arg(long)]
        strict: bool,
    },
    /// Measure drafting speed and memory on synthetic counties
    #[command(
        after_help = "Examples:\n  zongjie bench                                  # 100, 1000 and 2850 counties\n  zongjie bench --counties 500 --from examples/yueyang-2022.toml"
    )]
    Bench {
        /// How many synthetic counties, each size measured in a fresh process
        #[arg(long, value_delimiter = ',', default_value = "100,1000,2850")]
        counties: Vec<usize>,
        /// The data file the counties are made from
        #[arg(long, value_name = "FILE", default_value = "examples/xupu-2024.toml")]
        from: PathBuf,
        /// Threads to use [default: one per core]
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Run one size in this process and print one line (used by the parent)
        #[arg(long, hide = true)]
        child: bool,
        /// The parent's scratch folder: counties in DIR/data, drafts to DIR/drafts-N
        #[arg(long, hide = true, value_name = "DIR", requires = "child")]
        scratch: Option<PathBuf>,
    },
    /// Print a draft's outline and text to the terminal, computed figures highlighted
    #[command(
        after_help = "Examples:\n  zongjie preview examples/xupu-2024.toml\n  zongjie preview examples/xupu-2024.toml --color never | less"
    )]
    Preview {
        /// The report data (TOML)
        file: PathBuf,
        /// A folder of NAME.hbs files replacing built-in templates of the same name
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Highlight computed figures: auto (on a terminal), always, never
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorArg,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  zongjie completions bash > /etc/bash_completion.d/zongjie\n  zongjie completions zsh > ~/.zfunc/_zongjie"
    )]
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff)
    #[command(after_help = "Example:\n  zongjie man > zongjie.1 && man ./zongjie.1")]
    Man,
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
enum KindArg {
    Annual,
    HalfYear,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = context(cli.catalogue.as_deref()).and_then(|cx| run(cli.command, &cx));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            ExitCode::FAILURE
        }
    }
}

fn context(catalogue: Option<&Path>) -> Result<Context, Diagnostics> {
    let catalogue = match catalogue {
        Some(path) => Some(zongjie::load::catalogue::Catalogue::read(&Source::read(
            path,
        )?)?),
        None => None,
    };
    Ok(Context { catalogue })
}

fn run(command: Command, cx: &Context) -> Result<(), Diagnostics> {
    match command {
        Command::Draft {
            file,
            output,
            force,
            templates,
            strict,
            audit,
        } => commands::document::draft(
            cx,
            &file,
            output,
            force,
            templates.as_deref(),
            strict,
            audit,
        ),
        Command::Explain { file, format } => commands::document::explain(cx, &file, format),
        Command::Check { files, strict } => commands::document::check(cx, &files, strict),
        Command::Init {
            path,
            kind,
            region,
            year,
        } => commands::files::init(path, kind, region, year),
        Command::Next {
            file,
            output,
            force,
        } => commands::files::next(cx, &file, output, force),
        Command::Import {
            sheet,
            into,
            sheet_name,
            dry_run,
        } => commands::files::import(cx, &sheet, &into, sheet_name.as_deref(), dry_run),
        Command::Batch {
            inputs,
            out,
            force,
            templates,
            strict,
            jobs,
        } => commands::city::batch(cx, &inputs, &out, force, templates.as_deref(), strict, jobs),
        Command::Rollup {
            inputs,
            out,
            force,
            strict,
        } => commands::city::rollup(cx, &inputs, &out, force, strict),
        Command::Bench {
            counties,
            from,
            jobs,
            child,
            scratch,
        } => commands::city::bench(&counties, &from, jobs, child, scratch.as_deref()),
        Command::Preview {
            file,
            templates,
            color,
        } => commands::document::preview(cx, &file, templates.as_deref(), color),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "zongjie", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => commands::files::man(),
        Command::Schema => {
            print!("{}", zongjie::model::schema::data_file_text());
            Ok(())
        }
    }
}
