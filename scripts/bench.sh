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
# app's own CSS and icon, and its table. For the real table, the deployment's table files
# (data/tables/, as dist/tables/) in tables/: the page reads tables/taian-2017.json at run time,
# as the app reads a table of its list. For the 10,000-task table, the synthetic one of
# gk_core::bench::synthetic_table that the 10k build embeds, as table.js (the page reads
# window.GK_TABLE and fetches nothing).
step "reference page (bench/reference → $BUILD/ref, $BUILD/ref-10k)"
cargo run -q --release -p gk-core --example bench_reference -- table 10000 >"$BUILD/table-10k.json"
cargo run -q --release -p gk-core --example bench_reference -- expected >"$OUT/expected.json"
reference() {
  local dir=$1
  rm -rf "$dir" && mkdir -p "$dir"
  cp bench/reference/index.html bench/reference/ref.js public/style.css \
    public/favicon.svg "$dir/"
}
reference "$BUILD/ref"
cp -r data/tables "$BUILD/ref/tables"
echo "$BUILD/ref: $(ls "$BUILD/ref" | tr '\n' ' ')(tables/: $(ls "$BUILD/ref/tables" | tr '\n' ' '))"
reference "$BUILD/ref-10k"
# JSON.parse of one string literal: the fastest way for V8 to read a large table. The page
# loads table.js before ref.js, and preloads no table file.
node -e 'const fs = require("fs");
  const [json, dir] = process.argv.slice(1);
  fs.writeFileSync(dir + "/table.js", "window.GK_TABLE = JSON.parse(" +
    JSON.stringify(fs.readFileSync(json, "utf8").trim()) + ");\n");
  const html = fs.readFileSync(dir + "/index.html", "utf8");
  const out = html.replace(/^ *<link rel="preload"[^\n]*\n/m, "")
    .replace(/<script src="ref\.js" defer><\/script>/, "<script src=\"table.js\" defer></script>\n  $&");
  if (out === html || !out.includes("table.js") || out.includes("preload")) throw new Error("index.html: no preload or ref.js script to replace");
  fs.writeFileSync(dir + "/index.html", out);' "$BUILD/table-10k.json" "$BUILD/ref-10k"
echo "$BUILD/ref-10k: $(ls "$BUILD/ref-10k" | tr '\n' ' ')"

step "Chromium: weight, load, filters, search, merge; the app against the reference"
node tests/e2e/bench.mjs \
  --dist "$BUILD/dist" --dist-10k "$BUILD/dist-10k" \
  --ref "$BUILD/ref" --ref-10k "$BUILD/ref-10k" --expected "$OUT/expected.json" \
  --native "$OUT/native-merge.json" --out "$OUT/report.json" \
  --port "${BENCH_PORT:-8291}" --loads "${BENCH_LOADS:-15}" --changes "${BENCH_CHANGES:-60}"
