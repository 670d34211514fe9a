//! Stage 2, validate: sense checks the type system cannot express.
//!
//! The load stage guarantees shape (types, required keys, no unknown keys); this stage checks
//! meaning: a year that is a year, a precision that can be printed, a count that is a whole
//! non-negative number, a `%` unit on a ratio, text without characters a DOCX cannot hold.
//! Every finding names its key path; the facade places it in the file.
//!
//! [`consistency`] runs after the measure stage: figures that disagree with each other or with
//! the prose.

use rust_decimal::Decimal;

use crate::diagnostic::{Finding, closest};

pub mod citations;
pub mod consistency;
pub mod profile;
mod sections;

pub use sections::style_findings;

use crate::measure::{kind_of, units};
use crate::model::number::Num;
use crate::model::{Indicator, IndicatorKind, NextGrowth, RatioDef, ReportFile, text};
use crate::zh::{hint, punct};

/// Largest magnitude accepted for a figure: far above any county or city statistic (a
/// trillion 亿元), low enough that products and quotients stay exact in 28-digit decimals.
const MAX_MAGNITUDE: i64 = 1_000_000_000_000;
const MAX_PRECISION: u32 = 6;
const MAX_PERCENT_PRECISION: u32 = 4;
const MAX_APPROX_DIGITS: u32 = 6;
/// How far ahead a plan's outlook may reach: long-range plans run to 2035 or 2050.
const MAX_OUTLOOK_YEARS: i32 = 50;

/// All problems in the file, errors and warnings together; `texts` are its free-text fields
/// ([`ReportFile::texts`]).
pub fn validate(file: &ReportFile, texts: &[(String, &str)]) -> Vec<Finding> {
    let mut found = Vec::new();
    let meta = &file.report;
    if !(1949..=2100).contains(&meta.year) {
        found.push(
            Finding::error(
                "report.year",
                format!("year {} is not a report year", meta.year),
            )
            .help("write the four-digit year the report covers, e.g. year = 2024"),
        );
    }
    match (meta.date.date, meta.date.time) {
        (Some(d), None) => {
            let y = i32::from(d.year);
            if y != meta.year && y != meta.year + 1 {
                found.push(
                    Finding::warning(
                        "report.date",
                        format!("the document is dated {y} but reports on {}", meta.year),
                    )
                    .help("an annual report is dated late in its year or early in the next"),
                );
            }
        }
        _ => found.push(
            Finding::error(
                "report.date",
                format!("{} must be a date without a time", hint::DOCUMENT_DATE),
            )
            .help("write it as a TOML date: date = 2024-12-20"),
        ),
    }
    if let Some(p) = meta
        .percent_precision
        .filter(|p| *p > MAX_PERCENT_PRECISION)
    {
        found.push(
            Finding::error(
                "report.percent_precision",
                format!("{p} decimal places is too many for a percentage"),
            )
            .help(format!(
                "use 0 to {MAX_PERCENT_PRECISION}; bureaus print 1 (66.9%) or 2 (56.25%)"
            )),
        );
    }
    for (field, text) in [
        ("report.issuer", &meta.issuer),
        ("report.region", &meta.region),
    ] {
        if text.trim().is_empty() {
            found.push(
                Finding::error(field, "this must not be empty")
                    .help("write the name as it should appear in the document"),
            );
        }
    }
    for (key, ind) in &file.indicators {
        let at = |field: &str| format!("indicators.{key}.{field}");
        // A missing name or unit is the catalogue's to fill or report (catalogue::resolve).
        if let Some(p) = ind.precision.filter(|p| *p > MAX_PRECISION) {
            found.push(
                Finding::error(
                    at("precision"),
                    format!("{p} decimal places is out of range"),
                )
                .help(format!("use 0 to {MAX_PRECISION}")),
            );
        }
        let kind = kind_of(ind);
        let says_ratio = ind.kind.map(|k| k == IndicatorKind::Ratio);
        if says_ratio.is_some_and(|r| r != (ind.unit.trim() == "%")) {
            found.push(
                Finding::error(at("kind"), format!("kind and unit disagree: a ratio is in %, this unit is \"{}\"", ind.unit))
                    .help("use unit = \"%\" with kind = \"ratio\", or remove `kind` to infer it from the unit"),
            );
        }
        let figures = [
            ("current", Some(ind.current)),
            ("previous", ind.previous),
            ("target", ind.target),
            ("next_target", ind.next_target),
        ];
        for (field, value) in figures {
            let Some(value) = value else { continue };
            check_figure(&mut found, &at(field), value, kind);
        }
    }
    check_settings(file, &mut found);
    for (key, ind) in &file.indicators {
        check_extras(file, key, ind, &mut found);
        check_stated(key, ind, &mut found);
    }
    for (key, ratio) in &file.ratios {
        check_ratio(file, key, ratio, &mut found);
    }
    check_text(texts, &mut found);
    one_line_names(file, texts, &mut found);
    citations::check(file, texts, &mut found);
    sections::check(file, texts, &mut found);
    found
}

