"""Reading time and RIX, over the part of the letter the scores cover, as textstat computes them.

``figures(doc, sentences)`` is called once per letter where the scores are
computed (``letterlab.metrics.compute``), with the sentences the LIX counts.
It adds three scores:

* ``reading_seconds``: ``textstat.reading_time`` of those sentences' text as
  the reader sees it (numbers, dates and punctuation included), whole seconds:
  ``MS_PER_CHARACTER`` × the characters that are not blank / 1000.
  textstat's default speed (14.69 ms a character) is a fast reader of English;
  letterlab uses 200 words a minute, a calm pace for a letter from the
  authorities, at the 5.15 non-blank characters a word the corpus letters
  have (``corpora/letters``).
* ``reading_time``: the same as a reader says it, "ca. 2 minutter"
  (``reading_time_text``).
* ``rix``: Anderson's RIX (long words per sentence), ``textstat.rix`` of
  letterlab's own cleaned text of those sentences (``cleaned_text``): each LIX
  word with only its letters kept ("bl.a." → "bla", "CPR-nummer" →
  "CPRnummer"), each sentence ended by one full stop. textstat then sees the
  words and long words LIX counts. One difference remains: textstat does not
  count a sentence of one or two words (it takes it for a heading or a stray
  abbreviation), while the LIX does. ``None`` when there is no sentence to count.

Both are computed from what letterlab has already counted (the sentences'
words and long words, the characters of their tokens) with textstat's
formulas: ``rix = long words / max(1, sentences - sentences of ≤ 2 words)``,
``reading_time = ms_per_char × characters without white space / 1000``.
Running textstat's regular expressions over the text cost 0.6–0.9 ms a letter;
this costs a few µs. ``textstat_figures`` runs textstat itself on
``covered_text`` and ``cleaned_text``, and tests/test_readtime.py holds the two
equal on the corpus letters.

Why not textstat's ``lix`` as well: textstat splits sentences at every full
stop and words at spaces, so "bl.a.", "jf.", "1. maj", "kl. 10.00" and
headings without a full stop change its counts (docs/report-schema.md has a
worked example). letterlab's LIX keeps its letter-aware counts.

Personal data: textstat keeps the last 128 texts it was given in its caches;
``textstat_figures`` empties them again before it returns, so no letter text
stays behind in the process. ``figures`` gives textstat no text at all.
"""
from __future__ import annotations

import re
from letterlab import rxcache
import sys
import types
from typing import TYPE_CHECKING, Any, Sequence

from .nlp.text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

WORDS_PER_MINUTE = 200
CHARACTERS_PER_WORD = 5.15
MS_PER_CHARACTER = round(60_000 / (WORDS_PER_MINUTE * CHARACTERS_PER_WORD), 2)   # 58.25

_textstat: Any = None
_caches: list = []


class _Deferred(types.ModuleType):
    """Stands in for nltk while textstat is imported; imports the real one on first use.

    textstat imports nltk (about a second: most of a cold ``letterlab check``)
    only for English syllable counts from the CMU dictionary. letterlab never
    asks for those, so nltk is imported only if something really uses it.
    """

    def __getattr__(self, name: str):
        import importlib

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def _load_textstat():
    global _textstat
    if _textstat is None:
        proxy = None
        if "nltk" not in sys.modules:
            proxy = sys.modules["nltk"] = _Deferred("nltk")
        try:
            import textstat
            from textstat import backend
        finally:
            if proxy is not None and sys.modules.get("nltk") is proxy:
                del sys.modules["nltk"]
        for part in (backend.metrics, backend.counts, backend.selections, backend.transformations):
            for name in dir(part):
                fn = getattr(part, name)
                if callable(getattr(fn, "cache_clear", None)):
                    _caches.append(fn)
        _textstat = textstat
    return _textstat


def _forget() -> None:
    for fn in _caches:
        fn.cache_clear()


def cleaned_text(doc: Doc, sentences: Sequence) -> str:
    """The LIX words of ``sentences`` (``SentenceInfo``), letters only, one full stop after each sentence."""
    from .metrics import word_letters
    from .nlp.table import token_table

    t = token_table(doc)
    text = t.text
    lines = []
    for s in sentences:
        words = [w if w.isalpha() else "".join(c for c in w if c.isalpha())
                 for w in (text[i] for i in range(s.token_start, s.token_end) if word_letters(t, i) >= 0)]
        if words:
            lines.append(" ".join(words) + ".")
    return " ".join(lines)


