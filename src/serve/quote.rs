//! Quotes a cited sentence from its article, highlighted within its paragraph (the line it is on),
//! read at request time from the `--sources` folder.

use std::path::Path;

use super::html::esc;
use crate::error::{Error, Result};

/// The paragraph holding the sentence at characters `start..end` of `file` (or, without offsets,
/// sentence number `sentence`), as HTML with the sentence in `<mark>`; `None` when the folder does
/// not have the file or the offsets fall outside it.
///
/// # Errors
/// [`Error::Io`] when the file exists but cannot be read.
pub fn paragraph(
    dir: &Path,
    file: &str,
    sentence: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
) -> Result<Option<String>> {
    if file.is_empty() || file.contains(['/', '\\']) || file.starts_with('.') {
        return Ok(None);
    }
    let path = dir.join(file);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) if s < e && e <= chars.len() => (s, e),
        _ => {
            let Some(found) = sentence.and_then(|i| crate::sources::segment(&text).into_iter().nth(i)) else {
                return Ok(None);
            };
            (found.start, found.end)
        }
    };
    let from = chars[..start]
        .iter()
        .rposition(|c| *c == '\n')
        .map_or(0, |i| i + 1);
    let to = chars[end..]
        .iter()
        .position(|c| *c == '\n')
        .map_or(chars.len(), |i| end + i);
    let part = |a: usize, b: usize| esc(&chars[a..b].iter().collect::<String>());
    Ok(Some(format!(
        "{}<mark>{}</mark>{}",
        part(from, start),
        part(start, end),
        part(end, to)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_is_marked_inside_its_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.txt"), "Title\nOne <two>. Three four.\nNext").expect("write");
        let html = paragraph(dir.path(), "a.txt", None, Some(17), Some(28))
            .expect("reads")
            .expect("found");
        assert_eq!(html, "One &lt;two&gt;. <mark>Three four.</mark>");
        assert_eq!(
            paragraph(dir.path(), "../a.txt", Some(0), None, None).expect("no error"),
            None
        );
    }
}
