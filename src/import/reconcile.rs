//! Maps the datasets' actor names and codes to curated entities through alias data and the
//! graph's own labels, mints stable slug IRIs for what does not match, and counts the unmatched
//! names for `--report-unmatched`.

use std::collections::HashMap;

use oxrdf::NamedNode;

use super::detect::Dataset;
use super::error::ImportError;
use super::normalize::{normalize, slug};
use super::places::{CuratedPlace, PlaceIndex, PlaceLevel};
use super::record::ActorRef;
use super::vocab::ID;

/// The actor alias table kept in the repository (`lexicon/datasets/actors.tsv`).
pub const ACTOR_ALIASES: &str = include_str!("../../lexicon/datasets/actors.tsv");
/// The place alias table kept in the repository (`lexicon/datasets/places.tsv`).
pub const PLACE_ALIASES: &str = include_str!("../../lexicon/datasets/places.tsv");

/// The SPARQL query whose rows `(?iri, ?label)` feed [`Reconciler::new`]: every label of every
/// entity of the curated graph.
pub const LABELS_QUERY: &str = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
SELECT ?iri ?label WHERE { ?iri skos:prefLabel|skos:altLabel|bkg:metonym ?label }";

/// How a name was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The entity's IRI.
    pub iri: NamedNode,
    /// Whether the IRI was minted for a name that matched nothing.
    pub new: bool,
    /// Whether this is the first use of a minted IRI in this reconciler (its description is due).
    pub first_use: bool,
}

/// What kind of name went unmatched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    /// An actor.
    Actor,
    /// A country.
    Country,
    /// A place at a level below the country.
    Place(PlaceLevel),
    /// An event type code the dataset's taxonomy does not know.
    EventType,
}

/// A name that matched no curated entity, with how many rows used it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// The dataset.
    pub dataset: Dataset,
    /// Actor, country or place level.
    pub kind: NameKind,
    /// The name as the dataset spells it (places with their parents: `Kunar > Asadabad`).
    pub name: String,
    /// Rows that used it.
    pub count: u64,
    /// The IRI minted for it.
    pub iri: NamedNode,
}

/// A label that names one entity, or several (and so cannot be used).
enum Label {
    One(NamedNode),
    Ambiguous,
}

/// A minted entity: uses, the name first seen, the IRI.
type Minted = (u64, String, NamedNode);

/// Resolves dataset names to entity IRIs.
pub struct Reconciler {
    aliases: HashMap<(String, String), NamedNode>,
    labels: HashMap<String, Label>,
    pub(crate) places: PlaceIndex,
    /// Names already resolved, by `dataset, kind, code, name` joined in `scratch`: the IRI and
    /// whether it was minted.
    memo: HashMap<String, (NamedNode, bool)>,
    /// Minted entities by dataset and kind, then IRI: uses, the name first seen, and the IRI.
    unmatched: HashMap<(Dataset, NameKind), HashMap<String, Minted>>,
    /// A reused buffer for memo keys, so that a resolved name costs no allocation.
    scratch: String,
}

impl Reconciler {
    /// Builds a reconciler from the actor alias table (`dataset<TAB>name or code<TAB>IRI`, with
    /// `*` for any dataset, `id:` abbreviating the entity namespace, `#` comments) and the labels
    /// of the curated graph (see [`LABELS_QUERY`]). Places use [`PLACE_ALIASES`] until
    /// [`Reconciler::with_places`] adds the graph's places.
    ///
    /// # Errors
    /// [`ImportError::Aliases`] for a malformed line of either table.
    pub fn new(alias_tsv: &str, labels: impl Iterator<Item = (String, String)>) -> Result<Self, ImportError> {
        let mut aliases = HashMap::new();
        for (line, fields) in tsv_rows(alias_tsv, 3)? {
            let dataset = fields[0].to_ascii_lowercase();
            if dataset != "*" && Dataset::from_name(&dataset).is_none() {
                return Err(ImportError::Aliases {
                    line,
                    reason: format!("unknown dataset {:?}", fields[0]),
                });
            }
            aliases.insert((dataset, normalize(fields[1])), expand_iri(fields[2], line)?);
        }
        let mut by_label: HashMap<String, Label> = HashMap::new();
        for (iri, label) in labels {
            let iri = NamedNode::new(iri.clone()).map_err(|e| ImportError::Aliases {
                line: 0,
                reason: format!("label of {iri:?}: {e}"),
            })?;
            by_label
                .entry(normalize(&label))
                .and_modify(|l| {
                    if !matches!(l, Label::One(known) if *known == iri) {
                        *l = Label::Ambiguous;
                    }
                })
                .or_insert(Label::One(iri));
        }
        let places = PlaceIndex::from_aliases(PLACE_ALIASES)?;
        Ok(Self {
            aliases,
            labels: by_label,
            places,
            memo: HashMap::new(),
            unmatched: HashMap::new(),
            scratch: String::new(),
        })
    }

