"""CPU cost of texts dense in tokens, at the core's token limit (``MAX_TOKENS``), issue 15.

Target: no letter within the size limits costs more than 5 s of analysis; the token limit is set
so that the densest shapes below cost about 3.5 s of CPU at most on a quiet core (headroom for a
busy machine). Each shape (a number or a word repeated, one word a line, one sentence without
punctuation, a table of numbers, numbers with commas, ordinary prose) is built as long as the
core lets in: its ``token_estimate`` just under ``MAX_TOKENS`` (``--tokens`` to try another size).
Prints, per shape, the tokens the pipeline made, the longest sentence, and the CPU seconds of the
analysis (``time.process_time``, without a time limit) by stage: the tokenizer, the pipeline's
components, and the rest (letterlab's checks), the least and the median of ``--repeat`` runs.
CPU time, not wall time: other work on a shared machine slows the wall clock far more.
Usage: python benchmarks/bench_dense.py [--repeat 3] [--tokens N] [--shapes lines,table]
Not a test: timings on shared machines are noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time

HEAD = "Kære Anna\n\nVi har modtaget din ansøgning, og du skal sende os dine papirer. "
WORDS = "vi har modtaget din ansøgning om boligstøtte og vil behandle den".split()
PROSE = ["Vi har modtaget din ansøgning om boligstøtte, og vi vil behandle den hurtigst muligt.",
         "Du skal sende os dine lønsedler senest den 1. maj.",
         "Hvis du har spørgsmål, er du velkommen til at ringe til os på telefon 12 34 56 78.",
         "Afgørelsen er truffet efter lov om individuel boligstøtte § 14, stk. 2."]


def shape(name: str, n: int) -> str:
    """A letter of shape ``name`` with ``n`` units (words, numbers, lines, sentences)."""
    w = WORDS
    if name == "1 repeated":
        return HEAD + "1 " * n
    if name == "a repeated":
        return HEAD + "a " * n
    if name == "numbers with commas":
        return HEAD + ", ".join(str(i) for i in range(n))
    if name == "one sentence without punctuation":
        return HEAD + " ".join(w[i % len(w)] for i in range(n))
    if name == "one word a line":
        return HEAD + "\n".join(w[i % len(w)] for i in range(n))
    if name == "one capitalised word a line":
        return HEAD + "\n".join(w[i % len(w)].capitalize() for i in range(n))
    if name == "one number a line":
        return HEAD + "\n".join(str(i) for i in range(n))
    if name == "table of numbers":
        return HEAD + "\n".join(" ".join(str(i * 7 + j) for j in range(8)) for i in range(n))
    if name == "short sentences":
        return HEAD + " ".join(w[i % len(w)] + "." for i in range(n))
    if name == "prose":
        return HEAD + " ".join(PROSE[i % len(PROSE)] for i in range(n))
    if name == "prose in paragraphs":
        return HEAD + "\n\n".join(" ".join(PROSE[(i + k) % len(PROSE)] for k in range(3)) for i in range(n))
    raise KeyError(name)


SHAPES = ["1 repeated", "a repeated", "numbers with commas", "one sentence without punctuation", "one word a line",
          "one capitalised word a line", "one number a line", "table of numbers", "short sentences", "prose",
          "prose in paragraphs"]


def at_most(name: str, tokens: int) -> str:
    """The longest text of shape ``name`` whose ``token_estimate`` is at most ``tokens``."""
    from letterlab.core import token_estimate

    lo, hi = 1, 1
    while token_estimate(shape(name, hi)) <= tokens:
        lo, hi = hi, hi * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if token_estimate(shape(name, mid)) <= tokens else (lo, mid)
    return shape(name, lo)


def measure(nlp, rules, text: str) -> dict:
    from letterlab.core import analyse

    t = time.process_time()
    doc = nlp.make_doc(text)
    row = {"tokenizer": time.process_time() - t}
    for name, proc in nlp.pipeline:
        t = time.process_time()
        doc = proc(doc)
        row[name] = time.process_time() - t
    t = time.process_time()
    report = analyse(text, rules, nlp=nlp, time_limit=None)
    row["analyse"] = time.process_time() - t
    row["checks"] = row["analyse"] - sum(v for k, v in row.items() if k != "analyse")
    row["_tokens"] = len(doc)
    row["_longest_sentence"] = max(len(s) for s in doc.sents)
    row["_notices"] = [n["code"] for n in report.notices]
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tokens", type=int, default=None, help="token estimate of each text (default MAX_TOKENS)")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from letterlab.core import MAX_TOKENS, analyse, precheck, token_estimate
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.ruleset import default_ruleset

    nlp, rules = load_pipeline(None), default_ruleset()
    analyse("Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj.", rules, nlp=nlp)
    tokens = args.tokens or MAX_TOKENS
    out = {"max_tokens": MAX_TOKENS, "token_estimate": tokens, "load_average_start": os.getloadavg(), "shapes": {}}
    for name in args.shapes.split(","):
        text = at_most(name, tokens)
        runs = [measure(nlp, rules, text) for _ in range(args.repeat)]
        stages = [k for k in runs[0] if not k.startswith("_")]
        out["shapes"][name] = {
            "chars": len(text), "token_estimate": token_estimate(text), "tokens": runs[0]["_tokens"],
            "longest_sentence": runs[0]["_longest_sentence"], "notices": runs[0]["_notices"],
            "precheck": (precheck(text) or {}).get("code"),
            "cpu_s_min": {k: round(min(r[k] for r in runs), 2) for k in stages},
            "cpu_s_median": {k: round(statistics.median(r[k] for r in runs), 2) for k in stages},
        }
        print(json.dumps({name: out["shapes"][name]["cpu_s_min"]["analyse"]}), flush=True)
    out["load_average_end"] = os.getloadavg()
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
