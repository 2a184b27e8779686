"""CPU time spent inside the tone rules' check (every family, rules and model) per letter of about 400 words.

Usage: python benchmarks/bench_tone_check.py [--passes N]
``bench_tone_model.py`` compares whole analyses with and without the tone rules; on a busy machine its share moves by
several points between runs. This script times ``letterlab.checks.tone.check`` itself inside normal analyses of the
same 400-word letters, and prints the minimum and the median over ``--passes`` passes, next to the analysis time, so
two commits can be compared run against run (interleave them). No timing is asserted anywhere.
"""
from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

from benchutil import corpus_texts, letter_of_about  # noqa: E402

from letterlab.checks import tone  # noqa: E402
from letterlab.core import analyse  # noqa: E402
from letterlab.nlp.pipeline import load_pipeline  # noqa: E402
from letterlab.ruleset import default_ruleset  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=15)
    args = ap.parse_args()
    corpus = corpus_texts()
    letters = [letter_of_about(400, corpus[i:] + corpus[:i]) for i in range(0, len(corpus), 4)]
    rules, nlp = default_ruleset(), load_pipeline(None)
    spent = [0.0]
    check = tone.check

    def timed(doc, rule):
        t0 = time.process_time()
        out = list(check(doc, rule))
        spent[0] += time.process_time() - t0
        return iter(out)

    tone.check = timed
    for text in letters:        # warm up: the pipeline, the model, the regex caches
        analyse(text, rules, nlp=nlp)
    runs = []
    for _ in range(args.passes):
        spent[0] = 0.0
        t0 = time.process_time()
        for text in letters:
            analyse(text, rules, nlp=nlp)
        runs.append((spent[0] / len(letters) * 1000, (time.process_time() - t0) / len(letters) * 1000))
    tone_ms = sorted(r[0] for r in runs)
    total_ms = sorted(r[1] for r in runs)
    print(f"{len(letters)} letters of about 400 words, {args.passes} passes: tone check {tone_ms[0]:.2f} ms per letter "
          f"(median {tone_ms[len(tone_ms) // 2]:.2f}); analysis {total_ms[0]:.1f} ms (median "
          f"{total_ms[len(total_ms) // 2]:.1f}); the tone check is {100 * tone_ms[0] / (total_ms[0] - tone_ms[0]):.1f} % "
          f"of the rest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
