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
    /// Words of an organisation's name and the CAMEO sector they give ("party" → PTY).
    org_sectors: std::collections::HashMap<&'static str, &'static str>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let rows = include_str!("../../../data/mentions/words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let org_sectors = rows
            .clone()
            .filter_map(|l| {
                let mut cols = l.split('\t');
                (cols.next()? == "orgword").then_some(())?;
                Some((cols.next()?.trim(), cols.next()?.trim()))
            })
            .collect();
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
        Lists {
            classes,
            common,
            org_sectors,
        }
    })
}

/// The CAMEO sector a word of an unknown organisation's name gives ("Union" → NGO, "Party" →
/// PTY), from the `orgword` rows of `words.tsv`.
pub fn org_word_sector(word: &str) -> Option<&'static str> {
    lists().org_sectors.get(word).copied()
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

/// An ethnic or religious group of `data/mentions/groups.tsv`.
#[derive(Debug)]
pub struct Group {
    /// The group's CAMEO code (`KUR`, `MOSSHI`).
    pub code: &'static str,
    /// The state whose demonym the group's words also are (`ALB` for "Albanian").
    pub nation: Option<&'static str>,
    /// The countries the group lives in.
    pub homes: Vec<&'static str>,
    /// The first home is the country to use when the text gives none.
    pub default: bool,
}

impl Group {
    /// The country to use when the text names none.
    pub fn default_home(&self) -> Option<&'static str> {
        self.homes.first().copied().filter(|_| self.default)
    }
}

struct Groups {
    groups: Vec<Group>,
    /// Folded form → (group index, is a noun form).
    forms: std::collections::HashMap<String, Vec<(usize, bool)>>,
}

fn groups() -> &'static Groups {
    static G: OnceLock<Groups> = OnceLock::new();
    G.get_or_init(|| {
        let mut groups = Vec::new();
        let mut forms: std::collections::HashMap<String, Vec<(usize, bool)>> =
            std::collections::HashMap::new();
        let rows = include_str!("../../../data/mentions/groups.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1);
        for row in rows {
            let f: Vec<&'static str> = row.split('\t').collect();
            if f.len() < 7 {
                continue;
            }
            let i = groups.len();
            groups.push(Group {
                code: f[0],
                nation: Some(f[4]).filter(|s| !s.is_empty()),
                homes: f[5].split('|').filter(|s| !s.is_empty()).collect(),
                default: f[6] == "y",
            });
            for (col, noun) in [(2, false), (3, true)] {
                for w in f[col].split('|').filter(|s| !s.is_empty()) {
                    let e = forms
                        .entry(eventwire_kb::normalize::folded_key(w))
                        .or_default();
                    if !e.contains(&(i, noun)) {
                        e.push((i, noun));
                    }
                }
            }
        }
        Groups { groups, forms }
    })
}

/// The ethnic or religious group a folded word names, and whether the word is a noun form
/// ("Kurds") rather than an adjective ("Kurdish"); a word that is both counts as a noun.
pub fn group(word: &str) -> Option<(&'static Group, bool)> {
    let g = groups();
    let e = g.forms.get(word)?;
    let noun = e.iter().any(|(_, n)| *n);
    e.first().map(|(i, _)| (&g.groups[*i], noun))
}
