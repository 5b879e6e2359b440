//! The extractor proper: segments the article, skips its furniture, and runs mentions, events,
//! dates, casualties, attributions and facts sentence by sentence, keeping the discourse state.

use std::collections::BTreeMap;

use super::args::{Arg, Args};
use super::discourse::{self, Discourse};
use super::error::{Error, Result};
use super::events::{self, Found};
use super::facts::{self, FoundFact, Obj};
use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::mentions::{self, Ctx, Ent};
use super::model::{
    ArticleMeta, Count, EntityRef, Event, EventDate, Extraction, Fact, FactObject, KnownEntity, NewEntity,
    Span, Standing, Unmatched,
};
use super::slug::{slug, source_slug};
use super::text::Prepared;
use super::vocab;
use super::{casualties, claims, dates, furniture};
use crate::sources::{segment, Sentence};

/// Extracts candidate events, facts and new entities from an article's text.
///
/// Pure: the same text, metadata and dictionaries always give the same extraction. Runs in time
/// linear in the text (each sentence is scanned a bounded number of times).
///
/// ```
/// use borderkg::extract::{extract, ArticleMeta, Date, Gazetteer, Lexicon};
/// let lex = Lexicon::from_files(borderkg::extract::lexicon::embedded()).unwrap();
/// let gaz = Gazetteer::from_turtle([("g", "@prefix id: <https://w3id.org/borderkg/id/> .
///   @prefix bkg: <https://w3id.org/borderkg/ontology#> .
///   @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
///   id:tajikistan a bkg:State ; skos:prefLabel \"Tajikistan\"@en ; skos:altLabel \"Tajik\"@en .
///   id:afghanistan a bkg:State ; skos:prefLabel \"Afghanistan\"@en .")]).unwrap();
/// let meta = ArticleMeta::new("a1", Date::parse("2025-12-05").unwrap());
/// let x = extract("Tajikistan urged Afghanistan to secure the border on Tuesday.", &meta, &lex, &gaz);
/// assert_eq!(x.events[0].class, "https://w3id.org/borderkg/ontology#Appeal");
/// ```
pub fn extract(text: &str, meta: &ArticleMeta, lexicon: &Lexicon, gazetteer: &Gazetteer) -> Extraction {
    let sentences = segment(text);
    let skipped = furniture::skipped(text, &sentences, lexicon);
    let cx = Ctx {
        lex: lexicon,
        gaz: gazetteer,
        date: meta.date,
        source: &meta.source_id,
    };
    let mut b = Builder::new(meta);
    let mut disc = Discourse::default();
    let read = |s: &&Sentence| skipped.binary_search(&s.index).is_err();
    disc.main_border =
        discourse::main_border(gazetteer, sentences.iter().filter(read).map(|s| s.text.as_str()));
    let mut first = true;
    let mut named: Vec<(String, Span)> = Vec::new();
    for s in &sentences {
        if skipped.binary_search(&s.index).is_ok() {
            continue;
        }
        sentence(s, first, &cx, &mut disc, &mut b, &mut named);
        first = false;
    }
    let mut x = b.finish(sentences.len(), skipped);
    x.mentioned = mentioned(&x, &named, gazetteer);
    x.source_known = gazetteer.has_source(&format!("{}{}", vocab::SRC, source_slug(&meta.source_id)));
    x.publisher = meta
        .publisher
        .as_deref()
        .and_then(|p| gazetteer.by_label(p))
        .and_then(|i| gazetteer.entity(i))
        .filter(|e| e.is_actor)
        .map(|e| e.to_ref());
    x
}

/// Like [`extract`], from the bytes of a file.
///
/// # Errors
/// [`Error::InvalidUtf8`] with the offset of the first bad byte, or [`Error::Binary`] when the
/// bytes hold NUL characters.
pub fn extract_bytes(
    bytes: &[u8],
    meta: &ArticleMeta,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
) -> Result<Extraction> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { offset });
    }
    Ok(extract(
        text.strip_prefix('\u{feff}').unwrap_or(text),
        meta,
        lexicon,
        gazetteer,
    ))
}

