//! Attributions whose source the sentence does not name: a belief or report in the passive
//! ("Trump is expected to deliver a victory speech", "It was announced that the plant would
//! close") and a question put to someone ("Asked whether he would run, Smith said ..."). They
//! have a cue and no speaker (a question's asker is the speaker when "by" names one); the plugin
//! keeps them, as attributions, where it drops quoted text with neither.

use crate::attribute::{Quote, QuoteKind, content_bounds, inside_quotes, kind_of, span};
use crate::doc::Doc;
use crate::lexicon;
use crate::marks::Quoted;
use crate::speaker;

/// Participles that report a belief or a statement in the passive: "is expected to", "was seen
/// as", "is said to".
const PARTICIPLES: &[&str] = &[
    "expected",
    "seen",
    "considered",
    "said",
    "believed",
    "thought",
    "reported",
    "rumored",
    "rumoured",
    "alleged",
    "projected",
    "predicted",
    "announced",
    "confirmed",
    "revealed",
    "claimed",
];

/// Words that may stand between the verb "be" and the participle: "is not expected", "is widely
/// seen".
const BETWEEN: &[&str] = &[
    "not",
    "n't",
    "n’t",
    "widely",
    "also",
    "generally",
    "largely",
    "still",
    "now",
    "broadly",
];

/// Adverbs that may stand between an auxiliary and "been": "It has long been reported that",
/// "it has already been announced that".
const ADVERBS_AFTER_AUXILIARY: &[&str] = &[
    "long",
    "already",
    "previously",
    "often",
    "repeatedly",
    "widely",
    "also",
    "now",
];

/// The attributions without a named source in the sentence of words `s_start..content_end`
/// (final punctuation excluded).
pub fn unsourced(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
) -> Vec<Quote> {
    let mut found = Vec::new();
    if let Some(question) = question_put(doc, quotes, s_start, content_end) {
        found.push(question);
    }
    found.extend(passive(doc, quotes, s_start, content_end));
    found
}

/// A quote without a speaker, with its cue.
fn unsourced_quote(bytes: (usize, usize), kind: QuoteKind, cue: (usize, usize)) -> Quote {
    Quote::reported(bytes, kind, None, cue, 0.6)
}

/// `SUBJECT be PARTICIPLE to/as REST` (both parts are the content, as two quotes sharing the cue)
/// and `It be PARTICIPLE that CONTENT`; the first in the sentence.
fn passive(doc: &Doc<'_>, quotes: &[Quoted], s_start: usize, content_end: usize) -> Vec<Quote> {
    let Some((be, participle)) = (s_start..content_end).find_map(|k| {
        if !lexicon::is_be(doc.words[k].text) {
            return None;
        }
        let mut j = k + 1;
        while j < content_end && BETWEEN.contains(&doc.words[j].text) {
            j += 1;
        }
        (j + 2 < content_end && PARTICIPLES.contains(&doc.words[j].text)).then_some((k, j))
    }) else {
        return Vec::new();
    };
    // "who might be expected to", "Gazprom had been expected to": the auxiliaries are part of
    // the cue, and an adverb among them ("It has long been reported that").
    let mut cue_start = be;
    let auxiliary = |k: usize| {
        lexicon::is_auxiliary(doc.words[k].text) && !doc.words[k].text.eq_ignore_ascii_case("not")
    };
    while cue_start > s_start && be - cue_start < 3 {
        let before = cue_start - 1;
        if auxiliary(before) {
            cue_start -= 1;
        } else if before > s_start
            && ADVERBS_AFTER_AUXILIARY.contains(&doc.words[before].text)
            && auxiliary(before - 1)
        {
            cue_start -= 2;
        } else {
            break;
        }
    }
    let cue = span(doc, cue_start, participle);
    let subject_start = subject_start(doc, s_start, cue_start);
    let impersonal =
        cue_start == subject_start + 1 && doc.words[subject_start].text.eq_ignore_ascii_case("it");
    if impersonal {
        // "It was announced (on Monday) that the plant would close." ("It is expected to ...",
        // with no "that", is left out: read as a subject and a complement it lost on held-out
        // train.)
        let Some(that) = (participle + 1..content_end.min(participle + 7))
            .find(|&k| doc.words[k].text.eq_ignore_ascii_case("that"))
        else {
            return Vec::new();
        };
        let (end, _) = content_bounds(doc, quotes, that + 1, content_end, false);
        if end <= that + 1 {
            return Vec::new();
        }
        let bytes = span(doc, that + 1, end - 1);
        return kind_of(quotes, bytes.0, bytes.1)
            .map(|kind| unsourced_quote(bytes, kind, cue))
            .into_iter()
            .collect();
    }
    // "Trump is expected to deliver a victory speech", "He is widely seen as the favourite": the
    // subject and the complement, which a comma ends ("The White House is expected to sign the
    // measure, potentially teeing up ...").
    if !matches!(doc.words[participle + 1].text, "to" | "as")
        || subject_start == cue_start
        || inside_quotes(quotes, doc.words[be].start)
    {
        return Vec::new();
    }
    let (bound, _) = content_bounds(doc, quotes, participle + 1, content_end, false);
    let end = (participle + 2..bound)
        .find(|&k| doc.words[k].text == "," && !inside_quotes(quotes, doc.words[k].start))
        .unwrap_or(bound);
    if end <= participle + 2 {
        return Vec::new();
    }
    let subject = span(doc, subject_start, cue_start - 1);
    let rest = span(doc, participle + 1, end - 1);
    match (
        kind_of(quotes, subject.0, subject.1),
        kind_of(quotes, rest.0, rest.1),
    ) {
        (Some(k1), Some(k2)) => vec![
            unsourced_quote(subject, k1, cue),
            unsourced_quote(rest, k2, cue),
        ],
        _ => Vec::new(),
    }
}

