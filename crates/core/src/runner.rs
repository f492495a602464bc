//! The runner: documents stream from the input through a bounded pipeline, are processed in
//! parallel by rayon, and come out in input order.
//!
//! Three stages run at once: a reader thread groups input items into batches (bounded by count and
//! bytes), a processing thread runs each batch on a rayon pool (`par_iter` keeps order), and the
//! calling thread hands records to the consumer. The channels between them hold at most
//! [`QUEUE_DEPTH`] batches, so memory stays bounded by a few batches whatever the corpus size.

use crate::input::InputItem;
use crate::pipeline::{Pipeline, Processed};
use rayon::prelude::*;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Batches waiting between two stages, at most.
pub const QUEUE_DEPTH: usize = 2;

/// How a run is parallelised and batched.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Documents per batch, at most.
    pub batch_docs: usize,
    /// Bytes of text per batch, at most (a single larger document is a batch of its own).
    pub batch_bytes: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            batch_docs: 512,
            batch_bytes: 8 << 20,
        }
    }
}

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Records written.
    pub documents: u64,
    /// Records that carry errors.
    pub failed: u64,
    /// Bytes of input text processed.
    pub bytes: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
}

impl Summary {
    /// Megabytes (10^6 bytes) of text per second.
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Documents per second.
    pub fn documents_per_second(&self) -> f64 {
        self.documents as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Errors of the run itself (the consumer failed, or the thread pool could not start).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The consumer (usually the output writer) failed; the run stopped.
    #[error("{0}")]
    Consumer(#[source] std::io::Error),
    /// The worker pool could not be created.
    #[error("cannot start {jobs} worker threads: {message}")]
    Pool {
        /// Threads asked for.
        jobs: usize,
        /// Why not.
        message: String,
    },
}

fn item_bytes(item: &InputItem) -> usize {
    match item {
        Ok(doc) => doc.text.len(),
        Err(failure) => failure.bytes,
    }
}

/// Runs `pipeline` over `input`, giving each record to `consume` in input order. Returns when the
/// input is exhausted or `consume` fails.
pub fn run(
    pipeline: &Pipeline,
    input: Box<dyn Iterator<Item = InputItem> + Send>,
    options: &RunOptions,
    consume: &mut dyn FnMut(&Processed) -> std::io::Result<()>,
) -> Result<Summary, RunError> {
    let started = Instant::now();
    let jobs = options.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("byline-worker-{i}"))
        .build()
        .map_err(|e| RunError::Pool {
            jobs,
            message: e.to_string(),
        })?;
    let (batch_tx, batch_rx) = mpsc::sync_channel::<Vec<InputItem>>(QUEUE_DEPTH);
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Processed>>(QUEUE_DEPTH);
    let batch_docs = options.batch_docs.max(1);
    let batch_bytes = options.batch_bytes.max(1);
    let mut summary = Summary::default();
    let mut consumer_error = None;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(batch_docs);
            let mut bytes = 0;
            for item in input {
                bytes += item_bytes(&item);
                batch.push(item);
                if batch.len() >= batch_docs || bytes >= batch_bytes {
                    if batch_tx.send(std::mem::take(&mut batch)).is_err() {
                        return; // the consumer stopped
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = batch_tx.send(batch);
            }
        });
        let pool = &pool;
        scope.spawn(move || {
            for batch in batch_rx {
                let processed: Vec<Processed> = pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|item| pipeline.process(item))
                        .collect()
                });
                if done_tx.send(processed).is_err() {
                    return;
                }
            }
        });
        for processed in done_rx.iter() {
            for record in &processed {
                if let Err(e) = consume(record) {
                    consumer_error = Some(e);
                    return; // dropping the receiver stops the other threads
                }
                summary.documents += 1;
                summary.failed += u64::from(record.failed);
                summary.bytes += record.bytes as u64;
            }
        }
    });
    summary.elapsed = started.elapsed();
    match consumer_error {
        Some(e) => Err(RunError::Consumer(e)),
        None => Ok(summary),
    }
}
