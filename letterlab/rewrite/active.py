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

from spacy.tokens import Doc, Token

from ..report.model import Suggestion
from .common import (MODALS, as_object, capitalise, decapitalise_word, feat, imperative,
                     insert_after, is_finite, is_sentence_start, past, pieces, present, render,
                     suggestion, supine_matches)

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
indsende udfylde indgive betale erlægge indbetale returnere påklage klage ansøge søge aflevere
medbringe anmelde acceptere underskrive vedlægge vedhæfte tilmelde afmelde
""".split())
# Verbs either side does ("sende"): the direction decides: "til os" -> du, "til Dem" -> vi, else nobody.
TWO_WAY_VERBS = {"sende", "fremsende", "tilsende", "aflevere", "give"}
# An expletive "der" with these verbs is always the authority acting ("der er lagt vægt på" -> "vi har
# lagt vægt på"). The rewrite swaps two words in place, so it is safe.
SAFE_EXPLETIVE_VERBS = {"lægge", "træffe", "tage", "foretage", "bevilge", "udbetale", "modtage", "konstatere"}
READER_WORDS = {"dig", "dem", "du", "de", "deres", "din", "dit", "dine"}
# Verbs whose actor depends on what is acted on: (word stems in the patient, actor), first match wins.
PATIENT_ACTORS = {
    "modtage": ((("støtte", "hjælp", "ydelse", "penge", "beløb", "kontanthjælp", "dagpenge", "løn", "indtægt"), "du"),
                ((), "vi")),
    "afhente": ((("affald", "beholder", "skrald", "storskrald"), "vi"),),
    # "tilmelding til SFO skal være foretaget": the reader signs up
    "foretage": ((("tilmelding", "afmelding", "indbetaling", "betaling", "opsigelse"), "du"), ((), "vi")),
}
# "af" that means "from", not an agent: "slettet af ventelisten"
FROM_VERBS = {"slette", "fjerne", "udelukke", "afskrive", "trække", "udmelde", "frameld"}
# Inside a rewrite the plain verb is used at once (jargon -> plain); (lemma, preposition before object).
PLAIN_VERBS = {
    "fremsende": ("sende", ""), "tilsende": ("sende", ""), "tilstille": ("sende", ""),
    "indgive": ("sende", ""), "indsende": ("sende", ""), "erlægge": ("betale", ""), "påklage": ("klage", "over"),
    "foranledige": ("sørge for", ""),
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
ANNOUNCE_VERBS = {"meddeles": "oplyse", "oplyses": "oplyse", "bemærkes": None, "understreges": "understrege",
                  "præciseres": "understrege"}
CONTACT_HEADS = {"henvendelse", "henvendelser", "spørgsmål", "klager", "forespørgsler"}

CLOSED_CLASS = {"din", "dit", "dine", "min", "mit", "mine", "vores", "jeres", "hans", "hendes", "dens", "dets",
                "den", "det", "de", "en", "et", "denne", "dette", "disse", "alle", "eventuelle"}

NOTE_FORMULA = "Skriv direkte til læseren i stedet for at bruge passiv."
NOTE_AGENT = "Aktiv i stedet for passiv: Den, der handler, står først."
NOTE_DEFAULT = "Aktiv i stedet for passiv. Tjek, at det er {who}, der gør det."


def suggest_for_passive(doc: Doc, verb: Token, kind: str, start_char: int | None = None) -> tuple[Suggestion, ...]:
    """Rewrite suggestions (at most one) for the passive whose main verb is ``verb``.

    ``kind`` is the passive check's type ("s", "blive", "være"); ``start_char``
    is where the check's verb span starts (the blive/være auxiliary).
    """
    try:
        aux = None
        if start_char is not None and start_char < verb.idx:
            span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
            aux = span[0] if span is not None and len(span) else None
        for fn in (_bedes_pronoun, _bedes_participle, _contact_formula, _announce_formula):
            s = fn(doc, verb)
            if s is not None:
                return (s,)
        s = _general(doc, verb, kind, aux)
        return (s,) if s is not None else ()
    except (IndexError, ValueError):  # an odd parse must not break the analysis
        return ()


# --- helpers ------------------------------------------------------------------------------------

def _subtree_range(tok: Token) -> tuple[int, int] | None:
    """(first, last) token index of ``tok``'s subtree, or None when it is not contiguous."""
    idx = sorted(t.i for t in tok.subtree)
    if idx[-1] - idx[0] + 1 != len(idx):
        return None
    return idx[0], idx[-1]


