//! Stage 1, load: a file on disk → a typed [`ReportFile`], with source positions kept so that
//! later stages' findings can be placed at the line they come from.
//!
//! - `source`: the file's text, read safely, and where a key path is in it;
//! - `structure`: every structural problem at once, by walking the schema;
//! - [`catalogue`]: names, units and kinds filled in from the indicator catalogue;
//! - [`schema`]: the data file's JSON Schema, which the walk and editors read;
//! - [`profile`]: a city's profile (house style, outline skeleton, catalogue, templates).

use std::sync::LazyLock;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::ReportFile;
use crate::zh::{hint, reading};

pub mod catalogue;
pub mod placeholders;
pub mod profile;
pub mod punctuation;
pub mod schema;
mod source;
mod structure;

pub(crate) use source::wide_encoding;
pub use source::{MAX_INPUT_BYTES, Source, Unreadable, read_regular};

/// The data file's schema, generated once.
static SCHEMA: LazyLock<serde_json::Value> = LazyLock::new(schema::data_file);

/// Most syntax errors reported for one file: after a few, the rest are usually echoes.
const MAX_SYNTAX_ERRORS: usize = 10;

/// Parses the text of a data file into the typed model, reporting every problem found: all
/// syntax errors (each line with one is set aside and the rest read again), else all
/// structural ones (unknown, missing and mistyped keys), else serde's.
pub fn parse(source: &Source) -> Result<ReportFile, Diagnostics> {
    let doc = match source.document() {
        Ok(doc) => doc,
        Err(first) => return Err(syntax_errors(source, first.clone())),
    };
    // The parsed document is deserialized as it is, not parsed a second time. Only a file
    // serde refuses is walked for all its structural problems (see `structure`).
    let refused = match toml_edit::de::from_document::<ReportFile>(doc.clone()) {
        Ok(mut file) => {
            typed_decimals(&source.text, doc.as_table(), &mut Vec::new(), &mut file);
            return Ok(file);
        }
        Err(e) => e,
    };
    let problems = structure::check(doc, &SCHEMA);
    if problems.is_empty() {
        return Err(toml_error(source, &refused).into());
    }
    Err(Diagnostics(
        problems
            .into_iter()
            .map(|p| {
                Diagnostic::error(p.message)
                    .in_file(&source.path)
                    .key(p.key_path)
                    .at(p.span.map(|s| source.locate(s)))
                    .help(p.help)
            })
            .collect(),
    ))
}

/// Gives every figure typed as a TOML float the decimals it was typed with: `2.0` is read as
/// the float 2, and the draft prints what the clerk wrote (2.0%), not 2%.
fn typed_decimals<'d>(
    text: &str,
    table: &'d dyn toml_edit::TableLike,
    path: &mut Vec<&'d str>,
    file: &mut ReportFile,
) {
    for (key, item) in table.iter() {
        path.push(key);
        match item {
            toml_edit::Item::Value(v) => typed_value(text, v, path, file),
            toml_edit::Item::Table(t) => typed_decimals(text, t, path, file),
            toml_edit::Item::ArrayOfTables(a) => {
                let indices: Vec<String> = (0..a.len()).map(|i| i.to_string()).collect();
                for (t, i) in a.iter().zip(&indices) {
                    let mut inner: Vec<&str> = path.clone();
                    inner.push(i);
                    typed_decimals(text, t, &mut inner, file);
                }
            }
            toml_edit::Item::None => {}
        }
        path.pop();
    }
}

fn typed_value(text: &str, value: &toml_edit::Value, path: &[&str], file: &mut ReportFile) {
    match value {
        toml_edit::Value::Float(f) => {
            let typed = f.span().and_then(|span| text.get(span)).and_then(|raw| {
                crate::model::number::parse_decimal_text(&raw.replace('_', "")).ok()
            });
            if let (Some(typed), Some(num)) = (typed, file.figure_at_mut(path)) {
                // The same value, with the scale it was typed with.
                if typed == num.get() {
                    *num = typed.into();
                }
            }
        }
        toml_edit::Value::InlineTable(t) => typed_decimals(text, t, &mut path.to_vec(), file),
        toml_edit::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                let index = i.to_string();
                let mut inner = path.to_vec();
                inner.push(&index);
                typed_value(text, v, &inner, file);
            }
        }
        _ => {}
    }
}

