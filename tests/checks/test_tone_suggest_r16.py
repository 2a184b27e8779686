"""Tone suggestions, round 16 (blind review 16b): deleting a lecture's opener must leave a main clause."""
from __future__ import annotations

import pytest

from letterlab.core import analyse
from test_tone_r14 import _lecture_rewrites

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    # a sentence adverb before the verb, as an at-clause has it: "Forvaltningen ikke betaler" is no sentence
    "Det skal understreges, at forvaltningen ikke betaler for private vognmænd.",
    "Det præciseres, at forvaltningen kun er forpligtet til at betale for den billigste løsning.",
    # a second "at" belongs to the opener: "…, og at det er ejerens pligt" cannot stand alone
    "Vi skal understrege, at lovgivningen gælder alle ejere, og at det er ejerens pligt at holde hegnet.",
])
def test_no_broken_main_clause_is_offered(nlp, text):
    assert not any(r[0].isupper() and not r.startswith("Husk") for r in _lecture_rewrites(nlp, text))


def test_a_plain_rest_still_gets_the_opener_deleted(nlp):
    # the hard negative: a rest in plain order keeps its suggestion
    assert _lecture_rewrites(nlp, "Det skal understreges, at forvaltningen er forpligtet til at føre tilsyn.") == [
        "Forvaltningen er forpligtet til at føre tilsyn."]


# ---------------------------------------------------------------- shouting: how loud (blind review 16b)

def _raab(nlp, text):
    return [(f.text, f.severity) for f in analyse(text, nlp=nlp).findings if f.rule == "anerkendende-tone.raab"]


def test_a_word_in_capitals_in_a_sentence_is_a_warning(nlp):
    from test_tone_r14 import letter
    assert _raab(nlp, letter("Affaldet SKAL sorteres, før du kører på genbrugspladsen.")) == [("SKAL", "warning")]
    assert _raab(nlp, letter("Fristen er overskredet!! Ring til os i dag.")) == [("!!", "warning")]


def test_one_exclamation_mark_stays_a_tip(nlp):
    from test_tone_r14 import letter
    assert _raab(nlp, letter("Du har fået en afgift, og den er ikke betalt!")) == [("!", "info")]


def test_a_long_word_in_capitals_in_the_subject_shouts(nlp):
    from test_tone_r14 import letter
    found = _raab(nlp, letter("Vi har set, at hegnet står for tæt på vejen.", subject="PÅBUDSSAG – hegn ved Skovvej"))
    assert found == [("PÅBUDSSAG", "warning")]
    # the hard negatives: acronyms and a short name in a subject
    assert _raab(nlp, letter("Vi har fået din ansøgning.", subject="Tilskud fra PPR til dit barn")) == []
    assert _raab(nlp, letter("Vi har fået din ansøgning.", subject="Din SU fra 1. maj")) == []
