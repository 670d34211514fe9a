//! The command handlers, grouped by what they work on; `main.rs` parses the command line and
//! dispatches here.

pub mod city;
pub mod document;
pub mod files;
pub mod serve;
