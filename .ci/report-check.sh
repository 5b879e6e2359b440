#!/usr/bin/env bash
# The browser check of the standalone HTML report: installs headless Chromium (Debian package
# `chromium`) when missing, builds a store, writes `borderkg report --format html` and runs
# .ci/report_check.py on it: 1400 and 390 px wide, no horizontal overflow, central-actors cells at
# least 40 px wide, screenshots in SCREENSHOT_DIR (default target/screenshots).
#
#   .ci/report-check.sh [SCREENSHOT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${1:-target/screenshots}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium >/dev/null
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/borderkg/target}"
cargo build --release --quiet
borderkg="$CARGO_TARGET_DIR/release/borderkg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$borderkg" --store "$work/store" build >/dev/null
"$borderkg" --store "$work/store" report -o "$work/report.html"
python3 .ci/report_check.py "$work/report.html" "$shots"
