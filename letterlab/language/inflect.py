"""Danish inflection for replacement words: give a replacement the form of the word it replaces.

``inflect("sende", token)`` reads the token's morphology (Tense, VerbForm,
Voice, Mood, Number, Definite, Gender, Degree, Case) and returns "sendes" for
"fremsendes", "sendte" for "fremsendte", "sendt" for "fremsendt". It returns
``None`` when it cannot be sure, so a caller never offers a wrongly inflected
word as a safe rewrite.

How sure it is:

* Infinitive, present tense, s-passive (present) and imperative follow rules
  that hold for (almost) every Danish verb: "-r", "-s", drop the final "-e".
* Past tense and participles need the verb's class. Strong and irregular verbs
  are in ``STRONG``; weak verbs in ``WEAK_EDE`` ("lavede, lavet") and
  ``WEAK_TE`` ("sendte, sendt"). Verbs on "-ere" are always "-ede".
  A prefixed verb ("fortælle", "afgøre", "undersøge") inflects like its
  stem when the prefix is a known one. Anything else gives ``None``.
* Nouns: indefinite singular is the lemma; the definite and plural need the
  gender and plural ending from ``NOUNS`` or a reliable suffix ("-else",
  "-ing", "-hed", "-tion": common gender, "-r"/"-er").
* Adjectives: rules for "-ig", "-lig", "-sk", "-isk", consonant clusters, and
  ``ADJECTIVES`` for the irregular ones.

When a token carries no morphology (a hand-built or badly tagged token),
``features`` works the form out from the paradigm of the word it replaces.

``word_forms(lemma, pos)`` goes the other way: every form a checker should
recognise for a lemma. It overgenerates on purpose (both weak classes), since
a form that never occurs costs nothing.

Word classes, forms and paradigms are cached per lemma (the cached paradigms
are read-only); a token's features are read from its doc's token table
(``letterlab.nlp.table``), not from spaCy's ``Token.morph``.
"""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

from ..nlp.table import token_table

# lemma: (present, past, supine, participle definite/plural or None)
STRONG: dict[str, tuple[str, str, str, str | None]] = {
    "være": ("er", "var", "været", None),
    "have": ("har", "havde", "haft", None),
    "blive": ("bliver", "blev", "blevet", "blevne"),
    "give": ("giver", "gav", "givet", "givne"),
    "få": ("får", "fik", "fået", None),
    "gå": ("går", "gik", "gået", None),
    "se": ("ser", "så", "set", "sete"),
    "tage": ("tager", "tog", "taget", "tagne"),
    "sige": ("siger", "sagde", "sagt", "sagte"),
    "gøre": ("gør", "gjorde", "gjort", "gjorte"),
    "vide": ("ved", "vidste", "vidst", None),
    "stå": ("står", "stod", "stået", None),
    "sætte": ("sætter", "satte", "sat", "satte"),
    "lægge": ("lægger", "lagde", "lagt", "lagte"),
    "bede": ("beder", "bad", "bedt", "bedte"),
    "komme": ("kommer", "kom", "kommet", "komne"),
    "finde": ("finder", "fandt", "fundet", "fundne"),
    "skrive": ("skriver", "skrev", "skrevet", "skrevne"),
    "tælle": ("tæller", "talte", "talt", "talte"),
    "vælge": ("vælger", "valgte", "valgt", "valgte"),
    "følge": ("følger", "fulgte", "fulgt", "fulgte"),
    "bringe": ("bringer", "bragte", "bragt", "bragte"),
    "ligge": ("ligger", "lå", "ligget", None),
    "holde": ("holder", "holdt", "holdt", "holdte"),
    "hjælpe": ("hjælper", "hjalp", "hjulpet", "hjulpne"),
    "træffe": ("træffer", "traf", "truffet", "trufne"),
    "byde": ("byder", "bød", "budt", "budte"),
    "lade": ("lader", "lod", "ladet", None),
    "tillade": ("tillader", "tillod", "tilladt", "tilladte"),
    "undlade": ("undlader", "undlod", "undladt", None),
    "forlade": ("forlader", "forlod", "forladt", "forladte"),
    "spørge": ("spørger", "spurgte", "spurgt", "spurgte"),
    "sælge": ("sælger", "solgte", "solgt", "solgte"),
    "række": ("rækker", "rakte", "rakt", "rakte"),
    "strække": ("strækker", "strakte", "strakt", "strakte"),
    "løbe": ("løber", "løb", "løbet", None),
    "falde": ("falder", "faldt", "faldet", "faldne"),
    "slå": ("slår", "slog", "slået", "slåede"),
    "bære": ("bærer", "bar", "båret", "bårne"),
    "skære": ("skærer", "skar", "skåret", "skårne"),
    "betyde": ("betyder", "betød", "betydet", None),
    "bryde": ("bryder", "brød", "brudt", "brudte"),
    "nyde": ("nyder", "nød", "nydt", "nydte"),
    "skyde": ("skyder", "skød", "skudt", "skudte"),
    "gælde": ("gælder", "gjaldt", "gældt", None),
    "hænge": ("hænger", "hang", "hængt", "hængte"),
    "vinde": ("vinder", "vandt", "vundet", "vundne"),
    "binde": ("binder", "bandt", "bundet", "bundne"),
    "trække": ("trækker", "trak", "trukket", "trukne"),
    "sidde": ("sidder", "sad", "siddet", None),
    "drive": ("driver", "drev", "drevet", "drevne"),
    "gribe": ("griber", "greb", "grebet", "grebne"),
    "lyde": ("lyder", "lød", "lydt", None),
    "smøre": ("smører", "smurte", "smurt", "smurte"),
    "stige": ("stiger", "steg", "steget", None),
    "træde": ("træder", "trådte", "trådt", "trådte"),
    "hedde": ("hedder", "hed", "heddet", None),
    "dø": ("dør", "døde", "død", "døde"),
    "ske": ("sker", "skete", "sket", "skete"),
    "rådgive": ("rådgiver", "rådgav", "rådgivet", "rådgivne"),
    "kunne": ("kan", "kunne", "kunnet", None),
    "skulle": ("skal", "skulle", "skullet", None),
    "ville": ("vil", "ville", "villet", None),
    "måtte": ("må", "måtte", "måttet", None),
    "burde": ("bør", "burde", "burdet", None),
    "turde": ("tør", "turde", "turdet", None),
}

