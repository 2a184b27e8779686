"""Passive, review 18: a grant said as the reader's state, with us as the actor in the next sentence.

* a tip, not a warning: "Du er godkendt til ...", "I er tildelt en have", "De er visiteret til ..." when the next
  sentence opens with us ("Vi har godkendt dig, fordi ...", "Vi har lagt vægt på ..."): the grant is the reader's new
  state, and the letter says at once who gave it;
* still warnings: the same grant with no actor next, a thing as the subject ("Din ansøgning er bevilget"), a
  refusal or a sanction on the reader ("Du er afvist", "Du er udelukket"), "blive" ("Du bliver optaget"), a dynamic
  passive that hides who acts ("Hjælpen nedsættes", "kan ikke imødekommes").

Own sentences from other services than the review's, with hard negatives; the real model runs end to end.
"""
from __future__ import annotations

import pytest

from test_passive import _passives


@pytest.mark.model
@pytest.mark.parametrize("x,span,severity", [
    # a grant as the reader's state, and we act in the next sentence: a tip
    ("Du er godkendt til et tilskud til høreapparater. Vi har godkendt det, fordi din hørelse er blevet dårligere.",
     "er godkendt", "info"),
    ("I er tildelt en kolonihave i Havebyen Vesterled fra 1. april. Vi har lagt vægt på, at I har stået længst "
     "på ventelisten.", "er tildelt", "info"),
    ("De er visiteret til madservice fem dage om ugen. Vi har vurderet, at De ikke selv kan lave varm mad.",
     "er visiteret", "info"),
    # no actor next, a thing as the subject, a refusal or a sanction, "blive", a dynamic passive: a warning
    ("Du er godkendt til et tilskud til høreapparater. Tilskuddet dækker to apparater.", "er godkendt", "warning"),
    ("Din ansøgning om tilskud er bevilget. Vi har lagt vægt på udtalelsen fra din læge.", "er bevilget", "warning"),
    ("Du er afvist til specialklassen. Vi har lagt vægt på udtalelsen fra skolen.", "er afvist", "warning"),
    ("Du er udelukket fra svømmehallen i en måned. Vi har set optagelserne fra kameraet.", "er udelukket",
     "warning"),
    ("Du bliver optaget på specialklassen. Vi har lagt vægt på udtalelsen fra skolen.", "bliver optaget", "warning"),
    ("Din hjælp til indkøb nedsættes fra 1. marts. Vi har lagt vægt på, at du kan handle på nettet.", "nedsættes",
     "warning"),
    ("Dit ønske om en større bolig kan ikke imødekommes. Vi har ingen ledige boliger.", "imødekommes", "warning"),
])
def test_a_grant_as_the_readers_state_with_us_next_is_a_tip(nlp, x, span, severity):
    _, found = _passives(nlp, x)
    assert found.get(span) == severity, found
