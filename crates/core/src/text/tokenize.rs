//! A tokenizer for news prose.
//!
//! Splits text into [`Token`]s with byte offsets, the way a reader would count words:
//! abbreviations keep their periods ("U.S.", "Sept.", "Mr."), initials too ("J. K."); numbers keep
//! their separators, decimals and unit suffixes ("1,000", "3.5", "$1.13bn" is "$" + "1.13bn");
//! hyphenated compounds stay whole ("Beijing-Pyongyang"); clitics split off ("China's" is "China" +
//! "'s", "don't" is "do" + "n't"); quotation marks, straight and curly, are tokens of their own, while
//! an apostrophe inside a word is not; dashes, ellipses, URLs and e-mail addresses are one token each.
//!
//! The scanner works on bytes with an ASCII fast path and never allocates except to push tokens.

use super::abbreviations;
use byline_plugin_api::abi::{
    TOKEN_CLITIC, TOKEN_DASH, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_QUOTE, TOKEN_SYMBOL, TOKEN_URL,
    TOKEN_WORD, Token,
};

/// Splits `text` into tokens. Offsets are bytes; `text` must be shorter than 4 GiB.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Like [`tokenize`], appending to an existing vector (so a caller can reuse its allocation).
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let mut scanner = Scanner { text, pos: 0 };
    while let Some((c, len)) = scanner.peek() {
        if c.is_whitespace() {
            scanner.pos += len;
            continue;
        }
        let start = scanner.pos;
        scanner.scan_token(c, len, tokens, start);
    }
}

/// Decodes the char at byte `i`, with its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

#[inline]
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '‟' | '«' | '»' | '‹' | '›' | '`' | '‚'
    )
}

#[inline]
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '−')
}

#[inline]
fn is_currency_or_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '£'
            | '€'
            | '¥'
            | '₹'
            | '₩'
            | '%'
            | '&'
            | '#'
            | '@'
            | '+'
            | '='
            | '*'
            | '/'
            | '\\'
            | '|'
            | '~'
            | '^'
            | '<'
            | '>'
            | '°'
            | '§'
            | '©'
            | '®'
            | '™'
            | '•'
            | '·'
    )
}

/// A predicate on characters: which ones continue a run.
type CharClass = fn(char) -> bool;

struct Scanner<'t> {
    text: &'t str,
    pos: usize,
}

