//! Whole-model unit tests on a tiny hand-written treebank and on the builtin model.

use super::*;

const TINY: &str = "# newdoc id = toy_1
# sent_id = 1
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
4\tRussia\tRussia\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
5\twould\twould\tAUX\tMD\t_\t7\taux\t_\t_
6\tnot\tnot\tPART\tRB\t_\t7\tadvmod\t_\t_
7\tattack\tattack\tVERB\tVB\t_\t3\tccomp\t_\t_
8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# sent_id = 2
1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# newdoc id = GUM_fiction_x
# sent_id = 3
1\tDragons\tdragon\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tflew\tfly\tVERB\tVBD\t_\t0\troot\t_\t_
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";

fn tiny_model() -> (SyntaxModel, TrainReport) {
    // Tests run in parallel: every call gets its own directory.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "eventwire-syntax-test-{}-{call}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("tiny.conllu");
    std::fs::write(&path, TINY).expect("write");
    let config = TrainConfig {
        train_files: vec![path.clone()],
        dev_files: vec![path],
        gum_genres: SHIPPABLE_GUM_GENRES.iter().map(|s| s.to_string()).collect(),
        tagger_epochs: 5,
        parser_epochs: 8,
        beam_width: 4,
        decode_beam_width: 0,
        second_pass: true,
        prune_tagger_below: 0,
        prune_parser_below: 0,
        jackknife_folds: 2,
        threads: 2,
        seed: 7,
        verbose: false,
    };
    train(&config).expect("trains")
}

#[test]
fn tiny_model_learns_and_filters_genres() {
    let (model, report) = tiny_model();
    assert_eq!(
        report.train_sentences, 2,
        "the GUM_fiction document is filtered out"
    );
    let words = [
        "The", "minister", "said", "Russia", "would", "not", "attack", ".",
    ];
    let out = model.analyze(&words);
    assert_eq!(out.len(), words.len());
    assert_eq!(out[2].upos, "VERB");
    assert_eq!(out[2].lemma, "say");
    assert_eq!(out.iter().filter(|a| a.head == 0).count(), 1);
    assert!(out.iter().all(|a| a.head <= words.len()));
    assert!(model.analyze(&[]).is_empty());
}

