"""Hostile and unsupported files: encryption, old formats, corrupt zips, bombs, size."""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
import zlib

import docx
import msoffcrypto
import pytest

from letterlab.readers import ReadError, read_document
from letterlab.readers import _safety


def _simple_docx(helpers, text="Hej med dig.") -> bytes:
    d = docx.Document()
    d.add_paragraph(text)
    return helpers.docx_to_bytes(d)


def _error(**kwargs) -> ReadError:
    with pytest.raises(ReadError) as exc:
        read_document(**kwargs)
    return exc.value


@pytest.fixture(scope="module")
def encrypted_bytes():
    d = docx.Document()
    d.add_paragraph("Hemmeligt brev")
    plain = io.BytesIO()
    d.save(plain)
    plain.seek(0)
    out = io.BytesIO()
    msoffcrypto.OfficeFile(plain).encrypt("hemmelig", out)
    return out.getvalue()


def test_encrypted_docx(tmp_path, encrypted_bytes):
    assert encrypted_bytes[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    path = tmp_path / "kode.docx"
    path.write_bytes(encrypted_bytes)
    err = _error(path=path)
    assert err.code == "encrypted"
    assert err.message == "Filen er beskyttet med adgangskode. Fjern adgangskoden i Word, og prøv igen."
    assert str(err) == err.message
    # without a file name too
    assert _error(data=encrypted_bytes).code == "encrypted"


def _rename_ole_entry(data: bytearray, old: str, new: str) -> None:
    raw = old.encode("utf-16-le")
    i = data.find(raw)
    assert i >= 0
    data[i : i + 64] = new.encode("utf-16-le").ljust(64, b"\0")
    struct.pack_into("<H", data, i + 64, (len(new) + 1) * 2)


def test_old_doc_real_ole_container(tmp_path, encrypted_bytes):
    # A real OLE2 compound file with Word 97 stream names and no EncryptionInfo.
    data = bytearray(encrypted_bytes)
    _rename_ole_entry(data, "EncryptedPackage", "WordDocument")
    _rename_ole_entry(data, "EncryptionInfo", "1Table")
    path = tmp_path / "gammel.doc"
    path.write_bytes(bytes(data))
    err = _error(path=path)
    assert err.code == "unsupported_doc"
    assert err.message == (
        "Filen er et gammelt Word-dokument (.doc). Åbn den i Word, gem den som .docx, og prøv igen."
    )


def test_old_doc_header_only(tmp_path):
    path = tmp_path / "brev.doc"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + os.urandom(2048))
    assert _error(path=path).code == "unsupported_doc"
    # renamed to .docx: same answer, content wins over the name
    path2 = tmp_path / "omdøbt.docx"
    path2.write_bytes(path.read_bytes())
    assert _error(path=path2).code == "unsupported_doc"


def test_pdf(tmp_path):
    data = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
    for name in ("brev.pdf", "brev.docx", "brev.txt"):
        path = tmp_path / name
        path.write_bytes(data)
        err = _error(path=path)
        assert err.code == "unsupported_format"
        assert err.message.startswith("Filen er en PDF.")


def test_rtf_and_unknown_suffix():
    err = _error(data=b"{\\rtf1\\ansi Hej}", filename="brev.rtf")
    assert (err.code, err.message) == (
        "unsupported_format",
        "Filen er en RTF-fil. Åbn den i Word, gem den som .docx, og prøv igen.",
    )
    err = _error(data=b"Hej", filename="brev.xyz")
    assert err.code == "unsupported_format"
    assert ".xyz" in err.message


