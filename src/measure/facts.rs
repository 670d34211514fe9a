//! What the measure stage produces: one typed record per indicator, numbers only.
//!
//! Every comparison is kept as its exact result, the places it prints with and the way it
//! points once rounded ([`Change`]); the words are chosen later, from these records, in
//! [`crate::zh::cite`]. Checks, rankings and the roll-up read the same records: nothing is
//! printed and parsed back, and nothing is kept twice.

use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::Serialize;

use super::decimal::round_half_up;
use crate::model::{Better, IndicatorKind, ReportKind};

/// Everything measured of one report.
#[derive(Debug, Clone)]
pub struct Facts {
    pub report: ReportFacts,
    /// Indicator facts by key, in file order; derived ratios follow the indicators.
    pub indicators: IndexMap<String, IndicatorFacts>,
    /// Every computed figure, in the order computed, for the audit.
    pub figures: Vec<Figure>,
}

/// The report as a whole: who, which period, which date.
#[derive(Debug, Clone)]
pub struct ReportFacts {
    pub issuer: String,
    pub region: String,
    /// The superior city or province.
    pub city: Option<String>,
    pub year: i32,
    pub kind: ReportKind,
    /// 成文日期 (year, month, day), when the file gives a date.
    pub date: Option<(i32, u32, u32)>,
    /// `[report].title` split at its line breaks, when the file overrides the title.
    pub title_lines: Option<Vec<String>>,
    /// The last month the figures cover (12 for a whole year).
    pub months: u32,
    /// Decimal places of percentages in this report.
    pub percent_places: u32,
    /// Share of the year elapsed in percent, exact, for part-year reports.
    pub time_progress: Option<Decimal>,
}

impl ReportFacts {
    pub fn half_year(&self) -> bool {
        self.kind == ReportKind::HalfYear
    }

    /// The figures cover less than a year: targets are annual and 序时进度 applies.
    pub fn part_year(&self) -> bool {
        self.months < 12
    }
}

/// Which way a rounded figure points. A change that rounds to zero is flat: printing
/// "增长0.0%" would contradict itself. A change inside the file's tolerance is steady
/// (基本持平): not zero, but too small to call a rise or a fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Flat,
    Steady,
}

impl Trend {
    pub fn of(rounded: Decimal) -> Trend {
        if rounded.is_zero() {
            Trend::Flat
        } else if rounded.is_sign_positive() {
            Trend::Up
        } else {
            Trend::Down
        }
    }

    /// Like [`Trend::of`], but an exact change smaller than `tolerance` is [`Trend::Steady`].
    pub fn within(rounded: Decimal, exact: Decimal, tolerance: Option<Decimal>) -> Trend {
        match (Trend::of(rounded), tolerance) {
            (Trend::Up | Trend::Down, Some(t)) if exact.abs() < t => Trend::Steady,
            (trend, _) => trend,
        }
    }

    /// Up or down, as opposed to flat or steady.
    pub fn moved(self) -> bool {
        matches!(self, Trend::Up | Trend::Down)
    }
}

/// A computed result: exact, the decimal places it is printed with, and the way it points
/// once rounded there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub exact: Decimal,
    pub places: u32,
    pub trend: Trend,
}

impl Change {
    /// Trend of the rounded figure; no tolerance.
    pub fn new(exact: Decimal, places: u32) -> Change {
        Change::within(exact, places, None)
    }

    /// Trend of the rounded figure, steady inside `tolerance`.
    pub fn within(exact: Decimal, places: u32, tolerance: Option<Decimal>) -> Change {
        Change {
            exact,
            places,
            trend: Trend::within(round_half_up(exact, places), exact, tolerance),
        }
    }
}

/// How an indicator's values are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Places {
    /// The precision the file set (or a count's none): every value at these decimals.
    Fixed(u32),
    /// As the clerk typed them: each value at its own decimals (4000 → 4000万元, 2.0 →
    /// 2.0%), at most `cap` when converted from another unit; a result of division at
    /// `computed`, the most decimals any of its figures has.
    AsTyped { cap: u32, computed: u32 },
}

impl Places {
    /// The decimals `value` prints with: a typed figure, or a sum or difference of them,
    /// carries its own.
    pub fn of(self, value: Decimal) -> u32 {
        match self {
            Places::Fixed(p) => p,
            Places::AsTyped { cap, .. } => value.scale().min(cap),
        }
    }

    /// The decimals of a result of division (an average, a mean).
    pub fn computed(self) -> u32 {
        match self {
            Places::Fixed(p) => p,
            Places::AsTyped { computed, .. } => computed,
        }
    }
}

