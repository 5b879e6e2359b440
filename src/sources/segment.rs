//! Splits an article into numbered sentences with character offsets: the unit every attestation
//! in the knowledge graph cites.

/// One sentence of a source text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Zero-based index in the text.
    pub index: usize,
    /// Offset of the first character, in Unicode scalar values from the start of the text.
    pub start: usize,
    /// Offset just past the last character (exclusive).
    pub end: usize,
    /// The sentence itself.
    pub text: String,
}

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']')
}

/// Splits `text` into sentences.
///
/// Every non-empty line is at least one sentence (headlines and captions included). Inside a line a
/// sentence ends at `.`, `!` or `?`, plus any closing quotes or brackets, when the next character is
/// whitespace, the end of the line, or an upper-case letter (articles sometimes lose the space after a
/// full stop). A full stop between two capitals (`U.S`) does not end a sentence.
///
/// Runs in O(n) over the characters of `text`.
///
/// ```
/// let s = borderkg::sources::segment("One. Two!\nThree");
/// assert_eq!(s.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["One.", "Two!", "Three"]);
/// assert_eq!((s[1].start, s[1].end), (5, 9));
/// ```
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0usize;
    for line in text.split('\n') {
        let chars: Vec<char> = line.chars().collect();
        segment_line(&chars, line_start, &mut out);
        line_start += chars.len() + 1;
    }
    out
}

fn segment_line(chars: &[char], offset: usize, out: &mut Vec<Sentence>) {
    let len = chars.len();
    let mut cur = 0usize;
    let mut j = 0usize;
    while j < len {
        let c = chars[j];
        if matches!(c, '.' | '!' | '?') {
            let mut k = j + 1;
            while k < len && is_closer(chars[k]) {
                k += 1;
            }
            let next = chars.get(k).copied();
            let boundary = match next {
                None => true,
                Some(n) if n.is_whitespace() => true,
                Some(n) if n.is_uppercase() => !(c == '.' && j > 0 && chars[j - 1].is_uppercase()),
                Some(_) => false,
            };
            if boundary {
                push(chars, offset, cur, k, out);
                cur = k;
                while cur < len && chars[cur].is_whitespace() {
                    cur += 1;
                }
                j = cur;
                continue;
            }
        }
        j += 1;
    }
    push(chars, offset, cur, len, out);
}

fn push(chars: &[char], offset: usize, from: usize, to: usize, out: &mut Vec<Sentence>) {
    if from >= to || chars[from..to].iter().all(|c| c.is_whitespace()) {
        return;
    }
    out.push(Sentence {
        index: out.len(),
        start: offset + from,
        end: offset + to,
        text: chars[from..to].iter().collect(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        segment(s).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_on_missing_space_before_capital() {
        assert_eq!(
            texts("risks to corridors.Dushanbe’s call echoes."),
            ["risks to corridors.", "Dushanbe’s call echoes."]
        );
    }

    #[test]
    fn keeps_domain_names_and_initials_together() {
        assert_eq!(
            texts("He told EurasiaNet.org that it was so."),
            ["He told EurasiaNet.org that it was so."]
        );
        assert_eq!(texts("The U.S.Army unit left."), ["The U.S.Army unit left."]);
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            texts("“We are safe.” Samadov said."),
            ["“We are safe.”", "Samadov said."]
        );
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let s = segment("Tajikistan’s forces. Next one.");
        assert_eq!(s[1].start, 21);
        assert_eq!(s[1].end, 30);
        let chars: Vec<char> = "Tajikistan’s forces. Next one.".chars().collect();
        assert_eq!(chars[s[1].start..s[1].end].iter().collect::<String>(), s[1].text);
    }

    proptest::proptest! {
        /// Every sentence is exactly the text between its offsets, sentences are in order and do
        /// not overlap, and no non-blank character is lost.
        #[test]
        fn offsets_always_cut_out_the_sentence(text in "[A-Za-z’”. !?\n]{0,80}") {
            let chars: Vec<char> = text.chars().collect();
            let sentences = segment(&text);
            let mut last_end = 0;
            for (i, s) in sentences.iter().enumerate() {
                proptest::prop_assert_eq!(s.index, i);
                proptest::prop_assert!(s.start >= last_end && s.end > s.start && s.end <= chars.len());
                proptest::prop_assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text.clone());
                last_end = s.end;
            }
            let kept: usize = sentences.iter().map(|s| s.text.chars().filter(|c| !c.is_whitespace()).count()).sum();
            proptest::prop_assert_eq!(kept, chars.iter().filter(|c| !c.is_whitespace()).count());
        }
    }

    #[test]
    fn blank_lines_make_no_sentences() {
        let s = segment("A.\n\n\nB.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].index, 1);
        assert_eq!(s[1].start, 5);
    }
}
