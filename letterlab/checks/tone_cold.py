"""Broader tone shapes, most of which count only in a letter the tone rules already find cold.

A writer who threatens, shouts or blames in two sentences of a letter usually lectures, brushes aside and orders in
others too, in words no list foresees; the same words in a friendly letter are often fine ("Det er forældrenes
ansvar at melde afbud" in an information letter about the rules). So these shapes are broad, and each of them fires
only when at least ``GATE`` other body sentences of the letter have a finding of the tone rules (any family but the
letter's order, ``raekkefoelge``, which repeats a threat already counted). The exception is ``ALONE``: a few narrow
forms whose words lecture or reproach the reader in any letter ("man bør", "det havde været en fordel, hvis De
havde …", "vi må gå ud fra, at De …", "fremover" as a correction) count without the gate. Session 21: on reviews 22
and 23, blind when the shapes were written, the gated shapes found 1 of 108 missed marks; these forms, narrowed after
those reviews were read, find 7 more there with no false finding, and none of review 24's, written blind to them
(docs/tone.md, "Cold letters" and "Blind review 24").

Each shape says which family it belongs to, and is left alone where the rules' usual exemptions hold: the sentence is
quoted, a law text, a question, a hypothesis, or gives a reason or legal basis (``_reasoned``); the next sentence gives
the reason or offers help. The shapes are written from the issue's family definitions and the course's principles
(docs/tone.md, "Cold letters"), not from any one review's sentences.
"""
from __future__ import annotations

import re

from letterlab import rxcache

from .tone_rx import AnySearch

GATE = 2
COUNTED_FAMILIES = ("trussel", "belaering", "bebrejdelse", "kommando", "raab", "kold-afvisning")

# institutions that stand for "us" in a genitive ("det er kommunens ansvar at …" is our duty, not a lecture)
_US = (r"kommune|forvaltning|center|centret|centeret|skole|afdeling|institution|klinik|bibliotek|myndighed|"
       r"jobcent|tandpleje|sekretariat|team|enhed|kontor|hjemmepleje|borgerservice|styrelse|region")

