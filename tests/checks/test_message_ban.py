"""A ban is not a task with a deadline: an imperative with "ikke"/"aldrig" after it ("Send ikke en ny ansøgning,
før …") gets no "handling uden frist" (blind review 24: a prohibition was asked for a date). Our own letters; the same
letter with an order and no date keeps its finding."""
from __future__ import annotations

import pytest

from letterlab.core import analyse

HEAD = "Holmå Kommune\nTeknik og Miljø\nTorvegade 1, 6600 Holmå\n\n12. marts 2026\n\nDin ansøgning om at fælde træet\n\n"
END = ("\n\nRing til mig på 76 54 32 10, hvis du har spørgsmål.\n\nMed venlig hilsen\n\nMette Krog\nSagsbehandler")
FIRST = ("Kære Anna Holm\n\nDu får ikke lov til at fælde lindetræet, fordi det er bevaringsværdigt efter "
         "lokalplanen. Du må gerne beskære de nederste grene.")


def _undated(middle: str) -> list:
    return [f for f in analyse(HEAD + FIRST + "\n\n" + middle + END).findings
            if f.rule == "klart-budskab.handling-uden-frist"]


@pytest.mark.parametrize("middle", [
    "Fæld ikke træet, heller ikke delvist, mens sagen står på.",
    "Send ikke en ny ansøgning, før vores gartner har set på træet igen.",
    "Brug aldrig en motorsav tæt på de store rødder.",
])
def test_a_ban_needs_no_deadline(middle):
    assert not _undated(middle)


@pytest.mark.parametrize("middle", [
    "Send os fotos af de grene, du vil beskære.",
    "Send ikke kun fotos, men også en tegning af grunden.",
])
def test_an_order_without_a_date_keeps_its_finding(middle):
    assert _undated(middle)
