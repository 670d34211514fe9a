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

/// `value` kept to `digits` significant digits, the rest cut off (`nearest = false`: 2634 →
/// 2600, for 2600多) or rounded half-up (`nearest = true`: 138 → 140, for 约140). Values with
/// no more digits than that are returned as they are.
pub fn significant(value: Decimal, digits: u32, nearest: bool) -> Decimal {
    let value = value.normalize();
    let mantissa = value.mantissa().unsigned_abs();
    let length = mantissa.checked_ilog10().map_or(1, |l| l + 1);
    if digits == 0 || length <= digits {
        return value;
    }
    let drop = length - digits;
    let unit = 10u128.pow(drop);
    let mut kept = mantissa / unit;
    if nearest && (mantissa % unit) * 2 >= unit {
        kept += 1;
    }
    let kept = i128::try_from(kept * unit).unwrap_or(i128::MAX);
    let signed = if value.is_sign_negative() {
        -kept
    } else {
        kept
    };
    Decimal::try_from_i128_with_scale(signed, value.scale())
        .map(|v| v.normalize())
        .unwrap_or(value)
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

/// The `n`th root of a positive `x`, to about 26 significant digits: Newton's method in
/// decimals, started from the float estimate. A root that is exactly a short decimal (1.1 for
/// 1.21 and n = 2) comes out exactly, so half-up rounding of a growth rate sitting on a
/// midpoint still goes up.
pub fn nth_root(x: Decimal, n: u32) -> Option<Decimal> {
    use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
    if n == 0 || x <= Decimal::ZERO {
        return None;
    }
    if n == 1 {
        return Some(x);
    }
    let nd = Decimal::from(n);
    let guess = x.to_f64()?.powf(1.0 / f64::from(n));
    let mut y = Decimal::from_f64(guess)?;
    for _ in 0..60 {
        let power = power(y, n - 1)?;
        let next = (y.checked_mul(nd - Decimal::ONE)? + x.checked_div(power)?).checked_div(nd)?;
        if next == y {
            break;
        }
        y = next;
    }
    // Snap to a short decimal when that is the exact root.
    for places in 1..=12 {
        let short = y.round_dp(places);
        if power(short, n) == Some(x) {
            return Some(short.normalize());
        }
    }
    Some(y)
}

/// `x` to a whole power, `None` on overflow.
fn power(x: Decimal, n: u32) -> Option<Decimal> {
    (0..n).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(x))
}

/// Average annual growth in percent from `base` to `value` over `years` years:
/// ((value ÷ base)^(1/years) − 1) × 100. `None` unless both are positive and years ≥ 1.
pub fn compound_growth(value: Decimal, base: Decimal, years: u32) -> Option<Decimal> {
    if base <= Decimal::ZERO || value <= Decimal::ZERO || years == 0 {
        return None;
    }
    let root = nth_root(value.checked_div(base)?, years)?;
    (root - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED)
}

#[cfg(test)]
mod tests {

    #[test]
    fn significant_digits_cut_or_round() {
        assert_eq!(significant(d("2634"), 2, false), d("2600"));
        assert_eq!(significant(d("138"), 2, false), d("130"));
        assert_eq!(significant(d("138"), 2, true), d("140"));
        assert_eq!(significant(d("29800"), 1, true), d("30000"));
        assert_eq!(significant(d("2.634"), 2, false), d("2.6"));
        assert_eq!(significant(d("0.0456"), 2, true), d("0.046"));
        assert_eq!(significant(d("45"), 2, false), d("45"));
        assert_eq!(significant(d("995"), 2, true), d("1000"));
        assert_eq!(significant(d("0"), 2, true), d("0"));
    }

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
    fn compound_growth_is_exact_where_the_root_is() {
        // 100 → 121 over two years is exactly 10% a year.
        assert_eq!(
            compound_growth(d("121"), d("100"), 2).unwrap().normalize(),
            d("10")
        );
        // A midpoint: 1.1005² = 1.21110025 → 10.05% a year, rounded up to 10.1.
        let g = compound_growth(d("1.21110025"), d("1"), 2).unwrap();
        assert_eq!(fixed(g, 1), "10.1");
        // The city's outlook: 98.06亿元 in 2021 to 150亿元 in 2025 is 11.2% a year.
        let g = compound_growth(d("150"), d("98.06"), 4).unwrap();
        assert_eq!(fixed(g, 1), "11.2");
        assert_eq!(compound_growth(d("5"), d("0"), 3), None);
        assert_eq!(compound_growth(d("-5"), d("2"), 3), None);
    }

    #[test]
    fn zero_bases_give_no_percentage() {
        assert_eq!(percent_change(d("5"), Decimal::ZERO), None);
        assert_eq!(percent_of(d("5"), Decimal::ZERO), None);
    }
}
