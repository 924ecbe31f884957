//! The text stage on the seed article and the VOA corpus (shared data).

mod common;

use eventwire::{Pipeline, SentenceFlags};
use eventwire_input::{open, ReadOptions};

#[test]
fn seed_has_22_sentences_with_headline_captions_and_repeats() {
    let Some(shared) = common::shared_dir("seed/seed.txt") else {
        return;
    };
    let opts = ReadOptions {
        date: chrono::NaiveDate::from_ymd_opt(2023, 3, 21),
    };
    let path = shared.join("seed/seed.txt");
    let raw: Vec<_> = open(path.to_str().expect("utf-8 path"), &opts).collect();
    assert_eq!(raw.len(), 1);
    let raw = raw
        .into_iter()
        .next()
        .expect("one document")
        .expect("readable");
    assert_eq!(raw.id, "seed");
    let doc = Pipeline::new().expect("pipeline").process(raw);
    assert_eq!(doc.sentences.len(), 22);
    let flagged = |f: SentenceFlags| -> Vec<usize> {
        doc.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.flags.contains(f))
            .map(|(i, _)| i)
            .collect()
    };
    assert_eq!(flagged(SentenceFlags::HEADLINE), [0]);
    let captions = flagged(SentenceFlags::CAPTION);
    assert_eq!(captions.len(), 4, "two captions, each printed twice");
    let repeats = flagged(SentenceFlags::REPEAT);
    assert_eq!(repeats.len(), 2);
    for &r in &repeats {
        let first = doc.sentences[r].repeat_of.expect("repeat_of") as usize;
        assert_eq!(
            doc.slice(doc.sentences[first].span),
            doc.slice(doc.sentences[r].span)
        );
        assert!(captions.contains(&first));
    }
    for &c in &captions {
        let credit = doc.sentences[c].credit.expect("caption credit");
        assert!(
            matches!(doc.slice(credit), "(AP)" | "(AFP/Getty)"),
            "{}",
            doc.slice(credit)
        );
    }
}

#[test]
fn voa_corpus_is_fully_accounted_for() {
    let Some(shared) = common::shared_dir("corpora/voa-dev.jsonl") else {
        return;
    };
    let path = shared.join("corpora/voa-dev.jsonl");
    let pipeline = Pipeline::new().expect("pipeline");
    let mut n = 0;
    for raw in open(path.to_str().expect("utf-8 path"), &ReadOptions::default()) {
        let raw = raw.expect("every VOA document is readable");
        assert!(raw.date.is_some(), "{} has a date", raw.id);
        let doc = pipeline.process(raw);
        assert!(doc.sentences.len() > 3, "{}", doc.id);
        n += 1;
    }
    assert_eq!(n, 35);
}
