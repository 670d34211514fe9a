//! The Chinese wording of every comparison, in one place.
//!
//! Functions here receive figures already rounded and printed by [`super::decimal`]; they only
//! choose words (增长/下降, 增加/减少, 提高/下降…个百分点, 持平). Keeping the choice here means a
//! bureau that prefers 同比增加 to 比上年增加 changes one line, and templates never branch on
//! signs.

use rust_decimal::Decimal;

/// Which way a rounded figure points. A change that rounds to zero is flat: printing
/// "增长0.0%" would contradict itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Flat,
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
}

/// Strips the sign: wording carries the direction.
fn magnitude(printed: &str) -> &str {
    printed.trim_start_matches('-')
}

/// 增长66.9% / 下降5.0% / 持平.
pub fn growth(trend: Trend, percent: &str) -> String {
    match trend {
        Trend::Up => format!("增长{}%", magnitude(percent)),
        Trend::Down => format!("下降{}%", magnitude(percent)),
        Trend::Flat => "持平".into(),
    }
}

/// 增加8家 / 减少0.30亿元 / 持平.
pub fn change(trend: Trend, amount: &str, unit: &str) -> String {
    match trend {
        Trend::Up => format!("增加{}{unit}", magnitude(amount)),
        Trend::Down => format!("减少{}{unit}", magnitude(amount)),
        Trend::Flat => "持平".into(),
    }
}

/// 提高0.72个百分点 / 下降0.10个百分点 / 持平.
pub fn points(trend: Trend, points: &str) -> String {
    match trend {
        Trend::Up => format!("提高{}个百分点", magnitude(points)),
        Trend::Down => format!("下降{}个百分点", magnitude(points)),
        Trend::Flat => "持平".into(),
    }
}

/// Year on year, as it stands after a value: 同比增长66.9% / 同比持平.
pub fn year_on_year(comparison: &str) -> String {
    format!("同比{comparison}")
}

/// A count or amount compared with last year's, in absolute terms: 比上年增加8家 / 与上年持平.
pub fn against_last_year(trend: Trend, change: &str) -> String {
    match trend {
        Trend::Flat => "与上年持平".into(),
        _ => format!("比上年{change}"),
    }
}

/// Last year's figure was zero: a percentage is meaningless, the change is a first.
pub fn from_zero_base() -> String {
    "实现零的突破".into()
}

/// Target completion rate: 完成目标任务的108.1%.
pub fn completion(rate: &str) -> String {
    format!("完成目标任务的{rate}%")
}

/// Whether a target was met: 超额完成目标任务 / 完成目标任务 / 距目标尚差0.35亿元.
pub fn target_status(trend: Trend, gap: &str, unit_or_points: &str) -> String {
    match trend {
        Trend::Up => "超额完成目标任务".into(),
        Trend::Flat => "完成目标任务".into(),
        Trend::Down => format!("距目标尚差{}{unit_or_points}", magnitude(gap)),
    }
}

/// A next-period target against this period's value: 比2024年增长12.3% / 与2024年持平.
pub fn against_this_period(trend: Trend, comparison: &str, period: &str) -> String {
    match trend {
        Trend::Flat => format!("与{period}持平"),
        _ => format!("比{period}{comparison}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn words_follow_the_sign() {
        assert_eq!(growth(Trend::Up, "66.9"), "增长66.9%");
        assert_eq!(growth(Trend::Down, "-5.0"), "下降5.0%");
        assert_eq!(change(Trend::Down, "-0.30", "亿元"), "减少0.30亿元");
        assert_eq!(points(Trend::Up, "0.72"), "提高0.72个百分点");
        assert_eq!(against_last_year(Trend::Flat, "持平"), "与上年持平");
        assert_eq!(
            target_status(Trend::Down, "-0.35", "亿元"),
            "距目标尚差0.35亿元"
        );
        assert_eq!(
            against_this_period(Trend::Up, "增长12.3%", "2024年"),
            "比2024年增长12.3%"
        );
    }

    #[test]
    fn a_change_rounding_to_zero_is_flat() {
        assert_eq!(Trend::of(Decimal::new(0, 1)), Trend::Flat);
        assert_eq!(Trend::of(Decimal::new(-0, 2)), Trend::Flat);
        assert_eq!(Trend::of(Decimal::new(-1, 1)), Trend::Down);
    }
}
