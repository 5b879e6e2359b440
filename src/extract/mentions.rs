//! Finds the actors and places a sentence names: the graph's names (one automaton), nationality +
//! agent-noun phrases ("Tajik border guards"), capitals standing for governments, named places and
//! organisations the graph lacks (proposed as new), and anaphors resolved from the discourse.

use super::date::Date;
use super::discourse::Discourse;
use super::forces;
use super::gazetteer::Gazetteer;
use super::lexicon::{Cue, Lexicon};
use super::model::EntityRef;
use super::slug::slug;
use super::text::{Kind, Prepared};
use super::vocab::{self, term};

/// A resolved actor or place, known to the graph or proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ent {
    /// IRI and label.
    pub r: EntityRef,
    /// Local class name.
    pub class: String,
    /// The graph has it.
    pub known: bool,
    /// For a proposed group or body: the state its nationality word names.
    pub nationality: Option<Box<Ent>>,
}

impl Ent {
    fn known(g: &Gazetteer, i: usize) -> Option<Self> {
        let e = g.entity(i)?;
        let class = e
            .classes
            .iter()
            .find(|c| c.as_str() != term::PLACE && c.as_str() != "Actor")
            .or_else(|| e.classes.first())
            .cloned()
            .unwrap_or_default();
        Some(Self {
            r: e.to_ref(),
            class,
            known: true,
            nationality: None,
        })
    }

    /// Entity `i` of the graph.
    pub fn of_graph(g: &Gazetteer, i: usize) -> Option<Self> {
        Self::known(g, i)
    }

    /// A proposed entity with an IRI made from its label.
    pub fn proposed(label: &str, class: &str) -> Self {
        Self {
            r: EntityRef {
                iri: format!("{}{}", vocab::ID, slug(label)),
                label: label.to_owned(),
            },
            class: class.to_owned(),
            known: false,
            nationality: None,
        }
    }
}

/// A stretch of a sentence that names an actor and/or a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First token.
    pub from: usize,
    /// Just past the last token.
    pub to: usize,
    /// Reading as an actor.
    pub actor: Option<Ent>,
    /// Reading as a place.
    pub place: Option<Ent>,
    /// The surface when the actor reading is a metonym (a capital for its government).
    pub metonym: Option<String>,
    /// A bare nationality word ("Afghan"): an actor only right before an event noun.
    pub demonym: bool,
    /// Resolved from an anaphor or pronoun.
    pub anaphor: bool,
    /// For a state's armed or security body ("Tajik border guards"): that state.
    pub force_of: Option<Ent>,
    /// A name the article introduces for this actor ("TTP" after "Tehreek-e-Taliban Pakistan").
    pub alias: Option<String>,
}

/// Everything the mention finder needs.
pub struct Ctx<'a> {
    /// Dictionaries.
    pub lex: &'a Lexicon,
    /// Graph names.
    pub gaz: &'a Gazetteer,
    /// Article date.
    pub date: Date,
    /// Source id of the article.
    pub source: &'a str,
}

impl Ctx<'_> {
    /// The state with this label: the graph's, or a proposed one.
    pub fn state(&self, label: &str) -> Ent {
        self.gaz
            .by_label(label)
            .and_then(|i| Ent::known(self.gaz, i))
            .unwrap_or_else(|| Ent::proposed(label, term::STATE))
    }

    pub(super) fn by_label(&self, label: &str) -> Option<Ent> {
        self.gaz.by_label(label).and_then(|i| Ent::known(self.gaz, i))
    }

    /// The nationality word of a state ("Tajik" for Tajikistan), from the lexicon.
    pub(super) fn demonym_of(&self, state: &Ent) -> Option<String> {
        let mut ds: Vec<&String> = self
            .lex
            .demonyms
            .iter()
            .filter(|(_, l)| **l == state.r.label)
            .map(|(d, _)| d)
            .collect();
        ds.sort_by_key(|d| d.len());
        let d = ds.first()?;
        let mut c = d.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
    }

    /// Who governs `state` on the article's date: its de facto government when the graph gives
    /// one a role then ("Afghan authorities" in 2025 are the Taliban), else the state itself.
    fn governing(&self, state: &Ent) -> Ent {
        self.gaz
            .by_iri(&state.r.iri)
            .and_then(|s| self.gaz.de_facto_government(s, self.date))
            .and_then(|g| Ent::known(self.gaz, g))
            .unwrap_or_else(|| state.clone())
    }

    /// The government a capital stands for on the article's date.
    fn metonym_target(&self, target: usize, city: Option<usize>, surface: &str) -> Option<Ent> {
        // A metonym pointing at a de facto government only does so from the day that role began;
        // before it, the capital stands for the state.
        let role_start = self.gaz.role_from(target, term::DE_FACTO_GOVERNMENT);
        if role_start.is_some_and(|from| self.date < from) {
            let state = city
                .and_then(|c| self.gaz.state_of_capital(c))
                .and_then(|s| Ent::known(self.gaz, s))
                .or_else(|| {
                    self.lex
                        .capitals
                        .get(&surface.to_lowercase())
                        .map(|l| self.state(l))
                });
            return state;
        }
        Ent::known(self.gaz, target)
    }
}

