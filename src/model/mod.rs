//! The typed shape of a report data file (one bureau, one period).
//!
//! Field names are part of zongjie's public contract: other tools write these files too, so
//! they are kept short, English and stable. Unknown keys are refused (a typo would otherwise
//! silently drop a figure), and every narrative section is optional: a file with only
//! `[report]` and `[indicators]` drafts a short document.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub mod number;
pub(crate) mod text;

use number::Num;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    pub report: ReportMeta,
    #[serde(default)]
    pub indicators: IndexMap<String, Indicator>,
    /// Indicators computed from two others (研发投入占GDP比重 = rd ÷ gdp × 100).
    #[serde(default)]
    pub ratios: IndexMap<String, RatioDef>,
    #[serde(default)]
    pub opening: Option<Opening>,
    #[serde(default)]
    pub achievements: Vec<Part>,
    #[serde(default)]
    pub highlights: Vec<Highlight>,
    #[serde(default)]
    pub problems: Vec<Highlight>,
    #[serde(default)]
    pub plan: Option<Plan>,
    /// The document's own outline: its sections as a tree, up to four levels, numbered by the
    /// outline. Without it, the sections above (`achievements` … `plan`) make the standard
    /// outline.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// House style: which heading levels run into their text, level-3 numbering, the marker
    /// of enumerations.
    #[serde(default)]
    pub style: Option<Style>,
}

impl Style {
    /// This style with every key it leaves out taken from `base` (a city's profile).
    pub fn over(&self, base: &Style) -> Style {
        Style {
            run_in: self.run_in.clone().or_else(|| base.run_in.clone()),
            level3: self.level3.clone().or_else(|| base.level3.clone()),
            marker: self.marker.clone().or_else(|| base.marker.clone()),
            full_width_punctuation: self.full_width_punctuation.or(base.full_width_punctuation),
            seal: self.seal.or(base.seal),
            fonts: match (&self.fonts, &base.fonts) {
                (Some(mine), Some(theirs)) => Some(mine.over(theirs)),
                (mine, theirs) => mine.clone().or_else(|| theirs.clone()),
            },
        }
    }
}

/// The free-text fields of a file with their key paths (see [`ReportFile::texts`]): made once
/// per check and read by every check of the text.
pub type Texts<'a> = Vec<(String, &'a str)>;

