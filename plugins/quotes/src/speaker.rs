//! Finding the speaker next to a reporting verb, and what the article says about them: the fullest
//! name and the kind of speaker (their role and affiliation are [`crate::description`]'s).

use crate::description;
use crate::doc::{Doc, Mention, Word};
use crate::lexicon::{self, WordSet};

/// What kind of source a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A person: named, a pronoun resolved to one, or a role ("the prime minister").
    Person,
    /// An organisation, or a country speaking through its government.
    Organisation,
    /// A news outlet.
    Media,
    /// Unnamed people ("experts", "officials", "sources").
    Group,
    /// Something else.
    Unknown,
}

impl Kind {
    /// The name used in records.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Media => "media",
            Kind::Group => "group",
            Kind::Unknown => "unknown",
        }
    }
}

/// A speaker found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Byte offset of the mention nearest the quote.
    pub start: usize,
    /// End of that mention.
    pub end: usize,
    /// The fullest name the article gives (for a pronoun, the person it refers to).
    pub name: Option<String>,
    /// What kind of source it is.
    pub kind: Kind,
}

fn kind_of_mention(m: &Mention) -> Kind {
    match m.label.as_str() {
        "PERSON" => Kind::Person,
        "ORG" if lexicon::is_media(&m.canonical) => Kind::Media,
        "ORG" | "GPE" => Kind::Organisation,
        _ => Kind::Unknown,
    }
}

/// What a common noun heading a speaker's phrase says of its kind: an organisation's noun ("the
/// company"), an outlet's ("the newspaper"), people's ("investors", "officials"), or nothing.
fn kind_of_noun(head: &str) -> Kind {
    let lower = head.to_ascii_lowercase();
    if lexicon::is_organisation_noun(head) {
        Kind::Organisation
    } else if lexicon::is_media_noun(head) {
        Kind::Media
    } else if lower.ends_with("-year-old")
        || (!lower.ends_with('s') && description::is_role_noun(&lower))
    {
        // "his lawyer said", "a spokesman said": one person, though "lawyers" are a group.
        Kind::Person
    } else if lexicon::is_people_noun(head) && !lexicon::is_document_noun(head) {
        Kind::Group
    } else {
        Kind::Unknown
    }
}

/// The kind a lower-case noun gives the phrase it heads before a preposition ("A spokesman for",
/// "Critics of", "The government of"): a role, singular or plural, is a person; else as
/// [`kind_of_noun`].
fn kind_of_head(noun: &str) -> Kind {
    if description::is_role_noun(noun) {
        Kind::Person
    } else {
        kind_of_noun(noun)
    }
}

fn from_mention(m: &Mention) -> Speaker {
    Speaker {
        start: m.start,
        end: m.end,
        name: Some(m.canonical.clone()),
        kind: kind_of_mention(m),
    }
}

/// Whether word `e` stands alone in its phrase: the first word after `floor` or punctuation.
fn stands_alone(doc: &Doc<'_>, e: usize, floor: usize) -> bool {
    e <= floor || doc.words[e - 1].punct
}

/// The agent of a passive cue ending at word `cue_end`, named right after "by": "was described
/// by Jobs as “...”", "their daughters described by Sharon as “...”".
pub fn agent_after(doc: &Doc<'_>, cue_end: usize) -> Option<Speaker> {
    doc.words.get(cue_end + 1).filter(|w| w.text == "by")?;
    // The name is the whole agent: not "by UKIP spokesman, who", "by Wenger's support".
    let whole = |m: &&Mention| {
        doc.words.get(doc.word_at_or_after(m.end)).is_none_or(|w| {
            (w.punct && !w.text.starts_with(['\'', '’']))
                || matches!(w.text, "as" | "that" | "in" | "on" | "at" | "during")
        })
    };
    doc.mention_starting_at(cue_end + 2)
        .filter(|m| matches!(m.label.as_str(), "PERSON" | "ORG"))
        .filter(whole)
        .map(from_mention)
}

/// The speaker whose phrase ends at word `e` (inclusive), searching no further left than `floor`:
/// a mention, a pronoun resolved to its person, or a noun phrase ("the protesters"), with the
/// noun it completes when it is one ("opponents of the bill", `headed_by`).
pub fn phrase_ending_at(doc: &Doc<'_>, e: usize, floor: usize) -> Option<Speaker> {
    let mut speaker = last_phrase_ending_at(doc, e, floor)?;
    // "the director of the office of the president": each step reaches one noun further back.
    for _ in 0..2 {
        match headed_by(doc, &speaker, floor) {
            Some(wider) => speaker = wider,
            None => break,
        }
    }
    Some(speaker)
}

/// The prepositions after a noun for people that the speaker's phrase may complete ("critics
/// *of* the plan", "a spokesman *for* the ministry", "analysts *at* the bank").
const HEAD_PREPOSITIONS: &[&str] = &["of", "for", "at", "from", "with", "in"];

