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
    /// Use this syntax model file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    syntax_model: Option<PathBuf>,
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
            let mut out = eventwire::annotate::to_json(&doc);
            out.push('\n');
            Ok((out, doc.sentences.len()))
        }),
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

fn run_batch(
    args: &BatchArgs,
    process: impl Fn(&Pipeline, RawDocument) -> DocOutput + Sync,
) -> anyhow::Result<BatchSummary> {
    let options = eventwire::PipelineOptions {
        syntax_model: args.syntax_model.clone(),
    };
    let pipeline =
        Pipeline::with_options(&options).context("loading the models and knowledge base")?;
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
