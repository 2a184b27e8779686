"""OpenDocument text (.odt), parsed directly from the zip with a safe lxml parser.

Reads content.xml (body) and styles.xml (headers and footers of the master
pages). Tracked deletions (text:tracked-changes), notes and annotations are
skipped. Database fields become «Column». Frames/text boxes become
"textbox" blocks after the paragraph that anchors them.
"""

from __future__ import annotations

import re
from letterlab import rxcache

from . import model as m
from ._layout import LayoutBuilder, to_int
from ._safety import open_zip, parse_xml, read_member
from .docx_reader import format_number
from .model import ReadError

ODT_MIMETYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"


def t(tag):
    return f"{{{TEXT}}}{tag}"


def tb(tag):
    return f"{{{TABLE}}}{tag}"


def d(tag):
    return f"{{{DRAW}}}{tag}"


def o(tag):
    return f"{{{OFFICE}}}{tag}"


def s(tag):
    return f"{{{STYLE}}}{tag}"


_WS = rxcache.compile(r"[ \t\n\r]+")
_HEADING_NAME = rxcache.compile(r"^(?:heading|overskrift)(?:_20_|\s+)([1-9])$", re.I)
_TITLE_NAME = rxcache.compile(r"^(?:title|titel)$", re.I)

_SKIP_INLINE = {
    t("note"), o("annotation"), o("annotation-end"), t("tracked-changes"),
    t("bookmark"), t("bookmark-start"), t("bookmark-end"), t("reference-mark"),
    t("reference-mark-start"), t("reference-mark-end"), t("soft-page-break"),
    t("change"), t("change-start"), t("change-end"), t("toc-mark"), t("alphabetical-index-mark"),
    d("image"), f"{{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}}title",
    f"{{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}}desc",
}
_DB_FIELDS = {t("database-display")}


def is_odt_zip(zf) -> bool:
    """True if the zip's "mimetype" member says ODF text. Raises ReadError("corrupt")."""
    try:
        blob = read_member(zf, "mimetype", m.MSG_CORRUPT_ODT, limit=200)
    except KeyError:
        return False
    except ReadError as exc:
        raise ReadError("corrupt", m.MSG_CORRUPT_ODT) from exc
    return blob.decode("ascii", "ignore").strip() in ODT_MIMETYPES


class _Styles:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.list_levels: dict[str, dict[int, tuple[str, str, str, int]]] = {}

    def load(self, root) -> None:
        if root is None:
            return
        for st in root.iter(s("style")):
            name = st.get(s("name"))
            if not name:
                continue
            if st.get(s("parent-style-name")):
                self.parent[name] = st.get(s("parent-style-name"))
            if st.get(s("display-name")):
                self.display[name] = st.get(s("display-name"))
            lvl = to_int(st.get(s("default-outline-level")), None, 1, 10)
            if lvl is not None:
                self.outline[name] = lvl
        for ls in root.iter(t("list-style")):
            name = ls.get(s("name"))
            levels: dict[int, tuple[str, str, str, int]] = {}
            for child in ls:
                lvl = to_int(child.get(t("level")), 1, 1, 10)
                if child.tag == t("list-level-style-number"):
                    fmt = child.get(s("num-format"), "1")
                    start = to_int(child.get(t("start-value")), 1, 0, 100_000)
                    levels[lvl] = (fmt, child.get(s("num-prefix"), ""), child.get(s("num-suffix"), ""), start)
                else:
                    levels[lvl] = ("bullet", "", "", 1)
            self.list_levels[name] = levels

    def heading_level(self, name: str | None) -> int | None:
        seen = set()
        while name and name not in seen and len(seen) < 32:
            seen.add(name)
            for candidate in (name, self.display.get(name, "")):
                if _TITLE_NAME.match(candidate):
                    return 0
                mt = _HEADING_NAME.match(candidate)
                if mt:
                    return int(mt.group(1))
            if name in self.outline:
                return self.outline[name]
            name = self.parent.get(name)
        return None


