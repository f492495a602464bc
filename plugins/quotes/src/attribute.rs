//! Attributions: who said each quoted span, and the reported speech of sentences without quotation
//! marks ("X said (that) ...", "X told Y that ...", "..., X reported.", "according to X, ...").
//! A quotation that continues a clause ("called the system “rotten to the core”") is read with the
//! clause; a title in quotation marks ("on CNN’s “Fareed Zakaria GPS,”") is no quote.

use crate::doc::Doc;
use crate::lexicon;
use crate::marks::Quoted;
use crate::speaker::{self, Speaker};
use byline_ner::lexicon::weekday_number;

/// The three kinds of quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// A reported clause.
    Indirect,
    /// A reported clause with a quoted fragment in it.
    Mixed,
}

impl QuoteKind {
    /// The kind of a content `quoted` of whose `total` units (bytes or words, quotation marks not
    /// counted) lie inside quotation marks: direct from four fifths, mixed when some do, indirect
    /// when none (or when it has no units at all).
    pub fn of_share(quoted: usize, total: usize) -> QuoteKind {
        if total > 0 && quoted * 5 >= total * 4 {
            QuoteKind::Direct
        } else if quoted > 0 {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        }
    }

    /// The name used in records.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// One attribution.
#[derive(Clone, Debug)]
pub struct Quote {
    /// Content start (bytes).
    pub start: usize,
    /// Content end (bytes).
    pub end: usize,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The speaker, if found.
    pub speaker: Option<Speaker>,
    /// The reporting verb's word span (bytes).
    pub cue: Option<(usize, usize)>,
    /// Who it was said to ("told the Global Times").
    pub addressee: Option<(usize, usize)>,
    /// Whose report carries it ("..., the Xinhua News Agency reported").
    pub via: Option<Speaker>,
    /// How sure the rules are, in (0, 1].
    pub confidence: f32,
}

impl Quote {
    /// A reported quote: content at bytes `start..end`, said by `speaker` through the cue at
    /// bytes `cue`, with no addressee and no second-hand source.
    pub fn reported(
        (start, end): (usize, usize),
        kind: QuoteKind,
        speaker: Option<Speaker>,
        cue: (usize, usize),
        confidence: f32,
    ) -> Quote {
        Quote {
            start,
            end,
            kind,
            speaker,
            cue: Some(cue),
            addressee: None,
            via: None,
            confidence,
        }
    }
}

/// A reporting verb at word `i`, with the words it needs after it ("pointed out"); returns the last
/// word of the cue.
fn cue_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    cue_near(doc, i, false)
}

/// Like [`cue_at`]; next to a quotation (`near_quote`) more verbs count and "continued" needs no
/// particle.
fn cue_near(doc: &Doc<'_>, i: usize, near_quote: bool) -> Option<usize> {
    let word = doc.words.get(i)?;
    if near_quote && let Some(end) = statement_issued(doc, i) {
        return Some(end);
    }
    // Verbs are lower case inside a sentence ("the United States" is no cue).
    let sentence_start = doc
        .sentences
        .get(doc.sentence_of[i])
        .is_some_and(|s| s.0 == i);
    let known = if near_quote {
        lexicon::is_quote_cue(word.text)
    } else {
        lexicon::is_cue(word.text)
    };
    if !known || !sentence_start && word.text.starts_with(char::is_uppercase) {
        return None;
    }
    if lexicon::is_noun_like(word.text) && !after_clear_subject(doc, i) {
        return None;
    }
    if is_show_noun(doc, i) || is_naming(doc, i) || is_compound_noun(doc, i) {
        return None;
    }
    // After a possessive the word is a noun or an adjective; next to a quotation too when a
    // word it qualifies follows ("the No campaign's alleged political allegiances. “...”").
    if after_possessive(doc, i)
        && (!near_quote
            || doc.words.get(i + 1).is_some_and(|w| {
                w.text.starts_with(char::is_lowercase) && !lexicon::is_function_word(w.text)
            }))
    {
        return None;
    }
    // A passive reports no speech of its subject ("if he is charged", "a Marine was found guilty",
    // "is widely supported by"), but for "was quoted as saying" next to a quotation, and its
    // agent's there ("was described by Jobs as “...”").
    if is_passive(doc, i)
        && !(near_quote && (word.text == "quoted" || speaker::agent_after(doc, i).is_some()))
    {
        return None;
    }
    // "Labour accused of broken pledge", "a man accused of fraud": "accused" names whom it
    // accuses before "of", so straight before it the verb is a passive, but after a pronoun
    // ("the field who he accused of ...").
    if word.text == "accused"
        && doc.words.get(i + 1).is_some_and(|w| w.text == "of")
        && !(i > 0 && lexicon::pronoun(doc.words[i - 1].text).is_some())
    {
        return None;
    }
    // "The Global Times has learned (that) ...": a newsroom's finding.
    let has_learned =
        word.text == "learned" && i > 0 && matches!(doc.words[i - 1].text, "has" | "have" | "had");
    match lexicon::required_followers(word.text, near_quote).filter(|_| !has_learned) {
        None => Some(i),
        Some((followers, role)) => {
            let next = doc.words.get(i + 1)?;
            let in_cue = role != lexicon::FollowerRole::Opener;
            followers
                .contains(&next.text)
                .then_some(if in_cue { i + 1 } else { i })
        }
    }
}

/// Whether the verb's base form at word `i` is a noun by agreement: after a participle ("Falling
/// demand and a lower tax take", "rising demand") or after "a" and one word ("a workforce
/// decline"), a verb would take "-s"; after a preposition ("killing off demand") it is its object.
fn is_compound_noun(doc: &Doc<'_>, i: usize) -> bool {
    let word = doc.words[i].text;
    let base = (!word.ends_with('s') || word.ends_with("ss"))
        && !word.ends_with("ed")
        && !word.ends_with("ing")
        && !matches!(
            word,
            "said" | "told" | "thought" | "wrote" | "spoke" | "knew" | "felt" | "saw" | "heard"
        );
    let Some(prev) = i.checked_sub(1).map(|k| doc.words[k].text) else {
        return false;
    };
    // A name may end so ("Richards and Yelling agree").
    let participle = prev.len() > 5
        && prev.ends_with("ing")
        && prev.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && doc.mention_ending_at(i - 1).is_none();
    let after_a_noun = i >= 2
        && matches!(doc.words[i - 2].text, "a" | "an" | "A" | "An")
        && prev.starts_with(char::is_lowercase)
        && prev.chars().all(char::is_alphabetic)
        && !prev.ends_with('s');
    // "without killing off demand", "the fall in demand": a preposition takes a noun.
    let after_a_preposition = matches!(
        prev,
        "of" | "for" | "off" | "in" | "on" | "at" | "with" | "from" | "about" | "against"
    );
    base && (participle || after_a_noun || after_a_preposition)
}

/// "issued a statement", "released the following statement", "posted a tweet": a verb of
/// publishing at word `i` and, within three words, what was published; returns the noun's index.
fn statement_issued(doc: &Doc<'_>, i: usize) -> Option<usize> {
    if !matches!(
        doc.words[i].text,
        "issued" | "released" | "posted" | "published" | "sent" | "put"
    ) {
        return None;
    }
    (i + 1..doc.words.len().min(i + 4)).find(|&k| {
        matches!(
            doc.words[k].text,
            "statement" | "tweet" | "post" | "message" | "note" | "email" | "e-mail"
        )
    })
}

/// Whether "called" or "named" at word `i` names a thing ("a documentary called 'No More Mr
/// Nasty'", "handheld computers called E-slates"): a common noun before it, a name or a quotation
/// after. In PolNeAR's training articles such uses were cues 9 times in 49.
fn is_naming(doc: &Doc<'_>, i: usize) -> bool {
    if !matches!(doc.words[i].text, "called" | "named") || i == 0 {
        return false;
    }
    let before = doc.words[i - 1].text;
    let noun_before = before.starts_with(char::is_lowercase)
        && !doc.words[i - 1].punct
        && lexicon::pronoun(before).is_none()
        && !lexicon::is_between(before)
        && !matches!(before, "who" | "which" | "that" | "and" | "but" | "it");
    let name_after = doc.words.get(i + 1).is_some_and(|w| {
        w.text.starts_with(char::is_uppercase) || crate::marks::is_opening_mark(w.text)
    });
    noun_before && name_after
}

/// Whether "show" or "shows" at word `i` is the noun ("the talk show", "TV shows", "shows in
/// London", "the show host"): in PolNeAR's training articles, after a determiner or before a
/// preposition or conjunction it was a cue 3 times in 94. At a sentence's end it reports ("...,
/// official figures show.").
fn is_show_noun(doc: &Doc<'_>, i: usize) -> bool {
    if !matches!(doc.words[i].text, "show" | "shows") {
        return false;
    }
    let before = i
        .checked_sub(1)
        .map(|k| doc.words[k].text.to_ascii_lowercase());
    let after = doc.words.get(i + 1).map(|w| w.text);
    // "Channel 4 show Faking It", "his former Channel 4 show": a broadcaster's programme.
    let broadcaster = i > 0
        && doc.mention_ending_at(i - 1).is_some_and(|m| {
            m.label == "ORG"
                && (lexicon::is_media(&m.canonical)
                    || m.canonical.starts_with("Channel ")
                    || m.canonical.starts_with("Radio "))
        });
    broadcaster
        || before.as_deref().is_some_and(|b| {
            lexicon::is_determiner(b)
                || matches!(
                    b,
                    "tv" | "talk"
                        | "radio"
                        | "game"
                        | "chat"
                        | "news"
                        | "trade"
                        | "motor"
                        | "fashion"
                        | "road"
                        | "talent"
                        | "reality"
                        | "quiz"
                        | "comedy"
                        | "cookery"
                        | "variety"
                        | "breakfast"
                        | "awards"
                        | "music"
                        | "sketch"
                        | "stage"
                        | "art"
                        | "air"
                        | "car"
                        | "boat"
                        | "horse"
                        | "flower"
                )
        })
        || after.is_some_and(|a| {
            matches!(
                a,
                "in" | "at"
                    | "on"
                    | "and"
                    | "or"
                    | "while"
                    | "host"
                    | "hosts"
                    | "which"
                    | "is"
                    | "was"
                    | "for"
                    | "of"
                    | "to"
            )
        })
}

