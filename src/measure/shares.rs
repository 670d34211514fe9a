//! Shares and derived ratios: one indicator as a part of another (占比), and indicators
//! computed from two others (研发投入占GDP比重 = 研发经费投入 ÷ GDP × 100).
//!
//! Both work on exact values in display units; when the two units are of one family (万元
//! and 亿元) the numerator is converted first, so a share never depends on how a clerk typed
//! the figures.

use indexmap::IndexMap;
use rust_decimal::Decimal;

use super::decimal::percent_of;
use super::facts::Share;
use super::{
    Calc, Change, Citable, DEFAULT_PRECISION, Figure, FigureKind, IndicatorFacts, Says, Settings,
    units,
};
use crate::model::number::Num;
use crate::model::{Indicator, IndicatorKind, RatioDef, ReportFile};

/// The multiplier of a derived ratio: stated, else 100 for a result in %, else 1.
fn scale_of(def: &RatioDef) -> Decimal {
    def.scale.map(Num::get).unwrap_or_else(|| {
        if unit_of(def) == "%" {
            Decimal::ONE_HUNDRED
        } else {
            Decimal::ONE
        }
    })
}

fn unit_of(def: &RatioDef) -> &str {
    def.unit.as_deref().unwrap_or("%")
}

/// Builds the indicator a ratio definition describes, from measured numerator and
/// denominator; `None` when either is missing or the denominator is zero (validate reports
/// both).
pub(super) fn derive(
    key: &str,
    def: &RatioDef,
    measured: &IndexMap<String, IndicatorFacts>,
    document_precision: Option<u32>,
    figures: &mut Vec<Figure>,
) -> Option<Indicator> {
    let top = measured.get(&def.numerator)?;
    let bottom = measured.get(&def.denominator)?;
    let convert = units::factor(&top.unit, &bottom.unit).unwrap_or(Decimal::ONE);
    let scale = scale_of(def);
    let unit = unit_of(def);
    let formula = if convert == Decimal::ONE {
        format!(
            "{} ÷ {} × {}",
            def.numerator,
            def.denominator,
            scale.normalize()
        )
    } else {
        format!(
            "{} × {} ÷ {} × {}",
            def.numerator,
            convert.normalize(),
            def.denominator,
            scale.normalize()
        )
    };
    let mut ratio = |this_period: bool, n: Decimal, d: Decimal| -> Option<Decimal> {
        if d.is_zero() {
            return None;
        }
        let exact = n.checked_mul(convert)?.checked_div(d)?.checked_mul(scale)?;
        let calc = Calc {
            kind: FigureKind::Ratio,
            inputs: &[(def.numerator.as_str(), n), (def.denominator.as_str(), d)],
            formula: &formula,
            exact,
            places: 10,
        };
        figures.push(calc.figure(key, Says::RatioValue(this_period)));
        Some(exact)
    };
    let current = ratio(true, top.current, bottom.current)?;
    let previous = match (top.previous, bottom.previous) {
        (Some(n), Some(d)) => ratio(false, n, d),
        _ => None,
    };
    Some(Indicator {
        name: def.name.clone(),
        unit: unit.to_string(),
        current: Num(current),
        previous: previous.map(Num),
        target: def.target,
        next_target: def.next_target,
        // A quotient has no typed decimals: its own precision, the document's, or the default.
        precision: Some(
            def.precision
                .or(document_precision)
                .unwrap_or(DEFAULT_PRECISION),
        ),
        kind: Some(if unit == "%" {
            IndicatorKind::Ratio
        } else {
            IndicatorKind::Amount
        }),
        better: def.better,
        relative_change: def.relative_change,
        ..Default::default()
    })
}

/// Fills `share` for every indicator that names the total it is `part_of`.
pub(super) fn part_of(
    file: &ReportFile,
    settings: &Settings,
    measured: &mut IndexMap<String, IndicatorFacts>,
    figures: &mut Vec<Figure>,
) {
    let pp = settings.percent_precision;
    for (key, ind) in &file.indicators {
        let Some(whole_key) = &ind.part_of else {
            continue;
        };
        let (Some(part), Some(whole)) = (measured.get(key), measured.get(whole_key)) else {
            continue;
        };
        let convert = units::factor(&part.unit, &whole.unit).unwrap_or(Decimal::ONE);
        let part_value = part.current * convert;
        let Some(share) =
            percent_of(part_value, whole.current).filter(|_| whole.current > Decimal::ZERO)
        else {
            continue;
        };
        let calc = Calc {
            kind: FigureKind::Share,
            inputs: &[("part", part_value), (whole_key.as_str(), whole.current)],
            formula: "part ÷ whole × 100",
            exact: share,
            places: pp,
        };
        figures.push(calc.figure(key, Says::Field(Citable::Share)));
        let share = Share {
            whole: whole.name.clone(),
            percent: Change::new(share, pp),
        };
        if let Some(part) = measured.get_mut(key) {
            part.share = Some(share);
        }
    }
}
