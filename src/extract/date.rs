//! Calendar dates without a date library: parsing `--date`, weekdays and month arithmetic for
//! resolving relative dates.

use super::error::{Error, Result};

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`Error::Date`] when the text is not a valid date.
    pub fn parse(s: &str) -> Result<Self> {
        let bad = || Error::Date { value: s.to_owned() };
        let mut parts = s.trim().split('-');
        let year = parts.next().and_then(|p| p.parse::<i32>().ok()).ok_or_else(bad)?;
        let month = parts.next().and_then(|p| p.parse::<u32>().ok()).ok_or_else(bad)?;
        let day = parts.next().and_then(|p| p.parse::<u32>().ok()).ok_or_else(bad)?;
        if parts.next().is_some()
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(bad());
        }
        Ok(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// Day of week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.days() + n)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// `(year, month)` shifted by `delta` months.
pub fn shift_month(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let m0 = year * 12 + month as i32 - 1 + delta;
    (m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for s in ["1970-01-01", "2021-08-15", "2025-12-05", "2000-02-29"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days(d.days()), d);
            assert_eq!(d.iso(), s);
        }
    }

    #[test]
    fn knows_weekdays() {
        // 2025-12-05 was a Friday.
        assert_eq!(Date::parse("2025-12-05").unwrap().weekday(), 4);
    }

    #[test]
    fn rejects_bad_dates() {
        for s in ["2025-13-01", "2025-02-30", "x", "2025-1", ""] {
            assert!(Date::parse(s).is_err(), "{s}");
        }
    }
}
