//! One indicator: this period against last year, against its target, and next period's
//! target against this period.

use rust_decimal::Decimal;

use super::decimal::{percent_change, percent_of, round_half_up, significant};
use super::facts::{Approximate, Next, NextComparison, Part, Planned, Rank, Series, Target};
use super::{
    Calc, Change, Citable, DEFAULT_PRECISION, Figure, FigureKind, IndicatorFacts, Places,
    RankField, Says, Settings, Yoy, kind_of, precision_of, units,
};
use crate::model::{Approx, Better, Indicator, IndicatorKind, NextGrowth, ReportMeta, StatedRank};
use crate::zh::units::MAGNITUDES;

/// Significant digits an approximate value keeps unless the file says (2600多, 约140).
const DEFAULT_APPROX_DIGITS: u32 = 2;

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
    /// Whether the figures were converted from another unit (and so carry more decimals
    /// than were typed).
    pub converted: bool,
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
                places: scale(ind.current.get())
                    .normalize()
                    .scale()
                    .min(DEFAULT_PRECISION),
            };
            figures.push(calc.figure(key, Says::Converted));
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
            converted: factor != Decimal::ONE,
        }
    }

    /// How these figures print: at `precision` when set, else as typed (at most
    /// [`DEFAULT_PRECISION`] decimals when converted).
    pub fn places(&self, precision: Option<u32>) -> Places {
        if let Some(p) = precision {
            return Places::Fixed(p);
        }
        let cap = if self.converted {
            DEFAULT_PRECISION
        } else {
            MAX_TYPED_PLACES
        };
        let typed = [
            Some(self.current),
            self.previous,
            self.target,
            self.next_target,
        ];
        let computed = typed
            .into_iter()
            .flatten()
            .map(|v| v.scale().min(cap))
            .max()
            .unwrap_or(0);
        Places::AsTyped { cap, computed }
    }
}

/// More decimals than any figure a bureau types.
const MAX_TYPED_PLACES: u32 = 10;

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
        kind,
        percent_precision: ind.percent_precision,
        places: values.places(precision_of(ind, meta)),
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
        label: ind.label.clone().filter(|l| !l.trim().is_empty()),
        period: ind.period.clone().filter(|p| !p.trim().is_empty()),
        unit: ind.unit.clone(),
        kind,
        better: m.better,
        places: m.places,
        percent_places: m.percent_places(),
        current,
        previous: values.previous,
        yoy: None,
        target: None,
        next: None,
        share: None,
        approx: None,
        planned: None,
        parts: Vec::new(),
        series: Series::default(),
        outlook: None,
        rank: None,
        cite_only: ind.cite_only,
    };
    f.yoy = match (values.previous, ind.stated_growth) {
        (Some(previous), _) => Some(m.compare_with_previous(current, previous)),
        // No raw figure for last year (a rate at comparable prices): the stated rate is
        // the indicator's growth. With a previous value it is only checked (consistency).
        (None, Some(stated)) => Some(m.stated_growth(stated.get(), ind.source.as_deref())),
        (None, None) => None,
    };
    f.target = values
        .target
        .map(|target| m.compare_with_target(current, target));
    f.next = values.next_target.map(|next| m.compare_next(current, next));
    f.planned = ind.next_growth.map(|g| {
        let mut planned = m.plan_growth(current, g);
        planned.of_target = values.next_target.and_then(|next| {
            if planned.points {
                Some(next - current)
            } else {
                percent_change(next, current).filter(|_| current > Decimal::ZERO)
            }
        });
        planned
    });
    f.rank = ind
        .stated_rank
        .as_ref()
        .map(|r| m.stated_rank(r, ind.source.as_deref()));
    f.approx = ind
        .approx
        .map(|mark| m.approximate(current, mark, ind.approx_digits, &ind.unit));
    f.parts = m.measure_parts(&values);
    m.measure_series(&mut f, &values);
    f
}

pub(super) struct Measurer<'a> {
    pub key: &'a str,
    pub kind: IndicatorKind,
    /// The indicator's own decimals for percentages, over the document's.
    pub percent_precision: Option<u32>,
    pub places: Places,
    pub tolerance: Option<Decimal>,
    pub multiples: bool,
    pub relative: bool,
    pub better: Better,
    pub settings: &'a Settings,
    pub figures: &'a mut Vec<Figure>,
}

