"""The guard every suggestion passes before it is offered, and the whole letter before ``--apply`` writes it.

Rewrite kinds only propose; the guard decides. For each suggestion it puts
the replacement into its sentence and re-analyses that sentence, cheaply (word
lists and regular expressions; the parse of the original letter is not
redone), and

* **rejects** it (the suggestion is dropped, the finding stays) when the new
  sentence
  (a) breaks agreement: a determiner, article or possessive against the
      noun's gender and number ("denne brev", "din forhold" is fine, "dit
      ansøgning" is not), or leaves a determiner and adjective without their
      noun ("den endelige."), or a known broken pattern ("bedes du om at",
      "hvoraf ... står", "Vi bl.a. gav");
  (b) loses or changes a fact (``letterlab.facts``: amounts, dates, periods,
      §§, laws, names, placeholders, phone numbers, addresses, case numbers,
      the decision);
  (c) flips or drops a negation ("ikke", "ingen", "aldrig" ...);
  (d) brings in a word a rule flags (officialese, tone or any other word
      list, and a new s-passive such as "bedes");
  (e) turns a passive active with its subject acting on itself ("bliver du
      afmeldt" -> "afmelder du dig"): that names the wrong actor;
* **downgrades** it to not safe, with a Danish note why, when
  (f) it would mix the forms of address (see the plans below), or
  the word swap depends on context ("bevilge", "modtage", "indhente",
  "ophør", "jf."): offered, never applied as safe.

Whole-letter plans (``address_plan``): the form of address is the writer's
choice, so a letter that says De consistently is never switched to du by
default (the change is offered to read, with a note). De/Dem/Deres ->
du/dig/din/dit/dine is safe only in a letter that already mixes the two forms,
when every formal form has a safe suggestion (the letter is changed everywhere
or nowhere) and no formal greeting or closing ("Kære fru Madsen",
"Højagtelsesfuldt") would be left beside the du; "undertegnede" -> "jeg"/"mig" only
when every occurrence is safe and the letter is signed by a person. While a
letter keeps its formal address, no safe suggestion brings "du" in, and
while it changes to "du", none keeps "De".

A full CPR number is never copied into a suggestion: the guard puts the
merge field ``{cpr}`` in its place (issue #13: the rewritten letter holds no
CPR number; the privacy finding tells the writer to remove it).

``letter_guard(before_text, after_text)`` is the check of the whole letter
that ``rewrite_letter`` runs before it returns a text (``run.py``), using the
same tests on the whole letter.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from ..checks.privacy import NOT_CPR_BEFORE, find_cpr
from ..checks.wordlist import MODAL_WORDS
from ..checks.tone import kept_tone_problem
from ..facts import KIND_TITLES, diff_facts, extract_facts
from ..language.inflect import is_known_verb, noun_agreement
from ..report.model import Finding, Suggestion

if TYPE_CHECKING:
    from ..ruleset import RuleSet

MASKED_CPR_RE = rxcache.compile(r"\b\d{6}-?\*{4}")

NEGATIONS = {"ikke", "aldrig", "ingen", "intet", "ingenting", "hverken", "ej", "næppe", "nej", "uden", "ikk"}
# Word swaps whose meaning depends on the sentence: stems of the replaced words.
CONTEXT_STEMS = ("bevilg", "modtag", "indhent", "ophør", "jf.", "jf ")
# determiner/article/possessive -> the (number, gender) pairs it can stand before
DETERMINERS = {
    "denne": {("Sing", "Com")}, "dette": {("Sing", "Neut")}, "disse": {("Plur", "Com"), ("Plur", "Neut")},
    "din": {("Sing", "Com")}, "dit": {("Sing", "Neut")}, "dine": {("Plur", "Com"), ("Plur", "Neut")},
    "min": {("Sing", "Com")}, "mit": {("Sing", "Neut")}, "mine": {("Plur", "Com"), ("Plur", "Neut")},
    "sin": {("Sing", "Com")}, "sit": {("Sing", "Neut")}, "sine": {("Plur", "Com"), ("Plur", "Neut")},
    "en": {("Sing", "Com")}, "et": {("Sing", "Neut")}, "hver": {("Sing", "Com")}, "hvert": {("Sing", "Neut")},
    "intet": {("Sing", "Neut")}, "nogle": {("Plur", "Com"), ("Plur", "Neut")},
}
DU_FORMS = {"du", "dig", "din", "dit", "dine"}
FORMAL_FORMS = {"De", "Dem", "Deres"}
_WORD_RE = rxcache.compile(r"[\wæøåÆØÅé.'-]*[\wæøåÆØÅé]|[.,;:!?]")
# _WORD_RE backtracks over a run of "." "'" "-" once from every position in it (quadratic: 16,000 hyphens
# glued to a word took 17 s); runs longer than MAX_PUNCT_RUN are cut to their last MAX_PUNCT_RUN characters
# before it sees them, the same way on both sides of every comparison, so only such runs read differently.
MAX_PUNCT_RUN = 40
_PUNCT_RUN_RE = rxcache.compile(r"[.'-]{%d,}" % (MAX_PUNCT_RUN + 1))
# Broken patterns a word swap or reordering can leave behind (counted before and after).
BAD_PATTERNS = (
    rxcache.compile(r"\bbedes\s+(?:\w+\s+){0,2}om\s+at\b", re.I),
    rxcache.compile(r"\b(?:den|det|de|en|et)\s+[a-zæøå]+e\s*(?:[.,;:!?]|$|\b(?:og|eller|at|om|for|på|med)\b)", re.M),
    rxcache.compile(r"(?:^|[.!?]\s+|\n)(?:Vi|Du|Jeg)\s+(?:bl\.a\.|blandt andet|også|ikke|derfor|dog|altså|endvidere)\s+"
                    r"(?!mere\b)(?:[a-zæøå]+(?:r|de|te|ede)|gav|tog|fik|gik|lod|bad|kom|var|blev|så)\b"),
    rxcache.compile(r"\bvi\s+beror\b", re.I),
    rxcache.compile(r"\bfortal\w*\s+(?:\w+\s+){0,2}om,\s+at\b", re.I),          # "fortalt kommunen om, at"
    rxcache.compile(r"\bom\s+(?:\d{1,2}\.\s|samme\s+dato)", re.I),            # "om 1. april": "pr." before a date
    rxcache.compile(r"\bophører\s+til og med\b", re.I),
    rxcache.compile(r"\bsiges ja til\b", re.I),                                    # passive with a stranded "til"
    rxcache.compile(r"\bvi De\b"),                                                 # "bevilger vi De" (object form: Dem)
    rxcache.compile(r"\b(?:forinden|før|inden|når|hvis|såfremt)\s+som\b", re.I),  # expletive "der" read as relative
    rxcache.compile(r"\bfundet ud af\s+(?!at\b|om\b|hvor|hvad|hvem|hvilke|,)[a-zæøå]", re.I),
    rxcache.compile(r"(?<!\.)\.\.(?!\.)"),                                        # "kr.. Ved"
    rxcache.compile(r"\bfordi\s+(?:\w+\s+){0,2}dog\b", re.I),                     # "idet det dog" is no cause
)
# Spans a whole sentence: checked there, only when a replacement brings "står" in.
SENTENCE_PATTERN = rxcache.compile(r"\bhvoraf\b[^.!?\n]*\bstår\b", re.I)
# A moved message must not end at an abbreviation (the sentence was cut: "... til reg.nr. 1234, kontonr.").
ABBREVIATION_END_RE = rxcache.compile(r"\b(?:nr|kontonr|reg\.nr|regnr|tlf|pr|ca|jf|bl\.a|kl|mht|vedr|evt|dvs|fx)\.\s*$",
                                      re.I)
SENT_BOUNDARY = rxcache.compile(r"[.!?]\s+(?=[A-ZÆØÅ\"»(])|\n")
_NEAR = 200     # a sentence boundary is looked for this far back first (``_sentence_window``)
SIGNATURE_NAME_RE = rxcache.compile(r"^[ \t]*[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé.]+)+[ \t]*$", re.M)
NOT_PERSON = ("kommune", "center", "centret", "centeret", "afdeling", "forvaltning", "team", "hilsen", "venlig",
              "jobcenter", "borgerservice", "visitation", "styrelse")

NOTE_PLAN_DE = "Skift kun til du, hvis du gør det i hele brevet. Letterlab kan ikke skifte sikkert alle steder."
NOTE_KEEP_DE = ("Brevet bruger den høflige tiltale alle steder, og det er dit valg. Skift kun til du, hvis du "
                "retter hele brevet, også hilsenen.")
NOTE_GREETING = "Hilsenen er formel. Ret også den, hvis du skifter til du."
NOTE_PLAN_UNDERTEGNEDE = "Skriv jeg eller mig alle steder i brevet, og kun hvis én person skriver under."
NOTE_MIXED = "Forslaget bruger en anden tiltale end resten af brevet. Ret tiltalen i hele brevet først."
NOTE_CONTEXT = "Tjek betydningen: Ordet kan betyde noget andet i denne sætning."


@dataclass
class Verdict:
    reject: str | None = None       # why the suggestion is dropped (Danish)
    unsafe: str | None = None       # why it may not be applied as safe (Danish)


@dataclass
class AddressPlan:
    formal: bool = False            # the letter uses De/Dem/Deres
    convert: bool = False           # every formal form gets a safe du-form: the letter changes as a whole
    has_du: bool = False
    formal_greeting: bool = False   # "Kære fru Madsen", "Højagtelsesfuldt": the letter is formal there too
    undertegnede_ok: bool = True
    plural: bool = False            # the letter says "I"/"jer"/"jeres" to its readers and never "du"


# ---------------------------------------------------------------- helpers

def _memoised(memo: dict, fn, text: str):
    """``fn(text)``, kept in ``memo`` (emptied when it holds ``_WORDS_MEMO_MAX`` texts). For the pure functions
    of a text that the guard reads several times: within a letter, and across letters made from the same
    templates (their windows around an edit recur). The value is shared: do not modify it."""
    got = memo.get(text, _MISSING)
    if got is _MISSING:
        got = fn(text)
        if len(memo) >= _WORDS_MEMO_MAX:
            memo.clear()
        memo[text] = got
    return got


def _read_words(text: str) -> list[str]:
    if _PUNCT_RUN_RE.search(text):
        text = _PUNCT_RUN_RE.sub(lambda m: m.group(0)[-MAX_PUNCT_RUN:], text)
    return _WORD_RE.findall(text)


def _words(text: str) -> list[str]:
    """The words and marks of ``text`` (memoised: the guard reads the same strings in several tests; the list
    is shared, do not modify it)."""
    return _memoised(_WORDS_MEMO, _read_words, text)


def _lower_words(text: str) -> list[str]:
    """``[w.lower() for w in _words(text)]``, memoised like ``_words`` (shared, do not modify)."""
    return _memoised(_LOWER_MEMO, _read_lower_words, text)


def _read_lower_words(text: str) -> list[str]:
    return [w.lower() for w in _words(text)]


def _window_facts(text: str) -> list:
    """``extract_facts(text, letter=False)``, memoised (shared, do not modify)."""
    return _memoised(_FACTS_MEMO, _read_window_facts, text)


def _read_window_facts(text: str) -> list:
    return extract_facts(text, letter=False)


_MISSING = object()
_WORDS_MEMO: dict[str, list[str]] = {}
_LOWER_MEMO: dict[str, list[str]] = {}
_FACTS_MEMO: dict[str, list] = {}
_AGREEMENT_MEMO: dict[str, list[str]] = {}
_BAD_MEMO: dict[str, int] = {}
_WORDS_MEMO_MAX = 2048      # a letter reads a few hundred strings; about 3 kB each with the lower-case list
_DETERMINER_WORDS = frozenset(DETERMINERS)


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    a = start
    lo = max(0, start - 600)
    m = None
    near = max(lo, start - _NEAR)
    if near > lo:
        # The boundaries found from ``near`` are those found from ``lo`` once both scans try the same
        # position: a scan from ``lo`` that has a match across ``near`` ("." + white space) ends it at the
        # first character after ``near`` that is not white space, and the scan from ``near`` tries every
        # position up to there (only single "\n" can match in white space). So a last match that starts
        # there or later is the last match from ``lo`` too; otherwise the whole span is searched.
        for m in SENT_BOUNDARY.finditer(text, near, start):
            pass
        if m is not None:
            q = near
            while q < start and text[q].isspace():
                q += 1
            if m.start() >= q:
                lo = None
                a = m.end()
        m = None
    if lo is not None:
        for m in SENT_BOUNDARY.finditer(text, lo, start):
            a = m.end()
    if m is None and lo == 0:       # no boundary before the edit: the sentence starts the text
        a = 0
    m = SENT_BOUNDARY.search(text, end)
    b = m.start() + 1 if m else len(text)
    return min(a, start), max(b, end)


def _negations(text: str) -> int:
    return sum(map(NEGATIONS.__contains__, _words(text.lower())))


def agreement_errors(text: str) -> list[str]:
    """Determiner + (adjectives) + noun groups whose gender or number clash, as "det + noun" strings."""
    words = _words(text)
    lows = _lower_words(text)
    out: list[str] = []
    for k in [k for k, low in enumerate(lows) if low in _DETERMINER_WORDS]:
        low = lows[k]
        allowed = DETERMINERS[low]
        w = words[k]
        j = k + 1
        while j < len(words) and j < k + 3 and _looks_adjective_low(lows[j]):
            j += 1
        if j >= len(words):
            continue
        if low in ("en", "et") and j > k + 1:
            continue     # "en" may be a numeral or pronoun before an adjective: only adjacent pairs count
        noun = words[j]
        if not noun[:1].isalpha() or (noun[:1].isupper() and j > 0):
            continue
        agr = noun_agreement(noun)
        if agr is None:
            continue
        number, gender = agr
        if number is None:
            ok = any(g == gender for _, g in allowed)
        else:
            ok = (number, gender) in allowed
        if not ok:
            out.append(f"{w} {noun}")
    return out


def _looks_adjective(word: str) -> bool:
    return _looks_adjective_low(word.lower())


def _looks_adjective_low(low: str) -> bool:
    if noun_agreement(low) is not None:
        return False
    return low.endswith(("ige", "lige", "ske", "iske", "ede", "te", "ne", "ene", "re", "ny", "nye", "gode", "god",
                         "stor", "store", "egen", "eget", "egne", "nyt", "godt", "stort"))


# All of them in one pattern: one pass over the text (case-insensitive ones keep their flag inside).
BAD_RE = rxcache.compile("|".join(f"(?i:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})"
                             for p in BAD_PATTERNS + (SENTENCE_PATTERN,)), re.M)


# A word each pattern cannot match without (any of them; case-folded where the pattern ignores case). A
# text that holds none of a pattern's words is counted without that pattern: a branch that cannot match
# anywhere changes no match of the others, and the shorter pattern runs several times faster.
_NEEDS = (
    (True, ("bedes",)), (False, ("de", "en", "et")), (False, ("Vi", "Du", "Jeg")), (True, ("beror",)),
    (True, ("fortal",)), (True, ("om",)), (True, ("ophører",)), (True, ("siges ja til",)), (False, ("vi De",)),
    (True, ("som",)), (True, ("fundet ud af",)), (False, ("..",)), (True, ("fordi",)), (True, ("hvoraf",)),
)
_NEEDS_FOLDED = tuple((k, w) for k, (folded, words) in enumerate(_NEEDS) if folded for w in words)
_NEEDS_AS_IS = tuple((k, w) for k, (folded, words) in enumerate(_NEEDS) if not folded for w in words)
# The only characters that re.IGNORECASE matches to a letter of those words without being that letter in
# upper or lower case (İ ı ſ, the Kelvin and Ångström signs): a text with one is counted with every pattern.
_ODD_FOLD = rxcache.compile("[\u0130\u0131\u017f\u212a\u212b]")
_BAD_SUBSETS: dict[frozenset[int], re.Pattern] = {}
_MAX_SUBSETS = 12


def _bad_re_for(text: str) -> re.Pattern:
    if _ODD_FOLD.search(text):
        return BAD_RE
    low = text.lower()
    keep = frozenset([k for k, w in _NEEDS_FOLDED if w in low] + [k for k, w in _NEEDS_AS_IS if w in text])
    pattern = _BAD_SUBSETS.get(keep)
    if pattern is None:
        # any compiled subset that holds every pattern present will do (the others cannot match);
        # compiling is slow, so only the first few subsets are compiled, then the whole pattern serves
        pattern = next((rx for ks, rx in _BAD_SUBSETS.items() if keep <= ks), None)
        if pattern is None and len(_BAD_SUBSETS) < _MAX_SUBSETS:
            branches = BAD_PATTERNS + (SENTENCE_PATTERN,)
            pattern = re.compile("|".join(
                f"(?i:{branches[k].pattern})" if branches[k].flags & re.I else f"(?:{branches[k].pattern})"
                for k in sorted(keep)) or "(?!)", re.M)
        pattern = _BAD_SUBSETS[keep] = pattern or BAD_RE
    return pattern


def _bad_patterns(text: str) -> int:
    """How many broken patterns (``BAD_PATTERNS`` and ``SENTENCE_PATTERN``, one pass) ``text`` holds."""
    return len(_bad_re_for(text).findall(text))


# An edit whose old and new text hold none of these cannot lose or change a fact (a lower-case word swap):
# digits, §, placeholders, addresses, capitals (names, a word that starts a sentence), laws and periods.
FACTY_RE = rxcache.compile(r"[\d§{«\[<@A-ZÆØÅ]|www|http|lov|uge|dag|måned|år\b|time")

# The decision and the appeal guide belong to the whole letter; one sentence's wording says too little.
LETTER_KINDS = {"decision", "appeal", "appeal_deadline"}


def _fact_loss(before: str, after: str, whole_letter: bool = False) -> list[str]:
    if whole_letter:
        fb, fa = extract_facts(before), extract_facts(after)
    else:
        fb = _window_facts(before)
        if not fb:
            return []       # no fact in the words before: none can be lost or changed (``diff_facts``)
        fa = _window_facts(after)
    d = diff_facts(fb, fa)
    lost = [f"{KIND_TITLES[f.kind].lower()} ({f.text})" for f in d["missing"]]
    lost += [f"{KIND_TITLES[a.kind].lower()} ({a.text} -> {b.text})" for a, b in d["changed"]]
    return lost


def _flagged_words(rules: RuleSet | None) -> frozenset[str]:
    """Every one-word form a word-list rule flags (cached on the rule set)."""
    if rules is None:
        return frozenset()
    cached = getattr(rules, "_guard_words", None)
    if cached is not None:
        return cached
    from ..checks.wordlist import compiled

    words: set[str] = set()
    for rule in rules.rules:
        if rule.kind != "wordlist" or not rule.enabled:
            continue
        for entry in compiled(rule.params["entries"]).entries:
            if len(entry.words) == 1 and not entry.case:
                w = entry.words[0]
                words.update(f.lower() for f in w.forms | {w.text})
    out = frozenset(words)
    try:
        rules._guard_words = out
    except AttributeError:
        pass
    return out


def _is_s_passive(low: str) -> bool:
    return low.endswith("es") and len(low) > 4 and is_known_verb(low[:-1]) and low not in ("mødes", "findes")


def _new_flagged(original: str, replacement: str, flagged: frozenset[str]) -> list[str]:
    """Words of ``replacement`` a rule would flag that ``original`` had no form of."""
    had = set(_lower_words(original))
    had_passive = any(_is_s_passive(w) for w in had)
    had5 = {h[:5] for h in had if len(h) >= 5}
    out = []
    for w, low in zip(_words(replacement), _lower_words(replacement)):
        if low in had or not low[:1].isalpha() or low[:5] in had5:
            continue
        if low in flagged:
            out.append(w)
        elif not had_passive and _is_s_passive(low):
            out.append(w)      # a new s-passive ("bedes")
    return out


# ---------------------------------------------------------------- the letter's address plans

def address_plan(text: str, findings: Iterable[Finding]) -> AddressPlan:
    plan = AddressPlan()
    formal = [f for f in findings if f.category == "address" and f.text in FORMAL_FORMS]
    plan.formal = bool(formal)
    plan.has_du = any(w.lower() in DU_FORMS for w in _words(text))
    plan.formal_greeting = formal_greeting(text)
    # only a letter that already mixes De and du is made consistent by default, and never under a formal greeting;
    # a letter that says De throughout gets one De note whose switch is not safe, unless the municipality writes
    # du (``consistent = "each"`` in its rules: a safe De -> du on every form), so the switch is the house's choice
    plan.convert = (plan.formal and not plan.formal_greeting
                    and all(any(s.safe for s in f.suggestions) for f in formal))
    plan.plural = not plan.has_du and not plan.formal and plural_address(text)
    under = [f for f in findings if f.category == "address" and f.text.lower() == "undertegnede"]
    if under:
        k = text.lower().rfind("hilsen")
        tail = text[k + 6:] if k >= 0 else "\n".join([ln for ln in text.splitlines() if ln.strip()][-4:])
        signed = any(not any(x in m.group(0).lower() for x in NOT_PERSON)
                     for m in SIGNATURE_NAME_RE.finditer(tail))
        plan.undertegnede_ok = signed and all(any(s.safe for s in f.suggestions) for f in under)
    return plan


def _address_verdict(original: str, s: Suggestion, plan: AddressPlan, is_plan_item: bool) -> str | None:
    """Why ``s`` may not be safe under the letter's address plan (None when it may)."""
    if is_plan_item:
        return None
    new_words = _words(s.replacement)
    old = set(_lower_words(original))
    brings_du = any(w in DU_FORMS and w not in old for w in _lower_words(s.replacement))
    keeps_formal = any(w in FORMAL_FORMS for w in new_words)
    if brings_du and plan.formal and not plan.convert:
        return NOTE_MIXED
    if keeps_formal and plan.convert:
        return NOTE_MIXED
    return None


