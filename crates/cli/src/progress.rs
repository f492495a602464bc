//! The progress bar on standard error: documents/s and MB/s, for long runs.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// A progress display, or nothing when it is off.
pub struct Progress {
    bar: Option<ProgressBar>,
    documents: AtomicU64,
    started: Instant,
}

impl Progress {
    /// A bar over `total_bytes` when known, a spinner otherwise; nothing when `enabled` is false.
    pub fn new(enabled: bool, total_bytes: Option<u64>) -> Progress {
        let bar = enabled.then(|| {
            let bar = match total_bytes {
                Some(total) => ProgressBar::with_draw_target(
                    Some(total),
                    ProgressDrawTarget::stderr_with_hz(4),
                )
                .with_style(
                    ProgressStyle::with_template(
                        "{spinner} [{elapsed_precise}] {bar:30} {percent:>3}% {msg} (eta {eta})",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4))
                    .with_style(
                        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    ),
            };
            bar.enable_steady_tick(std::time::Duration::from_millis(250));
            bar
        });
        Progress {
            bar,
            documents: AtomicU64::new(0),
            started: Instant::now(),
        }
    }

    /// Counts one written record of `bytes` bytes of input.
    pub fn record(&self, bytes: usize) {
        let Some(bar) = &self.bar else { return };
        let documents = self.documents.fetch_add(1, Ordering::Relaxed) + 1;
        bar.inc(bytes as u64);
        if documents % 64 == 1 {
            let seconds = self.started.elapsed().as_secs_f64().max(1e-6);
            bar.set_message(format!(
                "{documents} docs, {:.0} docs/s, {:.2} MB/s",
                documents as f64 / seconds,
                bar.position() as f64 / 1e6 / seconds
            ));
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
