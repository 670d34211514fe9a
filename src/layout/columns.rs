//! Column widths from what the columns hold.
//!
//! Fixed widths wrapped a long indicator name over three or four lines while the unit column
//! sat half empty. Each column now asks for the width of its longest cell on one line; when
//! the table is wider than the text, columns give up width where it costs the table the fewest
//! lines, never so far that a cell wraps more than twice or a figure breaks; what is left over
//! goes to every column in proportion.

use super::geometry as g;
use crate::zh::punct;

use g::{
    CELL_MOST_LINES as MOST_LINES, CELL_PADDING as PADDING, TABLE_AUTOSPACE as AUTOSPACE,
    TABLE_CHAR as CHAR, TABLE_LATIN as LATIN,
};

/// Widths (twips) of the columns, summing to the text width.
pub fn widths(header: &[String], rows: &[Vec<String>]) -> Vec<u32> {
    let columns = header.len();
    if columns == 0 {
        return Vec::new();
    }
    // Every row's cells as the pieces a line may break between.
    let table: Vec<Vec<Vec<u32>>> = std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .map(|row| {
            (0..columns)
                .map(|c| pieces(row.get(c).map_or("", String::as_str)))
                .collect()
        })
        .collect();
    let natural: Vec<u32> = (0..columns)
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].iter().sum::<u32>())
                .max()
                .unwrap_or(0)
                + PADDING
        })
        .collect();
    let least: Vec<u32> = (0..columns)
        .map(|c| table.iter().map(|r| narrowest(&r[c])).max().unwrap_or(0) + PADDING)
        .collect();
    let mut widths = natural.clone();
    shrink(&table, &mut widths, &least, g::TEXT_WIDTH);
    spread(&mut widths, g::TEXT_WIDTH);
    widths
}

/// Narrows columns until the table fits `total`, each step taken where it adds the fewest
/// lines to the table for the width it saves: a name column whose long names sit in rows
/// that wrap anyway gives way before a county column whose every row would grow. No column
/// goes below `least` (three lines for every cell).
fn shrink(table: &[Vec<Vec<u32>>], widths: &mut [u32], least: &[u32], total: u32) {
    let lines_in = |cell: &[u32], width: u32| lines_at(cell, width.saturating_sub(PADDING));
    // Each cell's lines at the current widths, updated one column at a time.
    let mut lines: Vec<Vec<usize>> = table
        .iter()
        .map(|row| {
            row.iter()
                .zip(&*widths)
                .map(|(cell, &w)| lines_in(cell, w))
                .collect()
        })
        .collect();
    loop {
        let sum: u32 = widths.iter().fold(0, |a, &w| a.saturating_add(w));
        if sum <= total {
            return;
        }
        let excess = sum - total;
        // For each column, the next width down at which another cell wraps (cells wrap only
        // where the width passes one of their one-line widths), and the lines it adds.
        let best = (0..widths.len())
            .filter_map(|c| {
                let below = table
                    .iter()
                    .map(|r| r[c].iter().sum::<u32>() + PADDING)
                    .filter(|&w| w < widths[c])
                    .max()
                    .unwrap_or(0);
                let to = below.max(widths[c].saturating_sub(excess)).max(least[c]);
                (to < widths[c]).then(|| {
                    let added: usize = table
                        .iter()
                        .zip(&lines)
                        .map(|(row, now)| {
                            let height = now.iter().copied().max().unwrap_or(1);
                            let rest = (0..now.len()).filter(|&i| i != c).map(|i| now[i]);
                            let narrowed = rest.max().unwrap_or(1).max(lines_in(&row[c], to));
                            narrowed.saturating_sub(height)
                        })
                        .sum();
                    (c, to, added, widths[c] - to)
                })
            })
            // Fewest added lines per twip saved: compare lines_a × saved_b with lines_b ×
            // saved_a; on a tie, the larger saving.
            .min_by(|a, b| {
                (a.2 as u64 * u64::from(b.3))
                    .cmp(&(b.2 as u64 * u64::from(a.3)))
                    .then(b.3.cmp(&a.3))
            });
        let Some((c, to, ..)) = best else { return };
        widths[c] = to;
        for (row, now) in table.iter().zip(&mut lines) {
            now[c] = lines_in(&row[c], to);
        }
    }
}

/// Makes the widths sum to `total`, in proportion to each: room to spare goes to every
/// column, and a table that would not fit even at its least widths (where `shrink` stops) is
/// scaled down.
fn spread(widths: &mut [u32], total: u32) {
    let sum = |w: &[u32]| w.iter().map(|&x| u64::from(x)).sum::<u64>();
    let total64 = u64::from(total);
    let all = sum(widths).max(1);
    for w in widths.iter_mut() {
        *w = (u64::from(*w) * total64 / all) as u32;
    }
    // Rounding leaves a few twips: the widest column takes them, so the table spans the text.
    let rest = total64.saturating_sub(sum(widths)) as u32;
    if let Some(widest) = (0..widths.len()).max_by_key(|&i| widths[i]) {
        widths[widest] += rest;
    }
}