# ---------------------------------------------------------------- one suggestion

def _local_window(text: str, start: int, end: int, a: int, b: int, margin: int = 60) -> tuple[int, int]:
    """Up to ``margin`` characters either side of the edit, inside the sentence, cut at white space."""
    la = max(a, start - margin)
    while la > a and not text[la - 1].isspace():
        la -= 1
    lb = min(b, end + margin)
    while lb < b and not text[lb].isspace():
        lb += 1
    return la, lb


MSG_SAME = "Forslaget ville ikke ændre noget, når brevet bruger den høflige tiltale."
MSG_SELF = "Forslaget ville gøre den, som det sker for, til den, der handler."
# A subject and the object form of the same person: "du ... dig", "De ... Dem", "vi ... os".
SAME_PERSON = (("du", "dig"), ("De", "Dem"), ("vi", "os"), ("jeg", "mig"))   # not "I": also "I dag"


def _acts_on_itself(original: str, rep: str) -> bool:
    """A passive turned active whose new subject acts on itself ("bliver du afmeldt" -> "afmelder du dig").

    The passive's subject is the one something happens to; a reflexive object the original did not have
    makes it the actor, which names the wrong party.
    """
    return any(_PERSON_RE[subj].search(rep) and _PERSON_RE[obj].search(rep) and not _PERSON_RE[obj].search(original)
               for subj, obj in SAME_PERSON)


