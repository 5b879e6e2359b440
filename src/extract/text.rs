//! Normalises a sentence (curly quotes, dashes) without changing its length in characters, and
//! cuts it into word, number and punctuation tokens with character offsets.

/// A sentence prepared for matching.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The sentence with quotes and dashes folded to ASCII, same number of characters.
    pub norm: String,
    /// `norm` in ASCII lower case (same byte layout as `norm`).
    pub lower: String,
    /// Character index of every byte boundary of `norm` (`byte_to_char[b]`), plus one past the end.
    byte_to_char: Vec<usize>,
    /// The tokens.
    pub tokens: Vec<Token>,
    /// `grams[n - 1][i]`: tokens `i..i + n` in lower case joined by one space (n ≤ [`MAX_GRAM`]).
    grams: Vec<Vec<String>>,
}

/// Longest phrase, in tokens, that dictionary look-ups consider.
pub const MAX_GRAM: usize = 6;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits mixed in).
    Word,
    /// Digits, with thousands separators or a decimal point.
    Number,
    /// Anything else that is not space.
    Punct,
}

/// A token of a prepared sentence.
#[derive(Debug, Clone)]
pub struct Token {
    /// First character, relative to the sentence.
    pub start: usize,
    /// Just past the last character.
    pub end: usize,
    /// Byte range in `norm`.
    pub bytes: (usize, usize),
    /// Lower-case text.
    pub lower: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Word, number or punctuation.
    pub kind: Kind,
}

/// Folds a character to the form matching uses; always one character for one.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\t' | '\r' => ' ',
        other => other,
    }
}

impl Prepared {
    /// Prepares one sentence. O(n) in its length.
    pub fn new(sentence: &str) -> Self {
        let norm: String = sentence.chars().map(fold_char).collect();
        let lower = norm.to_ascii_lowercase();
        let mut byte_to_char = vec![0usize; norm.len() + 1];
        let mut ci = 0;
        for (b, c) in norm.char_indices() {
            for slot in byte_to_char.iter_mut().skip(b).take(c.len_utf8()) {
                *slot = ci;
            }
            ci += 1;
        }
        if let Some(last) = byte_to_char.last_mut() {
            *last = ci;
        }
        let tokens = tokenize(&norm);
        let mut grams: Vec<Vec<String>> = Vec::with_capacity(MAX_GRAM);
        grams.push(tokens.iter().map(|t| t.lower.clone()).collect());
        for n in 2..=MAX_GRAM {
            let prev = &grams[n - 2];
            let next: Vec<String> = (0..tokens.len().saturating_sub(n - 1))
                .map(|i| {
                    let mut s = String::with_capacity(prev[i].len() + 1 + tokens[i + n - 1].lower.len());
                    s.push_str(&prev[i]);
                    s.push(' ');
                    s.push_str(&tokens[i + n - 1].lower);
                    s
                })
                .collect();
            grams.push(next);
        }
        Self {
            norm,
            lower,
            byte_to_char,
            tokens,
            grams,
        }
    }

    /// Character offset of a byte offset of `norm`.
    pub fn char_at(&self, byte: usize) -> usize {
        self.byte_to_char.get(byte).copied().unwrap_or(0)
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn token_at_byte(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.bytes.0 < b)
    }

    /// Index just past the last token ending at or before byte `b`.
    pub fn token_end_at_byte(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.bytes.1 <= b)
    }

    /// The original-case text of tokens `from..to`.
    pub fn text_of(&self, from: usize, to: usize) -> &str {
        match (
            self.tokens.get(from),
            to.checked_sub(1).and_then(|i| self.tokens.get(i)),
        ) {
            (Some(a), Some(b)) if from < to => self.norm.get(a.bytes.0..b.bytes.1).unwrap_or(""),
            _ => "",
        }
    }

    /// Tokens `i..i + n` in lower case joined by spaces, when they exist.
    pub fn gram(&self, i: usize, n: usize) -> Option<&str> {
        self.grams.get(n.checked_sub(1)?)?.get(i).map(String::as_str)
    }

    /// The longest phrase of `table` starting at token `i`: its length in tokens and its value.
    pub fn longest<'t, T>(
        &self,
        i: usize,
        table: &'t std::collections::HashMap<String, T>,
    ) -> Option<(usize, &'t T)> {
        (1..=MAX_GRAM)
            .rev()
            .find_map(|n| self.gram(i, n).and_then(|g| table.get(g)).map(|v| (n, v)))
    }

    /// The longest phrase of `table` ending just before token `end`: its start and its value.
    pub fn longest_ending<'t, T>(
        &self,
        end: usize,
        table: &'t std::collections::HashMap<String, T>,
    ) -> Option<(usize, &'t T)> {
        (1..=MAX_GRAM.min(end)).rev().find_map(|n| {
            self.gram(end - n, n)
                .and_then(|g| table.get(g))
                .map(|v| (end - n, v))
        })
    }

    /// Lower-case text of token `i`, or "" past the end.
    pub fn low(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }
}

fn tokenize(norm: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = norm.char_indices().collect();
    let n = chars.len();
    let byte_end = |i: usize| chars.get(i).map_or(norm.len(), |&(b, _)| b);
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                let sep_digit =
                    matches!(d, ',' | '.') && chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit());
                if d.is_ascii_digit() || sep_digit {
                    i += 1;
                } else {
                    break;
                }
            }
            // "16th", "2nd": ordinal suffixes stay with the number.
            while i < n && chars[i].1.is_alphabetic() {
                i += 1;
            }
            Kind::Number
        } else if c.is_alphanumeric() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                let inner_dot = d == '.' && chars.get(i + 1).is_some_and(|x| x.1.is_alphanumeric());
                let glued = d.is_uppercase() && chars[i - 1].1.is_lowercase() && i > start + 1;
                if glued {
                    break;
                }
                if d.is_alphanumeric() || (inner_dot && i > start) {
                    i += 1;
                } else {
                    break;
                }
            }
            Kind::Word
        } else if c == '\''
            && chars.get(i + 1).is_some_and(|x| x.1 == 's' || x.1 == 'S')
            && chars.get(i + 2).is_none_or(|x| !x.1.is_alphanumeric())
        {
            i += 2;
            Kind::Word
        } else {
            i += 1;
            Kind::Punct
        };
        let text = &norm[b..byte_end(i)];
        tokens.push(Token {
            start,
            end: i,
            bytes: (b, byte_end(i)),
            lower: text.to_lowercase(),
            cap: text.chars().next().is_some_and(char::is_uppercase),
            kind,
        });
    }
    tokens
}

/// True when `c` may not sit right next to a name (so the name is a whole word).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_character_offsets() {
        let p = Prepared::new("Tajikistan’s forces killed 1,340 “militants”.");
        let words: Vec<&str> = p.tokens.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            [
                "tajikistan",
                "'s",
                "forces",
                "killed",
                "1,340",
                "\"",
                "militants",
                "\"",
                "."
            ]
        );
        assert_eq!((p.tokens[1].start, p.tokens[1].end), (10, 12));
        assert_eq!(
            p.norm.chars().count(),
            "Tajikistan’s forces killed 1,340 “militants”.".chars().count()
        );
    }

    #[test]
    fn hyphens_split_words() {
        let p = Prepared::new("Afghan-sourced EurasiaNet.org M-16");
        let words: Vec<&str> = p.tokens.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            ["afghan", "-", "sourced", "eurasia", "net.org", "m", "-", "16"]
        );
        // Words glued by a lost space split where a capital follows a small letter.
        let p = Prepared::new("claimed threeChinese lives");
        assert_eq!(p.tokens[1].lower, "three");
    }
}
