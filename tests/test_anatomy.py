"""The letter's anatomy: which part of the letter each line is, on templates in the shapes real ones have.

The letters are written for these tests (invented municipality "Lindby", invented names and numbers).
Most tests need no spaCy: the anatomy reads the text and the reader's blocks only.
"""
from __future__ import annotations

import io

import pytest

from letterlab.anatomy import (COVERED_KINDS, NOTICES, PART_KINDS, TEXT_KINDS, default_parts, describe,
                               part_at, read_anatomy)
from letterlab.readers import read_document, read_text
from letterlab.structure import letter_zones, zone_at


def kinds_of(text: str, blocks=None) -> dict[str, list[str]]:
    """Part kind -> the texts of its parts (whitespace squeezed)."""
    a = read_anatomy(text, blocks)
    out: dict[str, list[str]] = {}
    for p in a.parts:
        out.setdefault(p.kind, []).append(" ".join(text[p.start:p.end].split()))
    return out


def kind_of_line(text: str, needle: str, blocks=None) -> str:
    a = read_anatomy(text, blocks)
    return a.kind_at(text.index(needle))


TEMPLATE = """Lindby Kommune
Ejendom og Miljø
Torvegade 9
5900 Lindby
Telefon 63 40 20 00
Telefontid mandag-torsdag 10-12
www.lindby.dk

<<ejerNavn>>
<<ejerAdresse>>
<<ejerPostnr>> <<ejerBy>>

Journalnr.: 09.02.05-K08-17-26
Vores ref.: TBJ
Dato: 4. marts 2026

Påbud: Du skal fjerne de gamle dæk fra din grund senest den 15. april 2026

Kære <<ejerNavn>>

Ved vores tilsyn den 2. februar så vi omkring 40 gamle dæk bag din lade.

Du skal køre dækkene til genbrugspladsen senest den 15. april 2026.

Hvorfor giver vi dig et påbud?
Gamle dæk kan forurene jorden og samle vand, som myg lægger æg i. Vi giver påbuddet efter miljøbeskyttelseslovens § 42.

Medbring: kvittering fra genbrugspladsen
Beløb: 0 kr.

Med venlig hilsen

Tove Bjerre
Miljømedarbejder
Direkte telefon 63 40 21 17
tbj@lindby.dk

Klagevejledning
Du kan klage over påbuddet til Miljø- og Fødevareklagenævnet. Send klagen via Klageportalen senest 4 uger efter, at du har fået brevet.

Bilag: Kort over grunden
"""


def test_template_parts():
    k = kinds_of(TEMPLATE)
    assert k["letterhead"] and "Lindby Kommune" in k["letterhead"][0]
    assert any("Telefontid" in t for t in k["letterhead"])
    assert k["recipient"] == ["<<ejerNavn>> <<ejerAdresse>> <<ejerPostnr>> <<ejerBy>>"]
    assert any(t.startswith("Journalnr.") for t in k["reference"])
    assert k["date"] == ["Dato: 4. marts 2026"]
    assert k["subject"] == ["Påbud: Du skal fjerne de gamle dæk fra din grund senest den 15. april 2026"]
    assert k["salutation"] == ["Kære <<ejerNavn>>"]
    assert k["subheading"] == ["Hvorfor giver vi dig et påbud?"]
    assert k["keyvalue"] == ["Medbring: kvittering fra genbrugspladsen", "Beløb: 0 kr."]
    assert k["closing"] == ["Med venlig hilsen"]
    assert "tbj@lindby.dk" in k["signature"][0]
    assert k["appeal"][0].startswith("Klagevejledning Du kan klage")
    assert k["footer"] == ["Bilag: Kort over grunden"]
    assert kind_of_line(TEMPLATE, "Du skal køre dækkene") == "body"


def test_parts_are_ordered_and_do_not_overlap():
    a = read_anatomy(TEMPLATE)
    assert all(p.kind in PART_KINDS for p in a.parts)
    for x, y in zip(a.parts, a.parts[1:]):
        assert x.end <= y.start


def test_zones_are_a_view_of_the_parts():
    zones = letter_zones(TEMPLATE)
    assert zone_at(zones, TEMPLATE.index("Påbud:")) == "heading"
    assert zone_at(zones, TEMPLATE.index("Journalnr.")) == "meta"
    assert zone_at(zones, TEMPLATE.index("Lindby Kommune")) == "meta"
    assert zone_at(zones, TEMPLATE.index("Tove Bjerre")) == "signature"
    assert zone_at(zones, TEMPLATE.index("Du kan klage over")) == "body"


def test_part_at_between_parts_is_body():
    a = read_anatomy(TEMPLATE)
    gap = a.parts[0].end      # the newline after the letterhead line
    assert part_at(a.parts, gap + 100000) == "body"
    assert part_at((), 5) == "body"


