//! Word lists (gazetteers): place names, nationalities and religious or political groups,
//! languages. The tagger uses them as features; the entities plugin uses them to tell GPE from LOC
//! and to find NORP.

use crate::hash::{FeatureHash, HashMap};
use crate::template;

/// The kinds a name can have in the lists (bit flags).
pub mod kind {
    /// A country.
    pub const COUNTRY: u16 = 1;
    /// A state or province.
    pub const STATE: u16 = 2;
    /// A city or town.
    pub const CITY: u16 = 4;
    /// A continent.
    pub const CONTINENT: u16 = 8;
    /// Another name of a country or city ("US", "Britain").
    pub const PLACE_ALIAS: u16 = 16;
    /// A geographical region, sea, river or range (a LOC that is not a GPE).
    pub const REGION: u16 = 32;
    /// A nationality, religious or political group.
    pub const NORP: u16 = 64;
    /// A language (only words that are not also nationalities).
    pub const LANGUAGE: u16 = 128;
    /// A national capital.
    pub const CAPITAL: u16 = 256;
    /// Everything that is a geo-political entity.
    pub const GPE: u16 = COUNTRY | STATE | CITY | PLACE_ALIAS | CAPITAL;

    /// Names of the kinds, for feature strings and files.
    pub const NAMES: &[(u16, &str)] = &[
        (COUNTRY, "country"),
        (STATE, "state"),
        (CITY, "city"),
        (CONTINENT, "continent"),
        (PLACE_ALIAS, "place-alias"),
        (REGION, "region"),
        (NORP, "norp"),
        (LANGUAGE, "language"),
        (CAPITAL, "capital"),
    ];
}

/// The longest name a lookup tries, in tokens.
pub const MAX_NAME_TOKENS: usize = 5;

/// Names and their kinds, matched case-insensitively on token sequences.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    names: HashMap<u16>,
}

/// A match of a name in a token sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Kind flags.
    pub kinds: u16,
}

/// The key of a name of `tokens` (case-insensitive).
fn key<'a>(tokens: impl IntoIterator<Item = &'a str>) -> u64 {
    tokens
        .into_iter()
        .fold(template!("lex"), FeatureHash::part_lower)
        .finish()
}

/// The keys of the names of the first 1, 2, ... of `tokens`, each hashed from the previous one's
/// state: the `n`th is `key(&tokens[..n])`.
fn prefix_keys<'a>(tokens: &'a [&'a str]) -> impl Iterator<Item = u64> + 'a {
    tokens.iter().scan(template!("lex"), |state, token| {
        *state = state.part_lower(token);
        Some(state.finish())
    })
}

/// Splits a name into tokens the way the tagger sees them (on spaces; a final "'s" is not part).
fn name_tokens(name: &str) -> impl Iterator<Item = &str> {
    name.split(' ').filter(|t| !t.is_empty())
}

impl Lexicon {
    /// Reads `name<TAB>kind` lines (`#` starts a comment). Unknown kinds are an error naming the line.
    pub fn parse(&mut self, text: &str) -> Result<(), String> {
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, kind_name) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected name<TAB>kind", n + 1))?;
            let kind = kind::NAMES
                .iter()
                .find(|(_, k)| *k == kind_name.trim())
                .map(|(bits, _)| *bits)
                .ok_or_else(|| format!("line {}: unknown kind {kind_name:?}", n + 1))?;
            if name_tokens(name).count() <= MAX_NAME_TOKENS {
                *self.names.entry(key(name_tokens(name))).or_insert(0) |= kind;
            }
        }
        Ok(())
    }

    /// The kinds of an exact name (case-insensitive), or 0.
    pub fn kinds_of(&self, name: &str) -> u16 {
        self.names
            .get(&key(name_tokens(name)))
            .copied()
            .unwrap_or(0)
    }

    /// The kinds of a token sequence, or 0.
    pub fn kinds_of_tokens(&self, tokens: &[&str]) -> u16 {
        self.names
            .get(&key(tokens.iter().copied()))
            .copied()
            .unwrap_or(0)
    }

    /// Longest-first, left-to-right matches in a sentence. A match must start with a token that
    /// starts with a capital letter.
    pub fn matches(&self, tokens: &[&str]) -> Vec<Match> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let capitalised = tokens[i].chars().next().is_some_and(char::is_uppercase);
            let mut matched = None;
            if capitalised {
                let longest = MAX_NAME_TOKENS.min(tokens.len() - i);
                let mut keys = [0u64; MAX_NAME_TOKENS];
                for (slot, key) in keys.iter_mut().zip(prefix_keys(&tokens[i..i + longest])) {
                    *slot = key;
                }
                for len in (1..=longest).rev() {
                    let kinds = self.names.get(&keys[len - 1]).copied().unwrap_or(0);
                    if kinds != 0 {
                        matched = Some(Match {
                            start: i,
                            end: i + len,
                            kinds,
                        });
                        break;
                    }
                }
            }
            match matched {
                Some(m) => {
                    found.push(m);
                    i = m.end;
                }
                None => i += 1,
            }
        }
        found
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The weekday (0 = Monday) a word names, in any case ("Tuesday", "TUESDAY").
pub fn weekday_number(word: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .position(|d| word.eq_ignore_ascii_case(d))
        .map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.parse("North Korea\tcountry\nKorea\tcountry\nChinese\tnorp\nBeijing\tcity\n")
            .unwrap();
        lex
    }

    #[test]
    fn prefix_keys_are_the_keys_of_the_prefixes() {
        let tokens = ["North", "KOREA", "Zoë"];
        let keys: Vec<u64> = prefix_keys(&tokens).collect();
        let one_by_one: Vec<u64> = (1..=tokens.len())
            .map(|n| key(tokens[..n].iter().copied()))
            .collect();
        assert_eq!(keys, one_by_one);
    }

    #[test]
    fn matches_longest_names_first() {
        let lex = lexicon();
        let tokens = [
            "Chinese", "experts", "in", "North", "Korea", "and", "Beijing",
        ];
        let found = lex.matches(&tokens);
        assert_eq!(found.len(), 3);
        assert_eq!((found[1].start, found[1].end), (3, 5));
        assert_eq!(found[1].kinds, kind::COUNTRY);
        assert_eq!(found[0].kinds, kind::NORP);
        assert_eq!(lex.kinds_of("BEIJING"), kind::CITY);
    }

    #[test]
    fn unknown_kinds_are_refused_with_the_line() {
        let err = Lexicon::default()
            .parse("x\tcountry\ny\tplanet\n")
            .unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
