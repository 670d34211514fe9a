//! Stage 5, lay out: outline → GB/T 9704 DOCX bytes.
//!
//! This stage decides how things look, never what they say: every word comes from the
//! outline. docx-rs builds the parts; [`package`] then repairs what docx-rs writes out of
//! schema order before the parts are zipped.

pub mod fonts;
pub mod geometry;
pub mod package;
mod styles;

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    PageMargin, Paragraph, Run, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::outline::{self, Block, Outline};
use geometry as g;

/// Renders an outline to the bytes of a .docx file.
pub fn lay_out(outline: &Outline) -> Result<Vec<u8>, String> {
    let docx = document(outline);
    package::pack(docx)
}

fn document(outline: &Outline) -> Docx {
    let mut docx = Docx::new()
        // Defaults are the body's 3号仿宋, condensed so that 28 characters fill a line.
        .default_size(g::BODY_SIZE as usize)
        .default_spacing(g::CHAR_SPACING)
        .default_fonts(fonts::run_fonts(fonts::FANGSONG))
        .page_size(g::PAGE_WIDTH, g::PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(g::MARGIN_TOP as i32)
                .bottom(g::MARGIN_BOTTOM as i32)
                .left(g::MARGIN_LEFT as i32)
                .right(g::MARGIN_RIGHT as i32)
                .header(g::HEADER_DISTANCE as i32)
                .footer(g::FOOTER_DISTANCE as i32)
                .gutter(0),
        )
        .footer(Footer::new().add_paragraph(page_number(AlignmentType::Right)))
        .even_footer(Footer::new().add_paragraph(page_number(AlignmentType::Left)));
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(g::LINE_PITCH as usize),
    );
    for style in styles::all() {
        docx = docx.add_style(style);
    }
    if !outline.title.is_empty() {
        docx = docx
            .add_paragraph(title_paragraph(&outline.title))
            // 标题下空一行.
            .add_paragraph(Paragraph::new());
    }
    let mut signed = false;
    for block in &outline.blocks {
        match block {
            Block::Heading {
                level,
                number,
                text,
            } => {
                docx = docx.add_paragraph(
                    text_paragraph(&format!("{number}{text}"))
                        .style(&styles::heading(*level))
                        .keep_next(true),
                );
            }
            Block::Paragraph { text } => docx = docx.add_paragraph(text_paragraph(text)),
            Block::Table(table) => {
                if !table.caption.is_empty() {
                    docx = docx.add_paragraph(
                        text_paragraph(&table.caption)
                            .style(styles::TABLE_CAPTION)
                            .keep_next(true),
                    );
                }
                docx = docx.add_table(table_of(table));
                if let Some(note) = &table.note {
                    docx = docx.add_paragraph(text_paragraph(note));
                }
            }
            Block::PageBreak => {
                docx = docx.add_paragraph(
                    Paragraph::new().add_run(Run::new().add_break(docx_rs::BreakType::Page)),
                );
            }
            Block::Signature { text } | Block::Date { text } => {
                if !signed {
                    // 正文下空一行编排署名.
                    docx = docx.add_paragraph(Paragraph::new());
                    signed = true;
                }
                let indent = signature_indent(block, &outline.blocks);
                docx = docx.add_paragraph(text_paragraph(text).style(styles::SIGNATURE).indent(
                    None,
                    None,
                    Some(indent as i32),
                    None,
                ));
            }
        }
    }
    docx
}

/// Right indent of a signature line: the date stands 4 characters from the right margin and
/// the issuer is centred over it (GB/T 9704 7.3.5.2), as far as character counts allow.
fn signature_indent(block: &Block, blocks: &[Block]) -> u32 {
    let date_width = blocks.iter().find_map(|b| match b {
        Block::Date { text } => Some(text_width(text)),
        _ => None,
    });
    match (block, date_width) {
        (Block::Signature { text }, Some(date)) => {
            let own = text_width(text);
            let centred = (date as i64 - own as i64) / 2 + g::DATE_RIGHT_INDENT as i64;
            centred.max(0) as u32
        }
        _ => g::DATE_RIGHT_INDENT,
    }
}

/// Approximate printed width in twips: CJK characters are a full em, digits and Latin half.
fn text_width(text: &str) -> u32 {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                g::BODY_CHAR / 2
            } else {
                g::BODY_CHAR
            }
        })
        .sum()
}

/// A paragraph holding `text`; tabs become Word tab characters and characters XML cannot
/// carry are dropped (the validate stage reports them where the data has them).
fn text_paragraph(text: &str) -> Paragraph {
    let text = package::xml_safe(text);
    let mut run = Run::new();
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            run = run.add_tab();
        }
        if !piece.is_empty() {
            run = run.add_text(piece);
        }
    }
    Paragraph::new().add_run(run)
}

/// The title, its lines kept where the outline broke them (GB/T 9704: 回行时要做到词意完整).
fn title_paragraph(lines: &[String]) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(package::xml_safe(line));
    }
    Paragraph::new().style(styles::TITLE).add_run(run)
}

/// "— N —" with a PAGE field: 4号宋体, one character in from the outer edge.
fn page_number(side: AlignmentType) -> Paragraph {
    let indent = Some(g::PAGE_NUMBER_INDENT as i32);
    let (start, end) = match side {
        AlignmentType::Left => (indent, None),
        _ => (None, indent),
    };
    Paragraph::new()
        .style(styles::PAGE_NUMBER)
        .align(side)
        .indent(start, None, end, None)
        .add_run(Run::new().add_text("— "))
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text("1"))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
        .add_run(Run::new().add_text(" —"))
}

fn table_of(table: &outline::Table) -> Table {
    let columns: &[u32] = match table.kind {
        outline::TableKind::Indicators => &g::TABLE_COLUMNS,
        outline::TableKind::Audit => &g::AUDIT_COLUMNS,
        outline::TableKind::Rollup => &g::ROLLUP_COLUMNS,
    };
    let cell = |text: &str, width: u32| {
        TableCell::new()
            .width(width as usize, WidthType::Dxa)
            .add_paragraph(text_paragraph(text).style(styles::TABLE_TEXT))
    };
    let row = |cells: &[String], header: bool| {
        TableRow::new(
            cells
                .iter()
                .zip(columns)
                .map(|(text, width)| {
                    let c = cell(text, *width);
                    if header {
                        c.shading(docx_rs::Shading::new().fill(g::TABLE_HEADER_FILL))
                    } else {
                        c
                    }
                })
                .collect(),
        )
        // A row is read as a whole: never break it across pages.
        .cant_split()
    };
    let mut rows = vec![row(&table.header, true)];
    rows.extend(table.rows.iter().map(|r| row(r, false)));
    Table::new(rows)
        .set_grid(columns.iter().map(|w| *w as usize).collect())
        .width(g::TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(docx_rs::TableAlignmentType::Center)
}
