//! Training: tagger, jackknifed tags, lemmatizer, parser, model selection on dev.
//!
//! 1. Read the training and dev CoNLL-U files, keeping GUM documents only from the allowed genres
//!    (by the most recent `# newdoc id`; documents that are not GUM's are always kept).
//! 2. Jackknife: split the training sentences into *k* folds, train a tagger on *k−1* folds and tag
//!    the held-out one, so the parser trains on tags as noisy as those it will see at run time. The
//!    folds (and the final tagger on all data) run on `threads` worker threads; results are stored
//!    by fold index, so the output does not depend on scheduling.
//! 3. The final tagger keeps the epoch with the best dev accuracy; the parser (dynamic oracle, see
//!    [`crate::parser`]) keeps the epoch with the best dev LAS, parsing dev on predicted tags.
//!
//! Everything is deterministic for a given configuration: a seeded generator shuffles the data and
//! drives exploration, and nothing depends on hash-map iteration order.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use crate::conllu::{self, Sentence};
use crate::lemmatizer::Lemmatizer;
use crate::parser::{self, BeamScratch, ParseExample, ParseScratch, Parser};
use crate::perceptron::{Scorer, TrainWeights, WeightTable};
use crate::tagger::{self, Lexical, TagLexicon, Tagger};
use crate::{Scores, SyntaxError, SyntaxModel};

/// GUM document-id prefixes whose licence allows shipping a model trained on them.
pub const SHIPPABLE_GUM_GENRES: [&str; 8] = [
    "GUM_news",
    "GUM_interview",
    "GUM_bio",
    "GUM_voyage",
    "GUM_textbook",
    "GUM_vlog",
    "GUM_speech",
    "GUM_conversation",
];

/// What to train on and how long.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// CoNLL-U files to train on.
    pub train_files: Vec<PathBuf>,
    /// CoNLL-U files for model selection (best epoch).
    pub dev_files: Vec<PathBuf>,
    /// Allowed prefixes of GUM document ids (`GUM_news`, …). Sentences whose document id starts with
    /// `GUM_` but with none of these are dropped, from training and dev files alike.
    pub gum_genres: Vec<String>,
    /// Tagger epochs (the best on dev is kept).
    pub tagger_epochs: usize,
    /// Parser epochs (the best on dev is kept).
    pub parser_epochs: usize,
    /// Beam width of the parser (1 = greedy with the dynamic oracle and exploration; larger: beam
    /// search trained as a global perceptron with early update). Also the width used at run time.
    pub beam_width: usize,
    /// Beam width the model decodes with at run time (0: the training width). A wider beam than
    /// in training is often a little more accurate, at a proportional cost in speed.
    pub decode_beam_width: usize,
    /// Train a second tagger pass that sees the first pass's tags of the following words
    /// (needs `jackknife_folds >= 2`).
    pub second_pass: bool,
    /// Drop tagger weights whose quantized magnitude is below this (out of 32767) from the final
    /// model; see [`SyntaxModel::pruned`].
    pub prune_tagger_below: u16,
    /// The same for the parser, which holds most of the weights.
    pub prune_parser_below: u16,
    /// Number of jackknife folds for the parser's training tags (0 or 1: gold tags).
    pub jackknife_folds: usize,
    /// Worker threads for the jackknife.
    pub threads: usize,
    /// Seed of the shuffling and exploration generator.
    pub seed: u64,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl TrainConfig {
    /// The standard recipe on a `shared` directory holding `data/ud/UD_English-{EWT,GUM}`:
    /// EWT train and the shippable GUM genres, EWT and GUM dev for model selection.
    pub fn standard(shared: &Path) -> TrainConfig {
        let ud = shared.join("data").join("ud");
        let ewt = ud.join("UD_English-EWT");
        let gum = ud.join("UD_English-GUM");
        TrainConfig {
            train_files: vec![
                ewt.join("en_ewt-ud-train.conllu"),
                gum.join("en_gum-ud-train.conllu"),
            ],
            dev_files: vec![
                ewt.join("en_ewt-ud-dev.conllu"),
                gum.join("en_gum-ud-dev.conllu"),
            ],
            gum_genres: SHIPPABLE_GUM_GENRES.iter().map(|s| s.to_string()).collect(),
            tagger_epochs: 8,
            parser_epochs: 14,
            beam_width: 16,
            decode_beam_width: 32,
            second_pass: true,
            prune_tagger_below: 128,
            prune_parser_below: 192,
            jackknife_folds: 5,
            threads: 2,
            seed: 20_261_129,
            verbose: false,
        }
    }
}

