//! The outline of a published summary: its title, opening, headings (level by their number,
//! run into their text or not), lead-ins, enumerations, tables, signature and date — as a
//! tree the data file's `[[sections]]` can say, so that drafting it gives back the same
//! headings.

use std::sync::LazyLock;

use regex::Regex;

use super::read::{Align, Paragraph, Piece};
use crate::zh::numeral::chinese_numeral;
use crate::zh::recognise as zh;

/// A heading's title longer than this is a numbered paragraph, not a heading.
const MAX_TITLE_CHARS: usize = 50;
/// A title line is short.
const MAX_TITLE_LINE_CHARS: usize = 50;

/// The recognised document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub title: Vec<String>,
    /// Paragraphs before the first heading.
    pub opening: Vec<String>,
    pub parts: Vec<Part>,
    pub signature: Option<String>,
    pub date: Option<(i32, u32, u32)>,
    /// Whether level-3 headings are numbered `1、` (else `1.`), when the document has any.
    pub level3_comma: Option<bool>,
    /// Places the reader should look at: numbering the draft will change.
    pub unsure: Vec<String>,
}

/// A headed part of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// 1 to 4, by the form of its number (一、 （一） 1. （1）).
    pub level: u8,
    /// The number as the document writes it.
    pub number: String,
    pub title: String,
    /// The heading runs into its first paragraph.
    pub run_in: bool,
    /// A lead-in before a list (`存在问题如下：`).
    pub lead: Option<String>,
    /// Paragraphs and tables, in order.
    pub body: Vec<Body>,
    pub points: Option<Points>,
    pub children: Vec<Part>,
}

/// Text under a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Paragraph(String),
    Table(Vec<Vec<String>>),
}

/// An enumeration: 一是…… 二是……, a paragraph each or all in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points {
    /// As `[style] marker` names it: 一是, 一要, 第一, 首先.
    pub marker: &'static str,
    pub items: Vec<(String, String)>,
    pub inline: bool,
}

static LEVELS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    [
        zh::LEVEL1_PATTERN,
        zh::LEVEL2_PATTERN,
        zh::LEVEL3_PATTERN,
        zh::LEVEL4_PATTERN,
    ]
    .map(|p| Regex::new(p).expect("a valid heading pattern"))
});
static POINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::POINT_PATTERN).expect("a valid point pattern"));
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::DATE_PATTERN).expect("a valid date pattern"));

/// A heading as read from one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub number: String,
    /// Its counter (一 → 1), to see numbering the draft will change.
    pub counter: u32,
    pub title: String,
    /// The text run into the heading, when it does.
    pub run_in: Option<String>,
    /// Level 3 numbered `1、`.
    pub comma: bool,
}

/// The heading a paragraph starts with, if it is one.
pub fn heading(text: &str) -> Option<Heading> {
    for (i, pattern) in LEVELS.iter().enumerate() {
        let Some(c) = pattern.captures(text) else {
            continue;
        };
        let level = i as u8 + 1;
        let (counter, rest, comma) = match level {
            3 => (
                &c[1],
                c.get(3)?.as_str(),
                &c[2] == zh::LEVEL3_COMMA_MARK.to_string().as_str(),
            ),
            _ => (&c[1], c.get(2)?.as_str(), false),
        };
        // 1.5亿元 is a figure, not heading 1 of level 3.
        if level == 3 && !comma && rest.starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        let counter = zh::chinese_number(counter)?;
        let number = text[..text.len() - rest.len()].trim_end().to_string();
        let (title, run_in) = split_run_in(rest)?;
        return Some(Heading {
            level,
            number,
            counter,
            title,
            run_in,
            comma,
        });
    }
    None
}

/// A heading's words and the text run into it: the first sentence is the heading when it is
/// short and more follows; a heading alone on its line loses its full stop.
fn split_run_in(rest: &str) -> Option<(String, Option<String>)> {
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    match rest.find(zh::RUN_IN_END) {
        Some(at) => {
            let title = rest[..at].trim();
            let after = rest[at + zh::RUN_IN_END.len_utf8()..].trim();
            if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
                return None;
            }
            Some((
                title.to_string(),
                (!after.is_empty()).then(|| after.to_string()),
            ))
        }
        None if rest.chars().count() <= MAX_TITLE_CHARS => Some((rest.to_string(), None)),
        None => None,
    }
}

