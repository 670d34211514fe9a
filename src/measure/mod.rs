//! Stage 3, measure: the typed model → typed facts, every comparison computed here.
//!
//! Templates receive only what this stage produces: each indicator's value printed at its
//! precision and each comparison already phrased (同比增长66.9%, 提高0.72个百分点, 完成目标任务的
//! 108.1%). Each computed figure is also recorded as a [`Figure`] (inputs, formula, exact and
//! rounded results, the phrase inserted) so that a draft can be audited figure by figure.
//!
//! Percentages and absolute changes are each rounded from the exact inputs, never one from
//! the other.
//!
//! - [`indicator`]: one indicator against last year, its target and next year's target;
//! - [`series`]: several years of one indicator (连续N年增长, 创历史新高, 年均增长);
//! - [`shares`]: parts of a total and indicators derived from two others (占比, 比重);
//! - [`decimal`], [`units`]: rounding and unit scaling.
//!
//! Wording is chosen in [`crate::zh`]; the checks that compare these facts with each other and
//! with the prose are in [`crate::validate::consistency`].

pub mod decimal;
mod indicator;
pub mod rank;
pub mod rollup;
mod series;
mod shares;
pub mod units;

use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Better, Indicator, IndicatorKind, ReportFile, ReportKind, ReportMeta};
use decimal::{fixed, round_half_up};

/// Decimal places of growth percentages unless the file says otherwise (增长66.9%).
pub const DEFAULT_PERCENT_PRECISION: u32 = 1;
/// Decimal places of amounts and ratios unless the file says otherwise (4.54亿元, 2.00%).
pub const DEFAULT_PRECISION: u32 = 2;

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

/// Decimal places an indicator's values are shown with: its own, else the document's for
/// amounts and ratios, else the default; counts are whole unless they say otherwise.
pub fn precision_of(indicator: &Indicator, meta: &ReportMeta) -> u32 {
    indicator.precision.unwrap_or(match kind_of(indicator) {
        IndicatorKind::Count => 0,
        IndicatorKind::Amount | IndicatorKind::Ratio => meta.precision.unwrap_or(DEFAULT_PRECISION),
    })
}

/// The months a report's figures cover: stated, or the whole year / the first half.
pub fn months_of(meta: &ReportMeta) -> u32 {
    meta.cutoff_month.unwrap_or(match meta.kind {
        ReportKind::Annual => 12,
        ReportKind::HalfYear => 6,
    })
}

