"""The message rules on shapes a blind editor found wrong in session 16, with hard negatives that stay flagged.

* budskab-foerst: a sentence that is secondary by its own words (an addition, "Du skal også ...", or the way out of a
  ban, "Når ... har ..., skal du ...") is never the late message; a ban ("Det er forbudt at ...") and a benefit that
  ends, however long its name, are decisions; a firm "der er godkendt til ..." decides nothing; a missed appointment
  told as background is no summons, and a new time booked is one; a subject line and a first sentence that name the
  same date carry the message; a late sentence that opens with a definite noun ("Gebyret ...") is never moved to
  the top, where it would come before the amount it names.
* handling-uden-frist: an addition to a duty with its time in the sentence before, a deadline by an event that the
  letter dates ("inden besøget") and a relief ("Du skal kun betale ...") need no date of their own; a duty that comes
  back is told to give a time or a rhythm, not a calendar date.

The letters and sentences here are written for these tests; a tagger-free pipeline reads them.
"""
from __future__ import annotations

import pytest

from letterlab.checks import message
from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.ruleset import default_ruleset
from test_message_whole_letter import PARAMS, _message, plain_nlp  # noqa: F401 (plain_nlp is a fixture)


def _deadline_findings(plain_nlp, text, genre="orientering"):
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre=genre)
    return list(default_ruleset().get("klart-budskab.handling-uden-frist").check(doc))


# --- budskab-foerst: the subject line and the opening carry the message ---------------------------------------------

INJUNCTION_LETTER = """{subject}

Kære Poul Madsen

{opening}

Hvorfor
Hækken står helt ud over fortovet på Skolevej, og børnene på vej til skole må gå ude på vejen. Efter vejloven skal en hæk holdes inden for skel.

Det skal du gøre
- Bestil en vognmand, der er godkendt til at køre haveaffald væk.
- Send os et billede af hækken, når den er klippet.
"""


def test_a_subject_line_and_an_opening_with_the_same_date_carry_the_message(plain_nlp):
    text = INJUNCTION_LETTER.format(
        subject="Påbud: Din hæk skal klippes senest den 15. juni 2027",
        opening="Du skal sørge for, at hækken ud mod Skolevej bliver klippet ind til skel senest den 15. juni 2027.")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert found == []
    assert first is True
    assert not at.startswith("- Bestil")


def test_a_firm_that_is_approved_decides_nothing():
    assert "decision" not in message.classify("- Bestil en vognmand, der er godkendt til at køre haveaffald væk.", PARAMS)
    assert "decision" not in message.classify("Brug en kloakmester, som er godkendt af kommunen.", PARAMS)
    # hard negative: an approval of the reader's case stays a decision
    assert "decision" in message.classify("Din ansøgning om en ny indkørsel er godkendt.", PARAMS)


def test_a_late_decision_under_a_topic_and_background_is_still_late(plain_nlp):
    text = """Om din hæk på Skolevej

Kære Poul Madsen

Vi var ude at se på hækken ud mod Skolevej den 2. maj 2027.

Børnene på vej til skole må gå ude på vejen, fordi hækken står ud over fortovet.

Vi giver dig derfor et påbud om at klippe hækken ind til skel senest den 15. juni 2027.
"""
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert first is False and len(found) == 1
    assert at.startswith("Vi giver dig derfor et påbud")


# --- budskab-foerst: a benefit that ends, and the payment detail after it -------------------------------------------

def test_a_benefit_that_ends_is_the_message_not_the_payment_detail_after_it(plain_nlp):
    text = """Afgørelse om boligstøtte

Kære Hanne og Ole Berg

Jeres boligstøtte til lejligheden på Møllegade 12 i Vesterby bortfalder pr. 1. juni 2027.

I har fået udbetalt boligstøtte for maj, selvom I flyttede den 1. maj. Det er i alt 2.150 kr. for meget.

Beløbet skal være betalt senest den 1. juli 2027.

Vi har regnet boligstøtten ud fra de oplysninger, vi har fra folkeregistret.
"""
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert found == []
    assert first is True and at.startswith("Jeres boligstøtte")


# --- budskab-foerst: secondary by its own words ----------------------------------------------------------------------

def test_an_addition_is_never_the_late_message(plain_nlp):
    text = """Påmindelse om fejning af fortovet

Kære Lone Krog

Vi skriver til dig, fordi flere naboer har klaget over blade og grus på fortovet ud for Birkevej 9.

Husk, at fortovet skal være fejet senest kl. 8 på hverdage. Du skal også fjerne ukrudt mellem fliserne, så ingen falder.

Ring til os på 72 11 20 30, hvis du har spørgsmål.
"""
    first, at, found = _message(plain_nlp, text, "paamindelse")
    assert found == []
    assert at is None or not at.startswith("Du skal også")


BAN_LETTER = """Om pejsen i din stue

Kære Erik Holm

{ban_para}

Vi har lagt forbuddet, fordi røg kan trænge ud på loftet gennem revnerne. Når en murer har repareret skorstenen, skal du sende os murerens regning, så kommer vi ud og ser på den.
"""