def _odf_number(n: int, fmt: str) -> str:
    return {
        "a": format_number(n, "lowerLetter"),
        "A": format_number(n, "upperLetter"),
        "i": format_number(n, "lowerRoman"),
        "I": format_number(n, "upperRoman"),
        "": "",
    }.get(fmt, str(n))


class OdtWalker:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.b = LayoutBuilder()
        self.warnings: list[str] = []

    def warn(self, msg: str) -> None:
        if msg not in self.warnings:
            self.warnings.append(msg)

    # -- inline
    def inline(self, el, out: list[str], boxes: list) -> None:
        if el.text:
            out.append(_WS.sub(" ", el.text))
        for child in el:
            tag = child.tag
            if isinstance(tag, str):
                if tag == t("s"):
                    out.append(" " * to_int(child.get(t("c")), 1, 1, 100))
                elif tag == t("tab"):
                    out.append("\t")
                elif tag == t("line-break"):
                    out.append("\n")
                elif tag in (t("note"),):
                    self.warn(m.WARN_NOTES)
                elif tag in (t("change"), t("change-start")):
                    self.warn(m.WARN_TRACKED_CHANGES)
                elif tag in _SKIP_INLINE:
                    pass
                elif tag in _DB_FIELDS:
                    col = child.get(t("column-name"))
                    out.append(f"«{col}»" if col else "".join(child.itertext()))
                elif tag in (d("frame"), d("custom-shape"), d("rect"), d("g")):
                    boxes.append(child)
                else:
                    self.inline(child, out, boxes)
            if child.tail:
                out.append(_WS.sub(" ", child.tail))

    def _text_box_content(self, frame):
        """Outermost block containers (text boxes, shapes with text) in a drawing object."""
        if frame.tag in (d("custom-shape"), d("rect")):
            yield frame
            return
        for child in frame:
            if child.tag == d("text-box"):
                yield child
            elif isinstance(child.tag, str):
                yield from self._text_box_content(child)

    def paragraph(self, p, kind: str, level: int = 0, prefix: str = "", override: str | None = None) -> bool:
        out: list[str] = []
        boxes: list = []
        self.inline(p, out, boxes)
        added = self.b.add("".join(out), override or kind, level=level, prefix=prefix)
        for frame in boxes:
            for box in self._text_box_content(frame):
                self.blocks(box, override or "textbox")
        return added

    def paragraph_kind(self, p) -> tuple[str, int]:
        if p.tag == t("h"):
            return "heading", to_int(p.get(t("outline-level")), 1, 1, 10)
        lvl = self.styles.heading_level(p.get(t("style-name")))
        if lvl is not None:
            return "heading", lvl
        return "paragraph", 0

    # -- blocks
    def blocks(self, container, override: str | None = None) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in (t("p"), t("h")):
                kind, level = self.paragraph_kind(child)
                self.paragraph(child, kind, level, override=override)
            elif tag == t("list"):
                self.list(child, 0, override)
            elif tag == tb("table"):
                self.table(child, override)
            elif tag in (t("section"), t("index-body"), t("table-of-content"), t("illustration-index"),
                         t("alphabetical-index"), t("user-index"), t("bibliography"), t("object-index"),
                         t("table-index"), s("region-left"), s("region-center"), s("region-right")):
                self.blocks(child, override)
            elif tag in (d("frame"), d("custom-shape"), d("rect"), d("g")):
                for box in self._text_box_content(child):
                    self.blocks(box, override or "textbox")
            elif tag == t("tracked-changes"):
                self.warn(m.WARN_TRACKED_CHANGES)

    def list(self, lst, level: int, override: str | None, style: str | None = None) -> None:
        style = lst.get(t("style-name")) or style
        levels = self.styles.list_levels.get(style or "", {})
        fmt, pre, suf, start = levels.get(level + 1, ("bullet", "", "", 1))
        counter = start - 1
        for item in lst:
            if item.tag not in (t("list-item"), t("list-header")):
                continue
            if item.tag == t("list-item"):
                sv = to_int(item.get(t("start-value")), None, 0, 100_000)
                if sv is not None:
                    counter = sv - 1
                counter += 1
            if item.tag == t("list-header"):
                prefix = ""
            elif fmt == "bullet" or not _odf_number(counter, fmt):
                prefix = "• "
            else:
                prefix = f"{pre}{_odf_number(counter, fmt)}{suf} "
            for child in item:
                if child.tag in (t("p"), t("h")):
                    kind, hlevel = self.paragraph_kind(child)
                    if kind == "heading":
                        self.paragraph(child, "heading", hlevel, override=override)
                    elif self.paragraph(child, "bullet", level, prefix=prefix, override=override):
                        prefix = ""
                elif child.tag == t("list"):
                    self.list(child, level + 1, override, style)
                elif child.tag == tb("table"):
                    self.table(child, override)

    def _rows(self, el):
        for child in el:
            if child.tag == tb("table-row"):
                yield child
            elif child.tag in (tb("table-header-rows"), tb("table-rows"), tb("table-row-group")):
                yield from self._rows(child)

    def table(self, tbl, override: str | None) -> None:
        kind = override or "table"
        for row in self._rows(tbl):
            for cell in row:
                if cell.tag != tb("table-cell"):
                    continue
                lines: list[str] = []
                for child in cell:
                    if child.tag in (t("p"), t("h")):
                        out: list[str] = []
                        boxes: list = []
                        self.inline(child, out, boxes)
                        lines.append("".join(out).strip())
                    elif child.tag == t("list"):
                        for p in child.iter(t("p")):
                            out, boxes = [], []
                            self.inline(p, out, boxes)
                            if "".join(out).strip():
                                lines.append("• " + "".join(out).strip())
                    elif child.tag == tb("table"):
                        self.b.add("\n".join(lines), kind)
                        lines = []
                        self.table(child, override)
                self.b.add("\n".join(lines), kind)


