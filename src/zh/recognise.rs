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
/// A table's column of this period's and last period's figures, when not headed by the year.
pub const TABLE_CURRENT_HEADERS: &[&str] = &["本年", "本期", "完成值", "完成数", "本年完成"];
pub const TABLE_PREVIOUS_HEADERS: &[&str] = &["上年", "上期", "上年同期", "去年同期"];
/// A table's growth column: its rates show how many decimals the bureau gives them.
pub const TABLE_GROWTH_HEADERS: &[&str] = &["同比", "增幅", "增速", "同比增长"];
/// A row's name with its own period in brackets: 全社会研发经费投入（2021年度）.
pub const NAME_WITH_PERIOD_PATTERN: &str = r"^(.+?)[（(]([^（）()]*(?:年度|月|季度|半年))[）)]$";
/// The character after a year's digits: 2024年.
pub const YEAR_MARK: &str = "年";
/// What a table cell holds when there is nothing to say.
pub const TABLE_EMPTY: &[&str] = &["—", "-", "－", "/", ""];

/// Marks inside a sentence: a line holding one is prose, not a title.
pub const CLAUSE_MARKS: &[char] = &['，', ',', '；', ';', '：', ':'];

/// The arrows between a breadcrumb trail's steps.
pub const BREADCRUMB_ARROWS: &[char] = &['>', '＞', '»', '›'];

// ---- Figures and their comparisons ----------------------------------------------------------

/// A figure as stated: an optional 约/近, the digits, an optional 万/亿 and 多/余, the unit.
/// Units are tried longest first.
pub const FIGURE_PATTERN: &str = r"(约|近)?(\d+(?:\.\d+)?)(万|亿)?(多|余)?\s*(个百分点|万人次|百万元|人次|场次|亿元|万元|千元|万人|万亩|万吨|元|家|项|件|人|名|个|篇|次|册|场|笔|块|所|台|套|户|条|亩|吨|批|座|支|倍|%|％)";

/// Where one clause of a sentence ends and the next begins, for finding a figure's subject.
pub const CLAUSE_BREAKS: &[char] = &[
    '，', ',', '；', ';', '。', '：', ':', '、', '！', '？', '!', '?',
];
/// Where a sentence ends: comparisons belong to a figure of the same sentence.
pub const SENTENCE_BREAKS: &[char] = &['。', '；', ';', '！', '？', '!', '?'];

/// The percent sign in either width.
pub const PERCENT_SIGNS: &[&str] = &["%", "％"];
/// A ratio's change.
pub const POINTS_UNIT: &str = "个百分点";

/// Words before a rate that say it is a rise (增长66.9%) or a fall (下降5%); 了 may follow.
pub const RISE_WORDS: &[&str] = &[
    "增长",
    "增速",
    "增幅",
    "上升",
    "提高",
    "提升",
    "增加",
    "增长了",
    "提高了",
    "提升了",
    "增加了",
    "上涨",
];
pub const FALL_WORDS: &[&str] = &["下降", "降低", "减少", "回落", "下降了", "降低了", "减少了"];
/// Words before a count's or an amount's change: 增加11家, 减少2家.
pub const MORE_WORDS: &[&str] = &["增加", "新增", "净增", "多", "增加了"];
pub const LESS_WORDS: &[&str] = &["减少", "少", "减少了"];
/// Words that make a change a comparison with last year rather than a figure of its own.
pub const LAST_YEAR_WORDS: &[&str] = &[
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "比上年同期",
    "较上年同期",
    "与上年相比",
    "上年同期",
    "上年",
    "去年",
];
/// Words before a completion rate: 完成目标任务的108.1%.
pub const COMPLETION_WORDS: &[&str] = &[
    "完成目标任务的",
    "完成年度目标任务的",
    "完成年度目标的",
    "完成全年目标的",
    "完成全年目标任务的",
    "完成目标的",
    "完成任务的",
    "完成年度任务的",
    "目标完成率",
    "完成率为",
    "完成率",
];
/// Words before a target: 目标任务55家, 任务数35家.
pub const TARGET_WORDS: &[&str] = &[
    "目标任务",
    "年度目标",
    "全年目标",
    "任务数",
    "目标数",
    "目标为",
    "目标",
];
/// The opening of a change from one value to another: 由(上年的)2.72亿元增加到4.54亿元.
pub const FROM_WORDS: &[&str] = &[
    "由原先的",
    "由原来的",
    "由上年的",
    "由去年的",
    "由上年",
    "由去年",
    "由",
    "从",
];
/// The words between a from-value and the value it rose or fell to.
pub const TO_WORDS: &[&str] = &[
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "提升至",
    "提升到",
    "提高到",
    "提高至",
    "上升到",
    "上升至",
    "升至",
    "增至",
    "下降到",
    "下降至",
    "降至",
    "减少到",
    "减少至",
];
/// A clause with 分别 pairs several figures with several subjects: left as text.
pub const RESPECTIVELY: &str = "分别";

