//! The mentions stage's word lists: closed classes (`data/mentions/words.tsv`) and common
//! English words (`data/mentions/common_words.txt`, generated from UD English EWT).

use std::collections::HashSet;
use std::sync::OnceLock;

/// A closed word class of `data/mentions/words.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// Titles before surnames: "Mr", "Dr".
    Honorific,
    /// Prepositions after which a place name is a place.
    Locative,
    /// Words whose destination is a place: "visit", "trip".
    Motion,
    /// "counterpart".
    Counterpart,
    /// Nouns for people of a nationality: "children", "citizens".
    People,
    /// Capitalized words after a place name that make it a longer place name: "City", "Province".
    PlaceType,
    /// Compass words before a place name: "eastern", "North".
    Direction,
}

struct Lists {
    classes: HashSet<(WordClass, &'static str)>,
    common: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let rows = include_str!("../../../data/mentions/words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let classes = rows
            .filter_map(|l| {
                let (c, w) = l.split_once('\t')?;
                let c = match c {
                    "honorific" => WordClass::Honorific,
                    "locative" => WordClass::Locative,
                    "motion" => WordClass::Motion,
                    "counterpart" => WordClass::Counterpart,
                    "people" => WordClass::People,
                    "placetype" => WordClass::PlaceType,
                    "direction" => WordClass::Direction,
                    _ => return None,
                };
                Some((c, w.trim()))
            })
            .collect();
        let common = include_str!("../../../data/mentions/common_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        Lists { classes, common }
    })
}

/// True when the lower-case `word` belongs to `class`.
pub fn word_class(word: &str, class: WordClass) -> bool {
    lists().classes.contains(&(class, word))
}

/// True when the lower-case `word` is a common English word usually written in lower case.
pub fn is_common_word(word: &str) -> bool {
    lists().common.contains(word)
}

/// True for English function words (determiners, conjunctions, prepositions, auxiliaries):
/// they end the modifiers of a role noun.
pub fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "for"
            | "from"
            | "as"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "while"
            | "when"
            | "where"
            | "if"
            | "than"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "said"
            | "says"
            | "say"
            | "not"
            | "also"
            | "after"
            | "before"
            | "since"
            | "about"
            | "against"
            | "between"
            | "into"
            | "over"
            | "under"
            | "some"
            | "many"
            | "all"
            | "both"
            | "other"
    )
}
