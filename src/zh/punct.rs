//! Punctuation: the marks zongjie writes between the words it chooses (GB/T 15834: full-width
//! in Chinese text), the marks it recognises at the end of a clerk's list items, and the
//! normalisation of a clerk's own prose, where a half-width mark that touches Chinese text
//! becomes full-width.

/// Joins clauses within one sentence (4.54亿元，同比增长66.9%).
pub const CLAUSE: &str = "，";
/// Joins the items of a list or the parts of an enumeration within a sentence.
pub const ITEMS: &str = "；";
/// Joins the names of a series (企业、高校).
pub const LIST: &str = "、";
/// Ends a sentence.
pub const STOP: &str = "。";

/// Punctuation a list item may end with; the enumeration supplies its own.
pub const ITEM_END: &[char] = &['。', '；', ';', '，', ',', '.', ' ', '、'];

/// Marks that end a sentence.
const SENTENCE_ENDS: &[char] = &['。', '？', '！', '：', '…', '?', '!', ':'];

/// `text` as a sentence: with a full stop at its end unless it already ends one (a run-in
/// heading, the title of an enumerated point).
pub fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.is_empty() || text.ends_with(SENTENCE_ENDS) {
        text.to_string()
    } else {
        format!("{text}{STOP}")
    }
}

/// The half-width marks normalisation turns full-width, each with its full-width form.
const MARKS: [(char, char); 7] = [
    (',', '，'),
    (';', '；'),
    (':', '：'),
    ('(', '（'),
    (')', '）'),
    ('?', '？'),
    ('!', '！'),
];

fn full_width(c: char) -> Option<char> {
    MARKS.iter().find(|(h, _)| *h == c).map(|(_, f)| *f)
}

/// Whether `c` is Chinese text for punctuation: an ideograph, CJK punctuation, a full-width
/// form, or the quotes and book-title marks Chinese text uses.
pub fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{2018}'..='\u{201D}'
        | '…' | '—')
}

/// What normalising a text changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    pub text: String,
    /// How many marks were made full-width.
    pub changed: usize,
    /// The first of them with the character before it, to show where it is.
    pub first: Option<String>,
}

/// Marks that never begin a line (GB/T 15834's line-breaking rule): they stay with the
/// character before them.
pub const NO_LINE_START: &str = "，。；：、？！）》”’％";

