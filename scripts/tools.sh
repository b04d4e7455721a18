#!/usr/bin/env bash
# Installs the pinned build and test tools, idempotently, into .tools/ (git-ignored).
# Each step checks what is there first and skips when the right version is present,
# so a second run takes seconds.
#
#   scripts/tools.sh build   # the pinned toolchain (rust-toolchain.toml), crates, trunk, wasm-bindgen-cli,
#                            # wasm-split-cli, wasm-opt
#   scripts/tools.sh test    # the above + Chromium, chromedriver, CJK fonts, poppler-utils,
#                            # LibreOffice Calc (headless), Node packages
#
# Versions are pinned here; wasm-bindgen-cli follows the `=` pin of the wasm-bindgen crate.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/.tools
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
ESBUILD_VERSION=0.25.12
# Splits the task table's wasm at its #[wasm_split] points (scripts/finish-page.mjs).
WASM_SPLIT_VERSION=0.2.4
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)
export PATH="$TOOLS/cargo/bin:$TOOLS/binaryen/node_modules/.bin:$TOOLS/esbuild/node_modules/.bin:$PATH"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

# rust-toolchain.toml names the toolchain, its wasm target and components; rustup installs
# whatever of it is missing (a no-op when all is there).
toolchain() {
  rustup toolchain install >/dev/null
}

# Every crate the build needs, into CARGO_HOME, before any `--offline` build (Trunk's): a
# fresh CARGO_HOME holds none of them.
crates() {
  cargo fetch --locked -q
}

trunk() {
  if [ "$(command trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then return; fi
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install --locked trunk --version "=$TRUNK_VERSION" --root "$TOOLS/cargo"
}

wasm_bindgen() {
  if [ -z "$WASM_BINDGEN_VERSION" ]; then
    echo "Cargo.toml must pin wasm-bindgen with '='" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
    command -v wasm-bindgen-test-runner >/dev/null; then return; fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: with it, a locked dependency is missing from the registry.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --root "$TOOLS/cargo"
}

# wasm-split-cli: the splitter that cargo-leptos runs for `--split`, as a command.
wasm_split() {
  if [ "$(cat "$TOOLS/cargo/.wasm-split-version" 2>/dev/null)" = "$WASM_SPLIT_VERSION" ] &&
    command -v wasm-split-cli >/dev/null; then return; fi
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute, once)"
  cargo install --locked wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" \
    --features build-binary --root "$TOOLS/cargo"
  echo "$WASM_SPLIT_VERSION" >"$TOOLS/cargo/.wasm-split-version"
}

wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then return; fi
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  mkdir -p "$TOOLS/binaryen"
  (cd "$TOOLS/binaryen" && [ -f package.json ] || echo '{"private":true}' >package.json)
  npm install --prefix "$TOOLS/binaryen" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
}

# Minifies the JavaScript glue of release builds (scripts/finish-page.mjs).
esbuild_() {
  if [ "$(esbuild --version 2>/dev/null)" = "$ESBUILD_VERSION" ]; then return; fi
  say "installing esbuild $ESBUILD_VERSION (npm)"
  mkdir -p "$TOOLS/esbuild"
  (cd "$TOOLS/esbuild" && [ -f package.json ] || echo '{"private":true}' >package.json)
  npm install --prefix "$TOOLS/esbuild" --no-audit --no-fund "esbuild@$ESBUILD_VERSION"
}

chromium() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
  # pdfinfo, pdftotext, pdftoppm: the print tests read back the PDFs Chromium prints.
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  # soffice: the Excel tests open the downloaded workbooks in LibreOffice and read each sheet.
  command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
  # Writer: the table reader's tests make their Word documents from HTML with LibreOffice.
  [ -e /usr/lib/libreoffice/program/libswlo.so ] || missing+=(libreoffice-writer-nogui)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing from Debian: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

node_packages() {
  # Playwright drives Debian's Chromium; it must never download a browser of its own.
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  local stamp=tests/e2e/node_modules/.installed-lock
  if [ -f "$stamp" ] && cmp -s tests/e2e/package-lock.json "$stamp"; then return; fi
  say "installing Node packages for the end-to-end tests"
  npm ci --prefix tests/e2e --no-audit --no-fund
  cp tests/e2e/package-lock.json "$stamp"
}

case "${1:-test}" in
build)
  toolchain
  crates
  trunk
  wasm_bindgen
  wasm_split
  wasm_opt
  esbuild_
  ;;
test)
  toolchain
  crates
  trunk
  wasm_bindgen
  wasm_split
  wasm_opt
  esbuild_
  chromium
  node_packages
  ;;
*)
  echo "usage: $0 [build|test]" >&2
  exit 2
  ;;
esac
