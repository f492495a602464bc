#!/usr/bin/env bash
# Cross-validated figures for the sentiment model: for each of K folds, train on the other folds of
# VADER's three rated sets, run `byline run --plugins sentiment` with that model on the left-out texts,
# then score every set's out-of-fold records with shared/eval/sentiment.py. No text is ever scored by a
# model that saw it.
#
#   scripts/sentiment_cv.sh [BYLINE] [FOLDS] [OUT_DIR]
set -euo pipefail
BYLINE=${1:-target/release/byline}
FOLDS=${2:-5}
OUT=${3:-/tmp/byline-sentiment-cv}
DATA=../shared/data/vader
SETS="tweets movieReviewSnippets amazonReviewSnippets"
rm -rf "$OUT" && mkdir -p "$OUT"
for ((f = 0; f < FOLDS; f++)); do
  args=()
  for s in $SETS; do args+=(--truth "$DATA/${s}_GroundTruth.txt"); done
  "$BYLINE" train sentiment "${args[@]}" ${TRAIN_ARGS:-} --folds "$FOLDS" --fold "$f" --held-out "$OUT/fold$f" -o "$OUT/fold$f.model" 2>/dev/null
  for s in $SETS; do
    "$BYLINE" run --plugins sentiment --set sentiment.model="$OUT/fold$f.model" -q \
      "$OUT/fold$f/${s}_GroundTruth.jsonl" >> "$OUT/$s.jsonl"
  done
done
for s in $SETS; do
  echo "== $s (out of fold, $FOLDS folds)"
  python3 ../shared/eval/sentiment.py score "$DATA/${s}_GroundTruth.txt" "$OUT/$s.jsonl"
done
