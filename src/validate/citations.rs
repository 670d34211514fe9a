//! The citation language of a data file's prose: exactly what prose needs, nothing that runs.
//!
//! A prose field is rendered by Handlebars so that it may cite the facts. Handlebars' whole
//! language would let a county's file define a partial that includes itself (the process
//! dies of a stack overflow) or nest `{{#each}}` until a batch runs for hours. Data prose may
//! therefore only
//!
//! - cite: `{{ind.KEY.FIELD}}`, `{{report.FIELD}}`, `{{cite "KEY"}}`;
//! - choose: `{{#if PATH}}…{{else}}…{{/if}}` and `{{#unless PATH}}…{{/unless}}`, nested at
//!   most [`MAX_DEPTH`] deep;
//! - comment: `{{! … }}`, and write `\{{` for literal braces.
//!
//! Anything else — partials, inline partials, loops, `with`, decorators, subexpressions — is
//! refused by `check` and `draft` alike, at the field's key path. Templates (a city's folder)
//! keep the full language, under their own bounds (see `narrate::registry`).

use crate::diagnostic::{Finding, closest};
use crate::measure::Citable;
use crate::model::ReportFile;

/// How deep `{{#if}}` blocks may nest in one prose field.
pub const MAX_DEPTH: usize = 8;
/// How many `{{#if}}` blocks, and how many expressions in all, one prose field may hold:
/// Handlebars takes time that grows with the square of the blocks (20,000 took 33 s), and a
/// paragraph needs a handful.
pub const MAX_BLOCKS: usize = 200;
pub const MAX_EXPRESSIONS: usize = 2_000;

/// Every prose field's citations, checked against the language above, and every indicator
/// and field they name against the file: all of them in one run, where rendering would stop
/// at the first.
pub fn check(file: &ReportFile, texts: &[(String, &str)], found: &mut Vec<Finding>) {
    for (path, text) in texts.iter().map(|(p, t)| (p.as_str(), *t)) {
        if let Err((excerpt, message)) = language(text) {
            found.push(
                Finding::error(path, message)
                    .about(excerpt)
                    .help("prose may cite {{ind.KEY.FIELD}}, {{report.FIELD}} or {{cite \"KEY\"}} and choose with {{#if …}}…{{else}}…{{/if}}; loops, partials and helpers belong in a city's templates"),
            );
            continue;
        }
        // Each unknown name once per field: the caret finds its first use.
        let mut told: Vec<(&str, Option<&str>)> = Vec::new();
        for (excerpt, key, field) in cited(text) {
            if told.contains(&(key, field)) {
                continue;
            }
            told.push((key, field));
            let known = file.indicators.contains_key(key) || file.ratios.contains_key(key);
            if !known {
                let keys = file
                    .indicators
                    .keys()
                    .chain(file.ratios.keys())
                    .map(String::as_str);
                let help = match closest(key, keys) {
                    Some(c) => format!("did you mean \"{c}\"? cite a key from [indicators]"),
                    None => "cite a key from [indicators]".to_string(),
                };
                found.push(
                    Finding::error(path, format!("there is no indicator \"{key}\""))
                        .about(excerpt)
                        .help(help),
                );
                continue;
            }
            let Some(field) = field else { continue };
            let fields = Citable::ALL
                .iter()
                .map(|c| c.name())
                .chain(["rank", "parts"]);
            if !Citable::ALL.iter().any(|c| c.name() == field)
                && field != "rank"
                && field != "parts"
            {
                let help = match closest(field, fields) {
                    Some(c) => format!("did you mean \"{c}\"?"),
                    None => "see README for the fields an indicator offers".to_string(),
                };
                found.push(
                    Finding::error(path, format!("an indicator has no field \"{field}\""))
                        .about(excerpt)
                        .help(help),
                );
            }
        }
    }
}