SHAPES: dict[str, tuple[tuple[str, re.Pattern, str], ...]] = {
    # a sanction we say we are "forced" to (the threat said as our hardship)
    "trussel": (
        ("forced", rxcache.compile(r"\b(vi|kommunen|forvaltningen|skolen)\s+(ser|så)\s+(os|sig)\s+(\w+\s+)?"
                                   r"(nødsaget|nødt|tvunget)\s+til\b|\b(ser|så)\s+(vi|kommunen)\s+(os|sig)\s+(\w+\s+)?"
                                   r"(nødsaget|nødt|tvunget)\s+til\b"),
         "Skriv, hvad der sker og hvorfor, og hvad læseren kan gøre for at undgå det."),
    ),
    # a duty or a moral told about a group, "one" or everyone (not about us)
    "belaering": (
        ("duty_of_others", rxcache.compile(
            r"\b(det er|er det)\s+(?P<who>[a-zæøå]+(ens|ernes|ets|s)|alles|enhvers)\s+(eget\s+|egen\s+|fælles\s+)?"
            r"(ansvar|pligt|forpligtelse)\b"),
         "Skriv, hvad læseren skal gøre, og hvorfor. Så behøver du ikke fortælle, hvem der har ansvaret."),
        ("one_should", rxcache.compile(r"\b(man|enhver)\s+(bør|burde|må forventes|forventes|har pligt)\b|"
                                       r"\b(bør|burde) man\b|^\W*det siger sig selv\b|"
                                       r"^\W*det er (almindeligt? |alment |vel)?kendt,? at\b|\bsom alle (ved|kender)\b"),
         "Skriv direkte til læseren om det, der gælder i sagen, i stedet for hvad man bør."),
        ("ideal_person", rxcache.compile(r"^\W*(en|et) (ansvarlig|god|ordentlig|hensynsfuld|omsorgsfuld)e? [a-zæøå]+ "
                                         r"(holder|sørger|passer|melder|tager|ved|forstår|husker|rydder|betaler)\b"),
         "Skriv direkte til læseren om det, der gælder i sagen, i stedet for hvad man bør."),
        ("we_expect", rxcache.compile(r"\b(vi|kommunen|skolen|forvaltningen)\s+(må|skal|kan)\s+(kunne\s+)?forvente,?\s+at\b|"
                                      r"\bdet (må|kan) forventes,? at\b|"
                                      r"\b(vi|kommunen|skolen|forvaltningen)\s+forventer,?\s+at\s+(du|de|i|man|alle|enhver)\s+"
                                      r"(\w+\s+)?(retter|overholder|følger|respekterer|efterlever|lever op)\b"),
         "Skriv, hvad læseren skal gøre nu, i stedet for hvad vi havde forventet."),
    ),
    # the reader's point or our view set against it, with no reason
    "kold-afvisning": (
        ("no_bearing", rxcache.compile(
            r"\b(ændrer|rykker|forandrer)\s+(\w+\s+)?(ikke|intet)\s+(på|ved)\b|"
            r"\b(er|var)\s+(\w+\s+)?uden\s+betydning\b|"
            r"\b(lægger|tillægger)\s+(\w+\s+)?(ikke|ingen)\s+(\w+\s+)?vægt\b|"
            r"\bkan ikke tillægges\b|\btages ikke til følge\b|"
            r"\b(indgår|går)\s+ikke\s+i\s+(\w+\s+)?(dialog|diskussion|korrespondance|drøftelse|forhandling)\b|"
            r"\b(vi|kommunen|forvaltningen)\s+foretager\s+(os|sig)\s+ikke\s+(mere|yderligere|videre|noget)\b|"
            r"^\W*(sagen|din sag|deres sag|jeres sag)\s+(genoptages|behandles)\s+ikke\s*(igen|yderligere)?\W*$|"
            r"\bkan ikke (\w+ )?føre til (et andet|en anden|nogen anden|et nyt) (resultat|afgørelse|vurdering)\b|"
            r"\b(der er|vi ser|kommunen ser) ingen (grund|anledning) til at (\w+ )?(se anderledes|ændre|genoverveje|revurdere)\b|"
            r"\bkan ikke se bort fra\b|^\W*(sagen|afgørelsen) er (hermed )?(afgjort|endelig)\W*$|"
            r"\b(indgår|indgik) ikke i (\w+ )?(vurdering|afgørelse|beslutning|behandling)\w*|"
            r"\bhar ikke givet anledning til (\w+ )?(ændring|at ændre|en anden)\w*"),
         "Skriv, hvorfor det ikke ændrer afgørelsen, og vis, at du har læst det, læseren skrev."),
    ),
    # compliance demanded without a reason: in the passive, "regardless", a correction for the future, a ban
    "kommando": (
        ("comply_passive", rxcache.compile(r"\b(skal|må)\s+(\w+\s+)?(overholdes|respekteres|efterkommes|efterleves)\b|"
                                           r"\b(du|de|i)\s+bedes\s+(\w+\s+)?(rette (dig|dem|jer) efter|overholde|respektere|efterleve|efterkomme)\b"),
         "Skriv, hvorfor det er vigtigt, og hvad læseren kan gøre, hvis det ikke kan lade sig gøre."),
        ("regardless", rxcache.compile(r"\b(skal|må|bedes)\b[^.]*\b(uanset om|til enhver tid)\b|"
                                       r"\b(uanset om|til enhver tid)\b[^.]*\b(skal|må|bedes)\b|\b(du|de|i) har at\b"),
         "Skriv, hvorfor det gælder i alle tilfælde."),
        ("henceforth", rxcache.compile(r"\b(du|de|i)\s+(skal|må|bedes)\s+(\w+\s+)?fremover\b|"
                                       r"\bfremover\s+(skal|må|bedes)\s+(du|de|i)\b"),
         "Skriv, hvorfor du beder om det, og tak gerne for samarbejdet."),
        ("ban", rxcache.compile(r"\b(du|de|i)\s+må\s+(\w+\s+)?ikke\b"),
         "Skriv, hvorfor læseren ikke må, og hvad læseren kan gøre i stedet."),
        ("all_of_it", rxcache.compile(r"\bsamtlige\b[^.]*\b(skal|bedes)\b|\b(skal|bedes)\b[^.]*\bsamtlige\b|"
                                      r"^\W*(vedlæg|send|indsend|aflever|udfyld|besvar)\b[^.]*\bsamtlige\b"),
         "Skriv, hvad vi skal bruge, og hvorfor. Ordet \"samtlige\" lyder strengt."),
    ),
    # blame said as a wish for the past or as our assumption, or the reader told it is their own responsibility
    "bebrejdelse": (
        ("duty_then_failure", rxcache.compile(
            r"\b(ansvar|pligt|forpligtelse)\w*\b[^.]*\b(du|de|i)\s+(\w+\s+)?(ikke|aldrig)\s+(\w+\s+)?(har|havde)\b|"
            r"\b(du|de|i)\s+(\w+\s+)?(ikke|aldrig)\s+(har|havde)\s+(\w+\s+)?(levet op til|overholdt|opfyldt)\b"),
         "Skriv, hvad læseren skal gøre nu, og hvordan vi kan hjælpe, i stedet for hvad læseren ikke har gjort."),
        ("own_responsibility", rxcache.compile(r"\b(det er|er det)\s+(deres|din|dit|jeres)\s+(eget\s+|egen\s+)?ansvar\b"),
         "Skriv, hvad læseren skal gøre, og hvorfor, i stedet for hvis ansvar det er."),
        ("in_hindsight", rxcache.compile(
            r"\bdet (havde|ville have)\s+været\s+(\w+\s+)?(en fordel|bedre|godt|hensigtsmæssigt|rimeligt|klogt),?\s+"
            r"(hvis|om)\s+(du|de|i)\s+(\w+\s+)?havde\b"),
         "Skriv, hvad læseren kan gøre nu, i stedet for hvad læseren burde have gjort."),
        ("puzzled", rxcache.compile(r"\bsvært ved at (se|forstå|begribe),? (hvorfor|hvordan)\b"),
         "Spørg læseren, hvad der er sket, i stedet for at undre dig."),
        ("assumed", rxcache.compile(r"\bvi\s+(må\s+)?(gå ud fra|går ud fra|antage|antager|formode|formoder),?\s+at\s+(du|de|i)\b"),
         "Spørg læseren i stedet for at gætte på, hvad læseren har gjort."),
    ),
}
# the reader as the words' subject: "De"/"I" count with a capital only
_READER_SHAPES = {"henceforth", "ban", "in_hindsight", "assumed", "own_responsibility", "duty_then_failure"}
# a duty told about others that goes on to the reader's failure is a reproach (``duty_then_failure``), not a lecture
_FAILURE_AFTER = {"duty_of_others", "one_should"}
_READER_WORD_RE = rxcache.compile(r"\b([Dd]u|De|I|Deres|[Dd]in|[Dd]it|[Jj]eres)\b")
# a reason or a legal basis in the sentence itself
_LEGAL_RE = rxcache.compile(r"§|\bjf\b|\befter (\w+ )?(loven|lovens|reglerne|bekendtgørelsen|regulativet|vedtægten)\b|"
                            r"\b\w+lovens\b|\bi henhold til\b|\bsom (det )?står i\b|"
                            r"\bstår i (\w+ )?(loven|regulativet|vedtægten|bekendtgørelsen|lokalplanen|reglerne)\b")


