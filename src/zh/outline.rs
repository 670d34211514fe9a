//! The headings of the standard outline, used when a data file gives no `[[sections]]` of its
//! own: 一、2024年工作情况 / 二、2024年特色亮点工作 / 三、存在的问题 / 四、2025年工作打算.

use super::period;
use crate::measure::ReportFacts;

/// 2024年工作情况 / 上半年工作情况.
pub fn work(r: &ReportFacts) -> String {
    format!("{}工作情况", period::work_period(r))
}

/// The part of 工作情况 that holds the indicator paragraph and table.
pub const KEY_INDICATORS: &str = "主要科技指标完成情况";

/// 2024年特色亮点工作.
pub fn highlights(r: &ReportFacts) -> String {
    format!("{}特色亮点工作", period::work_period(r))
}

pub const PROBLEMS: &str = "存在的问题";

/// 2025年工作打算 / 下半年工作思路.
pub fn plan(r: &ReportFacts) -> String {
    let word = if r.half_year() {
        "工作思路"
    } else {
        "工作打算"
    };
    format!("{}{word}", period::plan_period(r))
}

/// The plan's targets: 总体目标 for a year ahead, 全年目标任务 for the second half.
pub fn targets(r: &ReportFacts) -> &'static str {
    if r.half_year() {
        "全年目标任务"
    } else {
        "总体目标"
    }
}

pub const TASKS: &str = "工作任务";

pub const OUTLOOK: &str = "中长期发展目标";
