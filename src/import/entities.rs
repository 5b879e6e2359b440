//! Resolves a row's actors and places to IRIs through the reconciler and writes the description
//! of each entity the import mints (type, label, parent place, origin), once per import.

use std::collections::HashMap;

use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

use super::detect::Dataset;
use super::normalize::{normalize, place_key, slug, strip_admin_words};
use super::places::PlaceLevel;
use super::reconcile::{NameKind, Reconciler, Resolved};
use super::record::{ActorKind, ActorRef, EventRecord};
use super::vocab::{bkg, rdf, ID};

/// Writes quads into one graph.
pub(crate) struct Sink<'o> {
    pub graph: &'o GraphName,
    pub out: &'o mut Vec<Quad>,
}

impl Sink<'_> {
    pub fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.out
            .push(Quad::new(s.clone(), p.into_owned(), o.into(), self.graph.clone()));
    }

    pub fn label(&mut self, s: &NamedNode, text: &str) {
        self.add(
            s,
            rdf::PREF_LABEL,
            Literal::new_language_tagged_literal_unchecked(text, "en"),
        );
    }
}

/// Resolves actors and places, remembering places already resolved in this import.
pub(crate) struct Entities<'r> {
    pub reconciler: &'r mut Reconciler,
    /// Places resolved per dataset and level, by minted local name: IRI and whether it was
    /// minted. Per dataset, because each dataset's graph describes the places it mints.
    place_memo: HashMap<(Dataset, PlaceLevel, String), (NamedNode, bool)>,
    /// Whole place columns resolved before, keyed by the joined column values.
    row_memo: HashMap<String, RowPlace>,
    /// Names minted while resolving the current row's place.
    minted: Vec<(NameKind, NamedNode)>,
    scratch: String,
}

/// What a row's place columns resolved to, and the minted names to count again on a repeat.
struct RowPlace {
    place: Option<NamedNode>,
    minted: Vec<(NameKind, NamedNode)>,
}

impl<'r> Entities<'r> {
    pub fn new(reconciler: &'r mut Reconciler) -> Self {
        Self {
            reconciler,
            place_memo: HashMap::new(),
            row_memo: HashMap::new(),
            minted: Vec::new(),
            scratch: String::new(),
        }
    }

    /// Resolves an actor; a minted one is described on first use.
    pub fn actor(
        &mut self,
        dataset: Dataset,
        actor: &ActorRef,
        att: &NamedNode,
        sink: &mut Sink<'_>,
    ) -> NamedNode {
        let resolved = self.reconciler.actor(dataset, actor);
        if resolved.first_use {
            let class = match actor.kind {
                ActorKind::State => bkg::STATE,
                ActorKind::GovernmentBody => bkg::GOVERNMENT_BODY,
                ActorKind::ArmedGroup => bkg::ARMED_GROUP,
                ActorKind::PeopleGroup => bkg::PEOPLE_GROUP,
                ActorKind::Unknown => bkg::ACTOR,
            };
            describe(&resolved.iri, class, &actor.name, att, sink);
        }
        resolved.iri
    }

    /// Resolves the row's place from the country down and returns the most specific one.
    ///
    /// Minted places get level-tagged slugs that do not depend on what matched:
    /// `id:country-<c>`, `id:province-<c>-<a1>`, `id:district-<c>-<a1>-<a2>`,
    /// `id:admin3-<c>-<a1>-<a2>-<a3>`, `id:location-<c>-<a1>-<place>`.
    pub fn place(&mut self, rec: &EventRecord, att: &NamedNode, sink: &mut Sink<'_>) -> Option<NamedNode> {
        let p = &rec.place;
        self.scratch.clear();
        self.scratch.push_str(rec.dataset.slug());
        for part in [&p.country, &p.admin1, &p.admin2, &p.admin3, &p.location] {
            self.scratch.push('\u{1f}');
            self.scratch.push_str(part.as_deref().unwrap_or("\u{0}"));
        }
        if let Some(hit) = self.row_memo.get(self.scratch.as_str()) {
            for (kind, iri) in &hit.minted {
                self.reconciler.bump(rec.dataset, *kind, iri.as_str());
            }
            return hit.place.clone();
        }
        self.minted.clear();
        let place = self.resolve_place(rec, att, sink);
        let minted = std::mem::take(&mut self.minted);
        self.row_memo.insert(
            self.scratch.clone(),
            RowPlace {
                place: place.clone(),
                minted,
            },
        );
        place
    }