/// What a line may not be broken inside: a run of digits and Latin letters (4.54, R&D,
/// 2024年's 2024) is one piece, a Chinese character another, and a closing mark stays with
/// what it closes. Where a run of figures meets Chinese, the autospace goes with the piece
/// after the meeting.
fn pieces(text: &str) -> Vec<u32> {
    let latin = |c: char| c.is_ascii_alphanumeric() || ".%&-+/".contains(c);
    let mut pieces: Vec<u32> = Vec::new();
    let mut before: Option<char> = None;
    for c in text.chars() {
        let mut width = if c.is_ascii() { LATIN } else { CHAR };
        if before.is_some_and(|b| latin(b) != latin(c) && (!b.is_ascii() || !c.is_ascii())) {
            width += AUTOSPACE;
        }
        let joins = latin(c) && before.is_some_and(latin) || punct::NO_LINE_START.contains(c);
        match pieces.last_mut() {
            Some(last) if joins => *last += width,
            _ => pieces.push(width),
        }
        before = Some(c);
    }
    pieces
}

/// The text's width on one line.
#[cfg(test)]
fn one_line(text: &str) -> u32 {
    pieces(text).iter().sum()
}

/// The narrowest width that sets these pieces on at most [`MOST_LINES`] lines.
fn narrowest(pieces: &[u32]) -> u32 {
    let widest = pieces.iter().copied().max().unwrap_or(0);
    let whole: u32 = pieces.iter().sum();
    // Between a third of the text and all of it; the line count only falls as the width grows.
    let (mut low, mut high) = (widest.max(whole / MOST_LINES as u32), whole.max(widest));
    while low < high {
        let mid = (low + high) / 2;
        if lines_at(pieces, mid) <= MOST_LINES {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    low
}

/// How many lines the pieces fill at `width`, broken greedily as a word processor does.
fn lines_at(pieces: &[u32], width: u32) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for &p in pieces {
        if used + p > width && used > 0 {
            lines += 1;
            used = 0;
        }
        used += p;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn columns_span_the_text_width() {
        let header = row(&[
            "指标",
            "单位",
            "2024年",
            "2023年",
            "同比",
            "目标",
            "完成情况",
        ]);
        let rows = vec![row(&[
            "全社会研发经费投入",
            "亿元",
            "4.54",
            "2.72",
            "增长66.9%",
            "4.2",
            "108.1%",
        ])];
        let w = widths(&header, &rows);
        assert_eq!(w.iter().sum::<u32>(), g::TEXT_WIDTH);
        // Every cell fits its column on one line: nothing wraps in this table.
        for (c, width) in w.iter().enumerate() {
            for text in std::iter::once(&header[c]).chain(rows.iter().map(|r| &r[c])) {
                assert!(one_line(text) + PADDING <= *width, "{text} in {width}");
            }
        }
    }

    #[test]
    fn long_names_wrap_at_most_twice_and_figures_never() {
        let header = row(&["指标（单位）", "县市区", "本年", "上年", "同比", "排名"]);
        let rows = vec![
            row(&[
                "财政科技支出占一般公共预算支出比重（%）",
                "靖州苗族侗族自治县",
                "12345.67",
                "11234.56",
                "提高0.15个百分点",
                "12/12",
            ]),
            row(&[
                "规模以上工业企业研发费用占营业收入比重（%）",
                "合计",
                "2.41",
                "2.26",
                "增长19.9%",
                "—",
            ]),
        ];
        let w = widths(&header, &rows);
        assert_eq!(w.iter().sum::<u32>(), g::TEXT_WIDTH);
        for r in &rows {
            for (c, text) in r.iter().enumerate() {
                let lines = lines_at(&pieces(text), w[c] - PADDING);
                assert!(lines <= MOST_LINES, "{text}: {lines} lines in {}", w[c]);
            }
            // Figures stay on one line.
            for c in 2..4 {
                assert!(one_line(&r[c]) + PADDING <= w[c], "{}", r[c]);
            }
        }
    }

    #[test]
    fn pieces_keep_numbers_and_closing_marks_whole() {
        assert_eq!(pieces("4.54亿元").len(), 3);
        assert_eq!(pieces("增长66.9%").len(), 3);
        assert_eq!(pieces("（一），").len(), 2);
    }

    #[test]
    fn narrowing_costs_the_fewest_lines() {
        // A name column with one long name and a county column where every row is long:
        // the name wraps, the counties do not.
        let header = row(&["指标", "县市区", "同比", "比上年"]);
        let change = "提高0.15个百分点";
        let mut rows = vec![row(&[
            "规模以上工业企业研发费用占营业收入比重",
            "靖州苗族侗族自治县",
            change,
            change,
        ])];
        for _ in 0..5 {
            rows.push(row(&["", "靖州苗族侗族自治县", change, change]));
        }
        let natural: u32 = rows[0].iter().map(|t| one_line(t) + PADDING).sum();
        assert!(
            natural > g::TEXT_WIDTH,
            "the test needs a table that must narrow"
        );
        let w = widths(&header, &rows);
        assert_eq!(w.iter().sum::<u32>(), g::TEXT_WIDTH);
        for c in 1..4 {
            assert!(one_line(&rows[0][c]) + PADDING <= w[c], "{w:?}");
        }
        assert_eq!(lines_at(&pieces(&rows[0][0]), w[0] - PADDING), 2);
    }

    #[test]
    fn spreading_shares_room_in_proportion_and_scales_what_cannot_fit() {
        let mut w = vec![1000, 3000];
        spread(&mut w, 8000);
        assert_eq!(w, vec![2000, 6000]);
        let mut w = vec![5000, 5000];
        spread(&mut w, 4000);
        assert_eq!(w, vec![2000, 2000]);
    }
}
