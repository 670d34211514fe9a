//! A set of files drafted or rolled up together must be one period's, one file per region,
//! with each indicator in units that add up.
//!
//! A city's folder of county files collects revised copies beside old ones, last year's file
//! and a county's own units. Ranked or summed together they make a total that is silently
//! wrong, so `batch` and `rollup` refuse such a set and name the files.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::measure::rank::{Meaning, Standing};
use crate::measure::units;
use crate::model::ReportKind;

/// The period a file reports, as a set compares it.
fn period(s: &Standing) -> (i32, ReportKind, u32) {
    (s.period.0, s.period.1, s.period.2)
}

fn period_name(s: &Standing) -> String {
    let (year, kind, months) = period(s);
    match kind {
        ReportKind::Annual => format!("{year} annual"),
        ReportKind::HalfYear if months == 6 => format!("{year} half-year"),
        ReportKind::HalfYear => format!("{year} to month {months}"),
    }
}

/// Every ambiguity in a set of checked files, each naming the two files concerned.
pub fn ambiguities(members: &[(&Path, &Standing)]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let Some((first_path, first)) = members.first() else {
        return found;
    };
    for (i, (path, s)) in members.iter().enumerate() {
        if period(s) != period(first) {
            found.push(
                Diagnostic::error(format!(
                    "{} is a {} report, {} a {} one: a set drafts or sums one period",
                    path.display(),
                    period_name(s),
                    first_path.display(),
                    period_name(first)
                ))
                .help("move the other period's files to a folder of their own"),
            );
            continue;
        }
        let twin = members[..i].iter().find(|(_, o)| {
            o.region.trim() == s.region.trim()
                && period(o) == period(s)
                && o.period.3.as_deref().map(str::trim) == s.period.3.as_deref().map(str::trim)
        });
        if let Some((other, _)) = twin {
            found.push(
                Diagnostic::error(format!(
                    "{} and {} are both {}'s {} report: a set takes each region once",
                    other.display(),
                    path.display(),
                    s.region.trim(),
                    period_name(s)
                ))
                .help("keep the revised file and move the other out of the set"),
            );
        }
    }
    // One indicator key must mean one thing in every file: the same name, the same own
    // period, units that convert (万元 and 亿元, not 万元 and 家), the same good direction.
    let mut seen: Vec<(&Meaning, &Path)> = Vec::new();
    for (path, s) in members {
        for entry in &s.entries {
            let (entry, key) = (&*entry.meaning, &entry.meaning.key);
            let Some((first, other)) = seen.iter().find(|(m, _)| m.key == *key) else {
                seen.push((entry, path));
                continue;
            };
            if *first == entry {
                continue;
            }
            let differs = |what: &str, a: String, b: String| {
                Diagnostic::error(format!(
                    "{key} is {a} in {}, {b} in {}: {what}",
                    other.display(),
                    path.display()
                ))
                .help("give the indicator the same meaning in every file, or another key where it differs")
            };
            if first.name != entry.name {
                found.push(differs(
                    "one key, two indicators",
                    format!("\"{}\"", first.name),
                    format!("\"{}\"", entry.name),
                ));
            } else if first.period != entry.period {
                let said = |p: &Option<String>| {
                    p.clone().unwrap_or_else(|| "of the report's period".into())
                };
                found.push(differs(
                    "figures of different periods cannot be summed or ranked",
                    said(&first.period),
                    said(&entry.period),
                ));
            } else if !units::convertible(&first.unit, &entry.unit) {
                found.push(differs(
                    "units that do not convert cannot be summed or ranked",
                    format!("in {}", first.unit),
                    format!("in {}", entry.unit),
                ));
            } else if first.better != entry.better {
                found.push(differs(
                    "one set ranks it one way",
                    format!("better {:?}", first.better).to_lowercase(),
                    format!("better {:?}", entry.better).to_lowercase(),
                ));
            }
        }
    }
    found
}

/// The set as it stands, or every ambiguity in it.
pub fn refuse_ambiguous(members: &[(&Path, &Standing)]) -> Result<(), Diagnostics> {
    let found = ambiguities(members);
    if found.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(found))
    }
}
