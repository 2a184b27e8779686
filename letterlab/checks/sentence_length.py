"""Long sentences (kind ``sentence_length``): over ``warn`` words is a warning, over ``error`` an error.

Words are counted as for LIX (see :mod:`letterlab.metrics`); only sentences in
the letter's body count. Each finding carries the safe split points that
:mod:`letterlab.rewrite.split` finds.

A sentence between ``warn`` and ``error`` words that is plain is a tip
(``info``), not a warning: "Vi har lagt vægt på, at du ikke kan ..., og at du
skal ..." is read one short clause at a time. Plain means both halves of LIX
are low: every clause has at most ``clause_words`` words, and at most
``long_share`` of its words are long (more than six letters, as in LIX).
Officialese of the same length ("Det påhviler Dem endvidere ..., såfremt ...,
idet ...") has short clauses too, but a third or more long words. A clause is
the text between commas, semicolons, colons, dashes and brackets; a date
("fredag den 24. september 2027") and an e-mail or web address ("affald@by.dk")
count as one short word each, since each is read as one. With ``clause_words = 0`` every sentence over ``warn`` is a warning.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from typing import Iterator

from .base import Param, letter, make_finding, doc_text
from ..metrics import LONG_WORD_LETTERS
from .message import MONTHS, WEEKDAYS

PARAMS = {
    "warn": Param(int, default=25, min=5, max=100, help="flere ord end dette giver en advarsel"),
    "error": Param(int, default=35, min=5, max=200, help="flere ord end dette giver en fejl"),
    "clause_words": Param(int, default=15, min=0, max=100,
                          help="har hvert led i sætningen højst så mange ord, er det kun et tip (0: aldrig)"),
    "long_share": Param(float, default=0.2, min=0.0, max=1.0,
                        help="... og højst så stor en andel lange ord (over seks bogstaver)"),
}

_CLAUSE_BREAK = rxcache.compile(r"\s*[,;:()–—]\s*|\s-\s")
_DATE = rxcache.compile(rf"\b({WEEKDAYS}\s+)?(den\s+)?\d{{1,2}}\.\s*{MONTHS}(\s+\d{{4}})?", re.I)
_PLACEHOLDER = rxcache.compile(r"\{\{[^{}]*\}\}|\{[^{}]*\}|«[^«»]*»|<<[^<>]*>>|\[[^\[\]]*\]|\$\{[^}]*\}")
# A word: a whitespace-free stretch with a letter in it. Tried only where such a stretch starts: from
# every position a stretch without a letter ("=" 30,000 times) cost time quadratic in its length.
_WORD = rxcache.compile(r"(?<!\S)\S*[A-Za-zÆØÅæøåÉé]\S*")


# an e-mail or web address is read as one unit, like a date: "affald@by.dk", "borger.dk/boligstoette"
_ADDRESS = rxcache.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|\b(https?://|www\.)\S+(?<![.,;:!?)])|\b[\w-]+\.(dk|com|org|net|eu)(/\S*)?(?<![.,;:!?)])",
                           re.I)


def _clean(sentence: str) -> str:
    return _ADDRESS.sub(" link ", _DATE.sub(" dato ", _PLACEHOLDER.sub(" ", sentence)))


def longest_clause(sentence: str) -> int:
    """Words in the sentence's longest clause (a date is one word; numbers and merge fields are none)."""
    return max((len(_WORD.findall(c)) for c in _CLAUSE_BREAK.split(_clean(sentence))), default=0)


def long_word_share(sentence: str) -> float:
    """The share of the sentence's words with more than six letters (a date is one short word)."""
    words = _WORD.findall(_clean(sentence))
    if not words:
        return 0.0
    return sum(sum(c.isalpha() for c in w) > LONG_WORD_LETTERS for w in words) / len(words)


def is_plain(sentence: str, clause_words: int, long_share: float) -> bool:
    """Short clauses of mostly short words: long, but read without effort."""
    return bool(clause_words) and longest_clause(sentence) <= clause_words and \
        long_word_share(sentence) <= long_share


def check(doc, rule) -> Iterator:
    infos = letter(doc).metrics.get("sentence_infos", [])
    text = doc_text(doc)
    p = rule.params
    for s in infos:
        if s.zone not in ("body",) or s.words <= p["warn"]:
            continue
        severity, message = rule.severity, f"{rule.message} Sætningen har {s.words} ord."
        if s.words > p["error"]:
            severity = "error"
        elif is_plain(text[s.start:s.end], p["clause_words"], p["long_share"]):
            severity = "info"
            message = f"{rule.message} Sætningen har {s.words} ord, men leddene er korte og ordene lette."
        yield make_finding(rule, doc, s.start, s.end, severity=severity, message=message,
                           suggestions=_suggest(doc, s.start, s.end))


def _suggest(doc, start: int, end: int) -> tuple:
    """Split points from :mod:`letterlab.rewrite.split` (none when no point is safe enough)."""
    from ..rewrite.split import split_suggestions

    return split_suggestions(doc, start, end)
