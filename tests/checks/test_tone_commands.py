"""The "kommando" tone family: orders and rules with no reason (issue #12), shape by shape.

Each shape has sentences an editor would mark and respectful sentences that reuse its words. The rule alone is
tested on hand-built Docs (the learned model is left out, so a test fails when the rule does not see the shape);
a few sentences go through the real pipeline at the end.
"""
from __future__ import annotations

import pytest

from letterlab.checks import tone
from letterlab.core import analyse

RULE = "anerkendende-tone.kommando"
NOUN = "NOUN/Definite=Ind|Number=Sing"
NOUN_DEF = "NOUN/Definite=Def|Number=Sing"
PLURAL = "NOUN/Definite=Ind|Number=Plur"


def _rule_hits(sentences_doc, ruleset, *sentences: str) -> list:
    """What the kommando rule (without the learned model) marks in a Doc of ``sentences``."""
    doc = sentences_doc(*sentences)
    rule = ruleset.get(RULE)
    return [m for _, m, _ in tone._family_findings(tone.tone_doc(doc), "kommando", rule)]


# ---- a time or a deadline that cannot be moved, a rule closed to talk

@pytest.mark.parametrize("sentence", [
    f"Tiden/{NOUN_DEF} til syn af bilen kan ikke flyttes ./PUNCT",
    f"Datoen/{NOUN_DEF} for tømning kan ikke ændres ./PUNCT",
    f"Fristen/{NOUN_DEF} for høringssvar forlænges ikke ./PUNCT",
    f"Reglerne/{PLURAL} for fremmøde kan ikke fraviges ./PUNCT",
    "Det er ikke muligt at flytte samtalen ./PUNCT",
])
def test_no_room_to_move_is_a_command(sentences_doc, ruleset, sentence):
    assert _rule_hits(sentences_doc, ruleset, sentence)


@pytest.mark.parametrize("sentences", [
    # the reason, the other way, a way on in the next sentence
    (f"Fristen/{NOUN_DEF} kan ikke forlænges ,/PUNCT fordi loven fastsætter den ./PUNCT",),
    (f"Tiden/{NOUN_DEF} kan ikke flyttes på nettet ,/PUNCT men du kan ringe og få en ny ./PUNCT",),
    (f"Tiden/{NOUN_DEF} kan ikke flyttes ./PUNCT", "Ring til os ,/PUNCT hvis du er syg den dag ./PUNCT"),
    # not a time: the reader's benefit is protected, a decision's appeal route is information
    (f"Din/DET boligstøtte/{NOUN} kan ikke ændres ,/PUNCT mens vi ser på din klage ./PUNCT",),
    (f"Kontingentet/{NOUN_DEF} kan ikke ændres ./PUNCT",),
    (f"Fristen/{NOUN_DEF} forlænges ikke automatisk ./PUNCT",),
])
def test_no_room_to_move_with_a_reason_or_not_a_time_passes(sentences_doc, ruleset, sentences):
    assert not _rule_hits(sentences_doc, ruleset, *sentences)


# ---- an order backed only by a sanction after "ellers"

@pytest.mark.parametrize("sentence", [
    "Tilmelding til holdet skal ske inden fredag ,/PUNCT ellers slettes tilmeldingen ./PUNCT",
    "Skemaet skal være underskrevet af begge ,/PUNCT ellers returneres det ./PUNCT",
])
def test_order_or_else_is_a_command(sentences_doc, ruleset, sentence):
    assert _rule_hits(sentences_doc, ruleset, sentence)


@pytest.mark.parametrize("sentence", [
    # "ellers" gives what we then cannot do: the reason for the order
    "Send os gerne kvitteringen ,/PUNCT ellers kan vi ikke betale pengene tilbage ./PUNCT",
    "Husk at melde afbud dagen før ,/PUNCT ellers når vi ikke at give tiden til en anden ./PUNCT",
    # what we need, not an order to the reader
    "Vi skal have svar inden fredag ,/PUNCT ellers slettes pladsen ./PUNCT",
])
def test_or_else_with_its_reason_passes(sentences_doc, ruleset, sentence):
    assert not _rule_hits(sentences_doc, ruleset, sentence)


# ---- a stop, a demand or a duty with no way round it