/// The first syntax error, and those after it: the line at fault is blanked (keeping every
/// position) and the text parsed again, so that one missing quote does not hide the next.
fn syntax_errors(source: &Source, first: toml_edit::TomlError) -> Diagnostics {
    let mut found = Vec::new();
    let mut text = source.text.clone();
    let mut error = Some(first);
    while let Some(e) = error.take() {
        let span = e.span();
        let located = span.clone().map(|s| source.locate(s));
        let line = located.as_ref().map(|l| l.line);
        if found.len() >= MAX_SYNTAX_ERRORS
            || found
                .iter()
                .any(|d: &Diagnostic| d.location.as_ref().map(|l| l.line) == line)
        {
            break;
        }
        let message = e.message().trim().replace('\n', "; ");
        // toml_edit says nothing of a control character in a comment or a string.
        let message = if message.is_empty() {
            let at = span.as_ref().map_or(0, |s| s.start);
            match source.text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) if c.is_control() => format!(
                    "the control character U+{:04X} is not allowed, not even in a comment",
                    c as u32
                ),
                _ => "the file cannot be read as TOML here".to_string(),
            }
        } else {
            message
        };
        let help = syntax_help(&message, located.as_ref().map(|l| l.line_text.as_str()));
        found.push(
            Diagnostic::error(format!("TOML syntax: {message}"))
                .in_file(&source.path)
                .at(located)
                .help(help),
        );
        let Some(span) = span else { break };
        let start = text[..span.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        // Spaces of the same byte length keep every later span valid in the original.
        text.replace_range(start..end, &" ".repeat(end - start));
        if let Err(next) = toml_edit::ImDocument::parse(text.as_str()) {
            error = Some(next);
        }
    }
    Diagnostics(found)
}

/// Advice for the syntax slips clerks make most: text without quotes, typographic quotes and
/// full-width signs from a Chinese input method, a stray comma, a table header without its
/// bracket.
fn syntax_help(message: &str, line: Option<&str>) -> String {
    let line = line.unwrap_or_default().trim();
    let (key, value) = line
        .split_once('=')
        .map_or(("", ""), |(k, v)| (k.trim(), v.trim()));
    if line.contains(reading::CURLY_QUOTES) {
        format!(
            "use straight double quotes (\"), not {} from a Chinese input method",
            hint::CURLY_QUOTES_SHOWN
        )
    } else if line.contains(reading::FULLWIDTH_EQUALS) {
        format!(
            "use the half-width = sign, not {}",
            hint::FULLWIDTH_EQUALS_SHOWN
        )
    } else if message.contains("duplicate key") {
        "each key may appear once in a table; delete or rename the repeated one".into()
    } else if line.starts_with('[') {
        "a table header is [name] or [[name]] on a line of its own".into()
    } else if message.contains("invalid basic string") || message.contains("unterminated") {
        "the closing \" is missing: a string ends on the line it starts (use \"\"\" for several lines)".into()
    } else if message.contains("invalid string") && !key.is_empty() {
        format!("text must be in double quotes: {key} = \"{value}\"")
    } else if value.ends_with(reading::LINE_END_MARKS) {
        "remove the punctuation at the end: one key = value per line".into()
    } else {
        "compare this line with the same key in examples/".into()
    }
}

fn toml_error(source: &Source, e: &toml_edit::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let location = e.span().map(|s| source.locate(s));
    let help = help_for(&message);
    let mut d = Diagnostic::error(message)
        .in_file(&source.path)
        .at(location);
    if let Some(h) = help {
        d = d.help(h);
    }
    d
}

