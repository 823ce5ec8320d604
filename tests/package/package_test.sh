#!/usr/bin/env bash
# The install rules and the Debian package, checked from a built tree (argument: the build
# directory):
#   1. `cmake --install` into a scratch root places the binary, every man page and the three
#      completions; the etcdctl-link component adds the etcdctl links;
#   2. `cpack -G DEB` builds the package, and lintian reports no error or warning (tags
#      overridden only in packaging/lintian-overrides, each with its reason);
#   3. the package, unpacked with dpkg-deb -x into a scratch root, runs from there: the
#      binary answers --help, `man -l` renders its page, the bash completion completes.
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
pass=0

check() {  # check DESCRIPTION COMMAND...: runs the command, counts the result
  local what=$1
  shift
  if "$@" >"$scratch/check.out" 2>&1; then
    pass=$((pass + 1))
  else
    echo "FAIL: $what"
    sed 's/^/  /' "$scratch/check.out"
    failures=$((failures + 1))
  fi
}

pages=()
for page in "$source_dir"/man/*.1; do pages+=("$(basename "$page")"); done

# --- 1. cmake --install -------------------------------------------------------------------
inst=$scratch/install
DESTDIR=$inst cmake --install "$build" --prefix /usr/local >"$scratch/install.log"
p=$inst/usr/local
check "cmake --install: bin/ectl is executable" test -x "$p/bin/ectl"
for page in "${pages[@]}"; do
  check "cmake --install: man page $page.gz" gzip -t "$p/share/man/man1/$page.gz"
done
check "cmake --install: bash completion" test -f "$p/share/bash-completion/completions/ectl"
check "cmake --install: zsh completion" test -f "$p/share/zsh/vendor-completions/_ectl"
check "cmake --install: fish completion" test -f "$p/share/fish/vendor_completions.d/ectl.fish"
check "cmake --install: no lintian overrides outside the package" \
  test ! -e "$p/share/lintian/overrides/ectl"
if ! grep -q '^ECTL_INSTALL_ETCDCTL_LINK:BOOL=ON' "$build/CMakeCache.txt"; then
  check "cmake --install: no etcdctl link by default" test ! -e "$p/bin/etcdctl"
fi
DESTDIR=$inst cmake --install "$build" --prefix /usr/local --component etcdctl-link \
  >>"$scratch/install.log"
check "etcdctl link: bin/etcdctl -> ectl" test "$(readlink "$p/bin/etcdctl")" = ectl
check "etcdctl link: runs as etcdctl" sh -c '"$1" version | grep -q "^etcdctl version"' _ "$p/bin/etcdctl"
check "etcdctl link: man page" test "$(readlink "$p/share/man/man1/etcdctl.1.gz")" = ectl.1.gz
check "etcdctl link: bash completion" \
  test "$(readlink "$p/share/bash-completion/completions/etcdctl")" = ectl
check "etcdctl link: fish completion" \
  test "$(readlink "$p/share/fish/vendor_completions.d/etcdctl.fish")" = ectl.fish

# --- 2. the .deb and lintian --------------------------------------------------------------
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/deb" >"$scratch/cpack.log" 2>&1; then
  cat "$scratch/cpack.log"
  exit 1
fi
deb=$(ls "$scratch"/deb/*.deb)
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb -f "$deb" Package Version Architecture Depends Section Maintainer
check "control: Depends names libc6" sh -c 'dpkg-deb -f "$1" Depends | grep -q "libc6 (>="' _ "$deb"
lintian_out=$scratch/lintian.out
if lintian --fail-on error,warning --display-level ">=info" "$deb" >"$lintian_out" 2>&1; then
  pass=$((pass + 1))
else
  echo "FAIL: lintian reports errors or warnings"
  failures=$((failures + 1))
fi
sed 's/^/lintian: /' "$lintian_out"

# --- 3. run it from the unpacked package --------------------------------------------------
root=$scratch/root
dpkg-deb -x "$deb" "$root"
u=$root/usr
check "deb: ectl --help" sh -c '"$1" --help | grep -q "^USAGE:"' _ "$u/bin/ectl"
check "deb: ectl version" sh -c '"$1" version | grep -q "^ectl version: "' _ "$u/bin/ectl"
check "deb: binary is stripped" sh -c '! readelf -S "$1" | grep -q "\.symtab"' _ "$u/bin/ectl"
for page in "${pages[@]}"; do
  check "deb: man page $page.gz" gzip -t "$u/share/man/man1/$page.gz"
done
check "deb: man -l renders ectl(1)" sh -c '
  out=$(MANPAGER=cat MANWIDTH=80 man -l "$1" 2>"$2/man.err") &&
  printf "%s\n" "$out" | grep -q "^EXIT STATUS" && printf "%s\n" "$out" | grep -q "^ENVIRONMENT" &&
  test ! -s "$2/man.err"' _ "$u/share/man/man1/ectl.1.gz" "$scratch"
check "deb: man -l renders ectl-txn(1)" sh -c '
  MANPAGER=cat MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "<CMPCREATE>"' _ "$u/share/man/man1/ectl-txn.1.gz"
check "deb: copyright" test -s "$u/share/doc/ectl/copyright"
check "deb: changelog.Debian.gz" gzip -t "$u/share/doc/ectl/changelog.Debian.gz"
check "deb: zsh completion" test -f "$u/share/zsh/vendor-completions/_ectl"
check "deb: fish completion" test -f "$u/share/fish/vendor_completions.d/ectl.fish"
# The bash completion, sourced from the unpacked package, completes a command name.
check "deb: bash completion completes 'ectl ge' to get" env PATH="$u/bin:$PATH" bash -c '
  source "$1"
  fn=$(complete -p ectl | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
  test -n "$fn"
  COMP_WORDS=(ectl ge); COMP_CWORD=1; COMP_LINE="ectl ge"; COMP_POINT=${#COMP_LINE}
  "$fn" ectl ge ectl
  printf "%s\n" "${COMPREPLY[@]}" | grep -qx "get"' _ "$u/share/bash-completion/completions/ectl"

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
