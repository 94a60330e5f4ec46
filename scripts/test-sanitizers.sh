#!/usr/bin/env bash
# Builds the `asan` preset (g++, -fsanitize=address,undefined, build/asan, no benchmarks)
# and runs every test in it. Any AddressSanitizer, LeakSanitizer or UBSan report fails the
# run: in a test process (it exits non-zero) and in a ticket-server a test started (which
# may exit unnoticed): every process writes its reports to build/asan/sanitizer-logs/,
# and any file there after ctest is a failure (UBSan in a test's server: TestServer reads
# its stderr). Qt's own libraries are not instrumented.
# Usage: scripts/test-sanitizers.sh [ctest arguments, e.g. -R core_test]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
root=$PWD
# openapi_matches_server reads the OpenAPI file with @redocly (scripts/test.sh installs it).
[[ -d tests/openapi/node_modules ]] ||
  (cd tests/openapi && npm ci --no-audit --no-fund --loglevel=error)
logs=$root/build/asan/sanitizer-logs

common="halt_on_error=1:abort_on_error=0:print_summary=1"
asan="$common:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
lsan="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
ubsan="$common:print_stacktrace=1"

# The build runs the test executables too (to list their tests): no logs from that.
export ASAN_OPTIONS="$asan" LSAN_OPTIONS="$lsan" UBSAN_OPTIONS="$ubsan"
cmake --preset asan >/dev/null
cmake --build --preset asan

rm -rf "$logs" && mkdir -p "$logs"
export ASAN_OPTIONS="$asan:log_path=$logs/asan"
# UBSan's reports go to stderr all the same (g++ 12, combined with ASan): a test process
# fails with them; TestServer keeps its server's in TICKET_SANITIZER_LOG_DIR.
export UBSAN_OPTIONS="$ubsan" TICKET_SANITIZER_LOG_DIR="$logs"
status=0
# Not here: the OpenAPI lint, the translation check and the packaging checks (label
# packaging: the Debian packages of the default tree) run none of our code under test.
# Inside a throwaway PostgreSQL (scripts/with-postgres.sh) for the tests labelled postgres.
scripts/with-postgres.sh ctest --preset asan -j "$(nproc)" \
  -E '^(openapi_lint|translations_complete)$' -LE packaging "$@" || status=$?

shopt -s nullglob
reports=("$logs"/*)
if (( ${#reports[@]} )); then
  for f in "${reports[@]}"; do
    echo "=== $f"
    cat "$f"
  done
  echo "FAILED: ${#reports[@]} sanitizer report(s) in $logs" >&2
  exit 1
fi
exit "$status"
