"""Word swaps, round 16 (blind review 16b): a swap that moves a date is no safe swap."""
from __future__ import annotations

import pytest

from letterlab.core import analyse
from letterlab.ruleset import default_ruleset


@pytest.mark.model
def test_dags_dato_is_offered_but_not_as_safe(nlp):
    # "dags dato" is the letter's date; "i dag" is the day the reader reads it: 12 months from which day?
    text = "Om din ansøgning\n\nKære Ole\n\nDu kan søge igen tidligst 12 måneder fra dags dato.\n"
    sugs = [s for f in analyse(text, default_ruleset(), nlp=nlp).findings if f.text == "dags dato"
            for s in f.suggestions]
    assert sugs and sugs[0].replacement == "i dag"
    assert not any(s.safe for s in sugs)
