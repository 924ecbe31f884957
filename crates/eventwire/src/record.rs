//! The event record: the coder's main output, one JSON line per event mention.
//!
//! The field names are a contract (`spec/event-record.md` of the project's shared
//! specification): scorers, exports and users read them, so they are never renamed. Offsets are
//! Unicode code points into the document text as given.

use serde::Serialize;

/// A span of the sentence that states the event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceRef {
    /// Index of the sentence in the document.
    pub index: u32,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

/// A piece of text with its span.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextSpan {
    /// The text as it appears in the document.
    pub text: String,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

/// PLOVER 2.0 event type and mode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plover {
    /// One of the 16 PLOVER event types.
    pub event: String,
    /// The mode, where PLOVER defines one.
    pub mode: Option<String>,
}

/// A resolved actor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    /// The mention in this sentence.
    pub text: String,
    /// First code point of the mention.
    pub start: u32,
    /// One past its last code point.
    pub end: u32,
    /// CAMEO actor code (country + role, IGO/NGO codes).
    pub code: Option<String>,
    /// ISO 3166 alpha-3 country, where the actor has one.
    pub country: Option<String>,
    /// CAMEO sector (GOV, MIL, …), where known.
    pub sector: Option<String>,
    /// Name of the knowledge-base entry it was resolved to.
    pub name: Option<String>,
    /// Knowledge-base id.
    pub kb_id: Option<String>,
}

/// Who the text says claims the event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution {
    /// The speaker's mention.
    pub text: String,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The speaker's CAMEO actor code.
    pub code: Option<String>,
    /// Resolved name.
    pub name: Option<String>,
    /// Knowledge-base id.
    pub kb_id: Option<String>,
    /// The reporting cue ("said", "told", "according to").
    pub cue: String,
}

/// When the event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct EventDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub value: Option<String>,
    /// The time expression it came from.
    pub text: Option<String>,
    /// `explicit`, `relative` or `publication`.
    pub basis: Option<String>,
}

/// Where the event happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// Place name.
    pub name: String,
    /// ISO 3166 alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// The mention.
    pub text: String,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

/// One event mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRecord {
    /// Document id.
    pub doc_id: String,
    /// `{doc_id}-e{NNNN}`.
    pub event_id: String,
    /// The sentence stating the event.
    pub sentence: SentenceRef,
    /// The word or phrase that states it.
    pub trigger: TextSpan,
    /// CAMEO 1.1b3 code with leading zeros.
    pub cameo: String,
    /// Its two-digit root.
    pub cameo_root: String,
    /// GDELT QuadClass (1–4).
    pub quad_class: u8,
    /// GDELT Goldstein value.
    pub goldstein: Option<f64>,
    /// PLOVER type and mode.
    pub plover: Option<Plover>,
    /// Who acts.
    pub source: Option<Actor>,
    /// On whom.
    pub target: Option<Actor>,
    /// `asserted`, `negated`, `probable`, `possible`, `unconfirmed`, `future`, `hypothetical`.
    pub factuality: String,
    /// Who the text says claims it.
    pub attributed_to: Option<Attribution>,
    /// When.
    pub date: EventDate,
    /// Where.
    pub location: Option<Location>,
    /// `headline`, `caption`, `quote`, `background`, …
    pub flags: Vec<String>,
    /// `event_id` of an earlier mention of the same event.
    pub same_as: Option<String>,
    /// The coder's confidence in [0, 1].
    pub confidence: f64,
}

/// Write records as JSON lines into `out`.
pub fn to_jsonl(records: &[EventRecord], out: &mut String) {
    for r in records {
        // Serializing plain structs of strings and numbers cannot fail.
        if let Ok(line) = serde_json::to_string(r) {
            out.push_str(&line);
            out.push('\n');
        }
    }
}
