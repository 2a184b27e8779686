"""What every check kind shares: parameter schemas, the letter context on the Doc, finding helpers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..nlp.text import doc_text  # noqa: F401  (re-exported for the checks)
from ..report.model import Finding, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_extension_ready = False


def ensure_letter_extension() -> None:
    """Register ``Doc._.letter`` (on first use, so that loading the rules does not import spaCy)."""
    global _extension_ready
    if not _extension_ready:
        from spacy.tokens import Doc

        if not Doc.has_extension("letter"):
            Doc.set_extension("letter", default=None)
        _extension_ready = True


@dataclass(frozen=True)
class Param:
    """One parameter of a check kind: type, default and allowed range, validated on load."""

    type: type | tuple[type, ...]
    default: Any = None
    required: bool = False
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] | None = None
    help: str = ""


@dataclass
class LetterContext:
    """Letter-level facts the checks may need, stored on ``doc._.letter``."""

    blocks: tuple = ()              # letterlab.readers.Block records
    genre: str | None = None
    genre_scores: dict[str, float] = field(default_factory=dict)
    profile: Any = None             # letterlab.ruleset.Profile
    placeholders: tuple[tuple[int, int], ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()   # content sentences (no whitespace tokens)
    metrics: dict[str, Any] = field(default_factory=dict)
    parts: tuple = ()               # letterlab.anatomy.Part records, in text order
    notes: tuple[str, ...] = ()     # letterlab.anatomy notice codes ("alternatives", "no_body", ...)

    def part_at(self, pos: int) -> str:
        """The anatomy part kind at character ``pos`` ("body" where no part is known)."""
        from ..anatomy import part_at

        starts = self.metrics.get("_part_starts")
        if starts is None or len(starts) != len(self.parts):
            starts = self.metrics["_part_starts"] = [p.start for p in self.parts]
        return part_at(self.parts, pos, starts)


def letter(doc: Doc) -> LetterContext:
    ensure_letter_extension()
    ctx = doc._.letter
    if ctx is None:
        from ..nlp.segment import content_sents

        ctx = LetterContext(sentences=tuple(content_sents(doc)) if doc.has_annotation("SENT_START") else ())
        doc._.letter = ctx
    return ctx


def make_finding(rule, doc: Doc, start: int, end: int, *, message: str | None = None,
                 suggestions: tuple[Suggestion, ...] | list[Suggestion] = (),
                 severity: str | None = None) -> Finding:
    """A Finding for ``doc.text[start:end]`` from ``rule``'s fields."""
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity or rule.severity,
        message=message or rule.message,
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
        suggestions=tuple(suggestions),
        explanation=rule.explanation,
    )


def span_chars(span: Span | Token) -> tuple[int, int]:
    if not hasattr(span, "start_char"):  # a Token
        return span.idx, span.idx + len(span.text)
    return span.start_char, span.end_char


def line_around(text: str, a: int, b: int) -> tuple[int, str]:
    """The start and the text of the line that holds ``text[a:b]``."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    return line_start, text[line_start:len(text) if line_end < 0 else line_end]


def match_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``template`` (sentence start, all caps)."""
    if not template or not replacement:
        return replacement
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def table_keys_problem(where: str, item: dict, keys: dict[str, type | tuple[type, ...]]) -> str | None:
    """A Danish problem text for an unknown key or a value of the wrong type in a rule-file table."""
    for k, v in item.items():
        if k not in keys:
            return f"{where}: ukendt nøgle '{k}'. Gyldige: {', '.join(sorted(keys))}"
        if not isinstance(v, keys[k]):
            return f"{where}: '{k}' har den forkerte type"
    return None


CheckFn = Callable[["Doc", Any], Iterator[Finding]]
