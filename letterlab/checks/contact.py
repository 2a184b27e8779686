"""A letter that names nobody the reader can reach (kind ``contact``).

The course's reader is left alone with a letter when it ends in a unit's name only: no person who has the
case, no phone number, no e-mail and no offer of help in the body ("Ring til os, hvis …"). The test is the tone
check's ``_nobody_to_ask`` (a signature of unit lines only; no staff word or "jeg"; no phone number or e-mail
outside the appeal guide's help to write a complaint). A letter without a signature part is no letter to judge
(a pasted paragraph), and a short one (fewer than ``min_sentences`` body sentences) is a note.

A letter that decides or asks the reader to act (``ask_genres``) gets the rule's severity; an orientation or a
receipt gets a tip (``info``): the reader can live without asking. An e-mail that asks for an answer to itself
("svar på denne mail") gives the reader someone to write to.

A refusal whose tone finding already says that the reader has nobody to ask (``tone.check`` marks the letter)
gets no second finding: the tone rules run before this one (the rule files are read in theme order).
"""
from __future__ import annotations

from typing import Iterator

from letterlab import rxcache

from .base import Param, letter, make_finding
from .tone import CONTACT_SAID, _nobody_to_ask, tone_doc

PARAMS = {
    "min_sentences": Param(int, default=3, min=1, max=50,
                           help="så mange sætninger skal brevets tekst mindst have"),
    "ask_genres": Param(list, default=["afgoerelse", "partshoering", "indkaldelse", "anmodning", "opkraevning",
                                       "paamindelse"],
                        help="genrer, hvor fundet er en advarsel; i andre genrer er det et tip"),
}

# the e-mail itself is the way to write back
REPLY_RE = rxcache.compile(r"\b(svar\w*|skriv\w*|send\w*)( \w+){0,4} (på|til) (denne|den her) (mail|e-mail)\b|"
                           r"\bsom svar på (denne|mailen|den her)\b|\bbesvar\w* (denne|mailen)\b")


def check(doc, rule) -> Iterator:
    td = tone_doc(doc)
    body = [s for s in td.sents if s.zone == "body" and s.part != "appeal"]
    if len(body) < rule.params["min_sentences"] or td._cache.get(CONTACT_SAID):
        return
    sig = [p for p in td.parts if p.kind == "signature"]
    if not sig or not _nobody_to_ask(td) or any(REPLY_RE.search(s.low) for s in body):
        return
    p = sig[0]
    line = td.text[p.start:p.end].strip().splitlines()[0]
    start = td.text.index(line, p.start)
    asks = letter(doc).genre in rule.params["ask_genres"]
    yield make_finding(rule, doc, start, start + len(line), severity=None if asks else "info")