/// Where the subject of a verb at word `verb` starts: after the punctuation or conjunction before
/// it, or at a relative pronoun, which stands for it ("voters who are expected to", "sets out
/// what is seen as"), at most
/// twelve words back.
fn subject_start(doc: &Doc<'_>, s_start: usize, verb: usize) -> usize {
    let mut k = verb;
    while k > s_start && verb - k < 12 {
        let word = doc.words[k - 1].text;
        if matches!(word, "who" | "that" | "which" | "what") {
            return k - 1;
        }
        if doc.words[k - 1].punct
            || matches!(
                word.to_ascii_lowercase().as_str(),
                "but"
                    | "and"
                    | "or"
                    | "though"
                    | "although"
                    | "while"
                    | "because"
                    | "as"
                    | "if"
                    | "when"
                    | "since"
                    | "whereas"
            )
        {
            break;
        }
        k -= 1;
    }
    k
}

/// The word "asked" when it opens the sentence starting at word `s_start` ("Asked whether ...",
/// "When asked about ..."): what comes before the next comma is a question put, not a statement.
pub fn question_opening(doc: &Doc<'_>, s_start: usize) -> Option<usize> {
    match doc.words.get(s_start)?.text {
        "Asked" => Some(s_start),
        "When"
            if doc
                .words
                .get(s_start + 1)
                .is_some_and(|w| w.text == "asked") =>
        {
            Some(s_start + 1)
        }
        _ => None,
    }
}

/// Words that open the question after "asked (by X)": "whether", "about", "what", ...
fn opens_question(word: &str) -> bool {
    matches!(
        word,
        "whether"
            | "if"
            | "about"
            | "what"
            | "why"
            | "how"
            | "who"
            | "whom"
            | "which"
            | "when"
            | "where"
            | "to"
            | "for"
    )
}

/// `Asked [by X] QUESTION, ...` or `When asked ..., ...` opening the sentence: the question is what
/// was asked, up to the comma; its asker is X when named.
fn question_put(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
) -> Option<Quote> {
    let asked = question_opening(doc, s_start)?;
    let comma = (asked + 1..content_end)
        .find(|&k| doc.words[k].text == "," && !inside_quotes(quotes, doc.words[k].start))?;
    let mut start = asked + 1;
    let mut asker = None;
    if doc.words[start].text == "by" {
        // "Asked by Stephanopoulos to respond ...": the asker runs up to the question.
        let question = (start + 1..comma).find(|&k| opens_question(doc.words[k].text))?;
        asker = speaker::after(doc, start, question);
        start = question;
    }
    if start >= comma {
        return None;
    }
    let bytes = span(doc, start, comma - 1);
    let kind = kind_of(quotes, bytes.0, bytes.1)?;
    Some(Quote {
        speaker: asker,
        ..unsourced_quote(bytes, kind, span(doc, asked, asked))
    })
}
