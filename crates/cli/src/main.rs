//! `eventwire`: the command-line tool. A thin layer over the `eventwire` library: argument
//! parsing, input and output files, the error report and the progress bar.

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use eventwire::batch::{self, BatchSummary, DocOutput};
use eventwire::{InputError, Pipeline, RawDocument, ReadOptions};
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// eventwire reads news and writes political event data (CAMEO, PLOVER): who did what to whom,
/// when, where, according to whom, and how certain.
#[derive(Parser)]
#[command(name = "eventwire", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code events: write one JSON event record per line (see docs/event-record.md).
    Code(BatchArgs),
    /// Show every layer the pipeline builds, one JSON object per document (see docs/annotate.md).
    Annotate(BatchArgs),
    /// Score event records against gold annotations (the reference scorer's rules): runs the
    /// coder on the gold texts, or reads predictions with --pred.
    Eval(EvalArgs),
    /// Tag and parse: CoNLL-U in (ID and FORM columns and sentence boundaries are used) or raw
    /// text (tokenized by eventwire), CoNLL-U out with UPOS, XPOS, LEMMA, HEAD and DEPREL.
    Parse(ParseArgs),
    /// Train the tagger, lemmatizer and parser on UD English (EWT + the openly licensed GUM
    /// genres) and write the model.
    TrainSyntax(TrainArgs),
    /// Measure the factuality rules on a UW factuality file (gold trees): mean absolute error,
    /// correlation and 3-class accuracy, scores calibrated on --train.
    EvalFactuality(FactualityArgs),
}

/// Arguments of `eval-factuality`.
#[derive(Args)]
struct FactualityArgs {
    /// The UW file to score (`idx word factuality POS head deprel lemma`).
    dev: PathBuf,
    /// A UW training file to calibrate the scores of the labels on.
    #[arg(long)]
    train: Option<PathBuf>,
}

/// Arguments of `eval`.
#[derive(Args)]
struct EvalArgs {
    /// Gold files: a JSON gold document or a JSONL gold set.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
    /// Score these predicted records instead of running the coder.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Write the records the coder produced here.
    #[arg(long)]
    write_pred: Option<PathBuf>,
    /// Print one JSON object (as the reference scorer's --json).
    #[arg(long)]
    json: bool,
    /// List misses, extras and wrong attributes.
    #[arg(long)]
    show_errors: bool,
    #[command(flatten)]
    models: ModelArgs,
}

/// Arguments of `parse`.
#[derive(Args)]
struct ParseArgs {
    /// Read CoNLL-U from this file (`-` for standard input).
    #[arg(long, conflicts_with = "input")]
    conllu: Option<PathBuf>,
    /// Raw text files (or `-`), tokenized and split by eventwire.
    input: Vec<String>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Use this syntax model file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    syntax_model: Option<PathBuf>,
    /// Also print UPOS/XPOS/lemma/UAS/LAS against the input's gold columns (with --conllu).
    #[arg(long)]
    score: bool,
}

/// Arguments of `train-syntax`.
#[derive(Args)]
struct TrainArgs {
    /// Directory holding data/ud/UD_English-EWT and data/ud/UD_English-GUM.
    #[arg(long, default_value = "../shared")]
    shared: PathBuf,
    /// Where to write the model.
    #[arg(short, long, default_value = "models/syntax.ewsyn")]
    output: PathBuf,
    /// Tagger epochs (default: the standard configuration's).
    #[arg(long)]
    tagger_epochs: Option<usize>,
    /// Parser epochs.
    #[arg(long)]
    parser_epochs: Option<usize>,
    /// Beam width of the parser.
    #[arg(long)]
    beam: Option<usize>,
    /// Worker threads.
    #[arg(long)]
    threads: Option<usize>,
    /// Random seed (training is deterministic for a seed).
    #[arg(long)]
    seed: Option<u64>,
}

/// Model and dictionary options shared by the commands that run the pipeline.
#[derive(Args, Clone, Default)]
struct ModelArgs {
    /// Use this syntax model file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    syntax_model: Option<PathBuf>,
    /// Parser beam width (default: the model's, 32 for the built-in one; 8 is about three times
    /// faster, 1 decodes greedily).
    #[arg(long, value_name = "N")]
    beam: Option<usize>,
    /// PETRARCH2 CAMEO verb dictionary to add after the built-in lexicon (repeatable).
    #[arg(long, value_name = "FILE")]
    verbs: Vec<PathBuf>,
    /// Code with the --verbs dictionaries only, not the built-in verb lexicon.
    #[arg(long, requires = "verbs")]
    verbs_only: bool,
    /// PETRARCH/TABARI actor dictionary to layer on the knowledge base (repeatable).
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// PETRARCH/TABARI agent dictionary to layer on the knowledge base (repeatable).
    #[arg(long, value_name = "FILE")]
    agents: Vec<PathBuf>,
}

