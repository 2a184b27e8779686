"""Plain-text renderer: ``file:line:col: severity rule: message`` per finding, then the scores."""
from __future__ import annotations

import bisect

from .model import Report
from .safe import safe_name

SEVERITY_DA = {"info": "info", "warning": "advarsel", "error": "fejl"}
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
            shown = " ".join(f.suggestions[0].replacement.split())   # one line per finding
            sugg = f' Forslag: "{shown}".'
        out.append(f"{name}:{line}:{col}: {sev} {f.rule}: {f.message}{sugg}")
    s = report.scores
    if s:
        parts = []
        if s.get("lix") is not None:
            parts.append(f"LIX {round(s['lix'])} ({s.get('lix_band')})")
        if s.get("reading_time"):
            parts.append(f"læsetid {s['reading_time']}")
        if s.get("passive_share") is not None:
            parts.append(f"passiv {round(100 * s['passive_share'])} %")
        parts.append(f"kancellisprog {s.get('jargon_count', 0)}")
        if s.get("message_first") is not None:
            parts.append("budskab først: " + ("ja" if s["message_first"] else "nej"))
        if s.get("overall") is not None:
            parts.append(f"samlet {s['overall']}/100")
        out.append(f"{name}: " + ", ".join(parts))
    return "\n".join(out)
