"""Long paragraphs (kind ``paragraph_length``): more than ``max_sentences`` sentences or ``max_words`` words.

A sub-heading on the paragraph's first line with no blank line after it ("Du kan klage" over the appeal
guide) is a heading, not a sentence of the paragraph: it is not counted.

Key-value lines ("Tid: ...", "Betalings-ID: ...") and bullets inside a paragraph are not sentences of it
either: they are not counted, and they split the paragraph, so the prose before and after them is judged
on its own ("Du er velkommen til at se boligen." / Tid / Sted / two short sentences is not one paragraph
of six sentences).

An appeal guide is judged by its words only: it is a row of short standard sentences the law asks for
(forvaltningsloven § 25), often with the legal basis on a line of its own, and a blind editor called the
tip on such a guide of seven short sentences noise.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from typing import Iterator

from .base import Param, doc_text, letter, make_finding
from .sender import is_label_line

PARAMS = {
    "max_sentences": Param(int, default=5, min=1, max=50),
    "max_words": Param(int, default=90, min=10, max=1000),
}

_WORD_RE = rxcache.compile(r"\w+")
# the parts whose sentences are running text; key-value lines and bullets are items, one to a line
PROSE_KINDS = ("body", "appeal")


def _heading_line(text: str, block_start: int, block_end: int) -> tuple[int, int] | None:
    """(end, words) of a sub-heading on the block's first line, when more text follows on the next line."""
    chunk = text[block_start:block_end]
    nl = chunk.find("\n")
    if nl < 0 or not chunk[nl:].strip():
        return None
    line = chunk[:nl]
    if not line.strip() or not is_label_line(line) or line.strip().endswith(":"):
        return None
    return block_start + nl, len(_WORD_RE.findall(line))


def _prose_runs(inside: list) -> list[list]:
    """The block's sentences in runs of running text, split where a key-value line or a bullet stands."""
    runs: list[list] = [[]]
    for s in inside:
        if s.part in PROSE_KINDS:
            runs[-1].append(s)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def check(doc, rule) -> Iterator:
    ctx = letter(doc)
    text = doc_text(doc)
    infos = [s for s in ctx.metrics.get("sentence_infos", []) if s.zone == "body"]
    for b in ctx.blocks:
        if b.kind not in ("paragraph",):
            continue
        heading = _heading_line(text, b.start, b.end)
        for inside in _prose_runs([s for s in infos if b.start <= s.start < b.end]):
            count, words = len(inside), sum(s.words for s in inside)
            if heading is not None and inside[0].start < heading[0]:
                words -= heading[1]
                if inside[0].end <= heading[0] + 1:
                    count -= 1      # the heading was read as a sentence of its own
            many = count > rule.params["max_sentences"] and not all(s.part == "appeal" for s in inside)
            if many or words > rule.params["max_words"]:
                yield make_finding(rule, doc, inside[0].start, inside[-1].end,
                                   message=f"{rule.message} Afsnittet har {count} sætninger og {words} ord.")
