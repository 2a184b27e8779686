"""Presentation only: Danish labels, the word diff for the compare view, .txt/.docx export.

Nothing here judges a letter; the findings and scores all come from the core.
"""
from __future__ import annotations

import difflib
import io
import re
from typing import Any

from letterlab.report.model import CATEGORIES, CATEGORY_TITLES
from letterlab.report.words import SEVERITY_SORT, danish_quotes, severity_labels, sort_key

# one-letter mark shown next to a highlight (so colour is never the only cue),
# and a short line for the legend.
CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "readability": {"mark": "L", "hint": "Lange ord og svær tekst"},
    "sentence_length": {"mark": "S", "hint": "Sætninger og afsnit, der er for lange"},
    "passive": {"mark": "P", "hint": "Skriv, hvem der gør noget"},
    "jargon": {"mark": "K", "hint": "Gamle og stive ord"},
    "nominalisation": {"mark": "N", "hint": "Brug et udsagnsord i stedet"},
    "address": {"mark": "T", "hint": "Skriv du og vi"},
    "message": {"mark": "B", "hint": "Det vigtigste først"},
    "genre": {"mark": "G", "hint": "Det, brevet skal indeholde"},
    "privacy": {"mark": "D", "hint": "Oplysninger, du skal passe på"},
    "terms": {"mark": "F", "hint": "De samme ord og stavemåder som andre myndigheder"},
    "tone": {"mark": "A", "hint": "Skriv venligt og giv læseren en vej frem"},
}

# The core's genre names, where a plainer word reads better on a button.
GENRE_LABELS = {"anmodning": "Vi beder om noget"}

SEVERITY_LABELS = severity_labels()   # the one Danish set every renderer uses

VERDICT_LABELS = {"bedre": "Bedre", "værre": "Værre", "uændret": "Uændret",
                  "better": "Bedre", "worse": "Værre", "same": "Uændret"}

SCORE_LABELS = {
    "overall": "Samlet score",
    "lix": "LIX",
    "passive_share": "Passiv (andel af udsagnsord)",
    "passive_count": "Passiv (antal)",
    "jargon_count": "Kancellisprog (antal)",
    "message_first": "Budskabet først",
    "mean_sentence_length": "Ord i en sætning (gennemsnit)",
    "max_sentence_length": "Længste sætning (ord)",
    "words": "Ord",
    "sentences": "Sætninger",
    "long_words": "Lange ord",
}


def category_labels() -> dict[str, dict[str, str]]:
    """Labels for every category the report model knows, in the model's order.

    Titles come from the report model so that highlights, the compare table
    and the audit use the same words.
    """
    out = {}
    for cat in CATEGORIES:
        label = dict(CATEGORY_LABELS.get(cat, {"mark": "•", "hint": ""}))
        label["title"] = CATEGORY_TITLES.get(cat, cat)
        out[cat] = label
    return out


def sort_findings(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Worst first, then in reading order."""
    return sorted(findings, key=sort_key)


def finding_groups(findings: list[dict[str, Any]], categories: dict) -> list[str]:
    """Categories that have findings: the group with the worst finding first, then the model's order."""
    order = list(categories) + sorted({f["category"] for f in findings} - set(categories))
    worst = {}
    for f in findings:
        rank = SEVERITY_SORT.get(f["severity"], 9)
        worst[f["category"]] = min(rank, worst.get(f["category"], 9))
    return sorted(worst, key=lambda c: (worst[c], order.index(c)))


# --- word diff ---------------------------------------------------------------

_TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
MAX_WORD_DIFF_TOKENS = 6000   # above this a changed block is shown as one change


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), start + m.start(), start + m.end()) for m in _TOKEN_RE.finditer(text[start:end])]


