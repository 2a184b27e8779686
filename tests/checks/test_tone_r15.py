"""Tone rules, round 15: the shapes a blind editor found missed, in our own sentences and letters (other areas,
du, De and I form), each next to hard negatives that reuse the same words. The real pipeline with the learned model
switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from tone_families import families  # noqa: F401  (the fixture)

HEAD = "Greve Kommune\nSocial og Sundhed\nRådhusholmen 10, 2670 Greve\n\n"
END = "\n\nMed venlig hilsen\n\nAnne Berg\nSagsbehandler"


def letter(*paragraphs: str, greeting: str = "Kære Peter Holm") -> str:
    return HEAD + greeting + "\n\n" + "\n\n".join(paragraphs) + END


# ---------------------------------------------------------------- bebrejdelse: the reader's failure as a bare fact

@pytest.mark.parametrize("text", [
    # a repeated failure with its cost to us
    letter("Du har flere gange ikke været til stede ved hjemmebesøg, hvilket har medført ekstra kørsel for hjemmeplejen.",
           "Ring til os, hvis du har spørgsmål."),
    # a neglected duty stated as a fact
    letter("I har ikke sørget for, at Mathilde havde madpakke med på turen.", "Turen går til Bakken den 3. juni.",
           greeting="Kære Ida og Ole Holm"),
    # the ignored reminders named
    letter("De har ikke betalt huslejen for marts trods tre påmindelser.", "Beløbet er 4.500 kr."),
])
def test_reader_failure_as_fact_is_blame(families, text):
    assert "bebrejdelse" in families(text)


@pytest.mark.parametrize("text", [
    letter("Vi har ikke fået dine lønsedler endnu.", "Send dem til os senest den 1. april, så vi kan beregne din ydelse."),
    letter("Du har ikke brugt hele din bevilling, hvilket giver dig 2.000 kr. tilbage.", "Dem udbetaler vi den 1. maj."),
    letter("Hvis I ikke har sørget for, at Mathilde har madpakke med, kan hun få mad i køkkenet.",
           greeting="Kære Ida og Ole Holm"),
    letter("Du har ikke været hjemme, da vi kom med maden i mandags, og vi blev bekymrede for dig.",
           "Ring til os, så vi ved, at du har det godt."),
])
def test_plain_status_is_no_blame(families, text):
    assert "bebrejdelse" not in families(text)


# ---------------------------------------------------------------- kommando: short absolutes without a reason

@pytest.mark.parametrize("text", [
    letter("Bussen til svømning venter ikke.", "Eleverne skal møde kl. 8.00 ved skolens port.",
           greeting="Kære Ida og Ole Holm"),
    letter("Fældning må på intet tidspunkt påbegyndes, før der foreligger dispensation.",
           "Du kan søge om dispensation på kommunens hjemmeside."),
])
def test_bare_absolute_is_an_order(families, text):
    assert "kommando" in families(text)


@pytest.mark.parametrize("text", [
    letter("Bussen venter 5 minutter.", "Ring til chaufføren, hvis dit barn er syg."),
    letter("Bussen venter ikke længe, fordi den skal nå at hente andre børn.", "Ring til chaufføren, hvis dit barn er syg."),
    letter("Vi deler på intet tidspunkt dine oplysninger med andre.", "Ring til os, hvis du har spørgsmål."),
])
def test_respectful_limits_are_no_order(families, text):
    assert "kommando" not in families(text)


# ---------------------------------------------------------------- belaering: two more lecturing lead-ins

@pytest.mark.parametrize("text", [
    letter("Kommunen finder anledning til at præcisere, at fremmøde til aktiviteter er en betingelse for din hjælp.",
           "Du er indkaldt til samtale den 4. maj kl. 10."),
    letter("Ansvaret for vedligehold af hegnet ligger hos Dem som ejer, hvilket De tilrådes at notere Dem.",
           "Hegnet skal være repareret inden den 1. juli."),
])
def test_lecturing_lead_in(families, text):
    assert "belaering" in families(text)


def test_occasion_to_thank_is_no_lecture(families):
    assert "belaering" not in families(letter("Kommunen finder anledning til at takke dig for din store indsats i foreningen."))


# ---------------------------------------------------------------- kold-afvisning: a bare passive refusal

@pytest.mark.parametrize("text", [
    # the refusal, then other business and a contact line whose "hvis" is no reason for it
    letter("Deres ansøgning om tilskud til briller imødekommes ikke.", "De skal fortsat sende timesedler hver måned.",
           "Ring til os, hvis De har spørgsmål."),
    letter("Anmodningen om at beholde pladsen i svømmeholdet efterkommes ikke.", "I skal aflevere nøglebrikken i "
           "receptionen.", "Ring til os, hvis I har spørgsmål.", greeting="Kære Ida og Ole Holm"),
])
def test_bare_passive_refusal_is_cold(families, text):
    assert "kold-afvisning" in families(text)


@pytest.mark.parametrize("text", [
    # the reason in plain words, in the sentence or after it (precision first: a later plain reason is enough)
    letter("Deres ansøgning om tilskud til briller imødekommes ikke, fordi Deres indtægt er over grænsen på 12.000 kr.",
           "Ring til os, hvis De har spørgsmål."),
    letter("Deres ansøgning om tilskud til briller imødekommes ikke.",
           "Vi har lagt vægt på, at Deres indtægt er over grænsen på 12.000 kr.", "Ring til os, hvis De har spørgsmål."),
    # a rule about all applications is no refusal of this one
    letter("Ansøgninger uden lægeerklæring imødekommes ikke.", "Send derfor erklæringen med, når du søger."),
])
def test_refusal_with_reason_is_not_cold(families, text):
    assert "kold-afvisning" not in families(text)
