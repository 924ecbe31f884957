//! The mentions stage: actors and places, linked to the knowledge base, with coreference.
//!
//! Reads tokens, sentences and (when present) the syntax layer; writes
//! [`Document::mentions`]. Steps, each a general rule of news English:
//!
//! 1. **Names**: longest match of knowledge-base names over case-folded tokens ("Jens
//!    Stoltenberg", "International Criminal Court", "Nato", "Sea of Japan"). A name must start
//!    with a capital unless it is written lower-case in the knowledge base ("al-Shabab"); a
//!    single token that is a common English word ("March", "Nice") counts only as a proper noun
//!    inside a sentence.
//! 2. **Roles**: role nouns ("officials", "warplanes", "foreign minister") take their country
//!    from a national adjective, a country, capital or organisation before them ("Russian
//!    warplanes", "Washington officials", "Nato chief") or an "of" phrase after them; a person's
//!    name right after a role joins it ("Japanese prime minister Fumio Kishida").
//!    Ethnic and religious groups (`data/mentions/groups.tsv`) are coded by the country they
//!    live in, with the group's code after the sector ("Iraqi Kurds" IRQCVLKUR, "ethnic
//!    Albanian rebels fighting in Macedonia" MKDREBABN); a nation's demonym names its ethnic
//!    group only after "ethnic" or with a place of residence ("the Albanians of Montenegro").
//!    Groups, non-state role nouns and titled unknown people that the text gives no country
//!    take the sentence's: the one country whose state acts in it, else the one country of its
//!    places (titled people: the one country all other actors share).
//! 3. **People** resolve by the document's date through their tenures (Stoltenberg in 2023 →
//!    IGOWSTNAT); surnames with or without a title ("Mr Xi", "Stoltenberg") resolve to the
//!    person named earlier, else to the one office holder of that surname on the date.
//! 4. **Metonymy**: a capital or seat of government is the government when it acts (subject,
//!    possessor) and a place after "in", "at", "to" or as the destination of a visit.
//! 5. **Coreference**: surnames and titles point to the full name; role descriptions ("the
//!    Chinese president", "his Russian counterpart", "the Russian leader") to the office holder;
//!    pronouns to the nearest compatible mention, preferring the first one of a sentence (the
//!    subject, in news prose).

mod lexicon;

use chrono::{Datelike, NaiveDate};
use eventwire_document::{Document, Mention, MentionKind, MentionVia, PlaceInfo, Span, TokenId};
use eventwire_kb::normalize::folded_key;
use eventwire_kb::{Entity, EntityKind, EntryRef, Gender, KnowledgeBase, Person, Role, Via};
use lexicon::{org_word_sector, word_class, Group, WordClass};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Longest role phrase, in tokens ("minister of foreign affairs").
const MAX_ROLE_TOKENS: usize = 4;

/// Sectors of groups outside the state: as the first of two role nouns they give the sector
/// ("rebel commanders" are rebels).
const NON_STATE_SECTORS: &[&str] = &[
    "REB", "OPP", "UAF", "SEP", "CRM", "EDU", "LAB", "MED", "BUS", "HRI", "NGO", "REF", "REL",
    "AGR", "ENV", "HLH",
];

/// Countries whose demonym after another nation's adjective names citizens of an ethnic origin
/// ("Chinese Americans", "Italian Canadians"), not an ethnic group living elsewhere.
const IMMIGRANT_NATIONS: &[&str] = &["USA", "CAN", "AUS", "NZL", "ARG", "BRA"];

/// A code with the country and sector it carries, from a role and its modifier.
type RoleCode = (String, Option<String>, Option<String>);

/// A compiled name matcher over a knowledge base.
pub struct MentionFinder {
    kb: &'static KnowledgeBase,
    phrases: HashMap<String, Phrase>,
    max_len: usize,
    /// First words of the full names of the knowledge base's people ("mohammed", "ahmed"): a
    /// surname that is also someone's first name is not distinctive on its own.
    given_names: std::collections::HashSet<String>,
}

#[derive(Default)]
struct Phrase {
    refs: Vec<EntryRef>,
    /// Some surface form of this key starts with a lower-case letter ("al-Qaeda").
    lower_ok: bool,
    /// Some surface form of this key is not an all-capitals acronym ("Nato" besides "NATO").
    not_acronym: bool,
}

impl std::fmt::Debug for MentionFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MentionFinder")
            .field("phrases", &self.phrases.len())
            .field("max_len", &self.max_len)
            .finish()
    }
}

/// What a token span was recognised as, before composition into mentions.
#[derive(Clone, Debug)]
enum Item {
    Name {
        refs: Vec<EntryRef>,
    },
    Role {
        role: &'static Role,
        plural: bool,
    },
    Counterpart {
        plural: bool,
    },
    Honorific,
    Pronoun {
        word: &'static str,
    },
    Capitalized,
    /// An organisation the knowledge base does not know, by the words of its name ("the
    /// Kenyan Union of Nurses"): its code, when the name gives a country or is international.
    Org {
        code: Option<String>,
        country: Option<String>,
        head: TokenId,
    },
    /// An ethnic or religious group's word ("Kurds", "Kurdish", "Moslem").
    Group {
        group: &'static Group,
        noun: bool,
    },
}

#[derive(Clone, Debug)]
struct Found {
    tokens: Range<TokenId>,
    item: Item,
}

impl MentionFinder {
    /// The finder over the built-in knowledge base, compiled once.
    pub fn builtin() -> Result<&'static MentionFinder, eventwire_kb::KbError> {
        static FINDER: OnceLock<Result<MentionFinder, eventwire_kb::KbError>> = OnceLock::new();
        FINDER
            .get_or_init(|| KnowledgeBase::builtin().map(MentionFinder::new))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Compile the name matcher of `kb`.
    pub fn new(kb: &'static KnowledgeBase) -> MentionFinder {
        let mut phrases: HashMap<String, Phrase> = HashMap::new();
        let mut max_len = 1;
        for (surface, r) in kb.names() {
            if r.kind == EntityKind::Role {
                continue;
            }
            let toks = eventwire_text::tokenize_phrase(surface);
            if toks.is_empty() {
                continue;
            }
            max_len = max_len.max(toks.len());
            let key = toks
                .iter()
                .map(|t| folded_key(t))
                .collect::<Vec<_>>()
                .join(" ");
            let p = phrases.entry(key).or_default();
            if !p.refs.contains(&r) {
                p.refs.push(r);
            }
            p.lower_ok |= surface.chars().next().is_some_and(char::is_lowercase);
            p.not_acronym |= !is_acronym(surface);
        }
        let given_names = kb
            .people()
            .iter()
            .filter_map(|p| {
                let mut words = p.name.split_whitespace();
                let first = words.next()?;
                // Names written surname first ("Xi Jinping") do not start with a given name.
                let surname_first = p
                    .surnames
                    .iter()
                    .any(|s| folded_key(s) == folded_key(first));
                words
                    .next()
                    .filter(|_| !surname_first)
                    .map(|_| folded_key(first))
            })
            .collect();
        MentionFinder {
            kb,
            phrases,
            max_len: max_len.min(10),
            given_names,
        }
    }

