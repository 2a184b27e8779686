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

* No sentence is longer than ``MAX_SENT`` tokens: a longer stretch without a
  sentence start (one "sentence" of 30,000 words, one word a line in lower case)
  gets a start after its last comma, semicolon, colon or line break in the
  second half of ``MAX_SENT`` tokens, or else after ``MAX_SENT`` tokens. The
  parser never joins preset sentences, and its work on one sentence grew
  quadratically with the sentence's length when the sentence held whitespace
  tokens (a 16,000-token "sentence" of one word a line: 12.7 s in the parser;
  #15). Letters have no such sentences (the longest in the corpora is far
  shorter), so they are segmented as before.

Whitespace tokens belong to the sentence before them. Offsets are untouched:
the components never change the text, so ``doc_text`` keeps one copy of it on
the doc for the components and the checks.

``letterlab_placeholders`` merges template placeholders (``{navn}``,
``{{navn}}``, ``«Navn»``, ``[Navn]``, ``<<Navn>>``) into single tokens flagged
``token._.placeholder`` so that checks treat them as names, not words.
"""
from __future__ import annotations

import re
from letterlab import rxcache

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from .text import PLACEHOLDER_RE, TEXT_KEY, doc_text, find_placeholders  # noqa: F401  (re-exported)

SALUTATION_RE = rxcache.compile(r"^(kære|hej|goddag|til)\b", re.I)
CONTACT_LINE_RE = rxcache.compile(r"^(\S+@\S+\.\w+|(https?://|www\.)\S+|[\w.-]+\.(dk|com|org|net|eu)(/\S*)?)\s*$")
BULLET_RE = rxcache.compile(r"^[ \t]*(?:[-•*–·▪‣◦]|\d{1,2}[.)]|[a-zA-Z][)])[ \t]+")
END_PUNCT = tuple(".!?:;")
SHORT_LINE = 60
MAX_SENT = 200        # tokens (whitespace tokens included) in one sentence at most; see the module text

if not Token.has_extension("placeholder"):
    Token.set_extension("placeholder", default=False)


@Language.component("letterlab_placeholders")
def placeholders_component(doc: Doc) -> Doc:
    spans = []
    for start, end in find_placeholders(doc_text(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) >= 1:
            spans.append(span)
    if spans:
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
    "kl.", "jf.", "jvf.", "bl.a.", "f.eks.", "fx.", "dvs.", "ca.", "nr.", "stk.", "tlf.", "evt.", "p.t.",
    "mv.", "m.v.", "mm.", "m.m.", "inkl.", "ekskl.", "vedr.", "hhv.", "pga.", "p.g.a.", "osv.",
    "o.l.", "ang.", "att.", "d.", "s.", "pkt.", "afd.", "adm.", "st.", "th.", "tv.", "sml.",
    "ift.", "i.f.t.", "iht.", "i.h.t.", "mht.", "m.h.t.", "vha.", "v.h.a.", "el.", "tilsv.",
    "ff.", "kap.", "lovbek.", "bek.", "cpr.", "cpr.nr.", "reg.", "reg.nr.", "kto.", "kto.nr.",
    "mdr.", "md.", "årg.", "ex.", "resp.", "kr.", "ekspl.", "jan.", "feb.",
    "mar.", "apr.", "aug.", "sep.", "sept.", "okt.", "nov.", "dec.", "man.", "tirs.", "ons.",
    "tors.", "fre.", "lør.", "søn.", "prof.", "dr.", "hr.", "fr.", "ndr.", "sdr.", "vest.",
    "matr.", "matr.nr.", "sagsnr.", "j.nr.", "jnr.", "journalnr.", "lb.nr.", "lbk.", "nr.", "ref.",
    "mobil.", "telefonnr.", "tlf.nr.", "hhv.", "iflg.", "ovenst.", "ndf.", "gl.", "pr.", "pct.",
}
# "uge", "bilag" and "ifølge" are whole words, not abbreviations: a sentence may end with them ("… hver uge.
# Hjælpen …", "… i vedlagte bilag. Du kan …"); in ABBREV they joined two sentences into one.
# After these an upper-case word may still start a new sentence ("... 500 kr. Pengene ...").
ABBREV_CAN_END = {"kr.", "mv.", "m.v.", "osv.", "mm.", "m.m.", "ff.", "mdr.", "th.", "tv.", "mio.", "mia.", "pct."}
CLOSING_PUNCT = {".", ",", "!", "?", ":", ";", ")", "]", "…", "...", "”"}
CLOSING_QUOTES = {'"', "'", "”", "’", "»", ")", "]"}
OPENING = set("\"'“„«»([{<§")
ORDINAL_RE = rxcache.compile(r"^\d{1,4}\.$")


# A bullet marker at any line start (BULLET_RE anchors to the start of the string only).
_BULLET_LINE_RE = rxcache.compile(BULLET_RE.pattern, re.M)
# Last characters of a token after which a sentence may end inside a line (see _ends_sentence).
_END_CHARS = frozenset(".!?…") | CLOSING_QUOTES


def _bullet_markers(text: str) -> dict[int, int]:
    """Line start -> end of the bullet marker ("-", "•", "1.") that starts that line."""
    return {m.start(): m.start() + len(m.group(0).rstrip()) for m in _BULLET_LINE_RE.finditer(text)}


@Language.component("letterlab_segmenter")
def segmenter_component(doc: Doc) -> Doc:
    n = len(doc)
    if not n:
        return doc
    text = doc_text(doc)
    arr = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).view(numpy.int64)
    idx = arr[:, 0].tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
    space = arr[:, 2].tolist()
    old = arr[:, 3]
    # Inside a line, a token after one that cannot end a sentence never starts one, and whitespace
    # belongs to the sentence before it: every token is "no" but the first one and the first word...
    new = numpy.full(n, -1, dtype=numpy.int64)
    new[0] = old[0]
    if 0 in space:
        first = space.index(0)
        new[first] = old[first]
    # ...and the words after sentence-final punctuation or a line break, decided below.
    prev_of: dict[int, int] = {}  # such a word -> the word before it
    for p in [j for j, e in enumerate(ends) if text[e - 1] in _END_CHARS]:
        k = p + 1
        while k < n and space[k]:
            k += 1
        if k < n:
            prev_of[k] = p
    for j in [j for j, s in enumerate(space) if s]:
        if text.find("\n", idx[j], ends[j]) >= 0:
            p, k = j - 1, j + 1
            while p >= 0 and space[p]:
                p -= 1
            while k < n and space[k]:
                k += 1
            if p >= 0 and k < n:
                prev_of[k] = p
    if prev_of:
        bullets = _bullet_markers(text)
        for k, p in prev_of.items():
            decision = None
            if text.find("\n", ends[p], idx[k]) >= 0:
                decision = break_decision(text, ends[p], idx[k])
            if decision is None:
                decision = _within_line(text, idx, ends, bullets, p, k)
            if decision is not None:
                new[k] = 1 if decision else -1
            else:
                new[k] = old[k]
    if new[0] == 0:
        new[0] = 1
    if n > MAX_SENT:
        cap_sentences(new, text, idx, ends, space)
    doc.from_array([SENT_START], new.view(numpy.uint64))
    return doc


_CUT_AFTER = frozenset(",;:")


def cap_sentences(new, text: str, idx: list[int], ends: list[int], space: list[int], limit: int | None = None) -> int:
    """Preset a sentence start (``new[k] = 1``) wherever more than ``limit`` tokens (``MAX_SENT``) would
    follow the last start; returns how many starts were added. The start goes to the latest word in
    the second half of the stretch that follows a comma, semicolon, colon or line break, or else to
    the word that would make the stretch too long. Whitespace tokens never start a sentence.
    One pass over the tokens."""
    limit = limit or MAX_SENT
    n = len(idx)
    last, good, added = 0, -1, 0
    for i in range(1, n):
        if new[i] == 1:
            last, good = i, -1
            continue
        if space[i]:
            continue
        if i - last >= limit:
            k = good if good > last + limit // 2 else i
            new[k] = 1
            last, good, added = k, -1, added + 1
            continue
        p = i - 1
        if (space[p] and text.find("\n", idx[p], ends[p]) >= 0) or text[ends[p] - 1] in _CUT_AFTER:
            good = i
    return added


def _ends_sentence(text: str, idx: list[int], ends: list[int], j: int) -> bool:
    """Whether token ``j`` (skipping closing quotes/brackets) is sentence-final punctuation."""
    while j >= 0 and text[idx[j]:ends[j]] in CLOSING_QUOTES:
        j -= 1
    if j < 0:
        return False
    t = text[idx[j]:ends[j]]
    low = t.lower()
    if t in ("!", "?", "...", "…"):
        return True
    if t == ".":
        prev = text[idx[j - 1]:ends[j - 1]].lower() + "." if j > 0 else ""
        return not (prev in ABBREV and prev not in ABBREV_CAN_END)
    if t.endswith(".") and len(t) > 1:
        if low in ABBREV:
            return low in ABBREV_CAN_END
        if re.fullmatch(r"[A-ZÆØÅ]\.", t):
            return False  # initials "A."
        return True       # an unlisted abbreviation or a word the tokenizer kept the stop on
    return False


def _within_line(text: str, idx: list[int], ends: list[int], bullets: dict[int, int],
                 j: int, i: int) -> bool | None:
    """Sentence start for token ``i`` after token ``j`` by the rules inside a line (also used when a
    line break between them was left open by :func:`break_decision`).

    Inside a line a sentence only ends at . ! ? (possibly followed by a closing
    quote or bracket), never after an abbreviation that cannot end one, and
    the next sentence starts with a capital letter, a digit or an opening
    quote/bracket. Everything else stays in the sentence. ``idx``/``ends`` are
    the tokens' character offsets, ``bullets`` comes from :func:`_bullet_markers`.
    """
    line_start = text.rfind("\n", 0, idx[j]) + 1
    if bullets.get(line_start) == ends[j] and not text[line_start:idx[j]].strip():
        return False  # the "-", "•" or "1." that starts a bullet line
    p, t = text[idx[j]:ends[j]], text[idx[i]:ends[i]]
    first = t[:1]
    if t in CLOSING_PUNCT or t in CLOSING_QUOTES and idx[i] == ends[j]:
        return False
    low = p.lower()
    if low in ABBREV and low not in ABBREV_CAN_END:
        return False
    if _ends_sentence(text, idx, ends, j):
        if first.isupper() or first in OPENING or (first.isdigit() and not ORDINAL_RE.match(p)):
            return True
        if ORDINAL_RE.match(p) or low in ABBREV:
            return False
        return None
    return False


def content_sents(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence (as ``doc.sents``) without surrounding whitespace tokens."""
    if not doc.has_annotation("SENT_START"):
        raise ValueError("content_sents needs sentence boundaries")
    arr = doc.to_array([SENT_START, IS_SPACE, IDX, LENGTH])
    space = arr[:, 1].tolist()
    starts = (numpy.flatnonzero(arr[1:, 0] == 1) + 1).tolist()
    out = []
    for a, b in zip([0] + starts, starts + [len(doc)]):
        while a < b and space[a]:
            a += 1
        if a < b:
            b -= 1
            while space[b]:
                b -= 1
            out.append((int(arr[a, 2]), int(arr[b, 2] + arr[b, 3])))
    return out
