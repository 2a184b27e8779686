"""Benchmark ``letterlab audit`` as a user starts it, beside the floor, in one run.

Generates N (default 1000) letters of about 400 words from the corpus
sentences into a temporary folder (.docx), then runs, interleaved and
``--repeat`` times (so a busy machine slows all of them alike):

* the one-process floor: a fresh ``python`` that imports spaCy, loads the same
  pipeline and runs ``nlp.pipe`` over the letters' texts (already extracted);
* the two-process floor: the same with ``nlp.pipe(..., n_process=2)``;
* ``letterlab audit`` exactly as a user types it: the console script installed
  next to this interpreter (``.venv/bin/letterlab``), the default ``--jobs``,
  a fresh cache, and no thread variables set by this script;
* the rerun over the unchanged folder (served from the cache).

It reports wall time and CPU time (the whole process tree, from
``getrusage(RUSAGE_CHILDREN)``) per letter for each, and the ratios the
targets are stated in: audit wall / two-process floor wall (target ≤ 1.0),
audit CPU per letter / one-process floor CPU per letter (target ≤ 1.25),
rerun / first run (target < 10 %). CPU time holds up on a busy machine where
wall times do not. Peak memory of the audit's process tree is sampled every 0.1 s.

Usage::

    python benchmarks/bench_audit.py --n 1000 --repeat 3
    python benchmarks/bench_audit.py --n 10000 --repeat 1 --json out.json
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchutil import CORPUS, script_path, tree_rss

HEADINGS = ["Du får støtte til din husleje", "Vi kan ikke give dig tilskud", "Kom til samtale", "Ny affaldsordning",
            "Din ansøgning om hjælp", "Vi har modtaget din klage", "Betaling for din plads"]


def corpus_sentences() -> list[str]:
    out = []
    for p in sorted(CORPUS.glob("*/*.txt")):
        for para in p.read_text(encoding="utf-8").split("\n\n"):
            for s in re.split(r"(?<=[.?!])\s+", para.strip()):
                s = " ".join(s.split())
                if len(s.split()) >= 4 and s[-1] in ".?!":
                    out.append(s)
    return out


def generate(folder: Path, n: int, words: int, seed: int = 0) -> None:
    import docx

    rnd = random.Random(seed)
    sents = corpus_sentences()
    for i in range(n):
        d = docx.Document()
        d.add_heading(rnd.choice(HEADINGS), 1)
        d.add_paragraph("Kære {navn}")
        count = 0
        while count < words:
            para = " ".join(rnd.choice(sents) for _ in range(rnd.randint(2, 4)))
            count += len(para.split())
            d.add_paragraph(para)
        d.add_paragraph("Med venlig hilsen")
        sub = folder / f"omraade{i % 20:02d}"
        sub.mkdir(exist_ok=True)
        d.save(sub / f"brev{i:05d}.docx")




FLOOR = """
import json, sys, spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[3])):
    pass
"""


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run(cmd: list[str], env: dict | None = None) -> tuple[float, int, int, float]:
    """(seconds, peak tree RSS bytes, exit status, CPU seconds of the tree) of one run of ``cmd``."""
    cpu0 = _child_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(proc.pid))
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    dt = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit(f"{cmd[:3]} failed with {proc.returncode}")
    return dt, peak, proc.returncode, _child_cpu() - cpu0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of letters (1000 or 10000)")
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3, help="interleaved rounds of floor and audit")
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", default=None, help="also write the results here")
    ap.add_argument("--keep", default=None, help="generate into this folder and keep it")
    a = ap.parse_args(argv)

    from letterlab.nlp.pipeline import resolve_model_name
    from letterlab.readers import read_document

    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="bench-audit-"))
    letters = tmp / "breve"
    letters.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if a.model:
        env["LETTERLAB_MODEL"] = a.model
    pipeline = resolve_model_name(a.model)
    results: dict = {"n": a.n, "target_words": a.words, "pipeline": pipeline,
                     "thread_variables_set": sorted(k for k in env if k.endswith("_NUM_THREADS"))}

    t0 = time.perf_counter()
    if not any(letters.rglob("*.docx")):
        generate(letters, a.n, a.words)
    results["generate_s"] = round(time.perf_counter() - t0, 1)

    files = sorted(letters.rglob("*.docx"))
    texts = [read_document(f).text for f in files]
    n = len(files)
    results["letters"] = n
    results["words_whitespace"] = sum(len(t.split()) for t in texts)
    texts_json = tmp / "texts.json"
    texts_json.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    del texts
    print(f"{n} letters in {letters}", flush=True)

    floor = [sys.executable, "-c", FLOOR, str(texts_json), pipeline]
    audit = [script_path("letterlab"), "audit", str(letters), "--progress", "never"]
    rounds = []
    for k in range(a.repeat):
        cache, hist, out = tmp / f"cache{k}.sqlite", tmp / f"hist{k}.sqlite", tmp / f"out{k}"
        for stale in (cache, hist):   # a kept folder may hold the last run's cache: the first run must start empty
            for suffix in ("", "-wal", "-shm"):
                Path(str(stale) + suffix).unlink(missing_ok=True)
        args = ["--out", str(out), "--cache", str(cache), "--history", str(hist)]
        r = {}
        for name, cmd in (("floor_1proc", floor + ["1"]), ("audit", audit + args),
                          ("floor_2proc", floor + ["2"]), ("audit_rerun", audit + args)):
            wall, peak, rc, cpu = run(cmd, env)
            r[name] = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "cpu_ms_per_letter": round(1000 * cpu / n, 1),
                       "peak_rss_mb": round(peak / 2**20)}
        r["audit_wall_over_floor_2proc"] = round(r["audit"]["wall_s"] / r["floor_2proc"]["wall_s"], 3)
        r["audit_cpu_over_floor_1proc"] = round(r["audit"]["cpu_s"] / r["floor_1proc"]["cpu_s"], 3)
        r["rerun_share"] = round(r["audit_rerun"]["wall_s"] / r["audit"]["wall_s"], 4)
        rounds.append(r)
        print(json.dumps(r), flush=True)
    results["rounds"] = rounds
    results["median"] = {key: statistics.median(r[key] for r in rounds)
                         for key in ("audit_wall_over_floor_2proc", "audit_cpu_over_floor_1proc", "rerun_share")}
    results["targets"] = {"audit_wall_over_floor_2proc": 1.0, "audit_cpu_over_floor_1proc": 1.25, "rerun_share": 0.10}
    results["loadavg_1min"] = round(os.getloadavg()[0], 2)
    print(json.dumps(results, indent=2))
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
