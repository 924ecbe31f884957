//! Importing a PETRARCH2 CAMEO verb dictionary (`CAMEO.2.0.txt`) as lexicon rules.
//!
//! The dictionary lists verb synonym blocks (`--- GROUP [code]`) with the verb forms and
//! patterns (`- * weapons [0232]`). eventwire keeps the verb → default code facts and the
//! simplest object patterns (`- * NOUN [code]`: the object is the noun) as rules with
//! `obj=noun` conditions, source `subj` and target `obj|prep:to|prep:with|prep:against`;
//! patterns with actor placeholders or prepositions are counted as skipped.

use crate::lexicon::{Condition, Rule, Slot, Values};

/// The result of an import.
#[derive(Clone, Debug, Default)]
pub struct VerbImport {
    /// Rules, specific before general per verb.
    pub rules: Vec<Rule>,
    /// Patterns that were not imported.
    pub skipped: usize,
}

fn default_target() -> Vec<Vec<Slot>> {
    vec![
        vec![Slot::Obj],
        vec![Slot::Prep("to".into())],
        vec![Slot::Prep("with".into())],
        vec![Slot::Prep("against".into())],
        vec![Slot::Prep("on".into())],
    ]
}

fn code_in(line: &str) -> Option<String> {
    let a = line.find('[')?;
    let b = line[a..].find(']')? + a;
    let code = line[a + 1..b].trim().trim_start_matches(':');
    let code = code.split([':', ' ']).next()?;
    (code.chars().all(|c| c.is_ascii_digit()) && (2..=4).contains(&code.len()))
        .then(|| code.to_string())
}

/// Parse the text of a PETRARCH2 verb dictionary.
pub fn load_verbs(text: &str) -> VerbImport {
    let mut out = VerbImport::default();
    let mut verbs: Vec<String> = Vec::new();
    let mut block_code: Option<String> = None;
    let mut specific: Vec<Rule> = Vec::new();
    let mut general: Vec<Rule> = Vec::new();
    let flush = |verbs: &mut Vec<String>,
                 specific: &mut Vec<Rule>,
                 general: &mut Vec<Rule>,
                 rules: &mut Vec<Rule>| {
        rules.append(specific);
        rules.append(general);
        verbs.clear();
    };
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("petrarch:{}", n + 1);
        if let Some(rest) = line.strip_prefix("---") {
            flush(&mut verbs, &mut specific, &mut general, &mut out.rules);
            block_code = code_in(rest);
            // "--- REQUEST [020] ---": the group name is not a verb.
            continue;
        }
        if let Some(pattern) = line.strip_prefix('-') {
            let Some(code) = code_in(pattern) else {
                out.skipped += 1;
                continue;
            };
            let body = pattern.split('[').next().unwrap_or("").trim();
            let words: Vec<&str> = body.split_whitespace().collect();
            // Only "* NOUN" / "* ADJ NOUN" object patterns without placeholders ($ source,
            // + target, &synsets, {alternatives}, (prepositional phrases)).
            let simple = words.first() == Some(&"*")
                && words.len() >= 2
                && words[1..]
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '_'));
            if !simple {
                out.skipped += 1;
                continue;
            }
            let noun = words[words.len() - 1].to_lowercase().replace('_', " ");
            for v in &verbs {
                specific.push(Rule {
                    lemma: v.clone(),
                    conditions: vec![Condition {
                        path: vec![Slot::Obj],
                        negated: false,
                        values: Some(Values {
                            lemmas: vec![noun.clone()],
                            classes: Vec::new(),
                        }),
                    }],
                    cameo: code.clone(),
                    source: vec![vec![Slot::Subj]],
                    target: default_target(),
                    symmetric: false,
                    self_directed: false,
                    origin: origin.clone(),
                });
            }
            continue;
        }
        // A verb line: "REQUEST  [020]" or "REQUEST" (synonym taking the block's code).
        let word = line
            .split(['[', ' ', '\t'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_start_matches('+');
        if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
            out.skipped += 1;
            continue;
        }
        let lemma = word.to_lowercase().replace('_', " ");
        let code = code_in(line).or_else(|| block_code.clone());
        // Synonyms below a coded verb share its code.
        if block_code.is_none() {
            block_code = code.clone();
        }
        if let Some(code) = code {
            general.push(Rule {
                lemma: lemma.clone(),
                conditions: Vec::new(),
                cameo: code,
                source: vec![vec![Slot::Subj]],
                target: default_target(),
                symmetric: false,
                self_directed: false,
                origin: origin.clone(),
            });
        }
        verbs.push(lemma);
    }
    flush(&mut verbs, &mut specific, &mut general, &mut out.rules);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_verbs_and_simple_object_patterns() {
        let text = "--- REQUEST [---] ---\nREQUEST [020]\nASK {ASKS ASKED}\n- * WEAPONS [0232] # comment\n- $ * (TO +) [026]\n---  ATTACK   [---]  ---\nATTACK [190]\n- * (TO) [042:043]\n";
        let imp = load_verbs(text);
        let request: Vec<&Rule> = imp.rules.iter().filter(|r| r.lemma == "request").collect();
        assert_eq!(request.len(), 2);
        assert_eq!(request[0].cameo, "0232", "specific patterns come first");
        assert_eq!(request[1].cameo, "020");
        assert!(imp
            .rules
            .iter()
            .any(|r| r.lemma == "ask" && r.cameo == "020"));
        assert!(imp
            .rules
            .iter()
            .any(|r| r.lemma == "attack" && r.cameo == "190"));
        assert_eq!(imp.skipped, 2);
    }
}