    /// The knowledge base the finder links to.
    pub fn kb(&self) -> &'static KnowledgeBase {
        self.kb
    }

    /// Find, resolve and link the actor and place mentions of `doc`.
    pub fn annotate(&self, doc: &mut Document) {
        let folded: Vec<String> = (0..doc.tokens.len() as TokenId)
            .map(|t| folded_key(doc.tokens.norm(t)))
            .collect();
        let mut mentions = Vec::new();
        for si in 0..doc.sentences.len() {
            let range = doc.sentences[si].tokens.clone();
            let found = self.scan(doc, &folded, range.clone());
            self.compose(doc, &folded, &found, range, &mut mentions);
        }
        link(self.kb, doc, &mut mentions);
        possessed_roles(self.kb, doc, &mut mentions);
        doc.mentions = mentions;
    }

    /// Step 1: names, roles, titles, pronouns and capitalized words of one sentence.
    fn scan(&self, doc: &Document, folded: &[String], range: Range<TokenId>) -> Vec<Found> {
        let mut out = Vec::new();
        let (s0, s1) = (range.start as usize, range.end as usize);
        // A photo credit ("(AP)") names no actor of the story.
        let credit = doc
            .sentences
            .iter()
            .find(|s| s.tokens == range)
            .and_then(|s| s.credit)
            .map(|c| doc.tokens.at_or_after(c.start) as usize);
        let s1 = credit.map_or(s1, |c| c.min(s1));
        let mut i = s0;
        while i < s1 {
            let norm = doc.tokens.norm(i as TokenId);
            let cap = starts_upper(norm);
            let group = lexicon::group(&folded[i]).filter(|_| cap);
            let name = self.match_name(doc, folded, i, s0, s1, cap);
            if let Some((len, code, country, head)) =
                self.unknown_org(doc, folded, i, s1).filter(|(len, ..)| {
                    name.as_ref().is_none_or(|(n, refs)| {
                        n < len
                            && !refs.iter().any(|r| {
                                r.kind == EntityKind::Organization
                                    || (r.kind == EntityKind::Country && r.via != Via::Demonym)
                            })
                    })
                })
            {
                out.push(Found {
                    tokens: i as TokenId..(i + len) as TokenId,
                    item: Item::Org {
                        code,
                        country,
                        head: head as TokenId,
                    },
                });
                i += len;
                continue;
            }
            // A group's word that is also a small town's name ("Igbo") is the group.
            let town = name.as_ref().is_some_and(|(len, refs)| {
                *len == 1 && refs.iter().all(|r| r.kind == EntityKind::Place)
            });
            if let Some((g, noun)) = group.filter(|_| name.is_none() || town) {
                out.push(Found {
                    tokens: i as TokenId..i as TokenId + 1,
                    item: Item::Group { group: g, noun },
                });
                i += 1;
                continue;
            }
            if let Some((len, refs)) = name {
                out.push(Found {
                    tokens: i as TokenId..(i + len) as TokenId,
                    item: Item::Name { refs },
                });
                i += len;
                continue;
            }
            if let Some((len, role, plural)) = self.match_role(folded, i, s1) {
                out.push(Found {
                    tokens: i as TokenId..(i + len) as TokenId,
                    item: Item::Role { role, plural },
                });
                i += len;
                continue;
            }
            let f = folded[i].as_str();
            let item = if word_class(f, WordClass::Counterpart) {
                Some(Item::Counterpart {
                    plural: f.ends_with('s'),
                })
            } else if word_class(f, WordClass::Honorific) && cap {
                Some(Item::Honorific)
            } else if let Some(word) = pronoun(f) {
                Some(Item::Pronoun { word })
            } else if let Some(word) = definite_anaphor(f).filter(|_| {
                i > s0
                    && folded[i - 1] == "the"
                    && !matches!(folded.get(i + 1).map(String::as_str), Some("of" | "'s"))
            }) {
                // ("the movement of Palestinian workers" is no anaphor.)
                // "the group", "the country": a definite description of an actor named before.
                Some(Item::Pronoun { word })
            } else if cap
                && norm.chars().count() > 1
                && norm
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            {
                Some(Item::Capitalized)
            } else {
                None
            };
            if let Some(item) = item {
                out.push(Found {
                    tokens: i as TokenId..i as TokenId + 1,
                    item,
                });
            }
            i += 1;
        }
        out
    }

    fn match_name(
        &self,
        doc: &Document,
        folded: &[String],
        i: usize,
        s0: usize,
        s1: usize,
        cap: bool,
    ) -> Option<(usize, Vec<EntryRef>)> {
        let max = self.max_len.min(s1 - i);
        let mut key = String::new();
        let mut best = None;
        for len in 1..=max {
            if len > 1 {
                key.push(' ');
            }
            key.push_str(&folded[i + len - 1]);
            if let Some(p) = self.phrases.get(&key) {
                // An acronym written as a common word is that word ("Pan Am" is not the PAN).
                let word_for_acronym = len == 1
                    && !p.not_acronym
                    && !is_acronym(doc.tokens.norm(i as TokenId))
                    && lexicon::is_common_word(&folded[i]);
                if (cap || p.lower_ok) && !word_for_acronym {
                    best = Some((len, p));
                }
            }
        }
        let (len, p) = best?;
        if len == 1 && in_timex(doc, i) {
            // "last March", "in May": a date, not a name.
            return None;
        }
        if len == 1 && self.inside_longer_name(doc, folded, i, s0, s1, &p.refs) {
            return None;
        }
        // A name may not end on a hyphen or start a hyphenated word it is part of ("Russia-Ukraine" is fine: two names).
        if len == 1 && !self.single_token_ok(doc, folded, i, s0, &p.refs) {
            return None;
        }
        if len == 1 && self.minor_place_out_of_context(folded, i, s0, &p.refs) {
            return None;
        }
        Some((len, p.refs.clone()))
    }

    /// A single token that names only a place, or an organisation by an alias, is not that
    /// name when it is one word of a longer capitalized name the knowledge base does not know:
    /// "National Front for the Liberation of Angola", "Ali Ben Salem", "Kenji Oshiro",
    /// "Nairobi University Medical School", "King Hassan", "Lt. Gen. Prosper Avril". Countries,
    /// acronyms and canonical organisation names keep their reading, and so do places before a
    /// role ("Moscow Mayor"), a place word ("Gaza City") or a date, and after a direction
    /// ("eastern Aleppo"). Title-case headlines are left alone.
    fn inside_longer_name(
        &self,
        doc: &Document,
        folded: &[String],
        i: usize,
        s0: usize,
        s1: usize,
        refs: &[EntryRef],
    ) -> bool {
        let strong = refs.iter().any(|r| match r.kind {
            EntityKind::Country | EntityKind::Person | EntityKind::PetrarchActor => true,
            EntityKind::Organization => r.via == Via::Name,
            _ => false,
        });
        let norm = doc.tokens.norm(i as TokenId);
        if strong || is_acronym(norm) {
            return false;
        }
        // Title case: every longer word that is not a function word capitalized.
        let words: Vec<&str> = (s0..s1)
            .map(|t| doc.tokens.norm(t as TokenId))
            .filter(|w| {
                w.chars().count() > 3
                    && w.chars().next().is_some_and(char::is_alphabetic)
                    && !lexicon::is_function_word(&w.to_lowercase())
            })
            .collect();
        if words.len() >= 3 && words.iter().all(|w| starts_upper(w)) {
            return false;
        }
        let name_word = |t: usize| {
            let w = doc.tokens.norm(t as TokenId);
            starts_upper(w)
                && w.chars().count() > 1
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
                && !in_timex(doc, t)
        };
        let country_word = |t: usize| {
            self.phrases.get(&folded[t]).is_some_and(|p| {
                p.refs
                    .iter()
                    .any(|r| r.kind == EntityKind::Country || r.kind == EntityKind::Person)
            })
        };
        let role_word = |t: usize| self.kb.role_entry(&folded[t]).is_some();
        if i + 1 < s1 && name_word(i + 1) && !doc.tokens.norm(i as TokenId + 1).ends_with('.') {
            let next = folded[i + 1].as_str();
            if !role_word(i + 1)
                && !word_class(next, WordClass::Honorific)
                && !word_class(next, WordClass::PlaceType)
                && !country_word(i + 1)
                && !is_acronym(doc.tokens.norm(i as TokenId + 1))
            {
                return true;
            }
        }
        if i > s0 && name_word(i - 1) {
            let prev = folded[i - 1].as_str();
            let titled = role_word(i - 1)
                || word_class(prev, WordClass::Honorific)
                || (prev.ends_with('.') && prev.chars().count() <= 5 && !country_word(i - 1));
            let sentence_initial_word =
                i - 1 == s0 && (lexicon::is_common_word(prev) || lexicon::is_function_word(prev));
            if titled
                || (!sentence_initial_word
                    && !prev.ends_with('.')
                    && !word_class(prev, WordClass::Direction)
                    && !country_word(i - 1)
                    && !is_acronym(doc.tokens.norm(i as TokenId - 1)))
            {
                return true;
            }
        }
        false
    }

    /// A one-word name that only names small gazetteer towns ("Union", a town of 57,000; "Lai"
    /// in Chad) is a place only where a place is expected: after a locative preposition, "to",
    /// "from" or "of" ("the town of Lai"). Elsewhere it is more likely part of another name
    /// ("the Nigerian Union of Teachers", "Jimmy Lai"). Hand-written places, capitals and
    /// towns of 100,000 people or more keep their reading.
    fn minor_place_out_of_context(
        &self,
        folded: &[String],
        i: usize,
        s0: usize,
        refs: &[EntryRef],
    ) -> bool {
        const MINOR_POPULATION: u64 = 100_000;
        let minor = refs.iter().all(|r| match self.kb.entity(*r) {
            Entity::Place(p) => {
                p.geonameid.is_some()
                    && p.kind == "city"
                    && p.population < MINOR_POPULATION
                    && !p.capital
            }
            _ => false,
        });
        if !minor {
            return false;
        }
        let mut t = i;
        while t > s0 && (folded[t - 1] == "the" || word_class(&folded[t - 1], WordClass::Direction))
        {
            t -= 1;
        }
        let expected = t > s0 && {
            let w = folded[t - 1].as_str();
            word_class(w, WordClass::Locative) || matches!(w, "to" | "from" | "of")
        };
        !expected
    }

    /// An unknown organisation's name starting at token `i`: capitalized words (with "of",
    /// "for", "the", "and" between them) that include a word naming an organisation ("Union",
    /// "Association", "Forum", "Company"), and an acronym in brackets after it. Returns its
    /// length in tokens, its code, its country and its organisation word. The country is the one country or national
    /// adjective among its words, else the country of the one place among them ("Company of
    /// Tehran"); the sector that of a role noun among them ("Union of Teachers" EDU), else the
    /// organisation word's. A name without a country but with "International", "World" or
    /// "Global" is an `NGO`.
    fn unknown_org(
        &self,
        doc: &Document,
        folded: &[String],
        i: usize,
        s1: usize,
    ) -> Option<(usize, Option<String>, Option<String>, usize)> {
        let cap = |t: usize| {
            let w = doc.tokens.norm(t as TokenId);
            starts_upper(w)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        };
        if !cap(i) || folded[i] == "the" {
            return None;
        }
        let mut end = i + 1;
        let joiner = |t: usize| {
            matches!(folded[t].as_str(), "of" | "for" | "the") && t + 1 < s1 && cap(t + 1)
        };
        while end < s1 && (cap(end) || joiner(end)) {
            end += 1;
        }
        let words = i..end;
        let head = words
            .clone()
            .rev()
            .find_map(|t| org_word_sector(&folded[t]).map(|s| (t, s)))?;
        // The organisation word must be capitalized and not the run's first word.
        if head.0 == i || end - i < 2 {
            return None;
        }
        let mut countries: Vec<String> = Vec::new();
        let mut places: Vec<String> = Vec::new();
        let mut role_sector = None;
        for t in words.clone() {
            if let Some(p) = self.phrases.get(&folded[t]) {
                for r in &p.refs {
                    match self.kb.entity(*r) {
                        Entity::Country(c) => countries.push(c.code.clone()),
                        // "Company of Tehran": a city after "of", large enough not to be a
                        // word of the name.
                        Entity::Place(pl)
                            if !pl.country.is_empty()
                                && pl.country != "-"
                                && t > i
                                && folded[t - 1] == "of"
                                && (pl.capital || pl.population >= 100_000) =>
                        {
                            places.push(pl.country.clone())
                        }
                        _ => {}
                    }
                }
            }
            if let Some(role) = self
                .kb
                .role_entry(&folded[t])
                .filter(|_| org_word_sector(&folded[t]).is_none())
            {
                if role_sector.is_none() && role.sector != "GOV" {
                    role_sector = Some(role.sector.clone());
                }
            }
        }
        let one = |mut v: Vec<String>| {
            v.sort();
            v.dedup();
            (v.len() == 1).then(|| v.remove(0))
        };
        let country = one(countries).or_else(|| one(places));
        let sector = role_sector.unwrap_or_else(|| head.1.to_string());
        let international = words
            .clone()
            .any(|t| matches!(folded[t].as_str(), "international" | "world" | "global"));
        // Without a code the words keep their own readings ("Senate Foreign Relations
        // Committee").
        let code = match &country {
            Some(c) => format!("{c}{sector}"),
            None if international => "NGO".to_string(),
            None => return None,
        };
        let code = Some(code);
        // "(NUT)": the acronym in brackets belongs to the name.
        if end + 2 < s1
            && doc.tokens.norm(end as TokenId) == "("
            && is_acronym(doc.tokens.norm(end as TokenId + 1))
            && doc.tokens.norm(end as TokenId + 2) == ")"
        {
            end += 3;
        }
        Some((end - i, code, country, head.0))
    }

    /// A single capitalized token that is also a common English word ("March", "Nice", "May")
    /// is a name only when it is not sentence-initial and the tagger (if any) calls it a
    /// proper noun; people, organisations and countries are exempt.
    fn single_token_ok(
        &self,
        doc: &Document,
        folded: &[String],
        i: usize,
        s0: usize,
        refs: &[EntryRef],
    ) -> bool {
        let strong = refs.iter().any(|r| {
            matches!(
                r.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Country
            ) && r.via != Via::Demonym
        });
        let word = folded[i].as_str();
        if !lexicon::is_common_word(word) {
            return true;
        }
        if let Some(syn) = &doc.syntax {
            let upos = syn.upos[i];
            return upos == "PROPN" || (strong && upos != "VERB" && upos != "AUX");
        }
        strong || i != s0
    }

    fn match_role(
        &self,
        folded: &[String],
        i: usize,
        s1: usize,
    ) -> Option<(usize, &'static Role, bool)> {
        let max = MAX_ROLE_TOKENS.min(s1 - i);
        let mut key = String::new();
        let mut best = None;
        for len in 1..=max {
            if len > 1 {
                key.push(' ');
            }
            key.push_str(&folded[i + len - 1]);
            if let Some(role) = self.kb.role_entry(&key) {
                best = Some((len, role));
            }
        }
        let (len, role) = best?;
        let last = folded[i + len - 1].as_str();
        let plural = last.ends_with('s') && !last.ends_with("ss") && role.name != last;
        Some((len, role, plural))
    }

    /// Steps 2–4: turn the found items of one sentence into mentions.
    fn compose(
        &self,
        doc: &Document,
        folded: &[String],
        found: &[Found],
        range: Range<TokenId>,
        out: &mut Vec<Mention>,
    ) {
        let kb = self.kb;
        let date = doc.date;
        let mut used = vec![false; found.len()];
        // Mentions whose country the rest of the sentence decides.
        let mut pending: Vec<(usize, Pending)> = Vec::new();
        let first_here = out.len();
        // People first, absorbing the roles and modifiers before them.
        for k in 0..found.len() {
            if used[k] {
                continue;
            }
            let f = &found[k];
            match &f.item {
                Item::Name { refs } => {
                    if let Some(person) = person_ref(kb, refs) {
                        used[k] = true;
                        let (start, code_from_role) =
                            absorb_left(kb, doc, folded, found, k, &mut used, date);
                        out.push(person_mention(
                            kb,
                            doc,
                            person,
                            start..f.tokens.end,
                            f.tokens.end - 1,
                            date,
                            code_from_role,
                            MentionVia::Name,
                        ));
                        continue;
                    }
                }
                Item::Capitalized => {
                    // A surname after a title or role, or one already named in the document.
                    let titled = k > 0
                        && !used[k - 1]
                        && found[k - 1].tokens.end == f.tokens.start
                        && matches!(found[k - 1].item, Item::Honorific | Item::Role { .. });
                    let name = doc.tokens.norm(f.tokens.start);
                    // Extend over a run of capitalized words ("Fumio Kishida" unknown first names).
                    let mut end_k = k;
                    while end_k + 1 < found.len()
                        && matches!(found[end_k + 1].item, Item::Capitalized)
                        && found[end_k + 1].tokens.start == found[end_k].tokens.end
                    {
                        end_k += 1;
                    }
                    let surname_tok = found[end_k].tokens.start;
                    let surname = doc.tokens.norm(surname_tok);
                    // With a first name before the surname, the person must bear it ("Bill
                    // Clinton" is not Hillary Clinton).
                    let person = resolve_surname(kb, out, surname, date)
                        .filter(|p| end_k == k || bears_name(p, &folded[f.tokens.start as usize]))
                        .or_else(|| {
                            if end_k == k {
                                None
                            } else {
                                resolve_surname(kb, out, name, date)
                            }
                        });
                    let is_propn = doc
                        .syntax
                        .as_ref()
                        .is_some_and(|s| s.upos[surname_tok as usize] == "PROPN");
                    // A lone word without a title is a known person only when that person was
                    // named before or the surname is distinctive ("Mohammed" is not).
                    let alone = !titled && end_k == k;
                    let person = person.filter(|p| {
                        !alone
                            || out
                                .iter()
                                .any(|m| m.kb_id.as_deref() == Some(p.kb_id.as_str()))
                            || !self.given_names.contains(&folded[f.tokens.start as usize])
                    });
                    // A lone surname that the document gave earlier with another first name
                    // ("Jimmy Lai ... Lai") is that other, unknown person.
                    let person = person.filter(|p| {
                        let t = surname_tok as usize;
                        !alone
                            || !(1..=t).any(|x| {
                                folded[x] == folded[t]
                                    && starts_upper(doc.tokens.norm(x as TokenId - 1))
                                    && !folded[x - 1].ends_with('.')
                                    && self.kb.role_entry(&folded[x - 1]).is_none()
                                    && !word_class(&folded[x - 1], WordClass::Honorific)
                                    && !bears_name(p, &folded[x - 1])
                                    && !self.phrases.get(&folded[x - 1]).is_some_and(|p| {
                                        p.refs.iter().any(|r| {
                                            matches!(
                                                r.kind,
                                                EntityKind::Country | EntityKind::Organization
                                            )
                                        })
                                    })
                            })
                    });
                    if let Some(person) = person.filter(|_| {
                        titled || is_propn || f.tokens.start != range.start || end_k > k
                    }) {
                        for u in used.iter_mut().take(end_k + 1).skip(k) {
                            *u = true;
                        }
                        let (start, code_from_role) =
                            absorb_left(kb, doc, folded, found, k, &mut used, date);
                        out.push(person_mention(
                            kb,
                            doc,
                            person,
                            start..found[end_k].tokens.end,
                            found[end_k].tokens.end - 1,
                            date,
                            code_from_role,
                            MentionVia::Surname,
                        ));
                        continue;
                    }
                    if titled
                        && matches!(found[k - 1].item, Item::Role { .. })
                        && (is_propn || doc.syntax.is_none())
                    {
                        // An unknown person with a role: "interim President Ahmed al-Sharaa".
                        for u in used.iter_mut().take(end_k + 1).skip(k) {
                            *u = true;
                        }
                        let title_sector = match &found[k - 1].item {
                            Item::Role { role, .. } => role.sector.clone(),
                            _ => String::new(),
                        };
                        let (start, code_from_role) =
                            absorb_left(kb, doc, folded, found, k, &mut used, date);
                        // "Judge Alejandro Rivera": a title without a country; the sentence
                        // may give it.
                        let code_from_role = code_from_role.or_else(|| {
                            pending.push((out.len(), Pending::Person(title_sector.clone())));
                            Some((String::new(), None, Some(title_sector)))
                        });
                        if let Some((code, country, sector)) = code_from_role {
                            let code = Some(code).filter(|c| !c.is_empty());
                            out.push(Mention {
                                span: span_of(doc, start..found[end_k].tokens.end),
                                tokens: start..found[end_k].tokens.end,
                                head: found[end_k].tokens.end - 1,
                                kind: MentionKind::Actor,
                                via: MentionVia::Role,
                                code,
                                country,
                                sector,
                                name: Some(join_tokens(
                                    doc,
                                    f.tokens.start..found[end_k].tokens.end,
                                )),
                                kb_id: None,
                                place: None,
                                antecedent: None,
                                person: true,
                                plural: false,
                            });
                        }
                        continue;
                    }
                }
                _ => {}
            }
        }
        // Roles with their modifiers.
        for k in 0..found.len() {
            if used[k] {
                continue;
            }
            let f = &found[k];
            let (role_sector, plural, counterpart) = match &f.item {
                Item::Role { role, plural } => (Some(*role), *plural, false),
                Item::Counterpart { plural } => (None, *plural, true),
                _ => continue,
            };
            // A role noun before another ("university students", "rebel commanders") is one
            // mention with the last, which gives the sector ("deputy governor", "military
            // intelligence") unless the first names a non-state group whose leaders or members
            // the last names ("rebel commanders", "opposition candidates", "student leaders").
            if found.get(k + 1).is_some_and(|n| {
                n.tokens.start == f.tokens.end && matches!(n.item, Item::Role { .. })
            }) {
                continue;
            }
            used[k] = true;
            let mut sector = role_sector.map_or("GOV", |r| r.sector.as_str());
            let mut first = k;
            while first > 0
                && !used[first - 1]
                && found[first - 1].tokens.end == found[first].tokens.start
            {
                match &found[first - 1].item {
                    Item::Role { role, .. } => {
                        if NON_STATE_SECTORS.contains(&role.sector.as_str()) {
                            sector = role.sector.as_str();
                        }
                        first -= 1;
                    }
                    _ => break,
                }
            }
            let (start, left) = modifier_left(kb, doc, folded, found, k, &mut used, date);
            // "ethnic Albanian guerrillas operating in Macedonia": an ethnic or religious
            // group takes the country it lives in when the text says so, else the sentence's.
            let mut pending_group = None;
            let base = match left {
                Some(b) if b.country.is_none() && b.group.is_some() => {
                    match group_place(kb, doc, folded, found, f.tokens.end, date) {
                        Some(c) => Some(Base {
                            code: c.clone(),
                            country: Some(c),
                            ..b
                        }),
                        None => {
                            pending_group = b.group;
                            None
                        }
                    }
                }
                other => other
                    .or_else(|| modifier_of(kb, doc, folded, found, k, sector, &mut used, date)),
            };
            if let Some(g) = pending_group {
                pending.push((out.len(), Pending::Group(g, sector.to_string())));
            }
            let (code, country) = match &base {
                Some(b) => (Some(b.code_with(sector)), b.country.clone()),
                None => (None, None),
            };
            // A role word used as a modifier ("terrorist activities", "the militant group
            // Hamas") or inside an unknown capitalized name ("Physicians for Human Rights")
            // names no group of its own.
            let head = f.tokens.end - 1;
            let modifier_use = doc.syntax.as_ref().is_some_and(|syn| {
                matches!(syn.deprel[head as usize].as_str(), "amod" | "compound")
            });
            let in_name =
                f.tokens.start > range.start && starts_upper(doc.tokens.norm(f.tokens.start));
            let possessed = start > 0
                && matches!(
                    folded[start as usize - 1].as_str(),
                    "its" | "their" | "his" | "her"
                );
            if base.is_none()
                && pending_group.is_none()
                && CONTEXT_SECTORS.contains(&sector)
                && !modifier_use
                && !in_name
                && !possessed
            {
                pending.push((out.len(), Pending::Role(sector.to_string())));
            }
            let head_level = counterpart || role_sector.is_some_and(|r| r.level == "head");
            out.push(Mention {
                span: span_of(doc, start..f.tokens.end),
                tokens: start..f.tokens.end,
                head: f.tokens.end - 1,
                kind: MentionKind::Actor,
                via: MentionVia::Role,
                code,
                country,
                sector: Some(sector.to_string()),
                name: None,
                kb_id: None,
                place: None,
                antecedent: None,
                person: !plural && (head_level || role_sector.is_some_and(|r| r.level == "senior")),
                plural,
            });
            if counterpart {
                // Marked for the coreference pass through its head word.
            }
        }
        // Remaining names: organisations, countries, seats of government, places, demonyms.
        for k in 0..found.len() {
            if used[k] {
                continue;
            }
            let f = &found[k];
            match &f.item {
                Item::Name { refs } => {
                    used[k] = true;
                    if let Some(mut m) = name_mention(kb, doc, folded, f.tokens.clone(), refs, date)
                    {
                        if m.via == MentionVia::Demonym {
                            if let Some(g) =
                                ethnic_group(kb, doc, folded, found, k, &mut used, &mut m, date)
                            {
                                pending.push((out.len(), Pending::Group(g, "CVL".into())));
                            }
                        }
                        out.push(m);
                    }
                }
                Item::Org {
                    code,
                    country,
                    head,
                } => {
                    used[k] = true;
                    out.push(Mention {
                        span: span_of(doc, f.tokens.clone()),
                        tokens: f.tokens.clone(),
                        head: *head,
                        kind: MentionKind::Actor,
                        via: MentionVia::Name,
                        code: code.clone(),
                        country: country.clone(),
                        sector: code.as_deref().and_then(sector_of),
                        name: Some(join_tokens(doc, f.tokens.clone())),
                        kb_id: None,
                        place: None,
                        antecedent: None,
                        person: false,
                        plural: false,
                    });
                }
                Item::Group { group, noun: true }
                    if group_noun_use(doc, folded, f.tokens.start) =>
                {
                    // "Kurds", "ethnic Tamils", "Moslems in Bosnia": members of a group.
                    used[k] = true;
                    let s = if is_ethnic_cue(folded, f.tokens.start) {
                        f.tokens.start - 1
                    } else {
                        f.tokens.start
                    };
                    let plural = folded[f.tokens.start as usize].ends_with('s')
                        && !folded[f.tokens.start as usize].ends_with("ss");
                    let mut m = Mention {
                        span: span_of(doc, s..f.tokens.end),
                        tokens: s..f.tokens.end,
                        head: f.tokens.start,
                        kind: MentionKind::Actor,
                        via: MentionVia::Demonym,
                        code: None,
                        country: None,
                        sector: Some("CVL".into()),
                        name: Some(doc.tokens.norm(f.tokens.start).to_string()),
                        kb_id: None,
                        place: None,
                        antecedent: None,
                        person: !plural,
                        plural,
                    };
                    match group_place(kb, doc, folded, found, f.tokens.end, date) {
                        Some(c) => {
                            m.code = Some(format!("{c}CVL{}", group.code));
                            m.country = Some(c);
                        }
                        None => pending.push((out.len(), Pending::Group(group, "CVL".into()))),
                    }
                    out.push(m);
                }
                Item::Pronoun { word } => {
                    used[k] = true;
                    out.push(Mention {
                        span: span_of(doc, f.tokens.clone()),
                        tokens: f.tokens.clone(),
                        head: f.tokens.start,
                        kind: MentionKind::Actor,
                        via: MentionVia::Pronoun,
                        code: None,
                        country: None,
                        sector: None,
                        name: Some((*word).to_string()),
                        kb_id: None,
                        place: None,
                        antecedent: None,
                        person: matches!(*word, "he" | "she"),
                        plural: *word == "they",
                    });
                }
                _ => {}
            }
        }
        // "leaders of the opposition coalition", "doctors from two aid groups".
        let mut phrased = Vec::new();
        for i in first_here..out.len() {
            let m = &out[i];
            if m.via == MentionVia::Role
                && m.code.is_none()
                && !m.person
                && of_phrase(kb, doc, folded, &mut out[first_here..], i - first_here)
            {
                phrased.push(i);
            }
        }
        for (i, p) in &pending {
            if phrased.contains(i) {
                continue;
            }
            resolve_pending(kb, doc, &mut out[first_here..], *i - first_here, p);
        }
        // Again, for a phrase whose group the sentence has just placed.
        for i in first_here..out.len() {
            let m = &out[i];
            if m.via == MentionVia::Role && m.code.is_none() && !m.person {
                of_phrase(kb, doc, folded, &mut out[first_here..], i - first_here);
            }
        }
        let first = out.partition_point(|m| m.tokens.start < range.start);
        out[first..].sort_by_key(|m| (m.tokens.start, m.tokens.end));
    }
}

