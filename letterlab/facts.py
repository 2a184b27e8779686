"""The facts of a letter, and what a new version of it lost or changed.

``extract_facts(text)`` finds, from the text alone (no parse, so it is cheap
and works on any version a user pastes): amounts, dates, deadlines and other
periods, § references, law names, names of people, places and offices,
placeholders, phone numbers, web and e-mail addresses, case numbers, the
appeal guide and its deadline, and the decision itself (granted, refused,
partly granted).

``diff_facts(before, after)`` compares two versions. A fact counts as kept
when its normalised value occurs anywhere in the new version ("1.250,00 kr."
and "1250 kr." are the same amount, "lov om social service" and
"serviceloven" the same law). Within one kind, a lost value and a new value
are paired as a change ("1. maj" -> "1. juni"); the rest are missing. CPR
numbers are no facts to keep: removing one is what the writer should do.

``facts_check(before_text, after_text)`` is the JSON behind ``letterlab
compare``, ``/api/compare`` and the compare page::

    {"status": "ok" | "identical" | "empty" | "unrelated",
     "message": Danish sentence or None,
     "missing": [{"kind", "title", "value"}],
     "changed": [{"kind", "title", "before", "after"}],
     "legal_warning": Danish sentence or None,
     "counts": {"before": n, "after": n}}
"""
from __future__ import annotations

import re
from letterlab import rxcache
from dataclasses import dataclass
from typing import Any

