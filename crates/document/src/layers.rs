//! The layers stages add to a [`crate::Document`]: tokens, sentences and syntax.

use crate::{Span, TokenId};
use serde::Serialize;
use std::ops::Range;

/// The token layer, stored as a struct of arrays indexed by [`TokenId`].
///
/// Each token has a span into the original text and a *normalized form* (curly quotes made
/// straight, dashes unified, `’s` typed with the wrong quote mark read as `'s`) which later
/// stages match against lexicons and models.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    start: Vec<u32>,
    end: Vec<u32>,
    norm_text: String,
    norm_end: Vec<u32>,
}

impl Tokens {
    /// An empty layer with room for `n` tokens.
    pub fn with_capacity(n: usize) -> Tokens {
        Tokens {
            start: Vec::with_capacity(n),
            end: Vec::with_capacity(n),
            norm_text: String::with_capacity(n * 6),
            norm_end: Vec::with_capacity(n),
        }
    }

    /// Append a token covering `span` of the original text, with normalized form `norm`.
    pub fn push(&mut self, span: Span, norm: &str) -> TokenId {
        let id = self.start.len() as TokenId;
        self.start.push(span.start);
        self.end.push(span.end);
        self.norm_text.push_str(norm);
        self.norm_end.push(self.norm_text.len() as u32);
        id
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.start.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.start.is_empty()
    }

    /// Span of token `t` in the original text (code points).
    pub fn span(&self, t: TokenId) -> Span {
        let i = t as usize;
        Span::new(self.start[i], self.end[i])
    }

    /// Normalized form of token `t`.
    pub fn norm(&self, t: TokenId) -> &str {
        let i = t as usize;
        let a = if i == 0 {
            0
        } else {
            self.norm_end[i - 1] as usize
        };
        &self.norm_text[a..self.norm_end[i] as usize]
    }

    /// Token starts (code points), one per token.
    pub fn starts(&self) -> &[u32] {
        &self.start
    }

    /// Token ends (code points), one per token.
    pub fn ends(&self) -> &[u32] {
        &self.end
    }

    /// The first token whose span ends after code point `c`, i.e. the token containing `c`
    /// or the next one.
    pub fn at_or_after(&self, c: u32) -> TokenId {
        self.end.partition_point(|&e| e <= c) as TokenId
    }
}

/// Flags on a sentence describing its role in the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SentenceFlags(u8);

impl SentenceFlags {
    /// The article's headline.
    pub const HEADLINE: SentenceFlags = SentenceFlags(1);
    /// A photo caption.
    pub const CAPTION: SentenceFlags = SentenceFlags(2);
    /// A photo credit ("(AP)", "Photo: Reuters"): the sentence is or ends with one.
    pub const CREDIT: SentenceFlags = SentenceFlags(4);
    /// An identical copy of an earlier line (a scraping artifact): code it once.
    pub const REPEAT: SentenceFlags = SentenceFlags(8);
    /// A byline or dateline-only line ("By Jane Doe", "LONDON —").
    pub const BYLINE: SentenceFlags = SentenceFlags(16);

    const NAMES: [(SentenceFlags, &'static str); 5] = [
        (Self::HEADLINE, "headline"),
        (Self::CAPTION, "caption"),
        (Self::CREDIT, "credit"),
        (Self::REPEAT, "repeat"),
        (Self::BYLINE, "byline"),
    ];

    /// No flag.
    pub const fn empty() -> SentenceFlags {
        SentenceFlags(0)
    }

    /// True when every flag in `other` is set.
    pub fn contains(self, other: SentenceFlags) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// Set the flags in `other`.
    pub fn insert(&mut self, other: SentenceFlags) {
        self.0 |= other.0;
    }

    /// The names of the flags that are set, in a fixed order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMES
            .into_iter()
            .filter(move |(f, _)| self.contains(*f))
            .map(|(_, n)| n)
    }
}

impl Serialize for SentenceFlags {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names())
    }
}

/// One sentence (or headline, caption, credit line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's span in the text, from its first to its last token.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<TokenId>,
    /// Index of its paragraph in [`crate::Document::paragraphs`].
    pub paragraph: u32,
    /// Headline, caption, credit, repeat, byline.
    pub flags: SentenceFlags,
    /// For a repeated line: the index of the sentence it repeats.
    pub repeat_of: Option<u32>,
    /// The photo credit inside the sentence ("(AP)"), when there is one.
    pub credit: Option<Span>,
}

