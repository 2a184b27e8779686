"""Which sentence carries a letter's main message, judged by what the sentence does.

* thanks, sympathy or agreeing with the reader, an announcement of what the letter tells, our own duty by law and a
  warning for a next time are asides: never the message while another sentence can be (a warning letter with
  nothing else still has its warning as the message);
* a summons denied ("Der bliver ikke sendt en ny indkaldelse") is no summons, and a missed appointment that opens
  the letter is background, not its news;
* an opt-out on the reader's wish ("Vil du stoppe ..., skal du ...") is a side option, like "Hvis du vil ...";
* requests the classes missed: a bill's amount and due date as a statement, something overdue the reader still has,
  what we need before the case can go on, a paper we miss, a duty after the reader's role, a visit at a time;
* a reminder below the window ("Vær opmærksom på, at du kan få ...") withholds no verdict; with no sentence of a
  message class, a plain concrete opening names the message; a withheld verdict still names the late candidate;
* a bill handed over in a first paragraph of its own ("Hermed sender vi opkrævningen ...") keeps the amount and
  the due date after it at the top.

The letters here are written for these tests; a tagger-free pipeline reads them.
"""
from __future__ import annotations

import pytest

from letterlab.checks import message
from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.ruleset import default_ruleset
from test_message_whole_letter import PARAMS, _message, plain_nlp  # noqa: F401 (plain_nlp is a fixture)


# --- asides ---------------------------------------------------------------------------------------

RECEIPT = """Emne: Din ansøgning om tilskud til høreapparat

Kære Bent Lund

Tak for din ansøgning om tilskud til et nyt høreapparat.

Vi har modtaget ansøgningen den 4. marts, og du får svar fra os inden for fire uger.

Venlig hilsen
Hjælpemidler
"""


def test_a_thank_you_is_not_the_receipt_when_the_receipt_follows(plain_nlp):
    first, at, _ = _message(plain_nlp, RECEIPT, "kvittering")
    assert first is True and at.startswith("Vi har modtaget ansøgningen")


def test_a_thank_you_alone_is_still_a_receipt(plain_nlp):
    text = RECEIPT.replace("Vi har modtaget ansøgningen den 4. marts, og du får svar fra os inden for fire uger.",
                           "Det går hurtigt i denne tid.")
    first, at, _ = _message(plain_nlp, text, "kvittering")
    assert first is True and at.startswith("Tak for din ansøgning")


REPLY = """Svar på din mail om en plads i haveforeningen

Kære Lise Holm

Tak for din mail af 3. maj, hvor du spørger, om du kan få en have i Kolonihaveforeningen Solsikken.

Du står som nummer 4 på ventelisten, og vi regner med at have en have til dig i løbet af efteråret.

Haverne fordeles efter den dato, hvor ansøgningen er godkendt af bestyrelsen.

Husk at give os besked, hvis du flytter.

Venlig hilsen
Kolonihaverne, Teknik og Miljø
"""


def test_a_reply_answers_right_after_the_thanks_not_in_a_later_decision_word(plain_nlp):
    first, at, found = _message(plain_nlp, REPLY, "orientering")
    assert first is True and at.startswith("Du står som nummer 4") and found == []


SYMPATHY = """Svar: Skolebus til Oscar

Kære Maja og Jens

Tak for jeres mail om Oscars skolevej.

Vi kan godt forstå, at det er en stor omvæltning for jer, når Oscar skal skifte skole midt i året.

Oscar kan køre med skolebussen fra Østervej, og bussen kører hver morgen kl. 7.10.

Husk at melde afbud til chaufføren, hvis Oscar er syg.

Venlig hilsen
Skolekontoret
"""


def test_sympathy_after_the_thanks_is_passed_over_for_the_answer(plain_nlp):
    first, at, _ = _message(plain_nlp, SYMPATHY, "orientering")
    assert first is True and at.startswith("Oscar kan køre med skolebussen")


