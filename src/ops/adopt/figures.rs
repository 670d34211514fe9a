//! The figures a paragraph states, each with the subject it measures and the comparisons
//! stated beside it: `研发经费投入4.54亿元，同比增长66.9%`, `57家，比上年增加11家`,
//! `由2.72亿元增加到4.54亿元`, `完成目标任务的108.1%`, `排名怀化第九`.
//!
//! Reading is by clause: a figure whose clause holds nothing but a comparison word
//! (`同比增长`, `比上年增加`, `提高`) compares the last figure with a subject in the same
//! sentence; any other figure is a mention, its subject the clause's words before it with
//! time, place, fillers and verbs taken off. What cannot be paired stays text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::model::Approx;
use crate::zh::recognise as zh;

/// A subject longer than this is a clause, not the name of a figure.
const MAX_SUBJECT_CHARS: usize = 18;

/// A figure as the text states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub value: Decimal,
    /// Decimal places as typed (2.0 → 1).
    pub decimals: u32,
    pub unit: String,
    pub approx: Option<Approx>,
    /// Bytes of the paragraph: the figure with its 约 and 多.
    pub span: Range<usize>,
}

/// How a figure is compared with last year, as stated.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// 增长66.9% (negative for 下降).
    Growth(Stated),
    /// 增加11家 (negative for 减少).
    Amount(Stated),
    /// 提高0.72个百分点 (negative for 下降).
    Points(Stated),
    /// A ratio's relative change: 2.0%, 增长56.25% (against 1.28%).
    Relative(Stated),
}

/// A figure with a subject, and what the text says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub subject: String,
    pub figure: Stated,
    /// A year said before it (2024年研发经费…).
    pub year: Option<i32>,
    /// Its own period (1-4月), when said.
    pub period: Option<String>,
    /// A later year a plan names (到2025年).
    pub outlook_year: Option<i32>,
    /// Words of a plan's target before it (力争, 达到).
    pub planned: bool,
    /// The figure is a target (全年目标新增…20家), for the figure of the same subject after.
    pub stated_target: bool,
    /// The comparison and the bytes of its words and figure (`增长66.9%`).
    pub change: Option<(Change, Range<usize>)>,
    /// Last year's value, stated as `由2.72亿元`.
    pub previous: Option<Stated>,
    pub target: Option<Stated>,
    /// 完成目标任务的108.1%: the rate and the bytes of the phrase.
    pub completion: Option<(Stated, Range<usize>)>,
    /// Where it ranks (`怀化`, `全省`) and its place.
    pub rank: Option<(String, u32)>,
}

impl Mention {
    /// It says more than a number: a comparison, a target, a rank or last year's value.
    pub fn is_compared(&self) -> bool {
        self.change.is_some()
            || self.previous.is_some()
            || self.target.is_some()
            || self.completion.is_some()
            || self.rank.is_some()
    }
}

/// A figure left as text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loose {
    pub text: String,
    pub why: Why,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// No subject before it in its clause.
    NoSubject,
    /// A comparison with no figure before it in its sentence to compare.
    NothingToCompare,
    /// `分别`: several figures for several subjects.
    Respectively,
    /// A comparison this tool does not turn into data (年均增长, a ratio's growth in %).
    Unpaired,
}

/// What one paragraph states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub mentions: Vec<Mention>,
    pub loose: Vec<Loose>,
}

static FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::FIGURE_PATTERN).expect("a valid figure pattern"));
static RANK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::RANK_PATTERN).expect("a valid rank pattern"));
static SUBJECT_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::SUBJECT_TIME_PATTERN).expect("a valid time pattern"));
static OWN_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::OWN_PERIOD_PATTERN).expect("a valid period pattern"));
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::YEAR_PATTERN).expect("a valid year pattern"));
static OUTLOOK_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::OUTLOOK_YEAR_PATTERN).expect("a valid year pattern"));

/// The figures of one paragraph (full-width punctuation, as [`crate::zh::punct::normalise`]
/// leaves it).
pub fn find(text: &str) -> Found {
    let mut found = Found::default();
    for sentence in sentences(text) {
        in_sentence(text, sentence, &mut found);
    }
    found
}

