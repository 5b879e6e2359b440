//! Reads plain facts a sentence states about its actors and places: a place inside a state or a
//! larger place, a person leading a state or place, membership, two states sharing a border, and a
//! border's length.

use super::args::Args;
use super::discourse::Discourse;
use super::lexicon::{norm_phrase, QuantityWord};
use super::mentions::{Ctx, Ent, Mention};
use super::model::Qualifier;
use super::text::Kind;

/// Object of a found fact.
#[derive(Debug, Clone)]
pub enum Obj {
    /// An entity.
    Ent(Ent),
    /// A length.
    Length(f64, String, Qualifier),
}

/// A fact found in a sentence.
#[derive(Debug, Clone)]
pub struct FoundFact {
    /// Subject.
    pub subject: Ent,
    /// Local name of the relation (`measurement` for a length).
    pub relation: String,
    /// Object.
    pub object: Obj,
}

/// How large a place class is; a place lies in a larger one.
fn rank(class: &str) -> u8 {
    match class {
        "Facility" | "BorderPost" | "BorderCrossing" => 1,
        "Village" => 2,
        "Town" | "Settlement" => 3,
        "City" => 4,
        "District" => 5,
        "Province" => 6,
        "State" => 8,
        _ => 0,
    }
}

fn state_of(m: &Mention) -> Option<Ent> {
    m.actor
        .clone()
        .or_else(|| m.place.clone())
        .filter(|e| e.class == "State")
}

/// Finds the facts of one sentence.
pub fn find(a: &Args<'_>, cx: &Ctx<'_>, disc: &Discourse) -> Vec<FoundFact> {
    let mut out = Vec::new();
    located_in(a, &mut out);
    leaders_and_members(a, cx, &mut out);
    borders(a, cx, disc, &mut out);
    out
}

fn located_in(a: &Args<'_>, out: &mut Vec<FoundFact>) {
    let ms = a.mentions;
    for w in ms.windows(2) {
        let (m1, m2) = (&w[0], &w[1]);
        let gap: Vec<&str> = (m1.to..m2.from).map(|i| a.p.low(i)).collect();
        let Some(place) = m2.place.clone() else { continue };
        // "Tajikistan's Khatlon province", "the Afghan town of Khamyab".
        if let Some(state) = state_of(m1) {
            let possessive = matches!(gap.as_slice(), ["'s"] | [])
                || m1.demonym
                    && gap
                        .first()
                        .is_some_and(|g| !matches!(*g, "," | "and" | "." | "-"));
            if possessive
                && gap.len() <= 1
                && (1..8).contains(&rank(&place.class))
                && place.r.iri != state.r.iri
            {
                out.push(FoundFact {
                    subject: place,
                    relation: "locatedIn".into(),
                    object: Obj::Ent(state),
                });
                continue;
            }
        }
        // "the village of Darvoz in the Vakhsh district".
        if let Some(p1) = m1.place.clone() {
            if matches!(gap.as_slice(), ["in"] | ["in", "the"])
                && rank(&p1.class) > 0
                && rank(&p1.class) < rank(&place.class)
            {
                out.push(FoundFact {
                    subject: p1,
                    relation: "locatedIn".into(),
                    object: Obj::Ent(place),
                });
            }
        }
    }
}

fn leaders_and_members(a: &Args<'_>, cx: &Ctx<'_>, out: &mut Vec<FoundFact>) {
    for (k, m) in a.mentions.iter().enumerate() {
        let Some(person) = m.actor.clone().filter(|e| e.class == "Person") else {
            continue;
        };
        let facts = [
            titled_leader(a, cx, k),
            head_of(a, cx, k),
            role_member(a, cx, k),
            member_of(a, cx, k),
        ];
        out.extend(facts.into_iter().flatten().map(|(relation, object)| FoundFact {
            subject: person.clone(),
            relation,
            object: Obj::Ent(object),
        }));
    }
}

