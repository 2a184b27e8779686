"""Session 14: a "Vedr. <label>: <value>" case line in the head, a .docx reference table of label and value
cells, and question or object-first sub-headings in plain-text letters.

The letters are written for these tests (invented places, names and numbers). No spaCy needed.
"""
from __future__ import annotations

import pytest

from letterlab.anatomy import read_anatomy
from letterlab.readers import read_document
from test_anatomy import _docx


def kind_of_line(text: str, needle: str, blocks=None) -> str:
    return read_anatomy(text, blocks).kind_at(text.index(needle))


# --- "Vedr. elev: «Navn», CPR-nr.: {cpr}" under the case number is a reference line ---------------------------

CASE_LINE_LETTER = """Solbæk Kommune
Skole og Fritid
Torvet 3
6200 Solbæk

«Forælder»
«Adresse»
«Postnr» «By»

{dato}

Sagsnr.: 28.40.12-G01-77-26
{case_line}

{subject}

Kære «Forælder»

Vi vil gerne tale med dig om, hvordan skoleåret er gået for «Elevens navn». Mødet er på skolens kontor.

Med venlig hilsen

Bo Krag
Skoleleder
"""


@pytest.mark.parametrize("case_line", [
    "Vedr. elev: «Elevens navn», CPR-nr.: {cpr}",
    "Vedrørende ejendom: matr.nr. 4b Solbæk By",
    "Vedr. borger: {navn}",
])
def test_vedr_label_value_line_is_a_reference_line_and_the_subject_stays(case_line):
    subject = "Samtale om skoleåret for «Elevens navn»"
    text = CASE_LINE_LETTER.replace("{case_line}", case_line).replace("{subject}", subject)
    assert kind_of_line(text, case_line) == "reference"
    assert kind_of_line(text, subject) == "subject"


def test_vedr_with_a_topic_is_still_the_subject_line():
    # the hard negative: "Vedr. din ansøgning om ..." names the matter; it is the (old-fashioned) subject line
    text = CASE_LINE_LETTER.replace("{case_line}\n\n{subject}\n", "Vedr. din ansøgning om skoleskift\n")
    assert kind_of_line(text, "Vedr. din ansøgning") == "subject"


# --- a .docx reference table: label cell, value cell --------------------------------------------------------

def _reference_table_letter(rows, subject="Du får tilskud til en trappelift"):
    def build(d):
        for line in ("Solbæk Kommune", "Handicap og Hjælpemidler", "Torvet 3", "6200 Solbæk",
                     "{navn}", "{adresse}", "{postnr} {by}", "{dato}"):
            d.add_paragraph(line)
        t = d.add_table(rows=len(rows), cols=2)
        for r, (label, value) in enumerate(rows):
            t.cell(r, 0).text = label
            t.cell(r, 1).text = value
        d.add_heading(subject, level=1)
        d.add_paragraph("Kære {navn}")
        d.add_paragraph("Du får tilskud til en trappelift i dit hus. Vi betaler hele prisen på 48.000 kr.")
        d.add_paragraph("Med venlig hilsen")
        d.add_paragraph("Mette Holm")
    doc = read_document(data=_docx(build), filename="brev.docx")
    return doc, read_anatomy(doc.text, doc.blocks)


def test_docx_reference_table_values_are_reference_not_recipient():
    rows = [("Sagsnr.:", "27.24.00-G01-310-26"), ("Journalnr.:", "2026-5531"), ("CPR-nr.:", "{cpr}")]
    doc, a = _reference_table_letter(rows)
    t = doc.text
    for label, value in rows:
        assert a.kind_at(t.index(label)) == "reference"
        assert a.kind_at(t.index(value)) == "reference", value
    assert a.kind_at(t.index("Du får tilskud til en trappelift")) == "subject"


def test_docx_reference_table_last_row_is_no_subject():
    rows = [("Sagsnr.:", "02.34.02-P19-881-26"), ("Ejendom:", "Møllebakken 9, matr.nr. 3f Solbæk By")]
    doc, a = _reference_table_letter(rows, subject="Oplysninger om brønden på Møllebakken 9")
    t = doc.text
    assert a.kind_at(t.index("Ejendom:")) == "reference"
    assert a.kind_at(t.index("Møllebakken 9, matr.nr.")) == "reference"
    assert a.kind_at(t.index("Oplysninger om brønden")) == "subject"


def test_docx_date_cell_is_the_date():
    rows = [("Dato:", "3. marts 2026"), ("Sagsnr.:", "12-2026")]
    doc, a = _reference_table_letter(rows)
    assert a.kind_at(doc.text.index("3. marts 2026")) == "date"


def test_docx_addressee_table_stays_the_recipient():
    # the hard negative: an addressee cell ("Til:" and a name) is the recipient, not a case detail
    rows = [("Til:", "Karen Lund"), ("Sagsnr.:", "12-2026")]
    doc, a = _reference_table_letter(rows)
    assert a.kind_at(doc.text.index("Karen Lund")) != "reference"


# --- sub-headings as questions or with the object first ----------------------------------------------------

def _body_letter(section: str) -> str:
    return ("Solbæk Kommune\n\n{navn}\n\n{dato}\n\nDu får støtte til fritidsaktiviteter\n\nKære {navn}\n\n"
            "Vi har godkendt din ansøgning om støtte til Sofies svømmehold. Du får 1.200 kr. for sæsonen.\n\n"
            + section + "\n\nMed venlig hilsen\n\nAnders Bruun\nFritidsteamet\n")


@pytest.mark.parametrize("heading, after", [
    ("Hvad dækker støtten", "Støtten dækker:\n- kontingent til svømmeklubben\n- en sæsonkort til svømmehallen"),
    ("Det skal du sende os", "Send os kvitteringen fra klubben, når du har betalt. Så udbetaler vi pengene."),
    ("Det får Sofie støtte til", "Vi betaler kontingentet for hele sæsonen og en ny svømmebrille til hende.\n"
                                 "- kontingent\n- udstyr"),
    ("Hvem kan du ringe til", "Du kan ringe til Fritidsteamet på 72 11 40 00 mandag til torsdag."),
    ("Er der noget, du er i tvivl om", "Ring til os, hvis du har spørgsmål til støtten eller til udbetalingen."),
    ("Det, klubben selv betaler", "Klubben betaler selv for trænerens kurser og for stævner uden for kommunen."),
])
def test_question_and_object_first_lines_above_their_section_are_subheadings(heading, after):
    text = _body_letter(heading + "\n" + after)
    assert kind_of_line(text, heading) == "subheading"


@pytest.mark.parametrize("lead_in, after", [
    # lead-in sentences to a list (subject first, or breaking off before the next clause) stay body text
    ("Du får støtte til", "- kontingent\n- udstyr"),
    ("Vi har lagt vægt på, at", "- Sofie er 9 år\n- familien bor i kommunen"),
    ("Hvad du skal gøre er at", "- sende kvitteringen\n- ringe til os"),
])
def test_lead_in_lines_above_a_list_stay_body(lead_in, after):
    text = _body_letter(lead_in + "\n" + after)
    assert kind_of_line(text, lead_in) != "subheading"
