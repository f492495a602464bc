//! Paragraphs and sentences of news prose, from the tokens of [`super::tokenize()`].
//!
//! A paragraph ends at a blank line, or at a line break after a line that is complete in itself (it
//! ends with terminal punctuation or a closing quote, or the next line starts with a capital, as
//! headlines, datelines and photo captions do). A hard-wrapped line whose continuation starts in
//! lower case does not end a paragraph. A paragraph always ends a sentence.
//!
//! Inside a paragraph a sentence ends after `.`, `!`, `?` or an ellipsis (with any closing quotes
//! and brackets that follow) when the next token starts like a sentence: a capital, a digit, an
//! opening quote. Titles and short forms ("Mr.", "Sept.", "No.") and initials ("J.", "N.") never end
//! a sentence; abbreviations that can ("Inc.", "U.S.") end one only before a typical sentence opener.

use super::abbreviations;
use byline_plugin_api::abi::{Sentence, Span, TOKEN_PUNCT, TOKEN_QUOTE, TOKEN_WORD, Token};

/// The paragraphs of `text`, as byte spans trimmed of surrounding whitespace. Empty paragraphs are
/// skipped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    while line_start <= text.len() {
        let line_end = memchr_newline(bytes, line_start).unwrap_or(text.len());
        let line = &text[line_start..line_end];
        let content = line.trim();
        if content.is_empty() {
            if let Some(start) = para_start.take() {
                push_trimmed(text, start, line_start, &mut spans);
            }
        } else {
            if para_start.is_none() {
                para_start = Some(line_start);
            }
            let next_start = line_end + 1;
            if next_start <= text.len() && line_ends_paragraph(text, content, next_start) {
                if let Some(start) = para_start.take() {
                    push_trimmed(text, start, line_end, &mut spans);
                }
            }
        }
        if line_end >= text.len() {
            break;
        }
        line_start = line_end + 1;
    }
    if let Some(start) = para_start {
        push_trimmed(text, start, text.len(), &mut spans);
    }
    spans
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| from + i)
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        spans.push(Span {
            start: (start + lead) as u32,
            end: (end - trail) as u32,
        });
    }
}

/// Whether a single line break after `line` (trimmed) ends the paragraph.
fn line_ends_paragraph(text: &str, line: &str, next_start: usize) -> bool {
    let next = text[next_start..].trim_start_matches([' ', '\t', '\r']);
    let Some(first) = next.chars().next() else {
        return true;
    };
    if first == '\n' {
        return true; // a blank line follows; the caller handles it
    }
    let last = line.chars().next_back().unwrap_or('.');
    if matches!(
        last,
        '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ':' | '…' | ')'
    ) {
        return true;
    }
    // A line with no final punctuation (a headline, a caption, a dateline) ends where the next line
    // starts like a new one; a hard-wrapped sentence continues in lower case.
    !(first.is_lowercase() || matches!(first, ',' | ';' | ')'))
}

/// Splits each paragraph into sentences. `tokens` must be the tokens of `text`.
pub fn split_sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut t = 0;
    for para in paragraphs {
        // Skip tokens before the paragraph (there are none unless the text has stray whitespace).
        while t < tokens.len() && tokens[t].start < para.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].end <= para.end {
            t += 1;
        }
        split_paragraph(text, tokens, first, t, &mut sentences);
    }
    sentences
}

fn split_paragraph(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    out: &mut Vec<Sentence>,
) {
    let mut sentence_start = first;
    let mut i = first;
    while i < end {
        if let Some(last) = sentence_end_at(text, tokens, i, end) {
            push_sentence(tokens, sentence_start, last + 1, out);
            sentence_start = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if sentence_start < end {
        push_sentence(tokens, sentence_start, end, out);
    }
}

fn push_sentence(tokens: &[Token], first: usize, end: usize, out: &mut Vec<Sentence>) {
    out.push(Sentence {
        start: tokens[first].start,
        end: tokens[end - 1].end,
        first_token: first as u32,
        end_token: end as u32,
    });
}

fn token_text<'t>(text: &'t str, token: &Token) -> &'t str {
    &text[token.start as usize..token.end as usize]
}

