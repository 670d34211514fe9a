//! Unit tests of the measure stage: one small data file per behaviour.

use super::*;
use crate::load::{Source, parse};

fn facts_of(indicators: &str) -> Facts {
    facts_with("", indicators)
}

/// Parses, validates (failing the test on any validation error) and measures.
fn parsed(report: &str, body: &str) -> crate::model::ReportFile {
    let text = format!(
        "[report]\nissuer = \"溆浦县科学技术局\"\nregion = \"溆浦县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n{report}\n{body}"
    );
    let source = Source::new("t.toml", text);
    let file = parse(&source).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<_> = crate::validate::validate(&file, &file.texts())
        .into_iter()
        .filter(|d| d.is_error())
        .map(|f| source.locate_finding(f))
        .collect();
    assert!(
        errors.is_empty(),
        "{}",
        crate::diagnostic::Diagnostics(errors)
    );
    file
}

fn facts_with(report: &str, body: &str) -> Facts {
    measure(&parsed(report, body))
}

fn findings_of(report: &str, body: &str) -> Vec<crate::diagnostic::Finding> {
    let file = parsed(report, body);
    crate::validate::consistency::consistency(&file, &measure(&file))
}

/// One indicator from a line of fields: `ind("unit = \"家\"\ncurrent = 5")`, in words.
fn one(fields: &str) -> Words {
    let f = facts_of(&format!("[indicators.x]\nname = \"指标\"\n{fields}\n"));
    words(&f, "x")
}

/// An indicator's citable fields as the draft words them (see `zh::cite`).
struct Words {
    kind: String,
    value: String,
    summary: String,
    previous: Option<String>,
    growth: Option<String>,
    growth_percent: Option<String>,
    multiple: Option<String>,
    doubling: Option<String>,
    change: Option<String>,
    points: Option<String>,
    relative: Option<String>,
    yoy: Option<String>,
    comparison: Option<String>,
    completion: Option<String>,
    target_status: Option<String>,
    remaining: Option<String>,
    progress: Option<String>,
    next_change: Option<String>,
    share: Option<String>,
    parts: Vec<PartWords>,
    streak: Option<String>,
    record: Option<String>,
    milestone: Option<String>,
    series: Option<String>,
    average_growth: Option<String>,
    outlook: Option<String>,
    outlook_growth: Option<String>,
}

struct PartWords {
    value: String,
    share: Option<String>,
    yoy: Option<String>,
}

fn words(facts: &Facts, key: &str) -> Words {
    use crate::zh::cite::{part_text, text};
    let f = &facts.indicators[key];
    let w = |c: Citable| text(c, f, &facts.report);
    Words {
        kind: w(Citable::Kind).unwrap(),
        value: w(Citable::Value).unwrap(),
        summary: w(Citable::Summary).unwrap(),
        previous: w(Citable::Previous),
        growth: w(Citable::Growth),
        growth_percent: w(Citable::GrowthPercent),
        multiple: w(Citable::Multiple),
        doubling: w(Citable::Doubling),
        change: w(Citable::Change),
        points: w(Citable::Points),
        relative: w(Citable::Relative),
        yoy: w(Citable::Yoy),
        comparison: w(Citable::Comparison),
        completion: w(Citable::Completion),
        target_status: w(Citable::TargetStatus),
        remaining: w(Citable::Remaining),
        progress: w(Citable::Progress),
        next_change: w(Citable::NextChange),
        share: w(Citable::Share),
        parts: f
            .parts
            .iter()
            .map(|p| PartWords {
                value: part_text("value", f, p).unwrap(),
                share: part_text("share", f, p),
                yoy: part_text("yoy", f, p),
            })
            .collect(),
        streak: w(Citable::Streak),
        record: w(Citable::Record),
        milestone: w(Citable::Milestone),
        series: w(Citable::Series),
        average_growth: w(Citable::AverageGrowth),
        outlook: w(Citable::Outlook),
        outlook_growth: w(Citable::OutlookGrowth),
    }
}

#[test]
fn amount_growth_matches_the_bureau_figure() {
    let f = facts_of(
        "[indicators.rd]\nname = \"研发经费\"\nunit = \"亿元\"\ncurrent = 4.54\nprevious = 2.72\n",
    );
    let rd = &words(&f, "rd");
    assert_eq!(rd.value, "4.54亿元");
    assert_eq!(rd.growth.as_deref(), Some("增长66.9%"));
    assert_eq!(rd.change.as_deref(), Some("增加1.82亿元"));
    assert_eq!(rd.summary, "4.54亿元，同比增长66.9%");
    let pct = f
        .figures
        .iter()
        .find(|x| x.kind == FigureKind::YoyPercent)
        .unwrap();
    assert_eq!(decimal::fixed(pct.exact, pct.places), "66.9");
    let exact = pct.exact.to_string();
    assert!(exact.starts_with("66.911764"), "{exact}");
}

