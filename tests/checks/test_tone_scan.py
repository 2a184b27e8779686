"""The tone rules' one-scan alternation: the look-ahead that speeds it up never changes what it finds."""
from __future__ import annotations

import re

import pytest

from letterlab.checks import tone
from letterlab.checks.tone import _opens


@pytest.mark.parametrize("pattern, expected", [
    (r"\binkasso\b", True),
    (r"(?:\bfoo|\bbar)", True),
    (r"\b(de|du|i) burde", True),
    (r"(?<!\bde )(?<!\bdu )\bhar ikke pligt", True),      # a look-behind is zero-width
    (r"\bdet kan vi ikke|^\W*det kan vi ikke", "^"),        # "^": only the text's first position
    (r"(?:\bfoo|\d+)", False),                              # an alternative may start with a digit
    (r"\b(\w+) x", False),
    (r"(\bfoo)?bar", False),                                # the optional group may be skipped
    (r"\ba?b", False),
    (r"\b[a-z]x", False),
    (r"(?i)\bfoo", False),
    (r"\b(|x)y", False),
])
def test_opens(pattern, expected):
    assert _opens(pattern, False) == expected


def test_prefixed_scan_finds_the_same_as_the_plain_alternation(nlp, ruleset):
    from letterlab.core import analyse
    from testutil import CORPUS

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))[:12]]
    for text in texts[:4]:
        analyse(text, ruleset, nlp=nlp)        # fills tone's table of combined patterns
    combined = {k: v for k, v in tone._COMBINED.items() if v is not None}
    assert combined, "the tone rules combined no patterns"
    prefixed = [k for k, v in combined.items() if v.pattern.startswith("(?")]
    assert prefixed, "no combined pattern got the look-ahead"
    lows = [t.lower() for t in texts] + ["det kan vi ikke hjælpe med. " + texts[0].lower()]
    for patterns, rx in combined.items():
        plain = re.compile("|".join(f"(?:{p})" for p in patterns))
        for low in lows:
            assert [m.span() for m in rx.finditer(low)] == [m.span() for m in plain.finditer(low)]
