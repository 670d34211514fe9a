//! What text from a data file can carry into a draft: the characters XML 1.0 allows, less the
//! one private-use character zongjie reserves for its own markup.
//!
//! validate warns about the characters that will be dropped; layout drops them where text
//! enters the package.

/// Marks a line that must be read as body text even though it starts like outline markup (a
/// clerk's paragraph beginning with `#`): inserted by the narrate stage in front of such prose
/// lines and removed by the outline parser. Private-use, so it never occurs in real text
/// (validate warns when a file has it).
pub const LITERAL: char = '\u{E000}';

/// Removes characters XML 1.0 cannot carry: C0 controls other than tab, newline and carriage
/// return, U+FFFE and U+FFFF. (Lone surrogates cannot exist in a Rust string.)
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    // Bidi overrides and zero-width characters go too: U+202E would make Word print
    // 未完成 where the data says 完成未, and a reader sees neither character.
    let kept = |c: char| is_xml_char(c) && !crate::safe::is_invisible_or_bidi(c);
    if text.chars().all(kept) {
        text.into()
    } else {
        text.chars().filter(|&c| kept(c)).collect::<String>().into()
    }
}

pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn illegal_characters_are_removed() {
        assert_eq!(xml_safe("a\u{0}b\u{1F}c\td\u{FFFE}e\u{FFFF}"), "abc\tde");
        assert_eq!(xml_safe("研发R&D<2>"), "研发R&D<2>");
        assert_eq!(xml_safe("完成\u{202E}成完未\u{202C}。"), "完成成完未。");
    }
}