    /// Adds the curated graph's places: their labels, country and, where known, coordinates.
    #[must_use]
    pub fn with_places(mut self, places: impl Iterator<Item = CuratedPlace>) -> Self {
        for place in places {
            self.places.add(place);
        }
        self
    }

    /// Resolves an actor: by code, then by name, in the dataset's aliases, then in those for any
    /// dataset, then among the graph's labels; otherwise mints `id:<dataset>-<slug of name>`.
    pub fn actor(&mut self, dataset: Dataset, actor: &ActorRef) -> Resolved {
        if let Some(hit) = self.remembered(dataset, NameKind::Actor, actor.code.as_deref(), &actor.name) {
            return hit;
        }
        let found = [actor.code.as_deref(), Some(actor.name.as_str())]
            .into_iter()
            .flatten()
            .map(normalize)
            .find_map(|n| self.lookup(dataset, &n));
        let resolved = match found {
            Some(iri) => Resolved {
                iri,
                new: false,
                first_use: false,
            },
            None => {
                let base = actor
                    .code
                    .as_deref()
                    .filter(|c| !c.is_empty())
                    .unwrap_or(&actor.name);
                let iri = NamedNode::new_unchecked(format!("{ID}{}-{}", dataset.slug(), slug(base)));
                let shown = match actor.code.as_deref() {
                    Some(code) if code != actor.name => format!("{code} ({})", actor.name),
                    _ => actor.name.clone(),
                };
                self.count_unmatched(dataset, NameKind::Actor, &shown, iri)
            }
        };
        self.remember(
            dataset,
            NameKind::Actor,
            actor.code.as_deref(),
            &actor.name,
            &resolved,
        );
        resolved
    }

    fn memo_key(&mut self, dataset: Dataset, kind: NameKind, code: Option<&str>, name: &str) {
        use std::fmt::Write;
        self.scratch.clear();
        let _ = write!(
            self.scratch,
            "{}\u{1f}{kind:?}\u{1f}{}\u{1f}{name}",
            dataset.slug(),
            code.unwrap_or("")
        );
    }

    /// A name resolved before; a minted one is counted again.
    fn remembered(
        &mut self,
        dataset: Dataset,
        kind: NameKind,
        code: Option<&str>,
        name: &str,
    ) -> Option<Resolved> {
        self.memo_key(dataset, kind, code, name);
        let (iri, new) = self.memo.get(self.scratch.as_str())?.clone();
        if new {
            self.bump(dataset, kind, iri.as_str());
            return Some(Resolved {
                iri,
                new,
                first_use: false,
            });
        }
        Some(Resolved {
            iri,
            new,
            first_use: false,
        })
    }

    fn remember(
        &mut self,
        dataset: Dataset,
        kind: NameKind,
        code: Option<&str>,
        name: &str,
        resolved: &Resolved,
    ) {
        self.memo_key(dataset, kind, code, name);
        self.memo
            .insert(self.scratch.clone(), (resolved.iri.clone(), resolved.new));
    }

