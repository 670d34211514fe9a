//! The page's edits applied to the data file's text in place, as `next` and `import` do:
//! comments, key order and every untouched value stay as the clerk wrote them.

use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// One change the page asks for, at a dotted key path (`indicators.rd_spend.current`,
/// `sections.1.paragraphs.0`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Sets a value; an empty string or `null` removes the key (an optional figure cleared).
    /// A string that reads as a number is written as one where the schema wants a number:
    /// the page sends `numeric` for those.
    Set {
        path: String,
        value: serde_json::Value,
        #[serde(default)]
        numeric: bool,
    },
    /// Appends a section with this title to the array of sections at `path`.
    AddSection { path: String, title: String },
    /// Appends a paragraph to the section at `path`, holding the placeholder to write over.
    AddParagraph { path: String },
    /// Removes the element at `path` (`sections.2`, `indicators.rd_spend`,
    /// `sections.0.paragraphs.1`).
    Remove { path: String },
    /// Moves the section at `path` up (`by = -1`) or down (`by = 1`) among its siblings.
    Move { path: String, by: i64 },
}

/// The most edits one request may carry: a page sends a few hundred at most.
pub const MAX_EDITS: usize = 10_000;

/// `text` with `edits` applied, or why one cannot be.
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, String> {
    if edits.len() > MAX_EDITS {
        return Err(format!(
            "{} edits in one request; at most {MAX_EDITS}",
            edits.len()
        ));
    }
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| format!("the data file does not parse: {e}"))?;
    for edit in edits {
        match edit {
            Edit::Set {
                path,
                value,
                numeric,
            } => set(&mut doc, path, value, *numeric)?,
            Edit::AddSection { path, title } => add_section(&mut doc, path, title)?,
            Edit::AddParagraph { path } => add_paragraph(&mut doc, path)?,
            Edit::Remove { path } => remove(&mut doc, path)?,
            Edit::Move { path, by } => move_section(&mut doc, path, *by)?,
        }
    }
    // toml_edit writes tables in the order of their positions in the text read: after a
    // section moved or was added, the positions are given again in the tree's order.
    if edits.iter().any(|e| !matches!(e, Edit::Set { .. })) {
        let mut next = 1;
        renumber(doc.as_table_mut(), &mut next);
    }
    Ok(doc.to_string())
}

/// Positions every table in the order the tree holds them, parents before children.
fn renumber(table: &mut Table, next: &mut usize) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => {
                t.set_position(*next);
                *next += 1;
                renumber(t, next);
            }
            Item::ArrayOfTables(list) => {
                for t in list.iter_mut() {
                    t.set_position(*next);
                    *next += 1;
                    renumber(t, next);
                }
            }
            _ => {}
        }
    }
}

fn segments(path: &str) -> Result<Vec<&str>, String> {
    let segs: Vec<&str> = path.split('.').collect();
    if segs.is_empty() || segs.iter().any(|s| s.is_empty()) || segs.len() > 16 {
        return Err(format!("\"{path}\" is not a key path"));
    }
    Ok(segs)
}

/// The new value as TOML: a number where the field is numeric, else the string or bool.
fn to_toml(value: &serde_json::Value, numeric: bool, path: &str) -> Result<Option<Value>, String> {
    Ok(match value {
        serde_json::Value::Null => None,
        serde_json::Value::Bool(b) => Some(Value::from(*b)),
        serde_json::Value::Number(n) => Some(match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64().unwrap_or_default()),
        }),
        serde_json::Value::String(s) if s.trim().is_empty() && numeric => None,
        serde_json::Value::String(s) if numeric => {
            let t = s.trim();
            if let Ok(i) = t.parse::<i64>() {
                Some(Value::from(i))
            } else if let Ok(d) = t.parse::<toml_edit::Datetime>() {
                // 成文日期: a TOML date, not a string.
                Some(Value::from(d))
            } else {
                // Keep what was typed (4.50 stays 4.50): TOML's float as the clerk wrote it.
                let f: f64 = t
                    .parse()
                    .ok()
                    .filter(|f: &f64| {
                        f.is_finite()
                            && t.chars()
                                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
                    })
                    .ok_or_else(|| format!("{path}: \"{t}\" is not a number"))?;
                let mut v: Value = t.parse().unwrap_or_else(|_| Value::from(f));
                v.decor_mut().clear();
                Some(v)
            }
        }
        serde_json::Value::String(s) => Some(Value::from(s.as_str())),
        _ => return Err(format!("{path}: only text, numbers and yes/no can be set")),
    })
}

