"""The message rules on shapes a blind editor found wrong in review 17, with hard negatives that stay flagged.

* handling-uden-frist: an offer of help where a colleague helps ("Ring til ..., så kan en rådgiver hjælpe dig") and a
  call or a note right after a sentence that offers help, more time or a talk ("Du kan bede om at få udsat fristen.
  Skriv til os.") are how to take up an offer, not tasks with a date to meet;
* budskab-foerst: one thank-you sentence as the first paragraph, however long, does not make the message late.

The letters and sentences here are written for these tests; a tagger-free pipeline reads them.
"""
from __future__ import annotations

import pytest

from test_message_r16 import _deadline_findings
from test_message_whole_letter import _message, plain_nlp  # noqa: F401 (plain_nlp is a fixture)


# --- handling-uden-frist: how to take up an offer is no task -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Du skal sende din lejekontrakt senest den 3. marts 2027.\n\nHar du brug for hjælp til det, kan vi hjælpe. "
    "Ring til Boligkontoret på tlf. 72 10 44 00, så kan en rådgiver hjælpe dig med papirerne.\n",
    "Du skal sende din lejekontrakt senest den 3. marts 2027.\n\n"
    "Kontakt Ydelseskontoret på tlf. 72 10 44 00, så vil en af vores medarbejdere gennemgå skemaet med dig.\n",
    "Du skal sende din lejekontrakt senest den 3. marts 2027.\n\n"
    "Skriv til os på bolig@holmby.dk, så hjælper en af vores vejledere dig.\n",
    "Du skal sende din lejekontrakt senest den 3. marts 2027.\n\nDu har mulighed for at få hjælp til at finde "
    "papirerne. Ring til Borgerservice.\n",
    "Du skal sende din lejekontrakt senest den 3. marts 2027.\n\nDu kan bede om at få udsat fristen, hvis du er "
    "på ferie eller ikke kan nå det. Skriv til os i Digital Post.\n",
    "Du skal sende din lejekontrakt senest den 3. marts 2027.\n\nI kan også få en afdragsordning på "
    "depositummet. Kontakt os på tlf. 72 10 44 00.\n",
])
def test_how_to_take_up_an_offer_needs_no_deadline(plain_nlp, text):
    assert [f.text for f in _deadline_findings(plain_nlp, text)] == []


@pytest.mark.parametrize("text, flagged", [
    # a real task after the call, or the call as the task itself
    ("Vi mangler din lejekontrakt.\n\nRing til Boligkontoret på tlf. 72 10 44 00, så kan din sag behandles.\n",
     "Ring til Boligkontoret på tlf. 72 10 44 00, så kan din sag behandles."),
    ("Du kan få hjælp til skemaet hos Borgerservice. Skriv til os, og send lønsedlerne for maj.\n",
     "Skriv til os, og send lønsedlerne for maj."),
    # after a refusal of more time, the note asked for is a task
    ("Du kan ikke få mere tid til at finde papirerne. Ring til sagsbehandleren.\n", "Ring til sagsbehandleren."),
    # a sentence that offers nothing before the call
    ("Vi har ikke modtaget din lejekontrakt. Skriv til os i Digital Post.\n",
     "Skriv til os i Digital Post."),
])
def test_a_task_next_to_a_call_is_still_flagged(plain_nlp, text, flagged):
    assert flagged in [f.text for f in _deadline_findings(plain_nlp, text)]


# --- budskab-foerst: a thank-you sentence before the message ---------------------------------------------------------

THANKS_LETTER = """Svar på din klage over gebyret for storskrald

Kære Hanne Dahl

{opening}

Du bestilte afhentning af en sofa og et skab den 4. marts, og vi hentede dem den 11. marts. Gebyret dækker kørsel og sortering. Vi har set på billederne fra chaufføren, og der var fire ting ved skellet, ikke to.

Du kan se reglerne for storskrald på vores hjemmeside.

{message}

Har du spørgsmål, kan du ringe til mig på tlf. 72 10 44 00.
"""


def test_one_long_thank_you_sentence_does_not_make_the_message_late(plain_nlp):
    text = THANKS_LETTER.format(
        opening="Tak for din mail af 14. marts 2027, hvor du skriver, at du mener, at gebyret for afhentning af "
                "storskrald er for højt.\n\nVi fastholder gebyret på 250 kr.",
        message="Venlig hilsen")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert found == [] and first is True
    assert at.startswith("Vi fastholder gebyret")


@pytest.mark.parametrize("opening", [
    # two sentences before the message: the thanks and the case history
    "Tak for din mail af 14. marts 2027, hvor du skriver, at gebyret for storskrald er for højt. Du skriver også, "
    "at chaufføren kun tog to af tingene med, og at du derfor mener, at du har betalt for meget for afhentningen.",
    # no thanks: the case history alone
    "Du har skrevet til os den 14. marts 2027, fordi du mener, at gebyret for afhentning af storskrald er for højt.",
])
def test_a_message_after_more_than_one_thank_you_sentence_is_still_late(plain_nlp, opening):
    text = THANKS_LETTER.format(opening=opening, message="Vi fastholder derfor gebyret på 250 kr.")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert first is False and len(found) == 1