# Deponent verbs: active meaning, passive form. lemma: (present, past, supine)
DEPONENTS: dict[str, tuple[str, str, str | None]] = {
    "findes": ("findes", "fandtes", None), "skyldes": ("skyldes", "skyldtes", "skyldtes"),
    "synes": ("synes", "syntes", "syntes"), "lykkes": ("lykkes", "lykkedes", "lykkedes"),
    "mødes": ("mødes", "mødtes", "mødtes"), "ses": ("ses", "sås", None),
}

# Weak verbs, past in "-ede" and participle in "-et" ("lave, lavede, lavet").
WEAK_EDE = set("""
lave svare bo tro nå ringe kontakte stoppe starte regne sørge love flytte vente klage åbne lukke
handle mangle skaffe hente tjekke huske slette rette dække skifte sikre ændre bevare spille stille
leve behøve kræve virke passe slutte bekræfte udvide forklare anmode bevilge underrette hvile
bevirke foranledige udfærdige tilpasse samle arbejde snakke takke ønske rydde ende miste koste
yde nægte trykke ophæve bygge pege blande kigge dukke ordne bade fejre lytte opfordre hindre
anbefale belaste vinke mærke bemærke bekymre beklage erstatte forlænge forkorte forsinke
fremskynde forhøje standse overveje begrænse svække hjemle hæve sænke lempe
""".split())

# Weak verbs, past in "-te" and participle in "-t" ("sende, sendte, sendt").
WEAK_TE = set("""
sende bruge vise høre føre køre lære rejse læse spise tænke købe begynde glemme søge melde dele
tale nævne lyse fylde møde gemme hilse låne tabe kalde stemme tjene mene kende vende føle
tænde skille undskylde forberede vejlede bestille
""".split())

# Prefixes and particles a Danish verb keeps in front of its stem ("af|gøre", "under|søge").
PREFIXES = (
    "tilbage", "tilveje", "tilkende", "sammen", "oppe", "igennem", "vedlige", "iværk", "imøde", "efter",
    "under", "over", "frem", "fore", "bort", "hjem", "fast", "fejl", "til", "for", "fra", "gen",
    "hen", "ind", "med", "mis", "ned", "opp", "und", "sam", "mod", "bag", "ved", "god", "af", "an",
    "be", "er", "om", "op", "på", "ud",
)

