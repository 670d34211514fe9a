//! Sense checks of the document's outline (`[[sections]]`) and house style (`[style]`): four
//! levels at most, no empty section, headings without hand-typed numbers, blocks that exist
//! once, selections that name indicators, markers and numberings zongjie knows.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Finding, closest};
use crate::model::{BlockName, ReportFile, Section, Style};
use crate::zh::{hint, numeral, reading};

static HAND_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(reading::HAND_NUMBER_PATTERN).expect("the hand-number pattern is a valid regex")
});
static HAND_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(reading::HAND_LABEL_PATTERN).expect("the hand-label pattern is a valid regex")
});

/// Every problem of the outline and the style.
pub fn check(file: &ReportFile, texts: &[(String, &str)], found: &mut Vec<Finding>) {
    style(file, found);
    older_sections(file, found);
    titles_without_numbers(texts, found);
    let mut blocks: Vec<(BlockName, String, &Section)> = Vec::new();
    for (path, level, section) in file.sections() {
        let at = |field: &str| format!("{path}.{field}");
        if level > 4 {
            found.push(
                Finding::error(
                    path.clone(),
                    format!(
                        "a fifth heading level: GB/T 9704 numbers four ({})",
                        hint::FOUR_LEVELS
                    ),
                )
                .help("move this section's text into its parent's paragraphs or points"),
            );
        }
        if let Some(own) = section.level
            && (own == 0 || usize::from(own) < level)
        {
            found.push(
                Finding::error(
                    at("level"),
                    format!("level {own} is above this section's place: it is printed at level {level}"),
                )
                .help(format!("a section's level may only skip down ({} is level 3 under level 1); remove level to print it one below its parent", hint::SKIPPED_LEVEL)),
            );
        }
        let has_text = section.lead.is_some()
            || !section.blocks.is_empty()
            || !section.paragraphs.is_empty()
            || !section.points.is_empty();
        match &section.title {
            None if !section.sections.is_empty() => found.push(
                Finding::error(
                    path.clone(),
                    "a section without a title cannot hold sections",
                )
                .help("give it a title, or move its sections up a level"),
            ),
            None if !has_text => found.push(
                Finding::error(path.clone(), "this section is empty")
                    .help("give it a title and its text, or delete it"),
            ),
            None if section.run_in.is_some() => found.push(
                Finding::error(at("run_in"), "run_in needs a title to run into the text")
                    .help("give the section a title, or remove run_in"),
            ),
            Some(title) if !has_text && section.sections.is_empty() => found.push(
                Finding::error(
                    at("title"),
                    format!("the section \"{}\" has nothing under it", title.trim()),
                )
                .help("write its paragraphs or points, give it sections, or delete it"),
            ),
            _ => {}
        }
        if let Some(marker) = &section.marker {
            check_marker(&at("marker"), marker, found);
        }
        if !section.goals.is_empty()
            && !section
                .blocks
                .iter()
                .any(|b| matches!(b, BlockName::Goals | BlockName::Remaining))
        {
            found.push(
                Finding::error(at("goals"), "goals are joined into the targets sentence, and this section has none")
                    .help("add blocks = [\"goals\"] (or \"remaining\" in a half-year plan), or write them as points"),
            );
        }
        if !section.only.is_empty() && !section.except.is_empty() {
            found.push(
                Finding::error(
                    at("except"),
                    "a section takes either `only` or `except`, not both",
                )
                .help("keep `only` to list the indicators, or `except` to leave some out"),
            );
        }
        for field in ["only", "except"] {
            let keys = if field == "only" {
                &section.only
            } else {
                &section.except
            };
            for (i, key) in keys.iter().enumerate() {
                if !file.indicators.contains_key(key) && !file.ratios.contains_key(key) {
                    let known = file
                        .indicators
                        .keys()
                        .chain(file.ratios.keys())
                        .map(String::as_str);
                    let hint = match closest(key, known) {
                        Some(c) => {
                            format!("did you mean \"{c}\"? name a key of [indicators] or [ratios]")
                        }
                        None => "name a key of [indicators] or [ratios]".into(),
                    };
                    found.push(
                        Finding::error(
                            at(&format!("{field}.{i}")),
                            format!("there is no indicator \"{key}\""),
                        )
                        .help(hint),
                    );
                }
            }
        }
        for (i, block) in section.blocks.iter().enumerate() {
            let block_path = at(&format!("blocks.{i}"));
            let twice = blocks
                .iter()
                .find(|(b, _, other)| *b == *block && !disjoint(&other.only, &section.only));
            if let Some((_, first, _)) = twice {
                found.push(
                    Finding::error(block_path.clone(), format!("{} is already placed (at {first})", block_name(*block)))
                        .help("place each block once; to place it twice, give both sections `only` lists that do not overlap"),
                );
            }
            blocks.push((*block, block_path, section));
        }
    }
}

