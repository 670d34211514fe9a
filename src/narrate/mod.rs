//! Stage 4, narrate: facts + the document's outline → [`Outline`], headings, paragraphs and
//! tables in order.
//!
//! The outline is data: the data file's `[[sections]]`, or the standard outline made from its
//! older sections (`standard`). Walking it (`tree`), every prose field is rendered on its own
//! (`prose`) so that a clerk can write `{{ind.rd_spend.summary}}` or `{{cite "rd_spend"}}`
//! inside a sentence and get the computed figure; every block a section holds — the
//! key-indicator paragraph, the table, the targets — is worded by its template
//! ([`templates`], compiled once in `registry`) from the facts in words (`context`). The
//! title, opening and signature are templates too. Templates write a little outline markup
//! (see [`crate::outline`]); headings come from the sections only.
//!
//! Handlebars runs in strict mode (a missing value is an error, never a blank) and without
//! HTML escaping (R&D stays R&D).

mod bounds;
pub mod context;
mod helpers;
mod prose;
mod reach;
mod registry;
mod standard;
mod templates;
mod tree;

use handlebars::Handlebars;
use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Finding};
use crate::measure::{Facts, IndicatorFacts};
use crate::model::{BlockName, ReportFile, Style};
use crate::outline::{Block, Directive, LITERAL, Look, Numbering, Outline};
use crate::views;
use crate::zh::{numeral, period, punct, reading};
pub use templates::{BUILT_IN as BUILT_IN_TEMPLATES, Origin, Template, TemplateSet};
use tree::{Node, Selection, Text};

/// What stopped a report from being narrated.
#[derive(Debug, Clone)]
pub enum Problem {
    /// A prose field of the data file (a citation that names nothing), at its key path.
    Prose(Finding),
    /// A template, or the outline the templates made; already located in the template.
    Template(Diagnostic),
}

/// Renders a report to its outline; every prose problem is reported, or else the first
/// template problem.
pub fn narrate(
    file: &ReportFile,
    facts: &Facts,
    templates: &TemplateSet,
) -> Result<Outline, Vec<Problem>> {
    match narrate_worded(file, facts, templates, &worded(file, templates)) {
        // A prose problem's help lists the fields the indicator has: every one, as worded when
        // all are.
        Err(problems) if problems.iter().any(|p| matches!(p, Problem::Prose(_))) => {
            narrate_worded(file, facts, templates, &context::Worded::all())
        }
        done => done,
    }
}

/// The citable fields a draft of `file` can cite, with `templates` (see [`reach`]).
fn worded(file: &ReportFile, templates: &TemplateSet) -> context::Worded {
    let reach = templates
        .reach
        .get_or_init(|| reach::Reach::of_templates(&templates.templates));
    let texts = file.texts();
    let prose = reach::prose_names(texts.iter().map(|(_, t)| *t));
    context::Worded::only(|field| reach.has(field, &prose))
}

/// [`narrate`], with the citable fields `worded`.
fn narrate_worded(
    file: &ReportFile,
    facts: &Facts,
    templates: &TemplateSet,
    worded: &context::Worded,
) -> Result<Outline, Vec<Problem>> {
    let hb = templates
        .compiled
        .get_or_init(|| registry::compile(templates))
        .as_ref()
        .map_err(|d| vec![Problem::Template(d.clone())])?;
    let style = file.style.clone().unwrap_or_default();
    let mut writer = Writer {
        hb,
        templates,
        facts,
        words: handlebars::Context::from(context::of(facts, worded)),
        prose: prose::Prose::new(hb),
        style: &style,
        blocks: Vec::new(),
    };
    let title = writer.fragment("title", Vec::new())?.title;
    let opening = file.opening.as_ref().map(|o| {
        let text = writer.render_prose(&Text::Prose {
            path: "opening.text".into(),
            text: &o.text,
        });
        Value::String(prose::protect_markup(&text))
    });
    let opening = writer.fragment("opening", vec![("opening", json!(opening))])?;
    writer.blocks.extend(opening.blocks);
    let nodes = if file.sections.is_empty() {
        standard::outline(file, facts)
    } else {
        tree::of_sections(&file.sections)
    };
    writer.nodes(&nodes, 1)?;
    let signature = writer.fragment("signature", Vec::new())?;
    writer.blocks.extend(signature.blocks);
    if !writer.prose.errors.is_empty() {
        return Err(writer
            .prose
            .errors
            .into_iter()
            .map(Problem::Prose)
            .collect());
    }
    let mut outline = Outline {
        title,
        blocks: writer.blocks,
        numbering: Numbering {
            level3_comma: style.level3.as_deref() == Some(numeral::LEVEL3_COMMA),
        },
        look: Look {
            sealed: style.seal.unwrap_or(false),
            fonts: style.fonts.clone().unwrap_or_default(),
        },
    };
    outline.number_headings();
    Ok(outline)
}