# lemma: (gender "c"/"n", plural indefinite or None, definite singular or None for regular)
NOUNS: dict[str, tuple[str, str | None, str | None]] = {
    "brug": ("c", None, None), "hjælp": ("c", None, None), "tiltag": ("n", "tiltag", None),
    "besked": ("c", "beskeder", None), "brev": ("n", "breve", None), "svar": ("n", "svar", None),
    "regel": ("c", "regler", "reglen"), "sag": ("c", "sager", None), "ret": ("c", "rettigheder", "retten"),
    "pligt": ("c", "pligter", None), "krav": ("n", "krav", None), "lov": ("c", "love", None),
    "aftale": ("c", "aftaler", None), "møde": ("n", "møder", None), "tid": ("c", "tider", None),
    "frist": ("c", "frister", None), "dato": ("c", "datoer", None), "penge": ("c", "penge", None),
    "plan": ("c", "planer", None), "forslag": ("n", "forslag", None), "indsats": ("c", "indsatser", None),
    "hensyn": ("n", "hensyn", None), "grund": ("c", "grunde", None), "skema": ("n", "skemaer", None),
    "kopi": ("c", "kopier", None), "sted": ("n", "steder", None), "job": ("n", "job", None),
    "bolig": ("c", "boliger", None), "adresse": ("c", "adresser", None), "beløb": ("n", "beløb", None),
    "udgift": ("c", "udgifter", None), "tilskud": ("n", "tilskud", None), "støtte": ("c", None, None),
    "løn": ("c", "lønninger", None), "dag": ("c", "dage", None), "måned": ("c", "måneder", None),
    "år": ("n", "år", None), "uge": ("c", "uger", None), "ting": ("c", "ting", None),
    "papir": ("n", "papirer", None), "bilag": ("n", "bilag", None), "ansøgning": ("c", "ansøgninger", None),
    "tilmelding": ("c", "tilmeldinger", None), "afmelding": ("c", "afmeldinger", None),
    "mulighed": ("c", "muligheder", None), "grænse": ("c", "grænser", None), "hjem": ("n", "hjem", None),
    "udsættelse": ("c", "udsættelser", None), "fortsættelse": ("c", "fortsættelser", None),
    "pause": ("c", "pauser", None), "tilbud": ("n", "tilbud", None), "hjemmeside": ("c", "hjemmesider", None),
    "e-mail": ("c", "e-mails", None), "telefon": ("c", "telefoner", None), "nummer": ("n", "numre", None),
    "navn": ("n", "navne", None), "barn": ("n", "børn", None), "hus": ("n", "huse", None),
    "mand": ("c", "mænd", "manden"), "kvinde": ("c", "kvinder", None), "menneske": ("n", "mennesker", None),
    "borger": ("c", "borgere", None), "skridt": ("n", "skridt", None), "emne": ("n", "emner", None),
    "tal": ("n", "tal", None), "opgave": ("c", "opgaver", None), "ændring": ("c", "ændringer", None),
    # common in letters, and often mistagged after "Deres" (the tagger copies the possessor's plural)
    "konto": ("c", "konti", None), "cv": ("n", "cv'er", None), "bopæl": ("c", "bopæle", None),
    "forhold": ("n", "forhold", None), "lån": ("n", "lån", None), "forløb": ("n", "forløb", None),
    "behov": ("n", "behov", None), "ledsager": ("c", "ledsagere", None), "giver": ("c", "givere", None),
    "evne": ("c", "evner", None), "gigt": ("c", None, None), "leje": ("c", None, None),
    "søn": ("c", "sønner", "sønnen"), "datter": ("c", "døtre", "datteren"), "mor": ("c", "mødre", "moren"),
    "far": ("c", "fædre", "faren"), "ejendom": ("c", "ejendomme", None), "læge": ("c", "læger", None),
    "økonomi": ("c", None, None), "rollator": ("c", "rollatorer", None), "indtægt": ("c", "indtægter", None),
    "husstand": ("c", "husstande", None), "plads": ("c", "pladser", None), "bil": ("c", "biler", None),
    "klage": ("c", "klager", None), "ønske": ("n", "ønsker", None), "familie": ("c", "familier", None),
    "helbred": ("n", None, None), "sygemelding": ("c", "sygemeldinger", None),
}

# lemma: (neuter, definite/plural, comparative, superlative)
ADJECTIVES: dict[str, tuple[str, str, str | None, str | None]] = {
    "god": ("godt", "gode", "bedre", "bedst"), "stor": ("stort", "store", "større", "størst"),
    "lille": ("lille", "lille", "mindre", "mindst"), "ny": ("nyt", "nye", "nyere", "nyest"),
    "gammel": ("gammelt", "gamle", "ældre", "ældst"), "glad": ("glad", "glade", "gladere", "gladest"),
    "let": ("let", "lette", "lettere", "lettest"), "lang": ("langt", "lange", "længere", "længst"),
    "kort": ("kort", "korte", "kortere", "kortest"), "tidlig": ("tidligt", "tidlige", "tidligere", "tidligst"),
    "sen": ("sent", "sene", "senere", "senest"), "høj": ("højt", "høje", "højere", "højest"),
    "lav": ("lavt", "lave", "lavere", "lavest"), "mange": ("mange", "mange", "flere", "flest"),
    "meget": ("meget", "meget", "mere", "mest"), "få": ("få", "få", "færre", "færrest"),
    "fri": ("frit", "frie", "friere", "friest"), "klar": ("klart", "klare", "klarere", "klarest"),
    "rigtig": ("rigtigt", "rigtige", "mere rigtig", "mest rigtig"), "sikker": ("sikkert", "sikre", "sikrere", "sikrest"),
    "egen": ("eget", "egne", None, None), "anden": ("andet", "andre", None, None),
    "nødvendig": ("nødvendigt", "nødvendige", "mere nødvendig", "mest nødvendig"),
    "mulig": ("muligt", "mulige", None, None), "hel": ("helt", "hele", None, None),
    "nem": ("nemt", "nemme", "nemmere", "nemmest"), "tæt": ("tæt", "tætte", "tættere", "tættest"),
    "gratis": ("gratis", "gratis", None, None), "korrekt": ("korrekt", "korrekte", "mere korrekt", "mest korrekt"),
    "separat": ("separat", "separate", None, None), "fuldstændig": ("fuldstændigt", "fuldstændige", None, None),
}

