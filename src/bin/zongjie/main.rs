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

/// mimalloc's defaults keep freed pages for a while: fast, but a batch of 2,850 drafts then
/// peaked at 72 MiB where the system allocator stayed at 32. Freed pages go back at once, and
/// mimalloc 2 (not 3, whose arenas are committed before `main` can say otherwise): 38–41 MiB
/// at the same speed (A/B over three alternating runs, `zongjie bench --counties 2850`).
/// The option numbers are `mi_option_e`'s, the same in mimalloc 2 and 3.
fn return_memory_promptly() {
    const ARENA_EAGER_COMMIT: i32 = 4;
    const PURGE_DELAY: i32 = 15;
    unsafe extern "C" {
        fn mi_option_set(option: i32, value: std::ffi::c_long);
    }
    // SAFETY: mi_option_set only stores a number in mimalloc's option table; both options
    // are read when memory is next committed or purged.
    unsafe {
        mi_option_set(ARENA_EAGER_COMMIT, 0);
        mi_option_set(PURGE_DELAY, 0);
    }
}

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
    return_memory_promptly();
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
