//! All Chinese wording has one home, `src/zh/`: this test fails on a Chinese string or
//! character literal anywhere else in `src/`, outside comments and tests.
//!
//! Templates (`templates/`) and the catalogue (`catalogue/`) are data and may hold Chinese;
//! so may doc comments and test code. The one exception in code is the list of typefaces,
//! whose names (仿宋, 黑体…) are identifiers Word and WPS look fonts up by, not wording.

use std::path::{Path, PathBuf};

/// Files whose Chinese literals are not wording, with why.
const EXCEPTIONS: &[(&str, &str)] = &[(
    "src/layout/fonts.rs",
    "typeface names are the keys Word and WPS look fonts up by",
)];

/// Characters that mark Chinese text: ideographs, CJK punctuation, full-width forms and the
/// curly quotes Chinese text uses.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{201C}' | '\u{201D}')
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The literals of Rust source outside comments and attributes, with their line numbers.
/// Attributes hold help text (clap's `after_help`, `default_value`), which is documentation
/// like a doc comment. Code after the first `#[cfg(test)]` is test code (zongjie keeps its
/// unit tests at the end of a file).
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = match source.find("#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '#' && (next == Some('[') || next == Some('!')) {
            // An attribute: skip to its closing bracket, strings inside included.
            let mut depth = 0;
            let mut in_string = false;
            while i < chars.len() {
                match chars[i] {
                    '\n' => line += 1,
                    '\\' if in_string => i += 1,
                    '"' => in_string = !in_string,
                    '[' if !in_string => depth += 1,
                    ']' if !in_string => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            let start = line;
            let mut text = String::new();
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                text.push(chars[j]);
                j += 1;
            }
            out.push((start, text));
            i = j;
        } else if c == '"' {
            let start = line;
            let mut text = String::new();
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    text.push(chars[j]);
                    j += 1;
                }
                if chars.get(j) == Some(&'\n') {
                    line += 1;
                }
                if let Some(&ch) = chars.get(j) {
                    text.push(ch);
                }
                j += 1;
            }
            out.push((start, text));
            i = j + 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}'), not a lifetime ('a).
            let close = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&k| chars[k] == '\'')
            } else {
                (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            match close {
                Some(end) => {
                    out.push((line, chars[i + 1..end].iter().collect()));
                    i = end + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

#[test]
fn chinese_literals_live_only_in_zh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut offenders = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let exempt = relative.starts_with("src/zh/")
            || relative.ends_with("/tests.rs")
            || EXCEPTIONS.iter().any(|(f, _)| *f == relative);
        if exempt {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, text) in literals(&source) {
            if text.chars().any(is_chinese) {
                offenders.push(format!("{relative}:{line}: {text:?}"));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "Chinese wording outside src/zh/ (move it there):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_scanner_finds_literals_and_skips_comments_and_tests() {
    let source = "// 注释 \"不算\"\nlet a = \"增长\"; let b = r#\"下降\"#; let c = '、';\n/* \"块\" */ let d: &'static str = \"x\";\n#[arg(default_value = \"某县 [x]\")]\nlet f = 1;\n#[cfg(test)]\nlet e = \"测试\";\n";
    let found: Vec<(usize, String)> = literals(source);
    let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["增长", "下降", "、", "x"]);
    assert_eq!(found[0].0, 2);
}
