//! A summary copied from a government portal carries the page around it: a breadcrumb trail,
//! 发布时间 and 浏览次数, print and close links. Those lines are dropped; the page's date and
//! source are kept, as the best evidence of the document's date and issuer when the text
//! itself does not say.

use std::sync::LazyLock;

use regex::Regex;

use super::read::Piece;
use crate::zh::recognise as zh;

/// What the page said about the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// 发布时间 / 编稿时间.
    pub date: Option<(i32, u32, u32)>,
    /// 来源: who published it.
    pub source: Option<String>,
    /// The lines dropped, for the summary.
    pub dropped: Vec<String>,
}

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::PORTAL_DATE_PATTERN).expect("a valid pattern"));
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(zh::PORTAL_SOURCE_PATTERN).expect("a valid pattern"));

/// The document without its page, and what the page said.
pub fn strip(pieces: Vec<Piece>) -> (Vec<Piece>, Page) {
    let mut page = Page::default();
    let mut kept = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let Piece::Paragraph(p) = &piece else {
            kept.push(piece);
            continue;
        };
        if !is_furniture(&p.text) {
            kept.push(piece);
            continue;
        }
        if page.date.is_none()
            && let Some(c) = DATE.captures(&p.text)
        {
            let n = |i: usize| c[i].parse::<u32>().unwrap_or(0);
            page.date = Some((n(1) as i32, n(2), n(3)));
        }
        if page.source.is_none()
            && let Some(c) = SOURCE.captures(&p.text)
        {
            page.source = Some(c[1].trim().to_string());
        }
        page.dropped.push(p.text.clone());
    }
    (kept, page)
}

/// A line of the page, not of the report: a button, a breadcrumb, or a short line naming the
/// page's date, counters or links, with no sentence in it.
fn is_furniture(line: &str) -> bool {
    if zh::PORTAL_BUTTONS.contains(&line) {
        return true;
    }
    // A row of buttons however bracketed and separated: [打印] [关闭], 打印 | 关闭.
    let mut rest = line.to_string();
    let mut buttons = 0;
    for b in zh::PORTAL_BUTTON_WORDS {
        buttons += rest.matches(b).count();
        rest = rest.replace(b, "");
    }
    if buttons > 0
        && rest
            .chars()
            .all(|c| c.is_whitespace() || zh::BUTTON_MARKS.contains(&c))
    {
        return true;
    }
    let sentence = line.contains(zh::SENTENCE_END_MARKS) || line.chars().count() > 120;
    if sentence {
        return false;
    }
    let breadcrumb = line.starts_with(zh::BREADCRUMB_START) && line.contains(zh::BREADCRUMB_ARROWS);
    breadcrumb || zh::PORTAL_MARKERS.iter().any(|m| line.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::adopt::read::Paragraph;

    #[test]
    fn the_page_is_dropped_and_its_date_and_source_kept() {
        let lines = [
            "首页 > 政务公开 > 规划计划",
            "2022年工作总结和2023年工作思路",
            "编稿时间: 2023-03-20 15:19 来源: 市科技局浏览量:1",
            "2022年以来，全市科技战线深入贯彻……。",
            "【打印】 【关闭】",
            "打印",
        ];
        let pieces = lines
            .iter()
            .map(|l| Piece::Paragraph(Paragraph::plain(*l)))
            .collect();
        let (kept, page) = strip(pieces);
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert_eq!(page.date, Some((2023, 3, 20)));
        assert_eq!(page.source.as_deref(), Some("市科技局"));
        assert_eq!(page.dropped.len(), 4);
    }
}
