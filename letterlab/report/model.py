"""Findings and reports: immutable records that store character offsets only.

Renderers work out lines, columns and paragraphs from the offsets. The JSON
form (``Report.to_dict``) is the documented, versioned schema in
``docs/report-schema.md``; bump ``SCHEMA_VERSION`` on any incompatible change.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .safe import mask as _mask
from .safe import safe_name as _safe_name

SCHEMA_VERSION = "1.0"

CATEGORIES = (
    "readability",
    "sentence_length",
    "passive",
    "jargon",
    "nominalisation",
    "address",
    "message",
    "genre",
    "privacy",
    "terms",
    "tone",
)

# The Danish name of each category, shown in every report, page and comparison.
CATEGORY_TITLES = {
    "readability": "Læsbarhed",
    "sentence_length": "Lange sætninger og afsnit",
    "passive": "Passiv",
    "jargon": "Kancellisprog",
    "nominalisation": "Navneordsstil",
    "address": "Tiltale",
    "message": "Budskab",
    "genre": "Genre og jura",
    "privacy": "Persondata",
    "terms": "Fælles ord",
    "tone": "Anerkendende tone",
}

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Suggestion:
    """A concrete replacement for ``text[start:end]``."""

    start: int
    end: int
    replacement: str
    kind: str = "replace"          # jargon, passive, address, nominalisation, split, move, ...
    safe: bool = False             # only safe suggestions are applied by ``--apply safe``
    confidence: float = 0.5
    note: str = ""                 # Danish, shown to the user

    def __post_init__(self):
        # No suggestion holds a full CPR number (see report/safe.py; apply puts it back).
        for name in ("replacement", "note"):
            value = getattr(self, name)
            masked = _mask(value)
            if masked is not value:
                object.__setattr__(self, name, masked)

    def to_dict(self) -> dict[str, Any]:
        # field by field: ``dataclasses.asdict`` copies every value through its recursive walk, which was
        # most of the cost of a web response's JSON (the values here are plain strings and numbers)
        return {name: getattr(self, name) for name in _SUGGESTION_FIELDS}


_SUGGESTION_FIELDS = tuple(f.name for f in fields(Suggestion))


@dataclass(frozen=True)
class Finding:
    """One thing a rule noticed in the letter."""

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    suggestions: tuple[Suggestion, ...] = ()
    explanation: str = ""

    def __post_init__(self):
        # No finding holds a full CPR number, however it was made (a check, the audit cache...).
        for name in ("text", "message"):
            value = getattr(self, name)
            masked = _mask(value)
            if masked is not value:
                object.__setattr__(self, name, masked)

    def to_dict(self) -> dict[str, Any]:
        d = {name: getattr(self, name) for name in _FINDING_FIELDS}
        d["suggestions"] = [s.to_dict() for s in self.suggestions]
        return d


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


@dataclass
class Report:
    """What ``analyse`` returns: the text, its scores and findings, and notices for the user."""

    text: str
    findings: list[Finding]
    scores: dict[str, Any]
    source: str | None = None
    genre: str | None = None
    profile: str | None = None
    model: str | None = None
    ruleset_version: str | None = None
    notices: list[dict[str, str]] = field(default_factory=list)   # {"code":..., "message": Danish}
    sentences: list[tuple[int, int]] = field(default_factory=list)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    score_weights: dict[str, float] = field(default_factory=dict)
    parts: list[dict[str, Any]] = field(default_factory=list)       # the letter's anatomy (letterlab.anatomy)
    message: dict[str, Any] | None = None          # {"first", "start", "end", "act"}
    appeal_guide: dict[str, bool] | None = None    # {"needed", "present"}
    coverage: dict[str, Any] | None = None         # {"kinds", "description"}: what the scores cover

    def __post_init__(self):
        # Source names are shown and stored: printable, no bidi controls, no CPR number (report/safe.py).
        self.source = _safe_name(self.source)
        if any(_mask(n.get("message")) is not n.get("message") for n in self.notices):
            self.notices = [{**n, "message": _mask(n.get("message"))} for n in self.notices]

    def by_category(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {c: [] for c in CATEGORIES}
        for f in self.findings:
            out.setdefault(f.category, []).append(f)
        return out

    def worst_severity(self) -> str | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: SEVERITY_RANK[s])

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "genre": self.genre,
            "profile": self.profile,
            "model": self.model,
            "ruleset_version": self.ruleset_version,
            "scores": self.scores,
            "score_weights": self.score_weights,
            "notices": list(self.notices),
            "findings": [f.to_dict() for f in self.findings],
            "sentences": [list(s) for s in self.sentences],
            "parts": list(self.parts),
            "message": self.message or {"first": None, "start": None, "end": None, "act": None},
            "appeal_guide": self.appeal_guide,
            "coverage": self.coverage,
        }
        if include_text:
            d["text"] = self.text
        return d
