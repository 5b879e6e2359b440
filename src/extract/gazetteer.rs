//! The actor and place dictionary, built from the graph's own Turtle: every entity's labels with its
//! classes, the roles it holds over time and the capitals that stand for governments. One
//! Aho-Corasick automaton matches all names at once, leftmost-longest.

use std::collections::{BTreeSet, HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};
use oxrdf::{NamedOrBlankNode as Subject, Term};
use oxttl::TurtleParser;

use super::date::Date;
use super::error::{Error, Result};
use super::model::EntityRef;
use super::text::{is_word_char, Prepared};
use super::vocab::{self, local_name};

/// An actor or place of the graph.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Full IRI.
    pub iri: String,
    /// Preferred label (or the first label seen).
    pub label: String,
    /// Local names of its classes.
    pub classes: Vec<String>,
    /// Full IRIs of its classes.
    pub class_iris: Vec<String>,
    /// For a border, the places it separates (`bkg:separates`), which the graph requires of one.
    pub separates: Vec<String>,
    /// It is a place.
    pub is_place: bool,
    /// It is an actor.
    pub is_actor: bool,
    /// Source ids that attest it.
    pub sources: BTreeSet<String>,
}

impl Entity {
    /// The reference used in extractions.
    pub fn to_ref(&self) -> EntityRef {
        EntityRef {
            iri: self.iri.clone(),
            label: self.label.clone(),
        }
    }

    /// True when one of its classes has this local name.
    pub fn is(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c == class)
    }
}

/// What a matched name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    /// Entity index.
    pub entity: usize,
    /// The name is a metonym (a capital standing for a government).
    pub metonym: bool,
    /// Match only with this exact case (acronyms such as "US").
    exact_case: bool,
    /// Match only when capitalised in the text.
    proper: bool,
}

/// A name found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte range in the prepared sentence.
    pub bytes: (usize, usize),
    /// The name.
    pub name: Name,
}

/// A role an actor holds for a period.
#[derive(Debug, Clone)]
struct Role {
    entity: usize,
    role: String,
    from: Option<Date>,
    until: Option<Date>,
}

/// The dictionary of actors and places.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_iri: HashMap<String, usize>,
    by_label: HashMap<String, usize>,
    keys: Vec<String>,
    key_index: HashMap<String, usize>,
    names: Vec<Vec<Name>>,
    automaton: Option<AhoCorasick>,
    roles: Vec<Role>,
    capital_of: HashMap<usize, usize>,
    metonyms: HashMap<usize, Vec<String>>,
    /// Sources the graph describes with a label.
    labelled_sources: HashSet<String>,
}

/// Classes that are places or actors when the ontology is not among the documents.
const PLACE_CLASSES: [&str; 14] = [
    "Place",
    "State",
    "Region",
    "Province",
    "District",
    "Settlement",
    "Village",
    "Town",
    "City",
    "River",
    "Border",
    "BorderPost",
    "BorderCrossing",
    "Facility",
];
const ACTOR_CLASSES: [&str; 10] = [
    "Actor",
    "State",
    "ArmedGroup",
    "Company",
    "GovernmentBody",
    "InternationalOrganization",
    "MediaOrganization",
    "ResearchOrganization",
    "Person",
    "PeopleGroup",
];

#[derive(Default)]
struct Raw {
    types: HashMap<String, Vec<String>>,
    labels: HashMap<String, Vec<(String, &'static str)>>,
    subclass: HashMap<String, Vec<String>>,
    attested: HashMap<String, Vec<String>>,
    source_of_node: HashMap<String, String>,
    /// Attestation node → the words its sentence uses for the entity (`bkg:mentionedAs`).
    mentioned_as: HashMap<String, Vec<String>>,
    fact_parts: HashMap<String, [Option<String>; 5]>,
    /// Border → the places it separates.
    separates: HashMap<String, Vec<String>>,
}

impl Gazetteer {
    /// Builds the gazetteer from `(name, Turtle text)` documents (the ontology and the data).
    ///
    /// # Errors
    /// [`Error::Turtle`] with the document name and position when one does not parse.
    pub fn from_turtle<'a>(docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self> {
        Self::build(docs, None)
    }

