"""Plain-text renderer: ``file:line:col: severity rule: message`` per finding, then the scores.

Findings come in reading order (as in ruff and Vale); the words come from ``words``.
"""
from __future__ import annotations

import bisect
from typing import Any

from .model import Report
from .safe import mask, safe_name
from .words import danish_quotes, number, quote, severity_word

SEVERITY_DA = {s: severity_word(s) for s in ("info", "warning", "error")}
COLOURS = {"info": "\033[36m", "warning": "\033[33m", "error": "\033[31m"}
RESET = "\033[0m"


class LineIndex:
    """Turns character offsets into 1-based line and column numbers."""

    def __init__(self, text: str):
        self.starts = [0]
        i = text.find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def shown_suggestion(text: str, sug, words: int = 3) -> str:
    """The suggestion on one line; a split or another short piece with a few words either side of it.

    A split replaces ", og v" with ". V": alone, »​. V« says nothing to a reader (a blind editor could not read it),
    so the words around it are shown: »… skal spises i dag. Vi henter …«.
    """
    shown = " ".join(sug.replacement.split())       # one line per finding
    if sug.kind != "split" and sum(c.isalpha() for c in shown) > 3:
        return shown
    before = text[max(0, sug.start - 60):sug.start].split()[-words:]
    after = text[sug.end:sug.end + 60].split()[:words]
    left = " ".join(before) + (" " if text[sug.start - 1:sug.start].isspace() else "") if before else ""
    right = (" " if text[sug.end:sug.end + 1].isspace() else "") + " ".join(after) if after else ""
    return mask(f"…{left}{shown}{right}…")      # the words around come from the letter: never a full CPR number


def render_text(report: Report, name: str = "-", colour: bool = False) -> str:
    name = safe_name(name)      # printable, no bidi controls, no full CPR number (report/safe.py)
    idx = LineIndex(report.text)
    out = []
    for n in report.notices:
        out.append(f"{name}: {n['message']}")
    for f in report.findings:
        line, col = idx.line_col(f.start)
        sev = SEVERITY_DA.get(f.severity, f.severity)
        if colour:
            sev = f"{COLOURS[f.severity]}{sev}{RESET}"
        sugg = ""
        if f.suggestions and f.suggestions[0].replacement.strip():
            sugg = f" Forslag: {quote(shown_suggestion(report.text, f.suggestions[0]))}."
        out.append(f"{name}:{line}:{col}: {sev} {f.rule}: {danish_quotes(f.message)}{sugg}")
    s = report.scores
    if s:
        parts = []
        if s.get("lix") is not None:
            parts.append(f"LIX {number(s['lix'])} ({s.get('lix_band')})")
        if s.get("reading_time"):
            parts.append(f"læsetid {s['reading_time']}")
        if s.get("passive_share") is not None:
            parts.append(f"passiv {number(100 * s['passive_share'])} %")
        parts.append(f"kancellisprog {s.get('jargon_count', 0)}")
        if s.get("message_first") is not None:
            parts.append("budskab først: " + ("ja" if s["message_first"] else "nej"))
        if s.get("overall") is not None:
            parts.append(f"samlet {s['overall']}/100")
        out.append(f"{name}: " + ", ".join(parts))
        described = coverage_description(report)
        if described:
            out.append(f"{name}: {described}")
    return "\n".join(out)


def coverage_description(report: Report | dict[str, Any]) -> str | None:
    """The plain sentence that says which part of the letter the scores cover (when the core gives one)."""
    cov = report.get("coverage") if isinstance(report, dict) else getattr(report, "coverage", None)
    if cov is None and not isinstance(report, dict):
        try:
            cov = report.to_dict().get("coverage")
        except Exception:   # a renderer must never fail on an optional field
            cov = None
    if isinstance(cov, dict):
        return cov.get("description") or None
    return getattr(cov, "description", None)
