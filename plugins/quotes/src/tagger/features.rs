//! The attribution tagger's features: per paragraph, each word's feature hashes.
//!
//! A word is described by itself (lower case, last three letters, shape), by whether it is inside
//! quotation marks, by what the rules said about it (inside a content, a cue or a speaker of a
//! quote they found, and of which kind), by its entity label, and by the same facts about the words
//! around it. The rules' view is the strongest signal: the tagger learns where PolNeAR's annotators
//! went further than the rules (beliefs, stances, rarer cues) and where they stopped earlier.

use super::dense::{BUCKETS, Dense, NEAR_OFFSETS, PAD_OFFSETS};
use crate::attribute::{Quote, QuoteKind};
use crate::doc::Doc;
use crate::marks::Quoted;
use byline_ner::template;

/// Version of the feature templates; a model trained with another version is refused.
pub const FEATURE_VERSION: u32 = 2;

/// What the rules said about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleRole {
    None,
    Content(QuoteKind),
    Cue,
    Speaker,
}

impl RuleRole {
    /// Its index in `RULE_ROLES` (O, Cd, Ci, Cm, CUE, SRC).
    fn index(self) -> u8 {
        match self {
            RuleRole::None => 0,
            RuleRole::Content(QuoteKind::Direct) => 1,
            RuleRole::Content(QuoteKind::Indirect) => 2,
            RuleRole::Content(QuoteKind::Mixed) => 3,
            RuleRole::Cue => 4,
            RuleRole::Speaker => 5,
        }
    }
}

/// Whether a word is a quotation mark, inside quotation marks, or neither (as `u8`, its index in
/// `QUOTE_STATES`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum QuoteState {
    /// A quotation mark.
    Mark,
    /// Inside quotation marks.
    Inside,
    /// Outside quotation marks.
    Outside,
}

/// The facts about each word of a document that features are made of.
pub struct WordFacts {
    /// Hash of each word in lower case.
    word: Vec<u64>,
    /// Hash of each word's last three characters in lower case.
    suffix: Vec<u64>,
    /// Quotation state.
    pub quote_state: Vec<QuoteState>,
    /// The rules' role, with whether it begins a span (B) or continues one (I).
    rule: Vec<(RuleRole, bool)>,
    /// Entity label of the mention covering the word, as an index in [`ENTITIES`].
    entity: Vec<u8>,
    /// The nearest reporting verbs before and after each word in its sentence.
    cues: Vec<Nearest>,
    /// The nearest words of person or organisation mentions before and after each word in its
    /// sentence.
    names: Vec<Nearest>,
    /// Whether the rules found a quote with a speaker in the word's sentence.
    rule_sentence: Vec<bool>,
}

/// The nearest words of some kind before and after a word, in its sentence.
#[derive(Clone, Copy, Debug, Default)]
struct Nearest {
    before: Option<usize>,
    after: Option<usize>,
}

impl Nearest {
    /// The distances from word `i`, as indices in `BUCKETS` (0 when there is none).
    fn buckets(self, i: usize) -> (u8, u8) {
        (
            self.before.map_or(0, |b| distance_bucket(i - b)),
            self.after.map_or(0, |a| distance_bucket(a - i)),
        )
    }

    /// The same as bucket names ("-" when there is none).
    fn distances(self, i: usize) -> (&'static str, &'static str) {
        let (before, after) = self.buckets(i);
        (BUCKETS[usize::from(before)], BUCKETS[usize::from(after)])
    }
}

/// For each word of `doc`, the nearest other words of its sentence before and after it for which
/// `is` holds (asked once per word).
fn nearest_in_sentence(doc: &Doc<'_>, is: impl Fn(usize) -> bool) -> Vec<Nearest> {
    let n = doc.words.len();
    let holds: Vec<bool> = (0..n).map(is).collect();
    let mut nearest = vec![Nearest::default(); n];
    for &(first, end) in &doc.sentences {
        let end = end.min(n);
        let mut last = None;
        for i in first..end {
            nearest[i].before = last;
            if holds[i] {
                last = Some(i);
            }
        }
        let mut next = None;
        for i in (first..end).rev() {
            nearest[i].after = next;
            if holds[i] {
                next = Some(i);
            }
        }
    }
    nearest
}