def covered_text(doc: Doc, sentences: Sequence) -> str:
    """The tokens of ``sentences`` as the reader sees them (numbers and punctuation too), one space apart.

    Built from the token table: ``doc.text`` would rebuild the letter token by
    token on every call. The characters that are not blank are those of the letter.
    """
    from .nlp.table import token_table

    t = token_table(doc)
    text, space = t.text, t.space
    return " ".join(text[i] for s in sentences for i in range(s.token_start, s.token_end) if not space[i])


def reading_time_text(seconds: int | float | None) -> str | None:
    """Reading time the way a reader says it: "under 1 minut", "ca. 1 minut", "ca. 4 minutter", "ca. 15 minutter"."""
    if seconds is None:
        return None
    if seconds < 45:
        return "under 1 minut"
    minutes = int(seconds / 60 + 0.5)
    if minutes <= 1:
        return "ca. 1 minut"
    if minutes > 10:
        minutes = 5 * int(minutes / 5 + 0.5)
    return f"ca. {minutes} minutter"


_BLANK_RE = rxcache.compile(r"\s")   # what textstat's count_chars(ignore_spaces=True) leaves out
# Every character ``str.isspace`` (and so ``\s``) knows, except " " and "\n" (tests/test_readtime.py checks
# the list against all of Unicode).
OTHER_BLANKS = ("\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0",
                "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
                "\u2008", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000")


def reader_characters(doc: Doc, sentences: Sequence) -> int:
    """The characters of ``sentences`` that are not white space: what ``textstat.reading_time`` counts.

    Read from the letter's text between each sentence's first and last token: spaCy keeps every
    character, and what lies between the tokens (and white-space tokens) is white space. Counted
    with ``str.count`` (no copy of the text is made); only a text with other white space than
    spaces and line breaks (tabs, no-break spaces ...) is run through the regular expression.
    """
    text = doc_text(doc)
    body = "".join([text[s.start:s.end] for s in sentences])
    for c in OTHER_BLANKS:      # for a text of Latin-1 characters, the test of a wider one returns at once
        if c in body:
            return len(_BLANK_RE.sub("", body))
    return len(body) - body.count(" ") - body.count("\n")


def rix_from_counts(long_words: int, sentences: int, short: int) -> float | None:
    """``textstat.rix``: long words / sentences, the ``short`` ones (one or two words) left out (at least one).

    ``sentences`` counts the sentences with a word; None when there is none.
    """
    if not sentences:
        return None
    return round(long_words / max(1, sentences - short), 1)


def rix_of(sentences: Sequence) -> float | None:
    """``textstat.rix`` of ``cleaned_text``, from the sentences' counts; None without a word.

    textstat counts the long words (more than six letters) of all sentences and divides by the
    sentences, leaving out those of one or two words (at least one sentence).
    """
    counted = long_words = short = 0
    for s in sentences:
        w = s.words
        if w > 0:
            counted += 1
            long_words += s.long_words
            short += w <= 2
    return rix_from_counts(long_words, counted, short)


def figures(doc: Doc, sentences: Sequence, rix: float | None | bool = False) -> dict:
    """``reading_seconds``, ``reading_time`` and ``rix`` for ``sentences`` (the ones the LIX counts).

    ``rix``: the RIX when the caller has it from its own counts (``metrics.compute`` does).
    """
    seconds = round(MS_PER_CHARACTER * reader_characters(doc, sentences) / 1000)
    return {"reading_seconds": seconds, "reading_time": reading_time_text(seconds),
            "rix": rix_of(sentences) if rix is False else rix}


def textstat_figures(doc: Doc, sentences: Sequence) -> dict:
    """``figures`` computed by textstat itself over ``covered_text`` and ``cleaned_text`` (the reference)."""
    ts = _load_textstat()
    try:
        seconds = round(ts.reading_time(covered_text(doc, sentences), ms_per_char=MS_PER_CHARACTER))
        cleaned = cleaned_text(doc, sentences)
        rix = round(ts.rix(cleaned), 1) if cleaned else None
    finally:
        _forget()
    return {"reading_seconds": seconds, "reading_time": reading_time_text(seconds), "rix": rix}
