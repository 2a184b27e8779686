"""Annotated copies of .docx letters: one Word comment per finding, anchored on the finding's words.

The reader gives every body paragraph block its index in python-docx's
``Document.paragraphs`` (``Block.source_index``). For each such paragraph we
rebuild the text the reader saw, run by run, align it with the block's text
(``difflib``: the reader strips, adds list labels and drops soft hyphens), and
so know which run holds each character. Runs are split at the finding's first
and last character, so the comment covers exactly the finding's words.

Findings in text the reader could not tie to a body paragraph (table cells,
text boxes, headers, footers) are looked up by their text in the other
paragraphs of the body; if that fails too, the comment goes on the nearest
body paragraph and quotes the words it is about.
"""
from __future__ import annotations

import copy
import difflib
import io
from pathlib import Path

from ..readers._layout import clean_block_text
from ..readers.docx_reader import MC_AC, W_P, W_R, W_T, W_TXBX, _SKIP, _text_of, merge_field_name, w
from ..readers.model import Document
from ..report.model import Report
from ..report.safe import mask as mask_cprs

AUTHOR = "letterlab"
INITIALS = "LL"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ONE_CHAR = {w("tab"): "\t", w("ptab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}


def _run_len_items(r):
    """(child, text) for each content child of a run, in order; text may be ''."""
    for c in r:
        tag = c.tag
        if not isinstance(tag, str) or tag == w("rPr"):
            continue
        if tag == W_T:
            yield c, _text_of(c)
        elif tag in _ONE_CHAR:
            yield c, _ONE_CHAR[tag]
        else:
            yield c, ""


def _hidden(r) -> bool:
    rpr = r.find(w("rPr"))
    if rpr is None:
        return False
    v = rpr.find(w("vanish"))
    return v is not None and v.get(w("val"), "true") not in ("0", "false", "off")


class _Chars:
    """The text of one paragraph as the reader sees it, with the (run, offset) behind each char."""

    def __init__(self, p):
        self.text: list[str] = []
        self.owner: list[tuple | None] = []
        self.fields: list[dict] = []
        self._walk(p)

    def _emit(self, s: str, owner=None):
        for k, ch in enumerate(s):
            self.text.append(ch)
            self.owner.append(None if owner is None else (owner[0], owner[1] + k))

    def _suppressed(self) -> bool:
        return any(f["phase"] == "instr" or f["merge"] for f in self.fields)

    def _walk(self, el):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == W_TXBX:
                continue
            if tag == W_R:
                self._run(child)
            elif tag == w("fldSimple"):
                name = merge_field_name(child.get(w("instr")))
                if name is not None:
                    self._emit(f"«{name}»")
                else:
                    self._walk(child)
            elif tag == MC_AC:
                continue  # drawings and text boxes: their own blocks in the reader
            else:
                self._walk(child)

    def _run(self, r):
        hidden = _hidden(r)
        pos = 0
        for c, s in _run_len_items(r):
            tag = c.tag
            if tag == w("fldChar"):
                kind = c.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.append({"instr": "", "phase": "instr", "merge": None})
                elif kind == "separate" and self.fields and self.fields[-1]["phase"] == "instr":
                    top = self.fields[-1]
                    top["phase"] = "result"
                    name = merge_field_name(top["instr"])
                    if name is not None:
                        self._emit(f"«{name}»")
                        top["merge"] = name
                elif kind == "end" and self.fields:
                    top = self.fields.pop()
                    if top["phase"] == "instr":
                        name = merge_field_name(top["instr"])
                        if name is not None:
                            self._emit(f"«{name}»")
            elif tag == w("instrText"):
                if self.fields and self.fields[-1]["phase"] == "instr":
                    self.fields[-1]["instr"] += _text_of(c)
            elif s and not hidden and not self._suppressed():
                self._emit(s, (r, pos))
            pos += len(s)

    @property
    def string(self) -> str:
        return "".join(self.text)


def _align(block_text: str, chars: _Chars) -> list[int | None]:
    """For each char of the block, the index of the same char in the paragraph's run text."""
    out: list[int | None] = [None] * len(block_text)
    sm = difflib.SequenceMatcher(None, block_text, chars.string, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            out[a + k] = b + k
    return out


def _run_length(r) -> int:
    return sum(len(s) for _, s in _run_len_items(r))


def _split_run(r, k: int):
    """Split run ``r`` at char ``k``; ``r`` keeps [0, k), the returned new run holds the rest."""
    right = copy.deepcopy(r)
    pos = 0
    left_items = list(_run_len_items(r))
    right_items = list(_run_len_items(right))
    for (lc, s), (rc, _) in zip(left_items, right_items):
        n = len(s)
        if n and pos + n <= k or not n and pos < k:
            r_remove, l_remove = True, False
        elif pos >= k:
            r_remove, l_remove = False, True
        else:  # a w:t straddling the cut
            cut = k - pos
            lc.text = s[:cut]
            rc.text = s[cut:]
            for el in (lc, rc):
                for sub in list(el):
                    el.remove(sub)
                el.set(XML_SPACE, "preserve")
            r_remove = l_remove = False
        if l_remove:
            r.remove(lc)
        if r_remove:
            right.remove(rc)
        pos += n
    r.addnext(right)
    return right


class _Paragraph:
    def __init__(self, p_el, block_text: str | None):
        self.el = p_el
        self.chars = _Chars(p_el)
        self.map = _align(block_text, self.chars) if block_text is not None else None

    def locate(self, first: int, last: int):
        """(run, offset) of the first and last mapped chars within block offsets [first, last]."""
        if self.map is None:
            return None
        idx = [self.map[i] for i in range(max(first, 0), min(last, len(self.map) - 1) + 1) if self.map[i] is not None]
        owned = [self.chars.owner[i] for i in idx if self.chars.owner[i] is not None]
        if not owned:
            return None
        return owned[0], owned[-1]

    def find(self, needle: str):
        at = self.chars.string.find(needle)
        if at < 0 or not needle:
            return None
        owned = [o for o in self.chars.owner[at:at + len(needle)] if o is not None]
        return (owned[0], owned[-1]) if owned else None


def annotate_docx(data: bytes, document: Document, report: Report, out_path: str | Path,
                  titles: dict[str, str] | None = None) -> int:
    """Write a copy of the .docx with a comment per finding; returns the number of comments."""
    import docx
    from docx.text.run import Run

    titles = titles or {}
    wd = docx.Document(io.BytesIO(data))
    body_paras = wd.paragraphs
    text = document.text
    paras: dict[int, _Paragraph] = {}
    for b in document.blocks:
        if 0 <= b.source_index < len(body_paras):
            paras[b.source_index] = _Paragraph(body_paras[b.source_index]._p, text[b.start:b.end])
    top_level = {id(p._p) for p in body_paras}
    others = [_Paragraph(p, None) for p in wd.element.body.iter(W_P) if id(p) not in top_level]
    indexed = [b for b in document.blocks if b.source_index in paras]

    anchors = []   # (finding, (run, off) first, (run, off) last, note)
    for f in report.findings:
        hit = _anchor(f, indexed, paras, others, text)
        if hit is None:
            hit = _fallback(f, indexed, paras, body_paras)
            if hit is None:
                continue
        anchors.append((f, *hit))

    # Cut runs at every anchor boundary first, then look the pieces up.
    cuts: dict[int, tuple] = {}
    for _, (r1, o1), (r2, o2), _ in anchors:
        cuts.setdefault(id(r1), (r1, set()))[1].add(o1)
        cuts.setdefault(id(r2), (r2, set()))[1].add(o2 + 1)
    pieces: dict[int, list] = {}
    for key, (r, offs) in cuts.items():
        n = _run_length(r)
        made = [(0, r)]
        for k in sorted((o for o in offs if 0 < o < n), reverse=True):
            made.append((k, _split_run(r, k)))
        pieces[key] = sorted(made, key=lambda t: t[0])

    def piece(r, off):
        found = r
        for start, el in pieces.get(id(r), [(0, r)]):
            if start <= off:
                found = el
        return found

    count = 0
    explained: set[str] = set()
    for f, (r1, o1), (r2, o2), note in sorted(anchors, key=lambda a: (a[0].start, a[0].end)):
        first, last = piece(r1, o1), piece(r2, o2)
        parent = first.getparent()
        body = comment_text(f, note, titles.get(f.rule), first_of_rule=f.rule not in explained)
        explained.add(f.rule)
        wd.add_comment([Run(first, parent), Run(last, last.getparent())], text=body, author=AUTHOR, initials=INITIALS)
        count += 1
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    wd.save(str(out_path))
    return count


def comment_text(f, note: str, title: str | None, first_of_rule: bool) -> str:
    """A short comment: the message first; the rule's explanation only on its first comment in the letter."""
    body = note + f.message
    if first_of_rule and f.explanation:
        body += "\nHvorfor? " + " ".join(f.explanation.split())
    elif title:
        body += f"\n(Se forklaringen ved det første fund af »{title}«.)"
    return body


def _anchor(f, indexed, paras, others, text):
    over = [b for b in indexed if b.start < f.end and f.start < b.end]
    if over:
        first_b, last_b = over[0], over[-1]
        a = paras[first_b.source_index].locate(f.start - first_b.start, first_b.end - first_b.start - 1)
        z = paras[last_b.source_index].locate(0, f.end - 1 - last_b.start)
        if a and z:
            return a[0], z[1], ""
    needle = clean_block_text(text[f.start:f.end])
    for p in others:
        hit = p.find(needle)
        if hit:
            return hit[0], hit[1], ""
    return None


def _fallback(f, indexed, paras, body_paras):
    """Anchor on the whole nearest body paragraph, quoting the words the finding is about."""
    before = [b for b in indexed if b.start <= f.start] or indexed
    for b in (before[-1:] + indexed):
        loc = paras[b.source_index].locate(0, b.end - b.start)
        if loc:
            words = " ".join(f.text.split())
            if len(words) > 80:
                words = mask_cprs(words[:79]) + "…"      # cut after ten digits, a longer number can read as a CPR number
            return loc[0], loc[1], f"Gælder teksten “{words}”: "
    return None