@pytest.mark.parametrize("sentence", [
    # sympathy that turns to the answer with "men" is the answer
    "Vi kan godt forstå, at du er skuffet, men vi kan ikke give dig tilskud til de nye briller.",
    # a decision made after the law is a decision, not our duty told as a reason
    "Efter servicelovens § 83 har vi besluttet, at du får hjælp til rengøring hver 14. dag.",
    # a warning that is not for a next time
    "Hvis du ikke betaler senest den 1. juni, sender vi kravet til inddrivelse.",
    # news that happens again, with no condition
    "Biblioteker åbner igen den 1. maj, og du kan låne bøger som før.",
    # we tell what has been decided, not what the letter will tell
    "Vi vil gerne fortælle dig, at du har fået en plads i børnehaven fra 1. august.",
])
def test_hard_negatives_are_no_asides(sentence):
    assert not message._aside(message._clean(sentence))


@pytest.mark.parametrize("sentence", [
    "Tak for jeres ansøgning om tilskud til lejrskolen.",
    "Vi kan godt forstå, at det er svært at vente på en afklaring.",
    "Det er rigtigt, at vognmanden kom en time for sent den 3. marts.",
    "Foråret er på vej, og vi vil gerne fortælle dig, hvordan du kommer af med dit haveaffald.",
    "Kommunen skal efter lov om social service følge op på din sag, og derfor har vi brug for oplysninger om dit helbred.",
    "Efter byggeloven skal kommunen føre tilsyn med byggeriet, og derfor vil vi gerne se tegningerne.",
    "Udebliver du igen fra træningen uden at melde afbud, bliver dit forløb afsluttet.",
    "Hvis hunden igen løber løs på legepladsen, vil vi give dig et påbud.",
])
def test_asides(sentence):
    assert message._aside(message._clean(sentence))


LEGAL_FIRST = """Emne: Oplysninger til din sag om hjælpemidler

Kære Per Berg

Kommunen skal efter lov om social service følge op på din sag, og derfor har vi brug for oplysninger om dit helbred. Udfyld skemaet på borger.dk, og send det til os senest den 12. maj 2027.

Venlig hilsen
Visitationen
"""


def test_our_duty_by_law_is_the_reason_not_the_request(plain_nlp):
    first, at, _ = _message(plain_nlp, LEGAL_FIRST, "anmodning")
    assert first is True and at.startswith("Udfyld skemaet")


NEXT_TIME = """Emne: Din træning i Sundhedshuset

Kære Anna Friis

Udebliver du igen fra træningen uden at melde afbud, bliver dit forløb afsluttet.

Du kom ikke til træningen den 2. marts, og vi hørte ikke fra dig. Det er anden gang i denne måned.

Du har fået en ny tid torsdag den 12. marts kl. 13.00 i Sundhedshuset, Parkvej 4.

Venlig hilsen
Genoptræningen
"""


def test_a_warning_for_a_next_time_is_not_the_message_when_the_letter_gives_a_new_time(plain_nlp):
    first, at, found = _message(plain_nlp, NEXT_TIME, "orientering")
    assert first is False and at.startswith("Du har fået en ny tid") and len(found) == 1


WARNING_ONLY = """Emne: Din hund på legepladsen

Kære Ole Krog

Hvis din hund igen løber løs på legepladsen ved Skovvej, vil vi give dig et påbud om at holde den i snor.

Flere forældre har fortalt os, at hunden har løbet rundt mellem børnene i sidste uge.

Husk at hunde altid skal føres i snor på kommunens legepladser.

Venlig hilsen
Park og Vej
"""


def test_a_warning_letter_with_nothing_else_has_its_warning_as_the_message(plain_nlp):
    first, at, found = _message(plain_nlp, WARNING_ONLY, "orientering")
    assert first is True and at.startswith("Hvis din hund igen") and found == []