@pytest.mark.parametrize("fields", [
    "{navn}\n{adresse}\n{postnr} {by}",
    "{{ modtager.navn }}\n{{ modtager.adresse }}",
    "«Navn»\n«Adresse»\n«Postnr» «By»",
    "[Navn]\n[Adresse]",
    "!navn\n!adresse\n!postnr !by",
])
def test_recipient_fields_in_any_syntax(fields):
    text = f"Lindby Kommune\nTorvegade 9, 5900 Lindby\n\n{fields}\n\nSagsnr.: 123\n\nDu får en ny høreapparat-batteripakke\n\n" \
           "Kære borger\n\nVi sender pakken til dig i næste uge. Du skal ikke gøre noget.\n"
    assert kind_of_line(text, fields.split("\n")[0]) == "recipient"
    assert kind_of_line(text, "Du får en ny") == "subject"
    assert kind_of_line(text, "Lindby Kommune") == "letterhead"


def test_one_line_letterhead_with_separators_is_not_the_subject():
    # an e-mail or HTML letter often puts the sender on one line, its parts between dots or bars
    for sep in (" · ", " | "):
        head = sep.join(["Lindby Kommune", "Teknik og Miljø", "Torvegade 9", "5900 Lindby"])
        text = f"{head}\n\nVi tømmer din skraldespand om onsdagen fra maj\n\nKære Ib\n\nFra den 4. maj kommer " \
               "skraldebilen om onsdagen. Du skal ikke gøre noget.\n\nVenlig hilsen\nTeknik og Miljø\n"
        assert kind_of_line(text, head) == "letterhead", sep
        assert kind_of_line(text, "Vi tømmer din") == "subject", sep


@pytest.mark.parametrize("field", ["!dato", "%DATO%", "${brev.dato}", "«Dato»"])
def test_date_line_with_a_merge_field_in_any_syntax(field):
    text = f"Lindby Kommune\nTorvegade 9, 5900 Lindby\n\nLindby, den {field}\n\nVi lukker svømmehallen i uge 30\n\n" \
           "Kære Ib\n\nSvømmehallen holder lukket i uge 30, fordi vi skifter filtrene.\n"
    assert kind_of_line(text, f"Lindby, den {field}") == "date"
    assert kind_of_line(text, "Vi lukker svømmehallen") == "subject"


def test_merge_field_alone_is_the_subject_right_above_the_letter():
    text = "«Navn»\n«Adresse»\n\nSagsnr.: «Sagsnr»\n\n«Overskrift»\n\nKære «Navn»\n\nVi har set på din sag, og du får hjælp fra den 1. juni.\n"
    assert kind_of_line(text, "«Overskrift»") == "subject"
    assert kind_of_line(text, "«Adresse»") == "recipient"


def test_email_subject_line():
    text = "Emne: Vi flytter din tid i tandplejen\n\nKære Sofie\n\nDin tid er flyttet til tirsdag den 9. juni kl. 8.30.\n"
    k = kinds_of(text)
    assert k["subject"] == ["Emne: Vi flytter din tid i tandplejen"]


def test_case_line_with_fields_is_a_reference_not_a_subject():
    text = "Vedr.: «Barn_navn», CPR-nr. «Barn_CPR»\n\nMøde om skolestart\n\nKære «Foraelder»\n\nVi holder et møde om skolestart for alle forældre.\n"
    assert kind_of_line(text, "Vedr.:") == "reference"
    assert kind_of_line(text, "Møde om skolestart") == "subject"


def test_two_subject_lines():
    text = "Sagsnr.: 44-2026\n\nAfgørelse\nDu får tilskud til en ny briller-ordning\n\nKære Per\n\nDu får 1.200 kr. til briller.\n"
    k = kinds_of(text)
    assert k["subject"] == ["Afgørelse Du får tilskud til en ny briller-ordning"]


def test_lead_in_above_a_list_is_body_not_a_subheading():
    text = ("Du får støtte\n\nKære Ib\n\nDu får støtte til kørsel. Vi har lagt vægt på, at\n- du ikke kan tage bussen\n"
            "- du har langt til lægen\n\nMed venlig hilsen\nEva\n")
    assert kind_of_line(text, "- du ikke kan") == "list"


def test_information_after_the_signature_is_body_and_counted():
    text = ("Du får plads i børnehaven\n\nKære Ali\n\nDin søn kan starte i Solsikken den 1. august.\n\n"
            "Med venlig hilsen\nPladsanvisningen\n\nOm forældrebetaling\nDu betaler for pladsen fra den dag, barnet starter.\n")
    assert kind_of_line(text, "Om forældrebetaling") == "subheading"
    assert kind_of_line(text, "Du betaler for pladsen") == "body"
    assert kind_of_line(text, "Pladsanvisningen") == "signature"


def test_scaffolding_and_alternatives():
    text = ("Afgørelse om ledsagelse\n\nKære «Navn»\n\n[Slet det, der ikke passer]\n\nHvis bevilling:\n"
            "Du får ledsagelse 10 timer om måneden.\n\nHvis afslag:\nDu får ikke ledsagelse, fordi du selv kan gå ture.\n\n"
            "Med venlig hilsen\n«Sagsbehandler»\n")
    a = read_anatomy(text)
    assert a.kind_at(text.index("[Slet det")) == "scaffolding"
    assert a.kind_at(text.index("Hvis bevilling:")) == "scaffolding"
    assert a.kind_at(text.index("Du får ledsagelse 10")) == "body"
    assert "alternatives" in a.notes and not a.judgeable


