//! Run the text stage over a file N times (for profiling): `text_stage FILE [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: text_stage FILE [N]");
        std::process::exit(2);
    };
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut sentences = 0;
    for _ in 0..n {
        let mut doc = eventwire_document::Document::new("p", text.as_str());
        eventwire_text::analyze(&mut doc);
        sentences += doc.sentences.len();
    }
    println!("{sentences} sentences");
}
