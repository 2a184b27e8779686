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
from ..checks.privacy import mask_cprs
from ..core import analyse
from ..readers import Document
from ..report.model import Report, Suggestion
from .apply import all_suggestions, apply_suggestions, choose, resolve_overlaps
from .guard import FORMAL_FORMS, follow_address_choice, guard_suggestions, letter_guard
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
    withdrawn: list[tuple[Suggestion, str]] = field(default_factory=list)   # chosen, then stopped by the letter guard
    guard: list[dict[str, str]] = field(default_factory=list)     # what the finished letter still breaks

    def comparison(self, rules=None) -> dict[str, Any]:
        return compare_reports(self.before, self.after, rules, guard=self.guard)

    def not_changed(self) -> list[dict[str, Any]]:
        """The findings the rewrite left as they were, and why (Danish)."""
        return not_changed(self.before, self.applied, self.withdrawn, self.mode)

    def diff(self, before_name: str = "før", after_name: str = "efter") -> str:
        return unified_diff(mask_cprs(self.before.text), self.text, before_name, after_name)


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
    extra = guard_suggestions(before.text, message_first_suggestions(before)) if before.scores else []
    offered = all_suggestions(before, extra)
    # The message move and heading come in pass 2, on the reworded letter.
    applied = follow_address_choice(before.text, [s for s in choose(before, mode) if s.kind not in ("move", "heading")])
    memo: dict = {}      # what the letter guard read of the original letter, kept for its last check below
    applied, withdrawn, text, after = _guarded_apply(before, applied, lambda t: analyse(t, rules, genre=genre, **kw),
                                                     memo)
    first_pass = text
    second: list[Suggestion] = []
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
        second = resolve_overlaps(guard_suggestions(first_pass, message_first_suggestions(target, heading_from=original)))
        if second:
            moved = apply_suggestions(first_pass, second)
            if not letter_guard(first_pass, moved):
                text = moved
                after = analyse(text, rules, genre=genre, **kw)
            else:
                withdrawn += [(s, MSG_WITHDRAWN_MOVE) for s in second]
                second = []
    stopped = {(s.start, s.end, s.replacement): why for s, why in withdrawn}
    offered = [replace(s, safe=False, note=(s.note + " " + stopped[(s.start, s.end, s.replacement)]).strip())
               if s.safe and (s.start, s.end, s.replacement) in stopped else s for s in offered]
    return RewriteResult(before=before, after=after, text=text, offered=offered, applied=applied,
                         first_pass_text=first_pass, second_pass=second, mode=mode, withdrawn=withdrawn,
                         guard=letter_guard(before.text, text, memo))


MSG_WITHDRAWN = "Vi har ikke brugt forslaget, fordi brevet så ville få en fejl: {why}"
MSG_WITHDRAWN_MOVE = "Vi har ikke flyttet budskabet, fordi brevet så ville miste et faktum."
MSG_NO_SUGGESTION = "Letterlab har intet forslag, der passer her. Ret det selv."
MSG_NOT_SAFE = "Forslaget er ikke sikkert, så vi har ikke brugt det. Læs det, og ret selv."
MSG_NOT_CHOSEN = "Vi har ikke brugt forslaget (--apply {mode})."


def _after_span(s: Suggestion, applied: list[Suggestion]) -> tuple[int, int]:
    start = map_offset(s.start, [a for a in applied if a is not s])
    return start, start + len(s.replacement)


# Findings about whole sentences, paragraphs or the letter: their text changes with any edit inside them.
SPAN_CATEGORIES = {"readability", "sentence_length", "message", "genre"}


def _new_findings(before: Report, after: Report, applied: list[Suggestion], spans: list[tuple[int, int]]
                  ) -> list[tuple[int, Any]]:
    """(edit index, finding): word-level findings of ``after`` inside an edit that the edited text did not have.

    A finding of the same rule on the replaced text is the same finding ("fremsendes" -> "sendes" is still
    a passive), not a new one.
    """
    out = []
    for f in after.findings:
        if f.category in SPAN_CATEGORIES or f.end - f.start > 120:
            continue
        for k, (a, b) in enumerate(spans):
            if not (a < f.end and f.start < b or a == b == f.start):
                continue
            s = applied[k]
            if any(g.rule == f.rule and g.start <= s.end and s.start <= g.end for g in before.findings):
                continue
            if f.category == "address" and f.text in FORMAL_FORMS and any(g.rule == f.rule for g in before.findings):
                continue     # the letter says De everywhere: a rewrite in the same form brings nothing new
            out.append((k, f))
    return out


