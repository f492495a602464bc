//! Word lists: reporting verbs in all their forms, the words that may stand between a speaker and
//! a verb, nouns for unnamed groups, pronouns, and the words that mark a news outlet.

use byline_ner::hash::WordHasher;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A set of lower-case words, looked up in any case without allocating (for ASCII words): the
/// rules ask about every word of every sentence, so a scan of the list would cost, and so would
/// the standard library's SipHash (the words are hashed with the word-at-a-time [`WordHasher`]).
pub(crate) struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, BuildHasherDefault<WordHasher>>>,
}

impl WordSet {
    pub(crate) const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let set = self.set.get_or_init(|| self.list.iter().copied().collect());
        let mut buf = [0u8; 32];
        if word.len() > buf.len() {
            return false; // no listed word is that long
        }
        if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                // Most words are in lower case already: no copy.
                return set.contains(word);
            }
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|w| set.contains(w))
        } else {
            set.contains(word.to_lowercase().as_str())
        }
    }
}

static CUE_SET: WordSet = WordSet::new(CUES);
static QUOTE_CUE_SET: WordSet = WordSet::new(QUOTE_CUES);
static NOUN_LIKE_SET: WordSet = WordSet::new(NOUN_LIKE);
static BETWEEN_SET: WordSet = WordSet::new(BETWEEN);
static GROUP_SET: WordSet = WordSet::new(GROUPS);
static MEDIA_SET: WordSet = WordSet::new(MEDIA);

/// Reporting verbs, every inflected form. Speech first, then beliefs and claims.
const CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "note",
    "notes",
    "noted",
    "noting",
    "warn",
    "warns",
    "warned",
    "warning",
    "argue",
    "argues",
    "argued",
    "arguing",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "announce",
    "announces",
    "announced",
    "announcing",
    "state",
    "states",
    "stated",
    "explain",
    "explains",
    "explained",
    "explaining",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "stress",
    "stresses",
    "stressed",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasise",
    "emphasised",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "ask",
    "asks",
    "asked",
    "write",
    "writes",
    "wrote",
    "written",
    "report",
    "reports",
    "reported",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "suggest",
    "suggests",
    "suggested",
    "predict",
    "predicts",
    "predicted",
    "forecast",
    "forecasted",
    "urge",
    "urges",
    "urged",
    "recall",
    "recalls",
    "recalled",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "declare",
    "declares",
    "declared",
    "maintain",
    "maintains",
    "maintained",
    "observe",
    "observes",
    "observed",
    "remark",
    "remarks",
    "remarked",
    "tweet",
    "tweets",
    "tweeted",
    "testify",
    "testified",
    "contend",
    "contends",
    "contended",
    "assert",
    "asserts",
    "asserted",
    "allege",
    "alleges",
    "alleged",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "hope",
    "hopes",
    "hoped",
    "fear",
    "fears",
    "feared",
    "expect",
    "expects",
    "expected",
    "caution",
    "cautions",
    "cautioned",
    "complain",
    "complains",
    "complained",
    "reveal",
    "reveals",
    "revealed",
    "disclose",
    "discloses",
    "disclosed",
    "indicate",
    "indicates",
    "indicated",
    "agree",
    "agrees",
    "agreed",
    "concede",
    "concedes",
    "conceded",
    "vow",
    "vows",
    "vowed",
    "promise",
    "promises",
    "promised",
    "pledge",
    "pledges",
    "pledged",
    "predicting",
    "forecasting",
    "estimate",
    "estimates",
    "estimated",
    "conclude",
    "concludes",
    "concluded",
    "describe",
    "described",
    "describes",
    "quip",
    "quipped",
    "joke",
    "joked",
    "boast",
    "boasted",
    "charge",
    "charged",
    "counter",
    "countered",
    "continue",
    "continued",
    "demand",
    "demanded",
    "point",
    "pointed",
    "points",
    "pointing",
    "refer",
    "refers",
    "referred",
    "referring",
    "talked",
    "talks",
    "learned",
    "know",
    "knows",
    "knew",
    "worry",
    "worries",
    "worried",
    "feel",
    "feels",
    "felt",
    "acknowledging",
    "explaining",
    "writing",
    "reckon",
    "reckons",
    "reckoned",
    // Stances and judgements, which attribution corpora such as PolNeAR annotate too.
    "call",
    "calls",
    "called",
    "calling",
    "criticize",
    "criticizes",
    "criticized",
    "criticise",
    "criticised",
    "accuse",
    "accuses",
    "accused",
    "endorse",
    "endorses",
    "endorsed",
    "support",
    "supports",
    "supported",
    "oppose",
    "opposes",
    "opposed",
    "defend",
    "defends",
    "defended",
    "want",
    "wants",
    "wanted",
    "propose",
    "proposes",
    "proposed",
    "praise",
    "praises",
    "praised",
    "cite",
    "cites",
    "cited",
    "find",
    "finds",
    "found",
    "show",
    "shows",
    "showed",
    "blame",
    "blames",
    "blamed",
    "reject",
    "rejects",
    "rejected",
    "dismiss",
    "dismissed",
    "condemn",
    "condemns",
    "condemned",
    "slam",
    "slammed",
    "blast",
    "blasted",
    "attack",
    "attacked",
    "mock",
    "mocked",
    "welcome",
    "welcomed",
    "hail",
    "hailed",
    "recommend",
    "recommended",
    "question",
    "questioned",
    "decline",
    "declined",
    "insist",
    "suggesting",
    "arguing",
    "claiming",
    // Learned from PolNeAR train: verbs its annotators mark as cues in 60% or more of their uses
    // (8 uses or more), see plugins/quotes/README.md.
    "decried",
    "slams",
    "lamented",
    "reiterated",
    "touted",
    "railed",
    "denounced",
    "expressed",
    "signaled",
    "reminded",
    "echoed",
    "ordered",
    "assured",
    "voiced",
    "portrayed",
    "likened",
    "invoked",
    "mentioned",
    "discussed",
    "deemed",
    "emailed",
    "implied",
    "listed",
    "projected",
    "encouraged",
    "challenged",
    "applauded",
    "championed",
    "refused",
    "refuses",
    "stating",
    "citing",
    "describing",
    "touting",
    "dismissing",
    "recalling",
    "vowing",
    "praising",
    "accusing",
    "denouncing",
    "declaring",
    "repeating",
    "slamming",
    "criticizing",
    "promising",
    "questioning",
    "reminding",
    "urging",
    "hoping",
    "refusing",
    "alleging",
    "mocking",
    "proposing",
];