def test_an_instruction_box_above_the_letterhead_is_scaffolding_not_the_letter():
    note = ("[VEJLEDNING – SLETTES FØR AFSENDELSE: Brug skabelonen, når borgeren skal have svar på en ansøgning "
            "om tilskud. Udfyld alle flettefelter, og kontroller beløbet.]")
    text = (f"{note}\n\nHøjby Kommune\nSocialafdelingen\nTorvet 3, 8000 Højby\n\n«Navn»\n«Adresse»\n\n"
            "Sagsnr.: «Sagsnr»\n\nDin ansøgning om tilskud til tandpleje\n\nKære «Navn»\n\n"
            "Du får tilskud til din tandbehandling.\n\nMed venlig hilsen\n«Sagsbehandler»\n")
    a = read_anatomy(text)
    assert a.kind_at(text.index("[VEJLEDNING")) == "scaffolding"
    assert a.kind_at(text.index("Højby Kommune")) == "letterhead"
    assert a.kind_at(text.index("Din ansøgning om tilskud")) == "subject"
    assert a.kind_at(text.index("Du får tilskud")) == "body"


@pytest.mark.parametrize("a,b", [("A. Bevilling", "B. Afslag"), ("Mulighed 1 – bevilling", "Mulighed 2 – afslag"),
                                 ("A) Godkendelse", "B) Afslag"), ("BEVILLING:", "AFSLAG:"),
                                 ("Delvis bevilling", "Afslag")])
def test_lettered_options_with_an_instruction_are_alternatives(a, b):
    body = (f"Tilskud til briller\n\nKære «Navn»\n\n[Vælg én af mulighederne nedenfor, og slet den anden]\n\n{a}\n\n"
            f"Du får tilskud til briller.\n\n{b}\n\nDu får ikke tilskud, fordi du ikke har en synsnedsættelse.\n\n"
            "[Indsæt klagevejledning ved afslag]\n\nMed venlig hilsen\n«Sagsbehandler»\n")
    a_ = read_anatomy(body)
    assert "alternatives" in a_.notes and not a_.judgeable
    assert a_.kind_at(body.index("[Indsæt klagevejledning")) == "scaffolding"
    # the same sub-headings without an instruction to choose are a letter's sections
    plain = body.replace("[Vælg én af mulighederne nedenfor, og slet den anden]\n\n", "").replace(
        "[Indsæt klagevejledning ved afslag]\n\n", "")
    assert read_anatomy(plain).judgeable


def test_only_a_letterhead_cannot_be_judged():
    text = "Lindby Kommune\nTorvegade 9\n5900 Lindby\nTlf. 63 40 20 00\n\n{navn}\n{adresse}\n\nSagsnr.: {sagsnr}\nDato: {dato}\n"
    a = read_anatomy(text)
    assert "no_body" in a.notes and not a.judgeable
    assert not any(p.kind == "body" for p in a.parts)


def test_only_merge_fields_cannot_be_judged():
    text = "«Modtager»\n\n«Overskrift»\n\n«Hilsen»\n\n«Brødtekst»\n\nMed venlig hilsen\n«Underskrift»\n"
    a = read_anatomy(text)
    assert "merge_fields_only" in a.notes and not a.judgeable


def test_a_plain_sentence_is_body():
    for text in ("Send os dine papirer senest den 1. maj.", "Du kan læse mere på www.lindby.dk."):
        assert read_anatomy(text).kind_at(0) == "body"


def test_notices_are_danish_and_known():
    for code, msg in NOTICES.items():
        assert msg.endswith(".") and "æ" in msg + "æ"


def test_default_parts():
    assert "privacy" != "x" and set(default_parts("privacy")) == set(PART_KINDS)
    assert "reference" not in default_parts("sentence_length") and "body" in TEXT_KINDS
    assert set(COVERED_KINDS) <= set(TEXT_KINDS)


def test_describe_prints_danish_names():
    out = describe(TEMPLATE, read_anatomy(TEMPLATE))
    assert "Brevhoved" in out and "Overskrift" in out and "Klagevejledning" in out and "Underskrift" in out


# --- .docx structure: header, tables, text boxes ---------------------------------------------------

