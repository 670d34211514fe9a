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

/// The most rows and columns of a sheet zongjie reads: an indicator table is a few dozen
/// rows. A cell beyond them is refused before anything is allocated for it.
pub const MAX_ROWS: u32 = 10_000;
pub const MAX_COLUMNS: u32 = 256;
/// The largest sheet file, and the most its zip parts may expand to (.xlsx, .ods).
pub const MAX_SHEET_BYTES: u64 = 16 * 1024 * 1024;
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the sheet's rows as text cells, within [`MAX_ROWS`] × [`MAX_COLUMNS`].
pub fn read_rows(sheet: &Path, name: Option<&str>) -> Result<Vec<Vec<String>>, Diagnostic> {
    let fail = |e: String| {
        Diagnostic::error(format!("cannot read {}: {e}", sheet.display()))
            .in_file(sheet)
            .help("save the sheet as .xlsx or .csv (UTF-8) and try again")
    };
    let too_big = |what: String| {
        Diagnostic::error(format!("{} is too large to be an indicator table: {what}", sheet.display()))
            .in_file(sheet)
            .help(format!("copy the indicator rows (at most {MAX_ROWS} rows and {MAX_COLUMNS} columns) into a sheet of their own"))
    };
    let extension = sheet
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let meta = std::fs::metadata(sheet).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        // A pipe would block the read; a device never ends.
        return Err(fail(
            "it is not a regular file (a pipe, a device or a folder)".into(),
        ));
    }
    let size = meta.len();
    if size > MAX_SHEET_BYTES {
        return Err(too_big(format!("{} MiB", size / (1024 * 1024))));
    }
    if extension == "csv" {
        let bytes = std::fs::read(sheet).map_err(|e| fail(e.to_string()))?;
        let text = Source::from_bytes(sheet, bytes)?.text;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| fail(e.to_string()))?;
            if rows.len() as u32 >= MAX_ROWS || record.len() as u32 > MAX_COLUMNS {
                return Err(too_big(format!(
                    "more than {MAX_ROWS} rows or {MAX_COLUMNS} columns"
                )));
            }
            rows.push(record.iter().map(|c| c.trim().to_string()).collect());
        }
        return Ok(rows);
    }
    if extension == "xlsx" || extension == "ods" {
        let unpacked = unpacked_size(sheet).map_err(fail)?;
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(too_big(format!(
                "its parts unpack to {} MiB",
                unpacked / (1024 * 1024)
            )));
        }
    }
    if extension == "xlsx" {
        return read_xlsx(sheet, name, &fail, &too_big);
    }
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(sheet).map_err(|e| fail(e.to_string()))?;
    let names = book.sheet_names();
    let chosen = sheet_named(&names, name, &fail)?;
    let range = book
        .worksheet_range(&chosen)
        .map_err(|e| fail(format!("{e} (sheets: {})", names.join(", "))))?;
    let (rows, columns) = range.get_size();
    if rows as u64 > u64::from(MAX_ROWS) || columns as u64 > u64::from(MAX_COLUMNS) {
        return Err(too_big(format!("{rows} rows × {columns} columns")));
    }
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

/// The sheet asked for, else the first.
fn sheet_named(
    names: &[String],
    name: Option<&str>,
    fail: &dyn Fn(String) -> Diagnostic,
) -> Result<String, Diagnostic> {
    match name {
        Some(n) => Ok(n.to_string()),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| fail("the workbook has no sheets".into())),
    }
}

/// What the parts of a zip package declare they unpack to.
fn unpacked_size(path: &Path) -> Result<u64, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| e.to_string())?;
        total = total.saturating_add(entry.size());
    }
    Ok(total)
}

/// An .xlsx sheet read cell by cell, so that a cell placed at XFD1048576 is refused instead
/// of a range of a billion cells allocated to hold it.
fn read_xlsx(
    sheet: &Path,
    name: Option<&str>,
    fail: &dyn Fn(String) -> Diagnostic,
    too_big: &dyn Fn(String) -> Diagnostic,
) -> Result<Vec<Vec<String>>, Diagnostic> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(sheet).map_err(|e: calamine::XlsxError| fail(e.to_string()))?;
    let names = book.sheet_names();
    let chosen = sheet_named(&names, name, &fail)?;
    let mut cells = book
        .worksheet_cells_reader(&chosen)
        .map_err(|e| fail(format!("{e} (sheets: {})", names.join(", "))))?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| fail(e.to_string()))? {
        let (row, column) = cell.get_position();
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(too_big(format!(
                "a cell at row {}, column {}",
                u64::from(row) + 1,
                u64::from(column) + 1
            )));
        }
        let (row, column) = (row as usize, column as usize);
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let line = &mut rows[row];
        if line.len() <= column {
            line.resize(column + 1, String::new());
        }
        line[column] = cell_text(&calamine::Data::from(cell.get_value().clone()));
    }
    Ok(rows)
}

