//! Reading a published summary back (`zongjie adopt`): the words and shapes by which a
//! bureau's document shows its parts and states its figures, and by which a portal's page
//! shows what is not the report.

// ---- The portal page around the report ------------------------------------------------------

/// Words of a portal's page furniture: a line holding one (and no sentence) is not the report.
pub const PORTAL_MARKERS: &[&str] = &[
    "发布时间",
    "发布日期",
    "编稿时间",
    "浏览量",
    "浏览次数",
    "阅读次数",
    "阅读量",
    "点击数",
    "点击量",
    "访问量",
    "字号",
    "【打印】",
    "【关闭】",
    "打印本页",
    "关闭窗口",
    "分享到",
    "索引号",
    "信息来源",
    "责任编辑",
    "上一篇",
    "下一篇",
    "扫一扫",
    "当前位置",
    "您的位置",
    "【字体",
    "主题分类",
    "来源：",
    "来源:",
];

/// Lines that are only a page's buttons.
pub const PORTAL_BUTTONS: &[&str] = &[
    "打印",
    "关闭",
    "返回",
    "收藏",
    "分享",
    "返回顶部",
    "【大 中 小】",
    "大 中 小",
    "【打印】",
    "【关闭】",
];

/// Where a breadcrumb trail starts.
pub const BREADCRUMB_START: &str = "首页";

/// The page's date of publication, as `编稿时间: 2023-03-20 15:19`.
pub const PORTAL_DATE_PATTERN: &str =
    r"(?:发布时间|发布日期|编稿时间|日期)\s*[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})";

/// The page's source, as `来源: 市科技局`.
pub const PORTAL_SOURCE_PATTERN: &str =
    r"(?:信息来源|来源)\s*[:：]\s*([^\s:：]{2,30}?)(?:\s|浏览|阅读|点击|$)";

// ---- The document's parts -------------------------------------------------------------------

/// Words that make a short line a title: what kind of document it is.
pub const TITLE_WORDS: &[&str] = &[
    "总结", "计划", "思路", "打算", "要点", "报告", "汇报", "安排",
];

/// A heading of level 1: `一、`.
pub const LEVEL1_PATTERN: &str = r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$";
/// A heading of level 2: `（一）`.
pub const LEVEL2_PATTERN: &str =
    r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*(.*)$";
/// A heading of level 3: `1.` or `1、` (not a decimal such as 1.5亿元).
pub const LEVEL3_PATTERN: &str = r"^(\d{1,2})\s*([、.．])\s*(.*)$";
/// A heading of level 4: `（1）`.
pub const LEVEL4_PATTERN: &str = r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$";

/// Level-3 numbering with the enumeration comma (`1、`), as `[style] level3` names it.
pub const LEVEL3_COMMA_MARK: char = '、';

/// Where a run-in heading ends and its text begins.
pub const RUN_IN_END: char = '。';

/// The marks that end a sentence.
pub const SENTENCE_END_MARKS: &[char] = &['。', '！', '？', '!', '?'];

/// The mark that ends a lead-in before a list.
pub const LEAD_END_MARKS: &[char] = &['：', ':'];

/// An enumeration item: 一是 / 二要 / 第三， / 首先，.
pub const POINT_PATTERN: &str = r"^(?:([一二三四五六七八九十]{1,3})(是|要)|第([一二三四五六七八九十]{1,3})[，,、]|(首先|其次|再次|最后)[，,])";

/// The enumeration markers `[style] marker` knows, by the word after the numeral.
pub const POINT_MARKER_IS: &str = "一是";
pub const POINT_MARKER_MUST: &str = "一要";
pub const POINT_MARKER_ORDINAL: &str = "第一";
pub const POINT_MARKER_FIRST: &str = "首先";
/// The second item's word of each marker, to find an inline enumeration's items.
pub const POINT_WORD_IS: &str = "是";
pub const POINT_WORD_MUST: &str = "要";

/// 成文日期: `2024年12月20日`, in digits or Chinese numerals (二〇二四年十二月二十日).
pub const DATE_PATTERN: &str = r"^([0-9〇零一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*日$";

/// What an issuing body's name ends with.
pub const ISSUER_ENDS: &[&str] = &["局", "委员会", "委", "办公室", "厅", "中心", "院"];

/// A science and technology bureau named in running text: `溆浦县科技局`.
pub const BUREAU_PATTERN: &str = r"([\p{Han}]{1,12}?(?:科学技术局|科技局|科学技术和工业信息化局|科技和工业信息化局|工业和科技局|科学技术委员会|科技委))";

/// The bureau part of an issuer's name, dropped to leave the region: 溆浦县|科技局.
pub const BUREAU_SUFFIX_PATTERN: &str = r"(?:科学技术局|科技局|科学技术和工业信息化局|科技和工业信息化局|工业和科技局|科学技术委员会|科技委|局)$";

/// A year: `2024年`.
pub const YEAR_PATTERN: &str = r"(\d{4})\s*年";

/// Words that make a document (or its first part) a half-year one.
pub const HALF_YEAR_WORDS: &[&str] = &["上半年", "下半年", "半年"];

/// Digits of a date written in Chinese numerals.
pub fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or((c == '零').then_some(0))
}

/// A number of a date or heading in Chinese numerals up to 99: 十二 → 12, 二十 → 20.
pub fn chinese_number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => chinese_digit(*d),
        ['十', d] => Some(10 + chinese_digit(*d)?),
        [t, '十'] => Some(chinese_digit(*t)? * 10),
        [t, '十', d] => Some(chinese_digit(*t)? * 10 + chinese_digit(*d)?),
        _ => None,
    }
}

/// A year in Chinese numerals digit by digit (二〇二四) or in digits.
pub fn year_number(text: &str) -> Option<i32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    text.chars()
        .try_fold(0i32, |acc, c| Some(acc * 10 + chinese_digit(c)? as i32))
}

/// Titles of the parts a summary has, by what the part is.
pub const PROBLEM_WORDS: &[&str] = &[
    "存在的问题",
    "存在问题",
    "问题与不足",
    "困难和问题",
    "存在的不足",
    "短板",
];
pub const PLAN_WORDS: &[&str] = &[
    "工作打算",
    "工作计划",
    "工作思路",
    "工作重点",
    "工作安排",
    "工作要点",
    "谋划",
    "目标任务",
    "主要目标",
    "总体目标",
    "工作任务",
    "下半年",
];
/// A part that looks beyond next year (未来五年谋划).
pub const OUTLOOK_WORDS: &[&str] = &["未来五年", "中长期", "十四五", "十五五"];

/// The caption of an indicator table: `2024年主要科技指标完成情况表`.
pub const TABLE_CAPTION_WORDS: &[&str] = &["指标", "完成情况表"];
/// The header of an indicator table's first two columns.
pub const TABLE_NAME_HEADER: &str = "指标";
pub const TABLE_UNIT_HEADER: &str = "单位";
pub const TABLE_TARGET_HEADER: &str = "目标";
/// What a table cell holds when there is nothing to say.
pub const TABLE_EMPTY: &[&str] = &["—", "-", "－", "/", ""];

/// Marks inside a sentence: a line holding one is prose, not a title.
pub const CLAUSE_MARKS: &[char] = &['，', ',', '；', ';', '：', ':'];

/// The arrows between a breadcrumb trail's steps.
pub const BREADCRUMB_ARROWS: &[char] = &['>', '＞', '»', '›'];
