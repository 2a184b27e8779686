"""Passive -> active, review 16: no suggestion that names the wrong actor or brings back the lecturing.

* a clause that reports what another party wrote or said ("Din tandlæge skriver, at der endnu ikke er lagt en
  plan"): the plan is theirs, so no "vi"; what we ourselves write keeps "vi";
* "Det skal præciseres, at ...": "Vi kan præcisere" turns "skal" into "kan" and keeps the lecturing: none offered.

Own letters from other services than the review's, with hard negatives; the real model runs end to end.
"""
from __future__ import annotations

import pytest

from test_active_r14 import HEAD, TAIL, _passive, _with


@pytest.mark.model
@pytest.mark.parametrize("body", [
    "Din tandlæge skriver i journalen, at der endnu ikke er lagt en plan for tandreguleringen.",
    "Fysioterapeuten oplyser, at der ikke er lagt et program for træningen endnu.",
])
def test_no_vi_in_a_clause_another_party_reports(body):
    assert _with(HEAD + body + TAIL, {"vi", "Vi"}) == [], _passive(HEAD + body + TAIL)


@pytest.mark.model
def test_vi_stays_in_a_clause_we_report():
    letter = HEAD + "Vi skriver i afgørelsen, at der er lagt vægt på din økonomi." + TAIL
    assert _with(letter, {"vi", "Vi"}), _passive(letter)


@pytest.mark.model
@pytest.mark.parametrize("body", [
    "Det skal præciseres, at tilskuddet kun gælder for et år.",
    "Det skal understreges, at kortet er personligt.",
])
def test_no_kan_for_skal_in_an_emphasis_opening(body):
    got = _passive(HEAD + body + TAIL)
    assert not any(new.split()[:2] == ["Vi", "kan"] for _, new, _ in got), got
