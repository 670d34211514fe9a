//! Reading a clerk's Chinese rather than writing it: the rates typed into prose that the
//! consistency checks compare with the data, and the marks of a Chinese input method that the
//! syntax advice recognises.

/// 增长66.9% / 下降5% / 提高0.72个百分点 as typed in prose: the verb, the figure, the unit.
pub const CLAIM_PATTERN: &str =
    r"(增长|增加|提高|提升|上升|下降|降低|减少)了?\s*(\d+(?:\.\d+)?)\s*(%|％|个百分点)";

/// Verbs of a claim that say the figure fell.
pub const FALLING: &[&str] = &["下降", "降低", "减少"];

/// Where one clause of prose ends and the next begins.
pub const CLAUSE_ENDS: &[char] = &['。', '；', ';', '！', '!', '？', '?', '\n'];

/// Typographic quotes from a Chinese input method, which TOML does not read as quotes.
pub const CURLY_QUOTES: &[char] = &['“', '”', '‘', '’'];
/// The full-width equals sign of a Chinese input method.
pub const FULLWIDTH_EQUALS: char = '＝';
/// Punctuation a clerk may leave at the end of a TOML line.
pub const LINE_END_MARKS: &[char] = &['，', '；', ',', ';', '。'];
/// Brackets and spaces ignored when spreadsheet headers and names are compared.
pub const IGNORED_IN_NAMES: &[char] = &[' ', '（', '）', '(', ')'];

/// A heading number typed by hand at the start of a title: (二) （二） 二、 1. 1、 （1） 第一、.
pub const HAND_NUMBER_PATTERN: &str = r"^\s*(?:[（(][一二三四五六七八九十百零〇\d]+[）)]|[一二三四五六七八九十百]+[、.．]|\d+[.．、](?:\D|$)|第[一二三四五六七八九十]+[、，,])";

/// An enumeration label typed by hand at the start of a point's title: 一是 二要 第三.
pub const HAND_LABEL_PATTERN: &str =
    r"^\s*(?:[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[、，,])";

/// The word a plan's targets open with; a list of targets says it once, at its head.
pub const STRIVE: &str = "力争";

/// A target as the clerk wrote it, without the 力争 the list already opens with.
pub fn without_strive(goal: &str) -> String {
    let goal = goal.trim_start();
    goal.strip_prefix(STRIVE).unwrap_or(goal).to_string()
}
