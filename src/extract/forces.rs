//! A state's soldiers, guards and police: the nouns that name them, the label the graph gives
//! such a body, and bare mentions ("security forces", "the border guards") read as the body of the
//! state the article last named one for.

use super::discourse::Discourse;
use super::lexicon::AgentNoun;
use super::mentions::{compound, Ctx, Ent, Mention};
use super::text::{Kind, Prepared};

/// Heads (see `lexicon/agent-nouns.tsv`) naming a state's armed or security body.
const SECURITY_HEADS: [&str; 13] = [
    "security forces",
    "border guards",
    "border troops",
    "border forces",
    "border police",
    "troops",
    "soldiers",
    "forces",
    "army",
    "military",
    "armed forces",
    "police",
    "security personnel",
];

/// Nouns for a state's soldiers as one body, and the labels the graph may give that body.
const FORCE_NOUNS: [&str; 7] = [
    "troops",
    "soldiers",
    "forces",
    "army",
    "military",
    "armed forces",
    "security forces",
];
const FORCE_LABELS: [&str; 4] = ["security forces", "armed forces", "forces", "troops"];

/// Words that may stand right before a bare noun without naming whose body it is.
const LEAD_INS: [&str; 22] = [
    "the", "and", "with", "by", "on", "against", "that", "when", "as", "after", "while", "where", "but",
    "before", "until", "then", "at", "from", "to", "said", "two", "three",
];

/// Is `head` the noun of a state's armed or security body.
pub fn is_security(head: &str) -> bool {
    SECURITY_HEADS.contains(&head)
}

/// "Pakistani soldiers" when the graph only has "Pakistani security forces": the state's forces
/// under the label the graph uses for them.
pub fn state_forces(cx: &Ctx<'_>, adjective: &str, head: &str) -> Option<Ent> {
    if !FORCE_NOUNS.contains(&head) {
        return None;
    }
    FORCE_LABELS
        .iter()
        .find_map(|l| cx.by_label(&format!("{adjective} {l}")))
}

/// The noun a proposed body of soldiers is named with, so that "Pakistani troops" in one
/// sentence and "Pakistani security forces" in the next propose one actor.
pub fn proposed_head(head: &str) -> &str {
    if matches!(head, "troops" | "soldiers" | "forces") {
        "security forces"
    } else {
        head
    }
}

/// A bare security noun at token `i` ("security forces tracked them down"): its length, the
/// body of the state named for such a body earlier in the sentence or the article, and that state.
pub fn bare(
    p: &Prepared,
    cx: &Ctx<'_>,
    disc: &Discourse,
    out: &[Mention],
    i: usize,
) -> Option<(usize, Ent, Ent)> {
    let (n, an) = p.longest(i, &cx.lex.agent_nouns)?;
    if !is_security(&an.head) || !bare_before(p, i) || owner_follows(p, i + n) {
        return None;
    }
    let state = out
        .iter()
        .rev()
        .filter(|m| m.to <= i)
        .find_map(|m| m.force_of.clone())
        .or_else(|| disc.force_state.clone())?;
    let adjective = cx.demonym_of(&state)?;
    let surface = format!("{adjective} {}", p.text_of(i, i + n));
    Some((n, body(cx, &state, &surface, &adjective, an), state))
}

fn body(cx: &Ctx<'_>, state: &Ent, surface: &str, adjective: &str, an: &AgentNoun) -> Ent {
    compound(cx, state, surface, adjective, an)
}

/// Nothing before token `i` says whose body it is: the sentence start, punctuation, a number
/// or a function word ("government troops", "rebel forces" are someone else's).
fn bare_before(p: &Prepared, i: usize) -> bool {
    let Some(t) = i.checked_sub(1).and_then(|j| p.tokens.get(j)) else {
        return true;
    };
    match t.kind {
        Kind::Number => true,
        Kind::Punct => !matches!(t.lower.as_str(), "-" | "'s"),
        Kind::Word => LEAD_INS.contains(&t.lower.as_str()),
    }
}

