//! What the article has said so far, for resolving "the group", "the ministry", "the attackers" and
//! pronouns to an actor named earlier (coreference inside one article only).

use std::collections::HashMap;

use super::events::Found;
use super::gazetteer::Gazetteer;
use super::mentions::{Ent, Mention};
use super::text::Prepared;

/// The running state of an article.
#[derive(Debug, Default, Clone)]
pub struct Discourse {
    /// Last actor seen of each class (local name).
    by_class: HashMap<String, Ent>,
    /// Recent actors, most recent last (bounded).
    recent: Vec<Ent>,
    /// Agents of the last violent event.
    pub violent_agents: Vec<Ent>,
    /// Speaker of the last speech act or attribution.
    pub speaker: Option<Ent>,
    /// The state whose armed or security body was named last ("Tajik border guards").
    pub force_state: Option<Ent>,
    /// Last border mentioned.
    pub border: Option<Ent>,
    /// The border the article names most (ties: the first named), known before reading it.
    pub main_border: Option<Ent>,
    /// How often each state has been named, with the order it was first named.
    states: Vec<(Ent, usize)>,
    /// How often each state or armed group has been named.
    parties: Vec<(Ent, usize)>,
    /// The parties of the article's fighting, most recent first: the last two distinct actors seen
    /// as agent or target of a violent event.
    pub belligerents: Vec<Ent>,
    /// Names the article introduced for an actor the graph lacks ("Tehreek-e-Taliban Pakistan
    /// (TTP)" makes "TTP" a name for the rest of the article), with the actor.
    pub local_names: Vec<(String, Ent)>,
}

const RECENT: usize = 24;

impl Discourse {
    /// Notes an actor mention.
    pub fn saw_actor(&mut self, e: &Ent) {
        if e.class == "State" {
            match self.states.iter_mut().find(|(s, _)| s.r.iri == e.r.iri) {
                Some((_, n)) => *n += 1,
                None => self.states.push((e.clone(), 1)),
            }
        }
        if matches!(e.class.as_str(), "State" | "ArmedGroup") {
            match self.parties.iter_mut().find(|(s, _)| s.r.iri == e.r.iri) {
                Some((_, n)) => *n += 1,
                None => self.parties.push((e.clone(), 1)),
            }
        }
        self.by_class.insert(e.class.clone(), e.clone());
        self.recent.retain(|r| r.r.iri != e.r.iri);
        self.recent.push(e.clone());
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
    }

    /// Notes a party to a violent event.
    pub fn saw_belligerent(&mut self, e: &Ent) {
        self.belligerents.retain(|b| b.r.iri != e.r.iri);
        self.belligerents.insert(0, e.clone());
        self.belligerents.truncate(2);
    }

    /// Notes a place mention.
    pub fn saw_place(&mut self, e: &Ent) {
        if e.class == "Border" {
            self.border = Some(e.clone());
        }
    }

    /// The two states named last ("both countries").
    pub fn pair(&self) -> Vec<Ent> {
        let mut s: Vec<&(Ent, usize)> = self.states.iter().collect();
        s.sort_by_key(|e| std::cmp::Reverse(e.1));
        s.into_iter().take(2).map(|(e, _)| e.clone()).collect()
    }

    /// The two states or armed groups named most so far ("both sides").
    pub fn sides(&self) -> Vec<Ent> {
        let mut s: Vec<&(Ent, usize)> = self.parties.iter().collect();
        s.sort_by_key(|e| std::cmp::Reverse(e.1));
        s.into_iter().take(2).map(|(e, _)| e.clone()).collect()
    }

    /// Resolves an anaphor's `refers-to` value (see `lexicon/anaphors.tsv`).
    pub fn resolve(&self, refers_to: &str) -> Option<Ent> {
        match refers_to {
            "agent" => self.violent_agents.first().cloned(),
            "speaker" => self.speaker.clone(),
            class
                if class.chars().next().is_some_and(char::is_uppercase)
                    && self.by_class.contains_key(class) =>
            {
                self.by_class.get(class).cloned()
            }
            word => {
                let word = word.to_lowercase();
                self.recent
                    .iter()
                    .rev()
                    .find(|e| e.r.label.to_lowercase().contains(&word))
                    .cloned()
            }
        }
    }
}

/// The graph border an article names most often in `sentences` (ties: the first named).
pub fn main_border<'s>(gaz: &Gazetteer, sentences: impl IntoIterator<Item = &'s str>) -> Option<Ent> {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for s in sentences {
        let p = Prepared::new(s);
        for nm in gaz.find(&p) {
            let i = nm.name.entity;
            if !gaz
                .entity(i)
                .is_some_and(|e| e.classes.iter().any(|c| c == "Border"))
            {
                continue;
            }
            match seen.iter_mut().find(|(e, _)| *e == i) {
                Some((_, n)) => *n += 1,
                None => seen.push((i, 1)),
            }
        }
    }
    let best = seen.iter().map(|(_, n)| *n).max()?;
    let (i, _) = seen.iter().find(|(_, n)| *n == best)?;
    Ent::of_graph(gaz, *i)
}

/// Fighting and crossings with no place of their own happen on the border the article is about:
/// the border named in this sentence, else the last one named before, else the one it names most.
pub fn border_as_place(found: &mut [Found], ms: &[Mention], disc: &Discourse) {
    let here = ms
        .iter()
        .filter_map(|m| m.place.as_ref())
        .find(|p| p.class == "Border");
    let Some(border) = here.or(disc.border.as_ref()).or(disc.main_border.as_ref()) else {
        return;
    };
    for f in found.iter_mut().filter(|f| f.place.is_none()) {
        if matches!(
            f.class.as_str(),
            "Clash" | "ArmedAttack" | "Attack" | "Incursion" | "Deployment" | "Closure"
        ) {
            f.place = Some(border.clone());
        }
    }
}

/// "under an intergovernmental agreement", "bilateral talks": naming no party, they are between
/// the two states the article has named most.
pub fn bilateral_parties(p: &Prepared, found: &mut [Found], disc: &Discourse) {
    const BILATERAL: [&str; 3] = ["bilateral", "intergovernmental", "inter-governmental"];
    for f in found.iter_mut() {
        let before = f.span.0.checked_sub(1).map_or("", |i| p.low(i));
        let bilateral =
            BILATERAL.contains(&before) || BILATERAL.iter().any(|w| f.trigger.to_lowercase().contains(w));
        if bilateral && f.agents.is_empty() && f.targets.is_empty() {
            let two = disc.pair();
            if two.len() == 2 {
                f.agents = two.into_iter().map(|e| (e, None)).collect();
            }
        }
    }
}