/// One indicator, measured.
#[derive(Debug, Clone)]
pub struct IndicatorFacts {
    pub key: String,
    /// The name tables print.
    pub name: String,
    /// The word sentences use, when the file or the catalogue gives one (else
    /// [`crate::zh::cite`] derives it from the name).
    pub label: Option<String>,
    /// The indicator's own period when not the report's (2021年度, 1-11月).
    pub period: Option<String>,
    pub unit: String,
    pub kind: IndicatorKind,
    pub better: Better,
    /// How its values are printed.
    pub places: Places,
    /// Decimal places of its percentages.
    pub percent_places: u32,
    /// This period's value, in the display unit.
    pub current: Decimal,
    /// The same period last year (from `previous`, else from `history`).
    pub previous: Option<Decimal>,
    pub yoy: Option<Yoy>,
    pub target: Option<Target>,
    pub next: Option<Next>,
    /// Its share of the indicator it is `part_of`.
    pub share: Option<Share>,
    /// The value as the file asks it stated, approximately (2600多万元).
    pub approx: Option<Approximate>,
    /// Next period's planned growth (`next_growth`), and the target it implies.
    pub planned: Option<Planned>,
    /// Sub-items, in file order.
    pub parts: Vec<Part>,
    pub series: Series,
    pub outlook: Option<Outlook>,
    /// Where this region stands among the others of a batch.
    pub rank: Option<Rank>,
    /// Kept for citing in prose: out of the indicator paragraph and table unless listed.
    pub cite_only: bool,
}

impl IndicatorFacts {
    /// The sum of the sub-items' current values.
    pub fn parts_sum(&self) -> Option<Decimal> {
        (!self.parts.is_empty()).then(|| self.parts.iter().map(|p| p.current).sum())
    }

    /// The sum of the sub-items' previous values, when every one has it.
    pub fn parts_previous_sum(&self) -> Option<Decimal> {
        if self.parts.is_empty() {
            return None;
        }
        self.parts.iter().map(|p| p.previous).sum()
    }

    /// Growth in percent, when there is one (a positive base, a value not below zero).
    pub fn growth(&self) -> Option<Decimal> {
        match &self.yoy {
            Some(Yoy::Growth { percent, .. })
            | Some(Yoy::Stated {
                change: percent,
                points: false,
            }) => Some(percent.exact),
            _ => None,
        }
    }

    /// A ratio's change in percentage points.
    pub fn points(&self) -> Option<Decimal> {
        match &self.yoy {
            Some(Yoy::Points { points, .. })
            | Some(Yoy::Stated {
                change: points,
                points: true,
            }) => Some(points.exact),
            _ => None,
        }
    }

    /// A ratio's relative change in percent, whether or not the draft states it.
    pub fn relative(&self) -> Option<Decimal> {
        match &self.yoy {
            Some(Yoy::Points { relative, .. }) => relative.map(|r| r.exact),
            _ => None,
        }
    }
}

/// This period against the same period last year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Yoy {
    /// A ratio, compared in percentage points; its relative change is known when last year's
    /// value was positive, and stated when the file asks for it.
    Points {
        points: Change,
        relative: Option<Change>,
        state_relative: bool,
    },
    /// Growth from a positive base to a value not below zero.
    Growth {
        /// The absolute change (no tolerance: 增加8家 is never "steady").
        change: Change,
        percent: Change,
        /// The growth as a multiple of the base, when it is 100% or more.
        multiple: Option<Change>,
        /// How many times the value has doubled (翻N番), when it has.
        doubling: Option<u32>,
        /// Whether the multiple is said instead of the percentage.
        as_multiple: bool,
    },
    /// Last year's value was zero and this year's is not: a first.
    FromZero { change: Change },
    /// Zero both years.
    BothZero { change: Change },
    /// A figure below zero (a loss): it shrank or grew, or its sign turned (`turned` is
    /// `Some(true)` for 由负转正).
    Signed {
        change: Change,
        turned: Option<bool>,
    },
    /// Only the absolute change could be computed (a percentage beyond decimal range).
    Amount { change: Change },
    /// No previous value, but a growth rate the statistics stated (`stated_growth`): in
    /// percent, or in points for a ratio, at the decimals it was stated with.
    Stated { change: Change, points: bool },
}