/// What the word that a cue needs after it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowerRole {
    /// A particle of the cue, needed next to a quotation too ("pointed out", "went on").
    Particle,
    /// A particle of the cue, needed in reported speech only ("referred to", "talked about").
    ProseParticle,
    /// It opens what was said and is no part of the cue ("learned that", "described as"); next
    /// to a quotation the cue needs none ("“...,” he continued").
    Opener,
}

/// Cues that need a particle or object to be reporting verbs ("pointed out", "learned that").
const NEEDS_FOLLOWER: &[(&str, &[&str], FollowerRole)] = {
    use FollowerRole::{Opener, Particle, ProseParticle};
    &[
        ("point", &["out", "to"], Particle),
        ("pointed", &["out", "to"], Particle),
        ("went", &["on"], Particle),
        ("points", &["out", "to"], Particle),
        ("pointing", &["out", "to"], Particle),
        ("refer", &["to"], ProseParticle),
        ("refers", &["to"], ProseParticle),
        ("referred", &["to"], ProseParticle),
        ("referring", &["to"], ProseParticle),
        ("talked", &["about"], ProseParticle),
        ("talks", &["about"], ProseParticle),
        ("learned", &["that"], Opener),
        ("continue", &["\"", "“"], Opener),
        ("continued", &["\"", "“", ":", ","], Opener),
        ("know", &["that"], Opener),
        ("knows", &["that"], Opener),
        ("knew", &["that"], Opener),
        ("feel", &["that"], Opener),
        ("feels", &["that"], Opener),
        ("felt", &["that"], Opener),
        ("describe", &["as"], Opener),
        ("described", &["as"], Opener),
        ("describes", &["as"], Opener),
    ]
};