/// Whether word `i` follows a possessive ("Cruz's hopes", "her remarks"): a noun, not a verb.
fn after_possessive(doc: &Doc<'_>, i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|k| doc.words.get(k))
        .is_some_and(|w| {
            let lower = w.text.to_ascii_lowercase();
            matches!(
                lower.as_str(),
                "his" | "her" | "their" | "its" | "our" | "my" | "your"
            ) || lexicon::possessive_stem(&lower).is_some()
        })
}

/// Whether word `i` is a passive ("was asked about the vote", "were claimed by the Islamic
/// State"): its subject was spoken to or about, and the speaker, if named, follows "by", which
/// these rules do not read; so the verb is left alone. "was saying" is no passive.
fn is_passive(doc: &Doc<'_>, i: usize) -> bool {
    // "are also said to", "is widely seen": adverbs may stand between.
    let mut k = i;
    while k > 0 && {
        let w = doc.words[k - 1].text;
        w == "also" || w.ends_with("ly") && w.starts_with(char::is_lowercase)
    } {
        k -= 1;
    }
    let be = k
        .checked_sub(1)
        .and_then(|k| doc.words.get(k))
        .is_some_and(|w| lexicon::is_be(w.text));
    be && !doc.words[i].text.ends_with("ing")
}

/// Whether word `i` follows a clear subject: a personal pronoun, the end of a person's or an
/// organisation's name, a group noun ("officials"), or an auxiliary ("will support", "has called").
fn after_clear_subject(doc: &Doc<'_>, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| doc.words.get(k)) else {
        return false;
    };
    let lower = prev.text.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "he" | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "who"
            | "also"
            | "will"
            | "would"
            | "to"
            | "has"
            | "have"
            | "had"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "could"
            | "may"
            | "might"
            | "should"
            | "can"
    ) || lexicon::is_group(prev.text)
        || doc
            .mention_ending_at(i - 1)
            .is_some_and(|m| matches!(m.label.as_str(), "PERSON" | "ORG"))
}

/// The bytes of words `first..=last`.
pub(crate) fn span(doc: &Doc<'_>, first: usize, last: usize) -> (usize, usize) {
    (doc.words[first].start, doc.words[last].end)
}

/// Whether `word` is a form of "tell", whose object is an addressee.
fn is_tell(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "told" | "tell" | "tells" | "telling"
    )
}

/// After "told" ("tells", "telling"): the addressee, up to "that", a comma or a preposition.
fn addressee_after(doc: &Doc<'_>, cue: usize, ceiling: usize) -> Option<(usize, usize)> {
    if !is_tell(doc.words[cue].text) {
        return None;
    }
    let s = cue + 1;
    let named = doc.mention_starting_at(s).or_else(|| {
        doc.words
            .get(s)
            .filter(|w| lexicon::is_determiner(w.text))
            .and_then(|_| doc.mention_starting_at(s + 1))
    });
    if let Some(m) = named {
        let tail = doc.word_at_or_after(m.end);
        let end = medium_after_name(doc, tail, ceiling);
        let end = if end > tail {
            doc.words[end - 1].end
        } else {
            m.end
        };
        return Some((m.start, end));
    }
    // "told reporters the race was over", "told him Trump would win": without "that", a
    // determiner, a pronoun or a name after the addressee's first word opens the content, but
    // for the name a role introduces ("told host Sean Hannity a Clinton loss ...") and a phrase
    // after a preposition ("told the President of the European Parliament that ..."); "to" opens
    // what was told to do ("told the company to disguise ...").
    let after_preposition =
        |k: usize| crate::description::introduces_affiliation(doc.words[k - 1].text);
    // A name after "of the", "in a": inside the addressee's prepositional phrase.
    let after_preposition_and_article = |k: usize| {
        k - 1 > s && lexicon::is_determiner(doc.words[k - 1].text) && after_preposition(k - 1)
    };
    let opens_name = |k: usize| {
        doc.mention_starting_at(k).is_some()
            && !titles_a_name(doc.words[k - 1].text)
            && !after_preposition_and_article(k)
    };
    let opens_content = |k: usize| {
        k > s
            && !after_preposition(k)
            && (lexicon::is_determiner(doc.words[k].text)
                || lexicon::pronoun(doc.words[k].text).is_some()
                || opens_name(k)
                || doc.words[k].text == "to" && k - s <= 3)
    };
    // "he could use his dogs": a subject pronoun is no addressee, nor "of" ("tells of a
    // battle"); what was told follows.
    if lexicon::pronoun(doc.words[s].text).is_some() || doc.words[s].text == "of" {
        return None;
    }
    let mut e = s;
    while e < ceiling
        && !doc.words[e].punct
        && !opens_content(e)
        && !matches!(
            doc.words[e].text,
            "that"
                | "on"
                | "in"
                | "at"
                | "last"
                | "this"
                | "about"
                | "outside"
                | "during"
                | "after"
                | "before"
                | "near"
                | "from"
                | "with"
                | "by"
        )
    {
        e += 1;
    }
    // Where the content plainly opens, a longer addressee is whole ("told the President of the
    // European Parliament that ...").
    let longest = if e < ceiling && (opens_content(e) || doc.words[e].text == "that") {
        8
    } else {
        5
    };
    (e > s && e - s <= longest).then(|| span(doc, s, e - 1))
}

/// Nouns for the outlet, programme or occasion a name in an addressee is part of: "told the BBC
/// News website", "told the Reuters news agency", "told a Moscow court", "told a Press Gallery
/// lunch".
const MEDIUM_NOUNS: &[&str] = &[
    "news",
    "agency",
    "website",
    "site",
    "newspaper",
    "paper",
    "magazine",
    "programme",
    "program",
    "show",
    "radio",
    "television",
    "channel",
    "station",
    "service",
    "court",
    "inquiry",
    "committee",
    "hearing",
    "conference",
    "lunch",
    "dinner",
    "meeting",
    "audience",
    "summit",
    "rally",
    "convention",
    "forum",
    "seminar",
];

/// The word after the rest of an addressee that opens with a name at word `first` (exclusive;
/// `first` when nothing follows the name): nouns of the outlet or occasion it names (up to four
/// words with capitalised ones and numbers between: "BBC Radio 4 programme"), and a possessive's
/// title ("BBC Two's Newsnight", "Villa's website"). "told Reuters prices would rise" ends at the
/// name: a word that is neither ends the addressee where the last such noun did.
fn medium_after_name(doc: &Doc<'_>, first: usize, ceiling: usize) -> usize {
    // A name word: capitalised ("Today") or a number ("Radio 4").
    let names = |text: &str| {
        !text.is_empty()
            && (text.starts_with(char::is_uppercase) || text.chars().all(|c| c.is_ascii_digit()))
            && !lexicon::is_function_word(text)
    };
    let mut end = first;
    let mut after_possessive = false;
    let mut k = first;
    while k < ceiling.min(doc.words.len()) && k - first < 4 {
        let word = &doc.words[k];
        let lower = word.text.to_ascii_lowercase();
        // "'s" stands alone after the host's tokenizer; joined ("4's") it is the same.
        if lexicon::possessive_stem(word.text).is_some_and(|stem| stem.is_empty() || names(stem)) {
            after_possessive = true;
        } else if MEDIUM_NOUNS.contains(&lower.as_str()) {
            end = k + 1;
            after_possessive = false;
        } else if !word.punct && names(word.text) {
            if after_possessive {
                end = k + 1;
            }
        } else {
            break;
        }
        k += 1;
    }
    // The programme's own name after its medium, where the content plainly opens after it:
    // "told the BBC programme Go Digital how ...".
    if end > first {
        let capitalised = |k: usize| {
            doc.words
                .get(k)
                .is_some_and(|w| w.text.starts_with(char::is_uppercase) && names(w.text))
        };
        let mut j = end;
        while j < ceiling && j - end < 4 && capitalised(j) {
            j += 1;
        }
        let opens_content = |k: usize| {
            doc.words.get(k).is_some_and(|w| {
                w.punct
                    || matches!(
                        w.text,
                        "that" | "how" | "what" | "why" | "whether" | "when" | "where" | "if"
                    )
            })
        };
        if j > end && opens_content(j) {
            end = j;
        }
    }
    end
}

/// Whether a word before a name in an addressee belongs to it: a role, an outlet or a title
/// ("told host Sean Hannity", "told sports daily Marca", "told Ms Sturgeon"), or a possessive
/// ("told BBC1's Breakfast With Frost"); "told reporters Trump was ...", "told the court Mr
/// Blake ..." end before the name.
fn titles_a_name(word: &str) -> bool {
    crate::description::is_role_noun(word)
        || lexicon::is_media_noun(word)
        || lexicon::possessive_stem(word).is_some()
        // A title ("Ms Sturgeon", "Sir Edward"), not a plural ("told MPs Labour ...").
        || word.starts_with(char::is_uppercase) && (!word.ends_with('s') || word.len() <= 3)
}

/// Whether word `i` ends the attribution after a quote: "!", "?", ";", or a period that ends its
/// sentence (not the one of "(D-N.Y.)" or "R-Ky.", which the tokenizer splits off).
fn ends_attribution(doc: &Doc<'_>, i: usize) -> bool {
    match doc.words[i].text {
        "!" | "?" | ";" => true,
        "." => doc
            .sentences
            .get(doc.sentence_of[i])
            .is_none_or(|&(_, end)| end == i + 1),
        _ => false,
    }
}

/// The word right before quotation `q`'s opening mark when it is a word, not punctuation: the
/// quotation may continue that word's clause ("as “totally pro-Israel”"). Callers say in which
/// sentence the word must stand.
fn word_before_mark(doc: &Doc<'_>, q: &Quoted) -> Option<usize> {
    doc.word_before(q.open).filter(|&b| !doc.words[b].punct)
}

