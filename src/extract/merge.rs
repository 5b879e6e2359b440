//! Combines the events read from one sentence: killings folded into the attack they report,
//! relative clauses into the event they describe, coordinated verbs sharing a subject, what an
//! accusation says, and each event's standing and claimant.

use super::args::{Arg, Args};
use super::claims::Attribution;
use super::events::{is_speech, Found, KILL_WORDS};
use super::lexicon::{Cue, Frame};
use super::mentions::Ent;
use super::model::Standing;

/// "killing two guards" next to "opened fire": the killing is the attack's outcome, not another
/// attack; its victims become the attack's targets when it has none.
pub fn merge_kill_words(out: &mut Vec<Found>) {
    // A killing with its own subject ("guards killed two men") is an event of its own.
    let is_kill = |f: &Found| {
        f.violent() && f.agents.is_empty() && KILL_WORDS.contains(&f.trigger.to_lowercase().as_str())
    };
    if !out.iter().any(|f| f.violent() && !is_kill(f)) {
        return;
    }
    let kills: Vec<Found> = out.iter().filter(|f| is_kill(f)).cloned().collect();
    out.retain(|f| !is_kill(f));
    for k in kills {
        let nearest = out
            .iter_mut()
            .filter(|f| f.violent())
            .min_by_key(|f| f.span.0.abs_diff(k.span.0));
        if let Some(f) = nearest {
            if f.targets.is_empty() {
                f.targets = k
                    .targets
                    .into_iter()
                    .filter(|t| !f.agents.iter().any(|a| a.0.r.iri == t.0.r.iri))
                    .collect();
            }
        }
    }
}

/// "drone strikes, which reportedly targeted TTP leaders": the relative clause tells more of the
/// event named before it, not of a new one.
pub fn merge_relative_clauses(a: &Args<'_>, out: &mut Vec<Found>) {
    let mut k = 0;
    while k < out.len() {
        let start = a.clause_start(out[k].span.0, 0);
        let rel = start > 0 && matches!(a.p.low(start - 1), "which" | "that") && out[k].agents.is_empty();
        let head = rel
            .then(|| {
                (0..k)
                    .rev()
                    .find(|&j| out[j].frame == Frame::Noun && out[j].span.1 + 6 >= start - 1)
            })
            .flatten();
        if let Some(j) = head.filter(|_| out[k].violent()) {
            let f = out.remove(k);
            let h = &mut out[j];
            if h.targets.is_empty() {
                h.targets = f.targets;
            }
            if h.place.is_none() {
                h.place = f.place;
            }
            h.standing = h.standing.min(f.standing);
            continue;
        }
        k += 1;
    }
}

/// "X accused Y … and urged Z": a verb right after "and" with no subject of its own shares the
/// subject of the verb before it.
pub fn share_coordinated_subjects(a: &Args<'_>, out: &mut [Found]) {
    for k in 1..out.len() {
        let ts = out[k].span.0;
        if ts == 0
            || a.p.low(ts - 1) != "and"
            || out[k].frame == Frame::Noun
            || out[k].frame == Frame::Content
        {
            continue;
        }
        let Some(prev) = (0..k)
            .rev()
            .find(|&j| out[j].frame != Frame::Content && !out[j].agents.is_empty())
        else {
            continue;
        };
        // Any name found between the two verbs belonged to the first one.
        let pa = out[prev].agents.clone();
        let f = &mut out[k];
        f.agents = pa;
        f.targets
            .retain(|t| !f.agents.iter().any(|x| x.0.r.iri == t.0.r.iri));
    }
}

