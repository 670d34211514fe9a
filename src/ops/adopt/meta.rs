//! The report's particulars — issuer, region, year, kind, date, title — and its house style,
//! each from the best evidence the document has.

use super::outline::{Document, Part};
use super::portal::Page;
use crate::diagnostic::Diagnostic;
use crate::zh::adopted as words;
use crate::zh::recognise as zh;

/// The report's particulars, with where each came from.
#[derive(Debug, Clone)]
pub(super) struct Meta {
    pub(super) issuer: String,
    pub(super) issuer_note: Option<String>,
    pub(super) region: String,
    pub(super) year: i32,
    pub(super) half: bool,
    pub(super) date: (i32, u32, u32),
    pub(super) date_note: Option<String>,
    pub(super) title: Option<String>,
}

/// The house style the document shows.
#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    pub(super) run_in: Vec<u8>,
    pub(super) level3: Option<&'static str>,
}

impl Style {
    pub(super) fn is_empty(&self) -> bool {
        self.run_in.is_empty() && self.level3.is_none()
    }
}

/// Levels whose headings mostly run in, and how level 3 is numbered.
pub(super) fn style_of(doc: &Document) -> Style {
    let mut counts = [(0usize, 0usize); 5];
    fn walk(parts: &[Part], counts: &mut [(usize, usize); 5]) {
        for p in parts {
            let c = &mut counts[usize::from(p.level.min(4))];
            c.0 += 1;
            if p.run_in {
                c.1 += 1;
            }
            walk(&p.children, counts);
        }
    }
    walk(&doc.parts, &mut counts);
    let run_in = (1..=4u8)
        .filter(|&l| {
            let (all, run) = counts[usize::from(l)];
            all > 0 && run * 2 > all
        })
        .collect();
    let level3 = match doc.level3_comma {
        Some(true) => Some(crate::zh::numeral::LEVEL3_COMMA),
        _ => None,
    };
    Style { run_in, level3 }
}

/// Issuer, region, year, kind, date and title, each from the best evidence the document has.
pub(super) fn meta(doc: &Document, page: &Page) -> Result<Meta, Diagnostic> {
    let bureau = regex::Regex::new(zh::BUREAU_PATTERN).expect("a valid bureau pattern");
    let suffix = regex::Regex::new(zh::BUREAU_SUFFIX_PATTERN).expect("a valid suffix pattern");
    let title = doc.title.join("");
    let first_text = doc.opening.first().cloned().unwrap_or_default();
    let (issuer, issuer_note) = match &doc.signature {
        Some(s) => (s.clone(), None),
        None => {
            let found = [
                (title.as_str(), words::FROM_TITLE),
                (page.source.as_deref().unwrap_or(""), words::FROM_PORTAL),
                (first_text.as_str(), words::FROM_OPENING),
            ]
            .into_iter()
            .find_map(|(text, from)| bureau.find(text).map(|m| (m.as_str().to_string(), from)));
            match found {
                Some((issuer, from)) => (issuer, Some(words::guessed_issuer(from))),
                None => (
                    crate::zh::fill::FILL.to_string(),
                    Some(words::guessed_issuer(words::NOT_FOUND)),
                ),
            }
        }
    };
    let region = suffix.replace(&issuer, "").to_string();
    let region = if region.is_empty() {
        issuer.clone()
    } else {
        region
    };
    let headings: Vec<&str> = doc.parts.iter().map(|p| p.title.as_str()).collect();
    let evidence = [title.as_str(), first_text.as_str()]
        .into_iter()
        .chain(headings.iter().copied())
        .collect::<Vec<_>>();
    let year_re = regex::Regex::new(r"(\d{4})").expect("a valid year pattern");
    let year = evidence
        .iter()
        .find_map(|t| year_re.captures(t).and_then(|c| c[1].parse::<i32>().ok()))
        .or(page.date.map(|d| d.0 - 1))
        .or(doc.date.map(|d| d.0))
        .ok_or_else(|| Diagnostic::error(zh::NO_YEAR).help(zh::NO_YEAR_HELP))?;
    let half = evidence
        .iter()
        .take(2)
        .chain(headings.iter().take(1))
        .any(|t| zh::HALF_YEAR_WORDS.iter().any(|w| t.contains(w)));
    let (date, date_note) = match (doc.date, page.date) {
        (Some(d), _) => (d, None),
        (None, Some(d)) => (d, Some(words::portal_date())),
        (None, None) => {
            let end = if half { (year, 6, 30) } else { (year, 12, 31) };
            (end, Some(words::guessed_date()))
        }
    };
    Ok(Meta {
        issuer,
        issuer_note,
        region,
        year,
        half,
        date,
        date_note,
        title: (!title.is_empty()).then_some(title),
    })
}
