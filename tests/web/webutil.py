"""Helpers shared by the web tests (importable because pytest puts tests/web on sys.path)."""
from __future__ import annotations

import io

API = {"X-Letterlab-Request": "1"}   # the header the JSON API asks for


def make_docx(paragraphs: list[str]) -> bytes:
    """A plain .docx with one paragraph per string."""
    from docx import Document

    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
