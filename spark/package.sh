#!/usr/bin/env bash
# Packs the byline binary and every plugin library of a build into one archive for a cluster job
# (spark-submit --archives byline-dist.tar.gz#byline, hadoop streaming -archives ...).
#
#   spark/package.sh [BUILD_DIR] [ARCHIVE]      (defaults: target/release, byline-dist.tar.gz)
#
# The executors must be able to run what the build machine built: same CPU architecture and a
# glibc at least as new (build on the cluster's oldest OS image when in doubt).
set -euo pipefail
BUILD=${1:-target/release}
ARCHIVE=${2:-byline-dist.tar.gz}
shopt -s nullglob
libs=("$BUILD"/libbyline_plugin_*.so "$BUILD"/libbyline_plugin_*.dylib)
if [ ! -x "$BUILD/byline" ] || [ ${#libs[@]} -eq 0 ]; then
  echo "spark/package.sh: no byline binary and plugin libraries in $BUILD; run 'cargo build --release --workspace' first" >&2
  exit 2
fi
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp "$BUILD/byline" "${libs[@]}" "$staging/"
tar -czf "$ARCHIVE" -C "$staging" .
echo "wrote $ARCHIVE: byline and ${#libs[@]} plugin libraries"
