//! Sentence splitting inside a paragraph.
//!
//! A paragraph break always ends a sentence (so a headline without a full stop is a sentence of
//! its own). Inside a paragraph a sentence ends after `.`, `!`, `?` or `...`, together with the
//! closing quotes and brackets glued to it, when the next token can start a sentence (a capital
//! letter, a digit or an opening quote). Abbreviations never end a sentence when they are
//! titles or months ("Mr. Xi", "Jan. 5") and end one only before a typical sentence starter
//! otherwise ("... in the U.S. The talks ...").

use crate::lexicon::{abbreviation, is_initials, is_sentence_starter, AbbrevClass};

/// Split the tokens of one paragraph into sentences; returns token index ranges.
///
/// `tokens` are byte ranges into `text`.
pub fn split(text: &str, tokens: &[(usize, usize)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let w = tok(text, tokens, i);
        let end_kind = end_kind(w);
        if end_kind == EndKind::No {
            i += 1;
            continue;
        }
        // Closing quotes and brackets glued to the terminator belong to this sentence.
        let mut j = i + 1;
        while j < tokens.len()
            && tokens[j].0 == tokens[j - 1].1
            && matches!(tok(text, tokens, j), "\"" | "'" | ")" | "]")
        {
            j += 1;
        }
        let Some(&(next_start, _)) = tokens.get(j) else {
            break;
        };
        let next = &text[next_start..tokens[j].1];
        let breaks = match end_kind {
            EndKind::Strong => starts_sentence(next),
            EndKind::Abbrev => is_sentence_starter(next),
            EndKind::No => false,
        };
        if breaks {
            out.push(start..j);
            start = j;
        }
        i = j;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum EndKind {
    No,
    Strong,
    Abbrev,
}

fn tok<'t>(text: &'t str, tokens: &[(usize, usize)], i: usize) -> &'t str {
    &text[tokens[i].0..tokens[i].1]
}

fn end_kind(w: &str) -> EndKind {
    match w {
        "." | "!" | "?" | "..." | "!!" | "?!" | "!?" => EndKind::Strong,
        _ if w.len() > 1 && w.ends_with('.') => match abbreviation(w) {
            Some(AbbrevClass::Other) => EndKind::Abbrev,
            Some(_) => EndKind::No,
            // Single initials ("J.") precede surnames; acronyms ("U.S.") may end a sentence.
            None if is_initials(w) && w.len() > 2 => EndKind::Abbrev,
            None => EndKind::No,
        },
        _ => EndKind::No,
    }
}

fn starts_sentence(w: &str) -> bool {
    match w.chars().next() {
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[' | '-')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(s: &str) -> Vec<String> {
        let t = tokenize(s);
        split(s, &t)
            .into_iter()
            .map(|r| s[t[r.start].0..t[r.end - 1].1].to_string())
            .collect()
    }

    #[test]
    fn splits_at_stops_before_capitals() {
        assert_eq!(
            sents("Xi came. Putin met him! Why? No."),
            ["Xi came.", "Putin met him!", "Why?", "No."]
        );
    }

    #[test]
    fn titles_and_acronyms() {
        assert_eq!(
            sents("Mr. Xi met Dr. Li in the U.S. capital."),
            ["Mr. Xi met Dr. Li in the U.S. capital."]
        );
        assert_eq!(
            sents("U.S. officials said so. Mr Xi left."),
            ["U.S. officials said so.", "Mr Xi left."]
        );
        assert_eq!(
            sents("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
        assert_eq!(sents("On Jan. 5 it began."), ["On Jan. 5 it began."]);
    }

    #[test]
    fn quotations() {
        assert_eq!(
            sents("He said \"that would be illegal.\" He added more."),
            ["He said \"that would be illegal.\"", "He added more."]
        );
        assert_eq!(
            sents("\"Why?\" he asked. Fine."),
            ["\"Why?\" he asked.", "Fine."]
        );
        assert_eq!(
            sents("\"We are ready,\" Mr Stoltenberg told reporters."),
            ["\"We are ready,\" Mr Stoltenberg told reporters."]
        );
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(
            sents("It grew 3.5 percent vs. last year."),
            ["It grew 3.5 percent vs. last year."]
        );
    }
}