/// An ethnic group lives in the country the text places it in: "Bosnian Serbs" and "Iraqi
/// Kurds" (a national adjective before a group's plural) are Bosnia's and Iraq's, "ethnic
/// Albanians in Macedonia" and "the Albanians of southern Serbia" Macedonia's and Serbia's. The
/// mention keeps the group's words; its code is that country's, with the group's code after
/// the civilian sector. Returns the group when the sentence must decide the country ("ethnic
/// Albanians" alone).
#[allow(clippy::too_many_arguments)]
fn ethnic_group(
    kb: &'static KnowledgeBase,
    doc: &Document,
    folded: &[String],
    found: &[Found],
    k: usize,
    used: &mut [bool],
    m: &mut Mention,
    date: Option<NaiveDate>,
) -> Option<&'static Group> {
    let country_of_ref = |refs: &[EntryRef], demonym: bool| {
        refs.iter().find_map(|r| match kb.entity(*r) {
            Entity::Country(c) if (r.via == Via::Demonym) == demonym => Some(c),
            _ => None,
        })
    };
    let set_group = |m: &mut Mention, country: Option<&str>, g: &Group| {
        m.code = country.map(|c| format!("{c}CVL{}", g.code));
        m.country = country.map(str::to_string);
        m.sector = Some("CVL".into());
        m.kb_id = None;
        m.name = Some(doc.slice(span_of(doc, m.tokens.clone())).to_string());
        m.plural = true;
    };
    let extend = |m: &mut Mention, end: TokenId| {
        m.tokens.end = end;
        m.span = span_of(doc, m.tokens.clone());
        m.head = end - 1;
    };
    // "Bosnian Serbs", "Iraqi Kurds": this adjective, then a group's or another country's plural.
    if let Some(n) = found.get(k + 1).filter(|n| {
        n.tokens.start == m.tokens.end && !used[k + 1] && !folded[m.head as usize].ends_with('s')
    }) {
        let last = folded[n.tokens.end as usize - 1].as_str();
        let plural = last.ends_with('s');
        match &n.item {
            Item::Group { group, noun: true } if plural => {
                used[k + 1] = true;
                extend(m, n.tokens.end);
                let c = m.country.clone();
                set_group(m, c.as_deref(), group);
                return None;
            }
            Item::Name { refs } if plural => {
                if let Some(other) = country_of_ref(refs, true) {
                    if m.country.as_deref() != Some(other.code.as_str()) {
                        used[k + 1] = true;
                        extend(m, n.tokens.end);
                        m.plural = true;
                        // In nations of immigrants the noun is the nationality ("Chinese
                        // Americans").
                        if IMMIGRANT_NATIONS.contains(&other.code.as_str()) {
                            m.code = Some(other.code.clone());
                            m.country = Some(other.code.clone());
                            m.name = Some(other.name.clone());
                            m.kb_id = Some(format!("country:{}", other.code));
                        } else if let Some((g, _)) = lexicon::group(last)
                            .filter(|(g, _)| g.nation == Some(other.code.as_str()))
                        {
                            let c = m.country.clone();
                            set_group(m, c.as_deref(), g);
                        }
                        return None;
                    }
                }
            }
            _ => {}
        }
    }
    // "ethnic Albanians", "Albanians in Macedonia": a nation's demonym naming the ethnic group.
    let word = folded[m.head as usize].as_str();
    let (g, noun) = lexicon::group(word)?;
    if !noun || !word.ends_with('s') || g.nation.is_none() || g.nation != m.country.as_deref() {
        return None;
    }
    let cue = is_ethnic_cue(folded, m.tokens.start);
    let place = group_place(kb, doc, folded, found, m.tokens.end, date)
        .filter(|c| Some(c.as_str()) != g.nation);
    if cue {
        m.tokens.start -= 1;
        m.span = span_of(doc, m.tokens.clone());
    }
    match (cue, place) {
        (_, Some(c)) => {
            set_group(m, Some(&c), g);
            None
        }
        (true, None) => {
            set_group(m, None, g);
            Some(g)
        }
        (false, None) => None,
    }
}

