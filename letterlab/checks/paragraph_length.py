"""Long paragraphs (kind ``paragraph_length``): more than ``max_sentences`` sentences or ``max_words`` words."""
from __future__ import annotations

from typing import Iterator

from .base import Param, letter, make_finding

PARAMS = {
    "max_sentences": Param(int, default=5, min=1, max=50),
    "max_words": Param(int, default=90, min=10, max=1000),
}


def check(doc, rule) -> Iterator:
    ctx = letter(doc)
    infos = [s for s in ctx.metrics.get("sentence_infos", []) if s.zone == "body"]
    for b in ctx.blocks:
        if b.kind not in ("paragraph",):
            continue
        inside = [s for s in infos if b.start <= s.start < b.end]
        words = sum(s.words for s in inside)
        if len(inside) > rule.params["max_sentences"] or words > rule.params["max_words"]:
            yield make_finding(rule, doc, inside[0].start, inside[-1].end,
                               message=f"{rule.message} Afsnittet har {len(inside)} sætninger og {words} ord.")
