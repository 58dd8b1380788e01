//! Big plans and stores made up for benchmarks and load tests: a plan of any number of
//! targets, and any number of entries for it. Deterministic for a given seed, so figures
//! measured on them can be compared from run to run. Not part of the application.

use crate::ledger::{Entry, Kind, new_entry_id};
use crate::plan::Plan;
use crate::status::Period;
use rust_decimal::Decimal;

/// A plan file (format 1) with `targets` targets, `G1`…`Gn`, spread over the four groups and
/// the three directions; every tenth is a part of the one before it.
pub fn plan_json(targets: usize) -> String {
    let groups = ["economic", "social", "environment", "party"];
    let mut items = Vec::with_capacity(targets);
    for i in 1..=targets {
        let group = groups[i % groups.len()];
        let measure = if i % 3 == 0 { "cumulative" } else { "level" };
        let goal = match i % 5 {
            0 => format!(
                r#""direction": "range", "target_min": "{}", "target_max": "{}""#,
                i % 7 + 1,
                i % 7 + 3
            ),
            1 => format!(r#""direction": "at_most", "target": "{}.5""#, i % 90 + 5),
            _ => format!(r#""direction": "at_least", "target": "{}.25""#, i * 3 % 10_000 + 10),
        };
        let parent = if i % 10 == 0 { format!(r#""parent": "G{}", "#, i - 1) } else { String::new() };
        items.push(format!(
            r#"    {{ "id": "G{i}", {parent}"group": "{group}", "section": "I.{}",
      "name": {{ "vi": "Chỉ tiêu thử nghiệm số {i}", "en": "Generated target {i}" }},
      "unit": {{ "vi": "tỷ đồng", "en": "billion VND" }},
      "measure": "{measure}", {goal} }}"#,
            i % 40 + 1
        ));
    }
    format!(
        r#"{{
  "format": 1,
  "id": "generated-{targets}",
  "year": 2024,
  "title": {{ "vi": "Kế hoạch thử nghiệm {targets} chỉ tiêu", "en": "Generated plan of {targets} targets" }},
  "targets": [
{}
  ]
}}
"#,
        items.join(",\n")
    )
}

/// The plan of [`plan_json`], parsed.
pub fn plan(targets: usize) -> Plan {
    Plan::parse(&plan_json(targets)).expect("the generated plan is valid")
}

/// `count` entries for `plan`, as a dozen authors would enter them over the year: mostly
/// figures, about one in fifty a withdrawal of an earlier one. Ids are unique; the same
/// `seed` gives the same figures (ids and times differ between calls only by `seed`).
pub fn entries(plan: &Plan, count: usize, seed: u64) -> Vec<Entry> {
    let targets: Vec<&str> =
        plan.targets.iter().filter(|t| t.goal.is_some()).map(|t| t.id.as_str()).collect();
    let authors = ["lan", "minh", "hoa", "tuan", "thu", "nam", "mai", "hung", "linh", "duc", "ha", "son"];
    let start = jiff::Timestamp::from_second(1_704_067_200).expect("2024-01-01");
    let mut state = seed | 1;
    let mut next = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below.max(1)
    };
    let mut out: Vec<Entry> = Vec::with_capacity(count);
    for n in 0..count {
        let seconds = i64::try_from(n).unwrap_or(i64::MAX) * 300 + i64::try_from(next(300)).unwrap_or(0);
        let time = start.saturating_add(jiff::SignedDuration::from_secs(seconds)).unwrap_or(start);
        let author = authors[(next(authors.len() as u64)) as usize];
        let id = new_entry_id(time, &format!("gen{seed}/{author}/{n}"));
        if n % 50 == 49 && !out.is_empty() {
            let earlier = &out[next(out.len() as u64) as usize];
            if earlier.retracts.is_none() {
                out.push(earlier.retraction(id, author, time));
                continue;
            }
        }
        let target = targets[(next(targets.len() as u64)) as usize];
        let period = Period::ALL[(next(4)) as usize];
        out.push(Entry {
            id,
            target: target.to_owned(),
            period,
            value: Decimal::new(i64::try_from(next(10_000_000)).unwrap_or(0), 2),
            kind: if next(3) == 0 { Kind::Estimate } else { Kind::Official },
            note: if next(4) == 0 {
                format!("Báo cáo của Sở số {}", next(30))
            } else {
                String::new()
            },
            author: author.to_owned(),
            time,
            retracts: None,
            supersedes: None,
            action: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;

    #[test]
    fn generated_plans_and_entries_are_sound() {
        let plan = plan(200);
        assert_eq!(plan.targets.len(), 200);
        assert_eq!(plan.parts("G9").count(), 1);
        let entries = entries(&plan, 1_000, 7);
        let ledger = Ledger::new(entries.clone());
        assert_eq!(ledger.len(), 1_000, "ids are unique");
        assert!(entries.iter().all(|e| plan.target(&e.target).is_some()));
        assert!(entries.iter().any(|e| e.retracts.is_some()));
        let again = super::entries(&plan, 1_000, 7);
        let values = |es: &[Entry]| es.iter().map(|e| (e.target.clone(), e.value)).collect::<Vec<_>>();
        assert_eq!(values(&again), values(&entries), "the same seed gives the same figures");
    }
}
