#!/usr/bin/env bash
# Retrains the committed syntax model models/syntax.ewsyn from the UD treebanks in SHARED
# (default ../shared relative to the repository root). Deterministic: same data, same bytes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$root/../shared}"
prune="${SYNTAX_PRUNE:-0}"
cd "$root"
cargo build --release -p eventwire-syntax --examples
target="${CARGO_TARGET_DIR:-$root/target}/release/examples"
tmp="$(mktemp -d)"
SYNTAX_TAGGER_EPOCHS=8 SYNTAX_PARSER_EPOCHS="${SYNTAX_PARSER_EPOCHS:-14}" SYNTAX_BEAM="${SYNTAX_BEAM:-8}" \
  "$target/train_syntax" "$shared" "$tmp/raw.ewsyn"
SYNTAX_PRUNE="$prune" SYNTAX_SAVE="$root/models/syntax.ewsyn" "$target/eval_syntax" "$tmp/raw.ewsyn" \
  "$shared/data/ud/UD_English-EWT/en_ewt-ud-dev.conllu"
rm -rf "$tmp"
