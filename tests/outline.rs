//! The outline as data: the examples written in their bureaus' own outlines draft exactly the
//! headings (level, number, text, run-in or not) of the documents they follow, and moving or
//! removing a section renumbers the rest.

mod common;

use common::example;
use zongjie::Options;
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;
use zongjie::outline::Block;

/// Every heading of a draft: (level, number, text, run-in).
fn headings(text: &str) -> Vec<(u8, String, String, bool)> {
    let d = zongjie::draft(
        &Source::new("outline.toml", text),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    d.outline
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level,
                number,
                text,
                run_in,
                ..
            } => Some((*level, number.clone(), text.clone(), run_in.is_some())),
            _ => None,
        })
        .collect()
}

fn read(name: &str) -> String {
    std::fs::read_to_string(example(name)).unwrap()
}

fn expected(list: &[(u8, &str, &str, bool)]) -> Vec<(u8, String, String, bool)> {
    list.iter()
        .map(|(l, n, t, r)| (*l, n.to_string(), t.to_string(), *r))
        .collect()
}

/// The outline of the county's published 2024 summary (../shared/reference/
/// county-annual-2024.txt): four parts, (一)…(五) run into their text, 一是… problems (points,
/// not headings), and a plan whose two parts stand on their own lines above 1、…4、 tasks
/// that run into their text.
#[test]
fn the_county_example_follows_its_published_outline() {
    let got = headings(&read("xupu-2024-sections.toml"));
    let want = expected(&[
        (1, "一、", "2024年工作情况", false),
        (2, "（一）", "加强党建引领，筑牢政治忠诚担当。", true),
        (2, "（二）", "聚焦核心指标，高效完成目标任务。", true),
        (2, "（三）", "突出主导产业，推动科产融合发展。", true),
        (2, "（四）", "强化科技服务，促进科技惠企惠民。", true),
        (2, "（五）", "统筹各项任务，提升常规工作成效。", true),
        (1, "二、", "2024年特色亮点工作", false),
        (2, "（一）", "研发经费投入新突破。", true),
        (2, "（二）", "创新平台建设再跃升。", true),
        (2, "（三）", "产学研合作结硕果。", true),
        (2, "（四）", "科技金融强推进。", true),
        (1, "三、", "存在的问题", false),
        (1, "四、", "2025年工作打算", false),
        (2, "（一）", "总体目标", false),
        (2, "（二）", "工作任务", false),
        (3, "1、", "强化三大投入，持续激发科技创新活力。", true),
        (3, "2、", "落实三大举措，持续增强科研支撑能力。", true),
        (3, "3、", "实施四大工程，持续壮大企业科创实力。", true),
        (3, "4、", "健全四大体系，持续提升科创工作合力。", true),
    ]);
    assert_eq!(got, want);
}

/// A county-level city's summary: two party-building parts (ten 1、 items under a (一)), the
/// work under run-in headings, problems with a lead-in, and a three-part plan.
#[test]
fn the_city_example_opens_with_party_building_and_ends_with_a_three_part_plan() {
    let got = headings(&read("hongjiang-2022.toml"));
    let start = [
        (
            1,
            "一、",
            "深学笃悟党的二十大精神，筑牢忠诚干净担当的思想根基",
            false,
        ),
        (1, "二、", "党建主体责任工作落实情况", false),
        (2, "（一）", "压紧压实党建工作责任。", true),
    ];
    let items = [
        "落实“第一议题”制度。",
        "完善党建责任清单。",
        "规范组织生活。",
        "开展主题党日。",
        "加强党员教育管理。",
        "推进党建与业务融合。",
        "落实意识形态工作责任。",
        "抓好党风廉政建设。",
        "持续改进作风。",
        "开展结对共建。",
    ];
    let numbers: Vec<String> = (1..=10).map(|n| format!("{n}、")).collect();
    let mut want = expected(&start);
    for (n, item) in numbers.iter().zip(items) {
        want.push((3, n.clone(), item.to_string(), true));
    }
    want.extend(expected(&[
        (2, "（二）", "加强基层党组织建设。", true),
        (1, "三、", "2022年科技工作情况", false),
        (2, "（一）", "创新投入稳步增长。", true),
        (2, "（二）", "创新主体加快壮大。", true),
        (2, "（三）", "成果转化持续提速。", true),
        (2, "（四）", "科技服务深入基层。", true),
        (1, "四、", "存在的问题", false),
        (1, "五、", "2023年工作计划", false),
        (2, "（一）", "主要目标", false),
        (2, "（二）", "重点任务", false),
        (3, "1、", "抓研发投入。", true),
        (3, "2、", "抓主体培育。", true),
        (3, "3、", "抓平台建设。", true),
        (2, "（三）", "主要措施", false),
    ]));
    assert_eq!(got, want);
}

