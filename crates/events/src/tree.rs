//! Reading the dependency tree: children, relations, case markers, subjects and objects with
//! passives, control and relative clauses resolved.
//!
//! The tree is the parser's, with a few repairs of attachments English grammar rules out (see
//! [`Tree::new`]): they change only the coder's view, not the document's syntax layer.

use eventwire_document::{Document, Syntax, TokenId};

/// The dependency trees of a document with child lists, built once per document.
pub struct Tree<'d> {
    /// The document.
    pub doc: &'d Document,
    syn: &'d Syntax,
    head: Vec<Option<TokenId>>,
    deprel: Vec<String>,
    children: Vec<Vec<TokenId>>,
    lower: Vec<String>,
}

impl<'d> Tree<'d> {
    /// Index the syntax layer of `doc`; `None` when the document has no syntax layer.
    ///
    /// Attachments grammar rules out are repaired first (see [`repair`]): a day or date the
    /// parser made an object or subject is a temporal modifier ("threatened Monday to resume");
    /// a quantity modifier before a number ("up to 16 advisers", "more than 1,000 refugees")
    /// leaves its noun the verb's object.
    pub fn new(doc: &'d Document) -> Option<Tree<'d>> {
        let syn = doc.syntax.as_ref()?;
        let n = doc.tokens.len();
        if syn.head.len() != n || syn.deprel.len() != n {
            return None;
        }
        let lower = (0..n as TokenId)
            .map(|t| doc.tokens.norm(t).to_lowercase())
            .collect();
        let mut tree = Tree {
            doc,
            syn,
            head: syn.head.clone(),
            deprel: syn.deprel.clone(),
            children: Vec::new(),
            lower,
        };
        tree.index_children();
        if repair(&mut tree) {
            tree.index_children();
        }
        Some(tree)
    }

    fn index_children(&mut self) {
        let mut children = vec![Vec::new(); self.head.len()];
        for (t, h) in self.head.iter().enumerate() {
            if let Some(h) = h {
                if let Some(c) = children.get_mut(*h as usize) {
                    c.push(t as TokenId);
                }
            }
        }
        self.children = children;
    }

    /// Reattach `t` to `head` with relation `rel` (the child lists are rebuilt by the caller).
    pub(crate) fn set(&mut self, t: TokenId, head: Option<TokenId>, rel: &str) {
        // Never make a token its own ancestor.
        if let Some(h) = head {
            if h == t || self.dominates(t, h) {
                return;
            }
        }
        self.head[t as usize] = head;
        self.deprel[t as usize] = rel.to_string();
    }

    /// Relabel `t` keeping its head.
    pub(crate) fn relabel(&mut self, t: TokenId, rel: &str) {
        self.deprel[t as usize] = rel.to_string();
    }

    /// Number of tokens in the document.
    pub fn len(&self) -> usize {
        self.head.len()
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.head.is_empty()
    }

    /// Lower-cased lemma.
    pub fn lemma(&self, t: TokenId) -> &str {
        &self.syn.lemma[t as usize]
    }

    /// Lower-cased normalized form.
    pub fn lower(&self, t: TokenId) -> &str {
        &self.lower[t as usize]
    }

    /// Universal POS.
    pub fn upos(&self, t: TokenId) -> &str {
        self.syn.upos[t as usize]
    }

    /// Penn tag.
    pub fn xpos(&self, t: TokenId) -> &str {
        &self.syn.xpos[t as usize]
    }

    /// Full relation ("nsubj:pass").
    pub fn deprel(&self, t: TokenId) -> &str {
        &self.deprel[t as usize]
    }

    /// Relation without subtype ("nsubj").
    pub fn rel(&self, t: TokenId) -> &str {
        let d = self.deprel(t);
        d.split(':').next().unwrap_or(d)
    }

    /// Head, `None` at a root.
    pub fn head(&self, t: TokenId) -> Option<TokenId> {
        self.head[t as usize]
    }

    /// Dependents in text order.
    pub fn children(&self, t: TokenId) -> &[TokenId] {
        &self.children[t as usize]
    }

    /// First dependent with relation `rel` (full label or base label).
    pub fn child(&self, t: TokenId, rel: &str) -> Option<TokenId> {
        self.children(t)
            .iter()
            .copied()
            .find(|&c| self.deprel(c) == rel || (!rel.contains(':') && self.rel(c) == rel))
    }

    /// The preposition (case marker) of a nominal, lower-cased; two-word markers such as
    /// "according to" and "because of" are joined.
    pub fn case(&self, t: TokenId) -> Option<String> {
        let cases: Vec<TokenId> = self
            .children(t)
            .iter()
            .copied()
            .filter(|&c| self.rel(c) == "case" && self.upos(c) != "PART")
            .collect();
        match cases.as_slice() {
            [] => None,
            [one] => Some(self.lower(*one).to_string()),
            [first, .., last] => {
                // "according to", "because of": the fixed second word hangs off the first.
                let fixed = self
                    .children(*first)
                    .iter()
                    .find(|&&f| self.rel(f) == "fixed")
                    .map(|&f| self.lower(f).to_string());
                Some(match fixed {
                    Some(f) => format!("{} {}", self.lower(*first), f),
                    None => self.lower(*last).to_string(),
                })
            }
        }
        .map(|c| {
            // "according" alone is the first word of "according to".
            if c == "according" {
                "according to".to_string()
            } else {
                c
            }
        })
    }

    /// True for a passive clause ("were sent", "was issued").
    pub fn is_passive(&self, t: TokenId) -> bool {
        self.children(t)
            .iter()
            .any(|&c| matches!(self.deprel(c), "aux:pass" | "nsubj:pass" | "csubj:pass"))
    }

    /// True for relative pronouns ("which", "who", "that" heading nothing).
    pub fn is_relative_pronoun(&self, t: TokenId) -> bool {
        matches!(self.lower(t), "which" | "who" | "whom" | "that")
            && matches!(self.upos(t), "PRON" | "DET" | "SCONJ")
    }

    /// The subject of predicate `p`: the by-agent of a passive; the controller of a
    /// non-finite complement ("prompting Blinken to warn" → Blinken; "agreed to send" → the
    /// subject of "agreed"); the shared subject of a coordinated verb; the antecedent of a
    /// relative pronoun.
    pub fn subject(&self, p: TokenId) -> Option<TokenId> {
        self.subject_depth(p, 0)
    }

    fn subject_depth(&self, p: TokenId, depth: u8) -> Option<TokenId> {
        if depth > 6 {
            return None;
        }
        if self.is_passive(p) {
            if let Some(a) = self.children(p).iter().copied().find(|&c| {
                self.deprel(c) == "obl:agent"
                    || (self.rel(c) == "obl" && self.case(c).as_deref() == Some("by"))
            }) {
                return Some(a);
            }
            return None;
        }
        // "it is willing to withdraw": adjectives of will take a personal subject, so an "it"
        // the parser called an expletive is the subject.
        let agentive = matches!(
            self.lemma(p),
            "ready"
                | "willing"
                | "unwilling"
                | "prepared"
                | "determined"
                | "eager"
                | "keen"
                | "reluctant"
                | "able"
                | "unable"
        );
        if let Some(s) = self.children(p).iter().copied().find(|&c| {
            matches!(self.deprel(c), "nsubj" | "csubj") || agentive && self.deprel(c) == "expl"
        }) {
            if self.is_relative_pronoun(s) {
                return self.relative_antecedent(p).or(Some(s));
            }
            return Some(s);
        }
        let h = self.head(p)?;
        // "since the ICC issued a warrant": a finite clause whose subject the parser hung on
        // the clause above as a "since"/"after"/"before" phrase right before the verb.
        if matches!(self.xpos(p), "VBD" | "VBZ" | "VBP") {
            if let Some(n) = self.children(h).iter().copied().find(|&c| {
                c < p
                    && self.rel(c) == "obl"
                    && matches!(
                        self.case(c).as_deref(),
                        Some("since" | "after" | "before" | "until" | "till" | "as" | "once")
                    )
                    && (c + 1..p).all(|k| self.dominates(c, k) || self.upos(k) == "PUNCT")
            }) {
                return Some(n);
            }
        }
        match self.deprel(p) {
            // "was indicted … and will resign", "was forced to resign": an active verb
            // coordinated with or controlled by a passive one shares its passive subject.
            "conj" | "xcomp" if self.is_passive(h) && !self.is_passive(p) => {
                self.child(h, "nsubj:pass")
            }
            "xcomp" => {
                // Object control ("prompting Blinken to warn", "urged Israel to allow"), else
                // subject control ("agreed to send").
                if let Some(o) = self.child(h, "obj").or_else(|| self.child(h, "iobj")) {
                    return Some(o);
                }
                self.subject_depth(h, depth + 1)
            }
            "conj" => self.subject_depth(h, depth + 1),
            "acl:relcl" | "acl" => Some(h),
            "advcl" if matches!(self.xpos(p), "VBG" | "VBN") => self.subject_depth(h, depth + 1),
            // "prompting Blinken … to warn": an infinitive under an object-control verb has
            // the object as its subject (the parser often calls it an adverbial); under other
            // verbs it is a purpose clause of the subject ("sent troops to protect …").
            "advcl"
                if self
                    .children(p)
                    .iter()
                    .any(|&c| self.rel(c) == "mark" && self.lower(c) == "to") =>
            {
                let object_control = matches!(
                    self.lemma(h),
                    "prompt"
                        | "urge"
                        | "ask"
                        | "demand"
                        | "request"
                        | "beg"
                        | "challenge"
                        | "permit"
                        | "forbid"
                        | "oblige"
                        | "force"
                        | "persuade"
                        | "encourage"
                        | "lead"
                        | "allow"
                        | "order"
                        | "invite"
                        | "tell"
                        | "call"
                        | "press"
                        | "push"
                        | "require"
                        | "pressure"
                        | "compel"
                        | "advise"
                        | "warn"
                        | "instruct"
                        | "authorize"
                        | "enable"
                        | "help"
                );
                match self.child(h, "obj").filter(|_| object_control) {
                    Some(o) => Some(o),
                    None => self.subject_depth(h, depth + 1),
                }
            }
            _ => None,
        }
    }

    /// The noun a relative clause headed by `p` modifies.
    pub fn relative_antecedent(&self, p: TokenId) -> Option<TokenId> {
        if self.deprel(p) != "acl:relcl" {
            return None;
        }
        let h = self.head(p)?;
        // Agreement decides between a singular head and a plural noun inside it: "the
        // relationship between Beijing and Moscow, which have conducted …" is about the two
        // capitals.
        let finite = std::iter::once(p)
            .chain(
                self.children(p)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(self.rel(c), "aux" | "cop")),
            )
            .find(|&x| matches!(self.xpos(x), "VBP" | "VBZ" | "VBD"));
        let plural_verb = finite.is_some_and(|x| {
            self.xpos(x) == "VBP" || matches!(self.lower(x), "were" | "are" | "have")
        });
        let plural = |n: TokenId| {
            matches!(self.xpos(n), "NNS" | "NNPS")
                || self.children(n).iter().any(|&c| self.rel(c) == "conj")
        };
        if plural_verb && !plural(h) {
            if let Some(n) = self
                .children(h)
                .iter()
                .copied()
                .rfind(|&c| self.rel(c) == "nmod" && c < p && plural(c))
            {
                return Some(n);
            }
        }
        Some(h)
    }