def _docx(build) -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_letterhead_in_header_and_table():
    def build(d):
        d.sections[0].header.paragraphs[0].text = "Lindby Kommune · Torvegade 9 · 5900 Lindby · Tlf. 63 40 20 00"
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "{navn}\n{adresse}"
        t.cell(0, 1).text = "Sagsnr.: 12-2026\nDato: 3. marts 2026"
        d.add_heading("Du får hjælp til rengøring", level=1)
        d.add_paragraph("Kære {navn}")
        d.add_paragraph("Du får hjælp til rengøring hver anden uge fra den 1. april.")
        d.add_paragraph("Med venlig hilsen")
        d.add_paragraph("Visitationen")

    doc = read_document(data=_docx(build), filename="brev.docx")
    a = read_anatomy(doc.text, doc.blocks)
    t = doc.text
    assert a.kind_at(t.index("Lindby Kommune")) == "letterhead"
    assert a.kind_at(t.index("{navn}")) == "recipient"
    assert a.kind_at(t.index("Sagsnr.")) == "reference"
    assert a.kind_at(t.index("Du får hjælp til rengøring hver")) == "body"
    assert a.kind_at(t.index("Du får hjælp til rengøring")) == "subject"


def test_docx_body_entirely_in_a_table():
    def build(d):
        t = d.add_table(rows=3, cols=1)
        t.cell(0, 0).text = "Lindby Kommune\nTorvegade 9, 5900 Lindby\nTlf. 63 40 20 00"
        t.cell(1, 0).text = "Vi har fået din ansøgning om byggetilladelse\nKære {navn}\nVi har fået din ansøgning om at bygge en carport. Du får svar senest den 1. juni."
        t.cell(2, 0).text = "Med venlig hilsen\nByg og Plan"

    doc = read_document(data=_docx(build), filename="brev.docx")
    a = read_anatomy(doc.text, doc.blocks)
    t = doc.text
    assert a.kind_at(t.index("Lindby Kommune")) == "letterhead"
    assert a.kind_at(t.index("Vi har fået din ansøgning om byggetilladelse")) == "subject"
    assert a.kind_at(t.index("Vi har fået din ansøgning om at bygge")) == "body"
    assert a.kind_at(t.index("Byg og Plan")) == "signature"


@pytest.mark.model
def test_report_carries_parts_coverage_and_message(nlp):
    from letterlab.core import analyse

    r = analyse(read_text(TEMPLATE), nlp=nlp)
    d = r.to_dict()
    assert {p["kind"] for p in d["parts"]} >= {"letterhead", "recipient", "reference", "subject", "body", "appeal"}
    assert d["coverage"]["kinds"] == list(COVERED_KINDS)
    assert d["message"]["first"] is True and d["message"]["act"] in ("request", "decision")
    # no finding about sentences on the reference and letterhead lines
    for f in r.findings:
        kind = read_anatomy(TEMPLATE).kind_at(f.start)
        assert kind not in ("reference", "letterhead", "recipient", "date") or f.category == "privacy", f.rule


@pytest.mark.model
def test_alternatives_give_a_notice_and_no_whole_letter_verdicts(nlp):
    from letterlab.core import analyse

    text = ("Afgørelse om ledsagelse\n\nKære «Navn»\n\nHvis bevilling:\nDu får ledsagelse 10 timer om måneden.\n\n"
            "Hvis delvis bevilling:\nDu får ledsagelse 5 timer om måneden.\n\nHvis afslag:\nDu får ikke ledsagelse.\n\n"
            "Med venlig hilsen\n«Sagsbehandler»\n")
    r = analyse(text, nlp=nlp)
    assert any(n["code"] == "alternatives" for n in r.notices)
    assert not [f for f in r.findings if f.category == "genre" or f.rule == "klart-budskab.budskab-foerst"]


def test_cli_anatomy_prints_the_parts_in_danish(tmp_path, capsys):
    from letterlab.cli import main

    f = tmp_path / "brev.txt"
    f.write_text(TEMPLATE, encoding="utf-8")
    assert main(["anatomy", str(f)]) == 0
    out = capsys.readouterr().out
    assert "Brevhoved" in out and "Modtager" in out and "Sagsoplysninger" in out and "Overskrift" in out


def test_cli_anatomy_unreadable_file_is_a_danish_message(tmp_path, capsys):
    from letterlab.cli import main

    f = tmp_path / "brev.pdf"
    f.write_bytes(b"%PDF-1.4 not really")
    assert main(["anatomy", str(f)]) == 2
    assert "PDF" in capsys.readouterr().err


# --- general causes found on held-out templates (corpora/templates-heldout1) -------------------

def test_email_subject_line_that_is_a_merge_field():
    text = ("Emne: ${brev.emne}\nSagsnr.: ${sag.nummer}\n\n${brev.hilsen} ${modtager.fornavn}\n\n${brev.afsnit1}\n\n"
            "Med venlig hilsen\n\n${sagsbehandler.navn}\n")
    assert kind_of_line(text, "Emne:") == "subject"
    assert kind_of_line(text, "Sagsnr.:") == "reference"
    assert kind_of_line(text, "${brev.hilsen}") == "salutation"


def test_case_line_among_reference_lines_above_the_real_subject():
    text = ("«Navn»\n«Adresse»\n\nVedr.: Møde i rehabiliteringsteamet\nSagsnr.: «Sagsnr»\nDato: «Dato»\n\n"
            "Indkaldelse til møde i rehabiliteringsteamet\n\nKære «Navn»\n\nDu skal til møde den 4. maj kl. 10.\n")
    assert kind_of_line(text, "Vedr.:") == "reference"
    assert kinds_of(text)["subject"] == ["Indkaldelse til møde i rehabiliteringsteamet"]


