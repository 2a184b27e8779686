"""A subject line that states the message does not put it first when the body opens with what happens if the reader
does not act (the course: the message first, the consequence after; blind reviews 19-25: the editors called every
such letter "not first"). The finding then sits on the opening sentence, not on the subject line.

Hard negatives: the same subject line over a body that opens with the message, with thanks, or with help on a
condition ("Hvis du ikke kan komme, så ring til os"). Our own letters from several areas.
"""
from __future__ import annotations

import pytest

from letterlab.core import analyse

HEAD = ("Sønderby Kommune\nBørn og Unge\nRådhusvej 2, 6200 Sønderby\n\nMaria Holm\nBirkevej 7\n6200 Sønderby\n\n"
        "4. juni 2026\n\n")
END = "\n\nMed venlig hilsen\n\nLone Winther\nSagsbehandler\nTlf. 74 12 34 56"
RULE = "klart-budskab.budskab-foerst"

THREATS = [
    ("Vi mangler jeres lønsedler for maj",
     "Hvis vi ikke har fået jeres lønsedler senest den 20. juni 2026, kan vi ikke beregne jeres friplads for juli. "
     "Vi skal bruge lønsedlerne for at se, hvad I tjener. Send dem via borger.dk."),
    ("Du skal fjerne trampolinen fra fortovet",
     "Fjernes trampolinen ikke inden fredag den 12. juni, sender vi en vognmand, og du får regningen. Trampolinen "
     "står på fortovet ud for Birkevej 7, så gående må ud på vejen. Ring til os, hvis du har brug for hjælp."),
    # the threat second, after a sentence that tells the reader nothing to get or do
    ("Vi mangler stadig kopien af dit lejekort",
     "Vi har skrevet til dig om lejekortet to gange før. Hvis vi ikke har fået kopien senest den 20. juni, kan du "
     "ikke få plads i kolonihaven næste år. Send kopien via borger.dk."),
]


def _first(text):
    rep = analyse(text)
    return rep.message.get("first"), [f for f in rep.findings if f.rule == RULE]


@pytest.mark.parametrize("subject,body", THREATS)
def test_a_threat_before_the_message_keeps_it_from_being_first(subject, body):
    first, found = _first(HEAD + subject + "\n\nKære Maria Holm\n\n" + body + END)
    assert first is False
    threat = body[body.index("Hvis") if "Hvis" in body else 0:]
    assert [f.text[:30] for f in found] == [threat[:30]]
    assert "Overskriften siger budskabet" in found[0].message


@pytest.mark.parametrize("subject,body", [
    ("Vi mangler jeres lønsedler for maj",
     "Vi mangler jeres lønsedler for maj. Send dem senest den 20. juni 2026 via borger.dk. Hvis vi ikke har fået "
     "dem til den tid, kan vi ikke beregne jeres friplads for juli."),
    ("Vi mangler jeres lønsedler for maj",
     "Tak for jeres ansøgning om friplads. Send jeres lønsedler for maj senest den 20. juni 2026 via borger.dk, så "
     "vi kan beregne fripladsen."),
    # the message first, the threat second: first
    ("Vi mangler stadig kopien af dit lejekort",
     "Send en kopi af dit lejekort senest den 20. juni via borger.dk. Hvis vi ikke har fået kopien til den tid, kan "
     "du ikke få plads i kolonihaven næste år."),
    ("Du er indkaldt til samtale den 15. juni kl. 10",
     "Hvis du ikke kan komme den 15. juni, så ring til os på 74 12 34 56. Samtalen handler om din plan, og den "
     "varer cirka en time. Du finder os på Rådhusvej 2."),
])
def test_the_message_or_help_first_keeps_it_first(subject, body):
    first, found = _first(HEAD + subject + "\n\nKære Maria Holm\n\n" + body + END)
    assert first is not False
    assert found == []
