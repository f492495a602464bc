//! What the article says a speaker is: a role and an affiliation, read from an apposition after
//! a mention of the person (", a research fellow ... at the X,") or a title before it ("Foreign
//! Ministry spokesperson Mao Ning").
//!
//! A title is only a title when its last word names a role ("spokesperson", "candidate",
//! "economist"): the lower-case words before a name are as often a verb or a conjunction
//! ("Blistering attacks upend Trump", "listed as Clinton fundraisers", "Sanders and Clinton").
//! An apposition without an article before it must name a role in its first words, so that a
//! clause set off by commas ("Clinton, who runs", "Trump, denounced ...") is not read as one.

use crate::doc::{Doc, Mention};
use crate::lexicon::{self, WordSet};

/// What an apposition or a title says about a person: role and affiliation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Description {
    /// "research fellow of East Asian studies", "director", "spokesperson".
    pub role: Option<String>,
    /// "Chinese Academy of Social Sciences".
    pub affiliation: Option<String>,
}

/// The prepositions that introduce an affiliation ("director *of* the X").
const PREPOSITIONS: &[&str] = &["at", "of", "for", "with", "from", "in", "to", "on"];

/// Whether `word` is a preposition that introduces an affiliation after a role ("director *of*
/// the X", "the President *of* the European Parliament").
pub(crate) fn introduces_affiliation(word: &str) -> bool {
    PREPOSITIONS.contains(&word)
}

/// The most words a title before a name may have ("vice presidential candidate").
const MAX_TITLE_WORDS: usize = 3;

/// How many words of an apposition without an article may come before its role noun ("former
/// longtime campaign manager").
const ROLE_NOUN_WITHIN: usize = 4;

/// The role and affiliation of the person mentioned at `mention`: from an apposition after it, or
/// else a title before it; empty when neither says anything.
pub fn describe(doc: &Doc<'_>, mention: &Mention) -> Description {
    let first = doc.word_at_or_after(mention.start);
    let Some(last) = doc.word_before(mention.end) else {
        return Description::default();
    };
    let sentence = doc.sentence_of.get(first).copied().unwrap_or(0);
    let (s_start, s_end) = doc.sentences.get(sentence).copied().unwrap_or((0, 0));
    apposition(doc, first, last, (s_start, s_end))
        .or_else(|| title(doc, first, s_start))
        .unwrap_or_default()
}

