//! The `sentiment` plugin: how an article speaks, per sentence, for the whole document, for each
//! quote of the `quotes` layer and toward each entity cluster of the `entities` layer.
//!
//! The engine is `byline-sentiment`'s reimplementation of VADER's rules. Two modes:
//! * `vader`: vaderSentiment 3.3.2's numbers — the document score is VADER's compound of the whole
//!   text (which saturates near ±1 on long articles, as VADER does);
//! * `news` (default): sentence scores as VADER gives them, and a document score that does not
//!   saturate on articles: for a text of more than [`SHORT_TEXT`] sentences, the mean of the sentence
//!   scores weighted by the square root of their length; a shorter text is scored whole, as VADER
//!   does (its punctuation and contrast rules work across sentences of a snippet).

use byline_plugin_api::serde_json::{Value, json};
use byline_plugin_api::{
    Config, ConfigOption, Document, OptionKind, Plugin, PluginResult, export_plugin,
};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use byline_sentiment::Vader;

/// The lexicon, loaded once per process.
fn engine() -> &'static Vader {
    static ENGINE: OnceLock<Vader> = OnceLock::new();
    ENGINE.get_or_init(Vader::builtin)
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
    const OPTIONS: &'static [ConfigOption] = &[ConfigOption {
        name: "mode",
        kind: OptionKind::String,
        default: "\"news\"",
        help: "\"news\": document score from its sentences, no saturation; \"vader\": vaderSentiment 3.3.2's compound of the whole text",
    }];

    fn new(config: &Config) -> PluginResult<Self> {
        let mode = match config.string("mode") {
            "news" => Mode::News,
            "vader" => Mode::Vader,
            other => {
                return Err(format!("mode must be \"news\" or \"vader\", got {other:?}").into());
            }
        };
        engine();
        Ok(Sentiment { mode })
    }

    fn process(&self, doc: &Document<'_>) -> PluginResult<Value> {
        let vader = engine();
        let text = doc.text();
        let sentences: Vec<(u32, u32, f64)> = doc
            .sentences()
            .iter()
            .map(|s| {
                (
                    s.start,
                    s.end,
                    vader.polarity(doc.slice(s.start, s.end)).compound,
                )
            })
            .collect();
        let score = match self.mode {
            Mode::Vader => vader.polarity(text).compound,
            Mode::News if sentences.len() <= SHORT_TEXT => vader.polarity(text).compound,
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
        let quotes: Vec<Value> = doc
            .layer("quotes")
            .and_then(|q| q.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter_map(|(index, q)| {
                let quoted = q.get("text")?.as_str()?;
                Some(json!({"index": index, "score": round4(vader.polarity(quoted).compound)}))
            })
            .collect();
        let entities = entity_scores(doc, &sentences);
        Ok(json!({
            "label": label(score),
            "score": round4(score),
            "mode": match self.mode { Mode::Vader => "vader", Mode::News => "news" },
            "sentences": sentences
                .iter()
                .map(|(start, end, s)| json!({"start": start, "end": end, "score": round4(*s)}))
                .collect::<Vec<_>>(),
            "quotes": quotes,
            "entities": entities,
        }))
    }
}

/// The mean score of the sentences that mention each entity cluster, with how many mentions it
/// rests on.
fn entity_scores(doc: &Document<'_>, sentences: &[(u32, u32, f64)]) -> Vec<Value> {
    let Some(Value::Array(mentions)) = doc.layer("entities") else {
        return Vec::new();
    };
    // cluster -> (name, label, mentions, sentence indices)
    let mut clusters: BTreeMap<u64, (String, String, usize, Vec<usize>)> = BTreeMap::new();
    for m in &mentions {
        let (Some(cluster), Some(start)) = (
            m.get("cluster").and_then(Value::as_u64),
            m.get("start").and_then(Value::as_u64),
        ) else {
            continue;
        };
        let label = m.get("label").and_then(Value::as_str).unwrap_or("");
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
            .get("canonical")
            .or_else(|| m.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let entry = clusters
            .entry(cluster)
            .or_insert_with(|| (name, label.to_string(), 0, Vec::new()));
        entry.2 += 1;
        if let Some(s) = sentences
            .iter()
            .position(|(a, b, _)| u64::from(*a) <= start && start < u64::from(*b))
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
            json!({
                "cluster": cluster,
                "name": name,
                "label": label,
                "score": round4(score),
                "mentions": count,
                "sentences": in_sentences.len(),
            })
        })
        .collect()
}

export_plugin!(Sentiment);