/// Verbs that introduce speech only right next to a quotation ("“...,” it reads", "Stone
/// exclaimed: “...”"), too ambiguous for reported speech.
const QUOTE_CUES: &[&str] = &[
    "read",
    "reads",
    "questioned",
    "groused",
    "confessed",
    "exclaimed",
    "shouted",
    "yelled",
    "screamed",
    "whispered",
    "muttered",
    "laughed",
    "sighed",
    "chanted",
    "cried",
    "bellowed",
    "snapped",
    "retorted",
    "mused",
    "continued",
    "continues",
    "began",
    "offered",
    "intoned",
    "interjected",
    "scoffed",
    "gushed",
    "raved",
    "fumed",
    "lamented",
    "bemoaned",
    "wondered",
    "pleaded",
    "implored",
    "begged",
    "tweeting",
    "posted",
    "writing",
    "saying",
    "adding",
    "telling",
    "asking",
    "stated",
    "explains",
    "recounted",
    "recounts",
    "recalled",
    "shot",
    "fired",
    "responded",
    "cautioned",
    "declared",
    "proclaimed",
    "announced",
    "quipped",
    "quips",
    "went",
    "answered",
    "answers",
    "mocks",
    "jokes",
    "chanting",
    "chants",
    "shouting",
    "shouts",
    "yelling",
    "yells",
    "screaming",
    "barked",
];

/// Reporting verbs that are far more often nouns in news ("the state", "his support", "her
/// remarks"): in PolNeAR's training articles, "states" was a cue 13% of the times the rules took
/// it for one, "support" 26%, "remarks" 32%. They count only right after a clear subject.
const NOUN_LIKE: &[&str] = &[
    "state",
    "states",
    "support",
    "supports",
    "attack",
    "attacks",
    "question",
    "questions",
    "report",
    "reports",
    "call",
    "calls",
    "claims",
    "remark",
    "remarks",
    "plans",
    "respond",
    "forecast",
];

/// Whether a reporting verb is more often a noun, and needs a clear subject right before it.
pub fn is_noun_like(word: &str) -> bool {
    NOUN_LIKE_SET.contains(word)
}

/// Whether `word` (any case) is a reporting verb.
pub fn is_cue(word: &str) -> bool {
    word.len() <= 14 && CUE_SET.contains(word)
}

/// Whether `word` is a reporting verb's participle, which after a comma opens an attribution of
/// its own: "She said A, saying that B", "..., citing the report".
pub fn is_participle_cue(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && word.ends_with("ing") && is_cue(word)
}

/// Whether `word` is the participle of a reporting verb next to a quotation mark ("..., adding:
/// “...”"), as [`is_participle_cue`] is of one in reported speech.
pub fn is_quote_participle(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && word.ends_with("ing") && is_quote_cue(word)
}

/// Whether `word` is a reporting verb next to a quotation mark.
pub fn is_quote_cue(word: &str) -> bool {
    is_cue(word) || word.len() <= 14 && QUOTE_CUE_SET.contains(word)
}

/// The words that must follow `word` for it to report speech, if any, and what they do; next to a
/// quotation (`near_quote`) only a particle of the cue is still needed.
pub fn required_followers(
    word: &str,
    near_quote: bool,
) -> Option<(&'static [&'static str], FollowerRole)> {
    // Most words are no cue at all: a set lookup spares the scan.
    if !is_quote_cue(word) {
        return None;
    }
    NEEDS_FOLLOWER
        .iter()
        .find(|(w, _, _)| w.eq_ignore_ascii_case(word))
        .filter(|(_, _, role)| !near_quote || *role == FollowerRole::Particle)
        .map(|(_, followers, role)| (*followers, *role))
}

/// Words that may stand between a subject and its reporting verb ("has also said").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "also",
    "recently",
    "later",
    "previously",
    "earlier",
    "then",
    "reportedly",
    "further",
    "once",
    "again",
    "never",
    "not",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "could",
    "may",
    "might",
    "should",
    "can",
    "did",
    "does",
    "do",
    "publicly",
    "privately",
    "repeatedly",
    "often",
    "always",
    "frequently",
    "flatly",
    "firmly",
    "just",
    "already",
    "still",
    "even",
    "clearly",
    "openly",
    "quickly",
    "simply",
    "bluntly",
    "angrily",
    "told",
    "n't",
    "n’t",
    // The tokenizer splits "won't" and "can't" as "wo n't", "ca n't".
    "wo",
    "ca",
    "now",
    "however",
    "both",
    "all",
    "here",
    "instead",
    "too",
    "meanwhile",
    "nevertheless",
    "therefore",
    "yesterday",
    "today",
];

