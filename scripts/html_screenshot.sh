#!/usr/bin/env bash
# Render an HTML report in headless Chromium, save a screenshot, and fail on console
# errors or on any attempt to load something (the report must be self-contained).
#
#   scripts/html_screenshot.sh [REPORT.html|REPORT.json] [SHOT.png]
#
# A .json report is first turned into HTML with `xlate report --html`; without an
# argument the test fixture (tests/report_fixtures.py) is used. Needs Debian's
# `chromium` (apt-get install -y chromium); not part of CI.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
input=${1:-}
shot=$(realpath -m "${2:-report.png}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n $browser ]] || { echo "html_screenshot: chromium is not installed" >&2; exit 1; }

if [[ -z $input ]]; then
    (cd "$root" && "$python" tests/report_fixtures.py "$tmp/report.json")
    input="$tmp/report.json"
fi
if [[ $input == *.json ]]; then
    "$python" -m xlate report "$input" --html "$tmp/report.html"
    input="$tmp/report.html"
fi
page=$(realpath "$input")

# Nothing may be fetched: no remote src/href, no url() or @import in the CSS.
if grep -Eio '(src|href|action)="(https?:)?//[^"]*"|url\(|@import' "$page" >"$tmp/remote"; then
    echo "html_screenshot: the page refers to outside resources:" >&2
    cat "$tmp/remote" >&2
    exit 1
fi

log="$tmp/chromium.log"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
    --screenshot="$shot" --window-size=1400,2000 "file://$page" 2>"$log" || {
    echo "html_screenshot: chromium failed:" >&2
    tail -20 "$log" >&2
    exit 1
}
[[ -s $shot ]] || { echo "html_screenshot: no screenshot written" >&2; exit 1; }

# Console messages, script errors, and resources blocked by the page's CSP or not found.
if grep -E "Uncaught|CONSOLE|console|Refused to|ERR_FILE_NOT_FOUND|net::ERR" "$log" >"$tmp/problems"; then
    echo "html_screenshot: the page logged problems:" >&2
    cat "$tmp/problems" >&2
    exit 1
fi
echo "html_screenshot: $shot ($(stat -c %s "$shot") bytes), no console errors"
