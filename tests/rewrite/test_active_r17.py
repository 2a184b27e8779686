"""Passive -> active, review 17: "X accepteres ikke" is our refusal. Its active form names us ("Vi accepterer ikke
…"), never the reader ("Du accepterer ikke …", as a blind editor saw offered); in a condition ("Hvis tilbuddet ikke
accepteres, …") it may be the reader's no or ours, so nothing is offered; the reader's own acceptance
("Tilbuddet skal accepteres inden fredag") never becomes ours.

Own letters from other services than the review's; the real model runs end to end.
"""
from __future__ import annotations

import pytest

from test_active_r14 import HEAD, TAIL, _passive, _with


@pytest.mark.model
@pytest.mark.parametrize("body", [
    "Betaling med check accepteres ikke.",
    "Betaling i kontanter kan ikke accepteres.",
])
def test_negated_accept_names_us_not_the_reader(body):
    letter = HEAD + body + TAIL
    assert _with(letter, {"du", "Du", "De", "I"}) == [], _passive(letter)
    assert _with(letter, {"vi", "Vi"}), _passive(letter)


@pytest.mark.model
def test_negated_accept_in_a_condition_is_not_turned():
    letter = HEAD + "Hvis tilbuddet om en plads ikke accepteres inden fredag, går pladsen til den næste." + TAIL
    assert not any("accepter" in new for _, new, _ in _passive(letter)), _passive(letter)


@pytest.mark.model
def test_the_readers_own_acceptance_is_not_ours():
    letter = HEAD + "Tilbuddet om en plads i svømmeklubben skal accepteres inden fredag." + TAIL
    assert _with(letter, {"vi", "Vi"}) == [], _passive(letter)