#[test]
fn ratio_changes_are_in_percentage_points() {
    let f = facts_of(
        "[indicators.rdi]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 2.0\nprevious = 1.28\n",
    );
    let rdi = &words(&f, "rdi");
    assert_eq!(rdi.kind, "ratio");
    assert_eq!(rdi.value, "2.0%", "typed as 2.0, printed as typed");
    assert_eq!(rdi.yoy.as_deref(), Some("同比提高0.72个百分点"));
    assert!(rdi.growth.is_none());
}

#[test]
fn counts_compare_in_things_and_percent() {
    let f = facts_of(
        "[indicators.hte]\nname = \"高新技术企业\"\nunit = \"家\"\ncurrent = 57\nprevious = 49\ntarget = 55\nnext_target = 60\n",
    );
    let hte = &words(&f, "hte");
    assert_eq!(hte.summary, "57家，比上年增加8家");
    assert_eq!(hte.growth.as_deref(), Some("增长16.3%"));
    assert_eq!(hte.completion.as_deref(), Some("完成目标任务的103.6%"));
    assert_eq!(hte.target_status.as_deref(), Some("超额完成目标任务"));
    assert_eq!(hte.next_change.as_deref(), Some("比2024年增加3家"));
    assert_eq!(
        f.indicators.values().filter(|i| i.next.is_some()).count(),
        1
    );
}

#[test]
fn zero_and_missing_bases_never_divide() {
    let f = facts_of(
        "[indicators.a]\nname = \"孵化器\"\nunit = \"个\"\ncurrent = 2\nprevious = 0\n\
         [indicators.b]\nname = \"平台\"\nunit = \"个\"\ncurrent = 3\n\
         [indicators.c]\nname = \"贷款\"\nunit = \"万元\"\ncurrent = 0\nprevious = 0\n",
    );
    assert_eq!(words(&f, "a").summary, "2个，实现零的突破");
    assert!(words(&f, "a").growth.is_none());
    assert_eq!(words(&f, "b").summary, "3个");
    assert!(words(&f, "b").yoy.is_none());
    assert_eq!(words(&f, "c").yoy.as_deref(), Some("与上年持平"));
}

#[test]
fn decreases_flat_and_shortfalls() {
    let f = facts_of(
        "[indicators.x]\nname = \"技术合同成交额\"\nunit = \"亿元\"\ncurrent = 12.5\nprevious = 13.23\ntarget = 13\nnext_target = 12.5\n\
         [indicators.y]\nname = \"研发强度\"\nunit = \"%\"\ncurrent = 2.0\ntarget = 2.1\nnext_target = 2.1\nprecision = 1\n",
    );
    let x = &words(&f, "x");
    assert_eq!(x.growth.as_deref(), Some("下降5.5%"));
    assert_eq!(x.change.as_deref(), Some("减少0.73亿元"));
    assert_eq!(x.target_status.as_deref(), Some("距目标尚差0.5亿元"));
    assert_eq!(x.next_change.as_deref(), Some("与2024年持平"));
    let y = &words(&f, "y");
    assert_eq!(y.target_status.as_deref(), Some("距目标尚差0.1个百分点"));
    assert!(y.completion.is_none());
    assert_eq!(y.next_change.as_deref(), Some("比2024年提高0.1个百分点"));
}

#[test]
fn report_facts_name_the_scope_and_date() {
    let f = facts_of("");
    assert_eq!(crate::zh::period::scope(&f.report.region), "全县");
    assert_eq!(crate::zh::period::date(&f.report), "2024年12月20日");
    assert_eq!(f.report.year + 1, 2025);
}

// ---- Year on year -------------------------------------------------------------------------

#[test]
fn percent_and_change_are_each_rounded_from_exact_inputs() {
    // From the rounded figures (2.35 vs 2.00) the growth would read 17.5%; from the exact
    // ones it is 17.25% → 17.3%.
    let x = one("unit = \"亿元\"\ncurrent = 2.345\nprevious = 2.0\nprecision = 2");
    assert_eq!(x.value, "2.35亿元");
    assert_eq!(x.change.as_deref(), Some("增加0.35亿元"));
    assert_eq!(x.growth.as_deref(), Some("增长17.3%"));
    // Without a precision each figure prints as typed, and so does their difference.
    let typed = one("unit = \"亿元\"\ncurrent = 2.345\nprevious = 2.0");
    assert_eq!(typed.value, "2.345亿元");
    assert_eq!(typed.previous.as_deref(), Some("2.0亿元"));
    assert_eq!(typed.change.as_deref(), Some("增加0.345亿元"));
}

#[test]
fn the_document_precision_applies_to_amounts_and_ratios_not_counts() {
    let f = facts_with(
        "precision = 1",
        "[indicators.a]\nname = \"甲\"\nunit = \"亿元\"\ncurrent = 4.54\n\
         [indicators.b]\nname = \"乙\"\nunit = \"家\"\ncurrent = 57\n\
         [indicators.c]\nname = \"丙\"\nunit = \"亿元\"\ncurrent = 4.54\nprecision = 3\n",
    );
    assert_eq!(words(&f, "a").value, "4.5亿元");
    assert_eq!(words(&f, "b").value, "57家");
    assert_eq!(words(&f, "c").value, "4.540亿元");
}

