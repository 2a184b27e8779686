"""Passive, review 19: warnings an editor called false on good letters, and an ungrammatical rewrite.

* a tip, not a warning: "man" as the subject ("den dato, man er blevet godkendt": how it goes for anyone); the
  reader's own option, a modal of what is possible or, at the head of its clause, of what the reader wants, with a
  verb of what the reader may ask for ("du kan blive skrevet op til flere boliger", "om du kan blive rykket frem",
  "vil du skrives op til ..., så ring");
* no finding: what the reader already has, in a relative clause on a noun ("den kørsel, som De allerede er visiteret
  til"), as review 16's "den kørsel, De allerede er bevilget";
* still warnings: a refusal or a sanction on the reader, negated ("Du kan ikke blive skrevet op"), a future ("Du vil
  blive skrevet op", "Derfor vil du blive optaget"), "blive" in the reader's state ("Du er blevet skrevet op"),
  being told in a relative clause ("de regler, som De er gjort bekendt med"), a request to anyone ("Man bedes");
* "man", "ingen" as the subject never become an object: no rewrite "vi har godkendt man".

Own sentences from other services than the review's, with hard negatives; the real model runs end to end.
"""
from __future__ import annotations

import pytest

from test_passive import LETTER, _passives


@pytest.mark.model
@pytest.mark.parametrize("x,span,severity", [
    # anyone as the subject, the reader's option: a tip
    ("Pladserne i klubben gives efter den dato, man er blevet optaget på ventelisten.", "blevet optaget", "info"),
    ("Du kan blive skrevet op til flere kolonihaver på én gang, hvis ventetiden skal være kortere.", "blive skrevet",
     "info"),
    ("Du har spurgt, om du kan blive rykket frem i køen til en plads i svømmeklubben.", "blive rykket", "info"),
    ("Har du spørgsmål, eller vil du skrives op til holdet i Nordhallen, så ring til mig.", "skrives", "info"),
    ("Hvis du ønsker det, kan du blive henvist til en diætist i sundhedscentret.", "blive henvist", "info"),
    # a refusal, a sanction, a negation, a future, "blive" as a state, a request: a warning
    ("Du kan blive trukket i din ydelse, hvis skemaet mangler.", "blive trukket", "warning"),
    ("Du kan ikke blive skrevet op til en kolonihave, før du bor i kommunen.", "blive skrevet", "warning"),
    ("Du vil blive skrevet op på ventelisten til kolonihaverne i næste uge.", "blive skrevet", "warning"),
    ("Derfor vil du blive optaget på svømmeholdet fra august.", "blive optaget", "warning"),
    ("Du er blevet skrevet op på listen til kolonihaverne.", "blevet skrevet", "warning"),
    ("Du bliver skrevet op på listen til kolonihaverne.", "bliver skrevet", "warning"),
    ("Din ansøgning om en plads på svømmeholdet er blevet afvist.", "blevet afvist", "warning"),
])
def test_anyone_as_subject_and_the_readers_option_are_tips(nlp, x, span, severity):
    _, found = _passives(nlp, x)
    assert found.get(span) == severity, found


@pytest.mark.model
@pytest.mark.parametrize("x,span,severity", [
    # what the reader already has: no finding
    ("Til ture ud over byen kan De bruge den kørselsordning, som De allerede er visiteret til.", "er visiteret", None),
    ("Du kan fortsat bruge den madservice, som du er bevilget.", "er bevilget", None),
    # being told or a sanction in the same kind of clause: a warning
    ("Du har ikke sendt lønsedlerne, selv om de regler, som De er gjort bekendt med, kræver det.", "er gjort",
     "warning"),
    ("Vi kan ikke se bort fra den frist, som du er blevet pålagt.", "blevet pålagt", "warning"),
])
def test_what_the_reader_already_has_in_a_relative_clause_is_no_finding(nlp, x, span, severity):
    _, found = _passives(nlp, x)
    assert found.get(span) == severity, found


@pytest.mark.model
@pytest.mark.parametrize("x,span", [
    ("Pladserne i klubben gives efter den dato, man er blevet godkendt.", "blevet godkendt"),
    ("Ingen er blevet afvist til svømmeholdet i år.", "blevet afvist"),
])
def test_man_or_ingen_never_becomes_an_object_in_a_rewrite(nlp, x, span):
    from letterlab.core import analyse

    text = LETTER.format(x=x)
    report = analyse(text, nlp=nlp)
    got = [f for f in report.findings if f.rule == "let-at-laese.passiv" and text[f.start:f.end] == span]
    assert got, [text[f.start:f.end] for f in report.findings]
    assert not any(" man" in s.replacement or " ingen" in s.replacement for f in got for s in f.suggestions)
    assert not any(s.replacement for f in got for s in f.suggestions)
