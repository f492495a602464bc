//! What is settled once every quote of a document is found: whom a speaking pronoun or a
//! description ("the company", "the British actor") refers to, and the kinds a speaker's words
//! give. These passes read the document's quotes together, which
//! the rules that find each quote cannot: what lies inside another quote's content, which speakers
//! came before. They change speakers' names and kinds, never a quote's span.

use crate::attribute::{Quote, QuoteKind};
use crate::doc::{Doc, Mention};
use crate::lexicon;
use crate::speaker::{self, Kind, Speaker};
use byline_ner::given_names::{Sex, sex_of_full_name};

/// Settles the speakers of `quotes` (in text order): kinds first, then "they", the descriptions
/// of a firm or a person, "it", and "he"/"she".
pub fn after_quotes_found(doc: &Doc<'_>, quotes: &mut [Quote]) {
    settle_kinds(
        doc,
        quotes
            .iter_mut()
            .flat_map(|q| q.speaker.iter_mut().chain(q.via.iter_mut())),
    );
    plural_pronouns_go_on(doc, quotes.iter_mut().filter_map(|q| q.speaker.as_mut()));
    they_is_the_plural_subject(doc, quotes.iter_mut().filter_map(|q| q.speaker.as_mut()));
    // What was said, and who a verb acts on or addresses: a few words between its cue and a
    // content after it ("accused Mr Brown of ducking tough choices", "told Mr Smith that ...").
    let objects = quotes
        .iter()
        .filter_map(|q| q.cue.map(|(_, cue_end)| (cue_end, q.start)))
        .filter(|&(cue_end, start)| {
            cue_end < start && doc.word_at_or_after(start) - doc.word_at_or_after(cue_end) <= 6
        })
        .chain(quotes.iter().filter_map(|q| q.addressee));
    // What was said: the resolving passes never change a quote's span.
    let said: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
    let quotations: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.start, q.end))
        .collect();
    let contents: Vec<(usize, usize)> = said.iter().copied().chain(objects).collect();
    let speakers_at: Vec<(usize, usize)> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref().map(|s| (s.start, s.end)))
        .collect();
    // People who speak unnamed ("A Home Office spokesman said ... He added"): where one was the
    // last person to speak before a pronoun, named after any person, it is whom the pronoun
    // means. Not a definite role ("the chancellor said ... he said"), which is mostly someone
    // named before.
    let mut unnamed_people: Vec<(usize, String)> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| s.kind == Kind::Person && is_unnamed_person(doc, s))
        .filter_map(|s| s.name.clone().map(|name| (s.start, name)))
        .collect();
    unnamed_people.sort();
    // "Ryanair said ... The carrier reported ...", "Irons ... “...,” the British actor said".
    name_descriptions(
        doc,
        &quotations,
        speakers_with_contents(quotes),
        Kind::Organisation,
        "ORG",
        |head| FIRM_HEADS.contains(&head),
    );
    demonyms_are_the_person_named_before(doc, &said, &quotations, quotes);
    name_descriptions(
        doc,
        &quotations,
        speakers_with_contents(quotes),
        Kind::Person,
        "PERSON",
        |head| {
            DESCRIBING_HEADS.contains(&head)
                || crate::description::is_sports_role(head)
                || head.ends_with("-year-old")
        },
    );
    it_is_the_organisation_that_spoke_last(doc, &said, quotes);
    it_goes_on_for_a_news_outlet(doc, quotes.iter_mut().filter_map(|q| q.speaker.as_mut()));
    singular_pronouns_skip_contents(
        doc,
        &contents,
        &speakers_at,
        &unnamed_people,
        quotes.iter_mut().filter_map(|q| q.speaker.as_mut()),
    );
    first_person_is_who_is_quoted(doc, quotes);
    surnames_are_the_person_named(doc, quotes.iter_mut().filter_map(|q| q.speaker.as_mut()));
}

/// Each quote's speaker, with the span of what it said.
fn speakers_with_contents(
    quotes: &mut [Quote],
) -> impl Iterator<Item = ((usize, usize), &mut Speaker)> {
    quotes
        .iter_mut()
        .filter_map(|q| Some(((q.start, q.end), q.speaker.as_mut()?)))
}

