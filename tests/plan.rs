//! The embedded 2024 plan against the source document, and plan files that must be refused.

mod common;

use chitieu::domain::number::{self, NumberStyle};
use chitieu::domain::plan::{Direction, Goal, Group, Measure, Plan, Tolerance};
use chitieu::i18n::Lang;
use rust_decimal::Decimal;

const SOURCE: &str = include_str!("fixtures/source-2024.txt");

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).expect("test decimal")
}

/// Every figure of the plan, copied by hand from the document (part I.2 and part II), with
/// its group, direction and measure. The JSON asset must agree with this table to the digit.
#[test]
fn every_figure_matches_the_document() {
    use Direction::*;
    use Group::*;
    use Measure::*;
    let expected: &[(&str, Group, Direction, Measure, &str)] = &[
        ("1", Economic, AtLeast, Level, "8.0"),
        ("2", Economic, AtLeast, Level, "76.56"),
        ("3", Economic, AtLeast, Cumulative, "9266"),
        ("4", Economic, AtLeast, Level, "24.09"),
        ("5", Economic, AtLeast, Level, "39.65"),
        ("6", Social, AtMost, Level, "41.8"),
        ("7", Social, AtLeast, Level, "77.2"),
        ("7a", Social, AtLeast, Level, "55.6"),
        ("8", Social, AtLeast, Level, "0.4"),
        ("9", Social, AtLeast, Level, "93.89"),
        ("10a", Social, AtLeast, Cumulative, "10"),
        ("10b", Social, AtLeast, Cumulative, "3"),
        ("10c", Social, AtLeast, Cumulative, "3"),
        ("11", Social, AtLeast, Cumulative, "7"),
        ("12", Environment, AtLeast, Level, "96.2"),
        ("13", Environment, AtLeast, Level, "96"),
        ("14", Party, AtLeast, Level, "90"),
        ("15", Party, Range, Cumulative, "3-4"),
        ("15a", Party, AtLeast, Cumulative, "1900"),
        ("16", Party, AtLeast, Level, "93.5"),
        ("II.4", Economic, AtLeast, Cumulative, "315"),
        ("II.5a", Economic, AtLeast, Cumulative, "4.2"),
        ("II.5b", Economic, AtLeast, Cumulative, "50000"),
        ("II.5c", Economic, AtLeast, Cumulative, "2000"),
        ("II.7a", Economic, AtLeast, Cumulative, "600"),
        ("II.7b", Economic, AtLeast, Level, "5588"),
        ("II.8", Social, AtLeast, Cumulative, "2000"),
        ("II.12", Party, AtLeast, Level, "100"),
    ];
    let plan = Plan::embedded();
    for (id, group, direction, measure, figure) in expected {
        let target = plan.target(id).unwrap_or_else(|| panic!("target {id} is missing"));
        assert_eq!(target.group, *group, "group of {id}");
        let (goal, m) = target.goal.unwrap_or_else(|| panic!("{id} has no goal"));
        assert_eq!(goal.direction(), *direction, "direction of {id}");
        assert_eq!(m, *measure, "measure of {id}");
        let want = match figure.split_once('-') {
            Some((min, max)) => Goal::Range { min: d(min), max: d(max) },
            None if *direction == AtMost => Goal::AtMost(d(figure)),
            None => Goal::AtLeast(d(figure)),
        };
        assert_eq!(goal, want, "figure of {id}");
        assert_eq!(goal_digits(goal), goal_digits(want), "digits of {id} (8,0 stays 8,0)");
    }
    // Indicator 10 is a heading over its three counts; nothing else is left over.
    assert!(plan.target("10").is_some_and(|t| t.goal.is_none()));
    assert_eq!(plan.parts("10").map(|t| t.id.as_str()).collect::<Vec<_>>(), ["10a", "10b", "10c"]);
    assert_eq!(plan.targets.len(), expected.len() + 1);
}

fn goal_digits(goal: Goal) -> String {
    match goal {
        Goal::AtLeast(v) | Goal::AtMost(v) => v.to_string(),
        Goal::Range { min, max } => format!("{min}-{max}"),
    }
}