/// Verbs of attitude whose object follows them: after a quotation ("“...,” endorsed Cruz") the
/// name after them is what they act on, never an inverted speaker.
const NEVER_INVERTED: &[&str] = &[
    "call",
    "called",
    "calls",
    "decline",
    "declined",
    "declines",
    "want",
    "wanted",
    "wants",
    "denounce",
    "denounced",
    "denounces",
    "oppose",
    "opposed",
    "opposes",
    "show",
    "showed",
    "shows",
    "criticize",
    "criticized",
    "criticizes",
    "criticise",
    "criticised",
    "reject",
    "rejected",
    "rejects",
    "find",
    "found",
    "finds",
    "order",
    "ordered",
    "orders",
    "pledge",
    "pledged",
    "pledges",
    "portray",
    "portrayed",
    "portrays",
    "refuse",
    "refused",
    "refuses",
    "endorse",
    "endorsed",
    "endorses",
    "support",
    "supported",
    "supports",
    "praise",
    "praised",
    "praises",
    "blame",
    "blamed",
    "blames",
    "accuse",
    "accused",
    "accuses",
    "attack",
    "attacked",
    "attacks",
    "cite",
    "cited",
    "cites",
];

static NEVER_INVERTED_SET: WordSet = WordSet::new(NEVER_INVERTED);

/// Whether a verb after a quotation may be followed by its speaker ("“...,” said Wang"): verbs
/// of saying may, verbs of attitude with an object (`NEVER_INVERTED`) may not.
pub fn may_invert(word: &str) -> bool {
    !NEVER_INVERTED_SET.contains(word)
}

/// Whether a word may stand between a speaker and the verb: the listed words, and adverbs in
/// "-ly" ("publicly", "angrily"), which are lower case and not among the nouns and adjectives of
/// that ending ("his family said", "Megyn Kelly said").
pub fn is_between(word: &str) -> bool {
    BETWEEN_SET.contains(word)
        || word.len() > 4
            && word.ends_with("ly")
            && word.starts_with(char::is_lowercase)
            && !NOT_ADVERBS_SET.contains(word)
}

/// Lower-case words in "-ly" that are no adverbs: nouns and adjectives that end a speaker's
/// phrase ("his family", "the assembly", "the elderly").
const NOT_ADVERBS: &[&str] = &[
    "family",
    "assembly",
    "supply",
    "reply",
    "rally",
    "ally",
    "anomaly",
    "monopoly",
    "bully",
    "tally",
    "elderly",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "biweekly",
    "homily",
    "melancholy",
    "butterfly",
];

static NOT_ADVERBS_SET: WordSet = WordSet::new(NOT_ADVERBS);

/// Nouns for unnamed speakers.
const GROUPS: &[&str] = &[
    "experts",
    "expert",
    "officials",
    "official",
    "sources",
    "source",
    "analysts",
    "analyst",
    "critics",
    "observers",
    "diplomats",
    "diplomat",
    "residents",
    "witnesses",
    "witness",
    "investigators",
    "police",
    "scientists",
    "economists",
    "economist",
    "researchers",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aides",
    "aide",
    "advisers",
    "adviser",
    "lawmakers",
    "legislators",
    "democrats",
    "republicans",
    "supporters",
    "opponents",
    "people",
    "insiders",
    "executives",
    "leaders",
    "authorities",
    "prosecutors",
    "lawyers",
    "lawyer",
    "attorney",
    "attorneys",
    "doctors",
    "activists",
    "voters",
    "polls",
    "reports",
    "report",
    "statement",
    "media",
    "observers",
    "campaign",
    "administration",
    "government",
    "ministry",
    "department",
    "agency",
    "committee",
    "commission",
    "council",
    "party",
    "team",
    "company",
    "firm",
    "group",
    "members",
    "staff",
    "employees",
    "workers",
    "students",
    "teachers",
    "parents",
    "fans",
    "organizers",
    "organisers",
    "sponsors",
    "allies",
];