#[test]
fn a_tolerance_turns_small_changes_into_steady() {
    let f = facts_with(
        "flat_tolerance = 0.5",
        "[indicators.a]\nname = \"甲\"\nunit = \"亿元\"\ncurrent = 100.3\nprevious = 100\n\
         [indicators.b]\nname = \"乙\"\nunit = \"亿元\"\ncurrent = 100.5\nprevious = 100\n\
         [indicators.c]\nname = \"丙\"\nunit = \"%\"\ncurrent = 2.03\nprevious = 2.0\n",
    );
    assert_eq!(words(&f, "a").yoy.as_deref(), Some("同比基本持平"));
    assert_eq!(words(&f, "b").yoy.as_deref(), Some("同比增长0.5%"));
    assert_eq!(words(&f, "c").yoy.as_deref(), Some("同比基本持平"));
    // Without a tolerance only a change that rounds to zero is flat.
    let x = one("unit = \"亿元\"\ncurrent = 100.04\nprevious = 100");
    assert_eq!(x.yoy.as_deref(), Some("同比持平"));
}

#[test]
fn ratios_give_points_and_on_request_the_relative_change() {
    // The county's own figures: 2.0% in 2023 against 1.28% → 0.72 points, 56.25%.
    let f = facts_with(
        "percent_precision = 2",
        "[indicators.x]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 2.0\nprevious = 1.28\nrelative_change = true\n",
    );
    let x = &words(&f, "x");
    assert_eq!(x.points.as_deref(), Some("提高0.72个百分点"));
    assert_eq!(x.relative.as_deref(), Some("增长56.25%"));
    assert_eq!(x.yoy.as_deref(), Some("同比提高0.72个百分点"));
    let plain = one("unit = \"%\"\ncurrent = 2.0\nprevious = 1.28");
    assert!(plain.relative.is_none());
}

#[test]
fn large_growth_reads_as_multiples_and_doublings() {
    let x = one("unit = \"万元\"\ncurrent = 2973.81\nprevious = 665.62");
    // The city's 346.77%: 增长3.5倍, 翻两番 (at least 4× the base).
    assert_eq!(x.growth.as_deref(), Some("增长346.8%"));
    assert_eq!(x.multiple.as_deref(), Some("增长3.5倍"));
    assert_eq!(x.doubling.as_deref(), Some("翻两番"));
    let y = one("unit = \"亿元\"\ncurrent = 2\nprevious = 1\nmultiples = true");
    assert_eq!(y.growth.as_deref(), Some("增长1.0倍"));
    assert_eq!(y.growth_percent.as_deref(), Some("增长100.0%"));
    assert_eq!(y.doubling.as_deref(), Some("翻一番"));
    let z = one("unit = \"亿元\"\ncurrent = 1.99\nprevious = 1");
    assert!(z.multiple.is_none() && z.doubling.is_none());
}

#[test]
fn signed_figures_turn_and_shrink_losses() {
    let f = facts_of(
        "[indicators.a]\nname = \"利润\"\nunit = \"万元\"\ncurrent = 20\nprevious = -50\n\
         [indicators.b]\nname = \"利润\"\nunit = \"万元\"\ncurrent = -20\nprevious = -50\n\
         [indicators.c]\nname = \"利润\"\nunit = \"万元\"\ncurrent = -80\nprevious = -50\n\
         [indicators.d]\nname = \"利润\"\nunit = \"万元\"\ncurrent = -10\nprevious = 20\n",
    );
    assert_eq!(words(&f, "a").yoy.as_deref(), Some("同比由负转正"));
    assert_eq!(words(&f, "b").yoy.as_deref(), Some("同比减亏30万元"));
    assert_eq!(words(&f, "c").yoy.as_deref(), Some("同比增亏30万元"));
    assert_eq!(words(&f, "d").yoy.as_deref(), Some("同比由正转负"));
    assert!(f.indicators.keys().all(|k| words(&f, k).growth.is_none()));
}

#[test]
fn a_zero_base_is_new() {
    let x = one("unit = \"个\"\ncurrent = 2\nprevious = 0");
    assert_eq!(x.comparison.as_deref(), Some("新增2个"));
    assert_eq!(x.yoy.as_deref(), Some("实现零的突破"));
}

// ---- Targets ------------------------------------------------------------------------------

