#!/usr/bin/env bash
# make bench: runs every benchmark built in the bench build folder and prints its figures.
# Benchmarks need ../shared/data (the Wikinews corpus); without it they say so and stop.
set -euo pipefail
BUILD=${1:-build-bench}
if [ ! -d ../shared/data/wikinews ]; then
  echo "bench: ../shared/data is absent (a fresh clone): nothing to measure"
  exit 0
fi
status=0
for b in "$BUILD"/bench/*/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b") =="
  "$b" || status=1
done
exit $status