/// A rank: 排名怀化第九, 居全市第四位, 全省排第三, 排A类地区第二名.
pub const RANK_PATTERN: &str =
    r"(?:排名|位居|位列|排|居|列)([^，,。；;第]{0,12}?)第([一二三四五六七八九十\d]{1,3})(?:位|名)?";
/// Areas a rank is made in, when named before the verb (全省绝对值排第三).
pub const RANK_SCOPES: &[&str] = &["全国", "全省", "全市", "全州", "全区"];
/// Words of a rank that mean the figure itself, not one compared with it: 绝对值排第三.
pub const RANK_OF_VALUE: &[&str] = &["绝对值", "总量", "总额"];

/// Time said before a subject, dropped from it (the year is kept apart).
pub const SUBJECT_TIME_PATTERN: &str = r"^(?:截至目前|截止目前|截至\d{1,2}月底|截至\d{1,2}月末|截至|截止|目前|今年以来|今年|全年|上半年|下半年|前三季度|一季度|\d{4}年度?|\d{4}|\d{1,2}\s*[-—~至]\s*\d{1,2}月份?|\d{1,2}月份?|年度)";
/// An own period stated before a figure: 1-4月, 前三季度.
pub const OWN_PERIOD_PATTERN: &str = r"(\d{1,2}\s*[-—~至]\s*\d{1,2}月|前三季度|一季度|上半年)";
/// Where the figures are, said before a subject and dropped from it.
pub const SUBJECT_SCOPES: &[&str] = &[
    "全县域",
    "全县",
    "全市",
    "全区",
    "全省",
    "全州",
    "我县",
    "我市",
    "我区",
    "我州",
    "县域",
    "本县",
    "本市",
    "市本级",
    "县本级",
];
/// Words before a subject that say nothing of what it is.
pub const SUBJECT_FILLERS: &[&str] = &[
    "力争", "确保", "争取", "入库", "实际", "共计", "累计", "共", "已经", "已", "预计", "其中",
    "合计", "总计", "拥有", "实现", "完成", "成功", "全面", "为",
];
/// Verbs between a subject and its figure: 达到, 认定, 为.
pub const SUBJECT_VERBS: &[&str] = &[
    "有望达到",
    "首次突破",
    "首次达到",
    "总量达到",
    "总数达到",
    "累计达到",
    "已达到",
    "达到了",
    "提升至",
    "提高至",
    "提高到",
    "提升到",
    "增长至",
    "增加到",
    "增加至",
    "突破了",
    "达到",
    "增至",
    "升至",
    "突破",
    "超过",
    "已达",
    "总计",
    "合计",
    "共计",
    "累计",
    "保持",
    "实现",
    "完成",
    "认定",
    "登记",
    "达",
    "为",
    "是",
    "共",
    "超",
    "的",
    "约",
    "近",
    "有",
];
/// A share's subject borrows the figure before it: 研发经费4.54亿元，占GDP比重2.0%.
pub const SHARE_START: &str = "占";

