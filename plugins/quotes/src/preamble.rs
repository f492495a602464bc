//! A quotation introduced after a preamble: "Mike Lee declared in the debate spin room, “I’m
//! sending the signal that it’s time to unite.”" The reported-speech rules and the tagger read the
//! words from the cue to the closing mark as one mixed content; what was said is the quotation, and
//! the words before it ("in the debate spin room", "and I quote", "in reference to her first
//! child") say where, how or about what.

use crate::attribute::{Quote, QuoteKind};
use crate::marks::Quoted;

/// Narrows each mixed quote that ends inside a quotation opening with a capital letter after a
/// comma or colon to that quotation, as a direct quote.
pub fn narrow_to_quotations(text: &str, quoted: &[Quoted], quotes: &mut [Quote]) {
    for quote in quotes.iter_mut().filter(|q| q.kind == QuoteKind::Mixed) {
        let Some(quotation) = quoted
            .iter()
            .find(|m| quote.start < m.open && m.start < quote.end && quote.end <= m.close)
        else {
            continue;
        };
        let preamble = text[quote.start..quotation.open].trim_end();
        let introduced = preamble.ends_with([',', ':']);
        let sentence = text[quotation.start..]
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase);
        if introduced && sentence {
            quote.start = quotation.start;
            quote.end = quotation.end;
            quote.kind = QuoteKind::Direct;
        }
    }
}
