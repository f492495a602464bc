//! A reimplementation of VADER's scoring (Hutto & Gilbert 2014), faithful to vaderSentiment 3.3.2
//! down to its quirks, so that `mode = "vader"` gives the numbers users of that package know.
//!
//! The lexicon and emoji descriptions are VADER's own files (MIT licence, notice in
//! `data/VADER-LICENSE.txt`); the code is byline's.

use crate::hash::Fnv;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Increase of a booster word ("very").
const B_INCR: f64 = 0.293;
/// Decrease of a dampener word ("slightly").
const B_DECR: f64 = -0.293;
/// Emphasis of a word in capitals among words that are not.
const C_INCR: f64 = 0.733;
/// The factor a negation applies.
const N_SCALAR: f64 = -0.74;

const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

const BOOSTERS: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

const DAMPENERS: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of",
];

const SPECIAL_CASES: &[(&str, f64)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("badass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

/// Reporting verbs, in their inflected forms, that VADER's lexicon rates.
const REPORTING_VERBS: &[&str] = &[
    "warn",
    "warned",
    "warns",
    "warning",
    "agree",
    "agreed",
    "agrees",
    "deny",
    "denied",
    "denies",
    "admit",
    "admits",
    "admitted",
    "praise",
    "praised",
    "praises",
    "accuse",
    "accused",
    "accuses",
    "insist",
    "insisted",
    "claim",
    "claimed",
    "complain",
    "complained",
    "complains",
    "criticize",
    "criticized",
    "criticizes",
    "criticise",
    "criticised",
    "confirm",
    "confirmed",
    "confirms",
    "promise",
    "promised",
    "promises",
    "vow",
    "vowed",
    "vows",
    "hope",
    "hoped",
    "hopes",
    "fear",
    "feared",
    "fears",
    "welcome",
    "welcomed",
    "welcomes",
    "condemn",
    "condemned",
    "condemns",
    "blame",
    "blamed",
    "blames",
    "urge",
    "urged",
    "urges",
    "acknowledge",
    "acknowledged",
    "concede",
    "conceded",
    "boast",
    "boasted",
    "joke",
    "joked",
    "jokes",
    "stress",
    "stressed",
];

/// VADER's four scores for a text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Polarity {
    /// Share of negative valence.
    pub neg: f64,
    /// Share of neutral words.
    pub neu: f64,
    /// Share of positive valence.
    pub pos: f64,
    /// The normalised sum of valences, in [-1, 1].
    pub compound: f64,
}

/// The VADER lexicon and emoji descriptions, loaded once.
pub struct Vader {
    lexicon: FastMap<String, f64>,
    emojis: FastMap<char, String>,
    /// FNV-1a hashes of the words the news lexicon rates (empty outside [`Vader::news`]).
    news_words: HashSet<u64, BuildHasherDefault<Fnv>>,
}

/// byline's additions to VADER's lexicon for news prose, with the reason for each value.
const NEWS_LEXICON: &str = include_str!("../data/news_lexicon.tsv");

/// The (word, valence) entries of a lexicon file, VADER's or the news one: tab-separated word and
/// valence (anything after is a note); lines starting with `#` are comments.
fn lexicon_entries(file: &str) -> impl Iterator<Item = (&str, f64)> {
    file.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.trim().split('\t');
            let word = parts.next()?;
            let valence = parts.next()?.trim().parse().ok()?;
            Some((word, valence))
        })
}

/// The boosters' and dampeners' increments, by word: a table, not the lists scanned, since each
/// word is checked against them for the three words before it.
static BOOST: LazyLock<FastMap<&'static str, f64>> = LazyLock::new(|| {
    // A word on both lists would be a booster, as the scan of BOOSTERS first had it.
    let mut table: FastMap<&'static str, f64> = DAMPENERS.iter().map(|w| (*w, B_DECR)).collect();
    table.extend(BOOSTERS.iter().map(|w| (*w, B_INCR)));
    table
});

/// The negation words.
static NEGATIONS: LazyLock<FastMap<&'static str, ()>> =
    LazyLock::new(|| NEGATE.iter().map(|w| (*w, ())).collect());

