#!/usr/bin/env bash
# Builds index_bench (Release) and runs it: claims/s through claimdex's indexer against raw Xapian
# add_document of the same documents, search latency p50/p99 (top-10 page, and with facets), a
# timeline over every claim, and the index size on disk, all in one run. Arguments go to
# index_bench (--claims N, default 1,000,000; --queries N; --dir DIR; --keep).
#
#   bench/run_index_bench.sh                    # one million claims (several minutes)
#   bench/run_index_bench.sh --claims 100000
#
# BUILD_DIR (default build-bench) is the CMake build directory used.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-bench}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCLAIMDEX_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" --target index_bench -j"$(nproc)"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) core(s): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
"$BUILD_DIR/bench/index_bench" "$@"
