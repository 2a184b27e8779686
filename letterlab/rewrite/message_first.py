"""Message first: move the sentence with the main message to the top, and give the letter a heading that says it.

``message_first_suggestions(report)`` reads where the message check found the
main message (``scores["message_position"]``) and proposes:

* a **move** when the message is not up front (``scores["message_first"]`` is
  false): one suggestion that replaces the text from the start of the body to
  the end of the message sentence with the message sentence, a blank line and
  the text that came before it. Nothing is lost, only moved; words in the moved
  sentence that point back at what came before ("Under henvisning til
  ovennævnte", "derfor", "på denne baggrund") are left out (``detach``), since
  at the top they point at nothing. Never safe. No move when the heading
  already states a message ("Vi har ændret din adresse"), and never for a
  contact offer ("Ring til os, hvis du har spørgsmål").
* a **heading** that states the message ("Du får særlig støtte"), from
  ``heading_for``: it replaces a heading that only names a topic
  ("Vedrørende Deres ansøgning") or goes above the salutation when the letter
  has none. When the old heading holds a number, date or § the new one lacks,
  the new heading goes above it instead, so nothing is lost.

The message check attaches these to its "budskab-foerst" finding (through
``move_and_heading``, which takes plain offsets, so the check needs no
Report); ``letterlab rewrite`` applies them in a second pass (``--apply
all``), after the sentence-level rewrites, so the moved sentence is already
the plain one.
"""
from __future__ import annotations

import re
from letterlab import rxcache

from ..readers import Block
from ..report.model import Report, Suggestion
from ..anatomy import ZONE_OF
from ..structure import Zone, letter_zones
from .common import capitalise, keeps_content, suggestion
from .inflect import imperative, noun_gender

MAX_HEADING_WORDS = 14
NOTE_MOVE = "Flyt budskabet op, så læseren ser det først."
NOTE_HEADING = "Skriv budskabet i overskriften."

_DATE = r"\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?: \d{4})?"
_CUT = rxcache.compile(
    r", | fordi | idet | da | hvis | såfremt | i henhold til| i medfør af| efter lov| jf\.| med henblik på| med virkning"
    r"| på baggrund af| på reg\.| via | på de nedenfor| under sagsnummer| på følgende| ved | snarest|\.$", re.I)
_FORMAL = {"Deres": None, "De": "du", "Dem": "dig"}
CONTACT_OFFER = rxcache.compile(r"\bspørgsmål\b|\b(hvis|såfremt) (du|de) (har brug for|ønsker) (hjælp|at tale)", re.I)


def _trim_period(s: str) -> str:
    s = s.strip().rstrip(" ,")
    if s.endswith(".") and not re.search(r"\b(kr|nr|stk|kl|ca)\.$", s):
        s = s[:-1]
    return s


def _cut(phrase: str) -> str:
    m = _CUT.search(phrase)
    return _trim_period(phrase[:m.start()] if m else phrase)


def _deadline(sentence: str) -> str:
    m = re.search(r"\bsenest (?:den )?(" + _DATE + ")", sentence)
    return f" senest den {m.group(1)}" if m else ""


def _plain_pronouns(phrase: str) -> str | None:
    """"Deres bolig" -> "din bolig"; None when the noun's gender is unknown."""

    def repl(m: re.Match) -> str:
        noun = m.group(1)
        gender = noun_gender(noun.lower())
        if noun.endswith(("er", "erne")) and gender is None:
            return "dine " + noun
        if gender is None:
            raise ValueError(noun)
        return ("din " if gender == "Com" else "dit ") + noun

    try:
        phrase = re.sub(r"\bDeres ([a-zæøå-]+)", repl, phrase)
    except ValueError:
        return None
    phrase = re.sub(r"\bDem\b", "dig", phrase)
    phrase = re.sub(r"\bDe\b", "du", phrase)
    return phrase


BACK_REFERENCE = rxcache.compile(r"\b(derfor|dette|disse|ovennævnte|ovenstående|herom|heraf|således|på denne baggrund"
                                 r"|i den forbindelse)\b", re.I)