@pytest.mark.parametrize("sentence", [
    "Støjen fra kompressoren skal stoppe nu ./PUNCT",
    "Oplaget af brænde på fortovet skal ophøre med det samme ./PUNCT",
    "Det forventes ,/PUNCT at forældre henter til tiden ,/PUNCT når børnehaven lukker ./PUNCT",
    "Det er et krav ,/PUNCT at du deltager i alle møder ./PUNCT",
    "Kommunen kræver ,/PUNCT at De lukker hullet i hegnet ./PUNCT",
    "De pålægges hermed at fjerne skuret ./PUNCT",
    "Tidsplanen er ufravigelig ./PUNCT",
    "Chikane af personalet tolereres ikke ./PUNCT",
    "De bedes omgående indsende lønsedlerne ./PUNCT",
    "Du har pligt til at tage imod enhver tid ,/PUNCT vi tilbyder ./PUNCT",
    "Reglen gælder alle ,/PUNCT og der gøres ingen undtagelser ./PUNCT",
    "Fristen er endelig ./PUNCT",
    "Dette er allersidste frist ./PUNCT",
    "Du må ikke kontakte pædagogerne efter kl. 17 ./PUNCT",
    "De må ikke møde op på kontoret uden aftale ./PUNCT",
])
def test_demands_and_absolutes_are_commands(sentences_doc, ruleset, sentence):
    assert _rule_hits(sentences_doc, ruleset, sentence)


@pytest.mark.parametrize("sentence", [
    # a forecast, not an expectation the reader must meet
    "Det forventes ,/PUNCT at du kan starte igen ,/PUNCT når gipsen er taget af ./PUNCT",
    "Hvis du ønsker ,/PUNCT at hjælpen skal stoppe nu ,/PUNCT så skriv til os ./PUNCT",
    "Det er et krav fra loven ,/PUNCT at du søger arbejde ./PUNCT",
    "Det er ikke et krav ,/PUNCT at du kommer til mødet ./PUNCT",
    "Loven kræver ,/PUNCT at vi får dit samtykke ./PUNCT",
    "Vi gør ingen forskel på store og små sager ./PUNCT",
    "Den endelige frist for at søge er den 1. maj ,/PUNCT men du kan bede om mere tid ./PUNCT",
    "Du må ikke køre bil det første døgn efter bedøvelsen ./PUNCT",
    "Du må gerne kontakte pædagogerne ,/PUNCT når du har brug for det ./PUNCT",
    "De bedes ringe til os ,/PUNCT hvis De har spørgsmål ./PUNCT",
])
def test_respectful_sentences_with_the_same_words_pass(sentences_doc, ruleset, sentence):
    assert not _rule_hits(sentences_doc, ruleset, sentence)


def test_an_order_to_give_the_reason_is_no_reason(sentences_doc, ruleset):
    assert _rule_hits(sentences_doc, ruleset, "Fravær skal straks meldes ,/PUNCT og årsagen skal oplyses ./PUNCT")
    assert _rule_hits(sentences_doc, ruleset, "Afbud skal straks meldes og begrundelsen angives ./PUNCT")
    assert not _rule_hits(sentences_doc, ruleset, "Afbud skal straks meldes ,/PUNCT fordi vi så kan give tiden videre ./PUNCT")


def test_the_s_passive_of_a_verb_in_aa_is_a_rule(sentences_doc, ruleset):
    fin = "VERB/Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act"
    assert _rule_hits(sentences_doc, ruleset, f"Afdragsordninger/{PLURAL} indgås/{fin} ikke ./PUNCT")
    assert not _rule_hits(sentences_doc, ruleset,
                          f"Afdragsordninger/{PLURAL} indgås/{fin} med opkrævningen ,/PUNCT og du kan ringe ./PUNCT")


# ---- bare orders about the reader's conduct or with no time to think

@pytest.mark.parametrize("sentence", [
    "Ryd fortovet for blade i dag ./PUNCT",
    "Fjern cyklerne fra trappen med det samme ./PUNCT",
    "Overhold de aftalte tider ./PUNCT",
    "Stop med at fodre mågerne ./PUNCT",
    "Mød op til tiden ./PUNCT",
    "Indsend papirerne straks ./PUNCT",
    # the rules as the object are no reason
    "Overhold reglerne for brug af vaskeriet ./PUNCT",
])
def test_bare_orders_are_commands(sentences_doc, ruleset, sentence):
    assert _rule_hits(sentences_doc, ruleset, sentence)


