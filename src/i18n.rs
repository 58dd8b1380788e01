//! Every user-visible string, Vietnamese and English side by side.
//!
//! Fixed strings are variants of [`Label`]; strings with values in them are functions taking the
//! language. Vietnamese is the default whatever `LANG` says: servers rarely set `vi_VN`.

use crate::domain::ledger::Kind;
use crate::domain::number::{self, NumberError};
use crate::domain::period::Period;
use crate::domain::plan::{Group, PlanError, PlanProblem};
use crate::domain::status::Status;
use crate::store::{Finding, StoreError, StoreProblem};
use std::path::Path;

pub mod field;
pub mod plans;
pub mod present;
pub mod units_view;

pub use crate::domain::lang::Lang;

/// Fixed strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    ColId,
    ColName,
    ColTarget,
    ColActual,
    ColPeriod,
    ColPeriodShort,
    ColPercent,
    ColStatus,
    ColGroup,
    ColUnit,
    PeriodLabel,
    LatestPeriod,
    NoFigure,
    NoFigureAscii,
    ColTime,
    ColKind,
    ColAuthor,
    ColNote,
    Withdrawal,
    NoEntries,
    NoHome,
    Sound,
    EntryId,
}

impl Label {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Label::ColId => ("Mã", "ID"),
            Label::ColName => ("Chỉ tiêu", "Target"),
            Label::ColTarget => ("Mục tiêu", "Goal"),
            Label::ColActual => ("Thực hiện", "Actual"),
            Label::ColPeriod => ("Kỳ", "Period"),
            Label::ColPeriodShort => ("Kỳ", "Per"),
            Label::ColPercent => ("% KH năm", "% plan"),
            Label::ColStatus => ("Tình trạng", "Status"),
            Label::ColGroup => ("Nhóm", "Group"),
            Label::ColUnit => ("Đơn vị", "Unit"),
            Label::PeriodLabel => ("Kỳ báo cáo", "Period"),
            Label::LatestPeriod => ("kỳ gần nhất có số liệu", "latest period with a figure"),
            Label::NoFigure => ("—", "—"),
            Label::NoFigureAscii => ("-", "-"),
            Label::ColTime => ("Thời điểm", "Time"),
            Label::ColKind => ("Loại", "Kind"),
            Label::ColAuthor => ("Người nhập", "Entered by"),
            Label::ColNote => ("Ghi chú", "Note"),
            Label::Withdrawal => ("Rút lại", "Withdrawn"),
            Label::NoEntries => ("Chưa có số liệu nào được nhập.", "No figures have been entered yet."),
            Label::NoHome => (
                "không tìm thấy thư mục dữ liệu của người dùng; hãy chỉ ra kho số liệu bằng --store TỆP",
                "no user data directory was found; name the store with --store FILE",
            ),
            Label::Sound => ("hợp lệ", "sound"),
            Label::EntryId => ("Mã mục", "Entry id"),
        };
        lang.pick(vi, en)
    }
}

pub fn group(lang: Lang, group: Group) -> &'static str {
    let (vi, en) = match group {
        Group::Economic => ("Kinh tế", "Economic"),
        Group::Social => ("Xã hội", "Social"),
        Group::Environment => ("Môi trường", "Environment"),
        Group::Party => ("Xây dựng Đảng", "Party building"),
    };
    lang.pick(vi, en)
}

pub fn period(lang: Lang, period: Period) -> &'static str {
    let (vi, en) = match period {
        Period::Q1 => ("Quý I", "Q1"),
        Period::H1 => ("6 tháng", "6 months"),
        Period::NineMonths => ("9 tháng", "9 months"),
        Period::Year => ("Cả năm", "Full year"),
        Period::LastQ1 => ("Cùng kỳ Quý I", "Last year's Q1"),
        Period::LastH1 => ("Cùng kỳ 6 tháng", "Last year's 6 months"),
        Period::LastNineMonths => ("Cùng kỳ 9 tháng", "Last year's 9 months"),
        Period::LastYear => ("Năm trước", "Last year"),
    };
    lang.pick(vi, en)
}

/// A period in two letters, for a table column: "6T" (6 tháng), "9M", "CN" (cả năm).
pub fn period_short(lang: Lang, period: Period) -> &'static str {
    let (vi, en) = match period {
        Period::Q1 => ("Q1", "Q1"),
        Period::H1 => ("6T", "H1"),
        Period::NineMonths => ("9T", "9M"),
        Period::Year => ("CN", "FY"),
        // Last year's (cùng kỳ năm trước): the same letters, marked.
        Period::LastQ1 => ("Q1'", "Q1'"),
        Period::LastH1 => ("6T'", "H1'"),
        Period::LastNineMonths => ("9T'", "9M'"),
        Period::LastYear => ("CN'", "FY'"),
    };
    lang.pick(vi, en)
}

/// The status in a word or two, for the view's narrow status column; reports and the
/// detail use [`status`] in full.
pub fn status_short(lang: Lang, status: Status) -> &'static str {
    match (status, lang) {
        (Status::OnTrack, Lang::Vi) => "Đúng tiến độ",
        (Status::AtRisk, Lang::Vi) => "Có nguy cơ",
        _ => self::status(lang, status),
    }
}

pub fn status(lang: Lang, status: Status) -> &'static str {
    let (vi, en) = match status {
        Status::Exceeded => ("Vượt", "Exceeded"),
        Status::Achieved => ("Đạt", "Achieved"),
        Status::NearlyAchieved => ("Xấp xỉ đạt", "Nearly achieved"),
        Status::NotAchieved => ("Không đạt", "Not achieved"),
        Status::OnTrack => ("Đúng/vượt tiến độ", "On track"),
        Status::AtRisk => ("Có nguy cơ không đạt", "At risk"),
        Status::Behind => ("Chậm tiến độ", "Behind"),
        Status::NotDue => ("Chưa đến kỳ", "Not due"),
        Status::NoData => ("Chưa có số liệu", "No data"),
    };
    lang.pick(vi, en)
}

