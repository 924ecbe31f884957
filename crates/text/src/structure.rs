//! Article structure: the headline, photo captions and credits, bylines, and repeated lines.
//!
//! Rules, each a fact about how news pages are written or scraped:
//! - the **headline** is the first paragraph of a multi-paragraph text when it is one short
//!   sentence without a closing full stop;
//! - a **caption** is a paragraph that ends with a photo credit in brackets — "(AP)",
//!   "(AFP/Getty)", "(AP Photo/Evan Vucci)" — or starts with "Photo:"; a paragraph that is
//!   nothing but a credit ("Getty Images", "Photo: Reuters") is a **credit** line;
//! - a **byline** is a short paragraph starting "By Name";
//! - a paragraph identical to an earlier one is a **repeat** (a scraping artifact) and each of
//!   its sentences points at the sentence it repeats, so later stages code it once.

use crate::lexicon::is_credit_name;
use eventwire_document::SentenceFlags;
use std::collections::HashMap;

/// One paragraph as the structure rules see it.
pub struct ParagraphView<'a> {
    /// Its normalized text, trimmed.
    pub text: &'a str,
    /// Its normalized tokens' texts.
    pub tokens: Vec<&'a str>,
    /// Its sentences (index range into the document's sentences).
    pub sentences: std::ops::Range<usize>,
}

/// What the rules decided for one paragraph.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct ParagraphRole {
    /// Flags for all of its sentences.
    pub flags: SentenceFlags,
    /// Token index range (within the paragraph) of the bracketed credit, if any.
    pub credit_tokens: Option<std::ops::Range<usize>>,
    /// Index of the earlier identical paragraph.
    pub repeat_of: Option<usize>,
}

/// Decide the role of every paragraph.
pub fn paragraph_roles(paras: &[ParagraphView<'_>]) -> Vec<ParagraphRole> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut roles = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        let mut role = ParagraphRole::default();
        if let Some(&first) = seen.get(p.text) {
            role.repeat_of = Some(first);
            role.flags.insert(SentenceFlags::REPEAT);
        } else {
            seen.insert(p.text, i);
        }
        if is_credit_line(p.text) {
            role.flags.insert(SentenceFlags::CREDIT);
        } else if let Some(r) = trailing_credit(&p.tokens) {
            role.flags.insert(SentenceFlags::CAPTION);
            role.flags.insert(SentenceFlags::CREDIT);
            role.credit_tokens = Some(r);
        } else if starts_with_any(
            p.text,
            &["Photo:", "Image:", "Picture:", "Caption:", "PHOTO:"],
        ) {
            role.flags.insert(SentenceFlags::CAPTION);
        } else if i == 0 && paras.len() > 1 && is_headline(p) {
            role.flags.insert(SentenceFlags::HEADLINE);
        } else if is_byline(p) {
            role.flags.insert(SentenceFlags::BYLINE);
        }
        roles.push(role);
    }
    roles
}

fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| text.starts_with(p))
}

fn is_headline(p: &ParagraphView<'_>) -> bool {
    let last = p.tokens.last().copied().unwrap_or("");
    p.sentences.len() == 1
        && p.tokens.len() <= 30
        && !matches!(last, "." | "\"" | "'" | ":" | ";" | ",")
}

fn is_byline(p: &ParagraphView<'_>) -> bool {
    p.tokens.len() <= 10
        && p.tokens.first() == Some(&"By")
        && p.tokens
            .get(1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A credit text: "AP", "AFP/Getty", "AP Photo/Evan Vucci", "Reuters via Getty Images".
fn is_credit_text(inner: &str) -> bool {
    let inner = inner.trim();
    if inner.is_empty() || inner.len() > 60 {
        return false;
    }
    inner
        .split(['/', ';'])
        .flat_map(|part| part.split(" via "))
        .map(|part| {
            let part = part.trim();
            let part = part.strip_prefix("Photo by ").unwrap_or(part);
            let part = part.strip_suffix(" Photo").unwrap_or(part);
            part.strip_suffix(" Images").unwrap_or(part)
        })
        .any(|part| is_credit_name(part) || is_credit_name(&format!("{part} Images")))
}

fn is_credit_line(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(t);
    let t = ["Photo:", "Photograph:", "Image:", "Credit:", "Picture:"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    is_credit_text(t)
}

/// Token range of a final "( credit )".
fn trailing_credit(tokens: &[&str]) -> Option<std::ops::Range<usize>> {
    let n = tokens.len();
    if n < 4 || tokens[n - 1] != ")" {
        return None;
    }
    let open = (0..n - 1).rev().take(12).find(|&k| tokens[k] == "(")?;
    if open == 0 {
        return None;
    }
    let inner = tokens[open + 1..n - 1].join(" ");
    let inner = inner.replace(" / ", "/");
    is_credit_text(&inner).then_some(open..n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        assert!(is_credit_text("AP"));
        assert!(is_credit_text("AFP/Getty"));
        assert!(is_credit_text("AP Photo/Evan Vucci"));
        assert!(is_credit_text("Reuters via Getty Images"));
        assert!(!is_credit_text("ICC"));
        assert!(is_credit_line("Getty Images"));
        assert!(is_credit_line("Photo: Reuters"));
        assert!(!is_credit_line("Reuters reported the attack."));
        assert_eq!(
            trailing_credit(&["Xi", "in", "Moscow", "(", "AP", ")"]),
            Some(3..6)
        );
        assert_eq!(trailing_credit(&["the", "court", "(", "ICC", ")"]), None);
    }
}
