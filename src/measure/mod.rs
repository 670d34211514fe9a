//! Stage 3, measure: the typed model → typed facts, every comparison computed here.
//!
//! Templates receive only what this stage produces: each indicator's value printed at its
//! precision and each comparison already phrased (同比增长66.9%, 提高0.72个百分点, 完成目标任务的
//! 108.1%). Each computed figure is also recorded as a [`Figure`] (inputs, formula, exact and
//! rounded results, the phrase inserted) so that a draft can be audited figure by figure.
//!
//! Percentages and absolute changes are each rounded from the exact inputs, never one from
//! the other.

pub mod decimal;
pub mod phrase;

use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Indicator, IndicatorKind, ReportFile, ReportKind};
use decimal::{fixed, percent_change, percent_of, round_half_up};
use phrase::Trend;

/// Decimal places of growth percentages unless the file says otherwise (增长66.9%).
pub const DEFAULT_PERCENT_PRECISION: u32 = 1;

/// Units whose figures are counts of things: compared as 增加N家 rather than by amount.
const COUNT_UNITS: &[&str] = &[
    "家", "项", "件", "个", "人", "名", "人次", "次", "篇", "所", "台", "套", "座", "支", "户",
    "批",
];

/// The kind an indicator is compared as: stated, or inferred from its unit.
pub fn kind_of(indicator: &Indicator) -> IndicatorKind {
    indicator.kind.unwrap_or_else(|| {
        if indicator.unit.trim() == "%" {
            IndicatorKind::Ratio
        } else if COUNT_UNITS.contains(&indicator.unit.trim()) {
            IndicatorKind::Count
        } else {
            IndicatorKind::Amount
        }
    })
}

/// Decimal places an indicator's values are shown with.
pub fn precision_of(indicator: &Indicator) -> u32 {
    indicator.precision.unwrap_or(match kind_of(indicator) {
        IndicatorKind::Count => 0,
        IndicatorKind::Amount | IndicatorKind::Ratio => 2,
    })
}

/// Everything templates may place, for one report.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub report: ReportFacts,
    /// Indicator facts by key, in file order.
    pub indicators: IndexMap<String, IndicatorFacts>,
    /// Indicators that carry a next-period target, in file order (总体目标).
    pub next_targets: Vec<IndicatorFacts>,
    /// Every computed figure, for the audit.
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportFacts {
    pub issuer: String,
    pub region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub year: i32,
    pub next_year: i32,
    pub previous_year: i32,
    pub kind: ReportKind,
    /// 全县 / 全市 / 全区, from the region's name.
    pub scope: String,
    /// 成文日期 in Arabic numerals: 2024年12月20日.
    pub date: String,
    /// [report].title split at its line breaks, when the file overrides the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lines: Option<Vec<String>>,
}

/// One indicator, measured. Optional fields are absent (not empty) when they cannot be
/// computed, so a template that places them without `{{#if}}` fails loudly in strict mode.
#[derive(Debug, Clone, Serialize, Default)]
pub struct IndicatorFacts {
    pub key: String,
    pub name: String,
    pub unit: String,
    pub kind: String,
    /// This period's value with its unit: 4.54亿元, 57家, 2.00%.
    pub value: String,
    /// The same without unit, for tables.
    pub number: String,
    /// The value followed by its comparison with last year: 4.54亿元,同比增长66.9%.
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_number: Option<String>,
    /// 增长66.9% / 下降5.0% / 持平 (amounts and counts on a non-zero base).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<String>,
    /// 增加8家 / 减少0.30亿元 / 持平 (amounts and counts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// 提高0.72个百分点 (ratios).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<String>,
    /// The comparison as it follows a value: 同比增长66.9% / 同比提高0.72个百分点 / 实现零的突破.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yoy: Option<String>,
    /// The comparison for a table cell, without 同比.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_number: Option<String>,
    /// 完成目标任务的108.1% (amounts and counts with a positive target).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<String>,
    /// 108.1%, for tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_rate: Option<String>,
    /// 超额完成目标任务 / 完成目标任务 / 距目标尚差0.35亿元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_target: Option<String>,
    /// The next-period target against this period: 比2024年增长12.3% / 比2024年增加3家.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_change: Option<String>,
}

/// One computed figure with everything needed to check it by hand.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    pub key: String,
    pub kind: FigureKind,
    pub inputs: IndexMap<String, String>,
    pub formula: String,
    /// The exact result before rounding (up to 10 decimals shown).
    pub exact: String,
    pub rounded: String,
    /// The phrase placed in the draft.
    pub text: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    YoyPercent,
    YoyChange,
    YoyPoints,
    TargetCompletion,
    TargetGap,
    NextPercent,
    NextChange,
    NextPoints,
}

