"""Save, or compare against, every report letterlab makes on the bundled letters: a guard for speed work.

An optimisation must not change what a user is told. This script analyses

* every letter of ``corpora/letters`` (before and after), ``corpora/good-letters``,
  ``corpora/templates*`` and ``tests/data/rewrite-letters``;
* ``--generated N`` letters made the way ``bench_audit.py`` makes them (seeded, so always the same);

and keeps, for each, the full JSON report (``Report.to_dict``, findings with their suggestions,
scores, notices), the message-first suggestions, and the outcome of ``rewrite_letter`` in modes
``safe`` and ``all`` (the new text, what was withdrawn and why, the letter guard). ``save`` writes
them to a JSON file (outside the repository: it holds letter text); ``diff`` analyses again and
prints every letter whose output differs, field by field, and exits 1 when any does.

    python benchmarks/report_snapshot.py save /tmp/before.json [--generated 60]
    python benchmarks/report_snapshot.py diff /tmp/before.json
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

SOURCES = ("corpora/letters/*/*.txt", "corpora/good-letters/*.*", "corpora/templates/*.*",
           "corpora/templates-heldout1/*.*", "corpora/templates-heldout2/*.*", "tests/data/rewrite-letters/*.*")
SKIP_SUFFIXES = (".py", ".toml")


def letter_files() -> list[Path]:
    out = []
    for pattern in SOURCES:
        for p in sorted(ROOT.glob(pattern)):
            if p.is_file() and p.suffix not in SKIP_SUFFIXES and p.name != "README.md":
                out.append(p)
    return out


def generated_letters(n: int) -> list[tuple[str, str]]:
    """(name, text) of ``n`` letters built like bench_audit's (heading, salutation, ~400 words of corpus sentences)."""
    from bench_audit import HEADINGS, corpus_sentences

    rnd = random.Random(0)
    sents = corpus_sentences()
    out = []
    for i in range(n):
        parts = [rnd.choice(HEADINGS), "Kære {navn}"]
        count = 0
        while count < 400:
            para = " ".join(rnd.choice(sents) for _ in range(rnd.randint(2, 4)))
            count += len(para.split())
            parts.append(para)
        parts.append("Med venlig hilsen")
        out.append((f"generated-{i:03d}", "\n\n".join(parts) + "\n"))
    return out


def _suggestion_view(s) -> dict:
    return s.to_dict()


def views(generated: int) -> dict[str, dict]:
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.readers import read_document
    from letterlab.rewrite.guard import guard_suggestions
    from letterlab.rewrite.message_first import message_first_suggestions
    from letterlab.rewrite.run import rewrite_letter
    from letterlab.ruleset import default_ruleset

    nlp = load_pipeline()
    rules = default_ruleset()
    items: list[tuple[str, object]] = []
    for p in letter_files():
        try:
            items.append((str(p.relative_to(ROOT)), read_document(p)))
        except Exception as exc:     # a file the readers refuse is part of the snapshot too
            items.append((str(p.relative_to(ROOT)), f"<unreadable: {type(exc).__name__}>"))
    items += generated_letters(generated)
    out = {}
    for name, doc in items:
        if isinstance(doc, str) and doc.startswith("<unreadable"):
            out[name] = {"error": doc}
            continue
        report = analyse(doc, rules, nlp=nlp)
        v = {"report": report.to_dict()}
        if report.scores:
            v["message_first"] = [_suggestion_view(s) for s in
                                  guard_suggestions(report.text, message_first_suggestions(report))]
        for mode in ("safe", "all"):
            r = rewrite_letter(doc, rules, mode, nlp=nlp)
            v[f"rewrite_{mode}"] = {
                "text": r.text,
                "applied": [_suggestion_view(s) for s in r.applied],
                "second_pass": [_suggestion_view(s) for s in r.second_pass],
                "withdrawn": [[_suggestion_view(s), why] for s, why in r.withdrawn],
                "guard": r.guard,
                "after": r.after.to_dict(),
                "offered": [_suggestion_view(s) for s in r.offered],
            }
        out[name] = json.loads(json.dumps(v, ensure_ascii=False, default=str))
    return out


def _diff(a, b, path: str, out: list[str], limit: int = 8) -> None:
    if len(out) >= limit:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{path}.{k}: only in {'after' if k not in a else 'before'}")
            else:
                _diff(a[k], b[k], f"{path}.{k}", out, limit)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{path}[{i}]", out, limit)
    elif a != b:
        out.append(f"{path}: {json.dumps(a, ensure_ascii=False)[:300]} -> {json.dumps(b, ensure_ascii=False)[:300]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("save", "diff"))
    ap.add_argument("file", help="the snapshot (keep it outside the repository)")
    ap.add_argument("--generated", type=int, default=60, help="generated letters to add (save only)")
    a = ap.parse_args(argv)
    path = Path(a.file)
    if a.action == "save":
        data = {"generated": a.generated, "letters": views(a.generated)}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        print(f"{len(data['letters'])} letters saved to {path}")
        return 0
    old = json.loads(path.read_text(encoding="utf-8"))
    new = views(old["generated"])
    bad = 0
    for name in sorted(set(old["letters"]) | set(new)):
        diffs: list[str] = []
        _diff(old["letters"].get(name), new.get(name), name, diffs)
        if diffs:
            bad += 1
            print("\n".join(diffs))
    print(f"{len(new)} letters compared, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
