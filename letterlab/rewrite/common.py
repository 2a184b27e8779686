"""What every rewrite shares: the content guard, token pieces, capitalisation and verb forms.

The content guard is the rule that a rewrite never loses content: every
number, date, amount, § reference, name and template placeholder in the
replaced span must be in the replacement (``keeps_content``). ``suggestion``
builds a ``Suggestion`` only when the guard holds, so no rewrite function can
offer one that breaks it.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..nlp.text import PLACEHOLDER_RE, doc_text
from ..nlp.table import TokenTable, token_table
from ..report.model import Suggestion
from ..language.inflect import is_strong_verb, verb_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")
_NUMBER_RE = rxcache.compile(r"\d+(?:[.,:/-]\d+)*")
_MONTH_RE = rxcache.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.I)
# An address ends before the mark that ends its sentence ("se www.fjordby.dk/affald. Henvendelse ...").
_ADDRESS_RE = rxcache.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S*[^\s.,;:!?]"
                              r"|\b[\w-]+\.(?:dk|com|org|net|eu)(?:/\S*[^\s.,;:!?])?", re.I)
# Every address match holds one of these; a match never holds white space.
_ADDRESS_HINT_RE = rxcache.compile(r"(?=[@wh.])(?:@|www\.|https?://|\.(?:dk|com|org|net|eu))", re.I)   # look-ahead: faster
_CAP_RE = rxcache.compile(r"(?<![\w@./-])[A-ZÆØÅ][A-Za-zÆØÅæøåéü-]*")
_SENT_START_RE = rxcache.compile(r"(^|[.!?:;]\s+|\n\s*(?:[-•*–]\s*)?)$")
_KR_RE = rxcache.compile(r"\bkr\b")
# Capitalised words that are not names: the formal pronouns, which rewrites turn into du/dig/din.
NOT_NAMES = {"De", "Dem", "Deres"}


def protected_items(text: str) -> Counter:
    """Numbers, months, §, amounts (kr.), e-mail and web addresses, placeholders and names in ``text``, counted.

    A name is a capitalised word that does not start a sentence (or the text);
    the formal De/Dem/Deres are pronouns, not names.
    """
    items: Counter = Counter()

    def blank(kind: str, value: Callable[[str], str]) -> Callable[[re.Match], str]:
        """A ``sub`` replacement that counts ``kind + value(match)`` and blanks the match out."""
        def repl(m: re.Match) -> str:
            items[kind + value(m.group(0))] += 1
            return " " * len(m.group(0))
        return repl

    masked = PLACEHOLDER_RE.sub(blank("ph:", str), text)
    masked = _mask_addresses(masked, blank("addr:", lambda s: s.rstrip(".,;:")))
    for m in _NUMBER_RE.finditer(masked):
        items["num:" + m.group(0)] += 1
    for m in _MONTH_RE.finditer(masked):
        items["month:" + m.group(1).lower()] += 1
    items["§"] += masked.count("§")
    items["kr"] += len(_KR_RE.findall(masked))
    items["%"] += masked.count("%")
    for m in _CAP_RE.finditer(masked):
        word = m.group(0)
        if word in NOT_NAMES or _starts_sentence(masked, m.start()):
            continue
        items["name:" + word] += 1
    return +items


def _mask_addresses(text: str, repl: Callable[[re.Match], str]) -> str:
    """``_ADDRESS_RE.sub(repl, text)``, run only on the words (runs of non-space) that can hold an address.

    The address pattern backtracks over every word; a letter has few addresses and many words.
    """
    out = []
    done = 0
    for hint in _ADDRESS_HINT_RE.finditer(text):
        if hint.start() < done:
            continue        # in the word just handled
        a, b = hint.start(), hint.end()
        while a > done and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        out += (text[done:a], _ADDRESS_RE.sub(repl, text[a:b]))
        done = b
    return "".join(out) + text[done:] if out else text


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` ends where a sentence starts (``_SENT_START_RE``).

    Only the run of spaces and bullet markers before ``pos`` and the character before it can take part in a
    match, so only that tail is searched (searching the whole prefix for every word is quadratic).
    """
    j = pos
    while j > 0 and (text[j - 1].isspace() or text[j - 1] in "-•*–"):
        j -= 1
    return _SENT_START_RE.search(text, max(j - 1, 0), pos) is not None


