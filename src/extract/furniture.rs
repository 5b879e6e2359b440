//! Tells headlines, bylines, photo credits, page furniture and repeated lines from the sentences of
//! the article body, so that only the body yields events.

use std::collections::HashSet;

use super::lexicon::Lexicon;
use crate::sources::Sentence;

/// Indices of the sentences to skip.
pub fn skipped(text: &str, sentences: &[Sentence], lex: &Lexicon) -> Vec<usize> {
    // Character offset where every line starts, to know whether a sentence is a whole line.
    let mut line_of = Vec::new();
    let mut offset = 0usize;
    for line in text.split('\n') {
        let n = line.chars().count();
        line_of.push((offset, offset + n, line));
        offset += n + 1;
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for s in sentences {
        let line = line_of
            .iter()
            .find(|(a, b, _)| *a <= s.start && s.end <= *b)
            .map(|(_, _, l)| l.trim())
            .unwrap_or("");
        let whole_line = line == s.text.trim();
        // A caption: the sentence shares its line with a credit "[Name / Agency]".
        let credited_line = line.contains('[') && line.contains(" / ") && line.trim_end().ends_with(']');
        let key: String = s
            .text
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if credited_line || is_furniture(&s.text, whole_line, lex) || !seen.insert(key) {
            out.push(s.index);
        }
    }
    out
}

fn is_furniture(sentence: &str, whole_line: bool, lex: &Lexicon) -> bool {
    let t = sentence.trim();
    let words = t.split_whitespace().count();
    let low = t.to_lowercase();
    let last = t.chars().next_back().unwrap_or(' ');
    let ends_like_prose = matches!(last, '.' | '!' | '?' | '"' | '\u{201D}' | '\'' | '\u{2019}' | ')');
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return true;
    }
    // A credit in brackets: "[Name / Agency]".
    if low.contains('[') && low.contains(" / ") {
        return true;
    }
    if words <= 12 && lex.furniture.iter().any(|f| low.contains(f.as_str())) {
        return true;
    }
    if words <= 8 && low.starts_with("by ") {
        return true;
    }
    // A headline or caption: a whole line that does not end like a sentence.
    whole_line && !ends_like_prose
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::embedded;
    use crate::sources::segment;

    #[test]
    fn headlines_credits_and_repeats_are_skipped() {
        let lex = Lexicon::from_files(embedded()).unwrap();
        let text = "Border Clash Leaves Four Dead\nBy Staff Reporter\nGuards fired on a boat. [Photo / Agency]\nGuards fired on a boat.\nPost a Comment";
        let s = segment(text);
        assert_eq!(skipped(text, &s, &lex), vec![0, 1, 2, 3, 5]);
    }
}
