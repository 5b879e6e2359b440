//! Maps one dataset-neutral event record to quads in the ontology's event model: a typed event
//! node with its agents, targets, place, date and precision, point geometry, casualty figures and
//! an attestation naming the dataset, file, row and record id.

use std::collections::HashSet;

use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, Quad};

use super::dates::{DateSpan, Precision};
use super::detect::Dataset;
use super::entities::{Entities, Sink};
use super::normalize::slug;
use super::reconcile::{NameKind, Reconciler};
use super::record::{ActorKind, ActorRef, EventRecord, Figure, Qualifier, Victims};
use super::taxonomy::Taxonomy;
use super::text;
use super::vocab::{bkg, geo, id, rdf, xsd, ATTESTATION, EVENT, FIGURE, GEOMETRY, GRAPH, SOURCE};

/// The named graph that holds a dataset's import: re-importing replaces this graph wholesale.
pub fn dataset_graph(dataset: Dataset) -> NamedNode {
    NamedNode::new_unchecked(format!("{GRAPH}import/{}", dataset.slug()))
}

/// The source node every attestation of a dataset names.
pub fn dataset_source(dataset: Dataset) -> NamedNode {
    let local = match dataset {
        Dataset::Ucdp => "dataset-ucdp-ged",
        Dataset::Acled => "dataset-acled",
        Dataset::Gdelt => "dataset-gdelt",
    };
    NamedNode::new_unchecked(format!("{SOURCE}{local}"))
}

/// The IRI of a dataset event: `id:event/ucdp-<id>`, `id:event/acled-<event_id_cnty>`,
/// `id:event/gdelt-<GLOBALEVENTID>`.
pub fn event_iri(dataset: Dataset, record_id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{EVENT}{}-{}", dataset.slug(), slug(record_id)))
}

/// Turns event records into quads, resolving names as it goes.
pub struct Mapper<'a> {
    entities: Entities<'a>,
    taxonomy: &'a Taxonomy,
    graph: Option<GraphName>,
    described: HashSet<Dataset>,
}

impl<'a> Mapper<'a> {
    /// A mapper that writes each dataset into its [`dataset_graph`].
    pub fn new(reconciler: &'a mut Reconciler, taxonomy: &'a Taxonomy) -> Self {
        Self {
            entities: Entities::new(reconciler),
            taxonomy,
            graph: None,
            described: HashSet::new(),
        }
    }

    /// Writes every quad into `graph` instead (the default graph, say).
    #[must_use]
    pub fn with_graph(mut self, graph: GraphName) -> Self {
        self.graph = Some(graph);
        self
    }

    /// The reconciler, for its unmatched report.
    pub fn reconciler(&self) -> &Reconciler {
        self.entities.reconciler
    }

    /// Appends the quads of one record, read from `file`, to `out`.
    pub fn map(&mut self, rec: &EventRecord, file: &str, out: &mut Vec<Quad>) {
        let graph = self
            .graph
            .clone()
            .unwrap_or_else(|| dataset_graph(rec.dataset).into());
        let mut sink = Sink { graph: &graph, out };
        let local = format!("{}-{}", rec.dataset.slug(), slug(&rec.id));
        let ids = Ids {
            event: event_iri(rec.dataset, &rec.id),
            att: NamedNode::new_unchecked(format!("{ATTESTATION}{local}")),
            local,
        };
        if self.described.insert(rec.dataset) {
            describe_source(rec.dataset, &mut sink);
        }
        attestation(rec, file, &ids.att, &mut sink);
        let (class, type_label, participates) = self.event_type(rec, &ids.event, &mut sink);
        let agents = self.actors(rec, &rec.agents, bkg::AGENT, &[], &ids, &mut sink);
        let role = if participates {
            bkg::PARTICIPANT
        } else {
            bkg::TARGET
        };
        let targets = self.actors(rec, &rec.targets, role, &agents, &ids, &mut sink);
        let named: Vec<NamedNode> = agents.iter().chain(&targets).cloned().collect();
        self.actors(rec, &rec.participants, bkg::PARTICIPANT, &named, &ids, &mut sink);
        if let Some(place) = self.entities.place(rec, &ids.att, &mut sink) {
            if class.as_ref() == bkg::CAPTURE {
                sink.add(&ids.event, bkg::TARGET_PLACE, place.clone());
            }
            sink.add(&ids.event, bkg::PLACE_PROP, place);
        }
        date(&ids.event, &rec.date, &mut sink);
        geometry(rec, &ids, &mut sink);
        for figure in &rec.figures {
            let victims = self.victims(rec, figure, &agents, &targets, &ids.att, &mut sink);
            casualty_figure(&ids, figure, victims, &mut sink);
        }
        let label = text::label(rec, type_label.as_deref());
        let summary = text::summary(rec, type_label.as_deref(), participates);
        sink.add(
            &ids.event,
            rdf::LABEL,
            Literal::new_language_tagged_literal_unchecked(label, "en"),
        );
        sink.add(&ids.event, bkg::SUMMARY, Literal::new_simple_literal(summary));
        sink.add(&ids.event, bkg::ATTESTED_BY, ids.att.clone());
        sink.add(&ids.event, bkg::ORIGIN, bkg::DATASET_IMPORT.into_owned());
    }