/// Walks the outline, writing its blocks.
struct Writer<'a> {
    hb: &'a Handlebars<'static>,
    templates: &'a TemplateSet,
    facts: &'a Facts,
    /// The facts in words: what prose and templates cite.
    words: handlebars::Context,
    prose: prose::Prose<'a>,
    style: &'a Style,
    blocks: Vec<Block>,
}

impl Writer<'_> {
    fn render_prose(&mut self, text: &Text) -> String {
        match text {
            Text::Prose { path, text } => self.prose.render(&self.words, path, text),
            Text::Words(words) => words.clone(),
        }
    }

    /// A text as paragraphs, one a line.
    fn paragraphs(&mut self, text: &Text) -> Vec<Block> {
        lines(&self.render_prose(text))
    }

    /// The nodes at `level` and everything under them. A node without a title is text between
    /// headings, and the headings after it start a new series.
    fn nodes(&mut self, nodes: &[Node], level: u8) -> Result<(), Vec<Problem>> {
        let mut restart = false;
        for node in nodes {
            self.node(node, level, restart)?;
            restart = node.title.is_none();
        }
        Ok(())
    }

    fn node(&mut self, node: &Node, level: u8, restart: bool) -> Result<(), Vec<Problem>> {
        // A section may sit deeper than its place (一、 then 1、); validation keeps it within four.
        let level = node.level.map_or(level, |own| own.max(level));
        let mut content = Vec::new();
        if let Some(lead) = &node.lead {
            content.extend(self.paragraphs(lead));
        }
        for &block in &node.blocks {
            content.extend(self.block(block, node)?);
        }
        for paragraph in &node.paragraphs {
            content.extend(self.paragraphs(paragraph));
        }
        content.extend(self.points(node));
        if let Some(title) = &node.title {
            // A heading is one line, whatever the prose holds.
            let title: String = self.render_prose(title).lines().map(str::trim).collect();
            let title = title.replace(LITERAL, "");
            let runs_in = node.run_in.unwrap_or_else(|| {
                self.style
                    .run_in
                    .as_ref()
                    .is_some_and(|levels| levels.contains(&level))
            });
            let heading = match content.first() {
                Some(Block::Paragraph { text }) if runs_in => {
                    let body = text.clone();
                    content.remove(0);
                    Block::Heading {
                        level,
                        number: String::new(),
                        text: punct::sentence(&title),
                        run_in: Some(body),
                        restart,
                    }
                }
                _ => Block::Heading {
                    level,
                    number: String::new(),
                    text: title,
                    run_in: None,
                    restart,
                },
            };
            self.blocks.push(heading);
        }
        self.blocks.extend(content);
        // Validation refuses a fifth level; the walk stops there too.
        if level < 4 || node.children.is_empty() {
            self.nodes(&node.children, level + 1)?;
        }
        Ok(())
    }

    /// The node's points: a paragraph each (一是……。), or one for all.
    fn points(&mut self, node: &Node) -> Vec<Block> {
        let marker = node
            .marker
            .or(self.style.marker.as_deref())
            .unwrap_or(numeral::MARKERS[0]);
        let count = node.points.len();
        let items: Vec<String> = node
            .points
            .iter()
            .enumerate()
            .map(|(i, (title, text))| {
                let title = self.render_prose(title);
                let text = self.render_prose(text);
                let label = numeral::marker_label(marker, i, count);
                format!("{label}{}{text}", punct::sentence(&title))
            })
            .collect();
        if node.inline_points && !items.is_empty() {
            let joined: String = items.iter().map(|i| punct::sentence(i)).collect();
            return lines(&joined);
        }
        items.iter().flat_map(|item| lines(item)).collect()
    }

    /// One block of a node, worded by its template from the indicators the node takes.
    fn block(&mut self, name: BlockName, node: &Node) -> Result<Vec<Block>, Vec<Problem>> {
        let selected = selected(self.facts, node.selection);
        let has = |f: &IndicatorFacts| match name {
            BlockName::Goals => f.next.is_some() || f.planned.is_some(),
            BlockName::Remaining => f.target.is_some(),
            BlockName::Outlook => f.outlook.is_some(),
            BlockName::Highlights => {
                f.series.streak.is_some() || f.series.record || f.series.milestone.is_some()
            }
            BlockName::Indicators | BlockName::IndicatorTable => true,
        };
        let keys: Vec<String> = selected
            .iter()
            .filter(|f| has(f))
            .map(|f| f.key.clone())
            .collect();
        let words = |k: &String| self.words.data().get("ind")?.get(k).cloned();
        // Indicators of the report's period, then those of their own (2021年度, 1-11月),
        // which a sentence states apart.
        let (dated_keys, list): (Vec<&String>, Vec<&String>) = keys.iter().partition(|k| {
            self.facts
                .indicators
                .get(*k)
                .is_some_and(|f| f.period.is_some())
        });
        let mut list: Vec<Value> = list.into_iter().filter_map(words).collect();
        let mut dated: Vec<(Value, Vec<Value>)> = Vec::new();
        if name == BlockName::Indicators {
            // One sentence for the report's period, one for each period of its own.
            say_ranks_once(&mut list);
            dated = by_period(dated_keys.into_iter().filter_map(words));
            for (_, sentence) in &mut dated {
                say_ranks_once(sentence);
            }
        } else {
            list.extend(dated_keys.into_iter().filter_map(words));
        }
        let dated: Vec<Value> = dated
            .into_iter()
            .map(|(period, indicators)| {
                serde_json::json!({ "period": period, "indicators": indicators })
            })
            .collect();
        let goals: Vec<Value> = node
            .goals
            .iter()
            .map(|g| {
                let text = self.render_prose(g);
                // The goals sentence says 力争 once at its head; elsewhere a goal keeps it.
                let text = if name == BlockName::Goals {
                    reading::without_strive(&text)
                } else {
                    text
                };
                Value::String(prose::protect_markup(&text))
            })
            .collect();
        let names_another_city = selected.iter().any(|f| {
            f.rank
                .as_ref()
                .and_then(|r| r.within.as_deref())
                .is_some_and(|city| city.trim() != self.facts.report.region.trim())
        });
        let scope = period::sentence_scope(&self.facts.report.region, names_another_city);
        let mut extra = vec![
            ("goals", Value::Array(goals)),
            ("scope", Value::String(scope)),
            ("dated", Value::Array(dated)),
        ];
        let list_name = match name {
            BlockName::Indicators => Some("indicators"),
            BlockName::Goals => Some("next_targets"),
            BlockName::Remaining => Some("targets"),
            BlockName::Outlook => Some("outlooks"),
            BlockName::Highlights => Some("highlights"),
            BlockName::IndicatorTable => None,
        };
        if let Some(list_name) = list_name {
            extra.push((list_name, Value::Array(list)));
        }
        let fragment = self.fragment(template_of(name), extra)?;
        let facts = self.facts;
        let mut blocks = Vec::new();
        for block in fragment.blocks {
            blocks.push(match block {
                Block::Table(t) if t.kind == crate::outline::TableKind::Indicators => {
                    Block::Table(views::tables::indicators(facts, t.caption, &keys))
                }
                other => other,
            });
        }
        if blocks.iter().any(|b| matches!(b, Block::Heading { .. })) {
            return Err(vec![Problem::Template(
                Diagnostic::error(format!(
                    "the template {}.hbs writes a heading; headings come from the data file's sections",
                    template_of(name)
                ))
                .help("remove the # lines from the template and give the section a title instead"),
            )]);
        }
        Ok(blocks)
    }

    /// Renders template `name` with the facts in words and `extra` values beside them, and
    /// reads the markup it writes.
    fn fragment(&mut self, name: &str, extra: Vec<(&str, Value)>) -> Result<Outline, Vec<Problem>> {
        let keys: Vec<String> = extra.iter().map(|(k, _)| k.to_string()).collect();
        if let Value::Object(map) = self.words.data_mut() {
            map.extend(extra.into_iter().map(|(k, v)| (k.to_string(), v)));
        }
        let rendered = registry::render_bounded(self.hb, name, &self.words);
        if let Value::Object(map) = self.words.data_mut() {
            for k in &keys {
                map.remove(k);
            }
        }
        let markup = rendered.map_err(|e| {
            vec![Problem::Template(registry::render_diagnostic(
                self.templates,
                &e,
            ))]
        })?;
        Outline::parse(&markup, |directive| match directive {
            // The rows are filled in by the block that placed the table.
            Directive::IndicatorTable { caption } => Block::Table(crate::outline::Table {
                kind: crate::outline::TableKind::Indicators,
                caption,
                header: Vec::new(),
                rows: Vec::new(),
                note: None,
            }),
        })
        .map_err(|e| {
            vec![Problem::Template(
                Diagnostic::error(format!(
                    "the template {name}.hbs wrote a line zongjie cannot read (line {} of what it wrote): {}",
                    e.line, e.message
                ))
                .help("check :: directives in the template"),
            )]
        })
    }
}

