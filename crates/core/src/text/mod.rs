//! Text analysis the host does itself: tokens, sentences and paragraphs of news prose.
//!
//! Nothing here knows about plugins or records; it turns a `&str` into byte spans.

pub mod abbreviations;
pub mod sentences;
pub mod tokenize;

pub use sentences::{paragraphs, split_sentences};
pub use tokenize::tokenize;
