#!/usr/bin/env bash
# The benchmark (`make bench`, after scripts/tools.sh): builds the release app and a synthetic
# 10,000-task build, times the import of 50 state files natively, then measures both builds in
# headless Chromium (tests/e2e/bench.mjs). Prints a table, writes bench/out/report.json and
# report.md, and exits non-zero when a budget is missed. Never writes dist/.
#
#   BENCH_PORT=8291 BENCH_LOADS=15 BENCH_CHANGES=60 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
OUT=bench/out
BUILD=target/bench
mkdir -p "$OUT"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "release build (scripts/release.sh → $BUILD/dist)"
scripts/release.sh --dist "$BUILD/dist" 2>&1 | tail -n 1

# A cargo target directory of its own: the feature would otherwise rebuild the app crate that
# `make dist` and the tests share.
step "synthetic 10,000-task build (--features synthetic-10k → $BUILD/dist-10k)"
GK_NO_OFFICE_PAGE=1 CARGO_TARGET_DIR=$BUILD/cargo-10k scripts/release.sh --features synthetic-10k \
  --dist "$BUILD/dist-10k" 2>&1 | tail -n 1

step "native import of 50 files × 139 entries (cargo run --release --example merge_bench)"
cargo run -q --release -p gk-core --example merge_bench -- 50 139 21 >"$OUT/native-merge.json"
cat "$OUT/native-merge.json"

step "Chromium: weight, load, filters, search, merge"
node tests/e2e/bench.mjs \
  --dist "$BUILD/dist" --dist-10k "$BUILD/dist-10k" \
  --native "$OUT/native-merge.json" --out "$OUT/report.json" \
  --port "${BENCH_PORT:-8291}" --loads "${BENCH_LOADS:-15}" --changes "${BENCH_CHANGES:-60}"