/// Is the group word at `t` used as a noun naming members ("Kurds", "a Sikh was hurt"), not
/// as an adjective ("a Christian district")? Plurals are nouns; a singular needs the tagger's
/// word.
fn group_noun_use(doc: &Document, folded: &[String], t: TokenId) -> bool {
    let w = folded[t as usize].as_str();
    if w.ends_with('s') && !w.ends_with("ss") {
        return true;
    }
    doc.syntax.as_ref().is_some_and(|syn| {
        matches!(syn.upos[t as usize], "NOUN" | "PROPN")
            && !matches!(syn.deprel[t as usize].as_str(), "amod" | "compound")
    })
}

/// The country of the place a group is said to live or act in: "Kurds in Germany", "the
/// Albanians of southern Serbia", "guerrillas operating in Macedonia".
fn group_place(
    kb: &'static KnowledgeBase,
    doc: &Document,
    folded: &[String],
    found: &[Found],
    end: TokenId,
    date: Option<NaiveDate>,
) -> Option<String> {
    let word = |t: usize| folded.get(t).map(String::as_str);
    let mut t = end as usize;
    if matches!(
        word(t),
        Some("living" | "based" | "operating" | "residing" | "settled" | "fighting")
    ) {
        t += 1;
    }
    if !matches!(word(t), Some("in" | "of" | "inside")) {
        return None;
    }
    t += 1;
    if word(t) == Some("the") {
        t += 1;
    }
    while word(t).is_some_and(|w| word_class(w, WordClass::Direction)) {
        t += 1;
    }
    let f = found.iter().find(|f| f.tokens.start as usize == t)?;
    let Item::Name { refs } = &f.item else {
        return None;
    };
    let b = base_of(kb, doc, refs, f.tokens.clone(), date)?;
    if b.organization {
        return None;
    }
    b.country
}

