//! `--help`, subcommand help and argument errors in the user's language: Vietnamese by
//! default, English with `--lang en`, `CHITIEU_LANG=en` or `"lang": "en"` in the config file.
//!
//! clap words its help from the doc comments of [`Cli`] (English, the source of truth for
//! developers) and its own fixed English ("Usage:", "Options:", "error: unexpected argument").
//! The language has to be known before clap parses, so [`lang_before_parsing`] reads it from
//! the raw arguments, the environment and the config file; [`command`] then rewords the help of
//! every command and argument, the headings and the built-in `--help`/`--version`, and
//! [`error_message`] words clap's errors by their kind.

use crate::cli::Cli;
use crate::i18n::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory};
use std::ffi::OsString;

/// The language asked for by `--lang X` / `--lang=X`, else `CHITIEU_LANG`, else the config
/// file's `lang`, else Vietnamese. A value that is not a language is left for clap to refuse.
pub fn lang_before_parsing(args: &[OsString], env: Option<OsString>, config: Option<Lang>) -> Lang {
    let parse = |text: &str| match text {
        "vi" => Some(Lang::Vi),
        "en" => Some(Lang::En),
        _ => None,
    };
    let mut from_args = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            from_args = parse(value).or(from_args);
        } else if arg == "--lang" {
            from_args = args.next().and_then(|v| parse(&v)).or(from_args);
        }
    }
    from_args.or_else(|| env.and_then(|v| parse(&v.to_string_lossy()))).or(config).unwrap_or_default()
}

/// The command line's definition, its help worded in `lang`.
pub fn command(lang: Lang) -> Command {
    let command =
        Cli::command().disable_help_flag(true).disable_version_flag(true).disable_help_subcommand(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(lang.pick("In số phiên bản", "Print the version")),
        );
    localise(command, lang, &[])
}

/// Rewords `command` and its subcommands, `path` being the names above it.
fn localise(mut command: Command, lang: Lang, path: &[&str]) -> Command {
    let help = clap::Arg::new("help")
        .short('h')
        .long("help")
        .global(path.is_empty())
        .action(clap::ArgAction::Help)
        .help(lang.pick("In trợ giúp này", "Print help"));
    if path.is_empty() {
        command = command.arg(help);
    }
    command = command
        .help_template(lang.pick(
            "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
            "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
        ))
        .subcommand_help_heading(lang.pick("Lệnh", "Commands"))
        .subcommand_value_name(lang.pick("LỆNH", "COMMAND"))
        .next_help_heading(lang.pick("Tuỳ chọn", "Options"));
    if lang == Lang::En {
        let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_owned()).collect();
        for name in names {
            let mut below = path.to_vec();
            below.push(&name);
            command = command.mut_subcommand(&name, |c| localise(c, lang, &below));
        }
        return command;
    }
    if let Some(about) = about_vi(path) {
        command = command.about(about);
    }
    let ids: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let positional = command.get_arguments().any(|a| a.get_id() == id.as_str() && a.is_positional());
        let text = arg_vi(path, &id);
        command = command.mut_arg(&id, |arg| {
            let arg =
                if positional { arg.help_heading("Đối số") } else { arg.help_heading("Tuỳ chọn") };
            // clap writes "[env: …]", "[default: …]" and "[possible values: …]" in English:
            // the Vietnamese help says them in its own words instead.
            let names: Vec<clap::builder::Str> = arg
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .map(|n| value_name_vi(n.as_str()).map_or_else(|| n.clone(), clap::builder::Str::from))
                .collect();
            let arg = match arg.get_action().takes_values() {
                true => arg.hide_env(true).hide_default_value(true).hide_possible_values(true),
                false => arg.hide_env(true),
            };
            let arg = if names.is_empty() { arg } else { arg.value_names(names) };
            match text {
                Some(text) => arg.help(text),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    for name in names {
        let mut below = path.to_vec();
        below.push(&name);
        command = command.mut_subcommand(&name, |c| localise(c, lang, &below));
    }
    command
}

/// A value's placeholder in Vietnamese: `--store <TỆP>`.
fn value_name_vi(name: &str) -> Option<&'static str> {
    Some(match name {
        "FILE" => "TỆP",
        "YEAR" => "NĂM",
        "SECONDS" => "GIÂY",
        "TEXT" => "VĂN_BẢN",
        "NAME" => "TÊN",
        "TIME" => "THỜI_ĐIỂM",
        "LANG" => "NGÔN_NGỮ",
        "PERIOD" => "KỲ",
        "FORMAT" => "DẠNG",
        "ID" => "MÃ",
        "VALUE" => "GIÁ_TRỊ",
        _ => return None,
    })
}

/// What each command does, in Vietnamese.
fn about_vi(path: &[&str]) -> Option<&'static str> {
    Some(match path {
        [] => "Theo dõi và cập nhật các chỉ tiêu của Chương trình hành động hằng năm",
        ["report"] => "Mọi chỉ tiêu với số liệu mới nhất và tình trạng",
        ["set"] => "Nhập số liệu cho một chỉ tiêu (GIÁ_TRỊ viết kiểu Việt Nam: 9.500 hoặc 8,3)",
        ["undo"] => "Rút lại số liệu mới nhất của bạn còn hiệu lực (lịch sử vẫn giữ cả hai)",
        ["history"] => "Mọi số liệu đã nhập, mới nhất trước (của một chỉ tiêu, hoặc tất cả)",
        ["check"] => "Kiểm tra kế hoạch và kho số liệu: 0 tốt, 1 có vấn đề, 2 không đọc được",
        ["export"] => "Ghi các mục vào tệp trao đổi cho kho khác (máy ở cơ sở → văn phòng)",
        ["import"] => "Gộp tệp trao đổi vào kho; nhập lại lần nữa không thay đổi gì",
        ["close-period"] => "Chốt số liệu một kỳ: không nhận số mới cho kỳ đó đến khi mở lại",
        ["reopen-period"] => "Mở lại một kỳ đã chốt",
        ["plan"] => "Kế hoạch: mẫu bảng tính để điền, kế hoạch từ bảng tính",
        ["plan", "template"] => "Ghi mẫu bảng tính chỉ tiêu (.xlsx hoặc .csv), có một dòng ví dụ",
        ["plan", "import"] => {
            "Đọc chỉ tiêu từ bảng tính (.xlsx hoặc .csv) và ghi tệp kế hoạch; --year NĂM là năm của kế hoạch. Với --unit MÃ: mức chỉ tiêu riêng của đơn vị đó cho kế hoạch đang dùng"
        }
        ["plan", "add"] => {
            "Kiểm tra tệp kế hoạch và cài đặt bên cạnh các kế hoạch khác, với kho số liệu riêng"
        }
        ["plan", "list"] => "Các kế hoạch đã cài: mã, năm, số chỉ tiêu, số liệu đã nhập, kho, tên",
        ["missing"] => {
            "Ai chưa gửi số liệu: các chỉ tiêu đến kỳ báo cáo chưa có số liệu, theo cơ quan chủ trì"
        }
        ["unit"] => "Các đơn vị có số liệu riêng của kế hoạch (xã, phường, sở, ngành)",
        ["unit", "add"] => {
            "Đăng ký một đơn vị cho kế hoạch; --unit MÃ sau đó làm việc trên kho riêng của đơn vị"
        }
        ["unit", "list"] => "Các đơn vị đã đăng ký của kế hoạch",
        ["units"] => "Tất cả các đơn vị: mức đầy đủ số liệu và tình trạng của từng đơn vị trong một kỳ",
        _ => return None,
    })
}