def _plain(lemma: str) -> tuple[str, str]:
    return PLAIN_VERBS.get(lemma, (lemma, ""))


def _adverbs(tokens: list[Token]) -> list[str] | None:
    """Formula adverbs mapped to plain ones; None when a token is not one of them."""
    out: list[str] = []
    words = [t.lower_ for t in tokens]
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
    if text in ("De", "Dem", "Deres") or tok._.placeholder or text.isupper() and len(text) > 1:
        return False
    if tok.lower_ in CLOSED_CLASS:
        return True      # "Dit brev" tagged as a name: a possessive or article is never one
    seen = _word_cases(tok.doc).get(text.lower(), {})
    if "lower" in seen:
        return True
    if seen.get("mid", set()) - {tok.i}:
        return False
    if tok.pos_ == "PROPN":
        return text.lower().endswith(("en", "et", "ne", "erne", "ene")) and len(text) > 5
    return True


def _word_cases(doc: Doc) -> dict[str, dict]:
    """word -> {"lower": True} when it occurs in lower case, {"mid": {i, ...}} capitalised mid-sentence (cached)."""
    cases = doc.user_data.get("letterlab_word_cases")
    if cases is None:
        cases = {}
        for t in doc:
            if not t.text[:1].isalpha():
                continue
            entry = cases.setdefault(t.lower_, {})
            if t.text[:1].islower():
                entry["lower"] = True
            elif not is_sentence_start(t):
                entry.setdefault("mid", set()).add(t.i)
        doc.user_data["letterlab_word_cases"] = cases
    return cases


def _object_text(doc: Doc, first: int, last: int, at_start: bool) -> str:
    toks = list(doc[first:last + 1])
    if len(toks) == 1:
        obj = as_object(toks[0])
        if obj is not None:
            return obj
    parts = pieces(toks)
    if at_start and _is_common_word(toks[0]):
        parts[0].text = decapitalise_word(toks[0]) if toks[0].pos_ != "PROPN" else toks[0].text.lower()
    return render(parts)


def _clean(text: str) -> str | None:
    """Reject renderings with broken spacing or punctuation."""
    if "  " in text or " ," in text or ",," in text or " ." in text or text.startswith(","):
        return None
    return text


def _next_word(doc: Doc, i: int) -> Token | None:
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return doc[j] if j < len(doc) else None


def _shares_subject_with_coordinate(verbs: list[Token], sent_end: int) -> bool:
    """True when a verb in ``verbs`` is coordinated with another verb that has no subject of its own."""
    for v in verbs:
        for c in v.children:
            if c.dep_ in COORD_DEPS and c.pos_ in ("VERB", "AUX"):
                if not any(g.dep_ in SUBJ_DEPS for g in c.children):
                    return True
        if v.dep_ in COORD_DEPS and not any(g.dep_ in SUBJ_DEPS for g in v.children):
            return True
    # Word order: "... udfyldt via borger.dk og skal være ..." -- "og" + a verb without a subject between
    last = max(v.i for v in verbs)
    doc = verbs[0].doc
    for j in range(last + 1, sent_end - 1):
        t = doc[j]
        if t.text in (",", ";", ":"):
            break   # a new clause starts: its verbs have their own subject or are subordinate
        if t.lower_ in ("og", "eller", "samt"):
            k = j + 1
            if doc[k].text == ",":   # "og, såfremt afgørelsen fastholdes, videresendt": skip the inserted clause
                k += 1
                while k < sent_end and doc[k].text != ",":
                    k += 1
                k += 1
            if k < sent_end and (doc[k].pos_ in ("VERB", "AUX") or feat(doc[k], "VerbForm") == "Part") \
                    and doc[k].lower_ != "at":
                return True
        if t.lower_ in ("hvis", "når", "at"):
            break
    return False