/// Names the area of a ranking once in a sentence: the first ranked indicator says where it
/// stands (居怀化市第三位), the next ranked in the same area only its place (居第五位), one
/// ranked elsewhere its own area again (居全省第三位). Each gets `rank_said`.
fn say_ranks_once(sentence: &mut [Value]) {
    let mut named: Option<Value> = None;
    for entry in sentence.iter_mut() {
        let Some(rank) = entry.get("rank") else {
            continue;
        };
        let scope = rank.get("scope").cloned();
        let field = if named.is_some() && named == scope {
            "brief"
        } else {
            "text"
        };
        let said = rank.get(field).cloned();
        if let (Some(said), Value::Object(map)) = (said, entry) {
            map.insert("rank_said".into(), said);
            named = scope;
        }
    }
}

/// Indicators of their own periods, one group per period in order of first appearance, so
/// that a sentence states each period once: 2021年度，全市全社会研发经费投入98.06亿元…；研发
/// 经费投入强度2.23%…。
fn by_period(dated: impl Iterator<Item = Value>) -> Vec<(Value, Vec<Value>)> {
    let mut groups: Vec<(Value, Vec<Value>)> = Vec::new();
    for entry in dated {
        let period = entry.get("period").cloned().unwrap_or(Value::Null);
        match groups.iter_mut().find(|(p, _)| *p == period) {
            Some((_, members)) => members.push(entry),
            None => groups.push((period, vec![entry])),
        }
    }
    groups
}