/// Measures a whole report.
pub fn measure(file: &ReportFile) -> Facts {
    let meta = &file.report;
    let percent_precision = meta.percent_precision.unwrap_or(DEFAULT_PERCENT_PRECISION);
    let mut figures = Vec::new();
    let indicators: IndexMap<String, IndicatorFacts> = file
        .indicators
        .iter()
        .map(|(key, ind)| {
            let mut m = Measurer {
                key,
                indicator: ind,
                kind: kind_of(ind),
                precision: precision_of(ind),
                percent_precision,
                year: meta.year,
                figures: &mut figures,
            };
            (key.clone(), m.facts())
        })
        .collect();
    let next_targets = indicators
        .values()
        .filter(|f| f.next_target.is_some())
        .cloned()
        .collect();
    Facts {
        report: report_facts(file),
        indicators,
        next_targets,
        figures,
    }
}

fn report_facts(file: &ReportFile) -> ReportFacts {
    let meta = &file.report;
    let date = meta
        .date
        .date
        .map(|d| format!("{}年{}月{}日", d.year, d.month, d.day))
        .unwrap_or_default();
    ReportFacts {
        issuer: meta.issuer.clone(),
        region: meta.region.clone(),
        city: meta.city.clone(),
        year: meta.year,
        next_year: meta.year + 1,
        previous_year: meta.year - 1,
        kind: meta.kind,
        scope: scope_of(&meta.region),
        date,
        title_lines: meta.title.as_ref().map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        }),
    }
}

/// 溆浦县 → 全县, 岳阳市 → 全市, 某某区 → 全区: how a bureau names its whole area.
fn scope_of(region: &str) -> String {
    match region.chars().last() {
        Some(c @ ('县' | '市' | '区' | '旗' | '省')) => format!("全{c}"),
        _ => format!("全{region}"),
    }
}

struct Measurer<'a> {
    key: &'a str,
    indicator: &'a Indicator,
    kind: IndicatorKind,
    precision: u32,
    percent_precision: u32,
    year: i32,
    figures: &'a mut Vec<Figure>,
}

