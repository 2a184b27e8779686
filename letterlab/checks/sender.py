"""The sender's own lines: letterhead, reference lines, closing, signature and contact lines.

Checks ask :func:`in_sender_block` to leave the sender's own name, job title,
department, phone number and e-mail alone: they are not the citizen's
personal data, and the writer cannot rephrase a department's name.

It reads the letter anatomy's parts when the context has them
(``doc._.letter.parts`` with ``part_at``) and otherwise the zones of
:func:`letterlab.structure.letter_zones` plus the shape of the line. Zones
alone are too coarse: everything after "Med venlig hilsen" is "signature"
there, also a klagevejledning written in full sentences, and a letterhead at
the top of a plain-text letter is "body". So a line counts as the sender's
only when it is a *label line* (a name, a title, "Telefon 72 10 50 00",
"E-mail: ..."; short and not a sentence) in the closing, signature or
reference zone, or in a multi-line block of label lines above the salutation
that names an organisation (a letterhead, not the recipient's address); a
letterhead on one line counts when it also names a phone, e-mail or web
address ("Ådal Vand · Tlf. 87 20 30 40").

:func:`sender_contact_before` tells, from the words just before a phone
number or e-mail address in running text, whose it is: "Ring til mig på",
"skriv til os på", "giv os besked på", "mit direkte nummer er" point to the sender; "dit
telefonnummer", "du har oplyst" point to the citizen.
"""
from __future__ import annotations

import re
from letterlab import rxcache

from .base import LetterContext

SENDER_PARTS = frozenset({"letterhead", "reference", "date", "closing", "signature", "footer"})
SENDER_ZONES = frozenset({"closing", "signature", "meta"})
MAX_LABEL_WORDS = 12

_SALUTATION_RE = rxcache.compile(r"^\s*(kære|hej|goddag|dear)\b", re.I)
_SENTENCE_END = (".", "!", "?", ",", ";")
_ABBREVIATION_END_RE = rxcache.compile(r"\b(tlf|nr|ca|kl|fx|mv|stk|tv|th|sal|tel|mob)\.$", re.I)
_SENTENCE_BREAK_RE = rxcache.compile(r"[.!?]\s")
_SUBJECT_LINE_RE = rxcache.compile(r"^\s*(vedr\.?|vedrørende|emne)\b", re.I)
_ORGANISATION_RE = rxcache.compile(
    r"\b(kommune|region(en)?|jobcent(er|ret|eret)|borgerservice|forvaltning(en)?|afdeling(en)?|cent(er|ret|eret)|"
    r"styrelse(n)?|forsyning(en)?|skole(n)?|klinik(ken)?|sekretariat(et)?|rådhus(et)?|team(et)?|telefontid|"
    r"åbningstid(er)?|cvr|ean|beredskab(et)?|brandstation(en)?|vand(værk|værket|forsyning)?|renovation(en)?|"
    r"tandpleje(n)?|sundhedspleje(n)?|hjemmepleje(n)?|bibliotek(et)?|pladsanvisning(en)?)\b|www\.|"
    r"\w(kommune|centret|centeret|skolen|klinikken|forvaltningen|afdelingen|forsyning|forsyningen)\b",
    re.I)
# A letterhead on one line names its phone, e-mail or web address too ("Ådal Vand · Tlf. 87 20 30 40"):
# a subject line that names an organisation ("Din plads på Lindholm Skole") has none.
_CONTACT_LABEL_RE = rxcache.compile(r"\b(tlf|telefon|e-mail|mail)\b|@|www\.", re.I)

# Words in the same sentence, just before the number or address, that say whose it is.
_SENDER_CUE_RE = rxcache.compile(
    r"\b(ring|ringe|ringer|kontakt|kontakte|kontakter|kontaktes|skriv|skrive|skriver|sms|sms'e|maile|fange|træffes|"
    r"henvend|henvende|henvendelse|rettes|rette|os)\b"
    r"|\b(mit|min|mine|vores|vort)\s+(direkte\s+)?(telefon\w*|tlf\.?|nummer|mobil\w*|mail\w*|e-mail\w*)",
    re.I)
