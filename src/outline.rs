//! The document outline: what the narrate stage produces and the layout stage prints.
//!
//! The narrate stage builds the blocks: headings from the document's sections, and the rest
//! from what its templates write (title, opening, blocks, signature) in a tiny line-based
//! markup, parsed here:
//!
//! ```text
//! = 溆浦县科学技术局                                   title (each `=` line one title line)
//! = 2024年工作总结和2025年工作计划
//! # 2024年工作情况                                     heading, level 1 (一、)
//! ## 聚焦核心指标,高效完成目标任务                     level 2 ((一))
//! ### …                                               level 3 (1.)
//! #### …                                              level 4 ((1))
//! ::indicator-table 2024年主要科技指标完成情况表       the indicator table
//! ::signature 溆浦县科学技术局                         issuer's signature
//! ::date 2024年12月20日                                成文日期
//! any other non-blank line                            a body paragraph
//! ```
//!
//! Heading numbers are never typed: [`Outline::number_headings`] assigns them in order, so a
//! removed section renumbers the ones after it; a heading marked `restart` begins a new series
//! at its level (（一）（二） of results, then （一）（二） of methods).

use serde::Serialize;

pub use crate::model::text::LITERAL;
use crate::zh::numeral::heading_number;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outline {
    /// The title's lines; a long title is broken where its template put `=` lines.
    pub title: Vec<String>,
    pub blocks: Vec<Block>,
    /// How headings are numbered.
    pub numbering: Numbering,
    /// How the page looks where a bureau may choose: the signature variant, the faces.
    pub look: Look,
}

/// The house style's choices of layout, carried from the data to the layout stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Look {
    /// The issuer's seal is printed: the date 4 characters from the right margin and the
    /// issuer centred on it (GB/T 9704 §7.3.5.1). Unsealed (the default for a work summary):
    /// the issuer 2 characters from the margin, the date 2 characters right of its start
    /// (§7.3.5.2).
    pub sealed: bool,
    /// Faces other than GB/T 9704's names, by role (仿宋_GB2312 for the body).
    pub fonts: crate::model::Fonts,
}

/// How the four heading levels are numbered: 一、 （一） 1. （1）, or `1、` at level 3 as many
/// counties write it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Numbering {
    /// Level 3 as `1、` instead of `1.`.
    pub level3_comma: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading {
        level: u8,
        /// Assigned by [`Outline::number_headings`]: 一、 (一) 1. (1).
        number: String,
        text: String,
        /// The text the heading runs into, in the same paragraph; `None` for a heading on its
        /// own line.
        run_in: Option<String>,
        /// Numbering at this level starts afresh here.
        restart: bool,
    },
    Paragraph {
        text: String,
    },
    Table(Table),
    /// Starts a new page (the audit table stands on its own page).
    PageBreak,
    Signature {
        text: String,
    },
    Date {
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub kind: TableKind,
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A line under the table (source, notes).
    pub note: Option<String>,
}

/// Which table this is; the layout sizes its columns by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 主要指标完成情况表.
    Indicators,
    /// 数据核对表: every computed figure.
    Audit,
    /// A city's counties side by side (zongjie rollup).
    Rollup,
}

/// A directive the outline cannot fill by itself: the narrate stage resolves it (with facts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    IndicatorTable { caption: String },
}

/// A line of markup that could not be understood, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub line: usize,
    pub message: String,
}

