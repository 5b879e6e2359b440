//! What the article has said so far, for resolving "the group", "the ministry", "the attackers" and
//! pronouns to an actor named earlier (coreference inside one article only).

use std::collections::HashMap;

use super::mentions::Ent;

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
    /// Last border mentioned.
    pub border: Option<Ent>,
    /// How often each state has been named, with the order it was first named.
    states: Vec<(Ent, usize)>,
    /// How often each state or armed group has been named.
    parties: Vec<(Ent, usize)>,
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
