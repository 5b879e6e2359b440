#!/usr/bin/env bash
# The browser check of the standalone HTML report: installs headless Chromium (Debian package
# `chromium`) when missing, builds a store, writes `borderkg report --format html` and runs
# .ci/report_check.py on it: 1400 and 390 px wide, no horizontal overflow, central-actors cells at
# least 40 px wide, screenshots in SCREENSHOT_DIR (default target/screenshots).
#
#   .ci/report-check.sh [SCREENSHOT_DIR]
set -euo pipefail
source "$(dirname "$0")/browser-prelude.sh"
trap 'rm -rf "$work"' EXIT
"$borderkg" --store "$work/store" report -o "$work/report.html"
python3 .ci/report_check.py "$work/report.html" "$shots"
