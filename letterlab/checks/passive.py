"""Passive voice (kind ``passive``): s-passive and blive/være + past participle.

* s-passive: a verb with ``Voice=Pass`` ("behandles", "kan bevilges",
  "bedes"), or any verb form in -es, which in Danish is an s-passive or a
  deponent whatever the tagger says about its voice ("skal tilbagebetales"). Deponent s-verbs are active in meaning and never flagged
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
  of intransitive verbs ("er gået", "er kommet", "er mødt op", "er flyttet")
  and participles used as adjectives or states ("er interesseret i", "er
  sygemeldt", "er tilladt") are listed in parameters and not flagged.

Not passive either, whatever the tagger says:

* a deponent's perfect ("det er lykkedes");
* an adjective the tagger reads as a participle ("det er utrygt for dig"): a
  word the verb lists do not know as a participle, and that is a negated
  word ("u-": "utrygt", "uændret", "ubetalt") or has an adjective ending
  ("-igt", "-somt", "-bart", "-isk");
* a participle after a degree adverb ("er meget interesseret", "blev lidt
  forsinket"): a passive does not take "meget".

Severity (an editor's trade-off, set in the rule file): a passive is a
warning, but it becomes an info (``low_share_severity``) when the letter's
passive share is at most ``low_share`` and the actor does not matter: no
"bedes" (a request to the reader), no "af ..." naming the actor, and not the
reader as the subject ("du bliver indkaldt" hides who summons). One "Vejen er
lukket" in a letter written in the active voice is a hint, not a problem.

No finding where there is no one to name: weather or nature as the cause
in the sentence ("bliver oversvømmet ved skybrud", param ``natural_causes``; "hvis det regner"),
a routine going on as before ("bliver tømt som normalt" right after the
verb), and a thing that "kan ikke repareres" (a negated modal and an
s-passive in ``thing_verbs``: "kan ikke bevilges" or "kan ikke anses for"
still hides the office), and a passive in a "hvordan" clause ("viser dig,
hvordan de bruges": how it is done, not who does it; the same for "hvornår"). Nor
where the passive only dates something else: a time clause with a subject that is
not the reader ("Når rampen er sat op, ...", "dagen før, spanden bliver tømt"),
unless its verb is a step of the case (``case_verbs``: "Når sagen er behandlet" still
hides a party; the reader's own step, "når beløbet er betalt", is a tip, see review 17). Nor a harm that may come about
("risiko for, at grundvandet bliver forurenet"). "jeres", "vores", "deres" are
possessives, never s-passives, whatever the tagger says.

A state, not an act, with "være": a lasting relation ("er knyttet til adressen", "er beregnet til
aktiviteter", param ``relational_participles``) and an indirect question about a thing's state ("hvad
pengene er brugt til", "hvor bilen er parkeret"; not "hvad der er besluttet", nor a step of the case) are no
finding. A deadline said as the state to reach ("Beløbet skal være betalt senest den 1. maj": a modal,
"være", the participle and "senest", "inden" or "før") is an info.

Review 16: a passive is a warning only when it hides the municipality's own act towards the reader (a decision,
a request, a refusal, money taken: param ``decision_verbs``), the reader's own duty (param ``duty_verbs``, or a
modal of duty with a definite subject: "Tilbuddet skal accepteres"), or has the reader as its subject; any other
passive is an info (``plain_severity``): service information ("Spanden bliver leveret i uge 12") hides nothing.
No finding at all for the fixed words of a right ("ret til at blive hørt"), "forventes at" with a thing as the
subject, an amount as the subject ("så mere kan genbruges"), the work in "De skal sørge for, at ..." (someone else
does it; not a task of the reader's own: "sørge for, at skemaet bliver sendt"), a rule for anyone ("En båd, der ikke
bruges, skal efter reglerne fjernes"), and a state or a use that describes a noun in a relative clause ("en
vognmand, der er godkendt til ...", "hjælpemidler, der allerede er købt", "cykler, der bruges til motion").

Review 17: a tip, not a warning, for the reader's own step (param ``duty_verbs``) said as the state that dates what
follows ("så snart gebyret er betalt", "Når skemaet er indsendt, ...", also the second of two joined clauses: "...,
eller nøglen er afleveret"), for the reader's state with "være" after an act ("Du er nu skrevet op til en plads"; not a
decision, a duty, a sanction or being told: "Du er udelukket", "De er gjort bekendt med ...", ``READER_ACTS``), and for
a modal in a reason clause ("fordi pladsen skal gives videre hurtigt": the modal gives the reason, it lays no duty).
The office's step in a time clause ("Når sagen er behandlet") stays a warning.

Review 18: a grant said as the reader's state ("Du er godkendt til ...", ``GRANT_VERBS``) right before a sentence
that opens with us ("Vi har godkendt dig, fordi ...") is a tip (``_grant_owned18``); with no actor next, a thing as
the subject ("Din ansøgning er bevilget"), "blive" or a dynamic passive it stays a warning.

Review 19: a tip for "man" as the subject ("den dato, man er blevet godkendt": anyone, ``_generic_subject19``) and for
the reader's own option ("du kan blive skrevet op", "om du kan blive rykket frem", "vil du skrives op, så ring":
``_reader_option19``); no finding for what the reader already has, in a relative clause on a noun ("den kørsel, som
De allerede er visiteret til", ``_reader_relative19``). Negated, a future, a refusal or a sanction stays a warning.

A passive that may happen to the reader ("Hvis du bliver opereret") is an info,
and so is the consequence of the reader's own doing with no actor named ("Hvis
du bliver væk, bliver du afmeldt"). A passive in a bullet list ("• Badekarret
bliver fjernet") weighs as in a letter with little passive: an info where the
actor does not matter.

The verb span is reported (the participle together with its auxiliary). The
share of passive finite clauses (passives / finite verbs) goes to the scores.
Each finding carries an active rewrite from :mod:`letterlab.rewrite.active`
when the parse supports one.
"""
from __future__ import annotations

import re
from letterlab import rxcache

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from ..nlp.table import TokenTable, token_table
from ..nlp.text import doc_text
from ..language.inflect import is_known_verb, participle_lemma
from .base import Param, letter, line_around, make_finding

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
    "mødt", "trådt", "flygtet", "indflyttet", "fraflyttet", "tilflyttet", "udflyttet", "tiltrådt",
    "fratrådt", "sluppet", "nået", "emigreret", "immigreret", "udvandret", "indvandret", "indrejst",
    "udrejst", "omkommet", "hjemkommet", "bortrejst", "forløbet", "overgået",
]
ADJECTIVAL_PARTICIPLES = [
    "interesseret", "berettiget", "forpligtet", "nødsaget", "gift", "uddannet", "velkommen",
    "bekymret", "tilfreds", "overrasket", "glad", "træt", "vant", "forberedt", "engageret",
    "motiveret", "opmærksom", "optaget", "placeret", "beliggende", "ansat", "fraskilt",
    "inkluderet", "relateret", "begrænset", "beskæftiget", "forsikret", "tilmeldt", "indskrevet",
    "medlem", "herre", "berørt", "uenig", "enig", "bekendt", "klar", "skuffet", "forvirret", "lukket", "åben",
    "åbent", "nødvendigt", "nødvendig", "muligt", "mulig",
    "bosat", "født", "omfattet", "tilknyttet", "forhindret", "sygemeldt", "raskmeldt", "indlagt",
    "pensioneret", "tilladt", "forbudt", "påkrævet", "velkomne", "låst", "aflåst",
    # "Du er inviteret til et møde", "Kortet er vedlagt": a state the reader finds, said in a friendly, usual way;
    # "Du er indkaldt til en samtale": the usual words of a summons, whose sender signs it ("bliver indkaldt" flags)
    "inviteret", "vedlagt", "indkaldt",
    # what someone or something is: "dit CV er opdateret", "du er registreret på adressen", "skal være certificeret"
    "opdateret", "registreret", "certificeret", "autoriseret",
    # "Så er sagen afsluttet": a case that is over, as "lukket" ("bliver afsluttet" still flags)
    "afsluttet",
]
# A participle with its preposition that names a lasting relation of a thing, not something done to it:
# "Tilladelsen er knyttet til adressen", "Pengene er beregnet til aktiviteter", "Huset er forbundet med
# fjernvarmen". After "være" only: "bliver knyttet til" is the act of doing it.
RELATIONAL_PARTICIPLES = [
    "knyttet til", "forbundet med", "koblet til", "koblet på", "beregnet til", "beregnet for",
    "bestemt til", "bestemt for", "baseret på", "udstyret med", "forsynet med", "mærket med",
    "markeret med", "fordelt på", "fordelt over", "fordelt mellem", "opdelt i", "delt i", "delt op i",
    "indeholdt i", "rettet mod", "målrettet til", "målrettet mod", "henvendt til", "omgivet af", "dækket af",
    "bundet til", "koblet sammen med", "sammensat af",
]
# Weather and nature as the cause: "kælderen bliver oversvømmet ved skybrud" has no one to name.
NATURAL_CAUSES = [
    "skybrud", "regn", "regnen", "regnvejr", "sne", "sneen", "snefald", "frost", "frosten", "storm", "stormen",
    "vejret", "blæst", "blæsten", "torden", "hagl", "tø", "tøvejr", "oversvømmelse", "højvande", "stormflod",
    "glatføre",
]
# A routine that goes on as before: "skraldespanden bliver tømt som normalt". The service is the actor.
ROUTINE_MARKERS = [("som", "normalt"), ("som", "sædvanligt"), ("som", "sædvanlig"), ("som", "altid"),
                   ("som", "vanligt"), ("som", "plejer")]
