"""Speed of the Danish pipeline and of the analysis on top of it.

Measures, on this machine, in one run:

* pipeline load time in a fresh process (target ≤ 1.5 s);
* ``nlp.pipe`` throughput on one core, in words as letterlab's LIX counts
  them (``letterlab.metrics.is_word``: not punctuation, numbers or
  whitespace), for the bare pipeline and with letterlab's letter components
  (target ≥ 8,000 words/s);
* the matrix products through numpy's OpenBLAS (``letterlab/nlp/fastops.py``,
  what letterlab uses) against thinc's blis, on the same pipeline and texts,
  interleaved ``--rounds`` times: the speed-up docs/model.md quotes;
* the cost of ``analyse`` on a ~400-word letter relative to the bare
  pipeline pass on the same text (target ≤ 1.3×);
* the reading time and RIX (``letterlab/readtime.py``) per letter, in µs.

The process runs numpy's BLAS on one thread, as ``letterlab`` does
(``letterlab.workerproc.limit_blas_threads``, through threadpoolctl after
numpy has loaded); no thread variables are set.

Usage: python benchmarks/bench_pipeline.py [--model NAME_OR_PATH] [--rounds N]
Prints one JSON object. Not a test: timings on shared machines are noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from benchutil import ROOT, corpus_texts, letter_of_about, words_of  # noqa: F401


def load_time(model: str | None) -> float:
    code = ("import time;t=time.perf_counter();from letterlab.nlp.pipeline import load_pipeline;"
            f"load_pipeline({model!r});print(time.perf_counter()-t)")
    times = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return min(times)


def throughput(nlp, texts: list[str], rounds: int) -> float:
    words = 0
    t = time.perf_counter()
    for _ in range(rounds):
        for doc in nlp.pipe(texts, batch_size=32):
            words += words_of(doc)
    return words / (time.perf_counter() - t)


def set_ops(nlp, ops) -> None:
    """Every thinc layer of ``nlp`` that runs on NumpyOps or BlasOps runs on ``ops``."""
    from thinc.api import NumpyOps

    from letterlab.nlp.fastops import BlasOps

    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) in (NumpyOps, BlasOps):
                node.ops = ops


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    import numpy  # noqa: F401  (so that the limit below has a BLAS to limit)
    from threadpoolctl import threadpool_limits
    from thinc.api import NumpyOps

    from letterlab import readtime
    from letterlab.core import analyse
    from letterlab.metrics import sentence_infos
    from letterlab.nlp.fastops import blas_ops
    from letterlab.nlp.pipeline import load_pipeline, resolve_model_name
    from letterlab.ruleset import default_ruleset
    from letterlab.structure import letter_zones

    threadpool_limits(limits=1)
    texts = corpus_texts()
    nlp_full = load_pipeline(args.model)
    nlp_bare = load_pipeline(args.model, letter_components=False)
    throughput(nlp_bare, texts[:4], 1)  # warm up
    bare_wps = throughput(nlp_bare, texts, args.rounds)
    full_wps = throughput(nlp_full, texts, args.rounds)

    # OpenBLAS (letterlab's ops) against blis (thinc's NumpyOps), interleaved on the bare pipeline
    blas_t, blis_t = [], []
    for _ in range(args.rounds):
        for ops, out in ((blas_ops(), blas_t), (NumpyOps(), blis_t)):
            set_ops(nlp_bare, ops)
            t = time.perf_counter()
            for _doc in nlp_bare.pipe(texts, batch_size=32):
                pass
            out.append(time.perf_counter() - t)
    set_ops(nlp_bare, blas_ops())

    letter = letter_of_about(400, texts)
    rules = default_ruleset()
    analyse(letter, rules, nlp=nlp_full)
    bare_t, full_t = [], []
    for _ in range(max(10, args.rounds * 4)):
        t = time.perf_counter()
        nlp_bare(letter)
        bare_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        analyse(letter, rules, nlp=nlp_full)
        full_t.append(time.perf_counter() - t)

    doc = nlp_full(letter)
    body = [s for s in sentence_infos(doc, letter_zones(doc)) if s.zone == "body" and s.words]
    rt = []
    lengths = [s.words for s in body]
    long_words = sum(s.long_words for s in body)
    for _ in range(200):
        # what metrics.compute adds for them: the RIX from the counts it has, the reading time from the text
        t = time.perf_counter()
        readtime.figures(doc, body, rix=readtime.rix_from_counts(long_words, len(body),
                                                                 sum(1 for x in lengths if x <= 2)))
        rt.append(time.perf_counter() - t)

    result = {
        "model": resolve_model_name(args.model),
        "load_seconds": round(load_time(args.model), 3),
        "pipe_words_per_second_bare": round(bare_wps),
        "pipe_words_per_second_with_letter_components": round(full_wps),
        "pipe_seconds_openblas_median": round(statistics.median(blas_t), 3),
        "pipe_seconds_blis_median": round(statistics.median(blis_t), 3),
        "openblas_speedup_over_blis": round(statistics.median(blis_t) / statistics.median(blas_t), 2),
        "letter_words": words_of(doc),
        "letter_tokens": len(doc),
        "bare_pass_ms_median": round(1000 * statistics.median(bare_t), 1),
        "analyse_ms_median": round(1000 * statistics.median(full_t), 1),
        "analyse_over_bare": round(statistics.median(full_t) / statistics.median(bare_t), 2),
        "readtime_us_per_letter_median": round(1e6 * statistics.median(rt)),
        "readtime_share_of_analyse": round(statistics.median(rt) / statistics.median(full_t), 4),
        "cpu_count": os.cpu_count(),
        "loadavg_1min": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
