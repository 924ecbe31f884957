//! The coder's repairs of parser attachments English grammar rules out (`Tree::new`), on
//! sentences written for these tests with the wrong trees the parser tends to build.

mod hand_trees;

use eventwire::{Document, Pipeline};
use eventwire_events::tree::Tree;
use hand_trees::doc_with_tree;

/// (code, source, target) of each event.
fn events(p: &Pipeline, d: &Document) -> Vec<(String, Option<String>, Option<String>)> {
    p.events(d)
        .into_iter()
        .map(|r| {
            (
                r.cameo,
                r.source.and_then(|a| a.code),
                r.target.and_then(|a| a.code),
            )
        })
        .collect()
}

#[test]
fn a_weekday_object_is_a_temporal_modifier() {
    // The parser made "Tuesday" the object of "vowed", so it would control "to attack".
    let (p, d) = doc_with_tree(
        "Iran vowed Tuesday to attack Iraq.",
        "Iran PROPN NNP Iran 2 nsubj
         vowed VERB VBD vow 0 root
         Tuesday PROPN NNP Tuesday 2 obj
         to PART TO to 5 mark
         attack VERB VB attack 2 xcomp
         Iraq PROPN NNP Iraq 5 obj
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.deprel(2), "obl:tmod");
    assert_eq!(tree.subject(4), Some(0), "Iran, not Tuesday, is to attack");
    let ev = events(&p, &d);
    assert!(
        ev.iter()
            .any(|e| e.1.as_deref() == Some("IRN") && e.2.as_deref() == Some("IRQ")),
        "{ev:?}"
    );
    // The annotation view shows the parser's relation and the one the coder reads.
    let view: serde_json::Value =
        serde_json::from_str(&eventwire::annotate::to_json(&d)).expect("json");
    let tuesday = &view["tokens"][2];
    assert_eq!(tuesday["deprel"], "obj");
    assert_eq!(tuesday["coder_deprel"], "obl:tmod");
    assert!(view["tokens"][0].get("coder_deprel").is_none());
}

#[test]
fn a_date_after_the_verb_is_not_its_subject_but_a_preverbal_one_is() {
    let (_, d) = doc_with_tree(
        "Police said Sunday that Friday was quiet.",
        "Police NOUN NNS police 2 nsubj
         said VERB VBD say 0 root
         Sunday PROPN NNP Sunday 2 nsubj
         that SCONJ IN that 7 mark
         Friday PROPN NNP Friday 7 nsubj
         was AUX VBD be 7 cop
         quiet ADJ JJ quiet 2 ccomp
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.deprel(2), "obl:tmod");
    assert_eq!(tree.deprel(4), "nsubj", "Friday is what was quiet");
}

#[test]
fn up_to_a_number_leaves_the_noun_the_object() {
    // "up" as a particle of the verb and "to 30 soldiers" as a to-phrase.
    let (_, d) = doc_with_tree(
        "Rebels captured up to 30 soldiers.",
        "Rebels NOUN NNS rebel 2 nsubj
         captured VERB VBD capture 0 root
         up ADP RP up 2 compound:prt
         to ADP IN to 6 case
         30 NUM CD 30 6 nummod
         soldiers NOUN NNS soldier 2 obl
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.object(1), Some(5));
    assert_eq!(tree.head(2), Some(4));
    assert_eq!(tree.case(5), None);
}

#[test]
fn more_than_a_number_leaves_the_noun_the_object() {
    // "more" as the object and "than 200 prisoners" as a than-phrase.
    let (_, d) = doc_with_tree(
        "Egypt freed more than 200 prisoners in May.",
        "Egypt PROPN NNP Egypt 2 nsubj
         freed VERB VBD free 0 root
         more ADJ JJR more 2 obj
         than ADP IN than 6 case
         200 NUM CD 200 6 nummod
         prisoners NOUN NNS prisoner 2 obl
         in ADP IN in 8 case
         May PROPN NNP May 2 obl
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.object(1), Some(5));
    assert_eq!(tree.deprel(2), "advmod");
    assert_eq!(tree.head(2), Some(4));
}

#[test]
fn a_quantity_inside_a_real_prepositional_phrase_keeps_the_preposition() {
    let (_, d) = doc_with_tree(
        "Talks lasted for at least 3 days.",
        "Talks NOUN NNS talk 2 nsubj
         lasted VERB VBD last 0 root
         for ADP IN for 7 case
         at ADP IN at 5 case
         least ADJ JJS least 6 nmod
         3 NUM CD 3 7 nummod
         days NOUN NNS day 2 obl
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.deprel(6), "obl");
    assert_eq!(tree.case(6).as_deref(), Some("for"));
}

