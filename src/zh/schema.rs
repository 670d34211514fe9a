//! The data file's keys described in Chinese, for the clerk hovering over a key in an editor
//! (the schema adds the English doc comment after each).

/// Chinese descriptions by `Definition.field` (a bare field is top-level).
pub const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "ReportMeta.peer_group",
        "同类县市分组名称，如 A类县市区；批量生成时给出组内排名",
    ),
    (
        "Indicator.last_rank",
        "上年在全市的排名，用于“比上年前移N位”",
    ),
    (
        "report",
        "报告基本信息：发文机关、地区、年度、类型、成文日期",
    ),
    (
        "ratios",
        "由两个指标相除得出的比值指标，如研发投入占GDP比重",
    ),
    ("opening", "开头段"),
    ("achievements", "工作情况（一、……工作情况下的各部分）"),
    ("highlights", "特色亮点工作"),
    ("problems", "存在的问题"),
    ("plan", "下一阶段工作计划/思路"),
    ("ReportMeta.issuer", "发文机关署名，如 溆浦县科学技术局"),
    (
        "ReportMeta.region",
        "地区名称，如 溆浦县；“全县/全市”由此得出",
    ),
    ("ReportMeta.city", "上级市或省，如 怀化市"),
    ("ReportMeta.year", "报告年度，如 2024"),
    (
        "ReportMeta.kind",
        "报告类型：annual 年度总结，half-year 半年总结",
    ),
    ("ReportMeta.date", "成文日期，不加引号：2024-12-20"),
    (
        "ReportMeta.title",
        "自定义标题，用 \\n 分行；不填则自动生成",
    ),
    (
        "ReportMeta.percent_precision",
        "增长率保留的小数位数，默认 1（增长66.9%）",
    ),
    (
        "ReportMeta.precision",
        "金额和比率保留的小数位数，不填则按填写的位数（4000 印作 4000，2.0 印作 2.0）；计数类指标为整数",
    ),
    (
        "ReportMeta.flat_tolerance",
        "变化小于此值（%或百分点）时表述为“基本持平”",
    ),
    ("ReportMeta.multiples", "增长100%以上时表述为“增长X倍”"),
    (
        "ReportMeta.cutoff_month",
        "数据截止月份：截至4月底填 4；小于 12 时按序时进度比较",
    ),
    ("Indicator.name", "指标名称，如 全社会研发经费投入"),
    (
        "Indicator.unit",
        "显示单位：亿元、万元、家、项、件、人、% 等",
    ),
    (
        "Indicator.label",
        "正文中的简称，如 高新技术企业（表中仍用名称 高新技术企业数）",
    ),
    (
        "Indicator.period",
        "指标自身的统计期，与报告期不同时填写，如 2021年度、1-11月、前三季度",
    ),
    ("Indicator.current", "本期数值"),
    ("Indicator.previous", "上年同期数值，用于计算同比"),
    ("Indicator.target", "本期目标，用于计算完成率"),
    ("Indicator.next_target", "下期目标，写入“总体目标”"),
    (
        "Indicator.precision",
        "本指标保留的小数位数，不填则按填写的位数",
    ),
    (
        "Indicator.kind",
        "比较方式：amount 金额，count 计数，ratio 比率（按百分点比较）",
    ),
    (
        "Indicator.input_unit",
        "数据填写单位（如 万元），与显示单位不同时自动换算",
    ),
    (
        "Indicator.better",
        "好的方向：higher 越高越好（默认）,lower 越低越好（如能耗）",
    ),
    (
        "Indicator.relative_change",
        "比率指标同时给出相对增幅（如 增长56.25%）",
    ),
    ("Indicator.multiples", "本指标增长100%以上时表述为“增长X倍”"),
    ("Indicator.flat_tolerance", "本指标的“基本持平”阈值"),
    (
        "Indicator.history",
        "往年数值，如 { 2021 = 1.9, 2022 = 2.72 }，用于连续增长、历史新高、年均增长",
    ),
    ("Indicator.milestones", "关口值，首次超过时表述为“首次突破”"),
    (
        "Indicator.outlook",
        "规划目标：{ year = 2025, value = 150 }，计算所需年均增速",
    ),
    ("Indicator.part_of", "所属总量指标的键名，用于计算占比"),
    (
        "Indicator.parts",
        "构成项，如 [{ name = \"企业\", current = 3.2 }]，检查合计并计算占比",
    ),
    (
        "Indicator.stated_growth",
        "统计部门公布的增长率（%，比率类为百分点）：没有上年数时直接作为增速写入（如可比价增速），有上年数时用于核对",
    ),
    (
        "Indicator.source",
        "报送增速、排名的来源，如 县统计局；写入数据核对表",
    ),
    (
        "Indicator.stated_rank",
        "公布的排名，如 { scope = \"怀化市\", position = 9 }，写作“居怀化市第九位”",
    ),
    (
        "StatedRank.scope",
        "排名范围：所在市（怀化市）或全省（湖南省）",
    ),
    ("StatedRank.position", "名次，第一为 1"),
    ("StatedRank.of", "参加排名的地区数"),
    ("StatedRank.tied", "设为 true 时写作“并列第N位”"),
    (
        "StatedRank.peer_group",
        "同类地区中的名次，如 { name = \"同类县市\", position = 7 }",
    ),
    ("StatedRank.last_position", "上年名次，用于“比上年前移2位”"),
    ("PeerRank.name", "同类地区的名称，如 同类县市"),
    ("PeerRank.position", "在同类地区中的名次"),
    (
        "Indicator.percent_precision",
        "本指标百分数（增速、完成率、占比）保留的小数位数，覆盖 report.percent_precision",
    ),
    (
        "Indicator.approx",
        "以约数表述：多、余（2634 写作 2600多），约、近（138 写作 约140）；比较仍用精确值",
    ),
    ("Indicator.approx_digits", "约数保留的有效数字位数，默认 2"),
    (
        "Indicator.next_growth",
        "下期计划增速（%）：10 写作“增长10%以上”，[10, 15] 写作“保持10%—15%的增长”",
    ),
    (
        "Indicator.decline_planned",
        "下期目标低于本期数值是有意为之时设为 true",
    ),
    ("Outlook.year", "规划年份"),
    ("Outlook.value", "规划目标值"),
    ("SubItem.name", "构成项名称"),
    ("SubItem.current", "构成项本期数值"),
    ("SubItem.previous", "构成项上年同期数值"),
    ("RatioDef.name", "比值指标名称，如 研发投入强度"),
    ("RatioDef.numerator", "分子指标的键名"),
    ("RatioDef.denominator", "分母指标的键名"),
    ("RatioDef.unit", "结果单位，默认 %"),
    ("RatioDef.scale", "乘数，默认 % 为 100"),
    ("RatioDef.precision", "保留的小数位数"),
    ("RatioDef.target", "本期目标"),
    ("RatioDef.next_target", "下期目标"),
    (
        "RatioDef.better",
        "好的方向：higher 越高越好，lower 越低越好",
    ),
    ("RatioDef.relative_change", "同时给出相对增幅"),
    ("Opening.text", "开头段文字，可引用指标"),
    ("Part.title", "小标题（编号自动生成，不要手写“（一）”）"),
    ("Part.paragraphs", "段落列表"),
    ("Part.points", "要点列表，自动编为“一是……二是……”"),
    ("Point.title", "要点标题"),
    ("Point.text", "要点内容"),
    ("Highlight.title", "标题"),
    ("Highlight.text", "内容"),
    ("Plan.intro", "工作思路导语"),
    ("Plan.goals", "不属于指标的目标，如 力争引进科技人才20人"),
    ("Plan.tasks", "重点任务，每项含 title、paragraphs、points"),
    (
        "sections",
        "文档结构：按顺序写出各部分，最多四级（一、（一）1.(1)），编号自动生成；不写则使用标准结构",
    ),
    (
        "style",
        "版式要求：哪些级别的标题与正文同段、三级标题编号样式、列举方式",
    ),
    (
        "Indicator.cite_only",
        "设为 true 时只供正文引用，不进入指标综述段落和指标表（除非某部分在 only 中列出）",
    ),
    (
        "Section.title",
        "标题（不要手写编号，编号自动生成）；不写标题的部分是标题之间的一段文字，其后的标题重新编号",
    ),
    (
        "Section.level",
        "标题所在层级，跳级时才写：如“二、存在的问题”下直接列“1、”，写 level = 3；不写则比上一级低一级",
    ),
    (
        "Section.run_in",
        "标题与第一段正文同段（如“（一）加强党建引领。……”）；不写则按 [style] 的 run_in",
    ),
    ("Section.lead", "标题下的引导段，如“主要表现在：”"),
    (
        "Section.blocks",
        "放在本部分的内置内容：indicators 指标综述，indicator_table 指标表，goals 总体目标，remaining 全年目标完成所需，highlights 指标亮点，outlook 中长期目标",
    ),
    ("Section.only", "内置内容只取这些指标（按键名，按此顺序）"),
    ("Section.except", "内置内容不取这些指标"),
    (
        "Section.goals",
        "不属于指标的目标，并入 goals 或 remaining 的句子，如 力争引进科技人才20人",
    ),
    ("Section.paragraphs", "段落列表"),
    ("Section.points", "列举要点，自动编为“一是……二是……”"),
    ("Section.marker", "列举方式：一是（默认）、一要、第一、首先"),
    ("Section.inline_points", "设为 true 时各要点连成一段"),
    ("Section.sections", "下一级标题的各部分"),
    (
        "Style.run_in",
        "与正文同段的标题级别，如 [2, 3] 表示二级、三级标题与正文同段",
    ),
    (
        "Style.level3",
        "三级标题编号样式：\"1.\"（默认，GB/T 9704）或 \"1、\"",
    ),
    ("Style.marker", "列举方式的默认值：一是、一要、第一、首先"),
    (
        "Style.seal",
        "设为 true 时按加盖印章排署名：成文日期右空四字，发文机关署名以成文日期为准居中；默认不加盖印章：署名右空二字，日期首字比署名首字右移二字",
    ),
    (
        "Style.fonts",
        "各部分字体改用本地计算机上的名称，如 body = \"仿宋_GB2312\"；不填的部分用 GB/T 9704 字体",
    ),
    ("Fonts.body", "正文及三、四级标题字体，默认 仿宋"),
    ("Fonts.title", "标题字体，默认 方正小标宋简体"),
    ("Fonts.heading1", "一级标题及表题字体，默认 黑体"),
    ("Fonts.heading2", "二级标题字体，默认 楷体"),
    ("Fonts.page_number", "页码字体，默认 宋体"),
    (
        "Style.full_width_punctuation",
        "设为 false 时不把正文中紧挨汉字的半角标点改为全角（默认改）",
    ),
    (
        "indicators",
        "指标目录的条目：在标准目录之外增加或替换的指标，写法同 catalogue/standard.toml",
    ),
    ("profile", "统一格式的说明"),
    (
        "ProfileMeta.name",
        "统一格式的名称，如 怀化市县市区科技局年度工作总结统一格式",
    ),
    ("Entry.name", "指标名称"),
    ("Entry.label", "正文中的简称，如 高新技术企业"),
    (
        "Entry.aliases",
        "已发布总结中的其他叫法，如 研发经费、R&D经费；zongjie adopt 据此认出指标",
    ),
    ("Entry.unit", "显示单位"),
    (
        "Entry.kind",
        "比较方式：amount 金额，count 计数，ratio 比率",
    ),
    ("Entry.precision", "保留的小数位数"),
    ("Entry.better", "好的方向：higher 越高越好，lower 越低越好"),
    (
        "Entry.sum",
        "各县市区数值能否相加为全市合计（比率、人均类为 false）",
    ),
];

/// The description of `[indicators]`, naming every field prose may cite.
pub fn indicators(fields: &[&str]) -> String {
    format!(
        "主要科技指标，键名自定，正文中用 {{{{ind.键名.字段}}}} 引用，如 {{{{ind.rd_spend.summary}}}}；可引用的字段：{}",
        fields.join(", ")
    )
}
