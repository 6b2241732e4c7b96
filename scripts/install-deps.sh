#!/usr/bin/env bash
# Installs the Debian 12 packages claimdex needs to build, test and run, if any are missing.
# As root it runs apt-get; otherwise it prints the exact command to run and exits 1.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config python3
  libcurl4-openssl-dev libgumbo-dev libicu-dev libxapian-dev xapian-tools
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev zlib1g-dev libssl-dev
  libpsl-dev libxml2-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libcpp-httplib-dev libfmt-dev libcld2-dev
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer with ASan and UBSan
  python3-readability       # bench/run_extract_bench.sh: the readability-lxml baseline
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "claimdex needs these Debian packages; install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
