//! The attribution tagger's features: per paragraph, each word's feature hashes.
//!
//! A word is described by itself (lower case, last three letters, shape), by whether it is inside
//! quotation marks, by what the rules said about it (inside a content, a cue or a speaker of a
//! quote they found, and of which kind), by its entity label, and by the same facts about the words
//! around it. The rules' view is the strongest signal: the tagger learns where PolNeAR's annotators
//! went further than the rules (beliefs, stances, rarer cues) and where they stopped earlier.

use crate::attribute::{Quote, QuoteKind};
use crate::doc::Doc;
use crate::marks::Quoted;
use byline_ner::template;

/// Version of the feature templates; a model trained with another version is refused.
pub const FEATURE_VERSION: u32 = 2;

/// Words further apart than this are not looked at together.
const WINDOW: isize = 3;

/// What the rules said about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleRole {
    None,
    Content(QuoteKind),
    Cue,
    Speaker,
}

impl RuleRole {
    fn name(self) -> &'static str {
        match self {
            RuleRole::None => "O",
            RuleRole::Content(QuoteKind::Direct) => "Cd",
            RuleRole::Content(QuoteKind::Indirect) => "Ci",
            RuleRole::Content(QuoteKind::Mixed) => "Cm",
            RuleRole::Cue => "CUE",
            RuleRole::Speaker => "SRC",
        }
    }
}

/// Whether a word is a quotation mark, inside quotation marks, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteState {
    /// A quotation mark.
    Mark,
    /// Inside quotation marks.
    Inside,
    /// Outside quotation marks.
    Outside,
}

impl QuoteState {
    fn name(self) -> &'static str {
        match self {
            QuoteState::Mark => "M",
            QuoteState::Inside => "Q",
            QuoteState::Outside => "N",
        }
    }
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
    /// Entity label of the mention covering the word ("O" when none).
    entity: Vec<&'static str>,
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
    /// The distances from word `i`, as bucket names ("-" when there is none).
    fn distances(self, i: usize) -> (&'static str, &'static str) {
        (
            self.before.map_or("-", |b| distance_bucket(i - b)),
            self.after.map_or("-", |a| distance_bucket(a - i)),
        )
    }
}

/// For each word of `doc`, the nearest other words of its sentence before and after it for which
/// `is` holds.
fn nearest_in_sentence(doc: &Doc<'_>, is: impl Fn(usize) -> bool) -> Vec<Nearest> {
    let n = doc.words.len();
    let mut nearest = vec![Nearest::default(); n];
    for &(first, end) in &doc.sentences {
        let end = end.min(n);
        let mut last = None;
        for (i, slot) in nearest.iter_mut().enumerate().take(end).skip(first) {
            slot.before = last;
            if is(i) {
                last = Some(i);
            }
        }
        let mut next = None;
        for (i, slot) in nearest.iter_mut().enumerate().take(end).skip(first).rev() {
            slot.after = next;
            if is(i) {
                next = Some(i);
            }
        }
    }
    nearest
}

/// A distance in words, in buckets that double.
fn distance_bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3",
        5..=8 => "5",
        9..=16 => "9",
        _ => "17",
    }
}

fn is_mark(text: &str) -> bool {
    matches!(text, "“" | "”" | "\"" | "''" | "„" | "«" | "»")
}

/// Entity labels as static strings (the set the entities plugin writes; anything else is "X").
fn entity_label(label: &str) -> &'static str {
    const LABELS: [&str; 18] = [
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
    ];
    LABELS.iter().find(|l| **l == label).copied().unwrap_or("X")
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
        let mut entity = vec!["O"; n];
        for m in &doc.mentions {
            let first = doc.word_at_or_after(m.start);
            let label = entity_label(&m.label);
            for (slot, word) in entity[first..].iter_mut().zip(&doc.words[first..]) {
                if word.start >= m.end {
                    break;
                }
                *slot = label;
            }
        }
        let cues = nearest_in_sentence(doc, |i| crate::lexicon::is_cue(doc.words[i].text));
        let names = nearest_in_sentence(doc, |i| matches!(entity[i], "PERSON" | "ORG"));
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

    fn rule_tag(&self, i: usize) -> (&'static str, &'static str) {
        let (role, begins) = self.rule[i];
        let prefix = match (role, begins) {
            (RuleRole::None, _) => "",
            (_, true) => "B",
            (_, false) => "I",
        };
        (prefix, role.name())
    }
}