    /// The object of predicate `p` (the passive subject in a passive clause).
    pub fn object(&self, p: TokenId) -> Option<TokenId> {
        if self.is_passive(p) {
            return self
                .children(p)
                .iter()
                .copied()
                .find(|&c| self.deprel(c) == "nsubj:pass");
        }
        self.child(p, "obj")
    }

    /// The dependent of `t` introduced by preposition `prep` (an `obl` of a verb, an `nmod` of
    /// a noun).
    pub fn prep(&self, t: TokenId, prep: &str) -> Option<TokenId> {
        self.preps(t, prep).next().or_else(|| {
            // "by" agents of passives are obl:agent.
            (prep == "by").then(|| self.child(t, "obl:agent")).flatten()
        })
    }

    /// Every dependent of `t` introduced by preposition `prep`, in text order ("offered to
    /// hand the suspects over to France": two "to" phrases).
    pub fn preps<'a>(&'a self, t: TokenId, prep: &'a str) -> impl Iterator<Item = TokenId> + 'a {
        self.children(t).iter().copied().filter(move |&c| {
            matches!(self.rel(c), "obl" | "nmod" | "advcl" | "acl")
                && self.deprel(c) != "nmod:poss"
                && self
                    .case(c)
                    .is_some_and(|k| k == prep || k.ends_with(&format!(" {prep}")))
        })
    }

