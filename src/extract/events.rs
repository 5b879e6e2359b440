//! Turns the trigger words of one sentence into events: finds triggers, drops those negated,
//! modal or prevented, fills agents, targets and place by frame, and gives each its standing and
//! claimant.

use super::args::{Arg, Args};
use super::claims::Attribution;
use super::frames::{antecedent, own_people, victim_before, warned};
use super::lexicon::{Cue, Frame};
use super::mentions::Ent;
use super::merge;
use super::model::Standing;

/// Classes of violent events (subclasses of `bkg:ViolentEvent`).
pub const VIOLENT: [&str; 11] = [
    "ViolentEvent",
    "Attack",
    "ArmedAttack",
    "DroneStrike",
    "AirStrike",
    "Clash",
    "SecurityOperation",
    "Incursion",
    "Capture",
    "Offensive",
    "Retreat",
];

/// Trigger words that only report a killing; another violent trigger in the sentence wins.
pub const KILL_WORDS: [&str; 3] = ["killed", "kill", "killing"];

/// Agents, targets and a confidence.
type Args3 = (Vec<Arg>, Vec<Arg>, f32);

/// An event found in a sentence, before it is placed in the article.
#[derive(Debug, Clone)]
pub struct Found {
    /// Local class name.
    pub class: String,
    /// Frame of the trigger.
    pub frame: Frame,
    /// Trigger tokens.
    pub span: (usize, usize),
    /// The trigger words.
    pub trigger: String,
    /// Agents.
    pub agents: Vec<Arg>,
    /// Targets (for a harbouring, the sheltered).
    pub targets: Vec<Arg>,
    /// Place.
    pub place: Option<Ent>,
    /// Standing.
    pub standing: Standing,
    /// Claimant.
    pub claimant: Option<Arg>,
    /// Index (in this sentence's list) of the event this one is about.
    pub about: Option<usize>,
    /// Confidence.
    pub confidence: f32,
    /// Phrases in argument position that matched nothing.
    pub unmatched: Vec<(String, &'static str)>,
}

impl Found {
    /// Is a violent event.
    pub fn violent(&self) -> bool {
        VIOLENT.contains(&self.class.as_str())
    }
}

/// Finds the events of one sentence.
pub fn find(a: &Args<'_>, attributions: &[Attribution]) -> Vec<Found> {
    let p = a.p;
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < p.tokens.len() {
        let Some((n, triggers)) = p.longest(i, &a.lex.triggers).or_else(|| split_by_pronoun(a, i)) else {
            i += 1;
            continue;
        };
        let Some(t) = triggers.first() else {
            i += n;
            continue;
        };
        let in_name = a.mentions.iter().any(|m| m.from <= i && i < m.to);
        if !in_name && !blocked(a, (i, i + n), t.frame) {
            if let Some(f) = build(a, &t.class, t.frame, (i, i + n)) {
                out.push(f);
            }
        }
        i += n;
    }
    merge::merge_kill_words(&mut out);
    merge::losses_inflicted(a, &mut out);
    merge::merge_relative_clauses(a, &mut out);
    merge::share_coordinated_subjects(a, &mut out);
    merge::link_content(a, &mut out);
    for f in &mut out {
        merge::stand(a, f, attributions);
    }
    merge::claimed_deeds(&mut out);
    merge::accused_deeds(a, &mut out);
    merge::claims_as_events(a, attributions, &mut out);
    merge::criticism_named_by_participle(a, &mut out);
    merge::accusation_in_apposition(attributions, &mut out);
    merge::co_speaker_in_with_clause(a, &mut out);
    merge::group_of_members(a, &mut out);
    out
}

/// Object pronouns that split a phrasal verb ("tracked them down").
const SPLITTING_PRONOUNS: [&str; 4] = ["them", "him", "her", "it"];

/// "tracked them down", "drove them back": a two-word trigger with an object pronoun between its
/// words, as three tokens.
fn split_by_pronoun<'l>(a: &Args<'l>, i: usize) -> Option<(usize, &'l Vec<super::lexicon::Trigger>)> {
    let p = a.p;
    if !SPLITTING_PRONOUNS.contains(&p.low(i + 1)) || p.low(i + 2).is_empty() {
        return None;
    }
    let key = format!("{} {}", p.low(i), p.low(i + 2));
    a.lex.triggers.get(&key).map(|t| (3, t))
}