    /// Types the event from its taxonomy concepts; returns the class, the most specific concept's
    /// label and whether the second party takes part rather than being targeted. Unknown codes
    /// are counted for the unmatched report.
    fn event_type(
        &mut self,
        rec: &EventRecord,
        event: &NamedNode,
        sink: &mut Sink<'_>,
    ) -> (NamedNode, Option<String>, bool) {
        let found = self.taxonomy.resolve(rec.dataset, &rec.type_codes);
        for code in &found.unknown {
            let scheme = Taxonomy::scheme(rec.dataset);
            let unknown = NamedNode::new_unchecked(format!("{}/unknown/{}", scheme.as_str(), slug(code)));
            self.entities
                .reconciler
                .count_unmatched(rec.dataset, NameKind::EventType, code, unknown);
        }
        let concept = found.most_specific();
        let class = concept.map_or(bkg::EVENT.into_owned(), |c| c.class.clone());
        sink.add(event, rdf::TYPE, class.clone());
        for c in &found.concepts {
            sink.add(event, bkg::DATASET_EVENT_TYPE, c.iri.clone());
        }
        let participates = concept.is_some_and(|c| c.second_party_participates);
        (class, concept.map(|c| c.label.clone()), participates)
    }

    /// Resolves `actors` and links each to the event in `role`, skipping any already `named` in
    /// another role (an associated actor that is also the main actor).
    fn actors(
        &mut self,
        rec: &EventRecord,
        actors: &[ActorRef],
        role: NamedNodeRef<'_>,
        named: &[NamedNode],
        ids: &Ids,
        sink: &mut Sink<'_>,
    ) -> Vec<NamedNode> {
        let mut iris: Vec<NamedNode> = Vec::with_capacity(actors.len());
        for actor in actors {
            let iri = self.entities.actor(rec.dataset, actor, &ids.att, sink);
            if !named.contains(&iri) && !iris.contains(&iri) {
                sink.add(&ids.event, role, iri.clone());
                iris.push(iri);
            }
        }
        iris
    }

    fn victims(
        &mut self,
        rec: &EventRecord,
        figure: &Figure,
        agents: &[NamedNode],
        targets: &[NamedNode],
        att: &NamedNode,
        sink: &mut Sink<'_>,
    ) -> Option<NamedNode> {
        match figure.victims {
            Victims::All => Some(id::PEOPLE_ALL_SIDES.into_owned()),
            Victims::SideA => agents.first().cloned(),
            Victims::SideB => targets.first().cloned(),
            Victims::Civilians => {
                let country = rec.place.country.as_deref().unwrap_or("unknown country");
                let name = format!("Civilians ({country})");
                let civilians = ActorRef {
                    name,
                    code: None,
                    kind: ActorKind::PeopleGroup,
                };
                Some(self.entities.actor(rec.dataset, &civilians, att, sink))
            }
            Victims::Unknown => {
                let iri = id::UNKNOWN_VICTIMS.into_owned();
                let unknown = ActorRef {
                    name: "dead of unknown status".to_owned(),
                    code: None,
                    kind: ActorKind::PeopleGroup,
                };
                let resolved = self.entities.reconciler.count_unmatched(
                    rec.dataset,
                    NameKind::Actor,
                    &unknown.name,
                    iri.clone(),
                );
                if resolved.first_use {
                    sink.add(&iri, rdf::TYPE, bkg::PEOPLE_GROUP.into_owned());
                    sink.label(&iri, &unknown.name);
                    sink.add(&iri, bkg::ORIGIN, bkg::DATASET_IMPORT.into_owned());
                    sink.add(&iri, bkg::ATTESTED_BY, att.clone());
                }
                Some(iri)
            }
        }
    }
}

/// The IRIs of one row's event and attestation, and the slug they share.
struct Ids {
    event: NamedNode,
    att: NamedNode,
    local: String,
}

fn geometry(rec: &EventRecord, ids: &Ids, sink: &mut Sink<'_>) {
    if let Some((lon, lat)) = rec.point {
        let geometry = NamedNode::new_unchecked(format!("{GEOMETRY}{}", ids.local));
        let wkt = Literal::new_typed_literal(format!("POINT({lon} {lat})"), geo::WKT_LITERAL);
        sink.add(&ids.event, geo::HAS_GEOMETRY, geometry.clone());
        sink.add(&geometry, rdf::TYPE, geo::GEOMETRY.into_owned());
        sink.add(&geometry, geo::AS_WKT, wkt);
    }
    if let Some(precision) = rec.location_precision {
        sink.add(&ids.event, bkg::LOCATION_PRECISION, integer(u64::from(precision)));
    }
}

