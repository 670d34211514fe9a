//! The command line, parsed once: clap's view of the flags (`Cli`), and the options every
//! command shares declared once and flattened into each (`Strictness`, `Overwrite`,
//! `CityFiles`). Handlers receive their command's struct with the shared options already
//! resolved (`Setup`: the profile read, the templates loaded), as ripgrep's low-level
//! arguments become high-level ones before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use zongjie::diagnostic::Diagnostics;
use zongjie::load::profile::Profile;
use zongjie::narrate::TemplateSet;

#[derive(Parser)]
#[command(
    name = "zongjie",
    version,
    about = "Drafts S&T bureau work summaries (工作总结) from TOML data as GB/T 9704 DOCX",
    after_help = "A first draft:\n  zongjie init --region 某县 --year 2025 mycounty-2025.toml   # fill it in\n  zongjie check mycounty-2025.toml\n  zongjie preview mycounty-2025.toml\n  zongjie draft mycounty-2025.toml                          # out/mycounty-2025.docx\n\nExamples:\n  zongjie draft examples/xupu-2024.toml\n  zongjie check examples/*.toml"
)]
pub struct Cli {
    /// A city's profile: a folder with profile.toml (house style, outline, catalogue entries)
    /// and templates/, or a profile .toml file (see README, "A city's profile")
    #[arg(long, global = true, value_name = "DIR|FILE")]
    pub profile: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// `--strict`: warnings are errors.
#[derive(Args, Debug, Clone, Copy)]
pub struct Strictness {
    /// Treat warnings (figures that disagree with each other or the prose) as errors
    #[arg(long)]
    pub strict: bool,
}

/// `--force`: files that exist may be replaced.
#[derive(Args, Debug, Clone, Copy)]
pub struct Overwrite {
    /// Replace the output files if they exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Subcommand)]
pub enum Command {
    /// Draft a DOCX from one data file
    #[command(
        after_help = "Examples:\n  zongjie draft examples/xupu-2024.toml            # writes out/xupu-2024.docx\n  zongjie draft data.toml -o 总结.docx --force\n  zongjie draft data.toml --profile huaihua-profile/   # the city's house style and templates\n  zongjie draft data.toml --audit                  # 数据核对表 on the last page\n  zongjie draft data.toml --audit json --strict    # out/data.audit.json beside the draft"
    )]
    Draft(DraftArgs),
    /// Print every computed figure: inputs, formula, exact and rounded result, phrase
    #[command(
        after_help = "Examples:\n  zongjie explain examples/xupu-2024.toml\n  zongjie explain examples/xupu-2024.toml --format json > audit.json"
    )]
    Explain(ExplainArgs),
    /// Check data files without writing anything
    #[command(
        after_help = "Examples:\n  zongjie check examples/xupu-2024.toml\n  zongjie check examples/*.toml\n  zongjie check --profile examples/huaihua-profile xupu-2025.toml   # lists where it departs"
    )]
    Check(CheckArgs),
    /// Start a new data file: every section, commented, ready to fill in
    #[command(
        after_help = "Examples:\n  zongjie init                                   # 某县-<this year>.toml, annual\n  zongjie init --region 溆浦县 --year 2025 xupu-2025.toml\n  zongjie init --kind half-year --region 溆浦县 xupu-h1.toml\n  zongjie init --profile examples/huaihua-profile --region 溆浦县 --year 2025   # the city's outline\n\nNever overwrites a file. Also writes zongjie.schema.json beside it (if absent) so that\neditors with Even Better TOML complete and check the keys."
    )]
    Init(InitArgs),
    /// Start next period's data file from this one: values become `previous`, plan targets
    /// become `target`, the narrative is emptied
    #[command(
        after_help = "Examples:\n  zongjie next examples/xupu-2024.toml            # writes xupu-2025.toml beside it\n  zongjie next data.toml -o data-next.toml"
    )]
    Next(NextArgs),
    /// Fill the [indicators] of a data file from a spreadsheet (.xlsx, .xls, .ods, .csv)
    #[command(
        after_help = "Examples:\n  zongjie import 指标.xlsx --into xupu-2025.toml\n  zongjie import indicators.csv --into data.toml --dry-run\n\nThe sheet needs a header row naming the indicator (指标名称 or key) and figure columns:\n单位, 2025年 / 本年 / current, 2024年 / 上年 / previous, 目标 / target, 明年目标 / next_target.\nOnly the figures change; comments, order and every other section stay as they are."
    )]
    Import(ImportArgs),
    /// Turn last year's published summary (.docx, or its text from the portal) into a data
    /// file: its outline as [[sections]], its figures as [indicators], its prose citing them
    #[command(
        after_help = "Examples:\n  zongjie adopt 2024年工作总结.docx -o xupu-2024.toml\n  zongjie adopt 网页正文.txt -o xupu-2024.toml --force\n\nThen: zongjie check xupu-2024.toml (fix what adopt marked 待核), zongjie next xupu-2024.toml.\nReads .docx (Word, WPS, LibreOffice) and text in UTF-8, GBK or UTF-16; a portal page's\nnavigation, 发布时间 and 浏览次数 are left out. Nothing is written when the document cannot be read."
    )]
    Adopt(AdoptArgs),
    /// The clerk's desk: a local page to fill in the figures and the text, with the draft
    /// beside them as it will print
    #[command(
        after_help = "Examples:\n  zongjie serve xupu-2024.toml              # prints http://127.0.0.1:PORT/ and opens it\n  zongjie serve xupu-2024.toml --port 8024 --no-open\n\nListens on 127.0.0.1 only and serves only this file; saving writes it in place (comments kept)\nand only when it checks. Stop with Ctrl-C."
    )]
    Serve(ServeArgs),
    /// Draft every data file of a folder (or the files named) in parallel, ranked against each
    /// other
    #[command(
        after_help = "Examples:\n  zongjie batch examples/huaihua-2024 --out out/huaihua\n  zongjie batch a.toml b.toml c.toml --out out/ --force --jobs 2\n\nOne bad file is reported and does not stop the others; the exit code is 1 if any failed.\nDrafts are named from the data: 溆浦县-2024.docx, 溆浦县-2025-上半年.docx."
    )]
    Batch(BatchArgs),
    /// One table of a city's counties: figures, changes, ranks and totals (DOCX and CSV), with
    /// the city's own figures checked against the totals
    #[command(
        after_help = "Examples:\n  zongjie rollup examples/huaihua-2024              # out/怀化市-2024-汇总.docx and .csv\n  zongjie rollup examples/huaihua-2024 --out out/huaihua --strict\n\nThe counties are the files whose [report].city is the same; the city's own file is the one\nwhose region is that city. With --strict a total that does not match is an error."
    )]
    Rollup(RollupArgs),
    /// Measure drafting speed and memory on synthetic counties
    #[command(
        after_help = "Examples:\n  zongjie bench                                  # 100, 1000 and 2850 counties\n  zongjie bench --counties 500 --from examples/yueyang-2022.toml"
    )]
    Bench(BenchArgs),
    /// Print a draft's outline and text to the terminal, computed figures highlighted
    #[command(
        after_help = "Examples:\n  zongjie preview examples/xupu-2024.toml\n  zongjie preview examples/xupu-2024.toml --color never | less"
    )]
    Preview(PreviewArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  zongjie completions bash > /etc/bash_completion.d/zongjie\n  zongjie completions zsh > ~/.zfunc/_zongjie"
    )]
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff)
    #[command(after_help = "Example:\n  zongjie man > zongjie.1 && man ./zongjie.1")]
    Man,
    /// Print the JSON Schema of a data file, or of a profile (for editors: Taplo / Even
    /// Better TOML)
    #[command(
        after_help = "Examples:\n  zongjie schema > schemas/report.schema.json\n  zongjie schema profile > schemas/profile.schema.json"
    )]
    Schema {
        /// Which file: a data file, or a city's profile.toml
        #[arg(value_enum, default_value = "data")]
        of: SchemaOf,
    },
}

