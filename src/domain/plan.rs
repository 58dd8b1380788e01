//! A year's plan: its targets, in four groups, with the figures of the source document.
//!
//! The plan format is documented in `docs/plan-format.md`. Loading is two steps: serde reads
//! the JSON (and reports syntax errors with line and column), then [`Plan::from_raw`] checks
//! what the types cannot say (unique ids, a goal that fits its direction, …) and, since the
//! JSON tree no longer knows where it came from, finds the offending target's line in the text.

use crate::domain::lang::Lang;
use crate::domain::number::decimal_string;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The plan shipped inside the binary: the province's 2024 action program.
pub const EMBEDDED_2024: &str = include_str!("../../assets/plan-2024.json");

/// The only plan format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Tolerance when neither plan nor target sets one: 5 % of the expected value.
pub const DEFAULT_TOLERANCE_PERCENT: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Economic,
    Social,
    Environment,
    Party,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Economic, Group::Social, Group::Environment, Group::Party];

    pub fn key(self) -> &'static str {
        match self {
            Group::Economic => "economic",
            Group::Social => "social",
            Group::Environment => "environment",
            Group::Party => "party",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtLeast,
    AtMost,
    Range,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
            Direction::Range => "range",
        }
    }
}

/// Whether a figure is a rate that holds at any time (`Level`) or a count that grows through
/// the year (`Cumulative`), which decides what is expected part-way through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Level,
    Cumulative,
}

impl Measure {
    pub fn key(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Cumulative => "cumulative",
        }
    }
}

/// What a target asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    AtLeast(Decimal),
    AtMost(Decimal),
    Range { min: Decimal, max: Decimal },
}

impl Goal {
    pub fn direction(self) -> Direction {
        match self {
            Goal::AtLeast(_) => Direction::AtLeast,
            Goal::AtMost(_) => Direction::AtMost,
            Goal::Range { .. } => Direction::Range,
        }
    }
}

/// Text in both languages. The English may be left out (a plan made from a spreadsheet
/// rarely has it); it then reads as the Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub vi: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.vi,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    /// For a part such as `7a`, the indicator it belongs to.
    pub parent: Option<String>,
    pub group: Group,
    /// Where the document states it: `I.2`, `II.5`, …
    pub section: String,
    pub name: Text,
    /// The document's sentence, word for word.
    pub quote: Option<String>,
    pub unit: Text,
    /// `None` for a heading such as indicator 10, whose figures are all in its parts.
    pub goal: Option<(Goal, Measure)>,
    pub notes: Vec<Text>,
    pub tolerance_percent: Decimal,
    /// The office in charge of it (cơ quan chủ trì), as the document names it.
    pub agency: Option<String>,
    /// The id of the same indicator in the previous year's plan, whose figures are this
    /// target's "same period last year".
    pub last_year_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: String,
    pub year: i16,
    pub title: Text,
    pub source: Option<Text>,
    pub targets: Vec<Target>,
    /// A hash of the plan's content, so a store can tell it was made for another plan.
    pub content_hash: String,
    /// How many times larger (or smaller) than the previous period's a new figure may be
    /// before it is questioned as a likely typo (see `sharp`); above 1, default 2.
    pub sharp_change_factor: Decimal,
}

impl Plan {
    /// The 2024 action program embedded in the binary.
    pub fn embedded() -> Plan {
        Plan::parse(EMBEDDED_2024).expect("the embedded plan is checked by the test suite")
    }

    /// Reads a plan from JSON text.
    pub fn parse(text: &str) -> Result<Plan, PlanError> {
        let raw: RawPlan = serde_json::from_str(text).map_err(PlanError::from_json)?;
        Plan::from_raw(raw, text)
    }

    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// Finds a target by the id a person typed: exact first, then ignoring case (`ii.4`).
    pub fn find(&self, typed: &str) -> Option<&Target> {
        let typed = typed.trim();
        self.target(typed).or_else(|| self.targets.iter().find(|t| t.id.eq_ignore_ascii_case(typed)))
    }

