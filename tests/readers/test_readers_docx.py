"""docx reader: structure, offsets, fields, text boxes, headers/footers."""

from __future__ import annotations

import hashlib
import io
import random
import re
import struct
import zipfile
import zlib

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from letterlab.readers import Block, Document, ReadError, docx_reader, read_document
from letterlab.readers._safety import open_zip
from letterlab.readers.docx_reader import DocxWalker, read_docx_bytes

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


# --- the package: same reading as with python-docx opening it -------------------------


class _PythonDocxPart:
    """A part as python-docx loaded it, behind the interface ``DocxWalker`` uses."""

    def __init__(self, part):
        self._part = part
        self.partname = str(part.partname)
        self.is_xml = hasattr(part, "element")  # python-docx's XmlPart

    @property
    def element(self):
        return self._part.element if self.is_xml else None

    def stored_key(self) -> bytes:
        return hashlib.sha256(b"python-docx:" + self._part.blob).digest()

    def part_related_by(self, reltype):
        return _PythonDocxPart(self._part.part_related_by(reltype))

    @property
    def related_parts(self):
        return {rid: _PythonDocxPart(p) for rid, p in self._part.related_parts.items()}


def _read_with_python_docx(data: bytes):
    """What the reader gives when python-docx opens the package (as it did before)."""
    walker = DocxWalker(_PythonDocxPart(docx.Document(io.BytesIO(data)).part))
    builder = walker.read()
    return builder.text, builder.blocks, walker.warnings


def _read(data: bytes):
    builder, warnings = read_docx_bytes(data, None)
    return builder.text, builder.blocks, warnings