impl Yoy {
    /// The absolute change of an amount or count.
    pub fn change(&self) -> Option<&Change> {
        match self {
            Yoy::Points { .. } | Yoy::Stated { .. } => None,
            Yoy::Growth { change, .. }
            | Yoy::FromZero { change }
            | Yoy::BothZero { change }
            | Yoy::Signed { change, .. }
            | Yoy::Amount { change } => Some(change),
        }
    }
}

/// A value stated approximately; comparisons still use the exact one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approximate {
    pub mark: crate::model::Approx,
    /// The value cut or rounded to its significant digits, in the display unit.
    pub value: Decimal,
    /// The same in the magnitude it is said in (3 for 30000 said in 万), and that magnitude.
    pub said: Decimal,
    pub magnitude: Option<&'static str>,
}

/// A planned growth rate: at least `low` (增长10%以上), or between `low` and `high`
/// (保持10%—15%的增长); in points for a ratio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub low: Change,
    pub high: Option<Change>,
    pub points: bool,
    /// The target `low` implies from this period's value.
    pub implied: Decimal,
    /// With a `next_target` too, the growth it means (percent, or points for a ratio),
    /// exact: it should fall in the planned range.
    pub of_target: Option<Decimal>,
}

/// This period against its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub value: Decimal,
    /// Beyond (up) or short of (down) the target, whichever way is good.
    pub gap: Change,
    /// Value ÷ target × 100, for amounts and counts where higher is better.
    pub completion: Option<Change>,
    /// Completion less the share of the year elapsed, for part-year reports.
    pub ahead_of_time: Option<Change>,
}

/// Next period's target against this period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    pub value: Decimal,
    pub comparison: NextComparison,
}

/// How a next-period target is compared: ratios in points, amounts in percent, counts (and
/// amounts from a base of zero or below) in things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextComparison {
    Points(Change),
    Percent(Change),
    Change(Change),
}

/// A share of the indicator named by `part_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The printed name of the whole.
    pub whole: String,
    pub percent: Change,
}

/// A sub-item of an indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub current: Decimal,
    pub previous: Option<Decimal>,
    /// Its share of the indicator.
    pub share: Option<Change>,
    /// Its growth against its own previous value.
    pub growth: Option<Change>,
}

/// What several years of one indicator show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Series {
    /// Years in a row of rises (true) or falls (false), ending this year, when two or more.
    pub streak: Option<(usize, bool)>,
    /// Above every earlier year given.
    pub record: bool,
    /// The highest threshold crossed for the first time this year.
    pub milestone: Option<Decimal>,
    /// Average annual change since the earliest year given.
    pub average: Option<Average>,
}

/// An average annual change: compound growth in percent, or points a year for a ratio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Average {
    pub since: i32,
    pub change: Change,
}

/// A plan value for a later year and the average annual change it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    pub year: i32,
    pub value: Decimal,
    pub yearly: Option<Change>,
}

/// A region's standing on one indicator: computed among the regions of a batch, or stated
/// by the file (`stated_rank`, as the statistics bureau published it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rank {
    /// 1-based; ties share a rank.
    pub rank: u32,
    /// How many regions were ranked, when known.
    pub of: Option<usize>,
    /// Shared with another region, as a stated rank says (并列).
    pub tied: bool,
    /// Stated by the file rather than computed.
    pub stated: bool,
    /// The superior all ranked regions report to (a city or province), if named.
    pub within: Option<String>,
    /// The next better region and the gap to it (this region's value minus its).
    pub ahead: Option<Neighbour>,
    pub behind: Option<Neighbour>,
    /// This region's value minus the mean of the ranked values (computed ranks only).
    pub average: Option<Change>,
    /// Places moved up since last year's rank (negative: down).
    pub moved: Option<i64>,
    /// Rank by growth rate, when every ranked region has one.
    pub growth_rank: Option<u32>,
    /// The peer group and the rank within it, where others share the group.
    pub peer: Option<(String, u32)>,
}

/// A neighbour in a ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    pub region: String,
    pub gap: Change,
}

/// One computed figure with everything needed to check it by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The indicator key (or `key.parts.N` for a sub-item).
    pub key: String,
    pub kind: FigureKind,
    /// Named inputs.
    pub inputs: Vec<(String, Decimal)>,
    pub formula: String,
    /// The exact result.
    pub exact: Decimal,
    /// Decimal places of the printed result.
    pub places: u32,
    /// Which phrase of the draft this figure justifies.
    pub says: Says,
    /// Set when the figure was stated by the file, not computed: who stated it, if named.
    pub stated: Option<Stated>,
}

/// A figure the file states (a published growth rate or rank), with its source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stated {
    pub source: Option<String>,
}

