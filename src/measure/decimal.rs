//! Rounding and printing of decimals, the only place zongjie turns an exact figure into text.
//!
//! 四舍五入 is half away from zero (2.345 → 2.35, −2.345 → −2.35). Trailing zeros are kept to
//! the stated precision (2.0%, 57家, 4.50亿元) and digits are never grouped with commas:
//! Chinese prose writes 3752.12万元, not 3,752.12万元.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half-up (away from zero) to `places` decimals.
pub fn round_half_up(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds and prints with exactly `places` decimals; a result that rounds to zero prints
/// without a minus sign.
pub fn fixed(value: Decimal, places: u32) -> String {
    let mut rounded = round_half_up(value, places);
    if rounded.is_zero() {
        rounded = Decimal::ZERO;
    }
    rounded.rescale(places);
    rounded.to_string()
}

/// Percentage change from `base` to `value`, exact (not rounded); `None` when the base is
/// zero, because a change from nothing has no percentage.
pub fn percent_change(value: Decimal, base: Decimal) -> Option<Decimal> {
    if base.is_zero() {
        return None;
    }
    (value - base)
        .checked_div(base)
        .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
}

/// `part` as a percentage of `whole`, exact; `None` for a zero whole.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_div(whole)
        .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn half_up_at_the_stated_precision() {
        assert_eq!(fixed(d("2.345"), 2), "2.35");
        assert_eq!(fixed(d("-2.345"), 2), "-2.35");
        assert_eq!(fixed(d("2.344999"), 2), "2.34");
        assert_eq!(fixed(d("2"), 1), "2.0");
        assert_eq!(fixed(d("285.714"), 1), "285.7");
        assert_eq!(fixed(d("-0.004"), 2), "0.00");
        assert_eq!(fixed(d("12345678.5"), 0), "12345679");
    }

    #[test]
    fn the_bureau_printed_figure_is_reproduced() {
        // 2023年研发经费认定4.54亿元, 2022年2.72亿元 → 增长66.9%.
        let pct = percent_change(d("4.54"), d("2.72")).unwrap();
        assert_eq!(fixed(pct, 1), "66.9");
        // 2.0% vs 1.28% → 增长56.25%.
        assert_eq!(
            fixed(percent_change(d("2.0"), d("1.28")).unwrap(), 2),
            "56.25"
        );
    }

    #[test]
    fn zero_bases_give_no_percentage() {
        assert_eq!(percent_change(d("5"), Decimal::ZERO), None);
        assert_eq!(percent_of(d("5"), Decimal::ZERO), None);
    }
}