def _png() -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 4)
    return b"".join([b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", ihdr), chunk(b"IDAT", idat), chunk(b"IEND", b"")])


def _headers_docx(helpers) -> bytes:
    """Odd/even and first-page headers and footers, and a second section with its own header."""
    d = docx.Document()
    d.settings.odd_and_even_pages_header_footer = True
    d.add_heading("Overskrift", 1)
    d.add_paragraph("Brødtekst her.")
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Ulige hoved"
    sec.even_page_header.paragraphs[0].text = "Lige hoved"
    sec.different_first_page_header_footer = True
    sec.first_page_footer.paragraphs[0].text = "Første fod"
    sec.footer.paragraphs[0].text = "Fod"
    sec2 = d.add_section(WD_SECTION.NEW_PAGE)
    sec2.header.is_linked_to_previous = False
    sec2.header.paragraphs[0].text = "Sektion 2 hoved"
    d.add_paragraph("Sektion to.")
    return helpers.docx_to_bytes(d)


def _media_docx(helpers) -> bytes:
    """A picture, an external hyperlink, a comment and document properties."""
    d = docx.Document()
    d.add_paragraph("Se billedet")
    d.add_picture(io.BytesIO(_png()))
    p = d.add_paragraph("Link: ")
    rid = d.part.relate_to(
        "https://example.dk/", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    p._p.append(xml(
        '<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:id="{rid}"><w:r><w:t>eksempel</w:t></w:r></w:hyperlink>'
    ))
    d.add_comment(d.add_paragraph("Kommentar her").runs[0], text="En kommentar", author="A")
    d.core_properties.title = "Titel"
    return helpers.docx_to_bytes(d)


def _styles_docx(helpers) -> bytes:
    """Danish heading and list styles (one based on another), list numbering, a table."""
    d = docx.Document()
    heading = d.styles.add_style("Overskrift 1", WD_STYLE_TYPE.PARAGRAPH)
    d.styles.add_style("Min overskrift", WD_STYLE_TYPE.PARAGRAPH).base_style = heading
    d.styles.add_style("Opstilling med tal", WD_STYLE_TYPE.PARAGRAPH)
    for text, style in (("A", "Overskrift 1"), ("B", "Min overskrift"), ("C", "Opstilling med tal"),
                        ("D", "List Number"), ("E", "List Number 2"), ("F", "Title")):
        d.add_paragraph(text, style=style)
    add_numbering(d)
    for k, text in enumerate(("x", "y", "z", "w")):
        numbered(d, text, k % 3)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "a"
    t.cell(1, 1).add_paragraph("b", style="List Bullet")
    return helpers.docx_to_bytes(d)


@pytest.fixture
def package_samples(letter_path, helpers):
    return {
        "letter": letter_path.read_bytes(),
        "headers": _headers_docx(helpers),
        "media": _media_docx(helpers),
        "styles": _styles_docx(helpers),
    }


def test_docx_package_reading_matches_python_docx(package_samples):
    for name, data in package_samples.items():
        text, blocks, warnings = _read(data)
        assert text, name
        assert (text, blocks, warnings) == _read_with_python_docx(data), name
    assert "Lige hoved" in _read(package_samples["headers"])[0]
    assert "eksempel" in _read(package_samples["media"])[0]


def _damage(rng: random.Random, xml_text: str) -> str:
    """Swap an attribute value for another one of the same part, drop an empty element,
    or put a stray character in."""
    op = rng.random()
    if op < 0.6:
        values = list(re.finditer(r'="([^"]*)"', xml_text))
        mt = rng.choice(values)
        return xml_text[: mt.start(1)] + rng.choice(values).group(1) + xml_text[mt.end(1) :]
    if op < 0.9:
        empties = list(re.finditer(r"<[\w:]+(?: [^<>]*)?/>", xml_text))
        if empties:
            mt = rng.choice(empties)
            return xml_text[: mt.start()] + xml_text[mt.end() :]
    i = rng.randrange(len(xml_text))
    return xml_text[:i] + rng.choice(["<", "/", '"', "&", ""]) + xml_text[i + 1 :]


_READ_PARTS = re.compile(
    r"\[Content_Types\]\.xml|_rels/\.rels|word/_rels/document\.xml\.rels"
    r"|word/(?:document|styles|numbering|settings|header\d+|footer\d+)\.xml"
)


def test_docx_damaged_files_match_python_docx(package_samples, helpers):
    """Damaged XML and relationships: wherever python-docx opens the package, we read
    exactly what the walker reads through python-docx."""
    rng = random.Random(7)
    samples = list(package_samples.values())
    compared = changed = 0
    for _ in range(120):
        data = rng.choice(samples)
        zf = zipfile.ZipFile(io.BytesIO(data))
        name = rng.choice([n for n in zf.namelist() if _READ_PARTS.fullmatch(n)])
        text = zf.read(name).decode("utf-8")
        for _ in range(rng.randint(1, 3)):
            text = _damage(rng, text)
        damaged = helpers.rewrite_zip(data, replace={name: text.encode("utf-8")})
        try:
            expected = _read_with_python_docx(damaged)
        except ReadError as exc:
            expected = exc.code
        except Exception:
            continue  # python-docx refuses the package
        try:
            got = _read(damaged)
        except ReadError as exc:
            got = exc.code
        assert got == expected, name
        compared += 1
        changed += got != _read(data)
    assert compared > 40 and changed > 10


def test_docx_templates_and_macro_documents_are_read(package_samples, helpers):
    data = package_samples["headers"]
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()

    def main_type(content_type: str) -> bytes:
        main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        return helpers.rewrite_zip(data, replace={"[Content_Types].xml": types.replace(main, content_type).encode()})

    for content_type in (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ):
        assert _read(main_type(content_type)) == _read(data)
    err = _read_error(main_type("application/xml"))
    assert err.code == "unsupported_format"
    assert err.message == "Filen er ikke et Word-dokument. Gem brevet som .docx, og prøv igen."


def _read_error(data: bytes) -> ReadError:
    with pytest.raises(ReadError) as exc:
        read_document(data=data, filename="brev.docx")
    return exc.value


def test_docx_broken_package_is_corrupt(package_samples, helpers):
    data = package_samples["media"]
    zf = zipfile.ZipFile(io.BytesIO(data))
    image = next(n for n in zf.namelist() if n.startswith("word/media/"))

    def edit(name: str, pattern: str, repl: str) -> bytes:
        text = zf.read(name).decode()
        changed = re.sub(pattern, repl, text, count=1, flags=re.S)
        assert changed != text
        return helpers.rewrite_zip(data, replace={name: changed.encode()})

    cases = {
        "missing picture": helpers.rewrite_zip(data, drop=(image,)),  # every related part must exist
        "missing styles": helpers.rewrite_zip(data, drop=("word/styles.xml",)),
        "bad rels xml": edit("word/_rels/document.xml.rels", r"</Relationships>$", ""),
        "rels without target": edit("word/_rels/document.xml.rels", r' Target="[^"]*"', ""),
        "no main document": edit("_rels/.rels", r"relationships/officeDocument", "relationships/other"),
        "no content type": edit("[Content_Types].xml", r'<Default Extension="png"[^>]*/>', ""),
        "no body": edit("word/document.xml", r"<w:body>.*</w:body>", ""),
    }
    for name, broken in cases.items():
        assert _read_error(broken).code == "corrupt", name


def test_docx_damage_in_parts_we_do_not_read_is_ignored(package_samples, helpers):
    """Unlike python-docx we never unpack the theme, pictures or document properties."""
    data = package_samples["media"]
    damaged = helpers.rewrite_zip(data, replace={"word/theme/theme1.xml": b"<a:theme", "docProps/core.xml": b"\x00"})
    assert _read(damaged) == _read(data)
    with pytest.raises(Exception):
        docx.Document(io.BytesIO(damaged))


def test_docx_styles_are_shared_between_letters_of_one_template(helpers):
    def letter(text: str) -> bytes:
        d = docx.Document()
        d.add_heading("Afgørelse", 1)
        d.add_paragraph(text, style="List Bullet")
        return helpers.docx_to_bytes(d)

    a, b = letter("første"), letter("anden")
    docx_reader._STYLES_CACHE._items.clear()
    first = _read(a)
    assert len(docx_reader._STYLES_CACHE._items) == 1
    assert _read(b)[0] == "Afgørelse\n\n• anden"
    assert len(docx_reader._STYLES_CACHE._items) == 1  # same styles part: one entry
    assert _read(a) == first == _read_with_python_docx(a)


def test_docx_stored_key_follows_the_stored_bytes(helpers):
    def key(data: bytes, name: str) -> bytes:
        return docx_reader._Package(open_zip(data, ""), data).stored_key(name)

    d = docx.Document()
    d.add_paragraph("Hej")
    a = helpers.docx_to_bytes(d)
    d.add_paragraph("med dig")
    b = helpers.docx_to_bytes(d)
    assert key(a, "word/styles.xml") == key(b, "word/styles.xml")
    assert key(a, "word/document.xml") != key(b, "word/document.xml")
    styles = zipfile.ZipFile(io.BytesIO(a)).read("word/styles.xml")
    changed = helpers.rewrite_zip(a, replace={"word/styles.xml": styles.replace(b"Heading 1", b"Heading 2", 1)})
    assert key(a, "word/styles.xml") != key(changed, "word/styles.xml")
