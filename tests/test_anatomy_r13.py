"""Session 13: the anatomy of letters to "De" and "I", long addressee lines, how-to sub-headings, a whole sentence
under the subject line, and where the appeal guide starts and ends.

The letters are written for these tests (invented places, names and numbers). No spaCy needed.
"""
from __future__ import annotations

import pytest

from letterlab.anatomy import read_anatomy


def kinds_of(text: str) -> dict[str, list[str]]:
    a = read_anatomy(text)
    out: dict[str, list[str]] = {}
    for p in a.parts:
        out.setdefault(p.kind, []).append(" ".join(text[p.start:p.end].split()))
    return out


def kind_of_line(text: str, needle: str) -> str:
    return read_anatomy(text).kind_at(text.index(needle))


HEAD = """Syddjurs Kommune
Natur og Miljø
Lundbergsvej 2
8400 Ebeltoft

{recipient}

Dato: 12. oktober 2026

Vi renser Rodskov Bæk i uge 46
"""

WORKS = """
Vi skal rense Rodskov Bæk fra mandag den 9. november 2026. Arbejdet tager cirka en uge.

Hvad betyder det for jer?
I kan ikke bruge stien langs bækken, mens vi arbejder. Vi sætter skilte op ved stien.
"""

SIGN = """
Med venlig hilsen

Lone Friis
Vandløbsteamet
"""


@pytest.mark.parametrize("recipient", [
    "Til ejere og beboere i Rodskov, Skørring og Nødager",
    "Til grundejere og lejere langs Rodskov Bæk og Kolindsund Kanal",
    "Til Mette og Lars Holm",
])
def test_a_long_addressee_line_is_the_recipient(recipient):
    text = HEAD.format(recipient=recipient) + WORKS + SIGN
    assert kind_of_line(text, recipient) == "recipient"
    assert kinds_of(text)["letterhead"] == ["Syddjurs Kommune Natur og Miljø Lundbergsvej 2 8400 Ebeltoft"]


@pytest.mark.parametrize("subject", [
    # hard negatives: a subject line that starts with "Til" and a full sentence are not addressee lines
    "Til og fra Rosmus Skole kører bussen nu hver time",
    "Til Jonas' fødselsdag i klubben må I gerne tage kage med.",
])
def test_a_subject_starting_with_til_is_not_an_addressee(subject):
    text = HEAD.format(recipient="Til Mette og Lars Holm").replace("Vi renser Rodskov Bæk i uge 46", subject) + WORKS + SIGN
    assert kind_of_line(text, subject) != "recipient"


@pytest.mark.parametrize("heading,opening", [
    ("Sådan klager De", "De kan klage over afgørelsen til Miljø- og Fødevareklagenævnet."),
    ("Sådan klager I", "I kan klage over afgørelsen til Miljø- og Fødevareklagenævnet."),
    ("Hvis De vil klage", "Klagen skal sendes via Klageportalen."),
])
def test_appeal_heading_to_de_or_i_is_the_appeal_guide(heading, opening):
    text = HEAD.format(recipient="Til ejere og beboere i Rodskov") + WORKS + f"""
{heading}

{opening} Send klagen via Klageportalen senest 4 uger efter, at De har fået brevet.
""" + SIGN
    assert kind_of_line(text, heading) == "appeal"
    assert kind_of_line(text, opening) == "appeal"
    assert kind_of_line(text, "Hvad betyder det for jer?") == "subheading"


@pytest.mark.parametrize("closing", [
    "Har I spørgsmål, er I velkomne til at ringe til mig på telefon 87 53 50 00.",
    "Har De spørgsmål til brevet, kan De ringe til mig på telefon 87 53 50 00.",
    "Hvis I har spørgsmål, kan I skrive til os på natur@syddjurs.dk.",
])
def test_a_contact_offer_after_the_guide_ends_it(closing):
    text = HEAD.format(recipient="Til ejere og beboere i Rodskov") + WORKS + f"""
Klagevejledning

I kan klage over afgørelsen til Miljø- og Fødevareklagenævnet. Send klagen via Klageportalen senest 4 uger efter, at I har fået brevet.

{closing}
""" + SIGN
    assert kind_of_line(text, "I kan klage over") == "appeal"
    assert kind_of_line(text, closing) == "body"