/// The apposition after the name of words `first..=last`, in the sentence of words
/// `s_start..s_end`.
fn apposition(
    doc: &Doc<'_>,
    first: usize,
    last: usize,
    (s_start, s_end): (usize, usize),
) -> Option<Description> {
    if last + 2 >= s_end || doc.words[last + 1].text != "," {
        return None;
    }
    let open = last + 2;
    // The apposition ends at the next comma, or at a relative clause in it ("a seasoned operative
    // who worked for ..."), without the sentence's final punctuation.
    // A verb of speech ends it too when no comma closes it ("Peter Dobrow, T-Mobile spokesperson
    // said").
    let mut close = (open..s_end)
        .find(|&k| {
            let w = doc.words[k].text;
            w == ","
                || RELATIVE_SET.contains(w)
                || lexicon::is_cue(w)
                    && (lexicon::is_past_tense(w) || matches!(w, "says" | "tells" | "adds"))
        })
        .unwrap_or(s_end);
    // After a name that opens its sentence (or its opening preposition), words running to the
    // sentence's end are its main clause: "To Dr Carpenter, the solution comes out of ...".
    if close == s_end && first <= s_start + 1 {
        return None;
    }
    while close > open && doc.words[close - 1].punct {
        close -= 1;
    }
    let mut start = open;
    // An article or a rank ("top tester at PC Pro") introduces a role; the rank is part of it.
    let introduced = lexicon::is_determiner(doc.words[start].text) && start + 1 < close;
    if introduced && !lexicon::is_rank(doc.words[start].text) {
        start += 1;
    }
    let first_word = doc.words[start].text;
    // A capitalised word opens a role only as a nationality or a party before its role noun
    // ("European director for public policy at CompTIA", "Republican nominee"); else it is a
    // name or a place (", Ohio,").
    let capitalised_role = || {
        doc.mention_starting_at(start)
            .is_none_or(|m| matches!(m.label.as_str(), "NORP" | "MISC"))
            && (start + 1..close.min(start + ROLE_NOUN_WITHIN))
                .any(|k| is_role_noun(doc.words[k].text))
    };
    if close <= start
        || !first_word.chars().next().is_some_and(char::is_lowercase) && !capitalised_role()
        || is_function_word(first_word) && !lexicon::is_rank(first_word)
        || first_word.ends_with("ing")
    {
        return None;
    }
    // Without an article, a role noun must come soon: ", former president of X," but not ",
    // who runs X," or ", denounced the remarks."
    if !introduced
        && !(start..close.min(start + ROLE_NOUN_WITHIN)).any(|k| is_role_noun(doc.words[k].text))
    {
        return None;
    }
    // A clause is no apposition: ", the message will be the obvious one."
    if (start..close).any(|k| {
        let w = doc.words[k].text;
        lexicon::is_be(w) || lexicon::is_auxiliary(w)
    }) {
        return None;
    }
    let span_start = doc.words[start].start;
    let span_end = doc.words[close - 1].end;
    let org = doc.mentions.iter().find(|m| {
        m.start >= span_start
            && m.end <= span_end
            && m.label == "ORG"
            && !is_abbreviated_role(&doc.text[m.start..m.end])
    });
    match org {
        Some(org) => {
            // The role ends before the preposition (and article) that introduces the
            // organisation.
            let k = with_article(doc, doc.word_at_or_after(org.start), start);
            let role = if let Some(p) = affiliation_preposition(doc, k, start) {
                // "director of the X": the role ends before the preposition.
                Some(doc.text[span_start..doc.words[p - 1].end].to_string())
            } else if k > start || doc.words[start].start < org.start || org.end < span_end {
                // The organisation within the role ("former Hewlett-Packard chief executive").
                Some(doc.text[span_start..span_end].to_string())
            } else {
                None
            };
            Some(Description {
                role,
                affiliation: Some(org.canonical.clone()),
            })
        }
        None if close - start <= 8 => Some(named_after_preposition(doc, start, close).unwrap_or(
            Description {
                role: Some(doc.text[span_start..span_end].to_string()),
                affiliation: None,
            },
        )),
        None => None,
    }
}

/// Labels of a mention that may name an affiliation the entities layer did not type as an
/// organisation: after "at", "of" or "for" a firm is often taken for a place ("analyst at UBS",
/// "strategist at Troika Dialog", "professor at Brooklyn Law School").
const AFFILIATION_LABELS: &[&str] = &["ORG", "GPE", "FAC", "LOC"];

/// The role and affiliation of an apposition (words `start..close`) with no organisation
/// mention in it, when it reads "ROLE at/of/for NAME": a role with a role noun, then a
/// capitalised name after the first of those prepositions followed by one ("director of products
/// at Telewest", "head of Preventon", "analyst at Troika Dialog in Moscow"). The name is the
/// mention opening there (not a person's, a date's or a possessor's: "board member of Germany's
/// central bank") or its run of capitalised words, whichever is longer, and ends the apposition
/// but for a place ("in Moscow") or a noun for what it is ("Mac Format magazine"); other words
/// after it mean the name was only part of one ("director of About a Boy", "deputy editor of UK
/// magazine Mac Format", "producer of the Matrix trilogy"). `None` when there is no such name.
fn named_after_preposition(doc: &Doc<'_>, start: usize, close: usize) -> Option<Description> {
    let capitalised = |k: usize| doc.words[k].text.starts_with(|c: char| c.is_uppercase());
    // The name's first word after the preposition at word `p` and its article.
    let name_after = |p: usize| p + 1 + usize::from(lexicon::is_determiner(doc.words[p + 1].text));
    let p = (start + 1..close.saturating_sub(1)).find(|&p| {
        matches!(doc.words[p].text, "at" | "of" | "for") && {
            let first = name_after(p);
            first < close && capitalised(first)
        }
    })?;
    if !(start..p).any(|k| is_role_noun(doc.words[k].text)) {
        return None;
    }
    let first = name_after(p);
    let run_end = (first..close).find(|&k| !capitalised(k)).unwrap_or(close);
    let mention = doc.mention_starting_at(first);
    if mention.is_some_and(|m| {
        !AFFILIATION_LABELS.contains(&m.label.as_str())
            || lexicon::opens_possessive(&doc.text[m.end..])
    }) {
        return None;
    }
    let mention_end = mention.map_or(first, |m| doc.word_at_or_after(m.end));
    let end = run_end.max(mention_end);
    // What may follow the name: a place ("in Moscow"), or a noun for what it is ("Mac Format
    // magazine", "the BMW management board"), not for a place's office or a work ("the Munich
    // prosecutor", "the Matrix trilogy").
    let rest_is_a_place = end < close && doc.words[end].text == "in";
    let rest_is_what_it_is = doc.words[end..close]
        .last()
        .is_some_and(|w| lexicon::is_organisation_noun(w.text) || lexicon::is_media_noun(w.text))
        && mention.is_none_or(|m| m.label == "ORG")
        && !(end..close).any(capitalised);
    if end < close && !rest_is_a_place && !rest_is_what_it_is {
        return None;
    }
    let name = match mention {
        Some(m) if mention_end >= run_end => m.canonical.clone(),
        _ => doc.text[doc.words[first].start..doc.words[end - 1].end].to_string(),
    };
    Some(Description {
        role: Some(doc.text[doc.words[start].start..doc.words[p - 1].end].to_string()),
        affiliation: Some(name),
    })
}

