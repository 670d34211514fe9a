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
    catalogue: Option<zongjie::catalogue::Catalogue>,
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
        Some(path) => Some(zongjie::catalogue::Catalogue::read(&Source::read(path)?)?),
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
        } => draft(
            cx,
            &file,
            output,
            force,
            templates.as_deref(),
            strict,
            audit,
        ),
        Command::Explain { file, format } => explain(cx, &file, format),
        Command::Check { files, strict } => check(cx, &files, strict),
        Command::Init {
            path,
            kind,
            region,
            year,
        } => init(path, kind, region, year),
        Command::Next {
            file,
            output,
            force,
        } => next(cx, &file, output, force),
        Command::Import {
            sheet,
            into,
            sheet_name,
            dry_run,
        } => import(cx, &sheet, &into, sheet_name.as_deref(), dry_run),
        Command::Batch {
            inputs,
            out,
            force,
            templates,
            strict,
            jobs,
        } => batch(cx, &inputs, &out, force, templates.as_deref(), strict, jobs),
        Command::Rollup {
            inputs,
            out,
            force,
            strict,
        } => rollup(cx, &inputs, &out, force, strict),
        Command::Bench {
            counties,
            from,
            jobs,
            child,
        } => bench(&counties, &from, jobs, child),
        Command::Preview {
            file,
            templates,
            color,
        } => preview(cx, &file, templates.as_deref(), color),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "zongjie", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => man(),
        Command::Schema => {
            print!("{}", zongjie::schema::data_file_text());
            Ok(())
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

fn init(
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

fn next(
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
fn next_name(file: &Path, next_text: &str) -> PathBuf {
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

fn import(
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

fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, Diagnostics> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start worker threads: {e}")).into())
}

fn batch(
    cx: &Context,
    inputs: &[PathBuf],
    out: &Path,
    force: bool,
    templates: Option<&Path>,
    strict: bool,
    jobs: Option<usize>,
) -> Result<(), Diagnostics> {
    let templates = match templates {
        Some(dir) => TemplateSet::with_overrides(dir)?,
        None => TemplateSet::built_in(),
    };
    let inputs = zongjie::batch::inputs(inputs)?;
    let options = zongjie::Options {
        strict,
        ..cx.options()
    };
    let bar = indicatif::ProgressBar::new(inputs.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} drafted ({eta} left)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let summary = thread_pool(jobs)?
        .install(|| zongjie::batch::run(&inputs, out, &templates, options, force, &|| bar.inc(1)));
    bar.finish_and_clear();
    eprint!("{}", Diagnostics(summary.warnings.clone()));
    let mut failures = Vec::new();
    for (_, diagnostics) in &summary.failed {
        failures.extend(diagnostics.0.iter().cloned());
    }
    eprint!("{}", Diagnostics(failures));
    eprintln!(
        "drafted {} of {} files into {} in {:.2} s{}",
        summary.drafted.len(),
        inputs.len(),
        out.display(),
        summary.elapsed.as_secs_f64(),
        if summary.failed.is_empty() {
            String::new()
        } else {
            format!("; {} failed", summary.failed.len())
        }
    );
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(Vec::new()))
    }
}

fn rollup(
    cx: &Context,
    inputs: &[PathBuf],
    out: &Path,
    force: bool,
    strict: bool,
) -> Result<(), Diagnostics> {
    use zongjie::measure::rank::{Rankings, Standing};
    use zongjie::measure::rollup::County;
    let inputs = zongjie::batch::inputs(inputs)?;
    let mut checked = Vec::new();
    let mut errors = Vec::new();
    for input in &inputs {
        match Source::read(&input.path)
            .map_err(Diagnostics::from)
            .and_then(|s| zongjie::check(&s, cx.options()))
        {
            Ok(c) => checked.push((input.path.clone(), c)),
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    // The city is the superior most files name; its counties are those files.
    let mut cities: Vec<&str> = checked
        .iter()
        .filter_map(|(_, c)| c.file.report.city.as_deref())
        .collect();
    cities.sort();
    let city = cities
        .chunk_by(|a, b| a == b)
        .max_by_key(|g| g.len())
        .and_then(|g| g.first().copied())
        .ok_or_else(|| {
            Diagnostics::from(
                Diagnostic::error("none of the files names its city ([report].city)")
                    .help("give each county file city = \"怀化市\" (the city it reports to)"),
            )
        })?
        .to_string();
    let counties: Vec<&zongjie::Checked> = checked
        .iter()
        .map(|(_, c)| c)
        .filter(|c| c.file.report.city.as_deref() == Some(city.as_str()))
        .collect();
    let own = checked.iter().find(|(_, c)| c.file.report.region == city);
    let year = counties.first().map_or(0, |c| c.file.report.year);
    let rankings = Rankings::new(
        counties
            .iter()
            .map(|c| Standing::of(&c.file, &c.facts))
            .collect(),
    );
    let ranked: Vec<_> = (0..counties.len()).map(|i| rankings.of(i)).collect();
    let members: Vec<County> = counties
        .iter()
        .zip(&ranked)
        .map(|(c, r)| County {
            region: &c.file.report.region,
            facts: &c.facts,
            ranked: r,
        })
        .collect();
    let catalogue = cx
        .catalogue
        .as_ref()
        .unwrap_or_else(|| zongjie::catalogue::Catalogue::standard());
    let table = zongjie::measure::rollup::rollup(
        &city,
        year,
        &members,
        own.map(|(_, c)| &c.facts),
        catalogue,
    );
    let mismatches: Vec<Diagnostic> = table
        .mismatches
        .iter()
        .map(|(key, message)| {
            let d = Diagnostic::warning(message.clone())
                .help("correct the city's figure or the county that is wrong");
            let d = match own {
                Some((path, _)) => d.in_file(path).key(format!("indicators.{key}.current")),
                None => d,
            };
            if strict { d.escalate() } else { d }
        })
        .collect();
    if strict && !mismatches.is_empty() {
        return Err(Diagnostics(mismatches));
    }
    eprint!("{}", Diagnostics(mismatches));
    let signed = own.map(|(_, c)| (c.facts.report.issuer.as_str(), c.facts.report.date.as_str()));
    let docx =
        zongjie::layout::lay_out(&zongjie::rollup::outline(&table, signed)).map_err(|e| {
            Diagnostic::error(format!("internal error while laying out the table: {e}"))
        })?;
    let csv = zongjie::rollup::csv(&table)
        .map_err(|e| Diagnostic::error(format!("cannot write the CSV: {e}")))?;
    let stem = out.join(format!("{city}-{year}-汇总"));
    let (docx_path, csv_path) = (stem.with_extension("docx"), stem.with_extension("csv"));
    for path in [&docx_path, &csv_path] {
        if path.exists() && !force {
            return Err(
                Diagnostic::error(format!("{} already exists", path.display()))
                    .in_file(path)
                    .help("pass --force to replace it")
                    .into(),
            );
        }
    }
    write_atomically(&docx_path, &docx, force)?;
    write_atomically(&csv_path, &csv, force)?;
    eprintln!(
        "wrote {} and {}: {} counties of {city}, {} indicators, {} totals checked against the city's own figures{}",
        docx_path.display(),
        csv_path.display(),
        counties.len(),
        table.rows.len(),
        table
            .rows
            .iter()
            .filter(|r| r.stated.is_some() && r.total.is_some())
            .count(),
        if table.mismatches.is_empty() {
            String::new()
        } else {
            format!(", {} differ", table.mismatches.len())
        }
    );
    Ok(())
}

fn bench(
    counties: &[usize],
    from: &Path,
    jobs: Option<usize>,
    child: bool,
) -> Result<(), Diagnostics> {
    if !child {
        println!(
            "{:>8}  {:>9}  {:>11}  {:>13}",
            "counties", "seconds", "drafts/s", "peak RSS MiB"
        );
        let exe = std::env::current_exe()
            .map_err(|e| Diagnostic::error(format!("cannot find zongjie itself: {e}")))?;
        for n in counties {
            let mut cmd = std::process::Command::new(&exe);
            cmd.args(["bench", "--child", "--counties", &n.to_string(), "--from"])
                .arg(from);
            if let Some(j) = jobs {
                cmd.args(["--jobs", &j.to_string()]);
            }
            let output = cmd
                .output()
                .map_err(|e| Diagnostic::error(format!("cannot run the benchmark: {e}")))?;
            if !output.status.success() {
                return Err(Diagnostic::error(format!(
                    "the benchmark for {n} counties failed: {}",
                    String::from_utf8_lossy(&output.stderr)
                ))
                .into());
            }
            print!("{}", String::from_utf8_lossy(&output.stdout));
        }
        return Ok(());
    }
    let n = counties.first().copied().unwrap_or(100);
    let template = Source::read(from)?;
    let region = zongjie::check(&template, zongjie::Options::default())?
        .file
        .report
        .region;
    let scratch = tempfile::tempdir()
        .map_err(|e| Diagnostic::error(format!("cannot make a scratch folder: {e}")))?;
    // The counties are written to disk first and read back by the batch, as real files are,
    // so the measured memory is the batch's own, not the generator's.
    let data = scratch.path().join("data");
    let drafts = scratch.path().join("drafts");
    std::fs::create_dir_all(&data)
        .map_err(|e| Diagnostic::error(format!("cannot make a scratch folder: {e}")))?;
    for i in 0..n {
        let path = data.join(format!("county-{i:04}.toml"));
        std::fs::write(&path, zongjie::bench::synthetic(&template.text, &region, i))
            .map_err(|e| Diagnostic::error(format!("cannot write {}: {e}", path.display())))?;
    }
    let inputs = zongjie::batch::inputs(&[data])?;
    let templates = TemplateSet::built_in();
    let summary = thread_pool(jobs)?.install(|| {
        zongjie::batch::run(
            &inputs,
            &drafts,
            &templates,
            zongjie::Options::default(),
            false,
            &|| {},
        )
    });
    if let Some((_, e)) = summary.failed.first() {
        return Err(e.clone());
    }
    let seconds = summary.elapsed.as_secs_f64();
    let rss = zongjie::bench::peak_rss_mib().map_or("n/a".into(), |m| format!("{m:.1}"));
    println!(
        "{n:>8}  {seconds:>9.3}  {:>11.0}  {rss:>13}",
        n as f64 / seconds
    );
    Ok(())
}

fn man() -> Result<(), Diagnostics> {
    let cmd = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| Diagnostic::error(format!("cannot write the manual page: {e}")))?;
    std::io::Write::write_all(&mut std::io::stdout(), &out)
        .map_err(|e| Diagnostic::error(format!("cannot print the manual page: {e}")).into())
}

fn preview(
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
        zongjie::preview::render(&draft.outline, &draft.facts, color)
    );
    Ok(())
}

fn explain(cx: &Context, file: &Path, format: ExplainFormat) -> Result<(), Diagnostics> {
    let source = Source::read(file)?;
    let checked = zongjie::check(&source, cx.options())?;
    eprint!("{}", Diagnostics(checked.warnings));
    match format {
        ExplainFormat::Text => print!("{}", zongjie::audit::text(&checked.facts)),
        ExplainFormat::Json => println!("{}", zongjie::audit::json(&checked.facts)),
    }
    Ok(())
}

fn check(cx: &Context, files: &[PathBuf], strict: bool) -> Result<(), Diagnostics> {
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
