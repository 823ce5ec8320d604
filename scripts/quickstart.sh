#!/usr/bin/env bash
# A first look at ectl: builds it, starts a throwaway single-member etcd on free loopback ports
# with a temporary data directory, runs a short tour of commands against it, printing each
# command before its output, then stops etcd and removes the directory.
#
# Environment: ECTL=/path/to/binary skips the build and tours that binary instead of build/ectl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -n "${ECTL:-}" ]]; then
  scripts/install-deps.sh   # still needed for etcd itself
else
  scripts/build.sh --target ectl
  ECTL=$PWD/build/ectl
fi

tmp=$(mktemp -d -t ectl-quickstart.XXXXXX)
etcd_pid=
cleanup() {
  if [[ -n "$etcd_pid" ]]; then
    kill "$etcd_pid" 2>/dev/null || true
    wait "$etcd_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Two distinct free ports, chosen by the kernel (the sockets are held until both are known).
read -r client_port peer_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
client_url=http://127.0.0.1:$client_port
peer_url=http://127.0.0.1:$peer_port

echo "==> Starting a throwaway etcd on $client_url (data in $tmp)"
etcd --name quickstart --data-dir "$tmp/data" \
  --listen-client-urls "$client_url" --advertise-client-urls "$client_url" \
  --listen-peer-urls "$peer_url" --initial-advertise-peer-urls "$peer_url" \
  --initial-cluster "quickstart=$peer_url" >"$tmp/etcd.log" 2>&1 &
etcd_pid=$!

healthy() {
  python3 -c '
import sys, urllib.request
try:
    body = urllib.request.urlopen(sys.argv[1] + "/health", timeout=1).read()
except OSError:
    sys.exit(1)
sys.exit(0 if b"\"health\":\"true\"" in body else 1)' "$client_url"
}
for ((i = 0; i < 100; i++)); do
  healthy && break
  if ! kill -0 "$etcd_pid" 2>/dev/null || ((i == 99)); then
    echo "etcd did not become healthy; its log:" >&2
    cat "$tmp/etcd.log" >&2
    exit 1
  fi
  sleep 0.2
done

# The tour talks to this etcd only, whatever ETCDCTL_* the caller has set.
while read -r var; do unset "$var"; done < <(compgen -e | grep '^ETCDCTL_' || true)
export ETCDCTL_ENDPOINTS=127.0.0.1:$client_port

# Prints a command as one would type it, then runs it.
show() {
  local shown=() arg
  for arg in "$@"; do
    if [[ "$arg" =~ ^[[:alnum:]_./:=,@%+-]+$ ]]; then shown+=("$arg"); else shown+=("'$arg'"); fi
  done
  printf '\n$ ectl %s\n' "${shown[*]}"
  "$ECTL" "$@" </dev/null
}

echo
echo "==> A short tour (ectl reads ETCDCTL_ENDPOINTS=$ETCDCTL_ENDPOINTS, as etcdctl does)"
show version
show put greeting hello
show get greeting
show get greeting -w json
show put greeting 'hello, world' --prev-kv
show put fruit/apple red
show put fruit/banana yellow
show get fruit/ --prefix
show del fruit/ --prefix
show get greeting --hex
# A transaction read from stdin: compares, blank line, success ops, blank line, failure ops.
txn='value("greeting") = "hello, world"

put greeting bye
get greeting

put greeting hello

'
printf '\n$ printf %q | ectl txn\n' "$txn"
printf '%s' "$txn" | "$ECTL" txn
# A lease: the key goes away with it.
granted=$(show lease grant 60)
printf '%s\n' "$granted"
lease=$(printf '%s\n' "$granted" | awk '/granted/ {print $2}')
show put session alive --lease="$lease"
show lease timetolive "$lease" --keys
show member list -w table
show endpoint status -w table
# A failing command: a lease that does not exist. The error is one line on stderr and the exit
# code is etcdctl's.
rc=0
show put greeting bye --lease=1234 || rc=$?
echo "(exit code $rc)"

echo
echo "==> Done; stopping etcd and removing $tmp"
