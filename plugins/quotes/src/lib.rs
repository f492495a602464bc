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
pub mod confidence;
pub mod description;
pub mod doc;
pub mod lexicon;
pub mod marks;
pub mod preamble;
pub mod resolve;
pub mod speaker;
pub mod tagger;
#[cfg(test)]
mod tests;
pub mod unsourced;

use attribute::Quote;
use byline_plugin_api::serde_json::{self, Value};
use byline_plugin_api::{
    Config, ConfigOption, Document, OptionKind, Plugin, PluginResult, export_plugin,
};
use doc::Doc;
use serde::Serialize;
use speaker::Speaker;

/// The attribution tagger's weights, trained on PolNeAR (`model/README.md` says how).
static BUILTIN_TAGGER: &[u8] = include_bytes!("../model/attribution-polnear.model");

/// The plugin.
pub struct Quotes {
    reported: bool,
    tagger: Option<std::sync::Arc<tagger::Tagger>>,
    double_apostrophes: bool,
    unattributed: bool,
    calibrated: bool,
    min_confidence: f64,
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
            name: "tagger_model",
            kind: OptionKind::String,
            default: "\"\"",
            help: "path of an attribution tagger model file to use instead of the built-in one (made by the recipe in the plugin's model/README.md, e.g. on your own annotated articles); empty uses the built-in model",
        },
        ConfigOption {
            name: "unattributed",
            kind: OptionKind::Bool,
            default: "false",
            help: "also list quoted text with neither a speaker nor a cue (titles, slogans, scare quotes are most of it); attributions whose source goes unnamed (\"is expected to\", \"Asked whether ...\") are listed anyway, with a null speaker",
        },
        ConfigOption {
            name: "double_apostrophes",
            kind: OptionKind::Bool,
            default: "true",
            help: "read '' (two apostrophes, as in older newswire text) as a quotation mark",
        },
        ConfigOption {
            name: "confidence",
            kind: OptionKind::String,
            default: "\"calibrated\"",
            help: "what a quote's confidence is: \"calibrated\", the estimated probability that it is right (content and speaker, as annotators of news marked them; see the plugin's model/README.md); \"rules\", the rules' and the tagger's own scores",
        },
        ConfigOption {
            name: "min_confidence",
            kind: OptionKind::Number,
            default: "0",
            help: "leave out quotes whose confidence is below this: precision for recall (0 keeps all; on PolNeAR dev, 0.6 kept 72% of the quotes and raised the share right from 72% to 80%: model/README.md has the table)",
        },
    ];

    fn new(config: &Config) -> PluginResult<Self> {
        let tagger = if config.bool("tagger") {
            let path = config.string("tagger_model");
            let loaded = if path.is_empty() {
                tagger::Tagger::from_bytes(BUILTIN_TAGGER, "(built-in attribution tagger)")
            } else {
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("cannot read tagger_model '{path}': {e}"))?;
                tagger::Tagger::from_bytes(&bytes, path)
            }
            .map_err(byline_plugin_api::PluginError::from)?;
            Some(std::sync::Arc::new(loaded))
        } else {
            None
        };
        let calibrated = match config.string("confidence") {
            "calibrated" => true,
            "rules" => false,
            other => {
                return Err(format!(
                    "confidence must be \"calibrated\" or \"rules\", got {other:?}"
                )
                .into());
            }
        };
        let min_confidence = config.number("min_confidence");
        if !(0.0..=1.0).contains(&min_confidence) {
            return Err(format!("min_confidence must lie in [0, 1], got {min_confidence}").into());
        }
        Ok(Quotes {
            calibrated,
            min_confidence,
            tagger,
            reported: config.bool("reported"),
            double_apostrophes: config.bool("double_apostrophes"),
            unattributed: config.bool("unattributed"),
        })
    }

    fn process(&self, document: &Document<'_>) -> PluginResult<Value> {
        self.layers_value(&Doc::new(document)?)
    }

    fn write_layer(&self, document: &Document<'_>, out: &mut Vec<u8>) -> PluginResult<()> {
        let doc = Doc::new(document)?;
        let quotes = self.quotes_of(&doc);
        serde_json::to_writer(out, &self.render(&doc, &quotes))?;
        Ok(())
    }
}

impl Quotes {
    /// The two layers of one document as a JSON value (what `write_layer` writes, parsed).
    fn layers_value(&self, doc: &Doc<'_>) -> PluginResult<Value> {
        let quotes = self.quotes_of(doc);
        Ok(serde_json::to_value(self.render(doc, &quotes))?)
    }

    /// The quotes of one document, in text order.
    fn quotes_of(&self, doc: &Doc<'_>) -> Vec<Quote> {
        let mut quoted = marks::find(doc.text, &doc.paragraphs, self.double_apostrophes);
        marks::end_runaway_quotes(doc, &mut quoted, |s, e| {
            attribute::opens_with_attribution(doc, s, e)
        });
        let mut quotes = rule_quotes(doc, &quoted, self.reported);
        if self.reported
            && let Some(loaded) = &self.tagger
        {
            tagger::apply(loaded, doc, &quoted, &mut quotes);
        }
        preamble::narrow_to_quotations(doc.text, &quoted, &mut quotes);
        // Quoted text with neither speaker nor cue (titles, slogans, scare quotes) is left out
        // by default; an attribution whose source goes unnamed ("is expected to") has its cue.
        if !self.unattributed {
            quotes.retain(|q| q.speaker.is_some() || q.cue.is_some());
        }
        quotes.retain(|q| doc.says_something(q.start, q.end));
        quotes.sort_by_key(|q| (q.start, q.end));
        one_quote_per_span(&mut quotes);
        resolve::after_quotes_found(doc, &mut quotes);
        quotes
    }
}

