#!/usr/bin/env bash
# Runs every test layer and prints each layer's counts. Called by `make test` (after scripts/tools.sh).
#   1. format and lint      cargo fmt --check, cargo clippy -D warnings (native and wasm32)
#   2. native               cargo test: importer rules, data integrity, the functional core
#   3. wasm in Chromium     wasm-bindgen-test in headless Chromium (storage, browser glue)
#   4. end to end           Playwright + Debian's Chromium against the release dist/ under /gk/
set -euo pipefail
cd "$(dirname "$0")/.."
LOGS=.tools/logs
mkdir -p "$LOGS"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

# Sums "N passed; M failed" from cargo's "test result:" lines.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { printf "%d %d\n", p, f }' "$1"
}

step "format and lint"
cargo fmt --all --check
cargo clippy -q -p gk-core -p gk-import -p gk-reader -p gk-xlsx --all-targets -- -D warnings
cargo clippy -q -p gk-app --target wasm32-unknown-unknown --all-targets -- -D warnings
# The long view is compiled only for long tables (the benchmark's): lint it too.
cargo clippy -q -p gk-app --target wasm32-unknown-unknown --features long-table -- -D warnings

step "native tests (cargo test)"
cargo test -p gk-core -p gk-import -p gk-reader -p gk-xlsx 2>&1 | tee "$LOGS/native.log"
read -r native_pass native_fail < <(cargo_counts "$LOGS/native.log")

step "wasm tests in headless Chromium (wasm-bindgen-test)"
cargo test -p gk-app --target wasm32-unknown-unknown 2>&1 | tee "$LOGS/wasm.log"
read -r wasm_pass wasm_fail < <(cargo_counts "$LOGS/wasm.log")

step "release build (scripts/release.sh)"
scripts/release.sh 2>&1 | tail -n 3

step "end-to-end tests (Playwright, Chromium, dist/ under /gk/)"
(cd tests/e2e && npx playwright test) 2>&1 | tee "$LOGS/e2e.log"
e2e_pass=$(sed -n 's/^ *\([0-9]\+\) passed.*/\1/p' "$LOGS/e2e.log" | tail -n 1)
e2e_fail=$(sed -n 's/^ *\([0-9]\+\) failed.*/\1/p' "$LOGS/e2e.log" | tail -n 1)

step "summary"
printf '%-22s %4s passed, %s failed\n' "native (cargo test)" "$native_pass" "$native_fail"
printf '%-22s %4s passed, %s failed\n' "wasm (Chromium)" "$wasm_pass" "$wasm_fail"
printf '%-22s %4s passed, %s failed\n' "end to end" "${e2e_pass:-0}" "${e2e_fail:-0}"
total_pass=$((native_pass + wasm_pass + ${e2e_pass:-0}))
total_fail=$((native_fail + wasm_fail + ${e2e_fail:-0}))
echo "total: $total_pass passed, $total_fail failed"
