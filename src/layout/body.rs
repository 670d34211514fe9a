//! The body of `word/document.xml` — paragraphs and tables — written directly, in schema
//! order.
//!
//! docx-rs builds everything around the body once per process: namespaces, section
//! properties, styles, footers, the package (see [`super::package`]). The body itself is
//! most of each draft, and building it through docx-rs, then putting its elements back in
//! schema order, took more time than all the other stages of a draft together; a batch of
//! thousands of counties spent most of its time there. The markup written here is the one
//! docx-rs writes once repaired, element for element.

use std::fmt::Write;

use super::fonts;
use super::geometry as g;
use super::styles;
use crate::model::text::xml_safe;
use crate::outline::{self, Block, Outline};

/// The body's paragraph ids follow those of the two footers' page-number paragraphs.
const FIRST_PARAGRAPH_ID: u32 = 3;

/// The blocks of an outline as WordprocessingML, to stand between `<w:body>` and the
/// section properties.
pub fn blocks(outline: &Outline, faces: &fonts::Faces) -> String {
    let mut body = Body {
        // A county's body is 30–80 KB of XML: one allocation, rarely grown.
        xml: String::with_capacity(64 * 1024),
        next_id: FIRST_PARAGRAPH_ID,
    };
    if !outline.title.is_empty() {
        body.paragraph(&Props::style(styles::TITLE), Content::Lines(&outline.title));
        // 标题下空一行.
        body.paragraph(&Props::default(), Content::Nothing);
    }
    let mut signed = false;
    for (i, block) in outline.blocks.iter().enumerate() {
        // The signature block never stands alone at the head of a page: the last lines of
        // text, the blank line, the issuer and the date are kept together.
        let signs_next = matches!(
            outline.blocks.get(i + 1),
            Some(Block::Signature { .. } | Block::Date { .. })
        );
        match block {
            Block::Heading {
                level,
                number,
                text,
                run_in: Some(run_in),
                ..
            } => {
                // Heading and text are one body paragraph; the heading keeps its level's face.
                let head = format!("{number}{text}");
                let content = Content::RunIn {
                    head: &head,
                    face: faces.heading(*level),
                    body: run_in,
                };
                let props = Props {
                    keep_next: signs_next,
                    ..Props::default()
                };
                body.paragraph(&props, content);
            }
            Block::Heading {
                level,
                number,
                text,
                ..
            } => {
                let style = styles::heading(*level);
                let props = Props {
                    keep_next: true,
                    ..Props::style(&style)
                };
                body.paragraph(&props, Content::Text(&format!("{number}{text}")));
            }
            Block::Paragraph { text } => {
                let props = Props {
                    keep_next: signs_next,
                    ..Props::default()
                };
                body.paragraph(&props, Content::Text(text));
            }
            Block::Table(table) => {
                if !table.caption.is_empty() {
                    let props = Props {
                        keep_next: true,
                        ..Props::style(styles::TABLE_CAPTION)
                    };
                    body.paragraph(&props, Content::Text(&table.caption));
                }
                body.table(table);
                if let Some(note) = &table.note {
                    body.paragraph(&Props::default(), Content::Text(note));
                }
            }
            Block::PageBreak => body.paragraph(&Props::default(), Content::PageBreak),
            Block::Signature { text } | Block::Date { text } => {
                if !signed {
                    // 正文下空一行编排署名 (two under a seal; see geometry).
                    let blank = Props {
                        keep_next: true,
                        ..Props::default()
                    };
                    let lines = if outline.look.sealed {
                        g::LINES_BEFORE_SEALED_SIGNATURE
                    } else {
                        g::LINES_BEFORE_SIGNATURE
                    };
                    for _ in 0..lines {
                        body.paragraph(&blank, Content::Nothing);
                    }
                    signed = true;
                }
                let props = Props {
                    keep_next: signs_next,
                    right_indent: Some(signature_indent(block, outline)),
                    ..Props::style(styles::SIGNATURE)
                };
                body.paragraph(&props, Content::Text(text));
            }
        }
    }
    body.xml
}

/// The right indent of the issuer's or the date's line: both depend on the other's width.
fn signature_indent(block: &Block, outline: &Outline) -> u32 {
    let text_of = |want: fn(&Block) -> Option<&String>| {
        outline
            .blocks
            .iter()
            .find_map(want)
            .map_or("", |t| t.as_str())
    };
    let issuer = text_of(|b| match b {
        Block::Signature { text } => Some(text),
        _ => None,
    });
    let date = text_of(|b| match b {
        Block::Date { text } => Some(text),
        _ => None,
    });
    let (issuer_indent, date_indent) =
        super::frame::signature_indents(issuer, date, outline.look.sealed);
    match block {
        Block::Signature { .. } => issuer_indent,
        _ => date_indent,
    }
}

