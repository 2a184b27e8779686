"""Passive, review 17: state passives and a reason clause that got warnings an editor would not give.

* a tip, not a warning: the reader's own step said as the state that dates what follows ("så snart gebyret er
  betalt", "Når ansøgningsskemaet er indsendt, ...", also the second of two joined clauses); the reader's state after
  an act ("Du er nu skrevet op til en plads"); a passive with a modal in a reason clause, where the modal gives the
  reason and lays no duty ("fordi pladsen skal gives videre hurtigt");
* still warnings: a decision hidden ("er blevet afvist", "Det er besluttet"), the office's step in a time clause
  ("Når sagen er behandlet"), a sanction on the reader or being told ("Du er udelukket fra holdet", "du er gjort
  bekendt med ..."), the reader's duty in a main
  clause or a reason clause ("Beløbet er betalt." as a claim, "fordi beløbet skal betales tilbage"), "blive" with the
  reader as the subject.

Own sentences from other services than the review's, with hard negatives; the real model runs end to end.
"""
from __future__ import annotations

import pytest

from test_passive import _passives


@pytest.mark.model
@pytest.mark.parametrize("x,span,severity", [
    # the reader's state or own step, a reason the modal gives: a tip
    ("Du kan hente cyklen igen, så snart gebyret er betalt.", "er betalt", "info"),
    ("Når ansøgningsskemaet er indsendt, får du en kvittering på mail.", "er indsendt", "info"),
    ("Du kan bruge hallen igen, så snart nøglen er afleveret, eller depositummet er betalt.", "er afleveret", "info"),
    ("Du kan bruge hallen igen, så snart nøglen er afleveret, eller depositummet er betalt.", "er betalt", "info"),
    ("Du er nu skrevet op til en plads på svømmeholdet.", "er nu skrevet", "info"),
    ("I er nu oprettet som brugere i bookingsystemet.", "er nu oprettet", "info"),
    ("Du får tre dage til at svare, fordi pladsen skal gives videre hurtigt.", "gives", "info"),
    ("Vi kan ikke vente længere, fordi kolonihaven skal lejes ud inden sommeren.", "lejes", "info"),
    # a decision, the office's step, a sanction, being told, a duty: a warning
    ("Din ansøgning om plads i klubben er blevet afvist.", "blevet afvist", "warning"),
    ("Det er besluttet at lukke klubben i juli.", "er besluttet", "warning"),
    ("Når sagen er behandlet, hører du fra os.", "er behandlet", "warning"),
    ("Du er udelukket fra holdet resten af sæsonen.", "er udelukket", "warning"),
    ("Du er afmeldt holdet.", "er afmeldt", "warning"),
    ("Du er opsagt fra din bolig.", "er opsagt", "warning"),
    ("Du har ikke sendt kontoudtogene, selv om du er gjort bekendt med, at vi skal bruge dem.", "er gjort", "warning"),
    ("I er tidligere vejledt om reglerne for hegn.", "er tidligere vejledt", "warning"),
    ("Du er blevet skrevet op på listen.", "blevet skrevet", "warning"),
    ("Du får svar hurtigt, fordi beløbet skal betales tilbage inden fredag.", "betales", "warning"),
    ("Skemaet er udfyldt, og beløbet er betalt.", "er betalt", "warning"),
])
def test_what_the_state_passive_hides_decides_its_weight(nlp, x, span, severity):
    _, found = _passives(nlp, x)
    assert found.get(span) == severity, found
