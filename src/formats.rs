//! Names for the library's choices (output formats, weightings, colourings): the words a user may
//! type for each and, for file formats, the extensions that imply them, so that the command line can
//! parse a flag, infer a format from `-o FILE`, and refuse a flag that contradicts the file name,
//! without the library depending on the argument parser.

use std::path::Path;

/// A choice known by names (the first one of each value is its canonical name) and, for file
/// formats, by file extensions.
pub trait Named: Copy + PartialEq + Sized + 'static {
    /// Every accepted name, canonical first for each value.
    const NAMES: &'static [(&'static str, Self)];
    /// File extensions (lower case, no dot) that imply a value.
    const EXTENSIONS: &'static [(&'static str, Self)] = &[];

    /// The canonical name.
    fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("?", |(n, _)| n)
    }
}

/// Parses `text` as one of `F`'s names, case-insensitively.
///
/// # Errors
/// A message listing the accepted names.
pub fn parse<F: Named>(text: &str) -> Result<F, String> {
    let wanted = text.trim().to_ascii_lowercase();
    F::NAMES
        .iter()
        .find(|(n, _)| *n == wanted)
        .map(|(_, v)| *v)
        .ok_or_else(|| format!("`{text}` is not one of: {}", canonical_names::<F>().join(", ")))
}

/// The canonical names of `F`, in order.
pub fn canonical_names<F: Named>() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut seen: Vec<F> = Vec::new();
    for (n, v) in F::NAMES {
        if !seen.contains(v) {
            seen.push(*v);
            out.push(n);
        }
    }
    out
}

/// The value implied by `path`'s extension, when it has a known one.
pub fn from_extension<F: Named>(path: &Path) -> Option<F> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    F::EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|(_, v)| *v)
}

/// The format to write: the one given by the flag, else the one `output`'s extension implies, else
/// `default`.
///
/// # Errors
/// A message when the flag contradicts the extension.
pub fn choose<F: Named>(given: Option<F>, output: Option<&Path>, default: F) -> Result<F, String> {
    let implied = output.and_then(from_extension::<F>);
    match (given, implied) {
        (Some(g), Some(i)) if g != i => Err(format!(
            "--format {} contradicts the file name {} (which means {}): drop --format or change the extension",
            g.name(),
            output.map(|p| p.display().to_string()).unwrap_or_default(),
            i.name()
        )),
        (Some(g), _) => Ok(g),
        (None, Some(i)) => Ok(i),
        (None, None) => Ok(default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Fmt {
        Turtle,
        NTriples,
    }

    impl Named for Fmt {
        const NAMES: &'static [(&'static str, Self)] = &[
            ("turtle", Self::Turtle),
            ("ttl", Self::Turtle),
            ("ntriples", Self::NTriples),
            ("nt", Self::NTriples),
        ];
        const EXTENSIONS: &'static [(&'static str, Self)] = &[("ttl", Self::Turtle), ("nt", Self::NTriples)];
    }

    #[test]
    fn names_extensions_and_contradictions() {
        assert_eq!(parse::<Fmt>("TTL"), Ok(Fmt::Turtle));
        assert!(parse::<Fmt>("xml")
            .expect_err("unknown")
            .contains("turtle, ntriples"));
        assert_eq!(
            choose(None, Some(Path::new("kg.nt")), Fmt::Turtle),
            Ok(Fmt::NTriples)
        );
        assert_eq!(
            choose(None, Some(Path::new("kg.txt")), Fmt::Turtle),
            Ok(Fmt::Turtle)
        );
        assert_eq!(
            choose(Some(Fmt::Turtle), Some(Path::new("x.TTL")), Fmt::NTriples),
            Ok(Fmt::Turtle)
        );
        assert!(choose(Some(Fmt::Turtle), Some(Path::new("kg.nt")), Fmt::Turtle).is_err());
    }
}