/// Paragraph properties, written in the schema's order (CT_PPr: pStyle, keepNext, …, ind).
#[derive(Default)]
struct Props<'a> {
    style: Option<&'a str>,
    keep_next: bool,
    right_indent: Option<u32>,
}

impl<'a> Props<'a> {
    fn style(style: &'a str) -> Props<'a> {
        Props {
            style: Some(style),
            ..Props::default()
        }
    }
}

/// What a paragraph holds.
enum Content<'a> {
    /// No run at all (a blank line).
    Nothing,
    /// One run; tabs become Word tab characters.
    Text(&'a str),
    /// One run, the lines separated by line breaks (the title).
    Lines(&'a [String]),
    /// One run holding a page break.
    PageBreak,
    /// A run-in heading: the heading in its own face, then the text in the paragraph's.
    RunIn {
        head: &'a str,
        face: &'a fonts::Face,
        body: &'a str,
    },
}

struct Body {
    xml: String,
    next_id: u32,
}

impl Body {
    fn paragraph(&mut self, props: &Props, content: Content) {
        let x = &mut self.xml;
        // Writing to a String cannot fail.
        let _ = write!(x, r#"<w:p w14:paraId="{:08x}"><w:pPr>"#, self.next_id);
        self.next_id += 1;
        if let Some(style) = props.style {
            let _ = write!(x, r#"<w:pStyle w:val="{style}" />"#);
        }
        if props.keep_next {
            x.push_str("<w:keepNext />");
        }
        if let Some(right) = props.right_indent {
            let _ = write!(x, r#"<w:ind w:left="0" w:right="{right}" />"#);
        }
        x.push_str("</w:pPr>");
        match content {
            Content::Nothing => {}
            Content::Text(text) => {
                x.push_str("<w:r><w:rPr />");
                for (i, piece) in xml_safe(text).split('\t').enumerate() {
                    if i > 0 {
                        x.push_str("<w:tab />");
                    }
                    if !piece.is_empty() {
                        push_text(x, piece);
                    }
                }
                x.push_str("</w:r>");
            }
            Content::Lines(lines) => {
                x.push_str("<w:r><w:rPr />");
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        x.push_str(r#"<w:br w:type="textWrapping" />"#);
                    }
                    push_text(x, &xml_safe(line));
                }
                x.push_str("</w:r>");
            }
            Content::PageBreak => x.push_str(r#"<w:r><w:rPr /><w:br w:type="page" /></w:r>"#),
            Content::RunIn { head, face, body } => {
                let name = fonts::escape(&face.name);
                let _ = write!(
                    x,
                    r#"<w:r><w:rPr><w:rFonts w:ascii="{name}" w:eastAsia="{name}" w:hAnsi="{name}" w:cs="{name}" /></w:rPr>"#
                );
                push_text(x, &xml_safe(head));
                x.push_str("</w:r><w:r><w:rPr />");
                push_text(x, &xml_safe(body));
                x.push_str("</w:r>");
            }
        }
        x.push_str("</w:p>");
    }

    fn table(&mut self, table: &outline::Table) {
        let columns = super::columns::widths(&table.header, &table.rows);
        let x = &mut self.xml;
        let _ = write!(
            x,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa" /><w:jc w:val="center" /><w:tblBorders>"#,
            g::TEXT_WIDTH
        );
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            let _ = write!(
                x,
                r#"<w:{side} w:val="single" w:sz="{}" w:space="0" w:color="{}" />"#,
                g::TABLE_BORDER_SIZE,
                g::TABLE_BORDER_COLOR
            );
        }
        x.push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed" /></w:tblPr><w:tblGrid>"#);
        for width in &columns {
            let _ = write!(x, r#"<w:gridCol w:w="{width}"/>"#);
        }
        x.push_str("</w:tblGrid>");
        let rows =
            std::iter::once((&table.header, true)).chain(table.rows.iter().map(|r| (r, false)));
        for (cells, header) in rows {
            // A row is read as a whole: never break it across pages. The header row repeats
            // at the top of every page the table runs onto, and is kept with the first row.
            self.xml.push_str("<w:tr><w:trPr><w:cantSplit />");
            if header {
                self.xml.push_str("<w:tblHeader />");
            }
            self.xml.push_str("</w:trPr>");
            for (text, width) in cells.iter().zip(&columns) {
                let _ = write!(
                    self.xml,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa" />"#
                );
                if header {
                    let _ = write!(
                        self.xml,
                        r#"<w:shd w:val="clear" w:color="auto" w:fill="{}" />"#,
                        g::TABLE_HEADER_FILL
                    );
                }
                self.xml.push_str("</w:tcPr>");
                let props = Props {
                    keep_next: header,
                    ..Props::style(styles::TABLE_TEXT)
                };
                self.paragraph(&props, Content::Text(text));
                self.xml.push_str("</w:tc>");
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
    }
}

/// A `w:t` element; spaces kept, markup characters escaped as docx-rs escapes them.
fn push_text(x: &mut String, text: &str) {
    x.push_str(r#"<w:t xml:space="preserve">"#);
    for c in text.chars() {
        match c {
            '&' => x.push_str("&amp;"),
            '<' => x.push_str("&lt;"),
            '>' => x.push_str("&gt;"),
            '"' => x.push_str("&quot;"),
            '\'' => x.push_str("&apos;"),
            '\n' => x.push_str("&#xA;"),
            '\r' => {}
            c => x.push(c),
        }
    }
    x.push_str("</w:t>");
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use crate::outline::{Table, TableKind};

    use super::*;

    fn part(docx: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    fn outline() -> Outline {
        Outline {
            numbering: Default::default(),
            look: Default::default(),
            title: vec!["某县科学技术局".into(), "2024年工作总结".into()],
            blocks: vec![
                Block::Heading {
                    level: 1,
                    number: "一、".into(),
                    text: "工作情况".into(),
                    run_in: None,
                    restart: false,
                },
                Block::Paragraph {
                    text: "R&D <投入> \"引号\" 'x'\t制表\u{1}".into(),
                },
                Block::Table(Table {
                    kind: TableKind::Indicators,
                    caption: "表".into(),
                    header: vec!["指标".into(), "单位".into()],
                    rows: vec![vec!["研发".into(), "".into()]],
                    note: Some("注".into()),
                }),
                Block::PageBreak,
                Block::Signature {
                    text: "某县科学技术局".into(),
                },
                Block::Date {
                    text: "2024年12月20日".into(),
                },
            ],
        }
    }

    #[test]
    fn blocks_are_escaped_and_in_schema_order() {
        let xml = blocks(&outline(), &fonts::Faces::chosen(&Default::default()));
        assert!(
            xml.contains(r#"<w:t xml:space="preserve">R&amp;D &lt;投入&gt; &quot;引号&quot; &apos;x&apos;</w:t><w:tab /><w:t xml:space="preserve">制表</w:t>"#),
            "{xml}"
        );
        assert!(!xml.contains('\u{1}'));
        assert!(xml.contains(r#"<w:pPr><w:pStyle w:val="Heading1" /><w:keepNext /></w:pPr>"#));
        assert!(xml.contains(
            r#"<w:t xml:space="preserve">某县科学技术局</w:t><w:br w:type="textWrapping" />"#
        ));
        assert!(xml.contains(r#"<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6" />"#));
        assert_eq!(xml.matches("<w:tc>").count(), 4);
        assert_eq!(xml.matches("<w:cantSplit />").count(), 2);
        assert!(xml.contains(r#"<w:br w:type="page" />"#));
        assert!(xml.contains(r#"<w:pStyle w:val="Signature" /><w:ind w:left="0" w:right="#));
    }

    /// Paragraph ids must be unique across the document and its footers (Word repairs a
    /// file whose ids repeat).
    #[test]
    fn paragraph_ids_are_unique_across_body_and_footers() {
        let docx = super::super::lay_out(&outline()).unwrap();
        let mut ids = Vec::new();
        for name in ["word/document.xml", "word/footer1.xml", "word/footer2.xml"] {
            let xml = part(&docx, name);
            for piece in xml.split(r#"w14:paraId=""#).skip(1) {
                let id = u32::from_str_radix(&piece[..8], 16).unwrap();
                assert!(id > 0 && id < 0x8000_0000, "{id:x}");
                ids.push(id);
            }
        }
        assert!(ids.len() >= 12, "{ids:?}");
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "repeated paragraph ids");
    }

    /// The body sits between `<w:body>` and the section properties docx-rs wrote.
    #[test]
    fn the_body_is_set_into_the_frame() {
        let docx = super::super::lay_out(&outline()).unwrap();
        let xml = part(&docx, "word/document.xml");
        let body = xml.find("<w:body><w:p ").unwrap();
        let section = xml.find("<w:sectPr>").unwrap();
        assert!(body < section && xml.ends_with("</w:sectPr></w:body></w:document>"));
        assert!(xml[section..].contains(r#"<w:docGrid w:type="lines" w:linePitch="579" />"#));
    }
}
