#!/usr/bin/env python3
"""Builds a large JSON Lines corpus for the memory test: COPIES copies of every article of a folder
of .txt files, each with its own id ("<copy>/<path>"), so no two records are alike in id.

    python3 bench/big_corpus.py ../shared/data/bbc_news/bbc 200 /tmp/bbc-x200.jsonl

200 copies of the BBC corpus (5.04 MB) make about 1.1 GB of JSON Lines.
"""
import json
import pathlib
import sys


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    folder, copies, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    articles = []
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        articles.append((str(path.relative_to(folder)), text))
    if not articles:
        sys.exit(f"no .txt files under {folder}")
    with open(out, "w", encoding="utf-8") as f:
        for copy in range(copies):
            for name, text in articles:
                f.write(json.dumps({"id": f"{copy}/{name}", "text": text}) + "\n")


if __name__ == "__main__":
    main()