impl ModelArgs {
    fn options(&self) -> eventwire::PipelineOptions {
        eventwire::PipelineOptions {
            syntax_model: self.syntax_model.clone(),
            beam: self.beam,
            verbs: self.verbs.clone(),
            verbs_only: self.verbs_only,
            actors: self.actors.clone(),
            agents: self.agents.clone(),
        }
    }
}

/// Arguments shared by the batch commands.
#[derive(Args)]
struct BatchArgs {
    /// Input files: plain text (.txt; document id = file stem), JSONL documents (.jsonl, with
    /// id, text, optional date, title, url), HTML pages (.html), or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Write the output here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads (default: number of cores). Output is identical for every value.
    #[arg(long)]
    jobs: Option<usize>,
    /// Also write documents that could not be processed to this file, one JSON object per line
    /// ({"doc_id", "reason"}); they are always reported on standard error.
    #[arg(long)]
    errors: Option<PathBuf>,
    #[command(flatten)]
    models: ModelArgs,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => run_batch(&args, |p, raw| {
            let doc = p.process(raw);
            let mut out = String::new();
            eventwire::record::to_jsonl(&p.events(&doc), &mut out);
            Ok((out, doc.sentences.len()))
        }),
        Command::Annotate(args) => run_batch(&args, |p, raw| {
            let doc = p.process(raw);
            let mut out = p.annotate(&doc);
            out.push('\n');
            Ok((out, doc.sentences.len()))
        }),
        Command::Eval(args) => return exit(run_eval(&args)),
        Command::Parse(args) => return exit(run_parse(&args)),
        Command::TrainSyntax(args) => return exit(run_train(&args)),
        Command::EvalFactuality(args) => return exit(run_factuality(&args)),
    };
    match result {
        Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
        Ok(summary) => {
            eprintln!(
                "eventwire: {} of {} documents failed",
                summary.failed,
                summary.failed + summary.documents
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("eventwire: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn exit(r: anyhow::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eventwire: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run_eval(args: &EvalArgs) -> anyhow::Result<()> {
    use eventwire::eval;
    let gold = eval::load_gold(&args.gold)?;
    let preds = match &args.pred {
        Some(p) => eval::load_pred(p)?,
        None => {
            let pipeline = Pipeline::with_options(&args.models.options())
                .context("loading the models and knowledge base")?;
            let mut jsonl = String::new();
            let mut by_doc: std::collections::HashMap<String, Vec<serde_json::Value>> =
                Default::default();
            for g in &gold {
                let raw = RawDocument {
                    id: g.id.clone(),
                    text: g.text.clone(),
                    extracted: false,
                    date: g.date.as_deref().and_then(eventwire_input::parse_date),
                    title: None,
                    url: None,
                };
                let doc = pipeline.process(raw);
                let records = pipeline.events(&doc);
                let start = jsonl.len();
                eventwire::record::to_jsonl(&records, &mut jsonl);
                for line in jsonl[start..].lines() {
                    by_doc
                        .entry(g.id.clone())
                        .or_default()
                        .push(serde_json::from_str(line)?);
                }
            }
            if let Some(p) = &args.write_pred {
                std::fs::write(p, &jsonl)
                    .with_context(|| format!("cannot write {}", p.display()))?;
            }
            by_doc
        }
    };
    let (all, errors) = eval::score(&gold, &preds, false)?;
    let (asserted, _) = eval::score(&gold, &preds, true)?;
    if args.json {
        let mut v = serde_json::to_value(&all)?;
        if let Some(o) = v.as_object_mut() {
            if let Some(f) = o.remove("fn_") {
                o.insert("fn".into(), f);
            }
            let mut a = serde_json::to_value(&asserted)?;
            if let Some(ao) = a.as_object_mut() {
                ao.remove("attributes");
                ao.remove("attribute_counts");
                if let Some(f) = ao.remove("fn_") {
                    ao.insert("fn".into(), f);
                }
            }
            o.insert("asserted_only".into(), a);
        }
        println!("{v}");
    } else {
        if args.show_errors {
            for e in &errors {
                println!("{e}");
            }
        }
        print!("{}", eval::report(&all, &asserted));
    }
    Ok(())
}

fn run_parse(args: &ParseArgs) -> anyhow::Result<()> {
    use eventwire::syntax_model::{self as syn, conllu};
    let model: &syn::SyntaxModel = match &args.syntax_model {
        Some(p) => Box::leak(Box::new(syn::SyntaxModel::load(p)?)),
        None => syn::builtin()?,
    };
    let mut sentences: Vec<conllu::Sentence> = Vec::new();
    let mut gold: Vec<conllu::Sentence> = Vec::new();
    if let Some(path) = &args.conllu {
        let text = if path.as_os_str() == "-" {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)?;
            s
        } else {
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?
        };
        gold = conllu::parse_str(&text, &path.display().to_string())?;
        for g in &gold {
            let forms = g.forms();
            let analyses = model.analyze(&forms);
            sentences.push(to_conllu(g.comments.clone(), &forms, analyses));
        }
    } else {
        anyhow::ensure!(
            !args.input.is_empty(),
            "give raw text INPUT files or --conllu FILE"
        );
        for input in &args.input {
            for raw in eventwire_input::open(input, &ReadOptions::default()) {
                let raw = raw.map_err(|e| anyhow::anyhow!("{}: {}", e.doc_id, e.reason))?;
                let mut doc = eventwire::Document::new(raw.id.clone(), raw.text);
                eventwire_text_analyze(&mut doc);
                for (k, s) in doc.sentences.iter().enumerate() {
                    let forms: Vec<&str> = s.tokens.clone().map(|t| doc.tokens.norm(t)).collect();
                    let analyses = model.analyze(&forms);
                    let comments = vec![
                        format!("sent_id = {}-{}", raw.id, k + 1),
                        format!("text = {}", doc.slice(s.span).replace('\n', " ")),
                    ];
                    sentences.push(to_conllu(comments, &forms, analyses));
                }
            }
        }
    }
    let text = conllu::to_string(&sentences);
    match &args.output {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => print!("{text}"),
    }
    if args.score && !gold.is_empty() {
        let s = syn::evaluate(model, &gold);
        eprintln!("{s:?}");
    }
    Ok(())
}

fn eventwire_text_analyze(doc: &mut eventwire::Document) {
    eventwire::analyze_text(doc);
}

fn to_conllu(
    comments: Vec<String>,
    forms: &[&str],
    analyses: Vec<eventwire::syntax_model::Analysis>,
) -> eventwire::syntax_model::conllu::Sentence {
    use eventwire::syntax_model::conllu::{Sentence, Token};
    Sentence {
        doc_id: None,
        comments,
        tokens: forms
            .iter()
            .zip(analyses)
            .enumerate()
            .map(|(i, (f, a))| Token {
                id: i + 1,
                form: f.to_string(),
                lemma: a.lemma,
                upos: a.upos.to_string(),
                xpos: a.xpos,
                feats: "_".into(),
                head: a.head,
                deprel: a.deprel,
                deps: "_".into(),
                misc: "_".into(),
            })
            .collect(),
    }
}

fn run_factuality(args: &FactualityArgs) -> anyhow::Result<()> {
    use eventwire::factuality_eval;
    let lex = eventwire::lexicon().map_err(|e| anyhow::anyhow!("{e}"))?;
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
    };
    let calibration = match &args.train {
        Some(p) => Some(factuality_eval::calibrate(&read(p)?, lex)),
        None => None,
    };
    let scores = factuality_eval::evaluate(&read(&args.dev)?, lex, calibration.as_ref());
    println!("{}", serde_json::to_string_pretty(&scores)?);
    Ok(())
}

fn run_train(args: &TrainArgs) -> anyhow::Result<()> {
    use eventwire::syntax_model as syn;
    let mut config = syn::TrainConfig::standard(&args.shared);
    if let Some(v) = args.tagger_epochs {
        config.tagger_epochs = v;
    }
    if let Some(v) = args.parser_epochs {
        config.parser_epochs = v;
    }
    if let Some(v) = args.beam {
        config.beam_width = v;
    }
    if let Some(v) = args.threads {
        config.threads = v;
    }
    if let Some(v) = args.seed {
        config.seed = v;
    }
    config.verbose = true;
    let (model, report) = syn::train(&config)?;
    model.save(&args.output)?;
    eprintln!("{report:#?}");
    eprintln!("wrote {}", args.output.display());
    Ok(())
}

fn run_batch(
    args: &BatchArgs,
    process: impl Fn(&Pipeline, RawDocument) -> DocOutput + Sync,
) -> anyhow::Result<BatchSummary> {
    let pipeline = Pipeline::with_options(&args.models.options())
        .context("loading the models and knowledge base")?;
    let opts = ReadOptions { date: args.date };
    let docs = args
        .inputs
        .iter()
        .flat_map(move |input| eventwire_input::open(input, &opts));
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut errors: Option<BufWriter<File>> = match &args.errors {
        Some(p) => Some(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let progress = Progress::new();
    let summary = batch::run(
        docs,
        jobs,
        |raw| process(&pipeline, raw),
        |o| out.write_all(o.as_bytes()),
        |e: &InputError| {
            progress.suspend(|| eprintln!("eventwire: {}: {}", e.doc_id, e.reason));
            if let Some(w) = errors.as_mut() {
                let line = serde_json::to_string(e).unwrap_or_default();
                writeln!(w, "{line}")?;
            }
            Ok(())
        },
        |s| progress.update(s),
    )?;
    progress.finish();
    out.flush()?;
    if let Some(mut w) = errors {
        w.flush()?;
    }
    Ok(summary)
}

/// A progress bar on standard error when it is a terminal; silent otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
}

impl Progress {
    fn new() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            started: std::time::Instant::now(),
        }
    }

    fn update(&self, s: &BatchSummary) {
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-6);
            bar.set_message(format!(
                "{} documents ({} failed), {:.0} sentences/s",
                s.documents,
                s.failed,
                s.sentences as f64 / secs
            ));
            bar.tick();
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
