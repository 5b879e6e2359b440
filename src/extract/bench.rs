//! Builds a benchmark corpus by recombining the sentences of the seed articles with other names
//! and numbers, read at run time so that no generated text is ever committed.

use std::path::Path;

use super::error::Result;

/// Names and numbers swapped into the seed sentences, so the corpus is not the seeds themselves.
const SWAPS: [(&str, &[&str]); 6] = [
    (
        "Tajikistan",
        &["Uzbekistan", "Turkmenistan", "Kyrgyzstan", "Tajikistan"],
    ),
    ("Pakistan", &["Iran", "India", "Pakistan"]),
    ("Taliban", &["TTP", "ISKP", "Taliban"]),
    ("Khatlon", &["Kurram", "Badakhshan", "Khatlon"]),
    ("three", &["four", "seven", "three", "a dozen"]),
    ("two", &["five", "several", "two"]),
];

/// Reads every `*.txt` in `seeds_dir` and returns `n` articles made of its sentences, shuffled
/// and with names and numbers swapped, deterministically (the same `n` gives the same corpus).
///
/// # Errors
/// [`super::Error::Io`] when the folder or a file cannot be read.
pub fn corpus(seeds_dir: &Path, n: usize) -> Result<Vec<String>> {
    let mut paths: Vec<_> = std::fs::read_dir(seeds_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut sentences = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p)?;
        sentences.extend(crate::sources::segment(&text).into_iter().map(|s| s.text));
    }
    if sentences.is_empty() {
        return Ok(Vec::new());
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: a fixed, dependency-free generator.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut article = String::new();
        for _ in 0..20 {
            let idx = usize::try_from(next() % sentences.len() as u64).unwrap_or(0);
            let mut s = sentences[idx].clone();
            for (from, tos) in SWAPS {
                let pick = usize::try_from(next() % tos.len() as u64).unwrap_or(0);
                s = s.replace(from, tos[pick]);
            }
            article.push_str(&s);
            article.push('\n');
        }
        out.push(article);
    }
    Ok(out)
}
