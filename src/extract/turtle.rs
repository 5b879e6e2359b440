//! Writes an extraction as a draft article file in the style of the curated `data/articles/*.ttl`:
//! events as nodes with their attestations, facts as `bkg:Fact` nodes, proposed entities, and on
//! every extracted item `bkg:reviewStatus bkg:Candidate` with its `bkg:confidence`.

use std::fmt::Write as _;
use std::io::Write;

use super::error::Result;
use super::model::{
    Count, EntityRef, Event, Extraction, Fact, FactObject, KnownEntity, NewEntity, Span, Standing,
};
use super::slug::source_slug;
use super::vocab::{self, local_name};

const PREFIXES: &str = "@prefix bkg:  <https://w3id.org/borderkg/ontology#> .
@prefix id:   <https://w3id.org/borderkg/id/> .
@prefix ev:   <https://w3id.org/borderkg/id/event/> .
@prefix fact: <https://w3id.org/borderkg/id/fact/> .
@prefix src:  <https://w3id.org/borderkg/id/source/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
";

/// A Turtle string literal body.
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An IRI as a prefixed name when it is safe to, else in angle brackets.
fn iri(i: &str) -> String {
    for (ns, prefix) in [
        (vocab::EV, "ev:"),
        (vocab::FACT, "fact:"),
        (vocab::SRC, "src:"),
        (vocab::ID, "id:"),
        (vocab::BKG, "bkg:"),
    ] {
        if let Some(local) = i.strip_prefix(ns) {
            let safe = !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                && !local.ends_with('-')
                && !local.starts_with('-');
            if safe {
                return format!("{prefix}{local}");
            }
        }
    }
    let escaped: String = i
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '"' | ' ' | '{' | '}' | '|' | '\\' | '^' | '`'))
        .collect();
    format!("<{escaped}>")
}

fn attestation(
    src: &str,
    span: &Span,
    standing: Standing,
    claimant: Option<&EntityRef>,
    note: Option<&str>,
) -> String {
    let mut s = format!(
        "[ bkg:source {src} ; bkg:sentence {} ; bkg:charStart {} ; bkg:charEnd {} ; bkg:standing {}",
        span.sentence,
        span.char_start,
        span.char_end,
        iri(&standing.iri())
    );
    if let Some(c) = claimant {
        let _ = write!(s, " ; bkg:claimant {}", iri(&c.iri));
    }
    if let Some(n) = note {
        let _ = write!(s, " ; bkg:note {}", lit(n));
    }
    s.push_str(" ]");
    s
}

fn candidate(confidence: f32) -> String {
    format!(
        "bkg:reviewStatus bkg:Candidate ; bkg:confidence \"{:.2}\"^^xsd:decimal",
        confidence.clamp(0.0, 1.0)
    )
}