/// A distance in words, in buckets that double.
fn distance_bucket(d: usize) -> u8 {
    // Indices in `BUCKETS`: "0", "1", "2", "3" (3-4), "5" (5-8), "9" (9-16), "17" (more).
    match d {
        0 => 1,
        1 => 2,
        2 => 3,
        3..=4 => 4,
        5..=8 => 5,
        9..=16 => 6,
        _ => 7,
    }
}

fn is_mark(text: &str) -> bool {
    matches!(text, "“" | "”" | "\"" | "''" | "„" | "«" | "»")
}

/// Entity labels by index: the set the entities plugin writes, then "O" (no mention) and "X"
/// (any other label).
pub const ENTITIES: [&str; 20] = [
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
    "O",
    "X",
];

/// Index in [`ENTITIES`] of "O", no mention.
const NO_ENTITY: u8 = 18;

/// The index of an entity label in [`ENTITIES`] ("X" for a label not among them).
fn entity_index(label: &str) -> u8 {
    ENTITIES[..NO_ENTITY as usize]
        .iter()
        .position(|l| *l == label)
        .map_or(NO_ENTITY + 1, |i| i as u8)
}

impl WordFacts {
    /// Gathers the facts of every word of `doc`, given the quoted spans and the rules' quotes (of
    /// which those with a speaker count, whatever the `unattributed` option).
    pub fn new(doc: &Doc<'_>, quoted: &[Quoted], rules: &[Quote]) -> WordFacts {
        let n = doc.words.len();
        let word: Vec<u64> = doc
            .words
            .iter()
            .map(|w| template!("").part_lower(w.text).finish())
            .collect();
        let suffix = doc
            .words
            .iter()
            .map(|w| template!("").part_lower(suffix(w.text)).finish())
            .collect();
        let mut quote_state = vec![QuoteState::Outside; n];
        for q in quoted {
            let first = doc.word_at_or_after(q.start);
            for (state, word) in quote_state[first..].iter_mut().zip(&doc.words[first..]) {
                if word.start >= q.end {
                    break;
                }
                *state = QuoteState::Inside;
            }
        }
        for (state, word) in quote_state.iter_mut().zip(&doc.words) {
            if is_mark(word.text) {
                *state = QuoteState::Mark;
            }
        }
        // Later spans of a quote (cue, speaker) override its content; each word remembers which
        // quote it belongs to so that two quotes side by side start two spans.
        let mut owner: Vec<(RuleRole, usize)> = vec![(RuleRole::None, usize::MAX); n];
        let mut mark = |start: usize, end: usize, role: RuleRole, quote: usize| {
            let first = doc.word_at_or_after(start);
            for (slot, word) in owner[first..].iter_mut().zip(&doc.words[first..]) {
                if word.start >= end {
                    break;
                }
                *slot = (role, quote);
            }
        };
        for (k, q) in rules
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker.is_some())
        {
            mark(q.start, q.end, RuleRole::Content(q.kind), k);
            if let Some((s, e)) = q.cue {
                mark(s, e, RuleRole::Cue, k);
            }
            if let Some(s) = &q.speaker {
                mark(s.start, s.end, RuleRole::Speaker, k);
            }
        }
        let rule: Vec<(RuleRole, bool)> = (0..n)
            .map(|i| {
                let continues = i > 0 && owner[i - 1] == owner[i];
                (owner[i].0, !continues)
            })
            .collect();
        let mut entity = vec![NO_ENTITY; n];
        for m in &doc.mentions {
            let first = doc.word_at_or_after(m.start);
            let label = entity_index(&m.label);
            for (slot, word) in entity[first..].iter_mut().zip(&doc.words[first..]) {
                if word.start >= m.end {
                    break;
                }
                *slot = label;
            }
        }
        let cues = nearest_in_sentence(doc, |i| crate::lexicon::is_cue(doc.words[i].text));
        let names = nearest_in_sentence(doc, |i| {
            matches!(ENTITIES[usize::from(entity[i])], "PERSON" | "ORG")
        });
        let mut rule_sentence = vec![false; n];
        for &(first, end) in &doc.sentences {
            let end = end.min(n);
            let any_rule = (first..end).any(|i| rule[i].0 != RuleRole::None);
            for slot in &mut rule_sentence[first..end] {
                *slot = any_rule;
            }
        }
        WordFacts {
            word,
            suffix,
            quote_state,
            rule,
            entity,
            cues,
            names,
            rule_sentence,
        }
    }

    /// How far the nearest reporting verbs before and after word `i` in its sentence are, in
    /// the buckets the features use ("-" when there is none).
    pub fn cue_distances(&self, i: usize) -> (&'static str, &'static str) {
        self.cues[i].distances(i)
    }

    /// How far the nearest person or organisation mentions before and after word `i` in its
    /// sentence are, in the buckets the features use ("-" when there is none).
    pub fn name_distances(&self, i: usize) -> (&'static str, &'static str) {
        self.names[i].distances(i)
    }

    /// The rules' tag of word `i`: its role's index in `RULE_ROLES` times two, plus one when it
    /// begins a span.
    fn rule_tag(&self, i: usize) -> u8 {
        let (role, begins) = self.rule[i];
        2 * role.index() + u8::from(begins)
    }
}

