//! `zongjie rollup`: a city's counties in one table (DOCX and CSV) — each county's figure,
//! change and rank per indicator, the totals, and the city's own figures checked against them.
//!
//! The numbers come from [`crate::measure::totals`]; this module finds the city and its
//! counties among the files, and lays the result out as DOCX and CSV.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Source;
use crate::load::catalogue::Catalogue;
use crate::measure::decimal::fixed;
use crate::measure::rank::{Meanings, Rankings, Standing};
use crate::measure::totals::{County, Rollup, Row, Standard};
use crate::views::tables::{rollup_csv, rollup_outline};
use crate::zh::{hint, period};
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
pub fn build(inputs: &[PathBuf], options: Options) -> Result<Built, Diagnostics> {
    let mut checked: Vec<(PathBuf, Checked)> = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match Source::read(input)
            .map_err(Diagnostics::from)
            .and_then(|s| check(&s, options))
        {
            Ok(c) => checked.push((input.clone(), c)),
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    // The city is the one the county files name; a folder naming two cities is two
    // roll-ups, and summing either without a word would drop the other's counties. Names
    // are compared as a reader sees them (crate::safe::same_name): 怀化市 typed with a
    // trailing space or a zero-width space is still 怀化市.
    let city_of = |c: &Checked| c.file.report.city.as_deref().map(crate::safe::same_name);
    let region_of = |c: &Checked| crate::safe::same_name(&c.file.report.region);
    let named: Vec<String> = checked.iter().filter_map(|(_, c)| city_of(c)).collect();
    // The counties are the files whose region no file names as its city; a city's own file
    // (region 怀化市) names its province, which is no candidate.
    let mut cities: Vec<String> = checked
        .iter()
        .filter(|(_, c)| !named.contains(&region_of(c)))
        .filter_map(|(_, c)| city_of(c))
        .collect();
    cities.sort();
    cities.dedup();
    let city = match cities.as_slice() {
        [] => {
            return Err(Diagnostics::from(
                Diagnostic::error("none of the files names its city ([report].city)").help(
                    format!(
                        "give each county file city = \"{}\" (the city it reports to)",
                        hint::CITY_EXAMPLE
                    ),
                ),
            ));
        }
        [one] => one.clone(),
        many => {
            let example = |city: &String| {
                checked
                    .iter()
                    .find(|(_, c)| city_of(c).as_ref() == Some(city))
                    .map(|(p, _)| p.display().to_string())
                    .unwrap_or_default()
            };
            return Err(Diagnostic::error(format!(
                "the files report to {} cities ({}), e.g. {} and {}: a roll-up is one city's",
                many.len(),
                many.join(", "),
                example(&many[0]),
                example(&many[1])
            ))
            .help("roll up each city's files from a folder of their own")
            .into());
        }
    };
    let in_city = |c: &Checked| city_of(c).as_ref() == Some(&city);
    let counties: Vec<&Checked> = checked
        .iter()
        .map(|(_, c)| c)
        .filter(|c| in_city(c))
        .collect();
    let own = checked.iter().find(|(_, c)| region_of(c) == city);
    // One period, each county once, units that add up: else the totals would be wrong.
    let meanings = Meanings::default();
    let standings: Vec<(&Path, Standing)> = checked
        .iter()
        .filter(|(_, c)| in_city(c) || own.is_some_and(|(_, o)| std::ptr::eq(o, c)))
        .map(|(path, c)| (path.as_path(), Standing::of(&c.file, &c.facts, &meanings)))
        .collect();
    let members: Vec<(&Path, &Standing)> = standings.iter().map(|(p, s)| (*p, s)).collect();
    crate::ops::set::refuse_ambiguous(&members)?;
    let year = counties.first().map_or(0, |c| c.file.report.year);
    let rankings = Rankings::new(
        counties
            .iter()
            .map(|c| Standing::of(&c.file, &c.facts, &meanings))
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
    let catalogue = match options.profile {
        Some(p) => &p.catalogue,
        None => Catalogue::standard(),
    };
    let standards = catalogue
        .indicators
        .iter()
        .map(|(key, e)| {
            let standard = Standard {
                unit: e.unit.clone(),
                sums: e.sum,
            };
            (key.clone(), standard)
        })
        .collect();
    let table = crate::measure::totals::rollup(
        &city,
        year,
        &members,
        own.map(|(_, c)| &c.facts),
        &standards,
    );
    let mismatches: Vec<Diagnostic> = table
        .mismatches()
        .map(|row| {
            let d = Diagnostic::warning(mismatch(&city, row))
                .help("correct the city's figure or the county that is wrong");
            let d = match own {
                Some((path, _)) => d
                    .in_file(path)
                    .key(format!("indicators.{}.current", row.key)),
                None => d,
            };
            if options.strict { d.escalate() } else { d }
        })
        .collect();
    if options.strict && !mismatches.is_empty() {
        return Err(Diagnostics(mismatches));
    }
    let signed = own.map(|(_, c)| (c.facts.report.issuer.clone(), period::date(&c.facts.report)));
    let docx = crate::layout::lay_out(&rollup_outline(&table, signed)).map_err(|e| {
        Diagnostics::from(Diagnostic::error(format!(
            "internal error while laying out the table: {e}"
        )))
    })?;
    let csv = rollup_csv(&table)
        .map_err(|e| Diagnostics::from(Diagnostic::error(format!("cannot write the CSV: {e}"))))?;
    Ok(Built {
        counties: counties.len(),
        table,
        docx,
        csv,
        mismatches,
    })
}

/// A city figure that is not its counties' total, both figures named.
fn mismatch(city: &str, row: &Row) -> String {
    let show = |v: Decimal| format!("{}{}", fixed(v, row.places), row.unit);
    let stated = row.stated.unwrap_or_default();
    let total = row.total.as_ref().map_or(Decimal::ZERO, |t| t.value);
    format!(
        "{city} states {} as {}, but its counties add up to {}: a difference of {}",
        row.name,
        show(stated),
        show(total),
        show(stated - total)
    )
}
