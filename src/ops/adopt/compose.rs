//! The data file: the recognised outline as `[[sections]]`, the figures as `[indicators]`,
//! and prose that cites each figure where zongjie's wording of it is the document's own.
//!
//! Citations are decided by drafting: the file is first written with the prose as read,
//! checked and measured, and a span of prose becomes `{{ind.KEY.FIELD}}` only where that
//! field renders to exactly the span's text. So the adopted file drafts the document it was
//! read from, and next year the figure and its comparison are recomputed.

use std::collections::HashMap;
use std::ops::Range;

use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde_json::Value;

use super::figures::{self, Change, Loose, Mention, Stated};
use super::meta::{self, Meta};
use super::outline::{Body, Document, Part};
use super::portal::Page;
use crate::diagnostic::Diagnostic;
use crate::load::Source;
use crate::load::catalogue::Catalogue;
use crate::measure::units;
use crate::zh::adopted as words;
use crate::zh::punct;
use crate::zh::recognise as zh;

/// A catalogue name found at the end of a subject is the subject when what comes before it
/// is a short verb (认定, 拥有) and the name itself is not a bare word.
const MAX_VERB_CHARS: usize = 2;
const MIN_SUFFIX_NAME_CHARS: usize = 4;

/// What adopt made, and what it tells the clerk.
#[derive(Debug, Clone, Default)]
pub struct Adopted {
    pub toml: String,
    /// Headings written as sections, at every level.
    pub sections: usize,
    /// Indicators found: key, name, and how many places of prose cite them.
    pub indicators: Vec<(String, String, usize)>,
    /// Figures left as text and why.
    pub loose: Vec<Loose>,
    /// Places to check, in words for the terminal.
    pub unsure: Vec<String>,
}

/// The parts of the document the figures mean differently in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// What was done: figures are this period's.
    Done,
    /// Problems: figures stay text.
    Problems,
    /// The plan: a figure of a known indicator is next period's target.
    Plan,
    /// A longer outlook: figures stay text.
    Outlook,
}

/// A piece of prose and the spans of it that may cite an indicator.
#[derive(Debug, Clone, Default)]
pub(super) struct Slot {
    pub(super) text: String,
    pub(super) cites: Vec<Cite>,
}

#[derive(Debug, Clone)]
pub(super) struct Cite {
    pub(super) span: Range<usize>,
    pub(super) key: String,
    pub(super) field: &'static str,
}

/// An indicator as the document states it.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) name: String,
    /// The name the prose uses, when the table's is longer.
    pub(super) label: Option<String>,
    pub(super) unit: String,
    pub(super) current: Stated,
    pub(super) previous: Option<Decimal>,
    pub(super) previous_note: Option<String>,
    pub(super) stated_growth: Option<Stated>,
    pub(super) growth_note: Option<String>,
    pub(super) target: Option<Decimal>,
    pub(super) completion_note: Option<String>,
    pub(super) next_target: Option<Decimal>,
    pub(super) rank: Option<(String, u32)>,
    pub(super) period: Option<String>,
    pub(super) percent_places: Option<u32>,
    /// A relative change of the ratio is stated (增长56.25% beside 2.0%).
    pub(super) relative: bool,
    /// The growth a table states (增长27.5%), to see whether the figures shown give it.
    pub(super) table_growth: Option<String>,
}

impl Found {
    /// What a later statement of the same figure adds: the comparison, the target or the
    /// rank the first did not give.
    fn absorb(&mut self, later: Found) {
        if self.previous.is_none() && later.previous.is_some() {
            self.previous = later.previous;
            self.previous_note = later.previous_note;
            if later.stated_growth.is_none() {
                self.stated_growth = None;
                self.growth_note = None;
            }
        }
        if self.previous.is_none() && self.stated_growth.is_none() {
            self.stated_growth = later.stated_growth;
            self.growth_note = later.growth_note;
        }
        if self.target.is_none() {
            self.target = later.target;
            self.completion_note = self.completion_note.take().or(later.completion_note);
        }
        self.rank = self.rank.take().or(later.rank);
        self.period = self.period.take().or(later.period);
        self.table_growth = self.table_growth.take().or(later.table_growth);
        self.relative |= later.relative;
        self.percent_places = self.percent_places.or(later.percent_places);
    }
}

