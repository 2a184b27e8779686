"""Passive -> active, from the parse.

Two kinds of rewrite, tried in this order for each passive the passive check finds:

1. **Fixed formulas** of officialese, rewritten the same way every time, so
   they are marked safe:

   * "De bedes sende ..." / "Du bedes sende ..." -> "Send ..."; "De anmodes
     derfor om at indbetale ..." -> "Indbetal derfor ..."; inverted "...,
     bedes De rette ..." -> "..., skal De rette ...".
   * "Bemærkningerne bedes fremsendt til ..." -> "Send bemærkningerne til ...".
   * "Eventuelle spørgsmål bedes rettet til undertegnede" -> "Du er velkommen
     til at kontakte mig"; "Henvendelse ... kan rettes til X" -> "Du kan
     kontakte X".
   * "Det bemærkes, at ..." -> "Bemærk, at ..."; "Det skal hermed meddeles,
     at ..." -> "Vi kan oplyse, at ...".

2. **The general rewrite**, done in place so it works for straight, inverted
   and subordinate word order alike: the passive subject's slot gets the new
   subject (the agent "af X", else "vi" for what the authority does or "du"
   for what the reader does), the verbs change voice with the tense kept
   ("behandles" -> "behandler", "blev sendt" -> "sendte", "er blevet
   behandlet" -> "har behandlet", "vil blive udbetalt" -> "vil udbetale",
   "er modtaget" -> "har modtaget"), and the old subject becomes the object
   right after the main verb. An expletive subject ("der er lagt vægt på",
   "det er konstateret, at") is simply replaced ("vi har lagt vægt på").
   Reordering a clause can go wrong in ways a reader notices, so these
   suggestions are never safe; confidence says how sure the parse is.

No suggestion is offered when the parse does not give a clear subject and
verb chain, when the verb is coordinated with another verb that shares the
subject, when the lemma does not match the participle, when nobody can be
named as the actor, or when the rewrite would lose a number, date, name or
placeholder (see ``common.keeps_content``).
"""
from __future__ import annotations

import re
from letterlab import rxcache
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..nlp.table import TokenTable, token_table
from ..nlp.text import doc_text
from ..report.model import Suggestion
from .common import (MODALS, SUBJECT_CASE, as_object, capitalise, decapitalise_word, feat, feat_at, insert_after,
                     is_finite_at, is_sentence_start, is_sentence_start_at, past, pieces, present, render,
                     suggestion, supine_matches)
from ..language.inflect import imperative, is_known_verb, is_listed_noun, participle_lemma, verb_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJ_DEPS = {"nsubj", "nsubj:pass", "expl", "expl:pass"}
REL_DEPS = {"rel", "acl:relcl", "relcl"}
COORD_DEPS = {"conj"}
BLIVE_FORMS = {"bliver", "blev", "blive", "blevet"}
VAERE_FORMS = {"er", "var", "være"}

# Who acts when the letter does not say: what the authority does ...
AUTHORITY_VERBS = set("""
behandle bevilge udbetale modtage træffe vurdere afgøre godkende imødekomme tilbyde opkræve indkalde
kontakte fastholde genvurdere videresende oversende afholde registrere lægge udskifte spærre foretage
sikre opretholde afhente levere slette konstatere meddele oplyse bemærke henvise anse fastsætte
revurdere undersøge beregne nedsætte forhøje tildele yde give afslå
orientere underrette kræve udstede genoptage indhente visitere standse stoppe anmode
fastsætte indføre udlevere opkræve
""".split())
# ... and what the reader does.
READER_VERBS = set("""
indsende udfylde indgive betale erlægge indbetale påklage klage ansøge søge aflevere
medbringe anmelde acceptere underskrive vedlægge vedhæfte tilmelde afmelde
""".split())
# Round 17: a reader's verb that, negated, is our refusal: "Kontanter accepteres ikke" -> "Vi accepterer ikke
# kontanter", never "Du accepterer ikke …" (a blind editor saw the reader named as the one who refuses).
SENDER_REFUSES = {"acceptere", "godtage"}
# Verbs either side does ("sende"): the direction decides: "til os" -> du, "til Dem" -> vi, else nobody.
TWO_WAY_VERBS = {"sende", "fremsende", "tilsende", "aflevere", "give", "returnere"}
# An expletive "der" with these verbs is always the authority acting ("der er lagt vægt på" -> "vi har
# lagt vægt på"). The rewrite swaps two words in place, so it is safe.
SAFE_EXPLETIVE_VERBS = {"lægge", "træffe", "tage", "foretage", "bevilge", "udbetale", "modtage", "konstatere"}
# ... but only with these words after the verb, when the verb alone says nothing of who acts: "der er lagt vægt
# på" is the authority's reasoning, "der er ikke lagt en behandlingsplan" may be the doctor's.
EXPLETIVE_NEEDS = {"lægge": ("vægt", "grund")}
# A clause opened by these states a rule for anyone ("når der er udbetalt sygedagpenge i 22 uger"), not what we did.
RULE_SUBORDINATORS = {"når", "hvis", "såfremt", "indtil", "medmindre"}
READER_WORDS = {"dig", "dem", "du", "de", "deres", "din", "dit", "dine"}
# Verbs whose actor depends on what is acted on: (word stems in the patient, actor), first match wins.
PATIENT_ACTORS = {
    "modtage": ((("støtte", "hjælp", "ydelse", "penge", "beløb", "kontanthjælp", "dagpenge", "løn", "indtægt"), "du"),
                ((), "vi")),
    "afhente": ((("affald", "beholder", "skrald", "storskrald"), "vi"),),
    # "tilmelding til SFO skal være foretaget": the reader signs up
    # anything else ("Snerydning skal foretages": the owner's duty) has no known actor
    "foretage": ((("tilmelding", "afmelding", "indbetaling", "betaling", "opsigelse"), "du"),),
}
# The authority as the one told or sent to ("oplyst over for kommunen"): then the authority is not the actor.
AUTHORITY_NOUNS = {"kommunen", "os", "forvaltningen", "jobcentret", "jobcenteret", "visitationen", "ydelsescentret",
                   "ydelsescenteret", "afdelingen", "myndigheden", "centret", "centeret", "borgerservice"}
# Why no active rewrite is offered (Danish, added to the finding by the guard).
WHY_UNKNOWN = ("Letterlab skriver ikke sætningen om til aktiv, fordi det ikke står klart, hvem der gør det. "
               "Skriv selv, hvem der handler, hvis du ved det.")
# Hedged: the guard reads another party from the sentence or its paragraph, and a blind editor saw it say so
# about a refusal only the municipality can make ("Deres anmodning om henstand kan ikke imødekommes").
WHY_THIRD = ("Letterlab skriver ikke sætningen om til aktiv, fordi det kan være en anden end os eller læseren, "
             "der gør det. Skriv selv, hvem der handler.")
WHY_RULE = ("Letterlab skriver ikke sætningen om til aktiv, fordi den siger, hvem der kan få noget. "
            "Den er ikke en besked til læseren.")
WHY_KEY = "letterlab_passive_why"
# "af" that means "from", not an agent: "slettet af ventelisten"
FROM_VERBS = {"slette", "fjerne", "udelukke", "afskrive", "trække", "udmelde", "frameld"}
# Inside a rewrite the plain verb is used at once (jargon -> plain); (lemma, preposition before object).
PLAIN_VERBS = {
    "fremsende": ("sende", ""), "tilsende": ("sende", ""), "tilstille": ("sende", ""),
    "indgive": ("sende", ""), "indsende": ("sende", ""), "erlægge": ("betale", ""), "påklage": ("klage", "over"),
    "foranledige": ("sørge", "for"),
}
# Adverbs a formula may carry, and what they become ("" = drop them).
FORMULA_ADVERBS = {
    "hermed": "", "herved": "", "venligst": "", "endvidere": "også", "desuden": "også", "ligeledes": "også",
    "tillige": "også", "yderligere": "også", "også": "også", "dog": "dog", "derfor": "derfor",
    "således": "derfor", "samtidig": "samtidig", "i": "", "øvrigt": "også",
}
# Adverbs in the middle field that a full noun object follows ("Derfor behandler vi ikke sagen").
CENTRAL_ADVERBS = {"ikke", "aldrig", "også", "altid", "derfor", "hermed", "herved", "endvidere", "således",
                   "dog", "desuden", "allerede", "fortsat", "nu", "snart", "gerne", "kun", "heller", "ligeledes",
                   "tillige", "endnu", "stadig", "først", "forinden", "derefter", "så"}
NOT_AGENT_HEADS = {"hensyn", "grund", "årsag", "sig", "og", "til", "gang", "vej", "slags", "art", "form", "del"}
ANNOUNCE_VERBS = {"meddeles": "oplyse", "oplyses": "oplyse", "bemærkes": None}
# "Det skal understreges, at": "Vi kan understrege" turns "skal" into "kan" and keeps the lecturing; the plain
# form is the at-clause alone, which needs new word order, so no rewrite is offered (review 16)
EMPHASIS_FORMS = {"understreges", "præciseres", "pointeres", "fremhæves", "indskærpes"}
# Subjects with no object form: "man" (anyone), "ingen", "intet". As the object of an active verb they break the
# sentence ("vi har godkendt man"), so a passive with one of them as its subject gets no rewrite (review 19).
NO_OBJECT_SUBJECTS = {"man", "ingen", "intet"}
CONTACT_HEADS = {"henvendelse", "henvendelser", "spørgsmål", "klager", "forespørgsler"}

CLOSED_CLASS = {"din", "dit", "dine", "min", "mit", "mine", "vores", "jeres", "hans", "hendes", "dens", "dets",
                "den", "det", "de", "en", "et", "denne", "dette", "disse", "alle", "eventuelle"}

NOTE_FORMULA = "Skriv direkte til læseren i stedet for at bruge passiv."
NOTE_MODAL_HERMED = ('Aktiv i stedet for passiv. Men uden "hermed" kan "vi skal" lyde, som om vi bliver nødt '
                     'til det senere. Skriv hellere fx "Vi beder om ...".')
NOTE_AGENT = "Aktiv i stedet for passiv: Den, der handler, står først."
NOTE_DEFAULT = "Aktiv i stedet for passiv. Tjek, at det er {who}, der gør det."


def no_active_reason(doc: Doc, start_char: int) -> str | None:
    """Why the passive at ``start_char`` got no active rewrite, when the actor was the reason."""
    return doc.user_data.get(WHY_KEY, {}).get(start_char)


def _why(doc: Doc, verb: int, reason: str) -> None:
    doc.user_data.setdefault(WHY_KEY, {})[verb] = reason