#[test]
fn lower_is_better_targets_are_met_by_falling() {
    let x = one("unit = \"吨\"\ncurrent = 0.45\ntarget = 0.5\nbetter = \"lower\"");
    assert_eq!(x.target_status.as_deref(), Some("超额完成目标任务"));
    assert!(x.completion.is_none());
    let y = one("unit = \"吨\"\ncurrent = 0.55\ntarget = 0.5\nbetter = \"lower\"");
    assert_eq!(y.target_status.as_deref(), Some("距目标尚差0.05吨"));
    let z = one("unit = \"家\"\ncurrent = 55\ntarget = 55");
    assert_eq!(z.target_status.as_deref(), Some("完成目标任务"));
}

#[test]
fn part_year_targets_are_annual_and_measured_against_time() {
    let f = facts_with(
        "cutoff_month = 6",
        "[indicators.a]\nname = \"技术合同成交额\"\nunit = \"亿元\"\ncurrent = 56.3\ntarget = 100\nprevious = 50\n\
         [indicators.b]\nname = \"高企\"\nunit = \"家\"\ncurrent = 62\ntarget = 60\n",
    );
    let a = &words(&f, "a");
    assert_eq!(a.completion.as_deref(), Some("完成全年目标的56.3%"));
    assert_eq!(a.progress.as_deref(), Some("超序时进度6.3个百分点"));
    assert_eq!(a.target_status.as_deref(), Some("距全年目标尚差43.7亿元"));
    assert_eq!(a.remaining.as_deref(), Some("还需完成43.7亿元"));
    assert_eq!(a.summary, "56.3亿元，同比增长12.6%");
    let b = &words(&f, "b");
    assert_eq!(b.target_status.as_deref(), Some("提前完成全年目标任务"));
    assert_eq!(
        crate::zh::period::time_progress(&f.report).as_deref(),
        Some("50.0%")
    );
    // 截至4月底: a third of the year.
    let g = facts_with(
        "cutoff_month = 4",
        "[indicators.a]\nname = \"研发投入\"\nunit = \"万元\"\ncurrent = 1533.7\ntarget = 5000\nprevious = 1035.6\n",
    );
    let a = &words(&g, "a");
    assert_eq!(a.completion.as_deref(), Some("完成全年目标的30.7%"));
    assert_eq!(a.progress.as_deref(), Some("低于序时进度2.7个百分点"));
    // The county's 1-4月 figure: 1533.7万元, 同比增长48.1%.
    assert_eq!(a.yoy.as_deref(), Some("同比增长48.1%"));
}

// ---- Shares, ratios and units -------------------------------------------------------------

#[test]
fn shares_of_a_total_and_of_sub_items() {
    let f = facts_of(
        "[indicators.hti]\nname = \"高新技术产业增加值\"\nunit = \"亿元\"\ncurrent = 822.94\n\
         [indicators.hti_county]\nname = \"县域高新技术产业增加值\"\nunit = \"万元\"\ncurrent = 2896000\npart_of = \"hti\"\n\
         [indicators.rd]\nname = \"研发经费投入\"\nunit = \"亿元\"\ncurrent = 4.54\n\
         parts = [{ name = \"企业\", current = 3.2, previous = 2.0 }, { name = \"高校院所\", current = 1.34 }]\n",
    );
    let county = &words(&f, "hti_county");
    // 289.6亿元 of 822.94亿元, units converted first.
    assert_eq!(county.share.as_deref(), Some("占高新技术产业增加值的35.2%"));
    let rd = &words(&f, "rd");
    assert_eq!(rd.parts[0].share.as_deref(), Some("占70.5%"));
    assert_eq!(rd.parts[0].yoy.as_deref(), Some("同比增长60.0%"));
    assert_eq!(rd.parts[1].value, "1.34亿元");
}

#[test]
fn derived_ratios_are_computed_from_their_indicators() {
    let f = facts_of(
        "[indicators.rd]\nname = \"研发经费投入\"\nunit = \"万元\"\ncurrent = 45400\nprevious = 27200\n\
         [indicators.gdp]\nname = \"地区生产总值\"\nunit = \"亿元\"\ncurrent = 227\nprevious = 212.5\n\
         [ratios.rd_gdp]\nname = \"研发投入占GDP比重\"\nnumerator = \"rd\"\ndenominator = \"gdp\"\nnext_target = 2.1\n",
    );
    let r = &words(&f, "rd_gdp");
    assert_eq!(r.kind, "ratio");
    assert_eq!(r.value, "2.00%");
    // 2.72 ÷ 212.5 = 1.28%; the change is taken between exact ratios: 2 − 1.28 = 0.72.
    assert_eq!(r.previous.as_deref(), Some("1.28%"));
    assert_eq!(r.points.as_deref(), Some("提高0.72个百分点"));
    assert_eq!(r.next_change.as_deref(), Some("比2024年提高0.10个百分点"));
    let fig = f
        .figures
        .iter()
        .find(|g| g.kind == FigureKind::Ratio)
        .unwrap();
    assert_eq!(fig.formula, "rd × 0.0001 ÷ gdp × 100");
}

