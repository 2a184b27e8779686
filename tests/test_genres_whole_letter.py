"""Genre shapes from reviews 19-21 (``letterlab.genres``), with hard negatives:

* a bill that says a reminder will come if it is not paid ("… sender vi først en påmindelse") is a bill, not a
  reminder; a letter that is the reminder ("Vi sender dig en påmindelse …") stays one;
* a duty broken more than once with a warning for the next time ("for tredje gang …", "Står spanden ude igen, vil
  …") is a reminder of the duty; a warning without the repeated breach, or a decision already made, is not;
* a request that puts the need as what the case waits for ("For at vi kan behandle din ansøgning, skal vi have …")
  after a thank-you opening is a request, not a receipt; a receipt that only thanks and promises an answer stays one.

The letters are written for these tests.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from letterlab.genres import detect_genre, detect_genre_parts


BILL = ("Her er opkrævningen for din plads i kajakklubbens bådhal i 2027.\n\nBeløb: 1.200 kr.\nSidste rettidige "
        "betalingsdag: 15. januar 2027\n\nDu kan betale med indbetalingskortet. Husk at skrive dit medlemsnummer, når "
        "du betaler. Hvis beløbet ikke er betalt til tiden, sender vi først en påmindelse med en ny frist, før vi "
        "opsiger pladsen.")


@pytest.mark.parametrize("text", [
    BILL,
    BILL.replace("sender vi først en påmindelse", "vil vi sende dig en påmindelse"),
])
def test_a_bill_that_tells_of_a_reminder_to_come(text):
    assert detect_genre(text)[0] == "opkraevning"


def test_the_reminder_itself_stays_a_reminder():
    text = ("Vi har endnu ikke fået din betaling på 1.200 kr. for din plads i bådhallen. Derfor sender vi dig en "
            "påmindelse. Betal beløbet senest den 29. januar 2027. Beløb: 1.200 kr.")
    assert detect_genre(text)[0] == "paamindelse"


BIN = ("Din affaldsspand har tre gange i oktober stået ude på fortovet hele ugen, og naboerne har skrevet til os om "
       "det. Spanden skal stå på din grund, når den er tømt. Står spanden ude igen efter tømningen, vil vi tage den "
       "ind på genbrugspladsen, og du skal hente den selv. Ring til os, hvis du har brug for hjælp til at flytte den.")


def test_a_duty_broken_again_and_again_with_a_warning_is_a_reminder():
    assert detect_genre(BIN)[0] == "paamindelse"


def test_a_warning_without_a_repeated_breach_is_no_reminder():
    text = BIN.replace("har tre gange i oktober stået", "stod i sidste uge")
    assert detect_genre(text)[0] != "paamindelse"


def test_a_decision_after_a_repeated_breach_stays_a_decision():
    text = ("Du er udeblevet fra tre samtaler i jobcentret i oktober uden at melde afbud. Vi har derfor besluttet at "
            "trække 1.200 kr. i din kontanthjælp for november. Udebliver du igen, vil vi se på sagen på ny. Du kan "
            "klage over afgørelsen inden fire uger.")
    assert detect_genre(text)[0] == "afgoerelse"


def _parts(text: str) -> list:
    """Subject line and body paragraphs as parts, the way ``letterlab.anatomy`` finds them."""
    parts, pos = [], 0
    for i, para in enumerate(text.split("\n\n")):
        start = text.index(para, pos)
        parts.append(SimpleNamespace(kind="subject" if i == 0 else "body", start=start, end=start + len(para)))
        pos = start + len(para)
    return parts


REQUEST = ("Din ansøgning om tilskud til briller\n\n"
           "Tak for din ansøgning om tilskud til briller, så du kan få nye glas, inden du starter på dit nye arbejde.\n\n"
           "For at vi kan behandle din ansøgning, skal vi have en kopi af prisoverslaget fra optikeren.\n\n"
           "Tilskuddet gives til dem, der har en formue under grænsen, og prisoverslaget viser, hvad brillerne koster.\n\n"
           "Vær opmærksom på, at vi ikke kan give tilskud, før vi har modtaget prisoverslaget.\n\n"
           "Send gerne prisoverslaget senest den 10. december 2026.")


def test_a_request_after_a_thank_you_is_a_request():
    assert detect_genre_parts(REQUEST, _parts(REQUEST))[0] == "anmodning"


def test_a_receipt_that_thanks_and_promises_an_answer_stays_a_receipt():
    text = ("Din ansøgning om tilskud til briller\n\n"
            "Tak for din ansøgning om tilskud til briller, så du kan få nye glas, inden du starter på dit nye arbejde.\n\n"
            "Vi har modtaget din ansøgning og behandler den nu. Du får svar senest den 10. december 2026.")
    assert detect_genre_parts(text, _parts(text))[0] == "kvittering"
