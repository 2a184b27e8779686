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

No split of ", og"/", men" in a sentence that opens with a condition or a reason ("Hvis …, kan A, og B"): the
condition holds over both, and the second sentence would lose it. No "Derfor" for "hvorfor" after a verb of
knowing, asking or telling ("at vide, hvorfor …" is a question).

Each split replaces only the few characters around the split point, so several
splits of one sentence can be applied together.
"""
from __future__ import annotations

from itertools import accumulate
from typing import TYPE_CHECKING

from ..nlp.table import TokenTable, token_table
from ..report.model import Suggestion
from .common import capitalise, feat_at, is_finite_at, suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJ_DEPS = {"nsubj", "nsubj:pass", "expl", "expl:pass"}
SUBORDINATORS = {"at", "om", "hvis", "når", "da", "fordi", "såfremt", "idet", "mens", "selvom", "som",
                 "hvor", "hvilket", "hvilken", "hvilke", "før", "efter", "inden", "så", "til", "forinden"}
RELATIVE_PRONOUNS = {"hvilket": "Det", "hvilken": "Den", "hvilke": "De"}
V2_WORDS = {"hvorfor": "Derfor", "hvorefter": "Derefter", "hvorved": "Derved"}
MIN_WORDS = 4
NOTE = "Del sætningen i to. Korte sætninger er lettere at læse."

# The helpers below take token indices (``toks``: the non-space tokens of a stretch) and read the token table.


def _is_word(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _words(t: TokenTable, toks: list[int]) -> int:
    return sum(1 for i in toks if _is_word(t.text[i]))


def _first_finite(t: TokenTable, toks: list[int], limit: int = 8) -> int | None:
    for k, i in enumerate(toks[:limit]):
        if t.text[i] in (",", ";", ":"):
            return None
        if t.pos[i] in ("VERB", "AUX") and is_finite_at(t, i) and not (k and t.lower[toks[k - 1]] == "at"):
            return k
    return None


def _is_subject(t: TokenTable, i: int) -> bool:
    return t.dep[i] in SUBJ_DEPS or (t.pos[i] == "PRON" and feat_at(t, i, "Case") == "Nom") \
        or t.lower[i] in ("der", "det", "de", "du", "vi", "jeg")


def main_clause(toks: list[Token]) -> bool:
    """True when ``toks`` start a main clause: a subject and a finite verb of its own."""
    toks = [tok for tok in toks if not tok.is_space]
    return bool(toks) and _main_clause(token_table(toks[0].doc), [tok.i for tok in toks])


def _main_clause(t: TokenTable, toks: list[int]) -> bool:
    if _words(t, toks) < MIN_WORDS or t.lower[toks[0]] in SUBORDINATORS or t.pos[toks[0]] == "SCONJ":
        return False
    k = _first_finite(t, toks)
    if k is None:
        return False
    if t.dep[toks[k]] in ("rel", "acl:relcl"):
        return False
    before = toks[:k]
    if any(_is_subject(t, i) for i in before) and before and (t.pos[before[0]] in ("PRON", "NOUN", "PROPN", "DET", "ADJ")
                                                              or _is_subject(t, before[0])):
        return True
    # inverted order: "I den forbindelse vil der ...", "Derfor kan du ..."
    after = toks[k + 1:k + 3]
    return bool(before) and any(_is_subject(t, i) and t.pos[i] in ("PRON", "NOUN", "PROPN", "DET") for i in after)


def split_suggestions(doc: Doc, start: int, end: int) -> tuple[Suggestion, ...]:
    """Suggestions that split the sentence ``doc.text[start:end]`` (empty when no point is safe enough)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2 * MIN_WORDS:
        return ()
    try:
        return tuple(s for s in _points(doc, span.start, span.end) if s is not None)
    except (IndexError, ValueError):
        return ()


