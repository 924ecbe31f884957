//! Throughput of tagging + lemmatizing + parsing with the builtin model on EWT dev sentences, at
//! the model's beam width, at beam 8 and greedily.
//!
//! Measured 2026-11-29 on the 2-core development machine (one core, the other one busy training):
//! beam 32 (the committed model's width) 3.9k words/s, beam 8 12.9k words/s, greedy 46.6k words/s.
//!
//! Reads `$EVENTWIRE_SHARED/data/ud/UD_English-EWT/en_ewt-ud-dev.conllu` (default `../../../shared`
//! relative to this crate); prints a message and measures nothing when it is absent.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench_parse(c: &mut Criterion) {
    let shared = match std::env::var("EVENTWIRE_SHARED") {
        Ok(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    let path = shared.join("data/ud/UD_English-EWT/en_ewt-ud-dev.conllu");
    let gold = match eventwire_syntax::conllu::read_file(&path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("skipping benchmark: {e}");
            return;
        }
    };
    let model = match eventwire_syntax::builtin() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("skipping benchmark: {e}");
            return;
        }
    };
    // The first 400 sentences (about 5,000 words) keep one iteration short at wide beams.
    let sentences: Vec<Vec<&str>> = gold.iter().take(400).map(|s| s.forms()).collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("analyze_ewt_dev");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    let beam8 = model.clone().with_beam_width(8);
    let greedy = model.clone().with_beam_width(1);
    for (name, m) in [
        ("model_beam", model),
        ("beam8", &beam8),
        ("greedy", &greedy),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut heads = 0usize;
                for s in &sentences {
                    heads += m.analyze(s).iter().map(|a| a.head).sum::<usize>();
                }
                heads
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
