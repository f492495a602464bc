//! The `sentiment` plugin: how an article speaks, per sentence, for the whole document, for each
//! quote of the `quotes` layer and toward each entity cluster of the `entities` layer.
//!
//! The engine is `byline-sentiment`'s reimplementation of VADER's rules. Two modes:
//! * `vader`: vaderSentiment 3.3.2's numbers — the document score is VADER's compound of the whole
//!   text (which saturates near ±1 on long articles, as VADER does);
//! * `news` (default): scores blending VADER's compound (weight `vader_weight`, 0.3) with a linear
//!   model over words, word pairs (with negation scope) and VADER's own scores, learned from
//!   human-rated text (see `model/README.md`); the document score
//!   does not saturate on articles: for a text of more than [`SHORT_TEXT`] sentences it is the mean of
//!   the sentence scores weighted by the square root of their length, and a shorter text is scored
//!   whole.

/// The allocator of this plugin's own allocations (each library has its own, and frees only what it
/// allocated, as the plugin ABI requires): mimalloc, measured 25% faster than the system allocator
/// on the full pipeline (`docs/performance.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use byline_plugin_api::abi::Token;
use byline_plugin_api::serde_json::{self, Value};
use byline_plugin_api::{
    Config, ConfigOption, Document, OptionKind, Plugin, PluginResult, export_plugin,
};
use byline_sentiment::features::extract;
use byline_sentiment::{Model, Vader};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// VADER as vaderSentiment has it, loaded once per process.
fn vader_engine() -> &'static Vader {
    static ENGINE: OnceLock<Vader> = OnceLock::new();
    ENGINE.get_or_init(Vader::builtin)
}

/// VADER's rules with the news lexicon (reporting verbs neutral), which the model was trained with.
fn news_engine() -> &'static Vader {
    static ENGINE: OnceLock<Vader> = OnceLock::new();
    ENGINE.get_or_init(Vader::news)
}

/// The model compiled into the library.
static BUILTIN_MODEL: &[u8] = include_bytes!("../model/sentiment.model");

/// The built-in model, loaded once per process.
fn builtin_model() -> Result<Arc<Model>, String> {
    static MODEL: OnceLock<Result<Arc<Model>, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            Model::from_bytes(BUILTIN_MODEL, "(built in)")
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
        .clone()
}

/// Texts with at most this many sentences are scored whole in `news` mode.
pub const SHORT_TEXT: usize = 3;

/// How the document score is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Vader,
    News,
}

/// The plugin.
pub struct Sentiment {
    mode: Mode,
    model: Arc<Model>,
    vader_weight: f64,
}

/// The label of a score, with VADER's thresholds.
fn label(score: f64) -> &'static str {
    if score >= 0.05 {
        "positive"
    } else if score <= -0.05 {
        "negative"
    } else {
        "neutral"
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Plugin for Sentiment {
    const NAME: &'static str = "sentiment";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "sentence, document, quote and entity sentiment (VADER rules; vader-compatible mode)";
    const REQUIRES: &'static [&'static str] = &["sentences"];
    const USES: &'static [&'static str] = &["entities", "quotes"];
    const OPTIONS: &'static [ConfigOption] = &[
        ConfigOption {
            name: "mode",
            kind: OptionKind::String,
            default: "\"news\"",
            help: "\"news\": the learned model, document score from its sentences; \"vader\": vaderSentiment 3.3.2's compound",
        },
        ConfigOption {
            name: "vader_weight",
            kind: OptionKind::Number,
            default: "0.3",
            help: "news mode: the share of VADER's compound in the score (the rest is the learned model)",
        },
        ConfigOption {
            name: "model",
            kind: OptionKind::String,
            default: "\"\"",
            help: "a model file from `byline train sentiment` for news mode (empty: the built-in one)",
        },
    ];

    fn new(config: &Config) -> PluginResult<Self> {
        let mode = match config.string("mode") {
            "news" => Mode::News,
            "vader" => Mode::Vader,
            other => {
                return Err(format!("mode must be \"news\" or \"vader\", got {other:?}").into());
            }
        };
        match mode {
            Mode::Vader => vader_engine(),
            Mode::News => news_engine(),
        };
        let path = config.string("model");
        let model = if path.is_empty() {
            builtin_model()?
        } else {
            let bytes =
                std::fs::read(path).map_err(|e| format!("cannot read model '{path}': {e}"))?;
            Arc::new(Model::from_bytes(&bytes, path)?)
        };
        let vader_weight = config.number("vader_weight");
        if !(0.0..=1.0).contains(&vader_weight) {
            return Err(format!("vader_weight must lie in [0, 1], got {vader_weight}").into());
        }
        Ok(Sentiment {
            mode,
            model,
            vader_weight,
        })
    }

    fn process(&self, doc: &Document<'_>) -> PluginResult<Value> {
        Ok(serde_json::to_value(self.layer(doc)?)?)
    }

    fn write_layer(&self, doc: &Document<'_>, out: &mut Vec<u8>) -> PluginResult<()> {
        serde_json::to_writer(out, &self.layer(doc)?)?;
        Ok(())
    }
}

