//! Features of each token of a document, as 64-bit hashes.
//!
//! Local features: the word and its lower-case form, shape, prefixes and suffixes, the words and
//! shapes around it, capitalisation in context, position in the sentence, gazetteer matches, word
//! clusters. Document-level features: how the same word is written elsewhere in the article (a word
//! seen capitalised mid-sentence elsewhere is likely a name even at the start of a sentence or in an
//! all-capitals headline; one seen in lower case elsewhere likely is not).

use crate::hash::{FeatureHash, WordMap};
use crate::lexicon::{Lexicon, kind};
use crate::template;

/// The features of one sentence: every token's feature hashes, stored end to end (one allocation
/// per sentence instead of one per token).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceFeatures {
    hashes: Vec<u64>,
    ends: Vec<u32>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The features of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.hashes[start..self.ends[i] as usize]
    }

    /// Every token's features, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &[u64]> {
        (0..self.len()).map(|i| self.token(i))
    }

    /// Every feature hash of the sentence.
    pub fn all(&self) -> &[u64] {
        &self.hashes
    }

    /// Ends the current token (its features are those pushed since the previous end).
    fn end_token(&mut self) {
        self.ends.push(self.hashes.len() as u32);
    }

    /// Appends `other`'s features of each token to the same token's here.
    fn append_per_token(&mut self, other: &SentenceFeatures) {
        let mut merged = SentenceFeatures {
            hashes: Vec::with_capacity(self.hashes.len() + other.hashes.len()),
            ends: Vec::with_capacity(self.len()),
        };
        for t in 0..self.len() {
            merged.hashes.extend_from_slice(self.token(t));
            merged.hashes.extend_from_slice(other.token(t));
            merged.end_token();
        }
        *self = merged;
    }
}

/// The features of a document, per sentence.
pub type DocFeatures = Vec<SentenceFeatures>;

/// The first stage's predictions over a document, per sentence and token (label ids: 0 is O, see
/// [`crate::model::label`]), which the second stage's features aggregate.
pub type Hints = [Vec<usize>];

/// Version of the feature templates. A model records the version it was trained with; a model of
/// another version is refused, since its weights would not mean the same thing.
pub const FEATURE_VERSION: u32 = 1;

/// Word clusters (e.g. Brown clusters): a bit-string path per word, used at several prefix lengths.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    paths: WordMap<String, String>,
}

impl Clusters {
    /// Reads `path<TAB>word` lines (the format of Percy Liang's brown-cluster tool, without counts
    /// or with them in a third column).
    pub fn parse(text: &str) -> Clusters {
        let mut paths = WordMap::default();
        for line in text.lines() {
            let mut columns = line.split('\t');
            if let (Some(path), Some(word)) = (columns.next(), columns.next()) {
                paths.insert(word.to_string(), path.to_string());
            }
        }
        Clusters { paths }
    }

    /// The cluster path of a word (tried as written, then in lower case).
    pub fn path(&self, word: &str, lower: &str) -> Option<&str> {
        self.paths
            .get(word)
            .or_else(|| self.paths.get(lower))
            .map(String::as_str)
    }

    /// Whether there are no clusters.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// Computes features for the tagger.
#[derive(Clone, Debug, Default)]
pub struct FeatureExtractor {
    /// The gazetteer.
    pub lexicon: Lexicon,
    /// Word clusters.
    pub clusters: Clusters,
}

/// Strings stored end to end in one buffer: one allocation for a sentence's words, not one each.
#[derive(Clone, Debug, Default)]
pub struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    /// Appends a string written by `write`.
    fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.text);
        self.ends.push(self.text.len() as u32);
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| &self[i])
    }
}

impl std::ops::Index<usize> for Strings {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

/// The compressed shape of a word: "Xx" for "Beijing", "X.X." for "U.S.", "d" for "2019".
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    shape_into(word, &mut out);
    out
}

fn shape_into(word: &str, out: &mut String) {
    let mut last = '\0';
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if class != last {
            out.push(class);
            last = class;
        }
    }
}

