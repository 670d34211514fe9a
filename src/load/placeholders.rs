//! Figures still carrying the mark `init` and `next` put beside every figure to fill in
//! (`current = 0   # 填写2025年数值`).
//!
//! A file started by `init` or `next` drafts as it stands, and a figure left at its
//! placeholder would print as a fact: 0亿元, or 下降100% against last year's. The mark is a
//! comment, so only the parsed text knows it; each marked figure is an error until the
//! clerk writes the figure and deletes the comment (or deletes the line).

use toml_edit::{Item, Value};

use super::Source;
use crate::diagnostic::Finding;
use crate::zh::fill::TO_FILL;

/// Every figure of `source` still marked to be filled in.
pub fn find(source: &Source) -> Vec<Finding> {
    let mut found = Vec::new();
    if let Ok(doc) = source.document() {
        walk(&source.text, doc.as_item(), String::new(), &mut found);
    }
    found
}

/// The comment after a value, from the text the parsed document points into.
fn suffix<'t>(text: &'t str, value: &Value) -> Option<&'t str> {
    let raw = value.decor().suffix()?;
    raw.span().and_then(|span| text.get(span))
}

fn walk(text: &str, item: &Item, path: String, found: &mut Vec<Finding>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match item {
        Item::Table(t) => {
            for (key, child) in t.iter() {
                walk(text, child, join(key), found);
            }
        }
        Item::ArrayOfTables(a) => {
            for (i, t) in a.iter().enumerate() {
                for (key, child) in t.iter() {
                    walk(
                        text,
                        child,
                        format!("{}.{key}", join(&i.to_string())),
                        found,
                    );
                }
            }
        }
        Item::Value(v) => {
            // `#填写` with or without the space `init` and `next` put after `#`.
            let mark_of = |s: &&str| {
                let bare: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                bare.contains(&TO_FILL.replace(' ', ""))
            };
            if let Some(mark) = suffix(text, v).filter(mark_of) {
                let mark = mark.trim();
                found.push(
                    Finding::error(path.clone(), format!("this figure is still the placeholder ({mark})"))
                        .help("write the figure and delete the comment, or delete the line if it does not apply"),
                );
            }
        }
        Item::None => {}
    }
}