# Things done to a thing, where "kan ikke ..." says what the thing is like, not who decides:
# "Din gamle rollator kan ikke repareres". "Sagen kan ikke færdigbehandles" or "kan ikke anses for"
# hides the office, so the list names only handling of objects.
THING_VERBS = [
    "repareres", "genbruges", "bruges", "lappes", "vaskes", "rengøres", "males", "åbnes", "lukkes", "tømmes",
    "flyttes", "udskiftes", "skiftes", "oplades", "genoplades", "opvarmes", "tilpasses", "foldes", "justeres",
    "låses", "monteres", "afmonteres", "sammenklappes", "transporteres", "opbevares",
]
# Steps of the case, by the office or by the reader: in a time clause ("Når ansøgningen er behandlet", "når
# beløbet er betalt") the passive still hides a party to the case, so it stays a finding.
CASE_VERBS = [
    "behandle", "færdigbehandle", "vurdere", "revurdere", "afgøre", "beslutte", "bevilge", "godkende", "afslå",
    "modtage", "undersøge", "beregne", "registrere", "udbetale", "visitere", "træffe", "oplyse", "indkalde",
    "betale", "indbetale", "tilbagebetale", "sende", "indsende", "fremsende", "udfylde", "aflevere", "returnere",
    "underskrive", "søge", "ansøge", "klage", "påklage", "acceptere",
]
# The municipality's own acts towards the reader: a decision, a request, a refusal, money taken. Hidden behind a
# passive ("Ansøgningen er afslået", "Det er besluttet", "Beløbet bliver trukket") they are a warning.
DECISION_VERBS = [
    "beslutte", "afgøre", "træffe", "afslå", "afvise", "imødekomme", "bevilge", "godkende", "tildele", "yde",
    "behandle", "anse", "betragte", "vurdere", "nedsætte", "standse", "stoppe", "ophæve", "tilbagekalde",
    "opkræve", "inddrive", "tilbagekræve", "kræve", "trække", "modregne", "pålægge", "påbyde", "forbyde",
    "henvise", "anmode", "bede", "indkalde", "tilbyde", "slette", "spærre", "afmelde", "udmelde", "overgive",
    "politianmelde", "sanktionere", "fratage", "besvare", "konstatere", "indskærpe", "kontakte",
]
# What the reader must do: hidden behind a passive ("Beløbet betales senest ...", "Skemaet udfyldes") the reader
# does not see that it is their own duty.
DUTY_VERBS = [
    "betale", "indbetale", "tilbagebetale", "sende", "indsende", "fremsende", "udfylde", "aflevere", "returnere",
    "underskrive", "acceptere", "efterkomme", "overholde", "medbringe", "vedlægge", "dokumentere",
    "anmelde",
]
# Before a participle these adverbs make it an adjective: "er meget interesseret". A passive takes none.
DEGREE_ADVERBS = {"meget", "mere", "mest", "ret", "temmelig", "ganske", "særdeles", "yderst", "virkelig", "lidt",
                  "fuldt", "helt"}
# Endings only adjectives have (the verb lists are asked first): "vigtigt", "langsomt", "brugbart", "typisk".
ADJECTIVE_ENDINGS = ("igt", "somt", "bart", "isk")
# Verb prefixes that start with "u", so a word starting with them is no negated adjective ("udbetalt").
U_VERB_PREFIXES = ("ud", "und", "up")
# Before a number these say an age, not a passive: "du er fyldt 18 år" (but "skemaet er fyldt ud").
AGE_PARTICIPLES = {"fyldt"}

# After "blive" these participles name a state the subject gets into, not something done to it.
BLIVE_STATES = {"gift", "glad", "træt", "klar", "syg", "interesseret", "bekymret", "overrasket",
                "skuffet", "forvirret", "motiveret", "engageret", "vant", "bekendt", "enig", "uenig",
                "fraskilt", "nødsaget", "nødt", "færdig", "utilfreds", "tilfreds", "velkommen",
                "forhindret", "syg", "indlagt", "sygemeldt", "raskmeldt"}

PARAMS = {
    "deponents": Param(list, default=DEPONENTS, help="s-verber, der ikke er passiv"),
    "intransitive_perfect": Param(list, default=INTRANSITIVE_PERFECT,
                                  help="perfektum med 'være', som ikke er passiv (er gået)"),
    "adjectival_participles": Param(list, default=ADJECTIVAL_PARTICIPLES,
                                    help="tillægsord, der ligner passiv (er interesseret)"),
    "vaere_passive": Param(bool, default=True, help="markér også være + kort tillægsform (er fremsendt)"),
    "max_gap": Param(int, default=3, min=0, max=6, help="ord mellem 'blive'/'være' og tillægsformen"),
    "low_share": Param(float, default=0.1, min=0.0, max=1.0,
                       help="andel passiv, som brevet højst må have, før en passiv bliver en note i stedet"),
    "low_share_severity": Param(str, default="info", choices=("info", "warning", "error"),
                                help="alvor for passiv, hvor det er ligegyldigt, hvem der handler, i et brev med lidt passiv"),
    "relational_participles": Param(list, default=RELATIONAL_PARTICIPLES,
                                    help="kort tillægsform med forholdsord efter 'være', der er en tilstand "
                                         "(er knyttet til)"),
    "natural_causes": Param(list, default=NATURAL_CAUSES,
                            help="vejr og natur som årsag i sætningen: så er der ingen at nævne (ved skybrud)"),
    "case_verbs": Param(list, default=CASE_VERBS,
                        help="skridt i sagen, som skjuler en part, også når de siger, hvornår noget sker (når sagen er behandlet)"),
    "decision_verbs": Param(list, default=DECISION_VERBS, help="kommunens egne handlinger over for læseren (afslå, beslutte): "
                                                    "skjult bag passiv er de en advarsel"),
    "duty_verbs": Param(list, default=DUTY_VERBS, help="det, læseren selv skal gøre (betale, udfylde): skjult bag passiv "
                                                "er det en advarsel"),
    "plain_severity": Param(str, default="info", choices=("info", "warning", "error"),
                            help="alvor for anden passiv, som ikke skjuler en afgørelse, en anmodning eller læserens pligt"),
    "thing_verbs": Param(list, default=THING_VERBS,
                         help="s-passiv om en ting, hvor 'kan ikke' siger, hvordan tingen er (kan ikke repareres)"),
}

BLIVE = {"blive", "bliver", "blev", "blevet", "blive", "bleve", "blevne"}
VAERE = {"være", "er", "var", "været", "vær"}
GAP_POS = {"ADV", "PRON", "PART", "DET", "PROPN", "NOUN", "ADJ", "NUM", "CCONJ"}
# Possessive pronouns that end in -es like an s-passive ("jeres ønske", "vores brev", "Deres sag"): the tagger
# sometimes reads them as a verb. A closed class, so the list is the whole of it.
POSSESSIVES_IN_ES = {"jeres", "deres", "vores", "hendes", "eders"}
_CACHE_KEY = "letterlab_passives"
_STARTS_KEY = "letterlab_passive_sent_starts"
_CANDIDATE_POS = {"VERB", "AUX", "ADJ", "NOUN", "ADV"}

# UD feature string -> (past participle, Voice=Pass, finite): the same few dozen strings recur in every letter.
_morph_flags: dict[str, tuple[bool, bool, bool]] = {}


def _flags(table: TokenTable, i: int) -> tuple[bool, bool, bool]:
    """(past participle, Voice=Pass, finite) of token ``i``, from its morphology."""
    m = table.morph[i]
    got = _morph_flags.get(m)
    if got is None:
        feats = {k: v.split(",") for k, v in table.feats(i).items()}
        verb_form = feats.get("VerbForm", ())
        got = ("Part" in verb_form and "Pres" not in feats.get("Tense", ()), "Pass" in feats.get("Voice", ()),
               "Fin" in verb_form or bool(feats.get("Mood")))
        _morph_flags[m] = got
    return got