fn sentence(
    s: &Sentence,
    first: bool,
    cx: &Ctx<'_>,
    disc: &mut Discourse,
    b: &mut Builder<'_>,
    named: &mut Vec<(String, Span)>,
) {
    let p = Prepared::new(&s.text);
    let ms = mentions::find(&p, cx, disc);
    for e in ms
        .iter()
        .filter(|m| !m.anaphor)
        .flat_map(|m| m.actor.iter().chain(m.place.iter()))
        .filter(|e| e.known)
    {
        if !named.iter().any(|(i, _)| *i == e.r.iri) {
            named.push((
                e.r.iri.clone(),
                Span {
                    sentence: s.index,
                    char_start: s.start,
                    char_end: s.end,
                },
            ));
        }
    }
    let mut a = Args {
        p: &p,
        lex: cx.lex,
        mentions: &ms,
        excluded: Vec::new(),
        sides: disc.sides(),
        belligerents: disc.belligerents.clone(),
        gaz: Some(cx.gaz),
    };
    let attributions = claims::find(&a);
    a.excluded = attributions
        .iter()
        .map(|at| (at.speaker_span, at.scope.clone()))
        .collect();
    let found = events::find(&a, &attributions);
    let mut ds = dates::find(&p, cx.lex, cx.date);
    // "DUSHANBE, Dec 18 (Agency) -": a dateline's date is the publication's, not an event's.
    if first {
        let head = (0..p.tokens.len().min(12)).find(|&i| matches!(p.low(i), "-" | ":"));
        ds.retain(|d| head.is_none_or(|h| d.from > h));
    }
    let counts = casualties::find(&p, cx.lex, &ms);
    let span = Span {
        sentence: s.index,
        char_start: s.start,
        char_end: s.end,
    };
    let mut found = found;
    discourse::border_as_place(&mut found, &ms, disc);
    discourse::bilateral_parties(&p, &mut found, disc);
    let assigned = assign_counts(&mut found, &counts);
    let statement_dates = statement_dates(&p, &ds, &attributions);
    let clauses: Vec<(usize, usize)> = found
        .iter()
        .map(|f| (a.clause_start(f.span.0, 0), a.clause_end(f.span.1)))
        .collect();
    let read = Read {
        found: &found,
        ds: &ds,
        statement_dates: &statement_dates,
        clauses: &clauses,
        counts: &assigned,
        span: &span,
        p: &p,
        text: &s.text,
    };
    let iris = b.add_events(&read);
    for (ph, role) in found.iter().flat_map(|f| f.unmatched.iter()) {
        let u = b.unmatched.entry((ph.clone(), role)).or_default();
        if !u.contains(&s.index) {
            u.push(s.index);
        }
    }
    let fs = facts::find(&a, cx, disc);
    b.add_facts(&fs, &span);
    remember(disc, &ms, &found, &iris, &attributions);
}

/// The graph's actors and places the draft refers to or the article names: those named first, in
/// order, then those only events and facts refer to (through an anaphor), at their first use.
fn mentioned(x: &Extraction, named: &[(String, Span)], g: &Gazetteer) -> Vec<KnownEntity> {
    let mut all: Vec<(String, Span)> = named.to_vec();
    let mut add = |iri: &str, span: &Span| {
        if !all.iter().any(|(i, _)| i == iri) {
            all.push((iri.to_owned(), span.clone()));
        }
    };
    for e in &x.events {
        let refs = e
            .agents
            .iter()
            .chain(&e.targets)
            .chain(&e.place)
            .chain(&e.claimant);
        let victims = e
            .killed
            .iter()
            .chain(&e.injured)
            .filter_map(|c| c.victims.as_ref());
        for r in refs.chain(victims) {
            add(&r.iri, &e.span);
        }
    }
    for f in &x.facts {
        add(&f.subject.iri, &f.span);
        if let FactObject::Entity(o) = &f.object {
            add(&o.iri, &f.span);
        }
    }
    all.into_iter()
        .filter_map(|(iri, span)| {
            let e = g.entity(g.by_iri(&iri)?)?;
            Some(KnownEntity {
                iri,
                label: e.label.clone(),
                classes: e.class_iris.clone(),
                separates: e.separates.clone(),
                span,
            })
        })
        .collect()
}

