#!/usr/bin/env bash
# Builds extract_bench (Release) and runs it: claimdex article extraction on one thread and on
# all cores, annotated extraction, and the readability-lxml baseline on the same pages; prints
# the summary table. Arguments go to extract_bench (--dir DIR, --rounds N, --threads N, ...).
#
#   bench/run_extract_bench.sh                      # the wcxb-dev pages
#   bench/run_extract_bench.sh --dir pages/ --rounds 5
#
# BUILD_DIR (default build-bench) is the CMake build directory used.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-bench}
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  echo "run_extract_bench: python3-readability is missing (scripts/install-deps.sh installs it);" \
       "the baseline will be skipped" >&2
  set -- "$@" --no-readability
fi
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCLAIMDEX_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" --target extract_bench -j"$(nproc)"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) core(s): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
"$BUILD_DIR/bench/extract_bench" "$@"
