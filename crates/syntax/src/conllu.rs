//! Reading and writing CoNLL-U.
//!
//! Only the word lines of a sentence are kept: multiword-token ranges (`3-4`) and empty nodes (`8.1`)
//! are skipped, so `Sentence::tokens[i]` always has `id == i + 1` and heads index into the same
//! vector. The most recent `# newdoc id = …` comment is remembered on every following sentence
//! (`Sentence::doc_id`), which is what the GUM genre filter of the trainer needs. Other comments are
//! kept verbatim so a file can be written back unchanged apart from the dropped lines.

use std::io::Write;
use std::path::Path;

use crate::SyntaxError;

/// One word line of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Token {
    /// 1-based index of the word in its sentence.
    pub id: usize,
    /// Word form as written.
    pub form: String,
    /// Lemma (`_` when unknown).
    pub lemma: String,
    /// Universal part-of-speech tag.
    pub upos: String,
    /// Language-specific (Penn Treebank) tag.
    pub xpos: String,
    /// Morphological features, kept verbatim.
    pub feats: String,
    /// Head index: 0 for the root, else the 1-based id of the head word.
    pub head: usize,
    /// Dependency relation including any subtype, e.g. `nsubj:pass`.
    pub deprel: String,
    /// Enhanced dependencies, kept verbatim.
    pub deps: String,
    /// Miscellaneous column, kept verbatim.
    pub misc: String,
}

/// A sentence: its comment lines and its word tokens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// The id of the most recent `# newdoc id = …` comment at or before this sentence.
    pub doc_id: Option<String>,
    /// Comment lines without the leading `#` and one space (e.g. `sent_id = x`).
    pub comments: Vec<String>,
    /// Word tokens, `tokens[i].id == i + 1`.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The word forms of the sentence, ready for [`crate::SyntaxModel::analyze`].
    pub fn forms(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.form.as_str()).collect()
    }

    /// The value of the `# sent_id = …` comment, if any.
    pub fn sent_id(&self) -> Option<&str> {
        self.comments
            .iter()
            .find_map(|c| c.strip_prefix("sent_id = ").map(str::trim))
    }
}

/// Parses CoNLL-U text. `source` names the input in error messages (a path or `"<string>"`).
pub fn parse_str(text: &str, source: &str) -> Result<Vec<Sentence>, SyntaxError> {
    let mut sentences = Vec::new();
    let mut doc_id: Option<String> = None;
    let mut current = Sentence::default();
    let mut started = false;
    for (lineno, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let err = |message: String| SyntaxError::Conllu {
            source_name: source.to_string(),
            line: lineno + 1,
            message,
        };
        if line.trim().is_empty() {
            if started {
                finish(&mut current, &mut sentences, &err)?;
                started = false;
            }
            continue;
        }
        if !started {
            current = Sentence {
                doc_id: doc_id.clone(),
                ..Sentence::default()
            };
            started = true;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.strip_prefix(' ').unwrap_or(comment);
            if let Some(id) = comment.trim().strip_prefix("newdoc id") {
                let id = id.trim_start().trim_start_matches('=').trim();
                doc_id = Some(id.to_string());
                current.doc_id = doc_id.clone();
            }
            current.comments.push(comment.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| err(format!("bad word id {:?}", cols[0])))?;
        let head: usize = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| err(format!("bad head {:?}", cols[6])))?
        };
        if id != current.tokens.len() + 1 {
            return Err(err(format!(
                "word id {id} out of sequence (expected {})",
                current.tokens.len() + 1
            )));
        }
        current.tokens.push(Token {
            id,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if started {
        let line = text.lines().count();
        let err = |message: String| SyntaxError::Conllu {
            source_name: source.to_string(),
            line,
            message,
        };
        finish(&mut current, &mut sentences, &err)?;
    }
    Ok(sentences)
}

fn finish(
    current: &mut Sentence,
    out: &mut Vec<Sentence>,
    err: &dyn Fn(String) -> SyntaxError,
) -> Result<(), SyntaxError> {
    let sentence = std::mem::take(current);
    if sentence.tokens.is_empty() {
        return Ok(());
    }
    let n = sentence.tokens.len();
    if let Some(bad) = sentence.tokens.iter().find(|t| t.head > n) {
        return Err(err(format!(
            "head {} of word {} is outside the sentence",
            bad.head, bad.id
        )));
    }
    out.push(sentence);
    Ok(())
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, SyntaxError> {
    let text = std::fs::read_to_string(path).map_err(|e| SyntaxError::io(path, e))?;
    parse_str(&text, &path.display().to_string())
}

/// Writes sentences as CoNLL-U (comments, word lines, a blank line after each sentence).
pub fn write<W: Write>(mut out: W, sentences: &[Sentence]) -> std::io::Result<()> {
    for sentence in sentences {
        for comment in &sentence.comments {
            writeln!(out, "# {comment}")?;
        }
        for t in &sentence.tokens {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                t.id,
                t.form,
                empty_as_underscore(&t.lemma),
                empty_as_underscore(&t.upos),
                empty_as_underscore(&t.xpos),
                empty_as_underscore(&t.feats),
                t.head,
                empty_as_underscore(&t.deprel),
                empty_as_underscore(&t.deps),
                empty_as_underscore(&t.misc),
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Renders sentences as a CoNLL-U string.
pub fn to_string(sentences: &[Sentence]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(&mut buf, sentences);
    String::from_utf8_lossy(&buf).into_owned()
}

fn empty_as_underscore(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = GUM_news_x\n# sent_id = s1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n\
4.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\
\n\
# sent_id = s2\n\
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_and_skips_ranges_and_empty_nodes() {
        let sents = parse_str(SAMPLE, "<test>").expect("parses");
        assert_eq!(sents.len(), 2);
        assert_eq!(sents[0].forms(), vec!["I", "do", "n't", "know", "."]);
        assert_eq!(sents[0].tokens[2].lemma, "not");
        assert_eq!(sents[0].tokens[0].head, 4);
        assert_eq!(sents[0].sent_id(), Some("s1"));
        assert_eq!(sents[1].doc_id.as_deref(), Some("GUM_news_x"));
    }

    #[test]
    fn round_trips_through_writer() {
        let sents = parse_str(SAMPLE, "<test>").expect("parses");
        let text = to_string(&sents);
        let again = parse_str(&text, "<written>").expect("parses again");
        assert_eq!(sents, again);
    }

    #[test]
    fn reports_line_of_bad_input() {
        let bad = "1\tI\tI\tPRON\tPRP\t_\tX\tnsubj\t_\t_\n";
        match parse_str(bad, "<bad>") {
            Err(SyntaxError::Conllu { line, .. }) => assert_eq!(line, 1),
            other => panic!("expected a CoNLL-U error, got {other:?}"),
        }
        let out_of_range = "1\tI\tI\tPRON\tPRP\t_\t7\tnsubj\t_\t_\n";
        assert!(parse_str(out_of_range, "<bad>").is_err());
    }
}