# --- 1. formulas --------------------------------------------------------------------------------

def _bedes_pronoun(doc: Doc, verb: Token) -> Suggestion | None:
    """"De/Du bedes [adv] sende ..." -> "Send ..."; inverted "bedes De" -> "skal De"."""
    if verb.lower_ not in ("bedes", "anmodes"):
        return None
    sent = verb.sent
    prev = doc[verb.i - 1] if verb.i > sent.start else None
    nxt = _next_word(doc, verb.i)
    if prev is not None and prev.lower_ in ("de", "du", "i") and is_sentence_start(prev):
        j = verb.i + 1
        advs = []
        while j < sent.end and doc[j].lower_ in FORMULA_ADVERBS:
            advs.append(doc[j])
            j += 1
        if verb.lower_ == "anmodes":
            if not (j + 1 < sent.end and doc[j].lower_ == "om" and doc[j + 1].lower_ == "at"):
                return None
            j += 2
        if j >= sent.end:
            return None
        inf = doc[j]
        if not _looks_infinitive(inf) or feat(inf, "VerbForm") not in ("Inf", None):
            return None
        adv = _adverbs(advs)
        if adv is None:
            return None
        lemma, prep = _plain(inf.lower_)
        words = [imperative(lemma)] + adv
        end = inf.i
        # "udfylde og indsende" -> "udfyld og indsend"
        if end + 2 < sent.end and doc[end + 1].lower_ in ("og", "eller") and feat(doc[end + 2], "VerbForm") == "Inf" \
                and _looks_infinitive(doc[end + 2]):
            words += [doc[end + 1].lower_, imperative(_plain(doc[end + 2].lower_)[0])]
            end += 2
        rep = capitalise(" ".join(words))
        return suggestion(doc, prev.idx, doc[end].idx + len(doc[end].text), rep, kind="passive", safe=True,
                          confidence=0.9, note=NOTE_FORMULA)
    if verb.lower_ == "bedes" and prev is not None and nxt is not None and nxt.lower_ in ("de", "du", "i") \
            and not is_sentence_start(verb):
        # "Såfremt ..., bedes De rette henvendelse" -> "..., skal De rette henvendelse"
        inf = None
        for j in range(nxt.i + 1, min(sent.end, nxt.i + 10)):
            t = doc[j]
            if t.pos_ in ("PUNCT", "SCONJ"):
                break
            if _looks_infinitive(t):
                inf = t
                break
        if inf is None:
            return None
        after = _next_word(doc, nxt.i)
        if after is not None and after.lower_ == "venligst":
            # "skal De venligst" mixes an order with a plea; dropping "venligst" too would mean one edit over
            # "De", which the address rewrite changes: no rewrite
            return None
        return suggestion(doc, verb.idx, verb.idx + len(verb.text), "skal", kind="passive", safe=True,
                          confidence=0.85, note=NOTE_FORMULA)
    return None


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
    from .common import _inflect
    return t.pos_ in ("NOUN", "X") and _inflect is not None and _inflect._verb_entry(t.lower_) is not None


def _subject_of(verb: Token) -> Token | None:
    subs = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    return subs[0] if len(subs) == 1 else None


def _participle_after(doc: Doc, verb: Token, sent_end: int) -> tuple[Token, list[Token]] | None:
    """The participle that follows "bedes" (adverbs may stand between)."""
    j = verb.i + 1
    advs = []
    while j < sent_end and doc[j].lower_ in FORMULA_ADVERBS:
        advs.append(doc[j])
        j += 1
    if j >= sent_end:
        return None
    t = doc[j]
    # the tagger often misses a participle after "bedes" ("fremsendt" as an adverb): the form decides
    if (feat(t, "VerbForm") == "Part" and feat(t, "Tense") != "Pres") or \
            (t.pos_ in ("VERB", "ADV", "ADJ", "AUX") and supine_matches(t.lemma_.lower(), t.lower_)):
        return t, advs
    return None