    /// The parts of a target (`10a`–`10c` for `10`), in plan order.
    pub fn parts<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Target> + 'a {
        self.targets.iter().filter(move |t| t.parent.as_deref() == Some(id))
    }

    fn from_raw(raw: RawPlan, text: &str) -> Result<Plan, PlanError> {
        let at_target = |id: &str, problem: PlanProblem| {
            let (line, column) = crate::domain::text::locate_json_id(text, id).unwrap_or((0, 0));
            PlanError { line, column, problem }
        };
        let at_key = |key: &str, problem: PlanProblem| {
            let (line, column) = crate::domain::text::locate_json_key(text, key).unwrap_or((1, 1));
            PlanError { line, column, problem }
        };

        if raw.format != FORMAT_VERSION {
            return Err(at_key("format", PlanProblem::UnsupportedFormat(raw.format)));
        }
        if raw.targets.is_empty() {
            return Err(at_key("targets", PlanProblem::NoTargets));
        }
        let plan_tolerance = raw.tolerance_percent.unwrap_or(DEFAULT_TOLERANCE_PERCENT);
        if !is_percentage(plan_tolerance) {
            return Err(at_key("tolerance_percent", PlanProblem::ToleranceOutOfRange(plan_tolerance)));
        }

        let sharp_change_factor = raw.sharp_change_factor.unwrap_or(crate::domain::sharp::DEFAULT_FACTOR);
        if sharp_change_factor <= Decimal::ONE {
            return Err(at_key("sharp_change_factor", PlanProblem::SharpFactorTooSmall(sharp_change_factor)));
        }

        let mut seen = HashSet::new();
        for t in &raw.targets {
            // An id is printed in reports and messages: no control or bidi characters.
            if t.id.trim().is_empty() || t.id.trim() != t.id || crate::domain::text::has_controls(&t.id) {
                return Err(at_target(&t.id, PlanProblem::BadId(t.id.clone())));
            }
            if !seen.insert(t.id.as_str()) {
                return Err(at_target(&t.id, PlanProblem::DuplicateId(t.id.clone())));
            }
        }
        let has_parts: HashSet<&str> = raw.targets.iter().filter_map(|t| t.parent.as_deref()).collect();

        let mut targets = Vec::with_capacity(raw.targets.len());
        for t in &raw.targets {
            let fail = |problem| Err(at_target(&t.id, problem));
            if let Some(parent) = &t.parent
                && (parent == &t.id || !seen.contains(parent.as_str()))
            {
                return fail(PlanProblem::UnknownParent { id: t.id.clone(), parent: parent.clone() });
            }
            let tolerance_percent = t.tolerance_percent.unwrap_or(plan_tolerance);
            if !is_percentage(tolerance_percent) {
                return fail(PlanProblem::ToleranceOutOfRange(tolerance_percent));
            }
            let goal = match raw_goal(t) {
                Ok(goal) => goal,
                Err(problem) => return fail(problem),
            };
            if goal.is_none() && !has_parts.contains(t.id.as_str()) {
                return fail(PlanProblem::MissingGoal(t.id.clone()));
            }
            targets.push(Target {
                id: t.id.clone(),
                parent: t.parent.clone(),
                group: t.group,
                section: t.section.clone().unwrap_or_default(),
                name: nfc_text(&t.name),
                quote: t.quote.as_deref().map(crate::domain::text::clean),
                unit: t
                    .unit
                    .as_ref()
                    .map(nfc_text)
                    .unwrap_or_else(|| Text { vi: String::new(), en: String::new() }),
                goal,
                notes: t.notes.iter().map(nfc_text).collect(),
                tolerance_percent,
                agency: t.agency.as_deref().map(crate::domain::text::clean),
                last_year_id: t.last_year_id.clone(),
            });
        }

        let content_hash = content_hash(&raw);
        Ok(Plan {
            id: raw.id,
            year: raw.year,
            title: nfc_text(&raw.title),
            source: raw.source.as_ref().map(nfc_text),
            targets,
            content_hash,
            sharp_change_factor,
        })
    }
}

fn is_percentage(value: Decimal) -> bool {
    (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&value)
}

fn nfc_text(text: &Text) -> Text {
    Text { vi: crate::domain::text::clean(&text.vi), en: crate::domain::text::clean(&text.en) }
}