/// Turns serde's terse messages into advice a clerk can act on.
fn help_for(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`')?;
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let closest = candidates
            .iter()
            .map(|c| (strsim::jaro_winkler(field, c), *c))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        return Some(match closest {
            Some((_, c)) => format!(
                "did you mean `{c}`? valid keys here: {}",
                candidates.join(", ")
            ),
            None => format!("valid keys here: {}", candidates.join(", ")),
        });
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next()?;
        return Some(format!("add `{field} = …` to this table"));
    }
    if message.starts_with("unknown variant") {
        return Some("use one of the values listed above, in quotes".into());
    }
    if message.contains("invalid type") {
        return Some("check the value's type: numbers without quotes, text in quotes".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n";

    #[test]
    fn a_minimal_file_parses() {
        let src = Source::new("a.toml", MINIMAL);
        let report = parse(&src).unwrap();
        assert_eq!(report.report.year, 2024);
        assert!(report.indicators.is_empty());
    }

    #[test]
    fn a_typo_is_located_and_the_closest_key_suggested() {
        let text = format!(
            "{MINIMAL}\n[indicators.rd]\nname = \"研发经费\"\nunit = \"亿元\"\ncurent = 4.54\n"
        );
        let all = parse(&Source::new("a.toml", text)).unwrap_err();
        assert_eq!(all.0.len(), 1, "{all}");
        let d = &all.0[0];
        assert!(d.message.contains("unknown key `curent`"), "{d}");
        assert!(d.message.contains("is it `current` misspelt?"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 11);
        // A key that is not a misspelt required one gets the closest valid key.
        let text = format!(
            "{MINIMAL}\n[indicators.rd]\nname = \"研发经费\"\nunit = \"亿元\"\ncurrent = 4.54\nprevous = 2.72\n"
        );
        let d = &parse(&Source::new("a.toml", text)).unwrap_err().0[0];
        assert!(
            d.help
                .as_deref()
                .unwrap()
                .contains("did you mean `previous`"),
            "{d}"
        );
    }

    #[test]
    fn every_structural_problem_is_reported_in_one_run() {
        let text = "[report]\nissuer = \"某县科学技术局\"\nyear = \"2024\"\nkind = \"anual\"\ndate = 2024-12-20\n\
                    [indicators.rd]\nname = \"研发经费\"\nunit = \"亿元\"\ncurent = 4.54\n\
                    [indicators.hte]\nname = \"高企\"\nunit = \"家\"\ncurrent = 57\nprevious = [49]\n\
                    [[achievements]]\nparagraphs = [\"…\"]\n";
        let all = parse(&Source::new("a.toml", text)).unwrap_err().0;
        let messages: Vec<(usize, &str)> = all
            .iter()
            .map(|d| {
                (
                    d.location.as_ref().map_or(0, |l| l.line),
                    d.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            messages,
            [
                (1, "[report] needs `region`"),
                (3, "`year` must be a whole number, not text"),
                (4, "\"anual\" is not one of: annual, half-year"),
                (
                    9,
                    "unknown key `curent` in [indicators.rd]: is it `current` misspelt?"
                ),
                (14, "`previous` must be a number, not a list"),
                (15, "[achievements.0] needs `title`"),
            ],
            "{}",
            Diagnostics(all.clone())
        );
        assert!(all[2].help.as_deref() == Some("did you mean \"annual\"?"));
    }

    #[test]
    fn several_syntax_errors_are_reported_line_by_line() {
        let text = "[report]\nissuer = 某县科学技术局\nregion = \"某县\"\nyear = 2024,\nkind = \"annual\"\ndate = 2024-12-20\n";
        let all = parse(&Source::new("a.toml", text)).unwrap_err().0;
        let lines: Vec<usize> = all
            .iter()
            .map(|d| d.location.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines, [2, 4], "{}", Diagnostics(all.clone()));
        assert!(
            all[0].help.as_deref().unwrap().contains("double quotes"),
            "{}",
            all[0]
        );
    }

    #[test]
    fn key_paths_resolve_to_spans() {
        let text = format!(
            "{MINIMAL}\n[indicators.rd]\nname = \"研发经费\"\nunit = \"亿元\"\ncurrent = 4.54\n"
        );
        let src = Source::new("a.toml", text);
        let d = src.locate_finding(crate::diagnostic::Finding::error(
            "indicators.rd.unit",
            "bad unit",
        ));
        let loc = d.location.unwrap();
        assert_eq!((loc.line, loc.column), (10, 8));
    }

    #[test]
    fn gbk_text_is_named_as_such() {
        // "科技" in GBK.
        let d = source::decode_utf8(vec![b'a', b'\n', 0xBF, 0xC6, 0xBC, 0xBC]).unwrap_err();
        assert!(d.message.contains("GBK"));
        assert!(d.message.contains("line 2, column 1"), "{}", d.message);
    }
}
