//! # byline-core
//!
//! byline's engine, with no command-line concerns: the [document model](document), the
//! [tokenizer and sentence splitter](text), [input readers](input), the [plugin host](plugin), the
//! [pipeline] that takes one document through the selected plugins, the parallel [runner], and the
//! [record] format. See `ARCHITECTURE.md` at the repository root for how they fit.

pub mod document;
pub mod error;
pub mod input;
pub mod offsets;
pub mod pipeline;
pub mod plugin;
pub mod record;
pub mod runner;
pub mod text;

pub use document::{Analysis, Document, Needs, Origin};
pub use error::{Error, Result};
pub use pipeline::{Pipeline, Processed};
pub use runner::{RunOptions, Summary, run};