_READERS = {"deres", "jeres", "dines", "vores"}
# a sentence about anything of a kind ("Et lån …", "En ny beholder …"): a general statement
_GENERAL_SUBJECT_RE = rxcache.compile(r"^\W*(en|et|ét)\s")


def _reader_in(text: str, a: int, b: int) -> bool:
    return bool(_READER_WORD_RE.search(text, a, b))


def shape_at(td, k: int, family: str) -> tuple[int, int, str, str] | None:
    """The first of ``family``'s broad shapes in sentence ``k`` that no exemption clears: (start, end, name,
    advice), offsets in the sentence; once per letter, sentence and family."""
    key = ("cold-shape", k, family)
    if key in td._cache:
        return td._cache[key]
    any_rx = _any_shape(family)
    got = None if any_rx is None or not any_rx.search(td.sents[k].low) else _shape_at(td, k, family)
    td._cache[key] = got
    return got


# made at import: their literals then get their bits before any letter's sentences are read (``tone_rx._Bits``)
_ANY: dict[str, AnySearch] = {family: AnySearch([rx for _, rx, _ in shapes]) for family, shapes in SHAPES.items()
                              if shapes}


def _any_shape(family: str) -> AnySearch | None:
    """All of ``family``'s shapes as one yes/no search: a sentence it does not match holds none of them."""
    return _ANY.get(family)


