#!/usr/bin/env python3
"""Fits the quotes plugin's confidence model (plugins/quotes/model/confidence.tsv): a logistic
regression that estimates, from what a record shows of a quote, the probability that it is right
-- that an annotated attribution has content overlapping it by a Jaccard index of 0.5 or more (the
shared scorer's pairing) and the same speaker (the scorer's test), or no source.

    python3 scripts/fit_quote_confidence.py fit SPLIT RAW.jsonl OUT.tsv
    python3 scripts/fit_quote_confidence.py score SPLIT RAW.jsonl [MODEL.tsv]
    python3 scripts/fit_quote_confidence.py check RAW.jsonl CALIBRATED.jsonl [MODEL.tsv]

RAW.jsonl: records of `byline run --plugins entities,quotes --set quotes.confidence=rules` (the
rules' and the tagger's own scores); for `fit`, PolNeAR train with every article tagged by a
tagger that never saw it (plugins/quotes/model/README.md). `score` prints the AUC and the Brier
score of both confidences and a reliability table; `check` asserts that byline's calibrated
records hold the probabilities this script computes from the raw ones (the features here and in
plugins/quotes/src/confidence.rs are the same). Needs numpy (scripts/requirements-train.txt).
"""
import json
import math
import os
import re
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))

MODEL = os.path.join(os.path.dirname(__file__), "..", "plugins", "quotes", "model", "confidence.tsv")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their"}
SAY = {"said", "says", "say", "told", "added", "according to", "saying", "tells"}
# The L2 penalty, chosen by five-fold cross-validation on train's quotes (mean log loss 0.6118
# for 1 and 10, 0.6123 for 30, 0.6141 for 100, 0.6186 for 300).
L2 = 1.0


def score_band(score):
    h = math.floor(score * 100 + 0.5)
    if h < 40:
        return "<.4"
    if h < 60:
        return "<.6"
    if h < 70:
        return "<.7"
    if h == 70:
        return "=.7"
    if h < 80:
        return "<.8"
    if h < 90:
        return "<.9"
    return ">=.9"


def length_band(n):
    return "1-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21-40" if n <= 40 else ">40"


def features(q):
    """The feature names of a quote of a record (as confidence.rs makes them)."""
    band = score_band(q["confidence"])
    f = ["bias", "kind=" + q["kind"], "conf" + band, "kind+conf=" + q["kind"] + band]
    s = q.get("speaker")
    if not s:
        f.append("spk=none")
    else:
        f.append("spk=" + s["kind"])
        if s["text"].lower() in PRONOUNS:
            f.append("spk=pronoun")
        if s.get("role"):
            f.append("spk+role")
        if s.get("affiliation"):
            f.append("spk+aff")
        if s.get("name") is not None and s["name"] != s["text"]:
            f.append("spk+resolved")
    cue = (q.get("cue") or {}).get("text")
    if cue is None:
        f.append("cue=none")
    else:
        cue = cue.lower()
        if cue in SAY:
            f.append("cue=say")
        if " " in cue:
            f.append("cue=multi")
    f.append("len=" + length_band(len(q["text"].split())))
    if q.get("via"):
        f.append("via")
    if q.get("addressee"):
        f.append("addr")
    return f


def speaker_right(qp, text, gold, q):
    """The shared scorer's speaker test."""
    if not gold["source"]:
        return True
    s = q.get("speaker")
    if not s:
        return False
    if qp.charset(gold["source"]) & set(range(s.get("start", -1), s.get("end", -1))):
        return True
    words = re.findall(r"\w+", " ".join(text[a:b] for a, b in gold["source"]))
    name = (s.get("name") or s.get("text") or "").lower()
    return bool(words) and words[-1].lower() in re.findall(r"\w+", name)


