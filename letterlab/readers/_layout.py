"""Assemble blocks into one text with exact offsets.

All structured readers (docx, odt, html, md) feed block texts into a
``LayoutBuilder``; it cleans each block (no leading/trailing whitespace, no
blank lines inside) and joins blocks with "\\n\\n".
"""

from __future__ import annotations

import re
from letterlab import rxcache

from .model import Block, Document

_NEWLINES = rxcache.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_TRAILING_WS = rxcache.compile(r"[ \t\u00a0]+\n")
_MULTI_NL = rxcache.compile(r"\n\s*\n")


def normalise_newlines(text: str) -> str:
    """"\\r\\n", "\\r" and Unicode line/paragraph separators become "\\n"."""
    return _NEWLINES.sub("\n", text)


def clean_block_text(text: str) -> str:
    """Strip a block and make sure it contains no blank line."""
    text = normalise_newlines(text).replace("\u00ad", "")
    text = _TRAILING_WS.sub("\n", text)
    text = _MULTI_NL.sub("\n", text)
    return text.strip()


class LayoutBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self.blocks: list[Block] = []

    def add(
        self,
        text: str,
        kind: str,
        level: int = 0,
        source_index: int = -1,
        prefix: str = "",
    ) -> bool:
        """Add a block; empty blocks are dropped. ``prefix`` (e.g. "• ") is
        only added when the block has text. Returns True if added."""
        body = clean_block_text(text)
        if not body:
            return False
        body = prefix + body
        if self._parts:
            self._parts.append("\n\n")
            self._pos += 2
        start = self._pos
        self._parts.append(body)
        self._pos += len(body)
        self.blocks.append(Block(start, self._pos, kind, level, source_index))
        return True

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def is_empty(self) -> bool:
        return not self.blocks

    def build(self, source: str | None, fmt: str, warnings=()) -> Document:
        return Document(
            text=self.text,
            blocks=tuple(self.blocks),
            source=source,
            format=fmt,
            warnings=tuple(dict.fromkeys(warnings)),
        )


def to_int(value, default: int | None = None, lo: int = -1_000_000, hi: int = 1_000_000) -> int | None:
    """Parse an integer attribute defensively and clamp it to [lo, hi]."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return max(lo, min(n, hi))
