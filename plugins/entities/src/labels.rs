//! From the tagger's four CoNLL types (PER, ORG, LOC, MISC) to OntoNotes labels: PERSON and ORG
//! directly; LOC split into GPE, LOC and FAC by the gazetteer and the name's head word; MISC split
//! into NORP, LANGUAGE, EVENT and LAW by the word lists and the head word, MISC where none applies.

use crate::words::Word;
use byline_ner::lexicon::{Lexicon, kind};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The names of a word list: one a line, `#` comments.
fn names_of(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// Organisations the tagger calls people (`data/organisations.txt`: "Google", "Yukos", "Fannie
/// Mae").
static ORGANISATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| names_of(include_str!("../data/organisations.txt")));

/// Products the tagger calls people or MISC (`data/products.txt`: "Xbox", "iPod", "Linux").
static PRODUCTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| names_of(include_str!("../data/products.txt")));

/// Abbreviations of common nouns that the tagger, seeing capitals, takes for names ("on TV", "a
/// PC", "ID cards", "R&B"): no entity at all.
const COMMON_ABBREVIATIONS: &[&str] = &[
    "TV", "PC", "PCs", "DVD", "DVDs", "CD", "CDs", "HD", "ID", "MP", "MPs", "MP3", "R&B", "SMS",
    "MMS", "GPS", "PDA", "PDAs", "RFID", "DRM", "CEO", "GDP", "VAT", "HIV", "TB",
];

/// Whether a one-word name is an abbreviation of a common noun ("TV", "PC"), no entity.
pub fn is_common_abbreviation(word: &str) -> bool {
    contains(COMMON_ABBREVIATIONS, word)
}

/// Awards named alone, which the tagger calls people ("won an Oscar", "Grammy nominations"): an
/// event, as "the Academy Awards" is.
const AWARDS: &[&str] = &[
    "Oscar",
    "Oscars",
    "Grammy",
    "Grammys",
    "Emmy",
    "Emmys",
    "Golden Globe",
    "Golden Globes",
];

/// Holidays, which OntoNotes labels DATE and the tagger a person, a place or MISC.
const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Christmas Day",
    "Christmas Eve",
    "Boxing Day",
    "New Year",
    "New Year's Day",
    "New Year's Eve",
    "Easter",
    "Good Friday",
    "Easter Monday",
    "Halloween",
    "Thanksgiving",
    "Ramadan",
    "Hanukkah",
    "Diwali",
    "Valentine's Day",
];

/// The words of a mention joined as written: with spaces, but none around a hyphen the tokenizer
/// split off ("Hewlett", "-", "Packard") nor before "'s".
fn joined(words: &[Word<'_>]) -> String {
    let mut name = String::new();
    for (k, w) in words.iter().enumerate() {
        let glued = k > 0 && (w.text == "-" || words[k - 1].text == "-" || w.text == "'s");
        if k > 0 && !glued {
            name.push(' ');
        }
        name.push_str(w.text);
    }
    name
}

/// Head words of natural features and regions: a LOC, not a GPE.
const GEO_HEADS: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "mountains",
    "mountain",
    "mount",
    "mt",
    "lake",
    "valley",
    "peninsula",
    "bay",
    "gulf",
    "island",
    "islands",
    "desert",
    "strait",
    "straits",
    "coast",
    "basin",
    "plain",
    "plains",
    "region",
    "delta",
    "canal",
    "hills",
    "range",
    "forest",
    "glacier",
    "channel",
    "cape",
    "heights",
    "bank",
    "strip",
];
/// Head words of buildings and structures: FAC.
const FACILITY_HEADS: &[&str] = &[
    "airport",
    "bridge",
    "stadium",
    "square",
    "street",
    "road",
    "avenue",
    "highway",
    "tower",
    "palace",
    "station",
    "hall",
    "arena",
    "park",
    "port",
    "harbour",
    "harbor",
    "dam",
    "tunnel",
    "building",
    "centre",
    "center",
    "cathedral",
    "mosque",
    "temple",
    "church",
    "prison",
    "base",
];
const EVENT_HEADS: &[&str] = &[
    "cup",
    "games",
    "olympics",
    "olympic",
    "war",
    "championship",
    "championships",
    "open",
    "tour",
    "summit",
    "festival",
    "prix",
    "rally",
    "marathon",
    "election",
    "elections",
    "revolution",
    "crisis",
    "pandemic",
    "series",
    "league",
    "derby",
    "awards",
    "award",
    "prize",
];

