//! Commands over a city's files: batch and rollup.

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::ops::write::{refuse_existing, write_atomically};

use crate::Status;
use crate::args::{BatchArgs, RollupArgs, Setup};

/// More threads than this only cost memory: drafting is bound by the cores.
const MAX_JOBS: usize = 64;

pub fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, Diagnostics> {
    if let Some(n) = jobs.filter(|n| *n > MAX_JOBS) {
        return Err(
            Diagnostic::error(format!("--jobs {n} is more threads than are useful"))
                .help(format!(
                    "use at most {MAX_JOBS}, or leave --jobs out for one per core"
                ))
                .into(),
        );
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start worker threads: {e}")).into())
}

/// Every file drafted that can be; the others reported, and the run fails if any did.
pub fn batch(setup: &Setup, a: &BatchArgs) -> Result<Status, Diagnostics> {
    let inputs = zongjie::ops::batch::inputs(&a.files.inputs)?;
    let options = setup.options(a.strictness);
    let bar = indicatif::ProgressBar::new(inputs.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} drafted ({eta} left)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let summary = thread_pool(a.jobs)?.install(|| {
        zongjie::ops::batch::run(
            &inputs,
            &a.files.out,
            &setup.templates,
            options,
            a.files.overwrite.force,
            &|warnings| {
                // Shown as each file is drafted, above the bar, each file's together.
                if !warnings.is_empty() {
                    let text: String = warnings.iter().map(ToString::to_string).collect();
                    bar.suspend(|| eprint!("{text}"));
                }
                bar.inc(1);
            },
        )
    });
    bar.finish_and_clear();
    let summary = summary?;
    for (_, diagnostics) in &summary.failed {
        eprint!("{diagnostics}");
    }
    eprintln!(
        "drafted {} of {} files into {} in {:.2} s{}",
        summary.drafted.len(),
        inputs.len(),
        a.files.out.display(),
        summary.elapsed.as_secs_f64(),
        if summary.failed.is_empty() {
            String::new()
        } else {
            format!("; {} failed", summary.failed.len())
        }
    );
    Ok(if summary.failed.is_empty() {
        Status::Done
    } else {
        Status::SomeFailed
    })
}

pub fn rollup(setup: &Setup, a: &RollupArgs) -> Result<Status, Diagnostics> {
    let force = a.files.overwrite.force;
    let inputs = zongjie::ops::batch::inputs(&a.files.inputs)?;
    let built = zongjie::ops::rollup::build(&inputs, setup.options(a.strictness))?;
    eprint!("{}", Diagnostics(built.mismatches.clone()));
    let table = &built.table;
    // The city's name comes from the counties' files: one safe component under --out.
    let stem = a.files.out.join(zongjie::zh::label::rollup_stem(
        &zongjie::safe::file_component(&table.city, "city"),
        table.year,
    ));
    let (docx_path, csv_path) = (stem.with_extension("docx"), stem.with_extension("csv"));
    for path in [&docx_path, &csv_path] {
        for input in &inputs {
            zongjie::ops::write::refuse_input(path, input)?;
        }
        refuse_existing(path, force)?;
    }
    write_atomically(&docx_path, &built.docx, force)?;
    write_atomically(&csv_path, &built.csv, force)?;
    let differ = table.mismatches().count();
    // The city's name is the counties' data: shown, never run by the terminal.
    let summary = format!(
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
        if differ == 0 {
            String::new()
        } else {
            format!(", {differ} differ")
        }
    );
    eprintln!("{}", zongjie::safe::terminal(&summary));
    Ok(Status::Done)
}
