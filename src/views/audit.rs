//! The audit (数据核对表): every figure the measure stage computed, in three shapes — a text
//! table for the terminal (`zongjie explain`), a JSON array for other tools (`--format json`)
//! and an outline table appended to a draft (`draft --audit`).
//!
//! The JSON array is a stable interface. Each element is an object with, in this order:
//!
//! | field     | meaning                                                            |
//! |-----------|--------------------------------------------------------------------|
//! | `key`     | indicator key (`rd_spend`), or `key.parts.N` for a sub-item         |
//! | `name`    | the indicator's printed name; a sub-item's is `指标（分项）`         |
//! | `kind`    | what was computed: `yoy_percent`, `target_completion`, … (snake case) |
//! | `inputs`  | object of named inputs, decimals as strings (`"4.54"`)             |
//! | `formula` | how the inputs combine                                             |
//! | `formula_zh` | the same in Chinese, as the 数据核对表 prints it (`（本年数 − 上年数）÷ 上年数 × 100`) |
//! | `exact`   | the unrounded result as a decimal string (up to 10 places)         |
//! | `value`   | the result rounded half-up at the precision printed                |
//! | `text`    | the phrase placed in the draft                                     |
//! | `provenance` | `computed`, or `stated` for a figure the file states (a published growth rate or rank) |
//! | `source`  | who stated it, when the file names them (omitted otherwise)        |
//!
//! Fields are only ever added, never renamed or removed.

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::measure::decimal::{fixed, round_half_up};
use crate::measure::{Facts, Figure};
use crate::outline::{Table, TableKind};
use crate::zh::formula::Naming;
use crate::zh::{cite, formula, label};

/// One row of the audit: a figure and the name of what it is about.
#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    pub key: &'a str,
    pub name: String,
    #[serde(flatten)]
    pub figure: FigureView<'a>,
}

/// A figure without its key (the entry carries it first), printed.
#[derive(Debug, Serialize)]
pub struct FigureView<'a> {
    pub kind: crate::measure::FigureKind,
    pub inputs: indexmap::IndexMap<&'a str, String>,
    pub formula: &'a str,
    /// The formula in Chinese.
    pub formula_zh: String,
    /// The inputs under their Chinese names, for the table and `explain`.
    #[serde(skip)]
    pub inputs_zh: Vec<(String, String)>,
    /// Up to 10 decimals, unrounded otherwise.
    pub exact: String,
    /// Rounded half-up at the places the draft prints.
    pub value: String,
    /// The words the draft places.
    pub text: String,
    /// `computed`, or `stated` for a figure the file states.
    pub provenance: &'static str,
    /// Who stated it, when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
}

/// The audit rows, in the order the figures were computed.
pub fn entries(facts: &Facts) -> Vec<Entry<'_>> {
    let indicator = |key: &str| facts.indicators.get(key).map(|i| i.name.clone());
    let naming = Naming {
        half_year: facts.report.half_year(),
        indicator: &indicator,
    };
    facts
        .figures
        .iter()
        .map(|f: &Figure| {
            let mut path = f.key.split('.');
            let key = path.next().unwrap_or_default();
            let measured = facts.indicators.get(key);
            let own = measured.map_or("", |i| i.name.as_str());
            // A sub-item (key.parts.N) is named with its indicator.
            let part = match (
                path.next(),
                path.next().and_then(|n| n.parse::<usize>().ok()),
            ) {
                (Some("parts"), Some(n)) => measured.and_then(|i| i.parts.get(n)),
                _ => None,
            };
            let name = match part {
                Some(p) => formula::part_name(own, &p.name),
                None => own.to_string(),
            };
            let inputs_zh = f
                .inputs
                .iter()
                .map(|(k, v)| {
                    let word = formula::operand(k, &naming).unwrap_or_else(|| k.clone());
                    (word, v.normalize().to_string())
                })
                .collect();
            Entry {
                key: &f.key,
                name,
                figure: FigureView {
                    kind: f.kind,
                    inputs: f
                        .inputs
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.normalize().to_string()))
                        .collect(),
                    formula: &f.formula,
                    // Never half translated: a word without a Chinese name keeps the whole
                    // formula in its original form (zh::formula's tests catch it).
                    formula_zh: match &f.stated {
                        Some(stated) => formula::stated(stated.source.as_deref()),
                        None => formula::formula(&f.formula, &naming)
                            .unwrap_or_else(|| f.formula.clone()),
                    },
                    inputs_zh,
                    exact: round_half_up(f.exact, 10).normalize().to_string(),
                    value: fixed(f.exact, f.places),
                    text: cite::figure_text(f, facts),
                    provenance: if f.stated.is_some() {
                        "stated"
                    } else {
                        "computed"
                    },
                    source: f.stated.as_ref().and_then(|s| s.source.as_deref()),
                },
            }
        })
        .collect()
}

