"""A deleted "herved"/"hermed" is safe as a sentence adverb, not as the object of the verb before it
(``letterlab.checks.wordlist._verb_complement``; blind review 19: "… ændrer ikke herved." lost its object)."""
from __future__ import annotations

import pytest

from letterlab.core import analyse

RULE = "faelles-skriftsprog.kancellisprog"


def _deletions(nlp, text: str) -> list[tuple[str, bool]]:
    return [(f.text.lower(), s.safe) for f in analyse(text, nlp=nlp).findings if f.rule == RULE
            for s in f.suggestions if s.replacement == ""]


@pytest.mark.parametrize("text, word", [
    ("Din forklaring om bussen, som du har skrevet til os, ændrer ikke herved.", "herved"),
    ("Lægens nye erklæring om din ryg ændrer derfor ikke herved.", "herved"),
    ("Vandmåleren sidder i kælderen, og du må ikke røre herved.", "herved"),
])
def test_the_verbs_object_is_not_deleted_as_safe(nlp, text, word):
    assert (word, False) in _deletions(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("Sagen er hermed afsluttet, og du hører fra os, hvis der sker noget nyt.", "hermed"),
    ("Vi sender dig hermed en kopi af afgørelsen om din boligstøtte.", "hermed"),
    ("Vi vedlægger skemaet om din flytning hermed.", "hermed"),
])
def test_a_sentence_adverb_is_still_deleted_safely(nlp, text, word):
    assert (word, True) in _deletions(nlp, text)
