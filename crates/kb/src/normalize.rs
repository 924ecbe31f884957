//! Normalisation of surface forms into lookup keys.
//!
//! Two keys are built for every name: the *exact* key keeps case but folds typography
//! (curly apostrophes, dashes, runs of whitespace) and Latin diacritics ("Élysée" → "Elysee");
//! the *folded* key is the exact key in lower case ("Nato" and "NATO" → "nato").

use crate::fold_table::FOLD;

/// Fold one character: typographic variants to ASCII, Latin diacritics to base letters.
/// Returns `None` when the character is kept as is.
fn fold_char(c: char) -> Option<&'static str> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{02BB}' | '\u{02BD}'
        | '\u{02BE}' | '\u{02BF}' | '\u{00B4}' | '`' | '\u{2032}' => Some("'"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' => Some("\""),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => Some("-"),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' => Some(" "),
        c if (c as u32) < 0xC0 => None,
        c => FOLD
            .binary_search_by(|(k, _)| k.cmp(&c))
            .ok()
            .map(|i| FOLD[i].1),
    }
}

/// The exact (case-preserving) lookup key of a surface form: typography and diacritics
/// folded, whitespace collapsed, trimmed. `"  Élysée\u{a0}Palace "` → `"Elysee Palace"`.
pub fn exact_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let folded = fold_char(c);
        let is_space = match folded {
            Some(f) => f == " ",
            None => c.is_whitespace(),
        };
        if is_space {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match folded {
            Some(f) => out.push_str(f),
            None => out.push(c),
        }
    }
    out
}

/// The case-folded lookup key: [`exact_key`] in lower case. `"NATO"` → `"nato"`.
pub fn folded_key(s: &str) -> String {
    exact_key(s).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_typography() {
        assert_eq!(exact_key("Élysée"), "Elysee");
        assert_eq!(exact_key("Quai d’Orsay"), "Quai d'Orsay");
        assert_eq!(exact_key("  Khān  Yūnis "), "Khan Yunis");
        assert_eq!(exact_key("Rafaḩ"), "Rafah");
        assert_eq!(exact_key("Łódź"), "Lodz");
        assert_eq!(exact_key("Straße"), "Strasse");
        assert_eq!(exact_key("Bab el‑Mandeb"), "Bab el-Mandeb");
        assert_eq!(folded_key("NATO"), "nato");
        assert_eq!(folded_key("Nato"), "nato");
    }

    #[test]
    fn keeps_other_scripts() {
        assert_eq!(exact_key("Київ"), "Київ");
    }
}