/// How many words of the sentence that starts at word `i` an attribution of the quote before it
/// takes, when the sentence opens with one: a speaker and a verb, then the sentence's end or an
/// adverbial ("Trump said.", "US Senator Jeff Sessions said as he launched the process."), not a
/// content of its own ("He said the team played well.", "He added, “...”").
fn attribution_sentence_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let &(start, end) = doc.sentences.get(*doc.sentence_of.get(i)?)?;
    if start != i {
        return None;
    }
    let (cue, cue_end) =
        (i..end.min(i + 7)).find_map(|k| cue_near(doc, k, true).map(|e| (k, e)))?;
    let who = speaker::before(doc, cue, i).or_else(|| speaker::after(doc, cue_end, end))?;
    // The speaker opens the sentence, a title or two before its mention ("US Senator Jeff
    // Sessions said"), not a clause ("When I began to speak, ...").
    let first = doc.word_at_or_after(who.start);
    let opens = cue == i
        || first <= i + 2
            && (i..first).all(|k| doc.words[k].text.starts_with(char::is_uppercase))
            && !SUBORDINATORS.contains(&doc.words[i].text.to_ascii_lowercase().as_str());
    let next = doc.words.get(cue_end + 1).map_or(".", |w| w.text);
    let closes = cue_end + 1 >= end
        || matches!(
            next,
            "." | "as" | "while" | "after" | "before" | "when" | "during" | "in" | "on" | "at"
        );
    (opens && closes).then_some(cue_end + 1 - i)
}

/// The text inside quotation `q`'s marks without the closing mark of a quotation nested at its
/// end, whose punctuation is the outer quotation's ("... as, ‘He’s the ringleader,’” Sexton
/// said" ends in a comma).
fn said_text<'d>(doc: &Doc<'d>, q: &Quoted) -> &'d str {
    doc.text[q.start..q.end].trim_end_matches(['’', '\''])
}

/// Attributes one quoted span: the verb and speaker right after it, before it, or none.
fn attribute_direct(doc: &Doc<'_>, q: &Quoted, quotes: &[Quoted], index: usize) -> Quote {
    let mut quote = Quote {
        start: q.start,
        end: q.end,
        kind: QuoteKind::Direct,
        speaker: None,
        cue: None,
        addressee: None,
        via: None,
        confidence: 0.5,
    };
    let para = doc.paragraph_of(q.start);
    let para_end = doc
        .paragraphs
        .get(para)
        .map_or(doc.text.len(), |p| p.end as usize);
    // After the quote: `"...," X said.` / `"...," said X.` / `"...", X said, "..."`
    let after_start = doc.word_at_or_after(q.close);
    let next_open = quotes.get(index + 1).map_or(usize::MAX, |n| n.open);
    let quote_sentence = doc.word_before(q.close).map(|w| doc.sentence_of[w]);
    // `"Why?" he asked.` may be split into two sentences; a quote closed by a period ends its
    // sentence, and the next one ("When I began to speak, ...") is no attribution of it, unless
    // that sentence opens with one (`“... missing.” Trump said.`).
    let attribution_sentence = attribution_sentence_at(doc, after_start).unwrap_or(0);
    let across_sentence_end = if said_text(doc, q).ends_with('.') {
        attribution_sentence
    } else {
        attribution_sentence.max(3)
    };
    let mut limit = after_start;
    while limit < doc.words.len()
        && limit < after_start + 30
        && (limit < after_start + across_sentence_end
            || Some(doc.sentence_of[limit]) == quote_sentence)
        && doc.words[limit].start < next_open
        && doc.words[limit].end <= para_end
        && !ends_attribution(doc, limit)
    {
        limit += 1;
    }
    // A fragment inside a clause ("uses similar “steady cam” technology found in ...") is
    // attributed after it only through the attribution's comma: `... “felt like a push poll,”
    // Heiserman said`.
    let inside_a_clause = word_before_mark(doc, q)
        .is_some_and(|b| doc.sentence_of.get(after_start) == Some(&doc.sentence_of[b]));
    let attribution_comma = said_text(doc, q).ends_with(',')
        || doc.words.get(after_start).is_some_and(|w| w.text == ",");
    let after_scan_end = if inside_a_clause && !attribution_comma {
        after_start
    } else {
        limit
    };
    for i in after_start..after_scan_end {
        if let Some(cue_end) = cue_near(doc, i, true) {
            let right_after =
                i == after_start || (i == after_start + 1 && doc.words[after_start].punct);
            // 'Trump said things “...,” referring to the convention': a participle is never
            // inverted with its speaker (what follows it is its object), and it comments on the
            // quotation rather than introducing it; the attribution is elsewhere.
            if right_after && doc.words[i].text.ends_with("ing") {
                continue;
            }
            let who = if right_after {
                lexicon::may_invert(doc.words[i].text)
                    .then(|| speaker::after(doc, cue_end, limit))
                    .flatten()
            } else {
                speaker::before(doc, i, after_start)
            };
            if who.is_none() && i > after_start + 8 {
                break;
            }
            if who.is_some() {
                quote.speaker = who;
                quote.cue = Some(span(doc, i, cue_end));
                quote.addressee = addressee_after(doc, i, limit);
                quote.confidence = 0.9;
                return quote;
            }
        }
    }
    // `“...,” an angry Hollande retaliated.`: a person and a past-tense verb the lexicon does not
    // list, closing the attribution sentence right after the quotation's comma.
    if attribution_comma
        && let Some(verb) = (after_start + 1..limit.min(after_start + 6)).find(|&j| {
            lexicon::is_past_tense(doc.words[j].text)
                && doc
                    .words
                    .get(j + 1)
                    .is_some_and(|w| matches!(w.text, "." | "," | ";"))
        })
        && let Some(who) = speaker::before(doc, verb, after_start)
            .filter(|s| matches!(s.kind, speaker::Kind::Person | speaker::Kind::Group))
        && doc.word_at_or_after(who.start) <= after_start + 2
    {
        quote.speaker = Some(who);
        quote.cue = Some(span(doc, verb, verb));
        quote.confidence = 0.7;
        return quote;
    }
    // Before the quote: `X said: "..."`, `X said, "..."`, `X told reporters "..."`; also a
    // paragraph that ends with "X wrote:" before a quoted paragraph.
    if let Some(before_end) = doc.word_before(q.open) {
        let previous_paragraph_colon = doc.words[before_end].text == ":"
            && doc.paragraph_of(doc.words[before_end].start) + 1 == para;
        let sentence = doc.sentence_of[before_end];
        let floor = doc.sentences[sentence].0.max(
            quotes
                .get(index.wrapping_sub(1))
                .filter(|_| index > 0)
                .map_or(0, |p| doc.word_at_or_after(p.close)),
        );
        let same_paragraph = doc.paragraph_of(doc.words[before_end].start) == para;
        if (same_paragraph || previous_paragraph_colon) && before_end >= floor {
            for i in (floor..=before_end).rev().take(12) {
                if let Some(cue_end) = cue_near(doc, i, true) {
                    // "..., saying, “...”": a participle's speaker is the sentence's subject,
                    // also across an earlier quotation whose comma it follows ("Trump said
                    // Romney “had a crazy policy,” adding, “...”").
                    let after_quote_comma = i == floor
                        && doc.words[i].text.ends_with("ing")
                        && index > 0
                        && said_text(doc, &quotes[index - 1]).ends_with(',');
                    let who = if participle_after_comma(doc, i, floor) || after_quote_comma {
                        speaker::subject(doc, floor, i)
                            .or_else(|| speaker::subject(doc, doc.sentences[sentence].0, i))
                    } else {
                        // "described by Sharon as “...”": a passive's agent speaks.
                        speaker::agent_after(doc, cue_end)
                            .or_else(|| speaker::before(doc, i, floor))
                            // "said Wang: “...”", but not "confirmed his global superstar
                            // status. “...”": a speaker after the verb is someone.
                            .or_else(|| {
                                speaker::after(doc, cue_end, before_end + 1)
                                    .filter(|s| s.kind != speaker::Kind::Unknown)
                            })
                            .or_else(|| {
                                // "He then adopted an accent and joked, “...”"
                                speaker::subject(doc, floor, i)
                                    .filter(|s| s.kind == speaker::Kind::Person)
                            })
                    };
                    if let Some(who) = who {
                        quote.speaker = Some(who);
                        quote.cue = Some(span(doc, i, cue_end));
                        quote.addressee = addressee_after(doc, i, before_end + 1);
                        quote.confidence = 0.85;
                        return quote;
                    }
                }
            }
        }
    }
    // `He answered, “...”`, `he laughed and said, “...”`: a person and a past-tense verb that
    // the lexicon does not list, right before the comma or colon that opens the quote.
    if let Some(mark) = doc
        .word_before(q.open)
        .filter(|&b| matches!(doc.words[b].text, "," | ":"))
        && mark > 0
        && doc.paragraph_of(doc.words[mark].start) == para
        && lexicon::is_past_tense(doc.words[mark - 1].text)
    {
        let verb = mark - 1;
        let floor = doc.sentences[doc.sentence_of[verb]].0;
        if let Some(who) = speaker::before(doc, verb, floor)
            .filter(|s| matches!(s.kind, speaker::Kind::Person | speaker::Kind::Group))
        {
            quote.speaker = Some(who);
            quote.cue = Some(span(doc, verb, verb));
            quote.confidence = 0.7;
            return quote;
        }
    }
    // `Philip Bump: “...”`, `From the report: “...”`: a name and a colon introduce the quote.
    if let Some(colon) = doc
        .word_before(q.open)
        .filter(|&c| doc.words[c].text == ":")
        && colon > 0
        && doc.paragraph_of(doc.words[colon].start) == para
    {
        let floor = doc.sentences[doc.sentence_of[colon]].0;
        // "She then addressed the supporters again: “...”": a phrase after the clause's verb is
        // its object; the clause's subject speaks.
        let who = speaker::before(doc, colon, floor).and_then(|who| {
            let first = doc.word_at_or_after(who.start);
            if first > floor && doc.words[first - 1].text.starts_with(char::is_lowercase) {
                speaker::subject(doc, floor, first).or(Some(who))
            } else if lexicon::is_quote_cue(&doc.text[who.start..who.end]) {
                // "And continued: “...”": a verb whose subject is left out; the quote goes on
                // the previous speaker's.
                None
            } else {
                Some(who)
            }
        });
        if let Some(who) = who {
            quote.speaker = Some(who);
            quote.cue = Some(span(doc, colon, colon));
            quote.confidence = 0.7;
        }
    }
    quote
}

