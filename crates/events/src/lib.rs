//! The events stage: CAMEO and PLOVER events from the dependency tree, with factuality,
//! attribution, date and place.
//!
//! Reads tokens, sentences, the syntax layer, time expressions and mentions; returns the
//! document's [`Event`]s in text order. The lexicon ([`Lexicon`]) is data: verbal and nominal
//! triggers with argument frames, word classes, embedding words and code maps under
//! `data/lexicon/`. See [`coder`] for how events are found and [`qualify`] for how they are
//! qualified.

pub mod coder;
pub mod lexicon;
pub mod petrarch;
pub mod qualify;
pub mod tree;

pub use coder::{ActorRef, Candidate};
use eventwire_document::{Document, SentenceFlags, TokenId};
pub use lexicon::{EmbedKind, Lexicon, LexiconError, Rule};
pub use qualify::{EventDate, Factuality};

/// One coded event mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Sentence index.
    pub sentence: usize,
    /// The trigger token.
    pub trigger: TokenId,
    /// CAMEO code.
    pub cameo: String,
    /// Source actor.
    pub source: Option<ActorRef>,
    /// Target actor.
    pub target: Option<ActorRef>,
    /// Factuality.
    pub factuality: Factuality,
    /// Speaker mention and reporting cue token.
    pub attribution: Option<(usize, TokenId)>,
    /// Date.
    pub date: Option<EventDate>,
    /// Place mention.
    pub location: Option<usize>,
    /// `headline`, `caption`, `quote`, `background`.
    pub flags: Vec<&'static str>,
    /// Index (in the returned list) of an earlier mention of the same event.
    pub same_as: Option<usize>,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The lexicon row that fired.
    pub rule: String,
}

/// Code the events of `doc` (which must have been through the syntax and mentions stages;
/// without a syntax layer there are no events).
pub fn code(doc: &Document, lex: &Lexicon) -> Vec<Event> {
    let Some(tree) = tree::Tree::new(doc) else {
        return Vec::new();
    };
    let owner = mention_owner(doc);
    let candidates = coder::find_events(&tree, lex, &owner);
    let mut events: Vec<Event> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let recoded = c.embedded_as.is_some();
        let s = &doc.sentences[c.sentence];
        let background = !recoded && is_background(&tree, c.trigger);
        let mut flags = Vec::new();
        if s.flags.contains(SentenceFlags::HEADLINE) {
            flags.push("headline");
        }
        if s.flags.contains(SentenceFlags::CAPTION) {
            flags.push("caption");
        }
        if in_quote(doc, c.sentence, c.trigger) {
            flags.push("quote");
        }
        if background {
            flags.push("background");
        }
        let factuality = qualify::factuality(&tree, lex, c.trigger, c.anchor, recoded);
        let attribution = qualify::attribution(&tree, lex, &owner, c.anchor).filter(|(m, _)| {
            // A speaker is not the source of their own statement's attribution.
            c.source.as_ref().is_none_or(|s| s.mention != *m) || recoded
        });
        let date = qualify::date(&tree, c.trigger, c.anchor, background);
        let location = qualify::location(&tree, &owner, c.trigger, c.anchor);
        let named = |a: &Option<ActorRef>| {
            a.as_ref()
                .is_some_and(|a| doc.mentions[a.mention].kb_id.is_some())
        };
        let confidence = (0.45
            + 0.05 * c.specificity.min(3) as f64
            + if named(&c.source) { 0.15 } else { 0.0 }
            + if named(&c.target) { 0.15 } else { 0.0 })
        .min(0.95);
        let same_as = events.iter().position(|e| {
            e.cameo.get(..2) == c.cameo.get(..2)
                && e.source.as_ref().map(|a| &a.code) == c.source.as_ref().map(|a| &a.code)
                && e.target.as_ref().map(|a| &a.code) == c.target.as_ref().map(|a| &a.code)
                && e.sentence != c.sentence
        });
        events.push(Event {
            sentence: c.sentence,
            trigger: c.trigger,
            cameo: c.cameo,
            source: c.source,
            target: c.target,
            factuality,
            attribution,
            date,
            location,
            flags,
            same_as,
            confidence: (confidence * 100.0).round() / 100.0,
            rule: c.rule,
        });
    }
    inherit_speaker_locations(&tree, lex, &owner, &mut events);
    events
}

/// A person's statements in neighbouring sentences share the place where the text says they
/// spoke ("…, Mr Stoltenberg told reporters in Brussels"): an event without a place whose
/// source or speaker is that person takes it.
fn inherit_speaker_locations(
    tree: &tree::Tree<'_>,
    lex: &Lexicon,
    owner: &[Option<usize>],
    events: &mut [Event],
) {
    let doc = tree.doc;
    // (sentence, person kb_id, place mention) of reporting verbs with a place.
    let mut spoke: Vec<(usize, String, usize)> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        for r in s.tokens.clone() {
            if tree.upos(r) != "VERB"
                || lex.embedding(&tree.lemma(r).to_lowercase()) != Some(EmbedKind::Report)
            {
                continue;
            }
            let Some(person) = tree
                .subject(r)
                .and_then(|x| owner[x as usize])
                .and_then(|m| doc.mentions[m].kb_id.clone())
            else {
                continue;
            };
            if !person.starts_with("person:") {
                continue;
            }
            if let Some(place) = qualify::location(tree, owner, r, r) {
                spoke.push((si, person, place));
            }
        }
    }
    for e in events.iter_mut().filter(|e| e.location.is_none()) {
        let who: Vec<&str> = [
            e.source.as_ref().map(|a| a.mention),
            e.attribution.map(|(m, _)| m),
        ]
        .into_iter()
        .flatten()
        .filter_map(|m| doc.mentions[m].kb_id.as_deref())
        .collect();
        e.location = spoke
            .iter()
            .filter(|(si, person, _)| {
                si.abs_diff(e.sentence) <= 2 && who.contains(&person.as_str())
            })
            .min_by_key(|(si, _, _)| si.abs_diff(e.sentence))
            .map(|&(_, _, place)| place);
    }
}

/// For every token, the mention that owns it: the mention it heads, else the innermost
/// mention containing it.
pub fn mention_owner(doc: &Document) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; doc.tokens.len()];
    for (i, m) in doc.mentions.iter().enumerate() {
        for t in m.tokens.clone() {
            let slot = &mut owner[t as usize];
            let replace = match slot {
                None => true,
                Some(j) => {
                    let cur = &doc.mentions[*j];
                    cur.head != t && (m.head == t || cur.tokens.len() > m.tokens.len())
                }
            };
            if replace {
                *slot = Some(i);
            }
        }
    }
    owner
}

/// Background: a nominal event without a date of its own ("Russia's invasion of Ukraine") or
/// a past-perfect clause.
fn is_background(tree: &tree::Tree<'_>, trigger: TokenId) -> bool {
    tree.upos(trigger) == "NOUN"
        && !tree
            .doc
            .timexes
            .iter()
            .any(|x| x.tokens.clone().any(|t| tree.head(t) == Some(trigger)))
}

/// True when the trigger sits between quotation marks within its sentence.
fn in_quote(doc: &Document, sentence: usize, trigger: TokenId) -> bool {
    let s = &doc.sentences[sentence];
    let quotes = (s.tokens.start..trigger)
        .filter(|&t| doc.tokens.norm(t) == "\"")
        .count();
    quotes % 2 == 1
}
