#!/usr/bin/env bash
# Builds the checking build into build-asan/: clang with AddressSanitizer and
# UndefinedBehaviorSanitizer, gRPC linked dynamically, the unit and integration tests and
# the libFuzzer targets of fuzz/ (see src/README.md, "Sanitizers and fuzzing"). Like
# scripts/build.sh it installs missing packages, then configures and builds incrementally.
#
#   scripts/build-asan.sh                       everything
#   scripts/build-asan.sh --target cli_fuzzer   any arguments are passed to `cmake --build`
#
# Environment: JOBS (parallel build jobs, default 2), ECTL_CMAKE_ARGS (extra configure
# arguments).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh

export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
# One tree serves the sanitized tests and the fuzz targets: the libraries are compiled
# once, with coverage hooks that are no-ops outside the fuzz targets. -O2 keeps the
# sanitized integration runs and the fuzzing quick; line tables give symbolized stacks.
# Word splitting of ECTL_CMAKE_ARGS is intended: it holds several -D options.
# shellcheck disable=SC2086
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DECTL_SANITIZE=address,undefined -DECTL_FUZZ=ON \
  -DECTL_BUILD_TESTS=ON ${ECTL_CMAKE_ARGS:-}
cmake --build build-asan -j "${JOBS:-2}" "$@"
