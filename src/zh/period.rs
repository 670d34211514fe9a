//! The words for a report's periods, its area and its date: 2024年上半年, 全县, 1-6月,
//! 2024年12月20日, and the area a ranking is made in.

use crate::measure::ReportFacts;
use crate::measure::decimal::fixed;

/// 2024 → 2024年.
pub fn year(year: i32) -> String {
    format!("{year}年")
}

/// 成文日期 in Arabic numerals without leading zeros (GB/T 9704 §7.3.5.4): 2024年12月20日.
pub fn date(r: &ReportFacts) -> String {
    r.date
        .map(|(y, m, d)| format!("{y}年{m}月{d}日"))
        .unwrap_or_default()
}

/// 溆浦县 → 全县, 岳阳市 → 全市, 某某区 → 全区: how a bureau names its whole area.
pub fn scope(region: &str) -> String {
    match region.chars().last() {
        Some(c @ ('县' | '市' | '区' | '旗' | '省')) => format!("全{c}"),
        _ => format!("全{region}"),
    }
}

/// The last character of an area's name that says its level (怀化市, 湖南省, 湘西州): without
/// it, 怀化 and 怀化市 are one area.
pub const AREA_LEVELS: [char; 4] = ['市', '省', '州', '盟'];

/// The area a ranking is made in, from the superior the ranked regions report to: the city
/// by name (居怀化市第三位: 全市 would be misread in a county-level city's document), 全省 for
/// a province, nothing when none is named.
pub fn rank_scope(within: Option<&str>) -> String {
    match within.map(str::trim) {
        Some(p) if p.ends_with('省') => "全省".into(),
        Some(city) => city.to_string(),
        None => String::new(),
    }
}

/// How a sentence names the report's own area: 全县, 全区, 全市; but a city's own name when
/// another city is named in the same sentence (a county-level city ranked in its prefecture:
/// 洪江市……居怀化市第二位, not 全市……居全市第二位).
pub fn sentence_scope(region: &str, names_another_city: bool) -> String {
    if names_another_city && region.trim().ends_with('市') {
        region.trim().to_string()
    } else {
        scope(region)
    }
}

/// The period the report sums up, for its title: 2024年 / 2024年上半年.
pub fn period_name(r: &ReportFacts) -> String {
    if r.half_year() {
        format!("{}年上半年", r.year)
    } else {
        year(r.year)
    }
}

/// The same for headings inside the report: 2024年 / 上半年.
pub fn work_period(r: &ReportFacts) -> String {
    if r.half_year() {
        "上半年".into()
    } else {
        year(r.year)
    }
}

/// The period the plan is for: 2025年 / 下半年.
pub fn plan_period(r: &ReportFacts) -> String {
    if r.half_year() {
        "下半年".into()
    } else {
        year(r.year + 1)
    }
}

/// The months the figures cover, for sentences: 2024年 / 2024年上半年 / 2024年1-4月.
pub fn figures_period(r: &ReportFacts) -> String {
    match (r.half_year(), r.months) {
        (_, 12) => year(r.year),
        (true, 6) => format!("{}年上半年", r.year),
        _ => format!("{}年{}", r.year, span(r)),
    }
}

/// The months as a suffix for table headers: empty for a whole year, 1-6月, 1-4月.
pub fn span(r: &ReportFacts) -> String {
    if r.months < 12 {
        format!("1-{}月", r.months)
    } else {
        String::new()
    }
}

/// An indicator's own period as a sentence opens with it: 1-11月 → 截至11月底; 2021年度,
/// 前三季度 as written.
pub fn own(period: &str) -> String {
    let p = period.trim();
    let months = p
        .strip_prefix("1-")
        .or_else(|| p.strip_prefix("1—"))
        .or_else(|| p.strip_prefix("1～"))
        .and_then(|rest| rest.strip_suffix('月'))
        .and_then(|m| m.parse::<u32>().ok());
    match months {
        Some(m) => format!("截至{m}月底"),
        None => p.to_string(),
    }
}

/// Share of the year elapsed, for part-year reports: 50.0%.
pub fn time_progress(r: &ReportFacts) -> Option<String> {
    r.time_progress
        .map(|t| format!("{}%", fixed(t, r.percent_places)))
}
