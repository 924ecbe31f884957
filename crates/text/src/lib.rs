//! The text stage: normalization, tokens, sentences, paragraphs and article structure.
//!
//! Reads [`Document::text`]; writes [`Document::tokens`], [`Document::paragraphs`] and
//! [`Document::sentences`] (with headline / caption / credit / byline / repeat flags).
//!
//! ```
//! use eventwire_document::Document;
//! let mut doc = Document::new("d", "Nato chief warns China\n\nMr. Xi met Putin. They talked.");
//! eventwire_text::analyze(&mut doc);
//! assert_eq!(doc.sentences.len(), 3);
//! assert!(doc.sentences[0].flags.contains(eventwire_document::SentenceFlags::HEADLINE));
//! assert_eq!(doc.token_text(5), "Xi");
//! ```

pub mod lexicon;
pub mod normalize;
pub mod sentences;
pub mod structure;
pub mod tokenize;

use eventwire_document::{Document, Sentence, SentenceFlags, Span, Tokens};
pub use normalize::NormalizedText;
use structure::{paragraph_roles, ParagraphView};

/// Run the text stage on `doc`, replacing any earlier token, sentence and paragraph layers.
pub fn analyze(doc: &mut Document) {
    let norm = NormalizedText::new(&doc.text);
    let ntext = norm.as_str();
    let mut align = norm.aligner();
    let mut tokens = Tokens::with_capacity(ntext.len() / 5);
    let mut paragraphs = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut views: Vec<ParagraphView<'_>> = Vec::new();
    let mut para_tokens: Vec<(usize, usize)> = Vec::new();

    let mut line_start = 0;
    for line in ntext.split_inclusive('\n') {
        let (ls, le) = (line_start, line_start + line.len());
        line_start = le;
        para_tokens.clear();
        tokenize::tokenize_range(ntext, ls, le, &mut para_tokens);
        merge_split_characters(&mut align, &mut para_tokens);
        if para_tokens.is_empty() {
            continue;
        }
        let para_index = paragraphs.len() as u32;
        let first_token = tokens.len() as u32;
        for &(a, b) in &para_tokens {
            let (s, e) = align.span(a, b);
            tokens.push(Span::new(s, e), &ntext[a..b]);
        }
        let last = para_tokens[para_tokens.len() - 1];
        paragraphs.push(Span::new(
            tokens.span(first_token).start,
            tokens.span(tokens.len() as u32 - 1).end,
        ));
        let first_sentence = sentences.len();
        for r in sentences::split(ntext, &para_tokens) {
            let (t0, t1) = (first_token + r.start as u32, first_token + r.end as u32);
            sentences.push(Sentence {
                span: Span::new(tokens.span(t0).start, tokens.span(t1 - 1).end),
                tokens: t0..t1,
                paragraph: para_index,
                flags: SentenceFlags::empty(),
                repeat_of: None,
                credit: None,
            });
        }
        views.push(ParagraphView {
            text: ntext[para_tokens[0].0..last.1].trim(),
            tokens: para_tokens.iter().map(|&(a, b)| &ntext[a..b]).collect(),
            sentences: first_sentence..sentences.len(),
        });
    }

    for (view, role) in views.iter().zip(paragraph_roles(&views)) {
        let para_first_token = sentences[view.sentences.start].tokens.start;
        let credit = role.credit_tokens.as_ref().map(|r| {
            let (a, b) = (
                para_first_token + r.start as u32,
                para_first_token + r.end as u32 - 1,
            );
            Span::new(tokens.span(a).start, tokens.span(b).end)
        });
        let repeat_first = role.repeat_of.map(|p| views[p].sentences.start);
        for (k, si) in view.sentences.clone().enumerate() {
            let s = &mut sentences[si];
            s.flags.insert(role.flags);
            if let Some(c) = credit.filter(|c| s.span.contains(*c)) {
                s.credit = Some(c);
            } else if credit.is_some() {
                // The credit belongs to the paragraph's last sentence only.
                s.flags = SentenceFlags::empty();
                s.flags.insert(SentenceFlags::CAPTION);
                if role.flags.contains(SentenceFlags::REPEAT) {
                    s.flags.insert(SentenceFlags::REPEAT);
                }
            }
            s.repeat_of = repeat_first.map(|f| (f + k) as u32);
        }
    }

    doc.tokens = tokens;
    doc.paragraphs = paragraphs;
    doc.sentences = sentences;
}

/// Merge tokens that begin inside the original character the previous token ends in: one
/// original character normalized to several ("…" → "...") must never be split between tokens.
fn merge_split_characters(
    align: &mut normalize::Aligner<'_, '_>,
    tokens: &mut Vec<(usize, usize)>,
) {
    let mut w = 0;
    let mut prev_end = 0;
    for r in 0..tokens.len() {
        let (a, b) = tokens[r];
        let start = align.offset(a);
        if w > 0 && start < prev_end {
            tokens[w - 1].1 = b;
            prev_end = align.offset(b - 1) + 1;
            continue;
        }
        prev_end = align.offset(b - 1) + 1;
        tokens[w] = (a, b);
        w += 1;
    }
    tokens.truncate(w);
}

/// Tokenize a short string (a lexicon entry or a name) the way documents are tokenized;
/// returns the normalized token texts.
pub fn tokenize_phrase(phrase: &str) -> Vec<String> {
    let norm = NormalizedText::new(phrase);
    let t = norm.as_str();
    tokenize::tokenize(t)
        .into_iter()
        .map(|(a, b)| t[a..b].to_string())
        .collect()
}