# lemma: (common singular, neuter singular, plural)
DETERMINERS: dict[str, tuple[str, str, str]] = {
    "denne": ("denne", "dette", "disse"), "den": ("den", "det", "de"), "en": ("en", "et", ""),
    "al": ("al", "alt", "alle"), "nogen": ("nogen", "noget", "nogle"), "ingen": ("ingen", "intet", "ingen"),
    "min": ("min", "mit", "mine"), "din": ("din", "dit", "dine"), "vores": ("vores", "vores", "vores"),
    "hver": ("hver", "hvert", "alle"), "samme": ("samme", "samme", "samme"),
}

NOUN_SUFFIXES = {  # suffix: (gender, plural ending)
    "else": ("c", "r"), "ning": ("c", "er"), "ing": ("c", "er"), "hed": ("c", "er"),
    "tion": ("c", "er"), "sion": ("c", "er"), "skab": ("n", "er"), "isme": ("c", "r"), "itet": ("c", "er"),
}
VOWELS = set("aeiouyæøå")
FEATS = ("VerbForm", "Tense", "Voice", "Mood", "Number", "Definite", "Gender", "Degree", "Case")


# ---------------------------------------------------------------- verbs

@lru_cache(maxsize=8192)
def _verb_entry(lemma: str, depth: int = 0) -> tuple[str, str, str, str | None] | None:
    """(present, past, supine, participle-definite) when the verb's class is known."""
    if lemma in STRONG:
        return STRONG[lemma]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma in WEAK_EDE or lemma.endswith("ere"):
        return _present(lemma), stem + "ede", stem + "et", stem + "ede"
    if lemma in WEAK_TE:
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            stem = stem[:-1]            # stemme -> stemte, glemme -> glemte
        sup = stem if stem.endswith("t") else stem + "t"
        return _present(lemma), sup + "e", sup, sup + "e"
    if depth < 2:
        for p in PREFIXES:
            rest = lemma[len(p):]
            if lemma.startswith(p) and len(rest) >= 2:
                found = _verb_entry(rest, depth + 1)
                if found:
                    return tuple(p + f if f else f for f in found)  # type: ignore[return-value]
    return None


@lru_cache(maxsize=8192)
def _split_prefix(lemma: str) -> tuple[str, str] | None:
    """("af", "gøre") for "afgøre" when the rest is a verb in ``STRONG``."""
    for p in PREFIXES:
        rest = lemma[len(p):]
        if lemma.startswith(p) and rest in STRONG:
            return p, rest
    return None


def _present(lemma: str) -> str:
    if lemma in STRONG:
        return STRONG[lemma][0]
    if lemma in WEAK_EDE or lemma in WEAK_TE:
        return lemma + "r"
    split = _split_prefix(lemma)
    if split:
        return split[0] + STRONG[split[1]][0]
    return lemma + "r"


def imperative(lemma: str) -> str:
    """'sende' -> 'send', 'fortælle' -> 'fortæl', 'gå' -> 'gå'."""
    if lemma in ("se", "le", "ske"):
        return lemma
    split = _split_prefix(lemma)
    if split and lemma not in STRONG:
        return split[0] + imperative(split[1])
    if len(lemma) > 2 and lemma.endswith("e") and lemma[-2] not in VOWELS:
        stem = lemma[:-1]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            stem = stem[:-1]
        return stem
    return lemma


def _present_participle(lemma: str) -> str:
    split = _split_prefix(lemma)
    if split and lemma not in STRONG:
        return split[0] + _present_participle(split[1])
    if lemma in ("se", "le", "ske"):
        return lemma + "ende"
    return lemma + "nde" if lemma.endswith("e") else lemma + "ende"


@lru_cache(maxsize=8192)
def verb_form(lemma: str, slot: str) -> str | None:
    """One form of a verb: inf, inf_pass, pres, pres_pass, past, past_pass, sup, part_def, imp, pres_part."""
    if lemma in DEPONENTS:
        pres, past, _sup = DEPONENTS[lemma]
        return {"inf": lemma, "pres": pres, "past": past, "sup": _sup}.get(slot)
    if slot == "inf":
        return lemma
    if slot in ("inf_pass", "pres_pass"):
        return None if lemma in ("være", "blive") else lemma + "s"
    if slot == "imp":
        return imperative(lemma)
    if slot == "pres_part":
        return _present_participle(lemma)
    if slot == "pres":
        return _present(lemma)
    entry = _verb_entry(lemma)
    if entry is None:
        return None
    _pres, past, sup, part_def = entry
    if slot == "past":
        return past
    if slot == "past_pass":
        # s-passive past only sounds natural for weak verbs ("sendtes"), not "gaves"
        return past + "s" if past.endswith("e") and not is_strong_verb(lemma) else None
    if slot == "sup":
        return sup
    if slot == "part_def":
        return part_def
    return None


def is_strong_verb(lemma: str) -> bool:
    """True for a strong or irregular verb in ``STRONG``, also behind a known prefix ("afgøre")."""
    return lemma in STRONG or _split_prefix(lemma) is not None


