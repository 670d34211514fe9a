//! Labels: the captions, column heads and notes of the tables zongjie prints, and the words in
//! the names of the files it writes.

/// The default caption of a report's indicator table.
pub const INDICATOR_TABLE: &str = "主要指标完成情况表";

/// The column heads of the indicator table, for a report of `year` whose figures cover `span`
/// (empty for a whole year, 1-6月 for part of one).
pub fn indicator_header(year: i32, span: &str, part_year: bool) -> Vec<String> {
    vec![
        "指标".into(),
        "单位".into(),
        format!("{year}年{span}"),
        format!("{}年{span}", year - 1),
        "同比".into(),
        if part_year { "全年目标" } else { "目标" }.into(),
        "完成情况".into(),
    ]
}

/// The 数据核对表: its caption, column heads and closing note.
pub const AUDIT_TABLE: &str = "数据核对表";
pub const AUDIT_HEADER: [&str; 6] = ["指标", "表述", "公式", "输入", "精确值", "取值"];
pub fn audit_note(figures: usize) -> String {
    format!("注：共{figures}项计算，均由zongjie按数据文件计算，四舍五入。")
}

/// The roll-up of a city's counties.
pub fn rollup_title(city: &str, year: i32) -> Vec<String> {
    vec![
        format!("{city}各县市区主要科技指标汇总表"),
        format!("（{year}年）"),
    ]
}
pub const ROLLUP_HEADER: [&str; 6] = ["指标（单位）", "县市区", "本年", "上年", "同比", "排名"];
pub const ROLLUP_CSV_HEADER: [&str; 8] = [
    "指标",
    "单位",
    "县市区",
    "本年",
    "上年",
    "同比",
    "排名",
    "参评数",
];
/// The line of the counties' sum.
pub const TOTAL: &str = "合计";
/// The line of the city's own figure.
pub const CITY_STATED: &str = "市级填报";
/// The city's figure against the total: the difference, or agreement.
pub fn differs_from_total(difference: &str) -> String {
    format!("与合计差{difference}")
}
pub const AGREES_WITH_TOTAL: &str = "与合计一致";
/// An indicator's name in a table, with its own period when it has one:
/// 全社会研发经费投入（2021年度）.
pub fn with_period(name: &str, period: Option<&str>) -> String {
    match period {
        Some(p) => qualified(name, p),
        None => name.to_string(),
    }
}

/// A name with what narrows it in brackets: 全社会研发经费投入（2021年度）, …（亿元）, …（企业）.
pub fn qualified(name: &str, qualifier: &str) -> String {
    format!("{name}（{qualifier}）")
}

/// The word a sentence uses for an indicator that has no `label`: a count's name without
/// its closing 数, since the figure's unit counts already (高新技术企业数 → 高新技术企业57家,
/// 技术合同登记数 → 技术合同登记15项); any other name as it stands.
pub fn sentence_label(name: &str, counts: bool) -> String {
    match name.strip_suffix('数') {
        Some(stem) if counts && stem.chars().count() >= 3 => stem.to_string(),
        _ => name.to_string(),
    }
}

/// An indicator with its unit, as the first column of the roll-up names it.
pub fn with_unit(name: &str, unit: &str) -> String {
    qualified(name, unit)
}
pub fn rollup_note(mismatches: usize) -> String {
    if mismatches == 0 {
        "注：合计为各县市区数据之和，排名为各县市区间排名（并列同名次）；市级填报数均与合计一致。"
            .into()
    } else {
        format!(
            "注：合计为各县市区数据之和，排名为各县市区间排名（并列同名次）；有{mismatches}项市级填报数与合计不符，已在“同比”栏标出差额。"
        )
    }
}

/// The suffix of a half-year draft's file name: 溆浦县-2025-上半年.docx.
pub const HALF_YEAR_SUFFIX: &str = "-上半年";
/// The stem of a roll-up's files: 怀化市-2024-汇总.
pub fn rollup_stem(city: &str, year: i32) -> String {
    format!("{city}-{year}-汇总")
}

/// The name of the `i`th synthetic county of the benchmark.
pub fn synthetic_region(i: usize) -> String {
    format!("试点{:04}县", i + 1)
}

/// Spreadsheet column heads `zongjie import` recognises, lower-cased and without brackets
/// or spaces, beside the English ones.
pub mod sheet {
    pub const KEY: &[&str] = &["键", "指标键", "代码"];
    pub const NAME: &[&str] = &["指标", "指标名称", "名称", "项目"];
    pub const UNIT: &[&str] = &["单位", "计量单位"];
    pub const CURRENT: &[&str] = &[
        "本年",
        "本期",
        "今年",
        "本年度",
        "本期数",
        "完成",
        "实际完成",
    ];
    pub const PREVIOUS: &[&str] = &["上年", "去年", "上年同期", "上期", "上年度"];
    pub const TARGET: &[&str] = &["目标", "本年目标", "全年目标", "目标任务"];
    pub const NEXT_TARGET: &[&str] = &["明年目标", "下年目标"];

    /// A year column (2024年, 2024年数) as its year.
    pub fn year_of(header: &str) -> Option<i32> {
        header
            .trim_end_matches("年")
            .trim_end_matches("数")
            .trim_end_matches("年")
            .parse()
            .ok()
    }

    /// The target column of a given year: 2025年目标.
    pub fn target_of(year: i32) -> String {
        format!("{year}年目标")
    }

    /// A header row to suggest when none is found.
    pub fn example(year: i32) -> String {
        format!("指标名称 | 单位 | {year}年 | {}年 | 目标", year - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_is_said_without_its_closing_number_word() {
        assert_eq!(sentence_label("高新技术企业数", true), "高新技术企业");
        assert_eq!(sentence_label("技术合同登记数", true), "技术合同登记");
        // An amount keeps its name; so does a name too short to lose a character.
        assert_eq!(sentence_label("研发经费投入", false), "研发经费投入");
        assert_eq!(sentence_label("指数", true), "指数");
        assert_eq!(sentence_label("人口数", false), "人口数");
    }
}
