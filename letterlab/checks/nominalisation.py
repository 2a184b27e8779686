"""Nominalisations (kind ``nominalisation``): an empty verb carrying a verbal noun.

"foretage en vurdering af" says "vurdere" in four words; "træffe afgørelse"
says "afgøre". Two ways to find them:

* ``pairs``: a verb and a noun that belong together, with the plain verb to
  write instead::

      { verbs = ["foretage", "gennemføre"], noun = "vurdering", replace = "vurdere", prep = ["af"] }

  Optional keys: ``prep`` (prepositions right after the noun that the plain
  verb absorbs: "foretage en vurdering af sagen" -> "vurdere sagen"),
  ``between`` (small words that may stand between verb and noun and go away:
  "være *i* besiddelse af" -> "have"), ``require_prep`` (true: only flag when
  one of ``prep`` follows, for nouns with other senses: "tage stilling til"),
  ``safe`` (false: never offer the rewrite as safe), ``note`` and
  ``plain_alone`` (true: the phrase on its own is plain, exact Danish, "træffe
  afgørelse", "give tilladelse"; it is only flagged with a word after the noun
  that makes it heavy: one of ``prep`` or "om": "træffe afgørelse om, at"),
  ``no_gap`` (true: a fixed phrase only with the noun right after the verb;
  "finde sted" is "take place", "finde et sted at parkere" is "find a place").
* the generic fallback: an empty verb (``empty_verbs``) followed by a noun
  on ``-else``, ``-ing``, ``-tion``, ``-sion``, ``-hed``, ``-ning``
  (``suffixes``) that no pair covers and ``generic_exclude`` does not list
  (a word there with a leading "-" also excludes compounds ending in it).
  It gives a finding at ``generic_severity`` without a rewrite, once a letter for
  the same verb and noun (the same remark again is noise). After "give" or
  "yde" a noun that names a service or a benefit the reader gets
  (``services``: "give dig rengøring", "give dig genoptræning") is the thing
  given, not a nominalisation.

The verb and noun are found from word order, not from the parse, so both tree
styles (UD and DDT) work the same: the noun must follow the verb in the same
sentence with at most ``max_gap`` determiners, adjectives, adverbs, pronouns
or numbers between ("foretager vi en grundig vurdering"). Verbs match on
lemma or on any generated form, so a wrong lemma ("truffet" -> "truffe") does
not hide them.

The finding spans the verb to the noun (and an absorbed preposition). The
rewrite is the plain verb inflected like the empty verb ("har truffet
afgørelse i sagen" -> "har afgjort sagen"), followed by the words between that
must stay ("foretager vi en vurdering af" -> "vurderer vi"). It is *safe* only
when nothing but an article stands between verb and noun, the inflection is
certain, the pair allows it and the plain verb keeps every argument: the noun
was the empty verb's object, so the plain verb needs one too, and the only one
a safe rewrite can give it is the noun's own complement, the words after an
absorbed preposition ("foretage en vurdering af dit behov" -> "vurdere dit
behov"). Without one ("har truffet afgørelsen efter § 91" -> "har afgjort
efter § 91", "hvis vi ikke kan give tilladelse" -> "tillade") the rewrite is
offered to read, never applied by default (``object_kept``).

No rewrite is offered (the finding says what to do instead) when the plain
verb would not fit the sentence as it stands: a passive empty verb ("der er
truffet afgørelse i sagen" would become "der er afgjort sagen"), an empty
verb with no one acting ("der sker en nedsættelse"), a preposition left over
that the plain verb cannot take ("træffe afgørelse om hjælp" -> "afgøre om
hjælp"), or an inflection it cannot be sure of. A left-over "om" before an
at-clause or "til" before the receiver goes away with a verb that takes them
directly ("har truffet afgørelse om, at" -> "har besluttet, at"; "give
meddelelse til kommunen" -> "fortælle kommunen"). After an absorbed
preposition only the first replacement is offered ("afgøre sagen", never
"beslutte sagen").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..nlp.table import TokenTable, token_table
from ..report.model import SEVERITIES, Suggestion
from ..language.inflect import inflect, word_forms
from .base import Param, letter, make_finding, match_case, doc_text, table_keys_problem

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "finde" is no empty verb on its own: "Find meddelelsen" is finding a thing ("finde sted" is a pair).
EMPTY_VERBS = ["foretage", "gennemføre", "træffe", "give", "yde", "ske"]
SUFFIXES = ["else", "ing", "ning", "tion", "sion", "hed"]
# Nouns on those endings that are things, not actions, or that other rules handle. A leading
# "-" also excludes compounds ending in the word ("-pension": "førtidspension").
GENERIC_EXCLUDE = [
    "ting", "ring", "mening", "sætning", "regning", "elregning", "bygning", "-afdeling", "-ordning", "-forsikring",
    "ledning", "tegning", "slægtning", "kending", "beholdning", "bevilling", "oplysning", "-ydelse",
    "følelse", "anvendelse", "foranstaltning", "underretning", "henvendelse", "meddelelse",
    "-mulighed", "-lejlighed", "sikkerhed", "tryghed", "frihed", "kærlighed", "-virksomhed",
    "-myndighed", "enhed", "helhed", "nyhed", "virkelighed", "hemmelighed", "ledighed", "sandhed",
    "-pension", "-station", "-institution", "-organisation", "-situation", "region", "version",
    "million", "kommission", "mission", "division", "provision", "portion", "funktion", "tradition",
    "position", "lektion", "nation", "religion", "konstruktion",
    "-erfaring", "-uddannelse", "-løsning",
    # fixed terms of case work with no plainer verb: "give tilladelse" (byggetilladelse), "give dispensation"
    # ("dispensere" is harder than the term)
    "-tilladelse", "dispensation",
]
# Nouns that name a service or a benefit the reader gets: after "give" or "yde" the noun is the thing given
# ("Vi giver dig rengøring hver anden uge", "give dig aflastning"), not an act hidden in a noun. A leading "-"
# also takes compounds ("-træning": "genoptræning"). "foretage rengøring" is still flagged.
SERVICES = [
    "-rengøring", "-træning", "-aflastning", "-afløsning", "-undervisning", "-ledsagelse", "-ledsagning",
    "-erstatning", "-godtgørelse", "-befordring", "-forplejning", "-bespisning", "-behandling", "-indkvartering",
    "-overnatning", "-udbringning",
]
GIVING_VERBS = {"give", "yde"}
ARTICLES = {"en", "et"}
# A preposition after the noun that the pair does not absorb: the plain verb may not take it.
# "om" before an at-clause goes away with a verb that takes the clause itself ("træffe afgørelse om, at"
# -> "beslutte, at"); "til" before the receiver goes away with a verb that takes an indirect object
# ("give meddelelse til kommunen" -> "fortælle kommunen"); "om" before a noun stays with a verb that takes
# it ("give meddelelse om flytningen" -> "fortælle om flytningen"). Any other verb gets no rewrite.
CLAUSE_VERBS = {"beslutte", "fortælle", "foreslå", "aftale", "svare", "forklare", "bestemme"}
INDIRECT_VERBS = {"fortælle", "svare"}
OM_VERBS = {"fortælle", "spørge", "vejlede", "rådgive", "aftale"}
OBJECT_PREPS = {"om", "til", "af", "for", "over"}
# Empty verbs with no one acting ("der sker en nedsættelse"): the plain verb needs a subject the sentence lacks.
NO_AGENT_VERBS = {"ske"}
GAP_POS = {"DET", "ADJ", "ADV", "PRON", "NUM"}
PAIR_KEYS = {"verbs": list, "noun": str, "replace": (str, list), "prep": list, "between": list,
             "require_prep": bool, "safe": bool, "note": str, "plain_alone": bool, "fixed_om": bool,
             "no_gap": bool}

PAIRS_HELP = '{ verbs = ["foretage"], noun = "vurdering", replace = "vurdere", prep = ["af"] }'
PARAMS = {
    "pairs": Param(list, default=[], help=f"liste af {PAIRS_HELP}"),
    "empty_verbs": Param(list, default=EMPTY_VERBS, help="tomme udsagnsord til den generelle regel"),
    "suffixes": Param(list, default=SUFFIXES, help="endelser på navneord, der er lavet af udsagnsord"),
    "generic": Param(bool, default=True, help="markér også tomt udsagnsord + navneord, der ikke står i pairs"),
    "generic_exclude": Param(list, default=GENERIC_EXCLUDE,
                             help='navneord, den generelle regel springer over ("-pension" tager også sammensatte ord)'),
    "generic_severity": Param(str, default="info", choices=SEVERITIES),
    "services": Param(list, default=SERVICES,
                      help='ydelser, læseren får: "give dig rengøring" er ikke navneordsstil ("-træning" tager også '
                           'sammensatte ord)'),
    "max_gap": Param(int, default=3, min=0, max=6, help="ord mellem udsagnsord og navneord"),
}


def _pair_problem(i: int, p) -> str | None:
    where = f"par {i + 1}"
    if not isinstance(p, dict):
        return f"{where} skal være en tabel, fx {PAIRS_HELP}"
    if isinstance(p.get("noun"), str):
        where += f" (\"{p['noun']}\")"
    problem = table_keys_problem(where, p, PAIR_KEYS)
    if problem:
        return problem
    for k in ("verbs", "noun", "replace"):
        if k not in p:
            return f"{where}: '{k}' mangler"
    if not p["verbs"] or not all(isinstance(v, str) and v.strip() and " " not in v.strip() for v in p["verbs"]):
        return f"{where}: 'verbs' skal være en liste af enkelte udsagnsord"
    if not p["noun"].strip() or " " in p["noun"].strip():
        return f"{where}: 'noun' skal være ét ord"
    reps = [p["replace"]] if isinstance(p["replace"], str) else p["replace"]
    if not reps or not all(isinstance(r, str) and r.strip() for r in reps):
        return f"{where}: 'replace' skal være et udsagnsord eller en liste af dem"
    for k in ("prep", "between"):
        if k in p and not all(isinstance(w, str) and w.strip() for w in p[k]):
            return f"{where}: '{k}' skal være en liste af ord"
    if p.get("require_prep") and not p.get("prep"):
        return f"{where}: 'require_prep' kræver en 'prep'-liste"
    return None


def validate_param(key: str, value) -> str | None:
    """Check ``pairs`` and the word lists when the rule file is read; a Danish problem text or None."""
    if key == "pairs":
        seen: dict[tuple[str, str], int] = {}
        for i, p in enumerate(value):
            problem = _pair_problem(i, p)
            if problem:
                return problem
            for v in p["verbs"]:
                k = (v.lower(), p["noun"].lower())
                if k in seen:
                    return f"par {i + 1} (\"{v} {p['noun']}\") står også i par {seen[k] + 1}"
                seen[k] = i
    elif key in ("empty_verbs", "suffixes", "generic_exclude", "services"):
        if not all(isinstance(w, str) and w.strip() for w in value):
            return "skal være en liste af ord"
    return None


@dataclass(frozen=True)
class Pair:
    verbs: frozenset[str]
    noun: str
    noun_forms: frozenset[str]
    replace: tuple[str, ...]
    prep: frozenset[str] = frozenset()
    between: frozenset[str] = frozenset()
    require_prep: bool = False
    plain_alone: bool = False
    safe: bool = True
    note: str = ""
    fixed_om: bool = False      # with plain_alone: "om" after the noun keeps it plain ("træffe afgørelse om, at")
    no_gap: bool = False        # a fixed phrase: nothing between verb and noun ("finde sted", not "finde et sted")


class Compiled:
    def __init__(self, params: dict):
        self.pairs: list[Pair] = []
        self.verb_index: dict[str, set[str]] = {}    # surface form -> verb lemmas
        for p in params["pairs"]:
            reps = (p["replace"],) if isinstance(p["replace"], str) else tuple(p["replace"])
            noun = p["noun"].lower()
            self.pairs.append(Pair(
                verbs=frozenset(v.lower() for v in p["verbs"]), noun=noun,
                noun_forms=frozenset(word_forms(noun, "NOUN") | {noun}), replace=reps,
                prep=frozenset(w.lower() for w in p.get("prep", [])),
                between=frozenset(w.lower() for w in p.get("between", [])),
                require_prep=p.get("require_prep", False), plain_alone=p.get("plain_alone", False), safe=p.get("safe", True), note=p.get("note", ""),
                fixed_om=p.get("fixed_om", False), no_gap=p.get("no_gap", False),
            ))
        self.empty = {v.lower() for v in params["empty_verbs"]}
        for v in {v for pr in self.pairs for v in pr.verbs} | self.empty:
            for f in word_forms(v, "VERB"):
                self.verb_index.setdefault(f, set()).add(v)
        self.suffixes = tuple(s.lower() for s in params["suffixes"])
        self.exclude = {w.lower().lstrip("-") for w in params["generic_exclude"]}
        self.exclude_tail = tuple(w.lower()[1:] for w in params["generic_exclude"] if w.startswith("-"))
        self.lemmas = self.empty.union(*(pr.verbs for pr in self.pairs))
        services = params.get("services", SERVICES)
        self.services = {w.lower().lstrip("-") for w in services}
        self.services_tail = tuple(w.lower()[1:] for w in services if w.startswith("-"))
        self._pairs_for: dict[frozenset[str], tuple[list[Pair], set[str]]] = {}

    def verb_lemmas(self, lower: str, lemma: str) -> set[str]:
        """The verb lemmas a word (lower-cased form, lower-cased lemma) may be."""
        out = set(self.verb_index.get(lower, ()))
        if lemma in self.lemmas:
            out.add(lemma)
        return out

    def pairs_for(self, lemmas: set[str]) -> tuple[list[Pair], set[str]]:
        """The pairs with one of ``lemmas`` as verb, and the words they allow between verb and noun."""
        key = frozenset(lemmas)
        got = self._pairs_for.get(key)
        if got is None:
            pairs = [p for p in self.pairs if p.verbs & key]
            got = self._pairs_for[key] = (pairs, set().union(*(p.between for p in pairs)))
        return got


_cache: dict[int, tuple[dict, Compiled]] = {}


def compiled(params: dict) -> Compiled:
    hit = _cache.get(id(params))
    if hit is None or hit[0] is not params:
        hit = (params, Compiled(params))
        _cache[id(params)] = hit
    return hit[1]


@dataclass
class Hit:
    verb: Token
    verb_lemma: str
    noun: Token
    gap: list[Token]
    prep: Token | None
    pair: Pair | None


def _generic_noun(table: TokenTable, i: int, comp: Compiled) -> bool:
    if table.pos[i] != "NOUN" or table.placeholder[i]:
        return False
    low, lemma = table.lower[i], table.lemma[i]
    base = lemma if lemma.endswith(comp.suffixes) else low
    base = _strip_inflection(base, comp.suffixes)
    if not base.endswith(comp.suffixes):
        return False
    return base not in comp.exclude and not (comp.exclude_tail and base.endswith(comp.exclude_tail))


def _service(table: TokenTable, i: int, comp: Compiled) -> bool:
    """The noun at ``i`` names a service or benefit (param ``services``): "rengøring", "genoptræning"."""
    base = _strip_inflection(table.lemma[i] if table.lemma[i].endswith(comp.suffixes) else table.lower[i],
                             comp.suffixes)
    return base in comp.services or bool(comp.services_tail and base.endswith(comp.services_tail))


def _strip_inflection(word: str, suffixes: tuple[str, ...]) -> str:
    """'vurderingen' -> 'vurdering', 'undersøgelser' -> 'undersøgelse'."""
    if word.endswith(suffixes):
        return word
    for end in ("erne", "ernes", "ens", "en", "er", "rne", "n", "r", "s"):
        if word.endswith(end) and word[: -len(end)].endswith(suffixes):
            return word[: -len(end)]
        if word.endswith(end) and (word[: -len(end)] + "e").endswith(suffixes):
            return word[: -len(end)] + "e"
    return word


def find(doc: Doc, comp: Compiled, max_gap: int, generic: bool) -> list[Hit]:
    """Empty verb + verbal noun hits in ``doc``, left to right, not overlapping."""
    table = token_table(doc)
    text, lower, lemma, pos = table.text, table.lower, table.lemma, table.pos
    space, sent_start, placeholder = table.space, table.sent_start, table.placeholder
    verb_index, known = comp.verb_index, comp.lemmas
    hits: list[Hit] = []
    n = len(table)
    resume = 0      # the first token after the last hit
    for i in [k for k, (low, lem) in enumerate(zip(lower, lemma)) if low in verb_index or lem in known]:
        if i < resume or placeholder[i] or pos[i] in ("NOUN", "PROPN", "ADP", "PUNCT"):
            continue
        lemmas = comp.verb_lemmas(lower[i], lemma[i])
        pairs, allowed_between = comp.pairs_for(lemmas)
        empty = lemmas & comp.empty if generic else None
        hit = None
        gap: list[int] = []
        j = i + 1
        while j < n:
            if sent_start[j] or placeholder[j]:
                break
            if space[j] and text[j].count("\n") <= 1:
                j += 1
                continue
            low = lower[j]
            pair = next((p for p in pairs if (low in p.noun_forms or lemma[j] == p.noun)
                         and all(pos[g] in GAP_POS or lower[g] in p.between for g in gap)
                         and not (p.no_gap and gap)), None)
            if pair is not None:
                prep = j + 1 if j + 1 < n and lower[j + 1] in pair.prep else None
                if pair.require_prep and prep is None:
                    break
                if pair.plain_alone and prep is None and (pair.fixed_om or not (j + 1 < n and lower[j + 1] == "om")):
                    break   # "Vi har truffet afgørelsen efter § 91": plain and exact as it stands
                hit = Hit(doc[i], min(pair.verbs & lemmas), doc[j], [doc[g] for g in gap],
                          None if prep is None else doc[prep], pair)
                break
            # "hvis der sker ændringer i din husstand": with no one acting, one verb would need an actor to
            # invent (often the wrong one), so "ske" gets no generic hint; its pairs name the actor case by case
            if empty and not empty <= NO_AGENT_VERBS and _generic_noun(table, j, comp) \
                    and not (empty <= GIVING_VERBS and _service(table, j, comp)):
                hit = Hit(doc[i], min(empty), doc[j], [doc[g] for g in gap], None, None)
                break
            if len(gap) >= max_gap:
                break
            if pos[j] in GAP_POS or low in allowed_between:
                gap.append(j)
                j += 1
                continue
            break
        if hit:
            hits.append(hit)
            resume = (hit.prep or hit.noun).i + 1
    return hits


PASSIVE_AUX = {"er", "var", "være", "været", "blive", "bliver", "blev", "blevet"}


def _participle_passive(verb: Token) -> bool:
    """ "(der) er truffet afgørelse": a participle after være/blive is a passive, not a perfect."""
    if "Part" not in verb.morph.get("VerbForm") and not verb.lower_.endswith("t"):
        return False
    for j in range(verb.i - 1, max(-1, verb.i - 4), -1):
        t = verb.doc[j]
        if t.is_punct:
            return False
        if t.lower_ in PASSIVE_AUX:
            return True
        if t.lower_ in ("har", "havde", "have", "haft"):
            return False
    return False


def _dangling(doc: Doc, hit: Hit, reps: tuple[str, ...]) -> tuple[tuple[str, ...], Token | None] | None:
    """The replacements that fit a preposition left after the noun, and the preposition to drop with them.

    None when none fits ("træffe afgørelse om hjælp" -> "afgøre om hjælp").
    """
    after = (hit.prep or hit.noun).i + 1
    while after < len(doc) and doc[after].is_space and doc[after].text.count("\n") <= 1:
        after += 1
    if hit.prep is not None or after >= len(doc) or doc[after].pos_ != "ADP" or doc[after].is_sent_start:
        return reps, None
    prep = doc[after]
    low = prep.lower_
    if low not in OBJECT_PREPS:
        return reps, None          # "finder sted på rådhuset": a place or time, not an object
    nxt = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
    heads = [r.split()[0] for r in reps]
    if low == "om" and nxt is not None and (nxt.text == "," or nxt.lower_ == "at"):
        keep = tuple(r for r, h in zip(reps, heads) if h in CLAUSE_VERBS)
        return (keep, prep) if keep else None
    if low == "om":
        keep = tuple(r for r, h in zip(reps, heads) if h in OM_VERBS)
        return (keep, None) if keep else None
    if low == "til":
        keep = tuple(r for r, h in zip(reps, heads) if h in INDIRECT_VERBS)
        return (keep, prep) if keep else None
    return None


def object_kept(doc: Doc, hit: Hit) -> bool:
    """Whether the plain verb gets an object: the noun's complement after an absorbed preposition.

    The noun is the empty verb's object; the rewrite takes it away ("har truffet afgørelsen" -> "har
    afgjort"). What the noun carried must become the new verb's object, or the clause is left without
    one: a preposition was absorbed and a word of the same sentence follows it (not an end of sentence).
    """
    if hit.prep is None:
        return False
    table = token_table(doc)
    j = hit.prep.i + 1
    while j < len(table) and table.space[j] and table.text[j].count("\n") <= 1:
        j += 1      # a line wrap inside the sentence, as ``find`` reads it
    if j >= len(table) or table.sent_start[j] or table.space[j]:
        return False
    return table.text[j] not in (".", "!", "?", ";", ":", ")")


NO_REWRITE_PASSIVE = "og skriv sætningen om, så den siger, hvem der gør det."
NO_REWRITE_PREP = "og skriv resten af sætningen om, så den passer."


def _stranded(hit: Hit, kept: list[Token]) -> bool:
    """A kept word between verb and noun belongs to the noun: an adjective ("en ny vurdering", "endelig
    afgørelse"), a possessive ("Deres bemærkninger") or another word the parse hangs on the noun. Without the
    noun it is stranded."""
    return any(t.pos_ == "ADJ" or "Yes" in t.morph.get("Poss") or (t.head.i == hit.noun.i and t.i != hit.noun.i)
               for t in kept)


def _suggestion(doc: Doc, hit: Hit, start: int, end: int) -> tuple[list[Suggestion], str | None]:
    pair = hit.pair
    assert pair is not None
    kept = [t for t in hit.gap if t.lower_ not in ARTICLES and t.lower_ not in pair.between]
    passive = "Pass" in hit.verb.morph.get("Voice") or hit.verb.lower_ == hit.verb_lemma + "s" \
        or _participle_passive(hit.verb)
    if passive or hit.verb_lemma in NO_AGENT_VERBS:
        # "der er truffet afgørelse i sagen" -> "der er afgjort sagen": the sentence needs a subject first
        return [], NO_REWRITE_PASSIVE
    if _stranded(hit, kept):
        # "laver vi en ny vurdering" -> "vurderer vi ny", "komme med Deres bemærkninger" -> "kommentere Deres":
        # a word that belongs to the noun would be left without it
        return [], NO_REWRITE_PREP
    # with an absorbed preposition only the first replacement takes its object ("afgøre sagen", not
    # "beslutte sagen"); the others are for other constructions
    reps = pair.replace[:1] if hit.prep is not None else pair.replace
    fit = _dangling(doc, hit, reps)
    if fit is None:
        return [], NO_REWRITE_PREP
    reps, drop = fit
    if drop is not None:
        end = drop.idx + len(drop.text)
    out: list[Suggestion] = []
    shown: str | None = None
    for k, rep in enumerate(reps):
        verb = inflect(rep, hit.verb, pos="VERB", source_lemma=hit.verb_lemma)
        if verb is None:
            continue    # no suggestion rather than a wrongly inflected verb
        text = " ".join([verb] + [t.text for t in kept])
        text = match_case(hit.verb.text, text)
        safe = (k == 0 and not kept and drop is None and pair.safe and " sig" not in f" {rep} "
                and object_kept(doc, hit))
        notes = [pair.note] if pair.note else []
        conf = 0.85 if safe else 0.6
        out.append(Suggestion(start, end, text, kind="nominalisation", safe=safe,
                              confidence=conf if k == 0 else min(conf, 0.5), note=" ".join(notes)))
        if shown is None:
            shown = text
    return out, shown if out else NO_REWRITE_PREP


def check(doc, rule) -> Iterator:
    comp = compiled(rule.params)
    params = rule.params
    hinted: set[tuple[str, str]] = set()     # the generic remarks already made in this letter
    ctx = letter(doc)
    for hit in find(doc, comp, params["max_gap"], params["generic"]):
        start = hit.verb.idx
        last = hit.prep or hit.noun
        end = last.idx + len(last.text)
        text = doc_text(doc)[start:end]
        prefix = (rule.message or "").strip()
        if hit.pair is None:
            if ctx.parts and ctx.part_at(start) not in rule.applies_to:
                continue    # a sub-heading the rule leaves alone must not use up the remark for the text below

            # a hint without a rewrite says the same each time: once a letter for the same verb and noun
            key = (hit.verb_lemma, _strip_inflection(hit.noun.lemma_.lower(), comp.suffixes))
            if key in hinted:
                continue
            hinted.add(key)
            msg = f'Kan du skrive "{text}" med ét udsagnsord? Fx "undersøge" i stedet for "foretage en undersøgelse".'
            yield make_finding(rule, doc, start, end, message=f"{prefix} {msg}" if prefix else msg,
                               severity=params["generic_severity"])
            continue
        suggestions, shown = _suggestion(doc, hit, start, end)
        severity = None
        kept = [t for t in hit.gap if t.lower_ not in ARTICLES and t.lower_ not in hit.pair.between]
        if not suggestions and _stranded(hit, kept):
            # "laver vi en ny vurdering": plain enough as it stands; one verb needs the sentence rewritten
            severity = params["generic_severity"]
        if suggestions:
            msg = f'Skriv "{shown}" i stedet for "{text}".'
        else:
            # the plain verb does not fit this sentence as it stands (a passive, a preposition left over)
            msg = f'Skriv udsagnsordet "{hit.pair.replace[0]}" i stedet for "{text}", {shown}'
        if hit.pair.note:
            msg += " " + hit.pair.note
        yield make_finding(rule, doc, start, end, message=f"{prefix} {msg}" if prefix else msg,
                           suggestions=suggestions, severity=severity)