def is_known_verb(lemma: str) -> bool:
    """True when the verb's class is known, so its past tense and participles can be formed."""
    return _verb_entry(lemma) is not None


def _verb_slot(f: dict[str, str]) -> str | None:
    if f.get("Mood") == "Imp":
        return "imp"
    vf, tense, passive = f.get("VerbForm"), f.get("Tense"), f.get("Voice") == "Pass"
    if vf == "Part" or vf == "Sup":
        if tense == "Pres":
            return "pres_part"
        if f.get("Definite") == "Def" or f.get("Number") == "Plur":
            return "part_def"
        return "sup"
    if vf == "Inf":
        return "inf_pass" if passive else "inf"
    if tense == "Pres":
        return "pres_pass" if passive else "pres"
    if tense == "Past":
        return "past_pass" if passive else "past"
    return None


def _frozen(paradigm: dict[str, set[str]]) -> Mapping[str, frozenset[str]]:
    """A read-only copy of a paradigm, safe to share from a cache."""
    return MappingProxyType({slot: frozenset(forms) for slot, forms in paradigm.items()})


@lru_cache(maxsize=4096)
def _verb_paradigm(lemma: str) -> Mapping[str, frozenset[str]]:
    """slot -> forms, overgenerating both weak classes when the class is unknown (cached, read-only)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out: dict[str, set[str]] = {
        "inf": {lemma}, "pres": {_present(lemma)}, "pres_pass": {lemma + "s"},
        "imp": {imperative(lemma)}, "pres_part": {_present_participle(lemma)},
    }
    entry = _verb_entry(lemma)
    if entry:
        pasts, sups, defs = {entry[1]}, {entry[2]}, {entry[3] or entry[1]}
    else:
        pasts = {stem + "ede", stem + "te", stem + "de"}
        sups = {stem + "et", stem + "t"}
        defs = {stem + "ede", stem + "te"}
    out["past"] = pasts
    out["past_pass"] = {p + "s" for p in pasts}
    out["sup"] = sups
    out["part_def"] = defs
    return _frozen(out)


def finite_forms(lemma: str) -> set[str]:
    """s-passive and past forms: forms no noun shares ("meddeles"), unlike the present ("ansøger")."""
    para = _verb_paradigm(lemma.lower())
    return set().union(para["pres_pass"], para["past"], para["past_pass"]) - {lemma.lower()}


# ---------------------------------------------------------------- nouns

@lru_cache(maxsize=8192)
def _noun_entry(lemma: str) -> tuple[str, str | None, str | None] | None:
    if lemma in NOUNS:
        return NOUNS[lemma]
    for suffix, (gender, pl) in NOUN_SUFFIXES.items():
        if lemma.endswith(suffix):
            return gender, lemma + pl, None
    # compounds inflect like their last part: "boligstøtte" like "støtte"
    i = _listed_tail(lemma, 3)
    if i is not None:
        g, pl, d = NOUNS[lemma[i:]]
        head = lemma[:i]
        return g, head + pl if pl else None, head + d if d else None
    return None


def _listed_tail(word: str, min_tail: int) -> int | None:
    """Where the longest noun of ``NOUNS`` that ends ``word`` (at least ``min_tail`` letters, after a
    head of at least two) begins, or None."""
    for i in range(2, len(word) - min_tail + 1):
        if word[i:] in NOUNS:
            return i
    return None


def is_listed_noun(word: str) -> bool:
    """Whether ``word`` (any case) is a noun of the word lists, or a compound ending in one.

    Stricter than :func:`noun_agreement`, which also guesses from endings such as -ing:
    place names like "Kolding" must not pass for nouns.
    """
    w = word.lower()
    return w in NOUNS or _listed_tail(w, 4) is not None


def _noun_def_sing(lemma: str, gender: str, override: str | None) -> str:
    if override:
        return override
    end = ("n" if gender == "c" else "t") if lemma.endswith("e") else ("en" if gender == "c" else "et")
    return lemma + end


def _noun_def_plur(plural: str) -> str:
    return plural + ("ne" if plural.endswith(("e", "er", "re")) else "ene")


def noun_form(lemma: str, number: str, definite: str, genitive: bool = False) -> str | None:
    if number != "Plur" and definite != "Def":
        form = lemma
    else:
        entry = _noun_entry(lemma)
        if entry is None:
            return None
        gender, plural, def_override = entry
        if number == "Plur":
            if plural is None:
                return None
            form = _noun_def_plur(plural) if definite == "Def" else plural
        else:
            form = _noun_def_sing(lemma, gender, def_override)
    if genitive:
        form = form + ("'" if form.endswith(("s", "x", "z")) else "s")
    return form


@lru_cache(maxsize=4096)
def _noun_paradigm(lemma: str) -> Mapping[str, frozenset[str]]:
    """slot -> forms of a noun (cached, read-only)."""
    entry = _noun_entry(lemma)
    if entry:
        g, pl, d = entry
        defs = {_noun_def_sing(lemma, g, d)}
        plur = {pl} if pl else set()
    else:
        defs = {lemma + "n", lemma + "t"} if lemma.endswith("e") else {lemma + "en", lemma + "et"}
        if lemma[-1:] not in VOWELS and len(lemma) > 2:
            defs |= {lemma + lemma[-1] + "en", lemma + lemma[-1] + "et"}
        plur = {lemma + "r"} if lemma.endswith("e") else {lemma + "er", lemma + "e"}
    out = {"ind_sing": {lemma}, "def_sing": defs, "ind_plur": plur,
           "def_plur": {_noun_def_plur(p) for p in plur}}
    for slot in list(out):
        out[slot + "_gen"] = {f + "s" for f in out[slot] if not f.endswith("s")}
    return _frozen(out)


def noun_gender(lemma: str) -> str | None:
    """'Com' or 'Neut' for a noun ``inflect`` knows, else None."""
    entry = _noun_entry(lemma.lower())
    return None if entry is None else ("Com" if entry[0] == "c" else "Neut")


def noun_agreement(word: str) -> tuple[str | None, str | None] | None:
    """(number, gender) of an indefinite noun form, from the word lists; None for a noun they do not know.

    ``word`` is the form after a possessive ("Deres ansøgning", "Deres papirer"):
    the singular lemma or the indefinite plural. number is "Sing", "Plur" or
    None when both are spelt the same ("Deres forhold", "Deres lån");
    gender is "Com" or "Neut".
    """
    w = word.lower()
    entry = _noun_entry(w)
    if entry is not None:
        gender = "Com" if entry[0] == "c" else "Neut"
        return (None if entry[1] == w else "Sing"), gender
    for cut in ("er", "e", "r"):
        if w.endswith(cut) and len(w) > len(cut) + 2:
            stem = w[:-len(cut)]
            for cand in (stem, stem + "e"):
                found = _noun_entry(cand)
                if found is not None and found[1] == w:
                    return "Plur", ("Com" if found[0] == "c" else "Neut")
    return None


# ---------------------------------------------------------------- adjectives

def adjective_form(lemma: str, *, neuter: bool = False, definite_or_plural: bool = False,
                   degree: str = "Pos") -> str | None:
    if lemma in ADJECTIVES:
        neut, de, cmp_, sup = ADJECTIVES[lemma]
        if degree == "Cmp":
            return cmp_
        if degree == "Sup":
            return (sup + "e" if definite_or_plural and not sup.startswith("mest") else sup) if sup else None
        return de if definite_or_plural else neut if neuter else lemma
    if degree in ("Cmp", "Sup"):
        return None
    if definite_or_plural:
        return _adj_e(lemma)
    if neuter:
        return _adj_t(lemma)
    return lemma


def _adj_e(lemma: str) -> str | None:
    if lemma.endswith(("e", "ende")):
        return lemma
    if lemma.endswith("en") and len(lemma) > 4:
        return lemma[:-2] + "ne"        # fornøden -> fornødne
    if lemma.endswith("et") and len(lemma) > 4:
        return lemma[:-2] + "ede"       # påkrævet -> påkrævede
    if lemma.endswith(("ig", "sk", "isk")) or (len(lemma) > 2 and lemma[-1] not in VOWELS and lemma[-2] not in VOWELS):
        return lemma + "e"
    return None


def _adj_t(lemma: str) -> str | None:
    if lemma.endswith(("t", "e", "sk")):
        return lemma
    if lemma.endswith(("ig", "en")) or lemma[-1] in VOWELS:
        return lemma + "t"
    if len(lemma) > 2 and lemma[-2] not in VOWELS:
        return lemma + "t"
    return None


def _adj_paradigm(lemma: str) -> set[str]:
    out = {lemma, lemma + "t", lemma + "e", lemma + "ere", lemma + "est", lemma + "este"}
    for f in (_adj_e(lemma), _adj_t(lemma)):
        if f:
            out.add(f)
    if lemma in ADJECTIVES:
        out |= {f for f in ADJECTIVES[lemma] if f}
    return out


# ---------------------------------------------------------------- matching side

def guess_pos(lemma: str) -> str | None:
    """The word class a lemma's shape suggests, for generating forms; None when unclear."""
    if " " in lemma or len(lemma) < 4:
        return None
    if lemma.endswith(tuple(NOUN_SUFFIXES)):
        return "NOUN"
    if _verb_entry(lemma) is not None:
        return "VERB"
    if lemma.endswith(("ende", "ige", "lige")):
        return None
    if lemma.endswith("e") or lemma in STRONG:
        return "VERB"
    if lemma.endswith(("ig", "lig", "isk", "et", "en")):
        return "ADJ"
    return None


