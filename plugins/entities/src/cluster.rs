//! Grouping the mentions of a document that name the same thing.
//!
//! People: a shorter mention joins the person whose full name begins or ends with it ("Zhao" joins
//! "Zhao Leji", "Blair" joins "Tony Blair"), titles aside ("Mr Blair"), and a name with a short
//! form of the same given name joins it ("Dave Collins", "David Collins"); the most recently mentioned
//! such person wins, never one of the other sex ("Mr Blair" and "Cherie Blair", by the courtesy
//! title and the given name) nor one with another given name ("Bill Clinton", "Hillary
//! Clinton"). Organisations: "the Global Times" and "Global Times" are one; so are a name and
//! its leading words ("Xinhua" and "Xinhua News Agency") and a name and its acronym ("CASS").
//! Places: the same name, or known aliases ("US", "U.S.", "United States") — never two different
//! places, however related ("North Korea" and "Pyongyang" stay apart). Dates: the same value.

use byline_ner::given_names::{Sex, full_form, sex_of_given_name};

/// What clustering needs of a mention.
#[derive(Clone, Debug)]
pub struct Mention<'a> {
    /// The label.
    pub label: &'a str,
    /// The words of the mention, as written.
    pub words: Vec<&'a str>,
    /// The normalised DATE value, if any.
    pub value: Option<&'a str>,
    /// Whether it stands in a headline or caption (a line without final punctuation), whose
    /// wording ("Trump Stands Tall") is a poor canonical name.
    pub headline: bool,
}

/// A group of mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// The label of its mentions.
    pub label: String,
    /// Index of the mention with the fullest name.
    pub canonical: usize,
    /// Indices of its mentions, in order.
    pub members: Vec<usize>,
}

const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "premier",
    "minister",
    "chancellor",
    "senator",
    "sen.",
    "gov.",
    "governor",
    "general",
    "gen.",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "coach",
    "captain",
];

/// Aliases of places, mapped to one key.
fn place_key(key: &str) -> std::borrow::Cow<'_, str> {
    // "N. Korea", "S. Africa"
    for (short, long) in [
        ("n. ", "north "),
        ("s. ", "south "),
        ("e. ", "east "),
        ("w. ", "west "),
    ] {
        if let Some(rest) = key.strip_prefix(short) {
            return std::borrow::Cow::Owned(format!("{long}{rest}"));
        }
    }
    std::borrow::Cow::Borrowed(match key {
        "us"
        | "u.s."
        | "usa"
        | "u.s.a."
        | "united states"
        | "united states of america"
        | "america" => "united states",
        "uk" | "u.k." | "britain" | "great britain" | "united kingdom" => "united kingdom",
        "dprk" | "democratic people's republic of korea" => "north korea",
        "rok" | "republic of korea" => "south korea",
        "prc" | "people's republic of china" => "china",
        "uae" | "u.a.e." => "united arab emirates",
        other => other,
    })
}

/// The words of a mention without a leading "the", a trailing "'s", and (for people) titles.
fn core_words<'a>(mention: &Mention<'a>) -> Vec<&'a str> {
    let mut words: Vec<&str> = mention.words.clone();
    if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
        words.remove(0);
    }
    if words.len() > 1 && matches!(words.last(), Some(&("'s" | "’s" | "'"))) {
        words.pop();
    }
    if mention.label == "PERSON" {
        while words.len() > 1 && TITLES.contains(&words[0].to_lowercase().as_str()) {
            words.remove(0);
        }
    }
    words
}

fn key(words: &[&str]) -> String {
    words.join(" ").to_lowercase()
}

/// Whether `short` is a contiguous run at the start or end of `long`.
fn is_edge_of(short: &[&str], long: &[&str]) -> bool {
    short.len() < long.len()
        && (long[..short.len()] == *short || long[long.len() - short.len()..] == *short)
}

fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// A mention prepared for comparison: its core words and their lower-cased key, computed once.
struct Prepared<'a> {
    words: Vec<&'a str>,
    key: String,
    /// For a person, the sex its courtesy title or given name says ("Mr Blair", "Cherie Blair").
    sex: Option<Sex>,
}

