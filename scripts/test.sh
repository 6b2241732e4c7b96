#!/usr/bin/env bash
# Builds claimdex with its tests and runs the whole suite under CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DCLAIMDEX_BUILD_TESTS=ON -DCLAIMDEX_BUILD_BENCH=ON -DCLAIMDEX_WERROR=ON
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
