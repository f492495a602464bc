//! The words the tagger reads: the host's tokens, sentence by sentence, with typographic quotes and
//! dashes normalised to the forms of the training data, and hyphenated place pairs split
//! ("US-South Korea", "China-North Korea", "Beijing-Pyongyang") so each place can be a name.

use byline_ner::lexicon::{Lexicon, kind};
use byline_plugin_api::Document;

/// One word: its byte span in the text, the text itself, and the form the tagger sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text as written.
    pub text: &'a str,
    /// The form given to the tagger.
    pub norm: &'a str,
}

/// Prefixes that make a hyphenated word one thing even before a place ("pro-Moscow", "anti-US").
const BOUND_PREFIXES: &[&str] = &[
    "pro", "anti", "non", "ex", "post", "pre", "mid", "trans", "pan", "neo", "sub",
];

fn normalise(text: &str) -> &str {
    match text {
        "“" | "”" | "„" | "‟" | "«" | "»" | "``" | "''" => "\"",
        "‘" | "’" | "‚" | "‛" | "`" => "'",
        "’s" => "'s",
        "—" | "–" | "―" | "‒" => "-",
        _ => text,
    }
}

/// The words of a document, per sentence.
pub fn sentences<'a>(doc: &Document<'a>, lexicon: &Lexicon) -> Vec<Vec<Word<'a>>> {
    let text = doc.text();
    doc.sentences()
        .iter()
        .map(|sentence| {
            let mut words = Vec::new();
            for token in doc.sentence_tokens(sentence) {
                let (start, end) = (token.start as usize, token.end as usize);
                let Some(token_text) = text.get(start..end) else {
                    continue;
                };
                push_word(&mut words, start, token_text, lexicon);
            }
            words
        })
        .collect()
}

/// Pushes a token as one word, or as its parts when it is a hyphenated pair of places.
fn push_word<'a>(words: &mut Vec<Word<'a>>, start: usize, token: &'a str, lexicon: &Lexicon) {
    if let Some(parts) = place_pair(token, lexicon) {
        let mut offset = start;
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                words.push(Word {
                    start: offset,
                    end: offset + 1,
                    text: "-",
                    norm: "-",
                });
                offset += 1;
            }
            words.push(Word {
                start: offset,
                end: offset + part.len(),
                text: part,
                norm: part,
            });
            offset += part.len();
        }
        return;
    }
    words.push(Word {
        start,
        end: start + token.len(),
        text: token,
        norm: normalise(token),
    });
}

/// The parts of "X-Y" when every part is capitalised, none is a bound prefix, and some part is a
/// known country, state or city.
fn place_pair<'a>(token: &'a str, lexicon: &Lexicon) -> Option<Vec<&'a str>> {
    if !token.contains('-') {
        return None;
    }
    let parts: Vec<&str> = token.split('-').collect();
    let all_names = parts.iter().all(|p| {
        p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().count() >= 2
            && !BOUND_PREFIXES.iter().any(|b| b.eq_ignore_ascii_case(p))
    });
    let some_place = parts.iter().any(|p| lexicon.kinds_of(p) & kind::GPE != 0);
    (parts.len() >= 2 && all_names && some_place).then_some(parts)
}

/// Words of a text split on single spaces, for tests of the rules that read words.
#[cfg(test)]
pub(crate) fn spaced_words(text: &'static str) -> Vec<Word<'static>> {
    let mut at = 0;
    text.split(' ')
        .map(|t| {
            let w = Word {
                start: at,
                end: at + t.len(),
                text: t,
                norm: t,
            };
            at += t.len() + 1;
            w
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.parse("US\tplace-alias\nChina\tcountry\nBeijing\tcity\nPyongyang\tcity\nMoscow\tcity\nGerman\tnorp\n")
            .unwrap();
        lex
    }

    fn split(token: &str) -> Vec<String> {
        let mut words = Vec::new();
        push_word(&mut words, 10, token, &lexicon());
        words
            .iter()
            .map(|w| format!("{}@{}", w.text, w.start))
            .collect()
    }

    #[test]
    fn splits_hyphenated_place_pairs_only() {
        assert_eq!(split("US-South"), ["US@10", "-@12", "South@13"]);
        assert_eq!(
            split("Beijing-Pyongyang"),
            ["Beijing@10", "-@17", "Pyongyang@18"]
        );
        assert_eq!(split("China-North"), ["China@10", "-@15", "North@16"]);
        assert_eq!(split("Mercedes-Benz"), ["Mercedes-Benz@10"]);
        assert_eq!(split("Pro-Moscow"), ["Pro-Moscow@10"]);
        assert_eq!(
            split("German-Israeli"),
            ["German-Israeli@10"],
            "nationalities stay whole"
        );
        assert_eq!(split("China-based"), ["China-based@10"]);
    }

    #[test]
    fn typographic_quotes_become_training_forms() {
        assert_eq!(normalise("“"), "\"");
        assert_eq!(normalise("’s"), "'s");
        assert_eq!(normalise("—"), "-");
        assert_eq!(normalise("Beijing"), "Beijing");
    }
}