    fn lookup(&self, dataset: Dataset, norm: &str) -> Option<NamedNode> {
        self.aliases
            .get(&(dataset.slug().to_owned(), norm.to_owned()))
            .or_else(|| self.aliases.get(&("*".to_owned(), norm.to_owned())))
            .cloned()
            .or_else(|| match self.labels.get(norm) {
                Some(Label::One(iri)) => Some(iri.clone()),
                _ => None,
            })
    }

    /// Records a use of a minted IRI; the first use says its description is due. Names that
    /// differ but mint the same IRI ("Kunar", "Kunar province") count as one, under the first.
    pub(crate) fn count_unmatched(
        &mut self,
        dataset: Dataset,
        kind: NameKind,
        name: &str,
        iri: NamedNode,
    ) -> Resolved {
        let minted = self.unmatched.entry((dataset, kind)).or_default();
        if let Some((count, _, known)) = minted.get_mut(iri.as_str()) {
            *count += 1;
            return Resolved {
                iri: known.clone(),
                new: true,
                first_use: false,
            };
        }
        minted.insert(iri.as_str().to_owned(), (1, name.to_owned(), iri.clone()));
        Resolved {
            iri,
            new: true,
            first_use: true,
        }
    }

    /// Counts one more use of an IRI already minted (no-op for one never minted).
    pub(crate) fn bump(&mut self, dataset: Dataset, kind: NameKind, iri: &str) {
        if let Some((count, _, _)) = self
            .unmatched
            .get_mut(&(dataset, kind))
            .and_then(|m| m.get_mut(iri))
        {
            *count += 1;
        }
    }

    /// Resolves a country by name: place aliases, then the graph's labels (a State's label), else
    /// mints `id:country-<slug>`.
    pub fn country(&mut self, dataset: Dataset, name: &str) -> Resolved {
        if let Some(hit) = self.remembered(dataset, NameKind::Country, None, name) {
            return hit;
        }
        let norm = normalize(name);
        let found = self
            .places
            .country(&norm)
            .or_else(|| match self.labels.get(&norm) {
                Some(Label::One(iri)) => Some(iri.clone()),
                _ => None,
            });
        let resolved = match found {
            Some(iri) => Resolved {
                iri,
                new: false,
                first_use: false,
            },
            None => {
                let iri = NamedNode::new_unchecked(format!("{ID}country-{}", slug(name)));
                self.count_unmatched(dataset, NameKind::Country, name, iri)
            }
        };
        self.remember(dataset, NameKind::Country, None, name, &resolved);
        resolved
    }

    /// The names that matched nothing, most used first, then by dataset, kind and name.
    pub fn unmatched(&self) -> Vec<Unmatched> {
        let mut out: Vec<Unmatched> = self
            .unmatched
            .iter()
            .flat_map(|((dataset, kind), minted)| {
                minted.values().map(|(count, name, iri)| Unmatched {
                    dataset: *dataset,
                    kind: *kind,
                    name: name.clone(),
                    count: *count,
                    iri: iri.clone(),
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| (a.dataset, a.kind, &a.name).cmp(&(b.dataset, b.kind, &b.name)))
        });
        out
    }
}

/// The non-comment, non-blank lines of a TSV with exactly `width` fields, with 1-based numbers.
pub(crate) fn tsv_rows(text: &str, width: usize) -> Result<Vec<(usize, Vec<&str>)>, ImportError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() != width || fields.iter().any(|f| f.is_empty()) {
            return Err(ImportError::Aliases {
                line: i + 1,
                reason: format!(
                    "expected {width} non-empty tab-separated fields, found {}",
                    fields.len()
                ),
            });
        }
        rows.push((i + 1, fields));
    }
    Ok(rows)
}