# r"\bword\b" for each word of SAME_PERSON, case-insensitive unless it is capitalised ("De", "Dem")
_PERSON_RE = {w: rxcache.compile(rf"\b{w}\b", 0 if w[0].isupper() else re.I) for pair in SAME_PERSON for w in pair}


MSG_GLUED = "Forslaget ville ødelægge et flettefelt eller et ord, som tegnet står i."
_MARKS = set(".,;:!?")


def _glued_mark(text: str, start: int, end: int) -> bool:
    """A punctuation-only edit on a mark glued to the word after it ("!barn", "!dato"): a merge field, not a mark.

    A sentence mark is followed by white space, a quote or the end; "!" or "?" before a letter is part of
    a token the reader never sees as punctuation.
    """
    original = text[start:end]
    if not original or not set(original) <= _MARKS:
        return False
    nxt = text[end:end + 1]
    return nxt.isalpha() and not (original in (".", ",") and start > 0 and text[start - 1].isdigit())


MSG_RULE = "Sætningen gengiver en regel i loven. Der er det kommunen og ikke jer, der kan eller må noget."
_RULE_MODAL_RE = rxcache.compile(r"\s+(?:kan|må)\b(?:\s+(?:kun|ikke|også|altid|først))*\s+(?!hermed\b)[a-zæøå]", re.I)
_LAW_RE = rxcache.compile(r"§|\blov(?:en|ens|s)?\b|\w+lovens?\b|\bbekendtgørelse", re.I)