_CITIZEN_CUE_RE = rxcache.compile(
    r"\b(dit|din|dine|jeres|deres|hans|hendes|borgerens|ansøgerens|barnets|forælderens)\s+(eget\s+|egen\s+|nye\s+)?"
    r"(telefon\w*|tlf\.?|nummer|mobil\w*|mail\w*|e-mail\w*|adresse\w*)"
    r"|\b(oplyst|oplyste|opgivet|opgav|registreret)\b"
    r"|\b(dig|jer)\b"    # "vi ringer til dig på ...": the reader's number
    r"|\b(du|I)\s+(kan\s+)?træffes\b",
    re.I)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def is_label_line(line: str) -> bool:
    """A name, title, address or contact line rather than a sentence."""
    t = line.strip().rstrip(")").strip()
    # separators between the fields of a letterhead line ("Ådal Vand · Tlf. 87 20 30 40") are no words
    if not t or sum(1 for w in t.split() if any(c.isalnum() for c in w)) > MAX_LABEL_WORDS:
        return False
    return not t.endswith(_SENTENCE_END) or bool(_ABBREVIATION_END_RE.search(t))


def _part_kind(ctx: LetterContext | None, pos: int) -> str | None:
    """The anatomy's part kind at ``pos``, when the anatomy is there."""
    part_at = getattr(ctx, "part_at", None)
    if ctx is None or not callable(part_at) or not getattr(ctx, "parts", None):
        return None
    return part_at(pos)


def _letterhead_block(text: str, blocks, pos: int) -> bool:
    """``pos`` is in a letterhead above the salutation: label-line blocks in a row that name an organisation.

    The run of blocks counts as a whole, because a .docx letterhead in a table gives one block per cell.
    A run without an organisation's name is the recipient's name and address.
    """
    group: list[str] = []
    found = False
    for b in blocks:
        btext = text[b.start:b.end]
        if _SALUTATION_RE.match(btext):
            break
        lines = [ln for ln in btext.split("\n") if ln.strip()]
        if lines and all(is_label_line(ln) for ln in lines):
            group.extend(lines)
            found = found or b.start <= pos < b.end
            continue
        if found:
            break
        group = []
    joined = "\n".join(group)
    if not found or not _ORGANISATION_RE.search(joined):
        return False
    return len(group) >= 2 or bool(_CONTACT_LABEL_RE.search(joined))


def in_sender_block(ctx: LetterContext | None, text: str, pos: int) -> bool:
    """True when ``pos`` is in the sender's own letterhead, reference, closing or signature lines."""
    kind = _part_kind(ctx, pos)
    if kind == "letterhead":
        # The anatomy calls any block above the subject a letterhead; only one that names an
        # organisation is the sender's (a name and address alone is the recipient).
        in_header = any(b.kind == "header" and b.start <= pos < b.end for b in (ctx.blocks or ()))
        return in_header or _letterhead_block(text, ctx.blocks or (), pos)
    if kind is not None:
        return kind in SENDER_PARTS
    ls, le = _line_bounds(text, pos)
    if not is_label_line(text[ls:le]):
        return False
    zones = ctx.metrics.get("zones") if ctx is not None else None
    if zones:
        from ..structure import zone_at

        if zone_at(zones, pos) in SENDER_ZONES:
            return not _SUBJECT_LINE_RE.match(text[ls:le])   # "Vedr.: ..." is the subject, the writer's words
    return bool(ctx is not None and ctx.blocks) and _letterhead_block(text, ctx.blocks, pos)


def sender_contact_before(text: str, start: int, window: int = 80) -> bool | None:
    """Whose number or address starts at ``start``, from the same sentence's words before it.

    True: the sender's ("Ring til mig på"). False: the citizen's ("dit
    telefonnummer er"). None: the words do not say. The cue nearest to the
    number wins.
    """
    ls = text.rfind("\n", 0, start) + 1
    before = text[max(ls, start - window):start]
    for m in reversed(list(_SENTENCE_BREAK_RE.finditer(before))):
        if not _ABBREVIATION_END_RE.search(before[:m.start() + 1]):
            before = before[m.end():]
            break
    sender = [m.end() for m in _SENDER_CUE_RE.finditer(before)]
    citizen = [m.end() for m in _CITIZEN_CUE_RE.finditer(before)]
    if not sender and not citizen:
        return None
    return max(sender, default=-1) > max(citizen, default=-1)