    /// Resolves the place columns from the country down. A minted place's IRI hangs off its
    /// resolved parent: `id:province-<country>-<name>`, `id:district-<province>-<name>`,
    /// `id:admin3-<district>-<name>`, `id:location-<province>-<name>` (a location hangs off its
    /// province, not its district, because not every dataset gives districts), where `<parent>` is
    /// the parent's IRI tail (`afghanistan-kunar` for a minted province, `badakhshan` for the
    /// curated one), so that every dataset and spelling that resolves to one parent mints the
    /// same child.
    fn resolve_place(
        &mut self,
        rec: &EventRecord,
        att: &NamedNode,
        sink: &mut Sink<'_>,
    ) -> Option<NamedNode> {
        let p = &rec.place;
        let mut parent: Option<NamedNode> = None;
        let mut scope = None;
        if let Some(country) = &p.country {
            let resolved = self.reconciler.country(rec.dataset, country);
            if resolved.first_use {
                describe(&resolved.iri, bkg::STATE, country, att, sink);
            }
            if resolved.new {
                self.minted.push((NameKind::Country, resolved.iri.clone()));
            }
            scope = (!resolved.new).then(|| resolved.iri.clone());
            parent = Some(resolved.iri);
        }
        let mut province = parent.clone();
        let mut path: Vec<&str> = Vec::new();
        let levels = [
            (PlaceLevel::Admin1, &p.admin1, "province"),
            (PlaceLevel::Admin2, &p.admin2, "district"),
            (PlaceLevel::Admin3, &p.admin3, "admin3"),
            (PlaceLevel::Location, &p.location, "location"),
        ];
        for (level, name, prefix) in levels {
            let Some(name) = name.as_deref() else { continue };
            if level == PlaceLevel::Location && location_is_an_admin_unit(p) {
                continue;
            }
            path.push(name);
            let anchor = if level == PlaceLevel::Location {
                province.as_ref()
            } else {
                parent.as_ref()
            };
            let local = format!(
                "{prefix}-{}-{}",
                anchor.map_or("unknown-country", tail),
                slug(&place_key(name))
            );
            let step = Step {
                level,
                name,
                path: &path,
                local,
                parent: parent.as_ref(),
                scope: scope.as_ref(),
            };
            let iri = self.one_place(rec, step, att, sink);
            if level == PlaceLevel::Admin1 {
                province = Some(iri.clone());
            }
            parent = Some(iri);
        }
        parent
    }

    fn one_place(
        &mut self,
        rec: &EventRecord,
        step: Step<'_>,
        att: &NamedNode,
        sink: &mut Sink<'_>,
    ) -> NamedNode {
        let Step {
            level,
            name,
            path,
            local,
            parent,
            scope,
        } = step;
        let display = || {
            let country = rec.place.country.as_deref().unwrap_or("unknown country");
            format!("{} ({country})", path.join(" > "))
        };
        if let Some((iri, new)) = self.place_memo.get(&(rec.dataset, level, local.clone())) {
            if *new {
                self.reconciler
                    .bump(rec.dataset, NameKind::Place(level), iri.as_str());
                self.minted.push((NameKind::Place(level), iri.clone()));
            }
            return iri.clone();
        }
        let point = if level == PlaceLevel::Location {
            rec.point
        } else {
            None
        };
        let found = scope.and_then(|c| self.reconciler.places.find(c, name, level, point));
        let (iri, new) = match found {
            Some(iri) if !is_minted_place(&iri) => (iri, false),
            // An alias may point at a minted place (an older spelling of a province the graph does
            // not curate): it is described like any minted place, under the alias's IRI.
            found => {
                let iri = found.unwrap_or_else(|| NamedNode::new_unchecked(format!("{ID}{local}")));
                let display = display();
                let Resolved { first_use, .. } = self.reconciler.count_unmatched(
                    rec.dataset,
                    NameKind::Place(level),
                    &display,
                    iri.clone(),
                );
                self.minted.push((NameKind::Place(level), iri.clone()));
                if first_use {
                    self.describe_place(&iri, level, name, parent, att, sink);
                }
                (iri, true)
            }
        };
        self.place_memo
            .insert((rec.dataset, level, local), (iri.clone(), new));
        iri
    }
}

