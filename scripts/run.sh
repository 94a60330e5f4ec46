#!/usr/bin/env bash
# Installs what is missing, builds, and starts the program on its embedded default:
# ticket-server on 127.0.0.1 with a SQLite database seeded with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
data_dir=${TICKET_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/ticket-backoffice/demo-server}
listen=${TICKET_LISTEN:-127.0.0.1:8080}
echo
echo "Demo logins (password: demo) and device codes:"
build/default/src/server/ticket-server --demo-accounts
exec build/default/src/server/ticket-server --listen "$listen" --data-dir "$data_dir" --seed-demo
