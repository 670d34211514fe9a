//! The tables of a draft, built from the facts: the 主要指标完成情况表 of one report and the
//! roll-up of a city's counties (as an outline for the DOCX, and as CSV).

use crate::measure::Facts;
use crate::measure::rollup::{CountyLine, Rollup};
use crate::outline::{Block, Outline, Table, TableKind};

/// 主要指标完成情况表: one row per indicator, figures as the measure stage printed them.
pub fn indicators(facts: &Facts, caption: String) -> Table {
    let year = facts.report.year;
    let span = &facts.report.span;
    let dash = || "—".to_string();
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
            if facts.report.part_year {
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
                    f.number.clone(),
                    f.previous_number.clone().unwrap_or_else(dash),
                    f.comparison.clone().unwrap_or_else(dash),
                    f.target_number.clone().unwrap_or_else(dash),
                    f.completion_rate
                        .clone()
                        .or_else(|| f.target_status.clone())
                        .unwrap_or_else(dash),
                ]
            })
            .collect(),
        note: None,
    }
}

const ROLLUP_HEADER: [&str; 6] = ["指标(单位)", "县市区", "本年", "上年", "同比", "排名"];

/// The table's rows: per indicator its counties, then 合计 and 市级填报 where they apply.
fn rollup_rows(rollup: &Rollup) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for row in &rollup.rows {
        let label = format!("{}({})", row.name, row.unit);
        let line = |first: bool, l: &CountyLine| {
            vec![
                if first { label.clone() } else { String::new() },
                l.region.clone(),
                l.value.clone(),
                l.previous.clone(),
                l.comparison.clone(),
                l.rank.clone(),
            ]
        };
        for (i, county) in row.counties.iter().enumerate() {
            out.push(line(i == 0, county));
        }
        if let Some(total) = &row.total {
            out.push(line(false, total));
        }
        if let Some(stated) = &row.stated {
            let check = match &row.difference {
                Some(d) => format!("与合计差{d}"),
                None if row.total.is_some() => "与合计一致".into(),
                None => String::new(),
            };
            out.push(vec![
                String::new(),
                "市级填报".into(),
                stated.clone(),
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
pub fn rollup_outline(rollup: &Rollup, signed: Option<(&str, &str)>) -> Outline {
    let mismatches = rollup.mismatches.len();
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
        outline.blocks.push(Block::Signature {
            text: issuer.to_string(),
        });
        outline.blocks.push(Block::Date {
            text: date.to_string(),
        });
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
        let lines = row.counties.iter().chain(&row.total);
        for l in lines {
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
        if let Some(stated) = &row.stated {
            let diff = row.difference.clone().unwrap_or_default();
            writer
                .write_record([
                    row.name.as_str(),
                    &row.unit,
                    "市级填报",
                    stated,
                    "",
                    &diff,
                    "",
                ])
                .map_err(|e| e.to_string())?;
        }
    }
    writer.into_inner().map_err(|e| e.to_string())
}
