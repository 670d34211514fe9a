//! Stage 3, measure: the typed model → typed facts, every comparison computed here.
//!
//! The facts are numbers: each indicator's values and each comparison as an exact result, the
//! places it prints with and the way it points once rounded ([`facts`]). Each computed figure
//! is also recorded as a [`Figure`] (inputs, formula, exact result, places, the phrase it
//! justifies) so that a draft can be audited figure by figure. Nothing here chooses a word.
//!
//! Percentages and absolute changes are each rounded from the exact inputs, never one from
//! the other.
//!
//! - [`facts`]: what this stage produces;
//! - `indicator`: one indicator against last year, its target and next year's target;
//! - `series`: several years of one indicator (连续N年增长, 创历史新高, 年均增长);
//! - `shares`: parts of a total and indicators derived from two others (占比, 比重);
//! - [`rank`], [`totals`]: a batch's rankings, and a city's counties side by side with their totals;
//! - [`decimal`], `units`: rounding and unit scaling.
//!
//! Wording is chosen in [`crate::zh`]; the checks that compare these facts with each other and
//! with the prose are in [`crate::validate::consistency`].

pub mod decimal;
pub mod facts;
mod indicator;
pub mod rank;
mod series;
mod shares;
pub mod totals;
pub(crate) mod units;

use indexmap::IndexMap;
use rust_decimal::Decimal;

use crate::model::{Indicator, IndicatorKind, ReportFile, ReportKind, ReportMeta};
pub use facts::{
    Change, Citable, Facts, Figure, FigureKind, IndicatorFacts, Places, RankField, ReportFacts,
    Says, Trend, Yoy,
};

/// Decimal places of growth percentages unless the file says otherwise (增长66.9%).
pub const DEFAULT_PERCENT_PRECISION: u32 = 1;
/// Decimal places of a figure computed by division (a derived ratio) unless the file says
/// otherwise, and the most a figure converted from another unit prints with (3.75亿元).
pub const DEFAULT_PRECISION: u32 = 2;

/// The kind an indicator is compared as: stated, or inferred from its unit.
pub fn kind_of(indicator: &Indicator) -> IndicatorKind {
    indicator.kind.unwrap_or_else(|| {
        if indicator.unit.trim() == "%" {
            IndicatorKind::Ratio
        } else if crate::zh::units::COUNTS.contains(&indicator.unit.trim()) {
            IndicatorKind::Count
        } else {
            IndicatorKind::Amount
        }
    })
}

/// Decimal places an indicator's values are shown with, when set: its own precision, else the
/// document's for amounts and ratios; counts are whole. `None`: as typed.
pub fn precision_of(indicator: &Indicator, meta: &ReportMeta) -> Option<u32> {
    match kind_of(indicator) {
        IndicatorKind::Count => Some(0),
        IndicatorKind::Amount | IndicatorKind::Ratio => indicator.precision.or(meta.precision),
    }
}

/// The months a report's figures cover: stated, or the whole year / the first half.
pub fn months_of(meta: &ReportMeta) -> u32 {
    meta.cutoff_month.unwrap_or(match meta.kind {
        ReportKind::Annual => 12,
        ReportKind::HalfYear => 6,
    })
}

/// Settings that apply to every indicator of a report.
pub(crate) struct Settings {
    pub year: i32,
    pub percent_precision: u32,
    pub tolerance: Option<Decimal>,
    pub multiples: bool,
    /// Exact share of the year elapsed, in percent, for part-year reports.
    pub time_progress: Option<Decimal>,
}

impl Settings {
    fn of(meta: &ReportMeta) -> Settings {
        let months = months_of(meta);
        let part_year = months < 12;
        Settings {
            year: meta.year,
            percent_precision: meta.percent_precision.unwrap_or(DEFAULT_PERCENT_PRECISION),
            tolerance: meta.flat_tolerance.map(|t| t.get()),
            multiples: meta.multiples.unwrap_or(false),
            time_progress: part_year
                .then(|| decimal::percent_of(Decimal::from(months), Decimal::from(12)))
                .flatten(),
        }
    }
}

/// Measures a whole report.
pub fn measure(file: &ReportFile) -> Facts {
    let settings = Settings::of(&file.report);
    let mut figures = Vec::new();
    let mut indicators: IndexMap<String, IndicatorFacts> = IndexMap::new();
    for (key, ind) in &file.indicators {
        let facts = indicator::measure(key, ind, &file.report, &settings, &mut figures);
        indicators.insert(key.clone(), facts);
    }
    for (key, def) in &file.ratios {
        if let Some(derived) =
            shares::derive(key, def, &indicators, file.report.precision, &mut figures)
        {
            let facts = indicator::measure(key, &derived, &file.report, &settings, &mut figures);
            indicators.insert(key.clone(), facts);
        }
    }
    shares::part_of(file, &settings, &mut indicators, &mut figures);
    Facts {
        report: report_facts(file, &settings),
        indicators,
        figures,
    }
}

fn report_facts(file: &ReportFile, settings: &Settings) -> ReportFacts {
    let meta = &file.report;
    ReportFacts {
        issuer: meta.issuer.clone(),
        region: meta.region.clone(),
        city: meta.city.clone(),
        year: meta.year,
        kind: meta.kind,
        date: meta
            .date
            .date
            .map(|d| (i32::from(d.year), u32::from(d.month), u32::from(d.day))),
        title_lines: meta.title.as_ref().map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        }),
        months: months_of(meta),
        percent_places: settings.percent_precision,
        time_progress: settings.time_progress,
    }
}

/// A computation about to be recorded: what went in, how, and at what precision it prints.
#[derive(Clone, Copy)]
pub(crate) struct Calc<'a> {
    pub kind: FigureKind,
    pub inputs: &'a [(&'a str, Decimal)],
    pub formula: &'a str,
    pub exact: Decimal,
    pub places: u32,
}

impl Calc<'_> {
    /// The figure for the audit trail, saying which phrase it justifies.
    pub fn figure(&self, key: &str, says: Says) -> Figure {
        Figure {
            key: key.to_string(),
            kind: self.kind,
            inputs: self
                .inputs
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            formula: self.formula.into(),
            exact: self.exact,
            places: self.places,
            says,
            stated: None,
        }
    }
}

#[cfg(test)]
mod tests;
