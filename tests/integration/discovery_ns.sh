#!/usr/bin/env bash
# Runs inside a private network and mount namespace (see discovery_test.cc): a dnsmasq
# on 127.0.0.1:53 serves SRV records for example.test, /etc/resolv.conf points at it only
# inside the namespace, and one etcd listens on 127.0.0.1:2379. ectl and etcdctl then run
# the same discovery commands; any difference in stdout, exit code or final stderr line
# fails. Prints one line per case.
set -uo pipefail
ectl=$1 etcdctl=$2 etcd=$3 work=$4

ip link set lo up
printf 'nameserver 127.0.0.1\n' > "$work/resolv.conf"
mount --bind "$work/resolv.conf" /etc/resolv.conf
dnsmasq --keep-in-foreground --no-resolv --no-hosts --bind-interfaces \
  --listen-address=127.0.0.1 --port=53 --pid-file="$work/dnsmasq.pid" \
  --host-record=etcd1.example.test,127.0.0.1 \
  --srv-host=_etcd-client._tcp.example.test,etcd1.example.test,2379 \
  --srv-host=_etcd-client-blue._tcp.example.test,etcd1.example.test,2379 \
  2> "$work/dnsmasq.log" &
dns_pid=$!
"$etcd" --name ns --data-dir "$work/etcd" \
  --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster ns=http://127.0.0.1:2380 > "$work/etcd.log" 2>&1 &
etcd_pid=$!
trap 'kill $etcd_pid $dns_pid 2>/dev/null; wait 2>/dev/null' EXIT

for _ in $(seq 100); do
  "$etcdctl" --endpoints=127.0.0.1:2379 --command-timeout=1s put ready yes > /dev/null 2>&1 && break
  sleep 0.2
done

failures=0
compare() {  # name, then the arguments of both tools
  local name=$1; shift
  local eo ee ec ao ae ac
  eo=$(env -u ETCDCTL_ENDPOINTS "$etcdctl" "$@" 2> "$work/e.err"); ec=$?
  ao=$(env -u ETCDCTL_ENDPOINTS "$ectl" "$@" 2> "$work/a.err"); ac=$?
  ee=$(grep -v '"level"' "$work/e.err" | tail -n 1); ae=$(tail -n 1 "$work/a.err")
  if [[ "$eo" == "$ao" && $ec == "$ac" && "$ee" == "$ae" ]]; then
    echo "PASS $name (exit $ac)"
  else
    echo "FAIL $name: etcdctl exit $ec [$eo] [$ee]; ectl exit $ac [$ao] [$ae]"
    failures=$((failures + 1))
  fi
}

compare srv-put -d example.test put greeting hello
compare srv-get -d example.test get greeting -w json
compare srv-service-name --discovery-srv=example.test --discovery-srv-name=blue get greeting
compare srv-insecure-dropped -d example.test --insecure-discovery=false get greeting
compare srv-missing -d nothing.example.test get greeting
exit $failures
