"""What every rewrite shares: the content guard, token pieces, capitalisation and verb forms.

The content guard is the rule that a rewrite never loses content: every
number, date, amount, § reference, name and template placeholder in the
replaced span must be in the replacement (``keeps_content``). ``suggestion``
builds a ``Suggestion`` only when the guard holds, so no rewrite function can
offer one that breaks it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Token

from ..nlp.segment import PLACEHOLDER_RE
from ..report.model import Suggestion

try:  # the shared inflection module; the small fallbacks below cover what rewrites need
    from . import inflect as _inflect
except ImportError:  # pragma: no cover - only while inflect.py is being written
    _inflect = None

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")
_NUMBER_RE = re.compile(r"\d+(?:[.,:/-]\d+)*")
_MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.I)
_ADDRESS_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|\b[\w-]+\.(?:dk|com|org|net|eu)(?:/\S*)?", re.I)
_CAP_RE = re.compile(r"(?<![\w@./-])[A-ZÆØÅ][A-Za-zÆØÅæøåéü-]*")
_SENT_START_RE = re.compile(r"(^|[.!?:;]\s+|\n\s*(?:[-•*–]\s*)?)$")
# Capitalised words that are not names: the formal pronouns, which rewrites turn into du/dig/din.
NOT_NAMES = {"De", "Dem", "Deres"}


def protected_items(text: str) -> Counter:
    """Numbers, months, §, amounts (kr.), e-mail and web addresses, placeholders and names in ``text``, counted.

    A name is a capitalised word that does not start a sentence (or the text);
    the formal De/Dem/Deres are pronouns, not names.
    """
    items: Counter = Counter()
    masked = text
    for m in PLACEHOLDER_RE.finditer(text):
        items["ph:" + m.group(0)] += 1
    masked = PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), text)
    for m in _ADDRESS_RE.finditer(masked):
        items["addr:" + m.group(0).rstrip(".,;:")] += 1
    masked = _ADDRESS_RE.sub(lambda m: " " * len(m.group(0)), masked)
    for m in _NUMBER_RE.finditer(masked):
        items["num:" + m.group(0)] += 1
    for m in _MONTH_RE.finditer(masked):
        items["month:" + m.group(1).lower()] += 1
    items["§"] += masked.count("§")
    items["kr"] += len(re.findall(r"\bkr\b", masked))
    items["%"] += masked.count("%")
    for m in _CAP_RE.finditer(masked):
        word = m.group(0)
        if word in NOT_NAMES or _SENT_START_RE.search(masked[:m.start()]):
            continue
        items["name:" + word] += 1
    return +items


def lost_content(original: str, replacement: str) -> list[str]:
    """The protected items of ``original`` that ``replacement`` lacks (empty when nothing is lost)."""
    have = protected_items(replacement)
    lost = []
    for item, n in protected_items(original).items():
        if have[item] < n:
            lost.append(item.split(":", 1)[-1])
    return lost


def keeps_content(original: str, replacement: str) -> bool:
    """True when every number, date, amount, §, name and placeholder of ``original`` is in ``replacement``."""
    return not lost_content(original, replacement)


def suggestion(doc_or_text, start: int, end: int, replacement: str, *, kind: str, safe: bool,
               confidence: float, note: str) -> Suggestion | None:
    """A Suggestion for ``text[start:end]``, or None when it changes nothing or would lose content."""
    if isinstance(doc_or_text, Doc):
        # Doc.text is rebuilt from the tokens on every call: keep one copy per Doc
        text = doc_or_text.user_data.get("letterlab_text")
        if text is None:
            text = doc_or_text.user_data["letterlab_text"] = doc_or_text.text
    else:
        text = doc_or_text
    original = text[start:end]
    if replacement == original or not keeps_content(original, replacement):
        return None
    return Suggestion(start=start, end=end, replacement=replacement, kind=kind, safe=safe,
                      confidence=round(confidence, 2), note=note)


# --- token pieces: edit a run of tokens and render it with the original spacing -----------------

@dataclass
class Piece:
    text: str
    ws: str = " "


def pieces(tokens: Iterable[Token]) -> list[Piece]:
    return [Piece(t.text, t.whitespace_) for t in tokens]


def render(parts: list[Piece]) -> str:
    """Join pieces; the last piece's trailing space is not part of the span."""
    out = "".join(p.text + p.ws for p in parts if p.text)
    return out.rstrip(" ")


