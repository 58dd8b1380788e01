//! The optional per-user configuration file, `config.json` in the user's config directory
//! (`~/.config/chitieu/config.json` on Linux):
//!
//! ```json
//! { "lang": "en", "store": "/srv/chitieu/store.json", "ascii": true }
//! ```
//!
//! Every field is optional. Flags and the `CHITIEU_*` variables override the file.

use crate::cli::Global;
use crate::i18n::Lang;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub lang: Option<Lang>,
    pub store: Option<PathBuf>,
    pub ascii: Option<bool>,
    /// "light" or "dark": the terminal's background.
    pub theme: Option<String>,
}

/// Where the file is looked for.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("vn", "chitieu", "chitieu").map(|d| d.config_dir().join("config.json"))
}

/// Reads the file at `path`; `None` when there is none. The error names the line and column.
pub fn load(path: &Path) -> Result<Option<Config>, (usize, usize, String)> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err((0, 0, e.to_string())),
    };
    let config: Config = serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        (e.line(), e.column(), message.split(" at line ").next().unwrap_or(&message).to_owned())
    })?;
    // Refused as `--store ""` and `CHITIEU_STORE=` are: an empty path names no file.
    if config.store.as_ref().is_some_and(|store| store.as_os_str().is_empty()) {
        let (line, column) = crate::domain::text::locate_json_key(&text, "store").unwrap_or((0, 0));
        return Err((
            line,
            column,
            "\"store\" is empty: give the store's file, or leave the field out".to_owned(),
        ));
    }
    Ok(Some(config))
}

/// Fills what the command line left unset.
pub fn apply(global: &mut Global, config: Config) {
    if global.lang.is_none() {
        global.lang = config.lang;
    }
    if global.store.is_none() {
        global.store = config.store;
    }
    global.ascii |= config.ascii.unwrap_or(false);
    if global.theme.is_none() {
        global.theme = config.theme.filter(|t| t == "light" || t == "dark");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn global() -> Global {
        Global {
            store: None,
            plan: None,
            year: None,
            lang: None,
            ascii: false,
            wait: 30,
            unit: None,
            theme: None,
        }
    }

    #[test]
    fn flags_override_the_file() {
        let config = || Config {
            lang: Some(Lang::En),
            store: Some("/srv/s.json".into()),
            ascii: Some(true),
            theme: Some("light".into()),
        };
        let mut plain = global();
        apply(&mut plain, config());
        assert_eq!(
            (plain.lang, plain.store.as_deref(), plain.ascii),
            (Some(Lang::En), Some(Path::new("/srv/s.json")), true)
        );
        let mut flagged = global();
        flagged.lang = Some(Lang::Vi);
        flagged.store = Some("/tmp/x.json".into());
        apply(&mut flagged, config());
        assert_eq!(
            (flagged.lang, flagged.store.as_deref()),
            (Some(Lang::Vi), Some(Path::new("/tmp/x.json")))
        );
    }

    #[test]
    fn a_bad_file_is_refused_with_its_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.json");
        assert_eq!(load(&path), Ok(None));
        std::fs::write(&path, "{\n  \"lang\": \"en\",\n  \"colour\": 1\n}").expect("write");
        let (line, _, message) = load(&path).expect_err("unknown field");
        assert_eq!(line, 3);
        assert!(message.contains("colour"), "{message}");
        std::fs::write(&path, r#"{"lang": "en", "ascii": true}"#).expect("write");
        assert_eq!(
            load(&path),
            Ok(Some(Config { lang: Some(Lang::En), store: None, ascii: Some(true), theme: None }))
        );
    }
}
