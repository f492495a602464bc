#!/usr/bin/env python3
"""Fit the quotes plugin's attribution tagger with CRFsuite (L-BFGS, L1 + L2), on features written
by `train_tagger --dump-crfsuite`, and dump the model as text for `train_tagger --import-crfsuite`.

  python3 scripts/train_attribution_crf.py DATA DUMP.txt [--c1 0.05] [--c2 0.01] [--iterations 150]

Needs python-crfsuite (pinned in scripts/requirements-train.txt). Deterministic: L-BFGS has no
random state. See plugins/quotes/model/README.md for the whole recipe.
"""
import argparse
import os
import tempfile

import pycrfsuite


def sequences(path):
    xs, ys = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if ys:
                    yield xs, ys
                xs, ys = [], []
                continue
            label, *features = line.split("\t")
            ys.append(label)
            xs.append(features)
    if ys:
        yield xs, ys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data")
    ap.add_argument("dump")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    a = ap.parse_args()
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xs, ys in sequences(a.data):
        trainer.append(xs, ys)
        n += 1
    trainer.set_params({"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations,
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        model = os.path.join(tmp, "model.crfsuite")
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        tagger.dump(a.dump)
    print(f"{n} sequences; dumped to {a.dump}")


if __name__ == "__main__":
    main()
