//! The event lexicon: verbal and nominal triggers, word classes, embedding words and code maps
//! (`data/lexicon/*.tsv`, format in `data/lexicon/README.md`), plus the CAMEO code table
//! (`data/cameo/codes.tsv`). Compiled into hash maps once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A slot of a predicate or of an argument, read off the dependency tree.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Subject (the by-agent in a passive, the controller of a non-finite verb).
    Subj,
    /// Direct object (the passive subject in a passive).
    Obj,
    /// Indirect object.
    Iobj,
    /// An oblique or nominal modifier introduced by a preposition.
    Prep(String),
    /// Open clausal complement.
    Xcomp,
    /// Verb particle.
    Prt,
    /// Adjectival modifier.
    Amod,
    /// Compound modifier.
    Compound,
    /// Possessive.
    Poss,
    /// A national adjective modifying a noun ("Japanese prime minister").
    Demonym,
}

/// A path of slots: `obj>prep:for`.
pub type SlotPath = Vec<Slot>;

/// What a condition's slot head must be.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values {
    /// Lemmas.
    pub lemmas: Vec<String>,
    /// Word classes.
    pub classes: Vec<String>,
}

/// One condition of a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Where to look.
    pub path: SlotPath,
    /// `!SLOT`: the slot must be empty.
    pub negated: bool,
    /// `SLOT=VALUES`; `None` for `SLOT` (must be filled).
    pub values: Option<Values>,
}

/// One lexicon row.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Trigger lemma (with particle for phrasal verbs).
    pub lemma: String,
    /// All must hold.
    pub conditions: Vec<Condition>,
    /// CAMEO code.
    pub cameo: String,
    /// Source slots, in order of preference.
    pub source: Vec<SlotPath>,
    /// Target slots, in order of preference; empty for events without a target.
    pub target: Vec<SlotPath>,
    /// Symmetric event.
    pub symmetric: bool,
    /// Source may equal target.
    pub self_directed: bool,
    /// Where the rule came from (file:line), for debugging.
    pub origin: String,
}

/// How an embedding word treats the event in its complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmbedKind {
    /// Expression of intent (03 family).
    Intent,
    /// Appeal (02 family).
    Request,
    /// Demand (10 family).
    Demand,
    /// Threat (13 family).
    Threaten,
    /// Rejection (12 family).
    Reject,
    /// Reporting: the event is coded as is, attributed to the speaker.
    Report,
    /// Transparent ("appears to").
    Raising,
}

impl EmbedKind {
    fn parse(s: &str) -> Option<EmbedKind> {
        Some(match s {
            "intent" => EmbedKind::Intent,
            "request" => EmbedKind::Request,
            "demand" => EmbedKind::Demand,
            "threaten" => EmbedKind::Threaten,
            "reject" => EmbedKind::Reject,
            "report" => EmbedKind::Report,
            "raising" => EmbedKind::Raising,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            EmbedKind::Intent => "intent",
            EmbedKind::Request => "request",
            EmbedKind::Demand => "demand",
            EmbedKind::Threaten => "threaten",
            EmbedKind::Reject => "reject",
            EmbedKind::Report => "report",
            EmbedKind::Raising => "raising",
        }
    }

    /// True for kinds that turn the embedded event into another code.
    pub fn transforms(self) -> bool {
        !matches!(self, EmbedKind::Report | EmbedKind::Raising)
    }
}

/// Facts about one CAMEO code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// Short name.
    pub name: String,
    /// GDELT Goldstein value.
    pub goldstein: Option<f64>,
    /// GDELT QuadClass.
    pub quad_class: u8,
    /// PLOVER 2.0 type.
    pub plover_event: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
}

/// Why a lexicon file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// File name.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The compiled lexicon.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    verbs: HashMap<String, Vec<Rule>>,
    nouns: HashMap<String, Vec<Rule>>,
    classes: HashMap<String, HashSet<String>>,
    embedding: HashMap<String, EmbedKind>,
    code_maps: HashMap<(&'static str, String), String>,
    codes: HashMap<String, CodeInfo>,
}

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn parse_slot(s: &str) -> Option<Slot> {
    Some(match s {
        "subj" => Slot::Subj,
        "obj" => Slot::Obj,
        "iobj" => Slot::Iobj,
        "xcomp" => Slot::Xcomp,
        "prt" => Slot::Prt,
        "amod" => Slot::Amod,
        "compound" => Slot::Compound,
        "poss" => Slot::Poss,
        "demonym" => Slot::Demonym,
        _ => Slot::Prep(s.strip_prefix("prep:")?.to_string()),
    })
}

