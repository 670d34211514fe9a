//! The Chinese wording of every comparison, in one place.
//!
//! Functions here receive figures already rounded and printed (see
//! [`crate::measure::decimal`]) and the [`Trend`] the measure stage found; they only choose
//! words (增长/下降, 增加/减少, 提高/下降…个百分点, 持平). Keeping the choice here means a bureau
//! that prefers 同比增加 to 比上年增加 changes one line, and templates never branch on signs.

pub use crate::measure::Trend;
use crate::model::Approx;

/// Strips the sign: wording carries the direction.
fn magnitude(printed: &str) -> &str {
    printed.trim_start_matches('-')
}

fn level(trend: Trend) -> Option<&'static str> {
    match trend {
        Trend::Flat => Some("持平"),
        Trend::Steady => Some("基本持平"),
        Trend::Up | Trend::Down => None,
    }
}

/// 增长66.9% / 下降5.0% / 持平 / 基本持平.
pub fn growth(trend: Trend, percent: &str) -> String {
    match trend {
        Trend::Up => format!("增长{}%", magnitude(percent)),
        Trend::Down => format!("下降{}%", magnitude(percent)),
        _ => level(trend).unwrap_or_default().into(),
    }
}

/// Growth of 100% or more as a multiple of the base: 增长2.9倍 (the value is 3.9 times the base).
pub fn multiple(times: &str) -> String {
    format!("增长{}倍", magnitude(times))
}

/// A value that has doubled `n` times over its base: 翻一番 (×2), 翻两番 (×4), 翻三番 (×8).
pub fn doubling(n: u32) -> String {
    let count = match n {
        2 => "两".to_string(),
        _ => super::numeral::chinese_numeral(n as usize),
    };
    format!("翻{count}番")
}

/// 增加8家 / 减少0.30亿元 / 持平.
pub fn change(trend: Trend, amount: &str, unit: &str) -> String {
    match trend {
        Trend::Up => format!("增加{}{unit}", magnitude(amount)),
        Trend::Down => format!("减少{}{unit}", magnitude(amount)),
        _ => level(trend).unwrap_or_default().into(),
    }
}

/// 提高0.72个百分点 / 下降0.10个百分点 / 持平.
pub fn points(trend: Trend, points: &str) -> String {
    match trend {
        Trend::Up => format!("提高{}个百分点", magnitude(points)),
        Trend::Down => format!("下降{}个百分点", magnitude(points)),
        _ => level(trend).unwrap_or_default().into(),
    }
}

/// A signed figure (profit, balance) that was negative: the loss shrank (减亏30万元) or grew
/// (增亏30万元).
pub fn loss_change(trend: Trend, amount: &str, unit: &str) -> String {
    match trend {
        Trend::Up => format!("减亏{}{unit}", magnitude(amount)),
        Trend::Down => format!("增亏{}{unit}", magnitude(amount)),
        _ => level(trend).unwrap_or_default().into(),
    }
}

/// A signed figure that changed sign: 由负转正 / 由正转负.
pub fn sign_change(now_positive: bool) -> String {
    if now_positive {
        "由负转正".into()
    } else {
        "由正转负".into()
    }
}

/// Year on year, as it stands after a value: 同比增长66.9% / 同比持平.
pub fn year_on_year(comparison: &str) -> String {
    format!("同比{comparison}")
}

/// The period compared with: 上年 for a whole year, 上年同期 for part of one.
fn last_period(part_year: bool) -> &'static str {
    if part_year { "上年同期" } else { "上年" }
}

/// A count or amount compared with last year's, in absolute terms: 比上年增加8家 /
/// 比上年同期增加8家 / 与上年持平.
pub fn against_last_year(trend: Trend, change: &str, part_year: bool) -> String {
    let period = last_period(part_year);
    match level(trend) {
        Some(level) => format!("与{period}{level}"),
        None => format!("比{period}{change}"),
    }
}

/// No change at all (zero both years).
pub fn unchanged() -> String {
    level(Trend::Flat).unwrap_or_default().into()
}

/// Last year's figure was zero: a percentage is meaningless, the change is a first.
pub fn from_zero_base() -> String {
    "实现零的突破".into()
}

/// New this year, for a table cell: 新增2个.
pub fn added(value: &str) -> String {
    format!("新增{value}")
}

