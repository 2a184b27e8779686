"""Personal data in the letter (kind ``privacy``): CPR numbers, phone numbers, e-mail addresses.

* ``cpr``: ddmmyy-xxxx or ddmmyyxxxx where ddmmyy is a real date (any
  century, so 29 February always counts). A ten-digit number right after
  "kontonr.", "reg.nr.", "sagsnr." and the like is an account or case number,
  not a CPR number. The finding never holds the whole number: its ``text``
  and message show it masked ("010190-****"), because reports are saved,
  e-mailed and shown on screen.
* ``telefon``: eight digits starting with 2–9, written together or in
  groups ("72104400", "72 10 44 00", "7210 4400"), optionally after +45 or
  0045. Amounts ("72 10 44 00 kr."), dates ("12 11 2026") and numbers right
  after words such as "sagsnr.", "kontonr." or "CVR" are not phone numbers; nor
  is a number whose label names another kind of number ("kreditornummer",
  "kreditor-nr.", "afgift nr.", "P-nummer", :func:`labelled_not_phone`) or one
  in an FI/OCR payment line ("+71 < 000001234567891 + 86543210 <"). A label
  that makes it a phone number ("tlf. nr.", "telefonnummer", "ring på nr.")
  keeps it one.
* ``email``: an ordinary e-mail address.

Template placeholders ({telefon}, «Email», [CPR-nummer]) are never flagged.
A number or address in a template should be a placeholder, so the finding's
message says which one to use ({cpr}, {telefon}, {email}). It is advice, not
a suggestion: replacing the number would lose it (a rewrite never loses
content).

The sender's own phone number and e-mail address are not the citizen's
personal data, and a letter must tell the reader how to reach the sender. So
by default a phone number or e-mail address is left alone when it stands in
the sender's letterhead, reference lines, closing or signature
(:func:`letterlab.checks.sender.in_sender_block`), or when the words just
before it in the same sentence make it the sender's ("Ring til mig på",
"skriv til os på", "mit direkte nummer er"), or when a staff member's role or an institution's or
organisation's name stands right before its phone label ("Leder: Susanne Krogh, tlf. ...", "hos Retshjælpen i
Fjordby, telefon ...", :func:`_work_contact`). Words that make it the
citizen's ("dit telefonnummer", "du har oplyst") win over both. A CPR number
is always flagged: the sender has none. ``sender_contact = true`` flags the
sender's contact data too, for an organisation that wants every number in a
template to be a placeholder.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from datetime import date
from typing import Iterator

from ..report.model import Finding, Suggestion
from .base import Param, letter, make_finding, doc_text
from .sender import in_sender_block, sender_contact_before

TARGETS = ("cpr", "telefon", "email")
CPR_NOTE = "Fjern CPR-nummeret fra brevet. I en skabelon skal der stå et flettefelt."

NOT_PHONE_BEFORE = ["sagsnr", "sagsnummer", "sags nr", "j.nr", "j. nr", "journalnr", "journalnummer", "kontonr",
                    "kontonummer", "konto", "reg.nr", "reg. nr", "regnr", "registreringsnummer", "cvr", "se-nr",
                    "p-nr", "faktura", "fakturanr", "ordrenr", "kundenr", "kundenummer", "matr", "lokalplan",
                    "bilag", "ean", "referencenr", "ref.", "policenr", "sagsid", "id"]
NOT_CPR_BEFORE = ["kontonr", "kontonummer", "konto", "reg.nr", "regnr", "sagsnr", "sagsnummer", "j.nr",
                  "journalnr", "fakturanr", "kundenr", "ordrenr", "ean", "cvr", "telefon", "tlf", "mobil"]

PARAMS = {
    "find": Param(str, required=True, choices=TARGETS, help="hvilken slags persondata reglen finder"),
    "not_after": Param(list, default=[], help="ord lige før et tal, der gør det til et sagsnummer el.lign."),
    "placeholder": Param(str, default="", help="flettefelt, som forslaget sætter ind, fx {telefon}"),
    "sender_contact": Param(bool, default=False,
                            help="markér også afsenderens egne telefonnumre og e-mailadresser (til skabeloner)"),
}

# The look-ahead at the front names the characters a match starts with: the engine then tests the look-behind
# only there, not at every position of the letter (the same matches, about 1.5 times faster).
CPR_RE = rxcache.compile(r"(?=\d)(?<![\w.,/+-])(\d{2})(\d{2})(\d{2})(?:[-–]?)(\d{4})(?![\w]|[.,/-]\d)")
PHONE_RE = rxcache.compile(
    r"(?=[+02-9])(?<![\w.,/+-])((?:\+45|0045)[ \u00a0]?)?([2-9]\d(?:[ \u00a0]?\d\d){3}|[2-9]\d{3}[ \u00a0]\d{4})"
    r"(?![\w]|[.,/-]\d)")
EMAIL_RE = rxcache.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
DATE_LIKE_RE = rxcache.compile(r"^(\d{2})[ \u00a0.]?(\d{2})[ \u00a0.]?(19|20)(\d{2})$")
AMOUNT_AFTER_RE = rxcache.compile(r"^\s*(kr\b|kr\.|kroner\b|dkk\b|,-|euro\b|€)", re.I)
AMOUNT_BEFORE_RE = rxcache.compile(r"(kr\.?|dkk|€)\s*$", re.I)


def validate_param(key: str, value) -> str | None:
    if key == "not_after" and value is not None and not all(isinstance(w, str) and w.strip() for w in value):
        return "listen må kun have tekst"
    return None


def valid_birth_date(dd: str, mm: str, yy: str) -> bool:
    """True when ddmmyy is a date in some century (29 February counts: 2000 was a leap year)."""
    d, m, y = int(dd), int(mm), int(yy)
    for century in (2000, 1900):
        try:
            date(century + y, m, d)
            return True
        except ValueError:
            continue
    return False


def mask_cpr(number: str) -> str:
    """'0101901234' → '010190****', '010190-1234' → '010190-****': only the birth date stays."""
    return number[:-4] + "****"


def mask_cprs(text: str) -> str:
    """``text`` with every CPR number masked, for findings whose span happens to cover one."""
    for start, end, number in reversed(find_cpr(text, NOT_CPR_BEFORE)):
        text = text[:start] + mask_cpr(number) + text[end:]
    return text


def _after_word(text: str, start: int, words: list[str]) -> bool:
    """True when one of ``words`` comes right before ``start`` ("sagsnr. 123", "sagsnummer er 123")."""
    before = text[max(0, start - 30):start].lower()
    before = re.sub(r"([\s:.#\u00a0]|\b(er|var|nr|nummer|no)\b)*$", "", before)
    return any(before.endswith(w.lower().rstrip(".")) for w in words)


# Stems of words that make a number a phone number: "telefonnummer", "tlf.", "mobilnr.", "vagtnummer", "ring på".
PHONE_STEMS = ("telefon", "tlf", "mobil", "vagt", "nød", "akut", "hotline", "fastnet", "kontakt", "sms", "direkte",
               "omstilling", "hovednummer", "ring")
# Words that may stand between a bare "nummer"/"nr." and what it numbers without naming a kind ("dit nummer",
# "på nr."): the number may still be a phone number there.
NOT_A_LABEL = {"dit", "mit", "sit", "vores", "jeres", "deres", "hans", "hendes", "dets", "dens", "samme", "nyt", "nye",
               "gamle", "eget", "et", "det", "dette", "følgende", "andet", "på", "til", "med", "om", "under", "og",
               "eller", "er", "var", "som", "af", "fra", "hvis", "nyeste", "rigtige", "korrekte"}
_LABEL_WORD = rxcache.compile(r"[\wæøå][\wæøå./-]*", re.I)
_FILLER = {"er", "var", "lyder", "på", "hedder"}
# A payment line in FI/OCR form: "+71 < 000001234567891 + 86543210 <" (the type code "+71<", the creditor number
# between "+" and "<").
FI_CODE_RE = rxcache.compile(r"\+\s*\d{2}\s*<")
FI_FIELD_BEFORE_RE = rxcache.compile(r"\+\s*$")
FI_FIELD_AFTER_RE = rxcache.compile(r"^\s*<")


def _phone_stem(word: str) -> bool:
    return any(word.startswith(st) or (st != "ring" and st in word) for st in PHONE_STEMS)


def _numbered_label(word: str) -> bool:
    """'kreditornummer', 'kreditor-nr', 'sagsnr', 'p-nummer', 'nr': a word that names a kind of number."""
    w = word.rstrip(".:")
    return bool(re.search(r"(nummer|numre|nummeret|nr|no)$", w))


def labelled_not_phone(text: str, start: int) -> bool | None:
    """What the label before the number at ``start`` says it is: True when it names another kind of number
    ("kreditornummer", "kreditor-nr.", "afgift nr.", "faktura nr.", "P-nummer", "CVR-nr."), False when it makes it a
    phone number ("tlf.", "telefonnummer", "mobil", "ring på"), None when there is no label that decides."""
    line_start = text.rfind("\n", 0, start) + 1
    words = [w.lower().rstrip(".:-/") for w in _LABEL_WORD.findall(text[max(line_start, start - 60):start])]
    words = [w for w in words if w]
    while words and words[-1] in _FILLER and len(words) > 1 and words[-2] not in ("ring", "ringe", "ringer"):
        words.pop()
    if not words:
        return None
    last = words[-1]
    if _phone_stem(last):
        return False
    if not _numbered_label(last):
        return None
    if last.rstrip(".") in ("nr", "nummer", "no"):
        prev = words[-2] if len(words) > 1 else ""
        if prev and _phone_stem(prev):
            return False            # "tlf. nr.", "telefon nr."
        if len(words) > 2 and _phone_stem(words[-3]):
            return False            # "ring på nr."
        if not prev:
            return None if last == "nummer" else True     # "Nr. 86543210" numbers something; "Nummer: ..." may not
        if prev in NOT_A_LABEL or prev.isdigit():
            return None             # "dit nummer", "på nr.": may be a phone number
        return True                 # "afgift nr.", "faktura nr.", "ordre nr."
    return True                     # "kreditornummer", "kreditor-nr.", "P-nummer", "EAN-nr."


def _on_payment_line(text: str, start: int, end: int) -> bool:
    """The number stands in an FI/OCR payment line ("+71 < 000001234567891 + 86543210 <")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if FI_CODE_RE.search(line):
        return True
    return bool(FI_FIELD_BEFORE_RE.search(text[max(line_start, start - 3):start])
                and FI_FIELD_AFTER_RE.match(text[end:end + 3]))


