//! The words `adopt` writes into the data file it makes: its comments for the clerk.

/// Marks a place the clerk should check, in a `#` comment.
pub const CHECK: &str = "待核";

pub fn header(source: &str) -> String {
    format!("由 zongjie adopt 从《{source}》生成。标有“{CHECK}”的地方请核对后删去该注释。")
}

pub fn guessed_issuer(from: &str) -> String {
    format!("{CHECK}：发文机关取自{from}，请写全称")
}

pub const FROM_TITLE: &str = "标题";
pub const FROM_PORTAL: &str = "网页来源";
pub const FROM_OPENING: &str = "开头段";
pub const NOT_FOUND: &str = "（未找到）";

pub fn guessed_date() -> String {
    format!("{CHECK}：原文未注成文日期，此处暂填统计期末")
}

pub fn portal_date() -> String {
    format!("{CHECK}：成文日期取自网页发布时间")
}

pub fn approximate(text: &str) -> String {
    format!("{CHECK}：原文为约数“{text}”，请填写准确数")
}

pub fn completion_only(text: &str) -> String {
    format!("{CHECK}：原文“{text}”未给出目标数，请填写 target")
}

pub fn derived_previous(text: &str) -> String {
    format!("上年数由原文“{text}”推算")
}

pub fn stated_growth(text: &str) -> String {
    format!("原文“{text}”，上年数未给出")
}

pub fn dropped_table() -> String {
    format!("{CHECK}：此处原有表格，未转为数据，请手工补入")
}

pub fn numbering(note: &str) -> String {
    format!("{CHECK}：{note}")
}

/// An indicator's own period when the statistics are the year before's: 2023年度.
pub fn year_period(year: i32) -> String {
    format!("{year}年度")
}

pub fn rounded(stated: &str, computed: &str) -> String {
    format!("{CHECK}：原表为“{stated}”，按表中数计算为“{computed}”，表中数系约数，请填写准确数")
}