/// Byte ranges of the sentences, each with its closing mark.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if zh::SENTENCE_BREAKS.contains(&c) {
            out.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn in_sentence(text: &str, sentence: Range<usize>, found: &mut Found) {
    let s = &text[sentence.clone()];
    let figures: Vec<regex::Captures> = FIGURE.captures_iter(s).collect();
    if figures.is_empty() {
        return;
    }
    if let Some(at) = s.find(zh::RESPECTIVELY) {
        respectively(text, sentence, at, found);
        return;
    }
    let first_mention = found.mentions.len();
    let mut latest: Option<usize> = None;
    let mut from: Option<(Stated, String)> = None;
    let mut prev_end = 0;
    for c in &figures {
        let whole = c.get(0).expect("a match");
        let figure = stated(c, sentence.start);
        // The words since the last clause mark or the last figure, whichever is later.
        let before = &s[prev_end..whole.start()];
        let clause = before
            .rfind(zh::CLAUSE_BREAKS)
            .map(|i| &before[i + before[i..].chars().next().map_or(0, char::len_utf8)..])
            .unwrap_or(before);
        let clause_start = sentence.start + whole.start() - clause.len();
        prev_end = whole.end();
        let lead = clause.trim_end_matches(zh::CLAUSE_TAIL);
        let bare = strip_last_year(lead);
        let percent = zh::PERCENT_SIGNS.contains(&figure.unit.as_str());
        let points = figure.unit == zh::POINTS_UNIT;
        let to_latest = |found: &mut Found, f: &mut dyn FnMut(&mut Mention)| match latest {
            Some(i) => {
                f(&mut found.mentions[i]);
                true
            }
            None => false,
        };
        let change_span = |word: &str| sentence.start + whole.start() - word.len()..figure.span.end;
        // More digits than any figure of a county's year: a code or an ID, not a figure.
        if c[2].len() > zh::MAX_FIGURE_DIGITS {
            found.loose.push(loose(c, Why::Unpaired));
            continue;
        }
        // 较上年的2.72亿元: last year's value of the figure before it.
        if lead != bare
            && zh::OF_MARKS.contains(&bare)
            && let Some(i) = latest.filter(|&i| {
                let m = &found.mentions[i];
                m.previous.is_none() && m.figure.unit == figure.unit
            })
        {
            found.mentions[i].previous = Some(figure);
            continue;
        }
        if let Some(word) = ends_with_any(lead, zh::COMPLETION_WORDS)
            && percent
        {
            let span = change_span(word);
            let rate = figure.clone();
            if !to_latest(found, &mut |m| {
                m.completion = Some((rate.clone(), span.clone()))
            }) {
                found.loose.push(loose(c, Why::NothingToCompare));
            }
            continue;
        }
        if zh::AVERAGE_WORDS.iter().any(|w| lead.contains(w)) {
            found.loose.push(loose(c, Why::Unpaired));
            continue;
        }
        let mut rise = exactly_one_of(bare, zh::RISE_WORDS);
        let mut fall = exactly_one_of(bare, zh::FALL_WORDS);
        // The figure a rate compares: the last one of the sentence for a bare 增长; for
        // 研发经费投入增长66.9% or 增加值增速19.04%, the last one of the paragraph it names.
        let mut compared = latest;
        if (percent || points) && rise.is_none() && fall.is_none() {
            let named = |word: &str| -> Option<usize> {
                let name = subject_of(&bare[..bare.len() - word.len()])?;
                found
                    .mentions
                    .iter()
                    .rposition(|m| m.change.is_none() && related(&name, &m.subject))
            };
            if let Some(w) = ends_with_any(bare, zh::RISE_WORDS)
                && let Some(i) = named(w)
            {
                rise = Some(w);
                compared = Some(i);
            } else if let Some(w) = ends_with_any(bare, zh::FALL_WORDS)
                && let Some(i) = named(w)
            {
                fall = Some(w);
                compared = Some(i);
            }
        }
        if (percent || points) && (rise.is_some() || fall.is_some()) {
            let word = rise.or(fall).expect("one of them");
            let mut rate = figure.clone();
            if fall.is_some() {
                rate.value = -rate.value;
            }
            let span = change_span(word);
            // Points compare a ratio; a percentage compares an amount, or a ratio relatively
            // (2.0% against 1.28% is 增长56.25%).
            let ok = compared.filter(|&i| {
                let of_ratio = zh::PERCENT_SIGNS.contains(&found.mentions[i].figure.unit.as_str());
                (of_ratio || !points) && found.mentions[i].change.is_none()
            });
            if let Some(i) = ok {
                let of_ratio = zh::PERCENT_SIGNS.contains(&found.mentions[i].figure.unit.as_str());
                let change = match (points, of_ratio) {
                    (true, _) => Change::Points(rate),
                    (false, true) => Change::Relative(rate),
                    (false, false) => Change::Growth(rate),
                };
                found.mentions[i].change = Some((change, span));
            } else {
                let why = if compared.is_some() {
                    Why::Unpaired
                } else {
                    Why::NothingToCompare
                };
                found.loose.push(loose(c, why));
            }
            continue;
        }
        let more = exactly_one_of(bare, zh::MORE_WORDS);
        let less = exactly_one_of(bare, zh::LESS_WORDS);
        if let Some(word) = more.or(less)
            && lead != bare
        {
            // 比上年增加11家: only with a word of last year, else 新增19家 is a figure of its own.
            let mut amount = figure.clone();
            if less.is_some() {
                amount.value = -amount.value;
            }
            let span = change_span(word);
            let ok = latest.is_some_and(|i| {
                found.mentions[i].figure.unit == amount.unit && found.mentions[i].change.is_none()
            });
            if ok {
                to_latest(found, &mut |m| {
                    m.change = Some((Change::Amount(amount.clone()), span.clone()))
                });
            } else {
                found.loose.push(loose(c, Why::NothingToCompare));
            }
            continue;
        }
        if let Some(word) = ends_with_any(lead, zh::FROM_WORDS)
            && from.is_none()
        {
            let subject_words = &lead[..lead.len() - word.len()];
            from = Some((figure, subject_words.to_string()));
            continue;
        }
        if ends_with_any(lead, zh::TARGET_WORDS).is_some() {
            let target = figure.clone();
            let ok = latest.is_some_and(|i| {
                found.mentions[i].figure.unit == target.unit && found.mentions[i].target.is_none()
            });
            if ok {
                to_latest(found, &mut |m| m.target = Some(target.clone()));
            } else {
                found.loose.push(loose(c, Why::NothingToCompare));
            }
            continue;
        }
        // A mention.
        let (words, previous) = match (ends_with_any(lead, zh::TO_WORDS), from.take()) {
            (Some(_), Some((previous, words))) if previous.unit == figure.unit => {
                (words, Some(previous))
            }
            (_, pending) => {
                if let Some((p, _)) = pending {
                    found.loose.push(Loose {
                        text: text[p.span].to_string(),
                        why: Why::Unpaired,
                    });
                }
                (lead.to_string(), None)
            }
        };
        let context = &text[sentence.start..clause_start];
        // 全年目标新增高新技术企业20家: a target, stated before the figure it is for.
        let (words, stated_target) = match zh::TARGET_WORDS
            .iter()
            .filter(|w| words.contains(**w))
            .max_by_key(|w| w.len())
        {
            Some(w) => (words.replacen(w, "", 1), true),
            None => (words, false),
        };
        let subject = subject_of(&words).or_else(|| {
            // 省级高新区实现六县市全覆盖，总数达到8个: the total of what the sentence opens with.
            zh::TOTAL_WORDS
                .iter()
                .any(|w| words.contains(w))
                .then(|| sentence_subject(context))
                .flatten()
        });
        let mut mention = match subject {
            Some(subject) => Mention {
                subject,
                figure,
                year: None,
                period: None,
                outlook_year: None,
                planned: zh::PLAN_TARGET_WORDS.iter().any(|w| words.contains(w)),
                stated_target,
                change: None,
                previous,
                target: None,
                completion: None,
                rank: None,
            },
            None => {
                // 2022年认定2.72亿元 after 2023年…4.54亿元: last year's value of that figure.
                // 2023年…46家，2024年达到57家: this year's value after last year's.
                let year: Option<i32> = YEAR.captures(&words).and_then(|c| c[1].parse().ok());
                let same = |i: &usize| {
                    let m = &found.mentions[*i];
                    m.previous.is_none() && m.figure.unit == figure.unit
                };
                if let Some(i) = latest
                    .filter(same)
                    .filter(|&i| year.is_some_and(|y| found.mentions[i].year == Some(y + 1)))
                {
                    found.mentions[i].previous = Some(figure);
                } else if let Some(i) = latest.filter(same).filter(|&i| {
                    year.is_some_and(|y| found.mentions[i].year.is_some_and(|had| y == had + 1))
                }) {
                    later_year(&mut found.mentions[i], figure, year);
                } else {
                    found.loose.push(loose(c, Why::NoSubject));
                    // A comparison after a figure left as text is not the earlier figure's.
                    latest = None;
                }
                continue;
            }
        };
        // 占GDP比重2.0%: the share of the figure before it.
        if mention.subject.starts_with(zh::SHARE_START)
            && let Some(i) = latest
        {
            mention.subject = format!("{}{}", found.mentions[i].subject, mention.subject);
        }
        let said_before = format!("{context}{words}");
        mention.year = YEAR
            .captures(&words)
            .or_else(|| YEAR.captures_iter(context).last())
            .and_then(|c| c[1].parse().ok());
        // 2023年技术合同成交额12.5亿元，2024年技术合同成交额15.2亿元: one figure, two years.
        if let Some(i) = latest
            && let Some(y) = mention.year
            && found.mentions[i].year == Some(y - 1)
            && found.mentions[i].previous.is_none()
            && found.mentions[i].figure.unit == mention.figure.unit
            && related(&found.mentions[i].subject, &mention.subject)
        {
            later_year(&mut found.mentions[i], mention.figure, Some(y));
            continue;
        }
        mention.period = OWN_PERIOD
            .captures(&said_before)
            .map(|c| c[1].replace(zh::RANGE_MARKS, "-"));
        mention.outlook_year = OUTLOOK_YEAR
            .captures(&said_before)
            .and_then(|c| c[1].parse().ok());
        found.mentions.push(mention);
        latest = Some(found.mentions.len() - 1);
    }
    if let Some((p, _)) = from {
        found.loose.push(Loose {
            text: text[p.span].to_string(),
            why: Why::Unpaired,
        });
    }
    // Ranks: each to the last mention before it in the sentence, else the first after.
    for c in RANK.captures_iter(s) {
        let at = sentence.start + c.get(0).expect("a match").start();
        let Some(place) = zh::chinese_number(&c[2]).or_else(|| c[2].parse().ok()) else {
            continue;
        };
        let mut scope = c[1].trim().to_string();
        if scope.is_empty() {
            let before = &s[..c.get(0).expect("a match").start()];
            let clause = before.rsplit(zh::CLAUSE_BREAKS).next().unwrap_or("");
            scope = zh::RANK_SCOPES
                .iter()
                .find(|w| clause.contains(*w))
                .map(|w| w.to_string())
                .unwrap_or_default();
        }
        if scope.is_empty() {
            continue;
        }
        let ours = &mut found.mentions[first_mention..];
        // What the rank's clause names: a figure of the sentence (研发强度排第四), the first
        // figure (绝对值排第三), or nothing, for the figure just before it.
        let before = &s[..c.get(0).expect("a match").start()];
        let named = before
            .rsplit(zh::CLAUSE_BREAKS)
            .next()
            .unwrap_or("")
            .trim_start_matches(|ch: char| !ch.is_alphanumeric());
        let named = zh::RANK_SCOPES
            .iter()
            .fold(named, |n, w| n.strip_prefix(w).unwrap_or(n));
        // A rank of a growth or of a change (增速排名第二, 新增数排名第一) is not the value's.
        let of_change = zh::RANK_OF_CHANGE.iter().any(|w| named.contains(w));
        let target = if of_change {
            None
        } else if named.is_empty() {
            ours.iter().rposition(|m| m.figure.span.end <= at)
        } else if zh::RANK_OF_VALUE.iter().any(|w| named.contains(w)) {
            (!ours.is_empty()).then_some(0)
        } else {
            ours.iter().position(|m| related(named, &m.subject))
        };
        if let Some(i) = target
            && ours[i].rank.is_none()
        {
            ours[i].rank = Some((scope, place));
        }
    }
}

