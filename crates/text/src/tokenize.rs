//! English news tokenizer following Universal Dependencies conventions.
//!
//! Works on normalized text (see [`crate::normalize`]) and yields byte ranges. Whitespace
//! separates chunks; each chunk is split into leading punctuation, a core, clitics and trailing
//! punctuation:
//! - abbreviations and initials keep their full stop ("Mr.", "U.S.", "J."), other final stops
//!   are split off;
//! - clitics are tokens of their own as in UD English: "do" "n't", "Russia" "'s", "they" "'re",
//!   "can" "not";
//! - hyphens between words are tokens ("long" "-" "term"), between digits they are kept
//!   ("2023-03-21", "3-2");
//! - URLs, e-mail addresses and numbers with separators ("1,000.5", "10:30") stay whole.

use crate::lexicon::{abbreviation, is_initials};

/// Append to `out` the byte ranges of the tokens of `text[start..end]` (offsets into `text`).
pub fn tokenize_range(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut i = start;
    while i < end {
        while i < end && is_space(b[i]) {
            i += 1;
        }
        let s = i;
        while i < end && !is_space(b[i]) {
            i += 1;
        }
        if s < i {
            split_chunk(text, s, i, out);
        }
    }
}

/// Tokenize a whole string; a convenience for lexicon entries and tests.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    tokenize_range(text, 0, text.len(), &mut out);
    out
}

#[inline]
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\t' | b'\r' | 0x0B | 0x0C)
}

#[inline]
fn is_open_punct(c: u8) -> bool {
    matches!(c, b'"' | b'(' | b'[' | b'{' | b'\'' | b'<')
}

#[inline]
fn is_close_punct(c: u8) -> bool {
    matches!(
        c,
        b'"' | b')' | b']' | b'}' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'>'
    )
}

fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    if is_url_or_email(&text[s..e]) {
        // Keep the address whole, but not the sentence punctuation after it.
        let mut trail = 0;
        while e - trail > s + 1 && matches!(b[e - trail - 1], b'.' | b',' | b')' | b'"' | b';') {
            trail += 1;
        }
        out.push((s, e - trail));
        for k in (e - trail)..e {
            out.push((k, k + 1));
        }
        return;
    }
    // Leading punctuation and dashes.
    while s < e {
        if is_open_punct(b[s]) && !(b[s] == b'\'' && is_leading_clitic(&text[s..e])) {
            out.push((s, s + 1));
            s += 1;
        } else if b[s] == b'-' && s + 1 < e && b[s + 1] == b'-' {
            let d = run_len(b, s, e, b'-');
            out.push((s, s + d));
            s += d;
        } else {
            break;
        }
    }
    // Trailing punctuation, collected right to left at the end of `out`; the core's tokens
    // follow and are rotated in front afterwards (no allocation per chunk).
    let mark = out.len();
    let trail = out;
    while s < e {
        let last = b[e - 1];
        if is_close_punct(last) {
            trail.push((e - 1, e));
            e -= 1;
        } else if last == b'.' {
            let word = &text[s..e];
            if word.ends_with("...") {
                let d = run_len_rev(b, s, e, b'.');
                trail.push((e - d, e));
                e -= d;
            } else if e - s > 1 && (abbreviation(word).is_some() || is_initials(word)) {
                break;
            } else {
                trail.push((e - 1, e));
                e -= 1;
            }
        } else if last == b'-' && e - s >= 2 && b[e - 2] == b'-' {
            let d = run_len_rev(b, s, e, b'-');
            trail.push((e - d, e));
            e -= d;
        } else {
            break;
        }
    }
    let out = trail;
    let n_trail = out.len() - mark;
    out[mark..].reverse();
    if s < e {
        split_core(text, s, e, out);
    }
    out[mark..].rotate_left(n_trail);
}

fn run_len(b: &[u8], s: usize, e: usize, c: u8) -> usize {
    b[s..e].iter().take_while(|&&x| x == c).count()
}

fn run_len_rev(b: &[u8], s: usize, e: usize, c: u8) -> usize {
    b[s..e].iter().rev().take_while(|&&x| x == c).count()
}

fn is_leading_clitic(chunk: &str) -> bool {
    let l = chunk.len();
    let lower = |w: &str| {
        chunk
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w))
    };
    (l == 2 && (lower("'s") || lower("'m") || lower("'d")))
        || (l == 3 && (lower("'re") || lower("'ve") || lower("'ll")))
}

fn is_url_or_email(w: &str) -> bool {
    w.contains("://")
        || w.starts_with("www.")
        || (w.contains('@')
            && w.contains('.')
            && w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric))
}

