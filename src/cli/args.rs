//! The command line's arguments: clap's types.

use super::{field, plans, units};
use crate::domain::period::Period;
use crate::i18n::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "chitieu", version, about = "Review and update the yearly targets of an action program")]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the full-screen view for viewing only: no figure can be entered or withdrawn
    #[arg(long)]
    pub read_only: bool,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// The store of actual figures (shared by pointing several users at one file)
    #[arg(long, global = true, env = "CHITIEU_STORE", value_name = "FILE")]
    pub store: Option<PathBuf>,
    /// A plan file in place of the installed plans (see `chitieu plan list`)
    #[arg(long, global = true, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// The installed plan of this year (default: the newest whose year has begun)
    #[arg(long, global = true, env = "CHITIEU_YEAR", value_name = "YEAR")]
    pub year: Option<i16>,
    /// Language of the interface (Vietnamese by default)
    #[arg(long, global = true, env = "CHITIEU_LANG", value_parser = lang_parser())]
    pub lang: Option<Lang>,
    /// Plain ASCII: no box drawing, no symbols
    #[arg(long, global = true)]
    pub ascii: bool,
    /// The terminal's background, for the full-screen view's colours: dark (default) or light
    #[arg(long, global = true, env = "CHITIEU_THEME", value_parser = ["dark", "light"])]
    pub theme: Option<String>,
    /// How long a save waits for a store another process has locked before giving up (exit 2)
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 30)]
    pub wait: u64,
    /// Work on this unit's own store (see `chitieu unit add`), kept beside the plan's store
    #[arg(long, global = true, env = "CHITIEU_UNIT", value_name = "ID")]
    pub unit: Option<String>,
}

/// `--lang vi|en`, the domain's [`Lang`] (which knows nothing of clap) parsed as clap would
/// parse a `ValueEnum`: the same names, the same possible values in the help.
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["vi", "en"])
        .map(|name| if name == "en" { Lang::En } else { Lang::Vi })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every target with its latest figure and status
    Report {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Show the figures of this period (default: each target's latest period with a figure)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        /// Write the report to FILE (required for xlsx)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    #[command(flatten)]
    Field(field::FieldCommand),
    /// Record a figure for a target (VALUE in the language's number style: 9.500 or 8,3 in Vietnamese)
    Set {
        /// The target's id, as the plan numbers it: 3, 7a, II.4
        id: String,
        /// The figure: 9.500 and 8,3 in Vietnamese (the default); 9,500 and 8.3 with --lang en
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// q1, h1, 9m or year; last-q1, last-h1, last-9m or last-year for the same period of
        /// the year before (default: the latest period that has begun by today)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        /// An estimate (ước thực hiện) rather than an official figure
        #[arg(long)]
        estimate: bool,
        /// A note kept with the figure, such as where it comes from
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Take a figure far from the previous period's without asking
        #[arg(long)]
        yes: bool,
    },
    /// Withdraw your own latest figure still standing (history keeps both)
    Undo,
    /// Every figure entered, newest first (for one target, or all)
    History {
        /// Only this target (a heading such as 10: its parts 10a–10c)
        id: Option<String>,
        /// Only figures for this period (q1, h1, 9m, year, last-q1 …)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        /// Only entries by this login name
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// Only entries made since this moment (2024-07-01, or RFC 3339)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
    },
    /// Validate the plan and the store: exit 0 sound, 1 problems found, 2 unreadable
    Check,
    /// Plans: a template to fill in, a plan from a spreadsheet
    #[command(subcommand)]
    Plan(plans::PlanCommand),
    /// Who has not reported: the targets due in a period without a figure, by lead agency
    Missing {
        /// q1, h1, 9m or year (default: the latest period that has begun by today)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        #[arg(long, value_enum, default_value_t = units::ListFormat::Table)]
        format: units::ListFormat,
        /// A reminder letter per agency, to send by e-mail or print, in place of the list
        #[arg(long)]
        reminders: bool,
        /// Write to FILE rather than the screen
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Units that keep their own figures for the plan (communes, wards, departments)
    #[command(subcommand)]
    Unit(units::UnitCommand),
    /// All units together: completeness and statuses of each for a period
    Units {
        /// q1, h1, 9m or year (default: the latest period that has begun by today)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        #[arg(long, value_enum, default_value_t = units::UnitsFormat::Table)]
        format: units::UnitsFormat,
        /// Write to this file instead of the terminal (needed for xlsx)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// Markdown, for documents
    Md,
    /// A spreadsheet (needs --out FILE)
    Xlsx,
}

pub fn parse_period(text: &str) -> Result<Period, String> {
    Period::from_key(text).ok_or_else(|| {
        "expected one of q1, h1, 9m, year, or last-q1, last-h1, last-9m, last-year for the year before"
            .to_owned()
    })
}
