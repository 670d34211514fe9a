//! The outline as one self-contained web page, for the government portal and the clerk's
//! desk: semantic headings, tables as tables, the same text as the DOCX (this writer never
//! chooses words), styled like the printed 公文 — inline CSS, no scripts, no external fonts.

use std::fmt::Write as _;

use super::fonts::{Face, Faces};
use super::geometry;
use crate::outline::{Block, Outline, Table};
use crate::safe::is_invisible_or_bidi;

/// Text to mark in the page: a computed figure and what it was computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub phrase: String,
    /// Shown on hover: its inputs, formula and rounding.
    pub explanation: String,
}

/// The page. `highlights` (longest phrase first) are marked where the text holds them: the
/// clerk's preview marks computed figures, the portal's page marks nothing.
pub fn write(outline: &Outline, highlights: &[Highlight]) -> String {
    let title = outline.title.concat();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(&title),
        page_style(),
        stylesheet(&outline.look),
        fragment(outline, highlights)
    )
}

/// The page around the document when it stands alone: grey around a sheet of paper, and
/// nothing around it in print, where the DOCX's margins hold.
fn page_style() -> String {
    format!(
        "@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm; }}\n\
         html {{ background: #f4f4f4; }}\n\
         body {{ margin: 0; padding: 1.5rem 0; }}\n\
         @media print {{ html {{ background: none; }} body {{ padding: 0; }} .document {{ max-width: none; padding: 0; }} .document mark {{ background: none; }} }}\n",
        top = mm(geometry::MARGIN_TOP),
        right = mm(geometry::MARGIN_RIGHT),
        bottom = mm(geometry::MARGIN_BOTTOM),
        left = mm(geometry::MARGIN_LEFT),
    )
}

/// Twips (1/1440 inch) as millimetres and points, and Word's half-points as points: the
/// page's numbers are the DOCX's, kept in [`geometry`].
fn mm(twips: u32) -> String {
    format!("{:.1}", f64::from(twips) * 25.4 / 1440.0)
}

fn pt(twips: u32) -> String {
    format!("{:.2}", f64::from(twips) / 20.0)
}

fn half_pt(half_points: u32) -> String {
    format!("{}", f64::from(half_points) / 2.0)
}

/// The document alone, as a `<main class="document">` element: what the clerk's desk
/// previews beside the fields (with [`stylesheet`]).
pub fn fragment(outline: &Outline, highlights: &[Highlight]) -> String {
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<main class=\"document\">\n");
    if !outline.title.is_empty() {
        let lines: Vec<String> = outline.title.iter().map(|l| escape(l)).collect();
        let _ = writeln!(out, "<h1>{}</h1>", lines.join("<br>"));
    }
    let marked = |text: &str| mark(text, highlights);
    let mut in_signature = false;
    for block in &outline.blocks {
        let signing = matches!(block, Block::Signature { .. } | Block::Date { .. });
        if signing && !in_signature {
            out.push_str("<div class=\"signature\">\n");
            in_signature = true;
        } else if !signing && in_signature {
            out.push_str("</div>\n");
            in_signature = false;
        }
        match block {
            Block::Heading {
                level,
                number,
                text,
                run_in: Some(body),
                ..
            } => {
                // A heading run into its paragraph: one paragraph, the heading in its level's
                // face, still a heading to a screen reader.
                let _ = writeln!(
                    out,
                    "<p><span class=\"h{level}\" role=\"heading\" aria-level=\"{}\">{}{}</span>{}</p>",
                    level + 1,
                    escape(number),
                    escape(text),
                    marked(body)
                );
            }
            Block::Heading {
                level,
                number,
                text,
                ..
            } => {
                let tag = (level + 1).min(6);
                let _ = writeln!(
                    out,
                    "<h{tag} class=\"h{level}\">{}{}</h{tag}>",
                    escape(number),
                    escape(text)
                );
            }
            Block::Paragraph { text } => {
                let _ = writeln!(out, "<p>{}</p>", marked(text));
            }
            Block::Table(table) => table_html(&mut out, table, &marked),
            Block::PageBreak => out.push_str("<hr class=\"page-break\">\n"),
            Block::Signature { text } => {
                let _ = writeln!(out, "<p class=\"issuer\">{}</p>", escape(text));
            }
            Block::Date { text } => {
                let _ = writeln!(out, "<p class=\"date\">{}</p>", escape(text));
            }
        }
    }
    if in_signature {
        out.push_str("</div>\n");
    }
    out.push_str("</main>\n");
    out
}

