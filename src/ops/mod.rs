//! What the commands do beside the pipeline: with many data files (a city's batch and
//! roll-up) and with the data file itself (next period's file, a spreadsheet's figures, a new
//! file to fill in). Each calls the pipeline through the facade and writes through [`mod@write`],
//! which never leaves a half-written file.

pub mod adopt;
pub mod batch;
pub mod import;
pub mod init;
pub mod next;
pub mod rollup;
pub mod serve;
pub mod set;
pub mod write;
