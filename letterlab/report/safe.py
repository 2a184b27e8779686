"""What every output passes through: CPR numbers masked, names made printable.

The record types in :mod:`letterlab.report.model` call these when they are
made (``Finding``, ``Suggestion`` and ``Report`` mask themselves in
``__post_init__``), so no renderer, cache rebuild or door can forget it:

* ``mask`` masks every CPR number (``checks.privacy.mask_cprs``: "010203-****")
  in a finding's text and message, a suggestion's replacement and note, a
  notice and a source name. Masking keeps the length, so offsets stay right.
* ``safe_name`` makes a file name fit for a report: bytes that were not UTF-8
  (Python's surrogate escapes), control characters and bidirectional controls
  (U+202E can make "fdp.exe" read "exe.pdf") become U+FFFD, and CPR numbers are masked.
* ``restore_cprs`` is the way back for the letter itself: a suggestion whose
  replacement holds a masked number gets the real one from the letter when it
  is applied, so a rewrite never damages a CPR number it only moved.

The letter's own text is not masked here: the user gets their letter back
(web page, rewrite); the audit's report.html masks the text it embeds.
"""
from __future__ import annotations

import re
from letterlab import rxcache

_MAYBE_CPR = rxcache.compile(r"\d{6}[-–]?\d{4}")
# A CPR number glued to anything: ten digits (or six, a dash, four) not part of a longer number.
_GLUED_CPR_RE = rxcache.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[-–]?\d{4}(?!\d)")
_MASKED_RE = rxcache.compile(r"(?<![\d])(\d{6})([-–]?)\*{4}")
_UNSAFE_CHARS = rxcache.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def mask(text):
    """``text`` with every CPR number masked; anything that is not a non-empty str is returned as is.

    ``checks.privacy.mask_cprs`` first, then any other ten digits (or six, a dash, four) that start with a
    real date and are not part of a longer number, also when glued to a word ("forsørger0107701234pligt",
    "brev-0101901234.docx"): the privacy check leaves those alone, but no output may show them in full.
    """
    if not isinstance(text, str) or not _MAYBE_CPR.search(text):
        return text
    from ..checks.privacy import mask_cprs   # late: privacy imports the report model

    masked = mask_cprs(text)
    masked = _GLUED_CPR_RE.sub(_mask_glued, masked)
    return text if masked == text else masked


def safe_name(name):
    """A file name fit to show and store: printable, no bidi controls, valid UTF-8, CPR numbers masked."""
    if not isinstance(name, str):
        return name
    if any("\udc80" <= c <= "\udcff" for c in name):
        try:      # undecodable bytes from the file system: decode them again, with U+FFFD for the bad ones
            name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeError:
            pass
    name = _UNSAFE_CHARS.sub("\ufffd", name)
    return mask(name)


def _mask_glued(m: re.Match) -> str:
    from ..checks.privacy import mask_cpr, valid_birth_date

    return mask_cpr(m.group(0)) if valid_birth_date(m.group(1), m.group(2), m.group(3)) else m.group(0)


def restore_cprs(replacement: str, text: str, start: int, end: int) -> str:
    """``replacement`` with masked CPR numbers put back from ``text`` (the one in ``start:end`` first)."""
    if "****" not in replacement:
        return replacement
    from ..checks.privacy import valid_birth_date

    found = [(m.start(), m.end(), m.group(0)) for m in _GLUED_CPR_RE.finditer(text)
             if valid_birth_date(m.group(1), m.group(2), m.group(3))]

    def put_back(m: re.Match) -> str:
        want = m.group(1) + m.group(2)
        cands = [(s, number) for s, _, number in found if number[:-4] == want]
        if not cands:
            return m.group(0)
        inside = [c for c in cands if start <= c[0] < end]
        return min(inside or cands, key=lambda c: abs(c[0] - start))[1]

    return _MASKED_RE.sub(put_back, replacement)