from .nlp.text import PLACEHOLDER_RE

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")
MONTH_NO = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_NO.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                 "okt": 10, "nov": 11, "dec": 12})
NUMBER_WORDS = {"en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7,
                "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14, "tyve": 20, "tredive": 30}

KIND_TITLES = {
    "amount": "Beløb", "date": "Dato", "period": "Frist eller periode", "paragraph": "Paragraf",
    "law": "Lov", "name": "Navn", "placeholder": "Flettefelt", "phone": "Telefonnummer",
    "address": "Web- eller mailadresse", "case": "Sagsnummer", "appeal": "Klagevejledning",
    "appeal_deadline": "Klagefrist", "decision": "Afgørelse",
}
DECISION_TITLES = {"granted": "ja (bevilget)", "refused": "nej (afslag)", "partly": "delvist ja"}
# Kinds whose loss takes a legal element out of a decision letter.
LEGAL_KINDS = ("decision", "appeal", "appeal_deadline", "paragraph", "law", "period")


# Every match of the patterns below starts with one of a few characters. A look-ahead for them goes first:
# the regex engine then leaves every other position after one test instead of trying each branch (and the
# look-behinds) there, 1.5-2.5 times faster on a whole letter. A character class folds case exactly as the
# literals do, so the matches are the same; tests/test_facts_patterns.py compares them with ``PLAIN``.
PLAIN: dict[str, tuple[str, int]] = {}


def _led(name: str, first: str, pattern: str, flags: int = 0, word: bool = False) -> re.Pattern:
    """``pattern`` behind a look-ahead for ``first``, the characters every match of it starts with.

    ``word``: every branch of ``pattern`` starts with ``\\b`` too, tested next (positions inside a word fail
    there before the branches are tried).
    """
    PLAIN[name] = (pattern, flags)
    return re.compile(f"(?=[{first}]){chr(92) + 'b' if word else ''}(?:{pattern})", flags)


_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?"
AMOUNT_RE = _led("AMOUNT_RE", r"kd\d", rf"(?:(?:kr\.?|DKK)\s*({_NUM})(?:,-)?|({_NUM})(?:,-)?\s*(?:kr\b\.?|kroner\b|DKK\b))", re.I)
DATE_LONG_RE = _led("DATE_LONG_RE", r"\d", r"\b(\d{1,2})\.?\s+(" + "|".join(sorted(MONTH_NO, key=len, reverse=True))
                          + r")\.?(?:\s+(\d{4}))?\b", re.I)
DATE_NUM_RE = _led("DATE_NUM_RE", r"\d", r"(?<![\d.,/-])(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2}))?(?![\d,]|\.\d)")
DATE_SPACE_YEAR_RE = _led("DATE_SPACE_YEAR_RE", r"\d", r"(?<![\d.,/-])(\d{1,2})/(\d{1,2})\s+(\d{4})\b")
PERIOD_RE = _led("PERIOD_RE", r"\deéftson", r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s+(hverdage|arbejdsdage|dage|dag|uger|uge|måneder|"
                       r"måned|år|timer|time)\b", re.I)
PARAGRAPH_RE = rxcache.compile(r"§§?[ \u00a0]*(\d+(?:[ \u00a0]?[a-zæøå](?![\wæøå]))?)((?:,?[ \u00a0]*[Ss]tk\.[ \u00a0]*\d+)?)"
                               r"((?:,?[ \u00a0]*[Nn]r\.[ \u00a0]*\d+)?)")
LAW_RE = rxcache.compile(r"\b(lov om [a-zæøå]+(?:[ -](?!og\s+(?:du|vi|de|den|det)\b)[a-zæøå]+){0,6}?)(?=\s*(?:[,.;:§(]|$|\s(?:§|og\s+at|"
                         r"kan|skal|er|har|til|giver|siger|står)\b))|\b([a-zæøå]+lov(?:en|ens)?)\b", re.I | re.M)
CASE_RE = _led("CASE_RE", r"sjr", r"\b(?:sagsnr|sagsnummer|sags-nr|j\.\s?nr|journalnr|journalnummer|jnr|ref\.?\s?nr|"
                     r"referencenr)\.?\s*:?\s*([A-Za-z]{0,4}[-\s]?\d[\w./-]*\d|\d)", re.I)
NAME_RE = _led("NAME_RE", r"A-ZÆØÅ", r"(?<![\w@./-])[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ]?[a-zæøåéü]+)?(?:[ \t]+[A-ZÆØÅ][a-zæøåéü]+"
                     r"(?:-[A-ZÆØÅ]?[a-zæøåéü]+)?)*")
APPEAL_RE = _led("APPEAL_RE", r"kpavhi", r"klagevejledning|\b(?:på)?klage[rs]?\b[^.\n]{0,80}\b(?:afgørelse|ankestyrelsen|kommunen|"
                       r"uger|frist)|\bkan\s+(?:du\s+)?(?:på)?klage|afgørelsen\s+kan\s+påklages|klagen\s+skal|"
                       r"vil du klage|hvis du (?:vil|ønsker at) klage|ikke er enig i afgørelsen", re.I)
SENT_SPLIT_RE = rxcache.compile(r"(?<=[.!?:])\s+|\n+")

# Decision cues. "refused" and "granted" each win alone; both, or an explicit "delvis", is "partly".
PARTLY_RE = _led("PARTLY_RE", r"dbig", r"\bdelvis(?:t)?\b[^.\n]{0,60}\b(?:bevilg|imødekomm|godkend|ja|får|medhold)|"
                       r"\b(?:bevilg|imødekomm|godkend)\w*\s+(?:\w+\s+){0,3}delvis|\bdelvis(?:t)? ja\b|"
                       r"\bdelvist medhold\b", re.I)
REFUSED_RE = _led("REFUSED_RE", r"agsikdhbf", r"\bafslag\b|\bafslå\w*|\bgiver (?:dig |Dem )?afslag|\bsiger nej\b|"
                        r"\bikke\s+(?:kan\s+)?(?:blive\s+|bliver\s+)?(?:imødekomm\w*|bevilg\w*|godkend\w*)|"
                        r"\bkan\s+ikke\s+(?:imødekomm\w*|bevilg\w*|godkend\w*|få\b)|"
                        r"\b(?:du|De)\s+(?:kan\s+ikke\s+få|får\s+ikke)\s+(?:\w+\s+){0,2}?(?:støtte|hjælp|tilskud|dækket|"
                        r"bevilget|en|et|\d)|"
                        r"\bkan\s+(?:du|De|vi)\s+ikke\s+(?:få|bevilg\w*|give|godkend\w*)\b|"
                        r"\bhar\s+ikke\s+ret\s+til\b|\b(?:bevilg|imødekomm|godkend)(?:es|et|er)\s+ikke\b|\bfår\s+(?:du|De)\s+ikke\b|\bdækker\s+(?:\w+\s+)?ikke\b|\bikke\s+(?:er\s+)?(?:berettiget|opfyld\w*)", re.I)
GRANTED_RE = _led("GRANTED_RE", r"bighsftdv", r"(?<!som er )(?<!der er )(?<!tidligere )\bbevilg(?:et|ede|er|es)\b|\bimødekomm(?:es|er|et)\b(?![^.\n]{0,10}\bikke)|"
                        r"\bgodkend(?:t|er|es)\b|\bsiger ja\b|\bhar ret til\b|\bfår\s+(?:(?:en|et|hjælp|tilskud|"
                        r"støtte|bevilget|dækket|betalt|refunderet)\b)|\btilkend\w+\b|"
                        r"\b(?:du|De)\s+får\s+(?:\S+\s+){0,3}?(?:støtte|hjælp|tilskud|dækket|\d)|\bvi\s+dækker\b(?!\s+(?:dog\s+)?ikke)",
                        re.I, word=True)
_DIGIT_RE = rxcache.compile(r"\d")
# The characters that re.IGNORECASE matches to a Latin letter without str.lower() giving that letter
# (İ ı ſ, the Kelvin and Ångström signs): a text with one is never skipped by a plain substring test.
ODD_FOLD_RE = rxcache.compile("[\u0130\u0131\u017f\u212a\u212b]")
PERIOD_UNITS = ("dag", "uge", "måned", "år", "time")     # in every unit PERIOD_RE knows
_NUM_DATE_HINT_RE = rxcache.compile(r"\d[./-]\d")
CONDITION_RE = _led("CONDITION_RE", r"hsk", r"\b(?:hvis|såfremt|kan du søge|kan De søge)\b", re.I)
REQUEST_RE = rxcache.compile(r"\bhvis\b|\bkan\s+(?:du|De)\s+søge\b|\bsøg\b|\bansøg", re.I)
NOT_NAMES = {"De", "Dem", "Deres", "Du", "Dig", "Din", "Dit", "Dine", "Vi", "Os", "Vores", "Jeg", "Mig", "Min",
             "Med", "Venlig", "Kære", "Hej", "Klagevejledning", "Afgørelse", "Vedrørende", "Vedr", "Kopi",
             "Bilag", "Tlf", "Mail", "Telefon", "Mobil", "Dato", "Sagsnr", "Sagsnummer", "Emne", "Svar"}


@dataclass(frozen=True)
class Fact:
    kind: str
    key: str          # the normalised value facts are compared by
    text: str         # as written in the letter
    start: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": KIND_TITLES[self.kind], "value": self.text}


def _number(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def _amount_key(raw: str) -> str:
    if "," in raw:
        whole, dec = raw.split(",", 1)
    else:
        whole, dec = raw, "0"
    value = int(whole.replace(".", "")) + int(dec.ljust(2, "0")[:2]) / 100
    return f"{value:.2f}"


def _year(y: str | None) -> str:
    if not y:
        return "?"
    return y if len(y) == 4 else "20" + y


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether a word at ``pos`` opens a sentence, a line or a bullet."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n-–•*(\"»«“„"


# The sender's own units: the letter may well call them "vi" instead (as the address rule advises).
SENDER_SUFFIXES = ("centeret", "centret", "tionen", "ningen", "rådet", "forvaltningen", "afdelingen", "kontoret",
                   "sekretariatet", "teamet", "kommunen")


def _clean_name(text: str, start: int, source: str, lower_words) -> list[tuple[str, int]]:
    """The names in a run of capitalised words: split at pronouns, a sentence-initial common word dropped."""
    out: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []
    for m in re.finditer(r"\S+", text):
        w, pos = m.group(0), start + m.start()
        if w in NOT_NAMES:
            out += _name_of(run, source, lower_words)
            run = []
        else:
            run.append((w, pos))
    return out + _name_of(run, source, lower_words)


def _name_of(run: list[tuple[str, int]], source: str, lower_words) -> list[tuple[str, int]]:
    if run and _starts_sentence(source, run[0][1]) and (len(run) == 1 or run[0][0].lower() in lower_words):
        run = run[1:]     # a capitalised word at a sentence start is a common word unless a name follows
    if not run:
        return []
    if len(run) == 1 and (run[0][0].lower() in lower_words or _name_key(run[0][0]).endswith(SENDER_SUFFIXES)):
        return []
    return [(" ".join(w for w, _ in run), run[0][1])]


def extract_facts(text: str, letter: bool = True) -> list[Fact]:
    """Every fact of ``text`` (see the module doc), in text order.

    ``letter=False`` leaves out what only the whole letter can tell (the decision, the appeal guide):
    the rewrite guard reads a few words around an edit.
    """
    facts: list[Fact] = []
    if not text:
        return facts

    def add(kind: str, key: str, raw: str, start: int) -> None:
        facts.append(Fact(kind, key, raw.strip(), start))

    masked = text
    low = text.lower()
    digits = _DIGIT_RE.search(text) is not None
    if any(c in text for c in "{«<["):      # every placeholder holds one of these
        for m in PLACEHOLDER_RE.finditer(text):
            add("placeholder", m.group(0).lower().replace(" ", ""), m.group(0), m.start())
        masked = PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), masked)
    from .checks.privacy import NOT_CPR_BEFORE, NOT_PHONE_BEFORE, find_cpr, find_phones
    from .rewrite.common import _ADDRESS_HINT_RE, _ADDRESS_RE

    for s, e, raw in find_cpr(masked, NOT_CPR_BEFORE) if digits else ():
        masked = masked[:s] + " " * (e - s) + masked[e:]
    # web and e-mail addresses: the pattern runs only on the words that can hold one (as rewrite.common does)
    done = 0
    spans = []
    for hint in _ADDRESS_HINT_RE.finditer(masked):
        if hint.start() < done:
            continue
        wa, wb = hint.start(), hint.end()
        while wa > 0 and not masked[wa - 1].isspace():
            wa -= 1
        while wb < len(masked) and not masked[wb].isspace():
            wb += 1
        done = wb
        for m in _ADDRESS_RE.finditer(masked, wa, wb):
            raw = m.group(0).rstrip(".,;:)")
            add("address", raw.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
                .rstrip("/"), raw, m.start())
            spans.append((m.start(), m.start() + len(raw)))
    for s, e in spans:
        masked = masked[:s] + " " * (e - s) + masked[e:]
    has_case = digits and any(w in low for w in ("sag", "j.", "j ", "journal", "jnr", "ref"))
    for m in CASE_RE.finditer(masked) if has_case else ():
        add("case", re.sub(r"[\s.-]", "", m.group(1)).lower(), m.group(1), m.start(1))
        masked = masked[:m.start(1)] + " " * (m.end(1) - m.start(1)) + masked[m.end(1):]
    for s, e, raw in find_phones(masked, NOT_PHONE_BEFORE) if digits else ():
        add("phone", re.sub(r"\D", "", raw)[-8:], raw, s)
        masked = masked[:s] + " " * (e - s) + masked[e:]
    for m in AMOUNT_RE.finditer(masked) if digits and ("kr" in low or "dkk" in low) else ():
        raw = m.group(1) or m.group(2)
        add("amount", _amount_key(raw), m.group(0), m.start())
    taken: list[tuple[int, int]] = []
    for m in DATE_LONG_RE.finditer(masked) if digits else ():
        day, month = int(m.group(1)), MONTH_NO[m.group(2).lower()]
        if 1 <= day <= 31:
            add("date", f"{day}.{month}.{_year(m.group(3))}", m.group(0), m.start())
            taken.append((m.start(), m.end()))
    for rx in ((DATE_SPACE_YEAR_RE, DATE_NUM_RE) if digits and _NUM_DATE_HINT_RE.search(masked) else ()):
        for m in rx.finditer(masked):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            day, month = int(m.group(1)), int(m.group(2))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            if rx is DATE_NUM_RE and m.group(3) is None and "." in m.group(0):
                continue     # "1.5" is a number, not a date
            add("date", f"{day}.{month}.{_year(m.group(3))}", m.group(0), m.start())
            taken.append((m.start(), m.end()))
    # every period ends in a unit ("dage", "uger", "måneder", "år", "timer"): no unit, no scan
    has_unit = any(u in low for u in PERIOD_UNITS) or ODD_FOLD_RE.search(text) is not None
    for m in PERIOD_RE.finditer(masked) if has_unit else ():
        n = _number(m.group(1))
        unit = m.group(2).lower()
        unit = {"dag": "dage", "uge": "uger", "måned": "måneder", "time": "timer", "hverdage": "dage",
                "arbejdsdage": "dage"}.get(unit, unit)
        if n is not None:
            add("period", f"{n} {unit}", m.group(0), m.start())
    for m in PARAGRAPH_RE.finditer(masked) if "§" in text else ():
        num = re.sub(r"\s", "", m.group(1)).lower()
        stk = re.sub(r"\D", "", m.group(2) or "")
        nr = re.sub(r"\D", "", m.group(3) or "")
        add("paragraph", "§" + num + (f" stk. {stk}" if stk else "") + (f" nr. {nr}" if nr else ""),
            m.group(0), m.start())
    for m in LAW_RE.finditer(masked) if "lov" in low else ():
        raw = m.group(1) or m.group(2)
        key = _law_key(raw)
        if key:
            add("law", key, raw, m.start())
    _names(masked, add)
    if letter:
        _appeal(masked, add)
        decision = decision_of(masked)
        if decision:
            add("decision", decision, DECISION_TITLES[decision], 0)
    facts.sort(key=lambda f: f.start)
    return facts


LAW_ALIASES = {
    "lov om social service": "serviceloven", "lov om aktiv socialpolitik": "aktivloven",
    "lov om aktiv beskæftigelsesindsats": "beskæftigelsesloven",
    "lov om retssikkerhed og administration på det sociale område": "retssikkerhedsloven",
    "lov om en aktiv beskæftigelsesindsats": "beskæftigelsesloven", "lov om sygedagpenge": "sygedagpengeloven",
    "lov om social pension": "pensionsloven", "lov om individuel boligstøtte": "boligstøtteloven",
    "lov om børnetilskud og forskudsvis udbetaling af børnebidrag": "børnetilskudsloven",
}
NOT_LAWS = {"lov", "loven", "lovens", "forlov", "tilladelse"}


def _law_key(raw: str) -> str | None:
    low = " ".join(raw.lower().split())
    if low.startswith("lov om "):
        return LAW_ALIASES.get(low, low)
    if low in NOT_LAWS or len(low) < 6:
        return None
    if low.endswith("lovens"):
        low = low[:-1]
    elif low.endswith("lov"):
        low += "en"
    return low


_LOWER_WORD_RE = rxcache.compile(r"\b[a-zæøå][a-zæøå-]+\b")


class _LowerWords:
    """The lower-case words of a text, read when first asked (a text whose capitalised runs are all
    one word at a sentence start never asks)."""

    __slots__ = ("text", "words")

    def __init__(self, text: str):
        self.text, self.words = text, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = set(_LOWER_WORD_RE.findall(self.text))
        return word in self.words


def _names(text: str, add) -> None:
    lower_words = _LowerWords(text)
    for m in NAME_RE.finditer(text):
        # a line that is only capitalised words at a sentence start (a heading) is no name unless it is two words
        for name, pos in _clean_name(m.group(0), m.start(), text, lower_words):
            add("name", _name_key(name), name, pos)


def _name_key(name: str) -> str:
    """Lower case, genitive dropped ("Visitationens" -> "visitationen")."""
    words = name.lower().split()
    words[-1] = words[-1][:-1] if re.search(r"(?:en|et|ne)s$", words[-1]) and len(words[-1]) > 5 else words[-1]
    return " ".join(words)


def _appeal(text: str, add) -> None:
    low = text.lower()
    if "klag" not in low and "enig" not in low:
        return
    m = APPEAL_RE.search(text)
    if not m:
        return
    add("appeal", "ja", "klagevejledning", m.start())
    # the appeal deadline: a period in a sentence about the complaint, from the appeal guide on
    for p in PERIOD_RE.finditer(text, m.start()):
        a = max(text.rfind(".", 0, p.start()), text.rfind("\n", 0, p.start())) + 1
        b = min([x for x in (text.find(".", p.end()), text.find("\n", p.end())) if x >= 0] or [len(text)])
        if "klag" in text[a:b].lower():
            n = _number(p.group(1))
            if n is not None:
                unit = p.group(2).lower()
                unit = {"uge": "uger", "dag": "dage", "måned": "måneder"}.get(unit, unit)
                add("appeal_deadline", f"{n} {unit}", p.group(0), p.start())
                return


def decision_of(text: str) -> str | None:
    """"granted", "refused", "partly" or None, from the letter's wording (the appeal guide left out)."""
    body = text
    ap = re.search(r"\n\s*klagevejledning\b|\n\s*sådan klager du\b|\n\s*hvis du vil klage\b", text, re.I)
    if ap:
        body = text[:ap.start()]
    # conditions and offers ("Hvis du ikke får ...", "kan du søge ...") decide nothing: drop those sentences
    body = " ".join(sent for sent in re.findall(r"[^.\n]+", body) if not CONDITION_RE.search(sent))
    if PARTLY_RE.search(body):
        return "partly"
    refused = REFUSED_RE.search(body) is not None
    granted = GRANTED_RE.search(REFUSED_RE.sub(" ", body)) is not None
    if refused and granted:
        return "partly"  # a grant of one thing and a refusal of another
    if refused:
        return "refused"
    if granted:
        return "granted"
    return None


def _keys(facts: list[Fact], kind: str) -> dict[str, Fact]:
    out: dict[str, Fact] = {}
    for f in facts:
        if f.kind == kind:
            out.setdefault(f.key, f)
    return out


def _counts(facts: list[Fact], kind: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in facts:
        if f.kind == kind:
            out[f.key] = out.get(f.key, 0) + 1
    return out


# Kinds where one of several mentions replaced by a new value is a change ("500 kr." twice, then once
# "500 kr." and once "600 kr."). A mention merely dropped is no change: a rewrite may say it once.
COUNTED_KINDS = ("amount", "date", "paragraph", "period", "phone", "case")


def _date_kept(key: str, after_keys: set[str]) -> bool:
    if key in after_keys:
        return True
    d, m, y = key.split(".")
    return any(k.split(".")[:2] == [d, m] and (y == "?" or k.split(".")[2] in ("?", y)) for k in after_keys)


def diff_facts(before: list[Fact], after: list[Fact]) -> dict[str, list]:
    """{"missing": [Fact], "changed": [(Fact, Fact)]}: facts of ``before`` not kept in ``after``."""
    missing: list[Fact] = []
    changed: list[tuple[Fact, Fact]] = []
    kinds = {f.kind for f in before}
    for kind in KIND_TITLES:
        if kind not in kinds:
            continue     # nothing of this kind to lose
        b, a = _keys(before, kind), _keys(after, kind)
        if kind == "date":
            lost = [f for k, f in b.items() if not _date_kept(k, set(a))]
            new = [f for k, f in a.items() if not _date_kept(k, set(b))]
        elif kind == "name":
            # a name kept inside a longer one ("Jensen" in "Anne Jensen") or split up is kept
            joined = " " + " ".join(a) + " "
            lost = [f for k, f in b.items() if k not in a and f" {k} " not in joined
                    and not all(f" {w} " in joined for w in k.split())]
            bj = " " + " ".join(b) + " "
            new = [f for k, f in a.items() if k not in b and f" {k} " not in bj
                   and not all(f" {w} " in bj for w in k.split())]
        else:
            lost = [f for k, f in b.items() if k not in a]
            new = [f for k, f in a.items() if k not in b]
        if kind == "name":
            missing += lost      # a new name is not "the same name changed"
            continue
        if kind in COUNTED_KINDS and new and len(lost) < len(new):
            cb, ca = _counts(before, kind), _counts(after, kind)
            lost += [b[k] for k in b if k in a and ca[k] < cb[k] and b[k] not in lost][:len(new) - len(lost)]
        pairs = min(len(lost), len(new))
        changed += list(zip(lost[:pairs], new[:pairs]))
        missing += lost[pairs:]
    return {"missing": missing, "changed": changed}


MSG_EMPTY = "Der er ingen tekst i {which} udgave. Indsæt begge udgaver af brevet."
MSG_IDENTICAL = "De to udgaver er ens. Der er intet at sammenligne."
MSG_UNRELATED = ("De to tekster ligner ikke to udgaver af det samme brev. Tjek, at du har valgt de rigtige "
                 "tekster. Listen over fakta nedenfor er derfor ikke til at stole på.")
MSG_LEGAL = "Advarsel: Den nye udgave mangler noget, som en afgørelse skal have: {what}. Skriv det ind igen."
MSG_ALL_KEPT = "Den nye udgave har alle fakta fra den gamle udgave."
_WORD_RE = rxcache.compile(r"[a-zæøå]{4,}")


def similarity(a: str, b: str) -> float:
    """Share of content words the two texts have in common (0-1)."""
    wa, wb = set(_WORD_RE.findall(a.lower())), set(_WORD_RE.findall(b.lower()))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def facts_check(before: str, after: str) -> dict[str, Any]:
    """The facts of ``before`` that ``after`` lost or changed, as JSON (see the module doc)."""
    result: dict[str, Any] = {"status": "ok", "message": None, "missing": [], "changed": [],
                              "legal_warning": None, "counts": {"before": 0, "after": 0}}
    if not (before or "").strip() or not (after or "").strip():
        which = "den gamle" if not (before or "").strip() else "den nye"
        if not (before or "").strip() and not (after or "").strip():
            which = "nogen"
        result.update(status="empty", message=MSG_EMPTY.format(which=which))
        return result
    fb, fa = extract_facts(before), extract_facts(after)
    result["counts"] = {"before": len(fb), "after": len(fa)}
    if before.strip() == after.strip():
        result.update(status="identical", message=MSG_IDENTICAL)
        return result
    d = diff_facts(fb, fa)
    result["missing"] = [f.to_dict() for f in d["missing"]]
    result["changed"] = [{"kind": a.kind, "title": KIND_TITLES[a.kind], "before": a.text, "after": b.text}
                         for a, b in d["changed"]]
    legal = []
    for f in d["missing"] + [a for a, _ in d["changed"]]:
        if f.kind in LEGAL_KINDS:
            title = KIND_TITLES[f.kind].lower()
            if f.kind == "period":
                title = "en frist"
            if title not in legal:
                legal.append(title)
    if legal:
        result["legal_warning"] = MSG_LEGAL.format(what=", ".join(legal))
    if similarity(before, after) < 0.2:
        result.update(status="unrelated", message=MSG_UNRELATED)
    elif not d["missing"] and not d["changed"]:
        result["message"] = MSG_ALL_KEPT
    return result


def render_facts_text(result: dict[str, Any]) -> list[str]:
    """The facts check as plain Danish lines (for ``letterlab compare``)."""
    out = ["Fakta i brevet:"]
    if result.get("message"):
        out.append("  " + result["message"])
    for m in result["missing"]:
        out.append(f"  Mangler: {m['title']}: {m['value']}")
    for c in result["changed"]:
        out.append(f"  Ændret: {c['title']}: {c['before']} -> {c['after']}")
    if result.get("legal_warning"):
        out.append("  " + result["legal_warning"])
    return out
