//! Renders the unmatched-names report (`--report-unmatched`) as TSV, for a spreadsheet or for
//! turning rows into alias lines of `lexicon/datasets/*.tsv`.

use std::io::{self, Write};

use super::places::PlaceLevel;
use super::reconcile::{NameKind, Unmatched};

/// The kind column: `actor`, `country`, `province`, `district`, `admin3`, `location`, `event-type`.
pub fn kind_name(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Actor => "actor",
        NameKind::Country => "country",
        NameKind::Place(PlaceLevel::Admin1) => "province",
        NameKind::Place(PlaceLevel::Admin2) => "district",
        NameKind::Place(PlaceLevel::Admin3) => "admin3",
        NameKind::Place(PlaceLevel::Location) => "location",
        NameKind::EventType => "event-type",
    }
}

/// Writes `dataset, kind, name, rows, minted IRI` with a header line, one name per line, tabs and
/// line breaks inside names replaced by spaces.
///
/// # Errors
/// Any write error of `out`.
pub fn write_unmatched_tsv(unmatched: &[Unmatched], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "dataset\tkind\tname\trows\tiri")?;
    for u in unmatched {
        let name: String = u
            .name
            .chars()
            .map(|c| {
                if c == '\t' || c == '\n' || c == '\r' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        writeln!(
            out,
            "{}\t{}\t{name}\t{}\t{}",
            u.dataset.slug(),
            kind_name(u.kind),
            u.count,
            u.iri.as_str()
        )?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Dataset;
    use oxrdf::NamedNode;

    #[test]
    fn tsv() {
        let rows = [Unmatched {
            dataset: Dataset::Acled,
            kind: NameKind::Place(PlaceLevel::Admin1),
            name: "Khyber\tPakhtunkhwa (Pakistan)".into(),
            count: 3,
            iri: NamedNode::new_unchecked(
                "https://w3id.org/borderkg/id/province-pakistan-khyber-pakhtunkhwa",
            ),
        }];
        let mut out = Vec::new();
        write_unmatched_tsv(&rows, &mut out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            String::from_utf8_lossy(&out),
            "dataset\tkind\tname\trows\tiri\nacled\tprovince\tKhyber Pakhtunkhwa (Pakistan)\t3\t\
             https://w3id.org/borderkg/id/province-pakistan-khyber-pakhtunkhwa\n"
        );
    }
}
