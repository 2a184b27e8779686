"""Long paragraphs: sentences and words per paragraph, with a sub-heading on the first line not counted."""
from __future__ import annotations

import pytest

from letterlab.core import analyse
from letterlab.ruleset import default_ruleset

RULE = "let-at-laese.lange-afsnit"

FIVE = ("Hvis du ikke er enig, kan du klage. Send klagen til os inden fire uger. Du kan skrive på borger.dk. "
        "Vi ser på sagen igen. Derefter sender vi klagen videre til Ankestyrelsen.")


def _found(nlp, body):
    text = f"Du får ikke tilskud til tandpleje\n\nKære Ole Berg\n\nDu får ikke tilskud til tandpleje.\n\n{body}\n"
    return [f for f in analyse(text, default_ruleset(), nlp=nlp).findings if f.rule == RULE]


@pytest.mark.model
def test_a_sub_heading_on_the_first_line_is_not_a_sentence(nlp):
    assert _found(nlp, f"Sådan klager du\n{FIVE}") == []


BODY_FIVE = ("Vi har talt med din tandlæge. Hun mener, at du skal have en ny krone. Den koster 6.000 kr. "
             "Vi kan ikke betale for den. Du kan søge hjælp hos din pensionskasse.")


@pytest.mark.model
def test_six_real_sentences_are_still_a_long_paragraph(nlp):
    # body text; an appeal guide is judged by its words only (below)
    [f] = _found(nlp, f"{BODY_FIVE} Din pensionskasse svarer dig inden tre uger.")
    assert "6 sætninger" in f.message
    # a first line that ends like a sentence is a sentence, also with a line break after it
    [f] = _found(nlp, f"Vi har fået dit brev.\n{BODY_FIVE}")
    assert "6 sætninger" in f.message


@pytest.mark.model
def test_key_value_lines_are_not_sentences_and_split_the_paragraph(nlp):
    # a short sentence, a Tid/Sted block and two short sentences: not one paragraph of many sentences
    assert _found(nlp, "Du er velkommen til at se hallen før lejen.\nTid: Mandag den 7. juni 2027 kl. 9.30\n"
                       "Sted: Idrætsvej 4, 8800 Egeby\nKontakt: Pedel Ib Holm\nSkriv til os, hvis tiden ikke passer. "
                       "Vi finder så en ny tid.") == []
    # a payment block: a lead-in line and key-value lines with account numbers
    assert _found(nlp, "Du kan betale i netbanken med disse oplysninger:\nKortart: +71<\nBetalings-ID: 000000123456789\n"
                       "Kreditornr.: 85432199\nReg.nr.: 9570\nKontonr.: 0012778899") == []


@pytest.mark.model
def test_six_sentences_after_a_key_value_block_are_still_long(nlp):
    [f] = _found(nlp, f"Du kan se lokalet først.\nTid: Mandag den 7. juni 2027 kl. 9.30\nSted: Idrætsvej 4\n{FIVE} "
                      "Ankestyrelsen svarer dig inden tre måneder.")
    assert "6 sætninger" in f.message


@pytest.mark.model
def test_an_appeal_guide_is_judged_by_its_words_not_its_sentences(nlp):
    # seven short standard sentences and the legal basis on a line of its own: no tip
    guide = ("Klagevejledning\nHvis du er uenig i afgørelsen, kan du klage til os. Vi skal have din klage senest "
             "4 uger efter, at du har fået brevet. Skriv til os på mail eller ring til mig. Skriv gerne, hvorfor du "
             "er uenig. Vi ser på sagen igen. Du får et svar med en begrundelse.\n"
             "Afgørelsen er truffet efter dagtilbudslovens § 43.")
    assert _found(nlp, guide) == []
    # a guide that is long in words is still long
    long_guide = guide.replace("Vi ser på sagen igen.", "Vi ser på sagen igen, og hvis vi fastholder afgørelsen, "
                               "sender vi din klage og alle sagens papirer videre til Ankestyrelsen, som træffer en "
                               "ny afgørelse i sagen, og som normalt svarer inden for tre måneder efter, at de har "
                               "fået klagen fra os.")
    [f] = _found(nlp, long_guide)
    assert "ord" in f.message
