"""A payment asked for with its amount, and the same money named again later with its date ("Beløbet skal betales
senest den …"): the request has its deadline (blind review 24: a date two paragraphs below was reported missing).
Our own letter; without the later date the finding stays."""
from __future__ import annotations

import pytest

from letterlab.core import analyse

HEAD = ("Holmå Kommune\nMusikskolen\nTorvegade 1, 6600 Holmå\n\n12. marts 2026\n\nBetaling for den lånte klarinet\n\n"
        "Kære Lise Berg\n\nKlarinetten, som Jonas lånte i august, er ikke kommet tilbage, og den er ikke til at finde.\n\n"
        "Du skal betale 2.400 kr. for en ny klarinet.\n\n"
        "Vi ved godt, at det er mange penge, og du kan dele beløbet i tre rater, hvis du ringer til os.\n\n")
END = "\n\nMed venlig hilsen\n\nMette Krog\nMusikskoleleder\nTlf. 76 54 32 10"


def _undated(later: str) -> list:
    return [f for f in analyse(HEAD + later + END).findings if f.rule == "klart-budskab.handling-uden-frist"]


@pytest.mark.parametrize("later", [
    "Beløbet skal betales senest den 15. april 2026 via MobilePay til 12345.",
    "Betalingen skal være os i hænde inden den 15. april 2026.",
])
def test_the_money_named_again_with_its_date(later):
    assert not _undated(later)


def test_without_a_date_the_payment_still_needs_one():
    assert _undated("Beløbet kan betales via MobilePay til 12345.")
