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
from contextlib import contextmanager
from functools import reduce
from operator import itemgetter, or_
from typing import Iterator

try:        # one pass over a letter finds every literal of every tone pattern (Aho-Corasick, in C)
    import ahocorasick
except ImportError:     # pragma: no cover - a dependency; without it each literal is looked for alone, as before
    ahocorasick = None

from .. import rxcache
from ..prefilter import _MAX_TRIES, Alternation, AnyOf, Rx, _plain, alternatives, conjuncts, merged_matches


_VALUE = itemgetter(1)          # an automaton hit's value: (end, value)
_NO_MATCHES = iter(())        # what ``finditer`` gives for a text that lacks the literals: an empty iterator


class _Bits:
    """Every literal (three characters or more) of the guarded patterns, each with a bit of its own, and what a
    text holds of them as one mask: one pass of an Aho-Corasick automaton (in C) over a sentence answers each later
    "does it hold one of these literals" with one ``&``. Shorter literals ("i", "de") are in every sentence many
    times; a pattern that needs one keeps its plain loop."""

    def __init__(self):
        self.bit: dict[str, int] = {}
        self.automaton = None

    def mask(self, needs: tuple[str, ...]) -> int | None:
        if ahocorasick is None or any(len(lit) < 3 for lit in needs):
            return None
        m = 0
        for lit in needs:
            b = self.bit.get(lit)
            if b is None:
                b = self.bit[lit] = 1 << len(self.bit)
                self.automaton = None
                if _SENTENCES is not None:      # masks read before this literal was known are stale
                    _SENTENCES.update(dict.fromkeys(_SENTENCES))
            m |= b
        return m

    def of(self, text: str) -> int:
        a = self.automaton
        if a is None:
            a = ahocorasick.Automaton()
            for lit, b in self.bit.items():
                a.add_word(lit, b)
            a.make_automaton()
            self.automaton = a
        # the union of the bits found, at C speed (no Python loop per hit; a set of them would hash each 2,000-bit
        # number, three times the cost)
        return reduce(or_, map(_VALUE, a.iter(text)), 0)


BITS = _Bits()
# the masks (``_Bits.of``) of the sentences of the letter whose tone is being checked, by text (None: not read
# yet); set by ``sentences`` while a check runs, None otherwise: a text not in it is tested literal by literal
_SENTENCES: dict[str, int | None] | None = None
# what the guarded ``search`` and ``match`` answered about those sentences, by (the guarded method, text): the families
# ask the same pattern about the same sentence again and again ("hvis" first? the reader's own wish?); set with
# ``_SENTENCES`` when the caller gives a dict for it, None otherwise
_RESULTS: dict | None = None
_MISS = object()


@contextmanager
def sentences(memo: dict[str, int | None], results: dict | None = None):
    """Let the guarded patterns answer from ``memo`` (a letter's sentence texts, ``dict.fromkeys``) meanwhile, and
    remember their answers about those texts in ``results`` (when given: an empty dict, kept with ``memo``).
    Both belong to the caller (the letter's ``ToneDoc``): nothing of the letter stays here afterwards."""
    global _SENTENCES, _RESULTS
    before, _SENTENCES = _SENTENCES, memo
    before_results, _RESULTS = _RESULTS, results
    try:
        yield
    finally:
        _SENTENCES = before
        _RESULTS = before_results


def _sentence_bits(text: str) -> int | None:
    """The literal mask (``_Bits.of``) of ``text`` when it is a sentence of the letter being checked (``sentences``),
    read once; None for any other text."""
    memo = _SENTENCES
    if memo is None:
        return None
    got = memo.get(text, _MISS)
    if got is None:
        got = memo[text] = BITS.of(text)
    return None if got is _MISS else got


