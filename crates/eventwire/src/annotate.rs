//! The annotation view: one JSON object per document with every layer the pipeline built.
//!
//! This is the debugging view and the contract for evaluating each layer (documented in
//! `docs/annotate.md`). Fields:
//! - `doc_id`, `date` (publication date or `null`), `title` and `url` when known;
//! - `text` — only when it differs from the input (HTML extraction), since offsets refer to it;
//! - `paragraphs`: `{start, end}`;
//! - `sentences`: `{start, end, paragraph, flags, repeat_of, credit}`;
//! - `tokens`: `{start, end, text}` plus `norm` when the normalized form differs, and
//!   `upos`, `xpos`, `lemma`, `head` (document token index or `null` for a root), `deprel`
//!   once the syntax stage ran, and `coder_head`/`coder_deprel` where the event coder's tree
//!   repairs changed them;
//! - `mentions`: `{start, end, text, kind ("actor" | "place"), via, code, country, sector, name,
//!   kb_id, place ({name, country, lat, lon} or null), antecedent}`;
//! - `timexes`: `{start, end, text, type, value, basis}`;
//! - `predicates`: `{token, text, factuality, factuality_score}` for every verb and event noun;
//! - `events`: the document's event records (as `eventwire code` writes them).

use eventwire_document::{
    Document, MentionKind, MentionVia, PlaceInfo, SentenceFlags, Span, TimexKind,
};
use serde::Serialize;

#[derive(Serialize)]
struct View<'a> {
    doc_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    paragraphs: &'a [Span],
    sentences: Vec<SentenceView>,
    tokens: Vec<TokenView<'a>>,
    mentions: Vec<MentionView<'a>>,
    timexes: Vec<TimexView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    predicates: Option<Vec<PredicateView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<&'a [crate::record::EventRecord]>,
}

#[derive(Serialize)]
struct PredicateView<'a> {
    token: u32,
    text: &'a str,
    factuality: &'static str,
    factuality_score: f32,
}

#[derive(Serialize)]
struct MentionView<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    kind: MentionKind,
    via: MentionVia,
    code: Option<&'a str>,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    name: Option<&'a str>,
    kb_id: Option<&'a str>,
    place: Option<&'a PlaceInfo>,
    antecedent: Option<u32>,
}

#[derive(Serialize)]
struct TimexView<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    kind: TimexKind,
    value: Option<&'a str>,
    basis: eventwire_document::TimexBasis,
}

#[derive(Serialize)]
struct SentenceView {
    start: u32,
    end: u32,
    paragraph: u32,
    flags: SentenceFlags,
    repeat_of: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<Span>,
}

#[derive(Serialize)]
struct TokenView<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    norm: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    upos: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    xpos: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lemma: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    head: Option<Option<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deprel: Option<&'a str>,
    /// The head the event coder reads, where its tree repairs changed the parser's.
    #[serde(skip_serializing_if = "Option::is_none")]
    coder_head: Option<Option<u32>>,
    /// The relation the event coder reads, where its tree repairs changed the parser's.
    #[serde(skip_serializing_if = "Option::is_none")]
    coder_deprel: Option<String>,
}

/// The annotation view of `doc` as one line of JSON (no trailing newline).
pub fn to_json(doc: &Document) -> String {
    to_json_with(doc, None, None)
}

/// The annotation view with the factuality of every predicate (verbs and event nouns) and the
/// document's event records.
pub fn to_json_with(
    doc: &Document,
    lexicon: Option<&eventwire_events::Lexicon>,
    events: Option<&[crate::record::EventRecord]>,
) -> String {
    let predicates = lexicon.and_then(|lex| {
        let tree = eventwire_events::tree::Tree::new(doc)?;
        Some(
            (0..doc.tokens.len() as u32)
                .filter(|&t| {
                    tree.upos(t) == "VERB"
                        || (tree.upos(t) == "NOUN"
                            && !lex.noun_rules(&tree.lemma(t).to_lowercase()).is_empty())
                })
                .map(|t| {
                    let f = eventwire_events::qualify::predicate_factuality(&tree, lex, t);
                    PredicateView {
                        token: t,
                        text: doc.token_text(t),
                        factuality: f.as_str(),
                        factuality_score: f.score(),
                    }
                })
                .collect::<Vec<_>>(),
        )
    });
    let syntax = doc.syntax.as_ref();
    let coder_tree = eventwire_events::tree::Tree::new(doc);
    let tokens = (0..doc.tokens.len() as u32)
        .map(|t| {
            let text = doc.token_text(t);
            let norm = doc.tokens.norm(t);
            let i = t as usize;
            let repaired = match (syntax, coder_tree.as_ref()) {
                (Some(s), Some(tree))
                    if tree.head(t) != s.head[i] || tree.deprel(t) != s.deprel[i] =>
                {
                    Some((tree.head(t), tree.deprel(t).to_string()))
                }
                _ => None,
            };
            TokenView {
                start: doc.tokens.span(t).start,
                end: doc.tokens.span(t).end,
                text,
                norm: (norm != text).then_some(norm),
                upos: syntax.map(|s| s.upos[i]),
                xpos: syntax.map(|s| s.xpos[i].as_str()),
                lemma: syntax.map(|s| s.lemma[i].as_str()),
                head: syntax.map(|s| s.head[i]),
                deprel: syntax.map(|s| s.deprel[i].as_str()),
                coder_head: repaired.as_ref().map(|r| r.0),
                coder_deprel: repaired.map(|r| r.1),
            }
        })
        .collect();
    let view = View {
        doc_id: &doc.id,
        text: doc.text_extracted.then_some(doc.text.as_str()),
        date: doc.date.map(|d| d.to_string()),
        title: doc.title.as_deref(),
        url: doc.url.as_deref(),
        paragraphs: &doc.paragraphs,
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceView {
                start: s.span.start,
                end: s.span.end,
                paragraph: s.paragraph,
                flags: s.flags,
                repeat_of: s.repeat_of,
                credit: s.credit,
            })
            .collect(),
        tokens,
        mentions: doc
            .mentions
            .iter()
            .map(|m| MentionView {
                start: m.span.start,
                end: m.span.end,
                text: doc.slice(m.span),
                kind: m.kind,
                via: m.via,
                code: m.code.as_deref(),
                country: m.country.as_deref(),
                sector: m.sector.as_deref(),
                name: m.name.as_deref(),
                kb_id: m.kb_id.as_deref(),
                place: m.place.as_ref(),
                antecedent: m.antecedent,
            })
            .collect(),
        timexes: doc
            .timexes
            .iter()
            .map(|t| TimexView {
                start: t.span.start,
                end: t.span.end,
                text: doc.slice(t.span),
                kind: t.kind,
                value: t.value.as_deref(),
                basis: t.basis,
            })
            .collect(),
        predicates,
        events,
    };
    // A view of strings and numbers always serializes.
    serde_json::to_string(&view).unwrap_or_default()
}
