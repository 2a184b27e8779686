"""Every finding the tone model adds (beyond the tone rules) on the letters given, to read as an editor.

Usage: python benchmarks/tone_model_hits.py PATH [PATH ...]   (files, or folders of .txt/.md/.docx/.html)
Analyses each letter twice, with the rules alone and with the rules and the model
(``letterlab.checks.tone_model``), and prints the tone findings only the second run has.
"""
from __future__ import annotations

import sys
from pathlib import Path

from letterlab.checks import tone_model
from letterlab.core import analyse
from letterlab.nlp.pipeline import load_pipeline
from letterlab.readers import read_document

SUFFIXES = {".txt", ".md", ".docx", ".html", ".htm"}


def paths(args: list[str]) -> list[Path]:
    out = []
    for a in args:
        p = Path(a)
        out.extend(sorted(x for x in p.iterdir() if x.suffix in SUFFIXES) if p.is_dir() else [p])
    return out


def tone(report) -> set[tuple[str, int, int]]:
    return {(f.rule, f.start, f.end) for f in report.findings if f.rule.startswith("anerkendende-tone.")}


def main(argv: list[str]) -> int:
    nlp = load_pipeline(None)
    total = 0
    for path in paths(argv):
        document = read_document(path)
        with tone_model.using(None):
            rules_only = tone(analyse(document, nlp=nlp))
        both = analyse(document, nlp=nlp)
        for rule, a, b in sorted(tone(both) - rules_only, key=lambda x: x[1]):
            total += 1
            print(f"{path}: {rule}: {both.text[a:b]!r}")
    print(f"model findings added: {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
