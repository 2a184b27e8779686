"""A swap to "stå i" does not fit a web page, a screen or a board: one reads "på hjemmesiden" (blind review 15)."""
from __future__ import annotations

import pytest

from letterlab import core

pytestmark = pytest.mark.model


def swaps(text: str) -> list[tuple[str, bool]]:
    report = core.analyse(text)
    return [(s.replacement, s.safe) for f in report.findings if f.rule == "faelles-skriftsprog.kancellisprog"
            and "fremg" in text[f.start:f.end] for s in f.suggestions]


@pytest.mark.parametrize("where", ["kommunens hjemmeside", "borger.dk", "skolens side på Aula",
                                   "opslagstavlen i opgangen"])
def test_no_i_for_a_page(where):
    assert swaps(f"Kære Ole\n\nÅbningstiderne fremgår af {where}.\n") == []


@pytest.mark.parametrize("where", ["afgørelsen", "vedlagte skema", "lejekontrakten", "kommunens takstblad"])
def test_i_stays_for_a_document(where):
    assert swaps(f"Kære Ole\n\nÅbningstiderne fremgår af {where}.\n") == [("står i", True)]
