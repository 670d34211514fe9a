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
    if text.chars().all(is_xml_char) {
        text.into()
    } else {
        text.chars()
            .filter(|&c| is_xml_char(c))
            .collect::<String>()
            .into()
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
    }
}
