//! Turtle for people: only the prefixes that are used, in a fixed order; one block per subject with
//! `a` first, predicates with `;` and objects with `,`; and the skolemized nodes that hang off a
//! single parent (attestations, figures) written inline as `[ … ]` under that parent. Building from
//! this Turtle gives the same IRIs back, because skolem IRIs are derived from node content.
//!
//! oxttl's serializer writes valid Turtle but has no nesting or ordering control, hence this writer.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Write};

use oxigraph::model::{Literal, NamedOrBlankNode, Term, Triple};

use super::used;
use crate::vocab::{compact, rdf, GENID, PREFIXES};

const INDENT: &str = "    ";

/// Writes `triples` (sorted by subject, `rdf:type` first) as readable Turtle.
///
/// # Errors
/// A failed write.
pub fn write_turtle(triples: &[Triple], out: &mut impl Write) -> io::Result<()> {
    let mut by_subject: BTreeMap<String, Vec<&Triple>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for t in triples {
        let key = subject_key(&t.subject);
        if !by_subject.contains_key(&key) {
            order.push(key.clone());
        }
        by_subject.entry(key).or_default().push(t);
    }
    let mut references: HashMap<String, usize> = HashMap::new();
    for t in triples {
        if let Term::NamedNode(n) = &t.object {
            *references.entry(n.as_str().to_owned()).or_default() += 1;
        }
    }
    let inline: HashSet<String> = order
        .iter()
        .filter(|s| s.starts_with(GENID) && references.get(*s) == Some(&1))
        .cloned()
        .collect();

    // Skolem IRIs written inline as `[ … ]` need no prefix.
    let named_skolem = |iri: &str| iri.starts_with(GENID) && !inline.contains(iri);
    let skolem_prefix_used = order.iter().any(|s| named_skolem(s))
        || triples
            .iter()
            .any(|t| matches!(&t.object, Term::NamedNode(n) if named_skolem(n.as_str())));
    let mut wrote_prefix = false;
    for (prefix, ns) in PREFIXES {
        if used(triples, ns) && (*ns != GENID || skolem_prefix_used) {
            writeln!(out, "@prefix {prefix}: <{ns}> .")?;
            wrote_prefix = true;
        }
    }
    let writer = Writer {
        by_subject: &by_subject,
        inline: &inline,
    };
    for subject in &order {
        if inline.contains(subject) {
            continue;
        }
        if wrote_prefix {
            writeln!(out)?;
        }
        wrote_prefix = true;
        write!(out, "{}", iri(subject))?;
        writer.write_body(subject, 1, &mut HashSet::new(), out)?;
        writeln!(out, " .")?;
    }
    out.flush()
}

struct Writer<'a> {
    by_subject: &'a BTreeMap<String, Vec<&'a Triple>>,
    inline: &'a HashSet<String>,
}

impl Writer<'_> {
    /// Writes the predicate-object list of `subject`, starting on the same line as the subject.
    fn write_body(
        &self,
        subject: &str,
        depth: usize,
        visiting: &mut HashSet<String>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        visiting.insert(subject.to_owned());
        let triples = self
            .by_subject
            .get(subject)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut predicates: Vec<(String, Vec<&Term>)> = Vec::new();
        for t in triples {
            let p = if t.predicate.as_ref() == rdf::TYPE {
                "a".to_owned()
            } else {
                iri(t.predicate.as_str())
            };
            match predicates.last_mut() {
                Some((last, objects)) if *last == p => objects.push(&t.object),
                _ => predicates.push((p, vec![&t.object])),
            }
        }
        let pad = INDENT.repeat(depth);
        for (i, (predicate, objects)) in predicates.iter().enumerate() {
            if i == 0 {
                write!(out, " {predicate} ")?;
            } else {
                write!(out, " ;\n{pad}{predicate} ")?;
            }
            for (j, object) in objects.iter().enumerate() {
                if j > 0 {
                    write!(out, " , ")?;
                }
                match object {
                    Term::NamedNode(n)
                        if self.inline.contains(n.as_str()) && !visiting.contains(n.as_str()) =>
                    {
                        write!(out, "[")?;
                        self.write_body(n.as_str(), depth + 1, visiting, out)?;
                        write!(out, "\n{pad}]")?;
                    }
                    other => write!(out, "{}", term(other))?,
                }
            }
        }
        visiting.remove(subject);
        Ok(())
    }
}