/// Expands `id:slug` to the entity namespace and checks a full IRI.
pub(crate) fn expand_iri(text: &str, line: usize) -> Result<NamedNode, ImportError> {
    let full = match text.strip_prefix("id:") {
        Some(local) => format!("{ID}{local}"),
        None => text.to_owned(),
    };
    NamedNode::new(full).map_err(|e| ImportError::Aliases {
        line,
        reason: format!("bad IRI {text:?}: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::record::ActorKind;

    fn actor(name: &str, code: Option<&str>) -> ActorRef {
        ActorRef {
            name: name.to_owned(),
            code: code.map(str::to_owned),
            kind: ActorKind::Unknown,
        }
    }

    fn labels() -> impl Iterator<Item = (String, String)> {
        [
            ("https://w3id.org/borderkg/id/ttp", "Tehreek-e-Taliban Pakistan"),
            ("https://w3id.org/borderkg/id/ishkashim-district", "Ishkashim"),
            ("https://w3id.org/borderkg/id/ishkashim-tajikistan", "Ishkashim"),
            ("https://w3id.org/borderkg/id/gknb", "GKNB"),
        ]
        .into_iter()
        .map(|(i, l)| (i.to_owned(), l.to_owned()))
    }

    #[test]
    fn aliases_codes_and_labels() {
        let tsv = "# comment\nucdp\tTTP\tid:ttp\n*\tTaleban\tid:taliban\ngdelt\tPAKMIL\tid:pakistani-security-forces\n";
        let mut r = Reconciler::new(tsv, labels()).unwrap_or_else(|e| panic!("{e}"));
        let iri = |r: &mut Reconciler, d, a: &ActorRef| r.actor(d, a).iri.as_str().to_owned();
        assert_eq!(
            iri(&mut r, Dataset::Ucdp, &actor("ttp", None)),
            format!("{ID}ttp")
        );
        assert_eq!(
            iri(&mut r, Dataset::Acled, &actor("Taleban", None)),
            format!("{ID}taliban")
        );
        assert_eq!(
            iri(&mut r, Dataset::Gdelt, &actor("PAKISTAN", Some("PAKMIL"))),
            format!("{ID}pakistani-security-forces")
        );
        // From the graph's labels, case and punctuation aside.
        assert_eq!(
            iri(&mut r, Dataset::Acled, &actor("Tehreek e Taliban PAKISTAN", None)),
            format!("{ID}ttp")
        );
        assert_eq!(
            iri(&mut r, Dataset::Acled, &actor("gknb", None)),
            format!("{ID}gknb")
        );
        // The alias is for UCDP only; ACLED's "TTP" is not listed, and matches nothing else.
        let minted = r.actor(Dataset::Acled, &actor("TTP", None));
        assert!(minted.new && minted.first_use);
        assert_eq!(minted.iri.as_str(), format!("{ID}acled-ttp"));
    }

    #[test]
    fn ambiguous_labels_match_nothing_and_unmatched_names_are_counted() {
        let mut r = Reconciler::new("", labels()).unwrap_or_else(|e| panic!("{e}"));
        let first = r.actor(Dataset::Acled, &actor("Ishkashim", None));
        let second = r.actor(Dataset::Acled, &actor("Ishkashim", None));
        assert!(first.new && first.first_use && !second.first_use);
        assert_eq!(first.iri, second.iri);
        let unmatched = r.unmatched();
        assert_eq!(unmatched.len(), 1);
        assert_eq!((unmatched[0].name.as_str(), unmatched[0].count), ("Ishkashim", 2));
    }

    #[test]
    fn malformed_alias_lines_are_reported_with_their_number() {
        let err = |tsv: &str| match Reconciler::new(tsv, std::iter::empty()) {
            Err(ImportError::Aliases { line, .. }) => line,
            other => panic!("{:?}", other.map(|_| ())),
        };
        assert_eq!(err("ucdp\tTTP\tid:ttp\nucdp\tonly two\n"), 2);
        assert_eq!(err("# c\nnasa\tTTP\tid:ttp\n"), 2);
        assert_eq!(err("ucdp\tTTP\tnot an iri\n"), 1);
    }

    #[test]
    fn repository_alias_tables_load() {
        let r = Reconciler::new(ACTOR_ALIASES, std::iter::empty()).unwrap_or_else(|e| panic!("{e}"));
        assert!(r.aliases.len() > 40);
    }
}