def suggest_for_passive(doc: Doc, verb: Token, kind: str, start_char: int | None = None) -> tuple[Suggestion, ...]:
    """Rewrite suggestions (at most one) for the passive whose main verb is ``verb``.

    ``kind`` is the passive check's type ("s", "blive", "være"); ``start_char``
    is where the check's verb span starts (the blive/være auxiliary).
    """
    try:
        aux = None
        if start_char is not None and start_char < verb.idx:
            aux = _token_at(doc, start_char)
        if verb.lower_ in EMPHASIS_FORMS:
            return ()
        for fn in (_bedes_pronoun, _bedes_participle, _contact_formula, _announce_formula):
            s = fn(doc, verb)
            if s is not None:
                return (s,)
        s = _general(doc, verb, kind, aux)
        if s is None and verb.i in doc.user_data.get(WHY_KEY, {}) and start_char is not None:
            doc.user_data[WHY_KEY][start_char] = doc.user_data[WHY_KEY][verb.i]
        return (s,) if s is not None else ()
    except (IndexError, ValueError):  # an odd parse must not break the analysis
        return ()


# --- helpers ------------------------------------------------------------------------------------

def _token_at(doc: Doc, char: int) -> int | None:
    """Index of the token at character ``char``, as ``doc.char_span(char, char + 1, alignment_mode="expand")``."""
    t = token_table(doc)
    k = bisect_right(t.idx, char) - 1
    if k >= 0 and char < t.end[k]:
        return k
    span = doc.char_span(char, char + 1, alignment_mode="expand")   # between tokens
    return span[0].i if span is not None and len(span) else None