impl Measurer<'_> {
    fn facts(&mut self) -> IndicatorFacts {
        let ind = self.indicator;
        let current = ind.current.get();
        let mut f = IndicatorFacts {
            key: self.key.to_string(),
            name: ind.name.clone(),
            unit: ind.unit.clone(),
            kind: kind_name(self.kind).into(),
            number: fixed(current, self.precision),
            value: self.with_unit(current),
            ..Default::default()
        };
        f.summary = f.value.clone();
        if let Some(previous) = ind.previous.map(|p| p.get()) {
            self.compare_with_previous(&mut f, current, previous);
        }
        if let Some(target) = ind.target.map(|t| t.get()) {
            self.compare_with_target(&mut f, current, target);
        }
        if let Some(next) = ind.next_target.map(|t| t.get()) {
            self.compare_next(&mut f, current, next);
        }
        f
    }

    fn with_unit(&self, value: Decimal) -> String {
        format!("{}{}", fixed(value, self.precision), self.indicator.unit)
    }

    fn unit(&self) -> &str {
        &self.indicator.unit
    }

    fn record(
        &mut self,
        kind: FigureKind,
        inputs: &[(&str, Decimal)],
        formula: &str,
        exact: Decimal,
        places: u32,
        text: &str,
    ) {
        self.figures.push(Figure {
            key: self.key.to_string(),
            kind,
            inputs: inputs
                .iter()
                .map(|(k, v)| (k.to_string(), v.normalize().to_string()))
                .collect(),
            formula: formula.into(),
            exact: round_half_up(exact, 10).normalize().to_string(),
            rounded: fixed(exact, places),
            text: text.into(),
        });
    }

    fn compare_with_previous(
        &mut self,
        f: &mut IndicatorFacts,
        current: Decimal,
        previous: Decimal,
    ) {
        f.previous = Some(self.with_unit(previous));
        f.previous_number = Some(fixed(previous, self.precision));
        let delta = current - previous;
        let delta_rounded = round_half_up(delta, self.precision);
        let delta_trend = Trend::of(delta_rounded);
        let delta_text = fixed(delta, self.precision);
        let inputs = [("current", current), ("previous", previous)];

        if self.kind == IndicatorKind::Ratio {
            let text = phrase::points(delta_trend, &delta_text);
            self.record(
                FigureKind::YoyPoints,
                &inputs,
                "current − previous",
                delta,
                self.precision,
                &text,
            );
            f.yoy = Some(phrase::year_on_year(&text));
            f.summary = format!("{},{}", f.value, f.yoy.as_deref().unwrap_or_default());
            f.points = Some(text.clone());
            f.comparison = Some(text);
            return;
        }

        let change = phrase::change(delta_trend, &delta_text, self.unit());
        self.record(
            FigureKind::YoyChange,
            &inputs,
            "current − previous",
            delta,
            self.precision,
            &change,
        );
        f.change = Some(change.clone());

        if previous.is_sign_negative() && !previous.is_zero() {
            // A percentage of a negative base reads backwards (−50 → −20 is "−60%"); the
            // absolute change is all that can be said honestly.
            f.yoy = Some(phrase::against_last_year(delta_trend, &change));
            f.comparison = Some(change);
        } else if previous.is_zero() {
            if current.is_zero() {
                f.yoy = Some(phrase::against_last_year(Trend::Flat, &change));
                f.comparison = Some("持平".into());
            } else {
                f.yoy = Some(phrase::from_zero_base());
                f.comparison = Some(format!("新增{}", f.value));
            }
        } else if let Some(pct) = percent_change(current, previous) {
            let pct_text = fixed(pct, self.percent_precision);
            let growth = phrase::growth(
                Trend::of(round_half_up(pct, self.percent_precision)),
                &pct_text,
            );
            self.record(
                FigureKind::YoyPercent,
                &inputs,
                "(current − previous) ÷ previous × 100",
                pct,
                self.percent_precision,
                &growth,
            );
            f.yoy = Some(phrase::year_on_year(&growth));
            f.comparison = Some(growth.clone());
            f.growth = Some(growth);
        }

        let comparison = if self.kind == IndicatorKind::Count || f.growth.is_none() {
            phrase::against_last_year(delta_trend, f.change.as_deref().unwrap_or_default())
        } else {
            f.yoy.clone().unwrap_or_default()
        };
        f.summary = if previous.is_zero() && !current.is_zero() {
            format!("{},{}", f.value, phrase::from_zero_base())
        } else {
            format!("{},{}", f.value, comparison)
        };
    }

    fn compare_with_target(&mut self, f: &mut IndicatorFacts, current: Decimal, target: Decimal) {
        f.target = Some(self.with_unit(target));
        f.target_number = Some(fixed(target, self.precision));
        let gap = current - target;
        let gap_unit = if self.kind == IndicatorKind::Ratio {
            "个百分点"
        } else {
            self.unit()
        };
        let status = phrase::target_status(
            Trend::of(round_half_up(gap, self.precision)),
            &fixed(gap, self.precision),
            gap_unit,
        );
        let inputs = [("current", current), ("target", target)];
        self.record(
            FigureKind::TargetGap,
            &inputs,
            "current − target",
            gap,
            self.precision,
            &status,
        );
        f.target_status = Some(status);
        if self.kind != IndicatorKind::Ratio
            && target.is_sign_positive()
            && !target.is_zero()
            && let Some(rate) = percent_of(current, target)
        {
            {
                let rate_text = fixed(rate, self.percent_precision);
                let text = phrase::completion(&rate_text);
                self.record(
                    FigureKind::TargetCompletion,
                    &inputs,
                    "current ÷ target × 100",
                    rate,
                    self.percent_precision,
                    &text,
                );
                f.completion_rate = Some(format!("{rate_text}%"));
                f.completion = Some(text);
            }
        }
    }

    fn compare_next(&mut self, f: &mut IndicatorFacts, current: Decimal, next: Decimal) {
        f.next_target = Some(self.with_unit(next));
        // "比2024年增长…": the year named, so the phrase reads right whether the report is
        // dated in December or in the following January.
        let period = format!("{}年", self.year);
        let period = period.as_str();
        let inputs = [("next_target", next), ("current", current)];
        let delta = next - current;
        let delta_trend = Trend::of(round_half_up(delta, self.precision));
        let delta_text = fixed(delta, self.precision);
        let growth = percent_change(next, current).filter(|_| current.is_sign_positive());
        // Ratios move in points, counts in things, amounts in percent (or, from a zero or
        // negative base, in absolute terms).
        let (kind, formula, exact, places, comparison, trend) = match (self.kind, growth) {
            (IndicatorKind::Ratio, _) => (
                FigureKind::NextPoints,
                "next_target − current",
                delta,
                self.precision,
                phrase::points(delta_trend, &delta_text),
                delta_trend,
            ),
            (IndicatorKind::Amount, Some(pct)) => {
                let trend = Trend::of(round_half_up(pct, self.percent_precision));
                (
                    FigureKind::NextPercent,
                    "(next_target − current) ÷ current × 100",
                    pct,
                    self.percent_precision,
                    phrase::growth(trend, &fixed(pct, self.percent_precision)),
                    trend,
                )
            }
            _ => (
                FigureKind::NextChange,
                "next_target − current",
                delta,
                self.precision,
                phrase::change(delta_trend, &delta_text, self.unit()),
                delta_trend,
            ),
        };
        let text = phrase::against_this_period(trend, &comparison, period);
        self.record(kind, &inputs, formula, exact, places, &text);
        f.next_change = Some(text);
    }
}

