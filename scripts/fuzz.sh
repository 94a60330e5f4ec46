#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`, clang) and runs each for SECONDS (default 60)
# from its seed corpus in tests/fuzz/corpus/<target>/. Fails on the first crash, leak,
# sanitizer report, timeout or out-of-memory; the input that did it is kept in
# build/fuzz/artifacts/ (reproduce: build/fuzz/tests/fuzz/fuzz_<target> <that file>).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
seconds=${1:-60}
shift || true

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

bin=build/fuzz/tests/fuzz
targets=("$@")
(( ${#targets[@]} )) || mapfile -t targets < "$bin/fuzzers.txt"
mkdir -p build/fuzz/artifacts
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:halt_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

for target in "${targets[@]}"; do
  [[ -n $target ]] || continue
  seeds=tests/fuzz/corpus/$target
  # New inputs go to a scratch corpus, not into the repository's seeds.
  work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$target-XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "== fuzz_$target: ${seconds}s from $(find "$seeds" -type f | wc -l) seeds"
  start=$SECONDS
  if ! "$bin/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="build/fuzz/artifacts/$target-" "$work" "$seeds" \
      >"build/fuzz/$target.log" 2>&1; then
    tail -n 60 "build/fuzz/$target.log"
    echo "FAILED: fuzz_$target (log: build/fuzz/$target.log, input: build/fuzz/artifacts/)" >&2
    exit 1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "build/fuzz/$target.log" | tr '\n' ' '
  echo "-> ok in $((SECONDS - start))s, corpus $(find "$work" -type f | wc -l) inputs"
  rm -rf "$work"
  trap - EXIT
done