/// Which dates belong to a statement ("said on Friday", "on Sunday said"), not to what it reports.
fn statement_dates(p: &Prepared, ds: &[dates::DateExpr], attributions: &[claims::Attribution]) -> Vec<bool> {
    ds.iter()
        .map(|d| {
            attributions.iter().any(|at| {
                let after = at.at < d.from && d.from - at.at <= 8;
                let before = d.to <= at.at
                    && at.at - d.to <= 3
                    && at.speaker_span.1 <= d.from
                    && !(d.to..at.at).any(|i| p.low(i) == ",");
                after || before
            })
        })
        .collect()
}

/// Remembers what a sentence said, for the next ones: actors, places, the last violent event's
/// agents and the last speaker.
fn remember(
    disc: &mut Discourse,
    ms: &[mentions::Mention],
    found: &[Found],
    iris: &[Option<String>],
    attributions: &[claims::Attribution],
) {
    for m in ms {
        if let (Some(alias), Some(e)) = (&m.alias, &m.actor) {
            if !disc.local_names.iter().any(|(n, _)| n == alias) {
                disc.local_names.push((alias.clone(), e.clone()));
            }
        }
    }
    for m in ms.iter().filter(|m| !m.anaphor) {
        if let Some(e) = m.actor.as_ref().filter(|_| !m.demonym) {
            disc.saw_actor(e);
        }
        if let Some(e) = &m.place {
            disc.saw_place(e);
        }
    }
    if let Some(s) = ms.iter().rev().find_map(|m| m.force_of.as_ref()) {
        disc.force_state = Some(s.clone());
    }
    for (f, iri) in found.iter().zip(iris) {
        if iri.is_none() {
            continue;
        }
        if f.violent() && !f.agents.is_empty() {
            disc.violent_agents = f.agents.iter().map(|x| x.0.clone()).collect();
        }
        if f.violent() {
            for (e, _) in f.targets.iter().chain(&f.agents) {
                disc.saw_belligerent(e);
            }
        }
        if events::is_speech(&f.class) {
            disc.speaker = f.agents.first().map(|x| x.0.clone());
        }
    }
    if let Some(at) = attributions.last() {
        disc.speaker = Some(at.speaker.0.clone());
    }
}

/// Gives each casualty count to the nearest violent event of the sentence; an event with no
/// target takes the named victims as its target.
fn assign_counts(
    found: &mut [Found],
    counts: &[casualties::CountExpr],
) -> Vec<(Option<casualties::CountExpr>, Option<casualties::CountExpr>)> {
    let mut out = vec![(None, None); found.len()];
    for c in counts {
        let best = (0..found.len())
            .filter(|&k| found[k].violent())
            .min_by_key(|&k| found[k].span.0.abs_diff(c.at));
        let Some(k) = best else { continue };
        let slot = if c.killed { &mut out[k].0 } else { &mut out[k].1 };
        if slot.is_none() {
            *slot = Some(c.clone());
        }
        if found[k].targets.is_empty() {
            if let Some(v) = c
                .victims
                .clone()
                .filter(|v| !found[k].agents.iter().any(|a| a.0.r.iri == v.r.iri))
            {
                found[k].targets.push((v, None));
            }
        }
    }
    out
}

/// What one sentence gives the builder.
struct Read<'s> {
    found: &'s [Found],
    ds: &'s [dates::DateExpr],
    statement_dates: &'s [bool],
    clauses: &'s [(usize, usize)],
    counts: &'s [(Option<casualties::CountExpr>, Option<casualties::CountExpr>)],
    span: &'s Span,
    p: &'s Prepared,
    text: &'s str,
}

impl Read<'_> {
    /// The IRI event `k` of this sentence gets (stable: source, sentence, class, position).
    fn planned_iri(&self, source_id: &str, k: usize) -> String {
        let class = self.found.get(k).map_or("event", |f| f.class.as_str());
        format!(
            "{}{}-s{}-{}-{}",
            vocab::EV,
            source_slug(source_id),
            self.span.sentence,
            slug(class),
            k
        )
    }
}