/// Report-wide settings of the measure stage.
fn check_settings(file: &ReportFile, found: &mut Vec<Finding>) {
    let meta = &file.report;
    if let Some(p) = meta.precision.filter(|p| *p > MAX_PRECISION) {
        found.push(
            Finding::error(
                "report.precision",
                format!("{p} decimal places is out of range"),
            )
            .help(format!("use 0 to {MAX_PRECISION}")),
        );
    }
    if let Some(m) = meta.cutoff_month.filter(|m| !(1..=12).contains(m)) {
        found.push(
            Finding::error("report.cutoff_month", format!("{m} is not a month")).help(format!(
                "write the last month the figures cover, 1 to 12 ({} → 4)",
                hint::CUTOFF_EXAMPLE
            )),
        );
    }
    let tolerances = std::iter::once(("report.flat_tolerance".to_string(), meta.flat_tolerance))
        .chain(
            file.indicators
                .iter()
                .map(|(k, i)| (format!("indicators.{k}.flat_tolerance"), i.flat_tolerance)),
        );
    for (path, tolerance) in tolerances {
        if tolerance.is_some_and(|t| t.get().is_sign_negative() && !t.get().is_zero()) {
            found.push(
                Finding::error(&path, "a tolerance cannot be negative").help(format!(
                    "write how small a change still reads {}, e.g. flat_tolerance = 0.5",
                    hint::STEADY
                )),
            );
        }
    }
}

/// Units, years and keys of the optional indicator fields (history, parts, part_of…).
fn check_extras(file: &ReportFile, key: &str, ind: &Indicator, found: &mut Vec<Finding>) {
    let at = |field: &str| format!("indicators.{key}.{field}");
    let year = file.report.year;
    let kind = kind_of(ind);
    if let Some(input) = &ind.input_unit
        && !units::convertible(input, &ind.unit)
    {
        let family = units::family_of(&ind.unit)
            .map(|f| format!("; {} converts to {}", ind.unit, f.join(punct::LIST)))
            .unwrap_or_default();
        found.push(
            Finding::error(
                at("input_unit"),
                format!("figures in {input} cannot be shown in {}", ind.unit),
            )
            .help(format!(
                "use a unit of the same family{family}, or remove input_unit"
            )),
        );
    }
    for (label, value) in &ind.history {
        let path = at(&format!("history.{label}"));
        match label.trim().parse::<i32>() {
            Ok(y) if y < year && y >= 1949 => {
                check_figure(found, &path, *value, kind);
                if y == year - 1
                    && let Some(previous) = ind.previous
                    && previous != *value
                {
                    found.push(
                        Finding::error(
                            &path,
                            format!("history gives {y} as {value}, but previous is {previous}"),
                        )
                        .help("keep one of them: previous is last year's value"),
                    );
                }
            }
            _ => found.push(
                Finding::error(&path, format!("\"{label}\" is not a year before {year}"))
                    .help("history lists earlier years: history = { 2021 = 1.9, 2022 = 2.72 }"),
            ),
        }
    }
    for (i, m) in ind.milestones.iter().enumerate() {
        check_figure(found, &at(&format!("milestones.{i}")), *m, kind);
    }
    if let Some(outlook) = &ind.outlook {
        if outlook.year > year.saturating_add(MAX_OUTLOOK_YEARS) {
            found.push(
                Finding::error(
                    at("outlook.year"),
                    format!("the outlook year {} is more than {MAX_OUTLOOK_YEARS} years after {year}", outlook.year),
                )
                .help("an outlook is a plan's year, such as the end of the five-year plan: { year = 2025, value = 150 }"),
            );
        }
        if outlook.year <= year {
            found.push(
                Finding::error(at("outlook.year"),
                        format!("the outlook year {} is not after {year}", outlook.year),
                    )
                    .help("an outlook is a plan value for a later year, e.g. { year = 2025, value = 150 }"),
            );
        }
        check_figure(found, &at("outlook.value"), outlook.value, kind);
    }
    if let Some(stated) = ind.stated_growth {
        check_figure(found, &at("stated_growth"), stated, IndicatorKind::Amount);
    }
    for (i, part) in ind.parts.iter().enumerate() {
        check_figure(
            found,
            &at(&format!("parts.{i}.current")),
            part.current,
            kind,
        );
        if let Some(p) = part.previous {
            check_figure(found, &at(&format!("parts.{i}.previous")), p, kind);
        }
    }
    if let Some(whole) = &ind.part_of {
        match file.indicators.get(whole) {
            _ if whole == key => found.push(
                Finding::error(at("part_of"), "an indicator cannot be a part of itself")
                    .help("name the key of the total it belongs to"),
            ),
            Some(total) if !units::convertible(&ind.unit, &total.unit) => found.push(
                Finding::error(
                    at("part_of"),
                    format!(
                        "{} is in {}, its total {whole} in {}",
                        ind.name, ind.unit, total.unit
                    ),
                )
                .help(format!(
                    "a part and its total need units of one family ({})",
                    hint::ONE_FAMILY
                )),
            ),
            Some(_) => {}
            None => found.push(unknown_indicator(file, &at("part_of"), whole)),
        }
    }
}