/// "Tajik President X", "President X" after a state: leader of that state.
fn titled_leader(a: &Args<'_>, cx: &Ctx<'_>, k: usize) -> Option<(String, Ent)> {
    let (p, m) = (a.p, &a.mentions[k]);
    let is_title = |i: usize| {
        (1..=2).any(|n| {
            p.gram(i, n)
                .and_then(|g| cx.lex.facts.get(g))
                .is_some_and(|fs| fs.iter().any(|f| f.frame == "title"))
        })
    };
    if !(m.from.saturating_sub(3)..m.to).any(is_title) {
        return None;
    }
    let state = a.mentions[..k]
        .iter()
        .rev()
        .find(|s| s.to + 2 >= m.from && state_of(s).is_some())
        .and_then(state_of)
        .or_else(|| cx.lex.demonyms.get(p.low(m.from)).map(|l| cx.state(l)))?;
    Some(("leaderOf".into(), state))
}

/// "the governor of X district, Name": head of X.
fn head_of(a: &Args<'_>, cx: &Ctx<'_>, k: usize) -> Option<(String, Ent)> {
    let (p, m) = (a.p, &a.mentions[k]);
    if k == 0 || p.low(m.from.wrapping_sub(1)) != "," {
        return None;
    }
    let org = &a.mentions[k - 1];
    let before = (org.from.saturating_sub(3)..org.from)
        .map(|i| p.low(i))
        .collect::<Vec<_>>()
        .join(" ");
    let (_, fs) = cx
        .lex
        .facts
        .iter()
        .find(|(ph, fs)| before.contains(ph.as_str()) && fs.iter().any(|f| f.frame == "head-of"))?;
    let obj = org.place.clone().or_else(|| org.actor.clone())?;
    fs.first().map(|f| (f.relation.clone(), obj))
}

/// "Taliban spokesman Name": member of the body named before the role word.
fn role_member(a: &Args<'_>, cx: &Ctx<'_>, k: usize) -> Option<(String, Ent)> {
    let (p, m) = (a.p, &a.mentions[k]);
    let org = a.mentions.get(k.checked_sub(1)?)?;
    let role = (org.to..m.from).map(|i| p.low(i)).collect::<Vec<_>>().join(" ");
    let is_role = cx
        .lex
        .facts
        .get(&role)
        .is_some_and(|fs| fs.iter().any(|f| f.frame == "role"));
    let obj = org.actor.clone().filter(|o| o.class != "Person" && is_role)?;
    Some(("memberOf".into(), obj))
}

/// "Name, a member of X".
fn member_of(a: &Args<'_>, cx: &Ctx<'_>, k: usize) -> Option<(String, Ent)> {
    let (p, m) = (a.p, &a.mentions[k]);
    if p.low(m.to) != "," {
        return None;
    }
    let next = a.mentions.get(k + 1)?;
    let between = (m.to + 1..next.from)
        .map(|i| p.low(i))
        .collect::<Vec<_>>()
        .join(" ");
    let f = cx
        .lex
        .facts
        .get(&norm_phrase(&between))
        .and_then(|fs| fs.iter().find(|f| f.frame == "member-of"))?;
    next.actor.clone().map(|obj| (f.relation.clone(), obj))
}

fn borders(a: &Args<'_>, cx: &Ctx<'_>, disc: &Discourse, out: &mut Vec<FoundFact>) {
    let pair = shared_border(a, cx, out);
    for i in 0..a.p.tokens.len() {
        if let Some(f) = length_at(a, cx, disc, pair.as_ref(), i) {
            out.push(f);
        }
    }
}

