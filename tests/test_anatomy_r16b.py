"""Letter parts, round 16 (blind review 16a): statement sub-headings with a comma, "Sådan ..." headings above a
list's lead-in, the appeal guide under a disagreement heading, a month-and-year date line, and the reference and
date lines of a .docx page header.

The letters are written for these tests (invented places, names and numbers). No spaCy needed.
"""
from __future__ import annotations

import pytest

from letterlab.anatomy import describe, read_anatomy
from letterlab.readers import read_document
from test_anatomy import _docx


def kind_of_line(text: str, needle: str, blocks=None) -> str:
    return read_anatomy(text, blocks).kind_at(text.index(needle))


def _letter(section: str, after_signature: str = "") -> str:
    return ("Østerby Kommune\nTandplejen\nSkolevej 4\n7100 Østerby\n\n{navn}\n{adresse}\n\nDato: {dato}\n\n"
            "Din søn får en tid hos tandplejen\n\nKære {navn}\n\n"
            "Jonas skal til undersøgelse hos tandplejen tirsdag den 14. april kl. 10.30. Vi ser på tænderne og "
            "giver råd om tandbørstning.\n\n"
            + section + "\n\nMed venlig hilsen\n\nLise Brandt\nTandplejer\n"
            + ("\n" + after_signature + "\n" if after_signature else ""))


# --- statements with a comma on a line of their own above a paragraph are sub-headings -----------------------

@pytest.mark.parametrize("line, after, heading", [
    # an imperative with a "hvis" clause, right above its paragraph
    ("Meld afbud, hvis Jonas er syg",
     "Ring til os senest kl. 8 samme dag, hvis Jonas ikke kan komme. Så kan et andet barn få tiden.", True),
    # a conditional clause with its "at" clause and no main clause
    ("Hvis I mener, at tiden passer dårligt",
     "Skriv til os på tandplejen@oesterby.dk, så finder vi en anden dag. Vi har flest ledige tider om morgenen.", True),
    # an imperative with a "når" clause
    ("Tag sundhedskortet med, når I kommer",
     "Vi skal bruge kortet for at finde Jonas i systemet. Har I ikke kortet, kan I vise et billede af det.", True),
    # hard negatives for the appeal guide: a heading of disagreement whose section is no complaint stays a
    # sub-heading (a hearing: the reader may correct the facts; dissatisfied with a time: a phone call)
    ("Hvis du er uenig i oplysningerne",
     "Skriv til os senest den 12. maj, så ser vi på oplysningerne igen, før vi træffer afgørelse.", True),
    ("Hvis du ikke er tilfreds med tiden",
     "Ring til klinikken, så finder vi en tid, der passer bedre. Vi har også tider om eftermiddagen.", True),
    # hard negatives: a lead-in that ends in a colon
    ("Giv os besked, hvis noget af dette passer på Jonas:", "- han tager medicin\n- han har været indlagt", False),
    # a full sentence with its full stop, on a line of its own
    ("Meld afbud, hvis Jonas er syg.", "Så kan et andet barn få tiden, og I får en ny tid med posten.", False),
    # a "Hvis ..., kan ..." sentence broken over lines
    ("Hvis Jonas er syg på dagen, kan I flytte tiden",
     "Ring til klinikken på 72 11 40 00 senest kl. 8 samme morgen, så får I en ny tid.", False),
    # hard-wrapped running text: the next line's first word would have fitted on a short line
    ("Tandplejens nye klinik åbner efter påske, og behandlingen foregår hos",
     "Østerby Sundhedshus på Skolevej 4, lige ved busstationen.\nDer er parkering ved indgangen.", False),
])
def test_a_statement_with_a_comma_above_its_paragraph_is_a_subheading_unless_it_runs_on(line, after, heading):
    text = _letter(line + "\n" + after)
    assert (kind_of_line(text, line) == "subheading") is heading
    if heading:
        assert kind_of_line(text, after[:20]) == "body"


def test_a_how_to_heading_above_a_lead_in_and_its_list_is_a_subheading():
    section = ("Sådan booker du en ny tid fra 1. maj\nDu har to muligheder:\n- ring til klinikken\n"
               "- skriv til os i appen")
    text = _letter(section)
    assert kind_of_line(text, "Sådan booker du") == "subheading"
    assert kind_of_line(text, "Du har to muligheder") == "body"


# --- the appeal guide under a heading of disagreement --------------------------------------------------------