_ONLY_WHEN_RE = rxcache.compile(r"\s+(?:kan|må)\s+(?:ikke\s+)?kun\b", re.I)
_MODAL_BEFORE_RE = rxcache.compile(r"\b(?:kan|må)\s+$", re.I)


def _states_a_rule(text: str, start: int, end: int, sentence_end: int) -> bool:
    """ "Kommunen må kun betale ..., når ... Det står i færdselslovens § 92": the sentence paraphrases a rule.

    A modal of permission (kan, må) goes with the sender word ("Kommunen kan kun", "må kommunen ikke"; not the
    officialese "skal hermed"), and a law or §
    is cited in the sentence or the one after it; "vi" would turn the rule into the office's own choice.
    """
    after = _RULE_MODAL_RE.match(text, end)
    if not (after or _MODAL_BEFORE_RE.search(text, max(0, start - 12), start)):
        return False
    if after and _ONLY_WHEN_RE.match(text, end) and re.search(r"\b(?:når|hvis)\b", text[end:sentence_end]):
        return True     # "Kommunen må kun betale ..., når ...": the limit the law sets
    m = SENT_BOUNDARY.search(text, sentence_end)
    nxt_end = m.end() if m else len(text)
    m2 = SENT_BOUNDARY.search(text, nxt_end)
    return _LAW_RE.search(text, end, m2.start() + 1 if m2 else len(text)) is not None


