//! The `entities` plugin: people, organisations, places and other names, with numeric and temporal
//! expressions, grouped into per-document clusters, dates normalised against the document's date.
//!
//! Names come from a statistical tagger trained by byline's own code (`byline-ner`: an averaged
//! structured perceptron with BIO-constrained Viterbi); the model ships inside this library (see
//! `model/README.md`) and is loaded once per process. Labels are refined to OntoNotes types by
//! [`labels`]; numbers and dates come from the rules of [`numeric`] and [`dates`]; clusters from
//! [`cluster`].
//!
//! Output: the `entities` layer, a list of mentions `{start, end, text, label, cluster, canonical,
//! confidence?, value?}`, and the `entity_clusters` layer, `{id, label, name, mentions}` per cluster.

/// The allocator of this plugin's own allocations (each library has its own, and frees only what it
/// allocated, as the plugin ABI requires): mimalloc, measured 25% faster than the system allocator
/// on the full pipeline (`docs/performance.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod captions;
pub mod cluster;
pub mod dates;
pub mod labels;
pub mod numeric;
pub mod words;

use byline_ner::Tagger;
use byline_plugin_api::serde_json::{self, Value};
use byline_plugin_api::{
    Config, ConfigOption, Document, OptionKind, Plugin, PluginResult, export_plugin,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};
use words::Word;

/// The model compiled into the library.
static BUILTIN_MODEL: &[u8] = include_bytes!("../model/entities-conll03.model");

/// The built-in model, loaded on first use and shared by every instance and thread.
fn builtin_tagger() -> Result<Arc<Tagger>, String> {
    static TAGGER: OnceLock<Result<Arc<Tagger>, String>> = OnceLock::new();
    TAGGER
        .get_or_init(|| {
            Tagger::from_bytes(BUILTIN_MODEL, "(built in)")
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
        .clone()
}

/// The plugin.
pub struct Entities {
    tagger: Arc<Tagger>,
    numeric: bool,
    min_confidence: f32,
}

/// One mention before output.
struct Mention<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    words: Vec<&'a str>,
    confidence: Option<f32>,
    value: Option<String>,
    /// In a headline or caption (a sentence without final punctuation).
    headline: bool,
}

impl Plugin for Entities {
    const NAME: &'static str = "entities";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "people, organisations, places, dates, money... clustered per document, dates normalised";
    const PROVIDES: &'static [&'static str] = &["entity_clusters"];
    const REQUIRES: &'static [&'static str] = &["sentences"];
    const OPTIONS: &'static [ConfigOption] = &[
        ConfigOption {
            name: "model",
            kind: OptionKind::String,
            default: "\"\"",
            help: "a model file from `byline train entities` (empty: the built-in CoNLL-2003 model)",
        },
        ConfigOption {
            name: "min_confidence",
            kind: OptionKind::Number,
            default: "0.3",
            help: "drop names the tagger is less sure of than this (0 keeps every name)",
        },
        ConfigOption {
            name: "numeric",
            kind: OptionKind::Bool,
            default: "true",
            help: "also find DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL and CARDINAL",
        },
    ];

    fn new(config: &Config) -> PluginResult<Self> {
        let path = config.string("model");
        let tagger = if path.is_empty() {
            builtin_tagger()?
        } else {
            let bytes =
                std::fs::read(path).map_err(|e| format!("cannot read model '{path}': {e}"))?;
            Arc::new(Tagger::from_bytes(&bytes, path)?)
        };
        Ok(Entities {
            tagger,
            numeric: config.bool("numeric"),
            min_confidence: config.number("min_confidence") as f32,
        })
    }

    fn process(&self, doc: &Document<'_>) -> PluginResult<Value> {
        Ok(serde_json::to_value(self.layers(doc))?)
    }

    fn write_layer(&self, doc: &Document<'_>, out: &mut Vec<u8>) -> PluginResult<()> {
        serde_json::to_writer(out, &self.layers(doc))?;
        Ok(())
    }
}