#[test]
fn figures_typed_in_one_unit_print_in_another() {
    let x = one(
        "unit = \"亿元\"\ninput_unit = \"万元\"\ncurrent = 37521.2\nprevious = 28600\ntarget = 40000",
    );
    assert_eq!(x.value, "3.75亿元");
    assert_eq!(x.previous.as_deref(), Some("2.86亿元"));
    assert_eq!(x.change.as_deref(), Some("增加0.89亿元"));
    assert_eq!(x.target_status.as_deref(), Some("距目标尚差0.25亿元"));
}

// ---- Series -------------------------------------------------------------------------------

#[test]
fn series_give_streaks_records_milestones_and_average_growth() {
    let x = one(
        "unit = \"家\"\ncurrent = 57\nprevious = 46\nhistory = { 2020 = 25, 2021 = 31, 2022 = 38 }\nmilestones = [30, 50, 100]",
    );
    assert_eq!(x.streak.as_deref(), Some("连续4年增长"));
    assert_eq!(x.record.as_deref(), Some("创历史新高"));
    assert_eq!(x.milestone.as_deref(), Some("首次突破50家"));
    assert_eq!(
        x.series.as_deref(),
        Some("连续4年增长，创历史新高，首次突破50家")
    );
    // (57 ÷ 25)^(1/4) − 1 = 22.9%.
    assert_eq!(x.average_growth.as_deref(), Some("2020年以来年均增长22.9%"));
    // A gap in the years ends the streak; a fall is a streak too.
    let y = one("unit = \"家\"\ncurrent = 5\nprevious = 6\nhistory = { 2020 = 9, 2022 = 7 }");
    assert_eq!(y.streak.as_deref(), Some("连续2年下降"));
    assert!(y.record.is_none());
    // Previous may come from history.
    let z = one("unit = \"家\"\ncurrent = 5\nhistory = { 2023 = 4 }");
    assert_eq!(z.change.as_deref(), Some("增加1家"));
}

#[test]
fn an_outlook_needs_an_average_annual_growth() {
    // The city's five-year outlook: 98.06亿元 (2021) → 150亿元 (2025).
    let f = facts_with(
        "",
        "[indicators.rd]\nname = \"全社会研发投入\"\nunit = \"亿元\"\ncurrent = 98.06\noutlook = { year = 2028, value = 150 }\n\
         [indicators.rdi]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 2.23\noutlook = { year = 2028, value = 2.6 }\n",
    );
    let rd = &words(&f, "rd");
    assert_eq!(rd.outlook.as_deref(), Some("到2028年达到150亿元"));
    assert_eq!(rd.outlook_growth.as_deref(), Some("年均增长11.2%"));
    let rdi = &words(&f, "rdi");
    assert_eq!(rdi.outlook_growth.as_deref(), Some("年均提高0.09个百分点"));
}

// ---- Consistency --------------------------------------------------------------------------

#[test]
fn parts_that_do_not_add_up_are_found() {
    let found = findings_of(
        "",
        "[indicators.rd]\nname = \"研发经费投入\"\nunit = \"亿元\"\ncurrent = 4.54\n\
         parts = [{ name = \"企业\", current = 3.2 }, { name = \"高校院所\", current = 1.3 }]\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].key_path, "indicators.rd.parts");
    assert!(
        found[0].message.contains("add up to 4.5亿元"),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains("0.04亿元"),
        "{}",
        found[0].message
    );
}

#[test]
fn parts_of_a_total_cannot_exceed_it() {
    let found = findings_of(
        "",
        "[indicators.t]\nname = \"总额\"\nunit = \"亿元\"\ncurrent = 10\n\
         [indicators.a]\nname = \"甲\"\nunit = \"亿元\"\ncurrent = 6\npart_of = \"t\"\n\
         [indicators.b]\nname = \"乙\"\nunit = \"万元\"\ncurrent = 50000\npart_of = \"t\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("11亿元"), "{}", found[0].message);
}

#[test]
fn stated_growth_is_checked_at_its_own_precision() {
    let found = findings_of(
        "",
        "[indicators.a]\nname = \"研发\"\nunit = \"亿元\"\ncurrent = 4.54\nprevious = 2.72\nstated_growth = 66.9\n\
         [indicators.b]\nname = \"合同\"\nunit = \"亿元\"\ncurrent = 3.857\nprevious = 1\nstated_growth = 285\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].key_path, "indicators.b.stated_growth");
    assert!(found[0].message.contains("285") && found[0].message.contains("285.7"));
}

#[test]
fn typed_rates_in_prose_are_checked_against_the_data() {
    let body = "[indicators.rdi]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 2.23\nprevious = 1.57\n\
        [indicators.rd]\nname = \"全社会研发投入\"\nunit = \"亿元\"\ncurrent = 98.06\nprevious = 83.47\n\
        [opening]\ntext = \"全社会研发投入达98.06亿元，同比增长17.5%；研发投入强度提升至2.23%，同比增长0.66%。全社会研发投入增长16%。\"\n";
    let found = findings_of("", body);
    // 17.5% agrees (17.48 → 17.5); 0.66% is the points written as a percent; 16% is wrong.
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].message.contains("is a ratio"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("0.66个百分点"));
    assert!(found[1].message.contains("17.5%"), "{}", found[1].message);
    assert_eq!(found[0].key_path, "opening.text");
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap()
            .contains("{{ind.rdi.points}}")
    );
}

#[test]
fn next_targets_below_this_year_are_flagged_unless_planned() {
    let body = "[indicators.a]\nname = \"合同\"\nunit = \"亿元\"\ncurrent = 13.23\nnext_target = 12.5\n\
        [indicators.b]\nname = \"合同\"\nunit = \"亿元\"\ncurrent = 13.23\nnext_target = 12.5\ndecline_planned = true\n\
        [indicators.c]\nname = \"能耗\"\nunit = \"吨\"\ncurrent = 1\nnext_target = 0.9\nbetter = \"lower\"\n";
    let found = findings_of("", body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].key_path, "indicators.a.next_target");
}