/// The rate a table's cell states (增长27.5%, 下降3%), signed.
pub fn rate_in(cell: &str) -> Option<Stated> {
    let c = FIGURE.captures(cell)?;
    let mut rate = stated(&c, 0);
    if !zh::PERCENT_SIGNS.contains(&rate.unit.as_str()) {
        return None;
    }
    if zh::FALL_WORDS.iter().any(|w| cell.contains(w)) {
        rate.value = -rate.value;
    }
    Some(rate)
}

/// `A 5113.32万元，其中B 2973.81万元，分别较去年增长49.95%、346.77%`: the figures before the
/// 分别 clause read as usual, and its rates given to the last of them in order, when there
/// are as many and the clause is a growth; otherwise its figures stay text.
fn respectively(text: &str, sentence: Range<usize>, at: usize, found: &mut Found) {
    let s = &text[sentence.clone()];
    let clause_start = s[..at]
        .rfind(zh::CLAUSE_BREAKS)
        .map_or(0, |i| i + s[i..].chars().next().map_or(0, char::len_utf8));
    let first = found.mentions.len();
    if clause_start > 0 {
        in_sentence(text, sentence.start..sentence.start + clause_start, found);
    }
    let clause = &s[clause_start..];
    let rates: Vec<regex::Captures> = FIGURE.captures_iter(clause).collect();
    let words = clause[..rates
        .first()
        .map_or(0, |c| c.get(0).expect("a match").start())]
        .replace(zh::RESPECTIVELY, "");
    let words = strip_last_year(words.trim_end_matches(zh::CLAUSE_TAIL)).to_string();
    let rise = zh::RISE_WORDS.contains(&words.as_str());
    let fall = zh::FALL_WORDS.contains(&words.as_str());
    let offset = sentence.start + clause_start;
    let stated: Vec<Stated> = rates.iter().map(|c| stated(c, offset)).collect();
    let ours = found.mentions.len() - first;
    let growths = stated
        .iter()
        .all(|r| zh::PERCENT_SIGNS.contains(&r.unit.as_str()));
    // The rates go to the figures right before the clause: each of those must be a figure
    // with a subject, or the pairing would shift.
    let before: Vec<Range<usize>> = FIGURE
        .find_iter(&s[..clause_start])
        .map(|m| sentence.start + m.start()..sentence.start + m.end())
        .collect();
    let paired = (rise || fall) && growths && !stated.is_empty() && stated.len() <= ours && {
        let targets = &found.mentions[found.mentions.len() - stated.len()..];
        let last = &before[before.len().saturating_sub(stated.len())..];
        targets.len() == last.len()
            && targets.iter().zip(last).all(|(m, span)| {
                m.figure.span == *span
                    && m.change.is_none()
                    && !zh::PERCENT_SIGNS.contains(&m.figure.unit.as_str())
            })
    };
    if !paired {
        found
            .loose
            .extend(rates.iter().map(|c| loose(c, Why::Respectively)));
        return;
    }
    let start = found.mentions.len() - stated.len();
    for (m, mut rate) in found.mentions[start..].iter_mut().zip(stated) {
        if fall {
            rate.value = -rate.value;
        }
        let span = rate.span.clone();
        m.change = Some((Change::Growth(rate), span));
    }
}

