//! The data file `zongjie init` writes: every section, commented in Chinese for the clerk who
//! fills it in.

use super::fill::FILL;
use crate::model::ReportKind;

/// The text of a new data file for `region` and `year`, naming `schema_file` in its first line.
///
/// `sections` is the document's outline as TOML (`[[sections]]` …): a city's own, from its
/// profile, or else the standard one (see [`sections`]).
pub fn data_file(
    kind: ReportKind,
    region: &str,
    year: i32,
    schema_file: &str,
    sections: Option<&str>,
) -> String {
    let standard = self::sections(kind, year);
    let sections = sections.unwrap_or(&standard);
    let half = kind == ReportKind::HalfYear;
    let (kind_word, date, title, period) = if half {
        (
            "half-year",
            format!("{year}-07-10"),
            format!("{year}年上半年工作总结和下半年工作思路"),
            "上半年",
        )
    } else {
        (
            "annual",
            format!("{year}-12-20"),
            format!("{year}年工作总结和{}年工作计划", year + 1),
            "全年",
        )
    };
    // The region is the clerk's argument: quoted and escaped where it is a TOML value, on one
    // line where it is a comment.
    let issuer = crate::safe::toml_string(&format!("{region}科学技术局"));
    let region_value = crate::safe::toml_string(region);
    let region_line = crate::safe::one_line(region);
    // Every figure carries the mark `check` looks for until it is filled in.
    let fill_current = super::fill::figure_of(year);
    let fill_previous = super::fill::figure_of(year - 1);
    let cutoff = if half {
        "cutoff_month = 6                # 数据截止月份：截至6月底填6，截至4月底填4\n"
    } else {
        ""
    };
    let targets = if half {
        "# target = 0                    # 全年目标（半年报按序时进度比较）"
    } else {
        "# target = 0                    # 今年目标\n# next_target = 0               # 明年目标（写入“总体目标”）"
    };
    format!(
        r#"#:schema ./{schema_file}
# {region_line}科学技术局 {title} —— 数据文件（由 zongjie init 生成）
#
# 填写方法：
#   1. 把下面的 0 换成实际数字，把“{FILL}”换成文字；不用的指标或段落整段删除即可。
#   2. 数字不加引号、不加千分位逗号（3752.12，不写 3,752.12）；文字放在英文双引号 "" 里。
#   3. 同比增长、完成率、百分点等比较由 zongjie 计算，不要手填；正文中可用
#      {{{{ind.指标键.summary}}}} 引用“数值+同比”，{{{{ind.指标键.value}}}} 只引用数值。
#   4. 运行 zongjie check 本文件 检查；运行 zongjie draft 本文件 生成 DOCX 初稿。

[report]
issuer = {issuer}    # 发文机关署名
region = {region_value}              # 地区名称，“全县/全市”由此得出
year = {year}                       # 报告年度
kind = "{kind_word}"   # annual 年度总结 / half-year 半年总结
date = {date}                # 成文日期（不加引号）
{cutoff}
[style]
# run_in = [2, 3]               # 与正文同段的标题级别：如“（一）加强党建引领。……”
# level3 = "1、"                # 三级标题编号："1."（默认）或 "1、"
# marker = "一是"               # 列举方式：一是、一要、第一、首先

# ---- 主要科技指标（{period}）:current 本期数值，previous 上年同期数值 ----

[indicators.rd_spend]
name = "全社会研发经费投入"
unit = "亿元"
current = 0{fill_current}
previous = 0{fill_previous}
{targets}

[indicators.rd_intensity]
name = "研发经费投入强度"
unit = "%"                       # 单位为 % 的指标按“百分点”比较
current = 0{fill_current}
previous = 0{fill_previous}

[indicators.hte]
name = "高新技术企业"
unit = "家"
current = 0{fill_current}
previous = 0{fill_previous}

[indicators.tech_sme]
name = "科技型中小企业入库数"
unit = "家"
current = 0{fill_current}
previous = 0{fill_previous}

[indicators.contract_value]
name = "技术合同成交额"
unit = "亿元"
current = 0{fill_current}
previous = 0{fill_previous}

# ---- 正文 ----

[opening]
text = "{FILL}开头段：指导思想、总体成效。现将有关情况报告如下："

{sections}"#,
    )
}

/// The standard outline as a clerk edits it: each part a `[[sections]]`, commented, in the
/// order of the standard outline.
pub fn sections(kind: ReportKind, year: i32) -> String {
    let half = kind == ReportKind::HalfYear;
    let (work, plan, targets, block) = if half {
        (
            "上半年工作情况".to_string(),
            "下半年工作思路".to_string(),
            "全年目标任务",
            "remaining",
        )
    } else {
        (
            format!("{year}年工作情况"),
            format!("{}年工作打算", year + 1),
            "总体目标",
            "goals",
        )
    };
    format!(
        r#"# ---- 文档结构：每个 [[sections]] 是一个一级标题（一、），其下 [[sections.sections]] 是
# 二级标题（（一）），再下一级是 1.、（1）。调整顺序、修改标题、增删部分均可，编号自动生成，
# 不要手写“一、”“（一）”。blocks 放入由数据计算的内容：indicators 指标综述，
# indicator_table 指标表，goals 总体目标，remaining 全年目标完成所需，outlook 中长期目标。

[[sections]]
title = "{work}"

[[sections.sections]]
title = "主要科技指标完成情况"
blocks = ["indicators", "indicator_table"]

[[sections.sections]]
title = "{FILL}第一项工作标题"
paragraphs = ["{FILL}工作内容和成效，可引用指标：全县研发经费投入{{{{ind.rd_spend.summary}}}}。"]

[[sections.sections]]
title = "{FILL}第二项工作标题"
points = [
  {{ title = "{FILL}要点一", text = "{FILL}具体做法和成效。" }},
  {{ title = "{FILL}要点二", text = "{FILL}具体做法和成效。" }},
]

[[sections]]
title = "存在的问题"
points = [
  {{ title = "{FILL}问题一", text = "{FILL}问题的具体表现。" }},
]

[[sections]]
title = "{plan}"

[[sections.sections]]
title = "{targets}"
blocks = ["{block}"]
goals = ["{FILL}不属于上述指标的目标，如力争引进科技人才20人"]

[[sections.sections]]
title = "工作任务"
lead = "{FILL}总体思路。"

[[sections.sections.sections]]
title = "{FILL}重点任务一"
points = [
  {{ title = "{FILL}措施一", text = "{FILL}具体安排。" }},
]
"#
    )
}
