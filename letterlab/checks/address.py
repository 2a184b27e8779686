"""How the letter addresses the reader (kind ``address``): du and vi, not De, man or "borgeren".

One kind, five targets (param ``find``), so each can be switched off alone:

* ``de-form``: formal De/Dem/Deres → du/dig/din/dit/dine. A capitalised form
  inside a sentence is formal. At the start of a sentence "De" is often
  "they" ("De unge kommer kl. 10", "De skal have mad"), so it only counts
  with evidence: the tagger's ``Polite=Form``, "De bedes", or a formal form
  elsewhere in the letter. "De" followed by a noun, adjective or number is a
  determiner ("De nye regler") and never formal; "De" before a capitalised
  word inside a sentence is part of a name ("De Forenede Stater").
  "Deres" → din/dit/dine agrees with the noun after it (Number=Plur → dine,
  Gender=Com → din, Gender=Neut → dit); the suggestion is safe only when that
  morphology is there and the form is surely formal.
  A letter in De from start to end (no du to the reader in the body) is a
  deliberate register: one info note on the first form (param
  ``consistent = "note"``, the default), carrying the switch to du for every
  form, never safe (``--apply safe`` keeps the register; ``--apply all``
  switches the whole letter). A municipality that writes du
  everywhere sets ``consistent = "each"`` in an ``[[override]]`` and gets a
  warning and a rewrite per form, as for a letter that mixes De and du.
* ``man``: the pronoun "man" → "du" (or "vi"); never safe.
* ``undertegnede`` → "jeg" as subject, "mig" after a preposition or a verb.
  Safe only when word order makes the position clear (sentence start before a
  verb, after a preposition, between an auxiliary and a verb).
* ``upersonlig``: "ansøger(en)", "borgeren", "modtageren", "(den)
  pågældende" → du/dig/din; never safe. "ansøger" as a verb ("De ansøger
  om") and "pågældende" before a noun ("den pågældende periode") are left
  alone.
* ``kommunen``: "kommunen" (or "Fjordby Kommune", "Visitationen" ...) as the
  subject of a finite verb in the body, where the sender means "vi":
  "Kommunen har besluttet", "derfor har kommunen modtaget". "Du kan klage til
  kommunen" and "kommunens regler" are not the sender acting, nor is a rule
  of law: "Kommunen må kun betale, når ..." with a law or a § in the same or
  the next sentence.

Phrases in ``exceptions`` are never flagged ("feltet til modtageren" on a
bank transfer). Signature, closing and meta lines are not checked.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator

from ..report.model import Suggestion
from ..rewrite.common import keeps_content
from ..nlp.table import token_table
from ..structure import zone_at
from .base import Param, letter, make_finding, match_case, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TARGETS = ("de-form", "man", "undertegnede", "upersonlig", "kommunen")

IMPERSONAL = ["ansøger", "ansøgeren", "ansøgers", "ansøgerens", "borgeren", "borgerens", "modtageren",
              "modtagerens", "pågældende", "pågældendes"]
SENDERS = ["kommunen", "forvaltningen", "jobcentret", "jobcenteret", "visitationen", "ydelsescentret",
           "ydelsescenteret", "pladsanvisningen", "opkrævningen", "afdelingen", "myndigheden", "centret", "centeret"]
EXCEPTIONS = ["feltet til modtageren", "besked til modtageren", "tekst til modtageren", "meddelelse til modtageren",
              "de forenede stater", "de grønne", "de gamles by", "de radikale"]

PARAMS = {
    "find": Param(str, required=True, choices=TARGETS, help="hvilken form for tiltale reglen finder"),
    "impersonal_words": Param(list, default=IMPERSONAL, help="ord, der omtaler læseren i tredje person"),
    "sender_words": Param(list, default=SENDERS, help="ord, afsenderen bruger om sig selv i stedet for vi"),
    "exceptions": Param(list, default=EXCEPTIONS, help="udtryk, som aldrig markeres"),
    "consistent": Param(str, default="note", choices=("note", "each"),
                        help="et brev med De hele vejen: én note (note) eller et fund for hvert ord (each)"),
}

SUBJECT_PRONOUNS = {"du", "de", "jeg", "vi", "man", "han", "hun", "i", "den", "det"}
FORMAL = {"De": "du", "Dem": "dig"}
FINITE_HINTS = {"skal", "har", "kan", "vil", "må", "er", "bedes", "får", "bliver", "bør", "kunne", "skulle",
                "havde", "var", "ville", "fik", "blev"}
# "De bedes/anmodes/henvises ...": a request to the reader, never "they".
REQUEST_PASSIVES = {"bedes", "anmodes", "henvises", "opfordres", "gøres", "indkaldes", "tilbydes", "bevilges"}
THIRD_POSSESSIVES = {"hans", "hendes", "deres", "sine", "dens", "dets"}
OPENING_PUNCT = {".", "!", "?", ":", ";", "-", "–", "•", "*", "\"", "“", "„", "(", "»", "«"}
PREPOSITIONS = {"til", "af", "fra", "hos", "med", "ved", "for", "om", "på", "mod", "uden", "overfor"}
CLAUSE_OPENERS = {"at", "når", "hvis", "fordi", "da", "som", "og", "men", "så", "der", "mens", "før", "efter",
                  "indtil", "selvom", "idet", "eller"}
_CACHE_KEY = "letterlab_address"


def validate_param(key: str, value) -> str | None:
    if not all(isinstance(w, str) and w.strip() for w in value):
        return "listen må kun have tekst"
    return None


# --- token helpers ---------------------------------------------------------------------------

def _prev(tok: Token) -> Token | None:
    i = tok.i - 1
    while i >= 0 and tok.doc[i].is_space:
        i -= 1
    return tok.doc[i] if i >= 0 else None


def _next(tok: Token) -> Token | None:
    i = tok.i + 1
    while i < len(tok.doc) and tok.doc[i].is_space:
        i += 1
    return tok.doc[i] if i < len(tok.doc) else None


def sentence_initial(tok: Token) -> bool:
    """True at a sentence start, a line start or after an opening mark (bullet, colon, quote)."""
    if tok.is_sent_start:
        return True
    prev = _prev(tok)
    if prev is None:
        return True
    if "\n" in doc_text(tok.doc)[prev.idx + len(prev.text):tok.idx]:
        return True
    return prev.text in OPENING_PUNCT


def is_finite(tok: Token | None) -> bool:
    if tok is None:
        return False
    if tok.pos_ in ("VERB", "AUX") and ("Fin" in tok.morph.get("VerbForm") or tok.morph.get("Mood")):
        return True
    return tok.lower_ in FINITE_HINTS


def _skip_zone(doc: Doc, zones, tok: Token) -> bool:
    return bool(zones) and zone_at(zones, tok.idx) in ("signature", "closing", "meta")


def _doc_cache(doc: Doc) -> dict:
    """What the five address rules share on one doc: exception spans, token positions by lower-cased form."""
    table = token_table(doc)
    cache = doc.user_data.get(_CACHE_KEY)
    if cache is None or cache["table"] is not table:
        # the lower-cased forms in the letter: most of the words looked for are not there at all
        cache = doc.user_data[_CACHE_KEY] = {"table": table, "forms": set(table.lower), "exceptions": {}}
    return cache


def _positions(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose lower-cased form is one of ``words``, in order."""
    cache = _doc_cache(doc)
    there = cache["forms"].intersection(words)
    if not there:
        return []
    return [i for i, low in enumerate(cache["table"].lower) if low in there]


