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

from ..prefilter import Rx


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
