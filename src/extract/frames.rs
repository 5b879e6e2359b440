//! Argument patterns beyond subject and object: the victim of "X, a leader, killed in …", the
//! antecedent of a relative clause, a speaker's own nationals, the one a warning names.

use super::args::{Arg, Args};

/// The victim of "X, a Y leader, killed in …": the person of an apposition, else the name before.
pub fn victim_before(a: &Args<'_>, ts: usize) -> Option<Arg> {
    let k = a
        .mentions
        .iter()
        .rposition(|m| m.to <= ts && ts - m.to <= 3 && m.actor.is_some())?;
    let m = &a.mentions[k];
    let head_follows = m.to < ts;
    if head_follows && matches!(a.p.low(m.from.wrapping_sub(1)), "a" | "an" | "the") && k > 0 {
        let prev = &a.mentions[k - 1];
        if prev.to + 1 == m.from - 1 && a.p.low(prev.to) == "," {
            return prev.actor.clone().map(|e| (e, None));
        }
        return None;
    }
    m.actor.clone().map(|e| (e, m.metonym.clone()))
}

/// The actor a relative clause holding token `ts` hangs on: "X, who …".
pub fn antecedent(a: &Args<'_>, ts: usize) -> Vec<Arg> {
    let start = a.clause_start(ts, 0);
    if start == 0 || !matches!(a.p.low(start - 1), "who" | "which" | "that") {
        return Vec::new();
    }
    let mut end = start - 1;
    if end > 0 && a.p.low(end - 1) == "," {
        end -= 1;
    }
    // The name may be followed by its head noun: "TTP militants, who"; not by a verb of saying
    // ("Samadov said that …": a complement, not a relative clause).
    let saying = |j: usize| {
        a.lex
            .cue(a.p.low(j))
            .iter()
            .any(|c| matches!(c, super::lexicon::Cue::Report | super::lexicon::Cue::Claim))
    };
    a.mentions
        .iter()
        .rev()
        .find(|m| {
            m.to <= end && end - m.to <= 1 && m.actor.is_some() && !m.demonym && !(m.to..end).any(saying)
        })
        .and_then(|m| m.actor.clone().map(|e| vec![(e, m.metonym.clone())]))
        .unwrap_or_default()
}

/// "told its citizens to stay away": the speaker's own nationals, when the graph has them.
pub fn own_people(a: &Args<'_>, te: usize, agents: &[Arg]) -> Vec<Arg> {
    if !matches!(a.p.low(te), "its" | "their")
        || !matches!(a.p.low(te + 1), "citizens" | "nationals" | "people")
    {
        return Vec::new();
    }
    let Some((agent, _)) = agents.first() else {
        return Vec::new();
    };
    let Some(first) = agent.r.label.split_whitespace().next() else {
        return Vec::new();
    };
    if !a.lex.demonyms.contains_key(&first.to_lowercase()) {
        return Vec::new();
    }
    a.gaz_label(&format!("{first} nationals"))
        .map(|e| vec![(e, None)])
        .unwrap_or_default()
}

/// The first actor named after a warning, not as part of a prepositional phrase.
pub fn warned(a: &Args<'_>, te: usize, agents: &[Arg]) -> Vec<Arg> {
    let end = (te + 15).min(a.p.tokens.len());
    a.mentions
        .iter()
        .filter(|m| m.from >= te && m.from < end && !m.demonym)
        .filter(|m| {
            !matches!(
                a.p.low(m.from.wrapping_sub(1)),
                "of" | "in" | "from" | "to" | "with" | "by" | "on" | "at" | "its" | "their"
            )
        })
        .find_map(|m| {
            m.actor
                .clone()
                .filter(|e| !agents.iter().any(|x| x.0.r.iri == e.r.iri))
        })
        .map(|e| vec![(e, None)])
        .unwrap_or_default()
}