fn table_html(out: &mut String, table: &Table, marked: &dyn Fn(&str) -> String) {
    out.push_str("<table>\n");
    if !table.caption.is_empty() {
        let _ = writeln!(out, "<caption>{}</caption>", escape(&table.caption));
    }
    out.push_str("<thead><tr>");
    for h in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", escape(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", marked(cell));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(note) = &table.note {
        let _ = writeln!(out, "<p class=\"table-note\">{}</p>", escape(note));
    }
}

/// `text` escaped, with every highlighted phrase in a `<mark>` that explains it.
fn mark(text: &str, highlights: &[Highlight]) -> String {
    if highlights.is_empty() {
        return escape(text);
    }
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(h) = highlights
            .iter()
            .find(|h| !h.phrase.is_empty() && rest.starts_with(h.phrase.as_str()))
        {
            let _ = write!(
                out,
                "<mark title=\"{}\">{}</mark>",
                escape(&h.explanation),
                escape(&h.phrase)
            );
            rest = &rest[h.phrase.len()..];
        } else {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&escape(&rest[..c]));
            rest = &rest[c..];
        }
    }
    out
}

/// Text for an HTML element or attribute: markup characters escaped, and the invisible and
/// direction-changing characters the DOCX drops dropped here too.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_invisible_or_bidi(c) => {}
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A CSS font list: the face Word stores, its Latin name, then what a browser without it
/// should use.
fn family(face: &Face, generic: &str) -> String {
    let mut names = vec![format!("\"{}\"", face.name.replace('"', ""))];
    if let Some(latin) = face.latin {
        names.push(format!("\"{latin}\""));
    }
    names.push(generic.to_string());
    names.join(", ")
}