/// The confidence of a quotation reopened in a new paragraph that takes the speaker of the part
/// the previous paragraph left open: an attribution's own confidence. Below 0.75 the tagger's
/// link of the same quotation to a cue in a later sentence outweighed it (`"... the country." The
/// book, by journalist Robert Peston, said the pair ...` gave the quotation to Peston). At 0.8, on
/// the BBC corpus, 102 quotations change speaker or cue: of 26 distinct changes read, 22 are right
/// only after it (the speaker, or the cue, of the passage's own attribution), 4 no better or worse,
/// none wrong only after it. PolNeAR's records are unchanged.
const CONTINUED_SPEECH_CONFIDENCE: f32 = 0.8;

/// All direct quotes, attributed; quotes without an attribution inherit the previous speaker when
/// they continue a quote or stand as a paragraph of their own after an attributed one.
pub fn direct_quotes(doc: &Doc<'_>, quotes: &[Quoted]) -> Vec<Quote> {
    let mut found: Vec<Quote> = Vec::with_capacity(quotes.len());
    for (k, q) in quotes.iter().enumerate() {
        let mut quote = attribute_direct(doc, q, quotes, k);
        if is_title(doc, q) {
            found.push(Quote {
                confidence: 0.0,
                ..quote
            });
            continue;
        }
        widen_to_clause(doc, quotes, q, &mut quote);
        // Only a quote that opens its sentence can continue someone's speech without a verb of its
        // own; a fragment inside a sentence is a scare quote, a title or part of a mixed quote.
        let first_inside = doc.word_at_or_after(q.start);
        let opens_sentence = doc.word_before(q.open).is_none_or(|b| {
            let ends_clause = matches!(doc.words[b].text, ":" | "." | "!" | "?");
            ends_clause || doc.sentence_of.get(first_inside) != Some(&doc.sentence_of[b])
        });
        // `"...," said X, "..."`: the previous quote's attribution stands between the two.
        let gap = (k > 0 && quotes[k - 1].close <= q.open).then(|| quotes[k - 1].close..q.open);
        let gap_text = gap.clone().map(|g| &doc.text[g]);
        let gap_words = gap_text.map_or(usize::MAX, |g| g.split_whitespace().count());
        // `"...," said Edward Leamer, an economist ..., "is that ..."`: the sentence goes on.
        let continues_sentence = gap_text.is_some_and(|g| g.trim_end().ends_with(','));
        let shares_attribution = found.last().is_some_and(|prev| {
            prev.cue.is_some_and(|(c, _)| prev.end <= c && c < q.open)
                && doc.paragraph_of(prev.start) == doc.paragraph_of(q.start)
                && (gap_words <= 12 || continues_sentence && gap_words <= 25)
        });
        // `"Your Honor," I said, "I would like ..."`: the second part is the same speech, whatever
        // verb a later sentence holds; only a cue of its own between the parts ("he said, adding,
        // "...") or right after it makes it another attribution.
        let own_cue_elsewhere = quote.cue.is_some_and(|(c, _)| {
            c >= q.close
                || gap.as_ref().is_some_and(|g| g.contains(&c))
                    && found.last().and_then(|p| p.cue).map(|p| p.0) != Some(c)
        });
        let same_speech = shares_attribution && continues_sentence && !own_cue_elsewhere;
        // `"...," McCain said, asked about it in an interview. "...": a verb in the sentence that
        // attributed the previous quote belongs to that attribution, not to this quote.
        let in_previous_attribution = found.last().is_some_and(|prev| {
            let (Some((prev_cue, _)), Some((cue, _))) = (prev.cue, quote.cue) else {
                return false;
            };
            let sentence = |byte: usize| doc.sentence_of.get(doc.word_at_or_after(byte)).copied();
            prev.end <= prev_cue
                && prev_cue < cue
                && cue < q.open
                && sentence(prev_cue) == sentence(cue)
                && sentence(cue) != sentence(q.start)
                && doc.paragraph_of(prev.start) == doc.paragraph_of(q.start)
        });
        let takes_previous_attribution =
            in_previous_attribution || same_speech || quote.speaker.is_none() && shares_attribution;
        if takes_previous_attribution && let Some(prev) = found.last() {
            quote.speaker = prev.speaker.clone();
            quote.cue = prev.cue;
            quote.addressee = prev.addressee;
            quote.confidence = 0.8;
        } else if quote.speaker.is_none() && (q.continues.is_some() || opens_sentence) {
            let earlier = q.continues.and_then(|c| found.get(c)).or_else(|| {
                found.last().filter(|prev| {
                    let gap = doc
                        .paragraph_of(q.start)
                        .saturating_sub(doc.paragraph_of(prev.start));
                    prev.speaker.is_some() && gap <= 1
                })
            });
            if let Some(prev) = earlier.filter(|p| p.speaker.is_some()) {
                quote.speaker = prev.speaker.clone();
                quote.addressee = prev.addressee;
                // Reopened in a new paragraph, the same speech by the convention of print; a
                // quotation that merely opens a sentence after another is only likely to be.
                quote.confidence = if q.continues.is_some() {
                    CONTINUED_SPEECH_CONFIDENCE
                } else {
                    0.6
                };
                // The same speech going on: one attribution with the earlier part.
                quote.cue = prev.cue;
            }
        }
        // A quote of one or two words with nobody saying it is a scare quote or a title, unless it
        // shares an attribution with the quote before it (`"...," Smith said. "We won."`).
        let words = doc.text[quote.start..quote.end].split_whitespace().count();
        if quote.speaker.is_none() && words < 4 || words < 3 && quote.confidence < 0.8 {
            found.push(Quote {
                confidence: 0.0,
                ..quote
            });
            continue;
        }
        found.push(quote);
    }
    // Chained fragments whose later part carried the attribution pass it back to the earlier
    // part, replacing one the earlier part only inherited from the quote before it.
    for k in (0..quotes.len()).rev() {
        if let Some(c) = quotes[k].continues
            && (found[c].speaker.is_none() || found[c].confidence <= 0.6)
            && found[k].speaker.is_some()
            && found[k].confidence > 0.6
        {
            found[c].speaker = found[k].speaker.clone();
            found[c].cue = found[k].cue;
            found[c].confidence = found[k].confidence;
        }
    }
    found.retain(|q| q.confidence > 0.0);
    found
}

/// Words a title leaves in lower case ("Face the Nation", "Fox & Friends").
const TITLE_SMALL_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "from", "is",
];

/// Whether a quotation inside a clause names a show, a book or a slogan rather than quoting
/// speech: "Sunday on CNN’s “Fareed Zakaria GPS,” Obama said", "in their new book “Concrete
/// Economics”". At most six words, each capitalised but the small words of titles, without a
/// sentence's final punctuation, right after a word of the same sentence.
fn is_title(doc: &Doc<'_>, q: &Quoted) -> bool {
    let inside = doc.text[q.start..q.end].trim_end_matches([',', ';', ':']);
    let words = inside.split_whitespace();
    let count = words.clone().count();
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(|c| !c.is_lowercase()) || TITLE_SMALL_WORDS.contains(&w)
    };
    (1..=6).contains(&count)
        && !inside.ends_with(['.', '!', '?'])
        && words.clone().all(capitalised)
        && word_before_mark(doc, q).is_some_and(|b| {
            doc.sentence_of.get(doc.word_at_or_after(q.start)) == Some(&doc.sentence_of[b])
                && !lexicon::is_chant_verb(doc.words[b].text)
        })
}

/// A quotation that continues a clause: "He describes himself as “totally pro-Israel”", "saying
/// Cruz was “not a real conservative”" (the cue before it: what was said starts where the cue's
/// content starts), "And the polling “felt more like a push poll,” Heiserman said" (the cue after
/// it: what was said starts with the sentence). The quote is mixed unless four fifths of it lie
/// inside the marks (PolNeAR's line between direct and mixed). A quotation after a comma, a colon
/// or a sentence's end stands on its own and is left as it is.
fn widen_to_clause(doc: &Doc<'_>, quotes: &[Quoted], q: &Quoted, quote: &mut Quote) {
    let Some((cue_start, cue_byte_end)) = quote.cue else {
        return;
    };
    let Some(before) = word_before_mark(doc, q) else {
        return;
    };
    let sentence = doc.sentence_of[before];
    let first = if cue_byte_end <= q.open {
        let Some(cue_end) = doc.word_before(cue_byte_end) else {
            return;
        };
        let other_quotation_between = quotes
            .iter()
            .any(|other| cue_byte_end <= other.open && other.open < q.open);
        if doc.sentence_of[cue_end] != sentence || before - cue_end > 25 || other_quotation_between
        {
            return;
        }
        // After a passive's agent ("described by Sharon as “...”") what was said opens past it.
        let lead = speaker::agent_after(doc, cue_end).map_or(cue_end, |agent| {
            let after = doc.word_at_or_after(agent.end);
            if doc.words.get(after).is_some_and(|w| w.text == "as") {
                after
            } else {
                after - 1
            }
        });
        content_start(doc, lead, quote.addressee, before + 1)
    } else if cue_start >= q.close {
        let opening = doc.sentences[sentence].0;
        let cue_sentence = doc.sentence_of.get(doc.word_at_or_after(cue_start));
        // A verb of speech before the quotation ("Kasich cautioned “...”") makes it no
        // continuation of the sentence's subject.
        let cue_before = (opening..before).any(|k| lexicon::is_quote_cue(doc.words[k].text));
        // The attribution right after the quotation (`," Heiserman said`), not a later clause's.
        let cue_right_after = doc.word_at_or_after(cue_start) <= doc.word_at_or_after(q.close) + 6;
        if cue_sentence != Some(&sentence)
            || before - opening > 25
            || cue_before
            || !cue_right_after
        {
            return;
        }
        opening
    } else {
        return;
    };
    if first > before {
        return;
    }
    quote.start = doc.words[first].start;
    quote.kind = kind_of(quotes, quote.start, quote.end).unwrap_or(QuoteKind::Direct);
    if q.closed {
        // A widened quote holds its quotation whole, closing mark included (its opening mark is
        // inside it).
        quote.end = q.close;
    }
}