/// Words for a share of a group, before "of" ("some of the analysts", "one of the organisers").
const QUANTIFIERS: &[&str] = &[
    "some",
    "most",
    "many",
    "all",
    "several",
    "few",
    "none",
    "half",
    "majority",
    "minority",
    "both",
    "each",
    "any",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// The phrase `speaker` is part of, when it completes a noun for who speaks: a share of it,
/// people, a role or an organisation before a preposition ("Opponents of Microsoft said" are
/// opponents, "A spokesman for the ministry said" a person, "One of the organisers" one of them,
/// "The government of Iraq" an organisation), or the agent after a participle ("Most of the
/// economists polled by Reuters said"). `None` when it is not.
fn headed_by(doc: &Doc<'_>, speaker: &Speaker, floor: usize) -> Option<Speaker> {
    let mut p = doc.word_at_or_after(speaker.start);
    // "A spokesman for the Department for Culture, Media and Sport": the speaker may be the last
    // of a list of capitalised words after a preposition, ending in "and" (the entities layer
    // splits such a name at its commas).
    let capitalised = |k: usize| {
        doc.words[k]
            .text
            .starts_with(|c: char| c.is_ascii_uppercase())
    };
    let mut listed = p;
    while listed >= floor + 2
        && capitalised(p)
        && capitalised(listed - 2)
        && (matches!(doc.words[listed - 1].text, "and" | "&")
            || (listed < p && doc.words[listed - 1].text == ","))
    {
        listed -= 2;
    }
    if listed < p && listed > floor && HEAD_PREPOSITIONS.contains(&doc.words[listed - 1].text) {
        p = listed;
    }
    // A name's article is not part of its mention ("of the Campaign for Tobacco-Free Kids").
    if p > floor && matches!(doc.words[p - 1].text, "the" | "a" | "an") {
        p -= 1;
    }
    // Nor are the nouns that tell what it is, as news writes them before a name ("the creator of
    // defunct TV soap Brookside", "the boss of car maker Renault"); a person's name after a role
    // ("director of rugby Nigel Melville") is the speaker, the role its description.
    if let Some(described) = (p.saturating_sub(3).max(floor + 1)..p)
        .find(|&k| {
            (k..p).all(|j| is_descriptor_word(doc.words[j].text))
                && ["of", "for", "at"].contains(&doc.words[k - 1].text)
        })
        .filter(|_| {
            doc.mention_starting_at(p)
                .is_some_and(|m| m.label != "PERSON")
        })
    {
        p = described;
    }
    let preposition = doc.words[p.checked_sub(1).filter(|&k| k > floor)?]
        .text
        .to_ascii_lowercase();
    let h = p - 2;
    // "William Corr of the Campaign for Tobacco-Free Kids urged", "Rep. Tom Cole of Oklahoma
    // said": a person of an organisation or a place.
    if preposition == "of"
        && let Some(person) = doc
            .mention_ending_at(h)
            .filter(|m| m.label == "PERSON" && m.start >= doc.words[floor].start)
    {
        return Some(from_mention(person));
    }
    let head = doc.words[h].text.to_ascii_lowercase();
    // "economists polled by Reuters", "a group led by students": who was polled or led speaks.
    if preposition == "by" {
        let participle = lexicon::is_past_tense(&head) && !lexicon::is_cue(&head);
        let subject = phrase_ending_at(doc, h.checked_sub(1).filter(|&k| k >= floor)?, floor)
            .filter(|_| participle)?;
        return Some(widened(doc, subject.start, speaker.end, subject.kind));
    }
    if !HEAD_PREPOSITIONS.contains(&preposition.as_str()) {
        return None;
    }
    let counted = doc
        .mention_ending_at(h)
        .is_some_and(|m| m.label == "CARDINAL")
        || head.chars().all(|c| c.is_ascii_digit());
    // "in" and "with" place who speaks ("A lawmaker in the Philippines", "analysts with
    // Moody's"), unless they say how or when ("the mayor in a speech", "officials in a statement").
    let last = doc.words[doc.word_before(speaker.end)?].text;
    let end_word = last.to_ascii_lowercase();
    if matches!(preposition.as_str(), "in" | "with")
        && (DOCUMENTS.contains(&end_word.as_str())
            || MANNER_NOUNS.contains(&end_word.as_str())
            || TIME_NOUNS.contains(&end_word.as_str()))
    {
        return None;
    }
    let kind = if preposition == "of" && (QUANTIFIERS.contains(&head.as_str()) || counted) {
        if head == "one" {
            Kind::Person
        } else {
            Kind::Group
        }
    } else {
        match kind_of_head(&head) {
            Kind::Unknown => return None,
            kind => kind,
        }
    };
    // "A Department for Work and Pensions spokeswoman": one person, whatever heads the name
    // before the role (a role in lower case: "the Office of the Deputy Prime Minister" is an
    // office).
    let kind = if last.starts_with(char::is_lowercase)
        && description::is_role_noun(&end_word)
        && !end_word.ends_with('s')
    {
        Kind::Person
    } else {
        kind
    };
    // The head's own phrase: its modifiers back to a determiner, not past a preposition or a
    // conjunction ("with one of her ads asking", "remembered how one of her colleagues").
    let s = noun_phrase_start(doc, h, floor, 4, |prev| {
        lexicon::is_function_word(prev) && !lexicon::is_determiner(prev)
            || matches!(prev, "how" | "why")
    });
    Some(widened(doc, doc.words[s].start, speaker.end, kind))
}

/// An unnamed speaker over bytes `start..end`, named by its words.
fn widened(doc: &Doc<'_>, start: usize, end: usize, kind: Kind) -> Speaker {
    Speaker {
        start,
        end,
        name: Some(
            doc.text[start..end]
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
        ),
        kind,
    }
}

/// Words no noun phrase before a verb of speech reaches back over: conjunctions and relative
/// pronouns ("its progress was delayed when Polish MEPs rejected" begins after "when").
const NOUN_PHRASE_STOPS: &[&str] = &[
    "that", "which", "who", "whom", "and", "but", "as", "if", "despite", "when", "while", "where",
    "because", "since", "although", "though", "until", "unless", "whether", "than", "with", "by",
];

/// Conjunctions after which a noun phrase opens a clause, as its subject ("While environmentalists
/// welcomed ..."); not "that", "who" or "which", after which a verb comes as often ("signalling that
/// domestic demand has", "fans who drive to matches may").
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "as", "if", "when", "while", "where", "because", "since", "although", "though",
    "until", "unless", "whether",
];

/// The first word of the noun phrase ending at word `e`: up to `reach` words back (no further
/// left than `floor`), stopping after a determiner and before punctuation, a verb of speech, a
/// [`NOUN_PHRASE_STOPS`] word or a word `stops` names.
fn noun_phrase_start(
    doc: &Doc<'_>,
    e: usize,
    floor: usize,
    reach: usize,
    stops: impl Fn(&str) -> bool,
) -> usize {
    let mut s = e;
    while s > floor && e - s < reach {
        let prev = &doc.words[s - 1];
        if prev.punct
            || lexicon::is_cue(prev.text)
            || NOUN_PHRASE_STOPS.contains(&prev.text.to_ascii_lowercase().as_str())
            || stops(prev.text)
        {
            break;
        }
        s -= 1;
        if lexicon::is_determiner(prev.text) {
            break;
        }
    }
    s
}

