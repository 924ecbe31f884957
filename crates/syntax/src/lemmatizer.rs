//! Lemmatizer: a lookup table learned from the treebank, backed by suffix-edit rules.
//!
//! 1. Lookup: `(normalized lowercase form, XPOS)` → the most frequent training lemma.
//! 2. Rules: for unseen forms, the most frequent *edit script* (`strip k chars, append s`) among
//!    training word types with the same XPOS and the same final 4, 3, 2, 1 or 0 characters — the
//!    longest suffix with enough support wins. `running/VBG` → strip 4 append `n`… learned, not
//!    written by hand.
//!
//! The result is lowercased except for proper nouns (`NNP`, `NNPS`), whose case is kept, which is
//! the UD English convention.

use crate::binfmt::{Reader, Writer};
use crate::hashing::{hash_chars, hash_lower, hash_plain, mix};
use crate::perceptron::FeatureMap;
use crate::SyntaxError;

const MAX_SUFFIX: usize = 4;

/// An edit turning a lowercase form into its lemma.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct EditScript {
    strip: u8,
    append: String,
}

/// Lookup table plus suffix rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lemmatizer {
    lookup: FeatureMap<String>,
    rules: FeatureMap<EditScript>,
}

fn tag_hash(xpos: &str) -> u64 {
    mix(0x7A6_u64, hash_plain(xpos))
}

fn lookup_key(form: &str, xpos: &str) -> u64 {
    mix(tag_hash(xpos), hash_lower(form))
}

fn rule_key(tag: u64, suffix: &[char]) -> u64 {
    mix(mix(tag, 0x5AF), hash_chars(suffix))
}

fn is_proper(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS"
}

