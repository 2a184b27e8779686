"""Letter parts, round 19 (blind review 19): a recipient's address whose floor ends in a full stop ("Lindevej 7, st.
tv.", "Søgade 12, 3. th.") above an explicit "Emne:"/"Vedr.:" line, and a shouted line with an s-passive.

The address line looked like a short sentence, so the body started there: the name above it became the subject line,
the address and date became body text, and the real "Emne:" line a sub-heading. An explicit subject label further
down the head wins.

The letters are written for these tests (invented places, names and numbers). No spaCy needed.
"""
from __future__ import annotations

import pytest

from letterlab.anatomy import read_anatomy


def kind_of_line(text: str, needle: str) -> str:
    return read_anatomy(text).kind_at(text.index(needle))


SENDER = "Lyngå Kommune\nBorgerservice – Boligstøtte\nStationsvej 2, 7160 Lyngå\n\n"


@pytest.mark.parametrize("street", ["Lindevej 7, st. tv.", "Søgade 12, 3. th.", "Bakkedraget 4, 1. mf.",
                                    "Kirkebakken 19, kl."])
@pytest.mark.parametrize("label", ["Emne: ", "Vedr.: "])
def test_an_explicit_subject_label_wins_over_the_recipients_name(street, label):
    text = (SENDER + "Maja Kristensen\n" + street + "\n7160 Lyngå\n\nLyngå, den 3. februar 2027\n\n" + label
            + "Din boligstøtte fra 1. marts 2027\n\n"
            "Vi har regnet din boligstøtte ud igen, fordi din husleje er steget. Du får 1.240 kr. om måneden.\n\n"
            "Ring til mig, hvis du har spørgsmål.\n\nVenlig hilsen\nJonas Vinter\n")
    assert kind_of_line(text, "Maja Kristensen") == "recipient"
    assert kind_of_line(text, street) == "recipient"
    assert kind_of_line(text, "Lyngå, den 3.") == "date"
    assert kind_of_line(text, label) == "subject"
    assert kind_of_line(text, "Vi har regnet") == "body"


def test_without_a_label_below_a_short_first_sentence_is_still_body():
    # no "Emne:" line below: the short sentence opens the body as before
    text = (SENDER + "Lyngå, den 3. februar 2027\n\nDin boligstøtte stiger\n\nTak for dit brev.\n\n"
            "Vi har regnet din boligstøtte ud igen, fordi din husleje er steget. Du får 1.240 kr. om måneden.\n\n"
            "Venlig hilsen\nJonas Vinter\n")
    assert kind_of_line(text, "Tak for dit brev.") == "body"
    assert kind_of_line(text, "Din boligstøtte stiger") == "subject"


def test_a_label_in_the_body_does_not_pull_the_body_down():
    # running text before the label: the body has started, the labelled line is not the subject
    text = (SENDER + "Din boligstøtte stiger\n\nVi har regnet din boligstøtte ud igen, fordi din husleje er steget.\n\n"
            "Emne: Husleje\n\nDu får 1.240 kr. om måneden fra 1. marts 2027.\n\nVenlig hilsen\nJonas Vinter\n")
    assert kind_of_line(text, "Din boligstøtte stiger") == "subject"
    assert kind_of_line(text, "Vi har regnet") == "body"


BODY = (SENDER + "Emne: Din tid hos borgerservice\n\nKære Maja Kristensen\n\n"
        "Du har fået en tid hos borgerservice tirsdag den 9. februar 2027 kl. 10.00.\n\n{line}\n\n"
        "Tag dit sundhedskort med. Ring til mig, hvis tiden ikke passer.\n\nVenlig hilsen\nJonas Vinter\n")


@pytest.mark.parametrize("line", ["Ændringer modtages kun pr. mail!", "Kontanter accepteres ikke i skranken!"])
def test_a_shouted_s_passive_on_its_own_line_is_body(line):
    assert kind_of_line(BODY.format(line=line), line) == "body"


@pytest.mark.parametrize("line", ["Husk sundhedskortet!", "Vigtigt!", "Sådan finder du os"])
def test_a_short_heading_is_still_a_sub_heading(line):
    assert kind_of_line(BODY.format(line=line), line) == "subheading"