def labelled(split, raw_path):
    """(features, right, raw score) of every quote of the records."""
    import quotes_polnear as qp
    docs = qp.load_gold(split)
    rows = []
    with open(raw_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text, golds = docs[rec["id"]]
            for q in rec.get("quotes") or []:
                s = qp.content_set(text, [(q["start"], q["end"])])
                best, best_j = None, 0.0
                for g in golds:
                    inter = len(g["set"] & s)
                    if inter and inter / len(g["set"] | s) > best_j:
                        best, best_j = g, inter / len(g["set"] | s)
                right = best_j >= 0.5 and speaker_right(qp, text, best, q)
                rows.append((features(q), int(right), q["confidence"]))
    return rows


def load_model(path):
    weights = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, w = line.rstrip("\n").split("\t")
            weights[name] = float(w)
    return weights


def probability(weights, feats):
    return 1.0 / (1.0 + math.exp(-sum(weights.get(n, 0.0) for n in feats)))


def auc(scores, labels):
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    return (sum(r for r, y in zip(ranks, labels) if y) - pos * (pos + 1) / 2) / (pos * neg)


def fit(split, raw_path, out_path):
    rows = labelled(split, raw_path)
    names = sorted({n for f, _, _ in rows for n in f})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, (f, _, _) in enumerate(rows):
        for n in f:
            x[r, index[n]] = 1.0
    y = np.array([right for _, right, _ in rows], dtype=float)
    w = np.zeros(len(names))
    # Gradient descent on the mean log loss with a light L2 penalty; deterministic.
    for _ in range(3000):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        w -= (x.T @ (p - y) + L2 * w) / len(y)
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# byline quotes plugin: confidence model (scripts/fit_quote_confidence.py fit)\n")
        out.write(f"# fitted on {len(rows)} quotes of {os.path.basename(os.path.normpath(split))}, {int(y.sum())} right\n")
        for n, v in zip(names, w):
            out.write(f"{n}\t{v:.6f}\n")
    print(f"{len(rows)} quotes, {int(y.sum())} right; {len(names)} features written to {out_path}")


def score(split, raw_path, model_path):
    weights = load_model(model_path)
    rows = labelled(split, raw_path)
    y = [right for _, right, _ in rows]
    raw = [s for _, _, s in rows]
    # As the record writes it: to hundredths, halves away from zero.
    cal = [math.floor(probability(weights, f) * 100 + 0.5) / 100 for f, _, _ in rows]
    print(f"{len(rows)} quotes, {sum(y)} right ({100 * sum(y) / len(y):.1f}%)")
    for label, s in (("rules' and tagger's scores", raw), ("calibrated confidence", cal)):
        brier = sum((a - b) ** 2 for a, b in zip(s, y)) / len(y)
        print(f"{label:28} AUC {auc(s, y):.3f}  Brier {brier:.4f}")
    print("calibrated confidence band: quotes, mean confidence, share right")
    for band in range(10):
        # Bands by hundredths, as `byline eval quotes --by-confidence` counts them (1.0 in the last).
        sel = [(c, r) for c, r in zip(cal, y) if min(math.floor(c * 100 + 0.5) // 10, 9) == band]
        if sel:
            print(f"  [{band / 10:.1f}, {(band + 1) / 10:.1f}): {len(sel):6d}  {sum(c for c, _ in sel) / len(sel):.2f}  {sum(r for _, r in sel) / len(sel):.2f}")


def check(raw_path, calibrated_path, model_path):
    weights = load_model(model_path)
    n = worst = 0
    with open(raw_path, encoding="utf-8") as a, open(calibrated_path, encoding="utf-8") as b:
        for la, lb in zip(a, b):
            ra, rb = json.loads(la), json.loads(lb)
            assert ra["id"] == rb["id"], (ra["id"], rb["id"])
            qa, qb = ra.get("quotes") or [], rb.get("quotes") or []
            assert len(qa) == len(qb), ra["id"]
            for x, y in zip(qa, qb):
                p = math.floor(probability(weights, features(x)) * 100 + 0.5) / 100
                worst = max(worst, abs(p - y["confidence"]))
                n += 1
    print(f"{n} quotes; largest difference {worst:.3f}")
    if worst > 0.0101:
        sys.exit("the plugin's confidences differ from this script's")


if __name__ == "__main__":
    a = sys.argv[1:]
    if len(a) == 4 and a[0] == "fit":
        fit(a[1], a[2], a[3])
    elif len(a) in (3, 4) and a[0] == "score":
        score(a[1], a[2], a[3] if len(a) == 4 else MODEL)
    elif len(a) in (3, 4) and a[0] == "check":
        check(a[1], a[2], a[3] if len(a) == 4 else MODEL)
    else:
        sys.exit(__doc__)
