"""Word .docx: body, tables, content controls, text boxes, headers, footers.

We open the package ourselves (``_Package``) with python-docx's rules: parts
are found through the relationships from ``_rels/.rels``, every part found
must exist and have a content type, every relationship file must parse, and
the main part must be a Word document (or template, with or without macros).
Unlike python-docx we read and parse only the parts we use (document,
styles, numbering, settings, the headers/footers the sections show), so
damage in other parts (pictures, theme, document properties) does not stop
us. XML is parsed as python-docx does (``remove_blank_text=True``, so
whitespace handling is the same) with ``resolve_entities=False``,
``no_network=True``, ``huge_tree=False`` and lxml's default
``load_dtd=False``. Then we walk the raw XML ourselves, so we see content
controls, fields, text boxes and tracked changes.

Reading rules:
* body paragraphs and tables in document order; headers, then footers
  after the body (each header/footer part once);
* each table cell is one block (kind "table"); nested tables give their own
  cell blocks right after the text before them;
* text boxes become "textbox" blocks right after the paragraph that anchors
  them (inside headers/footers they keep the header/footer kind);
* tracked changes are read as if accepted (insertions in, deletions out);
* runs formatted as hidden text (w:vanish) are left out;
* MERGEFIELDs become «Name»; other fields show their current result;
* w:tab -> "\\t", w:br/w:cr -> "\\n", soft hyphens removed, non-breaking
  hyphen -> "-".
"""

from __future__ import annotations

import copy
import hashlib
import posixpath
import re
from letterlab import rxcache
import struct
import threading
import zipfile
from collections import OrderedDict

from lxml import etree

from . import model as m
from ._layout import LayoutBuilder, to_int
from ._safety import open_zip, read_member
from .model import ReadError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"

RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
WORD_MAIN_TYPES = frozenset({
    _WML + "document.main+xml",
    _WML + "template.main+xml",  # .dotx
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
})
# Parts python-docx keeps as parsed XML (the others stay bytes, ``element`` is None);
# we also parse a main part of the other Word main types.
XML_PART_TYPES = frozenset({
    _WML + f"{kind}+xml"
    for kind in ("document.main", "styles", "numbering", "settings", "header", "footer", "comments")
} | {"application/vnd.openxmlformats-package.core-properties+xml"})


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_R, W_T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
W_SDT, W_SDTCONTENT = w("sdt"), w("sdtContent")
W_PPR, W_VAL = w("pPr"), w("val")
W_TXBX = w("txbxContent")
MC_AC, MC_CHOICE, MC_FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
A_GRAPHICDATA = f"{{{A}}}graphicData"
V_TEXTPATH = f"{{{V}}}textpath"

