"""letterlab.readers: turn a letter file or pasted text into plain text with
exact offsets and the letter's block structure.

    >>> from letterlab.readers import read_document, read_text
    >>> doc = read_document("brev.docx")
    >>> for b in doc.blocks:
    ...     print(b.kind, doc.text[b.start:b.end])

Layout of ``Document.text`` for files with structure (docx, odt, html, md):
blocks are separated by "\\n\\n"; a line break inside a block is "\\n".
Offsets are Python ``str`` indices into ``Document.text`` (after newline
normalisation). Errors are raised as ``ReadError`` with a stable ``code``
and a plain Danish ``message``.
"""

from .api import SUPPORTED_SUFFIXES, read_document
from .model import BLOCK_KINDS, FORMATS, Block, Document, ReadError
from .text_reader import read_text as _read_text


def read_text(text: str, source: str | None = None) -> Document:
    """Document from pasted text (format "txt"). See ``text_reader.read_text``."""
    return _read_text(text, source)


__all__ = [
    "BLOCK_KINDS",
    "FORMATS",
    "SUPPORTED_SUFFIXES",
    "Block",
    "Document",
    "ReadError",
    "read_document",
    "read_text",
]