#[derive(Args)]
pub struct DraftArgs {
    /// The report data (TOML)
    pub file: PathBuf,
    /// Where to write the draft [default: out/<file name>.docx]
    #[arg(short, long, value_name = "OUT.docx")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub overwrite: Overwrite,
    #[command(flatten)]
    pub strictness: Strictness,
    /// Add the 数据核对表 of every computed figure: as the draft's last page (`table`,
    /// the default) or as OUT.audit.json beside the draft (`json`)
    #[arg(long, value_enum, value_name = "HOW", num_args = 0..=1, default_missing_value = "table")]
    pub audit: Option<AuditMode>,
    /// `docx` for Word and WPS, `html` for the government portal: one self-contained page
    /// with the same text
    #[arg(long, value_enum, default_value = "docx")]
    pub format: DraftFormat,
}

#[derive(Args)]
pub struct ExplainArgs {
    /// The report data (TOML)
    pub file: PathBuf,
    /// `text` for reading, `json` for other tools (a stable array; see README)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
}

#[derive(Args)]
pub struct CheckArgs {
    /// The report data files (TOML)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub strictness: Strictness,
}

#[derive(Args)]
pub struct InitArgs {
    /// Where to write the data file [default: <region>-<year>.toml]
    pub path: Option<PathBuf>,
    /// annual (年度总结) or half-year (半年总结)
    #[arg(long, value_enum, default_value = "annual")]
    pub kind: KindArg,
    /// The county or city, e.g. 溆浦县
    #[arg(long, default_value = "某县")]
    pub region: String,
    /// The year the report covers [default: this year]
    #[arg(long)]
    pub year: Option<i32>,
}

