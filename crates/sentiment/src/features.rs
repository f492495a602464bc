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

/// The hash of a word in lower case, marked when it is in a negation's scope.
fn word_hash(word: &str, negated: bool) -> u64 {
    let mut h = if negated {
        hash::fnv1a(b"NOT_")
    } else {
        hash::OFFSET
    };
    let mut buf = [0u8; 4];
    for c in word.chars() {
        for lower in c.to_lowercase() {
            h = hash::feed(h, lower.encode_utf8(&mut buf).as_bytes());
        }
    }
    h
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
    // building strings; a pair's hash mixes its two words' hashes.
    let mut words: Vec<u64> = Vec::with_capacity(tokens.len());
    let mut negated = false;
    for token in tokens {
        if ends_scope_token(token) {
            negated = false;
            if *token == "!" || *token == "?" {
                words.push(word_hash(token, false));
            }
            continue;
        }
        if !token.chars().any(char::is_alphanumeric) {
            continue;
        }
        words.push(word_hash(token, negated));
        if is_negation(token) {
            negated = true;
        }
    }
    let mut sparse: Vec<usize> = words.iter().map(|&h| index(h)).collect();
    sparse.extend(words.windows(2).map(|pair| index(mix(pair[0], pair[1]))));
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
}