/// The title before the name starting at word `first`, in a sentence starting at word `s_start`:
/// lower-case words ending in a role noun ("presidential candidate"), with the organisation
/// mentioned just before them as the affiliation ("Foreign Ministry spokesperson").
fn title(doc: &Doc<'_>, first: usize, s_start: usize) -> Option<Description> {
    let mut head = first.checked_sub(1).filter(|&h| h >= s_start)?;
    // The role set off by a comma before the name: "said the festival's executive director,
    // Craig Prater.", "his top aide, Tad Devine, told".
    let set_off = doc.words[head].text == "," && head > s_start;
    if set_off {
        head -= 1;
    }
    // A set-off role may name its organisation: "the new chair of the Internet Engineering Task
    // Force (IETF), Brian Carpenter, says".
    let name_gap = first - head;
    let mut named_affiliation = None;
    if set_off && !is_role_noun(doc.words[head].text) {
        let (org, role_end) = affiliation_ending_at(doc, head, s_start)?;
        named_affiliation = Some(org);
        head = role_end;
    }
    if !is_role_noun(doc.words[head].text) && !is_abbreviated_role(doc.words[head].text) {
        return None;
    }
    let mut k = head;
    while k > s_start
        && head + name_gap - k < MAX_TITLE_WORDS
        && is_title_word(doc.words[k - 1].text)
        && !is_verb_after_subject(doc, k - 1, s_start)
    {
        k -= 1;
    }
    if set_off && !opens_set_off_role(doc, k, s_start) {
        return None;
    }
    let role = doc.text[doc.words[k].start..doc.words[head].end].to_string();
    let affiliation = named_affiliation.or_else(|| {
        k.checked_sub(1)
            .and_then(|p| doc.mention_ending_at(p))
            .filter(|m| m.label == "ORG")
            .map(|m| m.canonical.clone())
    });
    Some(Description {
        role: Some(role),
        affiliation,
    })
}

/// Whether word `k` is a verb in the past after its subject, a name, a pronoun, an auxiliary or
/// a conjunction before it ("Apacs *chose* school teacher Helen Carroll", "Victoria Wood *slated*
/// comedian Sacha Baron Cohen", "and *thanked* director Taylor Hackford", "have *rapped* skipper
/// Olof Mellberg"), so no part of a title; "the famed director" has none.
fn is_verb_after_subject(doc: &Doc<'_>, k: usize, s_start: usize) -> bool {
    let word = doc.words[k].text;
    let past = word.len() > 4 && word.ends_with("ed") && !word.contains('-')
        || IRREGULAR_PAST_SET.contains(word);
    past && k > s_start && {
        let before = doc.words[k - 1].text;
        before.starts_with(char::is_uppercase)
            || lexicon::pronoun(before).is_some()
            || lexicon::is_auxiliary(before)
            || matches!(before, "and" | "but" | "who" | "then")
    }
}

/// Verbs in the past that a title might otherwise take in ("chose school teacher").
const IRREGULAR_PAST: &[&str] = &[
    "chose", "gave", "took", "made", "met", "saw", "left", "became", "won", "beat", "led", "sent",
    "brought", "sought", "hit", "struck", "threw", "caught", "taught", "fought", "bought",
];

static IRREGULAR_PAST_SET: WordSet = WordSet::new(IRREGULAR_PAST);

