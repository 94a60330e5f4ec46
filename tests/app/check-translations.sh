#!/usr/bin/env bash
# The translations are complete: lupdate over today's sources into copies of the .ts files
# finds no new, unfinished or vanished message, and every message has a translation.
set -euo pipefail
lupdate=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for ts in "$root"/resources/translations/*.ts; do
    cp "$ts" "$tmp/"
    copy="$tmp/$(basename "$ts")"
    "$lupdate" -silent -no-obsolete -locations none "$root/src/app" "$root/src/client" \
        "$root/src/models" "$root/ui" -ts "$copy" >/dev/null
    messages=$(grep -c '<message' "$copy" || true)
    unfinished=$(grep -c 'type="unfinished"' "$copy" || true)
    vanished=$(grep -c 'type="vanished"\|type="obsolete"' "$copy" || true)
    echo "$(basename "$ts"): $messages messages, $unfinished unfinished, $vanished vanished"
    if [[ $messages -lt 50 || $unfinished -ne 0 || $vanished -ne 0 ]]; then
        grep -B3 'type="unfinished"' "$copy" | grep '<source>' | head -20 >&2 || true
        status=1
    fi
    if ! cmp -s "$ts" "$copy"; then
        echo "$(basename "$ts") is not current: run scripts/update-translations.sh" >&2
        diff "$ts" "$copy" | head -20 >&2 || true
        status=1
    fi
done
exit $status
