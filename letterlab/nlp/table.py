"""Plain-Python columns of a parsed letter's token attributes, read once per Doc.

Reading spaCy ``Token`` attributes one by one is the slow part of a check:
every ``doc[i]`` and every ``for tok in doc`` builds a new ``Token`` object, and
every ``tok._.x`` goes through spaCy's extension machinery. A letter of 400
words was read about 30 times over by the checks. ``token_table(doc)`` reads
all attributes in one ``doc.to_array`` call and keeps them as lists on the doc
(``doc.user_data``), so the checks index plain lists instead.

The table is built for the finished parse. Pipeline components that change
the doc (retokenising, new annotation) run before it is first built.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import add
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The spaCy attribute IDs of the columns, looked up on first use: importing this
# module (the checks do, when the rules are loaded) must not import spaCy.
_ATTRS: list[int] = []
_KEY = "letterlab_token_table"

# Hash -> string, shared across docs: the same few thousand strings recur in every letter.
_strings: dict[int, str] = {}
_lowers: dict[int, str] = {}
_morphs: dict[str, dict[str, str]] = {}
_morph_strings: dict[int, str] = {}
_ONE = 1


@dataclass(eq=False)
class TokenTable:
    """Column ``x[i]`` holds attribute ``x`` of token ``i``."""

    text: list[str]
    lower: list[str]
    lemma: list[str]          # the lemma, lower-cased
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]           # absolute index of the head
    idx: list[int]            # character offset of the token
    end: list[int]            # character offset after the token
    ws: list[bool]            # followed by a space
    space: list[bool]         # whitespace token
    punct: list[bool]
    sent_start: list[bool]    # ``is_sent_start`` is True
    morph: list[str]          # UD feature string, "" when none
    placeholder: list[bool]   # merged template placeholder ({navn}, «Navn»)
    _kids: dict[int, list[int]] | None = field(default=None, repr=False)

    def children(self, i: int) -> list[int]:
        """Indices of token ``i``'s dependents, in token order (``Token.children``; shared, do not modify)."""
        if self._kids is None:
            kids: dict[int, list[int]] = {}
            for c, h in enumerate(self.head):
                if h != c:
                    kids.setdefault(h, []).append(c)
            self._kids = kids
        return self._kids.get(i, [])

    def __len__(self) -> int:
        return len(self.text)

    def feats(self, i: int) -> dict[str, str]:
        """Token ``i``'s morphological features as a dict (shared, do not modify)."""
        m = self.morph[i]
        got = _morphs.get(m)
        if got is None:
            got = dict(p.split("=", 1) for p in m.split("|") if "=" in p) if m else {}
            _morphs[m] = got
        return got

    def feat(self, i: int, name: str) -> str | None:
        return self.feats(i).get(name)


def string_of(strings, h: int) -> str:
    """``strings[h]``, through a cache shared by all docs ("" for 0)."""
    s = _strings.get(h)
    if s is None:
        s = strings[h] if h else ""
        if len(_strings) < 200_000:
            _strings[h] = s
    return s


def _lower_of(strings, h: int) -> str:
    """``strings[h].lower()``, cached, so equal lemmas are one string object across docs."""
    s = _lowers.get(h)
    if s is None:
        s = string_of(strings, h).lower()
        if len(_lowers) < 200_000:
            _lowers[h] = s
    return s


def placeholder_indices(doc: Doc, idx: list[int] | None = None) -> set[int]:
    """Indices of tokens flagged ``token._.placeholder``, read from ``doc.user_data``.

    ``idx``: the tokens' character offsets when the caller has them (no ``Token`` objects are made then).
    """
    starts = {key[2] for key, value in doc.user_data.items()
              if value and isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[1] == "placeholder"}
    if not starts:
        return set()
    if idx is None:
        return {t.i for t in doc if t.idx in starts}
    return {i for i, x in enumerate(idx) if x in starts}


def _morph_of(strings, h: int) -> str:
    """The UD feature string of hash ``h``, "" for none ("_"), cached."""
    s = _morph_strings.get(h)
    if s is None:
        s = string_of(strings, h)
        s = "" if s == "_" else s
        if len(_morph_strings) < 200_000:
            _morph_strings[h] = s
    return s


def _column(strings, hashes: list[int], cache: dict[int, str], fill) -> list[str]:
    """``fill(strings, h)`` for each hash, read from ``cache`` (which ``fill`` keeps)."""
    out = list(map(cache.get, hashes))
    if None in out:
        out = [x if x is not None else fill(strings, h) for x, h in zip(out, hashes)]
    return out


def token_table(doc: Doc) -> TokenTable:
    """The doc's :class:`TokenTable`, built on first use."""
    table = doc.user_data.get(_KEY)
    if table is not None and len(table) == len(doc):
        return table
    strings = doc.vocab.strings
    if not _ATTRS:
        from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, SPACY, TAG

        _ATTRS[:] = [ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, IDX, SPACY, IS_SPACE, IS_PUNCT, SENT_START, MORPH]
    arr = doc.to_array(_ATTRS)
    n = len(arr)
    # Column by column: one dict look-up per cell in a comprehension, the shared caches filled only for
    # strings not seen before (a Python call per token and column was most of the table's cost).
    text = _column(strings, arr[:, 0].tolist(), _strings, string_of)
    lower = _column(strings, arr[:, 1].tolist(), _strings, string_of)
    lemma = _column(strings, arr[:, 2].tolist(), _lowers, _lower_of)
    pos = _column(strings, arr[:, 3].tolist(), _strings, string_of)
    tag = _column(strings, arr[:, 4].tolist(), _strings, string_of)
    dep = _column(strings, arr[:, 5].tolist(), _strings, string_of)
    # HEAD is the offset to the head, stored as uint64: read the same bits as int64
    head = (arr[:, 6].view("int64") + range(n)).tolist() if n else []
    idx = arr[:, 7].tolist()
    end = list(map(add, idx, map(len, text)))
    ws = list(map(bool, arr[:, 8].tolist()))
    space = list(map(bool, arr[:, 9].tolist()))
    punct = list(map(bool, arr[:, 10].tolist()))
    sent_start = list(map(_ONE.__eq__, arr[:, 11].tolist()))
    morph = _column(strings, arr[:, 12].tolist(), _morph_strings, _morph_of)
    ph = placeholder_indices(doc, idx)
    placeholder = [i in ph for i in range(len(text))] if ph else [False] * len(text)
    table = TokenTable(text, lower, lemma, pos, tag, dep, head, idx, end, ws, space, punct,
                       sent_start, morph, placeholder)
    doc.user_data[_KEY] = table
    return table