/// The syntax layer: one entry per token, indexed by [`TokenId`].
#[derive(Clone, Debug, Default)]
pub struct Syntax {
    /// Universal part-of-speech tag.
    pub upos: Vec<&'static str>,
    /// Penn Treebank tag.
    pub xpos: Vec<String>,
    /// Lemma.
    pub lemma: Vec<String>,
    /// Head token (document-level index); `None` for the root of a sentence.
    pub head: Vec<Option<TokenId>>,
    /// Universal dependency relation, with subtype ("nsubj:pass").
    pub deprel: Vec<String>,
}

impl Syntax {
    /// Dependents of token `t` within `range`, in text order.
    pub fn children(
        &self,
        t: TokenId,
        range: Range<TokenId>,
    ) -> impl Iterator<Item = TokenId> + '_ {
        range.filter(move |&c| self.head[c as usize] == Some(t))
    }
}

/// The kind of a time expression (TIMEX3 types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    /// A calendar date or period: "on Tuesday", "last month", "2023".
    Date,
    /// A time of day: "at 3 p.m.", "Tuesday morning".
    Time,
    /// A length of time: "three days", "a decade".
    Duration,
    /// A recurring time: "every week", "daily".
    Set,
}

/// How a time expression's value was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexBasis {
    /// The text gives the date in full ("March 17, 2023").
    Explicit,
    /// Resolved against the publication date ("on Friday", "last month").
    Relative,
    /// No value could be computed (no publication date, or an unresolvable expression).
    Unresolved,
}

/// A time expression with its normalized TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Span in the text.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<TokenId>,
    /// Date, time, duration or set.
    pub kind: TimexKind,
    /// TIMEX3 / ISO 8601 value: `2023-03-21`, `2023-02`, `2013-W11`, `P1M`, `PRESENT_REF`,
    /// `2023-03-21T15:00`; `None` when it cannot be resolved.
    pub value: Option<String>,
    /// How the value was obtained.
    pub basis: TimexBasis,
}

/// Whether a mention names an actor (someone who can act) or a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A person, organisation, government, armed force, group or country acting.
    Actor,
    /// A location.
    Place,
}

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionVia {
    /// A name in the knowledge base ("Jens Stoltenberg", "Nato", "Russia").
    Name,
    /// A surname or a title with a surname ("Stoltenberg", "Mr Xi").
    Surname,
    /// A seat of government or capital standing for its government ("the Kremlin", "Beijing").
    Metonym,
    /// A role noun with its country ("Russian warplanes", "Washington officials").
    Role,
    /// A national adjective or demonym ("Ukrainian", "Russians").
    Demonym,
    /// A pronoun ("he", "its").
    Pronoun,
}

/// A place with coordinates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceInfo {
    /// Place name.
    pub name: String,
    /// ISO 3166 alpha-3 country, where it has one (not for seas).
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// The country part of a CAMEO actor code, or `None` for the transnational groups (IGO, NGO,
/// IMG, NGM, MNC, INT, UIS) whose codes do not start with a country: `RUSGOV` → `RUS`.
pub fn country_of_code(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    (!matches!(c, "IGO" | "NGO" | "IMG" | "NGM" | "MNC" | "INT" | "UIS")).then_some(c)
}

/// An actor or place mention, linked to the knowledge base.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Span in the text.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<TokenId>,
    /// The token the mention's syntax hangs on (the name's last token, the role noun).
    pub head: TokenId,
    /// Actor or place.
    pub kind: MentionKind,
    /// How it was found.
    pub via: MentionVia,
    /// CAMEO actor code on the document's date (`RUSGOV`, `IGOWSTNAT`), when known.
    pub code: Option<String>,
    /// ISO alpha-3 country, when the actor or place has one.
    pub country: Option<String>,
    /// CAMEO sector (`GOV`, `MIL`, …), when known.
    pub sector: Option<String>,
    /// The resolved entity's name.
    pub name: Option<String>,
    /// The knowledge-base id.
    pub kb_id: Option<String>,
    /// For places (and place names used as actors): the place.
    pub place: Option<PlaceInfo>,
    /// Index (in [`crate::Document::mentions`]) of the mention this one refers back to.
    pub antecedent: Option<u32>,
    /// True for a person (named, or a role naming one person: "the Chinese president").
    pub person: bool,
    /// Grammatical plural ("officials", "they").
    pub plural: bool,
}
