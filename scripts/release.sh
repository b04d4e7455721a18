#!/usr/bin/env bash
# The release build of both pages, on the pinned stable toolchain (rust-toolchain.toml):
# `trunk build --release --offline "$@"`. `make dist`, `make test` and `make bench` build
# through here. --offline: Trunk uses the pinned tools on PATH and cargo the crates that
# scripts/tools.sh fetched; nothing is downloaded during a build.
set -euo pipefail
cd "$(dirname "$0")/.."
exec trunk build --release --offline "$@"
