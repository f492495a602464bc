//! Calendar arithmetic and the normalisation of date expressions to ISO 8601.
//!
//! Relative expressions ("on Wednesday", "last year", "yesterday") are resolved against the
//! document's own date (its input `date` field), never against today's date; without an anchor they
//! get no value.

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Ymd {
    /// Parses the start of an ISO 8601 date or date-time ("2024-04-09", "2024-04-09T10:00:00Z").
    pub fn parse(text: &str) -> Option<Ymd> {
        let date = text.get(..10)?;
        let mut parts = date.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let ymd = Ymd { year, month, day };
        (date.len() == 10 && ymd.is_valid()).then_some(ymd)
    }

    /// Whether the day exists.
    pub fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days(days: i64) -> Ymd {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Ymd { year, month, day }
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(&self, n: i64) -> Ymd {
        Ymd::from_days(self.days() + n)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// ISO 8601 week `YYYY-Www`.
    pub fn iso_week(&self) -> String {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Ymd {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        format!("{:04}-W{week:02}", thursday.year)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether a word names a month or a day of the week ("December", "Dec.", "Tuesday").
pub fn names_month_or_weekday(word: &str) -> bool {
    month_number(word).is_some() || weekday_number(word).is_some()
}

/// The month (1–12) a word names: full names, and abbreviations with or without a period.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    let short = match w.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    // Abbreviations only count with their period ("Mar." not the verb "mar").
    word.ends_with('.').then_some(short)
}

pub use byline_ner::lexicon::weekday_number;

/// How a weekday is qualified in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Bare or "on": the nearest such day to the anchor (ties go to the past, as news reports).
    Nearest,
    /// "last": the one before the anchor.
    Last,
    /// "next": the one after the anchor.
    Next,
    /// "this": the one in the anchor's week.
    This,
}

/// The date of a weekday relative to the anchor.
pub fn resolve_weekday(anchor: Ymd, weekday: u32, which: Which) -> Ymd {
    let today = anchor.weekday() as i64;
    let target = weekday as i64;
    let forward = (target - today).rem_euclid(7); // 0..=6 days ahead
    let back = (today - target).rem_euclid(7); // 0..=6 days back
    let offset = match which {
        Which::Nearest => {
            if back <= forward {
                -back
            } else {
                forward
            }
        }
        Which::Last => -(if back == 0 { 7 } else { back }),
        Which::Next => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        Which::This => target - today,
    };
    anchor.add_days(offset)
}

/// A period relative to the anchor: "last year" is `(Unit::Year, -1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A day ("yesterday").
    Day,
    /// An ISO week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// The ISO value of the period `offset` units from the anchor.
pub fn relative(anchor: Ymd, unit: Unit, offset: i64) -> String {
    match unit {
        Unit::Day => anchor.add_days(offset).iso(),
        Unit::Week => anchor.add_days(7 * offset).iso_week(),
        Unit::Month => {
            let index = i64::from(anchor.year) * 12 + i64::from(anchor.month) - 1 + offset;
            format!(
                "{:04}-{:02}",
                index.div_euclid(12),
                index.rem_euclid(12) + 1
            )
        }
        Unit::Year => format!("{:04}", i64::from(anchor.year) + offset),
    }
}

/// A month named without a year: the year that puts it nearest the anchor (within six months).
pub fn resolve_month(anchor: Ymd, month: u32) -> i32 {
    let diff = month as i32 - anchor.month as i32;
    if diff > 6 {
        anchor.year - 1
    } else if diff < -6 {
        anchor.year + 1
    } else {
        anchor.year
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Ymd {
        Ymd::parse(s).unwrap()
    }

    #[test]
    fn calendar_round_trips_and_weekdays() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2024-04-09",
            "1996-08-22",
            "2100-12-31",
        ] {
            assert_eq!(Ymd::from_days(d(s).days()).iso(), s);
        }
        assert_eq!(d("2024-04-09").weekday(), 1, "a Tuesday");
        assert_eq!(d("1996-08-22").weekday(), 3, "a Thursday");
        assert!(Ymd::parse("2023-02-29").is_none());
        assert_eq!(Ymd::parse("2024-04-09T08:00:00Z"), Some(d("2024-04-09")));
    }

    #[test]
    fn weekdays_resolve_against_the_document_date() {
        // The sample article's visit was announced on Tuesday 2024-04-09.
        let anchor = d("2024-04-10"); // a Wednesday
        let thursday = weekday_number("Thursday").unwrap();
        let tuesday = weekday_number("Tuesday").unwrap();
        assert_eq!(
            resolve_weekday(anchor, thursday, Which::Nearest).iso(),
            "2024-04-11"
        );
        assert_eq!(
            resolve_weekday(anchor, tuesday, Which::Nearest).iso(),
            "2024-04-09"
        );
        assert_eq!(
            resolve_weekday(anchor, 2, Which::Nearest).iso(),
            "2024-04-10"
        );
        assert_eq!(
            resolve_weekday(anchor, tuesday, Which::Last).iso(),
            "2024-04-09"
        );
        assert_eq!(resolve_weekday(anchor, 2, Which::Last).iso(), "2024-04-03");
        assert_eq!(resolve_weekday(anchor, 2, Which::Next).iso(), "2024-04-17");
        assert_eq!(resolve_weekday(anchor, 6, Which::This).iso(), "2024-04-14");
    }

    #[test]
    fn relative_periods() {
        let anchor = d("2024-01-15");
        assert_eq!(relative(anchor, Unit::Year, -1), "2023");
        assert_eq!(relative(anchor, Unit::Month, -1), "2023-12");
        assert_eq!(relative(anchor, Unit::Day, -1), "2024-01-14");
        assert_eq!(relative(anchor, Unit::Week, 0), "2024-W03");
        assert_eq!(d("2021-01-01").iso_week(), "2020-W53");
        assert_eq!(resolve_month(anchor, 12), 2023);
        assert_eq!(resolve_month(anchor, 3), 2024);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("April"), Some(4));
        assert_eq!(month_number("mar"), None);
        assert_eq!(weekday_number("wednesday"), Some(2));
    }
}