/// The organisation that is the subject of the latest of the three sentences up to word `e`'s
/// (named among a sentence's first four words, before `e`; not a news outlet), if any.
fn subject_organisation_before<'d>(doc: &'d Doc<'_>, e: usize) -> Option<&'d Mention> {
    let k = doc.sentence_of[e];
    let before = doc.words[e].start;
    (k.saturating_sub(2)..=k).rev().find_map(|s| {
        let (a, _) = doc.sentences[s];
        // A sentence a quotation opens has its subject inside what was said.
        if crate::marks::is_opening_mark(doc.words[a].text) {
            return None;
        }
        doc.opening_mention(s, before, "ORG")
    })
}

/// [`phrase_ending_at`]'s phrase alone, without the noun it may complete.
fn last_phrase_ending_at(doc: &Doc<'_>, e: usize, floor: usize) -> Option<Speaker> {
    let word = doc.words.get(e)?;
    // "It said": an organisation speaking.
    if word.text == "It" || word.text == "it" {
        let last = doc.last_before(word.start, "ORG")?;
        let same_sentence = doc.sentence_of[doc.word_at_or_after(last.start)] == doc.sentence_of[e];
        // "The EFF ... has asked the court to stop Apple pursuing the sources. It argues that
        // ...": across a sentence's end, the subject that spoke or acted is meant, not the last
        // organisation named; within the sentence, the one named in it.
        let org = if same_sentence {
            last
        } else {
            subject_organisation_before(doc, e).unwrap_or(last)
        };
        return Some(Speaker {
            start: word.start,
            end: word.end,
            name: Some(org.canonical.clone()),
            kind: kind_of_mention(org),
        });
    }
    // An adjective is no speaker (a name is: "Next said"): the verb after it is a noun ("a
    // previous estimate", "the new show", "the biggest claim"), whose speaker is its possessor if
    // it has one ("Mr. Obama's original pledge").
    if ADJECTIVES.contains(&word.text.to_ascii_lowercase().as_str())
        && doc.mention_ending_at(e).is_none()
    {
        let possessor = e
            .checked_sub(2)
            .filter(|&p| p >= floor && lexicon::is_possessive_clitic(doc.words[p + 1].text))?;
        return last_phrase_ending_at(doc, possessor, floor);
    }
    // Nor is a nationality's adjective before a verb that is then a noun: "British hope Imelda
    // Staunton", "numerous British shows". (A party's member may speak: "a Republican said",
    // "Republican says"; its plural does: "Americans fear".)
    let adjective_of_nation = doc.mention_ending_at(e).is_some_and(|m| {
        m.label == "NORP" && !m.canonical.ends_with('s') && doc.words[e].start == m.start
    });
    if adjective_of_nation
        && doc
            .words
            .get(e + 1)
            .is_some_and(|w| NOUNS_AFTER_NATIONS.contains(&w.text.to_ascii_lowercase().as_str()))
    {
        return None;
    }
    // A reporting participle is no speaker ("Ash ..., adding: “...”"), nor an auxiliary ("it
    // does n't feel right", "was reported as having asked").
    if word.punct
        || lexicon::is_function_word(word.text)
        || lexicon::is_auxiliary(word.text)
        || word.text == "having"
        || lexicon::is_quote_participle(word.text)
    {
        return None;
    }
    // "Guy Mansfield QC warned": letters after a name are part of it.
    if let Some(m) = e
        .checked_sub(1)
        .filter(|&k| k >= floor && POST_NOMINALS.contains(&word.text))
        .and_then(|k| doc.mention_ending_at(k))
        .filter(|m| m.label == "PERSON" && m.start >= doc.words[floor].start)
    {
        return Some(Speaker {
            end: word.end,
            ..from_mention(m)
        });
    }
    if let Some(m) = doc
        .mention_ending_at(e)
        .filter(|m| m.start >= doc.words[floor].start)
        .filter(|m| matches!(m.label.as_str(), "PERSON" | "ORG" | "GPE" | "NORP"))
    {
        // "Chinese experts" is a group even though "Chinese" is a mention; a mention ending here is
        // the head.
        return Some(from_mention(m));
    }
    if let Some(m) = doc.mention_ending_at(e).filter(|m| m.label == "PERCENT") {
        // "32 percent said": the share of those polled speaks.
        return Some(Speaker {
            start: m.start,
            end: m.end,
            name: Some(doc.text[m.start..m.end].to_string()),
            kind: Kind::Group,
        });
    }
    // "Two in three said", "nine out of 10 say", "all but two said", "three-fourths say": a
    // share of those asked speaks, as a group.
    let share = is_share(doc, e, floor);
    // "The 31-year-old admitted": an age stands for the person ("31-year-old" is a number to the
    // entities layer).
    let age = word.text.ends_with("-year-old")
        && e > floor
        && matches!(doc.words[e - 1].text, "the" | "The" | "a" | "A");
    if !share
        && !age
        && doc
            .mention_ending_at(e)
            .is_some_and(|m| !matches!(m.label.as_str(), "PERSON" | "ORG" | "GPE" | "NORP"))
    {
        return None; // "Thursday", "45": dates and numbers do not speak
    }
    // "My view is that ...": the tagger's source "My" is the writer's, unnamed, as "I" is.
    if word.text.eq_ignore_ascii_case("my") && stands_alone(doc, e, floor) {
        return Some(Speaker {
            start: word.start,
            end: word.end,
            name: None,
            kind: Kind::Person,
        });
    }
    if let Some(singular) = lexicon::pronoun(word.text) {
        // "I" is the writer, or inside a quotation its speaker (settled once the quotes are
        // found); not the last person named ("Angels is a good song but I think ..." in readers'
        // comments).
        let first_person = word.text == "I";
        let resolved = (singular && !first_person)
            .then(|| doc.last_person_before(word.start))
            .flatten();
        return Some(Speaker {
            start: word.start,
            end: word.end,
            name: resolved.map(|m| m.canonical.clone()),
            kind: if resolved.is_some() || first_person {
                Kind::Person
            } else {
                Kind::Unknown
            },
        });
    }
    // A subject may stand apart from its verb by an adverb, not from its own noun.
    let s = noun_phrase_start(doc, e, floor, 5, lexicon::is_between);
    let head = word.text;
    let phrase_start = doc.words[s].start;
    let has_mention = doc
        .mentions
        .iter()
        .any(|m| m.start >= phrase_start && m.end <= word.end);
    let first = doc.words[s].text;
    // The phrase opens its clause: a subject, whatever its head ("Almost half of respondents").
    let opens_clause = s == floor
        || doc.words[s - 1].punct
        || matches!(doc.words[s - 1].text, "and" | "but" | "while" | "as");
    // After a conjunction that opens a sentence or a subordinate clause, only a plural is taken
    // for its subject ("While environmentalists welcomed ..."): a singular is as often a noun
    // before a noun-like verb ("But domestic demand seems ...", "if mobile music hopes ...").
    let opens_subordinate = s > floor
        && CLAUSE_OPENERS.contains(&doc.words[s - 1].text.to_ascii_lowercase().as_str())
        && head.len() > 3
        && lexicon::looks_plural(head);
    let looks_like_np = share
        || lexicon::is_group(head)
        || lexicon::is_determiner(first)
        || has_mention
        || head.chars().next().is_some_and(char::is_uppercase)
        || (opens_clause || opens_subordinate)
            && head.chars().all(char::is_alphabetic)
            && head.len() > 2;
    if !looks_like_np || !share && head.chars().all(|c| !c.is_alphabetic()) {
        return None;
    }
    // "the prime minister said": a person named by a role, whom the article may have named
    // with it before ("Prime Minister Tony Blair", "Gordon Brown, the chancellor,").
    let by_role = first.eq_ignore_ascii_case("the")
        && s < e
        && description::is_role_noun(&head.to_ascii_lowercase());
    if by_role {
        let role: Vec<&str> = doc.words[s + 1..=e].iter().map(|w| w.text).collect();
        if let Some(person) = person_with_role(doc, &role, phrase_start) {
            return Some(Speaker {
                start: phrase_start,
                end: word.end,
                name: Some(person.canonical.clone()),
                kind: Kind::Person,
            });
        }
    }
    let kind = if by_role {
        Kind::Person
    } else if share {
        Kind::Group
    } else {
        // "The government of Iraq", "the president of Cesar organisers": the noun before a
        // preposition heads the phrase, when it tells a kind ("54% of companies" is told by its
        // last noun).
        let before_preposition = (s + 1..e)
            .find(|&k| HEAD_PREPOSITIONS.contains(&doc.words[k].text))
            .map(|k| doc.words[k - 1].text.to_ascii_lowercase());
        match before_preposition.map(|noun| kind_of_head(&noun)) {
            Some(kind) if kind != Kind::Unknown => kind,
            _ => kind_of_noun(head),
        }
    };
    let text = &doc.text[phrase_start..word.end];
    Some(Speaker {
        start: phrase_start,
        end: word.end,
        name: Some(
            text.trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
        ),
        kind,
    })
}

