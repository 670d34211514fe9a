//! How each citable field of a measured indicator reads (see
//! [`crate::measure::facts::Citable`]), and the words each audited figure justifies.
//!
//! The measure stage decides what holds — a growth, a first, a shortfall — and how it rounds;
//! this module only words it. The narrate stage places these words and the audit quotes them,
//! from the same functions, so the 数据核对表 shows exactly what the draft says.

use rust_decimal::Decimal;

use super::{period, phrase, punct};
use crate::measure::decimal::fixed;
use crate::measure::facts::{NextComparison, Part, Rank, Target};
use crate::measure::{
    Change, Citable, Facts, Figure, IndicatorFacts, RankField, ReportFacts, Says, Trend, Yoy,
};
use crate::model::IndicatorKind;

/// A computed figure as printed, at its places.
fn printed(c: &Change) -> String {
    fixed(c.exact, c.places)
}

/// A value of `f` with its unit: 4.54亿元.
fn with_unit(f: &IndicatorFacts, value: Decimal) -> String {
    format!("{}{}", number(f, value), f.unit)
}

/// A value of `f` without its unit, at the decimals it prints with.
fn number(f: &IndicatorFacts, value: Decimal) -> String {
    fixed(value, f.places.of(value))
}

/// What a gap or a change of `f` is counted in: its unit, or points for a ratio.
pub fn gap_unit(f: &IndicatorFacts) -> &str {
    if f.kind == IndicatorKind::Ratio {
        "个百分点"
    } else {
        &f.unit
    }
}

/// The name of an indicator kind, as templates see it.
pub fn kind_name(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Amount => "amount",
        IndicatorKind::Count => "count",
        IndicatorKind::Ratio => "ratio",
    }
}

/// The words of one citable field of `f`, or `None` when the data does not give it.
pub fn text(field: Citable, f: &IndicatorFacts, r: &ReportFacts) -> Option<String> {
    let part_year = r.part_year();
    let target = f.target.as_ref();
    let growth = match &f.yoy {
        Some(Yoy::Growth {
            percent,
            multiple,
            doubling,
            as_multiple,
            ..
        }) => Some((percent, multiple, doubling, *as_multiple)),
        Some(Yoy::Stated {
            change,
            points: false,
        }) => Some((change, &None, &None, false)),
        _ => None,
    };
    let points = match &f.yoy {
        Some(Yoy::Points {
            points,
            relative,
            state_relative,
        }) => Some((points, relative.filter(|_| *state_relative))),
        Some(Yoy::Stated {
            change,
            points: true,
        }) => Some((change, None)),
        _ => None,
    };
    Some(match field {
        Citable::Key => f.key.clone(),
        Citable::Name => f.name.clone(),
        Citable::Label => f.label.clone().unwrap_or_else(|| {
            super::label::sentence_label(&f.name, f.kind == IndicatorKind::Count)
        }),
        Citable::Period => period::own(f.period.as_deref()?),
        Citable::Unit => f.unit.clone(),
        Citable::Kind => kind_name(f.kind).into(),
        Citable::Value => value(f),
        Citable::Number => match &f.approx {
            Some(a) => phrase::approximate(a.mark, &a.said.to_string(), a.magnitude, ""),
            None => number(f, f.current),
        },
        Citable::Summary => summary(f, part_year),
        Citable::Previous => with_unit(f, f.previous?),
        Citable::PreviousNumber => number(f, f.previous?),
        Citable::Growth => growth_said(f)?,
        Citable::GrowthPercent => growth_words(growth?.0),
        Citable::Multiple => phrase::multiple(&printed(growth?.1.as_ref()?)),
        Citable::Doubling => phrase::doubling(growth?.2.as_ref().copied()?),
        Citable::Change => change_words(f, f.yoy.as_ref()?.change()?),
        Citable::Points => points_words(points?.0),
        Citable::Relative => growth_words(&points?.1?),
        Citable::Yoy => yoy(f, part_year)?,
        Citable::Comparison => comparison(f)?,
        Citable::Target => with_unit(f, target?.value),
        Citable::TargetNumber => number(f, target?.value),
        Citable::Completion => phrase::completion(&printed(&target?.completion?), part_year),
        Citable::CompletionRate => format!("{}%", printed(&target?.completion?)),
        Citable::TargetStatus => target_status(f, target?, part_year),
        Citable::Remaining => {
            let t = target?;
            let short = part_year && t.gap.trend == Trend::Down;
            if !short || f.kind == IndicatorKind::Ratio {
                return None;
            }
            phrase::remaining(&printed(&t.gap), gap_unit(f))
        }
        Citable::Progress => progress(target?)?,
        Citable::TargetSummary => target_summary(f, target?, part_year),
        Citable::NextTarget => with_unit(f, f.next.as_ref()?.value),
        Citable::NextChange => next_change(f, r)?,
        Citable::NextGrowth => {
            let p = f.planned.as_ref()?;
            phrase::planned_growth(
                p.points,
                &printed(&p.low),
                p.high.as_ref().map(printed).as_deref(),
            )
        }
        Citable::Share => {
            let s = f.share.as_ref()?;
            phrase::share(&s.whole, &printed(&s.percent))
        }
        Citable::ShareRate => format!("{}%", printed(&f.share.as_ref()?.percent)),
        Citable::Streak => {
            let (years, rising) = f.series.streak?;
            phrase::streak(years, rising)
        }
        Citable::Record => f.series.record.then(phrase::record_high)?,
        Citable::Milestone => milestone(f)?,
        Citable::Series => series(f)?,
        Citable::AverageGrowth => {
            let a = f.series.average.as_ref()?;
            phrase::average_since(a.since, &yearly_words(f, &a.change))
        }
        Citable::Outlook => {
            let o = f.outlook.as_ref()?;
            phrase::outlook(o.year, &with_unit(f, o.value))
        }
        Citable::OutlookGrowth => {
            phrase::yearly(&yearly_words(f, f.outlook.as_ref()?.yearly.as_ref()?))
        }
    })
}

