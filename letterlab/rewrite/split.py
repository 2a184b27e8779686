"""Split a long sentence at a safe point, so both halves are whole sentences.

Split points, best first:

* ", og" / ", men" between two main clauses that each have their own subject
  and finite verb: "..., og der må påregnes ..." -> "... . Der må ...". The
  "og" goes; "men" stays ("... . Men ..."). Safe.
* ", hvilket/hvilken/hvilke" + a finite verb: "..., hvilket kan medføre ..."
  -> "... . Det kan medføre ..." (hvilken -> Den, hvilke -> De). Safe.
* ", hvorfor" / ", hvorefter" / ", hvorved" -> "Derfor" / "Derefter" /
  "Derved" with main-clause word order ("hvorfor den ikke kan anses" ->
  "Derfor kan den ikke anses"). Not safe: the word order changes. A
  "hvorefter" without "vil"/"skal" usually means "according to which"
  ("taksterne, hvorefter betalingen fastsættes til ...") and becomes ". Det
  betyder, at".
* ", idet" -> ". Det skyldes, at" (not for "idet det bemærkes, at", a remark,
  not a reason). Not safe.
* a comma + a non-restrictive relative clause that runs to the end of the
  sentence: "..., som vil blive udbetalt ..." -> "... . Det vil blive
  udbetalt ..." with den/det/de from the antecedent's gender and number. Not safe.

Each split replaces only the few characters around the split point, so several
splits of one sentence can be applied together.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..report.model import Suggestion
from .common import capitalise, feat, is_finite, suggestion

SUBJ_DEPS = {"nsubj", "nsubj:pass", "expl", "expl:pass"}
SUBORDINATORS = {"at", "om", "hvis", "når", "da", "fordi", "såfremt", "idet", "mens", "selvom", "som",
                 "hvor", "hvilket", "hvilken", "hvilke", "før", "efter", "inden", "så", "til", "forinden"}
RELATIVE_PRONOUNS = {"hvilket": "Det", "hvilken": "Den", "hvilke": "De"}
V2_WORDS = {"hvorfor": "Derfor", "hvorefter": "Derefter", "hvorved": "Derved"}
MIN_WORDS = 4
NOTE = "Del sætningen i to. Korte sætninger er lettere at læse."


def _words(toks) -> int:
    return sum(1 for t in toks if any(c.isalpha() for c in t.text))


def _first_finite(toks: list[Token], limit: int = 8) -> int | None:
    for k, t in enumerate(toks[:limit]):
        if t.text in (",", ";", ":"):
            return None
        if t.pos_ in ("VERB", "AUX") and is_finite(t) and not (k and toks[k - 1].lower_ == "at"):
            return k
    return None


def _is_subject(t: Token) -> bool:
    return t.dep_ in SUBJ_DEPS or (t.pos_ == "PRON" and feat(t, "Case") == "Nom") or t.lower_ in ("der", "det", "de", "du", "vi", "jeg")


def main_clause(toks: list[Token]) -> bool:
    """True when ``toks`` start a main clause: a subject and a finite verb of its own."""
    toks = [t for t in toks if not t.is_space]
    if _words(toks) < MIN_WORDS or not toks or toks[0].lower_ in SUBORDINATORS or toks[0].pos_ == "SCONJ":
        return False
    k = _first_finite(toks)
    if k is None:
        return False
    verb = toks[k]
    if verb.dep_ in ("rel", "acl:relcl"):
        return False
    before = toks[:k]
    if any(_is_subject(t) for t in before) and before and (before[0].pos_ in ("PRON", "NOUN", "PROPN", "DET", "ADJ")
                                                           or _is_subject(before[0])):
        return True
    # inverted order: "I den forbindelse vil der ...", "Derfor kan du ..."
    after = toks[k + 1:k + 3]
    return bool(before) and any(_is_subject(t) and t.pos_ in ("PRON", "NOUN", "PROPN", "DET") for t in after)


def _has_main_clause(toks: list[Token]) -> bool:
    toks = [t for t in toks if not t.is_space]
    return _words(toks) >= MIN_WORDS and any(t.pos_ in ("VERB", "AUX") and is_finite(t) for t in toks)


def _end_of(t: Token) -> int:
    return t.idx + len(t.text)


def split_suggestions(doc: Doc, start: int, end: int) -> tuple[Suggestion, ...]:
    """Suggestions that split the sentence ``doc.text[start:end]`` (empty when no point is safe enough)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2 * MIN_WORDS:
        return ()
    try:
        return tuple(s for s in _points(doc, span) if s is not None)
    except (IndexError, ValueError):
        return ()


