//! Reading a clerk's Chinese rather than writing it: the rates typed into prose that the
//! consistency checks compare with the data, and the marks of a Chinese input method that the
//! syntax advice recognises.

/// 增长66.9% / 下降5% / 提高0.72个百分点 as typed in prose: the verb, the figure, the unit.
pub const CLAIM_PATTERN: &str =
    r"(增长|增加|提高|提升|上升|下降|降低|减少)了?\s*(\d+(?:\.\d+)?)\s*(%|%|个百分点)";

/// Verbs of a claim that say the figure fell.
pub const FALLING: &[&str] = &["下降", "降低", "减少"];

/// Where one clause of prose ends and the next begins.
pub const CLAUSE_ENDS: &[char] = &['。', ';', ';', '!', '!', '?', '?', '\n'];

/// Typographic quotes from a Chinese input method, which TOML does not read as quotes.
pub const CURLY_QUOTES: &[char] = &['“', '”', '‘', '’'];
/// The full-width equals sign of a Chinese input method.
pub const FULLWIDTH_EQUALS: char = '＝';
/// Punctuation a clerk may leave at the end of a TOML line.
pub const LINE_END_MARKS: &[char] = &[',', ';', ',', ';', '。'];
/// Brackets and spaces ignored when spreadsheet headers and names are compared.
pub const IGNORED_IN_NAMES: &[char] = &[' ', '(', ')', '(', ')'];
