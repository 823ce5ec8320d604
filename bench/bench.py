#!/usr/bin/env python3
"""Side-by-side benchmark of ectl against the real etcdctl.

Starts a throwaway single-member etcd on free loopback ports with a temporary data directory,
loads the data the selected cases need, then runs every case as interleaved pairs
(ectl, etcdctl, ectl, etcdctl, ...) after a warm-up. For each invocation it records the wall time
and the peak resident set size (ru_maxrss from wait4, KiB), both taken by the small helper
measure.c, which bench.py compiles into its temporary directory. Stdout of the benchmarked
commands goes to /dev/null.

Per case it reports the median time of each tool, the median of the per-pair ratios
(ectl / etcdctl), the peak RSS of each tool and their ratio, and PASS/FAIL against the case's
targets. Exit status: 0 all cases passed, 1 some case missed a target, 2 the benchmark itself
failed (a command exited non-zero, etcd did not start, ...).

Adding a case: append a Case to CASES. `args` follow the global flags; `data` names loaders in
DATASETS to run once beforehand; `before_each` runs untimed before every invocation; `stdin` is
fed to every invocation (e.g. a txn); `measure` replaces the default spawn-and-wait for cases
that need more than one process (e.g. watch throughput: start the watcher, write, time the
events).
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Callable, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

SINGLE, LARGE = "single", "large"  # which repetition count a case uses
TXN_MAX_OPS = 128  # etcd's default --max-txn-ops


class BenchError(Exception):
    pass


# --- etcd -------------------------------------------------------------------------------------


def free_ports(count: int) -> list[int]:
    """Distinct free loopback ports; the sockets are held until all are known."""
    socks = [socket.socket() for _ in range(count)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def b64(data: str | bytes) -> str:
    if isinstance(data, str):
        data = data.encode()
    return base64.b64encode(data).decode()


def prefix_end(prefix: str) -> bytes:
    """The range end that makes [prefix, end) cover every key with the prefix (ASCII prefix)."""
    raw = prefix.encode()
    return raw[:-1] + bytes([raw[-1] + 1])


class Etcd:
    """A single-member etcd in `workdir`, and a small client over its JSON gateway.

    The gateway (/v3/kv/*) is used for loading and resetting data: one keep-alive HTTP
    connection instead of a process per write keeps set-up out of the way.
    """

    def __init__(self, etcd_bin: str, workdir: str):
        client_port, peer_port = free_ports(2)
        self.endpoint = f"127.0.0.1:{client_port}"
        client_url = f"http://{self.endpoint}"
        peer_url = f"http://127.0.0.1:{peer_port}"
        self.log_path = os.path.join(workdir, "etcd.log")
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [etcd_bin, "--name", "bench", "--data-dir", os.path.join(workdir, "data"),
                 "--listen-client-urls", client_url, "--advertise-client-urls", client_url,
                 "--listen-peer-urls", peer_url, "--initial-advertise-peer-urls", peer_url,
                 "--initial-cluster", f"bench={peer_url}"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        self.http = http.client.HTTPConnection("127.0.0.1", client_port, timeout=30)
        try:
            self._wait_healthy(timeout=20)
        except BaseException:
            self.stop()
            raise

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if self._request("GET", "/health").get("health") == "true":
                    return
            except (OSError, http.client.HTTPException, ValueError):
                self.http.close()
            time.sleep(0.1)
        with open(self.log_path, errors="replace") as log:
            tail = log.read()[-2000:]
        raise BenchError(f"etcd did not become healthy on {self.endpoint}; log tail:\n{tail}")

    def _request(self, method: str, path: str, body: Optional[dict] = None) -> dict:
        self.http.request(method, path, body=None if body is None else json.dumps(body),
                          headers={"Content-Type": "application/json"})
        response = self.http.getresponse()
        payload = response.read()
        if response.status != 200:
            raise BenchError(f"etcd {path}: HTTP {response.status}: {payload[:500]!r}")
        return json.loads(payload)

    def put(self, key: str, value: str) -> None:
        self._request("POST", "/v3/kv/put", {"key": b64(key), "value": b64(value)})

    def put_many(self, items: list[tuple[str, str]]) -> None:
        for start in range(0, len(items), TXN_MAX_OPS):
            batch = items[start:start + TXN_MAX_OPS]
            self._request("POST", "/v3/kv/txn", {"success": [
                {"request_put": {"key": b64(k), "value": b64(v)}} for k, v in batch]})

    def count(self, prefix: str) -> int:
        response = self._request("POST", "/v3/kv/range", {
            "key": b64(prefix), "range_end": b64(prefix_end(prefix)), "count_only": True})
        return int(response.get("count", 0))

    def stop(self) -> None:
        self.http.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --- data sets and cases ----------------------------------------------------------------------


def value_of(i: int) -> str:
    return f"value-{i:08d}-".ljust(100, "x")  # 100 bytes


def load_prefix(prefix: str, count: int) -> Callable[[Etcd], None]:
    def load(etcd: Etcd) -> None:
        etcd.put_many([(f"{prefix}{i:06d}", value_of(i)) for i in range(count)])
        if (got := etcd.count(prefix)) != count:
            raise BenchError(f"loaded {got} keys under {prefix!r}, expected {count}")
    return load


# watch throughput: a live watcher on wbench/, then WATCH["keys"] keys written by a fast
# loader (128 puts per transaction over the gateway), timed until every event is printed.
WATCH = {"keys": 20_000}


def measure_watch(bench: "Bench", argv: list[str], case: "Case") -> Sample:
    """Time from the loader's start until the watcher has printed every event.

    The watcher runs under measure.c (for its peak RSS) through `sh -c 'exec ... > fifo'`,
    so the measured process is the watcher itself. Its stdout is counted here (three lines
    per PUT event in the simple format). Before the clock starts, a sentinel key is put
    until the watcher shows it, so the watch is known to be established. The watcher's CPU
    time, the client's own cost per event, is reported as a note.
    """
    import select
    import threading
    fifo = os.path.join(os.path.dirname(bench.stdin_path), "watch.fifo")
    if os.path.exists(fifo):
        os.unlink(fifo)
    os.mkfifo(fifo)
    with open(bench.stdin_path, "wb"):
        pass
    proc = subprocess.Popen(
        [bench.measure_exe, bench.stdin_path, bench.stderr_path, "/bin/sh", "-c",
         'exec "$@" > "$WATCH_FIFO"', "sh", *argv],
        env={**bench.env, "WATCH_FIFO": fifo}, stdout=subprocess.PIPE, text=True)
    fd = os.open(fifo, os.O_RDONLY)
    try:
        seen = b""
        deadline = time.monotonic() + 30
        while b"wbench/ready\n" not in seen:
            if time.monotonic() > deadline:
                raise BenchError("the watcher did not start")
            bench.etcd.put("wbench/ready", "1")
            if select.select([fd], [], [], 0.05)[0]:
                seen += os.read(fd, 1 << 16)
        lines = 0  # events after the sentinel(s) seen so far
        tail = seen[seen.rfind(b"wbench/ready\n"):]
        lines = tail.count(b"\n") - 2  # the sentinel's key and value lines
        count = WATCH["keys"]
        items = [(f"wbench/{i:06d}", value_of(i)) for i in range(count)]
        start = time.perf_counter()
        loader = threading.Thread(target=bench.etcd.put_many, args=(items,))
        loader.start()
        while lines < 3 * count:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            lines += chunk.count(b"\n")
        elapsed = time.perf_counter() - start
        loader.join()
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
            watcher = int(f.read().split()[0])
        with open(f"/proc/{watcher}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        os.kill(watcher, signal.SIGTERM)
        while os.read(fd, 1 << 16):  # a watcher blocked on a full pipe must see the signal
            pass
    finally:
        os.close(fd)
        os.unlink(fifo)
    stdout, _ = proc.communicate(timeout=30)
    if lines < 3 * count:
        with open(bench.stderr_path, errors="replace") as f:
            raise BenchError(f"watcher printed {lines // 3} of {count} events:\n{f.read()[-2000:]}")
    note(f"{os.path.basename(argv[0])}: {count} events in {elapsed * 1000:.0f} ms, "
         f"watcher CPU {cpu * 1000:.0f} ms")
    _, maxrss_kib, _ = map(int, stdout.split())
    return Sample(elapsed, maxrss_kib)


# snapshot restore of a ~RESTORE["mib"] MiB snapshot: the data set loads 1,000-byte values and
# saves one snapshot (with RESTORE["etcdctl"]); each invocation restores it into a fresh data dir.
RESTORE = {"mib": 100, "etcdctl": "etcdctl", "snapshot": ""}
SNAPSHOT_BYTES_PER_KEY = 1380  # a 1,000-byte value with its key and bbolt's page overhead


def load_snapshot(etcd: Etcd) -> None:
    value = "s" * 1000
    count = RESTORE["mib"] * 1024 * 1024 // SNAPSHOT_BYTES_PER_KEY
    etcd.put_many([(f"snap/{i:07d}", value) for i in range(count)])
    path = os.path.join(os.path.dirname(etcd.log_path), "restore.db")
    out = subprocess.run([RESTORE["etcdctl"], f"--endpoints={etcd.endpoint}", "snapshot", "save",
                          path], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise BenchError(f"snapshot save failed:\n{out.stderr[-2000:]}")
    RESTORE["snapshot"] = path
    note(f"snapshot of {os.path.getsize(path) / (1 << 20):.0f} MiB for the restore case")


def measure_restore(bench: "Bench", argv: list[str], case: "Case") -> Sample:
    """One restore into a data dir that does not exist yet; removed afterwards (untimed)."""
    target = os.path.join(os.path.dirname(bench.stdin_path), "restored.etcd")
    shutil.rmtree(target, ignore_errors=True)
    try:
        return bench.spawn([*argv, RESTORE["snapshot"], "--data-dir", target], case)
    finally:
        shutil.rmtree(target, ignore_errors=True)


# batch: BATCH["puts"] sequential puts as lines of one `ectl batch` (one process, one
# connection) against a loop of that many `etcdctl put` invocations (BATCH["loop"] of them
# are run and the time scaled when it is smaller). Notes add the same loop of `ectl put`
# invocations and an in-process loop of the same puts on one connection (the gateway client
# below, one keep-alive HTTP connection): the two references of the batch goals.
BATCH = {"puts": 5_000, "loop": 5_000, "noted": False}


def measure_batch(bench: "Bench", argv: list[str], case: "Case") -> Sample:
    puts, loop = BATCH["puts"], min(BATCH["loop"], BATCH["puts"])
    items = [(f"bput/{i:06d}", f"v{i}") for i in range(puts)]
    if os.path.basename(argv[0]) == "etcdctl":
        return loop_of_puts(bench, argv, case, items[:loop], puts)
    case.stdin = "".join(f"put {k} {v}\n" for k, v in items).encode()
    try:
        sample = bench.spawn([*argv, "batch"], case)
    finally:
        case.stdin = b""
    if not BATCH["noted"]:
        BATCH["noted"] = True
        start = time.perf_counter()
        for k, v in items:
            bench.etcd.put(k, v)
        in_process = time.perf_counter() - start
        single = loop_of_puts(bench, argv, case, items[:loop], puts)
        note(f"{puts} puts: ectl batch {sample.seconds:.2f} s ({puts / sample.seconds:.0f}/s); "
             f"in-process loop on one connection {in_process:.2f} s ({puts / in_process:.0f}/s), "
             f"batch/in-process {sample.seconds / in_process:.2f} (goal <= 1.2); "
             f"loop of ectl put {single.seconds:.1f} s"
             + (f" (scaled from {loop})" if loop < puts else ""))
    return sample


def loop_of_puts(bench: "Bench", argv: list[str], case: "Case", items: list[tuple[str, str]],
                 scale_to: int) -> Sample:
    """One invocation per put; the total time scaled to scale_to puts, the peak RSS of any."""
    seconds, peak = 0.0, 0
    for k, v in items:
        s = bench.spawn([*argv, "put", k, v], case)
        seconds += s.seconds
        peak = max(peak, s.maxrss_kib)
    return Sample(seconds * scale_to / len(items), peak)


# export and import of 100,000 keys. import-100k: ectl reads export's JSON lines from stdin;
# etcdctl has no import, so its side is what a script does today: `etcdctl txn` per batch of
# 128 puts (etcd's --max-txn-ops), one process per batch (measure_txn_batches). Before every
# invocation the imported prefix is deleted (untimed).
IMPORT = {"keys": 100_000, "jsonl": b"", "txn_batches": []}


def import_items() -> list[tuple[str, str]]:
    return [(f"imp/{i:06d}", value_of(i)) for i in range(IMPORT["keys"])]


def prepare_import(etcd: Etcd) -> None:
    items = import_items()
    IMPORT["jsonl"] = "".join(json.dumps({"key": k, "value": v}, separators=(",", ":")) + "\n"
                              for k, v in items).encode()
    IMPORT["txn_batches"] = [
        ("\n" + "".join(f'put "{k}" "{v}"\n' for k, v in items[i:i + TXN_MAX_OPS]) + "\n\n")
        .encode() for i in range(0, len(items), TXN_MAX_OPS)]


def delete_imported(etcd: Etcd) -> None:
    etcd._request("POST", "/v3/kv/deleterange",
                  {"key": b64("imp/"), "range_end": b64(prefix_end("imp/"))})


def check_imported(etcd: Etcd) -> None:
    if (got := etcd.count("imp/")) != IMPORT["keys"]:
        raise BenchError(f"import left {got} keys, expected {IMPORT['keys']}")


def measure_import(bench: "Bench", argv: list[str], case: "Case") -> Sample:
    """ectl: one `import` of the JSON lines on stdin; etcdctl: `txn` per 128-put batch."""
    if argv[0] == bench.ectl:
        sample = bench.spawn(argv, dataclasses.replace(case, stdin=IMPORT["jsonl"]))
    else:
        total, peak = 0.0, 0
        txn_argv = [argv[0], argv[1], "txn"]
        for batch in IMPORT["txn_batches"]:
            one = bench.spawn(txn_argv, dataclasses.replace(case, stdin=batch))
            total += one.seconds
            peak = max(peak, one.maxrss_kib)
        sample = Sample(total, peak)
    check_imported(bench.etcd)
    note(f"{os.path.basename(argv[0])}: {IMPORT['keys']} keys in {sample.seconds:.2f} s, "
         f"{IMPORT['keys'] / sample.seconds:.0f} keys/s")
    return sample


# name -> loader; each runs at most once per benchmark run, before the first case needing it.
DATASETS: dict[str, Callable[[Etcd], None]] = {
    "k": lambda etcd: etcd.put("k", "v"),
    "1k": load_prefix("p1k/", 1_000),
    "100k": load_prefix("p100k/", 100_000),
    "300k": load_prefix("p300k/", 300_000),
    "1m": load_prefix("p1m/", 1_000_000),
    "import": prepare_import,
    "snap100m": load_snapshot,
}


@dataclasses.dataclass
class Sample:
    seconds: float
    maxrss_kib: int


@dataclasses.dataclass
class Case:
    name: str
    args: list[str]                       # after the global flags (--endpoints)
    kind: str = SINGLE                    # SINGLE or LARGE: which repetition count applies
    data: tuple[str, ...] = ()            # DATASETS to load first
    before_each: Optional[Callable[[Etcd], None]] = None  # untimed, before every invocation
    stdin: bytes = b""                    # fed to every invocation
    max_time_ratio: Optional[float] = 0.5  # target for median(ectl/etcdctl) wall time
    max_rss_ratio: Optional[float] = None  # target for peak RSS ectl/etcdctl
    # Replaces the default spawn-and-wait: measure(bench, argv, case) -> Sample.
    measure: Optional[Callable[["Bench", list[str], "Case"], Sample]] = None
    etcdctl_args: Optional[list[str]] = None  # etcdctl's command when it differs (export)
    max_rss_mib: Optional[float] = None        # target for ectl's peak RSS in MiB
    # When set, the etcdctl column is ectl itself run with this environment added: ectl
    # against another mode of its own (paged reads against one request).
    baseline_env: Optional[dict[str, str]] = None

    def targets(self) -> str:
        parts = []
        if self.max_time_ratio is not None:
            parts.append(f"time<={self.max_time_ratio:g}")
        if self.max_rss_ratio is not None:
            parts.append(f"rss<={self.max_rss_ratio:g}")
        if self.max_rss_mib is not None:
            parts.append(f"MiB<={self.max_rss_mib:g}")
        return " ".join(parts) or "-"


CASES: list[Case] = [
    Case("version", ["version"]),
    Case("put", ["put", "k", "v"]),
    Case("get", ["get", "k"], data=("k",)),
    Case("get-prefix-1k", ["get", "--prefix", "p1k/"], data=("1k",)),
    Case("get-prefix-100k", ["get", "--prefix", "p100k/"], kind=LARGE, data=("100k",),
         max_rss_ratio=0.5),
    Case("get-prefix-100k-json", ["get", "--prefix", "p100k/", "-w", "json"], kind=LARGE,
         data=("100k",), max_rss_ratio=0.5),
    # Paged get: memory flat at any size (ectl reads pages of about 2 MiB at one revision).
    Case("get-prefix-300k", ["get", "--prefix", "p300k/"], kind=LARGE, data=("300k",),
         max_time_ratio=1.0, max_rss_mib=25),
    Case("get-prefix-300k-json", ["get", "--prefix", "p300k/", "-w", "json"], kind=LARGE,
         data=("300k",), max_time_ratio=1.0, max_rss_mib=25),
    Case("get-prefix-1m", ["get", "--prefix", "p1m/"], kind=LARGE, data=("1m",),
         max_time_ratio=1.0, max_rss_mib=25),
    Case("get-prefix-1m-json", ["get", "--prefix", "p1m/", "-w", "json"], kind=LARGE,
         data=("1m",), max_time_ratio=1.0, max_rss_mib=25),
    # Paged against one request (ectl with ECTL_PAGE_KEYS above the range in the etcdctl
    # column): paging must not make a read slower.
    Case("get-300k-paged/1req", ["get", "--prefix", "p300k/"], kind=LARGE, data=("300k",),
         max_time_ratio=1.0, baseline_env={"ECTL_PAGE_KEYS": "100000000"}),
    Case("get-1m-paged/1req", ["get", "--prefix", "p1m/"], kind=LARGE, data=("1m",),
         max_time_ratio=1.0, baseline_env={"ECTL_PAGE_KEYS": "100000000"}),
    # export (JSON lines) against the nearest etcdctl command, get -w json.
    Case("export-100k", ["export", "p100k/", "--prefix"], kind=LARGE, data=("100k",),
         etcdctl_args=["get", "--prefix", "p100k/", "-w", "json"], max_time_ratio=1.0,
         max_rss_mib=25),
    Case("export-1m", ["export", "p1m/", "--prefix"], kind=LARGE, data=("1m",),
         etcdctl_args=["get", "--prefix", "p1m/", "-w", "json"], max_time_ratio=1.0,
         max_rss_mib=25),
    # import of 100,000 keys against etcdctl txn batches of 128 (see IMPORT).
    Case("import-100k", ["import"], kind=LARGE, data=("import",), before_each=delete_imported,
         measure=measure_import, max_time_ratio=0.5),
    Case("del", ["del", "k"], before_each=lambda etcd: etcd.put("k", "v")),
    # Each run leaves a lease behind; they expire on their own after 100 s.
    Case("lease-grant", ["lease", "grant", "100"]),
    # txn: one compare and a 3-op success branch (get, put, del), read from stdin.
    Case("txn-3op", ["txn"], data=("k",),
         stdin=b'value("k") != "never"\n\nget k\nput txn-k v\ndel txn-gone\n\n\n'),
    # Target: at least twice etcdctl's event throughput.
    Case("watch-20k", ["watch", "--prefix", "wbench/"], kind=LARGE, measure=measure_watch),
    # Offline: the global --endpoints is ignored; measure_restore adds the file and --data-dir.
    Case("restore-100m", ["snapshot", "restore"], kind=LARGE, data=("snap100m",),
         measure=measure_restore, max_rss_ratio=0.5),
    # 5,000 puts: one `ectl batch` against a loop of `etcdctl put`; goal >= 30x faster.
    Case("batch-5k-put", [], kind=LARGE, measure=measure_batch, max_time_ratio=1 / 30),
]


# --- running ----------------------------------------------------------------------------------


@dataclasses.dataclass
class Result:
    case: Case
    ectl: list[Sample]
    etcdctl: list[Sample]

    def median_ms(self, samples: list[Sample]) -> float:
        return statistics.median(s.seconds for s in samples) * 1000

    @property
    def time_ratio(self) -> float:
        return statistics.median(e.seconds / r.seconds for e, r in zip(self.ectl, self.etcdctl))

    @staticmethod
    def peak_kib(samples: list[Sample]) -> int:
        return max(s.maxrss_kib for s in samples)

    @property
    def rss_ratio(self) -> float:
        return self.peak_kib(self.ectl) / self.peak_kib(self.etcdctl)

    @property
    def passed(self) -> bool:
        c = self.case
        return ((c.max_time_ratio is None or self.time_ratio <= c.max_time_ratio) and
                (c.max_rss_ratio is None or self.rss_ratio <= c.max_rss_ratio) and
                (c.max_rss_mib is None or self.peak_kib(self.ectl) / 1024 <= c.max_rss_mib))


def build_measure(workdir: str) -> str:
    """Compiles measure.c (see there why timing and RSS are not taken from Python)."""
    cc = shutil.which("cc")
    if not cc:
        raise BenchError("no C compiler (cc); scripts/install-deps.sh installs build-essential")
    exe = os.path.join(workdir, "measure")
    out = subprocess.run([cc, "-O2", "-o", exe, os.path.join(HERE, "measure.c")],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise BenchError(f"compiling measure.c failed:\n{out.stderr}")
    return exe


class Bench:
    def __init__(self, etcd: Etcd, workdir: str):
        self.etcd = etcd
        self.measure_exe = build_measure(workdir)
        self.stderr_path = os.path.join(workdir, "stderr")
        self.stdin_path = os.path.join(workdir, "stdin")
        self.loaded: set[str] = set()
        self.ectl = ""  # set by run(): which binary is ectl (argv and measure_import ask)
        self.extra_env: dict[str, str] = {}  # set by once(): a baseline run's environment
        # The benchmarked tools talk to this etcd only, whatever ETCDCTL_* the caller has set.
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("ETCDCTL_")}

    def argv(self, binary: str, case: Case) -> list[str]:
        args = case.args
        if case.etcdctl_args is not None and case.baseline_env is None and binary != self.ectl:
            args = case.etcdctl_args
        return [binary, f"--endpoints={self.etcd.endpoint}", *args]

    def spawn(self, argv: list[str], case: Case) -> Sample:
        """Runs argv once through the measure helper; stdout goes to /dev/null."""
        with open(self.stdin_path, "wb") as f:
            f.write(case.stdin)
        out = subprocess.run([self.measure_exe, self.stdin_path, self.stderr_path, *argv],
                             env={**self.env, **self.extra_env}, capture_output=True, text=True,
                             check=False)
        if out.returncode != 0:
            raise BenchError(f"measure failed: {out.stderr.strip()}")
        nanoseconds, maxrss_kib, code = map(int, out.stdout.split())
        if code != 0:
            with open(self.stderr_path, errors="replace") as f:
                err = f.read()[-2000:]
            raise BenchError(f"{' '.join(argv)} exited {code}:\n{err}")
        return Sample(nanoseconds / 1e9, maxrss_kib)

    def once(self, binary: str, case: Case, baseline: bool = False) -> Sample:
        if case.before_each:
            case.before_each(self.etcd)
        self.extra_env = (case.baseline_env or {}) if baseline else {}
        return (case.measure or Bench.spawn)(self, self.argv(binary, case), case)

    def prepare(self, case: Case) -> None:
        for name in case.data:
            if name not in self.loaded:
                start = time.perf_counter()
                DATASETS[name](self.etcd)
                self.loaded.add(name)
                note(f"loaded data set {name!r} in {time.perf_counter() - start:.1f} s")

    def run(self, case: Case, ectl: str, etcdctl: str, reps: int, warmup: int) -> Result:
        self.ectl = ectl
        self.prepare(case)
        other = ectl if case.baseline_env is not None else etcdctl
        for _ in range(warmup):
            self.once(ectl, case)
            self.once(other, case, baseline=True)
        result = Result(case, [], [])
        for _ in range(reps):
            result.ectl.append(self.once(ectl, case))
            result.etcdctl.append(self.once(other, case, baseline=True))
        return result


# --- report -----------------------------------------------------------------------------------

COLUMNS = [("case", 22, "<"), ("n", 3, ">"), ("ectl ms", 9, ">"), ("etcdctl ms", 10, ">"),
           ("ratio", 6, ">"), ("ectl MiB", 9, ">"), ("etcdctl MiB", 11, ">"), ("ratio", 6, ">"),
           ("target", 20, "<"), ("result", 6, "<")]


def row(values: list[str]) -> str:
    return "  ".join(f"{v:{align}{width}}" for v, (_, width, align) in zip(values, COLUMNS))


def format_result(r: Result) -> str:
    return row([r.case.name, str(len(r.ectl)),
                f"{r.median_ms(r.ectl):.1f}", f"{r.median_ms(r.etcdctl):.1f}",
                f"{r.time_ratio:.2f}",
                f"{r.peak_kib(r.ectl) / 1024:.1f}", f"{r.peak_kib(r.etcdctl) / 1024:.1f}",
                f"{r.rss_ratio:.2f}", r.case.targets(), "PASS" if r.passed else "FAIL"])


def note(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


def version_line(binary: str) -> str:
    out = subprocess.run([binary, "version"], capture_output=True, text=True, check=False)
    return (out.stdout.splitlines() or [f"exit {out.returncode}"])[0]


def resolve(path: str, what: str) -> str:
    found = shutil.which(path)
    if not found:
        raise BenchError(f"{what} not found: {path}")
    return os.path.abspath(found)


def count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def positive(text: str) -> int:
    if (value := count(text)) == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ectl", default=os.path.join(REPO, "build", "ectl"),
                   help="ectl binary (default: build/ectl)")
    p.add_argument("--etcdctl", default="etcdctl", help="reference etcdctl (default: from PATH)")
    p.add_argument("--etcd", default="etcd", help="etcd server binary (default: from PATH)")
    p.add_argument("--reps", type=positive, default=30, help="pairs per single-op case (default 30)")
    p.add_argument("--large-reps", type=positive, default=5,
                   help="pairs per large case (default 5)")
    p.add_argument("--warmup", type=count, default=2, help="untimed pairs per case (default 2)")
    p.add_argument("--cases", help="comma-separated case names to run (default: all)")
    p.add_argument("--watch-keys", type=positive, default=20_000,
                   help="events the watch case prints (default 20000)")
    p.add_argument("--restore-mib", type=positive, default=100,
                   help="size of the snapshot the restore case restores (default 100)")
    p.add_argument("--batch-puts", type=positive, default=5_000,
                   help="puts in the batch case (default 5000)")
    p.add_argument("--batch-loop", type=positive, default=5_000,
                   help="single invocations timed for the batch case's loops, scaled to "
                        "--batch-puts (default 5000: all of them)")
    p.add_argument("--list", action="store_true", help="list the cases and exit")
    return p.parse_args()


def select_cases(spec: Optional[str]) -> list[Case]:
    if not spec:
        return CASES
    by_name = {c.name: c for c in CASES}
    names = [n.strip() for n in spec.split(",") if n.strip()]
    if unknown := [n for n in names if n not in by_name]:
        raise BenchError(f"unknown case(s): {', '.join(unknown)} (see --list)")
    return [by_name[n] for n in names]


def main() -> int:
    args = parse_args()
    if args.list:
        for c in CASES:
            print(f"{c.name:22}  {' '.join(c.args):32}  {c.kind:6}  {c.targets()}")
        return 0
    cases = select_cases(args.cases)
    WATCH["keys"] = args.watch_keys
    BATCH.update(puts=args.batch_puts, loop=args.batch_loop)
    ectl = resolve(args.ectl, "ectl")
    etcdctl = resolve(args.etcdctl, "etcdctl")
    RESTORE.update(mib=args.restore_mib, etcdctl=etcdctl)
    etcd_bin = resolve(args.etcd, "etcd")
    # Turn SIGTERM into an exception so the etcd we started is stopped on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory(prefix="ectl-bench.") as workdir:
        etcd = Etcd(etcd_bin, workdir)
        try:
            bench = Bench(etcd, workdir)
            print(f"ectl:    {ectl} ({version_line(ectl)})")
            print(f"etcdctl: {etcdctl} ({version_line(etcdctl)})")
            print(f"etcd:    {etcd_bin} on {etcd.endpoint}; {os.cpu_count()} CPUs; "
                  f"reps {args.reps} single / {args.large_reps} large, warm-up {args.warmup}")
            print("time: median wall ms; ratio: median of per-pair ectl/etcdctl; "
                  "MiB: peak RSS over all runs")
            print()
            print(row([name for name, _, _ in COLUMNS]))
            print(row(["-" * width for _, width, _ in COLUMNS]), flush=True)
            results = []
            for case in cases:
                reps = args.large_reps if case.kind == LARGE else args.reps
                results.append(bench.run(case, ectl, etcdctl, reps, args.warmup))
                print(format_result(results[-1]), flush=True)
        finally:
            etcd.stop()

    failed = [r.case.name for r in results if not r.passed]
    print()
    print(f"FAIL: {', '.join(failed)}" if failed else "PASS: all cases met their targets")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench: error: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
