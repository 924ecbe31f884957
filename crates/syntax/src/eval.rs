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

/// Analyzes every gold sentence (from its gold word forms) and scores the result. The sentences
/// are shared out over the available cores; the counts are integers, so the result does not
/// depend on the number of threads.
pub fn evaluate(model: &SyntaxModel, gold: &[Sentence]) -> Scores {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = gold.len().div_ceil(threads).max(1);
    let counts: Vec<[usize; 6]> = std::thread::scope(|scope| {
        let handles: Vec<_> = gold
            .chunks(chunk)
            .map(|part| scope.spawn(move || count(model, part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut total = [0usize; 6];
    for c in counts {
        for (t, v) in total.iter_mut().zip(c) {
            *t += v;
        }
    }
    let tokens = total[5];
    let frac = |c: usize| c as f64 / tokens.max(1) as f64;
    Scores {
        sentences: gold.len(),
        tokens,
        upos: frac(total[0]),
        xpos: frac(total[1]),
        lemma: frac(total[2]),
        uas: frac(total[3]),
        las: frac(total[4]),
    }
}

/// Correct UPOS, XPOS, lemma, head, labelled head, and the number of words.
fn count(model: &SyntaxModel, gold: &[Sentence]) -> [usize; 6] {
    let mut c = [0usize; 6];
    for sentence in gold {
        let forms = sentence.forms();
        let predicted = model.analyze(&forms);
        for (g, p) in sentence.tokens.iter().zip(&predicted) {
            c[5] += 1;
            c[0] += (g.upos == p.upos) as usize;
            c[1] += (g.xpos == p.xpos) as usize;
            c[2] += (g.lemma == p.lemma) as usize;
            if g.head == p.head {
                c[3] += 1;
                c[4] += (universal(&g.deprel) == universal(&p.deprel)) as usize;
            }
        }
    }
    c
}