/// Words of a plan's targets: a figure after them is next year's target.
pub const PLAN_TARGET_WORDS: &[&str] = &["力争", "达到", "确保", "突破", "以上"];
/// A later year a plan looks to: 到2025年.
pub const OUTLOOK_YEAR_PATTERN: &str = r"(?:到|至)\s*(\d{4})\s*年";

/// Approximate marks before and after the digits.
pub const ABOUT: &str = "约";
pub const NEARLY: &str = "近";
pub const MORE: &str = "多";
pub const OVER: &str = "余";

/// 万 and 亿 before a unit: joined into one unit when the pair is one (亿元), else a
/// multiplier of the value (1万余册 → 10000册).
pub const JOINED_UNITS: &[&str] = &[
    "亿元",
    "万元",
    "万人",
    "万人次",
    "万亩",
    "万吨",
    "万册",
    "万件",
];
pub const TEN_THOUSAND: &str = "万";
/// A growth over several years, which is not last year's comparison.
pub const AVERAGE_WORDS: &[&str] = &["年均", "平均"];
/// What a figure's subject may add to a catalogue name and still be it: 高新技术企业保有量.
pub const SUBJECT_SUFFIXES: &[&str] = &[
    "保有量",
    "总量",
    "总数",
    "总额",
    "数量",
    "规模",
    "入库数",
    "入库",
    "数",
    "额",
];

/// What may end a clause before its figure and say nothing: 增长了, a space.
pub const CLAUSE_TAIL: &[char] = &['了', ' '];
/// The marks between the months of a period (1-4月, 1—4月, 1至4月), written as `-`.
pub const RANGE_MARKS: &[char] = &['—', '~', '至', ' '];
/// Marks left at the start of a subject once its time and place are taken off.
pub const SUBJECT_LEAD_MARKS: &[char] = &['，', '、', ' '];
/// adopt's message for a document without headings, and its advice.
pub const NO_HEADINGS: &str = "no headings found: adopt reads a summary whose parts are numbered 一、 （一） 1. or use Word heading styles";
pub const NO_HEADINGS_HELP: &str = "number the document's headings (一、工作情况 …) or give them Word's 标题 1–4 styles, then run adopt again";
/// A clause stating a total (总数达到8个) whose subject is what the sentence opened with.
pub const TOTAL_WORDS: &[&str] = &["总数", "总量", "总计", "合计"];
/// The most digits a figure of a county's year has; more is a code or an ID.
pub const MAX_FIGURE_DIGITS: usize = 12;
/// What may stand between a word of last year and last year's figure: 较上年的2.72亿元.
pub const OF_MARKS: &[&str] = &["的", ""];
/// Words that are no subject on their own: 其中新增11家 names no indicator.
pub const BARE_SUBJECTS: &[&str] = &[
    "新增",
    "净增",
    "增加",
    "减少",
    "其中",
    "总数",
    "总量",
    "合计",
    "累计",
    "共计",
    "同期",
    "实际",
    "实际新增",
    "完成",
    "达到",
    "金额",
    "数量",
    "规模",
];
/// A rank's words that make it a rank of a change, not of the value: 增速排名第二.
pub const RANK_OF_CHANGE: &[&str] = &["增速", "增幅", "增长", "增量", "新增", "净增", "增加"];
/// adopt's messages for a document it cannot make a report of.
pub const NO_YEAR: &str = "no year found: the title, the first paragraph or a heading must name the year the summary covers (2024年)";
pub const NO_YEAR_HELP: &str =
    "add the year to the title (某县科技局2024年工作总结) and run adopt again";
pub const NOTHING_UNDER_HEADINGS: &str =
    "the document's headings have nothing under them: there is no text to adopt";
/// Words of a portal's buttons, and the marks around and between them (【打印】 | [关闭]).
pub const PORTAL_BUTTON_WORDS: &[&str] = &[
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "打印",
    "关闭",
    "返回",
    "收藏",
    "分享",
    "大",
    "中",
    "小",
];
pub const BUTTON_MARKS: &[char] = &[
    '[', ']', '【', '】', '|', '｜', '/', '·', '(', ')', '（', '）',
];