impl Entities {
    /// The two layers of one document.
    fn layers<'d>(&self, doc: &Document<'d>) -> Layers<'d> {
        let lexicon = &self.tagger.extractor.lexicon;
        let sentences = words::sentences(doc, lexicon);
        let norms: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| w.norm).collect())
            .collect();
        let anchor = doc.date().and_then(dates::Ymd::parse);
        let mut mentions: Vec<Mention<'_>> = Vec::new();
        // One-word names a team's role noun follows somewhere ("Chelsea boss").
        let mut teams: HashSet<&str> = HashSet::new();
        let mut taken: Vec<Vec<bool>> = sentences.iter().map(|s| vec![false; s.len()]).collect();
        let credits: Vec<Option<usize>> = sentences
            .iter()
            .map(|s| captions::credit_start(s))
            .collect();
        let headlines: Vec<bool> = sentences.iter().map(|s| is_headline(s)).collect();
        for found in self.tagger.tag(&norms) {
            if found.confidence < self.min_confidence {
                continue;
            }
            let sentence = &sentences[found.sentence];
            let mut end = found.end;
            while end > found.start && captions::is_caption_word(sentence[end - 1].text) {
                end -= 1;
            }
            // "Channel 4", "Radio 5", "Formula 1": the number is the name's (the tagger, fitted
            // on text without them, stops before it, and it would be a CARDINAL of its own).
            if end < sentence.len()
                && end > found.start
                && matches!(sentence[end - 1].text, "Channel" | "Radio" | "Formula")
                && is_small_number(sentence[end].text)
            {
                end += 1;
            }
            // "However Roddick", "Although Wal-Mart", "Despite Barkley": a capitalised word
            // that opens the sentence as a conjunction or an adverb is no part of the name after
            // it. What is left may be a date ("Before December"), found with the numbers.
            let mut start = found.start;
            if start == 0 && end >= 2 && is_sentence_opener(sentence[0].text) {
                start = 1;
                if end == 2 && dates::names_month_or_weekday(sentence[1].text) {
                    continue;
                }
            }
            // A name has a letter or digit ("!" alone, split off "Yahoo!", is none).
            let named = sentence[start..end]
                .iter()
                .any(|w| w.text.chars().any(char::is_alphanumeric));
            if end == start || !named {
                continue;
            }
            let words: &[Word<'_>] = &sentence[start..end];
            // "TV", "PC", "DVD": an abbreviation of a common noun names nothing; nor does a
            // conjunction or an adverb opening the sentence alone ("However, analysts said").
            if let [word] = words
                && (labels::is_common_abbreviation(word.text)
                    || start == 0 && is_sentence_opener(word.text))
            {
                continue;
            }
            taken[found.sentence][start..end].fill(true);
            let mut label = labels::refine(&found.kind, words, &sentence[..start], lexicon);
            if label == "PERSON" && labels::is_team(words, sentence.get(end)) {
                label = "ORG";
                teams.insert(words[0].text);
            }
            if credits[found.sentence].is_some_and(|credit| start >= credit) {
                label = captions::credit_label(label);
            }
            mentions.push(Mention {
                start: words[0].start,
                end: words[words.len() - 1].end,
                label,
                words: words.iter().map(|w| w.text).collect(),
                confidence: Some(found.confidence),
                value: None,
                headline: headlines[found.sentence],
            });
        }
        if self.numeric {
            for (s, sentence) in sentences.iter().enumerate() {
                for found in numeric::find(sentence, &taken[s], anchor) {
                    let words = &sentence[found.first..found.end];
                    mentions.push(Mention {
                        start: words[0].start,
                        end: words[words.len() - 1].end,
                        label: found.label,
                        words: words.iter().map(|w| w.text).collect(),
                        confidence: None,
                        value: found.value,
                        headline: headlines[s],
                    });
                }
            }
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        surnames_are_people(&mut mentions);
        titles_stay_titles(&mut mentions);
        teams_stay_teams(&mut mentions, &teams);
        render(doc.text(), &mentions)
    }
}

/// Whether a sentence is a headline or a caption: it does not end with final punctuation or a
/// bracket; a closing quotation mark ends a sentence when final punctuation comes before it ('...
/// he said: "We won."'), not after a word ("EU China arms ban 'to be lifted'").
fn is_headline(sentence: &[Word<'_>]) -> bool {
    let is_final = |w: &Word<'_>| matches!(w.text, "." | "!" | "?" | "…" | ")");
    match sentence {
        [.., before, last] if matches!(last.text, "\"" | "”" | "’" | "'") => !is_final(before),
        [.., last] => !is_final(last),
        [] => true,
    }
}

/// Conjunctions, adverbs and verbs of speech that open a sentence, capitalised there, before a
/// name ("However Roddick blasts ...", "Despite Barkley scoring ...", "Said Comey, ..."): not the
/// first word of a person's, firm's or place's name. (A title may open with one, "Before
/// Sunset"; at a sentence's start it loses that word.)
fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "However"
            | "Although"
            | "Though"
            | "But"
            | "And"
            | "When"
            | "Whenever"
            | "If"
            | "Before"
            | "After"
            | "Since"
            | "So"
            | "Despite"
            | "While"
            | "Whilst"
            | "Meanwhile"
            | "Both"
            | "Even"
            | "Unlike"
            | "Because"
            | "Whether"
            | "Once"
            | "Until"
            | "Yet"
            | "Still"
            | "Perhaps"
            | "Indeed"
            | "Instead"
            | "Moreover"
            | "Nevertheless"
            | "Furthermore"
            | "Thus"
            // An attribution inverted before its quotation: "Said Comey, “...”".
            | "Said"
            | "Says"
            | "Added"
            | "Asked"
    )
}