def test_case_line_alone_stays_the_subject():
    text = "Sagsnr.: 12-2026\n\nVedr.: Din ansøgning om boligstøtte\n\nKære Per\n\nDu får boligstøtte fra 1. maj.\n"
    assert kinds_of(text)["subject"] == ["Vedr.: Din ansøgning om boligstøtte"]


@pytest.mark.parametrize("subject", ["Svømmehallen lukker i uge 27", "Skolefoto 2027", "Vi flytter Torvedagen til 14"])
def test_a_subject_line_that_ends_in_a_number_is_not_an_address(subject):
    text = f"Fjordby Kommune\nKultur og Fritid\n\n{subject}\n\nKære borger\n\nDu kan læse mere om det på fjordby.dk.\n"
    assert kinds_of(text)["subject"] == [subject]
    for street in ("Skovvej 12", "Nørre allé 5", "Sankt Peders Stræde 3, 2. th."):
        assert kind_of_line(f"Lars Krog\n{street}\n7100 Fjordby\n\nKære Lars\n\nDu får hjælp.\n", street) == "recipient"


def test_topic_line_with_a_house_number_is_the_subject_not_an_address():
    text = ("Fjordby Kommune\nByg og Miljø\n\nJ.nr.: 2027-1111\nDato: 5. maj 2027\n\nVedrørende byggeri på Strandvej 9\n\n"
            "Kære Lars Krog\n\nDu skal stoppe byggeriet, indtil du har fået en tilladelse.\n")
    assert kinds_of(text)["subject"] == ["Vedrørende byggeri på Strandvej 9"]
    assert kind_of_line("Lars Krog\nStrandvej 9\n7100 Fjordby\n\nKære Lars\n\nDu får hjælp fra 1. maj.\n",
                        "Strandvej 9") == "recipient"


@pytest.mark.parametrize("detail", [
    "Ejendom: «Ejendomsadresse»",
    "Din sagsbehandler: {{ sagsbehandler.navn }}",
    "Barn: [Barnets navn]",
])
def test_a_label_with_merge_fields_above_the_subject_is_a_case_detail(detail):
    text = (f"Sagsnr.: 12-2027\n{detail}\n\nDu får hjælp til rengøring hver anden uge\n\nKære «Navn»\n\n"
            "Du får hjælp til rengøring hver anden uge fra 1. marts, fordi du ikke selv kan støvsuge.\n")
    assert kind_of_line(text, detail.split(":")[0]) == "reference"
    assert kinds_of(text)["subject"] == ["Du får hjælp til rengøring hver anden uge"]


def test_a_labelled_date_field_is_a_date_and_a_subject_label_stays_the_subject():
    text = ("Udskriftsdato: «Dato»\n\nTilskud til briller\n\nKære «Navn»\n\nDu får 800 kr. i tilskud til briller.\n")
    assert kind_of_line(text, "Udskriftsdato") == "date"
    text = "Sagsnr.: 4\n\nEmne: {{ brev.emne }}\n\nKære «Navn»\n\nDu får 800 kr. i tilskud til briller.\n"
    assert kind_of_line(text, "Emne:") == "subject"


def test_a_vedroerende_line_among_merge_fields_is_the_subject_and_labelled_fields_below_it_are_case_details():
    text = ("«Navn»\n«Adresse»\n«PostnrBy»\nDato: «Dato»\nSagsnr.: 01.02.03-A01-1-26\n"
            "Vedrørende skader på fortovet ud for «Ejendomsadresse»\nEjendom: «Ejendomsadresse»\nEjer: «Navn»\n"
            "Kommunen har set, at fortovet ud for ejendommen er gået i stykker, og at fliserne ligger løst.\n\n"
            "Med venlig hilsen\nVej og Park\n")
    assert kind_of_line(text, "Vedrørende skader") == "subject"
    assert kind_of_line(text, "Ejendom: «Ejendomsadresse»") == "reference"
    assert kind_of_line(text, "Ejer: «Navn»") == "reference"
    assert kind_of_line(text, "«Adresse»") == "recipient"


@pytest.mark.parametrize("line", ["Til grundejerne på Engvej", "Til beboerne i Solgården", "Til forældrene i 3.b"])
def test_a_group_address_in_the_definite_form_is_the_recipient(line):
    text = (f"Fjordby Kommune\nRådhuspladsen 1\n\n{line}\n\nVi lægger nye fliser på fortovet\n\n"
            "Kære alle\n\nVi lægger nye fliser på fortovet fra mandag den 4. maj.\n\nMed venlig hilsen\nVej og Park\n")
    assert kind_of_line(text, line) == "recipient"


# --- shapes from corpora/templates-dev4 (reading4) ------------------------------------------------