/// Finds the mentions of one sentence, in text order, resolving anaphors against `disc`.
pub fn find(p: &Prepared, cx: &Ctx<'_>, disc: &Discourse) -> Vec<Mention> {
    let mut out = graph_names(p, cx);
    acronym_introductions(p, &mut out);
    local_names(p, disc, &mut out);
    compound_agent_nouns(p, cx, &mut out);
    forces::mark_named(p, cx, &mut out);
    forces::shared_nationality(p, cx, &mut out);
    let mut covered = vec![false; p.tokens.len()];
    for m in &out {
        covered.iter_mut().take(m.to).skip(m.from).for_each(|c| *c = true);
    }
    unknown_names(p, cx, &mut covered, &mut out);
    out.sort_by_key(|m| m.from);
    anaphors(p, cx, disc, &covered, &mut out);
    out.sort_by_key(|m| m.from);
    out
}

fn graph_names(p: &Prepared, cx: &Ctx<'_>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for nm in cx.gaz.find(p) {
        let (from, to) = (p.token_at_byte(nm.bytes.0), p.token_end_at_byte(nm.bytes.1));
        if from >= to {
            continue;
        }
        let surface = p.text_of(from, to).to_owned();
        let idx = match out.iter().position(|m| m.from == from && m.to == to) {
            Some(i) => i,
            None => {
                out.push(Mention {
                    from,
                    to,
                    actor: None,
                    place: None,
                    metonym: None,
                    demonym: false,
                    anaphor: false,
                    force_of: None,
                    alias: None,
                });
                out.len() - 1
            }
        };
        let Some(e) = cx.gaz.entity(nm.name.entity) else {
            continue;
        };
        let m = &mut out[idx];
        if nm.name.metonym {
            let city = cx
                .gaz
                .by_label(&surface)
                .filter(|&c| cx.gaz.entity(c).is_some_and(|e| e.is_place));
            m.actor = cx.metonym_target(nm.name.entity, city, &surface);
            m.metonym = Some(surface.clone());
            continue;
        }
        if e.is_place && m.place.is_none() {
            m.place = Ent::known(cx.gaz, nm.name.entity);
        }
        if e.is_actor && m.actor.is_none() {
            m.actor = Ent::known(cx.gaz, nm.name.entity);
        }
        if cx.lex.demonyms.contains_key(&surface.to_lowercase()) {
            m.demonym = true;
        }
    }
    out
}

