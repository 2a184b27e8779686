"""A letter that names nobody the reader can reach (``letterlab.checks.contact``, rule ``klart-budskab.kontakt``).

Our own letters from several areas, each beside the same letter with a way to reach someone: a phone number, an
e-mail, a named person, "jeg", an offer to ring, a merge field for the caseworker, or an e-mail that asks for an
answer to itself. The real pipeline and the default rules."""
from __future__ import annotations

import pytest

from letterlab.checks import tone
from letterlab.core import analyse

RULE = "klart-budskab.kontakt"
HEAD = "Vestby Kommune\nVej og Park\nRådhusgade 2, 6100 Vestby\n\n"
DECISION = ("Du får tilladelse til at grave i fortovet\n\nKære Jens Lund\n\n"
            "Du får tilladelse til at grave i fortovet ud for Søndergade 14 fra den 3. til den 7. maj. "
            "Du skal sætte afspærring op, før du begynder. Fortovet skal være lagt som før, senest den 10. maj.")
INFO = ("Vi fejer vejene i din gade i uge 16\n\nKære beboer\n\n"
        "Vi fejer vejene i din gade i uge 16. Fejebilen kommer om formiddagen. Flyt gerne din bil, hvis du kan.")
UNIT_END = "\n\nMed venlig hilsen\n\nVej og Park\nVestby Kommune"


def _by_rule(nlp, rule: str):
    """(marked text, severity) of ``rule``'s findings on a text."""
    def run(text: str) -> list[tuple[str, str]]:
        return [(f.text, f.severity) for f in analyse(text, nlp=nlp).findings if f.rule == rule]
    return run


@pytest.fixture
def contact(nlp):
    return _by_rule(nlp, RULE)


def test_a_decision_signed_by_a_unit_only_names_nobody(contact):
    assert contact(HEAD + DECISION + UNIT_END) == [("Vej og Park", "warning")]


def test_an_orientation_signed_by_a_unit_only_gets_a_tip(contact):
    assert contact(HEAD + INFO + UNIT_END) == [("Vej og Park", "info")]


@pytest.mark.parametrize("end", [
    UNIT_END + "\nTelefon 76 10 20 30",
    UNIT_END + "\nvejogpark@vestby.dk",
    "\n\nMed venlig hilsen\n\nLone Friis\nVej og Park\nVestby Kommune",
    "\n\nMed venlig hilsen\n\n{sagsbehandler}\nVej og Park\nVestby Kommune",
])
def test_a_way_to_reach_someone_in_the_signature(contact, end):
    assert contact(HEAD + DECISION + end) == []


@pytest.mark.parametrize("extra", [
    "Har du spørgsmål, så ring til mig på 76 10 20 31.",
    "Ring til os, hvis du har spørgsmål til tilladelsen.",
    "Du kan svare på denne mail, hvis du vil flytte datoerne.",
])
def test_a_way_to_reach_someone_in_the_body(contact, extra):
    assert contact(HEAD + DECISION + "\n\n" + extra + UNIT_END) == []


def test_a_short_note_and_a_text_without_signature_are_not_judged(contact):
    assert contact("Kære Jens Lund\n\nHusk at flytte bilen i morgen." + UNIT_END) == []
    assert contact(HEAD + DECISION) == []


def test_the_appeal_guides_help_to_complain_is_nobody_to_ask(contact):
    appeal = ("\n\nKlagevejledning\nDu kan klage over afgørelsen inden 4 uger. Har du brug for hjælp til at skrive "
              "klagen, kan du ringe til Borgerservice på 76 10 20 00.")
    assert contact(HEAD + DECISION + UNIT_END + appeal) == [("Vej og Park", "warning")]


def test_a_cold_refusal_says_it_once(nlp):
    """The refusal's tone finding says that the reader has nobody to ask: no second finding on the signature."""
    text = ("Nordby Kommune\nVisitationen\n\nAfslag på rollator\n\nKære Eva Dam\n\n"
            "Kommunen har behandlet Deres ansøgning om en rollator. Ansøgningen imødekommes ikke. "
            "Sagen er hermed afsluttet.\n\nMed venlig hilsen\n\nVisitationen\nNordby Kommune")
    found = analyse(text, nlp=nlp).findings
    refusal = [f for f in found if f.rule == "anerkendende-tone.kold-afvisning"]
    assert refusal and tone.NOBODY_TO_ASK in " ".join(f.message for f in refusal)
    assert not [f for f in found if f.rule == RULE]


# ---------------------------------------------------------------- klart-budskab.kontaktperson

PERSON = "klart-budskab.kontaktperson"
REFUSAL = ("Du får ikke tilskud til briller\n\nKære Søren Dahl\n\n"
           "Du har søgt om tilskud til nye briller. Vi kan desværre ikke give dig tilskud, fordi din formue er over "
           "grænsen i aktivloven. Tilskuddet er for dem, der har en formue under grænsen.")
UNIT_PHONE_END = "\n\nMed venlig hilsen\n\nYdelseskontoret\nVestby Kommune\nTelefon 76 10 20 40"


@pytest.fixture
def person(nlp):
    return _by_rule(nlp, PERSON)


def test_a_decision_with_a_units_phone_only_asks_for_a_named_person(person, contact):
    text = HEAD + REFUSAL + UNIT_PHONE_END
    assert person(text) == [("Ydelseskontoret", "info")]
    assert contact(text) == []      # the reader can ring the unit: not "nobody to ask"


@pytest.mark.parametrize("end", [
    "\n\nMed venlig hilsen\n\nLone Friis\nYdelseskontoret\nVestby Kommune\nTelefon 76 10 20 40",
    "\n\nHar du spørgsmål, kan du ringe til Lone Friis på 76 10 20 41." + UNIT_PHONE_END,
    "\n\nHar du spørgsmål, så ring til mig." + UNIT_PHONE_END,
    "\n\nDin sagsbehandler kan svare på spørgsmål." + UNIT_PHONE_END,
])
def test_a_named_person_or_a_person_to_come(person, end):
    assert person(HEAD + REFUSAL + end) == []


def test_a_person_in_the_letterhead(person):
    head = "Vestby Kommune\nYdelseskontoret\nLone Friis, direkte telefon 76 10 20 41\n\n"
    assert person(head + REFUSAL + UNIT_PHONE_END) == []


def test_an_orientation_needs_no_named_person(person):
    # (a reminder signed by a unit gets the tip now: tests/checks/test_contact_person_shapes.py)
    assert person(HEAD + INFO + UNIT_PHONE_END) == []


def test_nobody_to_reach_at_all_is_the_first_rules_finding(person, contact):
    text = HEAD + DECISION + UNIT_END
    assert contact(text) == [("Vej og Park", "warning")]
    assert person(text) == []
    assert person(HEAD + DECISION + UNIT_END + "\nTelefon 76 10 20 30") == [("Vej og Park", "info")]