/// "X shares a border with Y", "X borders Y": the two states.
fn shared_border(a: &Args<'_>, cx: &Ctx<'_>, out: &mut Vec<FoundFact>) -> Option<(Ent, Ent)> {
    let p = a.p;
    let states: Vec<(usize, Ent)> = a
        .mentions
        .iter()
        .filter_map(|m| state_of(m).filter(|_| !m.demonym).map(|s| (m.from, s)))
        .collect();
    let is_shares = |i: usize| {
        (1..=4).any(|n| {
            p.gram(i, n)
                .and_then(|g| cx.lex.facts.get(g))
                .is_some_and(|fs| fs.iter().any(|f| f.frame == "shares"))
        })
    };
    let border_said = (0..p.tokens.len()).any(|i| matches!(p.low(i), "border" | "frontier" | "boundary"));
    let s = (0..p.tokens.len())
        .find(|&i| is_shares(i))
        .filter(|&s| border_said || p.low(s) == "borders")?;
    let (_, x) = states.iter().rev().find(|(i, _)| *i < s)?;
    let (_, y) = states.iter().find(|(i, _)| *i > s)?;
    if x.r.iri == y.r.iri {
        return None;
    }
    out.push(FoundFact {
        subject: x.clone(),
        relation: "borders".into(),
        object: Obj::Ent(y.clone()),
    });
    Some((x.clone(), y.clone()))
}

/// A length at token `i`: a number and a unit within reach of "border", "frontier" or a border's
/// name, put on the graph's border it measures.
fn length_at(
    a: &Args<'_>,
    cx: &Ctx<'_>,
    disc: &Discourse,
    pair: Option<&(Ent, Ent)>,
    i: usize,
) -> Option<FoundFact> {
    let p = a.p;
    let t = &p.tokens[i];
    if t.kind != Kind::Number {
        return None;
    }
    let value = t.lower.replace(',', "").parse::<f64>().ok()?;
    let ul = (1..=2).find(|&n| {
        p.gram(i + 1, n)
            .and_then(|g| cx.lex.facts.get(g))
            .is_some_and(|fs| fs.iter().any(|f| f.frame == "unit"))
    })?;
    let unit = if p.low(i + ul).starts_with("mile") {
        "mi"
    } else {
        "km"
    };
    let window = i.saturating_sub(6)..(i + ul + 5).min(p.tokens.len());
    let border_word = window
        .clone()
        .any(|j| matches!(p.low(j), "border" | "frontier" | "boundary"));
    let border_mention = a.mentions.iter().find(|m| {
        m.from < window.end && m.to > window.start && m.place.as_ref().is_some_and(|e| e.class == "Border")
    });
    let subject = match (border_mention, pair) {
        (Some(m), _) => m.place.clone().filter(|e| e.known),
        (None, Some((x, y))) if border_word => border_between(cx, x, y),
        (None, None) if border_word => disc.border.clone().filter(|e| e.known),
        _ => None,
    }?;
    let qualifier = (1..=2)
        .filter_map(|n| i.checked_sub(n).and_then(|s| p.gram(s, n)))
        .find_map(|g| {
            match cx
                .lex
                .quantities
                .get(&format!("{g}#q"))
                .or_else(|| cx.lex.quantities.get(g))
            {
                Some(QuantityWord::Qualifier(q)) => Some(*q),
                _ => None,
            }
        })
        .unwrap_or(Qualifier::Exact);
    Some(FoundFact {
        subject,
        relation: "measurement".into(),
        object: Obj::Length(value, unit.to_owned(), qualifier),
    })
}

/// The graph's border between two states. A border the graph lacks is not proposed: a border
/// needs the two places it separates, which a review should add.
fn border_between(cx: &Ctx<'_>, x: &Ent, y: &Ent) -> Option<Ent> {
    let (a, b) = (&x.r.label, &y.r.label);
    [format!("{a}-{b} border"), format!("{b}-{a} border")]
        .iter()
        .find_map(|l| {
            cx.gaz.by_label(l).and_then(|i| cx.gaz.entity(i)).map(|e| Ent {
                r: e.to_ref(),
                class: "Border".into(),
                known: true,
                nationality: None,
            })
        })
}