/// Words of a class's local name: `DroneStrike` → "drone strike".
pub fn class_words(class_iri: &str) -> String {
    let mut out = String::new();
    for (i, c) in local_name(class_iri).chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn names(refs: &[EntityRef]) -> String {
    refs.iter()
        .map(|r| r.label.as_str())
        .collect::<Vec<_>>()
        .join(" and ")
}

fn summary(e: &Event) -> (String, String) {
    let mut label = class_words(&e.class);
    if let Some(first) = label.get(..1) {
        label = first.to_uppercase() + label.get(1..).unwrap_or("");
    }
    if !e.agents.is_empty() {
        let _ = write!(label, " by {}", names(&e.agents));
    }
    if !e.targets.is_empty() {
        let word = match local_name(&e.class) {
            "Appeal" | "CallForRestraint" | "Warning" => "to",
            "Accusation" | "Criticism" | "Condemnation" | "ExpressionOfConcern" => "of",
            "Talks" | "Cooperation" | "Agreement" | "Clash" => "with",
            "Harbouring" => "sheltering",
            "Mistreatment" | "Denial" | "Claim" | "Visit" | "NonRecognition" => "concerning",
            _ => "against",
        };
        let _ = write!(label, " {word} {}", names(&e.targets));
    }
    if let Some(p) = &e.place {
        let _ = write!(label, " in {}", p.label);
    }
    let summary = format!(
        "Candidate {} read from sentence {} (trigger \"{}\"); to be reviewed.",
        class_words(&e.class),
        e.span.sentence,
        e.trigger
    );
    (label, summary)
}

fn casualty(src: &str, e: &Event, c: &Count, killed: bool) -> Option<String> {
    let victims = c.victims.as_ref()?;
    Some(format!(
        "[ a bkg:CasualtyFigure ; {} {} ; bkg:qualifier {} ; bkg:victimCategory {} ; bkg:note {} ;\n        bkg:attestedBy {} ]",
        if killed { "bkg:deaths" } else { "bkg:injured" },
        c.count,
        iri(&c.qualifier.iri()),
        iri(&victims.iri),
        lit(&format!("Words used: {}", c.text)),
        attestation(src, &e.span, e.standing, e.claimant.as_ref(), None)
    ))
}

fn date_literal(v: &str) -> String {
    let dt = match v.len() {
        10 => "date",
        7 => "gYearMonth",
        _ => "gYear",
    };
    format!("{}^^xsd:{dt}", lit(v))
}

fn event(src: &str, e: &Event) -> String {
    let (label, summary) = summary(e);
    let mut s = format!(
        "{} a {} ;\n    rdfs:label {}@en ;\n    bkg:summary {} ;\n",
        iri(&e.iri),
        iri(&e.class),
        lit(&label),
        lit(&summary)
    );
    let list = |refs: &[EntityRef]| refs.iter().map(|r| iri(&r.iri)).collect::<Vec<_>>().join(", ");
    if !e.agents.is_empty() {
        let _ = writeln!(s, "    bkg:agent {} ;", list(&e.agents));
    }
    if !e.targets.is_empty() {
        let role = if local_name(&e.class) == vocab::term::HARBOURING {
            "bkg:beneficiary"
        } else {
            "bkg:target"
        };
        let _ = writeln!(s, "    {role} {} ;", list(&e.targets));
    }
    if let Some(p) = &e.place {
        let _ = writeln!(s, "    bkg:place {} ;", iri(&p.iri));
    }
    if let Some(v) = &e.date.value {
        let _ = writeln!(s, "    bkg:date {} ;", date_literal(v));
    }
    let _ = writeln!(s, "    bkg:datePrecision {} ;", iri(&e.date.precision.iri()));
    if let Some(t) = &e.date.text {
        let _ = writeln!(s, "    bkg:dateText {} ;\n    bkg:dateRelativeTo {src} ;", lit(t));
    }
    if let Some(about) = &e.about {
        let prop = match local_name(&e.class) {
            "Denial" => "bkg:denies",
            "Accusation" | "Claim" => "bkg:asserts",
            _ => "bkg:about",
        };
        let _ = writeln!(s, "    {prop} {} ;", iri(about));
    }
    for (c, killed) in [(&e.killed, true), (&e.injured, false)] {
        if let Some(fig) = c.as_ref().and_then(|c| casualty(src, e, c, killed)) {
            let _ = writeln!(s, "    bkg:casualties {fig} ;");
        }
    }
    let note = (!e.metonyms.is_empty()).then(|| e.metonyms.join("; "));
    let _ = writeln!(
        s,
        "    {} ;\n    bkg:attestedBy {} .\n",
        candidate(e.confidence),
        attestation(src, &e.span, e.standing, e.claimant.as_ref(), note.as_deref())
    );
    s
}

fn fact(src: &str, f: &Fact) -> String {
    let att = attestation(src, &f.span, f.standing, f.claimant.as_ref(), None);
    match &f.object {
        FactObject::Entity(o) => format!(
            "{} a bkg:Fact ;\n    rdf:subject {} ; rdf:predicate {} ; rdf:object {} ;\n    {} ;\n    bkg:attestedBy {att} .\n\n",
            iri(&f.iri),
            iri(&f.subject.iri),
            iri(&f.predicate),
            iri(&o.iri),
            candidate(f.confidence)
        ),
        FactObject::Quantity { quantity, value, unit, qualifier } => {
            let v = if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", *value as i64) } else { format!("\"{value}\"^^xsd:decimal") };
            format!(
                "{} bkg:measurement [ a bkg:Measurement ; bkg:quantity {} ; bkg:value {v} ; bkg:unit {} ;\n        bkg:qualifier {} ; {} ;\n        bkg:attestedBy {att} ] .\n\n",
                iri(&f.subject.iri),
                lit(quantity),
                lit(unit),
                iri(&qualifier.iri()),
                candidate(f.confidence)
            )
        }
    }
}

fn entity(src: &str, n: &NewEntity) -> String {
    format!(
        "{} a {} ;\n    skos:prefLabel {}@en ;\n    {} ;\n    bkg:attestedBy {} .\n\n",
        iri(&n.iri),
        iri(&n.class),
        lit(&n.label),
        candidate(n.confidence),
        attestation(src, &n.span, Standing::Reported, None, None)
    )
}

/// A graph entity the article names, declared as the graph has it, with the sentence naming it;
/// building the draft beside the graph adds only that attestation.
fn known(src: &str, k: &KnownEntity) -> String {
    let classes: Vec<String> = k.classes.iter().map(|c| iri(c)).collect();
    let a = if classes.is_empty() {
        String::new()
    } else {
        format!(" a {} ;", classes.join(", "))
    };
    let separates: Vec<String> = k.separates.iter().map(|p| iri(p)).collect();
    let separates = if separates.is_empty() {
        String::new()
    } else {
        format!("\n    bkg:separates {} ;", separates.join(", "))
    };
    format!(
        "{}{a}\n    skos:prefLabel {}@en ;{separates}\n    bkg:attestedBy {} .\n\n",
        iri(&k.iri),
        lit(&k.label),
        attestation(src, &k.span, Standing::Reported, None, None)
    )
}

