"""Speed and memory of the web app (``letterlab serve``) on this machine.

Starts ``letterlab serve`` on 127.0.0.1 and a free port in a child process, then measures:

* ``POST /api/analyse`` of a ~400-word letter, warm: median latency over
  ``--rounds`` requests, one at a time (target ≤ 150 ms), interleaved with
  calls of ``letterlab.core.analyse`` in this process on the same letter (one
  BLAS thread, its best case), and the ratio of the medians (target ≤ 1.2×),
  so the cost of the web layer itself shows;
* a bounded load run: ``--clients`` threads (default 20) posting corpus letters
  for ``--duration`` seconds (default 60), each stopping at the deadline or after
  ``--max-requests`` requests: errors (target 0), median latency (target ≤ 1 s),
  and the resident memory of the server and its worker processes at the start and the end (target: flat ±10 %).

The server is started as a user starts it: the ``letterlab`` console script
installed next to this interpreter, the default ``--workers`` and
``--threads``, and no thread variables set by this script.
Traffic only ever goes to 127.0.0.1. The server is stopped at the end.

Usage: python benchmarks/bench_web.py [--model NAME_OR_PATH] [--clients 20] [--duration 60]
Prints one JSON object. Not a test: timings on shared machines are noisy.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from benchutil import ROOT, corpus_texts, letter_of_about, script_path, tree_rss

HOST = "127.0.0.1"
HEADERS = {"Content-Type": "application/json", "X-Letterlab-Request": "1"}






def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]




def post(conn: http.client.HTTPConnection, body: bytes) -> int:
    conn.request("POST", "/api/analyse", body=body, headers=HEADERS)
    resp = conn.getresponse()
    resp.read()
    return resp.status


def start_server(port: int, model: str | None, threads: int | None, workers: int | None) -> subprocess.Popen:
    cmd = [script_path("letterlab"), "serve", "--host", HOST, "--port", str(port), "--quiet"]
    if threads:
        cmd += ["--threads", str(threads)]
    if workers:
        cmd += ["--workers", str(workers)]
    if model:
        cmd += ["--model", model]
    # stderr to a file, not a pipe: nobody reads a pipe while the load runs, and a
    # server whose log writes block on a full pipe stalls.
    errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors, text=True)
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            errors.seek(0)
            raise SystemExit(f"letterlab serve stopped: {errors.read()}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("letterlab serve did not start within 180 s")


def warm_latency(port: int, text: str, rounds: int, model: str | None) -> dict:
    """POST /api/analyse and ``analyse`` in this process, one after the other, ``rounds`` times."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_limits

    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.ruleset import default_ruleset

    threadpool_limits(limits=1)
    nlp, rules = load_pipeline(model), default_ruleset()
    body = json.dumps({"text": text}).encode("utf-8")
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    for _ in range(3):
        assert post(conn, body) == 200
        analyse(text, rules, nlp=nlp, model=model)
    web, core = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        status = post(conn, body)
        web.append((time.perf_counter() - t) * 1000)
        assert status == 200, status
        t = time.perf_counter()
        analyse(text, rules, nlp=nlp, model=model)
        core.append((time.perf_counter() - t) * 1000)
    conn.close()
    return {"words": len(text.split()), "rounds": rounds, "median_ms": round(statistics.median(web), 1),
            "p90_ms": round(sorted(web)[int(0.9 * (len(web) - 1))], 1), "target_median_ms": 150,
            "core_analyse_median_ms": round(statistics.median(core), 1),
            "web_over_core": round(statistics.median(web) / statistics.median(core), 3), "target_web_over_core": 1.2}


def load_run(port: int, pid: int, texts: list[str], clients: int, duration: float, max_requests: int) -> dict:
    bodies = [json.dumps({"text": t}).encode("utf-8") for t in texts]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    rss_samples = [tree_rss(pid) / 2**20]
    deadline = time.perf_counter() + duration
    stop_sampling = threading.Event()

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        mine, errs = [], []
        for i in range(max_requests):
            if time.perf_counter() >= deadline:
                break
            t = time.perf_counter()
            try:
                status = post(conn, bodies[(k + i) % len(bodies)])
                if status != 200:
                    errs.append(f"HTTP {status}")
            except (OSError, http.client.HTTPException) as exc:
                errs.append(type(exc).__name__)
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=120)
            mine.append(time.perf_counter() - t)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.extend(errs)

    def sampler() -> None:
        while not stop_sampling.wait(2.0):
            rss_samples.append(tree_rss(pid) / 2**20)

    s = threading.Thread(target=sampler, daemon=True)
    s.start()
    t0 = time.perf_counter()
    workers = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=duration + 180)
    elapsed = time.perf_counter() - t0
    stop_sampling.set()
    s.join()
    rss_samples.append(tree_rss(pid) / 2**20)
    start, end = rss_samples[0], rss_samples[-1]
    lat = sorted(latencies)
    return {
        "clients": clients, "duration_s": round(elapsed, 1), "requests": len(lat), "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "throughput_rps": round(len(lat) / elapsed, 2) if elapsed else None,
        "median_s": round(statistics.median(lat), 3) if lat else None,
        "p90_s": round(lat[int(0.9 * (len(lat) - 1))], 3) if lat else None,
        "max_s": round(lat[-1], 3) if lat else None,
        "rss_start_mb": round(start, 1), "rss_end_mb": round(end, 1), "rss_max_mb": round(max(rss_samples), 1),
        "rss_change_pct": round(100 * (end - start) / start, 1),
        "targets": {"errors": 0, "median_s": 1.0, "rss_change_pct": 10},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=5000, help="per client, so the run is bounded")
    ap.add_argument("--threads", type=int, default=None, help="waitress threads in the server (default: the server's)")
    ap.add_argument("--workers", type=int, default=None, help="analysis processes (default: the server's, one per core)")
    args = ap.parse_args()

    texts = corpus_texts()
    letter = letter_of_about(400, texts)
    port = free_port()
    proc = start_server(port, args.model, args.threads, args.workers)
    try:
        result = {"warm": warm_latency(port, letter, args.rounds, args.model)}
        result["warm"]["web_overhead_ms"] = round(result["warm"]["median_ms"] - result["warm"]["core_analyse_median_ms"], 1)
        result["load"] = load_run(port, proc.pid, texts, args.clients, args.duration, args.max_requests)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    result["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                         "loadavg_1min": round(os.getloadavg()[0], 2),
                         "thread_variables_set": sorted(k for k in os.environ if k.endswith("_NUM_THREADS"))}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