def _is_form(table: TokenTable, i: int, forms: set[str], lemma: str) -> bool:
    return table.lower[i] in forms or table.lemma[i] == lemma


def _aux_for(table: TokenTable, part: int, forms: set[str], lemma: str, max_gap: int) -> int | None:
    """Index of the blive/være token that makes ``part`` a passive, from the parse or word order."""
    for child in table.children(part):
        if child > part:
            break
        if _is_form(table, child, forms, lemma) and table.dep[child].startswith("aux"):
            return child
    head = table.head[part]
    if head < part and _is_form(table, head, forms, lemma) and table.dep[part] in ("vobj", "xcomp"):
        return head
    j = part - 1
    gap = 0
    while j >= 0 and gap <= max_gap:
        if table.space[j] or table.punct[j]:
            break
        if _is_form(table, j, forms, lemma):
            return j
        if table.pos[j] not in GAP_POS:
            break
        gap += 1
        j -= 1
    return None


class _AuxFinder:
    """``_aux_for`` over one table and one auxiliary, skipping the participles no form of it can serve.

    ``_aux_for`` only ever returns a form of the auxiliary before the participle: a dependent of it, its head,
    or one at most ``max_gap`` words before it. A participle with none of these gets None without the search.
    """

    def __init__(self, table: TokenTable, forms: set[str], lemma: str):
        self.table, self.forms, self.lemma = table, forms, lemma
        lemmas, head = table.lemma, table.head
        self.at = [j for j, low in enumerate(table.lower) if low in forms or lemmas[j] == lemma]
        self.at_set = set(self.at)
        self.heads = {head[j] for j in self.at if head[j] > j}

    def find(self, part: int, max_gap: int) -> int | None:
        at = self.at
        if not at or at[0] >= part:
            return None
        if part not in self.heads and self.table.head[part] not in self.at_set:
            k = bisect_left(at, part)
            if at[k - 1] < part - 1 - max_gap:
                return None
        return _aux_for(self.table, part, self.forms, self.lemma, max_gap)


def _adjective_shape(low: str, lemma: str) -> bool:
    """A word tagged as a participle that is an adjective: not a known participle, and negated or adjective-shaped."""
    if participle_lemma(low, lemma) is not None:
        return False
    return (low.startswith("u") and not low.startswith(U_VERB_PREFIXES)) or low.endswith(ADJECTIVE_ENDINGS)


def _state(table: TokenTable, i: int) -> bool:
    """Participle ``i`` reads as an adjective or an age: after a degree adverb, adjective-shaped, "fyldt 18"."""
    if i > 0 and table.lower[i - 1] in DEGREE_ADVERBS:
        return True
    if table.lower[i] in AGE_PARTICIPLES and i + 1 < len(table.pos) and table.pos[i + 1] == "NUM":
        return True
    return _adjective_shape(table.lower[i], table.lemma[i])


def _find(table: TokenTable, deps: set[str], intrans: set[str], adjs: set[str], vaere_passive: bool,
          max_gap: int) -> list[tuple[int, int, str, int]]:
    """(start_char, end_char, type, main verb index) for every passive in ``table``."""
    lower, lemma, pos, idx, end = table.lower, table.lemma, table.pos, table.idx, table.end
    out = []
    blive = _AuxFinder(table, BLIVE, "blive")
    vaere = None
    morph, placeholder = table.morph, table.placeholder
    for i, p in enumerate(pos):
        if p not in _CANDIDATE_POS or placeholder[i]:
            continue
        flags = _morph_flags.get(morph[i])
        participle, passive, _ = flags if flags is not None else _flags(table, i)
        low = lower[i]
        if low in deps:
            continue    # a deponent, also its perfect: "det er lykkedes"
        if low in POSSESSIVES_IN_ES:
            continue    # "vi har modtaget jeres ønske": a possessive, whatever the tagger says
        if low.endswith("s") and not (low in deps or lemma[i] in deps):
            s_form = len(low) > 4 and low.endswith("es")
            # A Danish verb form in -es is an s-passive (or a deponent): active forms end
            # in -e, -er, -ede, -te. This catches rare verbs the tagger marks Voice=Act, and
            # "bedes" tagged as an auxiliary (no Danish auxiliary has an active form in -es).
            # "Såfremt fortovet ikke ryddes": an -es word the parse makes a verb's verbal object.
            if (p in ("VERB", "AUX") and (s_form or passive)) or (p == "ADV" and s_form and table.dep[i] == "vobj"):
                out.append((idx[i], end[i], "s", i))
                continue
        if p == "NOUN" or p == "ADV" or (p == "ADJ" and not participle):
            # "blive kontaktet" / "blive tilbudt" with the participle tagged as a noun or an adjective:
            # the word lists know it as a verb's participle. Only after "blive": "er optaget" may be a
            # state. The cheap look for "blive" comes before the word lists.
            if p != "ADV" and not participle and low not in adjs and low not in BLIVE_STATES:
                aux = blive.find(i, max_gap)
                if aux is not None and participle_lemma(low, lemma[i]) is not None:
                    out.append((min(idx[aux], idx[i]), end[i], "blive", i))
            continue
        if not participle or low in ("blevet", "været"):
            continue
        aux = blive.find(i, max_gap)
        kind = "blive"
        if aux is None and vaere_passive and p != "ADJ":
            if low in intrans or low in adjs or lemma[i] in adjs:
                continue
            if vaere is None:
                vaere = _AuxFinder(table, VAERE, "være")
            aux = vaere.find(i, min(max_gap, 2))
            kind = "være"
            # "er blevet + participle" is a blive-passive anchored on "blevet"
        if aux is None:
            continue
        if kind == "blive" and low in BLIVE_STATES:
            continue  # "blive gift", "blive glad": a change of state, not a passive
        if _state(table, i):
            continue  # "er utrygt", "er uændret", "blev meget overrasket", "er fyldt 18"
        if kind == "være" and _noun_before_amount(table, i, aux):
            continue  # "For en carport er gebyret 1.800 kr.": the copula, a noun and an amount
        if out and out[-1][0] == idx[aux] and out[-1][3] < i:
            continue  # "Er den tømt, fjernet ...": participles sharing one auxiliary are one passive
        out.append((min(idx[aux], idx[i]), end[i], kind, i))
    return out


def _noun_before_amount(table: TokenTable, i: int, aux: int) -> bool:
    """A definite noun the tagger took for a participle, before an amount ("er gebyret 1.800 kr."): no verb the
    word lists know has this participle, a number follows, and no "der" opens an impersonal passive ("Der er
    fjernet 3 træer")."""
    low, lemma = table.lower[i], table.lemma[i]
    if i + 1 >= len(table.pos) or table.pos[i + 1] != "NUM" or (aux > 0 and table.lower[aux - 1] == "der"):
        return False
    return participle_lemma(low, lemma) is None and not is_known_verb(lemma)


def find_passives(doc: Doc, params: dict) -> list[tuple[int, int, str, Token]]:
    """(start_char, end_char, type, main verb token) for every passive in ``doc``.

    Found once per doc and set of parameters (the rules of this kind share it).
    """
    return [(start, end, kind, doc[i]) for start, end, kind, i in _found(doc, params)]


def _found(doc: Doc, params: dict) -> list[tuple[int, int, str, int]]:
    """``find_passives`` with the main verb's index instead of its token (cached; do not modify)."""
    table = token_table(doc)
    key = (tuple(params["deponents"]), tuple(params["intransitive_perfect"]),
           tuple(params["adjectival_participles"]), params["vaere_passive"], params["max_gap"])
    cache = doc.user_data.get(_CACHE_KEY)
    if cache is None or cache[0] is not table:
        cache = doc.user_data[_CACHE_KEY] = (table, {})
    found = cache[1].get(key)
    if found is None:
        found = cache[1][key] = _find(
            table, {d.lower() for d in key[0]}, {w.lower() for w in key[1]}, {w.lower() for w in key[2]},
            key[3], key[4])
    return found


def finite_verbs(doc: Doc) -> int:
    table = token_table(doc)
    morph, get = table.morph, _morph_flags.get
    return sum(1 for i, p in enumerate(table.pos) if p in ("VERB", "AUX") and (get(morph[i]) or _flags(table, i))[2])