/// The part of an entity IRI that names it within its parent: the local name without the
/// level prefix of a minted place (`afghanistan-kunar` for `id:province-afghanistan-kunar`).
fn tail(iri: &NamedNode) -> &str {
    let local = iri.as_str().strip_prefix(ID).unwrap_or(iri.as_str());
    ["province-", "district-", "admin3-", "location-", "country-"]
        .iter()
        .find_map(|p| local.strip_prefix(p))
        .unwrap_or(local)
}

/// Whether an IRI follows the pattern of places the importers mint (`id:province-…`,
/// `id:district-…`, `id:admin3-…`, `id:location-…`, `id:country-…`).
fn is_minted_place(iri: &NamedNode) -> bool {
    iri.as_str().strip_prefix(ID).is_some_and(|local| {
        ["province-", "district-", "admin3-", "location-", "country-"]
            .iter()
            .any(|p| local.starts_with(p))
    })
}

/// Whether the named location is one of the row's administrative units spelt out as such
/// (UCDP's `where_coordinates` "Zebak district" beside `adm_2` "Zebak district"): then the event
/// is placed in that unit rather than in a location of the same name. A bare name equal to a
/// unit's ("Kabul" in Kabul district) is a town and stays.
fn location_is_an_admin_unit(p: &super::record::PlaceRef) -> bool {
    let Some(location) = p.location.as_deref() else {
        return false;
    };
    let norm = normalize(location);
    norm != place_key(location)
        && [&p.admin3, &p.admin2, &p.admin1]
            .into_iter()
            .flatten()
            .any(|unit| normalize(unit) == norm)
}

impl Entities<'_> {
    /// Type, labels, parent, origin and first attestation of a minted place. One preferred label
    /// whichever dataset or spelling mints it first (the alias table's current name, or the
    /// spelling without administrative words); the spelling itself stays as an alternative label.
    fn describe_place(
        &self,
        iri: &NamedNode,
        level: PlaceLevel,
        name: &str,
        parent: Option<&NamedNode>,
        att: &NamedNode,
        sink: &mut Sink<'_>,
    ) {
        let class = match level {
            PlaceLevel::Admin1 => bkg::PROVINCE,
            PlaceLevel::Admin2 => bkg::DISTRICT,
            PlaceLevel::Admin3 => bkg::PLACE,
            PlaceLevel::Location => bkg::SETTLEMENT,
        };
        let label = match self.reconciler.places.canonical(iri) {
            Some(canonical) => canonical.to_owned(),
            None => strip_admin_words(name),
        };
        describe(iri, class, &label, att, sink);
        if label != name {
            sink.add(
                iri,
                rdf::ALT_LABEL,
                Literal::new_language_tagged_literal_unchecked(name, "en"),
            );
        }
        if let Some(parent) = parent {
            sink.add(iri, bkg::LOCATED_IN, parent.clone());
        }
    }
}

/// One level of a row's place, from the country down.
struct Step<'a> {
    level: PlaceLevel,
    name: &'a str,
    /// The names from the first level down to this one, for the unmatched report.
    path: &'a [&'a str],
    /// The local part of the IRI minted if nothing matches.
    local: String,
    parent: Option<&'a NamedNode>,
    /// The curated country the name is looked up in (none for a minted country).
    scope: Option<&'a NamedNode>,
}

/// Type, label, origin and first attestation of a minted entity.
fn describe(iri: &NamedNode, class: NamedNodeRef<'_>, name: &str, att: &NamedNode, sink: &mut Sink<'_>) {
    sink.add(iri, rdf::TYPE, class.into_owned());
    sink.label(iri, name);
    sink.add(iri, bkg::ORIGIN, bkg::DATASET_IMPORT.into_owned());
    sink.add(iri, bkg::ATTESTED_BY, att.clone());
}
