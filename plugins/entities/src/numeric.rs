//! Rules for the numeric and temporal labels: DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL and
//! CARDINAL, with DATE values normalised by [`crate::dates`].
//!
//! They run over the words the tagger left outside any name, so a year inside "the 2024 Olympics"
//! stays part of the name.

use crate::dates::{self, Unit, Which, Ymd};
use crate::words::Word;

/// A numeric or temporal mention, in word positions of its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub end: usize,
    /// The label.
    pub label: &'static str,
    /// The ISO 8601 value of a DATE, when the text (and the anchor) allow.
    pub value: Option<String>,
}

const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "bn", "mln", "m", "k",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yuan", "renminbi", "yen",
    "rupee", "rupees", "cent", "cents", "pence", "penny", "franc", "francs", "marks", "rouble",
    "roubles", "ruble", "rubles", "won", "peso", "pesos", "lira", "riyal", "dinar", "dinars",
];
const CURRENCY_SYMBOLS: &[&str] = &["$", "£", "€", "¥", "₹", "₩"];
const CURRENCY_PREFIXES: &[&str] = &["US", "A", "C", "HK", "NZ", "S"];
const UNITS: &[&str] = &[
    "km",
    "kms",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
    "metre",
    "metres",
    "meter",
    "meters",
    "m2",
    "cm",
    "mm",
    "feet",
    "foot",
    "ft",
    "inch",
    "inches",
    "yards",
    "kg",
    "kilo",
    "kilos",
    "kilogram",
    "kilograms",
    "gram",
    "grams",
    "g",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "lb",
    "lbs",
    "ounces",
    "oz",
    "litre",
    "litres",
    "liter",
    "liters",
    "gallons",
    "barrels",
    "bpd",
    "acres",
    "hectares",
    "ha",
    "degrees",
    "mph",
    "kph",
    "km/h",
    "mw",
    "megawatts",
    "gw",
    "gigawatts",
    "kwh",
    "knots",
    "sq",
];
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];
const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "hundredth",
];
const PERIOD_WORDS: &[(&str, Unit)] = &[
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("year", Unit::Year),
    ("years", Unit::Year),
];

fn lower(word: &Word<'_>) -> String {
    word.text.to_lowercase()
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A number written in digits ("2019", "1,000", "3.5", "1.13bn", "600m").
fn is_digit_number(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// A number in digits or words ("two", "dozens").
fn is_number(word: &str) -> bool {
    is_digit_number(word) || is_in(NUMBER_WORDS, word)
}

fn is_year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1800..=2099).contains(y))
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Finds numeric and temporal mentions in one sentence. `taken[i]` marks words already in a name.
pub fn find(words: &[Word<'_>], taken: &[bool], anchor: Option<Ymd>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        if !could_start(words[i].text) {
            i += 1;
            continue;
        }
        // A match may not run into a name.
        let free_until = (i..words.len()).find(|&j| taken[j]).unwrap_or(words.len());
        let window = &words[..free_until];
        let matched = date(window, i, anchor)
            .or_else(|| time(window, i))
            .or_else(|| money(window, i))
            .or_else(|| percent(window, i))
            .or_else(|| quantity(window, i))
            .or_else(|| ordinal(window, i))
            .or_else(|| cardinal(window, i));
        match matched {
            Some(f) => {
                i = f.end.max(i + 1);
                found.push(f);
            }
            None => i += 1,
        }
    }
    found
}

/// Words that can begin a temporal or numeric expression besides numbers, months and weekdays.
const STARTERS: &[&str] = &[
    "last",
    "past",
    "next",
    "coming",
    "this",
    "yesterday",
    "today",
    "tomorrow",
    "noon",
    "midnight",
    "tonight",
    "overnight",
];

/// A cheap test that rules out most words before the matchers run.
fn could_start(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    first.is_ascii_digit()
        || CURRENCY_SYMBOLS.contains(&word)
        || CURRENCY_PREFIXES.contains(&word)
        || first.is_uppercase() && dates::names_month_or_weekday(word)
        || is_in(STARTERS, word)
        || is_in(NUMBER_WORDS, word)
        || is_in(ORDINAL_WORDS, word)
}