def check(doc, rule) -> Iterator:
    ctx = letter(doc)
    found = _found(doc, rule.params)
    fin = finite_verbs(doc)
    ctx.metrics["passive"] = {
        "count": len(found),
        "finite_verbs": fin,
        "share": round(len(found) / fin, 3) if fin else 0.0,
    }
    low_share = fin > 0 and len(found) / fin <= rule.params["low_share"]
    table = token_table(doc)
    text = doc_text(doc)
    plain = _plain_sentences(doc)
    for start, end, kind, i in found:
        what = {"s": "s-passiv", "blive": "passiv med 'blive'", "være": "passiv med 'være'"}[kind]
        severity = None
        sent = _sentence(doc, table, i, plain)
        if _no_actor_to_name(table, text, i, sent, rule.params, kind) or _no_finding16(table, i, sent, rule.params, kind) \
                or (kind == "være" and _reader_relative19(table, i, sent, rule.params)):
            continue
        if kind == "være" and _observed_state(doc[i]):
            continue        # "P-skiven var stillet korrekt", "Lyset var tændt": a state found, not an act to turn
        part = ctx.part_at(start)
        if part == "keyvalue" and _in_label(text, start):
            continue        # "Betales til: reg.nr. …": a field's label in the case details, not a sentence
        if part == "subject" and _has_body(ctx):
            continue        # review 13: a heading's passive is the kind, short choice; the body says who acts
        if part == "subject" and _readers_thing_as_subject(table, i):
            continue        # a subject line about the reader's own case: "Din kontanthjælp bliver sat ned fra 1. maj"
        # a bullet list that says what will be done or what must hold ("• Badekarret bliver fjernet") is
        # telegraphic: its passives weigh like those of a letter with little passive
        if (low_share or part == "list") and not _actor_matters(table, i):
            severity = rule.params["low_share_severity"]
        elif _reader_in_condition(table, i, sent):
            severity = rule.params["low_share_severity"]
        elif kind == "være" and _deadline_state(table, i, sent):
            # "Beløbet skal være betalt senest den 1. maj": a deadline said as the state to reach, clear as it is
            severity = rule.params["low_share_severity"]
        elif kind == "være" and (_reader_step_done(table, i, sent, rule.params)
                                 or _reader_state17(table, i, sent, rule.params)
                                 or _grant_owned18(table, i, sent)):
            # review 17: "så snart gebyret er betalt" (the reader's own step, as the state that dates what follows),
            # "Du er nu skrevet op på listen" (the reader's state after an act the letter has told)
            severity = rule.params["low_share_severity"]
        elif (part == "appeal" or _agent_named(table, i)) and not _reader_or_request(table, i):
            # the klagevejledning's standard wording, or a passive that names its actor ("er fastsat af byrådet"):
            # a hint to put the actor first, not a hidden actor; "bedes" and the reader as subject stay warnings
            severity = rule.params["low_share_severity"]
        elif not _hides_own_act(table, i, sent, rule.params):
            severity = rule.params["plain_severity"]     # review 16: nothing of ours or the reader's is hidden
        elif _generic_subject19(table, i, sent) or _reader_option19(table, i, sent):
            # review 19: "den dato, man er blevet godkendt" (anyone), "du kan blive skrevet op" (the reader's option)
            severity = rule.params["plain_severity"]
        yield make_finding(rule, doc, start, end, message=f"{rule.message} ({what})",
                           suggestions=_suggest(doc, doc[i], kind, start), severity=severity)


def _in_label(text: str, start: int) -> bool:
    """The word at ``start`` stands before the first colon of its line: a field's label ("Betales til: …")."""
    line_start, line = line_around(text, start, start)
    return line.find(":") > start - line_start


def _plain_sentences(doc: Doc) -> bool:
    """Whether ``doc[i].sent`` reads the sentence starts alone (no hooks), so the token table can stand in."""
    return not (doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks) and doc.has_annotation("SENT_START")


def _sentence(doc: Doc, table: TokenTable, i: int, plain: bool) -> tuple[int, int]:
    """(start, end) token indices of ``doc[i].sent``, read from the token table when ``plain``."""
    if not plain:
        sent = doc[i].sent
        return sent.start, sent.end
    starts = _starts(doc, table)
    k = bisect_right(starts, i)
    return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(table.sent_start))


def _starts(doc: Doc, table: TokenTable) -> list[int]:
    """Indices of the tokens that start a sentence (``sent_start``), in order; kept with the table."""
    got = doc.user_data.get(_STARTS_KEY)
    if got is None or got[0] is not table:
        got = doc.user_data[_STARTS_KEY] = (table, [k for k, x in enumerate(table.sent_start) if x])
    return got[1]


READERS_THINGS = {"din", "dit", "dine", "deres", "jeres"}
DEADLINE_MODALS = {"skal", "skulle", "må", "bør"}
DEADLINE_WORDS = {"senest", "inden", "før", "rettidigt"}


def _deadline_state(t: TokenTable, i: int, sent: tuple[int, int]) -> bool:
    """ "skal være betalt senest den 1. maj", "skal være sendt inden mødet": a modal, "være", the participle
    and a deadline in the rest of the sentence. The state to reach by a date, not a hidden actor."""
    s0, s1 = sent
    pos, lower = t.pos, t.lower
    k = i - 1
    while k >= s0 and pos[k] == "ADV":
        k -= 1
    if k < s0 or lower[k] != "være":
        return False
    k -= 1
    while k >= s0 and pos[k] == "ADV":
        k -= 1
    if k < s0 or lower[k] not in DEADLINE_MODALS:
        return False
    return any(lower[j] in DEADLINE_WORDS for j in range(i + 1, s1))


def _readers_thing_as_subject(table, i: int) -> bool:
    """The passive's subject is the reader's own thing ("Din ansøgning", "Deres byggetilladelse"): a heading
    that puts the reader's case first, the form the course recommends for a subject line."""
    # the subject hangs on the participle, or on the auxiliary that governs it ("Din ansøgning bliver behandlet")
    verbs = [i] + [c for c in table.children(i) if table.pos[c] == "AUX"]
    if table.head[i] != i and table.pos[table.head[i]] in ("AUX", "VERB"):
        verbs.append(table.head[i])
    subj = next((c for v in verbs for c in table.children(v) if table.dep[c].startswith("nsubj")), None)
    if subj is None:
        return False
    # "Din" as the head of the phrase (the treebank's possessive) or as the noun's determiner
    return table.lower[subj] in READERS_THINGS or any(
        table.lower[c] in READERS_THINGS and c < subj for c in table.children(subj))


NEGATED_MODALS = {"kan", "kunne"}
CONDITIONS = {"hvis", "såfremt", "når"}


CAUSE_WORDS = {"ved", "af", "under", "efter", "pga.", "i"}
WEATHER_VERBS = {"regner", "regnede", "sner", "sneede", "fryser", "frøs", "stormer", "stormede", "blæser", "blæste",
                 "hagler", "tør", "tøer", "øsregner", "styrtregner"}
ROUTINE_WINDOW = 4
_ROUTINE_PAIRS = frozenset(ROUTINE_MARKERS)


def _no_actor_to_name(t: TokenTable, text: str, i: int, sent: tuple[int, int], params: dict, kind: str = "") -> bool:
    """A passive with no one to name: nature as the cause, a routine "som normalt", a thing that "kan ikke repareres".

    ``i`` is the main verb, ``sent`` its sentence (token indices), ``text`` the doc's text.
    """
    s0, s1 = sent
    lower = t.lower
    nature = _lowered(tuple(params["natural_causes"]))
    # "bliver oversvømmet ved skybrud", "kan blive spærret i frost"; not "er ryddet for sne" (a task)
    for k in range(s0 + 1, s1):
        w = lower[k]
        if w in nature and lower[k - 1] in CAUSE_WORDS:
            return True
        # the weather as a verb: "Arbejdet kan blive forsinket, hvis det regner meget"
        if w in WEATHER_VERBS and lower[k - 1] == "det":
            return True
    after = lower[i + 1:min(s1, i + 1 + ROUTINE_WINDOW)]
    if any(pair in _ROUTINE_PAIRS for pair in zip(after, after[1:])):
        return True
    # a machine does it: "Så bliver beløbet trukket automatisk hver måned" (no person to name)
    if "automatisk" in after[:2]:
        return True
    # "Vi viser dig, hvordan de bruges", "vi aftaler, hvornår lejligheden skal males": an indirect question about
    # how or when a thing is done, not who does it
    punct = t.punct
    for k in range(i - 1, s0 - 1, -1):
        if punct[k]:
            break
        if lower[k] in QUESTION_WORDS:
            return True
    # a time clause, and for a "være" passive a condition on a state reached ("Hvis hækken er klippet inden da, …"):
    # what the letter waits for, not who does it
    if _time_clause(t, i, sent, params, TIME_OR_STATE if kind == "være" else TIME_SUBORDINATORS) \
            or _risk_clause(t, i, sent):
        return True
    # the legal basis in a sentence of its own: "Afgørelsen er truffet efter servicelovens § 112", "Tilladelsen er
    # givet efter byggelovens § 16" (the course's own advice: the reference by itself, after the decision)
    low = lower[i]
    if low in FORMULA_PARTICIPLES and LEGAL_BASIS_RE.match(text[t.end[i]:t.end[s1 - 1]]):
        return True
    # what should have been done by a date that has passed: "to bøger, som skulle have været afleveret den 25. november"
    if i - 3 >= s0 and lower[i - 3:i] in (["skulle", "have", "været"], ["burde", "have", "været"]):
        return True
    if kind == "være" and (_relational(t, i, sent, params) or _state_question(t, i, sent, params)
                           or _prepaid_postage(t, i, sent)):
        return True
    if low in _lowered(tuple(params["thing_verbs"])):
        before = lower[max(s0, i - 3):i]
        # "Din rollator kan ikke repareres": a modal, "ikke", then the s-passive
        if "ikke" in before and any(w in NEGATED_MODALS for w in before):
            return True
    return False


