//! `zongjie next`: next period's data file from this one, edited in place with toml_edit so
//! that the clerk's comments, order and formatting survive.
//!
//! This period's values become `previous`, this period's plan targets (`next_target`) become
//! the new `target` — so what was promised in December is measured next December — and the
//! narrative is emptied to placeholders, since it must be written anew.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value, value};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Source;
use crate::zh::fill;

/// Next period's data file.
pub struct NextPeriod {
    pub text: String,
    /// The year it reports on.
    pub year: i32,
}

/// Next period's data file, from a file that checks.
pub fn next_period(source: &Source, options: crate::Options) -> Result<NextPeriod, Diagnostics> {
    let checked = crate::check(source, options)?;
    let mut doc: DocumentMut = source.text.parse().map_err(|e: toml_edit::TomlError| {
        Diagnostics::from(
            Diagnostic::error(format!("cannot edit the file: {e}")).in_file(&source.path),
        )
    })?;
    let year = checked.file.report.year;
    let next = year + 1;
    let report = &mut doc["report"];
    report["year"] = value(i64::from(next));
    if let Some(date) = checked.file.report.date.date {
        let date = format!(
            "{}-{:02}-{:02}",
            i32::from(date.year) + 1,
            date.month,
            date.day
        );
        if let Ok(d) = date.parse::<toml_edit::Datetime>() {
            report["date"] = value(d);
        }
    }
    if let Some(t) = report.as_table_like_mut() {
        // A title names its year; the generated one will name the new one.
        t.remove("title");
    }
    if let Some(indicators) = doc.get_mut("indicators").and_then(Item::as_table_like_mut) {
        for (mut key, item) in indicators.iter_mut() {
            // An inline table cannot hold the comment that marks a figure to fill in: it
            // becomes a table of its own ([indicators.KEY]) in next period's file.
            if let Some(inline) = item.as_inline_table().cloned() {
                *item = Item::Table(inline.into_table());
                key.fmt();
            }
            if let Some(ind) = item.as_table_like_mut() {
                carry_indicator(ind, year, next);
            }
        }
    }
    if let Some(ratios) = doc.get_mut("ratios").and_then(Item::as_table_like_mut) {
        for (_, item) in ratios.iter_mut() {
            if let Some(r) = item.as_table_like_mut() {
                move_next_target(r);
            }
        }
    }
    empty_narrative(&mut doc, next);
    if let Some(sections) = doc
        .get_mut("sections")
        .and_then(Item::as_array_of_tables_mut)
    {
        for (i, section) in sections.iter_mut().enumerate() {
            if i == 0 {
                section
                    .decor_mut()
                    .set_prefix(fill::cleared(next, fill::OUTLINE));
            }
            empty_section(section, year);
        }
    }
    Ok(NextPeriod {
        text: doc.to_string(),
        year: next,
    })
}

/// `next_target` becomes `target` (in `target`'s place when there is one); without one,
/// last period's target no longer applies.
fn move_next_target(t: &mut dyn toml_edit::TableLike) {
    match (t.remove("next_target"), t.get_mut("target")) {
        (Some(next), Some(target)) => *target = next,
        (Some(next), None) => {
            t.insert("target", next);
        }
        (None, _) => {
            t.remove("target");
        }
    }
}

/// Sets `key` to `item`, in the key's place when it exists.
fn set(t: &mut dyn toml_edit::TableLike, key: &str, item: Item) {
    match t.get_mut(key) {
        Some(slot) => *slot = item,
        None => {
            t.insert(key, item);
        }
    }
}

