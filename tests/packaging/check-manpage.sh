#!/usr/bin/env bash
# Fails when EXECUTABLE --help names an option that MANPAGE does not document. Only the
# option column of --help counts (lines starting with "  -"), so descriptions and any
# subcommand text are free; options hidden from --help are not asked for.
# Usage: check-manpage.sh EXECUTABLE MANPAGE
set -euo pipefail
exe=$1 man=$2
help=$(QT_QPA_PLATFORM=offscreen "$exe" --help 2>/dev/null)
# The roff source with "\-" as "-" and font escapes removed.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man")
mapfile -t options < <(grep -E '^ +-' <<<"$help" | sed -E 's/^ +//; s/ {2,}.*//' |
  grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' | sed -E 's/^[ ,]//')
(( ${#options[@]} > 2 )) || { echo "no options read from $exe --help" >&2; exit 1; }
missing=0
for option in "${options[@]}"; do
  if ! grep -qE -- "(^|[^A-Za-z0-9-])${option}([^A-Za-z0-9-]|\$)" <<<"$text"; then
    echo "$(basename "$man"): $option (from $(basename "$exe") --help) is not documented" >&2
    missing=1
  fi
done
(( missing == 0 )) && echo "$(basename "$man"): all ${#options[@]} options of --help documented"
exit "$missing"
