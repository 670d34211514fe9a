//! `zongjie import`: indicator figures from a spreadsheet (.xlsx, .xls, .ods or .csv) into the
//! `[indicators]` of a data file, edited in place with toml_edit so nothing else changes.
//!
//! Bureaus keep their indicators in a table with one row per indicator and columns for the
//! key or name, unit, this year, last year and targets. Headers are recognised in Chinese or
//! English (指标名称 / name, 单位 / unit, 本年 / 2024年 / current, 上年 / 2023年 / previous,
//! 目标 / target, 明年目标 / next_target). Rows are matched by key, else by name; a row that
//! matches nothing, or whose unit cannot be converted, is reported and left out.

use std::path::Path;

use toml_edit::{DocumentMut, Item, Value};

use crate::diagnostic::{Diagnostic, Diagnostics, closest};
use crate::load::Source;
use crate::measure::units;
use crate::model::number::parse_decimal_text;
use crate::zh::reading;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Key,
    Name,
    Unit,
    Field(&'static str),
}

/// The result of an import: the new text of the data file and what happened.
#[derive(Debug)]
pub struct Imported {
    pub text: String,
    /// `rd_spend.current: 4.54 → 4.6`, one per value changed.
    pub changes: Vec<String>,
    /// Rows that were left out, with why.
    pub skipped: Vec<Diagnostic>,
}

/// Reads the sheet's rows as text cells.
pub fn read_rows(sheet: &Path, name: Option<&str>) -> Result<Vec<Vec<String>>, Diagnostic> {
    let fail = |e: String| {
        Diagnostic::error(format!("cannot read {}: {e}", sheet.display()))
            .in_file(sheet)
            .help("save the sheet as .xlsx or .csv (UTF-8) and try again")
    };
    let extension = sheet
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if extension == "csv" {
        let bytes = std::fs::read(sheet).map_err(|e| fail(e.to_string()))?;
        let text = Source::from_bytes(sheet, bytes)?.text;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        return reader
            .records()
            .map(|r| {
                r.map(|r| r.iter().map(|c| c.trim().to_string()).collect())
                    .map_err(|e| fail(e.to_string()))
            })
            .collect();
    }
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(sheet).map_err(|e| fail(e.to_string()))?;
    let names = book.sheet_names();
    let chosen = match name {
        Some(n) => n.to_string(),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| fail("the workbook has no sheets".into()))?,
    };
    let range = book
        .worksheet_range(&chosen)
        .map_err(|e| fail(format!("{e} (sheets: {})", names.join(", "))))?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

/// A spreadsheet cell as text; numbers in their shortest exact form (4.54, not 4.5399999).
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            let text = f.to_string();
            text.strip_suffix(".0").map(String::from).unwrap_or(text)
        }
        Data::String(s) => s.trim().to_string(),
        Data::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// Recognises a header cell, in Chinese (see [`crate::zh::label::sheet`]) or English.
fn column_of(header: &str, year: i32) -> Option<Column> {
    use crate::zh::label::sheet;
    let h = header
        .trim()
        .to_lowercase()
        .replace(reading::IGNORED_IN_NAMES, "");
    let h = h.as_str();
    let field = |f| Some(Column::Field(f));
    let is = |english: &str, chinese: &[&str]| h == english || chinese.contains(&h);
    if is("key", sheet::KEY) {
        Some(Column::Key)
    } else if is("name", sheet::NAME) {
        Some(Column::Name)
    } else if is("unit", sheet::UNIT) {
        Some(Column::Unit)
    } else if is("current", sheet::CURRENT) {
        field("current")
    } else if is("previous", sheet::PREVIOUS) {
        field("previous")
    } else if is("target", sheet::TARGET) {
        field("target")
    } else if is("next_target", sheet::NEXT_TARGET) {
        field("next_target")
    } else {
        match sheet::year_of(h) {
            Some(v) if v == year => field("current"),
            Some(v) if v == year - 1 => field("previous"),
            _ if h == sheet::target_of(year + 1) => field("next_target"),
            _ if h == sheet::target_of(year) => field("target"),
            _ => None,
        }
    }
}