def _in_placeholder(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# A staff member's role or an institution's or organisation's name right before a phone label makes the number
# work contact data, not a citizen's: "Leder: Susanne Krogh, tlf. 76 42 55 80", "hos Retshjælpen i Skovlykke, telefon
# 56 12 33 00". A label alone ("Mobil: 2143 6587") or a person without a role ("Peters nummer") says nothing of it.
_STAFF_ROLE = (r"(leder|pædagog|rådgiver|konsulent|plejerske|visitator|terapeut|koordinator|vejleder|sagsbehandler|"
               r"kontaktperson|sekretær|inspektør|forstander|dagplejer|chef|mentor|psykolog|jordemoder|receptionen)")
_ORG_NAME = (r"[A-ZÆØÅ][\wæøå-]*(hjælpen|centret|centeret|center|service|kommune|region|styrelsen|styrelse|rådet|"
             r"forvaltningen|tilsynet|skole|skolen|klinik|klinikken|ambulatoriet|hospital|hospitalet|sygehus|sygehuset|"
             r"afdelingen|kontoret|kontor|linjen|rådgivningen|politiet|forsyning|huset|børnehave|børnehaven|vuggestue|"
             r"vuggestuen|sekretariatet|foreningen|forening|nævnet|fonden|vagten|Danmark)")
_WORK_CONTACT_RE = rxcache.compile(
    rf"(\b[\wæøå-]*{_STAFF_ROLE}\b|\b{_ORG_NAME}\b|\b(jobcenter|borgerservice|ydelsesservice)\b)"
    r"[^.;!?\n]{0,40}?[,:(]?\s*(tlf\.?|telefon(nummer|nr\.?)?|på)\s*(nr\.?)?\s*:?\s*$", re.I)


def _work_contact(text: str, start: int) -> bool:
    """The number at ``start`` is labelled as a staff member's, an institution's or an organisation's."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 90):start]
    m = _WORK_CONTACT_RE.search(before)
    if not m:
        return False
    if m.group(0)[:1].islower() and re.match(_ORG_NAME, m.group(0), re.I) and not re.match(
            rf"[\wæøå-]*{_STAFF_ROLE}\b|(jobcenter|borgerservice|ydelsesservice)\b", m.group(0), re.I):
        return False        # an organisation is named with a capital letter ("Retshjælpen"), not "hjælpen"
    return True


def is_senders(ctx, text: str, start: int) -> bool:
    """True when the phone number or e-mail address at ``start`` is the sender's own contact data (or, for a phone
    number, a staff member's or an institution's work number: ``_work_contact``)."""
    whose = sender_contact_before(text, start)
    if whose is not None:
        return whose
    return in_sender_block(ctx, text, start) or _work_contact(text, start)


def find_cpr(text: str, not_after: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for m in CPR_RE.finditer(text):
        dd, mm, yy, _ = m.groups()
        if not valid_birth_date(dd, mm, yy):
            continue
        if "-" not in m.group(0) and "–" not in m.group(0) and _after_word(text, m.start(), not_after):
            continue
        out.append((m.start(), m.end(), m.group(0)))
    return out


def find_phones(text: str, not_after: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for m in PHONE_RE.finditer(text):
        digits = m.group(2)
        if not m.group(1) and DATE_LIKE_RE.match(digits):
            dd, mm = int(DATE_LIKE_RE.match(digits).group(1)), int(DATE_LIKE_RE.match(digits).group(2))
            if 1 <= dd <= 31 and 1 <= mm <= 12:
                continue  # "12 11 2026", "24122026": a date
        if AMOUNT_AFTER_RE.match(text[m.end():m.end() + 8]) or AMOUNT_BEFORE_RE.search(text[max(0, m.start() - 6):m.start()]):
            continue
        if _on_payment_line(text, m.start(), m.end()):
            continue        # an FI/OCR line: the creditor number, not a phone number
        label = labelled_not_phone(text, m.start())
        if label is True or (label is None and _after_word(text, m.start(), not_after)):
            continue
        out.append((m.start(), m.end(), m.group(0)))
    return out


def _senders_domain(text: str, address: str) -> bool:
    """The address is on the sending authority's own domain: "hjaelpemidler@egeskov.dk" in a letter from "Egeskov
    Kommune" (a functional mailbox to write or complain to, not a citizen's data)."""
    domain = address.rpartition("@")[2].lower()
    name = domain.split(".")[0]
    if len(name) < 3 or not domain.endswith(".dk"):
        return False
    # the sender's names as a domain may spell them (æ, ø and å in ASCII: "norrevig.dk" for "Nørrevig Kommune"), each
    # name's own spelling among them
    spellings = {v for m in _SENDER_NAME.finditer(text) for v in _ascii_spellings(m.group(1))}
    return name in spellings or name.removesuffix("kommune") in spellings


