"""Make the word classes that the DDT→UD mapping derives from the tree agree with the parse.

Three UPOS distinctions in letterlab's training data are defined by tree
structure (see :mod:`letterlab.nlp.conll`): AUX vs VERB for være/have/blive
and the modals (AUX when they head a verb, or for være a nominal
predicative), ADV vs ADJ for adjectives (ADV when they modify a verb,
adjective or adverb) and DET vs PRON for demonstrative and indefinite
pronouns (DET when they head a noun). The tagger sees no tree, so
``letterlab_pos_from_parse`` re-derives these three from the predicted parse
with the same rules. It runs only on pipelines with DDT-style labels
(``vobj``, ``nobj``); UD-trained pipelines are left alone. On ddt-dev this
lifts UPOS accuracy by about half a point (docs/model.md).
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .conll import AUX_LEMMAS
from .table import string_of

NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM", "PRON", "DET"}

_VERB, _AUX, _ADJ, _ADV, _PRON, _DET = (POS_IDS[p] for p in ("VERB", "AUX", "ADJ", "ADV", "PRON", "DET"))
_RULE_POS = {_VERB, _AUX, _ADJ, _ADV, _PRON, _DET}
_VERBAL = {_VERB, _AUX}
_HEADS_ADVERB = {_VERB, _AUX, _ADJ, _ADV}
_NOMINAL = {POS_IDS[p] for p in NOMINAL}
_VOBJ, _PRED, _NOBJ, _MOD, _AOBJ = (get_string_id(d) for d in ("vobj", "pred", "nobj", "mod", "aobj"))
_KID_DEPS = {_VOBJ, _PRED, _NOBJ}
_POS_NAME = {_VERB: "VERB", _AUX: "AUX", _ADJ: "ADJ", _ADV: "ADV", _PRON: "PRON", _DET: "DET"}


@lru_cache(maxsize=4096)
def _morph_flags(morph: str) -> tuple[bool, bool]:
    """(has a Degree feature, PronType includes Dem or Ind) for a UD feature string."""
    feats = dict(f.split("=", 1) for f in morph.split("|") if "=" in f)
    return "Degree" in feats, bool({"Dem", "Ind"} & set(feats.get("PronType", "").split(",")))


@Language.component("letterlab_pos_from_parse")
def pos_from_parse(doc: Doc) -> Doc:
    if not doc.has_annotation("DEP"):
        return doc
    arr = doc.to_array([POS, HEAD, DEP, LEMMA, MORPH])
    pos = arr[:, 0].tolist()
    rule_rows = [i for i, p in enumerate(pos) if p in _RULE_POS]
    if not rule_rows:
        return doc
    strings = doc.vocab.strings
    rel = arr[:, 1].view(numpy.int64).tolist()  # head offsets
    dep, lemmas, morphs = arr[:, 2].tolist(), arr[:, 3].tolist(), arr[:, 4].tolist()
    kids: dict[int, list[int]] = {}  # the children the rules look at: vobj, pred, nobj
    for i, d in enumerate(dep):
        if d in _KID_DEPS and rel[i]:
            kids.setdefault(i + rel[i], []).append(i)
    # In token order, so that a token's rule sees the word classes already re-derived before it.
    for i in rule_rows:
        p = pos[i]
        if p == _VERB or p == _AUX:
            lemma = string_of(strings, lemmas[i]).lower()
            if lemma not in AUX_LEMMAS and lemma != "være":
                continue
            ks = kids.get(i, ())
            aux = any(dep[k] == _VOBJ and pos[k] in _VERBAL for k in ks)
            if lemma == "være" and not aux:
                aux = any(dep[k] == _PRED and pos[k] in _NOMINAL for k in ks)
            new = _AUX if aux else _VERB
        else:
            degree, dem_ind = _morph_flags(string_of(strings, morphs[i]))
            if (p == _ADJ or p == _ADV) and degree:
                d = dep[i]
                new = _ADV if (d == _MOD or d == _AOBJ) and pos[i + rel[i]] in _HEADS_ADVERB else _ADJ
            elif (p == _PRON or p == _DET) and dem_ind:
                new = _DET if any(dep[k] == _NOBJ for k in kids.get(i, ())) else _PRON
            else:
                continue
        if new != p:
            pos[i] = new
            doc[i].pos_ = _POS_NAME[new]
    return doc


def uses_ddt_labels(nlp) -> bool:
    if "parser" not in nlp.pipe_names:
        return False
    labels = set(nlp.get_pipe("parser").labels)
    return {"vobj", "nobj"} <= labels
