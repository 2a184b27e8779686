"""Splits that would change what a sentence says (blind review 15): a condition that opens the sentence holds over
both main clauses, and "hvorfor" after a verb of knowing or asking is a question, not "derfor"."""
from __future__ import annotations

import pytest

from letterlab.rewrite.split import split_suggestions

pytestmark = pytest.mark.model


def splits(nlp, text):
    return [(s.replacement, s.safe) for s in split_suggestions(nlp(text), 0, len(text))]


@pytest.mark.parametrize("text", [
    "Hvis du ikke sender lønsedlerne, kan vi ikke beregne din boligstøtte for maj, og vi kan blive nødt til at "
    "stoppe udbetalingen fra juni.",
    "Når byggeriet er færdigt, skal du sende os en færdigmelding, og vi kommer derefter ud og ser på carporten.",
    "Får vi ikke svar fra dig inden fredag, kan vi ikke holde pladsen til dig, og den går til den næste på listen.",
])
def test_no_split_leaves_a_main_clause_without_the_condition_that_opens_the_sentence(nlp, text):
    assert splits(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Vi har brug for at vide, hvorfor Emil ikke har været i skole i de sidste tre uger af september.",
    "Skriv til os og fortæl, hvorfor du ikke kunne komme til mødet på rådhuset den 4. marts.",
])
def test_hvorfor_after_a_verb_of_knowing_or_telling_is_a_question_and_is_not_split(nlp, text):
    assert splits(nlp, text) == []


def test_the_same_splits_still_come_where_nothing_hangs_on_them(nlp):
    assert splits(nlp, "Vi har læst din ansøgning grundigt igennem i dag, og vi kan se, at du har brug for mere "
                       "hjælp i hjemmet.") == [(". V", True)]
    assert splits(nlp, "Huset er opført uden tilladelse fra kommunen i 2019, hvorfor det ikke kan godkendes som "
                       "beboelse efter reglerne.") == [(". Derfor kan det ikke", False)]
