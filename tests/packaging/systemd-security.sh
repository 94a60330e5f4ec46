#!/usr/bin/env bash
# systemd-analyze security --offline on the unit: its overall exposure must stay at or
# below MAX (README, "Install on a server", gives the figure).
# Usage: systemd-security.sh UNIT MAX
set -euo pipefail
out=$(systemd-analyze security --offline=true --no-pager "$1" 2>&1)
line=$(grep 'Overall exposure level' <<<"$out") || { echo "$out"; exit 1; }
echo "$line"
exposure=$(grep -oE '[0-9]+\.[0-9]+' <<<"$line" | head -1)
awk -v e="$exposure" -v m="$2" 'BEGIN { exit !(e <= m) }' ||
  { grep '✗' <<<"$out"; echo "exposure $exposure above $2" >&2; exit 1; }