_SENDER_NAME = rxcache.compile(r"\b([A-ZÆØÅ][\wæøåÆØÅ-]+)\s+(?:kommune|region|forsyning|affald)\b", re.I)
_ASCII = (("æ", ("ae", "a", "e")), ("ø", ("oe", "o")), ("å", ("aa", "a")))


def _ascii_spellings(name: str) -> set[str]:
    """The ways a domain may spell ``name`` in ASCII ("Nørrevig" -> norrevig, noerrevig)."""
    out = {name.lower()}
    for letter, spellings in _ASCII:
        out = {v.replace(letter, sp) for v in out for sp in spellings} if any(letter in v for v in out) else out
    return out


def find_emails(text: str) -> list[tuple[int, int, str]]:
    if "@" not in text:
        return []       # most letters: no need to run the pattern at every position
    return [(m.start(), m.end(), m.group(0)) for m in EMAIL_RE.finditer(text)]


def _on_email_header(ctx, text: str, start: int) -> bool:
    """True on an e-mail's own header line ("Fra:", "Til:", "Cc:") that the anatomy read as sender or addressee."""
    from ..anatomy import EMAIL_HEADER

    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start + 1]       # the label and the first character of what it labels
    return bool(EMAIL_HEADER.match(line)) and ctx.part_at(start) in ("letterhead", "recipient")