/// Whether a lower-case noun names one person: a role ([`description::is_role_noun`]) or a
/// person as such ("man", "woman", "teenager").
pub(crate) fn is_person_noun(word: &str) -> bool {
    description::is_role_noun(word)
        || matches!(
            word,
            "man" | "woman" | "boy" | "girl" | "teenager" | "pensioner" | "youngster" | "person"
        )
}

/// Letters written after a person's name: offices and honours ("Guy Mansfield QC", "Ann
/// Clwyd MP").
const POST_NOMINALS: &[&str] = &[
    "QC", "KC", "MP", "MEP", "MSP", "AM", "MLA", "OBE", "MBE", "CBE", "KBE", "Jr", "Jr.", "Sr",
];

/// Verbs of speech that after a nationality's adjective are nouns: "British hope Imelda
/// Staunton" (a person), "British shows". ("Russian fears that ...", "British hopes of ..." are
/// stances, attributed to the nation as PolNeAR does.)
const NOUNS_AFTER_NATIONS: &[&str] = &["hope", "show", "shows"];

/// Adjectives that come before a noun, and so before a noun that looks like a verb of speech
/// ("a previous estimate", "a greater say", "the latest report").
const ADJECTIVES: &[&str] = &[
    "previous",
    "recent",
    "new",
    "latest",
    "greater",
    "biggest",
    "largest",
    "first",
    "last",
    "final",
    "initial",
    "original",
    "further",
    "separate",
    "similar",
    "earlier",
    "current",
    "second",
    "next",
    "major",
    "huge",
    "big",
    "strong",
    "high",
    "low",
    "early",
    "late",
    // Before "hope", "fears", "concern", "claims", "point" as nouns ("Fresh hope after Argentine
    // crisis", "mounting fears", "a quarter of a percentage point to 2.25%").
    "fresh",
    "renewed",
    "growing",
    "mounting",
    "rising",
    "increasing",
    "widespread",
    "faint",
    "false",
    "serious",
    "grave",
    "deep",
    "main",
    "key",
    "percentage",
];

/// Words that make a title another office than the one without them.
const TITLE_MODIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "shadow",
    "former",
    "acting",
    "assistant",
    "junior",
    "ex",
    "interim",
    "associate",
    "under",
    "would-be",
];

