//! `zongjie rollup`: a city's counties in one table (DOCX and CSV) — each county's figure,
//! change and rank per indicator, the totals, and the city's own figures checked against them.
//!
//! The numbers come from [`crate::measure::rollup`]; this module finds the city and its
//! counties among the files, and lays the result out as DOCX and CSV.

use std::path::PathBuf;

use crate::batch::Input;
use crate::catalogue::Catalogue;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Source;
use crate::measure::rank::{Rankings, Standing};
use crate::measure::rollup::{County, CountyLine, Rollup};
use crate::outline::{Block, Outline, Table, TableKind};
use crate::{Checked, Options, check};

/// A finished roll-up: the table, its documents and what differed.
pub struct Built {
    pub table: Rollup,
    pub docx: Vec<u8>,
    pub csv: Vec<u8>,
    pub counties: usize,
    /// One finding per city figure that is not its counties' sum (errors with `strict`).
    pub mismatches: Vec<Diagnostic>,
}

/// Checks every input, finds the city most files report to, ranks its counties and builds
/// the roll-up against the city's own file (the one whose region is the city), if present.
pub fn build(inputs: &[Input], options: Options) -> Result<Built, Diagnostics> {
    let mut checked: Vec<(PathBuf, Checked)> = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match Source::read(&input.path)
            .map_err(Diagnostics::from)
            .and_then(|s| check(&s, options))
        {
            Ok(c) => checked.push((input.path.clone(), c)),
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    // The city is the superior most files name; its counties are those files.
    let mut cities: Vec<&str> = checked
        .iter()
        .filter_map(|(_, c)| c.file.report.city.as_deref())
        .collect();
    cities.sort();
    let city = cities
        .chunk_by(|a, b| a == b)
        .max_by_key(|g| g.len())
        .and_then(|g| g.first().copied())
        .ok_or_else(|| {
            Diagnostics::from(
                Diagnostic::error("none of the files names its city ([report].city)")
                    .help("give each county file city = \"怀化市\" (the city it reports to)"),
            )
        })?
        .to_string();
    let counties: Vec<&Checked> = checked
        .iter()
        .map(|(_, c)| c)
        .filter(|c| c.file.report.city.as_deref() == Some(city.as_str()))
        .collect();
    let own = checked.iter().find(|(_, c)| c.file.report.region == city);
    let year = counties.first().map_or(0, |c| c.file.report.year);
    let rankings = Rankings::new(
        counties
            .iter()
            .map(|c| Standing::of(&c.file, &c.facts))
            .collect(),
    );
    let ranked: Vec<_> = (0..counties.len()).map(|i| rankings.of(i)).collect();
    let members: Vec<County> = counties
        .iter()
        .zip(&ranked)
        .map(|(c, r)| County {
            region: &c.file.report.region,
            facts: &c.facts,
            ranked: r,
        })
        .collect();
    let catalogue = options.catalogue.unwrap_or_else(|| Catalogue::standard());
    let table = crate::measure::rollup::rollup(
        &city,
        year,
        &members,
        own.map(|(_, c)| &c.facts),
        catalogue,
    );
    let mismatches: Vec<Diagnostic> = table
        .mismatches
        .iter()
        .map(|(key, message)| {
            let d = Diagnostic::warning(message.clone())
                .help("correct the city's figure or the county that is wrong");
            let d = match own {
                Some((path, _)) => d.in_file(path).key(format!("indicators.{key}.current")),
                None => d,
            };
            if options.strict { d.escalate() } else { d }
        })
        .collect();
    if options.strict && !mismatches.is_empty() {
        return Err(Diagnostics(mismatches));
    }
    let signed = own.map(|(_, c)| (c.facts.report.issuer.as_str(), c.facts.report.date.as_str()));
    let docx = crate::layout::lay_out(&outline(&table, signed)).map_err(|e| {
        Diagnostics::from(Diagnostic::error(format!(
            "internal error while laying out the table: {e}"
        )))
    })?;
    let csv = csv(&table)
        .map_err(|e| Diagnostics::from(Diagnostic::error(format!("cannot write the CSV: {e}"))))?;
    Ok(Built {
        counties: counties.len(),
        table,
        docx,
        csv,
        mismatches,
    })
}

const HEADER: [&str; 6] = ["指标(单位)", "县市区", "本年", "上年", "同比", "排名"];

/// The table's rows: per indicator its counties, then 合计 and 市级填报 where they apply.
fn rows(rollup: &Rollup) -> Vec<Vec<String>> {
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
pub fn outline(rollup: &Rollup, signed: Option<(&str, &str)>) -> Outline {
    let mismatches = rollup.mismatches.len();
    let mut outline = Outline {
        title: vec![
            format!("{}各县市区主要科技指标汇总表", rollup.city),
            format!("({}年)", rollup.year),
        ],
        blocks: vec![Block::Table(Table {
            kind: TableKind::Rollup,
            caption: String::new(),
            header: HEADER.map(String::from).to_vec(),
            rows: rows(rollup),
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
pub fn csv(rollup: &Rollup) -> Result<Vec<u8>, String> {
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
