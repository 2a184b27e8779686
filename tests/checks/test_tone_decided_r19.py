"""A sanction the letter has already told as decided is not threatened again when a later sentence gives its legal
basis or its date (``tone._decided_before``; blind review 19: a deduction letter's basis and payment date were read
as threats). A sanction for the next lapse, or one on a condition, stays a threat."""
from __future__ import annotations

import pytest

HEAD = "Vestby Kommune\nJobcenter Vestby\n\nEmne: Afgørelse om fradrag i din ydelse\n\n"
DECIDED = ("Vi har besluttet at trække 900 kr. i din ydelse for marts, fordi du ikke kom til mødet i jobcentret den "
           "2. marts 2026.\n\n")
END = "\n\nHusk at tjekke din Digital Post, fordi vi sender alle indkaldelser den vej.\n\nMed venlig hilsen\n\nJobcenter Vestby\n"
BASIS = "Efter lov om aktiv socialpolitik skal vi trække i ydelsen for de dage, hvor du er udeblevet uden rimelig grund."
DATE = "Beløbet bliver trukket i udbetalingen den 31. marts 2026."


def _families(tone_findings, body: str) -> set[str]:
    return {family for family, _ in tone_findings(HEAD + body + END)}


def test_the_decided_sanctions_basis_and_date_are_no_threat(tone_findings):
    assert "trussel" not in _families(tone_findings, DECIDED + BASIS + "\n\n" + DATE)


@pytest.mark.parametrize("body", [
    DECIDED + BASIS + "\n\nHvis du igen udebliver, bliver der trukket i din ydelse igen.",
    DECIDED + "Næste gang bliver der trukket i hele din ydelse for måneden.",
    BASIS + "\n\n" + DATE,
])
def test_a_next_time_a_condition_or_no_decision_before_stays_a_threat(tone_findings, body):
    assert "trussel" in _families(tone_findings, body)