/// The kind in a few letters, beside a figure in a table: `6.500 (ước)`.
pub fn kind_short(lang: Lang, kind: Kind) -> &'static str {
    let (vi, en) = match kind {
        Kind::Estimate => ("ước", "est."),
        Kind::Official => ("chính thức", "official"),
    };
    lang.pick(vi, en)
}

pub fn kind(lang: Lang, kind: Kind) -> &'static str {
    let (vi, en) = match kind {
        Kind::Estimate => ("Ước thực hiện", "Estimate"),
        Kind::Official => ("Chính thức", "Official"),
    };
    lang.pick(vi, en)
}

/// What is wrong with typed number text, and how to write it instead.
pub fn number_error(lang: Lang, error: &NumberError) -> String {
    let style = lang.number_style();
    let example = number::format(rust_decimal::Decimal::new(926_655, 2), style);
    match error {
        NumberError::Empty => lang.pick("chưa nhập số", "no number was entered").to_owned(),
        NumberError::UnexpectedChar { found } => match lang {
            Lang::Vi => format!(
                "ký tự {} không thuộc một con số; hãy viết như {example}",
                quoted(lang, &found.to_string(), false)
            ),
            Lang::En => format!(
                "{} is not part of a number; write it like {example}",
                quoted(lang, &found.to_string(), false)
            ),
        },
        NumberError::MisplacedSign => match lang {
            Lang::Vi => "dấu âm chỉ được đặt ở đầu số, ví dụ -1,2".to_owned(),
            Lang::En => "a minus sign goes only at the start, e.g. -1.2".to_owned(),
        },
        NumberError::UseDecimalSeparator { suggestion } => match lang {
            Lang::Vi => {
                format!("dùng dấu phẩy cho phần thập phân: {suggestion} (dấu chấm ngăn cách hàng nghìn)")
            }
            Lang::En => format!("use a point for decimals: {suggestion} (a comma separates thousands)"),
        },
        NumberError::BadGrouping => match lang {
            Lang::Vi => format!("dấu chấm ngăn cách hàng nghìn đặt sai chỗ; hãy viết như {example}"),
            Lang::En => format!("thousands separators are out of place; write it like {example}"),
        },
        NumberError::TwoDecimalSeparators => match lang {
            Lang::Vi => format!("có hai dấu thập phân; hãy viết như {example}"),
            Lang::En => format!("two decimal points; write it like {example}"),
        },
        NumberError::NoDigitsAfterSeparator => match lang {
            Lang::Vi => format!("thiếu chữ số sau dấu ngăn cách; hãy viết như {example}"),
            Lang::En => format!("a separator has no digits after it; write it like {example}"),
        },
        NumberError::TooLarge => lang
            .pick(
                "số quá lớn hoặc quá nhiều chữ số thập phân (tối đa 28 chữ số sau dấu phẩy)",
                "the number is too large or has too many decimals (at most 28 after the point)",
            )
            .to_owned(),
    }
}

