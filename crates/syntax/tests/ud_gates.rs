//! Accuracy gates of the builtin model on Universal Dependencies (gold tokenization).
//!
//! Reads the treebanks from `$EVENTWIRE_SHARED/data/ud` (default: `../../../shared` relative to this
//! crate). When the data is absent the test prints why and passes, unless
//! `EVENTWIRE_REQUIRE_SHARED=1` is set, in which case it fails.

use std::path::PathBuf;

use eventwire_syntax::{builtin, conllu, evaluate};

fn shared_dir() -> PathBuf {
    match std::env::var("EVENTWIRE_SHARED") {
        Ok(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn require_shared() -> bool {
    std::env::var("EVENTWIRE_REQUIRE_SHARED").is_ok_and(|v| v == "1")
}

#[test]
fn ud_gates_builtin_model_on_ewt_and_gum_test() {
    let ud = shared_dir().join("data").join("ud");
    let ewt = ud.join("UD_English-EWT").join("en_ewt-ud-test.conllu");
    let gum = ud.join("UD_English-GUM").join("en_gum-ud-test.conllu");
    if !ewt.exists() {
        assert!(
            !require_shared(),
            "EVENTWIRE_REQUIRE_SHARED=1 but {} is missing",
            ewt.display()
        );
        eprintln!("skipping: ../shared not found ({} missing)", ewt.display());
        return;
    }
    let model = builtin().expect("builtin model loads");
    let gold = conllu::read_file(&ewt).expect("EWT test reads");
    let scores = evaluate(model, &gold);
    println!("EWT test: {scores}");
    if gum.exists() {
        let gold = conllu::read_file(&gum).expect("GUM test reads");
        println!("GUM test (all genres): {}", evaluate(model, &gold));
    }
    assert!(scores.upos >= 0.950, "UPOS {:.4} below 0.950", scores.upos);
    assert!(scores.uas >= 0.870, "UAS {:.4} below 0.870", scores.uas);
    assert!(scores.las >= 0.830, "LAS {:.4} below 0.830", scores.las);
}
