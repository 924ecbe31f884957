//! Qualifiers of an event: factuality, attribution, date and place.
//!
//! All four read the clause the event sits in and the clauses above it (the chain of heads
//! from the event's anchor up to the sentence root), nearest first:
//! - **factuality** from cues on that chain: negation, modals, hedges ("appears", "signs"),
//!   evidentials ("no proof that"), conditionals, future and intention, fears;
//! - **attribution** from the nearest reporting word above the event (its subject is the
//!   speaker), a reporting clause in parataxis ("…, Nato chief says"), or "according to";
//! - **date** from the nearest time expression attached to the chain, else the publication
//!   date with basis `publication` for events told as news (not past perfect, not background);
//! - **place** from the nearest place mention attached to the chain by a locative preposition,
//!   or the destination of a visit.

use crate::lexicon::{EmbedKind, Lexicon};
use crate::tree::Tree;
use eventwire_document::{MentionKind, TimexKind, TokenId};

/// How certain the text is that an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Factuality {
    /// Stated as having happened or happening.
    Asserted,
    /// Stated as not happening.
    Negated,
    /// Signs, appearances, beliefs, likelihood.
    Probable,
    /// May, might, could, fears that.
    Possible,
    /// A source explicitly has no proof either way.
    Unconfirmed,
    /// Planned, promised, intended, scheduled, will.
    Future,
    /// Conditional or counterfactual.
    Hypothetical,
}

impl Factuality {
    /// The label used in event records.
    pub fn as_str(self) -> &'static str {
        match self {
            Factuality::Asserted => "asserted",
            Factuality::Negated => "negated",
            Factuality::Probable => "probable",
            Factuality::Possible => "possible",
            Factuality::Unconfirmed => "unconfirmed",
            Factuality::Future => "future",
            Factuality::Hypothetical => "hypothetical",
        }
    }

    /// A score on the factuality literature's scale: +3 happened … -3 did not.
    pub fn score(self) -> f32 {
        match self {
            Factuality::Asserted => 3.0,
            Factuality::Probable => 1.5,
            Factuality::Future => 1.0,
            Factuality::Possible => 0.75,
            Factuality::Unconfirmed => 0.0,
            Factuality::Hypothetical => 0.0,
            Factuality::Negated => -3.0,
        }
    }
}

const PROBABLE_WORDS: &[&str] = &[
    "appear",
    "seem",
    "likely",
    "probably",
    "sign",
    "indication",
    "believe",
    "believed",
    "reportedly",
    "apparently",
    "allegedly",
    "suspect",
    "suspected",
    "expect",
    "evidence",
    "suggest",
    "presumably",
    "indicate",
];
/// Words whose complement the subject says did not happen ("deny providing sanctuary").
const DENIAL_WORDS: &[&str] = &["deny", "refute", "dismiss", "reject"];
const POSSIBLE_WORDS: &[&str] = &[
    "fear", "possible", "possibly", "perhaps", "maybe", "risk", "concern", "worry",
];
const UNCONFIRMED_NOUNS: &[&str] = &["proof", "evidence", "confirmation", "indication", "sign"];
const FUTURE_WORDS: &[&str] = &[
    "plan", "intend", "prepare", "schedule", "expect", "aim", "promise", "pledge", "vow",
    "threaten", "offer", "propose", "seek", "want", "hope", "agree", "decide", "set", "due",
    "going", "suppose", "supposed",
];