#[test]
fn problems_and_measures_are_counted_by_their_markers() {
    let d = zongjie::draft(
        &Source::read(&example("hongjiang-2022.toml")).unwrap(),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap();
    let paragraphs: Vec<&str> = d
        .outline
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let lead = paragraphs
        .iter()
        .position(|p| p.ends_with("主要表现在："))
        .expect("the problems' lead-in");
    assert!(paragraphs[lead + 1].starts_with("一是企业创新能力偏弱。"));
    assert!(paragraphs[lead + 3].starts_with("三是科技人才支撑不足。"));
    for (i, label) in ["一要", "二要", "三要", "四要", "五要"].iter().enumerate() {
        assert!(
            paragraphs.iter().any(|p| p.starts_with(label)),
            "measure {i} counted {label}"
        );
    }
    // GDP is cited in prose only: it never enters the targets sentence.
    assert!(!paragraphs.iter().any(|p| p.contains("地区生产总值")));
}

/// Removing a section renumbers those after it; moving one renumbers both.
#[test]
fn removing_or_moving_a_section_renumbers_the_rest() {
    let text = read("xupu-2024-sections.toml");
    let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
    let work = doc["sections"][0]["sections"]
        .as_array_of_tables_mut()
        .unwrap();
    work.remove(2); // (三)突出主导产业
    let got = headings(&doc.to_string());
    assert_eq!(got[3].1, "（三）");
    assert_eq!(got[3].2, "强化科技服务，促进科技惠企惠民。");
    assert_eq!(got[4].1, "（四）");

    // Move 存在的问题 before 特色亮点: cut its lines and paste them higher up.
    let highlights = text.find("# ---- 二、").unwrap();
    let problems = text.find("# ---- 三、").unwrap();
    let plan = text.find("# ---- 四、").unwrap();
    let moved = format!(
        "{}{}{}{}",
        &text[..highlights],
        &text[problems..plan],
        &text[highlights..problems],
        &text[plan..]
    );
    let level1: Vec<String> = headings(&moved)
        .into_iter()
        .filter(|h| h.0 == 1)
        .map(|h| format!("{}{}", h.1, h.2))
        .collect();
    assert_eq!(
        level1,
        [
            "一、2024年工作情况",
            "二、存在的问题",
            "三、2024年特色亮点工作",
            "四、2025年工作打算"
        ]
    );
}

/// A section without a title is text between headings, and the headings after it are
/// numbered afresh: results (一)(二), then 主要做法, then methods (一)(二).
#[test]
fn text_between_headings_starts_a_new_series() {
    let text = "[report]\nissuer = \"某市科学技术局\"\nregion = \"某市\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\
        [[sections]]\ntitle = \"工作情况\"\nlead = \"主要成效：\"\n\
        [[sections.sections]]\ntitle = \"成效一\"\nparagraphs = [\"甲\"]\n\
        [[sections.sections]]\ntitle = \"成效二\"\nparagraphs = [\"乙\"]\n\
        [[sections.sections]]\nparagraphs = [\"主要做法：\"]\n\
        [[sections.sections]]\ntitle = \"做法一\"\nparagraphs = [\"丙\"]\n\
        [[sections.sections]]\ntitle = \"做法二\"\nparagraphs = [\"丁\"]\n";
    let numbers: Vec<String> = headings(text)
        .into_iter()
        .map(|h| format!("{}{}", h.1, h.2))
        .collect();
    assert_eq!(
        numbers,
        [
            "一、工作情况",
            "（一）成效一",
            "（二）成效二",
            "（一）做法一",
            "（二）做法二"
        ]
    );
}

/// A run-in heading is one body paragraph of two runs: the heading in its level's face, the
/// text after it in the body's.
#[test]
fn a_run_in_heading_keeps_its_face_on_the_heading_only() {
    let d = zongjie::draft(
        &Source::read(&example("hongjiang-2022.toml")).unwrap(),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap();
    let xml = common::part(&d.docx, "word/document.xml");
    let at = xml.find("（一）压紧压实党建工作责任。").unwrap();
    let paragraph_start = xml[..at].rfind("<w:p ").unwrap();
    let paragraph = &xml[paragraph_start..at + xml[at..].find("</w:p>").unwrap()];
    assert!(
        !paragraph.contains("<w:pStyle"),
        "a body paragraph: {paragraph}"
    );
    assert!(
        paragraph.contains(r#"<w:rFonts w:ascii="楷体" w:eastAsia="楷体""#),
        "{paragraph}"
    );
    let body = paragraph.split("</w:r>").nth(1).unwrap();
    assert!(body.starts_with("<w:r><w:rPr /><w:t"), "{body}");
    assert!(body.contains("局党组书记履行第一责任人职责"));
}

/// A half-year summary that puts `1、` items straight under `二、存在的问题`, as many do:
/// `level = 3` prints them at level 3, numbered from 1 under each level-1 heading, and a
/// section under one of them goes on at level 4.
#[test]
fn a_section_may_skip_a_level_as_the_bureau_numbers_it() {
    let text = r#"
[report]
issuer = "某县科学技术局"
region = "某县"
year = 2021
kind = "half-year"
date = 2021-07-10

[style]
level3 = "1、"
run_in = [3]

[[sections]]
title = "存在的问题"
lead = "虽然我县科技工作取得了一定成绩，但仍存在一些差距："

[[sections.sections]]
title = "企业创新意识不强"
level = 3
paragraphs = ["工业基础薄弱，缺少高成长型企业。"]

[[sections.sections]]
title = "企业创新活力不足"
level = 3
paragraphs = ["中高层次技术创新人才缺乏。"]

[[sections.sections.sections]]
title = "人才引不进"
paragraphs = ["技术型人才难以长期留在本地。"]

[[sections]]
title = "下半年工作思路"

[[sections.sections]]
title = "加大宣传力度"
level = 3
paragraphs = ["普及科技知识，弘扬科学精神。"]
"#;
    let want = expected(&[
        (1, "一、", "存在的问题", false),
        (3, "1、", "企业创新意识不强。", true),
        (3, "2、", "企业创新活力不足。", true),
        (4, "（1）", "人才引不进", false),
        (1, "二、", "下半年工作思路", false),
        (3, "1、", "加大宣传力度。", true),
    ]);
    assert_eq!(headings(text), want);
}