#[test]
fn save_load_round_trip_is_exact_and_deterministic() {
    let (model, _) = tiny_model();
    let bytes = model.to_bytes();
    let back = SyntaxModel::from_bytes(&bytes).expect("loads");
    assert_eq!(model, back);
    assert_eq!(bytes, back.to_bytes());
    let (again, _) = tiny_model();
    assert_eq!(bytes, again.to_bytes(), "training is deterministic");
    let words = ["Troops", "attacked", "the", "minister", "."];
    assert_eq!(model.analyze(&words), back.analyze(&words));
    let path =
        std::env::temp_dir().join(format!("eventwire-syntax-rt-{}.ewsyn", std::process::id()));
    model.save(&path).expect("saves");
    assert_eq!(SyntaxModel::load(&path).expect("loads"), model);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn corrupt_bytes_are_typed_errors() {
    let (model, _) = tiny_model();
    let bytes = model.to_bytes();
    assert!(matches!(
        SyntaxModel::from_bytes(b"nope"),
        Err(SyntaxError::Format(_))
    ));
    assert!(SyntaxModel::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    let mut wrong_version = bytes.clone();
    wrong_version[8] = 99;
    assert!(matches!(
        SyntaxModel::from_bytes(&wrong_version),
        Err(SyntaxError::Version { found: 99, .. })
    ));
    assert!(matches!(
        SyntaxModel::load(Path::new("/nonexistent/model.ewsyn")),
        Err(SyntaxError::Io { .. })
    ));
}

#[test]
fn builtin_model_parses_a_news_sentence() {
    let model = builtin().expect("the committed model loads");
    let words = [
        "The", "minister", "said", "Russia", "would", "not", "attack", ".",
    ];
    let out = model.analyze(&words);
    let (said, attack) = (&out[2], &out[6]);
    assert_eq!(said.upos, "VERB");
    assert_eq!(said.xpos, "VBD");
    assert_eq!(said.lemma, "say");
    assert_eq!(said.head, 0);
    assert_eq!(said.deprel, "root");
    assert_eq!(attack.head, 3);
    assert_eq!(attack.deprel, "ccomp");
    assert_eq!(out[1].head, 3);
    assert_eq!(out[1].deprel, "nsubj");
    assert_eq!(out[3].upos, "PROPN");
    assert_eq!(out[3].head, 7);
    assert_eq!(out[3].deprel, "nsubj");
    assert_eq!(out[4].deprel, "aux");
    assert_eq!(out[5].lemma, "not");
    assert_eq!(out[7].deprel, "punct");
}

#[test]
fn builtin_model_handles_straight_and_curly_quotes() {
    let model = builtin().expect("the committed model loads");
    let straight = ["He", "said", "\"", "no", "\"", "."];
    let curly = ["He", "said", "\u{201C}", "no", "\u{201D}", "."];
    let a = model.analyze(&straight);
    let b = model.analyze(&curly);
    assert_eq!(a[2].upos, "PUNCT");
    assert_eq!(b[2].upos, "PUNCT");
    assert_eq!(
        a.iter().map(|x| x.head).collect::<Vec<_>>(),
        b.iter().map(|x| x.head).collect::<Vec<_>>()
    );
    let dont = model.analyze(&["They", "do", "n\u{2019}t", "know", "."]);
    assert_eq!(dont[2].lemma, "not");
    assert_eq!(dont[3].upos, "VERB");
}

#[test]
fn any_input_gives_one_rooted_tree() {
    let (model, _) = tiny_model();
    let one = model.analyze(&["Yes"]);
    assert_eq!((one[0].head, one[0].deprel.as_str()), (0, "root"));
    let words: Vec<String> = (0..300)
        .map(|i| match i % 5 {
            0 => "the".to_string(),
            1 => format!("word{i}"),
            2 => ",".to_string(),
            3 => String::new(),
            _ => "\u{201C}".to_string(),
        })
        .collect();
    let forms: Vec<&str> = words.iter().map(String::as_str).collect();
    for width in [1, 4] {
        let out = model.clone().with_beam_width(width).analyze(&forms);
        assert_eq!(out.len(), forms.len());
        assert_eq!(out.iter().filter(|a| a.head == 0).count(), 1);
        for (i, a) in out.iter().enumerate() {
            assert!(a.head <= forms.len() && a.head != i + 1, "bad head {a:?}");
            assert_eq!(a.head == 0, a.deprel == "root");
        }
    }
}

/// XPOS tags of the builtin model for a sentence given as space-separated tokens.
fn xpos_of(sentence: &str) -> Vec<String> {
    let model = builtin().expect("the committed model loads");
    let words: Vec<&str> = sentence.split(' ').collect();
    model.analyze(&words).into_iter().map(|a| a.xpos).collect()
}

#[test]
fn repair_an_unknown_opening_word_before_a_verb_is_a_name() {
    let x = xpos_of("Zambia extradited a suspected militant to Britain on Sunday .");
    assert_eq!((x[0].as_str(), x[1].as_str()), ("NNP", "VBD"));
    let x = xpos_of("Angola on Monday denounced as a crime the attack on its embassy .");
    assert_eq!(x[0], "NNP");
}

#[test]
fn repair_a_modal_after_its_subject_takes_a_verb_but_a_question_keeps_its_subject() {
    let x = xpos_of("Kenya said that Somalia must hand over the suspects .");
    assert_eq!(x[5], "VB");
    let x = xpos_of("But will diplomacy work ?");
    assert_eq!(x[2], "NN");
}

#[test]
fn repair_a_demand_clause_has_a_base_form_verb() {
    let x = xpos_of("The union repeated its demand that the government ease controls on imports .");
    assert_eq!(x[8], "VB");
    let x = xpos_of("Ministers insisted that the United States match the offer .");
    assert_eq!(x[6], "VB");
}

#[test]
fn repair_a_sentence_without_a_finite_verb_gets_one_but_a_reduced_relative_does_not() {
    let x = xpos_of("Thousands of Kurds demonstrated in the city , witnesses said .");
    assert_eq!(x[3], "VBD");
    let x = xpos_of("Soldiers killed in the attack were buried on Friday .");
    assert_eq!(x[1], "VBN");
}

#[test]
fn repair_numbers_and_ing_adjectives() {
    let x = xpos_of("Police detained up to 2,500 protesters .");
    assert_eq!(x[4], "CD");
    let model = builtin().expect("the committed model loads");
    let out = model.analyze(&["Refugees", "fled", "to", "neighboring", "Kenya", "."]);
    assert_eq!(out[3].xpos, "JJ");
    assert_eq!((out[3].head, out[3].deprel.as_str()), (5, "amod"));
    let out = model.analyze(&["The", "warring", "factions", "met", "."]);
    assert_eq!(out[1].xpos, "JJ");
}

#[test]
fn repair_a_plural_noun_before_to_is_the_missing_present_tense() {
    let x = xpos_of("Norway , unlike several of its neighbours , plans to cut fuel taxes .");
    assert_eq!(x[8], "VBZ");
    // A sentence with a finite verb keeps its noun: "the plans to raise taxes failed".
    let x = xpos_of("The plans to raise taxes failed .");
    assert_eq!(x[1], "NNS");
}

#[test]
fn repair_an_infinitive_follows_a_verb_of_intent() {
    let x = xpos_of("Kenya has offered to hand over to Uganda two of the suspects .");
    assert_eq!((x[3].as_str(), x[4].as_str()), ("TO", "VB"));
    // "agreed to" also takes a noun phrase.
    let x = xpos_of("Chad agreed to mediation .");
    assert_eq!(x[3], "NN");
}

#[test]
fn repair_a_demand_clause_whose_verb_follows_an_inserted_phrase_is_left_alone() {
    let x = xpos_of(
        "He suggested that the national anthem , \" Hail Freedom , \" could still be sung .",
    );
    assert_eq!(x[5], "NN");
    let x = xpos_of("Ministers insisted that Ethiopia withdraw its troops , officials said .");
    assert_eq!(x[4], "VB");
}