/// Whether mention `m` lies wholly inside one of `spans` (byte ranges: what was said, or the
/// words between a speaker and its verb).
fn within_any(spans: &[(usize, usize)], m: &Mention) -> bool {
    spans.iter().any(|&(a, b)| a <= m.start && m.end <= b)
}

/// "“...,” said Souness": a speaker of no kind that is one capitalised word, the last word of a
/// person's name given before it ("Graeme Souness"), is that person (the entities layer may miss
/// a surname alone, or type it as a place or a work). Not one typed as an organisation: firms
/// are named after people ("Ford said", after "Bill Ford").
fn surnames_are_the_person_named<'s>(
    doc: &Doc<'_>,
    speakers: impl IntoIterator<Item = &'s mut Speaker>,
) {
    for s in speakers {
        let Some(text) = doc.text.get(s.start..s.end) else {
            continue;
        };
        let one_name = text.starts_with(|c: char| c.is_uppercase())
            && text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if s.kind != Kind::Unknown || !one_name || s.name.as_deref() != Some(text) {
            continue;
        }
        let person = doc.mentions_before(s.start).find(|m| {
            m.label == "PERSON"
                && m.canonical
                    .rsplit_once(' ')
                    .is_some_and(|(_, surname)| surname == text)
        });
        if let Some(person) = person {
            s.name = Some(person.canonical.clone());
            s.kind = Kind::Person;
        }
    }
}

/// "Joss Stone said: “I don't know what to say. I'd like to thank my family ...”": an "I" that
/// speaks inside another, direct quote is that quote's speaker, when it is a named person (the
/// pass runs last, so a "she" around it is already resolved). The innermost such quote counts.
/// Inside reported speech ("Allahgreen has been our best hurdler and I think ...") or outside
/// quotes (a columnist's, a reader's "I") it stays unnamed.
fn first_person_is_who_is_quoted(doc: &Doc<'_>, quotes: &mut [Quote]) {
    // The name of a direct quote's speaker who is a named person.
    fn person_quoted(q: &Quote) -> Option<&String> {
        q.speaker
            .as_ref()
            .filter(|s| q.kind == QuoteKind::Direct && s.kind == Kind::Person)?
            .name
            .as_ref()
    }
    // Which name each unnamed "I" gets (all read first, then written).
    let found: Vec<(usize, String)> = quotes
        .iter()
        .enumerate()
        .filter_map(|(k, q)| {
            let s = q.speaker.as_ref()?;
            if s.name.is_some() || !is_word(doc, s, &["I", "me", "my"]) {
                return None;
            }
            let (_, around) = quotes
                .iter()
                .enumerate()
                .filter(|&(j, o)| {
                    j != k && o.start <= s.start && s.end <= o.end && person_quoted(o).is_some()
                })
                .min_by_key(|(_, o)| o.end - o.start)?;
            Some((k, person_quoted(around)?.clone()))
        })
        .collect();
    for (k, name) in found {
        if let Some(s) = quotes[k].speaker.as_mut() {
            s.name = Some(name);
            s.kind = Kind::Person;
        }
    }
}

/// "Experts studying the seas ... have forecast more storms. They predicted ...": a "they" that
/// no group speaking before named refers to the plural group that is the subject of its sentence
/// (before it) or of the sentence before ("IAEA inspectors make ... visits. They are there to
/// verify"): a phrase headed by a plural word for people, a group or organisations.
fn they_is_the_plural_subject<'s>(
    doc: &Doc<'_>,
    speakers: impl IntoIterator<Item = &'s mut Speaker>,
) {
    for s in speakers {
        if !is_word(doc, s, &["they"]) || s.name.is_some() {
            continue;
        }
        let at = doc.word_at_or_after(s.start);
        let Some(&sentence) = doc.sentence_of.get(at) else {
            continue;
        };
        let own = plural_subject(doc, doc.sentences[sentence].0, at);
        let before = || {
            let (start, end) = doc.sentences[sentence.checked_sub(1)?];
            plural_subject(doc, start, end)
        };
        if let Some(group) = own.or_else(before) {
            s.name = group.name;
            s.kind = group.kind;
        }
    }
}

