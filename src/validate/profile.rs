//! Where a county's data file departs from its city's profile: the outline's sections, their
//! order and blocks, and the house style. Departures are warnings (`--strict` makes them
//! errors): a county may have reasons, and the city sees them listed.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Finding;
use crate::load::profile::Profile;
use crate::model::{ReportFile, Section, Style};

/// A title compared across years and citations: 2024年工作情况 and {{report.work_period}}工作情况
/// and 2025年工作情况 are the same heading.
fn normal(title: &str) -> String {
    static YEARS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\{\{[^}]*\}\}|\d{4}").expect("the year pattern is a valid regex")
    });
    YEARS
        .replace_all(title, "#")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every departure of `file` (as written, before the profile's style is applied) from
/// `profile`.
pub fn departures(file: &ReportFile, profile: &Profile) -> Vec<Finding> {
    let mut found = Vec::new();
    style(file.style.as_ref(), &profile.style, &mut found);
    if !profile.sections.is_empty() {
        if file.sections.is_empty() {
            found.push(
                Finding::warning(
                    "report",
                    format!(
                        "the file does not follow the profile's outline ({}): it has no [[sections]]",
                        profile.path.display()
                    ),
                )
                .help("start the file from `zongjie init --profile …` and move its text into the sections"),
            );
        } else {
            compare(
                &file.sections,
                &profile.sections,
                "sections",
                "",
                &mut found,
            );
        }
    }
    found
}

/// The style keys the file sets otherwise than the profile.
fn style(file: Option<&Style>, profile: &Style, found: &mut Vec<Finding>) {
    let Some(file) = file else { return };
    let differs = [
        (
            "run_in",
            file.run_in
                .as_ref()
                .zip(profile.run_in.as_ref())
                .map(|(a, b)| (format!("{a:?}"), format!("{b:?}"))),
        ),
        (
            "level3",
            file.level3
                .as_ref()
                .zip(profile.level3.as_ref())
                .map(|(a, b)| (a.clone(), b.clone())),
        ),
        (
            "marker",
            file.marker
                .as_ref()
                .zip(profile.marker.as_ref())
                .map(|(a, b)| (a.clone(), b.clone())),
        ),
        (
            "seal",
            file.seal
                .zip(profile.seal)
                .map(|(a, b)| (a.to_string(), b.to_string())),
        ),
    ];
    // A face the county names differently from the city.
    let fonts = file.fonts.as_ref().zip(profile.fonts.as_ref());
    let faces = fonts.into_iter().flat_map(|(mine, theirs)| {
        mine.named()
            .into_iter()
            .zip(theirs.named())
            .filter_map(|((role, a), (_, b))| Some((role, a?, b?)))
    });
    for (role, mine, theirs) in faces.filter(|(_, a, b)| a != b) {
        found.push(
            Finding::warning(
                format!("style.fonts.{role}"),
                format!("fonts.{role} = {mine} departs from the profile's {theirs}"),
            )
            .help(format!(
                "remove fonts.{role} to follow the profile, or keep it if the city agreed"
            )),
        );
    }
    for (key, pair) in differs {
        if let Some((mine, theirs)) = pair.filter(|(a, b)| a != b) {
            found.push(
                Finding::warning(
                    format!("style.{key}"),
                    format!("{key} = {mine} departs from the profile's {theirs}"),
                )
                .help(format!(
                    "remove {key} to follow the profile, or keep it if the city agreed"
                )),
            );
        }
    }
}

/// Sections compared with the profile's at one level: each of the profile's present, in its
/// order, with its blocks; the profile's sections that list sections of their own are
/// compared one level down.
fn compare(
    mine: &[Section],
    theirs: &[Section],
    path: &str,
    parent: &str,
    found: &mut Vec<Finding>,
) {
    let title = |s: &Section| s.title.as_deref().map(normal);
    let mut last_matched: Option<usize> = None;
    for wanted in theirs {
        let Some(wanted_title) = title(wanted) else {
            continue;
        };
        let shown = wanted.title.as_deref().unwrap_or_default().trim();
        match mine
            .iter()
            .position(|s| title(s).as_deref() == Some(wanted_title.as_str()))
        {
            None => found.push(
                Finding::warning(
                    if parent.is_empty() {
                        path.to_string()
                    } else {
                        parent.to_string()
                    },
                    format!("the profile's section \"{shown}\" is missing"),
                )
                .help("add it, with this title, where the profile has it"),
            ),
            Some(i) => {
                let at = format!("{path}.{i}");
                if last_matched.is_some_and(|last| i < last) {
                    found.push(
                        Finding::warning(
                            format!("{at}.title"),
                            format!("\"{shown}\" comes earlier than in the profile's order"),
                        )
                        .help("move the section to where the profile has it"),
                    );
                }
                last_matched = Some(last_matched.map_or(i, |last| last.max(i)));
                for block in &wanted.blocks {
                    if !mine[i].blocks.contains(block) {
                        let name = serde_json::to_value(block)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default();
                        found.push(
                            Finding::warning(
                                format!("{at}.title"),
                                format!("the profile places {name} in \"{shown}\""),
                            )
                            .help(format!("add \"{name}\" to this section's blocks")),
                        );
                    }
                }
                if !wanted.sections.is_empty() {
                    compare(
                        &mine[i].sections,
                        &wanted.sections,
                        &format!("{at}.sections"),
                        &at,
                        found,
                    );
                }
            }
        }
    }
    // A county adds its own parts under the profile's (its year's work items); only a
    // document part the profile does not have is a departure.
    if !parent.is_empty() {
        return;
    }
    for (i, s) in mine.iter().enumerate() {
        if let Some(t) = title(s)
            && !theirs
                .iter()
                .any(|w| title(w).as_deref() == Some(t.as_str()))
            && theirs.iter().any(|w| w.title.is_some())
        {
            found.push(
                Finding::warning(
                    format!("{path}.{i}.title"),
                    format!(
                        "\"{}\" is not a section of the profile",
                        s.title.as_deref().unwrap_or_default().trim()
                    ),
                )
                .help("keep it if the county needs it; the city sees it listed"),
            );
        }
    }
}