/// A matched figure read into its value, unit and approximation.
fn stated(c: &regex::Captures, offset: usize) -> Stated {
    let whole = c.get(0).expect("a match");
    let digits = &c[2];
    let mut value: Decimal = digits.parse().unwrap_or_default();
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    let mut unit = c[5].to_string();
    if let Some(mult) = c.get(3) {
        let joined = format!("{}{}", mult.as_str(), unit);
        if zh::JOINED_UNITS.contains(&joined.as_str()) {
            unit = joined;
        } else {
            let factor = if mult.as_str() == zh::TEN_THOUSAND {
                Decimal::from(10_000)
            } else {
                Decimal::from(100_000_000)
            };
            value *= factor;
        }
    }
    if zh::PERCENT_SIGNS.contains(&unit.as_str()) {
        unit = "%".to_string();
    }
    let approx = match (c.get(1).map(|m| m.as_str()), c.get(4).map(|m| m.as_str())) {
        (_, Some(w)) if w == zh::MORE => Some(Approx::More),
        (_, Some(_)) => Some(Approx::Over),
        (Some(w), _) if w == zh::ABOUT => Some(Approx::About),
        (Some(_), _) => Some(Approx::Nearly),
        _ => None,
    };
    Stated {
        value,
        decimals,
        unit,
        approx,
        span: offset + whole.start()..offset + whole.end(),
    }
}