_REFERS_BACK_OPENING = rxcache.compile(r"(?:Under|Med) henvisning til (?:ovennævnte|ovenstående|ovenfor|dette)\s+"
                                       r"(skal|kan|må|vil)\s+(det|vi|jeg|De|du)\s+")
_REFERS_BACK_ADVERB = rxcache.compile(r"(?<=\w) (?:derfor|på denne baggrund|på den baggrund|således)(?= \w)")


def detach(sentence: str) -> str:
    """The message sentence as it can open a letter: words that point back at what came before go.

    "Under henvisning til ovennævnte skal det meddeles, at ..." -> "Det skal meddeles, at ...";
    "De anmodes derfor om at ..." -> "De anmodes om at ...". At the top they would point at nothing.
    """
    m = _REFERS_BACK_OPENING.match(sentence)
    if m:
        sentence = f"{capitalise(m.group(2))} {m.group(1)} " + sentence[m.end():]
    return _REFERS_BACK_ADVERB.sub("", sentence)


def _topic_of_application(letter_text: str) -> str | None:
    """"en el-scooter" from "... ansøgning af 14. august 2026 om bevilling af en el-scooter som ..."."""
    found = list(re.finditer(r"ansøgning(?:en)?(?: af " + _DATE + r")? om (?:bevilling af |udstedelse af |"
                             r"dækning af |hjælp til )?((?:en |et )?[\wæøå-]+(?: [\wæøå-]+)?)", letter_text))
    if not found:
        return None
    # prefer a mention with its article ("en el-scooter") over a heading's bare noun
    m = next((f for f in found if f.group(1).startswith(("en ", "et "))), found[0])
    words = m.group(1).split()
    stop = {"som", "til", "af", "i", "på", "for", "med", "fra", "og"}
    if len(words) > 1 and words[-1] in stop:
        words = words[:-1]
    return " ".join(words)


NEGATION = rxcache.compile(r"\b(ikke|ej|aldrig|ingen|intet)\b", re.I)


def heading_for(sentence: str, letter_text: str = "") -> str | None:
    """A heading that states the message of ``sentence`` ("Du får særlig støtte"), or None when unsure."""
    s = " ".join(sentence.split())
    head: str | None = None
    m = re.search(r"\b(?:De|du|Du)\b(.{0,80}?) (?:bevilges|tildeles)( delvist)? (.+)", s) or \
        re.search(r"\bbevilges (?:De|du)()( delvist)? (.+)", s)
    if m:
        part = " delvist" if "delvis" in (m.group(1) or "") + (m.group(2) or "") else ""
        # "Det meddeles, at De ikke kan bevilges økonomisk friplads": a refusal, whose heading keeps its "ikke"
        if NEGATION.search(s[max(0, m.start() - 25):m.start(3)]):
            part = " ikke"
        head = "Du får" + part + " " + _cut(m.group(3))
    if head is None:
        m = re.search(r"\b(?:[Vv]i|[A-ZÆØÅ][\wæøå]+) har (?:hermed |nu )?(?:bevilget|givet) (?:dig|Dem) (.+)", s) or \
            re.search(r"\b(?:Du|De|du) (?:er|bliver) (?:hermed )?bevilget (.+)", s)
        if m:
            head = "Du får " + _cut(m.group(1))
    if head is None:
        m = re.search(r"\bmeddeles (?:hermed )?([\wæøå]*tilladelse)\b", s)
        if m:
            head = f"Du får {m.group(1)}"
    if head is None:
        m = re.search(r"\b([A-ZÆØÅ][\wæøå]+|De|du) tilbydes (.+)", s)
        if m:
            who = "Du" if m.group(1) in ("De", "du") else m.group(1)
            head = f"{who} kan få {_cut(m.group(2))}"
    if head is None and re.search(r"\bikke (?:kan )?imødekommes\b|\bafslag\b", s):
        topic = _topic_of_application(letter_text or s)
        if topic:
            head = f"Du får ikke {topic}"
    if head is None:
        m = re.search(r"\b(?:De|du|Du) (?:hermed |derfor )?(?:anmodes|bedes) (?:[\wæøå]+ )?(?:om at )?"
                      r"([a-zæøå]+e)(?: og ([a-zæøå]+e))? (.+)", s)
        if m:
            from .active import PLAIN_VERBS
            verbs = [imperative(PLAIN_VERBS.get(v, (v, ""))[0]) for v in (m.group(1), m.group(2)) if v]
            rest = _cut(m.group(3))
            deadline = _deadline(s)
            head = capitalise(" og ".join(verbs)) + " " + rest + ("" if deadline.strip() in rest else deadline)
    if head is None:
        m = re.search(r"\b(?:De|du|Du) skal (måske )?(tilbagebetale|betale|udfylde|sende|indsende) (.+)", s)
        if m:
            maybe = "måske " if (m.group(1) or "overvejer" in s) else ""
            head = f"Du skal {maybe}{m.group(2)} {_cut(m.group(3))}"
    if head is None:
        m = re.search(r"\bmodtagelsen af (?:Deres|din) ansøgning(?: af " + _DATE + r")? om (.+)", s) or \
            re.search(r"\b(?:vi|Vi) har modtaget (?:Deres|din) ansøgning(?: af " + _DATE + r")? om (.+)", s)
        if m:
            head = f"Vi har modtaget din ansøgning om {_cut(m.group(1))}"
    if head is None:
        m = re.search(r"\bindføres (?:en |et )?(.+?) med virkning fra (?:den )?(" + _DATE + ")", s)
        if m:
            head = capitalise(f"{m.group(1)} fra {m.group(2)}")
    if head is None:
        m = re.match(r"((?:Du|Vi) (?:får|kan|skal|har)\b.+)", s)
        if m:
            head = _cut(m.group(1))
        elif re.match(r"(Send|Udfyld|Betal|Ring|Kom|Mød|Indsend|Indbetal|Svar)\b", s):
            head = _cut(s)
    if head is None:
        return None
    head = _plain_pronouns(head)
    if head is None:
        return None
    head = capitalise(_trim_period(" ".join(head.split())))
    words = head.split()
    if not 2 <= len(words) <= MAX_HEADING_WORDS or re.search(r"\b(bedes|anmodes|hermed|nærværende)\b", head):
        return None
    return head