def test_corrupt_docx_variants(tmp_path, helpers):
    good = _simple_docx(helpers)
    cases = {
        "truncated.docx": good[: len(good) // 2],
        "junk.docx": b"Det her er ikke en zip-fil " * 10,
        "nocontenttypes.docx": helpers.rewrite_zip(good, drop=("[Content_Types].xml",)),
        "brokenxml.docx": helpers.rewrite_zip(good, replace={"word/document.xml": b"<w:document><w:body>"}),
    }
    # flip bytes inside the compressed document.xml -> CRC/zlib error
    zf = zipfile.ZipFile(io.BytesIO(good))
    info = zf.getinfo("word/document.xml")
    off = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    damaged = bytearray(good)
    for k in range(8):
        damaged[off + k] ^= 0xFF
    cases["crc.docx"] = bytes(damaged)
    for name, data in cases.items():
        err = _error(data=data, filename=name)
        assert err.code == "corrupt", name
        assert err.message == (
            "Vi kan ikke åbne filen. Den er måske ødelagt. Åbn den i Word, gem den igen, og prøv igen."
        )


def test_xlsx_is_not_word():
    """A minimal real OOXML spreadsheet package renamed to .docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        zf.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    err = _error(data=out.getvalue(), filename="regneark.docx")
    assert err.code == "unsupported_format"
    assert err.message == "Filen er ikke et Word-dokument. Gem brevet som .docx, og prøv igen."


def _append_deflated_zeros(zip_bytes: bytes, name: str, total: int) -> bytes:
    """Append a real deflated member of ``total`` zero bytes without compressing it all.

    A full flush resets the deflate window, so the compressed form of 1 MiB of
    zeros can be repeated; a final empty block ends the stream. zipfile cannot
    write precompressed data, so we store the raw stream and then patch the
    method, CRC and size fields of the local and central headers.
    """
    chunk = 1 << 20
    assert total % chunk == 0
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(bytes(chunk)) + comp.flush(zlib.Z_FULL_FLUSH)
    raw = block * (total // chunk) + comp.flush(zlib.Z_FINISH)
    crc = 0
    zero_chunk = bytes(chunk)
    for _ in range(total // chunk):
        crc = zlib.crc32(zero_chunk, crc)

    out = io.BytesIO(zip_bytes)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr(zipfile.ZipInfo(name), raw)  # stored for now
    data = bytearray(out.getvalue())
    name_b = name.encode()
    local = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name).header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    assert data[local + 30 : local + 30 + len(name_b)] == name_b
    struct.pack_into("<H", data, local + 8, 8)  # method: deflate
    struct.pack_into("<I", data, local + 14, crc)
    struct.pack_into("<I", data, local + 22, total)
    central = data.rfind(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name_b)] != name_b:
        central = data.rfind(b"PK\x01\x02", 0, central)
        assert central >= 0
    struct.pack_into("<H", data, central + 10, 8)
    struct.pack_into("<I", data, central + 16, crc)
    struct.pack_into("<I", data, central + 24, total)
    return bytes(data)


@pytest.fixture(scope="module")
def bomb_docx():
    """A docx with an extra member of 300 MiB zeros (about 300 KB compressed)."""
    d = docx.Document()
    d.add_paragraph("Bombe")
    base = io.BytesIO()
    d.save(base)
    data = _append_deflated_zeros(base.getvalue(), "word/media/bomb.bin", 300 << 20)
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo("word/media/bomb.bin")
    assert info.file_size == 300 << 20 and info.compress_type == zipfile.ZIP_DEFLATED
    with zf.open(info) as fh:  # really decompresses to zeros
        assert fh.read(3 << 20) == bytes(3 << 20)
    return data


def test_zip_bomb(tmp_path, bomb_docx):
    assert len(bomb_docx) < 2_000_000
    path = tmp_path / "bombe.docx"
    path.write_bytes(bomb_docx)
    t0 = time.perf_counter()
    err = _error(path=path)
    assert time.perf_counter() - t0 < 1.0  # rejected from the central directory, nothing unpacked
    assert err.code == "zip_bomb"
    assert err.message == (
        "Vi åbner ikke filen. Den bliver alt for stor, når vi pakker den ud, og den kan være skadelig."
    )


def test_zip_bomb_ratio_rule(helpers, monkeypatch):
    # one highly compressible member above the size floor, but a small total
    data = helpers.rewrite_zip(_simple_docx(helpers), add={"word/media/zeros.bin": bytes(3_000_000)})
    assert read_document(data=data, filename="ok.docx").text == "Hej med dig."
    monkeypatch.setattr(_safety, "RATIO_MIN_SIZE", 1_000_000)
    assert _error(data=data, filename="bombe.docx").code == "zip_bomb"


def test_zip_bomb_total_rule(helpers, monkeypatch):
    data = helpers.rewrite_zip(_simple_docx(helpers), add={f"word/media/{i}.bin": os.urandom(200_000) for i in range(5)})
    assert read_document(data=data, filename="ok.docx").text == "Hej med dig."
    monkeypatch.setattr(_safety, "MAX_TOTAL_UNCOMPRESSED", 900_000)
    assert _error(data=data, filename="bombe.docx").code == "zip_bomb"


def _png(padding: int = 0) -> bytes:
    """A valid 1x1 PNG; ``padding`` bytes go into a private ancillary chunk."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    parts = [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", ihdr)]
    if padding:
        parts.append(chunk(b"zzBg", bytes(padding)))
    parts += [chunk(b"IDAT", zlib.compress(b"\x00" * 4)), chunk(b"IEND", b"")]
    return b"".join(parts)


