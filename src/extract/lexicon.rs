//! The extractor's dictionaries, loaded at run time from the TSV files of `lexicon/` (the main crate
//! embeds them and lets a folder override them). Nothing here is specific to one article.

use std::collections::HashMap;

use super::error::{lexicon_error, Result};
use super::model::Qualifier;

/// How an event's arguments sit around its trigger words (see `lexicon/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Subject → agent, object → target; passive swaps them.
    Verb,
    /// Like `Verb`, the phrase ending in its preposition.
    VerbWith,
    /// A noun naming the event.
    Noun,
    /// What an accusation says the accused does.
    Content,
    /// Not a trigger: an instrument that makes a plain attack of this class.
    Instrument,
}

/// One trigger phrase.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// Local name of the event class.
    pub class: String,
    /// Argument frame.
    pub frame: Frame,
    /// Number of words in the phrase.
    pub words: usize,
}

/// A cue word's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// Did not happen.
    Negation,
    /// May or will happen.
    Modal,
    /// Something to be stopped.
    Prevent,
    /// Hedged as alleged.
    Alleged,
    /// Hedged as unconfirmed.
    Unconfirmed,
    /// Hedged as suspected.
    Suspected,
    /// A speaker reports.
    Report,
    /// A speaker claims.
    Claim,
    /// "according to".
    According,
    /// Passive auxiliary.
    Be,
    /// Clause break.
    Break,
    /// Light verb.
    Light,
    /// Turns an appeal into a call for restraint.
    Restraint,
    /// Describes a group no name is given for ("armed", "masked", "unidentified").
    Unnamed,
    /// What an appeal asks to be respected for someone ("the rights of"): that someone is a party.
    Beneficiary,
}

/// A noun that names a body or group with a nationality.
#[derive(Debug, Clone)]
pub struct AgentNoun {
    /// Local class name, or `State` for the state itself.
    pub class: String,
    /// Head used in proposed labels.
    pub head: String,
}

/// Relative time words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeWord {
    /// A month number.
    Month(u32),
    /// A weekday, 0 = Monday.
    Weekday(u32),
    /// Relative expression: precision and offset in that unit.
    Relative(super::model::Precision, i32),
}

/// A quantity word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityWord {
    /// An exact number.
    Number(u32),
    /// A vague quantity with the smallest number it allows.
    Vague(u32),
    /// A hedge on the number that follows.
    Qualifier(Qualifier),
}

/// Casualty word: which outcome and on which side of the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CasualtyWord {
    /// Killed (true) or injured (false).
    pub killed: bool,
    /// The word comes before the number.
    pub before: bool,
}

/// Fact pattern frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactPattern {
    /// Local name of the relation (`leaderOf`, `memberOf`, `borders`, `length`).
    pub relation: String,
    /// Frame name (`title`, `head-of`, `member-of`, `shares`, `unit`).
    pub frame: String,
}

/// All dictionaries.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Event trigger phrases (lower case) → triggers.
    pub triggers: HashMap<String, Vec<Trigger>>,
    /// Instrument words → the attack class they make.
    pub instruments: HashMap<String, String>,
    /// Cue phrases → cues.
    pub cues: HashMap<String, Vec<Cue>>,
    /// Agent nouns.
    pub agent_nouns: HashMap<String, AgentNoun>,
    /// Demonym (lower case) → state label.
    pub demonyms: HashMap<String, String>,
    /// Capital (lower case) → state label.
    pub capitals: HashMap<String, String>,
    /// Place nouns → class.
    pub place_nouns: HashMap<String, String>,
    /// Organisation head words (lower case) → class.
    pub org_heads: HashMap<String, String>,
    /// Anaphor → what it refers to.
    pub anaphors: HashMap<String, String>,
    /// Quantity words.
    pub quantities: HashMap<String, QuantityWord>,
    /// Casualty words.
    pub casualties: HashMap<String, Vec<CasualtyWord>>,
    /// Time words.
    pub time: HashMap<String, TimeWord>,
    /// Fact patterns.
    pub facts: HashMap<String, Vec<FactPattern>>,
    /// Page furniture phrases.
    pub furniture: Vec<String>,
    /// Longest phrase, in words, over all tables (bounds phrase look-ups).
    pub max_words: usize,
}

