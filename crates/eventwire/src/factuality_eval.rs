//! Evaluating the factuality rules on the UW factuality corpus (Lee et al. 2015, in the
//! unified format: `idx word factuality POS head deprel lemma`, factuality in [-3, +3]).
//!
//! The corpus comes with gold trees in Stanford-style dependencies; they are mapped onto the
//! UD relations the rules read (nsubjpass → nsubj:pass, dobj → obj, auxpass → aux:pass, neg
//! → advmod, …), so the rules are measured apart from the parser. Each annotated predicate
//! gets the rules' label; its score on the [-3, +3] scale is the mean gold score of that label
//! on the training file (a calibration, see [`calibrate`]), else the label's default score.
//! Reported: mean absolute error, Pearson correlation, and accuracy on three classes
//! (happened ≥ 1.5, did not happen ≤ -1.5, uncertain between).

use eventwire_document::{Document, Sentence, SentenceFlags, Span, Syntax, TokenId, Tokens};
use eventwire_events::{Factuality, Lexicon};
use std::collections::HashMap;

/// One annotated predicate.
#[derive(Clone, Debug)]
struct Item {
    label: Factuality,
    gold: f32,
}

/// The figures reported for a UW file.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FactualityScores {
    /// Annotated predicates.
    pub predicates: usize,
    /// Mean absolute error of the score.
    pub mae: f64,
    /// Pearson correlation of predicted and gold scores.
    pub pearson: f64,
    /// Accuracy on three classes (happened / uncertain / did not happen).
    pub accuracy3: f64,
    /// Predicates per predicted label with the label's mean gold score.
    pub by_label: Vec<(String, usize, f64)>,
}

fn upos_of(xpos: &str) -> &'static str {
    match xpos {
        x if x.starts_with("VB") => "VERB",
        "MD" => "AUX",
        x if x.starts_with("NNP") => "PROPN",
        x if x.starts_with("NN") => "NOUN",
        x if x.starts_with("JJ") => "ADJ",
        x if x.starts_with("RB") => "ADV",
        "IN" => "ADP",
        "DT" | "PDT" | "WDT" => "DET",
        x if x.starts_with("PRP") || x == "WP" => "PRON",
        "CD" => "NUM",
        "CC" => "CCONJ",
        "TO" => "PART",
        _ => "X",
    }
}

fn ud_relation(sd: &str) -> &str {
    match sd {
        "nsubjpass" => "nsubj:pass",
        "csubjpass" => "csubj:pass",
        "dobj" => "obj",
        "auxpass" => "aux:pass",
        "neg" => "advmod",
        "poss" => "nmod:poss",
        "relcl" => "acl:relcl",
        "pobj" => "obl",
        "prep" => "case",
        "npadvmod" => "obl:npmod",
        "ROOT" => "root",
        other => other,
    }
}

/// Read a UW file into documents (one per sentence) with gold trees, and the gold scores of
/// the annotated tokens.
fn read(text: &str) -> Vec<(Document, Vec<(TokenId, f32)>)> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let rows: Vec<Vec<&str>> = block
            .lines()
            .map(|l| l.split('\t').collect())
            .filter(|c: &Vec<&str>| c.len() >= 7)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let mut sentence_text = String::new();
        let mut tokens = Tokens::with_capacity(rows.len());
        let mut syn = Syntax::default();
        let mut gold = Vec::new();
        for (i, c) in rows.iter().enumerate() {
            if !sentence_text.is_empty() {
                sentence_text.push(' ');
            }
            let start = sentence_text.chars().count() as u32;
            sentence_text.push_str(c[1]);
            let end = sentence_text.chars().count() as u32;
            tokens.push(Span::new(start, end), c[1]);
            let head: usize = c[4].parse().unwrap_or(i);
            syn.upos.push(upos_of(c[3]));
            syn.xpos.push(c[3].to_string());
            let lemma = if c[6] == "-PRON-" {
                c[1].to_lowercase()
            } else {
                c[6].to_string()
            };
            syn.lemma.push(lemma);
            syn.head
                .push((head != i && head < rows.len()).then_some(head as TokenId));
            syn.deprel.push(ud_relation(c[5]).to_string());
            if let Ok(v) = c[2].parse::<f32>() {
                gold.push((i as TokenId, v));
            }
        }
        let n = tokens.len() as TokenId;
        let mut doc = Document::new("uw", sentence_text);
        doc.sentences.push(Sentence {
            span: Span::new(tokens.span(0).start, tokens.span(n - 1).end),
            tokens: 0..n,
            paragraph: 0,
            flags: SentenceFlags::empty(),
            repeat_of: None,
            credit: None,
        });
        doc.tokens = tokens;
        doc.syntax = Some(syn);
        out.push((doc, gold));
    }
    out
}

