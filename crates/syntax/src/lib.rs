//! eventwire-syntax: the syntax stage of eventwire — part-of-speech tags (UPOS and Penn Treebank
//! XPOS), lemmas and a labelled dependency tree with Universal Dependencies relations, for English
//! sentences that are already tokenized UD-style (`do` `n't`, `Russia` `'s`).
//!
//! # Design
//! Three small models run in sequence on one sentence, all pure Rust and trained by [`train`] on
//! Universal Dependencies treebanks:
//!
//! 1. tagger (`src/tagger.rs`): two greedy averaged-perceptron passes over joint `UPOS|XPOS`
//!    labels; the first looks ahead through ambiguity classes, the second also sees the first
//!    pass's tags of the following words;
//!    where English grammar rules a tag out (a noun right after a modal, no finite verb in a
//!    declarative sentence, an unseen opening name tagged as an adverb …), `src/repair.rs`
//!    fixes it and the sentence is tagged again around the fixed tag;
//! 2. lemmatizer (`src/lemmatizer.rs`): lookup table plus suffix edit rules keyed on XPOS;
//! 3. parser (`src/parser.rs`): labelled arc-eager transition parser with Zhang & Nivre features
//!    and beam search, trained as a global perceptron with early update (or greedily with a
//!    dynamic oracle) on jackknifed, i.e. realistically noisy, predicted tags.
//!
//! Features are 64-bit hashes (`src/hashing.rs`); the averaged weights are quantized into a
//! compact open-addressing table (`src/perceptron.rs`) and the whole model is one versioned binary
//! file. The committed model `models/syntax.ewsyn` is embedded in the crate and available through
//! [`builtin`].
//!
//! # Accuracy and speed of the committed model
//! Trained on EWT train plus the openly licensed GUM genres (`scripts/syntax_train.sh`), scored
//! with gold tokenization (LAS on universal relations, punctuation included):
//!
//! | test set | UPOS | XPOS | lemma | UAS | LAS |
//! |---|---|---|---|---|---|
//! | EWT test | 0.951 | 0.944 | 0.966 | 0.871 | 0.844 |
//! | GUM test (all genres) | 0.956 | 0.952 | 0.968 | 0.868 | 0.838 |
//!
//! The parser decodes with a beam of 32 (about 4k words/s on one core);
//! [`SyntaxModel::with_beam_width`] trades accuracy for speed (beam 8: ~13k words/s, LAS about
//! 0.3 lower on dev; greedy: ~47k words/s, UAS 4.5 lower). The model file is 43 MB and loads in
//! about 0.2 s.
//!
//! ```no_run
//! let model = eventwire_syntax::builtin()?;
//! let words = ["The", "minister", "said", "Russia", "would", "not", "attack", "."];
//! for (form, a) in words.iter().zip(model.analyze(&words)) {
//!     println!("{form}\t{}\t{}\t{}\t{}\t{}", a.upos, a.xpos, a.lemma, a.head, a.deprel);
//! }
//! # Ok::<(), eventwire_syntax::SyntaxError>(())
//! ```

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

mod binfmt;
pub mod conllu;
mod eval;
mod hashing;
mod lemmatizer;
mod parser;
mod perceptron;
mod repair;
mod tagger;
mod train;

pub use eval::{evaluate, Scores};
pub use tagger::{static_upos, UPOS_TAGS};
pub use train::{train, TrainConfig, TrainReport, SHIPPABLE_GUM_GENRES};

use binfmt::{Reader, Writer};
use lemmatizer::Lemmatizer;
use parser::{BeamScratch, ParseScratch, Parser};
use tagger::{Lexical, Tagger};

/// Errors of the syntax stage.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SyntaxError {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: Arc<std::io::Error>,
    },
    /// A CoNLL-U input is malformed.
    #[error("{source_name}:{line}: {message}")]
    Conllu {
        /// File name or `<string>`.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Model bytes are not a valid model.
    #[error("invalid syntax model: {0}")]
    Format(String),
    /// Model bytes were written by an incompatible version of the format.
    #[error("syntax model format version {found} is not supported (expected {expected})")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// Training could not run (no data, bad configuration, …).
    #[error("training failed: {0}")]
    Training(String),
}

impl SyntaxError {
    pub(crate) fn io(path: &Path, e: std::io::Error) -> Self {
        SyntaxError::Io {
            path: path.to_path_buf(),
            source: Arc::new(e),
        }
    }
}

/// The analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Universal part-of-speech tag, e.g. `VERB`.
    pub upos: &'static str,
    /// Penn Treebank tag, e.g. `VBD`.
    pub xpos: String,
    /// Lemma, e.g. `say` for `said`.
    pub lemma: String,
    /// Head: 0 for the root, else the 1-based index of the head word (CoNLL-U style).
    pub head: usize,
    /// Universal Dependencies relation including any subtype, e.g. `nsubj:pass`.
    pub deprel: String,
}