/// Whether the sentence of words `first..end` opens with an attribution in the writer's voice: a
/// third-person subject (a capitalised name or "He", "She", "They", "It") of at most four words,
/// then a reporting verb ("Mr Hopkins said that", "Qwest said on Wednesday", "He added:").
pub(crate) fn opens_with_attribution(doc: &Doc<'_>, first: usize, end: usize) -> bool {
    let words = &doc.words[first..end.min(doc.words.len())];
    let Some(verb) = words.iter().take(5).position(|w| lexicon::is_cue(w.text)) else {
        return false;
    };
    let subject = &words[..verb];
    match subject {
        [] => false,
        [one] if matches!(one.text, "He" | "She" | "They" | "It") => true,
        _ => subject.iter().all(|w| {
            w.text.starts_with(char::is_uppercase) && !w.punct && !matches!(w.text, "I" | "We")
        }),
    }
}

pub(crate) fn inside_quotes(quotes: &[Quoted], at: usize) -> bool {
    quotes.iter().any(|q| q.open <= at && at < q.close)
}

fn is_final_punct(text: &str) -> bool {
    matches!(text, "." | "!" | "?" | "..." | "\"" | "”" | "’" | "'")
}

/// Reported speech in sentences: the rules of the module docs. `quotes` are the quoted spans, so
/// that a clause containing one becomes a mixed quote and a clause that is one is left to
/// [`direct_quotes`].
pub fn reported_speech(doc: &Doc<'_>, quotes: &[Quoted]) -> Vec<Quote> {
    let mut found = Vec::new();
    for &(s_start, s_end) in &doc.sentences {
        if s_end <= s_start {
            continue;
        }
        let mut content_end = s_end;
        while content_end > s_start && is_final_punct(doc.words[content_end - 1].text) {
            content_end -= 1;
        }
        found.extend(crate::unsourced::unsourced(
            doc,
            quotes,
            s_start,
            content_end,
        ));
        // The rules below but "according to" need a reporting verb: most sentences have none,
        // and one scan tells.
        let first_cue =
            (s_start..content_end).find_map(|k| cue_at(doc, k).map(|cue_end| (k, cue_end)));
        if first_cue.is_some()
            && let Some(q) = sentence_final(doc, quotes, s_start, content_end)
        {
            found.push(q);
            continue;
        }
        if let Some(q) = according_to(doc, quotes, s_start, content_end) {
            found.push(q);
            continue;
        }
        let Some(first_cue) = first_cue else {
            continue;
        };
        if let Some(parts) = parenthetical(doc, quotes, s_start, content_end, first_cue) {
            found.extend(parts);
            continue;
        }
        found.extend(subject_cue_clauses(
            doc,
            quotes,
            s_start,
            content_end,
            first_cue.0,
        ));
    }
    found
}

/// Direct (`None`: left to [`direct_quotes`]) when four fifths of the clause at bytes
/// `start..end` lie inside quotation marks, mixed when some of it does, indirect otherwise. The
/// marks themselves count on neither side: a short quote in curly marks ("“Denver,”") is all
/// quotation, though its marks take as many bytes as its words.
pub(crate) fn kind_of(quotes: &[Quoted], start: usize, end: usize) -> Option<QuoteKind> {
    let overlap = |a: usize, b: usize| b.min(end).saturating_sub(a.max(start));
    let quoted: usize = quotes.iter().map(|q| overlap(q.start, q.end)).sum();
    let marks: usize = quotes
        .iter()
        .map(|q| overlap(q.open, q.start) + overlap(q.end, q.close))
        .sum();
    let total = (end - start).saturating_sub(marks).max(1);
    match QuoteKind::of_share(quoted, total) {
        QuoteKind::Direct => None, // it is a direct quote: handled there
        kind => Some(kind),
    }
}

/// Words that open a subordinate clause at the start of a sentence: in "As X announces that A, B"
/// the content A ends at the comma that closes the clause.
const SUBORDINATORS: &[&str] = &[
    "as", "while", "when", "although", "though", "because", "if", "since", "after", "before",
    "whereas", "once", "until", "unless",
];

/// Words after a comma that begin the writer's own clause rather than more of what was said: a
/// comment on the content (", which ..."), or a contrast (", but ...", ", while ...").
const CONTENT_ENDERS: &[&str] = &["which", "but", "while", "although", "though", "despite"];

/// Where the content that starts at word `c` ends (exclusive), and the participle that opens the
/// next attribution, if that is what ends it: the sentence's end, a ", saying ..." participle, or,
/// when the cue sits in an opening subordinate clause, that clause's closing comma.
pub(crate) fn content_bounds(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    c: usize,
    content_end: usize,
    in_subordinate: bool,
) -> (usize, Option<usize>) {
    for k in c..content_end {
        // "... praised Clinton as the most qualified person ever and said his former secretary
        // of State would finish the job", "acknowledged the candidate misspoke but noted that
        // ...": a second verb of speech for the same subject.
        if matches!(doc.words[k].text, "and" | "but")
            && k > c
            && doc
                .words
                .get(k + 1)
                .filter(|_| k + 1 < content_end)
                .is_some_and(|w| lexicon::is_cue(w.text) && lexicon::is_past_tense(w.text))
            && !inside_quotes(quotes, doc.words[k].start)
        {
            let end = if doc.words[k - 1].text == "," && k > c + 1 {
                k - 1
            } else {
                k
            };
            return (end, Some(k + 1));
        }
        // 'Trump said things “should be wrapped up by Cleveland,” referring to ...': the comma
        // inside a closing mark ends the content as one outside it does (the mark included).
        if doc.words[k].text == ","
            && k + 1 < content_end
            && matches!(doc.words[k + 1].text, "”" | "\"" | "''")
            && quotes.iter().any(|q| q.close == doc.words[k + 1].end)
            && doc
                .words
                .get(k + 2)
                .filter(|_| k + 2 < content_end)
                .is_some_and(|w| lexicon::is_participle_cue(w.text))
        {
            return (k + 2, Some(k + 2));
        }
        if doc.words[k].text != "," || inside_quotes(quotes, doc.words[k].start) {
            continue;
        }
        let next = doc.words.get(k + 1).filter(|_| k + 1 < content_end);
        if let Some(next) = next
            && lexicon::is_participle_cue(next.text)
        {
            return (k, Some(k + 1));
        }
        if in_subordinate && k >= c + 3 {
            return (k, None);
        }
        // "by announcing Mr Smith's departure, Mr Johnson said ...": the main clause's own
        // attribution.
        if k > c && attribution_after_comma(doc, k, content_end) {
            return (k, None);
        }
        // ", which ...", ", but ...": the writer's own clause, not part of what was said; but a
        // relative clause set off inside the content's subject goes on to its verb ("said that
        // reopening the line, which could cost £100m, would be a boost").
        if next.is_some_and(|n| CONTENT_ENDERS.contains(&n.text))
            && k > c
            && !relative_clause_inside(doc, c, k, content_end)
        {
            return (k, None);
        }
    }
    (content_end, None)
}

/// Whether the comma at word `k` opens ", which ..." closed by a comma within fifteen words and
/// followed by an auxiliary or modal, after a content (from word `c`) with no infinitive yet: the
/// relative clause sits inside a subject whose verb follows ("urged the administration to raise
/// the cutoff, which, in real terms, would be ..." is the writer's).
fn relative_clause_inside(doc: &Doc<'_>, c: usize, k: usize, content_end: usize) -> bool {
    doc.words.get(k + 1).is_some_and(|w| w.text == "which")
        && !doc.words[c..k].iter().any(|w| w.text == "to")
        && (k + 3..content_end.min(k + 17))
            .find(|&j| doc.words[j].text == ",")
            .and_then(|j| doc.words.get(j + 1).filter(|_| j + 1 < content_end))
            .is_some_and(|w| lexicon::is_auxiliary(w.text))
}

/// `SPEAKER CUE [addressee] [adverbials] [that] CONTENT`, and the attributions chained to it by a
/// participle (`..., saying that CONTENT`), from the first such cue in the sentence.
fn subject_cue_clause(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
) -> Option<Quote> {
    subject_cue_clauses(doc, quotes, s_start, content_end, s_start)
        .into_iter()
        .next()
}