/// What an accusation says ("accused Y of sheltering Z"): the accused shelters Z, alleged by the
/// accuser. A content trigger with no accusation or claim before it is dropped.
pub fn link_content(a: &Args<'_>, out: &mut Vec<Found>) {
    let mut keep = vec![true; out.len()];
    for i in 0..out.len() {
        if out[i].frame != Frame::Content {
            continue;
        }
        let ts = out[i].span.0;
        let Some(acc) = (0..i).rev().find(|&j| {
            matches!(out[j].class.as_str(), "Accusation" | "Claim" | "Criticism") && out[j].span.1 <= ts
        }) else {
            keep[i] = false;
            continue;
        };
        // "accusation that X is harbouring": X is the one accused.
        let that_subject: Vec<Arg> = a
            .subject(ts, 0)
            .into_iter()
            .filter(|_| (out[acc].span.1..ts).any(|j| a.p.low(j) == "that"))
            .collect();
        let agents = if that_subject.is_empty() {
            out[acc].targets.clone()
        } else {
            that_subject
        };
        if agents.is_empty() || out[i].targets.is_empty() {
            keep[i] = false;
            continue;
        }
        if out[acc].targets.is_empty() {
            out[acc].targets = agents.clone();
        }
        out[i].agents = agents;
        out[i].standing = Standing::Alleged;
        out[i].claimant = out[acc].agents.first().cloned();
        out[acc].about.get_or_insert(i);
    }
    let mut idx = 0;
    let mut remap = vec![None; out.len()];
    for (old, k) in keep.iter().enumerate() {
        if *k {
            remap[old] = Some(idx);
            idx += 1;
        }
    }
    let mut n = 0;
    out.retain(|_| {
        n += 1;
        keep[n - 1]
    });
    for f in out.iter_mut() {
        f.about = f.about.and_then(|x| remap.get(x).copied().flatten());
    }
}

/// Standing and claimant: hedges right before the trigger, then the attribution covering it.
pub fn stand(a: &Args<'_>, f: &mut Found, attributions: &[Attribution]) {
    if f.frame == Frame::Content {
        return;
    }
    let (ts, te) = f.span;
    let from = ts.saturating_sub(6);
    let mut hedge: Option<Standing> = None;
    for j in from..te {
        for k in 1..=2 {
            let Some(g) = a.p.gram(j, k) else { continue };
            for c in a.lex.cue(g) {
                let s = match c {
                    Cue::Alleged => Standing::Alleged,
                    Cue::Unconfirmed => Standing::Unconfirmed,
                    Cue::Suspected => Standing::Suspected,
                    _ => continue,
                };
                hedge = Some(hedge.map_or(s, |h| h.min(s)));
            }
        }
    }
    let attr = attributions
        .iter()
        .filter(|at| at.covers(ts) && !f.agents.iter().any(|ag| ag.0.r.iri == at.speaker.0.r.iri))
        .min_by_key(|at| at.at.abs_diff(ts));
    if let Some(at) = attr {
        f.claimant = Some(at.speaker.clone());
        f.standing = at.standing;
    } else if f.violent() {
        // "security forces said they neutralised four militants": the force claims its own deed.
        let own = attributions
            .iter()
            .find(|at| at.covers(ts) && f.agents.iter().any(|ag| ag.0.r.iri == at.speaker.0.r.iri));
        if let Some(at) = own {
            f.claimant = Some(at.speaker.clone());
            f.standing = Standing::Claimed;
        }
    }
    if let Some(h) = hedge {
        f.standing = f.standing.min(h);
        f.confidence -= 0.05;
    }
}

/// "accused Islamabad of carrying out airstrikes": the event named after "of" is the accused's,
/// alleged by the accuser, and what the accusation asserts.
pub fn accused_deeds(a: &Args<'_>, out: &mut [Found]) {
    for k in 0..out.len() {
        if out[k].class != "Accusation" || out[k].targets.is_empty() || out[k].agents.is_empty() {
            continue;
        }
        let end = out[k].span.1;
        let (accused, accuser) = (out[k].targets.clone(), out[k].agents[0].clone());
        let Some(of) = (end..(end + 6).min(a.p.tokens.len())).find(|&j| a.p.low(j) == "of") else {
            continue;
        };
        let Some(j) = (0..out.len())
            .find(|&j| j != k && out[j].violent() && out[j].span.0 > of && out[j].span.0 <= of + 4)
        else {
            continue;
        };
        let f = &mut out[j];
        f.agents = accused;
        f.targets
            .retain(|t| !f.agents.iter().any(|x| x.0.r.iri == t.0.r.iri));
        f.standing = Standing::Alleged;
        f.claimant = Some(accuser);
        out[k].about.get_or_insert(j);
    }
}

