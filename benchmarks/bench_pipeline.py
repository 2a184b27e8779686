"""Speed of the Danish pipeline and of the analysis on top of it.

Measures, on this machine:

* pipeline load time in a fresh process (target ≤ 1.5 s);
* ``nlp.pipe`` throughput on one core, in words (tokens that are not
  whitespace) per second, for the bare pipeline and with letterlab's letter
  components (target ≥ 8,000 words/s);
* the cost of ``analyse`` on a ~400-word letter relative to the bare
  pipeline pass on the same text (target ≤ 1.3×).

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

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

from benchutil import ROOT, corpus_texts, letter_of_about  # noqa: E402  (after the thread limits)






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
            words += sum(1 for tok in doc if not tok.is_space)
    return words / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline, resolve_model_name
    from letterlab.ruleset import default_ruleset

    texts = corpus_texts()
    nlp_full = load_pipeline(args.model)
    nlp_bare = load_pipeline(args.model, letter_components=False)
    throughput(nlp_bare, texts[:4], 1)  # warm up
    bare_wps = throughput(nlp_bare, texts, args.rounds)
    full_wps = throughput(nlp_full, texts, args.rounds)

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
    result = {
        "model": resolve_model_name(args.model),
        "load_seconds": round(load_time(args.model), 3),
        "pipe_words_per_second_bare": round(bare_wps),
        "pipe_words_per_second_with_letter_components": round(full_wps),
        "letter_words": len(letter.split()),
        "bare_pass_ms_median": round(1000 * statistics.median(bare_t), 1),
        "analyse_ms_median": round(1000 * statistics.median(full_t), 1),
        "analyse_over_bare": round(statistics.median(full_t) / statistics.median(bare_t), 2),
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