/// What happened during training.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Training sentences and words after the genre filter.
    pub train_sentences: usize,
    /// Training words.
    pub train_tokens: usize,
    /// Dev sentences after the genre filter.
    pub dev_sentences: usize,
    /// Jackknifed tag accuracy on the training set (joint label).
    pub jackknife_tag_accuracy: f64,
    /// Dev accuracy of the joint tag after each tagger epoch.
    pub tagger_dev_accuracy: Vec<f64>,
    /// Dev `(UAS, LAS)` after each parser epoch (predicted tags).
    pub parser_dev: Vec<(f64, f64)>,
    /// Chosen tagger epoch (1-based).
    pub best_tagger_epoch: usize,
    /// Chosen parser epoch (1-based).
    pub best_parser_epoch: usize,
    /// Full evaluation of the final model on dev.
    pub dev: Scores,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Small deterministic generator (splitmix64).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed ^ 0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(crate) fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn keep_sentence(s: &Sentence, genres: &[String]) -> bool {
    match &s.doc_id {
        Some(id) if id.starts_with("GUM_") => genres.iter().any(|g| id.starts_with(g.as_str())),
        _ => true,
    }
}

fn read_all(files: &[PathBuf], genres: &[String]) -> Result<Vec<Sentence>, SyntaxError> {
    let mut out = Vec::new();
    for f in files {
        out.extend(
            conllu::read_file(f)?
                .into_iter()
                .filter(|s| keep_sentence(s, genres)),
        );
    }
    Ok(out)
}

/// A sentence prepared for the tagger.
struct TagExample {
    lex: Vec<Lexical>,
    tags: Vec<u16>,
}

fn tag_label(t: &conllu::Token) -> (String, String) {
    (t.upos.clone(), t.xpos.clone())
}

/// Dev sentences for tagger model selection, with first-pass tags for a second pass.
type DevTags<'a> = (&'a [TagExample], Option<&'a [Vec<u16>]>);

/// Trains a tagger on `examples[idx]`; with `dev`, keeps the best epoch and reports accuracies.
fn train_tagger(
    examples: &[TagExample],
    idx: &[usize],
    ntags: usize,
    epochs: usize,
    seed: u64,
    first: Option<&[Vec<u16>]>,
    dev: Option<DevTags>,
) -> Result<(TagLexicon, WeightTable, Vec<f64>), SyntaxError> {
    let lexicon = TagLexicon::build(
        idx.iter()
            .flat_map(|&i| examples[i].lex.iter().zip(examples[i].tags.iter().copied())),
        ntags,
    );
    let mut weights = TrainWeights::new(ntags);
    let mut rng = Rng::new(seed);
    let mut order = idx.to_vec();
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; ntags];
    let mut best: Option<(f64, WeightTable)> = None;
    let mut accs = Vec::new();
    for _ in 0..epochs.max(1) {
        rng.shuffle(&mut order);
        for &i in &order {
            let ex = &examples[i];
            let (mut p1, mut p2) = (0x5754_4152_5400u64, 0x5754_4152_5401u64);
            for k in 0..ex.lex.len() {
                let gold = ex.tags[k] as usize;
                let pred = match lexicon.tagdict.get(&ex.lex[k].w) {
                    Some(&t) => t as usize,
                    None => {
                        let right = first.map(|f| f[i].as_slice());
                        tagger::features(&ex.lex, k, p1, p2, &lexicon, right, &mut feats);
                        weights.score(&feats, &mut scores);
                        let pred = tagger::argmax(&scores);
                        weights.update(&feats, gold, pred);
                        weights.tick();
                        pred
                    }
                };
                p2 = p1;
                p1 = pred as u64;
            }
        }
        if let Some((dev, dev_first)) = dev {
            let table = weights.to_table()?;
            let acc = tag_accuracy(&table, &lexicon, dev, dev_first);
            accs.push(acc);
            if best.as_ref().is_none_or(|(b, _)| acc > *b) {
                best = Some((acc, table));
            }
        }
    }
    let table = match best {
        Some((_, t)) => t,
        None => weights.to_table()?,
    };
    Ok((lexicon, table, accs))
}