@pytest.mark.parametrize("heading, guide", [
    ("Hvis du er uenig i afgørelsen",
     "Du kan klage over afgørelsen. Send din klage til os senest 4 uger efter, at du har fået brevet."),
    ("Hvis I ikke er enige",
     "Skriv til os inden 4 uger, så ser vi på sagen igen. Fastholder vi afgørelsen, sender vi sagen videre til "
     "Ankestyrelsen."),
    # a decision on the reader's own complaint: no other authority, only the courts
    ("Hvis De stadig er uenig",
     "De kan ikke klage over afgørelsen til en anden myndighed. De kan få sagen prøvet ved domstolene inden "
     "6 måneder."),
    # any heading above a paragraph that opens with the appeal
    ("Det kan du gøre nu",
     "Du kan klage over afgørelsen til Ankestyrelsen. Send klagen til os, så ser vi på sagen først."),
])
def test_a_disagreement_heading_and_its_complaint_text_are_the_appeal_guide(heading, guide):
    text = _letter("Vi har besluttet, at Jonas ikke skal have tandregulering nu.", heading + "\n" + guide)
    assert kind_of_line(text, heading) == "appeal"
    assert kind_of_line(text, guide[:25]) == "appeal"


def test_docx_appeal_heading_of_disagreement_above_a_board():
    def build(d):
        for line in ("Østerby Kommune", "Byg og Plan", "{navn}", "{adresse}", "Dato: {dato}"):
            d.add_paragraph(line)
        d.add_heading("Du får lov til at bygge en carport", level=1)
        d.add_paragraph("Kære {navn}")
        d.add_paragraph("Du får tilladelse til at bygge en carport på 36 m² på Engvej 12. Du kan gå i gang nu.")
        d.add_paragraph("Med venlig hilsen")
        d.add_paragraph("Bo Krogh")
        d.add_heading("Hvis du er uenig", level=2)
        d.add_paragraph("Naboerne kan klage til Planklagenævnet inden 4 uger. Vi giver dig besked, hvis der kommer "
                        "en klage.")
    doc = read_document(data=_docx(build), filename="brev.docx")
    a = read_anatomy(doc.text, doc.blocks)
    assert a.kind_at(doc.text.index("Hvis du er uenig")) == "appeal"
    assert a.kind_at(doc.text.index("Naboerne kan klage")) == "appeal"


# --- a month and a year alone in the head is the date -------------------------------------------------------

@pytest.mark.parametrize("date_line", ["Marts 2026", "Østerby, april 2026"])
def test_month_and_year_in_the_head_is_the_date(date_line):
    text = ("Østerby Kommune\nVej og Park\nTorvet 1\n7100 Østerby\n\nTil beboerne på Engvej\n\n" + date_line
            + "\n\nVi fælder tre træer på Engvej i uge 14\n\nKære beboer\n\nVi fælder tre gamle lindetræer ud for "
              "nr. 4-10, fordi de er syge. Vejen er lukket for biler tirsdag og onsdag.\n\n"
              "Med venlig hilsen\n\nVej og Park\n")
    a = read_anatomy(text)
    assert a.kind_at(text.index(date_line)) == "date"
    assert [text[p.start:p.end] for p in a.of_kind("subject")] == ["Vi fælder tre træer på Engvej i uge 14"]


def test_a_subject_line_with_a_month_and_year_stays_the_subject():
    text = ("Østerby Kommune\nVej og Park\n\nTil beboerne på Engvej\n\nTræfældning i marts 2026\n\nKære beboer\n\n"
            "Vi fælder tre gamle lindetræer ud for nr. 4-10, fordi de er syge.\n\nMed venlig hilsen\n\nVej og Park\n")
    assert kind_of_line(text, "Træfældning i marts 2026") == "subject"


# --- a .docx page header: the letterhead first, its case and date line as reference and date -------------------

def _header_letter():
    def build(d):
        header = d.sections[0].header
        header.paragraphs[0].text = "Østerby Kommune · Ældre og Sundhed · Torvet 1 · 7100 Østerby"
        header.add_paragraph("Sagsnr.: 27.12.04-P20-118-26 · Dato: 9. marts 2026")
        for line in ("{navn}", "{adresse}"):
            d.add_paragraph(line)
        d.add_heading("Du får en ny nødkaldeenhed", level=1)
        d.add_paragraph("Kære {navn}")
        d.add_paragraph("Vi skifter din nødkaldeenhed mandag den 16. marts. Det tager en halv time, og du skal være "
                        "hjemme.")
        d.add_paragraph("Med venlig hilsen")
        d.add_paragraph("Hjemmeplejen")
    doc = read_document(data=_docx(build), filename="brev.docx")
    return doc, read_anatomy(doc.text, doc.blocks)


def test_docx_page_header_case_and_date_line_is_reference_and_date():
    doc, a = _header_letter()
    t = doc.text
    assert a.kind_at(t.index("Sagsnr.:")) == "reference"
    assert a.kind_at(t.index("9. marts 2026")) == "date"
    assert a.kind_at(t.index("Østerby Kommune")) == "letterhead"


def test_docx_page_header_is_listed_first():
    doc, a = _header_letter()
    order = [p.kind for p in a.in_reading_order()]
    assert order[:3] == ["letterhead", "reference", "date"]
    assert describe(doc.text, a).splitlines()[0].startswith("Brevhoved")
    # the parts themselves stay in text order, so a position still finds its part
    assert [p.start for p in a.parts] == sorted(p.start for p in a.parts)