/// An event is kept when it names someone, and a speech act when it names its speaker.
fn keepable(f: &Found) -> bool {
    let needs_speaker = matches!(
        f.class.as_str(),
        "Accusation" | "Condemnation" | "Appeal" | "CallForRestraint" | "Warning" | "Criticism" | "Denial"
    );
    let nobody = f.agents.is_empty() && f.targets.is_empty();
    !(nobody || needs_speaker && f.agents.is_empty())
}

/// The date of event `k`: the nearest date of its clause (a violent event may take the only date of
/// the sentence), never the date of a statement about it, never the start of a period.
fn pick_date(r: &Read<'_>, k: usize) -> EventDate {
    let f = &r.found[k];
    let speech = events::is_speech(&f.class);
    let cands: Vec<(&dates::DateExpr, usize)> = r
        .ds
        .iter()
        .zip(r.statement_dates)
        .filter(|(d, st)| {
            // A speech act takes a date after it, or one before it in the same stretch
            // ("On Monday, X said" is fine; "… in March 2020, with X voicing" is not).
            let before_ok = d.from >= f.span.1 || !(d.to..f.span.0).any(|i| r.p.low(i) == ",") || d.from == 0;
            let in_clause = d.from >= r.clauses[k].0 && d.to <= r.clauses[k].1;
            !d.since && (speech || !**st) && (!speech || before_ok) && (in_clause || f.violent())
        })
        .map(|(d, _)| {
            (
                d,
                if d.from >= f.span.1 {
                    d.from - f.span.1
                } else {
                    f.span.0.saturating_sub(d.to)
                },
            )
        })
        .collect();
    let only = cands.len() == 1 && f.violent();
    cands
        .iter()
        .filter(|(_, dist)| *dist <= 12 || only)
        .min_by_key(|(_, dist)| *dist)
        .map_or_else(EventDate::unknown, |(d, _)| d.date.clone())
}

struct Builder<'m> {
    meta: &'m ArticleMeta,
    events: Vec<Event>,
    facts: Vec<Fact>,
    new: BTreeMap<String, NewEntity>,
    order: Vec<String>,
    unmatched: BTreeMap<(String, &'static str), Vec<usize>>,
}

fn entity_ref(e: &Ent) -> EntityRef {
    e.r.clone()
}

impl<'m> Builder<'m> {
    fn new(meta: &'m ArticleMeta) -> Self {
        Self {
            meta,
            events: Vec::new(),
            facts: Vec::new(),
            new: BTreeMap::new(),
            order: Vec::new(),
            unmatched: BTreeMap::new(),
        }
    }

    /// Notes a proposed entity (and the proposed state its nationality names).
    fn propose(&mut self, e: &Ent, span: &Span, confidence: f32) {
        if e.known {
            return;
        }
        if !self.new.contains_key(&e.r.iri) {
            let is_place = matches!(
                e.class.as_str(),
                "Place"
                    | "Region"
                    | "Province"
                    | "District"
                    | "Settlement"
                    | "Village"
                    | "Town"
                    | "City"
                    | "River"
                    | "Border"
                    | "BorderPost"
                    | "BorderCrossing"
                    | "Facility"
            );
            self.order.push(e.r.iri.clone());
            self.new.insert(
                e.r.iri.clone(),
                NewEntity {
                    iri: e.r.iri.clone(),
                    label: e.r.label.clone(),
                    class: vocab::bkg(&e.class),
                    kind: if is_place { "place" } else { "actor" },
                    span: span.clone(),
                    confidence: (confidence - 0.1).clamp(0.1, 0.9),
                },
            );
            if let Some(nat) = e.nationality.as_deref() {
                self.propose(nat, span, confidence);
                self.add_fact(e, "nationality", FactObject::Entity(nat.r.clone()), span, 0.7);
            }
        }
    }

    fn take(&mut self, args: &[Arg], span: &Span, conf: f32, metonyms: &mut Vec<String>) -> Vec<EntityRef> {
        let mut out: Vec<EntityRef> = Vec::new();
        for (e, met) in args {
            self.propose(e, span, conf);
            if let Some(m) = met {
                metonyms.push(format!("'{m}' stands for {}", e.r.label));
            }
            if !out.iter().any(|r| r.iri == e.r.iri) {
                out.push(entity_ref(e));
            }
        }
        out
    }