@pytest.mark.parametrize("opening", [
    "Er De uenig i afgørelsen, kan De klage til Ankestyrelsen.",
    "Hvis I ikke er enige i afgørelsen, kan I klage til Ankestyrelsen.",
])
def test_the_guide_starts_at_its_first_paragraph(opening):
    text = """Lemvig Kommune
Ældre og Sundhed

Du får ikke en ny kørestol

Kære Bodil Munk

Vi har sagt nej til din ansøgning om en ny kørestol, fordi din kørestol kan repareres. Reglerne står i lov om social service § 112.

""" + opening + """

Klagen skal sendes til os senest 4 uger efter, at du har fået brevet.

Med venlig hilsen

Rasmus Kjær
"""
    assert kind_of_line(text, opening) == "appeal"
    assert kind_of_line(text, "Klagen skal sendes") == "appeal"
    assert kind_of_line(text, "Vi har sagt nej") == "body"


def test_a_whole_sentence_under_the_subject_is_not_a_second_heading():
    sentence = ("Din restskat til kommunen sendes til inddrivelse hos Gældsstyrelsen, og der kan blive foretaget "
                "modregning i din boligstøtte.")
    text = f"""Vordingborg Kommune
Borgerservice

3. december 2026

Din restskat er sendt til inddrivelse

{sentence}

Kære Jens Olsen

Du skylder kommunen 4.312 kr. for ejendomsskat. Vi har sendt to rykkere, men vi har ikke fået pengene.

Med venlig hilsen

Bo Ravn
"""
    assert kinds_of(text)["subject"] == ["Din restskat er sendt til inddrivelse"]
    assert kind_of_line(text, sentence) == "body"


@pytest.mark.parametrize("subject", [
    # hard negatives: two short subject lines, and a subject line that is a sentence on its own, stay subjects
    ["Påbud", "Du skal fjerne bilerne fra grunden senest den 1. marts 2027"],
    ["Din restskat er sendt til inddrivelse, og du skal betale 4.312 kr. senest den 1. februar 2027."],
    ["Påbud", "Du skal fjerne de to biler fra grunden senest den 1. marts 2027, fordi de står ulovligt."],
])
def test_subject_lines_stay_subjects(subject):
    text = "Vordingborg Kommune\nBorgerservice\n\n3. december 2026\n\n" + "\n".join(subject) + """

Kære Jens Olsen

Du skylder kommunen 4.312 kr. for ejendomsskat. Vi har sendt to rykkere, men vi har ikke fået pengene.

Med venlig hilsen

Bo Ravn
"""
    assert kinds_of(text)["subject"] == [" ".join(subject)]


@pytest.mark.parametrize("heading,lead_in", [
    ("Sådan betaler du", False),
    ("Sådan søger De", False),
    ("Til mødet skal du", True),       # a lead-in above a list stays body
])
def test_a_how_to_heading_is_a_subheading(heading, lead_in):
    body = ("- dit sygesikringskort\n- din medicinliste" if lead_in else
            "Du kan betale beløbet med MobilePay eller bankoverførsel. Husk at skrive dit kundenummer.")
    text = f"""Hedensted Kommune

Du skylder 4.312 kr. for ejendomsskat

Kære Jens Olsen

Du skylder kommunen 4.312 kr. for ejendomsskat, og fristen er overskredet.

{heading}
{body}

Med venlig hilsen

Bo Ravn
"""
    assert kind_of_line(text, heading) == ("body" if lead_in else "subheading")
