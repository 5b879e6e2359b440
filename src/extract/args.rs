//! Finds an event's arguments around its trigger words: the subject on the left (with compound
//! subjects), the object on the right, a `by` agent, and the place, never across a clause break.

use super::lexicon::{Cue, Lexicon};
use super::mentions::{Ent, Mention};
use super::text::{Kind, Prepared};

/// Prepositions that keep a name from being a subject or a direct object.
const PREPOSITIONS: [&str; 26] = [
    "of",
    "in",
    "from",
    "to",
    "with",
    "at",
    "near",
    "across",
    "into",
    "on",
    "against",
    "for",
    "by",
    "like",
    "between",
    "toward",
    "towards",
    "inside",
    "along",
    "over",
    "under",
    "about",
    "including",
    "among",
    "through",
    "within",
];

/// Prepositions that introduce where something happened.
const LOCATIVE: [&str; 9] = [
    "in", "at", "near", "inside", "along", "into", "across", "on", "outside",
];

/// The argument finder over one sentence.
pub struct Args<'a> {
    /// The sentence.
    pub p: &'a Prepared,
    /// Dictionaries.
    pub lex: &'a Lexicon,
    /// Its mentions, in order.
    pub mentions: &'a [Mention],
    /// Speakers of attributions (token span) with the token ranges their words cover: a speaker is
    /// not an argument of an event it reports.
    pub excluded: Vec<Excluded>,
    /// The two sides the article is about so far (for calls for restraint).
    pub sides: Vec<Ent>,
    /// The parties of the article's fighting so far, most recent first (for fighting named by a
    /// noun that names no party).
    pub belligerents: Vec<Ent>,
    /// Looks an entity up by label in the graph.
    pub gaz: Option<&'a super::gazetteer::Gazetteer>,
}

/// A speaker's token span and the token ranges its words cover.
pub type Excluded = ((usize, usize), Vec<(usize, usize)>);

/// An argument: the entity and, when a capital stood for it, the capital.
pub type Arg = (Ent, Option<String>);

