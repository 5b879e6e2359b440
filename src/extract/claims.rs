//! Who the article says makes a statement ("according to X", "X said", "X claimed") and which part
//! of the sentence that covers, so that events inside it get a claimant and a standing.

use super::args::{Arg, Args};
use super::lexicon::Cue;
use super::model::Standing;

/// An attribution in a sentence.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// The speaker and, when a capital stood for it, the capital.
    pub speaker: Arg,
    /// Tokens of the speaker mention.
    pub speaker_span: (usize, usize),
    /// Token of the attribution verb or phrase.
    pub at: usize,
    /// Standing it gives what it covers.
    pub standing: Standing,
    /// Token ranges it covers.
    pub scope: Vec<(usize, usize)>,
}

impl Attribution {
    /// True when token `i` lies in its scope.
    pub fn covers(&self, i: usize) -> bool {
        self.scope.iter().any(|&(a, b)| a <= i && i < b)
    }
}

/// Finds the attributions of a sentence.
pub fn find(a: &Args<'_>) -> Vec<Attribution> {
    let p = a.p;
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.tokens.len() {
        let found = (1..=3).rev().find_map(|k| {
            let g = p.gram(i, k)?;
            a.lex
                .cue(g)
                .iter()
                .find(|c| matches!(c, Cue::According | Cue::Report | Cue::Claim))
                .map(|c| (k, *c))
        });
        let Some((len, cue)) = found else {
            i += 1;
            continue;
        };
        let at = if cue == Cue::According {
            according(a, i, len)
        } else {
            spoken(a, i, len, cue)
        };
        out.extend(at);
        i += len;
    }
    out
}

/// "according to X": X vouches for the whole sentence.
fn according(a: &Args<'_>, i: usize, len: usize) -> Option<Attribution> {
    // "according to X", "according to a statement from X".
    let m = a.mentions.iter().find(|m| {
        m.from >= i + len
            && m.from <= i + len + 5
            && m.actor.is_some()
            && !(i + len..m.from).any(|j| a.is_break(j) || a.p.low(j) == ",")
    })?;
    Some(Attribution {
        speaker: (m.actor.clone()?, m.metonym.clone()),
        speaker_span: (i, m.to),
        at: i,
        standing: Standing::Reported,
        scope: vec![(0, i), (m.to, a.p.tokens.len())],
    })
}

/// "X said", "X claims", "…, X said": the speaker and what the verb covers.
fn spoken(a: &Args<'_>, i: usize, len: usize, cue: Cue) -> Option<Attribution> {
    let p = a.p;
    // "claimed responsibility" is a claim event; "dismissed the claims" is a noun.
    let noun = matches!(
        p.low(i.wrapping_sub(1)),
        "the" | "a" | "these" | "those" | "such" | "its" | "their" | "his" | "her" | "any"
    );
    if p.low(i + len) == "responsibility" || noun {
        return None;
    }
    let participle = p.low(i).ends_with("ing");
    let (speaker, (mut from, to)) = speaker(a, i, participle)?;
    // "the State Committee (GKNB) said": the speaker starts at the full name.
    if from >= 2 && p.low(from - 1) == "(" {
        if let Some(full) = a.mentions.iter().rev().find(|m| m.to + 1 == from) {
            from = full.from;
        }
    }
    // What is said runs to the end of its clause; an apposition after a comma
    // ("…, a charge X rejected …") is outside it.
    let n = p.tokens.len();
    let apposition = |j: usize| p.low(j) == "," && matches!(p.low(j + 1), "a" | "an" | "the");
    let end = (i + len..n)
        .find(|&j| j > i + len && (a.is_break(j) || apposition(j)))
        .unwrap_or(n);
    let mut scope = vec![(i + len, end)];
    // "…, the ministry said": the statement is what comes before the speaker.
    let lead = if from > 1 && p.low(from - 1) == "the" {
        from - 1
    } else {
        from
    };
    if lead > 0 && matches!(p.low(lead - 1), "," | "\"") {
        scope.push((0, lead));
    }
    Some(Attribution {
        speaker,
        speaker_span: (from, to),
        at: i,
        standing: if cue == Cue::Claim {
            Standing::Claimed
        } else {
            Standing::Reported
        },
        scope,
    })
}

/// The speaker of a verb at token `i` and its token span.
fn speaker(a: &Args<'_>, i: usize, participle: bool) -> Option<(Arg, (usize, usize))> {
    let p = a.p;
    let subject = a.subject(i, usize::from(participle));
    if subject.is_empty() {
        // "Islamabad, which maintains …": the speaker is the name the clause hangs on.
        let start = a.clause_start(i, 0);
        if start == 0 || !matches!(p.low(start - 1), "which" | "who") {
            return None;
        }
        let mut end = start - 1;
        if end > 0 && p.low(end - 1) == "," {
            end -= 1;
        }
        let m = a
            .mentions
            .iter()
            .rev()
            .find(|m| m.to == end && m.actor.is_some())?;
        return Some(((m.actor.clone()?, m.metonym.clone()), (m.from, m.to)));
    }
    // The speaker stands right before the verb ("X said", "X on Sunday said").
    let m = a.mentions.iter().rfind(|m| {
        m.to <= i
            && subject.iter().any(|(e, _)| m.actor.as_ref() == Some(e))
            && (participle || i - m.to <= 4 && !(m.to..i).any(|j| p.low(j) == ","))
    })?;
    subject.into_iter().next().map(|s| (s, (m.from, m.to)))
}