/// Every token in lower case, per sentence: computed once per document and shared by both stages.
pub fn lowercase(sentences: &[Vec<&str>]) -> Vec<Strings> {
    sentences
        .iter()
        .map(|s| {
            let mut lowers = Strings {
                text: String::with_capacity(s.iter().map(|t| t.len()).sum()),
                ends: Vec::with_capacity(s.len()),
            };
            for token in s {
                lowers.push_with(|out| {
                    if token.is_ascii() {
                        out.extend(token.bytes().map(|b| b.to_ascii_lowercase() as char));
                    } else {
                        out.extend(token.chars().flat_map(char::to_lowercase));
                    }
                });
            }
            lowers
        })
        .collect()
}

/// What the document says about each word, across all its occurrences.
#[derive(Clone, Copy, Debug, Default)]
struct DocStats {
    /// Times written with an initial capital, not at the start of a sentence, not in a headline.
    capitalised_inside: u32,
    /// Times written all in lower case.
    lower: u32,
}

fn is_initial_cap(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// A headline or all-capitals sentence: most of its words have no lower-case letters.
fn is_caps_sentence(tokens: &[&str]) -> bool {
    let letters: Vec<&&str> = tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .collect();
    !letters.is_empty()
        && letters.iter().filter(|t| is_all_caps(t)).count() * 10 >= letters.len() * 8
}

impl FeatureExtractor {
    /// The second stage's features of every token, given the first stage's labels (`hints`): the
    /// token's own first-stage label, the type most often predicted for the same word elsewhere in
    /// the document, and the type of the longest first-stage name containing the word. They are
    /// added to the local features of [`FeatureExtractor::document`].
    pub fn add_hint_features(
        &self,
        sentences: &[Vec<&str>],
        hints: &Hints,
        features: &mut [SentenceFeatures],
    ) {
        let extra = self.hint_features(&lowercase(sentences), hints);
        for (sentence, more) in features.iter_mut().zip(&extra) {
            sentence.append_per_token(more);
        }
    }

    /// The second stage's own features only (see [`FeatureExtractor::add_hint_features`]), per
    /// sentence and token, from the document's lower-cased words ([`lowercase`]).
    pub fn hint_features(&self, lowers: &[Strings], hints: &Hints) -> DocFeatures {
        let aggregate = Aggregate::new(lowers, hints);
        lowers
            .iter()
            .zip(hints)
            .map(|(words, labels)| {
                let mut features = SentenceFeatures::default();
                for (word, &own) in words.iter().zip(labels) {
                    aggregate.features(word, own, &mut features.hashes);
                    features.end_token();
                }
                features
            })
            .collect()
    }

    /// The local features of every token of a document, per sentence.
    pub fn document(&self, sentences: &[Vec<&str>]) -> DocFeatures {
        self.document_lowered(sentences, &lowercase(sentences))
    }

    /// Like [`FeatureExtractor::document`], for a caller that already has the lower-cased words.
    /// A token's features are, in this order, those of each [`Place`] ([`Self::word_features`])
    /// and then its [`Self::context_features`].
    pub fn document_lowered(&self, sentences: &[Vec<&str>], lowers: &[Strings]) -> DocFeatures {
        let mut out = Vec::with_capacity(sentences.len());
        self.for_each_sentence(sentences, lowers, |sentence| {
            let mut hashes = Vec::with_capacity(sentence.len() * 48);
            let mut ends = Vec::with_capacity(sentence.len());
            for ti in 0..sentence.len() {
                let mut add = |h: FeatureHash| hashes.push(h.finish());
                for place in Place::ALL {
                    self.word_features(sentence.word_at(ti, place), place, &mut add);
                }
                self.context_features(sentence, ti, &mut add);
                ends.push(hashes.len() as u32);
            }
            out.push(SentenceFeatures { hashes, ends });
        });
        out
    }

    /// Calls `each` with every sentence of a document in order, with what its features read
    /// (`lowers`: the document's lower-cased words, [`lowercase`]).
    pub fn for_each_sentence(
        &self,
        sentences: &[Vec<&str>],
        lowers: &[Strings],
        mut each: impl FnMut(&SentenceContext<'_>),
    ) {
        let caps_sentence: Vec<bool> = sentences.iter().map(|s| is_caps_sentence(s)).collect();
        let mut stats: WordMap<&str, DocStats> = WordMap::default();
        for (si, sentence) in sentences.iter().enumerate() {
            for (ti, token) in sentence.iter().enumerate() {
                let entry = stats.entry(&lowers[si][ti]).or_default();
                if ti > 0 && !caps_sentence[si] && is_initial_cap(token) {
                    entry.capitalised_inside += 1;
                }
                if token.chars().any(char::is_alphabetic) && !token.chars().any(char::is_uppercase)
                {
                    entry.lower += 1;
                }
            }
        }
        for (si, sentence) in sentences.iter().enumerate() {
            let lowers = &lowers[si];
            let mut shapes = Strings::default();
            for token in sentence {
                shapes.push_with(|out| shape_into(token, out));
            }
            let clusters: Vec<Option<&str>> = if self.clusters.is_empty() {
                Vec::new()
            } else {
                sentence
                    .iter()
                    .enumerate()
                    .map(|(ti, token)| self.clusters.path(token, &lowers[ti]))
                    .collect()
            };
            let stats = (0..sentence.len())
                .map(|ti| stats.get(&lowers[ti]).copied().unwrap_or_default())
                .collect();
            each(&SentenceContext {
                tokens: sentence,
                lowers,
                shapes,
                gazetteer: self.gazetteer_tags(sentence),
                clusters,
                caps_sentence: caps_sentence[si],
                stats,
            });
        }
    }

    /// Per token: the gazetteer kinds of the match covering it and whether it begins it.
    fn gazetteer_tags(&self, tokens: &[&str]) -> Vec<Option<(u16, bool)>> {
        let mut tags = vec![None; tokens.len()];
        for m in self.lexicon.matches(tokens) {
            for (i, tag) in tags.iter_mut().enumerate().take(m.end).skip(m.start) {
                *tag = Some((m.kinds, i == m.start));
            }
        }
        tags
    }

    /// The features of a token that depend on one word alone, the word at `place` around it
    /// (`None`: the sentence has no word there). Given the same word, they are the same whatever
    /// the sentence, which lets a tagger sum their weights once per word.
    pub fn word_features(
        &self,
        word: Option<WordView<'_>>,
        place: Place,
        add: &mut impl FnMut(FeatureHash),
    ) {
        let lower = word.map_or("<s>", |w| w.lower);
        let shape = word.map_or("<s>", |w| w.shape);
        match place {
            Place::Own => {
                let Some(w) = word else { return };
                add(template!("bias"));
                add(template!("w").part(lower));
                add(template!("W").part(w.word));
                add(template!("s").part(shape));
                template!("p").part_prefixes(lower, 4, &mut *add);
                for (start, _) in lower.char_indices().rev().take(4) {
                    add(template!("x").part(&lower[start..]));
                }
                let len_bucket = match lower.chars().count() {
                    0..=1 => "1",
                    2 => "2",
                    3 => "3",
                    4..=5 => "4-5",
                    6..=8 => "6-8",
                    _ => "9+",
                };
                add(template!("len").part(len_bucket).part(shape));
            }
            Place::Before2 => add(template!("w-2").part(lower)),
            Place::Before1 => {
                add(template!("w-1").part(lower));
                add(template!("s-1").part(shape));
            }
            Place::After1 => {
                add(template!("w+1").part(lower));
                add(template!("s+1").part(shape));
            }
            Place::After2 => add(template!("w+2").part(lower)),
        }
        // Word clusters, at several depths, of the word and its neighbours.
        let offset = place.offset();
        if let Some(path) = word.and_then(|w| w.cluster)
            && offset.abs() <= 1
        {
            for depth in [4usize, 6, 10, 20] {
                let prefix = &path[..depth.min(path.len())];
                add(template!("cl")
                    .num(offset as u64)
                    .num(depth as u64)
                    .part(prefix));
            }
        }
    }

    /// The features of token `i` that read more than one word, or the sentence, or the document.
    pub fn context_features(
        &self,
        c: &SentenceContext<'_>,
        i: usize,
        add: &mut impl FnMut(FeatureHash),
    ) {
        let lower = &c.lowers[i];
        let shape = &c.shapes[i];
        let at = |offset: isize| -> Option<usize> {
            let j = i as isize + offset;
            (j >= 0 && (j as usize) < c.tokens.len()).then_some(j as usize)
        };
        let lower_at = |offset| at(offset).map_or("<s>", |j| &c.lowers[j]);
        let shape_at = |offset| at(offset).map_or("<s>", |j| &c.shapes[j]);

        add(template!("w-1|w").part(lower_at(-1)).part(lower));
        add(template!("w|w+1").part(lower).part(lower_at(1)));
        add(template!("s-1|s|s+1")
            .part(shape_at(-1))
            .part(shape)
            .part(shape_at(1)));
        add(template!("s|w+1").part(shape).part(lower_at(1)));
        add(template!("w-1|s").part(lower_at(-1)).part(shape));

        if i == 0 {
            add(template!("first").part(shape));
        }
        if c.caps_sentence {
            add(template!("capsent"));
            add(template!("capsent|w").part(lower));
        }

        // Gazetteer.
        for offset in [-1isize, 0, 1] {
            let tag = at(offset).and_then(|j| c.gazetteer[j]);
            if let Some((kinds, begins)) = tag {
                // Capitals are also cities; their own flag serves labelling, not tagging.
                for (bit, name) in kind::NAMES.iter().filter(|(bit, _)| *bit != kind::CAPITAL) {
                    if kinds & bit != 0 {
                        let position = if begins { "B" } else { "I" };
                        add(template!("gaz")
                            .num(offset as u64)
                            .part(name)
                            .part(position));
                    }
                }
            }
        }

        // The document's view of this word.
        let stats = c.stats[i];
        let doc = match (stats.capitalised_inside > 0, stats.lower > 0) {
            (true, true) => "both",
            (true, false) => "cap",
            (false, true) => "lower",
            (false, false) => "none",
        };
        add(template!("doc").part(doc).part(shape));
        if i == 0 || c.caps_sentence {
            add(template!("doc-first").part(doc));
        }
    }
}

/// The first stage's predictions summed over a document, per lower-cased word.
struct Aggregate<'a> {
    /// Per word: where its counts start in `counts`.
    rows: WordMap<&'a str, usize>,
    /// Each word's count of each label type predicted for it (slot 0 = O, t + 1 = type t),
    /// `slots` per word, end to end: one allocation per document, not one per word.
    counts: Vec<u32>,
    /// Slots per word: one more than the largest type predicted in the document.
    slots: usize,
    /// Per word: (length, type) of the longest first-stage name it is part of.
    longest: WordMap<&'a str, (usize, usize)>,
}

/// A label's slot in [`Aggregate`]'s counts: 0 for O, type + 1 for a name's label.
fn slot_of(y: usize) -> usize {
    use crate::model::label;
    if y == label::O {
        0
    } else {
        label::type_of(y) + 1
    }
}

impl<'a> Aggregate<'a> {
    fn new(lowers: &'a [Strings], hints: &Hints) -> Self {
        let slots = 1 + hints
            .iter()
            .flatten()
            .map(|&y| slot_of(y))
            .max()
            .unwrap_or(0);
        let mut rows: WordMap<&str, usize> = WordMap::default();
        let mut counts = Vec::new();
        let mut longest: WordMap<&str, (usize, usize)> = WordMap::default();
        for (words, labels) in lowers.iter().zip(hints) {
            for (word, &y) in words.iter().zip(labels) {
                let row = *rows.entry(word).or_insert_with(|| {
                    counts.resize(counts.len() + slots, 0);
                    counts.len() - slots
                });
                counts[row + slot_of(y)] += 1;
            }
            for (start, end, t) in crate::train::spans_of_labels(labels) {
                for k in start..end {
                    let best = longest.entry(&words[k]).or_insert((0, t));
                    if end - start > best.0 {
                        *best = (end - start, t);
                    }
                }
            }
        }
        Aggregate {
            rows,
            counts,
            slots,
            longest,
        }
    }

    fn features(&self, word: &str, own: usize, f: &mut Vec<u64>) {
        f.push(template!("s1").num(own as u64).finish());
        if let Some(&row) = self.rows.get(word) {
            let counts = &self.counts[row..row + self.slots];
            let own_slot = slot_of(own);
            // The word's other occurrences (the token itself is one of its counts).
            let others = |slot: usize| counts[slot] - u32::from(slot == own_slot);
            let total: u32 = (0..counts.len()).map(others).sum();
            if total > 0 {
                let best = (1..counts.len())
                    .filter(|&s| others(s) > 0)
                    .max_by_key(|&s| others(s));
                // Slot 0 stands for O, slot t + 1 for type t.
                let slot = best.unwrap_or(0) as u64;
                f.push(template!("agg").num(slot).finish());
                f.push(
                    template!("agg-n")
                        .num(slot)
                        .num(u64::from(total.min(3)))
                        .finish(),
                );
            }
        }
        if let Some(&(len, t)) = self.longest.get(word) {
            const SMALL: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
            let t_owned;
            let t = match SMALL.get(t) {
                Some(digit) => *digit,
                None => {
                    t_owned = t.to_string();
                    &t_owned
                }
            };
            f.push(
                template!("agg-ent")
                    .part(t)
                    .part(SMALL[len.min(3)])
                    .finish(),
            );
        }
    }
}

/// Where a word stands relative to the token whose [`FeatureExtractor::word_features`] it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The token itself.
    Own,
    /// Two words before it.
    Before2,
    /// The word before it.
    Before1,
    /// The word after it.
    After1,
    /// Two words after it.
    After2,
}