/// The organisation whose mention ends at word `end` (or before an abbreviation in brackets
/// there: "the Internet Engineering Task Force (IETF)"), introduced by a preposition of
/// affiliation ("chair *of* the ..."), with the last word before that preposition: the
/// organisation's canonical name and where the role before it ends.
fn affiliation_ending_at(doc: &Doc<'_>, end: usize, s_start: usize) -> Option<(String, usize)> {
    let mut end = end;
    if doc.words[end].text == ")" {
        end = (end.saturating_sub(3).max(s_start)..end)
            .rev()
            .find(|&k| doc.words[k].text == "(")?
            .checked_sub(1)?;
    }
    let org = doc.mention_ending_at(end).filter(|m| m.label == "ORG")?;
    let k = with_article(doc, doc.word_at_or_after(org.start), s_start);
    let p = affiliation_preposition(doc, k, s_start)?;
    Some((org.canonical.clone(), p - 1))
}

/// Where the phrase of the name starting at word `name` starts with its articles ("the X"), no
/// further left than word `floor`.
fn with_article(doc: &Doc<'_>, name: usize, floor: usize) -> usize {
    let mut k = name;
    while k > floor && lexicon::is_determiner(doc.words[k - 1].text) {
        k -= 1;
    }
    k
}

/// The preposition of affiliation right before the phrase starting at word `k` ("director *of*
/// the X"), with a word of the role before it, after word `floor`.
fn affiliation_preposition(doc: &Doc<'_>, k: usize, floor: usize) -> Option<usize> {
    let p = k.checked_sub(1)?;
    (p > floor && introduces_affiliation(doc.words[p].text)).then_some(p)
}

/// Whether the words before a role set off by a comma, which starts at word `k`, make it a noun
/// phrase of its own: a possessive ("Nevada's governor, Brian Sandoval"), or a determiner at the
/// start of a sentence or clause ("His top aide, Tad Devine, told"); not after a preposition or
/// "be", where the phrase ends an opening adverbial ("Regarding the Democratic front-runner,
/// Westmacott said", "to be president, Clinton ...").
fn opens_set_off_role(doc: &Doc<'_>, k: usize, s_start: usize) -> bool {
    let Some(d) = k.checked_sub(1).filter(|&d| d >= s_start) else {
        return false;
    };
    let word = doc.words[d].text;
    // "'s" stands alone after the host's tokenizer, "company's" whole after others.
    if lexicon::possessive_stem(word).is_some() {
        return true;
    }
    let determiner = matches!(
        word.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
    );
    // The phrase opens the sentence or a clause, or follows its verb ("said the chief executive,
    // John Smith."); not after another verb, whose object it is ("to endorse a candidate, Trumka
    // was ...").
    determiner
        && (d == s_start || {
            let before = &doc.words[d - 1];
            before.punct
                || lexicon::is_cue(before.text)
                || matches!(
                    before.text.to_ascii_lowercase().as_str(),
                    "and" | "but" | "while" | "including"
                )
        })
}

/// Whether `word` may stand in a title before its role noun ("former", "presidential",
/// "campaign"): a lower-case word that is neither a function word nor a verb of speech.
pub(crate) fn is_title_word(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '-')
        && word.chars().any(char::is_alphabetic)
        && !is_function_word(word)
        && !lexicon::is_cue(word)
}

/// Whether `word` is an article, preposition, conjunction, pronoun, auxiliary or question word:
/// never part of a title, nor the start of an apposition.
fn is_function_word(word: &str) -> bool {
    lexicon::is_function_word(word)
        || lexicon::is_determiner(word)
        || lexicon::is_auxiliary(word)
        || lexicon::is_be(word)
        || lexicon::pronoun(word).is_some()
        || FUNCTION_WORD_SET.contains(word)
}

/// Whether `word` names a role a person has: a job, an office, a standing in a contest or a
/// family ("spokesperson", "nominee", "front-runner", "daughter"), from the list or by its ending
/// ("-man", "-woman", "-person", "-ist").
pub fn is_role_noun(word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    ROLE_NOUN_SET.contains(word)
        || SPORTS_ROLE_SET.contains(word)
        || (word.len() > 5
            && ["man", "woman", "person", "ist"]
                .iter()
                .any(|ending| word.ends_with(ending))
            && !NOT_ROLE_SET.contains(word))
}

/// Whether `word` is a role written in capitals ("CEO", "CFO"), which the entities layer may take
/// for an organisation.
fn is_abbreviated_role(word: &str) -> bool {
    (2..=4).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && ROLE_NOUN_SET.contains(&word.to_ascii_lowercase())
}