COMPANY = """«Virksomhed»
Att.: «Kontaktperson»
«Adresse»
«Postnr_by»
CVR: «CVR»

Sagsnr.: 09.02.00-P19-7-26

Påbud: I skal stoppe udledningen af vaskevand senest den 8. januar 2027

Vi giver jer påbud om at stoppe udledningen af vaskevand fra vaskepladsen til regnvandsledningen.

Med venlig hilsen

Mikkel Dahl
Miljømedarbejder
Kopi til: Bakkedal Forsyning A/S
"""


def test_att_line_is_part_of_the_address_not_a_greeting():
    # "Att.:" names who in a company should read the letter; it is not "Kære ..."
    assert kind_of_line(COMPANY, "Att.:") == "recipient"
    assert kind_of_line(COMPANY, "Påbud: I skal") == "subject"


def test_a_sender_label_with_a_merge_field_belongs_to_the_addressee():
    # "CVR: «CVR»" is the company's number, filled in per letter, not the sender's own
    assert kind_of_line(COMPANY, "CVR: «CVR»") == "recipient"
    assert kind_of_line(COMPANY, "«Virksomhed»") == "recipient"


def test_copy_line_right_under_the_signature_is_the_footer():
    assert kind_of_line(COMPANY, "Kopi til:") == "footer"
    assert kind_of_line(COMPANY, "Miljømedarbejder") == "signature"


EVENT_HTML = """<html><body>
<div><p>Kærby Vand A/S · Værkstedsvej 8 · 4200 Kærby · kaerbyvand.dk</p></div>
<p>Til beboerne på Lindevej 1-29</p>
<h2>Vi lukker for vandet onsdag den 13. januar kl. 9-11</h2>
<p>Vi skifter en ventil i vejen. Derfor er der ikke vand i jeres hus onsdag fra kl. 9 til kl. 11.</p>
<p>Venlig hilsen<br>Kærby Vand</p>
<p>PS: Har I spørgsmål, så ring til driften på 59 50 60 70.</p>
</body></html>"""


def test_a_heading_with_a_time_range_for_an_event_is_the_subject_not_opening_hours():
    doc = read_document(data=EVENT_HTML.encode(), filename="brev.html")
    assert kind_of_line(doc.text, "Vi lukker for vandet", doc.blocks) == "subject"
    # opening hours are still the letterhead's
    assert kind_of_line("Borgerservice\nÅbent mandag-fredag kl. 9-14\n\nKære Ida\n\nDu får et nyt pas. Det er "
                        "klar om en uge.\n", "Åbent") == "letterhead"


def test_a_postscript_after_the_signature_is_body_text():
    doc = read_document(data=EVENT_HTML.encode(), filename="brev.html")
    assert kind_of_line(doc.text, "PS: Har I", doc.blocks) == "body"
    assert kind_of_line(doc.text, "Kærby Vand\n", doc.blocks) == "signature"


SELF_SERVICE_HTML = """<html><body>
<table><tr><td><b>Mosehøj Kommune</b></td><td align="right">Borgerservice</td></tr></table>
<table><tr><td><b>Din flytning er registreret</b></td></tr>
<tr><td>Kære ${borger.navn}</td></tr>
<tr><td>Vi har registreret, at du flytter til ${ny.adresse} den ${flyttedato}. Du skal ikke gøre mere.</td></tr>
<tr><td>Venlig hilsen<br>Borgerservice</td></tr></table>
<p>Denne besked er sendt automatisk. Du kan ikke svare på den. Telefon 48 20 30 00, hverdage kl. 10-14.</p>
</body></html>"""


def test_a_department_cell_above_the_subject_is_the_letterhead_not_a_second_subject_line():
    doc = read_document(data=SELF_SERVICE_HTML.encode(), filename="brev.html")
    t = doc.text
    a = read_anatomy(t, doc.blocks)
    assert a.kind_at(t.index("Borgerservice")) == "letterhead"
    assert [" ".join(t[p.start:p.end].split()) for p in a.of_kind("subject")] == ["Din flytning er registreret"]


def test_an_automatic_mail_note_after_the_signature_is_the_footer():
    doc = read_document(data=SELF_SERVICE_HTML.encode(), filename="brev.html")
    assert kind_of_line(doc.text, "Denne besked er sendt automatisk", doc.blocks) == "footer"
    text = ("Emne: Vi har fået din ansøgning\n\nHej Ida\n\nVi har fået din ansøgning om byggetilladelse. Du får svar "
            "inden for seks uger efter, at vi har fået den.\n\nVenlig hilsen\nByggesagsteamet\n\n"
            "Denne mail er sendt automatisk og kan ikke besvares.\n")
    assert kind_of_line(text, "Denne mail") == "footer"