/// Recognises the document's outline.
pub fn recognise(pieces: &[Piece]) -> Document {
    let mut doc = Document::default();
    let mut start = 0;
    let mut end = pieces.len();
    // The title: the first lines, centred or short without a sentence, one of them naming
    // the kind of document.
    let mut title = Vec::new();
    while let Some(Piece::Paragraph(p)) = pieces.get(start + title.len()) {
        if title.len() == 3 || !is_title_line(p) {
            break;
        }
        title.push(p.text.clone());
    }
    if title
        .iter()
        .any(|t| zh::TITLE_WORDS.iter().any(|w| t.contains(w)))
        || title.iter().any(
            |_| matches!(pieces.first(), Some(Piece::Paragraph(p)) if p.align == Align::Center),
        )
    {
        start += title.len();
        doc.title = title;
    }
    // The date and the signature above it, at the end.
    if let Some(Piece::Paragraph(last)) = pieces[start..end].last()
        && let Some(date) = date_of(&last.text)
    {
        doc.date = Some(date);
        end -= 1;
        if let Some(Piece::Paragraph(p)) = pieces[start..end].last()
            && is_signature(&p.text)
        {
            doc.signature = Some(p.text.clone());
            end -= 1;
        }
    }
    let mut stack: Vec<Part> = Vec::new();
    let mut counters = [0u32; 4];
    for piece in &pieces[start..end] {
        let body = match piece {
            Piece::Table(rows) => Body::Table(rows.clone()),
            Piece::Paragraph(p) => match heading(&p.text).or_else(|| styled_heading(p)) {
                Some(h) => {
                    let depth = usize::from(h.level) - 1;
                    counters[depth] += 1;
                    counters[depth + 1..].iter_mut().for_each(|c| *c = 0);
                    if h.counter != 0 && h.counter != counters[depth] {
                        doc.unsure.push(format!(
                            "the heading \"{}{}\" is numbered {} where the outline gives {}; the draft numbers it in order",
                            h.number,
                            h.title,
                            h.counter,
                            counters[depth]
                        ));
                        counters[depth] = h.counter;
                    }
                    if h.level == 3 {
                        doc.level3_comma.get_or_insert(h.comma);
                    }
                    close_to(&mut stack, h.level, &mut doc.parts);
                    let mut part = Part {
                        level: h.level,
                        number: h.number,
                        title: h.title,
                        run_in: h.run_in.is_some(),
                        lead: None,
                        body: Vec::new(),
                        points: None,
                        children: Vec::new(),
                    };
                    if let Some(text) = h.run_in {
                        part.body.push(Body::Paragraph(text));
                    }
                    stack.push(part);
                    continue;
                }
                None => Body::Paragraph(p.text.clone()),
            },
        };
        match stack.last_mut() {
            Some(part) => part.body.push(body),
            None => match body {
                Body::Paragraph(text) => doc.opening.push(text),
                // A table before any heading stays with the opening's part of the document.
                Body::Table(_) => doc
                    .unsure
                    .push("a table before the first heading is left out".to_string()),
            },
        }
    }
    close_to(&mut stack, 1, &mut doc.parts);
    for part in &mut doc.parts {
        shape(part);
    }
    doc
}

/// Closes every open part at `level` or deeper, each into its parent (or the document).
fn close_to(stack: &mut Vec<Part>, level: u8, top: &mut Vec<Part>) {
    while stack.last().is_some_and(|p| p.level >= level) {
        let done = stack.pop().expect("checked above");
        match stack.last_mut() {
            Some(parent) => parent.children.push(done),
            None => top.push(done),
        }
    }
}

/// A Word heading style's paragraph without a typed number (the number is the style's).
fn styled_heading(p: &Paragraph) -> Option<Heading> {
    let level = p.outline_level.filter(|l| (1..=4).contains(l))?;
    if p.text.chars().count() > MAX_TITLE_CHARS || p.text.contains(zh::SENTENCE_END_MARKS) {
        return None;
    }
    Some(Heading {
        level,
        number: String::new(),
        counter: 0,
        title: p.text.clone(),
        run_in: None,
        comma: false,
    })
}

fn is_title_line(p: &Paragraph) -> bool {
    let text = &p.text;
    let short = text.chars().count() <= MAX_TITLE_LINE_CHARS;
    let sentence = text.contains(zh::CLAUSE_MARKS) || text.contains(zh::SENTENCE_END_MARKS);
    // A Word heading style is a heading, not a title line.
    let styled = p.outline_level.is_some();
    short && !sentence && !styled && heading(text).is_none() && date_of(text).is_none()
}

fn is_signature(text: &str) -> bool {
    text.chars().count() <= 30
        && !text.contains(zh::SENTENCE_END_MARKS)
        && zh::ISSUER_ENDS.iter().any(|e| text.ends_with(e))
}