def test_the_ban_is_the_message_not_its_way_out(plain_nlp):
    text = BAN_LETTER.format(ban_para="Det er forbudt at fyre i pejsen i stuen, indtil skorstenen er repareret.")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert found == []
    assert first is True and at.startswith("Det er forbudt")


def test_a_ban_that_comes_late_is_still_late(plain_nlp):
    text = BAN_LETTER.format(ban_para="Skorstensfejeren var hos dig den 4. marts 2027 og så revner i skorstenen.\n\n"
                                      "Revnerne er op til 5 mm brede og går gennem hele muren på loftet.\n\n"
                                      "Det er forbudt at fyre i pejsen i stuen, indtil skorstenen er repareret.")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert first is False and len(found) == 1
    assert at.startswith("Det er forbudt")


@pytest.mark.parametrize("sentence, secondary", [
    ("Du skal også fjerne det afklippede fra fortovet.", True),
    ("- Husk også at tage sygesikringskortet med.", True),
    ("Når en elektriker har skiftet kablet, skal du sende os hans erklæring.", True),
    # hard negatives: a plain duty, or one that starts when the reader has this letter
    ("Du skal fjerne det afklippede fra fortovet senest den 3. maj.", False),
    ("Når du har fået dette brev, skal du betale 1.200 kr. senest den 3. maj.", False),
])
def test_an_addition_or_a_way_out_is_secondary(sentence, secondary):
    assert message._secondary(message._clean(sentence)) is secondary


# --- budskab-foerst: a missed appointment, and the new time --------------------------------------------------------

@pytest.mark.parametrize("sentence, summons", [
    ("Du har undladt at møde op til det kursus i Jobcenteret den 2. april, som du var indkaldt til.", False),
    ("Sara var indkaldt til vaccination den 4. maj, men hun kom ikke.", False),
    ("Vi har reserveret en ny tid til Sara onsdag den 9. juni kl. 8.30 i Sundhedshuset.", True),
    # hard negatives: a summons now stays one
    ("Vi har indkaldt dig til samtale hos os mandag den 7. juni kl. 10.", True),
    ("Du skal til samtale i Jobcenteret den 7. juni kl. 10.", True),
])
def test_a_missed_appointment_is_background_and_a_new_time_is_the_summons(sentence, summons):
    assert ("summons" in message.classify(sentence, PARAMS)) is summons


def test_a_sanction_is_the_message_not_the_reproach(plain_nlp):
    text = """Afgørelse om nedsættelse af din ydelse

Kære Jonas Friis

Din ydelse nedsættes med 900 kr. for april.

Du har undladt at møde op til det kursus i Jobcenteret den 2. april, som du var indkaldt til. Du har ikke meldt afbud.

Hvis du var syg den 2. april, skal du sende os en lægeerklæring senest den 20. april, så ser vi på sagen igen.
"""
    first, at, found = _message(plain_nlp, text, "indkaldelse")
    assert found == []
    assert first is True and at.startswith("Din ydelse nedsættes")


# --- budskab-foerst: a definite noun first is never moved ------------------------------------------------------------

FEE_LETTER = """Om dit lån på biblioteket

Kære Maja Skov

Du lånte et spil hos os den 2. februar 2027, og det skulle have været afleveret den 2. marts. Vi har sendt dig to påmindelser.

Vi har ikke fået spillet tilbage, og derfor opkræver vi et gebyr på 150 kr.

{late}
"""


def test_a_late_sentence_with_a_definite_noun_first_is_not_moved(plain_nlp):
    text = FEE_LETTER.format(late="Gebyret skal være betalt senest den 1. april 2027.")
    first, at, found = _message(plain_nlp, text, "paamindelse")
    assert first is False and len(found) == 1
    assert found[0].suggestions == ()
    assert "Gebyret" in found[0].message


def test_a_late_sentence_with_the_reader_first_is_still_moved(plain_nlp):
    text = FEE_LETTER.format(late="Du skal betale gebyret senest den 1. april 2027.")
    first, at, found = _message(plain_nlp, text, "paamindelse")
    assert first is False and len(found) == 1
    assert "Flyt det op" in found[0].message and "menes med" not in found[0].message


# --- handling-uden-frist ---------------------------------------------------------------------------------------------

def test_an_addition_shares_the_time_of_the_duty_before_it(plain_nlp):
    text = "Fortovet skal være fejet senest kl. 8 på hverdage. Du skal også fjerne ukrudt mellem fliserne.\n"
    assert _deadline_findings(plain_nlp, text) == []


def test_an_addition_to_a_duty_without_a_time_is_still_flagged(plain_nlp):
    text = "Vi har set, at fortovet er fyldt med blade.\n\nDu skal også fjerne ukrudt mellem fliserne.\n"
    assert [f.text for f in _deadline_findings(plain_nlp, text)] == ["Du skal også fjerne ukrudt mellem fliserne."]


VISIT_LETTER = """Besøg af hjemmeplejen

Kære Inger Lund

{visit}

Du skal udfylde skemaet om din medicin inden besøget.
"""