/// The lexicon files shipped in `lexicon/`, by name, for embedding.
pub const FILES: [&str; 13] = [
    "events.tsv",
    "cues.tsv",
    "agent-nouns.tsv",
    "demonyms.tsv",
    "capitals.tsv",
    "place-nouns.tsv",
    "anaphors.tsv",
    "quantities.tsv",
    "casualties.tsv",
    "time.tsv",
    "facts.tsv",
    "furniture.tsv",
    "org-heads.tsv",
];

/// Rows of a TSV file: (line number, fields), comments and blank lines skipped.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

fn want<'a>(file: &str, line: usize, fields: &[&'a str], n: usize) -> Result<Vec<&'a str>> {
    if fields.len() < n || fields.iter().take(n).any(|f| f.is_empty()) {
        return Err(lexicon_error(
            file,
            line,
            format!("expected {n} tab-separated columns, found {}", fields.len()),
        ));
    }
    Ok(fields.iter().take(n).copied().collect())
}

/// Normalises a phrase the way sentences are normalised for matching.
pub fn norm_phrase(s: &str) -> String {
    let folded: String = s.chars().map(super::text::fold_char).collect();
    let p = super::text::Prepared::new(&folded);
    p.tokens
        .iter()
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lexicon {
    /// Builds the lexicon from `(file name, contents)` pairs; every file of [`FILES`] must be given.
    ///
    /// # Errors
    /// [`super::Error::Lexicon`] naming the file and line of a malformed row or a missing file.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self> {
        let files: HashMap<&str, &str> = files.into_iter().collect();
        let mut lex = Self::default();
        for name in FILES {
            let text = files
                .get(name)
                .ok_or_else(|| lexicon_error(name, 0, "file missing from the lexicon folder"))?;
            lex.load(name, text)?;
        }
        lex.max_words = lex
            .triggers
            .keys()
            .chain(lex.cues.keys())
            .chain(lex.agent_nouns.keys())
            .chain(lex.quantities.keys())
            .chain(lex.time.keys())
            .chain(lex.facts.keys())
            .chain(lex.place_nouns.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Ok(lex)
    }

    fn load(&mut self, name: &str, text: &str) -> Result<()> {
        for (line, fields) in rows(text) {
            match name {
                "events.tsv" => self.load_event(name, line, &fields)?,
                "cues.tsv" => {
                    let f = want(name, line, &fields, 2)?;
                    let cue = parse_cue(f[0])
                        .ok_or_else(|| lexicon_error(name, line, format!("unknown cue {:?}", f[0])))?;
                    self.cues.entry(norm_phrase(f[1])).or_default().push(cue);
                }
                "agent-nouns.tsv" => {
                    let f = want(name, line, &fields, 3)?;
                    let head = if f[2] == "-" { f[0] } else { f[2] };
                    self.agent_nouns.insert(
                        norm_phrase(f[0]),
                        AgentNoun {
                            class: f[1].to_owned(),
                            head: head.to_owned(),
                        },
                    );
                }
                "demonyms.tsv" | "capitals.tsv" | "place-nouns.tsv" | "anaphors.tsv" | "org-heads.tsv" => {
                    let f = want(name, line, &fields, 2)?;
                    let table = match name {
                        "demonyms.tsv" => &mut self.demonyms,
                        "capitals.tsv" => &mut self.capitals,
                        "place-nouns.tsv" => &mut self.place_nouns,
                        "org-heads.tsv" => &mut self.org_heads,
                        _ => &mut self.anaphors,
                    };
                    table.insert(norm_phrase(f[0]), f[1].to_owned());
                }
                "quantities.tsv" => self.load_quantity(name, line, &fields)?,
                "casualties.tsv" => {
                    let f = want(name, line, &fields, 3)?;
                    let killed = match f[0] {
                        "killed" => true,
                        "injured" => false,
                        other => {
                            return Err(lexicon_error(
                                name,
                                line,
                                format!("outcome {other:?} is not killed or injured"),
                            ))
                        }
                    };
                    let before = match f[1] {
                        "before" => true,
                        "after" => false,
                        other => {
                            return Err(lexicon_error(
                                name,
                                line,
                                format!("side {other:?} is not before or after"),
                            ))
                        }
                    };
                    self.casualties
                        .entry(norm_phrase(f[2]))
                        .or_default()
                        .push(CasualtyWord { killed, before });
                }
                "time.tsv" => self.load_time(name, line, &fields)?,
                "facts.tsv" => {
                    let f = want(name, line, &fields, 3)?;
                    self.facts
                        .entry(norm_phrase(f[2]))
                        .or_default()
                        .push(FactPattern {
                            relation: f[0].to_owned(),
                            frame: f[1].to_owned(),
                        });
                }
                _ => {
                    let f = want(name, line, &fields, 1)?;
                    self.furniture.push(f[0].to_lowercase());
                }
            }
        }
        Ok(())
    }

    fn load_event(&mut self, name: &str, line: usize, fields: &[&str]) -> Result<()> {
        let f = want(name, line, fields, 3)?;
        let frame = match f[1] {
            "verb" => Frame::Verb,
            "verb-with" => Frame::VerbWith,
            "noun" => Frame::Noun,
            "content" => Frame::Content,
            "instrument" => Frame::Instrument,
            other => {
                return Err(lexicon_error(
                    name,
                    line,
                    format!("unknown frame {other:?} (verb, verb-with, noun, content)"),
                ))
            }
        };
        let phrase = norm_phrase(f[2]);
        if frame == Frame::Instrument {
            self.instruments.insert(phrase, f[0].to_owned());
            return Ok(());
        }
        let words = phrase.split(' ').count();
        self.triggers.entry(phrase).or_default().push(Trigger {
            class: f[0].to_owned(),
            frame,
            words,
        });
        Ok(())
    }

    fn load_quantity(&mut self, name: &str, line: usize, fields: &[&str]) -> Result<()> {
        let f = want(name, line, fields, 3)?;
        let number = || {
            f[2].parse::<u32>()
                .map_err(|_| lexicon_error(name, line, format!("{:?} is not a whole number", f[2])))
        };
        let word = match f[0] {
            "number" => QuantityWord::Number(number()?),
            "vague" => QuantityWord::Vague(number()?),
            "qualifier" => QuantityWord::Qualifier(match f[2] {
                "at-least" => Qualifier::AtLeast,
                "more-than" => Qualifier::MoreThan,
                "approximately" => Qualifier::Approximately,
                other => return Err(lexicon_error(name, line, format!("unknown qualifier {other:?}"))),
            }),
            other => {
                return Err(lexicon_error(
                    name,
                    line,
                    format!("unknown kind {other:?} (number, vague, qualifier)"),
                ))
            }
        };
        let key = norm_phrase(f[1]);
        // A word can be both a vague quantity and a qualifier ("some"); keep the first, and the
        // qualifier under a marked key.
        if matches!(word, QuantityWord::Qualifier(_)) && self.quantities.contains_key(&key) {
            self.quantities.insert(format!("{key}#q"), word);
        } else {
            self.quantities.insert(key, word);
        }
        Ok(())
    }

    fn load_time(&mut self, name: &str, line: usize, fields: &[&str]) -> Result<()> {
        use super::model::Precision;
        let f = want(name, line, fields, 3)?;
        let value: i32 = f[2]
            .parse()
            .map_err(|_| lexicon_error(name, line, format!("{:?} is not a whole number", f[2])))?;
        let as_u32 = u32::try_from(value).unwrap_or(0);
        let word = match f[0] {
            "month"
                if f[1].chars().all(|c| c.is_ascii_alphabetic())
                    && (1..=12).contains(&as_u32)
                    && !is_relative(f[1]) =>
            {
                TimeWord::Month(as_u32)
            }
            "weekday" if as_u32 <= 6 => TimeWord::Weekday(as_u32),
            "day" => TimeWord::Relative(Precision::Day, value),
            "week" => TimeWord::Relative(Precision::Week, value),
            "month" => TimeWord::Relative(Precision::Month, value),
            "part-of-month" => TimeWord::Relative(Precision::PartOfMonth, value),
            "season" => TimeWord::Relative(Precision::Season, value),
            "year" => TimeWord::Relative(Precision::Year, value),
            other => return Err(lexicon_error(name, line, format!("unknown time kind {other:?}"))),
        };
        self.time.insert(norm_phrase(f[1]), word);
        Ok(())
    }

    /// Cues of a phrase (empty when none).
    pub fn cue(&self, phrase: &str) -> &[Cue] {
        self.cues.get(phrase).map_or(&[], Vec::as_slice)
    }

    /// True when `phrase` carries `cue`.
    pub fn has_cue(&self, phrase: &str, cue: Cue) -> bool {
        self.cue(phrase).contains(&cue)
    }
}

fn is_relative(phrase: &str) -> bool {
    phrase.contains(' ')
}

fn parse_cue(s: &str) -> Option<Cue> {
    Some(match s {
        "negation" => Cue::Negation,
        "modal" => Cue::Modal,
        "prevent" => Cue::Prevent,
        "alleged" => Cue::Alleged,
        "unconfirmed" => Cue::Unconfirmed,
        "suspected" => Cue::Suspected,
        "report" => Cue::Report,
        "claim" => Cue::Claim,
        "according" => Cue::According,
        "be" => Cue::Be,
        "break" => Cue::Break,
        "light" => Cue::Light,
        "restraint" => Cue::Restraint,
        "unnamed" => Cue::Unnamed,
        "beneficiary" => Cue::Beneficiary,
        _ => return None,
    })
}

/// Extra names of graph actors (`lexicon/aliases.ttl`), to pass to the gazetteer with the graph.
pub const ALIASES_TTL: &str = include_str!("../../lexicon/aliases.ttl");

/// The shipped lexicon files, embedded.
pub fn embedded() -> [(&'static str, &'static str); 13] {
    [
        ("events.tsv", include_str!("../../lexicon/events.tsv")),
        ("cues.tsv", include_str!("../../lexicon/cues.tsv")),
        ("agent-nouns.tsv", include_str!("../../lexicon/agent-nouns.tsv")),
        ("demonyms.tsv", include_str!("../../lexicon/demonyms.tsv")),
        ("capitals.tsv", include_str!("../../lexicon/capitals.tsv")),
        ("place-nouns.tsv", include_str!("../../lexicon/place-nouns.tsv")),
        ("anaphors.tsv", include_str!("../../lexicon/anaphors.tsv")),
        ("quantities.tsv", include_str!("../../lexicon/quantities.tsv")),
        ("casualties.tsv", include_str!("../../lexicon/casualties.tsv")),
        ("time.tsv", include_str!("../../lexicon/time.tsv")),
        ("facts.tsv", include_str!("../../lexicon/facts.tsv")),
        ("furniture.tsv", include_str!("../../lexicon/furniture.tsv")),
        ("org-heads.tsv", include_str!("../../lexicon/org-heads.tsv")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicon_loads() {
        let lex = Lexicon::from_files(embedded()).unwrap();
        assert!(lex.triggers.contains_key("drone strike"));
        assert_eq!(lex.demonyms.get("tajik").map(String::as_str), Some("Tajikistan"));
        assert_eq!(lex.time.get("may"), Some(&TimeWord::Month(5)));
        assert!(lex.has_cue("according to", Cue::According));
    }

    #[test]
    fn bad_row_names_file_and_line() {
        let mut files = embedded().to_vec();
        files[0] = ("events.tsv", "# c\nAttack\tbogus\tattacked\n");
        let err = Lexicon::from_files(files).unwrap_err().to_string();
        assert!(err.contains("events.tsv, line 2"), "{err}");
    }
}