/// "The group claimed responsibility for a bombing": the deed is claimed by the claimant.
pub fn claimed_deeds(out: &mut [Found]) {
    for k in 0..out.len() {
        if out[k].class != "Claim" || out[k].agents.is_empty() {
            continue;
        }
        let (claimant, end) = (out[k].agents[0].clone(), out[k].span.1);
        for f in out.iter_mut().filter(|f| f.violent() && f.span.0 >= end) {
            f.standing = f.standing.min(Standing::Claimed);
            f.claimant = Some(claimant.clone());
        }
    }
}

/// "Kabul claims …", "saying its troops hit back": a claim cue is a claim event of its
/// speaker, about the event it covers.
pub fn claims_as_events(a: &Args<'_>, attributions: &[Attribution], out: &mut Vec<Found>) {
    for at in attributions.iter().filter(|at| at.standing == Standing::Claimed) {
        if out
            .iter()
            .any(|f| f.class == "Claim" && f.agents.first().is_some_and(|x| x.0.r.iri == at.speaker.0.r.iri))
        {
            continue;
        }
        // Only a claim about an event read here is kept: "maintains" has other senses.
        let Some(about) = out
            .iter()
            .position(|f| at.covers(f.span.0) && !is_speech(&f.class))
        else {
            continue;
        };
        let about = Some(about);
        out.push(Found {
            class: "Claim".to_owned(),
            frame: Frame::Verb,
            span: (at.at, at.at + 1),
            trigger: a.p.text_of(at.at, at.at + 1).to_owned(),
            agents: vec![at.speaker.clone()],
            targets: Vec::new(),
            place: None,
            standing: Standing::Reported,
            claimant: None,
            about,
            confidence: 0.55,
            unmatched: Vec::new(),
        });
    }
}

/// "…, inflicting heavy losses on X": X is the target of the violent events before it that name
/// none.
pub fn losses_inflicted(a: &Args<'_>, out: &mut [Found]) {
    let p = a.p;
    let Some(at) = (0..p.tokens.len()).find(|&i| p.low(i).starts_with("inflict")) else {
        return;
    };
    let Some(on) = (at + 1..(at + 7).min(p.tokens.len())).find(|&j| p.low(j) == "on") else {
        return;
    };
    let Some(victim) = a
        .mentions
        .iter()
        .find(|m| m.from == on + 1 && !m.demonym)
        .and_then(|m| m.actor.clone())
    else {
        return;
    };
    for f in out.iter_mut().filter(|f| f.violent() && f.span.1 <= at) {
        if f.targets.is_empty() && !f.agents.iter().any(|g| g.0.r.iri == victim.r.iri) {
            f.targets.push((victim.clone(), None));
        }
    }
}

/// "outspoken in his criticism, accusing X of …": a criticism or condemnation named as a noun
/// just before a speech participle is by its speaker and about the one it names.
pub fn criticism_named_by_participle(a: &Args<'_>, out: &mut Vec<Found>) {
    let p = a.p;
    let mut made = Vec::new();
    for f in out
        .iter()
        .filter(|f| is_speech(&f.class) && !f.agents.is_empty() && !f.targets.is_empty())
    {
        let ts = f.span.0;
        if ts < 2 || p.low(ts - 1) != "," || !p.low(ts).ends_with("ing") {
            continue;
        }
        let noun = (ts.saturating_sub(4)..ts - 1).find_map(|j| {
            p.longest(j, &a.lex.triggers)
                .filter(|(n, _)| j + n == ts - 1)
                .and_then(|(n, ts_)| ts_.first().map(|t| (j, n, t)))
        });
        let Some((j, n, t)) = noun.filter(|(_, _, t)| {
            t.frame == Frame::Noun && matches!(t.class.as_str(), "Criticism" | "Condemnation")
        }) else {
            continue;
        };
        if t.class == f.class || out.iter().any(|g| g.span.0 == j && !g.agents.is_empty()) {
            continue;
        }
        let mut c = f.clone();
        c.class = t.class.clone();
        c.frame = Frame::Noun;
        c.span = (j, j + n);
        c.trigger = p.text_of(j, j + n).to_owned();
        c.about = None;
        made.push(c);
    }
    // The bare noun read on its own named no one: the filled reading replaces it.
    out.retain(|g| !(g.agents.is_empty() && g.targets.is_empty() && made.iter().any(|m| m.span == g.span)));
    out.extend(made);
}

