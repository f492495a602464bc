//! Finding quoted spans: pairs of quotation marks within a paragraph, curly or straight, with
//! quotes that run over paragraphs (a paragraph that opens a quote without closing it, the next one
//! reopening it) chained together. A mark left open ends at its paragraph's end, so an unbalanced
//! mark never runs away to the end of the article. Single curly quotes count as quotation marks only
//! outside double quotes and not as apostrophes ("don’t", "Workers’").

use byline_plugin_api::abi::Span;

/// A quoted span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (or the paragraph's end when unclosed).
    pub close: usize,
    /// Content start (inside the marks, whitespace trimmed).
    pub start: usize,
    /// Content end.
    pub end: usize,
    /// Whether the closing mark was found in the paragraph.
    pub closed: bool,
    /// The earlier fragment of the same quote, when it continues from the previous paragraph.
    pub continues: Option<usize>,
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Whether a word is a mark that may open a quotation: a double or single quotation mark,
/// straight or curly.
pub fn is_opening_mark(word: &str) -> bool {
    matches!(word, "\"" | "“" | "‘" | "'")
}

/// The span `start..end` without the quotation marks at its ends: a span opening at a
/// quotation's opening mark starts inside it, and one ending at a quotation's closing mark ends
/// inside it.
pub fn inside_marks(quoted: &[Quoted], start: usize, end: usize) -> (usize, usize) {
    let start = quoted
        .iter()
        .find(|q| q.open == start && q.start < end)
        .map_or(start, |q| q.start);
    let end = quoted
        .iter()
        .find(|q| q.closed && q.close == end && q.end > start)
        .map_or(end, |q| q.end);
    (start, end)
}

/// All quoted spans of the text, in order.
pub fn find(text: &str, paragraphs: &[Span], double_apostrophes: bool) -> Vec<Quoted> {
    let mut found: Vec<Quoted> = Vec::new();
    for para in paragraphs {
        let (p_start, p_end) = (para.start as usize, para.end as usize);
        let Some(body) = text.get(p_start..p_end) else {
            continue;
        };
        // A quote left open at the end of the previous paragraph continues here if this paragraph
        // opens with a quotation mark.
        let previous_open = found.last().filter(|q| !q.closed).map(|_| found.len() - 1);
        let starts_with_mark =
            body.starts_with(['"', '“', '„', '«']) || double_apostrophes && body.starts_with("''");
        let mut open: Option<(usize, char)> = None;
        let mut chained = previous_open.filter(|_| starts_with_mark);
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut skip_next = false;
        for (k, &(i, c)) in chars.iter().enumerate() {
            if std::mem::take(&mut skip_next) {
                continue;
            }
            let at = p_start + i;
            let before = if k == 0 { None } else { Some(chars[k - 1].1) };
            let mut after = chars.get(k + 1).map(|&(_, c)| c);
            // Two apostrophes ('') are a double quotation mark, as in older newswire text.
            let mut c = c;
            if double_apostrophes && c == '\'' && after == Some('\'') {
                c = '"';
                skip_next = true;
                after = chars.get(k + 2).map(|&(_, c)| c);
            }
            match open {
                None => {
                    let single_open = c == '‘'
                        && before.is_none_or(|b| {
                            b.is_whitespace() || matches!(b, '(' | '[' | '—' | '-')
                        })
                        && after.is_some_and(|a| !a.is_whitespace());
                    if is_opening(c) || c == '"' || single_open {
                        open = Some((at, c));
                    }
                }
                Some((open_at, mark)) => {
                    // Paragraphs run together ("... competition. "We must ...") keep the
                    // convention of a quote over paragraphs: each part opens with a straight mark
                    // and only the last closes. A straight mark after a sentence's end and a space,
                    // before a word, ends the open quote there and opens its next part.
                    // The sentence may end inside a quotation of its own ("... say 'wow -
                    // that's interesting.' "My personal point of view ...").
                    let reopens = mark == '"'
                        && c == '"'
                        && before.is_some_and(char::is_whitespace)
                        && after.is_some_and(char::is_alphanumeric)
                        && chars[..k.saturating_sub(1)]
                            .iter()
                            .rev()
                            .map(|&(_, c)| c)
                            .find(|&c| !matches!(c, '\'' | '’'))
                            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
                    if reopens {
                        let before_push = found.len();
                        push(&mut found, text, open_at, at, at, false, chained.take());
                        chained = (found.len() > before_push).then(|| found.len() - 1);
                        open = Some((at, c));
                        continue;
                    }
                    // An opening mark set where a closing one belongs, after the words and
                    // before a space (“It's unusual,“ said Larry Noble), closes the quote.
                    let misprinted_close = mark != '‘'
                        && c == '“'
                        && before.is_some_and(|b| !b.is_whitespace())
                        && after.is_none_or(char::is_whitespace);
                    let closes = misprinted_close
                        || match mark {
                            // Mixed marks happen ("...” after a straight opening).
                            '"' => c == '"' || c == '”',
                            '‘' => {
                                c == '’'
                                    && after.is_none_or(|a| !a.is_alphanumeric())
                                    && before.is_some_and(|b| !b.is_whitespace())
                            }
                            _ => is_closing(c) || c == '"',
                        };
                    if closes {
                        push(
                            &mut found,
                            text,
                            open_at,
                            at,
                            at + c.len_utf8(),
                            true,
                            chained.take(),
                        );
                        open = None;
                    }
                }
            }
        }
        if let Some((open_at, mark)) = open {
            // Single quotes left open were apostrophes or scare quotes: drop them.
            if mark != '‘' {
                push(
                    &mut found,
                    text,
                    open_at,
                    p_end,
                    p_end,
                    false,
                    chained.take(),
                );
            }
        }
    }
    found
}