/// A plan file that cannot be used: where, and what to do.
pub fn plan_error(lang: Lang, error: &PlanError) -> String {
    let place = match (lang, error.line) {
        (_, 0) => String::new(),
        (Lang::Vi, line) => format!("dòng {line}, cột {}: ", error.column),
        (Lang::En, line) => format!("line {line}, column {}: ", error.column),
    };
    let what = match (&error.problem, lang) {
        (PlanProblem::Syntax(detail), Lang::Vi) => {
            format!("lỗi cú pháp JSON — thiếu dấu phẩy, dấu ngoặc hoặc dấu nháy? (chi tiết: {detail})")
        }
        (PlanProblem::Syntax(detail), Lang::En) => {
            format!("JSON syntax error — a missing comma, bracket or quote? ({detail})")
        }
        (PlanProblem::Shape(detail), Lang::Vi) => {
            format!("nội dung không đúng định dạng kế hoạch (chi tiết: {detail})")
        }
        (PlanProblem::Shape(detail), Lang::En) => format!("not in the plan format ({detail})"),
        (PlanProblem::Truncated, Lang::Vi) => "tệp kết thúc giữa chừng (bị cắt cụt?)".to_owned(),
        (PlanProblem::Truncated, Lang::En) => "the file ends part-way through (truncated?)".to_owned(),
        (PlanProblem::UnsupportedFormat(v), Lang::Vi) => {
            format!(
                "định dạng kế hoạch phiên bản {v} chưa được hỗ trợ (phiên bản này đọc được phiên bản 1 và 2)"
            )
        }
        (PlanProblem::UnsupportedFormat(v), Lang::En) => {
            format!("plan format version {v} is not supported (this build reads versions 1 and 2)")
        }
        (PlanProblem::NoTargets, Lang::Vi) => "kế hoạch không có chỉ tiêu nào".to_owned(),
        (PlanProblem::NoTargets, Lang::En) => "the plan has no targets".to_owned(),
        (PlanProblem::BadId(id), Lang::Vi) => format!("mã chỉ tiêu “{id}” trống hoặc có khoảng trắng thừa"),
        (PlanProblem::BadId(id), Lang::En) => format!("target id “{id}” is empty or has extra spaces"),
        (PlanProblem::DuplicateId(id), Lang::Vi) => format!("mã chỉ tiêu “{id}” bị trùng"),
        (PlanProblem::DuplicateId(id), Lang::En) => format!("target id “{id}” is used twice"),
        (PlanProblem::UnknownParent { id, parent }, Lang::Vi) => {
            format!("chỉ tiêu {id} thuộc chỉ tiêu “{parent}”, nhưng không có chỉ tiêu đó")
        }
        (PlanProblem::UnknownParent { id, parent }, Lang::En) => {
            format!("target {id} is a part of “{parent}”, which the plan does not have")
        }
        (PlanProblem::MissingGoal(id), Lang::Vi) => {
            format!(
                "chỉ tiêu {id} không có mục tiêu (direction, measure, target) và cũng không có chỉ tiêu con"
            )
        }
        (PlanProblem::MissingGoal(id), Lang::En) => {
            format!("target {id} has no goal (direction, measure, target) and no parts")
        }
        (PlanProblem::MissingField { id, field }, Lang::Vi) => {
            format!("chỉ tiêu {id} thiếu trường \"{field}\"")
        }
        (PlanProblem::MissingField { id, field }, Lang::En) => {
            format!("target {id} lacks the field \"{field}\"")
        }
        (PlanProblem::RangeFieldsWithoutRange(id), Lang::Vi) => format!(
            "chỉ tiêu {id} có target_min/target_max nhưng direction không phải \"range\"; dùng \"target\""
        ),
        (PlanProblem::RangeFieldsWithoutRange(id), Lang::En) => {
            format!(
                "target {id} has target_min/target_max but its direction is not \"range\"; use \"target\""
            )
        }
        (PlanProblem::SingleTargetWithRange(id), Lang::Vi) => {
            format!("chỉ tiêu {id} là khoảng (\"range\"): dùng target_min và target_max thay cho target")
        }
        (PlanProblem::SingleTargetWithRange(id), Lang::En) => {
            format!("target {id} is a \"range\": give target_min and target_max instead of target")
        }
        (PlanProblem::MinNotBelowMax { id, min, max }, Lang::Vi) => {
            format!("chỉ tiêu {id}: target_min ({min}) phải nhỏ hơn target_max ({max})")
        }
        (PlanProblem::MinNotBelowMax { id, min, max }, Lang::En) => {
            format!("target {id}: target_min ({min}) must be below target_max ({max})")
        }
        (PlanProblem::PointsOutOfRange(v), Lang::Vi) => {
            format!("tolerance_points = {v} nằm ngoài khoảng 0–100 (điểm phần trăm)")
        }
        (PlanProblem::PointsOutOfRange(v), Lang::En) => {
            format!("tolerance_points = {v} is outside 0–100 (percentage points)")
        }
        (PlanProblem::ToleranceOutOfRange(v), Lang::Vi) => {
            format!("tolerance_percent = {v} nằm ngoài khoảng 0–100")
        }
        (PlanProblem::ToleranceOutOfRange(v), Lang::En) => {
            format!("tolerance_percent = {v} is outside 0–100")
        }
        (PlanProblem::SharpFactorTooSmall(v), Lang::Vi) => {
            format!("sharp_change_factor = {v} phải lớn hơn 1 (mặc định \"2\": gấp đôi hoặc giảm một nửa)")
        }
        (PlanProblem::SharpFactorTooSmall(v), Lang::En) => {
            format!("sharp_change_factor = {v} must be above 1 (default \"2\": double or half)")
        }
        (PlanProblem::NeedsFormat2(field), Lang::Vi) => {
            format!("trường \"{field}\" thuộc định dạng 2: ghi \"format\": 2 ở đầu tệp")
        }
        (PlanProblem::NeedsFormat2(field), Lang::En) => {
            format!("\"{field}\" belongs to format 2: write \"format\": 2 at the top of the file")
        }
        (PlanProblem::BadReportedIn(id), Lang::Vi) => {
            format!("chỉ tiêu {id}: reported_in chỉ gồm các kỳ q1, h1, 9m, year và phải có \"year\"")
        }
        (PlanProblem::BadReportedIn(id), Lang::En) => {
            format!("target {id}: reported_in takes only q1, h1, 9m, year, and must include \"year\"")
        }
        (PlanProblem::BadShares(id), Lang::Vi) => format!(
            "chỉ tiêu {id}: shares chỉ dùng cho chỉ tiêu cộng dồn (cumulative), tăng dần từ 0 đến 100"
        ),
        (PlanProblem::BadShares(id), Lang::En) => {
            format!("target {id}: shares are for a cumulative target only, rising from 0 to 100")
        }
        (PlanProblem::CumulativeChange(id), Lang::Vi) => {
            format!("chỉ tiêu {id}: chỉ tiêu thay đổi (change) phải có measure \"level\" hoặc \"year_end\"")
        }
        (PlanProblem::CumulativeChange(id), Lang::En) => {
            format!("target {id}: a change target needs measure \"level\" or \"year_end\"")
        }
        (PlanProblem::AboveWithoutRange(id), Lang::Vi) => {
            format!("chỉ tiêu {id}: \"above\" chỉ dùng khi direction là \"range\"")
        }
        (PlanProblem::AboveWithoutRange(id), Lang::En) => {
            format!("target {id}: \"above\" is for a direction of \"range\" only")
        }
        (PlanProblem::WrongTolerance { id, field }, Lang::Vi) => format!(
            "chỉ tiêu {id}: {field} không áp dụng; chỉ tiêu tính bằng % dùng tolerance_points (điểm %), các chỉ tiêu khác dùng tolerance_percent"
        ),
        (PlanProblem::WrongTolerance { id, field }, Lang::En) => format!(
            "target {id}: {field} does not apply; a target in % takes tolerance_points (percentage points), others tolerance_percent"
        ),
    };
    format!("{place}{what}")
}

/// A store that cannot be used: which file, where, why, and what to do.
/// `TZ` names something that is not a zone file: it is not read.
pub fn tz_refused(lang: Lang, tz: &str) -> String {
    let tz = crate::domain::text::clean(tz);
    match lang {
        Lang::Vi => format!(
            "TZ={tz} không phải là tệp múi giờ (tệp thường, tối đa 256 KB); giờ được hiện theo UTC. Hãy đặt TZ=Asia/Ho_Chi_Minh"
        ),
        Lang::En => format!(
            "TZ={tz} is not a time-zone file (a regular file of at most 256 KB); times are shown in UTC. Set e.g. TZ=Asia/Ho_Chi_Minh"
        ),
    }
}

/// Said at once when a save finds the store locked by another process.
pub fn store_locked_waiting(lang: Lang, lock: &std::path::Path, limit: u64) -> String {
    match lang {
        Lang::Vi => format!(
            "kho số liệu đang bị khoá ({}): có người khác đang lưu; đang chờ, tối đa {limit} giây (Ctrl-C để thôi)",
            lock.display()
        ),
        Lang::En => format!(
            "the store is locked ({}): someone else is saving; waiting up to {limit} s (Ctrl-C to give up)",
            lock.display()
        ),
    }
}

