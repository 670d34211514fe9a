//! Every example drafts as a bureau prints: full-width marks in Chinese text (GB/T 15834),
//! brackets that pair, and figures as the clerk typed them.

mod common;

use std::path::Path;

use common::{paragraphs, part};
use zongjie::Options;
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;

fn drafted_text(path: &Path) -> Vec<String> {
    let source = Source::read(path).unwrap();
    let draft = zongjie::draft(&source, &TemplateSet::built_in(), Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    paragraphs(&part(&draft.docx, "word/document.xml"))
}

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
        || "，。；：、？！（）“”《》—…".contains(c)
}

/// Half-width marks with Chinese text on either side (spaces skipped).
fn half_width_in_chinese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (k, &c) in chars.iter().enumerate() {
        if !",;:()?!".contains(c) {
            continue;
        }
        let left = chars[..k].iter().rev().find(|c| **c != ' ');
        let right = chars[k + 1..].iter().find(|c| **c != ' ');
        if left.is_some_and(|c| is_chinese(*c)) || right.is_some_and(|c| is_chinese(*c)) {
            let from = k.saturating_sub(8);
            let to = (k + 8).min(chars.len());
            found.push(chars[from..to].iter().collect());
        }
    }
    found
}

/// Whether every （ is closed by a ）, in order.
fn brackets_pair(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Whole figures the clerk typed (current, previous, targets, history, outlook), with the
/// indicator's unit.
fn typed_whole_figures(path: &Path) -> Vec<(i64, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let mut found = Vec::new();
    let Some(indicators) = doc.get("indicators").and_then(|i| i.as_table()) else {
        return found;
    };
    for indicator in indicators.values() {
        let Some(t) = indicator.as_table() else {
            continue;
        };
        let Some(unit) = t.get("unit").and_then(|u| u.as_str()) else {
            continue;
        };
        let mut values: Vec<&toml::Value> = ["current", "previous", "target", "next_target"]
            .iter()
            .filter_map(|k| t.get(*k))
            .collect();
        if let Some(history) = t.get("history").and_then(|h| h.as_table()) {
            values.extend(history.values());
        }
        if let Some(outlook) = t.get("outlook").and_then(|o| o.get("value")) {
            values.push(outlook);
        }
        found.extend(
            values
                .into_iter()
                .filter_map(toml::Value::as_integer)
                .map(|v| (v, unit.to_string())),
        );
    }
    found
}

#[test]
fn no_half_width_mark_touches_chinese_text() {
    for path in common::examples() {
        for paragraph in drafted_text(&path) {
            let found = half_width_in_chinese(&paragraph);
            assert!(
                found.is_empty(),
                "{}: half-width marks in {found:?}\n{paragraph}",
                path.display()
            );
        }
    }
}

#[test]
fn full_width_brackets_pair() {
    for path in common::examples() {
        for paragraph in drafted_text(&path) {
            assert!(
                brackets_pair(&paragraph),
                "{}: （ and ） do not pair in\n{paragraph}",
                path.display()
            );
        }
    }
}

#[test]
fn typed_whole_figures_print_without_decimals() {
    let counts = regex::Regex::new(r"\d\.\d+(家|项|人|件|个)(百分点)?").unwrap();
    for path in common::examples() {
        let text = drafted_text(&path).join("\n");
        for (value, unit) in typed_whole_figures(&path) {
            let pattern = format!(r"(^|[^\d.]){value}\.0+{}", regex::escape(&unit));
            let typed_whole = regex::Regex::new(&pattern).unwrap();
            assert!(
                !typed_whole.is_match(&text),
                "{}: {value}{unit} was typed whole but prints with decimals",
                path.display()
            );
        }
        // A count, and a change of a count, never has decimals (个百分点 is a ratio's change).
        for m in counts.captures_iter(&text) {
            assert!(
                m.get(2).is_some(),
                "{}: a count with decimals: {}",
                path.display(),
                &m[0]
            );
        }
    }
}

#[test]
fn the_checks_catch_what_they_are_for() {
    assert_eq!(
        half_width_in_chinese("增长66.9%,完成"),
        vec!["增长66.9%,完成"]
    );
    assert!(half_width_in_chinese("R&D投入、PVA、PVB, 3.14, http://a.cn").is_empty());
    assert!(!brackets_pair("（一）（二"));
    assert!(!brackets_pair("）（"));
    assert!(brackets_pair("名称（2021年度（初步））"));
}

#[test]
fn the_audit_speaks_chinese_and_names_sub_items() {
    let mut files = common::examples();
    files.push(common::fixture("comparisons.toml"));
    let mut parts = 0;
    for path in files {
        let source = Source::read(&path).unwrap();
        let checked = zongjie::check(&source, Options::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for entry in zongjie::views::audit::entries(&checked.facts) {
            let zh = &entry.figure.formula_zh;
            assert!(
                !zh.chars().any(|c| c.is_ascii_alphabetic() && c != 'N'),
                "{}: {} ({}) untranslated: {zh}",
                path.display(),
                entry.key,
                entry.figure.formula
            );
            for (name, _) in &entry.figure.inputs_zh {
                assert!(
                    !name.chars().any(|c| c.is_ascii_alphabetic()),
                    "{}: input {name} of {}",
                    path.display(),
                    entry.key
                );
            }
            if entry.key.contains(".parts.") {
                parts += 1;
                assert!(entry.name.ends_with('）'), "{}", entry.name);
            }
        }
    }
    assert!(parts > 0, "some example has sub-items");
}