def check(doc, rule) -> Iterator:
    ctx = letter(doc)
    text = doc_text(doc)
    holders = ctx.placeholders
    if not holders:
        from ..nlp.text import find_placeholders

        holders = tuple(find_placeholders(text))
    target = rule.params["find"]
    if target == "cpr":
        not_after = rule.params["not_after"] or NOT_CPR_BEFORE
        for start, end, number in find_cpr(text, not_after):
            if _in_placeholder(holders, start, end):
                continue
            masked = mask_cpr(number)
            holder = rule.params["placeholder"] or "{cpr}"
            # The suggestion is the merge field, never the number (#13: a rewrite takes the number out).
            sug = Suggestion(start, end, holder, kind="privacy", safe=True, confidence=0.9, note=CPR_NOTE)
            # Built by hand, not with make_finding: the finding's text must not hold the full number.
            yield Finding(rule=rule.id, category=rule.category, severity=rule.severity,
                          message=f"{rule.message} ({masked}) I en skabelon skal der stå et flettefelt, fx {holder}.",
                          start=start, end=end, text=masked, explanation=rule.explanation, suggestions=(sug,))
        return
    if target == "telefon":
        found = find_phones(text, rule.params["not_after"] or NOT_PHONE_BEFORE)
        default_holder = "{telefon}"
    else:
        found = find_emails(text)
        default_holder = "{email}"
    holder = rule.params["placeholder"] or default_holder
    for start, end, _ in found:
        if _in_placeholder(holders, start, end):
            continue
        if not rule.params["sender_contact"] and (is_senders(ctx, text, start) or (
                target == "email" and _senders_domain(text, text[start:end]))):
            continue
        if _on_email_header(ctx, text, start):
            continue        # "Til: Sofie Munk <sofie@mail.dk>": an e-mail is sent to its reader's address
        yield make_finding(rule, doc, start, end,
                           message=f"{rule.message} I en skabelon skal der stå et flettefelt, fx {holder}.")
