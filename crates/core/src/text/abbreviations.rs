//! Word lists the tokenizer and the sentence splitter consult: abbreviations that take a period, and
//! the words that typically open a sentence.

/// Abbreviations that are almost never the last word of a sentence: titles before a name, and short
/// forms that are followed by what they qualify ("Mr. Smith", "Sept. 11", "No. 10", "vs. Spain").
/// Lower-cased, without the period.
const NON_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr",
    "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep", "reps", "sens", "rev", "hon", "pres", "supt",
    "insp", "det", "fr", "sr", "jr", "st", "ste", "mt", "ft", "no", "nos", "vs", "v", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "atty", "supt",
    "approx", "dept", "est", "fig", "figs", "vol", "vols", "ch", "para", "pp", "art", "cf", "ed",
    "eds", "op", "ave", "blvd", "rd", "hwy", "gens", "amb", "sec", "asst", "assoc",
];

/// Abbreviations that can end a sentence as well as sit inside one ("... Apple Inc. The deal ..."):
/// they end it only when the next word looks like a sentence opener.
const MAY_END: &[&str] = &[
    "inc", "corp", "ltd", "co", "bros", "plc", "llc", "llp", "etc", "al", "jr", "sr", "esq",
    "univ", "dept", "assn", "intl", "natl", "govt", "am", "pm", "a.m", "p.m", "e.g", "i.e",
];

/// Whether `word` (without its final period) is an abbreviation that never ends a sentence.
pub fn is_non_final(word: &str) -> bool {
    contains_ignore_case(NON_FINAL, word)
}

/// Whether `word` (without its final period) is an abbreviation that may end a sentence.
pub fn is_may_end(word: &str) -> bool {
    contains_ignore_case(MAY_END, word)
}

/// Whether the word before a period forms an abbreviation with it: a listed one, a single letter
/// (an initial: "J. K. Rowling", "N. Korea"), or one with inner periods ("U.S", "e.g").
pub fn takes_period(word: &str) -> bool {
    is_non_final(word)
        || is_may_end(word)
        || is_initial(word)
        || (word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2))
}

/// A single letter, as in an initial.
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

fn contains_ignore_case(list: &[&str], word: &str) -> bool {
    if word.len() > 8 {
        return false;
    }
    let mut buf = [0u8; 8];
    let bytes = word.as_bytes();
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = &buf[..bytes.len()];
    list.iter().any(|entry| entry.as_bytes() == lower)
}

/// Words that commonly open a sentence. After an abbreviation that may end a sentence ("Inc.",
/// "U.S."), one of these means the sentence did end there.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "although",
    "though",
    "however",
    "meanwhile",
    "there",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "some",
    "many",
    "most",
    "all",
    "no",
    "one",
    "two",
    "three",
    "mr",
    "mrs",
    "ms",
    "dr",
    "last",
    "next",
    "earlier",
    "later",
    "then",
    "now",
    "what",
    "who",
    "why",
    "how",
    "where",
    "shares",
    "officials",
    "analysts",
    "experts",
    "critics",
];

/// Whether `word` commonly opens a sentence (case-insensitive).
pub fn is_sentence_opener(word: &str) -> bool {
    if word.len() > 9 {
        return false;
    }
    SENTENCE_OPENERS
        .iter()
        .any(|opener| opener.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_titles_months_and_initials() {
        assert!(is_non_final("Mr"));
        assert!(is_non_final("Sept"));
        assert!(is_may_end("Inc"));
        assert!(takes_period("U.S"));
        assert!(takes_period("N"));
        assert!(!takes_period("Korea"));
        assert!(!takes_period("said"));
    }
}
