//! The standard outline, for a data file that gives no `[[sections]]` of its own, made from
//! its older sections — written once, here:
//!
//! ```text
//! 一、2024年工作情况        (一)主要科技指标完成情况 [indicators, indicator_table]
//!                           (二)… each of [[achievements]]
//! 二、2024年特色亮点工作    (一)… each of [[highlights]]
//! 三、存在的问题            一是…… each of [[problems]]
//! 四、2025年工作打算        (一)总体目标 [goals]  (二)工作任务: [plan].intro, 1.… each task
//! 五、中长期发展目标        [outlook]
//! ```
//!
//! A section without anything under it is left out, and the ones after it renumber. A
//! half-year report plans the second half (三、下半年工作思路, (一)全年目标任务 [remaining]).

use super::tree::{Node, Text, prose};
use crate::measure::Facts;
use crate::model::{BlockName, Highlight, Part, ReportFile};
use crate::zh::outline as heading;

/// The standard outline of `file`.
pub(super) fn outline<'a>(file: &'a ReportFile, facts: &Facts) -> Vec<Node<'a>> {
    let r = &facts.report;
    let mut top = Vec::new();

    let mut work = Node::headed(heading::work(r));
    let has_indicators = file.indicators.values().any(|i| !i.cite_only);
    if has_indicators {
        let mut key = Node::headed(heading::KEY_INDICATORS);
        key.blocks = vec![BlockName::Indicators, BlockName::IndicatorTable];
        work.children.push(key);
    }
    work.children.extend(
        file.achievements
            .iter()
            .enumerate()
            .map(|(i, p)| part(format!("achievements.{i}"), p)),
    );
    if !work.children.is_empty() {
        top.push(work);
    }

    if !file.highlights.is_empty() {
        let mut highlights = Node::headed(heading::highlights(r));
        highlights.children = file
            .highlights
            .iter()
            .enumerate()
            .map(|(i, h)| headed_text(format!("highlights.{i}"), h))
            .collect();
        top.push(highlights);
    }

    if !file.problems.is_empty() {
        let mut problems = Node::headed(heading::PROBLEMS);
        problems.points = titled(&file.problems, "problems");
        top.push(problems);
    }

    let half = r.half_year();
    let has_plan = file.plan.is_some()
        || facts.indicators.values().any(|f| f.next.is_some())
        || (half && facts.indicators.values().any(|f| f.target.is_some()));
    if has_plan {
        let plan = file.plan.clone().unwrap_or_default();
        let plan_ref = file.plan.as_ref();
        let mut node = Node::headed(heading::plan(r));
        let goals: Vec<Text> = plan_ref
            .map(|p| {
                p.goals
                    .iter()
                    .enumerate()
                    .map(|(i, g)| prose(format!("plan.goals.{i}"), g))
                    .collect()
            })
            .unwrap_or_default();
        let (block, has_targets) = if half {
            let any = facts.indicators.values().any(|f| f.target.is_some());
            (BlockName::Remaining, any)
        } else {
            let any = facts.indicators.values().any(|f| f.next.is_some());
            (BlockName::Goals, any)
        };
        if has_targets || !goals.is_empty() {
            let mut targets = Node::headed(heading::targets(r));
            targets.blocks = vec![block];
            targets.goals = goals;
            node.children.push(targets);
        }
        if !plan.tasks.is_empty() {
            let mut tasks = Node::headed(heading::TASKS);
            let plan_ref = plan_ref.expect("tasks come from a [plan]");
            tasks.lead = plan_ref
                .intro
                .as_deref()
                .map(|t| prose("plan.intro".into(), t));
            tasks.children = plan_ref
                .tasks
                .iter()
                .enumerate()
                .map(|(i, t)| part(format!("plan.tasks.{i}"), t))
                .collect();
            node.children.push(tasks);
        }
        top.push(node);
    }

    if facts.indicators.values().any(|f| f.outlook.is_some()) {
        let mut outlook = Node::headed(heading::OUTLOOK);
        outlook.blocks = vec![BlockName::Outlook];
        top.push(outlook);
    }
    top
}

/// A headed part (an achievement or a task): its paragraphs, then its points.
fn part(path: String, p: &Part) -> Node<'_> {
    let mut node = Node::headed(String::new());
    node.title = Some(prose(format!("{path}.title"), &p.title));
    node.paragraphs = p
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, t)| prose(format!("{path}.paragraphs.{i}"), t))
        .collect();
    node.points = p
        .points
        .iter()
        .enumerate()
        .map(|(i, pt)| {
            (
                prose(format!("{path}.points.{i}.title"), &pt.title),
                prose(format!("{path}.points.{i}.text"), &pt.text),
            )
        })
        .collect();
    node
}

/// A highlight: its title as a heading, its text under it.
fn headed_text(path: String, h: &Highlight) -> Node<'_> {
    let mut node = Node::headed(String::new());
    node.title = Some(prose(format!("{path}.title"), &h.title));
    node.paragraphs = vec![prose(format!("{path}.text"), &h.text)];
    node
}

/// Problems as points: 一是{title}。{text}.
fn titled<'a>(items: &'a [Highlight], section: &str) -> Vec<(Text<'a>, Text<'a>)> {
    items
        .iter()
        .enumerate()
        .map(|(i, h)| {
            (
                prose(format!("{section}.{i}.title"), &h.title),
                prose(format!("{section}.{i}.text"), &h.text),
            )
        })
        .collect()
}