# Elements whose whole subtree carries no visible text for us.
_SKIP = {
    w(t)
    for t in (
        "pPr", "rPr", "sdtPr", "sdtEndPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr",
        "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
        "commentRangeStart", "commentRangeEnd", "commentReference", "annotationRef",
        "del", "moveFrom", "delText", "delInstrText", "moveFromRangeStart",
        "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "lastRenderedPageBreak",
    )
}
_WRAPPERS_ROW_CELL = {w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo"), MC_AC}

_HEADING_NAME = rxcache.compile(r"^(?:heading|overskrift)\s*([1-9])$", re.I)
_TITLE_NAME = rxcache.compile(r"^(?:title|titel)$", re.I)
_LIST_NAME = rxcache.compile(r"^(?:list (?:bullet|number)|opstilling med (?:punkttegn|tal))\b", re.I)
_MERGEFIELD = rxcache.compile(r'^\s*MERGEFIELD\s+(?:"([^"]*)"|(\S+))', re.I)

DIAGRAM_URIS = (
    "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
)


def merge_field_name(instr: str | None) -> str | None:
    """Name of a MERGEFIELD instruction, or None for other fields."""
    if not instr:
        return None
    mt = _MERGEFIELD.match(instr)
    if not mt:
        return None
    return (mt.group(1) if mt.group(1) is not None else mt.group(2)).strip()


def _int(value, default=None):
    return to_int(value, default, -100_000, 100_000)


def _text_of(t_el) -> str:
    """Text of a w:t, ignoring unexpanded entity reference nodes."""
    parts = [t_el.text or ""]
    for sub in t_el:
        parts.append(sub.tail or "")
    return "".join(parts)


class _PartCache:
    """LRU of objects built from a part's XML, keyed by ``part.stored_key()``.

    Letters made from one template share their styles and numbering parts, so
    their ``_Styles``/``_Numbering`` are built once, and a hit needs neither
    unpacking nor parsing. The cached objects are never changed after they are
    built.
    """

    SIZE = 32

    def __init__(self, build) -> None:
        self._build = build
        self._items: OrderedDict[bytes, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, part):
        """The object built from ``part.element``; ``build(None)`` when there is no part."""
        if part is None:
            return self._build(None)
        key = part.stored_key()
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
                return value
        value = self._build(part.element)
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.SIZE:
                self._items.popitem(last=False)
        return value


# --- number formatting ----------------------------------------------------------


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    # Word: a..z, aa..zz, aaa..
    ch = chr(ord("a") + (n - 1) % 26)
    return ch * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if abs(n) > 100_000:
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Just enough of numbering.xml to produce labels like "1.", "a)", "•"."""

    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.style_link: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list] = {}
        if root is None:
            return
        for an in root.iterchildren(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iterchildren(w("lvl")):
                ilvl = _int(lvl.get(w("ilvl")), 0)
                fmt_el, text_el, start_el = lvl.find(w("numFmt")), lvl.find(w("lvlText")), lvl.find(w("start"))
                fmt = fmt_el.get(W_VAL, "decimal") if fmt_el is not None else "decimal"
                text = text_el.get(W_VAL, "") if text_el is not None else ""
                start = _int(start_el.get(W_VAL), 1) if start_el is not None else 1
                levels[ilvl] = (fmt, text, start)
            self.abstract[aid] = levels
            link = an.find(w("numStyleLink"))
            if link is not None:
                self.style_link[aid] = link.get(W_VAL, "")
        for num in root.iterchildren(w("num")):
            nid = num.get(w("numId"))
            an_el = num.find(w("abstractNumId"))
            aid = an_el.get(W_VAL) if an_el is not None else None
            overrides: dict[int, int] = {}
            for ov in num.iterchildren(w("lvlOverride")):
                so = ov.find(w("startOverride"))
                if so is not None:
                    overrides[_int(ov.get(w("ilvl")), 0)] = _int(so.get(W_VAL), 1)
            self.nums[nid] = (aid, overrides)

    @classmethod
    def of(cls, part) -> "_Numbering":
        """Numbering of a numbering part (None: no part), with fresh list counters."""
        return _NUMBERING_CACHE.get(part).restarted()

    def restarted(self) -> "_Numbering":
        """A copy sharing the list definitions, with its own counters."""
        new = copy.copy(self)
        new.counters = {}
        return new

    def label(self, num_id: str, ilvl: int, styles: "_Styles") -> str | None:
        """Advance the counter for (num_id, ilvl) and return its label."""
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid, overrides = entry
        levels = self.abstract.get(aid)
        if levels is not None and not levels and aid in self.style_link:
            # numStyleLink: the real definition sits behind a numbering style
            linked = styles.num_pr(self.style_link[aid])
            if linked and linked[0] in self.nums and linked[0] != num_id:
                aid = self.nums[linked[0]][0]
                levels = self.abstract.get(aid)
        if not levels:
            return None
        key = f"num:{num_id}" if overrides else f"abs:{aid}"
        counts = self.counters.setdefault(key, [None] * 9)
        ilvl = max(0, min(ilvl, 8))

        def start_of(k: int) -> int:
            if k in overrides:
                return overrides[k]
            return levels.get(k, ("decimal", "", 1))[2]

        counts[ilvl] = start_of(ilvl) if counts[ilvl] is None else counts[ilvl] + 1
        for k in range(ilvl + 1, 9):
            counts[k] = None
        fmt, text, _ = levels.get(ilvl, ("bullet", "", 1))
        if fmt == "bullet":
            return "• "
        if not text:
            return "• "

        def repl(mt: re.Match) -> str:
            k = int(mt.group(1)) - 1
            n = counts[k] if counts[k] is not None else start_of(k)
            return format_number(n, levels.get(k, ("decimal", "", 1))[0])

        label = re.sub(r"%([1-9])", repl, text).strip()
        return (label + " ") if label else "• "


_NUMBERING_CACHE = _PartCache(_Numbering)


class _Styles:
    def __init__(self, root) -> None:
        self.styles: dict[str, dict] = {}
        self.default_para: str | None = None
        self._memo: dict[str | None, tuple] = {}  # style id -> _lookup(style id)
        if root is None:
            return
        for st in root.iterchildren(w("style")):
            if st.get(w("type")) not in (None, "paragraph", "numbering"):
                continue
            sid = st.get(w("styleId"))
            name_el, based_el = st.find(w("name")), st.find(w("basedOn"))
            ppr = st.find(W_PPR)
            outline = num_id = ilvl = None
            if ppr is not None:
                ol = ppr.find(w("outlineLvl"))
                if ol is not None:
                    outline = _int(ol.get(W_VAL))
                np_ = ppr.find(w("numPr"))
                if np_ is not None:
                    ni, il = np_.find(w("numId")), np_.find(w("ilvl"))
                    num_id = ni.get(W_VAL) if ni is not None else None
                    ilvl = _int(il.get(W_VAL)) if il is not None else None
            self.styles[sid] = {
                "name": name_el.get(W_VAL, "") if name_el is not None else "",
                "based_on": based_el.get(W_VAL) if based_el is not None else None,
                "outline": outline,
                "num_id": num_id,
                "ilvl": ilvl,
            }
            if st.get(w("default")) in ("1", "true", "on") and st.get(w("type")) == "paragraph":
                self.default_para = sid

    @classmethod
    def of(cls, part) -> "_Styles":
        """Styles of a styles part (None: no part)."""
        return _STYLES_CACHE.get(part)

    def chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.styles and sid not in seen and len(seen) < 32:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid]["based_on"]

    def _lookup(self, sid: str | None) -> tuple:
        """(heading level, numPr, is list style) of a style; memoized, as the object is shared."""
        found = self._memo.get(sid)
        if found is None:
            found = self._memo[sid] = (self._heading_level(sid), self._num_pr(sid), self._is_list_style(sid))
        return found

    def heading_level(self, sid: str | None) -> int | None:
        return self._lookup(sid)[0]

    def num_pr(self, sid: str | None) -> tuple[str, int | None] | None:
        return self._lookup(sid)[1]

    def is_list_style(self, sid: str | None) -> bool:
        return self._lookup(sid)[2]

    def _heading_level(self, sid: str | None) -> int | None:
        for st in self.chain(sid):
            name = st["name"].strip()
            mt = _HEADING_NAME.match(name)
            if mt:
                return int(mt.group(1))
            if _TITLE_NAME.match(name):
                return 0
        for st in self.chain(sid):
            if st["outline"] is not None and 0 <= st["outline"] <= 8:
                return st["outline"] + 1
        return None

    def _num_pr(self, sid: str | None) -> tuple[str, int | None] | None:
        for st in self.chain(sid):
            if st["num_id"] is not None:
                return st["num_id"], st["ilvl"]
        return None

    def _is_list_style(self, sid: str | None) -> bool:
        return any(_LIST_NAME.match(st["name"].strip()) for st in self.chain(sid))


_STYLES_CACHE = _PartCache(_Styles)
# settings.xml: are even and odd pages given different headers/footers?
_EVEN_AND_ODD_CACHE = _PartCache(lambda root: root is not None and root.find(w("evenAndOddHeaders")) is not None)


class _ParaState:
    """Per-paragraph state while collecting inline text.

    ``hiding`` counts the open fields whose text is not shown: those still in
    their instruction, and MERGEFIELDs (shown as «Name» instead of their result).
    """

    __slots__ = ("out", "fields", "textboxes", "hiding")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.fields: list[dict] = []
        self.textboxes: list = []
        self.hiding = 0

    def emit(self, s: str) -> None:
        if s and not self.hiding:
            self.out.append(s)


class DocxWalker:
    def __init__(self, part) -> None:
        """``part``: the main document part (a ``_Part``, or anything with its interface)."""
        self.part = part
        self.b = LayoutBuilder()
        self.warnings: list[str] = []
        self.styles = _Styles.of(self._related(RT_STYLES))
        self.numbering = _Numbering.of(self._related(RT_NUMBERING))
        self.even_and_odd = _EVEN_AND_ODD_CACHE.get(self._related(RT_SETTINGS))

    def _related(self, reltype):
        """The XML part the main part relates to by ``reltype``, or None (none, several or external)."""
        try:
            related = self.part.part_related_by(reltype)
        except (KeyError, ValueError):
            return None
        return related if related.is_xml else None

    def warn(self, msg: str) -> None:
        if msg not in self.warnings:
            self.warnings.append(msg)

    # -- stories ---------------------------------------------------------------

    def read(self):
        root = self.part.element
        body = root.find(w("body")) if root.tag == w("document") else None
        if body is None:  # not a w:document with a w:body: the package is damaged
            raise _corrupt()
        self.blocks(body, None, top_level=True)
        headers, footers = self._header_footer_parts(body)
        for el in headers:
            self.blocks(el, "header")
        for el in footers:
            self.blocks(el, "footer")
        return self.b

    def _header_footer_parts(self, body):
        headers, footers, seen = [], [], set()
        order = {"first": 0, "default": 1, "even": 2}
        for sect in body.iter(w("sectPr")):
            tp = sect.find(w("titlePg"))
            title_pg = tp is not None and tp.get(W_VAL, "1") not in ("0", "false", "off")
            for ref_tag, target in ((w("headerReference"), headers), (w("footerReference"), footers)):
                refs = sorted(sect.findall(ref_tag), key=lambda r: order.get(r.get(w("type"), "default"), 9))
                for ref in refs:
                    kind = ref.get(w("type"), "default")
                    if kind == "first" and not title_pg:
                        continue
                    if kind == "even" and not self.even_and_odd:
                        continue
                    part = self.part.related_parts.get(ref.get(f"{{{R}}}id"))
                    if part is None or not part.is_xml or part.partname in seen:
                        continue
                    seen.add(part.partname)
                    target.append(part.element)
        return headers, footers

    def blocks(self, container, override: str | None, top_level: bool = False) -> None:
        """Walk block-level content (w:p, w:tbl, w:sdt ...)."""
        para_index = 0
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == W_P:
                self.paragraph(child, override, para_index if top_level else -1)
                if top_level:
                    para_index += 1
            elif tag == W_TBL:
                self.table(child, override)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self.blocks(content, override)
            elif tag in (w("customXml"), w("smartTag")):
                self.blocks(child, override)
            elif tag in (w("ins"), w("moveTo")):
                self.warn(m.WARN_TRACKED_CHANGES)
                self.blocks(child, override)
            elif tag in (w("del"), w("moveFrom")):
                self.warn(m.WARN_TRACKED_CHANGES)
            elif tag == MC_AC:
                branch = self._pick_branch(child)
                if branch is not None:
                    self.blocks(branch, override)
            elif tag == w("altChunk"):
                self.warn(m.WARN_ALTCHUNK)

    # -- paragraphs --------------------------------------------------------------

    def classify(self, p) -> tuple[str, int, str]:
        """(kind, level, prefix) of a paragraph. Advances list counters."""
        ppr = p.find(W_PPR)
        sid = None
        direct_outline = direct_num = direct_ilvl = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            if ps is not None:
                sid = ps.get(W_VAL)
            ol = ppr.find(w("outlineLvl"))
            if ol is not None:
                direct_outline = _int(ol.get(W_VAL))
            np_ = ppr.find(w("numPr"))
            if np_ is not None:
                ni, il = np_.find(w("numId")), np_.find(w("ilvl"))
                if ni is not None:
                    direct_num = ni.get(W_VAL)
                if il is not None:
                    direct_ilvl = _int(il.get(W_VAL))
        if sid is None:
            sid = self.styles.default_para

        heading = self.styles.heading_level(sid)
        if direct_outline is not None:
            heading = direct_outline + 1 if 0 <= direct_outline <= 8 else None

        style_num = self.styles.num_pr(sid)
        num_id = direct_num if direct_num is not None else (style_num[0] if style_num else None)
        ilvl = direct_ilvl if direct_ilvl is not None else (style_num[1] if style_num and style_num[1] is not None else 0)
        ilvl = max(0, min(ilvl or 0, 8))
        label = None
        if num_id not in (None, "0"):
            label = self.numbering.label(num_id, ilvl, self.styles)

        if heading is not None:
            prefix = label if label and label != "• " else ""
            return "heading", heading, prefix
        if num_id not in (None, "0"):
            return "bullet", ilvl, label or "• "
        if direct_num is None and self.styles.is_list_style(sid):
            return "bullet", ilvl, "• "
        return "paragraph", 0, ""

    def paragraph_text(self, p) -> tuple[str, list]:
        st = _ParaState()
        self._inline(p, st)
        return "".join(st.out), st.textboxes

    def paragraph(self, p, override: str | None, source_index: int) -> None:
        kind, level, prefix = self.classify(p)
        text, textboxes = self.paragraph_text(p)
        if override:
            kind = override
        self.b.add(text, kind, level=level, source_index=source_index, prefix=prefix)
        for tb in textboxes:
            self.blocks(tb, override or "textbox")

    def _inline(self, el, st: _ParaState) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                if tag in (w("del"), w("moveFrom")):
                    self.warn(m.WARN_TRACKED_CHANGES)
                continue
            if tag == W_R:
                self._run(child, st)
            elif tag == w("fldSimple"):
                name = merge_field_name(child.get(w("instr")))
                if name is not None:
                    st.emit(f"«{name}»")
                else:
                    self._inline(child, st)
            elif tag in (w("ins"), w("moveTo")):
                self.warn(m.WARN_TRACKED_CHANGES)
                self._inline(child, st)
            elif tag == MC_AC:
                branch = self._pick_branch(child)
                if branch is not None:
                    self._inline(branch, st)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self._inline(content, st)
            elif tag == W_TXBX:
                st.textboxes.append(child)
            else:
                # hyperlink, smartTag, customXml, sdtContent, dir, bdo, ...
                self._inline(child, st)

    @staticmethod
    def _is_hidden(r) -> bool:
        """Run formatted as hidden text (w:vanish): Word neither shows nor prints it."""
        rpr = r.find(w("rPr"))
        if rpr is None:
            return False
        v = rpr.find(w("vanish"))
        return v is not None and v.get(W_VAL, "true") not in ("0", "false", "off")

    def _run(self, r, st: _ParaState) -> None:
        hidden = self._is_hidden(r)
        for c in r:
            tag = c.tag
            if not isinstance(tag, str):
                continue
            if hidden and tag not in (w("fldChar"), w("instrText")):
                continue
            if tag == W_T:
                st.emit(_text_of(c))
            elif tag in (w("tab"), w("ptab")):
                st.emit("\t")
            elif tag in (w("br"), w("cr")):
                st.emit("\n")
            elif tag == w("noBreakHyphen"):
                st.emit("-")
            elif tag == w("fldChar"):
                self._field_char(c, st)
            elif tag == w("instrText"):
                if st.fields and st.fields[-1]["phase"] == "instr":
                    st.fields[-1]["instr"] += _text_of(c)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                self.warn(m.WARN_NOTES)
            elif tag == MC_AC:
                branch = self._pick_branch(c)
                if branch is not None:
                    self._find_textboxes(branch, st)
            elif tag in (w("drawing"), w("pict"), w("object")):
                self._find_textboxes(c, st)
            elif tag in (w("ruby"),):
                base = c.find(w("rubyBase"))
                if base is not None:
                    self._inline(base, st)
            # rPr, softHyphen, sym, delText, lastRenderedPageBreak ...: nothing

    def _field_char(self, c, st: _ParaState) -> None:
        kind = c.get(w("fldCharType"))
        if kind == "begin":
            st.fields.append({"instr": "", "phase": "instr", "merge": None})
            st.hiding += 1
        elif kind == "separate" and st.fields:
            top = st.fields[-1]
            if top["phase"] == "instr":
                top["phase"] = "result"
                st.hiding -= 1
                name = merge_field_name(top["instr"])
                if name is not None:
                    st.emit(f"«{name}»")
                    top["merge"] = name
                    st.hiding += 1
        elif kind == "end" and st.fields:
            top = st.fields.pop()
            if top["phase"] == "instr" or top["merge"] is not None:
                st.hiding -= 1
            if top["phase"] == "instr":
                name = merge_field_name(top["instr"])
                if name is not None:
                    st.emit(f"«{name}»")

    def _pick_branch(self, ac):
        branches = [c for c in ac if c.tag in (MC_CHOICE, MC_FALLBACK)]
        for br in branches:
            for d in br.iter(W_T, W_TXBX):
                return br
        return branches[0] if branches else None

    def _find_textboxes(self, el, st: _ParaState) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == W_TXBX:
                st.textboxes.append(child)
            elif tag == MC_AC:
                branch = self._pick_branch(child)
                if branch is not None:
                    self._find_textboxes(branch, st)
            elif tag == A_GRAPHICDATA and child.get("uri") in DIAGRAM_URIS:
                self.warn(m.WARN_DIAGRAMS)
            elif tag == V_TEXTPATH and child.get("string"):
                self.warn(m.WARN_TEXTBOX_UNREAD)
            else:
                self._find_textboxes(child, st)

    # -- tables ----------------------------------------------------------------------

    def _iter_wrapped(self, el, tag):
        """Children with ``tag``, looking through sdt/customXml/ins wrappers."""
        for child in el:
            if child.tag == tag:
                yield child
            elif child.tag in _WRAPPERS_ROW_CELL:
                yield from self._iter_wrapped(child, tag)

    def table(self, tbl, override: str | None) -> None:
        for tr in self._iter_wrapped(tbl, W_TR):
            for tc in self._iter_wrapped(tr, W_TC):
                self.cell(tc, override)

    def cell(self, tc, override: str | None) -> None:
        kind = override or "table"
        lines: list[str] = []
        pending_boxes: list = []

        def flush():
            nonlocal lines
            self.b.add("\n".join(lines), kind)
            lines = []

        def walk(container):
            for child in container:
                tag = child.tag
                if tag == W_P:
                    pkind, _, prefix = self.classify(child)
                    text, boxes = self.paragraph_text(child)
                    text = text.strip()
                    if text:
                        lines.append(prefix + text if pkind in ("bullet", "heading") else text)
                    pending_boxes.extend(boxes)
                elif tag == W_TBL:
                    flush()
                    self.table(child, override)
                elif tag in _WRAPPERS_ROW_CELL:
                    inner = child.find(W_SDTCONTENT) if tag == W_SDT else (
                        self._pick_branch(child) if tag == MC_AC else child
                    )
                    if inner is not None:
                        walk(inner)

        walk(tc)
        flush()
        for tb in pending_boxes:
            self.blocks(tb, override or "textbox")


# --- the package --------------------------------------------------------------------


def _corrupt() -> ReadError:
    return ReadError("corrupt", m.MSG_CORRUPT_DOCX)


class _Part:
    """One package part, with the bits of python-docx's ``Part`` API the walker uses."""

    __slots__ = ("partname", "content_type", "reltype", "is_xml", "rels", "related_parts", "_pkg", "_element")

    def __init__(self, pkg: "_Package", partname: str, content_type: str | None, reltype: str | None) -> None:
        self.partname = partname  # "/word/document.xml"
        self.content_type = content_type
        self.reltype = reltype  # of the relationship the part was first found through
        # python-docx parses it (``element`` is its root); it treats any part found
        # through an image relationship as an image
        self.is_xml = content_type in XML_PART_TYPES and reltype != RT_IMAGE
        self.rels: dict[str, tuple[str | None, _Part | None]] = {}  # rId -> (type, target; None if external)
        self.related_parts: dict[str, _Part] = {}  # rId -> target, internal relationships only
        self._pkg = pkg
        self._element = None

    @property
    def element(self):
        """Root element, parsed on first use; None for a part that is not XML."""
        if self._element is None and self.is_xml:
            self._element = self._pkg.parse(self._pkg.read(self.partname[1:]))
        return self._element

    def stored_key(self) -> bytes:
        """Digest of the part as stored in the zip: equal keys mean equal bytes."""
        return self._pkg.stored_key(self.partname[1:])

    def part_related_by(self, reltype: str) -> "_Part":
        """Target of the one relationship of ``reltype``: KeyError if none, ValueError if
        several or external (as python-docx)."""
        matching = [target for rt, target in self.rels.values() if rt == reltype]
        if not matching:
            raise KeyError(reltype)
        if len(matching) > 1 or matching[0] is None:
            raise ValueError(reltype)
        return matching[0]


class _Package:
    """The parts reachable from an OPC package's ``_rels/.rels``, found as python-docx
    finds them (depth first); ``main`` is the Word main document part."""

    def __init__(self, zf: zipfile.ZipFile, data: bytes) -> None:
        self.zf = zf
        self.data = data  # the bytes ``zf`` reads
        self.names = set(zf.namelist())
        # python-docx's parser settings: whitespace handling must stay the same.
        self.parser = etree.XMLParser(
            remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
        )
        self.overrides: dict[str, str | None] = {}
        self.defaults: dict[str, str | None] = {}
        self._content_types(self.parse(self.read("[Content_Types].xml")))
        root = self._find_parts()
        try:
            self.main = root.part_related_by(RT_OFFICE_DOCUMENT)
        except (KeyError, ValueError) as exc:
            raise _corrupt() from exc
        if self.main.content_type not in WORD_MAIN_TYPES:
            raise ReadError("unsupported_format", m.MSG_NOT_WORD)
        if self.main.reltype == RT_IMAGE:
            raise _corrupt()
        self.main.is_xml = True

    def _find_parts(self) -> _Part:
        """Walk the relationships depth first from the package's own (python-docx's order,
        which decides the relationship a part is first found through); return the package
        root pseudo-part "/"."""
        root = _Part(self, "/", None, None)
        parts: dict[str, _Part] = {}
        sources = [(root, self._rels("/"))]
        stack = [iter(sources[0][1])]
        while stack:
            for _rid, reltype, target in stack[-1]:
                if target is None or target in parts:
                    continue
                if target[1:] not in self.names:
                    raise _corrupt()
                part = parts[target] = _Part(self, target, self._content_type(target), reltype)
                sources.append((part, self._rels(target)))
                stack.append(iter(sources[-1][1]))
                break
            else:
                stack.pop()
        for source, rels in sources:
            for rid, reltype, target in rels:
                part = None if target is None else parts[target]
                source.rels[rid] = (reltype, part)
                if part is not None:
                    source.related_parts[rid] = part
        return root

    def read(self, name: str) -> bytes:
        try:
            return read_member(self.zf, name, m.MSG_CORRUPT_DOCX)
        except KeyError as exc:
            raise _corrupt() from exc

    def stored_key(self, name: str) -> bytes:
        """Digest of how member ``name`` is stored: compression method, CRC-32, sizes and
        the compressed bytes. Unpacking is deterministic, so two members with the same
        key unpack to the same bytes; ``zf.open`` checks the member's local header as a
        full read would (name, flags, method), without unpacking anything."""
        try:
            self.zf.open(name).close()
        except Exception as exc:  # KeyError, BadZipFile, NotImplementedError, RuntimeError (encrypted)
            raise _corrupt() from exc
        info = self.zf.getinfo(name)
        name_len, extra_len = struct.unpack_from("<HH", self.data, info.header_offset + 26)
        start = info.header_offset + 30 + name_len + extra_len
        digest = hashlib.sha256(memoryview(self.data)[start : start + info.compress_size])
        digest.update(struct.pack("<HIQQ", info.compress_type, info.CRC, info.file_size, info.compress_size))
        return digest.digest()

    def parse(self, blob: bytes):
        try:
            return etree.fromstring(blob, self.parser)
        except (etree.LxmlError, ValueError) as exc:
            raise _corrupt() from exc

    def _content_types(self, types) -> None:
        if types.tag != f"{{{CT_NS}}}Types":
            raise _corrupt()
        for table, tag, attr in ((self.overrides, "Override", "PartName"), (self.defaults, "Default", "Extension")):
            for el in types.iterfind(f"{{{CT_NS}}}{tag}"):
                key = el.get(attr)
                if key is None:
                    raise _corrupt()
                table[key.lower()] = el.get("ContentType")

    def _content_type(self, partname: str) -> str | None:
        key = partname.lower()
        if key in self.overrides:
            return self.overrides[key]
        ext = posixpath.splitext(partname)[1][1:].lower()
        if ext in self.defaults:
            return self.defaults[ext]
        raise _corrupt()

    def _rels(self, partname: str) -> list[tuple[str | None, str | None, str | None]]:
        """(rId, type, target partname; None if external) of a part's relationships."""
        base, filename = posixpath.split(partname)
        name = posixpath.join(base, "_rels", filename + ".rels")[1:]
        if name not in self.names:
            return []
        rels = self.parse(self.read(name))
        if rels.tag != f"{{{PR_NS}}}Relationships":
            raise _corrupt()
        out = []
        for rel in rels.iterfind(f"{{{PR_NS}}}Relationship"):
            target = rel.get("Target")
            if rel.get("TargetMode", "Internal") == "External":
                target = None
            elif target is None:
                raise _corrupt()
            else:
                target = posixpath.abspath(posixpath.join(base, target))
            out.append((rel.get("Id"), rel.get("Type"), target))
        return out


def read_docx_bytes(data: bytes, source: str | None, zf: zipfile.ZipFile | None = None):
    """Return (LayoutBuilder, warnings). Raises ReadError.

    ``zf``: ``data`` already opened (and checked) by ``open_zip``; it is left open.
    """
    if zf is not None:
        walker = DocxWalker(_Package(zf, data).main)
        return walker.read(), walker.warnings
    with open_zip(data, m.MSG_CORRUPT_DOCX) as zf:
        walker = DocxWalker(_Package(zf, data).main)
        builder = walker.read()
    return builder, walker.warnings
