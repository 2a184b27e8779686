"""Prefiltered regexes give exactly what the plain regex gives."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterlab.prefilter import Alternation, AnyOf, AnyOfs, Rx, _plain, alternatives, compute_conjuncts

PATTERNS = [
    r"\bafgørelse(n|r|rne)?\b", r"\bbevilge[rt]?\b|\bbevilling\b|\bbevilges\b", r"\bkan (du )?ikke få\b|\bfår du ikke\b",
    r"\b\w*tilladelse(n)?\b", r"^(?:[-•*–]\s*)?kom til\b", r"\bkl\. ?\d", r"(\{+\s*(dato|frist)[^}]*\}+|«\s*(dato|frist)[^»]*»)",
    r"\bdu skal (\w+ ){0,2}(sende|betale)\b", r"(?i)\bSenest\b", r"\bsus\b", r"\bkrav\b",
    r"(?<!vi )(?<!kommunen )\bbetal(e|er)?\b", r"(?<=du )skal\b",
]
TEXTS = [
    "", "afgørelsen afgørelser afgørelse.", "du kan ikke få hjælp. får du ikke svar? kan du ikke få det",
    "byggetilladelsen og tilladelse", "- kom til mødet", "kom til os", "kl.10 og kl. 9", "senest {{dato}} eller « frist »",
    "du skal sende og betale", "Du Skal Sende", "SENEST", "senest", "ſenest", "ſuſ sus", "Krav", "krav", "bevillingbevilges",
    "bevilger bevilget bevilges bevilling", "ıkke", "kan du ıkke få",
    "vi betaler, du betaler, kommunen betale betale", "du skal, de skal, skal",
]


@pytest.mark.parametrize("flags", [0, re.I])
@pytest.mark.parametrize("pattern", PATTERNS)
def test_search_and_count_are_those_of_re(pattern, flags):
    rx, plain = Rx(pattern, flags), re.compile(pattern, flags)
    for text in TEXTS + [t.lower() for t in TEXTS] + [t.upper() for t in TEXTS]:
        assert bool(rx.search(text)) == bool(plain.search(text)), text
        assert rx.count(text, 3) == min(len(plain.findall(text)), 3), text


def test_literals_read_from_the_pattern():
    assert Rx(r"\bkan (du )?ikke få\b|\bfår du ikke\b").starts == ("kan ", "får du ikke")
    assert Rx(r"\bbevilge[rt]?\b|\bbevilling\b").starts == ("bevil",)
    assert Rx(r"\b\w*tilladelse(n)?\b").needs == ("tilladelse",)
    assert Rx(r"\b\w*tilladelse(n)?\b").starts is None
    assert Rx(r"\bDu får\b", re.I).needs == ("du får",)
    assert Rx(r"\bDu får\b", re.I).starts is None           # no start literals for case-insensitive counting
    assert Rx(r"(?<!vi )\bbetal(e|er)?\b").starts == ("betal",)     # a look-behind is zero-width
    assert Rx(r"(?=b)\bbetal").starts is None                     # a look-ahead is not skipped
    assert Rx(r"ΑΣ", re.I).needs is None                     # "ας": str.lower and re disagree on sigma


def test_conjuncts_are_the_literal_sets_of_each_alternative():
    assert compute_conjuncts(r"\b(de|du|i) selv (har )?(ønsker|valgt)\b|\befter dit ønske\b") == (
        (("de", "du", "i"), (" selv ",), ("ønsker", "valgt")), (("efter dit ønske",),))
    assert compute_conjuncts(r"\bkan (\w+ )?ikke( \w+)+ få\b") == ((("kan ",), ("ikke",), (" ",), (" få",)),)     # the optional part needs nothing
    assert compute_conjuncts(r"(?=ikke)\w+|[a-z]+") == ((), ())         # look-arounds and classes need nothing
    assert compute_conjuncts(r"(?i)\bsenest\b") == ()                   # case-insensitive: not known
    assert compute_conjuncts("|".join(f"ord{n}" for n in range(20))) == ()     # too many alternatives


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_match_holds_a_literal_of_each_set_of_its_alternative(pattern):
    sets = compute_conjuncts(pattern)
    rx = re.compile(pattern)
    for text in TEXTS + [t.lower() for t in TEXTS]:
        if sets and rx.search(text):
            assert any(all(any(lit in text for lit in group) for group in alt) for alt in sets), text


def test_case_insensitive_skip_needs_a_plain_lower_case_text():
    rx = Rx(r"\bsenest\b", re.I)
    assert rx.absent("inden fredag")
    assert not rx.absent("Inden fredag")      # not lower-cased: the regex decides
    assert not rx.absent("ſeneſt")             # long s: re.I matches it, "in" would not
    assert rx.search("ſeneſt")
    assert Rx(r"σ", re.I).search("ας")       # final sigma


def test_plain_texts_match_a_literal_only_where_its_lower_case_form_is():
    """The property the case-insensitive skip rests on, for every letter a literal is likely to hold."""
    chars = "".join(chr(c) for c in range(0x20, 0x3000))
    for c in "abcdefghijklmnopqrstuvwxyzæøåéüäöαβγσμкиß" + "ABCDÆØÅÉ":
        for x in re.compile(re.escape(c), re.I).findall(chars):
            assert not _plain(x) or x == c.lower(), (c, x)


def test_any_of_is_the_union_search():
    patterns = [r"\bdu får\b", r"\bafslag\b", r"\bkom til\b"]
    any_of, union = AnyOf(patterns, re.I), re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    for text in TEXTS + ["du får", "Du Får", "et afslag", "afslaget"]:
        assert any_of.search(text) == bool(union.search(text)), text
    assert not AnyOf([]).search("noget")


def _spans(rx, text):
    return [(m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern, expected", [
    (r"a|b", ["a", "b"]),
    (r"(a|b)c|d", ["(a|b)c", "d"]),
    (r"[|]x|\|y", ["[|]x", r"\|y"]),
    (r"(?:\bfoo|\bbar)", [r"(?:\bfoo|\bbar)"]),
])
def test_alternatives_split_only_at_the_top_level(pattern, expected):
    assert alternatives(pattern) == expected


ALTERNATION_TEXTS = [
    "du har ikke betalt, og du har ikke svaret. vi gør opmærksom på at du skal betale.",
    "det skal betales nu. betales det ikke, sender vi sagen til inkasso. du kan ringe til os.",
    "abcabc abc ab c bca",
    "",
    "vi vil vi vil vil vi",
]


@pytest.mark.parametrize("patterns", [
    (r"\bdu har ikke\b", r"\bhar ikke betalt\b"),                   # overlapping: the first one found wins
    (r"\bhar ikke betalt\b", r"\bdu har ikke\b"),
    (r"\bdu har\b|\bdu har ikke betalt", r"\bvi gør\b( \w+)? opmærksom"),   # the same start: the first alternative
    (r"abc|ab", r"bca|c"),
    (r"(?<!\bdu )\bhar ikke\b", r"\bbetal\w*"),                      # a look-behind sees before the search start
    (r"\b(vi|du) (vil|har|skal)\b", r"\bvil\b"),
    (r"\binkasso\b|\bsender vi\b", r"[a-z]+ det ikke"),              # an alternative with no start literal
    (r"\bslet ikke her\b",),
])
def test_alternation_finds_what_the_plain_alternation_finds(patterns):
    plain = re.compile("|".join(f"(?:{p})" for p in patterns))
    fast = Alternation(patterns)
    for text in ALTERNATION_TEXTS:
        assert _spans(fast, text) == _spans(plain, text), text


def test_alternation_tries_a_frequent_start_literal_by_search():
    # "v" occurs more often than the places worth trying one by one: the alternative is searched instead
    text = "v " * 200 + "vi skal"
    assert _spans(Alternation([r"\bv\w* skal"]), text) == [(400, 407, "vi skal")]


def test_tone_patterns_scan_as_their_plain_alternation(nlp, ruleset):
    """Every pattern list the tone rules scan, over real letters: the same matches as one regex of them all."""
    from letterlab.checks import tone
    from letterlab.core import analyse
    from testutil import CORPUS

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))[:16]]
    for text in texts[:4]:
        analyse(text, ruleset, nlp=nlp)     # fills the tone rules' table of scans
    assert len(tone._ALTERNATIONS) >= 5, "the tone rules scanned no pattern lists"
    lows = [t.lower() for t in texts]
    for patterns, fast in tone._ALTERNATIONS.items():
        if not patterns:
            continue
        plain = re.compile("|".join(f"(?:{p})" for p in patterns))
        for low in lows:
            assert _spans(fast, low) == _spans(plain, low)


# Long texts (over prefilter._SHORT characters) take the start-literal and whole-word paths (``Rx.heads``,
# ``Rx.words``): built here from fragments that hold the patterns' words in many cases and spellings.
FRAGMENTS = ["du bedes", "De bedes", "i bedes ", "du skal sende", "byggetilladelsen", "tilladelserne", "afgørelsen",
             "afgørelser.", "kl. 9", "kl.10", "{{dato}}", "« frist »", "vi betaler", "kommunen betale", "betal", "senest",
             "SENEST", "ſenest", "ıkke", "kan du ikke få", "får du ikke", "bevilges", "bevillingbevilges", "krav",
             "Krav", "sus", "- kom til", "\nkom til", "møde", "samtale", "jobsamtale", "til mødet", "x", " ", ", ", "\n"]
LONG_PATTERNS = PATTERNS + [
    r"\b(du|de|i) (skal|bedes) (derfor |hermed )?(\w+ )?møde (op )?(til|på|i)\b",
    r"\b\w+(møde|samtale)\w*\b", r"\b(du|de|i) bedes\b", r"\bafgørelse[rn]?\b",
]


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=40, max_size=120), flags=st.sampled_from([0, re.I]),
       case=st.sampled_from([str, str.lower, str.upper]))
def test_long_texts_search_and_count_as_re(parts, flags, case):
    text = case(" ".join(parts))
    assert len(text) > 160
    for pattern in LONG_PATTERNS:
        rx, plain = Rx(pattern, flags), re.compile(pattern, flags)
        m, p = rx.search(text), plain.search(text)
        assert (m and m.span()) == (p and p.span()), (pattern, text)
        assert rx.count(text, 5) == min(len(plain.findall(text)), 5), (pattern, text)


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60), case=st.sampled_from([str, str.lower, str.upper]))
def test_anyofs_answers_as_each_anyof(parts, case):
    groups = [LONG_PATTERNS[:4], LONG_PATTERNS[4:9], LONG_PATTERNS[9:]]
    for flags in (0, re.I):
        anyofs = [AnyOf(g, flags) for g in groups]
        text = case(" ".join(parts))
        assert AnyOfs(anyofs).search(text) == [a.search(text) for a in anyofs], text