/// Ends a quote whose closing mark is missing where the writer's own narrative resumes: an
/// unclosed quote that the next paragraph does not continue (the text lost its closing mark)
/// ends before the first sentence inside it that opens with an attribution (`attributes`, given
/// the sentence's first and end word; "...the death of some people. All companies said they
/// were investing ..."). Without it the quote would run to its paragraph's end.
pub fn end_runaway_quotes(
    doc: &crate::doc::Doc<'_>,
    quoted: &mut [Quoted],
    attributes: impl Fn(usize, usize) -> bool,
) {
    let continued: Vec<usize> = quoted.iter().filter_map(|q| q.continues).collect();
    for (k, q) in quoted.iter_mut().enumerate() {
        if q.closed || continued.contains(&k) {
            continue;
        }
        let first = doc.word_at_or_after(q.start);
        let Some(&sentence) = doc.sentence_of.get(first) else {
            continue;
        };
        let narrative = doc.sentences[sentence + 1..]
            .iter()
            .take_while(|&&(s, _)| s < doc.words.len() && doc.words[s].start < q.end)
            .find(|&&(s, e)| attributes(s, e));
        if let Some(&(s, _)) = narrative
            && let Some(last) = s.checked_sub(1)
        {
            q.end = doc.words[last].end;
            q.close = q.end;
        }
    }
}

fn push(
    found: &mut Vec<Quoted>,
    text: &str,
    open: usize,
    content_end: usize,
    close: usize,
    closed: bool,
    continues: Option<usize>,
) {
    let mark_len = if text[open..].starts_with("''") {
        2
    } else {
        text[open..].chars().next().map_or(1, char::len_utf8)
    };
    let inner = &text[open + mark_len..content_end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let start = open + mark_len + lead;
    let end = content_end - trail;
    if start < end {
        found.push(Quoted {
            open,
            close,
            start,
            end,
            closed,
            continues,
        });
    }
}

/// Paragraphs of a text split at blank lines ("\n\n"), for tests.
#[cfg(test)]
pub(crate) fn blank_line_paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = 0;
    for p in text.split("\n\n") {
        spans.push(Span {
            start: at as u32,
            end: (at + p.len()) as u32,
        });
        at += p.len() + 2;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        find(text, &blank_line_paragraphs(text), true)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn straight_curly_and_single_quotes() {
        assert_eq!(
            contents(
                "\"It is over,\" he said. “We won.” She added: ‘Fine by me.’ It’s Workers’ day."
            ),
            ["It is over,", "We won.", "Fine by me."]
        );
    }

    #[test]
    fn an_opening_mark_after_the_words_closes_the_quote() {
        assert_eq!(
            contents("“It's unusual,“ said Larry Noble. “It's hard to do,” he added."),
            ["It's unusual,", "It's hard to do,"]
        );
        // A quote opening right after another still opens.
        assert_eq!(contents("He said “yes” and “no.”"), ["yes", "no."]);
    }

    #[test]
    fn a_quote_over_paragraphs_run_together_is_chained() {
        // Paragraphs flattened into one line keep their opening marks; only the last closes.
        let text = "He was happy. \"Television has been the driving force. \"We must monitor the quality. \"I think less is more.\" Then he left.";
        let quotes = find(text, &blank_line_paragraphs(text), true);
        let parts: Vec<&str> = quotes.iter().map(|q| &text[q.start..q.end]).collect();
        assert_eq!(
            parts,
            [
                "Television has been the driving force.",
                "We must monitor the quality.",
                "I think less is more."
            ]
        );
        assert_eq!(quotes[1].continues, Some(0));
        assert_eq!(quotes[2].continues, Some(1));
        assert!(quotes[2].closed);
        // Also when the sentence ends with a quotation of its own.
        let text = "\"It is rare. \"But it makes you say 'wow - that's interesting.' \"My view is that I would find it palatable.\" Fans disagree.";
        assert_eq!(
            contents(text),
            [
                "It is rare.",
                "But it makes you say 'wow - that's interesting.'",
                "My view is that I would find it palatable."
            ]
        );
        // A closing mark after a sentence's end, before a space, still closes.
        assert_eq!(
            contents("\"It is over.\" He left. \"Yes,\" she said."),
            ["It is over.", "Yes,"]
        );
    }

    #[test]
    fn two_apostrophes_are_a_quotation_mark() {
        assert_eq!(
            contents("''Every plan is a tax cut,'' said Mr. Burman. It's ''fine.''"),
            ["Every plan is a tax cut,", "fine."]
        );
    }

    #[test]
    fn a_quote_over_paragraphs_is_chained() {
        let text = "“First part of it.\n\n“Second part,” she said.";
        let quotes = find(text, &blank_line_paragraphs(text), true);
        assert_eq!(quotes.len(), 2);
        assert!(!quotes[0].closed);
        assert_eq!(quotes[1].continues, Some(0));
        assert_eq!(&text[quotes[1].start..quotes[1].end], "Second part,");
    }

    #[test]
    fn an_unbalanced_mark_stops_at_its_paragraph() {
        let text = "He said \"this never closes\n\nNext paragraph is plain. And \"this one does\".";
        let quotes = find(text, &blank_line_paragraphs(text), true);
        assert_eq!(quotes.len(), 2);
        assert_eq!(&text[quotes[0].start..quotes[0].end], "this never closes");
        assert_eq!(quotes[1].continues, None);
    }

    #[test]
    fn quotes_at_the_very_start_and_end() {
        assert_eq!(contents("\"Start.\" Middle \"end\""), ["Start.", "end"]);
        assert!(contents("").is_empty());
        assert!(contents("\"\"").is_empty());
    }
}
