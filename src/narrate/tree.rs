//! The document's outline as narrate walks it: the data file's own `[[sections]]`, or the
//! standard outline made from its older sections (see `standard`), as one tree of nodes whose
//! texts remember where in the data file they come from.

use crate::model::{BlockName, Section};

/// A text of the outline: prose from the data file (rendered, citations filled in, and any
/// problem reported at its key path), or words zongjie chose (a standard heading).
#[derive(Debug, Clone)]
pub(super) enum Text<'a> {
    Prose { path: String, text: &'a str },
    Words(String),
}

/// Which indicators a node's blocks take.
#[derive(Debug, Clone, Copy)]
pub(super) enum Selection<'a> {
    /// Every indicator not marked `cite_only`, in file order.
    All,
    /// These, in this order.
    Only(&'a [String]),
    /// Every indicator not marked `cite_only`, less these.
    Except(&'a [String]),
}

/// One section of the outline.
#[derive(Debug, Clone)]
pub(super) struct Node<'a> {
    pub title: Option<Text<'a>>,
    /// The level the heading is printed at when deeper than its place (`Section::level`).
    pub level: Option<u8>,
    /// Whether the heading runs into the first paragraph; `None` follows the house style.
    pub run_in: Option<bool>,
    pub lead: Option<Text<'a>>,
    pub blocks: Vec<BlockName>,
    pub selection: Selection<'a>,
    pub goals: Vec<Text<'a>>,
    pub paragraphs: Vec<Text<'a>>,
    pub points: Vec<(Text<'a>, Text<'a>)>,
    /// How the points are counted (一是, 一要 …); `None` follows the house style.
    pub marker: Option<&'a str>,
    pub inline_points: bool,
    pub children: Vec<Node<'a>>,
}

impl<'a> Node<'a> {
    /// A node with a heading of zongjie's words and nothing yet under it.
    pub fn headed(title: impl Into<String>) -> Node<'a> {
        Node {
            title: Some(Text::Words(title.into())),
            level: None,
            run_in: None,
            lead: None,
            blocks: Vec::new(),
            selection: Selection::All,
            goals: Vec::new(),
            paragraphs: Vec::new(),
            points: Vec::new(),
            marker: None,
            inline_points: false,
            children: Vec::new(),
        }
    }
}

/// Prose of the data file at `path`.
pub(super) fn prose(path: String, text: &str) -> Text<'_> {
    Text::Prose { path, text }
}

/// The data file's own sections as nodes.
pub(super) fn of_sections(sections: &[Section]) -> Vec<Node<'_>> {
    sections
        .iter()
        .enumerate()
        .map(|(i, s)| of_section(format!("sections.{i}"), s))
        .collect()
}

fn of_section(path: String, s: &Section) -> Node<'_> {
    let at = |field: &str| format!("{path}.{field}");
    Node {
        title: s.title.as_deref().map(|t| prose(at("title"), t)),
        level: s.level,
        run_in: s.run_in,
        lead: s.lead.as_deref().map(|t| prose(at("lead"), t)),
        blocks: s.blocks.clone(),
        selection: if !s.only.is_empty() {
            Selection::Only(&s.only)
        } else if !s.except.is_empty() {
            Selection::Except(&s.except)
        } else {
            Selection::All
        },
        goals: s
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| prose(at(&format!("goals.{i}")), g))
            .collect(),
        paragraphs: s
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| prose(at(&format!("paragraphs.{i}")), p))
            .collect(),
        points: s
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    prose(at(&format!("points.{i}.title")), &p.title),
                    prose(at(&format!("points.{i}.text")), &p.text),
                )
            })
            .collect(),
        marker: s.marker.as_deref(),
        inline_points: s.inline_points,
        children: s
            .sections
            .iter()
            .enumerate()
            .map(|(i, child)| of_section(at(&format!("sections.{i}")), child))
            .collect(),
    }
}
