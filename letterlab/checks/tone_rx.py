"""Compiled tone patterns that skip a text lacking every literal a match needs.

The tone families run some eighty patterns over each body sentence, and most of them match nowhere: a
pattern that opens with ``\\b`` is tried at every position of the sentence. :class:`Pre` reads the literals
one of which every match contains (``letterlab.prefilter.Rx.needs``) and answers "no match" at once when
none of them is in the text (``in`` runs at C speed); otherwise the compiled pattern runs as before. The
answers are the same as the pattern's own: a match lies inside the text, so it needs a literal that the
whole text holds (also when ``pos``/``endpos`` narrow the search).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

from ..prefilter import _MAX_TRIES, Alternation, Rx, _plain


class Pre:
    """A drop-in for a compiled ``re.Pattern`` (flags without ``IGNORECASE``) with a literal pre-test."""

    __slots__ = ("rx", "pattern", "flags", "needs")

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.pattern = rx.pattern
        self.flags = rx.flags
        needs = Rx(rx.pattern).needs if not rx.flags & re.IGNORECASE else None
        self.needs = tuple(needs) if needs and all(needs) else None

    def _absent(self, text: str) -> bool:
        needs = self.needs
        if needs is None:
            return False
        for lit in needs:
            if lit in text:
                return False
        return True

    def search(self, text: str, *args):
        return None if self._absent(text) else self.rx.search(text, *args)

    def match(self, text: str, *args):
        return None if self._absent(text) else self.rx.match(text, *args)

    def fullmatch(self, text: str, *args):
        return None if self._absent(text) else self.rx.fullmatch(text, *args)

    def finditer(self, text: str, *args):
        return iter(()) if self._absent(text) else self.rx.finditer(text, *args)

    def findall(self, text: str, *args):
        return [] if self._absent(text) else self.rx.findall(text, *args)

    def sub(self, repl, text: str, count: int = 0):
        return text if self._absent(text) else self.rx.sub(repl, text, count)


def prefiltered(namespace: dict, skip=()) -> None:
    """Replace each compiled ``*_RE`` pattern in ``namespace`` (a module's globals) by its :class:`Pre`."""
    for name, value in list(namespace.items()):
        if (name.endswith("_RE") and name not in skip and isinstance(value, re.Pattern)
                and not value.flags & re.IGNORECASE):
            namespace[name] = Pre(value)


class TextMemo:
    """What the literal tests of :func:`alternation_finditer` learn about one text, shared by all its scans
    (the tone patterns share many literals: "ikke", the benefit words of ``BENEFIT`` …)."""

    __slots__ = ("text", "_has", "_counts", "_places")

    def __init__(self, text: str):
        self.text = text
        self._has: dict[str, bool] = {}
        self._counts: dict[str, int] = {}
        self._places: dict[str, list[int]] = {}

    def has(self, lit: str) -> bool:
        got = self._has.get(lit)
        if got is None:
            got = self._has[lit] = lit in self.text
        return got

    def count(self, lit: str) -> int:
        got = self._counts.get(lit)
        if got is None:
            got = self._counts[lit] = self.text.count(lit) if self.has(lit) else 0
        return got

    def places(self, lit: str) -> list[int]:
        """Every offset where ``lit`` occurs, overlaps included (as ``Rx.start_places`` finds them)."""
        got = self._places.get(lit)
        if got is None:
            got, text = [], self.text
            i = text.find(lit) if self.has(lit) else -1
            while i >= 0:
                got.append(i)
                i = text.find(lit, i + 1)
            self._places[lit] = got
        return got

    def absent(self, r: Rx) -> bool:
        """``r.absent(self.text)``."""
        if r.needs is None:
            return False
        for lit in r.needs:
            if self.has(lit):
                return False
        return not r.folded or _plain(self.text)


def alternation_finditer(alt: Alternation, memo: TextMemo) -> Iterator[re.Match]:
    """``alt.finditer(memo.text)``, step for step, with the literal tests read from ``memo``."""
    text = memo.text
    has = memo._has
    live = []
    for r in alt.items:             # ``memo.absent(r)``, inline: most of a scan's cost is this test
        needs = r.needs
        if needs is not None:
            for lit in needs:
                got = has.get(lit)
                if got is None:
                    got = has[lit] = lit in text
                if got:
                    break
            else:
                if not r.folded or _plain(text):
                    continue
        live.append(r)
    if not live:
        return
    places: list[list[int] | None] = []
    for r in live:
        few = r.starts and sum(memo.count(lit) for lit in r.starts) <= _MAX_TRIES
        if few:
            at: set[int] = set()
            for lit in r.starts:
                at.update(memo.places(lit))
            places.append(sorted(at))
        else:
            places.append(None)

    def first(k: int, pos: int) -> re.Match | None:
        rx, at = live[k].rx, places[k]
        if at is None:
            return rx.search(text, pos)
        for i in at[bisect_left(at, pos):]:
            m = rx.match(text, i)
            if m:
                return m
        return None

    nxt = [first(k, 0) for k in range(len(live))]
    while True:
        best = None
        for m in nxt:
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        pos = max(best.end(), best.start() + 1)
        for k, m in enumerate(nxt):
            if m is not None and m.start() < pos:
                nxt[k] = first(k, pos)
