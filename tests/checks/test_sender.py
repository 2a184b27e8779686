"""Whose contact data is it: the sender's own lines and the words before a number."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from letterlab.checks.base import LetterContext
from letterlab.checks.sender import in_sender_block, is_label_line, sender_contact_before
from letterlab.readers import read_text
from letterlab.structure import letter_zones

LETTER = """Fjordby Kommune
Jobcenter Fjordby
Telefon 72 10 50 00

Sagsnr.: 2026-1234

Kom til samtale

Kære Mads

Vi har dit telefonnummer 21 43 65 87. Ring til mig på 72 10 50 37, hvis det er forkert.

Med venlig hilsen

Sara Mikkelsen
Direkte telefon: 72 10 50 37

Klagevejledning

Du kan klage. Din klage skal være hos os inden fire uger, og vi ringer til dig på 21 43 65 87.
"""


def _ctx(text):
    from letterlab.anatomy import read_anatomy

    doc = read_text(text)
    return LetterContext(blocks=tuple(doc.blocks), metrics={"zones": letter_zones(text, doc.blocks)},
                         parts=read_anatomy(text, doc.blocks).parts)


def _at(text, needle, nth=0):
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos


@pytest.mark.parametrize("line,expected", [
    ("Direkte telefon: 72 10 50 37", True),
    ("Sagsbehandler, Ydelser", True),
    ("Telefon 72 10 63 00 (mandag til fredag kl. 7.30-9.00)", True),
    ("Ring til mig på tlf.", True),
    ("Du kan klage over afgørelsen til Ankestyrelsen.", False),
    ("", False),
])
def test_label_line(line, expected):
    assert is_label_line(line) is expected


def test_letterhead_and_signature_lines_are_the_senders():
    ctx = _ctx(LETTER)
    assert in_sender_block(ctx, LETTER, _at(LETTER, "72 10 50 00"))            # letterhead above the salutation
    assert in_sender_block(ctx, LETTER, _at(LETTER, "72 10 50 37", 1))         # signature
    assert not in_sender_block(ctx, LETTER, _at(LETTER, "21 43 65 87"))        # body sentence
    assert not in_sender_block(ctx, LETTER, _at(LETTER, "21 43 65 87", 1))     # appeal guide after the signature


def test_words_before_the_number_say_whose_it_is():
    assert sender_contact_before(LETTER, _at(LETTER, "72 10 50 37")) is True             # "Ring til mig på"
    assert sender_contact_before(LETTER, _at(LETTER, "21 43 65 87")) is False            # "dit telefonnummer"
    assert sender_contact_before(LETTER, _at(LETTER, "21 43 65 87", 1)) is False         # "vi ringer til dig på"
    assert sender_contact_before(LETTER, _at(LETTER, "72 10 50 00")) is None             # a bare label
    text = "Spørgsmål kan rettes til undertegnede på tlf. 72 10 44 00."
    assert sender_contact_before(text, text.index("72")) is True
    text = "Mit direkte nummer er 72 10 50 37."
    assert sender_contact_before(text, text.index("72")) is True
    # a sentence break ends the cue, an abbreviation's full stop does not
    text = "Ring til os. Du har oplyst 21 43 65 87."
    assert sender_contact_before(text, text.index("21")) is False
    text = "Ring på tlf. 72 10 50 37."
    assert sender_contact_before(text, text.index("72")) is True
    text = "Vi har noteret, at du kan træffes på 21 43 65 87."
    assert sender_contact_before(text, text.index("21")) is False
    text = "Jeg kan træffes på 72 10 45 31."
    assert sender_contact_before(text, text.index("72")) is True


def test_anatomy_parts_decide_when_the_context_has_them():
    # the anatomy's LetterContext carries parts and part_at(pos); the helper defers to it
    ctx = SimpleNamespace(parts=("x",), part_at=lambda pos: "signature" if pos > 10 else "body", metrics={}, blocks=())
    text = "Ring i dag. Sara, Telefon 72 10 50 37"
    assert in_sender_block(ctx, text, text.index("72"))
    assert not in_sender_block(ctx, text, 0)


def test_recipient_block_above_the_salutation_is_not_the_senders():
    text = "Anne Jensen\nSkolevej 3\n7100 Fjordby\nTlf. 21 43 65 87\n\nKære Anne\n\nDu får hjælp.\n"
    assert not in_sender_block(_ctx(text), text, text.index("21 43"))
    text = "Fjordby Kommune\nSkolevej 3\n7100 Fjordby\nTlf. 72 10 10 10\n\nKære Anne\n\nDu får hjælp.\n"
    assert in_sender_block(_ctx(text), text, text.index("72 10"))


def test_letterhead_in_table_cells_counts_as_one_block():
    # a .docx letterhead in a table: one block per cell
    from letterlab.readers import Block

    text = "Fjordby Kommune\n\nTelefon 72 10 70 00\n\nKære Erik\n\nDu får et kort.\n"
    blocks = (Block(0, 15, "table"), Block(17, 36, "table"), Block(38, 47, "paragraph"), Block(49, 64, "paragraph"))
    ctx = LetterContext(blocks=blocks, metrics={"zones": letter_zones(text, blocks)})
    assert in_sender_block(ctx, text, text.index("72 10"))


def test_subject_line_in_the_reference_zone_is_the_writers_words():
    text = "Vedr.: Deres ansøgning om hjælp\n\nSagsnr.: 2026-1234\n\nKære Anne\n\nDu får hjælp.\n"
    ctx = _ctx(text)
    assert not in_sender_block(ctx, text, text.index("Deres"))
    assert in_sender_block(ctx, text, text.index("2026"))


def test_a_letterhead_on_one_line_with_its_switchboard_is_the_senders():
    text = ("Sønderå Forsyning · Havnevej 2 · 6200 Sønderå · Tlf. 74 30 20 00 · kundeservice@sonderaa.dk\n\n"
            "Bent Hansen\nHavnevej 9\n6200 Sønderå\n\nVi skifter din vandmåler\n\n"
            "Kære Bent\n\nVi skifter din vandmåler i uge 12.\n")
    ctx = _ctx(text)
    assert in_sender_block(ctx, text, text.index("74 30"))
    assert in_sender_block(ctx, text, text.index("kundeservice@"))
    # a recipient line with a phone but no organisation stays the citizen's
    text = ("Bent Hansen · Havnevej 9 · Tlf. 21 43 65 87\n\nVi skifter din vandmåler\n\n"
            "Kære Bent\n\nVi skifter din vandmåler i uge 12.\n")
    assert not in_sender_block(_ctx(text), text, text.index("21 43"))


def test_a_subject_line_naming_an_organisation_is_not_a_letterhead():
    text = "Sønderå Kommune\nHavnevej 2\n\nDin plads på Sønderå Skole\n\nKære Bent\n\nDu har fået en plads.\n"
    assert not in_sender_block(_ctx(text), text, text.index("Din plads"))


def test_us_before_a_mailbox_makes_it_the_senders():
    text = "Giv os besked på graveret@sonderaa.dk, før du begynder."
    assert sender_contact_before(text, text.index("graveret@")) is True
    text = "Du har givet os din mail, bent.h@example.com."
    assert sender_contact_before(text, text.index("bent.h@")) is False
