//! Named paragraph styles. Real styles, not direct formatting, so that a clerk who edits the
//! draft in Word or WPS keeps the layout, and the navigation pane shows the heading outline.

use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, SpecialIndentType, Style, StyleType};

use super::fonts::{self, Face, Faces};
use super::geometry::{
    BODY_CHAR, BODY_SIZE, FOOTER_LINE, LINE_PITCH, PAGE_NUMBER_SIZE, TABLE_LINE, TABLE_SIZE,
    TITLE_SIZE,
};

pub const NORMAL: &str = "Normal";
pub const TITLE: &str = "Title";
pub const TABLE_CAPTION: &str = "TableCaption";
pub const TABLE_TEXT: &str = "TableText";
pub const SIGNATURE: &str = "Signature";
pub const PAGE_NUMBER: &str = "PageNumber";

/// Style id of a heading level (1–4).
pub fn heading(level: u8) -> String {
    format!("Heading{}", level.clamp(1, 4))
}

fn exact(twips: u32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(twips as i32)
        .before(0)
        .after(0)
}

/// A paragraph style in one face and size (half-points) on the fixed 22-line pitch.
fn paragraph(id: &str, name: &str, face: &Face, size: u32) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .fonts(fonts::run_fonts(face))
        .size(size as usize)
        .line_spacing(exact(LINE_PITCH))
        .q_format(true)
}

/// No first-line indent: for centred or right-aligned lines.
fn flush(style: Style) -> Style {
    style.indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
}

/// Body paragraphs and everything based on them: 3号仿宋, justified, 空两字. (The indent is
/// in twips: docx-rs 0.4.22 does not write `w:firstLineChars`.)
fn normal(faces: &Faces) -> Style {
    paragraph(NORMAL, "Normal", &faces.body, BODY_SIZE)
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine((2 * BODY_CHAR) as i32)),
            None,
            None,
        )
}

/// Every named style, in the document's faces (GB/T 9704 §7.3.3: headings in 黑体, 楷体, then
/// the body's 仿宋).
pub fn all(faces: &Faces) -> Vec<Style> {
    let mut styles = vec![
        normal(faces),
        flush(paragraph(TITLE, "Title", &faces.title, TITLE_SIZE).based_on(NORMAL))
            .align(AlignmentType::Center)
            .next(NORMAL),
    ];
    for (i, face) in faces.heading.iter().enumerate() {
        let level = i as u8 + 1;
        styles.push(
            paragraph(
                &heading(level),
                &format!("heading {level}"),
                face,
                BODY_SIZE,
            )
            .based_on(NORMAL)
            .next(NORMAL)
            .outline_lvl(i),
        );
    }
    styles.extend([
        flush(
            paragraph(TABLE_CAPTION, "Table Caption", faces.heading(1), BODY_SIZE).based_on(NORMAL),
        )
        .align(AlignmentType::Center),
        flush(paragraph(TABLE_TEXT, "Table Text", &faces.body, TABLE_SIZE).based_on(NORMAL))
            .align(AlignmentType::Center)
            .line_spacing(exact(TABLE_LINE))
            .snap_to_grid(false),
        flush(paragraph(SIGNATURE, "Signature", &faces.body, BODY_SIZE).based_on(NORMAL))
            .fonts(fonts::run_fonts_latin(&faces.body))
            .align(AlignmentType::Right),
        flush(
            paragraph(
                PAGE_NUMBER,
                "Page Number",
                &faces.page_number,
                PAGE_NUMBER_SIZE,
            )
            .based_on(NORMAL),
        )
        .line_spacing(exact(FOOTER_LINE))
        .snap_to_grid(false),
    ]);
    styles
}