/// The figures a file states rather than zongjie computing them, and how they print: a
/// published rank, approximations, planned growth, an indicator's own decimals.
fn check_stated(key: &str, ind: &Indicator, found: &mut Vec<Finding>) {
    let at = |field: &str| format!("indicators.{key}.{field}");
    let kind = kind_of(ind);
    if kind == IndicatorKind::Count && ind.precision.is_some_and(|p| p > 0) {
        found.push(
            Finding::error(
                at("precision"),
                format!("{} is a count: it has no decimals", ind.name),
            )
            .help(format!(
                "remove precision; a count and its change are whole numbers ({})",
                hint::WHOLE_CHANGE
            )),
        );
    }
    if let Some(p) = ind.percent_precision.filter(|p| *p > MAX_PERCENT_PRECISION) {
        found.push(
            Finding::error(
                at("percent_precision"),
                format!("{p} decimal places is too many for a percentage"),
            )
            .help(format!("use 0 to {MAX_PERCENT_PRECISION}")),
        );
    }
    if ind.source.as_deref().is_some_and(|s| s.trim().is_empty()) {
        found.push(
            Finding::error(at("source"), "the source is empty").help(format!(
                "name who stated the figures ({}), or remove source",
                hint::SOURCE_EXAMPLE
            )),
        );
    }
    if let Some(rank) = &ind.stated_rank {
        let at_rank = |field: &str| at(&format!("stated_rank.{field}"));
        if rank.scope.trim().is_empty() {
            found.push(
                Finding::error(at_rank("scope"), "the rank's area is empty").help(format!(
                    "name where the rank was made: scope = \"{}\"",
                    hint::CITY_EXAMPLE
                )),
            );
        }
        let positions = [
            ("position", Some(rank.position)),
            ("last_position", rank.last_position),
            (
                "peer_group.position",
                rank.peer_group.as_ref().map(|p| p.position),
            ),
        ];
        for (field, position) in positions {
            if position == Some(0) {
                found.push(
                    Finding::error(at_rank(field), "a rank starts at 1")
                        .help("write the place as published: 1 for first"),
                );
            }
        }
        if let Some(of) = rank.of.filter(|of| *of < rank.position) {
            found.push(
                Finding::error(
                    at_rank("of"),
                    format!("position {} cannot be among only {of}", rank.position),
                )
                .help("`of` is how many were ranked; correct it or the position"),
            );
        }
        if rank
            .peer_group
            .as_ref()
            .is_some_and(|p| p.name.trim().is_empty())
        {
            found.push(
                Finding::error(at_rank("peer_group.name"), "the group's name is empty").help(
                    format!(
                        "name the group: peer_group = {{ name = \"{}\", position = 7 }}",
                        hint::PEER_GROUP_EXAMPLE
                    ),
                ),
            );
        }
    }
    if ind.approx.is_some() && ind.current.get() <= Decimal::ZERO {
        found.push(
            Finding::error(
                at("approx"),
                "only a figure above zero can be stated approximately",
            )
            .help("remove approx, or check current"),
        );
    }
    match (ind.approx, ind.approx_digits) {
        (_, Some(d)) if !(1..=MAX_APPROX_DIGITS).contains(&d) => found.push(
            Finding::error(
                at("approx_digits"),
                format!("{d} significant digits is out of range"),
            )
            .help(format!(
                "use 1 to {MAX_APPROX_DIGITS} (2: {})",
                hint::APPROX_DIGITS_EXAMPLE
            )),
        ),
        (None, Some(_)) => found.push(
            Finding::error(at("approx_digits"), "approx_digits without approx").help(format!(
                "add approx = \"{}\" (or {}), or remove approx_digits",
                hint::APPROX_EXAMPLE,
                hint::OTHER_APPROX_MARKS
            )),
        ),
        _ => {}
    }
    if let Some(growth) = ind.next_growth {
        let (low, high) = match growth {
            NextGrowth::AtLeast(g) => (g.get(), None),
            NextGrowth::Between([a, b]) => (a.get(), Some(b.get())),
        };
        if high.is_some_and(|h| h < low) {
            found.push(
                Finding::error(at("next_growth"), "the range runs backwards")
                    .help("write the lower rate first: next_growth = [10, 15]"),
            );
        }
        if low < Decimal::ZERO {
            found.push(
                Finding::error(at("next_growth"), format!("a planned growth of {low}% is a fall"))
                    .help(format!("plan a fall with next_target and decline_planned = true; next_growth is a growth in percent: 10 means {}", hint::PLANNED_GROWTH_EXAMPLE)),
            );
        }
    }
}

