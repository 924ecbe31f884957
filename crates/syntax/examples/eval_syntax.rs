//! Evaluates a syntax model on CoNLL-U files (gold tokenization) and prints the scores.
//!
//! Usage: `cargo run --release -p eventwire-syntax --example eval_syntax -- MODEL|builtin FILE.conllu...`
//!
//! Environment: `SYNTAX_PRUNE_TAGGER=N` and `SYNTAX_PRUNE_PARSER=N` drop quantized weights below N
//! first; `SYNTAX_SAVE=PATH` writes
//! the (pruned) model; `SYNTAX_DUMP=PATH` writes the predictions for the last file as CoNLL-U;
//! `SYNTAX_DECODE_BEAM=N` decodes with another beam width.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: eval_syntax MODEL|builtin FILE.conllu...");
        return ExitCode::from(2);
    }
    let t = Instant::now();
    let loaded;
    let model = if args[0] == "builtin" {
        match eventwire_syntax::builtin() {
            Ok(m) => m,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        match eventwire_syntax::SyntaxModel::load(Path::new(&args[0])) {
            Ok(m) => {
                loaded = m;
                &loaded
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let pruned;
    let threshold = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u16>().ok());
    let model = match (
        threshold("SYNTAX_PRUNE_TAGGER"),
        threshold("SYNTAX_PRUNE_PARSER"),
    ) {
        (None, None) => model,
        (t, p) => {
            let (t, p) = (t.unwrap_or(0), p.unwrap_or(0));
            pruned = model.pruned(t, p);
            println!(
                "pruned below {t} (tagger), {p} (parser): {} bytes",
                pruned.to_bytes().len()
            );
            &pruned
        }
    };
    let rebeamed;
    let model = match std::env::var("SYNTAX_DECODE_BEAM")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        Some(w) => {
            rebeamed = model.clone().with_beam_width(w);
            &rebeamed
        }
        None => model,
    };
    if let Ok(out) = std::env::var("SYNTAX_SAVE") {
        if let Err(e) = model.save(Path::new(&out)) {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        println!("saved {out}");
    }
    println!(
        "loaded in {:.3}s: {}",
        t.elapsed().as_secs_f64(),
        model.description()
    );
    for file in &args[1..] {
        let gold = match eventwire_syntax::conllu::read_file(Path::new(file)) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Ok(dump) = std::env::var("SYNTAX_DUMP") {
            let mut predicted = gold.clone();
            for s in &mut predicted {
                let forms = s.forms();
                let analyses = model.analyze(&forms);
                for (t, a) in s.tokens.iter_mut().zip(analyses) {
                    t.upos = a.upos.to_string();
                    t.xpos = a.xpos;
                    t.lemma = a.lemma;
                    t.head = a.head;
                    t.deprel = a.deprel;
                }
            }
            if let Err(e) = std::fs::write(&dump, eventwire_syntax::conllu::to_string(&predicted)) {
                eprintln!("error: {dump}: {e}");
                return ExitCode::FAILURE;
            }
        }
        let t = Instant::now();
        let scores = eventwire_syntax::evaluate(model, &gold);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{file}: {scores} ({:.0} words/s)",
            scores.tokens as f64 / secs.max(1e-9)
        );
    }
    ExitCode::SUCCESS
}
