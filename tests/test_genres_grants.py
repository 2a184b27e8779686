"""Whole-letter genre shapes: a grant told as what the reader has got, a place found for the reader's child, a bill of
someone else's that the reader paid, and a bill that denies reminding the reader.

"Du har fået fritidspas til ..." and "Vi har fundet en plads til Ella i ..." allocate a benefit or a place, so the letter
is a decision (afgoerelse), not information. "Tak, fordi du har sendt os regningen fra tandlægen" names a bill the
letter pays, not one it charges; "det er ikke vores opgave at minde jer om ..." reminds of nothing. The letters are
written for these tests (invented places, names and numbers), each shape with hard negatives: a question whether the
reader has got something, a place found for a thing, a real reminder that names its bill.
"""
from __future__ import annotations

import pytest

from test_genres_r16 import genre

HEAD = "Vesterlund Kommune\nKirkevej 4\n7100 Vesterlund\n\n"
SIGN = "\n\nMed venlig hilsen\n\nIda Krogh\nBørn og Unge\nTlf. 75 20 30 40\n"


@pytest.mark.parametrize("text", [
    HEAD + "Tilskud til Emils svømning\n\nKære Maria Holt\n\nDu har fået tilskud til Emils svømmehold i Vesterlund "
    "Svømmeklub for foråret 2027. Tilskuddet dækker hele kontingentet.\n\nVi betaler kontingentet direkte til "
    "klubben, så du skal ikke gøre noget." + SIGN,
    HEAD + "Ella kan begynde i Dagplejen Bien\n\nKære Sara og Jonas\n\nVi har fundet en plads til Ella i Dagplejen Bien "
    "på Lærkevej, og hun kan begynde mandag den 1. februar 2027.\n\nSvar os senest den 10. januar 2027, om I vil "
    "tage imod pladsen." + SIGN,
])
def test_a_grant_or_a_place_found_is_a_decision(text):
    assert genre(text) == "afgoerelse"


@pytest.mark.parametrize("text", [
    # hard negatives: a question whether the reader got a grant elsewhere, and a place found for a thing
    HEAD + "Oplysninger til din ansøgning\n\nKære Maria Holt\n\nHar du fået tilskud fra en anden kommune til Emils "
    "svømning? Så skal du skrive det i skemaet.\n\nVi har fundet en plads til din cykel i kælderen under rådhuset, "
    "mens du er til møder." + SIGN,
])
def test_a_question_or_a_thing_placed_is_no_decision(text):
    assert genre(text) != "afgoerelse"


# --- a bill of someone else's that the reader paid, and a bill that denies reminding ------------------------------

def test_a_refund_of_the_readers_own_bill_is_no_bill():
    text = (HEAD + "Du får tilskud til Emils tandregulering\n\nKære Maria Holt\n\nTak, fordi du har sendt os regningen "
            "fra tandlægen.\n\nDu får 3.400 kr. i tilskud, og beløbet bliver udbetalt til din NemKonto inden for fem "
            "hverdage.\n\nTilskuddet gives efter sundhedsloven, og vi har set på tandlægens regning. Vi kan kun "
            "udbetale tilskuddet til den, der har betalt regningen." + SIGN)
    assert genre(text) != "opkraevning"


@pytest.mark.parametrize("text,expected", [
    # a bill that denies reminding the reader ("det er ikke vores opgave at minde jer om ...") is still a bill
    (HEAD + "Faktura – leje af Fælleshuset 2027\n\nTil Vesterlund Skakklub\n\nVi har ikke fået svar på vores to "
     "breve om lejen, og det er ikke vores opgave at minde jer om aftalen.\n\nLejen for 2027 er 4.800 kr.\n\nBeløbet skal "
     "være betalt senest den 1. marts 2027.\n\nHusk at skrive fakturanummeret, når I betaler." + SIGN, "opkraevning"),
    # hard negative: a reminder that names the bill in its subject line stays a reminder
    (HEAD + "Opkrævning – 2. rykker for leje af Fælleshuset\n\nTil Vesterlund Skakklub\n\nVi har endnu ikke modtaget "
     "jeres betaling af lejen for 2027 på 4.800 kr., og vi minder jer derfor om den.\n\nBeløbet skal være betalt "
     "senest den 1. april 2027." + SIGN, "paamindelse"),
])
def test_a_bill_that_denies_reminding_stays_a_bill(text, expected):
    assert genre(text) == expected

