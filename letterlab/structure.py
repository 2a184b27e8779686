"""The letter's shape as character zones: a view of the letter's anatomy (``letterlab.anatomy``).

Zones keep the kinds code was written against: heading (the subject line and
sub-headings), salutation, body (paragraphs, lists, key-value lines and the
appeal guide), closing, signature and meta (letterhead, recipient, reference
lines, date, footer and template scaffolding). New code should read the parts
(``doc._.letter.parts`` / ``part_at``) instead.
"""
from __future__ import annotations

from dataclasses import dataclass

from .anatomy import ZONE_OF, Anatomy, read_anatomy
from .readers import Block


@dataclass(frozen=True)
class Zone:
    start: int
    end: int
    kind: str   # "heading" | "salutation" | "body" | "closing" | "signature" | "meta"


def zones_of(anatomy: Anatomy) -> list[Zone]:
    """The zones of an anatomy: one zone per part, with the part kind mapped to the zone kind."""
    return [Zone(p.start, p.end, ZONE_OF[p.kind]) for p in anatomy.parts]


def letter_zones(text: str, blocks: tuple[Block, ...] | None = None) -> list[Zone]:
    """Split the letter into zones. Everything not heading/salutation/closing/signature/meta is body."""
    return zones_of(read_anatomy(text, blocks))


def zone_at(zones: list[Zone], pos: int) -> str:
    for z in zones:
        if z.start <= pos < z.end or (z.start == pos == z.end):
            return z.kind
    return "body"