/// The person mentioned last before byte `at` with the role `role` (its words, in any case): as
/// a title right before the name ("Prime Minister Tony Blair") or as an apposition right after
/// it ("Gordon Brown, the chancellor,").
fn person_with_role<'d>(doc: &'d Doc<'_>, role: &[&str], at: usize) -> Option<&'d Mention> {
    let same = |words: &[Word<'_>]| {
        words.len() == role.len()
            && words
                .iter()
                .zip(role)
                .all(|(w, r)| w.text.eq_ignore_ascii_case(r))
    };
    doc.mentions_before(at)
        .filter(|m| m.label == "PERSON")
        .find(|m| {
            let first = doc.word_at_or_after(m.start);
            let after = doc.word_at_or_after(m.end);
            // Not part of a longer title: "Deputy Prime Minister John Prescott" is not the prime
            // minister, "shadow chancellor Oliver Letwin" not the chancellor.
            let titled = first >= role.len()
                && same(&doc.words[first - role.len()..first])
                && (first - role.len()).checked_sub(1).is_none_or(|k| {
                    !TITLE_MODIFIERS.contains(&doc.words[k].text.to_ascii_lowercase().as_str())
                });
            // ", the chancellor," / ", the prime minister": the article, then the role, then the
            // apposition's end.
            let apposed = doc.words.get(after).is_some_and(|w| w.text == ",")
                && doc
                    .words
                    .get(after + 1)
                    .is_some_and(|w| w.text.eq_ignore_ascii_case("the"))
                && doc
                    .words
                    .get(after + 2..after + 2 + role.len())
                    .is_some_and(same)
                && doc
                    .words
                    .get(after + 2 + role.len())
                    .is_none_or(|w| w.punct);
            titled || apposed
        })
}

/// The speaker named inside bytes `a..b` (a source span a tagger found): the last person,
/// organisation, place or group (NORP) mention in it ("Democratic presidential candidate Bernie
/// Sanders").
pub fn within(doc: &Doc<'_>, a: usize, b: usize) -> Option<Speaker> {
    let first = doc.mentions.partition_point(|m| m.start < a);
    let speaking = |end: usize| {
        doc.mentions[first..]
            .iter()
            .take_while(move |m| m.end <= end)
            .filter(|m| matches!(m.label.as_str(), "PERSON" | "ORG" | "GPE" | "NORP"))
    };
    // "Kenteris, a Greek hero after winning gold at the 2000 Olympics in Sydney,": an apposition
    // after a name that opens the span describes it; the name before the comma speaks, a person
    // rather than the place after it ("Raul Grijalva of Arizona, ...").
    let opens_with_name = doc.mentions.get(first).is_some_and(|m| m.start == a);
    let head = doc.text[a..b]
        .find(',')
        .filter(|_| opens_with_name)
        .and_then(|k| {
            let named: Vec<&Mention> = speaking(a + k).collect();
            named
                .iter()
                .rev()
                .find(|m| m.label == "PERSON")
                .or(named.last())
                .copied()
        });
    head.or_else(|| speaking(b).last()).map(from_mention)
}

/// The speaker at word `e` when it is a relative pronoun after a comma ("Dianne Feinstein, ...,
/// who said"): the pronoun's span, with the name and kind of its antecedent, the speaker before it
/// (searching no further left than `floor`).
pub fn relative_pronoun(doc: &Doc<'_>, e: usize, floor: usize) -> Option<Speaker> {
    let word = doc.words.get(e)?;
    if !matches!(word.text, "who" | "which") || e <= floor || doc.words[e - 1].text != "," {
        return None;
    }
    // "said Mr Fitzpatrick, who added": a person right before "who" (an organisation before
    // "which") is the antecedent; else the subject before an apposition ("Dianne Feinstein, the
    // ranking Democrat on the committee, who said").
    let label = if word.text == "who" { "PERSON" } else { "ORG" };
    let next_to = e
        .checked_sub(2)
        .filter(|&k| k >= floor)
        .and_then(|k| doc.mention_ending_at(k))
        .filter(|m| m.label == label && m.start >= doc.words[floor].start)
        .map(from_mention);
    next_to
        .or_else(|| before(doc, e, floor))
        .map(|antecedent| Speaker {
            start: word.start,
            end: word.end,
            ..antecedent
        })
}

/// Prepositions that open an adverbial before a clause's subject ("In three interviews, ...").
static PREPOSITION_OPENERS: WordSet = WordSet::new(&[
    "in", "on", "at", "after", "before", "during", "since", "for", "with", "from", "by",
]);

/// Words an infinitive of speech completes, its speaker the subject before them ("was quick to
/// say", "went on to call", "decided to tell"): those that did so in PolNeAR train in most of
/// their uses ("tried to", "had to" and "efforts to" did not).
const INFINITIVE_HEADS: &[&str] = &[
    "on",
    "quick",
    "continued",
    "continues",
    "continue",
    "continuing",
    "decided",
    "decides",
    "plans",
    "planned",
    "plan",
    "sought",
    "seeks",
    "likely",
    "able",
    "expected",
    "ready",
    "eager",
    "happy",
    "went",
    "began",
    "proceeded",
];

/// Documents a speaker issues ("a statement saying ...").
const DOCUMENTS: &[&str] = &[
    "statement",
    "letter",
    "email",
    "e-mail",
    "tweet",
    "post",
    "release",
    "memo",
    "message",
    "video",
    "report",
    "ad",
];

/// Nouns for the occasion or the means of speaking, beside [`DOCUMENTS`] ("in a speech", "in an
/// interview").
const MANNER_NOUNS: &[&str] = &[
    "speech",
    "interview",
    "interviews",
    "remarks",
    "address",
    "briefing",
    "conference",
    "call",
    "debate",
    "hearing",
    "book",
    "article",
    "column",
    "op-ed",
    "note",
    "statements",
    "letters",
];

/// Nouns of time that end an adverbial ("at the time", "this week", "last year").
const TIME_NOUNS: &[&str] = &[
    "time",
    "week",
    "weekend",
    "month",
    "year",
    "day",
    "morning",
    "afternoon",
    "evening",
    "night",
    "past",
];