/// The template that words a block.
fn template_of(block: BlockName) -> &'static str {
    match block {
        BlockName::Indicators => "indicators",
        BlockName::IndicatorTable => "indicator_table",
        BlockName::Goals => "goals",
        BlockName::Remaining => "remaining",
        BlockName::Highlights => "highlights",
        BlockName::Outlook => "outlook",
    }
}

/// The indicators a selection takes, in the order it names them (else file order).
fn selected<'f>(facts: &'f Facts, selection: Selection) -> Vec<&'f IndicatorFacts> {
    let listed = |f: &IndicatorFacts| !f.cite_only;
    match selection {
        Selection::All => facts.indicators.values().filter(|f| listed(f)).collect(),
        Selection::Only(keys) => keys
            .iter()
            .filter_map(|k| facts.indicators.get(k))
            .collect(),
        Selection::Except(keys) => facts
            .indicators
            .values()
            .filter(|f| listed(f) && !keys.contains(&f.key))
            .collect(),
    }
}

/// A rendered text as paragraphs: one a line, blank lines dropped.
fn lines(text: &str) -> Vec<Block> {
    text.lines()
        .map(|l| l.replace(LITERAL, "").trim().to_string())
        .filter(|l| !l.is_empty())
        .map(|text| Block::Paragraph { text })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;

    /// Wording only the fields the templates and prose name changes nothing a draft says:
    /// every example, with the built-in templates and with templates that name fields the
    /// built-in ones do not (some under `#if`, sub-items walked), and a file whose prose cites
    /// one no template names. (A city's own templates get every field: see `reach`.)
    #[test]
    fn a_draft_worded_from_the_fields_it_names_is_the_draft_worded_from_all() {
        let built_in = TemplateSet::built_in();
        let reach = reach::Reach::of_templates(&built_in.templates);
        let none = std::collections::HashSet::new();
        assert!(!reach.has("doubling", &none) && !reach.has("previous_number", &none));
        let mut other = TemplateSet::built_in();
        for t in &mut other.templates {
            if t.name == "indicators" {
                t.text = "{{#each indicators}}{{key}}：{{previous_number}}；{{#if doubling}}{{doubling}}{{/if}}{{#if average_growth}}{{average_growth}}{{/if}}{{#if parts}}{{#each parts}}{{name}}{{share}}{{/each}}{{/if}}\n{{/each}}".into();
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let files = crate::ops::batch::inputs(&[root.clone(), root.join("huaihua-2024")]).unwrap();
        let mut sources: Vec<Source> = files.iter().map(|p| Source::read(p).unwrap()).collect();
        let xupu = std::fs::read_to_string(root.join("xupu-2024.toml")).unwrap();
        let cited = xupu.replacen(
            "[opening]\ntext = \"",
            "[opening]\ntext = \"研发经费由{{ind.rd_spend.previous_number}}增至{{ind.rd_spend.value}}。",
            1,
        );
        assert_ne!(cited, xupu, "the opening is where the test expects it");
        sources.push(Source::new("cited.toml", cited));
        for templates in [built_in, other] {
            for source in &sources {
                let checked = crate::check(source, crate::Options::default()).unwrap();
                let (file, facts) = (&checked.file, &checked.facts);
                let worded = worded(file, &templates);
                let named = narrate_worded(file, facts, &templates, &worded).unwrap();
                let all = narrate_worded(file, facts, &templates, &context::Worded::all()).unwrap();
                assert_eq!(named, all, "{}", source.path.display());
            }
        }
    }
}