/// Factuality of an event anchored at `anchor` (the trigger, or the embedding word of a
/// recoded event) whose trigger is `trigger`.
pub fn factuality(
    tree: &Tree<'_>,
    lex: &Lexicon,
    trigger: TokenId,
    anchor: TokenId,
    recoded: bool,
) -> Factuality {
    let t = tree;
    // A nominal event is presupposed by its noun phrase ("Russia's invasion of Ukraine"): the
    // modality of the clause around it does not apply; only its own modifiers do.
    if !recoded && t.upos(trigger) == "NOUN" {
        for &c in t.children(trigger) {
            match (t.rel(c), t.lemma(c).to_lowercase().as_str()) {
                ("det", "no") => return Factuality::Negated,
                (
                    "amod",
                    "possible" | "potential" | "alleged" | "suspected" | "rumored" | "rumoured",
                ) => return Factuality::Possible,
                (
                    "amod",
                    "planned" | "proposed" | "upcoming" | "future" | "scheduled" | "expected"
                    | "impending",
                ) => return Factuality::Future,
                ("amod", "likely" | "probable" | "apparent") => return Factuality::Probable,
                _ => {}
            }
        }
        // "… unless the president arranged a ceasefire": a noun in a conditional clause is
        // no more than the condition.
        let clause = t
            .ancestors(trigger)
            .into_iter()
            .find(|&a| t.upos(a) == "VERB");
        if clause.is_some_and(|v| {
            t.children(v)
                .iter()
                .any(|&c| t.rel(c) == "mark" && matches!(t.lower(c), "if" | "unless"))
        }) {
            return Factuality::Hypothetical;
        }
        return Factuality::Asserted;
    }
    // The chain: the anchor and every head above it, stopping at a reporting verb (what the
    // speaker says is judged by the words under the speaker) except for evidential nouns.
    let mut chain = vec![anchor];
    if !recoded && trigger != anchor {
        chain.insert(0, trigger);
    }
    chain.extend(clause_ancestors(t, anchor));
    let mut result: Option<Factuality> = None;
    let set = |f: Factuality, result: &mut Option<Factuality>| {
        if result.is_none() {
            *result = Some(f);
        }
    };
    for (i, &p) in chain.iter().enumerate() {
        let lemma = t.lemma(p).to_lowercase();
        let negated = t.is_negated(p);
        // Evidential nouns: "no proof that X", "we haven't seen any proof that X".
        if i > 0 && UNCONFIRMED_NOUNS.contains(&lemma.as_str()) {
            let governing_negated = negated
                || t.head(p).is_some_and(|h| {
                    t.children(h)
                        .iter()
                        .any(|&c| matches!(t.lower(c), "not" | "n't" | "never"))
                });
            if governing_negated {
                set(Factuality::Unconfirmed, &mut result);
                break;
            }
            set(Factuality::Probable, &mut result);
            break;
        }
        if negated && (i == 0 || is_transparent(t, lex, p)) {
            set(Factuality::Negated, &mut result);
        }
        // Evidence named before the event ("‘Signs’ Putin has requested …").
        if i == 0 {
            let start = t.sentence_span(p).map_or(p, |s| s.start);
            for c in start..p {
                let lemma = t.lemma(c).to_lowercase();
                if t.upos(c) != "VERB"
                    && UNCONFIRMED_NOUNS.contains(&lemma.as_str())
                    && t.dominates(p, c)
                    && !t
                        .ancestors(c)
                        .iter()
                        .take_while(|&&a| a != p)
                        .any(|&a| t.upos(a) == "VERB")
                {
                    set(Factuality::Probable, &mut result);
                }
            }
        }
        for &c in t.children(p) {
            let w = t.lower(c);
            match t.rel(c) {
                "aux" => match w {
                    "may" | "might" | "could" | "can" => set(Factuality::Possible, &mut result),
                    "will" | "shall" | "'ll" | "would" | "wo" => set(
                        if i == 0 && w == "would" && has_if(t, p) {
                            Factuality::Hypothetical
                        } else {
                            Factuality::Future
                        },
                        &mut result,
                    ),
                    "should" | "must" => set(Factuality::Hypothetical, &mut result),
                    _ => {}
                },
                "mark" if w == "if" || w == "unless" => set(Factuality::Hypothetical, &mut result),
                "advmod" if PROBABLE_WORDS.contains(&w) => set(Factuality::Probable, &mut result),
                "advmod" if POSSIBLE_WORDS.contains(&w) => set(Factuality::Possible, &mut result),
                _ => {}
            }
        }
        if i > 0
            && DENIAL_WORDS.contains(&lemma.as_str())
            && matches!(t.deprel(chain[i - 1]), "xcomp" | "ccomp" | "obj" | "advcl")
        {
            set(Factuality::Negated, &mut result);
        }
        if i > 0 {
            if PROBABLE_WORDS.contains(&lemma.as_str()) {
                set(Factuality::Probable, &mut result);
            } else if POSSIBLE_WORDS.contains(&lemma.as_str()) {
                set(Factuality::Possible, &mut result);
            } else if FUTURE_WORDS.contains(&lemma.as_str()) && !recoded {
                set(Factuality::Future, &mut result);
            }
        }
        if result.is_some() {
            break;
        }
        // Above a reporting verb the speaker's own certainty no longer applies.
        if i > 0 && lex.embedding(&lemma) == Some(EmbedKind::Report) {
            break;
        }
    }
    result.unwrap_or(Factuality::Asserted)
}

