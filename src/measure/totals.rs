//! A city's roll-up of its counties: per indicator, each county's value, change and rank,
//! the total where county figures add up, and the city's own stated figure checked against
//! that total.

use indexmap::IndexMap;
use rust_decimal::Decimal;

use super::decimal::{percent_change, round_half_up};
use super::rank::Ranked;
use super::{Change, DEFAULT_PERCENT_PRECISION, Facts, IndicatorFacts, units};
use crate::model::IndicatorKind;

/// One county's line for one indicator.
#[derive(Debug, Clone)]
pub struct CountyLine {
    pub region: String,
    /// This year's and last year's figures in the row's unit.
    pub value: Decimal,
    pub previous: Option<Decimal>,
    /// The county's own measured indicator (its comparison is said in its own terms).
    pub indicator: IndicatorFacts,
    /// Its rank and how many were ranked, when ranked.
    pub rank: Option<(u32, usize)>,
}

/// The counties' total for one indicator.
#[derive(Debug, Clone)]
pub struct Total {
    pub value: Decimal,
    /// Last year's total, when every county gives last year's figure.
    pub previous: Option<Decimal>,
    /// The total's change: in things for counts (and from a base of zero or below), else in
    /// percent.
    pub change: Option<TotalChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalChange {
    Change(Change),
    Percent(Change),
}

/// One indicator across the counties.
#[derive(Debug, Clone)]
pub struct Row {
    pub key: String,
    pub name: String,
    /// The unit every figure of the row is shown in.
    pub unit: String,
    pub kind: IndicatorKind,
    /// Decimal places of the row's figures.
    pub places: u32,
    /// Best first; unranked counties after, in the order given.
    pub counties: Vec<CountyLine>,
    /// The sum of the counties, where their figures add up.
    pub total: Option<Total>,
    /// The city's own figure, where its file states one.
    pub stated: Option<Decimal>,
    /// Stated − total, when they differ at the row's precision.
    pub difference: Option<Decimal>,
}

/// The whole roll-up.
#[derive(Debug, Clone)]
pub struct Rollup {
    pub city: String,
    pub year: i32,
    pub rows: Vec<Row>,
}

impl Rollup {
    /// The rows whose stated figure differs from the counties' total.
    pub fn mismatches(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.difference.is_some())
    }
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
    };
    for key in keys {
        let Some(first) = counties.iter().find_map(|c| c.facts.indicators.get(&key)) else {
            continue;
        };
        let unit = standards
            .get(&key)
            .map_or(first.unit.clone(), |s| s.unit.clone());
        // One number of decimals for the row, the most any county's figures need in the
        // row's unit: 4000万元 is 0.4亿元, not 0 (at most DEFAULT_PRECISION once converted).
        let places = counties
            .iter()
            .filter_map(|c| c.facts.indicators.get(&key))
            .map(|f| {
                let factor = units::factor(&f.unit, &unit).unwrap_or(Decimal::ONE);
                let converted = [Some(f.current), f.previous]
                    .into_iter()
                    .flatten()
                    .map(|v| (v * factor).normalize().scale())
                    .max()
                    .unwrap_or(0);
                if factor == Decimal::ONE {
                    f.places.computed()
                } else {
                    f.places
                        .computed()
                        .max(converted.min(super::DEFAULT_PRECISION))
                }
            })
            .max()
            .unwrap_or(0);
        let kind = first.kind;
        let mut lines = Vec::new();
        let (mut sum, mut sum_previous, mut all_previous) = (Decimal::ZERO, Decimal::ZERO, true);
        for c in counties {
            let Some(f) = c.facts.indicators.get(&key) else {
                continue;
            };
            let factor = units::factor(&f.unit, &unit).unwrap_or(Decimal::ONE);
            let value = f.current * factor;
            let previous = f.previous.map(|p| p * factor);
            sum += value;
            match previous {
                Some(p) => sum_previous += p,
                None => all_previous = false,
            }
            lines.push(CountyLine {
                region: c.region.to_string(),
                value,
                previous,
                indicator: f.clone(),
                rank: c
                    .ranked
                    .ranks
                    .get(&key)
                    .map(|r| (r.rank, r.of.unwrap_or_default())),
            });
        }
        // Best first, as a ranking table reads; unranked lines keep their order at the end.
        lines.sort_by_key(|l| l.rank.map_or(u32::MAX, |(rank, _)| rank));
        // Ratios never add up; other indicators do unless the catalogue says not.
        let adds_up = kind != IndicatorKind::Ratio && standards.get(&key).is_none_or(|s| s.sums);
        let total = adds_up.then(|| Total {
            value: sum,
            previous: all_previous.then_some(sum_previous),
            change: all_previous
                .then(|| total_change(kind, sum, sum_previous, places))
                .flatten(),
        });
        let stated_value = stated
            .and_then(|s| s.indicators.get(&key))
            .and_then(|f| Some(f.current * units::factor(&f.unit, &unit)?));
        let difference = stated_value
            .filter(|_| adds_up)
            .map(|stated| stated - sum)
            .filter(|gap| !round_half_up(*gap, places).is_zero());
        out.rows.push(Row {
            key: key.clone(),
            name: first.name.clone(),
            unit,
            kind,
            places,
            counties: lines,
            total,
            stated: stated_value,
            difference,
        });
    }
    out
}

/// The total's change, measured like a county's: percent for amounts, things for counts.
fn total_change(
    kind: IndicatorKind,
    now: Decimal,
    before: Decimal,
    places: u32,
) -> Option<TotalChange> {
    if kind == IndicatorKind::Count || before <= Decimal::ZERO {
        return Some(TotalChange::Change(Change::new(now - before, places)));
    }
    percent_change(now, before)
        .map(|p| TotalChange::Percent(Change::new(p, DEFAULT_PERCENT_PRECISION)))
}