    fn add_events(&mut self, r: &Read<'_>) -> Vec<Option<String>> {
        let span = r.span;
        let mut iris: Vec<Option<String>> = vec![None; r.found.len()];
        let mut made: Vec<(usize, usize)> = Vec::new();
        for (k, f) in r.found.iter().enumerate() {
            // A violent event naming no one is still kept when the sentence gives its toll
            // ("a bombing in Kabul killed 12 people").
            // A bare "were killed" is a toll, not an event: the trigger must name one.
            let named = !events::KILL_WORDS.contains(&f.trigger.to_lowercase().as_str());
            let toll = named && f.violent() && (r.counts[k].0.is_some() || r.counts[k].1.is_some());
            let anonymous_toll = toll && f.agents.is_empty() && f.targets.is_empty();
            if !(keepable(f) || anonymous_toll) {
                continue;
            }
            let about = self.about(r, k, &iris);
            if f.class == "Denial" && about.is_none() {
                continue;
            }
            if let Some(iri) = self.merge_duplicate(f, span) {
                if let Some(d) = self.events.iter().position(|e| e.iri == iri) {
                    made.push((k, d));
                }
                iris[k] = Some(iri);
                continue;
            }
            let mut metonyms = Vec::new();
            let agents = self.take(&f.agents, span, f.confidence, &mut metonyms);
            let targets = self.take(&f.targets, span, f.confidence, &mut metonyms);
            let claimant = f.claimant.as_ref().and_then(|c| {
                self.take(std::slice::from_ref(c), span, f.confidence, &mut metonyms)
                    .into_iter()
                    .next()
            });
            if let Some(pl) = &f.place {
                self.propose(pl, span, f.confidence);
            }
            let iri = r.planned_iri(&self.meta.source_id, k);
            iris[k] = Some(iri.clone());
            made.push((k, self.events.len()));
            self.events.push(Event {
                iri,
                class: vocab::bkg(&f.class),
                agents,
                targets,
                place: f.place.as_ref().map(entity_ref),
                date: pick_date(r, k),
                killed: None,
                injured: None,
                standing: f.standing,
                claimant,
                span: span.clone(),
                confidence: f.confidence.clamp(0.05, 0.95),
                text: r.text.to_owned(),
                about,
                metonyms,
                trigger: f.trigger.clone(),
            });
        }
        self.drop_dangling(span, &made);
        self.attach_counts(r, &made);
        iris
    }

    /// What event `k` is about: the link the sentence gave it, or for a denial the event of this
    /// sentence it follows, else the last accusation, claim or criticism of the article.
    fn about(&self, r: &Read<'_>, k: usize, iris: &[Option<String>]) -> Option<String> {
        let f = &r.found[k];
        if let Some(i) = f.about {
            return Some(r.planned_iri(&self.meta.source_id, i));
        }
        if f.class != "Denial" {
            return None;
        }
        iris[..k].iter().rev().flatten().next().cloned().or_else(|| {
            self.events
                .iter()
                .rev()
                .find(|e| {
                    ["#Accusation", "#Claim", "#Criticism", "#Condemnation"]
                        .iter()
                        .any(|c| e.class.ends_with(c))
                })
                .map(|e| e.iri.clone())
        })
    }

    /// The same event said twice in one sentence ("urged X …, and pressed Y") is one event.
    fn merge_duplicate(&mut self, f: &Found, span: &Span) -> Option<String> {
        // "A deadly confrontation … exchanged fire with security forces": a mention naming no one
        // and a later one naming the parties are one event.
        if let Some(d) = self.events.iter().position(|e| {
            e.span.sentence == span.sentence
                && e.class == vocab::bkg(&f.class)
                && e.agents.is_empty()
                && e.targets.is_empty()
                && !f.agents.is_empty()
        }) {
            let mut m = Vec::new();
            self.events[d].agents = self.take(&f.agents, span, f.confidence, &mut m);
            self.events[d].targets = self.take(&f.targets, span, f.confidence, &mut m);
            return Some(self.events[d].iri.clone());
        }
        let d = self.events.iter().position(|e| {
            e.span.sentence == span.sentence
                && e.class == vocab::bkg(&f.class)
                && e.agents
                    .iter()
                    .map(|r| &r.iri)
                    .eq(f.agents.iter().map(|a| &a.0.r.iri))
                && (e.targets.is_empty() || f.targets.is_empty())
        })?;
        if self.events[d].targets.is_empty() {
            let mut m = Vec::new();
            self.events[d].targets = self.take(&f.targets, span, f.confidence, &mut m);
        }
        Some(self.events[d].iri.clone())
    }