/// Factuality of any predicate (for the annotation view and the factuality corpora).
pub fn predicate_factuality(tree: &Tree<'_>, lex: &Lexicon, p: TokenId) -> Factuality {
    factuality(tree, lex, p, p, false)
}

/// The heads above `t` whose modality reaches it: climbing stops above a relative clause, an
/// adverbial clause, a clause in parataxis or an apposition ("as Xi discussed …" is not under
/// "appears"), which carry their own.
pub fn clause_ancestors(t: &Tree<'_>, tok: TokenId) -> Vec<TokenId> {
    let mut out = Vec::new();
    let mut cur = tok;
    while let Some(h) = t.head(cur) {
        if out.len() > 32
            || matches!(
                t.deprel(cur),
                "acl:relcl" | "advcl" | "parataxis" | "appos" | "list" | "discourse" | "vocative"
            )
        {
            break;
        }
        out.push(h);
        cur = h;
    }
    out
}

fn has_if(t: &Tree<'_>, p: TokenId) -> bool {
    t.children(p)
        .iter()
        .any(|&c| t.rel(c) == "advcl" && t.children(c).iter().any(|&m| t.lower(m) == "if"))
}

/// Raising and reporting words pass a negation down ("has not been able to draw").
fn is_transparent(t: &Tree<'_>, lex: &Lexicon, p: TokenId) -> bool {
    matches!(
        lex.embedding(&t.lemma(p).to_lowercase()),
        Some(EmbedKind::Raising)
    ) || matches!(t.lemma(p), "able" | "manage" | "try")
}

/// Who the text says claims the event: the speaker mention and the cue token.
pub fn attribution(
    tree: &Tree<'_>,
    lex: &Lexicon,
    owner: &[Option<usize>],
    anchor: TokenId,
) -> Option<(usize, TokenId)> {
    let t = tree;
    // The writer narrates adverbial and relative clauses ("…, Stoltenberg warned as Xi
    // discussed …"): a speaker above them does not claim them.
    let mut chain = vec![anchor];
    chain.extend(clause_ancestors(t, anchor));
    for (i, &p) in chain.iter().enumerate() {
        // "according to X" on the clause.
        if let Some(a) = t
            .children(p)
            .iter()
            .copied()
            .find(|&c| t.case(c).as_deref() == Some("according to"))
        {
            if let Some(m) = speaker(t, owner, a) {
                return Some((m, a));
            }
        }
        // A reporting verb in parataxis ("…, Nato chief says").
        for &c in t.children(p) {
            if t.rel(c) == "parataxis"
                && lex.embedding(&t.lemma(c).to_lowercase()) == Some(EmbedKind::Report)
            {
                if let Some(m) = t.subject(c).and_then(|s| speaker(t, owner, s)) {
                    return Some((m, c));
                }
            }
        }
        if i == 0 {
            continue;
        }
        let lemma = t.lemma(p).to_lowercase();
        if matches!(
            lex.embedding(&lemma),
            Some(EmbedKind::Report | EmbedKind::Demand)
        ) {
            // A reporting noun ("fears that", "signs that") speaks for the subject of its verb.
            let holder = if t.upos(p) == "NOUN" {
                t.children(p)
                    .iter()
                    .copied()
                    .find(|&c| t.deprel(c) == "nmod:poss")
                    .or_else(|| t.head(p).and_then(|h| t.subject(h)))
            } else {
                t.subject(p)
            };
            if let Some(m) = holder.and_then(|s| speaker(t, owner, s)) {
                return Some((m, p));
            }
        }
    }
    trailing_reporter(t, lex, owner, anchor)
}

