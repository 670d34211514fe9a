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

/// Type sizes in points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小4号 12 pt.
pub const TITLE_PT: u32 = 22;
pub const BODY_PT: u32 = 16;
pub const PAGE_NUMBER_PT: u32 = 14;
pub const TABLE_PT: u32 = 12;

/// One character of body text, in twips (indents are counted in characters).
pub const BODY_CHAR: u32 = pt(BODY_PT);

/// The document grid's character spacing: how much each character's pitch differs from the
/// body size so that exactly 28 fit the text width, in 1/4096 pt as `w:charSpace` wants it.
pub const fn grid_char_space() -> i32 {
    // pitch (twips) = TEXT_WIDTH / 28; difference in pt × 4096 = (pitch − BODY_CHAR) × 4096 / 20.
    let diff_x28 = TEXT_WIDTH as i64 - (BODY_CHAR * CHARS_PER_LINE) as i64; // twips × 28
    let value = diff_x28 * 4096 / (20 * CHARS_PER_LINE as i64);
    value as i32
}

/// Distance from the page's bottom edge to the footer's bottom: the page number's line sits
/// 7 mm below the text area (一字线上距版心下边缘7 mm), its exact line height below that.
pub const FOOTER_LINE: u32 = pt(18);
pub const FOOTER_DISTANCE: u32 = MARGIN_BOTTOM - mm(7) - FOOTER_LINE;
pub const HEADER_DISTANCE: u32 = mm(15);

/// 单页码居右空一字,双页码居左空一字: one page-number character in from the edge.
pub const PAGE_NUMBER_INDENT: u32 = pt(PAGE_NUMBER_PT);

/// 成文日期右空四字.
pub const DATE_RIGHT_INDENT: u32 = 4 * BODY_CHAR;

/// Indicator table column widths (twips), summing to the text width.
pub const TABLE_COLUMNS: [u32; 7] = {
    let fixed = [0, 700, 1000, 1000, 1500, 1000, 1100];
    let mut sum = 0;
    let mut i = 1;
    while i < fixed.len() {
        sum += fixed[i];
        i += 1;
    }
    // The indicator name takes what the figures leave.
    [TEXT_WIDTH - sum, 700, 1000, 1000, 1500, 1000, 1100]
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
        assert_eq!(LINE_PITCH, 579);
        assert!(LINE_PITCH * LINES_PER_PAGE <= TEXT_HEIGHT);
        assert!(LINE_PITCH * (LINES_PER_PAGE + 1) > TEXT_HEIGHT);
    }

    #[test]
    fn the_grid_fits_28_characters() {
        let space = grid_char_space();
        // The pitch the grid gives each character, in twips.
        let pitch = BODY_CHAR as f64 + space as f64 * 20.0 / 4096.0;
        assert!((pitch * 28.0 - TEXT_WIDTH as f64).abs() < 1.0, "{pitch}");
        assert!(
            space < 0,
            "16 pt × 28 is wider than 156 mm, so characters are tightened"
        );
    }

    #[test]
    fn table_columns_fill_the_text_width() {
        assert_eq!(TABLE_COLUMNS.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(TABLE_COLUMNS[0] >= 2000);
    }

    #[test]
    fn the_page_number_sits_7mm_under_the_text() {
        assert_eq!(FOOTER_DISTANCE + FOOTER_LINE + mm(7), MARGIN_BOTTOM);
    }
}
