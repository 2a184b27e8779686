"""Third-person words for the reader (``borgerrettet.upersonlig``), round 16 (blind review 16b)."""
from __future__ import annotations

import pytest

from letterlab.core import analyse
from letterlab.ruleset import default_ruleset

RULE = "borgerrettet.upersonlig"


def _findings(nlp, body: str):
    text = f"Om pladsen på ventelisten\n\nKære Ib Holm\n\n{body}\n\nMed venlig hilsen\nAnne Berg\n"
    return [f for f in analyse(text, default_ruleset(), nlp=nlp).findings if f.rule == RULE]


@pytest.mark.model
@pytest.mark.parametrize("body", [
    "Hvis De ikke svarer inden fredag, går lejligheden til næste ansøger på listen.",
    "Pladsen kan gå til en anden ansøger, hvis du ikke svarer.",
    "Vi giver pladsen til en ny ansøger den 1. juni, hvis I siger nej.",
])
def test_another_applicant_is_not_the_reader(nlp, body):
    assert _findings(nlp, body) == []


@pytest.mark.model
def test_a_de_letter_is_told_de_not_du(nlp):
    [f] = _findings(nlp, "Vi har fået Deres brev. Ansøgeren skal sende lønsedler inden den 1. maj.")
    assert f.suggestions[0].replacement == "De"
    assert '"du"' not in f.message and '"De"' in f.message
    assert '"De"' in f.suggestions[0].note


@pytest.mark.model
def test_a_du_letter_is_still_told_du(nlp):
    [f] = _findings(nlp, "Vi har fået dit brev. Ansøgeren skal sende lønsedler inden den 1. maj.")
    assert f.suggestions[0].replacement == "Du"


@pytest.mark.model
@pytest.mark.parametrize("sentence,expected", [
    ("Kommunen påtager sig intet ansvar for skader på møblerne.", "Vi påtager os"),
    ("Kommunen har brugt sin ret til at opsige aftalen.", "Vi har brugt vores"),
])
def test_the_senders_reflexive_follows_vi(nlp, sentence, expected):
    text = f"Om din bolig\n\nKære Ib Holm\n\nVi har talt med dig i telefonen. {sentence}\n"
    [f] = [f for f in analyse(text, default_ruleset(), nlp=nlp).findings if f.rule == "borgerrettet.kommunen-som-afsender"]
    assert f.suggestions[0].replacement == expected
