"""The facts patterns run behind a look-ahead for their first characters (letterlab/facts.py ``_led``):
they must find exactly what the plain patterns find, and facts must be the same with and without the
shortcuts that skip a scan (no unit word, no placeholder character)."""
from __future__ import annotations

import re
import sys

import pytest

from letterlab import facts
from letterlab.readtime import OTHER_BLANKS
from testutil import DATA, ROOT

# Texts that try the edges: upper case, the characters re.IGNORECASE folds oddly (İ ı ſ K Å), numbers
# in every shape, words that start like the patterns' words without being them.
ODD = [
    "DU FÅR IKKE STØTTE. VI KAN IKKE BEVILGE. Ansøgningen GODKENDES. SIGER JA. HAR RET TIL.",
    "Du ſiger ja til \u212ar. 500 og \u212bR 3 og tİme 14 DAGE, 2 tımer og tre Uger.",
    "Kr. 1.250,00 og 1250 kr. og DKK 300,- og 5 KRONER. Sagsnr. 2024-123 og J.nr 12.34.56-A01.",
    "den 1. maj 2026, 1.5.26, 01/05 2026, 3-4-2026 og 1,5 og 2.3.4 og 12/13/2026.",
    "afslag, afslået, giver Dem afslag, delvis bevilget, bevilges ikke, tilkendt, vi dækker dog ikke.",
    "Klagevejledning: Hvis du vil klage, skal klagen være modtaget inden 4 uger. Du kan påklage afgørelsen.",
    "Mette-Marie Jensen og Anne Berg fra Visitationen. Hvis du ønsker at klage. Såfremt, kan De søge.",
    "enogtyve dage, et år, én måned, elleve hverdage, fjorten arbejdsdage, syv timer, otte uger.",
    "{navn} «Navn» <<Navn>> [Navn] {{ adresse }} og lov om social service § 12, stk. 3, nr. 2.",
]


def _texts() -> list[str]:
    out = list(ODD)
    for pattern in ("corpora/**/*.txt", "corpora/**/*.md", "corpora/**/*.html"):
        out += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(ROOT.glob(pattern))]
    out += [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt"))]
    return out


TEXTS = _texts()


def _matches(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.parametrize("name", sorted(facts.PLAIN))
def test_a_led_pattern_finds_what_the_plain_pattern_finds(name):
    pattern, flags = facts.PLAIN[name]
    plain, led = re.compile(pattern, flags), getattr(facts, name)
    assert led.pattern != pattern
    found = 0
    for text in TEXTS:
        assert _matches(led, text) == _matches(plain, text), (name, text[:80])
        found += bool(_matches(plain, text))
        lower, upper = text.lower(), text.upper()
        assert _matches(led, lower) == _matches(plain, lower), (name, "lower", text[:80])
        assert _matches(led, upper) == _matches(plain, upper), (name, "upper", text[:80])
    assert found, f"{name} never matched: the comparison says nothing"


def test_facts_are_the_same_as_with_the_plain_patterns(monkeypatch):
    led = [facts.extract_facts(t) for t in TEXTS] + [facts.extract_facts(t, letter=False) for t in TEXTS]
    for name, (pattern, flags) in facts.PLAIN.items():
        monkeypatch.setattr(facts, name, re.compile(pattern, flags))
    monkeypatch.setattr(facts, "PERIOD_UNITS", ("",))          # the unit test always passes: every text is scanned
    plain = [facts.extract_facts(t) for t in TEXTS] + [facts.extract_facts(t, letter=False) for t in TEXTS]
    assert led == plain
    assert sum(len(f) for f in plain) > 500


def test_the_unit_words_are_in_every_unit_the_period_pattern_knows():
    units = re.search(r"\\s\+\((.*?)\)\\b", facts.PLAIN["PERIOD_RE"][0]).group(1).split("|")
    assert units and all(any(u in unit for u in facts.PERIOD_UNITS) for unit in units)


def test_the_odd_fold_characters_are_all_those_that_lower_does_not_match():
    # every character that re.IGNORECASE matches to a letter of the patterns' words without str.lower() giving it
    letters = "abcdefghijklmnopqrstuvwxyzæøåé"
    folds = re.compile(f"[{letters}]", re.I)
    odd = {chr(i) for i in range(sys.maxunicode + 1) if folds.fullmatch(chr(i)) and chr(i).lower() not in letters}
    assert odd and odd <= set(facts.ODD_FOLD_RE.pattern.strip("[]"))   # (the Kelvin and Ångström signs: to be safe)


def test_other_blanks_are_every_white_space_but_space_and_line_break():
    blanks = {chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()} - {" ", "\n"}
    assert blanks == set(OTHER_BLANKS)
    assert all(re.fullmatch(r"\s", c) for c in OTHER_BLANKS)