/// How to stop waiting for the store's lock in the full-screen view.
pub fn lock_give_up_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "— Esc để thôi chờ",
        Lang::En => "— Esc to stop waiting",
    }
}

/// The count shown while waiting for the store's lock.
pub fn store_locked_count(lang: Lang, lock: &std::path::Path, seconds: u64, limit: u64) -> String {
    match lang {
        Lang::Vi => format!("kho số liệu đang bị khoá ({}): đã chờ {seconds}/{limit} giây", lock.display()),
        Lang::En => format!("the store is locked ({}): waited {seconds}/{limit} s", lock.display()),
    }
}

pub fn store_error(lang: Lang, error: &StoreError) -> String {
    match error {
        StoreError::Io { path, source } => match lang {
            Lang::Vi => format!("lỗi đọc/ghi kho số liệu {}: {}", path.display(), os_error(lang, source)),
            Lang::En => format!("cannot read or write the store {}: {source}", path.display()),
        },
        StoreError::NotAFile { path } => match lang {
            Lang::Vi => format!(
                "kho số liệu {} không phải là một tệp thường (FIFO, thiết bị hay thư mục); hãy chỉ --store tới một tệp .json",
                path.display()
            ),
            Lang::En => format!(
                "the store {} is not a regular file (a FIFO, a device or a directory); point --store at a .json file",
                path.display()
            ),
        },
        StoreError::Locked { lock, waited } => match lang {
            Lang::Vi => format!(
                "kho số liệu đang bị khoá bởi tiến trình khác ({}); đã chờ {} giây, không ghi gì. Thử lại sau, hoặc tăng --wait",
                lock.display(),
                waited.as_secs()
            ),
            Lang::En => format!(
                "the store is locked by another process ({}); waited {} s, nothing written. Try again later, or raise --wait",
                lock.display(),
                waited.as_secs()
            ),
        },
        StoreError::DuplicateId { path, id } => match lang {
            Lang::Vi => format!(
                "kho số liệu {} có hai mục khác nhau cùng mã {id}; lưu lúc này sẽ làm mất một trong hai số liệu, \
                 nên không ghi gì. Hãy sửa tay tệp kho (đổi mã của một bản, hoặc xoá bản sai), rồi chạy chitieu check",
                path.display()
            ),
            Lang::En => format!(
                "the store {} holds two different entries under the id {id}; saving now would drop one of the figures, \
                 so nothing was written. Edit the store by hand (give one copy another id, or remove the wrong one), then run chitieu check",
                path.display()
            ),
        },
        StoreError::StickyDirectory { dir, owner } => match lang {
            Lang::Vi => format!(
                "không lưu được: thư mục {} có bit dính (sticky, chmod +t), nên chỉ chủ tệp kho ({owner}) hoặc chủ thư mục \
                 mới được thay tệp. Không có gì được ghi. Hãy nhờ quản trị chạy “chmod -t {}”, hoặc chuyển kho sang \
                 một thư mục chung không có bit dính (chmod 2775, cùng nhóm)",
                dir.display(),
                dir.display()
            ),
            Lang::En => format!(
                "cannot save: the directory {} has the sticky bit (chmod +t), so only the store's owner ({owner}) or the \
                 directory's owner may replace the file. Nothing was written. Ask an administrator to run \
                 \"chmod -t {}\", or move the store to a shared directory without it (chmod 2775, one group)",
                dir.display(),
                dir.display()
            ),
        },
        StoreError::Unreadable { path, line, column, problem, backup } => {
            let place = match (lang, *line) {
                (_, 0) => String::new(),
                (Lang::Vi, l) => format!(", dòng {l}, cột {column}"),
                (Lang::En, l) => format!(", line {l}, column {column}"),
            };
            let what = match (problem, lang) {
                (StoreProblem::Json(m), Lang::Vi) => format!("không phải JSON hợp lệ ({m})"),
                (StoreProblem::Json(m), Lang::En) => format!("not valid JSON ({m})"),
                (StoreProblem::Shape(m), Lang::Vi) => format!("nội dung không đúng dạng kho số liệu ({m})"),
                (StoreProblem::Shape(m), Lang::En) => format!("not shaped like a store ({m})"),
                (StoreProblem::Truncated, Lang::Vi) => "tệp kết thúc giữa chừng (bị cắt cụt?)".to_owned(),
                (StoreProblem::Truncated, Lang::En) => {
                    "the file ends part-way through (truncated?)".to_owned()
                }
                (StoreProblem::NewerVersion(v), Lang::Vi) => {
                    format!("kho được ghi bởi phiên bản mới hơn (lược đồ {v}); hãy cập nhật chitieu")
                }
                (StoreProblem::NewerVersion(v), Lang::En) => {
                    format!("written by a newer chitieu (schema {v}); update chitieu to read it")
                }
                (StoreProblem::UnknownVersion, Lang::Vi) => "thiếu hoặc sai trường \"version\"".to_owned(),
                (StoreProblem::UnknownVersion, Lang::En) => {
                    "the \"version\" field is missing or wrong".to_owned()
                }
                (StoreProblem::OtherPlan { id, year }, Lang::Vi) => {
                    format!(
                        "kho này dành cho kế hoạch khác ({id}, năm {year}); dùng --plan hoặc --store khác"
                    )
                }
                (StoreProblem::OtherPlan { id, year }, Lang::En) => {
                    format!(
                        "this store belongs to another plan ({id}, {year}); use another --plan or --store"
                    )
                }
                (StoreProblem::UnknownTarget { entry, target }, Lang::Vi) => {
                    format!("mục {entry} ghi cho chỉ tiêu “{target}” mà kế hoạch không có")
                }
                (StoreProblem::UnknownTarget { entry, target }, Lang::En) => {
                    format!("entry {entry} is for target “{target}”, which the plan does not have")
                }
            };
            let advice = match (backup, lang) {
                (Some(b), Lang::Vi) => format!(". Tệp được giữ nguyên; bản tốt gần nhất: {}", b.display()),
                (Some(b), Lang::En) => {
                    format!(". The file was left untouched; the previous good copy is {}", b.display())
                }
                (None, Lang::Vi) => format!(
                    ". Tệp được giữ nguyên; không có bản sao lưu {}: hãy sửa tệp, hoặc đổi tên nó để bắt đầu kho mới",
                    crate::store::sibling(path, "bak").display()
                ),
                (None, Lang::En) => format!(
                    ". The file was left untouched; there is no backup {}: repair the file, or rename it to start a new store",
                    crate::store::sibling(path, "bak").display()
                ),
            };
            match lang {
                Lang::Vi => format!("kho số liệu {}{place}: {what}{advice}", path.display()),
                Lang::En => format!("store {}{place}: {what}{advice}", path.display()),
            }
        }
    }
}