/// Target completion rate: 完成目标任务的108.1% / 完成全年目标的56.3%.
pub fn completion(rate: &str, part_year: bool) -> String {
    if part_year {
        format!("完成全年目标的{rate}%")
    } else {
        format!("完成目标任务的{rate}%")
    }
}

/// Whether a target was met: 超额完成目标任务 / 完成目标任务 / 距目标尚差0.35亿元; before the
/// year is out, 提前完成全年目标任务 / 距全年目标尚差N.
pub fn target_status(trend: Trend, gap: &str, unit_or_points: &str, part_year: bool) -> String {
    match (trend, part_year) {
        (Trend::Down, false) => format!("距目标尚差{}{unit_or_points}", magnitude(gap)),
        (Trend::Down, true) => format!("距全年目标尚差{}{unit_or_points}", magnitude(gap)),
        (_, true) => "提前完成全年目标任务".into(),
        (Trend::Up, false) => "超额完成目标任务".into(),
        (_, false) => "完成目标任务".into(),
    }
}

/// A planned growth: 增长10%以上 / 保持10%—15%的增长; for a ratio 提高0.2个百分点以上 /
/// 提高0.2—0.3个百分点.
pub fn planned_growth(points: bool, low: &str, high: Option<&str>) -> String {
    match (points, high) {
        (false, None) => format!("增长{low}%以上"),
        (false, Some(high)) => format!("保持{low}%—{high}%的增长"),
        (true, None) => format!("提高{low}个百分点以上"),
        (true, Some(high)) => format!("提高{low}—{high}个百分点"),
    }
}

/// An approximate figure: 2600多万元, 40余块, 约140万元, 近3万人 (`number` already cut or
/// rounded, `magnitude` the 万 or 亿 it is counted in).
pub fn approximate(mark: Approx, number: &str, magnitude: Option<&str>, unit: &str) -> String {
    let magnitude = magnitude.unwrap_or("");
    match mark {
        Approx::More => format!("{number}{magnitude}多{unit}"),
        Approx::Over => format!("{number}{magnitude}余{unit}"),
        Approx::About => format!("约{number}{magnitude}{unit}"),
        Approx::Nearly => format!("近{number}{magnitude}{unit}"),
    }
}

/// A part-year target met, said right after its completion rate (完成全年目标的115.0%，…),
/// which has named the target already.
pub const MET_EARLY: &str = "提前完成全年任务";

/// What the rest of the year must still bring: 还需完成5家.
pub fn remaining(gap: &str, unit: &str) -> String {
    format!("还需完成{}{unit}", magnitude(gap))
}

/// Completion against the share of the year elapsed: 超序时进度6.3个百分点 /
/// 低于序时进度2.0个百分点 / 与序时进度持平.
pub fn time_progress(trend: Trend, points: &str) -> String {
    match trend {
        Trend::Up => format!("超序时进度{}个百分点", magnitude(points)),
        Trend::Down => format!("低于序时进度{}个百分点", magnitude(points)),
        _ => "与序时进度持平".into(),
    }
}

/// A next-period target against this period's value: 比2024年增长12.3% / 与2024年持平.
pub fn against_this_period(trend: Trend, comparison: &str, period: &str) -> String {
    match level(trend) {
        Some(level) => format!("与{period}{level}"),
        None => format!("比{period}{comparison}"),
    }
}

/// A sub-item's share of the indicator it belongs to: 占70.5%.
pub fn part_share(percent: &str) -> String {
    format!("占{percent}%")
}

/// The sub-items added up: 合计4.54亿元.
pub fn parts_sum(value: &str) -> String {
    format!("合计{value}")
}

/// A part's share of its whole: 占研发经费投入的70.5%.
pub fn share(whole: &str, percent: &str) -> String {
    format!("占{whole}的{percent}%")
}

/// 连续3年增长 / 连续3年下降 (three rises in a row).
pub fn streak(years: usize, rising: bool) -> String {
    let way = if rising { "增长" } else { "下降" };
    format!("连续{years}年{way}")
}

/// The highest value of the series given.
pub fn record_high() -> String {
    "创历史新高".into()
}

/// A named threshold crossed for the first time: 首次突破100亿元.
pub fn milestone(threshold: &str) -> String {
    format!("首次突破{threshold}")
}

