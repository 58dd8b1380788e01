//! The machine's time zone for the full-screen view, found without jiff's zone database.
//!
//! `jiff::tz::TimeZone::system()` first builds jiff's global database, and on Unix that
//! lists every file under `/usr/share/zoneinfo` (about 600 here, 1,800 on a full desktop)
//! only to look up the one name `/etc/localtime` links to. That was a millisecond of the
//! ten the view may take to show its first frame (issue 6), and far more on a slow disk.
//! In the usual case (no `TZ`, no `TZDIR`, `/etc/localtime` a link into a `zoneinfo`
//! directory) the zone is read here from the file the link names, under that name, which is
//! the data jiff would have found; every other case is left to jiff.

use jiff::tz::TimeZone;

#[cfg(unix)]
const LOCALTIME: &str = "/etc/localtime";

/// The largest zone file this program reads. Real ones are a few kilobytes (the largest in
/// the IANA database is under 4 KB); `TZ=/dev/zero` would otherwise be read without end.
const MAX_ZONE_FILE: u64 = 256 * 1024;

/// The zone the machine's clock shows, as `TimeZone::system()` finds it; UTC when `TZ`
/// names something that is not a zone file ([`refused_tz`]). Worked out once per process,
/// read by `main.rs` and passed down from there: every time shown and every "today" is in it.
pub fn zone() -> TimeZone {
    static ZONE: std::sync::OnceLock<TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        if refused_tz().is_some() {
            return TimeZone::UTC;
        }
        #[cfg(unix)]
        if let Some(tz) = from_localtime() {
            return tz;
        }
        TimeZone::system()
    })
    .clone()
}

/// The value of `TZ` when it names a file that is not a regular file of at most
/// [`MAX_ZONE_FILE`] bytes (a FIFO would block, a device never end), or climbs out of the
/// zone database with `..`: such a `TZ` is not read, and times are shown in UTC.
pub fn refused_tz() -> Option<String> {
    let tz = std::env::var_os("TZ")?;
    let text = tz.to_string_lossy().into_owned();
    let name = text.strip_prefix(':').unwrap_or(&text);
    if name.is_empty() {
        return None;
    }
    let path = std::path::Path::new(name);
    let candidates: Vec<std::path::PathBuf> = if path.is_absolute() {
        vec![path.to_owned()]
    } else {
        if path.components().any(|c| c == std::path::Component::ParentDir) {
            return Some(text);
        }
        let tzdir = std::env::var_os("TZDIR").map(std::path::PathBuf::from);
        tzdir
            .into_iter()
            .chain(
                ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo"]
                    .map(Into::into),
            )
            .map(|dir: std::path::PathBuf| dir.join(path))
            .collect()
    };
    // A name that is no file at all (a POSIX rule such as `ICT-7`) is jiff's to read.
    let bad = candidates.iter().any(|candidate| {
        std::fs::metadata(candidate).is_ok_and(|meta| !meta.is_file() || meta.len() > MAX_ZONE_FILE)
    });
    bad.then_some(text)
}

/// `/etc/localtime` read directly; `None` whenever jiff might decide otherwise.
#[cfg(unix)]
fn from_localtime() -> Option<TimeZone> {
    // `TZ` overrides the file and `TZDIR` moves the database: jiff's own rules apply then.
    if std::env::var_os("TZ").is_some() || std::env::var_os("TZDIR").is_some() {
        return None;
    }
    read_link(std::path::Path::new(LOCALTIME))
}

/// The zone in the file a link into a `zoneinfo` directory names, under that name.
#[cfg(unix)]
fn read_link(link: &std::path::Path) -> Option<TimeZone> {
    let target = std::fs::read_link(link).ok()?;
    let name = zone_name(target.to_str()?)?;
    // Read through the link: the bytes of the file the C library uses too.
    let data = std::fs::read(link).ok()?;
    TimeZone::tzif(name, &data).ok()
}

/// The IANA name in a link target, as jiff takes it: what follows the last `zoneinfo/`.
#[cfg_attr(not(unix), allow(dead_code))]
fn zone_name(target: &str) -> Option<&str> {
    let (_, name) = target.rsplit_once("zoneinfo/")?;
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_what_follows_the_last_zoneinfo() {
        assert_eq!(zone_name("/usr/share/zoneinfo/Asia/Ho_Chi_Minh"), Some("Asia/Ho_Chi_Minh"));
        assert_eq!(zone_name("../usr/share/zoneinfo/Etc/UTC"), Some("Etc/UTC"));
        assert_eq!(zone_name("/usr/share/zoneinfo/posix/Europe/Paris"), Some("posix/Europe/Paris"));
        assert_eq!(zone_name("/usr/share/zoneinfo/"), None);
        assert_eq!(zone_name("/etc/timezone-copy"), None);
    }

    /// A link as a distribution makes it gives the zone jiff finds by that name.
    #[cfg(unix)]
    #[test]
    fn a_link_into_zoneinfo_reads_as_the_named_zone() {
        let file = std::path::Path::new("/usr/share/zoneinfo/Asia/Ho_Chi_Minh");
        if !file.exists() {
            return; // No system zone database here (jiff then bundles its own).
        }
        let dir = tempfile::tempdir().expect("temporary directory");
        let link = dir.path().join("localtime");
        std::os::unix::fs::symlink(file, &link).expect("symlink");
        let ours = read_link(&link).expect("zone");
        let jiffs = TimeZone::get("Asia/Ho_Chi_Minh").expect("zone");
        assert_eq!(ours.iana_name(), Some("Asia/Ho_Chi_Minh"));
        // 1975 (+08), 2000 and 2024 (+07): the history as well as today's offset.
        for seconds in [170_000_000, 946_684_800, 1_719_792_000] {
            let at = jiff::Timestamp::from_second(seconds).expect("in range");
            assert_eq!(ours.to_offset(at), jiffs.to_offset(at), "at {at}");
        }
        assert!(read_link(dir.path()).is_none(), "not a link");
    }

    #[test]
    fn the_zone_shows_the_same_clock_as_jiffs_own() {
        let ours = zone();
        let jiffs = TimeZone::system();
        for seconds in [0, 1_700_000_000, 1_719_792_000, 1_735_689_599, 2_000_000_000] {
            let at = jiff::Timestamp::from_second(seconds).expect("in range");
            assert_eq!(ours.to_offset(at), jiffs.to_offset(at), "at {at}");
        }
    }
}