/// Words that cannot end a speaker's phrase: conjunctions, relative and question words, articles,
/// common prepositions, in any case.
pub fn is_function_word(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "and"
            | "but"
            | "or"
            | "nor"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "it"
            | "this"
            | "there"
            | "what"
            | "when"
            | "where"
            | "while"
            | "if"
            | "so"
            | "before"
            | "after"
            | "since"
            | "until"
            | "because"
            | "although"
            | "though"
            | "unless"
            | "whether"
            | "than"
            | "despite"
    )
}

/// Whether a word is a dash, as news sets off an apposition or a quotation's lead with
/// ("Mr Bez - himself a former executive - said", "said — ").
pub fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--" | "–" | "—")
}

/// Whether `word` is the possessive clitic, "'s" or "’s", as the host's tokenizer splits it off
/// ("China" + "'s").
pub fn is_possessive_clitic(word: &str) -> bool {
    matches!(word, "'s" | "’s")
}

/// What comes before a possessive ending: "Sainsbury" of "Sainsbury's", "" of the clitic alone;
/// `None` when `word` is no possessive. Other tokenizers leave the clitic joined.
pub fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// Whether `text` (what follows a word or a mention) opens with a possessive clitic.
pub fn opens_possessive(text: &str) -> bool {
    text.starts_with("'s") || text.starts_with("’s")
}

/// Whether a word looks like a plural noun: it ends in "s" but not "ss" ("Tories", "analysts",
/// not "Swiss", "press").
pub fn looks_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// Whether a word is a noun for an unnamed speaker.
pub fn is_group(word: &str) -> bool {
    GROUP_SET.contains(word)
}

/// Whether a word looks like a verb in the past tense: lower case and ending in "-ed", or one of
/// the irregular verbs of speech and song.
pub fn is_past_tense(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && (word.len() > 4 && word.ends_with("ed")
            || matches!(
                word,
                "said" | "sang" | "spoke" | "wrote" | "told" | "began" | "say" | "says" | "put"
            ))
}

/// Whether `word` is a form of "be" ("is", "were", "been"), in any case.
pub fn is_be(word: &str) -> bool {
    ["is", "are", "was", "were", "be", "been", "being"]
        .iter()
        .any(|b| word.eq_ignore_ascii_case(b))
}

/// Whether `word` is a modal verb ("might", "would"), in any case.
pub fn is_modal(word: &str) -> bool {
    [
        "might", "may", "will", "would", "could", "should", "can", "must",
    ]
    .iter()
    .any(|m| word.eq_ignore_ascii_case(m))
}

/// Whether `word` is a finite auxiliary verb or a negation, as the tokenizer gives them ("does",
/// "n't", and "wo" of "won't"), in any case ("being" is none: "after being asked").
pub fn is_auxiliary(word: &str) -> bool {
    (is_be(word) && !word.eq_ignore_ascii_case("being"))
        || is_modal(word)
        || [
            "has", "have", "had", "does", "do", "did", "not", "n't", "n’t", "wo", "ca",
        ]
        .iter()
        .any(|a| word.eq_ignore_ascii_case(a))
}

/// Verbs whose object in quotation marks is a slogan called out, capitalised like a title
/// ("chanting “Dump Trump”").
pub fn is_chant_verb(word: &str) -> bool {
    matches!(
        word,
        "chant"
            | "chants"
            | "chanted"
            | "chanting"
            | "shout"
            | "shouts"
            | "shouted"
            | "shouting"
            | "yell"
            | "yells"
            | "yelled"
            | "yelling"
            | "scream"
            | "screamed"
            | "screaming"
    )
}

/// Personal pronouns that can be speakers, and whether they are singular persons.
pub fn pronoun(word: &str) -> Option<bool> {
    match word.to_ascii_lowercase().as_str() {
        "he" | "she" | "i" => Some(true),
        "they" | "we" => Some(false),
        _ => None,
    }
}

