"""HTML: block elements become blocks; scripts, styles and <head> are dropped.

Safety: lxml's HTML parser (libxml2) never loads external DTDs or entities
and only knows the predefined HTML entities; we also set ``no_network=True``
and ``huge_tree=False``. An entity declared in a DOCTYPE is therefore never
expanded (``&e;`` stays as literal text or is dropped).
"""

from __future__ import annotations

import re
from letterlab import rxcache

import lxml.html
from lxml import etree

from . import model as m
from ._layout import LayoutBuilder, to_int
from .model import ReadError
from .text_reader import decode_text_bytes

SKIP_TAGS = {
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
    "iframe", "object", "embed", "svg", "math", "canvas", "select", "button",
}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "legend", "menu",
}
TABLE_TAGS = {"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"}
LIST_TAGS = {"ul", "ol", "menu", "dl"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

_META_CHARSET = rxcache.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = rxcache.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# A DOCTYPE with an internal subset: libxml2's HTML parser would show "]>" as text.
_DOCTYPE = rxcache.compile(r"\s*<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.I | re.S)
_WS = rxcache.compile(r"[ \t\n\r\f\v]+")


def _decode_html(data: bytes) -> tuple[str, list[str]]:
    """Decode HTML bytes: BOM, then <meta charset>, then the text rules."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        mt = _META_CHARSET.search(data[:4096])
        if mt:
            charset = mt.group(1).decode("ascii", "ignore").lower()
            if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
                charset = "cp1252"  # what browsers do
            try:
                text = data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if "\x00" in text:
                    raise ReadError("binary", m.MSG_BINARY)
                return text, []
    return decode_text_bytes(data)


def _parser(huge: bool = False) -> etree.HTMLParser:
    return lxml.html.HTMLParser(
        no_network=True,
        huge_tree=huge,
        remove_comments=True,
        remove_pis=True,
        recover=True,
    )


def _hit_limit(parser) -> bool:
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


class _Walker:
    def __init__(self) -> None:
        self.b = LayoutBuilder()
        self.buf: list[str] = []
        self.buf_pre = False
        self.ctx: list[dict] = []  # {"kind", "level", "prefix"}
        self.lists: list[list] = []  # [tag, counter]
        self.pre = 0
        self.term = False  # a <dt> just ended: its <dd> continues the same line ("Tid: 4. maj kl. 10")

    # -- text accumulation
    def text(self, s: str | None) -> None:
        if not s:
            return
        if self.pre:
            self.buf.append(s)
            self.buf_pre = True
        else:
            self.buf.append(_WS.sub(" ", s))

    def flush(self) -> None:
        self.term = False
        if not self.buf:
            return
        raw = "".join(self.buf)
        self.buf = []
        if not self.buf_pre:
            raw = "\n".join(line.strip(" ") for line in raw.split("\n"))
        self.buf_pre = False
        if not raw.strip():
            return
        kind, level, owner = "paragraph", 0, None
        for c in reversed(self.ctx):
            if c["kind"]:
                kind, level, owner = c["kind"], c["level"], c
                break
        prefix = ""
        if owner is not None and owner.get("prefix"):
            prefix = owner["prefix"]
        if self.b.add(raw, kind, level=level, prefix=prefix) and owner is not None:
            owner["prefix"] = ""

    # -- events
    def _in_cell(self) -> bool:
        for c in reversed(self.ctx):
            if c["kind"]:
                return c["kind"] == "table"
        return False

    def _list_item_prefix(self, el) -> str:
        if self.lists and self.lists[-1][0] == "ol":
            value = to_int(el.get("value"), None, -100_000, 100_000)
            if value is not None:
                self.lists[-1][1] = value
            else:
                self.lists[-1][1] += 1
            return f"{self.lists[-1][1]}. "
        return "• "

    def _open_list(self, el, tag: str) -> None:
        start = 1
        if tag == "ol":
            start = to_int(el.get("start"), 1, -100_000, 100_000)
        self.lists.append([tag, start - 1])

    def start(self, el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "br":
            self.buf.append("\n")
            return
        if tag == "dd" and self.term:
            # a description list's term and its description are one "label: value" line
            self.term = False
            if not "".join(self.buf).endswith(" "):
                self.buf.append(" ")
            self.ctx.append({"kind": None, "level": 0, "prefix": ""})
        elif tag in BLOCK_TAGS:
            if self._in_cell() and tag not in TABLE_TAGS:
                # Inside a table cell the whole cell is one block: nested
                # paragraphs, headings and list items become lines.
                self.buf.append("\n")
                if tag in LIST_TAGS:
                    self._open_list(el, tag)
                elif tag == "li":
                    self.buf.append(self._list_item_prefix(el))
                elif tag == "pre":
                    self.pre += 1
                self.ctx.append({"kind": None, "level": 0, "prefix": "", "cell_line": True})
            else:
                self.flush()
                entry = {"kind": None, "level": 0, "prefix": ""}
                if tag in LIST_TAGS:
                    self._open_list(el, tag)
                elif tag == "li":
                    level = max(len(self.lists) - 1, 0)
                    entry = {"kind": "bullet", "level": level, "prefix": self._list_item_prefix(el)}
                elif tag in HEADINGS:
                    entry = {"kind": "heading", "level": HEADINGS[tag], "prefix": ""}
                elif tag in ("td", "th", "caption"):
                    entry = {"kind": "table", "level": 0, "prefix": ""}
                elif tag == "pre":
                    self.pre += 1
                self.ctx.append(entry)
        self.text(el.text)

    def end(self, el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in BLOCK_TAGS and self.ctx:
            if self.ctx[-1].get("cell_line"):
                self.buf.append("\n")
            elif tag == "dt" and "".join(self.buf).strip():
                self.ctx.pop()
                self.text(el.tail)
                self.term = True      # after the tail: white space between </dt> and <dd> keeps the line
                return
            else:
                self.flush()  # before pop: the block belongs to this element
            self.ctx.pop()
            if tag in LIST_TAGS and self.lists:
                self.lists.pop()
            elif tag == "pre":
                self.pre -= 1
        self.text(el.tail)


def read_html_bytes(data: bytes, source: str | None):
    text, warnings = _decode_html(data)
    return read_html_text(text, source, warnings)


_SKIPPED_RE = rxcache.compile(r"<(script|style|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG_RE = rxcache.compile(r"<\s*/?\s*(?:p|div|br|li|h[1-6]|tr|td|th|table|section|article|ul|ol|blockquote|pre|"
                                r"header|footer|main|address)\b[^>]*>", re.I)
_ANY_TAG_RE = rxcache.compile(r"<[^>]*>")


def _flattened(text: str) -> str:
    """The text of ``text`` as flat paragraphs, for HTML nested too deeply for the parser (linear regexes)."""
    import html

    text = _SKIPPED_RE.sub("", text)
    text = _ANY_TAG_RE.sub("", _BLOCK_TAG_RE.sub("\n", text))
    paras = [" ".join(line.split()) for line in html.unescape(text).split("\n")]
    return "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paras if p) + "</body></html>"


def read_html_text(text: str, source: str | None, warnings=()):
    text = _XML_DECL.sub("", text, count=1)
    mt = _DOCTYPE.match(text)  # anchored at the start: linear time
    if mt:
        text = text[mt.end() :]
    if not text.strip():
        raise ReadError("empty", m.MSG_EMPTY_FILE)
    warnings = list(warnings)
    try:
        parser = _parser()
        root = lxml.html.document_fromstring(text, parser=parser)
        if _hit_limit(parser):
            # Very deep nesting (> 256 levels, typically unclosed inline tags):
            # libxml2 drops the rest. Retry with the larger limit (2048);
            # the HTML parser never expands entities, so this is safe.
            parser = _parser(huge=True)
            root = lxml.html.document_fromstring(text, parser=parser)
            if _hit_limit(parser):
                # Deeper still (100,000 nested <div>s): read the text without the structure.
                root = lxml.html.document_fromstring(_flattened(text), parser=_parser())
                warnings.append(m.WARN_TRUNCATED)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        # lxml raises ParserError "Document is empty" for e.g. only comments
        flat = _flattened(text)
        if "<p>" not in flat:
            raise ReadError("empty", m.MSG_EMPTY_FILE) from None
        root = lxml.html.document_fromstring(flat, parser=_parser())
        warnings.append(m.WARN_TRUNCATED)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in SKIP_TAGS or el.get("hidden") is not None:
            if el.getparent() is not None:
                el.drop_tree()  # keeps el.tail
    w = _Walker()
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            # entity references or leftovers: keep only the tail text
            if event == "end":
                w.text(el.tail)
            continue
        if event == "start":
            w.start(el)
        else:
            w.end(el)
    w.flush()
    return w.b, warnings