impl Place {
    /// Every place, in the order a token's features list them.
    pub const ALL: [Place; 5] = [
        Place::Own,
        Place::Before2,
        Place::Before1,
        Place::After1,
        Place::After2,
    ];

    /// The word's position relative to the token.
    pub fn offset(self) -> isize {
        match self {
            Place::Own => 0,
            Place::Before2 => -2,
            Place::Before1 => -1,
            Place::After1 => 1,
            Place::After2 => 2,
        }
    }

    /// The place's position in [`Place::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One word as its word-local features read it: the word as written, in lower case, its shape and
/// its cluster path. All four follow from the word as written.
#[derive(Clone, Copy, Debug)]
pub struct WordView<'a> {
    /// The word as written.
    pub word: &'a str,
    /// In lower case.
    pub lower: &'a str,
    /// Its shape ([`shape`]).
    pub shape: &'a str,
    /// Its cluster path, if the clusters have it.
    pub cluster: Option<&'a str>,
}

/// A sentence with what its tokens' features read: each word's lower case, shape, gazetteer match
/// and cluster path, whether the sentence is a headline in capitals, and how each word is written
/// across the document.
pub struct SentenceContext<'a> {
    tokens: &'a [&'a str],
    lowers: &'a Strings,
    shapes: Strings,
    gazetteer: Vec<Option<(u16, bool)>>,
    /// Each token's cluster path (empty without clusters).
    clusters: Vec<Option<&'a str>>,
    caps_sentence: bool,
    /// Each token's word across the document.
    stats: Vec<DocStats>,
}