def _guarded(method, needs: tuple[str, ...], absent, alternatives: tuple[tuple[int, ...], ...] | None = None):
    """``method`` (a bound method of the compiled pattern), answering ``absent`` at once for a text that holds
    none of ``needs``: one Python call per test rather than two (the tone check makes some 3,000 a letter). A
    sentence of the letter being checked (``sentences``) is answered from its literal mask: it must hold one of
    ``needs`` and, with ``alternatives`` (``_alternative_masks``), a literal of each set of one top-level
    alternative; a ``search`` or ``match`` (``absent`` None) that has to run on one is asked once (``_RESULTS``)."""
    mask = BITS.mask(needs) if len(needs) > 1 else None
    remember = absent is None

    def ask(text: str, args):
        """``method(text, *args)``, for a text that holds one of ``needs``."""
        if remember and not args:
            results = _RESULTS
            if results is not None and text in _SENTENCES:
                key = (run, text)
                got = results.get(key, _MISS)
                if got is _MISS:
                    got = results[key] = method(text)
                return got
        return method(text, *args)

    if mask is None and alternatives is None and len(needs) == 1:
        lit = needs[0]

        def run(text: str, *args):
            return ask(text, args) if lit in text else absent
    elif mask is None and alternatives is None:
        # the short literals first ("i", "de": in nearly every sentence, found within its first words), so the long
        # ones are rarely looked for through the whole sentence; any one found gives the same answer
        shortest_first = tuple(sorted(needs, key=len))

        def run(text: str, *args):
            for lit in shortest_first:
                if lit in text:
                    return ask(text, args)
            return absent
    else:
        def run(text: str, *args):
            memo = _SENTENCES
            if memo is not None:
                got = memo.get(text, _MISS)
                if got is not _MISS:
                    if got is None:
                        got = memo[text] = BITS.of(text)
                    if mask is not None and not got & mask:
                        return absent
                    if alternatives is not None:
                        for masks in alternatives:
                            for m in masks:
                                if not got & m:
                                    break
                            else:
                                break       # this alternative's sets are all there
                        else:
                            return absent
                    if not remember or args or _RESULTS is None:
                        return method(text, *args)
                    key = (run, text)
                    got = _RESULTS.get(key, _MISS)
                    if got is _MISS:
                        got = _RESULTS[key] = method(text)
                    return got
            for lit in needs:
                if lit in text:
                    return method(text, *args)
            return absent
    return run


# the literal sets of ``_alternative_masks`` and ``_plan``: only those whose literals are this long. Shorter ones
# ("til", "der ") are in most sentences: they rule little out, and every place an automaton finds one costs time
_RARE_LENGTH = 4


def _alternative_masks(rx: re.Pattern) -> tuple[tuple[int, ...], ...] | None:
    """For each top-level alternative of ``rx``, the masks (``_Bits.mask``) of the literal sets that every match of
    it holds one of each (``prefilter.conjuncts``; only sets of literals of ``_RARE_LENGTH`` characters or more);
    None when some alternative has no such set, or the pattern has flags."""
    if rx.flags & ~re.UNICODE:
        return None
    sets = conjuncts(rx.pattern)
    if not sets:
        return None
    out = []
    for alternative in sets:
        masks = tuple(BITS.mask(lits) for lits in alternative if min(map(len, lits)) >= _RARE_LENGTH)
        if not masks:
            return None
        out.append(masks)
    return tuple(out)


def _anchored_unmasked(rx: re.Pattern, needs: tuple[str, ...]) -> bool:
    """Every match of ``rx`` starts at the start of the text (each top-level alternative opens with "^", no
    ``MULTILINE``), and its guard would look for the literals in the text (one literal, or a short one) rather than
    read a sentence's mask."""
    return (not rx.flags & re.MULTILINE and all(alt.startswith("^") for alt in alternatives(rx.pattern))
            and (len(needs) == 1 or any(len(lit) < 3 for lit in needs)))