/// Text `init` and `next` left to be written: a draft would print it.
pub fn placeholder_text(texts: &[(String, &str)]) -> Vec<Finding> {
    let mut found = Vec::new();
    for (path, text) in texts.iter().map(|(p, t)| (p.as_str(), *t)) {
        // Invisible characters may split the placeholder's words, but each of its characters
        // is still there: a text without them (nearly all) is not looked at again.
        if !crate::zh::fill::FILL_WORDS
            .chars()
            .all(|c| text.contains(c))
        {
            continue;
        }
        // As a reader sees it: half-width brackets, invisible characters and all.
        let visible: String = text
            .chars()
            .filter(|&c| !crate::safe::is_invisible_or_bidi(c))
            .collect();
        // Only a text holding the placeholder's words can hold the placeholder: the others
        // (nearly all) are not normalised, which a batch would pay for thousands of times.
        if !visible.contains(crate::zh::fill::FILL_WORDS) {
            continue;
        }
        let seen = crate::zh::punct::normalise(&visible).text;
        if seen.contains(crate::zh::fill::FILL) {
            found.push(
                Finding::error(path, "this still holds the placeholder to be written over")
                    .about(crate::zh::fill::FILL)
                    .help("write the text in its place, or delete the paragraph, point or section"),
            );
        }
    }
    found
}

/// Names, titles and units are one line each: a line break in them would print a name over
/// two lines, or, followed by outline markup, forge a heading or a signature. (Only
/// `report.title` breaks, where its lines are meant.)
fn one_line_names(file: &ReportFile, texts: &[(String, &str)], found: &mut Vec<Finding>) {
    let mut names: Vec<(String, &str)> = texts
        .iter()
        .filter(|(path, _)| {
            path != "report.title"
                && [".name", ".unit", ".title", "report.issuer", "report.region"]
                    .iter()
                    .any(|end| path.ends_with(end))
        })
        .cloned()
        .collect();
    let r = &file.report;
    names.extend(r.city.as_deref().map(|c| ("report.city".to_string(), c)));
    names.extend(
        r.peer_group
            .as_deref()
            .map(|p| ("report.peer_group".to_string(), p)),
    );
    for (key, ind) in &file.indicators {
        let at = |field: &str| format!("indicators.{key}.{field}");
        let fields = [
            ("label", ind.label.as_deref()),
            ("period", ind.period.as_deref()),
            ("source", ind.source.as_deref()),
            ("input_unit", ind.input_unit.as_deref()),
            (
                "stated_rank.scope",
                ind.stated_rank.as_ref().map(|r| r.scope.as_str()),
            ),
            (
                "stated_rank.peer_group.name",
                ind.stated_rank
                    .as_ref()
                    .and_then(|r| r.peer_group.as_ref())
                    .map(|p| p.name.as_str()),
            ),
        ];
        names.extend(fields.into_iter().filter_map(|(f, v)| Some((at(f), v?))));
    }
    for (path, name) in names {
        if name.chars().any(crate::safe::is_line_break) {
            found.push(
                Finding::error(path, "a name is one line, and this one has a line break").help(
                    "remove the line break (\\n); only report.title is written over several lines",
                ),
            );
        }
    }
}

