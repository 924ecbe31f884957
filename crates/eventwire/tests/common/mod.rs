//! Finding the shared data (`../shared` beside the checkout, or `EVENTWIRE_SHARED`).
//! Tests skip with a printed reason when it is absent, unless `EVENTWIRE_REQUIRE_SHARED=1`
//! (as in `.ci/run`), where its absence is a failure.

use std::path::PathBuf;

/// The shared data directory, or `None` (after printing why) when the test should skip.
pub fn shared_dir(needed: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("EVENTWIRE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    if dir.join(needed).exists() {
        return Some(dir);
    }
    if std::env::var("EVENTWIRE_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!(
            "shared data required but missing: {}",
            dir.join(needed).display()
        );
    }
    eprintln!(
        "skipping: shared data not found at {}",
        dir.join(needed).display()
    );
    None
}