/// Two `only` lists that share no indicator (an empty list takes them all).
fn disjoint(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let a: HashSet<&String> = a.iter().collect();
    !b.iter().any(|k| a.contains(k))
}

fn block_name(block: BlockName) -> String {
    serde_json::to_value(block)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn check_marker(path: &str, marker: &str, found: &mut Vec<Finding>) {
    if !numeral::MARKERS.contains(&marker) {
        found.push(
            Finding::error(
                path,
                format!("\"{marker}\" is not a way zongjie counts points"),
            )
            .help(format!("write one of: {}", numeral::MARKERS.join(", "))),
        );
    }
}

/// `[style]`: levels 1 to 4, a known level-3 numbering and marker.
fn style(file: &ReportFile, found: &mut Vec<Finding>) {
    if let Some(style) = &file.style {
        style_findings(style, found);
    }
}

/// Problems of a `[style]` table, at key paths under `style.` (a data file's or a profile's).
pub fn style_findings(style: &Style, found: &mut Vec<Finding>) {
    for (i, level) in style.run_in.iter().flatten().enumerate() {
        if !(1..=4).contains(level) {
            found.push(
                Finding::error(
                    format!("style.run_in.{i}"),
                    format!("{level} is not a heading level"),
                )
                .help("list heading levels 1 to 4, e.g. run_in = [2, 3]"),
            );
        }
    }
    if let Some(level3) = &style.level3
        && !numeral::LEVEL3.contains(&level3.as_str())
    {
        found.push(
            Finding::error(
                "style.level3",
                format!("\"{level3}\" is not a level-3 numbering"),
            )
            .help(format!(
                "write one of: {}",
                numeral::LEVEL3.map(|l| format!("\"{l}\"")).join(", ")
            )),
        );
    }
    if let Some(marker) = &style.marker {
        check_marker("style.marker", marker, found);
    }
    for (role, name) in style.fonts.iter().flat_map(|f| f.named()) {
        let Some(name) = name else { continue };
        // Word and WPS keep a face's name in 32 UTF-16 units with the terminating NUL
        // (LOGFONT's LF_FACESIZE): a longer name never matches an installed face.
        let problem = if name.trim().is_empty() {
            Some("is empty".to_string())
        } else if name.encode_utf16().count() > 31 {
            Some(format!(
                "\"{name}\" is longer than a face name can be (31 characters)"
            ))
        } else if name.chars().any(|c| c.is_control() || "<>&\"".contains(c)) {
            Some(format!("\"{name}\" has characters no face name has"))
        } else if name != name.trim() {
            Some(format!("\"{name}\" begins or ends with a space"))
        } else {
            None
        };
        if let Some(problem) = problem {
            found.push(
                Finding::error(format!("style.fonts.{role}"), format!("the face {problem}"))
                    .help("write the face's name as Word or WPS lists it in its font menu, or remove the key to keep the GB/T 9704 face"),
            );
        }
    }
}

/// The older sections are the standard outline's content; a file with its own outline puts
/// that content in its sections.
fn older_sections(file: &ReportFile, found: &mut Vec<Finding>) {
    if file.sections.is_empty() {
        return;
    }
    let older = [
        ("achievements", !file.achievements.is_empty()),
        ("highlights", !file.highlights.is_empty()),
        ("problems", !file.problems.is_empty()),
        ("plan", file.plan.is_some()),
    ];
    for (key, present) in older {
        if present {
            found.push(
                Finding::error(key, format!("[{key}] is not drafted when the file has [[sections]]"))
                    .help("move its text into a section of [[sections]] (title, paragraphs, points), or delete it"),
            );
        }
    }
}

/// Headings are numbered by the outline; a number typed into a title would print twice.
fn titles_without_numbers(texts: &[(String, &str)], found: &mut Vec<Finding>) {
    for (path, text) in texts.iter().map(|(p, t)| (p.as_str(), *t)) {
        let is_title = path.ends_with(".title")
            && ["sections.", "achievements.", "highlights.", "plan.tasks."]
                .iter()
                .any(|p| path.starts_with(p))
            && !path.contains(".points.");
        let is_point = path.contains(".points.") && path.ends_with(".title")
            || (path.starts_with("problems.") && path.ends_with(".title"));
        let pattern: &Regex = if is_point {
            &HAND_LABEL
        } else if is_title {
            &HAND_NUMBER
        } else {
            continue;
        };
        if let Some(m) = pattern.find(text) {
            let typed = m.as_str().trim();
            found.push(
                Finding::error(path, format!("the title begins with a number typed by hand, \"{typed}\""))
                    .about(typed)
                    .help(format!("remove \"{typed}\": zongjie numbers headings and points itself, and renumbers them when sections move")),
            );
        }
    }
}
