//! Documents with hand-written dependency trees, so that the stages after syntax are tested
//! apart from the parser.

use eventwire::{Document, Pipeline, RawDocument};
use eventwire_document::{Syntax, TokenId};

/// Build a processed document from `text` whose tokens get the analyses in `tree`, one line per
/// token: `FORM UPOS XPOS LEMMA HEAD DEPREL` (HEAD 1-based within the sentence, 0 = root).
pub fn doc_with_tree(text: &str, tree: &str) -> (Pipeline, Document) {
    let pipeline = Pipeline::new().expect("pipeline");
    let mut doc = pipeline.process(RawDocument {
        id: "t".into(),
        text: text.into(),
        extracted: false,
        date: chrono::NaiveDate::from_ymd_opt(2023, 3, 21),
        title: None,
        url: None,
    });
    let rows: Vec<Vec<&str>> = tree
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), doc.tokens.len(), "one tree row per token");
    let mut syn = Syntax::default();
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r[0], doc.tokens.norm(i as TokenId), "row {i}");
        let upos: &'static str = Box::leak(r[1].to_string().into_boxed_str());
        syn.upos.push(upos);
        syn.xpos.push(r[2].to_string());
        syn.lemma.push(r[3].to_string());
        let head: u32 = r[4].parse().expect("head");
        syn.head.push((head > 0).then(|| head - 1));
        syn.deprel.push(r[5].to_string());
    }
    doc.syntax = Some(syn);
    // Re-run the stages after syntax on the hand-made tree.
    eventwire::rerun_after_syntax(&pipeline, &mut doc);
    (pipeline, doc)
}
