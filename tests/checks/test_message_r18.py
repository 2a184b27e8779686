"""budskab-foerst on shapes a blind editor found wrong in review 18, with hard negatives that stay flagged.

* a request that opens the paragraph under a yes/no sub-heading ("Kan du ikke den dag?") is a fallback on a
  condition, never the letter's message;
* a reminder whose first paragraph says that a payment has not come, and names the amount, has its message first:
  the request to pay further down follows from it;
* a late message that stands first under a sub-heading ("Hvad skal du gøre?") gets no move: moved up, it would
  leave the sub-heading over the wrong text.

The letters here are written for these tests; a tagger-free pipeline reads them.
"""
from __future__ import annotations

import pytest

from test_message_whole_letter import _message, plain_nlp  # noqa: F401 (plain_nlp is a fixture)


# --- a request under a yes/no sub-heading ------------------------------------------------------------------------

VISIT = """Emne: Vi afprøver din nye kørestol onsdag den 8. oktober kl. 13.00

Kære Poul Lind

Din nye kørestol er kommet. Vores ergoterapeut kommer hjem til dig onsdag den 8. oktober 2027 kl. 13.00 og hjælper dig med at indstille den.

Hvad sker der?
Vi stiller sædet og fodstøtten, så de passer til dig, og vi viser dig, hvordan bremserne virker.

{heading}
{request}

Venlig hilsen
Mads Krogh
"""


@pytest.mark.parametrize("heading", ["Kan du ikke den dag?", "Passer tidspunktet dig dårligt?"])
def test_a_request_under_a_yes_no_question_is_not_the_message(plain_nlp, heading):
    text = VISIT.format(heading=heading, request="Skriv til mig senest mandag den 6. oktober, så finder vi en "
                                                 "anden dag, der passer dig bedre.")
    first, at, found = _message(plain_nlp, text, "indkaldelse")
    assert found == [] and first is True
    assert not at.startswith("Skriv til mig")


LATE_REQUEST = """Emne: Din ansøgning om en ny kørestol

Kære Poul Lind

Vi skriver til dig om din ansøgning om en ny kørestol, som vi fik i august. Vi er ved at se på sagen.

Vi har talt med din ergoterapeut om, hvad du har brug for i hverdagen.

{heading}
{request}

Venlig hilsen
Mads Krogh
"""


@pytest.mark.parametrize("heading, ask", [
    # what to do: the request is the message, and it is late
    ("Hvad skal du gøre?", "Send os en erklæring fra din læge senest den 3. november 2027."),
    ("Hvornår skal vi have svar?", "Send os en erklæring fra din læge senest den 3. november 2027."),
    # a statement as sub-heading
    ("Det mangler vi", "Send os en erklæring fra din læge senest den 3. november 2027."),
])
def test_a_late_request_under_another_sub_heading_is_still_flagged(plain_nlp, heading, ask):
    first, at, found = _message(plain_nlp, LATE_REQUEST.format(heading=heading, request=ask), "anmodning")
    assert first is False and at.startswith("Send os en erklæring")
    assert len(found) == 1


def test_a_decision_under_a_yes_no_question_is_still_the_message(plain_nlp):
    text = LATE_REQUEST.format(heading="Kan du få en ny kørestol?",
                               request="Du får en ny elkørestol, og vi betaler hele prisen.")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert first is False and at.startswith("Du får en ny elkørestol")


# --- a reminder that says first that the payment has not come ------------------------------------------------

REMINDER = """Emne: Påmindelse: Betalingen for madordningen i august mangler

Kære Sara Holm

{opening}

{middle}Betal beløbet senest den 15. september 2027 med betalingslinket i Digital Post.

Hvis du allerede har betalt, skal du sende os en kopi af kvitteringen, så retter vi det.

Venlig hilsen
Madordningen i Solsikkens Børnehus
"""


@pytest.mark.parametrize("opening, middle", [
    ("Vi har endnu ikke modtaget din betaling for madordningen i august. Beløbet er 640 kr.", "Hvad skal du gøre?\n"),
    ("Vi har ikke fået dit afdrag på 640 kr. for madordningen i Solsikkens Børnehus for august måned.", ""),
    ("Betalingen for madordningen i august er ikke betalt. Beløbet er 640 kr., og det skulle have været betalt "
     "den 1. august.", "Hvad skal du gøre?\n"),
])
def test_a_reminder_that_says_the_payment_is_missing_has_its_message_first(plain_nlp, opening, middle):
    first, at, found = _message(plain_nlp, REMINDER.format(opening=opening, middle=middle), "paamindelse")
    assert found == [] and first is True


@pytest.mark.parametrize("opening", [
    # background only: the payment request further down is the message, and it is late
    "Vi skriver til dig om madordningen i Solsikkens Børnehus, som din datter er tilmeldt. Ordningen koster "
    "640 kr. om måneden.",
    # what has not come is no payment
    "Vi har endnu ikke modtaget din ansøgning om friplads. Beløbet for august er 640 kr.",
    # the payment is missing, but no amount is named up front
    "Vi har endnu ikke modtaget din betaling for madordningen i Solsikkens Børnehus, som din datter fik i august.",
])
def test_a_reminder_without_the_missing_payment_up_front_is_still_flagged(plain_nlp, opening):
    first, at, found = _message(plain_nlp, REMINDER.format(opening=opening, middle=""), "paamindelse")
    assert first is False and at.startswith("Betal beløbet")
    assert len(found) == 1


# --- no move for a message that stands first under a sub-heading ----------------------------------------------------

@pytest.mark.parametrize("heading, moves", [("Hvad skal du gøre?", 0), ("", 1)])
def test_a_move_only_for_a_late_message_not_first_under_a_sub_heading(plain_nlp, heading, moves):
    text = LATE_REQUEST.format(heading=heading,
                               request="Send os en erklæring fra din læge om, hvordan du bruger kørestolen i "
                                       "hverdagen, senest den 3. november 2027.")
    _, _, found = _message(plain_nlp, text, "anmodning")
    assert len(found) == 1
    moved = [s for s in found[0].suggestions if s.kind == "move"]
    assert len(moved) == moves and not any(s.safe for s in moved)
