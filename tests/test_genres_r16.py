"""Session 16: whole-letter verdicts from the blind reviews 16a and 16b, in letters of our own.

A subject line that names the letter ("Afgørelse om ...", "Regning ...", "Tilbud om ...") weighs more than a meeting
or a reminder told further down; a decision on the reader's complaint is a decision; an offer of a home is a decision;
a bill for something new is no reminder. And the checks: rules by topic only ("reglerne om ...") are no rules, the
example law fits the letter's area, a time and place further down are late, not missing.

The letters are written for these tests (invented places, names and numbers).
"""
from __future__ import annotations

import pytest

from letterlab.anatomy import read_anatomy
from letterlab.core import analyse
from letterlab.genres import detect_genre_parts


def genre(text: str) -> str:
    return detect_genre_parts(text, read_anatomy(text).parts)[0]


def findings(nlp, text: str, rule: str, genre_name: str | None = None) -> list:
    return [f for f in analyse(text, nlp=nlp, genre=genre_name).findings if f.rule == rule]


HEAD = "Åby Kommune\nStationsvej 2\n8000 Åby\n\n"
SIGN = "\n\nMed venlig hilsen\n\nKaren Dahl\nRådgiver\n"

# --- 1. a decision that says so, with a missed meeting and a new time in it ---------------------------------------

SANCTION = (HEAD + "Afgørelse om Deres ledighedsydelse for april\n\nKære Jens Holt\n\nDeres ledighedsydelse nedsættes "
            "med 980 kr. for april.\n\nDe skulle møde op til en samtale i Jobcenter Åby den 8. april kl. 9.30, men De "
            "kom ikke og meldte ikke afbud.\n\nAfgørelsen er truffet efter lov om aktiv socialpolitik § 75.\n\nVi har "
            "booket en ny samtale til Dem den 22. april kl. 9.30 hos jobkonsulent Per Lind. Husk at tage Deres CV med."
            + SIGN + "\nKlagevejledning\nDe kan klage over afgørelsen. Send klagen til Jobcenter Åby senest 4 uger "
            "efter, at De har fået brevet. Vi sender den videre til Ankestyrelsen, hvis vi fastholder afgørelsen.\n")


def test_a_decision_named_in_the_subject_is_a_decision_despite_a_missed_meeting():
    assert genre(SANCTION) == "afgoerelse"


def test_a_sanction_told_as_the_readers_missed_meeting_has_its_reason(nlp):
    # the missed meeting is the reason for the cut, told as a fact (forvaltningsloven § 22)
    assert findings(nlp, SANCTION, "genre.afgoerelse-begrundelse", "afgoerelse") == []


def test_a_sanction_without_any_reason_still_lacks_one(nlp):
    text = SANCTION.replace("De skulle møde op til en samtale i Jobcenter Åby den 8. april kl. 9.30, men De kom ikke "
                            "og meldte ikke afbud.", "Vi har ikke hørt fra Dem.")
    assert text != SANCTION
    assert len(findings(nlp, text, "genre.afgoerelse-begrundelse", "afgoerelse")) == 1


def test_a_new_time_after_a_missed_meeting_is_still_a_summons():
    text = (HEAD + "Ny tid til samtale\n\nKære Ali\n\nDu kom ikke til samtalen den 3. marts. Derfor har vi givet dig "
            "en ny tid.\n\nKom til samtale tirsdag den 10. marts kl. 10.00 i Jobcenter Åby, Stationsvej 2. Kan du "
            "ikke komme, så ring til mig." + SIGN)
    assert genre(text) == "indkaldelse"


# --- 1b. a decision on the reader's complaint, partly upheld ------------------------------------------------------

COMPLAINT = (HEAD + "Din klage over to gebyrer for ekstra tømning: Vi sletter det ene gebyr\n\nKære Mona Berg\n\n"
             "Tak for din klage af 2. april over to gebyrer for ekstra tømning. Du får delvis medhold. Vi sletter "
             "gebyret fra den 3. marts. Gebyret fra den 17. marts på 250 kr. skal du stadig betale.\n\n"
             "Gebyret fra den 3. marts er slettet\nSkraldebilen kom ikke forbi den dag, og derfor skal du ikke "
             "betale.\n\nGebyret fra den 17. marts er fastholdt\nBilledet fra chaufføren viser, at containeren stod "
             "inde i gården. Derfor fastholder vi gebyret." + SIGN)