/// All the attributions of [`subject_cue_clause`] in a sentence, in order.
/// `first_cue` is where to start looking (no cue comes before it).
fn subject_cue_clauses(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
    first_cue: usize,
) -> Vec<Quote> {
    let mut found = Vec::new();
    let opens_subordinate = doc
        .words
        .get(s_start)
        .is_some_and(|w| SUBORDINATORS.contains(&w.text.to_ascii_lowercase().as_str()));
    let first_comma = (s_start..content_end).find(|&k| doc.words[k].text == ",");
    // After an attribution inside an opening subordinate clause, the main clause may hold one of
    // its own ("While the donor didn't disclose his backing, he did say he found Trump ...").
    let mut resume_at = first_cue;
    // The speaker of a verb whose words after it were no content ("“...,” he said of the group,
    // adding ..."): a participle after it goes on for that speaker.
    let mut spoke: Option<speaker::Speaker> = None;
    for i in s_start..content_end {
        if i < resume_at {
            continue;
        }
        // The cue first: it is a hash lookup, the quotes a scan.
        let Some(cue_end) = cue_at(doc, i) else {
            continue;
        };
        if inside_quotes(quotes, doc.words[i].start) {
            continue;
        }
        // "“...”, said Mr Brown." (the comma after the closing mark) is the quotation's own
        // attribution, `direct_quotes`' to report: what follows the verb is its speaker ('The
        // ad, titled "Unifier?", concludes that ...' has none there, and goes on).
        if closes_quotation_before(doc, quotes, i)
            && let Some(after) = speaker::after(doc, cue_end, content_end)
                .filter(|s| s.kind != speaker::Kind::Unknown)
        {
            spoke = Some(after);
            continue;
        }
        // "Sanders visited the show to discuss his rival, saying that ...": a participle after a
        // comma speaks for the sentence's subject, not for the phrase before the comma.
        // "Emineth became a delegate and said ...", "Clinton has disputed both critiques, but
        // says that ...": a second verb of the sentence's subject.
        let coordinated = i > s_start && matches!(doc.words[i - 1].text, "and" | "but");
        let comma_participle = participle_after_comma(doc, i, s_start);
        let who = if comma_participle && spoke.is_some() {
            spoke.clone()
        } else if comma_participle {
            let clause = participle_clause_start(doc, s_start, i);
            passive_agent(doc, clause, i - 1).or_else(|| speaker::subject(doc, clause, i))
        } else if coordinated {
            speaker::subject(doc, s_start, i)
        } else {
            speaker::before(doc, i, s_start)
        };
        let Some(who) = who else {
            // "“...,” said Skelly, explaining he worked ...": an inverted speaker goes on in a
            // participle after it.
            if let Some(after) = speaker::after(doc, cue_end, content_end)
                .filter(|s| s.kind != speaker::Kind::Unknown)
            {
                spoke = Some(after);
            }
            continue;
        };
        let in_subordinate = opens_subordinate && first_comma.is_none_or(|comma| i < comma);
        let mut clause = clause_from_cue(
            doc,
            quotes,
            i,
            cue_end,
            who.clone(),
            content_end,
            in_subordinate,
        );
        if matches!(clause, Clause::TooShort) {
            spoke = Some(who);
            continue;
        }
        // A direct-quote content is `direct_quotes`' to report. After a found clause,
        // ", saying that ...": the same speaker goes on, with a cue of its own.
        while let Clause::Found(quote, participle) = clause {
            found.push(quote);
            let Some(p) = participle else {
                break;
            };
            clause = clause_from_cue(doc, quotes, p, p, who.clone(), content_end, false);
        }
        match first_comma {
            Some(comma) if in_subordinate => resume_at = comma + 1,
            _ => {
                // The content ended where the main clause's attribution begins: read it too.
                let ended = found.last().map(|q: &Quote| doc.word_at_or_after(q.end));
                match ended.filter(|&k| attribution_after_comma(doc, k, content_end)) {
                    Some(comma) if comma + 1 > i => resume_at = comma + 1,
                    _ => break,
                }
            }
        }
    }
    found
}

/// What follows a cue.
enum Clause {
    /// An attribution, and the participle that opens the next one, if any.
    Found(Quote, Option<usize>),
    /// No content after the cue.
    TooShort,
    /// The content is a direct quote.
    Direct,
}

/// The attribution whose cue spans words `cue..=cue_end`, said by `who`: its content runs from
/// after the cue (an addressee, adverbials and "that" skipped) to [`content_bounds`].
fn clause_from_cue(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    cue: usize,
    cue_end: usize,
    who: speaker::Speaker,
    content_end: usize,
    in_subordinate: bool,
) -> Clause {
    let addressee = addressee_after(doc, cue, content_end);
    let c = content_start(doc, cue_end, addressee, content_end);
    // "“We do not pay candidates,” Zucker said during a discussion with ...": after the quotation
    // it attributes, the verb is followed by where, when or how it was said, not by more.
    if opens_adjunct(doc, c, content_end) && follows_its_quotation(doc, quotes, cue) {
        return Clause::TooShort;
    }
    // So is a content found past such a phrase, after a quotation that ends its speech with its
    // punctuation ("“... competent MPs,” Martin Bell insisted on BBC Radio 4's Today programme" is
    // no content "4's Today programme"; 'Liberty said it was "delighted" but called on the
    // government to release ...' is).
    let past_adjunct = c > cue_end + 1
        && opens_adjunct(doc, cue_end + 1, content_end)
        && !(cue_end + 1..c).any(|k| matches!(doc.words[k].text, "that" | ":"));
    if past_adjunct && follows_its_speech(doc, quotes, cue) {
        return Clause::TooShort;
    }
    // "McCain said, asked about the delay ...": a participle after the comma says in what
    // circumstances, not what was said.
    if c > cue_end + 1
        && doc.words[c - 1].text == ","
        && doc.words.get(c).is_some_and(|w| {
            matches!(
                w.text,
                "asked" | "referring" | "speaking" | "responding" | "answering" | "pressed"
            )
        })
    {
        return Clause::TooShort;
    }
    // "Housing plans criticised by MPs", "Scam mails declined by 40%": "by" right after the verb
    // names its agent or an amount, not what was said ("concluded by saying ..." does say).
    if c == cue_end + 1
        && c < content_end
        && doc.words[c].text == "by"
        && doc
            .words
            .get(c + 1)
            .is_none_or(|w| !w.text.ends_with("ing"))
    {
        return Clause::TooShort;
    }
    // "Brent crude rose, adding $1.89 to $48.62": an amount added is no statement.
    if doc.words[cue].text.starts_with("add")
        && doc.words.get(c).is_some_and(|w| {
            w.text
                .starts_with(|ch: char| ch.is_ascii_digit() || matches!(ch, '$' | '£' | '€'))
        })
    {
        return Clause::TooShort;
    }
    // "Clinton, who announced a $275 billion plan on Monday, plans to ...": in a relative
    // clause set off by commas, the content ends with the clause.
    let in_relative = cue >= 2
        && matches!(doc.words[cue - 1].text, "who" | "which")
        && doc.words[cue - 2].text == ",";
    let (mut end, participle) =
        content_bounds(doc, quotes, c, content_end, in_subordinate || in_relative);
    // "calling Mexican border-crossers “rapists” and criminals and threatening to cut off ...":
    // a participle's content ends where a second participle is coordinated with it.
    if doc.words[cue].text.ends_with("ing")
        && let Some(and) = (c + 1..end.saturating_sub(1)).find(|&k| {
            let next = if lexicon::is_between(doc.words[k + 1].text) && k + 2 < end {
                // "and pointedly saying"
                doc.words[k + 2].text
            } else {
                doc.words[k + 1].text
            };
            doc.words[k].text == "and"
                && next.ends_with("ing")
                && next.len() > 5
                && !inside_quotes(quotes, doc.words[k].start)
        })
    {
        end = if doc.words[and - 1].text == "," {
            and - 1
        } else {
            and
        };
    }
    // PolNeAR's contents may be a single word ("said so", "denied it"), but not a date alone
    // ("Schumer said Tuesday.").
    let only_a_date = doc
        .date_starting_at(c)
        .is_some_and(|m| doc.word_at_or_after(m.end) >= end);
    if end <= c || only_a_date {
        return Clause::TooShort;
    }
    let (start, mut end) = span(doc, c, end - 1);
    // 'Murphy said the Trump "train may have left the station. I don't want ..."': a quotation
    // that opens in the content and goes on past the sentence's end is part of it, whole.
    if let Some(q) = quotes
        .iter()
        .find(|q| start <= q.open && q.open < end && end < q.end && q.closed)
    {
        end = q.close;
    }
    let Some(kind) = kind_of(quotes, start, end) else {
        return Clause::Direct;
    };
    let quote = Quote {
        addressee,
        ..Quote::reported((start, end), kind, Some(who), span(doc, cue, cue_end), 0.7)
    };
    Clause::Found(quote, participle)
}

/// Words that open a phrase saying where, when or how something was said ("during a
/// discussion", "at a rally", "with a grin", "shortly after the ruling").
const ADJUNCT_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "of",
    "to",
    "for",
    "with",
    "during",
    "after",
    "before",
    "over",
    "without",
    "as",
    "by",
    "from",
    "while",
    "when",
    "about",
    "into",
    "through",
    "via",
    "near",
    "under",
    "following",
    "later",
    "earlier",
    "shortly",
    "late",
    "last",
    "this",
    "early",
    "again",
    "then",
    "afterward",
    "afterwards",
    "today",
    "yesterday",
    "tonight",
];

/// Whether the content starting at word `c` (before `end`) opens with a phrase of where, when or
/// how ([`ADJUNCT_OPENERS`], or an adverb in -ly: "sarcastically"), unless it is a clause of
/// circumstance that PolNeAR counts as what was said ("while arguing the U.S. should ...", "when
/// asked if he still believes ...").
fn opens_adjunct(doc: &Doc<'_>, c: usize, end: usize) -> bool {
    let Some(word) = doc.words.get(c).filter(|_| c < end) else {
        return false;
    };
    let lower = word.text.to_ascii_lowercase();
    let circumstance = matches!(lower.as_str(), "while" | "when")
        && doc
            .words
            .get(c + 1)
            .is_some_and(|w| w.text.ends_with("ing") || w.text == "asked");
    !circumstance
        && (ADJUNCT_OPENERS.contains(&lower.as_str())
            || (lower.ends_with("ly") && lower.len() > 4 && c + 1 >= end))
}

