"""Long sentences (kind ``sentence_length``): over ``warn`` words is a warning, over ``error`` an error.

Words are counted as for LIX (see :mod:`letterlab.metrics`); only sentences in
the letter's body count. Each finding carries the safe split points that
:mod:`letterlab.rewrite.split` finds.
"""
from __future__ import annotations

from typing import Iterator

from .base import Param, letter, make_finding

PARAMS = {
    "warn": Param(int, default=25, min=5, max=100, help="flere ord end dette giver en advarsel"),
    "error": Param(int, default=35, min=5, max=200, help="flere ord end dette giver en fejl"),
}


def check(doc, rule) -> Iterator:
    infos = letter(doc).metrics.get("sentence_infos", [])
    for s in infos:
        if s.zone not in ("body",) or s.words <= rule.params["warn"]:
            continue
        severity = "error" if s.words > rule.params["error"] else rule.severity
        yield make_finding(rule, doc, s.start, s.end, severity=severity,
                           message=f"{rule.message} Sætningen har {s.words} ord.",
                           suggestions=_suggest(doc, s.start, s.end))


def _suggest(doc, start: int, end: int) -> tuple:
    """Split points from :mod:`letterlab.rewrite.split` (none when no point is safe enough)."""
    from ..rewrite.split import split_suggestions

    return split_suggestions(doc, start, end)