# The fixed words on a reply envelope: "Portoen er betalt", "Svarkuverten er frankeret". The sender paid; the
# reader only needs to know there is nothing to pay.
POSTAGE_STEMS = ("porto", "svarkuvert", "frankering")
POSTAGE_VERBS = {"betale", "frankere", "forudbetale"}


def _prepaid_postage(t: TokenTable, i: int, sent: tuple[int, int]) -> bool:
    """ "Portoen er betalt": the postage of a reply envelope, paid by the sender (a fixed formula)."""
    lemma = participle_lemma(t.lower[i], t.lemma[i]) or t.lemma[i]
    if lemma not in POSTAGE_VERBS and t.lower[i] != "frankeret":
        return False
    return any(t.lower[k].startswith(POSTAGE_STEMS) for k in range(sent[0], i))


@lru_cache(maxsize=32)
def _lowered(words: tuple[str, ...]) -> frozenset[str]:
    """A rule's word list in lower case, made once per list rather than once per passive."""
    return frozenset(w.lower() for w in words)


QUESTION_WORDS = {"hvordan", "hvornår"}
# An indirect question about a thing's state: "Skriv, hvad pengene er brugt til", "vi ved ikke, hvor bilen er
# parkeret". Only with "være" and a subject of its own ("hvad der er besluttet" is an act with an actor hidden).
STATE_QUESTION_WORDS = {"hvad", "hvor", "hvilke", "hvilken", "hvilket", "hvortil"}


def _case_step(t: TokenTable, i: int, params: dict) -> bool:
    """The verb is a step of the case (param ``case_verbs``): "behandlet", "betalt" hide a party to it."""
    case_verbs = _lowered(tuple(params["case_verbs"]))
    lemma = t.lemma[i]
    return lemma in case_verbs or lemma + "e" in case_verbs     # the lemmatiser sometimes drops the -e


def _relational(t: TokenTable, i: int, sent: tuple[int, int], params: dict) -> bool:
    """ "er knyttet til", "er beregnet til", "er forbundet med": a relation the thing has, not an act (a state)."""
    after = [k for k in range(i + 1, min(sent[1], i + 5)) if not t.space[k]]
    if after and t.pos[after[0]] == "ADV" and t.lower[after[0]] not in ("op", "sammen"):
        after = after[1:]       # "er knyttet direkte til"
    words = [t.lower[k] for k in after]
    relational = _lowered(tuple(params["relational_participles"]))
    return any(" ".join([t.lower[i]] + words[:n]) in relational for n in (1, 2))


def _state_question(t: TokenTable, i: int, sent: tuple[int, int], params: dict) -> bool:
    """ "hvad pengene er brugt til": an indirect question about a thing's state, the subject its own (not "der")."""
    if _case_step(t, i, params):
        return False        # "hvornår ansøgningen er behandlet" still hides the office
    s0 = sent[0]
    lower = t.lower
    for k in range(i - 1, s0 - 1, -1):
        if t.punct[k]:
            return False
        if lower[k] in STATE_QUESTION_WORDS:
            nxt = k + 1 if k + 1 < i else None
            prev = k - 1
            while prev >= s0 and t.text[prev] == ",":
                prev -= 1
            if lower[k].startswith("hvor") and prev >= s0 and t.pos[prev] in ("NOUN", "PROPN"):
                return False    # a relative clause: "den dag, hvor afgørelsen er meddelt"
            return nxt is not None and lower[nxt] not in ("der", "som") and lower[nxt] not in VAERE
    return False


# Subordinators of a time clause; "før" and "efter" may also stand before a comma ("dagen før, bilen bliver hentet").
TIME_SUBORDINATORS = {"når", "før", "efter", "indtil", "mens"}
# a condition on a state reached: "Hvis hækken er klippet inden da, …" (a "være" passive only: "hvis sagen bliver
# behandlet" is an event with someone doing it)
STATE_CONDITIONS = {"hvis", "såfremt"}
TIME_OR_STATE = TIME_SUBORDINATORS | STATE_CONDITIONS
# the participle of the formula ("er truffet", "er givet"), right before the legal basis: not "De bevilges særlig
# støtte i henhold til § 34" (the officialese a plain letter turns into "Du får …")
FORMULA_PARTICIPLES = {"truffet", "givet", "taget", "meddelt", "udstedt", "foretaget"}
LEGAL_BASIS_RE = rxcache.compile(r"\s*(efter|i henhold til|i medfør af|jf\.?|jævnfør|med hjemmel i)\s"
                                 r"[^.]{0,60}?(§|\blov(en|ens)?\b|\w+lov(en|ens)?\b|\w*bekendtgørelse\w*|\breglerne\b)")
NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"}
CHAIN_POS = {"AUX", "ADV", "PART"}
MAX_NP = 4
# Nouns of a danger that may come about: "risiko for, at vandet bliver forurenet" names an event, not an act.
RISK_NOUNS = ("risiko", "fare")


def _time_clause(t: TokenTable, i: int, sent: tuple[int, int], params: dict, subordinators=None) -> bool:
    """A passive that dates something else: "Når stolen er leveret, ...", "dagen før, containeren bliver hentet".

    The clause is a time subordinator, a short subject that is not the reader, then the verbs: it tells when,
    not who. A step of the case itself ("Når ansøgningen er behandlet", "når beløbet er betalt") still is
    a finding (param ``case_verbs``; the reader's own step is a tip, ``_reader_step_done``), and the reader as the
    subject is left to the other rules.
    """
    case_verbs = _lowered(tuple(params["case_verbs"]))
    lemma = t.lemma[i]
    if lemma in case_verbs or lemma + "e" in case_verbs:      # the lemmatiser sometimes drops the -e ("indbetal")
        return False
    s0 = sent[0]
    lower, pos, text = t.lower, t.pos, t.text
    subordinators = subordinators or TIME_SUBORDINATORS
    subject = False
    k = i - 1
    while k >= s0:
        low = lower[k]
        if low in subordinators and subject and (pos[k] == "SCONJ" or low in ("når", "hvis", "såfremt")):
            return True     # not the preposition: "at udgiften efter en konkret vurdering anses for ..."
        if low == "at" and subject and k - 1 >= s0 and (lower[k - 1] in ("før", "efter") or (
                text[k - 1] == "," and k - 2 >= s0 and lower[k - 2] in ("før", "efter"))):
            return True     # "efter at taget er lagt om", "14 dage efter, at den er bygget"
        if text[k] == "," and subject and k - 1 >= s0 and lower[k - 1] in ("før", "efter"):
            return True
        if t.punct[k] or t.space[k] or text[k] in READER_SUBJECTS:
            return False
        if not subject and (pos[k] in CHAIN_POS or low in BLIVE or low in VAERE):
            k -= 1      # the auxiliaries and middle-field adverbs: "er", "skal", "ikke"
            continue
        if pos[k] in NP_POS and i - k <= MAX_NP + 3:
            subject = True
            k -= 1
            continue
        return False
    return False


def _risk_clause(t: TokenTable, i: int, sent: tuple[int, int]) -> bool:
    """ "Der er ingen risiko for, at brønden bliver forurenet": a harm that may come about, with no one to name."""
    s0 = sent[0]
    lower = t.lower
    k = i - 1
    while k > s0 and not t.punct[k] and lower[k] != "at":
        k -= 1
    if k <= s0 or lower[k] != "at":
        return False
    k -= 1
    if t.text[k] == ",":
        k -= 1
    return k > s0 and lower[k] == "for" and lower[k - 1].startswith(RISK_NOUNS)