/// Nouns for an organisation speaking as one, in lower case ("the company said", "the watchdog
/// warned"); a country speaks through its government.
const ORGANISATION_NOUNS: &[&str] = &[
    "company",
    "companies",
    "firm",
    "firms",
    "business",
    "businesses",
    "government",
    "governments",
    "ministry",
    "department",
    "agency",
    "agencies",
    "committee",
    "commission",
    "council",
    "party",
    "parties",
    "team",
    "group",
    "groups",
    "campaign",
    "administration",
    "bank",
    "banks",
    "airline",
    "airlines",
    "club",
    "clubs",
    "organisation",
    "organisations",
    "organization",
    "organizations",
    "union",
    "unions",
    "board",
    "court",
    "panel",
    "association",
    "institute",
    "university",
    "charity",
    "body",
    "regulator",
    "watchdog",
    "authority",
    "federation",
    "league",
    "retailer",
    "retailers",
    "carrier",
    "manufacturer",
    "maker",
    "makers",
    "insurer",
    "lender",
    "operator",
    "supermarket",
    "chain",
    "foundation",
    "industry",
    "giant",
    "alliance",
    "office",
    "embassy",
    "army",
    "military",
    "studio",
    "country",
    "countries",
];

/// Nouns for a news outlet, in lower case ("the newspaper reported").
const MEDIA_NOUNS: &[&str] = &[
    "newspaper",
    "newspapers",
    "paper",
    "daily",
    "magazine",
    "tabloid",
    "broadcaster",
    "website",
    "channel",
    "station",
    "press",
];

/// Plural nouns for unnamed people beyond [`GROUPS`], in lower case ("Tories said", "investors
/// fear"): they make a speaker a group without making a phrase a speaker.
const PEOPLE_NOUNS: &[&str] = &[
    "tories",
    "conservatives",
    "liberals",
    "ministers",
    "mps",
    "meps",
    "peers",
    "users",
    "investors",
    "campaigners",
    "consumers",
    "customers",
    "shoppers",
    "judges",
    "men",
    "women",
    "pundits",
    "creditors",
    "authors",
    "producers",
    "traders",
    "commentators",
    "viewers",
    "listeners",
    "readers",
    "patients",
    "passengers",
    "travellers",
    "protesters",
    "demonstrators",
    "families",
    "victims",
    "nurses",
    "farmers",
    "citizens",
    "children",
    "players",
    "managers",
    "bosses",
    "bankers",
    "dealers",
    "brokers",
    "officers",
    "soldiers",
    "troops",
    "delegates",
    "proponents",
    "backers",
    "advocates",
    "defenders",
    "detractors",
    "sceptics",
    "skeptics",
    "rivals",
    "colleagues",
    "friends",
    "relatives",
    "neighbours",
    "neighbors",
    "others",
    "many",
    "some",
    "most",
];

static ORGANISATION_NOUN_SET: WordSet = WordSet::new(ORGANISATION_NOUNS);
static MEDIA_NOUN_SET: WordSet = WordSet::new(MEDIA_NOUNS);
static PEOPLE_NOUN_SET: WordSet = WordSet::new(PEOPLE_NOUNS);

/// Whether a common noun names an organisation speaking as one ("the company", "the watchdog"),
/// in any case.
pub fn is_organisation_noun(word: &str) -> bool {
    ORGANISATION_NOUN_SET.contains(word)
}

/// Whether a common noun names a news outlet ("the newspaper"), in any case.
pub fn is_media_noun(word: &str) -> bool {
    MEDIA_NOUN_SET.contains(word)
}

/// Nouns for a document that says or shows something ("the report said", "the survey found").
const DOCUMENT_NOUNS: &[&str] = &[
    "study",
    "studies",
    "report",
    "reports",
    "survey",
    "surveys",
    "poll",
    "polls",
    "research",
    "review",
    "analysis",
    "inquiry",
    "audit",
    "statement",
    "statements",
];

static DOCUMENT_NOUN_SET: WordSet = WordSet::new(DOCUMENT_NOUNS);

/// Whether a common noun names a document, study or statement rather than who wrote it (a
/// speaker it heads is of no kind: "the report said"), in any case.
pub fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUN_SET.contains(word)
}

/// Whether a common noun names unnamed people ("investors", and the nouns of [`is_group`]), in
/// any case.
pub fn is_people_noun(word: &str) -> bool {
    GROUP_SET.contains(word) || PEOPLE_NOUN_SET.contains(word)
}

