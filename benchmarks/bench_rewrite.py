"""How much the rewrite suggestions and their guard add to the analysis of a ~400-word letter (target: <= 30 %).

Times ``analyse`` on the same letter twice over: once with the rewrite hooks
(passive -> active, sentence splits) switched off, once as shipped plus the
message-first proposal that ``letterlab rewrite`` adds. Both include the
spaCy parse, as a user's run does. Prints the medians and the overhead.
The guard (``rewrite.guard.guard_findings`` on every suggestion, and
``letter_guard`` on the rewritten letter) counts as part of the suggestions.

    LETTERLAB_MODEL=/path/to/model python benchmarks/bench_rewrite.py [--rounds 15] [--clock cpu]

``--clock cpu`` times with the process's CPU time instead of the wall clock: on a machine that
other jobs keep busy, wall times swing by a third while CPU time holds much better.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "letters"


def letter_of(words: int = 400) -> str:
    """A realistic ~400-word letter: heading, salutation, body paragraphs from the corpus, closing."""
    paras: list[str] = []
    for path in sorted(CORPUS.glob("*/before.txt")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n\n")[2:-3]
        paras += [p for p in body if len(p.split()) > 15]
    out, n = [], 0
    for p in paras:
        if n >= words:
            break
        out.append(p)
        n += len(p.split())
    return "Vedrørende Deres ansøgning\n\nKære {navn}\n\n" + "\n\n".join(out) + "\n\nMed venlig hilsen\n\nMette Lund\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = ap.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    import letterlab.core as core
    from letterlab.checks import passive, sentence_length
    from letterlab.core import analyse
    from letterlab.rewrite.apply import apply_suggestions, choose
    from letterlab.rewrite.guard import letter_guard
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.rewrite.message_first import message_first_suggestions
    from letterlab.ruleset import default_ruleset

    nlp = load_pipeline()
    rules = default_ruleset()
    text = letter_of(args.words)
    n_words = len(text.split())

    def with_suggestions():
        report = analyse(text, rules, nlp=nlp)
        message_first_suggestions(report)
        letter_guard(text, apply_suggestions(text, choose(report, "safe")))
        return report

    def without_suggestions():
        saved = passive._suggest, sentence_length._suggest, core.guard_findings
        passive._suggest = lambda *a, **k: ()
        sentence_length._suggest = lambda *a, **k: ()
        core.guard_findings = lambda text, findings, *a, **k: findings
        try:
            return analyse(text, rules, nlp=nlp)
        finally:
            passive._suggest, sentence_length._suggest, core.guard_findings = saved

    # 1. A/B: interleaved so drift on the machine hits both alike (noisy on a busy machine)
    with_suggestions(), without_suggestions()   # warm up
    base, full = [], []
    for _ in range(args.rounds):
        for fn, into in ((without_suggestions, base), (with_suggestions, full)):
            t = clock()
            fn()
            into.append(clock() - t)
    t0, t1 = statistics.median(base), statistics.median(full)

    # 2. Instrumented: the time spent inside the rewrite hooks themselves, against the whole analysis
    spent = [0.0]

    def timed(fn):
        def wrapper(*a, **k):
            t = clock()
            try:
                return fn(*a, **k)
            finally:
                spent[0] += clock() - t
        return wrapper

    saved = passive._suggest, sentence_length._suggest, core.guard_findings
    passive._suggest, sentence_length._suggest = timed(saved[0]), timed(saved[1])
    core.guard_findings = timed(saved[2])
    mf = timed(message_first_suggestions)
    lg = timed(letter_guard)
    totals, hooks = [], []
    try:
        for _ in range(args.rounds):
            spent[0] = 0.0
            t = clock()
            report = analyse(text, rules, nlp=nlp)
            mf(report)
            lg(text, apply_suggestions(text, choose(report, "safe")))
            totals.append(clock() - t)
            hooks.append(spent[0])
    finally:
        passive._suggest, sentence_length._suggest, core.guard_findings = saved
    total, hook = statistics.median(totals), statistics.median(hooks)

    mine = sum(1 for f in report.findings for s in f.suggestions if s.kind in ("passive", "split"))
    print(f"letter: {n_words} words, {len(report.findings)} findings, {mine} passive/split suggestions")
    print(f"A/B   analysis without rewrite suggestions: {t0 * 1000:.1f} ms, with: {t1 * 1000:.1f} ms "
          f"({100 * (t1 - t0) / t0:+.1f} %, mostly noise)")
    print(f"hooks time inside the rewrite functions: {hook * 1000:.2f} ms of {total * 1000:.1f} ms")
    print(f"overhead: {100 * hook / (total - hook):.1f} % of the analysis without them (target <= 30 %)")


if __name__ == "__main__":
    main()