/// News puts the speaker after the content: "<content>, Nato chief Jens Stoltenberg warned",
/// "“…,” Mr Stoltenberg told reporters". When the tree does not make the content a complement
/// of the reporting verb, a reporting verb later in the sentence, after a comma or a closing
/// quote, that does not itself govern the event, names the speaker.
fn trailing_reporter(
    t: &Tree<'_>,
    lex: &Lexicon,
    owner: &[Option<usize>],
    anchor: TokenId,
) -> Option<(usize, TokenId)> {
    let doc = t.doc;
    let s = doc.sentences.iter().find(|s| s.tokens.contains(&anchor))?;
    for r in anchor + 1..s.tokens.end {
        if t.upos(r) != "VERB"
            || lex.embedding(&t.lemma(r).to_lowercase()) != Some(EmbedKind::Report)
        {
            continue;
        }
        if t.dominates(r, anchor)
            || t.dominates(anchor, r)
                && !matches!(t.deprel(r), "acl:relcl" | "parataxis" | "conj" | "ccomp")
        {
            continue;
        }
        let subj = t.subject(r)?;
        // A comma or closing quote between the content and the reporting clause.
        let from = subj.min(r);
        let separated = (anchor..from)
            .rev()
            .take(4)
            .any(|k| matches!(doc.tokens.norm(k), "," | "\""));
        if !separated {
            continue;
        }
        if let Some(m) = speaker(t, owner, subj) {
            return Some((m, r));
        }
    }
    None
}

/// The actor mention a speaker token stands for: its own mention, else one naming it through a
/// modifier ("Nato chief": the chief of NATO).
fn speaker(t: &Tree<'_>, owner: &[Option<usize>], tok: TokenId) -> Option<usize> {
    let usable = |m: usize| {
        let mention = &t.doc.mentions[m];
        mention.code.is_some() && mention.kind == MentionKind::Actor
    };
    if let Some(m) = owner[tok as usize].filter(|&m| usable(m)) {
        return Some(m);
    }
    t.children(tok)
        .iter()
        .copied()
        .filter(|&c| matches!(t.deprel(c), "compound" | "amod" | "nmod:poss"))
        .find_map(|c| owner[c as usize].filter(|&m| usable(m)))
}

/// The date of an event: the value, the timex it came from, and the basis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub value: String,
    /// Index of the time expression in the document, when one anchored the date.
    pub timex: Option<usize>,
    /// `explicit`, `relative` or `publication`.
    pub basis: &'static str,
}

/// The trigger, the anchor (when it differs) and every head above the anchor: where an
/// event's date and place are looked for, nearest first.
fn event_chain(t: &Tree<'_>, trigger: TokenId, anchor: TokenId) -> Vec<TokenId> {
    let mut chain = vec![trigger];
    if anchor != trigger {
        chain.push(anchor);
    }
    chain.extend(t.ancestors(anchor));
    chain
}