/// Updates the indicators of `source` from `rows` (the first row with a name or key column
/// is the header).
pub fn import(
    source: &Source,
    rows: &[Vec<String>],
    sheet: &Path,
    options: crate::Options,
) -> Result<Imported, Diagnostics> {
    let checked = crate::check(source, options)?;
    let file = &checked.file;
    let year = file.report.year;
    let header_at = rows.iter().position(|r| {
        let cols: Vec<_> = r.iter().filter_map(|c| column_of(c, year)).collect();
        cols.iter().any(|c| matches!(c, Column::Key | Column::Name))
            && cols.iter().any(|c| matches!(c, Column::Field(_)))
    });
    let Some(header_at) = header_at else {
        return Err(Diagnostic::error(format!(
            "{} has no header row naming the indicator and a figure column",
            sheet.display()
        ))
        .in_file(sheet)
        .help(format!(
            "put a header row such as: {}",
            crate::zh::label::sheet::example(year)
        ))
        .into());
    };
    let columns: Vec<Option<Column>> = rows[header_at].iter().map(|h| column_of(h, year)).collect();
    let mut doc: DocumentMut = source.text.parse().map_err(|e: toml_edit::TomlError| {
        Diagnostics::from(
            Diagnostic::error(format!("cannot edit the file: {e}")).in_file(&source.path),
        )
    })?;
    let mut changes = Vec::new();
    let mut skipped = Vec::new();
    let names: Vec<&str> = file.indicators.values().map(|i| i.name.as_str()).collect();
    for (offset, row) in rows.iter().enumerate().skip(header_at + 1) {
        let line = offset + 1;
        let cell = |want: Column| {
            columns
                .iter()
                .position(|c| *c == Some(want))
                .and_then(|i| row.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
        };
        let (key_cell, name_cell) = (cell(Column::Key), cell(Column::Name));
        if key_cell.is_none() && name_cell.is_none() {
            continue;
        }
        let skip = |why: String, help: String| {
            Diagnostic::warning(format!("row {line}: {why}"))
                .in_file(sheet)
                .help(help)
        };
        let normal = |s: &str| s.replace(reading::IGNORED_IN_NAMES, "");
        let found = file.indicators.iter().find(|(k, i)| {
            key_cell == Some(k.as_str()) || name_cell.is_some_and(|n| normal(n) == normal(&i.name))
        });
        let Some((key, indicator)) = found else {
            let shown = name_cell.or(key_cell).unwrap_or_default();
            let help = match closest(shown, names.iter().copied()) {
                Some(c) => format!(
                    "no indicator has this name or key; the closest is \"{c}\" — add a key column, or rename one of them"
                ),
                None => "the data file has no [indicators] to fill".into(),
            };
            skipped.push(skip(format!("\"{shown}\" matches no indicator"), help));
            continue;
        };
        // Values are written in the unit the data file types them in.
        let file_unit = indicator.input_unit.as_deref().unwrap_or(&indicator.unit);
        let sheet_unit = cell(Column::Unit).unwrap_or(file_unit);
        let Some(factor) = units::factor(sheet_unit, file_unit) else {
            skipped.push(skip(
                format!(
                    "{} is in {sheet_unit} in the sheet but {file_unit} in the data file",
                    indicator.name
                ),
                "correct the unit in the sheet, or convert the figures".into(),
            ));
            continue;
        };
        for field in ["current", "previous", "target", "next_target"] {
            let Some(text) = cell(Column::Field(field)) else {
                continue;
            };
            let number = match parse_decimal_text(&text.replace([',', ','], "")) {
                Ok(n) => n * factor,
                Err(why) => {
                    skipped.push(skip(
                        format!("{} {field}: {why}", indicator.name),
                        "write a plain number in the cell".into(),
                    ));
                    continue;
                }
            };
            let printed = number.normalize().to_string();
            let Ok(new) = printed.parse::<Value>() else {
                continue;
            };
            let Some(table) = doc["indicators"][key.as_str()].as_table_like_mut() else {
                continue;
            };
            let old = table
                .get(field)
                .and_then(Item::as_value)
                .map(|v| v.clone().decorated("", "").to_string());
            let same = old
                .as_deref()
                .and_then(|o| parse_decimal_text(o).ok())
                .is_some_and(|o| o == number);
            if same {
                continue;
            }
            changes.push(format!(
                "{key}.{field}: {} → {printed}",
                old.as_deref().unwrap_or("(none)")
            ));
            match table.get_mut(field) {
                Some(slot) => {
                    let mut new = new;
                    if let Some(decor) = slot.as_value().map(|v| v.decor().clone()) {
                        // Keep the clerk's comment; drop `next`'s placeholder once filled.
                        let placeholder = decor
                            .suffix()
                            .and_then(|s| s.as_str())
                            .is_some_and(|s| s.contains(crate::zh::fill::TO_FILL));
                        if !placeholder {
                            *new.decor_mut() = decor;
                        }
                    }
                    *slot = Item::Value(new);
                }
                None => {
                    table.insert(field, Item::Value(new));
                }
            }
        }
    }
    Ok(Imported {
        text: doc.to_string(),
        changes,
        skipped,
    })
}