/// Words that mark a news outlet wherever they stand in an organisation's name ("BBC Radio 4",
/// "Xinhua News Agency", "China Daily", "Financial Times Deutschland").
const MEDIA: &[&str] = &[
    "times",
    "news",
    "journal",
    "daily",
    "herald",
    "tribune",
    "telegraph",
    "guardian",
    "reuters",
    "ap",
    "afp",
    "xinhua",
    "bbc",
    "cnn",
    "tv",
    "radio",
    "gazette",
    "chronicle",
    "newspaper",
    "magazine",
    "bloomberg",
    "politico",
    "breitbart",
    "yonhap",
    "kcna",
    "tass",
    "itar-tass",
    "interfax",
    "nhk",
    "abc",
    "cbs",
    "nbc",
    "fox",
    "msnbc",
    "huffington",
    "broadcasting",
];

/// Words that mark a news outlet only where they end its name ("the Washington Post", "the
/// Evening Standard", "The Sun"), being as often a firm's first word ("Standard Chartered", "Sun
/// Microsystems", "American Express Financial Advisors", "Network Rail") or a public body's last
/// ("International Atomic Energy Agency", "Parents Television Council").
const MEDIA_AT_END: &[&str] = &[
    "post",
    "press",
    "television",
    "globe",
    "observer",
    "economist",
    "independent",
    "mirror",
    "sun",
    "mail",
    "express",
    "standard",
    "examiner",
    "review",
    "wire",
    "network",
];

static MEDIA_AT_END_SET: WordSet = WordSet::new(MEDIA_AT_END);

/// Whether an organisation's name looks like a news outlet's.
pub fn is_media(name: &str) -> bool {
    let mut words = name
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty());
    let last = words.next_back();
    words.chain(last).any(|w| MEDIA_SET.contains(w))
        || last.is_some_and(|w| MEDIA_AT_END_SET.contains(w))
}

/// Determiners and quantifiers that open a noun phrase.
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "some"
            | "many"
            | "most"
            | "several"
            | "one"
            | "two"
            | "three"
            | "other"
            | "these"
            | "those"
            | "this"
            | "that"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "few"
            | "both"
            | "all"
    ) || is_rank(&word.to_ascii_lowercase())
}

/// Ranks the determiners include, for phrases of people ("senior officials", "top aides"), that
/// in an apposition are part of a role ("a senior economist at Deutsche Bank"), as written.
pub fn is_rank(word: &str) -> bool {
    matches!(word, "senior" | "top")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_in_all_their_forms() {
        for w in [
            "said",
            "Says",
            "told",
            "noted",
            "warned",
            "believes",
            "announced",
            "reported",
        ] {
            assert!(is_cue(w), "{w}");
        }
        assert!(!is_cue("visit"));
        assert_eq!(
            required_followers("pointed", false),
            Some((&["out", "to"][..], FollowerRole::Particle))
        );
        assert_eq!(
            required_followers("pointed", true).map(|(f, _)| f),
            Some(&["out", "to"][..])
        );
        assert_eq!(required_followers("continued", true), None);
    }

    #[test]
    fn media_groups_and_pronouns() {
        assert!(is_media("Xinhua News Agency"));
        assert!(is_media("the Global Times"));
        assert!(!is_media("Fudan University"));
        assert!(is_media("the Financial Times") && is_media("The Sun"));
        assert!(!is_media("Standard Chartered") && !is_media("Sun Microsystems"));
        assert!(!is_media("International Atomic Energy Agency"));
        assert!(is_media("BBC Radio 4") && is_media("China Daily"));
        assert!(is_group("experts"));
        assert_eq!(pronoun("She"), Some(true));
        assert_eq!(pronoun("they"), Some(false));
    }

    #[test]
    fn every_listed_word_is_lower_case_and_found_in_any_case() {
        for list in [
            CUES,
            QUOTE_CUES,
            NOUN_LIKE,
            BETWEEN,
            GROUPS,
            MEDIA,
            MEDIA_AT_END,
        ] {
            for word in list {
                assert_eq!(*word, word.to_lowercase(), "{word}");
                assert!(word.len() <= 32, "{word}");
            }
        }
        assert!(is_cue("said") && is_cue("Said") && is_cue("SAID"));
        assert!(!is_cue("sad"));
        assert!(is_group("Officials") && is_media("The Global Times"));
        assert!(is_between("n’t") == BETWEEN.contains(&"n’t"));
        for (word, _, _) in NEEDS_FOLLOWER {
            assert!(is_quote_cue(word), "{word} needs a follower but is no cue");
        }
    }
}
