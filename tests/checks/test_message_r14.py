"""The message rules on shapes a careful editor does not flag (session 14), with hard negatives that stay flagged.

* budskab-foerst: a list item that offers an option ("- Du kan få ... hos ...") or an offer to get in touch ("Ring
  til ... på ..., så finder vi en løsning") is never the main message; a late message in a list is flagged without
  a move (the bullet would go to the top); a refusal told from our side ("Vi kan desværre ikke give dig ...") is a
  decision; a receipt in the heading or opening is the message of a letter whose only late candidate hangs on a step
  still to come ("Du må først ..., når du har fået ..."). Late messages that are real decisions stay flagged.
* handling-uden-frist: the same act in another verb ("Indbetal ..." after "Du skal betale ... senest ..."), the
  legal basis of a request, the reader's own share of a cost and the way to reach a named person need no date of
  their own. Duties without a date stay flagged.

The letters and sentences here are written for these tests; a tagger-free pipeline reads them.
"""
from __future__ import annotations

import pytest

from letterlab.checks import message
from test_message_r13 import _no_deadline
from test_message_whole_letter import PARAMS, _message, plain_nlp  # noqa: F401 (plain_nlp is a fixture)


# --- budskab-foerst: a list of other options ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, refusal", [
    ("Vi kan desværre ikke give dig tilskud til nye briller.", True),
    ("Kommunen kan ikke dække udgiften til din nye seng.", True),
    ("Vi kan derfor ikke hjælpe dig med at betale depositum.", True),
    # no answer yet is no refusal
    ("Vi kan ikke give dig svar før den 3. maj 2027.", False),
    ("Vi kan desværre ikke give dig en afgørelse endnu.", False),
    ("Vi kan ikke give dig besked, før lægen har svaret.", False),
])
def test_a_refusal_told_from_our_side_is_a_decision(sentence, refusal):
    assert ("decision" in message.classify(sentence, PARAMS)) is refusal


OPTIONS_LETTER = """Om din beboerlicens

Kære Karin Lund

Din beboerlicens til Havnekvarteret bliver ikke forlænget efter den 30. april 2027, fordi du er flyttet til Skovvej.

Hvorfor
Beboerlicensen gælder kun for adresser i zonen. Skovvej ligger uden for zonen, og derfor gælder reglerne for zonen ikke længere for dig.

Andre muligheder
- Du kan få en gæstelicens til 10 dage ad gangen i Borgerservice.
- Du kan leje en fast plads i P-huset på Kajgade.
- Hvis du flytter tilbage til zonen, søger du bare igen.
"""


def test_an_option_in_a_list_is_never_the_message(plain_nlp):
    first, at, found = _message(plain_nlp, OPTIONS_LETTER, "afgoerelse")
    assert found == []
    assert at is None or not at.startswith("- Du kan")


LIST_DECISION_LETTER = """Om din ansøgning

Kære Poul Hedegaard

Vi har læst din ansøgning om hjælp til en trappelift og talt med din ergoterapeut. Hun har også besøgt dig i dit hjem den 4. februar 2027 og set på trappen.

Vores vurdering
- Du får ikke en trappelift, fordi du kan bo i stueetagen.
- Din ergoterapeut ser på dit badeværelse igen i maj.
"""


def test_a_late_decision_in_a_list_is_flagged_but_never_moved_with_its_bullet(plain_nlp):
    first, at, found = _message(plain_nlp, LIST_DECISION_LETTER, "afgoerelse")
    assert first is False and at.startswith("- Du får ikke en trappelift")
    assert len(found) == 1 and found[0].suggestions == ()


# --- budskab-foerst: an offer to get in touch -----------------------------------------------------------------------

@pytest.mark.parametrize("offer", [
    "Ring til Opkrævningen på 72 10 30 00, så finder vi en aftale sammen.",
    "Ring til Opkrævningen på 72 10 30 00, hvis du ikke kan betale hele beløbet på én gang.",
    "Skriv til os på betaling@fjordby.dk, så laver vi en plan med dig.",
])
def test_an_offer_to_get_in_touch_is_never_the_message(plain_nlp, offer):
    text = ("Betaling for skolefritidsordning\n\nKære Mads Holm\n\n"
            "Vi mangler stadig betalingen for Emmas plads i SFO i januar og februar 2027, i alt 2.340 kr.\n\n"
            "Beløbet dækker to måneders betaling. Du har fået en opgørelse med posten.\n\n"
            "Vi ved godt, at det kan være svært at betale et stort beløb på én gang. " + offer + "\n")
    first, at, found = _message(plain_nlp, text, "opkraevning")
    assert found == []
    assert first is not False and (at is None or not at.startswith(offer[:10]))


# --- budskab-foerst: a receipt whose late sentence hangs on a step still to come ------------------------------------

RECEIPT_LETTER = """Vi har modtaget din anmeldelse af et nyt træhus

Kære Lone Skov

Tak for din anmeldelse af et træhus på 14 m² i haven på Bøgevej 9. Den kom til os den 2. marts 2027.

Hvad sker der nu
Vi ser på anmeldelsen inden for 3 uger. Mangler vi noget, skriver vi til dig.

Hvornår må du gå i gang
Du må først begynde at bygge, når du har fået vores svar. Det er for at sikre, at huset overholder reglerne.

Gebyr
Du får en regning på 900 kr., når vi har truffet afgørelsen.
"""


