#!/usr/bin/env bash
# Builds ectl with its tests and runs them twice: the release build (build/) and the
# checking build (build-asan/, AddressSanitizer + UndefinedBehaviorSanitizer, see
# scripts/build-asan.sh), then replays the fuzz corpora and fuzzes each target for a short
# bounded time (scripts/fuzz.sh). The integration tests start their own etcd servers on
# free loopback ports; the package phase builds the .deb and checks it with lintian
# (tests/package/package_test.sh). Every phase runs (a phase whose build failed is
# skipped); the summary gives each phase's result and wall-clock time, and the exit status
# is non-zero if any phase failed.
#
# Under the sanitizers run the unit tests and the integration suites that drive the most
# code through build-asan/ectl (ASAN_SUITES below: flag handling and errors, get/put with
# every printer and binary data, txn, watch, leases, snapshot save/status, auth users and
# roles). The others (help texts, keep-alive, compaction, cluster membership and failover,
# endpoints, alarms, TLS, discovery, lock/elect/mirror, check perf) mostly repeat those
# paths against more etcd servers and are left to the release run to keep CI time down; set
# ECTL_ASAN_SUITES to a ctest -R regex to choose others ('^integration\.' runs them all).
#
# Environment: JOBS (build jobs, default 2), CTEST_PARALLEL_LEVEL (tests run at once,
# default 1), FUZZ_SECONDS (fuzzing time per target, default 20; 0 skips fuzzing),
# ECTL_ASAN_SUITES (a ctest -R regex: the sanitized integration suites).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ASAN_SUITES='^integration\.(Cli|KvGet|KvPut|KvBinary|Txn|Watch|Lease|ClusterSnapshot|AuthUsers)$'

declare -A result seconds
phases=()
status=0

# phase NAME COMMAND...: runs the command, records its result and wall-clock time.
phase() {
  local name=$1 start=$SECONDS
  shift
  phases+=("$name")
  echo "==> $name"
  if "$@"; then
    result[$name]=passed
  else
    result[$name]="FAILED (exit $?)"
    status=1
  fi
  seconds[$name]=$((SECONDS - start))
  [[ "${result[$name]}" == passed ]]
}

skip() {
  phases+=("$1")
  result[$1]="skipped ($2)"
  seconds[$1]=0
}

# A label with no tests is an error, and a default per-test timeout stops a hung test from
# holding a CI machine until its job limit.
run_suite() {
  local dir=$1 label=$2
  shift 2
  ctest --test-dir "$dir" --output-on-failure --no-tests=error --timeout 600 -L "$label" "$@"
}

# The sanitized ectl writes its reports to build-asan/sanitizer-logs/ rather than stderr
# (src/sanitizer_options.cc), so a report fails this phase even where a test passed.
run_asan_integration() {
  local logs=build-asan/sanitizer-logs rc=0
  mkdir -p "$logs"
  find "$logs" -type f -delete
  run_suite build-asan integration -R "${ECTL_ASAN_SUITES:-$ASAN_SUITES}" || rc=$?
  if [[ -n "$(ls -A "$logs")" ]]; then
    echo "Sanitizer reports from ectl:"
    for f in "$logs"/*; do
      echo "--- $f"
      cat "$f"
    done
    rc=1
  fi
  return "$rc"
}

if phase build env ECTL_CMAKE_ARGS="-DECTL_BUILD_TESTS=ON ${ECTL_CMAKE_ARGS:-}" scripts/build.sh; then
  phase unit run_suite build unit
  phase integration run_suite build integration
  phase package run_suite build package
else
  skip unit "build failed"
  skip integration "build failed"
  skip package "build failed"
fi

if phase asan-build scripts/build-asan.sh; then
  # One process for all unit tests: ctest would start one per test, and a sanitized
  # process takes a good part of a second to start.
  phase asan-unit build-asan/tests/unit/ectl_unit_tests --gtest_brief=1
  phase asan-integration run_asan_integration
  phase fuzz-replay run_suite build-asan fuzz
  if [[ "${FUZZ_SECONDS:-20}" != 0 ]]; then
    phase fuzz scripts/fuzz.sh
  else
    skip fuzz "FUZZ_SECONDS=0"
  fi
else
  for p in asan-unit asan-integration fuzz-replay fuzz; do skip "$p" "asan-build failed"; done
fi

echo
echo "Summary:"
total=0
for p in "${phases[@]}"; do
  printf '  %-18s %-28s %4ds\n' "$p" "${result[$p]}" "${seconds[$p]}"
  total=$((total + seconds[$p]))
done
printf '  %-18s %-28s %4ds\n' total "" "$total"
exit "$status"
