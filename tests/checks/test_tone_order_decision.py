"""Two tone findings a careful editor would not make on a good påbud letter (blind reviews 21 and 22, our own letters
from other areas):

- the påbud the letter gives now is its decision, not a threat ("Kommunen giver Dem påbud om at …"); a påbud held
  over the reader ("Hvis …, giver vi dig et påbud", "… vil vi give dig påbud") still is one;
- a subject line all in capitals, however long, is an old template's layout; a warning in capitals in it
  ("SIDSTE RYKKER") and capitals in the body still shout.
"""
from __future__ import annotations

import pytest

from letterlab.core import analyse

HEAD = ("Vestvig Kommune\nNatur og Miljø\nStrandvejen 4, 7700 Vestvig\n\nKarin Holt\nMarkvej 12\n7700 Vestvig\n\n"
        "3. juni 2026\n\n")
SUBJECT = "Påbud om at tømme og rense olietanken på Markvej 12"
BODY_AFTER = ("Vi giver påbuddet efter miljøbeskyttelseslovens § 42, fordi olien kan sive ned i grundvandet. Fristen er den "
              "1. september 2026. Kan du ikke nå det, så ring til mig, så finder vi en ny dato sammen.")
END = ("\n\nDu kan klage over påbuddet til Miljø- og Fødevareklagenævnet senest 4 uger efter, at du har fået brevet."
       "\n\nMed venlig hilsen\n\nJonas Krogh\nMiljømedarbejder\nTlf. 96 10 20 30")


def _tone(text: str) -> list[tuple[str, str]]:
    return [(f.rule.split(".")[-1], f.text) for f in analyse(text).findings if f.rule.startswith("anerkendende-tone.")]


def _letter(subject: str, first: str) -> str:
    return HEAD + subject + "\n\nKære Karin Holt\n\n" + first + "\n\n" + BODY_AFTER + END


@pytest.mark.parametrize("first", [
    "Kommunen giver dig påbud om at få tømt og renset den gamle olietank i haven, så olien ikke kan løbe ud.",
    "Vi giver dig hermed påbud om at få tømt og renset den gamle olietank, så den ikke kan forurene jorden.",
    "Du får derfor påbud om at få tømt og renset den gamle olietank i haven, så olien ikke kan løbe ud.",
])
def test_the_order_given_now_is_no_threat(first):
    found = _tone(_letter(SUBJECT, first))
    assert not [f for f in found if f[0] in ("trussel", "raekkefoelge")], found


@pytest.mark.parametrize("first", [
    "Hvis olietanken ikke er tømt inden den 1. september, giver vi dig et påbud om at få den tømt.",
    "Bliver olietanken ikke tømt, vil kommunen give dig påbud om at få den tømt og renset.",
])
def test_an_order_held_over_the_reader_is_still_a_threat(first):
    found = _tone(_letter(SUBJECT, first))
    assert any(f[0] in ("trussel", "raekkefoelge") for f in found), found


FIRST = "Kommunen giver dig påbud om at få tømt og renset den gamle olietank i haven, så olien ikke kan løbe ud."


@pytest.mark.parametrize("subject", [
    "PÅBUD OM AT TØMME OG RENSE OLIETANKEN PÅ MARKVEJ 12",
    "PÅBUD OM TØMNING OG RENSNING AF OLIETANK – MATR.NR. 7B VESTVIG BY",
])
def test_a_subject_line_all_in_capitals_is_layout(subject):
    assert not [f for f in _tone(_letter(subject, FIRST)) if f[0] == "raab"]


@pytest.mark.parametrize("subject,body", [
    ("SIDSTE RYKKER – PÅBUD OM AT TØMME OLIETANKEN PÅ MARKVEJ 12", FIRST),
    (SUBJECT, FIRST.replace("påbud", "PÅBUD").replace("den gamle", "den GAMLE")),
])
def test_a_warning_in_capitals_still_shouts(subject, body):
    assert [f for f in _tone(_letter(subject, body)) if f[0] == "raab"]