static ROLE_NOUN_SET: WordSet = WordSet::new(ROLE_NOUNS);
static SPORTS_ROLE_SET: WordSet = WordSet::new(SPORTS_ROLES);

/// Roles of sport: the positions and sports by which sports pages name their people ("sprinter
/// Kelli White", "said the Sale full-back").
const SPORTS_ROLES: &[&str] = &[
    "athlete",
    "sprinter",
    "runner",
    "hurdler",
    "boxer",
    "golfer",
    "swimmer",
    "cyclist",
    "jockey",
    "skipper",
    "batsman",
    "bowler",
    "fly-half",
    "scrum-half",
    "full-back",
];

/// Whether `word` (in lower case) names a role of sport ("sprinter", "fly-half"), which a
/// description of the person named before may end in ("the Newport-based athlete").
pub fn is_sports_role(word: &str) -> bool {
    SPORTS_ROLE_SET.contains(word)
}
static NOT_ROLE_SET: WordSet = WordSet::new(NOT_ROLES);
static FUNCTION_WORD_SET: WordSet = WordSet::new(FUNCTION_WORDS);
static RELATIVE_SET: WordSet = WordSet::new(&["who", "whom", "whose", "which", "that"]);

/// Role nouns that no ending gives: offices, jobs, standings and kinship. Counted from the words
/// before person names and at the head of their appositions in PolNeAR train and the BBC corpus,
/// and completed by hand.
const ROLE_NOUNS: &[&str] = &[
    // Office and government.
    "president",
    "vice-president",
    "president-elect",
    "premier",
    "minister",
    "secretary",
    "secretary-general",
    "governor",
    "senator",
    "representative",
    "lawmaker",
    "legislator",
    "delegate",
    "mayor",
    "councillor",
    "councilor",
    "commissioner",
    "ambassador",
    "envoy",
    "diplomat",
    "official",
    "officer",
    "administrator",
    "regulator",
    "chancellor",
    "speaker",
    "whip",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "monarch",
    "dictator",
    "general",
    "colonel",
    "commander",
    "admiral",
    "captain",
    "lieutenant",
    "sergeant",
    "marshal",
    "sheriff",
    "detective",
    "inspector",
    "agent",
    "soldier",
    "veteran",
    // Law.
    "judge",
    "justice",
    "attorney",
    "lawyer",
    "counsel",
    "prosecutor",
    "solicitor",
    "barrister",
    "defendant",
    "plaintiff",
    "witness",
    "suspect",
    "victim",
    "coroner",
    // Business and organisations.
    "chief",
    "head",
    "ceo",
    "cfo",
    "coo",
    "executive",
    "director",
    "co-director",
    "manager",
    "founder",
    "co-founder",
    "owner",
    "partner",
    "associate",
    "member",
    "staffer",
    "employee",
    "worker",
    "boss",
    "chair",
    "chairwoman",
    "chairperson",
    "treasurer",
    "adviser",
    "advisor",
    "aide",
    "assistant",
    "deputy",
    "consultant",
    "operative",
    "surrogate",
    "organiser",
    "organizer",
    "campaigner",
    "volunteer",
    "donor",
    "investor",
    "banker",
    "broker",
    "entrepreneur",
    "mogul",
    "tycoon",
    "magnate",
    "billionaire",
    "millionaire",
    "developer",
    "farmer",
    "engineer",
    "pilot",
    "firefighter",
    "landlord",
    "tenant",
    "retiree",
    "resident",
    "voter",
    "supporter",
    "opponent",
    "critic",
    "expert",
    "analyst",
    "pollster",
    // Contests.
    "candidate",
    "nominee",
    "hopeful",
    "contender",
    "challenger",
    "front-runner",
    "frontrunner",
    "runner-up",
    "rival",
    "incumbent",
    "winner",
    "champion",
    "mate",
    // Learning, health, faith.
    "professor",
    "lecturer",
    "dean",
    "provost",
    "principal",
    "teacher",
    "student",
    "graduate",
    "researcher",
    "scholar",
    "academic",
    "fellow",
    "historian",
    "doctor",
    "surgeon",
    "neurosurgeon",
    "physician",
    "pediatrician",
    "nurse",
    "psychiatrist",
    "pastor",
    "priest",
    "bishop",
    "rabbi",
    "imam",
    "cardinal",
    "pope",
    "reverend",
    "chaplain",
    // Press, arts and sport.
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "author",
    "co-author",
    "commentator",
    "anchor",
    "host",
    "co-host",
    "presenter",
    "broadcaster",
    "moderator",
    "pundit",
    "blogger",
    "publisher",
    "producer",
    "filmmaker",
    "designer",
    "architect",
    "photographer",
    "actor",
    "actress",
    "singer",
    "rapper",
    "musician",
    "comedian",
    "star",
    "model",
    "chef",
    "coach",
    "player",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    // Family and acquaintance.
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "brother",
    "sister",
    "widow",
    "nephew",
    "niece",
    "cousin",
    "grandson",
    "granddaughter",
    "friend",
    "neighbor",
    "neighbour",
    "colleague",
    "lady",
];

