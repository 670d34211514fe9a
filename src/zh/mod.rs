//! Every word of Chinese zongjie writes, in one place.
//!
//! The stages compute and arrange; this module chooses the words. A bureau that prefers
//! 同比增加 to 比上年增加, or another name for a table column, changes one line here. A test
//! (`tests/wording_home.rs`) fails on a Chinese string literal anywhere else in `src/`,
//! outside comments, attributes and tests; templates and the catalogue are data, not code.
//!
//! - [`phrase`]: each comparison's wording (增长66.9%, 提高0.72个百分点, 居全市第三位);
//! - [`cite`]: each citable field of a measured indicator, and what each audited figure says;
//! - [`formula`]: the 数据核对表's formulas, inputs and kinds of figure;
//! - [`period`]: periods, areas and dates (2024年上半年, 全县, 2024年12月20日);
//! - [`numeral`]: Chinese numerals, the heading numbers 一、（一）1.（1） and enumeration labels;
//! - [`outline`]: the headings of the standard outline;
//! - [`punct`]: the marks between the words;
//! - [`label`]: table captions, column heads and notes, words in file names;
//! - [`units`]: the units of measure and which count things;
//! - [`fill`], [`skeleton`]: the placeholders of a data file to fill in, and `init`'s file;
//! - [`schema`]: the data file's keys described for an editor;
//! - [`hint`]: Chinese terms and examples inside the advice diagnostics give;
//! - [`reading`]: what zongjie recognises in a clerk's own Chinese;
//! - [`recognise`]: what `adopt` recognises in a published summary (its parts, its figures, a
//!   portal page's furniture).

pub mod adopted;
pub mod cite;
pub mod desk;
pub mod fill;
pub mod formula;
pub mod hint;
pub mod label;
pub mod numeral;
pub mod outline;
pub mod period;
pub mod phrase;
pub mod punct;
pub mod reading;
pub mod recognise;
pub mod schema;
pub mod skeleton;
pub mod units;