def _participle_lemma(part: Token) -> str | None:
    """The verb a past participle belongs to, also when the lemmatizer got it wrong ("fremsendt", "udbetal").

    A verb whose class the inflection lists know, and whose participle is this form, comes first; then the
    lemmatizer's lemma if its participle is this form.
    """
    lemma = part.lemma_.lower()
    low = part.lower_
    from .common import _inflect
    if _inflect is not None:
        cands = [lemma]
        if low.endswith("et"):
            cands += [low[:-2] + "e", low[:-2] + low[-3] + "e"]
        if low.endswith("t"):
            cands += [low[:-1] + "e", low[:-1] + "re", low[:-1]]
        for cand in cands:
            if _inflect._verb_entry(cand) is not None and _inflect.verb_form(cand, "sup") == low:
                return cand
    if lemma != low and supine_matches(lemma, low):
        return lemma
    return None


def _til_object(doc: Doc, part: Token, sent_end: int) -> tuple[Token, int] | None:
    """The "til Y" right after ``part``: ("til" token, index of Y's last token)."""
    nxt = _next_word(doc, part.i)
    if nxt is None or nxt.lower_ != "til" or nxt.i >= sent_end:
        return None
    rng = _subtree_range(nxt)
    if rng is None or rng[1] <= nxt.i:
        # the parse left Y outside the preposition: take one nominal
        y = _next_word(doc, nxt.i)
        if y is None or y.pos_ not in ("NOUN", "PROPN", "PRON", "ADV") or y.i >= sent_end:
            return None
        return nxt, y.i
    last = rng[1]
    # stop before a following PP such as "på tlf." or "med angivelse": keep them outside the span
    for j in range(nxt.i + 1, last + 1):
        if doc[j].pos_ == "ADP" or doc[j].is_punct:
            last = j - 1
            break
    if last <= nxt.i:
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
    sent = verb.sent
    if subj is not None:
        rng = _subtree_range(subj)
        if rng and rng[1] == verb.i - 1 and (rng[0] == sent.start or doc[rng[0]].lower_ in CONTACT_HEADS
                                             or not is_sentence_start(doc[rng[0]]) and doc[rng[0] - 1].is_punct):
            return rng
    # "Eventuelle spørgsmål bedes ..." parsed oddly: everything from the sentence start, no verb or comma
    toks = doc[sent.start:verb.i]
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
    sent = verb.sent
    rng = _subject_span(doc, verb)
    if rng is None or not is_sentence_start(doc[rng[0]]):
        return None
    found = _participle_after(doc, verb, sent.end)
    if found is None:
        return None
    part, advs = found
    adv = _adverbs(advs)
    if adv is None or _shares_subject_with_coordinate([verb, part], sent.end):
        return None
    first, last = rng
    heads = {t.lower_ for t in doc[first:last + 1]}
    lemma = _participle_lemma(part)
    if lemma is None:
        return None     # never "Fremsendt klagen": the imperative needs the verb, not the participle
    if heads & CONTACT_HEADS and lemma == "rette":
        til = _til_object(doc, part, sent.end)
        if til is None:
            return None
        who = _recipient(doc, til[0].i + 1, til[1])
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
    sent = verb.sent
    k = verb.i - 1
    advs = []
    while k > sent.start and doc[k].lower_ in FORMULA_ADVERBS:
        advs.insert(0, doc[k])
        k -= 1
    modal = doc[k] if k >= sent.start else None
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
    til = _til_object(doc, verb, sent.end)
    questions = any(t.lower_ == "spørgsmål" for t in doc[first:last + 1])
    lead = "Du er velkommen til at kontakte" if questions else " ".join(["Du kan"] + adv + ["kontakte"])
    if til is None:
        rep, end, conf, safe = lead + " os", verb.idx + len(verb.text), 0.8, True
    else:
        rep = lead + " " + _recipient(doc, til[0].i + 1, til[1])
        end, conf, safe = doc[til[1]].idx + len(doc[til[1]].text), 0.9, True
    if not is_sentence_start(doc[first]):
        rep = rep[0].lower() + rep[1:]
    return suggestion(doc, doc[first].idx, end, rep, kind="passive", safe=safe, confidence=conf, note=NOTE_FORMULA)


