"""Apply suggestions to a text, and choose which ones to apply.

``apply_suggestions`` sorts the suggestions by offset and builds the new text
from the end backwards in one pass, so offsets always refer to the original
text and the order the suggestions come in does not matter: any subset of
non-overlapping suggestions, in any order, gives the same text.

Overlap is an error there: two suggestions overlap when their spans share a
character, or when both insert at the same point (the order of the two
insertions would be a guess). ``apply_suggestions`` raises ``OverlapError``
rather than silently dropping one; ``choose`` is the place that resolves
overlaps, keeping the better suggestion (safe before unsafe, then the higher
confidence, then the longer span, then the earlier one).
"""
from __future__ import annotations

from typing import Iterable

from ..report.model import Report, Suggestion
from ..report.safe import restore_cprs
from .common import keeps_content

MODES = ("safe", "all", "none")


class OverlapError(ValueError):
    """Two suggestions want to change the same text."""


def _key(s: Suggestion) -> tuple[int, int]:
    return s.start, s.end


def overlaps(a: Suggestion, b: Suggestion) -> bool:
    """True when ``a`` and ``b`` cannot both be applied."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def apply_suggestions(text: str, suggestions: Iterable[Suggestion]) -> str:
    """``text`` with every suggestion applied; raises ``OverlapError`` when two overlap."""
    items = sorted(suggestions, key=_key)
    for s in items:
        if not 0 <= s.start <= s.end <= len(text):
            raise ValueError(f"suggestion {s.start}-{s.end} lies outside the text (length {len(text)})")
    for a, b in zip(items, items[1:]):
        if overlaps(a, b):
            raise OverlapError(f"suggestions {a.start}-{a.end} and {b.start}-{b.end} overlap")
    out: list[str] = []
    pos = len(text)
    for s in reversed(items):
        out.append(text[s.end:pos])
        out.append(restore_cprs(s.replacement, text, s.start, s.end))   # suggestions carry CPR numbers masked
        pos = s.start
    out.append(text[:pos])
    return "".join(reversed(out))


def all_suggestions(report: Report, extra: Iterable[Suggestion] = ()) -> list[Suggestion]:
    """Every suggestion of the report's findings plus ``extra``, without duplicates, in text order.

    A suggestion that would lose a number, date, amount, §, name or placeholder
    (``common.keeps_content``) is left out, whichever check made it: a rewrite
    never loses content.
    """
    seen: set[tuple[int, int, str]] = set()
    out: list[Suggestion] = []
    text = report.text
    for s in [s for f in report.findings for s in f.suggestions] + list(extra):
        key = (s.start, s.end, s.replacement)
        # a privacy suggestion removes a CPR number on purpose: the one "content" a rewrite should lose
        if not 0 <= s.start <= s.end <= len(text) or (
                s.kind != "privacy"
                and not keeps_content(text[s.start:s.end], restore_cprs(s.replacement, text, s.start, s.end))):
            continue
        if key not in seen:
            seen.add(key)
            out.append(s)
    return sorted(out, key=_key)


def resolve_overlaps(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """A non-overlapping subset: the better of two overlapping suggestions wins."""
    ranked = sorted(suggestions, key=lambda s: (not s.safe, -s.confidence, -(s.end - s.start), s.start, s.end))
    kept: list[Suggestion] = []
    for s in ranked:
        if not any(overlaps(s, k) for k in kept):
            kept.append(s)
    return sorted(kept, key=_key)


def choose(report: Report, mode: str = "safe", extra: Iterable[Suggestion] = ()) -> list[Suggestion]:
    """The suggestions to apply: ``safe`` (only those marked safe), ``all`` or ``none``; never overlapping."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "none":
        return []
    cands = all_suggestions(report, extra)
    if mode == "safe":
        cands = [s for s in cands if s.safe]
    return resolve_overlaps(cands)
