"""The issue's targets on the corpus: applying the safe rewrites makes every "before" letter better.

Better in LIX and officialese; never worse in the form of address (a De letter stays a De letter).
"""
from __future__ import annotations

import pytest

from letterlab.rewrite.guard import du_count, formal_address_count, mixed_address
from letterlab.rewrite.run import rewrite_letter
from letterlab.ruleset import default_ruleset
from testutil import CORPUS

BEFORE = sorted(CORPUS.glob("*/before.txt"))


def _has_rules(category: str) -> bool:
    return any(r.category == category and r.enabled for r in default_ruleset().rules)


@pytest.mark.model
@pytest.mark.parametrize("path", BEFORE, ids=lambda p: p.parent.name)
def test_safe_rewrites_improve_every_before_letter(path, nlp):
    result = rewrite_letter(path.read_text(encoding="utf-8"), mode="safe", nlp=nlp)
    before, after = result.before.scores, result.after.scores
    assert result.applied, "no safe suggestion at all"
    assert after["lix"] < before["lix"]
    cb, ca = before["counts"], after["counts"]
    assert ca["passive"] < cb["passive"]
    if _has_rules("jargon") and cb["jargon"]:
        assert ca["jargon"] < cb["jargon"], "jargon"
    # the form of address is the writer's choice: a letter that says De everywhere keeps it by default
    # (review 7); only a letter that mixes De and du is made consistent
    text = result.before.text
    if mixed_address(text):
        assert not mixed_address(result.text)
    elif formal_address_count(text):
        assert formal_address_count(result.text) >= formal_address_count(text)   # a rewrite may name the reader
        assert du_count(result.text) == 0
    de = [f for f in result.before.findings if f.rule == "borgerrettet.de-form"]
    assert all(not s.safe for f in de for s in f.suggestions) or cb["address"] > ca["address"]
    # nothing but the chosen suggestions changed: applying none gives the letter back
    assert rewrite_letter(result.before.text, mode="none", nlp=nlp).text == result.before.text


@pytest.mark.model
def test_apply_all_moves_the_message_up_and_adds_a_heading(nlp):
    path = CORPUS / "02-el-scooter-afslag" / "before.txt"
    result = rewrite_letter(path.read_text(encoding="utf-8"), mode="all", nlp=nlp)
    assert result.before.scores["message_first"] is False
    assert {s.kind for s in result.second_pass} >= {"move", "heading"}
    assert result.text.startswith("Du får ikke en el-scooter\n")
    body = result.text.split("Anne Jensen\n\n", 1)[1]
    # the decision (whatever words pass 1 gave it) now comes before the story of the home visit
    assert body.index("ikke kan") < body.index("hjemmebesøg")


def test_map_offset():
    from letterlab.report.model import Suggestion
    from letterlab.rewrite.run import map_offset

    applied = [Suggestion(0, 5, "Din"), Suggestion(10, 12, "abcd")]
    assert map_offset(3, []) == 3
    assert map_offset(7, applied) == 5            # after the first edit: -2
    assert map_offset(20, applied) == 20          # -2 + 2
    assert map_offset(11, applied) == 8           # inside the second edit: its start
    assert map_offset(11, applied, end=True) == 12