impl ReportFile {
    /// Every free-text field with its dotted key path, in file order.
    pub fn texts(&self) -> Texts<'_> {
        let mut out: Vec<(String, &String)> = Vec::new();
        texts_of!(self, out, iter, section_texts);
        out.into_iter().map(|(p, t)| (p, t.as_str())).collect()
    }

    /// The same fields, to be changed in place (punctuation made full-width).
    pub fn texts_mut(&mut self) -> Vec<(String, &mut String)> {
        let mut out: Vec<(String, &mut String)> = Vec::new();
        texts_of!(self, out, iter_mut, section_texts_mut, mut);
        out
    }

    /// The figure at a key path (`["indicators", "rd", "current"]`), for the load stage to
    /// give back the decimals a clerk typed (TOML reads `2.0` as the float 2).
    pub fn figure_at_mut(&mut self, path: &[&str]) -> Option<&mut Num> {
        match path {
            ["report", "flat_tolerance"] => self.report.flat_tolerance.as_mut(),
            ["indicators", key, rest @ ..] => {
                let ind = self.indicators.get_mut(*key)?;
                match rest {
                    ["current"] => Some(&mut ind.current),
                    ["previous"] => ind.previous.as_mut(),
                    ["target"] => ind.target.as_mut(),
                    ["next_target"] => ind.next_target.as_mut(),
                    ["flat_tolerance"] => ind.flat_tolerance.as_mut(),
                    ["stated_growth"] => ind.stated_growth.as_mut(),
                    ["history", year] => ind.history.get_mut(*year),
                    ["milestones", i] => ind.milestones.get_mut(i.parse::<usize>().ok()?),
                    ["outlook", "value"] => ind.outlook.as_mut().map(|o| &mut o.value),
                    ["parts", i, field] => {
                        let part = ind.parts.get_mut(i.parse::<usize>().ok()?)?;
                        match *field {
                            "current" => Some(&mut part.current),
                            "previous" => part.previous.as_mut(),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            ["ratios", key, field] => {
                let ratio = self.ratios.get_mut(*key)?;
                match *field {
                    "scale" => ratio.scale.as_mut(),
                    "target" => ratio.target.as_mut(),
                    "next_target" => ratio.next_target.as_mut(),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Every section of the tree with its key path and the level its heading is printed at
    /// (1 for a top-level section, one more than its parent's unless it says a deeper
    /// `level`), in document order.
    pub fn sections(&self) -> Vec<(String, usize, &Section)> {
        fn walk<'a>(
            out: &mut Vec<(String, usize, &'a Section)>,
            path: String,
            parent: usize,
            sections: &'a [Section],
        ) {
            for (i, section) in sections.iter().enumerate() {
                let path = if path.is_empty() {
                    format!("sections.{i}")
                } else {
                    format!("{path}.sections.{i}")
                };
                let level = section.printed_level(parent);
                out.push((path.clone(), level, section));
                walk(out, path, level, &section.sections);
            }
        }
        let mut out = Vec::new();
        walk(&mut out, String::new(), 0, &self.sections);
        out
    }
}

/// Walks every free-text field of a file, shared or mutable (one walk, two borrows).
macro_rules! texts_of {
    ($file:expr, $out:ident, $iter:ident, $sections:ident $(, $m:tt)?) => {{
        $out.push(("report.issuer".into(), & $($m)? $file.report.issuer));
        $out.push(("report.region".into(), & $($m)? $file.report.region));
        if let Some(t) = & $($m)? $file.report.title {
            $out.push(("report.title".into(), t));
        }
        for (key, ind) in $file.indicators.$iter() {
            $out.push((format!("indicators.{key}.name"), & $($m)? ind.name));
            $out.push((format!("indicators.{key}.unit"), & $($m)? ind.unit));
            for (i, part) in ind.parts.$iter().enumerate() {
                $out.push((format!("indicators.{key}.parts.{i}.name"), & $($m)? part.name));
            }
        }
        for (key, ratio) in $file.ratios.$iter() {
            $out.push((format!("ratios.{key}.name"), & $($m)? ratio.name));
        }
        if let Some(o) = & $($m)? $file.opening {
            $out.push(("opening.text".into(), & $($m)? o.text));
        }
        for (i, part) in $file.achievements.$iter().enumerate() {
            part_texts!($out, format!("achievements.{i}"), part, $iter $(, $m)?);
        }
        for (section, items) in [
            ("highlights", & $($m)? $file.highlights),
            ("problems", & $($m)? $file.problems),
        ] {
            for (i, h) in items.$iter().enumerate() {
                $out.push((format!("{section}.{i}.title"), & $($m)? h.title));
                $out.push((format!("{section}.{i}.text"), & $($m)? h.text));
            }
        }
        if let Some(plan) = & $($m)? $file.plan {
            if let Some(t) = & $($m)? plan.intro {
                $out.push(("plan.intro".to_string(), t));
            }
            for (i, g) in plan.goals.$iter().enumerate() {
                $out.push((format!("plan.goals.{i}"), g));
            }
            for (i, part) in plan.tasks.$iter().enumerate() {
                part_texts!($out, format!("plan.tasks.{i}"), part, $iter $(, $m)?);
            }
        }
        for (i, section) in $file.sections.$iter().enumerate() {
            $sections(&mut $out, format!("sections.{i}"), section);
        }
    }};
}
use texts_of;

/// The free-text fields of a headed part (an achievement or a task).
macro_rules! part_texts {
    ($out:ident, $path:expr, $part:ident, $iter:ident $(, $m:tt)?) => {{
        let path = $path;
        $out.push((format!("{path}.title"), & $($m)? $part.title));
        for (i, p) in $part.paragraphs.$iter().enumerate() {
            $out.push((format!("{path}.paragraphs.{i}"), p));
        }
        for (i, p) in $part.points.$iter().enumerate() {
            $out.push((format!("{path}.points.{i}.title"), & $($m)? p.title));
            $out.push((format!("{path}.points.{i}.text"), & $($m)? p.text));
        }
    }};
}
use part_texts;

/// Walks the free-text fields of a section and the sections under it.
macro_rules! section_walk {
    ($name:ident, $iter:ident $(, $m:tt)?) => {
        fn $name<'a>(out: &mut Vec<(String, &'a $($m)? String)>, path: String, section: &'a $($m)? Section) {
            if let Some(t) = & $($m)? section.title {
                out.push((format!("{path}.title"), t));
            }
            if let Some(t) = & $($m)? section.lead {
                out.push((format!("{path}.lead"), t));
            }
            for (i, g) in section.goals.$iter().enumerate() {
                out.push((format!("{path}.goals.{i}"), g));
            }
            for (i, p) in section.paragraphs.$iter().enumerate() {
                out.push((format!("{path}.paragraphs.{i}"), p));
            }
            for (i, p) in section.points.$iter().enumerate() {
                out.push((format!("{path}.points.{i}.title"), & $($m)? p.title));
                out.push((format!("{path}.points.{i}.text"), & $($m)? p.text));
            }
            for (i, child) in section.sections.$iter().enumerate() {
                $name(out, format!("{path}.sections.{i}"), child);
            }
        }
    };
}
section_walk!(section_texts, iter);
section_walk!(section_texts_mut, iter_mut, mut);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    /// 年度工作总结及下年工作计划.
    Annual,
    /// 上半年工作总结及下半年工作思路.
    HalfYear,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    /// The issuing body as it signs the document, e.g. 溆浦县科学技术局.
    pub issuer: String,
    /// The region the figures describe, e.g. 溆浦县 (全县 / 全市 is derived from it).
    pub region: String,
    /// The superior city or province, e.g. 怀化市.
    #[serde(default)]
    pub city: Option<String>,
    /// The year the report covers.
    pub year: i32,
    pub kind: ReportKind,
    /// 成文日期, written as a TOML date: `date = 2024-12-20`.
    #[schemars(schema_with = "date_schema")]
    pub date: toml::value::Datetime,
    /// Overrides the generated title.
    #[serde(default)]
    pub title: Option<String>,
    /// Decimal places of growth percentages (default 1: 增长66.9%).
    #[serde(default)]
    pub percent_precision: Option<u32>,
    /// Decimal places of amounts and ratios unless an indicator says otherwise (default 2);
    /// counts are always whole unless their own `precision` says otherwise.
    #[serde(default)]
    pub precision: Option<u32>,
    /// A growth (in %) or a ratio's change (in 百分点) smaller than this reads 基本持平
    /// instead of 增长0.3%; by default only a change that rounds to zero reads 持平.
    #[serde(default)]
    pub flat_tolerance: Option<Num>,
    /// Growth of 100% or more is phrased as a multiple (增长2.9倍) instead of a percentage.
    #[serde(default)]
    pub multiples: Option<bool>,
    /// The group of comparable regions this one is ranked within besides the whole city
    /// (同类县市, e.g. "A类县市区"); rankings within it are given when others share it.
    #[serde(default)]
    pub peer_group: Option<String>,
    /// The last month the figures cover (截至4月底 → 4). Defaults to 12 for an annual report
    /// and 6 for a half-year one; below 12, targets are annual and measured against the
    /// time elapsed (序时进度).
    #[serde(default)]
    pub cutoff_month: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    /// A sum of money or a quantity: compared in percent (增长66.9%) and absolute change.
    Amount,
    /// Things counted (家, 项, 件, 人): percent and 增加N家.
    Count,
    /// A rate or share in %: compared in 百分点.
    Ratio,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Full name as printed, e.g. 全社会研发经费投入 (from the catalogue when left out).
    #[serde(default)]
    pub name: String,
    /// A shorter name for sentences when the table's name reads as a column head
    /// (高新技术企业 for 高新技术企业数); default: the name.
    #[serde(default)]
    pub label: Option<String>,
    /// The indicator's own period when it is not the report's, as the statistics give it:
    /// `2021年度`, `1-11月`, `前三季度`.
    #[serde(default)]
    pub period: Option<String>,
    /// Display unit: 亿元, 万元, 家, 项, 件, 人, %… (from the catalogue when left out).
    #[serde(default)]
    pub unit: String,
    /// This period's value.
    pub current: Num,
    /// The same period last year.
    #[serde(default)]
    pub previous: Option<Num>,
    /// This period's target.
    #[serde(default)]
    pub target: Option<Num>,
    /// Next period's planned target (feeds 总体目标 and 比2024年增长…).
    #[serde(default)]
    pub next_target: Option<Num>,
    /// Decimal places shown for the value; defaults by kind (count 0, amount and ratio 2).
    #[serde(default)]
    pub precision: Option<u32>,
    /// Inferred from the unit when absent: `%` is a ratio, 家/项/件/人/个… are counts.
    #[serde(default)]
    pub kind: Option<IndicatorKind>,
    /// The unit the figures are written in when it differs from the display `unit`
    /// (figures typed in 万元, printed in 亿元).
    #[serde(default)]
    pub input_unit: Option<String>,
    /// Which way is good (default higher); for `lower` (能耗, 投诉件数) a fall meets the target.
    #[serde(default)]
    pub better: Option<Better>,
    /// For a ratio: also state the relative change (2.0% vs 1.28% → 增长56.25%).
    #[serde(default)]
    pub relative_change: Option<bool>,
    /// Overrides `report.multiples` for this indicator.
    #[serde(default)]
    pub multiples: Option<bool>,
    /// Overrides `report.flat_tolerance` for this indicator.
    #[serde(default)]
    pub flat_tolerance: Option<Num>,
    /// Values of earlier years, by year: `history = { 2021 = 1.9, 2022 = 2.72 }`. Gives
    /// 连续N年增长, 创历史新高, 首次突破 and 年均增长.
    #[serde(default)]
    pub history: IndexMap<String, Num>,
    /// Thresholds worth announcing when first crossed (首次突破100亿元).
    #[serde(default)]
    pub milestones: Vec<Num>,
    /// A plan value for a later year (到2025年达到150亿元), with the average annual growth it
    /// needs from this period's value.
    #[serde(default)]
    pub outlook: Option<Outlook>,
    /// The key of the indicator this one is a part of: its share (占比) is computed.
    #[serde(default)]
    pub part_of: Option<String>,
    /// Sub-items that make up this indicator (by source, by sector); they are checked to add
    /// up to `current` and each gets its share.
    #[serde(default)]
    pub parts: Vec<SubItem>,
    /// A growth rate published elsewhere (statistics bureau, last report), in % or, for a
    /// ratio, in 百分点: printed as the indicator's growth when `previous` is absent (a rate
    /// at comparable prices, for which no raw figure exists), checked against the one
    /// computed from `current` and `previous` otherwise.
    #[serde(default)]
    pub stated_growth: Option<Num>,
    /// Who stated the stated figures (`stated_growth`, `stated_rank`): 县统计局.
    #[serde(default)]
    pub source: Option<String>,
    /// A rank the statistics bureau or the province published:
    /// `{ scope = "怀化市", position = 9 }`.
    #[serde(default)]
    pub stated_rank: Option<StatedRank>,
    /// Decimal places of this indicator's percentages (growth, completion, share, time
    /// progress), overriding `report.percent_precision`.
    #[serde(default)]
    pub percent_precision: Option<u32>,
    /// The value is stated approximately: 多 and 余 (2634 → 2600多), 约 and 近 (138 → 约140),
    /// at `approx_digits` significant digits. Comparisons use the exact value.
    #[serde(default)]
    pub approx: Option<Approx>,
    /// Significant digits an approximate value keeps (default 2).
    #[serde(default)]
    pub approx_digits: Option<u32>,
    /// Next period's planned growth in %: `10` (增长10%以上) or a range `[10, 15]`
    /// (保持10%—15%的增长), instead of or beside `next_target`.
    #[serde(default)]
    pub next_growth: Option<NextGrowth>,
    /// Last year's rank among the regions batched together, for 比上年前移2位.
    #[serde(default)]
    pub last_rank: Option<u32>,
    /// Set when a `next_target` below this period's value is intended (a one-off peak), so
    /// the check that flags it stays quiet.
    #[serde(default)]
    pub decline_planned: bool,
    /// For citing in prose only: kept out of the indicator paragraph and table unless a
    /// section lists it in `only` (GDP, a helper total).
    #[serde(default)]
    pub cite_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

/// A published rank.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedRank {
    /// Where the rank was made: a city (怀化市) or the province (湖南省, 全省).
    pub scope: String,
    /// 1 for first.
    pub position: u32,
    /// How many were ranked.
    #[serde(default)]
    pub of: Option<u32>,
    /// Shared with another region (并列).
    #[serde(default)]
    pub tied: bool,
    /// The rank within a group of like regions: `{ name = "同类县市", position = 7 }`.
    #[serde(default)]
    pub peer_group: Option<PeerRank>,
    /// Last year's position in the same scope (比上年前移2位).
    #[serde(default)]
    pub last_position: Option<u32>,
}

/// A rank within a group of like regions.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeerRank {
    pub name: String,
    pub position: u32,
}

/// How an approximate value is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Approx {
    /// 2600多万元: the value cut to its significant digits, 多 after.
    #[serde(rename = "多")]
    More,
    /// 40余块: as 多.
    #[serde(rename = "余")]
    Over,
    /// 约140万元: rounded to the nearest.
    #[serde(rename = "约")]
    About,
    /// 近3万人: rounded to the nearest.
    #[serde(rename = "近")]
    Nearly,
}

/// A planned growth rate, one figure or a range.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum NextGrowth {
    AtLeast(Num),
    Between([Num; 2]),
}

/// A plan value for a later year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outlook {
    pub year: i32,
    pub value: Num,
}

