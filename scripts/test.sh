#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd tests/openapi && npm ci --no-audit --no-fund --loglevel=error)
# Inside a throwaway PostgreSQL: the tests labelled postgres run on it.
scripts/with-postgres.sh ctest --preset default -j "$(nproc)"
