//! Issue gate for the mentions stage: on the seed article every gold actor resolves to its gold
//! code through the annotation layer, and the places carry coordinates (shared data).

mod common;

use eventwire::{MentionKind, Pipeline, RawDocument};

fn seed() -> Option<eventwire::Document> {
    let shared = common::shared_dir("seed/seed.txt")?;
    let text = std::fs::read_to_string(shared.join("seed/seed.txt")).expect("seed readable");
    let pipeline = Pipeline::new().expect("pipeline");
    Some(pipeline.process(RawDocument {
        id: "seed".into(),
        text,
        extracted: false,
        date: chrono::NaiveDate::from_ymd_opt(2023, 3, 21),
        title: None,
        url: None,
    }))
}

/// The code of the first actor mention whose text is `text` at or after `after` (a phrase
/// that locates it in the article).
fn code_of(doc: &eventwire::Document, after: &str, text: &str) -> (Option<String>, Option<String>) {
    let from = doc
        .text
        .find(after)
        .unwrap_or_else(|| panic!("{after:?} in the seed"));
    let from = doc.text[..from].chars().count() as u32;
    let m = doc
        .mentions
        .iter()
        .find(|m| {
            m.span.start >= from
                && doc.slice(m.span).ends_with(text)
                && m.kind == MentionKind::Actor
        })
        .unwrap_or_else(|| panic!("no actor mention {text:?} after {after:?}"));
    (m.code.clone(), m.name.clone())
}

#[test]
fn seed_actors_resolve_to_gold_codes() {
    let Some(doc) = seed() else { return };
    let cases = [
        ("Nato general secretary", "Jens Stoltenberg", "IGOWSTNAT"),
        ("as Xi Jinping", "Xi Jinping", "CHNGOV"),
        ("with Vladimir Putin", "Vladimir Putin", "RUSGOV"),
        ("Mr Stoltenberg told", "Mr Stoltenberg", "IGOWSTNAT"),
        ("suggested Moscow", "Moscow", "RUSGOV"),
        ("Iran has", "Iran", "IRN"),
        ("The Kremlin said", "Kremlin", "RUSGOV"),
        ("his Russian counterpart", "Russian counterpart", "RUSGOV"),
        ("for the Russian leader", "Russian leader", "RUSGOV"),
        (
            "International Criminal Court",
            "International Criminal Court",
            "IGOICC",
        ),
        ("prompting Antony", "Antony Blinken", "USAGOV"),
        ("Washington officials", "Washington officials", "USAGOV"),
        ("the Wagner group", "Wagner group", "RUSMIL"),
        ("Beijing insists", "Beijing", "CHNGOV"),
        ("visit by Japanese", "Fumio Kishida", "JPNGOV"),
        ("Japan, a regional", "Japan", "JPN"),
        ("Russian warplanes", "Russian warplanes", "RUSMIL"),
    ];
    let mut wrong = Vec::new();
    for (after, text, gold) in cases {
        let (code, _) = code_of(&doc, after, text);
        if code.as_deref() != Some(gold) {
            wrong.push(format!("{text}: {code:?} != {gold}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let (_, name) = code_of(&doc, "his Russian counterpart", "Russian counterpart");
    assert_eq!(name.as_deref(), Some("Vladimir Putin"));
    let (_, name) = code_of(&doc, "for the Russian leader", "Russian leader");
    assert_eq!(name.as_deref(), Some("Vladimir Putin"));
}

#[test]
fn seed_places_have_coordinates() {
    let Some(doc) = seed() else { return };
    for (after, place, country) in [
        ("in Moscow.", "Moscow", Some("RUS")),
        ("reporters in Brussels", "Brussels", Some("BEL")),
        ("headed to Kyiv", "Kyiv", Some("UKR")),
        ("the Sea of Japan", "Sea of Japan", None),
    ] {
        let from = doc.text.find(after).expect("phrase in seed");
        let from = doc.text[..from].chars().count() as u32;
        let m = doc
            .mentions
            .iter()
            .find(|m| m.span.start >= from && doc.slice(m.span).ends_with(place))
            .unwrap_or_else(|| panic!("no mention of {place}"));
        assert_eq!(m.kind, MentionKind::Place, "{place} is a place here");
        let p = m
            .place
            .as_ref()
            .unwrap_or_else(|| panic!("{place} has coordinates"));
        assert!(p.lat.abs() > 1.0 && p.lon.abs() > 1.0, "{place}: {p:?}");
        if let Some(c) = country {
            assert_eq!(p.country.as_deref(), Some(c), "{place}");
        }
    }
}
