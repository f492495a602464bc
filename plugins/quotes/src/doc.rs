//! The view of a document the rules work on: words with byte offsets, sentence of each word, the
//! entities layer's mentions, and lookups between them.

use byline_plugin_api::Document;
use byline_plugin_api::abi::{Span, TOKEN_PUNCT, TOKEN_QUOTE};
use serde::Deserialize;
use std::borrow::Cow;

/// A word of the text.
#[derive(Clone, Copy, Debug)]
pub struct Word<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text.
    pub text: &'a str,
    /// Whether it is punctuation or a quotation mark.
    pub punct: bool,
}

/// A mention from the entities layer.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The entity label (PERSON, ORG, GPE, NORP, ...).
    pub label: String,
    /// The fullest name of its cluster.
    pub canonical: String,
}

/// Words, sentences, paragraphs and mentions of one document.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// The words in order.
    pub words: Vec<Word<'a>>,
    /// For each word, its sentence.
    pub sentence_of: Vec<usize>,
    /// Each sentence's first word and one past its last.
    pub sentences: Vec<(usize, usize)>,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Mentions of the entities layer, in order (empty when it was not run).
    pub mentions: Vec<Mention>,
    /// Indices of `mentions` sorted by end offset, for lookups by end.
    by_end: Vec<usize>,
}

/// One entry of an entities layer, as far as the quotes plugin reads it: its span, label and
/// the name of its cluster (`text` stands in for a missing `canonical`). Strings borrow from the
/// layer's JSON where they have no escapes.
#[derive(Debug, Deserialize)]
pub struct MentionEntry<'a> {
    start: u64,
    end: u64,
    #[serde(borrow)]
    label: Cow<'a, str>,
    #[serde(borrow, default)]
    canonical: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// The mentions of an entities layer's entries; `offset` turns the layer's offsets into byte
/// offsets (`None` drops the mention), and a mention without `canonical` or `text` is dropped.
pub fn mentions_of(
    entries: Vec<MentionEntry<'_>>,
    offset: impl Fn(u64) -> Option<usize>,
) -> Vec<Mention> {
    entries
        .into_iter()
        .filter_map(|e| {
            Some(Mention {
                start: offset(e.start)?,
                end: offset(e.end)?,
                label: e.label.into_owned(),
                canonical: e.canonical.or(e.text)?.into_owned(),
            })
        })
        .collect()
}

impl<'a> Doc<'a> {
    /// Builds the view from the host's document; an error says what is wrong with an entities
    /// layer that cannot be read (the document's quotes are not guessed without it).
    pub fn new(doc: &Document<'a>) -> Result<Doc<'a>, String> {
        let text = doc.text();
        let mut words = Vec::with_capacity(doc.tokens().len());
        let mut sentence_of = Vec::with_capacity(doc.tokens().len());
        let mut sentences = Vec::with_capacity(doc.sentences().len());
        for (s, sentence) in doc.sentences().iter().enumerate() {
            let first = words.len();
            for token in doc.sentence_tokens(sentence) {
                let (start, end) = (token.start as usize, token.end as usize);
                words.push(Word {
                    start,
                    end,
                    text: text.get(start..end).unwrap_or(""),
                    punct: token.kind == TOKEN_PUNCT || token.kind == TOKEN_QUOTE,
                });
                sentence_of.push(s);
            }
            sentences.push((first, words.len()));
        }
        // A plugin sees byte offsets.
        let entries = doc.layer_as("entities")?.unwrap_or_default();
        let mentions = mentions_of(entries, |b| usize::try_from(b).ok());
        Ok(Doc::assemble(
            text,
            words,
            sentence_of,
            sentences,
            doc.paragraphs().to_vec(),
            mentions,
        ))
    }

    fn assemble(
        text: &'a str,
        words: Vec<Word<'a>>,
        sentence_of: Vec<usize>,
        sentences: Vec<(usize, usize)>,
        paragraphs: Vec<Span>,
        mut mentions: Vec<Mention>,
    ) -> Doc<'a> {
        mentions.sort_by_key(|m| (m.start, m.end));
        let mut by_end: Vec<usize> = (0..mentions.len()).collect();
        by_end.sort_by_key(|&i| mentions[i].end);
        Doc {
            text,
            words,
            sentence_of,
            sentences,
            paragraphs,
            mentions,
            by_end,
        }
    }