MISSED_FIRST = """Emne: Idas tid i tandplejen

Kære forældre til Ida Holm

Ida har nu for anden gang ikke mødt op til sin tid i tandplejen, senest den 3. marts kl. 9.00.

Det er vigtigt, at børn kommer til eftersyn, så vi kan opdage huller i tide.

Der bliver ikke sendt en ny indkaldelse, før vi har hørt fra jer.

Ring til klinikken på 72 10 44 00 senest den 20. marts 2027 for at aftale en ny tid.

Venlig hilsen
Børnetandplejen
"""


def test_a_missed_appointment_first_is_background_and_a_denied_summons_no_summons(plain_nlp):
    first, at, found = _message(plain_nlp, MISSED_FIRST, "orientering")
    assert first is False and at.startswith("Ring til klinikken") and len(found) == 1


@pytest.mark.parametrize("sentence", [
    "Der bliver ikke sendt en ny indkaldelse, før vi har hørt fra jer.",
    "Du behøver ikke at møde op til samtalen.",
])
def test_a_summons_denied_is_no_summons(sentence):
    assert "summons" not in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Du er indkaldt til en samtale tirsdag den 4. maj kl. 10.",
    "Mød op i Borgerservice, og tag dit pas med.",
])
def test_a_summons_stays_a_summons(sentence):
    assert "summons" in message.classify(sentence, PARAMS)


# --- an opt-out on the reader's wish --------------------------------------------------------------

BILL = """Emne: Betaling for svømmeholdet, forår 2027

Kære Sara Dam

Her er opkrævningen for Emmas svømmehold i foråret 2027.

Beløbet er 950 kr., og du betaler med betalingslinket i din Digital Post senest den 1. februar 2027.

Husk at skrive Emmas navn i beskeden.

Vil du stoppe på holdet efter foråret, skal du melde Emma ud senest den 1. maj, så vi kan give pladsen videre.

Venlig hilsen
Svømmeskolen
"""


def test_an_opt_out_on_the_readers_wish_is_not_a_bills_message(plain_nlp):
    first, at, found = _message(plain_nlp, BILL, "paamindelse")
    assert first is True and at.startswith("Her er opkrævningen") and found == []


def test_an_opt_out_on_the_readers_wish_is_a_side_option():
    t = message._clean("Vil du stoppe på holdet efter foråret, skal du melde Emma ud senest den 1. maj.")
    assert message._OPTIONAL.search(t)


def test_a_request_put_as_a_question_is_no_opt_out():
    t = "Vil du sende os lønsedlerne for maj, juni og juli?"
    assert not message._OPTIONAL.search(message._clean(t))
    assert "action" in message.classify(t, PARAMS)


# --- requests and summonses the classes missed ----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Beløbet er 2.350 kr., og sidste rettidige betalingsdag er den 1. marts 2027.",
    "Betalingsfristen er den 15. januar.",
    "Du har stadig to nøgler til klubhuset, som skulle have været afleveret den 1. marts.",
    "De har endnu ikke returneret skemaet om boligstøtte.",
    "For at vi kan behandle din ansøgning om friplads, skal vi have en kopi af din lønseddel.",
    "Vi har brug for en ny lægeerklæring senest den 3. maj.",
    "Vi mangler et nyt foto til dit sundhedskort.",
    "Som lejer skal du fjerne dine ting fra kælderrummet.",
])
def test_requests_the_classes_missed(sentence):
    assert "action" in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Sidste rettidige betalingsdag står på indbetalingskortet.",
    "Du har stadig din plads på ventelisten.",
    "For at vi kan hjælpe dig bedst muligt, har vi lavet en folder.",
    "Vi har brug for mere plads i kælderen.",
    "Vi mangler en frivillig til julefesten.",
    "Som nævnt skal du ikke fjerne noget.",
])
def test_statements_with_the_same_words_are_no_requests(sentence):
    assert "action" not in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Synet kommer ud og ser på hegnet onsdag den 4. marts kl. 10.00.",
    "Vi kommer forbi tirsdag den 3. juni og måler vandmåleren.",
])
def test_a_visit_at_a_time_is_a_summons(sentence):
    assert "summons" in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Pengene kommer på din konto den 3. maj.",
    "Regningen kommer i din e-Boks inden for 14 dage.",
])
def test_money_or_a_bill_that_comes_is_no_visit(sentence):
    assert "summons" not in message.classify(sentence, PARAMS)


