"""Per-template summary rows and the Danish words the audit's outputs share."""
from __future__ import annotations

from typing import Any

from ..report.model import CATEGORIES, CATEGORY_TITLES, SEVERITIES, SEVERITY_RANK, Report
from ..report.words import SEVERITY_WORDS

CATEGORY_DA = CATEGORY_TITLES   # one set of Danish category names for every report
SEVERITY_DA = {k: one for k, (one, _many) in SEVERITY_WORDS.items()}   # the shared vocabulary
STATUS_DA = {"analysed": "Vurderet", "not_scored": "Ikke vurderet", "error": "Kan ikke læses"}

# Core notices that mean the letter got no scores at all.
NOT_SCORED = ("empty", "too_long", "binary", "placeholders_only", "not_danish")


def summarise(report: Report) -> dict[str, Any]:
    """Scores and counts of one report: everything the overview, CSV and history need, no text."""
    s = report.scores or {}
    counts = {c: 0 for c in CATEGORIES}
    sev = {k: 0 for k in SEVERITIES}
    for f in report.findings:
        counts[f.category] = counts.get(f.category, 0) + 1
        sev[f.severity] = sev.get(f.severity, 0) + 1
    worst = max((SEVERITY_RANK[f.severity] for f in report.findings), default=-1)
    scored = s.get("overall") is not None
    return {
        "status": "analysed" if scored else "not_scored",
        "overall": s.get("overall"),
        "lix": s.get("lix"),
        "lix_band": s.get("lix_band"),
        "rix": s.get("rix"),
        "reading_seconds": s.get("reading_seconds"),
        "reading_time": s.get("reading_time"),
        "passive_share": s.get("passive_share"),
        "jargon_count": s.get("jargon_count", counts.get("jargon", 0)) if scored else None,
        "message_first": s.get("message_first"),
        "words": s.get("words"),
        "sentences": s.get("sentences"),
        "genre": report.genre,
        "findings": len(report.findings),
        "counts": counts,
        "severities": sev,
        "worst_severity": None if worst < 0 else SEVERITIES[worst],
        "notices": [n["message"] for n in report.notices],
    }


def error_summary(code: str, message: str) -> dict[str, Any]:
    return {
        "status": "error", "error_code": code, "error_message": message, "overall": None, "lix": None,
        "lix_band": None, "rix": None, "reading_seconds": None, "reading_time": None, "passive_share": None, "jargon_count": None, "message_first": None, "words": None,
        "sentences": None, "genre": None, "findings": 0, "counts": {c: 0 for c in CATEGORIES},
        "severities": {k: 0 for k in SEVERITIES}, "worst_severity": None, "notices": [],
    }


def fmt_num(value, decimals: int = 0, comma: bool = True) -> str:
    """Danish number: decimal comma, no thousands separator (Excel reads it as a number)."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if comma else text


def fmt_change(change) -> str:
    if change is None:
        return ""
    if change == 0:
        return "0"
    return f"{change:+.0f}"
