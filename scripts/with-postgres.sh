#!/usr/bin/env bash
# Runs a command (e.g. ctest) with a throwaway PostgreSQL 15 for the tests labelled
# postgres: `pg_virtualenv` (postgresql-common) creates a cluster in a temporary folder,
# exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE, runs the command, and removes
# the cluster afterwards, also when the command fails; its exit code is the command's.
# -t keeps the cluster in a temporary folder also as root (CI runs as root; without -t,
# root's clusters go to /etc/postgresql, one at a time per machine). fsync=off: test data
# need not survive a power cut, and each test's CREATE DATABASE syncs otherwise.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
if ! command -v pg_virtualenv >/dev/null; then
  echo "with-postgres: pg_virtualenv is missing (scripts/install-deps.sh installs postgresql-common)" >&2
  exit 1
fi
exec pg_virtualenv -t -v 15 -o fsync=off -o max_connections=200 "$@"