fn shape(word: &str) -> &'static str {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if word.chars().all(|c| !c.is_lowercase()) {
                "XX"
            } else {
                "X"
            }
        }
        Some(c) if c.is_numeric() => "d",
        Some(c) if c.is_alphabetic() => "x",
        _ => "p",
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

/// Whether a distance bucket is near (up to 8 words) or far, as a feature part.
fn near(bucket: &str) -> &'static str {
    if matches!(bucket, "1" | "2" | "3" | "5") {
        "n"
    } else {
        "f"
    }
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
    let (r_prefix, r_role) = facts.rule_tag(i);
    let q = facts.quote_state[i].name();
    f.push(template!("b").finish());
    f.push(template!("w").num(facts.word[i]).finish());
    f.push(template!("s3").num(facts.suffix[i]).finish());
    f.push(template!("sh").part(shape(doc.words[i].text)).finish());
    f.push(template!("q").part(q).finish());
    f.push(template!("r").part(r_prefix).part(r_role).finish());
    f.push(template!("e").part(facts.entity[i]).finish());
    f.push(template!("rq").part(r_prefix).part(r_role).part(q).finish());
    for d in -WINDOW..=WINDOW {
        if d == 0 {
            continue;
        }
        let offset = d as u64;
        let j = i as isize + d;
        if j < first as isize || j >= end as isize {
            f.push(template!("w~").num(offset).part("<pad>").finish());
            continue;
        }
        let j = j as usize;
        f.push(template!("w~").num(offset).num(facts.word[j]).finish());
        if d.abs() <= 2 {
            let (p, role) = facts.rule_tag(j);
            f.push(template!("r~").num(offset).part(p).part(role).finish());
            f.push(
                template!("q~")
                    .num(offset)
                    .part(facts.quote_state[j].name())
                    .finish(),
            );
            f.push(template!("e~").num(offset).part(facts.entity[j]).finish());
        }
    }
    if i > first {
        f.push(
            template!("bg")
                .num(facts.word[i - 1])
                .num(facts.word[i])
                .finish(),
        );
    }
    if i + 1 < end {
        f.push(
            template!("bg+")
                .num(facts.word[i])
                .num(facts.word[i + 1])
                .finish(),
        );
    }
    if i == first || doc.sentence_of[i - 1] != doc.sentence_of[i] {
        f.push(template!("SS").finish());
    }
    if i + 1 == end || doc.sentence_of[i + 1] != doc.sentence_of[i] {
        f.push(template!("SE").finish());
    }
    // Where the sentence's reporting verbs are: content mostly follows its cue ("said that ...")
    // or comes before it ("..., he said"), beyond the few words around it.
    let cue = facts.cues[i];
    let (before, after) = cue.distances(i);
    f.push(template!("cb").part(before).finish());
    f.push(template!("ca").part(after).finish());
    f.push(template!("cb|ca").part(before).part(after).finish());
    f.push(template!("cb|q").part(before).part(q).finish());
    f.push(
        template!("cb|r")
            .part(before)
            .part(r_prefix)
            .part(r_role)
            .finish(),
    );
    if let Some(c) = cue.after {
        f.push(
            template!("caw")
                .num(facts.word[c])
                .part(near(after))
                .finish(),
        );
    }
    let (name_before, name_after) = facts.names[i].distances(i);
    f.push(template!("nb").part(name_before).finish());
    f.push(template!("na").part(name_after).finish());
    f.push(template!("na|ca").part(name_after).part(after).finish());
    f.push(
        template!("rs")
            .num(u64::from(facts.rule_sentence[i]))
            .part(r_prefix)
            .part(r_role)
            .finish(),
    );
    if let Some(c) = cue.before {
        f.push(
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

    #[test]
    fn suffixes_count_characters_not_bytes() {
        assert_eq!(suffix("announced"), "ced");
        assert_eq!(suffix("zoë"), "zoë");
        assert_eq!(suffix("naïveté"), "eté");
        assert_eq!(suffix("a"), "a");
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Wang"), "X");
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("said"), "x");
        assert_eq!(shape("2024"), "d");
        assert_eq!(shape(","), "p");
    }
}
