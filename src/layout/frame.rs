//! The frame every draft shares — page, margins, line grid, page-number footers, styles —
//! built with docx-rs once per set of faces, and where the signature block stands.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    PageMargin, Paragraph, Run,
};

use super::geometry as g;
use super::{fonts, styles};

/// Everything a draft has but its body: page, margins and line grid, the page-number
/// footers and the styles. Built once per set of faces (see [`package`]).
pub(super) fn frame(faces: &fonts::Faces) -> Docx {
    let mut docx = Docx::new()
        // Defaults are the body's 3号仿宋, condensed so that 28 characters fill a line.
        .default_size(g::BODY_SIZE as usize)
        .default_spacing(g::CHAR_SPACING)
        .default_fonts(fonts::run_fonts(&faces.body))
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
    for style in styles::all(faces) {
        docx = docx.add_style(style);
    }
    docx
}

/// Right indents (twips) of the issuer's line and the date's line, GB/T 9704 §7.3.5.
///
/// Unsealed (§7.3.5.2): the issuer ends 2 characters from the right margin and the date's
/// first character sits 2 characters right of the issuer's; a date longer than the issuer
/// ends 2 characters from the margin instead, and the issuer moves left to keep the 2
/// characters between their starts. Sealed (§7.3.5.1): the date ends 4 characters from the
/// margin and the issuer is centred on it.
pub(super) fn signature_indents(issuer: &str, date: &str, sealed: bool) -> (u32, u32) {
    let (issuer, date) = (i64::from(text_width(issuer)), i64::from(text_width(date)));
    let chars = |n: u32| i64::from(n * g::CHAR_ADVANCE);
    let (issuer_indent, date_indent) = if sealed {
        let date_indent = chars(g::SEALED_DATE_CHARS);
        (date_indent + (date - issuer) / 2, date_indent)
    } else if date > issuer {
        let date_indent = chars(g::SIGNATURE_CHARS);
        (
            date_indent + date + chars(g::SIGNATURE_CHARS) - issuer,
            date_indent,
        )
    } else {
        // The date's start 2 characters right of the issuer's: with the issuer 2 characters
        // in, the date stands in by what it is shorter (nothing when the two are as long).
        (chars(g::SIGNATURE_CHARS), issuer - date)
    };
    (issuer_indent.max(0) as u32, date_indent.max(0) as u32)
}

/// Printed width in twips, as the glyphs set it: a Chinese character (or full-width mark)
/// one em, a digit or Latin letter half an em (Times New Roman's digits in the signature
/// block), each with the condensed spacing every body character carries; and where Chinese
/// meets a digit or a Latin letter, the quarter em that Word's default `autoSpaceDE` /
/// `autoSpaceDN` puts between them (LibreOffice, which ignores those settings, always puts
/// about a fifth of an em there).
pub(super) fn text_width(text: &str) -> u32 {
    let glyphs: u32 = text
        .chars()
        .map(|c| {
            let glyph = if c.is_ascii() {
                g::BODY_CHAR / 2
            } else {
                g::BODY_CHAR
            };
            glyph.saturating_add_signed(g::CHAR_SPACING)
        })
        .fold(0, u32::saturating_add);
    let chars: Vec<char> = text.chars().collect();
    let meetings = chars
        .windows(2)
        .filter(|w| w[0].is_ascii_alphanumeric() != w[1].is_ascii_alphanumeric())
        .filter(|w| !w[0].is_ascii() || !w[1].is_ascii())
        .count() as u32;
    glyphs.saturating_add(meetings.saturating_mul(g::AUTOSPACE))
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

#[cfg(test)]
mod tests {
    use super::*;

    const CH: u32 = g::CHAR_ADVANCE;

    #[test]
    fn widths_count_glyphs_and_the_space_where_scripts_meet() {
        // Eight characters of a bureau's name; 2024年12月20日: three characters, eight
        // digits at half an em, and five meetings of digits and characters.
        assert_eq!(text_width("科学技术局科学技"), 8 * CH);
        let digit = g::BODY_CHAR / 2 - 5;
        assert_eq!(
            text_width("2024年12月20日"),
            3 * CH + 8 * digit + 5 * g::AUTOSPACE
        );
    }

    #[test]
    fn unsealed_issuer_two_from_the_margin_date_two_right_of_its_start() {
        // A long issuer: it ends 2 characters in; the date starts 2 characters after it.
        let issuer = "某某市科学技术和工业信息化局";
        let date = "2025年1月6日";
        let (s, d) = signature_indents(issuer, date, false);
        assert_eq!(s, 2 * CH);
        let (ls, ld) = (text_width(issuer), text_width(date));
        // Date start = issuer start + 2 characters, measured from the right margin.
        assert_eq!(d + ld, s + ls - 2 * CH);
    }

    #[test]
    fn unsealed_date_longer_than_issuer_ends_two_from_the_margin() {
        let issuer = "某县科技局";
        let date = "2024年12月20日";
        let (s, d) = signature_indents(issuer, date, false);
        assert_eq!(d, 2 * CH);
        let (ls, ld) = (text_width(issuer), text_width(date));
        assert_eq!(
            s + ls,
            d + ld + 2 * CH,
            "the issuer starts 2 characters left of the date"
        );
    }

    #[test]
    fn sealed_date_four_from_the_margin_issuer_centred_on_it() {
        let issuer = "岳阳市科学技术局";
        let date = "2023年1月16日";
        let (s, d) = signature_indents(issuer, date, true);
        assert_eq!(d, 4 * CH);
        let (ls, ld) = (text_width(issuer), text_width(date));
        // Centres measured from the right margin agree to a twip (integer halves).
        let centre = |indent: u32, width: u32| 2 * indent + width;
        assert!(centre(s, ls).abs_diff(centre(d, ld)) <= 1);
    }
}