fn text_at<'w>(words: &'w [Word<'_>], i: usize) -> &'w str {
    words.get(i).map_or("", |w| w.text)
}

fn date(words: &[Word<'_>], i: usize, anchor: Option<Ymd>) -> Option<Found> {
    let w = text_at(words, i);
    let lw = lower(&words[i]);
    let next = text_at(words, i + 1);
    let found = |end: usize, value: Option<String>| {
        Some(Found {
            first: i,
            end,
            label: "DATE",
            value,
        })
    };

    // last/next/this + weekday or period
    let which = match lw.as_str() {
        "last" | "past" => Some((Which::Last, -1)),
        "next" | "coming" => Some((Which::Next, 1)),
        "this" => Some((Which::This, 0)),
        _ => None,
    };
    if let Some((which, offset)) = which {
        if let Some(day) = dates::weekday_number(next) {
            return found(
                i + 2,
                anchor.map(|a| dates::resolve_weekday(a, day, which).iso()),
            );
        }
        let singular = PERIOD_WORDS
            .iter()
            .filter(|(p, _)| !p.ends_with('s'))
            .find(|(p, _)| p.eq_ignore_ascii_case(next));
        if let Some((_, unit)) = singular {
            return found(i + 2, anchor.map(|a| dates::relative(a, *unit, offset)));
        }
    }
    if let Some(day) = dates::weekday_number(w)
        && w.starts_with(|c: char| c.is_uppercase())
    {
        return found(
            i + 1,
            anchor.map(|a| dates::resolve_weekday(a, day, Which::Nearest).iso()),
        );
    }
    match lw.as_str() {
        "yesterday" => return found(i + 1, anchor.map(|a| dates::relative(a, Unit::Day, -1))),
        "today" => return found(i + 1, anchor.map(|a| dates::relative(a, Unit::Day, 0))),
        "tomorrow" => return found(i + 1, anchor.map(|a| dates::relative(a, Unit::Day, 1))),
        _ => {}
    }
    // "three years ago", "2 days ago"
    if is_number(w)
        && text_at(words, i + 2).eq_ignore_ascii_case("ago")
        && let Some((_, unit)) = PERIOD_WORDS
            .iter()
            .find(|(p, _)| p.eq_ignore_ascii_case(next))
    {
        let n = w.parse::<i64>().ok();
        let value = anchor.zip(n).map(|(a, n)| dates::relative(a, *unit, -n));
        return found(i + 3, value);
    }
    // ISO dates: 2024-04-09
    if let Some(ymd) = Ymd::parse(w).filter(|_| w.len() == 10) {
        return found(i + 1, Some(ymd.iso()));
    }
    // Month day(, year) / month year / month alone after a preposition
    if let Some(month) =
        dates::month_number(w).filter(|_| w.starts_with(|c: char| c.is_uppercase()))
    {
        if let Some(day) = day_number(next) {
            let (year, end) = match (text_at(words, i + 2), text_at(words, i + 3)) {
                (",", y) if is_year(y).is_some() => (is_year(y), i + 4),
                (y, _) if is_year(y).is_some() => (is_year(y), i + 3),
                _ => (None, i + 2),
            };
            let year = year.or_else(|| anchor.map(|a| dates::resolve_month(a, month)));
            let value = year
                .map(|year| Ymd { year, month, day })
                .filter(Ymd::is_valid)
                .map(|d| d.iso());
            return found(end, value);
        }
        if let Some(year) = is_year(next) {
            return found(i + 2, Some(format!("{year:04}-{month:02}")));
        }
        let previous = i
            .checked_sub(1)
            .map(|p| words[p].text.to_lowercase())
            .unwrap_or_default();
        let after_preposition = matches!(
            previous.as_str(),
            "in" | "since"
                | "until"
                | "by"
                | "from"
                | "to"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "during"
                | "before"
                | "after"
        );
        if after_preposition {
            let value = anchor.map(|a| format!("{:04}-{month:02}", dates::resolve_month(a, month)));
            return found(i + 1, value);
        }
    }
    // day Month (year): 9 April 2024
    if let Some(day) = day_number(w)
        && let Some(month) =
            dates::month_number(next).filter(|_| next.starts_with(|c: char| c.is_uppercase()))
    {
        let year_word = text_at(words, i + 2);
        let (year, end) = match is_year(year_word) {
            Some(y) => (Some(y), i + 3),
            None => (anchor.map(|a| dates::resolve_month(a, month)), i + 2),
        };
        let value = year
            .map(|year| Ymd { year, month, day })
            .filter(Ymd::is_valid)
            .map(|d| d.iso());
        return found(end, value);
    }
    // A year, not a price or an amount.
    if let Some(year) = is_year(w) {
        let previous = i.checked_sub(1).map_or("", |p| words[p].text);
        let unit_follows =
            is_in(UNITS, next) || is_in(CURRENCY_WORDS, next) || is_in(SCALES, next) || next == "%";
        if !CURRENCY_SYMBOLS.contains(&previous) && !unit_follows {
            return found(i + 1, Some(format!("{year:04}")));
        }
    }
    // Decades: the 1990s
    if w.len() == 5 && w.ends_with('s') && is_year(&w[..4]).is_some() {
        return found(i + 1, None);
    }
    None
}

fn time(words: &[Word<'_>], i: usize) -> Option<Found> {
    let w = text_at(words, i);
    let lw = lower(&words[i]);
    let next = text_at(words, i + 1).to_lowercase();
    let found = |end: usize| {
        Some(Found {
            first: i,
            end,
            label: "TIME",
            value: None,
        })
    };
    let meridiem = |s: &str| {
        matches!(
            s,
            "a.m." | "p.m." | "am" | "pm" | "gmt" | "bst" | "est" | "utc" | "et"
        )
    };
    let clock = w.contains(':')
        && w.split(':')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && w.len() <= 5;
    if clock {
        return found(if meridiem(&next) { i + 2 } else { i + 1 });
    }
    if is_digit_number(w) && w.len() <= 2 && meridiem(&next) && next != "gmt" {
        return found(i + 2);
    }
    let compact = lw.strip_suffix("am").or_else(|| lw.strip_suffix("pm"));
    if compact
        .is_some_and(|d| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return found(i + 1);
    }
    match lw.as_str() {
        "noon" | "midnight" | "tonight" | "overnight" => found(i + 1),
        "this" if matches!(next.as_str(), "morning" | "afternoon" | "evening") => found(i + 2),
        _ => None,
    }
}

/// The end of a number starting at `i`, with a following scale word ("1.2 billion").
fn number_end(words: &[Word<'_>], i: usize) -> Option<usize> {
    let w = text_at(words, i);
    if !is_number(w) {
        return None;
    }
    let mut end = i + 1;
    while end < words.len() && is_in(SCALES, words[end].text) {
        end += 1;
    }
    Some(end)
}

fn money(words: &[Word<'_>], i: usize) -> Option<Found> {
    let found = |end: usize| {
        Some(Found {
            first: i,
            end,
            label: "MONEY",
            value: None,
        })
    };
    let w = text_at(words, i);
    let mut j = i;
    if CURRENCY_PREFIXES.contains(&w) && CURRENCY_SYMBOLS.contains(&text_at(words, i + 1)) {
        j += 1;
    }
    if CURRENCY_SYMBOLS.contains(&text_at(words, j)) {
        if let Some(end) = number_end(words, j + 1) {
            return found(end);
        }
        return None;
    }
    let end = number_end(words, i)?;
    if end < words.len() && is_in(CURRENCY_WORDS, words[end].text) {
        return found(end + 1);
    }
    None
}

fn percent(words: &[Word<'_>], i: usize) -> Option<Found> {
    let end = number_end(words, i)?;
    let next = text_at(words, end).to_lowercase();
    let found = |end: usize| {
        Some(Found {
            first: i,
            end,
            label: "PERCENT",
            value: None,
        })
    };
    match next.as_str() {
        "%" | "percent" | "pct" => found(end + 1),
        "per" if text_at(words, end + 1).eq_ignore_ascii_case("cent") => found(end + 2),
        _ => None,
    }
}

fn quantity(words: &[Word<'_>], i: usize) -> Option<Found> {
    let end = number_end(words, i)?;
    let next = text_at(words, end);
    (end < words.len() && is_in(UNITS, next)).then_some(Found {
        first: i,
        end: end + 1,
        label: "QUANTITY",
        value: None,
    })
}

fn ordinal(words: &[Word<'_>], i: usize) -> Option<Found> {
    let w = text_at(words, i);
    let lw = w.to_lowercase();
    let numeric = lw.len() >= 3
        && ["st", "nd", "rd", "th"].iter().any(|s| lw.ends_with(s))
        && lw[..lw.len() - 2].bytes().all(|b| b.is_ascii_digit())
        && !lw[..lw.len() - 2].is_empty();
    (numeric || is_in(ORDINAL_WORDS, w)).then_some(Found {
        first: i,
        end: i + 1,
        label: "ORDINAL",
        value: None,
    })
}

fn cardinal(words: &[Word<'_>], i: usize) -> Option<Found> {
    let end = number_end(words, i)?;
    Some(Found {
        first: i,
        end,
        label: "CARDINAL",
        value: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::spaced_words as words;

    fn found(
        text: &'static str,
        anchor: Option<&str>,
    ) -> Vec<(String, &'static str, Option<String>)> {
        let ws = words(text);
        let taken = vec![false; ws.len()];
        find(&ws, &taken, anchor.and_then(Ymd::parse))
            .into_iter()
            .map(|f| {
                let span = ws[f.first..f.end]
                    .iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
                    .join(" ");
                (span, f.label, f.value)
            })
            .collect()
    }

    #[test]
    fn dates_in_news_sentences() {
        let got = found(
            "Zhao Leji will visit North Korea from Thursday to Saturday , the most senior visit since 2019 .",
            Some("2024-04-10"),
        );
        assert_eq!(
            got,
            [
                ("Thursday".into(), "DATE", Some("2024-04-11".into())),
                ("Saturday".into(), "DATE", Some("2024-04-13".into())),
                ("2019".into(), "DATE", Some("2019".into())),
            ]
        );
        let got = found(
            "Sales fell last year and on Sept. 30 , 2023 , and in March .",
            Some("2024-04-10"),
        );
        assert_eq!(got[0], ("last year".into(), "DATE", Some("2023".into())));
        assert_eq!(
            got[1],
            ("Sept. 30 , 2023".into(), "DATE", Some("2023-09-30".into()))
        );
        assert_eq!(got[2], ("March".into(), "DATE", Some("2024-03".into())));
    }

    #[test]
    fn relative_dates_without_an_anchor_have_no_value() {
        let got = found("The minister spoke on Tuesday and yesterday .", None);
        assert_eq!(
            got,
            [
                ("Tuesday".into(), "DATE", None),
                ("yesterday".into(), "DATE", None)
            ]
        );
        assert_eq!(found("It may rain .", None), []);
    }

    #[test]
    fn money_percentages_quantities_times_and_counts() {
        let got = found(
            "Profits jumped 76 % to $ 1.13bn , 600 million euros , 5 km away at 10:30 GMT , the third of two plants .",
            None,
        );
        let labels: Vec<(&str, &str)> = got.iter().map(|(s, l, _)| (s.as_str(), *l)).collect();
        assert_eq!(
            labels,
            [
                ("76 %", "PERCENT"),
                ("$ 1.13bn", "MONEY"),
                ("600 million euros", "MONEY"),
                ("5 km", "QUANTITY"),
                ("10:30 GMT", "TIME"),
                ("third", "ORDINAL"),
                ("two", "CARDINAL"),
            ]
        );
    }

    #[test]
    fn names_are_not_entered() {
        let ws = words("the 2024 Olympics");
        let taken = [false, true, true];
        assert_eq!(find(&ws, &taken, None), []);
    }
}
