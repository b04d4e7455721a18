#!/usr/bin/env bash
# The release build of both pages: `trunk build --release --offline "$@"` with the standard
# library rebuilt for size. `make dist`, `make test` and `make bench` build through here.
#
# Rust's prebuilt std carries the machinery that formats panic messages (core::fmt, Debug for
# str and char, locations, the hook). A release never shows a panic message to anyone: the
# page stops either way. Rebuilding std with `-Cpanic=immediate-abort` drops it: 18 kB less to
# download gzipped (README, "Performance"). These are unstable options of the pinned stable
# compiler, enabled with RUSTC_BOOTSTRAP=1; they need the rust-src component (scripts/tools.sh).
# Debug builds (`make serve`, the wasm tests) keep the ordinary std and the panic hook.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# RUSTFLAGS replaces .cargo/config.toml's rustflags, so `erase_components` is repeated here.
export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release --offline "$@"
