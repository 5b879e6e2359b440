//! Reads counts of people killed and injured ("killing three", "at least seven people dead", "dozens
//! of casualties"), with their hedge and, when the sentence says, who the victims were.

use super::lexicon::{Lexicon, QuantityWord};
use super::mentions::{Ent, Mention};
use super::model::Qualifier;
use super::text::{Kind, Prepared};

/// A count found in a sentence.
#[derive(Debug, Clone)]
pub struct CountExpr {
    /// Token of the number.
    pub at: usize,
    /// Killed (true) or injured.
    pub killed: bool,
    /// The number.
    pub count: u32,
    /// Its hedge.
    pub qualifier: Qualifier,
    /// The victims, when named.
    pub victims: Option<Ent>,
    /// The words used.
    pub text: String,
}

/// A number at token `i`: its value, whether it is vague, and its token length.
fn number_at(p: &Prepared, lex: &Lexicon, i: usize) -> Option<(u32, bool, usize)> {
    let t = p.tokens.get(i)?;
    if t.kind == Kind::Number {
        let digits: String = t.lower.chars().filter(char::is_ascii_digit).collect();
        if t.lower.contains('.') || t.lower.chars().any(char::is_alphabetic) {
            return None;
        }
        return digits.parse().ok().map(|n| (n, false, 1));
    }
    match p.longest(i, &lex.quantities) {
        Some((n, QuantityWord::Number(v))) if *v > 1 || n > 1 => Some((*v, false, n)),
        Some((n, QuantityWord::Vague(v))) => Some((*v, true, n)),
        _ => None,
    }
}

fn qualifier_before(p: &Prepared, lex: &Lexicon, i: usize) -> Option<(Qualifier, usize)> {
    (1..=3.min(i)).rev().find_map(|n| {
        let g = p.gram(i - n, n)?;
        let q = lex
            .quantities
            .get(&format!("{g}#q"))
            .or_else(|| lex.quantities.get(g));
        match q {
            Some(QuantityWord::Qualifier(q)) => Some((*q, i - n)),
            _ => None,
        }
    })
}

/// Words a number of people may be followed by.
fn personish(p: &Prepared, lex: &Lexicon, mentions: &[Mention], i: usize) -> bool {
    // One adjective may come first: "two armed men".
    person_word(p, lex, mentions, i)
        || p.tokens.get(i).is_some_and(|t| t.kind == Kind::Word && !t.cap)
            && person_word(p, lex, mentions, i + 1)
}

fn person_word(p: &Prepared, lex: &Lexicon, mentions: &[Mention], i: usize) -> bool {
    let low = p.low(i);
    matches!(
        low,
        "people"
            | "persons"
            | "of"
            | "others"
            | "more"
            | "and"
            | ","
            | "individuals"
            | "dead"
            | "killed"
            | "wounded"
            | "injured"
            | "men"
            | "women"
            | "children"
            | "members"
    ) || lex.agent_nouns.contains_key(low)
        || p.longest(i, &lex.agent_nouns).is_some()
        || mentions.iter().any(|m| m.from == i && m.actor.is_some())
        || lex.casualties.contains_key(low)
}

/// Finds casualty counts in a sentence.
pub fn find(p: &Prepared, lex: &Lexicon, mentions: &[Mention]) -> Vec<CountExpr> {
    let mut out: Vec<CountExpr> = Vec::new();
    for i in 0..p.tokens.len() {
        // "one" is a number only right after a casualty verb ("wounding one").
        let one = || {
            (p.low(i) == "one"
                && i > 0
                && lex
                    .casualties
                    .get(p.low(i - 1))
                    .is_some_and(|ws| ws.iter().any(|w| w.before)))
            .then_some((1, false, 1))
        };
        let Some((value, vague, nlen)) = number_at(p, lex, i).or_else(one) else {
            continue;
        };
        if out.iter().any(|c| c.at == i) || p.low(i + nlen) == "-" {
            continue;
        }
        let (qual, qstart) = qualifier_before(p, lex, i).map_or((None, i), |(q, s)| (Some(q), s));
        // Words before: "killing three", "left at least seven people dead".
        let before = (1..=2.min(qstart)).find_map(|k| {
            lex.casualties
                .get(p.low(qstart - k))
                .and_then(|ws| ws.iter().find(|w| w.before))
                .map(|w| (w.killed, qstart - k))
        });
        // Words after: "three soldiers were killed", "five dead".
        let after_limit = (i + nlen + 6).min(p.tokens.len());
        let mut after = None;
        if personish(p, lex, mentions, i + nlen) || lex.casualties.contains_key(p.low(i + nlen)) {
            for j in i + nlen..after_limit {
                if matches!(p.low(j), "." | ";" | "and" | "," | "in" | "including") && j > i + nlen {
                    break;
                }
                if let Some(w) = lex
                    .casualties
                    .get(p.low(j))
                    .and_then(|ws| ws.iter().find(|w| !w.before))
                {
                    after = Some((w.killed, j));
                    break;
                }
            }
        }
        let (killed, from, to) = match (before, after) {
            (Some((k, s)), Some((_, e))) => (k, s, e + 1),
            (Some((k, s)), None)
                if personish(p, lex, mentions, i + nlen)
                    || i + nlen >= p.tokens.len()
                    || matches!(p.low(i + nlen), "." | "," | "and" | "before" | "in") =>
            {
                (k, s, i + nlen)
            }
            (None, Some((k, e))) => (k, qstart, e + 1),
            _ => continue,
        };
        let victims = mentions
            .iter()
            .filter(|m| m.from >= i + nlen && m.from <= i + nlen + 3 && m.from < to.max(i + nlen + 1) + 1)
            .find_map(|m| m.actor.clone().or_else(|| m.place.clone().filter(|_| m.demonym)));
        let qualifier = if vague {
            Qualifier::Vague
        } else {
            qual.unwrap_or(Qualifier::Exact)
        };
        out.push(CountExpr {
            at: i,
            killed,
            count: value,
            qualifier,
            victims,
            text: p.text_of(from, to.max(i + nlen)).to_owned(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::embedded;

    fn counts(s: &str) -> Vec<(bool, u32, Qualifier)> {
        let lex = Lexicon::from_files(embedded()).unwrap();
        let p = Prepared::new(s);
        find(&p, &lex, &[])
            .into_iter()
            .map(|c| (c.killed, c.count, c.qualifier))
            .collect()
    }

    #[test]
    fn reads_counts_around_verbs() {
        assert_eq!(
            counts("Guards killed two armed men who crossed."),
            [(true, 2, Qualifier::Exact)]
        );
        assert_eq!(
            counts("The blast left at least seven people dead."),
            [(true, 7, Qualifier::AtLeast)]
        );
        assert_eq!(
            counts("Dozens of soldiers were killed."),
            [(true, 24, Qualifier::Vague)]
        );
        assert_eq!(
            counts("It struck, killing four and wounding two."),
            [(true, 4, Qualifier::Exact), (false, 2, Qualifier::Exact)]
        );
        assert_eq!(
            counts("Gunmen fired, wounding one."),
            [(false, 1, Qualifier::Exact)]
        );
        assert_eq!(counts("A border of 1,340 km was closed."), []);
    }
}