def test_sadan_klager_du_is_the_appeal_heading_not_a_lead_in():
    # a bold Normal paragraph, not a Heading style: read by its words, and "du" at its end is no lead-in
    def build(d):
        for line in ("Du skal betale 300 kr. tilbage", "Kære Ida",
                     "Du skal betale 300 kr. tilbage, fordi du fik for meget i marts.", "Sådan klager du",
                     "Du kan klage over afgørelsen. Vi sender klagen videre til Ankestyrelsen.", "Venlig hilsen",
                     "Ydelsesservice"):
            d.add_paragraph().add_run(line).bold = line.startswith("Sådan")

    doc = read_document(data=_docx(build), filename="brev.docx")
    assert kind_of_line(doc.text, "Sådan klager du", doc.blocks) == "appeal"


def test_paragraphs_in_one_table_cell_each_start_a_paragraph():
    # some systems put the whole letter in one layout table: the cell's sub-heading opens a section
    def build(d):
        t = d.add_table(rows=3, cols=1)
        t.cell(0, 0).text = "Mosehøj Kommune\nYdelsesservice\nRådhuspladsen 1, 3300 Mosehøj"
        t.cell(1, 0).text = ("Du skal betale 4.320 kr. tilbage\nKære {fornavn}\nDu skal betale 4.320 kr. tilbage, "
                             "fordi du fik kontanthjælp i september.\nKlagevejledning\nDu kan klage over afgørelsen. "
                             "Vi ser på sagen igen og sender den videre til Ankestyrelsen, hvis vi fastholder den.")
        t.cell(2, 0).text = "Venlig hilsen\nHanne Skov"

    doc = read_document(data=_docx(build), filename="brev.docx")
    t = doc.text
    a = read_anatomy(t, doc.blocks)
    assert a.kind_at(t.index("Klagevejledning")) == "appeal"
    assert a.kind_at(t.index("Vi ser på sagen igen")) == "appeal"
    assert a.kind_at(t.index("fordi du fik")) == "body"


CHECKBOXES = """Afgørelse om merudgifter

Kære {navn}

☐ Du får dækket dine merudgifter som søgt med {beløb} kr. om måneden.
☐ Du får delvist dækket dine merudgifter med {beløb} kr. om måneden.
☐ Du får ikke dækket dine merudgifter.

Med venlig hilsen
{sagsbehandler}
"""


def test_outcomes_as_unticked_boxes_are_alternatives():
    a = read_anatomy(CHECKBOXES)
    assert "alternatives" in a.notes and not a.judgeable


def test_a_reply_form_with_boxes_is_not_alternatives():
    form = CHECKBOXES.replace("☐ Du får dækket dine merudgifter som søgt med {beløb} kr. om måneden.\n☐ Du får delvist "
                              "dækket dine merudgifter med {beløb} kr. om måneden.\n☐ Du får ikke dækket dine "
                              "merudgifter.", "Du får dækket dine merudgifter med {beløb} kr. om måneden. Sæt kryds "
                              "og send svaret til os:\n☐ Jeg kommer til mødet\n☐ Jeg kommer ikke til mødet")
    assert "alternatives" not in read_anatomy(form).notes


def test_a_til_line_above_the_subject_line_is_the_addressee_not_the_greeting():
    text = ("Til forældre med børn i dagtilbud\n\nNye priser fra januar\n\nFra den 1. januar 2027 koster en "
            "vuggestueplads 4.150 kr. om måneden.\n\nMed venlig hilsen\nPladsanvisningen\n")
    assert kind_of_line(text, "Til forældre") == "recipient"
    assert kind_of_line(text, "Nye priser") == "subject"
    # right above the letter's text it is still the greeting
    greeting = "Nye priser fra januar\n\nTil forældre med børn i dagtilbud\n\nFra den 1. januar 2027 koster en " \
               "vuggestueplads 4.150 kr. om måneden.\n"
    assert kind_of_line(greeting, "Til forældre") == "salutation"


# A letter sent as an e-mail: the header lines are sender, addressee and date; "Emne:" is the subject line.
EMAIL_REPLY = """Fra: Ydelsesservice, Hvidmose Kommune <ydelser@hvidmose.dk>
Til: Karin Holt
Sendt: 14. marts 2026
Cc: Jobcenter Hvidmose
Emne: SV: Spørgsmål om boligstøtte

Hej Karin Holt

Tak for din mail. Du kan søge om boligstøtte på borger.dk, også selv om du først flytter ind i maj.

Venlig hilsen
Aske Friis
"""


def test_email_header_lines_are_sender_addressee_and_date():
    k = kinds_of(EMAIL_REPLY)
    assert k["subject"] == ["Emne: SV: Spørgsmål om boligstøtte"]
    assert k["letterhead"] == ["Fra: Ydelsesservice, Hvidmose Kommune <ydelser@hvidmose.dk>"]
    assert k["recipient"] == ["Til: Karin Holt", "Cc: Jobcenter Hvidmose"]
    assert k["date"] == ["Sendt: 14. marts 2026"]


def test_til_line_without_an_email_subject_is_not_an_email_header():
    # "Til:" alone is no e-mail header; the line is read as before (never as the subject line here)
    text = "Til: Karin Holt\n\nBoligstøtte fra maj\n\nKære Karin Holt\n\nDu får boligstøtte fra 1. maj 2026.\n"
    k = kinds_of(text)
    assert k["subject"] == ["Boligstøtte fra maj"]