/// Everything templates may place, for one report.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub report: ReportFacts,
    /// Indicator facts by key, in file order; derived ratios follow the indicators.
    pub indicators: IndexMap<String, IndicatorFacts>,
    /// Indicators that carry a next-period target, in file order (总体目标).
    pub next_targets: Vec<IndicatorFacts>,
    /// Indicators that carry a plan value for a later year, in file order (中长期目标).
    pub outlooks: Vec<IndicatorFacts>,
    /// Indicators that carry a target for this period, in file order (a half-year report's
    /// plan states what the annual targets still need).
    pub targets: Vec<IndicatorFacts>,
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
    /// The last month the figures cover (12 for a whole year).
    pub cutoff_month: u32,
    /// A half-year report (上半年工作总结及下半年工作思路).
    pub half_year: bool,
    /// The period the report sums up, for its title: 2024年 / 2024年上半年.
    pub period_name: String,
    /// The same for headings inside the report: 2024年 / 上半年.
    pub work_period: String,
    /// The period the plan is for: 2025年 / 下半年.
    pub plan_period: String,
    /// The months the figures cover, for sentences: 2024年 / 2024年上半年 / 2024年1-4月.
    pub figures_period: String,
    /// The months as a suffix for table headers: empty for a whole year, 1-6月, 1-4月.
    pub span: String,
    /// The figures cover less than a year: targets are annual and 序时进度 applies.
    pub part_year: bool,
    /// Share of the year elapsed, for part-year reports: 50.0%.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_progress: Option<String>,
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
    /// 增长66.9% / 下降5.0% / 持平, or 增长2.9倍 when the file asks for multiples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<String>,
    /// Always the percentage: 增长285.7%.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth_percent: Option<String>,
    /// Growth of 100% or more as a multiple: 增长2.9倍.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiple: Option<String>,
    /// 翻一番 / 翻两番 when the value is at least twice / four times last year's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doubling: Option<String>,
    /// 增加8家 / 减少0.30亿元 / 持平 (amounts and counts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// 提高0.72个百分点 (ratios).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<String>,
    /// A ratio's relative change, when the file asks for it: 增长56.25%.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<String>,
    /// The comparison as it follows a value: 同比增长66.9% / 同比提高0.72个百分点 / 实现零的突破
    /// / 同比由负转正 / 同比减亏30万元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yoy: Option<String>,
    /// The comparison for a table cell, without 同比.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_number: Option<String>,
    /// 完成目标任务的108.1% / 完成全年目标的56.3% (amounts and counts with a positive target).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<String>,
    /// 108.1%, for tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_rate: Option<String>,
    /// 超额完成目标任务 / 完成目标任务 / 距目标尚差0.35亿元 / 提前完成全年目标任务.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_status: Option<String>,
    /// Part-year reports short of the annual target: 还需完成5家.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining: Option<String>,
    /// Part-year completion against time elapsed: 超序时进度6.3个百分点.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
    /// How the target stands, in one phrase for a summary sentence: 完成目标任务的108.1% /
    /// 完成全年目标的73.8%,超序时进度23.8个百分点 / 完成全年目标的115.0%,提前完成全年目标任务 /
    /// 距目标尚差0.09个百分点 (ratios).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_target: Option<String>,
    /// The next-period target against this period: 比2024年增长12.3% / 比2024年增加3家.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_change: Option<String>,
    /// Share of the indicator named by `part_of`: 占高新技术产业增加值的35.2%.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<String>,
    /// 35.2%, for tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_rate: Option<String>,
    /// Sub-items with their values and shares, in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartFacts>,
    /// 连续3年增长 / 连续2年下降.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streak: Option<String>,
    /// 创历史新高, when the value is above every earlier year given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// 首次突破100亿元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    /// The series notes that apply, joined: 连续3年增长,创历史新高.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// 2020年以来年均增长12.3% (from the earliest year in `history`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_growth: Option<String>,
    /// 到2025年达到150.00亿元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlook: Option<String>,
    /// What the outlook needs each year: 年均增长8.5% / 年均提高0.15个百分点.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlook_growth: Option<String>,
    /// Where this region stands among the others of a batch (see [`rank`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<rank::RankFacts>,
    /// Exact figures kept for the consistency checks; never shown.
    #[serde(skip)]
    pub exact: Exact,
}

/// A sub-item of an indicator.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PartFacts {
    pub name: String,
    pub value: String,
    pub number: String,
    /// 占70.5% of the indicator it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yoy: Option<String>,
}

/// Unrounded results the consistency checks compare against.
#[derive(Debug, Clone, Default)]
pub struct Exact {
    pub precision: u32,
    pub current: Decimal,
    pub previous: Option<Decimal>,
    pub next_target: Option<Decimal>,
    pub better: Better,
    pub growth: Option<Decimal>,
    pub points: Option<Decimal>,
    pub relative: Option<Decimal>,
    /// Sums of the sub-items' current and (when every one has it) previous values.
    pub parts_sum: Option<Decimal>,
    pub parts_previous_sum: Option<Decimal>,
}

