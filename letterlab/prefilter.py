"""Regular expressions that skip texts lacking a literal every match needs.

The check patterns are lists of ``\\bword ...`` expressions run over every
sentence. Python's ``re`` has no fast path for a pattern that starts with
``\\b``, so each one steps through the whole text. A pattern can only match
where its literal text occurs, though ("afslag" in ``\\bafslag\\b``), and ``in``
finds that at C speed. :class:`Rx` reads those literals from the parsed
pattern (``re._parser``; without it every text goes to the regex) and runs the
regex only when one of them is present. To count matches it tries the regex
only where a literal every match starts with occurs. Results are the same as
the plain regex's.

Case-insensitive patterns get lower-cased literals, so the ``in`` test is exact
only on a lower-case text without characters that ``re.IGNORECASE`` folds
unlike ``str.lower`` (dotless i, long s, final sigma, ...): see ``_plain``. On
any other text the regex runs.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

from . import rxcache

try:
    from re import _constants as _c, _parser as _sre_parse
except ImportError:  # pragma: no cover - other Python versions: no prefilter, plain regexes
    _sre_parse = None


def _plain(text: str) -> bool:
    """True when a case-insensitive literal matches ``text`` exactly where its lower-case form occurs.

    Every character must be its own ``upper().lower()``: a lower-case letter that shares its capital
    with no other (not "ı", "ſ", "µ"). Sigma is left out because ``str.lower`` spells it by context.
    """
    return text.upper().lower() == text and "σ" not in text and "ς" not in text


def _literal(chars: list[str], folded: bool) -> str | None:
    s = "".join(chars)
    if folded:
        s = s.lower()
        if len(s) != len(chars) or not _plain(s):
            return None
    return s


def _needs(items, folded: bool) -> tuple[str, ...] | None:
    """Literals one of which every match of the parsed sequence contains, or None."""
    best: tuple[str, ...] | None = None

    def consider(cands):
        nonlocal best
        if cands and (best is None or min(map(len, cands)) > min(map(len, best))):
            best = cands

    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            lit = _literal(run, folded)
            consider((lit,) if lit else None)
            run = []
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            consider(_needs(av[3], folded))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            consider(_needs(av[2], folded))
        elif op is _c.BRANCH:
            alts = [_needs(b, folded) for b in av[1]]
            if all(alts):
                consider(tuple(s for a in alts for s in a))
    return best


def _starts(items) -> tuple[str, ...] | None:
    """Literals one of which every match of the parsed (case-sensitive) sequence starts with, or None."""
    items = list(items)
    i = 0
    # zero-width before the first character: \b, ^ and look-behinds ("(?<!vi )\bbetal")
    while i < len(items) and (items[i][0] is _c.AT or items[i][0] in (_c.ASSERT, _c.ASSERT_NOT) and items[i][1][0] < 0):
        i += 1
    run = []
    for op, av in items[i:]:
        if op is not _c.LITERAL:
            break
        run.append(chr(av))
    if run:
        return ("".join(run),)
    if i < len(items):
        op, av = items[i]
        if op is _c.BRANCH:
            alts = [_starts(b) for b in av[1]]
            return tuple(s for a in alts for s in a) if all(alts) else None
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            return _starts(av[3])
    return None


# at most this many literals in ``Rx.heads``: a longer list costs more ``str.find`` passes than it saves
_MAX_HEADS = 16


def _heads(items, i: int = 0):
    """What every match of the parsed (case-sensitive) sequence ``items[i:]`` starts with, or None.

    A pair (literals, exact): every match starts with one of the literals; when ``exact``, every match is one of
    them. Longer than ``_starts``'s literals: a literal run goes on through the groups, alternatives, character
    sets and optional parts that only ever match one of a few strings (``\\b(du|de|i) bedes`` gives "du bedes",
    "de bedes" and "i bedes", not "du", "de" and "i"), so there are fewer places to try. Zero-width ``\\b``,
    ``^`` and look-behinds are passed over, as in ``_starts``.
    """
    while i < len(items) and (items[i][0] is _c.AT or items[i][0] in (_c.ASSERT, _c.ASSERT_NOT) and items[i][1][0] < 0):
        i += 1
    if i == len(items):
        return {""}, True
    op, av = items[i]
    if op is _c.LITERAL:
        head = ({chr(av)}, True)
    elif op is _c.IN and len(av) <= _MAX_HEADS and all(o is _c.LITERAL for o, _ in av):
        head = ({chr(c) for _, c in av}, True)
    elif op is _c.SUBPATTERN and not av[1] and not av[2]:
        head = _heads(list(av[3]))
        if head is None:
            return None
    elif op is _c.BRANCH:
        alts = [_heads(list(b)) for b in av[1]]
        if not all(alts):
            return None
        head = (set().union(*(a[0] for a in alts)), all(a[1] for a in alts))
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        sub = _heads(list(av[2]))
        if sub is None:
            return None
        if not sub[1]:
            # a match starts with the optional part or with what follows it
            rest = _heads(items, i + 1)
            if rest is None or "" in rest[0]:
                return None
            return sub[0] | rest[0], False
        head = (sub[0] | {""}, True)
    else:
        return None
    lits, exact = head
    if len(lits) > _MAX_HEADS:
        return None
    if exact:
        rest = _heads(items, i + 1)
        if rest is not None:
            if len(lits) * len(rest[0]) <= _MAX_HEADS:
                out = {a + b for a in lits for b in rest[0]}
                return None if "" in out and not rest[1] else (out, rest[1])
            # too many: what follows, cut short enough (to what all of it starts with, at least)
            for k in range(max(map(len, rest[0])) - 1, 0, -1):
                cut = {b[:k] for b in rest[0]}
                if len(lits) * len(cut) <= _MAX_HEADS:
                    lits = {a + b for a in lits for b in cut}
                    break
    return None if "" in lits else (lits, False)


# above this many places where an alternative's first literal occurs, one regex search is quicker than a
# match at each place (a Python loop)
_MAX_TRIES = 48
# a text this short is searched by the regex at once: finding the places would cost more
_SHORT = 160


_WORD_CHAR = re.compile(r"\w").match


def _word_only(items) -> bool:
    """True when the parsed sequence consumes only word characters (``\\w``); zero-width items pass."""
    for op, av in items:
        if op is _c.LITERAL:
            ok = _WORD_CHAR(chr(av))
        elif op is _c.IN:
            ok = all(o is _c.LITERAL and _WORD_CHAR(chr(a)) or o is _c.CATEGORY and a in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT)
                     for o, a in av)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            ok = _word_only(av[2])
        elif op is _c.SUBPATTERN:
            ok = not av[1] and not av[2] and _word_only(av[3])
        elif op is _c.BRANCH:
            ok = all(_word_only(b) for b in av[1])
        else:
            ok = op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
        if not ok:
            return False
    return True


def _whole_words(parsed, needs) -> bool:
    """True when every match is a whole word: ``\\b``, then only word characters, then ``\\b``.

    Such a pattern (``\\b\\w*tilladelse(n)?\\b``) can only match the whole of a word that holds one of its
    literals (all of them word characters).
    """
    items = list(parsed)
    return (len(items) > 2 and items[0] == items[-1] == (_c.AT, _c.AT_BOUNDARY) and bool(needs)
            and all(_WORD_CHAR(c) for lit in needs for c in lit) and _word_only(items[1:-1]))


def _places(lits, text: str, most: int | None) -> list[int] | None:
    """The sorted offsets in ``text`` where one of ``lits`` occurs; None when there are more than ``most``."""
    at = set()
    for lit in lits:
        i = text.find(lit)
        while i >= 0:
            at.add(i)
            i = text.find(lit, i + 1)
        if most is not None and len(at) > most:
            return None
    return sorted(at)


def compute_literals(pattern: str, flags: int = 0):
    """What :class:`Rx` reads from a pattern: (folded, needs, starts, heads, words), or None when the parser
    refuses it (``re.compile`` then says what is wrong). A pure function of the pattern and its flags, so
    ``letterlab.rxcache`` can ship it for the package's own patterns."""
    if _sre_parse is None:
        return None
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:
        return None
    folded = bool((flags | parsed.state.flags) & re.IGNORECASE)
    needs = _needs(parsed, folded)
    starts = heads = None
    words = False
    if not folded:
        starts = _starts(parsed)
        found = _heads(list(parsed))
        heads = tuple(sorted(found[0])) if found and "" not in found[0] else starts
        words = not (flags | parsed.state.flags) & (re.ASCII | re.LOCALE) and _whole_words(parsed, needs)
    return folded, needs, starts, heads, bool(words)


