"""Measure what ``letterlab rewrite --apply safe`` does to whole letters.

For every letter in tests/data/rewrite-letters/ and corpora/letters/*/before.txt (or the files given):
mixed address after the rewrite, new agreement errors, lost or changed facts, CPR numbers left, and how
many suggestions were offered, safe and applied.

    .venv/bin/python benchmarks/eval_rewrites.py            # table and totals
    .venv/bin/python benchmarks/eval_rewrites.py --json     # the same as JSON
    .venv/bin/python benchmarks/eval_rewrites.py --dump review.txt   # every offered suggestion in context

Letter text goes only to the --dump file you ask for, never to a log.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from letterlab.checks.privacy import NOT_CPR_BEFORE, find_cpr  # noqa: E402
from letterlab.facts import diff_facts, extract_facts  # noqa: E402
from letterlab.rewrite.guard import agreement_errors, mixed_address  # noqa: E402


def letter_files() -> list[Path]:
    own = sorted((ROOT / "tests" / "data" / "rewrite-letters").glob("*.txt"))
    corpus = sorted((ROOT / "corpora" / "letters").glob("*/before.txt"))
    return own + corpus


def measure(text: str, result) -> dict:
    after = result.text
    d = diff_facts(extract_facts(text), extract_facts(after))
    new_agreement = [e for e in agreement_errors(after) if e not in agreement_errors(text)]
    return {
        "offered": len(result.offered),
        "safe": sum(1 for s in result.offered if s.safe),
        "applied": len(result.applied),
        "withdrawn": len(result.withdrawn),
        "mixed_before": mixed_address(text),
        "mixed_after": mixed_address(after),
        "agreement_errors": new_agreement,
        "lost_facts": [f"{f.kind}: {f.text}" for f in d["missing"]]
                      + [f"{a.kind}: {a.text} -> {b.text}" for a, b in d["changed"]],
        "cpr_after": len(find_cpr(after, NOT_CPR_BEFORE)),
        "cpr_before": len(find_cpr(text, NOT_CPR_BEFORE)),
    }


def dump_suggestions(out, name: str, text: str, result) -> None:
    applied = {(s.start, s.end, s.replacement) for s in result.applied}
    out.write(f"===== {name}\n")
    for n, s in enumerate(result.offered, 1):
        a = text.rfind("\n", 0, s.start) + 1
        b = text.find("\n", s.end)
        b = len(text) if b < 0 else b
        sentence = text[a:s.start] + "[[" + s.replacement + "]]" + text[s.end:b]
        mark = "SAFE" if s.safe else "offered"
        if (s.start, s.end, s.replacement) in applied:
            mark += "+applied"
        out.write(f"{n:3d} {mark:13} {s.kind:8} {text[s.start:s.end]!r} -> {s.replacement!r}\n")
        if s.kind not in ("move", "heading"):
            out.write(f"      {sentence.strip()[:400]}\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", type=Path, help="write every offered suggestion in its line to this file")
    args = ap.parse_args(argv)
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.rewrite.run import rewrite_letter
    from letterlab.ruleset import default_ruleset

    nlp, rules = load_pipeline(None), default_ruleset()
    files = args.files or letter_files()
    rows = {}
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for path in files:
        text = path.read_text(encoding="utf-8")
        result = rewrite_letter(text, rules, "safe", nlp=nlp)
        name = str(path.relative_to(ROOT)) if path.is_absolute() and ROOT in path.parents else str(path)
        rows[name] = measure(text, result)
        if dump:
            dump_suggestions(dump, name, text, result)
    if dump:
        dump.close()
    totals = {
        "letters": len(rows),
        "mixed_address_after": sum(r["mixed_after"] for r in rows.values()),
        "mixed_address_before": sum(r["mixed_before"] for r in rows.values()),
        "mixed_address_made_by_rewrite": sum(r["mixed_after"] and not r["mixed_before"] for r in rows.values()),
        "agreement_errors": sum(len(r["agreement_errors"]) for r in rows.values()),
        "lost_facts": sum(len(r["lost_facts"]) for r in rows.values()),
        "cpr_before": sum(r["cpr_before"] for r in rows.values()),
        "cpr_after": sum(r["cpr_after"] for r in rows.values()),
        "offered": sum(r["offered"] for r in rows.values()),
        "safe": sum(r["safe"] for r in rows.values()),
        "applied": sum(r["applied"] for r in rows.values()),
        "withdrawn_by_letter_guard": sum(r["withdrawn"] for r in rows.values()),
    }
    if args.json:
        print(json.dumps({"letters": rows, "totals": totals}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'letter':60} offered safe applied mixed agr lost cpr")
    for name, r in rows.items():
        print(f"{name[-60:]:60} {r['offered']:7} {r['safe']:4} {r['applied']:7} "
              f"{'ja' if r['mixed_after'] else '-':>5} {len(r['agreement_errors']):3} {len(r['lost_facts']):4} "
              f"{r['cpr_after']:3}")
        for x in r["agreement_errors"] + r["lost_facts"]:
            print(f"    {x}")
    print(json.dumps(totals, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
