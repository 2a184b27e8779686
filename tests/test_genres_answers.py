"""Whole-letter genre shapes: an answer that retells the reader's question about a meeting, and a summons put late in
the letter as "Vi indkalder jer ...".

A meeting named in the reader's own question ("Du spørger, om du kan få kørsel til dit møde på ...") is the topic of
the answer, not a summons of this letter; a letter that summons in so many words ("Derfor indkalder vi dig til et møde
...") is a summons even when it opens with the background. The letters are written for these tests (invented places,
names and numbers), each shape with hard negatives.
"""
from __future__ import annotations

import pytest

from test_genres_r16 import genre

HEAD = "Lysmose Kommune\nAmtsvej 9\n6600 Lysmose\n\n"
SIGN = "\n\nMed venlig hilsen\n\nBent Lauridsen\nBorgerservice\nTlf. 76 30 11 22\n"


@pytest.mark.parametrize("text", [
    # transport to a meeting the reader asks about
    HEAD + "Svar på dit spørgsmål om kørsel\n\nKære Gitte Holm\n\nTak for din mail af 2. maj. Du spørger, om du kan "
    "få kørsel til dit møde på Sundhedscentret den 4. juni kl. 10.\n\nJa, du kan få kørsel, fordi du bruger "
    "kørestol. Taxaen henter dig ved din dør en halv time før.\n\nRing til os, hvis du får brug for kørsel igen."
    + SIGN,
    # a room for the reader's own club meeting
    HEAD + "Svar om lokale til jeres generalforsamling\n\nKære bestyrelse\n\nI skriver, at I gerne vil låne et lokale "
    "til jeres møde den 12. marts kl. 19 på biblioteket.\n\nI kan låne Mødesal 2 gratis, fordi I er en folkeoplysende "
    "forening. Nøglen ligger i skranken fra kl. 18." + SIGN,
])
def test_a_meeting_in_the_readers_own_question_is_no_summons(text):
    assert genre(text) != "indkaldelse"


@pytest.mark.parametrize("text", [
    # hard negative: the reader's wish retold, then a real summons with its time and place
    HEAD + "Samtale om dit forløb\n\nKære Gitte Holm\n\nDu skrev, at du gerne vil tale med os om dit forløb.\n\n"
    "Vi inviterer dig derfor til en samtale tirsdag den 3. juni kl. 10 på Jobcentret, Amtsvej 9." + SIGN,
    # a summons put late, after the background, told as "Vi indkalder jer ..."
    HEAD + "Elias' trivsel i 4.B\n\nKære Ane og Martin\n\nElias har haft det svært i klassen de sidste uger, og han "
    "har været væk fra skole flere dage.\n\nHans lærere har set, at han sidder alene i frikvartererne, og han har "
    "svært ved at følge med i dansk.\n\nVi vil gerne finde ud af, hvordan vi bedst kan hjælpe ham.\n\nDerfor indkalder "
    "vi jer til et møde på skolen onsdag den 14. januar kl. 15 med klasselæreren og skolens AKT-lærer.\n\nRing til "
    "mig, hvis tiden ikke passer." + SIGN,
])
def test_a_summons_in_so_many_words_stays_a_summons(text):
    assert genre(text) == "indkaldelse"


def test_a_summons_told_as_history_is_not_one():
    # hard negative: a meeting we called the reader to last year is the background of an information letter
    text = (HEAD + "Ny ordning for madservice\n\nKære Poul Winther\n\nFra den 1. marts får du din mad leveret om "
            "formiddagen i stedet for om eftermiddagen, fordi vi har fået en ny leverandør.\n\nSidste år indkaldte "
            "vi dig til et møde om madservice, og dengang valgte du kølet mad. Det fortsætter som før." + SIGN)
    assert genre(text) != "indkaldelse"
