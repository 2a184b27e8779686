"""Shared builders for reader tests. All files are generated for real in tmp_path."""

from __future__ import annotations

import io
import zipfile
from types import SimpleNamespace

import pytest


def docx_to_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def rewrite_zip(data: bytes, replace: dict | None = None, add: dict | None = None, drop=()) -> bytes:
    """Copy a zip, replacing/adding/dropping members (all deflated)."""
    replace = replace or {}
    add = add or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            blob = replace.get(info.filename, None)
            if blob is None:
                blob = src.read(info.filename)
            dst.writestr(info.filename, blob)
        for name, blob in add.items():
            dst.writestr(name, blob)
    return out.getvalue()


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.3"'
)


def make_odt(body: str, automatic_styles: str = "", styles: str = "", master: str = "", manifest_extra: str = "") -> bytes:
    """A real (minimal, LibreOffice-openable) .odt package."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {ODT_NS}>"
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    styles_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-styles {ODT_NS}>"
        f"<office:styles>{styles}</office:styles>"
        f"<office:master-styles>{master}</office:master-styles>"
        "</office:document-styles>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}</manifest:file-entry>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored, first
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("styles.xml", styles_xml, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def block_texts(doc):
    return [doc.text[b.start : b.end] for b in doc.blocks]


def summary(doc):
    """(kind, level, text) for every block."""
    return [(b.kind, b.level, doc.text[b.start : b.end]) for b in doc.blocks]


def assert_layout(doc):
    """Layout invariants every structured reader must keep."""
    texts = block_texts(doc)
    assert "\n\n".join(texts) == doc.text
    pos = 0
    for b, t in zip(doc.blocks, texts):
        assert b.start >= pos and b.end > b.start
        assert t == t.strip() and t
        assert "\n\n" not in t
        pos = b.end


@pytest.fixture
def helpers():
    return SimpleNamespace(
        docx_to_bytes=docx_to_bytes,
        rewrite_zip=rewrite_zip,
        make_odt=make_odt,
        block_texts=block_texts,
        summary=summary,
        assert_layout=assert_layout,
    )