/// clap's one fixed word in the usage line, in Vietnamese.
pub fn vietnamese_usage(help: &str) -> String {
    help.replace("[OPTIONS]", "[TUỲ_CHỌN]")
}

/// The help of each argument, in Vietnamese; `None` keeps clap's (for an argument added later
/// without a translation, the English text shows rather than nothing).
fn arg_vi(path: &[&str], id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        (_, "store") => "Kho số liệu (nhiều người dùng chung bằng cách chỉ cùng một tệp); biến CHITIEU_STORE",
        (_, "plan") => "Một tệp kế hoạch thay cho các kế hoạch đã cài (xem `chitieu plan list`)",
        (["plan", "import"], "year") => "Năm của kế hoạch mới",
        (_, "year") => {
            "Kế hoạch đã cài của năm này (mặc định: kế hoạch mới nhất đã bắt đầu); biến CHITIEU_YEAR"
        }
        (_, "lang") => "Ngôn ngữ giao diện: vi (mặc định) hoặc en; biến CHITIEU_LANG",
        (_, "theme") => {
            "Nền của cửa sổ dòng lệnh, để chọn màu: dark (tối, mặc định) hoặc light (sáng); biến CHITIEU_THEME"
        }
        (_, "ascii") => "Chỉ dùng ký tự ASCII cho khung và ký hiệu (chữ tiếng Việt vẫn giữ)",
        (_, "wait") => "Số giây một lần lưu chờ kho đang bị khoá trước khi bỏ cuộc (mã thoát 2); mặc định 30",
        ([], "read_only") => "Mở màn hình đầy đủ chỉ để xem: không nhập hay rút lại được số liệu",
        (["report"], "format") => "Dạng báo cáo: table (bảng, mặc định), json, csv, md, xlsx",
        (["report"], "period") => "Số liệu của kỳ này (mặc định: kỳ gần nhất có số liệu của từng chỉ tiêu)",
        (["report"], "out") => {
            "Ghi báo cáo vào TỆP (bắt buộc với xlsx; nên dùng trong PowerShell thay cho >)"
        }
        (["set"], "id") => "Mã chỉ tiêu theo cách đánh số của kế hoạch: 3, 7a, II.4",
        (["set"], "value") => "Số liệu: 9.500 và 8,3 (mặc định tiếng Việt); 9,500 và 8.3 với --lang en",
        (["set"], "period") => {
            "q1, h1, 9m hoặc year; last-q1 … last-year cho cùng kỳ năm trước (mặc định: kỳ gần nhất đã bắt đầu)"
        }
        (["set"], "estimate") => "Số ước thực hiện, không phải số chính thức",
        (["set"], "note") => "Ghi chú kèm số liệu, ví dụ nguồn số liệu",
        (["set"], "yes") => "Nhận số khác xa số kỳ trước mà không hỏi lại",
        (["history"], "id") => "Chỉ chỉ tiêu này (chỉ tiêu có chỉ tiêu con như 10: các chỉ tiêu 10a–10c)",
        (["history"], "period") => "Chỉ số liệu của kỳ này (q1, h1, 9m, year, last-q1 …)",
        (["history"], "author") => "Chỉ các mục do người này nhập (tên đăng nhập)",
        (["history"], "since") => "Chỉ các mục nhập từ thời điểm này (2024-07-01, hoặc RFC 3339)",
        (["export"], "file") => "Tệp trao đổi sẽ ghi",
        (["export"], "since") => {
            "Chỉ các mục nhập từ THỜI_ĐIỂM: RFC 3339 hoặc một ngày (2024-07-01, từ nửa đêm giờ địa phương)"
        }
        (["export"], "author") => "Chỉ các mục do người này nhập (tên đăng nhập)",
        (["import"], "file") => "Tệp trao đổi sẽ đọc",
        (["import"], "yes") => "Nhận số khác xa số kỳ trước mà không hỏi lại",
        (["close-period" | "reopen-period"], "period") => "Kỳ: q1, h1, 9m, year (hoặc last-…)",
        (["plan", "template"], "out") => "Tệp sẽ ghi: mau-chi-tieu.xlsx hoặc mau-chi-tieu.csv",
        (["plan", "import"], "file") => "Bảng tính đã điền theo mẫu",
        (["plan", "import"], "id") => "Mã của kế hoạch mới, ví dụ tinh-2025",
        (["plan", "import"], "title") => "Tên kế hoạch bằng tiếng Việt",
        (["plan", "import"], "title_en") => "Tên bằng tiếng Anh (không bắt buộc)",
        (["plan", "import"], "out") => "Tệp kế hoạch sẽ ghi (JSON)",
        (["plan", "add"], "file") => "Tệp kế hoạch (JSON), như `plan import` ghi ra",
        (_, "unit") => "Làm việc trên kho riêng của đơn vị này (xem `chitieu unit add`); biến CHITIEU_UNIT",
        (["missing" | "units"], "period") => "q1, h1, 9m hoặc year (mặc định: kỳ gần nhất đã bắt đầu)",
        (["missing"], "format") => "Dạng: table (bảng, mặc định), json, md",
        (["units"], "format") => "Dạng: table (bảng, mặc định), json, md, xlsx (bảng tính để in, cần --out)",
        (["units"], "out") => "Ghi vào TỆP thay cho màn hình (bắt buộc với xlsx)",
        (["missing"], "reminders") => {
            "Thay cho danh sách: một thư nhắc cho mỗi cơ quan, để gửi thư điện tử hoặc in"
        }
        (["missing"], "out") => "Ghi vào TỆP thay cho màn hình",
        (["unit", "add"], "id") => "1–40 ký tự a–z, 0–9, - và _: đặt tên cho tệp kho của đơn vị (xa-my-an)",
        (["unit", "add"], "name") => "Tên đơn vị như cách viết: \"Xã Mỹ An\"",
        _ => return None,
    })
}

