"""A person who stops somewhere ("hun stopper på sin gamle skole") is no refusal; a service that stops is.

Late session-13 fix from a blind review: a full grant of a school change told the parents to tell the old school
that their child stops there, and the completeness check read "stopper" as the municipality stopping something,
so the grant got two errors for a missing appeal guide. The letters are written for this test.
"""
from __future__ import annotations

import pytest
import spacy

from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.nlp.pipeline import add_letter_components
from letterlab.ruleset import default_ruleset

GUIDE_RULES = ("genre.klagevejledning", "genre.klagefrist")

GRANT = """Kære {greeting}

{child} kan begynde i 2. klasse på Lyngparken Skole mandag den 8. februar 2027. Vi har godkendt {poss} ansøgning om skoleskift.

Lyngparken Skole har plads i klassen, og derfor kan vi opfylde {poss} ønske. Afgørelsen er truffet efter folkeskolelovens § 36.

Hvad skal {you} gøre nu?
- Giv {child}s nuværende skole besked om, at {pron} stopper den 29. januar 2027.
- Ring til Lyngparken Skoles kontor inden den 1. februar 2027.

Venlig hilsen
Mads Krog
"""

STOP = """Kære Karin Holm

Vi stopper din hjemmehjælp til rengøring fra den 1. marts 2027, fordi du nu bor hos din datter.

Venlig hilsen
Mads Krog
"""


@pytest.fixture(scope="module")
def plain_nlp():
    return add_letter_components(spacy.blank("da"))


def findings(plain_nlp, text):
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre="afgoerelse")
    rules = default_ruleset()
    return {rid: list(rules.get(rid).check(doc)) for rid in GUIDE_RULES}


@pytest.mark.parametrize("greeting,you,poss,child,pron", [
    ("Sara og Ali Demir", "I", "jeres", "Yusuf", "han"),
    ("Peter Lund", "du", "din", "Alma", "hun"),
])
def test_a_child_who_stops_at_the_old_school_is_no_refusal(plain_nlp, greeting, you, poss, child, pron):
    text = GRANT.format(greeting=greeting, you=you, poss=poss, child=child, pron=pron)
    assert findings(plain_nlp, text) == {rid: [] for rid in GUIDE_RULES}


def test_a_service_that_stops_still_needs_its_appeal_guide(plain_nlp):
    got = findings(plain_nlp, STOP)
    assert all(got[rid] for rid in GUIDE_RULES), got
