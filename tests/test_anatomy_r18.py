"""Letter parts, round 18 (blind review 18): a firm with an "Att.:" line as the addressee, a utility as the sender,
a shouted sentence on a line of its own, and addressee lines under the subject line that are no second subject.

The letters are written for these tests (invented places, names and numbers). No spaCy needed.
"""
from __future__ import annotations

import pytest

from letterlab.anatomy import read_anatomy


def kind_of_line(text: str, needle: str) -> str:
    return read_anatomy(text).kind_at(text.index(needle))


HEAD = "Vesterå Kommune\nVej og Trafik\nTorvet 3, 8800 Vesterå\n\nDato: 2. juni 2027\nSagsnr.: 27-VT-118\n\n"


# --- a firm above an "Att.:" line is the addressee, not a second letterhead ---------------------------------------

@pytest.mark.parametrize("firm", ["Holm Kloakservice ApS", "Vestjysk Byggeservice A/S"])
def test_a_firm_above_an_attention_line_is_the_addressee(firm):
    text = (HEAD + "Emne: Tilladelse til at spærre Bakkevej 4-10\n\n" + firm + "\nAtt.: Formand Kurt Ravn\n\n"
            "I må spærre den ene side af vejen fra 7. til 11. juni 2027. Skiltningen skal følge planen, I sendte os.\n\n"
            "Venlig hilsen\nPia Lund\n")
    assert kind_of_line(text, firm) == "recipient"
    assert kind_of_line(text, "Vesterå Kommune") == "letterhead"
    assert kind_of_line(text, "Emne:") == "subject"


def test_a_sender_block_without_an_attention_line_stays_the_letterhead():
    text = ("Vesterå Byggeservice\nTorvet 3, 8800 Vesterå\n\nDato: 2. juni 2027\n\n"
            "Emne: Vi kommer og ser på dit tag\n\nKære Jens Ravn\n\n"
            "Vi kommer tirsdag den 8. juni 2027 kl. 9.00 og ser på taget over garagen.\n\nVenlig hilsen\nPia Lund\n")
    assert kind_of_line(text, "Vesterå Byggeservice") == "letterhead"


# --- a utility at the top is the sender ---------------------------------------------------------------------------

@pytest.mark.parametrize("sender", ["Vesterå Forsyning – Spildevand", "Bækby Vandværk", "Nordå Varmeværk"])
def test_a_utility_block_at_the_top_is_the_letterhead(sender):
    text = (sender + "\nMøllevej 9, 8800 Vesterå\n\nDato: 2. juni 2027\n\n"
            "Emne: Vi skyller kloakken i jeres gade onsdag den 9. juni\n\nKære beboere på Engvej\n\n"
            "Onsdag den 9. juni 2027 skyller vi kloakken i Engvej. Det kan give lidt lugt i en time.\n\n"
            "Venlig hilsen\nPia Lund\n")
    assert kind_of_line(text, sender) == "letterhead"


def test_a_recipients_address_block_stays_the_recipient():
    text = (HEAD + "Jens Ravn\nEngvej 4\n8800 Vesterå\n\nEmne: Vi skyller kloakken i din gade\n\nKære Jens Ravn\n\n"
            "Onsdag den 9. juni 2027 skyller vi kloakken i Engvej. Det kan give lidt lugt i en time.\n\n"
            "Venlig hilsen\nPia Lund\n")
    assert kind_of_line(text, "Jens Ravn\nEngvej") == "recipient"


# --- a shouted sentence on its own line is body text, not a sub-heading ----------------------------------------

BODY = (HEAD + "Emne: Tilladelse til at spærre Bakkevej 4-10\n\nKære Kurt Ravn\n\n"
        "I må spærre den ene side af vejen fra 7. til 11. juni 2027.\n\n{line}\n\n"
        "Skiltningen skal følge planen, I sendte os den 20. maj. Ring til mig, hvis planen ændrer sig.\n\n"
        "Venlig hilsen\nPia Lund\n")


@pytest.mark.parametrize("line", ["Kørsel på fortovet er IKKE tilladt!!", "Lastbiler må ALDRIG holde på cykelstien!"])
def test_a_shouted_sentence_on_its_own_line_is_body(line):
    assert kind_of_line(BODY.format(line=line), line) == "body"


@pytest.mark.parametrize("line", ["Vigtigt!", "Husk skiltningen!", "Sådan skilter I"])
def test_a_short_heading_is_still_a_sub_heading(line):
    assert kind_of_line(BODY.format(line=line), line) == "subheading"


# --- addressee lines under the subject line are no second subject line --------------------------------------------

@pytest.mark.parametrize("line", ["Til barnets forældre", "Til ejendommens ejere", "Karen Lise Bruun", "Ole Bach-Nielsen"])
def test_an_addressee_line_under_the_subject_line_is_no_subject(line):
    text = (HEAD + "Emne: Skolebussen kører ikke i uge 25\n\n" + line + "\n\n"
            "Skolebussen til Bækby Skole kører ikke i uge 25, fordi vejen bliver lavet. Eleverne kan tage bus 12.\n\n"
            "Venlig hilsen\nPia Lund\n")
    assert kind_of_line(text, line) == "recipient"
    assert kind_of_line(text, "Emne:") == "subject"


@pytest.mark.parametrize("second", ["Skolebussen kører ikke i uge 25", "Ny køreplan"])
def test_a_second_subject_line_is_still_a_subject(second):
    text = (HEAD + "Vigtig besked om skolebussen\n" + second + "\n\n"
            "Skolebussen til Bækby Skole kører ikke i uge 25, fordi vejen bliver lavet. Eleverne kan tage bus 12.\n\n"
            "Venlig hilsen\nPia Lund\n")
    assert kind_of_line(text, second) == "subject"
