"""A grant in the De form that opens the letter ("De får en reserveret plads …") is the message, not a later list item
of what happens next (blind review 24: a good letter was told its message came too late). Our own letter."""
from __future__ import annotations

from letterlab.core import analyse

LETTER = """Holmå Kommune
Vej og Park
Torvegade 1, 6600 Holmå

12. marts 2026

Reserveret plads til Deres cykel med lad

Kære Erik Lund

De får en reserveret plads til Deres cykel med lad i cykelkælderen under rådhuset. Vi har lagt vægt på, at De bruger cyklen til at komme på arbejde hver dag.

Hvad sker der nu?
- Vi sætter et skilt med Deres navn op i uge 14.
- Pladsen gælder, så længe De arbejder på rådhuset.

Ring til mig på 76 54 32 10, hvis De har spørgsmål.

Med venlig hilsen

Mette Krog
Trafikplanlægger"""


def test_a_grant_in_the_de_form_opens_the_letter():
    report = analyse(LETTER)
    assert not [f for f in report.findings if f.rule == "klart-budskab.budskab-foerst"]
    start = LETTER.index("De får en reserveret")
    assert report.message["start"] == start and report.message["act"] == "decision"