/// The subject opening the words `start..end` when a plural word for people, a group or
/// organisations heads it ("Experts studying the seas", "Handset makers", "Russian
/// prosecutors"): the phrase before the first auxiliary or verb of speech, within six words, or
/// with neither there the phrase of the first two words ("The campaigners unveiled").
fn plural_subject(doc: &Doc<'_>, start: usize, end: usize) -> Option<Speaker> {
    let verb = (start + 1..end.min(start + 7)).find(|&k| {
        let w = doc.words[k].text;
        lexicon::is_auxiliary(w) || lexicon::is_cue(w) || doc.words[k].punct
    });
    // With no auxiliary or verb of speech to end it ("The campaigners unveiled a poster ...
    // before they announced"), the subject is the plural noun that opens the words or follows
    // their first.
    let verb = match verb {
        Some(v) if doc.words[v].punct => return None,
        Some(v) => v,
        None => (start + 2).min(end),
    };
    // The head is the first plural noun before the verb ("Experts studying the seas": the
    // participle's object is no head).
    let head = (start..verb).find(|&k| {
        let w = doc.words[k].text.to_ascii_lowercase();
        lexicon::looks_plural(&w)
            && (lexicon::is_people_noun(&w) || lexicon::is_organisation_noun(&w))
    })?;
    let phrase = speaker::phrase_ending_at(doc, head, start)?;
    matches!(phrase.kind, Kind::Group | Kind::Organisation).then_some(phrase)
}

/// Heads of a definite phrase that stands for a firm the article named ("Ryanair said ... The
/// carrier reported ...", "the club said"); not a public body ("the government", "the ministry",
/// "the committee"), which is rarely the organisation named last, nor "group", as often a
/// campaign or a band as a firm.
const FIRM_HEADS: &[&str] = &[
    "company",
    "firm",
    "airline",
    "carrier",
    "bank",
    "club",
    "retailer",
    "maker",
    "insurer",
    "lender",
    "operator",
    "supermarket",
    "chain",
    "giant",
    "studio",
    "label",
];

/// Names the speakers of kind `kind` that a definite description stands for ("the" and a head
/// `describes` accepts, not named yet) after the `label` mention opening their sentence (within
/// four words) before them, or the sentence before; a firm also after the one organisation named
/// before it in its sentence outside what it said. `speakers` come with their quote's content
/// span.
fn name_descriptions<'s>(
    doc: &Doc<'_>,
    quotations: &[(usize, usize)],
    speakers: impl IntoIterator<Item = ((usize, usize), &'s mut Speaker)>,
    kind: Kind,
    label: &str,
    describes: impl Fn(&str) -> bool,
) {
    for (content, s) in speakers {
        let first = doc.word_at_or_after(s.start);
        let Some(last) = doc.word_before(s.end) else {
            continue;
        };
        // "The 28-year-old world number one had said": an age makes a person's description
        // whatever its head.
        let aged = kind == Kind::Person
            && doc.words[first..=last]
                .iter()
                .any(|w| w.text.to_ascii_lowercase().ends_with("-year-old"));
        if !(s.kind == kind || aged && s.kind == Kind::Unknown)
            || s.name.as_deref() != doc.text.get(s.start..s.end)
            || !doc.words[first].text.eq_ignore_ascii_case("the")
            || !(aged || describes(&doc.words[last].text.to_ascii_lowercase()))
        {
            continue;
        }
        // For a firm, no name inside ("the Sony unit"); a person's description may hold names
        // ("the British actor", "the Black Sabbath singer").
        let named_inside = kind == Kind::Organisation
            && doc
                .mentions
                .iter()
                .any(|m| m.start >= s.start && m.end <= s.end);
        if named_inside {
            continue;
        }
        let sentence = doc.sentence_of[first];
        let named = if kind == Kind::Organisation {
            sole_mention_before(doc, sentence, s.start, label, content)
        } else {
            None
        };
        // A person may have been named a few sentences back ("Umaga said. The 31-year-old
        // admitted ...").
        let recent_person = || {
            (kind == Kind::Person)
                .then(|| recent_opening_person(doc, quotations, sentence, s.start))
                .flatten()
        };
        if let Some(named) = named
            .or_else(|| opening_mention(doc, sentence, s.start, label))
            .or_else(recent_person)
        {
            s.name = Some(named.canonical.clone());
            s.kind = kind;
        }
    }
}