def _sentence(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of token ``i``'s sentence, as ``doc[i].sent``, read from the token table."""
    t = token_table(doc)
    if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks or not doc.has_annotation("SENT_START"):
        sent = doc[i].sent
        start, end = sent.start, sent.end
    else:
        got = doc.user_data.get(STARTS_KEY)
        if got is None or got[0] is not t:
            got = doc.user_data[STARTS_KEY] = (t, [k for k, x in enumerate(t.sent_start) if x])
        starts = got[1]
        k = bisect_right(starts, i)
        start = starts[k - 1] if k else 0
        end = starts[k] if k < len(starts) else len(t.sent_start)
    # a list item's marker and the blank lines after it are not the sentence's words: "• Tanken skal tømmes af
    # et firma" must not become "Et firma skal tømme • Tanken"
    while start < i and (t.space[start] or t.text[start] in LIST_MARKERS):
        start += 1
    while end - 1 > i and t.space[end - 1]:
        end -= 1
    return start, end


LIST_MARKERS = frozenset("•-*–·▪◦‣")
STARTS_KEY = "letterlab_sent_starts"     # (token table, indices of the tokens that start a sentence)


def _children(doc: Doc, i: int) -> list[int]:
    """Indices of token ``i``'s dependents, in order (``Token.children``)."""
    return token_table(doc).children(i)


def _subtree_range(doc: Doc, i: int) -> tuple[int, int] | None:
    """(first, last) token index of token ``i``'s subtree, or None when it is not contiguous."""
    children = token_table(doc).children
    lo = hi = i
    size = 0
    todo = [i]
    while todo:
        k = todo.pop()
        size += 1
        if k < lo:
            lo = k
        elif k > hi:
            hi = k
        todo += children(k)
    if hi - lo + 1 != size:
        return None
    return lo, hi


def _plain(lemma: str) -> tuple[str, str]:
    return PLAIN_VERBS.get(lemma, (lemma, ""))


def _adverbs(words: list[str]) -> list[str] | None:
    """Formula adverbs (lower case) mapped to plain ones; None when a word is not one of them."""
    out: list[str] = []
    for k, w in enumerate(words):
        if w == "i" and k + 1 < len(words) and words[k + 1] == "øvrigt":
            continue   # "i øvrigt" -> "også", taken at "øvrigt"
        if w not in FORMULA_ADVERBS or w == "øvrigt" and (k == 0 or words[k - 1] != "i"):
            return None
        new = FORMULA_ADVERBS[w]
        if new and new not in out:
            out.append(new)
    return out


def _is_common_word(tok: Token) -> bool:
    """Whether a capitalised sentence-initial word is a common word (lower-case it when moved)."""
    text = tok.text
    if text in ("De", "Dem", "Deres") or token_table(tok.doc).placeholder[tok.i] or text.isupper() and len(text) > 1:
        return False
    if tok.lower_ in CLOSED_CLASS:
        return True      # "Dit brev" tagged as a name: a possessive or article is never one
    seen = _word_cases(tok.doc, text.lower())
    if "lower" in seen:
        return True
    if seen.get("mid", set()) - {tok.i}:
        return False
    if tok.pos_ == "PROPN":   # "Tilmelding til SFO" tagged as a name
        return is_listed_noun(text) or text.lower().endswith(("en", "et", "ne", "erne", "ene")) and len(text) > 5
    return True


def _word_cases(doc: Doc, low: str) -> dict:
    """How the word ``low`` occurs: {"lower": True} in lower case, {"mid": {i, ...}} capitalised mid-sentence.

    Read for the one word asked about (a few per letter), not for every word of the letter; cached per doc.
    """
    cases = doc.user_data.setdefault("letterlab_word_cases", {})
    entry = cases.get(low)
    if entry is None:
        entry = {}
        t = token_table(doc)
        for i in [i for i, x in enumerate(t.lower) if x == low]:
            text = t.text[i]
            if not text[:1].isalpha():
                continue
            if text[:1].islower():
                entry["lower"] = True
            elif not is_sentence_start_at(t, i):
                entry.setdefault("mid", set()).add(i)
        cases[low] = entry
    return entry


def _object_text(doc: Doc, first: int, last: int, at_start: bool) -> str:
    tok = doc[first]
    if first == last:
        obj = as_object(tok)
        if obj is not None:
            return obj
    parts = pieces(doc, first, last)
    if at_start and _is_common_word(tok):
        parts[0].text = decapitalise_word(tok) if tok.pos_ != "PROPN" else tok.text.lower()
    return render(parts)


def _clean(text: str) -> str | None:
    """Reject renderings with broken spacing or punctuation."""
    if "  " in text or " ," in text or ",," in text or " ." in text or text.startswith(","):
        return None
    return text


def _next_word(doc: Doc, i: int) -> int | None:
    """Index of the first token after ``i`` that is not a space."""
    space = token_table(doc).space
    j = i + 1
    while j < len(space) and space[j]:
        j += 1
    return j if j < len(space) else None


def _shares_subject_with_coordinate(doc: Doc, verbs: list[int], sent_end: int) -> bool:
    """True when a verb in ``verbs`` (indices) is coordinated with another verb that has no subject of its own."""
    t = token_table(doc)
    dep = t.dep
    for v in verbs:
        kids = t.children(v)
        for c in kids:
            if dep[c] in COORD_DEPS and t.pos[c] in ("VERB", "AUX"):
                if not any(dep[g] in SUBJ_DEPS for g in t.children(c)):
                    return True
        if dep[v] in COORD_DEPS and not any(dep[g] in SUBJ_DEPS for g in kids):
            return True
    # Word order: "... udfyldt via borger.dk og skal være ..." -- "og" + a verb without a subject between
    text, lower = t.text, t.lower
    for j in range(max(verbs) + 1, sent_end - 1):
        if text[j] in (",", ";", ":"):
            break   # a new clause starts: its verbs have their own subject or are subordinate
        if lower[j] in ("og", "eller", "samt"):
            k = j + 1
            if text[k] == ",":   # "og, såfremt afgørelsen fastholdes, videresendt": skip the inserted clause
                k += 1
                while k < sent_end and text[k] != ",":
                    k += 1
                k += 1
            if k < sent_end and (t.pos[k] in ("VERB", "AUX") or feat_at(t, k, "VerbForm") == "Part") \
                    and lower[k] != "at":
                return True
        if lower[j] in ("hvis", "når", "at"):
            break
    return False


# --- 1. formulas --------------------------------------------------------------------------------

def _bedes_pronoun(doc: Doc, verb: Token) -> Suggestion | None:
    """"De/Du bedes [adv] sende ..." -> "Send ..."; inverted "bedes De" -> "skal De"."""
    if verb.lower_ not in ("bedes", "anmodes"):
        return None
    s_start, s_end = _sentence(doc, verb.i)
    prev = doc[verb.i - 1] if verb.i > s_start else None
    nxt = _next_word(doc, verb.i)
    if prev is not None and prev.lower_ in ("de", "du", "i") and is_sentence_start(prev):
        j = verb.i + 1
        advs = []
        while j < s_end and doc[j].lower_ in FORMULA_ADVERBS:
            advs.append(doc[j].lower_)
            j += 1
        if verb.lower_ == "anmodes":
            if not (j + 1 < s_end and doc[j].lower_ == "om" and doc[j + 1].lower_ == "at"):
                return None
            j += 2
        if j >= s_end:
            return None
        inf = doc[j]
        if not _looks_infinitive(inf) or feat(inf, "VerbForm") not in ("Inf", None):
            return None
        adv = _adverbs(advs)
        if adv is None:
            return None
        lemma, prep = _plain(inf.lower_)
        words = [imperative(lemma)] + adv + ([prep] if prep else [])     # "påklage" -> "Klag over"
        end = inf.i
        # "udfylde og indsende" -> "udfyld og indsend"
        if end + 2 < s_end and doc[end + 1].lower_ in ("og", "eller") and feat(doc[end + 2], "VerbForm") == "Inf" \
                and _looks_infinitive(doc[end + 2]):
            words += [doc[end + 1].lower_, imperative(_plain(doc[end + 2].lower_)[0])]
            end += 2
        rep = capitalise(" ".join(words))
        later = _later_coordinated_infinitive(doc, end, s_end)
        if later is not None:
            # "Du bedes udfylde skemaet og sende det": a bare infinitive with no finite verb between hangs on
            # "bedes" too, so it becomes an imperative as well ("Udfyld skemaet og send det"); where the tagger is
            # not sure it is a verb ("og aftale en tid"), the rewrite could leave "Ring … og aftale", so it is not
            # offered as safe
            if later.pos_ == "VERB" and feat(later, "VerbForm") == "Inf" and not any(
                    doc[k].pos_ in ("VERB", "AUX") and feat(doc[k], "VerbForm") == "Fin" for k in range(end + 1, later.i)):
                rep += doc.text[doc[end].idx + len(doc[end].text):later.idx] + imperative(_plain(later.lower_)[0])
                return suggestion(doc, prev.idx, later.idx + len(later.text), rep, kind="passive", safe=True,
                                  confidence=0.85, note=NOTE_FORMULA)
            return suggestion(doc, prev.idx, doc[end].idx + len(doc[end].text), rep, kind="passive", safe=False,
                              confidence=0.5, note=NOTE_FORMULA)
        return suggestion(doc, prev.idx, doc[end].idx + len(doc[end].text), rep, kind="passive", safe=True,
                          confidence=0.9, note=NOTE_FORMULA)
    lower = token_table(doc).lower
    if verb.lower_ == "bedes" and prev is not None and nxt is not None and lower[nxt] in ("de", "du", "i") \
            and not is_sentence_start(verb):
        # "Såfremt ..., bedes De rette henvendelse" -> "..., skal De rette henvendelse"
        inf = None
        for j in range(nxt + 1, min(s_end, nxt + 10)):
            t = doc[j]
            if t.pos_ in ("PUNCT", "SCONJ"):
                break
            if _looks_infinitive(t):
                inf = t
                break
        if inf is None:
            return None
        after = _next_word(doc, nxt)
        if after is not None and lower[after] == "venligst":
            # "skal De venligst" mixes an order with a plea; dropping "venligst" too would mean one edit over
            # "De", which the address rewrite changes: no rewrite
            return None
        if _disregard(doc, inf.i, s_end):
            # "Har De allerede betalt, bedes De se bort fra denne rykker": leave to, not an order
            return suggestion(doc, verb.idx, verb.idx + len(verb.text), "kan", kind="passive", safe=True,
                              confidence=0.85, note=NOTE_FORMULA)
        if any(lower[k] == "allerede" for k in range(s_start, verb.i)):
            # "Har De allerede sendt papirerne, bedes De ...": a courtesy to one who has done it, not a duty
            return suggestion(doc, verb.idx, verb.idx + len(verb.text), "skal", kind="passive", safe=False,
                              confidence=0.6, note=NOTE_COURTESY)
        return suggestion(doc, verb.idx, verb.idx + len(verb.text), "skal", kind="passive", safe=True,
                          confidence=0.85, note=NOTE_FORMULA)
    return None


def _later_coordinated_infinitive(doc: Doc, end: int, s_end: int) -> Token | None:
    """A word that may be a bare infinitive after "og"/"eller" later in the sentence than token ``end`` ("… og aftale
    en tid", also when the tagger calls it a noun), outside a clause of its own ("at", "der", "hvis" … before it end
    the search)."""
    for k in range(end + 1, s_end):
        t = doc[k]
        if t.lower_ in ("at", "der", "som", "hvis", "når", "fordi", "så") or t.pos_ == "SCONJ":
            return None
        if k > end + 1 and doc[k - 1].lower_ in ("og", "eller") and _looks_infinitive(t):
            return t
    return None


NOTE_COURTESY = ('"Bedes" er her en høflig bøn. "Skal" gør den til en ordre. '
                 'Skriv hellere "kan", hvis læseren må vælge.')
# Verbs of letting something be ("se bort fra"): "bedes" with them gives leave, so it becomes "kan".
DISREGARD = {"se": "bort", "ignorere": None, "glemme": None}


def _disregard(doc: Doc, i: int, s_end: int) -> bool:
    """Whether the infinitive at ``i`` asks the reader to let something be ("se bort fra", "ignorere")."""
    t = token_table(doc)
    if t.lower[i] not in DISREGARD:
        return False
    particle = DISREGARD[t.lower[i]]
    nxt = _next_word(doc, i)
    return particle is None or (nxt is not None and nxt < s_end and t.lower[nxt] == particle)


def _looks_infinitive(t: Token) -> bool:
    """An infinitive, also when the tagger calls it a noun ("ringe")."""
    if not t.lower_.endswith(("e", "å")):
        return False
    if t.pos_ in ("VERB", "AUX"):
        if feat(t, "VerbForm") == "Inf":
            return True          # also with a wrong lemma ("bemærke" -> "bemærk")
        if feat(t, "VerbForm") == "Part" or t.lower_.endswith("ende") and t.lower_ != t.lemma_.lower():
            return False         # a present participle ("kommende")
        return t.lower_ == t.lemma_.lower()
    return t.pos_ in ("NOUN", "X") and is_known_verb(t.lower_)


def _subject_of(verb: Token) -> Token | None:
    subs = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    return subs[0] if len(subs) == 1 else None


def _participle_after(doc: Doc, verb: Token, sent_end: int) -> tuple[Token, list[str]] | None:
    """The participle that follows "bedes", and the adverbs (lower case) that stand between."""
    j = verb.i + 1
    advs = []
    while j < sent_end and doc[j].lower_ in FORMULA_ADVERBS:
        advs.append(doc[j].lower_)
        j += 1
    if j >= sent_end:
        return None
    t = doc[j]
    # the tagger often misses a participle after "bedes" ("fremsendt" as an adverb): the form decides
    if (feat(t, "VerbForm") == "Part" and feat(t, "Tense") != "Pres") or \
            (t.pos_ in ("VERB", "ADV", "ADJ", "AUX") and supine_matches(t.lemma_.lower(), t.lower_)):
        return t, advs
    return None


def _participle_lemma(doc: Doc, i: int) -> str | None:
    """The verb a past participle (token ``i``) belongs to, also when the lemmatizer got it wrong ("fremsendt",
    "udbetal").

    A verb whose class the inflection lists know, and whose participle is this form, comes first; then the
    lemmatizer's lemma if its participle is this form.
    """
    t = token_table(doc)
    lemma, low = t.lemma[i], t.lower[i]
    known = participle_lemma(low, lemma)
    if known is not None:
        return known
    if lemma != low and supine_matches(lemma, low):
        return lemma
    return None


def _til_object(doc: Doc, part: Token, sent_end: int) -> tuple[int, int] | None:
    """The "til Y" right after ``part``: (index of "til", index of Y's last token)."""
    t = token_table(doc)
    nxt = _next_word(doc, part.i)
    if nxt is None or t.lower[nxt] != "til" or nxt >= sent_end:
        return None
    rng = _subtree_range(doc, nxt)
    if rng is None or rng[1] <= nxt:
        # the parse left Y outside the preposition: take one nominal
        y = _next_word(doc, nxt)
        # "undertegnede" is a nominalised participle, often tagged VERB
        if y is None or y >= sent_end or (t.pos[y] not in ("NOUN", "PROPN", "PRON", "ADV")
                                          and t.lower[y] != "undertegnede"):
            return None
        return nxt, y
    last = rng[1]
    # stop before a following PP such as "på tlf." or "med angivelse": keep them outside the span
    for j in range(nxt + 1, last + 1):
        if t.pos[j] == "ADP" or t.punct[j]:
            last = j - 1
            break
    if last <= nxt:
        return None
    return nxt, last


def _recipient(doc: Doc, first: int, last: int) -> str:
    toks = doc[first:last + 1]
    if len(toks) == 1 and toks[0].lower_ == "undertegnede":
        return "mig"
    if len(toks) == 1 and toks[0].lower_ in ("os", "mig"):
        return toks[0].lower_
    return toks.text


def _subject_span(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The subject phrase before ``verb``: from the parse, else the words from sentence start."""
    subj = _subject_of(verb)
    s_start, s_end = _sentence(doc, verb.i)
    if subj is not None:
        rng = _subtree_range(doc, subj.i)
        if rng and rng[1] == verb.i - 1 and (rng[0] == s_start or doc[rng[0]].lower_ in CONTACT_HEADS
                                             or not is_sentence_start(doc[rng[0]]) and doc[rng[0] - 1].is_punct):
            return rng
    # "Eventuelle spørgsmål bedes ..." parsed oddly: everything from the sentence start, no verb or comma
    toks = doc[s_start:verb.i]
    toks = [t for t in toks if not t.is_space]
    def nominal(t: Token) -> bool:   # "vedrørende" is tagged as a present participle
        if t.pos_ in ("VERB", "AUX"):
            return feat(t, "Tense") == "Pres" and feat(t, "VerbForm") == "Part" or t.lower_.endswith("ende")
        return t.pos_ not in ("PUNCT", "SCONJ")

    if toks and len(toks) <= 6 and all(nominal(t) for t in toks):
        return toks[0].i, verb.i - 1
    return None


def _bedes_participle(doc: Doc, verb: Token) -> Suggestion | None:
    """"Klagen bedes fremsendt til X" -> "Send klagen til X"; "Spørgsmål bedes rettet til Y" -> "Du er velkommen til at kontakte Y"."""
    if verb.lower_ != "bedes":
        return None
    s_start, s_end = _sentence(doc, verb.i)
    rng = _subject_span(doc, verb)
    if rng is None or not is_sentence_start(doc[rng[0]]):
        return None
    found = _participle_after(doc, verb, s_end)
    if found is None:
        return None
    part, advs = found
    adv = _adverbs(advs)
    if adv is None or _shares_subject_with_coordinate(doc, [verb.i, part.i], s_end):
        return None
    first, last = rng
    heads = {t.lower_ for t in doc[first:last + 1]}
    lemma = _participle_lemma(doc, part.i)
    if lemma is None:
        return None     # never "Fremsendt klagen": the imperative needs the verb, not the participle
    if heads & CONTACT_HEADS and lemma == "rette":
        til = _til_object(doc, part, s_end)
        if til is None or _has_topic(doc, first, last) or _coordinated_after(doc, til[1], s_end):
            return None
        who = _recipient(doc, til[0] + 1, til[1])
        rep = "Du er velkommen til at kontakte " + who
        end = doc[til[1]].idx + len(doc[til[1]].text)
        return suggestion(doc, doc[first].idx, end, rep, kind="passive", safe=True, confidence=0.9,
                          note=NOTE_FORMULA)
    if lemma == "rette":
        lemma = "sende"
    lemma, prep = _plain(lemma)
    obj = _object_text(doc, first, last, True)
    words = [imperative(lemma)] + adv + ([prep] if prep else []) + [obj]
    rep = capitalise(" ".join(words))
    return suggestion(doc, doc[first].idx, part.idx + len(part.text), rep, kind="passive", safe=True,
                      confidence=0.9, note=NOTE_FORMULA)


def _contact_formula(doc: Doc, verb: Token) -> Suggestion | None:
    """"Henvendelse vedrørende sagen kan rettes til Visitationen" -> "Du kan kontakte Visitationen"."""
    if verb.lower_ != "rettes":
        return None
    s_start, s_end = _sentence(doc, verb.i)
    k = verb.i - 1
    advs = []
    while k > s_start and doc[k].lower_ in FORMULA_ADVERBS:
        advs.insert(0, doc[k].lower_)
        k -= 1
    modal = doc[k] if k >= s_start else None
    adv = _adverbs(advs)
    if modal is None or modal.lower_ not in ("kan", "skal", "må") or adv is None:
        return None
    rng = _subject_span(doc, modal)
    if rng is None:
        return None
    first, last = rng
    if doc[first].lower_ not in CONTACT_HEADS and not (doc[first].lower_ == "eventuelle"
                                                      and doc[first + 1].lower_ in CONTACT_HEADS):
        return None
    til = _til_object(doc, verb, s_end)
    if _has_topic(doc, first, last) or (til is not None and _coordinated_after(doc, til[1], s_end)):
        return None   # "Spørgsmål om erstatning ...", "... til X og ikke til kommunen": the template would lose it
    questions = any(t.lower_ == "spørgsmål" for t in doc[first:last + 1])
    lead = "Du er velkommen til at kontakte" if questions else " ".join(["Du kan"] + adv + ["kontakte"])
    if til is None:
        rep, end, conf, safe = lead + " os", verb.idx + len(verb.text), 0.8, True
    else:
        rep = lead + " " + _recipient(doc, til[0] + 1, til[1])
        end, conf, safe = doc[til[1]].idx + len(doc[til[1]].text), 0.9, True
    note = NOTE_FORMULA
    if modal.lower_ != "kan":
        # "skal rettes til X" is an instruction; "Du er velkommen til"/"Du kan" is an offer
        safe, conf, note = False, 0.6, NOTE_INSTRUCTION
    if not is_sentence_start(doc[first]):
        rep = rep[0].lower() + rep[1:]
    return suggestion(doc, doc[first].idx, end, rep, kind="passive", safe=safe, confidence=conf, note=note)


# Words that may stand with the contact noun without saying what it is about ("Eventuelle spørgsmål").
CONTACT_MODIFIERS = {"eventuelle", "yderligere", "flere", "andre", "dine", "deres", "jeres", "alle", "nye", "dit",
                     "din", "evt.", "evt"}
NOTE_INSTRUCTION = ('Sætningen siger, hvor læseren skal henvende sig. "Du kan" gør det til et tilbud. '
                    "Tjek, at det er det, du mener.")


# A topic that only points back at the letter itself ("vedrørende sagen", "om ovennævnte"): nothing is lost.
BACK_REFERENCES = {"vedrørende", "vedr.", "vedr", "angående", "ang.", "om", "til", "sagen", "ovennævnte",
                   "ovenstående", "nærværende", "denne", "dette", "brevet", "afgørelsen", "tilbuddet", "henvendelsen",
                   "partshøringen", "partshøring", "ansøgningen", "din", "dit", "deres", "jeres"}


def _has_topic(doc: Doc, first: int, last: int) -> bool:
    """The subject says what to contact about ("Spørgsmål om erstatning", "Spørgsmål vedrørende arbejdet"),
    more than the letter's own case ("Henvendelse vedrørende sagen")."""
    t = token_table(doc)
    return any(not t.space[k] and t.lower[k] not in CONTACT_HEADS and t.lower[k] not in CONTACT_MODIFIERS
               and t.lower[k] not in BACK_REFERENCES for k in range(first, last + 1))


def _coordinated_after(doc: Doc, last: int, s_end: int) -> bool:
    """"til Søholt Forsyning og ikke til kommunen": a coordinated part that hangs on "til" follows the recipient."""
    t = token_table(doc)
    nxt = _next_word(doc, last)
    return nxt is not None and nxt < s_end and t.lower[nxt] in ("og", "eller", "men", "samt", "frem", "i", "ikke")


def _announce_formula(doc: Doc, verb: Token) -> Suggestion | None:
    """"Det bemærkes endvidere, at" -> "Bemærk også, at"; "Det skal hermed meddeles, at" -> "Vi kan oplyse, at"."""
    low = verb.lower_
    if low not in ANNOUNCE_VERBS:
        return None
    s_start, s_end = _sentence(doc, verb.i)
    t = token_table(doc)
    words = [k for k in range(s_start, verb.i) if not t.space[k]]
    if not words or t.lower[words[0]] != "det" or not is_sentence_start_at(t, words[0]):
        return None
    middle = [t.lower[k] for k in words[1:]]
    if middle and middle[0] in MODALS:
        middle = middle[1:]
    j = verb.i + 1
    while j < s_end and t.lower[j] in FORMULA_ADVERBS:
        j += 1
    if j + 1 >= s_end or t.text[j] != "," or t.lower[j + 1] != "at":
        return None
    adv = _adverbs(middle + t.lower[verb.i + 1:j])
    if adv is None:
        return None
    plain = ANNOUNCE_VERBS[low]
    if plain is None:
        # "Det bemærkes, at X" is no order to the reader: the plain form is X alone. "Bemærk, at carporten er
        # opført uden tilladelse" would order the reader to take note of his own fault.
        # "endvidere", "i øvrigt" only tie the sentence to the one before: deleted with the opening
        cut = None if set(adv) - {"også"} else _without_opening(doc, t.idx[words[0]], j + 1, s_end)
        if cut is not None:
            return cut
        # the clause needs new word order ("at du ikke har" -> "Du har ikke"), or an adverb would be lost:
        # "Bemærk" is offered to read, never applied by --apply safe
        return suggestion(doc, t.idx[words[0]], t.end[j - 1], " ".join(["Bemærk"] + adv), kind="passive",
                          safe=False, confidence=0.6, note=NOTE_FORMULA)
    rep = " ".join(["Vi kan"] + adv + [plain])
    return suggestion(doc, t.idx[words[0]], t.end[j - 1], rep, kind="passive", safe=True,
                      confidence=0.9, note=NOTE_FORMULA)


NOTE_OPENING = 'Slet "Det bemærkes, at". Sætningen siger det samme uden.'
# Adverbs that stand before the finite verb in an at-clause and after it in a main clause.
CLAUSE_ADVERBS = {"ikke", "også", "aldrig", "altid", "allerede", "fortsat", "stadig", "endnu", "kun", "nok", "jo",
                  "vel", "heller", "desværre", "muligvis", "måske", "ofte", "sjældent", "tidligere", "senere", "først",
                  "hverken", "ej", "snart", "netop", "blot", "bare", "faktisk", "egentlig", "formentlig"}


def _finite(doc: Doc, k: int) -> bool:
    return doc[k].pos_ in ("AUX", "VERB") and "Fin" in doc[k].morph.get("VerbForm")


def _attributive(doc: Doc, k: int) -> bool:
    """"en tilladt totalvægt": a participle before the noun it describes, part of the subject."""
    return ("Part" in doc[k].morph.get("VerbForm") and k + 1 < len(doc)
            and doc[k + 1].pos_ in ("NOUN", "ADJ", "PROPN"))


CLAUSE_BREAKS = {",", ";", ":", "(", ")", "–", "-"}


def _without_opening(doc: Doc, start: int, at: int, s_end: int) -> Suggestion | None:
    """"Det bemærkes, at carporten er opført ..." -> "Carporten er opført ...": the at-clause as a main clause.
    The adverbs that stand before the finite verb in the at-clause move after it ("at betalingen fortsat
    ikke er betalt" -> "Betalingen er fortsat ikke betalt"). None when the clause is not that simple."""
    t = token_table(doc)
    if at >= s_end or t.lower[at] != "at":
        return None
    first = _next_word(doc, at)
    if (first is None or first >= s_end or t.lower[first] in CLAUSE_ADVERBS or t.text[first] == "De"
            or t.pos[first] in ("SCONJ", "ADV", "ADP", "VERB", "AUX", "PUNCT")):
        return None     # a sentence that starts with "De" reads as "they" as well
    fin = next((k for k in range(first + 1, min(s_end, first + 14)) if _finite(doc, k)), None)
    if fin is None:
        return None
    adv = fin
    while adv - 1 > first and t.lower[adv - 1] in CLAUSE_ADVERBS:
        adv -= 1
    for k in range(first + 1, adv):
        if t.space[k]:
            continue
        if (t.pos[k] in ("ADV", "SCONJ", "CCONJ", "AUX") or t.text[k] in CLAUSE_BREAKS
                or t.lower[k] in CLAUSE_ADVERBS or (t.pos[k] == "VERB" and not _attributive(doc, k))):
            return None
    text = doc_text(doc)
    subject = text[t.idx[first]:t.end[adv - 1]]
    rep = f"{subject[:1].upper()}{subject[1:]} {t.text[fin]}"
    if adv < fin:
        rep += " " + text[t.idx[adv]:t.end[fin - 1]]
    return suggestion(doc, start, t.end[fin], rep, kind="passive", safe=True, confidence=0.9, note=NOTE_OPENING)


# --- 2. the general rewrite -----------------------------------------------------------------------
# Token indices throughout; attributes come from the token table.

def _verbs_above(t: TokenTable, chain: list[int]) -> list[int]:
    """``chain`` with the verbs its first verb hangs from ("vobj"/"xcomp" to the left) put in front, 4 at most."""
    k = chain[0]
    while t.dep[k] in ("vobj", "xcomp") and t.head[k] < k and t.pos[t.head[k]] in ("AUX", "VERB") and len(chain) < 4:
        k = t.head[k]
        chain.insert(0, k)
    return chain


def _verb_chain(doc: Doc, main: int, aux: int | None) -> tuple[list[int], bool] | None:
    """The verbs of the clause, finite first, and whether the parse linked them (else word order)."""
    t = token_table(doc)
    chain = _verbs_above(t, [main])
    ud_aux = [c for c in t.children(main) if t.dep[c] in ("aux", "aux:pass", "cop") and c < main]
    if ud_aux:
        chain = ud_aux + [main]
    parsed = True
    if aux is not None and aux not in chain:
        # The parse did not link "er ... lagt": trust word order when only the subject and adverbs stand between.
        between = range(aux + 1, main)
        if any(t.pos[x] in ("VERB", "AUX", "PUNCT", "SCONJ", "ADP") for x in between) or len(between) > 4:
            return None
        chain = _verbs_above(t, [aux, main])
        parsed = False
    return chain, parsed


def _new_verbs(doc: Doc, chain: list[int], kind: str) -> tuple[dict[int, str], str, str] | None:
    """{token index: new text ("" = remove)}, the lemma, and a label of the tense; None when unsure."""
    t = token_table(doc)
    main = chain[-1]
    out: dict[int, str] = {}
    low = t.lower[main]
    lemma = t.lemma[main]
    if kind == "s":
        if not low.endswith("s") or len(chain) > 2:
            return None
        base = low[:-1]
        new_lemma = _plain(lemma)[0]
        if len(chain) == 2:
            if t.lower[chain[0]] not in MODALS or base != lemma:
                return None
            out[main] = new_lemma
            return out, lemma, "inf"
        if base == lemma:
            out[main] = present(new_lemma)
            return out, lemma, "pres"
        if base == past(lemma, None):
            form = past(new_lemma, None)
            if not form:
                return None
            out[main] = form
            return out, lemma, "past"
        return None
    lemma = _participle_lemma(doc, main) or lemma    # "udbetalt" with the lemma "udbetal": the verb is "udbetale"
    if not supine_matches(lemma, low):
        return None
    new_lemma = _plain(lemma)[0]
    auxes = [t.lower[k] for k in chain[:-1]]
    if kind == "blive":
        if auxes == ["bliver"]:
            out[chain[0]] = ""
            out[main] = present(new_lemma)
            return out, lemma, "pres"
        if auxes == ["blev"]:
            form = past(new_lemma, low if new_lemma == lemma else None)
            if not form:
                return None
            out[chain[0]] = ""
            out[main] = form
            return out, lemma, "past"
        if len(auxes) == 2 and auxes[0] in MODALS and auxes[1] == "blive":
            out[chain[1]] = ""
            out[main] = new_lemma
            return out, lemma, "inf"
        if len(auxes) == 2 and auxes[0] in ("er", "var") and auxes[1] == "blevet":
            out[chain[0]] = "har" if auxes[0] == "er" else "havde"
            out[chain[1]] = ""
            return _perfect(out, main, lemma, new_lemma)
        return None
    if kind == "være":
        if auxes in (["er"], ["var"]):
            out[chain[0]] = "har" if auxes[0] == "er" else "havde"
        elif len(auxes) == 2 and auxes[0] in MODALS and auxes[1] == "være":
            out[chain[1]] = "have"
        else:
            return None
        return _perfect(out, main, lemma, new_lemma)
    return None


def _perfect(out: dict[int, str], main: int, lemma: str, new_lemma: str) -> tuple[dict[int, str], str, str] | None:
    """``_new_verbs``' result for a perfect: the main verb becomes the plain verb's supine (None when unknown)."""
    if new_lemma != lemma:
        sup = verb_form(new_lemma, "sup")
        if not sup:
            return None
        out[main] = sup
    return out, lemma, "perf"


def _agent(doc: Doc, chain: list[int], main: int) -> tuple[int, int, int, int] | None:
    """(pp_first, pp_last, np_first, np_last) of an agent "af X" attached to the verbs."""
    t = token_table(doc)
    for v in chain:
        for c in t.children(v):
            if c < main:
                continue
            if t.lower[c] == "af" and t.pos[c] == "ADP" and t.dep[c] in ("pobj", "mod", "obl", "case"):
                rng = _subtree_range(doc, c)
                if rng is None or rng[1] == c:
                    continue
                head = c + 1
                if t.lower[head] in NOT_AGENT_HEADS or (t.pos[head] not in ("NOUN", "PROPN", "PRON", "DET", "ADV", "ADJ")
                                                        and t.lower[head] != "undertegnede"):
                    continue
                return rng[0], rng[1], head, rng[1]
            if t.dep[c] in ("obl:agent", "obl") and t.pos[c] in ("NOUN", "PROPN", "PRON"):
                case = [g for g in t.children(c) if t.dep[g] == "case" and t.lower[g] == "af"]
                rng = _subtree_range(doc, c)
                if case and rng and rng[0] == case[0] and t.lower[c] not in NOT_AGENT_HEADS:
                    return rng[0], rng[1], rng[0] + 1, rng[1]
    return None


def _agent_text(doc: Doc, first: int, last: int) -> str | None:
    """The agent as a subject ("af os" -> "vi", "af Dem" -> "De"); None when a pronoun has words after it
    ("af Dem som leverandør": the rest is no part of the subject)."""
    toks = doc[first:last + 1]
    if len(toks) == 1:
        if toks[0].text == "Dem":
            return "De"      # the polite form keeps its capital: "de" is "they"
        low = toks[0].lower_
        if low in SUBJECT_CASE:
            return SUBJECT_CASE[low]
    elif toks[0].lower_ in SUBJECT_CASE:
        return None
    return toks.text


def _direction(doc: Doc, main: int, sent_end: int) -> str | None:
    """Who sends: "til os/Ydelsescenteret" -> the reader ("du"); "til Dem" -> the authority ("vi")."""
    t = token_table(doc)
    for j in range(main + 1, min(sent_end, main + 8)):
        if t.lower[j] == "til" and j + 1 < sent_end and t.lower[j - 1] not in ("henhold", "forhold", "tillæg"):
            nxt = j + 1
            if t.lower[nxt] in READER_WORDS:
                return "vi"
            if _party_words(t, nxt, min(sent_end - 1, nxt + 2)):
                return None     # "sendes til Gældsstyrelsen": handed on to another authority, not by the reader
            if t.pos[nxt] == "PROPN" or t.lower[nxt] in AUTHORITY_NOUNS:
                return "du"
            return None     # "kan gives til personer ...": who may receive, not an order
    return "vi" if t.lemma[main] == "give" else None


def _clause_end(t: TokenTable, main: int, s_end: int) -> int:
    j = main + 1
    while j < s_end and t.text[j] not in (",", ";", ":") and t.lower[j] not in ("og", "men", "eller"):
        j += 1
    return j


def _third_party_in_clause(t: TokenTable, main: int, s_end: int) -> bool:
    """An "af"/"ved" + a name within the clause after the verb: a third party acted."""
    end = _clause_end(t, main, s_end)
    for j in range(main + 1, end):
        if t.lower[j] in ("af", "ved") and any(t.pos[k] == "PROPN" for k in range(j + 1, min(end, j + 4))):
            return True
    return False


COMPANY_WORDS = ("selskab", "firma", "leverandør", "entreprenør", "vognmand")


_COMPANY_RE = rxcache.compile("|".join(COMPANY_WORDS))
_COMPANY_MARKS = {"A/S", "ApS", "I/S"}


def _company_in_sentence(t: TokenTable, s_start: int, s_end: int, subject: tuple[int, int]) -> bool:
    """A company or supplier is named in the sentence (not as the passive's subject): it, not the authority,
    may well be the actor."""
    # none of the words in any token of the sentence (no word holds a line break): nothing to look for
    if not _COMPANY_RE.search("\n".join(t.lower[s_start:s_end])) and _COMPANY_MARKS.isdisjoint(t.text[s_start:s_end]):
        return False
    return any(any(w in t.lower[k] for w in COMPANY_WORDS) or t.text[k] in ("A/S", "ApS", "I/S")
               for k in range(s_start, s_end) if not subject[0] <= k <= subject[1])


NOTE_NAMED = ("Aktiv i stedet for passiv. Brevet nævner en anden, der gør det samme. "
              "Tjek, at det er os og ikke dem, der gør det.")
NOTE_AF = ('Aktiv i stedet for passiv. Tjek, om den, der står efter "af", er den, der gør det. '
           'Så skal den stå først i stedet for "vi".')
NOTE_WONT = ('Aktiv i stedet for passiv. Men "vi vil ikke" kan lyde, som om vi ikke har lyst. '
             "Skriv hellere, hvad læseren ikke får.")
# Light verbs: the noun after them says what is done ("der er foretaget en genberegning"), not the verb.
LIGHT_VERBS = {"foretage", "træffe", "tage", "lægge"}
# "af" that is part of a compound preposition, not an agent ("på baggrund af").
COMPOUND_AF = {"baggrund", "grundlag", "medfør", "hjælp", "grund", "følge", "vegne", "hensyn", "henblik"}
# Words after "af" that open a clause or a time, not a person who acts ("en vurdering af, om ...").
AF_NOT_AGENT = {",", "at", "om", "hvorvidt", "hvad", "hvor", "hvordan", "hvilke", "hvilken", "hvem"}
NEGATED = {"ikke", "aldrig", "ingen", "intet"}
# Words that make a subject the sender or the reader, not a third party.
SENDER_STEMS = ("kommune", "jobcent", "borgerservice", "forvaltning", "afdeling", "center", "centret", "visitation",
                "skole", "team", "sekretariat", "myndighed")
THIRD_PARTY_STEMS = ("selskab", "firma", "leverandør", "entreprenør", "vognmand", "arbejdsgiver",
                     "læge", "udlejer", "bank", "styrelse", "rådgiver", "forsyning")
THIRD_KEY = "letterlab_third_party_acts"
# Nouns for people: after "af" they may be the one who acts ("en undersøgelse af din læge").
PERSON_STEMS = THIRD_PARTY_STEMS + ("medarbejder", "sagsbehandler", "visitator", "terapeut", "konsulent", "leder",
                                    "psykolog", "sygeplejer", "assistent", "advokat", "revisor", "person", "borger",
                                    "ejer", "nabo", "forælder", "forældre", "ægtefælle", "samlever", "datter", "søn",
                                    "mor", "far", "ansøger", "elev", "lærer", "mægler", "tilsynsfør", "inspektør")
PERSON_PRONOUNS = {"dig", "dem", "ham", "hende", "os", "mig", "jer", "undertegnede"}


def _names_a_person(t: TokenTable, j: int) -> bool:
    """Whether the noun phrase from token ``j`` ("din læge", "Dem", "Jens Hansen") may be a person."""
    while j < len(t.lower) and t.pos[j] in ("DET", "ADJ", "NUM") and t.lower[j] not in PERSON_PRONOUNS:
        j += 1
    if j >= len(t.lower) or t.lower[j] in AF_NOT_AGENT:
        return False
    low = t.lower[j]
    return t.pos[j] == "PROPN" or low in PERSON_PRONOUNS or any(low.startswith(st) or st in low
                                                                  for st in PERSON_STEMS)


def _real_subject(t: TokenTable, main: int, s_end: int) -> list[int]:
    """The noun phrase after the verb of an expletive passive ("der blev foretaget [11 betalinger] mellem ...")."""
    out = []
    j = main + 1
    while j < s_end and t.pos[j] == "ADV":
        j += 1
    while j < s_end and t.pos[j] not in ("ADP", "PUNCT", "CCONJ", "SCONJ", "VERB", "AUX") and t.text[j].strip():
        out.append(j)
        j += 1
    return out


def _letterhead_words(doc: Doc) -> set[str]:
    text = doc_text(doc)
    head = [ln for ln in text[:300].splitlines() if ln.strip()][:2]
    return {w.lower() for ln in head for w in ln.split()}


def _is_third_party(doc: Doc, first: int, last: int, sender: set[str]) -> bool:
    """Whether the words ``first``..``last`` name someone other than the sender and the reader."""
    t = token_table(doc)
    words = [t.lower[k] for k in range(first, last + 1)]
    if any(w in READER_WORDS or w in ("vi", "os", "jeg", "mig", "man") for w in words):
        return False
    if any(any(st in w for st in SENDER_STEMS) for w in words) or any(w in AUTHORITY_NOUNS for w in words):
        return False
    if any(t.pos[k] == "PROPN" and t.lower[k] not in sender for k in range(first, last + 1)):
        return True
    return any(any(st in w for st in THIRD_PARTY_STEMS) for w in words)


def _third_party_acts(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """(verb lemmas, noun lemmas) of what a third party does in the letter ("Udbetaling Danmark træffer
    afgørelse om boligstøtte": træffe; afgørelse, boligstøtte), as active subject or as "af X" agent."""
    cached = doc.user_data.get(THIRD_KEY)
    if cached is not None:
        return cached
    t = token_table(doc)
    sender = _letterhead_words(doc)
    verbs: set[str] = set()
    nouns: set[str] = set()
    for v in range(len(t.lower)):
        if t.pos[v] not in ("VERB", "AUX"):
            continue
        actor = None
        for c in t.children(v):
            if t.dep[c] == "nsubj" and not t.lower[v].endswith("s"):
                actor = _subtree_range(doc, c)
            elif t.lower[c] == "af" or t.dep[c] in ("obl:agent",):
                rng = _subtree_range(doc, c)
                if rng is not None and rng[1] > rng[0]:
                    actor = (rng[0] + 1, rng[1]) if t.lower[rng[0]] == "af" else rng
            if actor is not None and _is_third_party(doc, actor[0], actor[1], sender):
                break
            actor = None
        if actor is None:
            continue
        verbs.add(_participle_lemma(doc, v) or t.lemma[v])
        todo = list(t.children(v))
        while todo:
            k = todo.pop()
            if t.pos[k] in ("VERB", "AUX") or actor[0] <= k <= actor[1]:
                continue     # another clause, or the actor itself
            if t.pos[k] == "NOUN" and t.lower[k] not in AUTHORITY_NOUNS and t.lemma[k] not in COMPOUND_AF:
                nouns.add(t.lemma[k])
            todo += t.children(k)
    out = (frozenset(verbs), frozenset(nouns))
    doc.user_data[THIRD_KEY] = out
    return out


def _other_actor_risk(doc: Doc, t: TokenTable, lemma: str, lo: int, main: int, clause_end: int,
                      chain: list[int]) -> str | None:
    """Why "vi" in an expletive passive ("der er truffet afgørelse") may name the wrong actor, or None.

    * an "af" phrase in the clause may name the one who acts ("en undersøgelse af din læge");
    * the letter names a third party who does the same ("Udbetaling Danmark træffer afgørelse om boligstøtte"
      against "der er ikke truffet afgørelse", "der vil ikke blive udbetalt boligstøtte");
    * "vil" with a negation turns into "vi vil ikke": unwillingness, not a fact.
    """
    for j in range(lo, clause_end):
        if t.lower[j] == "af" and not (j > 0 and t.lower[j - 1] in COMPOUND_AF) and _names_a_person(t, j + 1):
            return NOTE_AF
    verbs, nouns = _third_party_acts(doc)
    if lemma not in LIGHT_VERBS and lemma in verbs:
        return NOTE_NAMED
    if any(t.pos[k] == "NOUN" and t.lemma[k] in nouns for k in range(main + 1, clause_end)):
        return NOTE_NAMED
    if t.lower[chain[0]] in ("vil", "ville") and any(t.lower[k] in NEGATED for k in range(lo, clause_end)):
        return NOTE_WONT
    return None


def _expletive_is_ours(t, lemma: str, lo: int, main: int, clause_end: int) -> bool:
    """True when an expletive passive ("der er lagt vægt på") is surely the authority's own act."""
    if lo > 0 and t.lower[lo - 1] in RULE_SUBORDINATORS:
        return False
    needs = EXPLETIVE_NEEDS.get(lemma)
    return needs is None or any(t.lower[k] in needs for k in range(main + 1, clause_end))


def _told_to_authority(t: TokenTable, main: int, s_end: int) -> bool:
    """"oplyst over for kommunen", "meddelt til os": the authority is the one told, not the actor."""
    end = _clause_end(t, main, s_end)
    for j in range(max(main - 4, 0), end):
        if t.lower[j] in ("for", "overfor", "til") and j + 1 < end and t.lower[j + 1] in AUTHORITY_NOUNS:
            return True
    return False


# An adverb of degree or result on a være-participle makes it a state ("er fuldt oplyst", "er helt lukket").
STATE_ADVERBS = {"fuldt", "helt", "tilstrækkeligt", "færdigt", "delvist", "korrekt", "rigtigt", "ordentligt",
                 "godt", "endeligt", "fuldstændigt", "tilstrækkelig"}
# Modals of duty: "skal vurderes" says something must happen, not who does it (the reader, another authority).
DUTY_MODALS = {"skal", "skulle", "må", "måtte", "bør", "burde"}


def _is_state(t: TokenTable, chain: list[int], main: int, s_first: int, s_start: int) -> bool:
    """A være-passive that describes a state, not an action of the sender.

    An adverb of degree on the participle ("er fuldt oplyst", "er tilstrækkeligt belyst"), or the clause
    asks whether something is so ("om sagen er oplyst"): a rewrite with an actor would invent one.
    """
    if any(t.lower[k] in STATE_ADVERBS for k in range(chain[0] + 1, main)):
        return True
    if main + 1 < len(t.lower) and t.lower[main + 1] in STATE_ADVERBS:
        return True
    k = s_first - 1
    while k >= s_start and t.pos[k] in ("SCONJ", "CCONJ", "ADV"):
        if t.lower[k] == "om" and t.pos[k] == "SCONJ":
            return True
        k -= 1
    return False


def _actor_not_sure(t: TokenTable, finite: int, main: int, s_end: int, subject: str = "") -> bool:
    """Whether "vi", guessed from the verb, may well not be the actor.

    A duty modal with no agent ("din ejendom skal vurderes": another authority; "skal leveres": the reader),
    unless the reader is the one acted on ("De skal indkaldes til en samtale": the sender summons; an
    expletive "skal det meddeles, at" is the sender's own procedure and never comes here), or
    "tilbage" after the verb, which turns the direction of a verb the authority usually does ("leveres
    tilbage": the reader returns it).
    """
    if t.lower[finite] in DUTY_MODALS and subject not in ("du", "de"):
        return True
    end = _clause_end(t, main, s_end)
    return any(t.lower[j] == "tilbage" for j in range(main + 1, min(end, main + 4)))


# The guessed actor is the passive's own subject: the rewrite would make the reader (or us) do it to
# ourselves ("du bliver tilmeldt" -> "du tilmelder dig"), which names the wrong actor.
SAME_PARTY = {"du": {"du", "i", "De"}, "vi": {"vi", "jeg"}}


def _negated(t: TokenTable, finite: int, main: int, s_end: int) -> bool:
    """A negation stands in the verb chain: "accepteres ikke", "kan ikke accepteres", "vil aldrig blive godtaget"."""
    return any(t.lower[k] in NEGATED for k in range(finite, min(s_end, max(main, finite) + 2)))


def _in_subclause(t: TokenTable, s_start: int, s_first: int) -> bool:
    """The word before the subject opens a subordinate clause ("hvis", "at", "når", a relative "som")."""
    k = s_first - 1
    while k >= s_start and t.text[k] == ",":
        k -= 1
    return k >= s_start and (t.pos[k] == "SCONJ" or t.lower[k] in ("at", "som", "hvis", "når", "såfremt", "om"))


def _same_party(who: str, subject: str) -> bool:
    """Whether ``subject`` (the passive's subject as written) is the party ``who`` the rewrite would make act."""
    words = SAME_PARTY.get(who, set())
    return subject in words or subject.lower() in words - {"De"}


def _general(doc: Doc, verb: Token, kind: str, aux: int | None) -> Suggestion | None:
    t = token_table(doc)
    main = verb.i
    found = _verb_chain(doc, main, aux)
    if found is None:
        return None
    chain, parsed = found
    s_start, s_end = _sentence(doc, main)
    if any(v < s_start for v in chain):
        return None
    finite = chain[0]
    if not (is_finite_at(t, finite) or (len(chain) == 1 and kind == "s" and t.dep[main] not in ("vobj", "xcomp"))):
        return None
    if finite > s_start and t.lower[finite - 1] == "at" and t.pos[finite - 1] == "PART":
        return None
    if any(t.dep[c] in ("vobj", "xcomp") and t.pos[c] in ("VERB", "AUX") for c in t.children(main)):
        return None   # "kræves tilbagebetalt", "påtænkes lagt": two verbs to turn, too uncertain
    if _shares_subject_with_coordinate(doc, chain, s_end):
        return None
    verbs = _new_verbs(doc, chain, kind)
    if verbs is None:
        return None
    new_text, lemma, _tense = verbs
    if new_text.get(finite) == "" and main in new_text and main - finite > 1 \
            and any(not t.space[k] for k in range(finite + 1, main)):
        # "Tilladelsen blev bl.a. givet": the new verb takes the auxiliary's place ("Vi gav bl.a. tilladelsen")
        new_text = dict(new_text)
        new_text[finite], new_text[main] = new_text[main], ""
    # subject
    subj = None
    for v in chain:
        for c in t.children(v):
            if t.dep[c] in SUBJ_DEPS and c >= s_start:
                if subj is not None:
                    return None
                subj = c
    if subj is None:
        return None
    srng = _subtree_range(doc, subj)
    if srng is None or any(srng[0] <= v <= srng[1] for v in chain):
        return None
    s_first, s_last = srng
    while s_first < subj and t.pos[s_first] in ("SCONJ", "CCONJ"):
        s_first += 1   # "Såfremt afgørelsen ...": the subordinator is no part of the subject
    subj_low = t.lower[subj]
    if t.pos[subj] == "PRON" and s_first == subj and s_last > subj and all(
            t.pos[k] in ("ADV", "ADJ") or t.lower[k] in CENTRAL_ADVERBS for k in range(subj + 1, s_last + 1)):
        s_last = subj   # "at De delvist bevilges": "delvist" belongs to the verb, not to "De"
    if s_last - s_first > 7 or any(t.text[k] in (",", ";") or t.pos[k] in ("NUM", "VERB", "AUX", "SCONJ")
                                   or doc[k].like_num for k in range(s_first, s_last + 1)):
        return None
    # Only adverbs may stand between the subject and the verbs, else the parse split a phrase.
    gap = range(s_last + 1, finite) if s_last < finite else range(finite + 1, s_first)
    if any(t.pos[k] != "ADV" and t.lower[k] not in CENTRAL_ADVERBS
           and not (t.pos[k] == "ADJ" and t.lower[k].endswith("t")) for k in gap):
        return None
    # a relative clause; the parse sometimes hangs it on the main verb as a conjunct ("ansøgning, som behandles")
    after_noun = s_first >= s_start + 2 and t.text[s_first - 1] == "," and t.pos[s_first - 2] in ("NOUN", "PROPN")
    relative = (t.dep[finite] in REL_DEPS or after_noun and subj_low in ("der", "som")) \
        and subj_low in ("der", "som", "hvilken", "hvilket", "hvilke") and s_first == s_last
    if not relative and subj_low in ("som", "hvilken", "hvilket", "hvilke"):
        return None   # a relative pronoun the parse did not link to its clause: it cannot become the object
    expletive = not relative and s_first == s_last and subj_low in ("der", "det")
    if expletive and subj_low == "det":
        j = main + 1
        while j < s_end and (t.pos[j] == "ADV" or t.text[j] == ","):
            j += 1
        if j >= s_end or t.lower[j] != "at":
            return None
    if kind == "være" and not expletive and not relative and subj_low in ("de", "du", "jeg", "vi", "han", "hun", "i"):
        return None   # "De er forhindret i ...": a person in a state, not a passive to turn
    if not expletive and not relative and subj_low in NO_OBJECT_SUBJECTS:
        _why(doc, main, WHY_UNKNOWN)
        return None   # review 19: "den dato, man er blevet godkendt" never becomes "vi har godkendt man"
    # actor
    agent = None if lemma in FROM_VERBS else _agent(doc, chain, main)
    if agent is None and lemma not in FROM_VERBS:
        after = _next_word(doc, main)
        while after is not None and after < s_end and t.lower[after] in CENTRAL_ADVERBS:
            after = _next_word(doc, after)     # "returneres ikke af Ydelsescentret"
        if after is not None and t.lower[after] == "af" and after < s_end:
            _why(doc, main, WHY_THIRD)
            return None   # an "af X" the parse did not give as the agent: "vi ... af undertegnede" is no rewrite
        if _third_party_in_clause(t, main, s_end):
            _why(doc, main, WHY_THIRD)
            return None   # "foretaget et hjemmebesøg af ergoterapeut Mette Berg": she acted, not "vi"
    if agent is not None:
        a_pp_first, a_pp_last, a_first, a_last = agent
        if any(t.pos[k] in ("VERB", "AUX") for k in range(a_first, a_last + 1)):
            return None   # "af den leverandør, som er valgt af Dem": a clause inside the agent
        nxt = _next_word(doc, a_pp_last)
        if nxt is not None and t.text[nxt] == ",":
            # "af leverandøren, Fjordby Hjemmepleje, med ...": take the apposition along
            k = nxt + 1
            while k < s_end and t.pos[k] in ("PROPN", "NOUN") and t.dep[k] in ("appa", "namef", "appos", "flat", "name"):
                k += 1
            if k > nxt + 1 and k < s_end and t.text[k] == ",":
                a_last = k
                a_pp_last = k
        who = _agent_text(doc, a_first, a_last)
        if who is None:
            return None
        after_agent = _next_word(doc, a_pp_last)
        if after_agent is not None and after_agent < s_end and t.lower[after_agent] in ("og", "eller", "men") \
                and any(t.lower[k] == "af" for k in range(after_agent + 1, min(s_end, after_agent + 4))):
            return None   # "af virksomheden og ikke af kommunen": the second "af" would hang loose
        confidence = 0.8
        note = NOTE_AGENT
    else:
        if lemma in PATIENT_ACTORS:
            if expletive and subj_low == "der":
                # "der blev foretaget 11 betalinger": what is acted on is the noun after the verb, not "der"
                words = [t.lower[k] for k in _real_subject(t, main, s_end)]
            else:
                words = [t.lower[k] for k in range(s_first, s_last + 1)] if not relative else [t.lower[t.head[finite]]]
            who = next((w for stems, w in PATIENT_ACTORS[lemma]
                        if not stems or any(x.startswith(st) or st in x for x in words for st in stems)), None)
            if who is None and expletive and subj_low == "der" and lemma == "foretage":
                who = "vi"    # "der er foretaget en vurdering": the authority
            elif who is not None and who != "vi" and expletive:
                who = None    # "der er foretaget betalinger", "der er modtaget kontanthjælp": who paid is unknown
            if who is None:
                _why(doc, main, WHY_UNKNOWN)
                return None
        elif lemma in TWO_WAY_VERBS:
            who = _direction(doc, main, s_end) or _returned_by_reader(t, lemma, s_first, s_last)
            if who is None:
                _why(doc, main, WHY_RULE if t.lower[finite] in ("kan", "må") else WHY_UNKNOWN)
                return None
        elif lemma in SENDER_REFUSES and _negated(t, finite, main, s_end):
            if _in_subclause(t, s_start, s_first):
                _why(doc, main, WHY_UNKNOWN)
                return None   # "Hvis tilbuddet ikke accepteres, …": maybe the reader's no, maybe ours
            who = "vi"        # "Kontanter accepteres ikke": our refusal, not the reader's (round 17)
        elif lemma in READER_VERBS:
            who = "du"
        elif lemma in AUTHORITY_VERBS:
            who = "vi"

            if _told_to_authority(t, main, s_end):
                _why(doc, main, WHY_UNKNOWN)
                return None   # "som ikke er oplyst over for kommunen": someone told us; we did not
        else:
            _why(doc, main, WHY_UNKNOWN)
            return None
        if not expletive and not relative and s_first == s_last and _same_party(who, t.text[subj]):
            _why(doc, main, WHY_UNKNOWN)
            return None   # "bliver du afmeldt" -> "afmelder du dig": the one acted on is not the one who acts
        if who == "vi" and _company_in_sentence(t, s_start, s_end, (s_first, s_last)):
            _why(doc, main, WHY_THIRD)
            return None   # "Affaldet vil blive afhentet ..., idet renovationsselskabet ...": maybe not "vi"
        if _other_party_acts(doc, t, main, s_start, s_end, (s_first, s_last), who, expletive and subj_low == "der",
                             t.lower[finite], lemma) or _reported_by_other(doc, t, min(s_first, finite), s_start):
            _why(doc, main, WHY_THIRD)
            return None   # the paragraph names who does it ("Tandlægen har set ... kan behandles"): not "vi"/"du"
        if _actor_hidden_by_clause(t, s_first, s_start, finite, who, kind, lemma in TWO_WAY_VERBS):
            _why(doc, main, WHY_UNKNOWN)
            return None   # "fører til, at ydelsen bliver standset", "De undgår, at kravet sendes": nobody named
        if who == "vi" and not expletive and lemma not in LIGHT_VERBS and lemma in _third_party_acts(doc)[0]:
            _why(doc, main, WHY_THIRD)
            return None   # the letter says another party does it ("Udbetaling Danmark standser ..."); an
            # expletive passive weighs that in _other_actor_risk
        if kind == "være" and _is_state(t, chain, main, s_first, s_start):
            _why(doc, main, WHY_UNKNOWN)
            return None   # "om ansøgningen er fuldt oplyst": a state, nobody's action to name
        if who == "vi" and not expletive and _actor_not_sure(t, finite, main, s_end,
                                                              subj_low if s_first == s_last else ""):
            _why(doc, main, WHY_UNKNOWN)
            return None   # "når din ejendom skal vurderes", "de skal leveres tilbage": maybe not us
        a_pp_first = a_pp_last = None
        confidence = 0.65
        note = NOTE_DEFAULT.format(who={"du": "dig", "vi": "os"}[who])
    # the region to rewrite
    lo = min([s_first, finite] + ([a_pp_first] if a_pp_first is not None else []))
    hi = max([s_last, main] + ([a_pp_last] if a_pp_last is not None else []))
    ins = max(main, s_last)
    light = s_first == s_last and (t.pos[subj] == "PRON" or subj_low in ("den", "det", "de", "du", "jeg", "vi"))
    if len(chain) == 1 and not (expletive or relative or light):
        # a full noun object follows the middle-field adverbs ("Derfor behandler vi ikke sagen"),
        # a pronoun goes before them ("Derfor behandler vi den ikke")
        while ins + 1 < s_end and (t.lower[ins + 1] in CENTRAL_ADVERBS or t.lower[ins + 1] == "længere"
                                   and t.lower[ins] in NEGATED):
            ins += 1      # "ikke længere" is one adverb: "Vi behandler ikke længere din ansøgning"
    hi = max(hi, ins)
    parts = pieces(doc, lo, hi)
    at_start = is_sentence_start_at(t, lo)
    subj_at_start = is_sentence_start_at(t, s_first)
    obj = None if (expletive or relative) else _object_text(doc, s_first, s_last, subj_at_start)
    if obj is not None and _plain(lemma)[1]:
        obj = _plain(lemma)[1] + " " + obj
    removed = set()
    for i, text in new_text.items():
        parts[i - lo].text = text
        if not text:
            removed.add(i)
    if a_pp_first is not None:
        removed.update(range(a_pp_first, a_pp_last + 1))
    # officialese adverbs inside the span go too ("Der er herved lagt" -> "Vi har lagt")
    performative = [i for i in range(lo, hi + 1) if t.lower[i] in ("hermed", "herved") and i not in new_text]
    removed.update(performative)
    if performative and t.lower[finite] in MODALS:
        note = NOTE_MODAL_HERMED   # "Der skal hermed anmodes om" -> "Vi skal anmode om": a duty, not a request
    for i in removed:
        parts[i - lo].text = ""
        parts[i - lo].ws = ""
    if relative:
        if subj_low == "der":
            parts[s_first - lo].text = "som"
        insert_after(parts, s_first - lo, who)
        offset_fix = 1
    else:
        for i in range(s_first + 1, s_last + 1):
            parts[i - lo].text = ""
            parts[i - lo].ws = ""
        parts[s_first - lo].text = who
        offset_fix = 0
    if obj is not None:
        # the piece list is indexed like the tokens (no insertions happened for non-relative clauses)
        insert_after(parts, ins - lo + offset_fix, obj)
    text = render(parts)
    # removed words leave their neighbour's space: collapse runs of spaces
    while "  " in text:
        text = text.replace("  ", " ")
    if at_start:
        text = capitalise(text)
    text = _clean(text)
    if text is None:
        return None
    if not parsed:
        confidence -= 0.1
    if t.dep[finite] not in ("ROOT", "root"):
        confidence -= 0.1
    if kind == "være":
        confidence -= 0.1
    if s_last - s_first > 3:
        confidence -= 0.05
    clause_end = _clause_end(t, main, s_end)
    safe = expletive and subj_low == "der" and agent is None and who == "vi" and lemma in SAFE_EXPLETIVE_VERBS \
        and finite < main and not any(t.pos[k] == "PROPN" for k in range(lo, clause_end)) \
        and _expletive_is_ours(t, lemma, lo, main, clause_end)
    if safe:
        # the verb says the authority usually does it; the letter may still say someone else does
        risk = _other_actor_risk(doc, t, lemma, lo, main, clause_end, chain)
        if risk is not None:
            safe = False
            note = risk
    if safe:
        confidence = 0.9
    return suggestion(doc, t.idx[lo], t.end[hi], text, kind="passive", safe=safe,
                      confidence=max(0.3, confidence), note=note)


# --- review 13: another party named in the sentence or its paragraph as the one who acts ------------------------

# Nouns for parties other than the sender and the reader (stems, lower case): authorities, professionals,
# companies, portals. "Tandlægen har undersøgt ...", "Gældsstyrelsen inddriver ...", "via Klageportalen".
OTHER_PARTY_STEMS = THIRD_PARTY_STEMS + (
    "tandlæge", "speciallæge", "dyrlæge", "jordemoder", "fysioterapeut", "ergoterapeut", "kiropraktor", "psykiater",
    "hospital", "sygehus", "klinik", "apotek", "politiet", "fogedret", "domstol", "retten", "portal", "renovation",
    "håndværker", "montør", "elektriker", "murer", "tømrer", "chauffør", "skattestyrelse", "gældsstyrelse",
    "ankestyrelse", "udbetaling danmark",
)
COMPANY_MARKS = {"a/s", "aps", "i/s", "a/s.", "aps.", "i/s.", "a.m.b.a."}
# Pronouns of the sender and the reader: a phrase with one of them is not another party ("din læge" is).
PARTY_PRONOUNS_NOT_OTHER = {"du", "dig", "vi", "os", "jeg", "mig", "man", "i", "jer"}
# Verbs that hand the case over to another party ("Vi har sendt sagen til Gældsstyrelsen"): it acts from then on.
HANDOVER_VERBS = {"sende", "oversende", "videresende", "overdrage", "overgive", "henvise", "give"}
# ... what is handed over: the case or the task, not a copy or a letter ("Vi sender en kopi til din læge").
HANDOVER_OBJECTS = ("sag", "gæld", "krav", "restance", "opgave", "inddrivelse", "opkrævning")


def _hands_over(t: TokenTable, k: int, end: int) -> bool:
    """Verb ``k`` hands the case or task over to another party: "overdraget kravet til Gældsstyrelsen"."""
    for j in range(k + 1, min(end - 1, k + 7)):
        if t.lower[j] == "til":
            return any(any(t.lower[m].startswith(st) for st in HANDOVER_OBJECTS) for m in range(k + 1, j)) \
                and _party_words(t, j + 1, min(end - 1, j + 3))
        if t.punct[j]:
            return False
    return False


# Prepositions that make a party the means of sending ("Du klager via Klageportalen. Klagen bliver sendt til os"):
# the portal sends it on. Only with verbs of sending: "Afgørelsen kan påklages ... via Klageportalen" is the reader's.
MEANS_PREPOSITIONS = {"via", "gennem", "igennem"}
SEND_LEMMAS = {"sende", "fremsende", "tilsende", "oversende", "videresende", "overføre"}
# Auxiliaries of a passive: their subject is acted on ("renovationsselskabet er orienteret"), not acting.
PASSIVE_AUX = {"er", "var", "være", "været", "bliver", "blev", "blive", "blevet"}
# Acts only another authority can do (the debt collector, the bailiff): never "vi" in a municipal letter.
OTHER_AUTHORITY_ACTS = ("lønindeholdelse", "udlæg", "tvangsauktion", "fogedforretning", "tvangsinddrivelse",
                        "inddrivelse", "indeholdelse")
# What only a professional does to a body ("fortanden kan behandles med en fyldning"): never "vi".
BODY_ENDINGS = ("tand", "tanden", "tænder", "tænderne")


def _paragraph(doc: Doc, t: TokenTable, s_start: int, s_end: int) -> tuple[int, int]:
    """(first, end) token indices of the paragraph (text between blank lines) around the sentence."""
    text = doc_text(doc)
    a = text.rfind("\n\n", 0, t.idx[s_start])
    b = text.find("\n\n", t.end[s_end - 1])
    first = bisect_right(t.idx, a) if a >= 0 else 0
    end = bisect_right(t.idx, b) if b >= 0 else len(t.idx)
    return min(first, s_start), max(end, s_end)


def _party_words(t: TokenTable, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` name a party other than the sender and the reader."""
    words = [t.lower[k] for k in range(first, last + 1)]
    if any(w in PARTY_PRONOUNS_NOT_OTHER for w in words):
        return False
    if any(any(st in w for st in SENDER_STEMS) for w in words) or any(w in AUTHORITY_NOUNS for w in words):
        return False
    if any(w in COMPANY_MARKS for w in words):
        return True
    phrase = " ".join(words)
    return any(st in phrase for st in OTHER_PARTY_STEMS)


def _other_party_acts(doc: Doc, t: TokenTable, main: int, s_start: int, s_end: int, subject: tuple[int, int],
                      who: str, expletive: bool, finite_word: str = "", lemma: str = "") -> bool:
    """Whether "vi" or "du" would name the wrong actor: the sentence or its paragraph names another party that
    acts (the subject of an active verb, an "af" agent, a "via" means), the act is one only another authority
    does ("der kan blive foretaget lønindeholdelse"), a professional treats a body ("fortanden kan behandles"),
    or the thing is sent on to us by someone ("Klagen bliver sendt videre til os").

    An order to the reader ("Klagen skal sendes til os") stays the reader's, whoever else the paragraph names:
    the duty is theirs. An expletive passive of the sender's own work ("Der er foretaget en genberegning") is not
    undone by another party doing something else in the paragraph ("Modregningen foretages af Skattestyrelsen"):
    ``_other_actor_risk`` weighs what the others do there."""
    if who not in ("vi", "du") or (who == "du" and finite_word in DUTY_MODALS):
        return False
    clause_end = _clause_end(t, main, s_end)
    acted_on = _real_subject(t, main, s_end) if expletive else list(range(subject[0], subject[1] + 1))
    acted = [t.lower[k] for k in acted_on]
    if who == "vi" and any(any(w.startswith(a) or w.endswith(a) for a in OTHER_AUTHORITY_ACTS) for w in acted):
        return True
    if who == "vi" and any(w.endswith(BODY_ENDINGS) for w in acted):
        return True
    if who == "du" and any(t.lower[k] == "videre" for k in range(main + 1, clause_end)):
        return True
    first, end = _paragraph(doc, t, s_start, s_end)
    for k in range(first, end):
        dep = t.dep[k]
        low = t.lower[k]
        if t.lemma[k] in HANDOVER_VERBS and _hands_over(t, k, end):
            return True     # "Vi har sendt sagen til Gældsstyrelsen": the case is theirs now
        if expletive:
            continue        # "der er foretaget en genberegning": the letter-wide test of what others do decides
        if (low in MEANS_PREPOSITIONS and lemma in SEND_LEMMAS) or low == "af":
            if k + 1 < end and _party_words(t, k + 1, min(end - 1, k + 3)):
                if low != "af" or t.pos[t.head[k]] in ("VERB", "AUX") or t.dep[k] in ("obl:agent", "case"):
                    return True
            continue
        if not dep.startswith("nsubj") or subject[0] <= k <= subject[1]:
            continue
        head = t.head[k]
        if t.pos[head] not in ("VERB", "AUX") or t.lower[head].endswith("es") or dep == "nsubj:pass" \
                or _passive_head(doc, t, head):
            continue    # the subject of a passive is acted on, not acting
        rng = _subtree_range(doc, k)
        lo, hi = rng if rng is not None and rng[1] - rng[0] <= 6 else (k, k)
        if _party_words(t, lo, hi):
            return True
    return False


def _passive_head(doc: Doc, t: TokenTable, head: int) -> bool:
    """Whether verb ``head`` is a blive/være passive ("er orienteret", "bliver hentet"), in either tree style."""
    if t.lower[head] in PASSIVE_AUX:
        return any(t.dep[c] in ("vobj", "xcomp") and "VerbForm=Part" in t.morph[c] for c in _children(doc, head))
    return "VerbForm=Part" in t.morph[head] and any(t.lower[c] in PASSIVE_AUX and t.dep[c].startswith("aux")
                                                    for c in _children(doc, head))


# --- review 14: the actor a clause around the passive leaves open ------------------------------------------------

# What the reader sends back ("Skemaet returneres ..."); other things come back from us ("Kopier returneres ikke").
READER_RETURNS = ("skema", "blanket", "formular", "erklæring", "svarkuvert", "hjælpemid", "nøgle", "samtykke")
# Verbs whose "at"-clause is a consequence ("fraværet fører til, at ydelsen bliver standset"): a rule, no actor.
CONSEQUENCE_LEMMAS = {"føre", "medføre", "betyde", "indebære", "resultere", "bevirke", "udløse"}


def _returned_by_reader(t: TokenTable, lemma: str, first: int, last: int) -> str | None:
    """ "du" when what is returned is a form the reader fills in or a thing lent to them; else None."""
    if lemma != "returnere":
        return None
    words = [t.lower[k] for k in range(first, last + 1)]
    return "du" if any(st in w for w in words for st in READER_RETURNS) else None


def _actor_hidden_by_clause(t: TokenTable, first: int, s_start: int, finite: int, who: str, kind: str,
                            two_way: bool) -> bool:
    """Whether the guessed actor is not what the letter says:

    * the passive is the consequence of a rule ("fravær fører til, at ydelsen bliver standset"): not us;
    * the reader is the subject of the clause above and the verb goes both ways (``two_way``: "De undgår, at
      sagen sendes til inkasso"): what happens to the reader, so not the reader's act ("Du undgår, at gebyret
      skal betales to gange" is the reader's own);
    * a state of the reader's doing, said as a fact that opens the sentence ("Portoen er betalt", "Gebyret er
      betalt"): who did it is not in the letter (not "Hvis beløbet ikke er betalt, ...", "uden at der er givet
      besked": a condition or what the reader left undone).

    A past consequence names what the authority did ("Det har medført, at der er udbetalt for meget"): kept.
    """
    lower = t.lower
    if kind == "være" and who == "du" and lower[finite] in ("er", "var") and first == s_start:
        return True
    k = first - 1       # the clause's own subordinator: "..., at [kravet] sendes"
    if k <= s_start or lower[k] != "at":
        return False
    m = k - 1
    if t.text[m] == ",":
        m -= 1
    if m > s_start and lower[m] in ("til", "i", "med"):
        m -= 1
    if m >= s_start and t.lemma[m] in CONSEQUENCE_LEMMAS and "Tense=Past" not in t.morph[m]:
        return True     # "fører til, at", "kan medføre, at": a rule; not "har medført, at" (what happened)
    if who != "du" or not two_way:
        return False
    if t.text[m] in READER_SUBJECTS_FORMS:
        return True     # "..., undgår De, at ...": the reader as the inverted subject
    if lower[m] in AT_COMPOUNDS:
        return False    # "uden at der er givet besked": the reader's own omission, not what happens to them
    j = m
    while j >= s_start and not (t.punct[j] and j < m):
        if t.text[j] in READER_SUBJECTS_FORMS:
            return True
        j -= 1
    return False


READER_SUBJECTS_FORMS = {"du", "Du", "De", "I"}
# Words that make "at" a conjunction of their own ("uden at", "for at", "efter at"): no clause above to read.
AT_COMPOUNDS = {"uden", "for", "efter", "før", "inden", "indtil", "så", "end", "fordi"}


# --- review 16: a clause that reports what another party wrote or said ------------------------------------------

# "Din læge skriver, at der endnu ikke er lagt en plan": the plan is the doctor's; "vi" would name the wrong actor.
REPORT_VERBS = {"skrive", "oplyse", "sige", "fortælle", "mene", "vurdere", "meddele", "angive", "anføre", "svare",
                "forklare", "skønne", "konkludere", "beskrive", "bekræfte", "notere"}
REPORT_WINDOW = 12


def _reported_by_other(doc: Doc, t: TokenTable, lo: int, s_start: int) -> bool:
    """The passive's clause is the "at"-clause of a verb of saying whose subject is another party."""
    k = lo - 1
    while k >= s_start and t.pos[k] == "ADV":
        k -= 1
    if k < s_start or t.lower[k] != "at":
        return False
    for v in range(k - 1, max(s_start, k - REPORT_WINDOW) - 1, -1):
        if t.lemma[v] not in REPORT_VERBS:
            continue
        subjects = [c for c in t.children(v) if t.dep[c].startswith("nsubj")]
        if subjects:
            rng = _subtree_range(doc, subjects[0]) or (subjects[0], subjects[0])
            return _party_words(t, rng[0], rng[1])
        return v > s_start and _party_words(t, s_start, v - 1)
    return False