/// A clerk's prose with every half-width `, ; : ( ) ? !` that touches Chinese text made
/// full-width. Left as typed: marks among Latin letters or digits (R&D, 3,752, 12:30, a file
/// name), a colon that starts `//` (a URL), and everything inside a `{{…}}` citation (an
/// unclosed `{{` protects the rest of the text: the citation checker reports it). A pair of
/// brackets changes together, when either touches Chinese text or they enclose some. A
/// comma between digits stays, as in 3,752, even in 共3,4家: a thousands separator cannot be
/// told from a list there, and changing a figure is worse than leaving a mark.
pub fn normalise(text: &str) -> Normalised {
    // Nearly every field has no half-width mark at all: nothing to look at.
    if !text.contains([',', ':', ';', '?', '!', '(', ')']) {
        return Normalised {
            text: text.to_string(),
            changed: 0,
            first: None,
        };
    }
    let chars: Vec<char> = text.chars().collect();
    // Which characters belong to a citation, which must be left alone.
    let mut cited = vec![false; chars.len()];
    let mut i = 0;
    while i + 1 < chars.len() {
        if chars[i] == '{' && chars[i + 1] == '{' {
            let start = i;
            let mut j = i + 2;
            while j + 1 < chars.len() && !(chars[j] == '}' && chars[j + 1] == '}') {
                j += 1;
            }
            let end = (j + 2).min(chars.len());
            cited[start..end].iter_mut().for_each(|c| *c = true);
            i = end;
        } else {
            i += 1;
        }
    }
    // A citation places Chinese words, so a mark next to one is in Chinese text.
    let chinese_at = |k: usize| is_chinese(chars[k]) || cited[k];
    let touches = |k: usize| {
        let left = (0..k).rev().find(|&j| !chars[j].is_whitespace());
        let right = (k + 1..chars.len()).find(|&j| !chars[j].is_whitespace());
        left.is_some_and(chinese_at) || right.is_some_and(chinese_at)
    };
    let mut out = chars.clone();
    let mut convert = vec![false; chars.len()];
    let mut open: Vec<usize> = Vec::new();
    for k in 0..chars.len() {
        if cited[k] {
            continue;
        }
        match chars[k] {
            '(' => open.push(k),
            ')' => match open.pop() {
                Some(o) => {
                    let encloses = (o + 1..k).any(&chinese_at);
                    if encloses || touches(o) || touches(k) {
                        convert[o] = true;
                        convert[k] = true;
                    }
                }
                None => convert[k] = touches(k),
            },
            c @ (',' | ':') => {
                let digits = k > 0
                    && chars[k - 1].is_ascii_digit()
                    && chars.get(k + 1).is_some_and(char::is_ascii_digit);
                let url = c == ':' && chars.get(k + 1) == Some(&'/');
                convert[k] = !digits && !url && touches(k);
            }
            ';' | '?' | '!' => convert[k] = touches(k),
            _ => {}
        }
    }
    for o in open {
        convert[o] = touches(o);
    }
    let mut changed = 0;
    let mut first = None;
    for k in 0..chars.len() {
        if let Some(f) = convert[k].then(|| full_width(chars[k])).flatten() {
            out[k] = f;
            changed += 1;
            if first.is_none() {
                // The mark with the character before it, to place the caret.
                first = Some(chars[k.saturating_sub(1)..=k].iter().collect());
            }
        }
    }
    Normalised {
        text: out.into_iter().collect(),
        changed,
        first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> String {
        normalise(text).text
    }

    #[test]
    fn marks_touching_chinese_become_full_width() {
        assert_eq!(
            n("研发投入4.54亿元,同比增长66.9%;完成目标:108.1%"),
            "研发投入4.54亿元，同比增长66.9%；完成目标：108.1%"
        );
        assert_eq!(n("是否达标?是!"), "是否达标？是！");
        // A bracket pair changes together.
        assert_eq!(n("投入(2021年度)98.06亿元"), "投入（2021年度）98.06亿元");
        assert_eq!(n("采用(PVA)材料"), "采用（PVA）材料");
        assert_eq!(n("R&D(研发)"), "R&D（研发）");
    }

    #[test]
    fn latin_digits_urls_and_citations_stay_as_typed() {
        for kept in [
            "R&D",
            "3,752.12万元",
            "12:30开会",
            "见 https://kjj.example.gov.cn/a.html",
            "PVA、PVB新材料",
            "report.docx (v2)",
            "{{#if (eq a b)}}有{{/if}}",
        ] {
            assert_eq!(n(kept), kept, "{kept}");
        }
        // A citation places Chinese, so a mark beside it is in Chinese text.
        assert_eq!(
            n("投入{{ind.rd.value}},{{ind.rd.yoy}}。"),
            "投入{{ind.rd.value}}，{{ind.rd.yoy}}。"
        );
    }

    #[test]
    fn sentences_as_bureaus_type_them() {
        // The shapes of the reference reports, whose marks were flattened to ASCII: a colon
        // before a list, brackets inside a name, a bracketed breakdown, a decimal in a
        // clause, a rate and a date.
        for (typed, printed) in [
            (
                "全年新增省级创新平台3个:某园区(省级)科技企业孵化器通过认定,另有2家众创空间获批。",
                "全年新增省级创新平台3个：某园区（省级）科技企业孵化器通过认定，另有2家众创空间获批。",
            ),
            (
                "组织规上企业统计(研发)人员40余人参加培训,部署2024年研发投入填报工作。",
                "组织规上企业统计（研发）人员40余人参加培训，部署2024年研发投入填报工作。",
            ),
            (
                "引进科技特派员20名(其中水产7人、果业7人、蜂业6人),对接企事业单位18家。",
                "引进科技特派员20名（其中水产7人、果业7人、蜂业6人），对接企事业单位18家。",
            ),
            (
                "研发投入强度2.23%,居全省第4位;增速居第2位。",
                "研发投入强度2.23%，居全省第4位；增速居第2位。",
            ),
            (
                "2021年1月27日上午,召开研发投入统计培训会议。",
                "2021年1月27日上午，召开研发投入统计培训会议。",
            ),
        ] {
            assert_eq!(n(typed), printed);
        }
    }

    #[test]
    fn the_count_and_the_first_change_are_reported() {
        let r = normalise("甲,乙;丙(丁)");
        assert_eq!(r.changed, 4);
        assert_eq!(r.first.as_deref(), Some("甲,"));
        assert_eq!(normalise("无需改动。").changed, 0);
    }
}
