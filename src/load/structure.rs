//! Every structural problem of a data file at once: unknown keys, missing keys, values of the
//! wrong type or outside a fixed set — found by walking the parsed TOML against the data
//! file's JSON Schema ([`crate::load::schema`]).
//!
//! serde stops at the first problem, so a clerk who typed five things wrong would fix them
//! in five runs. The walk reports them all, each at the key or value concerned. It runs when
//! serde refuses a file: serde accepts nothing the walk would report (a property test below
//! mutates the examples thousands of ways to hold it to that), so a file serde reads needs no
//! walk.

use std::ops::Range;
use std::sync::LazyLock;

use serde_json::Value as Json;
use toml_edit::{ImDocument, Item, Table, TableLike, Value};

use crate::diagnostic::closest;

/// One structural problem, where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key_path: String,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub help: String,
}

/// Checks a parsed document against a schema; problems in file order.
pub fn check<S>(doc: &ImDocument<S>, schema: &Json) -> Vec<Problem> {
    let mut walk = Walk {
        root: schema,
        problems: Vec::new(),
    };
    walk.node(Node::Table(doc.as_table()), schema, "", Some(0..0));
    walk.problems
        .sort_by_key(|p| p.span.as_ref().map_or(usize::MAX, |s| s.start));
    walk.problems
}

/// A place in the document that can hold a value.
#[derive(Clone, Copy)]
enum Node<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a Table),
}

impl<'a> Node<'a> {
    fn value(self) -> Option<&'a Value> {
        match self {
            Node::Item(i) => i.as_value(),
            Node::Value(v) => Some(v),
            Node::Table(_) => None,
        }
    }

    fn table(self) -> Option<&'a dyn TableLike> {
        match self {
            Node::Item(i) => i.as_table_like(),
            Node::Value(v) => v.as_inline_table().map(|t| t as &dyn TableLike),
            Node::Table(t) => Some(t),
        }
    }

    fn elements(self) -> Option<Vec<Node<'a>>> {
        if let Node::Item(Item::ArrayOfTables(a)) = self {
            return Some(a.iter().map(Node::Table).collect());
        }
        self.value()
            .and_then(Value::as_array)
            .map(|a| a.iter().map(Node::Value).collect())
    }

    /// The JSON Schema type this TOML value satisfies (`date` for a TOML date).
    fn kind(self) -> &'static str {
        if self.table().is_some() {
            return "object";
        }
        if self.elements().is_some() {
            return "array";
        }
        match self.value() {
            Some(Value::String(_)) => "string",
            Some(Value::Integer(_)) => "integer",
            Some(Value::Float(_)) => "number",
            Some(Value::Boolean(_)) => "boolean",
            Some(Value::Datetime(_)) => "date",
            _ => "nothing",
        }
    }

    fn span(self) -> Option<Range<usize>> {
        match self {
            Node::Item(i) => i.span(),
            Node::Value(v) => v.span(),
            Node::Table(t) => t.span(),
        }
    }

    fn text(self) -> Option<&'a str> {
        self.value().and_then(Value::as_str)
    }
}

struct Walk<'s> {
    root: &'s Json,
    problems: Vec<Problem>,
}

/// The keys a table schema requires.
fn required_keys(schema: &Json) -> impl Iterator<Item = &str> {
    schema
        .get("required")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(Json::as_str)
}

/// How a type is named to someone who writes TOML.
fn name_of(kind: &str) -> &'static str {
    match kind {
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list",
        "object" => "a table",
        "date" => "a date",
        _ => "nothing",
    }
}