impl Measurer<'_> {
    pub fn percent_places(&self) -> u32 {
        self.percent_precision
            .unwrap_or(self.settings.percent_precision)
    }

    pub fn record(&mut self, calc: Calc, says: Says) {
        self.figures.push(calc.figure(self.key, says));
    }

    /// A figure rounded at `places`, steady within this indicator's tolerance.
    fn tolerant(&self, exact: Decimal, places: u32) -> Change {
        Change::within(exact, places, self.tolerance)
    }

    /// The value to `digits` significant digits (default 2), cut for 多/余 and rounded for
    /// 约/近, and said in 万 or 亿 when it is that large and the unit has no magnitude of its
    /// own.
    fn approximate(
        &mut self,
        current: Decimal,
        mark: Approx,
        digits: Option<u32>,
        unit: &str,
    ) -> Approximate {
        let digits = digits.unwrap_or(DEFAULT_APPROX_DIGITS);
        let nearest = matches!(mark, Approx::About | Approx::Nearly);
        let value = significant(current, digits, nearest);
        let calc = Calc {
            kind: FigureKind::Approximation,
            inputs: &[("current", current), ("digits", Decimal::from(digits))],
            formula: if nearest {
                "current rounded to its significant digits"
            } else {
                "current cut to its significant digits"
            },
            exact: value,
            places: value.scale(),
        };
        self.record(calc, Says::Field(Citable::Value));
        let has_magnitude = MAGNITUDES
            .iter()
            .any(|(word, _)| unit.trim().starts_with(word));
        let (said, magnitude) = MAGNITUDES
            .iter()
            .filter(|_| !has_magnitude)
            .find(|(_, size)| value.abs() >= Decimal::from(*size))
            .map_or((value, None), |(word, size)| {
                ((value / Decimal::from(*size)).normalize(), Some(*word))
            });
        Approximate {
            mark,
            value,
            said,
            magnitude,
        }
    }

    /// A rank as the file states it, recorded for the audit as stated.
    fn stated_rank(&mut self, stated: &StatedRank, source: Option<&str>) -> Rank {
        let mut inputs = vec![("position", Decimal::from(stated.position))];
        inputs.extend(stated.of.map(|of| ("ranked", Decimal::from(of))));
        let calc = Calc {
            kind: FigureKind::StatedRank,
            inputs: &inputs,
            formula: "stated_rank",
            exact: Decimal::from(stated.position),
            places: 0,
        };
        let mut figure = calc.figure(self.key, Says::Rank(RankField::Position));
        figure.stated = Some(super::facts::Stated {
            source: source.map(str::to_string),
        });
        self.figures.push(figure);
        Rank {
            rank: stated.position,
            of: stated.of.map(|of| of as usize),
            tied: stated.tied,
            stated: true,
            within: Some(stated.scope.trim().to_string()),
            ahead: None,
            behind: None,
            average: None,
            moved: stated
                .last_position
                .map(|last| i64::from(last) - i64::from(stated.position)),
            growth_rank: None,
            peer: stated
                .peer_group
                .as_ref()
                .map(|p| (p.name.trim().to_string(), p.position)),
        }
    }

    /// A growth rate as the file states it, at the decimals it was stated with, recorded
    /// for the audit as stated rather than computed.
    fn stated_growth(&mut self, stated: Decimal, source: Option<&str>) -> Yoy {
        let points = self.kind == IndicatorKind::Ratio;
        let places = stated.scale();
        let calc = Calc {
            kind: FigureKind::StatedGrowth,
            inputs: &[("stated_growth", stated)],
            formula: "stated_growth",
            exact: stated,
            places,
        };
        let says = if points {
            Citable::Points
        } else {
            Citable::GrowthPercent
        };
        let mut figure = calc.figure(self.key, Says::Field(says));
        figure.stated = Some(super::facts::Stated {
            source: source.map(str::to_string),
        });
        self.figures.push(figure);
        Yoy::Stated {
            change: self.tolerant(stated, places),
            points,
        }
    }

    fn compare_with_previous(&mut self, current: Decimal, previous: Decimal) -> Yoy {
        let pp = self.percent_places();
        let delta = current - previous;
        let p = self.places.of(delta);
        let inputs = [("current", current), ("previous", previous)];
        let difference = |kind| Calc {
            kind,
            inputs: &inputs,
            formula: "current − previous",
            exact: delta,
            places: p,
        };

        if self.kind == IndicatorKind::Ratio {
            let points = self.tolerant(delta, p);
            self.record(
                difference(FigureKind::YoyPoints),
                Says::Field(Citable::Points),
            );
            let relative = percent_change(current, previous)
                .filter(|_| previous > Decimal::ZERO)
                .map(|pct| self.tolerant(pct, pp));
            if let Some(rel) = relative.filter(|_| self.relative) {
                let calc = Calc {
                    kind: FigureKind::YoyRelative,
                    inputs: &inputs,
                    formula: "(current − previous) ÷ previous × 100",
                    exact: rel.exact,
                    places: pp,
                };
                self.record(calc, Says::Field(Citable::Relative));
            }
            return Yoy::Points {
                points,
                relative,
                state_relative: self.relative,
            };
        }

        let change = Change::new(delta, p);
        self.record(
            difference(FigureKind::YoyChange),
            Says::Field(Citable::Change),
        );
        if previous < Decimal::ZERO || (current < Decimal::ZERO && previous > Decimal::ZERO) {
            // A percentage of a negative base reads backwards (−50 → −20 is "−60%"): say
            // the loss shrank or grew, or that the figure turned positive or negative.
            let turned = if previous < Decimal::ZERO {
                (current > Decimal::ZERO).then_some(true)
            } else {
                Some(false)
            };
            self.record(
                difference(FigureKind::YoySigned),
                Says::Field(Citable::Comparison),
            );
            return Yoy::Signed { change, turned };
        }
        if previous.is_zero() {
            if current.is_zero() {
                return Yoy::BothZero { change };
            }
            self.record(
                difference(FigureKind::YoyFromZero),
                Says::Field(Citable::Yoy),
            );
            return Yoy::FromZero { change };
        }
        self.growth(change, current, previous, &inputs)
    }

    /// Growth from a positive base to a non-negative value: percent, multiple, doubling.
    fn growth(
        &mut self,
        change: Change,
        current: Decimal,
        previous: Decimal,
        inputs: &[(&str, Decimal)],
    ) -> Yoy {
        let pp = self.percent_places();
        let Some(pct) = percent_change(current, previous) else {
            return Yoy::Amount { change };
        };
        let percent = self.tolerant(pct, pp);
        self.record(
            Calc {
                kind: FigureKind::YoyPercent,
                inputs,
                formula: "(current − previous) ÷ previous × 100",
                exact: pct,
                places: pp,
            },
            Says::Field(Citable::GrowthPercent),
        );
        let mut multiple = None;
        let mut doubling = None;
        if round_half_up(pct, pp) >= Decimal::ONE_HUNDRED {
            let times = pct / Decimal::ONE_HUNDRED;
            self.record(
                Calc {
                    kind: FigureKind::YoyMultiple,
                    inputs,
                    formula: "(current − previous) ÷ previous",
                    exact: times,
                    places: pp,
                },
                Says::Field(Citable::Multiple),
            );
            multiple = Some(Change::new(times, pp));
            // 翻N番: the value is at least 2^N times the base.
            let mut doublings = 0;
            let mut bar = previous * Decimal::TWO;
            while current >= bar && doublings < 20 {
                doublings += 1;
                bar *= Decimal::TWO;
            }
            if doublings > 0 {
                self.record(
                    Calc {
                        kind: FigureKind::YoyDoubling,
                        inputs,
                        formula: "current ÷ previous ≥ 2^N",
                        exact: current / previous,
                        places: pp,
                    },
                    Says::Field(Citable::Doubling),
                );
                doubling = Some(doublings);
            }
        }
        Yoy::Growth {
            change,
            percent,
            as_multiple: self.multiples && multiple.is_some(),
            multiple,
            doubling,
        }
    }

    fn compare_with_target(&mut self, current: Decimal, target: Decimal) -> Target {
        let pp = self.percent_places();
        // Positive when the target is beaten, whichever way is good.
        let (gap, formula) = match self.better {
            Better::Higher => (current - target, "current − target"),
            Better::Lower => (target - current, "target − current"),
        };
        let p = self.places.of(gap);
        let inputs = [("current", current), ("target", target)];
        self.record(
            Calc {
                kind: FigureKind::TargetGap,
                inputs: &inputs,
                formula,
                exact: gap,
                places: p,
            },
            Says::Field(Citable::TargetStatus),
        );
        let mut facts = Target {
            value: target,
            gap: Change::new(gap, p),
            completion: None,
            ahead_of_time: None,
        };
        let completes = self.kind != IndicatorKind::Ratio
            && self.better == Better::Higher
            && target > Decimal::ZERO;
        let Some(rate) = percent_of(current, target).filter(|_| completes) else {
            return facts;
        };
        self.record(
            Calc {
                kind: FigureKind::TargetCompletion,
                inputs: &inputs,
                formula: "current ÷ target × 100",
                exact: rate,
                places: pp,
            },
            Says::Field(Citable::Completion),
        );
        facts.completion = Some(Change::new(rate, pp));
        if let Some(elapsed) = self.settings.time_progress {
            let ahead = rate - elapsed;
            self.record(
                Calc {
                    kind: FigureKind::TimeProgress,
                    inputs: &[("completion", rate), ("time_elapsed", elapsed)],
                    formula: "completion − time_elapsed",
                    exact: ahead,
                    places: pp,
                },
                Says::Field(Citable::Progress),
            );
            facts.ahead_of_time = Some(Change::new(ahead, pp));
        }
        facts
    }

    /// A planned growth rate as stated, and the target its lower bound implies (for the
    /// audit): this period's value grown by it, or for a ratio raised by it in points.
    fn plan_growth(&mut self, current: Decimal, growth: NextGrowth) -> Planned {
        let (low, high) = match growth {
            NextGrowth::AtLeast(g) => (g.get(), None),
            NextGrowth::Between([a, b]) => (a.get(), Some(b.get())),
        };
        let points = self.kind == IndicatorKind::Ratio;
        let (implied, formula) = if points {
            (current + low, "current + next_growth")
        } else {
            let factor = Decimal::ONE + low / Decimal::ONE_HUNDRED;
            (current * factor, "current × (1 + next_growth ÷ 100)")
        };
        let calc = Calc {
            kind: FigureKind::NextGrowth,
            inputs: &[("current", current), ("next_growth", low)],
            formula,
            exact: implied,
            places: self.places.computed(),
        };
        self.record(calc, Says::Field(Citable::NextGrowth));
        let stated = |v: Decimal| Change::new(v, v.scale());
        Planned {
            low: stated(low),
            high: high.map(stated),
            points,
            implied,
            of_target: None,
        }
    }

    fn compare_next(&mut self, current: Decimal, next: Decimal) -> Next {
        let pp = self.percent_places();
        let inputs = [("next_target", next), ("current", current)];
        let delta = next - current;
        let p = self.places.of(delta);
        let growth = percent_change(next, current).filter(|_| current > Decimal::ZERO);
        // Ratios move in points, counts in things, amounts in percent (or, from a zero or
        // negative base, in absolute terms).
        let (calc, comparison) = match (self.kind, growth) {
            (IndicatorKind::Ratio, _) => (
                Calc {
                    kind: FigureKind::NextPoints,
                    inputs: &inputs,
                    formula: "next_target − current",
                    exact: delta,
                    places: p,
                },
                NextComparison::Points(Change::new(delta, p)),
            ),
            (IndicatorKind::Amount, Some(pct)) => (
                Calc {
                    kind: FigureKind::NextPercent,
                    inputs: &inputs,
                    formula: "(next_target − current) ÷ current × 100",
                    exact: pct,
                    places: pp,
                },
                NextComparison::Percent(Change::new(pct, pp)),
            ),
            _ => (
                Calc {
                    kind: FigureKind::NextChange,
                    inputs: &inputs,
                    formula: "next_target − current",
                    exact: delta,
                    places: p,
                },
                NextComparison::Change(Change::new(delta, p)),
            ),
        };
        self.record(calc, Says::Field(Citable::NextChange));
        Next {
            value: next,
            comparison,
        }
    }

    /// Sub-items: each one's value, share of the whole and growth; their sum for the audit.
    fn measure_parts(&mut self, values: &Values) -> Vec<Part> {
        if values.parts.is_empty() {
            return Vec::new();
        }
        let pp = self.percent_places();
        let key = self.key.to_string();
        let mut parts = Vec::new();
        for (i, (name, current, previous)) in values.parts.iter().enumerate() {
            let share =
                percent_of(*current, values.current).filter(|_| values.current > Decimal::ZERO);
            if let Some(share) = share {
                let calc = Calc {
                    kind: FigureKind::PartShare,
                    inputs: &[("part", *current), ("whole", values.current)],
                    formula: "part ÷ whole × 100",
                    exact: share,
                    places: pp,
                };
                self.figures
                    .push(calc.figure(&format!("{key}.parts.{i}"), Says::PartShare(i)));
            }
            let growth = previous
                .filter(|b| *b > Decimal::ZERO)
                .and_then(|b| percent_change(*current, b))
                .map(|pct| self.tolerant(pct, pp));
            parts.push(Part {
                name: name.clone(),
                current: *current,
                previous: *previous,
                share: share.map(|s| Change::new(s, pp)),
                growth,
            });
        }
        let sum: Decimal = values.parts.iter().map(|(_, c, _)| *c).sum();
        let p = self.places.of(sum);
        let inputs: Vec<(&str, Decimal)> = values
            .parts
            .iter()
            .map(|(name, c, _)| (name.as_str(), *c))
            .collect();
        self.record(
            Calc {
                kind: FigureKind::PartsSum,
                inputs: &inputs,
                formula: "sum of parts",
                exact: sum,
                places: p,
            },
            Says::PartsSum,
        );
        parts
    }
}