/// A mention whose country the rest of its sentence decides.
enum Pending {
    /// An ethnic or religious group, with its sector.
    Group(&'static Group, String),
    /// An unknown person with a title ("Judge X"), with the title's sector.
    Person(String),
    /// A group of people without a country ("prisoners", "demonstrators"), with its sector.
    Role(String),
}

/// Sectors of groups that, named without a country, belong to the country the sentence is
/// about ("prisoners rioted at a jail in Dili").
const CONTEXT_SECTORS: &[&str] = &[
    "CVL", "REB", "OPP", "CRM", "LAB", "EDU", "MED", "HLH", "BUS", "AGR", "SEP",
];

/// "Doctors from two American aid groups", "leaders of the opposition coalition": a group
/// without a country, then "of" or "from" and another mention of the sentence that has one
/// (past a determiner, a number and lower-case modifiers). The members or leaders of a
/// non-state group are that group; others take its country with their own sector.
fn of_phrase(
    kb: &'static KnowledgeBase,
    doc: &Document,
    folded: &[String],
    ms: &mut [Mention],
    i: usize,
) -> bool {
    let end = ms[i].tokens.end as usize;
    let Some(prep) = folded.get(end).map(String::as_str) else {
        return false;
    };
    // Forces, peacekeepers and aid workers are not of the country they leave ("withdraw its
    // peacekeeping force from Chad"); a possessive already says whose they are.
    let sector = ms[i].sector.clone().unwrap_or_default();
    let start = ms[i].tokens.start as usize;
    let possessed =
        start > 0 && matches!(folded[start - 1].as_str(), "its" | "their" | "his" | "her");
    if !matches!(prep, "of" | "from")
        || possessed
        || (prep == "from" && matches!(sector.as_str(), "MIL" | "IGO" | "NGO"))
    {
        return false;
    }
    let mut t = end + 1;
    while t < folded.len()
        && t <= end + 6
        && !ms.iter().any(|m| m.tokens.start as usize == t)
        && (lexicon::is_function_word(&folded[t])
            || matches!(folded[t].as_str(), "(" | ")")
            || (t > end + 1 && starts_upper(doc.tokens.norm(t as TokenId)))
            || folded[t].chars().all(|c| c.is_ascii_digit() || c == ',')
            || doc
                .tokens
                .norm(t as TokenId)
                .chars()
                .all(char::is_lowercase))
    {
        t += 1;
    }
    let Some(j) = ms.iter().position(|m| {
        m.tokens.start as usize == t && m.kind == MentionKind::Actor && m.via != MentionVia::Pronoun
    }) else {
        return false;
    };
    let (Some(code), Some(country)) = (ms[j].code.clone(), ms[j].country.clone()) else {
        return false;
    };
    if kb.country(&country).is_none() {
        return false;
    }
    let other_sector = ms[j].sector.clone().unwrap_or_default();
    let m = &mut ms[i];
    m.code = Some(
        if sector == "CVL"
            || (!other_sector.is_empty()
                && NON_STATE_SECTORS.contains(&other_sector.as_str())
                && matches!(sector.as_str(), "GOV" | "ELI"))
        {
            code
        } else {
            format!("{country}{sector}")
        },
    );
    m.country = Some(country);
    true
}

/// Is token `t` inside the attribution of a report ("..., police said", "according to
/// witnesses")? Its chain of heads passes a speech verb that is a parenthetical (UD
/// `parataxis`) or the preposition "according".
fn in_attribution(doc: &Document, t: TokenId) -> bool {
    let Some(syn) = &doc.syntax else {
        return false;
    };
    // "..., relief officials in Nairobi said Sunday.": the clause after the last comma ends
    // the sentence with a speech verb.
    if let Some(sent) = doc.sentences.iter().find(|s| s.tokens.contains(&t)) {
        let toks = sent.tokens.clone();
        let last_comma = toks
            .clone()
            .rev()
            .find(|&c| doc.tokens.norm(c) == ",")
            .filter(|&c| c < t);
        if let Some(c) = last_comma {
            let speech = (c + 1..toks.end).any(|x| {
                syn.upos[x as usize] == "VERB"
                    && matches!(
                        syn.lemma[x as usize].to_lowercase().as_str(),
                        "say" | "report" | "tell" | "add" | "announce" | "confirm"
                    )
            });
            let verbs = (c + 1..toks.end)
                .filter(|&x| syn.upos[x as usize] == "VERB")
                .count();
            if speech && verbs == 1 {
                return true;
            }
        }
    }
    let mut x = t as usize;
    let according = |x: usize| {
        syn.head.iter().enumerate().any(|(c, h)| {
            *h == Some(x as TokenId)
                && syn.deprel[c].starts_with("case")
                && doc
                    .tokens
                    .norm(c as TokenId)
                    .eq_ignore_ascii_case("according")
        })
    };
    for step in 0..8 {
        // "according to the CIA World Factbook": the preposition may hang on the phrase's
        // head a few links up.
        if step < 3 && according(x) {
            return true;
        }
        if syn.deprel[x] == "parataxis"
            && matches!(
                syn.lemma[x].to_lowercase().as_str(),
                "say" | "report" | "tell" | "add" | "announce" | "state" | "claim" | "confirm"
            )
        {
            return true;
        }
        let Some(h) = syn.head[x] else {
            return false;
        };
        x = h as usize;
    }
    false
}

/// Sectors of the state's own actors: the country they act for is the sentence's domestic
/// context.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

/// Give the pending mention `i` of one sentence's mentions `ms` its country.
///
/// A group lives in the one country whose state acts in the sentence (a country named as an
/// actor, its government, army, police, courts: "Egyptian police dispersed Moslem
/// demonstrators"), else the one country where the sentence's places are (a religious group:
/// places first); a group with a known
/// set of homes only in one of them, else in its main home; otherwise the group's own code
/// stands alone (`KUR`, `MOSREB`). A titled unknown person ("Judge X") takes the one country
/// every other actor of the sentence has, and no country otherwise.
fn resolve_pending(
    kb: &'static KnowledgeBase,
    doc: &Document,
    ms: &mut [Mention],
    i: usize,
    p: &Pending,
) {
    // Countries by their current code (East Timor's places may carry the old TMP).
    for m in ms.iter_mut() {
        if let Some(c) = m.country.as_deref().and_then(|c| kb.country(c)) {
            if m.country.as_deref() != Some(c.code.as_str()) {
                m.country = Some(c.code.clone());
            }
        }
    }
    let real = |c: &String| kb.country(c).is_some();
    // Who reported the news ("..., relief officials in Nairobi said") is no part of it.
    let reported = |m: &Mention| in_attribution(doc, m.head);
    let others = || {
        ms.iter()
            .enumerate()
            .filter(move |(j, m)| {
                *j != i
                    && m.kind == MentionKind::Actor
                    && m.code.is_some()
                    && !reported(m)
                    // News media report from anywhere ("told VOA").
                    && !m.code.as_deref().is_some_and(|c| c.ends_with("MED"))
            })
            .map(|(_, m)| m)
    };
    let one = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        match v.as_slice() {
            [c] => Some(c.clone()),
            _ => None,
        }
    };
    match p {
        Pending::Group(_, sector) | Pending::Role(sector) => {
            let g = match p {
                Pending::Group(g, _) => Some(*g),
                _ => None,
            };
            let nation = g.and_then(|g| g.nation);
            let not_nation = |c: &String| Some(c.as_str()) != nation;
            // The state's agencies and people first, then countries named as actors, then
            // places: the first of these that names any country must name exactly one.
            let agencies: Vec<String> = others()
                .filter(|m| {
                    m.via == MentionVia::Metonym
                        || m.sector
                            .as_deref()
                            .is_some_and(|s| STATE_SECTORS.contains(&s))
                })
                .filter_map(|m| m.country.clone())
                .filter(|c| real(c) && not_nation(c))
                .collect();
            let states: Vec<String> = others()
                .filter(|m| {
                    m.kb_id
                        .as_deref()
                        .is_some_and(|id| id.starts_with("country:"))
                        && m.via == MentionVia::Name
                })
                .filter_map(|m| m.country.clone())
                .filter(|c| real(c) && not_nation(c))
                .collect();
            let places: Vec<String> = ms
                .iter()
                .filter(|m| m.kind == MentionKind::Place && !reported(m))
                .filter_map(|m| m.country.clone())
                .filter(|c| real(c) && not_nation(c))
                .collect();
            // A religion lives everywhere: where the sentence happens says more than who acts
            // ("US troops raided a Shiite mosque in Basra").
            let tiers = if g.is_some_and(|g| g.homes.is_empty() && g.nation.is_none()) {
                [places.clone(), agencies, states]
            } else {
                [agencies, states, places.clone()]
            };
            let country = tiers.into_iter().find(|v| !v.is_empty()).and_then(one);
            let Some(g) = g else {
                // A group of people is where the sentence's places are; without places, in
                // the one country all actors of the sentence share.
                let all_have = others().all(|m| m.country.as_ref().is_some_and(&real));
                let actors: Vec<String> = others().filter_map(|m| m.country.clone()).collect();
                let country = if places.is_empty() {
                    one(actors).filter(|_| all_have)
                } else {
                    one(places.clone())
                };
                if let Some(c) = country {
                    let m = &mut ms[i];
                    m.code = Some(format!("{c}{sector}"));
                    m.country = Some(c);
                }
                return;
            };
            let country = country
                .filter(|c| {
                    g.nation.is_some() || g.homes.is_empty() || g.homes.contains(&c.as_str())
                })
                .or_else(|| g.default_home().map(str::to_string));
            let m = &mut ms[i];
            m.code = Some(match &country {
                Some(c) => format!("{c}{sector}{}", g.code),
                None if sector == "CVL" => g.code.to_string(),
                None => format!("{}{sector}", g.code),
            });
            m.country = country;
        }
        Pending::Person(sector) => {
            let countries: Vec<String> = others()
                .filter_map(|m| m.country.clone())
                .filter(|c| real(c))
                .collect();
            let all_have = others().all(|m| m.country.as_ref().is_some_and(&real));
            if let Some(c) = one(countries).filter(|_| all_have) {
                let m = &mut ms[i];
                m.code = Some(format!("{c}{sector}"));
                m.country = Some(c);
            }
        }
    }
}

/// The country or organisation a role takes its code from.
#[derive(Clone, Debug)]
struct Base {
    code: String,
    country: Option<String>,
    /// An organisation's own code (IGOWSTNAT) is used as is.
    organization: bool,
    /// An ethnic or religious group ("Kurdish rebels"): its code follows the sector, and
    /// without a country the group's country comes from the sentence.
    group: Option<&'static Group>,
}

impl Base {
    fn country(code: &str) -> Base {
        Base {
            code: code.to_string(),
            country: Some(code.to_string()),
            organization: false,
            group: None,
        }
    }

    fn code_with(&self, sector: &str) -> String {
        if self.organization {
            self.code.clone()
        } else {
            format!(
                "{}{}{}",
                self.code,
                sector,
                self.group.map_or("", |g| g.code)
            )
        }
    }
}

/// An all-capitals word of two letters or more ("NATO", "PAN", "U.S.").
fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

fn in_timex(doc: &Document, t: usize) -> bool {
    doc.timexes
        .iter()
        .any(|x| x.tokens.contains(&(t as TokenId)))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn span_of(doc: &Document, tokens: Range<TokenId>) -> Span {
    Span::new(
        doc.tokens.span(tokens.start).start,
        doc.tokens.span(tokens.end - 1).end,
    )
}

fn join_tokens(doc: &Document, tokens: Range<TokenId>) -> String {
    doc.slice(span_of(doc, tokens)).to_string()
}

/// Nouns that, after "the", refer back to an organisation or a country named earlier; the
/// returned word is the pronoun they behave like.
fn definite_anaphor(folded: &str) -> Option<&'static str> {
    match folded {
        "group" | "militia" | "movement" | "organization" | "organisation" | "bloc"
        | "alliance" | "country" | "nation" | "kingdom" | "republic" => Some("it"),
        _ => None,
    }
}

fn pronoun(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "he" | "him" | "his" | "himself" => "he",
        "she" | "her" | "hers" | "herself" => "she",
        "they" | "them" | "their" | "theirs" | "themselves" => "they",
        "it" | "its" | "itself" => "it",
        _ => return None,
    })
}

