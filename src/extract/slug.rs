//! Readable, stable IRI slugs made from labels, so that a rerun proposes the same IRIs.

/// Lower-case ASCII slug of a label: letters and digits kept, everything else one `-`.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut dash = false;
    for c in label.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' {
            dash = true;
        }
        if out.len() >= 80 {
            break;
        }
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
    out
}

/// A source identifier made safe for a prefixed name (letters, digits, `_` and `-`).
pub fn source_slug(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() {
        "source".to_owned()
    } else {
        s
    }
}

/// Folds common Latin letters with diacritics to ASCII.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ā' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'ō' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        '’' => '\'',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Tajik border guards"), "tajik-border-guards");
        assert_eq!(slug("Daesh's Khorasan affiliate"), "daeshs-khorasan-affiliate");
        assert_eq!(slug("!!"), "unnamed");
    }
}