/// "“...,” the Dutchman said": a nationality's noun for one person ("Dutchman", "Irishwoman",
/// or its adjective alone: "said the American") after "the", or after "the" and an age or
/// "former" ("the 24-year-old Swiss added"), is the person last named outside
/// what was said (`said`, the quotes' spans; the
/// entities layer gives such words NORP or another label, not PERSON).
fn demonyms_are_the_person_named_before(
    doc: &Doc<'_>,
    said: &[(usize, usize)],
    quotations: &[(usize, usize)],
    quotes: &mut [Quote],
) {
    for s in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        let first = doc.word_at_or_after(s.start);
        let Some(text) = doc.text.get(s.start..s.end) else {
            continue;
        };
        let one_word = text.starts_with(|c: char| c.is_ascii_uppercase())
            && text.chars().all(char::is_alphabetic);
        let mention = doc.mention_starting_at(first);
        // "the Dutchman", and a nationality's adjective alone for one person ("“...,” said the
        // American", "the Swiss"; "the Americans" is a group, and "the French", "the British",
        // "the Dutch" are a people: one of them is "the Frenchman").
        let collective = text.ends_with("sh") || text.ends_with("ch") && text != "Czech";
        let demonym = one_word
            && ((text.ends_with("man") || text.ends_with("woman"))
                && mention.is_some_and(|m| m.label != "PERSON")
                || mention.is_some_and(|m| {
                    m.label == "NORP"
                        && m.end == s.end
                        && !lexicon::looks_plural(text)
                        && !collective
                }));
        // "the Swiss", and with an age or "former" between ("the 24-year-old Swiss").
        let mut before = first;
        while before > 0 && before + 2 >= first && {
            let w = doc.words[before - 1].text;
            w.ends_with("-year-old") || w == "former"
        } {
            before -= 1;
        }
        let after_the = before > 0 && doc.words[before - 1].text.eq_ignore_ascii_case("the");
        if !(demonym && after_the) {
            continue;
        }
        let the = doc.words[before - 1].start;
        // The person opening one of the last sentences ("Robbie Keane, skipper for the night,
        // echoed ... He conceded ... “...,” the Irishman said"), else the last named outside
        // what was said.
        let named =
            recent_opening_person(doc, quotations, doc.sentence_of[first], the).or_else(|| {
                doc.mentions_before(the)
                    .find(|m| m.label == "PERSON" && !within_any(said, m))
            });
        s.start = the;
        s.kind = Kind::Person;
        s.name = named
            .map(|m| m.canonical.clone())
            .or_else(|| doc.text.get(the..s.end).map(str::to_string));
    }
}

/// The person whose name opens one of the six sentences up to `sentence` (the latest first),
/// before byte `before` ([`Doc::opening_mention`]), outside quotations (`quotations`, the direct
/// quotes' spans: "“Even Denzel (Washington), he's getting $20m a movie ...,” Lee said" names no
/// speaker).
fn recent_opening_person<'d>(
    doc: &'d Doc<'_>,
    quotations: &[(usize, usize)],
    sentence: usize,
    before: usize,
) -> Option<&'d Mention> {
    (sentence.saturating_sub(5)..=sentence).rev().find_map(|k| {
        doc.opening_mention(k, before, "PERSON")
            .filter(|m| !within_any(quotations, m))
    })
}

/// Heads of a definite phrase that describes a person the article just named, as sports and
/// arts pages do ("Irons ... “...,” the British actor said", "the Frenchman added", and any
/// "the 25-year-old"); not an office ("the prime minister", "the chancellor"), which the titles
/// the article gave resolve.
const DESCRIBING_HEADS: &[&str] = &[
    "actor",
    "actress",
    "singer",
    "star",
    "rocker",
    "rapper",
    "musician",
    "comedian",
    "presenter",
    "novelist",
    "author",
    "player",
    "striker",
    "midfielder",
    "defender",
    "forward",
    "winger",
    "goalkeeper",
    "keeper",
    "captain",
    "boss",
    "coach",
    "manager",
    "champion",
    "winner",
    "medallist",
    "veteran",
    "youngster",
    "teenager",
    "frenchman",
    "scot",
    "welshman",
    "irishman",
    "dutchman",
    "spaniard",
    "briton",
    "swede",
    "dane",
];

