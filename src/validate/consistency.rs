//! Consistency checks: figures that disagree with each other or with what the prose says.
//!
//! These are the mistakes hand-written reports make — parts that do not add up to their
//! total, a growth rate typed from last year's report, a ratio's change written as a percent
//! instead of 百分点, next year's target set below this year's result. Each finding names the
//! key path it is about and shows both the figure given and the one computed; they are
//! warnings, which `--strict` makes errors.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::diagnostic::Finding;
use crate::measure::decimal::{fixed, round_half_up};
use crate::measure::{Facts, IndicatorFacts};
use crate::model::{Better, ReportFile};
use crate::zh::{hint, punct, reading, units};

/// One inconsistency, about the value at `key_path`.
struct Inconsistency {
    pub key_path: String,
    /// The words in the value the finding is about (a rate typed in prose), if not all of it.
    pub excerpt: Option<String>,
    pub message: String,
    pub help: String,
}

/// Every inconsistency in a measured report, as warnings (`--strict` makes them errors).
pub fn consistency(file: &ReportFile, facts: &Facts) -> Vec<Finding> {
    let mut found: Vec<Inconsistency> = Vec::new();
    parts_add_up(facts, &mut found);
    parts_fit_their_whole(file, facts, &mut found);
    stated_growth(file, facts, &mut found);
    next_targets_keep_up(file, facts, &mut found);
    planned_growth_agrees(facts, &mut found);
    prose_claims(file, facts, &mut found);
    found
        .into_iter()
        .map(|i| {
            let f = Finding::warning(i.key_path, i.message).help(i.help);
            match i.excerpt {
                Some(words) => f.about(words),
                None => f,
            }
        })
        .collect()
}

/// A figure of `f` as the draft prints it, with its unit.
fn printed(f: &IndicatorFacts, value: Decimal) -> String {
    format!("{}{}", fixed(value, f.places.of(value)), f.unit)
}

/// Last year's figure of `f` as printed, or nothing.
fn previous(f: &IndicatorFacts) -> String {
    f.previous.map(|p| printed(f, p)).unwrap_or_default()
}

/// Sub-items must add up to the indicator, as printed.
fn parts_add_up(facts: &Facts, found: &mut Vec<Inconsistency>) {
    for (key, f) in &facts.indicators {
        let pairs = [
            ("current", Some(f.current), f.parts_sum()),
            ("previous", f.previous, f.parts_previous_sum()),
        ];
        for (field, total, sum) in pairs {
            let (Some(total), Some(sum)) = (total, sum) else {
                continue;
            };
            let p = f.places.computed();
            if round_half_up(total, p) != round_half_up(sum, p) {
                found.push(Inconsistency {
                    excerpt: None,
                    key_path: format!("indicators.{key}.parts"),
                    message: format!(
                        "the parts of {} add up to {} ({field}), but {field} is {} — a difference of {}",
                        f.name,
                        printed(f, sum),
                        printed(f, total),
                        printed(f, total - sum),
                    ),
                    help: format!(
                        "correct the part that is wrong, or `{field}`; add a part ({}) if some is not itemised",
                        hint::OTHER_PART
                    ),
                });
            }
        }
    }
}

/// Indicators that are `part_of` one total cannot add up to more than it.
fn parts_fit_their_whole(file: &ReportFile, facts: &Facts, found: &mut Vec<Inconsistency>) {
    let mut wholes: Vec<&str> = file
        .indicators
        .values()
        .filter_map(|i| i.part_of.as_deref())
        .collect();
    wholes.dedup();
    for whole_key in wholes {
        let Some(whole) = facts.indicators.get(whole_key) else {
            continue;
        };
        let parts: Vec<(&String, &IndicatorFacts)> = file
            .indicators
            .iter()
            .filter(|(_, i)| i.part_of.as_deref() == Some(whole_key))
            .filter_map(|(k, _)| facts.indicators.get(k).map(|f| (k, f)))
            .collect();
        let sum: Decimal = parts
            .iter()
            .map(
                |(_, f)| match crate::measure::units::factor(&f.unit, &whole.unit) {
                    // A converted figure carries the factor's decimals (50000万元 → 5.0000亿元),
                    // which no one typed: print it at the decimals it needs.
                    Some(factor) if factor != Decimal::ONE => (f.current * factor).normalize(),
                    _ => f.current,
                },
            )
            .sum();
        let p = whole.places.computed();
        let Some((first, _)) = parts.first() else {
            continue;
        };
        if round_half_up(sum, p) > round_half_up(whole.current, p) {
            let names: Vec<&str> = parts.iter().map(|(_, f)| f.name.as_str()).collect();
            found.push(Inconsistency {
                excerpt: None,
                key_path: format!("indicators.{first}.part_of"),
                message: format!(
                    "{} together come to {}, more than the {} they are part of ({})",
                    names.join(punct::LIST),
                    printed(whole, sum),
                    whole.name,
                    printed(whole, whole.current)
                ),
                help: format!(
                    "check the figures, or remove `part_of` from any that is not a part of {whole_key}"
                ),
            });
        }
    }
}

