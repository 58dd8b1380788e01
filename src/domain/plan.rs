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

/// The newest plan format this build reads; format 1 files still load, with their meaning
/// of before format 2 (every target reported in every period, relative tolerance, a range
/// where above the upper bound is worse).
pub const FORMAT_VERSION: u32 = 2;

/// Tolerance when neither plan nor target sets one: 5 % of the expected value.
pub const DEFAULT_TOLERANCE_PERCENT: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

/// Format 2: tolerance for a target measured in percent when neither plan nor target sets
/// one: 0,5 percentage point.
pub const DEFAULT_TOLERANCE_POINTS: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

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
    /// A figure that exists at year end (a survey, a year-end review); an in-year figure is
    /// an estimate of the year's and is compared with the whole target.
    YearEnd,
}

impl Measure {
    pub fn key(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Cumulative => "cumulative",
            Measure::YearEnd => "year_end",
        }
    }
}

/// For a range: whether a figure above the upper bound is better (party admissions 3–4 %)
/// or worse (a CPI of 4–4,5 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Above {
    Better,
    Worse,
    /// Met inside the bounds, short outside either of them: format 1's meaning, and format
    /// 2's when a range does not say `above`.
    #[serde(skip)]
    EitherSideWorse,
}

/// Whether a change target asks for a fall or a rise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeWay {
    Reduction,
    Increase,
}

/// Whether a change is the difference in the figure's own unit (percentage points for a
/// rate) or a percentage of last year's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeIn {
    Points,
    Percent,
}

/// A target judged on its change from the `last-year` figure (indicator 8: the poverty rate
/// falls by 0,4 point): the goal is the change, the figure entered is the rate itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub way: ChangeWay,
    #[serde(rename = "in")]
    pub measured_in: ChangeIn,
}

/// How far short of the expectation a figure may be and still be nearly met / at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    /// In percentage points, for targets measured in percent.
    Points(Decimal),
    /// In percent of the expected value, for the others.
    Relative(Decimal),
}

/// How a target's figures are judged: when, against what share, with what tolerance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judging {
    /// Whether the target is reported in each period (`Period::THIS_YEAR` order).
    pub reported_in: [bool; 4],
    /// The share of a cumulative target expected by each period, as fractions.
    pub shares: [Decimal; 4],
    pub change: Option<Change>,
    /// For a range.
    pub above: Above,
    pub tolerance: Tolerance,
}

impl Judging {
    /// Every period, default shares, a range missed on either side, relative tolerance:
    /// format 1's meaning.
    pub fn format_1(tolerance_percent: Decimal) -> Judging {
        Judging {
            reported_in: [true; 4],
            shares: crate::domain::period::Period::THIS_YEAR
                .map(crate::domain::period::Period::share_of_year),
            change: None,
            above: Above::EitherSideWorse,
            tolerance: Tolerance::Relative(tolerance_percent),
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
    pub judging: Judging,
    /// One of the plan's key indicators (*chỉ tiêu chủ yếu*), counted in "đạt và vượt x/16".
    pub key_indicator: bool,
    /// The office in charge of it (cơ quan chủ trì), as the document names it.
    pub agency: Option<String>,
    /// The id of the same indicator in the previous year's plan, whose figures are this
    /// target's "same period last year".
    pub last_year_id: Option<String>,
}

impl Target {
    /// Whether the figure is a percentage (its unit starts with `%`): such targets are
    /// judged in percentage points.
    pub fn is_percentage(&self) -> bool {
        self.unit.vi.trim_start().starts_with('%')
    }
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
    /// The content hashes of earlier versions of this plan: a store made for one of them is
    /// this plan's store (its figures keep their targets).
    pub revises: Vec<String>,
    /// In a unit's view of the plan (its own target figures applied, see
    /// `domain::unit_targets`): the plan's own goals of the targets the unit overrides, so
    /// that the plan as the province has it can be had back. Empty in the plan itself.
    pub plan_goals: Vec<(String, Goal)>,
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

    /// The key indicators (*chỉ tiêu chủ yếu*) the tally counts: those the plan marks, or
    /// in a plan that marks none every target that is not a part.
    pub fn key_indicators(&self) -> impl Iterator<Item = &Target> + '_ {
        let marked = self.targets.iter().any(|t| t.key_indicator);
        self.targets.iter().filter(move |t| if marked { t.key_indicator } else { t.parent.is_none() })
    }

    /// Whether a store made for the plan with `hash` holds this plan's figures.
    pub fn accepts_store_of(&self, hash: &str) -> bool {
        self.content_hash == hash || self.revises.iter().any(|h| h == hash)
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

        if !(1..=FORMAT_VERSION).contains(&raw.format) {
            return Err(at_key("format", PlanProblem::UnsupportedFormat(raw.format)));
        }
        let format_2 = raw.format >= 2;
        if !format_2 && let Some(field) = format_2_field(&raw) {
            return Err(at_key(field, PlanProblem::NeedsFormat2(field)));
        }
        if raw.targets.is_empty() {
            return Err(at_key("targets", PlanProblem::NoTargets));
        }
        let plan_tolerance = raw.tolerance_percent.unwrap_or(DEFAULT_TOLERANCE_PERCENT);
        if !is_percentage(plan_tolerance) {
            return Err(at_key("tolerance_percent", PlanProblem::ToleranceOutOfRange(plan_tolerance)));
        }
        let plan_points = raw.tolerance_points.unwrap_or(DEFAULT_TOLERANCE_POINTS);
        if !is_percentage(plan_points) {
            return Err(at_key("tolerance_points", PlanProblem::PointsOutOfRange(plan_points)));
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
            let judging = if format_2 {
                match raw_judging(t, goal, plan_tolerance, plan_points) {
                    Ok(judging) => judging,
                    Err(problem) => return fail(problem),
                }
            } else {
                Judging::format_1(tolerance_percent)
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
                judging,
                key_indicator: t.key_indicator.unwrap_or(false),
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
            revises: raw.revises,
            plan_goals: Vec::new(),
        })
    }
}

fn is_percentage(value: Decimal) -> bool {
    (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&value)
}

fn nfc_text(text: &Text) -> Text {
    Text { vi: crate::domain::text::clean(&text.vi), en: crate::domain::text::clean(&text.en) }
}

/// The first field of format 2 in a plan that says it is format 1.
fn format_2_field(raw: &RawPlan) -> Option<&'static str> {
    if raw.tolerance_points.is_some() {
        return Some("tolerance_points");
    }
    if !raw.revises.is_empty() {
        return Some("revises");
    }
    raw.targets.iter().find_map(|t| {
        [
            (t.reported_in.is_some(), "reported_in"),
            (t.shares.is_some(), "shares"),
            (t.change.is_some(), "change"),
            (t.above.is_some(), "above"),
            (t.tolerance_points.is_some(), "tolerance_points"),
            (t.key_indicator.is_some(), "key_indicator"),
            (t.measure == Some(Measure::YearEnd), "year_end"),
        ]
        .into_iter()
        .find_map(|(present, field)| present.then_some(field))
    })
}