/// The first word of a time adverbial that ends at word `e` and opens with a preposition or
/// "this"/"last"/"next" ("at the time", "on Tuesday", "this week", "earlier this month"), if any.
fn time_adverbial_ending_at(doc: &Doc<'_>, e: usize, floor: usize) -> Option<usize> {
    let word = doc.words.get(e)?;
    let timely = TIME_NOUNS.contains(&word.text.to_ascii_lowercase().as_str())
        || doc
            .mention_ending_at(e)
            .is_some_and(|m| matches!(m.label.as_str(), "DATE" | "TIME"));
    if !timely {
        return None;
    }
    (floor.max(e.saturating_sub(4))..e).rev().find(|&k| {
        matches!(
            doc.words[k].text.to_ascii_lowercase().as_str(),
            "at" | "on" | "in" | "during" | "this" | "last" | "next" | "earlier"
        )
    })
}

/// The speaker before the reporting verb at word `cue`: "Wang noted", "Mao Ning announced",
/// "Wang Junsheng, a research fellow ..., told". `floor` bounds the search (sentence start).
pub fn before(doc: &Doc<'_>, cue: usize, floor: usize) -> Option<Speaker> {
    let mut e = cue.checked_sub(1)?;
    // "Dianne Feinstein, the ranking Democrat ..., who said": the relative pronoun is the mention
    // next to the verb, and it speaks for its antecedent (as "he" for the person it refers to).
    if let Some(relative) = relative_pronoun(doc, e, floor) {
        return Some(relative);
    }
    // "how to attack a friend without saying, “...”", "Trump responded by saying ...": a
    // participle after a preposition speaks for the clause's subject.
    if doc.words[cue].text.ends_with("ing")
        && matches!(
            doc.words[e].text,
            "without" | "by" | "after" | "before" | "while" | "when" | "upon"
        )
    {
        return subject(doc, floor, e);
    }
    // "Black Lives Matter issued a statement saying ...": what the document says, its issuer
    // says.
    if doc.words[cue].text.ends_with("ing")
        && e > floor
        && DOCUMENTS.contains(&doc.words[e].text)
        && let Some(article) = (floor.max(e.saturating_sub(3))..e)
            .rev()
            .find(|&k| matches!(doc.words[k].text, "a" | "an"))
        && let Some(issuer) = subject(doc, floor, article)
    {
        // "sent out a press release saying ...": a word or two may qualify the document.
        return Some(issuer);
    }
    // "Trump was quick to say", "He went on to call", "Obama decided to tell": the subject of
    // the verb the infinitive completes.
    if doc.words[e].text == "to" && e > floor + 1 {
        let mut k = e - 1;
        if matches!(doc.words[k].text, "on" | "up") && k > floor + 1 {
            k -= 1;
        }
        if INFINITIVE_HEADS.contains(&doc.words[k].text) {
            e = k - 1;
        }
    }
    loop {
        while e > floor && lexicon::is_between(doc.words[e].text) {
            e -= 1;
        }
        // "Gov. John Kasich (R-OH), said": the comma after a parenthesis.
        if doc.words[e].text == "," && e > floor && doc.words[e - 1].text == ")" {
            e -= 1;
        }
        // "Sen. Marco Rubio (R-Fla.) said": skip the parenthesis.
        if doc.words[e].text == ")" {
            let open = (floor..e).rev().find(|&k| doc.words[k].text == "(")?;
            e = open.checked_sub(1)?;
            if e < floor {
                return None;
            }
            continue;
        }
        // "Mr Bez - himself a former executive at rival Porsche - said": skip the apposition
        // between dashes.
        if lexicon::is_dash(doc.words[e].text)
            && let Some(open) = (floor.max(e.saturating_sub(16))..e)
                .rev()
                .find(|&k| lexicon::is_dash(doc.words[k].text))
        {
            e = open.checked_sub(1)?;
            if e < floor {
                return None;
            }
            continue;
        }
        // "Trump at the time said", "Ryan on Tuesday said": when it was said, not who said it.
        if let Some(start) = time_adverbial_ending_at(doc, e, floor) {
            e = start.checked_sub(1)?;
            if e < floor {
                return None;
            }
            continue;
        }
        break;
    }
    if e < floor {
        return None;
    }
    // "Beck, who has in the past described": the relative pronoun before the adverbials.
    if e + 1 < cue
        && let Some(relative) = relative_pronoun(doc, e, floor)
    {
        return Some(relative);
    }
    if doc.words[e].text == "," {
        // An apposition that may hold commas of its own ("Jeffrey Salkin, a Hollywood, Fla.,
        // rabbi ..., said"): a name opening the clause and followed by a comma is the subject.
        // "Sen. Marco Rubio, R-Fla., appearing on Fox News ..., said": a title may come first.
        let titled = doc.words.get(floor).is_some_and(|w| {
            w.text.len() <= 5 && w.text.ends_with('.') && w.text.starts_with(char::is_uppercase)
        });
        let opening = doc
            .mention_starting_at(floor)
            .or_else(|| titled.then(|| doc.mention_starting_at(floor + 1)).flatten());
        if let Some(m) = opening
            && matches!(m.label.as_str(), "PERSON" | "ORG")
            && doc
                .word_before(m.end)
                .is_some_and(|l| doc.words.get(l + 1).is_some_and(|w| w.text == ","))
            && e - floor <= 45
        {
            return Some(from_mention(m));
        }
        // An apposition: the subject ends before the comma that opens it, or before the one
        // that opens a relative clause holding commas of its own ("The actor, whose films
        // include Schindler's List, Michael Collins and Star Wars, said").
        let nearest = (floor..e).rev().find(|&k| doc.words[k].text == ",")?;
        let open = (floor.max(e.saturating_sub(30))..nearest)
            .rev()
            .find(|&k| {
                doc.words[k].text == ","
                    && doc
                        .words
                        .get(k + 1)
                        .is_some_and(|w| matches!(w.text, "whose" | "who" | "which"))
            })
            .unwrap_or(nearest);
        let appositive = &doc.words[open + 1..e];
        if appositive.is_empty() || appositive.len() > 25 {
            return None;
        }
        // "His campaign manager, Jeff Weaver, said": a name set off after a role is who holds
        // it, and speaks.
        if let Some(m) = doc.mention_starting_at(open + 1).filter(|m| {
            m.label == "PERSON"
                && doc.word_at_or_after(m.end) == e
                && open > floor
                && description::is_role_noun(doc.words[open - 1].text)
        }) {
            return Some(from_mention(m));
        }
        e = open.checked_sub(1)?;
        if e < floor {
            return None;
        }
    }
    let phrase = phrase_ending_at(doc, e, floor)?;
    // "Scott Stanzel, a spokesman for the Bush-Cheney campaign said": an apposition whose closing
    // comma is missing describes the name before it, who speaks.
    let first = doc.word_at_or_after(phrase.start);
    let last = doc.word_before(phrase.end).unwrap_or(first);
    let a_role = (first..=last).any(|k| description::is_role_noun(doc.words[k].text))
        && lexicon::pronoun(doc.words[first].text).is_none()
        && !matches!(doc.words[first].text, "who" | "which" | "that");
    let named_before = (phrase.kind == Kind::Person
        && a_role
        && doc.mention_starting_at(first).is_none()
        && first >= floor + 2
        && doc.words[first - 1].text == ",")
        .then(|| doc.mention_ending_at(first - 2))
        .flatten()
        .filter(|m| {
            // The name opens the clause: not "In an interview with ... Mika Brzezinski, the
            // candidate stated".
            let name = doc.word_at_or_after(m.start);
            m.label == "PERSON" && (name <= floor || doc.words[name - 1].punct)
        });
    Some(named_before.map_or(phrase, from_mention))
}

