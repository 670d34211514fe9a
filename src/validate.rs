//! Stage 2, validate: sense checks the type system cannot express.
//!
//! The load stage guarantees shape (types, required keys, no unknown keys); this stage checks
//! meaning: a year that is a year, a precision that can be printed, a count that is a whole
//! non-negative number, a `%` unit on a ratio, text without characters a DOCX cannot hold.
//! Every finding names its key path and, where the file has it, line and column.

use crate::diagnostic::Diagnostic;
use crate::load::Source;
use crate::measure::kind_of;
use crate::model::{IndicatorKind, ReportFile};
use crate::number::Num;

/// Largest magnitude accepted for a figure: far above any county or city statistic (a
/// trillion 亿元), low enough that products and quotients stay exact in 28-digit decimals.
const MAX_MAGNITUDE: i64 = 1_000_000_000_000;
const MAX_PRECISION: u32 = 6;
const MAX_PERCENT_PRECISION: u32 = 4;

/// All problems in the file, errors and warnings together.
pub fn validate(source: &Source, file: &ReportFile) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let meta = &file.report;
    if !(1949..=2100).contains(&meta.year) {
        found.push(
            source
                .error_at(
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
                    source
                        .warning_at(
                            "report.date",
                            format!("the document is dated {y} but reports on {}", meta.year),
                        )
                        .help("an annual report is dated late in its year or early in the next"),
                );
            }
        }
        _ => found.push(
            source
                .error_at("report.date", "成文日期 must be a date without a time")
                .help("write it as a TOML date: date = 2024-12-20"),
        ),
    }
    if let Some(p) = meta
        .percent_precision
        .filter(|p| *p > MAX_PERCENT_PRECISION)
    {
        found.push(
            source
                .error_at(
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
                source
                    .error_at(field, "this must not be empty")
                    .help("write the name as it should appear in the document"),
            );
        }
    }
    for (key, ind) in &file.indicators {
        let at = |field: &str| format!("indicators.{key}.{field}");
        if ind.name.trim().is_empty() {
            found.push(
                source
                    .error_at(&at("name"), "an indicator needs a name")
                    .help("e.g. name = \"全社会研发经费投入\""),
            );
        }
        if ind.unit.trim().is_empty() {
            found.push(
                source
                    .error_at(&at("unit"), "an indicator needs a unit")
                    .help("e.g. unit = \"亿元\", \"家\" or \"%\""),
            );
        }
        if let Some(p) = ind.precision.filter(|p| *p > MAX_PRECISION) {
            found.push(
                source
                    .error_at(
                        &at("precision"),
                        format!("{p} decimal places is out of range"),
                    )
                    .help(format!("use 0 to {MAX_PRECISION}")),
            );
        }
        let kind = kind_of(ind);
        let says_ratio = ind.kind.map(|k| k == IndicatorKind::Ratio);
        if says_ratio.is_some_and(|r| r != (ind.unit.trim() == "%")) {
            found.push(
                source
                    .error_at(&at("kind"), format!("kind and unit disagree: a ratio is in %, this unit is \"{}\"", ind.unit))
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
            check_figure(source, &mut found, &at(field), value, kind);
        }
    }
    check_text(source, file, &mut found);
    found
}

fn check_figure(
    source: &Source,
    found: &mut Vec<Diagnostic>,
    path: &str,
    value: Num,
    kind: IndicatorKind,
) {
    let v = value.get();
    if v.abs() > rust_decimal::Decimal::from(MAX_MAGNITUDE) {
        found.push(
            source
                .error_at(path, format!("{value} is beyond any plausible figure"))
                .help("check the unit: 亿元 figures are usually below 100000"),
        );
    } else if kind == IndicatorKind::Count && (v.is_sign_negative() && !v.is_zero()) {
        found.push(
            source
                .error_at(path, format!("a count cannot be negative ({value})"))
                .help("write the number of things; a fall is computed from previous and current"),
        );
    } else if kind == IndicatorKind::Count && !v.fract().is_zero() {
        found.push(
            source
                .error_at(path, format!("a count must be a whole number, not {value}"))
                .help("if this is an amount, set kind = \"amount\" or use a money unit"),
        );
    }
}

/// Characters XML cannot carry are dropped from the DOCX; say where they are so the clerk
/// can see what was pasted in (TOML lets them in through escapes such as `\u0007`).
fn check_text(source: &Source, file: &ReportFile, found: &mut Vec<Diagnostic>) {
    for (path, text) in file.texts() {
        if let Some(c) = text
            .chars()
            .find(|&c| !crate::layout::package::is_xml_char(c) || c == crate::outline::LITERAL)
        {
            found.push(
                source
                    .warning_at(
                        &path,
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
    use crate::load::parse;

    fn check(extra: &str) -> Vec<Diagnostic> {
        let text = format!(
            "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n{extra}"
        );
        let src = Source::new("v.toml", text);
        let file = parse(&src).unwrap();
        validate(&src, &file)
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
}
