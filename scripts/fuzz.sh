#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ for a bounded time each and reports, per target, the
# executions and crashes. Builds them first (scripts/build-asan.sh).
#
#   scripts/fuzz.sh                      every target, FUZZ_SECONDS (default 20) each
#   FUZZ_SECONDS=3600 scripts/fuzz.sh cli_fuzzer txn_fuzzer
#
# Each target keeps a working corpus in build-asan/fuzz/corpus/<target>/, seeded from the
# committed fuzz/corpus/<target>/ and kept between runs, so longer runs build on shorter
# ones. Crashing inputs go to build-asan/fuzz/artifacts/<target>/; rerun one with
# `build-asan/<target> <file>`. Any crash (or leak, timeout, out-of-memory) makes the exit
# status non-zero. Extra libFuzzer flags: FUZZ_FLAGS (e.g. "-jobs=2 -workers=2").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all_targets=(txn_fuzzer cli_fuzzer printer_fuzzer bolt_fuzzer import_fuzzer)
targets=("$@")
((${#targets[@]} > 0)) || targets=("${all_targets[@]}")
seconds="${FUZZ_SECONDS:-20}"

build_args=()
for t in "${targets[@]}"; do build_args+=(--target "$t"); done
scripts/build-asan.sh "${build_args[@]}"

status=0
summary=()
for t in "${targets[@]}"; do
  # Absolute paths: cli_fuzzer works in a scratch directory of its own.
  work="$PWD/build-asan/fuzz/corpus/$t"
  artifacts="$PWD/build-asan/fuzz/artifacts/$t"
  log="$PWD/build-asan/fuzz/$t.log"
  mkdir -p "$work" "$artifacts"
  echo "==> $t for ${seconds}s"
  # -timeout: an input running this long is a hang; -rss_limit_mb: a leak or blow-up.
  # shellcheck disable=SC2086
  if "build-asan/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} \
      "$work" "$PWD/fuzz/corpus/$t" >"$log" 2>&1; then
    rc=0
  else
    rc=$?
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}' || true)
  found=$(grep -cE '^(==[0-9]+==ERROR|.*runtime error:|==[0-9]+== ERROR: libFuzzer)' "$log" || true)
  if ((rc != 0)); then
    status=1
    tail -n 60 "$log"
    line="$t: $runs executions, FAILED (exit $rc, $found reports; artifacts in $artifacts/, log $log)"
  else
    line="$t: $runs executions, 0 crashes"
  fi
  echo "$line"
  summary+=("$line")
done

echo
echo "Fuzzing summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
exit "$status"
