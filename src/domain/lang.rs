//! The two languages of the interface. A leaf type: the domain picks a plan text by it, the
//! CLI parses it (its clap derive sits in `cli`), and i18n words everything in it.

use crate::domain::number::NumberStyle;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn number_style(self) -> NumberStyle {
        match self {
            Lang::Vi => NumberStyle::VIETNAMESE,
            Lang::En => NumberStyle::ENGLISH,
        }
    }

    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