#[test]
fn the_sixteen_indicators_are_numbered_as_in_the_document() {
    let plan = Plan::embedded();
    for n in 1..=16 {
        let target = plan.target(&n.to_string()).unwrap_or_else(|| panic!("indicator {n} missing"));
        assert_eq!(target.section, "I.2");
        let group = match n {
            1..=5 => Group::Economic,
            6..=11 => Group::Social,
            12..=13 => Group::Environment,
            _ => Group::Party,
        };
        assert_eq!(target.group, group, "group of {n}");
    }
}

/// Names and quotes are the document's own words, and each quote contains the figure as the
/// document writes it (Vietnamese style).
#[test]
fn wording_is_the_documents_own() {
    let plan = Plan::embedded();
    // The one qualifier the plan adds: 10a–10c count communes and districts recognised this
    // year ("có thêm"), so nobody enters the province's total.
    const NEWLY: &str = " (công nhận mới trong năm)";
    for target in &plan.targets {
        let name = target.name.vi.strip_suffix(NEWLY).unwrap_or(&target.name.vi);
        assert!(target.name.vi == name || target.parent.as_deref() == Some("10"), "{}", target.id);
        assert!(SOURCE.contains(name), "name of {} is not in the document: {}", target.id, target.name.vi);
        let quote = target.quote.as_deref().unwrap_or_else(|| panic!("{} has no quote", target.id));
        assert!(SOURCE.contains(quote), "quote of {} is not in the document: {quote}", target.id);
        let figures = match target.goal {
            Some((Goal::AtLeast(v) | Goal::AtMost(v), _)) => vec![v],
            Some((Goal::Range { min, max }, _)) => vec![min, max],
            None => vec![],
        };
        for figure in figures {
            let written = number::format(figure, NumberStyle::VIETNAMESE);
            assert!(quote.contains(&written), "{}: {written} is not in «{quote}»", target.id);
        }
        assert!(!target.name.en.is_empty() && !target.unit.en.is_empty() || target.goal.is_none());
    }
}

#[test]
fn equivalents_and_decrees_are_kept_as_notes() {
    let plan = Plan::embedded();
    let notes = |id: &str| -> Vec<String> {
        plan.target(id)
            .map(|t| t.notes.iter().map(|n| n.get(Lang::Vi).to_owned()).collect())
            .unwrap_or_default()
    };
    assert!(notes("2").iter().any(|n| n.contains("3.203 USD")));
    assert!(notes("5").iter().any(|n| n.contains("28,85%") && n.contains("94/2022/NĐ-CP")));
    assert!(notes("8").iter().any(|n| n.contains("07/2021/NĐ-CP")));
}

#[test]
fn a_district_plan_loads() {
    let text = std::fs::read_to_string("tests/fixtures/plans/district.json").expect("fixture");
    let plan = Plan::parse(&text).expect("district plan is valid");
    assert_eq!(plan.targets.len(), 2);
    // A format 1 plan: relative tolerance, as before format 2.
    assert_eq!(plan.targets[0].judging.tolerance, Tolerance::Relative(d("10")));
    assert_eq!(plan.targets[1].judging.tolerance, Tolerance::Relative(d("0")));
}

/// `chitieu report --plan FILE` on each broken fixture: exit status 2 and the exact message,
/// naming the file, line and column, in both languages.
#[test]
fn broken_plans_are_refused_with_file_line_and_column() {
    let cases = [
        ("tests/fixtures/broken.json", "broken"),
        ("tests/fixtures/plans/duplicate-id.json", "duplicate-id"),
        ("tests/fixtures/plans/float-target.json", "float-target"),
        ("tests/fixtures/plans/missing-target.json", "missing-target"),
        ("tests/fixtures/plans/range-reversed.json", "range-reversed"),
        ("tests/fixtures/plans/tolerance.json", "tolerance"),
        ("tests/fixtures/plans/truncated.json", "truncated"),
        ("tests/fixtures/plans/unknown-group.json", "unknown-group"),
    ];
    let store = std::env::temp_dir().join(format!("chitieu-plan-test-{}.json", std::process::id()));
    for (file, name) in cases {
        for lang in ["vi", "en"] {
            let output = common::chitieu()
                .args(["report", "--plan", file, "--lang", lang, "--store"])
                .arg(&store)
                .output()
                .expect("run chitieu");
            assert_eq!(output.status.code(), Some(2), "{file} ({lang})");
            assert!(output.stdout.is_empty(), "{file}: nothing on stdout");
            let golden =
                std::fs::read_to_string(format!("tests/golden/plan-{name}.{lang}.stderr")).expect("golden");
            assert_eq!(String::from_utf8_lossy(&output.stderr), golden, "{file} ({lang})");
        }
    }
    assert!(!store.exists(), "reading never creates a store");
}

