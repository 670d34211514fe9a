//! Which citable fields of an indicator a draft can reach.
//!
//! The facts in words ([`super::context`]) word every citable field of every indicator, some
//! forty each, and each block of a section copies the indicators it takes; a template or a
//! prose field cites a handful. A field is worded only if its name is one a template, the
//! file's prose or zongjie's own code names: a template reaches a field by writing its name
//! (`{{summary}}`, `{{ind.rd.growth}}`, `{{#if next_target}}`), so a name no text holds cannot
//! be reached. Two things would reach fields by a name no text holds, and a template set with
//! either reaches every field: `lookup` (a name computed while rendering) and `#each` over
//! something other than a list or map of indicators (an indicator's own fields as `this`).

use std::collections::HashSet;

/// What `#each` may walk without reaching fields by position: the lists and maps the
/// narrator and the facts hold (of indicators, goals, periods, title lines, sub-items).
const LISTS: &[&str] = &[
    "indicators",
    "next_targets",
    "outlooks",
    "targets",
    "highlights",
    "dated",
    "goals",
    "parts",
    "title_lines",
    "ind",
];

/// Fields zongjie's own code reads from the words: the `cite` helper places `summary`, and the
/// key-indicator block groups indicators by `period`.
const READ_BY_CODE: &[&str] = &["summary", "period"];

/// The names a template set can reach fields by; `None`: every field.
#[derive(Debug, Clone)]
pub struct Reach(Option<HashSet<String>>);

impl Reach {
    /// Every field (what `adopt` compares a document with, and what an error lists).
    pub fn everything() -> Reach {
        Reach(None)
    }

    /// The names `templates` hold, with those zongjie's code reads; every field when a
    /// template may reach one by a name it does not hold.
    pub fn of_templates<'a>(templates: impl IntoIterator<Item = &'a str>) -> Reach {
        let mut names: HashSet<String> = READ_BY_CODE.iter().map(|n| n.to_string()).collect();
        for text in templates {
            if reaches_by_position(text) {
                return Reach::everything();
            }
            names.extend(words(text).map(str::to_string));
        }
        Reach(Some(names))
    }

    /// Whether a field may be cited, by a template or by one of `prose` (the file's texts).
    pub fn has(&self, field: &str, prose: &HashSet<&str>) -> bool {
        match &self.0 {
            None => true,
            Some(names) => names.contains(field) || prose.contains(field),
        }
    }
}

/// The names the file's prose may cite fields by: the words of every text holding `{{`.
pub fn prose_names<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashSet<&'a str> {
    texts
        .into_iter()
        .filter(|t| t.contains("{{"))
        .flat_map(words)
        .collect()
}

/// The ASCII words of a text: every name a template or citation could use.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Whether a template may reach a field by a name it does not write: `lookup`, or `#each`
/// over anything but a list or map of [`LISTS`].
fn reaches_by_position(text: &str) -> bool {
    if words(text).any(|w| w == "lookup") {
        return true;
    }
    text.match_indices("#each").any(|(at, _)| {
        let rest = text[at + "#each".len()..].trim_start();
        let target: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '}' && *c != '~')
            .collect();
        let last = target
            .rsplit(['.', '/'])
            .find(|s| !s.is_empty())
            .unwrap_or_default();
        !LISTS.contains(&last)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_reached_by_its_name_in_a_template_or_in_prose() {
        let reach = Reach::of_templates(["{{#each indicators}}{{label}}{{growth}}{{/each}}"]);
        let none = HashSet::new();
        assert!(reach.has("growth", &none) && reach.has("label", &none));
        assert!(reach.has("summary", &none), "the cite helper reads it");
        assert!(!reach.has("doubling", &none));
        let prose = prose_names(["全县{{ind.rd.doubling}}", "翻番 doubling 不算"]);
        assert!(reach.has("doubling", &prose));
        assert!(!reach.has("record", &prose));
    }

    #[test]
    fn lookup_or_walking_an_indicator_reaches_every_field() {
        let none = HashSet::new();
        for text in [
            "{{lookup ind.rd field}}",
            "{{#each ind.rd}}{{this}}{{/each}}",
            "{{#each indicators}}{{#each this}}{{@key}}{{/each}}{{/each}}",
            "{{#each (f x)}}{{/each}}",
        ] {
            assert!(Reach::of_templates([text]).has("doubling", &none), "{text}");
        }
        for text in [
            "{{#each ../indicators}}{{/each}}",
            "{{#each @root.ind}}{{/each}}",
            "{{~#each report.title_lines~}}{{/each}}",
        ] {
            assert!(
                !Reach::of_templates([text]).has("doubling", &none),
                "{text}"
            );
        }
    }
}