fn person_ref(kb: &'static KnowledgeBase, refs: &[EntryRef]) -> Option<&'static Person> {
    refs.iter()
        .find(|r| r.kind == EntityKind::Person)
        .and_then(|r| match kb.entity(*r) {
            Entity::Person(p) => Some(p),
            _ => None,
        })
}

/// A person's mention resolved by date; `fallback` is the code from the role before the name
/// when the knowledge base has no tenure on that date.
#[allow(clippy::too_many_arguments)]
fn person_mention(
    kb: &'static KnowledgeBase,
    doc: &Document,
    person: &Person,
    tokens: Range<TokenId>,
    head: TokenId,
    date: Option<NaiveDate>,
    fallback: Option<RoleCode>,
    via: MentionVia,
) -> Mention {
    let tenure = kb.resolve_person(&person.kb_id, date);
    // Undated text: the title before the name says which of the person's offices is meant
    // ("Prime Minister X" for someone who later led a party).
    let titled = fallback
        .as_ref()
        .filter(|(c, _, _)| date.is_none() && person.tenures.iter().any(|t| &t.code == c));
    let tenure = if titled.is_some() { None } else { tenure };
    let (code, country, sector) = match (tenure, fallback) {
        (Some(t), _) => {
            let sector = sector_of(&t.code);
            let country = country_of(&t.code).or(person.country.clone());
            (Some(t.code), country, sector)
        }
        (None, Some((c, country, sector))) => (Some(c), country, sector),
        (None, None) => (person.country.clone(), person.country.clone(), None),
    };
    Mention {
        span: span_of(doc, tokens.clone()),
        tokens,
        head,
        kind: MentionKind::Actor,
        via,
        code,
        country,
        sector,
        name: Some(person.name.clone()),
        kb_id: Some(person.kb_id.clone()),
        place: None,
        antecedent: None,
        person: true,
        plural: false,
    }
}

fn sector_of(code: &str) -> Option<String> {
    (code.len() >= 6 && !code.starts_with("IGO") && !code.starts_with("NGO"))
        .then(|| code[3..6].to_string())
}

fn country_of(code: &str) -> Option<String> {
    eventwire_document::country_of_code(code).map(str::to_string)
}

/// The one country whose head of state or government bore `surname` (on `date`, when known).
fn leader_country(
    kb: &'static KnowledgeBase,
    surname: &str,
    date: Option<NaiveDate>,
) -> Option<String> {
    let mut countries: Vec<String> = kb
        .people_by_surname(surname)
        .iter()
        .flat_map(|p| p.tenures.iter())
        .filter(|t| date.is_none_or(|d| t.contains(d)))
        .filter(|t| {
            let office = folded_key(&t.office);
            ["president", "prime minister", "chancellor", "premier"]
                .iter()
                .any(|w| office.contains(w))
                && !office.contains("vice")
                && !office.contains("deputy")
        })
        .filter_map(|t| country_of(&t.code))
        .collect();
    countries.sort();
    countries.dedup();
    match countries.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Is `word` (folded) one of the words of the person's name or aliases?
fn bears_name(p: &Person, word: &str) -> bool {
    std::iter::once(&p.name).chain(p.aliases.iter()).any(|n| {
        folded_key(n)
            .split(|c: char| c.is_whitespace() || c == '-')
            .any(|w| w == word)
    })
}

/// A person already named in the document with this surname, else the single person of that
/// surname holding an office on the date.
fn resolve_surname(
    kb: &'static KnowledgeBase,
    so_far: &[Mention],
    surname: &str,
    date: Option<NaiveDate>,
) -> Option<&'static Person> {
    let people = kb.people_by_surname(surname);
    if people.is_empty() {
        return None;
    }
    for m in so_far.iter().rev() {
        if let Some(id) = &m.kb_id {
            if let Some(p) = people.iter().find(|p| &p.kb_id == id) {
                return Some(*p);
            }
        }
    }
    let in_office: Vec<&&Person> = match date {
        Some(d) => people
            .iter()
            .filter(|p| p.tenures.iter().any(|t| t.contains(d)))
            .collect(),
        None => people.iter().collect(),
    };
    match in_office.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Absorb a role and its modifiers right before a person's name ("Nato chief Jens
/// Stoltenberg", "Japanese prime minister Fumio Kishida"): returns the new start token and
/// the code the role gives (used when the person has no tenure on the date).
fn absorb_left(
    kb: &'static KnowledgeBase,
    doc: &Document,
    folded: &[String],
    found: &[Found],
    k: usize,
    used: &mut [bool],
    date: Option<NaiveDate>,
) -> (TokenId, Option<RoleCode>) {
    let start = found[k].tokens.start;
    if k == 0 {
        return (start, None);
    }
    let prev = &found[k - 1];
    if used[k - 1] || prev.tokens.end != start {
        return (start, None);
    }
    match &prev.item {
        Item::Honorific => {
            used[k - 1] = true;
            (prev.tokens.start, None)
        }
        Item::Role { role, .. } => {
            used[k - 1] = true;
            let (s, base) = modifier_left(kb, doc, folded, found, k - 1, used, date);
            let code = base.map(|b| {
                (
                    b.code_with(&role.sector),
                    b.country.clone(),
                    (!b.organization).then(|| role.sector.clone()),
                )
            });
            (s, code)
        }
        _ => (start, None),
    }
}

/// A country, national adjective, capital, seat or organisation right before item `k`
/// (skipping "the", a possessive and up to two lower-case modifiers: "Russian military
/// officials", "China's foreign ministry").
fn modifier_left(
    kb: &'static KnowledgeBase,
    doc: &Document,
    folded: &[String],
    found: &[Found],
    k: usize,
    used: &mut [bool],
    date: Option<NaiveDate>,
) -> (TokenId, Option<Base>) {
    let start = found[k].tokens.start;
    let mut t = start;
    let mut span_start = start;
    let mut skipped = 0;
    loop {
        // Another role right before ("Nato general secretary", "Russian military officials").
        if let Some(j) = (0..k).rev().find(|&j| found[j].tokens.end == t && !used[j]) {
            if matches!(found[j].item, Item::Role { .. }) {
                used[j] = true;
                t = found[j].tokens.start;
                span_start = t;
                continue;
            }
        }
        if t == 0 || skipped >= 3 {
            break;
        }
        let norm = doc.tokens.norm(t - 1);
        let w = folded[t as usize - 1].as_str();
        let lower_adj = match &doc.syntax {
            Some(syn) => {
                // Participles modify ("armed forces"); a finite verb ends the phrase ("Russia
                // urged governments").
                let x = t as usize - 1;
                (matches!(syn.upos[x], "ADJ" | "NOUN")
                    || (syn.upos[x] == "VERB" && matches!(syn.xpos[x].as_str(), "VBN" | "VBG")))
                    && norm.chars().all(|c| c.is_lowercase() || c == '-')
            }
            None => {
                norm.chars().all(|c| c.is_lowercase() || c == '-') && !lexicon::is_function_word(w)
            }
        };
        // "Vietnamese-led forces": forces led by a nation are its forces ("Iranian-backed
        // militias" are not Iran's: "backed" ends the modifiers below, as a hyphen does).
        let hyphen_before = t >= 2 && folded[t as usize - 2] == "-";
        if hyphen_before && matches!(w, "led" | "commanded" | "dominated" | "run") {
            t -= 2;
            skipped += 1;
            continue;
        }
        if hyphen_before
            && matches!(
                w,
                "backed"
                    | "supported"
                    | "funded"
                    | "armed"
                    | "trained"
                    | "allied"
                    | "sponsored"
                    | "aligned"
                    | "leaning"
                    | "held"
            )
        {
            break;
        }
        // "Nicaragua's Sandinista government": an unknown capitalized word after a
        // possessive or a country's name.
        let unknown_cap = (0..k).rev().find(|&j| found[j].tokens.end == t && !used[j]).filter(|&j| {
            let s = found[j].tokens.start;
            matches!(found[j].item, Item::Capitalized)
                && s > 0
                && (matches!(folded[s as usize - 1].as_str(), "'s" | "'")
                    || (0..j).any(|i| {
                        found[i].tokens.end == s
                            && matches!(&found[i].item, Item::Name { refs } if refs.iter().any(|r| r.kind == EntityKind::Country))
                    }))
        });
        if let Some(j) = unknown_cap {
            t = found[j].tokens.start;
            skipped += 1;
            continue;
        }
        if w == "'s" || w == "'" || lower_adj {
            t -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let Some(j) = (0..k).rev().find(|&j| found[j].tokens.end == t && !used[j]) else {
        return (span_start, None);
    };
    // "the Bush administration", "the Netanyahu government": a leader's surname before a
    // government noun gives the leader's country.
    let government = matches!(&found[k].item, Item::Role { role, .. } if role.sector == "GOV" && role.level == "body");
    if government && found[j].tokens.len() == 1 && t == start {
        if let Some(country) = leader_country(kb, doc.tokens.norm(found[j].tokens.start), date) {
            used[j] = true;
            let s = found[j].tokens.start;
            let s = if s > 0 && folded[s as usize - 1] == "the" {
                s - 1
            } else {
                s
            };
            return (s, Some(Base::country(&country)));
        }
    }
    if let Some((group, s)) = group_modifier(kb, folded, found, j, used) {
        // "Iraqi Kurd refugees", "ethnic Serb fighters", "Muslim marchers": the
        // group's country is a national word before it, when there is one.
        used[j] = true;
        let before = (0..j).rev().find(|&i| found[i].tokens.end == s && !used[i]);
        let country = before.and_then(|i| match &found[i].item {
            Item::Name { refs } => base_of(kb, doc, refs, found[i].tokens.clone(), date)
                .filter(|b| !b.organization)
                .map(|b| (i, b)),
            _ => None,
        });
        let (s, country) = match country {
            Some((i, b)) => {
                used[i] = true;
                (found[i].tokens.start, b.country)
            }
            None => (s, None),
        };
        let s = if s > 0 && folded[s as usize - 1] == "the" {
            s - 1
        } else {
            s
        };
        return (
            s,
            Some(Base {
                code: country.clone().unwrap_or_default(),
                country,
                organization: false,
                group: Some(group),
            }),
        );
    }
    if let Item::Org { code, country, .. } = &found[j].item {
        // "the Kenyan Nurses Association officials": the organisation's own code (not across
        // a verb: "the Forum urged governments").
        let verb_between = doc
            .syntax
            .as_ref()
            .is_some_and(|syn| (t..start).any(|x| matches!(syn.upos[x as usize], "VERB" | "AUX")));
        let Some(code) = code.clone().filter(|_| !verb_between) else {
            return (span_start, None);
        };
        used[j] = true;
        return (
            found[j].tokens.start,
            Some(Base {
                code,
                country: country.clone(),
                organization: true,
                group: None,
            }),
        );
    }
    let Item::Name { refs } = &found[j].item else {
        return (span_start, None);
    };
    let Some(base) = base_of(kb, doc, refs, found[j].tokens.clone(), date) else {
        return (span_start, None);
    };
    used[j] = true;
    let s = found[j].tokens.start;
    // Include a "the" before the modifier in the span.
    let s = if s > 0 && folded[s as usize - 1] == "the" {
        s - 1
    } else {
        s
    };
    (s, Some(base))
}

/// "ethnic" right before token `t`.
fn is_ethnic_cue(folded: &[String], t: TokenId) -> bool {
    t > 0 && folded[t as usize - 1] == "ethnic"
}

/// The ethnic or religious group item `j` names as a modifier, and the first token of its
/// words ("ethnic" included): a group's own word ("Kurdish", "Moslem"), or a national adjective
/// after "ethnic" ("ethnic Albanian").
fn group_modifier(
    kb: &'static KnowledgeBase,
    folded: &[String],
    found: &[Found],
    j: usize,
    used: &[bool],
) -> Option<(&'static Group, TokenId)> {
    if used[j] {
        return None;
    }
    let f = &found[j];
    let group = match &f.item {
        Item::Group { group, .. } => *group,
        Item::Name { refs } if f.tokens.len() == 1 => {
            // "ethnic Albanian", or after another country's name ("Kosovo Albanian").
            let placed = j > 0
                && found[j - 1].tokens.end == f.tokens.start
                && matches!(&found[j - 1].item, Item::Name { refs } if refs.iter().any(|r| matches!(r.kind, EntityKind::Country | EntityKind::Place)));
            if !is_ethnic_cue(folded, f.tokens.start) && !placed {
                return None;
            }
            let (g, _) = lexicon::group(&folded[f.tokens.start as usize])?;
            let nation = refs.iter().any(|r| {
                matches!(kb.entity(*r), Entity::Country(c) if Some(c.code.as_str()) == g.nation)
            });
            if !nation {
                return None;
            }
            g
        }
        _ => return None,
    };
    let s = f.tokens.start;
    Some((group, if is_ethnic_cue(folded, s) { s - 1 } else { s }))
}

/// "the foreign minister of Russia", "police in Lahore": a country, seat or place after "of"
/// or "in" (optionally "the").
#[allow(clippy::too_many_arguments)]
fn modifier_of(
    kb: &'static KnowledgeBase,
    doc: &Document,
    folded: &[String],
    found: &[Found],
    k: usize,
    sector: &str,
    used: &mut [bool],
    date: Option<NaiveDate>,
) -> Option<Base> {
    let mut t = found[k].tokens.end as usize;
    // "a terror group based in Trinidad", "guerrillas operating in Macedonia".
    if matches!(
        folded.get(t).map(String::as_str),
        Some("based" | "operating" | "living" | "stationed" | "deployed")
    ) && folded.get(t + 1).is_some_and(|w| w == "in")
    {
        t += 1;
    }
    let prep = folded.get(t).map(String::as_str)?;
    if !matches!(
        prep,
        "of" | "in" | "from" | "throughout" | "across" | "inside"
    ) {
        return None;
    }
    // Where forces, peacekeepers, envoys and aid workers are is not whose they are ("a
    // peacekeeping force in Chad", "withdraw troops from Syria", "the embassy in Moscow").
    if let Item::Role { role, .. } = &found[k].item {
        let abroad = matches!(sector, "IGO" | "NGO")
            || matches!(role.name.as_str(), "embassy" | "ambassador");
        let moved = sector == "MIL" && prep != "in";
        if (abroad || moved) && prep != "of" {
            return None;
        }
    }
    t += 1;
    if folded.get(t).map(String::as_str) == Some("the") {
        t += 1;
    }
    let j = (k + 1..found.len()).find(|&j| found[j].tokens.start as usize == t && !used[j])?;
    let Item::Name { refs } = &found[j].item else {
        return None;
    };
    let base = base_of(kb, doc, refs, found[j].tokens.clone(), date)?;
    // "the foreign minister of Russia" is one mention; in "security forces in Guinea" the
    // place stays a place of its own.
    if prep == "of" {
        used[j] = true;
    }
    Some(base)
}

fn base_of(
    kb: &'static KnowledgeBase,
    doc: &Document,
    refs: &[EntryRef],
    tokens: Range<TokenId>,
    date: Option<NaiveDate>,
) -> Option<Base> {
    for r in refs {
        match kb.entity(*r) {
            Entity::Country(c) => return Some(Base::country(&c.code)),
            Entity::Organization(o) => {
                let code = kb.resolve_organization(&o.kb_id, date)?.to_string();
                let organization = !code.get(3..).unwrap_or("").is_empty() || o.country.is_none();
                return Some(Base {
                    country: o.country.clone(),
                    code: if organization {
                        code
                    } else {
                        code[..3].to_string()
                    },
                    organization,
                    group: None,
                });
            }
            _ => {}
        }
    }
    // A capital or seat of government ("Washington officials", "Kremlin officials").
    let surface = doc.slice(span_of(doc, tokens));
    if let Some((country, _)) = kb.metonym(surface) {
        return Some(Base::country(country));
    }
    // A place: its country ("Lahore police" → PAK). The gazetteer lists the most populous
    // place first; a capital wins.
    let mut places = kb.place(surface);
    places.sort_by_key(|p| std::cmp::Reverse(is_capital(kb, p)));
    let p = places.first()?;
    (!p.country.is_empty() && p.country != "-").then(|| Base::country(&p.country))
}

fn is_capital(kb: &'static KnowledgeBase, p: &eventwire_kb::Place) -> bool {
    kb.country(&p.country)
        .is_some_and(|c| folded_key(&c.capital) == folded_key(&p.name))
}

/// A mention for a name that is not a person: an organisation, a country, a seat of
/// government or capital (actor when it acts, else place), a place, or a national adjective.
fn name_mention(
    kb: &'static KnowledgeBase,
    doc: &Document,
    folded: &[String],
    tokens: Range<TokenId>,
    refs: &[EntryRef],
    date: Option<NaiveDate>,
) -> Option<Mention> {
    let surface = doc.slice(span_of(doc, tokens.clone())).to_string();
    let head = tokens.end - 1;
    let mut m = Mention {
        span: span_of(doc, tokens.clone()),
        tokens: tokens.clone(),
        head,
        kind: MentionKind::Actor,
        via: MentionVia::Name,
        code: None,
        country: None,
        sector: None,
        name: None,
        kb_id: None,
        place: None,
        antecedent: None,
        person: false,
        plural: false,
    };
    let pick = |k: EntityKind, named: bool| {
        refs.iter()
            .find(|r| r.kind == k && (!named || matches!(r.via, Via::Name | Via::Alias)))
    };
    // Places named by the surface, a capital first, then by population.
    let mut places = kb.place(&surface);
    places.sort_by_key(|p| std::cmp::Reverse(is_capital(kb, p)));
    let place = places.first().copied();
    let place_info = |p: &eventwire_kb::Place| PlaceInfo {
        name: p.name.clone(),
        country: Some(p.country.clone()).filter(|c| !c.is_empty() && c != "-"),
        lat: p.lat,
        lon: p.lon,
    };
    let as_place = |mut m: Mention, p: &eventwire_kb::Place| {
        m.kind = MentionKind::Place;
        m.code = None;
        m.sector = None;
        m.country = Some(p.country.clone()).filter(|c| !c.is_empty() && c != "-");
        m.name = Some(p.name.clone());
        m.kb_id = Some(p.kb_id.clone());
        m.place = Some(place_info(p));
        m
    };
    if let Some(r) = pick(EntityKind::Organization, true) {
        if let Entity::Organization(o) = kb.entity(*r) {
            m.code = kb.resolve_organization(&o.kb_id, date).map(str::to_string);
            m.country = o.country.clone();
            m.sector = m.code.as_deref().and_then(sector_of);
            m.name = Some(o.name.clone());
            m.kb_id = Some(o.kb_id.clone());
            m.plural = folded[head as usize].ends_with('s');
            // A city that also names an organisation ("Brussels" for the EU) acts as it only
            // when it acts; otherwise it is the city.
            return Some(match place {
                Some(p) if !acts(doc, folded, &tokens, false) => as_place(m, p),
                _ => m,
            });
        }
    }
    let named_country = pick(EntityKind::Country, true);
    if named_country.is_none() {
        if let Some(r) = refs
            .iter()
            .find(|r| r.kind == EntityKind::Country && r.via == Via::Demonym)
        {
            if let Entity::Country(c) = kb.entity(*r) {
                m.via = MentionVia::Demonym;
                m.code = Some(c.code.clone());
                m.country = Some(c.code.clone());
                m.name = Some(c.name.clone());
                m.kb_id = Some(format!("country:{}", c.code));
                // "Ukrainian children": the people noun after it heads the mention.
                let next = tokens.end as usize;
                if next < folded.len()
                    && word_class(&folded[next], WordClass::People)
                    && same_sentence(doc, tokens.start, next as TokenId)
                {
                    m.tokens.end = next as TokenId + 1;
                    m.span = span_of(doc, m.tokens.clone());
                    m.head = next as TokenId;
                    m.plural = true;
                    m.sector = Some("CVL".into());
                } else {
                    m.plural = surface.ends_with('s');
                    // "thousands of Nigerians", "young Algerians": people of a country, not
                    // the state ("the Russians" may still be the state's side).
                    let the = tokens.start > 0 && folded[tokens.start as usize - 1] == "the";
                    let noun = doc.syntax.as_ref().is_some_and(|syn| {
                        matches!(syn.upos[tokens.end as usize - 1], "NOUN" | "PROPN")
                    });
                    if m.plural && noun && !the {
                        m.sector = Some("CVL".into());
                    }
                }
                if m.sector.is_some() {
                    m.code = Some(format!("{}CVL", c.code));
                }
                return Some(m);
            }
        }
    }
    if let Some(r) = named_country {
        if let Entity::Country(c) = kb.entity(*r) {
            m.code = Some(c.code.clone());
            m.country = Some(c.code.clone());
            m.name = Some(c.name.clone());
            m.kb_id = Some(format!("country:{}", c.code));
            m.place = kb.place(&c.name).first().map(|p| place_info(p));
            // "a US national", "UK citizens": the country's name as a national adjective.
            let next = tokens.end as usize;
            if next < folded.len()
                && word_class(&folded[next], WordClass::People)
                && same_sentence(doc, tokens.start, next as TokenId)
                && doc.syntax.as_ref().is_none_or(|syn| {
                    matches!(
                        syn.deprel[tokens.end as usize - 1].as_str(),
                        "compound" | "amod"
                    )
                })
            {
                m.via = MentionVia::Demonym;
                m.tokens.end = next as TokenId + 1;
                m.span = span_of(doc, m.tokens.clone());
                m.head = next as TokenId;
                m.plural = folded[next].ends_with('s');
                m.place = None;
                return Some(m);
            }
            if !acts(doc, folded, &tokens, true) {
                m.kind = MentionKind::Place;
            }
            return Some(m);
        }
    }
    if let Some((country, sector)) = kb.metonym(&surface) {
        // A seat of government ("the Kremlin") acts unless a preposition places it; a capital
        // ("Beijing") acts only when it acts.
        let city = places.iter().copied().find(|p| p.country == country);
        m.country = Some(country.to_string());
        m.name = Some(city.map_or_else(|| surface.clone(), |p| p.name.clone()));
        m.kb_id = city.map(|p| p.kb_id.clone());
        m.place = city.map(place_info);
        if acts(doc, folded, &tokens, city.is_none()) {
            m.via = MentionVia::Metonym;
            m.code = Some(format!("{country}{sector}"));
            m.sector = Some(sector.to_string());
        } else {
            m.kind = MentionKind::Place;
        }
        return Some(m);
    }
    place.map(|p| as_place(m, p))
}

fn same_sentence(doc: &Document, a: TokenId, b: TokenId) -> bool {
    doc.sentences
        .iter()
        .any(|s| s.tokens.contains(&a) && s.tokens.contains(&b))
}

/// Does the name at `tokens` act (subject, possessor, agent) rather than name a place?
/// `seat_default`: seats of government ("the Kremlin") act unless placed by a preposition.
fn acts(doc: &Document, folded: &[String], tokens: &Range<TokenId>, seat_default: bool) -> bool {
    let next = folded.get(tokens.end as usize).map(String::as_str);
    if matches!(next, Some("'s" | "'")) {
        return true;
    }
    let mut p = tokens.start as usize;
    if p > 0 && folded[p - 1] == "the" {
        p -= 1;
    }
    let prev = (p > 0).then(|| folded[p - 1].as_str());
    if let Some(syn) = &doc.syntax {
        let h = tokens.end as usize - 1;
        let rel = syn.deprel[h].split(':').next().unwrap_or("");
        let rel = if rel == "conj" || rel == "appos" {
            syn.head[h].map_or("", |g| {
                syn.deprel[g as usize].split(':').next().unwrap_or("")
            })
        } else {
            rel
        };
        return match rel {
            "nsubj" | "nmod:poss" | "csubj" => true,
            "obl" | "nmod" => {
                // Place after a locative preposition or "to"/"from" of a motion word.
                let case = (tokens.start..tokens.end)
                    .next()
                    .and_then(|_| case_of(doc, h as TokenId));
                match case.as_deref() {
                    Some(c) if word_class(c, WordClass::Locative) => false,
                    Some("to" | "from") => !governed_by_motion(doc, h as TokenId),
                    Some(_) => true,
                    None => seat_default,
                }
            }
            "obj" => !governed_by_motion(doc, h as TokenId),
            "compound" | "amod" => true,
            _ => seat_default,
        };
    }
    match prev {
        Some(w) if word_class(w, WordClass::Locative) => false,
        Some("to" | "from") => {
            let before = (p >= 2).then(|| folded[p - 2].as_str());
            !before.is_some_and(|w| {
                word_class(w, WordClass::Motion)
                    || word_class(
                        w.trim_end_matches("ed").trim_end_matches('s'),
                        WordClass::Motion,
                    )
            })
        }
        _ => {
            seat_default
                || next.is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_lowercase)
                        && !word_class(w, WordClass::Locative)
                })
        }
    }
}

fn case_of(doc: &Document, t: TokenId) -> Option<String> {
    let syn = doc.syntax.as_ref()?;
    let s = doc.sentences.iter().find(|s| s.tokens.contains(&t))?;
    s.tokens
        .clone()
        .find(|&c| syn.head[c as usize] == Some(t) && syn.deprel[c as usize] == "case")
        .map(|c| folded_key(doc.tokens.norm(c)))
}

fn governed_by_motion(doc: &Document, t: TokenId) -> bool {
    let Some(syn) = &doc.syntax else { return false };
    let Some(h) = syn.head[t as usize] else {
        return false;
    };
    word_class(&syn.lemma[h as usize].to_lowercase(), WordClass::Motion)
}

/// Step 5: coreference. Surnames, role descriptions and pronouns get an antecedent and take
/// over its resolution.
fn link(kb: &'static KnowledgeBase, doc: &Document, mentions: &mut [Mention]) {
    let sentence_of = |t: TokenId| doc.sentences.partition_point(|s| s.tokens.end <= t);
    for k in 0..mentions.len() {
        let m = mentions[k].clone();
        let sk = sentence_of(m.head);
        match m.via {
            MentionVia::Surname | MentionVia::Name if m.person => {
                if let Some(j) =
                    (0..k).find(|&j| mentions[j].kb_id.is_some() && mentions[j].kb_id == m.kb_id)
                {
                    mentions[k].antecedent = Some(j as u32);
                }
            }
            MentionVia::Role if !m.plural && m.kb_id.is_none() && is_definite(doc, &m) => {
                // "the Chinese president", "his Russian counterpart", "the Nato secretary general".
                let Some(code) = m.code.clone() else { continue };
                let role_word = folded_key(doc.tokens.norm(m.head));
                let candidate = (0..k).rev().find(|&j| {
                    let c = &mentions[j];
                    c.person
                        && c.code.as_deref() == Some(code.as_str())
                        && sentence_of(c.head) + 8 >= sk
                        && c.kb_id
                            .as_deref()
                            .is_some_and(|id| holds_office(kb, id, doc.date, &role_word))
                });
                if let Some(j) = candidate {
                    let a = mentions[j].clone();
                    let root = a.antecedent.map_or(j as u32, |r| r);
                    let mm = &mut mentions[k];
                    mm.antecedent = Some(root);
                    mm.name = a.name;
                    mm.kb_id = a.kb_id;
                    mm.person = true;
                } else if m.person && is_definite(doc, &m) {
                    if let Some(p) = office_holder(kb, &code, doc.date, doc.slice(m.span)) {
                        let mm = &mut mentions[k];
                        mm.name = Some(p.name.clone());
                        mm.kb_id = Some(p.kb_id.clone());
                    }
                }
            }
            MentionVia::Pronoun => {
                let word = m.name.as_deref().unwrap_or("");
                // "the group" refers back to an organisation or armed group, "the country" to a
                // country (or a government or person standing for it: its country).
                let noun = folded_key(doc.tokens.norm(m.head));
                let anaphor = match noun.as_str() {
                    "country" | "nation" => Some(true),
                    n if definite_anaphor(n).is_some() => Some(false),
                    _ => None,
                };
                let gender = match word {
                    "he" => Some(Gender::Male),
                    "she" => Some(Gender::Female),
                    _ => None,
                };
                // A non-reflexive object never refers to its own clause's subject ("HRW accused
                // the group", "Xi praised him").
                let clause_mate = |c: &Mention| {
                    doc.syntax.as_ref().is_some_and(|syn| {
                        let (h, ch) = (m.head as usize, c.head as usize);
                        !syn.deprel[h].starts_with("nsubj")
                            && syn.deprel[h] != "nmod:poss"
                            && syn.deprel[ch].starts_with("nsubj")
                            && syn.head[h].is_some()
                            && syn.head[h] == syn.head[ch]
                    })
                };
                let fits = |c: &Mention| -> bool {
                    if c.tokens.end > m.tokens.start {
                        return false;
                    }
                    if anaphor == Some(true) {
                        return c
                            .country
                            .as_deref()
                            .is_some_and(|cc| kb.country(cc).is_some())
                            && !c.kb_id.as_deref().is_some_and(|id| id.starts_with("org:"));
                    }
                    if c.kind != MentionKind::Actor || c.code.is_none() || clause_mate(c) {
                        return false;
                    }
                    if anaphor == Some(false) {
                        return !c.person
                            && !c
                                .kb_id
                                .as_deref()
                                .is_some_and(|id| id.starts_with("country:"))
                            && !c.code.as_deref().is_some_and(|code| code.ends_with("GOV"))
                            && !matches!(c.via, MentionVia::Metonym | MentionVia::Demonym);
                    }
                    match word {
                        "he" | "she" => {
                            c.person
                                && c.kb_id
                                    .as_deref()
                                    .and_then(|id| kb.person(id))
                                    .and_then(|p| p.gender)
                                    .is_none_or(|g| Some(g) == gender)
                        }
                        "it" => !c.person && !c.plural,
                        _ => !c.person || c.plural,
                    }
                };
                // In the pronoun's own sentence: the nearest subject before it, else the nearest
                // fitting mention; in an earlier sentence: its last subject, else its first
                // fitting mention (news subjects come first).
                let is_subject = |c: &Mention| {
                    doc.syntax
                        .as_ref()
                        .is_some_and(|syn| syn.deprel[c.head as usize].starts_with("nsubj"))
                };
                let mut chosen = None;
                for back in 0..3 {
                    let Some(s) = sk.checked_sub(back) else { break };
                    let in_s: Vec<usize> = (0..k)
                        .filter(|&j| {
                            sentence_of(mentions[j].head) == s
                                && fits(&mentions[j])
                                && !inside(&mentions[j], &m)
                        })
                        .collect();
                    let subject = in_s.iter().rev().find(|&&j| is_subject(&mentions[j]));
                    let fallback = if back == 0 { in_s.last() } else { in_s.first() };
                    if let Some(&j) = subject.or(fallback) {
                        chosen = Some(j);
                        break;
                    }
                }
                if let Some(j) = chosen.filter(|_| anaphor == Some(true)) {
                    let a = mentions[j].clone();
                    let country = a.country.as_deref().and_then(|c| kb.country(c));
                    if let Some(c) = country {
                        let mm = &mut mentions[k];
                        mm.antecedent = Some(j as u32);
                        mm.code = Some(c.code.clone());
                        mm.country = Some(c.code.clone());
                        mm.name = Some(c.name.clone());
                        mm.kb_id = Some(format!("country:{}", c.code));
                    }
                } else if let Some(j) = chosen {
                    let a = mentions[j].clone();
                    let mm = &mut mentions[k];
                    mm.antecedent = Some(j as u32);
                    mm.code = a.code;
                    mm.country = a.country;
                    mm.sector = a.sector;
                    mm.name = a.name;
                    mm.kb_id = a.kb_id;
                    mm.person = a.person;
                }
            }
            _ => {}
        }
    }
}

/// "Syria ... its troops", "the rebels and their commanders": a role noun without a country
/// right after a possessive pronoun belongs to the pronoun's antecedent: an organisation's own
/// code, else the antecedent's country with the role's sector.
fn possessed_roles(kb: &'static KnowledgeBase, doc: &Document, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (prev, m) = (&mentions[k - 1], &mentions[k]);
        if m.via != MentionVia::Role
            || m.code.is_some()
            || prev.via != MentionVia::Pronoun
            || prev.tokens.end != m.tokens.start
            || !matches!(
                folded_key(doc.tokens.norm(prev.head)).as_str(),
                "its" | "their" | "his" | "her"
            )
        {
            continue;
        }
        let Some(sector) = m.sector.clone() else {
            continue;
        };
        let org = prev
            .kb_id
            .as_deref()
            .is_some_and(|id| id.starts_with("org:"));
        let code = match (&prev.code, &prev.country) {
            (Some(c), _) if org => Some(c.clone()),
            (Some(_), Some(country)) if kb.country(country).is_some() => {
                Some(format!("{country}{sector}"))
            }
            _ => None,
        };
        if let Some(code) = code {
            let country = prev.country.clone();
            let mm = &mut mentions[k];
            mm.code = Some(code);
            mm.country = country;
        }
    }
}