/// The quotation the cue at word `cue` attributes when it closes just before its speaker in the
/// same sentence ("“...,” Zucker said"): at most six words between the closing mark and the cue.
fn quotation_attributed_by<'q>(
    doc: &Doc<'_>,
    quotes: &'q [Quoted],
    cue: usize,
) -> Option<&'q Quoted> {
    let cue_start = doc.words[cue].start;
    let sentence = doc.sentence_of[cue];
    quotes
        .iter()
        .rev()
        .find(|q| q.close <= cue_start)
        .filter(|q| {
            let after = doc.word_at_or_after(q.close);
            let same_sentence = doc
                .word_before(q.close)
                .is_some_and(|w| doc.sentence_of[w] == sentence)
                || after == doc.sentences[sentence].0;
            same_sentence && cue >= after && cue - after <= 6
        })
}

/// Whether the cue at word `cue` attributes a quotation ([`quotation_attributed_by`]).
fn follows_its_quotation(doc: &Doc<'_>, quotes: &[Quoted], cue: usize) -> bool {
    quotation_attributed_by(doc, quotes, cue).is_some()
}

/// Whether the cue at word `cue` attributes a quotation that ends with the punctuation of speech
/// (`“...,” he said`, `“...?” she asked`), not a word quoted inside a clause (`said it was
/// “delighted” but called on ...`).
fn follows_its_speech(doc: &Doc<'_>, quotes: &[Quoted], cue: usize) -> bool {
    quotation_attributed_by(doc, quotes, cue).is_some_and(|q| {
        doc.text[q.start..q.end]
            .trim_end()
            .ends_with([',', '.', '?', '!'])
    })
}

/// The first word of what a cue ending at word `cue_end` reports, searching no further than
/// `limit`: after the addressee, if any, then after "that" within seven words ("told reporters on
/// Wednesday that"), or else after a comma or colon and adverbials ("on Tuesday", "in a statement").
fn content_start(
    doc: &Doc<'_>,
    cue_end: usize,
    addressee: Option<(usize, usize)>,
    limit: usize,
) -> usize {
    let mut c = addressee.map_or(cue_end + 1, |(_, a_end)| doc.word_at_or_after(a_end));
    // After an addressee, where and when it was told may take longer ("telling customers at a
    // popular Manchester, New Hampshire, breakfast spot that").
    let reach = if addressee.is_some() { 12 } else { 7 };
    if let Some(that) =
        (c..limit.min(c + reach)).find(|&k| doc.words[k].text.eq_ignore_ascii_case("that"))
    {
        return that + 1;
    }
    while c < limit
        && (matches!(doc.words[c].text, "," | ":") || lexicon::is_dash(doc.words[c].text))
    {
        c += 1;
    }
    skip_adverbials(doc, c, limit)
}

/// Nouns that end a "how it was said" phrase: "in a statement", "on Twitter".
const MEDIUMS: &[&str] = &[
    "statement",
    "interview",
    "tweet",
    "twitter",
    "facebook",
    "letter",
    "email",
    "e-mail",
    "post",
    "speech",
    "video",
    "report",
    "release",
    "briefing",
    "conference",
    "call",
    "radio",
    "television",
];

/// Skips adverbials between a verb and its content: "on Tuesday", "last week", "in a statement".
pub(crate) fn skip_adverbials(doc: &Doc<'_>, mut c: usize, end: usize) -> usize {
    loop {
        let Some(word) = doc.words.get(c).filter(|_| c < end) else {
            return c;
        };
        // A bare date or weekday ("said Tuesday the economy ...", "said Wednesday afternoon"),
        // not a possessor ("said Thursday's report reinforced stability").
        if let Some(m) = doc.date_starting_at(c) {
            if lexicon::opens_possessive(&doc.text[m.end..]) {
                return c;
            }
            c = doc.word_at_or_after(m.end);
            continue;
        }
        let possessed = doc
            .words
            .get(c + 1)
            .is_some_and(|w| lexicon::is_possessive_clitic(w.text));
        if weekday_number(word.text).is_some() && !possessed {
            c += 1;
            if doc
                .words
                .get(c)
                .is_some_and(|w| matches!(w.text, "morning" | "afternoon" | "evening" | "night"))
            {
                c += 1;
            }
            continue;
        }
        let lower = word.text.to_ascii_lowercase();
        if !matches!(
            lower.as_str(),
            "on" | "in" | "last" | "this" | "earlier" | "late" | "during" | "at"
        ) {
            return c;
        }
        // A date or time mention right after the preposition.
        let next = c + 1;
        if let Some(m) = doc.date_starting_at(next) {
            c = doc.word_at_or_after(m.end);
            continue;
        }
        // "on Sunday", when no date mention covers it.
        if doc
            .words
            .get(next)
            .is_some_and(|w| weekday_number(w.text).is_some())
        {
            c = next + 1;
            continue;
        }
        if matches!(lower.as_str(), "last" | "this")
            && doc.words.get(next).is_some_and(|w| {
                matches!(
                    w.text.to_ascii_lowercase().as_str(),
                    "week" | "month" | "year" | "weekend"
                )
            })
        {
            c = next + 1;
            continue;
        }
        // "in a statement", "on Twitter"
        let medium = (next..end.min(next + 4))
            .find(|&k| MEDIUMS.contains(&doc.words[k].text.to_ascii_lowercase().as_str()));
        match medium {
            Some(k) => c = k + 1,
            None => return c,
        }
    }
}

/// Whether the comma at word `k` opens an attribution of its own before `end`: a name, a pronoun
/// or a short noun phrase and a verb of speech ("..., Mr Johnson said", "..., he told reporters",
/// "..., the chancellor said", "..., but officials insisted"), a conjunction allowed before it.
fn attribution_after_comma(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    if doc.words.get(k).is_none_or(|w| w.text != ",") {
        return false;
    }
    let from = if doc.words.get(k + 1).is_some_and(|w| {
        matches!(
            w.text,
            "but" | "and" | "while" | "though" | "although" | "whereas" | "yet"
        )
    }) {
        k + 2
    } else {
        k + 1
    };
    let Some(first) = doc.words.get(from) else {
        return false;
    };
    let subject_end = if lexicon::pronoun(first.text).is_some() {
        from + 1
    } else if let Some(m) = doc
        .mention_starting_at(from)
        .filter(|m| matches!(m.label.as_str(), "PERSON" | "ORG"))
    {
        doc.word_at_or_after(m.end)
    } else if lexicon::is_people_noun(first.text) {
        from + 1
    } else if matches!(
        first.text,
        "the" | "a" | "an" | "his" | "her" | "their" | "its"
    ) {
        // "the chancellor", "the shadow home secretary": up to three words of a noun phrase.
        match (from + 1..end.min(from + 5)).find(|&j| !is_noun_phrase_word(doc.words[j].text)) {
            Some(j) if j > from + 1 => j,
            _ => return false,
        }
    } else {
        return false;
    };
    subject_end < end
        && doc.words.get(subject_end).is_some_and(|w| {
            lexicon::is_cue(w.text)
                && w.text.starts_with(char::is_lowercase)
                && (lexicon::is_past_tense(w.text) || w.text.ends_with('s'))
        })
}

/// Whether a word can stand inside a short noun phrase before its verb: letters (and hyphens or
/// an apostrophe), and no reporting verb, relative pronoun, verb "be"/"have" or degree adverb
/// ("the candidates most described as ..." is no attribution).
fn is_noun_phrase_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !lexicon::is_cue(word)
        && !lexicon::is_be(word)
        && !matches!(
            word,
            "that"
                | "who"
                | "which"
                | "whom"
                | "has"
                | "have"
                | "had"
                | "to"
                | "and"
                | "or"
                | "most"
                | "more"
                | "least"
                | "less"
                | "best"
                | "widely"
        )
}

/// Whether a quotation closes right before the comma before word `i` ("“...”, said"), or right
/// after it ("“...,” said").
fn closes_quotation_before(doc: &Doc<'_>, quotes: &[Quoted], i: usize) -> bool {
    i >= 2
        && matches!(
            (doc.words[i - 2].text, doc.words[i - 1].text),
            (_, ",") | (",", _)
        )
        && quotes
            .iter()
            .any(|q| q.close == doc.words[i - 2].end || q.close == doc.words[i - 1].end)
}

/// Where the clause of a participle at word `i` starts, for its subject: at the pronoun that is
/// the subject of a clause after ", though / although / but / while / whereas / and" ("President
/// Obama has been criticized for the term, though in a news conference he used stronger language,
/// saying ..." is said by "he"), else at the sentence's start `s_start`.
fn participle_clause_start(doc: &Doc<'_>, s_start: usize, i: usize) -> usize {
    let conjunction = (s_start + 1..i).rev().find(|&k| {
        doc.words[k - 1].text == ","
            && matches!(
                doc.words[k].text,
                "though" | "although" | "but" | "while" | "whereas" | "and"
            )
    });
    conjunction
        .and_then(|c| {
            (c + 1..i.min(c + 9)).find(|&k| lexicon::pronoun(doc.words[k].text).is_some())
        })
        .unwrap_or(s_start)
}

/// The agent of a passive that ends the clause `from..comma` ("The bill was backed by some hi-tech
/// firms, saying ..."): a participle after the comma is said by whoever did the backing, not by
/// what was backed. `None` unless the clause ends in "be + past participle + by AGENT".
fn passive_agent(doc: &Doc<'_>, from: usize, comma: usize) -> Option<speaker::Speaker> {
    let by = (from + 2..comma)
        .rev()
        .find(|&k| doc.words[k].text == "by")?;
    let passive =
        lexicon::is_past_tense(doc.words[by - 1].text) && lexicon::is_be(doc.words[by - 2].text);
    let agent = speaker::phrase_ending_at(doc, comma.checked_sub(1)?, by + 1)?;
    // The whole phrase after "by" is the agent ("backed by Labour in the vote" is no agent).
    (passive && doc.word_at_or_after(agent.start) == by + 1).then_some(agent)
}

/// Whether the cue at word `i` is a participle right after a comma, past `floor` (", saying"):
/// it speaks for the clause's subject, and it is never inverted with its speaker.
fn participle_after_comma(doc: &Doc<'_>, i: usize, floor: usize) -> bool {
    i > floor && doc.words[i].text.ends_with("ing") && doc.words[i - 1].text == ","
}