def test_a_decision_on_the_readers_complaint_is_a_decision():
    assert genre(COMPLAINT) == "afgoerelse"


def test_a_complaint_in_the_subject_line_is_not_the_appeal_guide(nlp):
    # the partial refusal stands under a subject line about the complaint: it still needs its rules (§ 24)
    assert len(findings(nlp, COMPLAINT, "genre.afgoerelse-regler")) == 1


def test_a_real_appeal_guide_after_a_complaint_subject_still_counts(nlp):
    text = COMPLAINT.replace(SIGN, " Det står i kommunens affaldsregulativ." + SIGN) + (
        "\nKlagevejledning\nDu kan klage over afgørelsen til Miljøklagenævnet. Send klagen via Klageportalen senest "
        "4 uger efter, at du har fået brevet.\n")
    report = analyse(text, nlp=nlp)
    assert report.genre == "afgoerelse"
    assert not [f for f in report.findings if f.rule in ("genre.klagevejledning", "genre.klagefrist",
                                                          "genre.afgoerelse-regler")]


# --- 2. an offer of a home or a place that must be answered -------------------------------------------------------

@pytest.mark.parametrize("text", [
    HEAD + "Tilbud om ældrebolig\n\nKære Inger Holm\n\nDe tilbydes en ældrebolig i Solgården, Kirkevej 12, lejlighed "
    "3, fra den 1. juni 2026. Huslejen er 6.900 kr. om måneden.\n\nTilbuddet skal accepteres senest den 10. maj 2026. "
    "Ring til mig på 70 11 22 33, hvis De vil sige ja." + SIGN,
    HEAD + "Jonas kan begynde i Fritidsklubben Kastanjen\n\nKære Mette og Lars\n\nVi er glade for at kunne tilbyde "
    "Jonas en plads i Fritidsklubben Kastanjen fra den 1. august. Svar os senest den 15. juni, om I vil tage imod "
    "pladsen." + SIGN,
])
def test_an_offer_to_answer_by_a_deadline_is_a_decision(text):
    assert genre(text) == "afgoerelse"


# --- 3. a bill for something new is no reminder --------------------------------------------------------------------

BILL = (HEAD + "Regning for skolecomputer\n\nKære Susanne Lind\n\nEmils skolecomputer skulle have været afleveret den "
        "20. juni. Vi har sendt jer to påmindelser, men vi har ikke fået computeren tilbage.\n\nDerfor opkræver vi "
        "erstatning på 4.500 kr. Betal beløbet senest den 15. august til reg.nr. 1234, kontonr. 5678901.\n\nFinder I "
        "computeren, så aflever den på skolen, så sletter vi regningen." + SIGN)


def test_a_bill_for_something_not_returned_is_a_bill():
    assert genre(BILL) == "opkraevning"


def test_a_bill_without_a_label_is_a_bill_too():
    assert genre(BILL.replace("Regning for skolecomputer", "Erstatning for Emils skolecomputer")) == "opkraevning"


@pytest.mark.parametrize("text", [
    # a reminder of the earlier bill: the payment itself is overdue
    HEAD + "Påmindelse om betaling for skolecomputer\n\nKære Susanne Lind\n\nVi har ikke modtaget betaling for "
    "regningen af 1. juli på 4.500 kr. for Emils skolecomputer. Betal beløbet senest den 15. august til reg.nr. 1234, "
    "kontonr. 5678901." + SIGN,
    # the same with a bill's word in the subject line: it says the bill is not paid
    HEAD + "Regning for skolecomputer er ikke betalt\n\nKære Susanne Lind\n\nVi opkrævede 4.500 kr. den 1. juli, men vi "
    "har endnu ikke modtaget betalingen. Betal senest den 15. august til reg.nr. 1234, kontonr. 5678901." + SIGN,
])
def test_a_real_reminder_of_a_bill_stays_a_reminder(text):
    assert genre(text) == "paamindelse"


# --- information that tells of a decision made earlier -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    HEAD + "Ny dato for udbetaling af dit helbredstillæg\n\nKære Ole Bak\n\nI marts fik du medhold i din klage over "
    "helbredstillægget. Fra 1. juni udbetaler vi tillægget sammen med din pension den sidste hverdag i måneden. Du "
    "skal ikke gøre noget." + SIGN,
    HEAD + "Vejen ved skolen er lukket i uge 12\n\nKære forældre\n\nKommunen har tidligere fastsat nye regler for "
    "kørsel ved skolen. I uge 12 lægger vi ny asfalt, og vejen er lukket. Børnene kan gå ind ad lågen ved hallen."
    + SIGN,
])
def test_information_that_tells_of_an_earlier_decision_stays_information(text):
    assert genre(text) == "orientering"


