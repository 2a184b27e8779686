"""Letter-aware sentence boundaries and template placeholders, as spaCy components.

Letters are not newswire. ``letterlab_segmenter`` runs before the parser and
presets ``is_sent_start`` so that the parser only decides the cases in between:

* A blank line always ends a sentence (headings, "Kære Anne", paragraphs).
* A single line break ends a sentence when the next line starts a bullet,
  when the line before was a bullet, when the line before ends with . ! ? : ;
  and the next line starts with a capital letter or digit, or when the line
  before is short (under 60 characters, no end punctuation: headings, address
  blocks, "Med venlig hilsen", names, titles) and the next line starts with a
  capital letter, a digit or a placeholder. A line break before a lower-case
  word never ends a sentence (a hard-wrapped paragraph).
* Within a line, the word after an abbreviation (``kl.``, ``jf.``, ``bl.a.``,
  ``stk.``, ``nr.``, ``ca.``...) or after an ordinal/date number ("12.
  november", "3. klasse") never starts a sentence when it is lower case, a
  digit or "§".

Whitespace tokens belong to the sentence before them. Offsets are untouched:
the components never change the text.

``letterlab_placeholders`` merges template placeholders (``{navn}``,
``{{navn}}``, ``«Navn»``, ``[Navn]``, ``<<Navn>>``) into single tokens flagged
``token._.placeholder`` so that checks treat them as names, not words.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

PLACEHOLDER_RE = re.compile(
    r"\{\{\s*[^{}\n]{1,60}?\s*\}\}"       # {{navn}}
    r"|\{[A-Za-zÆØÅæøå_][^{}\n]{0,60}\}"  # {navn}
    r"|«[^«»\n]{1,60}»"                   # «Navn»
    r"|<<[^<>\n]{1,60}>>"                 # <<Navn>>
    r"|\[[A-ZÆØÅa-zæøå][^\[\]\n]{0,60}\]"  # [Navn]
)

BULLET_RE = re.compile(r"^[ \t]*(?:[-•*–·▪‣◦]|\d{1,2}[.)]|[a-zA-Z][)])[ \t]+")
END_PUNCT = tuple(".!?:;")
SHORT_LINE = 60

if not Token.has_extension("placeholder"):
    Token.set_extension("placeholder", default=False)


def find_placeholders(text: str) -> list[tuple[int, int]]:
    """Character spans of template placeholders in ``text``."""
    return [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]


@Language.component("letterlab_placeholders")
def placeholders_component(doc: Doc) -> Doc:
    spans = []
    for start, end in find_placeholders(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) >= 1:
            spans.append(span)
    if spans:
        from spacy.util import filter_spans

        spans = filter_spans(spans)
        with doc.retokenize() as retok:
            for span in spans:
                if len(span) > 1:
                    retok.merge(span)
        for span in spans:
            s = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
            if s is not None:
                for t in s:
                    t._.placeholder = True
    return doc


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _starts_upper(s: str) -> bool:
    s = s.lstrip()
    if not s:
        return False
    c = s[0]
    return c.isupper() or c.isdigit() or c in "«{[<\"'(§“„"


def break_decision(text: str, gap_start: int, gap_end: int) -> bool | None:
    """Whether the whitespace ``text[gap_start:gap_end]`` ends a sentence (None: let the parser decide)."""
    gap = text[gap_start:gap_end]
    n = gap.count("\n")
    if n == 0:
        return None
    if n >= 2 or re.search(r"\n[ \t]*\n", gap):
        return True
    prev_start, _ = _line_bounds(text, gap_start)
    prev_line = text[prev_start:gap_start].strip()
    nl = gap_start + gap.rfind("\n") + 1
    _, next_end = _line_bounds(text, nl)
    next_line = text[nl:next_end]
    if BULLET_RE.match(next_line) or BULLET_RE.match(text[prev_start:gap_start]):
        return True
    nxt = next_line.lstrip()
    if nxt[:1].islower():
        return False
    if prev_line.endswith(END_PUNCT) and _starts_upper(nxt):
        return True
    if (len(prev_line) < SHORT_LINE and not prev_line.endswith((",", "-", "–"))
            and _starts_upper(nxt)):
        return True
    return None


ABBREV = {
    "kl.", "jf.", "jvf.", "bl.a.", "f.eks.", "fx.", "dvs.", "ca.", "nr.", "stk.", "tlf.", "evt.",
    "mv.", "m.v.", "mm.", "m.m.", "inkl.", "ekskl.", "vedr.", "hhv.", "pga.", "p.g.a.", "osv.",
    "o.l.", "ang.", "att.", "d.", "s.", "pkt.", "afd.", "adm.", "st.", "th.", "tv.", "sml.",
    "ift.", "i.f.t.", "iht.", "i.h.t.", "mht.", "m.h.t.", "vha.", "v.h.a.", "el.", "tilsv.",
    "ff.", "kap.", "lovbek.", "bek.", "cpr.", "cpr.nr.", "reg.", "reg.nr.", "kto.", "kto.nr.",
    "mdr.", "md.", "uge.", "årg.", "ex.", "resp.", "kr.", "ekspl.", "bilag.", "jan.", "feb.",
    "mar.", "apr.", "aug.", "sep.", "sept.", "okt.", "nov.", "dec.", "man.", "tirs.", "ons.",
    "tors.", "fre.", "lør.", "søn.", "prof.", "dr.", "hr.", "fr.", "ndr.", "sdr.", "vest.",
}
# After these an upper-case word may still start a new sentence ("... 500 kr. Pengene ...").
ABBREV_CAN_END = {"kr.", "mv.", "m.v.", "osv.", "mm.", "m.m.", "inkl.", "ff.", "mdr.", "evt."}
ORDINAL_RE = re.compile(r"^\d{1,4}\.$")


def _is_bullet_marker(text: str, tok: Token) -> bool:
    """True for the "-", "•" or "1." that starts a bullet line."""
    line_start = text.rfind("\n", 0, tok.idx) + 1
    if text[line_start:tok.idx].strip():
        return False
    m = BULLET_RE.match(text[line_start:])
    return bool(m) and line_start + len(m.group(0).rstrip()) == tok.idx + len(tok.text)


@Language.component("letterlab_segmenter")
def segmenter_component(doc: Doc) -> Doc:
    text = doc.text
    n = len(doc)
    prev_content = None  # index of the previous non-space token
    for i, tok in enumerate(doc):
        if tok.is_space:
            if i > 0:
                tok.is_sent_start = False
            continue
        if prev_content is None:
            prev_content = i
            continue
        p = doc[prev_content]
        decision = break_decision(text, p.idx + len(p.text), tok.idx)
        if decision is None and _is_bullet_marker(text, p):
            decision = False
        if decision is None:
            ptext = p.text.lower()
            if (ptext in ABBREV or ORDINAL_RE.match(ptext)) and (
                tok.text[:1].islower() or tok.text[:1].isdigit() or tok.text[:1] == "§"
                or (ptext not in ABBREV_CAN_END and not ORDINAL_RE.match(ptext)
                    and ptext in ABBREV and tok.is_alpha and tok.text[:1].isupper()
                    and ptext in {"hr.", "fr.", "dr.", "prof.", "att.", "st."})
            ):
                decision = False
        if decision is not None:
            tok.is_sent_start = decision
        prev_content = i
    if n and doc[0].is_sent_start is None:
        doc[0].is_sent_start = True
    return doc


def content_sents(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence without surrounding whitespace tokens."""
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if toks:
            out.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return out
