//! A city's roll-up of its counties: per indicator, each county's value, change and rank,
//! the total where county figures add up, and the city's own stated figure checked against
//! that total.

use rust_decimal::Decimal;

use super::decimal::{fixed, percent_change, round_half_up};
use super::rank::Ranked;
use super::{Facts, IndicatorFacts, units};
use crate::zh::phrase::{self, Trend};
use indexmap::IndexMap;

use crate::model::IndicatorKind;

/// One county's line for one indicator.
#[derive(Debug, Clone)]
pub struct CountyLine {
    pub region: String,
    pub value: String,
    pub previous: String,
    pub comparison: String,
    /// 3 (of 12), or empty when not ranked.
    pub rank: String,
}

/// One indicator across the counties.
#[derive(Debug, Clone)]
pub struct Row {
    pub key: String,
    pub name: String,
    /// The unit every figure of the row is shown in.
    pub unit: String,
    pub counties: Vec<CountyLine>,
    /// The sum of the counties, where their figures add up.
    pub total: Option<CountyLine>,
    /// The city's own figure, where its file states one.
    pub stated: Option<String>,
    /// Stated − total, printed, when they differ.
    pub difference: Option<String>,
}

/// The whole roll-up.
#[derive(Debug, Clone)]
pub struct Rollup {
    pub city: String,
    pub year: i32,
    pub rows: Vec<Row>,
    /// One message per stated figure that does not equal the counties' sum.
    pub mismatches: Vec<(String, String)>,
}

/// A county as the roll-up sees it.
pub struct County<'a> {
    pub region: &'a str,
    pub facts: &'a Facts,
    pub ranked: &'a Ranked,
}

/// What the indicator catalogue says of a standard indicator, as far as a roll-up needs it.
#[derive(Debug, Clone)]
pub struct Standard {
    /// The unit every county's figure is shown in.
    pub unit: String,
    /// Whether county figures add up to the city's.
    pub sums: bool,
}

/// Builds the roll-up of `counties` (in the order given) against the city's own `stated`
/// facts. Indicators are taken in the order of `standards` (the catalogue's), then any others
/// in first-seen order.
pub fn rollup(
    city: &str,
    year: i32,
    counties: &[County],
    stated: Option<&Facts>,
    standards: &IndexMap<String, Standard>,
) -> Rollup {
    let mut keys: Vec<String> = standards
        .keys()
        .filter(|k| counties.iter().any(|c| c.facts.indicators.contains_key(*k)))
        .cloned()
        .collect();
    for c in counties {
        for k in c.facts.indicators.keys() {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    let mut out = Rollup {
        city: city.to_string(),
        year,
        rows: Vec::new(),
        mismatches: Vec::new(),
    };
    for key in keys {
        let Some(first) = counties.iter().find_map(|c| c.facts.indicators.get(&key)) else {
            continue;
        };
        let unit = standards
            .get(&key)
            .map_or(first.unit.clone(), |s| s.unit.clone());
        let precision = first.exact.precision;
        let kind = kind_of(first);
        let show = |v: Decimal| fixed(v, precision);
        let mut lines = Vec::new();
        let (mut sum, mut sum_previous, mut all_previous) = (Decimal::ZERO, Decimal::ZERO, true);
        for c in counties {
            let Some(f) = c.facts.indicators.get(&key) else {
                continue;
            };
            let factor = units::factor(&f.unit, &unit).unwrap_or(Decimal::ONE);
            let value = f.exact.current * factor;
            let previous = f.exact.previous.map(|p| p * factor);
            sum += value;
            match previous {
                Some(p) => sum_previous += p,
                None => all_previous = false,
            }
            lines.push(CountyLine {
                region: c.region.to_string(),
                value: show(value),
                previous: previous.map(show).unwrap_or_default(),
                comparison: f.comparison.clone().unwrap_or_default(),
                rank: c
                    .ranked
                    .ranks
                    .get(&key)
                    .map(|r| format!("{}/{}", r.rank, r.of))
                    .unwrap_or_default(),
            });
        }
        // Best first, as a ranking table reads; unranked lines keep their order at the end.
        lines.sort_by_key(|l| {
            l.rank
                .split('/')
                .next()
                .and_then(|r| r.parse::<u32>().ok())
                .unwrap_or(u32::MAX)
        });
        // Ratios never add up; other indicators do unless the catalogue says not.
        let adds_up = kind != IndicatorKind::Ratio && standards.get(&key).is_none_or(|s| s.sums);
        let total = adds_up.then(|| CountyLine {
            region: "合计".into(),
            value: show(sum),
            previous: if all_previous {
                show(sum_previous)
            } else {
                String::new()
            },
            comparison: if all_previous {
                comparison(kind, sum, sum_previous, precision, &unit)
            } else {
                String::new()
            },
            rank: String::new(),
        });
        let stated_value = stated
            .and_then(|s| s.indicators.get(&key))
            .and_then(|f| Some(f.exact.current * units::factor(&f.unit, &unit)?));
        let mut row = Row {
            key: key.clone(),
            name: first.name.clone(),
            unit: unit.clone(),
            counties: lines,
            total,
            stated: stated_value.map(show),
            difference: None,
        };
        if let (Some(stated), true) = (stated_value, adds_up) {
            let gap = round_half_up(stated - sum, precision);
            if !gap.is_zero() {
                let diff = show(stated - sum);
                out.mismatches.push((
                    key.clone(),
                    format!(
                        "{city} states {} as {}{unit}, but its counties add up to {}{unit}: a difference of {diff}{unit}",
                        row.name,
                        show(stated),
                        show(sum)
                    ),
                ));
                row.difference = Some(diff);
            }
        }
        out.rows.push(row);
    }
    out
}

fn kind_of(f: &IndicatorFacts) -> IndicatorKind {
    match f.kind.as_str() {
        "ratio" => IndicatorKind::Ratio,
        "count" => IndicatorKind::Count,
        _ => IndicatorKind::Amount,
    }
}

/// The total's change, worded like a county's: 增长12.3% for amounts, 增加8家 for counts.
fn comparison(
    kind: IndicatorKind,
    now: Decimal,
    before: Decimal,
    precision: u32,
    unit: &str,
) -> String {
    if kind == IndicatorKind::Count || before <= Decimal::ZERO {
        let delta = now - before;
        return phrase::change(
            Trend::of(round_half_up(delta, precision)),
            &fixed(delta, precision),
            unit,
        );
    }
    percent_change(now, before)
        .map(|p| {
            let places = super::DEFAULT_PERCENT_PRECISION;
            phrase::growth(Trend::of(round_half_up(p, places)), &fixed(p, places))
        })
        .unwrap_or_default()
}
