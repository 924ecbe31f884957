//! Tag repairs: where English grammar rules out the greedy tagger's choice, the right tag is
//! fixed and the sentence tagged again around it (so the words after it see the repaired tag),
//! before parsing.
//!
//! Each rule is a fact about English, not about particular sentences:
//!
//! * a bare infinitive (VB) right after a singular noun that "a"/"an" opens, with no object
//!   after it, is a singular noun ("issued an arrest warrant for …") — unless a causative,
//!   perception or modal verb before the noun phrase takes a bare infinitive ("let the army
//!   withdraw");
//! * a word written only with digits (and separators) is a number ("up to 2,500 protesters");
//! * after a modal verb (optionally past an adverb) comes a verb: "must hand over" is not a
//!   noun "hand";
//! * an "-ing" word used only as an adjective ("neighboring", "warring", "outgoing") before a
//!   noun is an adjective ("from neighboring Lebanon");
//! * a capitalized sentence-opening word the training data never saw, followed by a verb, a
//!   name, or a phrase and then a finite verb, is a name ("Zambia extradited …", "Angola on
//!   Monday denounced …"), not an adverb or a verb;
//! * a declarative sentence has a finite verb: when the tagger found none outside a closing
//!   "…, officials said", the "-ed" word after the subject is a past tense ("Serbia eased
//!   emergency measures"), or a plural noun before "to" a present tense ("Greece, like other
//!   members, plans to …");
//! * after a verb that takes only an infinitive ("threatened to", "offered to", "vowed to"),
//!   "to" is the infinitive marker and the word after it a verb: "offered to hand over", not a
//!   noun "hand";
//! * the clause after a demand ("demanded that the United States match …", "its demand that
//!   Israel ease restrictions") has a verb, in the base form (the mandative subjunctive).

use crate::tagger::{Lexical, Tagger};

/// Label ids of the tags the rules assign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RepairTags {
    nn: u16,
    nnp: u16,
    jj: u16,
    cd: u16,
    vb: u16,
    vbd: u16,
    vbz: u16,
    to: u16,
}

impl RepairTags {
    /// Finds the labels in `labels`; `None` if the tag set lacks one (a toy model).
    pub(crate) fn new(labels: &[(String, String)]) -> Option<RepairTags> {
        let id = |u: &str, x: &str| {
            labels
                .iter()
                .position(|(a, b)| a == u && b == x)
                .map(|p| p as u16)
        };
        Some(RepairTags {
            nn: id("NOUN", "NN")?,
            nnp: id("PROPN", "NNP")?,
            jj: id("ADJ", "JJ")?,
            cd: id("NUM", "CD")?,
            vb: id("VERB", "VB")?,
            vbd: id("VERB", "VBD")?,
            vbz: id("VERB", "VBZ")?,
            to: id("PART", "TO")?,
        })
    }
}

/// One sentence being repaired.
pub(crate) struct Sentence<'a> {
    pub(crate) tagger: &'a Tagger,
    pub(crate) ids: &'a RepairTags,
    pub(crate) forms: &'a [&'a str],
    pub(crate) lex: &'a [Lexical],
    pub(crate) tags: &'a [u16],
    pub(crate) first: &'a [u16],
}

const MODALS: [&str; 12] = [
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll", "wo", "ca",
];

/// Subordinators and relative words: a finite verb after one may belong to a subordinate
/// clause.
const OPENERS: [&str; 16] = [
    "that", "which", "who", "whom", "whose", "where", "when", "while", "if", "because", "although",
    "though", "after", "before", "since", "until",
];

/// Verbs of the closing attribution ("…, officials said").
const REPORTING: [&str; 14] = [
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "told",
    "added",
    "announced",
    "stated",
    "claimed",
    "quoted",
    "wrote",
    "confirmed",
    "noted",
];

