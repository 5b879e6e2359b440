//! Derives a first draft of the gold standard from the curated article files: for every event
//! attested in an article, its class, agents, targets, place, date, deaths and sentence indices.
//! The draft is then reviewed by hand (see tests/extract-gold/README.md); no article text is read
//! into it except to find headline sentences.
//! Usage: `cargo run --example derive_gold -- <borderkg-dir> <seeds-dir> <out-dir>`

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use oxrdf::{NamedOrBlankNode, Term};
use oxttl::TurtleParser;
use serde_json::json;

const BKG: &str = "https://w3id.org/borderkg/ontology#";

/// Publication dates used for scoring (the seed files do not give them; chosen from their contents).
const DATES: [(&str, &str); 5] = [
    ("000_a734028616c7b0b9", "2025-12-01"),
    ("001_c4fba955e0c800b1", "2025-12-05"),
    ("002_ce4f7711c776f642", "2026-01-25"),
    ("003_d6679de3fa4b726c", "2025-10-12"),
    ("004_b04d5e9867734368", "2017-05-10"),
];

/// Event classes the extractor is asked to find (the list); others are left out of scoring.
const SCOPE: [&str; 29] = [
    "Attack",
    "ArmedAttack",
    "DroneStrike",
    "AirStrike",
    "Clash",
    "SecurityOperation",
    "Incursion",
    "Capture",
    "TakeoverOfPower",
    "Offensive",
    "Retreat",
    "Closure",
    "Deployment",
    "Condemnation",
    "Accusation",
    "Denial",
    "Appeal",
    "CallForRestraint",
    "Warning",
    "Criticism",
    "Claim",
    "ExpressionOfConcern",
    "Harbouring",
    "Mistreatment",
    "Talks",
    "Cooperation",
    "Visit",
    "Agreement",
    "NonRecognition",
];

/// Hand review: curated events left out of the gold, with the reason.
const REVIEW: [(&str, &str); 2] = [
    (
        "pakistan-tajikistan-exploratory-military-talks",
        "talks contemplated or exploratory, not held: not a past event",
    ),
    (
        "afghan-security-personnel-guard-kabul",
        "read from a photo caption",
    ),
];

/// Events an article's curated file links to a sentence that does not state them (the link comes
/// from what other articles say): (source, event, why). Left out of that article's gold.
const NOT_STATED: [(&str, &str, &str); 2] = [
    (
        "002_ce4f7711c776f642",
        "gunfire-attack-on-chinese-construction-workers",
        "the article says only 'two separate attacks' on Chinese nationals (scored as attacks-on-chinese-workers); gunfire and construction workers come from another article",
    ),
    (
        "002_ce4f7711c776f642",
        "khatlon-drone-strike-on-shohin-sm-camp",
        "the article says only 'two separate attacks' on Chinese nationals (scored as attacks-on-chinese-workers); the drone and the company come from another article",
    ),
];

/// Targets the curated data gives an event that are not its parties in the text: (event, target).
/// A clash's own side listed as a participant, a talk's subject listed as a party.
const NOT_PARTIES: [(&str, &str); 2] = [
    ("pakistan-taliban-border-clashes", "pakistani-security-forces"),
    ("pakistan-tajikistan-consultations-in-dushanbe", "iskp"),
];

