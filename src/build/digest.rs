//! 128-bit digests of RDF terms and triples: what the build remembers of what it has already seen
//! when the things themselves would not fit in memory at scale. Two distinct terms share a digest
//! with odds far below those of a hardware fault.

use std::hash::{DefaultHasher, Hash, Hasher};

use oxigraph::model::{TermRef, TripleRef};

/// A digest; see the module documentation.
pub type Digest = u128;

/// The digest of one term.
pub fn term(term: TermRef<'_>) -> Digest {
    digest(|hasher| hash_term(term, hasher))
}

/// The digest of one triple.
pub fn triple(triple: TripleRef<'_>) -> Digest {
    digest(|hasher| {
        hash_term(triple.subject.into(), hasher);
        hash_term(triple.predicate.into(), hasher);
        hash_term(triple.object, hasher);
    })
}

/// Two independent 64-bit SipHashes (told apart by a leading salt) of what `feed` writes.
fn digest(feed: impl Fn(&mut DefaultHasher)) -> Digest {
    let half = |salt: u8| {
        let mut hasher = DefaultHasher::new();
        salt.hash(&mut hasher);
        feed(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Hashes a term's kind and text, so that an IRI and a literal with the same text differ.
fn hash_term(term: TermRef<'_>, hasher: &mut DefaultHasher) {
    match term {
        TermRef::NamedNode(n) => (0u8, n.as_str()).hash(hasher),
        TermRef::BlankNode(b) => (1u8, b.as_str()).hash(hasher),
        TermRef::Literal(l) => (2u8, l.value(), l.datatype().as_str(), l.language()).hash(hasher),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{LiteralRef, NamedNodeRef};

    #[test]
    fn an_iri_and_a_literal_with_the_same_text_differ() {
        let text = "http://e/a";
        let iri = term(NamedNodeRef::new_unchecked(text).into());
        let literal = term(LiteralRef::new_simple_literal(text).into());
        assert_ne!(iri, literal);
        assert_eq!(iri, term(NamedNodeRef::new_unchecked(text).into()));
    }

    #[test]
    fn triples_that_differ_only_in_where_a_text_falls_differ() {
        let n = |s: &'static str| NamedNodeRef::new_unchecked(s);
        let a = triple(TripleRef::new(n("http://e/ab"), n("http://e/c"), n("http://e/d")));
        let b = triple(TripleRef::new(n("http://e/a"), n("http://e/bc"), n("http://e/d")));
        assert_ne!(a, b);
    }
}