def check_suggestion(text: str, s: Suggestion, plan: AddressPlan | None = None,
                     flagged: frozenset[str] = frozenset(), kind_of_finding: str = "",
                     memo: dict | None = None) -> tuple[Suggestion, Verdict]:
    """The suggestion (CPR numbers replaced by {cpr}) and the guard's verdict on it.

    Facts and agreement are read in a window of a few words around the edit (an edit cannot change a fact
    farther away); broken patterns in the whole sentence. ``memo`` keeps what was read of the original
    text between the suggestions of one letter.
    """
    memo = {} if memo is None else memo
    v = Verdict()
    original = text[s.start:s.end]
    rep = s.replacement
    cprs = find_cpr(rep, NOT_CPR_BEFORE)
    if cprs or "****" in rep:
        for a, b, _ in reversed(cprs):
            rep = rep[:a] + "{cpr}" + rep[b:]
        rep = MASKED_CPR_RE.sub("{cpr}", rep)     # the report model masks numbers in suggestions: "010190-****"
        s = replace(s, replacement=rep)
    if rep.startswith(".") and text[:s.start].endswith("."):
        rep = rep[1:]          # a split after "kr.": one full stop ends the sentence
        s = replace(s, replacement=rep)
    win = memo.get(("window", s.start, s.end))
    if win is None:
        win = memo[("window", s.start, s.end)] = _sentence_window(text, s.start, s.end)
    a, b = win
    before = text[a:b]
    after = text[a:s.start] + rep + text[s.end:b]
    if s.kind in ("move", "heading"):
        # message-first moves are never safe and are checked as a whole letter; a cut sentence is refused
        first = rep.split("\n\n", 1)[0]
        if s.kind == "move" and ABBREVIATION_END_RE.search(first):
            v.reject = "Forslaget ville klippe en sætning over ved en forkortelse."
        return s, v

    if _glued_mark(text, s.start, s.end):
        v.reject = MSG_GLUED
        return s, v
    if s.kind == "address" and rep.lower() == "vi" and _states_a_rule(text, s.start, s.end, b):
        v.reject = MSG_RULE
        return s, v
    la, lb = _local_window(text, s.start, s.end, a, b)
    before_l = text[la:lb]
    after_l = text[la:s.start] + rep + text[s.end:lb]
    if s.kind != "privacy" and (FACTY_RE.search(original) or FACTY_RE.search(rep)):
        lost = _fact_loss(before_l, after_l)
        if lost:
            v.reject = "Forslaget ville fjerne eller ændre: " + ", ".join(lost) + "."
            return s, v
    if s.kind == "passive" and _acts_on_itself(original, rep):
        v.reject = MSG_SELF
        return s, v
    if _negations(original) != _negations(rep):
        v.reject = "Forslaget ville ændre et \"ikke\" eller et andet nægtende ord."
        return s, v
    errs = _memoised(_AGREEMENT_MEMO, agreement_errors, after_l)
    if errs:
        had = _memoised(_AGREEMENT_MEMO, agreement_errors, before_l)
        errs = [e for e in errs if e not in had]
    # broken patterns: in the words around the edit, and "hvoraf ... står" in the whole sentence
    n_bad = _memoised(_BAD_MEMO, _bad_patterns, after_l)
    bad = n_bad > 0 and n_bad > _memoised(_BAD_MEMO, _bad_patterns, before_l)     # none after the edit: none new
    if not bad and "står" in rep:
        bad = len(SENTENCE_PATTERN.findall(after)) > len(SENTENCE_PATTERN.findall(before))
    if errs or bad:
        v.reject = "Forslaget ville give en grammatisk fejl" + (f" ({errs[0]})." if errs else ".")
        return s, v
    new = _new_flagged(original, rep, flagged)
    if new:
        v.reject = f"Forslaget ville give et nyt fund ({new[0]})."
        return s, v
    clash = _neighbour_clash(text, s.start, s.end, original, rep, before_l, after_l)
    if clash:
        v.reject = clash
        return s, v
    if plan is not None and plan.convert and kind_of_finding != "plan" and any(w in FORMAL_FORMS for w in _words(rep)):
        converted = _to_du(rep)
        if converted is not None:
            rep = converted
            s = replace(s, replacement=rep)
            after = text[a:s.start] + rep + text[s.end:b]
    elif plan is not None and plan.formal and not plan.has_du and kind_of_finding != "plan":
        # a letter that says De everywhere keeps it: a rewrite that brings in "du" says "De" instead
        converted = _to_formal(rep, original)
        if converted != rep:
            rep = converted
            s = replace(s, replacement=rep)
            if rep == original:
                v.reject = MSG_SAME
                return s, v
    if plan is not None and plan.plural and _brings_du(original, rep):
        v.reject = MSG_PLURAL       # "Du er velkommen til ..." in a letter to "I": the wrong form of address
        return s, v
    if _lower_at_sentence_start(text, s.start, original, rep):
        v.unsafe = v.unsafe or NOTE_LOWER_START
    if plan is not None:
        why = _address_verdict(original, s, plan, kind_of_finding == "plan")
        if why:
            v.unsafe = why
    low = original.lower() + " "
    if s.kind in ("jargon", "terms", "nominalisation", "replace") and any(st in low for st in CONTEXT_STEMS):
        v.unsafe = v.unsafe or NOTE_CONTEXT
    if not rep.strip() and original.strip().lower() in PERFORMATIVES \
            and _one_of_before(text, s.start, a, MODAL_WORDS) and not _announces(text, s.end):
        v.unsafe = v.unsafe or NOTE_PERFORMATIVE
    repeat = _coordinated_repeat(text, s.start, s.end, original, rep, b)
    if repeat:
        v.unsafe = v.unsafe or (NOTE_REPEAT if repeat[1] else NOTE_REPEAT_CHECK).format(old=repeat[0], new=repeat[1])
    if original.strip().lower() == "samt" and rep.strip().lower() == "og" \
            and _one_of_before(text, s.start, a, _PHRASE_OPENERS) and _bare_phrase_after(text, s.end):
        v.unsafe = v.unsafe or NOTE_SAMT
    return s, v