/// The document's look, every rule under `.document`: GB/T 9704's faces, sizes, line pitch
/// and margins, the same numbers the DOCX is laid out with ([`geometry`]).
pub fn stylesheet(look: &crate::outline::Look) -> String {
    let faces = Faces::chosen(&look.fonts);
    let serif = "\"Noto Serif CJK SC\", \"Source Han Serif SC\", serif";
    let sans = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif";
    let body = family(&faces.body, serif);
    format!(
        ".document {{ box-sizing: border-box; max-width: {page}mm; margin: 0 auto; padding: {top}mm {right}mm {bottom}mm {left}mm; background: #fff; color: #000; font-family: {body}; font-size: {size}pt; line-height: {line}pt; }}\n\
         .document h1 {{ font-family: {title}; font-size: {title_size}pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 0 0 {line}pt; text-indent: 0; }}\n\
         .document h2, .document h3, .document h4, .document h5, .document p {{ margin: 0; font-size: {size}pt; font-weight: normal; line-height: {line}pt; text-indent: 2em; text-align: justify; }}\n\
         .document .h1 {{ font-family: {h1}; }}\n\
         .document .h2 {{ font-family: {h2}; }}\n\
         .document .h3 {{ font-family: {h3}; font-weight: bold; }}\n\
         .document .h4 {{ font-family: {h4}; }}\n\
         .document table {{ border-collapse: collapse; margin: {table_line}pt auto; font-size: {table_size}pt; line-height: {table_line}pt; }}\n\
         .document caption {{ font-family: {h1}; font-size: {size}pt; padding-bottom: 6pt; }}\n\
         .document th, .document td {{ border: 1px solid #000; padding: 2pt 6pt; text-align: center; font-weight: normal; }}\n\
         .document tbody th {{ text-align: left; }}\n\
         .document .table-note {{ font-size: {table_size}pt; text-indent: 0; }}\n\
         .document .signature {{ margin-top: {line}pt; }}\n\
         .document .issuer, .document .date {{ text-indent: 0; text-align: right; padding-right: {signature}em; }}\n\
         .document mark {{ background: #fff2a8; color: inherit; cursor: help; }}\n\
         .document .page-break {{ border: 0; break-after: page; }}\n",
        page = mm(geometry::PAGE_WIDTH),
        top = mm(geometry::MARGIN_TOP),
        right = mm(geometry::MARGIN_RIGHT),
        bottom = mm(geometry::MARGIN_BOTTOM),
        left = mm(geometry::MARGIN_LEFT),
        size = half_pt(geometry::BODY_SIZE),
        line = pt(geometry::LINE_PITCH),
        title_size = half_pt(geometry::TITLE_SIZE),
        table_size = half_pt(geometry::TABLE_SIZE),
        table_line = pt(geometry::TABLE_LINE),
        signature = geometry::SIGNATURE_CHARS,
        title = family(&faces.title, serif),
        h1 = family(&faces.heading[0], sans),
        h2 = family(&faces.heading[1], serif),
        h3 = family(&faces.heading[2], serif),
        h4 = family(&faces.heading[3], serif),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{Look, Numbering, TableKind};

    fn outline(blocks: Vec<Block>) -> Outline {
        Outline {
            title: vec!["T1".into(), "T2".into()],
            blocks,
            numbering: Numbering::default(),
            look: Look::default(),
        }
    }

    #[test]
    fn headings_tables_and_signature_are_semantic_and_text_is_escaped() {
        let page = write(
            &outline(vec![
                Block::Heading {
                    level: 1,
                    number: "N1".into(),
                    text: "H".into(),
                    run_in: None,
                    restart: false,
                },
                Block::Heading {
                    level: 2,
                    number: "N2".into(),
                    text: "R.".into(),
                    run_in: Some("body <b>&".into()),
                    restart: false,
                },
                Block::Table(Table {
                    kind: TableKind::Indicators,
                    caption: "C".into(),
                    header: vec!["a".into(), "b".into()],
                    rows: vec![vec!["x".into(), "4.54".into()]],
                    note: None,
                }),
                Block::Signature { text: "S".into() },
                Block::Date { text: "D".into() },
            ]),
            &[],
        );
        assert!(page.contains("<h1>T1<br>T2</h1>"), "{page}");
        assert!(page.contains("<h2 class=\"h1\">N1H</h2>"), "{page}");
        assert!(
            page.contains("role=\"heading\" aria-level=\"3\">N2R.</span>body &lt;b&gt;&amp;</p>"),
            "{page}"
        );
        assert!(
            page.contains("<th scope=\"row\">x</th><td>4.54</td>"),
            "{page}"
        );
        assert!(page.contains("<div class=\"signature\">\n<p class=\"issuer\">S</p>\n<p class=\"date\">D</p>\n</div>"), "{page}");
        assert!(!page.contains("<script"), "no scripts");
        assert!(!page.contains("url("), "no external fonts");
    }

    #[test]
    fn highlights_mark_computed_phrases_longest_first() {
        let h = [
            Highlight {
                phrase: "+66.9%".into(),
                explanation: "a \"b\"".into(),
            },
            Highlight {
                phrase: "66.9%".into(),
                explanation: "short".into(),
            },
        ];
        let page = write(
            &outline(vec![Block::Paragraph {
                text: "x+66.9% y".into(),
            }]),
            &h,
        );
        assert!(
            page.contains("<p>x<mark title=\"a &quot;b&quot;\">+66.9%</mark> y</p>"),
            "{page}"
        );
    }
}
