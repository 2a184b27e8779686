"""Precision and recall of the "anerkendende tone" rules on a hand-written evaluation set.

Reads ``tests/data/tone/*.toml`` (``[[example]]`` tables with ``text``,
``expect`` = the tone families an editor flags, ``area``, and for whole
letters optionally ``marks``: the problem passages an editor marked). Each example
counts once per family: a true positive when the family is expected and the
rule ``anerkendende-tone.<family>`` finds something, a false positive when it
finds something that is not expected, a false negative when it finds nothing
that is expected.

The held-out slice is every 4th example (counting over all files in name
order); it was kept out of sight while the rules were tuned. Run::

    python -m letterlab.evaluate_tone [--data DIR] [--verbose] [--json]
    python -m letterlab.evaluate_tone --cross-writer     # rules alone vs rules + the tone model, per writer

Used by ``benchmarks/eval_tone.py`` and ``tests/checks/test_tone_eval.py``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path

from .checks.tone import FAMILIES

PREFIX = "anerkendende-tone."
DEFAULT_DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "tone"
HELD_OUT_EVERY = 4


def load_examples(folder: Path = DEFAULT_DATA) -> list[dict]:
    """All examples in file-name order, each with ``held_out`` set."""
    out: list[dict] = []
    for path in sorted(Path(folder).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for ex in data.get("example", []):
            unknown = set(ex.get("expect", [])) - set(FAMILIES)
            if unknown:
                raise ValueError(f"{path.name}: unknown family {sorted(unknown)}")
            marks = ex.get("marks", [])
            missing = [m for m in marks if m not in ex["text"]]
            if missing:
                raise ValueError(f"{path.name}: marks not in the text: {missing}")
            out.append({"text": ex["text"], "expect": set(ex.get("expect", [])), "area": ex.get("area", ""),
                        "file": path.name, "marks": marks})
    for i, ex in enumerate(out):
        ex["held_out"] = i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
    return out


def predict(examples: list[dict], nlp=None, rules=None, spans: list | None = None) -> list[set[str]]:
    """The tone families letterlab finds in each example (and, into ``spans``, the findings' offsets)."""
    from .core import analyse_many

    found = []
    for report in analyse_many([ex["text"] for ex in examples], rules, nlp=nlp):
        tone = [f for f in report.findings if f.rule.startswith(PREFIX)]
        found.append({f.rule[len(PREFIX):] for f in tone})
        if spans is not None:
            spans.append([(f.start, f.end) for f in tone])
    return found


def mark_recall(examples: list[dict], spans: list) -> dict:
    """Of the problems an editor marked in whole letters (``marks``), how many a tone finding touches."""
    hit = total = 0
    for ex, sp in zip(examples, spans):
        for m in ex.get("marks", []):
            a = ex["text"].find(m)
            b = a + len(m)
            total += 1
            hit += any(s < b and a < e for s, e in sp)
    return {"marked": total, "found": hit, "recall": round(hit / total, 3) if total else 1.0}


def score(examples: list[dict], found: list[set[str]]) -> dict:
    """Per-family and overall precision/recall counts."""
    counts = {fam: [0, 0, 0] for fam in FAMILIES}
    for ex, got in zip(examples, found):
        for fam in FAMILIES:
            exp, hit = fam in ex["expect"], fam in got
            if exp and hit:
                counts[fam][0] += 1
            elif hit:
                counts[fam][1] += 1
            elif exp:
                counts[fam][2] += 1
    out: dict = {}
    total = [0, 0, 0]
    for fam, (tp, fp, fn) in counts.items():
        out[fam] = _prf(tp, fp, fn)
        total = [a + b for a, b in zip(total, (tp, fp, fn))]
    out["overall"] = _prf(*total)
    negatives = [got for ex, got in zip(examples, found) if not ex["expect"]]
    out["respectful_examples"] = len(negatives)
    out["false_alarm_share"] = round(sum(1 for g in negatives if g) / len(negatives), 3) if negatives else 0.0
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def evaluate(folder: Path = DEFAULT_DATA, nlp=None, rules=None, verbose: bool = False,
             show_held_out: bool = False) -> dict:
    examples = load_examples(folder)
    spans: list = []
    found = predict(examples, nlp, rules, spans)
    if verbose:
        for ex, got in zip(examples, found):
            if got != ex["expect"] and (show_held_out or not ex["held_out"]):
                first = ex["text"].strip().splitlines()[0][:90]
                print(f"{ex['file']}: expected {sorted(ex['expect'])} got {sorted(got)}: {first}", file=sys.stderr)
    result = {"examples": len(examples), "marked_problems": mark_recall(examples, spans)}
    for name, keep in (("all", lambda e: True), ("tuned", lambda e: not e["held_out"]),
                       ("held_out", lambda e: e["held_out"])):
        pairs = [(e, g) for e, g in zip(examples, found) if keep(e)]
        result[name] = score([e for e, _ in pairs], [g for _, g in pairs])
        result[name]["examples"] = len(pairs)
    return result


def format_table(result: dict) -> str:
    m = result["marked_problems"]
    lines = [f"Tone evaluation: {result['examples']} examples; "
             f"marked problems in whole letters found: {m['found']}/{m['marked']} ({m['recall']:.3f})"]
    for name in ("tuned", "held_out", "all"):
        r = result[name]
        lines.append(f"\n[{name}] {r['examples']} examples, {r['respectful_examples']} respectful, "
                     f"false alarms on {r['false_alarm_share']:.1%} of the respectful ones")
        lines.append(f"{'family':16} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for fam in (*FAMILIES, "overall"):
            s = r[fam]
            lines.append(f"{fam:16} {s['precision']:6.3f} {s['recall']:6.3f} {s['tp']:4} {s['fp']:4} {s['fn']:4}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m letterlab.evaluate_tone", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", default=None)
    ap.add_argument("--verbose", action="store_true", help="print the tuned slice's mistakes on stderr")
    ap.add_argument("--show-held-out", action="store_true", help="with --verbose: the held-out mistakes too")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--cross-writer", action="store_true",
                    help="the tone model left out one writer at a time (letterlab.tone_training)")
    args = ap.parse_args(argv)
    if args.cross_writer:
        from .tone_training import main as training_main

        return training_main(["--cross-writer"] + (["--model", args.model] if args.model else []))
    from .nlp.pipeline import load_pipeline

    result = evaluate(args.data, load_pipeline(args.model), verbose=args.verbose, show_held_out=args.show_held_out)
    print(json.dumps(result, indent=1) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