/// One part of an indicator (企业投入 within 全社会研发经费投入).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubItem {
    pub name: String,
    pub current: Num,
    #[serde(default)]
    pub previous: Option<Num>,
}

/// An indicator computed as numerator ÷ denominator × scale, e.g. 研发投入强度 from
/// 研发经费投入 and GDP. Units of the same family (万元, 亿元) are converted first.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatioDef {
    pub name: String,
    /// Key of the indicator on top.
    pub numerator: String,
    /// Key of the indicator below.
    pub denominator: String,
    /// Unit of the result (default `%`).
    #[serde(default)]
    pub unit: Option<String>,
    /// Multiplier (default 100 for `%`, 1 otherwise: 每万人 figures use a denominator in 万人).
    #[serde(default)]
    pub scale: Option<Num>,
    #[serde(default)]
    pub precision: Option<u32>,
    #[serde(default)]
    pub target: Option<Num>,
    #[serde(default)]
    pub next_target: Option<Num>,
    #[serde(default)]
    pub better: Option<Better>,
    #[serde(default)]
    pub relative_change: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// The opening paragraph(s) before the first heading (context, guidance, 现汇报如下).
    pub text: String,
}

/// A headed part of the achievements section, e.g. (一)聚焦核心指标,高效完成目标任务.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub title: String,
    /// Paragraphs under the heading.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Points set out as 一是…… 二是……, each its own paragraph.
    #[serde(default)]
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// A highlight (特色亮点) or a problem (存在的问题): a short title and its explanation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    pub title: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Lead paragraph of the tasks part (指导思想, what the bureau will focus on).
    #[serde(default)]
    pub intro: Option<String>,
    /// Overall targets that are not indicators (力争引进科技创新人才20人), placed after the
    /// computed indicator targets in 总体目标.
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub tasks: Vec<Part>,
}