/// A section as the data file writes it.
#[derive(Debug, Clone, Default)]
pub(super) struct Sec {
    pub(super) title: String,
    pub(super) level: Option<u8>,
    pub(super) run_in: Option<bool>,
    pub(super) lead: Option<usize>,
    pub(super) table_note: bool,
    /// The indicators of its indicator table, in the table's order.
    pub(super) only: Vec<String>,
    pub(super) paragraphs: Vec<usize>,
    pub(super) points: Vec<(String, usize)>,
    pub(super) marker: Option<&'static str>,
    pub(super) inline_points: bool,
    pub(super) sections: Vec<Sec>,
}

pub(super) struct Composer<'a> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) year: i32,
    pub(super) half: bool,
    pub(super) slots: Vec<Slot>,
    pub(super) found: IndexMap<String, Found>,
    /// Keys by the subject the document names them with.
    pub(super) by_subject: HashMap<String, String>,
    pub(super) loose: Vec<Loose>,
    pub(super) unsure: Vec<String>,
    /// Targets said before their figure (全年目标新增…20家), by subject.
    pub(super) pending_targets: HashMap<String, Stated>,
}

/// Composes the data file from a recognised document; `source` names it in the header.
pub fn compose(
    doc: &Document,
    page: &Page,
    options: crate::Options,
    source: &str,
) -> Result<Adopted, Diagnostic> {
    let catalogue = match options.profile {
        Some(p) => &p.catalogue,
        None => Catalogue::standard(),
    };
    // The issuer may be left for the clerk to fill in; the checks here know it.
    let options = crate::Options {
        unfinished: true,
        ..options
    };
    let meta = meta::meta(doc, page)?;
    let mut unsure = doc.unsure.clone();
    if meta.issuer == crate::zh::fill::FILL {
        unsure.push(
            "no issuer found (no signature, no bureau in the title or the opening): write report.issuer and report.region"
                .to_string(),
        );
    }
    let mut c = Composer {
        catalogue,
        year: meta.year,
        half: meta.half,
        slots: Vec::new(),
        found: IndexMap::new(),
        by_subject: HashMap::new(),
        loose: Vec::new(),
        unsure,
        pending_targets: HashMap::new(),
    };
    let opening = (!doc.opening.is_empty()).then(|| c.slot(&doc.opening.join("\n"), Role::Done));
    let mut sections: Vec<Sec> = doc
        .parts
        .iter()
        .map(|p| c.section(p, 0, Role::Done))
        .collect();
    // A heading with nothing under it cannot be drafted: it is left out, and said so.
    let mut empty = Vec::new();
    drop_empty(&mut sections, &mut empty);
    for title in empty {
        c.unsure.push(format!(
            "the heading \"{title}\" has nothing under it: left out of the data file"
        ));
    }
    if sections.is_empty() {
        return Err(Diagnostic::error(zh::NOTHING_UNDER_HEADINGS).help(zh::NO_HEADINGS_HELP));
    }
    let style = meta::style_of(doc);
    let mut meta = meta;
    let write = |c: &Composer, meta: &Meta, cites: &dyn Fn(&Slot, &Cite) -> bool| {
        c.write(meta, &style, opening, &sections, source, cites)
    };
    // First without citations, to see how zongjie words each figure and the title.
    // The document's title is kept only where zongjie's own title for the data differs.
    let title = meta.title.take();
    let plain = write(&c, &meta, &|_, _| false);
    let probed = probe(&plain, options).map_err(|found| {
        let first: Vec<String> = found.0.iter().take(3).map(|d| d.message.clone()).collect();
        Diagnostic::error(format!(
            "adopt could not make a data file that checks from {source}: {}",
            first.join("; ")
        ))
        .help("please report this with the document; nothing was written")
    })?;
    let probed = Some(probed);
    meta.title = title.filter(|t| probed.as_ref().is_none_or(|p| &p.title != t));
    // A table whose growth the figures shown do not give was drafted from finer figures:
    // the stated rate is kept, and the clerk told.
    if let Some(p) = &probed {
        for (key, f) in c.found.iter_mut() {
            let Some(stated) = &f.table_growth else {
                continue;
            };
            let computed = p.fields[key.as_str()]["growth"]
                .as_str()
                .unwrap_or_default();
            if computed != stated
                && let Some(r) = figures::rate_in(stated)
            {
                c.unsure.push(format!(
                    "{}: the table states {stated} but the figures shown give {computed}: they are rounded; enter the exact figures",
                    f.name
                ));
                if f.previous.is_some() {
                    f.stated_growth = Some(r);
                    f.growth_note = Some(words::rounded(stated, computed));
                }
            }
        }
    }
    let plain = write(&c, &meta, &|_, _| false);
    let mut toml = plain;
    let mut uses: HashMap<String, usize> = HashMap::new();
    if let Some(p) = &probed {
        let agrees = |slot: &Slot, cite: &Cite| {
            p.fields[&cite.key][cite.field].as_str() == Some(&slot.text[cite.span.clone()])
        };
        let cited = write(&c, &meta, &agrees);
        if probe(&cited, options).is_ok() {
            toml = cited;
            for slot in &c.slots {
                for cite in slot.cites.iter().filter(|cite| agrees(slot, cite)) {
                    *uses.entry(cite.key.clone()).or_default() += 1;
                }
            }
        }
    }
    let count = |s: &[Sec]| -> usize {
        fn all(s: &[Sec]) -> usize {
            s.iter().map(|x| 1 + all(&x.sections)).sum()
        }
        all(s)
    };
    Ok(Adopted {
        sections: count(&sections),
        indicators: c
            .found
            .iter()
            .map(|(k, f)| (k.clone(), f.name.clone(), uses.get(k).copied().unwrap_or(0)))
            .collect(),
        loose: c.loose.clone(),
        unsure: c.unsure.clone(),
        toml,
    })
}

