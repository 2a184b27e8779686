"""Load with slow clients and hostile requests against ``letterlab serve`` (issue 15's targets).

Starts ``letterlab serve`` on 127.0.0.1 (never another address) and a free port, then, at the same time:

* ``--slow`` idle/slow connections (default 150): each sends half a request line and then one byte
  every few seconds, never finishing (a slowloris client), and is re-opened if the server closes it;
* ``--clients`` load clients (default 20) posting a ~400-word letter for ``--duration`` seconds
  (default 60, each client at most ``--max-requests`` requests): errors (target 0), median latency
  (target ≤ 1 s) and the resident memory of the server and its workers (target: flat ±10 %);
* ``--hostile`` clients (default 0; run it again with e.g. ``--hostile 2 --clients 2``) posting letters that hit the analysis time limit (the old quadratic
  tokenizer input, and 190,000-character letters), to show that normal requests still answer.

Everything is bounded in time and count; the server is stopped at the end. Prints one JSON object.
Usage: python benchmarks/bench_harden.py [--clients 20] [--slow 150] [--duration 60]
Not a test: timings on shared machines are noisy.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import threading
import time

from bench_web import HOST, HEADERS, free_port, load_run, start_server
from benchutil import corpus_texts, letter_of_about, tree_rss


def slow_clients(port: int, n: int, stop: threading.Event) -> dict:
    """``n`` connections that never finish their request; counts how often the server closed one."""
    stats = {"opened": 0, "closed_by_server": 0, "refused": 0}
    lock = threading.Lock()

    def one(k: int) -> None:
        while not stop.is_set():
            try:
                s = socket.create_connection((HOST, port), timeout=10)
            except OSError:
                with lock:
                    stats["refused"] += 1
                stop.wait(1.0)
                continue
            with lock:
                stats["opened"] += 1
            try:
                s.sendall(b"POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                while not stop.wait(5.0):
                    s.sendall(b"a")
            except OSError:
                with lock:
                    stats["closed_by_server"] += 1
            finally:
                s.close()

    threads = [threading.Thread(target=one, args=(k,), daemon=True) for k in range(n)]
    for t in threads:
        t.start()
    return {"threads": threads, "stats": stats}


def hostile_client(port: int, stop: threading.Event, out: dict) -> None:
    bodies = [json.dumps({"text": "Kære Anna\n\nSvar" + "=" * 150_000}).encode(),
              json.dumps({"text": "Kære Anna\n\n" + '"' * 150_000 + " tak"}).encode(),
              json.dumps({"text": ((letter_of_about(400, corpus_texts()) + "\n\n") * 80)[:190_000]}).encode()]
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
    out["hostile"] = {"requests": i, "statuses": statuses,
                      "max_s": round(max(times), 2) if times else None,
                      "median_s": round(statistics.median(times), 2) if times else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--slow", type=int, default=150)
    ap.add_argument("--hostile", type=int, default=0, help="clients sending letters that hit the time limit")
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=5000)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    letter = letter_of_about(400, corpus_texts())
    port = free_port()
    proc = start_server(port, args.model, args.threads, args.workers)
    stop = threading.Event()
    result: dict = {"letter_words": len(letter.split()), "cpus": os.cpu_count(),
                    "load_average_start": os.getloadavg()}
    try:
        slow = slow_clients(port, args.slow, stop)
        time.sleep(3)                        # the slow connections are open before the load starts
        # warm: every worker has seen a real letter, so "memory flat" compares steady states
        load_run(port, proc.pid, [letter], args.clients, 60.0, 1)
        result["rss_before_load_mb"] = round(tree_rss(proc.pid) / 2**20, 1)
        hostile = [threading.Thread(target=hostile_client, args=(port, stop, result), daemon=True)
                   for _ in range(args.hostile)]
        for t in hostile:
            t.start()
        result["load"] = load_run(port, proc.pid, [letter], args.clients, args.duration, args.max_requests)
        stop.set()
        for t in hostile:
            t.join(150)
        result["slow_connections"] = dict(slow["stats"], open_at_once=args.slow)
        result["load_average_end"] = os.getloadavg()
    finally:
        stop.set()
        proc.terminate()
        try:
            proc.wait(30)
        except Exception:  # noqa: BLE001
            proc.kill()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
