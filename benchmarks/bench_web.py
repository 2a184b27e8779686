"""Speed and memory of the web app (``letterlab serve``) on this machine.

Starts ``letterlab serve`` on 127.0.0.1 and a free port in a child process, then measures:

* ``POST /api/analyse`` of a ~400-word letter, warm: median latency over
  ``--rounds`` requests, one at a time (target ≤ 150 ms), next to the median of
  calling ``letterlab.core.analyse`` in-process on the same letter, so the cost
  of the web layer itself shows;
* a bounded load run: ``--clients`` threads (default 20) posting corpus letters
  for ``--duration`` seconds (default 60), each stopping at the deadline or after
  ``--max-requests`` requests: errors (target 0), median latency (target ≤ 1 s),
  and the resident memory of the server and its worker processes at the start and the end (target: flat ±10 %).

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

from benchutil import ROOT, corpus_texts, letter_of_about, tree_rss

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


def start_server(port: int, model: str | None, threads: int, workers: int | None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "letterlab", "serve", "--host", HOST, "--port", str(port),
           "--threads", str(threads), "--quiet"]
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


def core_latency(text: str, rounds: int, model: str | None) -> float:
    """Median ms of ``analyse`` in this process: the floor under the API's latency."""
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.ruleset import default_ruleset

    nlp, rules = load_pipeline(model), default_ruleset()
    for _ in range(3):
        analyse(text, rules, nlp=nlp, model=model)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        analyse(text, rules, nlp=nlp, model=model)
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def warm_latency(port: int, text: str, rounds: int) -> dict:
    body = json.dumps({"text": text}).encode("utf-8")
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    for _ in range(3):
        assert post(conn, body) == 200
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        status = post(conn, body)
        times.append((time.perf_counter() - t) * 1000)
        assert status == 200, status
    conn.close()
    return {"words": len(text.split()), "rounds": rounds, "median_ms": round(statistics.median(times), 1),
            "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1), "target_median_ms": 150}


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
    ap.add_argument("--threads", type=int, default=8, help="waitress threads in the server")
    ap.add_argument("--workers", type=int, default=None, help="analysis processes (default: the server's, one per core)")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    texts = corpus_texts()
    letter = letter_of_about(400, texts)
    core_ms = core_latency(letter, args.rounds, args.model)
    port = free_port()
    proc = start_server(port, args.model, args.threads, args.workers)
    try:
        result = {"warm": warm_latency(port, letter, args.rounds)}
        result["warm"]["core_analyse_median_ms"] = core_ms
        result["warm"]["web_overhead_ms"] = round(result["warm"]["median_ms"] - core_ms, 1)
        result["load"] = load_run(port, proc.pid, texts, args.clients, args.duration, args.max_requests)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    result["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