def _culprits(before: Report, applied: list[Suggestion], text: str, after: Report | None,
              memo: dict | None = None) -> dict[int, str]:
    """index in ``applied`` -> why the letter guard stops it."""
    out: dict[int, str] = {}
    problems = letter_guard(before.text, text, memo)
    spans = [_after_span(s, applied) for s in applied]
    if after is not None:
        for k, f in _new_findings(before, after, applied, spans):
            out.setdefault(k, f"et nyt fund ({f.text[:60]})")
    for p in problems:
        if p["check"] == "cpr":
            continue     # a CPR number the letter had all along: the privacy finding says to remove it
        for k, s in enumerate(applied):
            if k in out:
                continue
            solo = apply_suggestions(before.text, [s])
            if any(q["check"] == p["check"] for q in letter_guard(before.text, solo, memo)):
                out[k] = p["message"]
        if p["check"] == "address" and not any(k in out for k in range(len(applied))):
            # no single edit mixes the address: the address edits together do; drop them all
            for k, s in enumerate(applied):
                if s.kind in ("address", "passive"):
                    out.setdefault(k, p["message"])
    return out


def _guarded_apply(before: Report, applied: list[Suggestion], analyse_text, memo: dict | None = None) -> tuple:
    """Apply ``applied``; while the letter guard or a new finding stops an edit, take it out and try again.

    Returns (applied, withdrawn [(suggestion, why)], text, after report). When the guard still fails after
    three rounds, nothing is applied: the rewrite never makes the letter worse.
    """
    withdrawn: list[tuple[Suggestion, str]] = []
    memo = {} if memo is None else memo
    for _ in range(3):
        text = apply_suggestions(before.text, applied)
        if text == before.text:
            return applied, withdrawn, text, before
        after = analyse_text(text)
        bad = _culprits(before, applied, text, after, memo)
        problems = [p for p in letter_guard(before.text, text, memo) if p["check"] != "cpr"]
        if not bad and not problems:
            return applied, withdrawn, text, after
        if not bad:
            break
        withdrawn += [(s, MSG_WITHDRAWN.format(why=bad[k])) for k, s in enumerate(applied) if k in bad]
        applied = [s for k, s in enumerate(applied) if k not in bad]
    withdrawn += [(s, MSG_WITHDRAWN.format(why="brevet som helhed bestod ikke kontrollen.")) for s in applied]
    return [], withdrawn, before.text, before


def not_changed(before: Report, applied: list[Suggestion], withdrawn: list[tuple[Suggestion, str]],
                mode: str = "safe") -> list[dict[str, Any]]:
    """[{"rule", "category", "start", "end", "text", "why"}] for every finding the rewrite did not change."""
    done = {(s.start, s.end, s.replacement) for s in applied}
    stopped = {(s.start, s.end, s.replacement): why for s, why in withdrawn}
    out = []
    for f in before.findings:
        keys = [(s.start, s.end, s.replacement) for s in f.suggestions]
        if any(k in done for k in keys) or f.category in SPAN_CATEGORIES and not f.suggestions:
            continue
        why = next((stopped[k] for k in keys if k in stopped), None)
        if why is None:
            if not f.suggestions:
                extra = f.message.split("Letterlab ", 1)
                why = ("Letterlab " + extra[1]) if len(extra) == 2 else MSG_NO_SUGGESTION
            elif not any(s.safe for s in f.suggestions):
                why = MSG_NOT_SAFE
                notes = [s.note for s in f.suggestions if s.note]
                if notes:
                    why += " " + notes[0]
            else:
                why = MSG_NOT_CHOSEN.format(mode=mode)
        out.append({"rule": f.rule, "category": f.category, "start": f.start, "end": f.end, "text": f.text,
                    "why": why})
    return out


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
        rows.append({"rule": rule, "category": category, "start": s.start, "end": s.end,
                     "text": mask_cprs(text[s.start:s.end]),
                     "replacement": s.replacement, "kind": s.kind, "safe": s.safe, "confidence": s.confidence,
                     "note": s.note, "applied": key in chosen})
    return rows
