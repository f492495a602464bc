//! The `quotes` plugin: who said what. Direct quotes (straight or curly marks, over paragraphs,
//! attribution before, after or inside), reported speech and mixed quotes, each with its speaker
//! (the nearest mention and the fullest name; pronouns and surnames resolved through the entities
//! layer), the kind of speaker, role and affiliation, the cue, the addressee and the second-hand
//! source (`via`). The `quote_speakers` layer counts each speaker's quotes.
//!
//! It reads the `entities` layer when that plugin is selected (declared in `USES`), and works without
//! it (speakers are then noun phrases and pronouns stay unresolved).

/// The allocator of this plugin's own allocations (each library has its own, and frees only what it
/// allocated, as the plugin ABI requires): mimalloc, measured 25% faster than the system allocator
/// on the full pipeline (`docs/performance.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod attribute;
pub mod doc;
pub mod lexicon;
pub mod marks;
pub mod speaker;
pub mod tagger;
#[cfg(test)]
mod tests;

use attribute::Quote;
use byline_plugin_api::serde_json::{Map, Value, json};
use byline_plugin_api::{
    Config, ConfigOption, Document, OptionKind, Plugin, PluginResult, export_plugin,
};
use doc::Doc;
use speaker::Speaker;

/// The attribution tagger's weights, trained on PolNeAR (`model/README.md` says how).
static BUILTIN_TAGGER: &[u8] = include_bytes!("../model/attribution-polnear.model");

/// The plugin.
pub struct Quotes {
    reported: bool,
    tagger: Option<std::sync::Arc<tagger::Tagger>>,
    double_apostrophes: bool,
    unattributed: bool,
}

impl Plugin for Quotes {
    const NAME: &'static str = "quotes";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "who said what: direct, indirect and mixed quotes with speakers, cues, roles and sources";
    const PROVIDES: &'static [&'static str] = &["quote_speakers"];
    const REQUIRES: &'static [&'static str] = &["sentences"];
    const USES: &'static [&'static str] = &["entities"];
    const OPTIONS: &'static [ConfigOption] = &[
        ConfigOption {
            name: "reported",
            kind: OptionKind::Bool,
            default: "true",
            help: "also find reported speech (X said that ...), not only quotation marks",
        },
        ConfigOption {
            name: "tagger",
            kind: OptionKind::Bool,
            default: "true",
            help: "with reported, also add the attributions the trained tagger finds beyond the rules (beliefs, stances, rarer cues); false keeps the rules only and runs faster",
        },
        ConfigOption {
            name: "unattributed",
            kind: OptionKind::Bool,
            default: "false",
            help: "also list quoted text whose speaker cannot be found (titles, slogans, scare quotes are most of it)",
        },
        ConfigOption {
            name: "double_apostrophes",
            kind: OptionKind::Bool,
            default: "true",
            help: "read '' (two apostrophes, as in older newswire text) as a quotation mark",
        },
    ];

    fn new(config: &Config) -> PluginResult<Self> {
        let tagger = if config.bool("tagger") {
            let loaded =
                tagger::Tagger::from_bytes(BUILTIN_TAGGER, "(built-in attribution tagger)")
                    .map_err(byline_plugin_api::PluginError::from)?;
            Some(std::sync::Arc::new(loaded))
        } else {
            None
        };
        Ok(Quotes {
            tagger,
            reported: config.bool("reported"),
            double_apostrophes: config.bool("double_apostrophes"),
            unattributed: config.bool("unattributed"),
        })
    }

    fn process(&self, document: &Document<'_>) -> PluginResult<Value> {
        Ok(self.quotes_of(&Doc::new(document)?))
    }
}

impl Quotes {
    /// The two layers for one document.
    fn quotes_of(&self, doc: &Doc<'_>) -> Value {
        let quoted = marks::find(doc.text, &doc.paragraphs, self.double_apostrophes);
        let mut quotes = rule_quotes(doc, &quoted, self.reported);
        if self.reported
            && let Some(loaded) = &self.tagger
        {
            tagger::apply(loaded, doc, &quoted, &mut quotes);
        }
        if !self.unattributed {
            quotes.retain(|q| q.speaker.is_some());
        }
        quotes.sort_by_key(|q| (q.start, q.end));
        render(doc, &quotes)
    }
}

