"""What the tone check (rules + the learned model) costs in the analysis of a letter.

Usage: python benchmarks/bench_tone_model.py [--rounds N]
Analyses each corpus letter and a letter of about 400 words (paragraphs of the corpus letters) three
ways: without the tone rules, with the tone rules alone, with the rules and the model
(``letterlab.checks.tone_model``), and prints the CPU time (``time.process_time``) of ``analyse``, the best
of ``--rounds`` rounds, and the share the tone check adds. The target (issue #12): at most 10 % on a
400-word letter. No threads are started; run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

from benchutil import corpus_texts, letter_of_about  # noqa: E402

from letterlab.checks import tone_model  # noqa: E402
from letterlab.core import analyse  # noqa: E402
from letterlab.nlp.pipeline import load_pipeline  # noqa: E402
from letterlab.ruleset import default_ruleset  # noqa: E402


def cpu(texts, rules, nlp, model_on: bool, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        if model_on:
            for t in texts:
                analyse(t, rules, nlp=nlp, time_limit=None)
        else:
            with tone_model.using(None):
                for t in texts:
                    analyse(t, rules, nlp=nlp, time_limit=None)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    nlp = load_pipeline(None)
    rules = default_ruleset()
    no_tone = rules.with_switches(disable=["anerkendende-tone"])
    corpus = corpus_texts()
    four = [letter_of_about(400, corpus[i:] + corpus[:i]) for i in range(0, len(corpus), 4)]
    analyse(corpus[0], rules, nlp=nlp, time_limit=None)     # warm: the pipeline, the rules, the model file
    for name, texts in (("400-word letters", four), ("corpus letters", corpus)):
        base = cpu(texts, no_tone, nlp, False, args.rounds)
        ruled = cpu(texts, rules, nlp, False, args.rounds)
        full = cpu(texts, rules, nlp, True, args.rounds)
        words = sum(len(t.split()) for t in texts) / len(texts)
        print(f"{name} ({len(texts)}, {words:.0f} words on average), CPU s per letter: "
              f"no tone {base / len(texts):.4f}, tone rules {ruled / len(texts):.4f}, "
              f"rules + model {full / len(texts):.4f}; the tone check adds {full / base - 1:+.1%} "
              f"(the model alone {full / ruled - 1:+.1%})")


if __name__ == "__main__":
    main()
