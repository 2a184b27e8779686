"""The shared rewrite helpers: the content guard's item finder and the token-table readers."""
from __future__ import annotations

import re

import pytest

from letterlab.rewrite.common import (_ADDRESS_RE, _SENT_START_RE, _mask_addresses, _starts_sentence, feat,
                                      is_finite, is_sentence_start, pieces, render)


@pytest.mark.parametrize("text", [
    "Skriv til a.b@fjordby.dk eller se www.fjordby.dk/affald, https://borger.dk og Fjordby.DK.",
    "Ingen adresser her, kun ord. Og punktum.", "@ . www. x.dk", "", "post@x.dk\nwww.y.com/z\tq.eu",
])
def test_masking_addresses_word_by_word_matches_the_whole_pattern(text):
    found = []

    def repl(m: re.Match) -> str:
        found.append(m.group(0))
        return " " * len(m.group(0))

    whole = _ADDRESS_RE.sub(repl, text)
    expected, found[:] = list(found), []
    assert _mask_addresses(text, repl) == whole
    assert found == expected


@pytest.mark.parametrize("text", ["Hej. Mette", "hej Mette", "\nMette", "Hej.\n- Mette", "x\n  • Mette", "Mette",
                                  "a -Mette", "Hej: Mette", "Hej!  \n Mette"])
def test_sentence_start_looks_only_at_the_tail(text):
    pos = text.index("Mette")
    assert _starts_sentence(text, pos) == bool(_SENT_START_RE.search(text[:pos]))


def test_token_readers(make_doc):
    doc = make_doc("Hej/X ./PUNCT -/PUNCT Du/PRON/Case=Nom er/AUX/Mood=Ind|Tense=Pres|VerbForm=Fin her/ADV",
                   sent_starts=[True, False, False, False, False, False])
    assert is_sentence_start(doc[3]) and not is_sentence_start(doc[5])
    assert feat(doc[3], "Case") == "Nom" and feat(doc[3], "Number") is None
    assert is_finite(doc[4]) and not is_finite(doc[5])
    assert render(pieces(doc, 3, 5)) == "Du er her"
