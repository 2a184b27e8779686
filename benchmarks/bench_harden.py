"""Load with slow clients and hostile requests against ``letterlab serve`` (issue 15's targets).

Starts ``letterlab serve`` on 127.0.0.1 (never another address) and a free port, then runs one or
more *phases* against the same server, each ``--duration`` seconds (default 60) of ``--clients``
load clients (default 20, each at most ``--max-requests`` requests) posting the same ~400-word
letter: errors (target 0), median latency (target ≤ 1 s), throughput, and the resident memory of
the server and its workers (target: flat ±10 %). The phases differ only in what else is open:

* ``none``: no slow connections (the baseline the others are compared with);
* ``process``: ``--slow`` slow connections (default 150) held by a separate process, as an
  attacker's connections come from another machine. Each sends half a request line and then one
  byte every ``--slow-interval`` seconds (default 5), never finishing (a slowloris client), and is
  re-opened if the server closes it. That process is one thread with non-blocking sockets; its own
  CPU time is reported (``slow_clients.cpu_s``): on this 2-core machine it still shares the CPUs
  with the server, so it is measured, not hidden;
* ``threads``: the same slow connections held by one thread each inside this benchmark process,
  next to the 20 measuring clients (the method of the first version of this script), to show how
  much the method itself costs.

``--phases`` picks the phases and their order (default ``none,process``); ``--cycles N`` repeats
the list and ``by_phase`` sums each kind of phase up over the cycles (median of the medians, and the
ratio to ``none``). Compare phases of one run only, and over several cycles: on a shared machine the
other work's load drifts within minutes (one pass of none/process/threads at load 2.4 -> 5.8 gave
"process" a median 2.2x that of "none"; four alternating cycles at load 4.3-6.3 gave 1.01x). Each
phase reports the load average before and after it, and the CPU seconds the server process (event
loop, request threads, dispatcher) and the whole server tree used per request: unlike latency,
CPU per request hardly depends on what else runs on the machine.

Why the median is ~1 s here and ~0.5 s in ``bench_web.py``: that script's load posts the 30 corpus
letters (213 words on average, ~41 ms of analysis each), this one a 422-word letter (~75-87 ms). With
20 clients on 2 workers the median is about 20 / (requests a second), so it follows the letter's cost.

``--hostile`` clients (default 0; e.g. ``--hostile 2 --clients 2``) post the costliest letters
during every phase (the old quadratic tokenizer inputs, and a letter as long as ``MAX_TOKENS`` lets
in), to show that normal requests still answer.

Memory: every phase's start RSS is measured after a warm-up: rounds of ``WARM_ROUND`` seconds of
the same load until ``--warm-requests`` requests (default 800) are done and the server tree grew
less than ``WARM_FLAT`` % in the last round, at most ``--warm`` seconds (default 300); the output's ``warm_up`` says so and gives each round and each process's RSS
after it. A fresh worker grows while it analyses its first letters (149 -> 171 MB over its first
~400 analyses of the same letter in one process, then flat up to 1,500), and a start measured
before that counts the growth as a leak (+35 % once). Each phase also samples
every process of the server tree every 2 s (``rss_by_process``: the server and each worker, first,
least, largest and last MB, and which workers were replaced meanwhile: ``MAX_TASKS`` recycles a
worker after 500 analyses, and a fresh one holds less).

Everything is bounded in time and count; the server and the slow-client process are stopped at
the end. Prints one JSON object. Not a test: timings on shared machines are noisy.
Usage: python benchmarks/bench_harden.py [--clients 20] [--slow 150] [--duration 60] [--phases none,process]
       python benchmarks/bench_harden.py --duration 30 --cycles 4          # slow connections vs none
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import selectors
import socket
import statistics
import subprocess
import sys
import threading
import time

from bench_web import HOST, HEADERS, free_port, load_run, start_server
from benchutil import corpus_texts, letter_of_about, process_rss, tree_pids

SLOW_HEAD = b"POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
WARM_ROUND = 10.0     # seconds of one warm-up round
WARM_FLAT = 1.0       # % of memory growth in a round under which the server counts as warm
TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


# ------------------------------------------------------------------ slow clients

def slowloris(port: int, n: int, interval: float, max_s: float, stop_fd: int | None = None) -> dict:
    """Hold ``n`` never-finished requests open on 127.0.0.1:``port`` in this one thread, one byte each
    every ``interval`` seconds, until ``stop_fd`` is readable (or closed) or ``max_s`` have passed."""
    stats = {"opened": 0, "closed_by_server": 0, "refused": 0, "bytes_sent": 0}
    sel = selectors.DefaultSelector()
    if stop_fd is not None:
        sel.register(stop_fd, selectors.EVENT_READ, None)
    due: dict[socket.socket, float] = {}
    start = time.monotonic()
    deadline = start + max_s
    retry_at: list[float] = []

    def open_one(when: float) -> None:
        try:
            s = socket.create_connection((HOST, port), timeout=10)
            s.sendall(SLOW_HEAD)
        except OSError:
            stats["refused"] += 1
            retry_at.append(time.monotonic() + 1.0)
            return
        s.setblocking(False)
        stats["opened"] += 1
        due[s] = when
        sel.register(s, selectors.EVENT_READ, "conn")

    def drop(s: socket.socket) -> None:
        sel.unregister(s)
        due.pop(s, None)
        s.close()

    for k in range(n):              # the sends are spread evenly over the interval
        open_one(start + interval * (k + 1) / n)
    print("ready", flush=True)
    stopping = False
    while not stopping:
        now = time.monotonic()
        if now >= deadline:
            break
        wake = min([deadline, *due.values(), *retry_at])
        for key, _ in sel.select(max(0.0, wake - now)):
            if key.data is None:                            # the parent says stop (a line or EOF)
                stopping = True
                continue
            s = key.fileobj
            try:
                data = s.recv(4096)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if not data:                                    # the server closed it (or answered 408)
                stats["closed_by_server"] += 1
                drop(s)
                retry_at.append(time.monotonic())
        now = time.monotonic()
        for s, when in list(due.items()):
            if when <= now:
                try:
                    s.send(b"a")
                    stats["bytes_sent"] += 1
                    due[s] = when + interval
                except (BlockingIOError, InterruptedError):
                    due[s] = now + interval
                except OSError:
                    stats["closed_by_server"] += 1
                    drop(s)
                    retry_at.append(now)
        ready = [t for t in retry_at if t <= now]
        retry_at[:] = [t for t in retry_at if t > now]
        for _ in ready:
            open_one(now + interval)
    stats["open_at_end"] = len(due)
    for s in list(due):
        drop(s)
    usage = os.times()
    stats["cpu_s"] = round(usage.user + usage.system, 2)
    stats["wall_s"] = round(time.monotonic() - start, 1)
    return stats


class SlowProcess:
    """``slowloris`` in a child process (``python bench_harden.py --slowloris ...``)."""

    def __init__(self, port: int, n: int, interval: float, max_s: float):
        cmd = [sys.executable, os.path.abspath(__file__), "--slowloris", str(port), str(n), str(interval),
               str(max_s)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if line.strip() != "ready":
            self.proc.kill()
            raise SystemExit("the slow-client process did not start")

    def stop(self) -> dict:
        try:
            out, _ = self.proc.communicate(timeout=30)  # closes stdin: the child closes its connections, reports
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return {"error": "the slow-client process did not stop"}
        return json.loads(out.strip().splitlines()[-1])


class SlowThreads:
    """``n`` slow connections, one thread each, in this process (the first version's method)."""

    def __init__(self, port: int, n: int, interval: float):
        self.stats = {"opened": 0, "closed_by_server": 0, "refused": 0}
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.opened = threading.Semaphore(0)
        self.threads = [threading.Thread(target=self._one, args=(port, interval), daemon=True) for _ in range(n)]
        for t in self.threads:
            t.start()
        deadline = time.monotonic() + 30          # all open, or 30 s at most
        for _ in range(n):
            if not self.opened.acquire(timeout=max(0.0, deadline - time.monotonic())):
                break

    def _one(self, port: int, interval: float) -> None:
        first = True
        while not self.stop_event.is_set():
            try:
                s = socket.create_connection((HOST, port), timeout=10)
            except OSError:
                with self.lock:
                    self.stats["refused"] += 1
                self.stop_event.wait(1.0)
                continue
            with self.lock:
                self.stats["opened"] += 1
            try:
                s.sendall(SLOW_HEAD)
                if first:
                    self.opened.release()
                    first = False
                while not self.stop_event.wait(interval):
                    s.sendall(b"a")
            except OSError:
                with self.lock:
                    self.stats["closed_by_server"] += 1
            finally:
                s.close()

    def stop(self) -> dict:
        self.stop_event.set()
        for t in self.threads:
            t.join(15)
        # the threads' CPU is mixed with the measuring clients' in this process: not separable
        return dict(self.stats, note="threads in the benchmark process; their CPU is not separable")


# ------------------------------------------------------------------ measuring

def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process (all its threads), from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except (OSError, IndexError, ValueError):
        return 0.0


def tree_cpu(pid: int) -> float:
    """CPU seconds of ``pid``, its live descendants and the children it has reaped (cutime/cstime)."""
    total = 0.0
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/stat") as fh:
                f = fh.read().rsplit(")", 1)[1].split()
            total += (int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])) / TICK
        except (OSError, IndexError, ValueError):
            continue
    return total


