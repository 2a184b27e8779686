"""A letter that only says an order may come ("Kommunen kan give påbud, hvis …") is information about a duty, not a
decision (``genres.PROSPECTIVE``; blind review 21: a winter letter to all owners on a street got a decision's appeal
errors). Hard negatives: an order given ("Kommunen giver Dem hermed påbud om …") and an order told as decided stay
decisions. The letters are written for these tests (invented places, names and numbers)."""
from __future__ import annotations

import pytest

from test_genres_r16 import genre

HEAD = "Ravnsø Kommune\nNatur og Miljø\nTorvet 3\n4700 Ravnsø\n\n"
SIGN = "\n\nMed venlig hilsen\n\nPia Lund\nNatur og Miljø\nTlf. 55 10 20 30\n"

POSSIBLE = [
    HEAD + "Til alle haveejere ved Søvej\n\nHække og træer ud mod stien\n\nKære haveejer\n\nForåret er på vej, og vi vil "
    "gerne fortælle, hvad du skal være opmærksom på ved stien langs søen.\n\nSom haveejer skal du klippe hæk og grene, "
    "så de ikke hænger ud over stien, fordi det står i vejloven. Stien skal være fri i 2,5 meters højde.\n\nDu kan "
    "gratis aflevere haveaffald på genbrugspladsen.\n\nKommunen kan give påbud, hvis beplantningen ikke bliver klippet, "
    "men vi kontakter dig altid først.\n\nRing til os, hvis du har spørgsmål." + SIGN,
    HEAD + "Til ejerne af sommerhuse i Klitområdet\n\nSådan tømmer du din septiktank\n\nKære sommerhusejer\n\nDin "
    "septiktank skal tømmes hvert år, fordi det står i kommunens regulativ. Tømningen bestiller du selv hos et firma "
    "på listen på ravnsoe.dk.\n\nHvis tanken ikke bliver tømt, kan vi påbyde dig at få det gjort, men først spørger vi, "
    "om du har brug for hjælp.\n\nRing til os, hvis du har spørgsmål." + SIGN,
]
GIVEN = [
    HEAD + "Vedr.: Beplantning ud mod stien ved Søvej 4\n\nKære Ole Berg\n\nVed vores besøg den 3. april så vi, at "
    "hækken hænger 1 meter ud over stien.\n\nKommunen giver dig hermed påbud om at klippe hækken tilbage til skel "
    "senest den 1. juni 2026, fordi det står i vejlovens § 87.\n\nDu kan klage over påbuddet til Vejdirektoratet "
    "inden 4 uger fra den dag, du har fået brevet." + SIGN,
]


@pytest.mark.parametrize("text", POSSIBLE)
def test_an_order_that_may_come_leaves_the_letter_information(text):
    assert genre(text) == "orientering"


@pytest.mark.parametrize("text", GIVEN)
def test_an_order_given_is_a_decision(text):
    assert genre(text) == "afgoerelse"
