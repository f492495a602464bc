//! Errors of the tagger crate, each naming the file concerned.

use std::path::PathBuf;

/// What can go wrong reading data or models.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A CoNLL file has a malformed line.
    #[error("{}:{line}: {message}", .path.display())]
    Conll {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A brat annotation file has a malformed line.
    #[error("{}:{line}: {message}", .path.display())]
    Brat {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A model file is not usable.
    #[error("model {source_name}: {message}")]
    Model {
        /// The model's file name, or "(built in)".
        source_name: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// Training was asked to do something impossible.
    #[error("training: {0}")]
    Training(String),
}
