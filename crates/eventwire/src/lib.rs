//! eventwire: who did what to whom, when, where, according to whom, and how certain —
//! political event data (CAMEO, PLOVER) from news text.
//!
//! One [`Document`] flows through the stages of a [`Pipeline`]: text (tokens, sentences,
//! headline and captions) → syntax → mentions → events → output. Each stage lives in its own
//! crate and adds a layer to the document; this crate ties them together and writes the two
//! outputs: event records ([`record`]) and the annotation view of every layer ([`annotate`]).
//!
//! ```
//! use eventwire::{Pipeline, RawDocument};
//! let pipeline = Pipeline::new().expect("built-in data loads");
//! let doc = pipeline.process(RawDocument {
//!     id: "d1".into(),
//!     text: "Xi met Putin in Moscow. They talked.".into(),
//!     extracted: false,
//!     date: None,
//!     title: None,
//!     url: None,
//! });
//! assert_eq!(doc.sentences.len(), 2);
//! let json = eventwire::annotate::to_json(&doc);
//! assert!(json.starts_with("{\"doc_id\":\"d1\""));
//! ```

pub mod annotate;
pub mod batch;
pub mod record;
mod syntax;

pub use eventwire_document::{Document, Sentence, SentenceFlags, Span, TokenId};
pub use eventwire_input::{InputError, RawDocument, ReadOptions};

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The knowledge base did not load.
    #[error("knowledge base: {0}")]
    KnowledgeBase(#[from] eventwire_kb::KbError),
    /// The syntax model did not load.
    #[error("syntax model: {0}")]
    Syntax(#[from] eventwire_syntax::SyntaxError),
}

/// How to build a [`Pipeline`]; the default uses everything built in.
#[derive(Clone, Debug, Default)]
pub struct PipelineOptions {
    /// A syntax model file to use instead of the built-in one.
    pub syntax_model: Option<std::path::PathBuf>,
}

/// The configured pipeline: every stage with its models and lexicons loaded.
#[derive(Clone, Debug)]
pub struct Pipeline {
    syntax: &'static eventwire_syntax::SyntaxModel,
    mentions: &'static eventwire_mentions::MentionFinder,
}

impl Pipeline {
    /// The pipeline with the built-in models and knowledge base.
    pub fn new() -> Result<Pipeline, PipelineError> {
        Pipeline::with_options(&PipelineOptions::default())
    }

    /// The pipeline configured by `options`.
    pub fn with_options(options: &PipelineOptions) -> Result<Pipeline, PipelineError> {
        let syntax = match &options.syntax_model {
            // One model per process: leaking it gives the stages a plain shared reference.
            Some(path) => &*Box::leak(Box::new(eventwire_syntax::SyntaxModel::load(path)?)),
            None => eventwire_syntax::builtin()?,
        };
        Ok(Pipeline {
            syntax,
            mentions: eventwire_mentions::MentionFinder::builtin()?,
        })
    }

    /// Run every stage on one input document.
    pub fn process(&self, raw: RawDocument) -> Document {
        let mut doc = Document::new(raw.id, raw.text);
        doc.text_extracted = raw.extracted;
        doc.date = raw.date;
        doc.title = raw.title;
        doc.url = raw.url;
        eventwire_text::analyze(&mut doc);
        syntax::annotate(self.syntax, &mut doc);
        eventwire_time::annotate(&mut doc);
        self.mentions.annotate(&mut doc);
        doc
    }

    /// The event records of a processed document.
    pub fn events(&self, _doc: &Document) -> Vec<record::EventRecord> {
        Vec::new()
    }
}