fn carry_indicator(ind: &mut dyn toml_edit::TableLike, year: i32, next: i32) {
    let old_previous = ind.get("previous").and_then(Item::as_value).cloned();
    if let Some(prev) = old_previous {
        let label = (year - 1).to_string();
        match ind.get_mut("history") {
            Some(Item::Value(Value::InlineTable(h))) => {
                h.insert(&label, prev);
                h.fmt();
            }
            Some(Item::Table(h)) => {
                h.insert(&label, Item::Value(prev));
            }
            _ => {}
        }
    }
    if let Some(current) = ind.get("current").cloned() {
        set(ind, "previous", current);
    }
    let mut placeholder = Value::from(0);
    placeholder.decor_mut().set_suffix(fill::figure_of(next));
    set(ind, "current", Item::Value(placeholder));
    move_next_target(ind);
    ind.remove("stated_growth");
    ind.remove("decline_planned");
    let outlook_passed = ind
        .get("outlook")
        .and_then(|o| o.get("year"))
        .and_then(Item::as_integer)
        .is_some_and(|y| y <= i64::from(next));
    if outlook_passed {
        ind.remove("outlook");
    }
    if let Some(parts) = ind.get_mut("parts").and_then(Item::as_array_mut) {
        for part in parts.iter_mut() {
            if let Some(p) = part.as_inline_table_mut() {
                if let Some(current) = p.get("current").cloned() {
                    p.insert("previous", current);
                }
                p.insert("current", Value::from(0));
                p.fmt();
            }
        }
    }
}

/// The narrative of last period, replaced by one placeholder per section.
fn empty_narrative(doc: &mut DocumentMut, next: i32) {
    if doc.contains_key("opening") {
        doc["opening"]["text"] = value(fill::opening(next));
    }
    for (section, title) in fill::SECTIONS {
        if !doc.contains_key(section) {
            continue;
        }
        let mut table = Table::new();
        table.insert("title", value(fill::title(title)));
        let text = fill::content();
        if section == "achievements" {
            let mut paragraphs = Array::new();
            paragraphs.push(text);
            table.insert("paragraphs", value(paragraphs));
        } else {
            table.insert("text", value(text));
        }
        table.decor_mut().set_prefix(fill::cleared(next, title));
        let mut list = ArrayOfTables::new();
        list.push(table);
        doc.insert(section, Item::ArrayOfTables(list));
    }
    if let Some(plan) = doc.get_mut("plan").and_then(Item::as_table_like_mut) {
        plan.remove("goals");
        plan.remove("tasks");
        plan.insert("intro", value(fill::plan_intro(next + 1)));
    }
}

/// A section of the outline for next period: its structure, blocks and style kept, the years
/// in its title moved on, and its text emptied to placeholders.
fn empty_section(section: &mut Table, year: i32) {
    if let Some(title) = section.get("title").and_then(Item::as_str) {
        let moved = shift_years(title, year);
        section["title"] = value(moved);
    }
    if section.contains_key("lead") {
        section["lead"] = value(fill::content());
    }
    for list in ["paragraphs", "goals"] {
        if section
            .get(list)
            .and_then(Item::as_array)
            .is_some_and(|a| !a.is_empty())
        {
            let mut placeholder = Array::new();
            placeholder.push(fill::content());
            section[list] = value(placeholder);
        }
    }
    if let Some(points) = section.get_mut("points").and_then(Item::as_array_mut) {
        for point in points.iter_mut() {
            if let Some(p) = point.as_inline_table_mut() {
                p.insert("title", Value::from(fill::title(fill::POINT)));
                p.insert("text", Value::from(fill::content()));
            }
        }
    }
    if let Some(children) = section
        .get_mut("sections")
        .and_then(Item::as_array_of_tables_mut)
    {
        for child in children.iter_mut() {
            empty_section(child, year);
        }
    }
}

/// A title's years moved on by one: 2024年工作情况 → 2025年工作情况, 2025年工作打算 →
/// 2026年工作打算. Only the report's year and the next are moved; other years are history.
fn shift_years(title: &str, year: i32) -> String {
    let (this, next, after) = (
        year.to_string(),
        (year + 1).to_string(),
        (year + 2).to_string(),
    );
    // Next year first, so that this year moved on is not moved twice.
    title
        .split(&next)
        .map(|piece| piece.replace(&this, &next))
        .collect::<Vec<_>>()
        .join(&after)
}