    /// Builds the view from parts (for tests and tools that tokenise themselves).
    pub fn from_parts(
        text: &'a str,
        words: Vec<Word<'a>>,
        sentences: Vec<(usize, usize)>,
        paragraphs: Vec<Span>,
        mentions: Vec<Mention>,
    ) -> Doc<'a> {
        let mut sentence_of = vec![0; words.len()];
        for (s, &(first, end)) in sentences.iter().enumerate() {
            for slot in sentence_of.iter_mut().take(end).skip(first) {
                *slot = s;
            }
        }
        Doc::assemble(text, words, sentence_of, sentences, paragraphs, mentions)
    }

    /// The index of the first word starting at or after byte `at`.
    pub fn word_at_or_after(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start < at)
    }

    /// Whether bytes `start..end` hold a letter or digit: a content of quotation marks alone
    /// ("\"") says nothing.
    pub fn says_something(&self, start: usize, end: usize) -> bool {
        self.text
            .get(start..end)
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    }

    /// The index of the last word ending at or before byte `at`, if any.
    pub fn word_before(&self, at: usize) -> Option<usize> {
        self.words.partition_point(|w| w.end <= at).checked_sub(1)
    }

    /// The mention whose last word is word `i`.
    pub fn mention_ending_at(&self, i: usize) -> Option<&Mention> {
        let end = self.words.get(i)?.end;
        let k = self.by_end.partition_point(|&m| self.mentions[m].end < end);
        self.by_end
            .get(k)
            .map(|&m| &self.mentions[m])
            .filter(|m| m.end == end)
    }

    /// The mention whose first word is word `i`.
    pub fn mention_starting_at(&self, i: usize) -> Option<&Mention> {
        let start = self.words.get(i)?.start;
        let k = self.mentions.partition_point(|m| m.start < start);
        self.mentions.get(k).filter(|m| m.start == start)
    }

    /// The DATE or TIME mention whose first word is word `i` ("on *Tuesday*", "*last week*").
    pub fn date_starting_at(&self, i: usize) -> Option<&Mention> {
        self.mention_starting_at(i)
            .filter(|m| matches!(m.label.as_str(), "DATE" | "TIME"))
    }

    /// The most recent PERSON mention that ends before byte `at`.
    pub fn last_person_before(&self, at: usize) -> Option<&Mention> {
        self.last_before(at, "PERSON")
    }

    /// The mentions that end before byte `at`, the most recent first.
    pub fn mentions_before(&self, at: usize) -> impl Iterator<Item = &Mention> {
        let k = self.by_end.partition_point(|&m| self.mentions[m].end <= at);
        self.by_end[..k].iter().rev().map(|&m| &self.mentions[m])
    }

    /// The most recent mention labelled `label` that ends before byte `at`.
    pub fn last_before(&self, at: usize, label: &str) -> Option<&Mention> {
        self.mentions_before(at).find(|m| m.label == label)
    }

    /// The mention labelled `label` among the first four words of sentence `k` (its subject,
    /// mostly), ending before byte `before`; not a news outlet for an organisation.
    pub fn opening_mention(&self, k: usize, before: usize, label: &str) -> Option<&Mention> {
        let (a, _) = self.sentences[k];
        let from = self.words[a].start;
        let subject_end = self.words.get(a + 4).map_or(usize::MAX, |w| w.start);
        self.mentions.iter().find(|m| {
            m.start >= from
                && m.start < subject_end
                && m.end <= before
                && m.label == label
                && !(label == "ORG" && crate::lexicon::is_media(&m.canonical))
        })
    }

    /// The paragraph index containing byte `at`.
    pub fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|p| (p.end as usize) <= at)
            .min(self.paragraphs.len().saturating_sub(1))
    }
}