@pytest.mark.parametrize("sentence", [
    "Tag dit sygesikringskort med ./PUNCT",
    "Husk at tage tabletten med det samme ,/PUNCT når du står op ./PUNCT",
    "Ring straks til os ,/PUNCT hvis du mister nøglen ./PUNCT",
    "Ryd gerne fortovet i dag ,/PUNCT så postbuddet kan komme frem ./PUNCT",
    "Overhold hastigheden af hensyn til børnene ./PUNCT",
    "Mød gerne op i god tid ./PUNCT",
    "Send papirerne i dag ./PUNCT",
    "Overhold reglerne ,/PUNCT så alle kan bruge vaskeriet ./PUNCT",
])
def test_plain_steps_and_orders_with_a_reason_pass(sentences_doc, ruleset, sentence):
    assert not _rule_hits(sentences_doc, ruleset, sentence)


def test_a_single_shouted_modal_is_the_shouting_rules_finding(sentences_doc, ruleset):
    assert not _rule_hits(sentences_doc, ruleset, "Beløbet SKAL betales med det samme ./PUNCT")
    assert _rule_hits(sentences_doc, ruleset, "Beløbet skal betales med det samme ./PUNCT")


def test_a_der_rule_that_names_the_reader_is_a_refusal_not_a_command(sentences_doc, ruleset):
    assert not _rule_hits(sentences_doc, ruleset, "Der bevilges ikke rengøring ud over de timer ,/PUNCT De har nu ./PUNCT")
    assert _rule_hits(sentences_doc, ruleset, "Der bevilges ikke rengøring ud over to timer ./PUNCT")


# ---- the real pipeline, end to end

@pytest.mark.parametrize("text,flagged", [
    ("Samtalen hos jobcentret kan ikke udsættes.", True),
    ("Tiden kan ikke flyttes online, men du kan ringe til os og få en ny tid.", False),
    ("Send lønsedlerne inden den 5. juni, ellers afvises din ansøgning.", True),
    ("Send os gerne lønsedlerne, ellers kan vi ikke beregne din boligstøtte.", False),
    ("Tag dit sygesikringskort med.", False),
    ("Husk at tage dit sygesikringskort med til lægen.", False),
    ("Fjern trailerne fra vendepladsen med det samme.", True),
])
def test_end_to_end(nlp, text, flagged):
    found = [f for f in analyse(text, nlp=nlp).findings if f.rule == RULE]
    assert bool(found) == flagged, text


def test_a_pronoun_for_the_time_in_the_sentence_before(sentences_doc, ruleset):
    assert _rule_hits(sentences_doc, ruleset, f"Samtalen/{NOUN_DEF} er på tirsdag ./PUNCT", "Den kan ikke flyttes ./PUNCT")
    assert not _rule_hits(sentences_doc, ruleset, f"Samtalen/{NOUN_DEF} er på tirsdag ./PUNCT",
                          "Den kan ikke flyttes ,/PUNCT men ring ,/PUNCT hvis du er syg ./PUNCT")
    assert not _rule_hits(sentences_doc, ruleset, f"Ansøgningen/{NOUN_DEF} er modtaget ./PUNCT",
                          "Den kan ikke ændres ./PUNCT")


def test_a_duty_to_give_reasons_or_a_wish_to_avoid_costs_is_no_reason(sentences_doc, ruleset):
    assert _rule_hits(sentences_doc, ruleset,
                      "Indsigelsen skal være begrundet ,/PUNCT ellers afvises den ./PUNCT")
    assert _rule_hits(sentences_doc, ruleset,
                      "Hvis De vil undgå rykkergebyr ,/PUNCT skal regningen betales omgående ./PUNCT")
    assert not _rule_hits(sentences_doc, ruleset,
                          "Hvis du bliver syg ,/PUNCT skal regningen ikke betales omgående ./PUNCT")


def test_an_order_in_a_heading_line_is_read_too(nlp):
    found = [f for f in analyse("Overhold åbningstiderne", nlp=nlp).findings if f.rule == RULE]
    assert found