/// 增长66.9% / 下降5.0% / 持平 / 基本持平.
fn growth_words(c: &Change) -> String {
    phrase::growth(c.trend, &printed(c))
}

/// 提高0.72个百分点.
fn points_words(c: &Change) -> String {
    phrase::points(c.trend, &printed(c))
}

/// 增加8家 / 减少0.30亿元.
fn change_words(f: &IndicatorFacts, c: &Change) -> String {
    phrase::change(c.trend, &printed(c), &f.unit)
}

/// A yearly average: growth in percent, or points for a ratio.
fn yearly_words(f: &IndicatorFacts, c: &Change) -> String {
    if f.kind == IndicatorKind::Ratio {
        points_words(c)
    } else {
        growth_words(c)
    }
}

/// The growth as the file asks it said: the percentage, or the multiple.
fn growth_said(f: &IndicatorFacts) -> Option<String> {
    match &f.yoy {
        Some(Yoy::Growth {
            multiple: Some(m),
            as_multiple: true,
            ..
        }) => Some(phrase::multiple(&printed(m))),
        Some(Yoy::Growth { percent, .. })
        | Some(Yoy::Stated {
            change: percent,
            points: false,
        }) => Some(growth_words(percent)),
        _ => None,
    }
}

/// The comparison with last year for a table cell, without 同比: 增长66.9% / 新增2个.
pub fn comparison(f: &IndicatorFacts) -> Option<String> {
    Some(match f.yoy.as_ref()? {
        Yoy::Points { points, .. } => points_words(points),
        Yoy::Growth { .. } => growth_said(f)?,
        Yoy::FromZero { .. } => phrase::added(&with_unit(f, f.current)),
        Yoy::BothZero { .. } => phrase::unchanged(),
        Yoy::Signed {
            turned: Some(positive),
            ..
        } => phrase::sign_change(*positive),
        Yoy::Signed { change, .. } => phrase::loss_change(change.trend, &printed(change), &f.unit),
        Yoy::Amount { change } => change_words(f, change),
        Yoy::Stated {
            change,
            points: true,
        } => points_words(change),
        Yoy::Stated { change, .. } => growth_words(change),
    })
}

/// The comparison as it follows a value: 同比增长66.9% / 实现零的突破 / 与上年持平.
fn yoy(f: &IndicatorFacts, part_year: bool) -> Option<String> {
    Some(match f.yoy.as_ref()? {
        Yoy::FromZero { .. } => phrase::from_zero_base(),
        Yoy::BothZero { change } => {
            phrase::against_last_year(Trend::Flat, &change_words(f, change), part_year)
        }
        _ => phrase::year_on_year(&comparison(f)?),
    })
}

/// The value followed by its comparison with last year: 4.54亿元,同比增长66.9%; a count in
/// things: 57家,比上年增加11家.
/// This period's value with its unit, as the file asks it stated: 4.54亿元 / 2600多万元.
fn value(f: &IndicatorFacts) -> String {
    match &f.approx {
        Some(a) => phrase::approximate(a.mark, &a.said.to_string(), a.magnitude, &f.unit),
        None => with_unit(f, f.current),
    }
}

