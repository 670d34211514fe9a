//! One indicator: this period against last year, against its target, and next period's
//! target against this period.

use rust_decimal::Decimal;

use super::decimal::{fixed, percent_change, percent_of, round_half_up};
use super::{
    Calc, Exact, Figure, FigureKind, IndicatorFacts, PartFacts, Settings, kind_name, kind_of,
    precision_of, units,
};
use crate::model::{Better, Indicator, IndicatorKind, ReportMeta};
use crate::zh::phrase::{self, Trend};

/// An indicator's figures in its display unit, with its years in order.
pub(super) struct Values {
    pub current: Decimal,
    pub previous: Option<Decimal>,
    pub target: Option<Decimal>,
    pub next_target: Option<Decimal>,
    /// Earlier years and this one, ascending: `history`, then `previous`, then `current`.
    pub series: Vec<(i32, Decimal)>,
    pub milestones: Vec<Decimal>,
    pub outlook: Option<(i32, Decimal)>,
    pub parts: Vec<(String, Decimal, Option<Decimal>)>,
}

impl Values {
    /// Reads the figures of `ind`, scaled from its `input_unit` to its display unit.
    pub fn of(key: &str, ind: &Indicator, year: i32, figures: &mut Vec<Figure>) -> Values {
        let input_unit = ind.input_unit.as_deref().unwrap_or(&ind.unit);
        let factor = units::factor(input_unit, &ind.unit).unwrap_or(Decimal::ONE);
        let scale = |v: Decimal| v * factor;
        if factor != Decimal::ONE {
            let formula = format!(
                "current ({input_unit}) × {} → {}",
                factor.normalize(),
                ind.unit
            );
            let calc = Calc {
                kind: FigureKind::UnitConversion,
                inputs: &[("current", ind.current.get())],
                formula: &formula,
                exact: scale(ind.current.get()),
                places: scale(ind.current.get()).normalize().scale(),
            };
            let text = format!("{}{}", scale(ind.current.get()).normalize(), ind.unit);
            figures.push(calc.figure(key, &text));
        }
        let mut history: Vec<(i32, Decimal)> = ind
            .history
            .iter()
            .filter_map(|(y, v)| Some((y.trim().parse::<i32>().ok()?, scale(v.get()))))
            .filter(|(y, _)| *y < year)
            .collect();
        let previous = ind.previous.map(|p| scale(p.get())).or_else(|| {
            history
                .iter()
                .find(|(y, _)| *y == year - 1)
                .map(|(_, v)| *v)
        });
        history.retain(|(y, _)| *y != year - 1);
        history.extend(previous.map(|p| (year - 1, p)));
        history.push((year, scale(ind.current.get())));
        history.sort_by_key(|(y, _)| *y);
        Values {
            current: scale(ind.current.get()),
            previous,
            target: ind.target.map(|t| scale(t.get())),
            next_target: ind.next_target.map(|t| scale(t.get())),
            series: history,
            milestones: ind.milestones.iter().map(|m| scale(m.get())).collect(),
            outlook: ind.outlook.as_ref().map(|o| (o.year, scale(o.value.get()))),
            parts: ind
                .parts
                .iter()
                .map(|p| {
                    (
                        p.name.clone(),
                        scale(p.current.get()),
                        p.previous.map(|v| scale(v.get())),
                    )
                })
                .collect(),
        }
    }
}

/// Measures one indicator and appends its figures to the audit trail.
pub(super) fn measure(
    key: &str,
    ind: &Indicator,
    meta: &ReportMeta,
    settings: &Settings,
    figures: &mut Vec<Figure>,
) -> IndicatorFacts {
    let values = Values::of(key, ind, settings.year, figures);
    let kind = kind_of(ind);
    let mut m = Measurer {
        key,
        unit: &ind.unit,
        kind,
        precision: precision_of(ind, meta),
        tolerance: ind.flat_tolerance.map(|t| t.get()).or(settings.tolerance),
        multiples: ind.multiples.unwrap_or(settings.multiples),
        relative: ind.relative_change.unwrap_or(false),
        better: ind.better.unwrap_or_default(),
        settings,
        figures,
    };
    let current = values.current;
    let mut f = IndicatorFacts {
        key: key.to_string(),
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        kind: kind_name(kind).into(),
        number: fixed(current, m.precision),
        value: m.with_unit(current),
        exact: Exact {
            precision: m.precision,
            current,
            previous: values.previous,
            next_target: values.next_target,
            better: m.better,
            ..Default::default()
        },
        ..Default::default()
    };
    f.summary = f.value.clone();
    if let Some(previous) = values.previous {
        m.compare_with_previous(&mut f, current, previous);
    }
    if let Some(target) = values.target {
        m.compare_with_target(&mut f, current, target);
    }
    if let Some(next) = values.next_target {
        m.compare_next(&mut f, current, next);
    }
    m.measure_parts(&mut f, &values);
    m.measure_series(&mut f, &values);
    f
}