/// The example of docs/plan-format.md is a plan this build reads, with the meaning the
/// document gives it.
#[test]
fn the_documented_example_loads() {
    let doc = std::fs::read_to_string("docs/plan-format.md").expect("doc");
    let start = doc.find("```json\n").expect("an example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("end of the example");
    let plan = Plan::parse(&doc[start..end]).expect("the documented example loads");
    let poverty = plan.target("2").expect("2");
    assert_eq!(poverty.judging.reported_in, [false, false, false, true]);
    assert_eq!(poverty.judging.tolerance, Tolerance::Points(d("0.1")));
    assert!(poverty.judging.change.is_some());
    let revenue = plan.target("1").expect("1");
    assert_eq!(revenue.judging.shares, [d("0.20"), d("0.45"), d("0.70"), Decimal::ONE]);
    assert_eq!(revenue.judging.tolerance, Tolerance::Relative(d("10")));
    assert_eq!(plan.key_indicators().count(), 2);
}

/// Format 2 fields in a file that says format 1 are refused, with the way out.
#[test]
fn format_2_fields_need_format_2() {
    let text = r#"{"format": 1, "id": "x", "year": 2024, "title": {"vi": "x", "en": "x"}, "targets": [
        {"id": "1", "group": "social", "name": {"vi": "a", "en": "a"}, "unit": {"vi": "%", "en": "%"},
         "reported_in": ["year"], "direction": "at_least", "measure": "level", "target": "1"}]}"#;
    let words = |text: &str| chitieu::i18n::plan_error(Lang::En, &Plan::parse(text).expect_err("refused"));
    let error = words(text);
    assert!(error.contains("\"reported_in\" belongs to format 2"), "{error}");
    let two = text.replace("\"format\": 1", "\"format\": 2");
    assert!(Plan::parse(&two).is_ok());
    let wrong = two.replace("\"target\": \"1\"", "\"target\": \"1\", \"tolerance_percent\": \"5\"");
    assert!(words(&wrong).contains("tolerance_points"));
    let no_year = two.replace("[\"year\"]", "[\"h1\"]");
    assert!(words(&no_year).contains("must include"));
    let wide = two.replace("\"target\": \"1\"", "\"target\": \"1\", \"tolerance_points\": \"101\"");
    assert!(words(&wide).contains("tolerance_points = 101 is outside 0–100"), "{}", words(&wide));
}

/// Every target of the 2024 plan names its lead agency (cơ quan chủ trì), the one
/// `chitieu missing` groups by; the choice is the README's table.
#[test]
fn every_target_of_2024_names_its_lead_agency() {
    let plan = Plan::embedded();
    let agency = |id: &str| plan.target(id).and_then(|t| t.agency.clone()).unwrap_or_default();
    for target in &plan.targets {
        assert!(
            target.agency.as_deref().is_some_and(|a| !a.trim().is_empty()),
            "{} has no agency",
            target.id
        );
    }
    assert_eq!(agency("1"), "Cục Thống kê tỉnh");
    assert_eq!(agency("3"), "Sở Tài chính");
    assert_eq!(agency("9"), "Bảo hiểm xã hội tỉnh");
    assert_eq!(agency("15a"), "Ban Tổ chức Tỉnh uỷ");
    let readme = include_str!("../README.md");
    for target in &plan.targets {
        let named = target.agency.as_deref().unwrap_or_default();
        assert!(readme.contains(&format!("| {named} |")), "the README's table lacks {named}");
    }
}
