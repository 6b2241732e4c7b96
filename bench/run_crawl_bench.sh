#!/usr/bin/env bash
# Builds crawl_bench (Release) and runs it twice: the throughput comparison (crawler vs a bare
# libcurl multi loop vs gzip on all cores, on a generated site of 100 loopback hosts with
# ~100 KB pages) and the memory check (a frontier of one million URLs). Arguments go to the
# throughput run (--hosts N, --pages N, --kb N, --level N, --threads N).
#
#   bench/run_crawl_bench.sh
#   bench/run_crawl_bench.sh --hosts 200 --pages 20
#
# BUILD_DIR (default build-bench) is the CMake build directory used; FRONTIER (default 1000000)
# the frontier size of the memory check (0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-bench}
FRONTIER=${FRONTIER:-1000000}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCLAIMDEX_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" --target crawl_bench -j"$(nproc)"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) core(s): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$BUILD_DIR/bench/crawl_bench" "$@"
if [ "$FRONTIER" != 0 ]; then
  echo "== memory: a frontier of $FRONTIER URLs"
  "$BUILD_DIR/bench/crawl_bench" --frontier "$FRONTIER"
fi