def _zones(report: Report) -> list[Zone]:
    if report.parts:        # the anatomy the analysis read
        return [Zone(p["start"], p["end"], ZONE_OF[p["kind"]]) for p in report.parts]
    blocks = tuple(Block(b["start"], b["end"], b["kind"]) for b in report.blocks) if report.blocks else None
    return letter_zones(report.text, blocks)


# Text a heading or a moved opening must never carry: the appeal guide's fee and deadline talk, and the
# sender's contact details, case and document numbers (they belong to the letterhead and signature).
NOT_MESSAGE = rxcache.compile(r"\bklag\w*|\bpåklag\w*|\bgebyr\w*|\bankestyrelsen\b|\bklageportalen\b", re.I)
CONTACT_TEXT = rxcache.compile(r"@|\bwww\.|\b(tlf|telefon|sagsnr|sagsnummer|j\.\s?nr|dok(ument)?nr|cvr)\b\.?|"
                               r"\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b|\b\d+[.-]\d+[.-]\d+[-\w.]*\b", re.I)
_WORD = rxcache.compile(r"[\wæøåÆØÅ]+")


def _same_message(heading: str, sentence: str) -> bool:
    """True when the heading says (almost) all the sentence says: both at the top would repeat it."""
    hw = [w.lower() for w in _WORD.findall(heading)]
    sw = [w.lower() for w in _WORD.findall(sentence)]
    return bool(hw) and bool(sw) and len(hw) >= 0.7 * len(sw) and sum(w in sw for w in hw) >= 0.8 * len(hw)


def message_first_suggestions(report: Report, heading_from: str | None = None) -> list[Suggestion]:
    """A move of the message to the top of the body and a heading that states it (each only when it helps).

    ``heading_from`` is another wording of the message to make the heading
    from when this one gives none (the letter's text before other rewrites).
    """
    pos = report.scores.get("message_position") if report.scores else None
    if not pos:
        return []
    has_heading_finding = any(f.category == "message" and "overskrift" in f.rule for f in report.findings)
    return move_and_heading(report.text, _zones(report), pos["start"], pos["end"],
                            message_first=report.scores.get("message_first"),
                            heading_finding=has_heading_finding, heading_from=heading_from)


