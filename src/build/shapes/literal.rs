//! Whether a literal's lexical form is valid for its XML Schema datatype, as `sh:datatype` requires.

use std::str::FromStr;

use oxsdatatypes::{
    Boolean, Date, DateTime, DayTimeDuration, Double, Duration, Float, GDay, GMonth, GMonthDay, GYear,
    GYearMonth, Time, YearMonthDuration,
};

const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// `Some(false)` when `lexical` is not a valid form of `datatype`, `Some(true)` when it is, `None`
/// when the datatype is not an XML Schema type this checker knows (such literals are not judged).
pub fn well_formed(lexical: &str, datatype: &str) -> Option<bool> {
    let local = datatype.strip_prefix(XSD)?;
    Some(match local {
        "string" | "anyURI" | "normalizedString" | "token" => true,
        "boolean" => Boolean::from_str(lexical).is_ok(),
        "decimal" => is_decimal(lexical),
        "integer" => is_integer(lexical),
        "double" => Double::from_str(lexical).is_ok(),
        "float" => Float::from_str(lexical).is_ok(),
        "date" => Date::from_str(lexical).is_ok(),
        "dateTime" => DateTime::from_str(lexical).is_ok(),
        "time" => Time::from_str(lexical).is_ok(),
        "gYear" => GYear::from_str(lexical).is_ok(),
        "gYearMonth" => GYearMonth::from_str(lexical).is_ok(),
        "gMonth" => GMonth::from_str(lexical).is_ok(),
        "gMonthDay" => GMonthDay::from_str(lexical).is_ok(),
        "gDay" => GDay::from_str(lexical).is_ok(),
        "duration" => Duration::from_str(lexical).is_ok(),
        "dayTimeDuration" => DayTimeDuration::from_str(lexical).is_ok(),
        "yearMonthDuration" => YearMonthDuration::from_str(lexical).is_ok(),
        bounded => return integer_in_range(lexical, bounded),
    })
}

/// The integer types derived by restricting the range of `xsd:integer`.
fn integer_in_range(lexical: &str, local: &str) -> Option<bool> {
    let (min, max): (i128, i128) = match local {
        "nonNegativeInteger" => (0, i128::MAX),
        "positiveInteger" => (1, i128::MAX),
        "nonPositiveInteger" => (i128::MIN, 0),
        "negativeInteger" => (i128::MIN, -1),
        "long" => (i64::MIN.into(), i64::MAX.into()),
        "int" => (i32::MIN.into(), i32::MAX.into()),
        "short" => (i16::MIN.into(), i16::MAX.into()),
        "byte" => (i8::MIN.into(), i8::MAX.into()),
        "unsignedLong" => (0, u64::MAX.into()),
        "unsignedInt" => (0, u32::MAX.into()),
        "unsignedShort" => (0, u16::MAX.into()),
        "unsignedByte" => (0, u8::MAX.into()),
        _ => return None,
    };
    if !is_integer(lexical) {
        return Some(false);
    }
    // Beyond i128 only the unbounded-on-one-side types can hold the value; its sign decides.
    Some(match lexical.parse::<i128>() {
        Ok(v) => (min..=max).contains(&v),
        Err(_) => {
            let negative = lexical.starts_with('-');
            (negative && min == i128::MIN) || (!negative && max == i128::MAX)
        }
    })
}

/// `xsd:integer`'s lexical space: an optional sign and at least one digit, of any length.
fn is_integer(lexical: &str) -> bool {
    let digits = lexical.strip_prefix(['+', '-']).unwrap_or(lexical);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `xsd:decimal`'s lexical space: an optional sign, digits with at most one point, at least one digit.
fn is_decimal(lexical: &str) -> bool {
    let body = lexical.strip_prefix(['+', '-']).unwrap_or(lexical);
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    !(whole.is_empty() && fraction.is_empty())
        && whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xsd(local: &str) -> String {
        format!("{XSD}{local}")
    }

    #[test]
    fn integers_of_any_length_and_their_bounded_kinds() {
        assert_eq!(well_formed("-0012", &xsd("integer")), Some(true));
        assert_eq!(
            well_formed("123456789012345678901234567890123456789012", &xsd("integer")),
            Some(true)
        );
        assert_eq!(well_formed("1.0", &xsd("integer")), Some(false));
        assert_eq!(well_formed("", &xsd("integer")), Some(false));
        assert_eq!(well_formed("+", &xsd("integer")), Some(false));
        assert_eq!(well_formed("-1", &xsd("nonNegativeInteger")), Some(false));
        assert_eq!(well_formed("0", &xsd("positiveInteger")), Some(false));
        assert_eq!(well_formed("256", &xsd("unsignedByte")), Some(false));
        assert_eq!(well_formed("255", &xsd("unsignedByte")), Some(true));
        assert_eq!(
            well_formed(
                "99999999999999999999999999999999999999999",
                &xsd("nonNegativeInteger")
            ),
            Some(true)
        );
        assert_eq!(
            well_formed(
                "-99999999999999999999999999999999999999999",
                &xsd("nonNegativeInteger")
            ),
            Some(false)
        );
    }

    #[test]
    fn decimals_dates_and_unknown_types() {
        assert_eq!(well_formed(".5", &xsd("decimal")), Some(true));
        assert_eq!(well_formed("5.", &xsd("decimal")), Some(true));
        assert_eq!(well_formed(".", &xsd("decimal")), Some(false));
        assert_eq!(well_formed("1e3", &xsd("decimal")), Some(false));
        assert_eq!(well_formed("1e3", &xsd("double")), Some(true));
        assert_eq!(well_formed("2021-02-30", &xsd("date")), Some(false));
        assert_eq!(well_formed("2021-12", &xsd("gYearMonth")), Some(true));
        assert_eq!(well_formed("2021-13", &xsd("gYearMonth")), Some(false));
        assert_eq!(well_formed("yes", &xsd("boolean")), Some(false));
        assert_eq!(well_formed("anything", "http://example.org/t"), None);
    }
}