// ---- Published figures --------------------------------------------------------------------

/// Figures printed in ../shared/reference, reproduced: (current, previous, unit, field, text).
#[test]
fn published_figures_are_reproduced() {
    let cases = [
        // county-annual-2024: 研发经费 4.54 vs 2.72亿元 → 66.9%.
        ("4.54", "2.72", "亿元", "growth", "增长66.9%"),
        // county-annual-2024: 强度 2.0% vs 1.28% → 0.72个百分点.
        ("2.0", "1.28", "%", "points", "提高0.72个百分点"),
        // county-half-year-2021 style: 1533.7万元 vs 1035.6 → 48.1%.
        ("1533.7", "1035.6", "万元", "growth", "增长48.1%"),
        // city-annual-2022: 5113.32 vs 3410.02万元 → 49.95% at two places.
        ("5113.32", "3410.02", "万元", "growth2", "增长49.95%"),
        // city-annual-2022: 2973.81 vs 665.62万元 → 346.77% at two places.
        ("2973.81", "665.62", "万元", "growth2", "增长346.77%"),
    ];
    for (current, previous, unit, field, text) in cases {
        let report = if field == "growth2" {
            "percent_precision = 2"
        } else {
            ""
        };
        let f = facts_with(
            report,
            &format!(
                "[indicators.x]\nname = \"x\"\nunit = \"{unit}\"\ncurrent = {current}\nprevious = {previous}\n"
            ),
        );
        let x = &words(&f, "x");
        let got = match field {
            "points" => x.points.as_deref(),
            _ => x.growth.as_deref(),
        };
        assert_eq!(got, Some(text), "{current} vs {previous}");
    }
}

// ---- Stated figures -----------------------------------------------------------------------

/// One indicator's field in words.
fn field(facts: &Facts, key: &str, c: Citable) -> Option<String> {
    crate::zh::cite::text(c, &facts.indicators[key], &facts.report)
}

#[test]
fn a_stated_growth_without_previous_is_the_growth_and_is_marked_stated() {
    // A county-level city's published figure: 10.66亿元, growth 19.18% at comparable prices.
    let f = facts_of(
        "[indicators.hti]\nname = \"高新技术产业增加值\"\nunit = \"亿元\"\ncurrent = 10.66\n\
         stated_growth = 19.18\nsource = \"市统计局\"\n\
         [indicators.rdi]\nname = \"研发经费投入强度\"\nunit = \"%\"\ncurrent = 1.46\nstated_growth = -0.2\n",
    );
    let hti = words(&f, "hti");
    assert_eq!(hti.summary, "10.66亿元，同比增长19.18%");
    assert_eq!(hti.growth.as_deref(), Some("增长19.18%"));
    assert!(
        hti.change.is_none(),
        "no absolute change without last year's value"
    );
    let rdi = words(&f, "rdi");
    assert_eq!(rdi.yoy.as_deref(), Some("同比下降0.2个百分点"));
    let stated: Vec<_> = f.figures.iter().filter(|x| x.stated.is_some()).collect();
    assert_eq!(stated.len(), 2);
    assert_eq!(stated[0].kind, FigureKind::StatedGrowth);
    assert_eq!(
        stated[0].stated.as_ref().unwrap().source.as_deref(),
        Some("市统计局")
    );
    // With last year's value, the computed growth is printed and the stated one checked.
    let checked = facts_of(
        "[indicators.g]\nname = \"奖补资金\"\nunit = \"万元\"\ncurrent = 2973.81\nprevious = 665.62\nstated_growth = 346.77\npercent_precision = 2\n",
    );
    assert_eq!(words(&checked, "g").growth.as_deref(), Some("增长346.77%"));
    assert!(checked.figures.iter().all(|x| x.stated.is_none()));
}

