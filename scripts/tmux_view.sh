#!/usr/bin/env bash
# Run `xlate diff` in a real terminal (a detached tmux session), capture the screen and
# print it: a check that the rich view, its colours and its layout work on a terminal,
# not only in tests.
#
#   scripts/tmux_view.sh [REPORT.json] [xlate diff options...]
#
# Without a report it renders the test fixture (tests/report_fixtures.py) with
# --only-flagged. Environment: WIDTH (160) and HEIGHT (70) of the terminal, COLOR=1 to
# keep the colour codes in the capture, EXPECT=REGEX to fail unless the screen matches,
# PYTHON (python3). A view taller than the screen opens the pager; the capture shows
# its first page and the script quits it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
width=${WIDTH:-160}
height=${HEIGHT:-70}
session="xlate-view-$$"
tmp=$(mktemp -d)
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

command -v tmux >/dev/null || { echo "tmux_view: tmux is not installed" >&2; exit 1; }

if [[ $# -gt 0 && $1 != -* ]]; then
    report=$(realpath "$1")
    shift
    options=("$@")
else
    report="$tmp/report.json"
    (cd "$root" && "$python" tests/report_fixtures.py "$report")
    options=("${@:---only-flagged}")
fi

done_mark="__xlate_view_done__"
printf -v line '%q ' cd "$root"
printf -v run '%q ' "$python" -m xlate diff "$report" "${options[@]}"
tmux new-session -d -s "$session" -x "$width" -y "$height"
tmux send-keys -t "$session" "clear; ${line}&& ${run}; echo $done_mark" Enter

# Wait until the command has finished, or the pager shows a steady first page.
pager=$(basename "${PAGER:-less}")
previous=""
for _ in $(seq 1 150); do
    sleep 0.2
    screen=$(tmux capture-pane -p -t "$session")
    if grep -q "^$done_mark" <<<"$screen"; then
        break
    fi
    running=$(tmux display-message -p -t "$session" '#{pane_current_command}')
    if [[ $running == "${pager%% *}" && $screen == "$previous" ]]; then
        break
    fi
    previous=$screen
done

capture_options=(-p -t "$session")
[[ ${COLOR:-0} == 1 ]] && capture_options+=(-e)
screen=$(tmux capture-pane "${capture_options[@]}" | grep -v -e "$done_mark" || true)
tmux send-keys -t "$session" q 2>/dev/null || true
printf '%s\n' "$screen"

if [[ -n ${EXPECT:-} ]] && ! grep -Eq -- "$EXPECT" <<<"$screen"; then
    echo "tmux_view: the screen does not show /$EXPECT/" >&2
    exit 1
fi
