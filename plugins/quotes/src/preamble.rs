//! A quotation introduced after a preamble: "Mike Lee declared in the debate spin room, “I’m
//! sending the signal that it’s time to unite.”" The reported-speech rules and the tagger read the
//! words from the cue to the closing mark as one mixed content; what was said is the quotation, and
//! the words before it ("in the debate spin room", "and I quote", "in reference to her first
//! child") say where, how or about what.

use crate::attribute::{Quote, QuoteKind};
use crate::marks::Quoted;

/// Narrows each mixed quote that ends inside a quotation opening with a capital after a comma or
/// colon to that quotation, as a direct quote, unless the quotation is already a direct quote of its
/// own (with its own attribution, which the mixed quote must not duplicate).
pub fn narrow_to_quotations(text: &str, quoted: &[Quoted], quotes: &mut [Quote]) {
    let direct: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.start, q.end))
        .collect();
    for quote in quotes.iter_mut().filter(|q| q.kind == QuoteKind::Mixed) {
        let Some(quotation) = quoted
            .iter()
            .find(|m| quote.start < m.open && m.start < quote.end && quote.end <= m.close)
        else {
            continue;
        };
        let attributed = direct
            .iter()
            .any(|&(start, end)| start < quotation.close && quotation.open < end);
        let preamble = text[quote.start..quotation.open].trim_end();
        let introduced = preamble.ends_with([',', ':']);
        let sentence = text[quotation.start..]
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase);
        if introduced && sentence && !attributed {
            quote.start = quotation.start;
            quote.end = quotation.end;
            quote.kind = QuoteKind::Direct;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks;

    fn quote(text: &str, content: &str, kind: QuoteKind) -> Quote {
        let start = text.find(content).expect("the content is in the text");
        Quote {
            start,
            end: start + content.len(),
            kind,
            speaker: None,
            cue: None,
            addressee: None,
            via: None,
            confidence: 0.5,
        }
    }

    #[test]
    fn a_quotation_with_its_own_attribution_is_not_duplicated() {
        let text = "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”";
        let quoted = marks::find(text, &marks::blank_line_paragraphs(text), true);
        let mixed = "footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?";
        let mut alone = vec![quote(text, mixed, QuoteKind::Mixed)];
        narrow_to_quotations(text, &quoted, &mut alone);
        assert_eq!(alone[0].kind, QuoteKind::Direct);
        assert_eq!(
            &text[alone[0].start..alone[0].end],
            "Why aren’t I 50 points ahead?"
        );

        let direct = "Why aren’t I 50 points ahead?";
        let mut both = vec![
            quote(text, direct, QuoteKind::Direct),
            quote(text, mixed, QuoteKind::Mixed),
        ];
        narrow_to_quotations(text, &quoted, &mut both);
        assert_eq!(both[1].kind, QuoteKind::Mixed, "left as it was");
        assert_eq!(&text[both[1].start..both[1].end], mixed);
    }
}