def test_a_deadline_by_an_event_that_the_letter_dates_is_a_deadline(plain_nlp):
    text = VISIT_LETTER.format(visit="Besøget er mandag den 3. maj 2027 kl. 10 hjemme hos dig.")
    assert _deadline_findings(plain_nlp, text) == []


def test_a_deadline_by_an_event_without_a_day_is_still_flagged(plain_nlp):
    text = VISIT_LETTER.format(visit="Vi kommer på besøg hos dig, når din læge har sendt os sit svar.")
    assert len(_deadline_findings(plain_nlp, text)) == 1


@pytest.mark.parametrize("sentence, flagged", [
    ("Hvis du finder kortet igen, kan du aflevere det. Du skal kun betale 75 kr. for det nye kort.", False),
    ("Du skal blot betale for materialerne til kurset.", False),
    # hard negative: a payment with no date is still a demand without a deadline
    ("Du skal betale 75 kr. for det nye kort.", True),
])
def test_a_relief_needs_no_date(plain_nlp, sentence, flagged):
    assert bool(_deadline_findings(plain_nlp, sentence + "\n")) is flagged


def test_a_duty_that_comes_back_gets_no_calendar_date_as_advice(plain_nlp):
    text = "I vinterperioden skal stien ryddes på hverdage. Du skal også fjerne sneen fra trappen.\n"
    found = _deadline_findings(plain_nlp, text)
    assert [f.text for f in found] == ["Du skal også fjerne sneen fra trappen."]
    assert "december" not in found[0].message and "hver" in found[0].message
    # hard negative: a one-off duty keeps the advice to give a date
    once = _deadline_findings(plain_nlp, "Du skal sende os din lejekontrakt.\n")
    assert len(once) == 1 and "senest 1. december" in once[0].message


@pytest.mark.parametrize("sentence, decision", [
    ("Det er forbudt at fyre i pejsen i stuen, indtil skorstenen er repareret.", True),
    ("Det er nu forbudt at bruge bålpladsen fra den 1. juli.", True),
    # hard negative: a standing rule told as background is no decision of this letter
    ("Det er forbudt at parkere på fortovet.", False),
])
def test_a_ban_laid_now_is_a_decision(sentence, decision):
    assert ("decision" in message.classify(sentence, PARAMS)) is decision


@pytest.mark.parametrize("sentence, action", [
    ("Du bedes fjerne trailerne fra pladsen.", True),
    ("De bedes beskære træet ud mod stien.", True),
    # hard negative: a note to take in asks for no act
    ("De bedes venligst bemærke, at kontoret er lukket i uge 29.", False),
    ("Du bedes endvidere bemærke, at prisen stiger i maj.", False),
    ("De bedes medbringe Deres sygesikringskort.", False),
])
def test_a_request_in_officialese_is_a_request_in_any_verb(sentence, action):
    assert ("action" in message.classify(sentence, PARAMS)) is action


def test_a_late_definite_noun_that_names_itself_is_still_moved(plain_nlp):
    text = FEE_LETTER.format(late="Gebyret på 150 kr. skal være betalt senest den 1. april 2027.")
    first, at, found = _message(plain_nlp, text, "paamindelse")
    assert first is False and len(found) == 1
    assert "Flyt det op" in found[0].message


TRAILER_LETTER = """Påbud om at fjerne trailere

Kære Bent Lauridsen

Du skal fjerne de to trailere fra græsarealet ved Åvej 3.

Arealet er kommunens, og det må ikke bruges til at stille køretøjer.

{sanction}
"""


def test_the_main_demand_takes_its_date_from_the_sanction_for_not_acting(plain_nlp):
    text = TRAILER_LETTER.format(sanction="Sker det ikke inden den 1. juni 2027, fjerner vi trailerne for din regning.")
    assert _deadline_findings(plain_nlp, text, "afgoerelse") == []


def test_a_sanction_without_a_date_gives_the_demand_no_date(plain_nlp):
    text = TRAILER_LETTER.format(sanction="Sker det ikke, fjerner vi trailerne for din regning.")
    assert [f.text for f in _deadline_findings(plain_nlp, text, "afgoerelse")] == [
        "Du skal fjerne de to trailere fra græsarealet ved Åvej 3."]


@pytest.mark.model
def test_the_answer_to_a_complaint_is_the_message_first(nlp):
    # "De får delvis medhold. Vi annullerer …" (De-form) decides the complaint: the payment sentence after it is no late message
    from letterlab.core import analyse
    text = ("Deres klage over to gebyrer for sen aflevering: vi sletter det ene\n\nKære Ole Berg\n\n"
            "Tak for Deres klage af 4. marts over to gebyrer for sen aflevering. De får delvis medhold. Vi annullerer "
            "gebyret fra januar. Gebyret fra februar på 120 kr. skal De fortsat betale. Betal det senest den 30. april."
            "\n\n"
            "Med venlig hilsen\nAnne Holm\n")
    assert [f for f in analyse(text, nlp=nlp).findings if f.rule == "klart-budskab.budskab-foerst"] == []
