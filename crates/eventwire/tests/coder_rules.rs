//! The event coder's rules on sentences written for these tests, with hand-written dependency
//! trees (so the rules are tested apart from the parser): passives, coordination, embedding
//! under intent and reporting words, modal demands, negation, attribution and relative dates.

mod hand_trees;

use eventwire::{Document, Pipeline};
use hand_trees::doc_with_tree;

/// (code, source, target, factuality, speaker) of each event.
type Coded = (
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

fn events(p: &Pipeline, d: &Document) -> Vec<Coded> {
    p.events(d)
        .into_iter()
        .map(|r| {
            (
                r.cameo,
                r.source.and_then(|a| a.code),
                r.target.and_then(|a| a.code),
                r.factuality,
                r.attributed_to.and_then(|a| a.code),
            )
        })
        .collect()
}

#[test]
fn passive_agent_is_the_source() {
    let (p, d) = doc_with_tree(
        "Ukraine was attacked by Russia.",
        "Ukraine PROPN NNP Ukraine 3 nsubj:pass
         was AUX VBD be 3 aux:pass
         attacked VERB VBN attack 0 root
         by ADP IN by 5 case
         Russia PROPN NNP Russia 3 obl:agent
         . PUNCT . . 3 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        (ev[0].1.as_deref(), ev[0].2.as_deref()),
        (Some("RUS"), Some("UKR"))
    );
    assert_eq!(ev[0].0.get(..2), Some("19"));
}

#[test]
fn intent_recodes_the_embedded_event_and_hedges_are_probable() {
    let (p, d) = doc_with_tree(
        "China appears to be considering sending weapons to Russia.",
        "China PROPN NNP China 2 nsubj
         appears VERB VBZ appear 0 root
         to PART TO to 5 mark
         be AUX VB be 5 aux
         considering VERB VBG consider 2 xcomp
         sending VERB VBG send 5 xcomp
         weapons NOUN NNS weapon 6 obj
         to ADP IN to 9 case
         Russia PROPN NNP Russia 6 obl
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "0332");
    assert_eq!(
        (ev[0].1.as_deref(), ev[0].2.as_deref()),
        (Some("CHN"), Some("RUS"))
    );
    assert_eq!(ev[0].3, "probable");
}

#[test]
fn reported_negated_event_is_attributed_and_negated() {
    let (p, d) = doc_with_tree(
        "Iran did not send drones to Russia, the Kremlin said.",
        "Iran PROPN NNP Iran 4 nsubj
         did AUX VBD do 4 aux
         not PART RB not 4 advmod
         send VERB VB send 0 root
         drones NOUN NNS drone 4 obj
         to ADP IN to 7 case
         Russia PROPN NNP Russia 4 obl
         , PUNCT , , 11 punct
         the DET DT the 10 det
         Kremlin PROPN NNP Kremlin 11 nsubj
         said VERB VBD say 4 parataxis
         . PUNCT . . 4 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "072");
    assert_eq!(ev[0].3, "negated");
    assert_eq!(ev[0].4.as_deref(), Some("RUSGOV"));
}

#[test]
fn should_under_a_reporting_verb_is_the_speakers_demand() {
    let (p, d) = doc_with_tree(
        "Japan said China should not provide weapons to Russia.",
        "Japan PROPN NNP Japan 2 nsubj
         said VERB VBD say 0 root
         China PROPN NNP China 6 nsubj
         should AUX MD should 6 aux
         not PART RB not 6 advmod
         provide VERB VB provide 2 ccomp
         weapons NOUN NNS weapon 6 obj
         to ADP IN to 9 case
         Russia PROPN NNP Russia 6 obl
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0.get(..2), Some("10"));
    assert_eq!(
        (ev[0].1.as_deref(), ev[0].2.as_deref()),
        (Some("JPN"), Some("CHN"))
    );
    assert_eq!(ev[0].3, "asserted");
}

#[test]
fn coordinated_subjects_of_a_symmetric_event_meet_each_other() {
    let (p, d) = doc_with_tree(
        "Xi and Putin met in Moscow on Friday.",
        "Xi PROPN NNP Xi 4 nsubj
         and CCONJ CC and 3 cc
         Putin PROPN NNP Putin 1 conj
         met VERB VBD meet 0 root
         in ADP IN in 6 case
         Moscow PROPN NNP Moscow 4 obl
         on ADP IN on 8 case
         Friday PROPN NNP Friday 4 obl
         . PUNCT . . 4 punct",
    );
    let recs = p.events(&d);
    assert_eq!(recs.len(), 1, "{recs:?}");
    let r = &recs[0];
    assert_eq!(r.cameo.get(..2), Some("04"));
    let pair = (
        r.source.as_ref().and_then(|a| a.code.clone()),
        r.target.as_ref().and_then(|a| a.code.clone()),
    );
    assert_eq!(pair, (Some("CHNGOV".into()), Some("RUSGOV".into())));
    assert_eq!(
        r.date.value.as_deref(),
        Some("2023-03-17"),
        "Friday before Tuesday 2023-03-21"
    );
    assert_eq!(r.date.basis.as_deref(), Some("relative"));
    assert_eq!(r.location.as_ref().map(|l| l.name.as_str()), Some("Moscow"));
}

#[test]
fn a_stated_future_act_is_an_intent_or_a_threat() {
    // Cooperative: the intent family; conflictual: a threat; a refused cooperation: a rejection.
    let (p, d) = doc_with_tree(
        "Russia will attack Ukraine.",
        "Russia PROPN NNP Russia 3 nsubj
         will AUX MD will 3 aux
         attack VERB VB attack 0 root
         Ukraine PROPN NNP Ukraine 3 obj
         . PUNCT . . 3 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "138", "{ev:?}");
    assert_eq!(ev[0].1.as_deref(), Some("RUS"));
    assert_eq!(ev[0].2.as_deref(), Some("UKR"));

    let (p, d) = doc_with_tree(
        "Syria will not accept refugees from Iraq.",
        "Syria PROPN NNP Syria 4 nsubj
         will AUX MD will 4 aux
         not PART RB not 4 advmod
         accept VERB VB accept 0 root
         refugees NOUN NNS refugee 4 obj
         from ADP IN from 7 case
         Iraq PROPN NNP Iraq 5 nmod
         . PUNCT . . 4 punct",
    );
    let ev = events(&p, &d);
    assert!(
        ev.iter().all(|e| e.0.starts_with("12")),
        "a refused future cooperation is a rejection: {ev:?}"
    );
}

#[test]
fn a_rejected_offer_targets_its_maker() {
    let (p, d) = doc_with_tree(
        "Pakistan rejected an offer from Afghanistan.",
        "Pakistan PROPN NNP Pakistan 2 nsubj
         rejected VERB VBD reject 0 root
         an DET DT a 4 det
         offer NOUN NN offer 2 obj
         from ADP IN from 6 case
         Afghanistan PROPN NNP Afghanistan 4 nmod
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(ev[0].0.starts_with("12"), "{ev:?}");
    assert_eq!(ev[0].1.as_deref(), Some("PAK"));
    assert_eq!(ev[0].2.as_deref(), Some("AFG"));
}

#[test]
fn an_unnamed_attacker_is_the_unidentified_armed_force_of_the_place() {
    let (p, d) = doc_with_tree(
        "A bombing near Basra killed a U.S. soldier.",
        "A DET DT a 2 det
         bombing NOUN NN bombing 5 nsubj
         near ADP IN near 4 case
         Basra PROPN NNP Basra 2 nmod
         killed VERB VBD kill 0 root
         a DET DT a 8 det
         U.S. PROPN NNP U.S. 8 compound
         soldier NOUN NN soldier 5 obj
         . PUNCT . . 5 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(
        ev[0].0.starts_with("18") || ev[0].0.starts_with("19"),
        "{ev:?}"
    );
    assert_eq!(ev[0].1.as_deref(), Some("IRQUAF"));
    assert_eq!(ev[0].2.as_deref().map(|c| &c[..3]), Some("USA"));
}

#[test]
fn a_wish_for_others_to_act_is_not_the_wishers_intent() {
    let (p, d) = doc_with_tree(
        "Japan wants a ceasefire between Russia and Ukraine.",
        "Japan PROPN NNP Japan 2 nsubj
         wants VERB VBZ want 0 root
         a DET DT a 4 det
         ceasefire NOUN NN ceasefire 2 obj
         between ADP IN between 6 case
         Russia PROPN NNP Russia 4 nmod
         and CCONJ CC and 8 cc
         Ukraine PROPN NNP Ukraine 6 conj
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert!(
        ev.iter().all(|e| e.1.as_deref() != Some("JPN")),
        "Japan does not cease fire: {ev:?}"
    );
}

#[test]
fn a_lexicon_row_coded_dash_blocks_a_sense_that_is_no_event() {
    let (p, d) = doc_with_tree(
        "China released a program.",
        "China PROPN NNP China 2 nsubj
         released VERB VBD release 0 root
         a DET DT a 4 det
         program NOUN NN program 2 obj
         . PUNCT . . 2 punct",
    );
    assert!(events(&p, &d).is_empty(), "{:?}", events(&p, &d));
    let (p, d) = doc_with_tree(
        "China released the journalist.",
        "China PROPN NNP China 2 nsubj
         released VERB VBD release 0 root
         the DET DT the 4 det
         journalist NOUN NN journalist 2 obj
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "0841");
}

#[test]
fn a_threat_is_aimed_at_whoever_must_meet_its_condition() {
    let (p, d) = doc_with_tree(
        "Iran threatened to halt talks if the United States imposes sanctions.",
        "Iran PROPN NNP Iran 2 nsubj
         threatened VERB VBD threaten 0 root
         to PART TO to 4 mark
         halt VERB VB halt 2 xcomp
         talks NOUN NNS talk 4 obj
         if SCONJ IN if 10 mark
         the DET DT the 9 det
         United PROPN NNP United 9 compound
         States PROPN NNPS States 10 nsubj
         imposes VERB VBZ impose 4 advcl
         sanctions NOUN NNS sanction 10 obj
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert!(
        ev.iter().any(|e| e.0 == "134"
            && e.1.as_deref() == Some("IRN")
            && e.2.as_deref() == Some("USA")),
        "{ev:?}"
    );
}

#[test]
fn a_purpose_infinitive_is_done_by_the_subject_of_its_clause() {
    let (p, d) = doc_with_tree(
        "Police in Nairobi opened fire to disperse the protesters.",
        "Police NOUN NNS police 4 nsubj
         in ADP IN in 3 case
         Nairobi PROPN NNP Nairobi 1 nmod
         opened VERB VBD open 0 root
         fire NOUN NN fire 4 obj
         to PART TO to 7 mark
         disperse VERB VB disperse 5 acl
         the DET DT the 9 det
         protesters NOUN NNS protester 7 obj
         . PUNCT . . 4 punct",
    );
    let ev = events(&p, &d);
    assert!(
        ev.iter()
            .any(|e| e.0 == "175" && e.1.as_deref() == Some("KENCOP")),
        "{ev:?}"
    );
}

#[test]
fn an_agentless_investigation_is_the_states_where_it_happens() {
    let (p, d) = doc_with_tree(
        "A British banker was placed under investigation in Spain.",
        "A DET DT a 3 det
         British ADJ JJ British 3 amod
         banker NOUN NN banker 5 nsubj:pass
         was AUX VBD be 5 aux:pass
         placed VERB VBN place 0 root
         under ADP IN under 7 case
         investigation NOUN NN investigation 5 obl
         in ADP IN in 9 case
         Spain PROPN NNP Spain 7 nmod
         . PUNCT . . 5 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "090");
    assert_eq!(ev[0].1.as_deref(), Some("ESPGOV"));
    assert_eq!(ev[0].2.as_deref().map(|c| &c[..3]), Some("GBR"));
}

#[test]
fn a_clause_on_a_nouns_light_verb_completes_the_noun() {
    // The demand is the ultimatum's content, not a halt Chile makes.
    let (p, d) = doc_with_tree(
        "Chile issued an ultimatum to Bolivia to halt raids.",
        "Chile PROPN NNP Chile 2 nsubj
         issued VERB VBD issue 0 root
         an DET DT a 4 det
         ultimatum NOUN NN ultimatum 2 obj
         to ADP IN to 6 case
         Bolivia PROPN NNP Bolivia 2 obl
         to PART TO to 8 mark
         halt VERB VB halt 2 advcl
         raids NOUN NNS raid 8 obj
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert!(!ev.iter().any(|e| e.0.starts_with("08")), "{ev:?}");
    assert!(
        ev.iter()
            .all(|e| e.1.as_deref() == Some("CHL") && e.2.as_deref() == Some("BOL")),
        "{ev:?}"
    );
}

#[test]
fn coordinated_national_adjectives_each_name_an_actor() {
    let (p, d) = doc_with_tree(
        "Indian and Japanese warships launched joint exercises.",
        "Indian ADJ JJ Indian 4 amod
         and CCONJ CC and 3 cc
         Japanese ADJ JJ Japanese 1 conj
         warships NOUN NNS warship 5 nsubj
         launched VERB VBD launch 0 root
         joint ADJ JJ joint 7 amod
         exercises NOUN NNS exercise 5 obj
         . PUNCT . . 5 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    let mut pair = [ev[0].1.clone(), ev[0].2.clone()];
    pair.sort();
    assert_eq!(pair, [Some("INDMIL".into()), Some("JPNMIL".into())]);
}

#[test]
fn readying_for_violence_is_a_show_of_force_and_martial_law_falls_on_the_own_country() {
    let (p, d) = doc_with_tree(
        "The Sudanese army prepared to resume shelling rebel positions.",
        "The DET DT the 3 det
         Sudanese ADJ JJ Sudanese 3 amod
         army NOUN NN army 4 nsubj
         prepared VERB VBD prepare 0 root
         to PART TO to 6 mark
         resume VERB VB resume 4 xcomp
         shelling VERB VBG shell 6 xcomp
         rebel NOUN NN rebel 9 compound
         positions NOUN NNS position 7 obj
         . PUNCT . . 4 punct",
    );
    let ev = events(&p, &d);
    assert!(ev.iter().all(|e| e.0 == "150"), "{ev:?}");
    assert!(!ev.is_empty());
    let (p, d) = doc_with_tree(
        "The Thai army imposed martial law.",
        "The DET DT the 3 det
         Thai ADJ JJ Thai 3 amod
         army NOUN NN army 4 nsubj
         imposed VERB VBD impose 0 root
         martial ADJ JJ martial 6 amod
         law NOUN NN law 4 obj
         . PUNCT . . 4 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        (ev[0].0.as_str(), ev[0].1.as_deref(), ev[0].2.as_deref()),
        ("1724", Some("THAMIL"), Some("THA"))
    );
}

#[test]
fn the_objects_phrase_is_searched_one_phrase_deeper_for_the_target() {
    let (p, d) = doc_with_tree(
        "Japan plans to impose restrictions on imports from China.",
        "Japan PROPN NNP Japan 2 nsubj
         plans VERB VBZ plan 0 root
         to PART TO to 4 mark
         impose VERB VB impose 2 xcomp
         restrictions NOUN NNS restriction 4 obj
         on ADP IN on 7 case
         imports NOUN NNS import 4 obl
         from ADP IN from 9 case
         China PROPN NNP China 7 nmod
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        (ev[0].1.as_deref(), ev[0].2.as_deref()),
        (Some("JPN"), Some("CHN"))
    );
}

#[test]
fn the_leader_in_an_x_led_modifier_is_the_actor() {
    let (p, d) = doc_with_tree(
        "Iran condemned the Saudi-led war against Yemen.",
        "Iran PROPN NNP Iran 2 nsubj
         condemned VERB VBD condemn 0 root
         the DET DT the 7 det
         Saudi PROPN NNP Saudi 6 obl:unmarked
         - PUNCT HYPH - 4 punct
         led VERB VBN lead 7 amod
         war NOUN NN war 2 obj
         against ADP IN against 9 case
         Yemen PROPN NNP Yemen 7 nmod
         . PUNCT . . 2 punct",
    );
    let ev = events(&p, &d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        (ev[0].0.as_str(), ev[0].1.as_deref(), ev[0].2.as_deref()),
        ("111", Some("IRN"), Some("SAU"))
    );
}

#[test]
fn a_protest_is_aimed_at_whom_its_purpose_names_not_at_its_owner() {
    let (p, d) = doc_with_tree(
        "Kenyan students continued their hunger strike to demand the resignation of the Kenyan president.",
        "Kenyan ADJ JJ Kenyan 2 amod
         students NOUN NNS student 3 nsubj
         continued VERB VBD continue 0 root
         their PRON PRP$ their 6 nmod:poss
         hunger NOUN NN hunger 6 compound
         strike NOUN NN strike 3 obj
         to PART TO to 8 mark
         demand VERB VB demand 3 advcl
         the DET DT the 10 det
         resignation NOUN NN resignation 8 obj
         of ADP IN of 14 case
         the DET DT the 14 det
         Kenyan ADJ JJ Kenyan 14 amod
         president NOUN NN president 10 nmod
         . PUNCT . . 3 punct",
    );
    let ev = events(&p, &d);
    let codes: Vec<(&str, Option<&str>)> =
        ev.iter().map(|e| (e.0.as_str(), e.2.as_deref())).collect();
    assert!(codes.contains(&("142", Some("KENGOV"))), "{ev:?}");
    assert!(codes.contains(&("1041", Some("KENGOV"))), "{ev:?}");
    assert!(ev.iter().all(|e| e.2.is_some()), "{ev:?}");
}
