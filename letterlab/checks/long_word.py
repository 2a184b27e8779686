"""Very long words, mostly compounds (kind ``long_word``): more than ``min_letters`` letters.

Only words in the letter's body count. Names are not flagged, because the
writer cannot shorten them and the reader needs them as they are to find the
law or the office:

* a law's short name, an agency's name or the name of a document or card the
  reader holds ("registreringsattesten", "handicapparkeringskort"), known from its ending
  (``name_endings``: "miljøbeskyttelsesloven", "jordvarmebekendtgørelsen", "databeskyttelsesforordningen",
  "Arbejdsskadestyrelsen") or listed in ``names``;
* a capitalised word inside a sentence (a proper name: "Beskæftigelsesministeriet");
* a word in a law's official title, after "lov om", "bekendtgørelse om" and
  the like (``title_heads``), up to the end of the clause ("lov om en aktiv
  beskæftigelsesindsats");
* web addresses ("fjordby.dk/pladsanvisning"), which the writer cannot shorten either.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from typing import Iterator

from ..metrics import is_word, letters
from ..nlp.table import token_table
from .base import Param, letter, make_finding

NAME_ENDINGS = [
    "loven", "lovens", "bekendtgørelsen", "bekendtgørelsens", "forordningen", "forordningens",
    "styrelsen", "styrelsens", "ministeriet", "ministeriets", "nævnet", "nævnets", "direktoratet",
    "direktoratets", "tilsynet", "tilsynets", "ombudsmanden", "ombudsmandens",
    # the name of a document or card the reader holds or must send: it must match the paper
    "attest", "attesten", "attestens", "billet", "billetten", "billettens", "kort", "kortet", "kortets",
    "bevis", "beviset", "licens", "licensen",
]
TITLE_HEADS = ["lov", "loven", "lovens", "bekendtgørelse", "bekendtgørelsen", "forordning", "forordningen"]
MAX_TITLE_TOKENS = 10

PARAMS = {
    "min_letters": Param(int, default=20, min=8, max=60, help="ord med flere bogstaver end dette markeres"),
    "name_endings": Param(list, default=NAME_ENDINGS,
                          help="endelser på navne på love, myndigheder og papirer, som ikke markeres (miljøbeskyttelsesloven)"),
    "names": Param(list, default=[], help="lange navne, som ikke markeres"),
    "title_heads": Param(list, default=TITLE_HEADS,
                         help="ord, der sammen med 'om' indleder en lovs titel (lov om ...)"),
}

_WEB_RE = rxcache.compile(r"/|\w\.(dk|com|org|net|eu|nu|info|gov)\b", re.I)


def validate_param(key: str, value) -> str | None:
    if key in ("name_endings", "names", "title_heads") and not all(isinstance(w, str) and w.strip() for w in value):
        return "listen må kun have tekst"
    return None


def _in_law_title(t, i: int, heads: set[str]) -> bool:
    """Token ``i`` stands in a law's title: "<head> om ..." before it in the same clause."""
    j = i - 1
    while j > 0 and i - j <= MAX_TITLE_TOKENS:
        if t.punct[j] or t.space[j]:
            return False
        if t.lower[j] == "om" and t.lower[j - 1] in heads:
            return True
        j -= 1
    return False


def _is_name(doc, t, i: int, endings: tuple[str, ...], names: set[str], heads: set[str]) -> bool:
    low = t.lower[i]
    if low in names or low.endswith(endings):
        return True
    text = t.text[i]
    if text[:1].isupper() and i > 0 and not doc[i].is_sent_start:
        prev = t.text[i - 1]
        if not (prev in (".", "!", "?", ":") or "\n" in prev):
            return True
    return _in_law_title(t, i, heads)


def check(doc, rule) -> Iterator:
    from ..structure import zone_at

    zones = letter(doc).metrics.get("zones", [])
    t = token_table(doc)
    min_letters = rule.params["min_letters"]
    endings = tuple(w.lower() for w in rule.params["name_endings"])
    names = {w.lower() for w in rule.params["names"]}
    heads = {w.lower() for w in rule.params["title_heads"]}
    for i, text in enumerate(t.text):
        if len(text) <= min_letters:
            continue        # no more letters than characters: only the few long tokens are looked at closely
        n = letters(text)
        if n > min_letters and "-" not in text and is_word(doc[i]):
            if zones and zone_at(zones, t.idx[i]) != "body":
                continue
            if _WEB_RE.search(text) or _is_name(doc, t, i, endings, names, heads):
                continue
            yield make_finding(rule, doc, t.idx[i], t.end[i], message=f"{rule.message} Ordet har {n} bogstaver.")
