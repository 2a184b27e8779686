"""Readability figures computed once per letter: words, sentences, LIX, sentence lengths.

LIX (Björnsson) = W / S + 100 × L / W, where W is the number of words, S the
number of sentences and L the number of long words (more than six letters).

What counts, so the figure matches what a careful person counting by hand
gets after cleaning the text the way LIX calculators tell users to:

* A **word** is a token with at least one letter. Numbers, dates written
  with digits ("12.", "2026"), amounts ("1.250,00"), "§", punctuation, bullet
  markers, e-mail and web addresses and template placeholders ({navn},
  «Navn») are not words. Abbreviations ("bl.a.", "jf.", "kl.") are one word
  each. A hyphenated compound ("CPR-nummer") is one word.
* A word is **long** when it has more than six letters; only letters are
  counted (so "f.eks." has four).
* A **sentence** is one of the letter-aware sentences (see
  ``letterlab.nlp.segment``) that holds at least one word and starts in a part
  of the letter the figures cover (``letterlab.anatomy.COVERED_KINDS``): the
  subject line, the body text (paragraphs, bullets, key-value lines) and the
  appeal guide. The letterhead, addresses, reference lines, date, sub-headings,
  salutation ("Kære ..."), closing ("Med venlig hilsen"), signature, footer
  and template scaffolding are left out, since they are not running text.
  Each bullet counts as a sentence. Without an anatomy (``parts``) the old
  zones decide: body only.
* The result is rounded to a whole number for display; ``lix`` keeps one
  decimal.

Bands (Danish practice): ≤ 24 very easy, 25–34 easy, 35–44 medium, 45–54
hard, ≥ 55 very hard.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import readtime
from .nlp.table import TokenTable, token_table
from .anatomy import COVERED_KINDS, ZONE_OF
from .structure import Zone, zone_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LIX_BANDS = ((24, "meget let"), (34, "let"), (44, "middel"), (54, "svær"), (10**9, "meget svær"))
URL_RE = rxcache.compile(r"^(https?://|www\.)|@|\.(dk|com|org|net|eu)$", re.I)
LONG_WORD_LETTERS = 6


# Token text -> its letter count, or -1 when the text cannot be a word; shared across letters.
_word_letters: dict[str, int] = {}


def text_word_letters(text: str) -> int:
    """Letters in ``text``, or -1 when a token with this text is no word (no letters, a web or e-mail address)."""
    n = _word_letters.get(text)
    if n is None:
        n = letters(text)
        if not n or (URL_RE.search(text) and ("." in text or "@" in text)):
            n = -1
        if len(_word_letters) < 100_000:
            _word_letters[text] = n
    return n


def is_word(tok: Token) -> bool:
    if tok.is_space or tok.is_punct or token_table(tok.doc).placeholder[tok.i]:
        return False
    return text_word_letters(tok.text) >= 0


def word_letters(t: TokenTable, i: int) -> int:
    """Token ``i``'s letter count when it is a word (see ``is_word``), else -1."""
    if t.space[i] or t.punct[i] or t.placeholder[i]:
        return -1
    return text_word_letters(t.text[i])


def letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def lix_band(lix: float | None) -> str | None:
    if lix is None:
        return None
    for top, name in LIX_BANDS:
        if round(lix) <= top:
            return name
    return LIX_BANDS[-1][1]


@dataclass(frozen=True)
class SentenceInfo:
    start: int
    end: int
    words: int
    long_words: int
    zone: str
    token_start: int
    token_end: int
    part: str = "body"      # letterlab.anatomy part kind at the sentence's start


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` token indices of ``doc.sents``, read from the token table when it can tell."""
    t = token_table(doc)
    if "sents" in doc.user_hooks or not (any(t.dep) or True in t.sent_start[1:]):
        # The table cannot tell "one sentence" from "no sentence annotation" (doc.sents raises then).
        return [(s.start, s.end) for s in doc.sents]
    starts = [i for i, ss in enumerate(t.sent_start) if ss and i]
    return list(zip([0] + starts, starts + [len(t)]))


def sentence_infos(doc: Doc, zones: list[Zone], parts=None) -> list[SentenceInfo]:
    t = token_table(doc)
    if parts:
        from .anatomy import part_at

        starts = [p.start for p in parts]
    space, idx, end, punct, placeholder, text = t.space, t.idx, t.end, t.punct, t.placeholder, t.text
    known = _word_letters.get
    out = []
    for s, e in sentence_bounds(doc):
        toks = [i for i in range(s, e) if not space[i]]
        if not toks:
            continue
        words = long_words = 0
        for i in toks:
            if punct[i] or placeholder[i]:
                continue
            n = known(text[i])         # word_letters(t, i), without a call per token
            if n is None:
                n = text_word_letters(text[i])
            if n >= 0:
                words += 1
                long_words += n > LONG_WORD_LETTERS
        first, last = toks[0], toks[-1]
        if parts:
            kind = part_at(parts, idx[first], starts)
            zone = ZONE_OF[kind]
        else:
            kind = zone = zone_at(zones, idx[first])
        out.append(SentenceInfo(idx[first], end[last], words, long_words, zone, first, last + 1, kind))
    return out


def compute(doc: Doc, zones: list[Zone], parts=None) -> dict:
    """Word, sentence and LIX figures for the parts the figures cover (the body without ``parts``)."""
    infos = sentence_infos(doc, zones, parts)
    if parts:
        body = [s for s in infos if s.part in COVERED_KINDS and s.words > 0]
    else:
        body = [s for s in infos if s.zone == "body" and s.words > 0]
    words = sum(s.words for s in body)
    long_words = sum(s.long_words for s in body)
    n = len(body)
    lix = round(words / n + 100 * long_words / words, 1) if n and words else None
    lengths = [s.words for s in body]
    return {
        "words": words,
        "sentences": n,
        "long_words": long_words,
        "lix": lix,
        "lix_band": lix_band(lix),
        "mean_sentence_length": round(words / n, 1) if n else 0.0,
        "max_sentence_length": max(lengths) if lengths else 0,
        "_sentence_infos": infos,
        # reading time and RIX over the same sentences (letterlab/readtime.py); RIX from the counts above
        **readtime.figures(doc, body, rix=readtime.rix_from_counts(
            long_words, n, sum(1 for x in lengths if x <= 2))),
    }


def lix_of_text(words: int, sentences: int, long_words: int) -> float:
    """LIX from counts (for tests and hand checks)."""
    return words / sentences + 100 * long_words / words