impl Outline {
    /// Parses markup; `resolve` turns directives into blocks.
    pub fn parse(
        markup: &str,
        mut resolve: impl FnMut(Directive) -> Block,
    ) -> Result<Outline, MarkupError> {
        let mut outline = Outline {
            title: Vec::new(),
            blocks: Vec::new(),
            numbering: Numbering::default(),
            look: Look::default(),
        };
        for (index, raw) in markup.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() {
                continue;
            }
            let error = |message: String| MarkupError {
                line: index + 1,
                message,
            };
            if line.starts_with(LITERAL) {
                outline.push_paragraph(line);
            } else if let Some(title) = line.strip_prefix('=') {
                if !outline.blocks.is_empty() {
                    return Err(error(
                        "a title line (`= …`) after the body has begun".into(),
                    ));
                }
                outline.title.push(clean(title));
            } else if line.starts_with('#') {
                let level = line.chars().take_while(|&c| c == '#').count();
                if level > 4 {
                    return Err(error(format!(
                        "heading level {level} is too deep; GB/T 9704 numbers four levels (# to ####)"
                    )));
                }
                let text = clean(&line[level..]);
                if text.is_empty() {
                    return Err(error("a heading line with no text".into()));
                }
                outline.blocks.push(Block::Heading {
                    level: level as u8,
                    number: String::new(),
                    text,
                    run_in: None,
                    restart: false,
                });
            } else if let Some(directive) = line.strip_prefix("::") {
                let (name, arg) = directive.split_once(' ').unwrap_or((directive, ""));
                let arg = clean(arg);
                let block = match name {
                    "indicator-table" => resolve(Directive::IndicatorTable { caption: arg }),
                    "signature" => Block::Signature { text: arg },
                    "date" => Block::Date { text: arg },
                    other => {
                        return Err(error(format!(
                            "unknown directive `::{other}`; known: ::indicator-table, ::signature, ::date"
                        )));
                    }
                };
                outline.blocks.push(block);
            } else {
                outline.push_paragraph(line);
            }
        }
        outline.number_headings();
        Ok(outline)
    }

    fn push_paragraph(&mut self, line: &str) {
        let text = clean(line);
        if !text.is_empty() {
            self.blocks.push(Block::Paragraph { text });
        }
    }

    /// Assigns 一、/(一)/1./(1) in document order. A heading resets the counters below it;
    /// a heading marked `restart` resets its own level first.
    pub fn number_headings(&mut self) {
        let mut counters = [0usize; 4];
        for block in &mut self.blocks {
            if let Block::Heading {
                level,
                number,
                restart,
                ..
            } = block
            {
                let depth = usize::from(*level).clamp(1, 4) - 1;
                if *restart {
                    counters[depth] = 0;
                }
                counters[depth] += 1;
                counters[depth + 1..].iter_mut().for_each(|c| *c = 0);
                *number = heading_number(*level, counters[depth], self.numbering.level3_comma);
            }
        }
    }
}

fn clean(text: &str) -> String {
    text.replace(LITERAL, "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(markup: &str) -> Outline {
        Outline::parse(markup, |d| match d {
            Directive::IndicatorTable { caption } => Block::Paragraph { text: caption },
        })
        .unwrap()
    }

    fn numbers(o: &Outline) -> Vec<String> {
        o.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { number, text, .. } => Some(format!("{number}{text}")),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbers_follow_levels_and_reset() {
        let o = parse("= T\n# A\n## a\n## b\n### x\n#### y\n### z\n# B\n## c\n");
        assert_eq!(o.title, ["T"]);
        assert_eq!(
            numbers(&o),
            [
                "一、A",
                "（一）a",
                "（二）b",
                "1.x",
                "（1）y",
                "2.z",
                "二、B",
                "（一）c"
            ]
        );
    }

    #[test]
    fn removing_a_section_renumbers_the_rest() {
        let full = parse("# 工作情况\n# 特色亮点\n# 存在的问题\n");
        let cut = parse("# 工作情况\n# 存在的问题\n");
        assert_eq!(numbers(&full)[2], "三、存在的问题");
        assert_eq!(numbers(&cut)[1], "二、存在的问题");
    }

    #[test]
    fn literal_lines_stay_paragraphs() {
        let o = parse(&format!("{LITERAL}# 不是标题\n::date 2024年12月20日\n"));
        assert_eq!(
            o.blocks[0],
            Block::Paragraph {
                text: "# 不是标题".into()
            }
        );
        assert_eq!(
            o.blocks[1],
            Block::Date {
                text: "2024年12月20日".into()
            }
        );
    }

    #[test]
    fn title_lines_are_kept_and_must_come_first() {
        let o = parse("= 某县科学技术局\n= 2024年工作总结\n正文\n");
        assert_eq!(o.title, ["某县科学技术局", "2024年工作总结"]);
        assert!(Outline::parse("正文\n= 迟到的标题\n", |_| unreachable!()).is_err());
    }

    #[test]
    fn bad_markup_is_reported_with_its_line() {
        let err = Outline::parse("ok\n##### deep\n", |_| unreachable!()).unwrap_err();
        assert_eq!(err.line, 2);
        let err = Outline::parse("::chart x\n", |_| unreachable!()).unwrap_err();
        assert!(err.message.contains("unknown directive"));
    }
}
