//! The time stage's word lists, read from `data/time/*.tsv` at compile time and compiled once
//! into one lookup table keyed by the lower-cased normalized token.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A time unit ("days", "decade").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Hour,
    Minute,
    Second,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            "hour" => Unit::Hour,
            "minute" => Unit::Minute,
            "second" => Unit::Second,
            _ => return None,
        })
    }

    /// A unit of the calendar ("last week", "next year"), as opposed to "second" or "hour".
    pub(crate) fn is_calendar(self) -> bool {
        !matches!(
            self,
            Unit::Hour | Unit::Minute | Unit::Second | Unit::Day | Unit::Fortnight
        )
    }
}

/// A count of units: a number, or an unspecified one ("several").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Count {
    N(f64),
    Vague,
}

/// A month name or abbreviation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MonthWord {
    pub number: u32,
    /// Alone, a month only after a cue word ("in May", not "China may").
    pub needs_cue: bool,
    /// An abbreviation: a month only before a day or year.
    pub abbr: bool,
}

/// A fixed phrase's meaning (see `data/time/phrases.tsv`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum PhraseMeaning {
    Ref(&'static str),
    Day(i64, Option<&'static str>),
    Anchor(i64),
    Set(&'static str),
    Clock(u32, u32),
}

/// A fixed phrase: its tokens after the first, and what it means.
#[derive(Debug)]
pub(crate) struct Phrase {
    pub rest: Vec<&'static str>,
    pub meaning: PhraseMeaning,
}

/// Everything the lexicons know about one lower-cased word.
#[derive(Debug, Default)]
pub(crate) struct Word {
    pub month: Option<MonthWord>,
    /// ISO weekday number, 1 = Monday.
    pub weekday: Option<u32>,
    pub count: Option<Count>,
    /// The unit and whether the word is plural.
    pub unit: Option<(Unit, bool)>,
    /// TIMEX3 part-of-day code.
    pub part_of_day: Option<&'static str>,
    /// TIMEX3 season code.
    pub season: Option<&'static str>,
    /// Phrases starting with this word, longest first.
    pub phrases: Vec<Phrase>,
}

/// The compiled lexicon.
pub(crate) struct Lexicon {
    words: HashMap<String, Word>,
}

impl Lexicon {
    /// The entry for `lower` (an already lower-cased word).
    pub(crate) fn get(&self, lower: &str) -> Option<&Word> {
        self.words.get(lower)
    }
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn entry<'a>(words: &'a mut HashMap<String, Word>, w: &str) -> &'a mut Word {
    words.entry(w.to_string()).or_default()
}

fn parse_meaning(s: &'static str) -> Option<PhraseMeaning> {
    let (kind, rest) = s.split_once(':')?;
    Some(match kind {
        "ref" => PhraseMeaning::Ref(rest),
        "set" => PhraseMeaning::Set(rest),
        "anchor" => PhraseMeaning::Anchor(rest.parse().ok()?),
        "day" => match rest.split_once(':') {
            Some((n, part)) => PhraseMeaning::Day(n.parse().ok()?, Some(part)),
            None => PhraseMeaning::Day(rest.parse().ok()?, None),
        },
        "clock" => {
            let (h, m) = rest.split_once(':')?;
            PhraseMeaning::Clock(h.parse().ok()?, m.parse().ok()?)
        }
        _ => return None,
    })
}

/// The lexicon, compiled on first use. Malformed rows are skipped (the data files are part
/// of the build and checked by this crate's tests).
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: HashMap<String, Word> = HashMap::new();
        for r in rows(include_str!("../../../data/time/months.tsv")) {
            if let [w, n, flags, ..] = r[..] {
                if let Ok(number) = n.parse() {
                    entry(&mut words, w).month = Some(MonthWord {
                        number,
                        needs_cue: flags == "cue",
                        abbr: flags == "abbr",
                    });
                }
            }
        }
        for r in rows(include_str!("../../../data/time/weekdays.tsv")) {
            if let [w, n, ..] = r[..] {
                entry(&mut words, w).weekday = n.parse().ok();
            }
        }
        for r in rows(include_str!("../../../data/time/numbers.tsv")) {
            if let [w, n, ..] = r[..] {
                entry(&mut words, w).count = if n == "X" {
                    Some(Count::Vague)
                } else {
                    n.parse().ok().map(Count::N)
                };
            }
        }
        for r in rows(include_str!("../../../data/time/units.tsv")) {
            if let [w, u, number, ..] = r[..] {
                if let Some(u) = Unit::parse(u) {
                    entry(&mut words, w).unit = Some((u, number == "pl"));
                }
            }
        }
        for r in rows(include_str!("../../../data/time/parts_of_day.tsv")) {
            if let [w, code, ..] = r[..] {
                entry(&mut words, w).part_of_day = Some(code);
            }
        }
        for r in rows(include_str!("../../../data/time/seasons.tsv")) {
            if let [w, code, ..] = r[..] {
                entry(&mut words, w).season = Some(code);
            }
        }
        for r in rows(include_str!("../../../data/time/phrases.tsv")) {
            if let [p, m, ..] = r[..] {
                let mut toks = p.split(' ');
                let (Some(first), Some(meaning)) = (toks.next(), parse_meaning(m)) else {
                    continue;
                };
                let rest = toks.collect();
                entry(&mut words, first)
                    .phrases
                    .push(Phrase { rest, meaning });
            }
        }
        for w in words.values_mut() {
            w.phrases.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        Lexicon { words }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_row_is_read() {
        let lex = lexicon();
        let count = |text: &'static str| rows(text).count();
        let months = count(include_str!("../../../data/time/months.tsv"));
        let n = lex.words.values().filter(|w| w.month.is_some()).count();
        assert_eq!(n, months);
        let phrases = count(include_str!("../../../data/time/phrases.tsv"));
        let n: usize = lex.words.values().map(|w| w.phrases.len()).sum();
        assert_eq!(n, phrases);
        let units = count(include_str!("../../../data/time/units.tsv"));
        assert_eq!(
            lex.words.values().filter(|w| w.unit.is_some()).count(),
            units
        );
        assert_eq!(
            lex.get("may").and_then(|w| w.month).map(|m| m.needs_cue),
            Some(true)
        );
        assert_eq!(lex.get("several").and_then(|w| w.count), Some(Count::Vague));
    }
}