# ---------------------------------------------------------------- a swap and its neighbours

# Prepositions a swap may change at its end ("fremgår af" -> "står i", "i henhold til" -> "efter").
PREPOSITIONS = {"af", "i", "på", "til", "fra", "med", "om", "for", "over", "under", "efter", "hos", "ved", "mod",
                "gennem", "uden", "blandt", "inden", "omkring", "angående", "vedrørende"}
NOTE_REPEAT = 'Ret også "{old}" længere henne i sætningen til "{new}", så det passer til det nye udtryk.'
NOTE_REPEAT_CHECK = 'Tjek "{old}" længere henne i sætningen. Det passer måske ikke til det nye udtryk.'


def _coordinated_repeat(text: str, start: int, end: int, original: str, rep: str, sentence_end: int
                        ) -> tuple[str, str] | None:
    """A swap that changes the preposition it ends with, while the sentence repeats the old one after "og",
    "eller" or a comma: "fremgår af din ansøgning og af udtalelsen" -> "står i din ansøgning og af udtalelsen".
    Returns (old, new) for the note, or None."""
    old_words, new_words = _words(original), _words(rep)
    if not old_words or not new_words:
        return None
    old_p, new_p = old_words[-1].lower(), new_words[-1].lower()
    if old_p not in PREPOSITIONS or old_p == new_p:
        return None
    # the phrase the swap opens: up to a comma that starts another clause, not one more "af ..." of a list
    # ("... i henhold til loven, og De har ret til at deltage og til at ..." repeats another "til")
    rest = text[end:min(sentence_end, end + 120)]
    prep = re.escape(old_p)
    stop = re.search(rf",(?!\s+{prep}\b)", rest, re.I)
    if stop:
        rest = rest[:stop.start()]
    if re.search(rf"(?:\b(?:og|eller|samt)|,)\s+{prep}\b", rest, re.I):
        return old_p, new_p if new_p in PREPOSITIONS else ""
    return None


# Adverbs that may stand between a verb and its "at" ("agter derfor at").
_MIDDLE_ADVERBS = r"(?:derfor|ikke|også|dog|nu|snart|gerne|altså|således|hermed|herved|fortsat|endvidere|desuden)"
_AT_INFINITIVE_RE = rxcache.compile(r"(?:\s+%s)*\s+at\s+(?!(?:vi|du|de|jeg|han|hun|i|man|der|det|den)\b)[a-zæøå]"
                                    % _MIDDLE_ADVERBS, re.I)   # "vil at vi ..." (want that) is a clause, not an infinitive
# Words that may stand twice in a row ("Det, det drejer sig om").
_MAY_DOUBLE = {"det", "der", "den", "de", "som", "hvad"}
MSG_AT = 'Forslaget ville give en grammatisk fejl: Efter "{modal}" står der ikke "at".'
MSG_DOUBLE = 'Forslaget ville give det samme ord to gange i træk ("{word}").'
# Words that make a sentence an act done now ("Der skal hermed anmodes om"); after a modal they carry it.
PERFORMATIVES = {"hermed", "herved"}
NOTE_PERFORMATIVE = ('Efter "skal" eller "vil" gør "hermed" sætningen til noget, der sker nu. Uden ordet siger '
                     'sætningen kun, at det skal ske. Skriv hellere fx "Vi beder om ...".')


def _doubled(text: str) -> list[str]:
    """Words that stand twice in a row, also across a comma ("om, om")."""
    words = [w for w in _lower_words(text) if w != ","]
    return [a for a, b in zip(words, words[1:]) if a == b and a[:1].isalpha() and a not in _MAY_DOUBLE]


def _neighbour_clash(text: str, start: int, end: int, original: str, rep: str, before_l: str,
                     after_l: str) -> str | None:
    """Why the replacement does not fit the words around it, or None.

    A modal for a verb that took "at" and an infinitive ("agter at lukke" -> "vil at lukke"), or a word
    next to the same word ("oplysning om, hvorvidt" -> "om, om").
    """
    new_words = _words(rep)
    old_words = _words(original)
    if new_words and new_words[-1].lower() in MODAL_WORDS and (not old_words or old_words[-1].lower()
                                                                not in MODAL_WORDS):
        if _AT_INFINITIVE_RE.match(text, end):
            return MSG_AT.format(modal=new_words[-1].lower())
    doubled = _doubled(after_l)
    if doubled and len(doubled) > len(_doubled(before_l)):
        return MSG_DOUBLE.format(word=doubled[-1])
    return None


# Words that open a phrase "samt" may join at a higher level than "og" would ("tønder med olie samt batterier").
_PHRASE_OPENERS = {"med", "af", "til", "for", "fra", "uden", "om", "i", "på", "og", "eller", "hos", "under"}
NOTE_SAMT = ('Tjek, at "og" binder de samme ord sammen som "samt". Med "og" kan læseren tro, at det, der står '
             "efter, hører til ordene lige før.")