#[derive(Args)]
pub struct NextArgs {
    /// This period's data file (TOML)
    pub file: PathBuf,
    /// Where to write it [default: the file name with the year moved on]
    #[arg(short, long, value_name = "OUT.toml")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub overwrite: Overwrite,
}

#[derive(Args)]
pub struct AdoptArgs {
    /// The published summary: .docx, .txt or a saved .html page
    pub document: PathBuf,
    /// Where to write the data file [default: the document's name with .toml]
    #[arg(short, long, value_name = "OUT.toml")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub overwrite: Overwrite,
}

#[derive(Args)]
pub struct ServeArgs {
    /// The data file to work on (TOML)
    pub file: PathBuf,
    /// The port on 127.0.0.1 [default: any free port]
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Print the address without opening a browser
    #[arg(long)]
    pub no_open: bool,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The spreadsheet
    pub sheet: PathBuf,
    /// The data file to update
    #[arg(long, value_name = "FILE.toml")]
    pub into: PathBuf,
    /// The worksheet to read [default: the first]
    #[arg(long = "sheet", value_name = "NAME")]
    pub sheet_name: Option<String>,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

/// A city's files in, a folder out.
#[derive(Args, Debug, Clone)]
pub struct CityFiles {
    /// Data files, or folders of them
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The folder the results go to
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    #[command(flatten)]
    pub overwrite: Overwrite,
}

#[derive(Args)]
pub struct BatchArgs {
    #[command(flatten)]
    pub files: CityFiles,
    #[command(flatten)]
    pub strictness: Strictness,
    /// Threads to use [default: one per core]
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Args)]
pub struct RollupArgs {
    #[command(flatten)]
    pub files: CityFiles,
    /// With --strict, a city figure that differs from its counties' total is an error
    #[command(flatten)]
    pub strictness: Strictness,
}

#[derive(Args)]
pub struct BenchArgs {
    /// How many synthetic counties, each size measured in a fresh process
    #[arg(long, value_delimiter = ',', default_value = "100,1000,2850")]
    pub counties: Vec<usize>,
    /// The data file the counties are made from
    #[arg(long, value_name = "FILE", default_value = "examples/xupu-2024.toml")]
    pub from: PathBuf,
    /// Threads to use [default: one per core]
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Run one size in this process and print one line (used by the parent)
    #[arg(long, hide = true)]
    pub child: bool,
    /// The parent's scratch folder: counties in DIR/data, drafts to DIR/drafts-N
    #[arg(long, hide = true, value_name = "DIR", requires = "child")]
    pub scratch: Option<PathBuf>,
}

#[derive(Args)]
pub struct PreviewArgs {
    /// The report data (TOML)
    pub file: PathBuf,
    /// Highlight computed figures: auto (on a terminal), always, never
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    Docx,
    Html,
}

impl DraftFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DraftFormat::Docx => "docx",
            DraftFormat::Html => "html",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditMode {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaOf {
    Data,
    Profile,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Annual,
    HalfYear,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

/// The shared options, resolved once before any command runs: the profile read and checked,
/// the templates loaded with its overrides.
pub struct Setup {
    pub profile: Option<Profile>,
    pub templates: TemplateSet,
}

impl Setup {
    pub fn resolve(cli: &Cli) -> Result<Setup, Diagnostics> {
        let profile = match &cli.profile {
            Some(path) => Some(Profile::read(path)?),
            None => None,
        };
        let templates = match profile.as_ref().and_then(|p| p.templates.as_deref()) {
            Some(dir) => TemplateSet::with_overrides(dir)?,
            None => TemplateSet::built_in(),
        };
        Ok(Setup { profile, templates })
    }

    /// The pipeline's options for a command without `--strict`.
    pub fn lenient(&self) -> zongjie::Options<'_> {
        zongjie::Options {
            profile: self.profile.as_ref(),
            ..Default::default()
        }
    }

    /// The pipeline's options for a command with `--strict`.
    pub fn options(&self, strictness: Strictness) -> zongjie::Options<'_> {
        zongjie::Options {
            strict: strictness.strict,
            ..self.lenient()
        }
    }
}
