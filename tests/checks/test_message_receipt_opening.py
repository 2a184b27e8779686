"""One sentence of receipt before the answer, and a decision upheld in the s-passive.

- A first paragraph that is one sentence telling we received the reader's own letter ("Vi har modtaget din klage
  af 4. maj over …") leaves the answer in the next paragraph at the top: the editors of blind reviews 22-24 accept it.
  The course prefers the answer first, so the opening itself gets a tip (``next_severity``), not a warning.
- A longer opening, or a receipt of something that is not the reader's letter, keeps the warning.
- "Afgiften fastholdes" is a decision (the answer to an objection), as "Vi fastholder afgiften" always was; "Hvis
  afgørelsen fastholdes, …" (what happens after an appeal) is not.

Our own letters from other areas than the reviews.
"""
from __future__ import annotations

import pytest

from letterlab.checks import message
from letterlab.core import analyse

PARAMS = {k: p.default for k, p in message.PARAMS.items() if k != "aspect"}

HEAD = ("Sønderby Kommune\nTeknik og Miljø\nRådhusvej 2, 6200 Sønderby\n\nJens Lauritsen\nBirkevej 7\n6200 Sønderby\n\n"
        "4. juni 2026\n\nDin klage over gebyret for storskrald\n\nKære Jens Lauritsen\n\n")
END = ("\n\nHar du spørgsmål, er du velkommen til at ringe til mig på 74 12 34 56.\n\nMed venlig hilsen\n\n"
       "Lone Winther\nSagsbehandler")
ANSWER = ("Vi annullerer gebyret på 250 kr. for afhentning af storskrald, fordi vi kunne se, at du havde bestilt "
          "afhentningen rigtigt.")
MORE = "Vi sender en ny regning uden gebyret i næste uge."


def _by_rule(text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in analyse(text).findings:
        out.setdefault(f.rule, []).append(f)
    return out


RECEIPTS = [
    "Vi har modtaget din klage af 20. maj over gebyret for afhentning af storskrald.",
    "Vi modtog din mail den 20. maj, hvor du klager over gebyret for storskrald.",
    "Teknik og Miljø har modtaget din klage over gebyret for storskrald den 20. maj 2026.",
    "Vi har behandlet din klage af 20. maj over gebyret for afhentning af storskrald.",
]


@pytest.mark.parametrize("receipt", RECEIPTS)
def test_one_receipt_sentence_leaves_the_answer_at_the_top(receipt):
    found = _by_rule(HEAD + receipt + "\n\n" + ANSWER + " " + MORE + END)
    assert "klart-budskab.budskab-foerst" not in found
    # "Vi har modtaget …" is a delaying opening, worth a tip here; "Vi har behandlet …" is none
    opening = found.get("klart-budskab.forsinket-indledning", [])
    assert [f.severity for f in opening] == ([] if "behandlet" in receipt else ["info"])


@pytest.mark.parametrize("first", [
    # the receipt and our process: two sentences before the answer
    "Vi har modtaget din klage af 20. maj over gebyret for storskrald. Vi har talt med vognmanden om afhentningen.",
    # a receipt of what others sent, not of the reader's own letter: a fact of the case
    "Vi har modtaget en oversigt fra vognmanden over alle afhentninger af storskrald på Birkevej i maj.",
])
def test_a_longer_or_other_opening_keeps_its_warning(first):
    found = _by_rule(HEAD + first + "\n\nVi har også set på din bestilling.\n\n" + ANSWER + " " + MORE + END)
    assert "warning" in {f.severity for f in found.get("klart-budskab.forsinket-indledning", [])} \
        or found.get("klart-budskab.budskab-foerst")


def test_the_receipt_opening_is_a_warning_when_the_answer_comes_later():
    text = HEAD + RECEIPTS[0] + "\n\nVi har også set på din bestilling og talt med vognmanden.\n\n" + ANSWER + END
    opening = _by_rule(text)["klart-budskab.forsinket-indledning"]
    assert [f.severity for f in opening] == ["warning"]


@pytest.mark.parametrize("sentence", [
    "Kontrolafgiften fastholdes.",
    "Afgørelsen fastholdes derfor.",
    "Kommunens afgørelse om tilbagebetaling opretholdes.",
    "Gebyret for den ekstra tømning fastholdes, fordi spanden var overfyldt.",
    # session 23: an amount with its noun ("Gebyret på 250 kr. fastholdes")
    "Gebyret på 250 kr. fastholdes.",
    "Kravet om tilbagebetaling på 4.310,50 kr. fastholdes derfor.",
])
def test_a_decision_upheld_in_the_s_passive_is_a_decision(sentence):
    assert "decision" in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Hvis afgørelsen fastholdes, sender vi din klage videre til Ankestyrelsen.",
    "Når afgørelsen fastholdes efter en klage, sender vi sagen videre.",
    "Vi ved endnu ikke, om afgørelsen fastholdes.",
    "Hvis gebyret på 250 kr. fastholdes, kan du klage til Ankestyrelsen.",
])
def test_an_upheld_decision_on_a_condition_is_not_one(sentence):
    assert "decision" not in message.classify(sentence, PARAMS)


def test_the_receipt_reaches_only_the_next_paragraph():
    # one receipt sentence, then a short paragraph about our process, then the answer: the answer is late
    text = HEAD + RECEIPTS[0] + "\n\nSagen er behandlet efter reglerne om gebyrer.\n\n" + ANSWER + " " + MORE + END
    assert _by_rule(text).get("klart-budskab.budskab-foerst")


@pytest.mark.parametrize("receipt", [
    # the receipt goes on to tell our process
    "Vi har modtaget din klage af 20. maj over gebyret for storskrald, og vi har talt med vognmanden om afhentningen.",
    # a long receipt
    "Vi har modtaget din klage af 20. maj over gebyret på 250 kr. for afhentning af storskrald på Birkevej 7, som du "
    "bestilte på kommunens hjemmeside den 2. maj, og som vognmanden efter din opfattelse ikke hentede til tiden.",
])
def test_a_receipt_that_says_more_still_delays_the_answer(receipt):
    assert _by_rule(HEAD + receipt + "\n\n" + ANSWER + " " + MORE + END).get("klart-budskab.budskab-foerst")


@pytest.mark.parametrize("sentence", [
    "Din indsigelse er ikke taget til følge.",
    "Vi tager din klage over gebyret til følge.",
    "Kommunen tager derfor ikke indsigelsen til følge.",
])
def test_an_objection_answered_is_a_decision(sentence):
    assert "decision" in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Hvis klagen bliver taget til følge, får du pengene tilbage.",
    "Når vi har taget stilling til din klage, skriver vi til dig.",
])
def test_an_objection_not_yet_answered_is_no_decision(sentence):
    assert "decision" not in message.classify(sentence, PARAMS)