/// The mention labelled `label` that opens (within its first four words) sentence `sentence`
/// before byte `before`, else the sentence before it.
fn opening_mention<'d>(
    doc: &'d Doc<'_>,
    sentence: usize,
    before: usize,
    label: &str,
) -> Option<&'d Mention> {
    doc.opening_mention(sentence, before, label).or_else(|| {
        let previous = sentence.checked_sub(1)?;
        doc.opening_mention(previous, doc.words[doc.sentences[sentence].0].start, label)
    })
}

/// The one `label` mention of sentence `sentence` before byte `before` and outside the span
/// `content` (what the description said), when there is exactly one (not a news outlet): "In a
/// statement from Lycos Europe announcing ..., the company denied".
fn sole_mention_before<'d>(
    doc: &'d Doc<'_>,
    sentence: usize,
    before: usize,
    label: &str,
    (content_start, content_end): (usize, usize),
) -> Option<&'d Mention> {
    let from = doc.words[doc.sentences[sentence].0].start;
    let mut found = doc.mentions.iter().filter(|m| {
        m.start >= from
            && m.end <= before
            && m.label == label
            && (m.end <= content_start || m.start >= content_end)
    });
    let first = found.next()?;
    (found.next().is_none() && !lexicon::is_media(&first.canonical)).then_some(first)
}

/// "The ministry said that it wanted ... It also hopes to ...": a speaking "it" took the last
/// organisation named; where an organisation named by a common noun ("The ministry", "the firm")
/// or a study ("A study in 2000 ... found ... It also found") spoke after that name, "it" is that
/// speaker. A name inside what was said ("the ministry said Gazprom had ...") is what it spoke
/// of, not a later speaker (`said`: the quotes' spans).
fn it_is_the_organisation_that_spoke_last(
    doc: &Doc<'_>,
    said: &[(usize, usize)],
    quotes: &mut [Quote],
) {
    let is_it = |s: &Speaker| is_word(doc, s, &["it"]);
    let mut by_noun: Vec<(usize, Speaker)> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| (s.kind == Kind::Organisation || is_study(doc, s)) && !is_it(s))
        .filter(|s| {
            doc.mention_starting_at(doc.word_at_or_after(s.start))
                .is_none()
        })
        .map(|s| (s.start, s.clone()))
        .collect();
    by_noun.sort_by_key(|&(start, _)| start);
    // What was said, and the words between a speaker and its verb ("A study, commissioned by
    // the council, found"): names there are not the last to be named.
    let spans: Vec<(usize, usize)> = said
        .iter()
        .copied()
        .chain(quotes.iter().filter_map(|q| {
            let (cue, _) = q.cue?;
            let end = q.speaker.as_ref()?.end;
            (end < cue).then_some((end, cue))
        }))
        .collect();
    for s in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        if !is_it(s) {
            continue;
        }
        let last_named = doc
            .mentions_before(s.start)
            .find(|m| m.label == "ORG" && !within_any(&spans, m))
            .map(|m| m.start);
        let spoke_after = by_noun
            .iter()
            .rev()
            .find(|(start, _)| *start < s.start)
            .filter(|(start, _)| last_named.is_none_or(|named| *start > named));
        if let Some((_, org)) = spoke_after {
            s.name.clone_from(&org.name);
            s.kind = org.kind;
        }
    }
}

/// "Ferrari could be listed ..., the Financial Times has reported. It said Fiat was ...": a
/// speaking "it" whose nearest speaker before, in its sentence or the one before, is a news
/// outlet is that outlet, not the organisation the outlet wrote about ("“...,” said the magazine.
/// “...,” it concluded"). A firm that speaks between them takes "it" back ("..., the newspaper
/// reported. In a statement, Qantas said ... However, it stressed"); an "it" already resolved to
/// an outlet keeps its name ("the Mirror ... The paper said ... It said": the Mirror).
fn it_goes_on_for_a_news_outlet<'s>(
    doc: &Doc<'_>,
    speakers: impl IntoIterator<Item = &'s mut Speaker>,
) {
    // The last speaker seen: its name and kind, and the sentence it spoke in.
    let mut last: Option<(Option<String>, Kind, usize)> = None;
    for (s, sentence) in in_text_order(doc, speakers) {
        if is_word(doc, s, &["it"])
            && s.kind != Kind::Media
            && let Some((name, Kind::Media, at)) = &last
            && sentence <= at + 1
        {
            s.name.clone_from(name);
            s.kind = Kind::Media;
        }
        last = Some((s.name.clone(), s.kind, sentence));
    }
}