#[test]
fn a_bare_past_tense_modifier_is_the_verb_of_the_phrase_before_it() {
    // "marched" hung on "students" as a clausal modifier, the phrase made a complement.
    let (_, d) = doc_with_tree(
        "Hundreds of students marched in Lima, police said.",
        "Hundreds NOUN NNS hundred 9 ccomp
         of ADP IN of 3 case
         students NOUN NNS student 1 nmod
         marched VERB VBD march 3 acl
         in ADP IN in 6 case
         Lima PROPN NNP Lima 4 obl
         , PUNCT , , 1 punct
         police NOUN NNS police 9 nsubj
         said VERB VBD say 0 root
         . PUNCT . . 9 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.head(3), Some(8));
    assert_eq!(tree.deprel(3), "ccomp");
    assert_eq!(tree.subject(3), Some(0));
}

#[test]
fn a_gerund_complement_with_a_subject_modifies_the_object() {
    let (_, d) = doc_with_tree(
        "Farmers blocked the road linking Lima to Cusco.",
        "Farmers NOUN NNS farmer 2 nsubj
         blocked VERB VBD block 0 root
         the DET DT the 4 det
         road NOUN NN road 5 nsubj
         linking VERB VBG link 2 ccomp
         Lima PROPN NNP Lima 5 obj
         to ADP IN to 8 case
         Cusco PROPN NNP Cusco 5 obl
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.object(1), Some(3));
    assert_eq!((tree.head(4), tree.deprel(4)), (Some(3), "acl"));
}

#[test]
fn a_determined_phrase_after_a_prepositional_phrase_without_a_comma_is_the_object() {
    let (_, d) = doc_with_tree(
        "Chad extended by two weeks the ceasefire in the east.",
        "Chad PROPN NNP Chad 2 nsubj
         extended VERB VBD extend 0 root
         by ADP IN by 5 case
         two NUM CD two 5 nummod
         weeks NOUN NNS week 2 obl
         the DET DT the 7 det
         ceasefire NOUN NN ceasefire 5 appos
         in ADP IN in 10 case
         the DET DT the 10 det
         east NOUN NN east 7 nmod
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.object(1), Some(6));
    // With a comma it is an apposition.
    let (_, d) = doc_with_tree(
        "Chad met in Abuja, the capital.",
        "Chad PROPN NNP Chad 2 nsubj
         met VERB VBD meet 0 root
         in ADP IN in 4 case
         Abuja PROPN NNP Abuja 2 obl
         , PUNCT , , 7 punct
         the DET DT the 7 det
         capital NOUN NN capital 4 appos
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.deprel(6), "appos");
}

#[test]
fn a_closing_report_hung_on_the_last_noun_comments_on_the_sentence() {
    let (_, d) = doc_with_tree(
        "Chad closed its border with Sudan, the radio reported.",
        "Chad PROPN NNP Chad 2 nsubj
         closed VERB VBD close 0 root
         its PRON PRP$ its 4 nmod:poss
         border NOUN NN border 2 obj
         with ADP IN with 6 case
         Sudan PROPN NNP Sudan 4 nmod
         , PUNCT , , 10 punct
         the DET DT the 9 det
         radio NOUN NN radio 10 nsubj
         reported VERB VBD report 6 acl:relcl
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!((tree.head(9), tree.deprel(9)), (Some(1), "parataxis"));
}

#[test]
fn an_indirect_object_alone_is_the_object() {
    let (_, d) = doc_with_tree(
        "Chad will allow refugees to return.",
        "Chad PROPN NNP Chad 3 nsubj
         will AUX MD will 3 aux
         allow VERB VB allow 0 root
         refugees NOUN NNS refugee 3 iobj
         to PART TO to 6 mark
         return VERB VB return 3 xcomp
         . PUNCT . . 3 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.object(2), Some(3));
    assert_eq!(tree.subject(5), Some(3), "the refugees are to return");
}

#[test]
fn a_name_made_the_compound_of_a_date_subject_is_the_subject() {
    let (_, d) = doc_with_tree(
        "Peru yesterday expelled the envoy.",
        "Peru PROPN NNP Peru 2 compound
         yesterday NOUN NN yesterday 3 nsubj
         expelled VERB VBD expel 0 root
         the DET DT the 5 det
         envoy NOUN NN envoy 3 obj
         . PUNCT . . 3 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.subject(2), Some(0));
    assert_eq!(tree.deprel(1), "obl:tmod");
}

#[test]
fn an_opening_participle_root_modifies_the_subject_after_it() {
    let (_, d) = doc_with_tree(
        "Newly elected President Ruto has rejected the offer.",
        "Newly ADV RB newly 2 advmod
         elected VERB VBD elect 0 root
         President PROPN NNP President 4 nmod:desc
         Ruto PROPN NNP Ruto 6 nsubj
         has AUX VBZ have 6 aux
         rejected VERB VBN reject 2 ccomp
         the DET DT the 8 det
         offer NOUN NN offer 6 obj
         . PUNCT . . 2 punct",
    );
    let tree = Tree::new(&d).expect("tree");
    assert_eq!(tree.head(5), None);
    assert_eq!((tree.head(1), tree.deprel(1)), (Some(3), "amod"));
    assert_eq!(tree.subject(5), Some(3));
    assert_eq!(tree.head(8), Some(5), "the full stop closes the clause");
}
