"""Precision/recall of the tone rules on tests/data/tone, and what the tone rules cost in time.

Usage::

    python benchmarks/eval_tone.py [--data DIR] [--model NAME_OR_PATH] [--verbose] [--speed] [--rounds N]

Prints the table of ``letterlab.evaluate_tone`` (tuned and held-out slices).
With ``--speed``, also times ``analyse`` on a ~400-word letter from the corpus
with all rules and with the tone rules switched off (same parsed text, best
of N rounds of the check phase, measured CPU time), and prints the extra
share. Not a test: timings on shared machines are noisy.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchutil import corpus_texts, letter_of_about  # noqa: E402
from letterlab.evaluate_tone import DEFAULT_DATA, evaluate, format_table  # noqa: E402


def speed(nlp, rounds: int) -> dict:
    from letterlab.core import analyse
    from letterlab.ruleset import default_ruleset

    rs = default_ruleset()
    no_tone = rs.with_switches(disable=["anerkendende-tone"])
    texts = [t for t in corpus_texts()]
    letter = letter_of_about(400, texts[::2])           # the "before" letters: the ones with tone findings
    words = len(letter.split())
    for ruleset in (rs, no_tone):                      # warm up caches
        analyse(letter, ruleset, nlp=nlp)
    timings = {"with_tone": [], "without_tone": []}
    for _ in range(rounds):
        for name, ruleset in (("with_tone", rs), ("without_tone", no_tone)):
            t0 = time.process_time()
            analyse(letter, ruleset, nlp=nlp)
            timings[name].append(time.process_time() - t0)
    w, wo = min(timings["with_tone"]), min(timings["without_tone"])
    mw, mwo = statistics.median(timings["with_tone"]), statistics.median(timings["without_tone"])
    return {"words": words, "rounds": rounds,
            "best_ms_with_tone": round(1000 * w, 2), "best_ms_without_tone": round(1000 * wo, 2),
            "extra_share_best": round(w / wo - 1, 3),
            "median_ms_with_tone": round(1000 * mw, 2), "median_ms_without_tone": round(1000 * mwo, 2),
            "extra_share_median": round(mw / mwo - 1, 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", default=None)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    from letterlab.nlp.pipeline import load_pipeline

    nlp = load_pipeline(args.model)
    print(format_table(evaluate(args.data, nlp, verbose=args.verbose)))
    if args.speed:
        s = speed(nlp, args.rounds)
        print(f"\nSpeed on a {s['words']}-word letter ({s['rounds']} rounds, CPU time of analyse):")
        for k, v in s.items():
            print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