/// Whether a speaker is an unnamed study: a determiner and a study noun opening it ("A study in
/// 2000", "the report").
fn is_study(doc: &Doc<'_>, s: &Speaker) -> bool {
    let first = doc.word_at_or_after(s.start);
    doc.words.get(first).is_some_and(|w| {
        matches!(
            w.text.to_ascii_lowercase().as_str(),
            "a" | "an" | "the" | "this" | "that" | "its" | "their"
        )
    }) && doc
        .words
        .get(first + 1)
        .is_some_and(|w| w.end <= s.end && lexicon::is_document_noun(w.text))
}

/// Whether speaker `s` is someone the article does not name: a phrase, no name, opening with
/// "a"/"an" ("a spokeswoman", "An NHTCU spokeswoman") or "our" ("Our correspondent"), or headed
/// by a word for an unnamed source
/// ("The Ofcom spokesman", "The official").
fn is_unnamed_person(doc: &Doc<'_>, s: &Speaker) -> bool {
    let first = doc.word_at_or_after(s.start);
    let Some(last) = doc.word_before(s.end) else {
        return false;
    };
    // "a spokeswoman", and the outlet's own reporter ("Our correspondent said ... But he
    // added").
    let indefinite = doc.words.get(first).is_some_and(|w| {
        ["a", "an", "our"]
            .iter()
            .any(|d| w.text.eq_ignore_ascii_case(d))
    });
    let anonymous_head = matches!(
        doc.words[last].text,
        "spokesman" | "spokeswoman" | "spokesperson" | "official" | "source" | "insider"
    );
    !is_he_or_she(doc, s)
        && doc.mention_starting_at(first).is_none()
        && (indefinite || anonymous_head)
}

/// Whether speaker `s` is one of `words` (a pronoun), in any case.
fn is_word(doc: &Doc<'_>, s: &Speaker, words: &[&str]) -> bool {
    doc.text
        .get(s.start..s.end)
        .is_some_and(|t| words.iter().any(|w| t.eq_ignore_ascii_case(w)))
}

/// Whether speaker `s` is the word "he" or "she", or "his" or "her" before a noun that speaks
/// ("his argument that ...", "her admission that ...").
fn is_he_or_she(doc: &Doc<'_>, s: &Speaker) -> bool {
    is_word(doc, s, &["he", "she", "his", "her"])
}

/// `speakers` in the order their words stand in the text, each with the index of its sentence
/// (the passes that carry a speaker on to a later pronoun read them so, not in their quotes'
/// order: "..., MPs said. Instead they ...").
fn in_text_order<'s>(
    doc: &Doc<'_>,
    speakers: impl IntoIterator<Item = &'s mut Speaker>,
) -> Vec<(&'s mut Speaker, usize)> {
    let mut ordered: Vec<&'s mut Speaker> = speakers.into_iter().collect();
    ordered.sort_by_key(|s| s.start);
    ordered
        .into_iter()
        .map(|s| {
            let sentence = doc
                .sentence_of
                .get(doc.word_at_or_after(s.start))
                .copied()
                .unwrap_or(0);
            (s, sentence)
        })
        .collect()
}

/// "Analysts said ... They pointed out ...": a "they" that speaks refers to the unnamed group
/// (a plural: "analysts", "the MPs") named as a speaker in its sentence or the one before;
/// otherwise it stays unnamed. An organisation goes on only when a plural noun names it ("The
/// tobacco companies deny ... They also say"), not a name: on BBC such a "they" was as often
/// someone else ("the Cabinet Office has confirmed ..., prompting unions ... They"). Speakers
/// are read in the order they are named, which is not their quotes' ("..., MPs said. Instead
/// they ...").
fn plural_pronouns_go_on<'s>(doc: &Doc<'_>, speakers: impl IntoIterator<Item = &'s mut Speaker>) {
    // "The tobacco companies deny ... They also say": organisations named by a plural noun, not
    // a name ("the Cabinet Office has confirmed ..., prompting unions ... They").
    let common_noun = |s: &Speaker| {
        let first = doc.word_at_or_after(s.start);
        doc.mention_starting_at(first).is_none()
            && doc
                .words
                .get(first)
                .is_some_and(|w| lexicon::is_determiner(w.text))
    };
    // The last plural group named: its name, its kind and the sentence it was named in.
    let mut last: Option<(Option<String>, Kind, usize)> = None;
    for (s, sentence) in in_text_order(doc, speakers) {
        if is_word(doc, s, &["they"]) && s.name.is_none() {
            if let Some((name, kind, at)) = &last
                && sentence <= at + 1
            {
                s.name.clone_from(name);
                s.kind = *kind;
            }
        } else if (s.kind == Kind::Group || s.kind == Kind::Organisation && common_noun(s))
            && s.name.as_deref().is_some_and(lexicon::looks_plural)
        {
            last = Some((s.name.clone(), s.kind, sentence));
        }
    }
}

