//! The tables of a draft, built from the facts: the 主要指标完成情况表 of one report and the
//! roll-up of a city's counties (as an outline for the DOCX, and as CSV).

use rust_decimal::Decimal;

use crate::measure::decimal::fixed;
use crate::measure::rollup::{CountyLine, Rollup, Row, Total, TotalChange};
use crate::measure::{Citable, Facts};
use crate::outline::{Block, Outline, Table, TableKind};
use crate::zh::{cite, period, phrase};

/// 主要指标完成情况表: one row per indicator, in the words the draft uses.
pub fn indicators(facts: &Facts, caption: String) -> Table {
    let r = &facts.report;
    let year = r.year;
    let span = period::span(r);
    let cell = |field, f| cite::text(field, f, r).unwrap_or_else(|| "—".to_string());
    Table {
        kind: TableKind::Indicators,
        caption: if caption.is_empty() {
            "主要指标完成情况表".into()
        } else {
            caption
        },
        header: vec![
            "指标".into(),
            "单位".into(),
            format!("{year}年{span}"),
            format!("{}年{span}", year - 1),
            "同比".into(),
            if r.part_year() {
                "全年目标".into()
            } else {
                "目标".into()
            },
            "完成情况".into(),
        ],
        rows: facts
            .indicators
            .values()
            .map(|f| {
                vec![
                    f.name.clone(),
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

const ROLLUP_HEADER: [&str; 6] = ["指标(单位)", "县市区", "本年", "上年", "同比", "排名"];

/// A line of the roll-up as printed: region, this year, last year, change, rank.
struct Printed {
    region: String,
    value: String,
    previous: String,
    comparison: String,
    rank: String,
}

/// The counties of a row, then its 合计, as printed.
fn printed_lines(row: &Row) -> Vec<Printed> {
    let show = |v: Decimal| fixed(v, row.places);
    let county = |l: &CountyLine| Printed {
        region: l.region.clone(),
        value: show(l.value),
        previous: l.previous.map(show).unwrap_or_default(),
        comparison: cite::comparison(&l.indicator).unwrap_or_default(),
        rank: l
            .rank
            .map(|(rank, of)| format!("{rank}/{of}"))
            .unwrap_or_default(),
    };
    let total = |t: &Total| Printed {
        region: "合计".into(),
        value: show(t.value),
        previous: t.previous.map(show).unwrap_or_default(),
        comparison: match &t.change {
            Some(TotalChange::Change(c)) => {
                phrase::change(c.trend, &fixed(c.exact, c.places), &row.unit)
            }
            Some(TotalChange::Percent(c)) => phrase::growth(c.trend, &fixed(c.exact, c.places)),
            None => String::new(),
        },
        rank: String::new(),
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
        let label = format!("{}({})", row.name, row.unit);
        for (i, l) in printed_lines(row).into_iter().enumerate() {
            out.push(vec![
                if i == 0 { label.clone() } else { String::new() },
                l.region,
                l.value,
                l.previous,
                l.comparison,
                l.rank,
            ]);
        }
        if let Some(stated) = row.stated {
            let check = match row.difference {
                Some(d) => format!("与合计差{}", fixed(d, row.places)),
                None if row.total.is_some() => "与合计一致".into(),
                None => String::new(),
            };
            out.push(vec![
                String::new(),
                "市级填报".into(),
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
        title: vec![
            format!("{}各县市区主要科技指标汇总表", rollup.city),
            format!("({}年)", rollup.year),
        ],
        blocks: vec![Block::Table(Table {
            kind: TableKind::Rollup,
            caption: String::new(),
            header: ROLLUP_HEADER.map(String::from).to_vec(),
            rows: rollup_rows(rollup),
            note: Some(if mismatches == 0 {
                "注:合计为各县市区数据之和,排名为各县市区间排名(并列同名次);市级填报数均与合计一致。".into()
            } else {
                format!(
                    "注:合计为各县市区数据之和,排名为各县市区间排名(并列同名次);有{mismatches}项市级填报数与合计不符,已在“同比”栏标出差额。"
                )
            }),
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
        .write_record(["指标", "单位", "县市区", "本年", "上年", "同比", "排名"])
        .map_err(|e| e.to_string())?;
    for row in &rollup.rows {
        for l in printed_lines(row) {
            writer
                .write_record([
                    row.name.as_str(),
                    row.unit.as_str(),
                    &l.region,
                    &l.value,
                    &l.previous,
                    &l.comparison,
                    &l.rank,
                ])
                .map_err(|e| e.to_string())?;
        }
        if let Some(stated) = row.stated {
            let diff = row
                .difference
                .map(|d| fixed(d, row.places))
                .unwrap_or_default();
            writer
                .write_record([
                    row.name.as_str(),
                    &row.unit,
                    "市级填报",
                    &fixed(stated, row.places),
                    "",
                    &diff,
                    "",
                ])
                .map_err(|e| e.to_string())?;
        }
    }
    writer.into_inner().map_err(|e| e.to_string())
}
