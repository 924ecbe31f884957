//! Throughput of the whole pipeline (text, syntax, time, mentions, events) on real news, one
//! thread: documents/s, sentences/s, tokens/s, events, and peak memory.
//!
//! Reads the VOA corpus from the shared data (`EVENTWIRE_SHARED`, default `../shared` beside the
//! checkout) and codes it `EVENTWIRE_BENCH_ROUNDS` times (default 5).
//!
//! `cargo bench -p eventwire --bench pipeline`

use eventwire::{Pipeline, RawDocument};
use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let shared = std::env::var("EVENTWIRE_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    let path = format!("{shared}/corpora/voa-dev.jsonl");
    let Ok(corpus) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    let rounds: usize = std::env::var("EVENTWIRE_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let load = Instant::now();
    let pipeline = match Pipeline::new() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pipeline: {e}");
            return;
        }
    };
    // Warm the lazily built knowledge base and models.
    let _ = pipeline.process(RawDocument {
        id: "warm".into(),
        text: "Warm up.".into(),
        extracted: false,
        date: None,
        title: None,
        url: None,
    });
    let load_secs = load.elapsed().as_secs_f64();
    let docs: Vec<RawDocument> = corpus
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| RawDocument {
            id: v["id"].as_str().unwrap_or("").to_string(),
            text: v["text"].as_str().unwrap_or("").to_string(),
            extracted: false,
            date: v["date"].as_str().and_then(eventwire_input::parse_date),
            title: None,
            url: None,
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() * rounds;
    let (mut sentences, mut tokens, mut events) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            let doc = pipeline.process(d.clone());
            sentences += doc.sentences.len();
            tokens += doc.tokens.len();
            events += pipeline.events(&doc).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "pipeline (one thread): {} documents, {} sentences, {} tokens, {} events in {:.2} s: {:.0} sentences/s, {:.0} tokens/s, {:.2} MB/s; models loaded in {:.2} s; peak RSS {:.0} MB",
        docs.len() * rounds,
        sentences,
        tokens,
        events,
        secs,
        sentences as f64 / secs,
        tokens as f64 / secs,
        bytes as f64 / 1e6 / secs,
        load_secs,
        peak_rss_mb().unwrap_or(f64::NAN)
    );
}
