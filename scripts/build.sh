#!/usr/bin/env bash
# Builds ectl into build/ (Release). Installs missing Debian packages first, then configures and
# builds incrementally; running it again only rebuilds what changed.
#
#   scripts/build.sh                      build everything (ectl and, unless disabled, the tests)
#   scripts/build.sh --target ectl        any arguments are passed to `cmake --build`
#
# Environment:
#   JOBS             parallel build jobs (default 2)
#   ECTL_CMAKE_ARGS  extra configure arguments, e.g. "-DECTL_BUILD_TESTS=OFF"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh

# Word splitting of ECTL_CMAKE_ARGS is intended: it holds several -D options.
# shellcheck disable=SC2086
# Paths inside the checkout are hashed relative to it, so a clone in another folder
# (as CI makes) reuses the compiler cache of an earlier build.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release ${ECTL_CMAKE_ARGS:-}
cmake --build build -j "${JOBS:-2}" "$@"
