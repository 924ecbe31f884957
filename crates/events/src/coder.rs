//! Triggers → CAMEO events with source and target from the dependency tree.
//!
//! For every verb and noun whose lemma the lexicon lists, the first rule whose conditions hold
//! gives the code and the slots of the source and target. Slots are read from the tree
//! ([`crate::tree::Tree`]): passives, control, coordination and relative clauses are resolved
//! there. An event embedded under a word of intent, appeal, demand, threat or rejection
//! ("mulling arms supplies to Russia") is recoded through the code maps (072 → 0332) and
//! sourced to the embedding clause's subject; under a reporting or raising word it is coded as
//! it is. Events are dyadic where the rule has a target; an event whose source and target are
//! the same actor is dropped unless the rule allows it.

use crate::lexicon::{Condition, EmbedKind, Lexicon, Rule, Slot, SlotPath};
use crate::tree::Tree;
use eventwire_document::{MentionKind, SentenceFlags, TokenId};

/// A resolved actor of an event: the mention and the code it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRef {
    /// Index in the document's mentions.
    pub mention: usize,
    /// CAMEO actor code.
    pub code: String,
}

/// An event found in a sentence, before qualification.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Sentence index.
    pub sentence: usize,
    /// The trigger token.
    pub trigger: TokenId,
    /// The predicate whose clause qualifies the event (the embedding word for recoded
    /// events, else the trigger).
    pub anchor: TokenId,
    /// CAMEO code.
    pub cameo: String,
    /// Source actor.
    pub source: Option<ActorRef>,
    /// Target actor.
    pub target: Option<ActorRef>,
    /// The embedding kind that recoded it, if any.
    pub embedded_as: Option<EmbedKind>,
    /// The lexicon row that fired (file:line).
    pub rule: String,
    /// How specific the rule was (number of conditions).
    pub specificity: usize,
}

/// Code the events of every sentence of the tree's document.
pub fn find_events(tree: &Tree<'_>, lex: &Lexicon, owner: &[Option<usize>]) -> Vec<Candidate> {
    let doc = tree.doc;
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.flags.contains(SentenceFlags::REPEAT)
            || s.flags.contains(SentenceFlags::CREDIT) && !s.flags.contains(SentenceFlags::CAPTION)
        {
            continue;
        }
        let end = s.credit.map_or(s.tokens.end, |c| {
            doc.tokens.at_or_after(c.start).min(s.tokens.end)
        });
        for p in s.tokens.start..end {
            let coder = Coder { tree, lex, owner };
            for c in coder.code_predicate(p, si) {
                if !out.iter().any(|o: &Candidate| {
                    // "began a hunger strike to protest against …": a protest done to
                    // protest is one protest.
                    let same_code = o.cameo == c.cameo
                        || o.cameo.starts_with("14")
                            && c.cameo.starts_with("14")
                            && (tree.dominates(o.trigger, c.trigger)
                                || tree.dominates(c.trigger, o.trigger));
                    o.sentence == c.sentence
                        && same_code
                        && same_actor(&o.source, &c.source)
                        && same_actor(&o.target, &c.target)
                }) {
                    out.push(c);
                }
            }
        }
    }
    drop_covered(tree, &mut out);
    out
}

/// Drops an event without a target that another event of the same family, source and
/// sentence with a target covers, when one trigger governs the other ("continued their hunger
/// strike to demand …" is the protest aimed at whom the demand names).
fn drop_covered(tree: &Tree<'_>, events: &mut Vec<Candidate>) {
    let covered: Vec<bool> = events
        .iter()
        .map(|c| {
            c.target.is_none()
                && events.iter().any(|o| {
                    o.target.is_some()
                        && o.sentence == c.sentence
                        && o.cameo.get(..2) == c.cameo.get(..2)
                        && same_actor(&o.source, &c.source)
                        && (tree.dominates(o.trigger, c.trigger)
                            || tree.dominates(c.trigger, o.trigger))
                })
        })
        .collect();
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !covered[k - 1]
    });
}

fn same_actor(a: &Option<ActorRef>, b: &Option<ActorRef>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.code == b.code,
        (None, None) => true,
        _ => false,
    }
}

struct Coder<'a, 'd> {
    tree: &'a Tree<'d>,
    lex: &'a Lexicon,
    owner: &'a [Option<usize>],
}

/// A rule matched on a predicate, with its slot fillers.
struct Matched<'r> {
    rule: &'r Rule,
    /// True when a nominal event took its source from the clause around it.
    implicit_source: bool,
    sources: Vec<ActorRef>,
    targets: Vec<ActorRef>,
}

impl Coder<'_, '_> {
    fn rules(&self, p: TokenId) -> (&[Rule], bool) {
        let t = self.tree;
        let lemma = lemma_of(t, p);
        match t.upos(p) {
            "VERB" => {
                if let Some(prt) = t.child(p, "compound:prt") {
                    let phrasal = format!("{lemma} {}", t.lower(prt));
                    let r = self.lex.verb_rules(&phrasal);
                    if !r.is_empty() {
                        return (r, true);
                    }
                }
                // "forced the agency out of the country": the particle of a phrasal verb
                // heading a compound preposition.
                for &c in t.children(p).iter().filter(|&&c| t.rel(c) == "obl") {
                    let words: Vec<&str> = t
                        .children(c)
                        .iter()
                        .filter(|&&k| t.rel(k) == "case")
                        .map(|&k| t.lower(k))
                        .collect();
                    if let [particle @ ("out" | "off" | "away" | "back"), "of" | "from", ..] =
                        words.as_slice()
                    {
                        let r = self.lex.verb_rules(&format!("{lemma} {particle}"));
                        if !r.is_empty() {
                            return (r, true);
                        }
                    }
                }
                let rules = self.lex.verb_rules(&lemma);
                if !rules.is_empty() {
                    return (rules, true);
                }
                // The suffix lemmatizer's misses on regular verbs: a doubled final consonant
                // ("expelled" → "expell") or a lost final e ("upgraded" → "upgrad").
                let rules = lemma_repairs(&lemma)
                    .into_iter()
                    .map(|l| self.lex.verb_rules(&l))
                    .find(|r| !r.is_empty())
                    .unwrap_or_default();
                (rules, true)
            }
            "NOUN" => {
                // Statements are coded from their verbs: a noun such as "comment" or
                // "statement" names one without stating that it was made.
                let rules = self.lex.noun_rules(&lemma);
                if rules.first().is_some_and(|r| r.cameo.starts_with("01")) {
                    return (&[], false);
                }
                (rules, false)
            }
            _ => (&[], false),
        }
    }

