//! What zongjie tells a person when something is wrong with their input.
//!
//! Every problem becomes a [`Diagnostic`]: what is wrong, where (file, line, character column,
//! the key path inside the data), the source line with a caret under the spot, and how to fix
//! it. Columns count characters, not bytes: a clerk's file is mostly Chinese, where one
//! character is three UTF-8 bytes, and a byte column would point at the wrong place.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    /// What zongjie will do for the clerk (marks it makes full-width): never an error, not
    /// even with `--strict`.
    Note,
}

/// A place in a text file, resolved from a byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The source line, for display: around the problem only when the line is long, with
    /// `skipped` characters left out before it (see [`Location::window`]).
    pub line_text: String,
    /// How many characters of the line the problem covers (at least 1).
    pub width_chars: usize,
    /// Characters of the line left out before `line_text`.
    pub skipped: usize,
    /// Whether characters are left out after `line_text`.
    pub cut: bool,
}

impl Location {
    /// Resolves a byte span of `text` to a line and character column. Spans that fall outside
    /// the text or inside a character are clamped, never a panic.
    pub fn from_span(text: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let covered_end = end.min(line_end);
        let width_chars = text[start..covered_end].chars().count().max(1);
        Location::window(
            line,
            column,
            text[line_start..line_end].trim_end_matches('\r'),
            width_chars,
        )
    }

    /// A location on `line_text`, keeping of a long line only what is around the problem: a
    /// paragraph is one line of TOML, and a thousand findings on it must not hold it a
    /// thousand times.
    pub fn window(line: usize, column: usize, line_text: &str, width_chars: usize) -> Location {
        let chars: Vec<char> = line_text.chars().collect();
        let start = column.saturating_sub(1).min(chars.len());
        let end = (start + width_chars).min(chars.len());
        let from = start.saturating_sub(CONTEXT_CHARS);
        let to = end
            .min(start + CONTEXT_CHARS)
            .saturating_add(CONTEXT_CHARS)
            .min(chars.len());
        Location {
            line,
            column,
            line_text: chars[from..to].iter().collect(),
            width_chars,
            skipped: from,
            cut: to < chars.len(),
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The candidate most like `word` (Jaro–Winkler), for "did you mean" hints.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// One problem found in the user's input, templates or files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: Option<PathBuf>,
    pub location: Option<Location>,
    /// Dotted path of the data key concerned, e.g. `indicators.rd_spend.current`.
    pub key_path: Option<String>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            location: None,
            key_path: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    pub fn key(mut self, key_path: impl Into<String>) -> Self {
        self.key_path = Some(key_path.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same finding as an error (`--strict`).
    pub fn escalate(mut self) -> Self {
        if self.severity == Severity::Warning {
            self.severity = Severity::Error;
            self.help = Some(match self.help {
                Some(h) => format!("{h} (an error because of --strict)"),
                None => "an error because of --strict".into(),
            });
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How many characters of a source line a diagnostic shows on each side of what it marks.
const CONTEXT_CHARS: usize = 120;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        // Messages quote the data; an escape sequence in it must not reach the terminal.
        let shown = |text: &str| crate::safe::terminal(text).into_owned();
        writeln!(f, "{label}: {}", shown(&self.message))?;
        let mut place = String::new();
        if let Some(file) = &self.file {
            place.push_str(&shown(&file.display().to_string()));
            if let Some(loc) = &self.location {
                place.push_str(&format!(":{}:{}", loc.line, loc.column));
            }
        }
        if let Some(key) = &self.key_path {
            if place.is_empty() {
                place = format!("at key `{key}`");
            } else {
                place.push_str(&format!(" (key `{key}`)"));
            }
        }
        if !place.is_empty() {
            writeln!(f, "  --> {place}")?;
        }
        if let Some(loc) = &self.location {
            let gutter = loc.line.to_string();
            let pad = " ".repeat(gutter.len());
            // A long line is held as a window around the problem (Location::window).
            let chars: Vec<char> = loc.line_text.chars().collect();
            let start = (loc.column.saturating_sub(1))
                .saturating_sub(loc.skipped)
                .min(chars.len());
            let end = (start + loc.width_chars).min(chars.len());
            let lead = if loc.skipped > 0 { "…" } else { "" };
            let tail = if loc.cut { "…" } else { "" };
            let before: String = chars[..start].iter().collect();
            let covered: String = chars[start..end].iter().collect();
            let shown_line: String = chars.iter().collect();
            // Carets are placed by display width so they line up under wide CJK characters.
            let carets = "^".repeat(covered.width().max(1));
            writeln!(f, "{pad} |")?;
            writeln!(f, "{gutter} | {lead}{}{tail}", shown(&shown_line))?;
            writeln!(
                f,
                "{pad} | {}{carets}",
                " ".repeat(lead.width() + shown(&before).width())
            )?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {}", shown(help))?;
        }
        Ok(())
    }
}

/// A problem a stage found at a key path of the data (`indicators.rd.current`), not yet
/// placed in the file: stages after loading know the data, not its text, and the facade
/// locates every finding once ([`crate::load::Source::locate_finding`]), as typst gives
/// span-less errors their place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub key_path: String,
    /// The words inside the value the finding is about (a rate typed in prose), when it is
    /// not the whole value: the caret points at them.
    pub excerpt: Option<String>,
    pub message: String,
    pub help: Option<String>,
}

impl Finding {
    pub fn error(key_path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Error,
            key_path: key_path.into(),
            excerpt: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(key_path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(key_path, message)
        }
    }

    pub fn note(key_path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Note,
            ..Finding::error(key_path, message)
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// The finding is about these words of the value.
    pub fn about(mut self, excerpt: impl Into<String>) -> Finding {
        self.excerpt = Some(excerpt.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Everything that went wrong in one run; never empty of errors when returned as `Err`.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "[report]\nissuer = \"溆浦县科技局\"\nyear = \"二〇二四\"\n";
        let start = text.find("\"二").unwrap();
        let loc = Location::from_span(text, start..start + "\"二〇二四\"".len());
        assert_eq!(loc.line, 3);
        assert_eq!(loc.column, 8);
        assert_eq!(loc.width_chars, 6);
        let issuer = text.find("溆").unwrap();
        assert_eq!(Location::from_span(text, issuer..issuer + 3).column, 11);
    }

    #[test]
    fn spans_out_of_range_are_clamped() {
        let loc = Location::from_span("abc", 10..20);
        assert_eq!((loc.line, loc.column), (1, 4));
        let loc = Location::from_span("县科", 1..2);
        assert_eq!(loc.column, 1);
    }

    #[test]
    fn rendering_puts_the_caret_under_wide_characters() {
        let text = "name = \"研发\" x\n";
        let at = text.find('x').unwrap();
        let d = Diagnostic::error("unexpected x")
            .in_file(Path::new("a.toml"))
            .at(Some(Location::from_span(text, at..at + 1)))
            .help("remove it");
        let shown = d.to_string();
        assert!(shown.contains("a.toml:1:13"), "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        let source = lines.iter().position(|l| l.contains("研发")).unwrap();
        let caret_line = lines[source + 1];
        // "name = \"研发\" " is 14 columns wide on a terminal.
        let after_bar = caret_line.find("| ").unwrap() + 2;
        assert_eq!(caret_line.find('^').unwrap() - after_bar, 14, "{shown}");
    }
}