/// `set` was given a target id the plan does not have.
pub fn unknown_target(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("không có chỉ tiêu mã “{id}”; xem các mã bằng lệnh chitieu report"),
        Lang::En => format!("there is no target “{id}”; chitieu report lists the ids"),
    }
}

/// `set` was given a heading, whose figures are all in its parts.
pub fn heading_target(lang: Lang, id: &str, parts: &[&str]) -> String {
    let parts = parts.join(", ");
    match lang {
        Lang::Vi => format!("chỉ tiêu {id} không có số liệu riêng; hãy nhập cho từng phần: {parts}"),
        Lang::En => format!("target {id} has no figure of its own; enter its parts: {parts}"),
    }
}

/// `set` was given a value it would misread or cannot read.
pub fn bad_value(lang: Lang, typed: &str, error: &NumberError) -> String {
    let why = number_error(lang, error);
    match lang {
        Lang::Vi => format!("không đọc được giá trị “{typed}”: {why}. Chưa ghi gì vào kho số liệu"),
        Lang::En => format!("cannot read the value “{typed}”: {why}. Nothing was saved"),
    }
}

/// The confirmation `set` prints once the figure is on disk.
pub fn saved(lang: Lang, target: &str, period: Period, value: &str, kind: Kind, path: &Path) -> String {
    let period = self::period(lang, period);
    let kind = self::kind(lang, kind).to_lowercase();
    match lang {
        Lang::Vi => format!("Đã lưu chỉ tiêu {target}, {period}: {value} ({kind}) vào {}", path.display()),
        Lang::En => format!("Saved target {target}, {period}: {value} ({kind}) to {}", path.display()),
    }
}

/// How many entries a save brought in from other people.
pub fn from_others(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::Vi, 0) => "Không có số liệu mới từ người khác.".to_owned(),
        (Lang::Vi, n) => format!("Đã nhận thêm {n} mục số liệu do người khác nhập."),
        (Lang::En, 0) => "No new figures from others.".to_owned(),
        (Lang::En, 1) => "1 entry arrived from others.".to_owned(),
        (Lang::En, n) => format!("{n} entries arrived from others."),
    }
}

/// `check`: the plan is sound.
pub fn plan_sound(lang: Lang, id: &str, year: i16, targets: usize, hash: &str) -> String {
    match lang {
        Lang::Vi => format!("Kế hoạch {id} ({year}): {targets} chỉ tiêu, mã nội dung {hash}: hợp lệ"),
        Lang::En => format!("Plan {id} ({year}): {targets} targets, content hash {hash}: sound"),
    }
}

/// `check`: there is no store yet.
pub fn no_store(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Vi => format!("Kho số liệu {}: chưa có (sẽ được tạo khi lưu số liệu đầu tiên)", path.display()),
        Lang::En => format!("Store {}: none yet (it is created by the first save)", path.display()),
    }
}

/// `check`: the store's summary line.
pub fn store_summary(lang: Lang, path: &Path, entries: usize, problems: usize) -> String {
    match (lang, problems) {
        (Lang::Vi, 0) => format!("Kho số liệu {}: {entries} mục: hợp lệ", path.display()),
        (Lang::Vi, n) => format!("Kho số liệu {}: {entries} mục, {n} vấn đề:", path.display()),
        (Lang::En, 0) => format!("Store {}: {entries} entries: sound", path.display()),
        (Lang::En, n) => format!("Store {}: {entries} entries, {n} problem(s):", path.display()),
    }
}

/// `check`: the exit message when problems were found.
pub fn problems_found(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("phát hiện {count} vấn đề trong kho số liệu (xem ở trên)"),
        Lang::En => format!("{count} problem(s) found in the store (see above)"),
    }
}