fn summary(f: &IndicatorFacts, part_year: bool) -> String {
    let value = value(f);
    let tail = match &f.yoy {
        None => return value,
        Some(Yoy::Growth { change, .. }) if f.kind == IndicatorKind::Count => {
            phrase::against_last_year(change.trend, &change_words(f, change), part_year)
        }
        Some(_) => yoy(f, part_year).unwrap_or_default(),
    };
    format!("{value}，{tail}")
}

/// 超额完成目标任务 / 完成目标任务 / 距目标尚差0.35亿元.
fn target_status(f: &IndicatorFacts, t: &Target, part_year: bool) -> String {
    phrase::target_status(t.gap.trend, &printed(&t.gap), gap_unit(f), part_year)
}

/// 超序时进度6.3个百分点.
fn progress(t: &Target) -> Option<String> {
    let a = t.ahead_of_time.as_ref()?;
    Some(phrase::time_progress(a.trend, &printed(a)))
}

/// How the target stands, in one phrase: 完成目标任务的108.1% / 完成全年目标的73.8%，超序时进度
/// 23.8个百分点 / 完成全年目标的115.0%，提前完成全年任务 / 距目标尚差0.09个百分点.
fn target_summary(f: &IndicatorFacts, t: &Target, part_year: bool) -> String {
    let Some(rate) = &t.completion else {
        return target_status(f, t, part_year);
    };
    let completion = phrase::completion(&printed(rate), part_year);
    match progress(t) {
        // Ahead of the year is worth saying once: met early, or where it stands in time.
        Some(progress) => {
            // After 完成全年目标的115.0% the target is named already: 提前完成全年任务.
            let standing = if t.gap.trend == Trend::Down {
                progress
            } else {
                phrase::MET_EARLY.to_string()
            };
            format!("{completion}，{standing}")
        }
        None => completion,
    }
}

/// The next-period target against this period: 比2024年增长12.3% / 与2024年持平.
fn next_change(f: &IndicatorFacts, r: &ReportFacts) -> Option<String> {
    let (trend, comparison) = match f.next.as_ref()?.comparison {
        NextComparison::Points(c) => (c.trend, points_words(&c)),
        NextComparison::Percent(c) => (c.trend, growth_words(&c)),
        NextComparison::Change(c) => (c.trend, change_words(f, &c)),
    };
    // "比2024年增长…": the year named, so the phrase reads right whether the report is dated
    // in December or in the following January.
    Some(phrase::against_this_period(
        trend,
        &comparison,
        &period::year(r.year),
    ))
}

/// 首次突破100亿元.
fn milestone(f: &IndicatorFacts) -> Option<String> {
    let threshold = f.series.milestone?;
    Some(phrase::milestone(&format!(
        "{}{}",
        threshold.normalize(),
        f.unit
    )))
}

/// The series notes that apply, joined: 连续3年增长,创历史新高.
fn series(f: &IndicatorFacts) -> Option<String> {
    let notes: Vec<String> = [
        f.series.streak.map(|(y, r)| phrase::streak(y, r)),
        f.series.record.then(phrase::record_high),
        milestone(f),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!notes.is_empty()).then(|| notes.join(punct::CLAUSE))
}

/// The words of one field of a sub-item: name, value, number, share, yoy.
pub fn part_text(field: &str, f: &IndicatorFacts, part: &Part) -> Option<String> {
    Some(match field {
        "name" => part.name.clone(),
        "value" => with_unit(f, part.current),
        "number" => number(f, part.current),
        "share" => phrase::part_share(&printed(part.share.as_ref()?)),
        "yoy" => phrase::year_on_year(&growth_words(part.growth.as_ref()?)),
        _ => return None,
    })
}

/// The names of a sub-item's fields, in the order templates see them.
pub const PART_FIELDS: [&str; 5] = ["name", "value", "number", "share", "yoy"];

/// The words of one field of a ranking, its gaps counted in `gap_unit` (see [`gap_unit`]).
pub fn rank_text(field: RankField, rank: &Rank, gap_unit: &str) -> Option<String> {
    RankWords::new(rank, gap_unit).get(field)
}

/// The phrases a ranking's fields are made of, worded once: a report's context holds every
/// field of every ranked indicator.
pub struct RankWords<'a> {
    rank: &'a Rank,
    gap_unit: &'a str,
    scope: String,
    position: String,
    peer: Option<String>,
    ahead: Option<String>,
    behind: Option<String>,
    change: Option<String>,
}

