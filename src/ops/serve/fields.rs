//! What the page shows of a data file: its indicators as rows of a grid, and every piece of
//! text in outline order, each with the key path an edit or a finding names.

use serde::Serialize;
use serde_json::{Map, Value as Json};
use toml_edit::{DocumentMut, Item, Table, Value};

/// One indicator: its key and its scalar fields as written.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Row {
    pub key: String,
    pub values: Map<String, Json>,
}

/// One editable field of the narrative, in document order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Field {
    /// The key path an edit sets and a finding names.
    pub path: String,
    /// The property (`title`, `paragraphs`, `text`), to find its label in the schema.
    pub name: String,
    /// The schema definition the property belongs to (`Section`, `Opening`).
    pub owner: String,
    /// `section` (the start of an element of a list of sections), `text`, `bool`, `number`,
    /// `date`.
    pub kind: &'static str,
    pub value: Json,
    /// How deep in the outline: 0 for the document's parts.
    pub depth: usize,
}

/// The definition a top-level table or list of the data file follows.
fn owner_of(key: &str) -> &'static str {
    match key {
        "report" => "ReportMeta",
        "opening" => "Opening",
        "achievements" => "Part",
        "highlights" | "problems" => "Highlight",
        "plan" => "Plan",
        "tasks" => "Part",
        "points" => "Point",
        _ => "Section",
    }
}

/// The tables the grid or nothing shows: indicators are the grid; style and ratios are
/// settings a clerk does not edit here.
const NOT_NARRATIVE: &[&str] = &["indicators", "style", "ratios"];

pub fn rows(doc: &DocumentMut) -> Vec<Row> {
    let Some(table) = doc.get("indicators").and_then(Item::as_table_like) else {
        return Vec::new();
    };
    table
        .iter()
        .map(|(key, item)| {
            let mut values = Map::new();
            if let Some(t) = item.as_table_like() {
                for (k, v) in t.iter() {
                    if let Some(v) = v.as_value().and_then(scalar) {
                        values.insert(k.to_string(), v);
                    }
                }
            }
            Row {
                key: key.to_string(),
                values,
            }
        })
        .collect()
}

/// A scalar as the page shows it: numbers as typed (4.50 stays 4.50), text, yes/no, dates.
fn scalar(v: &Value) -> Option<Json> {
    Some(match v {
        Value::String(s) => Json::String(s.value().clone()),
        Value::Integer(i) => Json::String(i.display_repr().into_owned()),
        Value::Float(f) => Json::String(f.display_repr().into_owned()),
        Value::Boolean(b) => Json::Bool(*b.value()),
        Value::Datetime(d) => Json::String(d.value().to_string()),
        _ => return None,
    })
}

pub fn fields(doc: &DocumentMut) -> Vec<Field> {
    let mut out = Vec::new();
    for (key, item) in doc.iter() {
        if NOT_NARRATIVE.contains(&key) {
            continue;
        }
        item_fields(item, key, key, owner_of(key), 0, &mut out);
    }
    out
}

fn item_fields(
    item: &Item,
    path: &str,
    name: &str,
    owner: &str,
    depth: usize,
    out: &mut Vec<Field>,
) {
    match item {
        Item::Table(t) => table_fields(t, path, owner_of(name), depth, out),
        Item::ArrayOfTables(list) => {
            let child = owner_of(name);
            for (i, t) in list.iter().enumerate() {
                let at = format!("{path}.{i}");
                out.push(Field {
                    path: at.clone(),
                    name: name.to_string(),
                    owner: owner.to_string(),
                    kind: "section",
                    value: Json::Null,
                    depth,
                });
                // Every section can be switched to run in, whether or not its file says so.
                if child == "Section" && !t.contains_key("run_in") && t.contains_key("title") {
                    out.push(Field {
                        path: format!("{at}.run_in"),
                        name: "run_in".into(),
                        owner: child.to_string(),
                        kind: "bool",
                        value: Json::Null,
                        depth: depth + 1,
                    });
                }
                table_fields(t, &at, child, depth + 1, out);
            }
        }
        Item::Value(v) => value_fields(v, path, name, owner, depth, out),
        Item::None => {}
    }
}

