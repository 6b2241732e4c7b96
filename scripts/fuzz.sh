#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + coverage) in build-fuzz and runs each
# for a bounded time from its seed corpus in fuzz/corpus/<target>/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default: 30 s each, every fuzz/*_fuzzer.cpp
#
# New corpus entries go to build-fuzz/corpus/<target>/ (the seeds in the tree stay small);
# a crash, leak or timeout leaves its reproducer in build-fuzz/artifacts/<target>/ and makes the
# script exit 1 after the other targets have run. Re-run one with:
#   build-fuzz/fuzz/<target> build-fuzz/artifacts/<target>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-30}
shift || true
BUILD_DIR=${BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-$(nproc)}

if [ $# -gt 0 ]; then
  TARGETS=("$@")
else
  TARGETS=()
  for f in fuzz/*_fuzzer.cpp; do TARGETS+=("$(basename "$f" .cpp)"); done
fi

cmake -S . -B "$BUILD_DIR" -DCMAKE_CXX_COMPILER=clang++ -DCLAIMDEX_FUZZ=ON \
  -DCLAIMDEX_BUILD_TESTS=OFF -DCLAIMDEX_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" >/dev/null
cmake --build "$BUILD_DIR" --target "${TARGETS[@]}" -j"$JOBS"

failed=()
for t in "${TARGETS[@]}"; do
  corpus="$BUILD_DIR/corpus/$t"
  artifacts="$BUILD_DIR/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log="$BUILD_DIR/$t.log"
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s (log $log)"
  # New inputs go to the first corpus directory; the seeds are read only.
  if "$BUILD_DIR/fuzz/$t" "$corpus" "fuzz/corpus/$t" \
      -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
    runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    echo "fuzz: $t ok: ${runs:-?}s, ${cov:-no coverage line}"
  else
    echo "fuzz: $t FAILED; reproducer in $artifacts/:" >&2
    ls "$artifacts" >&2 || true
    grep -E -m5 'ERROR|SUMMARY|runtime error|Test unit written' "$log" >&2 || true
    failed+=("$t")
  fi
done
echo "fuzz: $(( ${#TARGETS[@]} - ${#failed[@]} )) passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in ${failed[*]}" >&2
  exit 1
fi