/// One computed figure with everything needed to check it by hand.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    /// The indicator key (or `key.parts.N` for a sub-item).
    pub key: String,
    pub kind: FigureKind,
    /// Named inputs as decimals.
    pub inputs: IndexMap<String, String>,
    pub formula: String,
    /// The exact result before rounding (up to 10 decimals shown).
    pub exact: String,
    /// The result rounded half-up at the precision used in the draft.
    pub value: String,
    /// The phrase placed in the draft.
    pub text: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    UnitConversion,
    Ratio,
    YoyPercent,
    YoyMultiple,
    YoyDoubling,
    YoyChange,
    /// 由负转正 / 由正转负 / 减亏 / 增亏: a base or value below zero.
    YoySigned,
    /// 实现零的突破: last year's value was zero.
    YoyFromZero,
    YoyPoints,
    YoyRelative,
    TargetCompletion,
    TargetGap,
    TimeProgress,
    NextPercent,
    NextChange,
    NextPoints,
    Share,
    PartShare,
    PartsSum,
    Streak,
    RecordHigh,
    Milestone,
    AverageGrowth,
    OutlookGrowth,
    Rank,
    AverageGap,
}

/// Settings that apply to every indicator of a report.
pub(crate) struct Settings {
    pub year: i32,
    pub percent_precision: u32,
    pub tolerance: Option<Decimal>,
    pub multiples: bool,
    pub part_year: bool,
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
            part_year,
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
        if let Some(derived) = shares::derive(key, def, &indicators, &mut figures) {
            let facts = indicator::measure(key, &derived, &file.report, &settings, &mut figures);
            indicators.insert(key.clone(), facts);
        }
    }
    shares::part_of(file, &settings, &mut indicators, &mut figures);
    let with = |has: fn(&IndicatorFacts) -> bool| -> Vec<IndicatorFacts> {
        indicators.values().filter(|f| has(f)).cloned().collect()
    };
    let next_targets = with(|f| f.next_target.is_some());
    let outlooks = with(|f| f.outlook.is_some());
    let targets = with(|f| f.target.is_some());
    Facts {
        report: report_facts(file, &settings),
        next_targets,
        outlooks,
        targets,
        indicators,
        figures,
    }
}

fn report_facts(file: &ReportFile, settings: &Settings) -> ReportFacts {
    let meta = &file.report;
    let year = meta.year;
    let months = months_of(meta);
    let half_year = meta.kind == ReportKind::HalfYear;
    let span = if months < 12 {
        format!("1-{months}月")
    } else {
        String::new()
    };
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
        cutoff_month: months,
        half_year,
        period_name: if half_year {
            format!("{year}年上半年")
        } else {
            format!("{year}年")
        },
        work_period: if half_year {
            "上半年".into()
        } else {
            format!("{year}年")
        },
        plan_period: if half_year {
            "下半年".into()
        } else {
            format!("{}年", year + 1)
        },
        figures_period: match (half_year, months) {
            (_, 12) => format!("{year}年"),
            (true, 6) => format!("{year}年上半年"),
            _ => format!("{year}年{span}"),
        },
        span,
        part_year: settings.part_year,
        time_progress: settings
            .time_progress
            .map(|t| format!("{}%", fixed(t, settings.percent_precision))),
    }
}

/// 溆浦县 → 全县, 岳阳市 → 全市, 某某区 → 全区: how a bureau names its whole area.
fn scope_of(region: &str) -> String {
    match region.chars().last() {
        Some(c @ ('县' | '市' | '区' | '旗' | '省')) => format!("全{c}"),
        _ => format!("全{region}"),
    }
}

/// A computation about to be recorded: what went in, how, and at what precision it prints.
pub(crate) struct Calc<'a> {
    pub kind: FigureKind,
    pub inputs: &'a [(&'a str, Decimal)],
    pub formula: &'a str,
    pub exact: Decimal,
    pub places: u32,
}

impl Calc<'_> {
    /// The figure for the audit trail, with the phrase it produced.
    pub fn figure(&self, key: &str, text: &str) -> Figure {
        Figure {
            key: key.to_string(),
            kind: self.kind,
            inputs: self
                .inputs
                .iter()
                .map(|(k, v)| (k.to_string(), v.normalize().to_string()))
                .collect(),
            formula: self.formula.into(),
            exact: round_half_up(self.exact, 10).normalize().to_string(),
            value: fixed(self.exact, self.places),
            text: text.into(),
        }
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
mod tests;