fn subject_key(subject: &NamedOrBlankNode) -> String {
    match subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn iri(iri: &str) -> String {
    if iri.starts_with("_:") {
        iri.to_owned()
    } else {
        compact(iri)
    }
}

fn term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::Literal(l) => literal(l),
        other => other.to_string(),
    }
}

/// A literal in the shortest Turtle form that parses back to the same literal.
fn literal(l: &Literal) -> String {
    let datatype = l.datatype().as_str();
    let value = l.value();
    let is_integer = |v: &str| {
        let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    let is_decimal = |v: &str| {
        let body = v.strip_prefix(['+', '-']).unwrap_or(v);
        body.split_once('.').is_some_and(|(a, b)| {
            a.chars().all(|c| c.is_ascii_digit()) && !b.is_empty() && b.chars().all(|c| c.is_ascii_digit())
        })
    };
    match datatype {
        "http://www.w3.org/2001/XMLSchema#integer" if is_integer(value) => value.to_owned(),
        "http://www.w3.org/2001/XMLSchema#decimal" if is_decimal(value) => value.to_owned(),
        "http://www.w3.org/2001/XMLSchema#boolean" if matches!(value, "true" | "false") => value.to_owned(),
        _ => {
            // Built from the parts, never by cutting the literal's printed form: a value may itself
            // contain `^^<` or `@`.
            let quoted = Literal::new_simple_literal(value).to_string();
            match l.language() {
                Some(language) => format!("{quoted}@{language}"),
                None if datatype == "http://www.w3.org/2001/XMLSchema#string" => quoted,
                None => format!("{quoted}^^{}", compact(datatype)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::turtle_for_tests as parse;

    fn round_trip(ttl: &str) -> (String, Vec<String>, Vec<String>) {
        let mut triples = crate::ingest::skolemize(parse(ttl));
        crate::export::sort_triples(&mut triples);
        let mut out = Vec::new();
        write_turtle(&triples, &mut out).expect("write");
        let text = String::from_utf8(out).expect("utf8");
        let mut again = crate::ingest::skolemize(parse(&text));
        crate::export::sort_triples(&mut again);
        let show = |v: &[Triple]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
        (text, show(&triples), show(&again))
    }

    #[test]
    fn literals_that_look_like_typed_literals_round_trip() {
        let ttl = r#"@prefix ex: <http://e/> .
ex:a ex:p "x^^<http://e/y>" , "say \"hi\"^^<z>"@en , "a@b" , "line\nbreak" , "ünï ^^ @" , "7"^^<http://e/t> ."#;
        let (_, before, after) = round_trip(ttl);
        assert_eq!(before, after);
    }

    #[test]
    fn nested_nodes_are_inlined_and_come_back_identical() {
        let (text, before, after) = round_trip(
            "@prefix bkg: <https://w3id.org/borderkg/ontology#> . @prefix ev: <https://w3id.org/borderkg/id/event/> .
             ev:a a bkg:Attack ; bkg:casualties [ bkg:deaths 3 ; bkg:attestedBy [ bkg:sentence 1 ] ] ;
                  bkg:attestedBy [ bkg:sentence 1 ] , [ bkg:sentence 2 ; bkg:note \"say \\\"hi\\\"\" ] .",
        );
        assert_eq!(before, after, "{text}");
        assert!(text.contains("ev:a a bkg:Attack ;"), "{text}");
        assert!(text.contains("bkg:deaths 3"), "{text}");
        assert!(text.contains('['), "{text}");
        assert!(!text.contains("@prefix owl:"), "only used prefixes: {text}");
    }

    #[test]
    fn shared_nodes_stay_named() {
        let (text, before, after) = round_trip(
            "@prefix ex: <http://example.org/> .
             ex:a ex:p _:shared . ex:b ex:p _:shared . _:shared ex:q 1 .",
        );
        assert_eq!(before, after, "{text}");
        assert!(text.contains("genid:"), "{text}");
    }

    #[test]
    fn literals_keep_their_datatypes() {
        let (text, before, after) = round_trip(
            "@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
             ex:a ex:p \"--11-26\"^^xsd:gMonthDay , 0.25 , \"007\"^^xsd:integer , \"x\"@en , true .",
        );
        assert_eq!(before, after, "{text}");
        assert!(text.contains("\"--11-26\"^^xsd:gMonthDay"), "{text}");
        assert!(text.contains("0.25"), "{text}");
    }
}
