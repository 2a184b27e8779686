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

# A placeholder's name: letters, digits, spaces, _ - . / ; it starts and ends with a letter,
# digit or underscore, so Danish quotes like »Send« ... «, og» are never mistaken for one.
_PH_NAME = r"[0-9A-Za-zÆØÅæøåÉé_](?:[0-9A-Za-zÆØÅæøåÉé_ ./-]{0,48}[0-9A-Za-zÆØÅæøåÉé_])?"
PLACEHOLDER_RE = re.compile(
    r"\{\{\s*" + _PH_NAME + r"\s*\}\}"   # {{navn}}
    r"|\{" + _PH_NAME + r"\}"             # {navn}
    r"|«" + _PH_NAME + r"»"               # «Navn»
    r"|<<" + _PH_NAME + r">>"             # <<Navn>>
    r"|\[(?=[A-Za-zÆØÅæøå_])" + _PH_NAME + r"\]"  # [Navn]
)

SALUTATION_RE = re.compile(r"^(kære|hej|goddag|til)\b", re.I)
CONTACT_LINE_RE = re.compile(r"^(\S+@\S+\.\w+|(https?://|www\.)\S+|[\w.-]+\.(dk|com|org|net|eu)(/\S*)?)\s*$")
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
        # A lower-case line is a continued sentence, unless it is a lone e-mail or web address.
        return True if CONTACT_LINE_RE.match(nxt) and len(prev_line) < SHORT_LINE else False
    if prev_line.endswith(END_PUNCT) and _starts_upper(nxt):
        return True
    if (len(prev_line) < SHORT_LINE and _starts_upper(nxt)
            and (not prev_line.endswith((",", "-", "–")) or SALUTATION_RE.match(prev_line))):
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
    "matr.", "matr.nr.", "sagsnr.", "j.nr.", "jnr.", "journalnr.", "lb.nr.", "lbk.", "nr.", "ref.",
    "mobil.", "telefonnr.", "tlf.nr.", "hhv.", "iflg.", "ifølge.", "ovenst.", "ndf.", "gl.",
}
# After these an upper-case word may still start a new sentence ("... 500 kr. Pengene ...").
ABBREV_CAN_END = {"kr.", "mv.", "m.v.", "osv.", "mm.", "m.m.", "ff.", "mdr.", "th.", "tv.", "mio.", "mia."}
CLOSING_PUNCT = {".", ",", "!", "?", ":", ";", ")", "]", "…", "...", "”"}
CLOSING_QUOTES = {'"', "'", "”", "’", "»", ")", "]"}
OPENING = set("\"'“„«»([{<§")
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
    prev_content = None  # index of the previous non-space token
    for i, tok in enumerate(doc):
        if tok.is_space:
            if i > 0:
                tok.is_sent_start = False
            continue
        if prev_content is not None:
            p = doc[prev_content]
            decision = break_decision(text, p.idx + len(p.text), tok.idx)
            if decision is None:
                decision = within_line_decision(doc, prev_content, tok, text)
            if decision is not None:
                tok.is_sent_start = decision
        prev_content = i
    if len(doc) and doc[0].is_sent_start is None:
        doc[0].is_sent_start = True
    return doc


def _ends_sentence(doc: Doc, j: int) -> bool:
    """Whether the token at ``j`` (skipping closing quotes/brackets) is sentence-final punctuation."""
    while j >= 0 and doc[j].text in CLOSING_QUOTES:
        j -= 1
    if j < 0:
        return False
    t = doc[j].text
    low = t.lower()
    if t in ("!", "?", "...", "…"):
        return True
    if t == ".":
        prev = doc[j - 1].text.lower() + "." if j > 0 else ""
        return not (prev in ABBREV and prev not in ABBREV_CAN_END)
    if t.endswith(".") and len(t) > 1:
        if low in ABBREV:
            return low in ABBREV_CAN_END
        if re.fullmatch(r"[A-ZÆØÅ]\.", t):
            return False  # initials "A."
        return True       # an unlisted abbreviation or a word the tokenizer kept the stop on
    return False


def within_line_decision(doc: Doc, j: int, tok: Token, text: str) -> bool | None:
    """Sentence start for ``tok`` when no line break separates it from the token at ``j``.

    Inside a line a sentence only ends at . ! ? (possibly followed by a closing
    quote or bracket), never after an abbreviation that cannot end one, and
    the next sentence starts with a capital letter, a digit or an opening
    quote/bracket. Everything else stays in the sentence.
    """
    p = doc[j]
    if _is_bullet_marker(text, p):
        return False
    first = tok.text[:1]
    if tok.text in CLOSING_PUNCT or tok.text in CLOSING_QUOTES and tok.idx == p.idx + len(p.text):
        return False
    if p.text.lower() in ABBREV and p.text.lower() not in ABBREV_CAN_END:
        return False
    if _ends_sentence(doc, j):
        if first.isupper() or first in OPENING or (first.isdigit() and not ORDINAL_RE.match(p.text)):
            return True
        if ORDINAL_RE.match(p.text) or p.text.lower() in ABBREV:
            return False
        return None
    return False


def content_sents(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence without surrounding whitespace tokens."""
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if toks:
            out.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return out