/// "Mr Croucher said Mr Houston's views had been presented as policy. He said ...": a "he" or
/// "she" that speaks refers to the last person named outside what was said, not to someone named
/// in a quotation or a reported content, or as the one a verb of speech acts on or addresses
/// ("accused Mr Brown of ...") (`contents`, byte spans, unless named there as a speaker,
/// `speakers_at`: a content may overrun its own attribution, "“...,” laughs Conti" inside one
/// quote's span), and rather not to one named as a possessive ("President Carter's White
/// House"). A pronoun with no such person before it keeps the person it was given.
fn singular_pronouns_skip_contents<'s>(
    doc: &Doc<'_>,
    contents: &[(usize, usize)],
    speakers_at: &[(usize, usize)],
    unnamed_people: &[(usize, String)],
    speakers: impl IntoIterator<Item = &'s mut Speaker>,
) {
    let speaks = |m: &Mention| speakers_at.iter().any(|&(a, b)| a < m.end && m.start < b);
    let said = |m: &Mention| within_any(contents, m) && !speaks(m);
    let possessive = |m: &Mention| lexicon::opens_possessive(&doc.text[m.end..]);
    let titled = titled_sexes(doc);
    for s in speakers {
        if !is_he_or_she(doc, s) {
            continue;
        }
        // "Mr. Trump" is no "she", "Ms Detakats" no "he"; nor "Trump" where the article writes
        // "Mr. Trump" (a full name, "Katherine Jackson", may be another of the family).
        let she = is_word(doc, s, &["she", "her"]);
        // Nor "Gordon Brown" for "she", "Cherie Blair" for "he": a given name that mostly names
        // the other sex.
        let other = if she { Sex::Male } else { Sex::Female };
        let other_sex = |m: &Mention| {
            titled.iter().any(|t| {
                t.female != she
                    && t.canonical == m.canonical
                    && (t.start == m.start || t.surname == bare_name(doc, m))
            }) || sex_of_full_name(&m.canonical) == Some(other)
        };
        let mut people = doc
            .mentions_before(s.start)
            .filter(|m| m.label == "PERSON" && !said(m) && !other_sex(m));
        let last_unnamed = unnamed_people
            .iter()
            .rev()
            .find(|&&(start, _)| start < s.start);
        let last = people.next();
        if let Some((_, role)) =
            last_unnamed.filter(|&&(start, _)| last.is_none_or(|m| start > m.start))
        {
            s.name = Some(role.clone());
            s.kind = Kind::Person;
            continue;
        }
        let Some(last) = last else {
            continue;
        };
        let person = if possessive(last) {
            std::iter::once(last)
                .chain(people)
                .find(|m| !possessive(m))
                .unwrap_or(last)
        } else {
            last
        };
        s.name = Some(person.canonical.clone());
        s.kind = Kind::Person;
    }
}

/// A PERSON mention written with a courtesy title ("Mr Brown", "Ms. Detakats", the title before
/// the mention or in it): the sex the title gives.
struct Titled<'d> {
    /// Where the mention starts.
    start: usize,
    /// Its canonical name.
    canonical: &'d str,
    /// Its words without the title ("Brown").
    surname: &'d str,
    /// Whether the title is a woman's.
    female: bool,
}