fn key(n: &NamedOrBlankNode) -> String {
    match n {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        _ => String::new(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, seeds, out] = args.as_slice() else {
        return Err("usage: derive_gold <borderkg-dir> <seeds-dir> <out-dir>".into());
    };
    let mut po: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for dir in ["data", "data/articles"] {
        for e in std::fs::read_dir(Path::new(root).join(dir))? {
            let p = e?.path();
            if p.extension().is_none_or(|x| x != "ttl") {
                continue;
            }
            let text = std::fs::read_to_string(&p)?;
            for t in TurtleParser::new().for_slice(text.as_bytes()) {
                let t = t?;
                po.entry(key(&t.subject))
                    .or_default()
                    .push((t.predicate.as_str().to_owned(), term(&t.object)));
            }
        }
    }
    let get = |s: &str, p: &str| -> Vec<String> {
        po.get(s)
            .into_iter()
            .flatten()
            .filter(|(pp, _)| pp == &format!("{BKG}{p}"))
            .map(|(_, o)| o.clone())
            .collect()
    };
    let lex = borderkg::extract::Lexicon::from_files(borderkg::extract::lexicon::embedded())?;
    for (source, date) in DATES {
        let seed = std::fs::read_to_string(Path::new(seeds).join(format!("{source}.txt")))?;
        let sentences = borderkg::sources::segment(&seed);
        let skipped: BTreeSet<usize> = borderkg::extract::furniture::skipped(&seed, &sentences, &lex)
            .into_iter()
            .collect();
        let mut events = Vec::new();
        let mut excluded = Vec::new();
        for (s, props) in &po {
            if !s.starts_with("https://w3id.org/borderkg/id/event/") {
                continue;
            }
            let Some(class) = props
                .iter()
                .find(|(p, _)| p.ends_with("#type"))
                .map(|(_, o)| o.trim_start_matches(BKG).to_owned())
            else {
                continue;
            };
            let mut sents: BTreeSet<u64> = BTreeSet::new();
            for att in get(s, "attestedBy") {
                if get(&att, "source").iter().any(|x| x.ends_with(source)) {
                    sents.extend(get(&att, "sentence").iter().filter_map(|x| x.parse::<u64>().ok()));
                }
            }
            let body: Vec<u64> = sents
                .iter()
                .copied()
                .filter(|i| !skipped.contains(&(*i as usize)))
                .collect();
            if sents.is_empty() {
                continue;
            }
            let short = |v: Vec<String>| {
                v.into_iter()
                    .map(|x| x.rsplit('/').next().unwrap_or("").to_owned())
                    .collect::<Vec<_>>()
            };
            if !SCOPE.contains(&class.as_str()) {
                excluded.push(json!({"iri": s.rsplit('/').next(), "class": class, "reason": "class outside the extractor's scope"}));
                continue;
            }
            let local = s.rsplit('/').next().unwrap_or("");
            if let Some((_, why)) = REVIEW.iter().find(|(iri, _)| *iri == local) {
                excluded.push(json!({"iri": local, "class": class, "reason": why}));
                continue;
            }
            if let Some((_, _, why)) = NOT_STATED
                .iter()
                .find(|(src, iri, _)| **src == *source && *iri == local)
            {
                excluded.push(json!({"iri": local, "class": class, "reason": why}));
                continue;
            }
            if body.is_empty() {
                excluded.push(json!({"iri": s.rsplit('/').next(), "class": class, "reason": "attested only in a headline or page furniture"}));
                continue;
            }
            let mut targets = short(get(s, "target"));
            targets.extend(short(get(s, "beneficiary")));
            targets.extend(short(get(s, "participant")));
            targets.retain(|t| !NOT_PARTIES.contains(&(local, t.as_str())));
            let deaths: Vec<u64> = get(s, "casualties")
                .iter()
                .flat_map(|c| get(c, "deaths"))
                .filter_map(|d| d.parse().ok())
                .collect();
            // The sentences that state the death toll (the figure's own attestations in this article).
            let killed_sentences: BTreeSet<u64> = get(s, "casualties")
                .iter()
                .filter(|c| !get(c, "deaths").is_empty())
                .flat_map(|c| get(c, "attestedBy"))
                .filter(|att| get(att, "source").iter().any(|x| x.ends_with(source)))
                .flat_map(|att| get(&att, "sentence"))
                .filter_map(|x| x.parse::<u64>().ok())
                .filter(|i| !skipped.contains(&(*i as usize)))
                .collect();
            events.push(json!({
                "iri": s.rsplit('/').next(),
                "class": class,
                "agents": short(get(s, "agent")),
                "targets": targets,
                "place": short(get(s, "place")).into_iter().next(),
                "date": get(s, "date").into_iter().next(),
                "killed": deaths.into_iter().max(),
                "killed_sentences": killed_sentences,
                "sentences": body,
            }));
        }
        let doc = json!({"source": source, "date": date, "events": events, "excluded": excluded});
        std::fs::write(
            Path::new(out).join(format!("{source}.json")),
            serde_json::to_string_pretty(&doc)? + "\n",
        )?;
    }
    Ok(())
}