def _points(doc: Doc, first: int, end: int):
    t = token_table(doc)
    toks = [i for i in range(first, end) if not t.space[i]]
    words_before = list(accumulate((_is_word(t.text[i]) for i in toks), initial=0))   # in toks[:k]
    last = len(toks)
    while last and t.punct[toks[last - 1]]:
        last -= 1
    # the left part has a main clause when it has MIN_WORDS words and a finite verb
    first_finite = next((k for k, i in enumerate(toks) if t.pos[i] in ("VERB", "AUX") and is_finite_at(t, i)),
                        len(toks))
    for k in range(1, last - 2):
        comma = toks[k]
        if t.text[comma] != ",":
            continue
        w = toks[k + 1]
        rest = toks[k + 2:last]
        if words_before[k] < MIN_WORDS or first_finite >= k:
            continue
        rest_words = words_before[last] - words_before[k + 2]
        low = t.lower[w]
        if low in ("og", "men") and _main_clause(t, rest) and not _fronted_condition(t, toks):
            if low == "og":
                r0 = rest[0]
                yield suggestion(doc, t.idx[comma], t.idx[r0] + 1, ". " + t.text[r0][0].upper(), kind="split",
                                 safe=True, confidence=0.85, note=NOTE)
            else:
                yield suggestion(doc, t.idx[comma], t.end[w], ". Men", kind="split", safe=True, confidence=0.85,
                                 note=NOTE)
        elif low in RELATIVE_PRONOUNS and rest and t.pos[rest[0]] in ("VERB", "AUX") and is_finite_at(t, rest[0]) \
                and rest_words >= MIN_WORDS - 1 and _runs_to_end(t, rest):
            yield suggestion(doc, t.idx[comma], t.end[w], ". " + RELATIVE_PRONOUNS[low], kind="split", safe=True,
                             confidence=0.8, note=NOTE)
        elif low == "hvorefter" and not any(t.lower[x] in ("vil", "skal") for x in rest[:6]) \
                and rest_words >= MIN_WORDS and _runs_to_end(t, rest):
            # "taksterne for 2027, hvorefter betalingen fastsættes til ..." means "according to which"
            yield suggestion(doc, t.idx[comma], t.end[w], ". Det betyder, at", kind="split", safe=False,
                             confidence=0.65, note=NOTE)
        elif low in V2_WORDS and rest_words >= MIN_WORDS - 1 and not _asks(t, toks[k - 1]):
            yield _v2_split(doc, t, comma, w, rest)
        elif low == "idet" and rest_words >= MIN_WORDS and _runs_to_end(t, rest) and not _announces(t, rest):
            yield suggestion(doc, t.idx[comma], t.end[w], ". Det skyldes, at", kind="split", safe=False,
                             confidence=0.65, note=NOTE)
        elif low in ("som", "der") and rest_words >= MIN_WORDS - 1:
            yield _relative_split(doc, t, toks, k, w, rest)


# A sentence that opens with a condition or a reason ("Hvis vi ikke får regnskabet, kan klubben ikke få tilskud,
# og vi kan …") holds it over every main clause after it: a split would leave the second one unconditional.
FRONTED = {"hvis", "såfremt", "når", "fordi", "da", "selvom", "medmindre", "idet", "mens", "nu", "skulle"}


def _fronted_condition(t: TokenTable, toks: list[int]) -> bool:
    """True when the sentence opens with a subordinate clause or a verb-first condition ("Får vi ikke …, kan …")."""
    if not toks:
        return False
    first = toks[0]
    if t.lower[first] in FRONTED or t.pos[first] == "SCONJ" or \
            [t.lower[i] for i in toks[:4]] == ["i", "tilfælde", "af", ","]:
        return True
    # verb first, then a comma before the main clause: "Får vi ikke regnskabet, kan …", "Er du syg, skal …"
    return t.pos[first] in ("VERB", "AUX") and is_finite_at(t, first) and t.feat(first, "Mood") != "Imp" and \
        any(t.text[i] == "," for i in toks[1:12])


