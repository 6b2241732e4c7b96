#!/usr/bin/env bash
# Builds claimdex and runs the demo on the bundled sample site. Arguments go to `claimdex demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DCLAIMDEX_BUILD_TESTS=OFF -DCLAIMDEX_BUILD_BENCH=OFF
exec build/claimdex demo "$@"