/// clap's error in the user's words: for Vietnamese, what was wrong by the error's kind, and
/// where to read more; English keeps clap's own text. Help and version are not errors: they
/// come back as clap rendered them (with the headings of [`command`]).
pub fn error_message(lang: Lang, error: &clap::Error) -> String {
    let shown = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    if lang == Lang::En {
        return error.render().to_string();
    }
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return vietnamese_usage(&error.render().to_string());
    }
    let arg = shown(ContextKind::InvalidArg);
    let value = shown(ContextKind::InvalidValue);
    let what = match error.kind() {
        ErrorKind::UnknownArgument => format!("đối số không có: {arg}"),
        ErrorKind::InvalidSubcommand => format!("không có lệnh {}", shown(ContextKind::InvalidSubcommand)),
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} cần một giá trị"),
        ErrorKind::InvalidValue => {
            format!(
                "giá trị “{value}” không dùng được cho {arg}; chọn một trong: {}",
                shown(ContextKind::ValidValue)
            )
        }
        ErrorKind::ValueValidation if arg.contains("--period") => {
            format!(
                "giá trị “{value}” không dùng được cho {arg}: dùng q1, h1, 9m, year hoặc last-q1 … last-year"
            )
        }
        ErrorKind::ValueValidation => format!("giá trị “{value}” không dùng được cho {arg}"),
        ErrorKind::MissingRequiredArgument => format!("thiếu: {arg}"),
        ErrorKind::MissingSubcommand => "thiếu lệnh".to_owned(),
        ErrorKind::ArgumentConflict => format!("{arg} không dùng cùng {}", shown(ContextKind::PriorArg)),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("số giá trị không đúng cho {arg}")
        }
        ErrorKind::InvalidUtf8 => "đối số không phải UTF-8".to_owned(),
        _ => "dòng lệnh không đúng".to_owned(),
    };
    let mut message = format!("lỗi: {what}\n");
    let suggested = shown(ContextKind::SuggestedArg) + &shown(ContextKind::SuggestedSubcommand);
    if !suggested.is_empty() {
        message.push_str(&format!("  gợi ý: {suggested}\n"));
    }
    message.push_str("\nXem thêm: chitieu --help\n");
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_clap_parses() {
        assert_eq!(lang_before_parsing(&args(&["chitieu", "report"]), None, None), Lang::Vi);
        assert_eq!(lang_before_parsing(&args(&["chitieu", "--lang", "en", "-h"]), None, None), Lang::En);
        assert_eq!(lang_before_parsing(&args(&["chitieu", "--lang=en"]), None, None), Lang::En);
        assert_eq!(lang_before_parsing(&args(&["chitieu"]), Some("en".into()), None), Lang::En);
        assert_eq!(lang_before_parsing(&args(&["chitieu"]), None, Some(Lang::En)), Lang::En);
        let flag_first = lang_before_parsing(&args(&["chitieu", "--lang", "vi"]), Some("en".into()), None);
        assert_eq!(flag_first, Lang::Vi, "the flag overrides the environment");
        let note = args(&["chitieu", "set", "1", "8,3", "--note", "--lang en"]);
        assert_eq!(lang_before_parsing(&note, None, None), Lang::Vi, "a note's text is no flag");
    }

    #[test]
    fn every_command_and_argument_has_its_vietnamese_help() {
        fn walk(command: &Command, path: &mut Vec<String>) {
            let p: Vec<&str> = path.iter().map(String::as_str).collect();
            if !p.is_empty() || command.get_name() == "chitieu" {
                assert!(about_vi(&p).is_some(), "no Vietnamese about for {p:?}");
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if ["help", "version"].contains(&id) {
                    continue;
                }
                assert!(arg_vi(&p, id).is_some(), "no Vietnamese help for {p:?} {id}");
            }
            for sub in command.get_subcommands() {
                path.push(sub.get_name().to_owned());
                walk(sub, path);
                path.pop();
            }
        }
        walk(&Cli::command(), &mut Vec::new());
    }

    #[test]
    fn help_is_vietnamese_by_default_and_english_on_request() {
        let vi = vietnamese_usage(&command(Lang::Vi).render_help().to_string());
        assert!(
            vi.contains("Cách dùng: chitieu") && vi.contains("Lệnh:") && vi.contains("Tuỳ chọn:"),
            "{vi}"
        );
        assert!(vi.contains("In trợ giúp này") && !vi.contains("Print help"), "{vi}");
        assert!(vi.contains("--store <TỆP>") && !vi.contains("[env:") && !vi.contains("[OPTIONS]"), "{vi}");
        let en = command(Lang::En).render_help().to_string();
        assert!(en.contains("Usage: chitieu") && en.contains("Print help"), "{en}");
    }

    #[test]
    fn errors_are_worded_in_vietnamese() {
        let error = command(Lang::Vi)
            .try_get_matches_from(["chitieu", "report", "--fromat", "csv"])
            .expect_err("refused");
        let text = error_message(Lang::Vi, &error);
        assert!(text.starts_with("lỗi: đối số không có: --fromat"), "{text}");
        assert!(text.contains("gợi ý: --format"), "{text}");
        let error = command(Lang::Vi)
            .try_get_matches_from(["chitieu", "report", "--format", "pdf"])
            .expect_err("refused");
        let text = error_message(Lang::Vi, &error);
        assert!(text.contains("giá trị “pdf” không dùng được cho --format"), "{text}");
    }
}
