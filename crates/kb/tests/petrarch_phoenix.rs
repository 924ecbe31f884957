//! Loads the real PETRARCH2 Phoenix dictionaries from the shared directory (not part of the
//! repository) and layers them on the built-in knowledge base.
//!
//! The directory is `$EVENTWIRE_SHARED` or `../../../shared` relative to this crate. When it
//! is missing the test prints "skipping: ..." and passes, unless `EVENTWIRE_REQUIRE_SHARED=1`.

use std::path::PathBuf;

use chrono::NaiveDate;
use eventwire_kb::petrarch::{load_actors, load_agents, AgentPosition};
use eventwire_kb::{EntityKind, KnowledgeBase};

fn dictionaries() -> Option<PathBuf> {
    let shared = std::env::var_os("EVENTWIRE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join("data/petrarch2/dictionaries");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("EVENTWIRE_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!(
            "EVENTWIRE_REQUIRE_SHARED=1 but {} is missing",
            dir.display()
        );
    }
    println!("skipping: {} not found", dir.display());
    None
}

fn read(dir: &std::path::Path, name: &str) -> String {
    let bytes = std::fs::read(dir.join(name)).unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

#[test]
fn phoenix_actor_dictionaries() {
    let Some(dir) = dictionaries() else { return };
    let countries = load_actors(&read(&dir, "Phoenix.Countries.actors.txt"));
    let international = load_actors(&read(&dir, "Phoenix.International.actors.txt"));
    let milnonstate = load_actors(&read(&dir, "Phoenix.MilNonState.actors.txt"));
    println!(
        "actors: countries {} (skipped {}), international {} (skipped {}), milnonstate {} (skipped {})",
        countries.entries.len(),
        countries.skipped.len(),
        international.entries.len(),
        international.skipped.len(),
        milnonstate.entries.len(),
        milnonstate.skipped.len()
    );
    assert!(countries.entries.len() > 10_000);
    assert!(international.entries.len() > 3_000);
    assert!(milnonstate.entries.len() > 500);
    // skipped lines are rare oddities, not a failure of the format
    assert!(countries.skipped.len() * 50 < countries.entries.len());

    let find = |dict: &eventwire_kb::petrarch::ActorDictionary, name: &str| {
        dict.entries
            .iter()
            .find(|e| e.names.iter().any(|n| n == name))
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    // date restrictions: Stoltenberg is Norwegian government from 2005-10-17 in Phoenix
    let jens = find(&countries, "JENS STOLTENBERG");
    assert_eq!(jens.code_on(d(2010, 1, 1)), Some("NORGOV"));
    assert_eq!(jens.code_on(d(1990, 1, 1)), Some("NORELI"));
    // Kofi Annan: UN 1997-2006, elite afterwards
    let annan = find(&international, "KOFI ANNAN");
    assert_eq!(annan.code_on(d(2000, 6, 1)), Some("IGOUNO"));
    assert_eq!(annan.code_on(d(2010, 6, 1)), Some("ELI"));
    assert_eq!(find(&milnonstate, "TALIBAN").code_on(None), Some("AFGREB"));
    assert_eq!(
        find(&milnonstate, "HARAKAT AL-MUQAWAMMAH AL-ISLAMMIYYA").code_on(None),
        Some("PSEREBHMS")
    );
    assert_eq!(
        find(&international, "NATO").code_on(None),
        Some("IGOWSTNAT")
    );

    let mut kb = KnowledgeBase::builtin().unwrap().clone();
    kb.extend_with_petrarch_actors(&milnonstate);
    let hits = kb.lookup_folded("Boko Haram");
    assert!(
        hits.iter().any(|r| r.kind == EntityKind::Organization),
        "built-in entry kept"
    );
    let actor = hits
        .iter()
        .find(|r| r.kind == EntityKind::PetrarchActor)
        .expect("layered entry");
    assert_eq!(kb.resolve_petrarch_actor(*actor, None), Some("NGAREB"));
}

#[test]
fn phoenix_agent_dictionary() {
    let Some(dir) = dictionaries() else { return };
    let agents = load_agents(&read(&dir, "Phoenix.agents.txt"));
    println!(
        "agents: {} (skipped {})",
        agents.entries.len(),
        agents.skipped.len()
    );
    assert!(agents.entries.len() > 1_500);
    let soldier = agents.entries.iter().find(|a| a.noun == "SOLDIER").unwrap();
    assert_eq!(soldier.code, "MIL");
    assert_eq!(soldier.plurals, ["SOLDIERS"]);
    assert!(agents
        .entries
        .iter()
        .any(|a| a.noun == "BUSINESSMAN" && a.code == "BUS"));
    assert!(agents
        .entries
        .iter()
        .any(|a| a.position == AgentPosition::Prefix));

    let mut kb = KnowledgeBase::builtin().unwrap().clone();
    kb.extend_with_petrarch_agents(&agents);
    assert_eq!(kb.role("soldiers"), Some("MIL"));
    assert_eq!(kb.role("sharecroppers"), Some("AGR"));
}