def _reader_in_condition(t: TokenTable, i: int, sent: tuple[int, int]) -> bool:
    """"Hvis du bliver forsinket": something that may happen to the reader, not an act the sender hides.

    The same for the consequence of the reader's own doing: "Hvis du ikke kommer, bliver du slettet fra listen"
    says what follows for the reader; the passive keeps it calm. Not with an actor named ("af ...").
    """
    s0, s1 = sent
    lower, text = t.lower, t.text
    for k in range(i - 1, s0 - 1, -1):
        if lower[k] in CONDITIONS:
            if k + 1 < i and text[k + 1] in READER_SUBJECTS and not any(t.punct[r] for r in range(k + 1, i)):
                return True
            break
    if i - s0 < 2 or lower[s0] not in CONDITIONS or text[s0 + 1] not in READER_SUBJECTS:
        return False    # the condition is the reader's own doing: "Hvis du ...", not "Hvis vi får brug for ..."
    if "af" in lower[i + 1:min(s1, i + 1 + AGENT_WINDOW)]:
        return False    # "..., bliver De kontaktet af en sagsbehandler": the actor is there to name
    comma = next((k for k in range(i - 1, s0 - 1, -1) if text[k] == ","), None)
    if comma is None:
        return False
    # the main clause after the condition, verb first: "..., bliver du (så) meldt ud", "..., vil du blive ..."
    return i - (comma + 1) >= 2 and t.pos[comma + 1] in ("AUX", "VERB") and text[comma + 2] in READER_SUBJECTS \
        and all(t.pos[k] in ("AUX", "ADV", "PART") or lower[k] in BLIVE for k in range(comma + 3, i))


READER_SUBJECTS = {"du", "De", "I", "Du"}
REQUEST_FORMS = {"bedes", "bedt", "anmodes"}
AGENT_WINDOW = 4


def _agent_named(table: TokenTable, i: int) -> bool:
    """The passive at main verb ``i`` names its actor right after it ("fastsat af byrådet")."""
    j = i + 1
    if j < len(table.text) and table.pos[j] == "ADV":
        j += 1          # "fastsat netop af byrådet"
    # right after the participle: not "vil blive foretaget en udskiftning af kloakledningerne" (a noun's "af")
    return (j + 1 < len(table.text) and table.lower[j] == "af" and table.lower[j - 1] not in NOT_AGENT_BEFORE_AF
            and table.pos[j + 1] in ("NOUN", "PROPN", "DET", "PRON"))


# "i medfør af lovens § 91", "på grund af", "ved hjælp af": "af" in a fixed phrase, not before the actor
NOT_AGENT_BEFORE_AF = {"medfør", "grund", "kraft", "hjælp", "baggrund", "følge", "vegne", "brug", "mangel", "hensyn",
                       "form", "stand", "kopi", "indhold", "omfang"}


def _actor_matters(table: TokenTable, i: int) -> bool:
    """The passive at main verb ``i`` asks the reader to act, names its actor, or has the reader as subject."""
    if _reader_or_request(table, i):
        return True
    for j in range(i + 1, min(len(table.text), i + 1 + AGENT_WINDOW)):
        if table.punct[j] or table.space[j]:
            break
        if table.lower[j] == "af":
            return True     # "behandles af kommunen": the actor is there, the active says it plainly
    return False


def _reader_or_request(table: TokenTable, i: int) -> bool:
    """The passive at main verb ``i`` asks the reader to act ("bedes") or has the reader as its subject."""
    if table.lower[i] in REQUEST_FORMS:
        return True
    j = i - 1
    while j >= 0 and not (table.punct[j] or table.space[j]):
        if table.text[j] in READER_SUBJECTS or table.lower[j] in REQUEST_FORMS:
            return True     # "du bliver indkaldt", "du bedes ...": the reader should know who acts
        j -= 1
    return False


def _suggest(doc: Doc, tok: Token, kind: str, start: int) -> tuple:
    """Active rewrites from :mod:`letterlab.rewrite.active` (none when the parse does not support one)."""
    from ..rewrite.active import suggest_for_passive

    return suggest_for_passive(doc, tok, kind, start)


# --- review 13: "være" + participle as a state someone found, not an act ---------------------------------------

# Adverbs of result or manner right after a "være" participle: the clause says how a thing was found
# ("Skiltet var sat korrekt op", "Affaldet var ikke sorteret rigtigt"), a state, not who did it.
RESULT_ADVERBS = {"korrekt", "forkert", "rigtigt", "ukorrekt", "ordentligt", "synligt", "tydeligt", "forsvarligt",
                  "lovligt", "ulovligt", "fejlagtigt"}
# Verbs of setting or placing a thing: after "være" their participle says how the thing stands ("Uret var stillet
# til kl. 10", "Bilen var parkeret i båsen", "Lyset var tændt"), not an act to turn active.
SETTING_VERBS = {"stille", "indstille", "parkere", "tænde", "slukke", "opstille", "hensætte"}
STATE_WINDOW = 3


def _observed_state(tok: Token) -> bool:
    """A "være" participle that describes how a thing stands: a result adverb right after it, or a verb of
    setting a thing ("stillet", "parkeret", "tændt"). Not when the actor is named ("af ...")."""
    doc, sent = tok.doc, tok.sent
    after = [t.lower_ for t in doc[tok.i + 1:min(sent.end, tok.i + 1 + STATE_WINDOW)]]
    if "af" in after[:2]:
        return False
    words = [w for w in after if w not in ("ikke", "helt", "også")][:2]
    if any(w in RESULT_ADVERBS for w in words):
        return True
    lemma = participle_lemma(tok.lower_, tok.lemma_.lower()) or tok.lemma_.lower()
    return lemma in SETTING_VERBS


def _has_body(ctx) -> bool:
    """The letter has body text under its subject line (a text of one line is checked as it is)."""
    return any(p.kind in ("body", "list", "keyvalue") for p in (ctx.parts or ()))


# --- review 16: what the passive hides decides its weight -------------------------------------------------------

DUTY_MODALS16 = {"skal", "skulle", "må", "måtte", "bør", "burde"}
# "ret til at blive hørt", "krav på at blive behandlet": the fixed words of a right; the active is clumsy
RIGHT_NOUNS = {"ret", "retten", "krav", "kravet"}
# "en behandling, der forventes at gøre dig rask": "forventes at" says what is likely, not who expects it
RAISING_FORMS = {"forventes", "forventedes", "antages", "formodes", "menes", "siges", "skønnes"}
# "så mere kan genanvendes": an amount as the subject; who does it does not matter
QUANTITY_SUBJECTS = {"mere", "mindre", "meget", "mest", "noget", "alt", "flere", "færre", "mange"}
QUANTITY_OPENERS = {"så", "at", "hvis", "når", "fordi", "og"}
# "De skal sørge for, at tanken bliver tømt": the reader has someone do the work; "du tømmer" names the wrong actor
ENSURE_LEMMAS = {"sørge", "sikre"}
ENSURE_WINDOW = 12
# a rule for anyone: "En tank, der ikke bruges, skal efter reglerne sløjfes"
GENERIC_OPENERS = {"en", "et", "enhver", "ethvert", "man"}
RULE_WORDS = {"reglerne", "loven", "lovgivningen", "bekendtgørelsen"}
REL_OPENERS = {"der", "som"}
# the use of a thing, in a relative clause: "cykler, der mest bruges til motion"
USE_VERBS = {"bruge", "anvende", "benytte", "genbruge", "genanvende", "udleje", "sælge"}
CHAIN_STOPS = REL_OPENERS | {"at"}
MODAL_WINDOW = 6


def _lemmas16(t: TokenTable, i: int) -> set[str]:
    """The verb's lemma in the spellings the lists may use ("behandle", "behandl", "afslå")."""
    lem = t.lemma[i].lower()
    out = {lem, lem + "e", participle_lemma(t.lower[i], lem) or lem}
    if t.lower[i].endswith("es") and lem.endswith("es"):
        out.add(lem[:-1])       # a lemmatiser that left the s-form: "behandles" -> "behandle"
    return out


def _chain_start(t: TokenTable, i: int, s0: int) -> int:
    """First token of the verbs and middle-field adverbs that end at the main verb ``i`` ("skal ikke være")."""
    k = i
    while k - 1 >= s0 and (t.pos[k - 1] in ("AUX", "ADV", "PART") or t.lower[k - 1] in BLIVE | VAERE) \
            and not t.punct[k - 1] and t.lower[k - 1] not in CHAIN_STOPS:
        k -= 1
    return k


