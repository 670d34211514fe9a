//! The placeholders of a data file still to be filled in, as `init` and `next` write them.

/// Placeholder prose: bracketed so it stands out in the draft until replaced.
pub const FILL: &str = "（请在此填写）";
/// The placeholder's words without its brackets, to find it however it is bracketed.
pub const FILL_WORDS: &str = "请在此填写";

/// Marks the comment beside a figure still to be filled in (`current = 0   # 填写2025年数值`);
/// `zongjie import` drops the comment once it fills the figure.
pub const TO_FILL: &str = "# 填写";

/// The comment beside a figure of `year` still to be filled in.
pub fn figure_of(year: i32) -> String {
    format!("   {TO_FILL}{year}年数值")
}

/// The opening of next year's file.
pub fn opening(year: i32) -> String {
    format!("{FILL}开头段：{year}年工作的指导思想和总体成效。")
}

/// The sections `next` empties, each with the placeholder title it leaves.
pub const SECTIONS: [(&str, &str); 3] = [
    ("achievements", "工作标题"),
    ("highlights", "特色亮点"),
    ("problems", "问题"),
];

/// What the comment above an emptied outline calls it.
pub const OUTLINE: &str = "各部分内容（标题和结构已保留）";

/// What a point's placeholder title calls it.
pub const POINT: &str = "要点";

/// A placeholder title.
pub fn title(what: &str) -> String {
    format!("{FILL}{what}")
}

/// A placeholder paragraph.
pub fn content() -> String {
    format!("{FILL}具体内容。")
}

/// The comment above an emptied section.
pub fn cleared(year: i32, what: &str) -> String {
    format!("\n# 上一期的内容已清空：请填写{year}年的{what}。\n")
}

/// The plan's lead paragraph for `year`.
pub fn plan_intro(year: i32) -> String {
    format!("{FILL}{year}年工作思路。")
}

/// The comment above an outline taken from a city's profile.
pub fn profile_note(profile: &str) -> String {
    format!("# ---- 文档结构（按 {profile} 的统一格式；生成初稿时请加 --profile {profile}） ----")
}