fn unknown_indicator(file: &ReportFile, path: &str, key: &str) -> Finding {
    let hint = match closest(key, file.indicators.keys().map(String::as_str)) {
        Some(c) => format!("did you mean \"{c}\"? it must be a key under [indicators]"),
        None => "the file has no [indicators]".into(),
    };
    Finding::error(path, format!("there is no indicator \"{key}\"")).help(hint)
}

/// A derived ratio needs two existing indicators and a denominator that is not zero.
fn check_ratio(file: &ReportFile, key: &str, ratio: &RatioDef, found: &mut Vec<Finding>) {
    let at = |field: &str| format!("ratios.{key}.{field}");
    if file.indicators.contains_key(key) {
        found.push(
            Finding::error(
                format!("ratios.{key}"),
                format!("\"{key}\" is already an indicator"),
            )
            .help("give the ratio a key of its own"),
        );
    }
    if ratio.name.trim().is_empty() {
        found.push(
            Finding::error(at("name"), "a ratio needs a name")
                .help(format!("e.g. name = \"{}\"", hint::RATIO_NAME)),
        );
    }
    if let Some(p) = ratio.precision.filter(|p| *p > MAX_PRECISION) {
        found.push(
            Finding::error(
                at("precision"),
                format!("{p} decimal places is out of range"),
            )
            .help(format!("use 0 to {MAX_PRECISION}")),
        );
    }
    let figures = [
        ("scale", ratio.scale),
        ("target", ratio.target),
        ("next_target", ratio.next_target),
    ];
    for (field, value) in figures {
        if let Some(value) = value {
            check_figure(found, &at(field), value, IndicatorKind::Amount);
        }
    }
    for (field, target) in [
        ("numerator", &ratio.numerator),
        ("denominator", &ratio.denominator),
    ] {
        let Some(ind) = file.indicators.get(target) else {
            found.push(unknown_indicator(file, &at(field), target));
            continue;
        };
        if field == "denominator" {
            let zero = [Some(ind.current), ind.previous]
                .into_iter()
                .flatten()
                .any(|v| v.get().is_zero());
            if zero {
                found.push(
                    Finding::error(
                        at(field),
                        format!("{} is zero, so the ratio has no value", ind.name),
                    )
                    .help("check the denominator's figures, or remove the ratio"),
                );
            }
        }
    }
}

fn check_figure(found: &mut Vec<Finding>, path: &str, value: Num, kind: IndicatorKind) {
    let v = value.get();
    if v.abs() > rust_decimal::Decimal::from(MAX_MAGNITUDE) {
        found.push(
            Finding::error(path, format!("{value} is beyond any plausible figure")).help(format!(
                "check the unit: {} figures are usually below 100000",
                hint::LARGEST_UNIT
            )),
        );
    } else if kind == IndicatorKind::Count && (v.is_sign_negative() && !v.is_zero()) {
        found.push(
            Finding::error(path, format!("a count cannot be negative ({value})"))
                .help("write the number of things; a fall is computed from previous and current"),
        );
    } else if kind == IndicatorKind::Count && !v.fract().is_zero() {
        found.push(
            Finding::error(path, format!("a count must be a whole number, not {value}"))
                .help("if this is an amount, set kind = \"amount\" or use a money unit"),
        );
    }
}