fn lowercase(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

impl Lemmatizer {
    /// Learns the table and the rules from `(form, xpos, lemma)` triples.
    pub(crate) fn train<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        use std::collections::BTreeMap;
        let mut lookup_counts: FeatureMap<BTreeMap<&str, u32>> = FeatureMap::default();
        let mut types: BTreeMap<(String, &str, String), ()> = BTreeMap::new();
        for (form, xpos, lemma) in words {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            *lookup_counts
                .entry(lookup_key(form, xpos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
            types.insert((lowercase(form), xpos, lowercase(lemma)), ());
        }
        let mut lookup = FeatureMap::default();
        for (k, counts) in lookup_counts {
            // Most frequent lemma; BTreeMap order breaks ties deterministically.
            let mut best: Option<(&str, u32)> = None;
            for (lemma, n) in counts {
                if best.is_none_or(|(_, b)| n > b) {
                    best = Some((lemma, n));
                }
            }
            if let Some((lemma, _)) = best {
                lookup.insert(k, lemma.to_string());
            }
        }
        let mut rule_counts: FeatureMap<BTreeMap<EditScript, u32>> = FeatureMap::default();
        let mut support: FeatureMap<(usize, u32)> = FeatureMap::default();
        for (form, xpos, lemma) in types.keys() {
            let f: Vec<char> = form.chars().collect();
            let l: Vec<char> = lemma.chars().collect();
            let cp = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
            let strip = f.len() - cp;
            if strip > u8::MAX as usize {
                continue;
            }
            let script = EditScript {
                strip: strip as u8,
                append: l[cp..].iter().collect(),
            };
            let th = tag_hash(xpos);
            for len in 0..=MAX_SUFFIX.min(f.len()) {
                let key = rule_key(th, &f[f.len() - len..]);
                *rule_counts
                    .entry(key)
                    .or_default()
                    .entry(script.clone())
                    .or_default() += 1;
                let s = support.entry(key).or_insert((len, 0));
                s.1 += 1;
            }
        }
        let mut rules = FeatureMap::default();
        for (k, counts) in rule_counts {
            let (len, total) = support.get(&k).copied().unwrap_or((0, 0));
            if len > 0 && total < 2 {
                continue;
            }
            let mut best: Option<(&EditScript, u32)> = None;
            for (script, &n) in &counts {
                if best.is_none_or(|(_, b)| n > b) {
                    best = Some((script, n));
                }
            }
            if let Some((script, _)) = best {
                rules.insert(k, script.clone());
            }
        }
        Lemmatizer { lookup, rules }
    }

    /// The lemma of `form` tagged `xpos`.
    pub(crate) fn lemmatize(&self, form: &str, xpos: &str) -> String {
        if let Some(lemma) = self.lookup.get(&lookup_key(form, xpos)) {
            // A lemma that is the form itself up to case and quote/dash normalization keeps the
            // spelling of this form (`--` stays `--`, `al`/NNP stays `al`).
            if hash_lower(lemma) == hash_lower(form) {
                if is_proper(xpos) {
                    return form.to_string();
                }
                if !lemma.chars().any(char::is_uppercase) {
                    return lowercase(form);
                }
            }
            return lemma.clone();
        }
        let proper = is_proper(xpos);
        let original: Vec<char> = form.chars().collect();
        let lower: Vec<char> = original.iter().flat_map(|c| c.to_lowercase()).collect();
        if lower.len() != original.len() {
            // Lowercasing changed the length (rare scripts); keep the form.
            return if proper {
                form.to_string()
            } else {
                lower.iter().collect()
            };
        }
        let th = tag_hash(xpos);
        for len in (0..=MAX_SUFFIX.min(lower.len())).rev() {
            if let Some(script) = self.rules.get(&rule_key(th, &lower[lower.len() - len..])) {
                let strip = script.strip as usize;
                if strip > lower.len() {
                    continue;
                }
                let base = if proper { &original } else { &lower };
                let mut out: String = base[..base.len() - strip].iter().collect();
                out.push_str(&script.append);
                if out.is_empty() {
                    break;
                }
                return out;
            }
        }
        if proper {
            form.to_string()
        } else {
            lower.iter().collect()
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let mut l: Vec<(&u64, &String)> = self.lookup.iter().collect();
        l.sort_unstable();
        w.len(l.len());
        for (k, v) in l {
            w.u64(*k);
            w.str(v);
        }
        let mut r: Vec<(&u64, &EditScript)> = self.rules.iter().collect();
        r.sort_unstable();
        w.len(r.len());
        for (k, v) in r {
            w.u64(*k);
            w.u8(v.strip);
            w.str(&v.append);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, SyntaxError> {
        let n = r.len(12)?;
        let mut lookup = FeatureMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            lookup.insert(k, r.str()?);
        }
        let n = r.len(13)?;
        let mut rules = FeatureMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            let strip = r.u8()?;
            let append = r.str()?;
            rules.insert(k, EditScript { strip, append });
        }
        Ok(Lemmatizer { lookup, rules })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Lemmatizer {
        let words = [
            ("attacked", "VBD", "attack"),
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("said", "VBD", "say"),
            ("ministers", "NNS", "minister"),
            ("talks", "NNS", "talk"),
            ("Russians", "NNPS", "Russian"),
            ("Americans", "NNPS", "American"),
            ("The", "DT", "the"),
            ("US", "NNP", "US"),
            ("us", "PRP", "we"),
        ];
        Lemmatizer::train(words.iter().copied())
    }

    #[test]
    fn looks_up_known_words() {
        let l = toy();
        assert_eq!(l.lemmatize("said", "VBD"), "say");
        assert_eq!(l.lemmatize("The", "DT"), "the");
        assert_eq!(l.lemmatize("THE", "DT"), "the");
        assert_eq!(l.lemmatize("US", "NNP"), "US");
        assert_eq!(l.lemmatize("us", "PRP"), "we");
        assert_eq!(
            l.lemmatize("us", "NNP"),
            "us",
            "a proper noun keeps its own spelling"
        );
    }

    #[test]
    fn applies_learned_suffix_rules_to_unseen_words() {
        let l = toy();
        assert_eq!(l.lemmatize("bombed", "VBD"), "bomb");
        assert_eq!(l.lemmatize("Protested", "VBD"), "protest");
        assert_eq!(l.lemmatize("soldiers", "NNS"), "soldier");
        assert_eq!(l.lemmatize("Ukrainians", "NNPS"), "Ukrainian");
        assert_eq!(l.lemmatize("Kyiv", "NNP"), "Kyiv");
    }

    #[test]
    fn round_trips() {
        let l = toy();
        let mut w = Writer::default();
        l.write(&mut w);
        let back = Lemmatizer::read(&mut Reader::new(&w.buf)).expect("reads");
        assert_eq!(l, back);
    }
}
