"""Sniffing and safety guards that run before any parser sees the bytes."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from . import model as m
from .model import ReadError

if TYPE_CHECKING:
    from lxml import etree   # imported where XML is parsed: a plain-text letter never needs lxml

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
PDF_MAGIC = b"%PDF"
RTF_MAGIC = b"{\\rtf"

# Zip bomb limits. Sizes come from the central directory; zipfile never
# returns more bytes for a member than its declared size (it truncates and the
# CRC check fails), so checking declared sizes is sufficient.
MAX_TOTAL_UNCOMPRESSED = 200_000_000
MAX_RATIO = 100
RATIO_MIN_SIZE = 10_000_000
MAX_MEMBERS = 10_000
# Largest single XML part we parse ourselves.
MAX_XML_PART = 100_000_000


def sniff(data: bytes) -> str | None:
    """Return "zip", "ole", "pdf", "rtf" or None (probably text)."""
    head = data[:8]
    if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    start = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if start.startswith(PDF_MAGIC):
        return "pdf"
    if start.startswith(RTF_MAGIC):
        return "rtf"
    return None


def classify_ole(data: bytes) -> ReadError:
    """An OLE2 compound file is either an encrypted OOXML/ODF file or an old
    binary Office file. Return the matching error (never returns a document)."""
    streams: set[str] = set()
    try:
        import olefile

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(parts) for parts in ole.listdir(streams=True, storages=False)}
    except Exception:
        streams = set()
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        return ReadError("encrypted", m.MSG_ENCRYPTED)
    if not streams or "WordDocument" in streams:
        # Unparsable OLE container: in practice an old .doc (or a damaged one).
        return ReadError("unsupported_doc", m.MSG_UNSUPPORTED_DOC)
    return ReadError("unsupported_format", m.MSG_OLD_OFFICE)


def open_zip(data: bytes, corrupt_message: str) -> zipfile.ZipFile:
    """Open a zip and check it against zip bomb limits."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError, struct.error, ...
        raise ReadError("corrupt", corrupt_message) from exc
    if len(infos) > MAX_MEMBERS:
        raise ReadError("zip_bomb", m.MSG_ZIP_BOMB)
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise ReadError("zip_bomb", m.MSG_ZIP_BOMB)
        if size > RATIO_MIN_SIZE and size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError("zip_bomb", m.MSG_ZIP_BOMB)
    return zf


def read_member(zf: zipfile.ZipFile, name: str, corrupt_message: str, limit: int = MAX_XML_PART) -> bytes:
    """Read one zip member with a hard size limit."""
    try:
        with zf.open(name) as fh:
            blob = fh.read(limit + 1)
    except KeyError:
        raise
    except Exception as exc:  # BadZipFile (CRC), zlib.error, NotImplementedError ...
        raise ReadError("corrupt", corrupt_message) from exc
    if len(blob) > limit:
        raise ReadError("zip_bomb", m.MSG_ZIP_BOMB)
    return blob


def safe_xml_parser() -> etree.XMLParser:
    """XML parser that never expands entities, loads DTDs or uses the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(blob: bytes, corrupt_message: str) -> etree._Element:
    from lxml import etree

    try:
        return etree.fromstring(blob, safe_xml_parser())
    except (etree.LxmlError, ValueError) as exc:
        raise ReadError("corrupt", corrupt_message) from exc
