"""Letter parts, round 16 (blind review 15a): .docx reference tables whose labels have no colon."""
from __future__ import annotations

from test_anatomy_r14 import _reference_table_letter


def test_colon_less_case_labels_and_their_values_are_reference_lines():
    rows = [("Sagsnr.", "27.24.00-G01-310-26"), ("J.nr.", "HJ-2026-5531"), ("CPR-nr.", "{cpr}")]
    doc, a = _reference_table_letter(rows)
    t = doc.text
    for label, value in rows:
        assert a.kind_at(t.index(label)) == "reference", label
        assert a.kind_at(t.index(value)) == "reference", value
    assert a.kind_at(t.index("Du får tilskud til en trappelift")) == "subject"


def test_a_short_name_after_a_label_row_is_a_label_not_the_subject():
    rows = [("Sagsnr.", "02.34.02-P19-881-26"), ("Ejendom", "Møllebakken 9, matr.nr. 3f Solbæk By")]
    doc, a = _reference_table_letter(rows, subject="Oplysninger om brønden på Møllebakken 9")
    t = doc.text
    assert a.kind_at(t.index("Ejendom")) == "reference"
    assert a.kind_at(t.index("Møllebakken 9, matr.nr.")) == "reference"
    assert a.kind_at(t.index("Oplysninger om brønden")) == "subject"


def test_a_table_of_names_without_a_case_label_is_no_reference_table():
    # the hard negative: a two-column head table of the sender and the addressee has no case label in it
    rows = [("Solbæk Kommune", "Karen Lund"), ("Torvet 3", "Bakkevej 2")]
    doc, a = _reference_table_letter(rows)
    t = doc.text
    assert a.kind_at(t.index("Karen Lund")) != "reference"
    assert a.kind_at(t.index("Bakkevej 2")) != "reference"