const MAGIC: &[u8; 8] = b"EWSYN\0\r\n";
/// Version of the binary model format written by [`SyntaxModel::save`]. It also stands for the
/// feature templates: a model only works with the features it was trained with.
pub const FORMAT_VERSION: u32 = 3;

/// A trained tagger, lemmatizer and parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxModel {
    description: String,
    beam_width: usize,
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
    root: u16,
    fallback_labels: (u16, u16),
    tag_upos: Vec<&'static str>,
    tag_is_punct: Vec<bool>,
    repair_ids: Option<repair::RepairTags>,
}

struct Scratch {
    chars: Vec<char>,
    lex: Vec<Lexical>,
    tags: Vec<u16>,
    first_tags: Vec<u16>,
    feats: Vec<u64>,
    scores: Vec<f32>,
    punct: Vec<bool>,
    arcs: Vec<(usize, u16)>,
    parse: ParseScratch,
    beam: BeamScratch,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch {
        chars: Vec::new(),
        lex: Vec::new(),
        tags: Vec::new(),
        first_tags: Vec::new(),
        feats: Vec::with_capacity(64),
        scores: Vec::new(),
        punct: Vec::new(),
        arcs: Vec::new(),
        parse: ParseScratch::new(),
        beam: BeamScratch::new(),
    });
}

impl SyntaxModel {
    pub(crate) fn assemble(
        description: String,
        beam_width: usize,
        tagger: Tagger,
        lemmatizer: Lemmatizer,
        parser: Parser,
    ) -> Result<SyntaxModel, SyntaxError> {
        let root = parser
            .label_id("root")
            .ok_or_else(|| SyntaxError::Format("parser has no `root` label".into()))?;
        let punct = parser.label_id("punct").unwrap_or(root);
        let parataxis = parser
            .label_id("parataxis")
            .or_else(|| parser.label_id("dep"))
            .unwrap_or(punct);
        let tag_upos: Vec<&'static str> =
            tagger.labels.iter().map(|(u, _)| static_upos(u)).collect();
        let tag_is_punct = tag_upos.iter().map(|&u| u == "PUNCT").collect();
        let repair_ids = repair::RepairTags::new(&tagger.labels);
        Ok(SyntaxModel {
            description,
            beam_width: beam_width.max(1),
            tagger,
            lemmatizer,
            parser,
            root,
            fallback_labels: (punct, parataxis),
            tag_upos,
            tag_is_punct,
            repair_ids,
        })
    }

    /// A smaller copy of the model: weights whose magnitude is below the given threshold (in the
    /// quantized units of the file, at most 32767) are dropped from the tagger and from the parser.
    /// The tagger is small and sensitive, the parser large and robust, hence two thresholds.
    pub fn pruned(&self, tagger_min_abs: u16, parser_min_abs: u16) -> SyntaxModel {
        let t = tagger_min_abs.min(i16::MAX as u16) as i16;
        let p = parser_min_abs.min(i16::MAX as u16) as i16;
        let mut out = self.clone();
        out.tagger.weights = self.tagger.weights.pruned(t);
        out.tagger.second = self.tagger.second.as_ref().map(|w| w.pruned(t));
        out.parser.weights = self.parser.weights.pruned(p);
        out
    }

    /// Beam width of the parser at run time (1 = greedy).
    pub fn beam_width(&self) -> usize {
        self.beam_width
    }

    /// The same model decoding with another beam width (1 = greedy: several times faster, a little
    /// less accurate for a model trained with a beam).
    pub fn with_beam_width(mut self, width: usize) -> SyntaxModel {
        self.beam_width = width.max(1);
        self
    }

    /// A free-text description of how the model was trained.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Reads a model from the bytes written by [`SyntaxModel::save`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, SyntaxError> {
        let mut r = Reader::new(bytes);
        if r.bytes(MAGIC.len()).ok() != Some(&MAGIC[..]) {
            return Err(SyntaxError::Format(
                "not an eventwire syntax model (bad magic bytes)".into(),
            ));
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(SyntaxError::Version {
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        let description = r.str()?;
        let beam_width = r.u16()? as usize;
        let tagger = Tagger::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = Parser::read(&mut r)?;
        if !r.is_done() {
            return Err(SyntaxError::Format("trailing bytes after the model".into()));
        }
        SyntaxModel::assemble(description, beam_width, tagger, lemmatizer, parser)
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.str(&self.description);
        w.u16(self.beam_width.min(u16::MAX as usize) as u16);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        w.buf
    }

    /// Loads a model file.
    pub fn load(path: &Path) -> Result<SyntaxModel, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|e| SyntaxError::io(path, e))?;
        SyntaxModel::from_bytes(&bytes)
    }

