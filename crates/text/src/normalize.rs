//! Normalization with an exact offset map back to the original text.
//!
//! News text arrives with curly quotes, several dashes, non-breaking spaces, soft hyphens and
//! Windows line ends. [`NormalizedText`] rewrites these to a small canonical alphabet so the
//! tokenizer, lexicons and models see one form, and keeps, for every byte of the normalized
//! text, the code-point offset of the original character it came from (the idea of Hugging
//! Face tokenizers' `NormalizedString`). Every span computed on the normalized text maps back
//! to the original exactly.

use std::borrow::Cow;

/// A normalized copy of a text with an alignment to the original.
#[derive(Clone, Debug)]
pub struct NormalizedText<'a> {
    text: Cow<'a, str>,
    /// Original code-point offset of each normalized byte; empty when the normalized text is
    /// the original (pure ASCII without carriage returns), where byte = code point.
    origin: Vec<u32>,
    original_chars: u32,
}

/// The canonical replacement of a character, or `None` to keep it.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{0060}'
        | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2013}' | '\u{2012}' | '\u{2010}' | '\u{2011}' | '\u{2212}' => "-",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{2026}' => "...",
        '\u{00A0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{200A}' | '\u{202F}'
        | '\u{205F}' | '\u{3000}' | '\t' => " ",
        '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => "\n",
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        _ => return None,
    })
}

impl<'a> NormalizedText<'a> {
    /// Normalize `original`.
    pub fn new(original: &'a str) -> NormalizedText<'a> {
        if original.is_ascii()
            && !original
                .bytes()
                .any(|b| b == b'\r' || b == b'\t' || b == b'`')
        {
            return NormalizedText {
                text: Cow::Borrowed(original),
                origin: Vec::new(),
                original_chars: original.len() as u32,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut chars = original.chars().enumerate().peekable();
        let mut n = 0u32;
        while let Some((ci, c)) = chars.next() {
            n = ci as u32 + 1;
            let ci = ci as u32;
            if c == '\r' {
                // CRLF is one line break, mapped to the CR.
                if let Some((_, '\n')) = chars.peek() {
                    chars.next();
                    n += 1;
                }
                text.push('\n');
                origin.push(ci);
                continue;
            }
            match replacement(c) {
                Some(r) => {
                    text.push_str(r);
                    origin.extend(std::iter::repeat_n(ci, r.len()));
                }
                None => {
                    text.push(c);
                    origin.extend(std::iter::repeat_n(ci, c.len_utf8()));
                }
            }
        }
        NormalizedText {
            text: Cow::Owned(text),
            origin,
            original_chars: n,
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Original code-point offset where the normalized byte `b` came from.
    /// `b == len()` maps to the end of the original.
    pub fn original_offset(&self, b: usize) -> u32 {
        if self.origin.is_empty() {
            return b as u32;
        }
        self.origin.get(b).copied().unwrap_or(self.original_chars)
    }

    /// Original code-point span `[start, end)` of the normalized byte range `[a, b)`, `a < b`.
    pub fn original_span(&self, a: usize, b: usize) -> (u32, u32) {
        if self.origin.is_empty() {
            return (a as u32, b as u32);
        }
        let start = self.original_offset(a);
        let end = self.original_offset(b - 1) + 1;
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_is_borrowed_with_identity_map() {
        let n = NormalizedText::new("Xi met Putin.");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(n.original_span(3, 6), (3, 6));
    }

    #[test]
    fn quotes_dashes_and_spaces_are_canonical_and_mapped_back() {
        let src = "“We” — Nato’s\u{00A0}chief…\r\nok";
        let n = NormalizedText::new(src);
        assert_eq!(n.as_str(), "\"We\" -- Nato's chief...\nok");
        // "Nato's" in normalized text
        let a = n.as_str().find("Nato").unwrap();
        let (s, e) = n.original_span(a, a + "Nato's".len());
        let orig: String = src
            .chars()
            .skip(s as usize)
            .take((e - s) as usize)
            .collect();
        assert_eq!(orig, "Nato’s");
        // the ellipsis maps to its single original character
        let a = n.as_str().find("...").unwrap();
        assert_eq!(n.original_span(a, a + 3), (19, 20));
        // CRLF is one break and "ok" maps after it
        let a = n.as_str().find("ok").unwrap();
        assert_eq!(n.original_span(a, a + 2), (22, 24));
    }

    #[test]
    fn invisible_characters_are_removed() {
        let n = NormalizedText::new("de\u{00AD}escalation");
        assert_eq!(n.as_str(), "deescalation");
        assert_eq!(n.original_span(0, n.as_str().len()), (0, 13));
    }
}