class Pre:
    """A drop-in for a compiled ``re.Pattern`` (flags without ``IGNORECASE``) with a literal pre-test.

    ``search``, ``match`` and ``finditer`` are the pattern's own methods when no literal is known or the pattern is
    anchored at the start with no mask to read (``_anchored_unmasked``: one try at the start costs less than a look
    through the text for "om" or "hvis"), and guarded ones (``_guarded``) otherwise."""

    __slots__ = ("rx", "pattern", "flags", "needs", "search", "match", "finditer")

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.pattern = rx.pattern
        self.flags = rx.flags
        needs = Rx(rx.pattern).needs if not rx.flags & re.IGNORECASE else None
        self.needs = tuple(needs) if needs and all(needs) else None
        alternatives = _alternative_masks(rx) if self.needs else None
        if self.needs is None or alternatives is None and _anchored_unmasked(rx, self.needs):
            self.search, self.match, self.finditer = rx.search, rx.match, rx.finditer
        else:
            self.search = _guarded(rx.search, self.needs, None, alternatives)
            self.match = _guarded(rx.match, self.needs, None, alternatives)
            self.finditer = _guarded(rx.finditer, self.needs, _NO_MATCHES, alternatives)

    def _absent(self, text: str) -> bool:
        needs = self.needs
        if needs is None:
            return False
        for lit in needs:
            if lit in text:
                return False
        return True

    def fullmatch(self, text: str, *args):
        return None if self._absent(text) else self.rx.fullmatch(text, *args)

    def findall(self, text: str, *args):
        return [] if self._absent(text) else self.rx.findall(text, *args)

    def sub(self, repl, text: str, count: int = 0):
        return text if self._absent(text) else self.rx.sub(repl, text, count)


def _bit_index(patterns) -> tuple[tuple[int, ...], dict[int, list[int]], int]:
    """For ``AnySearch`` and ``Shortlist``: the positions of the patterns with no mask to read (no literals, or a short
    one), each literal's bit with the positions of the patterns that need it, and all those bits together."""
    always, by_bit, union = [], {}, 0
    for i, p in enumerate(patterns):
        needs = getattr(p, "needs", None)
        mask = BITS.mask(needs) if needs else None
        if mask is None:
            always.append(i)
            continue
        union |= mask
        while mask:
            bit = mask & -mask
            by_bit.setdefault(bit, []).append(i)
            mask ^= bit
    return tuple(always), by_bit, union


class AnySearch:
    """Does any of ``patterns`` match somewhere in a text? The yes/no of their alternation's ``search`` (patterns
    compiled without flags). In a sentence of the letter being checked only the top-level alternatives that need a
    literal the sentence holds are tried (its mask, ``_sentence_bits``: each literal's bit leads to the alternatives
    that need it), rather than each alternative in turn or a dozen at every position; in any other text, each
    alternative whose literals the text holds (``prefilter.AnyOf``)."""

    __slots__ = ("_items", "_always", "_by_bit", "_union", "_texts")

    def __init__(self, patterns):
        if any(p.flags & ~re.UNICODE for p in patterns):
            raise ValueError("AnySearch takes patterns compiled without flags")
        alts = [alt for p in patterns for alt in alternatives(p.pattern)]
        self._items = tuple(Pre(rxcache.compile(alt)) for alt in alts)
        self._always, self._by_bit, self._union = _bit_index(self._items)
        self._texts = AnyOf(alts)

    def search(self, text: str) -> bool:
        bits = _sentence_bits(text)
        if bits is None:
            return self._texts.search(text)
        items = self._items
        for i in self._always:
            if items[i].search(text):
                return True
        held = bits & self._union
        by_bit = self._by_bit
        while held:
            bit = held & -held
            for i in by_bit[bit]:
                if items[i].search(text):
                    return True
            held ^= bit
        return False


