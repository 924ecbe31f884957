//! The event record: the coder's main output, one JSON line per event mention.
//!
//! The field names are a contract (`spec/event-record.md` of the project's shared
//! specification): scorers, exports and users read them, so they are never renamed. Offsets are
//! Unicode code points into the document text as given.

use eventwire_document::{Document, Mention};
use eventwire_events::{ActorRef, Event, Lexicon};
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

/// Turn coded events into records: spans, names, codes and qualifiers spelled out.
pub fn build(doc: &Document, events: &[Event], lex: &Lexicon) -> Vec<EventRecord> {
    let id = |i: usize| format!("{}-e{:04}", doc.id, i + 1);
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let s = &doc.sentences[e.sentence];
            let info = lex.code(&e.cameo);
            let tspan = doc.tokens.span(e.trigger);
            let actor = |a: &Option<ActorRef>| {
                a.as_ref()
                    .map(|a| actor_record(doc, &doc.mentions[a.mention], &a.code))
            };
            EventRecord {
                doc_id: doc.id.clone(),
                event_id: id(i),
                sentence: SentenceRef {
                    index: e.sentence as u32,
                    start: s.span.start,
                    end: s.span.end,
                },
                trigger: TextSpan {
                    text: doc.slice(tspan).to_string(),
                    start: tspan.start,
                    end: tspan.end,
                },
                cameo: e.cameo.clone(),
                cameo_root: e.cameo.chars().take(2).collect(),
                quad_class: info.map_or_else(|| quad_class(&e.cameo), |c| c.quad_class),
                goldstein: info.and_then(|c| c.goldstein),
                plover: info.and_then(|c| {
                    c.plover_event.as_ref().map(|ev| Plover {
                        event: ev.clone(),
                        mode: c.plover_mode.clone(),
                    })
                }),
                source: actor(&e.source),
                target: actor(&e.target),
                factuality: e.factuality.as_str().to_string(),
                attributed_to: e.attribution.map(|(m, cue)| {
                    let mention = &doc.mentions[m];
                    Attribution {
                        text: doc.slice(mention.span).to_string(),
                        start: mention.span.start,
                        end: mention.span.end,
                        code: mention.code.clone(),
                        name: mention.name.clone(),
                        kb_id: mention.kb_id.clone(),
                        cue: doc.token_text(cue).to_string(),
                    }
                }),
                date: match &e.date {
                    Some(d) => EventDate {
                        value: Some(d.value.clone()),
                        text: d.timex.map(|k| doc.slice(doc.timexes[k].span).to_string()),
                        basis: Some(d.basis.to_string()),
                    },
                    None => EventDate::default(),
                },
                location: e.location.and_then(|m| {
                    let mention = &doc.mentions[m];
                    let place = mention.place.as_ref()?;
                    Some(Location {
                        name: place.name.clone(),
                        country: place.country.clone(),
                        lat: Some(place.lat),
                        lon: Some(place.lon),
                        text: doc.slice(mention.span).to_string(),
                        start: mention.span.start,
                        end: mention.span.end,
                    })
                }),
                flags: e.flags.iter().map(|f| f.to_string()).collect(),
                same_as: e.same_as.map(id),
                confidence: e.confidence,
            }
        })
        .collect()
}

fn actor_record(doc: &Document, m: &Mention, code: &str) -> Actor {
    let country = m
        .country
        .clone()
        .or_else(|| eventwire_document::country_of_code(code).map(str::to_string));
    Actor {
        text: doc.slice(m.span).to_string(),
        start: m.span.start,
        end: m.span.end,
        code: Some(code.to_string()),
        country,
        sector: m.sector.clone(),
        name: m.name.clone(),
        kb_id: m.kb_id.clone(),
    }
}

/// GDELT's QuadClass by root: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4.
pub fn quad_class(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=9) => 2,
        Some(10..=14) => 3,
        _ => 4,
    }
}