impl<'a> SentenceContext<'a> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `i` as its word-local features read it.
    pub fn word(&self, i: usize) -> WordView<'_> {
        WordView {
            word: self.tokens[i],
            lower: &self.lowers[i],
            shape: &self.shapes[i],
            cluster: self.clusters.get(i).copied().flatten(),
        }
    }

    /// The word at `place` around token `i`, if the sentence has one there.
    pub fn word_at(&self, i: usize, place: Place) -> Option<WordView<'_>> {
        let j = i.checked_add_signed(place.offset())?;
        (j < self.len()).then(|| self.word(j))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_compress_runs() {
        assert_eq!(shape("Beijing"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2019"), "d");
        assert_eq!(shape("COVID-19"), "X-d");
        assert_eq!(shape("McDonald"), "XxXx");
    }

    #[test]
    fn a_word_capitalised_elsewhere_gets_the_document_feature_in_a_headline() {
        let mut extractor = FeatureExtractor::default();
        extractor.lexicon.parse("Beijing\tcity\n").unwrap();
        let sentences = vec![
            vec!["ZHAO", "VISITS", "PYONGYANG"],
            vec![
                "Chinese",
                "leader",
                "Zhao",
                "arrived",
                "in",
                "Pyongyang",
                "from",
                "Beijing",
                ".",
            ],
        ];
        let features = extractor.document(&sentences);
        let doc_cap = template!("doc-first").part("cap").finish();
        assert!(
            features[0].token(0).contains(&doc_cap),
            "ZHAO in the headline"
        );
        assert!(
            features[0].token(2).contains(&doc_cap),
            "PYONGYANG in the headline"
        );
        let gaz = template!("gaz").num(0).part("city").part("B").finish();
        assert!(
            features[1].token(7).contains(&gaz),
            "Beijing is in the gazetteer"
        );
        assert!(
            !features[1].token(5).contains(&gaz),
            "Pyongyang is not in this one"
        );
        let word = template!("w").part("arrived").finish();
        assert!(features[1].token(3).contains(&word));
    }
}