impl Args<'_> {
    /// The graph's entity with this label.
    pub fn gaz_label(&self, label: &str) -> Option<Ent> {
        let g = self.gaz?;
        let i = g.by_label(label)?;
        let e = g.entity(i)?;
        Some(Ent {
            r: e.to_ref(),
            class: e.classes.first().cloned().unwrap_or_default(),
            known: true,
            nationality: None,
        })
    }

    /// True when token `i` is a clause break.
    pub fn is_break(&self, i: usize) -> bool {
        self.lex.has_cue(self.p.low(i), Cue::Break)
    }

    /// The first token of the clause holding token `i`, crossing `cross` breaks.
    pub fn clause_start(&self, i: usize, cross: usize) -> usize {
        let mut left = cross;
        let mut j = i;
        while j > 0 {
            j -= 1;
            if self.is_break(j) {
                if left == 0 {
                    return j + 1;
                }
                left -= 1;
            }
        }
        0
    }

    /// The token just past the clause holding token `i`.
    pub fn clause_end(&self, i: usize) -> usize {
        (i..self.p.tokens.len())
            .find(|&j| self.is_break(j) && j > i)
            .unwrap_or(self.p.tokens.len())
    }

    fn prep_before(&self, m: &Mention) -> Option<&str> {
        let mut j = m.from;
        // Skip a determiner: "in the Khatlon region".
        if j > 0 && matches!(self.p.low(j - 1), "the" | "a" | "an" | "its" | "their") {
            j -= 1;
        }
        let w = self.p.low(j.checked_sub(1)?);
        PREPOSITIONS.contains(&w).then_some(w)
    }

    /// A pronoun ("they", "it") is a subject, never an object.
    fn pronoun(&self, m: &Mention) -> bool {
        m.anaphor && m.to == m.from + 1 && matches!(self.p.low(m.from), "they" | "it" | "he" | "she")
    }

    fn arg(m: &Mention) -> Option<Arg> {
        if m.demonym {
            return None;
        }
        m.actor.clone().map(|a| (a, m.metonym.clone()))
    }

    /// The subject of a trigger at token `ts`: the nearest actor on its left in the clause, with
    /// the actors coordinated with it ("Iran and Saudi Arabia").
    pub fn subject(&self, ts: usize, cross: usize) -> Vec<Arg> {
        let start = self.clause_start(ts, cross);
        if self.unnamed_subject(ts, start) {
            return Vec::new();
        }
        // "with Dushanbe expressing concern": a name right before a participle is its subject.
        let absolute = |m: &Mention| {
            self.prep_before(m) == Some("with") && ts - m.to <= 2 && self.p.low(ts).ends_with("ing")
        };
        // The subject of a passive stands right before its auxiliary: "the men were shot".
        let passive = (1..=2).any(|k| ts >= k && self.lex.has_cue(self.p.low(ts - k), Cue::Be));
        let near = |m: &Mention| !passive || (ts - m.to <= 4 && !(m.to..ts).any(|i| self.p.low(i) == ","));
        // ", accusing …", ", claiming …": a participle after a comma shares the clause's subject,
        // the first name of the clause, not the nearest one (which is often an object).
        let participle_first =
            cross > 0 && self.p.low(ts).ends_with("ing") && (start..ts).any(|i| self.p.low(i) == ",");
        let limit = if participle_first { 25 } else { 14 };
        let eligible = |m: &Mention| {
            m.to <= ts
                && m.from >= start
                && ts - m.to <= limit
                && m.actor.is_some()
                && !m.demonym
                && !self.excluded.iter().any(|((a, b), scope)| {
                    *a <= m.from && m.to <= *b && scope.iter().any(|&(x, y)| x <= ts && ts < y)
                })
                && (self.prep_before(m).is_none() || absolute(m))
                && near(m)
        };
        let found = match self.mentions.iter().rposition(|m| eligible(m) && absolute(m)) {
            Some(p) => Some(p),
            None if participle_first => self.mentions.iter().position(eligible),
            None => self.mentions.iter().rposition(eligible),
        };
        let Some(pos) = found else {
            return Vec::new();
        };
        let mut out: Vec<Arg> = Self::arg(&self.mentions[pos]).into_iter().collect();
        let mut k = pos;
        let mut saw_and = false;
        while k > 0 {
            let (prev, cur) = (&self.mentions[k - 1], &self.mentions[k]);
            let gap: Vec<&str> = (prev.to..cur.from).map(|i| self.p.low(i)).collect();
            let same = prev.from == cur.from && prev.to == cur.to;
            let joined = match gap.as_slice() {
                ["and"] | [",", "and"] => {
                    saw_and = true;
                    true
                }
                // A bare comma only joins a list that ends in "and": "A, B and C".
                [","] => saw_and,
                _ => same,
            };
            if prev.from < start || !joined || !same && self.prep_before(prev).is_some_and(|w| w != "like") {
                break;
            }
            match Self::arg(prev) {
                Some(a) => out.insert(0, a),
                None => break,
            }
            k -= 1;
        }
        out
    }

    /// ", the armed men opened fire": a definite noun phrase that names no one stands right
    /// before the trigger as its subject, so no name further left is.
    fn unnamed_subject(&self, ts: usize, start: usize) -> bool {
        let covered = |i: usize| self.mentions.iter().any(|m| m.from <= i && i < m.to);
        let mut j = ts;
        while j > 0 && ts - j < 4 {
            let w = &self.p.tokens[j - 1];
            if w.kind != super::text::Kind::Word || w.cap || covered(j - 1) {
                break;
            }
            if matches!(w.lower.as_str(), "the" | "these" | "those") {
                let lead = j == 1 || j - 1 <= start || self.p.low(j - 2) == ",";
                return lead && j < ts;
            }
            j -= 1;
        }
        false
    }

    /// The direct object after token `te` (within `limit` tokens, same clause), with coordinated
    /// objects ("both Tajikistan and Afghanistan").
    pub fn object(&self, te: usize, limit: usize) -> Vec<Arg> {
        let end = self.clause_end(te).min(te + limit);
        // The object is the first name after the verb; a place there is not an actor object.
        let Some(pos) = self
            .mentions
            .iter()
            .position(|m| m.from >= te && m.from < end && self.object_ok(te, m) && !self.pronoun(m))
        else {
            return Vec::new();
        };
        let m = &self.mentions[pos];
        if m.actor.is_none()
            || m.demonym
            || m.metonym.is_some()
                && m.place.is_some()
                && self.prep_before(m).is_some_and(|w| LOCATIVE.contains(&w))
        {
            return Vec::new();
        }
        self.coordinated_right(pos)
    }

    fn object_ok(&self, te: usize, m: &Mention) -> bool {
        // Only a few determiners, adjectives and "both" may stand between the verb and its object.
        m.from <= te + 4
            && (te..m.from).all(|i| {
                let t = &self.p.tokens[i];
                let w = t.lower.as_str();
                !PREPOSITIONS.contains(&w) && !self.is_break(i) && t.kind != Kind::Number && w != ","
                    || w == "of" && i + 1 == m.from && i > te
            })
    }

    fn coordinated_right(&self, pos: usize) -> Vec<Arg> {
        let mut out: Vec<Arg> = Self::arg(&self.mentions[pos]).into_iter().collect();
        let mut k = pos;
        while k + 1 < self.mentions.len() {
            let (cur, next) = (&self.mentions[k], &self.mentions[k + 1]);
            let gap: Vec<&str> = (cur.to..next.from).map(|i| self.p.low(i)).collect();
            let same = cur.from == next.from && cur.to == next.to;
            let joined = match gap.as_slice() {
                ["and"] | [",", "and"] | ["and", "the"] | ["or"] => true,
                // A bare comma only joins a list that ends in "and": "A, B and C".
                [","] => self.list_ends_in_and(k + 1),
                _ => false,
            };
            if !(same || joined) {
                break;
            }
            match Self::arg(next) {
                Some(a) => out.push(a),
                None => break,
            }
            k += 1;
        }
        out
    }

    /// The names from mention `k` on, joined by commas, end with "and" before the last one.
    fn list_ends_in_and(&self, mut k: usize) -> bool {
        while let Some(next) = self.mentions.get(k + 1) {
            let cur = &self.mentions[k];
            let gap: Vec<&str> = (cur.to..next.from.max(cur.to)).map(|i| self.p.low(i)).collect();
            match gap.as_slice() {
                ["and"] | [",", "and"] => return true,
                [","] | [] => k += 1,
                _ => return false,
            }
        }
        false
    }

    /// "demanding urgent Afghan intervention": a nationality word before a common noun, within
    /// `limit` tokens after `te` with only adjectives between, read as its state.
    pub fn demonym_object(&self, te: usize, limit: usize) -> Vec<Arg> {
        let end = self.clause_end(te).min(te + limit);
        self.mentions
            .iter()
            .find(|m| {
                m.demonym
                    && m.from >= te
                    && m.from < end
                    && self.object_ok(te, m)
                    && self
                        .p
                        .tokens
                        .get(m.to)
                        .is_some_and(|t| t.kind == Kind::Word && !t.cap)
            })
            .and_then(|m| m.actor.clone())
            .map(|e| vec![(e, None)])
            .unwrap_or_default()
    }

    /// The actor after a preposition in `preps`, within `limit` tokens after `te`.
    pub fn after_prep(&self, te: usize, limit: usize, preps: &[&str]) -> Vec<Arg> {
        let end = self.clause_end(te).min(te + limit);
        let Some(pos) = self.mentions.iter().position(|m| {
            // A nationality word counts when a noun follows it: "against Pakistani border posts".
            let demonym_ok = !m.demonym
                || self
                    .p
                    .tokens
                    .get(m.to)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap);
            m.from >= te
                && m.from < end
                && m.actor.is_some()
                && demonym_ok
                && self.prep_before(m).is_some_and(|w| preps.contains(&w))
        }) else {
            return Vec::new();
        };
        let m = &self.mentions[pos];
        if m.demonym {
            return m.actor.clone().map(|a| vec![(a, None)]).unwrap_or_default();
        }
        self.coordinated_right(pos)
    }

    /// A nationality or actor right before a noun trigger ("Pakistani airstrike", "a US drone
    /// strike"), or the owner in "Pakistan's accusation".
    pub fn premodifier(&self, ts: usize) -> Vec<Arg> {
        let reach = |m: &Mention| ts - m.to <= 3 || (self.p.low(m.to) == "'s" && ts - m.to <= 5);
        let Some(m) = self.mentions.iter().rev().find(|m| m.to <= ts && reach(m)) else {
            return Vec::new();
        };
        let between: Vec<&str> = (m.to..ts).map(|i| self.p.low(i)).collect();
        let adjectival = between.iter().all(|w| {
            *w == "'s"
                || !(PREPOSITIONS.contains(w)
                    || !self.lex.cue(w).is_empty()
                    || w.ends_with("ed")
                    || matches!(*w, "," | "." | "and" | "the" | "a" | "an"))
        });
        if !adjectival {
            return Vec::new();
        }
        m.actor
            .clone()
            .map(|a| vec![(a, m.metonym.clone())])
            .unwrap_or_default()
    }

    /// The place of an event: a place named after a locative preposition in the trigger's clause,
    /// preferring one after the trigger; mentions already used as arguments are skipped.
    pub fn place(&self, ts: usize, te: usize, used: &[String]) -> Option<Ent> {
        let (start, end) = (self.clause_start(ts, 0), self.clause_end(te));
        // A nationality word is a place only before "territory", "soil", "side" ("Afghan territory").
        let territory = |m: &Mention| {
            !m.demonym || matches!(self.p.low(m.to), "territory" | "soil" | "side" | "airspace")
        };
        let near = |m: &Mention| m.from.abs_diff(te) <= 12 || m.to.abs_diff(ts) <= 12;
        let ok = |m: &&Mention| {
            m.place.is_some()
                && m.from >= start
                && m.to <= end
                && territory(m)
                && near(m)
                && self.prep_before(m).is_some_and(|w| LOCATIVE.contains(&w))
                && !m.place.as_ref().is_some_and(|p| used.contains(&p.r.iri))
        };
        let after = self.mentions.iter().filter(|m| m.from >= te).find(ok);
        let before = self.mentions.iter().rev().filter(|m| m.to <= ts).find(ok);
        let m = after.or(before)?;
        // "in Tajikistan's Khatlon province": the place is the narrower one.
        if self.p.low(m.to) == "'s" {
            if let Some(inner) = self
                .mentions
                .iter()
                .find(|n| n.from == m.to + 1 && n.place.is_some())
            {
                return inner.place.clone();
            }
        }
        m.place.clone()
    }

    /// A place that is the direct object (what was captured or closed).
    pub fn object_place(&self, te: usize, limit: usize) -> Option<Ent> {
        let end = self.clause_end(te).min(te + limit);
        self.mentions
            .iter()
            .find(|m| {
                m.from >= te && m.from < end && m.place.is_some() && !m.demonym && self.object_ok(te, m)
            })
            .and_then(|m| m.place.clone())
    }

    /// Up to three words right before `ts` (or after `te`) that matched nothing, for the report of
    /// unmatched phrases.
    pub fn loose_phrase(&self, at: usize, before: bool) -> Option<String> {
        let mut words: Vec<&str> = Vec::new();
        let mut i = at;
        for _ in 0..4 {
            let j = if before {
                i = i.checked_sub(1)?;
                i
            } else {
                let j = i;
                i += 1;
                j
            };
            let t = self.p.tokens.get(j)?;
            let w = t.lower.as_str();
            if w == "\"" {
                continue;
            }
            if t.kind != Kind::Word
                || self.is_break(j)
                || PREPOSITIONS.contains(&w)
                || !self.lex.cue(w).is_empty()
            {
                break;
            }
            if self.mentions.iter().any(|m| m.from <= j && j < m.to) {
                return None;
            }
            if matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her") {
                continue;
            }
            words.push(w);
        }
        if before {
            words.reverse();
        }
        (!words.is_empty()).then(|| words.join(" "))
    }
}
