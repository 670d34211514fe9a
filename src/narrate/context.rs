//! What templates and prose may cite: the facts in words, as one JSON value.
//!
//! Built once per report from the typed facts — every citable field of every indicator
//! ([`Citable`]), worded by [`crate::zh::cite`] — and shared by every prose field and section
//! template. A field the data does not give is absent, not empty, so that a template placing
//! it without `{{#if}}` fails loudly in strict mode.

use serde_json::{Map, Value, json};

use crate::measure::{Citable, Facts, IndicatorFacts, RankField, ReportFacts};
use crate::safe::one_line;
use crate::zh::{cite, period};

/// The facts as templates see them: `report`, `ind` (by key) and the lists of indicators with
/// a next-period target (`next_targets`), a plan value for a later year (`outlooks`) and a
/// target for this period (`targets`). Of an indicator's citable fields, those `worded`.
pub fn of(facts: &Facts, worded: &Worded) -> Value {
    let r = &facts.report;
    let ind: Map<String, Value> = facts
        .indicators
        .iter()
        .map(|(key, f)| (key.clone(), indicator(f, r, worded)))
        .collect();
    // Values, not `json!` of vectors, which would serialise every list a second time.
    let with = |has: fn(&IndicatorFacts) -> bool| -> Value {
        facts
            .indicators
            .iter()
            .filter(|(_, f)| has(f))
            .map(|(key, _)| ind[key].clone())
            .collect()
    };
    let mut out = Map::new();
    out.insert("report".into(), report(r));
    out.insert("next_targets".into(), with(|f| f.next.is_some()));
    out.insert("outlooks".into(), with(|f| f.outlook.is_some()));
    out.insert("targets".into(), with(|f| f.target.is_some()));
    out.insert("ind".into(), Value::Object(ind));
    Value::Object(out)
}

/// Which of an indicator's citable fields to word (see [`super::reach`]): a flag for each of
/// [`Citable::ALL`], and whether its sub-items are.
pub struct Worded {
    fields: Vec<bool>,
    parts: bool,
}

impl Worded {
    /// The fields whose names `reached` says a draft can cite.
    pub fn only(reached: impl Fn(&str) -> bool) -> Worded {
        Worded {
            fields: Citable::ALL.iter().map(|c| reached(c.name())).collect(),
            parts: reached("parts"),
        }
    }

    pub fn all() -> Worded {
        Worded::only(|_| true)
    }
}

fn report(r: &ReportFacts) -> Value {
    let mut out = Map::new();
    let mut put = |k: &str, v: Value| {
        out.insert(k.to_string(), v);
    };
    // Names reach lines of the outline markup: never more than one line (see crate::safe).
    put("issuer", json!(one_line(&r.issuer)));
    put("region", json!(one_line(&r.region)));
    if let Some(city) = &r.city {
        put("city", json!(one_line(city)));
    }
    put("year", json!(r.year));
    put("next_year", json!(r.year + 1));
    put("previous_year", json!(r.year - 1));
    put("kind", json!(r.kind));
    put("scope", json!(period::scope(&r.region)));
    put("date", json!(period::date(r)));
    if let Some(lines) = &r.title_lines {
        put("title_lines", json!(lines));
    }
    put("cutoff_month", json!(r.months));
    put("half_year", json!(r.half_year()));
    put("period_name", json!(period::period_name(r)));
    put("work_period", json!(period::work_period(r)));
    put("plan_period", json!(period::plan_period(r)));
    put("figures_period", json!(period::figures_period(r)));
    put("span", json!(period::span(r)));
    put("part_year", json!(r.part_year()));
    if let Some(t) = period::time_progress(r) {
        put("time_progress", json!(t));
    }
    Value::Object(out)
}

/// One indicator: its citable fields that exist, its sub-items and its ranking.
fn indicator(f: &IndicatorFacts, r: &ReportFacts, worded: &Worded) -> Value {
    let mut out = Map::new();
    for (&field, _) in Citable::ALL.iter().zip(&worded.fields).filter(|(_, w)| **w) {
        if let Some(text) = cite::text(field, f, r) {
            out.insert(
                field.name().into(),
                Value::String(one_line(&text).into_owned()),
            );
        }
        if field == Citable::ShareRate && !f.parts.is_empty() && worded.parts {
            out.insert("parts".into(), parts(f));
        }
    }
    if let Some(rank) = &f.rank {
        let mut fields = Map::new();
        let words = cite::RankWords::new(rank, cite::gap_unit(f));
        for &field in RankField::ALL {
            let value = match field {
                RankField::Rank => json!(rank.rank),
                RankField::Of => match rank.of {
                    Some(of) => json!(of),
                    None => continue,
                },
                _ => match words.get(field) {
                    Some(text) => Value::String(one_line(&text).into_owned()),
                    None => continue,
                },
            };
            fields.insert(field.name().into(), value);
        }
        out.insert("rank".into(), Value::Object(fields));
    }
    Value::Object(out)
}

fn parts(f: &IndicatorFacts) -> Value {
    f.parts
        .iter()
        .map(|p| {
            let fields: Map<String, Value> = cite::PART_FIELDS
                .iter()
                .filter_map(|&name| {
                    cite::part_text(name, f, p).map(|t| (name.to_string(), Value::String(t)))
                })
                .collect();
            Value::Object(fields)
        })
        .collect()
}