/// Average annual change since a base year: 2020年以来年均增长12.3%.
pub fn average_since(base_year: i32, comparison: &str) -> String {
    format!("{base_year}年以来年均{comparison}")
}

/// A plan value for a later year: 到2025年达到150.00亿元.
pub fn outlook(year: i32, value: &str) -> String {
    format!("到{year}年达到{value}")
}

/// The average annual change a plan value needs: 年均增长8.5% / 年均提高0.15个百分点.
pub fn yearly(comparison: &str) -> String {
    format!("年均{comparison}")
}

/// Which neighbour in a ranking a gap is to.
pub struct Neighbour(&'static str);
pub const AHEAD: Neighbour = Neighbour("前一名");
pub const BEHIND: Neighbour = Neighbour("后一名");

/// 比前一名鹤城区少92家 / 比后一名常德市多21家 (the trend is of this region's value minus the
/// other's).
pub fn gap_to(neighbour: &Neighbour, name: &str, trend: Trend, gap: &str, unit: &str) -> String {
    let who = neighbour.0;
    match trend {
        Trend::Up => format!("比{who}{name}多{}{unit}", magnitude(gap)),
        Trend::Down => format!("比{who}{name}少{}{unit}", magnitude(gap)),
        _ => format!("与{who}{name}持平"),
    }
}

/// 高于全市平均水平12家 / 低于全市平均水平0.12个百分点 / 与全市平均水平持平.
pub fn against_average(scope: &str, trend: Trend, gap: &str, unit: &str) -> String {
    match trend {
        Trend::Up => format!("高于{scope}平均水平{}{unit}", magnitude(gap)),
        Trend::Down => format!("低于{scope}平均水平{}{unit}", magnitude(gap)),
        _ => format!("与{scope}平均水平持平"),
    }
}

/// 居全市第三位 (Arabic digits past 99: 居全国第1234位).
pub fn rank_in(scope: &str, rank: u32) -> String {
    format!(
        "居{scope}第{}位",
        super::numeral::chinese_numeral(rank as usize)
    )
}

/// A rank shared with another region: 并列怀化市第三位.
pub fn rank_tied(scope: &str, rank: u32) -> String {
    format!(
        "并列{scope}第{}位",
        super::numeral::chinese_numeral(rank as usize)
    )
}

/// A place among like regions, after the main rank: 同类县市第七位.
pub fn peer_rank(group: &str, rank: u32) -> String {
    format!(
        "{group}第{}位",
        super::numeral::chinese_numeral(rank as usize)
    )
}

/// 增速居全市第二位.
pub fn growth_rank(scope: &str, rank: u32) -> String {
    format!("增速{}", rank_in(scope, rank))
}

/// A move in rank since last year, positive up: 比上年前移2位 / 比上年后退1位 / 排名与上年持平.
pub fn rank_change(up: i64) -> String {
    match up {
        0 => "排名与上年持平".into(),
        n if n > 0 => format!("比上年前移{n}位"),
        n => format!("比上年后退{}位", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_sign() {
        assert_eq!(growth(Trend::Up, "66.9"), "增长66.9%");
        assert_eq!(growth(Trend::Down, "-5.0"), "下降5.0%");
        assert_eq!(growth(Trend::Steady, "0.3"), "基本持平");
        assert_eq!(change(Trend::Down, "-0.30", "亿元"), "减少0.30亿元");
        assert_eq!(points(Trend::Up, "0.72"), "提高0.72个百分点");
        assert_eq!(against_last_year(Trend::Flat, "持平", false), "与上年持平");
        assert_eq!(
            against_last_year(Trend::Up, "增加8家", true),
            "比上年同期增加8家"
        );
        assert_eq!(
            target_status(Trend::Down, "-0.35", "亿元", false),
            "距目标尚差0.35亿元"
        );
        assert_eq!(
            target_status(Trend::Up, "3", "家", true),
            "提前完成全年目标任务"
        );
        assert_eq!(
            against_this_period(Trend::Up, "增长12.3%", "2024年"),
            "比2024年增长12.3%"
        );
        assert_eq!(loss_change(Trend::Up, "30", "万元"), "减亏30万元");
        assert_eq!(doubling(1), "翻一番");
        assert_eq!(doubling(2), "翻两番");
        assert_eq!(doubling(3), "翻三番");
        assert_eq!(time_progress(Trend::Up, "6.3"), "超序时进度6.3个百分点");
    }
}
