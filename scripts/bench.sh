#!/usr/bin/env bash
# The benchmark (`make bench`, after scripts/tools.sh): builds the release app, a synthetic
# 10,000-task build and the plain-JavaScript reference page of both sizes (bench/reference/,
# never shipped), times the import of 50 state files natively, then measures the app and the
# reference in the same run in headless Chromium (tests/e2e/bench.mjs). Prints a table, writes
# bench/out/report.json and report.md, and exits non-zero when a budget is missed. Never writes
# dist/.
#
#   BENCH_PORT=8291 (and the next three) BENCH_LOADS=15 BENCH_CHANGES=60 scripts/bench.sh
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

# The plain-JavaScript reference page (bench/reference/README.md), never shipped: the page, the
# app's own CSS and icon, and the table as table.js (the real one, and the synthetic one of
# gk_core::bench::synthetic_table that the 10k build embeds).
step "reference page (bench/reference → $BUILD/ref, $BUILD/ref-10k)"
cargo run -q --release -p gk-core --example bench_reference -- table 10000 >"$BUILD/table-10k.json"
cargo run -q --release -p gk-core --example bench_reference -- expected >"$OUT/expected.json"
reference() {
  local dir=$1 json=$2
  rm -rf "$dir" && mkdir -p "$dir"
  cp bench/reference/index.html bench/reference/ref.js public/style.css \
    public/favicon.svg "$dir/"
  # JSON.parse of one string literal: the fastest way for V8 to read a large table.
  node -e 'const fs = require("fs");
    fs.writeFileSync(process.argv[2], "window.GK_TABLE = JSON.parse(" +
      JSON.stringify(fs.readFileSync(process.argv[1], "utf8").trim()) + ");\n");' "$json" "$dir/table.js"
  echo "$dir: $(ls "$dir" | tr '\n' ' ')"
}
reference "$BUILD/ref" data/tables/taian-2017.json
reference "$BUILD/ref-10k" "$BUILD/table-10k.json"

step "Chromium: weight, load, filters, search, merge; the app against the reference"
node tests/e2e/bench.mjs \
  --dist "$BUILD/dist" --dist-10k "$BUILD/dist-10k" \
  --ref "$BUILD/ref" --ref-10k "$BUILD/ref-10k" --expected "$OUT/expected.json" \
  --native "$OUT/native-merge.json" --out "$OUT/report.json" \
  --port "${BENCH_PORT:-8291}" --loads "${BENCH_LOADS:-15}" --changes "${BENCH_CHANGES:-60}"
