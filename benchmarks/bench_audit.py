"""Benchmark ``letterlab audit`` on generated .docx letters.

Generates N (default 1000) letters of about 400 words from the corpus
sentences into a temporary folder, then measures:

* the bare pipeline: ``nlp.pipe`` words/s on the same texts (one process, and
  with ``n_process=2``);
* ``letterlab audit`` (the real CLI, in a subprocess) words/s for each
  ``--jobs`` value, first run with an empty cache;
* the second run over the unchanged folder (cache hits), as a share of the first;
* peak memory of the audit's whole process tree (RSS summed over the process
  and its workers, sampled every 0.1 s);
* cost per letter, to compare 1,000 with 10,000 letters;
* CPU seconds per word of the audit's process tree against the bare pipeline,
  a figure that holds up on a busy machine where wall-clock times do not.

Usage::

    LETTERLAB_MODEL=/path/to/model python benchmarks/bench_audit.py --n 1000
    python benchmarks/bench_audit.py --n 10000 --jobs 2 --no-baseline --json out.json
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# The one-process baseline runs on one core, like each audit worker.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from benchutil import CORPUS, ROOT, tree_rss  # noqa: E402

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




def _child_cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_cli(args: list[str], env: dict) -> tuple[float, int, int, float]:
    """(seconds, peak tree RSS bytes, exit status, CPU seconds of the tree) of one ``letterlab audit`` run."""
    cpu0 = _child_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "letterlab", "audit", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    return dt, peak, proc.returncode, _child_cpu() - cpu0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of letters (1000 or 10000)")
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure (first run each)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare nlp.pipe measurement")
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", default=None, help="also write the results here")
    ap.add_argument("--keep", default=None, help="generate into this folder and keep it")
    a = ap.parse_args(argv)

    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="bench-audit-"))
    letters = tmp / "breve"
    letters.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if a.model:
        env["LETTERLAB_MODEL"] = a.model
    results: dict = {"n": a.n, "target_words": a.words}

    t0 = time.perf_counter()
    if not any(letters.rglob("*.docx")):
        generate(letters, a.n, a.words)
    results["generate_s"] = round(time.perf_counter() - t0, 1)

    from letterlab.readers import read_document

    files = sorted(letters.rglob("*.docx"))
    texts = [read_document(f).text for f in files]
    words = sum(len(t.split()) for t in texts)
    results["letters"] = len(files)
    results["words"] = words
    print(f"{len(files)} letters, {words} words ({words / len(files):.0f} per letter)", flush=True)

    if not a.no_baseline:
        from letterlab.nlp.pipeline import load_pipeline

        nlp = load_pipeline(a.model)
        list(nlp.pipe(texts[:20]))  # warm up
        t, c = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        dt, cpu = time.perf_counter() - t, time.process_time() - c
        results["pipe_1proc_words_s"] = round(words / dt)
        results["pipe_1proc_words_per_cpu_s"] = round(words / cpu)
        print(f"bare nlp.pipe, 1 process: {words / dt:.0f} words/s ({words / cpu:.0f} words per CPU second)", flush=True)
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16, n_process=2):
            pass
        dt = time.perf_counter() - t
        results["pipe_2proc_words_s"] = round(words / dt)
        print(f"bare nlp.pipe, n_process=2: {words / dt:.0f} words/s", flush=True)
    del texts

    for jobs in [int(j) for j in a.jobs.split(",") if j]:
        tag = f"jobs{jobs}"
        cache, hist, out = tmp / f"cache-{tag}.sqlite", tmp / f"hist-{tag}.sqlite", tmp / f"out-{tag}"
        for p in (cache, hist):
            for suffix in ("", "-wal", "-shm"):
                Path(str(p) + suffix).unlink(missing_ok=True)
        common = [str(letters), "--out", str(out), "--cache", str(cache), "--history", str(hist),
                  "--jobs", str(jobs), "--progress", "never"]
        first, peak1, rc1, cpu1 = run_cli(common, env)
        second, peak2, rc2, _ = run_cli(common, env)
        r = {
            "first_s": round(first, 1), "second_s": round(second, 2),
            "second_share": round(second / first, 4),
            "words_s": round(words / first), "words_per_cpu_s": round(words / cpu1), "ms_per_letter": round(1000 * first / len(files), 1),
            "peak_rss_mb_first": round(peak1 / 2**20), "peak_rss_mb_second": round(peak2 / 2**20),
            "exit": [rc1, rc2],
        }
        if "pipe_1proc_words_s" in results:
            r["vs_pipe_1proc"] = round(r["words_s"] / results["pipe_1proc_words_s"], 2)
            r["vs_pipe_2proc"] = round(r["words_s"] / results["pipe_2proc_words_s"], 2)
            r["cpu_efficiency_vs_pipe"] = round(r["words_per_cpu_s"] / results["pipe_1proc_words_per_cpu_s"], 2)
        results[tag] = r
        print(f"audit --jobs {jobs}: {json.dumps(r)}", flush=True)

    print(json.dumps(results, indent=2))
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
