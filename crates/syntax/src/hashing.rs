//! Feature hashing and form normalization shared by the tagger, the lemmatizer and the parser.
//!
//! Every feature is a 64-bit hash built by mixing a template id with the ids or hashes of the values
//! it looks at (`mix(mix(TEMPLATE, a), b)`). String values are hashed once per token (word form,
//! lowercase, prefixes, suffixes, shape), so the inner loops only mix integers and never allocate.
//! The hash functions are fixed (no per-process random state), which keeps training and the model
//! file deterministic.
//!
//! Forms are normalized before hashing: curly quotes become ASCII `'`/`"`, the dash family becomes
//! `--`, the ellipsis becomes `...`. That makes a model trained on treebank text robust to input
//! whose quotes were straightened, and the other way round.

/// Mixes a value into a running feature hash.
#[inline(always)]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    let x = (h ^ v.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 31)
}

/// Hash of a template id and one value.
#[inline(always)]
pub(crate) fn f1(t: u64, a: u64) -> u64 {
    mix(mix(t, 0x1234_5678), a)
}

/// Hash of a template id and two values.
#[inline(always)]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(f1(t, a), b)
}

/// Hash of a template id and three values.
#[inline(always)]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(t, a, b), c)
}

/// Hash of a template id and four values.
#[inline(always)]
pub(crate) fn f4(t: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    mix(f3(t, a, b, c), d)
}

/// Hashes a sequence of chars (FNV-1a over code points, then a final mix).
#[inline]
pub(crate) fn hash_chars(chars: &[char]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h, chars.len() as u64)
}

/// Hashes the chars of a string as they are; equal to `hash_chars` of the collected chars.
pub(crate) fn hash_plain(s: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let mut n = 0u64;
    for c in s.chars() {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
        n += 1;
    }
    mix(h, n)
}

/// Hashes a string after normalization (case kept).
#[cfg(test)]
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut buf = Vec::with_capacity(s.len());
    normalized_chars(s, false, &mut buf);
    hash_chars(&buf)
}

/// Hashes a string after normalization and lowercasing.
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut buf = Vec::with_capacity(s.len());
    normalized_chars(s, true, &mut buf);
    hash_chars(&buf)
}

/// Appends the normalized chars of `s` to `out` (optionally lowercased).
pub(crate) fn normalized_chars(s: &str, lower: bool, out: &mut Vec<char>) {
    out.clear();
    if s == "``" || s == "''" {
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                out.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => out.push('"'),
            '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2012}' | '\u{2212}' => {
                out.push('-');
                out.push('-');
            }
            '\u{2026}' => out.extend(['.', '.', '.']),
            '\u{00A0}' => out.push(' '),
            c if lower && c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// Shape class of a char: `X` upper, `x` lower, `d` digit, else the char itself.
#[inline]
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

/// Hash of the word shape with runs capped at two (`McDonald's` → `XxXx'x`, `1,000` → `d,dd`).
pub(crate) fn shape_hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0x5555_AAAA_1234_0001;
    let mut prev = '\0';
    let mut run = 0;
    for &c in chars {
        let k = shape_class(c);
        if k == prev {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
            prev = k;
        }
        h = mix(h, k as u64);
    }
    h
}

/// Bit flags describing the spelling of a word (capitalized, all caps, digits, hyphen, …).
pub(crate) fn spelling_flags(chars: &[char]) -> u64 {
    let mut flags = 0u64;
    if chars.first().is_some_and(|c| c.is_uppercase()) {
        flags |= 1;
    }
    if chars.len() > 1
        && chars.iter().all(|c| !c.is_lowercase())
        && chars.iter().any(|c| c.is_uppercase())
    {
        flags |= 2;
    }
    if chars.iter().any(|c| c.is_numeric()) {
        flags |= 4;
    }
    if chars.contains(&'-') {
        flags |= 8;
    }
    if chars.iter().all(|c| !c.is_alphanumeric()) {
        flags |= 16;
    }
    if chars.iter().skip(1).any(|c| c.is_uppercase()) {
        flags |= 32;
    }
    if chars.contains(&'.') {
        flags |= 64;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_quotes_hash_alike() {
        assert_eq!(hash_str("\u{201C}"), hash_str("\""));
        assert_eq!(hash_str("``"), hash_str("\""));
        assert_eq!(hash_str("don\u{2019}t"), hash_str("don't"));
        assert_eq!(hash_str("\u{2014}"), hash_str("--"));
        assert_eq!(hash_lower("Russia"), hash_lower("RUSSIA"));
        assert_ne!(hash_str("Russia"), hash_str("russia"));
    }

    #[test]
    fn plain_hash_matches_char_hash() {
        let s = "Ünïcode–x";
        assert_eq!(hash_plain(s), hash_chars(&s.chars().collect::<Vec<_>>()));
    }

    #[test]
    fn shapes_collapse_runs() {
        let a: Vec<char> = "Minister".chars().collect();
        let b: Vec<char> = "Mayor".chars().collect();
        assert_eq!(shape_hash(&a), shape_hash(&b));
        let c: Vec<char> = "10,000".chars().collect();
        let d: Vec<char> = "12,500".chars().collect();
        assert_eq!(shape_hash(&c), shape_hash(&d));
    }
}
