//! Names from data files made safe for where they go: a file name, an outline line, a CSV
//! cell, a TOML string, a terminal.
//!
//! A city runs zongjie on files twelve counties sent it. A region, a city or an indicator's
//! name is whatever a county typed, and each place it reaches reads some characters as
//! instructions: `/` and `..` in a path, a line break before `::signature` in the outline
//! markup, a leading `=` in a spreadsheet cell, an escape sequence in a terminal. Every such
//! name passes through one function here on its way, so a new command cannot forget one.

use std::borrow::Cow;

/// The most bytes a file name part built from data may take: with a year, a suffix and an
/// extension it stays under the 255 bytes file systems allow.
pub const MAX_NAME_BYTES: usize = 120;

/// Characters that reorder or hide text (bidi overrides and isolates, zero-width marks):
/// in a file name they make `文件gpj.docx` look like `文件xcod.jpg`.
pub fn is_invisible_or_bidi(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' | '\u{061C}')
}

/// One component of a path: no separators, no `..`, no control, bidi or zero-width
/// characters, none of Windows' reserved marks, no leading or trailing dots or spaces, at
/// most [`MAX_NAME_BYTES`] bytes (cut at a character boundary); `fallback` when nothing is
/// left.
pub fn file_component(name: &str, fallback: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|&c| !c.is_control() && !is_invisible_or_bidi(c) && !r#"/\:*?"<>|"#.contains(c))
        .collect();
    let kept = kept.replace("..", "");
    let kept = kept.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let mut out = String::new();
    for c in kept.chars() {
        if out.len() + c.len_utf8() > MAX_NAME_BYTES {
            break;
        }
        out.push(c);
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// A name as sets compare it: composed (NFC: é typed as e and a combining accent is é),
/// without invisible or bidi characters, without surrounding spaces (full-width ones too).
/// 怀化市, "怀化市 " and 怀化市 with a zero-width space are one city.
pub fn same_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfc()
        .filter(|&c| !is_invisible_or_bidi(c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether `c` ends a line anywhere text is read as lines.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Text for one line of the outline markup: a line break becomes a space, so a name can never
/// start a heading or a `::signature` line of its own.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_line_break) {
        Cow::Owned(
            text.chars()
                .map(|c| if is_line_break(c) { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV cell Excel and WPS will not run as a formula (OWASP: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`). A number stays a number:
/// `-3.5` is a figure, not a formula.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && text.parse::<f64>().is_err() {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Text for a terminal: escape sequences and other control characters shown as `\u{…}`, so
/// that data cannot move the cursor, recolour the screen or retitle the window.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if text
        .chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible_or_bidi(c))
    {
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if (c.is_control() && c != '\n' && c != '\t') || is_invisible_or_bidi(c) {
                        format!("\\u{{{:04X}}}", c as u32)
                    } else {
                        c.to_string()
                    }
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// A TOML basic string, quoted and escaped, for a file zongjie writes (`init`).
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_component_never_leaves_its_folder() {
        for hostile in [
            "../../x",
            "/some/where/x",
            "..\\..\\x",
            "a/../../b",
            "C:\\x",
            "..",
            ".",
            "",
            " ",
        ] {
            let safe = file_component(hostile, "draft");
            assert!(
                !safe.contains('/') && !safe.contains('\\'),
                "{hostile} → {safe}"
            );
            assert!(!safe.contains(".."), "{hostile} → {safe}");
            assert!(!safe.is_empty() && safe != ".", "{hostile} → {safe}");
        }
        assert_eq!(file_component("溆浦县", "draft"), "溆浦县");
        assert_eq!(file_component("", "draft"), "draft");
        // Bidi overrides cannot disguise an extension; control characters go.
        assert_eq!(file_component("a\u{202E}xcod.exe", "d"), "axcod.exe");
        assert_eq!(file_component("a\nb\u{7}", "d"), "ab");
        // Long names are cut at a character boundary, under the byte limit.
        let long = file_component(&"县".repeat(200), "d");
        assert!(long.len() <= MAX_NAME_BYTES && long.chars().all(|c| c == '县'));
    }

    #[test]
    fn names_compare_as_a_reader_sees_them() {
        assert_eq!(same_name("怀化市 "), "怀化市");
        assert_eq!(same_name("怀化市\u{3000}"), "怀化市");
        assert_eq!(same_name("怀化\u{200B}市"), "怀化市");
        assert_eq!(same_name("Cafe\u{301}县"), same_name("Café县"));
    }

    #[test]
    fn one_line_removes_every_line_break() {
        assert_eq!(one_line("某县\n::signature 假"), "某县 ::signature 假");
        assert_eq!(one_line("a\u{2028}b\rc"), "a b c");
        assert!(matches!(one_line("无换行"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("+1+1"), "'+1+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("-3.5"), "-3.5");
        assert_eq!(csv_cell("溆浦县"), "溆浦县");
    }

    #[test]
    fn terminals_see_escapes_as_text() {
        assert_eq!(terminal("a\u{1b}[2Jb"), "a\\u{001B}[2Jb");
        assert_eq!(terminal("行\n二"), "行\n二");
        assert_eq!(terminal("x\u{202E}y"), "x\\u{202E}y");
    }

    #[test]
    fn toml_strings_are_quoted_and_escaped() {
        assert_eq!(toml_string("a\"b"), "\"a\\\"b\"");
        assert_eq!(toml_string("某县"), "\"某县\"");
        let parsed: toml::Table =
            toml::from_str(&format!("x = {}", toml_string("a\"b\n"))).unwrap();
        assert_eq!(parsed["x"].as_str(), Some("a\"b\n"));
    }
}
