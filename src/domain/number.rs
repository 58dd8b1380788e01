//! Numbers as people write them.
//!
//! Vietnamese writes `76,56` and `9.266` (comma for decimals, dot for thousands); English the
//! reverse. Input that the active style would misread is refused with a hint rather than
//! guessed: in Vietnamese `8.2` is an error, because a dot there separates thousands and `8.2`
//! has no group of three after it. Machine formats (JSON, CSV) use [`Decimal`]'s own plain
//! notation and never go through this module.

use rust_decimal::Decimal;

/// How a language writes a decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal: char,
    pub group: char,
}

impl NumberStyle {
    /// `9.266,5`
    pub const VIETNAMESE: NumberStyle = NumberStyle { decimal: ',', group: '.' };
    /// `9,266.5`
    pub const ENGLISH: NumberStyle = NumberStyle { decimal: '.', group: ',' };
}

/// Why a piece of text is not a number in the active style. Each variant carries what the
/// message needs to tell the user how to write it instead (see `i18n::number_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but blanks.
    Empty,
    /// A character that has no place in a number (a letter, `e`, `∞`, a space inside …).
    UnexpectedChar { found: char },
    /// A sign anywhere but at the very start, or more than one.
    MisplacedSign,
    /// The group separator used where a decimal separator was meant, as in Vietnamese `8.2`.
    /// `suggestion` is the same number written correctly in the active style.
    UseDecimalSeparator { suggestion: String },
    /// Group separators in the wrong places (`1.23.456`, or after the decimal separator).
    BadGrouping,
    /// More than one decimal separator.
    TwoDecimalSeparators,
    /// A separator with no digit after it (`8,`).
    NoDigitsAfterSeparator,
    /// More digits than an exact decimal can hold (28 after the separator, about 7.9 × 10²⁸ in all).
    TooLarge,
}

/// Reads `text` in `style`. Leading and trailing blanks are ignored; a leading `-`, `−`
/// (U+2212) or `+` gives the sign. The number keeps the digits it was written with: `8,0` is
/// 8.0, not 8.
pub fn parse(text: &str, style: NumberStyle) -> Result<Decimal, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match text.chars().next() {
        Some(c @ ('-' | '−' | '+')) => (c != '+', &text[c.len_utf8()..]),
        _ => (false, text),
    };
    if body.is_empty() {
        return Err(NumberError::Empty);
    }
    for c in body.chars() {
        if matches!(c, '-' | '−' | '+') {
            return Err(NumberError::MisplacedSign);
        }
        if !(c.is_ascii_digit() || c == style.decimal || c == style.group) {
            return Err(NumberError::UnexpectedChar { found: c });
        }
    }

    let mut halves = body.split(style.decimal);
    let integer = halves.next().unwrap_or_default();
    let fraction = halves.next();
    if halves.next().is_some() {
        return Err(NumberError::TwoDecimalSeparators);
    }
    if let Some(fraction) = fraction {
        if fraction.contains(style.group) {
            return Err(NumberError::BadGrouping);
        }
        if fraction.is_empty() {
            return Err(NumberError::NoDigitsAfterSeparator);
        }
    }

    let integer_digits = ungroup(integer, style).map_err(|problem| match problem {
        GroupingProblem::LooksLikeDecimal if fraction.is_none() => NumberError::UseDecimalSeparator {
            suggestion: format!(
                "{}{}",
                if negative { "-" } else { "" },
                integer.replace(style.group, &style.decimal.to_string())
            ),
        },
        GroupingProblem::LooksLikeDecimal | GroupingProblem::Misplaced => NumberError::BadGrouping,
        GroupingProblem::Dangling => NumberError::NoDigitsAfterSeparator,
    })?;

    let mut plain = String::with_capacity(body.len() + 2);
    if negative {
        plain.push('-');
    }
    plain.push_str(if integer_digits.is_empty() { "0" } else { &integer_digits });
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Decimal::from_str_exact(&plain).map_err(|_| NumberError::TooLarge)
}