/// The sex a person's mention gives: its courtesy title's ("Mr", "Ms", "Sir", "Dame"), else its
/// given name's when it has one ("Cherie Blair"; [`sex_of_given_name`]).
fn sex_of(mention: &Mention<'_>, core: &[&str]) -> Option<Sex> {
    let title = mention.words.first().map(|w| w.trim_end_matches('.'));
    match title {
        Some("Mr" | "Sir" | "Lord" | "King" | "Prince") => Some(Sex::Male),
        Some("Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess") => Some(Sex::Female),
        _ if core.len() >= 2 => sex_of_given_name(core[0]),
        _ => None,
    }
}

/// Whether two mentions of people cannot be one person whatever their words share: of
/// different sexes ("Mr Blair", "Cherie Blair"), or two full names with the same surname and
/// different given names, both known and not one the short form of the other ("Bill Clinton",
/// "Hillary Clinton"; but "Dave Collins", "David Collins").
fn different_people(a: &Prepared<'_>, b: &Prepared<'_>) -> bool {
    let sexes_differ = matches!((a.sex, b.sex), (Some(x), Some(y)) if x != y);
    let (aw, bw) = (&a.words[..], &b.words[..]);
    let given_names_differ = aw.len() >= 2
        && bw.len() >= 2
        && aw.last() == bw.last()
        && full_form(aw[0]) != full_form(bw[0])
        && sex_of_given_name(aw[0]).is_some()
        && sex_of_given_name(bw[0]).is_some();
    sexes_differ || given_names_differ
}

/// Whether two mentions of the same label name the same thing, by the rules of the module docs.
fn same_thing(
    label: &str,
    a: &Prepared<'_>,
    b: &Prepared<'_>,
    values: (Option<&str>, Option<&str>),
) -> bool {
    if let (Some(x), Some(y)) = values {
        return x == y;
    }
    let (aw, bw) = (&a.words[..], &b.words[..]);
    match label {
        "PERSON" => {
            // "Dave Collins" and "David Collins": a short form of the same given name.
            let short_form_of = |x: &[&str], y: &[&str]| {
                x.len() >= 2
                    && x.len() == y.len()
                    && x[1..] == y[1..]
                    && full_form(x[0]) == full_form(y[0])
            };
            a.key == b.key || is_edge_of(aw, bw) || is_edge_of(bw, aw) || short_form_of(aw, bw)
        }
        "ORG" => {
            let acronym = |short: &[&str], long: &[&str]| {
                short.len() == 1
                    && long.len() >= 2
                    && short[0].len() >= 2
                    && initials(long) == short[0]
            };
            a.key == b.key
                || (aw.len() < bw.len() && bw[..aw.len()] == *aw)
                || (bw.len() < aw.len() && aw[..bw.len()] == *bw)
                || acronym(aw, bw)
                || acronym(bw, aw)
        }
        "GPE" | "LOC" | "FAC" => place_key(&a.key) == place_key(&b.key),
        _ => a.key == b.key,
    }
}