/// True when the trigger sits under negation, a modal, a plan or a wish to prevent it.
fn blocked(a: &Args<'_>, (ts, te): (usize, usize), frame: Frame) -> bool {
    let p = a.p;
    let start = a.clause_start(ts, 0);
    for j in start..ts {
        let w = p.low(j);
        let cues = a.lex.cue(w);
        if cues.contains(&Cue::Negation) {
            return true;
        }
        if cues.contains(&Cue::Modal) && w != "to" && !(w == "may" && p.tokens[j].cap) {
            return true;
        }
    }
    if p.gram(start, 2).is_some_and(|g| a.lex.has_cue(g, Cue::Modal))
        || (start..ts).any(|j| {
            p.gram(j, 2)
                .is_some_and(|g| a.lex.has_cue(g, Cue::Negation) || a.lex.has_cue(g, Cue::Modal))
        })
    {
        return true;
    }
    let near = ts.saturating_sub(3)..ts;
    if near.clone().any(|j| a.lex.has_cue(p.low(j), Cue::Prevent)) {
        return true;
    }
    // "Talks … are scheduled for next week": a noun whose own predicate is modal.
    if frame == Frame::Noun {
        let end = a.clause_end(te).min(te + 7);
        let modal_after = (te..end).any(|j| {
            let w = p.low(j);
            let month = w == "may" && p.tokens[j].cap;
            w != "to"
                && !month
                && a.lex
                    .cue(w)
                    .iter()
                    .any(|c| matches!(c, Cue::Modal | Cue::Negation))
        });
        if modal_after {
            return true;
        }
    }
    frame != Frame::Noun && ts > 0 && p.low(ts - 1) == "to"
}

/// A trigger right after a form of "be" ("were killed", "was reportedly struck").
pub fn passive(a: &Args<'_>, ts: usize) -> bool {
    (1..=2).any(|k| ts >= k && a.lex.has_cue(a.p.low(ts - k), Cue::Be))
}

/// True for speech-act classes.
pub fn is_speech(class: &str) -> bool {
    matches!(
        class,
        "Condemnation"
            | "Accusation"
            | "Denial"
            | "Appeal"
            | "CallForRestraint"
            | "Warning"
            | "Criticism"
            | "Claim"
            | "ExpressionOfConcern"
            | "Statement"
    )
}

/// Fills the arguments of one trigger by its frame.
fn build(a: &Args<'_>, class: &str, frame: Frame, (ts, te): (usize, usize)) -> Option<Found> {
    let p = a.p;
    let mut unmatched = Vec::new();
    let (mut agents, mut targets, mut confidence): (Vec<Arg>, Vec<Arg>, f32) = match frame {
        Frame::Verb | Frame::VerbWith => match verb_args(a, class, frame, (ts, te)) {
            Ok(Some(x)) => x,
            Ok(None) => return None,
            Err(whole) => return *whole,
        },
        Frame::Noun => {
            let (ag, tg, c) = noun_args(a, class, (ts, te));
            // "wounded in combat", "a battle that raged for hours": fighting named by a noun
            // that names no party is between the two parties of the article's fighting so far.
            // With one side known so far, the other is unsaid: nothing is drafted.
            let unnamed = class == "Clash" && ag.is_empty() && tg.is_empty() && !definite(a, ts);
            match a.belligerents.as_slice() {
                [x, y] if unnamed => (vec![(x.clone(), None)], vec![(y.clone(), None)], c - 0.1),
                [_] if unnamed => return None,
                _ => (ag, tg, c),
            }
        }
        Frame::Content | Frame::Instrument => (Vec::new(), a.object(te, 6), 0.55),
    };
    if matches!(frame, Frame::Verb | Frame::VerbWith) && agents.is_empty() {
        if let Some(ph) = a.loose_phrase(ts, true) {
            unmatched.push((ph, "agent"));
        }
    }
    if matches!(frame, Frame::Verb | Frame::VerbWith) && targets.is_empty() && !passive(a, ts) {
        if let Some(ph) = a.loose_phrase(te, false) {
            unmatched.push((ph, "target"));
        }
    }
    let mut class = refine(a, class, (ts, te), &agents, &mut targets);
    let mut used: Vec<String> = agents
        .iter()
        .chain(targets.iter())
        .map(|(e, _)| e.r.iri.clone())
        .collect();
    let mut place = None;
    if matches!(class.as_str(), "Capture" | "Closure" | "Visit") {
        place = a.object_place(te, 8);
    }
    // Taking a whole state is a takeover of power, not the capture of a position.
    if class == "Capture" {
        if let Some(pos) = targets.iter().position(|t| t.0.class == "State") {
            place = Some(targets.remove(pos).0);
            class = "TakeoverOfPower".to_owned();
        }
    }
    if place.is_none() && !is_speech(&class) {
        place = a.place(ts, te, &used);
    }
    if let Some(pl) = &place {
        used.push(pl.r.iri.clone());
    }
    // A noun naming an earlier event ("the attack", "this clash") adds nothing new.
    if frame == Frame::Noun && agents.is_empty() && targets.is_empty() && definite(a, ts) {
        return None;
    }
    agents.dedup_by(|x, y| x.0.r.iri == y.0.r.iri);
    targets.retain(|t| !agents.iter().any(|ag| ag.0.r.iri == t.0.r.iri));
    if agents.iter().chain(targets.iter()).any(|(e, _)| !e.known) {
        confidence -= 0.1;
    }
    if !agents.is_empty() && !targets.is_empty() {
        confidence += 0.1;
    }
    Some(Found {
        class,
        frame,
        span: (ts, te),
        trigger: p.text_of(ts, te).to_owned(),
        agents,
        targets,
        place,
        standing: Standing::Reported,
        claimant: None,
        about: None,
        confidence,
        unmatched,
    })
}