def _announce_formula(doc: Doc, verb: Token) -> Suggestion | None:
    """"Det bemærkes endvidere, at" -> "Bemærk også, at"; "Det skal hermed meddeles, at" -> "Vi kan oplyse, at"."""
    low = verb.lower_
    if low not in ANNOUNCE_VERBS:
        return None
    sent = verb.sent
    toks = [t for t in doc[sent.start:verb.i] if not t.is_space]
    if not toks or toks[0].lower_ != "det" or not is_sentence_start(toks[0]):
        return None
    middle = toks[1:]
    modal = middle[0] if middle and middle[0].lower_ in MODALS else None
    if modal is not None:
        middle = middle[1:]
    j = verb.i + 1
    after = []
    while j < sent.end and doc[j].lower_ in FORMULA_ADVERBS:
        after.append(doc[j])
        j += 1
    if j + 1 >= sent.end or doc[j].text != "," or doc[j + 1].lower_ != "at":
        return None
    adv = _adverbs(middle + after)
    if adv is None:
        return None
    plain = ANNOUNCE_VERBS[low]
    if plain is None:
        rep = " ".join(["Bemærk"] + adv)
    else:
        rep = " ".join(["Vi kan"] + adv + [plain])
    end_tok = doc[j - 1]
    return suggestion(doc, toks[0].idx, end_tok.idx + len(end_tok.text), rep, kind="passive", safe=True,
                      confidence=0.9, note=NOTE_FORMULA)


# --- 2. the general rewrite -----------------------------------------------------------------------

def _verb_chain(main: Token, aux: Token | None) -> tuple[list[Token], bool] | None:
    """The verbs of the clause, finite first, and whether the parse linked them (else word order)."""
    chain = [main]
    t = main
    while t.dep_ in ("vobj", "xcomp") and t.head is not t and t.head.i < t.i and t.head.pos_ in ("AUX", "VERB") \
            and len(chain) < 4:
        t = t.head
        chain.insert(0, t)
    ud_aux = sorted((c for c in main.children if c.dep_ in ("aux", "aux:pass", "cop") and c.i < main.i),
                    key=lambda c: c.i)
    if ud_aux:
        chain = ud_aux + [main]
    parsed = True
    if aux is not None and aux not in chain:
        # The parse did not link "er ... lagt": trust word order when only the subject and adverbs stand between.
        between = [x for x in main.doc[aux.i + 1:main.i]]
        if any(x.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "ADP") for x in between) or len(between) > 4:
            return None
        chain = [aux, main]
        t = aux
        while t.dep_ in ("vobj", "xcomp") and t.head is not t and t.head.i < t.i and t.head.pos_ in ("AUX", "VERB") \
                and len(chain) < 4:
            t = t.head
            chain.insert(0, t)
        parsed = False
    return chain, parsed


