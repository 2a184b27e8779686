"""A letter that names nobody the reader can reach (kind ``contact``).

The course's reader is left alone with a letter when it ends in a unit's name only: no person who has the
case, no phone number, no e-mail and no offer of help in the body ("Ring til os, hvis …"). The test is the tone
check's ``_nobody_to_ask`` (a signature of unit lines only; no staff word or "jeg"; no phone number or e-mail
outside the appeal guide's help to write a complaint). A letter without a signature part is no letter to judge
(a pasted paragraph), and a short one (fewer than ``min_sentences`` body sentences) is a note.

A letter that decides or asks the reader to act (``ask_genres``) gets the rule's severity; an orientation or a
receipt gets a tip (``info``): the reader can live without asking. An e-mail that asks for an answer to itself
("svar på denne mail") gives the reader someone to write to.

A refusal whose tone finding already says whom the reader can contact (the refusal rule marks the letter,
``tone.CONTACT_SAID``)
gets no second finding: the tone rules run before this one (the rule files are read in theme order).

With ``person = true`` (rule ``klart-budskab.kontaktperson``) the rule asks for a *named* person instead: a
letter that decides, hears or reminds (``ask_genres``), signed by units and their phone, e-mail or address
only, with a way to reach the unit but no person who has the case (no name in the signature, no staff word or
"jeg", no name beside "ring til", "kontakt" or a phone number in the body). A letter that names nobody at all is
the first rule's; a merge field in the signature of a template ("Kære «Navn»" … "{sagsbehandler}") is a person to
come, but one left as the value of a case detail ("Sagsbehandler: «Sagsbehandler»", ``_unfilled_field``) names nobody.

Reviews 17-21 (the editors asked for a named person in every letter that wants something of the reader): the
person rule asks in reminders, summons, requests and bills too (``ask_genres`` in the rule file). A merge field in the
signature of a letter merged for its reader (no merge field in its greeting, subject or body, ``_merged_for_reader``)
is a name nobody filled in. A staff word names someone only as the writer ("ring til mig") or as the reader's own
caseworker offered to ask (``_someone_with_the_case``), not one told of in the story ("De har forklaret Deres
sagsbehandler, at …") or an unnamed desk ("så kan en medarbejder hjælpe dig"). A system e-mail's "Denne mail kan ikke
besvares" under the unit is no person, nor is the reader in the e-mail's "Til:" line.
"""
from __future__ import annotations

import re
from typing import Iterator

from letterlab import rxcache

from ..anatomy import PLACEHOLDER, _is_address, _is_contact, placeholders_only
from .base import Param, letter, make_finding
from .tone import CONTACT_GIVEN_RE, CONTACT_SAID, STAFF_RE, _nobody_to_ask, _unit_line, tone_doc

PARAMS = {
    "min_sentences": Param(int, default=3, min=1, max=50,
                           help="så mange sætninger skal brevets tekst mindst have"),
    "ask_genres": Param(list, default=["afgoerelse", "partshoering", "indkaldelse", "anmodning", "opkraevning",
                                       "paamindelse"],
                        help="genrer, hvor fundet er en advarsel; i andre genrer er det et tip"),
    "person": Param(bool, default=False,
                    help="spørg efter en navngiven medarbejder, når brevet kun giver en afdelings telefon eller mail"),
}

# the e-mail itself is the way to write back
REPLY_RE = rxcache.compile(r"\b(svar\w*|skriv\w*|send\w*)( \w+){0,4} (på|til) (denne|den her) (mail|e-mail)\b|"
                           r"\bsom svar på (denne|mailen|den her)\b|\bbesvar\w* (denne|mailen)\b")


# a person named where the body says how to reach us: "ring til Mette Skov på …", "kontakt sagsbehandler Ali …"
CONTACT_WORD_RE = rxcache.compile(r"\b(ring\w*|kontakt\w*|skriv\w*|spørg\w*|henvend\w*|træffes|fat i)\b")
NAME_LINE_RE = rxcache.compile(r"\b[A-ZÆØÅ][a-zæøå]+(-[A-ZÆØÅ][a-zæøå]+)? [A-ZÆØÅ][a-zæøå]+\b")
NAME_PAIR_RE = rxcache.compile(r"(?<!^)(?<![.!?:] )" + NAME_LINE_RE.pattern)
NOT_A_NAME_RE = rxcache.compile(r"\b(Kommune|Digital|Post|MitID|Borger|Med|Venlig|Hilsen|Kære)\b")
# a system letter's note under the unit's name: nobody reads an answer to it
NO_REPLY_RE = rxcache.compile(r"\b(kan|skal|vil) ikke (blive )?besvares\b|\bikke (\w+ )?svare på (denne|den her|mailen)\b|"
                              r"\bno-?reply\b|\bautomatisk (sendt|udsendt|genereret)\b")
# the reader's own caseworker or adviser, offered as the one to ask ("Din sagsbehandler kan svare på spørgsmål"), not
# one told of in the story ("De har over for Deres sagsbehandler forklaret, …") nor anyone at a desk ("så kan en
# medarbejder hjælpe dig")
OWN_STAFF_RE = rxcache.compile(r"\b(din|dit|dine|deres|jeres|vores) (\w+ )?(sagsbehandler|kontaktperson|rådgiver|"
                               r"konsulent|medarbejder)\w*")
