"""Presentation helpers: the word diff, .docx export, download names, highlights without JavaScript."""
from __future__ import annotations

import random

import pytest

from letterlab_web.present import export_name, inline_segments, to_docx, word_diff


def rebuild(ops, before, after):
    return ("".join(before[o["before"][0]:o["before"][1]] for o in ops),
            "".join(after[o["after"][0]:o["after"][1]] for o in ops))


@pytest.mark.parametrize("before, after", [
    ("", ""),
    ("Hej", ""),
    ("", "Hej"),
    ("Deres ansøgning er modtaget.", "Vi har fået din ansøgning."),
    ("Linje et\nLinje to\n\nLinje tre", "Linje et\nLinje 2\n\nLinje tre\nLinje fire"),
    ("Samme tekst.\n", "Samme tekst.\n"),
])
def test_word_diff_covers_both_texts(before, after):
    ops = word_diff(before, after)
    assert rebuild(ops, before, after) == (before, after)
    if before == after:
        assert all(o["op"] == "equal" for o in ops)


def test_word_diff_marks_only_the_changed_words():
    before = "Vi har modtaget Deres ansøgning om hjælp.\n\nMed venlig hilsen"
    after = "Vi har fået din ansøgning om hjælp.\n\nMed venlig hilsen"
    changed = [(before[o["before"][0]:o["before"][1]], after[o["after"][0]:o["after"][1]])
               for o in word_diff(before, after) if o["op"] != "equal"]
    assert changed == [("modtaget Deres", "fået din")]


def test_word_diff_random_texts_round_trip():
    rng = random.Random(7)
    words = ["du", "får", "hjælp", "\n", "\n\n", "Deres", "vi", ".", ",", "ansøgning"]
    for _ in range(200):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        b = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        assert rebuild(word_diff(a, b), a, b) == (a, b)


def test_to_docx_keeps_paragraphs_and_line_breaks():
    from letterlab.readers import read_document

    doc = read_document(data=to_docx("Overskrift\n\nFørste linje\nanden linje\n\n\n\nSidste"), filename="x.docx")
    assert doc.text == "Overskrift\n\nFørste linje\nanden linje\n\nSidste"


@pytest.mark.parametrize("source, fmt, name", [
    (None, "txt", "brev-rettet.txt"),
    ("Afgørelse.docx", "docx", "Afgoerelse-rettet.docx"),
    ('../../etc/"passwd"\r\n.docx', "txt", "etcpasswd-rettet.txt"),
    ("<script>.docx", "txt", "script-rettet.txt"),
    ("日本語.docx", "txt", "brev-rettet.txt"),
])
def test_export_name_is_plain_ascii(source, fmt, name):
    assert export_name(source, fmt) == name


def test_inline_segments_merge_overlaps_and_skip_whole_letter_findings():
    text = "Deres ansøgning behandles.\n\nMed venlig hilsen"
    findings = [
        {"start": 0, "end": 5, "category": "address"},
        {"start": 16, "end": 25, "category": "passive"},
        {"start": 6, "end": 25, "category": "nominalisation"},
        {"start": 0, "end": len(text), "category": "readability"},
    ]
    segs = inline_segments(text, findings)
    assert "".join(s["text"] for s in segs) == text
    marked = [(s["text"], s["ids"]) for s in segs if "ids" in s]
    assert marked == [("Deres", [0]), ("ansøgning behandles", [2, 1])]
