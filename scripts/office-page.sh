#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): builds the office page (汇总与导入, public/office.html,
# binary gk-office) into the task table's staging directory as office/, so that every
# `trunk build` and `trunk serve` makes both pages. Trunk runs the hook for the nested build
# too; it does nothing there.
set -euo pipefail
case "${TRUNK_HTML_FILE:-}" in
  */office.html) exit 0 ;;
esac
# The benchmark's synthetic build has no use for it (scripts/bench.sh).
[ -n "${GK_NO_OFFICE_PAGE:-}" ] && exit 0
profile=()
[ "${TRUNK_PROFILE:-debug}" = release ] && profile=(--release)
exec trunk build public/office.html --offline --dist "$TRUNK_STAGING_DIR/office" "${profile[@]}"