#[test]
fn an_indicator_sets_its_own_percent_decimals() {
    // The city report prints 同比增长346.77% beside one-decimal rates elsewhere.
    let f = facts_of(
        "[indicators.city]\nname = \"市本级奖补资金\"\nunit = \"万元\"\ncurrent = 2973.81\nprevious = 665.62\npercent_precision = 2\n\
         [indicators.rd]\nname = \"研发经费\"\nunit = \"亿元\"\ncurrent = 4.54\nprevious = 2.72\ntarget = 4.2\n",
    );
    assert_eq!(words(&f, "city").yoy.as_deref(), Some("同比增长346.77%"));
    assert_eq!(words(&f, "rd").growth.as_deref(), Some("增长66.9%"));
    assert_eq!(
        words(&f, "rd").completion.as_deref(),
        Some("完成目标任务的108.1%")
    );
}

#[test]
fn approximate_values_keep_their_significant_digits() {
    let f = facts_of(
        "[indicators.a]\nname = \"贷款\"\nunit = \"万元\"\ncurrent = 2634\nprevious = 2100\napprox = \"多\"\n\
         [indicators.b]\nname = \"科技特派员\"\nunit = \"名\"\ncurrent = 138\napprox = \"多\"\n\
         [indicators.c]\nname = \"科普基地\"\nunit = \"块\"\ncurrent = 43\napprox = \"余\"\napprox_digits = 1\n\
         [indicators.d]\nname = \"奖补\"\nunit = \"万元\"\ncurrent = 138\napprox = \"约\"\n\
         [indicators.e]\nname = \"受众\"\nunit = \"人\"\ncurrent = 29800\napprox = \"近\"\n",
    );
    let value = |k| field(&f, k, Citable::Value).unwrap();
    assert_eq!(value("a"), "2600多万元");
    assert_eq!(value("b"), "130多名");
    assert_eq!(value("c"), "40余块");
    assert_eq!(value("d"), "约140万元");
    assert_eq!(value("e"), "近3万人");
    // Comparisons use the exact figures: 2634 against 2100.
    assert_eq!(words(&f, "a").summary, "2600多万元，同比增长25.4%");
    assert_eq!(words(&f, "a").change.as_deref(), Some("增加534万元"));
    let approx = f
        .figures
        .iter()
        .find(|x| x.key == "a" && x.kind == FigureKind::Approximation)
        .unwrap();
    assert_eq!(
        approx.inputs[0],
        ("current".to_string(), Decimal::from(2634))
    );
}

#[test]
fn planned_growth_reads_as_a_bureau_plans() {
    let f = facts_of(
        "[indicators.p]\nname = \"专利申请量\"\nunit = \"件\"\ncurrent = 260\nnext_growth = 10\n\
         [indicators.r]\nname = \"研发经费\"\nunit = \"亿元\"\ncurrent = 3.38\nnext_growth = [10, 15]\n\
         [indicators.i]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 1.46\nnext_growth = 0.2\n",
    );
    let next = |k| field(&f, k, Citable::NextGrowth);
    assert_eq!(next("p").as_deref(), Some("增长10%以上"));
    assert_eq!(next("r").as_deref(), Some("保持10%—15%的增长"));
    assert_eq!(next("i").as_deref(), Some("提高0.2个百分点以上"));
    // The target the lower rate implies is in the audit: 260 × 1.1 = 286.
    let implied = f
        .figures
        .iter()
        .find(|x| x.key == "p" && x.kind == FigureKind::NextGrowth)
        .unwrap();
    assert_eq!(implied.exact, Decimal::from(286));
}

#[test]
fn counts_stay_whole_whatever_the_document_precision() {
    let f = facts_with(
        "precision = 2",
        "[indicators.x]\nname = \"指标\"\nunit = \"家\"\ncurrent = 57\nprevious = 49\n",
    );
    assert_eq!(words(&f, "x").summary, "57家，比上年增加8家");
}

#[test]
fn a_stated_rank_is_said_with_its_area_peers_and_move() {
    let f = facts_of(
        "[indicators.h]\nname = \"高新技术产业增加值\"\nunit = \"亿元\"\ncurrent = 10.66\nstated_growth = 19.18\n\
         stated_rank = { scope = \"怀化市\", position = 9, of = 13, peer_group = { name = \"同类县市\", position = 7 }, last_position = 11 }\n\
         [indicators.t]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 1.46\nstated_rank = { scope = \"湖南省\", position = 3, tied = true }\n",
    );
    let rank = |k: &str, field| {
        crate::zh::cite::rank_text(field, f.indicators[k].rank.as_ref().unwrap(), "亿元")
    };
    assert_eq!(
        rank("h", RankField::Text).as_deref(),
        Some("居怀化市第九位、同类县市第七位，比上年前移2位")
    );
    assert_eq!(rank("h", RankField::Of).as_deref(), Some("13"));
    assert!(
        rank("h", RankField::Average).is_none(),
        "a stated rank has no mean"
    );
    assert_eq!(
        rank("t", RankField::Text).as_deref(),
        Some("并列全省第三位")
    );
    assert!(
        f.figures
            .iter()
            .any(|x| x.kind == FigureKind::StatedRank && x.stated.is_some())
    );
}

