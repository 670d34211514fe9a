//! Which citable fields of an indicator a draft can reach.
//!
//! The facts in words ([`super::context`]) word every citable field of every indicator, some
//! forty each, and each block of a section copies the indicators it takes; a template or a
//! prose field cites a handful. zongjie's own templates use an indicator only through its
//! fields' names (`{{summary}}`, `{{#if next_target}}`; a test holds them to it), and prose can
//! do nothing else (its citation language is checked before drafting): so with the built-in
//! templates, a field is worded only if its name is a word of a template, of the file's prose
//! or of the short list zongjie's own code reads. A city's own templates may observe an
//! indicator whole — walk its fields (`{{#each this}}`), count them (`{{len this}}`), print it
//! (`{{clause this}}`), look one up by a computed name — and a set with any of them gets every
//! field: the draft must read the same whichever fields zongjie thought it would need.

use std::collections::HashSet;

use super::templates::{Origin, Template};

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

    /// The names `templates` hold, with those zongjie's code reads, when every one of them is
    /// zongjie's own; every field when a city's template is among them.
    pub fn of_templates<'a>(templates: impl IntoIterator<Item = &'a Template>) -> Reach {
        let mut names: HashSet<String> = READ_BY_CODE.iter().map(|n| n.to_string()).collect();
        for t in templates {
            if t.origin != Origin::BuiltIn || observes_an_indicator(&t.text) {
                return Reach::everything();
            }
            names.extend(words(&t.text).map(str::to_string));
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

/// Whether a built-in template might use an indicator other than through its fields' names:
/// `lookup`, or `#each` over anything but a list or map of [`LISTS`]. A guard for zongjie's
/// own templates, which are written not to (a city's are never read for names at all).
fn observes_an_indicator(text: &str) -> bool {
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

    fn built_in(text: &str) -> Template {
        Template {
            name: "indicators",
            text: text.into(),
            origin: Origin::BuiltIn,
        }
    }

    #[test]
    fn a_field_is_reached_by_its_name_in_a_template_or_in_prose() {
        let reach =
            Reach::of_templates(&[built_in("{{#each indicators}}{{label}}{{growth}}{{/each}}")]);
        let none = HashSet::new();
        assert!(reach.has("growth", &none) && reach.has("label", &none));
        assert!(reach.has("summary", &none), "the cite helper reads it");
        assert!(!reach.has("doubling", &none));
        let prose = prose_names(["全县{{ind.rd.doubling}}", "翻番 doubling 不算"]);
        assert!(reach.has("doubling", &prose));
        assert!(!reach.has("record", &prose));
    }

    #[test]
    fn a_citys_template_reaches_every_field() {
        let none = HashSet::new();
        // What a helper review found a text scan misses: each reads an indicator whole.
        for text in [
            "{{#each indicators}}{{# each this}}{{@key}}{{/each}}{{/each}}",
            "{{#each indicators}}{{#if false}}{{else each this}}{{@key}}{{/if}}{{/each}}",
            "{{#each indicators}}{{len this}}{{/each}}",
            "{{#each indicators}}{{clause this}}{{/each}}",
            "{{#with ind.rd as |parts|}}{{#each parts}}{{@key}}{{/each}}{{/with}}",
            "{{#each indicators}}{{label}}{{/each}}",
        ] {
            let city = Template {
                name: "indicators",
                text: text.into(),
                origin: Origin::User("city/templates/indicators.hbs".into()),
            };
            let reach = Reach::of_templates(&[built_in("{{summary}}"), city]);
            assert!(reach.has("doubling", &none), "{text}");
        }
    }

    #[test]
    fn zongjies_own_templates_use_an_indicator_only_by_its_fields_names() {
        for t in &super::super::TemplateSet::built_in().templates {
            assert!(!observes_an_indicator(&t.text), "{}", t.name);
            // `this` is a goal or a title line, never an indicator.
            for (at, _) in t.text.match_indices("this") {
                let before = &t.text[..at];
                let walking = before.rfind("{{#each").map(|i| &before[i..]);
                assert!(
                    walking.is_some_and(|w| w.starts_with("{{#each goals")
                        || w.starts_with("{{#each report.title_lines")),
                    "{}: `this` at {at}",
                    t.name
                );
            }
        }
        let none = HashSet::new();
        for text in [
            "{{lookup ind.rd field}}",
            "{{#each ind.rd}}{{this}}{{/each}}",
        ] {
            assert!(
                Reach::of_templates(&[built_in(text)]).has("doubling", &none),
                "{text}"
            );
        }
    }
}