/// The titled PERSON mentions of the document ([`Titled`]).
fn titled_sexes<'d>(doc: &'d Doc<'_>) -> Vec<Titled<'d>> {
    doc.mentions
        .iter()
        .filter(|m| m.label == "PERSON")
        .filter_map(|m| {
            let first = doc.word_at_or_after(m.start);
            let before = first
                .checked_sub(1)
                .and_then(|k| courtesy_title(doc.words[k].text));
            let inside = courtesy_title(doc.words.get(first)?.text);
            Some(Titled {
                start: m.start,
                canonical: &m.canonical,
                surname: bare_name(doc, m),
                female: before.or(inside)?,
            })
        })
        .collect()
}

/// Whether a word is a courtesy title ("Mr", "Ms.") and, if so, a woman's.
fn courtesy_title(word: &str) -> Option<bool> {
    match word.trim_end_matches('.') {
        "Mr" => Some(false),
        "Mrs" | "Ms" | "Miss" => Some(true),
        _ => None,
    }
}

/// A mention's text without a courtesy title at its start ("Mr Brown" → "Brown").
fn bare_name<'d>(doc: &'d Doc<'_>, m: &Mention) -> &'d str {
    let text = doc.text.get(m.start..m.end).unwrap_or("");
    match text.split_once(' ') {
        Some((title, rest)) if courtesy_title(title).is_some() => rest,
        _ => text,
    }
}

/// The kinds that are settled once the quotes are found, from the speaker's words: a plural
/// nationality, party or faith (a NORP mention: "Tories said", "Republicans argued") is a group,
/// and a phrase headed by a role or a word for a person ("A judge has dismissed", "our
/// correspondent says", "the Waterford man said") is a person. While the quotes are sought, such
/// phrases after a verb are as often its object ("denouncing Mexicans as rapists, proposing ...",
/// "had accused an Evening Standard journalist of ..."), and the rules that take people and groups
/// only must not take them.
fn settle_kinds<'s>(doc: &Doc<'_>, speakers: impl IntoIterator<Item = &'s mut Speaker>) {
    for s in speakers {
        if s.kind != Kind::Unknown {
            continue;
        }
        let first = doc.word_at_or_after(s.start);
        let mention = doc.mention_starting_at(first).filter(|m| m.end == s.end);
        let plural_norp =
            mention.is_some_and(|m| m.label == "NORP" && lexicon::looks_plural(&m.canonical));
        let head = doc
            .word_before(s.end)
            .map(|k| doc.words[k].text)
            .filter(|w| w.starts_with(char::is_lowercase));
        if plural_norp {
            s.kind = Kind::Group;
        } else if mention.is_none() && head.is_some_and(speaker::is_person_noun) {
            s.kind = Kind::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, content: &str, speaker: &str, name: Option<&str>) -> Quote {
        let start = text.find(content).expect("the content is in the text");
        let at = text.find(speaker).expect("the speaker is in the text");
        Quote {
            start,
            end: start + content.len(),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                start: at,
                end: at + speaker.len(),
                name: name.map(str::to_string),
                kind: Kind::Person,
            }),
            cue: None,
            addressee: None,
            via: None,
            confidence: 0.8,
        }
    }

    #[test]
    fn an_i_inside_a_quote_is_whoever_is_quoted_and_a_columnists_i_stays_unnamed() {
        let text = "Joss Stone said: \"I don't know what to say. I'd like to thank my family.\" \
                    Stone has been our best singer and I think the show was long.";
        let doc = crate::tests::doc(text, &[("Joss Stone", "PERSON", "Joss Stone")]);
        let mut quotes = vec![
            quote(
                text,
                "I don't know what to say. I'd like to thank my family.",
                "Joss Stone",
                Some("Joss Stone"),
            ),
            quote(text, "to thank my family.", "I'd", None),
            quote(text, "the show was long.", "I think", None),
        ];
        let mut reported = quote(
            text,
            "has been our best singer and I think the show was long.",
            "Stone has",
            Some("Joss Stone"),
        );
        reported.kind = QuoteKind::Indirect;
        quotes.push(reported);
        // The speakers are the words "I".
        for s in quotes[1..3].iter_mut().filter_map(|q| q.speaker.as_mut()) {
            s.end = s.start + 1;
        }
        first_person_is_who_is_quoted(&doc, &mut quotes);
        let name = |k: usize| quotes[k].speaker.as_ref().and_then(|s| s.name.clone());
        assert_eq!(name(1).as_deref(), Some("Joss Stone"));
        assert_eq!(name(2), None);
    }
}
