#!/usr/bin/env bash
# Builds ectl with its tests, then runs the unit tests and the integration tests (which start
# their own etcd servers on free loopback ports). Both suites always run; the exit status is
# non-zero if either fails.
#
# Environment: JOBS (build jobs, default 2), CTEST_PARALLEL_LEVEL (tests run at once, default 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ECTL_CMAKE_ARGS="-DECTL_BUILD_TESTS=ON ${ECTL_CMAKE_ARGS:-}" scripts/build.sh

# A label with no tests is an error, and a default per-test timeout stops a hung test from
# holding a CI machine until its job limit.
run_suite() {
  ctest --test-dir build --output-on-failure --no-tests=error --timeout 600 -L "$1"
}

declare -A result
status=0
for suite in unit integration; do
  echo "==> ctest -L $suite"
  if run_suite "$suite"; then
    result[$suite]=passed
  else
    result[$suite]="FAILED (exit $?)"
    status=1
  fi
done

echo
echo "Summary:"
for suite in unit integration; do
  printf '  %-12s %s\n' "$suite" "${result[$suite]}"
done
exit "$status"