class Shortlist:
    """Which of ``patterns`` (``Pre``, or patterns without a literal guard) a sentence of the letter being checked
    may match, in their order: those that need a literal its mask holds (``_sentence_bits``), and those with no
    literals to read from a mask; every pattern for any other text. A family's list of shapes is then asked about
    a sentence only for the shapes it may hold (each one still answers as its own pattern)."""

    __slots__ = ("patterns", "_always", "_by_bit", "_union")

    def __init__(self, patterns: tuple):
        self.patterns = patterns
        self._always, self._by_bit, self._union = _bit_index(patterns)

    def of(self, text: str) -> tuple:
        bits = _sentence_bits(text)
        if bits is None:
            return self.patterns
        held = bits & self._union
        if not held and not self._always:
            return ()
        at = set(self._always)
        by_bit = self._by_bit
        while held:
            bit = held & -held
            at.update(by_bit[bit])
            held ^= bit
        patterns = self.patterns
        return tuple(patterns[i] for i in sorted(at))


_SHORTLISTS: dict[tuple, Shortlist] = {}


def shortlist(patterns: tuple, text: str) -> tuple:
    """``Shortlist(patterns).of(text)``, the shortlist made once per tuple of patterns (their identities)."""
    got = _SHORTLISTS.get(patterns)
    if got is None:
        got = _SHORTLISTS[patterns] = Shortlist(patterns)
    return got.of(text)


class Needing:
    """A compiled pattern whose every match holds a match of ``guard``, a pattern the regex engine scans for at
    C speed (it opens with a character set, not a look-behind): a text without one has no match either. The
    answers are the pattern's own."""

    __slots__ = ("rx", "pattern", "flags", "_guard")

    def __init__(self, rx: re.Pattern, guard: str):
        self.rx, self.pattern, self.flags = rx, rx.pattern, rx.flags
        self._guard = re.compile(guard, rx.flags).search

    def search(self, text: str, *args):
        return self.rx.search(text, *args) if self._guard(text) else None

    def finditer(self, text: str, *args):
        return self.rx.finditer(text, *args) if self._guard(text) else _NO_MATCHES

    def findall(self, text: str, *args):
        return self.rx.findall(text, *args) if self._guard(text) else []


def prefiltered(namespace: dict, skip=()) -> None:
    """Replace each compiled ``*_RE`` pattern in ``namespace`` (a module's globals) by its :class:`Pre`."""
    for name, value in list(namespace.items()):
        if (name.endswith("_RE") and name not in skip and isinstance(value, re.Pattern)
                and not value.flags & re.IGNORECASE):
            namespace[name] = Pre(value)


class _Literals:
    """Every literal the alternations' plans (``_plan``) need, in one Aho-Corasick automaton: one pass over a
    text finds each occurrence of each of them, overlaps included. Rebuilt when a new alternation brings new
    literals (the first letters a process reads); the automaton in use is never changed, only replaced.

    After the first, a rebuild waits until a text is to be scanned (``current``): the first letter of a process
    makes a dozen alternations, each with new literals, and a rebuild for each cost a cold check some 25 ms."""

    def __init__(self):
        self.known: frozenset = frozenset()
        self.automaton = None
        self._stale = False         # ``known`` holds literals the automaton lacks

    def add(self, lits: frozenset) -> None:
        # literals of one or two characters ("i", "de") are in every letter a thousand times: they are looked for
        # one by one (``TextMemo.test``), not listed at every place
        lits = frozenset(lit for lit in lits if len(lit) > 2)
        if ahocorasick is None or lits <= self.known:
            return
        self.known = self.known | lits
        if self.automaton is None:
            self._build()
        else:
            self._stale = True

    def _build(self) -> None:
        known = self.known
        a = ahocorasick.Automaton()
        for lit in known:
            a.add_word(lit, lit)
        a.make_automaton()
        self.automaton, self._stale = (a, known), False

    def current(self):
        """(the automaton, the literals it holds) for every literal known, or None (no automaton)."""
        if self._stale:
            self._build()
        return self.automaton


LITERALS = _Literals()


