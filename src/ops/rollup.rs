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
use crate::measure::rank::{Rankings, Standing};
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
    // The city is the superior most files name; its counties are those files.
    // Names compared as typed but for spaces around them: a county whose `city` ends in a
    // space is still the city's.
    let mut cities: Vec<&str> = checked
        .iter()
        .filter_map(|(_, c)| c.file.report.city.as_deref().map(str::trim))
        .collect();
    cities.sort();
    let city = cities
        .chunk_by(|a, b| a == b)
        .max_by_key(|g| g.len())
        .and_then(|g| g.first().copied())
        .ok_or_else(|| {
            Diagnostics::from(
                Diagnostic::error("none of the files names its city ([report].city)").help(
                    format!(
                        "give each county file city = \"{}\" (the city it reports to)",
                        hint::CITY_EXAMPLE
                    ),
                ),
            )
        })?
        .to_string();
    let in_city = |c: &Checked| c.file.report.city.as_deref().map(str::trim) == Some(city.as_str());
    let counties: Vec<&Checked> = checked
        .iter()
        .map(|(_, c)| c)
        .filter(|c| in_city(c))
        .collect();
    let own = checked
        .iter()
        .find(|(_, c)| c.file.report.region.trim() == city);
    // One period, each county once, units that add up: else the totals would be wrong.
    let standings: Vec<(&Path, Standing)> = checked
        .iter()
        .filter(|(_, c)| in_city(c) || own.is_some_and(|(_, o)| std::ptr::eq(o, c)))
        .map(|(path, c)| (path.as_path(), Standing::of(&c.file, &c.facts)))
        .collect();
    let members: Vec<(&Path, &Standing)> = standings.iter().map(|(p, s)| (*p, s)).collect();
    crate::ops::set::refuse_ambiguous(&members)?;
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
