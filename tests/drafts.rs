//! End to end through the library: example data → DOCX bytes, read back.

mod common;

use common::{example, paragraphs, part};
use zongjie::Options;
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;

fn draft(name: &str) -> zongjie::Draft {
    let source = Source::read(&example(name)).unwrap();
    zongjie::draft(&source, &TemplateSet::built_in(), Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// xupu-2024 drafted with one template of a city's folder, `NAME.hbs`, holding `text`; the
/// folder's or the draft's problems as text.
fn draft_with_template(name: &str, text: &str) -> Result<zongjie::Draft, String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{name}.hbs")), text).unwrap();
    let templates = TemplateSet::with_overrides(dir.path()).map_err(|d| d.to_string())?;
    let source = Source::read(&example("xupu-2024.toml")).unwrap();
    zongjie::draft(&source, &templates, Options::default()).map_err(|e| e.to_string())
}

#[test]
fn county_example_states_the_computed_figures() {
    let d = draft("xupu-2024.toml");
    let text = paragraphs(&part(&d.docx, "word/document.xml")).join("\n");
    // The figure the bureau printed: 4.54 vs 2.72 亿元 → 66.9%.
    assert!(
        text.contains("全社会研发经费投入4.54亿元，同比增长66.9%"),
        "{text}"
    );
    // A ratio compared in percentage points, printed as typed (2.0).
    assert!(text.contains("研发经费投入强度2.0%，同比提高0.72个百分点"));
    // Next-year target against this year.
    assert!(text.contains("力争全社会研发经费投入达到5.1亿元，比2024年增长12.3%"));
    // Inline enumerations and problems numbered from lists.
    assert!(text.contains("一是思想根基更加牢固。"));
    assert!(text.contains("三是部门协同合力尚未形成。"));
    // No template expression leaks into the draft.
    assert!(!text.contains("{{") && !text.contains("}}"));
}

#[test]
fn headings_are_numbered_by_the_outline() {
    let d = draft("xupu-2024.toml");
    let text = paragraphs(&part(&d.docx, "word/document.xml"));
    for heading in [
        "一、2024年工作情况",
        "（一）主要科技指标完成情况",
        "（五）强化科技服务，促进科技惠企惠民",
        "二、2024年特色亮点工作",
        "三、存在的问题",
        "四、2025年工作打算",
        "（一）总体目标",
        "（二）工作任务",
        "1.加大三项投入，激发科技创新活力",
        "4.健全四大体系，凝聚科技工作合力",
    ] {
        assert!(
            text.iter().any(|p| p == heading),
            "missing heading {heading}"
        );
    }
}

#[test]
fn city_example_keeps_its_title_lines_and_two_decimal_growth() {
    let d = draft("yueyang-2022.toml");
    assert_eq!(
        d.outline.title,
        ["岳阳市科学技术局", "2022年工作总结和2023年工作思路"]
    );
    let text = paragraphs(&part(&d.docx, "word/document.xml")).join("\n");
    assert!(
        text.contains("争取省研发财政奖补资金5113.32万元，同比增长49.95%"),
        "{text}"
    );
    assert!(
        text.contains("其中市本级2973.81万元，同比增长346.77%，占争取省研发财政奖补资金的58.16%")
    );
    // Computed from history and milestones, not typed: 152.3 → 201.6 crosses 200.
    assert!(text.contains("技术合同成交额201.6亿元，同比增长32.37%，首次突破200亿元"));
    // The five-year outlook: 767 → 1100家 over three years.
    assert!(text.contains("高新技术企业到2025年达到1100家，需年均增长12.77%"));
    assert!(text.contains("研发投入强度达到2.23%，同比提高0.66个百分点"));
}

#[test]
fn the_package_declares_gbt9704_page_and_styles() {
    let d = draft("xupu-2024.toml");
    let doc = part(&d.docx, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(doc.contains(r#"w:top="2098""#) && doc.contains(r#"w:bottom="1984""#));
    assert!(doc.contains(r#"w:left="1587""#) && doc.contains(r#"w:right="1474""#));
    assert!(doc.contains(r#"w:linePitch="579""#));
    let styles = part(&d.docx, "word/styles.xml");
    for (id, font) in [
        ("Normal", "仿宋"),
        ("Title", "方正小标宋简体"),
        ("Heading1", "黑体"),
        ("Heading2", "楷体"),
    ] {
        let at = styles
            .find(&format!(r#"w:styleId="{id}""#))
            .unwrap_or_else(|| panic!("style {id}"));
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(
            style.contains(&format!(r#"w:eastAsia="{font}""#)),
            "{id} uses {font}: {style}"
        );
    }
    assert_eq!(
        styles.matches(r#"w:styleId="Normal""#).count(),
        1,
        "one Normal style"
    );
    let fonts = part(&d.docx, "word/fontTable.xml");
    assert!(fonts.contains(r#"<w:font w:name="仿宋"><w:altName w:val="FangSong"/>"#));
    let settings = part(&d.docx, "word/settings.xml");
    assert!(settings.contains("evenAndOddHeaders"));
    let footers: Vec<String> = ["word/footer1.xml", "word/footer2.xml"]
        .iter()
        .map(|f| part(&d.docx, f))
        .collect();
    for f in &footers {
        assert!(
            f.contains("PAGE") && f.contains("— ") && f.contains(" —"),
            "{f}"
        );
    }
    assert!(footers.iter().any(|f| f.contains(r#"w:val="right""#)));
    assert!(footers.iter().any(|f| f.contains(r#"w:val="left""#)));
}

#[test]
fn a_file_with_only_report_and_indicators_drafts_a_short_document() {
    let text = "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\
                [indicators.hte]\nname = \"高新技术企业\"\nunit = \"家\"\ncurrent = 12\nprevious = 0\n";
    let d = zongjie::draft(
        &Source::new("short.toml", text),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap();
    let body = paragraphs(&part(&d.docx, "word/document.xml")).join("\n");
    assert!(body.contains("高新技术企业12家，实现零的突破"), "{body}");
    assert!(body.contains("2024年12月20日"));
    assert!(
        !body.contains("二、2025年工作打算"),
        "no plan without plan data"
    );
}

#[test]
fn removing_a_section_renumbers_the_ones_after_it() {
    // The standard outline: without [[highlights]] the sections after it move up.
    let path = example("xupu-2024.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[[highlights]]").unwrap();
    let end = text.find("[[problems]]").unwrap();
    let without = format!("{}{}", &text[..start], &text[end..]);
    let d = zongjie::draft(
        &Source::new(path, without),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap();
    let text = paragraphs(&part(&d.docx, "word/document.xml"));
    assert!(text.iter().any(|p| p == "二、存在的问题"));
    assert!(text.iter().any(|p| p == "三、2025年工作打算"));
    assert!(!text.iter().any(|p| p.contains("特色亮点")));
}

#[test]
fn a_template_naming_a_missing_value_fails_with_its_location() {
    let shown = draft_with_template("goals", "{{!-- 总体目标 --}}\n{{report.nonexistent}}\n")
        .err()
        .expect("strict mode refuses");
    assert!(shown.contains("goals.hbs:2:"), "{shown}");
    assert!(shown.contains("nonexistent"), "{shown}");
}

#[test]
fn a_prose_citation_of_an_unknown_indicator_is_located_in_the_data() {
    let text = "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\
                [indicators.hte]\nname = \"高新技术企业\"\nunit = \"家\"\ncurrent = 12\n\
                [opening]\ntext = \"全县高企{{ind.hte_count.value}}。\"\n";
    let err = zongjie::draft(
        &Source::new("cite.toml", text),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .err()
    .unwrap();
    let shown = err.to_string();
    // The caret stands on the citation itself: `text = "全县高企` is 13 characters.
    assert!(shown.contains("cite.toml:12:13"), "{shown}");
    assert!(shown.contains("opening.text"), "{shown}");
    assert!(
        shown.contains("there is no indicator \"hte_count\""),
        "{shown}"
    );
    assert!(shown.contains("did you mean \"hte\"?"), "{shown}");
}

#[test]
fn markup_characters_and_xml_specials_in_prose_stay_text() {
    let text = "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\
                [opening]\ntext = \"# 不是标题 R&D <投入> \\\"引号\\\"\\n::date 也不是指令\"\n";
    let d = zongjie::draft(
        &Source::new("m.toml", text),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap();
    let body = paragraphs(&part(&d.docx, "word/document.xml"));
    assert!(
        body.contains(&"# 不是标题 R&D <投入> \"引号\"".to_string()),
        "{body:?}"
    );
    assert!(body.contains(&"::date 也不是指令".to_string()), "{body:?}");
}

#[test]
fn repairing_a_repaired_part_changes_nothing() {
    let d = draft("xupu-2024.toml");
    for name in [
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
    ] {
        let xml = part(&d.docx, name);
        let again = zongjie::layout::repair::fix_part(xml.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(again).unwrap(),
            xml,
            "{name} is a fixed point"
        );
    }
}

/// The half-year example, optionally with its figures cut off at another month.
fn half_year(cutoff: Option<u32>) -> (zongjie::Draft, Vec<String>) {
    let path = example("xupu-2025-h1.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    if let Some(month) = cutoff {
        text = text.replace("cutoff_month = 6", &format!("cutoff_month = {month}"));
    }
    let d = zongjie::draft(
        &Source::new(path, text),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let paragraphs = paragraphs(&part(&d.docx, "word/document.xml"));
    (d, paragraphs)
}

#[test]
fn a_half_year_report_names_its_periods_and_sections_from_the_data() {
    let (d, paragraphs) = half_year(None);
    assert_eq!(
        d.outline.title,
        ["溆浦县科学技术局", "2025年上半年工作总结和下半年工作思路"]
    );
    for heading in [
        "一、上半年工作情况",
        "二、存在的问题",
        "三、下半年工作思路",
        "（一）全年目标任务",
        "（二）工作任务",
    ] {
        assert!(paragraphs.iter().any(|p| p == heading), "missing {heading}");
    }
    let text = paragraphs.join("\n");
    // Compared with the same period last year; targets are annual, measured against 6/12.
    // A count says its thing, not its table name: 高新技术企业认定申报23家, not …申报数23家.
    assert!(text.contains("2025年上半年，全县高新技术企业认定申报23家，比上年同期增加4家，完成全年目标的115.0%，提前完成全年任务"), "{text}");
    assert!(text.contains("科技型中小企业评价入库118家，比上年同期增加22家，完成全年目标的73.8%，超序时进度23.8个百分点"));
    assert!(text.contains("完成全年目标的42.0%，低于序时进度8.0个百分点"));
    assert!(text.contains("完成全年目标的50.0%，与序时进度持平"));
    // The second-half plan states what each annual target still needs.
    // 全年目标 is said once, at the head of the list, not in every clause.
    // A target met says so with its rate; one still open, its target and what it needs.
    assert!(text.contains(
        "对照全年目标任务，高新技术企业认定申报完成全年目标的115.0%，提前完成全年任务；"
    ));
    assert!(text.contains("科技型中小企业评价入库目标160家，还需完成42家"));
    assert!(text.contains("科技型企业知识价值信用贷款目标4000万元，还需完成2320万元"));
    assert_eq!(text.matches("对照全年目标任务").count(), 1);
    // The table's columns are the same half of each year.
    let table = d
        .outline
        .blocks
        .iter()
        .find_map(|b| match b {
            zongjie::outline::Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        table.header[2..6],
        ["2025年1-6月", "2024年1-6月", "同比", "全年目标"]
    );
    assert!(
        !text.contains("2026年"),
        "a half-year report plans the second half, not next year"
    );
}

#[test]
fn a_half_year_report_cut_off_in_april_measures_against_four_months() {
    let (d, paragraphs) = half_year(Some(4));
    let text = paragraphs.join("\n");
    // The title still names the half year; figures and progress name the months.
    assert_eq!(d.outline.title[1], "2025年上半年工作总结和下半年工作思路");
    assert_eq!(
        zongjie::zh::period::time_progress(&d.facts.report).as_deref(),
        Some("33.3%")
    );
    assert!(text.contains("2025年1-4月，全县"), "{text}");
    // 118 of 160 is 73.75% → 73.8%; 73.75 − 33.33… = 40.41… → 40.4.
    assert!(text.contains("完成全年目标的73.8%，超序时进度40.4个百分点"));
    // 1680 of 4000 is 42.0%, ahead of a third of the year.
    assert!(text.contains("完成全年目标的42.0%，超序时进度8.7个百分点"));
    assert!(text.contains("2025年1-4月主要科技指标完成情况表"));
}

#[test]
fn tabs_become_word_tabs_and_illegal_characters_never_reach_the_package() {
    let text = "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\
                [opening]\ntext = \"甲\\t乙\\u0007丙\\u001F丁\\uFFFE戊 'R&D'\"\n";
    let d = zongjie::draft(
        &Source::new("t.toml", text),
        &TemplateSet::built_in(),
        Options::default(),
    )
    .unwrap();
    // Two warnings' worth of characters, one warning: the first is named, all are dropped.
    assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    let xml = part(&d.docx, "word/document.xml");
    assert!(
        xml.contains("甲</w:t><w:tab /><w:t xml:space=\"preserve\">乙丙丁戊 &apos;R&amp;D&apos;"),
        "{xml}"
    );
    for bad in ['\u{7}', '\u{1F}', '\u{FFFE}'] {
        assert!(
            !xml.contains(bad),
            "U+{:04X} reached the package",
            bad as u32
        );
    }
}

#[test]
fn a_template_syntax_error_names_the_file_line_and_column() {
    let err = draft_with_template("goals", "总体目标\n{{#each next_targets}}\n{{name}}\n")
        .err()
        .expect("an unclosed block is refused");
    assert!(err.contains("goals.hbs:"), "{err}");
    assert!(err.contains("each"), "{err}");
}

#[test]
fn a_user_template_cannot_pull_in_files_from_outside_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.hbs");
    std::fs::write(&secret, "SECRET-CONTENT").unwrap();
    let folder = dir.path().join("templates");
    std::fs::create_dir(&folder).unwrap();
    for include in [
        "{{> ../secret}}".to_string(),
        format!("{{{{> {}}}}}", secret.display()),
    ] {
        std::fs::write(folder.join("goals.hbs"), format!("目标\n{include}\n")).unwrap();
        let source = Source::read(&example("xupu-2024.toml")).unwrap();
        let result = TemplateSet::with_overrides(&folder)
            .map_err(zongjie::diagnostic::Diagnostics::from)
            .and_then(|t| zongjie::draft(&source, &t, Options::default()));
        match result {
            Ok(d) => panic!(
                "drafted with {include}: {}",
                paragraphs(&part(&d.docx, "word/document.xml")).join("\n")
            ),
            Err(e) => {
                let shown = e.to_string();
                assert!(!shown.contains("SECRET-CONTENT"), "{shown}");
                assert!(shown.contains("goals.hbs"), "{shown}");
                assert!(shown.contains("not one of zongjie's templates"), "{shown}");
            }
        }
    }
}

/// README lists every citable field, from the one list of them.
#[test]
fn readme_lists_every_citable_field() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("Every field an indicator offers:"))
        .expect("README lists the citable fields");
    let listed: Vec<&str> = line
        .split('`')
        .skip(1)
        .step_by(2)
        .take(zongjie::measure::Citable::ALL.len())
        .collect();
    let declared: Vec<&str> = zongjie::measure::Citable::ALL
        .iter()
        .map(|c| c.name())
        .collect();
    assert_eq!(listed, declared);
}

#[test]
fn a_city_names_its_faces_once_and_every_style_follows() {
    let text = std::fs::read_to_string(example("xupu-2024.toml"))
        .unwrap()
        .replacen(
            "[report]",
            "[style.fonts]\nbody = \"仿宋_GB2312\"\nheading2 = \"楷体_GB2312\"\n\n[report]",
            1,
        );
    let source = Source::new("x.toml", text);
    let d = zongjie::draft(&source, &TemplateSet::built_in(), Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let styles = part(&d.docx, "word/styles.xml");
    let fonts = part(&d.docx, "word/fontTable.xml");
    let style = |id: &str| {
        let at = styles
            .find(&format!(r#"w:styleId="{id}""#))
            .unwrap_or_else(|| panic!("style {id}"));
        styles[at..].split("</w:style>").next().unwrap().to_string()
    };
    for id in ["Normal", "Heading3", "TableText"] {
        assert!(style(id).contains(r#"w:eastAsia="仿宋_GB2312""#), "{id}");
    }
    assert!(style("Heading2").contains(r#"w:eastAsia="楷体_GB2312""#));
    // Roles left out keep GB/T 9704's faces.
    assert!(style("Heading1").contains(r#"w:eastAsia="黑体""#));
    assert!(style("Title").contains(r#"w:eastAsia="方正小标宋简体""#));
    // The font table declares the faces used, with their kind and known Latin names.
    assert!(fonts.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong_GB2312"/>"#));
    assert!(fonts.contains(r#"<w:font w:name="黑体"><w:altName w:val="SimHei"/>"#));
    assert!(
        !fonts.contains(r#"w:name="仿宋""#),
        "a face no style uses is not declared"
    );
    let body = fonts.split(r#"w:name="仿宋_GB2312""#).nth(1).unwrap();
    assert!(
        body.split("</w:font>")
            .next()
            .unwrap()
            .contains(r#"<w:family w:val="roman"/>"#)
    );
    // The default draft of the same file is unchanged by the other's faces (frames are
    // kept per set of faces).
    let plain = draft("xupu-2024.toml");
    assert!(part(&plain.docx, "word/styles.xml").contains(r#"w:eastAsia="仿宋""#));
}

/// A city's template may read an indicator whole — walk its fields, count them — and then sees
/// every field the facts give, as it would if zongjie worded them all for every draft.
#[test]
fn a_citys_template_that_walks_an_indicator_sees_all_its_fields() {
    let d = draft_with_template(
        "indicators",
        "{{#each indicators}}{{key}}：{{# each this}}{{@key}}，{{/each}}共{{len this}}项\n{{/each}}",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = paragraphs(&part(&d.docx, "word/document.xml")).join("\n");
    let rd = text
        .lines()
        .find(|l| l.starts_with("rd_spend："))
        .unwrap_or_else(|| panic!("{text}"));
    // Fields no built-in template names are there too.
    for field in [
        "previous_number",
        "growth_percent",
        "completion_rate",
        "yoy",
    ] {
        assert!(rd.contains(&format!("{field}，")), "{field}: {rd}");
    }
    let listed = rd.matches('，').count();
    assert!(rd.ends_with(&format!("共{listed}项")), "{rd}");
}
