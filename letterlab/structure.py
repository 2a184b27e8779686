"""The letter's shape: heading, salutation, body, closing and signature, as character zones.

Works on the text plus the reader's blocks (paragraphs, headings, bullets).
The zones decide which sentences count for LIX and where the "first
paragraph" of the body starts, which the message check needs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .readers import Block, read_text

SALUTATION_RE = re.compile(r"^\s*(kære|hej|goddag|til|dear)\b", re.I)
CLOSING_RE = re.compile(r"^\s*(med\s+venlig(e)?\s+hilsen|venlig(e)?\s+hilsen|mange\s+hilsner|hilsen|mvh\.?|de\s+bedste\s+hilsner)\b", re.I)
SUBJECT_RE = re.compile(r"^\s*(vedr\.?|vedrørende|emne|sagsnr\.?|sagsnummer|j\.\s?nr\.?|journalnr\.?|dato)\s*[:.]", re.I)


@dataclass(frozen=True)
class Zone:
    start: int
    end: int
    kind: str   # "heading" | "salutation" | "body" | "closing" | "signature" | "meta"


def _lines(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def letter_zones(text: str, blocks: tuple[Block, ...] | None = None) -> list[Zone]:
    """Split the letter into zones. Everything not heading/salutation/closing/signature/meta is body."""
    if blocks is None:
        try:
            blocks = read_text(text).blocks
        except Exception:
            blocks = ()
    zones: list[Zone] = []
    closed = False
    seen_body = False
    heading_done = False
    for b in blocks:
        if b.kind in ("header", "footer"):
            zones.append(Zone(b.start, b.end, "meta"))
            continue
        btext = text[b.start:b.end]
        if closed:
            zones.append(Zone(b.start, b.end, "signature"))
            continue
        if CLOSING_RE.match(btext):
            first_nl = btext.find("\n")
            if first_nl < 0:
                zones.append(Zone(b.start, b.end, "closing"))
            else:
                zones.append(Zone(b.start, b.start + first_nl, "closing"))
                zones.append(Zone(b.start + first_nl + 1, b.end, "signature"))
            closed = True
            continue
        if not seen_body and SALUTATION_RE.match(btext) and len(btext) < 80:
            zones.append(Zone(b.start, b.end, "salutation"))
            heading_done = True
            continue
        if not seen_body and SUBJECT_RE.match(btext):
            zones.append(Zone(b.start, b.end, "meta"))
            continue
        if not heading_done and not seen_body and (b.kind == "heading" or _looks_like_heading(btext)):
            zones.append(Zone(b.start, b.end, "heading"))
            heading_done = True
            continue
        # A body block may end with "Med venlig hilsen" on its own line.
        body_end = b.end
        for ls, le, line in _lines(text, b.start, b.end):
            if ls > b.start and CLOSING_RE.match(line):
                body_end = ls - 1
                zones.append(Zone(b.start, body_end, "heading" if b.kind == "heading" else "body"))
                zones.append(Zone(ls, le, "closing"))
                if le < b.end:
                    zones.append(Zone(le + 1, b.end, "signature"))
                closed = True
                break
        if not closed:
            zones.append(Zone(b.start, b.end, "heading" if b.kind == "heading" else "body"))
        seen_body = True
        heading_done = True
    return zones


def _looks_like_heading(block_text: str) -> bool:
    t = block_text.strip()
    return 0 < len(t) <= 90 and "\n" not in t and not t.endswith((".", ",", ";")) and len(t.split()) <= 12


def zone_at(zones: list[Zone], pos: int) -> str:
    for z in zones:
        if z.start <= pos < z.end or (z.start == pos == z.end):
            return z.kind
    return "body"