def word_forms(lemma: str, pos: str | None = None) -> set[str]:
    """Every surface form to recognise for ``lemma`` (lower case); overgenerates on purpose."""
    lemma = lemma.lower()
    pos = pos or guess_pos(lemma)
    forms = {lemma}
    if pos in ("VERB", "AUX"):
        for fs in _verb_paradigm(lemma).values():
            forms |= fs
    elif pos in ("NOUN", "PROPN"):
        for fs in _noun_paradigm(lemma).values():
            forms |= fs
    elif pos == "ADJ":
        forms |= _adj_paradigm(lemma)
    return {f for f in forms if f}


# ---------------------------------------------------------------- features of a token

_MORPHS: dict[str, dict[str, str]] = {}


def _morph(table, i: int) -> dict[str, str]:
    """Token ``i``'s ``FEATS`` (the first value of each), read from the token table (shared, do not modify)."""
    raw = table.morph[i]
    out = _MORPHS.get(raw)
    if out is None:
        feats = table.feats(i)
        out = _MORPHS[raw] = {key: feats[key].split(",", 1)[0] for key in FEATS if feats.get(key)}
    return out


@lru_cache(maxsize=8192)
def _surface_slots(form: str, lemma: str, pos: str) -> tuple[str, ...]:
    if pos == "VERB":
        para = _verb_paradigm(lemma)
    elif pos == "NOUN":
        para = _noun_paradigm(lemma)
    else:
        return ()
    return tuple(slot for slot, forms in para.items() if form in forms)