/// One section of the document's outline: its heading (numbered by the outline, never by
/// hand), what it says and the sections under it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading without its number: `加强党建引领，筑牢政治忠诚担当`. A section without a
    /// title is text between headings, and the headings after it are numbered afresh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The level the heading is printed at when the document skips one, as many summaries
    /// put `1、` items straight under `二、存在的问题`: `level = 3` under a level-1 section.
    /// Default: one below the section it sits in. Its sections go on from this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Print the heading and its first paragraph as one paragraph (overrides `[style].run_in`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_in: Option<bool>,
    /// A lead-in paragraph right after the heading (主要表现在：).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Built-in blocks placed after the lead, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<BlockName>,
    /// The indicators the blocks take, by key (default: every one not `cite_only`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<String>,
    /// Indicators the blocks leave out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
    /// Targets that are not indicators, joined into the `goals` or `remaining` block
    /// (力争引进科技创新人才20人).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// Paragraphs, after the blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// An enumeration (一是…… 二是……), after the paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// How the points are counted: 一是 (default), 一要, 第一 or 首先.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// All points in one paragraph instead of a paragraph each.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inline_points: bool,
    /// The sections under this one, one level down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

impl Section {
    /// The level this section's heading is printed at, under a parent printed at `parent`
    /// (0 for the document): its own `level` when that is deeper, else one below.
    pub fn printed_level(&self, parent: usize) -> usize {
        let below = parent + 1;
        self.level.map_or(below, |l| usize::from(l).max(below))
    }
}

