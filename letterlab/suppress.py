"""Findings a writer has accepted: inline markers in the letter and an audit baseline.

Inline marker: a line of its own that says ``letterlab: ignorer <regel-id>`` (several ids
separated by commas or spaces; an id prefix such as ``let-at-laese`` works as in
``--disable``). It switches the rules off for the next paragraph, and the marker
line itself is never checked. It may sit in a comment: .txt (``# letterlab: ignorer ...``
or the bare line), .md (``<!-- letterlab: ignorer ... -->``, which the Markdown reader
keeps as a line of text), and .docx and .html as a paragraph of its own (the HTML
reader drops comments). In a .docx the same words in the document's tags (Word:
File > Info > Properties > Tags) switch the rules off for the whole letter.
``letterlab: ignorer-brevet <regel-id>`` switches the rules off for the whole letter.

Baseline: ``letterlab audit --baseline report.json`` accepts every finding that an
earlier audit's report.json recorded (same file, same rule, same words) and reports
only the new ones.
"""
from __future__ import annotations

import json
import re
from letterlab import rxcache
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable

MARKER = rxcache.compile(
    r"^[ \t]*(?:<!--|#|//|\[)?[ \t]*letterlab:[ \t]*(ignorer-brevet|ignorer)[ \t]+([\w.\-, \t]+?)"
    r"[ \t]*(?:-->|\])?[ \t]*$", re.M | re.I)


def _matches(rule_id: str, pattern: str) -> bool:
    p = pattern.rstrip(".")
    return rule_id == p or rule_id.startswith(p + ".")


def marker_spans(text: str) -> list[tuple[int, int, int, int, tuple[str, ...]]]:
    """``(marker_start, marker_end, scope_start, scope_end, ids)`` for every marker in ``text``."""
    out = []
    for m in MARKER.finditer(text):
        ids = tuple(i for i in re.split(r"[,\s]+", m.group(2)) if i)
        if not ids:
            continue
        if m.group(1).lower() == "ignorer-brevet":
            out.append((m.start(), m.end(), 0, len(text), ids))
            continue
        # the next paragraph: skip blank lines after the marker, then up to the next blank line
        rest = re.compile(r"\s*").match(text, m.end()).end()
        blank = re.compile(r"\n[ \t]*\n").search(text, rest)
        out.append((m.start(), m.end(), rest, blank.start() if blank else len(text), ids))
    return out


_PROPERTY = rxcache.compile(r"letterlab:\s*ignorer(?:-brevet)?\s+([\w.\-]+(?:[ \t]*[,;][ \t]*[\w.\-]+)*)", re.I)


def property_ids(xml: str) -> tuple[str, ...]:
    """Rule ids named by "letterlab: ignorer <regel-id>" anywhere in a document-properties part."""
    ids: list[str] = []
    for m in _PROPERTY.finditer(xml):
        ids.extend(i for i in re.split(r"[,;\s]+", m.group(1)) if i)
    return tuple(dict.fromkeys(ids))


def apply_markers(text: str, findings: list, letter_ids: tuple[str, ...] = ()) -> list:
    """``findings`` without those the letter's own markers switch off (and none on a marker line).

    ``letter_ids`` are switched off for the whole letter (from the file's properties)."""
    if letter_ids:
        findings = [f for f in findings if not any(_matches(f.rule, i) for i in letter_ids)]
    if "letterlab:" not in text.lower():
        return findings
    spans = marker_spans(text)
    if not spans:
        return findings
    kept = []
    for f in findings:
        on_marker = any(ms <= f.start < me for ms, me, _, _, _ in spans)
        switched_off = any(ss <= f.start < max(se, ss + 1) and any(_matches(f.rule, i) for i in ids)
                           for _, _, ss, se, ids in spans)
        if not on_marker and not switched_off:
            kept.append(f)
    return kept


# --- audit baseline ----------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join((text or "").split()).lower()


class BaselineError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def load_baseline(path: str | Path) -> dict[str, Counter]:
    """path of each template -> how often each (rule, words) was found, from an audit's report.json."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"Vi kan ikke læse {path} ({exc.strerror}).") from None
    except ValueError:
        raise BaselineError(f"{path} er ikke en report.json fra 'letterlab audit'.") from None
    templates = data.get("templates") if isinstance(data, dict) else None
    if not isinstance(templates, list):
        raise BaselineError(f"{path} er ikke en report.json fra 'letterlab audit'.")
    out: dict[str, Counter] = {}
    for t in templates:
        report = (t or {}).get("report") or {}
        seen = out.setdefault(str(t.get("path")), Counter())
        for f in report.get("findings") or ():
            seen[(f.get("rule"), _norm(f.get("text")))] += 1
    return out


def new_findings(findings: Iterable, accepted: Counter | None) -> list:
    """The findings that the baseline did not record (each recorded one accepts one finding)."""
    if not accepted:
        return list(findings)
    left = Counter(accepted)
    out = []
    for f in findings:
        key = (f.rule, _norm(f.text))
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out


def apply_baseline(report, rel: str, baseline: dict[str, Counter] | None):
    """``report`` with only the findings that are new since the baseline."""
    if not baseline or rel not in baseline:
        return report
    return replace(report, findings=new_findings(report.findings, baseline[rel]))