def _exception_spans(doc: Doc, phrases: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``phrases`` in the letter (computed once per doc)."""
    found = _doc_cache(doc)["exceptions"]
    key = tuple(phrases)
    spans = found.get(key)
    if spans is None:
        low = doc_text(doc).lower()
        spans = found[key] = []
        for ph in phrases:
            ph = ph.lower()
            if ph not in low:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(ph) + r"(?!\w)", low):
                spans.append((m.start(), m.end()))
    return spans


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _zones(doc: Doc):
    ctx = letter(doc)
    zones = ctx.metrics.get("zones")
    if zones is None:
        from .message import layout

        zones = list(layout(doc).zones)
    return zones


# --- De/Dem/Deres ----------------------------------------------------------------------------

def _looks_like_name(tok: Token) -> bool:
    """'De' inside a sentence before a capitalised word: part of a name ("De Forenede Stater")."""
    nxt = _next(tok)
    return (nxt is not None and nxt.text[:1].isupper() and nxt.text not in ("De", "Dem", "Deres")
            and not token_table(tok.doc).placeholder[nxt.i] and not sentence_initial(nxt))


def _determiner_de(tok: Token) -> bool:
    """'De nye regler', 'De unge', 'De to børn': 'De' as a determiner, not a pronoun."""
    nxt = _next(tok)
    if nxt is None:
        return False
    if nxt.pos_ in ("NOUN", "ADJ", "NUM", "PROPN") and nxt.lower_ not in FINITE_HINTS:
        return True
    return nxt.lower_ in {"to", "tre", "fire", "fem", "fleste", "andre", "samme", "unge", "ældre", "nye", "gamle",
                          "små", "store", "første", "sidste", "mange", "enkelte", "øvrige", "nævnte"}


def _polite(tok: Token) -> bool:
    return "Form" in tok.morph.get("Polite")


def formal_forms(doc: Doc) -> list[tuple[Token, float, bool]]:
    """(token, confidence, sure) for every formal De/Dem/Deres; ``sure`` is False for evidence-only cases."""
    table = token_table(doc)
    cands = [doc[i] for i in _positions(doc, ("de", "dem", "deres"))
             if table.text[i] in ("De", "Dem", "Deres") and not table.placeholder[i]]
    sure: list[tuple[Token, float, bool]] = []
    unsure: list[Token] = []
    for t in cands:
        if t.text == "De" and _they_after_full_stop(t):
            continue    # "Vestfjord Renovation A/S. De kører nye ruter": "they", however the parse splits it
        if _polite(t):
            sure.append((t, 0.95, True))
        elif not sentence_initial(t):
            if t.text == "De" and _looks_like_name(t):
                continue
            sure.append((t, 0.9, True))
        else:
            unsure.append(t)
    evidence = bool(sure)
    out = list(sure)
    for t in unsure:
        if t.text == "De" and _determiner_de(t):
            continue
        nxt = _next(t)
        strong = nxt is not None and nxt.lower_ in REQUEST_PASSIVES
        if strong or (evidence and not _plural_antecedent(t)):
            out.append((t, 0.8, t.text != "De" or is_finite(nxt)))
    return sorted(out, key=lambda x: x[0].i)


def _plural_antecedent(tok: Token) -> bool:
    """The sentence before, in the same paragraph, names people or things "De" may refer to ("hendes børn")."""
    j = tok.sent.start - 1
    while j >= 0 and tok.doc[j].is_space:
        j -= 1
    if j < 0:
        return False
    prev_sent = tok.doc[j].sent
    if "\n" in doc_text(tok.doc)[tok.doc[j].idx + len(tok.doc[j].text):tok.idx]:
        return False
    for t in prev_sent:
        if t.pos_ == "NOUN" and "Plur" in t.morph.get("Number"):
            owner = [x.lower_ for x in t.doc[max(prev_sent.start, t.i - 2):t.i]]
            if t.dep_.startswith("nsubj") or any(o in THIRD_POSSESSIVES for o in owner):
                return True
        if t.text in ("de", "dem", "deres") and t.pos_ == "PRON":
            return True
    return False


def _possessed_noun(tok: Token) -> Token | None:
    # the parse marks what "Deres" owns ("possd"), also when the tagger calls the noun an adjective or a
    # verb ("Deres funktionsevne", "Deres arbejdsgiver")
    for t in tok.doc[tok.i + 1:min(len(tok.doc), tok.i + 5)]:
        if t.dep_ == "possd" and t.head.i == tok.i and t.is_alpha and not token_table(tok.doc).placeholder[t.i]:
            from ..language.inflect import noun_agreement

            if t.pos_ in ("NOUN", "PROPN") or noun_agreement(t.text) is not None:
                return t
            break
    j = tok.i + 1
    seen = 0
    while j < len(tok.doc) and seen < 4:
        t = tok.doc[j]
        j += 1
        if t.is_space:
            continue
        seen += 1
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ in ("ADJ", "ADV", "NUM") or t.lower_ in ("egen", "eget", "egne"):
            continue
        if t.pos_ == "VERB" and ("Part" in t.morph.get("VerbForm") or t.lower_.endswith(("ede", "ende"))):
            continue  # "Deres opdaterede CV": a participle used as an adjective
        return None
    return None


# Nouns spelt the same in the singular and the plural, and the number they nearly always have in a letter
# ("Deres hjem" is one home, "Deres økonomiske forhold" are circumstances). Other such nouns get no rewrite.
USUAL_NUMBER = {"hjem": "Sing", "behov": "Sing", "forløb": "Sing", "sygdomsforløb": "Sing", "lån": "Sing",
                "svar": "Sing", "tilbud": "Sing", "job": "Sing", "forhold": "Plur", "penge": "Plur"}
POSSESSIVES = {("Sing", "Com"): "din", ("Sing", "Neut"): "dit", ("Plur", "Com"): "dine", ("Plur", "Neut"): "dine"}


def _tagged_agreement(noun: Token) -> tuple[str, str | None] | None:
    """(number, gender) from the tagger, when it fits the form: a singular is its lemma, a plural is not."""
    number, gender = noun.morph.get("Number"), noun.morph.get("Gender")
    if not number:
        return None
    same = noun.lower_ == noun.lemma_.lower()
    if number[0] == "Plur" and not same and noun.lower_.endswith(("er", "e", "r")):
        return "Plur", None
    if number[0] == "Sing" and gender and (same or not noun.lower_.endswith(("er", "e", "r"))):
        return "Sing", gender[0]
    return None


def _deres_replacement(tok: Token) -> tuple[str | None, bool]:
    """din/dit/dine for 'Deres' (None when unsure), and whether it is sure enough to be safe.

    The word lists of :mod:`letterlab.language.inflect` decide first: the tagger often gives the noun after
    "Deres" the possessor's plural ("Deres bopæl" tagged plural) or the wrong gender ("Deres NemKonto").
    The tagger alone decides only a noun the lists do not know, and then never safely.
    """
    from ..language.inflect import noun_agreement

    noun = _possessed_noun(tok)
    if noun is None or token_table(tok.doc).placeholder[noun.i]:
        return None, False
    tagged = _tagged_agreement(noun)
    known = noun_agreement(noun.text)
    if known is None and noun.lower_.endswith("s") and "Gen" in noun.morph.get("Case"):
        known = noun_agreement(noun.text[:-1])      # "Deres mors plads": "Deres" goes with "mor"
        if known is not None and known[0] is None:
            known = None
    if known is not None:
        number, gender = known
        if number is None:
            usual = USUAL_NUMBER.get(noun.lower_) or USUAL_NUMBER.get(noun.lemma_.lower())
            return (POSSESSIVES[(usual, gender)] if usual else None), False
        repl = POSSESSIVES[(number, gender)]
        t_number, t_gender = noun.morph.get("Number"), noun.morph.get("Gender")
        agrees = bool(t_number) and t_number[0] == number and (number == "Plur" or bool(t_gender) and t_gender[0] == gender)
        return repl, agrees
    if tagged is None:
        return None, False
    number, gender = tagged
    if number == "Plur":
        return "dine", False
    return POSSESSIVES.get((number, gender)), False


DU_FORMS = ("du", "dig", "din", "dit", "dine")
MSG_CONSISTENT = ("Brevet bruger \"De\" hele vejen igennem. Det er i orden, hvis det passer til læseren. "
                  "De fleste myndigheder skriver \"du\" til borgerne.")


MSG_MIXED = "Brevet blander \"De\" og \"du\". Skriv du til læseren hele vejen."


def _consistent_message(n: int) -> str:
    """The one note of a letter in De: the switch it carries is for every form at once, never one word."""
    if n > 1:
        return f"{MSG_CONSISTENT} Vil du skrive \"du\", så skift alle {n} steder på én gang."
    return MSG_CONSISTENT


def _writes_du(doc: Doc, zones) -> bool:
    """The body speaks to the reader as "du" somewhere (then De next to it is a mix)."""
    return any(not _skip_zone(doc, zones, doc[i]) for i in _positions(doc, DU_FORMS))


NOTE_WHOLE_LETTER = "Skift kun til du, hvis du gør det i hele brevet."


def _form_rewrite(tok: Token, conf: float, sure: bool) -> tuple[Suggestion | None, str]:
    """The du form for one formal form (None when the noun after "Deres" leaves it open), and its message."""
    start, end = tok.idx, tok.idx + len(tok.text)
    if tok.text == "Deres":
        repl, agreed = _deres_replacement(tok)
        safe = sure and agreed
        note = "" if agreed else "Vælg din, dit eller dine efter ordet bagefter."
    else:
        repl, safe, note = FORMAL[tok.text], sure, ""
    if repl is None:
        # the noun's gender or number is unknown: say what to do, offer no guess
        return None, f"Skriv \"din\", \"dit\" eller \"dine\" i stedet for \"{tok.text}\", alt efter ordet bagefter."
    repl = match_case(tok.text, repl) if sentence_initial(tok) or _after_full_stop(tok) else repl
    sug = Suggestion(start, end, repl, kind="address", safe=safe, confidence=conf if safe else min(conf, 0.6),
                     note=note)
    return sug, f"Skriv \"{repl}\" i stedet for \"{tok.text}\"."


def _de_form(doc: Doc, rule) -> Iterator:
    zones = _zones(doc)
    exc = _exception_spans(doc, rule.params["exceptions"])
    forms = [(tok, conf, sure) for tok, conf, sure in formal_forms(doc)
             if not _skip_zone(doc, zones, tok) and not _inside(exc, tok.idx, tok.idx + len(tok.text))]
    mixed = bool(forms) and _writes_du(doc, zones)
    if forms and rule.params["consistent"] == "note" and not mixed:
        # A letter in De from start to end is a choice of register, not an error per word: one note. It
        # offers the switch to du for the whole letter, never as safe: the writer chooses the register.
        sugs = []
        for tok, conf, sure in forms:
            sug, _ = _form_rewrite(tok, conf, sure)
            if sug is not None:
                sugs.append(replace(sug, safe=False, confidence=min(sug.confidence, 0.6),
                                    note=(sug.note + " " + NOTE_WHOLE_LETTER).strip()))
        tok = forms[0][0]
        yield make_finding(rule, doc, tok.idx, tok.idx + len(tok.text), message=_consistent_message(len(sugs)),
                           severity="info", suggestions=tuple(sugs))
        return
    for tok, conf, sure in forms:
        start, end = tok.idx, tok.idx + len(tok.text)
        sug, what = _form_rewrite(tok, conf, sure)
        # a letter that says "du" somewhere and "De" elsewhere mixes the forms: that is the problem to name
        lead = MSG_MIXED if mixed else rule.message
        yield make_finding(rule, doc, start, end, suggestions=(sug,) if sug is not None else (),
                           message=f"{lead} {what}")


# --- man, undertegnede, ansøger ... ----------------------------------------------------------

# The longest stretch, first "man" to last, that one suggestion rewrites ("Hvis man flytter, skal man").
MAN_SPAN = 60


def _man(doc: Doc, rule) -> Iterator:
    """One finding per sentence, on its first "man": the others are the same remark.

    The suggestion turns every "man" of the sentence into "du" at once ("Hvis man flytter, skal man ..."), so
    the sentence never mixes "du" and "man"; a sentence with "sig" or "sin" after a "man" gets no suggestion
    ("du skal henvende sig" needs "dig" too), only the remark to correct them as well, and so does one whose
    "man"s lie more than ``MAN_SPAN`` characters apart.
    """
    zones = _zones(doc)
    exc = _exception_spans(doc, rule.params["exceptions"])
    by_sentence: dict[int, list[Token]] = {}
    for i in _positions(doc, ("man",)):
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN") and not sentence_initial(tok):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if _skip_zone(doc, zones, tok) or _inside(exc, start, end):
            continue
        by_sentence.setdefault(tok.sent.start, []).append(tok)
    text = doc_text(doc)
    for toks in by_sentence.values():
        first, last = toks[0], toks[-1]
        start, end = first.idx, first.idx + len(first.text)
        if any(t.lower_ in ("sig", "sin", "sit", "sine") for t in doc[first.i + 1:first.sent.end]):
            what = "de andre \"man\", \"sig\" og \"sin\"" if len(toks) > 1 else "\"sig\" og \"sin\""
            yield make_finding(rule, doc, start, end, message=f"{rule.message} Ret også {what} i sætningen.")
            continue
        s_end = last.idx + len(last.text)
        message = f"{rule.message} Ret alle \"man\" i sætningen." if len(toks) > 1 else None
        if s_end - start > MAN_SPAN:
            # a rewrite of half a long sentence is no help to read: the remark alone
            yield make_finding(rule, doc, start, end, message=message)
            continue
        pieces, pos = [], start
        for t in toks:
            pieces += [text[pos:t.idx], match_case(t.text, "du")]
            pos = t.idx + len(t.text)
        sug = Suggestion(start, s_end, "".join(pieces), kind="address", safe=False, confidence=0.5,
                         note="Skriv \"du\", når det gælder læseren, og \"vi\", når det gælder jer, der skriver.")
        yield make_finding(rule, doc, start, end, suggestions=(sug,), message=message)


def _object_position(tok: Token) -> tuple[bool, bool]:
    """(object?, clear?): "til undertegnede" is an object (mig), "Undertegnede har" a subject (jeg)."""
    prev, nxt = _prev(tok), _next(tok)
    if prev is not None and (prev.pos_ == "ADP" or prev.lower_ in PREPOSITIONS):
        return True, True
    if sentence_initial(tok) or (prev is not None and prev.lower_ in CLAUSE_OPENERS):
        return False, is_finite(nxt)
    if prev is not None and is_finite(prev) and "Imp" not in prev.morph.get("Mood"):
        # "skal undertegnede hermed meddele": inverted subject; "kontakter undertegnede." an object.
        if nxt is not None and (nxt.pos_ in ("VERB", "ADV", "PART") or nxt.lower_ in ("hermed", "derfor", "også", "ikke")):
            return False, True
        return True, False
    if prev is not None and prev.pos_ in ("VERB", "AUX"):
        return True, True
    return True, False


def _undertegnede(doc: Doc, rule) -> Iterator:
    zones = _zones(doc)
    exc = _exception_spans(doc, rule.params["exceptions"])
    for i in _positions(doc, ("undertegnede",)):
        tok = doc[i]
        prev, nxt = _prev(tok), _next(tok)
        if (prev is not None and prev.lower_ in ("den", "det", "de") and nxt is not None and nxt.pos_ == "NOUN"
                and not is_finite(nxt)):
            continue  # "den undertegnede aftale": an adjective
        start, end = tok.idx, tok.idx + len(tok.text)
        if _skip_zone(doc, zones, tok) or _inside(exc, start, end):
            continue
        obj, clear = _object_position(tok)
        repl = "mig" if obj else "jeg"
        if sentence_initial(tok):
            repl = match_case(tok.text, repl)
        sug = Suggestion(start, end, repl, kind="address", safe=clear, confidence=0.85 if clear else 0.5,
                         note="" if clear else "Skriv \"jeg\", når du gør noget, og \"mig\" efter fx \"til\" og \"hos\".")
        yield make_finding(rule, doc, start, end, suggestions=(sug,),
                           message=f"{rule.message} Skriv \"{repl}\" i stedet for \"{tok.text}\".")


THIRD_PERSON = {"han", "hun", "ham", "hende", "hans", "hendes", "sin", "sit", "sine", "sig"}


def _third_person_after(tok: Token) -> bool:
    """A he/she/his/her or a reflexive later in the sentence still points to the reader in the third person."""
    sent = tok.sent
    return any(t.lower_ in THIRD_PERSON for t in tok.doc[tok.i + 1:sent.end])


def _restrictive_clause(tok: Token) -> bool:
    """"borgeren, der bor ...", "den ansøger, som ...": a clause that says which person, so anyone, not "du"."""
    nxt = _next(tok)
    if nxt is not None and nxt.text == ",":
        nxt = _next(nxt)
    return nxt is not None and nxt.lower_ in ("der", "som")


# before "ansøger": another applicant, not the reader
OTHER_PERSON = {"næste", "anden", "andre", "ny", "nye", "hver", "enhver", "øvrige", "første", "kommende", "tidligere",
                "en", "ingen", "nogen", "flere", "mange", "alle"}


def _impersonal(doc: Doc, rule) -> Iterator:
    zones = _zones(doc)
    exc = _exception_spans(doc, rule.params["exceptions"])
    words = {w.lower() for w in rule.params["impersonal_words"]}
    placeholder = token_table(doc).placeholder
    formal = None
    for i in _positions(doc, words):
        if placeholder[i]:
            continue
        tok = doc[i]
        low = tok.lower_
        prev, nxt = _prev(tok), _next(tok)
        if low == "ansøger" and (tok.pos_ in ("VERB", "AUX") or (prev is not None and prev.lower_ in SUBJECT_PRONOUNS)
                                 or (nxt is not None and nxt.lower_ in SUBJECT_PRONOUNS | {"om"})):
            continue  # the verb: "De ansøger om", "Ansøger du om"
        if low.startswith("pågældende") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            continue  # "den pågældende periode"
        if low.startswith("ansøger") and prev is not None and prev.lower_ in OTHER_PERSON:
            continue  # "boligen går til næste ansøger", "en anden ansøger": someone else, not the reader
        start, end = tok.idx, tok.idx + len(tok.text)
        if low.startswith("pågældende") and prev is not None and prev.lower_ in ("den", "det", "de"):
            start = prev.idx
        if _skip_zone(doc, zones, tok) or _inside(exc, start, end):
            continue
        if formal is None:
            formal = bool(formal_forms(doc))     # a De-letter is told "De", not "du" (one form in a letter)
        if low.endswith("s"):
            repl = "Deres" if formal else "din"
        elif _object_position(tok if start == tok.idx else prev)[0]:
            repl = "Dem" if formal else "dig"
        else:
            repl = "De" if formal else "du"
        if start == tok.idx and sentence_initial(tok) or start != tok.idx and sentence_initial(prev):
            repl = match_case(doc_text(doc)[start:end], repl)
        lead = rule.message.replace('"du"', '"De"') if formal else rule.message
        message = f"{lead} Skriv \"{repl}\" i stedet for \"{doc_text(doc)[start:end]}\"."
        if _third_person_after(tok) or _restrictive_clause(tok):
            # "Ansøger har oplyst, at hun ...": swapping one word leaves "Du har oplyst, at hun";
            # "kun borgeren, der bor ..." is anyone, not the reader: no one-word rewrite.
            yield make_finding(rule, doc, start, end, message=message + " Skriv hele sætningen om.")
            continue
        sug = Suggestion(start, end, repl, kind="address", safe=False, confidence=0.5,
                         note=f"Ret også resten af sætningen, så den passer til \"{'De' if formal else 'du'}\".")
        yield make_finding(rule, doc, start, end, suggestions=(sug,), message=message)


# --- kommunen as the sender ------------------------------------------------------------------

def _sender_span(tok: Token, senders: set[str]) -> tuple[Token, Token] | None:
    """(first, last) token of a sender phrase: "kommunen", "Fjordby Kommune", "Visitationen"."""
    low = tok.lower_
    if low in senders:
        return tok, tok
    if tok.text == "Kommune":
        prev = _prev(tok)
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha:
            return prev, tok
    return None


def _clause_start(first: Token) -> bool:
    if sentence_initial(first):
        return True
    prev = _prev(first)
    return prev is not None and (prev.lower_ in CLAUSE_OPENERS or prev.text == ",")


def _is_subject(first: Token, last: Token) -> bool:
    nxt = _next(last)
    # Word order: "Kommunen har ...", "at kommunen skal ...".
    if _clause_start(first) and is_finite(nxt) and (nxt.lower_ not in ("der", "som")):
        return True
    # Inverted: "Derfor har kommunen besluttet", "Har kommunen modtaget ...?"; not after an imperative.
    prev = _prev(first)
    if prev is not None and is_finite(prev) and "Imp" not in prev.morph.get("Mood"):
        if last.dep_.startswith("nsubj"):
            return True
        return nxt is not None and nxt.pos_ in ("VERB", "AUX") and not is_finite(nxt)
    return False


LAW_MODALS = {"må", "kan", "skal", "bør"}
LAW_WORDS = {"§", "loven", "lovens", "lov", "reglerne", "regler", "reglen", "bekendtgørelsen", "paragraf"}
# How the next sentence names the law a statement comes from: "Det står i færdselslovens § 92".
LAW_SOURCE_RE = rxcache.compile(r"^\W*det (står|følger|fremgår) (i|af)\b", re.I)


def _names_law(tokens) -> bool:
    return any(t.text == "§" or t.lower_ in LAW_WORDS or t.lower_.endswith(("loven", "lovens")) for t in tokens)


def _states_the_law(first: Token, last: Token) -> bool:
    """"Kommunen må kun betale, når ... efter lovens § 116": a rule for any municipality, not "vi".

    The law is named in the same sentence, or the next sentence says where the rule stands ("Det står i ..."),
    or the sentence says what a municipality may only or may not do ("Kommunen må kun/ikke ...").
    "Kommunen skal hermed ..." is the office speaking, whatever follows.
    """
    nxt = _next(last)
    if nxt is None or nxt.lower_ not in LAW_MODALS:
        return False
    after = _next(nxt)
    if after is not None and after.lower_ == "hermed":
        return False
    if nxt.lower_ == "må" and after is not None and after.lower_ in ("kun", "ikke"):
        return True     # "Kommunen må kun betale, når ...": what the law allows any municipality
    sent = first.sent
    if _names_law(sent):
        return True
    if sent.end >= len(first.doc):
        return False
    following = first.doc[sent.end].sent
    return bool(LAW_SOURCE_RE.match(following.text)) and _names_law(following)


_ONLY_WHEN = rxcache.compile(r"\s+(kan|må)\s+(ikke\s+)?kun\b", re.I)


def _paraphrases_a_rule(doc: Doc, first, start: int, end: int) -> bool:
    """The limit the law sets, with the sender word as its subject: "Kommunen kan kun give hjælp …, hvis …" ("vi"
    would make it the office's own choice, and the guard refuses that rewrite)."""
    text = doc_text(doc)
    sent_end = first.sent.end_char
    return bool(_ONLY_WHEN.match(text, end)) and re.search(r"\b(når|hvis)\b", text[end:sent_end]) is not None


PRESENTING = {"her", "vedlagt", "hermed"}


def _names_a_thing(first: Token, last: Token) -> bool:
    """A department's name used as the word for what it handles: a process noun with its object ("opkrævningen
    af hundeafgift", "visitationen af din mor"), or a thing presented ("Her er opkrævningen for 2027")."""
    nxt = _next(last)
    if nxt is not None and nxt.lower_ == "af" and first.text != "Kommune" and not first.lower_.endswith("kommune"):
        return True
    verb = _prev(first)
    before = _prev(verb) if verb is not None else None
    return (verb is not None and verb.lower_ in ("er", "kommer", "følger") and before is not None
            and before.lower_ in PRESENTING)


def _kommunen(doc: Doc, rule) -> Iterator:
    zones = _zones(doc)
    exc = _exception_spans(doc, rule.params["exceptions"])
    senders = {w.lower() for w in rule.params["sender_words"]}
    for i in _positions(doc, senders | {"kommune"}):
        span = _sender_span(doc[i], senders)
        if span is None:
            continue
        first, last = span
        start, end = first.idx, last.idx + len(last.text)
        if zones and zone_at(zones, start) != "body":
            continue
        if _inside(exc, start, end) or not _is_subject(first, last) or _states_the_law(first, last):
            continue
        if _paraphrases_a_rule(doc, first, start, end):
            continue        # "Kommunen kan kun give hjælp, hvis …" restates the law: "vi" would make it our choice
        if _names_a_thing(first, last):
            continue        # "Her er opkrævningen af hundeafgift": the bill, not the department that sends it
        repl = "Vi" if sentence_initial(first) else "vi"
        message = f"{rule.message} Skriv \"{repl}\" i stedet for \"{doc_text(doc)[start:end]}\"."
        if not keeps_content(doc_text(doc)[start:end], repl):
            # "Fjordby Kommune" -> "Vi" would drop a name: a rewrite never loses content
            yield make_finding(rule, doc, start, end, message=message)
            continue
        s_end, replacement = end, repl
        refl = _own_reflexive(last)
        if refl is not None:
            # "Kommunen påtager sig intet ansvar" -> "Vi påtager os …", never "Vi påtager sig"
            text = doc_text(doc)
            s_end = refl.idx + len(refl.text)
            replacement = repl + text[end:refl.idx] + WE_REFLEXIVE[refl.lower_]
        sug = Suggestion(start, s_end, replacement, kind="address", safe=False, confidence=0.6,
                         note="Skriv \"vi\", hvis det er jer, der skriver brevet.")
        yield make_finding(rule, doc, start, end, suggestions=(sug,), message=message)


# what "sig", "sin", "sit", "sine" of the sender become when "kommunen" becomes "vi"
WE_REFLEXIVE = {"sig": "os", "sin": "vores", "sit": "vores", "sine": "vores"}


def _own_reflexive(last: Token) -> Token | None:
    """The first reflexive ("sig", "sin" …) in the subject's own clause after it: up to a comma, "og", "men", "at"
    or the end of the sentence."""
    for t in last.doc[last.i + 1:last.sent.end]:
        if t.text == "," or t.lower_ in ("og", "men", "at", "der", "som"):
            return None
        if t.lower_ in WE_REFLEXIVE:
            return t
    return None


TARGET_FNS = {
    "de-form": _de_form,
    "man": _man,
    "undertegnede": _undertegnede,
    "upersonlig": _impersonal,
    "kommunen": _kommunen,
}


def check(doc, rule) -> Iterator:
    yield from TARGET_FNS[rule.params["find"]](doc, rule)


# --- review 13: "De" after a full stop that points back to a company or to several people --------------------------

# Words that name a company or an organisation ("Nordfjord Renovation A/S", "firmaet", "vognmændene").
COMPANY_MARKS = {"a/s", "aps", "i/s", "a/s.", "aps.", "i/s.", "a.m.b.a."}
COMPANY_STEMS = ("selskab", "firma", "leverandør", "entreprenør", "vognmand", "vognmænd", "renovation", "forsyning",
                 "håndværker", "montør", "styrelse", "firmaer")
BACK_WINDOW = 30
COMPANY_END_RE = rxcache.compile(r"(?:\bA/S|\bApS|\bI/S|\bP/S|\bK/S|\bA\.m\.b\.a)\.?$")


def _they_after_full_stop(tok: Token, depth: int = 0) -> bool:
    """ "... hos Nordfjord Renovation A/S. De kører nye ruter fra maj": "De" right after a full stop (in the text,
    whatever the parse made of "A/S.") whose sentence before names a company, an organisation or several
    people: "they", not the polite form. "De bedes ..." is always the reader."""
    text = doc_text(tok.doc)
    k = tok.idx
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] not in ".!?":
        return False
    nxt = _next(tok)
    if nxt is not None and nxt.lower_ in REQUEST_PASSIVES:
        return False
    if COMPANY_END_RE.search(text, max(0, k - 12), k):
        return True     # "... A/S. De": the company's name ends the sentence before
    doc = tok.doc
    j = tok.i - 1
    seen = 0
    while j >= 0 and seen < BACK_WINDOW:
        t = doc[j]
        if "\n\n" in t.text or (t.text in (".", "!", "?") and j < tok.i - 1 and seen > 0):
            break       # the paragraph or the sentence before it ends here
        low = t.lower_
        if t.text == "De" and depth < 3 and _they_after_full_stop(t, depth + 1):
            return True     # "... A/S. De kører nye ruter. De henter også haveaffald.": still the company
        if t.text == "de" and t.pos_ == "PRON":
            return True     # "..., og de kører hver uge. De ...": "they" already
        if low in COMPANY_MARKS or low.rstrip(".") in COMPANY_MARKS or any(st in low for st in COMPANY_STEMS):
            return True
        if t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") and t.dep_.startswith("nsubj") \
                and not (j > 0 and doc[j - 1].text == "Deres"):
            return True     # "Naboerne har klaget. De ..." (not "Deres naboer har klaget")
        j -= 1
        seen += 1
    return False


def _after_full_stop(tok: Token) -> bool:
    """The token follows a full stop in the text ("... A/S. De bedes"), even where the parse runs on."""
    text = doc_text(tok.doc)
    k = tok.idx
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k > 0 and k < tok.idx and text[k - 1] in ".!?" and not ABBREVIATION_BEFORE_RE.search(text, max(0, k - 8), k)


ABBREVIATION_BEFORE_RE = rxcache.compile(r"\b(?:nr|tlf|pr|ca|jf|kl|evt|fx|bl\.a|vedr|dvs|kr)\.$", re.I)