/// Does the person hold, on `date`, an office named by `role_word` ("president",
/// "secretary")? Head-of-state words ("leader", "counterpart", "chief") match any top office.
fn holds_office(
    kb: &'static KnowledgeBase,
    kb_id: &str,
    date: Option<NaiveDate>,
    role_word: &str,
) -> bool {
    let Some(person) = kb.person(kb_id) else {
        return false;
    };
    let word = role_word.trim_end_matches('s');
    let top = [
        "president",
        "prime minister",
        "chancellor",
        "king",
        "queen",
        "emir",
        "leader",
        "secretary general",
        "secretary-general",
        "director general",
        "director-general",
        "chair",
    ];
    person
        .tenures
        .iter()
        .filter(|t| date.is_none_or(|d| t.contains(d)))
        .any(|t| {
            let office = folded_key(&t.office);
            if office.contains("vice") || office.contains("deputy") {
                return false;
            }
            if matches!(word, "leader" | "counterpart" | "chief" | "head") {
                top.iter().any(|w| office.contains(w))
            } else {
                office.contains(word)
            }
        })
}

fn inside(a: &Mention, b: &Mention) -> bool {
    a.tokens.start <= b.tokens.start && b.tokens.end <= a.tokens.end
}

/// A singular role mention introduced by "the" or a possessive ("the Chinese president",
/// "his Russian counterpart").
fn is_definite(doc: &Document, m: &Mention) -> bool {
    let t = m.tokens.start as usize;
    let first = folded_key(doc.tokens.norm(m.tokens.start));
    let prev = (t > 0).then(|| folded_key(doc.tokens.norm(t as TokenId - 1)));
    matches!(first.as_str(), "the" | "his" | "her" | "their" | "its")
        || matches!(
            prev.as_deref(),
            Some("the" | "his" | "her" | "their" | "its")
        )
}

