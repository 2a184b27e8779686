"""Long sentences: a warning over 25 words, an error over 35, a tip when every clause is short."""
from __future__ import annotations

import pytest

from letterlab.checks.sentence_length import long_word_share, longest_clause
from letterlab.core import analyse

RULE = "let-at-laese.lange-saetninger"


def _found(nlp, sentence):
    report = analyse(f"Du får hjælp\n\nKære Anna\n\n{sentence}\n\nMed venlig hilsen\n\nOle", nlp=nlp)
    return [(f.severity, f.message) for f in report.findings if f.rule == RULE]


@pytest.mark.parametrize("sentence,clause", [
    ("Vi har lagt vægt på, at du ikke kan bruge dine ben til at køre bil, og at du skal bruge bilen til at "
     "komme på arbejde hver dag.", 13),
    # a date is read as one word
    ("Vi lukker Kirkevej for biler fra mandag den 6. september til fredag den 24. september 2027, fordi vi "
     "skal lægge ny asfalt.", 9),
    ("Vi har «Antal» pladser.", 3),
])
def test_longest_clause(sentence, clause):
    assert longest_clause(sentence) == clause


def test_long_sentence_of_short_clauses_is_a_tip(nlp):
    found = _found(nlp, "Vi har lagt vægt på, at du ikke kan bruge dine ben til at køre bil, og at du skal bruge "
                        "bilen til at komme på arbejde hver dag.")
    assert [s for s, _ in found] == ["info"] and "leddene er korte" in found[0][1]


def test_long_sentence_with_a_long_clause_is_a_warning(nlp):
    found = _found(nlp, "Vi har modtaget din ansøgning om hjælp til briller og har læst den grundigt igennem sammen "
                        "med de papirer fra lægen som du sendte til os i sidste uge, og vi svarer dig snart.")
    assert [s for s, _ in found] == ["warning"]


def test_very_long_sentence_is_an_error_however_it_is_built(nlp):
    found = _found(nlp, "Vi har lagt vægt på, at du ikke kan gå langt, at du ikke kan tage bussen, at du har langt "
                        "til lægen, at du bor alene, at du skal på sygehuset hver uge, og at du ikke har nogen, "
                        "der kan køre dig.")
    assert [s for s, _ in found] == ["error"]


def test_officialese_with_short_clauses_stays_a_warning(nlp):
    # short clauses, but a third of the words are long: heavy to read
    sentence = ("Det påhviler Dem endvidere at give meddelelse til kommunen, såfremt der indtræder ændringer i Deres "
                "husleje, idet støtte, der er modtaget med urette, kan kræves tilbagebetalt.")
    assert longest_clause(sentence) <= 15 and long_word_share(sentence) > 0.2
    assert [s for s, _ in _found(nlp, sentence)] == ["warning"]


def test_a_date_is_one_short_word():
    assert long_word_share("Vi lukker fredag den 24. september 2027.") == 0.0


@pytest.mark.parametrize("sentence", [
    "Skriv til pension@holmby.dk.",
    "Læs mere på www.holmby.dk/vinterruter.",
    "Se https://holmby.dk/affald/storskrald?uge=12 og borger.dk/boligstoette.",
])
def test_an_email_or_web_address_is_one_short_word(sentence):
    assert long_word_share(sentence) == 0.0


def test_a_comma_after_a_web_address_still_ends_the_clause():
    assert longest_clause("Læs mere på www.holmby.dk/vinterruter, eller ring til os på tlf. 72 10 44 00.") == 6


@pytest.mark.parametrize("sentence, severity", [
    # short clauses of everyday words; only the addresses would be counted as long words
    ("Hvis du har spørgsmål til sorteringen, eller hvis du ønsker en større beholder til madaffaldet, er du velkommen "
     "til at skrive til os på affald@holmby.dk, eller du kan læse mere på holmby.dk/sortering.", "info"),
    # hard negative: officialese stays heavy with an address in it
    ("Det påhviler Dem endvidere at give meddelelse til kommunen via pension@holmby.dk, såfremt der indtræder "
     "ændringer i Deres husleje, idet støtte, der er modtaget med urette, kan kræves tilbagebetalt.", "warning"),
])
def test_an_address_does_not_make_a_plain_sentence_heavy(nlp, sentence, severity):
    assert [s for s, _ in _found(nlp, sentence)] == [severity]