fn booster(word: &str) -> Option<f64> {
    BOOST.get(word).copied()
}

/// Python's `str.isspace` for a character (a few control characters more than Rust's).
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.isupper`: some cased character, none lower case.
fn is_upper(word: &str) -> bool {
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// Strips ASCII punctuation from both ends unless that leaves two characters or fewer (an emoticon).
fn strip_punctuation(token: &str) -> &str {
    let stripped = token.trim_matches(|c: char| c.is_ascii_punctuation());
    if stripped.chars().count() <= 2 {
        token
    } else {
        stripped
    }
}

fn negated(word: &str) -> bool {
    NEGATIONS.contains_key(word) || word.contains("n't")
}

impl Vader {
    /// Parses the lexicon (`word<TAB>mean<TAB>...`) and emoji (`emoji<TAB>description`) files.
    pub fn new(lexicon: &str, emojis: &str) -> Vader {
        let lexicon = lexicon_entries(lexicon)
            .map(|(word, value)| (word.to_string(), value))
            .collect();
        let emojis = emojis
            .lines()
            .filter_map(|line| {
                let mut parts = line.trim().split('\t');
                let emoji = parts.next()?;
                let description = parts.next()?;
                let mut chars = emoji.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some((c, description.trim().to_string())),
                    _ => None, // only single characters are ever looked up
                }
            })
            .collect();
        Vader {
            lexicon,
            emojis,
            news_words: HashSet::default(),
        }
    }

    /// The built-in VADER lexicon and emoji descriptions.
    pub fn builtin() -> Vader {
        Vader::new(
            include_str!("../data/vader_lexicon.txt"),
            include_str!("../data/emoji_utf8_lexicon.txt"),
        )
    }

    /// VADER's lexicon for news prose: verbs that report speech ("warned", "agreed", "denied",
    /// "admitted", "praised") carry no sentiment of their own, since in news they attribute rather
    /// than judge; and the words of `data/news_lexicon.tsv` (conflict, economy, disasters:
    /// "unrest", "escalation", "stability", "layoffs", "famine"), which VADER's lexicon lacks or
    /// rates for chat rather than news, are added or re-rated; its domain terms ("security",
    /// "shares", "party": a field, an asset, an institution in news) get no tone. Everything else
    /// is VADER's.
    pub fn news() -> Vader {
        let mut vader = Vader::builtin();
        for verb in REPORTING_VERBS {
            vader.lexicon.remove(*verb);
        }
        for (word, valence) in lexicon_entries(NEWS_LEXICON) {
            vader.lexicon.insert(word.to_string(), valence);
            vader.news_words.insert(crate::hash::fnv1a(word.as_bytes()));
        }
        vader
    }

    /// Whether the news lexicon rates the lower-cased word whose FNV-1a hash this is: its tone
    /// in news is then VADER's rules' to give, not a model's learned from reviews and tweets
    /// (where "tension" is what a thriller builds). Always false outside [`Vader::news`].
    pub fn is_news_word(&self, lower_hash: u64) -> bool {
        self.news_words.contains(&lower_hash)
    }

    /// The lexicon valence of a lower-cased word.
    pub fn valence(&self, lower: &str) -> Option<f64> {
        self.lexicon.get(lower).copied()
    }

    /// VADER's scores of a text.
    pub fn polarity(&self, text: &str) -> Polarity {
        let has_emoji = text
            .chars()
            .any(|c| !c.is_ascii() && self.emojis.contains_key(&c));
        let mut described = String::with_capacity(if has_emoji { text.len() + 32 } else { 0 });
        let mut previous_space = true;
        for c in text.chars().filter(|_| has_emoji) {
            match self.emojis.get(&c) {
                Some(description) => {
                    if !previous_space {
                        described.push(' ');
                    }
                    described.push_str(description);
                    previous_space = false;
                }
                None => {
                    described.push(c);
                    previous_space = c == ' ';
                }
            }
        }
        let text = if has_emoji { described.as_str() } else { text }.trim_matches(is_py_space);
        let words: Vec<&str> = text
            .split(is_py_space)
            .filter(|w| !w.is_empty())
            .map(strip_punctuation)
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let upper_count = words.iter().filter(|w| is_upper(w)).count();
        let cap_diff = upper_count > 0 && upper_count < words.len();
        let mut sentiments: Vec<f64> = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            if booster(&lower[i]).is_some()
                || (i + 1 < words.len() && lower[i] == "kind" && lower[i + 1] == "of")
            {
                sentiments.push(0.0);
                continue;
            }
            sentiments.push(self.word_valence(&words, &lower, i, cap_diff));
        }
        but_check(&lower, &mut sentiments);
        score(&sentiments, text)
    }

    fn word_valence(&self, words: &[&str], lower: &[String], i: usize, cap_diff: bool) -> f64 {
        let Some(base) = self.valence(&lower[i]) else {
            return 0.0;
        };
        let in_lexicon = |k: usize| self.lexicon.contains_key(&lower[k]);
        let mut valence = base;
        if lower[i] == "no" && i + 1 < words.len() && in_lexicon(i + 1) {
            valence = 0.0;
        }
        if (i > 0 && lower[i - 1] == "no")
            || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && matches!(lower[i - 1].as_str(), "or" | "nor"))
        {
            valence = base * N_SCALAR;
        }
        if is_upper(words[i]) && cap_diff {
            valence += if valence > 0.0 { C_INCR } else { -C_INCR };
        }
        for start in 0..3 {
            if i > start && !in_lexicon(i - (start + 1)) {
                let k = i - (start + 1);
                let mut s = scalar(words[k], &lower[k], valence, cap_diff);
                if start == 1 && s != 0.0 {
                    s *= 0.95;
                }
                if start == 2 && s != 0.0 {
                    s *= 0.9;
                }
                valence += s;
                valence = negation_check(valence, lower, start, i);
                if start == 2 {
                    valence = special_idioms(valence, lower, i);
                }
            }
        }
        least_check(valence, lower, i, in_lexicon)
    }
}

fn scalar(word: &str, lower: &str, valence: f64, cap_diff: bool) -> f64 {
    let Some(mut s) = booster(lower) else {
        return 0.0;
    };
    if valence < 0.0 {
        s = -s;
    }
    if is_upper(word) && cap_diff {
        s += if valence > 0.0 { C_INCR } else { -C_INCR };
    }
    s
}

fn negation_check(valence: f64, lower: &[String], start: usize, i: usize) -> f64 {
    let w = |k: usize| lower[k].as_str();
    match start {
        0 if negated(w(i - 1)) => valence * N_SCALAR,
        1 => {
            if w(i - 2) == "never" && matches!(w(i - 1), "so" | "this") {
                valence * 1.25
            } else if w(i - 2) == "without" && w(i - 1) == "doubt" {
                valence
            } else if negated(w(i - 2)) {
                valence * N_SCALAR
            } else {
                valence
            }
        }
        2 => {
            if (w(i - 3) == "never" && matches!(w(i - 2), "so" | "this"))
                || matches!(w(i - 1), "so" | "this")
            {
                valence * 1.25
            } else if w(i - 3) == "without" && (w(i - 2) == "doubt" || w(i - 1) == "doubt") {
                valence
            } else if negated(w(i - 3)) {
                valence * N_SCALAR
            } else {
                valence
            }
        }
        _ => valence,
    }
}

fn special_case(phrase: &str) -> Option<f64> {
    SPECIAL_CASES
        .iter()
        .find(|(p, _)| *p == phrase)
        .map(|(_, v)| *v)
}

/// Every word of a special-case phrase or of a booster of several words: an n-gram with any other
/// word can be neither, so it is not even joined into a string.
static PHRASE_WORDS: LazyLock<FastMap<&'static str, ()>> = LazyLock::new(|| {
    SPECIAL_CASES
        .iter()
        .map(|(phrase, _)| *phrase)
        .chain(BOOST.keys().copied().filter(|key| key.contains(' ')))
        .flat_map(|phrase| phrase.split(' '))
        .map(|word| (word, ()))
        .collect()
});

/// The words joined by spaces, when they could make a special case or a booster.
fn phrase(words: &[&str]) -> Option<String> {
    words
        .iter()
        .all(|w| PHRASE_WORDS.contains_key(w))
        .then(|| words.join(" "))
}

fn special_idioms(mut valence: f64, lower: &[String], i: usize) -> f64 {
    let w = |k: usize| lower[k].as_str();
    let one_zero = phrase(&[w(i - 1), w(i)]);
    let two_one_zero = phrase(&[w(i - 2), w(i - 1), w(i)]);
    let two_one = phrase(&[w(i - 2), w(i - 1)]);
    let three_two_one = phrase(&[w(i - 3), w(i - 2), w(i - 1)]);
    let three_two = phrase(&[w(i - 3), w(i - 2)]);
    for sequence in [
        &one_zero,
        &two_one_zero,
        &two_one,
        &three_two_one,
        &three_two,
    ]
    .into_iter()
    .flatten()
    {
        if let Some(v) = special_case(sequence) {
            valence = v;
            break;
        }
    }
    if lower.len() > i + 1
        && let Some(v) = phrase(&[w(i), w(i + 1)]).and_then(|p| special_case(&p))
    {
        valence = v;
    }
    if lower.len() > i + 2
        && let Some(v) = phrase(&[w(i), w(i + 1), w(i + 2)]).and_then(|p| special_case(&p))
    {
        valence = v;
    }
    for n_gram in [&three_two_one, &three_two, &two_one].into_iter().flatten() {
        if let Some(b) = booster(n_gram) {
            valence += b;
        }
    }
    valence
}

fn least_check(
    valence: f64,
    lower: &[String],
    i: usize,
    in_lexicon: impl Fn(usize) -> bool,
) -> f64 {
    if i > 1 && !in_lexicon(i - 1) && lower[i - 1] == "least" {
        if lower[i - 2] != "at" && lower[i - 2] != "very" {
            return valence * N_SCALAR;
        }
    } else if i > 0 && !in_lexicon(i - 1) && lower[i - 1] == "least" {
        return valence * N_SCALAR;
    }
    valence
}

/// VADER's contrast rule for "but", including its habit of finding each value by its first
/// occurrence in the list (which matters when two words have the same valence).
fn but_check(lower: &[String], sentiments: &mut [f64]) {
    let Some(but) = lower.iter().position(|w| w == "but") else {
        return;
    };
    for k in 0..sentiments.len() {
        let value = sentiments[k];
        let first = sentiments.iter().position(|&s| s == value).unwrap_or(k);
        if first < but {
            sentiments[first] = value * 0.5;
        } else if first > but {
            sentiments[first] = value * 1.5;
        }
    }
}

fn score(sentiments: &[f64], text: &str) -> Polarity {
    if sentiments.is_empty() {
        return Polarity::default();
    }
    let mut sum: f64 = sentiments.iter().sum();
    let exclamations = text.matches('!').count().min(4) as f64 * 0.292;
    let questions = match text.matches('?').count() {
        0 | 1 => 0.0,
        n @ 2..=3 => n as f64 * 0.18,
        _ => 0.96,
    };
    let emphasis = exclamations + questions;
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let compound = (sum / (sum * sum + 15.0).sqrt()).clamp(-1.0, 1.0);
    let mut pos_sum = 0.0;
    let mut neg_sum = 0.0;
    let mut neutral = 0.0;
    for &s in sentiments {
        if s > 0.0 {
            pos_sum += s + 1.0;
        }
        if s < 0.0 {
            neg_sum += s - 1.0;
        }
        if s == 0.0 {
            neutral += 1.0;
        }
    }
    if pos_sum > neg_sum.abs() {
        pos_sum += emphasis;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= emphasis;
    }
    let total = pos_sum + neg_sum.abs() + neutral;
    Polarity {
        neg: (neg_sum / total).abs(),
        neu: (neutral / total).abs(),
        pos: (pos_sum / total).abs(),
        compound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compound(text: &str) -> f64 {
        (Vader::builtin().polarity(text).compound * 10_000.0).round() / 10_000.0
    }

    /// vaderSentiment 3.3.2's own examples, with the compound scores it prints.
    #[test]
    fn matches_vader_on_its_own_examples() {
        let cases = [
            ("VADER is smart, handsome, and funny.", 0.8316),
            ("VADER is smart, handsome, and funny!", 0.8439),
            ("VADER is very smart, handsome, and funny.", 0.8545),
            ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
            ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
            (
                "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
                0.9469,
            ),
            ("VADER is not smart, handsome, nor funny.", -0.7424),
            ("The book was good.", 0.4404),
            ("At least it isn't a horrible book.", 0.431),
            ("The book was only kind of good.", 0.3832),
            (
                "The plot was good, but the characters are uncompelling and the dialog is not great.",
                -0.7042,
            ),
            ("Today SUX!", -0.5461),
            ("Today only kinda sux! But I'll get by, lol", 0.5249),
            ("Make sure you :) or :D today!", 0.8633),
            ("Not bad at all", 0.431),
            ("Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.875),
        ];
        for (text, expected) in cases {
            assert!(
                (compound(text) - expected).abs() < 1e-4,
                "{text}: {} != {expected}",
                compound(text)
            );
        }
    }

    fn close(text: &str, expected: f64) {
        let got = compound(text);
        assert!(
            (got - expected).abs() < 1e-4,
            "{text}: {got} != {expected} (vaderSentiment 3.3.2)"
        );
    }

    #[test]
    fn the_news_lexicon_leaves_reporting_verbs_neutral() {
        let news = Vader::news();
        let vader = Vader::builtin();
        let text = "The minister warned that talks would continue.";
        assert!(vader.polarity(text).compound < 0.0);
        assert_eq!(news.polarity(text).compound, 0.0);
        let text = "The minister warned that the crisis would deepen.";
        assert!(
            news.polarity(text).compound < 0.0,
            "the crisis still counts"
        );
    }

    #[test]
    fn every_news_lexicon_line_is_an_entry_or_a_comment() {
        let entries = NEWS_LEXICON
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(lexicon_entries(NEWS_LEXICON).count(), entries);
        assert!(entries > 40);
    }

    #[test]
    fn the_news_lexicon_knows_the_words_of_conflict_and_economy() {
        let news = Vader::news();
        let vader = Vader::builtin();
        let text = "Unrest spread after the escalation, and layoffs followed.";
        assert_eq!(
            vader.polarity(text).compound,
            0.0,
            "VADER has none of these"
        );
        assert!(news.polarity(text).compound < -0.5);
        let text = "The treaty brought stability and prosperity to the region.";
        assert!(news.polarity(text).compound > 0.5);
    }

    #[test]
    fn the_news_lexicon_reads_domain_terms_as_names_of_fields() {
        let news = Vader::news();
        let vader = Vader::builtin();
        let text = "The security firm said shares in the party's bank rose.";
        assert!(
            vader.polarity(text).compound > 0.5,
            "VADER: a happy sentence"
        );
        assert_eq!(news.polarity(text).compound, 0.0, "news: no tone at all");
        let text = "Security forces were praised for the peaceful handover.";
        assert!(
            news.polarity(text).compound > 0.0,
            "other words still count"
        );
    }

    #[test]
    fn negation_flips_a_word() {
        close("The minister said the talks were not a failure.", 0.4023);
        close("The mayor was never so proud of the city.", 0.6946);
        close("Without a doubt, an excellent budget.", 0.7013);
    }

    #[test]
    fn contrast_weights_what_follows_but() {
        close("The deal is good, but the costs are terrible.", -0.4939);
    }

    #[test]
    fn boosters_and_dampeners() {
        close(
            "The results were extremely disappointing for investors.",
            -0.5413,
        );
        close(
            "The results were slightly disappointing for investors.",
            -0.4417,
        );
    }

    #[test]
    fn capitals_and_punctuation_add_emphasis() {
        close(
            "The council approved the plan. It is a GREAT day for the city.",
            0.824,
        );
        close("What a wonderful win for the team!!!", 0.8547);
        close("Is this really the best they can do??", 0.7039);
    }

    #[test]
    fn idioms_and_emoji() {
        close(
            "Critics say the reform is the kiss of death for small firms.",
            -0.7351,
        );
        close("The new stadium is the bomb, fans said.", 0.6124);
        close("Residents were happy with the result 😁", 0.7717);
    }
}