/// How to write a value of a type for `key`.
fn how_to_write(kind: &str, key: &str) -> String {
    match kind {
        "string" => format!("put text in double quotes: {key} = \"…\""),
        "integer" => format!("write digits without quotes: {key} = 2024"),
        "number" => format!("write digits without quotes or commas: {key} = 4.54"),
        "boolean" => format!("write {key} = true or {key} = false, without quotes"),
        "array" => format!("write a list in square brackets: {key} = [\"…\", \"…\"]"),
        "date" => format!("write the date without quotes: {key} = 2024-12-20"),
        _ => String::new(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// How a value is named in a message: `year`, or `item 1 of points` inside a list.
fn label(path: &str) -> String {
    let mut segments = path.rsplit('.');
    let last = segments.next().unwrap_or(path);
    match (last.parse::<usize>(), segments.next()) {
        (Ok(i), Some(list)) => format!("item {} of `{list}`", i + 1),
        _ => format!("`{last}`"),
    }
}

/// `[indicators.rd]` for a table path, `the file` for the top.
fn where_(path: &str) -> String {
    if path.is_empty() {
        "the file".into()
    } else {
        format!("[{path}]")
    }
}

impl<'s> Walk<'s> {
    fn resolve(&self, schema: &'s Json) -> &'s Json {
        let mut schema = schema;
        for _ in 0..16 {
            let Some(target) = schema.get("$ref").and_then(Json::as_str) else {
                break;
            };
            let name = target.rsplit('/').next().unwrap_or_default();
            match self.root.get("definitions").and_then(|d| d.get(name)) {
                Some(next) => schema = next,
                None => break,
            }
        }
        schema
    }

    /// `{ title = …, text = … }` from a table schema's keys (required ones first).
    fn table_example(&self, schema: &Json, key: &str) -> String {
        let schema = self.resolve(schema);
        let required: Vec<&str> = required_keys(schema).collect();
        let mut keys = required.clone();
        if let Some(props) = schema.get("properties").and_then(Json::as_object) {
            keys.extend(
                props
                    .keys()
                    .map(String::as_str)
                    .filter(|k| !required.contains(k)),
            );
        }
        keys.truncate(3);
        if keys.is_empty() {
            return format!("[{key}] on a line of its own, its keys below it");
        }
        let inner: Vec<String> = keys.iter().map(|k| format!("{k} = …")).collect();
        format!("{{ {} }}", inner.join(", "))
    }

    fn problem(&mut self, path: &str, span: Option<Range<usize>>, message: String, help: String) {
        self.problems.push(Problem {
            key_path: path.to_string(),
            span,
            message,
            help,
        });
    }

    /// Checks `node` against `schema`; `fallback` locates nodes without a span of their own.
    fn node(&mut self, node: Node, schema: &'s Json, path: &str, fallback: Option<Range<usize>>) {
        let schema = self.resolve(schema);
        let span = node.span().or(fallback);
        for part in schema
            .get("allOf")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            self.node(node, part, path, span.clone());
        }
        if let Some(branches) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            return self.one_of(node, branches, path, span);
        }
        if let Some(allowed) = schema.get("enum").and_then(Json::as_array) {
            let allowed: Vec<&str> = allowed.iter().filter_map(Json::as_str).collect();
            return self.choice(node, &allowed, path, span);
        }
        if let Some(types) = schema.get("type") {
            let types: Vec<&str> = match types {
                Json::String(t) => vec![t.as_str()],
                Json::Array(ts) => ts.iter().filter_map(Json::as_str).collect(),
                _ => vec![],
            };
            let date = schema.get("format").and_then(Json::as_str) == Some("date");
            let kind = node.kind();
            let fits = types.iter().any(|t| {
                (*t == kind && !(date && kind == "string"))
                    || (*t == "number" && kind == "integer")
                    || (*t == "string" && date && kind == "date")
            });
            if !fits {
                let expected = if date {
                    "date"
                } else {
                    types
                        .iter()
                        .find(|t| **t != "null")
                        .copied()
                        .unwrap_or("nothing")
                };
                let key = path.rsplit('.').next().unwrap_or(path);
                let help = if expected == "object" {
                    format!("write it as a table: {}", self.table_example(schema, key))
                } else {
                    how_to_write(expected, key)
                };
                self.problem(
                    path,
                    span,
                    format!(
                        "{} must be {}, not {}",
                        label(path),
                        name_of(expected),
                        name_of(kind)
                    ),
                    help,
                );
                return;
            }
        }
        // A figure must be one: serde refuses NaN, infinities and text that is no number,
        // and the walk says so for each of them, not only the first.
        if let Some(types) = schema.get("type").and_then(Json::as_array) {
            let figure = types.iter().any(|t| t == "number") && types.iter().any(|t| t == "string");
            let why = match node.value() {
                Some(Value::Float(f)) if !f.value().is_finite() => {
                    crate::model::number::parse_decimal_text(&f.value().to_string()).err()
                }
                Some(Value::Float(f)) => crate::model::number::from_f64(*f.value()).err(),
                Some(Value::String(text)) if figure => {
                    crate::model::number::parse_decimal_text(text.value()).err()
                }
                _ => None,
            };
            if let Some(why) = why {
                self.problem(
                    path,
                    span,
                    why,
                    "write a finite figure such as 4.54 or 57".into(),
                );
                return;
            }
        }
        if let (Some(min), Some(v)) = (
            schema.get("minimum").and_then(Json::as_f64),
            node.value().and_then(|v| v.as_integer()),
        ) && (v as f64) < min
        {
            let key = path.rsplit('.').next().unwrap_or(path);
            self.problem(
                path,
                span,
                format!("`{key}` cannot be {v}"),
                format!("write a number of at least {min}"),
            );
            return;
        }
        if let Some(table) = node.table() {
            self.table(table, schema, path, span);
        } else if let (Some(items), Some(elements)) = (schema.get("items"), node.elements()) {
            for (i, element) in elements.into_iter().enumerate() {
                self.node(element, items, &join(path, &i.to_string()), span.clone());
            }
        }
    }

    fn table(
        &mut self,
        table: &dyn TableLike,
        schema: &'s Json,
        path: &str,
        span: Option<Range<usize>>,
    ) {
        static EMPTY: LazyLock<serde_json::Map<String, Json>> = LazyLock::new(serde_json::Map::new);
        let properties = schema
            .get("properties")
            .and_then(Json::as_object)
            .unwrap_or(&EMPTY);
        let extra = schema.get("additionalProperties");
        let missing: Vec<&str> = required_keys(schema)
            .filter(|k| !table.contains_key(k))
            .collect();
        // A misspelt required key is one mistake, not two: say it once, at the misspelling.
        let mut misspelt: Vec<&str> = Vec::new();
        for (key, item) in table.iter() {
            let child = join(path, key);
            let key_span = table.key(key).and_then(|k| k.span());
            match (properties.get(key), extra) {
                (Some(s), _) => self.node(Node::Item(item), s, &child, key_span.or(span.clone())),
                (None, Some(Json::Bool(false))) => {
                    if let Some(meant) = closest(key, missing.iter().copied())
                        .filter(|m| strsim::jaro_winkler(key, m) > 0.8)
                    {
                        misspelt.push(meant);
                        self.problem(
                            &child,
                            key_span.or(span.clone()),
                            format!(
                                "unknown key `{key}` in {}: is it `{meant}` misspelt?",
                                where_(path)
                            ),
                            format!("rename it to `{meant}`"),
                        );
                        continue;
                    }
                    let valid: Vec<&str> = properties.keys().map(String::as_str).collect();
                    let help = match closest(key, valid.iter().copied()) {
                        Some(c) if strsim::jaro_winkler(key, c) > 0.7 => {
                            format!("did you mean `{c}`? valid keys here: {}", valid.join(", "))
                        }
                        _ => format!("valid keys here: {}", valid.join(", ")),
                    };
                    self.problem(
                        &child,
                        key_span.or(span.clone()),
                        format!("unknown key `{key}` in {}", where_(path)),
                        help,
                    );
                }
                (None, Some(s)) if s.is_object() => {
                    self.node(Node::Item(item), s, &child, key_span.or(span.clone()))
                }
                (None, _) => {}
            }
        }
        for required in missing {
            if misspelt.contains(&required) {
                continue;
            }
            let target = properties.get(required).map(|s| self.resolve(s));
            if let Some(t) =
                target.filter(|t| t.get("type").and_then(Json::as_str) == Some("object"))
            {
                let keys: Vec<&str> = required_keys(t).collect();
                let table = join(path, required);
                self.problem(
                    &table,
                    span.clone(),
                    format!("{} needs a [{table}] table", where_(path)),
                    format!("add [{table}] with {} (see examples/)", keys.join(", ")),
                );
                continue;
            }
            {
                let about = properties
                    .get(required)
                    .map(|s| self.resolve(s))
                    .and_then(|s| s.get("description"))
                    .and_then(Json::as_str)
                    .map(|d| format!(" — {}", d.lines().next().unwrap_or_default()))
                    .unwrap_or_default();
                self.problem(
                    &join(path, required),
                    span.clone(),
                    format!("{} needs `{required}`", where_(path)),
                    format!("add `{required} = …`{about}"),
                );
            }
        }
    }

    /// A value that must match one of several schemas: an optional value, or one of a set of
    /// words.
    fn one_of(&mut self, node: Node, branches: &'s [Json], path: &str, span: Option<Range<usize>>) {
        let words: Vec<&str> = branches
            .iter()
            .filter_map(|b| self.resolve(b).get("const").and_then(Json::as_str))
            .collect();
        if words.len() == branches.len() {
            return self.choice(node, &words, path, span);
        }
        let mut best: Option<Vec<Problem>> = None;
        for branch in branches {
            let mut trial = Walk {
                root: self.root,
                problems: Vec::new(),
            };
            trial.node(node, branch, path, span.clone());
            if trial.problems.is_empty() {
                return;
            }
            // Prefer the branch whose type fits (its problems are about the inside).
            let type_only = trial.problems.len() == 1 && trial.problems[0].key_path == path;
            if best.is_none() || !type_only {
                best = Some(trial.problems);
            }
        }
        self.problems.extend(best.unwrap_or_default());
    }

    fn choice(&mut self, node: Node, words: &[&str], path: &str, span: Option<Range<usize>>) {
        match node.text() {
            Some(text) if words.contains(&text) => {}
            found => {
                let list = words.join(", ");
                let message = match found {
                    Some(text) => format!("\"{text}\" is not one of: {list}"),
                    None => format!("this must be one of: {list}, in quotes"),
                };
                let near = found
                    .and_then(|t| closest(t, words.iter().copied()).map(|c| (t, c)))
                    .filter(|(t, c)| strsim::jaro_winkler(t, c) > 0.6);
                let help = match near {
                    Some((_, c)) => format!("did you mean \"{c}\"?"),
                    None => format!("write one of {list} in double quotes"),
                };
                self.problem(path, span, message, help);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The walk may be skipped when serde reads a file (see [`crate::load::parse`]): that is
    //! sound only if serde never accepts what the walk would report. Checked here on many
    //! small mutations of the example files.

    use proptest::prelude::*;
    use toml_edit::{DocumentMut, Item, value};

    use super::*;
    use crate::model::ReportFile;

    const BASES: [&str; 4] = [
        include_str!("../../examples/xupu-2024.toml"),
        include_str!("../../examples/yueyang-2022.toml"),
        include_str!("../../examples/xupu-2025-h1.toml"),
        include_str!("../../examples/huaihua-2024/xupu.toml"),
    ];

    #[derive(Debug, Clone)]
    enum Step {
        Key(String),
        Index(usize),
    }

    /// Every place in a document that holds a value, a table or a list.
    fn places(item: &Item, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        if let Some(table) = item.as_table_like() {
            for (key, child) in table.iter() {
                at.push(Step::Key(key.to_string()));
                out.push(at.clone());
                places(child, at, out);
                at.pop();
            }
        } else if let Some(array) = item.as_array() {
            for (i, v) in array.iter().enumerate() {
                at.push(Step::Index(i));
                out.push(at.clone());
                places(&Item::Value(v.clone()), at, out);
                at.pop();
            }
        } else if let Some(tables) = item.as_array_of_tables() {
            for (i, t) in tables.iter().enumerate() {
                at.push(Step::Index(i));
                out.push(at.clone());
                places(&Item::Table(t.clone()), at, out);
                at.pop();
            }
        }
    }

    fn navigate<'a>(mut item: &'a mut Item, path: &[Step]) -> Option<&'a mut Item> {
        for step in path {
            item = match step {
                Step::Key(k) => item.get_mut(k.as_str())?,
                Step::Index(i) => item.get_mut(*i)?,
            };
        }
        Some(item)
    }

    fn replacement(kind: usize) -> Item {
        let mut table = toml_edit::InlineTable::new();
        table.insert("a", 1.into());
        match kind {
            0 => value("x"),
            1 => value(-3),
            2 => value(1.5),
            3 => value(true),
            4 => value(toml_edit::Array::from_iter([1])),
            5 => value(table),
            6 => value("2024-01-01".parse::<toml_edit::Datetime>().unwrap()),
            7 => value("12"),
            _ => value(0),
        }
    }

    /// The document with one change: a value replaced (kinds 0–8), removed (9) or an
    /// unknown key added beside it (10).
    fn mutate(base: &str, place: usize, kind: usize) -> Option<String> {
        let mut doc: DocumentMut = base.parse().ok()?;
        let mut all = Vec::new();
        places(doc.as_item(), &mut Vec::new(), &mut all);
        let path = all.get(place % all.len())?.clone();
        let (last, parent_path) = path.split_last()?;
        let parent = navigate(doc.as_item_mut(), parent_path)?;
        match (kind, last) {
            (9, Step::Key(k)) => {
                parent.as_table_like_mut()?.remove(k);
            }
            (9, Step::Index(i)) => match parent {
                Item::Value(toml_edit::Value::Array(a)) => {
                    a.remove(*i);
                }
                Item::ArrayOfTables(t) => t.remove(*i),
                _ => return None,
            },
            (10, _) => {
                let holder = navigate(doc.as_item_mut(), &path)?;
                holder.as_table_like_mut()?.insert("zz_unknown", value(1));
            }
            _ => *navigate(doc.as_item_mut(), &path)? = replacement(kind),
        }
        Some(doc.to_string())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        #[test]
        fn serde_accepts_nothing_the_walk_reports(base in 0usize..4, place in 0usize..4000, kind in 0usize..11) {
            let Some(text) = mutate(BASES[base], place, kind) else { return Ok(()) };
            let Ok(doc) = ImDocument::parse(text.as_str()) else { return Ok(()) };
            let schema = crate::load::schema::data_file();
            let walk = check(&doc, &schema);
            let serde = toml_edit::de::from_str::<ReportFile>(&text);
            prop_assert!(
                serde.is_err() || walk.is_empty(),
                "serde read it but the walk says {:?}\n{}",
                walk.iter().map(|p| (&p.key_path, &p.message)).collect::<Vec<_>>(),
                text
            );
        }
    }

    #[test]
    fn mutations_change_the_documents() {
        let changed = (0..11)
            .filter_map(|kind| mutate(BASES[0], 7, kind))
            .filter(|t| t != BASES[0])
            .count();
        assert!(changed >= 9, "{changed}");
    }
}