/// The phrase a figure justifies, so that the audit shows exactly the words placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Says {
    /// A citable field of the indicator.
    Field(Citable),
    /// A field of the indicator's ranking.
    Rank(RankField),
    /// A sub-item's share.
    PartShare(usize),
    /// The sum of the sub-items.
    PartsSum,
    /// The value converted into the display unit.
    Converted,
    /// A derived ratio's value, this period (`true`) or last.
    RatioValue(bool),
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
    /// A growth rate the file states, printed when there is no previous value.
    StatedGrowth,
    /// A rank the file states.
    StatedRank,
    /// An approximate value (2600多万元) and the exact one it stands for.
    Approximation,
    /// The target a planned growth rate implies.
    NextGrowth,
}

/// Declares the fields of an indicator that prose and templates may cite, once, by the names
/// templates use. The context templates see ([`crate::narrate`]), the citation checker's
/// advice, the schema's description and README's table are all made from this list; the
/// words of each field are chosen in [`crate::zh::cite`].
macro_rules! citable {
    ($( $variant:ident $name:literal, )*) => {
        /// A field of an indicator that prose and templates may cite as `{{ind.KEY.FIELD}}`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Citable { $( $variant, )* }

        impl Citable {
            pub const ALL: &[Citable] = &[$( Citable::$variant, )*];

            /// The name templates use.
            pub fn name(self) -> &'static str {
                match self { $( Citable::$variant => $name, )* }
            }
        }
    };
}

citable! {
    Key "key",
    Name "name",
    Label "label",
    Period "period",
    Unit "unit",
    Kind "kind",
    Value "value",
    Number "number",
    Summary "summary",
    Previous "previous",
    PreviousNumber "previous_number",
    Growth "growth",
    GrowthPercent "growth_percent",
    Multiple "multiple",
    Doubling "doubling",
    Change "change",
    Points "points",
    Relative "relative",
    Yoy "yoy",
    Comparison "comparison",
    Target "target",
    TargetNumber "target_number",
    Completion "completion",
    CompletionRate "completion_rate",
    TargetStatus "target_status",
    Remaining "remaining",
    Progress "progress",
    TargetSummary "target_summary",
    NextTarget "next_target",
    NextChange "next_change",
    NextGrowth "next_growth",
    Share "share",
    ShareRate "share_rate",
    Streak "streak",
    Record "record",
    Milestone "milestone",
    Series "series",
    AverageGrowth "average_growth",
    Outlook "outlook",
    OutlookGrowth "outlook_growth",
}

/// A field of an indicator's ranking, cited as `{{ind.KEY.rank.FIELD}}` (computed in a batch,
/// or stated by the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RankField {
    Rank,
    Of,
    Position,
    Ahead,
    Behind,
    Average,
    Change,
    Growth,
    Peer,
    Text,
    Brief,
    Detail,
    Scope,
}

impl RankField {
    pub const ALL: &[RankField] = &[
        RankField::Rank,
        RankField::Of,
        RankField::Position,
        RankField::Ahead,
        RankField::Behind,
        RankField::Average,
        RankField::Change,
        RankField::Growth,
        RankField::Peer,
        RankField::Text,
        RankField::Brief,
        RankField::Detail,
        RankField::Scope,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RankField::Rank => "rank",
            RankField::Of => "of",
            RankField::Position => "position",
            RankField::Ahead => "ahead",
            RankField::Behind => "behind",
            RankField::Average => "average",
            RankField::Change => "change",
            RankField::Growth => "growth",
            RankField::Peer => "peer",
            RankField::Text => "text",
            RankField::Brief => "brief",
            RankField::Detail => "detail",
            RankField::Scope => "scope",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_rounding_to_zero_is_flat() {
        assert_eq!(Trend::of(Decimal::new(0, 1)), Trend::Flat);
        assert_eq!(Trend::of(Decimal::new(-0, 2)), Trend::Flat);
        assert_eq!(Trend::of(Decimal::new(-1, 1)), Trend::Down);
    }

    #[test]
    fn a_change_inside_the_tolerance_is_steady() {
        let tol = Some(Decimal::new(5, 1));
        assert_eq!(
            Trend::within(Decimal::new(3, 1), Decimal::new(3, 1), tol),
            Trend::Steady
        );
        assert_eq!(
            Trend::within(Decimal::new(5, 1), Decimal::new(5, 1), tol),
            Trend::Up
        );
        assert_eq!(
            Trend::within(Decimal::ZERO, Decimal::new(1, 3), tol),
            Trend::Flat
        );
    }
}
