#!/usr/bin/env bash
# Offscreen smoke start of the real ticket-backoffice: it starts its local server on a
# fresh data folder, signs in, shows the first rows, prints startup_ms and quits; the
# local server must be gone afterwards.
set -euo pipefail
exe=$1
dir=$(mktemp -d)
trap 'pkill -f -- "--data-dir $dir" 2>/dev/null || true; rm -rf "$dir"' EXIT
out=$(QT_QPA_PLATFORM=offscreen timeout 90 "$exe" --measure-startup --data-dir "$dir" --language en)
echo "$out"
grep -Eq '^startup_ms=[0-9]+$' <<<"$out" || { echo "no startup_ms line" >&2; exit 1; }
sleep 0.5
if pgrep -f -- "--data-dir $dir/local-server" >/dev/null; then
    echo "the local ticket-server is still running after the client quit" >&2
    exit 1
fi
test -s "$dir/local-server/tickets.sqlite" || { echo "no local database" >&2; exit 1; }
echo "smoke start ok"