/// A determiner right before a noun trigger says it names an event told before ("the clash").
fn definite(a: &Args<'_>, ts: usize) -> bool {
    (ts.saturating_sub(2)..ts).any(|j| {
        matches!(
            a.p.low(j),
            "the" | "this" | "that" | "these" | "those" | "its" | "latest"
        )
    })
}

/// Agents, targets and confidence of a verb trigger; `Err` carries a whole event read another way
/// (a participle naming its victim), `Ok(None)` means the verb is not read.
fn verb_args(
    a: &Args<'_>,
    class: &str,
    frame: Frame,
    (ts, te): (usize, usize),
) -> Result<Option<Args3>, Box<Option<Found>>> {
    let p = a.p;
    let participle = p.low(ts).ends_with("ing");
    Ok(Some({
        let by = if p.low(te) == "by" || passive(a, ts) {
            a.after_prep(te, 8, &["by"])
        } else {
            Vec::new()
        };
        if passive(a, ts) && matches!(class, "Deployment" | "Retreat") {
            // "troops were dispatched", "were forced to retreat": the troops are the ones who move.
            (a.subject(ts, 0), Vec::new(), 0.65)
        } else if passive(a, ts) {
            (by, a.subject(ts, 0), 0.7)
        } else if p.low(te) == "by" {
            (by, Vec::new(), 0.65)
        } else {
            let kill = KILL_WORDS.contains(&p.low(ts));
            // "a commander killed in an airstrike": a participle, the victim before it.
            if kill && p.low(ts) == "killed" && matches!(p.low(te), "in" | "during" | "when" | "near" | "by")
            {
                return Err(Box::new(victim_before(a, ts).map(|v| Found {
                    class: class.to_owned(),
                    frame,
                    span: (ts, te),
                    trigger: p.text_of(ts, te).to_owned(),
                    agents: Vec::new(),
                    targets: vec![v],
                    place: None,
                    standing: Standing::Reported,
                    claimant: None,
                    about: None,
                    confidence: 0.6,
                    unmatched: Vec::new(),
                })));
            }
            // "killing two guards" tells the outcome, not who killed.
            let subj = if kill && participle {
                Vec::new()
            } else {
                a.subject(ts, usize::from(participle))
            };
            // "those killed include …": a killing with no subject is not read.
            if subj.is_empty() && kill && !participle {
                return Ok(None);
            }
            let subj = if subj.is_empty() && !kill {
                antecedent(a, ts)
            } else {
                subj
            };
            let mut obj = a.object(te, 8);
            if obj.is_empty() {
                obj = own_people(a, te, &subj);
            }
            // "tracked them down": the pronoun inside the trigger is its object.
            if obj.is_empty() && te == ts + 3 && SPLITTING_PRONOUNS.contains(&p.low(ts + 1)) {
                obj = a
                    .mentions
                    .iter()
                    .filter(|m| m.from == ts + 1 && m.anaphor)
                    .filter_map(|m| m.actor.clone().map(|e| (e, None)))
                    .collect();
            }
            (subj, obj, if frame == Frame::VerbWith { 0.75 } else { 0.7 })
        }
    }))
}

