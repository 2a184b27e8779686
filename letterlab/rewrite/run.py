"""Rewrite a whole letter: analyse, apply the chosen suggestions, analyse again.

``rewrite_letter`` is the one call behind ``letterlab rewrite`` (and the web
page's "apply" button). It works in two passes:

1. the sentence-level suggestions the checks attach to their findings
   (passive, splits, jargon, address, ...), chosen by ``mode`` and applied
   together (offsets into the original text);
2. with ``mode="all"`` only: the message-first move and heading, proposed on
   the text after pass 1, so the moved sentence is already the rewritten one
   (offsets into ``RewriteResult.first_pass_text``).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from typing import Any

from ..compare import compare_reports
from ..core import analyse
from ..readers import Document
from ..report.model import Report, Suggestion
from .apply import all_suggestions, apply_suggestions, choose, resolve_overlaps
from .message_first import message_first_suggestions


@dataclass
class RewriteResult:
    before: Report
    after: Report
    text: str                                   # the rewritten letter
    offered: list[Suggestion]                   # every suggestion on the original text
    applied: list[Suggestion]                   # pass 1: applied, offsets into the original text
    first_pass_text: str = ""
    second_pass: list[Suggestion] = field(default_factory=list)   # offsets into first_pass_text
    mode: str = "safe"

    def comparison(self, rules=None) -> dict[str, Any]:
        return compare_reports(self.before, self.after, rules)

    def diff(self, before_name: str = "før", after_name: str = "efter") -> str:
        return unified_diff(self.before.text, self.text, before_name, after_name)


def unified_diff(before: str, after: str, before_name: str = "før", after_name: str = "efter") -> str:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, fromfile=before_name, tofile=after_name)
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def map_offset(pos: int, applied: list[Suggestion], end: bool = False) -> int:
    """Where offset ``pos`` of the original text lies after ``applied`` (a point inside an edit goes to its edge)."""
    shift = 0
    for s in applied:
        if s.end <= pos and not (s.start == s.end == pos and not end):
            shift += len(s.replacement) - (s.end - s.start)
        elif s.start < pos < s.end:
            return s.start + shift + (len(s.replacement) if end else 0)
    return pos + shift


def rewrite_letter(source: str | Document, rules=None, mode: str = "safe", *, nlp=None, model: str | None = None,
                   genre: str | None = None, profile: str | None = None) -> RewriteResult:
    """Analyse ``source``, apply the suggestions that ``mode`` picks (safe, all, none) and analyse the result."""
    kw = {"model": model, "profile": profile, "nlp": nlp}
    before = analyse(source, rules, genre=genre, **kw)
    genre = genre or before.genre
    extra = message_first_suggestions(before) if before.scores else []
    offered = all_suggestions(before, extra)
    # The message move and heading come in pass 2, on the reworded letter.
    applied = [s for s in choose(before, mode) if s.kind not in ("move", "heading")]
    text = apply_suggestions(before.text, applied)
    first_pass = text
    second: list[Suggestion] = []
    after = analyse(text, rules, genre=genre, **kw) if text != before.text else before
    if mode == "all" and after.scores:
        target = after
        if not after.scores.get("message_position") and before.scores.get("message_position"):
            # pass 1 may have reworded the message so the check no longer finds it: follow it through the edits
            pos = before.scores["message_position"]
            start, end = map_offset(pos["start"], applied), map_offset(pos["end"], applied, end=True)
            target = replace(after, scores={**after.scores, "message_first": before.scores.get("message_first"),
                                            "message_position": {**pos, "start": start, "end": end}})
        pos = before.scores.get("message_position")
        original = before.text[pos["start"]:pos["end"]] if pos else None
        second = resolve_overlaps(message_first_suggestions(target, heading_from=original))
        if second:
            text = apply_suggestions(first_pass, second)
            after = analyse(text, rules, genre=genre, **kw)
    return RewriteResult(before=before, after=after, text=text, offered=offered, applied=applied,
                         first_pass_text=first_pass, second_pass=second, mode=mode)


def suggestion_rows(report: Report, suggestions: list[Suggestion], applied: list[Suggestion],
                    text: str | None = None) -> list[dict[str, Any]]:
    """Suggestions as JSON rows: offsets, replaced text, replacement, kind, safety, confidence, rule, applied."""
    text = report.text if text is None else text
    owner: dict[tuple[int, int, str], tuple[str, str]] = {}
    for f in report.findings:
        for s in f.suggestions:
            owner.setdefault((s.start, s.end, s.replacement), (f.rule, f.category))
    chosen = {(s.start, s.end, s.replacement) for s in applied}
    rows = []
    for s in suggestions:
        key = (s.start, s.end, s.replacement)
        rule, category = owner.get(key, ("klart-budskab.budskab-foerst", "message") if s.kind in ("move", "heading")
                                   else (None, None))
        rows.append({"rule": rule, "category": category, "start": s.start, "end": s.end, "text": text[s.start:s.end],
                     "replacement": s.replacement, "kind": s.kind, "safe": s.safe, "confidence": s.confidence,
                     "note": s.note, "applied": key in chosen})
    return rows