/// One thing `check` found: what, where, and what to do.
pub fn finding(lang: Lang, finding: &Finding) -> String {
    let place = |line: usize, column: usize| match (lang, line) {
        (_, 0) => String::new(),
        (Lang::Vi, l) => format!(" (dòng {l}, cột {column})"),
        (Lang::En, l) => format!(" (line {l}, column {column})"),
    };
    match (finding, lang) {
        (Finding::PlanChanged { store_hash, plan_hash }, Lang::Vi) => format!(
            "kho được lập cho một bản khác của kế hoạch (mã nội dung {store_hash}, kế hoạch hiện tại {plan_hash}); \
             kiểm tra xem các chỉ tiêu có bị đổi không, hoặc dùng --plan đúng tệp kế hoạch"
        ),
        (Finding::PlanChanged { store_hash, plan_hash }, Lang::En) => format!(
            "the store was made for another version of the plan (content hash {store_hash}, this plan {plan_hash}); \
             check whether targets changed, or give the right --plan"
        ),
        (Finding::ConflictingDuplicate { id, line, column }, Lang::Vi) => format!(
            "mã mục {id} xuất hiện nhiều lần với nội dung khác nhau{}; chỉ một bản được dùng, hãy sửa tay",
            place(*line, *column)
        ),
        (Finding::ConflictingDuplicate { id, line, column }, Lang::En) => format!(
            "entry id {id} appears more than once with different content{}; only one is used, fix it by hand",
            place(*line, *column)
        ),
        (Finding::UnknownRetraction { entry, retracts }, Lang::Vi) => {
            format!(
                "mục {entry} rút lại mục {retracts}, nhưng kho không có mục đó; hãy nhập (import) kho gốc"
            )
        }
        (Finding::UnknownRetraction { entry, retracts }, Lang::En) => format!(
            "entry {entry} withdraws entry {retracts}, which the store does not hold; import the store it came from"
        ),
        (Finding::UncleanText { entry, line, column }, Lang::Vi) => format!(
            "mục {entry} có ký tự điều khiển trong ghi chú, tên hoặc mã{}; chúng bị bỏ đi khi hiển thị",
            place(*line, *column)
        ),
        (Finding::UncleanText { entry, line, column }, Lang::En) => format!(
            "entry {entry} has control characters in its note, name or ids{}; they are dropped when shown",
            place(*line, *column)
        ),
        (Finding::DatedAhead { entry, time }, Lang::Vi) => format!(
            "mục {entry} ghi thời điểm {}, sớm hơn đồng hồ máy này quá một ngày (đồng hồ máy nhập sai?); \
             nó không thắng nhờ ngày ghi: nhập số đúng để thay nó",
            present::time(lang, *time)
        ),
        (Finding::DatedAhead { entry, time }, Lang::En) => format!(
            "entry {entry} is dated {}, more than a day ahead of this machine's clock (a wrong clock where it was made?); \
             it does not win by its date: enter the right figure to replace it",
            present::time(lang, *time)
        ),
        (Finding::HardLinks { count }, Lang::Vi) => format!(
            "tệp kho có {count} tên (liên kết cứng); mỗi lần lưu ghi một tệp mới dưới tên này, các tên kia \
             giữ nội dung cũ: hãy dùng liên kết tượng trưng (ln -s) hoặc một đường dẫn duy nhất"
        ),
        (Finding::HardLinks { count }, Lang::En) => format!(
            "the store file has {count} names (hard links); a save writes a new file under this name and the \
             others keep the old content: use a symbolic link (ln -s) or a single path"
        ),
    }
}

/// Fixed strings of the full-screen view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewText {
    AllGroups,
    Store,
    User,
    ReadOnly,
    Filter,
    Detail,
    Goal,
    Notes,
    Parts,
    Figures,
    History,
    NoHistory,
    Retracted,
    EditTitle,
    Value,
    ReadAs,
    Kind,
    Note,
    TypeANumber,
    HelpTitle,
    HelpBrowse,
    HelpFilter,
    HelpEdit,
    HelpHelp,
    HelpUnits,
    HelpDetail,
    HelpConfirm,
    HelpConfirmRound,
    Enlarge,
    ReadOnlyRefused,
    NothingToUndo,
    UndoTitle,
    UndoQuestion,
    CloseTitle,
    ReopenTitle,
    DraftOffered,
    DraftAlreadySaved,
    NotInReadOnly,
    HeadingHasParts,
    NoRows,
    Cancelled,
    Current,
    Latest,
    SortedBy,
    Quote,
    DetailBack,
}

impl ViewText {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            ViewText::AllGroups => ("Tất cả", "All"),
            ViewText::Store => ("Kho", "Store"),
            ViewText::User => ("Người dùng", "User"),
            ViewText::ReadOnly => ("CHỈ XEM", "READ-ONLY"),
            ViewText::Filter => ("Lọc", "Filter"),
            ViewText::Detail => ("Chi tiết", "Detail"),
            ViewText::Goal => ("Mục tiêu", "Goal"),
            ViewText::Notes => ("Ghi chú", "Notes"),
            ViewText::Parts => ("Gồm", "Parts"),
            ViewText::Figures => ("Số liệu theo kỳ", "Figures by period"),
            ViewText::History => ("Lịch sử nhập", "History"),
            ViewText::NoHistory => ("chưa có mục nào", "no entries yet"),
            ViewText::Retracted => ("rút lại", "withdrawn"),
            ViewText::EditTitle => ("Nhập số liệu", "Enter a figure"),
            ViewText::Value => ("Giá trị", "Value"),
            ViewText::ReadAs => ("Đọc là", "Read as"),
            ViewText::Kind => ("Loại", "Kind"),
            ViewText::Note => ("Ghi chú", "Note"),
            ViewText::TypeANumber => {
                ("nhập số, ví dụ 9.266 hoặc 76,56", "type a number, e.g. 9,266 or 76.56")
            }
            ViewText::HelpTitle => ("Phím tắt", "Keys"),
            ViewText::HelpBrowse => ("Xem danh sách", "Browsing"),
            ViewText::HelpFilter => ("Gõ bộ lọc", "Typing a filter"),
            ViewText::HelpEdit => ("Nhập số liệu", "Entering a figure"),
            ViewText::HelpHelp => ("Trang này", "This page"),
            ViewText::HelpUnits => ("Các đơn vị (U)", "Units (U)"),
            ViewText::HelpDetail => ("Xem chi tiết (phím i)", "The detail (key i)"),
            ViewText::HelpConfirm => ("Xác nhận", "Confirming"),
            ViewText::HelpConfirmRound => ("Xác nhận chốt/mở lại kỳ", "Confirming a closing or reopening"),
            ViewText::Enlarge => ("Cửa sổ quá nhỏ: hãy phóng to", "The window is too small: enlarge it"),
            ViewText::ReadOnlyRefused => (
                "Đang mở chỉ để xem (--read-only): không sửa được",
                "Opened for viewing only (--read-only): nothing can be changed",
            ),
            ViewText::NothingToUndo => ("Bạn chưa có mục nào để rút lại", "You have no entry to withdraw"),
            ViewText::UndoTitle => ("Rút lại mục nhập", "Withdraw an entry"),
            ViewText::UndoQuestion => (
                "Rút lại số liệu này của dòng đang chọn? Số liệu trước đó (nếu có) lại có hiệu lực; mục vẫn còn trong lịch sử.",
                "Withdraw this figure of the selected row? The one before it (if any) stands again; it stays in the history.",
            ),
            ViewText::CloseTitle => ("Chốt số liệu", "Close a period"),
            ViewText::DraftOffered => (
                "Bản nháp chưa lưu lúc mất kết nối: Enter để lưu, Esc để bỏ",
                "Unsaved draft from a lost connection: Enter saves, Esc drops it",
            ),
            ViewText::DraftAlreadySaved => (
                "Bản nháp lúc mất kết nối đã được lưu vào kho trước đó: không lưu lại lần nữa",
                "The draft from a lost connection had reached the store already: not saved twice",
            ),
            ViewText::ReopenTitle => ("Mở lại kỳ", "Reopen a period"),
            ViewText::NotInReadOnly => ("(không dùng khi chỉ xem)", "(not when read-only)"),
            ViewText::HeadingHasParts => (
                "Chỉ tiêu này gồm các chỉ tiêu con: hãy chọn một chỉ tiêu con để nhập",
                "This target is made of parts: choose a part to enter a figure",
            ),
            ViewText::NoRows => ("Không có chỉ tiêu nào khớp bộ lọc", "No target matches the filter"),
            ViewText::Cancelled => ("Đã huỷ, chưa lưu gì", "Cancelled, nothing saved"),
            ViewText::Current => ("hiện tại", "current"),
            ViewText::Latest => ("mới nhất có số liệu", "latest with a figure"),
            ViewText::SortedBy => ("Xếp", "Sorted by"),
            ViewText::Quote => ("Nghị quyết ghi", "The resolution says"),
            ViewText::DetailBack => ("Esc: về bảng", "Esc: back to the table"),
        };
        lang.pick(vi, en)
    }
}