fn parse_path(s: &str) -> Option<SlotPath> {
    s.split('>').map(parse_slot).collect()
}

fn parse_paths(s: &str) -> Option<Vec<SlotPath>> {
    if s == "-" || s.is_empty() {
        return Some(Vec::new());
    }
    s.split('|').map(parse_path).collect()
}

fn parse_conditions(s: &str) -> Option<Vec<Condition>> {
    if s == "-" || s.is_empty() {
        return Some(Vec::new());
    }
    s.split(';')
        .map(|c| {
            let c = c.trim();
            let (negated, c) = match c.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, c),
            };
            let (path, values) = match c.split_once('=') {
                Some((p, v)) => {
                    let mut vals = Values::default();
                    for x in v.split('|') {
                        match x.strip_prefix('@') {
                            Some(class) => vals.classes.push(class.to_string()),
                            None => vals.lemmas.push(x.to_lowercase()),
                        }
                    }
                    (p, Some(vals))
                }
                None => (c, None),
            };
            Some(Condition {
                path: parse_path(path)?,
                negated,
                values,
            })
        })
        .collect()
}

fn parse_rules(file: &str, text: &str) -> Result<HashMap<String, Vec<Rule>>, LexiconError> {
    let mut out: HashMap<String, Vec<Rule>> = HashMap::new();
    for (line, cols) in rows(text) {
        let err = |message: &str| LexiconError {
            file: file.to_string(),
            line,
            message: message.to_string(),
        };
        if cols.len() < 6 {
            return Err(err(
                "expected 7 columns: lemma when cameo source target flags note",
            ));
        }
        let conditions = parse_conditions(cols[1]).ok_or_else(|| err("bad condition"))?;
        let source = parse_paths(cols[3]).ok_or_else(|| err("bad source slot"))?;
        let target = parse_paths(cols[4]).ok_or_else(|| err("bad target slot"))?;
        let flags: Vec<&str> = cols[5].split(',').map(str::trim).collect();
        let lemma = cols[0].to_lowercase();
        out.entry(lemma.clone()).or_default().push(Rule {
            lemma,
            conditions,
            cameo: cols[2].to_string(),
            source,
            target,
            symmetric: flags.contains(&"sym"),
            self_directed: flags.contains(&"self"),
            origin: format!("{file}:{line}"),
        });
    }
    Ok(out)
}