/// Clusters `mentions` (in text order).
pub fn assign(mentions: &[Mention<'_>]) -> Vec<Cluster> {
    let cores: Vec<Prepared<'_>> = mentions
        .iter()
        .map(|m| {
            let words = core_words(m);
            let key = key(&words);
            let sex = (m.label == "PERSON").then(|| sex_of(m, &words)).flatten();
            Prepared { words, key, sex }
        })
        .collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    for (m, mention) in mentions.iter().enumerate() {
        // The cluster whose latest member is nearest wins.
        let chosen = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.label == mention.label)
            .filter(|(_, c)| {
                !c.members
                    .iter()
                    .any(|&other| different_people(&cores[m], &cores[other]))
            })
            .filter(|(_, c)| {
                c.members.iter().any(|&other| {
                    same_thing(
                        mention.label,
                        &cores[m],
                        &cores[other],
                        (mention.value, mentions[other].value),
                    )
                })
            })
            .max_by_key(|(_, c)| c.members.last().copied())
            .map(|(i, _)| i);
        match chosen {
            Some(i) => {
                let cluster = &mut clusters[i];
                cluster.members.push(m);
                let current = &cores[cluster.canonical].words;
                let current_headline = mentions[cluster.canonical].headline;
                // Body text beats headlines; then the fuller name wins.
                let fuller = (current_headline && !mention.headline)
                    || current_headline == mention.headline
                        && (cores[m].words.len() > current.len()
                            || cores[m].words.len() == current.len()
                                && mention.words.join(" ").len()
                                    > mentions[cluster.canonical].words.join(" ").len());
                if fuller {
                    cluster.canonical = m;
                }
            }
            None => clusters.push(Cluster {
                label: mention.label.to_string(),
                canonical: m,
                members: vec![m],
            }),
        }
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention<'a>(label: &'a str, text: &'a str) -> Mention<'a> {
        Mention {
            label,
            words: text.split(' ').collect(),
            value: None,
            headline: false,
        }
    }

    fn groups(mentions: &[Mention<'_>]) -> Vec<Vec<String>> {
        assign(mentions)
            .iter()
            .map(|c| {
                c.members
                    .iter()
                    .map(|&m| mentions[m].words.join(" "))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn people_join_by_surname_and_given_name_first_order() {
        // From the sample article: Chinese names put the family name first.
        let mentions = [
            mention("PERSON", "Zhao Leji"),
            mention("PERSON", "Mao Ning"),
            mention("PERSON", "Zhao"),
            mention("PERSON", "Wang Junsheng"),
            mention("PERSON", "Wang"),
            mention("PERSON", "Mr Blair"),
            mention("PERSON", "Tony Blair"),
        ];
        assert_eq!(
            groups(&mentions),
            [
                vec!["Zhao Leji", "Zhao"],
                vec!["Mao Ning"],
                vec!["Wang Junsheng", "Wang"],
                vec!["Mr Blair", "Tony Blair"]
            ]
        );
        let clusters = assign(&mentions);
        assert_eq!(clusters[3].canonical, 6, "the fullest name is canonical");
    }

    #[test]
    fn people_of_another_sex_or_given_name_stay_apart() {
        let mentions = [
            mention("PERSON", "Mr Blair"),
            mention("PERSON", "Cherie Blair"),
            mention("PERSON", "Tony Blair"),
            mention("PERSON", "Bill Clinton"),
            mention("PERSON", "Hillary Clinton"),
            mention("PERSON", "David Collins"),
            mention("PERSON", "Dave Collins"),
        ];
        assert_eq!(
            groups(&mentions),
            [
                vec!["Mr Blair", "Tony Blair"],
                vec!["Cherie Blair"],
                vec!["Bill Clinton"],
                vec!["Hillary Clinton"],
                vec!["David Collins", "Dave Collins"]
            ]
        );
    }

    #[test]
    fn organisations_join_with_the_article_prefixes_and_acronyms() {
        let mentions = [
            mention("ORG", "Global Times"),
            mention("ORG", "the Global Times"),
            mention("ORG", "Chinese Academy of Social Sciences"),
            mention("ORG", "CASS"),
            mention("ORG", "Xinhua News Agency"),
            mention("ORG", "Xinhua"),
            mention("ORG", "Fudan University"),
        ];
        assert_eq!(
            groups(&mentions),
            [
                vec!["Global Times", "the Global Times"],
                vec!["Chinese Academy of Social Sciences", "CASS"],
                vec!["Xinhua News Agency", "Xinhua"],
                vec!["Fudan University"]
            ]
        );
    }

    #[test]
    fn related_places_stay_apart_and_aliases_join() {
        let mentions = [
            mention("GPE", "North Korea"),
            mention("GPE", "Pyongyang"),
            mention("GPE", "US"),
            mention("GPE", "United States"),
            mention("GPE", "N. Korea"),
            mention("PERSON", "Korea"),
        ];
        assert_eq!(
            groups(&mentions),
            [
                vec!["North Korea", "N. Korea"],
                vec!["Pyongyang"],
                vec!["US", "United States"],
                vec!["Korea"]
            ]
        );
    }

    #[test]
    fn a_headline_mention_is_not_the_canonical_name() {
        let mut headline = mention("PERSON", "Trump Stands Tall");
        headline.headline = true;
        let mentions = [
            headline,
            mention("PERSON", "Trump"),
            mention("PERSON", "Trump"),
        ];
        let clusters = assign(&mentions);
        assert_eq!(clusters.len(), 1);
        assert_eq!(
            clusters[0].canonical, 1,
            "the body's name, not the headline's words"
        );
    }

    #[test]
    fn dates_join_by_value() {
        let mut a = mention("DATE", "Wednesday");
        a.value = Some("2024-04-10");
        let mut b = mention("DATE", "April 10");
        b.value = Some("2024-04-10");
        let mut c = mention("DATE", "Wednesday");
        c.value = Some("2024-04-17");
        assert_eq!(groups(&[a, b, c]).len(), 2);
    }
}