enum GroupingProblem {
    /// One separator followed by other than three digits (`8.2`, `8.25`): a decimal written
    /// the other language's way.
    LooksLikeDecimal,
    /// Several separators, not every group of three.
    Misplaced,
    /// A separator at the start or end (`.5`, `5.`).
    Dangling,
}

/// The digits of an integer part written with optional group separators, every group after
/// the first exactly three digits long.
fn ungroup(integer: &str, style: NumberStyle) -> Result<String, GroupingProblem> {
    if !integer.contains(style.group) {
        return Ok(integer.to_owned());
    }
    let groups: Vec<&str> = integer.split(style.group).collect();
    let (first, rest) = groups.split_first().ok_or(GroupingProblem::Misplaced)?;
    if first.is_empty() || rest.last().is_some_and(|g| g.is_empty()) {
        return Err(GroupingProblem::Dangling);
    }
    if first.len() > 3 || rest.iter().any(|g| g.len() != 3) {
        return Err(if groups.len() == 2 {
            GroupingProblem::LooksLikeDecimal
        } else {
            GroupingProblem::Misplaced
        });
    }
    Ok(groups.concat())
}

/// Writes `value` in `style` with every digit it holds, grouping thousands: `9.266`,
/// `76,56`, `-1,2`, `1.234.567,089`. The result parses back to the same value and scale.
pub fn format(value: Decimal, style: NumberStyle) -> String {
    let plain = value.to_string();
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(plain.len() + integer.len() / 3 + 1);
    out.push_str(sign);
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            out.push(style.group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(style.decimal);
        out.push_str(fraction);
    }
    out
}

/// A decimal in plain machine notation (`9266`, `76.56`), as JSON and CSV carry it.
pub fn plain(value: Decimal) -> String {
    value.to_string()
}