/// The one person holding an office with `code` on `date` whose office matches the role
/// words of `description` ("president", "leader", "counterpart" → head of state or government).
fn office_holder(
    kb: &'static KnowledgeBase,
    code: &str,
    date: Option<NaiveDate>,
    description: &str,
) -> Option<&'static Person> {
    let date = date?;
    let d = folded_key(description);
    let head_words = [
        "president",
        "prime minister",
        "chancellor",
        "king",
        "queen",
        "emir",
        "supreme leader",
    ];
    let wants: Vec<&str> =
        if d.contains("leader") || d.contains("counterpart") || d.contains("head of state") {
            head_words.to_vec()
        } else {
            head_words
                .iter()
                .copied()
                .filter(|w| d.contains(w))
                .chain(
                    [
                        "foreign minister",
                        "secretary general",
                        "secretary-general",
                        "defence minister",
                        "defense minister",
                        "secretary of state",
                    ]
                    .into_iter()
                    .filter(|w| d.contains(w)),
                )
                .collect()
        };
    if wants.is_empty() {
        return None;
    }
    for w in wants {
        let holders: Vec<&Person> = kb
            .people()
            .iter()
            .filter(|p| {
                p.tenures.iter().any(|t| {
                    t.code == code && t.contains(date) && {
                        let office = folded_key(&t.office);
                        office.contains(w) && !office.contains("vice") && !office.contains("deputy")
                    }
                })
            })
            .collect();
        if let [one] = holders.as_slice() {
            return Some(*one);
        }
    }
    let _ = date.year();
    None
}