def insert_after(parts: list[Piece], index: int, text: str) -> None:
    """Insert ``text`` as a new word after ``parts[index]``, taking over its trailing space."""
    p = parts[index]
    parts.insert(index + 1, Piece(text, p.ws if p.ws else ""))
    p.ws = " "


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def decapitalise_word(tok: Token) -> str:
    """The token's text as it should read inside a sentence: common words lower-cased, names kept."""
    t = tok.text
    if tok.pos_ == "PROPN" or t in NOT_NAMES or t.isupper() and len(t) > 1 or tok._.placeholder:
        return t
    return t[:1].lower() + t[1:]


def is_sentence_start(tok: Token) -> bool:
    """True when ``tok`` opens its sentence (bullet markers before it do not count)."""
    i = tok.i - 1
    while i >= 0:
        prev = tok.doc[i]
        if prev.is_space or (prev.text in "-•*–" and prev.is_punct):
            i -= 1
            continue
        return bool(tok.is_sent_start) or prev.text in (".", "!", "?", ":") and tok.text[:1].isupper()
    return True


# --- features ----------------------------------------------------------------------------------

def feat(tok: Token, key: str) -> str | None:
    vals = tok.morph.get(key)
    return vals[0] if vals else None


def is_finite(tok: Token) -> bool:
    if feat(tok, "VerbForm") == "Fin" or feat(tok, "Mood") in ("Ind", "Imp"):
        return True
    return tok.lower_ in FINITE_AUX


FINITE_AUX = {"er", "var", "har", "havde", "bliver", "blev", "vil", "ville", "skal", "skulle", "kan",
              "kunne", "må", "måtte", "bør", "burde", "tør", "turde", "gør", "gjorde"}
MODALS = {"vil", "ville", "skal", "skulle", "kan", "kunne", "må", "måtte", "bør", "burde", "tør", "turde"}

OBJECT_CASE = {"de": "dem", "du": "dig", "jeg": "mig", "vi": "os", "han": "ham", "hun": "hende", "i": "jer"}
SUBJECT_CASE = {"os": "vi", "mig": "jeg", "dem": "de", "ham": "han", "hende": "hun", "dig": "du", "jer": "i",
                "undertegnede": "jeg"}


def as_object(tok: Token) -> str | None:
    """A subject pronoun in object form ("De" -> "Dem", "du" -> "dig"); None when ``tok`` is no such pronoun."""
    low = tok.lower_
    if low not in OBJECT_CASE:
        return None
    if tok.text == "De":
        return "Dem"
    if tok.text == "I":
        return "jer"
    return OBJECT_CASE[low]


# --- verb forms ----------------------------------------------------------------------------------

def _stem(lemma: str) -> str:
    return lemma[:-1] if lemma.endswith("e") else lemma


def present(lemma: str) -> str:
    if _inflect is not None:
        form = _inflect.verb_form(lemma, "pres")
        if form:
            return form
    return lemma + "r"


def imperative(lemma: str) -> str:
    if _inflect is not None:
        return _inflect.imperative(lemma)
    if len(lemma) > 2 and lemma.endswith("e") and lemma[-2] not in "aeiouyæøå":
        stem = lemma[:-1]
        if stem[-1] == stem[-2]:
            stem = stem[:-1]
        return stem
    return lemma


def supine_matches(lemma: str, participle: str) -> bool:
    """True when ``participle`` is the supine of ``lemma``: a guard against a wrong lemma."""
    if _inflect is not None:
        sup = _inflect.verb_form(lemma, "sup")
        if sup:
            return sup == participle
    stem = _stem(lemma)
    return participle in (stem + "et", stem + "t", stem.rstrip("t") + "t")


def past(lemma: str, participle: str | None = None) -> str | None:
    """Past tense of ``lemma``; from the participle of a regular weak verb when the class is unknown."""
    if _inflect is not None:
        form = _inflect.verb_form(lemma, "past")
        if form:
            return form
        strong = getattr(_inflect, "_is_strong", lambda _l: False)(lemma)
        if strong:
            return None
    if participle:
        stem = _stem(lemma)
        if participle == stem + "et":
            return stem + "ede"
        if participle == stem + "t" and not stem.endswith("t"):
            return stem + "te"
    return None