    /// `t` and the tokens coordinated with it ("Xi and Putin" → Xi, Putin).
    pub fn with_conjuncts(&self, t: TokenId) -> Vec<TokenId> {
        let mut out = vec![t];
        let mut k = 0;
        while k < out.len() && out.len() < 8 {
            let x = out[k];
            for &c in self.children(x) {
                if self.rel(c) == "conj" && matches!(self.upos(c), "PROPN" | "NOUN" | "PRON") {
                    out.push(c);
                }
            }
            k += 1;
        }
        out
    }

    /// True when predicate `p` is negated: "not", "n't" or "never" on it, a `neg` dependent,
    /// or a "no" determiner ("no proof").
    pub fn is_negated(&self, p: TokenId) -> bool {
        self.children(p).iter().any(|&c| {
            self.deprel(c) == "advmod" && matches!(self.lower(c), "not" | "n't" | "never")
                || self.rel(c) == "neg"
                || self.rel(c) == "det" && self.lower(c) == "no"
        })
    }

    /// The tokens of the sentence `t` is in.
    pub fn sentence_span(&self, t: TokenId) -> Option<std::ops::Range<TokenId>> {
        self.doc
            .sentences
            .iter()
            .find(|s| s.tokens.contains(&t))
            .map(|s| s.tokens.clone())
    }