// ---- Properties ---------------------------------------------------------------------------

mod properties {
    use super::super::decimal::{fixed, percent_change, round_half_up};
    use crate::zh::phrase::{self, Trend};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// Decimals from −10^12 to 10^12 with up to 6 places, zero and tiny values included.
    fn decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            Just(Decimal::ZERO),
            (-1_000_000i64..1_000_000).prop_map(|n| Decimal::new(n, 6)),
            (-1_000_000_000_000_000i64..1_000_000_000_000_000).prop_map(|n| Decimal::new(n, 6)),
            (-1_000_000_000_000i64..1_000_000_000_000).prop_map(Decimal::from),
        ]
    }

    proptest! {
        #[test]
        fn half_up_is_within_half_a_unit_and_ties_go_away_from_zero(v in decimal(), places in 0u32..6) {
            let r = round_half_up(v, places);
            let unit = Decimal::new(1, places);
            let half = unit / Decimal::TWO;
            prop_assert!((r - v).abs() <= half);
            if (r - v).abs() == half {
                prop_assert!(r.abs() > v.abs());
            }
            // Printed with exactly `places` decimals and never as −0.
            let text = fixed(v, places);
            let decimals = text.split('.').nth(1).map_or(0, str::len);
            prop_assert_eq!(decimals as u32, places);
            prop_assert!(!text.starts_with('-') || !r.is_zero());
        }

        #[test]
        fn growth_words_follow_the_rounded_sign(current in decimal(), previous in decimal()) {
            prop_assume!(!previous.is_zero());
            let pct = percent_change(current, previous).unwrap();
            let text = phrase::growth(Trend::of(round_half_up(pct, 1)), &fixed(pct, 1));
            let rounded = round_half_up(pct, 1);
            if rounded.is_zero() {
                prop_assert_eq!(text, "持平");
            } else if rounded > Decimal::ZERO {
                prop_assert_eq!(text, format!("增长{}%", fixed(pct, 1)));
            } else {
                prop_assert_eq!(text, format!("下降{}%", fixed(-pct, 1)));
            }
        }

        #[test]
        fn measured_indicators_never_panic_and_say_one_direction(
            current in decimal(), previous in decimal(), target in decimal(),
        ) {
            let x = super::one(&format!(
                "unit = \"亿元\"\ncurrent = \"{current}\"\nprevious = \"{previous}\"\ntarget = \"{target}\"\nhistory = {{ 2020 = \"{previous}\" }}"
            ));
            let yoy = x.yoy.unwrap_or_default();
            let words = ["增长", "下降", "持平", "由负转正", "由正转负", "减亏", "增亏", "零的突破"];
            prop_assert_eq!(words.iter().filter(|w| yoy.contains(*w)).count(), 1, "{}", yoy);
            prop_assert!(!yoy.contains('-'), "{}", yoy);
            let status = x.target_status.unwrap_or_default();
            prop_assert!(!status.contains('-'), "{}", status);
        }

        #[test]
        fn stated_and_approximate_figures_read_cleanly(
            current in (1i64..10_000_000_000).prop_map(|n| Decimal::new(n, 2)),
            stated in decimal(),
            ratio in any::<bool>(),
            mark in prop_oneof![Just("多"), Just("余"), Just("约"), Just("近")],
            digits in 1u32..5,
            growth in (0i64..100_000).prop_map(|n| Decimal::new(n, 2)),
            has_stated in any::<bool>(),
        ) {
            let unit = if ratio { "%" } else { "万元" };
            let stated_line = if has_stated { format!("stated_growth = \"{stated}\"\n") } else { String::new() };
            let x = super::one(&format!(
                "unit = \"{unit}\"\ncurrent = \"{current}\"\n{stated_line}approx = \"{mark}\"\napprox_digits = {digits}\nnext_growth = \"{growth}\""
            ));
            // The value says its mark once, never a sign.
            prop_assert_eq!(x.value.matches(mark).count(), 1, "{}", x.value);
            prop_assert!(!x.value.contains('-'), "{}", x.value);
            // No comparison without one to make: never a dangling 同比.
            prop_assert!(
                !x.summary.ends_with("同比") && !x.summary.contains("同比。") && !x.summary.ends_with('，'),
                "{}", x.summary
            );
            match x.yoy {
                Some(yoy) => {
                    prop_assert!(has_stated);
                    let words = ["增长", "下降", "持平", "提高", "降低"];
                    prop_assert_eq!(words.iter().filter(|w| yoy.contains(*w)).count(), 1, "{}", yoy);
                    prop_assert!(!yoy.contains('-'), "{}", yoy);
                }
                None => prop_assert!(!has_stated),
            }
        }
    }
}
