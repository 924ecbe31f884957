#!/usr/bin/env bash
# Retrains the committed syntax model models/syntax.ewsyn from the UD treebanks in SHARED
# (default ../shared relative to the repository root) with the standard recipe of
# eventwire_syntax::TrainConfig::standard. Deterministic: same data and settings, same bytes.
# Environment overrides: SYNTAX_BEAM, SYNTAX_DECODE_BEAM, SYNTAX_PARSER_EPOCHS, SYNTAX_TAGGER_EPOCHS,
# SYNTAX_PRUNE_TAGGER, SYNTAX_PRUNE_PARSER.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$root/../shared}"
cd "$root"
cargo build --release -p eventwire-syntax --examples
target="${CARGO_TARGET_DIR:-$root/target}/release/examples"
"$target/train_syntax" "$shared" "$root/models/syntax.ewsyn"
"$target/eval_syntax" "$root/models/syntax.ewsyn" \
  "$shared/data/ud/UD_English-EWT/en_ewt-ud-test.conllu" \
  "$shared/data/ud/UD_English-GUM/en_gum-ud-test.conllu"
