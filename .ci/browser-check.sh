#!/usr/bin/env bash
# The browser check of `borderkg serve`: installs headless Chromium (Debian package `chromium`) when
# missing, serves a freshly built store, and runs .ci/browser_check.py against it: home, an actor,
# an event, the report and a saved query at 1280 and 390 px, screenshots in SCREENSHOT_DIR (default
# target/screenshots), no page wider than its viewport, no broken link.
#
#   .ci/browser-check.sh [SCREENSHOT_DIR]
set -euo pipefail
source "$(dirname "$0")/browser-prelude.sh"
sources=()
if [ -n "${BORDERKG_SOURCES:-}" ]; then sources=(--sources "$BORDERKG_SOURCES"); fi
"$borderkg" --store "$work/store" serve --bind 127.0.0.1:0 "${sources[@]}" >"$work/serve.out" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  grep -q 'http://' "$work/serve.out" && break
  kill -0 "$pid" 2>/dev/null || { echo "borderkg serve did not start" >&2; exit 1; }
  sleep 0.2
done
python3 .ci/browser_check.py "$(grep -o 'http://[^ ]*' "$work/serve.out" | head -1)" "$shots"