fn set(
    doc: &mut DocumentMut,
    path: &str,
    value: &serde_json::Value,
    numeric: bool,
) -> Result<(), String> {
    let segs = segments(path)?;
    let new = to_toml(value, numeric, path)?;
    let (last, parents) = segs.split_last().expect("not empty");
    match walk(Target::Table(doc.as_table_mut()), parents, true, path)? {
        Target::Table(t) => put_in_table(t, last, new),
        Target::Value(Value::InlineTable(t)) => {
            match new {
                None => {
                    t.remove(last);
                }
                Some(mut v) => {
                    if let Some(old) = t.get(last) {
                        *v.decor_mut() = old.decor().clone();
                    }
                    t.insert(*last, v);
                }
            }
            Ok(())
        }
        Target::Value(Value::Array(a)) => {
            let i: usize = last.parse().map_err(|_| format!("{path}: not an index"))?;
            match new {
                None if i < a.len() => {
                    a.remove(i);
                }
                Some(mut v) if i < a.len() => {
                    *v.decor_mut() = a.get(i).map(|o| o.decor().clone()).unwrap_or_default();
                    a.replace(i, v);
                }
                Some(v) if i == a.len() => a.push(v),
                _ => return Err(format!("{path}: no such element")),
            }
            Ok(())
        }
        Target::Value(_) => Err(format!("{path}: cannot be set here")),
    }
}

fn put_in_table(t: &mut Table, key: &str, new: Option<Value>) -> Result<(), String> {
    // A list or a table is not a box's text: an emptied box never deletes one.
    let holds_more = match t.get(key) {
        Some(Item::Value(v)) => matches!(v, Value::Array(_) | Value::InlineTable(_)),
        Some(Item::None) | None => false,
        Some(_) => true,
    };
    if holds_more {
        return Err(format!(
            "\"{key}\" holds a list or a table: edit it in the data file itself"
        ));
    }
    match new {
        None => {
            t.remove(key);
        }
        Some(mut v) => match t.get_mut(key) {
            Some(Item::Value(old)) => {
                *v.decor_mut() = old.decor().clone();
                *old = v;
            }
            _ => {
                t.insert(key, Item::Value(v));
            }
        },
    }
    Ok(())
}

/// Where a key path leads: a table (a `[section]` or an element of `[[sections]]`) or a
/// value (an inline table, an array).
enum Target<'a> {
    Table(&'a mut Table),
    Value(&'a mut Value),
}

/// Follows `segs` from `at`; with `create`, missing tables on the way are made (a new
/// indicator's `[indicators.KEY]`).
fn walk<'a>(at: Target<'a>, segs: &[&str], create: bool, path: &str) -> Result<Target<'a>, String> {
    let Some((seg, rest)) = segs.split_first() else {
        return Ok(at);
    };
    let missing = || format!("{path}: no \"{seg}\"");
    let index = || -> Result<usize, String> {
        seg.parse()
            .map_err(|_| format!("{path}: \"{seg}\" is not an index"))
    };
    let next = match at {
        Target::Table(t) => {
            if !t.contains_key(seg) {
                if !create {
                    return Err(missing());
                }
                let mut new = Table::new();
                new.set_implicit(false);
                t.insert(seg, Item::Table(new));
            }
            match t.get_mut(seg).expect("present") {
                Item::Table(t) => Target::Table(t),
                Item::Value(v) => Target::Value(v),
                Item::ArrayOfTables(a) => {
                    let Some((i, rest)) = rest.split_first() else {
                        return Err(format!("{path}: a list of sections is not a value"));
                    };
                    let i: usize = i
                        .parse()
                        .map_err(|_| format!("{path}: \"{i}\" is not an index"))?;
                    let t = a
                        .get_mut(i)
                        .ok_or_else(|| format!("{path}: no such section"))?;
                    return walk(Target::Table(t), rest, create, path);
                }
                Item::None => return Err(missing()),
            }
        }
        Target::Value(Value::Array(a)) => Target::Value(a.get_mut(index()?).ok_or_else(missing)?),
        Target::Value(Value::InlineTable(t)) => Target::Value(t.get_mut(seg).ok_or_else(missing)?),
        Target::Value(_) => return Err(missing()),
    };
    walk(next, rest, create, path)
}