impl Sentiment {
    /// The layer of one document.
    fn layer(&self, doc: &Document<'_>) -> PluginResult<Layer> {
        let vader = match self.mode {
            Mode::Vader => vader_engine(),
            Mode::News => news_engine(),
        };
        let text = doc.text();
        let score_of = |span: &str, tokens: &[Token]| match self.mode {
            Mode::Vader => vader.polarity(span).compound,
            Mode::News => {
                let words: Vec<&str> = tokens.iter().map(|t| doc.slice(t.start, t.end)).collect();
                let features = extract(vader, span, &words);
                // The first feature is VADER's compound.
                let compound = f64::from(features[0].1);
                self.vader_weight * compound
                    + (1.0 - self.vader_weight) * self.model.score(&features)
            }
        };
        let sentences: Vec<(u32, u32, f64)> = doc
            .sentences()
            .iter()
            .map(|s| {
                let span = doc.slice(s.start, s.end);
                (s.start, s.end, score_of(span, doc.sentence_tokens(s)))
            })
            .collect();
        let score = match self.mode {
            Mode::Vader => vader.polarity(text).compound,
            Mode::News if sentences.len() <= SHORT_TEXT => score_of(text, doc.tokens()),
            Mode::News => {
                let weight = |s: &(u32, u32, f64)| f64::from(s.1 - s.0).sqrt();
                let total: f64 = sentences.iter().map(weight).sum();
                if total > 0.0 {
                    sentences.iter().map(|s| weight(s) * s.2).sum::<f64>() / total
                } else {
                    0.0
                }
            }
        };
        let quotes = read_layer::<QuoteEntry>(doc, "quotes")?
            .iter()
            .enumerate()
            .map(|(index, q)| {
                // Tokens are in text order: the quote's are one run of them.
                let all = doc.tokens();
                let first = all.partition_point(|t| t.start < q.start);
                let last = first + all[first..].partition_point(|t| t.end <= q.end);
                QuoteScore {
                    index,
                    score: round4(score_of(&q.text, &all[first..last])),
                }
            })
            .collect();
        let entities = entity_scores(&read_layer(doc, "entities")?, &sentences);
        Ok(Layer {
            label: label(score),
            score: round4(score),
            mode: match self.mode {
                Mode::Vader => "vader",
                Mode::News => "news",
            },
            sentences: sentences
                .iter()
                .map(|&(start, end, s)| SentenceScore {
                    start,
                    end,
                    score: round4(s),
                })
                .collect(),
            quotes,
            entities,
        })
    }
}

/// The `sentiment` layer of one document.
#[derive(Serialize)]
struct Layer {
    label: &'static str,
    score: f64,
    mode: &'static str,
    sentences: Vec<SentenceScore>,
    quotes: Vec<QuoteScore>,
    entities: Vec<EntityScore>,
}

/// A sentence's score.
#[derive(Serialize)]
struct SentenceScore {
    start: u32,
    end: u32,
    score: f64,
}

/// The score of the quote at `index` in the `quotes` layer.
#[derive(Serialize)]
struct QuoteScore {
    index: usize,
    score: f64,
}

/// The score toward an entity cluster: the mean of the sentences that mention it.
#[derive(Serialize)]
struct EntityScore {
    cluster: u64,
    name: String,
    label: String,
    score: f64,
    mentions: usize,
    sentences: usize,
}

/// A quote of the `quotes` layer, as far as this plugin reads it.
#[derive(Deserialize)]
struct QuoteEntry<'a> {
    start: u32,
    end: u32,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// A mention of the `entities` layer, as far as this plugin reads it (a mention without a cluster
/// is scored with none).
#[derive(Deserialize)]
struct MentionEntry<'a> {
    #[serde(default)]
    cluster: Option<u64>,
    start: u64,
    #[serde(borrow, default)]
    label: Cow<'a, str>,
    #[serde(borrow, default)]
    canonical: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// The entries of an earlier plugin's layer (none when it did not run).
fn read_layer<'a, T: Deserialize<'a>>(doc: &Document<'a>, name: &str) -> PluginResult<Vec<T>> {
    Ok(doc.layer_as(name)?.unwrap_or_default())
}

/// The mean score of the sentences that mention each entity cluster, with how many mentions it
/// rests on.
fn entity_scores(mentions: &[MentionEntry<'_>], sentences: &[(u32, u32, f64)]) -> Vec<EntityScore> {
    // cluster -> (name, label, mentions, sentence indices)
    let mut clusters: BTreeMap<u64, (String, String, usize, Vec<usize>)> = BTreeMap::new();
    for m in mentions {
        let (Some(cluster), start) = (m.cluster, m.start) else {
            continue;
        };
        let label = m.label.as_ref();
        if !matches!(
            label,
            "PERSON"
                | "ORG"
                | "GPE"
                | "LOC"
                | "NORP"
                | "FAC"
                | "EVENT"
                | "PRODUCT"
                | "WORK_OF_ART"
                | "LAW"
                | "MISC"
        ) {
            continue;
        }
        let name = m
            .canonical
            .as_deref()
            .or(m.text.as_deref())
            .unwrap_or("")
            .to_string();
        let entry = clusters
            .entry(cluster)
            .or_insert_with(|| (name, label.to_string(), 0, Vec::new()));
        entry.2 += 1;
        // Sentences are in text order: the last one starting at or before the mention holds it.
        let candidate = sentences
            .partition_point(|(a, _, _)| u64::from(*a) <= start)
            .checked_sub(1);
        if let Some(s) = candidate.filter(|&s| start < u64::from(sentences[s].1))
            && !entry.3.contains(&s)
        {
            entry.3.push(s);
        }
    }
    clusters
        .into_iter()
        .map(|(cluster, (name, label, count, in_sentences))| {
            let score = if in_sentences.is_empty() {
                0.0
            } else {
                in_sentences.iter().map(|&s| sentences[s].2).sum::<f64>()
                    / in_sentences.len() as f64
            };
            EntityScore {
                cluster,
                name,
                label,
                score: round4(score),
                mentions: count,
                sentences: in_sentences.len(),
            }
        })
        .collect()
}

export_plugin!(Sentiment);
