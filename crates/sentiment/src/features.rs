//! The features of a text for the learned model: VADER's four scores, and hashed words and word
//! pairs, lower-cased, with words in the scope of a negation marked ("not good" gives `NOT_good`).

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

fn hash(parts: &[&str]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for &b in part.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    DENSE + (h as usize & ((1 << HASH_BITS) - 1))
}

fn ends_scope(token: &str) -> bool {
    matches!(token, "." | "," | ";" | ":" | "!" | "?" | "but" | "however")
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
    let mut words: Vec<String> = Vec::with_capacity(tokens.len());
    let mut negated = false;
    for token in tokens {
        let lower = token.to_lowercase();
        if ends_scope(&lower) {
            negated = false;
            if lower == "!" || lower == "?" {
                words.push(lower);
            }
            continue;
        }
        if !lower.chars().any(char::is_alphanumeric) {
            continue;
        }
        let is_negation = NEGATIONS.contains(&lower.as_str()) || lower.ends_with("n't");
        words.push(if negated { format!("NOT_{lower}") } else { lower });
        if is_negation {
            negated = true;
        }
    }
    let mut sparse: Vec<usize> = words.iter().map(|w| hash(&[w])).collect();
    sparse.extend(words.windows(2).map(|pair| hash(&[&pair[0], &pair[1]])));
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
        let good = hash(&["good"]);
        let not_good = hash(&["NOT_good"]);
        assert!(a.iter().any(|(i, _)| *i == not_good));
        assert!(!a.iter().any(|(i, _)| *i == good));
        assert!(b.iter().any(|(i, _)| *i == good));
        let c = extract(&vader, "not bad, good", &["not", "bad", ",", "good"]);
        assert!(c.iter().any(|(i, _)| *i == good), "the comma ends the scope");
    }
}