fn loose(c: &regex::Captures, why: Why) -> Loose {
    Loose {
        text: c[0].to_string(),
        why,
    }
}

/// The figure said for the year after `m`'s: `m`'s figure becomes last year's.
fn later_year(m: &mut Mention, figure: Stated, year: Option<i32>) {
    let earlier = std::mem::replace(&mut m.figure, figure);
    m.previous = Some(earlier);
    m.year = year;
}

/// Two names of one thing: one holds the other, they open alike (研发经费, 研发经费投入), or
/// they end alike (科技型企业知识价值信用贷款, 企业发放知识价值信用贷款).
pub fn related(a: &str, b: &str) -> bool {
    let head = |s: &str| s.chars().take(2).collect::<String>();
    let tail = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.contains(b) || b.contains(a) || head(a) == head(b) || tail >= 4
}

/// The clause without its words of last year (同比, 比上年).
fn strip_last_year(lead: &str) -> &str {
    let mut rest = lead;
    // 比上年同期 before 比上年: the longest word of last year first.
    while let Some(w) = zh::LAST_YEAR_WORDS
        .iter()
        .filter(|w| rest.starts_with(**w))
        .max_by_key(|w| w.len())
    {
        rest = &rest[w.len()..];
    }
    rest
}

/// The word the clause consists of, when it is one of `words` and nothing else.
fn exactly_one_of<'a>(clause: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| clause == *w)
}

