"""Plain text, pasted text and Markdown."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterlab.readers import ReadError, read_document, read_text
from letterlab.readers._layout import LayoutBuilder

LETTER = (
    "Afgørelse om boligstøtte\n"
    "\n"
    "Kære Søren Ærø,\n"
    "\n"
    "Du får 1.000 kr. om måneden.\n"
    "Pengene kommer den 1. i hver måned.\n"
    "\n"
    "Du skal sende:\n"
    "- lønsedler\n"
    "• kontoudtog\n"
    "  som PDF\n"
    "* lejekontrakt\n"
    "– forsikring\n"
    "1. først\n"
    "2) derefter\n"
    "a) til sidst\n"
    "Tak.\n"
    "\n"
    "1. maj 2024 skal du betale.\n"
    "\n"
    "Med venlig hilsen\n"
    "\n"
    "Jobcenter Aarhus\n"
)

EXPECTED = [
    ("heading", 1, "Afgørelse om boligstøtte"),
    ("paragraph", 0, "Kære Søren Ærø,"),
    ("paragraph", 0, "Du får 1.000 kr. om måneden.\nPengene kommer den 1. i hver måned."),
    ("paragraph", 0, "Du skal sende:"),
    ("bullet", 0, "- lønsedler"),
    ("bullet", 0, "• kontoudtog\n  som PDF"),
    ("bullet", 0, "* lejekontrakt"),
    ("bullet", 0, "– forsikring"),
    ("bullet", 0, "1. først"),
    ("bullet", 0, "2) derefter"),
    ("bullet", 0, "a) til sidst"),
    ("paragraph", 0, "Tak."),
    ("paragraph", 0, "1. maj 2024 skal du betale."),
    ("paragraph", 0, "Med venlig hilsen"),
    ("paragraph", 0, "Jobcenter Aarhus"),
]


def test_read_text_blocks(helpers):
    doc = read_text(LETTER)
    assert doc.text == LETTER  # unchanged
    assert doc.format == "txt" and doc.source is None
    assert helpers.summary(doc) == EXPECTED


def test_read_text_crlf_offsets(helpers):
    doc = read_text(LETTER.replace("\n", "\r\n"), source="indsat")
    assert doc.text == LETTER
    assert doc.source == "indsat"
    assert helpers.summary(doc) == EXPECTED
    doc = read_text("Overskrift\r\rTekst her.")
    assert doc.text == "Overskrift\n\nTekst her."
    assert helpers.summary(doc) == [("heading", 1, "Overskrift"), ("paragraph", 0, "Tekst her.")]


def test_read_text_heading_rules(helpers):
    # last block is never a heading; end punctuation and greetings are not headings
    assert helpers.summary(read_text("Kort linje")) == [("paragraph", 0, "Kort linje")]
    assert [b.kind for b in read_text("Hvad nu?\n\nTekst.").blocks] == ["paragraph", "paragraph"]
    assert [b.kind for b in read_text("Kære Hans\n\nTekst.").blocks] == ["paragraph", "paragraph"]
    assert [b.kind for b in read_text("Aarhus 3. maj 2024\n\nTekst.").blocks] == ["paragraph", "paragraph"]
    assert [b.kind for b in read_text("Dato: 03-05-2024\n\nTekst.").blocks] == ["paragraph", "paragraph"]
    assert [(b.kind, b.level) for b in read_text("Sådan klager du\n\nTekst.").blocks] == [("heading", 1), ("paragraph", 0)]
    # a date inside a real heading does not stop it being a heading
    doc = read_text("Kom til jobsamtale torsdag den 12. november 2026 kl. 10.00\n\nKære Jesper")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_read_text_nested_bullet_level(helpers):
    doc = read_text("Liste:\n- et\n    - under\n- to")
    assert [(b.kind, b.level) for b in doc.blocks] == [("paragraph", 0), ("bullet", 0), ("bullet", 2), ("bullet", 0)]
    assert helpers.block_texts(doc)[2] == "- under"


def test_read_text_empty():
    for text in ("", "   \n\t\r\n "):
        with pytest.raises(ReadError) as exc:
            read_text(text)
        assert (exc.value.code, exc.value.message) == ("empty", "Teksten er tom.")


@settings(max_examples=150, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(list("ab Æø.-•*1)\n\r\t")), max_size=80))
def test_read_text_properties(text):
    try:
        doc = read_text(text)
    except ReadError as exc:
        assert exc.code == "empty" and not text.strip()
        return
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    assert doc.text == norm
    covered = set()
    prev_end = 0
    for b in doc.blocks:
        assert prev_end <= b.start < b.end <= len(doc.text)
        chunk = doc.text[b.start : b.end]
        assert chunk == chunk.strip() and "\n\n" not in chunk.replace(" ", "").replace("\t", "")
        covered.update(range(b.start, b.end))
        prev_end = b.end
    for i, ch in enumerate(doc.text):
        if not ch.isspace():
            assert i in covered


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab \n\t\r\u00ad\u2028")), max_size=12), max_size=8))
def test_layout_builder_properties(texts):
    b = LayoutBuilder()
    for t in texts:
        b.add(t, "paragraph")
    text = b.text
    chunks = [text[x.start : x.end] for x in b.blocks]
    assert "\n\n".join(chunks) == text
    for c in chunks:
        assert c and c == c.strip() and "\n\n" not in c and "\u00ad" not in c and "\r" not in c


# --- .txt files ------------------------------------------------------------------

TXT = "Kære Søren\n\nDu får 1.000 kr. – også i år. Æble, øl og å.\n"


def test_txt_utf8_and_bom(tmp_path, helpers):
    for name, data in (("a.txt", TXT.encode("utf-8")), ("b.txt", b"\xef\xbb\xbf" + TXT.encode("utf-8"))):
        path = tmp_path / name
        path.write_bytes(data)
        doc = read_document(path)
        assert doc.text == TXT
        assert doc.format == "txt" and doc.source == name and doc.warnings == ()
        assert helpers.block_texts(doc) == ["Kære Søren", "Du får 1.000 kr. – også i år. Æble, øl og å."]


def test_txt_cp1252(tmp_path, helpers):
    path = tmp_path / "gammel.txt"
    path.write_bytes(TXT.replace("\n", "\r\n").encode("cp1252"))
    doc = read_document(path)
    assert doc.text == TXT
    assert helpers.block_texts(doc)[1] == "Du får 1.000 kr. – også i år. Æble, øl og å."
    assert doc.warnings == ("Filen er ikke gemt som UTF-8. Tjek, at æ, ø og å ser rigtige ud.",)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-32"])
def test_txt_utf16_32(tmp_path, encoding):
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + TXT.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + TXT.encode("utf-16-be")
    else:
        data = TXT.encode(encoding)  # "utf-16"/"utf-32" write a BOM; "utf-16-le" has none
    path = tmp_path / "u.txt"
    path.write_bytes(data)
    assert read_document(path).text == TXT


def test_txt_binary_junk(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(os.urandom(4096) + b"\x00\x01\x02")
    with pytest.raises(ReadError) as exc:
        read_document(path)
    assert exc.value.code == "binary"
    assert exc.value.message == (
        "Filen indeholder ikke tekst, vi kan læse. Vælg en .docx-, .odt-, .txt-, .md- eller .html-fil."
    )
    # control characters without NUL
    with pytest.raises(ReadError) as exc:
        read_document(data=b"\x01\x02\x03\x04abc\x05\x06\x07" * 50, filename="x.txt")
    assert exc.value.code == "binary"


def test_txt_undecodable(tmp_path):
    # 0x81/0x8d/0x90 are undefined in cp1252 and invalid UTF-8
    with pytest.raises(ReadError) as exc:
        read_document(data=b"Hej \x81\x8d\x90 med dig", filename="x.txt")
    assert (exc.value.code, exc.value.message) == (
        "encoding",
        "Vi kan ikke læse bogstaverne i filen. Gem filen som UTF-8, og prøv igen.",
    )


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_txt_empty_file(tmp_path, data):
    path = tmp_path / "tom.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as exc:
        read_document(path)
    assert (exc.value.code, exc.value.message) == ("empty", "Filen er tom.")


def test_no_suffix_sniffing():
    assert read_document(data=b"Hej\n\nmed dig").format == "txt"
    assert read_document(data=b"<!DOCTYPE html><p>Hej</p>").format == "html"


# --- markdown ----------------------------------------------------------------------

MD = """\
# Afgørelse om *boligstøtte*