/// Whether word `e` ends a share of people: a number after "in", "of" or "but" ("two in three",
/// "nine out of 10", "all but two") or a fraction ("three-fourths", "two-thirds", "half").
fn is_share(doc: &Doc<'_>, e: usize, floor: usize) -> bool {
    let word = doc.words[e].text.to_ascii_lowercase();
    let fraction = ["half", "thirds", "fourths", "fifths", "quarters"]
        .iter()
        .any(|f| {
            word.strip_suffix(f)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('-'))
        });
    let number = doc
        .mention_ending_at(e)
        .is_some_and(|m| m.label == "CARDINAL")
        || word.chars().all(|c| c.is_ascii_digit());
    fraction
        || number
            && e > floor
            && matches!(
                doc.words[e - 1].text.to_ascii_lowercase().as_str(),
                "in" | "of" | "but"
            )
}

/// The subject at the start of the clause `from..to`: a mention, a pronoun or a short noun phrase
/// that opens it ("Byrne also wrote ..., saying", "Kasich bemoaned ..., saying").
pub fn subject(doc: &Doc<'_>, from: usize, to: usize) -> Option<Speaker> {
    // "However, when adding ...", "Meanwhile, ...": a sentence adverb set off by a comma opens
    // no subject.
    let from = if from + 1 < to
        && doc.words[from + 1].text == ","
        && doc.mention_starting_at(from).is_none()
        && lexicon::is_between(&doc.words[from].text.to_ascii_lowercase())
    {
        from + 2
    } else {
        from
    };
    if from >= to {
        return None;
    }
    // A pronoun that opens the clause is its subject ("He praised Romney, adding, ..."), whatever
    // names follow.
    if lexicon::pronoun(doc.words[from].text).is_some() {
        return phrase_ending_at(doc, from, from);
    }
    // "In three separate interviews, the justice sounded off on Trump, saying ...": after an
    // opening adverbial, a noun phrase with an article is the subject, whatever names follow.
    let mut opening = from;
    if PREPOSITION_OPENERS.contains(doc.words[from].text)
        && let Some(comma) = (from..to.min(from + 10)).find(|&k| doc.words[k].text == ",")
    {
        opening = comma + 1;
    }
    if opening < to
        && matches!(
            doc.words[opening].text,
            "the" | "The" | "a" | "A" | "an" | "An"
        )
        && doc.mention_starting_at(opening).is_none()
        && doc.mention_starting_at(opening + 1).is_none()
    {
        let e = short_phrase_end(doc, opening, opening + 1, to, |w| {
            lexicon::is_cue(w) || lexicon::is_auxiliary(w)
        });
        if e < to
            && let Some(phrase) = phrase_ending_at(doc, e, opening)
        {
            return Some(phrase);
        }
    }
    // The first person or organisation named in the clause ("Hours later, Trump returned ..."),
    // past an opening adverbial ("In response to Trump's comments, Andanar released ...").
    let from = if opening < to { opening } else { from };
    let (a, b) = (doc.words[from].start, doc.words[to - 1].end);
    // Not a dateline's agency ("Washington (AFP) – Democrat Hillary Clinton has ..."): a name
    // in parentheses is no subject.
    let in_parentheses = |m: &Mention| {
        let (first, last) = (doc.word_at_or_after(m.start), doc.word_at_or_after(m.end));
        first > 0
            && doc.words[first - 1].text == "("
            && doc.words.get(last).is_some_and(|w| w.text == ")")
    };
    let first = doc.mentions.iter().find(|m| {
        m.start >= a
            && m.end <= b
            && matches!(m.label.as_str(), "PERSON" | "ORG")
            && !in_parentheses(m)
    });
    if let Some(m) = first {
        return Some(from_mention(titled_person(doc, m, to).unwrap_or(m)));
    }
    // Else a short noun phrase: up to the first punctuation, auxiliary or verb ("Flea shared the
    // news, writing ..." is said by "Flea", not "the news").
    let e = short_phrase_end(doc, from, from, to, lexicon::is_quote_cue);
    phrase_ending_at(doc, e, from)
}