fn label_items(text: &str, lex: &Lexicon) -> Vec<Item> {
    let mut items = Vec::new();
    for (doc, gold) in read(text) {
        let Some(tree) = eventwire_events::tree::Tree::new(&doc) else {
            continue;
        };
        for (t, g) in gold {
            items.push(Item {
                label: eventwire_events::qualify::predicate_factuality(&tree, lex, t),
                gold: g,
            });
        }
    }
    items
}

/// The mean gold score of each label on a training file.
pub fn calibrate(train: &str, lex: &Lexicon) -> HashMap<Factuality, f64> {
    let mut sums: HashMap<Factuality, (f64, usize)> = HashMap::new();
    for it in label_items(train, lex) {
        let e = sums.entry(it.label).or_default();
        e.0 += f64::from(it.gold);
        e.1 += 1;
    }
    sums.into_iter()
        .map(|(k, (s, n))| (k, s / n as f64))
        .collect()
}

fn class(x: f64) -> i8 {
    if x >= 1.5 {
        1
    } else if x <= -1.5 {
        -1
    } else {
        0
    }
}

/// Score the rules on a UW file, with scores calibrated on `calibration` where given.
pub fn evaluate(
    dev: &str,
    lex: &Lexicon,
    calibration: Option<&HashMap<Factuality, f64>>,
) -> FactualityScores {
    let items = label_items(dev, lex);
    let score = |f: Factuality| {
        calibration
            .and_then(|c| c.get(&f).copied())
            .unwrap_or(f64::from(f.score()))
    };
    let n = items.len().max(1) as f64;
    let preds: Vec<f64> = items.iter().map(|i| score(i.label)).collect();
    let golds: Vec<f64> = items.iter().map(|i| f64::from(i.gold)).collect();
    let mae = preds
        .iter()
        .zip(&golds)
        .map(|(p, g)| (p - g).abs())
        .sum::<f64>()
        / n;
    let accuracy3 = preds
        .iter()
        .zip(&golds)
        .filter(|(p, g)| class(**p) == class(**g))
        .count() as f64
        / n;
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n;
    let (mp, mg) = (mean(&preds), mean(&golds));
    let cov: f64 = preds
        .iter()
        .zip(&golds)
        .map(|(p, g)| (p - mp) * (g - mg))
        .sum();
    let sp: f64 = preds.iter().map(|p| (p - mp).powi(2)).sum::<f64>().sqrt();
    let sg: f64 = golds.iter().map(|g| (g - mg).powi(2)).sum::<f64>().sqrt();
    let pearson = if sp > 0.0 && sg > 0.0 {
        cov / (sp * sg)
    } else {
        0.0
    };
    let mut by: HashMap<&'static str, (usize, f64)> = HashMap::new();
    for it in &items {
        let e = by.entry(it.label.as_str()).or_default();
        e.0 += 1;
        e.1 += f64::from(it.gold);
    }
    let mut by_label: Vec<(String, usize, f64)> = by
        .into_iter()
        .map(|(k, (c, s))| (k.to_string(), c, s / c as f64))
        .collect();
    by_label.sort_by_key(|l| std::cmp::Reverse(l.1));
    let r3 = |x: f64| (x * 1000.0).round() / 1000.0;
    FactualityScores {
        predicates: items.len(),
        mae: r3(mae),
        pearson: r3(pearson),
        accuracy3: r3(accuracy3),
        by_label: by_label
            .into_iter()
            .map(|(k, c, m)| (k, c, r3(m)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "0\tOfficials\t_\tNNS\t1\tnsubj\tofficial\n1\tsaid\t3.0\tVBD\t1\tROOT\tsay\n2\tthey\t_\tPRP\t4\tnsubj\t-PRON-\n3\tmight\t_\tMD\t4\taux\tmay\n4\tleave\t0.8\tVB\t1\tccomp\tleave\n\n0\tThey\t_\tPRP\t3\tnsubj\t-PRON-\n1\tdid\t_\tVBD\t3\taux\tdo\n2\tnot\t_\tRB\t3\tneg\tnot\n3\tcome\t-3.0\tVB\t3\tROOT\tcome\n";

    #[test]
    fn reads_gold_trees_and_scores_rules() {
        let lex = Lexicon::builtin().expect("lexicon");
        let s = evaluate(SAMPLE, lex, None);
        assert_eq!(s.predicates, 3);
        let labels: Vec<&str> = s.by_label.iter().map(|(l, _, _)| l.as_str()).collect();
        assert!(labels.contains(&"possible"), "{labels:?}");
        assert!(labels.contains(&"asserted"), "{labels:?}");
    }
}