/// Format 2: when a target is reported, its cumulative shares, change, range and tolerance.
fn raw_judging(
    t: &RawTarget,
    goal: Option<(Goal, Measure)>,
    plan_percent: Decimal,
    plan_points: Decimal,
) -> Result<Judging, PlanProblem> {
    use crate::domain::period::Period;
    let id = || t.id.clone();
    let reported_in = match &t.reported_in {
        None => [true; 4],
        Some(periods) => {
            if periods.iter().any(|p| p.is_last_year()) || !periods.contains(&Period::Year) {
                return Err(PlanProblem::BadReportedIn(id()));
            }
            Period::THIS_YEAR.map(|p| periods.contains(&p))
        }
    };
    let measure = goal.map(|(_, m)| m);
    let mut shares = Period::THIS_YEAR.map(Period::share_of_year);
    if let Some(raw) = &t.shares {
        let given = [raw.q1, raw.h1, raw.nine_months, Decimal::ONE_HUNDRED];
        let rising = given.windows(2).all(|w| w[0] <= w[1]) && given[0] >= Decimal::ZERO;
        if measure != Some(Measure::Cumulative) || !rising {
            return Err(PlanProblem::BadShares(id()));
        }
        shares = given.map(|s| s / Decimal::ONE_HUNDRED);
    }
    if t.change.is_some() && measure == Some(Measure::Cumulative) {
        return Err(PlanProblem::CumulativeChange(id()));
    }
    let is_range = goal.is_some_and(|(g, _)| g.direction() == Direction::Range);
    let above = match (t.above, is_range) {
        (Some(above), true) => above,
        // A plan that does not say which side is better gets no "exceeded" on either side.
        (None, _) => Above::EitherSideWorse,
        (Some(_), false) => return Err(PlanProblem::AboveWithoutRange(id())),
    };
    // A rate, or a change in percent, is judged in percentage points; anything else relative.
    let in_points = t.unit.as_ref().is_some_and(|u| u.vi.trim_start().starts_with('%'))
        || t.change.is_some_and(|c| c.measured_in == ChangeIn::Percent);
    let tolerance = match (in_points, t.tolerance_points, t.tolerance_percent) {
        (true, _, Some(_)) => {
            return Err(PlanProblem::WrongTolerance { id: id(), field: "tolerance_percent" });
        }
        (false, Some(_), _) => {
            return Err(PlanProblem::WrongTolerance { id: id(), field: "tolerance_points" });
        }
        (true, points, None) => Tolerance::Points(points.unwrap_or(plan_points)),
        (false, None, percent) => Tolerance::Relative(percent.unwrap_or(plan_percent)),
    };
    if let Tolerance::Points(v) = tolerance
        && !is_percentage(v)
    {
        return Err(PlanProblem::PointsOutOfRange(v));
    }
    Ok(Judging { reported_in, shares, change: t.change, above, tolerance })
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
    /// `tolerance_points` outside 0–100.
    PointsOutOfRange(Decimal),
    /// `sharp_change_factor` must be above 1.
    SharpFactorTooSmall(Decimal),
    /// A field of format 2 in a plan that says `"format": 1`.
    NeedsFormat2(&'static str),
    /// `reported_in` names a last-year period or leaves out `year`.
    BadReportedIn(String),
    /// `shares` on a target that is not cumulative, or not rising within 0–100.
    BadShares(String),
    /// A change target must be `level` or `year_end`: a change of a count is not spread
    /// through the year.
    CumulativeChange(String),
    /// `above` on a target that is not a range.
    AboveWithoutRange(String),
    /// `tolerance_points` on a target not in percent, or `tolerance_percent` on one in percent.
    WrongTolerance {
        id: String,
        field: &'static str,
    },
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
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    tolerance_points: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    revises: Vec<String>,
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
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    tolerance_points: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported_in: Option<Vec<crate::domain::period::Period>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    shares: Option<RawShares>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    change: Option<Change>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    above: Option<Above>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key_indicator: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_year_id: Option<String>,
}

/// Per-target shares of a cumulative target, in percent of the year's (the year is 100).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShares {
    #[serde(with = "crate::domain::ledger::value_string")]
    q1: Decimal,
    #[serde(with = "crate::domain::ledger::value_string")]
    h1: Decimal,
    #[serde(rename = "9m", with = "crate::domain::ledger::value_string")]
    nine_months: Decimal,
}