# "Vi har brug for at vide, hvorfor du har været væk": after a verb of knowing, asking or telling, "hvorfor" asks a
# question ("why"); it is not the relative "hvorfor" ("and therefore") that a split may turn into "Derfor".
ASKING = {"vide", "ved", "spørge", "spørger", "forklare", "forklarer", "forstå", "forstår", "høre", "hører",
          "fortælle", "fortæller", "skrive", "skriver", "begrunde", "oplyse", "undersøge", "undersøger", "finde"}


def _asks(t: TokenTable, before: int) -> bool:
    """True when the word before the comma makes the clause after it an indirect question."""
    return t.lower[before] in ASKING or t.lower[before] == "ud" or t.pos[before] in ("VERB", "AUX")


def _announces(t: TokenTable, rest: list[int]) -> bool:
    """"idet det bemærkes, at ..." is no reason ("fordi") but a remark, and "idet X i så fald vil ..." a
    consequence: no "Det skyldes" there."""
    words = [t.lower[i] for i in rest[:5]]
    if " i så fald " in " " + " ".join(t.lower[i] for i in rest[:8]) + " ":
        return True
    return bool(words) and words[0] == "det" and any(w.endswith(("bemærkes", "oplyses", "meddeles", "understreges"))
                                                      for w in words)


def _runs_to_end(t: TokenTable, rest: list[int]) -> bool:
    """No later main clause hangs on after this subordinate clause (", skal ..."), and no second at-clause
    of the sentence's frame ("Det bemærkes, at X, idet Y, men at Z": "men at Z" belongs to "Det bemærkes")."""
    for a, b in zip(rest, rest[1:]):
        if t.text[a] == "," and t.pos[b] in ("VERB", "AUX") and is_finite_at(t, b):
            return False
    for a, b in zip(rest, rest[1:]):
        if t.lower[a] in ("og", "men", "samt", "eller") and t.lower[b] == "at":
            return False
    return True


def _v2_split(doc: Doc, t: TokenTable, comma: int, w: int, rest: list[int]) -> Suggestion | None:
    """", hvorfor den ikke kan anses" -> ". Derfor kan den ikke anses"."""
    k = _first_finite(t, rest, 7)
    if k is None or k == 0:
        return None
    front = rest[:k]
    if not any(_is_subject(t, i) for i in front) or any(t.pos[i] in ("VERB", "AUX", "SCONJ", "PUNCT") for i in front):
        return None
    if not _runs_to_end(t, rest):
        return None
    verb = rest[k]
    subject = doc[front[0]:front[-1] + 1].text
    rep = f". {V2_WORDS[t.lower[w]]} {t.text[verb]} {subject}"
    return suggestion(doc, t.idx[comma], t.end[verb], rep, kind="split", safe=False, confidence=0.7, note=NOTE)


def _relative_split(doc: Doc, t: TokenTable, toks: list[int], k: int, w: int, rest: list[int]) -> Suggestion | None:
    """"..., som vil blive udbetalt ..." -> "... . Det vil blive udbetalt ..." (the clause must end the sentence)."""
    ante = toks[k - 1]
    if t.pos[ante] not in ("NOUN", "PROPN") or not rest or not (t.pos[rest[0]] in ("VERB", "AUX")
                                                                 and is_finite_at(t, rest[0])):
        return None
    if not _runs_to_end(t, rest) or any(t.text[i] == "," for i in rest):
        return None
    number, gender = feat_at(t, ante, "Number"), feat_at(t, ante, "Gender")
    if number == "Plur":
        pron = "De"
    elif gender == "Com":
        pron = "Den"
    elif gender == "Neut":
        pron = "Det"
    else:
        return None
    if t.pos[ante] == "PROPN" or feat_at(t, ante, "Definite") != "Def":
        return None
    # "de oplysninger, som ..." is restrictive: the clause says which ones, so it cannot stand alone
    if any(c.dep_ in ("det", "nobj", "possd") and c.i < ante for c in doc[ante].children) or \
            t.dep[ante] in ("nobj", "possd") and t.pos[t.head[ante]] == "DET":
        return None
    return suggestion(doc, t.idx[toks[k]], t.end[w], ". " + capitalise(pron), kind="split", safe=False,
                      confidence=0.6, note=NOTE)
