#!/usr/bin/env python3
"""End-to-end: byline on Spark (PySpark local mode, local[2]) gives the records a direct
`byline run` gives on the same input.

It runs exactly what docs/spark.md shows: spark/package.sh packs the binary and plugin libraries,
spark-submit ships the archive with --archives and runs spark/byline_spark.py, which pipes each
partition through `byline run ... -` with RDD.pipe(checkCode=True).

    python tests/spark/test_spark_pipe.py [BUILD_DIR]     (default target/debug)

Needs pyspark (tests/spark/requirements.txt) and Java; .ci/run installs both.
"""
import glob
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLUGINS = "entities,quotes,sentiment"


def corpus(path):
    """The fixture articles, 20 times each with distinct ids, a non-ASCII article, and one
    malformed line, whose error record must not fail the Spark task."""
    articles = sorted((ROOT / "tests/fixtures/articles").glob("*.txt"))
    lines = []
    for copy in range(20):
        for article in articles:
            doc = {"id": f"{copy}/{article.name}", "text": article.read_text(encoding="utf-8")}
            lines.append(json.dumps(doc, ensure_ascii=False))
    lines.append(json.dumps({"id": "zoe", "text": "Zoë Müller, the mayor of Zürich, said the plan was “a good one”."},
                            ensure_ascii=False))
    lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def without_positions(record):
    """A record with the positions of its errors dropped: Spark feeds each partition to its own
    byline process, so the line number of a malformed line (and the id made from its position)
    counts from the start of the partition, not of the file."""
    if record.get("errors"):
        record.pop("id", None)
        for error in record["errors"]:
            error.pop("line", None)
            error["message"] = re.sub(r"line \d+", "line N", error["message"])
    return record


def main():
    build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "target/debug").resolve()
    with tempfile.TemporaryDirectory(prefix="byline-spark-") as tmp:
        tmp = pathlib.Path(tmp)
        archive = tmp / "byline-dist.tar.gz"
        subprocess.run([str(ROOT / "spark/package.sh"), str(build), str(archive)], check=True)
        input_path = tmp / "corpus.jsonl"
        count = corpus(input_path)

        with open(input_path, "rb") as stdin:
            direct = subprocess.run(
                [str(build / "byline"), "run", "--plugins", PLUGINS, "--quiet", "-"],
                stdin=stdin, capture_output=True, check=False)
        assert direct.returncode == 1, f"one record has an error: {direct.stderr.decode()}"
        expected = [json.loads(line) for line in direct.stdout.decode("utf-8").splitlines()]

        output = tmp / "records"
        spark_submit = pathlib.Path(sys.executable).parent / "spark-submit"
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
        subprocess.run(
            [str(spark_submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN",
             "--archives", f"{archive}#byline", str(ROOT / "spark/byline_spark.py"),
             "--input", str(input_path), "--output", str(output), "--plugins", PLUGINS,
             "--partitions", "4"],
            check=True, env=env)
        parts = sorted(glob.glob(str(output / "part-*")))
        assert len(parts) >= 4, f"expected at least 4 partitions, got {parts}"
        got = [json.loads(line) for part in parts
               for line in open(part, encoding="utf-8") if line.strip()]

        assert len(got) == count == len(expected), (len(got), count, len(expected))
        assert any(r["errors"] for r in got), "the malformed line has its error record"
        for a, b in zip(got, expected):
            assert without_positions(a) == without_positions(b), (a["id"], b["id"])
        print(f"spark test: {len(got)} records from {len(parts)} partitions on local[2] "
              f"equal those of a direct byline run")


if __name__ == "__main__":
    main()