_UNCOVERED: dict[tuple[int, int], tuple] = {}


def _uncovered(lits: frozenset, known: frozenset) -> frozenset:
    """``lits - known``, once per pair of sets (a plan's literals and the automaton's, both living as long as the
    process; the entry keeps them, so no id is reused): the same difference for every letter, some 20 µs for the
    larger plans."""
    if not known:
        return lits             # (a text the automaton has not read yet)
    key = (id(lits), id(known))
    got = _UNCOVERED.get(key)
    if got is None or got[0] is not lits or got[1] is not known:
        if len(_UNCOVERED) > 4096:
            _UNCOVERED.clear()
        got = _UNCOVERED[key] = (lits, known, lits - known)
    return got[2]


class TextMemo:
    """What the literal tests of :func:`alternation_finditer` learn about one text, shared by all its scans
    (the tone patterns share many literals: "ikke", the benefit words of ``BENEFIT`` …)."""

    __slots__ = ("text", "tested", "present", "_counts", "_places", "_plain", "_scanned", "_done", "_known")

    def __init__(self, text: str):
        self.text = text
        self.tested: set[str] = set()       # literals looked for in the text (besides ``_known``)
        self._known: frozenset = frozenset()  # the literals of the automaton that read the text (``_scan``)
        self.present: set[str] = set()      # ... and found
        self._counts: dict[str, int] = {}
        self._places: dict[str, list[int]] = {}
        self._plain: bool | None = None
        self._scanned = False               # the text went through ``LITERALS``' automaton
        self._done: set[int] = set()        # ids of the (lasting) literal sets ``test`` has seen

    def test(self, lits: frozenset) -> None:
        """Look for each of ``lits`` not looked for yet (``lits``: a plan's set, which lives as long as the process)."""
        if id(lits) in self._done:
            return
        self._done.add(id(lits))
        rest = _uncovered(lits, self._known)
        new = rest - self.tested if self.tested and rest else rest
        if new:
            built = None if self._scanned else LITERALS.current()
            if built is not None:
                self._scan(*built)
                new = new - self._known
                if not new:
                    return
            text = self.text
            self.present.update([lit for lit in new if lit in text])
            self.tested |= new

    def _scan(self, automaton, known: frozenset) -> None:
        """Which literals of ``known`` the text holds, in one pass (``_Literals``; a hit's value is its literal). Where
        each one starts is found when asked (``places``): a few dozen of them a letter, of some 250 hits."""
        self._scanned = True
        # every literal of ``known`` has now been looked for (``_known``, not copied into ``tested``: two thousand of
        # them)
        self._known = known
        self.present.update(map(_VALUE, automaton.iter(self.text)))

    def holds_one_of(self, lits: frozenset) -> bool:
        """The text holds one of ``lits`` (the automaton's literals read from what it found, others looked for)."""
        rest = lits - self._known
        return not lits.isdisjoint(self.present) or bool(rest) and any(map(self.has, rest))

    def plain(self) -> bool:
        if self._plain is None:
            self._plain = _plain(self.text)
        return self._plain

    def has(self, lit: str) -> bool:
        if lit not in self.tested and lit not in self._known:
            self.tested.add(lit)
            if lit in self.text:
                self.present.add(lit)
        return lit in self.present

    def count(self, lit: str) -> int:
        """How often ``lit`` occurs, without overlaps (it only decides whether ``alternation_finditer`` tries the
        places or searches, which find the same matches)."""
        got = self._counts.get(lit)
        if got is None:
            got = self.text.count(lit) if self.has(lit) else 0
            self._counts[lit] = got
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


# per Alternation (they live as long as the process, in ``tone._ALTERNATIONS``): its items with their needed
# literals as sets, and all those literals together
_PLANS: dict[int, tuple] = {}