    /// Writes the model to a file.
    pub fn save(&self, path: &Path) -> Result<(), SyntaxError> {
        std::fs::write(path, self.to_bytes()).map_err(|e| SyntaxError::io(path, e))
    }

    /// Tags, lemmatizes and parses one sentence given its word forms (tokenized UD-style).
    /// Returns one [`Analysis`] per form; an empty input gives an empty output.
    pub fn analyze(&self, forms: &[&str]) -> Vec<Analysis> {
        if forms.is_empty() {
            return Vec::new();
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.analyze_with(forms, &mut s),
            // Re-entrant call on the same thread (not expected): use fresh buffers.
            Err(_) => self.analyze_with(
                forms,
                &mut Scratch {
                    chars: Vec::new(),
                    lex: Vec::new(),
                    tags: Vec::new(),
                    first_tags: Vec::new(),
                    feats: Vec::new(),
                    scores: Vec::new(),
                    punct: Vec::new(),
                    arcs: Vec::new(),
                    parse: ParseScratch::new(),
                    beam: BeamScratch::new(),
                },
            ),
        })
    }

    /// Fixes tags English grammar rules out (see `repair.rs`) and tags the sentence again around
    /// them, at most twice.
    fn repair_tags(&self, forms: &[&str], s: &mut Scratch) {
        let Some(ids) = &self.repair_ids else { return };
        let mut forced: Vec<Option<u16>> = Vec::new();
        for _ in 0..2 {
            let fixes = repair::Sentence {
                tagger: &self.tagger,
                ids,
                forms,
                lex: &s.lex,
                tags: &s.tags,
                first: &s.first_tags,
            }
            .repairs(&mut s.feats, &mut s.scores);
            if fixes.is_empty() {
                return;
            }
            forced.resize(forms.len(), None);
            for (i, t) in fixes {
                forced[i] = Some(t);
            }
            self.tagger.tag(
                &s.lex,
                &forced,
                &mut s.tags,
                &mut s.first_tags,
                &mut s.feats,
                &mut s.scores,
            );
        }
    }

    fn analyze_with(&self, forms: &[&str], s: &mut Scratch) -> Vec<Analysis> {
        s.lex.clear();
        for f in forms {
            s.lex.push(Lexical::of(f, &mut s.chars));
        }
        self.tagger.tag(
            &s.lex,
            &[],
            &mut s.tags,
            &mut s.first_tags,
            &mut s.feats,
            &mut s.scores,
        );
        self.repair_tags(forms, s);
        s.punct.clear();
        s.punct
            .extend(s.tags.iter().map(|&t| self.tag_is_punct[t as usize]));
        s.parse.input.fill(
            s.lex.iter().map(|l| l.lw),
            s.tags.iter().map(|&t| t as u64),
            s.lex.iter().map(Lexical::spelling),
        );
        parser::parse_beam(
            &self.parser.weights,
            self.root,
            self.fallback_labels,
            &s.punct,
            self.beam_width,
            &mut s.parse,
            &mut s.beam,
            &mut s.arcs,
        );
        forms
            .iter()
            .zip(&s.tags)
            .zip(&s.arcs)
            .map(|((form, &t), &(head, label))| {
                let xpos = &self.tagger.labels[t as usize].1;
                Analysis {
                    upos: self.tag_upos[t as usize],
                    xpos: xpos.clone(),
                    lemma: self.lemmatizer.lemmatize(form, xpos),
                    head,
                    deprel: self.parser.labels[label as usize].clone(),
                }
            })
            .collect()
    }
}

static BUILTIN_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/syntax.ewsyn"
));
static BUILTIN: OnceLock<Result<SyntaxModel, SyntaxError>> = OnceLock::new();

/// The committed model (`models/syntax.ewsyn`, embedded at compile time), parsed on first use.
pub fn builtin() -> Result<&'static SyntaxModel, SyntaxError> {
    match BUILTIN.get_or_init(|| SyntaxModel::from_bytes(BUILTIN_BYTES)) {
        Ok(model) => Ok(model),
        Err(e) => Err(e.clone()),
    }
}

/// A fresh copy of the committed model decoding with another beam width (for speed: beam 8 or
/// greedy decoding instead of the default); each call parses the embedded bytes again.
pub fn builtin_with_beam(width: usize) -> Result<SyntaxModel, SyntaxError> {
    Ok(SyntaxModel::from_bytes(BUILTIN_BYTES)?.with_beam_width(width))
}

#[cfg(test)]
mod tests;