/// A figure from a sheet cell. A comma is a thousands separator only where it separates
/// thousands (3,752.12 and 1,234,567): `4,54`, a slip for 4.54, would otherwise become 454
/// and pass every check.
fn sheet_number(text: &str) -> Result<rust_decimal::Decimal, String> {
    let trimmed = text.trim();
    if !trimmed.contains([',', '\u{FF0C}']) {
        return parse_decimal_text(trimmed);
    }
    let unsigned = trimmed.trim_start_matches(['-', '+']);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let groups: Vec<&str> = whole.split([',', '\u{FF0C}']).collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && fraction.bytes().all(|b| b.is_ascii_digit());
    if !grouped {
        return Err(format!(
            "\"{trimmed}\" is not a figure: a comma separates thousands (3,752.12), never decimals"
        ));
    }
    parse_decimal_text(&trimmed.replace([',', '\u{FF0C}'], ""))
}

/// A spreadsheet cell as text; numbers in their shortest exact form (4.54, not 4.5399999).
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Int(i) => i.to_string(),
        // A binary float read back at the 15 significant digits Excel shows: 4.54 stored
        // as 4.5399999999999991 is 4.54.
        Data::Float(f) => match rust_decimal::Decimal::from_str_exact(&f.to_string()) {
            Ok(d) => crate::measure::decimal::significant(d, 15, true)
                .normalize()
                .to_string(),
            Err(_) => f.to_string(),
        },
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
    // Two columns for one thing: which is meant cannot be told, so nothing is imported.
    for (i, c) in columns.iter().enumerate() {
        if let Some(c) = c
            && let Some(j) = columns[..i].iter().position(|o| o.as_ref() == Some(c))
        {
            return Err(Diagnostic::error(format!(
                "{}: columns {} and {} (\"{}\", \"{}\") give the same figure",
                sheet.display(),
                j + 1,
                i + 1,
                rows[header_at][j],
                rows[header_at][i]
            ))
            .in_file(sheet)
            .help("delete or rename one of the two columns")
            .into());
        }
    }
    let mut doc: DocumentMut = source.text.parse().map_err(|e: toml_edit::TomlError| {
        Diagnostics::from(
            Diagnostic::error(format!("cannot edit the file: {e}")).in_file(&source.path),
        )
    })?;
    let mut changes = Vec::new();
    let mut skipped = Vec::new();
    let names: Vec<&str> = file.indicators.values().map(|i| i.name.as_str()).collect();
    let mut matched: Vec<(String, usize)> = Vec::new();
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
        if let Some((key, _)) = found {
            if let Some((_, first)) = matched.iter().find(|(k, _)| k == key) {
                return Err(Diagnostic::error(format!(
                    "{}: rows {first} and {line} both give {key}",
                    sheet.display()
                ))
                .in_file(sheet)
                .help("keep one row per indicator: delete the row that is out of date")
                .into());
            }
            matched.push((key.clone(), line));
        }
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
            let number = match sheet_number(text) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_floats_read_as_excel_shows_them() {
        let cell = |f: f64| cell_text(&calamine::Data::Float(f));
        // 4.54 as a spreadsheet stores it after arithmetic: 4.5399999999999991.
        assert_eq!(cell(f64::from_bits(4.54f64.to_bits() - 1)), "4.54");
        assert_eq!(cell(13.23), "13.23");
        assert_eq!(cell(57.0), "57");
        assert_eq!(cell(0.1 + 0.2), "0.3");
    }

    #[test]
    fn commas_are_thousands_only_in_their_shape() {
        assert_eq!(sheet_number("3,752.12").unwrap().to_string(), "3752.12");
        assert_eq!(sheet_number("1,234,567").unwrap().to_string(), "1234567");
        for slip in ["4,54", "12,3456", ",123", "1,23.4", "1,234,56"] {
            assert!(sheet_number(slip).is_err(), "{slip}");
        }
    }
}
