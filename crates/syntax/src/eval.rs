//! Evaluation against gold CoNLL-U with gold tokenization, as in the CoNLL 2018 shared task:
//! UPOS, XPOS and lemma accuracy, UAS, and LAS on the universal relation (subtypes after `:` are
//! ignored; punctuation is included).

use std::fmt;

use crate::conllu::Sentence;
use crate::SyntaxModel;

/// Accuracies over all words of a gold set (fractions in 0..=1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Sentences evaluated.
    pub sentences: usize,
    /// Words evaluated.
    pub tokens: usize,
    /// Universal part-of-speech accuracy.
    pub upos: f64,
    /// Penn Treebank tag accuracy.
    pub xpos: f64,
    /// Exact lemma accuracy.
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score on the universal relation.
    pub las: f64,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} sentences, {} words: UPOS {:.4} XPOS {:.4} lemma {:.4} UAS {:.4} LAS {:.4}",
            self.sentences, self.tokens, self.upos, self.xpos, self.lemma, self.uas, self.las
        )
    }
}

/// The universal part of a relation (`nsubj:pass` → `nsubj`).
pub(crate) fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Analyzes every gold sentence (from its gold word forms) and scores the result.
pub fn evaluate(model: &SyntaxModel, gold: &[Sentence]) -> Scores {
    let mut counts = [0usize; 5];
    let mut tokens = 0;
    for sentence in gold {
        let forms = sentence.forms();
        let predicted = model.analyze(&forms);
        for (g, p) in sentence.tokens.iter().zip(&predicted) {
            tokens += 1;
            counts[0] += (g.upos == p.upos) as usize;
            counts[1] += (g.xpos == p.xpos) as usize;
            counts[2] += (g.lemma == p.lemma) as usize;
            if g.head == p.head {
                counts[3] += 1;
                counts[4] += (universal(&g.deprel) == universal(&p.deprel)) as usize;
            }
        }
    }
    let frac = |c: usize| c as f64 / tokens.max(1) as f64;
    Scores {
        sentences: gold.len(),
        tokens,
        upos: frac(counts[0]),
        xpos: frac(counts[1]),
        lemma: frac(counts[2]),
        uas: frac(counts[3]),
        las: frac(counts[4]),
    }
}