/// "Tehreek-e-Taliban Pakistan (TTP)": a name whose capitalised words' initials spell the
/// all-capitals word in brackets after it. When the graph knows neither, the name is one new actor
/// (names the graph knows inside it, like "Taliban", are not read apart), with the acronym as its
/// IRI, as the graph names such groups.
fn acronym_introductions(p: &Prepared, out: &mut Vec<Mention>) {
    let n = p.tokens.len();
    for k in 1..n.saturating_sub(2) {
        let acr = &p.tokens[k + 1];
        let letters: Vec<char> = p.text_of(k + 1, k + 2).chars().collect();
        let all_caps =
            letters.len() >= 2 && letters.len() <= 6 && letters.iter().all(char::is_ascii_uppercase);
        if p.low(k) != "(" || p.low(k + 2) != ")" || acr.kind != Kind::Word || !all_caps {
            continue;
        }
        if out
            .iter()
            .any(|m| m.from == k + 1 && m.actor.as_ref().is_some_and(|a| a.known))
        {
            continue;
        }
        // Walk back over the name, matching initials from the last letter of the acronym.
        let mut want = letters.len();
        let mut j = k;
        while j > 0 && want > 0 {
            let t = &p.tokens[j - 1];
            let connector = matches!(
                t.lower.as_str(),
                "-" | "e" | "i" | "al" | "of" | "for" | "and" | "the" | "de"
            );
            if t.kind == Kind::Word && t.cap {
                let initial = p.text_of(j - 1, j).chars().next().map(|c| c.to_ascii_uppercase());
                if initial != Some(letters[want - 1]) {
                    break;
                }
                want -= 1;
            } else if !connector {
                break;
            }
            j -= 1;
        }
        if want > 0 || j >= k {
            continue;
        }
        let name = p.text_of(j, k).to_owned();
        let mut m = blank(j, k + 3);
        let mut e = Ent::proposed(&name, "ArmedGroup");
        e.r.iri = format!("{}{}", vocab::ID, slug(p.text_of(k + 1, k + 2)));
        m.actor = Some(e);
        m.alias = Some(p.text_of(k + 1, k + 2).to_owned());
        out.retain(|o| o.to <= j || o.from >= k + 3);
        out.push(m);
    }
}

