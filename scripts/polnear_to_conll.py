#!/usr/bin/env python3
"""Turn PolNeAR (brat standoff) into CoNLL files for `byline train entities`, tokenised by byline itself.

  python3 scripts/polnear_to_conll.py BYLINE SPLIT_DIR OUT.conll [--every N --keep K]

BYLINE is the byline executable (its `tokenize` command gives the tokens the quotes plugin will see);
SPLIT_DIR holds text/*.txt and attributions/*.ann (where an article has several .ann files the
alphabetically first is used, as in shared/eval/quotes_polnear.py). Each paragraph becomes one sequence;
each token is tagged B-/I- CONTENT, CUE or SOURCE by the attribution spans it overlaps (PolNeAR gives
every token at most one role), O otherwise. With --every N --keep K only articles whose index modulo N
is in K (comma-separated) are written, to hold some out for choosing epochs.
"""
import json
import os
import re
import subprocess
import sys

ROLES = {"Content": "CONTENT", "Content2": "CONTENT", "Cue": "CUE", "Source": "SOURCE"}


def read_ann(path):
    spans, roles = {}, {}
    current = None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if re.match(r"^T\d+\t", line):
            tid, rest = line.split("\t")[:2]
            offsets = rest.split(" ", 1)[1]
            spans[tid] = [tuple(map(int, p.split())) for p in offsets.split(";")]
        elif re.match(r"^E\d+\t", line):
            for part in line.split("\t", 1)[1].split():
                role, tid = part.split(":")
                if role in ROLES:
                    roles[tid] = ROLES[role]
    return [(roles[t], frag) for t, frags in spans.items() if t in roles for frag in frags]


def main(byline, split, out, every=None, keep=None):
    tdir, adir = os.path.join(split, "text"), os.path.join(split, "attributions")
    anns = {}
    for fn in sorted(os.listdir(adir)):
        if fn.endswith(".ann"):
            anns.setdefault(fn.rsplit("_", 1)[0], fn)
    articles = sorted(anns)
    if every:
        articles = [a for i, a in enumerate(articles) if i % every in keep]
    texts = {a: open(os.path.join(tdir, a + ".txt"), encoding="utf-8").read() for a in articles}
    docs = "".join(json.dumps({"id": a, "text": texts[a]}) + "\n" for a in articles)
    tokenised = subprocess.run([byline, "tokenize", "-"], input=docs, capture_output=True, text=True, check=True)
    with open(out, "w", encoding="utf-8") as f:
        for line in tokenised.stdout.splitlines():
            rec = json.loads(line)
            text = texts[rec["id"]]
            role_of = {}
            for role, (a, b) in read_ann(os.path.join(adir, anns[rec["id"]])):
                for k in range(a, b):
                    role_of[k] = (role, a)
            f.write("-DOCSTART- -X- O O\n\n")
            tokens = rec["tokens"]
            t = 0
            for ps, pe in rec["paragraphs"]:
                previous = None
                wrote = False
                while t < len(tokens) and tokens[t][1] <= pe:
                    s, e = tokens[t]
                    t += 1
                    if s < ps:
                        continue
                    hit = next((role_of[k] for k in range(s, e) if k in role_of), None)
                    if hit is None:
                        tag, previous = "O", None
                    else:
                        tag = ("I-" if previous == hit else "B-") + hit[0]
                        previous = hit
                    f.write(f"{text[s:e]} _ _ {tag}\n")
                    wrote = True
                if wrote:
                    f.write("\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) not in (3, 7):
        sys.exit(__doc__)
    if len(args) == 7:
        main(args[0], args[1], args[2], int(args[4]), {int(k) for k in args[6].split(",")})
    else:
        main(*args)
