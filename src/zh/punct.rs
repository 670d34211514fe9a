//! Punctuation zongjie writes between the words it chooses, and the marks it recognises at the
//! end of a clerk's list items.

/// Joins clauses within one sentence (4.54亿元,同比增长66.9%).
pub const CLAUSE: &str = ",";
/// Joins the items of a list or the parts of an enumeration within a sentence.
pub const ITEMS: &str = ";";
/// Joins the names of a series (企业、高校).
pub const LIST: &str = "、";
/// Ends a sentence.
pub const STOP: &str = "。";

/// Punctuation a list item may end with; the enumeration supplies its own.
pub const ITEM_END: &[char] = &['。', ';', ';', ',', ',', '.', ' '];

/// Marks that end a sentence.
const SENTENCE_ENDS: &[char] = &['。', '?', '!', '?', '!', ':', ':', '…'];

/// `text` as a sentence: with a full stop at its end unless it already ends one (a run-in
/// heading, the title of an enumerated point).
pub fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.is_empty() || text.ends_with(SENTENCE_ENDS) {
        text.to_string()
    } else {
        format!("{text}{STOP}")
    }
}