/// Names the article introduced in an earlier sentence ("TTP"), where no graph name covers them.
fn local_names(p: &Prepared, disc: &Discourse, out: &mut Vec<Mention>) {
    for i in 0..p.tokens.len() {
        if !p.tokens[i].cap || out.iter().any(|m| m.from <= i && i < m.to) {
            continue;
        }
        let text = p.text_of(i, i + 1);
        if let Some((_, e)) = disc.local_names.iter().find(|(n, _)| n == text) {
            let mut m = blank(i, i + 1);
            m.actor = Some(e.clone());
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.from);
}

/// "Tajik border guards", "Pakistan's Defence Ministry", "Chinese lives": a nationality and an
/// agent noun make one actor.
fn compound_agent_nouns(p: &Prepared, cx: &Ctx<'_>, out: &mut [Mention]) {
    // Right to left, so that "Afghan forces" is one actor before "Pakistani and" looks at it.
    for k in (0..out.len()).rev() {
        let m = &out[k];
        let is_state = m.actor.as_ref().is_some_and(|a| a.class == term::STATE);
        if !(m.demonym || is_state) {
            continue;
        }
        let mut j = m.to;
        if p.low(j) == "'s" {
            j += 1;
        } else if !m.demonym {
            continue;
        }
        let Some(state) = m.actor.clone().or_else(|| m.place.clone()) else {
            continue;
        };
        // "Pakistani and Afghan forces": the first nationality shares the noun of the second.
        let shared = (p.low(j) == "and")
            .then(|| {
                out.get(k + 1)
                    .filter(|n| n.from == j + 1 && !n.demonym && n.actor.is_some())
                    .map(|n| n.to)
            })
            .flatten()
            .and_then(|end| {
                (j + 2..end).find_map(|h| {
                    p.longest(h, &cx.lex.agent_nouns)
                        .filter(|(n, _)| h + n == end)
                        .map(|(_, an)| an)
                })
            });
        let noun = p
            .longest(j, &cx.lex.agent_nouns)
            .map(|(n, an)| (j + n, an))
            .or(shared.map(|an| (m.to, an)));
        let seat = noun.and_then(|(end, an)| mission_seat(p, out, k, end, &an.head));
        let m = &mut out[k];
        if let Some((end, an)) = noun {
            let surface = p.text_of(m.from, end).to_owned();
            let adjective = cx
                .demonym_of(&state)
                .unwrap_or_else(|| p.text_of(m.from, m.to).to_owned());
            let mut actor = compound(cx, &state, &surface, &adjective, an);
            if let Some(city) = seat.filter(|_| !actor.known) {
                actor = located(actor, &city);
            }
            m.actor = Some(actor);
            m.force_of = forces::is_security(&an.head).then(|| state.clone());
            m.to = end;
            m.place = None;
            m.demonym = false;
        } else if m.demonym {
            m.place = Some(state.clone());
            m.actor = Some(state);
        }
    }
}

/// Diplomatic missions are told apart by their seat: "the Iranian consulate in Herat".
const MISSIONS: [&str; 2] = ["embassy", "consulate"];

/// The city a diplomatic mission sits in, when "in X" follows its noun and X is a known place.
fn mission_seat(p: &Prepared, out: &[Mention], k: usize, end: usize, head: &str) -> Option<Ent> {
    if !MISSIONS.contains(&head) || p.low(end) != "in" {
        return None;
    }
    out.get(k + 1)
        .filter(|n| n.from == end + 1)
        .and_then(|n| n.place.clone())
        .filter(|c| c.known)
}

/// A proposed actor named with its seat: "Chinese embassy in Kabul".
fn located(actor: Ent, city: &Ent) -> Ent {
    let mut e = Ent::proposed(&format!("{} in {}", actor.r.label, city.r.label), &actor.class);
    e.nationality = actor.nationality;
    e
}

/// The actor a nationality and an agent noun name: the graph's by label, the state (or its de
/// facto government) for "officials", "authorities", and for armed forces on a date the graph
/// gives the state a de facto government; else a proposed actor with its nationality.
pub(super) fn compound(
    cx: &Ctx<'_>,
    state: &Ent,
    surface: &str,
    adjective: &str,
    an: &super::lexicon::AgentNoun,
) -> Ent {
    let class = if an.class == "ArmedForces" {
        "GovernmentBody"
    } else {
        an.class.as_str()
    };
    let governing = cx.governing(state);
    // A state's armed forces on a date it has a de facto government are that government's,
    // whatever older body the graph gives the folded label ("Afghan troops").
    let de_facto = an.class == "ArmedForces" && governing.r.iri != state.r.iri;
    cx.by_label(surface)
        .or_else(|| (an.class == term::STATE || de_facto).then(|| governing.clone()))
        .or_else(|| cx.by_label(&format!("{adjective} {}", an.head)))
        .or_else(|| forces::state_forces(cx, adjective, &an.head))
        .unwrap_or_else(|| {
            let mut e = Ent::proposed(&format!("{adjective} {}", forces::proposed_head(&an.head)), class);
            e.nationality = Some(Box::new(state.clone()));
            e
        })
}

fn is_cap_word(p: &Prepared, i: usize) -> bool {
    p.tokens
        .get(i)
        .is_some_and(|t| t.cap && t.kind == Kind::Word && t.lower != "'s")
}

/// Names the graph lacks: capitals and nationality words from the lexicon, "the village of X",
/// "X district", "Oxus Society", "President X Y".
fn unknown_names(p: &Prepared, cx: &Ctx<'_>, covered: &mut [bool], out: &mut Vec<Mention>) {
    let n = p.tokens.len();
    let mut i = 0;
    while i < n {
        if covered[i] {
            i += 1;
            continue;
        }
        if let Some((len, m)) = unknown_at(p, cx, i, covered) {
            covered.iter_mut().take(m.to).skip(m.from).for_each(|c| *c = true);
            out.push(m);
            i += len.max(1);
        } else {
            i += 1;
        }
    }
}

fn cap_run(p: &Prepared, i: usize, covered: &[bool]) -> usize {
    let mut j = i;
    while j < p.tokens.len() && !covered[j] && is_cap_word(p, j) && j - i < 5 {
        j += 1;
    }
    j
}

pub(super) fn blank(from: usize, to: usize) -> Mention {
    Mention {
        from,
        to,
        actor: None,
        place: None,
        metonym: None,
        demonym: false,
        anaphor: false,
        force_of: None,
        alias: None,
    }
}

fn unknown_at(p: &Prepared, cx: &Ctx<'_>, i: usize, covered: &[bool]) -> Option<(usize, Mention)> {
    let low = p.low(i);
    let cap = is_cap_word(p, i);
    if cap {
        if let Some(m) = unknown_capital(p, cx, i) {
            return Some((1, m));
        }
    }
    if let Some(m) = place_of_name(p, cx, i, covered) {
        return Some((m.to - i, m));
    }
    if !cap || i == 0 && cx.lex.cues.contains_key(low) {
        return None;
    }
    let end = cap_run(p, i, covered);
    if let Some(m) = titled_person(p, cx, i, end) {
        return Some((end - i, m));
    }
    if end <= i {
        return None;
    }
    if let Some(m) = name_then_place_noun(p, cx, i, end).or_else(|| organisation_or_speaker(p, cx, i, end)) {
        return Some((m.to - i, m));
    }
    // A state the graph does not know, named as in the nationality table ("Qatar").
    let name = p.text_of(i, end).to_owned();
    if cx.lex.demonyms.values().any(|l| *l == name) {
        let mut m = blank(i, end);
        let st = cx.state(&name);
        m.place = Some(st.clone());
        m.actor = Some(st);
        return Some((end - i, m));
    }
    // A nationality word the graph does not know.
    let state = cx.lex.demonyms.get(low)?;
    let mut m = blank(i, i + 1);
    m.demonym = true;
    let st = cx.state(state);
    m.place = Some(st.clone());
    m.actor = Some(st);
    let mut ms = [m];
    compound_agent_nouns(p, cx, &mut ms);
    let [m] = ms;
    Some((m.to - m.from, m))
}

/// A capital the graph does not know: the government by metonym, the city as a place.
fn unknown_capital(p: &Prepared, cx: &Ctx<'_>, i: usize) -> Option<Mention> {
    let state = cx.lex.capitals.get(p.low(i))?;
    let mut m = blank(i, i + 1);
    m.actor = Some(cx.state(state));
    m.metonym = Some(p.text_of(i, i + 1).to_owned());
    m.place = Some(Ent::proposed(p.text_of(i, i + 1), "City"));
    Some(m)
}

/// The place noun before a name: "the village of Darvoz".
fn place_of_name(p: &Prepared, cx: &Ctx<'_>, i: usize, covered: &[bool]) -> Option<Mention> {
    let (len, class) = p.longest(i, &cx.lex.place_nouns)?;
    let lower_noun = i == 0 || !p.tokens[i].cap || p.low(i.wrapping_sub(1)) == "the";
    if p.low(i + len) != "of" || !is_cap_word(p, i + len + 1) || !lower_noun {
        return None;
    }
    let end = cap_run(p, i + len + 1, covered);
    let name = p.text_of(i + len + 1, end).to_owned();
    let mut m = blank(i, end);
    m.place = Some(cx.by_label(&name).unwrap_or_else(|| Ent::proposed(&name, class)));
    Some(m)
}

/// A title before a name: "President Ashraf Ghani".
fn titled_person(p: &Prepared, cx: &Ctx<'_>, i: usize, end: usize) -> Option<Mention> {
    let (len, an) = p.longest(i, &cx.lex.agent_nouns)?;
    if an.class != term::PERSON || end < i + len + 2 {
        return None;
    }
    let name = p.text_of(i + len, end).to_owned();
    let mut m = blank(i, end);
    m.actor = Some(
        cx.by_label(&name)
            .unwrap_or_else(|| Ent::proposed(&name, term::PERSON)),
    );
    Some(m)
}

/// The name before a place noun: "Zebak district".
fn name_then_place_noun(p: &Prepared, cx: &Ctx<'_>, i: usize, end: usize) -> Option<Mention> {
    let (len, class) = p.longest(end, &cx.lex.place_nouns)?;
    if cx.lex.demonyms.contains_key(p.low(end - 1)) {
        return None;
    }
    let name = p.text_of(i, end).to_owned();
    let label = p.text_of(i, end + len).to_owned();
    let mut m = blank(i, end + len);
    m.place = Some(
        cx.by_label(&label)
            .or_else(|| cx.by_label(&name))
            .unwrap_or_else(|| Ent::proposed(&name, class)),
    );
    Some(m)
}

/// An organisation (capitalised words ending in an organisation head, "Oxus Society"), or a
/// person speaking (two or three capitalised words before "said").
fn organisation_or_speaker(p: &Prepared, cx: &Ctx<'_>, i: usize, end: usize) -> Option<Mention> {
    let name = p.text_of(i, end).to_owned();
    if end >= i + 2 {
        if let Some(class) = cx.lex.org_heads.get(p.low(end - 1)) {
            let mut m = blank(i, end);
            m.actor = Some(Ent::proposed(&name, class));
            return Some(m);
        }
    }
    let speaks = cx
        .lex
        .cue(p.low(end))
        .iter()
        .any(|c| matches!(c, Cue::Report | Cue::Claim));
    if (2..=3).contains(&(end - i)) && speaks {
        let mut m = blank(i, end);
        m.actor = Some(Ent::proposed(&name, term::PERSON));
        return Some(m);
    }
    None
}

/// "the group", "the ministry", "the attackers", pronouns: resolved to an actor named before.
fn anaphors(p: &Prepared, cx: &Ctx<'_>, disc: &Discourse, covered: &[bool], out: &mut Vec<Mention>) {
    let mut i = 0;
    let mut found = Vec::new();
    while i < p.tokens.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        if let Some((len, actor, state)) = forces::bare(p, cx, disc, out, i) {
            let mut m = blank(i, i + len);
            m.actor = Some(actor);
            m.force_of = Some(state);
            found.push(m);
            i += len;
            continue;
        }
        if let Some((len, group)) = unnamed_group(p, cx, out, i).or_else(|| government_forces(p, cx, disc, i))
        {
            let mut m = blank(i, i + len);
            m.actor = Some(group);
            found.push(m);
            i += len;
            continue;
        }
        let (len, actors) = possessed_body(p, cx, disc, out, i)
            .or_else(|| anaphor_at(p, cx, disc, out, i))
            .unwrap_or((1, Vec::new()));
        for a in actors {
            let mut m = blank(i, i + len);
            m.actor = Some(a);
            m.anaphor = true;
            found.push(m);
        }
        i += len;
    }
    // "its Defence Ministry": the possessed body replaces a name read inside it.
    out.retain(|o| !found.iter().any(|f| f.from < o.from && o.to <= f.to));
    out.extend(found);
}