pub(super) struct Measurer<'a> {
    pub key: &'a str,
    pub unit: &'a str,
    pub kind: IndicatorKind,
    pub precision: u32,
    pub tolerance: Option<Decimal>,
    pub multiples: bool,
    pub relative: bool,
    pub better: Better,
    pub settings: &'a Settings,
    pub figures: &'a mut Vec<Figure>,
}

impl Measurer<'_> {
    pub fn with_unit(&self, value: Decimal) -> String {
        format!("{}{}", fixed(value, self.precision), self.unit)
    }

    pub fn percent_places(&self) -> u32 {
        self.settings.percent_precision
    }

    pub fn record(&mut self, calc: Calc, text: &str) {
        self.figures.push(calc.figure(self.key, text));
    }

    /// The trend of a figure rounded at `places`, within this indicator's tolerance.
    fn trend(&self, exact: Decimal, places: u32) -> Trend {
        Trend::within(round_half_up(exact, places), exact, self.tolerance)
    }

    fn compare_with_previous(
        &mut self,
        f: &mut IndicatorFacts,
        current: Decimal,
        previous: Decimal,
    ) {
        let part_year = self.settings.part_year;
        f.previous = Some(self.with_unit(previous));
        f.previous_number = Some(fixed(previous, self.precision));
        let p = self.precision;
        let pp = self.percent_places();
        let delta = current - previous;
        let delta_trend = Trend::of(round_half_up(delta, p));
        let delta_text = fixed(delta, p);
        let inputs = [("current", current), ("previous", previous)];
        let difference = |kind| Calc {
            kind,
            inputs: &inputs,
            formula: "current − previous",
            exact: delta,
            places: p,
        };

        if self.kind == IndicatorKind::Ratio {
            let text = phrase::points(self.trend(delta, p), &delta_text);
            self.record(difference(FigureKind::YoyPoints), &text);
            f.exact.points = Some(delta);
            if let Some(pct) =
                percent_change(current, previous).filter(|_| previous > Decimal::ZERO)
            {
                f.exact.relative = Some(pct);
                if self.relative {
                    let rel = phrase::growth(self.trend(pct, pp), &fixed(pct, pp));
                    let calc = Calc {
                        kind: FigureKind::YoyRelative,
                        inputs: &inputs,
                        formula: "(current − previous) ÷ previous × 100",
                        exact: pct,
                        places: pp,
                    };
                    self.record(calc, &rel);
                    f.relative = Some(rel);
                }
            }
            f.yoy = Some(phrase::year_on_year(&text));
            f.summary = format!("{},{}", f.value, phrase::year_on_year(&text));
            f.points = Some(text.clone());
            f.comparison = Some(text);
            return;
        }

        let change = phrase::change(delta_trend, &delta_text, self.unit);
        self.record(difference(FigureKind::YoyChange), &change);
        f.change = Some(change.clone());

        let comparison = if previous < Decimal::ZERO {
            // A percentage of a negative base reads backwards (−50 → −20 is "−60%"): say
            // the loss shrank or grew, or that the figure turned positive.
            let text = if current > Decimal::ZERO {
                phrase::sign_change(true)
            } else {
                phrase::loss_change(delta_trend, &delta_text, self.unit)
            };
            self.record(difference(FigureKind::YoySigned), &text);
            text
        } else if previous.is_zero() {
            if current.is_zero() {
                "持平".into()
            } else {
                self.record(
                    difference(FigureKind::YoyFromZero),
                    &phrase::from_zero_base(),
                );
                f.yoy = Some(phrase::from_zero_base());
                f.comparison = Some(phrase::added(&f.value));
                f.summary = format!("{},{}", f.value, phrase::from_zero_base());
                return;
            }
        } else if current < Decimal::ZERO {
            let text = phrase::sign_change(false);
            self.record(difference(FigureKind::YoySigned), &text);
            text
        } else {
            self.growth(f, current, previous, &inputs)
        };
        f.yoy = Some(if previous.is_zero() {
            phrase::against_last_year(Trend::Flat, &change, part_year)
        } else {
            phrase::year_on_year(&comparison)
        });
        f.comparison = Some(comparison);
        // Counts read best in things (比上年增加8家); amounts in percent.
        let tail = if self.kind == IndicatorKind::Count && f.growth.is_some() {
            phrase::against_last_year(delta_trend, &change, part_year)
        } else {
            f.yoy.clone().unwrap_or_default()
        };
        f.summary = format!("{},{}", f.value, tail);
    }

    /// Growth from a positive base to a non-negative value: percent, multiple, doubling.
    fn growth(
        &mut self,
        f: &mut IndicatorFacts,
        current: Decimal,
        previous: Decimal,
        inputs: &[(&str, Decimal)],
    ) -> String {
        let pp = self.percent_places();
        let Some(pct) = percent_change(current, previous) else {
            return String::new();
        };
        f.exact.growth = Some(pct);
        let percent = phrase::growth(self.trend(pct, pp), &fixed(pct, pp));
        self.record(
            Calc {
                kind: FigureKind::YoyPercent,
                inputs,
                formula: "(current − previous) ÷ previous × 100",
                exact: pct,
                places: pp,
            },
            &percent,
        );
        f.growth_percent = Some(percent.clone());
        let mut chosen = percent;
        if round_half_up(pct, pp) >= Decimal::ONE_HUNDRED {
            let times = pct / Decimal::ONE_HUNDRED;
            let multiple = phrase::multiple(&fixed(times, pp));
            self.record(
                Calc {
                    kind: FigureKind::YoyMultiple,
                    inputs,
                    formula: "(current − previous) ÷ previous",
                    exact: times,
                    places: pp,
                },
                &multiple,
            );
            if self.multiples {
                chosen = multiple.clone();
            }
            f.multiple = Some(multiple);
            // 翻N番: the value is at least 2^N times the base.
            let mut doublings = 0;
            let mut bar = previous * Decimal::TWO;
            while current >= bar && doublings < 20 {
                doublings += 1;
                bar *= Decimal::TWO;
            }
            if doublings > 0 {
                let text = phrase::doubling(doublings);
                self.record(
                    Calc {
                        kind: FigureKind::YoyDoubling,
                        inputs,
                        formula: "current ÷ previous ≥ 2^N",
                        exact: current / previous,
                        places: pp,
                    },
                    &text,
                );
                f.doubling = Some(text);
            }
        }
        f.growth = Some(chosen.clone());
        chosen
    }

    fn compare_with_target(&mut self, f: &mut IndicatorFacts, current: Decimal, target: Decimal) {
        let part_year = self.settings.part_year;
        let p = self.precision;
        let pp = self.percent_places();
        f.target = Some(self.with_unit(target));
        f.target_number = Some(fixed(target, p));
        // Positive when the target is beaten, whichever way is good.
        let (gap, formula) = match self.better {
            Better::Higher => (current - target, "current − target"),
            Better::Lower => (target - current, "target − current"),
        };
        let gap_unit = if self.kind == IndicatorKind::Ratio {
            "个百分点"
        } else {
            self.unit
        };
        let gap_trend = Trend::of(round_half_up(gap, p));
        let gap_text = fixed(gap, p);
        let status = phrase::target_status(gap_trend, &gap_text, gap_unit, part_year);
        let inputs = [("current", current), ("target", target)];
        self.record(
            Calc {
                kind: FigureKind::TargetGap,
                inputs: &inputs,
                formula,
                exact: gap,
                places: p,
            },
            &status,
        );
        f.target_status = Some(status.clone());
        f.target_summary = Some(status.clone());
        if part_year && gap_trend == Trend::Down && self.kind != IndicatorKind::Ratio {
            f.remaining = Some(phrase::remaining(&gap_text, gap_unit));
        }
        let completes = self.kind != IndicatorKind::Ratio
            && self.better == Better::Higher
            && target > Decimal::ZERO;
        let Some(rate) = percent_of(current, target).filter(|_| completes) else {
            return;
        };
        let rate_text = fixed(rate, pp);
        let text = phrase::completion(&rate_text, part_year);
        self.record(
            Calc {
                kind: FigureKind::TargetCompletion,
                inputs: &inputs,
                formula: "current ÷ target × 100",
                exact: rate,
                places: pp,
            },
            &text,
        );
        f.completion_rate = Some(format!("{rate_text}%"));
        f.target_summary = Some(text.clone());
        f.completion = Some(text);
        if let Some(elapsed) = self.settings.time_progress {
            let ahead = rate - elapsed;
            let text =
                phrase::time_progress(Trend::of(round_half_up(ahead, pp)), &fixed(ahead, pp));
            self.record(
                Calc {
                    kind: FigureKind::TimeProgress,
                    inputs: &[("completion", rate), ("time_elapsed", elapsed)],
                    formula: "completion − months ÷ 12 × 100",
                    exact: ahead,
                    places: pp,
                },
                &text,
            );
            // Ahead of the year is worth saying once: met early, or where it stands in time.
            let standing = if gap_trend == Trend::Down {
                &text
            } else {
                &status
            };
            f.target_summary = f.completion.as_ref().map(|c| format!("{c},{standing}"));
            f.progress = Some(text);
        }
    }

    fn compare_next(&mut self, f: &mut IndicatorFacts, current: Decimal, next: Decimal) {
        let p = self.precision;
        let pp = self.percent_places();
        f.next_target = Some(self.with_unit(next));
        // "比2024年增长…": the year named, so the phrase reads right whether the report is
        // dated in December or in the following January.
        let period = format!("{}年", self.settings.year);
        let inputs = [("next_target", next), ("current", current)];
        let delta = next - current;
        let delta_trend = Trend::of(round_half_up(delta, p));
        let delta_text = fixed(delta, p);
        let growth = percent_change(next, current).filter(|_| current > Decimal::ZERO);
        // Ratios move in points, counts in things, amounts in percent (or, from a zero or
        // negative base, in absolute terms).
        let (calc, comparison, trend) = match (self.kind, growth) {
            (IndicatorKind::Ratio, _) => (
                Calc {
                    kind: FigureKind::NextPoints,
                    inputs: &inputs,
                    formula: "next_target − current",
                    exact: delta,
                    places: p,
                },
                phrase::points(delta_trend, &delta_text),
                delta_trend,
            ),
            (IndicatorKind::Amount, Some(pct)) => {
                let trend = Trend::of(round_half_up(pct, pp));
                (
                    Calc {
                        kind: FigureKind::NextPercent,
                        inputs: &inputs,
                        formula: "(next_target − current) ÷ current × 100",
                        exact: pct,
                        places: pp,
                    },
                    phrase::growth(trend, &fixed(pct, pp)),
                    trend,
                )
            }
            _ => (
                Calc {
                    kind: FigureKind::NextChange,
                    inputs: &inputs,
                    formula: "next_target − current",
                    exact: delta,
                    places: p,
                },
                phrase::change(delta_trend, &delta_text, self.unit),
                delta_trend,
            ),
        };
        let text = phrase::against_this_period(trend, &comparison, &period);
        self.record(calc, &text);
        f.next_change = Some(text);
    }

    /// Sub-items: each one's value, share of the whole and change; their sums for the
    /// consistency check.
    fn measure_parts(&mut self, f: &mut IndicatorFacts, values: &Values) {
        if values.parts.is_empty() {
            return;
        }
        let pp = self.percent_places();
        let p = self.precision;
        let key = self.key.to_string();
        for (i, (name, current, previous)) in values.parts.iter().enumerate() {
            let mut part = PartFacts {
                name: name.clone(),
                value: self.with_unit(*current),
                number: fixed(*current, p),
                ..Default::default()
            };
            if let Some(share) =
                percent_of(*current, values.current).filter(|_| values.current > Decimal::ZERO)
            {
                let text = format!("占{}%", fixed(share, pp));
                let calc = Calc {
                    kind: FigureKind::PartShare,
                    inputs: &[("part", *current), ("whole", values.current)],
                    formula: "part ÷ whole × 100",
                    exact: share,
                    places: pp,
                };
                self.figures
                    .push(calc.figure(&format!("{key}.parts.{i}"), &text));
                part.share = Some(text);
            }
            if let Some(pct) = previous
                .filter(|b| *b > Decimal::ZERO)
                .and_then(|b| percent_change(*current, b))
            {
                part.yoy = Some(phrase::year_on_year(&phrase::growth(
                    self.trend(pct, pp),
                    &fixed(pct, pp),
                )));
            }
            f.parts.push(part);
        }
        let sum: Decimal = values.parts.iter().map(|(_, c, _)| *c).sum();
        let inputs: Vec<(&str, Decimal)> = values
            .parts
            .iter()
            .map(|(name, c, _)| (name.as_str(), *c))
            .collect();
        let text = format!("合计{}", self.with_unit(sum));
        self.record(
            Calc {
                kind: FigureKind::PartsSum,
                inputs: &inputs,
                formula: "sum of parts",
                exact: sum,
                places: p,
            },
            &text,
        );
        f.exact.parts_sum = Some(sum);
        f.exact.parts_previous_sum = values
            .parts
            .iter()
            .map(|(_, _, prev)| *prev)
            .sum::<Option<Decimal>>();
    }
}
