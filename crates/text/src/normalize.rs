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
    /// Alignment segments, sorted by normalized byte offset; empty when the normalized text
    /// is the original (pure ASCII needing no change), where byte = code point.
    segments: Vec<Segment>,
    original_chars: u32,
}

/// From normalized byte `at` on, bytes map to original code points `origin + (b - at)` when
/// `linear` (a run of ASCII), or all to `origin` otherwise (the bytes of one original
/// character: a multi-byte character or the expansion of a replacement such as "…" → "...").
#[derive(Clone, Copy, Debug)]
struct Segment {
    at: u32,
    origin: u32,
    linear: bool,
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

/// ASCII bytes that normalization rewrites.
#[inline]
fn ascii_needs_change(b: u8) -> bool {
    matches!(b, b'\r' | b'\t' | b'`')
}

impl<'a> NormalizedText<'a> {
    /// Normalize `original`.
    pub fn new(original: &'a str) -> NormalizedText<'a> {
        let bytes = original.as_bytes();
        if bytes
            .iter()
            .all(|&b| b.is_ascii() && !ascii_needs_change(b))
        {
            return NormalizedText {
                text: Cow::Borrowed(original),
                segments: Vec::new(),
                original_chars: original.len() as u32,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut segments = vec![Segment {
            at: 0,
            origin: 0,
            linear: true,
        }];
        let mut ci = 0u32; // original code point offset of position i
        let mut i = 0usize;
        while i < bytes.len() {
            // Copy a run of unchanged ASCII in one go.
            let run = bytes[i..]
                .iter()
                .position(|&b| !b.is_ascii() || ascii_needs_change(b))
                .unwrap_or(bytes.len() - i);
            if run > 0 {
                if !segments
                    .last()
                    .is_some_and(|s| s.linear && s.origin + (text.len() as u32 - s.at) == ci)
                {
                    segments.push(Segment {
                        at: text.len() as u32,
                        origin: ci,
                        linear: true,
                    });
                }
                text.push_str(&original[i..i + run]);
                i += run;
                ci += run as u32;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let mut len = c.len_utf8();
            let out = if c == '\r' && bytes.get(i + 1) == Some(&b'\n') {
                // CRLF is one line break, mapped to the CR.
                len = 2;
                "\n"
            } else {
                replacement(c).unwrap_or(&original[i..i + len])
            };
            if !out.is_empty() {
                let single_ascii = out.len() == 1;
                segments.push(Segment {
                    at: text.len() as u32,
                    origin: ci,
                    linear: single_ascii,
                });
                text.push_str(out);
            }
            ci += if len == 2 && c == '\r' { 2 } else { 1 };
            i += len;
        }
        NormalizedText {
            text: Cow::Owned(text),
            segments,
            original_chars: ci,
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Original code-point offset where the normalized byte `b` came from.
    /// `b == len()` maps to the end of the original.
    pub fn original_offset(&self, b: usize) -> u32 {
        if self.segments.is_empty() {
            return b as u32;
        }
        if b >= self.text.len() {
            return self.original_chars;
        }
        let b = b as u32;
        let k = self.segments.partition_point(|s| s.at <= b);
        let s = self.segments[k.saturating_sub(1)];
        if s.linear {
            s.origin + (b - s.at)
        } else {
            s.origin
        }
    }

    /// Original code-point span `[start, end)` of the normalized byte range `[a, b)`, `a < b`.
    pub fn original_span(&self, a: usize, b: usize) -> (u32, u32) {
        if self.segments.is_empty() {
            return (a as u32, b as u32);
        }
        (self.original_offset(a), self.original_offset(b - 1) + 1)
    }
}

/// A forward-moving reader of a [`NormalizedText`]'s alignment: offsets asked for in
/// increasing order (as a tokenizer produces them) cost amortized O(1) instead of a binary
/// search each.
#[derive(Debug)]
pub struct Aligner<'n, 'a> {
    norm: &'n NormalizedText<'a>,
    k: usize,
}

impl<'a> NormalizedText<'a> {
    /// An [`Aligner`] starting at the beginning of the text.
    pub fn aligner(&self) -> Aligner<'_, 'a> {
        Aligner { norm: self, k: 0 }
    }
}

impl Aligner<'_, '_> {
    /// Original code-point offset of normalized byte `b` (any order; fastest when increasing).
    pub fn offset(&mut self, b: usize) -> u32 {
        let segs = &self.norm.segments;
        if segs.is_empty() {
            return b as u32;
        }
        if b >= self.norm.text.len() {
            return self.norm.original_chars;
        }
        let b = b as u32;
        if segs[self.k].at > b {
            self.k = segs.partition_point(|s| s.at <= b).saturating_sub(1);
        }
        while self.k + 1 < segs.len() && segs[self.k + 1].at <= b {
            self.k += 1;
        }
        let s = segs[self.k];
        if s.linear {
            s.origin + (b - s.at)
        } else {
            s.origin
        }
    }

    /// Original code-point span of the normalized byte range `[a, b)`, `a < b`.
    pub fn span(&mut self, a: usize, b: usize) -> (u32, u32) {
        (self.offset(a), self.offset(b - 1) + 1)
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
    fn aligner_agrees_with_direct_lookup_in_any_order() {
        let src = "“We” — Nato’s\u{00A0}chief…\r\nok é 中";
        let n = NormalizedText::new(src);
        let mut al = n.aligner();
        let len = n.as_str().len();
        for b in (0..len).chain((0..len).rev()) {
            if n.as_str().is_char_boundary(b) {
                assert_eq!(al.offset(b), n.original_offset(b), "byte {b}");
            }
        }
    }

    #[test]
    fn invisible_characters_are_removed() {
        let n = NormalizedText::new("de\u{00AD}escalation");
        assert_eq!(n.as_str(), "deescalation");
        assert_eq!(n.original_span(0, n.as_str().len()), (0, 13));
    }
}