/// A growth rate compared at the decimals it was written with: 66.9 agrees with 66.91…,
/// 285 does not agree with 285.7.
fn agrees(stated: Decimal, computed: Decimal) -> bool {
    round_half_up(computed, stated.scale()) == stated
}

/// `stated_growth` (a published figure) against the one computed from the data.
fn stated_growth(file: &ReportFile, facts: &Facts, found: &mut Vec<Inconsistency>) {
    for (key, ind) in &file.indicators {
        let (Some(stated), Some(f)) = (ind.stated_growth, facts.indicators.get(key)) else {
            continue;
        };
        let stated = stated.get();
        let (computed, unit) = match (f.points(), f.growth()) {
            (Some(points), _) => (points, units::POINTS),
            (None, Some(growth)) => (growth, "%"),
            (None, None) => continue,
        };
        if !agrees(stated, computed) {
            let previous = previous(f);
            found.push(Inconsistency {
                excerpt: None,
                key_path: format!("indicators.{key}.stated_growth"),
                message: format!(
                    "stated growth {}{unit} disagrees with {}{unit} computed from {} against {}",
                    stated.normalize(),
                    fixed(computed, stated.scale().max(1)),
                    printed(f, f.current),
                    previous,
                ),
                help: "correct `stated_growth`, `current` or `previous`; the draft prints the computed figure".into(),
            });
        }
    }
}

/// `next_target` and `next_growth` both given: the growth the target means must be the
/// planned one (at least it, or within the range), compared at the planned rate's decimals.
fn planned_growth_agrees(facts: &Facts, found: &mut Vec<Inconsistency>) {
    for (key, f) in &facts.indicators {
        let Some(p) = &f.planned else { continue };
        let Some(of_target) = p.of_target else {
            continue;
        };
        let places = p.low.places.max(p.high.as_ref().map_or(0, |h| h.places));
        let means = round_half_up(of_target, places);
        let agrees = means >= p.low.exact && p.high.as_ref().is_none_or(|h| means <= h.exact);
        if agrees {
            continue;
        }
        let unit = if p.points { units::POINTS } else { "%" };
        let planned = match &p.high {
            Some(h) => format!("{}–{}{unit}", p.low.exact, h.exact),
            None => format!("at least {}{unit}", p.low.exact),
        };
        found.push(Inconsistency {
            excerpt: None,
            key_path: format!("indicators.{key}.next_growth"),
            message: format!(
                "next_growth plans {planned} for {}, but next_target {} means {}{unit}",
                f.name,
                printed(f, f.next.as_ref().map_or(p.implied, |n| n.value)),
                fixed(of_target, places.max(1)),
            ),
            help: "correct `next_target` or `next_growth`, or keep only one of them".into(),
        });
    }
}

/// A next-period target that falls behind this period, unless the file says it is meant to.
fn next_targets_keep_up(file: &ReportFile, facts: &Facts, found: &mut Vec<Inconsistency>) {
    for (key, ind) in &file.indicators {
        let Some(f) = facts.indicators.get(key) else {
            continue;
        };
        let Some(next) = f.next.as_ref().map(|n| n.value) else {
            continue;
        };
        let p = f.places.computed();
        let (next, current) = (round_half_up(next, p), round_half_up(f.current, p));
        let falls_behind = match f.better {
            Better::Higher => next < current,
            Better::Lower => next > current,
        };
        if falls_behind && !ind.decline_planned {
            found.push(Inconsistency {
                excerpt: None,
                key_path: format!("indicators.{key}.next_target"),
                message: format!(
                    "next year's target for {} ({}) is worse than this year's result ({})",
                    f.name,
                    printed(f, next),
                    printed(f, f.current)
                ),
                help: "raise the target, or set decline_planned = true if the fall is intended"
                    .into(),
            });
        }
    }
}

