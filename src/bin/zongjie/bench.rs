//! `zongjie bench`: drafts N synthetic counties generated from one data file and reports the
//! throughput and peak memory, for N = 100, 1,000 and 2,850 (every county-level division in
//! China). Figures are varied per county so that rankings and comparisons do real work.

use std::path::Path;

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;

use crate::Status;
use crate::args::BenchArgs;
use crate::commands::city::thread_pool;

/// `zongjie bench`: the counties are generated once, on disk, and each size is drafted by a
/// fresh process (so each peak memory is that size's own) into a folder of its own. Nothing
/// is deleted until every size has run: on some filesystems (ext4 without a journal) creating
/// a file right after thousands were deleted costs several times more, and the benchmark
/// would be timing its own clean-up.
pub fn run(a: &BenchArgs) -> Result<Status, Diagnostics> {
    let (counties, from, jobs) = (&a.counties, a.from.as_path(), a.jobs);
    let scratch_error =
        |e: std::io::Error| Diagnostic::error(format!("cannot use a scratch folder: {e}"));
    if a.child {
        let n = counties.first().copied().unwrap_or(100);
        match &a.scratch {
            Some(dir) => bench_one(n, dir, jobs)?,
            None => {
                let own = tempfile::tempdir().map_err(scratch_error)?;
                write_counties(from, n, &own.path().join("data"))?;
                bench_one(n, own.path(), jobs)?
            }
        };
        return Ok(Status::Done);
    }
    let scratch = tempfile::tempdir().map_err(scratch_error)?;
    let most = counties.iter().copied().max().unwrap_or(0);
    write_counties(from, most, &scratch.path().join("data"))?;
    let stages: Vec<String> = zongjie::timing::STAGES
        .iter()
        .map(|(_, name)| format!("{name:>10}"))
        .collect();
    println!(
        "{:>8}  {:>9}  {:>9}  {:>9}  {:>13}  {}",
        "counties",
        "seconds",
        "drafts/s",
        "MB out",
        "peak RSS MiB",
        stages.join(" ")
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
    Ok(Status::Done)
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
        std::fs::write(&path, synthetic(&template.text, &region, i))
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
            &|_| {},
        )
    })?;
    if let Some((_, e)) = summary.failed.first() {
        return Err(e.clone());
    }
    let seconds = summary.elapsed.as_secs_f64();
    let rss = peak_rss_mib().map_or("n/a".into(), |m| format!("{m:.1}"));
    let bytes: u64 = summary
        .drafted
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    // Each stage's share of the threads' time.
    let totals = zongjie::timing::totals();
    let all: f64 = totals
        .iter()
        .map(|d| d.as_secs_f64())
        .sum::<f64>()
        .max(1e-9);
    let split: Vec<String> = totals
        .iter()
        .map(|d| format!("{:>9.0}%", 100.0 * d.as_secs_f64() / all))
        .collect();
    println!(
        "{n:>8}  {seconds:>9.3}  {:>9.0}  {:>9.1}  {rss:>13}  {}",
        n as f64 / seconds,
        bytes as f64 / 1e6,
        split.join(" ")
    );
    Ok(())
}

/// The `i`th synthetic county from `template`: its own region name, and each `current` /
/// `previous` figure scaled by a factor between 0.6 and 1.4, written with the same number of
/// decimals (so counts stay whole).
fn synthetic(template: &str, region: &str, i: usize) -> String {
    let name = zongjie::zh::label::synthetic_region(i);
    let mut state = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next_factor = || {
        // xorshift: deterministic, no dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        0.6 + (state % 800) as f64 / 1000.0
    };
    template
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let figure = ["current = ", "previous = "]
                .iter()
                .find_map(|k| trimmed.strip_prefix(k).map(|rest| (k, rest)));
            match figure {
                Some((key, rest)) => {
                    let number = rest.split_whitespace().next().unwrap_or_default();
                    match number.parse::<f64>() {
                        Ok(v) => {
                            let places = number.split('.').nth(1).map_or(0, str::len);
                            format!("{key}{:.*}", places, v * next_factor())
                        }
                        Err(_) => line.to_string(),
                    }
                }
                None => line.replace(region, &name),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Peak resident memory of this process in MiB (Linux; `None` elsewhere).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_counties_differ_and_stay_valid() {
        let template = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/xupu-2024.toml"
        ))
        .unwrap();
        let a = synthetic(&template, "溆浦县", 0);
        let b = synthetic(&template, "溆浦县", 1);
        assert!(a.contains("试点0001县科学技术局") && b.contains("试点0002县"));
        assert_ne!(a, b);
        for text in [a, b] {
            let source = zongjie::load::Source::new("s.toml", text);
            zongjie::check(&source, zongjie::Options::default()).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