/// Reads plain machine notation, as stored in JSON.
pub fn parse_plain(text: &str) -> Option<Decimal> {
    if text.is_empty() || text.contains(['e', 'E', '_']) {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

/// Figures in plan and store files are strings in plain notation (`"76.56"`), never JSON
/// numbers, which most readers turn into binary floating point.
pub fn decimal_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = Option<Decimal>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a decimal written as a string in plain notation, like \"76.56\"")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            parse_plain(s).map(Some).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(s), &self))
        }
    }
    d.deserialize_str(Visitor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VI: NumberStyle = NumberStyle::VIETNAMESE;
    const EN: NumberStyle = NumberStyle::ENGLISH;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).expect("test decimal")
    }

    #[test]
    fn vietnamese_reads_the_document_figures() {
        assert_eq!(parse("76,56", VI), Ok(d("76.56")));
        assert_eq!(parse("9.266", VI), Ok(d("9266")));
        assert_eq!(parse("1.900", VI), Ok(d("1900")));
        assert_eq!(parse("8,0", VI), Ok(d("8.0")));
        assert_eq!(parse("50.000", VI), Ok(d("50000")));
        assert_eq!(parse("1.234.567,25", VI), Ok(d("1234567.25")));
        assert_eq!(parse(" 93,89 ", VI), Ok(d("93.89")));
        assert_eq!(parse("-1,2", VI), Ok(d("-1.2")));
        assert_eq!(parse("−1,2", VI), Ok(d("-1.2")));
        assert_eq!(parse("+3", VI), Ok(d("3")));
        assert_eq!(parse(",5", VI), Ok(d("0.5")));
    }

    #[test]
    fn vietnamese_refuses_an_english_decimal_with_a_hint() {
        assert_eq!(parse("8.2", VI), Err(NumberError::UseDecimalSeparator { suggestion: "8,2".into() }));
        assert_eq!(parse("8.25", VI), Err(NumberError::UseDecimalSeparator { suggestion: "8,25".into() }));
        assert_eq!(parse("-76.5", VI), Err(NumberError::UseDecimalSeparator { suggestion: "-76,5".into() }));
        assert_eq!(
            parse("9.2660", VI),
            Err(NumberError::UseDecimalSeparator { suggestion: "9,2660".into() })
        );
    }

    #[test]
    fn english_is_the_mirror_image() {
        assert_eq!(parse("9,266.5", EN), Ok(d("9266.5")));
        assert_eq!(parse("76.56", EN), Ok(d("76.56")));
        assert_eq!(parse("8,2", EN), Err(NumberError::UseDecimalSeparator { suggestion: "8.2".into() }));
        assert_eq!(parse("9,266.5,1", EN), Err(NumberError::BadGrouping));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse("", VI), Err(NumberError::Empty));
        assert_eq!(parse("   ", VI), Err(NumberError::Empty));
        assert_eq!(parse("-", VI), Err(NumberError::Empty));
        assert_eq!(parse("1e5", VI), Err(NumberError::UnexpectedChar { found: 'e' }));
        assert_eq!(parse("NaN", VI), Err(NumberError::UnexpectedChar { found: 'N' }));
        assert_eq!(parse("∞", VI), Err(NumberError::UnexpectedChar { found: '∞' }));
        assert_eq!(parse("9 266", VI), Err(NumberError::UnexpectedChar { found: ' ' }));
        assert_eq!(parse("5-", VI), Err(NumberError::MisplacedSign));
        assert_eq!(parse("--5", VI), Err(NumberError::MisplacedSign));
        assert_eq!(parse("1,2,3", VI), Err(NumberError::TwoDecimalSeparators));
        assert_eq!(parse("1.23.456", VI), Err(NumberError::BadGrouping));
        assert_eq!(parse("1,234.5", VI), Err(NumberError::BadGrouping));
        assert_eq!(parse("8,", VI), Err(NumberError::NoDigitsAfterSeparator));
        assert_eq!(parse("1.000.", VI), Err(NumberError::NoDigitsAfterSeparator));
        assert_eq!(parse(".500", VI), Err(NumberError::NoDigitsAfterSeparator));
        assert_eq!(parse(&"9".repeat(40), VI), Err(NumberError::TooLarge));
        assert_eq!(parse(&format!("0,{}", "1".repeat(40)), VI), Err(NumberError::TooLarge));
    }

    #[test]
    fn formats_in_each_style() {
        assert_eq!(format(d("9266"), VI), "9.266");
        assert_eq!(format(d("76.56"), VI), "76,56");
        assert_eq!(format(d("8.0"), VI), "8,0");
        assert_eq!(format(d("1234567.089"), VI), "1.234.567,089");
        assert_eq!(format(d("-1.2"), VI), "-1,2");
        assert_eq!(format(d("100"), VI), "100");
        assert_eq!(format(d("9266.5"), EN), "9,266.5");
        assert_eq!(plain(d("76.56")), "76.56");
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), any::<i64>(), 0u32..=28, any::<bool>()).prop_map(|(lo, hi, scale, neg)| {
            let mantissa =
                (i128::from(hi) << 32 | i128::from(lo as u32)) % 79_228_162_514_264_337_593_543_950_335;
            let mut value = Decimal::from_i128_with_scale(mantissa.abs(), scale);
            value.set_sign_negative(neg);
            value
        })
    }

    proptest! {
        #[test]
        fn format_then_parse_gives_the_same_value_and_digits(value in any_decimal()) {
            for style in [VI, EN] {
                let back = parse(&format(value, style), style).expect("formatted text parses");
                prop_assert_eq!(back, value);
                prop_assert_eq!(back.scale(), value.scale());
            }
        }

        #[test]
        fn no_text_makes_the_parser_panic(text in "\\PC{0,40}") {
            let _ = parse(&text, VI);
            let _ = parse(&text, EN);
        }

        #[test]
        fn number_like_text_never_panics(text in "[-+−]?[0-9.,]{0,40}") {
            let _ = parse(&text, VI);
            let _ = parse(&text, EN);
        }
    }
}
