//! Glue between the syntax model (which knows nothing of documents) and the document's
//! syntax layer: each sentence's normalized token forms in, tags, lemmas and a tree out.

use eventwire_document::{Document, Syntax, TokenId};
use eventwire_syntax::SyntaxModel;

/// Tag, lemmatize and parse every sentence of `doc`.
pub fn annotate(model: &SyntaxModel, doc: &mut Document) {
    let n = doc.tokens.len();
    let mut syn = Syntax {
        upos: Vec::with_capacity(n),
        xpos: Vec::with_capacity(n),
        lemma: Vec::with_capacity(n),
        head: Vec::with_capacity(n),
        deprel: Vec::with_capacity(n),
    };
    let mut forms: Vec<&str> = Vec::new();
    for s in &doc.sentences {
        forms.clear();
        forms.extend(s.tokens.clone().map(|t| doc.tokens.norm(t)));
        let analyses = model.analyze(&forms);
        for (i, a) in analyses.into_iter().enumerate() {
            debug_assert_eq!(syn.upos.len(), (s.tokens.start as usize) + i);
            syn.upos.push(a.upos);
            syn.xpos.push(a.xpos);
            syn.lemma.push(a.lemma);
            syn.head
                .push((a.head > 0).then(|| s.tokens.start + a.head as TokenId - 1));
            syn.deprel.push(a.deprel);
        }
    }
    // Every token belongs to a sentence, so the layer is complete.
    if syn.upos.len() == n {
        doc.syntax = Some(syn);
    }
}
