//! `zongjie batch`: every data file of a folder drafted in parallel, ranked against each
//! other first.
//!
//! Three passes keep memory flat however many files there are: (1) check every file and keep
//! only its [`Standing`] (well under a kilobyte), its text's keyed hash and its warnings; (2)
//! rank the standings; (3) read each file again and, if its text is the one ranked, load and
//! measure it without repeating the checks, place its rankings, draft it and write it under a
//! temporary name, dropping it before the next; (4) flush every draft to disk at once and
//! rename each into place. One bad file is reported and does not stop the others.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::write::{Staged, stage, sync_all};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Source;
use crate::measure::rank::{self, Meanings, Standing};
use crate::narrate::TemplateSet;
use crate::timing::{self, Stage};
use crate::zh::label;
use crate::{Options, Scope, check_as, render};

/// What the first pass saw of a file that checked: the text's fingerprint and the warnings it
/// gave. The second pass drafts the file only if it reads the same text, and then need not
/// check it again: the ranks were computed from that text.
struct Seen {
    fingerprint: (u64, usize),
    warnings: Vec<Diagnostic>,
}

/// A text's length and its SipHash under keys drawn at random for this batch: a file changed
/// between the passes, by accident or on purpose, cannot be made to pass for the one checked
/// without the keys (a CRC could be forged to match).
fn fingerprint(keys: &RandomState, source: &Source) -> (u64, usize) {
    (keys.hash_one(&source.text), source.text.len())
}

/// What a batch did.
#[derive(Debug)]
pub struct Summary {
    pub drafted: Vec<PathBuf>,
    /// Files that could not be drafted, with why.
    pub failed: Vec<(PathBuf, Diagnostics)>,
    pub elapsed: Duration,
}

/// The data files named: folders give their `*.toml` files (not recursively), sorted.
pub fn inputs(args: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(arg)
                .map_err(|e| {
                    Diagnostic::error(format!("cannot list {}: {e}", arg.display())).in_file(arg)
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(arg.clone());
        }
    }
    if out.is_empty() {
        return Err(Diagnostic::error("no data files to draft")
            .help("name .toml files or a folder holding them: zongjie batch examples/huaihua-2024 --out out/huaihua"));
    }
    Ok(out)
}

/// A file name for a draft from its data: 溆浦县-2024.docx, 溆浦县-2025-上半年.docx.
pub fn draft_name(region: &str, year: i32, half_year: bool) -> String {
    let suffix = if half_year {
        label::HALF_YEAR_SUFFIX
    } else {
        ""
    };
    format!("{}-{year}{suffix}.docx", safe_part(region))
}

/// A name part of a draft's file, made safe for a path (see [`crate::safe`]).
fn safe_part(text: &str) -> String {
    crate::safe::file_component(text, "draft")
}