class Rx:
    """A pattern with the literals its matches need (``search``, ``count`` as ``re``).

    The regex itself (``rx``) is compiled on first use: many patterns only ever answer ``absent`` (their
    literals are not in the letters), and compiling them all cost a cold ``letterlab check`` about a tenth
    of a second. A pattern the parser refuses is compiled at once, so it fails here as ``re.compile`` would.
    """

    __slots__ = ("_rx", "_pattern", "_flags", "needs", "starts", "heads", "words", "folded")

    def __init__(self, pattern: str, flags: int = 0):
        self._rx = None
        self._pattern, self._flags = pattern, flags
        found = rxcache.literals(pattern, flags, lambda: compute_literals(pattern, flags))
        if found is None:
            self.needs = self.starts = self.heads = None
            self.words = False
            self.folded = bool(self.rx.flags & re.IGNORECASE)
            return
        self.folded, self.needs, self.starts, self.heads, self.words = found

    @property
    def pattern(self) -> str:
        return self._pattern

    @property
    def rx(self) -> re.Pattern:
        rx = self._rx
        if rx is None:
            rx = self._rx = rxcache.compile(self._pattern, self._flags)
        return rx

    def absent(self, text: str) -> bool:
        """True when the pattern surely does not match ``text``."""
        if self.needs is None:
            return False
        for lit in self.needs:
            if lit in text:
                return False
        return not self.folded or _plain(text)

    def search(self, text: str) -> re.Match | None:
        return None if self.absent(text) else self._search(text)

    def _search(self, text: str) -> re.Match | None:
        """``self.rx.search(text)``: on a long text, only where a match can start (``heads``) when that is seldom."""
        if self.heads and len(text) > _SHORT:
            places = _places(self.heads, text, _MAX_TRIES)
            if places is not None:
                # the leftmost match starts at the first of the places where the regex matches
                match = self.rx.match
                for i in places:
                    m = match(text, i)
                    if m:
                        return m
                return None
        return self.rx.search(text)

    def _word_count(self, text: str, limit: int) -> int | None:
        """``count`` of a whole-word pattern (``words``): the words that hold a literal and match from their start.

        Words do not overlap, so each gives one match at most, and no match starts inside a word. None when
        there are many such words.
        """
        at = set()
        for lit in self.needs:
            i = text.find(lit)
            while i >= 0:
                j = i
                while j and _WORD_CHAR(text, j - 1):
                    j -= 1
                at.add(j)
                if len(at) > _MAX_TRIES:
                    return None
                i = text.find(lit, i + 1)
        n = 0
        match = self.rx.match
        for j in at:
            if match(text, j):
                n += 1
                if n >= limit:
                    break
        return n

    def start_places(self, text: str) -> list[int]:
        """The sorted offsets in ``text`` where a literal every match starts with occurs (``starts`` must be set)."""
        return _places(self.starts, text, None)

    def count(self, text: str, limit: int) -> int:
        """``min(len(self.rx.findall(text)), limit)``."""
        if self.absent(text):
            return 0
        places = _places(self.heads, text, _MAX_TRIES) if self.heads else None
        if places is None:
            if self.words:
                n = self._word_count(text, limit)
                if n is not None:
                    return n
            return min(len(self.rx.findall(text)), limit)
        # A match starts where one of the literals does: try only there, left to right, not overlapping.
        n = end = 0
        match = self.rx.match
        for i in places:
            if i < end:
                continue
            m = match(text, i)
            if m:
                n += 1
                if n >= limit:
                    break
                end = m.end()
        return n


