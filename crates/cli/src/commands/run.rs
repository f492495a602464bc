//! `byline run`: the main job.

use crate::args::{Format, RunArgs};
use crate::pretty;
use crate::progress::Progress;
use crate::{EXIT_OK, EXIT_SETUP, EXIT_SOME_FAILED};
use anyhow::{Context, Result};
use byline_core::input::{self, InputSpec, JsonLinesOptions};
use byline_core::runner::RunError;
use byline_core::{Pipeline, RunOptions, Summary};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};

/// Runs the pipeline; returns the exit code.
pub fn run(args: RunArgs) -> Result<u8> {
    // Everything that can fail without reading a document fails here, before any work starts.
    let specs = args
        .inputs
        .iter()
        .map(|path| InputSpec::from_arg(path))
        .collect::<Result<Vec<_>, _>>()?;
    let configs = crate::options::collect(args.config.as_deref(), &args.set)?;
    let catalog = super::catalog(&args.dirs);
    let selected: Vec<String> = args
        .plugins
        .iter()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect();
    let pipeline = Pipeline::build(&catalog, &selected, &configs)?;
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(
                File::create(path).map_err(|source| byline_core::Error::Output {
                    path: path.clone(),
                    source,
                })?,
            )
        }
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let format = args
        .format
        .unwrap_or(if args.output.is_none() && io::stdout().is_terminal() {
            Format::Pretty
        } else {
            Format::Jsonl
        });
    let input = input::open_all(
        &specs,
        &JsonLinesOptions {
            text_field: args.text_field.clone(),
        },
    )?;
    let total_bytes: Option<u64> = specs.iter().map(InputSpec::size_hint).sum();
    let show_progress = !args.quiet && (args.progress || io::stderr().is_terminal());
    let progress = Progress::new(show_progress, total_bytes);
    let options = RunOptions {
        jobs: args.jobs.unwrap_or(RunOptions::default().jobs).max(1),
        batch_docs: args.batch_size.max(1),
        ..RunOptions::default()
    };
    let outcome = byline_core::run(&pipeline, input, &options, &mut |record| {
        match format {
            Format::Jsonl => {
                out.write_all(record.line.as_bytes())?;
                out.write_all(b"\n")?;
            }
            Format::Pretty => pretty::write_record(&mut out, &record.line)?,
        }
        progress.record(record.bytes);
        Ok(())
    });
    progress.finish();
    let summary = match outcome {
        Ok(summary) => summary,
        Err(RunError::Consumer(e)) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        Err(e) => {
            return Err(e).with_context(|| match &args.output {
                Some(path) => format!("writing '{}'", path.display()),
                None => "writing standard output".to_string(),
            });
        }
    };
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        other => other.context("flushing output")?,
    }
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, options.jobs));
    }
    Ok(if summary.failed > 0 && !args.record_errors_ok {
        EXIT_SOME_FAILED
    } else if summary.documents == 0 && specs.is_empty() {
        EXIT_SETUP
    } else {
        EXIT_OK
    })
}

fn summary_line(summary: &Summary, jobs: usize) -> String {
    let memory = match crate::memory::peak_rss_bytes() {
        Some(bytes) => format!(", peak memory {:.0} MB", bytes as f64 / 1e6),
        None => String::new(),
    };
    format!(
        "byline: {} documents, {} with errors, {:.2} s, {:.2} MB/s ({:.0} docs/s) on {} thread{}{memory}",
        summary.documents,
        summary.failed,
        summary.elapsed.as_secs_f64(),
        summary.megabytes_per_second(),
        summary.documents_per_second(),
        jobs,
        if jobs == 1 { "" } else { "s" }
    )
}
