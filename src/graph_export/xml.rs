//! Escaping for the hand-written XML of GEXF and GraphML: one function, safe both in text and in
//! double- or single-quoted attribute values.

use std::borrow::Cow;
use std::io::{self, Write};

/// `s` escaped for XML 1.0 text or attribute values: `& < > " '` become entities; tab, line feed
/// and carriage return become character references (so attribute values keep them instead of
/// being normalised to spaces); characters XML 1.0 cannot carry at all (other C0 controls,
/// U+FFFE, U+FFFF) become U+FFFD.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| replacement(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match replacement(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&apos;",
        '\t' => "&#9;",
        '\n' => "&#10;",
        '\r' => "&#13;",
        '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => "\u{fffd}",
        _ => return None,
    })
}

/// `s` as an `xsd:token`: runs of white space (and control characters) made one space, none at
/// either end. GEXF labels and kinds are tokens.
pub fn token(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `<name a="v" …` (unclosed) with every value escaped.
pub fn open(out: &mut dyn Write, indent: usize, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    write!(out, "{:indent$}<{name}", "")?;
    for (key, value) in attrs {
        write!(out, " {key}=\"{}\"", escape(value))?;
    }
    Ok(())
}

/// Writes `<name a="v" …/>` and a line break.
pub fn empty(out: &mut dyn Write, indent: usize, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    open(out, indent, name, attrs)?;
    writeln!(out, "/>")
}

/// Writes `<name a="v" …>` and a line break.
pub fn start(out: &mut dyn Write, indent: usize, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    open(out, indent, name, attrs)?;
    writeln!(out, ">")
}

/// Writes `</name>` and a line break.
pub fn end(out: &mut dyn Write, indent: usize, name: &str) -> io::Result<()> {
    writeln!(out, "{:indent$}</{name}>", "")
}

/// Writes `<name a="v" …>text</name>` and a line break.
pub fn text(
    out: &mut dyn Write,
    indent: usize,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    open(out, indent, name, attrs)?;
    writeln!(out, ">{}</{name}>", escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_breaks_and_forbidden_characters() {
        assert_eq!(escape("plain"), Cow::Borrowed("plain"));
        assert_eq!(
            escape("a&b<c>d\"e'f\tg\nh\ri\u{1}j\u{ffff}k\u{7f}é"),
            "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i\u{fffd}j\u{fffd}k\u{7f}é"
        );
    }

    #[test]
    fn tokens_collapse_white_space() {
        assert_eq!(
            token("  Taliban\n\t(Islamic  Emirate)\u{1} "),
            "Taliban (Islamic Emirate)"
        );
    }

    #[test]
    fn elements_escape_attribute_values() {
        let mut out = Vec::new();
        empty(&mut out, 2, "node", &[("id", "a\"b"), ("label", "<x>")]).expect("writes");
        text(&mut out, 0, "data", &[("key", "k")], "1 < 2").expect("writes");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "  <node id=\"a&quot;b\" label=\"&lt;x&gt;\"/>\n<data key=\"k\">1 &lt; 2</data>\n"
        );
    }
}