/// Removes the sections with nothing under them (no text, no sections), collecting their
/// titles.
fn drop_empty(sections: &mut Vec<Sec>, titles: &mut Vec<String>) {
    for s in sections.iter_mut() {
        drop_empty(&mut s.sections, titles);
    }
    sections.retain(|s| {
        let has = s.lead.is_some()
            || !s.only.is_empty()
            || !s.paragraphs.is_empty()
            || !s.points.is_empty()
            || !s.sections.is_empty();
        if !has {
            titles.push(s.title.clone());
        }
        has
    });
}

/// How zongjie words a data file: `ind.KEY.FIELD` and the title.
struct Probe {
    fields: Value,
    title: String,
}

/// The file checked and narrated, or what is wrong with it.
fn probe(toml: &str, options: crate::Options) -> Result<Probe, crate::diagnostic::Diagnostics> {
    let source = Source::new("adopted.toml", toml);
    let checked = crate::check(&source, options)?;
    let fields =
        crate::narrate::context::of(&checked.facts, &crate::narrate::context::Worded::all())["ind"]
            .clone();
    let templates = crate::narrate::TemplateSet::built_in();
    let outline = crate::narrate::narrate(&checked.file, &checked.facts, &templates)
        .map_err(|_| crate::diagnostic::Diagnostics(Vec::new()))?;
    Ok(Probe {
        fields,
        title: outline.title.concat(),
    })
}