/// The quotes the rules find: direct quotes, and with `reported` the reported speech, a quoted
/// fragment inside a mixed quote being part of it. Quotes without a speaker are included.
pub fn rule_quotes(doc: &Doc<'_>, quoted: &[marks::Quoted], reported: bool) -> Vec<Quote> {
    let mut quotes = attribute::direct_quotes(doc, quoted);
    if reported {
        let reported = attribute::reported_speech(doc, quoted);
        // A quoted fragment inside a mixed quote is part of it, not a quote of its own (the
        // mixed content may stop short of the fragment's final punctuation).
        quotes.retain(|q| {
            !reported.iter().any(|r| {
                r.kind == attribute::QuoteKind::Mixed && r.start <= q.start && q.start < r.end
            })
        });
        quotes.extend(reported);
    }
    quotes
}

fn span_json(doc: &Doc<'_>, (start, end): (usize, usize)) -> Value {
    json!({"start": start, "end": end, "text": doc.text.get(start..end).unwrap_or("")})
}

fn speaker_json(doc: &Doc<'_>, s: &Speaker) -> Value {
    let mut entry = Map::new();
    entry.insert("start".into(), s.start.into());
    entry.insert("end".into(), s.end.into());
    entry.insert(
        "text".into(),
        doc.text.get(s.start..s.end).unwrap_or("").into(),
    );
    entry.insert(
        "name".into(),
        s.name.clone().map_or(Value::Null, Value::from),
    );
    entry.insert("kind".into(), s.kind.name().into());
    if s.kind == speaker::Kind::Person
        && let Some(name) = &s.name
    {
        // Role and affiliation from wherever the article introduces the person.
        let description = doc
            .mentions
            .iter()
            .filter(|m| m.label == "PERSON" && &m.canonical == name)
            .map(|m| speaker::describe(doc, m))
            .find(|d| d.role.is_some() || d.affiliation.is_some());
        if let Some(d) = description {
            if let Some(role) = d.role {
                entry.insert("role".into(), role.into());
            }
            if let Some(affiliation) = d.affiliation {
                entry.insert("affiliation".into(), affiliation.into());
            }
        }
    }
    Value::Object(entry)
}

fn render(doc: &Doc<'_>, quotes: &[Quote]) -> Value {
    let mut counts: Vec<(String, &'static str, usize)> = Vec::new();
    let list: Vec<Value> = quotes
        .iter()
        .map(|q| {
            let mut entry = Map::new();
            entry.insert("start".into(), q.start.into());
            entry.insert("end".into(), q.end.into());
            entry.insert(
                "text".into(),
                doc.text.get(q.start..q.end).unwrap_or("").into(),
            );
            entry.insert("kind".into(), q.kind.name().into());
            entry.insert(
                "speaker".into(),
                q.speaker
                    .as_ref()
                    .map_or(Value::Null, |s| speaker_json(doc, s)),
            );
            entry.insert(
                "cue".into(),
                q.cue.map_or(Value::Null, |c| span_json(doc, c)),
            );
            if let Some(a) = q.addressee {
                entry.insert("addressee".into(), span_json(doc, a));
            }
            if let Some(v) = &q.via {
                entry.insert("via".into(), speaker_json(doc, v));
            }
            entry.insert(
                "confidence".into(),
                json!((f64::from(q.confidence) * 100.0).round() / 100.0),
            );
            if let Some(s) = &q.speaker {
                let name = s
                    .name
                    .clone()
                    .unwrap_or_else(|| doc.text.get(s.start..s.end).unwrap_or("").to_string());
                match counts.iter_mut().find(|(n, _, _)| *n == name) {
                    Some(c) => c.2 += 1,
                    None => counts.push((name, s.kind.name(), 1)),
                }
            }
            Value::Object(entry)
        })
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.2));
    let speakers: Vec<Value> = counts
        .into_iter()
        .map(|(name, kind, quotes)| json!({"name": name, "kind": kind, "quotes": quotes}))
        .collect();
    json!({"quotes": list, "quote_speakers": speakers})
}

export_plugin!(Quotes);
