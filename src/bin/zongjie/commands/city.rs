//! Commands over many data files: batch, rollup, bench.

use std::path::{Path, PathBuf};

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;
use zongjie::ops::write::write_atomically;

use crate::Context;

pub fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, Diagnostics> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start worker threads: {e}")).into())
}

pub fn batch(
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
    let inputs = zongjie::ops::batch::inputs(inputs)?;
    let options = zongjie::Options {
        strict,
        ..cx.options()
    };
    let bar = indicatif::ProgressBar::new(inputs.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} drafted ({eta} left)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let summary = thread_pool(jobs)?.install(|| {
        zongjie::ops::batch::run(&inputs, out, &templates, options, force, &|| bar.inc(1))
    });
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

pub fn rollup(
    cx: &Context,
    inputs: &[PathBuf],
    out: &Path,
    force: bool,
    strict: bool,
) -> Result<(), Diagnostics> {
    let inputs = zongjie::ops::batch::inputs(inputs)?;
    let options = zongjie::Options {
        strict,
        ..cx.options()
    };
    let built = zongjie::ops::rollup::build(&inputs, options)?;
    eprint!("{}", Diagnostics(built.mismatches.clone()));
    let table = &built.table;
    let stem = out.join(format!("{}-{}-汇总", table.city, table.year));
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
    write_atomically(&docx_path, &built.docx, force)?;
    write_atomically(&csv_path, &built.csv, force)?;
    eprintln!(
        "wrote {} and {}: {} counties of {}, {} indicators, {} totals checked against the city's own figures{}",
        docx_path.display(),
        csv_path.display(),
        built.counties,
        table.city,
        table.rows.len(),
        table
            .rows
            .iter()
            .filter(|r| r.stated.is_some() && r.total.is_some())
            .count(),
        if table.mismatches().next().is_none() {
            String::new()
        } else {
            format!(", {} differ", table.mismatches().count())
        }
    );
    Ok(())
}

/// `zongjie bench`: the counties are generated once, on disk, and each size is drafted by a
/// fresh process (so each peak memory is that size's own) into a folder of its own. Nothing
/// is deleted until every size has run: on some filesystems (ext4 without a journal) creating
/// a file right after thousands were deleted costs several times more, and the benchmark
/// would be timing its own clean-up.
pub fn bench(
    counties: &[usize],
    from: &Path,
    jobs: Option<usize>,
    child: bool,
    scratch: Option<&Path>,
) -> Result<(), Diagnostics> {
    let scratch_error =
        |e: std::io::Error| Diagnostic::error(format!("cannot use a scratch folder: {e}"));
    if child {
        let n = counties.first().copied().unwrap_or(100);
        return match scratch {
            Some(dir) => bench_one(n, dir, jobs),
            None => {
                let own = tempfile::tempdir().map_err(scratch_error)?;
                write_counties(from, n, &own.path().join("data"))?;
                bench_one(n, own.path(), jobs)
            }
        };
    }
    let scratch = tempfile::tempdir().map_err(scratch_error)?;
    let most = counties.iter().copied().max().unwrap_or(0);
    write_counties(from, most, &scratch.path().join("data"))?;
    println!(
        "{:>8}  {:>9}  {:>11}  {:>13}",
        "counties", "seconds", "drafts/s", "peak RSS MiB"
    );
    let exe = std::env::current_exe()
        .map_err(|e| Diagnostic::error(format!("cannot find zongjie itself: {e}")))?;
    for n in counties {
        let mut cmd = std::process::Command::new(&exe);
        cmd.args([
            "bench",
            "--child",
            "--counties",
            &n.to_string(),
            "--scratch",
        ])
        .arg(scratch.path());
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
    Ok(())
}

/// Writes `n` synthetic counties made from `from` into `data`.
fn write_counties(from: &Path, n: usize, data: &Path) -> Result<(), Diagnostics> {
    let template = Source::read(from)?;
    let region = zongjie::check(&template, zongjie::Options::default())?
        .file
        .report
        .region;
    std::fs::create_dir_all(data)
        .map_err(|e| Diagnostic::error(format!("cannot make a scratch folder: {e}")))?;
    for i in 0..n {
        let path = data.join(format!("county-{i:04}.toml"));
        std::fs::write(&path, crate::bench::synthetic(&template.text, &region, i))
            .map_err(|e| Diagnostic::error(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// Drafts the first `n` counties of `scratch`/data into `scratch`/drafts-`n` and prints one
/// line of figures. The counties are read back by the batch, as real files are, so the
/// measured memory is the batch's own, not the generator's.
fn bench_one(n: usize, scratch: &Path, jobs: Option<usize>) -> Result<(), Diagnostics> {
    let mut inputs = zongjie::ops::batch::inputs(&[scratch.join("data")])?;
    if inputs.len() < n {
        return Err(Diagnostic::error(format!(
            "the scratch folder has {} counties, not {n}",
            inputs.len()
        ))
        .into());
    }
    inputs.truncate(n);
    let drafts = scratch.join(format!("drafts-{n}"));
    let templates = TemplateSet::built_in();
    let summary = thread_pool(jobs)?.install(|| {
        zongjie::ops::batch::run(
            &inputs,
            &drafts,
            &templates,
            zongjie::Options::default(),
            true,
            &|| {},
        )
    });
    if let Some((_, e)) = summary.failed.first() {
        return Err(e.clone());
    }
    let seconds = summary.elapsed.as_secs_f64();
    let rss = crate::bench::peak_rss_mib().map_or("n/a".into(), |m| format!("{m:.1}"));
    println!(
        "{n:>8}  {seconds:>9.3}  {:>11.0}  {rss:>13}",
        n as f64 / seconds
    );
    Ok(())
}