    /// Like [`Gazetteer::from_turtle`], leaving out every entity whose attestations all come from
    /// `held_out` (a source id such as `001_c4fba955e0c800b1`), for leave-one-article-out scoring.
    ///
    /// # Errors
    /// As [`Gazetteer::from_turtle`].
    pub fn from_turtle_without<'a>(
        docs: impl IntoIterator<Item = (&'a str, &'a str)>,
        held_out: &str,
    ) -> Result<Self> {
        Self::build(docs, Some(held_out))
    }

    fn build<'a>(docs: impl IntoIterator<Item = (&'a str, &'a str)>, held_out: Option<&str>) -> Result<Self> {
        let mut raw = Raw::default();
        for (name, text) in docs {
            for triple in TurtleParser::new().for_slice(text.as_bytes()) {
                let triple = triple.map_err(|source| Error::Turtle {
                    name: name.to_owned(),
                    source,
                })?;
                raw.add(&triple.subject, triple.predicate.as_str(), &triple.object);
            }
        }
        let mut g = Self {
            entities: Vec::new(),
            by_iri: HashMap::new(),
            by_label: HashMap::new(),
            keys: Vec::new(),
            key_index: HashMap::new(),
            names: Vec::new(),
            automaton: None,
            roles: Vec::new(),
            capital_of: HashMap::new(),
            metonyms: HashMap::new(),
            labelled_sources: HashSet::new(),
        };
        g.labelled_sources = raw
            .types
            .iter()
            .filter(|(i, ts)| ts.iter().any(|t| local_name(t) == "Source") && raw.labels.contains_key(*i))
            .map(|(i, _)| i.clone())
            .collect();
        g.collect_entities(&raw, held_out);
        g.collect_facts(&raw);
        g.build_automaton()?;
        Ok(g)
    }

    fn collect_entities(&mut self, raw: &Raw, held_out: Option<&str>) {
        let is_a = |class: &str, root: &str, builtin: &[&str]| {
            let mut seen = HashSet::new();
            let mut stack = vec![class.to_owned()];
            while let Some(c) = stack.pop() {
                if local_name(&c) == root || builtin.contains(&local_name(&c)) {
                    return true;
                }
                if seen.insert(c.clone()) {
                    stack.extend(raw.subclass.get(&c).into_iter().flatten().cloned());
                }
            }
            false
        };
        let is_city_name = |text: &str| {
            raw.labels.iter().any(|(iri, names)| {
                names.iter().any(|(l, _)| l == text)
                    && raw
                        .types
                        .get(iri)
                        .is_some_and(|ts| ts.iter().any(|t| local_name(t) == "City"))
            })
        };
        let mut iris: Vec<&String> = raw.types.keys().filter(|i| i.starts_with(vocab::ID)).collect();
        iris.sort();
        for iri in iris {
            let classes = &raw.types[iri];
            let is_place = classes.iter().any(|c| is_a(c, "Place", &PLACE_CLASSES));
            let is_actor = classes.iter().any(|c| is_a(c, "Actor", &ACTOR_CLASSES));
            if !is_place && !is_actor {
                continue;
            }
            let sources: BTreeSet<String> = raw
                .attested
                .get(iri.as_str())
                .into_iter()
                .flatten()
                .filter_map(|node| raw.source_of_node.get(node).cloned())
                .collect();
            let mut sources = sources;
            if let Some(h) = held_out {
                if !sources.is_empty() && sources.iter().all(|s| s == h) {
                    continue;
                }
                // The held-out article is not curated yet: nothing is known to be attested by it.
                sources.remove(h);
            }
            let mut labels = raw.labels.get(iri.as_str()).cloned().unwrap_or_default();
            let mentions = raw
                .attested
                .get(iri.as_str())
                .into_iter()
                .flatten()
                .filter_map(|node| raw.mentioned_as.get(node))
                .flatten();
            for m in mentions {
                if !labels.iter().any(|(l, _)| l == m) {
                    // A capital standing for a government is a metonym; other words a sentence
                    // uses for the entity ("Tajik officials") are matched as plain names.
                    let kind = if is_city_name(m) { "metonym" } else { "alt" };
                    labels.push((m.clone(), kind));
                }
            }
            let label = labels
                .iter()
                .find(|(_, k)| *k == "pref")
                .or_else(|| labels.first())
                .map_or_else(|| local_name(iri).to_owned(), |(l, _)| l.clone());
            let idx = self.entities.len();
            self.entities.push(Entity {
                iri: iri.clone(),
                label,
                classes: classes.iter().map(|c| local_name(c).to_owned()).collect(),
                class_iris: classes.clone(),
                separates: raw.separates.get(iri.as_str()).cloned().unwrap_or_default(),
                is_place,
                is_actor,
                sources,
            });
            self.by_iri.insert(iri.clone(), idx);
            for (text, kind) in &labels {
                if *kind == "metonym" {
                    self.metonyms
                        .entry(idx)
                        .or_default()
                        .push(text.to_ascii_lowercase());
                }
            }
            for (text, kind) in labels {
                self.by_label
                    .entry(super::lexicon::norm_phrase(&text))
                    .or_insert(idx);
                self.add_name(&text, idx, kind == "metonym");
            }
        }
    }

    fn add_name(&mut self, text: &str, entity: usize, metonym: bool) {
        // Lower-case labels are descriptions ("security forces", "people"), not names: matching them
        // everywhere would pin every such phrase on one entity.
        if !text.chars().any(char::is_uppercase) || text.chars().count() < 2 {
            return;
        }
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let exact_case = letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase());
        let name = Name {
            entity,
            metonym,
            exact_case,
            proper: text.chars().next().is_some_and(char::is_uppercase),
        };
        let key: String = text
            .chars()
            .map(super::text::fold_char)
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(pos) = self.name_index(&key) {
            if !self.names[pos].contains(&name) {
                self.names[pos].push(name);
            }
        } else {
            self.key_index.insert(key.clone(), self.keys.len());
            self.keys.push(key);
            self.names.push(vec![name]);
        }
    }

    fn name_index(&self, key: &str) -> Option<usize> {
        self.key_index.get(key).copied()
    }

    fn collect_facts(&mut self, raw: &Raw) {
        let mut facts: Vec<_> = raw.fact_parts.values().collect();
        facts.sort_by(|a, b| a[0].cmp(&b[0]).then(a[2].cmp(&b[2])));
        for [s, p, o, from, until] in facts {
            let (Some(s), Some(p), Some(o)) = (s, p, o) else {
                continue;
            };
            let Some(&si) = self.by_iri.get(s) else { continue };
            match local_name(p) {
                "role" => self.roles.push(Role {
                    entity: si,
                    role: local_name(o).to_owned(),
                    from: from.as_deref().and_then(parse_partial_date),
                    until: until.as_deref().and_then(parse_partial_date),
                }),
                "capital" => {
                    if let Some(&oi) = self.by_iri.get(o) {
                        self.capital_of.insert(oi, si);
                    }
                }
                _ => {}
            }
        }
    }

    fn build_automaton(&mut self) -> Result<()> {
        if self.keys.is_empty() {
            return Ok(());
        }
        self.automaton = Some(
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&self.keys)?,
        );
        Ok(())
    }

    /// True when the graph describes source `iri` with a label.
    pub fn has_source(&self, iri: &str) -> bool {
        self.labelled_sources.contains(iri)
    }

    /// The entities.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Entity `i`.
    pub fn entity(&self, i: usize) -> Option<&Entity> {
        self.entities.get(i)
    }

    /// The entity with this IRI.
    pub fn by_iri(&self, iri: &str) -> Option<usize> {
        self.by_iri.get(iri).copied()
    }

    /// The entity with this label (any of its labels, compared after normalisation).
    pub fn by_label(&self, label: &str) -> Option<usize> {
        self.by_label.get(&super::lexicon::norm_phrase(label)).copied()
    }

    /// The state whose capital city is entity `city`, if the graph says.
    pub fn state_of_capital(&self, city: usize) -> Option<usize> {
        self.capital_of.get(&city).copied()
    }

    /// The role (local name) entity `i` holds on `date`, if the graph gives roles for it.
    pub fn role_at(&self, i: usize, date: Date) -> Option<&str> {
        self.roles
            .iter()
            .filter(|r| r.entity == i)
            .find(|r| r.from.is_none_or(|f| f <= date) && r.until.is_none_or(|u| date < u))
            .map(|r| r.role.as_str())
    }

    /// The actor governing state `state` de facto on `date`: an actor holding the de facto
    /// government role then whose metonym is the state's capital ("Kabul" for the Taliban).
    pub fn de_facto_government(&self, state: usize, date: Date) -> Option<usize> {
        let capitals: Vec<String> = self
            .capital_of
            .iter()
            .filter(|(_, s)| **s == state)
            .filter_map(|(c, _)| self.entities.get(*c).map(|e| e.label.to_ascii_lowercase()))
            .collect();
        self.roles
            .iter()
            .filter(|r| {
                r.role == vocab::term::DE_FACTO_GOVERNMENT
                    && r.from.is_none_or(|f| f <= date)
                    && r.until.is_none_or(|u| date < u)
            })
            .map(|r| r.entity)
            .find(|&e| {
                self.metonyms
                    .get(&e)
                    .is_some_and(|ms| ms.iter().any(|m| capitals.contains(m)))
            })
    }

    /// The date from which entity `i` holds `role`, if the graph says.
    pub fn role_from(&self, i: usize, role: &str) -> Option<Date> {
        self.roles
            .iter()
            .find(|r| r.entity == i && r.role == role)
            .and_then(|r| r.from)
    }

    /// All names found in a sentence, leftmost-longest, whole words only, case-aware.
    ///
    /// Runs in time linear in the sentence plus the number of candidate matches.
    pub fn find(&self, p: &Prepared) -> Vec<NameMatch> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut cands: Vec<NameMatch> = Vec::new();
        for m in ac.find_overlapping_iter(&p.lower) {
            let (s, e) = (m.start(), m.end());
            if !boundary_ok(&p.norm, s, e) {
                continue;
            }
            let surface = p.norm.get(s..e).unwrap_or("");
            for name in self.names.get(m.pattern().as_usize()).into_iter().flatten() {
                if name.exact_case {
                    let label_ok = self.keys[m.pattern().as_usize()].eq_ignore_ascii_case(surface)
                        && surface
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase);
                    if !label_ok {
                        continue;
                    }
                } else if name.proper
                    && !surface
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    continue;
                }
                cands.push(NameMatch {
                    bytes: (s, e),
                    name: *name,
                });
            }
        }
        cands.sort_by(|a, b| {
            a.bytes
                .0
                .cmp(&b.bytes.0)
                .then(b.bytes.1.cmp(&a.bytes.1))
                .then(a.name.metonym.cmp(&b.name.metonym))
        });
        let mut out: Vec<NameMatch> = Vec::new();
        let mut last_end = 0;
        let mut last_span = (usize::MAX, usize::MAX);
        for c in cands {
            if c.bytes == last_span {
                // Same surface, other reading (a capital that is also a metonym): keep both.
                out.push(c);
            } else if c.bytes.0 >= last_end {
                last_end = c.bytes.1;
                last_span = c.bytes;
                out.push(c);
            }
        }
        out
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first day of that period.
fn parse_partial_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let (month, day): (u32, u32);
    month = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    day = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// True when the text has no word character right before byte `s` or right after byte `e`, or