    /// A link to an event of this sentence that was not kept is dropped.
    fn drop_dangling(&mut self, span: &Span, made: &[(usize, usize)]) {
        for &(_, ei) in made {
            if let Some(about) = self.events[ei].about.clone() {
                if about.contains(&format!("-s{}-", span.sentence))
                    && !self.events.iter().any(|e| e.iri == about)
                {
                    self.events[ei].about = None;
                }
            }
        }
    }

    /// Casualty counts of the sentence onto the events they were assigned to.
    fn attach_counts(&mut self, r: &Read<'_>, made: &[(usize, usize)]) {
        for &(k, ei) in made {
            for (c, killed) in [(&r.counts[k].0, true), (&r.counts[k].1, false)] {
                let Some(c) = c else { continue };
                let victims = c
                    .victims
                    .clone()
                    .or_else(|| r.found[k].targets.first().map(|t| t.0.clone()))
                    .unwrap_or_else(|| Ent::proposed("unidentified victims", "PeopleGroup"));
                self.propose(&victims, r.span, 0.5);
                let count = Count {
                    count: c.count,
                    qualifier: c.qualifier,
                    victims: Some(entity_ref(&victims)),
                    text: c.text.clone(),
                };
                let e = &mut self.events[ei];
                let slot = if killed { &mut e.killed } else { &mut e.injured };
                if slot.is_none() {
                    *slot = Some(count);
                }
            }
        }
    }

    fn add_fact(&mut self, subject: &Ent, relation: &str, object: FactObject, span: &Span, confidence: f32) {
        let n = self.facts.len();
        let iri = format!(
            "{}{}-s{}-{}-{}-{n}",
            vocab::FACT,
            source_slug(&self.meta.source_id),
            span.sentence,
            slug(&subject.r.label),
            slug(relation)
        );
        let fact = Fact {
            iri,
            subject: entity_ref(subject),
            predicate: vocab::bkg(relation),
            object,
            standing: Standing::Reported,
            claimant: None,
            span: span.clone(),
            confidence,
        };
        if !self
            .facts
            .iter()
            .any(|f| f.subject == fact.subject && f.predicate == fact.predicate && f.object == fact.object)
        {
            self.facts.push(fact);
        }
    }

    fn add_facts(&mut self, fs: &[FoundFact], span: &Span) {
        for f in fs {
            self.propose(&f.subject, span, 0.6);
            let object = match &f.object {
                Obj::Ent(e) => {
                    self.propose(e, span, 0.6);
                    FactObject::Entity(entity_ref(e))
                }
                Obj::Length(v, unit, q) => FactObject::Quantity {
                    quantity: "length".into(),
                    value: *v,
                    unit: unit.clone(),
                    qualifier: *q,
                },
            };
            self.add_fact(&f.subject, &f.relation, object, span, 0.6);
        }
    }

    fn finish(self, sentences: usize, skipped: Vec<usize>) -> Extraction {
        let mut new = self.new;
        let new_entities = self.order.iter().filter_map(|i| new.remove(i)).collect();
        let unmatched = self
            .unmatched
            .into_iter()
            .map(|((phrase, role), sentences)| Unmatched {
                phrase,
                role,
                count: sentences.len(),
                sentences,
            })
            .collect();
        Extraction {
            meta: self.meta.clone(),
            events: self.events,
            facts: self.facts,
            new_entities,
            unmatched,
            sentences,
            skipped,
            publisher: None,
            mentioned: Vec::new(),
            source_known: false,
        }
    }
}