/// Labels a one-word organisation a person when the document gives a person's full name
/// ending in that word and names people by it more often ("Trump's comments", tagged ORG, in an
/// article about Donald Trump): the tagger reads each sentence alone, and a surname in an unusual
/// place can look like a company. A full name is the evidence: one-word PERSON tags of a company's
/// name ("Yukos", "Sony") are the tagger's own errors, not a person.
fn surnames_are_people(mentions: &mut [Mention<'_>]) {
    /// Per word: full names ending in it, one-word people, and one-word other names it is.
    #[derive(Default)]
    struct Count {
        full_names: usize,
        people: usize,
        others: usize,
    }
    let mut counts: HashMap<&str, Count> = HashMap::new();
    for m in mentions.iter() {
        match (m.label, &m.words[..]) {
            ("PERSON", [word]) => counts.entry(word).or_default().people += 1,
            ("PERSON", [.., last]) => counts.entry(last).or_default().full_names += 1,
            (_, [word]) => counts.entry(word).or_default().others += 1,
            _ => {}
        }
    }
    for m in mentions.iter_mut() {
        if let ("ORG", [word]) = (m.label, &m.words[..])
            && counts
                .get(word)
                .is_some_and(|c| c.full_names > 0 && c.full_names + c.people > c.others)
        {
            m.label = "PERSON";
        }
    }
}

/// Labels a person's name a work's title where the same words are a title elsewhere in the
/// document ("the film Million Dollar Baby" ... "Million Dollar Baby won"): the words before a
/// name tell it is a title once, and the tagger, reading each sentence alone, calls the others
/// people.
fn titles_stay_titles(mentions: &mut [Mention<'_>]) {
    let titles: HashSet<Vec<&str>> = mentions
        .iter()
        .filter(|m| m.label == "WORK_OF_ART")
        .map(|m| m.words.clone())
        .collect();
    if titles.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.label == "PERSON" && titles.contains(&m.words) {
            m.label = "WORK_OF_ART";
        }
    }
}

/// Labels ORG the one-word "people" that are a team elsewhere in the document (`teams`: "Chelsea
/// boss Jose Mourinho" ... "Chelsea won"), unless the document gives a person's full name ending
/// in the word ("Ferguson" beside "Alex Ferguson" stays a person where the tagger says so; a word
/// the tagger also put first in a full name does not count: "Deportivo Coruna" called a person).
fn teams_stay_teams(mentions: &mut [Mention<'_>], teams: &HashSet<&str>) {
    if teams.is_empty() {
        return;
    }
    let surnames: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == "PERSON" && m.words.len() > 1)
        .filter_map(|m| m.words.last().copied())
        .collect();
    for m in mentions.iter_mut() {
        if let ("PERSON", [word]) = (m.label, &m.words[..])
            && teams.contains(word)
            && !surnames.contains(word)
        {
            m.label = "ORG";
        }
    }
}

/// The plugin's two layers, as written into the record.
#[derive(Serialize)]
struct Layers<'t> {
    entities: Vec<EntityEntry<'t>>,
    entity_clusters: Vec<ClusterEntry<'t>>,
}

/// One mention of the `entities` layer.
#[derive(Serialize)]
struct EntityEntry<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    label: &'static str,
    cluster: usize,
    canonical: &'t str,
    /// The tagger's confidence, to three decimals (none for numeric expressions).
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    /// A date's or number's normalised value.
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
}

/// One cluster of the `entity_clusters` layer.
#[derive(Serialize)]
struct ClusterEntry<'t> {
    id: usize,
    label: String,
    name: &'t str,
    mentions: usize,
}