/// Agents, targets and confidence of a noun trigger.
fn noun_args(a: &Args<'_>, class: &str, (ts, te): (usize, usize)) -> Args3 {
    let p = a.p;
    let mut agents = a.premodifier(ts);
    if agents.is_empty() && p.low(te) == "by" {
        agents = a.after_prep(te, 3, &["by"]);
    }
    if agents.is_empty() {
        let light = |j: usize| (1..=2).any(|n| p.gram(j, n).is_some_and(|g| a.lex.has_cue(g, Cue::Light)));
        if let Some(l) = (ts.saturating_sub(6)..ts).rev().find(|&j| light(j)) {
            agents = a.subject(l, usize::from(p.low(l).ends_with("ing")));
        }
    }
    if agents.is_empty() && matches!(class, "Clash" | "Talks" | "Agreement") {
        // "between X and Y", after the noun or earlier in the sentence.
        agents = a.after_prep(te, 6, &["between"]);
        if agents.is_empty() {
            agents = a.after_prep(0, ts, &["between"]);
        }
    }
    // "TTP militants, who were behind attacks on …": the antecedent is the agent.
    if agents.is_empty() {
        agents = antecedent(a, ts);
    }
    let ends_in_prep = matches!(p.low(te - 1), "with" | "to" | "of" | "on" | "against");
    let targets = if ends_in_prep {
        a.object(te, 6)
    } else {
        a.after_prep(te, 6, &["on", "against", "targeting", "at"])
    };
    (agents, targets, 0.6)
}

/// Class-specific finishing: targets named elsewhere, and the class made more precise by the
/// words around the trigger (an instrument, a call for restraint).
fn refine(
    a: &Args<'_>,
    class: &str,
    (ts, te): (usize, usize),
    agents: &[Arg],
    targets: &mut Vec<Arg>,
) -> String {
    let p = a.p;
    let mut class = class.to_owned();
    if targets.is_empty()
        && matches!(
            class.as_str(),
            "ExpressionOfConcern" | "Criticism" | "Condemnation"
        )
    {
        *targets = a.after_prep(te, 6, &["about", "over", "of", "at"]);
    }
    // "demanding urgent Afghan action": the state whose action an appeal asks for is its target.
    if targets.is_empty() && class == "Appeal" {
        *targets = a.demonym_object(te, 4);
    }
    // "called on X to respect the rights of Y": Y is a party to the appeal too.
    if class == "Appeal" {
        let end = a.clause_end(te).min(te + 14);
        if let Some(j) = (te..end).find(|&j| p.gram(j, 2).is_some_and(|g| a.lex.has_cue(g, Cue::Beneficiary)))
        {
            for t in a.after_prep(j + 1, 4, &["of"]) {
                if !targets.iter().any(|x| x.0.r.iri == t.0.r.iri) {
                    targets.push(t);
                }
            }
        }
    }
    // "warned that should X strike again …": the one warned is named after the warning.
    if targets.is_empty() && class == "Warning" {
        *targets = warned(a, te, agents);
    }
    // A call for restraint names no one when it is addressed to both sides of the conflict.
    if targets.is_empty() && class == "CallForRestraint" {
        *targets = a
            .sides
            .iter()
            .filter(|s| !agents.iter().any(|x| x.0.r.iri == s.r.iri))
            .map(|s| (s.clone(), None))
            .collect();
    }
    if matches!(class.as_str(), "Attack" | "ArmedAttack") {
        let from = a.clause_start(ts, 0);
        if let Some(c) = (from..te).find_map(|j| p.longest(j, &a.lex.instruments).map(|(_, c)| c.clone())) {
            class = c;
        }
    }
    if class == "Appeal"
        && (te..(te + 6).min(p.tokens.len())).any(|j| a.lex.has_cue(p.low(j), Cue::Restraint))
    {
        class = "CallForRestraint".to_owned();
    }
    class
}