/// 成文日期 in digits or Chinese numerals.
pub fn date_of(text: &str) -> Option<(i32, u32, u32)> {
    let c = DATE.captures(text.trim())?;
    let year = zh::year_number(&c[1])?;
    let month = zh::chinese_number(&c[2]).filter(|m| (1..=12).contains(m))?;
    let day = zh::chinese_number(&c[3]).filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// Finds a part's lead-in and enumeration among its paragraphs, and does so for its parts.
fn shape(part: &mut Part) {
    part.points = points_at_end(&mut part.body);
    // A lead-in: the part's only paragraph before a list, ending with a colon.
    let list_follows = part.points.is_some() || !part.children.is_empty();
    if list_follows
        && let [Body::Paragraph(text)] = part.body.as_slice()
        && text.ends_with(zh::LEAD_END_MARKS)
        && !part.run_in
    {
        part.lead = Some(text.clone());
        part.body.clear();
    }
    for child in &mut part.children {
        shape(child);
    }
}

/// The enumeration a part ends with: its last paragraphs each opening with 一是, 二是… in
/// order, or one last paragraph holding them all.
fn points_at_end(body: &mut Vec<Body>) -> Option<Points> {
    let paragraphs: Vec<&str> = body
        .iter()
        .rev()
        .map_while(|b| match b {
            Body::Paragraph(t) => Some(t.as_str()),
            Body::Table(_) => None,
        })
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // Separate paragraphs: the longest run at the end labelled 1, 2, 3… of one marker.
    let labels: Vec<Option<(&'static str, u32, usize)>> =
        paragraphs.iter().map(|t| label(t)).collect();
    let mut first = labels.len();
    while first > 0 {
        let Some((marker, n, _)) = labels[first - 1] else {
            break;
        };
        let expected = match labels.get(first) {
            Some(Some((m, next, _))) if *m == marker => *next - 1,
            Some(_) => break,
            None => n,
        };
        if n != expected {
            break;
        }
        first -= 1;
        if n == 1 {
            break;
        }
    }
    let run = &labels[first..];
    if run.len() >= 2 && matches!(run.first(), Some(Some((_, 1, _)))) {
        let marker = run[0].map(|l| l.0).unwrap_or(zh::POINT_MARKER_IS);
        let items = paragraphs[first..]
            .iter()
            .zip(run)
            .map(|(text, l)| item(&text[l.map_or(0, |l| l.2)..]))
            .collect();
        let keep = body.len() - (paragraphs.len() - first);
        body.truncate(keep);
        return Some(Points {
            marker,
            items,
            inline: false,
        });
    }
    // One paragraph holding 一是…二是…三是…
    let last = *paragraphs.last()?;
    let (marker, 1, skip) = label(last)? else {
        return None;
    };
    let word = match marker {
        zh::POINT_MARKER_IS => zh::POINT_WORD_IS,
        zh::POINT_MARKER_MUST => zh::POINT_WORD_MUST,
        _ => return None,
    };
    let mut items = Vec::new();
    let mut rest = &last[skip..];
    for n in 2.. {
        let next = format!("{}{word}", chinese_numeral(n));
        // The next label starts a sentence.
        let at = rest
            .match_indices(&next)
            .map(|(i, _)| i)
            .find(|&i| rest[..i].ends_with(zh::SENTENCE_END_MARKS));
        match at {
            Some(i) => {
                items.push(item(&rest[..i]));
                rest = &rest[i + next.len()..];
            }
            None => {
                items.push(item(rest));
                break;
            }
        }
    }
    if items.len() < 2 {
        return None;
    }
    body.pop();
    Some(Points {
        marker,
        items,
        inline: true,
    })
}

/// The enumeration label a paragraph opens with: its marker, its number, its length in bytes.
fn label(text: &str) -> Option<(&'static str, u32, usize)> {
    let c = POINT.captures(text)?;
    let len = c.get(0)?.end();
    if let Some(n) = c.get(1) {
        let marker = if &c[2] == zh::POINT_WORD_MUST {
            zh::POINT_MARKER_MUST
        } else {
            zh::POINT_MARKER_IS
        };
        return Some((marker, zh::chinese_number(n.as_str())?, len));
    }
    if let Some(n) = c.get(3) {
        return Some((
            zh::POINT_MARKER_ORDINAL,
            zh::chinese_number(n.as_str())?,
            len,
        ));
    }
    // 首先 / 其次 / 再次 / 最后: counted by position, so only 首先 opens a run.
    let word = c.get(4)?.as_str();
    let n = if word == zh::POINT_MARKER_FIRST { 1 } else { 0 };
    (n == 1).then_some((zh::POINT_MARKER_FIRST, 1, len))
}

/// A point's title (its first sentence, when short) and the text after it.
fn item(text: &str) -> (String, String) {
    let text = text.trim();
    match text.find(zh::RUN_IN_END) {
        Some(at) if text[..at].chars().count() <= MAX_TITLE_CHARS => (
            text[..at].to_string(),
            text[at + zh::RUN_IN_END.len_utf8()..].trim().to_string(),
        ),
        _ => (text.to_string(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<Piece> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Piece::Paragraph(Paragraph::plain(l.trim())))
            .collect()
    }

    #[test]
    fn headings_by_their_numbers_run_in_or_alone() {
        let h = heading("(一)加强党建引领,筑牢政治忠诚担当。强化理论武装。").unwrap();
        assert_eq!(
            (h.level, h.title.as_str(), h.run_in.as_deref()),
            (2, "加强党建引领,筑牢政治忠诚担当", Some("强化理论武装。"))
        );
        let h = heading("一、2024年工作情况").unwrap();
        assert_eq!(
            (h.level, h.title.as_str(), h.run_in),
            (1, "2024年工作情况", None)
        );
        let h = heading("2、持续加强创新人才支撑,大力推进科技合作。").unwrap();
        assert_eq!((h.level, h.comma, h.run_in), (3, true, None));
        assert_eq!(h.title, "持续加强创新人才支撑,大力推进科技合作");
        assert_eq!(heading("（3）完善机制").map(|h| h.level), Some(4));
        assert_eq!(heading("1.5亿元的投入带动了……"), None);
        assert_eq!(heading("2024年，全县研发经费投入4.54亿元。"), None);
        // A long numbered paragraph without a short first sentence is not a heading.
        let long = format!("1、{}。", "很长的一句话".repeat(10));
        assert_eq!(heading(&long), None);
    }

    #[test]
    fn a_document_with_skipped_levels_points_and_a_signature() {
        let doc = recognise(&pieces(
            "县科技局2021下半年工作计划
             半年来，县科技创新工作稳步推进。现将我局上半年工作总结如下:
             一、上半年科技业务工作情况
             (一)认真组织申报科技项目
             组织企业申报省级技术创新中心。
             二、存在的问题
             虽然取得了一定成绩，但仍存在一些差距，存在问题如下:
             1、企业创新意识不强。我县工业基础薄弱。
             2、企业创新活力不足。人才缺乏。
             三、下半年工作思路
             一是加大宣传力度。普及科技知识。
             二是加强人才支撑。深化合作。
             县科学技术局
             2021年7月10日",
        ));
        assert_eq!(doc.title, ["县科技局2021下半年工作计划"]);
        assert_eq!(doc.opening.len(), 1);
        assert_eq!(doc.signature.as_deref(), Some("县科学技术局"));
        assert_eq!(doc.date, Some((2021, 7, 10)));
        assert_eq!(doc.parts.len(), 3);
        let problems = &doc.parts[1];
        assert_eq!(
            problems.lead.as_deref(),
            Some("虽然取得了一定成绩，但仍存在一些差距，存在问题如下:")
        );
        assert_eq!(problems.children.len(), 2);
        assert_eq!(
            (problems.children[0].level, problems.children[0].run_in),
            (3, true)
        );
        let plan = &doc.parts[2].points.as_ref().unwrap();
        assert_eq!(plan.marker, "一是");
        assert_eq!(
            plan.items[1],
            ("加强人才支撑".to_string(), "深化合作。".to_string())
        );
        assert_eq!(doc.level3_comma, Some(true));
    }

    #[test]
    fn points_in_one_paragraph_and_numbering_the_draft_changes() {
        let doc = recognise(&pieces(
            "一、工作情况
             一是党建引领持续深化。坚持学习。二是组织领导不断强化。成立小组。三是政策集成优化。出台文件。
             三、存在问题
             人才不足。",
        ));
        let points = doc.parts[0].points.as_ref().unwrap();
        assert!(points.inline);
        assert_eq!(points.items.len(), 3);
        assert_eq!(
            points.items[2],
            ("政策集成优化".to_string(), "出台文件。".to_string())
        );
        assert_eq!(doc.unsure.len(), 1, "{:?}", doc.unsure);
    }

    #[test]
    fn dates_in_digits_or_chinese_numerals() {
        assert_eq!(date_of("2024年12月20日"), Some((2024, 12, 20)));
        assert_eq!(date_of("二〇二四年十二月二十日"), Some((2024, 12, 20)));
        assert_eq!(date_of("2024年13月20日"), None);
    }
}
