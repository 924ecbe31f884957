//! The time stage over the shared VOA development corpus (35 articles): every span is valid
//! and every value has one of the documented forms. Prints a sample for review.
//!
//! The corpus lives outside the repository: `$EVENTWIRE_SHARED/corpora/voa-dev.jsonl`
//! (default `../shared` next to the checkout). When it is missing the test is skipped, unless
//! `EVENTWIRE_REQUIRE_SHARED=1`.

use eventwire_document::Document;
use std::path::PathBuf;

fn corpus() -> Option<String> {
    let shared = std::env::var("EVENTWIRE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let path = shared.join("corpora/voa-dev.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if std::env::var("EVENTWIRE_REQUIRE_SHARED").as_deref() == Ok("1") => {
            panic!("{}: {e}", path.display())
        }
        Err(e) => {
            println!("skipping: {}: {e}", path.display());
            None
        }
    }
}

#[test]
fn voa_timexes_are_well_formed() {
    let Some(text) = corpus() else { return };
    let mut docs = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("");
        let mut doc = Document::new(field("id"), field("text"));
        doc.date = chrono::NaiveDate::parse_from_str(field("date"), "%Y-%m-%d").ok();
        eventwire_text::analyze(&mut doc);
        eventwire_time::annotate(&mut doc);
        docs.push(doc);
    }
    assert!(!docs.is_empty());
    let mut all = Vec::new();
    for doc in &docs {
        let mut last_end = 0;
        for t in &doc.timexes {
            assert!(t.span.start >= last_end, "{}: overlapping {:?}", doc.id, t);
            assert!(t.span.end <= doc.char_len() && !t.span.is_empty());
            assert!(t.tokens.start < t.tokens.end && (t.tokens.end as usize) <= doc.tokens.len());
            assert_eq!(t.span.start, doc.tokens.span(t.tokens.start).start);
            assert_eq!(t.span.end, doc.tokens.span(t.tokens.end - 1).end);
            let in_sentence = doc.sentences.iter().any(|s| s.span.contains(t.span));
            assert!(in_sentence, "{}: {:?} crosses sentences", doc.id, t);
            let value = t.value.as_deref().unwrap_or("");
            assert!(
                eventwire_time::is_timex_value(t.kind, value),
                "{}: {:?} has value {value:?}",
                doc.id,
                doc.slice(t.span)
            );
            last_end = t.span.end;
            all.push((doc, t));
        }
    }
    println!("{} timexes in {} documents", all.len(), docs.len());
    let step = std::env::var("VOA_SAMPLE_ALL").map_or((all.len() / 30).max(1), |_| 1);
    for (doc, t) in all
        .iter()
        .step_by(step)
        .take(if step == 1 { all.len() } else { 30 })
    {
        let s = t.span;
        let ctx_start = s.start.saturating_sub(40);
        let ctx_end = (s.end + 30).min(doc.char_len());
        let before = doc.slice(eventwire_document::Span::new(ctx_start, s.start));
        let after = doc.slice(eventwire_document::Span::new(s.end, ctx_end));
        println!(
            "{} {:<10} {:<8?} {:<18} …{}[{}]{}…",
            doc.date.map(|d| d.to_string()).unwrap_or_default(),
            format!("{:?}", t.kind),
            t.basis,
            t.value.as_deref().unwrap_or("-"),
            before.replace('\n', " "),
            doc.slice(s),
            after.replace('\n', " ")
        );
    }
}