fn ends_with_any<'a>(text: &str, words: &[&'a str]) -> Option<&'a str> {
    words
        .iter()
        .copied()
        .filter(|w| text.ends_with(w))
        .max_by_key(|w| w.len())
}

/// What a sentence's first clause is about: its words up to their first verb.
fn sentence_subject(context: &str) -> Option<String> {
    let first = context.split(zh::CLAUSE_BREAKS).next()?;
    let cut = zh::SUBJECT_VERBS
        .iter()
        .filter_map(|v| first.find(v).filter(|&i| i > 0))
        .min()?;
    subject_of(&first[..cut])
}

/// The name a figure measures: its clause's words, without time, place, fillers and verbs.
fn subject_of(words: &str) -> Option<String> {
    // 全社会 R&D 经费: the spaces around Latin letters are not part of the name.
    let words: String = words.chars().filter(|c| !c.is_whitespace()).collect();
    let mut s = words.as_str();
    loop {
        let before = s;
        if let Some(m) = SUBJECT_TIME.find(s) {
            s = &s[m.end()..];
        }
        for w in zh::SUBJECT_SCOPES.iter().chain(zh::SUBJECT_FILLERS) {
            if let Some(r) = s.strip_prefix(w) {
                s = r;
            }
        }
        s = s.trim_start_matches(zh::SUBJECT_LEAD_MARKS);
        if s == before {
            break;
        }
    }
    loop {
        let before = s;
        if let Some(w) = ends_with_any(s, zh::SUBJECT_VERBS) {
            s = &s[..s.len() - w.len()];
        }
        if s == before {
            break;
        }
    }
    let n = s.chars().count();
    let bare = zh::BARE_SUBJECTS.contains(&s) || zh::LAST_YEAR_WORDS.iter().any(|w| s.contains(w));
    (!bare && (2..=MAX_SUBJECT_CHARS).contains(&n) && !s.chars().any(|c| c.is_ascii_digit()))
        .then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Mention {
        let f = find(text);
        assert_eq!(f.mentions.len(), 1, "{f:#?}");
        f.mentions.into_iter().next().unwrap()
    }

    #[test]
    fn a_figure_with_its_stated_growth() {
        let m = one("全社会研发经费投入4.54亿元，同比增长66.9%。");
        assert_eq!(m.subject, "全社会研发经费投入");
        assert_eq!(m.figure.value.to_string(), "4.54");
        assert_eq!(m.figure.unit, "亿元");
        let (Change::Growth(rate), span) = m.change.unwrap() else {
            panic!("a growth")
        };
        assert_eq!(rate.value.to_string(), "66.9");
        let text = "全社会研发经费投入4.54亿元，同比增长66.9%。";
        assert_eq!(&text[span], "增长66.9%");
    }

    #[test]
    fn a_count_and_its_change_give_last_years_count() {
        let m = one("全县高新技术企业保有量达到57家，比上年增加11家。");
        assert_eq!(m.subject, "高新技术企业保有量");
        let (Change::Amount(a), _) = m.change.unwrap() else {
            panic!("an amount")
        };
        assert_eq!(a.value.to_string(), "11");
    }

    #[test]
    fn a_ratio_and_its_points() {
        let m = one("研发经费投入强度达到2.0%，提高0.72个百分点。");
        assert_eq!(m.figure.decimals, 1);
        assert!(matches!(m.change, Some((Change::Points(_), _))));
    }

    #[test]
    fn from_one_value_to_another() {
        let m = one("研发经费投入由上年的2.72亿元增加到4.54亿元，增长66.9%。");
        assert_eq!(m.subject, "研发经费投入");
        assert_eq!(m.previous.unwrap().value.to_string(), "2.72");
        assert!(m.change.is_some());
    }

    #[test]
    fn completion_target_rank_and_approximation() {
        let m = one("科技型中小企业入库153家，完成目标任务的108.1%，排名怀化第九。");
        assert_eq!(m.completion.unwrap().0.value.to_string(), "108.1");
        assert_eq!(m.rank, Some(("怀化".to_string(), 9)));
        let m = one("发放贷款2600多万元，同比增长12%。");
        assert_eq!(m.figure.approx, Some(Approx::More));
        assert_eq!(m.figure.unit, "万元");
        let m = one("新增高新技术企业19家，超过目标任务15家。");
        assert_eq!(m.subject, "新增高新技术企业");
        assert_eq!(m.target.unwrap().value.to_string(), "15");
    }

    #[test]
    fn last_year_said_with_its_year_and_a_rate_naming_its_figure() {
        let m = one("2023年研发经费认定4.54亿元，2022年认定2.72亿元，研发经费投入增长66.9%。");
        assert_eq!(m.subject, "研发经费");
        assert_eq!(m.year, Some(2023));
        assert_eq!(m.previous.unwrap().value.to_string(), "2.72");
        assert!(matches!(m.change, Some((Change::Growth(_), _))));
    }

    #[test]
    fn a_rate_in_the_next_sentence_names_its_figure() {
        let m = one(
            "高新技术企业增加值达822.94亿元，排A类地区第二名；增加值增速19.04%，排A类地区第一名。",
        );
        assert_eq!(m.rank, Some(("A类地区".to_string(), 2)));
        let (Change::Growth(rate), _) = m.change.unwrap() else {
            panic!("a growth")
        };
        assert_eq!(rate.value.to_string(), "19.04");
    }

    #[test]
    fn a_total_is_of_what_the_sentence_opens_with() {
        let m = one("省级高新区实现六县市全覆盖，总数达到8个，排全省第一。");
        assert_eq!(m.subject, "省级高新区");
        assert_eq!(m.rank, Some(("全省".to_string(), 1)));
    }

    #[test]
    fn respectively_pairs_rates_with_the_figures_before_it() {
        let f = find(
            "争取省研发财政奖补资金5113.32万元，其中市本级研发奖补资金为2973.81万元，分别较去年增长49.95%、346.77%。",
        );
        assert_eq!(f.mentions.len(), 2, "{f:#?}");
        // A figure without a subject between them: the rates stay text rather than shift.
        let f = find(
            "安排资金4440万元，争取奖补资金5113.32万元，其中市本级为2973.81万元，分别较去年增长49.95%、346.77%。",
        );
        assert!(f.mentions.iter().all(|m| m.change.is_none()), "{f:#?}");
        assert_eq!(f.loose.len(), 3, "{f:#?}");
        let f = find(
            "争取省研发财政奖补资金5113.32万元，其中市本级研发奖补资金为2973.81万元，分别较去年增长49.95%、346.77%。",
        );
        let rates: Vec<String> = f
            .mentions
            .iter()
            .map(|m| match &m.change {
                Some((Change::Growth(r), _)) => r.value.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(rates, ["49.95", "346.77"]);
    }

    #[test]
    fn the_helpers_findings_read_right() {
        // Last year's value said with its year, or with 较上年的.
        let m = one("2023年高新技术企业46家，2024年达到57家。");
        assert_eq!(m.figure.value.to_string(), "57");
        assert_eq!(m.previous.unwrap().value.to_string(), "46");
        let m = one(
            "2023年全县技术合同成交额12.5亿元，2024年技术合同成交额达到15.2亿元，同比增长21.6%。",
        );
        assert_eq!(
            (m.figure.value.to_string(), m.year),
            ("15.2".into(), Some(2024))
        );
        assert!(m.change.is_some());
        let m = one("研发经费投入4.54亿元，较上年的2.72亿元增长66.9%。");
        assert_eq!(m.previous.unwrap().value.to_string(), "2.72");
        // A change of last year, however worded, is no subject.
        let m = one("认定申报23家，比上年同期增加4家，完成全年目标的115.0%。");
        assert!(matches!(m.change, Some((Change::Amount(_), _))), "{m:#?}");
        assert!(m.completion.is_some());
        // A growth after a figure left as text is not the one before it.
        let f = find("新增高新技术企业11家，总数达到57家，同比增长23.9%。");
        assert!(f.mentions.iter().all(|m| m.change.is_none()), "{f:#?}");
        let f = find("高新技术企业57家，其中新增11家，比上年增长20%。");
        assert!(f.mentions.iter().all(|m| m.subject != "新增"), "{f:#?}");
        // A target said first.
        let f = find("全年目标新增高新技术企业20家，实际新增高新技术企业25家。");
        assert!(
            f.mentions[0].stated_target && !f.mentions[1].stated_target,
            "{f:#?}"
        );
        // Ranks of a growth or a change are not the value's.
        let m = one("研发经费投入4.54亿元，增速排名怀化第二。");
        assert_eq!(m.rank, None);
        let f = find("高新技术企业57家，比上年增加11家，新增数排名全市第一。");
        assert!(f.mentions.iter().all(|m| m.rank.is_none()), "{f:#?}");
        // Twenty digits are no figure.
        assert!(find("编号12345678901234567890家。").mentions.is_empty());
    }

    #[test]
    fn what_cannot_be_paired_stays_text() {
        let f = find("两县分别为12家、15家。增长10%。");
        assert!(f.mentions.is_empty());
        assert_eq!(f.loose.len(), 3);
        let m = one("研发经费投入强度2.0%，增长56.25%。");
        assert!(matches!(m.change, Some((Change::Relative(_), _))));
        let f = find("年均增长10%以上的目标，开展活动12次。");
        assert_eq!(f.mentions.len(), 1);
        assert_eq!(f.loose[0].why, Why::Unpaired);
    }
}