fn kind_name(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Amount => "amount",
        IndicatorKind::Count => "count",
        IndicatorKind::Ratio => "ratio",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Source, parse};

    fn facts_of(indicators: &str) -> Facts {
        let text = format!(
            "[report]\nissuer = \"溆浦县科学技术局\"\nregion = \"溆浦县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n{indicators}"
        );
        measure(&parse(&Source::new("t.toml", text)).unwrap())
    }

    #[test]
    fn amount_growth_matches_the_bureau_figure() {
        let f = facts_of(
            "[indicators.rd]\nname = \"研发经费\"\nunit = \"亿元\"\ncurrent = 4.54\nprevious = 2.72\n",
        );
        let rd = &f.indicators["rd"];
        assert_eq!(rd.value, "4.54亿元");
        assert_eq!(rd.growth.as_deref(), Some("增长66.9%"));
        assert_eq!(rd.change.as_deref(), Some("增加1.82亿元"));
        assert_eq!(rd.summary, "4.54亿元,同比增长66.9%");
        let pct = f
            .figures
            .iter()
            .find(|x| x.kind == FigureKind::YoyPercent)
            .unwrap();
        assert_eq!(pct.rounded, "66.9");
        assert!(pct.exact.starts_with("66.911764"), "{}", pct.exact);
    }

    #[test]
    fn ratio_changes_are_in_percentage_points() {
        let f = facts_of(
            "[indicators.rdi]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 2.0\nprevious = 1.28\n",
        );
        let rdi = &f.indicators["rdi"];
        assert_eq!(rdi.kind, "ratio");
        assert_eq!(rdi.value, "2.00%");
        assert_eq!(rdi.yoy.as_deref(), Some("同比提高0.72个百分点"));
        assert!(rdi.growth.is_none());
    }

    #[test]
    fn counts_compare_in_things_and_percent() {
        let f = facts_of(
            "[indicators.hte]\nname = \"高新技术企业\"\nunit = \"家\"\ncurrent = 57\nprevious = 49\ntarget = 55\nnext_target = 60\n",
        );
        let hte = &f.indicators["hte"];
        assert_eq!(hte.summary, "57家,比上年增加8家");
        assert_eq!(hte.growth.as_deref(), Some("增长16.3%"));
        assert_eq!(hte.completion.as_deref(), Some("完成目标任务的103.6%"));
        assert_eq!(hte.target_status.as_deref(), Some("超额完成目标任务"));
        assert_eq!(hte.next_change.as_deref(), Some("比2024年增加3家"));
        assert_eq!(f.next_targets.len(), 1);
    }

    #[test]
    fn zero_and_missing_bases_never_divide() {
        let f = facts_of(
            "[indicators.a]\nname = \"孵化器\"\nunit = \"个\"\ncurrent = 2\nprevious = 0\n\
             [indicators.b]\nname = \"平台\"\nunit = \"个\"\ncurrent = 3\n\
             [indicators.c]\nname = \"贷款\"\nunit = \"万元\"\ncurrent = 0\nprevious = 0\n",
        );
        assert_eq!(f.indicators["a"].summary, "2个,实现零的突破");
        assert!(f.indicators["a"].growth.is_none());
        assert_eq!(f.indicators["b"].summary, "3个");
        assert!(f.indicators["b"].yoy.is_none());
        assert_eq!(f.indicators["c"].yoy.as_deref(), Some("与上年持平"));
    }

    #[test]
    fn decreases_flat_and_shortfalls() {
        let f = facts_of(
            "[indicators.x]\nname = \"技术合同成交额\"\nunit = \"亿元\"\ncurrent = 12.5\nprevious = 13.23\ntarget = 13\nnext_target = 12.5\n\
             [indicators.y]\nname = \"研发强度\"\nunit = \"%\"\ncurrent = 2.0\ntarget = 2.1\nnext_target = 2.1\nprecision = 1\n",
        );
        let x = &f.indicators["x"];
        assert_eq!(x.growth.as_deref(), Some("下降5.5%"));
        assert_eq!(x.change.as_deref(), Some("减少0.73亿元"));
        assert_eq!(x.target_status.as_deref(), Some("距目标尚差0.50亿元"));
        assert_eq!(x.next_change.as_deref(), Some("与2024年持平"));
        let y = &f.indicators["y"];
        assert_eq!(y.target_status.as_deref(), Some("距目标尚差0.1个百分点"));
        assert!(y.completion.is_none());
        assert_eq!(y.next_change.as_deref(), Some("比2024年提高0.1个百分点"));
    }

    #[test]
    fn report_facts_name_the_scope_and_date() {
        let f = facts_of("");
        assert_eq!(f.report.scope, "全县");
        assert_eq!(f.report.date, "2024年12月20日");
        assert_eq!(f.report.next_year, 2025);
    }
}
