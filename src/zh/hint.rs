//! The Chinese words and examples inside zongjie's advice to a clerk (the advice itself is in
//! English, next to the check that gives it).

/// The document's date, as the clerk knows it.
pub const DOCUMENT_DATE: &str = "成文日期";
/// How a bureau says its figures stop at the end of April.
pub const CUTOFF_EXAMPLE: &str = "截至4月底";
/// What a change inside the tolerance reads.
pub const STEADY: &str = "基本持平";
/// Two units of one family.
pub const ONE_FAMILY: &str = "万元 and 亿元";
/// A ratio's name, for the example of a ratio definition.
pub const RATIO_NAME: &str = "研发经费投入强度";
/// The unit the magnitude check has in mind.
pub const LARGEST_UNIT: &str = "亿元";
/// The catch-all sub-item a clerk may add.
pub const OTHER_PART: &str = "其他";
/// A city a county names as its superior.
pub const CITY_EXAMPLE: &str = "怀化市";
/// How WPS and Notepad save a file as UTF-8.
pub const SAVE_AS_UTF8: &str = "WPS / Notepad: 另存为 → 编码 UTF-8";
/// The curly quotes and full-width equals sign, as shown in advice.
pub const CURLY_QUOTES_SHOWN: &str = "“ ”";
pub const FULLWIDTH_EQUALS_SHOWN: &str = "＝";
/// The four heading numbers of GB/T 9704.
pub const FOUR_LEVELS: &str = "一、（一）1.（1）";
/// The full-width marks a clerk types with a Chinese input method.
pub const FULL_WIDTH_MARKS: &str = "，；：（）？！";
