"""handling-uden-frist on a good letter's shape (round 18b): where to tell us, right after a duty on a condition.

"Du skal give besked, hvis din indkomst ændrer sig. Giv besked på borger.dk." asks for no date: the second sentence
says where to do what the first asks, on the same condition. Hard negatives stay flagged: the same step after a
duty with no condition, and a new task (not a way to tell us) after a conditional duty.

The sentences here are written for these tests; a tagger-free pipeline reads them.
"""
from __future__ import annotations

import pytest

from test_message_r16 import _deadline_findings
from test_message_whole_letter import plain_nlp  # noqa: F401 (plain_nlp is a fixture)


@pytest.mark.parametrize("text", [
    # pension: a change in the household, told on pension.dk
    "Du skal fortælle os det, hvis du bliver gift eller flytter sammen med nogen. Giv besked på borger.dk/pension.\n",
    # friplads: two conditions, then the channel
    "I skal give besked, hvis jeres indkomst stiger. I skal også give besked, hvis I flytter. "
    "Giv besked på pladsanvisningen.dk.\n",
    # handicap parking card: a lost card, then how to reach us
    "Du skal sige det til os, hvis du mister kortet. Skriv til os i Digital Post.\n",
    # a condition after the duty
    "Du skal give os besked, når du er begyndt at arbejde igen. Giv besked i Digital Post.\n",
])
def test_the_way_to_tell_us_after_a_duty_on_a_condition_needs_no_date(plain_nlp, text):
    assert _deadline_findings(plain_nlp, text, genre="afgoerelse") == []


@pytest.mark.parametrize("text", [
    # the same step after a duty with no condition: the reader must act now, so a date is missing
    "Vi mangler din nye lejekontrakt. Giv besked på borger.dk/boligstoette.\n",
    # a new task after a conditional duty is no way to tell us
    "Du skal give besked, hvis du flytter. Send os også dine lønsedler for maj og juni.\n",
    # a way to tell us that carries a new task
    "Du skal give besked, hvis du flytter. Skriv til os, og send os kopien af din lejekontrakt.\n",
    # the conditional duty is in another paragraph
    "Du skal give besked, hvis din indkomst ændrer sig.\n\nVi mangler din nye lejekontrakt. "
    "Giv besked på borger.dk/boligstoette.\n",
])
def test_a_request_that_is_not_the_step_of_a_conditional_duty_is_still_flagged(plain_nlp, text):
    last = text.strip().split("\n")[-1].split(". ")[-1]
    assert last in [f.text for f in _deadline_findings(plain_nlp, text, genre="afgoerelse")]