/// Drafts every input into `out`, ranking them against each other. `done` is called once per
/// file, from any thread, as soon as it is drafted (with its warnings) or refused (with none:
/// refusals are in the summary): a national batch gives thousands of warnings, and holding
/// them all until the end would make memory grow with the number of files. A set that is not
/// one period's, one file per region, is refused whole, before anything is written (see
/// [`super::set`]).
pub fn run(
    inputs: &[PathBuf],
    out: &Path,
    templates: &TemplateSet,
    options: Options,
    force: bool,
    done: &(dyn Fn(&[Diagnostic]) + Sync),
) -> Result<Summary, Diagnostics> {
    let started = Instant::now();
    // Pass 1: check, keep the standings.
    let meanings = Meanings::default();
    let keys = RandomState::new();
    let standings: Vec<Result<(Standing, String, Seen), Diagnostics>> = inputs
        .par_iter()
        .map(|input| {
            let started = Instant::now();
            let source = Source::read(input)?;
            // Only whether the file can be drafted matters here: consistency warnings are
            // looked for when it is, unless --strict makes them errors.
            let scope = if options.strict {
                Scope::Whole
            } else {
                Scope::WithoutConsistency
            };
            let checked = check_as(&source, options, scope);
            timing::add(Stage::ReadCheck, started.elapsed());
            let checked = checked?;
            let name = draft_name(
                &checked.file.report.region,
                checked.file.report.year,
                checked.facts.report.half_year(),
            );
            let standing = Standing::of(&checked.file, &checked.facts, &meanings);
            let seen = Seen {
                fingerprint: fingerprint(&keys, &source),
                warnings: checked.warnings,
            };
            Ok((standing, name, seen))
        })
        .collect();
    let members: Vec<(&Path, &Standing)> = standings
        .iter()
        .zip(inputs)
        .filter_map(|(s, input)| s.as_ref().ok().map(|(s, _, _)| (input.as_path(), s)))
        .collect();
    super::set::refuse_ambiguous(&members)?;
    // Pass 2: rank the files that checked (their standings move into the rankings).
    let mut ok = Vec::new();
    let mut member = 0..;
    let mut names = HashSet::new();
    let plan: Vec<Result<(usize, PathBuf, Seen), Diagnostics>> = standings
        .into_iter()
        .zip(inputs)
        .map(|(s, input)| {
            s.map(|(standing, name, seen)| {
                ok.push(standing);
                // Two files for one region and period keep their own file stems apart.
                let name = if names.insert(name.clone()) {
                    name
                } else {
                    let stem = input.file_stem().unwrap_or_default().to_string_lossy();
                    format!(
                        "{}-{}.docx",
                        name.trim_end_matches(".docx"),
                        safe_part(&stem)
                    )
                };
                (member.next().unwrap_or_default(), out.join(name), seen)
            })
        })
        .collect();
    drop(names);
    let rankings = timing::timed(Stage::Rank, || rank::Rankings::new(ok));
    // A draft's name may be one of the inputs' (a data file named like a draft, given on the
    // command line): that input is never written over, --force or not.
    let inputs_here: std::collections::HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let plan: Vec<Result<(usize, PathBuf, Seen), Diagnostics>> = plan
        .into_iter()
        .map(|planned| {
            planned.and_then(|(member, target, seen)| {
                let clash = std::fs::canonicalize(&target).is_ok_and(|t| inputs_here.contains(&t));
                if clash {
                    return Err(crate::ops::write::refuse_input(&target, &target)
                        .err()
                        .map(Diagnostics::from)
                        .unwrap_or_default());
                }
                Ok((member, target, seen))
            })
        })
        .collect();
    drop(inputs_here);
    // Pass 3: draft and write, one file at a time per thread.
    let results: Vec<(PathBuf, Result<Staged, Diagnostics>)> = plan
        .into_par_iter()
        .zip(inputs.par_iter())
        .map(|(planned, input)| {
            let result = planned.and_then(|(member, target, seen)| {
                let checked = timing::timed(Stage::ReadCheck, || {
                    let source = Source::read(input)?;
                    if fingerprint(&keys, &source) != seen.fingerprint {
                        return Err(changed_meanwhile(input).into());
                    }
                    let scope = Scope::ConsistencyAfter(seen.warnings);
                    check_as(&source, options, scope).map(|checked| (source, checked))
                });
                let (source, mut checked) = checked?;
                let disagreements = timing::timed(Stage::Rank, || {
                    rank::apply(&mut checked.facts, rankings.of(member))
                });
                let disagreements: Vec<_> = disagreements
                    .into_iter()
                    .map(|f| source.locate_finding(f))
                    .collect();
                if options.strict && !disagreements.is_empty() {
                    return Err(Diagnostics(disagreements));
                }
                checked.warnings.extend(disagreements);
                let draft = render(&source, checked, templates, options)?;
                let staged = timing::timed(Stage::Write, || stage(&target, &draft.docx, force))?;
                Ok((staged, draft.warnings))
            });
            match &result {
                Ok((_, warnings)) => done(warnings),
                Err(_) => done(&[]),
            }
            (input.clone(), result.map(|(staged, _)| staged))
        })
        .collect();
    let mut summary = Summary {
        drafted: Vec::new(),
        failed: Vec::new(),
        elapsed: Duration::ZERO,
    };
    // Every draft reaches the disk before any is renamed into place.
    let mut staged = Vec::new();
    for (path, result) in results {
        match result {
            Ok(draft) => staged.push((path, draft)),
            Err(e) => summary.failed.push((path, e)),
        }
    }
    let writing = Instant::now();
    if let Err(e) = sync_all(staged.iter().map(|(_, draft)| draft)) {
        summary
            .failed
            .extend(staged.into_iter().map(|(path, _)| (path, e.clone().into())));
        staged = Vec::new();
    }
    for (path, draft) in staged {
        let target = draft.target().to_path_buf();
        match draft.commit() {
            Ok(()) => summary.drafted.push(target),
            Err(e) => summary.failed.push((path, e.into())),
        }
    }
    timing::add(Stage::Write, writing.elapsed());
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A file whose text is not what it was when the batch ranked it.
fn changed_meanwhile(input: &Path) -> Diagnostic {
    Diagnostic::error(format!(
        "{} changed while the batch was drafting: its ranks were computed from the earlier text",
        input.display()
    ))
    .in_file(input)
    .help("run the batch again once the file is saved")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The second pass's shortened check finds what the whole check finds, for every example
    /// and with a file that warns: the same warnings in the same order, the same facts.
    #[test]
    fn a_check_after_the_first_pass_finds_what_a_whole_check_finds() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut files = inputs(&[root.clone(), root.join("huaihua-2024")]).unwrap();
        let warns = "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2022-12-20\n\n[indicators.rd]\nname = \"研发经费投入\"\nunit = \"亿元\"\ncurrent = 4.5\nprevious = 4.0\nnext_target = 4.1\n\n[opening]\ntext = \"全县研发投入稳步增长(见下表)。\"\n";
        let dir = tempfile::tempdir().unwrap();
        files.push(dir.path().join("warns.toml"));
        std::fs::write(files.last().unwrap(), warns).unwrap();
        let mut warned = 0;
        for path in &files {
            let source = Source::read(path).unwrap();
            let whole = check_as(&source, Options::default(), Scope::Whole).unwrap();
            let first = check_as(&source, Options::default(), Scope::WithoutConsistency).unwrap();
            let scope = Scope::ConsistencyAfter(first.warnings);
            let second = check_as(&source, Options::default(), scope).unwrap();
            let said = |w: &[Diagnostic]| w.iter().map(ToString::to_string).collect::<Vec<_>>();
            assert_eq!(
                said(&whole.warnings),
                said(&second.warnings),
                "{}",
                path.display()
            );
            assert_eq!(
                format!("{:?}", whole.facts),
                format!("{:?}", second.facts),
                "{}",
                path.display()
            );
            warned = whole.warnings.len();
        }
        // The made-up file, last: a dated-before warning, a punctuation note and a
        // consistency warning.
        assert_eq!(warned, 3);
    }

    /// A file saved again after the batch ranked it is refused, not drafted with ranks made
    /// from its earlier figures; the others are drafted.
    #[test]
    fn a_file_changed_between_the_passes_is_refused() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/huaihua-2024");
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for name in ["chenxi.toml", "hecheng.toml", "xupu.toml"] {
            let copy = dir.path().join(name);
            std::fs::copy(root.join(name), &copy).unwrap();
            files.push(copy);
        }
        let last = files[2].clone();
        let changed = std::sync::atomic::AtomicBool::new(false);
        // One thread drafts the files in order: the first one drafted changes the last.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let summary = pool
            .install(|| {
                run(
                    &files,
                    &dir.path().join("out"),
                    &TemplateSet::built_in(),
                    Options::default(),
                    false,
                    &|_| {
                        if !changed.swap(true, std::sync::atomic::Ordering::SeqCst) {
                            let text = std::fs::read_to_string(&last).unwrap();
                            std::fs::write(&last, text.replacen("current = ", "current = 1", 1))
                                .unwrap();
                        }
                    },
                )
            })
            .unwrap();
        assert_eq!(summary.drafted.len(), 2);
        assert_eq!(summary.failed.len(), 1);
        let (path, why) = &summary.failed[0];
        assert_eq!(path, &last);
        assert!(
            why.to_string()
                .contains("changed while the batch was drafting"),
            "{why}"
        );
    }

    #[test]
    fn draft_names_are_safe() {
        assert_eq!(draft_name("溆浦县", 2024, false), "溆浦县-2024.docx");
        assert_eq!(draft_name("溆浦县", 2025, true), "溆浦县-2025-上半年.docx");
        assert_eq!(
            draft_name("../../etc/passwd", 2024, false),
            "etcpasswd-2024.docx"
        );
        assert_eq!(draft_name("a\u{7}b:c*?", 2024, false), "abc-2024.docx");
        assert_eq!(draft_name("..", 2024, false), "draft-2024.docx");
    }
}
