//! Property tests: every span the text stage emits lies inside the text, on code-point
//! boundaries, maps back to the characters its normalized form came from, and sentences
//! partition the tokens in order.

use eventwire_document::Document;
use eventwire_text::NormalizedText;
use proptest::prelude::*;

fn news_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => proptest::char::range('a', 'z'),
        3 => proptest::char::range('A', 'Z'),
        2 => proptest::char::range('0', '9'),
        6 => Just(' '),
        1 => Just('\n'),
        1 => Just('\r'),
        4 => proptest::sample::select(vec!['.', ',', '\'', '"', '-', '(', ')', '?', '!', ':', ';', '$', '%', '/', '@']),
        3 => proptest::sample::select(vec![
            '‘', '’', '“', '”', '—', '–', '…', '\u{00A0}', '\u{00AD}', '\u{200B}', 'é', 'ü', '中', '😀', '\u{2028}', '\t'
        ]),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(news_char(), 0..400).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn spans_are_valid_and_map_back(text in news_text()) {
        let mut doc = Document::new("p", text.clone());
        eventwire_text::analyze(&mut doc);
        let n = text.chars().count() as u32;
        let mut prev_end = 0;
        for t in 0..doc.tokens.len() as u32 {
            let span = doc.tokens.span(t);
            prop_assert!(span.start < span.end && span.end <= n, "token {t} {span:?} outside 0..{n}");
            prop_assert!(span.start >= prev_end, "tokens overlap or go backwards");
            prev_end = span.end;
            let original: String = text.chars().skip(span.start as usize).take(span.len() as usize).collect();
            prop_assert_eq!(doc.token_text(t), original.as_str());
            let renorm = NormalizedText::new(&original);
            prop_assert_eq!(renorm.as_str(), doc.tokens.norm(t), "token {} does not map back", t);
        }
        let mut next = 0;
        for s in &doc.sentences {
            prop_assert_eq!(s.tokens.start, next, "sentences must partition the tokens");
            prop_assert!(s.tokens.start < s.tokens.end);
            next = s.tokens.end;
            prop_assert_eq!(s.span.start, doc.tokens.span(s.tokens.start).start);
            prop_assert_eq!(s.span.end, doc.tokens.span(s.tokens.end - 1).end);
            if let Some(c) = s.credit { prop_assert!(s.span.contains(c)); }
            if let Some(r) = s.repeat_of { prop_assert!((r as usize) < doc.sentences.len()); }
        }
        prop_assert_eq!(next as usize, doc.tokens.len());
    }
}

#[test]
fn repeated_caption_lines_point_at_their_first_copy() {
    let text = "Leaders meet in Rome\n\nThe talks began on Monday. They ended today.\n\nMr Xi in Rome on Monday (AP)\nMr Xi in Rome on Monday (AP)\n\nBy Jane Doe\n\nMore talks follow.";
    let mut doc = Document::new("t", text);
    eventwire_text::analyze(&mut doc);
    let flags: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| s.flags.names().collect())
        .collect();
    assert_eq!(
        flags,
        vec![
            vec!["headline"],
            vec![],
            vec![],
            vec!["caption", "credit"],
            vec!["caption", "credit", "repeat"],
            vec!["byline"],
            vec![]
        ]
    );
    assert_eq!(doc.sentences[4].repeat_of, Some(3));
    let credit = doc.sentences[3].credit.expect("credit span");
    assert_eq!(doc.slice(credit), "(AP)");
}
