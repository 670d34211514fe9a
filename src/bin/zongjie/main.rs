//! The `zongjie` command line: flags parsed once into [`args::Cli`], the shared options
//! resolved into [`args::Setup`], then one handler per command in [`commands`]. Every handler
//! reports its problems as diagnostics and ends with a [`Status`]; the exit code comes from
//! there.
#![allow(clippy::result_large_err)] // see lib.rs

use std::process::ExitCode;

use clap::Parser;

mod args;
mod bench;
mod commands;

/// A batch drafts on every core at once, each draft a storm of small allocations (JSON
/// contexts, XML strings); glibc's allocator spent a third of the batch's time in malloc
/// and free, mimalloc's per-thread heaps a fraction of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use args::{Cli, Command, Setup};
use zongjie::diagnostic::Diagnostics;

/// How a command that ran to the end went: everything done, or some of its files failed
/// (their problems already reported), which exits with 1 like an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Done,
    SomeFailed,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Setup::resolve(&cli).and_then(|setup| run(cli.command, &setup));
    match result {
        Ok(Status::Done) => ExitCode::SUCCESS,
        Ok(Status::SomeFailed) => ExitCode::FAILURE,
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, setup: &Setup) -> Result<Status, Diagnostics> {
    use commands::{city, document, files, serve};
    match command {
        Command::Draft(a) => document::draft(setup, &a),
        Command::Explain(a) => document::explain(setup, &a),
        Command::Check(a) => document::check(setup, &a),
        Command::Preview(a) => document::preview(setup, &a),
        Command::Init(a) => files::init(setup, &a),
        Command::Next(a) => files::next(setup, &a),
        Command::Import(a) => files::import(setup, &a),
        Command::Adopt(a) => files::adopt(setup, &a),
        Command::Serve(a) => serve::serve(setup, &a),
        Command::Batch(a) => city::batch(setup, &a),
        Command::Rollup(a) => city::rollup(setup, &a),
        Command::Bench(a) => bench::run(&a),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "zongjie", &mut std::io::stdout());
            Ok(Status::Done)
        }
        Command::Man => files::man(),
        Command::Schema { of } => {
            if of == args::SchemaOf::Profile {
                print!("{}", zongjie::load::schema::profile_text());
            } else {
                print!("{}", zongjie::load::schema::data_file_text());
            }
            Ok(Status::Done)
        }
    }
}