/// What a key does, for the help page and the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyHelp {
    Move,
    Page,
    Ends,
    Group,
    Edit,
    Filter,
    Clear,
    StatusFilter,
    Period,
    NextPlan,
    Undo,
    Round,
    Detail,
    Help,
    Missing,
    Quit,
    Redraw,
    Apply,
    Save,
    Cancel,
    Field,
    Change,
    Cursor,
    Erase,
    Yes,
    No,
    Close,
    Scroll,
    Sort,
    PeriodBack,
    ClearLine,
    Back,
    OtherTarget,
    Units,
    Agency,
    UnitsPane,
}

impl KeyHelp {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            KeyHelp::Move => ("chọn dòng", "select"),
            KeyHelp::Page => ("lên/xuống một trang", "page up/down"),
            KeyHelp::Ends => ("dòng đầu/cuối", "first/last row"),
            KeyHelp::Group => ("đổi nhóm", "group"),
            KeyHelp::Edit => ("nhập số", "edit"),
            KeyHelp::Filter => ("lọc", "filter"),
            KeyHelp::Clear => ("bỏ lọc", "clear filters"),
            KeyHelp::StatusFilter => ("lọc tình trạng", "by status"),
            KeyHelp::Period => ("đổi kỳ", "period"),
            KeyHelp::NextPlan => ("kế hoạch năm khác", "another year's plan"),
            KeyHelp::Undo => ("rút lại", "undo"),
            KeyHelp::Round => ("chốt/mở lại kỳ", "close/reopen period"),
            KeyHelp::Detail => ("phóng chi tiết", "zoom detail"),
            KeyHelp::Help => ("trợ giúp", "help"),
            KeyHelp::Missing => ("ai chưa có số liệu", "who has not reported"),
            KeyHelp::Quit => ("thoát", "quit"),
            KeyHelp::Redraw => ("vẽ lại màn hình", "redraw the screen"),
            KeyHelp::Apply => ("giữ bộ lọc", "keep the filter"),
            KeyHelp::Save => ("lưu", "save"),
            KeyHelp::Cancel => ("huỷ", "cancel"),
            KeyHelp::Field => ("chuyển ô", "next/previous field"),
            KeyHelp::Change => ("di chuyển, đổi kỳ/loại", "move, change period/kind"),
            KeyHelp::Cursor => ("di chuyển con trỏ", "move the cursor"),
            KeyHelp::Erase => ("xoá ký tự", "delete a character"),
            KeyHelp::Yes => ("đồng ý", "yes"),
            KeyHelp::No => ("thôi", "no"),
            KeyHelp::Close => ("đóng", "close"),
            KeyHelp::Scroll => ("cuộn", "scroll"),
            KeyHelp::Sort => {
                ("xếp theo tình trạng, % KH, cơ quan, mã", "sort: status, % of plan, agency, id")
            }
            KeyHelp::PeriodBack => ("kỳ trước", "previous period"),
            KeyHelp::ClearLine => ("xoá cả dòng", "erase the line"),
            KeyHelp::Back => ("về bảng", "back to the table"),
            KeyHelp::OtherTarget => ("chỉ tiêu trước/sau", "previous/next target"),
            KeyHelp::Units => ("các đơn vị", "units"),
            KeyHelp::Agency => ("lọc cơ quan chủ trì", "by lead agency"),
            KeyHelp::UnitsPane => ("tình trạng/tổng các đơn vị", "statuses/units' totals"),
        };
        lang.pick(vi, en)
    }
}

/// What the operating system said, in the user's language: "không có tệp hay thư mục này"
/// rather than "No such file or directory (os error 2)". English keeps the system's words.
pub fn os_error(lang: Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return error.to_string();
    }
    let words = match error.kind() {
        K::NotFound => "không có tệp hay thư mục này",
        K::PermissionDenied => "không có quyền",
        K::AlreadyExists => "đã có tệp này",
        K::IsADirectory => "đây là một thư mục",
        K::NotADirectory => "một phần của đường dẫn không phải thư mục",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        K::StorageFull => "ổ đĩa đã đầy",
        K::QuotaExceeded => "đã hết hạn mức dung lượng",
        K::DirectoryNotEmpty => "thư mục không trống",
        K::InvalidFilename => "tên tệp không hợp lệ",
        K::FileTooLarge => "tệp quá lớn",
        K::Interrupted => "bị ngắt giữa chừng",
        K::UnexpectedEof => "tệp bị cắt ngắn",
        K::InvalidData => "dữ liệu không hợp lệ",
        K::TimedOut => "quá thời gian chờ",
        K::WouldBlock | K::ResourceBusy => "đang bận",
        K::CrossesDevices => "không chuyển được sang ổ đĩa khác",
        _ => return format!("lỗi hệ thống: {error}"),
    };
    match error.raw_os_error() {
        Some(code) => format!("{words} (mã lỗi {code})"),
        None => words.to_owned(),
    }
}

