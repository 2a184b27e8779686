"""HTML and OpenDocument readers."""

from __future__ import annotations

import pytest

from letterlab.readers import ReadError, read_document

HTML = """<!DOCTYPE html>
<html lang="da"><head><title>Skal ikke med</title>
<style>p { color: red }</style><script>var hemmelig = "nej";</script></head>
<body>
<!-- kommentar -->
<h1>Afgørelse om   boligstøtte</h1>
<p>Kære <b>Søren</b>,<br>du får 1.000&nbsp;kr. &amp; mere.</p>
<div>Tekst i div <span>med span</span>
  <p>indlejret afsnit</p>efter afsnit</div>
<ul><li>lønsedler</li><li>kontoudtog<ul><li>under-punkt</li></ul></li></ul>
<ol start="3"><li><p>tre</p></li><li>fire</li></ol>
<table><tr><th>Ydelse</th><th>Beløb</th></tr><tr><td>Boligstøtte</td><td>500 kr.</td></tr></table>
<noscript>Slå JavaScript til</noscript><template><p>skabelon</p></template>
<p hidden>skjult</p>
<pre>linje 1
  linje 2</pre>
<h2>Sådan klager du</h2>
</body></html>
"""


def test_html_structure(tmp_path, helpers):
    path = tmp_path / "brev.html"
    path.write_text(HTML, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert helpers.summary(doc) == [
        ("heading", 1, "Afgørelse om boligstøtte"),
        ("paragraph", 0, "Kære Søren,\ndu får 1.000\u00a0kr. & mere."),
        ("paragraph", 0, "Tekst i div med span"),
        ("paragraph", 0, "indlejret afsnit"),
        ("paragraph", 0, "efter afsnit"),
        ("bullet", 0, "• lønsedler"),
        ("bullet", 0, "• kontoudtog"),
        ("bullet", 1, "• under-punkt"),
        ("bullet", 0, "3. tre"),
        ("bullet", 0, "4. fire"),
        ("table", 0, "Ydelse"),
        ("table", 0, "Beløb"),
        ("table", 0, "Boligstøtte"),
        ("table", 0, "500 kr."),
        ("paragraph", 0, "linje 1\n  linje 2"),
        ("heading", 2, "Sådan klager du"),
    ]
    helpers.assert_layout(doc)
    for word in ("Skal ikke med", "hemmelig", "color", "kommentar", "JavaScript", "skabelon", "skjult"):
        assert word not in doc.text


def test_html_cell_is_one_block(helpers):
    html = (
        "<table><tr><td><p>A</p><p>B</p><ul><li>x</li><li>y</li></ul>"
        "<table><tr><td>indre</td></tr></table>efter</td><td>C<br>D</td></tr></table><p>slut</p>"
    )
    doc = read_document(data=html.encode(), filename="celle.html")
    assert helpers.summary(doc) == [
        ("table", 0, "A\nB\n• x\n• y"),
        ("table", 0, "indre"),
        ("table", 0, "efter"),
        ("table", 0, "C\nD"),
        ("paragraph", 0, "slut"),
    ]


def test_html_external_entity_not_expanded(tmp_path):
    html = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/evil"><!ENTITY lol "LOLLOL">]>\n'
        "<html><body><p>Før &e; midt &net; &lol; efter</p></body></html>"
    )
    path = tmp_path / "xxe.htm"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path)
    assert "root:" not in doc.text and "LOLLOL" not in doc.text and "/bin/" not in doc.text
    # the DTD is dropped; undeclared references stay literal, as in a browser
    assert doc.text == "Før &e; midt &net; &lol; efter"


def test_html_meta_charset_latin1(tmp_path):
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Kære Søren – æøå</p></body></html>'
    path = tmp_path / "latin.html"
    path.write_bytes(html.encode("cp1252"))
    assert read_document(path).text == "Kære Søren – æøå"