def _new_verbs(chain: list[Token], kind: str) -> tuple[dict[int, str], str, str] | None:
    """{token index: new text ("" = remove)}, the lemma, and a label of the tense; None when unsure."""
    main = chain[-1]
    out: dict[int, str] = {}
    low = main.lower_
    lemma = main.lemma_.lower()
    if kind == "s":
        if not low.endswith("s") or len(chain) > 2:
            return None
        base = low[:-1]
        new_lemma = _plain(lemma)[0]
        if len(chain) == 2:
            if chain[0].lower_ not in MODALS or base != lemma:
                return None
            out[main.i] = new_lemma
            return out, lemma, "inf"
        if base == lemma:
            out[main.i] = present(new_lemma)
            return out, lemma, "pres"
        if base == past(lemma, None):
            form = past(new_lemma, None)
            if not form:
                return None
            out[main.i] = form
            return out, lemma, "past"
        return None
    lemma = _participle_lemma(main) or lemma    # "udbetalt" with the lemma "udbetal": the verb is "udbetale"
    if not supine_matches(lemma, low):
        return None
    new_lemma = _plain(lemma)[0]
    auxes = [t.lower_ for t in chain[:-1]]
    if kind == "blive":
        if auxes == ["bliver"]:
            out[chain[0].i] = ""
            out[main.i] = present(new_lemma)
            return out, lemma, "pres"
        if auxes == ["blev"]:
            form = past(new_lemma, low if new_lemma == lemma else None)
            if not form:
                return None
            out[chain[0].i] = ""
            out[main.i] = form
            return out, lemma, "past"
        if len(auxes) == 2 and auxes[0] in MODALS and auxes[1] == "blive":
            out[chain[1].i] = ""
            out[main.i] = new_lemma
            return out, lemma, "inf"
        if len(auxes) == 2 and auxes[0] in ("er", "var") and auxes[1] == "blevet":
            out[chain[0].i] = "har" if auxes[0] == "er" else "havde"
            out[chain[1].i] = ""
            if new_lemma != lemma:
                from .common import _inflect
                sup = _inflect.verb_form(new_lemma, "sup") if _inflect else None
                if not sup:
                    return None
                out[main.i] = sup
            return out, lemma, "perf"
        return None
    if kind == "være":
        if auxes in (["er"], ["var"]):
            out[chain[0].i] = "har" if auxes[0] == "er" else "havde"
        elif len(auxes) == 2 and auxes[0] in MODALS and auxes[1] == "være":
            out[chain[1].i] = "have"
        else:
            return None
        if new_lemma != lemma:
            from .common import _inflect
            sup = _inflect.verb_form(new_lemma, "sup") if _inflect else None
            if not sup:
                return None
            out[main.i] = sup
        return out, lemma, "perf"
    return None


def _agent(doc: Doc, chain: list[Token], main: Token) -> tuple[int, int, int, int] | None:
    """(pp_first, pp_last, np_first, np_last) of an agent "af X" attached to the verbs."""
    for v in chain:
        for c in v.children:
            if c.i < main.i:
                continue
            if c.lower_ == "af" and c.pos_ == "ADP" and c.dep_ in ("pobj", "mod", "obl", "case"):
                rng = _subtree_range(c)
                if rng is None or rng[1] == c.i:
                    continue
                head = doc[c.i + 1]
                if head.lower_ in NOT_AGENT_HEADS or (head.pos_ not in ("NOUN", "PROPN", "PRON", "DET", "ADV", "ADJ")
                                                      and head.lower_ != "undertegnede"):
                    continue
                return rng[0], rng[1], c.i + 1, rng[1]
            if c.dep_ in ("obl:agent", "obl") and c.pos_ in ("NOUN", "PROPN", "PRON"):
                case = [g for g in c.children if g.dep_ == "case" and g.lower_ == "af"]
                rng = _subtree_range(c)
                if case and rng and rng[0] == case[0].i and c.lower_ not in NOT_AGENT_HEADS:
                    return rng[0], rng[1], rng[0] + 1, rng[1]
    return None


def _agent_text(doc: Doc, first: int, last: int) -> str:
    toks = doc[first:last + 1]
    if len(toks) == 1:
        low = toks[0].lower_
        from .common import SUBJECT_CASE
        if low in SUBJECT_CASE:
            return SUBJECT_CASE[low]
    return toks.text


def _direction(doc: Doc, main: Token, sent_end: int) -> str | None:
    """Who sends: "til os/Ydelsescenteret" -> the reader ("du"); "til Dem" -> the authority ("vi")."""
    lemma = main.lemma_.lower()
    for j in range(main.i + 1, min(sent_end, main.i + 8)):
        if doc[j].lower_ == "til" and j + 1 < sent_end and doc[j - 1].lower_ not in ("henhold", "forhold", "tillæg"):
            nxt = doc[j + 1]
            if nxt.lower_ in READER_WORDS:
                return "vi"
            if nxt.pos_ in ("PROPN", "NOUN", "PRON"):
                return "du"
            return None
    return "vi" if lemma == "give" else None


