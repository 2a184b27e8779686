"""Is the audit benchmark's floor inflated by BLAS threads? (issue #16)

Runs the one-process floor of ``bench_audit.py`` (a fresh python: import spaCy, load the pipeline, ``nlp.pipe``)
over ``--n`` generated letters of about 400 words, interleaved, as a user starts it and with
``OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=1``, and prints the CPU time per letter of each. If the two are alike, the
floor's CPU is not spent spinning threads, and the audit's CPU ratio against it is fair.

Usage: python benchmarks/floor_threads.py [--n 300] [--rounds 2]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_audit import FLOOR, corpus_sentences


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args(argv)
    from letterlab.nlp.pipeline import resolve_model_name

    rnd, sents, texts = random.Random(0), corpus_sentences(), []
    for _ in range(a.n):
        paras, count = [], 0
        while count < 400:
            p = " ".join(rnd.choice(sents) for _ in range(rnd.randint(2, 4)))
            count += len(p.split())
            paras.append(p)
        texts.append("\n\n".join(paras))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        base = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
        for _ in range(a.rounds):
            for label, extra in (("as a user starts it", {}),
                                 ("one BLAS thread", {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"})):
                cpu0, t0 = _child_cpu(), time.perf_counter()
                subprocess.run([sys.executable, "-c", FLOOR, str(path), resolve_model_name(None), "1"],
                               env={**base, **extra}, check=True)
                print(f"{label}: wall {time.perf_counter() - t0:.1f} s, "
                      f"CPU {1000 * (_child_cpu() - cpu0) / a.n:.1f} ms a letter", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