/// If token `i` ends a sentence, the index of the sentence's last token (after any closing quotes and
/// brackets).
fn sentence_end_at(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<usize> {
    let token = &tokens[i];
    let word = token_text(text, token);
    let terminal = match token.kind {
        TOKEN_PUNCT => {
            matches!(word.as_bytes().first(), Some(b'.' | b'!' | b'?')) || word.starts_with('…')
        }
        TOKEN_WORD => word.ends_with('.'),
        _ => false,
    };
    if !terminal {
        return None;
    }
    // Absorb closing quotes and brackets glued to the terminal ("over." or "(sic.)").
    let mut last = i;
    while last + 1 < end {
        let next = &tokens[last + 1];
        let glued = next.start == tokens[last].end;
        let closing = match next.kind {
            TOKEN_QUOTE => glued,
            TOKEN_PUNCT => glued && matches!(token_text(text, next), ")" | "]" | "}"),
            _ => false,
        };
        if !closing {
            break;
        }
        last += 1;
    }
    if last + 1 >= end {
        return Some(last); // the paragraph ends here anyway
    }
    let next = &tokens[last + 1];
    if next.start == tokens[last].end {
        return None; // "3.5", "Yahoo!Inc" — no space, no boundary
    }
    let next_text = token_text(text, next);
    let next_first = next_text.chars().next().unwrap_or(' ');
    // Anything but a lower-case letter or continuing punctuation can open a sentence: a capital, a
    // digit, a quote, a bracket, a bullet, a letter of a script without case.
    let starts_like_sentence = !next_first.is_lowercase()
        && !matches!(
            next_first,
            ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '!' | '?'
        );
    if !starts_like_sentence {
        return None;
    }
    if token.kind == TOKEN_WORD {
        // A word with its period attached is an abbreviation (the tokenizer only attaches periods
        // to abbreviations): decide by kind.
        let stem = &word[..word.len() - 1];
        if abbreviations::is_non_final(stem) || abbreviations::is_initial(stem) {
            return None;
        }
        let opener = next.kind == TOKEN_QUOTE || abbreviations::is_sentence_opener(next_text);
        return opener.then_some(last);
    }
    if word.starts_with('.') && word.len() >= 3 || word.starts_with('…') {
        // An ellipsis ends a sentence only before a capitalised word or a quote.
        return (next_first.is_uppercase() || next.kind == TOKEN_QUOTE).then_some(last);
    }
    Some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let paras = paragraphs(text);
        split_sentences(text, &tokens, &paras)
            .iter()
            .map(|s| &text[s.start as usize..s.end as usize])
            .collect()
    }

    #[test]
    fn does_not_split_after_titles_months_or_initials() {
        assert_eq!(
            sentences("Mr. Smith arrived on Sept. 11 with Dr. J. K. Rowling. She spoke."),
            [
                "Mr. Smith arrived on Sept. 11 with Dr. J. K. Rowling.",
                "She spoke."
            ]
        );
        assert_eq!(
            sentences("China's top legislator to visit N. Korea, strengthen friendship"),
            ["China's top legislator to visit N. Korea, strengthen friendship"]
        );
    }

    #[test]
    fn splits_after_abbreviation_only_before_a_sentence_opener() {
        assert_eq!(
            sentences("He moved to the U.S. The move was costly. U.S. Steel fell."),
            [
                "He moved to the U.S.",
                "The move was costly.",
                "U.S. Steel fell."
            ]
        );
        assert_eq!(
            sentences("Shares of Apple Inc. Rose sharply in the U.S. Treasury market."),
            ["Shares of Apple Inc. Rose sharply in the U.S. Treasury market."]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        assert_eq!(
            sentences("He said: \u{201c}It is over. We won.\u{201d} Then he left."),
            [
                "He said: \u{201c}It is over.",
                "We won.\u{201d}",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences("\"Why?\" he asked. \"Because,\" she said."),
            ["\"Why?\" he asked.", "\"Because,\" she said."]
        );
    }

    #[test]
    fn splits_before_scripts_without_case_and_symbols() {
        assert_eq!(
            sentences("Ça va? 北京 is here. 2020 was worse."),
            ["Ça va?", "北京 is here.", "2020 was worse."]
        );
        assert_eq!(
            sentences("It rose 5 p.m. today."),
            ["It rose 5 p.m. today."]
        );
    }

    #[test]
    fn decimals_and_money_do_not_split() {
        assert_eq!(
            sentences("Profits rose 3.5% to $1.13bn. Sales fell."),
            ["Profits rose 3.5% to $1.13bn.", "Sales fell."]
        );
    }

    #[test]
    fn headlines_and_captions_end_at_the_line_break() {
        let text = "Ad sales boost Time Warner profit\n\nQuarterly profits jumped.\nChina North Korea Photo: IC\nThe visit begins.";
        assert_eq!(
            sentences(text),
            [
                "Ad sales boost Time Warner profit",
                "Quarterly profits jumped.",
                "China North Korea Photo: IC",
                "The visit begins."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_continue_the_sentence() {
        let text = "The minister said the plan would\ncost more than expected. Critics agreed.";
        assert_eq!(
            sentences(text),
            [
                "The minister said the plan would\ncost more than expected.",
                "Critics agreed."
            ]
        );
        assert_eq!(paragraphs(text).len(), 1);
    }

    #[test]
    fn paragraphs_are_trimmed_and_blank_lines_skipped() {
        let text = "  First para.\n\n\n Second para. \n";
        let spans: Vec<&str> = paragraphs(text)
            .iter()
            .map(|s| &text[s.start as usize..s.end as usize])
            .collect();
        assert_eq!(spans, ["First para.", "Second para."]);
        assert!(paragraphs("").is_empty());
        assert!(sentences("   \n\n ").is_empty());
    }
}
