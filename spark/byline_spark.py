#!/usr/bin/env python3
"""Runs byline over a JSON Lines corpus on an Apache Spark cluster with RDD.pipe.

Each Spark task pipes its partition's lines (one JSON document per line) into
`byline run ... -` on the executor and gets one JSON record per line back, in order. The byline
binary and its plugin libraries travel with the job as an archive (spark/package.sh makes it):

    spark-submit --master yarn --archives byline-dist.tar.gz#byline \\
        spark/byline_spark.py --input hdfs:///corpus/ --output hdfs:///corpus-records/ \\
        --plugins entities,quotes,sentiment

See docs/spark.md. tests/spark/test_spark_pipe.py runs exactly this in local mode.
"""
import argparse
import os
import shlex


def byline_command(byline_dir, plugins, jobs, extra=()):
    """The command each task runs: byline reading standard input, writing records to standard
    output, with `jobs` worker threads (one per core Spark gives the task). Records that carry
    errors (a malformed line) are written and do not fail the task; a setup error (unknown
    plugin, missing library) exits 2 and does, through checkCode=True."""
    binary = os.path.join(byline_dir, "byline")
    args = [binary, "run", "--plugins", plugins, "--jobs", str(jobs), "--quiet",
            "--record-errors-ok", *extra, "-"]
    return " ".join(shlex.quote(a) for a in args)


def shipped_byline_dir(sc, alias="byline"):
    """Where the archive shipped with `--archives byline-dist.tar.gz#byline` was unpacked.

    On a cluster (YARN, Kubernetes, standalone), archives are unpacked into each executor's
    working directory, where the piped command runs: `./byline`. In local mode Spark unpacks
    them into its files directory instead, which SparkFiles names (the driver and the
    executor are one process on one machine there)."""
    if sc.master.startswith("local"):
        from pyspark import SparkFiles

        return SparkFiles.get(alias)
    return os.path.join(".", alias)


def annotate(sc, lines, plugins, byline_dir=None, extra=()):
    """The records of an RDD of JSON Lines documents, one per input line, in the same order."""
    jobs = int(sc.getConf().get("spark.task.cpus", "1"))
    command = byline_command(byline_dir or shipped_byline_dir(sc), plugins, jobs, extra)
    return lines.pipe(command, checkCode=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="JSON Lines file(s) or folder, any Hadoop path")
    parser.add_argument("--output", required=True, help="folder for the records (part-* files)")
    parser.add_argument("--plugins", default="entities,quotes,sentiment")
    parser.add_argument("--partitions", type=int, default=0,
                        help="minimum number of input partitions (default: Spark's)")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("byline").getOrCreate()
    sc = spark.sparkContext
    lines = sc.textFile(args.input, args.partitions or None)
    annotate(sc, lines, args.plugins).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