Kære **Søren**,
du får [1.000 kr.](https://example.com/x) om måneden.\\
Ny linje med `kode_navn` og snake_case_ord.

Sådan klager du
---------------

- lønsedler
- kontoudtog med
  to linjer
  - under-punkt
1. først
2. derefter

> Citat med _vigtig_ tekst

| Ydelse | Beløb |
|--------|------:|
| Boligstøtte | 500 kr. |

***

![Logo](logo.png) Aarhus Kommune

[ref]: https://example.com
"""


def test_markdown(tmp_path, helpers):
    path = tmp_path / "brev.md"
    path.write_text(MD, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "md"
    assert helpers.summary(doc) == [
        ("heading", 1, "Afgørelse om boligstøtte"),
        ("paragraph", 0, "Kære Søren, du får 1.000 kr. om måneden.\nNy linje med kode_navn og snake_case_ord."),
        ("heading", 2, "Sådan klager du"),
        ("bullet", 0, "• lønsedler"),
        ("bullet", 0, "• kontoudtog med to linjer"),
        ("bullet", 1, "• under-punkt"),
        ("bullet", 0, "1. først"),
        ("bullet", 0, "2. derefter"),
        ("paragraph", 0, "Citat med vigtig tekst"),
        ("table", 0, "Ydelse"),
        ("table", 0, "Beløb"),
        ("table", 0, "Boligstøtte"),
        ("table", 0, "500 kr."),
        ("paragraph", 0, "Logo Aarhus Kommune"),
    ]
    helpers.assert_layout(doc)