/// Words with a role noun's ending that name no role.
const NOT_ROLES: &[&str] = &[
    "exist", "insist", "resist", "assist", "persist", "consist", "german", "roman", "human",
    "layman", "amidst", "against", "person",
];

/// Short words that neither stand in a title nor open an apposition, beyond those that cannot end
/// a speaker's phrase ([`lexicon::is_function_word`]); pronouns and auxiliaries are asked of the
/// lexicon.
const FUNCTION_WORDS: &[&str] = &[
    "like",
    "why",
    "how",
    "including",
    "about",
    "against",
    "between",
    "over",
    "under",
    "into",
    "through",
    "during",
    "without",
    "via",
    "versus",
    "among",
    "toward",
    "towards",
    "behind",
    "not",
    "also",
    "then",
    "now",
    "even",
    "just",
    "only",
    "too",
    "very",
    "meanwhile",
    "however",
    "both",
    "either",
    "neither",
    "all",
    "some",
    "many",
    "most",
    "more",
    "such",
    "own",
    "says",
    "say",
    "said",
    "told",
    "according",
    "aside",
    "my",
    "your",
    "our",
    "his",
    "her",
    "their",
    "its",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The description of the first mention of `name` in `text`, where `names` are the mentions
    /// (text, label, canonical) the entities layer would give.
    fn described(text: &str, names: &[(&str, &str, &str)], name: &str) -> (String, String) {
        let doc = crate::tests::doc(text, names);
        let mention = doc
            .mentions
            .iter()
            .find(|m| &text[m.start..m.end] == name)
            .unwrap_or_else(|| panic!("no mention of {name} in {text}"));
        let d = describe(&doc, mention);
        (
            d.role.unwrap_or_default(),
            d.affiliation.unwrap_or_default(),
        )
    }

    #[test]
    fn an_organisation_the_entities_layer_took_for_a_place_or_missed_is_the_affiliation() {
        let names = &[
            ("Oleg Maximov", "PERSON", "Oleg Maximov"),
            ("Troika Dialog", "GPE", "Troika Dialog"),
            ("Moscow", "GPE", "Moscow"),
            ("Paul Goosens", "PERSON", "Paul Goosens"),
            ("Hans Reckers", "PERSON", "Hans Reckers"),
            ("Germany", "GPE", "Germany"),
            ("Chris Weitz", "PERSON", "Chris Weitz"),
            ("Anton Winkler", "PERSON", "Anton Winkler"),
            ("Munich", "GPE", "Munich"),
        ];
        let text =
            "Oleg Maximov, an analyst at Troika Dialog in Moscow, said the sale was a front.";
        assert_eq!(
            described(text, names, "Oleg Maximov"),
            ("analyst".into(), "Troika Dialog".into())
        );
        let text = "Paul Goosens, head of Preventon, said the program was free.";
        assert_eq!(
            described(text, names, "Paul Goosens"),
            ("head".into(), "Preventon".into())
        );
        // Not a possessor, a work's title cut short, nor a place's office.
        let text = "Hans Reckers, board member of Germany's central bank, said rates would hold.";
        assert_eq!(described(text, names, "Hans Reckers").1, "");
        let text = "Chris Weitz, director of About a Boy, said he was honoured.";
        assert_eq!(described(text, names, "Chris Weitz").1, "");
        let text = "Anton Winkler, spokesman for the Munich prosecutor, said the case was open.";
        assert_eq!(described(text, names, "Anton Winkler").1, "");
    }

    #[test]
    fn titles_end_in_a_role_noun() {
        let names = &[
            ("Mao Ning", "PERSON", "Mao Ning"),
            ("Foreign Ministry", "ORG", "Foreign Ministry"),
            ("Rick Wilson", "PERSON", "Rick Wilson"),
            ("Florida", "GPE", "Florida"),
        ];
        let text = "Foreign Ministry spokesperson Mao Ning announced the visit.";
        assert_eq!(
            described(text, names, "Mao Ning"),
            ("spokesperson".into(), "Foreign Ministry".into())
        );
        let text = "The race is close, said Florida Republican strategist Rick Wilson.";
        assert_eq!(described(text, names, "Rick Wilson").0, "strategist");
        let text = "The former vice presidential candidate Rick Wilson spoke.";
        assert_eq!(
            described(text, names, "Rick Wilson").0,
            "vice presidential candidate"
        );
    }

    #[test]
    fn an_apposition_may_open_with_a_nationality_and_end_at_a_verb() {
        let names = &[
            ("Hugo Lueders", "PERSON", "Hugo Lueders"),
            ("European", "NORP", "European"),
            ("Donald Trump", "PERSON", "Donald Trump"),
            ("Republican", "NORP", "Republican"),
            ("Peter Dobrow", "PERSON", "Peter Dobrow"),
            ("Mary Jones", "PERSON", "Mary Jones"),
            ("Ohio", "GPE", "Ohio"),
        ];
        let text =
            "Hugo Lueders, European director for public policy, said inventors would prosper.";
        assert_eq!(
            described(text, names, "Hugo Lueders").0,
            "European director for public policy"
        );
        let text = "Donald Trump, the Republican nominee, said he would win.";
        assert_eq!(
            described(text, names, "Donald Trump").0,
            "Republican nominee"
        );
        let text = "Peter Dobrow, T-Mobile spokesperson said the service would resume.";
        assert_eq!(
            described(text, names, "Peter Dobrow").0,
            "T-Mobile spokesperson"
        );
        // A place after a name is no role.
        let text = "Mary Jones, Ohio, said the plan had failed.";
        assert_eq!(described(text, names, "Mary Jones").0, "");
    }

    #[test]
    fn verbs_and_conjunctions_before_a_name_are_no_title() {
        let names = &[
            ("Trump", "PERSON", "Donald Trump"),
            ("Clinton", "PERSON", "Hillary Clinton"),
            ("Sanders", "PERSON", "Bernie Sanders"),
        ];
        for (text, name) in [
            (
                "Blistering attacks upend Trump's pivot to statesman mode.",
                "Trump",
            ),
            (
                "Eight hedge funders are listed as Clinton fundraisers.",
                "Clinton",
            ),
            (
                "Voters chose between Sanders and Clinton on Tuesday.",
                "Clinton",
            ),
            ("He met Sanders while Clinton spoke.", "Clinton"),
        ] {
            assert_eq!(
                described(text, names, name),
                (String::new(), String::new()),
                "{text}"
            );
        }
    }

    #[test]
    fn appositions_name_a_role_not_a_clause() {
        let names = &[
            ("Wang Junsheng", "PERSON", "Wang Junsheng"),
            (
                "Chinese Academy of Social Sciences",
                "ORG",
                "Chinese Academy of Social Sciences",
            ),
            ("Carly Fiorina", "PERSON", "Carly Fiorina"),
            ("Hewlett-Packard", "ORG", "Hewlett-Packard"),
            ("Ann Cole", "PERSON", "Ann Cole"),
            ("Ted Cruz", "PERSON", "Ted Cruz"),
        ];
        let text = "Wang Junsheng, a research fellow of East Asian studies at the Chinese Academy \
                    of Social Sciences in Beijing, told the Global Times on Wednesday that the \
                    visit matters.";
        assert_eq!(
            described(text, names, "Wang Junsheng"),
            (
                "research fellow of East Asian studies".into(),
                "Chinese Academy of Social Sciences".into()
            )
        );
        // The organisation inside the role keeps the role whole.
        let text = "“We will win,” said Carly Fiorina, former Hewlett-Packard chief executive.";
        assert_eq!(
            described(text, names, "Carly Fiorina"),
            (
                "former Hewlett-Packard chief executive".into(),
                "Hewlett-Packard".into()
            )
        );
        // A relative clause ends the role; the sentence's period is not part of it.
        let text = "“It is over,” said Ann Cole, a seasoned operative who worked for Ted Cruz.";
        assert_eq!(described(text, names, "Ann Cole").0, "seasoned operative");
        let text = "“It is over,” said Ann Cole, spokeswoman for Ted Cruz.";
        assert_eq!(
            described(text, names, "Ann Cole").0,
            "spokeswoman for Ted Cruz"
        );
        // Clauses set off by commas are no appositions.
        for text in [
            "Ted Cruz, who runs a small firm, spoke first.",
            "Ted Cruz, denounced by his rivals, spoke first.",
            "Ted Cruz, swallowing a rival and doubling his lead, spoke first.",
            "Ted Cruz, the message will be the obvious one, spoke first.",
        ] {
            assert_eq!(described(text, names, "Ted Cruz").0, "", "{text}");
        }
        // After a name that opens its sentence, what runs to the sentence's end is its clause.
        for text in [
            "To Ted Cruz, the solution comes out of technological and human behaviour.",
            "Ted Cruz, husband expecting second child",
        ] {
            assert_eq!(described(text, names, "Ted Cruz").0, "", "{text}");
        }
    }

    #[test]
    fn a_role_set_off_before_a_name_may_name_its_organisation() {
        let names = &[
            (
                "Internet Engineering Task Force",
                "ORG",
                "Internet Engineering Task Force",
            ),
            ("IETF", "ORG", "IETF"),
            ("Brian Carpenter", "PERSON", "Brian Carpenter"),
            ("Bar Council", "ORG", "Bar Council"),
            ("Guy Mansfield", "PERSON", "Guy Mansfield"),
        ];
        let text = "\"We have hardly started,\" the new chair of the Internet Engineering Task \
                    Force (IETF), Brian Carpenter, says.";
        assert_eq!(
            described(text, names, "Brian Carpenter"),
            ("new chair".into(), "Internet Engineering Task Force".into())
        );
        let text = "The chairman of the Bar Council, Guy Mansfield QC warned there was a risk.";
        assert_eq!(
            described(text, names, "Guy Mansfield"),
            ("chairman".into(), "Bar Council".into())
        );
        // An opening adverbial is no role: "In the Bar Council, Guy Mansfield ...".
        let text = "In a letter to the Bar Council, Guy Mansfield warned there was a risk.";
        assert_eq!(described(text, names, "Guy Mansfield").0, "");
    }

    #[test]
    fn a_verb_after_its_subject_is_no_part_of_a_title() {
        let names = &[
            ("Apacs", "ORG", "Apacs"),
            ("Helen Carroll", "PERSON", "Helen Carroll"),
            ("Victoria Wood", "PERSON", "Victoria Wood"),
            ("Sacha Baron Cohen", "PERSON", "Sacha Baron Cohen"),
            ("Taylor Hackford", "PERSON", "Taylor Hackford"),
        ];
        let text = "Apacs chose school teacher Helen Carroll to make the transaction.";
        assert_eq!(
            described(text, names, "Helen Carroll"),
            ("school teacher".into(), "".into())
        );
        let text = "Victoria Wood slated comedian Sacha Baron Cohen for his show.";
        assert_eq!(described(text, names, "Sacha Baron Cohen").0, "comedian");
        let text = "She praised the film and thanked director Taylor Hackford.";
        assert_eq!(described(text, names, "Taylor Hackford").0, "director");
        let text = "O'Leary has rapped skipper Taylor Hackford for his comments.";
        assert_eq!(described(text, names, "Taylor Hackford").0, "skipper");
        // An adjective in -ed after an article stays: "the famed director".
        let text = "The film won, said the famed director Taylor Hackford.";
        assert_eq!(
            described(text, names, "Taylor Hackford").0,
            "famed director"
        );
    }

    #[test]
    fn a_role_in_capitals_is_no_affiliation() {
        // The entities layer may take "CEO" for an organisation.
        let names = &[
            ("Corcostegui", "PERSON", "Angel Corcostegui"),
            ("CEO", "ORG", "CEO"),
            ("Santander", "ORG", "Santander"),
            ("Alfredo Saenz", "PERSON", "Alfredo Saenz"),
        ];
        let text = "Mr Corcostegui, a former CEO at Santander, also asked the court for time.";
        assert_eq!(
            described(text, names, "Corcostegui"),
            ("former CEO".into(), "Santander".into())
        );
        let text = "The bank's CEO Alfredo Saenz said profits rose.";
        assert_eq!(described(text, names, "Alfredo Saenz").0, "CEO");
    }
}
