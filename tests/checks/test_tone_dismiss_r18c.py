"""Tone rules, round 18c (blind review 19's kold-afvisning misses, in shapes of our own from other areas): the
reader's own account, reason or circumstance set aside with no reason of substance and no way on ("Din forklaring …
ændrer ikke på noget", "… kan ikke tillægges betydning", "… kan vi ikke bruge til noget", "… er ikke en gyldig grund",
"… er ikke noget, vi kan tage hensyn til"), and a bare no to the reader's own request in a letter whose reason is for
something else. Each next to hard negatives where the same words reassure, give a reason, quote the law or offer a way
on. The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest


HEAD = "Nordby Kommune\nBorgerservice\nTorvet 3, 4900 Nordby\n\n"
PERSON_END = "\n\nMed venlig hilsen\n\nKaren Holm\nSagsbehandler\nTlf. 44 55 66 77"


def letter(*paragraphs: str) -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + PERSON_END


def _on(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words.lower() in f[1].lower()]


OPEN = "Vi har behandlet din ansøgning om tilskud til briller, og du får et tilskud på 800 kr., fordi din indtægt er under grænsen."
OPEN_DE = ("Vi har behandlet Deres klage over parkeringsafgiften, og vi fastholder afgiften, fordi bilen holdt i en "
           "zone med forbud mod parkering.")


@pytest.mark.parametrize("text,words", [
    (letter(OPEN_DE, "Deres bemærkninger om de manglende skilte ændrer ikke herved."), "ændrer ikke herved"),
    (letter(OPEN, "Din forklaring om, at optikeren var lukket i juli, ændrer ikke på noget."), "ændrer ikke på noget"),
    (letter(OPEN_DE, "Det, De skriver om Deres arbejdstider, kan ikke tillægges betydning i sagen."), "tillægges"),
    (letter(OPEN, "At din datter også bruger briller, kan ikke tillægges vægt."), "tillægges vægt"),
    (letter(OPEN, "Dine oplysninger om lægens anbefaling kan vi ikke bruge til noget."), "bruge til noget"),
    (letter(OPEN, "Din søns sygdom er ikke en gyldig grund til at aflevere ansøgningen for sent."), "gyldig grund"),
    (letter(OPEN_DE, "De har skrevet til os om Deres ryg. Det er ikke noget, vi kan tage hensyn til."),
     "tage hensyn til"),
    (letter(OPEN_DE, "Deres indsigelse må anses for irrelevant for sagen."), "irrelevant"),
    (letter(OPEN, "Din forklaring om den syge hund er uden betydning for afgørelsen."), "uden betydning"),
])
def test_the_readers_account_set_aside_bare_is_a_cold_refusal(tone_findings, text, words):
    assert _on(tone_findings(text), "kold-afvisning", words)


@pytest.mark.parametrize("text", [
    # good news in the same words
    letter(OPEN, "At du kom for sent til mødet, har ingen betydning for din ydelse."),
    letter(OPEN, "Din indtægt i januar har ikke betydning for beregningen, fordi vi kun ser på indtægten i december."),
    letter(OPEN, "Du er flyttet til en ny adresse. Det ændrer ikke på, at du fortsat kan få hjælp til rengøring."),
    letter(OPEN, "Din forklaring ændrer ikke noget ved din ret til tilskud."),
    letter(OPEN, "Vi har lagt vægt på lægens erklæring, og dit helbred har derfor haft stor betydning for afgørelsen."),
    # a reason of substance in the sentence or the next one
    letter(OPEN_DE, "Deres bemærkninger om skiltene ændrer ikke herved, fordi skiltet står ved indkørslen til zonen."),
    letter(OPEN_DE, "Deres bemærkninger om skiltene ændrer ikke på afgørelsen. Det skyldes, at skiltet står ved "
                    "indkørslen til zonen, og det var tydeligt at se den dag."),
    letter(OPEN, "Din forklaring om ferien kan derfor ikke tillægges betydning."),
    # understanding and a way on
    letter(OPEN, "Vi forstår godt, at du var syg, men det kan ikke tillægges betydning i sagen."),
    letter(OPEN, "Din søns sygdom er ikke en gyldig grund til at aflevere for sent, men du kan søge om dispensation, "
                 "hvis du sender en lægeerklæring."),
    letter(OPEN, "Dine oplysninger om lægens anbefaling kan vi ikke bruge til noget. Du kan i stedet sende os "
                 "erklæringen fra lægen, så ser vi på den."),
    # a rule about anyone, quoted law, a condition
    letter(OPEN, "Ferie er ikke en gyldig grund til at udeblive fra et aftalt forløb."),
    letter(OPEN, "Hvis din forklaring ikke er en gyldig grund, skriver vi til dig igen."),
    letter(OPEN, "Efter loven er arbejdsgiverens forhold uden betydning for sagen, jf. § 12."),
    # not the reader's account
    letter(OPEN, "Det gamle skema kan vi ikke bruge til noget, så brug det nye på kommunens hjemmeside."),
])
def test_the_same_words_reassuring_or_with_a_reason_are_no_cold_refusal(tone_findings, text):
    assert not [f for f in tone_findings(text) if f[0] == "kold-afvisning"]


DECIDED_FIRST = ("Vi har besluttet at nedsætte din boligstøtte med 400 kr. om måneden fra 1. marts, fordi din husstand har "
                 "fået en højere indtægt.")


def test_a_bare_no_to_the_readers_request_after_another_decision(tone_findings):
    # the request's own purpose (", så du kan …") is no reason for the no; the decision's reason is for the decision
    text = letter(DECIDED_FIRST, "Du har ringet til os den 3. februar.",
                  "Din anmodning om at beholde det gamle beløb til sommerferien, så du kan betale din el-regning, "
                  "er afvist.", "Det nye beløb bliver udbetalt den 1. marts.")
    assert _on(tone_findings(text), "kold-afvisning", "anmodning om at beholde")


@pytest.mark.parametrize("last", [
    "Din anmodning om at beholde det gamle beløb til sommerferien, så du kan betale din el-regning, er afvist, fordi "
    "reglerne ikke giver os mulighed for at vente.",
    "Din anmodning om at beholde det gamle beløb til sommerferien, så du kan betale din el-regning, er afvist. Du kan "
    "i stedet søge om en enkeltydelse hos os.",
    # the same thing as the decision: its reason is the no's reason
    "Din anmodning om at få boligstøtten udbetalt som før, så du kan betale din el-regning, er afvist.",
])
def test_a_no_to_the_request_with_its_reason_help_or_the_same_topic_stays_quiet(tone_findings, last):
    text = letter(DECIDED_FIRST, "Du har ringet til os den 3. februar.", last,
                  "Det nye beløb bliver udbetalt den 1. marts.")
    assert not _on(tone_findings(text), "kold-afvisning", "anmodning")


# ---------------------------------------------------------------- kommando: a service for the reader's meeting refused

MEETING = "Du er indkaldt til samtale om din plan tirsdag den 4. marts kl. 10 på rådhuset."


@pytest.mark.parametrize("refusal", [
    "Der bestilles ikke tolk til samtalen.",
    # an expectation of the reader is no reason
    "Der bestilles ikke tolk til samtalen, da du efter to år i Danmark må forventes at tale dansk.",
    "Der bestilles ikke tolkebistand til mødet.",
])
def test_a_service_for_the_readers_meeting_refused_bare_is_a_command(tone_findings, refusal):
    assert _on(tone_findings(letter(MEETING, refusal)), "kommando", "Der ")


@pytest.mark.parametrize("refusal", [
    "Der bestilles ikke tolk til samtalen, fordi du har skrevet, at du ikke har brug for det.",
    "Der bestilles ikke tolk til samtalen, men ring til os, hvis du gerne vil have en.",
    "Der bestilles ikke tolk, da samtalen foregår på arabisk med en medarbejder, der taler arabisk.",
    "Der bestilles tolk til samtalen.",
    "Der stilles ikke transport til rådighed til mødet. Du kan i stedet få dækket dine udgifter til bus.",
    "Der gives ikke ledsagelse til samtalen, fordi du selv kan tage bussen, og vi betaler billetten.",
])
def test_a_service_refused_with_a_reason_or_a_way_on_is_no_command(tone_findings, refusal):
    assert not [f for f in tone_findings(letter(MEETING, refusal)) if f[0] == "kommando"]
