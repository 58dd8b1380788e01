//! The reporting periods of a plan year: quarter I, six months, nine months, the year; and
//! the same periods of the year before (*cùng kỳ năm trước*).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The Vietnamese reporting cadence, and the same periods of the year before (*cùng kỳ năm
/// trước*), which are entered, exchanged, withdrawn and closed like any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Period {
    /// Quý I
    #[serde(rename = "q1")]
    Q1,
    /// 6 tháng
    #[serde(rename = "h1")]
    H1,
    /// 9 tháng
    #[serde(rename = "9m")]
    NineMonths,
    /// Cả năm
    #[serde(rename = "year")]
    Year,
    /// Cùng kỳ Quý I
    #[serde(rename = "last-q1")]
    LastQ1,
    /// Cùng kỳ 6 tháng
    #[serde(rename = "last-h1")]
    LastH1,
    /// Cùng kỳ 9 tháng
    #[serde(rename = "last-9m")]
    LastNineMonths,
    /// Năm trước: also the baseline of change targets.
    #[serde(rename = "last-year")]
    LastYear,
}

impl Period {
    /// Every period a figure can be entered for: this year's first, then last year's.
    pub const ALL: [Period; 8] = [
        Period::Q1,
        Period::H1,
        Period::NineMonths,
        Period::Year,
        Period::LastQ1,
        Period::LastH1,
        Period::LastNineMonths,
        Period::LastYear,
    ];

    /// The plan year's own reporting periods, the ones judged against the plan.
    pub const THIS_YEAR: [Period; 4] = [Period::Q1, Period::H1, Period::NineMonths, Period::Year];

    pub fn key(self) -> &'static str {
        match self {
            Period::Q1 => "q1",
            Period::H1 => "h1",
            Period::NineMonths => "9m",
            Period::Year => "year",
            Period::LastQ1 => "last-q1",
            Period::LastH1 => "last-h1",
            Period::LastNineMonths => "last-9m",
            Period::LastYear => "last-year",
        }
    }

    pub fn from_key(key: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.key().eq_ignore_ascii_case(key.trim()))
    }

    /// Whether this is a period of the year before the plan's.
    pub fn is_last_year(self) -> bool {
        !Period::THIS_YEAR.contains(&self)
    }

    /// The same period of the year before (*cùng kỳ*); `None` for a period of last year.
    pub fn same_period_last_year(self) -> Option<Period> {
        match self {
            Period::Q1 => Some(Period::LastQ1),
            Period::H1 => Some(Period::LastH1),
            Period::NineMonths => Some(Period::LastNineMonths),
            Period::Year => Some(Period::LastYear),
            _ => None,
        }
    }

    /// The position among this year's periods (last year's map to their own period).
    pub fn index_in_year(self) -> usize {
        match self {
            Period::Q1 | Period::LastQ1 => 0,
            Period::H1 | Period::LastH1 => 1,
            Period::NineMonths | Period::LastNineMonths => 2,
            Period::Year | Period::LastYear => 3,
        }
    }

    /// The default share of a cumulative target expected by the end of this period.
    pub fn share_of_year(self) -> Decimal {
        [Decimal::new(25, 2), Decimal::new(50, 2), Decimal::new(75, 2), Decimal::ONE][self.index_in_year()]
    }

    /// The latest reporting period that has begun by `today` for a plan of `plan_year`:
    /// January–March is q1, April–June h1, July–September 9m, October onwards the year; once
    /// the plan's year is over it is always `year`.
    pub fn current(plan_year: i16, today: jiff::civil::Date) -> Period {
        use std::cmp::Ordering;
        match today.year().cmp(&plan_year) {
            Ordering::Less => Period::Q1,
            Ordering::Greater => Period::Year,
            Ordering::Equal => match today.month() {
                1..=3 => Period::Q1,
                4..=6 => Period::H1,
                7..=9 => Period::NineMonths,
                _ => Period::Year,
            },
        }
    }

    /// The next of this year's periods, round to the first (the view's period key).
    pub fn next(self) -> Period {
        Period::THIS_YEAR[(self.index_in_year() + 1) % Period::THIS_YEAR.len()]
    }
}