    /// True when `a` dominates `t` (or is `t`).
    pub fn dominates(&self, a: TokenId, mut t: TokenId) -> bool {
        for _ in 0..64 {
            if t == a {
                return true;
            }
            match self.head(t) {
                Some(h) => t = h,
                None => return false,
            }
        }
        false
    }

    /// The chain of heads from `t` (exclusive) up to the sentence root.
    pub fn ancestors(&self, t: TokenId) -> Vec<TokenId> {
        let mut out = Vec::new();
        let mut cur = t;
        while let Some(h) = self.head(cur) {
            if out.len() > 64 {
                break;
            }
            out.push(h);
            cur = h;
        }
        out
    }
}

/// Repairs attachments English grammar rules out; true when anything changed.
///
/// 1. A day, month or relative date ("Monday", "yesterday", "last week") that the parser made
///    an object or a post-verbal subject is a temporal modifier: "threatened Monday to
///    resume", "demanded Friday that …", "said Wednesday"; a name the parser made the
///    compound of a date subject ("Iran yesterday seized …") is the subject.
/// 2. A quantity modifier before a number ("up to", "more than", "as many as", "at least")
///    belongs to the number, not to the verb: "kidnapped up to 16 advisers" has the advisers
///    as its object, not a particle "up" and a "to" phrase.
/// 3. A past-tense verb the parser hung on a noun as a bare clausal modifier, with no subject
///    or relative word of its own, is the verb of the noun phrase it follows: "Thousands of
///    protesters marched/VBD in the capital, witnesses said" — an English relative clause has
///    a subject or a relative word, and a reduced one is a participle, never a past tense.
/// 4. A gerund-participle the parser made a complement clause with the noun before it as
///    subject ("blocked the bridge spanning the river") modifies that noun, which is the verb's
///    object: a complement clause with a subject has a finite verb.
/// 6. A closing ", the newspaper reported (Tuesday)." that the parser hung on the last noun as
///    a relative clause is a comment on the whole sentence (parataxis under its root): a
///    relative clause set off by a comma needs a relative word.
/// 7. An indirect object with no direct object or clause after it is the direct object:
///    "allow refugees to return" (English has "gave them aid", "told them that …", but no
///    indirect object alone).
/// 8. A sentence-opening participle the parser made the root, with no subject or object of
///    its own, over a clause whose subject follows it directly ("Newly appointed Prime
///    Minister X has refused …") modifies that subject; the clause is the sentence.
/// 5. A determined noun phrase the parser made an apposition, with no comma or bracket setting
///    it off, after a verb's prepositional phrase is the verb's object moved behind the phrase
///    ("shortened by one hour the nightly curfew"): appositions are set off by punctuation.
pub fn repair(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for step in [
        repair_temporal as fn(&mut Tree<'_>) -> bool,
        repair_quantity,
        repair_bare_finite_modifier,
        repair_gerund_complement,
        repair_shifted_object,
        repair_reporting_tail,
        repair_lone_indirect_object,
        repair_opening_participle,
    ] {
        if step(tree) {
            tree.index_children();
            changed = true;
        }
    }
    changed
}

fn repair_bare_finite_modifier(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for v in 0..tree.len() as TokenId {
        if tree.deprel(v) != "acl"
            || !matches!(tree.xpos(v), "VBD" | "VBZ" | "VBP")
            || tree.children(v).iter().any(|&c| {
                matches!(tree.rel(c), "nsubj" | "mark" | "aux" | "cop" | "expl")
                    || tree.is_relative_pronoun(c)
            })
        {
            continue;
        }
        // The top of the noun phrase the verb hangs in.
        let mut r = match tree.head(v) {
            Some(n) if n < v => n,
            _ => continue,
        };
        while let Some(h) = tree.head(r) {
            if !matches!(tree.upos(h), "NOUN" | "PROPN" | "PRON" | "NUM") || h > v {
                break;
            }
            r = h;
        }
        if !matches!(tree.upos(r), "NOUN" | "PROPN" | "PRON" | "NUM")
            || !matches!(tree.rel(r), "root" | "ccomp" | "parataxis" | "dep")
        {
            continue;
        }
        let (rh, rrel) = (tree.head(r), tree.deprel(r).to_string());
        tree.set(v, None, "root");
        tree.set(r, Some(v), "nsubj");
        tree.set(v, rh, &rrel);
        changed = true;
    }
    changed
}

fn repair_shifted_object(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for x in 0..tree.len() as TokenId {
        if tree.deprel(x) != "appos" || !matches!(tree.upos(x), "NOUN" | "PROPN") {
            continue;
        }
        let Some(y) = tree.head(x) else { continue };
        let Some(v) = tree.head(y) else { continue };
        let determined = tree
            .children(x)
            .iter()
            .any(|&c| c < x && matches!(tree.rel(c), "det" | "nmod:poss"));
        let set_off = (y + 1..x).any(|k| {
            matches!(
                tree.lower(k),
                "," | "(" | "[" | "--" | ":" | ";" | "\u{2014}" | "\u{2013}"
            )
        });
        if y < x
            && determined
            && !set_off
            && tree.rel(y) == "obl"
            && tree.upos(v) == "VERB"
            && y > v
            && !tree.is_passive(v)
            && !tree.children(v).iter().any(|&c| tree.rel(c) == "obj")
        {
            tree.set(x, Some(v), "obj");
            changed = true;
        }
    }
    changed
}

/// Verbs of a closing attribution.
const REPORTING: [&str; 15] = [
    "say", "report", "tell", "announce", "add", "state", "claim", "confirm", "write", "quote",
    "note", "explain", "insist", "disclose", "reveal",
];

fn repair_reporting_tail(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for v in 0..tree.len() as TokenId {
        if !matches!(
            tree.deprel(v),
            "acl:relcl" | "acl" | "advcl:relcl" | "advcl" | "appos" | "conj"
        ) || !matches!(tree.xpos(v), "VBD" | "VBZ" | "VBP")
            || !REPORTING.contains(&tree.lemma(v).to_lowercase().as_str())
        {
            continue;
        }
        let kids = tree.children(v);
        let Some(s) = kids.iter().copied().find(|&c| tree.rel(c) == "nsubj") else {
            continue;
        };
        if s > v
            || tree.is_relative_pronoun(s)
            || kids.iter().any(|&c| {
                matches!(tree.rel(c), "ccomp" | "xcomp" | "mark" | "aux" | "cc")
                    || tree.is_relative_pronoun(c)
            })
        {
            continue;
        }
        // The reporting clause opens right after a comma and closes the sentence.
        let start = (0..v).rev().take_while(|&k| tree.dominates(v, k)).last();
        let Some(start) = start else { continue };
        let after_comma = tree.lower(start) == "," || start > 0 && tree.lower(start - 1) == ",";
        if !after_comma {
            continue;
        }
        let last = v
            + (v + 1..tree.len() as TokenId)
                .take_while(|&k| tree.dominates(v, k))
                .count() as TokenId;
        let Some(end) = tree.sentence_span(v).map(|s| s.end) else {
            continue;
        };
        let closes = (last + 1..end).all(|k| tree.upos(k) == "PUNCT");
        if !closes {
            continue;
        }
        // The root of the sentence.
        let Some(&root) = tree.ancestors(v).last() else {
            continue;
        };
        tree.set(v, Some(root), "parataxis");
        changed = true;
    }
    changed
}

fn repair_lone_indirect_object(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for x in 0..tree.len() as TokenId {
        if tree.deprel(x) != "iobj" {
            continue;
        }
        let Some(h) = tree.head(x) else { continue };
        let second = tree
            .children(h)
            .iter()
            .any(|&c| c != x && matches!(tree.rel(c), "obj" | "ccomp"));
        if !second && tree.upos(h) == "VERB" {
            tree.relabel(x, "obj");
            changed = true;
        }
    }
    changed
}

fn repair_opening_participle(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for r in 0..tree.len() as TokenId {
        if tree.head(r).is_some()
            || !matches!(tree.xpos(r), "VBD" | "VBN")
            || !tree.lower(r).ends_with("ed")
        {
            continue;
        }
        // The first word of its sentence, or after an opening adverb ("Newly appointed").
        let Some(start) = tree.sentence_span(r).map(|s| s.start) else {
            continue;
        };
        if !(r == start || r == start + 1 && tree.xpos(start) == "RB") {
            continue;
        }
        if tree
            .children(r)
            .iter()
            .any(|&c| matches!(tree.rel(c), "nsubj" | "obj" | "aux" | "cop"))
        {
            continue;
        }
        let clause = tree.children(r).iter().copied().find_map(|c| {
            if !matches!(tree.deprel(c), "ccomp" | "parataxis") {
                return None;
            }
            let s =
                tree.children(c).iter().copied().find(|&k| {
                    matches!(tree.deprel(k), "nsubj" | "nsubj:pass") && k > r && k < c
                })?;
            // The subject's phrase starts right after the participle.
            let first = (r + 1..=s).find(|&k| tree.dominates(s, k))?;
            (first == r + 1).then_some((c, s))
        });
        let Some((c, s)) = clause else { continue };
        // What follows the clause (closing punctuation, a reporting clause) belongs to it.
        let later: Vec<TokenId> = tree
            .children(r)
            .iter()
            .copied()
            .filter(|&k| k > c)
            .collect();
        tree.set(c, None, "root");
        tree.set(r, Some(s), "amod");
        for k in later {
            let rel = tree.deprel(k).to_string();
            tree.set(k, Some(c), &rel);
        }
        changed = true;
    }
    changed
}

fn repair_gerund_complement(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for v in 0..tree.len() as TokenId {
        if tree.deprel(v) != "ccomp" || tree.xpos(v) != "VBG" {
            continue;
        }
        let Some(h) = tree.head(v) else { continue };
        if tree.upos(h) != "VERB"
            || tree.children(h).iter().any(|&c| tree.rel(c) == "obj")
            || tree
                .children(v)
                .iter()
                .any(|&c| matches!(tree.rel(c), "aux" | "mark" | "cop"))
        {
            continue;
        }
        let Some(s) = tree
            .children(v)
            .iter()
            .copied()
            .find(|&c| tree.deprel(c) == "nsubj" && c < v && c > h)
        else {
            continue;
        };
        if !matches!(tree.upos(s), "NOUN" | "PROPN") {
            continue;
        }
        tree.set(v, Some(h), "acl");
        tree.set(s, Some(h), "obj");
        tree.set(v, Some(s), "acl");
        changed = true;
    }
    changed
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True for a noun naming a time: a weekday or month name (capitalized), "today",
/// "yesterday", "tomorrow", "tonight", or "week", "month", "year", … under "last", "next" or
/// "this".
fn is_temporal(t: &Tree<'_>, x: TokenId) -> bool {
    let w = t.lower(x);
    let form = t.doc.tokens.norm(x);
    let capitalized = form.chars().next().is_some_and(char::is_uppercase);
    if capitalized && (WEEKDAYS.contains(&w) || MONTHS.contains(&w)) {
        return true;
    }
    if matches!(w, "today" | "yesterday" | "tomorrow" | "tonight") {
        return true;
    }
    let period = matches!(
        w,
        "week"
            | "weekend"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "evening"
            | "afternoon"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
    );
    period
        && t.children(x).iter().any(|&c| {
            matches!(t.lower(c), "last" | "next" | "this" | "early" | "late")
                || (matches!(t.rel(c), "compound" | "nmod") && is_temporal(t, c))
        })
}

fn repair_temporal(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for x in 0..tree.len() as TokenId {
        let Some(h) = tree.head(x) else { continue };
        if !matches!(tree.upos(x), "NOUN" | "PROPN" | "ADV" | "NUM")
            || !is_temporal(tree, x)
            || tree.children(x).iter().any(|&c| tree.rel(c) == "case")
            || !matches!(tree.upos(h), "VERB" | "AUX")
        {
            continue;
        }
        // "Iran yesterday seized …": the name before the date, made its compound, is the
        // subject.
        if tree.deprel(x) == "nsubj" && x < h {
            if let Some(c) = tree.children(x).iter().copied().find(|&c| {
                c < x && tree.rel(c) == "compound" && matches!(tree.upos(c), "PROPN" | "NOUN")
            }) {
                tree.set(c, Some(h), "nsubj");
                tree.relabel(x, "obl:tmod");
                changed = true;
                continue;
            }
        }
        let fix = match tree.deprel(x) {
            "obj" | "iobj" => true,
            // "said Wednesday": a subject follows its verb only in questions and inversions,
            // where the verb has no other subject.
            "nsubj" => {
                x > h
                    && (tree
                        .children(h)
                        .iter()
                        .any(|&c| c != x && tree.rel(c) == "nsubj")
                        || tree
                            .children(h)
                            .iter()
                            .any(|&c| c < x && tree.rel(c) == "obj"))
            }
            _ => false,
        };
        if fix {
            tree.relabel(x, "obl:tmod");
            changed = true;
        }
    }
    changed
}

/// Quantity modifiers of a number, longest first.
const QUANTITY: [&[&str]; 13] = [
    &["no", "more", "than"],
    &["no", "fewer", "than"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["up", "to"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["upwards", "of"],
    &["well", "over"],
];

fn repair_quantity(tree: &mut Tree<'_>) -> bool {
    let mut changed = false;
    for n in 0..tree.len() as TokenId {
        if !(tree.upos(n) == "NUM" || tree.xpos(n) == "CD") {
            continue;
        }
        let Some(q) = QUANTITY.iter().find(|q| {
            (n as usize) >= q.len()
                && q.iter()
                    .enumerate()
                    .all(|(k, w)| tree.lower(n - q.len() as TokenId + k as TokenId) == *w)
        }) else {
            continue;
        };
        let first = n - q.len() as TokenId;
        let words: Vec<TokenId> = (first..n).collect();
        // The counted noun: the number's head when the number counts it.
        let x = match (tree.rel(n), tree.head(n)) {
            ("nummod", Some(h)) if h > n => h,
            _ => n,
        };
        let Some(h) = tree.head(x) else { continue };
        if words.iter().any(|&w| tree.dominates(w, x)) {
            continue;
        }
        // Only a quantity the parser spread over the clause needs repair.
        let misattached = words
            .iter()
            .any(|&w| tree.head(w) != Some(n) && tree.head(w) != Some(first));
        if !misattached {
            continue;
        }
        let was_obj = words
            .iter()
            .any(|&w| tree.head(w) == Some(h) && tree.rel(w) == "obj");
        tree.set(first, Some(n), "advmod");
        for &w in &words[1..] {
            tree.set(w, Some(first), "fixed");
        }
        tree.index_children();
        changed = true;
        // A "to" or "than" phrase that was only the quantity is the verb's object.
        let other_case = tree.children(x).iter().any(|&c| tree.rel(c) == "case");
        let verb_has_obj = tree
            .children(h)
            .iter()
            .any(|&c| c != x && tree.rel(c) == "obj");
        if !other_case
            && tree.rel(x) == "obl"
            && tree.upos(h) == "VERB"
            && (was_obj || !verb_has_obj)
            && !tree.is_passive(h)
        {
            tree.relabel(x, "obj");
        }
    }
    changed
}
