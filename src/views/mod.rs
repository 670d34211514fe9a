//! Other readings of the same facts and outline, beside the pipeline's DOCX: the audit
//! (数据核对表, as text, JSON or a table), the terminal preview, and the tables a draft or a
//! roll-up prints.

pub mod adopted;
pub mod audit;
pub mod preview;
pub mod tables;