/// "armed militants", "four militants", "masked gunmen": a group the article names by description
/// only. It is the graph's entity with that description when the graph already has this article's
/// entity so described, else a new group of this article (its IRI carries the source, so that two
/// articles' "armed men" stay apart).
fn unnamed_group(p: &Prepared, cx: &Ctx<'_>, out: &[Mention], i: usize) -> Option<(usize, Ent)> {
    let before = i.checked_sub(1).map(|j| &p.tokens[j]);
    let definite = before.is_some_and(|t| {
        t.cap && t.kind == Kind::Word
            || matches!(
                t.lower.as_str(),
                "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "'s" | "-"
            )
    });
    if definite || out.iter().any(|m| m.from < i + 1 && i < m.to) {
        return None;
    }
    let counted = p.tokens[i].kind == Kind::Number
        || cx
            .lex
            .quantities
            .get(p.low(i))
            .is_some_and(|q| matches!(q, super::lexicon::QuantityWord::Number(n) if *n > 1));
    let start = i + usize::from(counted);
    let mut j = start;
    while j < p.tokens.len()
        && cx.lex.has_cue(p.low(j), Cue::Unnamed)
        && p.longest(j, &cx.lex.agent_nouns).is_none()
    {
        j += 1;
    }
    let (n, an) = p.longest(j, &cx.lex.agent_nouns)?;
    let end = j + n;
    if an.class != "ArmedGroup" || !(counted || j > start) || p.low(end) == "of" {
        return None;
    }
    let own = |label: &str| {
        cx.gaz
            .by_label(label)
            .filter(|&e| {
                cx.gaz
                    .entity(e)
                    .is_some_and(|e| e.is_actor && e.sources.contains(cx.source))
            })
            .and_then(|e| Ent::of_graph(cx.gaz, e))
    };
    let group = own(p.text_of(i, end)).unwrap_or_else(|| {
        let label = p.text_of(start, end).to_lowercase();
        let mut e = Ent::proposed(&label, "ArmedGroup");
        e.r.iri = format!("{}-{}", e.r.iri, slug(cx.source));
        e
    });
    Some((end - i, group))
}

