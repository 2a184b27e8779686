"""Applying suggestions: order never matters, overlaps are an error, choose() picks by mode."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterlab.report.model import Finding, Report, Suggestion
from letterlab.rewrite.apply import OverlapError, apply_suggestions, choose, overlaps, resolve_overlaps


def S(start, end, rep, safe=False, conf=0.5, kind="replace"):
    return Suggestion(start=start, end=end, replacement=rep, kind=kind, safe=safe, confidence=conf)


def test_apply_from_the_end_keeps_offsets():
    text = "Deres ansøgning behandles af kommunen."
    sugg = [S(0, 5, "Din"), S(16, 25, "behandler"), S(26, 37, "")]
    assert apply_suggestions(text, sugg) == "Din ansøgning behandler ."
    assert apply_suggestions(text, list(reversed(sugg))) == "Din ansøgning behandler ."


def test_overlap_raises():
    with pytest.raises(OverlapError):
        apply_suggestions("abcdef", [S(0, 3, "x"), S(2, 4, "y")])
    with pytest.raises(OverlapError):   # two insertions at one point: the order would be a guess
        apply_suggestions("abcdef", [S(2, 2, "x"), S(2, 2, "y")])
    # touching spans are fine
    assert apply_suggestions("abcdef", [S(0, 3, "X"), S(3, 6, "Y")]) == "XY"


def test_outside_the_text_raises():
    with pytest.raises(ValueError):
        apply_suggestions("abc", [S(2, 9, "x")])


@st.composite
def text_and_suggestions(draw):
    text = draw(st.text(alphabet="abcæøå .,\n", min_size=0, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=0, max_size=12)))
    sugg = []
    # pair up the cut points into disjoint spans, some empty (insertions) -- never two insertions at one point
    last_insert = None
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a == b and (last_insert == a or any(s.end == a and s.start == a for s in sugg)):
            continue
        if sugg and a < sugg[-1].end:
            continue
        if a == b:
            last_insert = a
        sugg.append(S(a, b, draw(st.text(alphabet="XYZ ", max_size=5))))
    return text, sugg


def _sequential(text, sugg):
    """The slow, obvious way: apply one at a time from the last span to the first."""
    for s in sorted(sugg, key=lambda s: (s.start, s.end), reverse=True):
        text = text[:s.start] + s.replacement + text[s.end:]
    return text


@settings(max_examples=300)
@given(text_and_suggestions(), st.data())
def test_any_subset_in_any_order_gives_the_same_text(ts, data):
    text, sugg = ts
    subset = data.draw(st.lists(st.sampled_from(sugg), unique=True) if sugg else st.just([]))
    order1 = data.draw(st.permutations(subset))
    order2 = data.draw(st.permutations(subset))
    out = apply_suggestions(text, order1)
    assert out == apply_suggestions(text, order2) == _sequential(text, subset)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 10), st.booleans(), st.floats(0, 1)), max_size=15))
def test_resolve_overlaps_never_overlaps(spans):
    sugg = [S(a, a + n, "x", safe, conf) for a, n, safe, conf in spans]
    kept = resolve_overlaps(sugg)
    assert all(not overlaps(a, b) for i, a in enumerate(kept) for b in kept[i + 1:])
    apply_suggestions("x" * 50, kept)   # never raises


def _report(*suggestions):
    text = "Deres ansøgning behandles af kommunen. Det bemærkes, at fristen er kort."
    findings = [Finding("r.x", "passive", "warning", "m", s.start, s.end, text[s.start:s.end], (s,))
                for s in suggestions]
    return Report(text=text, findings=findings, scores={})


def test_choose_modes():
    safe = S(39, 51, "Bemærk", safe=True, conf=0.9)
    unsafe = S(0, 37, "Kommunen behandler din ansøgning", conf=0.8)
    rep = _report(safe, unsafe)
    assert choose(rep, "none") == []
    assert choose(rep, "safe") == [safe]
    assert choose(rep, "all") == [unsafe, safe]
    with pytest.raises(ValueError):
        choose(rep, "maybe")


def test_choose_prefers_safe_then_confidence_then_longer_span():
    small = S(0, 5, "Din", safe=True, conf=0.9)
    big = S(0, 37, "Kommunen behandler din ansøgning", safe=True, conf=0.9)
    unsafe = S(0, 15, "Din ansøgning", conf=0.95)
    assert choose(_report(small, big, unsafe), "all") == [big]


def test_choose_drops_a_suggestion_that_loses_content():
    text = "Ring på tlf. 72 10 44 00 i dag."
    lossy = S(8, 24, "{telefon}", safe=True, conf=0.9)
    rep = Report(text=text, findings=[Finding("p.x", "privacy", "info", "m", 8, 24, text[8:24], (lossy,))], scores={})
    assert choose(rep, "all") == []
