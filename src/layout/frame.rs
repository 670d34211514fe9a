//! The frame every draft shares — page, margins, line grid, page-number footers, styles —
//! built with docx-rs once per process, and where the signature block stands.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    PageMargin, Paragraph, Run,
};

use super::geometry as g;
use super::{fonts, styles};
use crate::outline::Block;

/// Everything a draft has but its body: page, margins and line grid, the page-number
/// footers and the styles. Built once per process (see [`package`]).
pub(super) fn frame() -> Docx {
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
    docx
}

/// Right indent of a signature line: the date stands 4 characters from the right margin and
/// the issuer is centred over it (GB/T 9704 7.3.5.2), as far as character counts allow.
pub(super) fn signature_indent(block: &Block, blocks: &[Block]) -> u32 {
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