/// Heads of [`EVENT_HEADS`] that end no person's name, so an event's even where the tagger says
/// person ("Academy Awards", "Brit Award", "Edinburgh Festival").
const EVENT_HEADS_NOT_SURNAMES: &[&str] = &[
    "awards",
    "award",
    "prize",
    "festival",
    "championship",
    "championships",
    "olympics",
];
const LAW_HEADS: &[&str] = &[
    "act",
    "treaty",
    "convention",
    "accord",
    "accords",
    "constitution",
    "bill",
    "charter",
    "protocol",
    "amendment",
    "law",
    "code",
];
/// Nationality words that also name a language.
const LANGUAGE_NATIONALITIES: &[&str] = &[
    "english",
    "french",
    "german",
    "chinese",
    "spanish",
    "russian",
    "japanese",
    "arabic",
    "italian",
    "portuguese",
    "korean",
    "dutch",
    "greek",
    "turkish",
    "polish",
    "swedish",
    "hindi",
    "persian",
    "vietnamese",
    "thai",
];
const LANGUAGE_CUES: &[&str] = &[
    "in",
    "speak",
    "speaks",
    "speaking",
    "spoke",
    "into",
    "translated",
];

fn head(words: &[Word<'_>]) -> String {
    words
        .last()
        .map(|w| w.text.to_lowercase())
        .unwrap_or_default()
}

fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Nouns that introduce a company's name right before it ("oil giant Yukos", "the airline
/// Alitalia"); not "rival", "maker", "broadcaster", "group" or "club", which introduce people
/// too ("film maker Michael Cockerell", "fellow broadcaster Michael Pointon", "his rival Alan
/// Milburn").
const COMPANY_NOUNS: &[&str] = &[
    "firm",
    "firms",
    "company",
    "giant",
    "carrier",
    "airline",
    "newspaper",
    "retailer",
    "insurer",
    "lender",
    "supermarket",
    "conglomerate",
    "carmaker",
    "automaker",
];

/// Nouns for a kind of work that introduce its title ("the film Million Dollar Baby", "his
/// novel Saturday"); not "play", "show" or "game", which are verbs before a name too ("will play
/// Federer").
const WORK_NOUNS: &[&str] = &[
    "film",
    "movie",
    "biopic",
    "documentary",
    "drama",
    "comedy",
    "thriller",
    "sitcom",
    "musical",
    "opera",
    "album",
    "song",
    "novel",
    "book",
    "series",
];

/// The OntoNotes label of a name the tagger typed `conll_type`, read with the words before it
/// (`before`, its sentence up to it).
pub fn refine(
    conll_type: &str,
    words: &[Word<'_>],
    before: &[Word<'_>],
    lexicon: &Lexicon,
) -> &'static str {
    let previous = before.last();
    let name = joined(words);
    // "before Christmas", "on Boxing Day": a holiday is a date, however the tagger typed it.
    if contains(HOLIDAYS, &name) {
        return "DATE";
    }
    // "Lord Goldsmith", "Sir Menzies", "Baroness Royall of Blaisdon": a title and a name are a
    // person's, however the tagger typed them; not an office ("Lord Chancellor"), a title ("Lord
    // of the Rings") or a beauty contest ("Miss World").
    if let [title, next, ..] = words
        && contains(PERSON_TITLES, title.text.trim_end_matches('.'))
        && title.text != "Miss"
        && next.text.starts_with(char::is_uppercase)
        && !contains(OFFICES_AFTER_TITLES, next.text)
        && !next.text.eq_ignore_ascii_case("of")
    {
        return "PERSON";
    }
    // "Ms Detakats", "Mr Hellewell": a courtesy title before a name (as written: "miss England"
    // is the verb, "DR Congo" a country) makes it a person's, however the tagger typed it.
    let courtesy = previous.is_some_and(|w| {
        matches!(
            w.text.trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Miss" | "Dr"
        )
    });
    let previous = previous.map(|w| w.text.to_lowercase()).unwrap_or_default();
    let label = label_of_type(conll_type, words, &name, &previous, lexicon);
    // "Mike Leigh's abortion drama Vera Drake", "the film Million Dollar Baby": a name a kind of
    // work introduces is the work's title; not a nationality ("the song Britons would most
    // like"), nor a titled person ("In Mr Peston's book Mr Brown is alleged").
    let after_work_noun = contains(WORK_NOUNS, &previous);
    let titled = words
        .first()
        .is_some_and(|w| contains(PERSON_TITLES, w.text.trim_end_matches('.')));
    if after_work_noun && matches!(label, "PERSON" | "MISC") && !titled {
        return "WORK_OF_ART";
    }
    if label == "PERSON" && is_titled_like_a_work(words) {
        return "WORK_OF_ART";
    }
    if courtesy && matches!(label, "ORG" | "GPE" | "LOC" | "MISC" | "NORP" | "FAC") {
        return "PERSON";
    }
    employer_label(label, words, before, lexicon)
}

/// Words after a title that make an office of it, not a person's name: "Lord Chancellor", "Lord
/// Chief Justice", "Lord Mayor", "Lady Justice".
const OFFICES_AFTER_TITLES: &[&str] = &[
    "Chancellor",
    "Chief",
    "Justice",
    "Justices",
    "Mayor",
    "Speaker",
    "Provost",
    "Advocate",
    "Lieutenant",
    "Chamberlain",
    "Privy",
    "President",
    "Commissioner",
    "Rector",
    "Protector",
];

/// Words that no person's name holds but songs', films' and shows' titles do ("I Can't Stop Loving
/// You", "Drive My Car", "Curb Your Enthusiasm", "Gone Are the Days"): pronouns other than "I"
/// (a regnal number: "Elizabeth I") and forms of "be".
const TITLE_ONLY_WORDS: &[&str] = &[
    "You", "Me", "My", "Your", "We", "Our", "Us", "It", "Is", "Are", "Was", "Were", "Be",
];

/// Whether a name the tagger calls a person's reads as a work's title: two words or more, one of
/// them a pronoun or a form of "be" ([`TITLE_ONLY_WORDS`]), or the first an interjection ("Hey
/// Ya", "Hey Jude").
fn is_titled_like_a_work(words: &[Word<'_>]) -> bool {
    words.len() >= 2
        && (words.iter().any(|w| contains(TITLE_ONLY_WORDS, w.text)) || words[0].text == "Hey")
}

/// Jobs held at a firm or an institution: "an analyst at UBS", "professor at Brooklyn Law
/// School", where the tagger, reading "at", takes the employer for a place.
const JOBS_AT: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "trader",
    "traders",
    "dealer",
    "dealers",
    "broker",
    "director",
    "professor",
    "lecturer",
    "researcher",
    "partner",
    "executive",
    "officer",
    "manager",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "consultant",
    "editor",
    "chairman",
    "president",
];

/// The label of a name [`refine`] labels `label`, given the words before it (`before`, its
/// sentence up to it): ORG for a place when a job and "at" come right before it ("chief currency strategist at UBS",
/// "a marketing vice president at Texas"), unless a country or a capital ("an analyst at US
/// bank Citigroup", "at London's Institute"); else `label`.
fn employer_label(
    label: &'static str,
    words: &[Word<'_>],
    before: &[Word<'_>],
    lexicon: &Lexicon,
) -> &'static str {
    let after_a_job = matches!(before, [.., job, at]
        if at.text == "at" && contains(JOBS_AT, &job.text.to_lowercase()));
    if !after_a_job || !matches!(label, "GPE" | "LOC" | "FAC") {
        return label;
    }
    let parts: Vec<&str> = words.iter().map(|w| w.norm).collect();
    if lexicon.kinds_of_tokens(&parts) & (kind::COUNTRY | kind::CAPITAL | kind::PLACE_ALIAS) != 0 {
        return label;
    }
    "ORG"
}

/// Roles in a team that follow its name ("Chelsea boss Jose Mourinho", "Wasps flanker Joe
/// Worsley", "Villa chairman Doug Ellis").
const TEAM_ROLES: &[&str] = &[
    "boss",
    "coach",
    "chairman",
    "chief",
    "striker",
    "midfielder",
    "defender",
    "keeper",
    "goalkeeper",
    "captain",
    "skipper",
    "winger",
    "full-back",
    "fly-half",
    "scrum-half",
    "flanker",
    "squad",
];

/// Whether a one-word name the tagger calls a person's is a team's or a body's, the word after
/// it (`next`) a role in it ("Chelsea boss", "Wada chairman"); a full name before such a noun
/// may be a person's ("Johnny Cash manager") and is left as it is.
pub fn is_team(words: &[Word<'_>], next: Option<&Word<'_>>) -> bool {
    words.len() == 1 && next.is_some_and(|w| contains(TEAM_ROLES, w.text))
}

/// Titles before a person's name.
const PERSON_TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "Dame",
    "Prof",
    "President",
    "Baroness",
    "Baron",
];

/// [`refine`]'s label from the tagger's type alone.
/// `name` is the mention's words joined as written, `previous` the word before it in lower case
/// ("" at a sentence's start).
fn label_of_type(
    conll_type: &str,
    words: &[Word<'_>],
    name: &str,
    previous: &str,
    lexicon: &Lexicon,
) -> &'static str {
    let parts: Vec<&str> = words.iter().map(|w| w.norm).collect();
    let kinds = lexicon.kinds_of_tokens(&parts);
    let head = head(words);
    match conll_type {
        // "low-cost carrier Virgin Blue", "drinks firm Diageo": a name a company noun introduces
        // is the company's, whatever its words look like; and so is a listed organisation's.
        "PER" if contains(COMPANY_NOUNS, previous) || ORGANISATIONS.contains(name) => "ORG",
        "PER" if words.len() > 1 && contains(EVENT_HEADS_NOT_SURNAMES, &head) => "EVENT",
        "PER" | "MISC" | "ORG" | "LOC" if PRODUCTS.contains(name) => "PRODUCT",
        "PER" | "MISC" | "ORG" | "LOC" if contains(AWARDS, name) => "EVENT",
        "PER" => "PERSON",
        // "Sony", "Nokia" (a Finnish town too), "Wal-Mart": read as places after "at" or "in".
        "LOC" if ORGANISATIONS.contains(name) => "ORG",
        // "Berlin Film Festival", "London Marathon": no place ends in an event's head.
        "LOC" if words.len() > 1 && contains(EVENT_HEADS, &head) => "EVENT",
        // A capital or a country named alone stands for its government ("Pyongyang said"): GPE in
        // OntoNotes. (In CoNLL-2003 such single-token names are LOC 138 times and ORG 3 times in
        // eng.testa.)
        "ORG" if words.len() == 1 && kinds & (kind::CAPITAL | kind::COUNTRY) != 0 => "GPE",
        "ORG" => "ORG",
        "LOC" => {
            if kinds & kind::GPE != 0 {
                "GPE"
            } else if kinds & (kind::REGION | kind::CONTINENT) != 0 || contains(GEO_HEADS, &head) {
                "LOC"
            } else if contains(FACILITY_HEADS, &head) && words.len() > 1 {
                "FAC"
            } else {
                // Most places in news that the lists do not know are towns and districts.
                "GPE"
            }
        }
        "MISC" => {
            let language_in_context = words.len() == 1
                && contains(LANGUAGE_NATIONALITIES, &head)
                && contains(LANGUAGE_CUES, previous);
            if kinds & kind::LANGUAGE != 0 || language_in_context {
                "LANGUAGE"
            } else if kinds & kind::NORP != 0 {
                "NORP"
            } else if contains(EVENT_HEADS, &head) && words.len() > 1 {
                "EVENT"
            } else if contains(LAW_HEADS, &head) && words.len() > 1 {
                "LAW"
            } else if words.len() <= 2 && words.last().is_some_and(|w| is_adjectival(w.text)) {
                "NORP"
            } else {
                "MISC"
            }
        }
        _ => "MISC",
    }
}

/// A capitalised word with a nationality ending ("Korean", "Burmese", "Kurdish", "Iraqi").
fn is_adjectival(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && ["an", "ans", "ese", "ish", "i", "ic"]
            .iter()
            .any(|s| word.ends_with(s))
        && word.len() > 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::spaced_words as words;

    fn lexicon() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.parse(&byline_ner::default_lexicon_text()).unwrap();
        lex
    }

    #[test]
    fn places_split_into_gpe_loc_and_fac() {
        let lex = lexicon();
        assert_eq!(refine("LOC", &words("North Korea"), &[], &lex), "GPE");
        assert_eq!(refine("LOC", &words("Pyongyang"), &[], &lex), "GPE");
        assert_eq!(refine("LOC", &words("US"), &[], &lex), "GPE");
        assert_eq!(refine("LOC", &words("Korean Peninsula"), &[], &lex), "LOC");
        assert_eq!(refine("LOC", &words("Yalu River"), &[], &lex), "LOC");
        assert_eq!(refine("LOC", &words("Heathrow Airport"), &[], &lex), "FAC");
        assert_eq!(refine("LOC", &words("Urus-Martan"), &[], &lex), "GPE");
    }

    #[test]
    fn a_name_a_company_noun_introduces_is_an_organisation() {
        let lex = lexicon();
        let carrier = words("carrier");
        assert_eq!(refine("PER", &words("Virgin Blue"), &carrier, &lex), "ORG");
        // Not where the noun introduces people too.
        let broadcaster = words("broadcaster");
        assert_eq!(
            refine("PER", &words("Michael Pointon"), &broadcaster, &lex),
            "PERSON"
        );
        assert_eq!(refine("PER", &words("Virgin Ltd"), &[], &lex), "PERSON");
        // A listed organisation, whatever comes before it; its words joined as written.
        assert_eq!(refine("PER", &words("Google"), &[], &lex), "ORG");
        assert_eq!(refine("PER", &words("Fannie Mae"), &[], &lex), "ORG");
        assert_eq!(refine("PER", &words("Hewlett - Packard"), &[], &lex), "ORG");
        // Not a person bearing part of such a name.
        assert_eq!(refine("PER", &words("Mae West"), &[], &lex), "PERSON");
    }

    #[test]
    fn a_name_a_kind_of_work_introduces_is_its_title() {
        let lex = lexicon();
        let drama = words("drama");
        assert_eq!(
            refine("PER", &words("Vera Drake"), &drama, &lex),
            "WORK_OF_ART"
        );
        let film = words("film");
        assert_eq!(
            refine("MISC", &words("Million Dollar Baby"), &film, &lex),
            "WORK_OF_ART"
        );
        // Not a nationality, nor a titled person.
        let song = words("song");
        assert_eq!(refine("MISC", &words("Britons"), &song, &lex), "NORP");
        let book = words("book");
        assert_eq!(refine("PER", &words("Mr Brown"), &book, &lex), "PERSON");
    }

    #[test]
    fn a_name_with_a_pronoun_or_an_interjection_is_a_title() {
        let lex = lexicon();
        for title in [
            "Stop Loving You",
            "Drive My Car",
            "Gone Are the Days",
            "Hey Ya",
        ] {
            assert_eq!(
                refine("PER", &words(title), &[], &lex),
                "WORK_OF_ART",
                "{title}"
            );
        }
        // Not a person with a regnal number, nor a surname that is also a word.
        for name in ["Elizabeth I", "Courtney Love", "Virginia Hey"] {
            assert_eq!(refine("PER", &words(name), &[], &lex), "PERSON", "{name}");
        }
    }

    #[test]
    fn a_title_and_a_name_are_a_person_s_but_an_office_is_not() {
        let lex = lexicon();
        assert_eq!(refine("ORG", &words("Lord Goldsmith"), &[], &lex), "PERSON");
        assert_eq!(refine("LOC", &words("Lord Woolf"), &[], &lex), "PERSON");
        assert_eq!(refine("ORG", &words("Mr. Underwood"), &[], &lex), "PERSON");
        assert_eq!(
            refine("ORG", &words("Baroness Royall of Blaisdon"), &[], &lex),
            "PERSON"
        );
        assert_eq!(refine("ORG", &words("Lord Chancellor"), &[], &lex), "ORG");
        assert_ne!(
            refine("LOC", &words("Lord of the Rings"), &[], &lex),
            "PERSON"
        );
    }

    #[test]
    fn a_place_after_a_job_at_is_an_employer() {
        let lex = lexicon();
        let before = words("said Bhanu Baweja , strategist at");
        assert_eq!(employer_label("GPE", &words("UBS"), &before, &lex), "ORG");
        // Not a country or a capital, nor a place after "at" alone.
        assert_eq!(
            employer_label("GPE", &words("London"), &before, &lex),
            "GPE"
        );
        let before = words("They met at");
        assert_eq!(employer_label("GPE", &words("Troon"), &before, &lex), "GPE");
    }

    #[test]
    fn an_award_or_a_festival_is_an_event_whatever_the_tagger_says() {
        let lex = lexicon();
        assert_eq!(refine("PER", &words("Academy Awards"), &[], &lex), "EVENT");
        assert_eq!(refine("MISC", &words("Brit Award"), &[], &lex), "EVENT");
        assert_eq!(refine("PER", &words("Downing Street"), &[], &lex), "ORG");
        assert_eq!(refine("PER", &words("Hugh Grant"), &[], &lex), "PERSON");
        assert_eq!(refine("PER", &words("Oscar"), &[], &lex), "EVENT");
        assert_eq!(refine("PER", &words("Oscar Wilde"), &[], &lex), "PERSON");
    }

    #[test]
    fn a_listed_firm_or_an_event_is_no_place() {
        let lex = lexicon();
        assert_eq!(refine("LOC", &words("Sony"), &[], &lex), "ORG");
        assert_eq!(
            refine("LOC", &words("Berlin Film Festival"), &[], &lex),
            "EVENT"
        );
        assert_eq!(refine("LOC", &words("Berlin"), &[], &lex), "GPE");
    }

    #[test]
    fn a_listed_product_is_a_product() {
        let lex = lexicon();
        assert_eq!(refine("PER", &words("Xbox"), &[], &lex), "PRODUCT");
        assert_eq!(refine("ORG", &words("Xbox"), &[], &lex), "PRODUCT");
        assert!(is_common_abbreviation("TV") && !is_common_abbreviation("BBC"));
        assert_eq!(refine("MISC", &words("iPod"), &[], &lex), "PRODUCT");
        assert_eq!(refine("ORG", &words("Microsoft"), &[], &lex), "ORG");
    }

    #[test]
    fn a_holiday_is_a_date() {
        let lex = lexicon();
        assert_eq!(refine("PER", &words("Christmas"), &[], &lex), "DATE");
        assert_eq!(refine("MISC", &words("Boxing Day"), &[], &lex), "DATE");
        assert_eq!(refine("MISC", &words("New Year 's Day"), &[], &lex), "DATE");
    }

    #[test]
    fn misc_splits_into_norp_language_event_law() {
        let lex = lexicon();
        assert_eq!(refine("MISC", &words("Chinese"), &[], &lex), "NORP");
        let prev = words("in");
        assert_eq!(refine("MISC", &words("Chinese"), &prev, &lex), "LANGUAGE");
        assert_eq!(refine("MISC", &words("World Cup"), &[], &lex), "EVENT");
        assert_eq!(refine("MISC", &words("Paris Agreement"), &[], &lex), "MISC");
        assert_eq!(refine("MISC", &words("Clean Air Act"), &[], &lex), "LAW");
        assert_eq!(refine("MISC", &words("Burmese"), &[], &lex), "NORP");
        assert_eq!(refine("MISC", &words("Windows"), &[], &lex), "MISC");
        assert_eq!(refine("MISC", &words("East Asian"), &[], &lex), "NORP");
    }

    #[test]
    fn a_capital_standing_for_its_government_is_gpe() {
        let lex = lexicon();
        assert_eq!(refine("ORG", &words("Pyongyang"), &[], &lex), "GPE");
        assert_eq!(refine("ORG", &words("Barcelona"), &[], &lex), "ORG");
        assert_eq!(refine("ORG", &words("Fudan University"), &[], &lex), "ORG");
    }
}