/// `CONTENT, SPEAKER CUE, CONTENT.`: an attribution set between commas inside what was said
/// ("Those who now have the right to vote, he said, must still register"). Both parts are the
/// content, as two quotes with one speaker and one cue (as the parts of a direct quote around its
/// attribution are); the words after the cue alone are not. `cue` is the sentence's first
/// reporting verb, its first and last word.
fn parenthetical(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
    (cue, cue_end): (usize, usize),
) -> Option<[Quote; 2]> {
    if inside_quotes(quotes, doc.words[cue].start) {
        return None;
    }
    let who = speaker::before(doc, cue, s_start)?;
    let first = doc.word_at_or_after(who.start);
    // Two words at least before the comma that opens the attribution.
    if first < s_start + 3 || first > cue || doc.words[first - 1].text != "," {
        return None;
    }
    // The comma that closes it: right after the verb, or after an addressee or a short
    // adverbial ("he told reporters,", "she said on Tuesday,").
    let close = (cue_end + 1..content_end.min(cue_end + 6)).find(|&k| doc.words[k].text == ",")?;
    if close > cue_end + 1 {
        let after = cue_end + 1;
        let addressed = addressee_after(doc, cue, content_end)
            .is_some_and(|(_, end)| doc.word_at_or_after(end) == close);
        if !addressed && !opens_adverbial(doc.words[after].text) {
            return None;
        }
    }
    // "The talks had failed, Reuters reported, citing two diplomats": a participle after the
    // closing comma says how, not what.
    if content_end < close + 3 || doc.words[close + 1].text.ends_with("ing") {
        return None;
    }
    let (start1, end1) = span(doc, s_start, first - 2);
    let (start2, end2) = span(doc, close + 1, content_end - 1);
    let kind1 = kind_of(quotes, start1, end1)?;
    let kind2 = kind_of(quotes, start2, end2)?;
    let cue = span(doc, cue, cue_end);
    Some([
        Quote::reported((start1, end1), kind1, Some(who.clone()), cue, 0.7),
        Quote::reported((start2, end2), kind2, Some(who), cue, 0.7),
    ])
}

/// `CONTENT, SPEAKER CUE.` or `CONTENT, CUE SPEAKER.`; when CONTENT is itself an attribution
/// ("Mao Ning announced ...") the outer speaker becomes its `via`.
fn sentence_final(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
) -> Option<Quote> {
    // "Asked whether he would run, Smith declined to answer": the question is no statement.
    if crate::unsourced::question_opening(doc, s_start).is_some() {
        return None;
    }
    // "..., according to studio estimates.": the source is what a closing "according to" names
    // (a noun after it, "estimates", is no verb of speech); [`according_to`] reads it. Not one
    // set off inside the sentence ("The IMF said that, according to data ..., GDP rose").
    let according_closes = according_to_at(doc, quotes, s_start, content_end).is_some_and(|k| {
        k > s_start
            && doc.words[k - 1].text == ","
            && !doc.words[k + 2..content_end].iter().any(|w| w.text == ",")
    });
    if according_closes {
        return None;
    }
    // The comma before the attribution: the last one, or the one before it when the speaker has
    // an apposition of its own ("..., said the chief executive, John J. Ferriola.", "..., said
    // Larry Sabato, director of the University of Virginia's Center for Politics."), or the one
    // before that before a name and its apposition ("..., Alan Milburn, Labour's election
    // strategist, said."), within the sentence's last 24 words.
    let (comma, cue, cue_end, who) = (s_start..content_end)
        .rev()
        .take(24)
        .filter(|&k| doc.words[k].text == ",")
        .take(3)
        .enumerate()
        .filter(|&(n, comma)| n < 2 || opens_apposed_name(doc, comma + 1))
        .find_map(|(_, comma)| final_attribution(doc, comma, content_end))?;
    if comma < s_start + 3 {
        return None;
    }
    let (start, end) = span(doc, s_start, comma - 1);
    if inside_quotes(quotes, doc.words[s_start].start)
        || inside_quotes(quotes, doc.words[comma - 1].start)
    {
        return None;
    }
    let kind = kind_of(quotes, start, end)?;
    let outer = Quote::reported(
        (start, end),
        kind,
        Some(who.clone()),
        span(doc, cue, cue_end),
        0.75,
    );
    // Second-hand: the content is itself "X announced ...".
    if let Some(inner) = subject_cue_clause(doc, quotes, s_start, comma) {
        return Some(Quote {
            via: Some(who),
            confidence: 0.7,
            ..inner
        });
    }
    Some(outer)
}

/// Whether a person's name and a comma start at word `i`: "Alan Milburn, Labour's ...".
fn opens_apposed_name(doc: &Doc<'_>, i: usize) -> bool {
    doc.mention_starting_at(i)
        .filter(|m| m.label == "PERSON")
        .is_some_and(|m| {
            doc.words
                .get(doc.word_at_or_after(m.end))
                .is_some_and(|w| w.text == ",")
        })
}

/// The attribution that closes a sentence after `comma`: `, SPEAKER CUE [a few words]` or
/// `, CUE SPEAKER[, apposition]`, as (comma, cue, cue end, speaker).
fn final_attribution(
    doc: &Doc<'_>,
    comma: usize,
    content_end: usize,
) -> Option<(usize, usize, usize, speaker::Speaker)> {
    let tail = comma + 1..content_end;
    if tail.is_empty() {
        return None;
    }
    let cue = tail.clone().find(|&k| cue_at(doc, k).is_some())?;
    let cue_end = cue_at(doc, cue)?;
    let who = if cue == comma + 1 {
        // Inversion ("..., said Smith.") takes a finite verb: after ", saying" comes what was
        // said, not who said it; and not "told", whose object is who was told ("..., told
        // reporters."), nor a verb of attitude ("..., attacked government red tape and debt").
        if participle_after_comma(doc, cue, comma)
            || is_tell(doc.words[cue].text)
            || !lexicon::may_invert(doc.words[cue].text)
        {
            return None;
        }
        let who = speaker::after(doc, cue_end, content_end)?;
        // The speaker ends the sentence, or an apposition or a short adverbial follows it: in
        // "..., said Mr. Trump had disrespected troops" the name opens a reported clause.
        let next = doc.word_at_or_after(who.end);
        let rest = content_end.saturating_sub(next);
        let apposition = doc.words.get(next).is_some_and(|w| w.text == ",");
        let adverbial = rest <= 3
            && doc.words.get(next).is_some_and(|w| {
                matches!(
                    w.text.to_ascii_lowercase().as_str(),
                    "on" | "in" | "at" | "last" | "this" | "during" | "after" | "earlier"
                )
            });
        if rest > 0 && !apposition && !adverbial {
            return None;
        }
        who
    } else {
        let s = speaker::before(doc, cue, comma + 1)?;
        let after = cue_end + 1;
        // "..., Reuters reported, citing two diplomats.": a participle may follow.
        let participle = after + 1 < content_end
            && doc.words[after].text == ","
            && doc.words[after + 1].text.ends_with("ing");
        if participle {
            return Some((comma, cue, cue_end, s));
        }
        // The whole tail must be speaker + verb + addressee (+ a few words): not a new clause.
        // The few words are an adverbial ("he told reporters", "she said on Tuesday", "told
        // Radio 4's Today programme on Saturday"); in "Asked who would win, Christie said Denver
        // would" they are what was said, and the phrase before the comma is not.
        let rest = addressee_after(doc, cue, content_end)
            .map_or(after, |(_, end)| doc.word_at_or_after(end));
        if content_end.saturating_sub(rest) > 3 {
            return None;
        }
        let dated = doc.date_starting_at(rest).is_some();
        if rest < content_end && !dated && !opens_adverbial(doc.words[rest].text) {
            return None;
        }
        s
    };
    Some((comma, cue, cue_end, who))
}

/// Whether `word` opens an adverbial that may follow a closing "he said": "on Tuesday", "of the
/// plan", "last week", "afterwards".
fn opens_adverbial(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "on" | "in"
            | "at"
            | "of"
            | "about"
            | "to"
            | "from"
            | "with"
            | "by"
            | "during"
            | "after"
            | "before"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "afterwards"
            | "afterward"
            | "yesterday"
            | "today"
            | "tonight"
            | "recently"
            | "again"
            | "too"
            | "then"
            | "privately"
            | "publicly"
    ) || weekday_number(word).is_some()
}

/// The word "according" of the first "according to" among words `s_start..content_end` outside
/// quotations: 'told BFM TV that "the driver fired on the crowd, according to the police who
/// killed him."' is the speaker's own sourcing.
fn according_to_at(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
) -> Option<usize> {
    (s_start..content_end.saturating_sub(1)).find(|&k| {
        doc.words[k].text.eq_ignore_ascii_case("according")
            && doc.words[k + 1].text == "to"
            && !inside_quotes(quotes, doc.words[k].start)
    })
}

/// "According to X, CONTENT." and "CONTENT, according to X."
fn according_to(
    doc: &Doc<'_>,
    quotes: &[Quoted],
    s_start: usize,
    content_end: usize,
) -> Option<Quote> {
    let at = according_to_at(doc, quotes, s_start, content_end)?;
    let who_start = at + 2;
    let comma_after = (who_start..content_end).find(|&k| doc.words[k].text == ",");
    let (content, who) = if at == s_start {
        let comma = comma_after?;
        (comma + 1..content_end, speaker::after(doc, at + 1, comma)?)
    } else if at > s_start && doc.words[at - 1].text == "," {
        (s_start..at - 1, speaker::after(doc, at + 1, content_end)?)
    } else {
        return None;
    };
    if content.len() < 3 {
        return None;
    }
    let (start, end) = span(doc, content.start, content.end - 1);
    let kind = kind_of(quotes, start, end)?;
    Some(Quote::reported(
        (start, end),
        kind,
        Some(who),
        span(doc, at, at + 1),
        0.75,
    ))
}
