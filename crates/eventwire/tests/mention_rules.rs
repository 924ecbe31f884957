//! The mentions stage's rules on sentences written for these tests: dated resolution of people,
//! roles with national modifiers, metonymy versus place, surnames and titles, role
//! descriptions and pronouns resolved to their antecedents, ambiguous names.

use eventwire::{Document, MentionKind, Pipeline, RawDocument};

fn doc(text: &str, date: (i32, u32, u32)) -> Document {
    let pipeline = Pipeline::new().expect("pipeline");
    pipeline.process(RawDocument {
        id: "m".into(),
        text: text.into(),
        extracted: false,
        date: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        title: None,
        url: None,
    })
}

/// (kind, code, name, antecedent text) of the first mention whose text ends with `text`,
/// searching from the `nth` occurrence of `text` in the document.
fn mention(
    d: &Document,
    text: &str,
    nth: usize,
) -> (MentionKind, Option<String>, Option<String>, Option<String>) {
    let mut from = 0;
    for _ in 0..=nth {
        let b = d.text[from..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} in text"))
            + from;
        from = b + text.len();
    }
    let end = d.text[..from].chars().count() as u32;
    let m = d
        .mentions
        .iter()
        .find(|m| m.span.end == end)
        .unwrap_or_else(|| {
            panic!(
                "no mention ending at {text:?}: {:?}",
                d.mentions
                    .iter()
                    .map(|m| d.slice(m.span))
                    .collect::<Vec<_>>()
            )
        });
    let ante = m
        .antecedent
        .map(|a| d.slice(d.mentions[a as usize].span).to_string());
    (m.kind, m.code.clone(), m.name.clone(), ante)
}

#[test]
fn people_resolve_by_the_documents_date() {
    let text = "Jens Stoltenberg met the ministers.";
    assert_eq!(
        mention(&doc(text, (2023, 3, 21)), "Jens Stoltenberg", 0)
            .1
            .as_deref(),
        Some("IGOWSTNAT")
    );
    assert_eq!(
        mention(&doc(text, (2010, 6, 1)), "Jens Stoltenberg", 0)
            .1
            .as_deref(),
        Some("NORGOV")
    );
    assert_eq!(
        mention(
            &doc("Antony Blinken spoke to students.", (2025, 6, 1)),
            "Antony Blinken",
            0
        )
        .1
        .as_deref(),
        Some("USAELI")
    );
}

#[test]
fn roles_take_their_country_from_modifiers() {
    let d = doc("Russian warplanes flew over the sea. Washington officials said Iranian police arrested the Chinese ambassador.", (2023, 3, 21));
    assert_eq!(
        mention(&d, "Russian warplanes", 0).1.as_deref(),
        Some("RUSMIL")
    );
    assert_eq!(
        mention(&d, "Washington officials", 0).1.as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        mention(&d, "Iranian police", 0).1.as_deref(),
        Some("IRNCOP")
    );
    assert_eq!(
        mention(&d, "Chinese ambassador", 0).1.as_deref(),
        Some("CHNGOV")
    );
}

#[test]
fn capitals_act_as_governments_but_are_places_after_prepositions() {
    let d = doc(
        "Beijing insists it is neutral. The talks were held in Beijing on Monday.",
        (2023, 3, 21),
    );
    let acting = mention(&d, "Beijing", 0);
    assert_eq!(
        (acting.0, acting.1.as_deref()),
        (MentionKind::Actor, Some("CHNGOV"))
    );
    assert_eq!(mention(&d, "Beijing", 1).0, MentionKind::Place);
    let it = mention(&d, "it", 0);
    assert_eq!(
        (it.1.as_deref(), it.3.as_deref()),
        (Some("CHNGOV"), Some("Beijing"))
    );
    let d = doc("The Kremlin said the meeting went well.", (2023, 3, 21));
    assert_eq!(mention(&d, "Kremlin", 0).1.as_deref(), Some("RUSGOV"));
}

#[test]
fn surnames_titles_descriptions_and_pronouns_corefer() {
    let d = doc(
        "Xi Jinping arrived in Moscow on Monday. Mr Xi, the Chinese president, met Vladimir Putin. He praised his Russian counterpart.",
        (2023, 3, 21),
    );
    let xi = mention(&d, "Mr Xi", 0);
    assert_eq!(
        (xi.1.as_deref(), xi.3.as_deref()),
        (Some("CHNGOV"), Some("Xi Jinping"))
    );
    let president = mention(&d, "Chinese president", 0);
    assert_eq!(president.2.as_deref(), Some("Xi Jinping"));
    let he = mention(&d, "He", 0);
    assert_eq!(he.2.as_deref(), Some("Xi Jinping"), "he = the last subject");
    let counterpart = mention(&d, "Russian counterpart", 0);
    assert_eq!(
        (counterpart.1.as_deref(), counterpart.2.as_deref()),
        (Some("RUSGOV"), Some("Vladimir Putin"))
    );
    let moscow = mention(&d, "Moscow", 0);
    assert_eq!(moscow.0, MentionKind::Place);
}

#[test]
fn organisations_and_places_link_to_the_knowledge_base() {
    let d = doc(
        "Nato warned the Houthis after an attack in the Red Sea near Yemen.",
        (2024, 1, 10),
    );
    assert_eq!(mention(&d, "Nato", 0).1.as_deref(), Some("IGOWSTNAT"));
    assert!(mention(&d, "Houthis", 0)
        .1
        .is_some_and(|c| c.starts_with("YEM")));
    let sea = &d
        .mentions
        .iter()
        .find(|m| d.slice(m.span).ends_with("Red Sea"))
        .expect("Red Sea")
        .place;
    assert!(
        sea.as_ref().is_some_and(|p| p.lat > 10.0 && p.lon > 30.0),
        "{sea:?}"
    );
}