fn table_fields(t: &Table, path: &str, owner: &str, depth: usize, out: &mut Vec<Field>) {
    // A section's title and switches first, then its text, then the sections under it.
    let mut later = Vec::new();
    for (key, item) in t.iter() {
        let at = format!("{path}.{key}");
        match item {
            Item::ArrayOfTables(_) | Item::Table(_) => later.push((key, item, at)),
            _ => item_fields(item, &at, key, owner, depth, out),
        }
    }
    for (key, item, at) in later {
        item_fields(item, &at, key, owner, depth, out);
    }
}

fn value_fields(
    v: &Value,
    path: &str,
    name: &str,
    owner: &str,
    depth: usize,
    out: &mut Vec<Field>,
) {
    let mut push = |kind: &'static str, value: Json, path: String| {
        out.push(Field {
            path,
            name: name.to_string(),
            owner: owner.to_string(),
            kind,
            value,
            depth,
        })
    };
    match v {
        Value::String(s) => push("text", Json::String(s.value().clone()), path.to_string()),
        Value::Boolean(b) => push("bool", Json::Bool(*b.value()), path.to_string()),
        Value::Integer(_) | Value::Float(_) => {
            push("number", scalar(v).unwrap_or(Json::Null), path.to_string())
        }
        Value::Datetime(_) => push("date", scalar(v).unwrap_or(Json::Null), path.to_string()),
        Value::Array(a) => {
            for (i, e) in a.iter().enumerate() {
                match e {
                    Value::InlineTable(t) => {
                        for (k, v) in t.iter() {
                            value_fields(
                                v,
                                &format!("{path}.{i}.{k}"),
                                k,
                                owner_of(name),
                                depth,
                                out,
                            );
                        }
                    }
                    // `blocks`, `only`: lists of names, not text a clerk writes.
                    Value::String(s) if name != "blocks" && name != "only" && name != "except" => {
                        value_fields(
                            &Value::from(s.value().as_str()),
                            &format!("{path}.{i}"),
                            name,
                            owner,
                            depth,
                            out,
                        )
                    }
                    _ => {}
                }
            }
        }
        Value::InlineTable(t) => {
            for (k, v) in t.iter() {
                value_fields(v, &format!("{path}.{k}"), k, owner, depth, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_outline_order_with_its_paths() {
        let doc: DocumentMut = "[report]\nyear = 2024\n[indicators.a]\nname = \"A\"\ncurrent = 4.50\n\n[[sections]]\ntitle = \"one\"\nparagraphs = [\"p0\"]\npoints = [{ title = \"t\", text = \"x\" }]\n\n[[sections.sections]]\ntitle = \"sub\"\nrun_in = true\n"
            .parse()
            .unwrap();
        let rows = rows(&doc);
        assert_eq!(rows[0].key, "a");
        assert_eq!(rows[0].values["current"], "4.50");
        let f = fields(&doc);
        let paths: Vec<(&str, &str)> = f.iter().map(|f| (f.path.as_str(), f.kind)).collect();
        assert_eq!(
            paths,
            [
                ("report.year", "number"),
                ("sections.0", "section"),
                ("sections.0.run_in", "bool"),
                ("sections.0.title", "text"),
                ("sections.0.paragraphs.0", "text"),
                ("sections.0.points.0.title", "text"),
                ("sections.0.points.0.text", "text"),
                ("sections.0.sections.0", "section"),
                ("sections.0.sections.0.title", "text"),
                ("sections.0.sections.0.run_in", "bool"),
            ]
        );
        assert_eq!(f[7].depth, 1);
    }
}