/// "government troops": the forces of the government the article is about. The graph's entity so
/// described when it is attested by the same article; else the forces of the state whose forces
/// the article named last (its de facto government's on a date it has one); else nothing.
fn government_forces(p: &Prepared, cx: &Ctx<'_>, disc: &Discourse, i: usize) -> Option<(usize, Ent)> {
    if p.low(i) != "government" || i > 0 && p.tokens[i - 1].cap {
        return None;
    }
    let (n, an) = p.longest(i + 1, &cx.lex.agent_nouns)?;
    if !forces::is_security(&an.head) {
        return None;
    }
    let end = i + 1 + n;
    let own = cx
        .gaz
        .by_label(p.text_of(i, end))
        .filter(|&e| {
            cx.gaz
                .entity(e)
                .is_some_and(|e| e.is_actor && e.sources.contains(cx.source))
        })
        .and_then(|e| Ent::of_graph(cx.gaz, e));
    let body = own.or_else(|| {
        let state = disc.force_state.clone()?;
        let adjective = cx.demonym_of(&state)?;
        let surface = format!("{adjective} {}", p.text_of(i + 1, end));
        Some(compound(cx, &state, &surface, &adjective, an))
    })?;
    Some((end - i, body))
}

/// "their forces", "its embassy": the possessor's own body, named with its nationality.
fn possessed_body(
    p: &Prepared,
    cx: &Ctx<'_>,
    disc: &Discourse,
    out: &[Mention],
    i: usize,
) -> Option<(usize, Vec<Ent>)> {
    if !matches!(p.low(i), "its" | "their") {
        return None;
    }
    let (n, an) = p.longest(i + 1, &cx.lex.agent_nouns)?;
    let owner_mention = out.iter().rev().filter(|m| m.to <= i).find(|m| m.actor.is_some());
    let owner = owner_mention
        .and_then(|m| m.actor.clone())
        .or_else(|| disc.resolve("speaker"))?;
    if let Some(e) = forces::own_body(cx, &owner, &an.head) {
        return Some((1 + n, vec![e]));
    }
    // "Kabul … its Defence Ministry": a government named by its capital owns the state's body.
    let state = out
        .iter()
        .rev()
        .find(|m| m.to <= i && m.actor.is_some() && !m.anaphor)
        .filter(|m| {
            m.metonym.is_some()
                && !matches!(
                    p.low(m.from.wrapping_sub(1)),
                    "in" | "at" | "from" | "to" | "near"
                )
        })
        .and_then(|m| cx.lex.capitals.get(&p.text_of(m.from, m.to).to_lowercase()))
        .map(|label| cx.state(label))?;
    let adjective = cx.demonym_of(&state)?;
    let surface = format!("{adjective} {}", p.text_of(i + 1, i + 1 + n));
    Some((1 + n, vec![compound(cx, &state, &surface, &adjective, an)]))
}

/// An anaphor of the lexicon at token `i` and what it stands for.
fn anaphor_at(
    p: &Prepared,
    cx: &Ctx<'_>,
    disc: &Discourse,
    out: &[Mention],
    i: usize,
) -> Option<(usize, Vec<Ent>)> {
    let (len, refers) = p.longest(i, &cx.lex.anaphors)?;
    let earlier = |person: bool| {
        out.iter()
            .rev()
            .filter(|m| m.to <= i && !m.demonym)
            .find_map(|m| m.actor.clone().filter(|a| !person || a.class == term::PERSON))
    };
    let resolved = match refers.as_str() {
        "pair" | "sides" => {
            let two = if refers == "pair" {
                disc.pair()
            } else {
                disc.sides()
            };
            return Some((len, if two.len() == 2 { two } else { Vec::new() }));
        }
        "speaker" => earlier(false).or_else(|| disc.resolve("speaker")),
        "Person" => earlier(true).or_else(|| disc.resolve("Person")),
        other => disc.resolve(other),
    };
    Some((len, resolved.into_iter().collect()))
}
