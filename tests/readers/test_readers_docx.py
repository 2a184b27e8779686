"""docx reader: structure, offsets, fields, text boxes, headers/footers."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from letterlab.readers import Block, Document, ReadError, read_document

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def xml(s: str):
    """Parse a snippet; all namespaces are declared on its root element."""
    i = re.match(r"<[\w:]+", s).end()
    return parse_xml(s[:i] + " " + NS + s[i:])


def run(text: str):
    return xml(f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>')


def complex_field(instr: str, result: str) -> list:
    return [
        xml('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'),
        xml(f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'),
        xml('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
        run(result),
        xml('<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    ]


def textbox_run(text: str):
    """A Word 2010+ text box: DrawingML choice plus a VML fallback with the same text."""
    box = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return xml(
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def add_numbering(document) -> None:
    """Two-level list definition: "1." / "a)" as numId 90."""
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        xml(
            '<w:abstractNum w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(xml('<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def numbered(document, text: str, ilvl: int):
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(
        xml(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>')
    )
    return p


@pytest.fixture
def letter_path(tmp_path, helpers):
    d = docx.Document()
    d.add_heading("Brev om boligstøtte", 0)  # Title
    d.add_heading("Afgørelse", 1)

    p = d.add_paragraph("Kære ")  # fldSimple merge field
    p._p.append(xml('<w:fldSimple w:instr=" MERGEFIELD  Navn \\* MERGEFORMAT "><w:r><w:t>«Navn»</w:t></w:r></w:fldSimple>'))
    p.add_run(" ")
    for r in complex_field(' MERGEFIELD "Efter navn" ', "Jensen"):  # previewed result must not leak
        p._p.append(r)
    p.add_run(",")

    p = d.add_paragraph("Du får ")
    p.add_run("1.000 kr.")
    p.add_run().add_break()
    p.add_run("Beløb:\tom måneden")
    p.add_run().add_tab()
    p.add_run("ansøg\u00adning og ansøg")
    p._p.append(xml("<w:r><w:softHyphen/><w:t>ning</w:t><w:noBreakHyphen/><w:t>CPR</w:t></w:r>"))

    d.add_paragraph("Du skal sende:")
    d.add_paragraph("lønsedler", style="List Bullet")
    d.add_paragraph("kontoudtog", style="List Bullet")

    add_numbering(d)
    numbered(d, "Første", 0)
    numbered(d, "under a", 1)
    numbered(d, "under b", 1)
    numbered(d, "Anden", 0)

    d.styles.add_style("Overskrift 2", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("Sådan klager du", style="Overskrift 2")
    p = d.add_paragraph("Outline heading")
    p._p.get_or_add_pPr().append(xml('<w:outlineLvl w:val="2"/>'))

    p = d.add_paragraph("Sagsnummer: ")  # inline content control
    p._p.append(xml('<w:sdt><w:sdtPr><w:alias w:val="Sag"/></w:sdtPr><w:sdtContent><w:r><w:t>2024-17</w:t></w:r></w:sdtContent></w:sdt>'))

    p = d.add_paragraph("Vi har ")  # tracked changes
    p._p.append(xml('<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">nu </w:t></w:r></w:ins>'))
    p._p.append(xml('<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">ikke </w:delText></w:r></w:del>'))
    p.add_run("modtaget din ansøgning.")

    p = d.add_paragraph("Se boksen.")  # text box anchored here
    p._p.append(textbox_run("Husk fristen"))

    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Ydelse"
    t.cell(0, 1).text = "Beløb"
    t.cell(1, 0).text = "Boligstøtte"
    c = t.cell(1, 1)
    c.text = "500 kr."
    c.add_paragraph("pr. måned")

    last = d.add_paragraph("Med venlig hilsen")
    # block-level content control after the last paragraph
    last._p.addnext(xml('<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Jobcenter Aarhus</w:t></w:r></w:p></w:sdtContent></w:sdt>'))

    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    sec.first_page_header.paragraphs[0].text = "Aarhus Kommune"
    sec.first_page_header.paragraphs[0]._p.append(textbox_run("Rådhuspladsen 2"))
    sec.header.paragraphs[0].text = "Side-hoved"
    fp = sec.footer.paragraphs[0]
    fp.text = "Side "
    for r in complex_field(" PAGE ", "1"):
        fp._p.append(r)
    d.add_section()  # linked to previous: must not duplicate header/footer

    path = tmp_path / "brev.docx"
    path.write_bytes(helpers.docx_to_bytes(d))
    return path


EXPECTED = [
    ("heading", 0, "Brev om boligstøtte"),
    ("heading", 1, "Afgørelse"),
    ("paragraph", 0, "Kære «Navn» «Efter navn»,"),
    ("paragraph", 0, "Du får 1.000 kr.\nBeløb:\tom måneden\tansøgning og ansøgning-CPR"),
    ("paragraph", 0, "Du skal sende:"),
    ("bullet", 0, "• lønsedler"),
    ("bullet", 0, "• kontoudtog"),
    ("bullet", 0, "1. Første"),
    ("bullet", 1, "a) under a"),
    ("bullet", 1, "b) under b"),
    ("bullet", 0, "2. Anden"),
    ("heading", 2, "Sådan klager du"),
    ("heading", 3, "Outline heading"),
    ("paragraph", 0, "Sagsnummer: 2024-17"),
    ("paragraph", 0, "Vi har nu modtaget din ansøgning."),
    ("paragraph", 0, "Se boksen."),
    ("textbox", 0, "Husk fristen"),
    ("table", 0, "Ydelse"),
    ("table", 0, "Beløb"),
    ("table", 0, "Boligstøtte"),
    ("table", 0, "500 kr.\npr. måned"),
    ("paragraph", 0, "Med venlig hilsen"),
    ("paragraph", 0, "Jobcenter Aarhus"),
    ("header", 0, "Aarhus Kommune"),
    ("header", 0, "Rådhuspladsen 2"),
    ("header", 0, "Side-hoved"),
    ("footer", 0, "Side 1"),
]


def test_docx_structure_and_offsets(letter_path, helpers):
    doc = read_document(letter_path)
    assert isinstance(doc, Document)
    assert doc.format == "docx"
    assert doc.source == "brev.docx"
    assert helpers.summary(doc) == EXPECTED
    helpers.assert_layout(doc)
    for b, (_, _, expected) in zip(doc.blocks, EXPECTED):
        assert doc.text[b.start : b.end] == expected
    assert "Jensen" not in doc.text  # previewed merge result is replaced by «Efter navn»
    assert "ikke" not in doc.text  # deleted text
    assert doc.text.count("Husk fristen") == 1  # Choice and Fallback are not both read
    assert "\u00ad" not in doc.text
    assert doc.warnings == (
        "Dokumentet har ændringer, du ikke har godkendt. Vi læser teksten, som om du har godkendt dem.",
    )


def test_docx_source_index_maps_to_python_docx_paragraphs(letter_path):
    doc = read_document(letter_path)
    paragraphs = docx.Document(str(letter_path)).paragraphs
    by_text = {doc.text[b.start : b.end]: b for b in doc.blocks}
    for text in ("Afgørelse", "Du skal sende:", "Se boksen.", "Med venlig hilsen"):
        b = by_text[text]
        assert paragraphs[b.source_index].text == text
    assert paragraphs[by_text["• lønsedler"].source_index].text == "lønsedler"
    assert by_text["Ydelse"].source_index == -1
    assert by_text["Jobcenter Aarhus"].source_index == -1  # inside a content control
    assert by_text["Aarhus Kommune"].source_index == -1
    # body paragraphs appear in increasing order
    body = [b.source_index for b in doc.blocks if b.source_index >= 0]
    assert body == sorted(body) and len(set(body)) == len(body)


def test_docx_same_result_from_bytes(letter_path):
    a = read_document(letter_path)
    b = read_document(data=letter_path.read_bytes(), filename="x/y/brev.docx")
    assert a.text == b.text and a.blocks == b.blocks
    assert b.source == "brev.docx"


def test_docx_nested_table_and_bullets_in_cell(tmp_path, helpers):
    d = docx.Document()
    t = d.add_table(rows=1, cols=1)
    cell = t.cell(0, 0)
    cell.text = "Før tabellen"
    cell.add_paragraph("punkt", style="List Bullet")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Indre 1"
    inner.cell(0, 1).text = "Indre 2"
    cell.add_paragraph("Efter tabellen")
    path = tmp_path / "tabel.docx"
    path.write_bytes(helpers.docx_to_bytes(d))
    doc = read_document(path)
    assert helpers.summary(doc) == [
        ("table", 0, "Før tabellen\n• punkt"),
        ("table", 0, "Indre 1"),
        ("table", 0, "Indre 2"),
        ("table", 0, "Efter tabellen"),
    ]
    helpers.assert_layout(doc)


def test_docx_fields_hidden_text_and_nesting(tmp_path, helpers):
    d = docx.Document()
    p = d.add_paragraph("Hej ")
    p._p.append(xml('<w:r><w:rPr><w:vanish/></w:rPr><w:t>skjult note </w:t></w:r>'))
    # MERGEFIELD without a result part
    p._p.append(xml('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(xml('<w:r><w:instrText> MERGEFIELD Fornavn </w:instrText></w:r>'))
    p._p.append(xml('<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    p.add_run(", ")
    # { IF { MERGEFIELD Køn } = "M" "hr." "fru" } with result "fru"
    for r in [
        xml('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'),
        xml('<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'),
        *complex_field(" MERGEFIELD Køn ", "K"),
        xml('<w:r><w:instrText xml:space="preserve"> = "M" "hr." "fru" </w:instrText></w:r>'),
        xml('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
        run("fru"),
        xml('<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    ]:
        p._p.append(r)
    p._p.append(xml('<w:hyperlink><w:r><w:t xml:space="preserve"> (link)</w:t></w:r></w:hyperlink>'))
    path = tmp_path / "felter.docx"
    path.write_bytes(helpers.docx_to_bytes(d))
    assert read_document(path).text == "Hej «Fornavn», fru (link)"


def test_docx_empty_document(tmp_path, helpers):
    d = docx.Document()
    d.add_paragraph("   ")
    path = tmp_path / "tom.docx"
    path.write_bytes(helpers.docx_to_bytes(d))
    with pytest.raises(ReadError) as exc:
        read_document(path)
    assert exc.value.code == "empty"
    assert exc.value.message == "Filen er tom."


def test_docx_entities_are_not_expanded(tmp_path, helpers):
    d = docx.Document()
    d.add_paragraph("FørPLACEHOLDERefter")
    data = helpers.docx_to_bytes(d)
    xml_text = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    decl_end = xml_text.index("?>") + 2
    evil = (
        xml_text[:decl_end]
        + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        + '<!ENTITY lol "LOLLOLLOL"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        + xml_text[decl_end:].replace("PLACEHOLDER", "&xxe;&lol2;")
    )
    path = tmp_path / "xxe.docx"
    path.write_bytes(helpers.rewrite_zip(data, replace={"word/document.xml": evil.encode("utf-8")}))
    doc = read_document(path)
    assert doc.text == "Førefter"
    assert "root" not in doc.text and "LOL" not in doc.text


def test_docx_diagram_and_notes_warnings(tmp_path, helpers):
    d = docx.Document()
    p = d.add_paragraph("Se figuren")
    p._p.append(xml(
        '<w:r><w:drawing><wp:inline><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"/>'
        "</a:graphic></wp:inline></w:drawing></w:r>"
    ))
    p._p.append(xml('<w:r><w:footnoteReference w:id="1"/></w:r>'))
    path = tmp_path / "diagram.docx"
    path.write_bytes(helpers.docx_to_bytes(d))
    doc = read_document(path)
    assert doc.text == "Se figuren"
    assert set(doc.warnings) == {
        "Vi har ikke læst tekst i diagrammer og SmartArt med.",
        "Vi har ikke læst fodnoter og slutnoter med.",
    }


def test_docx_block_dataclass_defaults():
    b = Block(0, 3, "paragraph")
    assert (b.level, b.source_index) == (0, -1)
    with pytest.raises(Exception):
        b.start = 1  # frozen
