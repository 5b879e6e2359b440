//! Checks every attestation against the article it cites: the article's text must be the one the
//! data was made from (its SHA-256, where the source records one), the sentence index must exist
//! and the character offsets must be that sentence's.

use std::collections::BTreeMap;
use std::path::Path;

use oxigraph::model::Term;
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::query::select;
use crate::sources::{read_article, Article};
use crate::vocab::compact;

const ATTESTATIONS: &str = "SELECT ?owner ?file ?i ?s ?e WHERE {
  ?owner bkg:attestedBy ?a .
  ?a bkg:source ?src ; bkg:sentence ?i ; bkg:charStart ?s ; bkg:charEnd ?e .
  ?src bkg:fileName ?file .
}";

const HASHES: &str = "SELECT ?file ?hash WHERE { ?src bkg:fileName ?file ; bkg:contentSha256 ?hash }";

/// Compares each source file's SHA-256 with the one its source node records.
fn check_hashes(store: &Store, sources_dir: &Path, problems: &mut Vec<String>) -> Result<()> {
    for row in select(store, "provenance check", HASHES, &[])? {
        let (Some(Term::Literal(file)), Some(Term::Literal(hash))) = (row.get("file"), row.get("hash"))
        else {
            continue;
        };
        let path = sources_dir.join(file.value());
        let Ok(bytes) = std::fs::read(&path) else {
            continue; // reported as a missing article by the offset check
        };
        let actual = sha256_hex(&bytes);
        if !actual.eq_ignore_ascii_case(hash.value()) {
            problems.push(format!(
                "{}: its text is not the text the data was made from (SHA-256 {actual}, the data records {}); \
                 the cited offsets cannot be trusted: restore the original file",
                path.display(),
                hash.value()
            ));
        }
    }
    Ok(())
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares the attestations in `store` with the articles in `sources_dir`.
///
/// # Errors
/// [`Error::Provenance`] listing every mismatch, or an I/O error for a missing article.
pub fn check(store: &Store, sources_dir: &Path) -> Result<()> {
    let rows = select(store, "provenance check", ATTESTATIONS, &[])?;
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
    let mut problems = Vec::new();
    check_hashes(store, sources_dir, &mut problems)?;
    for row in rows {
        let text = |v: &str| match row.get(v) {
            Some(Term::Literal(l)) => l.value().to_owned(),
            Some(Term::NamedNode(n)) => compact(n.as_str()),
            Some(t) => t.to_string(),
            None => String::new(),
        };
        let num = |v: &str| text(v).parse::<usize>().ok();
        let file = text("file");
        if !articles.contains_key(&file) {
            articles.insert(file.clone(), read_article(sources_dir, &file)?);
        }
        let Some(article) = articles.get(&file) else {
            continue;
        };
        let owner = text("owner");
        match (num("i"), num("s"), num("e")) {
            (Some(i), Some(s), Some(e)) => match article.sentences.get(i) {
                None => problems.push(format!(
                    "{owner}: {file} has {} sentences, no sentence {i}",
                    article.sentences.len()
                )),
                Some(sentence) if (sentence.start, sentence.end) != (s, e) => problems.push(format!(
                    "{owner}: {file} sentence {i} spans characters {}..{}, the attestation says {s}..{e} (run `borderkg sentences {file}` to see the table)",
                    sentence.start, sentence.end
                )),
                Some(_) => {}
            },
            _ => problems.push(format!("{owner}: attestation in {file} has a non-numeric sentence or offset")),
        }
    }
    problems.sort();
    problems.dedup();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Provenance(problems))
    }
}