def _points(doc: Doc, span: Span):
    toks = [t for t in span if not t.is_space]
    last = len(toks)
    while last and toks[last - 1].is_punct:
        last -= 1
    for k in range(1, last - 2):
        t = toks[k]
        if t.text != ",":
            continue
        w = toks[k + 1]
        left, rest = toks[:k], toks[k + 2:last]
        if not _has_main_clause(left):
            continue
        low = w.lower_
        if low in ("og", "men") and main_clause(rest):
            if low == "og":
                r0 = rest[0]
                yield suggestion(doc, t.idx, r0.idx + 1, ". " + r0.text[0].upper(), kind="split", safe=True,
                                 confidence=0.85, note=NOTE)
            else:
                yield suggestion(doc, t.idx, _end_of(w), ". Men", kind="split", safe=True, confidence=0.85,
                                 note=NOTE)
        elif low in RELATIVE_PRONOUNS and rest and rest[0].pos_ in ("VERB", "AUX") and is_finite(rest[0]) \
                and _words(rest) >= MIN_WORDS - 1 and _runs_to_end(rest):
            yield suggestion(doc, t.idx, _end_of(w), ". " + RELATIVE_PRONOUNS[low], kind="split", safe=True,
                             confidence=0.8, note=NOTE)
        elif low == "hvorefter" and not any(x.lower_ in ("vil", "skal") for x in rest[:6]) \
                and _words(rest) >= MIN_WORDS and _runs_to_end(rest):
            # "taksterne for 2027, hvorefter betalingen fastsættes til ..." means "according to which"
            yield suggestion(doc, t.idx, _end_of(w), ". Det betyder, at", kind="split", safe=False,
                             confidence=0.65, note=NOTE)
        elif low in V2_WORDS and _words(rest) >= MIN_WORDS - 1:
            yield _v2_split(doc, t, w, rest)
        elif low == "idet" and _words(rest) >= MIN_WORDS and _runs_to_end(rest) and not _announces(rest):
            yield suggestion(doc, t.idx, _end_of(w), ". Det skyldes, at", kind="split", safe=False,
                             confidence=0.65, note=NOTE)
        elif low in ("som", "der") and _words(rest) >= MIN_WORDS - 1:
            yield _relative_split(doc, toks, k, w, rest)


def _announces(rest: list[Token]) -> bool:
    """"idet det bemærkes, at ..." is no reason ("fordi") but a remark, and "idet X i så fald vil ..." a
    consequence: no "Det skyldes" there."""
    words = [t.lower_ for t in rest[:5]]
    if " i så fald " in " " + " ".join(t.lower_ for t in rest[:8]) + " ":
        return True
    return bool(words) and words[0] == "det" and any(w.endswith(("bemærkes", "oplyses", "meddeles", "understreges"))
                                                      for w in words)


def _runs_to_end(rest: list[Token]) -> bool:
    """No later main clause hangs on after this subordinate clause (", skal ..."), and no second at-clause
    of the sentence's frame ("Det bemærkes, at X, idet Y, men at Z": "men at Z" belongs to "Det bemærkes")."""
    for a, b in zip(rest, rest[1:]):
        if a.text == "," and b.pos_ in ("VERB", "AUX") and is_finite(b):
            return False
    for a, b in zip(rest, rest[1:]):
        if a.lower_ in ("og", "men", "samt", "eller") and b.lower_ == "at":
            return False
    return True


def _v2_split(doc: Doc, comma: Token, w: Token, rest: list[Token]) -> Suggestion | None:
    """", hvorfor den ikke kan anses" -> ". Derfor kan den ikke anses"."""
    k = _first_finite(rest, 7)
    if k is None or k == 0:
        return None
    front = rest[:k]
    if not any(_is_subject(t) for t in front) or any(t.pos_ in ("VERB", "AUX", "SCONJ", "PUNCT") for t in front):
        return None
    if not _runs_to_end(rest):
        return None
    verb = rest[k]
    subject = doc[front[0].i:front[-1].i + 1].text
    rep = f". {V2_WORDS[w.lower_]} {verb.text} {subject}"
    return suggestion(doc, comma.idx, _end_of(verb), rep, kind="split", safe=False, confidence=0.7, note=NOTE)


def _relative_split(doc: Doc, toks: list[Token], k: int, w: Token, rest: list[Token]) -> Suggestion | None:
    """"..., som vil blive udbetalt ..." -> "... . Det vil blive udbetalt ..." (the clause must end the sentence)."""
    ante = toks[k - 1]
    if ante.pos_ not in ("NOUN", "PROPN") or not rest or not (rest[0].pos_ in ("VERB", "AUX") and is_finite(rest[0])):
        return None
    if not _runs_to_end(rest) or any(t.text == "," for t in rest):
        return None
    number, gender = feat(ante, "Number"), feat(ante, "Gender")
    if number == "Plur":
        pron = "De"
    elif gender == "Com":
        pron = "Den"
    elif gender == "Neut":
        pron = "Det"
    else:
        return None
    if ante.pos_ == "PROPN" or feat(ante, "Definite") != "Def":
        return None
    # "de oplysninger, som ..." is restrictive: the clause says which ones, so it cannot stand alone
    if any(c.dep_ in ("det", "nobj", "possd") and c.i < ante.i for c in ante.children) or \
            ante.dep_ in ("nobj", "possd") and ante.head.pos_ == "DET":
        return None
    return suggestion(doc, toks[k].idx, _end_of(w), ". " + capitalise(pron), kind="split", safe=False,
                      confidence=0.6, note=NOTE)