def lost_content(original: str, replacement: str) -> list[str]:
    """The protected items of ``original`` that ``replacement`` lacks (empty when nothing is lost)."""
    want = protected_items(original)
    if not want:
        return []
    have = protected_items(replacement)
    lost = []
    for item, n in want.items():
        if have[item] < n:
            lost.append(item.split(":", 1)[-1])
    return lost


def keeps_content(original: str, replacement: str) -> bool:
    """True when every number, date, amount, §, name and placeholder of ``original`` is in ``replacement``."""
    return not lost_content(original, replacement)


def suggestion(doc_or_text, start: int, end: int, replacement: str, *, kind: str, safe: bool,
               confidence: float, note: str) -> Suggestion | None:
    """A Suggestion for ``text[start:end]``, or None when it changes nothing or would lose content."""
    text = doc_or_text if isinstance(doc_or_text, str) else doc_text(doc_or_text)
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


def pieces(doc: Doc, first: int, last: int) -> list[Piece]:
    """The pieces of tokens ``first`` to ``last`` (inclusive)."""
    t = token_table(doc)
    return [Piece(t.text[i], " " if t.ws[i] else "") for i in range(first, last + 1)]


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
    if tok.pos_ == "PROPN" or t in NOT_NAMES or t.isupper() and len(t) > 1 or token_table(tok.doc).placeholder[tok.i]:
        return t
    return t[:1].lower() + t[1:]


def is_sentence_start(tok: Token) -> bool:
    """True when ``tok`` opens its sentence (bullet markers before it do not count)."""
    return is_sentence_start_at(token_table(tok.doc), tok.i)


def is_sentence_start_at(t: TokenTable, i: int) -> bool:
    """``is_sentence_start`` of token ``i``, read from the token table."""
    j = i - 1
    while j >= 0:
        prev = t.text[j]
        if t.space[j] or (prev in "-•*–" and t.punct[j]):
            j -= 1
            continue
        return t.sent_start[i] or prev in (".", "!", "?", ":") and t.text[i][:1].isupper()
    return True


# --- features ----------------------------------------------------------------------------------

def feat(tok: Token, key: str) -> str | None:
    """The token's (first) value of the morphological feature ``key``."""
    return feat_at(token_table(tok.doc), tok.i, key)


def feat_at(t: TokenTable, i: int, key: str) -> str | None:
    """``feat`` of token ``i``, read from the token table."""
    value = t.feats(i).get(key)
    return value.split(",", 1)[0] if value else None


def is_finite(tok: Token) -> bool:
    return is_finite_at(token_table(tok.doc), tok.i)


def is_finite_at(t: TokenTable, i: int) -> bool:
    """``is_finite`` of token ``i``, read from the token table."""
    if feat_at(t, i, "VerbForm") == "Fin" or feat_at(t, i, "Mood") in ("Ind", "Imp"):
        return True
    return t.lower[i] in FINITE_AUX


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
    return verb_form(lemma, "pres") or lemma + "r"


def supine_matches(lemma: str, participle: str) -> bool:
    """True when ``participle`` is the supine of ``lemma``: a guard against a wrong lemma."""
    sup = verb_form(lemma, "sup")
    if sup:
        return sup == participle
    stem = _stem(lemma)
    return participle in (stem + "et", stem + "t", stem.rstrip("t") + "t")


def past(lemma: str, participle: str | None = None) -> str | None:
    """Past tense of ``lemma``; from the participle of a regular weak verb when the class is unknown."""
    form = verb_form(lemma, "past")
    if form:
        return form
    if is_strong_verb(lemma):
        return None
    if participle:
        stem = _stem(lemma)
        if participle == stem + "et":
            return stem + "ede"
        if participle == stem + "t" and not stem.endswith("t"):
            return stem + "te"
    return None