def _shape_at(td, k: int, family: str) -> tuple[int, int, str, str] | None:
    from . import tone as T

    s = td.sents[k]
    if (s.zone != "body" or s.part == "appeal" or T.HYPOTHETICAL_RE.match(s.low) or T.LAW_RE.match(s.low)
            or s.low.rstrip().endswith("?") or T.SOFTENED_RE.search(s.low)):
        return None
    for name, rx, advice in SHAPES.get(family, ()):
        m = rx.search(s.low)
        if not m or td.quoted(s.start + m.start()):
            continue
        if name in _READER_SHAPES and not _reader_in(s.text, m.start(), m.end()):
            continue
        if name in _FAILURE_AFTER and shape_named(td, k, "bebrejdelse", "duty_then_failure"):
            continue
        if name == "duty_of_others" and (re.search(rf"({_US})", m.group("who")) or m.group("who") in _READERS):
            continue
        if name == "no_bearing" and _GENERAL_SUBJECT_RE.match(s.low):
            continue        # "En klage ændrer ikke ved, at gebyret skal betales": how a scheme works, not the reader's point

        if _reasoned(td, k, family):
            return None
        return m.start(), m.end(), name, advice
    return None


def shape_named(td, k: int, family: str, name: str) -> bool:
    """Sentence ``k`` holds ``family``'s shape ``name`` (reader words with their case)."""
    s = td.sents[k]
    for n, rx, _ in SHAPES.get(family, ()):
        if n == name:
            m = rx.search(s.low)
            return bool(m) and (n not in _READER_SHAPES or _reader_in(s.text, m.start(), m.end()))
    return False


def _reasoned(td, k: int, family: str) -> bool:
    """The sentence gives a legal basis or help; or, for an order, a refusal or a threat, a reason, or the next
    sentence in its paragraph gives the reason or help."""
    from . import tone as T

    s = td.sents[k]
    if _LEGAL_RE.search(s.low) or td.help(s):
        return True
    if family in ("bebrejdelse", "belaering"):
        return False        # a lecture or a reproach is no less one for its "fordi"
    if T.STRONG_REASON_RE.search(s.low) or (family != "kold-afvisning" and td.has_reason(s)):
        return True
    nxt = td.sents[k + 1] if k + 1 < len(td.sents) else None
    if nxt is None or T._new_paragraph(td, s, nxt):
        return False
    return bool(T.STRONG_REASON_RE.search(nxt.low) or td.help(nxt) or T.NEXT_ALTERNATIVE_RE.search(nxt.low)
                or re.match(r"\W*(det er fordi|grunden er|det skyldes)", nxt.low))


def cold_enough(flagged: set[int], k_start: int) -> bool:
    """At least ``GATE`` body sentences other than the one at ``k_start`` have a tone finding."""
    return len(flagged - {k_start}) >= GATE