class AnyOf:
    """Does any of the patterns match? The yes/no of ``re.search`` over a pattern list."""

    __slots__ = ("items",)

    def __init__(self, patterns, flags: int = 0):
        self.items = tuple(Rx(p, flags) for p in patterns)

    def search(self, text: str) -> bool:
        plain = None
        for r in self.items:
            needs = r.needs
            if needs is not None:
                for lit in needs:      # a plain loop: a generator per item was most of the cost
                    if lit in text:
                        break
                else:
                    if not r.folded:
                        continue
                    if plain is None:
                        plain = _plain(text)
                    if plain:
                        continue
            if r.rx.search(text):
                return True
        return False


class AnyOfs:
    """``[a.search(text) for a in anyofs]`` for several ``AnyOf``, with one pass over the literals they all need.

    Each distinct literal is looked for once; only the patterns whose literals are there (and those without
    literals) run. On a text that is not plain (``_plain``) with case-insensitive patterns, each ``AnyOf``
    searches as usual.
    """

    __slots__ = ("anyofs", "lits", "by_lit", "always", "folded")

    def __init__(self, anyofs):
        self.anyofs = tuple(anyofs)
        by_lit: dict[str, list] = {}
        always = []
        for k, a in enumerate(self.anyofs):
            free = []
            for r in a.items:
                if r.needs is None:
                    free.append(r)
                else:
                    for lit in dict.fromkeys(r.needs):
                        by_lit.setdefault(lit, []).append((k, r))
            always.append(tuple(free))
        self.lits = tuple(by_lit)
        self.by_lit = {lit: tuple(v) for lit, v in by_lit.items()}
        self.always = tuple(always)
        self.folded = any(r.folded for a in self.anyofs for r in a.items)

    def search(self, text: str) -> list[bool]:
        if self.folded and not _plain(text):
            return [a.search(text) for a in self.anyofs]
        out = [False] * len(self.anyofs)
        for k, free in enumerate(self.always):
            for r in free:
                if r.rx.search(text):
                    out[k] = True
                    break
        by_lit = self.by_lit
        tried = set()
        for lit in [lit for lit in self.lits if lit in text]:
            for k, r in by_lit[lit]:
                if not out[k] and r not in tried:
                    tried.add(r)
                    if r.rx.search(text):
                        out[k] = True
        return out


