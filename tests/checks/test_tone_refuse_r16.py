"""Tone rules, round 16: cold refusals whose "reason" was another sentence's, cold absolutes and commands without a
reason, and blame told as a habit. Our own letters from other areas (hjemmepleje, kollegieværelse, boligstøtte,
idræt, parkering, vandforsyning), each next to hard negatives that reuse the same words. The real pipeline with the
learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from tone_families import families  # noqa: F401  (the fixture)

HEAD = "Roskilde Kommune\nBorgerservice\nKøgevej 80, 4000 Roskilde\n\n"
END = "\n\nMed venlig hilsen\n\nMette Lund\nSagsbehandler"


def letter(*paragraphs: str, greeting: str = "Kære Jonas Madsen") -> str:
    return HEAD + greeting + "\n\n" + "\n\n".join(paragraphs) + END


# ---------------------------------------------------------------- kold-afvisning: the reason must be the refusal's

@pytest.mark.parametrize("text", [
    # the only "fordi" stands under a heading of another topic
    letter("Du har søgt om hjemmehjælp til indkøb.", "Ansøgningen om hjælp til indkøb er afslået.",
           "Vaskehjælp\nDu har flere gange glemt at stille tøjet frem. Vi skal have tøjet klar, fordi hjælperen kun har "
           "en halv time hos dig.",
           "Ring til Anne Friis på 46 31 30 00, hvis du har spørgsmål om vasken."),
    # the only "fordi" is two paragraphs on and about something else
    letter("Tak for din ansøgning om et større kollegieværelse.",
           "Din ansøgning om et større værelse imødekommes ikke.",
           "Husk at betale huslejen den 1. i måneden. Ring til os på 46 31 30 00, hvis du har spørgsmål om huslejen.",
           "Kollegiet holder lukket i uge 30, fordi vi skal male gangene."),
    # the next paragraph's "da" is a time in another story
    letter("Du har søgt om en plads på holdet i svømning for voksne.", "Ansøgningen om en plads på holdet er afslået.",
           "Du var ikke i hallen, da vi holdt prøvetræning. Holdet træner om mandagen kl. 19.",
           "Ring til os på 46 31 30 00, hvis du vil have en tid i svømmehallen."),
    # "Der bevilges ikke X" in a letter about the reader's application for X, with a "på grund af" only in an offer
    letter("Vi har behandlet din ansøgning om boligstøtte.", "Der bevilges ikke boligstøtte på nuværende tidspunkt.",
           "Lønsedler modtages kun digitalt.",
           "Hvis du ikke kan finde din lønseddel, for eksempel på grund af et nyt job, så ring til os på 46 31 30 00."),
])
def test_refusal_without_its_own_reason_is_cold(families, text):
    assert "kold-afvisning" in families(text)


def test_asked_for_refusal_is_no_command(families):
    text = letter("Vi har behandlet din ansøgning om boligstøtte.", "Der bevilges ikke boligstøtte på nuværende tidspunkt.",
                  "Ring til os på 46 31 30 00, hvis du har spørgsmål.")
    assert "kommando" not in families(text)


@pytest.mark.parametrize("text", [
    letter("Vi kan desværre ikke give dig tilskud til træningsudstyret, fordi udstyret ikke er et hjælpemiddel efter "
           "loven.", "Ring til os på 46 31 30 00, hvis du har spørgsmål."),
    # the reason in the next paragraph under a heading that promises it
    letter("Din ansøgning om boligstøtte er afslået.",
           "Derfor får du ikke boligstøtte\nDin indtægt er 30.000 kr. højere end grænsen for din husstand. Vi har regnet "
           "med din løn fra januar til marts.", "Du kan søge igen, hvis din indtægt falder."),
    letter("Din ansøgning om et værelse på Kollegiet Åsen er afslået.",
           "Begrundelse\nVi har kun værelser til studerende, og du er ikke tilmeldt et studie i år. Vi har lagt vægt på "
           "brevet fra dit studie.", "Ring til os på 46 31 30 00, hvis du har spørgsmål."),
    # the reason in the next paragraph, no heading
    letter("Din ansøgning om tilskud til en ny vandboring er afslået.",
           "Vi giver kun tilskud, hvor der ikke er offentlig vandforsyning. Din grund ligger ved en vandledning, og derfor "
           "kan du få vand fra værket.",
           "Ring til os på 46 31 30 00, hvis du har spørgsmål."),
    letter("Din ansøgning om et større værelse imødekommes ikke.",
           "Vi har ingen ledige værelser med to rum i år, og ventelisten er lang. Vi ved, at du gerne vil have mere plads, "
           "så du kan skrive dig op til næste år.", "Ring til os på 46 31 30 00, hvis du har spørgsmål."),
    # another offer
    letter("Vi kan ikke give dig en plads på svømmeholdet om mandagen.",
           "Du kan i stedet få en plads på holdet om torsdagen, hvor der er ledige pladser."),
    # a causal "da" in the next paragraph
    letter("Din ansøgning om hjælp til rengøring er afslået.",
           "Da du selv kan støvsuge og vaske gulv, kan du klare rengøringen uden os.",
           "Ring til os på 46 31 30 00, hvis du har spørgsmål."),
])
def test_refusal_with_its_reason_or_an_offer_is_not_cold(families, text):
    assert "kold-afvisning" not in families(text)


# ---------------------------------------------------------------- kommando: cold absolutes

@pytest.mark.parametrize("text", [
    # a time that cannot be moved; the "fordi" in the next paragraph is about something else
    letter("Din tid til genoptræning er den 3. maj kl. 9.", "Tider kan ikke ændres.",
           "Vi træner ryggen, fordi du har haft ondt længe."),
    letter("Du har købt et årskort til svømmehallen.", "Kortet kan ikke refunderes.", "Svømmehallen har åbent alle dage."),
    letter("Vi har modtaget din opsigelse af parkeringslicensen.", "Opsigelsen kan ikke tilbagekaldes.",
           "Licensen stopper den 1. juni."),
    letter("Du får hjælp til rengøring hver anden uge.", "Hjemmehjælperen udfører under ingen omstændigheder havearbejde.",
           "Hjælperen kommer om tirsdagen."),
])
def test_cold_absolute_is_an_order(families, text):
    assert "kommando" in families(text)


@pytest.mark.parametrize("text", [
    letter("Tiden kan ikke flyttes, fordi lægen kun er her om tirsdagen. Ring, hvis du ikke kan komme, så finder vi en "
           "løsning."),
    letter("Tiden kan ikke flyttes.", "Det er fordi lægen kun er her om tirsdagen."),
    letter("Kortet kan ikke refunderes, men du kan give det videre til en anden."),
    letter("Beløbet refunderes ikke automatisk.", "Du skal søge om det på vores hjemmeside."),
    letter("Din bevilling kan ikke tilbagekaldes, selv om du flytter til en anden bolig i kommunen."),
    letter("Personalet efterlader under ingen omstændigheder børnene alene på turen."),
    letter("Det kan ikke ændres.", "Vi har spurgt Vejdirektoratet, og de ejer vejen."),
])
def test_absolute_with_reason_or_way_on_is_no_order(families, text):
    assert "kommando" not in families(text)


# ---------------------------------------------------------------- bebrejdelse: the fault as a habit

def test_fault_as_habit_without_at_is_blame(families):
    text = letter("Det er ikke første gang, De afleverer skemaet for sent.", "Skemaet skal være her den 5. i måneden.",
                  greeting="Kære Erik Holm")
    assert "bebrejdelse" in families(text)


@pytest.mark.parametrize("text", [
    letter("Det er ikke første gang, vi skriver om denne ordning, så du kender måske allerede reglerne.",
           "Fra 1. maj kan du også parkere på pladsen ved hallen."),
    letter("Det er ikke første gang, du søger om tilskud til idræt, og vi er glade for, at du bruger ordningen."),
    letter("Tak, fordi du har reageret på vores brev.", "Vi har nu rettet din adresse."),
    letter("Forsyningen har sendt dig en regning på 1.200 kr., som du ikke skal betale, hvis du har fået en ny måler."),
])
def test_habit_words_without_fault_are_no_blame(families, text):
    assert "bebrejdelse" not in families(text)


@pytest.mark.model
def test_a_refusal_with_an_order_to_go_elsewhere_next_is_no_dead_end(nlp):
    # blind review 16a: "X kan ikke ændre Y. Kontakt i stedet Z." points the way on at once
    from letterlab.core import analyse
    text = ("Din vandafgift for 2026\n\nKære Ole Berg\n\nDe skal betale 2.400 kr. i vandafgift for 2026. Vi har "
            "beregnet beløbet ud fra målerens tal.\n\nHvis De mener, at målerens tal er forkert\nKommunen kan ikke "
            "ændre aflæsningen. Kontakt i stedet Måleservice på maaler.dk.\n\nDe er velkommen til at ringe til mig "
            "på 72 34 50 31.\n\nMed venlig hilsen\nAnne Holm\n")
    assert [f for f in analyse(text, nlp=nlp).findings if f.rule == "anerkendende-tone.kold-afvisning"] == []