/// "forces of X", "forces on both sides": the phrase names its owner, or several.
fn owner_follows(p: &Prepared, j: usize) -> bool {
    p.low(j) == "of"
        || (matches!(p.low(j), "on" | "from") && matches!(p.low(j + 1), "both" | "either" | "each" | "all"))
}

/// Graph names that are a nationality and a security noun: notes their state ("Tajik border
/// guards"), and reads a place named so ("Afghan posts") also as the troops holding it.
pub fn mark_named(p: &Prepared, cx: &Ctx<'_>, out: &mut [Mention]) {
    for m in out.iter_mut().filter(|m| m.force_of.is_none()) {
        let Some(label) = cx.lex.demonyms.get(p.low(m.from)) else {
            continue;
        };
        let Some((_, an)) = p
            .longest(m.from + 1, &cx.lex.agent_nouns)
            .filter(|(n, an)| m.from + 1 + n == m.to && is_security(&an.head))
        else {
            continue;
        };
        let state = cx.state(label);
        if m.actor.is_none() && m.place.is_some() {
            let Some(adjective) = cx.demonym_of(&state) else {
                continue;
            };
            // No look-up of the surface: it is the place's own name, not the troops holding it.
            m.actor = Some(compound(cx, &state, "", &adjective, an));
        }
        if m.actor.is_some() {
            m.force_of = Some(state);
        }
    }
}

/// "their forces" of a nationality that the graph names no "forces" for: its security forces,
/// the graph's or proposed.
pub fn own_forces(cx: &Ctx<'_>, state: &Ent, demonym: &str, head: &str) -> Option<Ent> {
    if !FORCE_NOUNS.contains(&head) {
        return None;
    }
    state_forces(cx, demonym, head).or_else(|| {
        let mut e = Ent::proposed(&format!("{demonym} security forces"), "GovernmentBody");
        e.nationality = Some(Box::new(state.clone()));
        Some(e)
    })
}

/// The body of `owner`'s nationality with this head noun ("Pakistani" + "forces"): the graph's,
/// else for soldiers its security forces.
pub fn own_body(cx: &Ctx<'_>, owner: &Ent, head: &str) -> Option<Ent> {
    let first = owner.r.label.split_whitespace().next()?;
    let demonym = if cx.lex.demonyms.contains_key(&first.to_lowercase()) {
        first.to_owned()
    } else {
        // The owner is a state: find its nationality word.
        cx.lex
            .demonyms
            .iter()
            .find(|(_, state)| **state == owner.r.label)
            .map(|(d, _)| {
                let mut c = d.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })?
    };
    cx.by_label(&format!("{demonym} {head}")).or_else(|| {
        let state = if owner.class == super::vocab::term::STATE {
            owner.clone()
        } else {
            cx.state(cx.lex.demonyms.get(&demonym.to_lowercase())?)
        };
        own_forces(cx, &state, &demonym, head)
    })
}

/// "Pakistani security forces and civilians": a bare agent noun right after "and" shares the
/// nationality of the phrase before it.
pub fn shared_nationality(p: &Prepared, cx: &Ctx<'_>, out: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for m in out.iter().filter(|m| m.actor.is_some() && p.low(m.to) == "and") {
        let Some(label) = cx.lex.demonyms.get(p.low(m.from)) else {
            continue;
        };
        let at = m.to + 1;
        let Some((n, an)) = p.longest(at, &cx.lex.agent_nouns) else {
            continue;
        };
        let free = !out.iter().any(|o| o.from < at + n && at < o.to);
        let state = cx.state(label);
        let Some(adjective) = cx.demonym_of(&state).filter(|_| free && an.class != "State") else {
            continue;
        };
        let surface = format!("{adjective} {}", p.text_of(at, at + n));
        let mut x = super::mentions::blank(at, at + n);
        x.actor = Some(compound(cx, &state, &surface, &adjective, an));
        x.force_of = is_security(&an.head).then_some(state);
        found.push(x);
    }
    out.extend(found);
}