_VERB_SLOT_FEATS = {
    "inf": {"VerbForm": "Inf"}, "pres": {"VerbForm": "Fin", "Tense": "Pres"},
    "pres_pass": {"VerbForm": "Fin", "Tense": "Pres", "Voice": "Pass"},
    "past": {"VerbForm": "Fin", "Tense": "Past"}, "past_pass": {"VerbForm": "Fin", "Tense": "Past", "Voice": "Pass"},
    "sup": {"VerbForm": "Part", "Tense": "Past"}, "part_def": {"VerbForm": "Part", "Tense": "Past", "Definite": "Def"},
    "imp": {"Mood": "Imp"}, "pres_part": {"VerbForm": "Part", "Tense": "Pres"},
}


def _word_class(tag: str, pos: str | None, m: dict[str, str]) -> str:
    """The word class to inflect as: ``pos`` when given, else from the token's tag ``tag`` and features ``m``."""
    if pos:
        return "VERB" if pos == "AUX" else pos
    if tag == "AUX":
        return "VERB"
    if "VerbForm" in m and tag not in ("NOUN", "PROPN"):
        return "VERB"
    return tag or "X"


def verb_slot(token, *, pos: str | None = None, source_lemma: str | None = None) -> str | None:
    """The verb slot ("pres", "part_def", ...) ``token`` fills, or None when it is not a verb form."""
    feats = features(token, pos=pos, source_lemma=source_lemma)
    if not feats or feats["pos"] != "VERB":
        return None
    return _verb_slot(feats)


def features(token, *, pos: str | None = None, source_lemma: str | None = None) -> dict[str, Any] | None:
    """The inflection features to copy from ``token``: its morphology, or its form in ``source_lemma``'s paradigm.

    ``pos`` overrides the token's tag (a rule knows "fremsende" is a verb even
    when the tagger calls "fremsendte" an adjective). Returns ``None`` when the
    form is ambiguous and the morphology cannot decide.
    """
    table = token_table(token.doc)
    i = token.i
    m = _morph(table, i)
    tag = table.pos[i]
    wc = _word_class(tag, pos, m)
    lemma = (source_lemma or table.lemma[i] or table.text[i]).lower()
    form = table.text[i].lower()
    if wc == "VERB":
        has_info = ("VerbForm" in m or "Tense" in m or "Mood" in m)
        if has_info and tag in ("ADJ", "NOUN") and "VerbForm" not in m:
            has_info = False
        if form == lemma:
            return {"pos": wc, **(m if has_info else {**m, "VerbForm": "Inf"})}
        slots = _surface_slots(form, lemma, wc)
        said = _verb_slot(m) if has_info else None
        if said == "inf_pass":
            said_ok = "pres_pass" in slots
        else:
            said_ok = said in slots
        if said is not None and (said_ok or not slots):
            return {"pos": wc, **m}
        # no usable morphology, or morphology that contradicts the form ("fremsendt" tagged as past)
        if {"past", "part_def"} <= set(slots):
            # "fremsendte": past tense, or a participle before a noun ("det fremsendte brev")
            prefer = "part_def" if ("Definite" in m or tag in ("ADJ", "NOUN")) else "past"
            slots = (prefer,)
        if "pres" in slots and "pres_pass" in slots:
            slots = ("pres",)
        if len(slots) != 1:
            return None
        keep = {k: v for k, v in m.items() if k not in ("VerbForm", "Tense", "Voice", "Mood", "Definite")}
        return {"pos": wc, **keep, **_VERB_SLOT_FEATS[slots[0]]}
    if wc == "NOUN":
        has_info = ("Definite" in m or "Number" in m)
        if form == lemma:
            return {"pos": wc, **(m if has_info else {**m, "Number": "Sing", "Definite": "Ind"})}
        slots = _surface_slots(form, lemma, wc)
        said = None
        if has_info:
            said = ("def" if m.get("Definite") == "Def" else "ind") + ("_plur" if m.get("Number") == "Plur" else "_sing")
            said += "_gen" if m.get("Case") == "Gen" else ""
        if said is not None and (said in slots or not slots):
            return {"pos": wc, **m}
        if not slots:
            return None
        s = slots[0]
        m = {**m, "Number": "Plur" if "plur" in s else "Sing", "Definite": "Def" if s.startswith("def") else "Ind"}
        if s.endswith("_gen"):
            m["Case"] = "Gen"
        return {"pos": wc, **m}
    if wc in ("DET", "ADJ") and "Gender" not in m:
        m = {**_borrow_agreement(table, i), **m}
    return {"pos": wc, **m}