impl Composer<'_> {
    /// A piece of prose, its figures found and registered.
    fn slot(&mut self, text: &str, role: Role) -> usize {
        let text = punct::normalise(text).text;
        let mut slot = Slot {
            text: text.clone(),
            cites: Vec::new(),
        };
        if matches!(role, Role::Done | Role::Plan) {
            let found = figures::find(&text);
            self.loose.extend(found.loose);
            for m in found.mentions {
                match role {
                    Role::Plan => self.planned(m, &text, &mut slot),
                    _ => self.done(m, &text, &mut slot),
                }
            }
        }
        self.slots.push(slot);
        self.slots.len() - 1
    }

    fn section(&mut self, part: &Part, parent: u8, role: Role) -> Sec {
        // Only the document's main parts say what their figures are: 完成目标任务 in a
        // heading under 工作情况 is still what was done.
        let role = match role {
            _ if parent > 0 => role,
            Role::Done if contains_any(&part.title, zh::PROBLEM_WORDS) => Role::Problems,
            Role::Done | Role::Plan if contains_any(&part.title, zh::OUTLOOK_WORDS) => {
                Role::Outlook
            }
            Role::Done if contains_any(&part.title, zh::PLAN_WORDS) => Role::Plan,
            r => r,
        };
        let mut sec = Sec {
            title: punct::normalise(&part.title).text,
            level: (part.level > parent + 1).then_some(part.level),
            run_in: Some(part.run_in),
            ..Sec::default()
        };
        // What comes before a table is the lead. An indicator table becomes the
        // `indicator_table` block (its caption with it); another table is left out.
        let mut lead: Vec<String> = part.lead.iter().cloned().collect();
        let mut paragraphs: Vec<String> = Vec::new();
        for body in &part.body {
            match body {
                Body::Paragraph(t) => paragraphs.push(t.clone()),
                Body::Table(rows) => {
                    match self.indicator_table(rows) {
                        Some(keys) if sec.only.is_empty() => {
                            if paragraphs
                                .last()
                                .is_some_and(|p| contains_any(p, zh::TABLE_CAPTION_WORDS))
                            {
                                paragraphs.pop();
                            }
                            sec.only = keys;
                        }
                        _ => {
                            sec.table_note = true;
                            self.unsure.push(format!(
                                "a table under \"{}\" is left out: add its figures by hand",
                                part.title
                            ));
                        }
                    }
                    lead.append(&mut paragraphs);
                }
            }
        }
        if !lead.is_empty() {
            sec.lead = Some(self.slot(&lead.join("\n"), role));
        }
        sec.paragraphs = paragraphs.iter().map(|t| self.slot(t, role)).collect();
        if let Some(points) = &part.points {
            sec.marker = Some(points.marker);
            sec.inline_points = points.inline;
            sec.points = points
                .items
                .iter()
                .map(|(title, text)| (punct::normalise(title).text, self.slot(text, role)))
                .collect();
        }
        let level = part.level;
        sec.sections = part
            .children
            .iter()
            .map(|child| self.section(child, level, role))
            .collect();
        sec
    }

    /// A figure of what was done: an indicator when the catalogue knows it or the text
    /// compares it; else it stays text.
    fn done(&mut self, m: Mention, text: &str, slot: &mut Slot) {
        // Statistics of the year before (2023年研发经费 in a 2024 summary) are this report's
        // figures for their own period; other years stay text.
        let period = match m.year {
            Some(y) if y == self.year - 1 => Some(words::year_period(y)),
            Some(y) if y != self.year => return,
            // 上半年 in a half-year summary is the report's period, not the figure's own.
            _ => m
                .period
                .clone()
                .filter(|p| !(self.half && zh::HALF_YEAR_WORDS.contains(&p.as_str()))),
        };
        if m.outlook_year.is_some() {
            return;
        }
        if m.stated_target {
            self.pending_targets
                .insert(m.subject.clone(), m.figure.clone());
            return;
        }
        let mut m = m;
        if m.target.is_none()
            && let Some(subject) = self
                .pending_targets
                .keys()
                .find(|s| figures::related(s, &m.subject))
                .cloned()
        {
            let t = self.pending_targets.remove(&subject).expect("found above");
            if t.unit == m.figure.unit {
                m.target = Some(t);
            }
        }
        let key = self
            .by_subject
            .get(&m.subject)
            .cloned()
            .or_else(|| self.catalogue_key(&m))
            .or_else(|| self.same_figure(&m));
        let key = match key {
            Some(k) => k,
            None if m.is_compared() => self.own_key(&m.subject),
            None => return,
        };
        // The same figure again adds what it says to the first; another value for it
        // stays text.
        let known = self.found.get(&key);
        if known.is_some_and(|k| k.current.value != m.figure.value || k.unit != m.figure.unit) {
            return;
        }
        let mut f = Found {
            name: m.subject.clone(),
            label: None,
            unit: m.figure.unit.clone(),
            current: m.figure.clone(),
            previous: m.previous.as_ref().map(|p| p.value),
            previous_note: None,
            stated_growth: None,
            growth_note: None,
            target: m.target.as_ref().map(|t| t.value),
            completion_note: None,
            next_target: None,
            rank: m.rank.clone(),
            period,
            percent_places: None,
            table_growth: None,
            relative: false,
        };
        let mut cite = |span: Range<usize>, field: &'static str| {
            slot.cites.push(Cite {
                span,
                key: key.clone(),
                field,
            })
        };
        cite(m.figure.span.clone(), "value");
        if let Some(p) = &m.previous {
            cite(p.span.clone(), "previous");
        }
        if let Some(t) = &m.target {
            cite(t.span.clone(), "target");
        }
        if let Some((change, span)) = &m.change {
            let said = &text[span.clone()];
            match change {
                Change::Growth(rate) => {
                    if f.previous.is_none() {
                        f.stated_growth = Some(rate.clone());
                        f.growth_note = Some(words::stated_growth(said));
                    }
                    if rate.decimals != 1 {
                        f.percent_places = Some(rate.decimals);
                    }
                    cite(span.clone(), "growth");
                }
                // A change larger than the value would make last year negative: not a
                // change of this figure; it stays text.
                Change::Amount(d) | Change::Points(d)
                    if f.previous.is_none()
                        && m.figure.approx.is_none()
                        && m.figure.value - d.value >= Decimal::ZERO =>
                {
                    f.previous = Some(m.figure.value - d.value);
                    f.previous_note = Some(words::derived_previous(said));
                    let field = if matches!(change, Change::Amount(_)) {
                        "change"
                    } else {
                        "points"
                    };
                    cite(span.clone(), field);
                }
                // Stated when last year's ratio is known, here or in a later sentence.
                Change::Relative(rate) => {
                    f.relative = true;
                    if rate.decimals != 1 {
                        f.percent_places = Some(rate.decimals);
                    }
                    cite(span.clone(), "relative");
                }
                _ => {}
            }
        }
        if let Some((rate, span)) = &m.completion {
            if f.target.is_none() {
                f.completion_note = Some(words::completion_only(&text[span.clone()]));
            }
            if rate.decimals != 1 {
                f.percent_places.get_or_insert(rate.decimals);
            }
            cite(span.clone(), "completion");
        }
        self.by_subject.insert(m.subject.clone(), key.clone());
        match self.found.get_mut(&key) {
            Some(known) => known.absorb(f),
            None => {
                self.found.insert(key, f);
            }
        }
    }

    /// The indicators of a 主要指标完成情况表 (指标, 单位, this year, last year, 目标), in the
    /// table's order; `None` when the table is not one.
    fn indicator_table(&mut self, rows: &[Vec<String>]) -> Option<Vec<String>> {
        let header = rows.first()?;
        let col = |f: &dyn Fn(&str) -> bool| header.iter().position(|h| f(h.trim()));
        let name = col(&|h| h.contains(zh::TABLE_NAME_HEADER))?;
        let unit = col(&|h| h == zh::TABLE_UNIT_HEADER)?;
        let this = format!("{}{}", self.year, zh::YEAR_MARK);
        let last = format!("{}{}", self.year - 1, zh::YEAR_MARK);
        let current = col(&|h| h.starts_with(&this) || zh::TABLE_CURRENT_HEADERS.contains(&h))?;
        let previous = col(&|h| h.starts_with(&last) || zh::TABLE_PREVIOUS_HEADERS.contains(&h));
        let target = col(&|h| h.ends_with(zh::TABLE_TARGET_HEADER));
        let growth = col(&|h| zh::TABLE_GROWTH_HEADERS.contains(&h));
        let with_period =
            regex::Regex::new(zh::NAME_WITH_PERIOD_PATTERN).expect("a valid period pattern");
        let rate = regex::Regex::new(r"\d+\.?(\d*)\s*%").expect("a valid rate pattern");
        let cell = |row: &[String], i: Option<usize>| -> Option<Decimal> {
            let text = row.get(i?)?.trim();
            (!zh::TABLE_EMPTY.contains(&text))
                .then(|| text.parse().ok())
                .flatten()
        };
        let mut keys = Vec::new();
        for row in &rows[1..] {
            let (Some(n), Some(u), Some(value)) =
                (row.get(name), row.get(unit), cell(row, Some(current)))
            else {
                continue;
            };
            let (n, u) = (punct::normalise(n.trim()).text, u.trim().to_string());
            let (n, period) = match with_period.captures(&n) {
                Some(c) => (c[1].to_string(), Some(c[2].to_string())),
                None => (n.clone(), None),
            };
            let percent_places = growth
                .and_then(|g| row.get(g))
                .and_then(|g| rate.captures(g))
                .map(|c| c[1].len() as u32)
                .filter(|&p| p != 1);
            let stated = Stated {
                value,
                decimals: value.scale(),
                unit: u.clone(),
                approx: None,
                span: 0..0,
            };
            let mention = Mention {
                subject: n.clone(),
                figure: stated.clone(),
                year: None,
                period: None,
                outlook_year: None,
                planned: false,
                stated_target: false,
                change: None,
                previous: None,
                target: None,
                completion: None,
                rank: None,
            };
            let key = self
                .catalogue_key(&mention)
                .or_else(|| self.by_subject.get(&n).cloned())
                .or_else(|| self.same_figure(&mention))
                .unwrap_or_else(|| self.own_key(&n));
            let row_found = Found {
                name: n.clone(),
                label: None,
                unit: u,
                current: stated,
                previous: cell(row, previous),
                previous_note: None,
                stated_growth: None,
                growth_note: None,
                target: cell(row, target),
                completion_note: None,
                next_target: None,
                rank: None,
                period,
                percent_places,
                table_growth: growth
                    .and_then(|g| row.get(g))
                    .map(|g| g.trim().to_string()),
                relative: false,
            };
            match self.found.get_mut(&key) {
                Some(known) if known.current.value == value && known.unit == row_found.unit => {
                    // The table prints the indicator's name; the text may use a shorter one.
                    if known.name != row_found.name {
                        known.label = Some(std::mem::replace(&mut known.name, n));
                    }
                    known.absorb(row_found)
                }
                Some(_) => {
                    self.unsure.push(format!(
                        "the table gives {n} as {value}, the text another figure: the table's row is left out"
                    ));
                    continue;
                }
                None => {
                    self.by_subject.insert(n, key.clone());
                    self.found.insert(key.clone(), row_found);
                }
            }
            keys.push(key);
        }
        (!keys.is_empty()).then_some(keys)
    }

    /// A figure of the plan: next period's target of an indicator already found.
    fn planned(&mut self, m: Mention, _text: &str, slot: &mut Slot) {
        if m.outlook_year.is_some_and(|y| y > self.year + 1) || m.figure.approx.is_some() {
            return;
        }
        let key = self.by_subject.get(&m.subject).cloned().or_else(|| {
            self.catalogue_key(&m)
                .filter(|k| self.found.contains_key(k))
        });
        let Some(key) = key else { return };
        let Some(f) = self.found.get_mut(&key) else {
            return;
        };
        if f.unit != m.figure.unit || f.next_target.is_some() {
            return;
        }
        f.next_target = Some(m.figure.value);
        slot.cites.push(Cite {
            span: m.figure.span.clone(),
            key,
            field: "next_target",
        });
    }

    /// The catalogue's key for a subject: its name or one of its aliases, alone or with a
    /// suffix such as 保有量, in a unit it converts from.
    fn catalogue_key(&self, m: &Mention) -> Option<String> {
        let subject = m.subject.as_str();
        let bare = zh::SUBJECT_SUFFIXES
            .iter()
            .find_map(|s| subject.strip_suffix(s))
            .unwrap_or(subject);
        let fits = |e: &crate::load::catalogue::Entry| {
            e.unit == m.figure.unit || units::convertible(&m.figure.unit, &e.unit)
        };
        let names = |e: &'_ crate::load::catalogue::Entry| {
            std::iter::once(e.name.clone())
                .chain(e.label.clone())
                .chain(e.aliases.clone())
                .collect::<Vec<String>>()
        };
        let exact = self
            .catalogue
            .indicators
            .iter()
            .find(|(_, e)| fits(e) && names(e).iter().any(|n| n == subject || n == bare));
        // 认定技术合同交易项数: a name after a verb of two characters at most.
        let after_verb = || {
            self.catalogue
                .indicators
                .iter()
                .filter(|(_, e)| fits(e))
                .flat_map(|(k, e)| names(e).into_iter().map(move |n| (k, n)))
                .filter(|(_, n)| {
                    n.chars().count() >= MIN_SUFFIX_NAME_CHARS
                        && subject
                            .strip_suffix(n.as_str())
                            .is_some_and(|verb| verb.chars().count() <= MAX_VERB_CHARS)
                })
                .max_by_key(|(_, n)| n.chars().count())
        };
        exact
            .map(|(k, _)| k.clone())
            .or_else(|| after_verb().map(|(k, _)| k.clone()))
    }

    /// An indicator already found under a related name with the same figure
    /// (研发经费投入占GDP比重 after 研发经费占GDP比重).
    fn same_figure(&self, m: &Mention) -> Option<String> {
        self.found
            .iter()
            .find(|(_, f)| {
                f.current.value == m.figure.value
                    && f.unit == m.figure.unit
                    && figures::related(&f.name, &m.subject)
            })
            .map(|(k, _)| k.clone())
    }

    /// A key made from the name: the initials of its syllables (研发经费 → yfjf).
    fn own_key(&self, subject: &str) -> String {
        use pinyin::ToPinyin;
        let mut key = String::new();
        for (ch, py) in subject.chars().zip(subject.to_pinyin()) {
            match py {
                Some(p) => key.push_str(p.first_letter()),
                None if ch.is_ascii_alphanumeric() => key.push(ch.to_ascii_lowercase()),
                None => {}
            }
            if key.len() >= 12 {
                break;
            }
        }
        if !key.starts_with(|c: char| c.is_ascii_lowercase()) {
            key.insert_str(0, "ind_");
        }
        let mut unique = key.clone();
        let mut n = 2;
        while self.found.contains_key(&unique) || self.catalogue.get(&unique).is_some() {
            unique = format!("{key}_{n}");
            n += 1;
        }
        unique
    }
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}
