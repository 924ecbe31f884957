//! Measures how long the built-in knowledge base takes to parse and index, and prints its size.
//!
//! `cargo run --release -p eventwire-kb --example load_time`

use std::time::Instant;

use eventwire_kb::KnowledgeBase;

fn main() -> Result<(), eventwire_kb::KbError> {
    let start = Instant::now();
    let kb = KnowledgeBase::builtin()?;
    let elapsed = start.elapsed();
    let tenures: usize = kb.people().iter().map(|p| p.tenures.len()).sum();
    println!(
        "loaded in {:.1} ms: {} countries, {} organisations, {} people ({} tenures), {} places, {} roles, {} surface forms",
        elapsed.as_secs_f64() * 1000.0,
        kb.countries().len(),
        kb.organizations().len(),
        kb.people().len(),
        tenures,
        kb.places().len(),
        kb.roles().len(),
        kb.names().count()
    );
    Ok(())
}