# --- verdicts and spans ---------------------------------------------------------------------------

LATE_REQUEST = """Emne: Dit skur ved Engvej 12

Kære Mads Kjær

Vi har fået en henvendelse fra en nabo om dit nye skur ved Engvej 12.

Ved vores besøg den 2. juni målte vi, at skuret står 40 cm over skel mod nr. 14.

Vi beder dig derfor flytte skuret, så det står på din egen grund, senest den 1. august 2027.

Vær opmærksom på, at du kan få fristen forlænget, hvis du skal have hjælp til at flytte det.

Venlig hilsen
Byg og Miljø
"""


def test_a_reminder_below_withholds_no_verdict_on_a_late_request(plain_nlp):
    first, at, found = _message(plain_nlp, LATE_REQUEST, "afgoerelse")
    assert first is False and at.startswith("Vi beder dig derfor flytte") and len(found) == 1


PLAIN_OPENING = """Vedrørende: Rydning af sti ved Bakkevej 3

Det er konstateret, at stien ud for Deres ejendom, Bakkevej 3, ikke har været ryddet for blade den 3. og 4. november.

Stien bruges af mange skolebørn, og glatte blade er farlige for cyklister.

Med venlig hilsen
Vej og Park
"""


def test_with_no_sentence_of_a_class_a_plain_concrete_opening_is_the_message(plain_nlp):
    first, at, found = _message(plain_nlp, PLAIN_OPENING, "afgoerelse")
    assert first is True and at.startswith("Det er konstateret") and found == []


def test_with_only_a_reminder_below_the_plain_opening_is_named_and_the_verdict_withheld(plain_nlp):
    text = PLAIN_OPENING.replace("farlige for cyklister.", "farlige for cyklister.\n\nHusk at De kan aflevere blade "
                                                            "gratis på genbrugspladsen.")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert first is None and at.startswith("Det er konstateret") and found == []


HANDED_OVER = """Opkrævning af vandafgift for 1. kvartal 2027 – Møllevej 8

Til Bageriet Møllevej ApS

Hermed sender vi opkrævningen af vandafgift for 1. kvartal 2027 for ejendommen Møllevej 8, matr.nr. 7a Østby.

Beløbet er 4.120 kr., og sidste rettidige betalingsdag er den 1. marts 2027.

Har I spørgsmål, er I velkomne til at ringe til os.

Venlig hilsen
Forsyningen
"""


def test_the_amount_after_a_bill_handed_over_is_at_the_top(plain_nlp):
    first, at, found = _message(plain_nlp, HANDED_OVER, "opkraevning")
    assert first is True and at.startswith("Beløbet er 4.120 kr.") and found == []


NEED = """Emne: Din ansøgning om friplads

Kære Eva Lind

Tak for din ansøgning om friplads i SFO.

For at vi kan behandle din ansøgning, skal vi have en kopi af din seneste lønseddel.

Du finder lønsedlen i din netbank eller hos din arbejdsgiver.

Send gerne lønsedlen til os senest den 10. januar 2027, så kan Lea få friplads fra februar.

Venlig hilsen
Pladsanvisningen
"""


def _deadline_findings(plain_nlp, text):
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre="kvittering")
    return list(default_ruleset().get("klart-budskab.handling-uden-frist").check(doc))


def test_a_need_whose_date_comes_where_the_letter_says_how_to_send_has_its_deadline(plain_nlp):
    first, at, _ = _message(plain_nlp, NEED, "kvittering")
    assert first is True and at.startswith("For at vi kan behandle")
    assert _deadline_findings(plain_nlp, NEED) == []


def test_a_need_with_no_date_anywhere_asks_for_one(plain_nlp):
    text = NEED.replace(" senest den 10. januar 2027, så kan Lea få friplads fra februar", "")
    assert len(_deadline_findings(plain_nlp, text)) == 1