@pytest.mark.parametrize("genre", ["afgoerelse", "kvittering", "orientering"])
def test_a_receipt_up_front_is_the_message_when_the_rest_waits_for_a_later_step(plain_nlp, genre):
    first, at, found = _message(plain_nlp, RECEIPT_LETTER, genre)
    assert found == [] and first is True
    assert at.startswith("Vi har modtaget din anmeldelse") or at.startswith("Tak for din anmeldelse")


@pytest.mark.parametrize("text, genre, late", [
    # a receipt up front does not hide a decision made now
    (RECEIPT_LETTER.replace("Du må først begynde at bygge, når du har fået vores svar.",
                            "Vi har besluttet at give dig tilladelse til at bygge huset."), "afgoerelse",
     "Vi har besluttet"),
    # thanks alone are no receipt
    ("Om dit tilskud\n\nKære Lone Skov\n\nTak for din ansøgning om tilskud til et nyt fyr.\n\n"
     "Vi har set på tilbuddet fra din VVS-installatør og på energimærket for dit hus.\n\n"
     "Du får først pengene, når vi har modtaget regningen fra installatøren.\n", "afgoerelse", "Du får først pengene"),
    # a rule that waits for a later step, under a topic heading after background
    ("Om dit træhus\n\nKære Lone Skov\n\n"
     "Vi har set på tegningerne af dit træhus på Bøgevej 9 og talt med din nabo om placeringen i haven.\n\n"
     "Vi har også set på afstanden til skel og på højden af huset.\n\n"
     "Du må først begynde at bygge, når du har fået tilladelsen fra os.\n", "afgoerelse", "Du må først"),
    # a call with a date is a request, not an offer
    ("Om din sag\n\nKære Mads Holm\n\n"
     "Vi har læst dine papirer fra lægen og talt med din arbejdsgiver om dit forløb i foråret.\n\n"
     "Vi har også set på de timer, du har arbejdet i marts og april, og på din lønseddel.\n\n"
     "Ring til os senest den 4. juni 2027, så vi kan aftale en tid til en samtale.\n", "anmodning", "Ring til os senest"),
])
def test_a_late_decision_a_waiting_rule_or_a_dated_call_is_still_late(plain_nlp, text, genre, late):
    first, at, found = _message(plain_nlp, text, genre)
    assert first is False and at.startswith(late) and len(found) == 1


# --- handling-uden-frist ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("duty, how", [
    ("Du skal betale 640 kr. for svømmekurset senest den 1. marts 2027.",
     "Indbetal beløbet på reg.nr. 1234 kontonr. 0001234567."),
    ("Du skal sende os tilmeldingen til svømmekurset senest den 1. marts 2027.",
     "Indsend tilmeldingen på fjordby.dk/svoemning."),
])
def test_how_to_do_a_request_with_its_date_needs_no_date_of_its_own(plain_nlp, duty, how):
    text = ("Kære Mads Holm\n\n" + duty + "\n\n"
            "Kurset er på 10 gange og starter i april. Prisen er den samme for alle børn.\n\n"
            "Vi har sendt en kvittering til din e-mail, da du tilmeldte Emma.\n\n" + how + "\n")
    assert _no_deadline(plain_nlp, text, "opkraevning") == []


def test_a_payment_without_any_date_is_still_flagged(plain_nlp):
    text = ("Kære Mads Holm\n\nTak for din tilmelding til svømmekurset.\n\n"
            "Kurset er på 10 gange og starter i april. Prisen er den samme for alle børn.\n\n"
            "Indbetal 640 kr. på reg.nr. 1234 kontonr. 0001234567.\n")
    assert _no_deadline(plain_nlp, text, "opkraevning") != []


# a body paragraph first, so that a line with a phone number is not read as the letterhead
OPENING = "Kære Mads Holm\n\nVi har set på din sag om Emmas skoledag.\n\n"


@pytest.mark.parametrize("sentence", [
    # the legal basis of the request, not a new request
    "Vi beder om oplysningerne efter sundhedslovens § 12.",
    "Kommunen beder om dokumentationen i henhold til lov om social service § 11.",
    # the reader's own share of a cost, paid to someone else
    "Du skal selv betale de sidste 850 kr. til optikeren.",
    "Du skal selv betale resten af prisen for brillerne.",
    # the way to reach a named person or unit
    "Ring til skolesekretær Mette Lund på 72 10 55 00.",
    "Ring til Center for Handicap på 72 10 60 00.",
])
def test_a_legal_basis_an_own_share_or_a_way_to_reach_us_needs_no_date(plain_nlp, sentence):
    assert _no_deadline(plain_nlp, OPENING + sentence) == []


@pytest.mark.parametrize("sentence", [
    "Vi beder om oplysningerne om din indtægt.",
    "Vi beder dig om at sende oplysningerne efter reglerne i sundhedsloven.",
    "Du skal selv betale 850 kr. til kommunen.",
    "Du skal selv sende regningen til os.",
    "Du skal betale 850 kr. tilbage.",
    "Ring til skolesekretær Mette Lund på 72 10 55 00 og aftal en tid.",
])
def test_a_request_or_a_duty_without_a_date_is_still_flagged(plain_nlp, sentence):
    assert _no_deadline(plain_nlp, OPENING + sentence) == [sentence]
