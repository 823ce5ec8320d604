#!/usr/bin/env bash
# Installs the Debian 12 packages ectl needs to build, test and benchmark, skipping those already
# installed. Runs `apt-get update` once, and only if something is missing. Safe to run repeatedly.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config ccache
  # the checking build (scripts/build-asan.sh): clang, its sanitizer and libFuzzer
  # runtimes, and llvm-symbolizer for readable sanitizer stacks
  clang libclang-rt-14-dev llvm
  # libraries
  libgrpc++-dev protobuf-compiler-grpc protobuf-compiler libprotobuf-dev
  libfmt-dev libedit-dev libgtest-dev
  # the integration tests read etcdctl's JSON with a JSON parser
  nlohmann-json3-dev
  # a real etcd server and the reference etcdctl, for the integration tests, quickstart and bench
  etcd-server etcd-client
  # a DNS server and namespaces, for the --discovery-srv test
  dnsmasq-base iproute2 util-linux
  # a terminal multiplexer, for the `txn -i` prompt and bash completion tests; the other
  # shells whose completion scripts are checked
  tmux zsh fish
  # man pages and the Debian package: groff renders the pages in the docs test, man-db's
  # `man -l`, dpkg-shlibdeps (dpkg-dev) for the package's Depends, lintian checks it
  groff man-db dpkg-dev lintian
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

apt=(env DEBIAN_FRONTEND=noninteractive apt-get -qq -o Dpkg::Use-Pty=0)
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  apt=(sudo "${apt[@]}")
fi

echo "install-deps: installing ${missing[*]}"
"${apt[@]}" update
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
