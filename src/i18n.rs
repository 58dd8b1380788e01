//! Every user-visible string, Vietnamese and English side by side, grouped by subject.
//!
//! Fixed strings are variants of an enum ([`Label`], [`ViewText`], [`KeyHelp`],
//! [`ReportLabel`]); strings with values in them are functions taking the language. Vietnamese
//! is the default whatever `LANG` says: servers rarely set `vi_VN`. The subjects are re-exported
//! here, so a caller says `i18n::store_error`, not `i18n::errors::store_error`.

pub mod cli;
pub mod errors;
pub mod fall_for_rate;
pub mod field;
pub mod history;
pub mod labels;
pub mod marks;
pub mod plans;
pub mod present;
pub mod report;
pub mod units;
pub mod units_data;
pub mod units_view;
pub mod view;

pub use self::cli::*;
pub use self::errors::*;
pub use self::labels::*;
pub use self::present::quoted;
pub use self::report::*;
pub use self::view::*;
pub use crate::domain::lang::Lang;
