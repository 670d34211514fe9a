//! GB/T 9704-2012 page geometry and type sizes: every layout number lives here.
//!
//! Word measures in twips (1/20 pt, 1440 per inch) and half-points; the standard states
//! millimetres and Chinese type sizes (号). Conversions are computed, not copied, so a
//! changed margin keeps the grid consistent.

/// Twips from millimetres, rounded to the nearest twip.
pub const fn mm(value_mm: u32) -> u32 {
    // 1 mm = 1440 / 25.4 twips; integer form keeps this const and exact to the twip.
    (value_mm * 14400 + 127) / 254
}

/// Twips from points.
pub const fn pt(value_pt: u32) -> u32 {
    value_pt * 20
}

pub const PAGE_WIDTH: u32 = mm(210);
pub const PAGE_HEIGHT: u32 = mm(297);
/// 天头 37 mm.
pub const MARGIN_TOP: u32 = mm(37);
pub const MARGIN_BOTTOM: u32 = mm(35);
/// 订口 28 mm.
pub const MARGIN_LEFT: u32 = mm(28);
pub const MARGIN_RIGHT: u32 = mm(26);

pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
pub const TEXT_HEIGHT: u32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

/// 每面排22行.
pub const LINES_PER_PAGE: u32 = 22;
/// 每行排28个字.
pub const CHARS_PER_LINE: u32 = 28;

/// Fixed line pitch: the text height shared by 22 lines, rounded down so all 22 fit
/// (579 twips = 28.95 pt, the figure Chinese 公文 templates use).
pub const LINE_PITCH: u32 = TEXT_HEIGHT / LINES_PER_PAGE;

/// Type sizes in half-points, as Word stores them: 2号 22 pt, 3号 16 pt, 4号 14 pt, 5号 10.5 pt.
pub const TITLE_SIZE: u32 = 44;
pub const BODY_SIZE: u32 = 32;
pub const PAGE_NUMBER_SIZE: u32 = 28;
pub const TABLE_SIZE: u32 = 21;

/// Table rows: 5号 type on an exact 14 pt line, off the page grid.
pub const TABLE_LINE: u32 = pt(14);
/// Header row shading of the indicator table (light grey, prints on any printer).
pub const TABLE_HEADER_FILL: &str = "E7E6E6";
/// Table rules: single lines of 2 eighths of a point (¼ pt), black.
pub const TABLE_BORDER_SIZE: u32 = 2;
pub const TABLE_BORDER_COLOR: &str = "000000";

/// One character of body text, in twips (indents are counted in characters).
pub const BODY_CHAR: u32 = BODY_SIZE * 10;

/// Character spacing (twips, negative = condensed) that makes exactly 28 body characters fill a
/// line: 16 pt × 28 = 448 pt is wider than the 156 mm (442.2 pt) text width, so each character
/// gives up a little. Rounded down to whole twips so the 28th character still fits.
///
/// Why not Word's character grid (`w:docGrid w:type="linesAndChars" w:charSpace="-842"`)?
/// LibreOffice reads a negative `charSpace` as extra width and prints 13 characters a line;
/// a line grid plus condensed spacing gives 22 × 28 in Word, WPS and LibreOffice alike.
pub const CHAR_SPACING: i32 = (TEXT_WIDTH / CHARS_PER_LINE) as i32 - BODY_CHAR as i32;

/// Distance from the page's bottom edge to the footer's bottom: the page number's line sits
/// 7 mm below the text area (一字线上距版心下边缘7 mm), its exact line height below that.
pub const FOOTER_LINE: u32 = pt(18);
pub const FOOTER_DISTANCE: u32 = MARGIN_BOTTOM - mm(7) - FOOTER_LINE;
pub const HEADER_DISTANCE: u32 = mm(15);

/// 单页码居右空一字,双页码居左空一字: one page-number character in from the edge.
pub const PAGE_NUMBER_INDENT: u32 = PAGE_NUMBER_SIZE * 10;

/// What one body character occupies on the line, spacing included: the unit of "右空二字".
pub const CHAR_ADVANCE: u32 = (BODY_CHAR as i32 + CHAR_SPACING) as u32;

/// The space Word adds where Chinese meets a digit or a Latin letter (autoSpaceDE and
/// autoSpaceDN, on by default): a quarter of the body's em.
pub const AUTOSPACE: u32 = BODY_CHAR / 4;

/// GB/T 9704 §7.3.5, in characters: unsealed, the issuer ends 2 from the right margin and the
/// date starts 2 right of it; sealed, the date ends 4 from the margin.
pub const SIGNATURE_CHARS: u32 = 2;
pub const SEALED_DATE_CHARS: u32 = 4;
/// Blank lines between the text and the issuer: one (§7.3.5.2), or two under a seal, whose
/// top stands within a line of the text and whose centre sits above the issuer.
pub const LINES_BEFORE_SIGNATURE: usize = 1;
pub const LINES_BEFORE_SEALED_SIGNATURE: usize = 2;

/// Table cells: Word's and LibreOffice's default left and right margins (0.19 cm each) and a
/// little room for a client whose glyphs run wider than assumed.
pub const CELL_PADDING: u32 = 2 * 108 + 40;
/// A table character (10.5 pt, one em).
pub const TABLE_CHAR: u32 = TABLE_SIZE * 10;
/// A digit or Latin letter in a table: half an em in 仿宋, about 0.64 em in the sans face a
/// machine without 仿宋 substitutes; figures must not wrap there either.
pub const TABLE_LATIN: u32 = TABLE_CHAR * 64 / 100;
/// Where Chinese meets a digit in a table (about a quarter em, in Word and LibreOffice).
pub const TABLE_AUTOSPACE: u32 = TABLE_CHAR / 4;
/// A table cell wraps twice, no more.
pub const CELL_MOST_LINES: usize = 3;

// The layout's invariants, checked when zongjie is compiled: 22 lines and 28 characters fit,
// a 23rd line and a 29th character do not.
const _: () = {
    assert!(LINE_PITCH * LINES_PER_PAGE <= TEXT_HEIGHT);
    assert!(LINE_PITCH * (LINES_PER_PAGE + 1) > TEXT_HEIGHT);
    assert!(CHAR_ADVANCE * CHARS_PER_LINE <= TEXT_WIDTH);
    assert!(CHAR_ADVANCE * (CHARS_PER_LINE + 1) > TEXT_WIDTH);
    assert!(FOOTER_DISTANCE + FOOTER_LINE + mm(7) == MARGIN_BOTTOM);
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_geometry_matches_the_standard() {
        assert_eq!((PAGE_WIDTH, PAGE_HEIGHT), (11906, 16838));
        assert_eq!(
            (MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT),
            (2098, 1984, 1587, 1474)
        );
        // 28.95 pt, the fixed line spacing of Chinese 公文 templates.
        assert_eq!(LINE_PITCH, 579);
        // Condensed by a quarter point: 15.75 pt a character, 441 pt for 28 of them.
        assert_eq!(CHAR_SPACING, -5);
    }
}
