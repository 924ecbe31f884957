//! Throughput of the text stage (normalize + tokenize + split + structure) on real news.
//!
//! Reads the VOA corpus from the shared data directory (`EVENTWIRE_SHARED`, default
//! `../shared` beside the checkout), repeats its stories until at least 50 MB, and runs the
//! text stage on one core, reporting MB/s and sentences/s (best and median of 5 runs).
//!
//! `cargo bench -p eventwire-text --bench text_throughput`

use eventwire_document::Document;
use std::time::Instant;

fn main() {
    let shared = std::env::var("EVENTWIRE_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    let path = format!("{shared}/corpora/voa-dev.jsonl");
    let Ok(corpus) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    let stories: Vec<String> = corpus
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let mut texts = Vec::new();
    let mut bytes = 0usize;
    while bytes < 50 * 1024 * 1024 {
        for s in &stories {
            bytes += s.len();
            texts.push(s.clone());
        }
    }
    let mut runs = Vec::new();
    let mut sentences = 0usize;
    for _ in 0..5 {
        let t = Instant::now();
        sentences = 0;
        for text in &texts {
            let mut doc = Document::new("b", text.as_str());
            eventwire_text::analyze(&mut doc);
            sentences += doc.sentences.len();
        }
        runs.push(t.elapsed().as_secs_f64());
    }
    runs.sort_by(f64::total_cmp);
    let mb = bytes as f64 / 1e6;
    for (label, secs) in [("best", runs[0]), ("median", runs[2])] {
        println!(
            "text stage ({label} of 5, one core): {:.1} MB in {:.3} s = {:.1} MB/s, {:.0} sentences/s ({} documents, {} sentences)",
            mb,
            secs,
            mb / secs,
            sentences as f64 / secs,
            texts.len(),
            sentences
        );
    }
}