fn array_of_tables<'a>(
    doc: &'a mut DocumentMut,
    path: &str,
) -> Result<&'a mut ArrayOfTables, String> {
    let segs = segments(path)?;
    let (last, parents) = segs.split_last().expect("not empty");
    match walk(Target::Table(doc.as_table_mut()), parents, false, path)? {
        Target::Table(t) => t
            .get_mut(last)
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| format!("{path}: not a list of sections")),
        Target::Value(_) => Err(format!("{path}: not a list of sections")),
    }
}

fn add_section(doc: &mut DocumentMut, path: &str, title: &str) -> Result<(), String> {
    if array_of_tables(doc, path).is_err() {
        // The first section of its list: the list is made.
        let segs = segments(path)?;
        let (last, parents) = segs.split_last().expect("not empty");
        match walk(Target::Table(doc.as_table_mut()), parents, false, path)? {
            Target::Table(t) if !t.contains_key(last) => {
                t.insert(last, Item::ArrayOfTables(ArrayOfTables::new()));
            }
            _ => return Err(format!("{path}: sections cannot go here")),
        }
    }
    let list = array_of_tables(doc, path)?;
    let mut t = Table::new();
    t.insert("title", toml_edit::value(title));
    // Something under it to write over: a section with nothing under it does not check.
    let mut paragraphs = toml_edit::Array::new();
    paragraphs.push(crate::zh::fill::FILL);
    t.insert("paragraphs", toml_edit::value(paragraphs));
    list.push(t);
    Ok(())
}

fn split_index(path: &str) -> Result<(&str, usize), String> {
    let (list, i) = path
        .rsplit_once('.')
        .ok_or_else(|| format!("\"{path}\" names no element"))?;
    let i = i
        .parse()
        .map_err(|_| format!("\"{path}\" names no element"))?;
    Ok((list, i))
}

fn remove(doc: &mut DocumentMut, path: &str) -> Result<(), String> {
    if let Some(key) = path.strip_prefix("indicators.")
        && !key.contains('.')
    {
        let table = doc
            .get_mut("indicators")
            .and_then(Item::as_table_mut)
            .ok_or_else(|| format!("{path}: no indicators"))?;
        table
            .remove(key)
            .ok_or_else(|| format!("{path}: no such indicator"))?;
        return Ok(());
    }
    let (list_path, i) = split_index(path)?;
    if let Ok(list) = array_of_tables(doc, list_path) {
        if i >= list.len() {
            return Err(format!("{path}: no such section"));
        }
        list.remove(i);
        return Ok(());
    }
    // A paragraph or a point of a section's list.
    let segs = segments(list_path)?;
    match walk(Target::Table(doc.as_table_mut()), &segs, false, path)? {
        Target::Value(Value::Array(a)) if i < a.len() => {
            a.remove(i);
            Ok(())
        }
        _ => Err(format!("{path}: no such element")),
    }
}

/// Appends the placeholder paragraph to a section's `paragraphs`, making the list if needed.
fn add_paragraph(doc: &mut DocumentMut, path: &str) -> Result<(), String> {
    let segs = segments(path)?;
    match walk(Target::Table(doc.as_table_mut()), &segs, false, path)? {
        Target::Table(t) => {
            match t.get_mut("paragraphs") {
                Some(Item::Value(Value::Array(a))) => a.push(crate::zh::fill::FILL),
                Some(_) => return Err(format!("{path}.paragraphs is not a list")),
                None => {
                    let mut a = toml_edit::Array::new();
                    a.push(crate::zh::fill::FILL);
                    t.insert("paragraphs", toml_edit::value(a));
                }
            }
            Ok(())
        }
        Target::Value(_) => Err(format!("{path}: not a section")),
    }
}

