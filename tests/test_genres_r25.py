"""Whole-letter genre shapes from blind review 25, in letters of our own.

- A bill that promises a receipt once it is paid ("Når beløbet er betalt, sender vi dig en kvittering") is no
  receipt: the receipt it promises is not this letter. (Whether it reads as a bill depends on its other words: a sum
  due by a date alone does not tell a bill from a decision on repayment, so that is left as it was.)
- An answer to an objection that upholds a fee with its amount ("Gebyret på 300 kr. fastholdes.") is a decision.

Hard negatives: a real receipt that calls itself one, a real receipt of the reader's application, an answer that only
says what happens if the fee is upheld after an appeal. The letters are written for these tests (invented places,
names and numbers).
"""
from __future__ import annotations

import pytest

from test_genres_r16 import genre

HEAD = "Egelund Kommune\nØkonomi\nTorvegade 4\n5600 Egelund\n\n"
SIGN = "\n\nMed venlig hilsen\n\nMaja Kristensen\nØkonomi\nTlf. 62 11 40 00\n"

BILL = (HEAD + "Tilbagebetaling af dit lån til indskud\n\nKære Peter Holm\n\nDu er flyttet fra din lejlighed på Ågade 3, "
        "og derfor skal dit lån til beboerindskud betales tilbage. Beløbet er i alt 9.840 kr. og skal betales senest "
        "den 1. marts 2027.\n\nDu kan betale via netbank til reg.nr. 1234 kontonr. 5678901. Når beløbet er betalt, "
        "sender vi dig en kvittering." + SIGN)
UPHELD = (HEAD + "Din indsigelse mod gebyret\n\nKære Peter Holm\n\nVi har læst din indsigelse af 3. februar mod "
          "gebyret for din hund uden snor i Egeskoven.\n\nGebyret på 300 kr. fastholdes. Skiltene ved indgangen siger, "
          "at hunde skal være i snor fra 1. april til 30. september, og betjenten så hunden løbe frit den 2. maj.\n\n"
          "Du kan klage over afgørelsen til Fødevarestyrelsen inden fire uger." + SIGN)


def test_a_bill_that_promises_a_receipt_is_no_receipt():
    assert genre(BILL) != "kvittering"


def test_an_upheld_fee_with_its_amount_is_a_decision():
    assert genre(UPHELD) == "afgoerelse"


@pytest.mark.parametrize("text", [
    HEAD + "Kvittering for din betaling\n\nKære Peter Holm\n\nHer er din kvittering for betalingen af 9.840 kr. for "
    "dit lån til beboerindskud. Lånet er nu betalt helt tilbage, og du skylder ikke kommunen mere." + SIGN,
    HEAD + "Vi har modtaget din ansøgning\n\nKære Peter Holm\n\nTak for din ansøgning om lån til beboerindskud. Vi "
    "har modtaget den den 4. februar. Du får svar senest den 4. marts. Du får en kvittering, når vi har registreret "
    "dit indskud." + SIGN,
])
def test_real_receipts_stay_receipts(text):
    assert genre(text) == "kvittering"


def test_what_happens_if_the_fee_is_upheld_is_no_decision():
    text = (HEAD + "Din klage over gebyret\n\nKære Peter Holm\n\nVi har modtaget din klage over gebyret. Vi behandler "
            "klagen og ser på sagen igen. Hvis gebyret på 300 kr. fastholdes, sender vi din klage videre til "
            "Fødevarestyrelsen. Du hører fra os senest den 1. marts." + SIGN)
    assert genre(text) != "afgoerelse"