def _under_subheading(text: str, zones: list[Zone], top: int, ms: int) -> bool:
    """The sentence at ``ms`` is the first under a sub-heading ("Hvad skal du gøre?"): moved to the top, it would
    leave the sub-heading over the wrong text, or run it into the rest of the paragraph."""
    before = len(text[:ms].rstrip())
    return any(z.kind == "heading" and top < z.end and z.start < before <= z.end for z in zones)


def move_and_heading(text: str, zones: list[Zone], ms: int, me: int, *, message_first: bool | None,
                     heading_finding: bool = False, heading_from: str | None = None) -> list[Suggestion]:
    """The move and heading suggestions from plain offsets: what ``message_first_suggestions`` reads off a
    Report, and what the message check has on the Doc (``text[ms:me]`` is the message sentence)."""
    sentence = text[ms:me]
    if CONTACT_OFFER.search(sentence):
        return []      # "Ring til os, hvis du har spørgsmål" closes a letter; it is never the message to move up
    kind_at = next((z.kind for z in zones if z.start <= ms < z.end), "body")
    if kind_at not in ("body", "heading") or NOT_MESSAGE.search(sentence):
        return []      # never build an opening from the letterhead, signature or appeal guide
    end_zone = next((z for z in zones if z.start <= ms < z.end), None)
    if end_zone is not None and me > end_zone.end:
        me = end_zone.end      # a sentence never runs on into the next part
        sentence = text[ms:me]
    body = [z for z in zones if z.kind == "body"]
    heading = next((z for z in zones if z.kind == "heading"), None)
    if heading is not None and body and heading.start > body[0].start:
        heading = None
    out: list[Suggestion] = []
    # 1. the move
    if message_first is False and body:
        top = body[0].start
        stated = heading is not None and heading_for(text[heading.start:heading.end].strip()) is not None
        # "... på reg.nr. 1234, kontonr." + "12345678 ...": the sentence was cut at an abbreviation
        cut = re.match(r"\s*[0-9a-zæøå]", text[me:me + 3]) is not None
        if top < ms and not (heading and heading.start <= ms < heading.end) and not stated and not cut \
                and not _under_subheading(text, zones, top, ms):
            before = text[top:ms].rstrip()
            moved = detach(sentence.rstrip())
            replacement = moved + "\n\n" + before
            # a sentence that still points back ("dette", "ovennævnte") reads worse at the top
            back = BACK_REFERENCE.search(moved)
            s = suggestion(text, top, me, replacement, kind="move", safe=False,
                           confidence=0.35 if back else 0.5, note=NOTE_MOVE)
            if s is not None:
                out.append(s)
    # 2. the heading
    new = heading_for(detach(sentence), text) or (heading_for(detach(heading_from), text) if heading_from else None)
    if new and CONTACT_TEXT.search(new):
        new = None
    if new and _same_message(new, sentence):
        # the heading says it all: moving the sentence up as well would say the same thing twice
        out = [o for o in out if o.kind != "move"]
    if new:
        if heading is not None:
            old = text[heading.start:heading.end]
            old_s = old.strip()
            if old_s != new and (heading_finding or message_first is False):
                start = heading.start + old.index(old_s)
                if keeps_content(old_s, new):
                    s = suggestion(text, start, start + len(old_s), new, kind="heading", safe=False,
                                   confidence=0.6, note=NOTE_HEADING)
                else:
                    s = Suggestion(start, start, new + "\n\n", kind="heading", safe=False, confidence=0.5,
                                   note=NOTE_HEADING + " Slet den gamle overskrift, når du har flyttet tallene.")
                if s is not None:
                    out.append(s)
        else:
            first = next((z for z in zones if z.kind in ("salutation", "body")), None)
            if first is not None:
                out.append(Suggestion(first.start, first.start, new + "\n\n", kind="heading", safe=False,
                                      confidence=0.55, note=NOTE_HEADING))
    return out