class RssSampler:
    """RSS of each process of the server tree every ``interval`` seconds, in a thread."""

    def __init__(self, pid: int, interval: float = 2.0):
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, dict[int, int]]] = []
        self.stop_event = threading.Event()
        self.t0 = time.monotonic()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            self.samples.append((time.monotonic() - self.t0, process_rss(self.pid)))
            if self.stop_event.wait(self.interval):
                break

    def stop(self) -> dict:
        self.stop_event.set()
        self.thread.join(10)
        self.samples.append((time.monotonic() - self.t0, process_rss(self.pid)))
        mb = 2 ** 20
        pids = list(dict.fromkeys(p for _, by in self.samples for p in by))
        first, last = self.samples[0][1], self.samples[-1][1]
        rows = {}
        for p in pids:
            seen = [(t, by[p] / mb) for t, by in self.samples if p in by]
            role = "server" if p == self.pid else "worker"
            rows[f"{role} {p}"] = {"first_mb": round(seen[0][1], 1), "min_mb": round(min(v for _, v in seen), 1),
                                   "max_mb": round(max(v for _, v in seen), 1), "last_mb": round(seen[-1][1], 1),
                                   "seen_s": [round(seen[0][0]), round(seen[-1][0])],
                                   "whole_phase": p in first and p in last,
                                   "change_pct": round(100 * (seen[-1][1] - seen[0][1]) / seen[0][1], 1)}
        total = [round(sum(by.values()) / mb) for _, by in self.samples]
        return {"processes": rows, "replaced_workers": sorted(str(p) for p in first if p not in last),
                "new_workers": sorted(str(p) for p in last if p not in first),
                "tree_mb_every_%gs" % self.interval: total}


