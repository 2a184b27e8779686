"""Build the template test set from its source specs (corpora/templates/src/*.toml).

Usage:  python corpora/templates/build.py [--out DIR]

Each spec holds the letter's text, how it is laid out and the gold
annotations (see README.md). ``format = "txt"`` and ``format = "html"`` specs
are written as they stand (the ``text`` key). ``format = "docx"`` specs list
``[[block]]`` entries in document order, and the builder turns them into a
Word document with python-docx and lxml:

  kind = "text"       paragraphs, one per line (markup below)
  kind = "table"      a body table, ``rows`` = list of lists of cell texts (cells use the same markup)
  kind = "textbox"    a floating text box anchored in an empty paragraph; ``lines``; ``shape`` =
                      "wps" (DrawingML, what Word writes today), "vml" (old w:pict) or "alt"
                      (mc:AlternateContent with both, as Word saves for compatibility)
  kind = "header"     the header (``first_page = true``: the first-page header); ``lines`` or ``rows``
  kind = "footer"     the footer; ``lines``
  kind = "pagebreak"  a page break

Line markup: "# " Heading 1, "## " Heading 2, "#b " / "##b " a bold Normal paragraph,
"- " a bullet (List Bullet), "| a | b |" a table row, "@@PAGEBREAK@@" a page break; an empty line is an empty paragraph. Inside a line: "⟦Name⟧" is a MERGEFIELD as w:fldSimple, "⟦⟦Name⟧⟧" a MERGEFIELD
as a complex field (w:fldChar/w:instrText), "⟦INSTR|result⟧" another field (IF, DATE) showing its
result, "⟪text⟫" an inline content control (w:sdt), "→" a tab, "↵" a line break, "**x**" bold text.

The output is byte for byte reproducible: zip entries get a fixed time stamp and the document
properties fixed values. The script needs only python-docx and lxml, not letterlab.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import tomllib
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FIXED_TIME = dt.datetime(2026, 1, 5, 9, 0, 0)
ZIP_TIME = (2026, 1, 5, 9, 0, 0)

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}
_NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())

_INLINE = re.compile(r"(⟦⟦[^⟧]+⟧⟧|⟦[^⟧]+⟧|⟪[^⟫]+⟫|\*\*[^*]+\*\*|→|↵)")


# --- runs and paragraphs --------------------------------------------------------------------

def _run(text: str = "", bold: bool = False):
    r = etree.Element(qn("w:r"))
    if bold:
        rpr = etree.SubElement(r, qn("w:rPr"))
        etree.SubElement(rpr, qn("w:b"))
    if text:
        t = etree.SubElement(r, qn("w:t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _simple_field(name: str):
    fld = etree.Element(qn("w:fldSimple"))
    fld.set(qn("w:instr"), f" MERGEFIELD {name} \\* MERGEFORMAT ")
    fld.append(_run(f"«{name}»"))
    return fld


def _other_field(instr: str, result: str):
    """A non-merge field (IF, DATE ...) as w:fldSimple showing its last result."""
    fld = etree.Element(qn("w:fldSimple"))
    fld.set(qn("w:instr"), f" {instr} ")
    fld.append(_run(result))
    return fld


def _content_control(text: str):
    """An inline plain-text content control (w:sdt) holding ``text``."""
    sdt = etree.Element(qn("w:sdt"))
    pr = etree.SubElement(sdt, qn("w:sdtPr"))
    alias = etree.SubElement(pr, qn("w:alias"))
    alias.set(qn("w:val"), text.strip("[]«» "))
    etree.SubElement(pr, qn("w:text"))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    content.append(_run(text))
    return sdt


def _complex_field(name: str) -> list:
    out = []
    for kind in ("begin", None, "separate", "result", "end"):
        r = _run()
        if kind is None:
            it = etree.SubElement(r, qn("w:instrText"))
            it.text = f" MERGEFIELD  {name} "
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "result":
            r = _run(f"«{name}»")
        else:
            fc = etree.SubElement(r, qn("w:fldChar"))
            fc.set(qn("w:fldCharType"), kind)
        out.append(r)
    return out


def fill_paragraph(p_el, text: str, bold: bool = False) -> None:
    """Append the runs for ``text`` (with inline markup) to a w:p element."""
    for piece in _INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("⟦⟦"):
            for r in _complex_field(piece[2:-2]):
                p_el.append(r)
        elif piece.startswith("⟦") and "|" in piece:
            instr, result = piece[1:-1].split("|", 1)
            p_el.append(_other_field(instr, result))
        elif piece.startswith("⟦"):
            p_el.append(_simple_field(piece[1:-1]))
        elif piece.startswith("⟪"):
            p_el.append(_content_control(piece[1:-1]))
        elif piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            p_el.append(_run(piece[2:-2], bold=True))
        elif piece == "→":
            r = _run()
            etree.SubElement(r, qn("w:tab"))
            p_el.append(r)
        elif piece == "↵":
            r = _run()
            etree.SubElement(r, qn("w:br"))
            p_el.append(r)
        else:
            p_el.append(_run(piece, bold=bold))


def add_line(container, line: str) -> None:
    """One line of markup as a paragraph in a python-docx container (document, cell, header)."""
    if line == "@@PAGEBREAK@@":
        container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return
    style, bold, text = None, False, line
    for prefix, st, b in (("##b ", None, True), ("#b ", None, True), ("## ", "Heading 2", False),
                          ("# ", "Heading 1", False), ("- ", "List Bullet", False)):
        if line.startswith(prefix):
            style, bold, text = st, b, line[len(prefix):]
            break
    p = container.add_paragraph(style=style)
    fill_paragraph(p._p, text, bold=bold)


def add_lines(container, lines) -> None:
    """Lines of markup; consecutive lines "| a | b |" become one table."""
    if isinstance(lines, str):
        lines = lines.strip("\n").split("\n")
    rows: list[list[str]] = []
    for line in [*lines, None]:
        if line is not None and line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if rows:
            add_table(container, rows)
            rows = []
        if line is not None:
            add_line(container, line)


def fill_cell(cell, text: str) -> None:
    """Cell text: lines separated by "\\n" become paragraphs (the cell's first, empty paragraph is reused)."""
    lines = text.split("\n")
    first = cell.paragraphs[0]
    fill_paragraph(first._p, lines[0].removeprefix("#b "), bold=lines[0].startswith("#b "))
    for line in lines[1:]:
        add_line(cell, line)


def add_table(container, rows, width=None) -> None:
    ncols = max(len(r) for r in rows)
    if width is None:
        table = container.add_table(rows=len(rows), cols=ncols)
    else:
        table = container.add_table(rows=len(rows), cols=ncols, width=width)
    for i, row in enumerate(rows):
        for j, cell_text in enumerate(row):
            fill_cell(table.cell(i, j), cell_text)


# --- text boxes -------------------------------------------------------------------------------

def _txbx_content(lines) -> etree._Element:
    doc = docx.Document()
    holder = doc._body._body
    for child in list(holder):
        if child.tag != qn("w:sectPr"):
            holder.remove(child)
    add_lines(doc, lines)
    content = etree.Element(qn("w:txbxContent"))
    for child in list(holder):
        if child.tag == qn("w:p"):
            content.append(child)
    return content


_WPS = f"""<w:drawing {_NSDECL}><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
 relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>{{x}}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="page"><wp:posOffset>{{y}}</wp:posOffset></wp:positionV>
<wp:extent cx="{{cx}}" cy="{{cy}}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{{id}}" name="Tekstboks {{id}}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{{cx}}" cy="{{cy}}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx/><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"""

_VML = f"""<w:pict {_NSDECL}><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
 path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>
</v:shapetype><v:shape id="Tekstboks {{id}}" o:spid="_x0000_s10{{id}}" type="#_x0000_t202"
 style="position:absolute;margin-left:{{left}}pt;margin-top:{{top}}pt;width:{{w}}pt;height:{{h}}pt;z-index:251659264;mso-position-horizontal-relative:page;mso-position-vertical-relative:page"
 stroked="f"><v:textbox inset="0,0,0,0"/></v:shape></w:pict>"""


def _wps_drawing(lines, box_id: int, pos) -> etree._Element:
    x, y, cx, cy = (int(v * 12700) for v in pos)   # points to EMU
    el = etree.fromstring(_WPS.format(x=x, y=y, cx=cx, cy=cy, id=box_id))
    el.find(".//wps:txbx", NS).append(_txbx_content(lines))
    return el


def _vml_pict(lines, box_id: int, pos) -> etree._Element:
    left, top, w, h = pos
    el = etree.fromstring(_VML.format(left=left, top=top, w=w, h=h, id=box_id))
    el.find(".//v:textbox", NS).append(_txbx_content(lines))
    return el


def add_textbox(container, lines, shape: str, box_id: int, pos) -> None:
    p = container.add_paragraph()
    r = _run()
    if shape == "wps":
        r.append(_wps_drawing(lines, box_id, pos))
    elif shape == "vml":
        r.append(_vml_pict(lines, box_id, pos))
    elif shape == "alt":
        ac = etree.SubElement(r, f"{{{NS['mc']}}}AlternateContent")
        choice = etree.SubElement(ac, f"{{{NS['mc']}}}Choice")
        choice.set("Requires", "wps")
        choice.append(_wps_drawing(lines, box_id, pos))
        fallback = etree.SubElement(ac, f"{{{NS['mc']}}}Fallback")
        fallback.append(_vml_pict(lines, box_id, pos))
    else:
        raise ValueError(f"unknown text box shape {shape!r}")
    p._p.append(r)


# --- documents --------------------------------------------------------------------------------

def build_docx(spec: dict) -> bytes:
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = spec.get("font", "Arial")
    normal.font.size = Pt(spec.get("font_size", 11))
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2.5)
    box_id = 1
    for block in spec["block"]:
        kind = block["kind"]
        if kind == "text":
            add_lines(doc, block["text"])
        elif kind == "table":
            add_table(doc, block["rows"])
        elif kind == "textbox":
            pos = block.get("pos", [350, 60 + 90 * (box_id - 1), 190, 110])
            add_textbox(doc, block["lines"], block.get("shape", "wps"), box_id, pos)
            box_id += 1
        elif kind in ("header", "footer"):
            if block.get("first_page"):
                section.different_first_page_header_footer = True
                part = section.first_page_header if kind == "header" else section.first_page_footer
            else:
                part = section.header if kind == "header" else section.footer
            part.is_linked_to_previous = False
            holder = part._element
            for p in list(holder):
                holder.remove(p)
            if "rows" in block:
                add_table(part, block["rows"], width=Cm(16))
            if "lines" in block:
                add_lines(part, block["lines"])
            if "textbox" in block:
                add_textbox(part, block["textbox"], block.get("shape", "wps"), box_id,
                            block.get("pos", [350, 40, 190, 120]))
                box_id += 1
            if not len(holder):
                part.add_paragraph()
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "Fjordby Kommune"
    cp.title = spec.get("title", "")
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with a fixed time stamp on every entry, so a rebuild gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def output_name(spec_path: Path, spec: dict) -> str:
    return f"{spec_path.stem}.{spec['format']}"


def build_one(spec_path: Path) -> tuple[str, bytes]:
    spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
    fmt = spec["format"]
    if fmt == "docx":
        data = build_docx(spec)
    elif fmt in ("txt", "html"):
        text = spec["text"]
        data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    else:
        raise ValueError(f"{spec_path.name}: unknown format {fmt!r}")
    return output_name(spec_path, spec), data


def build_all(out: Path = HERE, src: Path = SRC) -> list[Path]:
    written = []
    for spec_path in sorted(src.glob("*.toml")):
        name, data = build_one(spec_path)
        target = out / name
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(HERE), help="folder for the built templates")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for path in build_all(out):
        print(path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