def _borrow_agreement(table, i: int) -> dict[str, str]:
    """Gender/number of the noun a determiner or adjective (token ``i``) belongs to ("nærværende brev")."""
    cands = []
    head = table.head[i]      # the token itself when it has no head
    if table.pos[head] in ("NOUN", "PROPN"):
        cands.append(head)
    cands += [j for j in range(i + 1, min(len(table), i + 4)) if table.pos[j] == "NOUN"][:1]
    for j in cands:
        out = {}
        for key in ("Gender", "Number"):
            value = table.feat(j, key)
            if value:
                out[key] = value.split(",", 1)[0]
        if out:
            return out
    return {}


# ---------------------------------------------------------------- the public call

def inflect_word(word: str, feats: dict[str, Any]) -> str | None:
    """``word`` (a lemma) in the form that ``feats`` describe, or None when unsure."""
    pos = feats.get("pos")
    if pos == "VERB":
        slot = _verb_slot(feats)
        return verb_form(word, slot) if slot else None
    if pos in ("NOUN", "PROPN"):
        return noun_form(word, feats.get("Number", "Sing"), feats.get("Definite", "Ind"),
                         genitive=feats.get("Case") == "Gen")
    if pos == "ADJ":
        plural = feats.get("Number") == "Plur"
        definite = feats.get("Definite") == "Def"
        neuter = feats.get("Gender") == "Neut" and not plural
        return adjective_form(word, neuter=neuter, definite_or_plural=plural or definite,
                              degree=feats.get("Degree", "Pos"))
    if pos == "DET":
        if word not in DETERMINERS:
            return word
        com, neut, plur = DETERMINERS[word]
        if feats.get("Number") == "Plur":
            return plur or None
        if feats.get("Gender") == "Neut":
            return neut
        if feats.get("Gender") == "Com":
            return com
        return None
    return word


def inflect(replacement_lemma: str, token, *, pos: str | None = None, source_lemma: str | None = None) -> str | None:
    """``replacement_lemma`` inflected like ``token``; None when unsure.

    A multi-word replacement inflects its first word when it replaces a verb
    ("give besked" -> "gav besked") and its last word otherwise. When the token
    is the uninflected ``source_lemma`` itself, the replacement is returned as is.
    """
    rep = replacement_lemma.strip()
    if not rep:
        return ""
    table = token_table(token.doc)
    i = token.i
    head = rep.split()[0 if _word_class(table.pos[i], pos, _morph(table, i)) == "VERB" else -1].lower()
    if (source_lemma and table.text[i].lower() == source_lemma.lower()
            and "Imp" not in table.feats(i).get("Mood", "").split(",")
            and head not in DETERMINERS and head not in ADJECTIVES):
        return rep
    feats = features(token, pos=pos, source_lemma=source_lemma)
    if feats is None:
        return None
    words = rep.split()
    idx = 0 if feats["pos"] == "VERB" else len(words) - 1
    if words[idx].lower() in DETERMINERS and feats["pos"] in ("ADJ", "DET"):
        feats = {**feats, "pos": "DET"}     # "nærværende" (adjective) -> "denne/dette/disse"
    out = inflect_word(words[idx].lower(), feats)
    if out is None:
        return None
    if words[idx][:1].isupper():
        out = out[:1].upper() + out[1:]
    words[idx] = out
    return " ".join(words)


def participle_lemma(form: str, lemma: str) -> str | None:
    """The verb of the word lists whose past participle is ``form`` (lower case), or None.

    Also when the lemmatizer got the lemma wrong: "fremsendt", "kontaktet" (tagged as a noun).
    """
    cands = [lemma]
    if form.endswith("et"):
        cands += [form[:-2] + "e", form[:-2] + form[-3] + "e"]
    if form.endswith("t"):
        cands += [form[:-1] + "e", form[:-1] + "re", form[:-1]]
    # strong verbs, also behind a prefix: "budt" -> "byde", "tilbudt" -> "tilbyde"
    strong = _strong_supines()
    for p in ("",) + PREFIXES:
        if form.startswith(p) and form[len(p):] in strong:
            cands.append(p + strong[form[len(p):]])
    for cand in cands:
        if is_known_verb(cand) and verb_form(cand, "sup") == form:
            return cand
    return None


@lru_cache(maxsize=1)
def _strong_supines() -> dict[str, str]:
    """Supine -> lemma for the strong verbs of ``STRONG``."""
    return {verb_form(lemma, "sup"): lemma for lemma in STRONG if verb_form(lemma, "sup")}