def hostile_client(port: int, stop: threading.Event, out: list) -> None:
    from letterlab.core import MAX_TOKENS, token_estimate

    letter = letter_of_about(400, corpus_texts()) + "\n\n"
    longest = letter * (MAX_TOKENS // token_estimate(letter))     # as long as the token limit lets in
    bodies = [json.dumps({"text": "Kære Anna\n\nSvar" + "=" * 150_000}).encode(),
              json.dumps({"text": "Kære Anna\n\n" + '"' * 150_000 + " tak"}).encode(),
              json.dumps({"text": longest}).encode()]
    statuses: dict[str, int] = {}
    times: list[float] = []
    i = 0
    while not stop.is_set() and i < 500:
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        t = time.perf_counter()
        try:
            conn.request("POST", "/api/analyse", body=bodies[i % len(bodies)], headers=HEADERS)
            resp = conn.getresponse()
            resp.read()
            key = str(resp.status)
        except (OSError, http.client.HTTPException) as exc:
            key = type(exc).__name__
        times.append(time.perf_counter() - t)
        statuses[key] = statuses.get(key, 0) + 1
        conn.close()
        i += 1
    out.append({"requests": i, "statuses": statuses, "max_s": round(max(times), 2) if times else None,
                "median_s": round(statistics.median(times), 2) if times else None})


def phase(name: str, port: int, pid: int, letter: str, args) -> dict:
    slow = None
    if name == "process" and args.slow:
        slow = SlowProcess(port, args.slow, args.slow_interval, args.duration + 120)
    elif name == "threads" and args.slow:
        slow = SlowThreads(port, args.slow, args.slow_interval)
    elif name not in ("none", "process", "threads"):
        raise SystemExit(f"unknown phase {name!r}")
    time.sleep(3)                            # the slow connections are open before the load starts
    stop = threading.Event()
    hostile_out: list = []
    hostile = [threading.Thread(target=hostile_client, args=(port, stop, hostile_out), daemon=True)
               for _ in range(args.hostile)]
    for t in hostile:
        t.start()
    out: dict = {"phase": name, "slow_connections": args.slow if slow else 0,
                 "load_average_before": [round(x, 2) for x in os.getloadavg()]}
    cpu0, tree0 = cpu_seconds(pid), tree_cpu(pid)
    sampler = RssSampler(pid)
    out["load"] = load_run(port, pid, [letter], args.clients, args.duration, args.max_requests)
    out["rss_by_process"] = sampler.stop()
    cpu1, tree1 = cpu_seconds(pid), tree_cpu(pid)
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    stop.set()
    for t in hostile:
        t.join(150)
    if hostile_out:
        out["hostile"] = hostile_out
    n = max(1, out["load"]["requests"])
    out["server_cpu"] = {"main_process_s": round(cpu1 - cpu0, 1), "with_workers_s": round(tree1 - tree0, 1),
                         "main_process_ms_per_request": round(1000 * (cpu1 - cpu0) / n, 2),
                         "with_workers_ms_per_request": round(1000 * (tree1 - tree0) / n, 1)}
    if slow is not None:
        out["slow_clients"] = dict(slow.stop(), method=name)
    return out


def by_phase(phases: list[dict]) -> dict:
    """Each kind of phase over all cycles: the median of its medians, its requests a second and its
    server CPU per request, and the same relative to the ``none`` phases of the same run."""
    out: dict = {}
    for name in dict.fromkeys(p["phase"] for p in phases):
        mine = [p for p in phases if p["phase"] == name]
        out[name] = {"runs": len(mine),
                     "median_s": round(statistics.median(p["load"]["median_s"] or 0 for p in mine), 3),
                     "requests_per_s": round(statistics.mean(p["load"]["throughput_rps"] or 0 for p in mine), 2),
                     "errors": sum(p["load"]["errors"] for p in mine),
                     "server_main_cpu_ms_per_request": round(statistics.mean(
                         p["server_cpu"]["main_process_ms_per_request"] for p in mine), 2),
                     "server_tree_cpu_ms_per_request": round(statistics.mean(
                         p["server_cpu"]["with_workers_ms_per_request"] for p in mine), 1)}
    base = out.get("none")
    if base and base["median_s"]:
        for name, row in out.items():
            row["median_vs_none"] = round(row["median_s"] / base["median_s"], 3)
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--slowloris":         # the child process of SlowProcess
        port, n, interval, max_s = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
        print(json.dumps(slowloris(port, n, interval, max_s, sys.stdin.fileno())), flush=True)
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--slow", type=int, default=150)
    ap.add_argument("--slow-interval", type=float, default=5.0, help="seconds between two bytes of one slow client")
    ap.add_argument("--phases", default="none,process",
                    help="comma-separated: none (no slow connections), process, threads (see above)")
    ap.add_argument("--cycles", type=int, default=1, help="run the list of phases this many times")
    ap.add_argument("--hostile", type=int, default=0, help="clients sending letters that hit the time limit")
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--warm", type=float, default=300.0,
                    help="at most this many seconds of warm-up load; memory is measured from its end")
    ap.add_argument("--warm-requests", type=int, default=800,
                    help="requests the warm-up makes at least (about 400 per worker with 2 workers)")
    ap.add_argument("--max-requests", type=int, default=5000)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    letter = letter_of_about(400, corpus_texts())
    port = free_port()
    proc = start_server(port, args.model, args.threads, args.workers)
    result: dict = {"letter_words": len(letter.split()), "cpus": os.cpu_count(), "clients": args.clients,
                    "duration_s": args.duration, "load_average_start": [round(x, 2) for x in os.getloadavg()]}
    try:
        # warm: load in rounds of WARM_ROUND seconds until --warm-requests requests are done and the
        # tree's memory grew less than WARM_FLAT % in the last round (a fresh worker grows ~15 % over its
        # first ~400 analyses, then stays flat), or --warm seconds have passed; every phase's memory
        # is measured from there
        rounds, t_warm = [], time.monotonic()
        while True:
            w = load_run(port, proc.pid, [letter], args.clients, WARM_ROUND, args.max_requests)
            rounds.append({"requests": w["requests"], "errors": w["errors"], "rss_start_mb": w["rss_start_mb"],
                           "rss_end_mb": w["rss_end_mb"], "rss_change_pct": w["rss_change_pct"]})
            done = sum(r["requests"] for r in rounds) >= args.warm_requests and w["rss_change_pct"] < WARM_FLAT
            if done or time.monotonic() - t_warm >= args.warm:
                break
        result["warm_up"] = {
            "note": "every phase's memory is measured from after this warm-up, not from a fresh server",
            "seconds": round(time.monotonic() - t_warm, 1), "requests": sum(r["requests"] for r in rounds),
            "errors": sum(r["errors"] for r in rounds), "flat": rounds[-1]["rss_change_pct"] < WARM_FLAT,
            "complete": done,
            "rss_fresh_server_mb": rounds[0]["rss_start_mb"], "rss_after_warm_up_mb": rounds[-1]["rss_end_mb"],
            "rounds": rounds,
            "rss_after_warm_up_by_process_mb": {("server " if p == proc.pid else "worker ") + str(p): round(v / 2**20, 1)
                                                for p, v in process_rss(proc.pid).items()}}
        result["phases"] = [phase(name.strip(), port, proc.pid, letter, args)
                            for _ in range(args.cycles) for name in args.phases.split(",") if name.strip()]
        result["summary"] = [{"phase": p["phase"], "median_s": p["load"]["median_s"], "p90_s": p["load"]["p90_s"],
                              "requests_per_s": p["load"]["throughput_rps"], "errors": p["load"]["errors"],
                              "rss_change_pct": p["load"]["rss_change_pct"],
                              "rss_start_mb_after_warm_up": p["load"]["rss_start_mb"],
                              "rss_end_mb": p["load"]["rss_end_mb"],
                              "server_main_cpu_ms_per_request": p["server_cpu"]["main_process_ms_per_request"],
                              "load_average": [p["load_average_before"][0], p["load_average_after"][0]]}
                             for p in result["phases"]]
        result["by_phase"] = by_phase(result["phases"])
        result["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except Exception:  # noqa: BLE001
            proc.kill()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
