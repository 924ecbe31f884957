//! Tests on the built-in data: invariants of every file and spot checks of well-known facts.

use super::*;

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::builtin().expect("built-in knowledge base loads")
}

fn day(s: &str) -> Option<NaiveDate> {
    Some(parse_partial_date(s, false).expect("valid test date"))
}

fn code_of(kb_id: &str, date: &str) -> String {
    kb().resolve_person(kb_id, day(date))
        .map(|t| t.code)
        .unwrap_or_default()
}

#[test]
fn every_country_has_a_three_letter_code() {
    let kb = kb();
    assert!(
        kb.countries().len() >= 249,
        "{} countries",
        kb.countries().len()
    );
    for c in kb.countries() {
        assert!(
            c.code.len() == 3 && is_well_formed_code(&c.code),
            "{:?}",
            c.code
        );
        assert!(!c.name.is_empty());
    }
    for code in [
        "XKX", "TWN", "PSE", "ESH", "ROM", "MTN", "TMP", "USA", "GBR",
    ] {
        assert!(kb.country(code).is_some(), "{code}");
    }
    assert_eq!(
        kb.country("ROM").map(|c| c.code.as_str()),
        Some("ROU"),
        "CAMEO's old codes resolve to ISO codes"
    );
    assert_eq!(kb.country("KSV").map(|c| c.code.as_str()), Some("XKX"));
}

#[test]
fn builtin_file_list_matches_data_dir() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/kb");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tsv") && !n.ends_with("_extra.tsv"))
        .collect();
    on_disk.sort();
    let mut builtin: Vec<String> = BUILTIN_FILES.iter().map(|(n, _)| n.to_string()).collect();
    builtin.sort();
    assert_eq!(
        builtin, on_disk,
        "every data/kb/*.tsv must be embedded in BUILTIN_FILES"
    );
    let from_dir = KnowledgeBase::from_dir(dir).unwrap();
    assert_eq!(from_dir.people().len(), kb().people().len());
}

#[test]
fn codes_are_well_formed_and_tenures_ordered() {
    let kb = kb();
    for o in kb.organizations() {
        for p in &o.codes {
            assert!(is_well_formed_code(&p.code), "{} {}", o.kb_id, p.code);
            if let (Some(s), Some(e)) = (p.start, p.end) {
                assert!(s <= e, "{}", o.kb_id);
            }
        }
    }
    for p in kb.people() {
        assert!(!p.tenures.is_empty());
        for t in &p.tenures {
            assert!(is_well_formed_code(&t.code), "{} {}", p.kb_id, t.code);
            assert!(
                !matches!(t.end, Some(e) if e < t.start),
                "{} {}",
                p.kb_id,
                t.office
            );
            let c = &t.code[..3];
            assert!(
                kb.country(c).is_some() || ["IGO", "NGO", "IMG", "INT", "MNC", "NGM"].contains(&c),
                "{}: code {} has no country or international prefix",
                p.kb_id,
                t.code
            );
        }
        assert!(p.gender.is_some(), "{} lacks gender", p.kb_id);
    }
}

#[test]
fn no_duplicate_kb_ids() {
    // duplicates make loading fail; check the id spaces are also disjoint by prefix
    for p in kb().people() {
        assert!(p.kb_id.starts_with("person:"));
    }
    for o in kb().organizations() {
        assert!(o.kb_id.starts_with("org:"));
    }
}

#[test]
fn stoltenberg_by_date() {
    let id = "person:jens-stoltenberg";
    assert_eq!(code_of(id, "2023-03-21"), "IGOWSTNAT");
    assert_eq!(code_of(id, "2010-01-01"), "NORGOV");
    assert_eq!(code_of(id, "2025-06-01"), "NORGOV");
    assert_eq!(code_of(id, "2014-06-01"), "NORELI");
    assert_eq!(kb().resolve_person(id, day("1980-01-01")), None);
    assert_eq!(
        kb().resolve_person(id, None).map(|t| t.code),
        Some("NORGOV".to_string())
    );
}