/// 增长66.9% / 下降5% / 提高0.72个百分点 as typed in prose.
static CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(reading::CLAIM_PATTERN).expect("the claim pattern is a valid regex")
});

/// Growth rates typed into prose next to an indicator's name, checked against the data.
///
/// Prose is cut into clauses at 。;!? and line ends; within a clause, a rate belongs to the
/// nearest indicator name before it. Cited figures (`{{ind.rd.growth}}`) are not typed and so
/// never checked: they are right by construction.
fn prose_claims(file: &ReportFile, facts: &Facts, found: &mut Vec<Inconsistency>) {
    let mut names: Vec<(&str, &IndicatorFacts)> = facts
        .indicators
        .values()
        .filter(|f| !f.name.trim().is_empty())
        .map(|f| (f.name.as_str(), f))
        .collect();
    // Longest first, so 研发经费投入强度 wins over 研发经费投入.
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let narrative = file.texts().into_iter().filter(|(path, _)| {
        !["report.", "indicators.", "ratios."]
            .iter()
            .any(|p| path.starts_with(p))
    });
    // Most texts type no rate at all: those are passed over before any name is looked for.
    for (path, text) in narrative.filter(|(_, text)| CLAIM.is_match(text)) {
        for clause in text.split(reading::CLAUSE_ENDS) {
            if !CLAIM.is_match(clause) {
                continue;
            }
            let mentions = mentions(clause, &names);
            for (i, (end, f)) in mentions.iter().enumerate() {
                let stop = mentions
                    .get(i + 1)
                    .map_or(clause.len(), |(next_end, g)| next_end - g.name.len());
                let Some(claim) = CLAIM.captures(&clause[*end..stop]) else {
                    continue;
                };
                if let Some(message) = judge(f, &claim[0], &claim[1], &claim[2], &claim[3]) {
                    found.push(Inconsistency {
                        key_path: path.clone(),
                        excerpt: Some(claim[0].to_string()),
                        message,
                        help: format!(
                            "cite the computed figure instead of typing it: {{{{ind.{}.{}}}}}",
                            f.key,
                            if f.points().is_some() {
                                "points"
                            } else {
                                "growth"
                            }
                        ),
                    });
                }
            }
        }
    }
}

/// Where each indicator name ends in a clause, left to right, longest match at each place.
fn mentions<'f>(
    clause: &str,
    names: &[(&str, &'f IndicatorFacts)],
) -> Vec<(usize, &'f IndicatorFacts)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < clause.len() {
        let rest = &clause[at..];
        if let Some((name, f)) = names.iter().find(|(n, _)| rest.starts_with(n)) {
            at += name.len();
            out.push((at, *f));
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The message for a claim that disagrees with the data, or `None` when it agrees (or there
/// is nothing to compare it with).
fn judge(f: &IndicatorFacts, claim: &str, verb: &str, number: &str, unit: &str) -> Option<String> {
    let magnitude: Decimal = number.parse().ok()?;
    let falling = reading::FALLING.contains(&verb);
    let stated = if falling { -magnitude } else { magnitude };
    let show = |v: Decimal| fixed(v, magnitude.scale().max(1));
    if unit == units::POINTS {
        let points = f.points()?;
        return (!agrees(stated, points)).then(|| {
            format!(
                "the text says {} {claim}, but {} against {} is {}{}",
                f.name,
                printed(f, f.current),
                previous(f),
                show(points),
                units::POINTS
            )
        });
    }
    if let Some(points) = f.points() {
        // A ratio: a percent may be its relative change, but if it matches the points it is
        // the classic slip of writing 百分点 as %.
        if f.relative().is_some_and(|r| agrees(stated, r)) {
            return None;
        }
        let relative = f
            .relative()
            .map(|r| format!(" (its relative change is {}%)", show(r)))
            .unwrap_or_default();
        return Some(if agrees(stated, points) {
            format!(
                "{} is a ratio: its change from {} to {} is {}{}, not {claim}{relative}",
                f.name,
                previous(f),
                printed(f, f.current),
                show(points),
                units::POINTS
            )
        } else {
            format!(
                "the text says {} {claim}, but {} against {} is {}{}{relative}",
                f.name,
                printed(f, f.current),
                previous(f),
                show(points),
                units::POINTS
            )
        });
    }
    let growth = f.growth()?;
    (!agrees(stated, growth)).then(|| {
        format!(
            "the text says {} {claim}, but {} against {} is {}%",
            f.name,
            printed(f, f.current),
            previous(f),
            show(growth)
        )
    })
}