def _has_duty_modal(t: TokenTable, i: int, s0: int) -> bool:
    """A modal of duty in the clause before main verb ``i`` ("skal accepteres", "Derfor skal tanken sløjfes")."""
    for k in range(i - 1, max(s0, i - MODAL_WINDOW) - 1, -1):
        if t.punct[k] or t.lower[k] in CHAIN_STOPS:
            return False
        if t.lower[k] in DUTY_MODALS16:
            return True
    return False


def _relative_opener(t: TokenTable, i: int, s0: int) -> int | None:
    """Index of "der"/"som" or a pronoun that opens a relative clause on a noun right before the verbs
    ("et firma, der er godkendt", "den kørsel, De allerede er bevilget"), else None."""
    k = _chain_start(t, i, s0) - 1
    if k - 2 < s0 or t.text[k - 1] != ",":
        return None
    if not (t.lower[k] in REL_OPENERS or t.text[k] in READER_SUBJECTS):
        return None
    return k if t.pos[k - 2] in ("NOUN", "PROPN") else None


def _no_finding16(t: TokenTable, i: int, sent: tuple[int, int], params: dict, kind: str) -> bool:
    """Review 16: a passive an editor would not raise.

    The fixed words of a right ("ret til at blive hørt"); "forventes at" with a thing as the subject; an amount as
    the subject ("så mere kan genanvendes"); the work the reader has someone else do ("De skal sørge for, at tanken
    bliver tømt"); a rule for anyone ("En tank ... skal efter reglerne sløjfes"); a state or a use that describes a
    noun in a relative clause ("et firma, der er godkendt til ...", "hjælpemidler, der bruges i fritiden").
    """
    s0, s1 = sent
    lower = t.lower
    start = _chain_start(t, i, s0)
    # "ret til at blive hørt", "krav på at blive behandlet"
    if kind == "blive" and start - 3 >= s0 and lower[start - 1] == "at" and lower[start - 2] in ("til", "på") \
            and lower[start - 3] in RIGHT_NOUNS:
        return True
    if lower[i] in RAISING_FORMS and i + 1 < s1 and lower[i + 1] == "at" and not _reader_or_request(t, i):
        return True
    if start - 2 >= s0 and lower[start - 1] in QUANTITY_SUBJECTS and lower[start - 2] in QUANTITY_OPENERS:
        return True
    if _ensured_by_reader(t, start, s0) and not _lemmas16(t, i) & _lowered(tuple(params["duty_verbs"])):
        return True     # "sørge for, at skemaet bliver sendt" is still the reader's own task
    if _has_duty_modal(t, i, s0) and lower[s0] in GENERIC_OPENERS and _rule_words_before(t, i, s0):
        return True
    rel = _relative_opener(t, i, s0)
    if rel is None:
        return False
    lemmas = _lemmas16(t, i)
    listed = lemmas & _lowered(tuple(params["decision_verbs"])) or lemmas & _lowered(tuple(params["duty_verbs"]))
    if kind == "være":
        # "hjælpemidler, der allerede er købt", "et firma, der er godkendt til at ...": what the noun is
        return not listed or "allerede" in lower[rel:i] or (i + 1 < s1 and lower[i + 1] in ("til", "som"))
    # "hjælpemidler, der primært bruges i fritiden": what the thing is used for, not an act of anyone's (not
    # "oplysninger, som påtænkes lagt til grund": the office's intention)
    return kind == "s" and bool(lemmas & USE_VERBS) and not _has_duty_modal(t, i, s0) \
        and not any(lower[k] in NEGATED_MODALS for k in range(rel, i))


def _rule_words_before(t: TokenTable, i: int, s0: int) -> bool:
    """ "efter reglerne", "ifølge loven" in the clause before main verb ``i``."""
    for k in range(i - 1, max(s0, i - MODAL_WINDOW) - 1, -1):
        if t.punct[k]:
            return False
        if t.lower[k] in RULE_WORDS:
            return True
    return False


def _ensured_by_reader(t: TokenTable, start: int, s0: int) -> bool:
    """The passive is the work in "(De skal) sørge for, at ..." said to the reader: someone else does it."""
    k = start - 1
    while k >= s0 and not t.punct[k] and t.lower[k] != "at" and start - k <= ENSURE_WINDOW:
        k -= 1
    if k < s0 or t.lower[k] != "at":
        return False
    k -= 1
    if k >= s0 and t.text[k] == ",":
        k -= 1
    if k >= s0 and t.lower[k] == "for":
        k -= 1
    if k < s0 or not (t.lemma[k] in ENSURE_LEMMAS or t.lower[k].startswith(("sørg", "sikr"))):
        return False
    if k == s0:
        return True     # "Sørg for, at ...": an order to the reader
    return any(t.text[j] in READER_SUBJECTS for j in range(max(s0, k - 3), k))


def _hides_own_act(t: TokenTable, i: int, sent: tuple[int, int], params: dict) -> bool:
    """A passive that hides the municipality's own act towards the reader (a decision, a request, a refusal,
    money taken) or the reader's own duty. Only these are warnings; any other passive is a tip."""
    if _reader_or_request(t, i):
        return True
    s0 = sent[0]
    lemmas = _lemmas16(t, i)
    if lemmas & _lowered(tuple(params["decision_verbs"])):
        return True
    start = _chain_start(t, i, s0)
    condition = any(t.lower[k] in STATE_CONDITIONS for k in range(s0, start))
    if lemmas & _lowered(tuple(params["duty_verbs"])) and not condition:
        return True
    # "Fortovet skal være fejet", "Tilbuddet skal accepteres": a duty with a definite thing as the subject
    before = start - 1
    subject_word = t.lower[before] if before >= s0 else ""
    return _has_duty_modal(t, i, s0) and not condition and t.lower[s0] not in GENERIC_OPENERS \
        and subject_word not in ("det", "der", "man") and not _reason_clause(t, start, s0)


# --- review 17: the reader's own step as a state, the reader's state, a reason -----------------------------------

# "så snart gebyret er betalt": "så snart" opens a time clause like "når"
SOON_WORDS = ("så", "snart")
COORDINATORS = {"og", "eller"}
# "fordi pladsen skal gives videre": a reason clause; its modal gives the reason, it lays no duty on anyone
REASON_SUBORDINATORS = {"fordi", "eftersom", "idet", "da"}
# Acts on the reader that the decision verbs do not list, since said of a thing they are plain ("Det kan ikke
# udelukkes", "Sagen er oplyst"): with the reader as the subject they hide who acts, a sanction ("Du er udelukket fra
# holdet") or being told, often a reproach ("De er gjort bekendt med reglerne", "Du er vejledt om ...").
READER_ACTS = {"udelukke", "bortvise", "suspendere", "framelde", "opsige", "afskedige", "fyre", "idømme",
               "melde", "anmelde", "overdrage", "advare", "irettesætte", "udskrive", "smide",
               "gøre", "vejlede", "orientere", "informere", "oplyse", "underrette", "påminde", "minde", "rykke"}


def _time_opener(t: TokenTable, k: int) -> bool:
    """Token ``k`` opens a time clause or a condition on a state: "når", "hvis", "efter" (as a subordinator),
    or the "snart" of "så snart"."""
    low = t.lower[k]
    if low == SOON_WORDS[1]:
        return k > 0 and t.lower[k - 1] == SOON_WORDS[0]
    return low in TIME_OR_STATE and (t.pos[k] == "SCONJ" or low in CONDITIONS)


def _reader_step_done(t: TokenTable, i: int, sent: tuple[int, int], params: dict) -> bool:
    """ "så snart gebyret er betalt", "Når skemaet er udfyldt, …", "…, eller bøgerne er afleveret": the reader's own
    step (param ``duty_verbs``) said as the state that dates what follows. The reader is the one who acts, and the
    clause says when, so it is a tip: "når du har betalt" is only a little plainer. Not a step the office takes
    (param ``decision_verbs``: "Når sagen er behandlet" hides who decides), nor with the actor named ("af ...").

    A second clause joined by "og"/"eller" shares the first one's opener: "så snart X er betalt, eller Y er afleveret".
    """
    lemmas = _lemmas16(t, i)
    if not lemmas & _lowered(tuple(params["duty_verbs"])) or lemmas & _lowered(tuple(params["decision_verbs"])) \
            or _agent_named(t, i):
        return False
    s0 = sent[0]
    k = _chain_start(t, i, s0) - 1
    subject = 0
    while k >= s0:
        if subject and _time_opener(t, k):
            return True
        if subject and t.lower[k] in COORDINATORS:
            # the clause before: its participle and verbs, then its own subject and opener
            k -= 1 if t.text[k - 1] != "," else 2
            if k < s0 or not _flags(t, k)[0]:
                return False
            k = _chain_start(t, k, s0) - 1
            subject = 0
            continue
        if t.punct[k] or t.space[k] or t.text[k] in READER_SUBJECTS or t.pos[k] not in NP_POS or subject > MAX_NP:
            return False
        subject += 1
        k -= 1
    return False