/// Writes `x` as a Turtle draft to `out`.
///
/// # Errors
/// [`super::Error::Io`] when writing fails.
pub fn write(x: &Extraction, mut out: impl Write) -> Result<()> {
    let m = &x.meta;
    let src = iri(&format!("{}{}", vocab::SRC, source_slug(&m.source_id)));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Draft extracted from source {}: every item below is an unreviewed candidate\n# (bkg:reviewStatus bkg:Candidate) with the extractor's confidence.\n",
        m.source_id
    );
    s.push_str(PREFIXES);
    // A source the graph already labels keeps its one label; a title given anyway is a note.
    let label = match (x.source_known, &m.title) {
        (false, t) => format!("rdfs:label {}@en", lit(t.as_deref().unwrap_or(&m.source_id))),
        (true, Some(t)) => format!("bkg:note {}", lit(&format!("Title given as {t}"))),
        (true, None) => String::new(),
    };
    let _ = write!(
        s,
        "\n{src} a bkg:Source ;\n    {}{}bkg:fileName {} ;\n    bkg:publicationDate {} ",
        label,
        if label.is_empty() { "" } else { " ;\n    " },
        lit(m.file_name.as_deref().unwrap_or(&m.source_id)),
        date_literal(&m.date.iso())
    );
    if let Some(p) = &x.publisher {
        let _ = write!(s, ";\n    bkg:publisher {} ", iri(&p.iri));
    } else if let Some(p) = &m.publisher {
        let _ = write!(s, ";\n    bkg:note {} ", lit(&format!("Publisher given as {p}")));
    }
    s.push_str(".\n\n");
    if !x.mentioned.is_empty() {
        s.push_str("#################################################################\n# Actors and places the graph already has, as it names them\n#################################################################\n\n");
        for k in &x.mentioned {
            s.push_str(&known(&src, k));
        }
    }
    if !x.new_entities.is_empty() {
        s.push_str("#################################################################\n# Proposed actors and places\n#################################################################\n\n");
        for n in &x.new_entities {
            s.push_str(&entity(&src, n));
        }
    }
    if !x.events.is_empty() {
        s.push_str("#################################################################\n# Events\n#################################################################\n\n");
        for e in &x.events {
            s.push_str(&event(&src, e));
        }
    }
    if !x.facts.is_empty() {
        s.push_str("#################################################################\n# Facts\n#################################################################\n\n");
        for f in &x.facts {
            s.push_str(&fact(&src, f));
        }
    }
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ontology_defines_the_candidate_terms() {
        let ttl = include_str!("../../ontology/borderkg.ttl");
        for term in [
            "bkg:Candidate a bkg:ReviewStatus",
            "bkg:reviewStatus a owl:ObjectProperty",
            "bkg:confidence a owl:DatatypeProperty",
        ] {
            assert!(ttl.contains(term), "{term}");
        }
    }

    fn draft(source_known: bool, mentioned: Vec<KnownEntity>) -> String {
        let meta = crate::extract::ArticleMeta::new(
            "009_x",
            crate::extract::Date::parse("2025-12-01").unwrap_or_else(|_| unreachable!()),
        );
        let x = Extraction {
            meta,
            events: Vec::new(),
            facts: Vec::new(),
            new_entities: Vec::new(),
            unmatched: Vec::new(),
            sentences: 1,
            skipped: Vec::new(),
            publisher: None,
            mentioned,
            source_known,
        };
        let mut out = Vec::new();
        write(&x, &mut out).unwrap_or_else(|_| unreachable!());
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn a_source_the_graph_labels_is_not_labelled_again() {
        assert!(draft(false, Vec::new()).contains("rdfs:label \"009_x\"@en"));
        let known = draft(true, Vec::new());
        assert!(!known.contains("rdfs:label"), "{known}");
        assert!(known.contains("bkg:fileName"), "{known}");
    }

    #[test]
    fn graph_entities_named_are_declared_with_their_classes_and_a_borders_sides() {
        let border = KnownEntity {
            iri: "https://w3id.org/borderkg/id/durand-line".into(),
            label: "Durand Line".into(),
            classes: vec!["https://w3id.org/borderkg/ontology#Border".into()],
            separates: vec![
                "https://w3id.org/borderkg/id/afghanistan".into(),
                "https://w3id.org/borderkg/id/pakistan".into(),
            ],
            span: Span {
                sentence: 0,
                char_start: 0,
                char_end: 10,
            },
        };
        let t = draft(true, vec![border]);
        assert!(t.contains("id:durand-line a bkg:Border ;"), "{t}");
        assert!(t.contains("bkg:separates id:afghanistan, id:pakistan ;"), "{t}");
        assert!(t.contains("bkg:sentence 0"), "{t}");
    }

    #[test]
    fn iris_fall_back_to_angle_brackets() {
        assert_eq!(iri("https://w3id.org/borderkg/id/tajikistan"), "id:tajikistan");
        assert_eq!(
            iri("https://w3id.org/borderkg/id/a.b"),
            "<https://w3id.org/borderkg/id/a.b>"
        );
        assert_eq!(lit("a \"b\"\n"), "\"a \\\"b\\\"\\n\"");
    }
}