def test_word_html_saved_as_doc(tmp_path):
    path = tmp_path / "sag.doc"
    path.write_text("<html><body><h1>Afgørelse</h1><p>Du får støtte.</p></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.text == "Afgørelse\n\nDu får støtte."
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_html_without_text_is_empty():
    with pytest.raises(ReadError) as exc:
        read_document(data=b"<html><head><title>x</title></head><body><script>1</script></body></html>", filename="a.html")
    assert exc.value.code == "empty"


# --- ODT -----------------------------------------------------------------------------

ODT_BODY = (
    '<text:sequence-decls/>'
    '<text:p text:style-name="P1">Brev om boligstøtte</text:p>'
    '<text:h text:outline-level="1">Afgørelse</text:h>'
    '<text:p>Kære <text:database-display text:table-name="Borgere" text:column-name="Navn">&lt;Navn&gt;</text:database-display>,</text:p>'
    '<text:p>Du får<text:s text:c="2"/>1.000 kr.<text:line-break/>Beløb:<text:tab/>månedligt'
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    '<text:note-body><text:p>Fodnotetekst</text:p></text:note-body></text:note>.</text:p>'
    '<text:list text:style-name="L1">'
    '<text:list-item><text:p>lønsedler</text:p>'
    '<text:list><text:list-item><text:p>under-punkt</text:p></text:list-item></text:list></text:list-item>'
    '<text:list-item><text:p>kontoudtog</text:p></text:list-item>'
    '</text:list>'
    '<text:list text:style-name="L2"><text:list-item><text:p>først</text:p></text:list-item>'
    '<text:list-item><text:p>derefter</text:p></text:list-item></text:list>'
    '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>'
    '<table:table-row><table:table-cell><text:p>Ydelse</text:p></table:table-cell>'
    '<table:table-cell><text:p>Beløb</text:p></table:table-cell></table:table-row>'
    '<table:table-row><table:table-cell><text:p>Boligstøtte</text:p></table:table-cell>'
    '<table:table-cell><text:p>500 kr.</text:p><text:p>pr. måned</text:p></table:table-cell></table:table-row>'
    '</table:table>'
    '<text:p>Se boksen.<draw:frame draw:name="F1"><draw:text-box><text:p>Husk fristen</text:p></draw:text-box></draw:frame></text:p>'
    '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>slettet tekst</text:p>'
    '</text:deletion></text:changed-region></text:tracked-changes>'
    '<text:p>Med venlig hilsen</text:p>'
)
ODT_AUTO_STYLES = (
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
    '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    '<text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>'
    '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>'
)
ODT_STYLES = '<style:style style:name="Title" style:family="paragraph"/>'
ODT_MASTER = (
    '<style:master-page style:name="Standard">'
    '<style:header><text:p>Aarhus Kommune</text:p></style:header>'
    '<style:footer><text:p>Side <text:page-number>1</text:page-number></text:p></style:footer>'
    '</style:master-page>'
)


def test_odt_structure(tmp_path, helpers):
    path = tmp_path / "brev.odt"
    path.write_bytes(helpers.make_odt(ODT_BODY, ODT_AUTO_STYLES, ODT_STYLES, ODT_MASTER))
    doc = read_document(path)
    assert doc.format == "odt"
    assert helpers.summary(doc) == [
        ("heading", 0, "Brev om boligstøtte"),
        ("heading", 1, "Afgørelse"),
        ("paragraph", 0, "Kære «Navn»,"),
        ("paragraph", 0, "Du får  1.000 kr.\nBeløb:\tmånedligt."),  # text:s c=2
        ("bullet", 0, "• lønsedler"),
        ("bullet", 1, "• under-punkt"),
        ("bullet", 0, "• kontoudtog"),
        ("bullet", 0, "1. først"),
        ("bullet", 0, "2. derefter"),
        ("table", 0, "Ydelse"),
        ("table", 0, "Beløb"),
        ("table", 0, "Boligstøtte"),
        ("table", 0, "500 kr.\npr. måned"),
        ("paragraph", 0, "Se boksen."),
        ("textbox", 0, "Husk fristen"),
        ("paragraph", 0, "Med venlig hilsen"),
        ("header", 0, "Aarhus Kommune"),
        ("footer", 0, "Side 1"),
    ]
    helpers.assert_layout(doc)
    assert "slettet" not in doc.text and "Fodnotetekst" not in doc.text
    assert set(doc.warnings) == {
        "Vi har ikke læst fodnoter og slutnoter med.",
        "Dokumentet har ændringer, du ikke har godkendt. Vi læser teksten, som om du har godkendt dem.",
    }


def test_odt_encrypted(helpers):
    data = helpers.make_odt(
        "<text:p>x</text:p>",
        manifest_extra='<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>',
    )
    with pytest.raises(ReadError) as exc:
        read_document(data=data, filename="kode.odt")
    assert exc.value.code == "encrypted"


def test_odt_corrupt_and_empty(helpers):
    with pytest.raises(ReadError) as exc:
        read_document(data=helpers.rewrite_zip(helpers.make_odt("<text:p>x</text:p>"),
                                               replace={"content.xml": b"<office:document-content"}), filename="a.odt")
    assert exc.value.code == "corrupt"
    with pytest.raises(ReadError) as exc:
        read_document(data=helpers.make_odt("<text:p> </text:p>"), filename="tom.odt")
    assert exc.value.code == "empty"


def test_a_description_list_term_and_its_description_are_one_line():
    # "<dt>Tid:</dt><dd>…</dd>" is a "label: value" line, as a self-service system writes a meeting's time and place
    html = ("<html><body><p>Kære Jens</p><dl><dt>Tid:</dt>\n<dd>4. maj kl. 10</dd>\n<dt>Sted:</dt>"
            "<dd>Rådhuset, lokale 2</dd><dt>Uden beskrivelse</dt></dl><p>Venlig hilsen</p></body></html>")
    doc = read_document(data=html.encode("utf-8"), filename="brev.html")
    assert doc.text.split("\n\n") == ["Kære Jens", "Tid: 4. maj kl. 10", "Sted: Rådhuset, lokale 2",
                                      "Uden beskrivelse", "Venlig hilsen"]