/// The word's shape, as an index in `SHAPES` (XX, X, d, x, p).
fn shape(word: &str) -> u8 {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if word.chars().all(|c| !c.is_lowercase()) {
                0
            } else {
                1
            }
        }
        Some(c) if c.is_numeric() => 2,
        Some(c) if c.is_alphabetic() => 3,
        _ => 4,
    }
}

/// The last three characters of a word.
fn suffix(word: &str) -> &str {
    let cut = word
        .char_indices()
        .rev()
        .nth(2)
        .map_or(0, |(position, _)| position);
    &word[cut..]
}

/// Whether a distance bucket is near (up to 8 words: "1", "2", "3", "5") or far, as a feature
/// part.
fn near(bucket: u8) -> &'static str {
    if (2..=5).contains(&bucket) { "n" } else { "f" }
}

/// The feature hashes of words `first..end` (one paragraph), word by word.
pub fn sequence(doc: &Doc<'_>, facts: &WordFacts, first: usize, end: usize) -> Vec<Vec<u64>> {
    (first..end)
        .map(|i| {
            let mut f = Vec::with_capacity(40);
            token(doc, facts, first, end, i, &mut f);
            f
        })
        .collect()
}

/// Writes the feature hashes of word `i` of the paragraph `first..end` into `f` (cleared first).
pub fn token(
    doc: &Doc<'_>,
    facts: &WordFacts,
    first: usize,
    end: usize,
    i: usize,
    f: &mut Vec<u64>,
) {
    f.clear();
    emit(doc, facts, first, end, i, &mut Hashes(f));
}

/// Where the features of a word go: the hashes of open-ended ones (words, word pairs), and the
/// small-valued ones as [`Dense`] (the tagger sums those from a table, without hashing them).
pub trait FeatureSink {
    /// An open-ended feature, by hash.
    fn sparse(&mut self, hash: u64);
    /// A small-valued feature.
    fn dense(&mut self, feature: Dense);
}

/// Collects every feature as a hash.
struct Hashes<'v>(&'v mut Vec<u64>);

impl FeatureSink for Hashes<'_> {
    fn sparse(&mut self, hash: u64) {
        self.0.push(hash);
    }
    fn dense(&mut self, feature: Dense) {
        self.0.push(feature.hash());
    }
}

