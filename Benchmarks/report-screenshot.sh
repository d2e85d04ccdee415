#!/usr/bin/env bash
# Renders an audit's HTML report in headless Chromium and saves a screenshot, to check
# that the self-contained report renders (charts, tables) as an auditor would see it.
#
#   Benchmarks/report-screenshot.sh [REPORT.html] [SHOT.png]
#
# Without a report it audits Examples/decisions/decisions.jsonl first. Needs Debian's
# `chromium` (apt-get install -y chromium). Prints the screenshot's path.
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-}
shot=${2:-/tmp/princip-report.png}
if [ -z "$report" ]; then
  report=/tmp/princip-report.html
  swift build --scratch-path "${SCRATCH:-.build}" --product princip >&2
  "$(swift build --scratch-path "${SCRATCH:-.build}" --show-bin-path)/princip" audit Examples/decisions/decisions.jsonl \
    --by quarter --report "$report" > /dev/null || [ $? -eq 4 ]
fi
command -v chromium > /dev/null || { echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 2; }
if grep -q 'http' "$report"; then echo "$report refers to a network address" >&2; exit 1; fi
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,3000 \
  --screenshot="$shot" "file://$(realpath "$report")" 2> /dev/null
[ -s "$shot" ] || { echo "no screenshot written" >&2; exit 1; }
echo "$shot"