ASK_WORD_RE = rxcache.compile(r"\b(ring\w*|kontakt\w*|skriv\w*|spørg\w*|henvend\w*|træffes|fat i|svare\w*|hjælpe\w*)\b")
# an e-mail's header line that names the reader, not the sender ("Til: Oliver Dam <…>")
READER_FIELD_RE = rxcache.compile(r"\s*(til|to|cc|modtager)\s*:", re.I)
WRITER_RE = rxcache.compile(r"\b(jeg|mig|min|mit|mine)\b")
# a job title alone on a signature line, with no name above or beside it ("Sagsbehandler", "Jobkonsulent"): the
# letter is signed by a post, not by a person the reader can ask for
TITLE_ONLY_RE = rxcache.compile(r"\s*[\w-]*(sagsbehandler|rådgiver|konsulent|medarbejder|visitator|terapeut|koordinator|"
                                r"vejleder)\s*$", re.I)


def check(doc, rule) -> Iterator:
    td = tone_doc(doc)
    body = [s for s in td.sents if s.zone == "body" and s.part != "appeal"]
    if len(body) < rule.params["min_sentences"] or td._cache.get(CONTACT_SAID):
        return
    sig = [p for p in td.parts if p.kind == "signature"]
    if not sig or any(REPLY_RE.search(s.low) for s in body):
        return
    asks = letter(doc).genre in rule.params["ask_genres"]
    if rule.params["person"]:
        if asks and not _nobody_to_ask(td) and _no_named_person(td, sig, body):
            yield _on_signature(doc, rule, td, sig[0], None)
        return
    if _nobody_to_ask(td):
        yield _on_signature(doc, rule, td, sig[0], None if asks else "info")


def _no_named_person(td, sig, body) -> bool:
    """Units and their phone, e-mail or address sign the letter, and no person is named: not in the signature
    (a job title alone names nobody; in a letter merged for its reader, neither does a merge field left empty, also
    as a label's value: "Kontaktperson: «Sagsbehandler»"), not in the letterhead or the case details, not as a staff
    word or "jeg", not beside "ring til" or "kontakt"."""
    lines = [ln for p in sig for ln in td.text[p.start:p.end].splitlines() if ln.strip()]
    merged = _merged_for_reader(td)
    if not lines or not all(_unit_line(ln) or _is_contact(ln) or _is_address(ln) or NO_REPLY_RE.search(ln)
                            or TITLE_ONLY_RE.match(ln) or (merged and (placeholders_only(ln) or _unfilled_field(ln)))
                            for ln in lines):
        return False
    head = [ln for p in td.parts if p.kind in ("letterhead", "reference", "footer")
            for ln in td.text[p.start:p.end].splitlines() if ln.strip() and not _unfilled_field(ln)]
    if any(_named(ln, anywhere=True) and not (_unit_line(ln) or _is_address(ln) or READER_FIELD_RE.match(ln))
           for ln in head):
        return False        # "Mette Skov, direkte 72 10 10 12" in the letterhead
    if any(_someone_with_the_case(s.low) for s in td.sents) or any(STAFF_RE.search(ln.lower()) for ln in head):
        return False        # "ring til din sagsbehandler", "jeg", "Sagsbehandler: …": someone who has the case
    return not any(CONTACT_WORD_RE.search(s.low) and _named(s.text) for s in body)


def _someone_with_the_case(low: str) -> bool:
    """The sentence speaks as the writer ("ring til mig") or offers the reader's own caseworker to ask ("Din
    sagsbehandler kan svare på spørgsmål"); not a caseworker told of in the story or an unnamed desk ("en medarbejder")."""
    return bool(WRITER_RE.search(low) or (OWN_STAFF_RE.search(low) and ASK_WORD_RE.search(low)))


def _merged_for_reader(td) -> bool:
    """The letter is merged for its reader: no merge field left in what the writer wrote (greeting, subject, body),
    only in the sender's lines. A merge field in the signature is then a name nobody filled in; in a template (the
    greeting says "Kære «Navn»") it is a person to come."""
    own = [td.text[p.start:p.end] for p in td.parts if p.kind not in ("letterhead", "reference", "footer", "signature")]
    return bool(own) and not any(PLACEHOLDER.search(t) for t in own)


def _unfilled_field(line: str) -> bool:
    """A case detail whose value is a merge field nobody filled in ("Sagsbehandler: «Sagsbehandler»",
    "Kontaktperson: [navn]"): the letter as it stands names nobody there. (A merge field in a template's signature is
    different: the signature is where the writer signs, so it is a person to come.)"""
    label, colon, value = line.partition(":")
    return bool(colon) and bool(label.strip()) and placeholders_only(value)


def _named(text: str, anywhere: bool = False) -> bool:
    """Two capitalised words in a row that name no unit ("Mette Skov", not "Vej og Park", "Digital Post"), inside
    the sentence (a sentence opens with a capital) or, with ``anywhere``, also at the start of a line."""
    found = (NAME_LINE_RE if anywhere else NAME_PAIR_RE).finditer(text)
    return any(not _unit_line(m.group(0)) and not NOT_A_NAME_RE.search(m.group(0)) for m in found)


def _on_signature(doc, rule, td, p, severity):
    lines = [ln for ln in td.text[p.start:p.end].strip().splitlines() if ln.strip()]
    line = next((ln for ln in lines if not placeholders_only(ln)), lines[0])      # not on "[Navn]"
    start = td.text.index(line, p.start)
    return make_finding(rule, doc, start, start + len(line), severity=severity)