/// Verbs that take "to" only as an infinitive marker, never as a preposition ("agree to",
/// "commit to" take noun phrases too); inflected forms are matched by these stems.
const INFINITIVE_TAKERS: [&str; 22] = [
    "threaten", "vow", "pledg", "promis", "decid", "refus", "plann", "want", "tried", "try",
    "tries", "seek", "sought", "hope", "hoping", "fail", "intend", "offer", "attempt", "swore",
    "sworn", "vote",
];

/// "-ing" words used only as adjectives before a noun.
const ING_ADJECTIVES: [&str; 7] = [
    "neighboring",
    "neighbouring",
    "warring",
    "outgoing",
    "incoming",
    "ongoing",
    "ruling",
];

/// Words whose "that"-clause states what someone is to do.
const MANDATIVE: [&str; 14] = [
    "demand",
    "insist",
    "urge",
    "request",
    "requir",
    "recommend",
    "propos",
    "suggest",
    "ask",
    "order",
    "stipulat",
    "essential",
    "imperative",
    "vital",
];

impl Sentence<'_> {
    fn xpos(&self, i: usize) -> &str {
        &self.tagger.labels[self.tags[i] as usize].1
    }

    fn lower(&self, i: usize) -> String {
        self.forms[i].to_lowercase()
    }

    fn nominal(&self, i: usize) -> bool {
        matches!(self.xpos(i), "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "CD")
    }

    fn finite(&self, i: usize) -> bool {
        matches!(self.xpos(i), "VBD" | "VBZ" | "VBP" | "MD")
    }

    fn verb(&self, i: usize) -> bool {
        self.xpos(i).starts_with("VB") || self.xpos(i) == "MD"
    }

    fn opener(&self, i: usize) -> bool {
        matches!(self.xpos(i), "WDT" | "WP" | "WP$" | "WRB")
            || OPENERS.contains(&self.lower(i).as_str())
    }

    /// The tagger's preference for `tag` over the current tag of word `i` (score difference).
    fn preference(&self, i: usize, tag: u16, feats: &mut Vec<u64>, scores: &mut Vec<f32>) -> f32 {
        self.tagger
            .scores_at(self.lex, self.tags, self.first, i, feats, scores);
        scores[tag as usize] - scores[self.tags[i] as usize]
    }

    /// All repairs: `(word, tag)` pairs for words whose tag is to change.
    pub(crate) fn repairs(&self, feats: &mut Vec<u64>, scores: &mut Vec<f32>) -> Vec<(usize, u16)> {
        let mut out = Vec::new();
        self.indefinite_noun(&mut out);
        self.numbers(&mut out);
        self.after_modal(&mut out);
        self.ing_adjective(&mut out);
        self.opening_name(&mut out);
        self.missing_finite_verb(&mut out);
        self.mandative(&mut out, feats, scores);
        self.infinitive_after_intent(&mut out);
        out.retain(|&(i, t)| self.tags[i] != t);
        out.sort_unstable();
        out.dedup_by_key(|p| p.0);
        out
    }

    fn indefinite_noun(&self, out: &mut Vec<(usize, u16)>) {
        let n = self.forms.len();
        for i in 2..n {
            if self.xpos(i) != "VB" || self.xpos(i - 1) != "NN" {
                continue;
            }
            // A verb here would take an object or complement right after it.
            if i + 1 < n
                && matches!(
                    self.lower(i + 1).as_str(),
                    "a" | "an"
                        | "the"
                        | "you"
                        | "me"
                        | "him"
                        | "her"
                        | "them"
                        | "us"
                        | "it"
                        | "that"
                        | "this"
                        | "not"
                )
            {
                continue;
            }
            // Walk left over adjectives and nouns to the determiner opening the phrase.
            let mut j = i - 1;
            while j > 0 && matches!(self.xpos(j - 1), "JJ" | "NN" | "NNS" | "CD") {
                j -= 1;
            }
            // An indefinite singular article: "an arrest warrant", never "a lot ask".
            if j == 0 || !matches!(self.lower(j - 1).as_str(), "a" | "an") {
                continue;
            }
            let causative = (0..j - 1).rev().take(4).any(|k| {
                matches!(
                    self.lower(k).as_str(),
                    "let"
                        | "lets"
                        | "make"
                        | "makes"
                        | "made"
                        | "making"
                        | "help"
                        | "helps"
                        | "helped"
                        | "see"
                        | "saw"
                        | "seen"
                        | "watch"
                        | "watched"
                        | "hear"
                        | "heard"
                        | "have"
                        | "has"
                        | "had"
                        | "bid"
                        | "would"
                        | "will"
                        | "can"
                        | "could"
                        | "should"
                        | "must"
                        | "may"
                        | "might"
                        | "to"
                        | "did"
                        | "do"
                        | "does"
                )
            });
            if !causative {
                out.push((i, self.ids.nn));
            }
        }
    }

    fn numbers(&self, out: &mut Vec<(usize, u16)>) {
        for (i, f) in self.forms.iter().enumerate() {
            let digits = f.chars().next().is_some_and(|c| c.is_ascii_digit())
                && f.chars().last().is_some_and(|c| c.is_ascii_digit())
                && f.chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
            // Only a tag of another open class is wrong for certain ("13,000/VB"); a table cell
            // the tagger took for a noun is left to the parser as it is.
            if digits && matches!(self.xpos(i).get(..2), Some("VB" | "JJ" | "RB")) {
                out.push((i, self.ids.cd));
            }
        }
    }

    fn after_modal(&self, out: &mut Vec<(usize, u16)>) {
        let n = self.forms.len();
        for i in 0..n {
            if self.xpos(i) != "MD" || !MODALS.contains(&self.lower(i).as_str()) {
                continue;
            }
            // Only a modal after its subject: in a question ("can anyone use …") the noun after
            // it is the subject; after a determiner ("the will") it is itself a noun.
            let subject_before = i > 0
                && matches!(
                    self.xpos(i - 1),
                    "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "WP" | "WDT" | "EX"
                );
            if !subject_before {
                continue;
            }
            let mut j = i + 1;
            while j < n && j <= i + 2 && self.xpos(j) == "RB" {
                j += 1;
            }
            if j < n
                && self.xpos(j) == "NN"
                && self.forms[j].chars().all(|c| c.is_ascii_lowercase())
            {
                out.push((j, self.ids.vb));
            }
        }
    }

    /// An "-ing" word that English uses only as an adjective before a noun ("neighboring
    /// Lebanon", "the warring factions", "the outgoing president") is no verb taking an object.
    fn ing_adjective(&self, out: &mut Vec<(usize, u16)>) {
        for i in 0..self.forms.len().saturating_sub(1) {
            if ING_ADJECTIVES.contains(&self.lower(i).as_str())
                && matches!(self.xpos(i + 1), "NN" | "NNS" | "NNP" | "NNPS" | "JJ")
            {
                out.push((i, self.ids.jj));
            }
        }
    }

    fn opening_name(&self, out: &mut Vec<(usize, u16)>) {
        let n = self.forms.len();
        let Some(i) = (0..n).find(|&i| !matches!(self.xpos(i), "-LRB-" | "``" | "''" | "NFP"))
        else {
            return;
        };
        let f = self.forms[i];
        let lower = self.lower(i);
        if i + 1 >= n
            || f.chars().count() < 3
            || !f.chars().next().is_some_and(char::is_uppercase)
            || !f.chars().all(char::is_alphabetic)
            || !f.chars().any(char::is_lowercase)
            || lower.ends_with("ly")
            || lower.ends_with("ed")
            || self.tagger.knows(&self.lex[i])
            || !matches!(
                self.xpos(i),
                "RB" | "VB"
                    | "VBP"
                    | "VBZ"
                    | "VBD"
                    | "VBN"
                    | "DT"
                    | "IN"
                    | "UH"
                    | "PRP"
                    | "MD"
                    | "GW"
                    | "FW"
                    | "ADD"
                    | "LS"
            )
        {
            return;
        }
        let next = self.xpos(i + 1);
        // "Angola on Monday denounced …": a phrase between the name and its finite verb.
        let subject_of_later_verb = next == "IN"
            && (i + 2..n.min(i + 8))
                .find(|&k| self.verb(k))
                .is_some_and(|k| self.finite(k));
        if self.verb(i + 1) || matches!(next, "NNP" | "NNPS") || subject_of_later_verb {
            out.push((i, self.ids.nnp));
        } else if matches!(next, "NN" | "NNS") {
            let nationality = ["ese", "ian", "ean", "ish", "an", "i"]
                .iter()
                .any(|s| lower.ends_with(s));
            out.push((
                i,
                if nationality {
                    self.ids.jj
                } else {
                    self.ids.nnp
                },
            ));
        }
    }

    /// A closing attribution's verb: ", <noun phrase> said …" with no verb after it.
    fn closing_report(&self, v: usize) -> bool {
        if !REPORTING.contains(&self.lower(v).as_str()) {
            return false;
        }
        let Some(comma) = (0..v).rev().find(|&k| {
            !matches!(
                self.xpos(k),
                "DT" | "JJ"
                    | "JJR"
                    | "JJS"
                    | "NN"
                    | "NNS"
                    | "NNP"
                    | "NNPS"
                    | "CD"
                    | "POS"
                    | "PRP"
                    | "PRP$"
                    | "HYPH"
                    | "RB"
                    | "VBN"
                    | "IN"
            )
        }) else {
            return false;
        };
        self.forms[comma] == "," && (v + 1..self.forms.len()).all(|k| !self.verb(k))
    }

    fn missing_finite_verb(&self, out: &mut Vec<(usize, u16)>) {
        let n = self.forms.len();
        // A finite verb of the main clause: none before it opens a subordinate clause.
        let mut opened = false;
        for i in 0..n {
            if self.opener(i) {
                opened = true;
            }
            if !opened && self.finite(i) && !self.closing_report(i) {
                return;
            }
        }
        // "With the comments added to …": a sentence opening with a preposition and no comma
        // is a phrase, not a clause.
        let opening_phrase = self.xpos(0) == "IN";
        // A prenominal participle after a determiner, adjective or comma ("like most other
        // existing members") is an adjective, not a verb opening a clause.
        let prenominal = |k: usize| {
            self.xpos(k) == "VBG"
                && k > 0
                && matches!(
                    self.xpos(k - 1),
                    "DT" | "JJ" | "JJS" | "JJR" | "PRP$" | "," | "IN"
                )
                && k + 1 < n
                && matches!(self.xpos(k + 1), "NN" | "NNS" | "NNP" | "NNPS")
        };
        let mut candidates: Vec<(usize, u16)> = Vec::new();
        for c in 1..n.saturating_sub(1) {
            // A subordinate clause or a non-finite verb before it ("getting my phone upgraded")
            // makes the word part of that clause.
            if self.opener(c - 1)
                || matches!(self.xpos(c - 1), "VB" | "TO")
                || (self.xpos(c - 1) == "VBG" && !prenominal(c - 1))
            {
                break;
            }
            if opening_phrase && !(1..c).any(|k| self.forms[k] == ",") {
                continue;
            }
            let f = self.forms[c];
            if !f.chars().all(|ch| ch.is_ascii_lowercase()) {
                continue;
            }
            let subject = |k: usize| self.nominal(k) && self.xpos(k) != "CD";
            let after_subject =
                subject(c - 1) || (self.xpos(c - 1) == "RB" && c >= 2 && subject(c - 2));
            // "Greece, like other members, plans to …": a plural noun before an infinitive
            // marker right after the subject or its commas is a present tense.
            if self.xpos(c) == "NNS"
                && f.ends_with('s')
                && self.xpos(c + 1) == "TO"
                && (after_subject || self.forms[c - 1] == ",")
            {
                candidates.push((c, self.ids.vbz));
                continue;
            }
            if !matches!(self.xpos(c), "VBN" | "JJ" | "NN")
                || f.len() < 5
                || !f.ends_with("ed")
                || f.ends_with("eed")
            {
                continue;
            }
            let continues = !self.verb(c + 1)
                && matches!(
                    self.xpos(c + 1),
                    "DT" | "CD"
                        | "PRP$"
                        | "PRP"
                        | "NN"
                        | "NNS"
                        | "NNP"
                        | "NNPS"
                        | "JJ"
                        | "JJR"
                        | "JJS"
                        | "IN"
                        | "RB"
                        | "RP"
                        | "TO"
                        | "PDT"
                        | "$"
                );
            if after_subject && continues {
                candidates.push((c, self.ids.vbd));
            }
        }
        // Of several candidates the first is the verb when an object follows it ("shortened by
        // an hour the curfew imposed in …"); one followed only by prepositional phrases is a
        // reduced relative in the subject ("troops deployed in the region attacked …").
        let object_between = |a: usize, b: usize| {
            (a + 1..b).any(|k| {
                let np_start = matches!(
                    self.xpos(k),
                    "DT" | "PDT" | "PRP$" | "CD" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "PRP"
                );
                np_start
                    && (k == a + 1
                        || (matches!(self.xpos(k), "DT" | "PDT" | "PRP$")
                            && !matches!(self.xpos(k - 1), "IN" | "TO")))
            })
        };
        let mut chosen = None;
        for &(c, tag) in &candidates {
            match chosen {
                Some((prev, _)) if object_between(prev, c) => break,
                _ => chosen = Some((c, tag)),
            }
        }
        if let Some(fix) = chosen {
            out.push(fix);
        }
    }

    fn infinitive_after_intent(&self, out: &mut Vec<(usize, u16)>) {
        let n = self.forms.len();
        for i in 1..n.saturating_sub(1) {
            if self.lower(i) != "to" || !self.verb(i - 1) {
                continue;
            }
            let v = self.lower(i - 1);
            if !INFINITIVE_TAKERS.iter().any(|s| v.starts_with(s)) {
                continue;
            }
            let w = i + 1;
            if matches!(self.xpos(w), "NN" | "JJ" | "VBP")
                && self.forms[w].chars().all(|c| c.is_ascii_lowercase())
            {
                out.push((i, self.ids.to));
                out.push((w, self.ids.vb));
            }
        }
    }

    fn mandative(&self, out: &mut Vec<(usize, u16)>, feats: &mut Vec<u64>, scores: &mut Vec<f32>) {
        let n = self.forms.len();
        for i in 1..n {
            if self.lower(i) != "that" {
                continue;
            }
            let demand = (i.saturating_sub(3)..i).any(|k| {
                let w = self.lower(k);
                MANDATIVE.iter().any(|m| w.starts_with(m))
            });
            if !demand {
                continue;
            }
            let end = (i + 1..n)
                .find(|&k| matches!(self.xpos(k), "," | ":" | "." | "``" | "''" | "-LRB-" | "CC"))
                .unwrap_or(n);
            // The clause's verb may follow an inserted phrase ("that the anthem, 'O Canada',
            // could still be sung"): any verb before the sentence ends, other than a closing
            // "…, officials said", is it.
            let sentence_end = (i + 1..n)
                .find(|&k| matches!(self.xpos(k), "." | ":") || self.forms[k] == ";")
                .unwrap_or(n);
            if end <= i + 2
                || (i + 1..sentence_end).any(|k| self.verb(k) && !self.closing_report(k))
            {
                continue;
            }
            let mut best: Option<(f32, usize)> = None;
            for k in i + 2..end {
                if !matches!(self.xpos(k), "NN" | "JJ" | "PDT" | "VBP")
                    || !self.forms[k].chars().all(|c| c.is_ascii_lowercase())
                {
                    continue;
                }
                let p = self.preference(k, self.ids.vb, feats, scores);
                if best.is_none_or(|(b, _)| p > b) {
                    best = Some((p, k));
                }
            }
            if let Some((_, k)) = best {
                out.push((k, self.ids.vb));
            }
        }
    }
}
