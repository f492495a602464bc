//! The sex a given name mostly names (`data/given_names.tsv`, written by hand for byline), for
//! telling whom a pronoun or a courtesy title may mean: "she" is not "Gordon Brown", "Mr
//! Jackson" not "Katherine Jackson". Names borne by both sexes are not listed, so `None` means
//! "do not know", never "neither".

use std::collections::HashMap;
use std::sync::LazyLock;

/// The sex a given name mostly names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// Mostly women's ("Margaret", "Cherie").
    Female,
    /// Mostly men's ("Gordon", "Tony").
    Male,
}

static NAMES: LazyLock<HashMap<&'static str, Sex>> = LazyLock::new(|| {
    include_str!("../data/given_names.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (name, sex) = line.split_once('\t')?;
            let sex = match sex.trim() {
                "f" => Sex::Female,
                "m" => Sex::Male,
                _ => return None,
            };
            Some((name.trim(), sex))
        })
        .collect()
});

/// The sex the given name `name` mostly names, as written ("Margaret"), or `None` when the list
/// does not hold it.
pub fn sex_of_given_name(name: &str) -> Option<Sex> {
    NAMES.get(name).copied()
}

/// Short forms of given names and the names they shorten ("Dave Collins" is "David Collins").
const SHORT_FORMS: &[(&str, &str)] = &[
    ("Andy", "Andrew"),
    ("Ben", "Benjamin"),
    ("Bill", "William"),
    ("Billy", "William"),
    ("Bob", "Robert"),
    ("Bobby", "Robert"),
    ("Dan", "Daniel"),
    ("Dave", "David"),
    ("Debbie", "Deborah"),
    ("Dick", "Richard"),
    ("Don", "Donald"),
    ("Ed", "Edward"),
    ("Eddie", "Edward"),
    ("Fred", "Frederick"),
    ("Geoff", "Geoffrey"),
    ("Greg", "Gregory"),
    ("Jeff", "Jeffrey"),
    ("Jim", "James"),
    ("Jimmy", "James"),
    ("Joe", "Joseph"),
    ("Jon", "Jonathan"),
    ("Josh", "Joshua"),
    ("Kate", "Katherine"),
    ("Katie", "Katherine"),
    ("Ken", "Kenneth"),
    ("Larry", "Lawrence"),
    ("Liz", "Elizabeth"),
    ("Maggie", "Margaret"),
    ("Matt", "Matthew"),
    ("Mick", "Michael"),
    ("Mike", "Michael"),
    ("Nick", "Nicholas"),
    ("Pete", "Peter"),
    ("Phil", "Philip"),
    ("Rick", "Richard"),
    ("Ricky", "Richard"),
    ("Rob", "Robert"),
    ("Robbie", "Robert"),
    ("Ronnie", "Ronald"),
    ("Stan", "Stanley"),
    ("Steve", "Steven"),
    ("Stephen", "Steven"),
    ("Ted", "Edward"),
    ("Tim", "Timothy"),
    ("Tom", "Thomas"),
    ("Tommy", "Thomas"),
    ("Tony", "Anthony"),
    ("Will", "William"),
    ("Zach", "Zachary"),
];

/// The full form of a given name: the name a short form shortens ("Dave" → "David"), else the
/// name itself. Two given names with the same full form may name one person.
pub fn full_form(name: &str) -> &str {
    SHORT_FORMS
        .iter()
        .find(|(short, _)| *short == name)
        .map_or(name, |(_, full)| full)
}

/// The sex the first word of a full name (`full`, two words or more: "Gordon Brown") mostly
/// names; `None` for a single word ("Brown"), which may be a surname.
pub fn sex_of_full_name(full: &str) -> Option<Sex> {
    let mut words = full.split_whitespace();
    let first = words.next()?;
    words.next()?;
    sex_of_given_name(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_are_read_by_their_first_word() {
        assert_eq!(sex_of_full_name("Gordon Brown"), Some(Sex::Male));
        assert_eq!(sex_of_full_name("Cherie Blair"), Some(Sex::Female));
        // A surname alone, or a name borne by both, says nothing.
        assert_eq!(sex_of_full_name("Gordon"), None);
        assert_eq!(sex_of_full_name("Alex Ferguson"), None);
        assert_eq!(sex_of_full_name("Hilary Benn"), None);
    }

    #[test]
    fn short_forms_have_their_full_form() {
        assert_eq!(full_form("Dave"), "David");
        assert_eq!(full_form("Stephen"), full_form("Steve"));
        assert_eq!(full_form("Cherie"), "Cherie");
        // Every full form is a listed name of the same sex as its short forms.
        for (short, full) in SHORT_FORMS {
            assert_eq!(sex_of_given_name(short), sex_of_given_name(full), "{short}");
            assert!(sex_of_given_name(full).is_some(), "{full}");
        }
    }

    #[test]
    fn the_list_reads_whole() {
        let listed = include_str!("../data/given_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count();
        assert_eq!(
            NAMES.len(),
            listed,
            "a line of given_names.tsv did not parse"
        );
    }
}