/// A block the measure stage's facts fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockName {
    /// The key-indicator paragraph: each indicator with its comparison, rank and target.
    Indicators,
    /// 主要指标完成情况表.
    IndicatorTable,
    /// Next period's targets (总体目标), with the section's `goals`.
    Goals,
    /// What each annual target still needs, in a half-year plan, with the section's `goals`.
    Remaining,
    /// Indicators with a streak, a record or a milestone.
    Highlights,
    /// Plan values for later years and the annual growth they need.
    Outlook,
}

/// House style: how this bureau's documents are numbered and set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// Heading levels printed run-in, heading and first paragraph as one paragraph:
    /// `run_in = [2, 3]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_in: Option<Vec<u8>>,
    /// Numbering of level-3 headings: `1.` (GB/T 9704, the default) or `1、`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level3: Option<String>,
    /// How enumerations are counted unless a section says otherwise: 一是, 一要, 第一, 首先.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Make half-width `, ; : ( ) ? !` in the clerk's Chinese text full-width (default true);
    /// `false` leaves the text exactly as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_width_punctuation: Option<bool>,
    /// The issuer's seal is printed over the signature (GB/T 9704 §7.3.5.1): the date 4
    /// characters from the right margin, the issuer centred on it. Default `false`, a work
    /// summary's usual form: the issuer 2 characters from the margin (§7.3.5.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<bool>,
    /// Other names for the GB/T 9704 faces, as a city's computers have them installed
    /// (仿宋_GB2312, 楷体_GB2312).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fonts: Option<Fonts>,
}

