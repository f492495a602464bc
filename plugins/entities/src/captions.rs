//! Photo captions and credits ("China North Korea Photo: IC", "Photo: AFP"): the word "Photo" is
//! not part of a name before it, and a name in the credit after the colon is an agency or a
//! photographer, not a place.

use crate::words::Word;

const CAPTION_WORDS: &[&str] = &[
    "photo", "photos", "picture", "pictures", "image", "images", "credit",
];

/// Whether a word introduces or closes a caption ("Photo", "Pictures").
pub fn is_caption_word(word: &str) -> bool {
    CAPTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The index of the first word of a credit in a sentence: the word after "Photo:" and the like.
pub fn credit_start(sentence: &[Word<'_>]) -> Option<usize> {
    sentence
        .windows(2)
        .position(|pair| is_caption_word(pair[0].text) && pair[1].text == ":")
        .map(|i| i + 2)
}

/// The label of a name found in a credit: people stay people, anything else is the agency.
pub fn credit_label(label: &'static str) -> &'static str {
    if label == "PERSON" { label } else { "ORG" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::spaced_words as words;

    #[test]
    fn finds_the_credit_after_photo_colon() {
        assert_eq!(
            credit_start(&words("China North Korea Photo : IC")),
            Some(5)
        );
        assert_eq!(credit_start(&words("He took a photo of Kim")), None);
        assert_eq!(credit_label("GPE"), "ORG");
        assert_eq!(credit_label("PERSON"), "PERSON");
    }
}