/// the name is glued to a lower-case word before it (lost spaces: "threeChinese").
fn boundary_ok(text: &str, s: usize, e: usize) -> bool {
    let before = text.get(..s).and_then(|t| t.chars().next_back());
    let first = text.get(s..).and_then(|t| t.chars().next());
    let after = text.get(e..).and_then(|t| t.chars().next());
    let last = text.get(..e).and_then(|t| t.chars().next_back());
    let start_ok = match before {
        None => true,
        Some(b) if !is_word_char(b) => true,
        Some(b) => b.is_lowercase() && first.is_some_and(char::is_uppercase),
    };
    let end_ok = match after {
        None => true,
        Some(a) if !is_word_char(a) => true,
        Some(a) => a.is_uppercase() && last.is_some_and(char::is_lowercase),
    };
    start_ok && end_ok
}

impl Raw {
    fn add(&mut self, s: &Subject, p: &str, o: &Term) {
        let subj = match s {
            Subject::NamedNode(n) => n.as_str().to_owned(),
            Subject::BlankNode(b) => format!("_:{}", b.as_str()),
            #[allow(unreachable_patterns)]
            _ => return,
        };
        let obj_iri = match o {
            Term::NamedNode(n) => Some(n.as_str().to_owned()),
            Term::BlankNode(b) => Some(format!("_:{}", b.as_str())),
            _ => None,
        };
        let literal = match o {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        };
        let fact_slot = |me: &mut Self, i: usize, v: Option<String>| {
            me.fact_parts.entry(subj.clone()).or_default()[i] = v;
        };
        match p {
            vocab::RDF_TYPE => self.types.entry(subj.clone()).or_default().extend(obj_iri),
            vocab::RDFS_SUBCLASS => self.subclass.entry(subj.clone()).or_default().extend(obj_iri),
            vocab::SKOS_PREF => self
                .labels
                .entry(subj.clone())
                .or_default()
                .extend(literal.map(|l| (l, "pref"))),
            vocab::SKOS_ALT | vocab::RDFS_LABEL => {
                self.labels
                    .entry(subj.clone())
                    .or_default()
                    .extend(literal.map(|l| (l, "alt")));
            }
            vocab::RDF_SUBJECT => fact_slot(self, 0, obj_iri),
            vocab::RDF_PREDICATE => fact_slot(self, 1, obj_iri),
            vocab::RDF_OBJECT => fact_slot(self, 2, obj_iri.or(literal)),
            _ if p == vocab::bkg("separates") => {
                self.separates.entry(subj.clone()).or_default().extend(obj_iri)
            }
            // Older graphs (and the test graph) state a capital standing for a government as a
            // property of the entity; the curated data records each use on its attestation.
            _ if p == vocab::bkg("metonym") => {
                self.labels
                    .entry(subj.clone())
                    .or_default()
                    .extend(literal.map(|l| (l, "metonym")));
            }
            _ if p == vocab::bkg("demonym") => {
                self.labels
                    .entry(subj.clone())
                    .or_default()
                    .extend(literal.map(|l| (l, "alt")));
            }
            _ if p == vocab::bkg("mentionedAs") => {
                self.mentioned_as.entry(subj.clone()).or_default().extend(literal);
            }
            _ if p == vocab::bkg("validFrom") => fact_slot(self, 3, literal),
            _ if p == vocab::bkg("validUntil") => fact_slot(self, 4, literal),
            _ if p == vocab::bkg("attestedBy") => {
                self.attested.entry(subj.clone()).or_default().extend(obj_iri)
            }
            _ if p == vocab::bkg("source") => {
                if let Some(o) = obj_iri {
                    self.source_of_node
                        .insert(subj.clone(), local_name(&o).to_owned());
                }
            }
            _ => {}
        }
    }
}
