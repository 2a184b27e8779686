"""Passive voice (kind ``passive``): s-passive and blive/være + past participle.

* s-passive: a verb with ``Voice=Pass`` ("behandles", "kan bevilges",
  "bedes"). Deponent s-verbs are active in meaning and never flagged
  ("synes", "findes", "lykkes", "skyldes", "mødes"; the list is a parameter).
  A genitive -s is on a noun, so it is never a verb with ``Voice=Pass``.
* blive-passive: a past participle with a form of "blive" as its auxiliary
  ("bliver behandlet", "blev sendt", "er blevet bevilget", "vil blive
  udbetalt"). Found from the parse in both tree styles (UD: the participle
  heads ``blive`` via ``aux``; DDT: ``blive`` heads the participle via
  ``vobj``), and from word order when the parse has no link: "blive" followed
  by the participle with at most ``max_gap`` adverbs or pronouns between.
* være-passive: "er fremsendt", "er bevilget": a form of "være" and a past
  participle of a verb that takes an object. Participles that form the perfect
  of intransitive verbs ("er gået", "er kommet") and participles used as
  adjectives ("er interesseret i") are listed in parameters and not flagged.

The verb span is reported (the participle together with its auxiliary). The
share of passive finite clauses (passives / finite verbs) goes to the scores.
Each finding carries an active rewrite from :mod:`letterlab.rewrite.active`
when the parse supports one.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from .base import Param, letter, make_finding

DEPONENTS = [
    "synes", "syntes", "findes", "fandtes", "lykkes", "lykkedes", "mislykkes", "mislykkedes",
    "skyldes", "skyldtes", "mødes", "mødtes", "trives", "trivedes", "længes", "længtes",
    "færdes", "færdedes", "enes", "enedes", "mindes", "mindedes", "omgås", "omgikkes", "slås",
    "sloges", "ses", "sås", "følges", "fulgtes", "skændes", "skændtes", "undres", "undredes",
    "væmmes", "kappes", "hjælpes", "lides", "brydes", "tales", "samles", "kendes", "nøjes",
    "nøjedes", "trættes", "glædes", "frygtes", "hedder",
]
INTRANSITIVE_PERFECT = [
    "gået", "kommet", "blevet", "flyttet", "rejst", "død", "døde", "begyndt", "ophørt", "stoppet",
    "faldet", "steget", "vokset", "forsvundet", "sket", "opstået", "startet", "kørt", "løbet",
    "sluttet", "udløbet", "udeblevet", "draget", "fløjet", "sejlet", "hjemvendt", "vågnet",
    "indtrådt", "udtrådt", "udgået", "bortfaldet", "ankommet", "afgået", "afrejst", "forbigået",
    "gledet", "sprunget", "styrtet", "vendt", "fulgt", "blevne", "været",
]
ADJECTIVAL_PARTICIPLES = [
    "interesseret", "berettiget", "forpligtet", "nødsaget", "gift", "uddannet", "velkommen",
    "bekymret", "tilfreds", "overrasket", "glad", "træt", "vant", "forberedt", "engageret",
    "motiveret", "opmærksom", "optaget", "placeret", "beliggende", "ansat", "fraskilt",
    "inkluderet", "relateret", "begrænset", "beskæftiget", "forsikret", "tilmeldt", "indskrevet",
    "medlem", "berørt", "uenig", "enig", "bekendt", "klar", "skuffet", "forvirret", "lukket", "åben",
    "åbent", "nødvendigt", "nødvendig", "muligt", "mulig",
]

# After "blive" these participles name a state the subject gets into, not something done to it.
BLIVE_STATES = {"gift", "glad", "træt", "klar", "syg", "interesseret", "bekymret", "overrasket",
                "skuffet", "forvirret", "motiveret", "engageret", "vant", "bekendt", "enig", "uenig",
                "fraskilt", "nødsaget", "nødt", "færdig", "utilfreds", "tilfreds", "velkommen"}

PARAMS = {
    "deponents": Param(list, default=DEPONENTS, help="s-verber, der ikke er passiv"),
    "intransitive_perfect": Param(list, default=INTRANSITIVE_PERFECT,
                                  help="perfektum med 'være', som ikke er passiv (er gået)"),
    "adjectival_participles": Param(list, default=ADJECTIVAL_PARTICIPLES,
                                    help="tillægsord, der ligner passiv (er interesseret)"),
    "vaere_passive": Param(bool, default=True, help="markér også være + kort tillægsform (er fremsendt)"),
    "max_gap": Param(int, default=3, min=0, max=6, help="ord mellem 'blive'/'være' og tillægsformen"),
}

BLIVE = {"blive", "bliver", "blev", "blevet", "blive", "bleve", "blevne"}
VAERE = {"være", "er", "var", "været", "vær"}
GAP_POS = {"ADV", "PRON", "PART", "DET", "PROPN", "NOUN", "ADJ", "NUM", "CCONJ"}


def _is_form(tok: Token, forms: set[str], lemma: str) -> bool:
    return tok.lower_ in forms or tok.lemma_.lower() == lemma


def is_participle(tok: Token) -> bool:
    vf = tok.morph.get("VerbForm")
    if "Part" in vf:
        return "Pres" not in tok.morph.get("Tense")
    return False


def s_passive(tok: Token, deponents: set[str]) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if "Pass" not in tok.morph.get("Voice"):
        return False
    low = tok.lower_
    return not (low in deponents or tok.lemma_.lower() in deponents) and low.endswith("s")


def _aux_for(part: Token, forms: set[str], lemma: str, max_gap: int) -> Token | None:
    """The blive/være token that makes ``part`` a passive, from the parse or word order."""
    for child in part.children:
        if child.i < part.i and _is_form(child, forms, lemma) and child.dep_.startswith("aux"):
            return child
    head = part.head
    if head is not part and head.i < part.i and _is_form(head, forms, lemma) and part.dep_ in ("vobj", "xcomp"):
        return head
    j = part.i - 1
    gap = 0
    while j >= 0 and gap <= max_gap:
        t = part.doc[j]
        if t.is_space or t.is_punct:
            break
        if _is_form(t, forms, lemma):
            return t
        if t.pos_ not in GAP_POS:
            break
        gap += 1
        j -= 1
    return None


def find_passives(doc: Doc, params: dict) -> list[tuple[int, int, str, Token]]:
    """(start_char, end_char, type, main verb token) for every passive in ``doc``."""
    deps = {d.lower() for d in params["deponents"]}
    intrans = {w.lower() for w in params["intransitive_perfect"]}
    adjs = {w.lower() for w in params["adjectival_participles"]}
    out = []
    for tok in doc:
        if tok._.placeholder:
            continue
        if s_passive(tok, deps):
            out.append((tok.idx, tok.idx + len(tok.text), "s", tok))
            continue
        if not is_participle(tok) or tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if tok.lower_ in ("blevet", "været"):
            continue
        aux = _aux_for(tok, BLIVE, "blive", params["max_gap"])
        kind = "blive"
        if aux is None and params["vaere_passive"] and tok.pos_ != "ADJ":
            if tok.lower_ in intrans or tok.lower_ in adjs or tok.lemma_.lower() in adjs:
                continue
            aux = _aux_for(tok, VAERE, "være", min(params["max_gap"], 2))
            kind = "være"
            # "er blevet + participle" is a blive-passive anchored on "blevet"
        if aux is None:
            continue
        if kind == "blive" and tok.lower_ in BLIVE_STATES:
            continue  # "blive gift", "blive glad": a change of state, not a passive
        start = min(aux.idx, tok.idx)
        out.append((start, tok.idx + len(tok.text), kind, tok))
    return out


def finite_verbs(doc: Doc) -> int:
    return sum(1 for t in doc if t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm")
                                                              or t.morph.get("Mood")))


def check(doc, rule) -> Iterator:
    ctx = letter(doc)
    found = find_passives(doc, rule.params)
    fin = finite_verbs(doc)
    ctx.metrics["passive"] = {
        "count": len(found),
        "finite_verbs": fin,
        "share": round(len(found) / fin, 3) if fin else 0.0,
    }
    for start, end, kind, tok in found:
        what = {"s": "s-passiv", "blive": "passiv med 'blive'", "være": "passiv med 'være'"}[kind]
        yield make_finding(rule, doc, start, end, message=f"{rule.message} ({what})",
                           suggestions=_suggest(doc, tok, kind, start))


def _suggest(doc: Doc, tok: Token, kind: str, start: int) -> tuple:
    """Active rewrites from :mod:`letterlab.rewrite.active` (none when the parse does not support one)."""
    from ..rewrite.active import suggest_for_passive

    return suggest_for_passive(doc, tok, kind, start)