def _line_spans(text: str) -> list[tuple[str, int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((line, pos, pos + len(line)))
        pos += len(line)
    return spans


def _ops(a: list[tuple[str, int, int]], b: list[tuple[str, int, int]]):
    sm = difflib.SequenceMatcher(None, [t[0] for t in a], [t[0] for t in b], autojunk=False)
    return sm.get_opcodes()


def _span(items, i1: int, i2: int, fallback: int) -> list[int]:
    if i1 == i2:
        return [fallback, fallback]
    return [items[i1][1], items[i2 - 1][2]]


def word_diff(before: str, after: str) -> list[dict[str, Any]]:
    """Differences between two texts as ``{"op", "before": [s, e], "after": [s, e]}`` character spans.

    ``op`` is ``equal``, ``delete``, ``insert`` or ``replace``. Lines are compared
    first and changed lines word by word, so the cost stays small for long texts.
    """
    la, lb = _line_spans(before), _line_spans(after)
    out: list[dict[str, Any]] = []

    def emit(op: str, bspan: list[int], aspan: list[int]) -> None:
        if bspan[0] == bspan[1] and aspan[0] == aspan[1]:
            return
        if out and out[-1]["op"] == op == "equal":
            out[-1]["before"][1], out[-1]["after"][1] = bspan[1], aspan[1]
            return
        out.append({"op": op, "before": bspan, "after": aspan})

    for op, i1, i2, j1, j2 in _ops(la, lb):
        bpos = la[i1][1] if i1 < len(la) else len(before)
        apos = lb[j1][1] if j1 < len(lb) else len(after)
        bspan, aspan = _span(la, i1, i2, bpos), _span(lb, j1, j2, apos)
        if op != "replace":
            emit(op, bspan, aspan)
            continue
        ta, tb = _tokens(before, *bspan), _tokens(after, *aspan)
        if len(ta) + len(tb) > MAX_WORD_DIFF_TOKENS:
            emit("replace", bspan, aspan)
            continue
        for wop, k1, k2, m1, m2 in _ops(ta, tb):
            wb = _span(ta, k1, k2, ta[k1][1] if k1 < len(ta) else bspan[1])
            wa = _span(tb, m1, m2, tb[m1][1] if m1 < len(tb) else aspan[1])
            if wop != "equal" and _blank(before, wb) and _blank(after, wa):
                wop = "equal"   # a change in spacing only is not worth marking
            emit(wop, wb, wa)
    return _join_changes(out, before)


def _small_gap(text: str) -> bool:
    """Up to two short words on one line: too little to show as unchanged between two changes."""
    return "\n" not in text and len(text) <= 12 and len(re.findall(r"\w+", text)) <= 2


def _join_changes(ops: list[dict[str, Any]], before: str) -> list[dict[str, Any]]:
    """Two changes with only a space or a word or two between them read better as one change."""
    out: list[dict[str, Any]] = []
    for op in ops:
        if (op["op"] != "equal" and len(out) >= 2 and out[-2]["op"] != "equal" and out[-1]["op"] == "equal"
                and _small_gap(before[slice(*out[-1]["before"])])):
            out.pop()
            prev = out.pop()
            op = {"op": "replace", "before": [prev["before"][0], op["before"][1]],
                  "after": [prev["after"][0], op["after"][1]]}
        out.append(op)
    return out


def _blank(text: str, span: list[int]) -> bool:
    return not text[span[0]:span[1]].strip()


# --- export ------------------------------------------------------------------

_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def export_name(source: str | None, fmt: str) -> str:
    """A download name built from the uploaded file's name, in plain ASCII (safe in a header)."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", source or "")
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")):
        stem = stem.replace(a, b)
    stem = re.sub(r"[^A-Za-z0-9_\- ]+", "", stem).strip()[:60] or "brev"
    return f"{stem}-rettet.{fmt}"


def to_docx(text: str) -> bytes:
    """A plain Word document: a blank line starts a new paragraph, a single newline is a line break."""
    from docx import Document as DocxDocument

    doc = DocxDocument()
    clean = _XML_BAD.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    for block in re.split(r"\n[ \t]*\n", clean.strip("\n")):
        para = doc.add_paragraph()
        lines = block.split("\n")
        for i, line in enumerate(lines):
            run = para.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# --- rules page ----------------------------------------------------------------

def paragraphs(text: str) -> list[str]:
    """Rule explanations are wrapped by hand in the TOML files; join the lines back into paragraphs."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


# --- highlights without JavaScript --------------------------------------------

def inline_segments(text: str, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut into plain pieces and marked pieces for the page without JavaScript.

    Findings that overlap are merged into one marked piece; findings that cover
    more than one paragraph (such as LIX for the whole letter) are left to the list.
    """
    spans = []
    for i, f in enumerate(findings):
        s, e = f["start"], f["end"]
        if e <= s or "\n" in text[s:e]:
            continue
        spans.append((s, e, i))
    spans.sort()
    clusters: list[list] = []
    for s, e, i in spans:
        if clusters and s < clusters[-1][1]:
            clusters[-1][1] = max(clusters[-1][1], e)
            clusters[-1][2].append(i)
        else:
            clusters.append([s, e, [i]])
    out, pos = [], 0
    for s, e, ids in clusters:
        if s > pos:
            out.append({"text": text[pos:s]})
        cats = [findings[i]["category"] for i in ids]
        out.append({"text": text[s:e], "ids": ids, "category": cats[0], "categories": sorted(set(cats))})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out
