"""Entry point: ``read_document`` picks a reader from content and file name."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from . import model as m
from ._safety import classify_ole, open_zip, sniff
from .model import Document, ReadError

SUPPORTED_SUFFIXES = (".docx", ".odt", ".txt", ".md", ".markdown", ".html", ".htm")
_TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xhtml": "html"}
_OOXML_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}

DEFAULT_MAX_BYTES = 50_000_000


def _suffix(name: str | None) -> str:
    return Path(name).suffix.lower() if name else ""


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


MSG_NOT_REGULAR = "Det er ikke en almindelig fil. Vælg en fil med et brev."


def read_document(
    path: str | os.PathLike | None = None,
    *,
    data: bytes | None = None,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a letter from ``path`` or from ``data`` (+ optional ``filename``).

    The format is decided by the content first (zip, OLE, PDF, RTF) and then
    by the file name suffix; text without a known suffix is sniffed for HTML
    and otherwise read as plain text. Raises ``ReadError`` with a stable
    ``code`` and a Danish ``message``.
    """
    if (path is None) == (data is None):
        raise TypeError("read_document needs exactly one of path or data")
    if path is not None:
        path = Path(path)
        name = filename or path.name
        try:
            st = path.stat()
        except FileNotFoundError as exc:
            raise ReadError("not_found", m.MSG_NOT_FOUND) from exc
        if not stat.S_ISREG(st.st_mode):      # a FIFO or a device would block or never end
            raise ReadError("not_regular", MSG_NOT_REGULAR)
        if st.st_size > max_bytes:
            raise ReadError("too_large", m.msg_too_large(max_bytes))
        # Opened without blocking and checked again: the path may have changed since stat.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ReadError("not_regular", MSG_NOT_REGULAR)
            data = fh.read(max_bytes + 1)
    else:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data must be bytes")
        data = bytes(data)
        name = filename
    source = Path(name).name if name else None

    if len(data) > max_bytes:
        raise ReadError("too_large", m.msg_too_large(max_bytes))
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ReadError("empty", m.MSG_EMPTY_FILE)

    suffix = _suffix(name)
    kind = sniff(data)

    if kind == "pdf":
        raise ReadError("unsupported_format", m.MSG_PDF)
    if kind == "rtf":
        raise ReadError("unsupported_format", m.MSG_RTF)
    if kind == "ole":
        raise classify_ole(data)
    if kind == "zip":
        return _read_zip(data, suffix, source)

    # Not a container.
    if suffix in _OOXML_SUFFIXES:
        raise ReadError("corrupt", m.MSG_CORRUPT_DOCX)
    if suffix in (".odt", ".ott"):
        raise ReadError("corrupt", m.MSG_CORRUPT_ODT)
    if suffix == ".doc":
        # Some case systems save "Word HTML" with a .doc name; read it as HTML.
        if _looks_like_html(data):
            return _read_text_format(data, "html", source)
        raise ReadError("unsupported_doc", m.MSG_UNSUPPORTED_DOC)

    fmt = _TEXT_SUFFIXES.get(suffix)
    if fmt is None:
        if suffix:
            raise ReadError("unsupported_format", m.msg_unsupported_suffix(suffix))
        fmt = "html" if _looks_like_html(data) else "txt"
    return _read_text_format(data, fmt, source)


def _read_zip(data: bytes, suffix: str, source: str | None) -> Document:
    from .odt_reader import is_odt_zip, read_odt_bytes

    corrupt = m.MSG_CORRUPT_ODT if suffix in (".odt", ".ott") else m.MSG_CORRUPT_DOCX
    zf = open_zip(data, corrupt)  # zip bomb checks happen here
    docx = None
    ignore: tuple[str, ...] = ()
    with zf:
        names = set(zf.namelist())
        odt = is_odt_zip(zf)
        if not odt and "[Content_Types].xml" in names:  # OOXML; only Word main documents are read
            from .docx_reader import read_docx_bytes

            docx = read_docx_bytes(data, source, zf=zf)   # the zip already checked, not opened twice
            ignore = _docx_property_markers(zf)
    if odt:
        builder, warnings = read_odt_bytes(data, source)
        fmt = "odt"
    elif docx is not None:
        builder, warnings = docx
        fmt = "docx"
    elif suffix in _OOXML_SUFFIXES or suffix in (".odt", ".ott"):
        if "mimetype" in names:  # another OpenDocument type (.ods, .odp ...)
            raise ReadError("unsupported_format", m.MSG_NOT_WORD)
        raise ReadError("corrupt", corrupt)
    else:
        raise ReadError("unsupported_format", m.msg_unsupported_suffix(suffix or ".zip"))
    if builder.is_empty():
        raise ReadError("empty", m.MSG_EMPTY_FILE)
    document = builder.build(source, fmt, warnings)
    return replace(document, ignore=ignore) if ignore else document


def _docx_property_markers(zf) -> tuple[str, ...]:
    """Rule ids from "letterlab: ignorer <regel-id>" in the document's tags, subject or comments
    (File > Info > Properties in Word); see letterlab.suppress."""
    from ..suppress import property_ids

    try:
        info = zf.getinfo("docProps/core.xml")
    except KeyError:
        return ()
    if info.file_size > 256 * 1024:
        return ()
    try:
        return property_ids(zf.read(info).decode("utf-8", errors="replace"))
    except Exception:  # a damaged property part never stops the letter from being read
        return ()


def _read_text_format(data: bytes, fmt: str, source: str | None) -> Document:
    from .text_reader import decode_text_bytes, read_txt_bytes

    if fmt == "txt":
        return read_txt_bytes(data, source)
    if fmt == "html":
        from .html_reader import read_html_bytes

        builder, warnings = read_html_bytes(data, source)
    else:
        from .md_reader import read_markdown

        text, warnings = decode_text_bytes(data)
        if not text.strip():
            raise ReadError("empty", m.MSG_EMPTY_FILE)
        builder, warnings = read_markdown(text, source, warnings)
    if builder.is_empty():
        raise ReadError("empty", m.MSG_EMPTY_FILE)
    return builder.build(source, fmt, warnings)
