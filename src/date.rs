//! Dates as governance papers write them: a year, a month of a year, or a
//! day.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar date, as precise as its source: a year ("2011"), a month
/// ("2011-06", "June 2011") or a day ("2011-06-16", "16 June 2011").
///
/// Dates order by year, then month, then day, and a less precise date comes
/// before every more precise one within it: a date stands for its first
/// day, so "2011-06" is 1 June 2011 and comes before "2011-06-16". That is
/// the rule [`Structure::as_at`](crate::Structure::as_at) compares with.
///
/// # Examples
///
/// ```
/// use govgraph::Date;
///
/// let month: Date = "June 2011".parse()?;
/// assert_eq!(month.to_string(), "2011-06");
/// assert_eq!(month, "2011-06".parse()?);
/// assert!(month < "2011-06-16".parse()?);
/// assert!("future".parse::<Date>().is_err());
/// # Ok::<(), govgraph::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl Date {
    /// A year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::Date::year(2011).to_string(), "2011");
    /// ```
    pub fn year(year: u16) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// A month of a year, if the month is 1 to 12.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Date;
    ///
    /// assert_eq!(Date::month(2011, 6).unwrap().to_string(), "2011-06");
    /// assert!(Date::month(2011, 13).is_none());
    /// ```
    pub fn month(year: u16, month: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(Date {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A day, if it exists in the calendar.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Date;
    ///
    /// assert_eq!(Date::day(2011, 3, 28).unwrap().to_string(), "2011-03-28");
    /// assert!(Date::day(2011, 2, 29).is_none());
    /// assert!(Date::day(2012, 2, 29).is_some());
    /// ```
    pub fn day(year: u16, month: u8, day: u8) -> Option<Date> {
        let date = Date::month(year, month)?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            day: Some(day),
            ..date
        })
    }

    /// The year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2011-06".parse::<govgraph::Date>()?.year_number(), 2011);
    /// # Ok::<(), govgraph::DateError>(())
    /// ```
    pub fn year_number(self) -> u16 {
        self.year
    }

    /// The month (1 to 12), if the date names one.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2011-06".parse::<govgraph::Date>()?.month_number(), Some(6));
    /// assert_eq!("2011".parse::<govgraph::Date>()?.month_number(), None);
    /// # Ok::<(), govgraph::DateError>(())
    /// ```
    pub fn month_number(self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if the date names one.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("16 June 2011".parse::<govgraph::Date>()?.day_number(), Some(16));
    /// # Ok::<(), govgraph::DateError>(())
    /// ```
    pub fn day_number(self) -> Option<u8> {
        self.day
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

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

/// A month's number from its English name or its first three letters.
fn month_from_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(word.as_str())))
        .and_then(|i| u8::try_from(i + 1).ok())
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// Text that is not a date.
///
/// # Examples
///
/// ```
/// let err = "future".parse::<govgraph::Date>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"not a date: "future" (write a year "2011", a month "2011-06" or "June 2011", or a day "2011-06-16" or "16 June 2011")"#,
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    text: String,
}

impl DateError {
    /// The text that is not a date.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("soon".parse::<govgraph::Date>().unwrap_err().text(), "soon");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a date: {:?} (write a year \"2011\", a month \"2011-06\" or \"June 2011\", \
             or a day \"2011-06-16\" or \"16 June 2011\")",
            self.text
        )
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        parse(s.trim()).ok_or_else(|| DateError {
            text: s.to_string(),
        })
    }
}

fn parse(s: &str) -> Option<Date> {
    let number = |w: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u16> {
        (digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let year = |w: &str| number(w, 4..=4);
    let small = |w: &str| number(w, 1..=2).and_then(|n| u8::try_from(n).ok());
    if s.contains('-') {
        let parts: Vec<&str> = s.split('-').collect();
        return match parts.as_slice() {
            [y, m] if m.len() == 2 => Date::month(year(y)?, small(m)?),
            [y, m, d] if m.len() == 2 && d.len() == 2 => Date::day(year(y)?, small(m)?, small(d)?),
            _ => None,
        };
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [y] => Some(Date::year(year(y)?)),
        [m, y] => Date::month(year(y)?, month_from_name(m)?),
        [d, m, y] => {
            let d = d.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            Date::day(year(y)?, month_from_name(m)?, small(d)?)
        }
        _ => None,
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_form_parses_to_its_iso_form() {
        for (text, iso) in [
            ("2011", "2011"),
            ("2011-06", "2011-06"),
            ("2011-06-16", "2011-06-16"),
            ("June 2011", "2011-06"),
            ("june 2011", "2011-06"),
            ("Jun 2011", "2011-06"),
            ("16 June 2011", "2011-06-16"),
            ("28th March 2011", "2011-03-28"),
            (" 2011-06 ", "2011-06"),
        ] {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), iso, "{text}");
        }
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for text in [
            "",
            "future",
            "2011-6",
            "2011-13",
            "2011-02-30",
            "11",
            "28.03.11",
            "June",
            "2011/06",
            "32 May 2011",
            "+2011",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text:?} parsed");
        }
    }

    #[test]
    fn a_date_stands_for_its_first_day() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert!(d("2011") < d("2011-01"));
        assert!(d("2011-01") < d("2011-01-01"));
        assert!(d("2011-12-31") < d("2012"));
        assert!(d("2011-06") < d("2011-06-16"));
    }
}
