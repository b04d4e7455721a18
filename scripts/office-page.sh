#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): builds the office page (汇总与导入, public/office.html,
# binary gk-office) and the 导入任务表 page (public/reader.html, binary gk-reader-page) into the
# task table's staging directory as office/ and reader/, so that every `trunk build` and
# `trunk serve` makes all three pages. Trunk runs the hook for the nested builds too; it does
# nothing there.
set -euo pipefail
case "${TRUNK_HTML_FILE:-}" in
  */office.html | */reader.html) exit 0 ;;
esac
# The benchmark's synthetic build has no use for it (scripts/bench.sh).
[ -n "${GK_NO_OFFICE_PAGE:-}" ] && exit 0
profile=()
[ "${TRUNK_PROFILE:-debug}" = release ] && profile=(--release)
trunk build public/office.html --offline --dist "$TRUNK_STAGING_DIR/office" "${profile[@]}"
exec trunk build public/reader.html --offline --dist "$TRUNK_STAGING_DIR/reader" "${profile[@]}"