/// "issued a warning, with its defence ministry stating that …": the body named in the absolute
/// clause speaks too.
pub fn co_speaker_in_with_clause(a: &Args<'_>, out: &mut [Found]) {
    const SAYING: [&str; 6] = ["stating", "saying", "adding", "warning", "insisting", "declaring"];
    let p = a.p;
    for f in out
        .iter_mut()
        .filter(|f| is_speech(&f.class) && !f.agents.is_empty())
    {
        let te = f.span.1;
        let Some(w) = (te..(te + 8).min(p.tokens.len())).find(|&j| p.low(j) == "with") else {
            continue;
        };
        if w == 0 || p.low(w - 1) != "," {
            continue;
        }
        let speaker = a.mentions.iter().find(|m| {
            (m.from == w + 1 || (m.from == w + 2 && matches!(p.low(w + 1), "its" | "their" | "the")))
                && SAYING.contains(&p.low(m.to))
                && !m.demonym
        });
        // "its ministry" that the graph does not know, read without its owner: whose it is stays
        // unsaid (a possessed body whose owner was found spans the "its").
        let owned_unknown = |m: &super::mentions::Mention, e: &Ent| {
            !e.known && m.from == w + 2 && matches!(p.low(w + 1), "its" | "their")
        };
        if let Some(e) = speaker.and_then(|m| m.actor.clone().filter(|e| !owned_unknown(m, e))) {
            if !f.agents.iter().any(|x| x.0.r.iri == e.r.iri) {
                f.agents.push((e, None));
            }
        }
    }
}

/// "strikes on senior TTP leaders": an attack on a group's leaders or fighters is also an attack
/// on the armed group whose name their label holds.
pub fn group_of_members(a: &Args<'_>, out: &mut [Found]) {
    for f in out.iter_mut().filter(|f| f.violent()) {
        let mut groups: Vec<Arg> = Vec::new();
        for (t, _) in f.targets.iter().filter(|(t, _)| t.class != "ArmedGroup") {
            let words: Vec<&str> = t.r.label.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let group = words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .find_map(|w| a.gaz_label(w).filter(|g| g.class == "ArmedGroup"));
            if let Some(g) = group {
                let seen = f.targets.iter().chain(f.agents.iter()).chain(groups.iter());
                if !seen.clone().any(|x| x.0.r.iri == g.r.iri) {
                    groups.push((g, None));
                }
            }
        }
        f.targets.extend(groups);
    }
}

/// "…, which Kabul claims killed civilians, an accusation denied by Islamabad": an accusation
/// named by a noun in apposition is by the speaker of the claim before it, against the one who
/// denies it right after.
pub fn accusation_in_apposition(attributions: &[Attribution], out: &mut [Found]) {
    for k in 0..out.len() {
        let f = &out[k];
        if f.class != "Accusation" || f.frame != Frame::Noun || !f.agents.is_empty() {
            continue;
        }
        let Some(denier) = out
            .iter()
            .find(|d| d.class == "Denial" && d.span.0 >= f.span.1 && d.span.0 <= f.span.1 + 1)
            .and_then(|d| d.agents.first().cloned())
        else {
            continue;
        };
        let Some(speaker) = attributions
            .iter()
            .filter(|at| at.at < f.span.0 && at.speaker.0.r.iri != denier.0.r.iri)
            .max_by_key(|at| at.at)
            .map(|at| at.speaker.clone())
        else {
            continue;
        };
        let f = &mut out[k];
        f.agents = vec![speaker];
        if f.targets.is_empty() {
            f.targets = vec![denier];
        }
    }
}
