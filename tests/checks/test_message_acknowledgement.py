"""A short acknowledgement before the answer: a first paragraph of two short sentences that opens with thanks or
with the reader's own contact told back leaves the message in the next paragraph at the top (blind reviews 22 and
23: good letters were told their message came too late). Our own letters from other areas; hard negatives where
the first paragraph is longer, or opens with background instead."""
from __future__ import annotations

import pytest

from letterlab.core import analyse

HEAD = "Holmå Kommune\nBorgerservice\nTorvegade 1, 6600 Holmå\n\n12. marts 2026\n\n"
END = ("\n\nHvis du har spørgsmål, er du velkommen til at ringe til mig på 76 54 32 10.\n\nMed venlig hilsen\n\n"
       "Mette Krog\nSagsbehandler")
REFUSAL = "Vi kan desværre ikke give dig tilskud til den nye cykelhjelm."
REASON = ("Tilskuddet gælder kun hjælpemidler, som du har brug for på grund af en varig nedsat funktionsevne, og en "
          "cykelhjelm bruger alle cyklister.")


def letter(first: str, *rest: str, subject: str = "Din ansøgning om tilskud til cykelhjelm") -> str:
    return HEAD + subject + "\n\nKære Anna Holm\n\n" + "\n\n".join([first, *rest]) + END


def _late(text: str) -> list:
    return [f for f in analyse(text).findings if f.rule == "klart-budskab.budskab-foerst"]


@pytest.mark.parametrize("first", [
    "Tak for din ansøgning om tilskud til en cykelhjelm. Vi kan godt forstå, at du gerne vil cykle sikkert.",
    "Tak, fordi du skrev til os om cykelhjelmen. Vi har læst din ansøgning og lægeerklæringen grundigt.",
    "Du skrev til os i januar og spurgte om tilskud til en cykelhjelm. Vi har nu behandlet din ansøgning.",
    "I ringede til os i sidste uge om cykelhjelmen. Vi er kede af, at svaret har været længe undervejs.",
])
def test_a_short_acknowledgement_leaves_the_answer_at_the_top(first):
    assert not _late(letter(first, REFUSAL + " " + REASON))


@pytest.mark.parametrize("first", [
    # background first, not an acknowledgement
    "Kommunen giver tilskud til hjælpemidler efter servicelovens § 112. Reglerne blev ændret sidste år.",
    # our receipt and our process: the officialese opening that delays the answer
    "Vi har modtaget din ansøgning om tilskud til en cykelhjelm. Vi har talt med din ergoterapeut om sagen.",
    # three sentences
    "Tak for din ansøgning om tilskud til en cykelhjelm. Vi kan godt forstå, at du gerne vil cykle sikkert. "
    "Vi har talt med din ergoterapeut om sagen.",
    # two long sentences
    "Tak for din ansøgning om tilskud til en cykelhjelm, som vi modtog den 3. februar sammen med en udtalelse fra "
    "din ergoterapeut og en kopi af regningen fra cykelhandleren på Storegade, hvor du købte hjelmen. Vi har læst "
    "det hele grundigt og har også talt med din ergoterapeut i telefonen om, hvordan du bruger hjelmen i hverdagen.",
])
def test_a_longer_or_other_first_paragraph_still_makes_the_answer_late(first):
    assert _late(letter(first, "Vi har talt med lægen om det.", REFUSAL + " " + REASON))
