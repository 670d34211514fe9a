//! Units that convert into one another (万元 ⇄ 亿元, 人 ⇄ 万人).
//!
//! Bureaus keep figures in whatever unit the source table used and print them in the unit the
//! sentence needs: a loan total typed as 37521.2万元 reads 3.75亿元 in prose. Conversion is
//! exact (powers of ten), so it never changes what half-up rounding later decides.

use rust_decimal::Decimal;

use crate::zh::units::FAMILIES;

/// The family and size of a unit, if it belongs to one.
fn size(unit: &str) -> Option<(usize, Decimal)> {
    let unit = unit.trim();
    FAMILIES.iter().enumerate().find_map(|(family, units)| {
        units
            .iter()
            .find(|(name, _)| *name == unit)
            .map(|(_, size)| (family, Decimal::from(*size)))
    })
}

/// Whether figures in `from` can be shown in `to`.
pub fn convertible(from: &str, to: &str) -> bool {
    from.trim() == to.trim() || matches!((size(from), size(to)), (Some(a), Some(b)) if a.0 == b.0)
}

/// The factor that turns a figure in `from` into one in `to` (万元 → 亿元: 0.0001), or `None`
/// when the units are not of one family.
pub fn factor(from: &str, to: &str) -> Option<Decimal> {
    if from.trim() == to.trim() {
        return Some(Decimal::ONE);
    }
    match (size(from), size(to)) {
        (Some((a, from)), Some((b, to))) if a == b => from.checked_div(to),
        _ => None,
    }
}

/// Units of one family that a data file may name, for help messages.
pub fn family_of(unit: &str) -> Option<Vec<&'static str>> {
    size(unit).map(|(family, _)| FAMILIES[family].iter().map(|(n, _)| *n).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_converts_by_powers_of_ten() {
        assert_eq!(factor("万元", "亿元"), Some(Decimal::new(1, 4)));
        assert_eq!(factor("亿元", "万元"), Some(Decimal::from(10_000)));
        assert_eq!(factor("家", "家"), Some(Decimal::ONE));
        assert_eq!(factor("万元", "家"), None);
        assert!(convertible("人", "万人"));
        assert!(!convertible("人", "万元"));
    }
}
