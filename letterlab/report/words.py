"""The words every renderer shows a user: severities, counts, numbers and quotes.

One Danish vocabulary for the web page, ``letterlab check``, the audit report
and ``letterlab rules list``. The English ids (``info``/``warning``/``error``)
stay in options (``--fail-on``) and in the JSON report.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from typing import Iterable, Mapping

# id -> (one, many). Ordered from the worst to the mildest, the order findings are listed in.
SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    "error": ("fejl", "fejl"),
    "warning": ("advarsel", "advarsler"),
    "info": ("tip", "tips"),
}
SEVERITY_ORDER = tuple(SEVERITY_WORDS)          # error, warning, info
SEVERITY_SORT = {s: i for i, s in enumerate(SEVERITY_ORDER)}

QUOTE_OPEN, QUOTE_CLOSE = "»", "«"

# category -> (line colour, tint): the web page's colours (web/static/style.css), for the audit report.
CATEGORY_COLOURS: dict[str, tuple[str, str]] = {
    "readability": ("#5b3fa0", "#efe9fb"),
    "sentence_length": ("#8a6100", "#fff6d5"),
    "passive": ("#0b5cad", "#e2eefb"),
    "jargon": ("#b03c07", "#fde7d9"),
    "nominalisation": ("#7a5200", "#f8eed6"),
    "address": ("#00695a", "#d9f2ec"),
    "message": ("#215b7a", "#dcebf3"),
    "genre": ("#4d5560", "#e9ecef"),
    "privacy": ("#b0002a", "#fde1e7"),
    "terms": ("#8a1f7a", "#f7e0f2"),
}


def severity_word(severity: str, n: int = 1, capital: bool = False) -> str:
    one, many = SEVERITY_WORDS.get(severity, (severity, severity))
    word = one if n == 1 else many
    return word[:1].upper() + word[1:] if capital else word


def severity_labels() -> dict[str, str]:
    """id -> the capitalised singular word, for labels on a finding ("Fejl", "Advarsel", "Tip")."""
    return {s: severity_word(s, capital=True) for s in SEVERITY_ORDER}


def plural(n: int, one: str, many: str) -> str:
    """``1 sætning``, ``2 sætninger``, ``1.200 ord`` (Danish thousands separator)."""
    return f"{number(n)} {one if n == 1 else many}"


def number(x: float | int | None, digits: int = 0) -> str:
    """A number as a Danish reader writes it: 1.234,5 (a dash when there is none)."""
    if x is None:
        return "–"
    text = f"{x:,.{digits}f}" if digits else f"{round(x):,d}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def quote(text: str) -> str:
    return f"{QUOTE_OPEN}{text}{QUOTE_CLOSE}"


_STRAIGHT = rxcache.compile(r'"([^"\n]{1,200})"')


def danish_quotes(text: str) -> str:
    """Straight double quotes in a message ("sendes") shown as the one quote style: »sendes«."""
    return _STRAIGHT.sub(lambda m: f"{QUOTE_OPEN}{m.group(1)}{QUOTE_CLOSE}", text or "")


def severity_counts(severities: Iterable[str]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITY_ORDER}
    for s in severities:
        counts[s] = counts.get(s, 0) + 1
    return counts


def count_summary(counts: Mapping[str, int], letters: int | None = None) -> str:
    """``3 fejl, 12 advarsler, 4 tips i 2 breve`` (every severity named, also at 0)."""
    parts = [plural(counts.get(s, 0), *SEVERITY_WORDS[s]) for s in SEVERITY_ORDER]
    text = ", ".join(parts)
    if letters is not None:
        text += " i " + plural(letters, "brev", "breve")
    return text


def sort_key(finding) -> tuple[int, int, int]:
    """Worst first, then in reading order. Works on Finding objects and their dicts."""
    get = finding.get if isinstance(finding, dict) else lambda k: getattr(finding, k)
    return SEVERITY_SORT.get(get("severity"), 9), get("start"), get("end")


def rule_severity_text(rule) -> str:
    """A rule's severity as ``rules list`` and the Regler page show it: "advarsel", or
    "advarsel, kan blive fejl" when a parameter raises some findings to an error (LIX, long sentences)."""
    word = severity_word(rule.severity)
    params = getattr(rule, "params", None) or {}
    raises = any(k.startswith("error") for k in params)
    if raises and rule.severity != "error":
        word += ", kan blive fejl"
    return word