# Words that open a new phrase of its own after "og" ("og en renovering", "og Deres"): no doubt what is joined.
_PHRASE_STARTS = {"en", "et", "den", "det", "de", "din", "dit", "dine", "deres", "vores", "jeres", "sin", "sit",
                  "sine", "hans", "hendes", "denne", "dette", "disse", "at"}


def _bare_phrase_after(text: str, end: int) -> bool:
    """The words after "samt" start with neither an article nor a verb ("samt 3 bilbatterier", "samt kontoudtog")."""
    nxt = _words(text[end:end + 40])[:1]
    if not nxt:
        return False
    w = nxt[0].lower()
    return w not in _PHRASE_STARTS and not (w.endswith("e") and is_known_verb(w))


def _announces(text: str, end: int) -> bool:
    """ "skal (undertegnede) hermed meddele(s), at": the fixed formula announces even without "hermed"."""
    words = [w.lower() for w in _words(text[end:end + 40])][:3]
    return any(w in ("meddele", "meddeles") for w in words)


def _one_of_before(text: str, start: int, sentence_start: int, words: set[str]) -> bool:
    """One of ``words`` among the three words before ``start`` in its sentence: a modal ("Der skal hermed"), or
    a preposition or "og" before "samt" (then "og" may join the wrong words)."""
    return any(w.lower() in words for w in _words(text[max(sentence_start, start - 40):start])[-3:])


_DU_WORD_RE = rxcache.compile(r"\b(du|dig|din|dit|dine)\b", re.I)
TO_FORMAL = {"du": "De", "dig": "Dem", "din": "Deres", "dit": "Deres", "dine": "Deres"}


def _to_formal(text: str, original: str) -> str:
    """``text`` with the du forms that ``original`` lacks turned into De/Dem/Deres (always capitalised)."""
    had = {w.lower() for w in _words(original)}
    return _DU_WORD_RE.sub(lambda m: m.group(0) if m.group(0).lower() in had else TO_FORMAL[m.group(0).lower()],
                           text)


def _to_du(text: str) -> str | None:
    """``text`` with De/Dem/Deres turned into du/dig/din/dit/dine (None when a possessive's noun is unknown)."""
    out = []
    words = list(re.finditer(r"\S+", text))
    for k, m in enumerate(words):
        w = m.group(0)
        core = w.rstrip(".,;:!?")
        tail = w[len(core):]
        if core in ("De", "Dem"):
            new = {"De": "du", "Dem": "dig"}[core]
            if k == 0:
                new = new.capitalize()
            out.append((m.start(), m.end(), new + tail))
        elif core == "Deres":
            if k + 1 >= len(words):
                return None
            agr = noun_agreement(words[k + 1].group(0).rstrip(".,;:!?"))
            if agr is None:
                return None
            number, gender = agr
            new = "dine" if number == "Plur" else {"Com": "din", "Neut": "dit"}[gender] if number else None
            if new is None:
                return None
            out.append((m.start(), m.end(), (new.capitalize() if k == 0 else new) + tail))
    for a, b, new in reversed(out):
        text = text[:a] + new + text[b:]
    return text


def follow_address_choice(text: str, chosen: list[Suggestion]) -> list[Suggestion]:
    """``chosen`` with the formal forms of the other rewrites turned into du when De -> du is chosen too.

    In a De letter a rewrite says "De" (``check_suggestion``); with ``--apply all`` the De -> du hints are
    applied as well, and the rewrites must then follow them, or the letter would say both.
    """
    if not any(s.kind == "address" and text[s.start:s.end] in FORMAL_FORMS for s in chosen):
        return chosen
    out = []
    for s in chosen:
        if s.kind != "address" and any(w in FORMAL_FORMS for w in _words(s.replacement)):
            converted = _to_du(s.replacement)
            if converted is not None:
                s = replace(s, replacement=converted)
        out.append(s)
    return out


def _with_note(s: Suggestion, note: str) -> Suggestion:
    joined = note if not s.note else (s.note if note in s.note else f"{s.note} {note}")
    return replace(s, safe=False, note=joined, confidence=min(s.confidence, 0.6))


