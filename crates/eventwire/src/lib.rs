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
pub mod eval;
pub mod factuality_eval;
pub mod record;
mod syntax;

pub use eventwire_document::{
    Document, Mention, MentionKind, MentionVia, Sentence, SentenceFlags, Span, TokenId,
};
pub use eventwire_input::{InputError, RawDocument, ReadOptions};
pub use eventwire_syntax as syntax_model;

/// Re-run the stages that read the syntax layer (time expressions, mentions) after it was
/// replaced, for example by a hand-made tree in a test.
pub fn rerun_after_syntax(pipeline: &Pipeline, doc: &mut Document) {
    eventwire_time::annotate(doc);
    pipeline.mentions.annotate(doc);
}

/// The built-in event lexicon.
pub fn lexicon(
) -> Result<&'static eventwire_events::Lexicon, &'static eventwire_events::LexiconError> {
    eventwire_events::Lexicon::builtin()
}

/// Run the text stage alone (tokens, sentences, structure) on a document.
pub fn analyze_text(doc: &mut Document) {
    eventwire_text::analyze(doc);
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The knowledge base did not load.
    #[error("knowledge base: {0}")]
    KnowledgeBase(#[from] eventwire_kb::KbError),
    /// The syntax model did not load.
    #[error("syntax model: {0}")]
    Syntax(#[from] eventwire_syntax::SyntaxError),
    /// The event lexicon did not load.
    #[error("event lexicon: {0}")]
    Lexicon(String),
    /// A PETRARCH dictionary could not be read.
    #[error("{path}: {reason}")]
    Dictionary {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
}

/// How to build a [`Pipeline`]; the default uses everything built in.
#[derive(Clone, Debug, Default)]
pub struct PipelineOptions {
    /// A syntax model file to use instead of the built-in one.
    pub syntax_model: Option<std::path::PathBuf>,
    /// Parser beam width instead of the model's own (smaller is faster and a little less
    /// accurate; 1 decodes greedily).
    pub beam: Option<usize>,
    /// PETRARCH2 verb dictionaries (`CAMEO.2.0.txt`) to add after the built-in lexicon.
    pub verbs: Vec<std::path::PathBuf>,
    /// Use only the `verbs` dictionaries, not the built-in verb lexicon.
    pub verbs_only: bool,
    /// PETRARCH/TABARI actor dictionaries to layer on the knowledge base.
    pub actors: Vec<std::path::PathBuf>,
    /// PETRARCH/TABARI agent dictionaries to layer on the knowledge base.
    pub agents: Vec<std::path::PathBuf>,
}

/// The configured pipeline: every stage with its models and lexicons loaded.
#[derive(Clone, Debug)]
pub struct Pipeline {
    syntax: &'static eventwire_syntax::SyntaxModel,
    mentions: &'static eventwire_mentions::MentionFinder,
    lexicon: &'static eventwire_events::Lexicon,
}

impl Pipeline {
    /// The pipeline with the built-in models and knowledge base.
    pub fn new() -> Result<Pipeline, PipelineError> {
        Pipeline::with_options(&PipelineOptions::default())
    }

    /// The pipeline configured by `options`.
    pub fn with_options(options: &PipelineOptions) -> Result<Pipeline, PipelineError> {
        let syntax = match (&options.syntax_model, options.beam) {
            // One model per process: leaking it gives the stages a plain shared reference.
            (Some(path), beam) => {
                let model = eventwire_syntax::SyntaxModel::load(path)?;
                let model = match beam {
                    Some(w) => model.with_beam_width(w),
                    None => model,
                };
                &*Box::leak(Box::new(model))
            }
            (None, Some(w)) => &*Box::leak(Box::new(eventwire_syntax::builtin_with_beam(w)?)),
            (None, None) => eventwire_syntax::builtin()?,
        };
        let read = |p: &std::path::PathBuf| {
            std::fs::read_to_string(p).map_err(|e| PipelineError::Dictionary {
                path: p.display().to_string(),
                reason: e.to_string(),
            })
        };
        let builtin_lexicon = eventwire_events::Lexicon::builtin()
            .map_err(|e| PipelineError::Lexicon(e.to_string()))?;
        let lexicon: &'static eventwire_events::Lexicon = if options.verbs.is_empty() {
            builtin_lexicon
        } else {
            let mut lex = builtin_lexicon.clone();
            let mut rules = Vec::new();
            for p in &options.verbs {
                rules.extend(eventwire_events::petrarch::load_verbs(&read(p)?).rules);
            }
            if options.verbs_only {
                lex.replace_verb_rules(rules);
            } else {
                lex.add_verb_rules(rules);
            }
            Box::leak(Box::new(lex))
        };
        let mentions: &'static eventwire_mentions::MentionFinder =
            if options.actors.is_empty() && options.agents.is_empty() {
                eventwire_mentions::MentionFinder::builtin()?
            } else {
                let mut kb = eventwire_kb::KnowledgeBase::builtin()?.clone();
                for p in &options.actors {
                    kb.extend_with_petrarch_actors(&eventwire_kb::petrarch::load_actors(&read(p)?));
                }
                for p in &options.agents {
                    kb.extend_with_petrarch_agents(&eventwire_kb::petrarch::load_agents(&read(p)?));
                }
                let kb: &'static eventwire_kb::KnowledgeBase = Box::leak(Box::new(kb));
                Box::leak(Box::new(eventwire_mentions::MentionFinder::new(kb)))
            };
        Ok(Pipeline {
            syntax,
            mentions,
            lexicon,
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

    /// The annotation view of a processed document with every layer, predicate factuality
    /// and the event records (one line of JSON).
    pub fn annotate(&self, doc: &Document) -> String {
        let events = self.events(doc);
        annotate::to_json_with(doc, Some(self.lexicon), Some(&events))
    }

    /// The event records of a processed document.
    pub fn events(&self, doc: &Document) -> Vec<record::EventRecord> {
        let events = eventwire_events::code(doc, self.lexicon);
        record::build(doc, &events, self.lexicon)
    }
}
