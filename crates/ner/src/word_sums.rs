//! Each word's word-local feature weights, summed once per word and thread.
//!
//! Most of a token's features depend on one word alone: the token's own word, prefixes, suffixes,
//! shape and cluster, and the words and shapes beside it ([`FeatureExtractor::word_features`]).
//! Their packed weights are whole numbers, so their sum for a word in each [`Place`] can be made
//! once and added wherever the word occurs, giving exactly the scores of summing them feature by
//! feature. News repeats its words: over the BBC corpus a thread meets a word it has summed before
//! for nearly every token.
//!
//! The sums live in a per-thread table, so the threads of a run share no lock. The table belongs to
//! one tagger at a time (a thread that tags with another tagger starts it afresh) and is emptied
//! between documents when it holds [`CAPACITY`] words, which bounds its memory.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::features::{FeatureExtractor, Place, WordView};
use crate::hash::WordMap;
use crate::packed::PackedWeights;

/// A word's summed weights in each [`Place`] (indexed by [`Place::index`]).
pub(crate) type PlaceSums<const W: usize> = [[i32; W]; Place::ALL.len()];

/// The most words a thread's table holds between documents: 4,096 words of 360 bytes (two stages
/// of nine labels) is 1.5 MB a thread. Measured on the BBC corpus: 16,384 took 33 MB more peak
/// memory and was no faster.
pub const CAPACITY: usize = 1 << 12;

/// Identifies a tagger to the per-thread tables.
pub(crate) fn next_owner() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The sums of one thread.
struct Table<const W: usize> {
    /// The tagger the sums are of (0: none yet).
    owner: u64,
    /// Word as written → its position in `sums`.
    index: WordMap<Box<str>, u32>,
    sums: Vec<PlaceSums<W>>,
}

impl<const W: usize> Default for Table<W> {
    fn default() -> Self {
        Table {
            owner: 0,
            index: WordMap::default(),
            sums: Vec::new(),
        }
    }
}

thread_local! {
    static TABLE: RefCell<Table<{ crate::PACKED_SLOTS }>> = RefCell::new(Table::default());
}

/// A thread's word sums for one document of one tagger.
pub(crate) struct WordSums<'t, const W: usize> {
    table: &'t mut Table<W>,
    extractor: &'t FeatureExtractor,
    weights: &'t PackedWeights<W>,
    /// Scratch for one word's feature hashes.
    hashes: Vec<u64>,
}

impl<const W: usize> WordSums<'_, W> {
    /// The position of `word`'s sums, summing them first if the table lacks them.
    pub(crate) fn position(&mut self, word: WordView<'_>) -> u32 {
        if let Some(&at) = self.table.index.get(word.word) {
            return at;
        }
        let sums = place_sums(self.extractor, self.weights, Some(word), &mut self.hashes);
        let at = self.table.sums.len() as u32;
        self.table.sums.push(sums);
        self.table.index.insert(word.word.into(), at);
        at
    }

    /// The sums at `position` (from [`Self::position`] during this document).
    pub(crate) fn get(&self, position: u32) -> &PlaceSums<W> {
        &self.table.sums[position as usize]
    }
}

/// The summed weights of the features `word` gives in each place (`None`: the padding beyond
/// either end of a sentence).
pub(crate) fn place_sums<const W: usize>(
    extractor: &FeatureExtractor,
    weights: &PackedWeights<W>,
    word: Option<WordView<'_>>,
    hashes: &mut Vec<u64>,
) -> PlaceSums<W> {
    let mut sums = [[0; W]; Place::ALL.len()];
    for place in Place::ALL {
        hashes.clear();
        extractor.word_features(word, place, &mut |h| hashes.push(h.finish()));
        weights.add(hashes, &mut sums[place.index()]);
    }
    sums
}

/// Runs `f` with this thread's word sums for tagger `owner`, emptied first if they are another
/// tagger's or hold [`CAPACITY`] words.
pub(crate) fn with_word_sums<R>(
    owner: u64,
    extractor: &FeatureExtractor,
    weights: &PackedWeights<{ crate::PACKED_SLOTS }>,
    f: impl FnOnce(&mut WordSums<'_, { crate::PACKED_SLOTS }>) -> R,
) -> R {
    TABLE.with_borrow_mut(|table| {
        if table.owner != owner || table.sums.len() >= CAPACITY {
            table.owner = owner;
            table.index.clear();
            table.sums.clear();
        }
        f(&mut WordSums {
            table,
            extractor,
            weights,
            hashes: Vec::with_capacity(32),
        })
    })
}
