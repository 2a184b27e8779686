"""Plain text: byte decoding and block detection for pasted text and .txt files.

Offsets are into the text after newline normalisation ("\\r\\n" and "\\r"
become "\\n") and after removing a byte order mark. Nothing else in the text
is changed.
"""

from __future__ import annotations

import re
from letterlab import rxcache

from . import model as m
from ._layout import normalise_newlines
from .model import Block, Document, ReadError

# --- decoding ----------------------------------------------------------------

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
MAX_CONTROL_SHARE = 0.02


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: mostly-ASCII text has NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 0.0
    bad = 0
    for ch in sample:
        o = ord(ch)
        if (o < 32 and ch not in _ALLOWED_CONTROLS) or 0x7F <= o <= 0x9F:
            bad += 1
    return bad / len(sample)


def _looks_like_prose(text: str) -> bool:
    sample = text[:200_000]
    if not sample:
        return True
    ascii_share = sum(1 for ch in sample if ord(ch) < 128) / len(sample)
    wordish = sum(1 for ch in sample if ch.isalnum() or ch.isspace()) / len(sample)
    return ascii_share >= 0.6 and wordish >= 0.7


def decode_text_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes of a text file. Returns (text, warnings).

    Order: BOM (UTF-8/16/32) -> BOM-less UTF-16 -> UTF-8 -> cp1252 (only if the
    result looks like prose). Raises ReadError "binary" or "encoding".
    """
    warnings: list[str] = []
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise ReadError("encoding", m.MSG_ENCODING) from exc
            break
    if text is None:
        enc = _guess_bomless_utf16(data)
        if enc:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                text = None
    if text is None:
        if b"\x00" in data:
            raise ReadError("binary", m.MSG_BINARY)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise ReadError("encoding", m.MSG_ENCODING) from exc
            if _control_share(text) > MAX_CONTROL_SHARE:
                raise ReadError("binary", m.MSG_BINARY)
            if not _looks_like_prose(text):
                raise ReadError("encoding", m.MSG_ENCODING)
            warnings.append(m.WARN_ENCODING_GUESS)
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise ReadError("binary", m.MSG_BINARY)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, warnings


# --- block detection -----------------------------------------------------------

_MONTHS = (
    "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_BULLET_RE = rxcache.compile(
    r"^(?P<indent>[ \t]*)(?:[-•*–—▪◦·○■►✓]|\d{1,2}[.)]|[a-zæøåA-ZÆØÅ]\))[ \t]+\S",
)
_DATE_AFTER_NUMBER_RE = rxcache.compile(rf"^[ \t]*\d{{1,2}}\.[ \t]+(?:{_MONTHS})\b", re.IGNORECASE)
_END_PUNCT = tuple(".!?:;,")
_NOT_HEADING_START = rxcache.compile(
    r"^(?:kære|hej|til|att\.?|med venlig hilsen|venlig hilsen|de bedste hilsner|mvh|vh)\b",
    re.IGNORECASE,
)
_DATE = rxcache.compile(
    rf"\b\d{{1,2}}\.\s*(?:{_MONTHS})\.?(?:\s+\d{{4}})?\b"  # 3. maj 2024
    rf"|\b\d{{1,2}}[./-]\d{{1,2}}(?:[./-]|\s+)\d{{2,4}}\b"  # 03-05-2024, 3/5 2024
    rf"|\b(?:19|20)\d\d\b",
    re.I,
)
_DATE_LINE_WORDS = rxcache.compile(r"^(?:dato|den|d\.)$", re.I)

HEADING_MAX_CHARS = 80
HEADING_MAX_WORDS = 12


def is_bullet_line(line: str) -> bool:
    return bool(_BULLET_RE.match(line)) and not _DATE_AFTER_NUMBER_RE.match(line)


def _indent_width(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4
        else:
            break
    return width


def _looks_like_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > HEADING_MAX_CHARS or len(s.split()) > HEADING_MAX_WORDS:
        return False
    if s.endswith(_END_PUNCT):
        return False
    first_letter = next((ch for ch in s if ch.isalpha()), None)
    if first_letter is None or not (s[0].isupper() or s[0].isdigit()):
        return False
    if _NOT_HEADING_START.match(s) or _is_date_line(s):
        return False
    return True


def _is_date_line(s: str) -> bool:
    """A dateline like "Aarhus, 3. maj 2024" or "Dato: 03-05-2024"."""
    if not _DATE.search(s):
        return False
    rest = [w for w in re.split(r"[\s,:]+", _DATE.sub(" ", s)) if any(ch.isalpha() for ch in w)]
    rest = [w for w in rest if not _DATE_LINE_WORDS.match(w)]
    return len(rest) <= 1


def detect_blocks(text: str) -> list[Block]:
    """Blocks of already newline-normalised text (see module docstring)."""
    # Lines with their offsets.
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1

    # Group non-blank lines separated by blank lines.
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for item in lines:
        if item[1].strip():
            current.append(item)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    blocks: list[Block] = []
    for gi, group in enumerate(groups):
        # Split a group into bullet items and paragraph runs.
        subs: list[tuple[str, int, list[tuple[int, str]]]] = []  # (kind, level, lines)
        for item in group:
            line = item[1]
            if is_bullet_line(line):
                subs.append(("bullet", min(_indent_width(line) // 2, 9), [item]))
            elif subs and subs[-1][0] == "bullet" and line[:1] in (" ", "\t"):
                subs[-1][2].append(item)  # indented continuation of a bullet
            elif subs and subs[-1][0] == "paragraph":
                subs[-1][2].append(item)
            else:
                subs.append(("paragraph", 0, [item]))

        is_last_group = gi == len(groups) - 1
        for kind, level, sub_lines in subs:
            first_start, first_line = sub_lines[0]
            last_start, last_line = sub_lines[-1]
            start = first_start + (len(first_line) - len(first_line.lstrip()))
            end = last_start + len(last_line.rstrip())
            if (
                kind == "paragraph"
                and len(subs) == 1
                and len(sub_lines) == 1
                and not is_last_group
                and _looks_like_heading(first_line)
            ):
                kind, level = "heading", 1
            blocks.append(Block(start, end, kind, level, -1))
    return blocks


def read_text(text: str, source: str | None = None, *, fmt: str = "txt", warnings=()) -> Document:
    """Build a Document from pasted text.

    The text is only changed by newline normalisation ("\\r\\n", "\\r", form
    feed, vertical tab, U+0085, U+2028 and U+2029 -> "\\n") and removal of a
    leading BOM; block offsets refer to that text (``Document.text``).
    """
    if not isinstance(text, str):
        raise TypeError("read_text expects str")
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ReadError("empty", m.MSG_EMPTY_TEXT)
    blocks = detect_blocks(text)
    return Document(text=text, blocks=tuple(blocks), source=source, format=fmt, warnings=tuple(warnings))


def read_txt_bytes(data: bytes, source: str | None) -> Document:
    text, warnings = decode_text_bytes(data)
    if not text.strip():
        raise ReadError("empty", m.MSG_EMPTY_FILE)
    return read_text(text, source, fmt="txt", warnings=warnings)
