//! The tables of a draft, built from the facts: the 主要指标完成情况表 of one report and the
//! roll-up of a city's counties (as an outline for the DOCX, and as CSV).

use rust_decimal::Decimal;

use crate::measure::decimal::fixed;
use crate::measure::totals::{CountyLine, Rollup, Row, Total, TotalChange};
use crate::measure::{Citable, Facts};
use crate::outline::{Block, Outline, Table, TableKind};
use crate::zh::{cite, label, period, phrase};

/// 主要指标完成情况表: one row per indicator named by `keys`, in the words the draft uses.
pub fn indicators(facts: &Facts, caption: String, keys: &[String]) -> Table {
    let r = &facts.report;
    let year = r.year;
    let span = period::span(r);
    let cell = |field, f| cite::text(field, f, r).unwrap_or_else(|| "—".to_string());
    Table {
        kind: TableKind::Indicators,
        caption: if caption.is_empty() {
            label::INDICATOR_TABLE.into()
        } else {
            caption
        },
        header: label::indicator_header(year, &span, r.part_year()),
        rows: keys
            .iter()
            .filter_map(|k| facts.indicators.get(k))
            .map(|f| {
                vec![
                    label::with_period(&f.name, f.period.as_deref()),
                    f.unit.clone(),
                    cell(Citable::Number, f),
                    cell(Citable::PreviousNumber, f),
                    cell(Citable::Comparison, f),
                    cell(Citable::TargetNumber, f),
                    cite::text(Citable::CompletionRate, f, r)
                        .or_else(|| cite::text(Citable::TargetStatus, f, r))
                        .unwrap_or_else(|| "—".to_string()),
                ]
            })
            .collect(),
        note: None,
    }
}

/// A line of the roll-up as printed: region, this year, last year, change, rank.
struct Printed {
    region: String,
    value: String,
    previous: String,
    comparison: String,
    /// Place and how many were ranked.
    rank: Option<(u32, usize)>,
}

impl Printed {
    /// 2/12, as the table shows it.
    fn rank_text(&self) -> String {
        self.rank
            .map(|(rank, of)| format!("{rank}/{of}"))
            .unwrap_or_default()
    }
}

/// The counties of a row, then its 合计, as printed.
fn printed_lines(row: &Row) -> Vec<Printed> {
    let show = |v: Decimal| fixed(v, row.places);
    let county = |l: &CountyLine| Printed {
        region: l.region.clone(),
        value: show(l.value),
        previous: l.previous.map(show).unwrap_or_default(),
        comparison: cite::comparison(&l.indicator).unwrap_or_default(),
        rank: l.rank,
    };
    let total = |t: &Total| Printed {
        region: label::TOTAL.into(),
        value: show(t.value),
        previous: t.previous.map(show).unwrap_or_default(),
        comparison: match &t.change {
            Some(TotalChange::Change(c)) => {
                phrase::change(c.trend, &fixed(c.exact, c.places), &row.unit)
            }
            Some(TotalChange::Percent(c)) => phrase::growth(c.trend, &fixed(c.exact, c.places)),
            None => String::new(),
        },
        rank: None,
    };
    row.counties
        .iter()
        .map(county)
        .chain(row.total.as_ref().map(total))
        .collect()
}

/// The table's rows: per indicator its counties, then 合计 and 市级填报 where they apply.
fn rollup_rows(rollup: &Rollup) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for row in &rollup.rows {
        let first = label::with_unit(&row.name, &row.unit);
        for (i, l) in printed_lines(row).into_iter().enumerate() {
            let rank = l.rank_text();
            out.push(vec![
                if i == 0 { first.clone() } else { String::new() },
                l.region,
                l.value,
                l.previous,
                l.comparison,
                rank,
            ]);
        }
        if let Some(stated) = row.stated {
            let check = match row.difference {
                Some(d) => label::differs_from_total(&fixed(d, row.places)),
                None if row.total.is_some() => label::AGREES_WITH_TOTAL.into(),
                None => String::new(),
            };
            out.push(vec![
                String::new(),
                label::CITY_STATED.into(),
                fixed(stated, row.places),
                String::new(),
                check,
                String::new(),
            ]);
        }
    }
    out
}

/// The roll-up as a document outline: a title, one table, and the city bureau's signature
/// and date when its own file gives them.
pub fn rollup_outline(rollup: &Rollup, signed: Option<(String, String)>) -> Outline {
    let mismatches = rollup.mismatches().count();
    let mut outline = Outline {
        numbering: Default::default(),
        look: Default::default(),
        title: label::rollup_title(&rollup.city, rollup.year),
        blocks: vec![Block::Table(Table {
            kind: TableKind::Rollup,
            caption: String::new(),
            header: label::ROLLUP_HEADER.map(String::from).to_vec(),
            rows: rollup_rows(rollup),
            note: Some(label::rollup_note(mismatches)),
        })],
    };
    if let Some((issuer, date)) = signed {
        outline.blocks.push(Block::Signature { text: issuer });
        outline.blocks.push(Block::Date { text: date });
    }
    outline
}

/// The roll-up as CSV, UTF-8 with a byte-order mark so that Excel and WPS read the Chinese.
pub fn rollup_csv(rollup: &Rollup) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer
        .write_record(label::ROLLUP_CSV_HEADER)
        .map_err(|e| e.to_string())?;
    for row in &rollup.rows {
        for l in printed_lines(row) {
            // The rank as two numbers: 2/12 in a cell is a date to Excel.
            let (rank, of) = l
                .rank
                .map(|(r, o)| (r.to_string(), o.to_string()))
                .unwrap_or_default();
            write_row(
                &mut writer,
                [
                    &row.name,
                    &row.unit,
                    &l.region,
                    &l.value,
                    &l.previous,
                    &l.comparison,
                    &rank,
                    &of,
                ],
            )?;
        }
        if let Some(stated) = row.stated {
            let diff = row
                .difference
                .map(|d| fixed(d, row.places))
                .unwrap_or_default();
            write_row(
                &mut writer,
                [
                    &row.name,
                    &row.unit,
                    label::CITY_STATED,
                    &fixed(stated, row.places),
                    "",
                    &diff,
                    "",
                    "",
                ],
            )?;
        }
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// One CSV line, every cell made safe for a spreadsheet (see [`crate::safe::csv_cell`]): the
/// names come from the counties' files.
fn write_row(writer: &mut csv::Writer<Vec<u8>>, cells: [&str; 8]) -> Result<(), String> {
    writer
        .write_record(cells.map(crate::safe::csv_cell).iter().map(|c| c.as_ref()))
        .map_err(|e| e.to_string())
}