# --- 4. rules: a topic is no rule, and the example law fits the area ---------------------------------------------

REFUSAL = (HEAD + "Du kan ikke få forlænget dit ressourceforløb\n\nKære Tina Juul\n\nDu kan ikke få forlænget dit "
           "ressourceforløb, fordi din læge skriver, at du er klar til at arbejde 15 timer om ugen. {rule}" + SIGN +
           "\nKlagevejledning\nDu kan klage til Ankestyrelsen. Send klagen til os senest 4 uger efter, at du har "
           "fået brevet.\n")


@pytest.mark.parametrize("rule", [
    "Det følger af reglerne om ressourceforløb.",
    "Vi har set på reglerne for forlængelse.",
])
def test_rules_named_only_by_their_topic_are_no_rules(nlp, rule):
    assert len(findings(nlp, REFUSAL.format(rule=rule), "genre.afgoerelse-regler")) == 1


@pytest.mark.parametrize("rule", [
    "Det følger af reglerne i lov om aktiv beskæftigelsesindsats.",
    "Det står i kommunens regler for ressourceforløb.",
])
def test_rules_in_a_named_source_are_rules(nlp, rule):
    assert findings(nlp, REFUSAL.format(rule=rule), "genre.afgoerelse-regler") == []


@pytest.mark.parametrize("subject,body,law", [
    ("Du får ikke helbredstillæg til fysioterapi", "Du kan ikke få helbredstillæg til fysioterapi, fordi din formue "
     "er for stor.", "lov om social pension"),
    ("Du får ikke en ny kørestol", "Du kan ikke få en ny kørestol, fordi din nuværende kørestol passer til dig.",
     "lov om social service § 112"),
    ("Afslag på økonomisk friplads", "I kan ikke få økonomisk friplads i børnehaven, fordi jeres indkomst er over "
     "grænsen.", "dagtilbudsloven"),
])
def test_the_example_law_fits_the_letters_area(nlp, subject, body, law):
    text = HEAD + f"{subject}\n\nKære Bo Lund\n\n{body}" + SIGN
    found = findings(nlp, text, "genre.afgoerelse-regler", "afgoerelse")
    assert len(found) == 1
    assert law in found[0].message
    assert law == "lov om social service § 112" or "§ 112" not in found[0].message


def test_no_law_is_named_when_the_area_is_unknown(nlp):
    text = (HEAD + "Du får ikke tilskud til lejrskolen\n\nKære Bo Lund\n\nDu kan ikke få tilskud til lejrskolen, fordi "
            "puljen er brugt." + SIGN)
    found = findings(nlp, text, "genre.afgoerelse-regler", "afgoerelse")
    assert len(found) == 1
    assert "lov om" not in found[0].message and "§ 112" not in found[0].message


# --- 5. a time and place further down are late, not missing ------------------------------------------------------

def test_a_time_and_place_in_the_second_paragraph_are_late_not_missing(nlp):
    text = (HEAD + "Vi vil gerne tale med dig om din praktik\n\nKære Sara\n\nJeg hedder Lone, og jeg er din "
            "kontaktperson i Ungeenheden. Jeg kan se, at du er stoppet i din praktik, og jeg vil gerne høre, hvordan "
            "det går.\n\nVi har skrevet til dig to gange. Kom til en samtale onsdag den 18. marts kl. 13.00 på "
            "Torvegade 9.\n\nHar du spørgsmål, så skriv til mig." + SIGN)
    found = findings(nlp, text, "genre.indkaldelse-tid-sted", "indkaldelse")
    assert len(found) == 1
    assert "længere nede" in found[0].message and "siger ikke" not in found[0].message


def test_an_invitation_without_time_and_place_still_lacks_them(nlp):
    text = (HEAD + "Vi vil gerne tale med dig om din praktik\n\nKære Sara\n\nJeg hedder Lone, og jeg er din "
            "kontaktperson i Ungeenheden. Jeg vil gerne høre, hvordan det går i din praktik.\n\nKom til en samtale "
            "om din praktik. Skriv til mig, så finder vi en tid sammen." + SIGN)
    found = findings(nlp, text, "genre.indkaldelse-tid-sted", "indkaldelse")
    assert len(found) == 1
    assert "siger ikke tydeligt" in found[0].message