/// Gives the features of word `i` of the paragraph `first..end` to `out`, always in the same
/// order (the training dump's).
pub fn emit(
    doc: &Doc<'_>,
    facts: &WordFacts,
    first: usize,
    end: usize,
    i: usize,
    out: &mut impl FeatureSink,
) {
    let rule = facts.rule_tag(i);
    let q = facts.quote_state[i] as u8;
    out.dense(Dense::Bias);
    out.sparse(template!("w").num(facts.word[i]).finish());
    out.sparse(template!("s3").num(facts.suffix[i]).finish());
    out.dense(Dense::Shape(shape(doc.words[i].text)));
    out.dense(Dense::Quote(q));
    out.dense(Dense::Rule(rule));
    out.dense(Dense::Entity(facts.entity[i]));
    out.dense(Dense::RuleQuote(rule, q));
    for (k, d) in PAD_OFFSETS.iter().enumerate() {
        let j = i as isize + d;
        if j < first as isize || j >= end as isize {
            out.dense(Dense::Pad(k as u8));
            continue;
        }
        let j = j as usize;
        out.sparse(template!("w~").num(*d as u64).num(facts.word[j]).finish());
        if let Some(near) = NEAR_OFFSETS.iter().position(|n| n == d) {
            let near = near as u8;
            out.dense(Dense::NearRule(near, facts.rule_tag(j)));
            out.dense(Dense::NearQuote(near, facts.quote_state[j] as u8));
            out.dense(Dense::NearEntity(near, facts.entity[j]));
        }
    }
    if i > first {
        out.sparse(
            template!("bg")
                .num(facts.word[i - 1])
                .num(facts.word[i])
                .finish(),
        );
    }
    if i + 1 < end {
        out.sparse(
            template!("bg+")
                .num(facts.word[i])
                .num(facts.word[i + 1])
                .finish(),
        );
    }
    if i == first || doc.sentence_of[i - 1] != doc.sentence_of[i] {
        out.dense(Dense::SentenceStart);
    }
    if i + 1 == end || doc.sentence_of[i + 1] != doc.sentence_of[i] {
        out.dense(Dense::SentenceEnd);
    }
    // Where the sentence's reporting verbs are: content mostly follows its cue ("said that ...")
    // or comes before it ("..., he said"), beyond the few words around it.
    let cue = facts.cues[i];
    let (before, after) = cue.buckets(i);
    out.dense(Dense::CueBefore(before));
    out.dense(Dense::CueAfter(after));
    out.dense(Dense::CueBeforeAfter(before, after));
    out.dense(Dense::CueBeforeQuote(before, q));
    out.dense(Dense::CueBeforeRule(before, rule));
    if let Some(c) = cue.after {
        out.sparse(
            template!("caw")
                .num(facts.word[c])
                .part(near(after))
                .finish(),
        );
    }
    let (name_before, name_after) = facts.names[i].buckets(i);
    out.dense(Dense::NameBefore(name_before));
    out.dense(Dense::NameAfter(name_after));
    out.dense(Dense::NameAfterCueAfter(name_after, after));
    out.dense(Dense::RuleSentence(u8::from(facts.rule_sentence[i]), rule));
    if let Some(c) = cue.before {
        out.sparse(
            template!("cbw")
                .num(facts.word[c])
                .part(near(before))
                .finish(),
        );
    }
}

/// The word ranges of each paragraph (paragraphs without words are left out).
pub fn paragraphs(doc: &Doc<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    for p in &doc.paragraphs {
        let first = doc.word_at_or_after(p.start as usize);
        let end = doc.word_at_or_after(p.end as usize);
        if end > first {
            out.push((first, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::dense::SHAPES;

    #[test]
    fn suffixes_count_characters_not_bytes() {
        assert_eq!(suffix("announced"), "ced");
        assert_eq!(suffix("zoë"), "zoë");
        assert_eq!(suffix("naïveté"), "eté");
        assert_eq!(suffix("a"), "a");
    }

    #[test]
    fn shapes() {
        assert_eq!(SHAPES[usize::from(shape("Wang"))], "X");
        assert_eq!(SHAPES[usize::from(shape("NATO"))], "XX");
        assert_eq!(SHAPES[usize::from(shape("said"))], "x");
        assert_eq!(SHAPES[usize::from(shape("2024"))], "d");
        assert_eq!(SHAPES[usize::from(shape(","))], "p");
    }
}
