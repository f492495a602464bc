//! An example byline plugin, meant to be copied: counts words, sentences and paragraphs, estimates
//! the reading time, and flags long sentences (with their offsets).
//!
//! It shows the whole plugin surface: a name and version, a requirement on a built-in layer
//! (`sentences`), two configuration options with defaults, reading tokens and sentences from the
//! [`Document`], and returning spans with byte offsets (the host converts them for the record).
//! `docs/writing-plugins.md` walks through it.

use byline_plugin_api::abi::{TOKEN_NUMBER, TOKEN_WORD};
use byline_plugin_api::serde_json::{Value, json};
use byline_plugin_api::{
    Config, ConfigOption, Document, OptionKind, Plugin, PluginResult, export_plugin,
};

/// The plugin: its configuration, read once when the run starts.
pub struct Readability {
    words_per_minute: f64,
    long_sentence_words: usize,
}

impl Plugin for Readability {
    const NAME: &'static str = "readability";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "word, sentence and paragraph counts, reading time, and long sentences";
    const REQUIRES: &'static [&'static str] = &["sentences"];
    const OPTIONS: &'static [ConfigOption] = &[
        ConfigOption {
            name: "words_per_minute",
            kind: OptionKind::Integer,
            default: "230",
            help: "reading speed used for reading_minutes",
        },
        ConfigOption {
            name: "long_sentence_words",
            kind: OptionKind::Integer,
            default: "40",
            help: "a sentence with at least this many words is listed under long_sentences",
        },
    ];

    fn new(config: &Config) -> PluginResult<Self> {
        let words_per_minute = config.integer("words_per_minute");
        if words_per_minute <= 0 {
            return Err(
                format!("words_per_minute must be positive, got {words_per_minute}").into(),
            );
        }
        let long_sentence_words = usize::try_from(config.integer("long_sentence_words"))
            .map_err(|_| "long_sentence_words must not be negative")?;
        Ok(Readability {
            words_per_minute: words_per_minute as f64,
            long_sentence_words,
        })
    }

    fn process(&self, doc: &Document<'_>) -> PluginResult<Value> {
        let is_word = |kind: u32| kind == TOKEN_WORD || kind == TOKEN_NUMBER;
        let mut words = 0;
        let mut long_sentences = Vec::new();
        for sentence in doc.sentences() {
            let count = doc
                .sentence_tokens(sentence)
                .iter()
                .filter(|t| is_word(t.kind))
                .count();
            words += count;
            if count >= self.long_sentence_words {
                long_sentences.push(json!({
                    "start": sentence.start,
                    "end": sentence.end,
                    "words": count,
                }));
            }
        }
        let sentences = doc.sentences().len();
        let mean = if sentences == 0 {
            0.0
        } else {
            words as f64 / sentences as f64
        };
        Ok(json!({
            "words": words,
            "sentences": sentences,
            "paragraphs": doc.paragraphs().len(),
            "mean_sentence_words": round1(mean),
            "reading_minutes": round1(words as f64 / self.words_per_minute),
            "long_sentences": long_sentences,
        }))
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

export_plugin!(Readability);