/// The indicators a text cites, with the field when it names one: `{{ind.rd.growth}}` →
/// (`rd`, `growth`), `{{cite "rd"}}` → (`rd`, none). The text is in the language above.
fn cited(text: &str) -> Vec<(String, &str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        // `\{{` is a literal brace pair, not a citation.
        if rest[..open].ends_with('\\') {
            rest = &rest[open + 2..];
            continue;
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        let inner = after[..close].trim_matches(['{', '~']).trim();
        rest = &after[close + 2..];
        let path = inner
            .strip_prefix("#if ")
            .or_else(|| inner.strip_prefix("#unless "))
            .unwrap_or(inner)
            .trim();
        if let Some(key) = path.strip_prefix("cite ") {
            out.push((inner.to_string(), key.trim().trim_matches('"'), None));
        } else if let Some(tail) = path.strip_prefix("ind.") {
            let mut segments = tail.split('.');
            if let Some(key) = segments.next() {
                out.push((format!("{{{{{inner}}}}}"), key, segments.next()));
            }
        }
    }
    out
}

/// `Ok` for text in the citation language, else the offending expression and what is wrong.
pub fn language(text: &str) -> Result<(), (String, String)> {
    let mut depth: Vec<&str> = Vec::new();
    let (mut blocks, mut expressions) = (0, 0);
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        expressions += 1;
        if expressions > MAX_EXPRESSIONS {
            return Err((
                "{{".to_string(),
                format!("more than {MAX_EXPRESSIONS} citations in one field"),
            ));
        }
        // `\{{` is a literal brace pair.
        if rest[..open].ends_with('\\') {
            rest = &rest[open + 2..];
            continue;
        }
        let after = &rest[open..];
        let triple = after.starts_with("{{{");
        let (start, end_mark) = if triple { (3, "}}}") } else { (2, "}}") };
        let Some(close) = after[start..].find(end_mark) else {
            return Err((
                after[..start].to_string(),
                "a citation is not closed: each {{ needs its }}".into(),
            ));
        };
        let whole = &after[..start + close + end_mark.len()];
        let inner = after[start..start + close].trim_matches('~').trim();
        rest = &after[start + close + end_mark.len()..];
        let refuse = |why: &str| Err((whole.to_string(), why.to_string()));
        if inner.starts_with('!') {
            // A comment; `{{!-- … --}}` may hold `}}`.
            if inner.starts_with("!--") && !inner.ends_with("--") {
                let Some(end) = rest.find("--}}") else {
                    return refuse("a comment {{!-- is not closed with --}}");
                };
                rest = &rest[end + 4..];
            }
            continue;
        }
        if let Some(block) = inner.strip_prefix('#') {
            let (name, argument) = block.split_once(char::is_whitespace).unwrap_or((block, ""));
            if !matches!(name, "if" | "unless") {
                return refuse(&format!(
                    "{{{{#{name}}}}} is not allowed in a data file's prose"
                ));
            }
            if !is_path(argument.trim()) {
                return refuse("#if takes one citation, such as {{#if ind.hte.rank}}");
            }
            depth.push(name);
            blocks += 1;
            if blocks > MAX_BLOCKS {
                return refuse(&format!(
                    "more than {MAX_BLOCKS} {{{{#if}}}} blocks in one field"
                ));
            }
            if depth.len() > MAX_DEPTH {
                return refuse(&format!("#if blocks nest more than {MAX_DEPTH} deep"));
            }
            continue;
        }
        if let Some(name) = inner.strip_prefix('/') {
            match depth.pop() {
                Some(open) if open == name.trim() => continue,
                _ => return refuse("this closes no {{#if}} or {{#unless}}"),
            }
        }
        if inner == "else" {
            if depth.is_empty() {
                return refuse("{{else}} outside {{#if}}");
            }
            continue;
        }
        if let Some(argument) = inner.strip_prefix("cite ") {
            let key = argument.trim();
            let quoted = key.len() >= 2 && key.starts_with('"') && key.ends_with('"');
            if quoted && is_path(&key[1..key.len() - 1]) {
                continue;
            }
            return refuse("cite takes one indicator key in quotes: {{cite \"rd_spend\"}}");
        }
        if is_path(inner) {
            // What is cited prints as text: a field, not a whole table ({{report}} would print
            // "[object]").
            let segments: Vec<&str> = inner.split('.').collect();
            let prints = matches!(
                segments.as_slice(),
                ["report", _] | ["ind", _, _] | ["ind", _, "rank", _]
            );
            if !prints || segments.get(2) == Some(&"parts") {
                return refuse(&format!(
                    "{{{{{inner}}}}} names no field to print: cite {{{{ind.KEY.FIELD}}}} or {{{{report.FIELD}}}}"
                ));
            }
            continue;
        }
        let what = inner
            .chars()
            .next()
            .map_or("an empty citation".to_string(), |c| match c {
                '>' => "a partial ({{> …}})".to_string(),
                '*' => "a decorator ({{* …}})".to_string(),
                _ => format!("{{{{{inner}}}}}"),
            });
        return refuse(&format!("{what} is not allowed in a data file's prose"));
    }
    if let Some(open) = depth.last() {
        return Err((
            format!("{{{{#{open}"),
            format!("a {{{{#{open}}}}} is not closed"),
        ));
    }
    Ok(())
}

