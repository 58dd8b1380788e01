//! The reporting periods of a plan year: quarter I, six months, nine months, the year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The Vietnamese reporting cadence.
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
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Q1, Period::H1, Period::NineMonths, Period::Year];

    pub fn key(self) -> &'static str {
        match self {
            Period::Q1 => "q1",
            Period::H1 => "h1",
            Period::NineMonths => "9m",
            Period::Year => "year",
        }
    }

    pub fn from_key(key: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.key().eq_ignore_ascii_case(key.trim()))
    }

    /// The share of a cumulative target expected by the end of this period.
    pub fn share_of_year(self) -> Decimal {
        match self {
            Period::Q1 => Decimal::new(25, 2),
            Period::H1 => Decimal::new(50, 2),
            Period::NineMonths => Decimal::new(75, 2),
            Period::Year => Decimal::ONE,
        }
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

    pub fn next(self) -> Period {
        let i = Period::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Period::ALL[(i + 1) % Period::ALL.len()]
    }
}