impl Scanner<'_> {
    #[inline]
    fn peek(&self) -> Option<(char, usize)> {
        char_at(self.text, self.pos)
    }

    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        char_at(self.text, i).map(|(c, _)| c)
    }

    fn push(tokens: &mut Vec<Token>, start: usize, end: usize, kind: u32) {
        tokens.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
        });
    }

    fn scan_token(&mut self, c: char, len: usize, tokens: &mut Vec<Token>, start: usize) {
        if c.is_alphanumeric() {
            if let Some(end) = self.url_end(start) {
                self.pos = end;
                Self::push(tokens, start, end, TOKEN_URL);
                return;
            }
            self.scan_word(tokens, start);
            return;
        }
        // A sign or a leading decimal point before digits, after a space: "+48", "-3", ".496".
        if matches!(c, '+' | '-' | '.')
            && self.at(start + 1).is_some_and(|n| n.is_ascii_digit())
            && self.text[..start]
                .chars()
                .next_back()
                .is_none_or(|p| p.is_whitespace() || p == '(')
        {
            self.scan_word(tokens, start + 1);
            if let Some(last) = tokens.last_mut() {
                last.start = start as u32;
                last.kind = TOKEN_NUMBER;
            }
            return;
        }
        // A clitic standing alone, as in text that is already tokenised: "John 's", "I 'm".
        if is_apostrophe(c) {
            let end = self.clitic_end(start);
            let letters = &self.text[start + len..end];
            if matches!(
                letters.to_ascii_lowercase().as_str(),
                "s" | "m" | "d" | "ll" | "re" | "ve"
            ) {
                self.pos = end;
                Self::push(tokens, start, end, TOKEN_CLITIC);
                return;
            }
        }
        if is_quote_mark(c) {
            self.pos += len;
            // A possessive apostrophe after a plural ("Workers' Party") is a clitic, not a quote.
            let kind = if c != '"' && is_apostrophe(c) && self.is_plural_possessive(start) {
                TOKEN_CLITIC
            } else {
                // "''" and "``" (TeX-style quotes) are one quotation mark.
                if matches!(c, '\'' | '`') && self.at(self.pos) == Some(c) {
                    self.pos += 1;
                }
                TOKEN_QUOTE
            };
            Self::push(tokens, start, self.pos, kind);
            return;
        }
        // Runs of dashes ("--"), periods or ellipses ("..."), and "?!" are one token each.
        let run: Option<(CharClass, u32)> = if is_dash(c) {
            Some((is_dash, TOKEN_DASH))
        } else if c == '.' || c == '…' {
            Some((|n| n == '.' || n == '…', TOKEN_PUNCT))
        } else if c == '!' || c == '?' {
            Some((|n| n == '!' || n == '?', TOKEN_PUNCT))
        } else {
            None
        };
        if let Some((continues, kind)) = run {
            self.pos += len;
            while let Some((_, next_len)) = self.peek().filter(|&(n, _)| continues(n)) {
                self.pos += next_len;
            }
            Self::push(tokens, start, self.pos, kind);
            return;
        }
        self.pos += len;
        let kind = if is_currency_or_symbol(c) || !c.is_ascii_punctuation() && !is_punct_char(c) {
            TOKEN_SYMBOL
        } else {
            TOKEN_PUNCT
        };
        Self::push(tokens, start, self.pos, kind);
    }

    /// An apostrophe right after a word ending in "s", followed by a space and a word: "Workers' Party".
    fn is_plural_possessive(&self, apostrophe: usize) -> bool {
        let before = self.text[..apostrophe].chars().next_back();
        let after = self.at(apostrophe + 1);
        let after_after = self.at(apostrophe + 2);
        matches!(before, Some('s' | 'S'))
            && matches!(after, Some(' '))
            && after_after.is_some_and(char::is_alphanumeric)
    }

    /// Recognises `http://`, `https://` and `www.` URLs and `name@host.tld` addresses at `start`.
    fn url_end(&self, start: usize) -> Option<usize> {
        let rest = &self.text[start..];
        let bytes = rest.as_bytes();
        let is_url = bytes.len() > 8
            && (bytes[..7].eq_ignore_ascii_case(b"http://")
                || bytes[..8].eq_ignore_ascii_case(b"https://")
                || bytes[..4].eq_ignore_ascii_case(b"www."));
        let run_end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '<' | '>'))
            .unwrap_or(rest.len());
        let run = &rest[..run_end];
        let is_email = !is_url && {
            match run.find('@') {
                Some(at) if at > 0 => {
                    let host = &run[at + 1..];
                    let host = host.trim_end_matches(|c: char| !c.is_alphanumeric());
                    host.contains('.')
                        && host.split('.').all(|p| !p.is_empty())
                        && run[..at]
                            .chars()
                            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
                }
                _ => false,
            }
        };
        if !is_url && !is_email {
            return None;
        }
        let trimmed = run.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '’']);
        Some(start + trimmed.len())
    }

    fn scan_word(&mut self, tokens: &mut Vec<Token>, start: usize) {
        let text = self.text;
        let starts_with_digit = text.as_bytes()[start].is_ascii_digit();
        let mut end = start;
        let mut i = start;
        let mut clitic = None;
        while let Some((c, len)) = char_at(text, i) {
            if c.is_alphanumeric() || c == '\u{AD}' {
                i += len;
                end = i;
                continue;
            }
            let prev = text[..i].chars().next_back();
            let next = char_at(text, i + len).map(|(c, _)| c);
            let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let joins = match c {
                // 1,000  3.5  10:30  3/4
                ',' | ':' | '/' => prev_digit && next_digit,
                // U.S  e.g  a.m  3.5
                '.' => next_alnum && (prev_digit && next_digit || !prev_digit && !next_digit),
                // AT&T, S&P
                '&' => prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase),
                // Beijing-Pyongyang, COVID-19, 20-year-old
                '-' | '‐' => next_alnum,
                _ if is_apostrophe(c) => {
                    if let Some(clitic_start) = self.clitic_at(start, i, len) {
                        // The word stops before the clitic; the clitic becomes its own token.
                        end = clitic_start;
                        clitic = Some(clitic_start);
                        break;
                    }
                    next.is_some_and(char::is_alphabetic) && prev.is_some_and(char::is_alphabetic)
                }
                _ => false,
            };
            if !joins {
                break;
            }
            i += len;
        }
        // An abbreviation keeps its period: "U.S.", "Mr.", "Sept.", an initial "J.".
        let word = &text[start..end];
        let mut token_end = end;
        if text.as_bytes().get(end) == Some(&b'.') {
            let after = self.at(end + 1);
            let period_is_part = if starts_with_digit {
                // A list marker at the start of a line: "1. Michael Johnson".
                word.len() <= 2
                    && after.is_none_or(|a| a == ' ' || a == '\t')
                    && text[..start]
                        .trim_end_matches([' ', '\t'])
                        .chars()
                        .next_back()
                        .is_none_or(|p| p == '\n')
            } else {
                after != Some('.') && abbreviations::takes_period(word)
            };
            if period_is_part {
                token_end = end + 1;
            }
        }
        let kind = if starts_with_digit {
            TOKEN_NUMBER
        } else {
            TOKEN_WORD
        };
        if token_end > start {
            Self::push(tokens, start, token_end, kind);
        }
        self.pos = token_end;
        // A clitic that `clitic_at` cut off is its own token.
        if let Some(clitic_start) = clitic {
            let clitic_end = self.clitic_end(clitic_start);
            if clitic_end > clitic_start {
                Self::push(tokens, clitic_start, clitic_end, TOKEN_CLITIC);
                self.pos = clitic_end;
            }
        }
    }

    /// If the apostrophe at `apos` (of byte length `len`) starts an English clitic of the word
    /// beginning at `word_start`, the byte where the clitic starts ("n't" starts one letter early).
    fn clitic_at(&self, word_start: usize, apos: usize, len: usize) -> Option<usize> {
        let rest = &self.text[apos + len..];
        let letters: usize = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        let suffix = &rest[..letters];
        let lower = suffix.to_ascii_lowercase();
        match lower.as_str() {
            "s" | "re" | "ve" | "ll" | "d" | "m" => Some(apos),
            "t" => {
                let word = &self.text[word_start..apos];
                if word.len() > 1 && word.ends_with(['n', 'N']) {
                    Some(apos - 1)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn clitic_end(&self, start: usize) -> usize {
        let mut i = start;
        // "n" of "n't"
        if matches!(self.at(i), Some('n' | 'N')) {
            i += 1;
        }
        match char_at(self.text, i) {
            Some((c, len)) if is_apostrophe(c) => i += len,
            _ => return start,
        }
        while let Some((c, len)) = char_at(self.text, i) {
            if !c.is_alphabetic() {
                break;
            }
            i += len;
        }
        i
    }
}

fn is_punct_char(c: char) -> bool {
    matches!(
        c,
        '¡' | '¿' | '、' | '。' | '，' | '：' | '；' | '（' | '）' | '【' | '】' | '〔' | '〕'
    ) || c.is_ascii_punctuation()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_and_initials_whole() {
        assert_eq!(
            words("Mr. Smith met U.S. officials on Sept. 11 with J. K. Rowling."),
            [
                "Mr.",
                "Smith",
                "met",
                "U.S.",
                "officials",
                "on",
                "Sept.",
                "11",
                "with",
                "J.",
                "K.",
                "Rowling",
                "."
            ]
        );
        assert_eq!(
            words("China's top legislator to visit N. Korea"),
            [
                "China",
                "'s",
                "top",
                "legislator",
                "to",
                "visit",
                "N.",
                "Korea"
            ]
        );
    }

    #[test]
    fn keeps_numbers_and_money_whole() {
        assert_eq!(
            words("profits jumped 76% to $1.13bn (£600m), from 1,000 at 10:30."),
            [
                "profits", "jumped", "76", "%", "to", "$", "1.13bn", "(", "£", "600m", ")", ",",
                "from", "1,000", "at", "10:30", "."
            ]
        );
    }

    #[test]
    fn separates_quotes_from_apostrophes() {
        assert_eq!(
            words("“It’s over,” he said. 'We don't know.'"),
            [
                "“", "It", "’s", "over", ",", "”", "he", "said", ".", "'", "We", "do", "n't",
                "know", ".", "'"
            ]
        );
        assert_eq!(
            words("the Workers' Party of Korea and O'Brien"),
            [
                "the", "Workers", "'", "Party", "of", "Korea", "and", "O'Brien"
            ]
        );
    }

    #[test]
    fn reads_text_that_is_already_tokenised() {
        assert_eq!(
            words("Clinton 's aide said I 'm sure .\n1. Johnson ( U.S. ) 19.32 +48 .496 -3"),
            [
                "Clinton", "'s", "aide", "said", "I", "'m", "sure", ".", "1.", "Johnson", "(",
                "U.S.", ")", "19.32", "+48", ".496", "-3"
            ]
        );
        assert_eq!(
            words("It rose by 1. Then"),
            ["It", "rose", "by", "1", ".", "Then"]
        );
        assert_eq!(words("'so what' - he"), ["'", "so", "what", "'", "-", "he"]);
    }

    #[test]
    fn handles_dashes_hyphens_and_ellipses() {
        assert_eq!(
            words("Beijing-Pyongyang ties — and COVID-19 -- were... fine…"),
            [
                "Beijing-Pyongyang",
                "ties",
                "—",
                "and",
                "COVID-19",
                "--",
                "were",
                "...",
                "fine",
                "…"
            ]
        );
    }

    #[test]
    fn keeps_urls_and_emails_whole() {
        assert_eq!(
            words("See https://example.com/a?b=1. Write to desk@example.org, please."),
            [
                "See",
                "https://example.com/a?b=1",
                ".",
                "Write",
                "to",
                "desk@example.org",
                ",",
                "please",
                "."
            ]
        );
    }

    #[test]
    fn never_splits_inside_a_character() {
        let text = "Zoë Ça va? 北京 — naïve “ok” ½ 🙂";
        for token in tokenize(text) {
            assert!(text.is_char_boundary(token.start as usize));
            assert!(text.is_char_boundary(token.end as usize));
        }
        assert_eq!(tokenize("").len(), 0);
    }

    #[test]
    fn sentence_final_period_after_a_word_is_its_own_token() {
        assert_eq!(words("He left."), ["He", "left", "."]);
        assert_eq!(
            words("He works for Apple Inc."),
            ["He", "works", "for", "Apple", "Inc."]
        );
    }
}
