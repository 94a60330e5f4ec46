#!/usr/bin/env bash
# Fails if any source file in src/ or tests/ returns or keeps a QStringBuilder (see
# tests/sanitizers/stringbuilder.query): with QT_USE_QSTRINGBUILDER such a value refers to
# temporaries that are gone when it is read. Needs clang-query (clang-tools) and a
# configured and built tree's compile_commands.json (generated headers).
# Usage: scripts/check-stringbuilder.sh [BUILD_DIR]   (default build/default)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/default}
query=$(command -v clang-query-14 || command -v clang-query || true)
[[ -n $query ]] || { echo "clang-query not found (apt-get install clang-tools)" >&2; exit 1; }
[[ -f $build/compile_commands.json ]] || { echo "no $build/compile_commands.json" >&2; exit 1; }

mapfile -t files < <(python3 - "$build/compile_commands.json" "$PWD" <<'PY'
import json, os, sys
root = sys.argv[2]
seen = set()
for entry in json.load(open(sys.argv[1])):
    path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    rel = os.path.relpath(path, root)
    if rel.startswith(("src/", "tests/")) and "_autogen" not in rel and path not in seen:
        seen.add(path)
        print(rel)
PY
)
out=$(mktemp); trap 'rm -f "$out"' EXIT
# g++'s flags that clang does not know are only warnings; errors (a missing generated
# header) fail the check rather than hiding a file from it.
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 8 "$query" -p "$build" -f tests/sanitizers/stringbuilder.query \
    --extra-arg=-Wno-unknown-warning-option >"$out" 2>&1 || { cat "$out"; exit 1; }
if grep -q ' binds here' "$out"; then
  grep -B1 -A3 ' binds here' "$out"
  echo "QStringBuilder kept beyond its full expression (see tests/sanitizers/stringbuilder.query)" >&2
  exit 1
fi
echo "stringbuilder: ${#files[@]} files, no QStringBuilder returned or kept"