def _top_level(p: str):
    """(index, character, group depth after it) of each character of ``p`` outside escapes and classes."""
    depth, i, in_class = 0, 0, False
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            depth += (c == "(") - (c == ")")
            yield i, c, depth
        i += 1


def alternatives(p: str) -> list[str]:
    """The top-level alternatives of ``p`` (``"a|(b|c)"`` gives ``["a", "(b|c)"]``)."""
    return list(rxcache.derived("alternatives", p, lambda: tuple(compute_alternatives(p))))


def compute_alternatives(p: str) -> list[str]:
    alts, start = [], 0
    for i, c, depth in _top_level(p):
        if c == "|" and depth == 0:
            alts.append(p[start:i])
            start = i + 1
    alts.append(p[start:])
    return alts


# at most this many top-level alternatives get their own literal sets (``conjuncts``): beyond, the test of each one
# costs about what the regex saves
_MAX_CONJUNCT_ALTERNATIVES = 12


def conjuncts(p: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """For each top-level alternative of ``p`` (compiled without flags), the literal sets that every match of it
    holds one of each (``compute_conjuncts``); empty when that is not known."""
    return rxcache.derived("conjuncts", p, lambda: compute_conjuncts(p))


def compute_conjuncts(p: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """``conjuncts``: every match of ``p`` matches one of its top-level alternatives and so holds a literal of each
    of that alternative's sets (a literal run, a group or an alternation that needs one of its literals, a part
    repeated at least once: what ``_needs`` reads from each item of the alternative's sequence). More sets than the
    one ``Rx.needs`` keeps: "\\b(de|du|i) selv (ønsker|valgt)\\b" needs " selv " and one of "ønsker", "valgt". A pure
    function of the pattern (``letterlab.rxcache`` ships it); empty when the parser refuses it, it sets
    ``IGNORECASE`` itself or has more than ``_MAX_CONJUNCT_ALTERNATIVES``."""
    alts = compute_alternatives(p)
    if _sre_parse is None or len(alts) > _MAX_CONJUNCT_ALTERNATIVES:
        return ()
    out = []
    for alt in alts:
        try:
            parsed = _sre_parse.parse(alt, 0)
        except Exception:
            return ()
        if parsed.state.flags & re.IGNORECASE:
            return ()
        sets, run = [], []
        for op, av in list(parsed) + [(None, None)]:
            if op is _c.LITERAL:
                run.append(chr(av))
                continue
            if run:
                sets.append(("".join(run),))
                run = []
            found = _needs([(op, av)], False) if op is not None else None
            if found:
                sets.append(tuple(found))
        out.append(tuple(sets))
    return tuple(out)


# what ``letterlab.rxcache`` ships of a pattern besides its literals, by kind (``rxcache.derived``): how to compute it
DERIVED = {"alternatives": lambda p: tuple(compute_alternatives(p)), "conjuncts": compute_conjuncts}


def merged_matches(text: str, live, places) -> Iterator[re.Match]:
    """The matches of the alternatives ``live`` (``Rx``) in ``text`` as one alternation's ``finditer`` gives them.

    ``places[k]``: the sorted offsets where alternative ``k`` may start (a match is tried only there), or None
    (one regex search). The earliest match wins, the first alternative on a tie, and the scan goes on after it:
    the regex's own rule (leftmost match, alternatives in order, no overlaps).
    """
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


class Alternation:
    """The matches of ``"|".join(f"(?:{p})" for p in patterns)``, as its ``finditer`` gives them, found quicker.

    One regex of ~40 alternatives tries each of them at every position of the text. A text usually holds
    the literals of only a few (``Rx.absent``), and an alternative without them cannot match anywhere,
    so it can never win. Of the others, each one looks for its own next match: only where a literal it starts
    with occurs (``Rx.starts``), else by one ``search``. The earliest match wins, the first alternative on a
    tie, and the scan goes on after it: the same rule as the regex's (leftmost match, alternatives in
    order, no overlaps). The patterns are compiled without flags; alternatives never match the empty string
    (as for the checks' patterns).
    """

    __slots__ = ("items",)

    def __init__(self, patterns):
        self.items = tuple(Rx(a) for p in patterns for a in alternatives(p))

    def finditer(self, text: str) -> Iterator[re.Match]:
        live = [r for r in self.items if not r.absent(text)]
        if not live:
            return
        places: list[list[int] | None] = []
        for r in live:
            few = r.starts and sum(text.count(lit) for lit in r.starts) <= _MAX_TRIES
            places.append(r.start_places(text) if few else None)

        yield from merged_matches(text, live, places)
