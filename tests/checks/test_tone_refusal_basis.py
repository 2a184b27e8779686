"""A bare refusal first ("Du får afslag.") followed by a reason given only as a legal basis: the cold part is the
reason, so only that sentence gets the cold-refusal finding (blind review 24: the answer first is plain language).
Our own letters; a bare refusal with no reason after it keeps its finding."""
from __future__ import annotations

import pytest

from letterlab.core import analyse

HEAD = "Nordby Kommune\nYdelsescentret\nTorvet 2, 7800 Nordby\n\n12. marts 2026\n\nSvar på din ansøgning\n\nKære Sara Jensen\n\n"
APPEAL = ("Du kan klage over afgørelsen inden fire uger efter, at du har fået dette brev. Send klagen til os, så ser "
          "vi på sagen igen, før den går videre til Ankestyrelsen.")
END = "\n\nMed venlig hilsen\n\nPer Nørgaard\nSagsbehandler\nTlf. 72 11 22 33"


def _cold(*paras: str) -> list[str]:
    text = HEAD + "\n\n".join(paras) + END
    return [f.text for f in analyse(text).findings if f.rule == "anerkendende-tone.kold-afvisning"]


@pytest.mark.parametrize("refusal,basis", [
    ("Du får afslag.", "Afslaget er truffet efter aktivlovens § 82 a og § 81."),
    ("Vi siger nej til tilskuddet.", "Afgørelsen er truffet i medfør af servicelovens § 100."),
])
def test_only_the_legal_basis_gets_the_finding(refusal, basis):
    found = _cold(refusal, basis, APPEAL)
    assert refusal not in found
    assert any(basis.startswith(f) or f in basis for f in found), found


def test_a_bare_refusal_with_no_reason_keeps_its_finding():
    assert "Du får afslag." in _cold("Du får afslag.", APPEAL)