impl<'a> RankWords<'a> {
    pub fn new(rank: &'a Rank, gap_unit: &'a str) -> RankWords<'a> {
        let scope = period::rank_scope(rank.within.as_deref());
        let position = if rank.tied {
            phrase::rank_tied(&scope, rank.rank)
        } else {
            phrase::rank_in(&scope, rank.rank)
        };
        // A published rank says its place among like regions, as the file states it; a
        // batch's computed peer rank is a field of its own, or every clause would repeat the
        // group.
        let peer = rank
            .peer
            .as_ref()
            .filter(|_| rank.stated)
            .map(|(group, r)| phrase::peer_rank(group, *r));
        let neighbour = |n: &crate::measure::facts::Neighbour, which| {
            phrase::gap_to(which, &n.region, n.gap.trend, &printed(&n.gap), gap_unit)
        };
        RankWords {
            ahead: rank.ahead.as_ref().map(|n| neighbour(n, &phrase::AHEAD)),
            behind: rank.behind.as_ref().map(|n| neighbour(n, &phrase::BEHIND)),
            change: rank.moved.map(phrase::rank_change),
            rank,
            gap_unit,
            scope,
            position,
            peer,
        }
    }

    /// One field of the ranking in words, if the ranking has it.
    pub fn get(&self, field: RankField) -> Option<String> {
        let rank = self.rank;
        let scope = self.scope.as_str();
        let gap_unit = self.gap_unit;
        let position = self.position.clone();
        let (peer, change) = (self.peer.clone(), self.change.clone());
        Some(match field {
            RankField::Rank => rank.rank.to_string(),
            RankField::Of => rank.of?.to_string(),
            RankField::Position => position,
            RankField::Ahead => self.ahead.clone()?,
            RankField::Behind => self.behind.clone()?,
            RankField::Average => {
                let average = rank.average.as_ref()?;
                phrase::against_average(scope, average.trend, &printed(average), gap_unit)
            }
            RankField::Change => change?,
            RankField::Growth => phrase::growth_rank(scope, rank.growth_rank?),
            RankField::Peer => {
                let (group, r) = rank.peer.as_ref()?;
                phrase::rank_in(group, *r)
            }
            RankField::Text => with_peer(position, peer)
                .into_iter()
                .chain(change)
                .collect::<Vec<_>>()
                .join(punct::CLAUSE),
            // The area once named in a sentence, later ranks say only the place.
            RankField::Brief => {
                let place = if rank.tied {
                    phrase::rank_tied("", rank.rank)
                } else {
                    phrase::rank_in("", rank.rank)
                };
                with_peer(place, peer)
                    .into_iter()
                    .chain(change)
                    .collect::<Vec<_>>()
                    .join(punct::CLAUSE)
            }
            RankField::Scope => scope.to_string(),
            RankField::Detail => std::iter::once(position)
                .chain(self.ahead.clone())
                .chain(self.behind.clone())
                .collect::<Vec<_>>()
                .join(punct::CLAUSE),
        })
    }
}

/// A position and, when the region has one, its place among its peers: 居怀化市第九位、同类县市
/// 第七位.
fn with_peer(position: String, peer: Option<String>) -> Option<String> {
    Some(match peer {
        Some(peer) => format!("{position}{}{peer}", punct::LIST),
        None => position,
    })
}

/// The words an audited figure justifies, quoted from what the draft says.
pub fn figure_text(figure: &Figure, facts: &Facts) -> String {
    let key = figure
        .key
        .split_once(".parts.")
        .map_or(figure.key.as_str(), |(k, _)| k);
    let Some(f) = facts.indicators.get(key) else {
        return String::new();
    };
    match figure.says {
        Says::Field(field) => text(field, f, &facts.report),
        Says::Rank(field) => f
            .rank
            .as_ref()
            .and_then(|r| rank_text(field, r, gap_unit(f))),
        Says::PartShare(i) => f.parts.get(i).and_then(|p| part_text("share", f, p)),
        Says::PartsSum => Some(phrase::parts_sum(&with_unit(f, figure.exact))),
        // The converted figure as the draft prints it (2.63亿元 from 26340万元).
        Says::Converted => Some(with_unit(f, figure.exact.normalize())),
        Says::RatioValue(this_period) => Some(format!(
            "{} {}{}",
            if this_period { "current" } else { "previous" },
            figure.exact.round_dp(10).normalize(),
            f.unit
        )),
    }
    .unwrap_or_default()
}
