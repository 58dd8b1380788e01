//! What went wrong, worded from the error data: typed numbers, plan files, the store and what
//! `check` finds in it, change files, configuration, the operating system. Each says what,
//! where, and how to fix it.

use super::{Lang, present, quoted};
use crate::domain::exchange::{ExchangeError, ExchangeProblem};
use crate::domain::number::{self, NumberError};
use crate::domain::plan::{PlanError, PlanProblem};
use crate::store::{Finding, StoreError, StoreProblem};
use std::path::Path;

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

/// One thing `check` found: what, where, and what to do.
pub fn finding(lang: Lang, tz: &jiff::tz::TimeZone, finding: &Finding) -> String {
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
            present::time_in(lang, *time, tz)
        ),
        (Finding::DatedAhead { entry, time }, Lang::En) => format!(
            "entry {entry} is dated {}, more than a day ahead of this machine's clock (a wrong clock where it was made?); \
             it does not win by its date: enter the right figure to replace it",
            present::time_in(lang, *time, tz)
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

pub fn cannot_write(lang: Lang, path: &Path, error: &std::io::Error) -> String {
    match lang {
        Lang::Vi => format!(
            "không ghi được tệp {}: {}; không có gì bị thay đổi",
            path.display(),
            crate::i18n::os_error(lang, error)
        ),
        Lang::En => format!("cannot write {}: {error}; nothing was changed", path.display()),
    }
}

pub fn cannot_read(lang: Lang, path: &Path, error: &std::io::Error) -> String {
    match lang {
        Lang::Vi => format!("không đọc được tệp {}: {}", path.display(), crate::i18n::os_error(lang, error)),
        Lang::En => format!("cannot read {}: {error}", path.display()),
    }
}

pub fn xlsx_failed(lang: Lang, error: &dyn std::fmt::Display) -> String {
    match lang {
        Lang::Vi => format!("không tạo được bảng tính: {error}; không có tệp nào được ghi"),
        Lang::En => format!("cannot make the spreadsheet: {error}; no file was written"),
    }
}

/// A change file refused: which file, where, what, and that the store was not touched.
pub fn exchange_error(lang: Lang, path: &Path, error: &ExchangeError) -> String {
    let place = match (lang, error.line) {
        (_, 0) => String::new(),
        (Lang::Vi, l) => format!(", dòng {l}, cột {}", error.column),
        (Lang::En, l) => format!(", line {l}, column {}", error.column),
    };
    let what = match (&error.problem, lang) {
        (ExchangeProblem::Syntax(d), Lang::Vi) => format!("lỗi cú pháp JSON (chi tiết: {d})"),
        (ExchangeProblem::Syntax(d), Lang::En) => format!("JSON syntax error ({d})"),
        (ExchangeProblem::Shape(d), Lang::Vi) => {
            format!("nội dung không đúng định dạng tệp trao đổi, ví dụ một giá trị không phải số (chi tiết: {d})")
        }
        (ExchangeProblem::Shape(d), Lang::En) => format!("not in the change-file format, e.g. a value that is not a number ({d})"),
        (ExchangeProblem::Truncated, Lang::Vi) => {
            "tệp kết thúc giữa chừng (bị cắt cụt khi chép?); hãy xuất lại tệp từ máy nguồn".to_owned()
        }
        (ExchangeProblem::Truncated, Lang::En) => {
            "the file ends part-way through (cut short while copying?); export it again at the source".to_owned()
        }
        (ExchangeProblem::NotAChangeFile { looks_like_store: true }, Lang::Vi) => {
            "đây là một kho số liệu, không phải tệp trao đổi; trên máy kia hãy chạy chitieu export TỆP".to_owned()
        }
        (ExchangeProblem::NotAChangeFile { looks_like_store: true }, Lang::En) => {
            "this is a store, not a change file; on the other machine run chitieu export FILE".to_owned()
        }
        (ExchangeProblem::NotAChangeFile { looks_like_store: false }, Lang::Vi) => {
            "không phải tệp trao đổi của chitieu (thiếu \"format\": \"chitieu-changes\")".to_owned()
        }
        (ExchangeProblem::NotAChangeFile { looks_like_store: false }, Lang::En) => {
            "not a chitieu change file (no \"format\": \"chitieu-changes\")".to_owned()
        }
        (ExchangeProblem::NewerVersion(v), Lang::Vi) => {
            format!("tệp do phiên bản chitieu mới hơn ghi (phiên bản {v}); hãy cập nhật chitieu")
        }
        (ExchangeProblem::NewerVersion(v), Lang::En) => {
            format!("written by a newer chitieu (version {v}); update chitieu to read it")
        }
        (ExchangeProblem::UnknownVersion, Lang::Vi) => "thiếu hoặc sai trường \"version\"".to_owned(),
        (ExchangeProblem::UnknownVersion, Lang::En) => "the \"version\" field is missing or wrong".to_owned(),
        (ExchangeProblem::OtherPlan { id, year }, Lang::Vi) => format!(
            "tệp dành cho kế hoạch khác ({id}, năm {year}); hãy nhập vào kho của kế hoạch đó (--plan, --store)"
        ),
        (ExchangeProblem::OtherPlan { id, year }, Lang::En) => {
            format!("the file is for another plan ({id}, {year}); import it into that plan's store (--plan, --store)")
        }
        (ExchangeProblem::CountMismatch { declared, found }, Lang::Vi) => format!(
            "tệp ghi {declared} mục nhưng có {found} mục: bị cắt bớt hoặc bị sửa; hãy xuất lại tệp từ máy nguồn"
        ),
        (ExchangeProblem::CountMismatch { declared, found }, Lang::En) => format!(
            "the file says {declared} entries but holds {found}: cut short or edited; export it again at the source"
        ),
        (ExchangeProblem::ChecksumMismatch, Lang::Vi) => {
            "mã kiểm tra không khớp: nội dung đã bị sửa sau khi xuất; hãy xuất lại tệp từ máy nguồn".to_owned()
        }
        (ExchangeProblem::ChecksumMismatch, Lang::En) => {
            "the checksum does not match: the entries were changed after export; export it again at the source"
                .to_owned()
        }
        (ExchangeProblem::UnknownTarget { entry, target }, Lang::Vi) => {
            format!("mục {entry} ghi cho chỉ tiêu “{target}” mà kế hoạch không có")
        }
        (ExchangeProblem::UnknownTarget { entry, target }, Lang::En) => {
            format!("entry {entry} is for target “{target}”, which the plan does not have")
        }
        (ExchangeProblem::BadText { entry, field }, Lang::Vi) => {
            format!("mục “{entry}”: trường \"{field}\" trống hoặc chứa ký tự điều khiển")
        }
        (ExchangeProblem::BadText { entry, field }, Lang::En) => {
            format!("entry “{entry}”: the \"{field}\" field is empty or holds control characters")
        }
        (ExchangeProblem::DuplicateId { entry }, Lang::Vi) => {
            format!("hai mục khác nhau cùng mã {entry}: tệp đã bị sửa")
        }
        (ExchangeProblem::DuplicateId { entry }, Lang::En) => {
            format!("two different entries share the id {entry}: the file was edited")
        }
        (ExchangeProblem::IdClash { entry }, Lang::Vi) => {
            format!("kho đã có mục mã {entry} với nội dung khác: tệp đã bị sửa hoặc mã bị trùng")
        }
        (ExchangeProblem::IdClash { entry }, Lang::En) => {
            format!("the store has an entry {entry} with other content: the file was edited, or ids collide")
        }
    };
    match lang {
        Lang::Vi => {
            format!("tệp trao đổi {}{place}: {what}. Không nhập mục nào; kho giữ nguyên", path.display())
        }
        Lang::En => format!(
            "change file {}{place}: {what}. Nothing was imported; the store is unchanged",
            path.display()
        ),
    }
}
