"""The guard reads the words around a swap (review 11r): a swap must fit its neighbours.

Plain text and hand-made suggestions (no model): a modal before "at" + infinitive, the same word twice in
a row, "hermed" deleted after a modal, "samt" -> "og" inside a phrase. Each has a hard negative that the
guard must leave alone.
"""
from __future__ import annotations

import pytest

from letterlab.rewrite.guard import check_suggestion
from testutil import sug


def _verdict(text, old, new, nth=0):
    return check_suggestion(text, sug(text, old, new, nth=nth))[1]


@pytest.mark.parametrize("text,old,new", [
    ("Skolen agter derfor at flytte klassen til en anden bygning.", "agter", "vil"),
    ("Forvaltningen agtede at lukke sagen i maj.", "agtede", "ville"),
])
def test_a_modal_before_at_and_an_infinitive_is_refused(text, old, new):
    v = _verdict(text, old, new)
    assert v.reject and '"at"' in v.reject


@pytest.mark.parametrize("text,old,new", [
    ("Skolen agter derfor at flytte klassen til en anden bygning.", "agter", "planlægger"),
    ("Hvis du ønsker at vi ringer, så skriv det i skemaet.", "ønsker", "vil"),   # "vil at vi": a clause
])
def test_a_verb_that_takes_at_or_a_clause_is_not_refused(text, old, new):
    assert not _verdict(text, old, new).reject


def test_the_same_word_twice_in_a_row_is_refused():
    v = _verdict("Vi mangler oplysning om, hvorvidt du bor alene i lejligheden.", "hvorvidt", "om")
    assert v.reject and "to gange" in v.reject


def test_a_swap_with_no_twin_next_to_it_is_not_refused():
    assert not _verdict("Vi spørger, hvorvidt du bor alene i lejligheden.", "hvorvidt", "om").reject


@pytest.mark.parametrize("text", [
    "Vi skal hermed bede dig om at sende lønsedlerne.",
    "Efter loven skal du hermed indkaldes til en samtale.",       # without it: you must be summoned some day
])
def test_deleting_hermed_after_a_modal_is_not_safe(text):
    v = _verdict(text, "hermed ", "")
    assert not v.reject and v.unsafe and "hermed" in v.unsafe


@pytest.mark.parametrize("text", [
    "Du indkaldes hermed til et møde på rådhuset.",
    "Der meddeles hermed påbud om at fjerne containeren.",
    "Det skal hermed meddeles, at din ansøgning er modtaget.",     # the formula still announces
])
def test_deleting_hermed_without_a_modal_stays_safe(text):
    v = _verdict(text, "hermed ", "")
    assert not v.reject and not v.unsafe


def test_samt_to_og_inside_a_phrase_is_not_safe():
    v = _verdict("Vi fandt tønder med olie samt 4 gamle dæk på grunden.", "samt", "og")
    assert not v.reject and v.unsafe


@pytest.mark.parametrize("text", [
    "Vi udskifter rørene samt vejbelægningen på Skolevej.",                 # no phrase before
    "Der sker en udskiftning af rør samt en ny belægning af vejen.",         # an article opens a new phrase
])
def test_samt_to_og_that_joins_clear_phrases_stays_safe(text):
    v = _verdict(text, "samt", "og")
    assert not v.reject and not v.unsafe


# A swap that changes the preposition it ends with must not leave the old one in a coordinated repeat.
@pytest.mark.parametrize("text,old,new,repeat", [
    ("Det fremgår af lejekontrakten og af dit kontoudtog, at du har betalt depositum.", "fremgår af", "står i", '"af"'),
    ("Oplysningerne fremgik af skemaet eller af mailen fra din læge.", "fremgik af", "stod i", '"af"'),
    ("Det fremgår af skemaet, af lægens erklæring og af din mail.", "fremgår af", "står i", '"af"'),
    ("Vi har truffet afgørelsen i henhold til loven og til bekendtgørelsen om tilskud.", "i henhold til", "efter",
     '"til"'),
])
def test_a_changed_preposition_with_a_coordinated_repeat_is_not_safe(text, old, new, repeat):
    v = _verdict(text, old, new)
    assert not v.reject and v.unsafe and repeat in v.unsafe


@pytest.mark.parametrize("text,old,new", [
    ("Det fremgår af lejekontrakten, at du har betalt depositum.", "fremgår af", "står i"),
    # the repeat is another preposition, or the same one that the swap keeps
    ("Det fremgår af din ansøgning og i udtalelsen fra din læge, at du har ondt.", "fremgår af", "står i"),
    ("Vi sender brevet foranlediget af din klage og af din mail.", "foranlediget af", "på grund af"),
    # the repeat belongs to another clause after a comma
    ("Mødet holdes i henhold til loven, og du har ret til at tale og til at have en bisidder med.", "i henhold til",
     "efter"),
])
def test_a_swap_without_a_stranded_repeat_stays_safe(text, old, new):
    v = _verdict(text, old, new)
    assert not v.reject and not v.unsafe