def _plan(alt: Alternation) -> tuple:
    """(alt, its items as (Rx, needed literals, start literals), every literal of both kinds, each item's literal
    sets (``prefilter.conjuncts``: a match holds a literal of each)).

    The start literals are the longest known (``Rx.heads``: "du har", "de har", "i har" rather than "du", "de",
    "i"; ``Rx.starts`` when there are none): every match starts with one of them, and fewer places to try leave
    more alternatives to ``merged_matches``' tries instead of a search of the whole letter."""
    got = _PLANS.get(id(alt))
    if got is None or got[0] is not alt:
        items = tuple((r, frozenset(r.needs) if r.needs is not None else None,
                       frozenset(r.heads) if r.heads else None) for r in alt.items)
        every = frozenset(lit for _, needs, starts in items for group in (needs, starts) if group for lit in group)
        # each item's sets of literals of ``_RARE_LENGTH`` characters or more; the automaton looks for them too
        sets = tuple(tuple(frozenset(group) for group in (conjuncts(r.pattern) or ((),))[0]
                           if min(map(len, group)) >= _RARE_LENGTH) for r, _, _ in items)
        LITERALS.add(every.union(*(group for groups in sets for group in groups)))
        got = _PLANS[id(alt)] = (alt, items, every, sets)
    return got


def _holds_each(groups: tuple[frozenset, ...], memo: "TextMemo") -> bool:
    """``memo.text`` holds a literal of each of ``groups``."""
    present = memo.present
    for group in groups:
        if group.isdisjoint(present) and not memo.holds_one_of(group):
            return False
    return True


# per Alternation, as ``_PLANS``: which items need each literal, the items that need none, and the folded ones
_BY_LITERAL: dict[int, tuple] = {}


def _live(alt: Alternation, items: tuple, present: set[str], memo: TextMemo) -> list[int]:
    """The positions, in order, of the items of ``alt`` that may match ``memo.text`` (``not r.absent(text)``): no
    literals known, one of them in the text (``present``), or a folded pattern on a text that is not plain. Read
    from the literals the text holds, not item by item (the trigger lists have hundreds of items)."""
    got = _BY_LITERAL.get(id(alt))
    if got is None or got[0] is not alt:
        by_lit: dict[str, list[int]] = {}
        for i, (_, needs, _) in enumerate(items):
            for lit in needs or ():
                by_lit.setdefault(lit, []).append(i)
        free = frozenset(i for i, (_, needs, _) in enumerate(items) if needs is None)
        folded = frozenset(i for i, (r, needs, _) in enumerate(items) if needs is not None and r.folded)
        got = _BY_LITERAL[id(alt)] = (alt, frozenset(by_lit), by_lit, free, folded)
    _, lits, by_lit, free, folded = got
    at = set(free)
    for lit in lits.intersection(present):
        at.update(by_lit[lit])
    if folded and not folded <= at and not memo.plain():
        at |= folded
    return sorted(at)


def alternation_finditer(alt: Alternation, memo: TextMemo) -> Iterator[re.Match]:
    """``alt.finditer(memo.text)``, step for step, with the literal tests read from ``memo``."""
    text = memo.text
    _, items, every, sets = _plan(alt)
    memo.test(every)
    present = memo.present
    # an alternative whose other literal sets the letter lacks cannot match either (a match holds one of each)
    live = [items[i] for i in _live(alt, items, present, memo) if _holds_each(sets[i], memo)]
    if not live:
        return
    places: list[list[int] | None] = []
    for r, _, starts in live:
        if starts is None:
            places.append(None)
            continue
        # a start literal the text lacks has no places (every literal of ``every`` has been looked for)
        found = starts & present
        if sum(map(memo.count, found)) > _MAX_TRIES:
            places.append(None)
        elif len(found) == 1:
            places.append(memo.places(next(iter(found))))
        else:
            at: set[int] = set()
            for lit in found:
                at.update(memo.places(lit))
            places.append(sorted(at))

    yield from merged_matches(text, [r for r, _, _ in live], places)