fn tag_accuracy(
    table: &WeightTable,
    lexicon: &TagLexicon,
    dev: &[TagExample],
    first: Option<&[Vec<u16>]>,
) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let (mut tags, mut feats, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    for (i, ex) in dev.iter().enumerate() {
        let right = first.map(|f| f[i].as_slice());
        tagger::tag_sentence(
            table,
            lexicon,
            &ex.lex,
            right,
            &mut tags,
            &mut feats,
            &mut scores,
        );
        ok += tags.iter().zip(&ex.tags).filter(|(a, b)| a == b).count();
        n += tags.len();
    }
    ok as f64 / n.max(1) as f64
}

/// Runs jobs `0..njobs` on `threads` workers and returns their results in job order.
fn run_parallel<T: Send>(njobs: usize, threads: usize, job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..njobs).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                let j = next.fetch_add(1, Ordering::SeqCst);
                if j >= njobs {
                    break;
                }
                let r = job(j);
                if let Ok(mut v) = results.lock() {
                    v[j] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// Trains a complete model. Deterministic for a given configuration.
pub fn train(config: &TrainConfig) -> Result<(SyntaxModel, TrainReport), SyntaxError> {
    let start = Instant::now();
    let log = |msg: String| {
        if config.verbose {
            eprintln!("[{:7.1}s] {msg}", start.elapsed().as_secs_f64());
        }
    };
    let train_sents = read_all(&config.train_files, &config.gum_genres)?;
    let dev_sents = read_all(&config.dev_files, &config.gum_genres)?;
    if train_sents.is_empty() {
        return Err(SyntaxError::Training("no training sentences".into()));
    }
    let mut report = TrainReport {
        train_sentences: train_sents.len(),
        train_tokens: train_sents.iter().map(|s| s.tokens.len()).sum(),
        dev_sentences: dev_sents.len(),
        ..TrainReport::default()
    };
    log(format!(
        "{} training sentences ({} words), {} dev sentences",
        report.train_sentences, report.train_tokens, report.dev_sentences
    ));

    // Label inventories, sorted for determinism.
    let mut tag_labels: Vec<(String, String)> = train_sents
        .iter()
        .flat_map(|s| s.tokens.iter().map(tag_label))
        .collect();
    tag_labels.sort();
    tag_labels.dedup();
    let mut dep_labels: Vec<String> = train_sents
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| t.deprel.clone()))
        .collect();
    dep_labels.push("root".into());
    dep_labels.sort();
    dep_labels.dedup();
    if tag_labels.len() > 256 || parser::nclasses(dep_labels.len()) > 256 {
        return Err(SyntaxError::Training(format!(
            "too many labels: {} tags, {} relations",
            tag_labels.len(),
            dep_labels.len()
        )));
    }
    let tag_id = |t: &conllu::Token| -> u16 {
        let key = tag_label(t);
        tag_labels.binary_search(&key).unwrap_or(0) as u16
    };
    let dep_id = |l: &str| -> u16 {
        dep_labels
            .binary_search_by(|x| x.as_str().cmp(l))
            .unwrap_or(0) as u16
    };
    let ntags = tag_labels.len();

    let mut chars = Vec::new();
    let mut prepare = |sents: &[Sentence]| -> Vec<TagExample> {
        sents
            .iter()
            .map(|s| TagExample {
                lex: s
                    .tokens
                    .iter()
                    .map(|t| Lexical::of(&t.form, &mut chars))
                    .collect(),
                tags: s.tokens.iter().map(&tag_id).collect(),
            })
            .collect()
    };
    let train_ex = prepare(&train_sents);
    let dev_ex = prepare(&dev_sents);

    // Jackknife folds plus the final tagger, in parallel.
    let folds = config.jackknife_folds;
    let all: Vec<usize> = (0..train_ex.len()).collect();
    let fold_of = |i: usize| i % folds.max(1);
    let njobs = if folds >= 2 { folds + 1 } else { 1 };
    log(format!(
        "training {njobs} taggers on {} threads",
        config.threads
    ));
    let results = run_parallel(njobs, config.threads, |job| {
        if job == 0 {
            train_tagger(
                &train_ex,
                &all,
                ntags,
                config.tagger_epochs,
                config.seed,
                None,
                Some((&dev_ex, None)),
            )
        } else {
            let fold = job - 1;
            let idx: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| fold_of(i) != fold)
                .collect();
            train_tagger(
                &train_ex,
                &idx,
                ntags,
                config.tagger_epochs,
                config.seed.wrapping_add(job as u64),
                None,
                None,
            )
        }
    });
    let mut results = results.into_iter();
    let (lexicon, tag_table, accs) = results
        .next()
        .ok_or_else(|| SyntaxError::Training("tagger job failed".into()))??;
    report.best_tagger_epoch = accs
        .iter()
        .enumerate()
        .fold((0, f64::MIN), |b, (i, &a)| if a > b.1 { (i, a) } else { b })
        .0
        + 1;
    report.tagger_dev_accuracy = accs;
    log(format!(
        "tagger dev accuracy by epoch: {:?}",
        report.tagger_dev_accuracy
    ));

    // Predicted tags for the parser's training data.
    let mut train_tags: Vec<Vec<u16>> = train_ex.iter().map(|e| e.tags.clone()).collect();
    if folds >= 2 {
        let fold_models: Vec<(TagLexicon, WeightTable)> = results
            .map(|r| r.map(|(l, t, _)| (l, t)))
            .collect::<Result<_, _>>()?;
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        let (mut ok, mut n) = (0usize, 0usize);
        for (i, ex) in train_ex.iter().enumerate() {
            let (lex, table) = &fold_models[fold_of(i)];
            tagger::tag_sentence(
                table,
                lex,
                &ex.lex,
                None,
                &mut train_tags[i],
                &mut feats,
                &mut scores,
            );
            ok += train_tags[i]
                .iter()
                .zip(&ex.tags)
                .filter(|(a, b)| a == b)
                .count();
            n += ex.tags.len();
        }
        report.jackknife_tag_accuracy = ok as f64 / n.max(1) as f64;
        log(format!(
            "jackknifed training tag accuracy {:.4}",
            report.jackknife_tag_accuracy
        ));
    }

    // Lemmatizer on gold tags.
    let lemmatizer = Lemmatizer::train(
        train_sents
            .iter()
            .flat_map(|s| s.tokens.iter())
            .map(|t| (t.form.as_str(), t.xpos.as_str(), t.lemma.as_str())),
    );

    // Parser examples.
    let root = dep_id("root");
    let parse_examples: Vec<ParseExample> =
        train_sents
            .iter()
            .zip(&train_ex)
            .zip(&train_tags)
            .map(|((s, ex), tags)| {
                let mut heads = vec![0usize];
                heads.extend(s.tokens.iter().map(|t| t.head));
                parser::projectivize(&mut heads);
                let mut labels = vec![u16::MAX];
                labels.extend(s.tokens.iter().map(|t| {
                    if t.head == 0 {
                        root
                    } else {
                        dep_id(&t.deprel)
                    }
                }));
                ParseExample {
                    words: ex.lex.iter().map(|l| l.lw).collect(),
                    tags: tags.iter().map(|&t| t as u64).collect(),
                    spelling: ex.lex.iter().map(Lexical::spelling).collect(),
                    heads,
                    labels,
                }
            })
            .collect();
    // Second tagger pass, trained on the jackknifed first-pass tags.
    let tag_dev = |table: &WeightTable, first: Option<&[Vec<u16>]>| -> Vec<Vec<u16>> {
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        dev_ex
            .iter()
            .enumerate()
            .map(|(i, ex)| {
                let mut tags = Vec::new();
                let right = first.map(|f| f[i].as_slice());
                tagger::tag_sentence(
                    table,
                    &lexicon,
                    &ex.lex,
                    right,
                    &mut tags,
                    &mut feats,
                    &mut scores,
                );
                tags
            })
            .collect()
    };
    let dev_first = tag_dev(&tag_table, None);
    let (second, dev_tags) = if folds >= 2 && config.second_pass {
        let (_, table2, accs2) = train_tagger(
            &train_ex,
            &all,
            ntags,
            config.tagger_epochs,
            config.seed ^ 0x2,
            Some(&train_tags),
            Some((&dev_ex, Some(&dev_first))),
        )?;
        log(format!(
            "second tagger pass dev accuracy by epoch: {accs2:?}"
        ));
        report.tagger_dev_accuracy = accs2;
        let dev_tags = tag_dev(&table2, Some(&dev_first));
        (Some(table2), dev_tags)
    } else {
        (None, dev_first)
    };
    let tag_is_punct: Vec<bool> = tag_labels.iter().map(|(u, _)| u == "PUNCT").collect();
    let fallback = (
        dep_labels
            .iter()
            .position(|l| l == "punct")
            .unwrap_or(root as usize) as u16,
        dep_labels
            .iter()
            .position(|l| l == "parataxis")
            .unwrap_or(root as usize) as u16,
    );

    let mut weights = TrainWeights::new(parser::nclasses(dep_labels.len()));
    let mut rng = Rng::new(config.seed ^ 0x009A_25E4);
    let mut order: Vec<usize> = (0..parse_examples.len()).collect();
    let mut scratch = ParseScratch::new();
    let mut beam_scratch = BeamScratch::new();
    let width = config.beam_width.max(1);
    let mut best: Option<(f64, WeightTable)> = None;
    for epoch in 0..config.parser_epochs.max(1) {
        rng.shuffle(&mut order);
        let (ok, total) = if width > 1 {
            let (early, sentences) = parser::train_epoch_beam(
                &mut weights,
                &parse_examples,
                &order,
                root,
                width,
                &mut scratch,
                &mut beam_scratch,
            );
            (sentences - early, sentences)
        } else {
            parser::train_epoch(
                &mut weights,
                &parse_examples,
                &order,
                root,
                epoch >= 1,
                &mut rng,
                &mut scratch,
            )
        };
        let table = weights.to_table()?;
        let (uas, las) = parse_dev(
            &table,
            root,
            fallback,
            &tag_is_punct,
            &dev_sents,
            &dev_ex,
            &dev_tags,
            &dep_labels,
            width,
            &mut scratch,
            &mut beam_scratch,
        );
        report.parser_dev.push((uas, las));
        log(format!(
            "parser epoch {}: train agreement {:.4}, dev UAS {uas:.4} LAS {las:.4}, {} features",
            epoch + 1,
            ok as f64 / total.max(1) as f64,
            table.nfeatures()
        ));
        if best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, table));
            report.best_parser_epoch = epoch + 1;
        }
    }
    let parser_table = match best {
        Some((_, t)) => t,
        None => weights.to_table()?,
    };
    let description = format!(
        "eventwire syntax model: tagger {} epochs (best {}), parser beam {} {} epochs (best {}), {} jackknife folds, seed {}; trained on {} sentences from {}",
        config.tagger_epochs,
        report.best_tagger_epoch,
        width,
        config.parser_epochs,
        report.best_parser_epoch,
        config.jackknife_folds,
        config.seed,
        report.train_sentences,
        config
            .train_files
            .iter()
            .filter_map(|p| p.file_name().map(|f| f.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let model = SyntaxModel::assemble(
        description,
        width,
        Tagger {
            labels: tag_labels,
            lexicon,
            weights: tag_table,
            second,
        },
        lemmatizer,
        Parser {
            labels: dep_labels,
            weights: parser_table,
        },
    )?;
    let model = if config.decode_beam_width > 0 {
        model.with_beam_width(config.decode_beam_width)
    } else {
        model
    };
    let model = if config.prune_tagger_below > 0 || config.prune_parser_below > 0 {
        model.pruned(config.prune_tagger_below, config.prune_parser_below)
    } else {
        model
    };
    report.dev = crate::evaluate(&model, &dev_sents);
    report.seconds = start.elapsed().as_secs_f64();
    log(format!("dev: {}", report.dev));
    Ok((model, report))
}

#[allow(clippy::too_many_arguments)]
fn parse_dev(
    table: &WeightTable,
    root: u16,
    fallback: (u16, u16),
    tag_is_punct: &[bool],
    dev_sents: &[Sentence],
    dev_ex: &[TagExample],
    dev_tags: &[Vec<u16>],
    labels: &[String],
    width: usize,
    scratch: &mut ParseScratch,
    beam_scratch: &mut BeamScratch,
) -> (f64, f64) {
    let (mut ua, mut la, mut n) = (0usize, 0usize, 0usize);
    let mut arcs = Vec::new();
    let mut punct = Vec::new();
    for ((s, ex), tags) in dev_sents.iter().zip(dev_ex).zip(dev_tags) {
        scratch.input.fill(
            ex.lex.iter().map(|l| l.lw),
            tags.iter().map(|&t| t as u64),
            ex.lex.iter().map(Lexical::spelling),
        );
        punct.clear();
        punct.extend(tags.iter().map(|&t| tag_is_punct[t as usize]));
        parser::parse_beam(
            table,
            root,
            fallback,
            &punct,
            width,
            scratch,
            beam_scratch,
            &mut arcs,
        );
        for (t, &(h, l)) in s.tokens.iter().zip(&arcs) {
            n += 1;
            if t.head == h {
                ua += 1;
                if crate::eval::universal(&t.deprel) == crate::eval::universal(&labels[l as usize])
                {
                    la += 1;
                }
            }
        }
    }
    (ua as f64 / n.max(1) as f64, la as f64 / n.max(1) as f64)
}