/// Text the user typed or a file holds, quoted in a sentence: “ngan sach”; a lone space is
/// named, since quotes around a blank show nothing.
pub fn quoted(lang: Lang, text: &str, ascii: bool) -> String {
    match (text, ascii) {
        (" ", _) => lang.pick("dấu cách", "a space").to_owned(),
        (_, false) => format!("“{text}”"),
        (_, true) => format!("\"{text}\""),
    }
}

/// A colleague saved (`Some((author, value))`) or withdrew the figure behind the open form.
pub fn changed_behind_form(lang: Lang, saved: Option<(&str, &str)>) -> String {
    match (lang, saved) {
        (Lang::Vi, Some((who, value))) => {
            format!("{who} vừa nhập {value} cho kỳ này: xem lại số hiện tại trước khi lưu")
        }
        (Lang::En, Some((who, value))) => {
            format!("{who} has just entered {value} for this period: check the current figure before saving")
        }
        (Lang::Vi, None) => "Số hiện tại của kỳ này vừa được rút lại: xem lại trước khi lưu".to_owned(),
        (Lang::En, None) => {
            "The current figure of this period was just withdrawn: check before saving".to_owned()
        }
    }
}

/// `history 10`: a heading's figures are its parts'.
pub fn history_of_parts(lang: Lang, id: &str, parts: &[&str]) -> String {
    let parts = parts.join(", ");
    match lang {
        Lang::Vi => {
            format!("Chỉ tiêu {id} không có số liệu riêng; đây là số liệu của các chỉ tiêu con {parts}.")
        }
        Lang::En => {
            format!("Target {id} has no figure of its own; these are the figures of its parts {parts}.")
        }
    }
}

/// `u` on a target without a figure to withdraw (in `period`, or in any).
pub fn nothing_to_withdraw(lang: Lang, id: &str, period: Option<Period>) -> String {
    match (lang, period) {
        (Lang::Vi, Some(p)) => format!("Chỉ tiêu {id} chưa có số liệu {} để rút lại", period_lower(lang, p)),
        (Lang::Vi, None) => format!("Chỉ tiêu {id} chưa có số liệu nào để rút lại"),
        (Lang::En, Some(p)) => format!("Target {id} has no {} figure to withdraw", period_lower(lang, p)),
        (Lang::En, None) => format!("Target {id} has no figure to withdraw"),
    }
}

/// A period inside a sentence, before a noun: "quý I", "6 tháng"; "half-year", "full-year"
/// (not "the Full year period").
pub fn period_lower(lang: Lang, p: Period) -> &'static str {
    match (lang, p) {
        (Lang::Vi, Period::Q1) => "quý I",
        (Lang::Vi, Period::Year) => "cả năm",
        (Lang::En, Period::H1) => "half-year",
        (Lang::En, Period::NineMonths) => "nine-month",
        (Lang::En, Period::Year) => "full-year",
        _ => period(lang, p),
    }
}

/// The footer after a save: `Đã lưu: 3 · Cả năm · 9.500 tỷ đồng`.
pub fn saved_footer(lang: Lang, what: &str, from_others: usize) -> String {
    let mut text = format!("{}: {what}", lang.pick("Đã lưu", "Saved"));
    if from_others > 0 {
        text.push_str(&others_suffix(lang, from_others));
    }
    text
}

/// The footer after a withdrawal.
pub fn withdrawn(lang: Lang, what: &str) -> String {
    format!("{}: {what}", lang.pick("Đã rút lại", "Withdrawn"))
}

/// A save that failed; the form stays filled.
pub fn save_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Vi => format!("Chưa lưu được ({why}); sửa rồi nhấn Enter để thử lại"),
        Lang::En => format!("Not saved ({why}); press Enter to try again"),
    }
}

fn others_suffix(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!(" (và {count} mục mới từ người khác)"),
        Lang::En => format!(" (and {count} new entries from others)"),
    }
}

/// What the "enlarge" screen asks for.
pub fn enlarge(lang: Lang, width: u16, height: u16) -> String {
    match lang {
        Lang::Vi => format!("{} (cần ít nhất {width}x{height})", ViewText::Enlarge.get(lang)),
        Lang::En => format!("{} (at least {width}x{height} needed)", ViewText::Enlarge.get(lang)),
    }
}

/// A configuration file that cannot be used.
pub fn config_error(lang: Lang, path: &std::path::Path, line: usize, column: usize, what: &str) -> String {
    let shown = path.display();
    match (lang, line) {
        (Lang::Vi, 0) => format!("tệp cấu hình {shown}: {what}"),
        (Lang::En, 0) => format!("configuration file {shown}: {what}"),
        (Lang::Vi, _) => format!("tệp cấu hình {shown}, dòng {line}, cột {column}: {what}"),
        (Lang::En, _) => format!("configuration file {shown}, line {line}, column {column}: {what}"),
    }
}

/// The full-screen view needs a terminal.
pub fn needs_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "màn hình đầy đủ cần một terminal; để in bảng, dùng `chitieu report`",
        "the full-screen view needs a terminal; for a printed table use `chitieu report`",
    )
}

/// "đã có số liệu 2/15": of the targets due in a period, how many have a figure for it.
pub fn reported_short(lang: Lang, done: crate::domain::units::Completeness) -> String {
    match lang {
        Lang::Vi => format!("đã có số liệu {}/{}", done.reported, done.expected),
        Lang::En => format!("figures in {}/{}", done.reported, done.expected),
    }
}