/// The two layers: mentions with their clusters, and the clusters.
fn render<'t>(text: &'t str, mentions: &[Mention<'_>]) -> Layers<'t> {
    let cluster_input: Vec<cluster::Mention<'_>> = mentions
        .iter()
        .map(|m| cluster::Mention {
            label: m.label,
            words: m.words.clone(),
            value: m.value.as_deref(),
            headline: m.headline,
        })
        .collect();
    let clusters = cluster::assign(&cluster_input);
    let mut cluster_of = vec![0; mentions.len()];
    for (id, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            cluster_of[m] = id;
        }
    }
    let slice = |m: &Mention<'_>| text.get(m.start..m.end).unwrap_or("");
    let entities = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| EntityEntry {
            start: m.start,
            end: m.end,
            text: slice(m),
            label: m.label,
            cluster: cluster_of[i],
            canonical: slice(&mentions[clusters[cluster_of[i]].canonical]),
            confidence: m
                .confidence
                .map(|c| (f64::from(c) * 1000.0).round() / 1000.0),
            value: m.value.clone(),
        })
        .collect();
    let entity_clusters = clusters
        .into_iter()
        .enumerate()
        .map(|(id, c)| ClusterEntry {
            id,
            name: slice(&mentions[c.canonical]),
            mentions: c.members.len(),
            label: c.label,
        })
        .collect();
    Layers {
        entities,
        entity_clusters,
    }
}

export_plugin!(Entities);

/// Whether a word is a one- or two-digit number, as in the names "Channel 4" and "Radio 5".
fn is_small_number(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention<'a>(label: &'static str, text: &'a str) -> Mention<'a> {
        Mention {
            start: 0,
            end: 0,
            label,
            words: text.split(' ').collect(),
            confidence: None,
            value: None,
            headline: false,
        }
    }

    fn labels(mentions: &[Mention<'_>]) -> Vec<&'static str> {
        mentions.iter().map(|m| m.label).collect()
    }

    #[test]
    fn a_surname_tagged_as_an_organisation_is_the_person_the_article_names() {
        let mut mentions = vec![
            mention("PERSON", "Donald Trump"),
            mention("ORG", "Trump"),
            mention("PERSON", "Trump"),
            mention("ORG", "Trump University"),
        ];
        surnames_are_people(&mut mentions);
        assert_eq!(labels(&mentions), ["PERSON", "PERSON", "PERSON", "ORG"]);
    }

    #[test]
    fn one_word_person_tags_are_no_evidence_and_places_stay_places() {
        // No full name ends in "Yukos": its PERSON tags are the tagger's errors.
        let mut mentions = vec![
            mention("PERSON", "Yukos"),
            mention("PERSON", "Yukos"),
            mention("ORG", "Yukos"),
            mention("PERSON", "Jack Wisconsin"),
            mention("GPE", "Wisconsin"),
        ];
        surnames_are_people(&mut mentions);
        assert_eq!(
            labels(&mentions),
            ["PERSON", "PERSON", "ORG", "PERSON", "GPE"]
        );
        // More one-word organisations than people named by the word: a company.
        let mut mentions = vec![
            mention("PERSON", "Henry Ford"),
            mention("ORG", "Ford"),
            mention("ORG", "Ford"),
        ];
        surnames_are_people(&mut mentions);
        assert_eq!(labels(&mentions), ["PERSON", "ORG", "ORG"]);
    }

    #[test]
    fn a_sentence_ending_on_a_word_and_a_closing_mark_is_a_headline() {
        use crate::words::spaced_words as words;
        assert!(is_headline(&words("EU China arms ban ' to be lifted '")));
        assert!(is_headline(&words("Campbell lifts lid on United feud")));
        assert!(!is_headline(&words("He said : \" We won . \"")));
        assert!(!is_headline(&words(
            "The EU pledged to work towards lifting the ban ."
        )));
        assert!(!is_headline(&words(
            "Rich Templeton has backed Voice over Internet Telephony ( Voip )"
        )));
    }

    #[test]
    fn a_team_once_is_a_team_throughout_unless_a_person_bears_its_name() {
        let mut mentions = [
            mention("PERSON", "Chelsea"),
            mention("PERSON", "Wasps"),
            mention("PERSON", "Lawrence Dallaglio"),
        ];
        let teams = HashSet::from(["Chelsea", "Dallaglio"]);
        teams_stay_teams(&mut mentions, &teams);
        assert_eq!(labels(&mentions), ["ORG", "PERSON", "PERSON"]);
        let teams = HashSet::from(["Ferguson"]);
        let mut mentions = [
            mention("PERSON", "Alex Ferguson"),
            mention("PERSON", "Ferguson"),
        ];
        teams_stay_teams(&mut mentions, &teams);
        assert_eq!(labels(&mentions), ["PERSON", "PERSON"]);
    }

    #[test]
    fn a_title_once_is_a_title_throughout() {
        let mut mentions = [
            mention("WORK_OF_ART", "Vera Drake"),
            mention("PERSON", "Vera Drake"),
            mention("PERSON", "Mike Leigh"),
        ];
        titles_stay_titles(&mut mentions);
        assert_eq!(labels(&mentions), ["WORK_OF_ART", "WORK_OF_ART", "PERSON"]);
    }
}
