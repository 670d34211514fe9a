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
/// Who states a county's figures.
pub const SOURCE_EXAMPLE: &str = "县统计局";
/// A group of like regions a rank is made in.
pub const PEER_GROUP_EXAMPLE: &str = "同类县市";
/// How a figure is stated approximately.
pub const APPROX_EXAMPLE: &str = "多";
/// A count's change, whole.
pub const WHOLE_CHANGE: &str = "增加8家";
/// What two significant digits keep of a figure stated approximately.
pub const APPROX_DIGITS_EXAMPLE: &str = "2634 → 2600多";
/// The other marks of an approximate figure.
pub const OTHER_APPROX_MARKS: &str = "余, 约, 近";
/// How a planned growth of 10 reads.
pub const PLANNED_GROWTH_EXAMPLE: &str = "增长10%以上";
/// How Word and WPS save a document as .docx.
pub const SAVE_AS_DOCX: &str = "另存为 → Word 文档 (*.docx)";
/// A document skipping a heading level.
pub const SKIPPED_LEVEL: &str = "一、 then 1、";
