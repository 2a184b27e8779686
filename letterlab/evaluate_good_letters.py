"""Noise on good letters: findings per good plain letter, and the score gap to officialese.

A tool that cries wolf gets switched off. ``corpora/good-letters/`` holds
plain municipal letters written the way a skilled plain-language writer
writes them; a careful editor would make (almost) no remark on them. This
module analyses each of them (.txt, .md, .docx) and counts errors, warnings
and infos, and compares their overall scores with the officialese
``before.txt`` letters of ``corpora/letters/``.

Used by ``benchmarks/eval_good_letters.py`` and tests/test_evaluate_good_letters.py.
Target (issue 11): no errors and at most one warning per good letter on
average; the overall score of plain letters stays far above the officialese
ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .report.model import SEVERITIES

ROOT = Path(__file__).resolve().parent.parent
GOOD_LETTERS = ROOT / "corpora" / "good-letters"
OFFICIALESE = ROOT / "corpora" / "letters"
SUFFIXES = (".txt", ".md", ".docx")


@dataclass
class LetterResult:
    name: str
    overall: int | None
    counts: dict[str, int]
    findings: list[dict] = field(default_factory=list)   # rule, severity, text, message


def good_letter_paths(folder: Path = GOOD_LETTERS) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and not p.name.startswith("README"))


def analyse_paths(paths: list[Path], nlp=None) -> list[LetterResult]:
    """Analyse each letter file with the default rules."""
    from .core import analyse
    from .nlp.pipeline import load_pipeline
    from .readers import read_document

    nlp = nlp or load_pipeline()
    out = []
    for path in paths:
        report = analyse(read_document(path), nlp=nlp)
        counts = {s: 0 for s in SEVERITIES}
        findings = []
        for f in report.findings:
            counts[f.severity] += 1
            findings.append({"rule": f.rule, "severity": f.severity, "text": f.text, "message": f.message})
        name = f"{path.parent.name}/{path.name}" if path.name == "before.txt" else path.name
        out.append(LetterResult(name, report.scores.get("overall"), counts, findings))
    return out


def summary(good: list[LetterResult], officialese: list[LetterResult]) -> dict:
    """Totals per severity, warnings per letter, and the score ranges of both sets."""
    n = max(len(good), 1)
    totals = {s: sum(r.counts[s] for r in good) for s in SEVERITIES}
    good_scores = [r.overall for r in good if r.overall is not None]
    bad_scores = [r.overall for r in officialese if r.overall is not None]
    return {
        "letters": len(good),
        "totals": totals,
        "per_letter": {s: round(totals[s] / n, 2) for s in SEVERITIES},
        "good_scores": [min(good_scores, default=None), max(good_scores, default=None)],
        "officialese_scores": [min(bad_scores, default=None), max(bad_scores, default=None)],
        "gap": (min(good_scores) - max(bad_scores)) if good_scores and bad_scores else None,
    }


def evaluate(good_folder: Path = GOOD_LETTERS, officialese_folder: Path = OFFICIALESE, nlp=None) -> dict:
    """Per-letter results and the summary, as plain data."""
    from .nlp.pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    good = analyse_paths(good_letter_paths(good_folder), nlp)
    officialese = analyse_paths(sorted(officialese_folder.glob("*/before.txt")), nlp)
    return {"good": good, "officialese": officialese, "summary": summary(good, officialese)}


def format_report(result: dict) -> str:
    """A plain-text table: each good letter with its counts and findings, then the summary."""
    lines = []
    for r in result["good"]:
        c = r.counts
        lines.append(f"{r.name}: score {r.overall}, {c['error']} errors, {c['warning']} warnings, {c['info']} infos")
        for f in r.findings:
            lines.append(f"    {f['severity']:<7} {f['rule']}: {f['text'][:60]!r}")
    s = result["summary"]
    lines.append("")
    lines.append(f"good letters: {s['letters']}; per letter: {s['per_letter']['error']} errors, "
                 f"{s['per_letter']['warning']} warnings, {s['per_letter']['info']} infos "
                 f"(totals {s['totals']})")
    lines.append(f"overall score: good {s['good_scores'][0]}-{s['good_scores'][1]}, "
                 f"officialese {s['officialese_scores'][0]}-{s['officialese_scores'][1]}, gap {s['gap']}")
    return "\n".join(lines)
