//! The [`Document`]: one news article as it flows through the eventwire pipeline.
//!
//! A document owns its text and a set of *layers*, each written by one stage and read by the
//! later ones (the design follows spaCy's `Doc`):
//!
//! | layer | written by | what it holds |
//! |---|---|---|
//! | [`Document::tokens`] | text | token spans (struct of arrays) and their normalized forms |
//! | [`Document::sentences`], [`Document::paragraphs`] | text | sentence spans, headline / caption / credit / repeat flags |
//! | [`Document::syntax`] | syntax | UPOS, XPOS, lemma, head and relation per token |
//! | [`Document::timexes`] | time | time expressions with TIMEX3 values |
//! | [`Document::mentions`] | mentions | actors and places linked to the knowledge base, coreference |
//!
//! Every span is a half-open range of **Unicode code points** into [`Document::text`], the text
//! exactly as the user gave it (for HTML input: the extracted article text). Stages never
//! rewrite `text`; normalization lives in token forms with an exact offset map back.
//!
//! ```
//! use eventwire_document::{Document, Span};
//! let doc = Document::new("d1", "Xi met Putin.");
//! assert_eq!(doc.slice(Span::new(3, 6)), "met");
//! ```

use chrono::NaiveDate;
use serde::Serialize;

mod layers;
pub use layers::*;

/// A half-open range `[start, end)` of Unicode code points into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    /// First code point of the span.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (code points).
    pub fn new(start: u32, end: u32) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Number of code points covered.
    pub fn len(&self) -> u32 {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Index of a token in [`Document::tokens`].
pub type TokenId = u32;

/// One news article and every layer the pipeline has added to it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Document identifier (file stem or the JSONL `id`).
    pub id: String,
    /// The text all offsets refer to.
    pub text: String,
    /// True when `text` is not the input as given (HTML extraction): `annotate` then prints it.
    pub text_extracted: bool,
    /// Publication date: from `--date` or the document; `None` when unknown (never invented).
    pub date: Option<NaiveDate>,
    /// Title from the input metadata (JSONL `title`, HTML `<title>`), when given separately.
    pub title: Option<String>,
    /// Source URL from the input metadata.
    pub url: Option<String>,
    /// Code-point ↔ byte offset index of `text`.
    pub char_index: CharIndex,
    /// Token layer.
    pub tokens: Tokens,
    /// Sentence layer, in text order.
    pub sentences: Vec<Sentence>,
    /// Paragraph spans (blocks of text separated by line breaks), in text order.
    pub paragraphs: Vec<Span>,
    /// Syntax layer; `None` until the syntax stage ran.
    pub syntax: Option<Syntax>,
    /// Time expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Actor and place mentions, in text order.
    pub mentions: Vec<Mention>,
}

impl Document {
    /// A fresh document with no layers.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let char_index = CharIndex::new(&text);
        Document {
            id: id.into(),
            text,
            char_index,
            ..Document::default()
        }
    }

    /// The text covered by `span`; empty if the span is out of range.
    pub fn slice(&self, span: Span) -> &str {
        let (Some(a), Some(b)) = (
            self.char_index.byte_of(span.start),
            self.char_index.byte_of(span.end),
        ) else {
            return "";
        };
        self.text.get(a..b).unwrap_or("")
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> u32 {
        self.char_index.char_len()
    }

    /// The original text of token `t`.
    pub fn token_text(&self, t: TokenId) -> &str {
        self.slice(self.tokens.span(t))
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> std::ops::Range<TokenId> {
        self.sentences
            .get(s)
            .map(|s| s.tokens.clone())
            .unwrap_or(0..0)
    }
}

/// Maps code-point offsets to byte offsets of a text (and back): O(1) for ASCII texts and
/// O(log w) otherwise, where w is the number of non-ASCII code points.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// For every non-ASCII code point: its code-point offset and the byte offset just after it.
    wide: Vec<(u32, u32)>,
    chars: u32,
    bytes: u32,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut wide = Vec::new();
        let chars = if text.is_ascii() {
            text.len() as u32
        } else {
            let mut n = 0u32;
            for (b, c) in text.char_indices() {
                if !c.is_ascii() {
                    wide.push((n, (b + c.len_utf8()) as u32));
                }
                n += 1;
            }
            n
        };
        CharIndex {
            wide,
            chars,
            bytes: text.len() as u32,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> u32 {
        self.chars
    }

    /// Byte offset of code point `c`; `c == char_len()` gives the text length.
    pub fn byte_of(&self, c: u32) -> Option<usize> {
        if c > self.chars {
            return None;
        }
        if self.wide.is_empty() {
            return Some((c as usize).min(self.bytes as usize));
        }
        let k = self.wide.partition_point(|&(ci, _)| ci < c);
        if k == 0 {
            return Some(c as usize);
        }
        let (ci, after) = self.wide[k - 1];
        Some((after + (c - ci - 1)) as usize)
    }

    /// Code-point offset of byte offset `b`, which must lie on a char boundary.
    pub fn char_of(&self, b: usize) -> u32 {
        let b = b as u32;
        let k = self.wide.partition_point(|&(_, after)| after <= b);
        if k == 0 {
            return b;
        }
        let (ci, after) = self.wide[k - 1];
        ci + 1 + (b - after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_round_trips_on_mixed_text() {
        let text = "“Xi” met Pútin’s aide — 中国 ok";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_len() as usize, text.chars().count());
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.byte_of(ci as u32), Some(b));
            assert_eq!(idx.char_of(b), ci as u32);
        }
        assert_eq!(idx.byte_of(idx.char_len()), Some(text.len()));
        assert_eq!(idx.char_of(text.len()), idx.char_len());
        assert_eq!(idx.byte_of(idx.char_len() + 1), None);
    }

    #[test]
    fn slices_by_code_points() {
        let doc = Document::new("d", "“Xi” met Putin");
        assert_eq!(doc.slice(Span::new(1, 3)), "Xi");
        assert_eq!(doc.slice(Span::new(5, 8)), "met");
        assert_eq!(doc.slice(Span::new(5, 99)), "");
    }
}