def guard_suggestions(text: str, suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Suggestions made outside the findings (message first): rejected ones dropped."""
    out = []
    for s in suggestions:
        s2, v = check_suggestion(text, s)
        if not v.reject:
            out.append(replace(s2, safe=False, note=(s2.note + " " + v.unsafe).strip()) if v.unsafe and s2.safe
                       else s2)
    return out


MSG_KEEPS_TONE = 'Forslaget ville beholde "{words}", som lyder hårdt.'


def guard_findings(text: str, findings: list[Finding], rules: RuleSet | None = None, doc=None) -> list[Finding]:
    """``findings`` with every suggestion guarded: rejected ones dropped, unsure ones no longer safe.

    With ``doc``, a passive that got no active rewrite because its actor is unknown says so in its message.
    """
    if doc is not None and doc.user_data.get("letterlab_passive_why"):
        from .active import no_active_reason

        findings = [replace(f, message=f"{f.message} {no_active_reason(doc, f.start)}")
                    if f.category == "passive" and not f.suggestions and no_active_reason(doc, f.start) else f
                    for f in findings]
    if not any(f.suggestions for f in findings):
        return findings
    plan = address_plan(text, findings)
    flagged = _flagged_words(rules)
    memo: dict = {}
    out: list[Finding] = []
    tone = [f for f in findings if f.category == "tone"]
    for f in findings:
        if not f.suggestions:
            out.append(f)
            continue
        kept: list[Suggestion] = []
        reasons: list[str] = []
        plan_item = f.category == "address" and (f.text in FORMAL_FORMS or f.text.lower() == "undertegnede")
        for s in f.suggestions:
            harsh = (kept_tone_problem(tone, s.start, s.end, s.replacement)
                     if f.category != "tone" and s.kind not in ("move", "heading") else None)   # a move adds no words
            if harsh:
                reasons.append(MSG_KEEPS_TONE.format(words=harsh))
                continue        # a rewrite that writes the harsh words again does not pass the tone rules (issue 12)
            s2, v = check_suggestion(text, s, plan, flagged, "plan" if plan_item else "", memo)
            if v.reject:
                reasons.append(v.reject)
                continue
            if plan_item and f.text in FORMAL_FORMS and s2.safe and not plan.convert:
                s2 = _with_note(s2, NOTE_KEEP_DE if not plan.has_du
                                else NOTE_GREETING if plan.formal_greeting else NOTE_PLAN_DE)
            elif plan_item and f.text.lower() == "undertegnede" and s2.safe and not plan.undertegnede_ok:
                s2 = _with_note(s2, NOTE_PLAN_UNDERTEGNEDE)
            elif v.unsafe and s2.safe:
                s2 = _with_note(s2, v.unsafe)
            elif v.unsafe and v.unsafe not in s2.note:
                s2 = replace(s2, note=(s2.note + " " + v.unsafe).strip())
            kept.append(s2)
        if kept == list(f.suggestions):
            out.append(f)
            continue
        message = f.message
        if not kept and reasons:
            message = f"{message} Letterlab foreslår ingen omskrivning her. {reasons[0]}".strip()
        out.append(replace(f, suggestions=tuple(kept), message=message))
    return out


# ---------------------------------------------------------------- the whole letter

MSG_MIXED = "Brevet blander den høflige tiltale med du."
MSG_AGREEMENT = "Bøjningen passer ikke: {what}."
MSG_LOST = "Den nye udgave mangler et faktum eller har et andet: {what}."
MSG_CPR = "Brevet indeholder stadig et CPR-nummer."


def formal_address_count(text: str) -> int:
    """Formal forms: Dem/Deres anywhere, De inside a sentence (a sentence-initial De may be "they")."""
    n = 0
    for m in re.finditer(r"\b(De|Dem|Deres)\b", text):
        if m.group(1) != "De":
            n += 1
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and text[j] not in ".!?:\n\"»(-•*":
            n += 1
    return n


def du_count(text: str) -> int:
    return sum(1 for w in _words(text) if w.lower() in DU_FORMS)


# A greeting with a title ("Kære fru Madsen", "Kære hr. Berg") or a formal closing addresses the reader as De does.
FORMAL_GREETING_RE = rxcache.compile(r"^[ \t]*(?:(?:Kære|Til)[ \t]+(?:fru|hr\.?|frk\.|frøken)[ \t]+[A-ZÆØÅ]"
                                     r"|Højagtelsesfuldt\b|Ærbødigst\b)", re.M)


def formal_greeting(text: str) -> bool:
    """Whether the letter opens or closes in the formal register ("Kære fru Madsen", "Højagtelsesfuldt")."""
    return FORMAL_GREETING_RE.search(text) is not None


def mixed_address(text: str) -> bool:
    """Whether the letter addresses the reader both formally (De/Dem/Deres or a formal greeting) and with du."""
    return (formal_address_count(text) > 0 or formal_greeting(text)) and du_count(text) > 0


def letter_guard(before: str, after: str, memo: dict | None = None) -> list[dict[str, str]]:
    """What the rewritten letter broke: [{"check", "category", "message"}] (empty when it passes).

    ``memo`` keeps what was read of ``before`` between calls on versions of the same letter.
    """
    memo = {} if memo is None else memo
    if memo.get("text") != before:
        memo.clear()
        memo.update(text=before, mixed=mixed_address(before), agreement=agreement_errors(before),
                    facts=extract_facts(before))
    problems: list[dict[str, str]] = []
    if mixed_address(after) and not memo["mixed"]:
        problems.append({"check": "address", "category": "address", "message": MSG_MIXED})
    new_err = [e for e in agreement_errors(after) if e not in memo["agreement"]]
    if new_err:
        problems.append({"check": "agreement", "category": "readability",
                         "message": MSG_AGREEMENT.format(what=", ".join(new_err[:3]))})
    d = diff_facts(memo["facts"], extract_facts(after))
    lost = [f"{KIND_TITLES[f.kind].lower()} ({f.text})" for f in d["missing"]]
    lost += [f"{KIND_TITLES[a.kind].lower()} ({a.text} -> {b.text})" for a, b in d["changed"]]
    if lost:
        problems.append({"check": "facts", "category": "genre", "message": MSG_LOST.format(what=", ".join(lost[:4]))})
    if find_cpr(after, NOT_CPR_BEFORE):
        problems.append({"check": "cpr", "category": "privacy", "message": MSG_CPR})
    return problems


# ---------------------------------------------------------------- review 13: "I" letters, a small letter first

MSG_PLURAL = 'Forslaget siger "du", men brevet skriver "I" til læserne.'
NOTE_LOWER_START = "Forslaget begynder en sætning med et lille bogstav. Tjek sætningen, før du bruger det."
# "I" as the reader: before a verb ("I har søgt", "Hvis I flytter"), or "jer"/"jeres" anywhere ("I dag" is no reader).
_PLURAL_RE = rxcache.compile(r"\bjer(?:es)?\b|\bJer(?:es)?\b|\bI\s+(?:har|er|kan|skal|vil|må|får|bliver|bedes|havde|var|"
                             r"kunne|skulle|ville|fik|blev|bor|søger|ønsker|modtager|kommer|mangler|ikke)\b")


def plural_address(text: str) -> bool:
    """Whether the letter speaks to its readers as "I" (jer, jeres): a letter to a couple or a family."""
    return _PLURAL_RE.search(text) is not None


def _brings_du(original: str, rep: str) -> bool:
    """The replacement says du/dig/din/dit/dine, and the replaced text did not."""
    old = {w.lower() for w in _words(original)}
    return any(w.lower() in DU_FORMS and w.lower() not in old for w in _words(rep))


def _lower_at_sentence_start(text: str, start: int, original: str, rep: str) -> bool:
    """The replacement puts a small letter where a sentence starts ("A/S. du kører"), where the original had none."""
    if not rep[:1].islower() or original[:1].islower():
        return False
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0:
        return True
    if text[k - 1] == "\n":
        j = k - 1
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        return j == 0 or text[j - 1] in "\n.!?:"     # a new paragraph or line after a full sentence, not a wrap
    if text[k - 1] not in ".!?":
        return False
    return not ABBREVIATION_END_RE.search(text[max(0, k - 12):k])