# The shapes, or the narrower forms of them, whose words lecture or reproach the reader in any letter, so they need
# no cold letter around them (``stands_alone``): the ideal citizen held up, blame in hindsight, a duty followed by the
# reader's failure, what "man" should know or "burde" have done, what one should do "som <role>", a duty said to be
# everyone's, "vi må gå ud fra, at De ikke …" (we had to conclude the reader failed; with a condition it is a fair
# consequence), the reader's own points said to have no bearing on our decision, "fremover" as a correction (not as
# the news of a change: a date, "fra …", a new scheme in the sentence or the one before). Never in a question told
# back ("Du spurgte, om man bør …").
# The rest stay behind the gate: their words are often fair in a friendly letter (advice with "man bør", "det er
# almindeligt kendt, at vejsalt skader hække", "vi må gå ud fra, at I får brug for mere plads, så …", a bare ban,
# "samtlige" in a request, "det ændrer ikke ved, at du fortsat kan få hjælp", "uanset om", "det er udlejers ansvar").
# Checked against a helper editor's own friendly letters that use these words (docs/tone.md, "Cold letters").
_KNOW = r"(vide|kende|huske|forstå|være klar over|være bekendt med|have læst|have set|have styr på)"
ALONE: dict[str, re.Pattern | None] = {
    "ideal_person": None,
    "in_hindsight": None,
    "duty_then_failure": None,
    "henceforth": None,
    "one_should": rxcache.compile(rf"\b(man|enhver)\s+burde\b|\bburde man\b|"
                                  rf"\b(man|enhver)\s+bør\s+(\w+\s+)?{_KNOW}\b|\bbør man\s+(\w+\s+)?{_KNOW}\b|"
                                  r"\bsom\s+[a-zæøå]+\s+(\w+\s+)?bør man\b|\bman bør som\s+[a-zæøå]+\b"),
    "assumed": rxcache.compile(r"\bvi\s+må\s+(gå ud fra|antage|formode),?\s+at\b[^.]*\b(ikke|aldrig|undladt|glemt|overset)\b"),
    "duty_of_others": rxcache.compile(r"\b(det er|er det)\s+(alles|enhvers)\s+(\w+\s+)?(ansvar|pligt)\b"),
    # the reader's own points said to weigh nothing in our decision ("Dine bemærkninger om støjen ændrer ikke på
    # afgørelsen"), not something in the reader's favour ("… ændrer ikke på din ret til …")
    "no_bearing": rxcache.compile(
        r"^\W*((dine|deres|jeres|disse|de nævnte|de) (\w+ ){0,2}?(bemærkning|oplysning|forklaring|indsigelse|argument|"
        r"synspunkt|høringssvar|indvending|forhold|begrundelse)\w*|at (du|de|i) [^.]{3,80}?),? "
        r"[^.]{0,60}?\b(ændrer|rykker|forandrer) (\w+ )?(ikke|intet) (på|ved) (\w+ )?(vurdering|afgørelse|beslutning|resultat|"
        r"regler|sagen|sagens)\w*|"
        r"^\W*(dine|deres|jeres|disse|de nævnte|de) (\w+ ){0,2}?(bemærkning|oplysning|forklaring|indsigelse|argument|synspunkt|"
        r"høringssvar|indvending|forhold)\w*[^.]{0,60}?\b(indgår ikke i|har ikke givet anledning til|kan ikke føre til|"
        r"tages ikke til følge|tillægges ikke)\b"),
}
_CONDITION_RE = rxcache.compile(r"\b(hvis|medmindre|såfremt)\b")
# what we do about it follows ("…, så vi sender det igen"), or what the reader missed was never theirs to do ("ikke har
# fået vores brev"): an assumption in the reader's favour
_OUR_TURN_RE = rxcache.compile(r"[,;] (så|og derfor|derfor) (\w+ )?(vi|jeg|kommunen)\b|\bikke (har |havde )?(fået|modtaget)\b")
# a question told back: "Du spurgte, om det havde været en fordel, hvis …", "Mange spørger, om man bør …"
_TOLD_QUESTION_RE = rxcache.compile(r"\b(om|hvorvidt)\s*$|\b(spørg|spurg|spurgt)\w*\b")
# the news of a change: "fremover" then tells what the change means, not a correction
CHANGE_NEWS_RE = rxcache.compile(r"\bfra\s+(den\s+)?\d|\bfra\s+(januar|februar|marts|april|maj|juni|juli|august|september|"
                                 r"oktober|november|december|nytår|næste|i dag|i morgen|og med)\b|\bny(e|t)?\s+\w*"
                                 r"(ordning|regler|system|plan|adresse|løsning|procedure|måde|ruter?)\b|\bændr|\bskift")


def stands_alone(td, k: int, name: str, start: int) -> bool:
    """Shape ``name``, found at ``start`` in sentence ``k``, is a finding in any letter (``ALONE``)."""
    if name not in ALONE:
        return False
    low = td.sents[k].low
    if _TOLD_QUESTION_RE.search(low, 0, start):
        return False
    if name == "henceforth":
        from . import tone as T

        prev = td.sents[k - 1] if k > 0 else None
        near = [low] + ([prev.low] if prev is not None and not T._new_paragraph(td, prev, td.sents[k]) else [])
        return not any(CHANGE_NEWS_RE.search(x) for x in near)
    if name == "assumed" and (_CONDITION_RE.search(low) or _OUR_TURN_RE.search(low)):
        return False
    rx = ALONE[name]
    return rx is None or bool(rx.search(low))


# the first sentence of a finding's message, per family, where the rule's own would not fit the shape
LEAD = {
    "belaering": "Sætningen lyder belærende.",
    "kold-afvisning": "Brevet afviser læserens synspunkt uden en grund.",
}
