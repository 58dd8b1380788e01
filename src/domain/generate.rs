//! Big plans and stores made up for benchmarks and load tests: a plan of any number of
//! targets, and any number of entries for it. Deterministic for a given seed, so figures
//! measured on them can be compared from run to run. Not part of the application.

use crate::domain::ledger::{Entry, Kind, new_entry_id};
use crate::domain::period::Period;
use crate::domain::plan::Plan;
use rust_decimal::Decimal;

/// What a target measures, as the province's documents word it (Vietnamese, English).
const SUBJECTS: [(&str, &str); 16] = [
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "Share of poor households (multidimensional standard)"),
    ("Thu ngân sách nhà nước trên địa bàn", "State budget revenue in the province"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "Share of the population with health insurance"),
    ("Số xã đạt chuẩn nông thôn mới nâng cao", "Communes meeting the advanced new-countryside standard"),
    ("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "Trained workers with a degree or certificate"),
    ("Tổng vốn đầu tư phát triển toàn xã hội", "Total social development investment"),
    ("Tỷ lệ che phủ rừng", "Forest cover"),
    ("Số hợp tác xã thành lập mới", "New cooperatives founded"),
    (
        "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý",
        "Urban household solid waste collected and treated",
    ),
    ("Tỷ lệ trường học đạt chuẩn quốc gia", "Schools meeting the national standard"),
    ("Số đảng viên mới được kết nạp", "New Party members admitted"),
    (
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
        "Grassroots Party organisations rated good or better",
    ),
    ("Kim ngạch xuất khẩu hàng hoá", "Goods export turnover"),
    ("Tỷ lệ hộ dân nông thôn sử dụng nước sạch", "Rural households using clean water"),
    ("Số bác sĩ trên một vạn dân", "Doctors per ten thousand people"),
    ("Tỷ lệ thủ tục hành chính giải quyết đúng hạn", "Administrative procedures settled on time"),
];

/// Where or for whom, appended to the subject.
const SCOPES: [(&str, &str); 10] = [
    ("", ""),
    (" tại các huyện miền núi", " in the mountain districts"),
    (" ở khu vực nông thôn", " in rural areas"),
    (" của thành phố Thủ Dầu Một", " of Thu Dau Mot city"),
    (" thuộc các xã đặc biệt khó khăn", " in the communes facing special hardship"),
    (" trong khối doanh nghiệp nhà nước", " among state-owned enterprises"),
    (" đối với đồng bào dân tộc thiểu số", " among ethnic minority people"),
    (" tại huyện Đắk Glong", " in Dak Glong district"),
    (" trên địa bàn thị xã Quảng Trị", " in Quang Tri town"),
    (" của các đơn vị sự nghiệp công lập", " of public service units"),
];

/// When or by which rule, appended last (often nothing).
const TAILS: [(&str, &str); 6] = [
    ("", ""),
    (" năm 2024", " in 2024"),
    (" theo Nghị định 94/2022/NĐ-CP", " under Decree 94/2022"),
    ("", ""),
    (" so với cùng kỳ năm trước", " against the same period last year"),
    (" giai đoạn 2021–2025", " over 2021-2025"),
];

const UNITS: [(&str, &str); 6] = [
    ("%", "%"),
    ("tỷ đồng", "billion VND"),
    ("xã", "communes"),
    ("triệu USD", "million USD"),
    ("đảng viên", "members"),
    ("hợp tác xã", "cooperatives"),
];

/// The Vietnamese and English names of generated target `i`: 25 to 120 characters, with
/// diacritics, like the embedded plan's (which average 37 and reach 130). The number at the
/// end keeps every name distinct, so a filter can pick out one target.
pub fn name(i: usize) -> (String, String) {
    let (subject_vi, subject_en) = SUBJECTS[i % SUBJECTS.len()];
    let (scope_vi, scope_en) = SCOPES[i / SUBJECTS.len() % SCOPES.len()];
    let (tail_vi, tail_en) = TAILS[i / 7 % TAILS.len()];
    (
        format!("{subject_vi}{scope_vi}{tail_vi} (mục {i})"),
        format!("{subject_en}{scope_en}{tail_en} (item {i})"),
    )
}

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
        let (vi, en) = name(i);
        let (unit_vi, unit_en) = UNITS[i % UNITS.len()];
        let parent = if i % 10 == 0 { format!(r#""parent": "G{}", "#, i - 1) } else { String::new() };
        items.push(format!(
            r#"    {{ "id": "G{i}", {parent}"group": "{group}", "section": "I.{}",
      "name": {{ "vi": "{vi}", "en": "{en}" }},
      "unit": {{ "vi": "{unit_vi}", "en": "{unit_en}" }},
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
        let value = Decimal::new(i64::try_from(next(10_000_000)).unwrap_or(0), 2);
        let kind = if next(3) == 0 { Kind::Estimate } else { Kind::Official };
        let note =
            if next(4) == 0 { format!("Báo cáo của Sở số {}", next(30)) } else { String::new() };
        out.push(Entry::figure(id, target, period, value, kind, author, time).with_note(&note));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::Ledger;

    #[test]
    fn names_are_vietnamese_of_realistic_length() {
        let plan = plan(1_000);
        let lengths: Vec<usize> = plan.targets.iter().map(|t| t.name.vi.chars().count()).collect();
        assert!(lengths.iter().all(|n| (25..=130).contains(n)), "{lengths:?}");
        let mean = lengths.iter().sum::<usize>() / lengths.len();
        assert!((45..=90).contains(&mean), "mean {mean}");
        assert!(plan.targets.iter().all(|t| !t.name.vi.is_ascii() && t.name.en.is_ascii()));
        let names: std::collections::HashSet<&str> =
            plan.targets.iter().map(|t| t.name.vi.as_str()).collect();
        assert_eq!(names.len(), plan.targets.len(), "every name distinct");
    }

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
