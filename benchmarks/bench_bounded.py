"""Cost of hostile letters in-process (``check``, ``rewrite``, ``compare``, ``audit --jobs 1``), issue 15.

Analyses, in this process and with the core's default time limit (5 s), letters of up to
200,000 characters built to be slow: one sentence without punctuation, 66,000 tiny sentences,
many merge fields, one word a line, many short paragraphs, a 400-word letter repeated to
196,000 characters, 16,000 hyphens glued to a word; and the 400-word letter itself. Prints, per
letter, the seconds the analysis took and its notices (``too_slow`` when the limit stopped it).
Usage: python benchmarks/bench_bounded.py [--no-limit]. Not a test: timings on shared machines are noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import time

from benchutil import corpus_texts, letter_of_about

WORDS = "vi har modtaget din ansøgning om boligstøtte og vil behandle den hurtigst muligt når alle oplysninger".split()


def letters() -> dict[str, str]:
    r = random.Random(1)

    def words(n: int) -> str:
        return " ".join(r.choice(WORDS) for _ in range(n))

    normal = letter_of_about(400, corpus_texts())
    return {
        "normal 400 words": normal,
        "one sentence without punctuation": ("Kære Anna\n\n" + words(40_000))[:190_000],
        "66,000 tiny sentences": "Ja. " * 66_000,      # refused at once: over MAX_TOKENS
        "many merge fields": "Kære {navn}\n\n" + " ".join(f"{{felt{k}}} har" for k in range(18_000)),
        "one word a line": "\n".join(words(40_000).split())[:199_000],
        "many short paragraphs": ("Vi har brug for dine papirer.\n\n" * 6500)[:199_000],
        "400-word letter repeated": ((normal + "\n\n") * 80)[:196_000],
        # found by the fuzz: the rewrite guard's word pattern backtracks over a run of hyphens
        # (letterlab/rewrite/guard.py ``_WORD_RE``; 17 s without a limit at load 5)
        "16,000 hyphens glued to a word": "Kære Anna\n\nVi har modtaget din ansøgning. Svar" + "-" * 16_000 + " tak.",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-limit", action="store_true", help="analyse without a time limit (the cost before #15)")
    args = ap.parse_args()
    from letterlab.core import TIME_LIMIT, analyse
    from letterlab.nlp.pipeline import load_pipeline

    nlp = load_pipeline(None)
    limit = None if args.no_limit else TIME_LIMIT
    analyse("Kære Anna\n\nDu får hjælp.", nlp=nlp)
    out = {"time_limit": limit, "load_average_start": os.getloadavg(), "letters": {}}
    for name, text in letters().items():
        t = time.perf_counter()
        report = analyse(text, nlp=nlp, time_limit=limit)
        out["letters"][name] = {"chars": len(text), "seconds": round(time.perf_counter() - t, 2),
                                "notices": [n["code"] for n in report.notices], "findings": len(report.findings)}
    out["load_average_end"] = os.getloadavg()
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