/// Every computed phrase of the draft with how it was computed, longest first: what the
/// clerk's desk marks in its preview and explains on hover.
pub fn highlights(facts: &Facts) -> Vec<crate::layout::html::Highlight> {
    let mut out: Vec<crate::layout::html::Highlight> = entries(facts)
        .into_iter()
        .filter(|e| e.figure.text.chars().any(|c| c.is_ascii_digit()))
        .map(|e| crate::layout::html::Highlight {
            phrase: e.figure.text.to_string(),
            explanation: crate::zh::desk::explanation(
                &e.name,
                &e.figure.formula_zh,
                &inputs_text(&e.figure),
                &e.figure.exact,
                &e.figure.value,
            ),
        })
        .collect();
    out.sort_by_key(|h| std::cmp::Reverse(h.phrase.len()));
    out.dedup_by(|a, b| a.phrase == b.phrase);
    out
}

/// The audit as a pretty-printed JSON array.
pub fn json(facts: &Facts) -> String {
    // Serialising plain strings and maps cannot fail.
    serde_json::to_string_pretty(&entries(facts)).unwrap_or_else(|_| "[]".into())
}

fn inputs_text(figure: &FigureView) -> String {
    figure
        .inputs_zh
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The audit as aligned text, one block per indicator.
pub fn text(facts: &Facts) -> String {
    let entries = entries(facts);
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            [
                formula::kind(e.figure.kind).to_string(),
                e.figure.formula_zh.clone(),
                inputs_text(&e.figure),
                format!("= {} → {}", e.figure.exact, e.figure.value),
                e.figure.text.to_string(),
            ]
        })
        .collect();
    let mut widths = [0usize; 4];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    let mut last_key = "";
    for (entry, row) in entries.iter().zip(&rows) {
        if entry.key != last_key {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("{}  {}\n", entry.key, entry.name));
            last_key = entry.key;
        }
        out.push_str("  ");
        for (cell, width) in row.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(width - cell.width() + 2));
        }
        out.push_str(&row[4]);
        out.push('\n');
    }
    let stated = entries
        .iter()
        .filter(|e| e.figure.provenance == "stated")
        .count();
    if stated == 0 {
        out.push_str(&format!("\n{} figures computed\n", rows.len()));
    } else {
        out.push_str(&format!(
            "\n{} figures: {} computed, {stated} stated by the file\n",
            rows.len(),
            rows.len() - stated
        ));
    }
    // Names and phrases are the data's: shown, never run by the terminal.
    crate::safe::terminal(&out).into_owned()
}

/// The audit as a table for the last page of a draft.
pub fn table(facts: &Facts) -> Table {
    Table {
        kind: TableKind::Audit,
        caption: label::AUDIT_TABLE.into(),
        header: label::AUDIT_HEADER.map(String::from).to_vec(),
        rows: entries(facts)
            .iter()
            .enumerate()
            .map(|(i, e)| {
                // The indicator is named on its first row only, so its rows read as a group.
                let first = i == 0 || facts.figures[i - 1].key != e.key;
                vec![
                    match (first, e.name.is_empty()) {
                        (false, _) => String::new(),
                        (true, true) => e.key.to_string(),
                        (true, false) => e.name.clone(),
                    },
                    e.figure.text.to_string(),
                    e.figure.formula_zh.clone(),
                    inputs_text(&e.figure),
                    e.figure.exact.to_string(),
                    e.figure.value.to_string(),
                ]
            })
            .collect(),
        note: Some(label::audit_note(facts.figures.len())),
    }
}