fn move_section(doc: &mut DocumentMut, path: &str, by: i64) -> Result<(), String> {
    let (list, i) = split_index(path)?;
    let list = array_of_tables(doc, list)?;
    let to = i as i64 + by;
    if i >= list.len() || to < 0 || to as usize >= list.len() {
        return Err(format!("{path}: cannot move there"));
    }
    // ArrayOfTables has no insert: rebuild it in the new order.
    let mut tables: Vec<Table> = list.iter().cloned().collect();
    let t = tables.remove(i);
    tables.insert(to as usize, t);
    list.clear();
    for t in tables {
        list.push(t);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# top comment\n[report]\nyear = 2024 # the year\n\n[indicators.a]\nname = \"A\"\ncurrent = 4.54  # as published\nprevious = 2.72\n\n[[sections]]\ntitle = \"one\"\nparagraphs = [\"p0\", \"p1\"]\n\n[[sections]]\ntitle = \"two\"\n";

    fn set(path: &str, value: serde_json::Value, numeric: bool) -> Edit {
        Edit::Set {
            path: path.into(),
            value,
            numeric,
        }
    }

    #[test]
    fn a_figure_set_keeps_comments_and_order() {
        let out = apply(FILE, &[set("indicators.a.current", "5.10".into(), true)]).unwrap();
        assert!(out.contains("current = 5.10  # as published"), "{out}");
        assert!(out.contains("# top comment") && out.contains("year = 2024 # the year"));
        let out = apply(FILE, &[set("indicators.a.previous", "".into(), true)]).unwrap();
        assert!(!out.contains("previous"), "{out}");
        let err = apply(FILE, &[set("indicators.a.current", "4,54".into(), true)]).unwrap_err();
        assert!(err.contains("not a number"), "{err}");
    }

    #[test]
    fn sections_are_edited_added_moved_and_removed() {
        let out = apply(
            FILE,
            &[
                set("sections.0.paragraphs.1", "p1 new".into(), false),
                set("sections.1.run_in", true.into(), false),
                Edit::AddSection {
                    path: "sections".into(),
                    title: "three".into(),
                },
                Edit::Move {
                    path: "sections.2".into(),
                    by: -2,
                },
                Edit::Remove {
                    path: "sections.2".into(),
                },
            ],
        )
        .unwrap();
        let titles: Vec<&str> = out
            .lines()
            .filter_map(|l| l.strip_prefix("title = "))
            .collect();
        assert_eq!(titles, ["\"three\"", "\"one\""], "{out}");
        // Read back, the order is the moved one.
        let read: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(read["sections"][0]["title"].as_str(), Some("three"));
        assert!(out.contains("\"p1 new\""), "{out}");
        let err = apply(
            FILE,
            &[Edit::Remove {
                path: "sections.9".into(),
            }],
        )
        .unwrap_err();
        assert!(err.contains("no such section"), "{err}");
    }

    #[test]
    fn a_move_with_sub_sections_keeps_them_under_their_section() {
        let file = "[[sections]]\ntitle = \"a\"\nparagraphs = [\"x\"]\n\n[[sections.sections]]\ntitle = \"a1\"\nparagraphs = [\"y\"]\n\n[[sections]]\ntitle = \"b\"\nparagraphs = [\"z\"]\n";
        let out = apply(
            file,
            &[Edit::Move {
                path: "sections.1".into(),
                by: -1,
            }],
        )
        .unwrap();
        let read: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(read["sections"][0]["title"].as_str(), Some("b"), "{out}");
        assert_eq!(
            read["sections"][1]["sections"][0]["title"].as_str(),
            Some("a1"),
            "{out}"
        );
    }

    #[test]
    fn dates_lists_and_new_paragraphs() {
        let file = "[report]\ndate = 2024-12-20\n[indicators.a]\nhistory = { 2022 = 1 }\n[[sections]]\ntitle = \"one\"\n";
        let out = apply(file, &[set("report.date", "2024-12-21".into(), true)]).unwrap();
        assert!(out.contains("date = 2024-12-21\n"), "{out}");
        let err = apply(file, &[set("indicators.a.history", "".into(), true)]).unwrap_err();
        assert!(err.contains("holds a list or a table"), "{err}");
        let out = apply(
            file,
            &[Edit::AddParagraph {
                path: "sections.0".into(),
            }],
        )
        .unwrap();
        let read: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(
            read["sections"][0]["paragraphs"][0].as_str(),
            Some(crate::zh::fill::FILL)
        );
        let out = apply(
            &out,
            &[Edit::Remove {
                path: "sections.0.paragraphs.0".into(),
            }],
        )
        .unwrap();
        assert!(!out.contains(crate::zh::fill::FILL), "{out}");
    }

    #[test]
    fn a_new_indicator_gets_its_own_table() {
        let out = apply(FILE, &[set("indicators.b.name", "B".into(), false)]).unwrap();
        assert!(out.contains("[indicators.b]\nname = \"B\""), "{out}");
    }
}
