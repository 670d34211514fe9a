//! `zongjie preview`: a draft's outline and text for the terminal — title, numbered headings,
//! paragraphs and tables — with every computed figure highlighted, for a quick read before
//! opening Word.

use unicode_width::UnicodeWidthStr;

use crate::measure::{Citable, Facts};
use crate::outline::{Block, Outline, Table};
use crate::zh::cite;

const HIGHLIGHT: &str = "\x1b[1;36m";
const HEADING: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The outline as terminal text; `color` adds ANSI highlighting.
pub fn render(outline: &Outline, facts: &Facts, color: bool) -> String {
    // The text is the data's: an escape sequence in it would drive the terminal.
    let outline = &for_terminal(outline);
    let marks = Marks::new(facts, color);
    let mut out = String::new();
    let width = outline.title.iter().map(|t| t.width()).max().unwrap_or(0);
    for line in &outline.title {
        let pad = (width - line.width()) / 2;
        out.push_str(&format!("{}{}\n", " ".repeat(pad), marks.bold(line)));
    }
    out.push('\n');
    for block in &outline.blocks {
        match block {
            Block::Heading {
                number,
                text,
                run_in: Some(body),
                ..
            } => {
                // A run-in heading is the start of a paragraph.
                out.push_str(&format!(
                    "    {}{}\n",
                    marks.bold(&format!("{number}{text}")),
                    marks.figures(body)
                ));
            }
            Block::Heading {
                level,
                number,
                text,
                ..
            } => {
                let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
                out.push_str(&format!(
                    "{indent}{}\n",
                    marks.bold(&format!("{number}{text}"))
                ));
            }
            Block::Paragraph { text } => {
                out.push_str(&format!("    {}\n", marks.figures(text)));
            }
            Block::Table(table) => out.push_str(&self::table(table, &marks)),
            Block::PageBreak => out.push_str(&format!("{}\n", "-".repeat(40))),
            Block::Signature { text } | Block::Date { text } => {
                out.push_str(&format!("{:>40}\n", text));
            }
        }
    }
    out
}

/// The outline with every text shown as [`crate::safe::terminal`] shows it.
fn for_terminal(outline: &Outline) -> Outline {
    let t = |s: &String| crate::safe::terminal(s).into_owned();
    let mut out = outline.clone();
    out.title = outline.title.iter().map(t).collect();
    for block in &mut out.blocks {
        match block {
            Block::Heading {
                number,
                text,
                run_in,
                ..
            } => {
                *number = t(number);
                *text = t(text);
                if let Some(body) = run_in {
                    *body = t(body);
                }
            }
            Block::Paragraph { text } | Block::Signature { text } | Block::Date { text } => {
                *text = t(text);
            }
            Block::Table(table) => {
                table.caption = t(&table.caption);
                table.header = table.header.iter().map(t).collect();
                for row in &mut table.rows {
                    *row = row.iter().map(t).collect();
                }
                table.note = table.note.as_ref().map(t);
            }
            Block::PageBreak => {}
        }
    }
    out
}

/// A table with columns aligned by display width (CJK characters are two columns).
fn table(table: &Table, marks: &Marks) -> String {
    let mut widths = vec![0; table.header.len()];
    for row in std::iter::once(&table.header).chain(&table.rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String], highlight: bool| {
        let cells: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let shown = if highlight {
                    marks.figures(c)
                } else {
                    c.clone()
                };
                format!("{shown}{}", " ".repeat(w - c.width()))
            })
            .collect();
        format!("  | {} |\n", cells.join(" | "))
    };
    let mut out = format!("\n  {}\n", marks.bold(&table.caption));
    out.push_str(&line(&table.header, false));
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&format!("  |-{}-|\n", rule.join("-|-")));
    for row in &table.rows {
        out.push_str(&line(row, true));
    }
    if let Some(note) = &table.note {
        out.push_str(&format!("  {note}\n"));
    }
    out.push('\n');
    out
}

/// The phrases the measure stage produced, to be marked wherever the text contains them.
struct Marks {
    phrases: Vec<String>,
    color: bool,
}

impl Marks {
    fn new(facts: &Facts, color: bool) -> Marks {
        let mut phrases: Vec<String> = Vec::new();
        for f in facts.indicators.values() {
            use Citable as C;
            let fields = [
                C::Value,
                C::Previous,
                C::Yoy,
                C::Growth,
                C::Change,
                C::Points,
                C::Relative,
                C::Comparison,
                C::Target,
                C::Completion,
                C::TargetStatus,
                C::Remaining,
                C::Progress,
                C::NextTarget,
                C::NextChange,
                C::Share,
                C::Streak,
                C::Record,
                C::Milestone,
                C::AverageGrowth,
                C::Outlook,
                C::OutlookGrowth,
            ];
            phrases.extend(
                fields
                    .into_iter()
                    .filter_map(|field| cite::text(field, f, &facts.report)),
            );
        }
        phrases.extend(facts.figures.iter().map(|g| cite::figure_text(g, facts)));
        phrases.retain(|p| p.chars().any(|c| c.is_ascii_digit()));
        // Longest first, so 同比增长66.9% wins over 66.9%.
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        phrases.dedup();
        Marks { phrases, color }
    }

    fn bold(&self, text: &str) -> String {
        if self.color {
            format!("{HEADING}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    /// `text` with every computed phrase highlighted.
    fn figures(&self, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        let mut out = String::new();
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(p) = self.phrases.iter().find(|p| rest.starts_with(p.as_str())) {
                out.push_str(&format!("{HIGHLIGHT}{p}{RESET}"));
                rest = &rest[p.len()..];
            } else {
                let c = rest.chars().next().map_or(1, char::len_utf8);
                out.push_str(&rest[..c]);
                rest = &rest[c..];
            }
        }
        out
    }
}