impl Lexicon {
    /// The lexicon built into the crate.
    pub fn builtin() -> Result<&'static Lexicon, &'static LexiconError> {
        static LEX: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::from_texts(
                include_str!("../../../data/lexicon/verbs.tsv"),
                include_str!("../../../data/lexicon/nouns.tsv"),
                include_str!("../../../data/lexicon/classes.tsv"),
                include_str!("../../../data/lexicon/embedding.tsv"),
                include_str!("../../../data/lexicon/code_maps.tsv"),
                include_str!("../../../data/cameo/codes.tsv"),
            )
        })
        .as_ref()
    }

    /// Build a lexicon from the texts of its files.
    pub fn from_texts(
        verbs: &str,
        nouns: &str,
        classes: &str,
        embedding: &str,
        code_maps: &str,
        codes: &str,
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon {
            verbs: parse_rules("verbs.tsv", verbs)?,
            nouns: parse_rules("nouns.tsv", nouns)?,
            ..Lexicon::default()
        };
        for (_, cols) in rows(classes) {
            if let [class, lemma, ..] = cols.as_slice() {
                lex.classes
                    .entry(class.to_string())
                    .or_default()
                    .insert(lemma.to_lowercase());
            }
        }
        for (line, cols) in rows(embedding) {
            if let [lemma, kind, ..] = cols.as_slice() {
                let kind = EmbedKind::parse(kind).ok_or_else(|| LexiconError {
                    file: "embedding.tsv".into(),
                    line,
                    message: format!("unknown kind {kind}"),
                })?;
                lex.embedding.insert(lemma.to_lowercase(), kind);
            }
        }
        for (_, cols) in rows(code_maps) {
            if let [kind, from, to, ..] = cols.as_slice() {
                if let Some(k) = EmbedKind::parse(kind) {
                    lex.code_maps
                        .insert((k.name(), from.to_string()), to.to_string());
                }
            }
        }
        for (line, cols) in rows(codes) {
            if let [code, name, goldstein, quad, plover, mode, ..] = cols.as_slice() {
                lex.codes.insert(
                    code.to_string(),
                    CodeInfo {
                        name: name.to_string(),
                        goldstein: goldstein.parse().ok(),
                        quad_class: quad.parse().map_err(|_| LexiconError {
                            file: "codes.tsv".into(),
                            line,
                            message: format!("bad quad class {quad}"),
                        })?,
                        plover_event: Some(plover.to_string())
                            .filter(|s| !s.is_empty() && s != "-"),
                        plover_mode: Some(mode.to_string()).filter(|s| !s.is_empty() && s != "-"),
                    },
                );
            } else if let [code, name, goldstein, quad, ..] = cols.as_slice() {
                lex.codes.insert(
                    code.to_string(),
                    CodeInfo {
                        name: name.to_string(),
                        goldstein: goldstein.parse().ok(),
                        quad_class: quad.parse().unwrap_or(0),
                        plover_event: None,
                        plover_mode: None,
                    },
                );
            }
        }
        Ok(lex)
    }

    /// Add verb rules (for example imported from a PETRARCH dictionary) after the built-in
    /// ones: built-in rows keep priority.
    pub fn add_verb_rules(&mut self, rules: impl IntoIterator<Item = Rule>) {
        for r in rules {
            self.verbs.entry(r.lemma.clone()).or_default().push(r);
        }
    }

    /// Replace the verb rules entirely.
    pub fn replace_verb_rules(&mut self, rules: impl IntoIterator<Item = Rule>) {
        self.verbs.clear();
        self.add_verb_rules(rules);
    }

    /// Rules of a verb lemma ("step up" for a phrasal verb).
    pub fn verb_rules(&self, lemma: &str) -> &[Rule] {
        self.verbs.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Rules of a noun lemma.
    pub fn noun_rules(&self, lemma: &str) -> &[Rule] {
        self.nouns.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// True when `lemma` is in word class `class`.
    pub fn in_class(&self, class: &str, lemma: &str) -> bool {
        self.classes.get(class).is_some_and(|c| c.contains(lemma))
    }

    /// The embedding kind of a word ("consider" → intent, "call for" → request).
    pub fn embedding(&self, lemma: &str) -> Option<EmbedKind> {
        self.embedding.get(lemma).copied()
    }

    /// The code an embedding kind turns `code` into (longest matching prefix). A row whose
    /// `to` is `=` keeps the embedded code ("will not accept refugees" stays a rejection); one
    /// whose `to` is `@kind` maps through that kind's rows ("plans to impose sanctions" is a
    /// threat).
    pub fn map_code(&self, kind: EmbedKind, code: &str) -> Option<String> {
        self.map_code_depth(kind, code, 0)
    }

    fn map_code_depth(&self, kind: EmbedKind, code: &str, depth: usize) -> Option<String> {
        let to = (1..=code.len())
            .rev()
            .find_map(|n| self.code_maps.get(&(kind.name(), code[..n].to_string())))?;
        match to.as_str() {
            "=" => Some(code.to_string()),
            other => match other.strip_prefix('@') {
                Some(k) if depth < 3 => self.map_code_depth(EmbedKind::parse(k)?, code, depth + 1),
                Some(_) => None,
                None => Some(other.to_string()),
            },
        }
    }

    /// Facts about a CAMEO code.
    pub fn code(&self, code: &str) -> Option<&CodeInfo> {
        self.codes.get(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_maps_codes() {
        let lex = Lexicon::builtin().expect("built-in lexicon");
        assert!(!lex.verb_rules("attack").is_empty());
        assert!(!lex.noun_rules("visit").is_empty());
        assert_eq!(lex.embedding("consider"), Some(EmbedKind::Intent));
        assert_eq!(
            lex.map_code(EmbedKind::Intent, "072").as_deref(),
            Some("0332")
        );
        assert_eq!(
            lex.map_code(EmbedKind::Intent, "163").as_deref(),
            Some("1312")
        );
        assert_eq!(
            lex.map_code(EmbedKind::Intent, "120").as_deref(),
            Some("120")
        );
        assert!(lex.in_class("weapons", "missile"));
        let c = lex.code("190").expect("190");
        assert_eq!(c.quad_class, 4);
        assert_eq!(c.plover_event.as_deref(), Some("ASSAULT"));
    }

    #[test]
    fn conditions_and_paths_parse() {
        let c = parse_conditions("obj=@weapons|arms;!xcomp;obj>prep:for").expect("parses");
        assert_eq!(c.len(), 3);
        assert_eq!(
            c[0].values.as_ref().map(|v| v.classes.clone()),
            Some(vec!["weapons".to_string()])
        );
        assert!(c[1].negated);
        assert_eq!(c[2].path, vec![Slot::Obj, Slot::Prep("for".into())]);
    }
}