#[test]
fn leaders_in_2023() {
    assert_eq!(code_of("person:xi-jinping", "2023-03-21"), "CHNGOV");
    assert_eq!(code_of("person:vladimir-putin", "2023-03-21"), "RUSGOV");
    assert_eq!(code_of("person:antony-blinken", "2023-03-21"), "USAGOV");
    assert_eq!(code_of("person:antony-blinken", "2025-06-01"), "USAELI");
    assert_eq!(code_of("person:fumio-kishida", "2023-03-21"), "JPNGOV");
    // overlapping offices: the most recent appointment wins
    assert_eq!(
        code_of("person:abdel-fattah-al-burhan", "2024-01-01"),
        "SDNGOV"
    );
    assert_eq!(
        code_of("person:mohamed-hamdan-dagalo", "2024-01-01"),
        "SDNREB"
    );
    assert_eq!(
        code_of("person:mohamed-hamdan-dagalo", "2022-01-01"),
        "SDNGOV"
    );
    assert_eq!(code_of("person:ahmed-al-sharaa", "2024-06-01"), "SYRREB");
    assert_eq!(code_of("person:ahmed-al-sharaa", "2025-06-01"), "SYRGOV");
}

#[test]
fn surnames() {
    let kb = kb();
    assert!(kb
        .people_by_surname("Stoltenberg")
        .iter()
        .any(|p| p.kb_id == "person:jens-stoltenberg"));
    assert!(kb
        .people_by_surname("Xi")
        .iter()
        .any(|p| p.kb_id == "person:xi-jinping"));
    assert!(kb
        .people_by_surname("Zelensky")
        .iter()
        .any(|p| p.kb_id == "person:volodymyr-zelensky"));
}

#[test]
fn metonyms_and_demonyms() {
    let kb = kb();
    assert_eq!(kb.metonym("Kremlin"), Some(("RUS", "GOV")));
    assert_eq!(kb.metonym("Pentagon"), Some(("USA", "MIL")));
    assert_eq!(kb.metonym("White House"), Some(("USA", "GOV")));
    assert_eq!(kb.metonym("Élysée"), Some(("FRA", "GOV")));
    assert_eq!(kb.metonym("Elysee"), Some(("FRA", "GOV")));
    assert_eq!(kb.metonym("Blue House"), Some(("KOR", "GOV")));
    assert_eq!(kb.metonym("Knesset"), Some(("ISR", "LEG")));
    assert_eq!(kb.metonym("Washington"), Some(("USA", "GOV")));
    assert_eq!(kb.metonym("Quai d’Orsay"), Some(("FRA", "GOV")));
    assert_eq!(kb.demonym("Russian"), Some("RUS"));
    assert_eq!(kb.demonym("Chinese"), Some("CHN"));
    assert_eq!(kb.demonym("Japanese"), Some("JPN"));
    assert_eq!(kb.demonym("Ukrainian"), Some("UKR"));
    assert_eq!(kb.demonym("American"), Some("USA"));
    assert_eq!(kb.demonym("Americans"), Some("USA"));
    assert_eq!(kb.demonym("British"), Some("GBR"));
}

#[test]
fn roles() {
    let kb = kb();
    assert_eq!(kb.role("troops"), Some("MIL"));
    assert_eq!(kb.role("Officials"), Some("GOV"));
    assert_eq!(kb.role("police"), Some("COP"));
    assert_eq!(kb.role("rebels"), Some("REB"));
    assert_eq!(kb.role("lawmakers"), Some("LEG"));
    assert_eq!(kb.role("foreign minister"), Some("GOV"));
    assert_eq!(kb.role("defense minister"), Some("GOV"));
    assert_eq!(kb.role("refugees"), Some("REF"));
    assert_eq!(kb.role("civilians"), Some("CVL"));
}

