"""Word .docx: body, tables, content controls, text boxes, headers, footers.

We let python-docx open the package (its XML parser has
``resolve_entities=False``; lxml defaults to ``no_network=True``,
``huge_tree=False`` and ``load_dtd=False``) and then walk the raw XML
ourselves, so we see content controls, fields, text boxes and tracked
changes that python-docx's own API hides.

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

import io
import re
import zipfile

from lxml import etree

from . import model as m
from ._layout import LayoutBuilder, to_int
from ._safety import open_zip
from .model import ReadError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"

RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"


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

_HEADING_NAME = re.compile(r"^(?:heading|overskrift)\s*([1-9])$", re.I)
_TITLE_NAME = re.compile(r"^(?:title|titel)$", re.I)
_LIST_NAME = re.compile(r"^(?:list (?:bullet|number)|opstilling med (?:punkttegn|tal))\b", re.I)
_MERGEFIELD = re.compile(r'^\s*MERGEFIELD\s+(?:"([^"]*)"|(\S+))', re.I)

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


class _Styles:
    def __init__(self, root) -> None:
        self.styles: dict[str, dict] = {}
        self.default_para: str | None = None
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

    def chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.styles and sid not in seen and len(seen) < 32:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid]["based_on"]

    def heading_level(self, sid: str | None) -> int | None:
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

    def num_pr(self, sid: str | None) -> tuple[str, int | None] | None:
        for st in self.chain(sid):
            if st["num_id"] is not None:
                return st["num_id"], st["ilvl"]
        return None

    def is_list_style(self, sid: str | None) -> bool:
        return any(_LIST_NAME.match(st["name"].strip()) for st in self.chain(sid))


class _ParaState:
    """Per-paragraph state while collecting inline text."""

    __slots__ = ("out", "fields", "textboxes")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.fields: list[dict] = []
        self.textboxes: list = []

    def suppressed(self) -> bool:
        return any(f["phase"] == "instr" or f["merge"] is not None for f in self.fields)

    def emit(self, s: str) -> None:
        if s and not self.suppressed():
            self.out.append(s)


class DocxWalker:
    def __init__(self, document) -> None:
        self.doc = document
        self.b = LayoutBuilder()
        self.warnings: list[str] = []
        part = document.part
        self.styles = _Styles(self._related_root(part, RT_STYLES))
        self.numbering = _Numbering(self._related_root(part, RT_NUMBERING))
        settings = self._related_root(part, RT_SETTINGS)
        self.even_and_odd = settings is not None and settings.find(w("evenAndOddHeaders")) is not None

    @staticmethod
    def _related_root(part, reltype):
        try:
            related = part.part_related_by(reltype)
        except (KeyError, ValueError):
            return None
        return getattr(related, "element", None)

    def warn(self, msg: str) -> None:
        if msg not in self.warnings:
            self.warnings.append(msg)

    # -- stories ---------------------------------------------------------------

    def read(self):
        body = self.doc.element.body
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
                    rid = ref.get(f"{{{R}}}id")
                    try:
                        part = self.doc.part.related_parts[rid]
                    except KeyError:
                        continue
                    el = getattr(part, "element", None)
                    if el is None or id(part) in seen:
                        continue
                    seen.add(id(part))
                    target.append(el)
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
        elif kind == "separate" and st.fields:
            top = st.fields[-1]
            if top["phase"] == "instr":
                top["phase"] = "result"
                name = merge_field_name(top["instr"])
                if name is not None:
                    st.emit(f"«{name}»")
                    top["merge"] = name
        elif kind == "end" and st.fields:
            top = st.fields.pop()
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


def read_docx_bytes(data: bytes, source: str | None):
    """Return (LayoutBuilder, warnings). Raises ReadError."""
    zf = open_zip(data, m.MSG_CORRUPT_DOCX)
    zf.close()

    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "is not a Word file" in str(exc):
            raise ReadError("unsupported_format", m.MSG_NOT_WORD) from exc
        raise ReadError("corrupt", m.MSG_CORRUPT_DOCX) from exc
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ReadError("corrupt", m.MSG_CORRUPT_DOCX) from exc
    except Exception as exc:  # anything else python-docx trips over
        raise ReadError("corrupt", m.MSG_CORRUPT_DOCX) from exc

    walker = DocxWalker(document)
    builder = walker.read()
    return builder, walker.warnings