/// The date of an event anchored at `anchor` with trigger `trigger`.
pub fn date(
    tree: &Tree<'_>,
    trigger: TokenId,
    anchor: TokenId,
    background: bool,
) -> Option<EventDate> {
    let t = tree;
    let doc = t.doc;
    let chain = event_chain(t, trigger, anchor);
    for &p in &chain {
        for (k, x) in doc.timexes.iter().enumerate() {
            if !matches!(x.kind, TimexKind::Date | TimexKind::Time) {
                continue;
            }
            // The timex's own head: the token of the span whose head lies outside it.
            let attached = x
                .tokens
                .clone()
                .find_map(|tok| t.head(tok).filter(|h| !x.tokens.contains(h)));
            // A time hung on the subject ("Guterres on Thursday urged …") is the clause's.
            let on_subject = attached.is_some_and(|a| t.head(a) == Some(p) && t.rel(a) == "nsubj");
            if attached == Some(p) || on_subject {
                if let Some(d) = timex_date(doc, k) {
                    return Some(d);
                }
            }
        }
    }
    // A fronted time adverbial ("Last month, as Mr Xi prepared …, the US aired fears …")
    // dates the whole sentence.
    if let Some(s) = doc.sentences.iter().find(|s| s.tokens.contains(&trigger)) {
        let fronted = doc.timexes.iter().position(|x| {
            x.tokens.start == s.tokens.start
                && matches!(x.kind, TimexKind::Date)
                && doc.tokens.norm(x.tokens.end) == ","
        });
        if let Some(d) = fronted.and_then(|k| timex_date(doc, k)) {
            return Some(d);
        }
    }
    // A nominal event's own phrase may carry its date ("a visit to Kyiv on Tuesday").
    if t.upos(trigger) == "NOUN" {
        if let Some(d) = phrase_timex(t, trigger).and_then(|k| timex_date(doc, k)) {
            return Some(d);
        }
    }
    let pub_date = doc.date?;
    let past_perfect = chain.iter().take(2).any(|&p| {
        t.xpos(p) == "VBN"
            && t.children(p)
                .iter()
                .any(|&c| t.rel(c) == "aux" && t.lemma(c) == "have" && t.xpos(c) == "VBD")
    });
    if background || past_perfect {
        return None;
    }
    Some(EventDate {
        value: pub_date.format("%Y-%m-%d").to_string(),
        timex: None,
        basis: "publication",
    })
}

/// The event date a time expression gives, when its value is a calendar date.
fn timex_date(doc: &eventwire_document::Document, k: usize) -> Option<EventDate> {
    let x = &doc.timexes[k];
    let value = x.value.as_deref().and_then(record_date)?;
    let basis = if x.basis == eventwire_document::TimexBasis::Explicit {
        "explicit"
    } else {
        "relative"
    };
    Some(EventDate {
        value,
        timex: Some(k),
        basis,
    })
}

/// A dated time expression inside the noun phrase of `noun` (its dependents and theirs, not
/// crossing into a clause).
pub fn phrase_timex(t: &Tree<'_>, noun: TokenId) -> Option<usize> {
    let doc = t.doc;
    doc.timexes.iter().position(|x| {
        matches!(x.kind, TimexKind::Date | TimexKind::Time)
            && x.value.as_deref().and_then(record_date).is_some()
            && x.tokens.clone().any(|tok| {
                let mut cur = tok;
                for _ in 0..4 {
                    let Some(h) = t.head(cur) else { return false };
                    if h == noun {
                        return true;
                    }
                    if matches!(t.upos(h), "VERB" | "AUX") {
                        return false;
                    }
                    cur = h;
                }
                false
            })
    })
}