/// Keeps one quote of those with the same content span (sorted by span, so they are neighbours):
/// the rules and the tagger may read one passage through two cues ("“...,” Trump said, referring
/// to Cruz"), and a passage was said once. The one kept has a speaker or a cue if any has, then
/// the highest confidence, then comes first.
fn one_quote_per_span(quotes: &mut Vec<Quote>) {
    let rank = |q: &Quote| (q.speaker.is_some() || q.cue.is_some(), q.confidence);
    let mut kept: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes.drain(..) {
        match kept.last_mut() {
            Some(last) if (last.start, last.end) == (q.start, q.end) => {
                if rank(&q) > rank(last) {
                    *last = q;
                }
            }
            _ => kept.push(q),
        }
    }
    *quotes = kept;
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

/// A span of the text, as the record writes it.
#[derive(Serialize)]
struct Span<'d> {
    start: usize,
    end: usize,
    text: &'d str,
}

impl<'d> Span<'d> {
    fn of(doc: &Doc<'d>, (start, end): (usize, usize)) -> Span<'d> {
        Span {
            start,
            end,
            text: doc.text.get(start..end).unwrap_or(""),
        }
    }
}

/// A speaker (or a `via` source), as the record writes it.
#[derive(Serialize)]
struct SpeakerEntry<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    name: Option<&'d str>,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<String>,
}

impl<'d> SpeakerEntry<'d> {
    fn of(doc: &Doc<'d>, s: &'d Speaker) -> SpeakerEntry<'d> {
        let mut entry = SpeakerEntry {
            start: s.start,
            end: s.end,
            text: doc.text.get(s.start..s.end).unwrap_or(""),
            name: s.name.as_deref(),
            kind: s.kind.name(),
            role: None,
            affiliation: None,
        };
        if s.kind == speaker::Kind::Person
            && let Some(name) = &s.name
        {
            // Role and affiliation from wherever the article introduces the person.
            let description = doc
                .mentions
                .iter()
                .filter(|m| m.label == "PERSON" && &m.canonical == name)
                .map(|m| description::describe(doc, m))
                .find(|d| d.role.is_some() || d.affiliation.is_some());
            if let Some(d) = description {
                entry.role = d.role;
                entry.affiliation = d.affiliation;
            }
        }
        entry
    }
}

/// One quote, as the record writes it.
#[derive(Serialize)]
struct QuoteEntry<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    kind: &'static str,
    speaker: Option<SpeakerEntry<'d>>,
    cue: Option<Span<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    addressee: Option<Span<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<SpeakerEntry<'d>>,
    confidence: f64,
}

/// A speaker with the number of its quotes.
#[derive(Serialize)]
struct SpeakerCount<'d> {
    name: std::borrow::Cow<'d, str>,
    kind: &'static str,
    quotes: usize,
}

/// The plugin's two layers of one document.
#[derive(Serialize)]
struct Layers<'d> {
    quotes: Vec<QuoteEntry<'d>>,
    quote_speakers: Vec<SpeakerCount<'d>>,
}

impl Quotes {
    /// The two layers of one document's quotes: each quote's entry with its confidence (the
    /// calibrated estimate unless the rules' scores were asked for), those below
    /// `min_confidence` left out, and the speakers of the others counted.
    fn render<'d>(&self, doc: &Doc<'d>, quotes: &'d [Quote]) -> Layers<'d> {
        let mut counts: Vec<SpeakerCount<'d>> = Vec::new();
        let mut list = Vec::with_capacity(quotes.len());
        for q in quotes {
            let mut entry = QuoteEntry {
                start: q.start,
                end: q.end,
                text: doc.text.get(q.start..q.end).unwrap_or(""),
                kind: q.kind.name(),
                speaker: q.speaker.as_ref().map(|s| SpeakerEntry::of(doc, s)),
                cue: q.cue.map(|c| Span::of(doc, c)),
                addressee: q.addressee.map(|a| Span::of(doc, a)),
                via: q.via.as_ref().map(|v| SpeakerEntry::of(doc, v)),
                confidence: f64::from(q.confidence),
            };
            if self.calibrated {
                entry.confidence = confidence::estimate(&entry.evidence(q.confidence));
            }
            entry.confidence = (entry.confidence * 100.0).round() / 100.0;
            if entry.confidence < self.min_confidence {
                continue;
            }
            if let Some(s) = &q.speaker {
                let name = match &s.name {
                    Some(name) => std::borrow::Cow::Borrowed(name.as_str()),
                    None => std::borrow::Cow::Borrowed(doc.text.get(s.start..s.end).unwrap_or("")),
                };
                // "Analysts said" and "analysts say" are one speaker: names compare in any case.
                match counts
                    .iter_mut()
                    .find(|c| c.name.eq_ignore_ascii_case(&name))
                {
                    Some(c) => c.quotes += 1,
                    None => counts.push(SpeakerCount {
                        name,
                        kind: s.kind.name(),
                        quotes: 1,
                    }),
                }
            }
            list.push(entry);
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.quotes));
        Layers {
            quotes: list,
            quote_speakers: counts,
        }
    }
}

impl QuoteEntry<'_> {
    /// What the confidence model reads of this entry, with the rules' or the tagger's `score`.
    fn evidence(&self, score: f32) -> confidence::Evidence<'_> {
        confidence::Evidence {
            kind: self.kind,
            score,
            speaker: self.speaker.as_ref().map(|s| confidence::SpeakerEvidence {
                kind: s.kind,
                text: s.text,
                name: s.name,
                role: s.role.is_some(),
                affiliation: s.affiliation.is_some(),
            }),
            cue: self.cue.as_ref().map(|c| c.text),
            content: self.text,
            via: self.via.is_some(),
            addressee: self.addressee.is_some(),
        }
    }
}

export_plugin!(Quotes);