/// Split clitics off the end of a core and hyphens, `$` and `%` inside it.
fn split_core(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let core = &text[s..e];
    let n = core.len();
    let ends = |suf: &str| {
        n > suf.len() && core.as_bytes()[n - suf.len()..].eq_ignore_ascii_case(suf.as_bytes())
    };
    let clitic = if ends("n't") || ends("'re") || ends("'ve") || ends("'ll") {
        3
    } else if ends("'s") || ends("'m") || ends("'d") {
        2
    } else if n == 6 && core.eq_ignore_ascii_case("cannot") {
        3
    } else {
        0
    };
    let body_end = e - clitic;
    split_inner(text, s, body_end, out);
    if clitic > 0 {
        out.push((body_end, e));
    }
}

/// Hyphens between words, a leading currency sign and a trailing percent sign.
fn split_inner(text: &str, mut s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    if e - s > 1 && matches!(b[s], b'$') {
        out.push((s, s + 1));
        s += 1;
    }
    let mut pct = false;
    let mut e2 = e;
    if e2 - s > 1 && b[e2 - 1] == b'%' && b[e2 - 2].is_ascii_digit() {
        pct = true;
        e2 -= 1;
    }
    let mut piece = s;
    let mut i = s;
    while i < e2 {
        if b[i] == b'-' && i > piece {
            let d = run_len(b, i, e2, b'-');
            let before = b[i - 1];
            let after = b.get(i + d).copied().filter(|_| i + d < e2);
            let digits =
                before.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()) && d == 1;
            let splits = after.is_some()
                && !digits
                && (before.is_ascii_alphanumeric() || before == b'.' || before >= 0x80 || d > 1);
            if splits {
                out.push((piece, i));
                out.push((i, i + d));
                i += d;
                piece = i;
                continue;
            }
            i += d;
            continue;
        }
        i += 1;
    }
    if piece < e2 {
        out.push((piece, e2));
    }
    if pct {
        out.push((e2, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn abbreviations_keep_their_stops() {
        assert_eq!(
            toks("Mr. Xi met Gen. Smith."),
            ["Mr.", "Xi", "met", "Gen.", "Smith", "."]
        );
        assert_eq!(
            toks("U.S. officials, U.N. staff"),
            ["U.S.", "officials", ",", "U.N.", "staff"]
        );
        assert_eq!(toks("at 5 p.m. today"), ["at", "5", "p.m.", "today"]);
        assert_eq!(toks("J. Smith"), ["J.", "Smith"]);
    }

    #[test]
    fn clitics_are_split_ud_style() {
        assert_eq!(
            toks("We haven't seen it"),
            ["We", "have", "n't", "seen", "it"]
        );
        assert_eq!(toks("Russia's war"), ["Russia", "'s", "war"]);
        assert_eq!(
            toks("They're here, I'm sure"),
            ["They", "'re", "here", ",", "I", "'m", "sure"]
        );
        assert_eq!(
            toks("can't cannot won't"),
            ["ca", "n't", "can", "not", "wo", "n't"]
        );
        assert_eq!(toks("the allies' plan"), ["the", "allies", "'", "plan"]);
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(
            toks("\"thorough\" exchange"),
            ["\"", "thorough", "\"", "exchange"]
        );
        assert_eq!(
            toks("illegal war.\" He"),
            ["illegal", "war", ".", "\"", "He"]
        );
        assert_eq!(
            toks("Court (ICC) issued"),
            ["Court", "(", "ICC", ")", "issued"]
        );
        assert_eq!(toks("'Signs' Putin"), ["'", "Signs", "'", "Putin"]);
        assert_eq!(toks("(AFP/Getty)"), ["(", "AFP/Getty", ")"]);
    }

    #[test]
    fn hyphens_numbers_and_urls() {
        assert_eq!(toks("a three-day trip"), ["a", "three", "-", "day", "trip"]);
        assert_eq!(toks("12-point plan"), ["12", "-", "point", "plan"]);
        assert_eq!(toks("on 2023-03-21, 3-2"), ["on", "2023-03-21", ",", "3-2"]);
        assert_eq!(toks("$1,000.50 and 5%"), ["$", "1,000.50", "and", "5", "%"]);
        assert_eq!(
            toks("see https://x.org/a-b."),
            ["see", "https://x.org/a-b", "."]
        );
        assert_eq!(
            toks("U.S.-backed forces"),
            ["U.S.", "-", "backed", "forces"]
        );
        assert_eq!(toks("war -- and"), ["war", "--", "and"]);
        assert_eq!(toks("wait..."), ["wait", "..."]);
    }
}