fn describe_source(dataset: Dataset, sink: &mut Sink<'_>) {
    let source = dataset_source(dataset);
    let label = match dataset {
        Dataset::Ucdp => "UCDP Georeferenced Event Dataset (GED)",
        Dataset::Acled => "Armed Conflict Location & Event Data (ACLED)",
        Dataset::Gdelt => "GDELT event database",
    };
    sink.add(&source, rdf::TYPE, bkg::SOURCE.into_owned());
    sink.add(&source, rdf::TYPE, bkg::DATASET_SOURCE.into_owned());
    sink.add(
        &source,
        rdf::LABEL,
        Literal::new_language_tagged_literal_unchecked(label, "en"),
    );
}

fn attestation(rec: &EventRecord, file: &str, att: &NamedNode, sink: &mut Sink<'_>) {
    sink.add(att, rdf::TYPE, bkg::DATASET_ATTESTATION.into_owned());
    sink.add(att, bkg::SOURCE_PROP, dataset_source(rec.dataset));
    sink.add(att, bkg::STANDING, bkg::REPORTED.into_owned());
    sink.add(att, bkg::DATASET_FILE, Literal::new_simple_literal(file));
    sink.add(att, bkg::DATASET_ROW, integer(rec.row));
    sink.add(att, bkg::DATASET_RECORD_ID, Literal::new_simple_literal(&rec.id));
    for cited in &rec.cited_sources {
        sink.add(att, bkg::CITED_SOURCE, Literal::new_simple_literal(cited));
    }
    if let Some(note) = &rec.note {
        sink.add(att, bkg::NOTE, Literal::new_simple_literal(note));
    }
}

fn date(event: &NamedNode, span: &DateSpan, sink: &mut Sink<'_>) {
    let s = span.start;
    let same_month = span.end.is_none_or(|e| (e.year, e.month) == (s.year, s.month));
    let (literal, precision) = match span.precision {
        Precision::Day => (Literal::new_typed_literal(s.to_string(), xsd::DATE), bkg::DAY),
        Precision::Week => (Literal::new_typed_literal(s.to_string(), xsd::DATE), bkg::WEEK),
        Precision::Month if same_month => (
            Literal::new_typed_literal(format!("{:04}-{:02}", s.year, s.month), xsd::G_YEAR_MONTH),
            bkg::MONTH,
        ),
        Precision::Month => (Literal::new_typed_literal(s.to_string(), xsd::DATE), bkg::MONTH),
        Precision::Year => (
            Literal::new_typed_literal(format!("{:04}", s.year), xsd::G_YEAR),
            bkg::YEAR,
        ),
    };
    sink.add(event, bkg::DATE, literal);
    sink.add(event, bkg::DATE_PRECISION, precision.into_owned());
    if let Some(end) = span.end {
        sink.add(
            event,
            bkg::DATE_EARLIEST,
            Literal::new_typed_literal(s.to_string(), xsd::DATE),
        );
        sink.add(
            event,
            bkg::DATE_LATEST,
            Literal::new_typed_literal(end.to_string(), xsd::DATE),
        );
    }
}

fn casualty_figure(ids: &Ids, figure: &Figure, victims: Option<NamedNode>, sink: &mut Sink<'_>) {
    let (event, local, att) = (&ids.event, &ids.local, &ids.att);
    let suffix = match figure.victims {
        Victims::All => "total",
        Victims::SideA => "side-a",
        Victims::SideB => "side-b",
        Victims::Civilians => "civilians",
        Victims::Unknown => "unknown",
    };
    let qualifier = match figure.qualifier {
        Qualifier::BestEstimate => bkg::BEST_ESTIMATE,
        Qualifier::AtLeast => bkg::AT_LEAST,
    };
    let iri = NamedNode::new_unchecked(format!("{FIGURE}{local}-{suffix}"));
    sink.add(event, bkg::CASUALTIES, iri.clone());
    sink.add(&iri, rdf::TYPE, bkg::CASUALTY_FIGURE.into_owned());
    sink.add(&iri, bkg::DEATHS, integer(figure.deaths));
    if let Some(low) = figure.low {
        sink.add(&iri, bkg::DEATHS_LOW, integer(low));
    }
    if let Some(high) = figure.high {
        sink.add(&iri, bkg::DEATHS_HIGH, integer(high));
    }
    sink.add(&iri, bkg::QUALIFIER, qualifier.into_owned());
    if let Some(victims) = victims {
        sink.add(&iri, bkg::VICTIM_CATEGORY, victims);
    }
    sink.add(&iri, bkg::ATTESTED_BY, att.clone());
}

fn integer(n: u64) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}
