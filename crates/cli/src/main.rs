//! `byline`: reads news articles and runs extractor plugins over them.
//!
//! The binary is thin: argument parsing and presentation live here, everything else in
//! `byline-core`.

/// The allocator of the host's own allocations (each library has its own, and frees only what it
/// allocated, as the plugin ABI requires): mimalloc, measured 25% faster than the system allocator
/// on the full pipeline (`docs/performance.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod commands;
mod memory;
mod options;
mod pretty;
mod progress;

use clap::Parser;
use std::process::ExitCode;

/// Exit code when every document was processed without errors.
const EXIT_OK: u8 = 0;
/// Exit code when the run finished but some records carry errors.
const EXIT_SOME_FAILED: u8 = 1;
/// Exit code when nothing ran: bad arguments, missing input, unknown plugin, unwritable output.
const EXIT_SETUP: u8 = 2;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let outcome = match cli.command {
        args::Command::Run(run) => commands::run::run(run),
        args::Command::Plugins(plugins) => commands::plugins::run(plugins),
        args::Command::Train(args::TrainCommand::Entities(train)) => {
            commands::train::entities(train)
        }
        args::Command::Train(args::TrainCommand::Sentiment(train)) => {
            commands::train_sentiment::run(train)
        }
        args::Command::Eval(args::EvalCommand::Entities(eval)) => commands::eval::entities(eval),
        args::Command::Eval(args::EvalCommand::Quotes(eval)) => commands::eval_quotes::quotes(eval),
        args::Command::Tokenize(tokenize) => commands::tokenize::run(tokenize),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("byline: error: {error:#}");
            ExitCode::from(EXIT_SETUP)
        }
    }
}
