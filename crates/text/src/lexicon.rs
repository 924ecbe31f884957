//! The text stage's small lexicons, read from the project's data files at compile time:
//! abbreviations (`data/text/abbreviations.tsv`), sentence starters
//! (`data/text/sentence_starters.txt`) and photo credits (`data/text/credits.txt`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Precedes a name or number: never ends a sentence.
    Title,
    /// A month or weekday: never ends a sentence before a number.
    Month,
    /// May end a sentence.
    Other,
}

struct Lexicons {
    abbreviations: HashMap<&'static str, AbbrevClass>,
    starters: HashMap<&'static str, ()>,
    credits: HashMap<&'static str, ()>,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lexicons() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(|| {
        let abbreviations = data_lines(include_str!("../../../data/text/abbreviations.tsv"))
            .filter_map(|l| {
                let (a, class) = l.split_once('\t')?;
                let class = match class.trim() {
                    "title" => AbbrevClass::Title,
                    "month" => AbbrevClass::Month,
                    _ => AbbrevClass::Other,
                };
                Some((a, class))
            })
            .collect();
        let starters = data_lines(include_str!("../../../data/text/sentence_starters.txt"))
            .map(|l| (l, ()))
            .collect();
        let credits = data_lines(include_str!("../../../data/text/credits.txt"))
            .map(|l| (l, ()))
            .collect();
        Lexicons {
            abbreviations,
            starters,
            credits,
        }
    })
}

/// The class of a listed abbreviation (`"Mr."`, `"Jan."`, `"Inc."`).
pub fn abbreviation(word: &str) -> Option<AbbrevClass> {
    lexicons().abbreviations.get(word).copied()
}

/// True for dotted initials and acronyms: "J.", "U.S.", "U.N.", "a.m.", "A.B.C.".
pub fn is_initials(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 2 || !b.len().is_multiple_of(2) {
        return false;
    }
    b.chunks(2)
        .all(|p| p[0].is_ascii_alphabetic() && p[1] == b'.')
}

/// True when `word` typically starts a sentence ("The", "He", "But").
pub fn is_sentence_starter(word: &str) -> bool {
    lexicons().starters.contains_key(word)
}

/// True when `name` is a listed photo agency ("AP", "AFP", "Getty Images").
pub fn is_credit_name(name: &str) -> bool {
    lexicons().credits.contains_key(name.trim())
}
