#!/usr/bin/env bash
# Builds claimdex with its tests and runs the whole suite under CTest, then a bounded libFuzzer
# run of every fuzz/*_fuzzer.cpp (clang build in build-fuzz; CLAIMDEX_FUZZ_SECONDS per target,
# default 20, 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DCLAIMDEX_BUILD_TESTS=ON -DCLAIMDEX_BUILD_BENCH=ON -DCLAIMDEX_WERROR=ON
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 600)
FUZZ_SECONDS=${CLAIMDEX_FUZZ_SECONDS:-20}
if [ "$FUZZ_SECONDS" -gt 0 ]; then
  scripts/fuzz.sh "$FUZZ_SECONDS"
fi
