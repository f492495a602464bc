//! End-to-end tests over the real `byline` binary and real plugin libraries, loaded through the
//! dynamic path exactly as a user's run loads them.

// Test helpers may unwrap: a failure here is a failed test, with the backtrace pointing at it.
#![allow(clippy::unwrap_used)]

mod bad_input;
mod entities;
mod plugins;
mod quotes;
mod run;
mod scale;
mod sentiment;
mod snapshots;
