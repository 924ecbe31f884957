//! Trains the syntax model on the UD English treebanks and writes it.
//!
//! Usage: `cargo run --release -p eventwire-syntax --example train_syntax -- SHARED_DIR OUT.ewsyn`
//! where `SHARED_DIR/data/ud/UD_English-{EWT,GUM}` hold the treebanks. Optional environment:
//! `SYNTAX_TAGGER_EPOCHS`, `SYNTAX_PARSER_EPOCHS`, `SYNTAX_BEAM`, `SYNTAX_DECODE_BEAM`,
//! `SYNTAX_PRUNE_TAGGER`, `SYNTAX_PRUNE_PARSER`, `SYNTAX_FOLDS`, `SYNTAX_THREADS`, and
//! `SYNTAX_NO_GUM=1` to train on EWT alone.

use std::path::PathBuf;
use std::process::ExitCode;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: train_syntax SHARED_DIR OUT.ewsyn");
        return ExitCode::from(2);
    }
    let mut config = eventwire_syntax::TrainConfig::standard(&PathBuf::from(&args[0]));
    config.tagger_epochs = env_usize("SYNTAX_TAGGER_EPOCHS", config.tagger_epochs);
    config.parser_epochs = env_usize("SYNTAX_PARSER_EPOCHS", config.parser_epochs);
    config.beam_width = env_usize("SYNTAX_BEAM", config.beam_width);
    config.decode_beam_width = env_usize("SYNTAX_DECODE_BEAM", config.decode_beam_width);
    config.prune_tagger_below =
        env_usize("SYNTAX_PRUNE_TAGGER", config.prune_tagger_below as usize).min(32767) as u16;
    config.prune_parser_below =
        env_usize("SYNTAX_PRUNE_PARSER", config.prune_parser_below as usize).min(32767) as u16;
    config.jackknife_folds = env_usize("SYNTAX_FOLDS", config.jackknife_folds);
    config.threads = env_usize("SYNTAX_THREADS", config.threads);
    if std::env::var("SYNTAX_NO_GUM").is_ok_and(|v| v == "1") {
        config
            .train_files
            .retain(|f| !f.to_string_lossy().contains("gum"));
    }
    config.second_pass = std::env::var("SYNTAX_SECOND_PASS").map_or(true, |v| v != "0");
    config.verbose = true;
    match eventwire_syntax::train(&config) {
        Ok((model, report)) => {
            eprintln!("{report:#?}");
            if let Err(e) = model.save(&PathBuf::from(&args[1])) {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
            eprintln!("wrote {} ({} bytes)", args[1], model.to_bytes().len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