#[test]
fn places() {
    let kb = kb();
    for name in ["Kyiv", "Kiev"] {
        let p = kb.place(name);
        let k = p.iter().find(|p| p.country == "UKR").expect(name);
        assert!(
            (k.lat - 50.45).abs() < 0.05 && (k.lon - 30.52).abs() < 0.05,
            "{name}: {k:?}"
        );
    }
    let sea = kb.place("Sea of Japan");
    assert_eq!(sea[0].kind, "sea");
    assert!(sea[0].lat > 30.0 && sea[0].lon > 125.0);
    assert_eq!(kb.place("Brussels")[0].country, "BEL");
    assert_eq!(kb.place("Moscow")[0].country, "RUS");
    assert_eq!(kb.place("Washington")[0].country, "USA");
    assert_eq!(kb.place("Washington")[0].kind, "city");
    let georgia = kb.place("Georgia");
    assert!(georgia
        .iter()
        .any(|p| p.kind == "country" && p.country == "GEO"));
    assert!(georgia
        .iter()
        .any(|p| p.kind == "admin1" && p.country == "USA"));
    let gaza = kb.place("Gaza Strip");
    assert_eq!(gaza[0].country, "PSE");
    assert!(!kb.place("Khan Yunis").is_empty());
    assert!(!kb.place("Crimea").is_empty());
    assert!(kb
        .lookup("Georgia")
        .iter()
        .any(|r| r.kind == EntityKind::Country));
}

#[test]
fn organizations() {
    let kb = kb();
    let org_code = |surface: &str, date: Option<NaiveDate>| -> Option<String> {
        kb.lookup(surface)
            .iter()
            .find(|r| r.kind == EntityKind::Organization)
            .and_then(|r| match kb.entity(*r) {
                Entity::Organization(o) => o.code_at(date).map(str::to_string),
                _ => None,
            })
    };
    assert_eq!(org_code("NATO", None).as_deref(), Some("IGOWSTNAT"));
    assert_eq!(org_code("Nato", None).as_deref(), Some("IGOWSTNAT"));
    assert_eq!(org_code("nato", None).as_deref(), Some("IGOWSTNAT"));
    assert_eq!(
        org_code("International Criminal Court", None).as_deref(),
        Some("IGOICC")
    );
    assert_eq!(org_code("ICC", None).as_deref(), Some("IGOICC"));
    assert_eq!(org_code("Wagner", None).as_deref(), Some("RUSMIL"));
    assert_eq!(
        org_code("Taliban", day("2020-02-29")).as_deref(),
        Some("AFGREB")
    );
    assert_eq!(
        org_code("Taliban", day("2023-01-01")).as_deref(),
        Some("AFGGOV")
    );
    assert_eq!(
        org_code("HTS", day("2024-11-30")).as_deref(),
        Some("SYRREB")
    );
    assert_eq!(
        org_code("HTS", day("2024-12-20")).as_deref(),
        Some("SYRGOV")
    );
    assert_eq!(kb.resolve_organization("org:eu", None), Some("IGOEEC"));
    assert_eq!(kb.resolve_organization("org:un", None), Some("IGOUNO"));
}

#[test]
fn names_cover_every_kind() {
    let kinds: std::collections::HashSet<EntityKind> = kb().names().map(|(_, r)| r.kind).collect();
    for k in [
        EntityKind::Country,
        EntityKind::Organization,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Role,
    ] {
        assert!(kinds.contains(&k), "{k:?}");
    }
}

#[test]
fn bad_rows_report_file_and_line() {
    let people = "kb_id\tname\toffice\tcode\tstart\tend\tgender\nperson:x\tX\tPM\tNORGOV\t2020-01-01\t2019-01-01\tm\n";
    let err = KnowledgeBase::from_files([("people_test.tsv", people)]).unwrap_err();
    assert!(
        matches!(err, KbError::Parse { ref file, line: 2, .. } if file == "people_test.tsv"),
        "{err}"
    );
    let bad_code =
        "kb_id\tname\toffice\tcode\tstart\tgender\nperson:x\tX\tPM\tNorGov\t2020-01-01\tm\n";
    assert!(KnowledgeBase::from_files([("people_test.tsv", bad_code)]).is_err());
    let dup = "kb_id\tname\toffice\tcode\tstart\tgender\nperson:x\tX\tPM\tNORGOV\t2020-01-01\tm\nperson:x\tY\tPM\tNORGOV\t2021-01-01\tm\n";
    assert!(KnowledgeBase::from_files([("people_test.tsv", dup)]).is_err());
}
