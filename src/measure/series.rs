//! Several years of one indicator: 连续N年增长, 创历史新高, 首次突破, 年均增长, and the average
//! growth a plan value for a later year needs.
//!
//! Rises and falls are judged at the decimals the indicator prints with: two years that both
//! read 57家 are not a rise.

use rust_decimal::Decimal;

use super::decimal::{compound_growth, round_half_up};
use super::facts::{Average, Outlook};
use super::indicator::{Measurer, Values};
use super::{Calc, Change, Citable, FigureKind, IndicatorFacts, Says, Trend};
use crate::model::{Better, IndicatorKind};

impl Measurer<'_> {
    pub(super) fn measure_series(&mut self, f: &mut IndicatorFacts, values: &Values) {
        let series = &values.series;
        let inputs: Vec<(String, Decimal)> =
            series.iter().map(|(y, v)| (y.to_string(), *v)).collect();
        let inputs: Vec<(&str, Decimal)> = inputs.iter().map(|(y, v)| (y.as_str(), *v)).collect();
        let current = values.current;
        let earlier = &series[..series.len().saturating_sub(1)];

        if let Some((years, rising)) = self.streak(series) {
            self.record(
                Calc {
                    kind: FigureKind::Streak,
                    inputs: &inputs,
                    formula: "consecutive yearly changes in one direction, ending this year",
                    exact: Decimal::from(years),
                    places: 0,
                },
                Says::Field(Citable::Streak),
            );
            f.series.streak = Some((years, rising));
        }

        let rounded = |v: Decimal| round_half_up(v, self.places.computed());
        if self.better == Better::Higher
            && earlier.len() >= 2
            && earlier.iter().all(|(_, v)| rounded(*v) < rounded(current))
        {
            let best = earlier.iter().map(|(_, v)| *v).max().unwrap_or_default();
            self.record(
                Calc {
                    kind: FigureKind::RecordHigh,
                    inputs: &inputs,
                    formula: "current > every earlier year",
                    exact: current - best,
                    places: self.places.of(current - best),
                },
                Says::Field(Citable::Record),
            );
            f.series.record = true;
        }

        let first_crossed = values
            .milestones
            .iter()
            .filter(|m| current >= **m && !earlier.is_empty())
            .filter(|m| earlier.iter().all(|(_, v)| v < *m))
            .max();
        if let Some(threshold) = first_crossed {
            self.record(
                Calc {
                    kind: FigureKind::Milestone,
                    inputs: &[("current", current), ("threshold", *threshold)],
                    formula: "current ≥ threshold > every earlier year",
                    exact: current,
                    places: self.places.of(current),
                },
                Says::Field(Citable::Milestone),
            );
            f.series.milestone = Some(*threshold);
        }

        if let Some(&(base_year, base)) = series.first()
            && self.settings.year - base_year >= 2
        {
            let years = (self.settings.year - base_year) as u32;
            let inputs = [
                ("base", base),
                ("current", current),
                ("years", Decimal::from(years)),
            ];
            let formulas = Formulas {
                points: "(current − base) ÷ years",
                growth: "((current ÷ base)^(1 ÷ years) − 1) × 100",
            };
            if let Some((calc, change)) = self.yearly(base, current, years, &inputs, formulas) {
                self.record(calc, Says::Field(Citable::AverageGrowth));
                f.series.average = Some(Average {
                    since: base_year,
                    change,
                });
            }
        }

        if let Some((year, value)) = values.outlook {
            let years = (year - self.settings.year).max(0) as u32;
            let inputs = [
                ("current", current),
                ("plan", value),
                ("years", Decimal::from(years)),
            ];
            let formulas = Formulas {
                points: "(plan − current) ÷ years",
                growth: "((plan ÷ current)^(1 ÷ years) − 1) × 100",
            };
            let yearly = self.yearly(current, value, years, &inputs, formulas);
            if let Some((calc, _)) = &yearly {
                let calc = Calc {
                    kind: FigureKind::OutlookGrowth,
                    ..*calc
                };
                self.record(calc, Says::Field(Citable::OutlookGrowth));
            }
            f.outlook = Some(Outlook {
                year,
                value,
                yearly: yearly.map(|(_, change)| change),
            });
        }
    }

    /// The longest run of rises (or falls) ending this year, when it is two years or more;
    /// years must follow each other without a gap.
    fn streak(&self, series: &[(i32, Decimal)]) -> Option<(usize, bool)> {
        let mut direction = None;
        let mut years = 0;
        for pair in series.windows(2).rev() {
            let ((y0, v0), (y1, v1)) = (pair[0], pair[1]);
            let printed = |v: Decimal| round_half_up(v, self.places.of(v));
            let step = Trend::of(printed(v1) - printed(v0));
            if y1 - y0 != 1 || !step.moved() {
                break;
            }
            let rising = step == Trend::Up;
            match direction {
                None => direction = Some(rising),
                Some(d) if d != rising => break,
                Some(_) => {}
            }
            years += 1;
        }
        direction.filter(|_| years >= 2).map(|d| (years, d))
    }

    /// Average yearly change from `from` to `to` over `years`: compound growth in percent, or
    /// for a ratio the points per year.
    fn yearly<'i>(
        &self,
        from: Decimal,
        to: Decimal,
        years: u32,
        inputs: &'i [(&'i str, Decimal)],
        formulas: Formulas,
    ) -> Option<(Calc<'i>, Change)> {
        if years == 0 {
            return None;
        }
        if self.kind == IndicatorKind::Ratio {
            let per_year = (to - from) / Decimal::from(years);
            return Some((
                Calc {
                    kind: FigureKind::AverageGrowth,
                    inputs,
                    formula: formulas.points,
                    exact: per_year,
                    places: self.places.computed(),
                },
                Change::new(per_year, self.places.computed()),
            ));
        }
        let pp = self.percent_places();
        let rate = compound_growth(to, from, years)?;
        Some((
            Calc {
                kind: FigureKind::AverageGrowth,
                inputs,
                formula: formulas.growth,
                exact: rate,
                places: pp,
            },
            Change::new(rate, pp),
        ))
    }
}

/// How an average yearly change is computed, named by its inputs.
#[derive(Clone, Copy)]
struct Formulas {
    /// A ratio's points per year.
    points: &'static str,
    /// Compound growth in percent.
    growth: &'static str,
}