/// The person an organisation's name is a title of ("Trump campaign manager Corey Lewandowski",
/// "Philippine Presidential Communications Office Secretary Martin Andanar"): a PERSON mention
/// at most three words after `m`, before word `to`, the words between a title ending in a role
/// noun or a capitalised word.
fn titled_person<'d>(doc: &'d Doc<'_>, m: &Mention, to: usize) -> Option<&'d Mention> {
    if m.label != "ORG" {
        return None;
    }
    let after = doc.word_at_or_after(m.end);
    let capitalised = |k: usize| doc.words[k].text.starts_with(char::is_uppercase);
    let person = (after..to.min(after + 4))
        .take_while(|&k| {
            !doc.words[k].punct && (capitalised(k) || description::is_title_word(doc.words[k].text))
        })
        .find_map(|k| doc.mention_starting_at(k).map(|p| (k, p)));
    let (k, person) = person.filter(|(_, p)| p.label == "PERSON")?;
    let titled =
        k == after || capitalised(k - 1) || description::is_role_noun(doc.words[k - 1].text);
    titled.then_some(person)
}

/// The last word of a short noun phrase that starts at word `start` (at most five words, before
/// `to`), grown from word `e`: it stops before punctuation, a word that may stand between a
/// subject and its verb, a past tense, or a word `is_verb` accepts.
fn short_phrase_end(
    doc: &Doc<'_>,
    start: usize,
    mut e: usize,
    to: usize,
    is_verb: impl Fn(&str) -> bool,
) -> usize {
    while e + 1 < to
        && e - start < 4
        && !doc.words[e + 1].punct
        && !lexicon::is_between(doc.words[e + 1].text)
        && !is_verb(doc.words[e + 1].text)
        && !lexicon::is_past_tense(doc.words[e + 1].text)
    {
        e += 1;
    }
    e
}

/// The speaker right after the reporting verb at word `cue`: "said Wang", "said the ministry".
pub fn after(doc: &Doc<'_>, cue: usize, ceiling: usize) -> Option<Speaker> {
    let s = cue + 1;
    if s >= ceiling {
        return None;
    }
    // Only a bare verb is inverted with its speaker ("said Wang"); after an auxiliary the words
    // are its object ("had accused an Evening Standard journalist of ..."), or a passive's agent
    // ("was described by Jobs as").
    if cue > 0 && lexicon::is_auxiliary(doc.words[cue - 1].text) && doc.words[s].text != "by" {
        return None;
    }
    let word = &doc.words[s];
    if lexicon::pronoun(word.text).is_some() {
        return phrase_ending_at(doc, s, s);
    }
    // "said in a note to investors": where or how it was said; no speaker opens with a
    // preposition, but for the agent of a passive ("was described by Jobs as “...”").
    if word.text != "by"
        && (matches!(word.text, "to" | "about" | "of") || PREPOSITION_OPENERS.contains(word.text))
    {
        return None;
    }
    // "said the spokesman", "said one official", "said Mr. Smith"; the phrase ends before a
    // preposition, a relative pronoun or a time ("said Deputy Prime Minister Abdullatif Sener
    // earlier this month").
    // The phrase walked to its longest, eight words; its first five are the usual phrase.
    let longest = {
        let mut e = s;
        while e + 1 < ceiling
            && e - s < 8
            && !doc.words[e + 1].punct
            && !lexicon::is_cue(doc.words[e + 1].text)
        {
            let next = doc.words[e + 1].text;
            if matches!(
                next,
                "on" | "in"
                    | "at"
                    | "of"
                    | "that"
                    | "who"
                    | "which"
                    | "when"
                    | "after"
                    | "earlier"
                    | "later"
                    | "this"
                    | "last"
                    | "yesterday"
                    | "today"
                    | "as"
                    | "while"
                    | "before"
            ) || lexicon::is_past_tense(next)
                || doc
                    .mention_starting_at(e + 1)
                    .is_some_and(|m| m.label == "DATE")
            {
                break;
            }
            e += 1;
        }
        e
    };
    let e = longest.min(s + 5);
    // A person named at the phrase's end is the speaker ("said Hopman Cup doctor Harry Smith",
    // "said Florida Republican strategist Rick Wilson"), else the mention that opens it.
    // A long title may hold more words ("said Tory shadow local government secretary Caroline
    // Spelman"), when a person's name ends them.
    let a = doc.words[s].start;
    let person_ending_at = |k: usize| {
        doc.mention_ending_at(k)
            .filter(|m| m.start >= a && m.label == "PERSON")
    };
    let person = person_ending_at(e).or_else(|| person_ending_at(longest));
    if let Some(m) = person.or_else(|| doc.mention_starting_at(s)) {
        return Some(from_mention(m));
    }
    // "said the festival's executive director, Craig Prater.": the role's holder is named
    // after a comma, at the sentence's end.
    let named_after = doc
        .words
        .get(e + 1)
        .filter(|w| w.text == ",")
        .and_then(|_| doc.mention_starting_at(e + 2))
        .filter(|m| {
            m.label == "PERSON"
                && description::is_role_noun(doc.words[e].text)
                && doc
                    .words
                    .get(doc.word_at_or_after(m.end))
                    .is_none_or(|w| matches!(w.text, "." | "!" | "?"))
        });
    if let Some(m) = named_after {
        return Some(from_mention(m));
    }
    phrase_ending_at(doc, e, s)
}

/// Whether a word can describe the name after it ("defunct TV soap", "car maker", "US bank"):
/// letters, in lower case or an acronym, and no function word or verb of speech.
fn is_descriptor_word(word: &str) -> bool {
    word.chars().all(|c| c.is_alphabetic() || c == '-')
        && (word.chars().all(|c| c.is_lowercase() || c == '-')
            || (word.len() <= 3 && word.chars().all(|c| c.is_ascii_uppercase())))
        && !lexicon::is_function_word(word)
        && !lexicon::is_cue(word)
}