/// A TIMEX3 value as a record date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); ISO weeks become their
/// month, times their day; references and durations give nothing.
pub fn record_date(value: &str) -> Option<String> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if !digits(0..4) {
        return None;
    }
    if b.len() >= 10 && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        return Some(value[..10].to_string());
    }
    if b.len() >= 7 && b[4] == b'-' && digits(5..7) {
        return Some(value[..7].to_string());
    }
    if b.len() >= 8 && &value[4..6] == "-W" && digits(6..8) {
        let year: i32 = value[..4].parse().ok()?;
        let week: u32 = value[6..8].parse().ok()?;
        let thursday = chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Thu)?;
        return Some(thursday.format("%Y-%m").to_string());
    }
    if b.len() == 4 || (b.len() > 4 && b[4] == b'-') {
        return Some(value[..4].to_string());
    }
    None
}

/// The place of an event: a place mention attached to the event's clause chain by a
/// locative preposition, or the destination of a visit.
pub fn location(
    tree: &Tree<'_>,
    owner: &[Option<usize>],
    trigger: TokenId,
    anchor: TokenId,
) -> Option<usize> {
    let t = tree;
    let doc = t.doc;
    let chain = event_chain(t, trigger, anchor);
    for &p in &chain {
        // Direct dependents first, then dependents of dependents (a place inside "a trip to
        // Moscow", "neutral territory in the Sea of Japan").
        let mut frontier: Vec<TokenId> = t.children(p).to_vec();
        for _ in 0..3 {
            let mut best: Option<usize> = None;
            let mut next = Vec::new();
            for &c in &frontier {
                if let Some(m) = owner[c as usize] {
                    let mention = &doc.mentions[m];
                    let case = t.case(c).unwrap_or_default();
                    let governor = t
                        .head(c)
                        .map(|h| t.lemma(h).to_lowercase())
                        .unwrap_or_default();
                    // A destination inside the event's own phrase counts too: "a visit by
                    // the prime minister to Kyiv" hangs "to Kyiv" on the visitor.
                    let is_motion = |w: &str| {
                        matches!(
                            w,
                            "visit"
                                | "trip"
                                | "head"
                                | "travel"
                                | "fly"
                                | "arrive"
                                | "journey"
                                | "tour"
                                | "go"
                                | "come"
                                | "return"
                        )
                    };
                    let motion = is_motion(governor.as_str())
                        || (p == trigger && is_motion(&t.lemma(trigger).to_lowercase()));
                    let locative = matches!(
                        case.as_str(),
                        "in" | "at"
                            | "near"
                            | "inside"
                            | "outside"
                            | "over"
                            | "across"
                            | "off"
                            | "around"
                    ) || (matches!(case.as_str(), "to" | "into") && motion);
                    let visited =
                        t.deprel(c) == "obj" && matches!(governor.as_str(), "visit" | "tour");
                    if (locative || visited)
                        && mention.place.is_some()
                        && (mention.kind == MentionKind::Place || locative)
                    {
                        best = best.or(Some(m));
                    }
                }
                if !matches!(t.upos(c), "VERB" | "AUX") {
                    next.extend_from_slice(t.children(c));
                }
            }
            if best.is_some() {
                return best;
            }
            frontier = next;
            if frontier.is_empty() {
                break;
            }
        }
        // Do not leave the clause of a reporting verb for its speaker's location: stop at
        // finite verbs above the first.
        if p != trigger && p != anchor && t.upos(p) == "VERB" && t.rel(p) == "root" {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_values_become_record_dates() {
        assert_eq!(record_date("2023-03-17").as_deref(), Some("2023-03-17"));
        assert_eq!(record_date("2023-03-20TNI").as_deref(), Some("2023-03-20"));
        assert_eq!(record_date("2023-02").as_deref(), Some("2023-02"));
        assert_eq!(record_date("2023-W11").as_deref(), Some("2023-03"));
        assert_eq!(record_date("2022-SP").as_deref(), Some("2022"));
        assert_eq!(record_date("2019").as_deref(), Some("2019"));
        assert_eq!(record_date("PRESENT_REF"), None);
        assert_eq!(record_date("P3D"), None);
    }
}