/// Characters XML cannot carry are dropped from the DOCX; say where they are so the clerk
/// can see what was pasted in (TOML lets them in through escapes such as `\u0007`).
fn check_text(texts: &[(String, &str)], found: &mut Vec<Finding>) {
    for (path, text) in texts.iter().map(|(p, t)| (p.as_str(), *t)) {
        if let Some(c) = text.chars().find(|&c| {
            !text::is_xml_char(c) || c == text::LITERAL || crate::safe::is_invisible_or_bidi(c)
        }) {
            found.push(
                Finding::warning(path,
                        format!(
                            "invisible control character U+{:04X} (often pasted from Word or Excel) will be left out of the draft",
                            c as u32
                        ),
                    )
                    .help("delete the escape or retype the text around it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::load::{Source, parse};

    /// The findings of a file after its header, located as the facade locates them.
    fn check(extra: &str) -> Vec<Diagnostic> {
        let text = format!(
            "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n{extra}"
        );
        let src = Source::new("v.toml", text);
        let file = parse(&src).unwrap();
        validate(&file, &file.texts())
            .into_iter()
            .map(|f| src.locate_finding(f))
            .collect()
    }

    #[test]
    fn a_clean_file_has_no_findings() {
        assert!(check("[indicators.a]\nname = \"高企\"\nunit = \"家\"\ncurrent = 57\n").is_empty());
    }

    #[test]
    fn counts_must_be_whole_and_non_negative() {
        let d =
            check("[indicators.a]\nname = \"高企\"\nunit = \"家\"\ncurrent = -3\nprevious = 2.5\n");
        assert_eq!(d.len(), 2);
        assert!(d[0].message.contains("negative"));
        assert_eq!(d[0].key_path.as_deref(), Some("indicators.a.current"));
        assert_eq!(d[0].location.as_ref().unwrap().line, 10);
        assert!(d[1].message.contains("whole number"));
    }

    #[test]
    fn kind_and_unit_must_agree() {
        let d = check(
            "[indicators.a]\nname = \"强度\"\nunit = \"亿元\"\nkind = \"ratio\"\ncurrent = 2\n",
        );
        assert!(d[0].message.contains("kind and unit disagree"), "{}", d[0]);
    }

    #[test]
    fn control_characters_are_located() {
        let d = check("[opening]\ntext = \"现汇报\\u0007如下\"\n");
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        assert_eq!(d[0].key_path.as_deref(), Some("opening.text"));
        let loc = d[0].location.as_ref().unwrap();
        assert_eq!((loc.line, loc.column), (8, 8));
    }

    #[test]
    fn out_of_range_settings_are_errors() {
        let d =
            check("[indicators.a]\nname = \"x\"\nunit = \"亿元\"\ncurrent = 1e13\nprecision = 9\n");
        assert_eq!(d.iter().filter(|d| d.is_error()).count(), 2);
    }

    #[test]
    fn measure_settings_and_references_are_checked() {
        let d = check(
            "[indicators.a]\nname = \"甲\"\nunit = \"家\"\ncurrent = 5\nprevious = 4\n\
             history = { 2023 = 3, 2030 = 9, abc = 1 }\npart_of = \"totl\"\ninput_unit = \"万元\"\n\
             outlook = { year = 2020, value = 9 }\n\
             [indicators.total]\nname = \"总\"\nunit = \"家\"\ncurrent = 9\n\
             [ratios.r]\nname = \"比\"\nnumerator = \"a\"\ndenominator = \"zero\"\n\
             [ratios.total]\nname = \"重名\"\nnumerator = \"a\"\ndenominator = \"total\"\n",
        );
        let messages: Vec<String> = d.iter().map(|d| format!("{d}")).collect();
        let has = |s: &str| messages.iter().any(|m| m.contains(s));
        assert!(
            has("figures in 万元 cannot be shown in 家"),
            "{messages:#?}"
        );
        assert!(has("history gives 2023 as 3, but previous is 4"));
        assert!(has("\"2030\" is not a year before 2024"));
        assert!(has("\"abc\" is not a year before 2024"));
        assert!(has("the outlook year 2020 is not after 2024"));
        assert!(has("there is no indicator \"totl\"") && has("did you mean \"total\""));
        assert!(has("there is no indicator \"zero\""));
        assert!(has("\"total\" is already an indicator"));
        assert!(d.iter().all(|d| d.is_error() && d.key_path.is_some()));
    }

    #[test]
    fn a_zero_denominator_and_a_bad_cutoff_are_errors() {
        let d = check(
            "cutoff_month = 13\n[indicators.a]\nname = \"甲\"\nunit = \"亿元\"\ncurrent = 5\n\
             [indicators.b]\nname = \"乙\"\nunit = \"亿元\"\ncurrent = 0\n\
             [ratios.r]\nname = \"比\"\nnumerator = \"a\"\ndenominator = \"b\"\n",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].message.contains("13 is not a month"));
        assert!(d[1].message.contains("乙 is zero"));
    }
}
