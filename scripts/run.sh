#!/usr/bin/env bash
# Installs what is missing, builds, and starts the program on its embedded default: the
# ticket-backoffice desktop client, which starts its own local ticket-server (demo data,
# SQLite in the user's data folder) and signs in as the demo admin Anna Schmidt.
# Extra arguments go to ticket-backoffice (e.g. --server URL, --language de).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/default/src/app/ticket-backoffice "$@"
