#!/usr/bin/env bash
# docs/openapi.yaml and the server agree: the same operations, method by method.
#   usage: check-routes.sh <ticket-server executable>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=$1
spec=$(node "$here/routes.mjs" "$here/../../docs/openapi.yaml")
routes=$("$server" --print-routes)
if ! diff <(echo "$spec") <(echo "$routes"); then
  echo "docs/openapi.yaml (<) and ticket-server --print-routes (>) differ" >&2
  exit 1
fi
echo "openapi and server agree on $(echo "$routes" | wc -l) operations"
