"""Very long words, mostly compounds (kind ``long_word``): more than ``min_letters`` letters."""
from __future__ import annotations

from typing import Iterator

from ..metrics import is_word, letters
from .base import Param, letter, make_finding, span_chars

PARAMS = {
    "min_letters": Param(int, default=20, min=8, max=60, help="ord med flere bogstaver end dette markeres"),
}


def check(doc, rule) -> Iterator:
    from ..structure import zone_at

    zones = letter(doc).metrics.get("zones", [])
    for tok in doc:
        if is_word(tok) and letters(tok.text) > rule.params["min_letters"] and "-" not in tok.text:
            if zones and zone_at(zones, tok.idx) != "body":
                continue
            s, e = span_chars(tok)
            yield make_finding(rule, doc, s, e,
                               message=f"{rule.message} Ordet har {letters(tok.text)} bogstaver.")