def _general(doc: Doc, main: Token, kind: str, aux: Token | None) -> Suggestion | None:
    found = _verb_chain(main, aux)
    if found is None:
        return None
    chain, parsed = found
    sent = main.sent
    if any(t.i < sent.start for t in chain):
        return None
    finite = chain[0]
    if not (is_finite(finite) or (len(chain) == 1 and kind == "s" and main.dep_ not in ("vobj", "xcomp"))):
        return None
    if finite.i > sent.start and doc[finite.i - 1].lower_ == "at" and doc[finite.i - 1].pos_ == "PART":
        return None
    if any(c.dep_ in ("vobj", "xcomp") and c.pos_ in ("VERB", "AUX") for c in main.children):
        return None   # "kræves tilbagebetalt", "påtænkes lagt": two verbs to turn, too uncertain
    if _shares_subject_with_coordinate(chain, sent.end):
        return None
    verbs = _new_verbs(chain, kind)
    if verbs is None:
        return None
    new_text, lemma, _tense = verbs
    # subject
    subj = None
    for v in chain:
        for c in v.children:
            if c.dep_ in SUBJ_DEPS and c.i >= sent.start:
                if subj is not None and c is not subj:
                    return None
                subj = c
    if subj is None:
        return None
    srng = _subtree_range(subj)
    if srng is None or any(srng[0] <= v.i <= srng[1] for v in chain):
        return None
    s_first, s_last = srng
    while s_first < subj.i and doc[s_first].pos_ in ("SCONJ", "CCONJ"):
        s_first += 1   # "Såfremt afgørelsen ...": the subordinator is no part of the subject
    if subj.pos_ == "PRON" and s_first == subj.i and s_last > subj.i and all(
            t.pos_ in ("ADV", "ADJ") or t.lower_ in CENTRAL_ADVERBS for t in doc[subj.i + 1:s_last + 1]):
        s_last = subj.i   # "at De delvist bevilges": "delvist" belongs to the verb, not to "De"
    stoks = doc[s_first:s_last + 1]
    if s_last - s_first > 7 or any(t.text in (",", ";") or t.pos_ in ("NUM", "VERB", "AUX", "SCONJ")
                                   or t.like_num for t in stoks):
        return None
    # Only adverbs may stand between the subject and the verbs, else the parse split a phrase.
    if s_last < finite.i:
        gap = doc[s_last + 1:finite.i]
    else:
        gap = doc[finite.i + 1:s_first] if s_first > finite.i else doc[0:0]
    if any(t.pos_ != "ADV" and t.lower_ not in CENTRAL_ADVERBS
           and not (t.pos_ == "ADJ" and t.lower_.endswith("t")) for t in gap):
        return None
    # a relative clause; the parse sometimes hangs it on the main verb as a conjunct ("ansøgning, som behandles")
    after_noun = s_first >= sent.start + 2 and doc[s_first - 1].text == "," \
        and doc[s_first - 2].pos_ in ("NOUN", "PROPN")
    relative = (finite.dep_ in REL_DEPS or after_noun and subj.lower_ in ("der", "som")) \
        and subj.lower_ in ("der", "som", "hvilken", "hvilket", "hvilke") and s_first == s_last
    if not relative and subj.lower_ in ("som", "hvilken", "hvilket", "hvilke"):
        return None   # a relative pronoun the parse did not link to its clause: it cannot become the object
    expletive = not relative and s_first == s_last and subj.lower_ in ("der", "det")
    if expletive and subj.lower_ == "det":
        j = main.i + 1
        while j < sent.end and (doc[j].pos_ == "ADV" or doc[j].text == ","):
            j += 1
        if j >= sent.end or doc[j].lower_ != "at":
            return None
    if kind == "være" and not expletive and not relative and subj.lower_ in ("de", "du", "jeg", "vi", "han", "hun", "i"):
        return None   # "De er forhindret i ...": a person in a state, not a passive to turn
    # actor
    agent = None if lemma in FROM_VERBS else _agent(doc, chain, main)
    if agent is None and lemma not in FROM_VERBS:
        after = _next_word(doc, main.i)
        if after is not None and after.lower_ == "af" and after.i < sent.end:
            return None   # an "af X" the parse did not give as the agent: "vi ... af undertegnede" is no rewrite
    if agent is not None:
        a_pp_first, a_pp_last, a_first, a_last = agent
        nxt = _next_word(doc, a_pp_last)
        if nxt is not None and nxt.text == ",":
            # "af leverandøren, Fjordby Hjemmepleje, med ...": take the apposition along
            k = nxt.i + 1
            while k < sent.end and doc[k].pos_ in ("PROPN", "NOUN") and doc[k].dep_ in ("appa", "namef", "appos", "flat", "name"):
                k += 1
            if k > nxt.i + 1 and k < sent.end and doc[k].text == ",":
                a_last = k
                a_pp_last = k
        who = _agent_text(doc, a_first, a_last)
        confidence = 0.8
        note = NOTE_AGENT
    else:
        if lemma in PATIENT_ACTORS:
            words = [t.lower_ for t in (doc[s_first:s_last + 1] if not relative else
                                        ([finite.head] if finite.head is not finite else []))]
            who = next((w for stems, w in PATIENT_ACTORS[lemma]
                        if not stems or any(x.startswith(st) or st in x for x in words for st in stems)), None)
            if who is None:
                return None
        elif lemma in TWO_WAY_VERBS:
            who = _direction(doc, main, sent.end)
            if who is None:
                return None
        elif lemma in READER_VERBS:
            who = "du"
        elif lemma in AUTHORITY_VERBS:
            who = "vi"
        else:
            return None
        a_pp_first = a_pp_last = None
        confidence = 0.65
        note = NOTE_DEFAULT.format(who={"du": "dig", "vi": "os"}[who])
    # the region to rewrite
    lo = min([s_first, finite.i] + ([a_pp_first] if a_pp_first is not None else []))
    hi = max([s_last, main.i] + ([a_pp_last] if a_pp_last is not None else []))
    ins = max(main.i, s_last)
    light = s_first == s_last and (subj.pos_ == "PRON" or subj.lower_ in ("den", "det", "de", "du", "jeg", "vi"))
    if len(chain) == 1 and not (expletive or relative or light):
        # a full noun object follows the middle-field adverbs ("Derfor behandler vi ikke sagen"),
        # a pronoun goes before them ("Derfor behandler vi den ikke")
        while ins + 1 < sent.end and doc[ins + 1].lower_ in CENTRAL_ADVERBS:
            ins += 1
    hi = max(hi, ins)
    toks = list(doc[lo:hi + 1])
    parts = pieces(toks)
    at_start = is_sentence_start(doc[lo])
    subj_at_start = is_sentence_start(doc[s_first])
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
    removed.update(t.i for t in toks if t.lower_ in ("hermed", "herved") and t.i not in new_text)
    for i in removed:
        parts[i - lo].text = ""
        parts[i - lo].ws = ""
    if relative:
        if subj.lower_ == "der":
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
    if finite.dep_ not in ("ROOT", "root"):
        confidence -= 0.1
    if kind == "være":
        confidence -= 0.1
    if s_last - s_first > 3:
        confidence -= 0.05
    safe = expletive and subj.lower_ == "der" and agent is None and who == "vi" and lemma in SAFE_EXPLETIVE_VERBS \
        and finite.i < main.i
    if safe:
        confidence = 0.9
    end_tok = doc[hi]
    return suggestion(doc, doc[lo].idx, end_tok.idx + len(end_tok.text), text, kind="passive", safe=safe,
                      confidence=max(0.3, confidence), note=note)
