"""budskab-foerst on shapes a blind editor found wrong in review 19, with hard negatives that stay flagged.

* a reminder whose first sentence says that the payment itself has not come, with an amount written with a thousands
  dot ("Vi har ikke modtaget betalingen ... på 1.380 kr."), has its message first; the request to pay further down
  follows from it;
* a decision in the De form that names an amount ("De får 3.150 kr. i tilskud ...") is a decision, so a consequence
  further down ("Derfor er tilskuddet nedsat ...") is not taken for the message;
* one sentence of sympathy with a death or a loss opens the letter like a thank-you: the message right after it is
  not late.

The letters here are written for these tests; a tagger-free pipeline reads them.
"""
from __future__ import annotations

import pytest

from test_message_whole_letter import _message, plain_nlp  # noqa: F401 (plain_nlp is a fixture)


REMINDER = """Emne: Påmindelse: Betalingen for Emils svømmehold mangler

Kære Nina Holt

{opening}

Måske har du glemt det i en travl hverdag. Hvis du allerede har betalt, kan du se bort fra dette brev.

Betal senest den 12. maj 2027 med betalingslinket i din Digital Post.

Venlig hilsen
Svømmeskolen i Tårnby Hallen
"""


@pytest.mark.parametrize("opening", [
    "Vi har ikke modtaget betalingen for Emils svømmehold i foråret 2027 på 1.380 kr., som skulle have været betalt "
    "den 1. april.",
    "Vi har endnu ikke fået indbetalingen på 1.380 kr. for Emils svømmehold i foråret 2027.",
])
def test_a_reminder_that_says_the_payment_itself_is_missing_has_its_message_first(plain_nlp, opening):
    first, at, found = _message(plain_nlp, REMINDER.format(opening=opening), "paamindelse")
    assert found == [] and first is True


@pytest.mark.parametrize("opening", [
    # what has not come is no payment
    "Vi har ikke modtaget tilmeldingen til Emils svømmehold i foråret 2027. Holdet koster 1.380 kr.",
    # the payment is missing, but no amount is named up front
    "Vi har ikke modtaget betalingen for Emils svømmehold i foråret 2027, som skulle have været betalt den 1. april.",
])
def test_a_reminder_without_the_missing_payment_and_its_amount_up_front_is_still_flagged(plain_nlp, opening):
    first, at, found = _message(plain_nlp, REMINDER.format(opening=opening), "paamindelse")
    assert first is False and at.startswith("Betal senest")
    assert len(found) == 1


GRANT = """Afgørelse om tilskud til briller

Kære Else Dahl

{opening}

De får 3.150 kr. i tilskud til briller. Det er mindre end prisen på brillerne, og nedenfor forklarer vi hvorfor.

Hvorfor får De ikke hele beløbet?

Efter reglerne dækker tilskuddet kun glassene, ikke stellet. Stellet kostede 900 kr. Derfor er tilskuddet nedsat med det beløb.

Pengene bliver sat ind på Deres NemKonto senest den 15. marts 2027.

Venlig hilsen
Borgerservice
"""


@pytest.mark.parametrize("opening", [
    "Vi vil gerne først sige, at vi er kede af at høre om Deres mands død.",
    "Vi vil først udtrykke vores medfølelse med Dem og Deres familie i Deres sorg.",
])
def test_a_decision_with_an_amount_after_a_condolence_is_the_message_and_first(plain_nlp, opening):
    first, at, found = _message(plain_nlp, GRANT.format(opening=opening), "afgoerelse")
    assert at.startswith("De får 3.150 kr.")
    assert found == [] and first is True


def test_a_decision_after_a_long_first_paragraph_of_background_is_still_late(plain_nlp):
    # background that is no sympathy closes the window as before
    opening = ("Vi har læst Deres ansøgning af 3. februar og de regninger fra optikeren, som De sendte med, og vi har "
               "talt med Deres læge om Deres syn.")
    first, at, found = _message(plain_nlp, GRANT.format(opening=opening), "afgoerelse")
    assert at.startswith("De får 3.150 kr.")
    assert first is False and len(found) == 1
