"""Very long words, mostly compounds (kind ``long_word``): more than ``min_letters`` letters."""
from __future__ import annotations

from typing import Iterator

from ..metrics import is_word, letters
from ..nlp.table import token_table
from .base import Param, letter, make_finding

PARAMS = {
    "min_letters": Param(int, default=20, min=8, max=60, help="ord med flere bogstaver end dette markeres"),
}


def check(doc, rule) -> Iterator:
    from ..structure import zone_at

    zones = letter(doc).metrics.get("zones", [])
    t = token_table(doc)
    min_letters = rule.params["min_letters"]
    for i, text in enumerate(t.text):
        if len(text) <= min_letters:
            continue        # no more letters than characters: only the few long tokens are looked at closely
        n = letters(text)
        if n > min_letters and "-" not in text and is_word(doc[i]):
            if zones and zone_at(zones, t.idx[i]) != "body":
                continue
            yield make_finding(rule, doc, t.idx[i], t.end[i], message=f"{rule.message} Ordet har {n} bogstaver.")