    fn code_predicate(&self, p: TokenId, sentence: usize) -> Vec<Candidate> {
        if let Some(demand) = self.modal_demand(p, sentence) {
            return demand;
        }
        let (rules, is_verb) = self.rules(p);
        if rules.is_empty() {
            return Vec::new();
        }
        // An event noun in a temporal or causal adjunct ("after a week of unrest", "because
        // of fighting between …", "since the peace accord") sets the scene for the clause's
        // event; it is background told elsewhere, not an event this sentence reports.
        if !is_verb && (self.in_circumstance(p) || self.protest_adjunct(p)) {
            return Vec::new();
        }
        // An event noun that is the object of a verb coding its own event is that verb's
        // content: "lifted a curfew" is the lifting, "police prevented the demonstration"
        // the prevention, not a curfew or a demonstration by the police.
        // An agent noun that names an actor of a coded verb ("suicide bombers killed 23
        // people") is that actor, not a second event.
        let agent = self.owner[p as usize]
            .is_some_and(|m| self.tree.doc.mentions[m].kind == MentionKind::Actor)
            && matches!(self.tree.rel(p), "nsubj" | "obl");
        // ("launched 10 days of war games": through a measure noun.)
        let slot_noun = self
            .tree
            .head(p)
            .filter(|&h| self.measured(h) == Some(p))
            .unwrap_or(p);
        if !is_verb && (agent || matches!(self.tree.rel(slot_noun), "obj" | "nsubj:pass")) {
            if let Some(h) = self.tree.head(slot_noun) {
                if self.tree.upos(h) == "VERB" {
                    // Under a word that also embeds events ("began a hunger strike"), only a
                    // row that names this object says the verb codes it.
                    let kind = self.embedding_of(h);
                    let suppresses = !kind.is_some_and(|k| k.transforms());
                    if suppresses
                        && self.codes_event(h, |r| {
                            kind.is_none()
                                || r.conditions
                                    .iter()
                                    .any(|c| c.path.first() == Some(&Slot::Obj))
                        })
                    {
                        return Vec::new();
                    }
                }
            }
        }
        // An embedding word of a transforming kind whose complement is itself an event is
        // coded through that complement, not on its own.
        if self.embedding_of(p).is_some_and(|k| k.transforms()) && self.has_coded_complement(p) {
            return Vec::new();
        }
        // A row coded "-" says that this sense of the word is no event ("released a new AI
        // programme"): the first row whose conditions hold decides.
        if self
            .first_holding(p, rules, is_verb)
            .is_some_and(|r| r.cameo == "-")
        {
            return Vec::new();
        }
        let Some(m) = rules.iter().find_map(|r| self.match_rule(p, r, is_verb)) else {
            return Vec::new();
        };
        let (mut code, mut anchor, mut embedded_as) = (m.rule.cameo.clone(), p, None);
        let mut sources = m.sources;
        let mut targets = m.targets;
        let own_code = code.clone();
        // Embedding: walk up through raising and reporting words to the first transforming
        // one. A rejection, demand or appeal above an intent governs it: "refused to commit
        // to assistance" is a refusal of aid, "urged X to agree to talks" a demand for talks.
        let mut addressed_to_maker = false;
        let mut cur = p;
        for _ in 0..8 {
            let Some((h, kind)) = self.embedder(cur) else {
                break;
            };
            if kind.transforms() {
                let outer = embedded_as == Some(EmbedKind::Intent)
                    && matches!(
                        kind,
                        EmbedKind::Reject | EmbedKind::Demand | EmbedKind::Request
                    );
                if embedded_as.is_some() && !outer {
                    break;
                }
                // A wish for an act others do ("Rubio hopes a ceasefire between Russia and
                // Ukraine could take place") is not the wisher's intent: the act keeps its
                // own actors and code, qualified by the wish.
                let desire = self.lex.in_class("desire", &lemma_of(self.tree, h));
                // A noun's holder: its possessor ("its demand that …"), else the subject of
                // the verb it is the object of ("Peru issued an ultimatum …").
                let holder_tok = if self.tree.upos(h) == "NOUN" {
                    self.tree.child(h, "nmod:poss").or_else(|| {
                        (self.tree.rel(h) == "obj")
                            .then(|| self.tree.head(h).and_then(|v| self.tree.subject(v)))
                            .flatten()
                    })
                } else {
                    self.tree.subject(h)
                };
                let mut holder = holder_tok.map(|s| self.actors(s)).unwrap_or_default();
                if let (Some(x), true) = (holder_tok, holder.is_empty()) {
                    // "The opposition demanded the resignation of the Kenyan president": a
                    // group with no country of its own is of the country it makes demands on;
                    // a holder that is no actor at all is not replaced by the act's own.
                    let country = sources
                        .first()
                        .and_then(|s| eventwire_document::country_of_code(&s.code));
                    match country.and_then(|c| self.countryless_group(x, c)) {
                        Some(group) => holder = vec![group],
                        None if self.mention_of(x).is_some() => return Vec::new(),
                        None => {}
                    }
                }
                // "… to demand the resignation of the president": with no one named making
                // the demand, the resigner named in the noun's phrase is not the demander.
                // Nor, under a noun ("an ultimatum to the rebels to halt attacks"), is the one
                // to act.
                if holder.is_empty()
                    && (!is_verb || self.tree.upos(h) == "NOUN")
                    && !m.implicit_source
                    && matches!(kind, EmbedKind::Demand | EmbedKind::Request)
                {
                    return Vec::new();
                }
                let others = |actors: &[ActorRef]| !actors.is_empty() && distinct(actors, &holder);
                // "The army prepared to resume shelling", "is preparing an offensive": getting
                // ready for violence, as a deed and not a stated willingness ("is prepared
                // to"), is a show of force.
                let readying = kind == EmbedKind::Intent
                    && self.tree.upos(h) == "VERB"
                    && self.lex.in_class("preparation", &lemma_of(self.tree, h))
                    && !self.tree.children(h).iter().any(|&c| {
                        self.tree.rel(c) == "aux:pass"
                            || self.tree.rel(c) == "cop"
                            || self.tree.lemma(c) == "be" && self.tree.xpos(h) == "VBN"
                    });
                if readying && matches!(own_code.get(..2), Some("18" | "19" | "20")) {
                    code = "150".to_string();
                    anchor = h;
                    embedded_as = Some(kind);
                    if !holder.is_empty() {
                        sources = holder.clone();
                    }
                    break;
                }
                if kind == EmbedKind::Intent && desire {
                    if !m.implicit_source && others(&sources) {
                        anchor = h;
                        break;
                    }
                    // "hopes a ceasefire between Russia and Ukraine …": the parties named are
                    // others, and the wisher is not one of them.
                    let parties = self
                        .tree
                        .prep(p, "between")
                        .map(|x| self.actors(x))
                        .unwrap_or_default();
                    if m.implicit_source && !is_verb && others(&parties) {
                        return Vec::new();
                    }
                }
                // A kind with no row for the embedded code keeps the embedding word's own
                // code ("called for sanctions": the call, not sanctions imposed).
                let mapped = self.lex.map_code(kind, &own_code).or_else(|| {
                    let (rules, verb) = self.rules(h);
                    self.first_holding(h, rules, verb)
                        .map(|r| r.cameo.clone())
                        .filter(|c| c != "-")
                });
                if let Some(mapped) = mapped {
                    code = mapped;
                    anchor = h;
                    embedded_as = Some(kind);
                    // "rejected a fresh offer from Afghanistan": what is rejected is the
                    // offer's maker.
                    if kind == EmbedKind::Reject && !is_verb && !m.implicit_source {
                        targets = sources.clone();
                    }
                    // "demanded the withdrawal of Serbian forces from Bosnia", "urged Israel
                    // to allow …": a demand or an appeal is made to whoever is to act.
                    // "agreed to US mediation", "accepted demands from the rebels": an intent
                    // taken up from another's proposal is directed at its maker.
                    let addressed = (matches!(kind, EmbedKind::Demand | EmbedKind::Request)
                        || kind == EmbedKind::Intent && !is_verb)
                        && !m.implicit_source
                        && !holder.is_empty()
                        && others(&sources);
                    if addressed {
                        targets = sources.clone();
                        addressed_to_maker = true;
                    }
                    if !holder.is_empty() {
                        sources = holder.clone();
                    }
                }
                if embedded_as != Some(EmbedKind::Intent) {
                    break;
                }
            }
            cur = h;
        }
        // A future act stated by its own actor ("the UN will provide aid", "said it would
        // allow inspectors", "is ready to contribute troops") is CAMEO's expression of intent,
        // or a threat when the act is conflictual; a refused future cooperation ("will not
        // accept refugees") is a rejection.
        if embedded_as.is_none() && is_verb {
            if let Some(negated) = self.future_marker(p) {
                let cooperative = matches!(code.get(..2), Some("04" | "05" | "06" | "07" | "08"));
                let kind = if negated && cooperative {
                    Some(EmbedKind::Reject)
                } else if !negated {
                    Some(EmbedKind::Intent)
                } else {
                    None
                };
                if let Some(mapped) = kind.and_then(|k| self.lex.map_code(k, &code)) {
                    code = mapped;
                    embedded_as = kind;
                }
            }
        }
        let mut out = Vec::new();
        if m.rule.target.is_empty() && embedded_as != Some(EmbedKind::Reject) && !addressed_to_maker
        {
            targets.clear();
        }
        let needs_target = !m.rule.target.is_empty() || addressed_to_maker;
        if needs_target && targets.is_empty() {
            if m.rule.symmetric && sources.len() >= 2 {
                // "Xi and Putin met": the coordinated subjects meet each other.
                let (first, rest) = sources.split_at(1);
                targets = rest.to_vec();
                sources = first.to_vec();
            } else if self.embedding_of(p).is_some() {
                // "X warned (that) Y …", "X demanded that Y …": the embedded clause's subject;
                // "Y appears to …, X warned": the subject of the clause the reporting verb
                // comments on.
                let content = self.complement(p).or_else(|| self.commented_clause(p));
                if let Some(s) = content.and_then(|c| self.tree.subject(c)) {
                    // (Not the actor itself: "continued their strike to demand …".)
                    targets = others_than(self.actors(s), &sources);
                }
            }
        }
        // An act done in a place without a named target is done to the place's country
        // ("lifted a curfew in Montenegro", "strengthened its forces in Lebanon", "the
        // government lifted the state of emergency in Darfur").
        // "boycott all official contact with the United States", "tighten the naval
        // blockade of Serbia": the object's own phrase names whom the act is aimed at.
        if targets.is_empty()
            && (needs_target
                || matches!(embedded_as, Some(EmbedKind::Intent | EmbedKind::Threaten)))
        {
            if let Some(o) = self.tree.object(p).filter(|&o| self.actors(o).is_empty()) {
                // One phrase further when the first names no actor: "restrictions on imports
                // from Turkey".
                let preps = ["with", "of", "on", "against", "to"];
                let others = |a: Vec<ActorRef>| -> Option<Vec<ActorRef>> {
                    let a = others_than(a, &sources);
                    (!a.is_empty()).then_some(a)
                };
                let in_phrase = |o: TokenId| {
                    preps
                        .iter()
                        .find_map(|prep| others(self.actors(self.tree.prep(o, prep)?)))
                };
                targets = in_phrase(o)
                    .or_else(|| {
                        ["on", "against", "to"]
                            .iter()
                            .flat_map(|prep| [self.tree.prep(o, prep), self.tree.prep(p, prep)])
                            .flatten()
                            .find_map(|x| {
                                in_phrase(x).or_else(|| {
                                    ["from", "for"].iter().find_map(|prep| {
                                        others(self.actors(self.tree.prep(x, prep)?))
                                    })
                                })
                            })
                    })
                    .unwrap_or_default();
            }
        }
        // "threatened to halt the talks if the United States imposes sanctions": a threat is
        // aimed at whoever must meet its condition.
        if targets.is_empty()
            && (embedded_as == Some(EmbedKind::Threaten) || code.starts_with("13"))
        {
            targets = self.condition_subject(p, anchor, &sources);
        }
        // "Egyptian police dispersed demonstrators", "the government accepted demands from
        // rebels": a domestic group the text gives no country of belongs to the country of
        // the state actor acting on it.
        if targets.is_empty() && needs_target {
            targets = self.domestic_group(p, &m.rule.target, is_verb, &sources);
        }
        let mut from_place = false;
        // (Only acts done to a place's people: talks held in Quebec are not talks with Canada.)
        if targets.is_empty()
            && matches!(
                own_code.get(..2),
                Some("08" | "15" | "16" | "17" | "18" | "19" | "20")
            )
        {
            targets = self.locative_target(p);
            from_place = !targets.is_empty();
        }
        // "prepared to impose martial law": a curfew, a state of emergency or martial law
        // that names no place is imposed on the actor's own country.
        if targets.is_empty()
            && m.rule.self_directed
            && matches!(own_code.as_str(), "0813" | "0814" | "1723" | "1724")
        {
            targets = sources
                .iter()
                .filter_map(|s| {
                    let country = eventwire_document::country_of_code(&s.code)?;
                    Some(ActorRef {
                        mention: s.mention,
                        code: country.to_string(),
                    })
                })
                .collect();
            from_place = !targets.is_empty();
        }
        // A protest is aimed at what its purpose clause or its "against" phrase names:
        // "blocked roads to press their demands on the government", "staged rallies against
        // the party's leader", "demonstrated calling for independence from Iraq".
        let mut aimed = false;
        if targets.is_empty() && code.starts_with("14") {
            targets = self.protest_target(p, &sources);
            aimed = !targets.is_empty();
        }
        // Some events need no target: expressions of intent ("agreed to resign"),
        // statements, concessions, protests and shows of force by one actor.
        let unilateral = embedded_as == Some(EmbedKind::Intent)
            || matches!(code.get(..2), Some("01" | "03" | "08" | "14" | "15"));
        let needs_target =
            (needs_target || from_place || aimed) && !(targets.is_empty() && unilateral);
        let emit = |source: &ActorRef, target: Option<&ActorRef>| {
            self.candidate(
                sentence,
                p,
                anchor,
                &code,
                Some(source.clone()),
                target.cloned(),
                embedded_as,
                m.rule,
            )
        };
        for s in &sources {
            let before = out.len();
            if needs_target {
                for t in &targets {
                    // Different actors of one country make a domestic event (the government
                    // against the opposition, police against students); one actor acting on
                    // itself makes none. A code that extends the other (USA and USAGOV) is the
                    // same actor, except for a government acting in its own territory.
                    let nested = one_actor(&s.code, &t.code);
                    if (s.mention == t.mention || nested && !(from_place && s.code != t.code))
                        && !m.rule.self_directed
                    {
                        continue;
                    }
                    out.push(emit(s, Some(t)));
                }
                // A one-sided act whose only target was its own actor ("Egypt lifted the
                // state of emergency in Sinai") still happened, without a target.
                if out.len() == before && unilateral {
                    out.push(emit(s, None));
                }
            } else {
                out.push(emit(s, None));
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn candidate(
        &self,
        sentence: usize,
        trigger: TokenId,
        anchor: TokenId,
        code: &str,
        source: Option<ActorRef>,
        target: Option<ActorRef>,
        embedded_as: Option<EmbedKind>,
        rule: &Rule,
    ) -> Candidate {
        Candidate {
            sentence,
            trigger,
            anchor,
            cameo: code.to_string(),
            source,
            target,
            embedded_as,
            rule: rule.origin.clone(),
            specificity: rule.conditions.len(),
        }
    }

    /// "He said China should not provide weapons", "declared that China must drop barriers":
    /// a clause with "should", "must" or "ought to" under a reporting word is the speaker's
    /// demand on the clause's subject (the 10 family, mirroring the clause's own code).
    fn modal_demand(&self, p: TokenId, sentence: usize) -> Option<Vec<Candidate>> {
        let t = self.tree;
        if t.upos(p) != "VERB" {
            return None;
        }
        let modal = t
            .children(p)
            .iter()
            .any(|&c| t.rel(c) == "aux" && matches!(t.lower(c), "should" | "must" | "ought"));
        if !modal {
            return None;
        }
        let (reporter, kind) = self.embedder(p)?;
        if kind != EmbedKind::Report {
            return None;
        }
        // "…, saying he must resign": a participle's speaker is its clause's subject.
        let speaker = t.subject(reporter).or_else(|| {
            (t.rel(reporter) == "advcl" && t.xpos(reporter) == "VBG")
                .then(|| t.head(reporter).and_then(|h| t.subject(h)))
                .flatten()
        });
        let speakers = speaker.map(|s| self.actors(s)).unwrap_or_default();
        let addressees = t.subject(p).map(|s| self.actors(s)).unwrap_or_default();
        if speakers.is_empty() || addressees.is_empty() {
            // What someone says another must do is a demand or nothing: never the act.
            return Some(Vec::new());
        }
        let (rules, is_verb) = self.rules(p);
        let own = self.first_holding(p, rules, is_verb);
        let code = own
            .and_then(|r| self.lex.map_code(EmbedKind::Demand, &r.cameo))
            .unwrap_or_else(|| "100".to_string());
        let origin = own.map_or_else(
            || "modal demand".to_string(),
            |r| format!("modal demand + {}", r.origin),
        );
        let mut out = Vec::new();
        for s in &speakers {
            for a in &addressees {
                if s.mention == a.mention || one_actor(&s.code, &a.code) {
                    continue;
                }
                out.push(Candidate {
                    sentence,
                    trigger: p,
                    anchor: reporter,
                    cameo: code.clone(),
                    source: Some(s.clone()),
                    target: Some(a.clone()),
                    embedded_as: Some(EmbedKind::Demand),
                    rule: origin.clone(),
                    specificity: 1,
                });
            }
        }
        Some(out)
    }

    /// The country of the first place named inside a noun's own modifiers (nominal
    /// modifiers and clauses, at most three links down).
    fn phrase_country(&self, z: TokenId) -> Option<String> {
        let t = self.tree;
        let mut frontier = vec![z];
        for _ in 0..3 {
            let mut next = Vec::new();
            for x in frontier {
                for &c in t.children(x) {
                    if !matches!(t.rel(c), "nmod" | "acl" | "obj" | "obl") {
                        continue;
                    }
                    if let Some(m) = self.owner[c as usize] {
                        let mention = &t.doc.mentions[m];
                        if mention.kind == MentionKind::Place
                            || mention.code.as_deref().is_some_and(|c| c.len() == 3)
                        {
                            if let Some(country) = mention.country.clone() {
                                return Some(country);
                            }
                        }
                    }
                    next.push(c);
                }
            }
            frontier = next;
        }
        None
    }

    /// The groups in a rule's target slots that have a domestic sector (rebels, opposition,
    /// civilians, students, workers, journalists, police …) but no country, given the
    /// country of a state source (not an IGO, NGO or other transnational actor).
    fn domestic_group(
        &self,
        p: TokenId,
        paths: &[SlotPath],
        is_verb: bool,
        sources: &[ActorRef],
    ) -> Vec<ActorRef> {
        let Some(country) = sources
            .first()
            .and_then(|s| eventwire_document::country_of_code(&s.code))
            .filter(|c| c.chars().all(|ch| ch.is_ascii_uppercase()))
        else {
            return Vec::new();
        };
        self.countryless_groups(p, paths, is_verb, country)
    }

    /// The groups with a domestic sector and no country in the first of `paths` that has
    /// any, coded with `country`.
    fn countryless_groups(
        &self,
        p: TokenId,
        paths: &[SlotPath],
        is_verb: bool,
        country: &str,
    ) -> Vec<ActorRef> {
        for path in paths {
            let found: Vec<ActorRef> = self
                .slot_tokens(p, path, is_verb)
                .into_iter()
                .flat_map(|x| self.tree.with_conjuncts(x))
                .filter_map(|x| self.countryless_group(x, country))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }

    /// Token `x` as a group with a domestic sector and no country of its own ("the
    /// opposition", "striking workers"), coded with `country`.
    fn countryless_group(&self, x: TokenId, country: &str) -> Option<ActorRef> {
        let mi = self.mention_of(x)?;
        let m = &self.tree.doc.mentions[mi];
        let sector = m.sector.as_deref()?;
        let domestic = DOMESTIC_SECTORS.contains(&sector);
        (m.code.is_none() && m.country.is_none() && domestic).then(|| ActorRef {
            mention: mi,
            code: format!("{country}{sector}"),
        })
    }

    /// True for a noun inside a temporal or causal adjunct phrase, through "of" links
    /// ("after fifteen years of occupation").
    fn in_circumstance(&self, p: TokenId) -> bool {
        let t = self.tree;
        let mut cur = p;
        for _ in 0..3 {
            match t.case(cur).as_deref() {
                Some(
                    "after"
                    | "since"
                    | "during"
                    | "following"
                    | "amid"
                    | "amidst"
                    | "before"
                    | "despite"
                    | "because of"
                    | "in the wake of"
                    | "in the aftermath of"
                    | "throughout",
                ) => return true,
                Some("of") => match t.head(cur) {
                    Some(h) if t.upos(h) == "NOUN" => cur = h,
                    _ => return false,
                },
                _ => return false,
            }
        }
        false
    }

    /// An actor read as the place it names: a place mention, or a bare country, coded by
    /// its country alone.
    fn as_place(&self, mut a: ActorRef) -> Option<ActorRef> {
        let place = self.tree.doc.mentions[a.mention].kind == MentionKind::Place;
        (place || a.code.len() == 3).then(|| {
            a.code.truncate(3);
            a
        })
    }

    /// The unidentified armed force of the place an attack happened in: a locative phrase
    /// on the trigger, its subject or its agent ("a bombing near Mosul", "a device outside
    /// Basra") naming a place; the actor points at that place's mention.
    fn unidentified_attacker(&self, p: TokenId) -> Vec<ActorRef> {
        let t = self.tree;
        let mut heads = vec![p];
        heads.extend(t.child(p, "nsubj"));
        heads.extend(t.children(p).iter().copied().filter(|&c| {
            t.deprel(c) == "obl:agent" || t.rel(c) == "obl" && t.case(c).as_deref() == Some("by")
        }));
        for h in heads {
            for &c in t.children(h) {
                if !matches!(t.rel(c), "obl" | "nmod") {
                    continue;
                }
                if !matches!(
                    t.case(c).as_deref(),
                    Some("in" | "near" | "outside" | "at" | "around" | "inside" | "of")
                ) {
                    continue;
                }
                // "near the town of Mosul": the place named after "of".
                let mut near = self.actors(c);
                if near.is_empty() {
                    if let Some(o) = t.prep(c, "of") {
                        near = self.actors(o);
                    }
                }
                if let Some(mut a) = near.into_iter().find_map(|a| self.as_place(a)) {
                    a.code.push_str("UAF");
                    return vec![a];
                }
            }
        }
        Vec::new()
    }

    /// The actors a protest is aimed at: the first actor other than the protesters inside
    /// an "against"/"over" phrase or a purpose clause on the trigger or its object.
    fn protest_target(&self, p: TokenId, sources: &[ActorRef]) -> Vec<ActorRef> {
        let t = self.tree;
        let mut heads = vec![p];
        heads.extend(t.object(p));
        for h in heads {
            for &c in t.children(h) {
                let aimed = match t.rel(c) {
                    "advcl" | "xcomp" | "acl" => true,
                    "obl" | "nmod" => {
                        matches!(
                            t.case(c).as_deref(),
                            Some("against" | "over" | "at" | "outside" | "in front of")
                        ) || self.protest_adjunct(c)
                    }
                    _ => false,
                };
                if !aimed {
                    continue;
                }
                // The subtree's tokens in order, nearest first.
                let mut found: Vec<ActorRef> = Vec::new();
                let span = t.sentence_span(c);
                for x in span.into_iter().flatten() {
                    if !t.dominates(c, x) {
                        continue;
                    }
                    for a in self.actors(x) {
                        if !is_own(&a, sources) && !found.iter().any(|f| f.mention == a.mention) {
                            found.push(a);
                        }
                    }
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
        }
        Vec::new()
    }

    /// The actors, other than `sources`, that are the subject of an "if" or "unless" clause
    /// under the trigger or its anchor.
    fn condition_subject(
        &self,
        p: TokenId,
        anchor: TokenId,
        sources: &[ActorRef],
    ) -> Vec<ActorRef> {
        let t = self.tree;
        let span = t.sentence_span(p).unwrap_or_default();
        span.filter(|&c| t.dominates(anchor, c) || t.dominates(p, c))
            .filter(|&c| {
                t.rel(c) == "advcl"
                    && t.children(c)
                        .iter()
                        .any(|&m| t.rel(m) == "mark" && matches!(t.lower(m), "if" | "unless"))
            })
            .find_map(|c| {
                let a = others_than(self.actors(t.subject(c)?), sources);
                (!a.is_empty()).then_some(a)
            })
            .unwrap_or_default()
    }

    /// The subject of the clause that a subjectless purpose infinitive ("to disperse …")
    /// belongs to, through a noun it may hang on ("opened fire to disperse").
    fn purpose_controller(&self, p: TokenId) -> Option<TokenId> {
        let t = self.tree;
        if !matches!(t.rel(p), "advcl" | "acl")
            || t.child(p, "nsubj").is_some()
            || !t
                .children(p)
                .iter()
                .any(|&c| t.rel(c) == "mark" && t.lower(c) == "to")
        {
            return None;
        }
        let mut h = t.head(p)?;
        // (Not the complement of a noun of intent or appeal: "plans to sell", "an appeal
        // to lay down arms".)
        if t.upos(h) == "NOUN" && t.rel(h) == "obj" && self.embedding_of(h).is_none() {
            h = t.head(h)?;
        }
        (t.upos(h) == "VERB").then(|| t.subject(h)).flatten()
    }

    /// What a measure or quantity noun measures: its "of" phrase ("tons of aid", "part of
    /// the program").
    fn measured(&self, x: TokenId) -> Option<TokenId> {
        let t = self.tree;
        let lemma = lemma_of(t, x);
        if !(is_quantity(&lemma) || self.lex.in_class("measure", &lemma)) {
            return None;
        }
        t.children(x)
            .iter()
            .copied()
            .find(|&c| t.rel(c) == "nmod" && t.case(c).as_deref() == Some("of"))
    }

    /// "in protest against …", "in protest of …": a phrase naming the protest an act is.
    fn protest_adjunct(&self, c: TokenId) -> bool {
        let t = self.tree;
        t.case(c).as_deref() == Some("in")
            && matches!(lemma_of(t, c).as_str(), "protest" | "defiance")
    }

    /// The country of the place an event happens in, when a locative phrase ("in", "inside",
    /// "across", "throughout", "within") on the trigger or its object names one.
    fn locative_target(&self, p: TokenId) -> Vec<ActorRef> {
        let t = self.tree;
        let mut heads = vec![p];
        heads.extend(t.object(p));
        for h in heads {
            for &c in t.children(h) {
                if !matches!(t.rel(c), "obl" | "nmod" | "obl:lmod") {
                    continue;
                }
                let case = t.case(c).unwrap_or_default();
                if !matches!(
                    case.as_str(),
                    "in" | "inside" | "across" | "throughout" | "within"
                ) {
                    continue;
                }
                let places: Vec<ActorRef> = self
                    .actors(c)
                    .into_iter()
                    .filter_map(|a| self.as_place(a))
                    .collect();
                if !places.is_empty() {
                    return places;
                }
            }
        }
        Vec::new()
    }

    /// `Some(negated)` when verb `p` states a future act: a "will", "would", "shall" or
    /// "'ll" auxiliary (not "would have"), or "going to".
    fn future_marker(&self, p: TokenId) -> Option<bool> {
        let t = self.tree;
        let kids = t.children(p);
        let aux = |w: &[&str]| {
            kids.iter()
                .any(|&c| t.rel(c) == "aux" && w.contains(&t.lower(c)))
        };
        let future = aux(&["will", "would", "shall", "'ll", "wo", "'d"])
            && !aux(&["have", "'ve", "of"])
            || (t.rel(p) == "xcomp"
                && t.head(p)
                    .is_some_and(|h| t.xpos(h) == "VBG" && t.lemma(h) == "go"));
        if !future {
            return None;
        }
        Some(t.is_negated(p))
    }

    /// The embedding kind of a word, trying the two-word form with its particle first.
    fn embedding_of(&self, p: TokenId) -> Option<EmbedKind> {
        let t = self.tree;
        let lemma = t.lemma(p).to_lowercase();
        for &c in t.children(p) {
            if matches!(t.deprel(c), "compound:prt") {
                if let Some(k) = self.lex.embedding(&format!("{lemma} {}", t.lower(c))) {
                    return Some(k);
                }
            }
        }
        self.lex.embedding(&lemma)
    }

    /// The word that embeds predicate `p`, with its kind: `p` is its clausal complement
    /// (xcomp, ccomp), the event noun it takes (obj, "call for X"), the content of a noun
    /// ("signs that …", "fears that …"), or the clause a reporting verb comments on
    /// ("…, Stoltenberg warned").
    fn embedder(&self, p: TokenId) -> Option<(TokenId, EmbedKind)> {
        let t = self.tree;
        // A reporting verb in parataxis under the clause ("X appears …, Y warned").
        for &c in t.children(p) {
            if t.rel(c) == "parataxis" {
                if let Some(k) = self.embedding_of(c).filter(|k| *k == EmbedKind::Report) {
                    return Some((c, k));
                }
            }
        }
        // "to be mulling arms supplies" with "mulling" mistaken for an adjective: a gerund
        // modifying an event noun is the verb that takes it.
        if t.upos(p) == "NOUN" {
            for &c in t.children(p) {
                let form = t.lower(c);
                if t.rel(c) == "amod" && form.ends_with("ing") && form.len() > 5 {
                    let stem = &form[..form.len() - 3];
                    let kind = self
                        .lex
                        .embedding(stem)
                        .or_else(|| self.lex.embedding(&format!("{stem}e")));
                    if let Some(k) = kind.filter(|k| k.transforms()) {
                        return Some((c, k));
                    }
                }
            }
        }
        let h = t.head(p)?;
        let rel = t.deprel(p);
        // "aims to tighten sanctions and impose a blockade": a verb coordinated with an
        // infinitive complement, without a subject of its own, is embedded as it is.
        if rel == "conj"
            && t.upos(p) == "VERB"
            && t.upos(h) == "VERB"
            && t.rel(h) == "xcomp"
            && !t
                .children(p)
                .iter()
                .any(|&c| matches!(t.rel(c), "nsubj" | "nsubj:pass" | "csubj" | "expl"))
        {
            return self.embedder(h);
        }
        // "issued an ultimatum to the rebels to halt attacks", "reiterated its demand
        // that Israel ease …": a clause the parser hung on a light verb completes the
        // verb's object.
        let clause = (matches!(rel, "advcl" | "ccomp") || rel == "acl" && t.upos(h) == "VERB")
            && t.children(p)
                .iter()
                .any(|&c| t.rel(c) == "mark" && matches!(t.lower(c), "to" | "that"));
        if clause && !self.embedding_of(h).is_some_and(|k| k.transforms()) {
            if let Some((o, k)) = t.object(h).filter(|&o| t.upos(o) == "NOUN").and_then(|o| {
                self.embedding_of(o)
                    .filter(|k| k.transforms())
                    .map(|k| (o, k))
            }) {
                return Some((o, k));
            }
        }
        let fits = match rel {
            "xcomp" | "ccomp" | "csubj" => true,
            // "considering giving arms": a gerund complement the parser took for an adverbial.
            // "threatened on Monday to break relations": an infinitive the parser took for
            // an adverbial of purpose.
            "advcl" => {
                // (Not a participle set off by a comma: "rejected the plan, urging …".)
                // (Nor one with a preposition of its own: "rejected the offer for signing …".)
                let gerund = t.xpos(p) == "VBG"
                    && !t.children(p).iter().any(|&c| t.rel(c) == "mark")
                    && p > 0
                    && !matches!(t.doc.tokens.norm(p - 1), "," | ";" | "--");
                (gerund
                    || t.children(p)
                        .iter()
                        .any(|&c| t.rel(c) == "mark" && t.lower(c) == "to"))
                    && t.subject(p)
                        .is_none_or(|_| !t.children(p).iter().any(|&c| t.rel(c) == "nsubj"))
                    && self.embedding_of(h).is_some_and(|k| k.transforms())
            }
            "obj" | "nsubj:pass" => t.upos(p) == "NOUN",
            "acl" | "acl:relcl" => t.upos(h) == "NOUN" && rel == "acl",
            "obl" | "nmod" => {
                // "called for talks", "a request for weapons": a two-word embedding entry.
                let case = t.case(p).unwrap_or_default();
                let two = format!("{} {case}", t.lemma(h).to_lowercase());
                if let Some(k) = self.lex.embedding(&two) {
                    return Some((h, k));
                }
                // "agreed to a ceasefire", "pressed for talks": an event noun after "to" or
                // "for" is the content of an intent, appeal or demand word.
                matches!(case.as_str(), "to" | "for" | "on" | "upon")
                    && t.upos(p) == "NOUN"
                    && self.embedding_of(h).is_some_and(|k| k.transforms())
            }
            "parataxis" => false,
            _ => false,
        };
        if !fits {
            return None;
        }
        if let Some(k) = self.embedding_of(h) {
            return Some((h, k));
        }
        // A complement noun's verb: "aired fears that X …" — fears embeds, aired is plain.
        None
    }

    /// The clause a trailing reporting verb comments on when the parser did not make it a
    /// complement: the sentence's root, when the reporting clause follows a comma.
    fn commented_clause(&self, p: TokenId) -> Option<TokenId> {
        let t = self.tree;
        let doc = t.doc;
        let s = doc.sentences.iter().find(|s| s.tokens.contains(&p))?;
        let root = s.tokens.clone().find(|&x| t.head(x).is_none())?;
        if root >= p || t.dominates(p, root) {
            return None;
        }
        let from = t.subject(p).map_or(p, |x| x.min(p));
        let comma = (s.tokens.start..from)
            .rev()
            .take(8)
            .any(|k| matches!(doc.tokens.norm(k), "," | "\""));
        comma.then_some(root)
    }

    /// The clausal complement of `p` (xcomp, ccomp), or the clause it comments on in
    /// parataxis.
    fn complement(&self, p: TokenId) -> Option<TokenId> {
        let t = self.tree;
        t.children(p)
            .iter()
            .copied()
            .find(|&c| matches!(t.rel(c), "ccomp" | "xcomp"))
            .or_else(|| (t.rel(p) == "parataxis").then(|| t.head(p)).flatten())
    }

    fn has_coded_complement(&self, p: TokenId) -> bool {
        let t = self.tree;
        t.children(p).iter().any(|&c| {
            let rel = t.rel(c);
            (matches!(rel, "xcomp" | "ccomp")
                || (rel == "obj" && t.upos(c) == "NOUN")
                || (rel == "obl" && t.upos(c) == "NOUN")
                || (rel == "advcl" && self.embedder(c).is_some_and(|(h, _)| h == p)))
                && self.codes_event(c, |_| true)
        })
    }

    /// True when a row of `x` that `pick` accepts, not coded `-`, matches on it.
    fn codes_event(&self, x: TokenId, pick: impl Fn(&Rule) -> bool) -> bool {
        let (rules, is_verb) = self.rules(x);
        rules
            .iter()
            .any(|r| r.cameo != "-" && pick(r) && self.match_rule(x, r, is_verb).is_some())
    }

    fn match_rule<'r>(&self, p: TokenId, rule: &'r Rule, is_verb: bool) -> Option<Matched<'r>> {
        if !rule.conditions.iter().all(|c| self.holds(p, c, is_verb)) {
            return None;
        }
        let mut sources = rule
            .source
            .iter()
            .find_map(|path| self.fill(p, path, is_verb))
            .unwrap_or_default();
        if sources.is_empty() && matches!(rule.cameo.get(..2), Some("18" | "19" | "20")) {
            // "A roadside bombing near Mosul killed a U.S. soldier": an attack whose
            // attacker the text does not name is CAMEO's unidentified armed force (UAF) of the
            // country where it happened.
            sources = self.unidentified_attacker(p);
        }
        if sources.is_empty()
            && is_verb
            && (rule.cameo.starts_with("09") || matches!(rule.cameo.as_str(), "173" | "174"))
            && self.tree.child(p, "nsubj:pass").is_some()
        {
            // "A US national was put under investigation in Italy", "two reporters were
            // arrested in Iran": investigations, arrests and expulsions whose agent the text
            // does not name are the state's where they happen.
            let place = self.locative_target(p).into_iter().next().or_else(|| {
                self.tree
                    .children(p)
                    .iter()
                    .filter(|&&c| self.tree.rel(c) == "obl")
                    .find_map(|&c| self.locative_target(c).into_iter().next())
            });
            if let Some(mut state) = place {
                state.code.push_str("GOV");
                sources = vec![state];
            }
        }
        if sources.is_empty()
            && is_verb
            && rule
                .source
                .first()
                .is_some_and(|p| p.as_slice() == [Slot::Subj])
        {
            // "Police opened fire to disperse the crowd": a purpose infinitive is done by
            // the subject of the clause it is the purpose of.
            sources = self
                .purpose_controller(p)
                .map(|x| self.actors(x))
                .unwrap_or_default();
        }
        if sources.is_empty() && is_verb {
            // "Striking workers rallied in Lagos": a group the text gives no country of acts
            // in the country where it acts.
            if let Some(place) = self.locative_target(p).first() {
                sources = self.countryless_groups(p, &rule.source, is_verb, &place.code);
            }
        }
        if sources.is_empty() && !is_verb {
            // "the US-led war against Iraq": the leader is the one acting.
            if let Some(led) = self
                .tree
                .children(p)
                .iter()
                .copied()
                .find(|&c| self.tree.lemma(c) == "lead" && self.tree.xpos(c) == "VBN")
            {
                sources = self
                    .tree
                    .children(led)
                    .iter()
                    .flat_map(|&l| self.actors(l))
                    .collect();
            }
        }
        let implicit_source = sources.is_empty() && !is_verb;
        if implicit_source {
            // A nominal event without its own source takes it from the clause around it.
            sources = self.implicit_source(p);
        }
        if sources.is_empty() {
            return None;
        }
        let mut targets = rule
            .target
            .iter()
            .find_map(|path| self.fill(p, path, is_verb))
            .unwrap_or_default();
        if targets.is_empty() {
            // "rejected an Indian proposal", "dismissed an appeal from President X", "calls by
            // Belarus's rulers": where the rule looks for the owner of the object (a chain
            // through `obj`), any actor the object names by a national adjective, possessive,
            // compound, or a "by"/"from" phrase is it.
            targets = rule
                .target
                .iter()
                .filter(|path| path.first() == Some(&Slot::Obj))
                .flat_map(|path| self.slot_tokens(p, &path[..1], is_verb))
                .find_map(|o| {
                    let mut a = self.actors(o);
                    // "a camp for Congolese refugees", "the homes of Palestinian families":
                    // a place people live or work in stands for them.
                    let facility = self.lex.in_class("facility", &lemma_of(self.tree, o));
                    for prep in ["by", "from", "for", "of"] {
                        if !facility && matches!(prep, "for" | "of") {
                            continue;
                        }
                        if a.is_empty() {
                            a = self
                                .tree
                                .prep(o, prep)
                                .map(|x| self.actors(x))
                                .unwrap_or_default();
                        }
                    }
                    // (Not the actor's own: "continued their hunger strike".)
                    a.retain(|a| !is_own(a, &sources));
                    (!a.is_empty()).then_some(a)
                })
                .unwrap_or_default();
        }
        if targets.is_empty() && !is_verb {
            // "arms supplies to Russia" may hang the "to" phrase on the verb.
            if let Some(h) = self.tree.head(p) {
                targets = rule
                    .target
                    .iter()
                    .find_map(|path| self.fill(h, path, true))
                    .unwrap_or_default();
            }
        }
        Some(Matched {
            rule,
            implicit_source,
            sources,
            targets,
        })
    }

    /// The source of a nominal event that names none: the possessor of the noun it hangs off
    /// ("his second day of a three-day trip"), else the subject of the predicate it belongs to
    /// ("China is mulling arms supplies to Russia", "Mr Xi was on a trip"), climbing at most
    /// three nominal links.
    fn implicit_source(&self, p: TokenId) -> Vec<ActorRef> {
        let t = self.tree;
        let mut cur = p;
        for _ in 0..3 {
            if !matches!(
                t.rel(cur),
                "obj" | "nsubj" | "obl" | "xcomp" | "nmod" | "root" | "ccomp"
            ) {
                return Vec::new();
            }
            // An event named as the topic or cause of another ("a warrant over the
            // deportation", "protests against the invasion") is not done by its subject.
            if matches!(
                t.case(cur).as_deref(),
                Some(
                    "over"
                        | "about"
                        | "against"
                        | "despite"
                        | "after"
                        | "before"
                        | "since"
                        | "amid"
                        | "following"
                        | "regarding"
                        | "because"
                )
            ) {
                return Vec::new();
            }
            // A copular or nominal predicate has its own subject ("Xi was on his … trip").
            if let Some(s) = t
                .children(cur)
                .iter()
                .copied()
                .find(|&c| t.rel(c) == "nsubj")
            {
                return self.actors(s);
            }
            let Some(h) = t.head(cur) else {
                return Vec::new();
            };
            if t.upos(h) == "NOUN" {
                if let Some(poss) = t
                    .children(h)
                    .iter()
                    .copied()
                    .find(|&c| t.deprel(c) == "nmod:poss")
                {
                    let a = self.actors(poss);
                    if !a.is_empty() {
                        return a;
                    }
                }
                cur = h;
                continue;
            }
            // Whoever blames, condemns, reports or investigates an event did not do it
            // (but whoever claims responsibility or credit for it did).
            let owned = matches!(lemma_of(t, cur).as_str(), "responsibility" | "credit");
            if !owned && self.embedding_of(h).is_some_and(|k| k == EmbedKind::Report)
                || self.lex.in_class("judging", &lemma_of(t, h))
            {
                return Vec::new();
            }
            return t.subject(h).map(|s| self.actors(s)).unwrap_or_default();
        }
        Vec::new()
    }

    /// The tokens a slot path reaches from `p`.
    fn slot_tokens(&self, p: TokenId, path: &[Slot], is_verb: bool) -> Vec<TokenId> {
        let t = self.tree;
        let mut cur = vec![p];
        for (i, slot) in path.iter().enumerate() {
            let verb_level = i == 0 && is_verb;
            let mut next = Vec::new();
            for &x in &cur {
                if *slot == Slot::Amod {
                    // Every modifier the tagger may call an adjective or a noun ("joint
                    // military exercises", "peacekeeping troops").
                    next.extend(
                        t.children(x)
                            .iter()
                            .copied()
                            .filter(|&c| matches!(t.deprel(c), "amod" | "compound")),
                    );
                    continue;
                }
                // "offered to hand the suspects over to France …": every phrase with the
                // preposition, not only the first, may hold the actor.
                if let Slot::Prep(prep) = slot {
                    let all: Vec<TokenId> = t.preps(x, prep).collect();
                    if all.len() > 1 {
                        next.extend(all);
                        continue;
                    }
                }
                let found = match slot {
                    Slot::Subj => t.subject(x),
                    Slot::Obj => {
                        // "will allow the return of …" with the object taken for an
                        // indirect one: a lone iobj is the object.
                        let o = if verb_level {
                            t.object(x).or_else(|| t.child(x, "iobj"))
                        } else {
                            t.child(x, "obj")
                        };
                        // "suspended part of a military aid program": a measure noun stands
                        // for what it measures.
                        o.map(|o| self.measured(o).unwrap_or(o))
                    }
                    Slot::Iobj => t.child(x, "iobj"),
                    Slot::Prep(prep) => t.prep(x, prep).or_else(|| {
                        if *prep == "by" && !verb_level {
                            // "the demonstration staged by students": the agent of a
                            // participle on the noun.
                            if let Some(a) = t
                                .children(x)
                                .iter()
                                .copied()
                                .filter(|&c| t.rel(c) == "acl" && t.xpos(c) == "VBN")
                                .find_map(|c| t.prep(c, "by"))
                            {
                                return Some(a);
                            }
                        }
                        if verb_level {
                            // "discussed the plan with Putin": a prepositional phrase the
                            // parser hung on the verb's object belongs to the verb as well.
                            t.object(x).and_then(|o| t.prep(o, prep))
                        } else if i == 0 {
                            // "a visit by the prime minister to Kyiv": one hung on a noun
                            // inside the event's own phrase belongs to the event.
                            t.children(x)
                                .iter()
                                .copied()
                                .filter(|&c| matches!(t.rel(c), "nmod" | "appos"))
                                .find_map(|c| {
                                    t.prep(c, prep).or_else(|| {
                                        t.children(c)
                                            .iter()
                                            .copied()
                                            .filter(|&g| matches!(t.rel(g), "appos" | "flat"))
                                            .find_map(|g| t.prep(g, prep))
                                    })
                                })
                        } else {
                            None
                        }
                    }),
                    Slot::Xcomp => t.child(x, "xcomp"),
                    Slot::Prt => t.child(x, "compound:prt"),
                    Slot::Amod => None,
                    // "hunger strike": the tagger may call the modifying noun an adjective.
                    Slot::Compound => t
                        .children(x)
                        .iter()
                        .copied()
                        .find(|&c| t.deprel(c) == "compound")
                        .or_else(|| {
                            t.children(x).iter().copied().find(|&c| {
                                t.deprel(c) == "amod" && self.owner[c as usize].is_none()
                            })
                        }),
                    Slot::Poss => t.child(x, "nmod:poss"),
                    Slot::Demonym => t.children(x).iter().copied().find(|&c| {
                        t.rel(c) == "amod"
                            && self.owner[c as usize].is_some_and(|m| {
                                self.tree.doc.mentions[m].via
                                    == eventwire_document::MentionVia::Demonym
                            })
                    }),
                };
                next.extend(found);
            }
            cur = next;
            if cur.is_empty() {
                break;
            }
        }
        cur
    }

    /// The first of `rules` whose conditions hold on `p` (whatever its slots hold).
    fn first_holding<'r>(&self, p: TokenId, rules: &'r [Rule], is_verb: bool) -> Option<&'r Rule> {
        rules
            .iter()
            .find(|r| r.conditions.iter().all(|c| self.holds(p, c, is_verb)))
    }

    fn holds(&self, p: TokenId, c: &Condition, is_verb: bool) -> bool {
        let toks = self.slot_tokens(p, &c.path, is_verb);
        let filled = match &c.values {
            None => !toks.is_empty(),
            Some(v) => toks.iter().any(|&x| {
                let t = self.tree;
                let lemma = lemma_of(t, x);
                let form = t.lower(x);
                let matches = |w: &str| {
                    v.lemmas.iter().any(|l| l == w)
                        || v.classes.iter().any(|cl| self.lex.in_class(cl, w))
                };
                // Also allow a compound or amod of the slot head ("arms supplies": supplies is
                // the head, arms the compound) — conditions name the head, so check it alone
                // except for the multiword forms written with hyphens.
                // "25,000 tons of food aid", "$50,000 worth of goods": a measure noun
                // stands for what it measures.
                let measured = self
                    .measured(x)
                    .is_some_and(|m| matches(&lemma_of(t, m)) || matches(t.lower(m)));
                matches(&lemma) || matches(form) || measured
            }),
        };
        filled != c.negated
    }

    fn fill(&self, p: TokenId, path: &SlotPath, is_verb: bool) -> Option<Vec<ActorRef>> {
        let toks = self.slot_tokens(p, path, is_verb);
        let actors: Vec<ActorRef> = toks.into_iter().flat_map(|x| self.actors(x)).collect();
        (!actors.is_empty()).then_some(actors)
    }

    /// The actors a token stands for: the mention it heads or lies in, each conjunct's, the
    /// antecedent of a relative pronoun, or a national adjective on it.
    fn actors(&self, x: TokenId) -> Vec<ActorRef> {
        let t = self.tree;
        let doc = t.doc;
        let mut out: Vec<ActorRef> = Vec::new();
        for y in t.with_conjuncts(x) {
            let y = if t.is_relative_pronoun(y) {
                t.head(y)
                    .and_then(|v| t.relative_antecedent(v))
                    .unwrap_or(y)
            } else {
                y
            };
            let mut ys = t.with_conjuncts(y);
            if ys.len() == 1 {
                ys = vec![y];
            }
            for z in ys {
                let m = self.mention_of(z).or_else(|| {
                    // "Kenzo Oshima, the United Nations relief coordinator": an apposition
                    // names the same actor.
                    t.children(z)
                        .iter()
                        .copied()
                        .filter(|&c| t.rel(c) == "appos")
                        .find_map(|c| self.mention_of(c))
                });
                let Some(m) = m else { continue };
                let mention = &doc.mentions[m];
                let code = match (&mention.code, mention.kind) {
                    (Some(c), _) => Some(c.clone()),
                    (None, MentionKind::Place) => mention.country.clone(),
                    // "refugees fleeing the civil war in Liberia", "parties to the conflict in
                    // Iraq": a group without a country takes the one its own phrase names.
                    (None, _) if self.owner[z as usize] == Some(m) => mention
                        .sector
                        .as_ref()
                        .and_then(|sector| Some(format!("{}{sector}", self.phrase_country(z)?))),
                    _ => None,
                };
                if let Some(code) = code {
                    if !out.iter().any(|a| a.mention == m) {
                        out.push(ActorRef { mention: m, code });
                    }
                }
                // "French and Egyptian warships", "US and British forces": each national
                // adjective coordinated on the noun names an actor of the noun's sector.
                if let Some(sector) = mention
                    .sector
                    .as_ref()
                    .filter(|_| self.owner[z as usize] == Some(m))
                {
                    for &c in t.children(z) {
                        if t.rel(c) != "amod" {
                            continue;
                        }
                        let Some(other) = self.owner[c as usize].filter(|&o| o != m) else {
                            continue;
                        };
                        let om = &doc.mentions[other];
                        let coordinated = t
                            .children(c)
                            .iter()
                            .any(|&k| t.rel(k) == "conj" && self.owner[k as usize] == Some(m));
                        if let (true, Some(country)) =
                            (coordinated, om.code.as_deref().filter(|c| c.len() == 3))
                        {
                            if !out.iter().any(|a| a.mention == other) {
                                out.push(ActorRef {
                                    mention: other,
                                    code: format!("{country}{sector}"),
                                });
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

impl Coder<'_, '_> {
    /// The mention a noun stands for: its own; else, through quantities ("tens of thousands
    /// of Iraqi Kurds"), the counted noun's; else a national adjective, a possessive or a
    /// compound on it ("Russian forces").
    fn mention_of(&self, z: TokenId) -> Option<usize> {
        let t = self.tree;
        let mut z = z;
        for _ in 0..3 {
            if self.owner[z as usize].is_some() || !is_quantity(t.lemma(z)) {
                break;
            }
            match t
                .children(z)
                .iter()
                .copied()
                .find(|&c| t.rel(c) == "nmod" && t.case(c).as_deref() == Some("of"))
            {
                Some(c) => z = c,
                None => break,
            }
        }
        self.owner[z as usize].or_else(|| {
            t.children(z)
                .iter()
                .copied()
                .filter(|&c| matches!(t.deprel(c), "amod" | "compound" | "nmod:poss"))
                .find_map(|c| {
                    self.owner[c as usize].or_else(|| {
                        // "the US-led war", "a Saudi-led coalition": the leader named.
                        (t.lemma(c) == "lead" && t.xpos(c) == "VBN")
                            .then(|| t.children(c).iter().find_map(|&l| self.owner[l as usize]))
                            .flatten()
                    })
                })
        })
    }
}

/// Other spellings of a verb lemma the suffix lemmatizer may have cut wrongly: closed up
/// after a hyphenated prefix, without a doubled final consonant, with a final e added, or
/// without it.
fn lemma_repairs(lemma: &str) -> Vec<String> {
    let mut out = Vec::new();
    // "re-open", "co-operate": the lexicon writes prefixed verbs closed up.
    if lemma.contains('-') {
        out.push(lemma.replace('-', ""));
    }
    let b = lemma.as_bytes();
    if b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && b[b.len() - 1].is_ascii_alphabetic() {
        out.push(lemma[..lemma.len() - 1].to_string());
    }
    if lemma.ends_with('e') && lemma.len() > 3 {
        out.push(lemma[..lemma.len() - 1].to_string());
    } else {
        out.push(format!("{lemma}e"));
    }
    out
}

/// Nouns that count or group what follows "of" ("scores of refugees", "members of Hamas").
fn is_quantity(lemma: &str) -> bool {
    matches!(
        lemma.to_lowercase().as_str(),
        "score"
            | "ten"
            | "tens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "dozen"
            | "hundred"
            | "thousand"
            | "million"
            | "number"
            | "group"
            | "member"
            | "band"
            | "unit"
            | "team"
            | "contingent"
            | "delegation"
            | "convoy"
            | "batch"
            | "couple"
            | "handful"
            | "majority"
            | "some"
            | "many"
            | "most"
            | "all"
            | "one"
            | "two"
            | "three"
    )
}

/// The lemma to look a word up by: the tagger's lemma, checked against a plain English
/// singular of a plural noun the lemmatizer left alone ("supplies" → "supply").
pub fn lemma_of(t: &Tree<'_>, x: TokenId) -> String {
    let lemma = t.lemma(x).to_lowercase();
    if t.upos(x) == "NOUN"
        && lemma == t.lower(x)
        && lemma.len() > 3
        && lemma.ends_with('s')
        && !lemma.ends_with("ss")
    {
        if let Some(stem) = lemma.strip_suffix("ies") {
            return format!("{stem}y");
        }
        if lemma.ends_with("ches")
            || lemma.ends_with("shes")
            || lemma.ends_with("xes")
            || lemma.ends_with("sses")
        {
            return lemma[..lemma.len() - 2].to_string();
        }
        return lemma[..lemma.len() - 1].to_string();
    }
    lemma
}

/// Sectors of a country's society, as against its state: groups that may stand without a
/// country in the text ("rebels", "students") and that can act on their own state.
const DOMESTIC_SECTORS: [&str; 12] = [
    "REB", "OPP", "CVL", "EDU", "LAB", "JRN", "CRM", "COP", "HRI", "SEP", "INS", "REF",
];

/// True when one code is a part of a country's society (IRQCVLKUR, HRVREB) and the other
/// that country itself (IRQ, HRV): the Kurds demonstrating against Iraq are not Iraq acting
/// on itself, nor is Croatia investigating Croatian extremists.
fn society_and_state(a: &str, b: &str) -> bool {
    let (state, society) = if a.len() == 3 { (a, b) } else { (b, a) };
    state.len() == 3
        && society.len() >= 6
        && society.starts_with(state)
        && society
            .get(3..6)
            .is_some_and(|s| s != "COP" && DOMESTIC_SECTORS.contains(&s))
}

/// The actors of `a` that are different actors from every one of `sources`.
fn others_than(a: Vec<ActorRef>, sources: &[ActorRef]) -> Vec<ActorRef> {
    a.into_iter()
        .filter(|x| distinct(std::slice::from_ref(x), sources))
        .collect()
}

/// True when `a` is one of `sources` itself: the same mention or the same code.
fn is_own(a: &ActorRef, sources: &[ActorRef]) -> bool {
    sources
        .iter()
        .any(|s| s.mention == a.mention || s.code == a.code)
}

/// True when two codes name one actor at two levels of detail (USA, USAGOV). A country and a
/// part of its society are two actors, and so are a domestic sector and a group within it
/// (NGACVL, NGACVLMOS).
fn one_actor(a: &str, b: &str) -> bool {
    let shorter = if a.len() <= b.len() { a } else { b };
    let subgroup = a != b
        && shorter
            .get(3..6)
            .is_some_and(|sector| DOMESTIC_SECTORS.contains(&sector));
    nested_codes(a, b) && !society_and_state(a, b) && !subgroup
}

/// True when every actor of `a` is a different actor from every one of `b`.
fn distinct(a: &[ActorRef], b: &[ActorRef]) -> bool {
    a.iter()
        .all(|x| b.iter().all(|y| !one_actor(&x.code, &y.code)))
}

/// True when one actor code extends the other (USA and USAGOV): the same actor at two levels
/// of detail, where different sectors of one country (RWAREB, RWAGOV) are different actors.
pub fn nested_codes(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Country-level identity of two actor codes (IGO codes compare whole).
pub fn same_country(a: &str, b: &str) -> bool {
    let key = |c: &str| {
        if c.starts_with("IGO") || c.starts_with("NGO") {
            c.to_string()
        } else {
            c.chars().take(3).collect()
        }
    };
    key(a) == key(b)
}