def read_odt_bytes(data: bytes, source: str | None):
    zf = open_zip(data, m.MSG_CORRUPT_ODT)
    with zf:
        try:
            manifest = read_member(zf, "META-INF/manifest.xml", m.MSG_CORRUPT_ODT)
        except KeyError:
            manifest = b""
        if b"encryption-data" in manifest:
            raise ReadError("encrypted", m.MSG_ENCRYPTED)
        try:
            content = read_member(zf, "content.xml", m.MSG_CORRUPT_ODT)
        except KeyError as exc:
            raise ReadError("corrupt", m.MSG_CORRUPT_ODT) from exc
        try:
            styles_blob = read_member(zf, "styles.xml", m.MSG_CORRUPT_ODT)
        except KeyError:
            styles_blob = None

    content_root = parse_xml(content, m.MSG_CORRUPT_ODT)
    styles_root = parse_xml(styles_blob, m.MSG_CORRUPT_ODT) if styles_blob else None

    styles = _Styles()
    styles.load(styles_root)
    styles.load(content_root)  # automatic styles override common ones
    walker = OdtWalker(styles)

    body = content_root.find(f"{o('body')}/{o('text')}")
    if body is None:
        raise ReadError("unsupported_format", m.MSG_NOT_WORD)
    walker.blocks(body)

    if styles_root is not None:
        headers, footers = [], []
        for mp in styles_root.iter(s("master-page")):
            for child in mp:
                if child.get(s("display")) == "false":
                    continue
                local = child.tag.split("}")[-1]
                if local.startswith("header"):
                    headers.append(child)
                elif local.startswith("footer"):
                    footers.append(child)
        seen: set[tuple[str, str]] = set()
        for kind, parts in (("header", headers), ("footer", footers)):
            for part in parts:
                key = (kind, "".join(part.itertext()).strip())
                if not key[1] or key in seen:
                    continue
                seen.add(key)
                walker.blocks(part, kind)
    return walker.b, walker.warnings