/// A dotted path of plain names: `ind.rd_spend.summary`, `report.year`, `this`.
fn is_path(text: &str) -> bool {
    !text.is_empty()
        && text.split('.').all(|segment| {
            !segment.is_empty()
                && segment
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '@')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_and_conditions_are_prose() {
        for ok in [
            "研发投入{{ind.rd.summary}}，{{ind.rd.yoy}}。",
            "{{#if ind.hte.rank}}{{ind.hte.rank.text}}{{else}}未排名{{/if}}",
            "{{#unless ind.x.target}}无目标{{/unless}}",
            "{{cite \"rd\"}}；{{report.year}}年",
            "{{! a note }}正文{{!-- a }} note --}}",
            "写作 \\{{ind}} 的字样",
            "{{~ind.rd.value~}}",
            "{{ind.hte.rank.text}}",
            "没有引用",
        ] {
            assert_eq!(language(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn partials_loops_and_helpers_are_not() {
        for (bad, says) in [
            ("{{#*inline \"p\"}}{{> p}}{{/inline}}{{> p}}", "not allowed"),
            ("{{> signature}}", "a partial"),
            (
                "{{#each ind}}{{#each ind}}x{{/each}}{{/each}}",
                "{{#each}} is not allowed",
            ),
            (
                "{{#with ind.rd}}{{value}}{{/with}}",
                "{{#with}} is not allowed",
            ),
            ("{{lookup ind \"rd\"}}", "not allowed"),
            ("{{#if (eq a b)}}x{{/if}}", "#if takes one citation"),
            ("{{#if a}}x", "is not closed"),
            ("x{{/if}}", "closes no"),
            ("{{ind.rd", "not closed"),
            ("{{cite rd}}", "cite takes one indicator key"),
            ("{{report}}", "names no field"),
            ("{{ind.hte}}", "names no field"),
            ("{{this}}", "names no field"),
            ("{{ind.rd.parts}}", "names no field"),
        ] {
            let (_, message) = language(bad).unwrap_err();
            assert!(message.contains(says), "{bad}: {message}");
        }
        let deep = "{{#if a}}".repeat(MAX_DEPTH + 1);
        assert!(language(&deep).unwrap_err().1.contains("nest"));
        let many = "{{#if a}}x{{/if}}".repeat(MAX_BLOCKS + 1);
        assert!(
            language(&many)
                .unwrap_err()
                .1
                .contains("blocks in one field")
        );
        let cited = "{{ind.a.value}}".repeat(MAX_EXPRESSIONS + 1);
        assert!(
            language(&cited)
                .unwrap_err()
                .1
                .contains("citations in one field")
        );
    }
}