def test_a_labelled_field_below_the_subject_line_is_a_case_detail():
    text = ("Din ansøgning om parkeringstilladelse\n\nEjendom: «Adresse»\n\nKære «Navn»\n\n"
            "Du får en parkeringstilladelse til din bil fra den 1. maj 2026.\n")
    k = kinds_of(text)
    assert k["subject"] == ["Din ansøgning om parkeringstilladelse"]
    assert k["reference"] == ["Ejendom: «Adresse»"]


def test_a_line_with_a_whole_sentence_above_a_list_is_no_subheading():
    text = ("Kære Jakob\n\nVi mangler en kopi af din lejekontrakt.\n\n"
            "Send den senest den 17. december 2026. Du kan\n- uploade den på borger.dk, eller\n"
            "- tage den med til Borgerservice.\n\nVenlig hilsen\nYasmin\n")
    assert kind_of_line(text, "Send den senest") == "body"


# A labelled case detail right under the reference lines ("Ejendom: matr.nr. …") is one more reference line;
# a labelled subject line says something ("Påbud: Hækken skal klippes …") and stays the subject.
@pytest.mark.parametrize("detail", [
    "Ejendom: matr.nr. 7c Lindby By, Birkevej 12",
    "Beliggenhed: Birkevej 12, 5900 Lindby",
])
def test_docx_case_detail_under_reference_lines_is_no_subject(detail):
    def build(d):
        d.add_paragraph("Lindby Kommune")
        d.add_paragraph("{navn}")
        d.add_paragraph("{adresse}")
        d.add_paragraph("Sagsnr.: 01.02.03-P19-44-26")
        d.add_paragraph("Dato: 3. marts 2026")
        d.add_paragraph(detail)
        d.add_paragraph("Påbud: Hækken langs fortovet skal klippes senest den 1. maj 2026")
        d.add_paragraph("Kære {navn}")
        d.add_paragraph("Du skal klippe hækken, så fortovet er frit at gå på.")
        d.add_paragraph("Med venlig hilsen")
        d.add_paragraph("Vej og Park")

    doc = read_document(data=_docx(build), filename="brev.docx")
    a = read_anatomy(doc.text, doc.blocks)
    t = doc.text
    assert a.kind_at(t.index(detail)) == "reference"
    assert a.kind_at(t.index("Påbud: Hækken")) == "subject"


def test_plain_text_detail_line_in_the_reference_block_is_a_reference_line():
    text = ("Lindby Kommune\n\nSagsnr.: 12-2026\nDato: 3. marts 2026\nBygning: Garage, Birkevej 12\n\n"
            "Påbud: Din garage skal males senest den 1. juni\n\nKære Ida Holm\n\nDu skal male din garage.\n\n"
            "Med venlig hilsen\n\nByg og Plan")
    assert kind_of_line(text, "Bygning: Garage") == "reference"
    assert kind_of_line(text, "Påbud: Din garage") == "subject"
    # set apart by an empty line and not a case-detail label, a labelled line is still read as the subject
    text2 = text.replace("Dato: 3. marts 2026\nBygning: Garage, Birkevej 12\n\nPåbud: Din garage skal males senest den 1. juni",
                         "Dato: 3. marts 2026\n\nByggesag: Ny garage på Birkevej 12")
    assert kind_of_line(text2, "Byggesag: Ny garage") == "subject"


def test_a_type_line_above_a_vedroerende_line_is_the_subjects_first_line():
    text = ("Lindby Kommune\nTorvegade 9\n\n{navn}\n{adresse}\n\nSagsnr.: 12-2026\n\nAfgørelse\n"
            "Vedrørende dit hegn mod Birkevej\n\nKære {navn}\n\nDu må beholde dit hegn.\n\nMed venlig hilsen\n\nByg og Plan")
    assert kind_of_line(text, "Afgørelse") == "subject"
    assert kind_of_line(text, "Vedrørende dit hegn") == "subject"
    # a name above it stays in the recipient block
    assert kind_of_line(text, "{adresse}") == "recipient"


def test_a_name_like_else_is_no_template_branch():
    text = ("Lindby Kommune\nMadservice\n\nElse Vestergaard\nBirkevej 4\n5900 Lindby\n\nKundenummer: 40112\n\n"
            "Regning for mad i marts\n\nKære Else Vestergaard\n\nDu skal betale 1.240 kr. for mad i marts.\n\n"
            "Med venlig hilsen\n\nMadservice")
    a = read_anatomy(text)
    assert a.kind_at(text.index("Else Vestergaard")) == "recipient"
    assert "scaffolding" not in {p.kind for p in a.parts}
    # the template's own branch lines still are
    tmpl = text.replace("Du skal betale", "[if bevilling]\nDu skal betale").replace("i marts.\n\n", "i marts.\n[else]\n\n")
    assert read_anatomy(tmpl).kind_at(tmpl.index("[if bevilling]")) == "scaffolding"
