#!/usr/bin/env bash
# Side-by-side throughput of byline and the Python stack people use today for the same job, on the
# same corpus and cores: byline with quotes,entities,sentiment, against spaCy en_core_web_sm NER,
# textacy direct quotations (on spaCy's full parse, which includes its NER) and vaderSentiment, via
# shared/peers/. Prints documents/s, MB/s and peak RSS for 1 and 2 workers, as medians of several
# runs (BYLINE_REPEAT of byline, REPEAT of each peer), and the byline/peer throughput ratio.
#
#   bench/run.sh [CORPUS_DIR] [REPEAT]          (from the repository root)
#
# Environment: BYLINE_REPEAT (default 7: byline's runs take seconds, and more of them steady its
# medians on a shared machine), NPROCS (default "1 2"), OUT (default /tmp/byline-bench),
# TABLE_ONLY=1 (print the table again from the measurements already in OUT, running nothing). The peers' virtualenv is made at
# ../peers-venv from shared/peers/requirements-lock.txt when it is missing. Peak RSS is the whole
# process tree's for the peers (their 2-worker runs are two processes) and byline's one process.
set -euo pipefail
CORPUS=${1:-../shared/data/bbc_news/bbc}
REPEAT=${2:-3}
BYLINE_REPEAT=${BYLINE_REPEAT:-7}
NPROCS=${NPROCS:-"1 2"}
OUT=${OUT:-/tmp/byline-bench}
VENV=../peers-venv
mkdir -p "$OUT"

bytes=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
docs=$(find "$CORPUS" -type f -name '*.txt' | wc -l)
echo "# corpus $CORPUS: $docs documents, $bytes bytes; $(nproc) cores; $BYLINE_REPEAT runs of byline, $REPEAT of each peer"
if [ -z "${TABLE_ONLY:-}" ]; then
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r ../shared/peers/requirements-lock.txt
  fi
  cargo build --release --workspace -q
  BYLINE=target/release/byline

  : > "$OUT/byline.tsv"
  # One- and two-worker runs alternate, so that a slower spell of a shared machine falls on both
  # and not on one side of the jobs ratio.
  for r in $(seq 1 "$BYLINE_REPEAT"); do
    for n in $NPROCS; do
      /usr/bin/time -v -o "$OUT/byline.j$n.r$r.time" \
        "$BYLINE" run --plugins quotes,entities,sentiment --jobs "$n" -q -o "$OUT/byline.j$n.jsonl" "$CORPUS"
      wall=$(grep "Elapsed (wall clock)" "$OUT/byline.j$n.r$r.time" | awk '{print $NF}' | awk -F: '{print ($1 * 60) + $2}')
      rss=$(grep "Maximum resident" "$OUT/byline.j$n.r$r.time" | awk '{print $NF}')
      printf '%s\t%s\t%s\n' "$n" "$wall" "$rss" >> "$OUT/byline.tsv"
    done
  done

  PY="$VENV/bin/python" PEERS="spacy_ner textacy_quotes vader_sent" NPROCS="$NPROCS" REPEAT="$REPEAT" \
    ../shared/peers/throughput.sh "$CORPUS" "$OUT/peers" > "$OUT/peers.txt"
fi

python3 - "$OUT" "$bytes" "$docs" <<'PYEOF'
import statistics, sys
out, nbytes, docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
byline = {}
for line in open(f"{out}/byline.tsv"):
    n, wall, rss = line.split()
    byline.setdefault(int(n), []).append((float(wall), int(rss)))
peers = {}
for line in open(f"{out}/peers.txt"):
    if line.startswith("#") or line.startswith("peer"):
        continue
    f = line.split()
    # wall_s, and treeRSS_MB: all the peer's processes together
    peers.setdefault((f[0], int(f[1])), []).append((float(f[4]), float(f[12])))
print(f"| workers | tool | wall s (median) | docs/s | MB/s | peak RSS MB | byline ÷ peer |")
print("|---|---|---:|---:|---:|---:|---:|")
for n in sorted(byline):
    bw = statistics.median(w for w, _ in byline[n])
    brss = max(r for _, r in byline[n]) / 1024
    print(f"| {n} | byline quotes,entities,sentiment | {bw:.2f} | {docs / bw:.0f} | {nbytes / 1e6 / bw:.2f} | {brss:.0f} | |")
    stack = 0.0
    for peer in ("spacy_ner", "textacy_quotes", "vader_sent"):
        runs = peers.get((peer, n))
        if not runs:
            continue
        w = statistics.median(x for x, _ in runs)
        rss = max(r for _, r in runs)
        if peer != "spacy_ner":
            stack += w
        print(f"| {n} | {peer} | {w:.2f} | {docs / w:.1f} | {nbytes / 1e6 / w:.3f} | {rss:.0f} | {w / bw:.0f}× |")
    if stack:
        print(f"| {n} | Python stack (textacy parse incl. NER + VADER) | {stack:.2f} | {docs / stack:.1f} | {nbytes / 1e6 / stack:.3f} | | **{stack / bw:.0f}×** |")
walls = {n: statistics.median(w for w, _ in runs) for n, runs in byline.items()}
if 1 in walls and 2 in walls:
    print(f"\nbyline --jobs 2 / --jobs 1 throughput: {walls[1] / walls[2]:.2f}x")
PYEOF