/// The faces of a document by role, each left out keeping the GB/T 9704 face: body text and
/// headings of levels 3–4 (仿宋), the title (方正小标宋简体), level-1 headings and table captions
/// (黑体), level-2 headings (楷体), page numbers (宋体).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<String>,
}

impl Fonts {
    /// These faces, with every role left out taken from `base`.
    pub fn over(&self, base: &Fonts) -> Fonts {
        Fonts {
            body: self.body.clone().or_else(|| base.body.clone()),
            title: self.title.clone().or_else(|| base.title.clone()),
            heading1: self.heading1.clone().or_else(|| base.heading1.clone()),
            heading2: self.heading2.clone().or_else(|| base.heading2.clone()),
            page_number: self
                .page_number
                .clone()
                .or_else(|| base.page_number.clone()),
        }
    }

    /// Each role and the name chosen for it.
    pub fn named(&self) -> [(&'static str, Option<&str>); 5] {
        [
            ("body", self.body.as_deref()),
            ("title", self.title.as_deref()),
            ("heading1", self.heading1.as_deref()),
            ("heading2", self.heading2.as_deref()),
            ("page_number", self.page_number.as_deref()),
        ]
    }
}

/// A TOML local date (`2024-12-20`), which JSON Schema tools see as a string in date format.
fn date_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "format": "date" })
}