@pytest.fixture(scope="module")
def big_docx(tmp_path_factory):
    """A real 30 MB .docx: a letter with an embedded 30 MB PNG, stored uncompressed."""
    d = docx.Document()
    d.add_paragraph("Brev med stort billede.")
    d.add_picture(io.BytesIO(_png()))
    base = io.BytesIO()
    d.save(base)
    src = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    media = [n for n in src.namelist() if n.startswith("word/media/")]
    assert len(media) == 1
    path = tmp_path_factory.mktemp("big") / "stor.docx"
    with zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            if info.filename == media[0]:
                dst.writestr(info.filename, _png(30_000_000), compress_type=zipfile.ZIP_STORED)  # stored: no compression cost
            else:
                dst.writestr(info.filename, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_big_docx_is_read(big_docx):
    assert big_docx.stat().st_size > 30_000_000
    doc = read_document(big_docx)
    assert doc.text == "Brev med stort billede."


def test_too_large(big_docx):
    err = _error(path=big_docx, max_bytes=20_000_000)
    assert err.code == "too_large"
    assert err.message == "Filen er for stor. Den må højst fylde 20 MB."
    err = _error(data=b"x" * 2001, filename="brev.txt", max_bytes=2000)
    assert err.code == "too_large"
    assert err.message == "Filen er for stor. Den må højst fylde 2 kB."


def test_not_found(tmp_path):
    err = _error(path=tmp_path / "findes-ikke.docx")
    assert err.code == "not_found"


def test_api_misuse():
    with pytest.raises(TypeError):
        read_document()
    with pytest.raises(TypeError):
        read_document("a.txt", data=b"x")


def test_safe_xml_parser_does_not_expand():
    blob = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">'
        b'<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;&a;">]><r>1&x;2&b;3</r>'
    )
    root = _safety.parse_xml(blob, "x")
    text = (root.text or "") + "".join(child.tail or "" for child in root)
    assert text == "123"


def test_mutated_files_only_raise_read_error(helpers):
    """Deterministic mini-fuzz: damaged files give a Document or a ReadError, nothing else."""
    import random

    d = docx.Document()
    d.add_heading("Titel", 1)
    d.add_paragraph("Hej med dig", style="List Bullet")
    d.add_table(rows=1, cols=2).cell(0, 0).text = "a"
    plain = helpers.docx_to_bytes(d)
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as zf:  # XML visible to byte flips
        src = zipfile.ZipFile(io.BytesIO(plain))
        for name in src.namelist():
            zf.writestr(name, src.read(name))
    samples = [
        ("a.docx", plain),
        ("s.docx", stored.getvalue()),
        ("a.odt", helpers.make_odt("<text:h>Hej</text:h><text:list><text:list-item><text:p>x</text:p></text:list-item></text:list>")),
        ("a.html", "<h1>x</h1><ul><li>a<table><tr><td>b</td></tr></table></li></ul><p>c<br>d æ</p>".encode()),
        ("a.md", "# H\n\n- a\n  - b\n\n| x | y |\n|--|--|\n| 1 | 2 |\n\n**fed** [l](u) `k`\n".encode()),
        ("a.txt", "Hej\n\n- a\n1. b\nÆØÅ".encode()),
    ]
    rng = random.Random(1234)
    inserts = [b"<", b">", b"&", b"]]>", b"\x00", b"<w:p>", b"</w:t>", b"*", b"[", b"\n\n", b"\r", b"\xff"]
    for _ in range(600):
        name, data = rng.choice(samples)
        data = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            if not data:
                break
            i = rng.randrange(len(data))
            op = rng.random()
            if op < 0.5:
                data[i] = rng.randrange(256)
            elif op < 0.7:
                del data[i : i + rng.randint(1, 20)]
            else:
                data[i:i] = rng.choice(inserts)
        try:
            doc = read_document(data=bytes(data), filename=name)
        except ReadError as exc:
            assert exc.code in {"empty", "binary", "encoding", "corrupt", "unsupported_format", "zip_bomb", "unsupported_doc", "encrypted"}
            assert exc.message
            continue
        for b in doc.blocks:
            assert 0 <= b.start < b.end <= len(doc.text)
