"""Markdown: cheap markup removal while building blocks.

The output text is the rendered text (markup removed), laid out like the
other structured readers. Supported: ATX and setext headings, bullet and
numbered lists (nested by indentation), block quotes, fenced and indented
code, pipe tables, horizontal rules, emphasis, inline code, links, images,
autolinks, reference definitions, backslash escapes, hard line breaks.
Soft line breaks inside a paragraph become a space, hard breaks "\\n".
"""

from __future__ import annotations

import re
from letterlab import rxcache

from ._layout import LayoutBuilder, normalise_newlines

_ATX = rxcache.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_1 = rxcache.compile(r"^ {0,3}=+[ \t]*$")
_SETEXT_2 = rxcache.compile(r"^ {0,3}-+[ \t]*$")
_HR = rxcache.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST = rxcache.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+•]|\d{1,9}[.)])(?:[ \t]+(?P<rest>.*))?$")
_FENCE = rxcache.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = rxcache.compile(r"^ {0,3}>[ ]?")
_TABLE_ROW = rxcache.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = rxcache.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_REF_DEF = rxcache.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")

# Inline markup is only stripped from blocks up to this size; a few regexes
# below can be quadratic on hostile input (e.g. thousands of unclosed "[").
MAX_INLINE_CHARS = 20_000

_IMAGE = rxcache.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = rxcache.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = rxcache.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = rxcache.compile(r"<((?:https?|mailto|ftp):[^>\s]+|[^>\s@]+@[^>\s@]+)>")
_HTML_BR = rxcache.compile(r"<br\s*/?>", re.I)
_HTML_TAG = rxcache.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = rxcache.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = rxcache.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
_EM_UNDERSCORE = rxcache.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])")
_STRIKE = rxcache.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = rxcache.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_CODE_SPAN = rxcache.compile(r"(`+)(.+?)\1", re.S)

_ESC_SENTINEL = "\ue000"  # private-use char, protects escaped characters


def strip_html_comments(text: str) -> str:
    """Remove <!-- ... --> in linear time (an unclosed comment runs to the end)."""
    out: list[str] = []
    pos = 0
    while True:
        i = text.find("<!--", pos)
        if i < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:i])
        j = text.find("-->", i + 4)
        if j < 0:
            break
        inner = text[i + 4:j].strip()
        if inner.lower().startswith("letterlab:") and "\n" not in inner:
            out.append(inner)   # a "letterlab: ignorer <regel-id>" marker stays as a line (letterlab.suppress)
        pos = j + 3
    return "".join(out)


def _inline(text: str) -> str:
    """Remove inline markup from one block of text."""
    if len(text) > MAX_INLINE_CHARS:
        return text
    out: list[str] = []
    pos = 0
    for mt in _CODE_SPAN.finditer(text):
        out.append(_inline_no_code(text[pos : mt.start()]))
        out.append(mt.group(2).strip() or mt.group(2))
        pos = mt.end()
    out.append(_inline_no_code(text[pos:]))
    return "".join(out)


def _inline_no_code(text: str) -> str:
    if not text:
        return text
    escaped: list[str] = []

    def protect(mt: re.Match) -> str:
        escaped.append(mt.group(1))
        return f"{_ESC_SENTINEL}{len(escaped) - 1}{_ESC_SENTINEL}"

    text = _ESCAPE.sub(protect, text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_BR.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(3):  # nested emphasis
        new = _STRONG.sub(r"\2", text)
        new = _EM_STAR.sub(r"\1", new)
        new = _EM_UNDERSCORE.sub(r"\1", new)
        new = _STRIKE.sub(r"\1", new)
        if new == text:
            break
        text = new
    if escaped:
        text = re.sub(
            rf"{_ESC_SENTINEL}(\d+){_ESC_SENTINEL}", lambda mt: escaped[int(mt.group(1))], text
        )
    return text


def _join_lines(lines: list[str]) -> str:
    """Join paragraph source lines: hard breaks -> "\\n", soft breaks -> " "."""
    out = ""
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        hard = line.endswith("  ") or (line.endswith("\\") and not line.endswith("\\\\"))
        content = line.strip()
        if hard and content.endswith("\\"):
            content = content[:-1].rstrip()
        out += content
        if not last:
            out += "\n" if hard else " "
    return out


def _indent_width(s: str) -> int:
    return sum(4 if ch == "\t" else 1 for ch in s)


def read_markdown(text: str, source: str | None, warnings=()):
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = strip_html_comments(text)
    lines = text.split("\n")
    b = LayoutBuilder()

    para: list[str] = []
    # current list item: (level, prefix, lines)
    item: list = []

    def flush():
        nonlocal para, item
        if para:
            b.add(_inline(_join_lines(para)), "paragraph")
            para = []
        if item:
            level, prefix, item_lines = item
            b.add(_inline(_join_lines(item_lines)), "bullet", level=level, prefix=prefix)
            item = []

    i = 0
    n = len(lines)
    while i < n:
        raw = lines[i]
        line = raw
        # Block quotes: strip markers and treat content as normal lines.
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)

        if not line.strip():
            flush()
            i += 1
            continue

        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence.group(1)
            code: list[str] = []
            i += 1
            while i < n and not lines[i].lstrip().startswith(marker):
                code.append(lines[i])
                i += 1
            i += 1  # closing fence
            b.add("\n".join(code), "paragraph")
            continue

        if _REF_DEF.match(line) and not para and not item:
            i += 1
            continue

        atx = _ATX.match(line)
        if atx:
            flush()
            b.add(_inline(atx.group(2) or ""), "heading", level=len(atx.group(1)))
            i += 1
            continue

        if para and not item and _SETEXT_1.match(line):
            b.add(_inline(_join_lines(para)), "heading", level=1)
            para = []
            i += 1
            continue
        if para and not item and _SETEXT_2.match(line):
            b.add(_inline(_join_lines(para)), "heading", level=2)
            para = []
            i += 1
            continue

        if _HR.match(line):
            flush()
            i += 1
            continue

        if _TABLE_ROW.match(line):
            flush()
            if not _TABLE_SEP.match(line):
                cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
                for cell in cells:
                    b.add(_inline(cell.strip()), "table")
            i += 1
            continue

        lm = _LIST.match(line)
        if lm and (lm.group("rest") or "").strip():
            flush()
            marker = lm.group("marker")
            level = min(_indent_width(lm.group("indent")) // 2, 9)
            prefix = "• " if marker in ("-", "*", "+", "•") else marker[:-1] + ". "
            item = [level, prefix, [lm.group("rest")]]
            i += 1
            continue

        if item:
            # continuation of a list item (indented or lazy)
            item[2].append(line)
            i += 1
            continue

        if not para and _indent_width(line[: len(line) - len(line.lstrip())]) >= 4:
            # indented code block
            code = []
            while i < n and (not lines[i].strip() or _indent_width(lines[i][: len(lines[i]) - len(lines[i].lstrip())]) >= 4):
                code.append(lines[i][4:] if lines[i].startswith("    ") else lines[i].lstrip())
                i += 1
            b.add("\n".join(code), "paragraph")
            continue

        para.append(line)
        i += 1
    flush()
    return b, list(warnings)