def _reader_state17(t: TokenTable, i: int, sent: tuple[int, int], params: dict) -> bool:
    """ "Du er nu skrevet op på ventelisten", "I er oprettet som brugere": the reader as the subject of "være" and a
    participle, the state the reader is in after an act. A tip, not a warning: "Vi har skrevet dig op" is only a
    little better. A decision, a duty, a sanction or being told stays a warning ("Du er afvist", "Du er udelukket fra
    holdet", "De er gjort bekendt med reglerne", ``READER_ACTS``), and so does a modal of duty.
    """
    lemmas = _lemmas16(t, i)
    if lemmas & (_lowered(tuple(params["decision_verbs"])) | _lowered(tuple(params["duty_verbs"])) | READER_ACTS):
        return False
    s0 = sent[0]
    k = _chain_start(t, i, s0) - 1
    if k < s0 or t.text[k] not in READER_SUBJECTS:
        return False
    chain = t.lower[k + 1:i]
    return bool(chain) and chain[0] in VAERE and not any(w in DUTY_MODALS16 or w in BLIVE for w in chain)


def _reason_clause(t: TokenTable, start: int, s0: int) -> bool:
    """The verbs that start at ``start`` are in a reason clause with its own short subject: "fordi pladsen skal gives
    videre hurtigt". The modal gives the reason; it does not tell anyone to act."""
    k = start - 1
    n = 0
    while k >= s0 and n <= MAX_NP and not t.punct[k] and t.pos[k] in NP_POS and t.text[k] not in READER_SUBJECTS:
        k -= 1
        n += 1
    return n > 0 and k >= s0 and t.lower[k] in REASON_SUBORDINATORS and (t.lower[k] != "da" or t.pos[k] == "SCONJ")


# --- review 18: a grant said as the reader's state, with its actor in the next sentence ------------------------------

# Decisions that give the reader something: said as the reader's state ("Du er godkendt til en plejebolig", "I er
# optaget på skolen") they read as the good news itself, the natural way to say it.
GRANT_VERBS = {"godkende", "bevilge", "tildele", "optage", "visitere", "indskrive", "tilkende"}
# The next sentence names who decided when it opens with us: "Vi har godkendt dig, fordi ..."
OWN_ACTORS = {"vi", "jeg", "kommunen"}


def _grant_owned18(t: TokenTable, i: int, sent: tuple[int, int]) -> bool:
    """ "Du er godkendt til en plejebolig. Vi har godkendt dig, fordi ...": the reader as the subject of "være" and
    a participle that grants (``GRANT_VERBS``), with no modal and no "blive", right before a sentence that opens
    with us as the actor. The grant is the reader's new state, and the next sentence says who gave it: a tip. Without
    that sentence ("Du er godkendt. Boligen ligger ..."), with a thing as the subject ("Din ansøgning er bevilget"),
    or a dynamic passive ("Du bliver optaget", "Hjælpen nedsættes") it stays a warning.
    """
    if not _lemmas16(t, i) & GRANT_VERBS:
        return False
    s0, s1 = sent
    k = _chain_start(t, i, s0) - 1
    if k != s0 or t.text[k] not in READER_SUBJECTS:
        return False        # the reader opens the sentence: "Du er godkendt ...", not "..., hvis du er godkendt"
    chain = t.lower[k + 1:i]
    if not chain or chain[0] not in VAERE or any(w in DUTY_MODALS16 or w in BLIVE for w in chain):
        return False
    nxt = next((j for j in range(s1, len(t.sent_start)) if not t.space[j]), None)
    return nxt is not None and t.sent_start[nxt] and t.lower[nxt] in OWN_ACTORS and t.text[nxt][:1].isupper()


# --- review 19: anyone as the subject, the reader's own option, what the reader already has ------------------------

# Verbs of what the reader may ask for or be offered: put on a list, moved up it, admitted, referred, granted.
OPTION_VERBS19 = {"skrive", "opskrive", "rykke", "tilmelde", "optage", "indskrive", "henvise", "visitere",
                  "godkende", "bevilge", "tildele", "hjælpe", "vejlede"}
POSSIBLE_MODALS19 = {"kan", "kunne"}
WISH_MODALS19 = {"vil", "ville"}
NEGATIONS19 = {"ikke", "aldrig", "ej"}
GENERIC_SUBJECTS19 = {"man"}


def _generic_subject19(t: TokenTable, i: int, sent: tuple[int, int]) -> bool:
    """ "Listen følger den dato, man er blevet godkendt", "Når man bliver indkaldt, ...": "man" as the subject says
    how it goes for anyone; no one in the reader's own case is hidden. A tip, and never a request ("bedes")."""
    if t.lower[i] in REQUEST_FORMS:
        return False
    s0 = sent[0]
    start = _chain_start(t, i, s0)
    if start - 1 >= s0 and t.lower[start - 1] in GENERIC_SUBJECTS19:
        return True
    # inverted: "Derfor bliver man indkaldt", "kan man blive optaget"
    return any(t.lower[k] in GENERIC_SUBJECTS19 for k in range(max(s0, start - 1), i)) \
        and start - 2 >= s0 and t.pos[start - 2] in ("AUX", "VERB")


def _reader_option19(t: TokenTable, i: int, sent: tuple[int, int]) -> bool:
    """ "Du kan blive skrevet op til flere boliger", "om du kan blive rykket frem", "Vil du skrives op til Lindehuset,
    så ring": the reader as the subject, a modal of what is possible (or, at the head of its clause, of what the reader
    wants), and a verb of what the reader may ask for (``OPTION_VERBS19``). The reader chooses; no decision against
    the reader is hidden, so it is a tip. Negated ("Du kan ikke blive skrevet op"), a future ("Du vil blive skrevet
    op", "Derfor vil du blive optaget") or a verb of a refusal or a sanction ("Du kan blive trukket i ydelsen") stays
    a warning."""
    if not _lemmas16(t, i) & OPTION_VERBS19:
        return False
    s0 = sent[0]
    start = _chain_start(t, i, s0)
    chain = t.lower[start:i]
    if any(w in NEGATIONS19 for w in chain):
        return False
    k = start - 1
    if k < s0 or t.text[k] not in READER_SUBJECTS:
        return False
    if chain and chain[0] in POSSIBLE_MODALS19:
        return True         # "du kan blive skrevet op", "om du kan blive rykket frem"
    m = k - 1               # inverted: the modal right before the reader ("kan du blive optaget", "vil du skrives op")
    if m < s0 or t.lower[m] in NEGATIONS19:
        return False
    if t.lower[m] in POSSIBLE_MODALS19:
        return True
    # "vil du" asks what the reader wants only at the head of its clause: "Vil du skrives op, så ring", "..., eller
    # vil du skrives op, ..."; "Derfor vil du blive optaget" is a future
    return t.lower[m] in WISH_MODALS19 and (m == s0 or t.punct[m - 1] or t.lower[m - 1] in COORDINATORS)


def _reader_relative19(t: TokenTable, i: int, sent: tuple[int, int], params: dict) -> bool:
    """ "handicapkørsel, som De allerede er visiteret til", "den hjælp, som du er bevilget": a relative clause on a noun
    with the reader as its subject, "være" and a grant (``GRANT_VERBS``, ``OPTION_VERBS19``) or "allerede": what the
    reader already has, said of the noun (as review 16's "den kørsel, De allerede er bevilget"). No finding. A
    refusal, a demand, a duty, a sanction or being told stays ("de regler, som De er gjort bekendt med", "det beløb,
    som du er afkrævet"), and so does a modal, a negation or "blive" in the chain."""
    lemmas = _lemmas16(t, i)
    if lemmas & (_lowered(tuple(params["duty_verbs"])) | READER_ACTS):
        return False
    listed = lemmas & _lowered(tuple(params["decision_verbs"]))
    s0 = sent[0]
    start = _chain_start(t, i, s0)
    chain = t.lower[start:i]
    if not chain or any(w in DUTY_MODALS16 or w in BLIVE or w in NEGATIONS19 for w in chain):
        return False
    k = start - 1
    if k - 3 < s0 or t.text[k] not in READER_SUBJECTS or t.lower[k - 1] not in REL_OPENERS or t.text[k - 2] != ",":
        return False
    if t.pos[k - 3] not in ("NOUN", "PROPN"):
        return False
    return bool(lemmas & (GRANT_VERBS | OPTION_VERBS19)) or ("allerede" in chain and not listed)
