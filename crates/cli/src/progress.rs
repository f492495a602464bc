//! Progress on standard error for long runs: documents/s and MB/s.
//!
//! At a terminal it is a bar (over the input's size when known, a spinner otherwise). When progress is
//! forced (`--progress`) and standard error is not a terminal (a log file, CI), it is a plain line
//! every few seconds, which logs read well.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often a plain progress line is printed when standard error is not a terminal.
const LINE_INTERVAL: Duration = Duration::from_secs(5);

enum Display {
    Off,
    Bar(ProgressBar),
    Lines { last: Mutex<Instant> },
}

/// A progress display.
pub struct Progress {
    display: Display,
    documents: std::sync::atomic::AtomicU64,
    bytes: std::sync::atomic::AtomicU64,
    started: Instant,
}

impl Progress {
    /// A display over `total_bytes` when known; nothing when `enabled` is false.
    pub fn new(enabled: bool, total_bytes: Option<u64>) -> Progress {
        let display = if !enabled {
            Display::Off
        } else if std::io::stderr().is_terminal() {
            Display::Bar(bar(total_bytes))
        } else {
            Display::Lines {
                last: Mutex::new(Instant::now()),
            }
        };
        Progress {
            display,
            documents: Default::default(),
            bytes: Default::default(),
            started: Instant::now(),
        }
    }

    fn rates(&self, documents: u64, bytes: u64) -> String {
        let seconds = self.started.elapsed().as_secs_f64().max(1e-6);
        format!(
            "{documents} docs, {:.0} docs/s, {:.2} MB/s",
            documents as f64 / seconds,
            bytes as f64 / 1e6 / seconds
        )
    }

    /// Counts one written record of `bytes` bytes of input.
    pub fn record(&self, bytes: usize) {
        use std::sync::atomic::Ordering::Relaxed;
        if matches!(self.display, Display::Off) {
            return;
        }
        let documents = self.documents.fetch_add(1, Relaxed) + 1;
        let total = self.bytes.fetch_add(bytes as u64, Relaxed) + bytes as u64;
        match &self.display {
            Display::Off => {}
            Display::Bar(bar) => {
                bar.inc(bytes as u64);
                if documents % 64 == 1 {
                    bar.set_message(self.rates(documents, total));
                }
            }
            Display::Lines { last } => {
                let mut last = last.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if last.elapsed() >= LINE_INTERVAL {
                    *last = Instant::now();
                    eprintln!("byline: {}", self.rates(documents, total));
                }
            }
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
    }
}

fn bar(total_bytes: Option<u64>) -> ProgressBar {
    let target = ProgressDrawTarget::stderr_with_hz(4);
    let bar = match total_bytes {
        Some(total) => ProgressBar::with_draw_target(Some(total), target).with_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {percent:>3}% {msg} (eta {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::with_draw_target(None, target).with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}
