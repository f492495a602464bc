//! The document model: one input document with its metadata and where it came from, and the text
//! analysis (tokens, sentences, paragraphs) the host computes for plugins that require it.

use crate::text;
use byline_plugin_api::abi::{Sentence, Span, Token};
use serde_json::{Map, Value};

/// Where a document came from: the input as given, and the 1-based line for JSON Lines inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The input path as given (`-` for standard input), or a file inside a given folder.
    pub input: String,
    /// The 1-based line number in a JSON Lines input.
    pub line: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {line}", self.input),
            None => write!(f, "{}", self.input),
        }
    }
}

/// One input document.
#[derive(Clone, Debug)]
pub struct Document {
    /// The document's id: the input's `id`, or its 0-based line number, or its path.
    pub id: String,
    /// The text, exactly as given.
    pub text: String,
    /// The input's other fields, carried to the record's `meta` unchanged.
    pub meta: Map<String, Value>,
    /// Where it came from.
    pub origin: Origin,
}

impl Document {
    /// The publication date from the input's `date` field, if it is a string.
    pub fn date(&self) -> Option<&str> {
        self.meta.get("date").and_then(Value::as_str)
    }
}

/// Which built-in layers a run needs, derived from what its plugins require and use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Tokens are needed.
    pub tokens: bool,
    /// Sentences are needed (implies tokens and paragraphs).
    pub sentences: bool,
    /// Paragraphs are needed.
    pub paragraphs: bool,
}

impl Needs {
    /// Adds the built-in layer `name`; returns false when `name` is not a built-in layer.
    pub fn add(&mut self, name: &str) -> bool {
        match name {
            "tokens" => self.tokens = true,
            "sentences" => {
                self.sentences = true;
                self.tokens = true;
                self.paragraphs = true;
            }
            "paragraphs" => self.paragraphs = true,
            _ => return false,
        }
        true
    }
}

/// The host's analysis of a text; each part is empty unless [`Needs`] asked for it.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs in text order.
    pub paragraphs: Vec<Span>,
}

impl Analysis {
    /// Computes what `needs` asks for.
    pub fn of(text: &str, needs: Needs) -> Analysis {
        let mut analysis = Analysis::default();
        if needs.tokens {
            analysis.tokens = text::tokenize(text);
        }
        if needs.paragraphs {
            analysis.paragraphs = text::paragraphs(text);
        }
        if needs.sentences {
            analysis.sentences =
                text::split_sentences(text, &analysis.tokens, &analysis.paragraphs);
        }
        analysis
    }
}
