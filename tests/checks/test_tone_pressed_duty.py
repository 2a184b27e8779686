"""Kommando: a duty on the reader made absolute by the writer's own intensifier ("under alle omstændigheder", "uanset
hvad", "hver dag og til tiden", "…, også når han siger nej") or closed to any leeway in the same sentence ("…, og der
gives ingen ny frist", "…, og bussen venter ikke"), with no reason and no help or way out. Our own sentences from
other areas, each next to hard negatives where the same words come with a reason, a condition, a way out, a wait told
or a burden spared. The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest


HEAD = "Nordby Kommune\nBorgerservice\nTorvet 3, 4900 Nordby\n\n"
END = "\n\nMed venlig hilsen\n\nKaren Holm\nSagsbehandler\nTlf. 44 55 66 77"


def letter(*paragraphs: str) -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + END


def _on(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words.lower() in f[1].lower()]


@pytest.mark.parametrize("text,words", [
    (letter("Vi har modtaget din ansøgning om tilskud til foreningen.",
            "De skal under alle omstændigheder sende regnskabet inden den 1. april."), "under alle omstændigheder"),
    (letter("Du er visiteret til et praktikforløb på genbrugspladsen fra den 2. juni.",
            "Du skal møde i praktikken hver dag og til tiden."), "hver dag og til tiden"),
    (letter("Lægen har ordineret medicin til Emil mod hans astma.",
            "I skal sørge for, at Emil tager sin medicin, også når han siger nej."), "også når han siger nej"),
    (letter("Du er godkendt til kørsel til genoptræning på Nordby Sygehus.",
            "Du skal være klar ved døren kl. 7.45, og bussen venter ikke."), "bussen venter ikke"),
    (letter("Vi mangler stadig dit skema om økonomisk friplads til fritidshjemmet.",
            "Du skal aflevere skemaet senest mandag, og der gives ingen ny frist."), "der gives ingen ny frist"),
    (letter("Kommunen har givet dig lov til at opstille en container på vejen.",
            "Du skal holde fortovet ved containeren ryddet uanset hvad."), "uanset hvad"),
    # help on another matter in the next paragraph does not soften the duty
    (letter("Du skal under alle omstændigheder være til stede ved tilsynet den 4. maj.",
            "Vi kan også hjælpe dig med at søge om boligstøtte."), "under alle omstændigheder"),
])
def test_a_duty_made_absolute_or_closed_to_leeway_is_a_command(tone_findings, text, words):
    assert _on(tone_findings(text), "kommando", words)


@pytest.mark.parametrize("text", [
    letter("Du skal altid have dit sygesikringskort med, fordi lægen skal kunne se det."),
    letter("Ring straks til os, hvis du får feber efter vaccinationen."),
    letter("Du skal møde præcis kl. 9, så vi kan nå hele testen."),
    letter("Vi venter ikke med at udbetale pengene, når vi har fået dine lønsedler."),
    letter("Du skal møde på Jobcentret, Torvet 3, mandag den 4. marts kl. 10. Passer tiden ikke, så ring til os på "
           "44 55 66 77, så finder vi en ny."),
    letter("Du får under alle omstændigheder svar fra os inden to uger."),
    letter("Du skal under alle omstændigheder ikke betale noget for besøget."),
    letter("Du skal tage medicinen hver dag, også når du har det godt, for ellers kan sygdommen komme tilbage."),
    letter("Du skal hente dit barn senest kl. 16, og pædagogerne venter ikke længere end til kl. 16.15."),
    letter("Derfor skal du under alle omstændigheder søge om førtidspension."),
    letter("Du skal møde på holdet hver dag og til tiden, så du ikke mister din plads."),
    letter("Du skal under alle omstændigheder give os besked, hvis din indtægt ændrer sig."),
    letter("Du skal møde hver dag og til tiden. Hvis du bliver syg, så ring til din kontaktperson inden kl. 8."),
    letter("I skal sørge for, at Sara kommer i skole hver dag, også når hun har det svært. Vi hjælper gerne, og I kan "
           "altid ringe til hendes lærer."),
    letter("Du skal under alle omstændigheder være til stede den 4. maj.",
           "Hvis du er forhindret, så ring til os, så finder vi en anden dag."),
    letter("Vi skal under alle omstændigheder have dine lønsedler, før vi kan beregne din boligstøtte."),
])
def test_the_same_words_with_a_reason_or_a_way_out_are_no_command(tone_findings, text):
    assert not [f for f in tone_findings(text) if f[0] == "kommando"]
