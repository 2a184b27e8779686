"""Form of address, review 13: "De" after a full stop that points back to a company or to several people is
"they", not the polite you: no finding and no rewrite. A rewrite that would start a sentence with a small letter
is never safe.

Own letters from other services than the review's; the real model runs end to end, the guard on plain text.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from letterlab.report.model import Suggestion
from letterlab.rewrite.guard import NOTE_LOWER_START, check_suggestion

HEAD = "Fjordby Kommune\nBørn og Unge\n\nKære Mette Holm\n\n"
TAIL = "\n\nMed venlig hilsen\n\nLars Due\nBørn og Unge\n"


@lru_cache(maxsize=None)
def _de_forms(body: str) -> tuple[tuple[str, int, tuple[tuple[str, bool], ...]], ...]:
    """(text, offset in the body, ((replacement, safe), ...)) of every De-form finding and its suggestions."""
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    r = analyse(HEAD + body + TAIL, nlp=load_pipeline())
    out = []
    for f in r.findings:
        if f.rule == "borgerrettet.de-form":
            out.append((f.text, f.start - len(HEAD), tuple((s.replacement, s.safe) for s in f.suggestions)))
    return tuple(out)


def _flagged_de_at(body: str, marker: str) -> bool:
    """Whether the "De" that starts ``marker`` in the body is flagged, or rewritten by a note elsewhere (a letter
    in De gets one note carrying a rewrite for every form)."""
    at = body.index(marker)
    return at in {start for _, start, _ in _de_forms(body)} or at in _suggestion_starts(body)


@lru_cache(maxsize=None)
def _suggestion_starts(body: str) -> frozenset[int]:
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    r = analyse(HEAD + body + TAIL, nlp=load_pipeline())
    return frozenset(s.start - len(HEAD) for f in r.findings if f.rule == "borgerrettet.de-form"
                     for s in f.suggestions)




@pytest.mark.model
@pytest.mark.parametrize("body,marker", [
    # a company's name ends the sentence before ("A/S.", "ApS."), and the next "De" goes on about it
    ("Skolebussen bliver kørt af Vestby Turist ApS. De har fået nye busser i år.", "De har"),
    ("Vi har givet opgaven med at slå græsset til Grønt og Have A/S. De kommer hver anden uge. "
     "De slår også græsset på legepladsen.", "De kommer"),
    # ... and the sentence after, which goes on about the same company
    ("Vi har givet opgaven med at slå græsset til Grønt og Have A/S. De kommer hver anden uge. "
     "De slår også græsset på legepladsen.", "De slår"),
    # a company in a letter that otherwise says De to the reader: still "they" here
    ("Tak for Deres ansøgning om plads i klubben. Klubben drives af Ungdomsklubben Nord ApS. "
     "De holder åbent til kl. 21.", "De holder"),
])
def test_de_after_a_full_stop_about_a_company_is_they(body, marker):
    assert not _flagged_de_at(body, marker), _de_forms(body)


@pytest.mark.model
@pytest.mark.parametrize("body,marker", [
    # the polite form, also at the start of a sentence, in a letter that says De
    ("Vi har modtaget Deres ansøgning om plads i klubben. De kan forvente svar inden for to uger.", "De kan"),
    # "De bedes" is always the reader, also right after a company's name
    ("Vi har bestilt en ny cykel til Dem hos Cykelhuset ApS. De bedes hente den inden den 1. juni.", "De bedes"),
])
def test_the_polite_de_is_still_found(body, marker):
    assert _flagged_de_at(body, marker), _de_forms(body)


@pytest.mark.model
def test_a_rewrite_of_de_after_a_company_name_keeps_the_capital():
    body = "Vi har bestilt en ny cykel til Dem hos Cykelhuset ApS. De bedes hente den inden den 1. juni."
    reps = [rep for _, _, sugs in _de_forms(body) for rep, _ in sugs]
    assert "du" not in reps and "Du" in reps, _de_forms(body)


# ---------------------------------------------------------------- the guard: a small letter at a sentence start

@pytest.mark.parametrize("text,word,rep", [
    ("Vi har talt med Nordby Rens A/S. De henter tøjet på fredag.", "De", "du"),
    ("Vi har fået dit brev.\n\nDe skal huske kvitteringen.", "De", "du"),
    ("Tak for brevet! Dem har vi ikke hørt fra.", "Dem", "dig"),
])
def test_a_small_letter_at_a_sentence_start_is_never_safe(text, word, rep):
    at = re.search(rf"\b{word}\b", text).start()
    s, v = check_suggestion(text, Suggestion(at, at + len(word), rep, kind="address", safe=True, confidence=0.9))
    assert v.unsafe == NOTE_LOWER_START and not v.reject


@pytest.mark.parametrize("text,word,rep", [
    # inside a sentence, after an abbreviation, or a capital kept: no note
    ("Derfor kan De hente tøjet på fredag.", "De", "du"),
    ("Du kan ringe til os på tlf. 12 34 56 78 hver dag.", "hver", "alle"),
    ("Vi har talt med Nordby Rens A/S. De henter tøjet på fredag.", "De", "Du"),
    # a hard-wrapped line inside a sentence
    ("Vi har modtaget din ansøgning, og\nvi behandler den snart.", "vi", "vi"),
])
def test_a_small_letter_inside_a_sentence_is_fine(text, word, rep):
    at = re.search(rf"\b{word}\b", text).start()
    s, v = check_suggestion(text, Suggestion(at, at + len(word), rep, kind="address", safe=True, confidence=0.9))
    assert v.unsafe != NOTE_LOWER_START