/// Checks that the goal fields of a target fit its direction.
fn raw_goal(t: &RawTarget) -> Result<Option<(Goal, Measure)>, PlanProblem> {
    let id = || t.id.clone();
    let any_goal_field = t.direction.is_some()
        || t.measure.is_some()
        || t.target.is_some()
        || t.target_min.is_some()
        || t.target_max.is_some();
    if !any_goal_field {
        return Ok(None);
    }
    let direction = t.direction.ok_or_else(|| PlanProblem::MissingField { id: id(), field: "direction" })?;
    let measure = t.measure.ok_or_else(|| PlanProblem::MissingField { id: id(), field: "measure" })?;
    let goal = match direction {
        Direction::AtLeast | Direction::AtMost => {
            if t.target_min.is_some() || t.target_max.is_some() {
                return Err(PlanProblem::RangeFieldsWithoutRange(id()));
            }
            let value = t.target.ok_or_else(|| PlanProblem::MissingField { id: id(), field: "target" })?;
            if direction == Direction::AtLeast { Goal::AtLeast(value) } else { Goal::AtMost(value) }
        }
        Direction::Range => {
            if t.target.is_some() {
                return Err(PlanProblem::SingleTargetWithRange(id()));
            }
            let min =
                t.target_min.ok_or_else(|| PlanProblem::MissingField { id: id(), field: "target_min" })?;
            let max =
                t.target_max.ok_or_else(|| PlanProblem::MissingField { id: id(), field: "target_max" })?;
            if min >= max {
                return Err(PlanProblem::MinNotBelowMax { id: id(), min, max });
            }
            Goal::Range { min, max }
        }
    };
    Ok(Some((goal, measure)))
}

/// FNV-1a over the plan as serde sees it, so reformatting the file keeps the hash.
fn content_hash(raw: &RawPlan) -> String {
    fnv1a_json(raw)
}

/// FNV-1a (64 bits) of `value` in compact JSON, as 16 hex digits: a checksum against
/// accidents (a truncated copy, a hand edit), not against forgery. The JSON is hashed as it
/// is written, never held whole (a plan of 10,000 targets is 4 MB of it).
pub(crate) fn fnv1a_json(value: &impl serde::Serialize) -> String {
    struct Fnv1a(u64);
    impl std::io::Write for Fnv1a {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            for byte in bytes {
                self.0 ^= u64::from(*byte);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hash = Fnv1a(0xcbf2_9ce4_8422_2325);
    // Writing to a hash cannot fail, and these values always serialise.
    let _ = serde_json::to_writer(&mut hash, value);
    format!("{:016x}", hash.0)
}

/// A plan that could not be read: where, and what is wrong. The file name is added by the
/// caller, which knows it; messages are worded by `i18n::plan_error`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    /// 1-based; 0 when no line can be named.
    pub line: usize,
    pub column: usize,
    pub problem: PlanProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PlanProblem {
    /// Not JSON: a missing comma, bracket or quote; serde's own words.
    Syntax(String),
    /// JSON, but not of the plan's shape (an unknown group, a number where a string
    /// belongs, a missing field); serde's own words.
    Shape(String),
    /// The text stops before the JSON is complete.
    Truncated,
    UnsupportedFormat(u32),
    NoTargets,
    BadId(String),
    DuplicateId(String),
    UnknownParent {
        id: String,
        parent: String,
    },
    MissingGoal(String),
    MissingField {
        id: String,
        field: &'static str,
    },
    RangeFieldsWithoutRange(String),
    SingleTargetWithRange(String),
    MinNotBelowMax {
        id: String,
        min: Decimal,
        max: Decimal,
    },
    ToleranceOutOfRange(Decimal),
    /// `sharp_change_factor` must be above 1.
    SharpFactorTooSmall(Decimal),
}

impl PlanError {
    fn from_json(error: serde_json::Error) -> PlanError {
        let problem = if error.is_eof() {
            PlanProblem::Truncated
        } else {
            // serde_json appends " at line L column C"; we give those separately.
            let message = error.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
            if error.classify() == serde_json::error::Category::Syntax {
                PlanProblem::Syntax(message)
            } else {
                PlanProblem::Shape(message)
            }
        };
        PlanError { line: error.line(), column: error.column(), problem }
    }
}

/// Which plan a store was made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRef {
    pub id: String,
    pub year: i16,
    pub hash: String,
}

impl PlanRef {
    pub fn of(plan: &Plan) -> PlanRef {
        PlanRef { id: plan.id.clone(), year: plan.year, hash: plan.content_hash.clone() }
    }
}

// ---- the file format, as serde reads and writes it ----

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    format: u32,
    id: String,
    year: i16,
    title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<Text>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    tolerance_percent: Option<Decimal>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    sharp_change_factor: Option<Decimal>,
    targets: Vec<RawTarget>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    group: Group,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    section: Option<String>,
    name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    measure: Option<Measure>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    target: Option<Decimal>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    target_min: Option<Decimal>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    target_max: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<Text>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    tolerance_percent: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_year_id: Option<String>,
}
