//! The features of a text for the learned model: VADER's four scores, and hashed words and word
//! pairs, lower-cased, with words in the scope of a negation marked ("not good" gives `NOT_good`).

use crate::hash;
use crate::vader::Vader;

/// Dense features first: VADER's compound, pos, neg, neu.
pub const DENSE: usize = 4;
/// Bits of the hashed feature space.
pub const HASH_BITS: u32 = 18;
/// Total number of weights.
pub const DIM: usize = DENSE + (1 << HASH_BITS);

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "n't", "without", "nor", "cannot", "neither", "nothing", "none",
    "nobody", "hardly", "barely",
];

/// The FNV-1a hash of a word in lower case, fed on from `state`.
fn lower_hash(state: u64, word: &str) -> u64 {
    let mut h = state;
    let mut buf = [0u8; 4];
    for c in word.chars() {
        for lower in c.to_lowercase() {
            h = hash::feed(h, lower.encode_utf8(&mut buf).as_bytes());
        }
    }
    h
}

/// The hash of a word in lower case, marked when it is in a negation's scope.
fn word_hash(word: &str, negated: bool) -> u64 {
    if negated {
        lower_hash(hash::fnv1a(b"NOT_"), word)
    } else {
        lower_hash(hash::OFFSET, word)
    }
}

/// The hash of a pair of words.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z ^ (z >> 31)
}

/// A feature's index in the weights.
fn index(h: u64) -> usize {
    let mut z = h;
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    DENSE + ((z ^ (z >> 31)) as usize & ((1 << HASH_BITS) - 1))
}

fn is_negation(token: &str) -> bool {
    NEGATIONS.iter().any(|n| n.eq_ignore_ascii_case(token))
        || token.to_ascii_lowercase().ends_with("n't")
}

fn ends_scope_token(token: &str) -> bool {
    matches!(token, "." | "," | ";" | ":" | "!" | "?")
        || token.eq_ignore_ascii_case("but")
        || token.eq_ignore_ascii_case("however")
}

/// The sparse feature vector of a text given as tokens: (index, value) pairs, words and pairs
/// weighted so that the vector has unit length.
pub fn extract(vader: &Vader, text: &str, tokens: &[&str]) -> Vec<(usize, f32)> {
    let polarity = vader.polarity(text);
    let mut features = vec![
        (0, polarity.compound as f32),
        (1, polarity.pos as f32),
        (2, polarity.neg as f32),
        (3, polarity.neu as f32),
    ];
    // Words are hashed as they are read, lower-cased and marked in a negation's scope, without
    // building strings; a pair's hash mixes its two words' hashes. A word the news lexicon rates
    // gets no learned weight (nor do its pairs): its tone comes through VADER's scores alone.
    let mut words: Vec<Option<u64>> = Vec::with_capacity(tokens.len());
    let mut negated = false;
    for token in tokens {
        if ends_scope_token(token) {
            negated = false;
            if *token == "!" || *token == "?" {
                words.push(Some(word_hash(token, false)));
            }
            continue;
        }
        if !token.chars().any(char::is_alphanumeric) {
            continue;
        }
        let plain = word_hash(token, false);
        words.push(if vader.is_news_word(plain) {
            None
        } else if negated {
            Some(word_hash(token, true))
        } else {
            Some(plain)
        });
        if is_negation(token) {
            negated = true;
        }
    }
    let mut sparse: Vec<usize> = words.iter().flatten().map(|&h| index(h)).collect();
    sparse.extend(words.windows(2).filter_map(|pair| match pair {
        [Some(a), Some(b)] => Some(index(mix(*a, *b))),
        _ => None,
    }));
    if !sparse.is_empty() {
        let value = 1.0 / (sparse.len() as f32).sqrt();
        features.extend(sparse.into_iter().map(|i| (i, value)));
    }
    features
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_scope_marks_words_until_punctuation() {
        let vader = Vader::builtin();
        let a = extract(&vader, "not good", &["not", "good"]);
        let b = extract(&vader, "good", &["good"]);
        let good = index(word_hash("good", false));
        let not_good = index(word_hash("good", true));
        assert!(a.iter().any(|(i, _)| *i == not_good));
        assert!(!a.iter().any(|(i, _)| *i == good));
        assert!(b.iter().any(|(i, _)| *i == good));
        let c = extract(&vader, "not bad, good", &["not", "bad", ",", "good"]);
        assert!(
            c.iter().any(|(i, _)| *i == good),
            "the comma ends the scope"
        );
    }

    #[test]
    fn words_of_the_news_lexicon_get_no_learned_weight() {
        let news = Vader::news();
        let tokens = ["tension", "rose"];
        let with_news = extract(&news, "tension rose", &tokens);
        let with_vader = extract(&Vader::builtin(), "tension rose", &tokens);
        let tension = index(word_hash("tension", false));
        assert!(with_vader.iter().any(|(i, _)| *i == tension));
        assert!(!with_news.iter().any(|(i, _)| *i == tension));
        assert!(
            with_news[DENSE..]
                .iter()
                .any(|(i, _)| *i == index(word_hash("rose", false)))
        );
        assert_eq!(with_news.len(), DENSE + 1, "no pair with the masked word");
    }
}
