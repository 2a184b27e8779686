"""Tone rules, round 18b (blind review 17's trussel misses and the kold-afvisning family's bare short refusals, in
shapes of our own from other areas): the reader's act re-labelled as a failure with a sanction behind it, money
forfeited on a lapse, an escalation "uden videre", a fee on a repeated mistake, each cold however much help the foot
of the letter offers; and short refusals or reductions told with no reason ("Vi afslår …", "Du får ikke tilskud til
…", "Du opfylder ikke betingelserne", "Din kørselsordning stoppes …"). Each next to hard negatives that use the same
words fairly: a reason, help right after, our own promise, a definition about anyone, the law quoted, the reader's
own account, a partial grant. The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest


HEAD = "Søby Kommune\nBorgerservice\nTorvet 3, 4900 Søby\n\n"
UNIT_END = "\n\nMed venlig hilsen\n\nBorgerservice\nSøby Kommune"
PERSON_END = "\n\nMed venlig hilsen\n\nKaren Holm\nSagsbehandler\nTlf. 44 55 66 77"
FOOT_HELP = "Har du brug for hjælp, kan du ringe til os på tlf. 44 55 66 00, så hjælper vi dig."


def letter(*paragraphs: str, end: str = PERSON_END) -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + end


# ``tone_findings``: tests/checks/conftest.py


def _on(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words.lower() in f[1].lower()]


# ---------------------------------------------------------------- trussel: cold although the foot offers help

@pytest.mark.parametrize("text,words", [
    # the act re-labelled as a failure with a sanction behind it
    (letter("Du er indkaldt til en samtale om dit praktikforløb mandag den 3. marts kl. 10.",
            "Møder du mere end et kvarter for sent, betragtes det som udeblivelse.", FOOT_HELP),
     "betragtes det som udeblivelse"),
    (letter("Vi skal bruge en udtalelse fra din egen læge om dit forløb.",
            "Underskriver du ikke fuldmagten, vil det blive betragtet som manglende medvirken.", FOOT_HELP),
     "betragtet som manglende medvirken"),
    (letter("Vi har tilbudt dig en plads på holdet i madlavning fra den 1. april.",
            "Svarer du ikke inden fredag, betragter vi det som et afslag på tilbuddet.", FOOT_HELP),
     "betragter vi det som et afslag"),
    # money forfeited on a lapse
    (letter("Vi mangler en tegning af skuret, før vi kan behandle din ansøgning om byggetilladelse.",
            "Hvis vi ikke har fået tegningen inden den 1. maj, bliver ansøgningen afvist, og gebyret refunderes ikke.",
            FOOT_HELP), "gebyret refunderes ikke"),
    (letter("Du har fået en tid til køreprøven den 4. juni.",
            "Hvis du ikke kommer til prøven, bortfalder tiden, og prøvegebyret tilbagebetales ikke.", FOOT_HELP),
     "prøvegebyret tilbagebetales ikke"),
    # an escalation "uden videre"
    (letter("Vi har givet dig påbud om at fjerne den ulovlige bålplads i haven senest den 1. juni.",
            "Efterkommes påbuddet ikke, overdrages sagen uden videre til politiet med henblik på en bøde.", FOOT_HELP),
     "uden videre til politiet"),
    # a fee on a repeated mistake
    (letter("Din container til papir blev ikke tømt i dag, fordi der lå pap ved siden af den.",
            "Ved gentagen fejlplacering opkræves et gebyr på 200 kr. pr. kørsel.", FOOT_HELP), "opkræves"),
])
def test_cold_threat_with_help_only_at_the_foot(tone_findings, text, words):
    assert _on(tone_findings(text), "trussel", words)


@pytest.mark.parametrize("text", [
    # help right after it, in the same paragraph
    letter("Du er indkaldt til en samtale om dit praktikforløb mandag den 3. marts kl. 10.",
           "Møder du mere end et kvarter for sent, betragtes det som udeblivelse. Ring til os, hvis du bliver "
           "forsinket, så venter vi på dig."),
    # negated, or a label that is no failure
    letter("Har du meldt afbud inden kl. 8, betragtes det ikke som udeblivelse.", FOOT_HELP),
    letter("Vi har tilbudt dig en plads på holdet i madlavning.",
           "Svarer du ikke inden fredag, betragter vi det som et ja, og vi sender dig en velkomst."),
    # a definition about anyone, or the law quoted
    letter("Om samtalerne i jobcentret",
           "Efter aktivlovens regler betragtes det som udeblivelse, hvis man møder for sent uden en rimelig grund.",
           FOOT_HELP),
    # a forfeit with its reason and help, and our own promise to pay back
    letter("Hvis du trækker ansøgningen tilbage, tilbagebetales gebyret ikke, fordi vi allerede har behandlet den. "
           "Ring til os, hvis du er i tvivl."),
    letter("Hvis vi ikke kan nå at behandle din ansøgning før fristen, betaler vi gebyret tilbage.", FOOT_HELP),
    # a fee kept alone, the service's price for a late cancellation
    letter("Du har fået en plads på kurset i førstehjælp den 4. juni.",
           "Melder du afbud senere end dagen før, refunderes kursusgebyret ikke.", FOOT_HELP),
    # "uden videre" as ease, and the police as help for the reader
    letter("Du kan uden videre få en ny tid, hvis den foreslåede ikke passer dig.", FOOT_HELP),
    letter("Hvis du ønsker det, kan vi sende sagen til politiet, så de kan hjælpe dig med anmeldelsen."),
    # a repeat the reader asks for
    letter("Ved gentagen bestilling af storskrald opkræves intet gebyr.", FOOT_HELP),
])
def test_fair_consequence_is_no_cold_threat(tone_findings, text):
    assert not [f for f in tone_findings(text) if f[0] == "trussel"]


# ---------------------------------------------------------------- kold-afvisning: short bare refusals

@pytest.mark.parametrize("text,words", [
    ("Vi afslår din ansøgning om ekstra timer i SFO.", "afslår"),
    ("Du får ikke hjælp til depositum.", "får ikke hjælp"),
    ("De får ikke tilskud til den nye cykelhjelm.", "får ikke tilskud"),
    ("Vi har set på sagen igen og er nået frem til, at du fortsat ikke kan få hjælpen.", "ikke"),
    ("Ansøgningen om dispensation falder uden for kommunens serviceniveau.", "uden for"),
    ("Din kørselsordning stoppes med virkning fra den 1. juni.", "stoppes"),
    ("Du opfylder ikke betingelserne for at få boligstøtte.", "opfylder"),
    ("Ansøgningen opfylder ikke kravene i kommunens retningslinjer.", "opfylder"),
    ("Vi har modtaget din klage. Afgørelsen er korrekt og står ved magt.", "står ved magt"),
    ("Vi har vurderet, at du ikke har behov for praktisk hjælp.", "behov for"),
    ("Vi har desværre ikke kunnet imødekomme din ansøgning.", "imødekomme"),
    ("Vi har valgt ikke at give dig plads i den ønskede skole.", "valgt"),
    ("Din søn kan ikke optages i 0. klasse på Nørreskolen.", "optages"),
    ("Vi tager ikke din klage over prisen til følge.", "til følge"),
])
def test_bare_short_refusal_is_cold(tone_findings, text, words):
    assert _on(tone_findings(text), "kold-afvisning", words)


@pytest.mark.parametrize("text", [
    # a plain reason, with or without a way on
    "Du opfylder ikke betingelserne for at få boligstøtte, fordi husstanden tjener mere end grænsen.",
    "Vi har vurderet, at du ikke har behov for praktisk hjælp, fordi du selv kan gøre rent med de nye hjælpemidler.",
    "Du får ikke tilskud til cyklen, fordi den ikke er et hjælpemiddel. Du kan i stedet låne en trehjulet cykel i "
    "Hjælpemiddeldepotet.",
    "Vi afslår ansøgningen om længere åbningstid, fordi der ikke er personale nok om aftenen. Vi ved, at det er svært "
    "for jer, og I er velkomne til at ringe til mig, så finder vi en løsning.",
    "Afgørelsen står ved magt, fordi der ikke er kommet nye oplysninger i sagen. Du kan klage til Ankestyrelsen.",
    # a partial grant with its reason
    "Vi har bevilget dig rengøring hver anden uge. Du får ikke hjælp til vinduespudsning, fordi det ikke er med i "
    "kommunens kvalitetsstandard. Ring til mig, hvis du har spørgsmål.",
    # a stop that is planned, agreed or on a "when"
    "Din midlertidige bevilling ophører den 31. maj, som vi aftalte på mødet.",
    "Din plads i SFO ophører, når dit barn begynder i 4. klasse.",
    # the reader's own account, a hypothetical, a negation, a rule about anyone
    "Du skriver, at du fik afslag på tilskud til briller sidste år. Du kan søge igen nu, fordi der er gået et år.",
    "Hvis vi afslår din ansøgning, kan du klage til Ankestyrelsen.",
    "Vi afslår ikke din ansøgning, men vi har brug for din lønseddel.",
    "Afslår du pladsen i Solsikken, beholder dit barn sin plads på ventelisten.",
    "Børn under tre år kan ikke optages i børnehaven.",
    "Du får ikke hjælp fra os, men Frivilligcentret kan hjælpe dig med indkøbene.",
    "Vi tager din klage til følge, og du får pengene tilbage.",
])
def test_explained_refusal_is_not_cold(tone_findings, text):
    assert not [f for f in tone_findings(text) if f[0] == "kold-afvisning"]
