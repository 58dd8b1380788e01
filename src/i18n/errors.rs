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
    let place =
        line_and_column(lang, error.line, error.column).map(|at| format!("{at}: ")).unwrap_or_default();
    let what = match (&error.problem, lang) {
        (PlanProblem::Syntax(detail), _) => json_syntax(lang, detail),
        (PlanProblem::Shape(detail), Lang::Vi) => {
            format!("nội dung không đúng định dạng kế hoạch (chi tiết: {detail})")
        }
        (PlanProblem::Shape(detail), Lang::En) => format!("not in the plan format ({detail})"),
        (PlanProblem::Truncated, _) => truncated(lang).to_owned(),
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
            let place = line_and_column(lang, *line, *column).map(|at| format!(", {at}")).unwrap_or_default();
            let what = match (problem, lang) {
                (StoreProblem::Json(m), _) => json_syntax(lang, m),
                (StoreProblem::Shape(m), Lang::Vi) => format!("nội dung không đúng dạng kho số liệu ({m})"),
                (StoreProblem::Shape(m), Lang::En) => format!("not shaped like a store ({m})"),
                (StoreProblem::Truncated, _) => truncated(lang).to_owned(),
                (StoreProblem::NewerVersion(v), _) => newer_version(lang, *v),
                (StoreProblem::UnknownVersion, _) => unknown_version(lang).to_owned(),
                (StoreProblem::OtherPlan { id, year }, Lang::Vi) => {
                    format!("kho này {}; dùng --plan hoặc --store khác", for_another_plan(lang, id, *year))
                }
                (StoreProblem::OtherPlan { id, year }, Lang::En) => {
                    format!(
                        "this store is {}; use another --plan or --store",
                        for_another_plan(lang, id, *year)
                    )
                }
                (StoreProblem::UnknownTarget { entry, target }, _) => {
                    entry_for_unknown_target(lang, entry, target)
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
    let place = |line: usize, column: usize| {
        line_and_column(lang, line, column).map(|at| format!(" ({at})")).unwrap_or_default()
    };
    match (finding, lang) {
        (Finding::FallForARate { entry, target, period, value, why }, _) => {
            let what = super::fall_for_rate::fall_for_a_rate(lang, target, *period, *value, *why);
            match lang {
                Lang::Vi => format!("{what} (mục {entry})"),
                Lang::En => format!("{what} (entry {entry})"),
            }
        }
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
            "{} (đồng hồ máy nhập sai?); nó không thắng nhờ ngày ghi: nhập số đúng để thay nó",
            dated_ahead_of_clock(lang, tz, entry, *time)
        ),
        (Finding::DatedAhead { entry, time }, Lang::En) => format!(
            "{} (a wrong clock where it was made?); it does not win by its date: enter the right figure to replace it",
            dated_ahead_of_clock(lang, tz, entry, *time)
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
    let place = line_and_column(lang, line, column).map(|at| format!(", {at}")).unwrap_or_default();
    match lang {
        Lang::Vi => format!("tệp cấu hình {shown}{place}: {what}"),
        Lang::En => format!("configuration file {shown}{place}: {what}"),
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

/// A file or folder that could not be read or written, where either may have failed.
pub fn cannot_read_or_write(lang: Lang, path: &Path, error: &std::io::Error) -> String {
    match lang {
        Lang::Vi => format!("không đọc/ghi được {}: {}", path.display(), os_error(lang, error)),
        Lang::En => format!("cannot read or write {}: {error}", path.display()),
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
    let place =
        line_and_column(lang, error.line, error.column).map(|at| format!(", {at}")).unwrap_or_default();
    let again = export_again(lang);
    let what = match (&error.problem, lang) {
        (ExchangeProblem::Syntax(d), _) => json_syntax(lang, d),
        (ExchangeProblem::Shape(d), Lang::Vi) => {
            format!(
                "nội dung không đúng định dạng tệp trao đổi, ví dụ một giá trị không phải số (chi tiết: {d})"
            )
        }
        (ExchangeProblem::Shape(d), Lang::En) => {
            format!("not in the change-file format, e.g. a value that is not a number ({d})")
        }
        (ExchangeProblem::Truncated, _) => format!("{}; {again}", truncated(lang)),
        (ExchangeProblem::NotAChangeFile { looks_like_store: true }, Lang::Vi) => {
            "đây là một kho số liệu, không phải tệp trao đổi; trên máy kia hãy chạy chitieu export TỆP"
                .to_owned()
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
        (ExchangeProblem::NewerVersion(v), _) => newer_version(lang, *v),
        (ExchangeProblem::UnknownVersion, _) => unknown_version(lang).to_owned(),
        (ExchangeProblem::OtherPlan { id, year }, Lang::Vi) => format!(
            "tệp {}; hãy nhập vào kho của kế hoạch đó (--plan, --store)",
            for_another_plan(lang, id, *year)
        ),
        (ExchangeProblem::OtherPlan { id, year }, Lang::En) => format!(
            "the file is {}; import it into that plan's store (--plan, --store)",
            for_another_plan(lang, id, *year)
        ),
        (ExchangeProblem::CountMismatch { declared, found }, Lang::Vi) => {
            format!("tệp ghi {declared} mục nhưng có {found} mục: bị cắt bớt hoặc bị sửa; {again}")
        }
        (ExchangeProblem::CountMismatch { declared, found }, Lang::En) => {
            format!("the file says {declared} entries but holds {found}: cut short or edited; {again}")
        }
        (ExchangeProblem::ChecksumMismatch, Lang::Vi) => {
            format!("mã kiểm tra không khớp: nội dung đã bị sửa sau khi xuất; {again}")
        }
        (ExchangeProblem::ChecksumMismatch, Lang::En) => {
            format!("the checksum does not match: the entries were changed after export; {again}")
        }
        (ExchangeProblem::UnknownTarget { entry, target }, _) => {
            entry_for_unknown_target(lang, entry, target)
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

// Sentences several errors share: a plan file, the store and a change file are all JSON files
// of chitieu, and wrong in the same ways.

/// "dòng 3, cột 7": where in a file a problem is; none for a problem of the whole file (line 0).
fn line_and_column(lang: Lang, line: usize, column: usize) -> Option<String> {
    match (lang, line) {
        (_, 0) => None,
        (Lang::Vi, line) => Some(format!("dòng {line}, cột {column}")),
        (Lang::En, line) => Some(format!("line {line}, column {column}")),
    }
}

/// Text that is not JSON, with what is most often missing in a file edited by hand.
fn json_syntax(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("lỗi cú pháp JSON — thiếu dấu phẩy, dấu ngoặc hoặc dấu nháy? (chi tiết: {detail})")
        }
        Lang::En => format!("JSON syntax error — a missing comma, bracket or quote? ({detail})"),
    }
}

fn truncated(lang: Lang) -> &'static str {
    lang.pick("tệp kết thúc giữa chừng (bị cắt cụt?)", "the file ends part-way through (truncated?)")
}

/// A file whose `"version"` is above what this build reads.
fn newer_version(lang: Lang, version: u64) -> String {
    match lang {
        Lang::Vi => {
            format!("được ghi bởi phiên bản mới hơn của chitieu (phiên bản {version}); hãy cập nhật chitieu")
        }
        Lang::En => format!("written by a newer chitieu (version {version}); update chitieu to read it"),
    }
}

fn unknown_version(lang: Lang) -> &'static str {
    lang.pick("thiếu hoặc sai trường \"version\"", "the \"version\" field is missing or wrong")
}

/// "dành cho kế hoạch khác (huyen-x-2024, năm 2024)", after "the store is" or "the file is".
fn for_another_plan(lang: Lang, id: &str, year: i16) -> String {
    match lang {
        Lang::Vi => format!("dành cho kế hoạch khác ({id}, năm {year})"),
        Lang::En => format!("for another plan ({id}, {year})"),
    }
}

fn entry_for_unknown_target(lang: Lang, entry: &str, target: &str) -> String {
    match lang {
        Lang::Vi => format!("mục {entry} ghi cho chỉ tiêu “{target}” mà kế hoạch không có"),
        Lang::En => format!("entry {entry} is for target “{target}”, which the plan does not have"),
    }
}

/// What fixes a change file that was cut short or changed on its way.
fn export_again(lang: Lang) -> &'static str {
    lang.pick("hãy xuất lại tệp từ máy nguồn", "export it again at the source")
}

/// "there is no target “5”", as `set` and a plan sheet's parent column say it.
pub fn no_such_target(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("không có chỉ tiêu mã “{id}”"),
        Lang::En => format!("there is no target “{id}”"),
    }
}

/// Number text that cannot be read, typed to `set` or into a plan sheet.
pub fn unreadable_number(lang: Lang, typed: &str, error: &NumberError) -> String {
    match lang {
        Lang::Vi => format!("không đọc được số “{typed}”: {}", number_error(lang, error)),
        Lang::En => format!("cannot read the number “{typed}”: {}", number_error(lang, error)),
    }
}

/// "mục X ghi thời điểm …, sớm hơn đồng hồ máy này quá một ngày", as `check` and `import` say it.
pub fn dated_ahead_of_clock(
    lang: Lang,
    tz: &jiff::tz::TimeZone,
    entry: &str,
    time: jiff::Timestamp,
) -> String {
    let when = present::time_in(lang, time, tz);
    match lang {
        Lang::Vi => format!("mục {entry} ghi thời điểm {when}, sớm hơn đồng hồ máy này quá một ngày"),
        Lang::En => format!("entry {entry} is dated {when}, more than a day ahead of this machine's clock"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same fault in a plan, the store and a change file is worded once: the three
    /// wordings had drifted apart ("not valid JSON", "JSON syntax error", "cut short while
    /// copying?").
    #[test]
    fn a_fault_reads_alike_in_a_plan_the_store_and_a_change_file() {
        for (lang, at) in [(Lang::Vi, "dòng 3, cột 7"), (Lang::En, "line 3, column 7")] {
            let faults = [
                (PlanProblem::Truncated, StoreProblem::Truncated, ExchangeProblem::Truncated),
                (
                    PlanProblem::Syntax("EOF".into()),
                    StoreProblem::Json("EOF".into()),
                    ExchangeProblem::Syntax("EOF".into()),
                ),
            ];
            for (plan, store, change) in faults {
                let plan = plan_error(lang, &PlanError { line: 3, column: 7, problem: plan });
                let what = plan.strip_prefix(&format!("{at}: ")).expect("the plan's place comes first");
                let store = store_error(
                    lang,
                    &StoreError::Unreadable {
                        path: "s.json".into(),
                        line: 3,
                        column: 7,
                        problem: store,
                        backup: None,
                    },
                );
                let change = exchange_error(
                    lang,
                    Path::new("c.json"),
                    &ExchangeError { line: 3, column: 7, problem: change },
                );
                assert!(store.contains(&format!("{at}: {what}")), "{store}\n{plan}");
                assert!(change.contains(&format!("{at}: {what}")), "{change}\n{plan}");
            }
            let store = store_error(
                lang,
                &StoreError::Unreadable {
                    path: "s.json".into(),
                    line: 0,
                    column: 0,
                    problem: StoreProblem::NewerVersion(7),
                    backup: None,
                },
            );
            let change = exchange_error(
                lang,
                Path::new("c.json"),
                &ExchangeError { line: 0, column: 0, problem: ExchangeProblem::NewerVersion(7) },
            );
            let newer = lang.pick("phiên bản mới hơn của chitieu (phiên bản 7)", "newer chitieu (version 7)");
            assert!(store.contains(newer) && change.contains(newer), "{store}\n{change}");
        }
    }
}
