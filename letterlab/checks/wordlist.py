"""Word lists (kind ``wordlist``): officialese ("kancellisprog") and an organisation's own terms.

A rule lists ``entries``, each an inline table::

    { match = "fremsende", replace = ["sende"], pos = "VERB" }
    { match = "i henhold til", replace = ["efter"] }
    { match = "hermed", replace = [""], note = "Slet ordet." }
    { match = "henlede (din) opmærksomhed på", replace = ["gøre opmærksom på"] }

Keys: ``match`` (a lemma or a phrase of lemmas/words; a word in parentheses
is optional), ``replace`` (alternatives, best first; ``""`` means delete;
``[]`` means no fixed replacement, explain in ``note``), and optionally
``pos`` (the word class of a one-word match; it restricts matching and guides
inflection), ``forms`` (extra surface forms the lemmatizer may miss), ``note``
(shown to the user), ``safe`` (true/false: overrides whether
``--apply safe`` may use the first replacement), ``case`` (true: match
the exact spelling, for terms where only the capitalisation is wrong), and
the keys that leave another sense of the words alone (``_other_sense``):
``mild``, ``unless_after``, ``unless_in_sentence``, ``unless_last``,
``unless_reflexive`` (true: not with a reflexive pronoun, "orientere sig om"
is "find out") and ``only_before_date`` (true: only before a date, "pr. 1.
maj"; "10 kr. pr. dag" and "pr. stk." are rates). ``unsafe_after`` (words
before the match) keeps the finding and its suggestion but leaves the first
replacement out of ``--apply safe`` there: "indsigelser vedrørende" wants
"mod", not "om".

Matching is case-insensitive, on a token's lemma or its lower-case form, and
on every form ``letterlab.language.inflect.word_forms`` generates for the
lemma, so "fremsendes", "fremsendte" and "fremsendt" all match "fremsende"
even when the lemmatizer errs. A phrase may run over a single line break, not
over a sentence boundary. Placeholders never match, nor do words the writer cannot
rewrite (``_cited_name``): a law's official title ("lov om opkrævning og inddrivelse af
visse fordringer", up to its first verb or person) and a quotation ("Du skrev: »...«"). At each position the
longest match wins, and findings never overlap.

The replacement gets the inflection of the matched word
(``inflect.inflect``) and its capitalisation (``base.match_case``). It is
*safe* when it is the first alternative, its form is certain and it does not
change the sentence's structure: a one-word match replaced by one word, a
fixed phrase by a fixed phrase, or a single word deleted inside a sentence.

No rewrite rather than a wrong one: an alternative is left out when its form
is uncertain or it does not fit the sentence (``_misfit``): a passive the
replacement has none of ("er modtaget" -> "er fået", "det meddeles" -> "det
fortælles"), a preposition left without its object ("kan påklages til" ->
"kan klages over til"), a passive before a participle ("påtænkes lagt"), an
impersonal "det ..., at" passive, a participle before a noun ("det bevilgede
beløb"), a verb used with a reflexive pronoun the replacement cannot take
("benytte sig af" -> "bruge sig af"), and a few word-order clashes ("Også skal
du", "De vil før blive kontaktet", "for nærværende sagstype"). When the first alternative is left
out, the others are too (they are weaker synonyms). The finding stays, and
its message says what to write and that the sentence needs rewriting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..nlp.table import TokenTable, token_table
from ..report.model import Suggestion
from ..language.inflect import finite_forms, inflect, noun_gender, verb_slot, word_forms
from .base import Param, letter, line_around, make_finding, match_case, doc_text, table_keys_problem
from .sender import in_sender_block

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ENTRY_KEYS = {"match": str, "replace": list, "pos": str, "forms": list, "note": str, "safe": bool, "case": bool,
              "mild": bool, "unless_after": list, "unless_in_sentence": list, "unless_last": bool,
              "unless_reflexive": bool, "only_before_date": bool, "unsafe_after": list}
# How many words after a match ``unless_after`` looks at ("forud for 11 måneder").
AFTER_WINDOW = 3
UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "SCONJ", "VERB", "X")
POS_COMPAT = {
    "VERB": {"VERB", "AUX", "ADJ"},     # participles are often tagged ADJ
    "AUX": {"VERB", "AUX"},
    "NOUN": {"NOUN", "PROPN"},
    "PROPN": {"NOUN", "PROPN"},
    "ADJ": {"ADJ", "VERB"},
    "ADV": {"ADV", "ADJ"},
    "SCONJ": {"SCONJ", "CCONJ", "ADV"},
    "CCONJ": {"SCONJ", "CCONJ", "ADV"},
}
PUNCT_IN_WORD = set(".-/'")
UNSURE_NOTE = "Bøj ordet, så det passer i sætningen."
REWRITE_NOTE = "Skriv sætningen om, så du kan bruge et lettere ord, fx {word}."
INFLECT_NOTE = "Skriv {word}, og bøj ordet, så det passer i sætningen."

# Where a replacement does not fit the sentence, no suggestion is offered (the finding stays, with a note).
# Verbs without a usable passive: "er modtaget" -> "er fået", "det meddeles" -> "det fortælles".
NO_PASSIVE = {"få", "have", "være", "vide", "kunne", "fortælle", "betyde"}
# Prepositions a replacement phrase may end with ("klage over", "sige ja til"): in the passive they are
# left without an object ("afgørelsen kan klages over til ...").
STRANDABLE = {"til", "på", "over", "om", "for", "af", "fra", "med", "ud"}
# Phrasal verbs whose last word is a particle, not a preposition: fine in the passive ("sendes med").
PARTICLE_VERBS = {"sende med", "trække fra"}
PASSIVE_SLOTS = {"pres_pass", "past_pass", "inf_pass"}
MODAL_WORDS = {"vil", "ville", "skal", "skulle", "kan", "kunne", "må", "måtte", "bør", "burde"}
ANNOUNCING = {"bemærkes", "oplyses", "meddeles", "understreges", "præciseres"}
NP_START = {"DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"}

PARAMS = {
    "entries": Param(list, required=True,
                     help='liste af { match = "...", replace = ["..."] } (valgfrit: pos, forms, note, safe, case, '
                          'mild, unless_after, unless_in_sentence, unless_last, unless_reflexive, only_before_date, '
                          'unsafe_after)'),
    "mild_min": Param(int, default=2, min=0, max=50,
                      help="et mildt ord markeres kun, når brevet har mindst så mange andre fund fra reglen"),
}


@dataclass(frozen=True)
class Word:
    text: str                 # lower case, or the exact spelling for case-sensitive entries
    optional: bool
    forms: frozenset[str]
    verbal: frozenset[str] = frozenset()   # finite verb forms: match whatever the tagger says
    split: bool = False       # has ".-/'": the tokenizer may cut it into several tokens


@dataclass(frozen=True)
class Entry:
    match: str
    words: tuple[Word, ...]
    replace: tuple[str, ...]
    pos: str | None = None
    note: str = ""
    safe: bool | None = None
    case: bool = False
    optional: bool = False    # has optional words
    mild: bool = False        # fine alone: flagged only in a letter with other heavy words (param mild_min)
    unless_after: frozenset[str] = frozenset()        # a sense the word has before these ("forud for 11 måneder")
    unless_in_sentence: frozenset[str] = frozenset()  # a sentence with these is about the thing itself
    unless_last: bool = False     # another sense when the words end their clause ("vilkårene herunder.")
    unless_reflexive: bool = False   # another sense with a reflexive pronoun ("orientere sig om" is "find out")
    only_before_date: bool = False   # only before a date ("pr. 1. maj"); before a unit it is a rate ("pr. stk.")
    unsafe_after: frozenset[str] = frozenset()   # after these words the replacement needs a reader's eye


# ---------------------------------------------------------------- validation

def _parse_match(match: str) -> list[tuple[str, bool]] | str:
    """[(word, optional)] or a problem text."""
    out = []
    for raw in match.split():
        opt = raw.startswith("(") and raw.endswith(")")
        word = raw[1:-1] if opt else raw
        if not word or "(" in word or ")" in word:
            return f"'{match}' har en parentes, der ikke er lukket rigtigt. Skriv valgfrie ord sådan: (din)"
        out.append((word, opt))
    if not out:
        return "'match' er tom"
    if all(opt for _, opt in out):
        return f"'{match}' har kun valgfrie ord"
    return out


def _entry_problem(i: int, e) -> str | None:
    where = f"post {i + 1}"
    if not isinstance(e, dict):
        return f"{where} skal være en tabel, fx {{ match = \"fremsende\", replace = [\"sende\"] }}"
    if isinstance(e.get("match"), str):
        where += f" (\"{e['match']}\")"
    problem = table_keys_problem(where, e, ENTRY_KEYS)
    if problem:
        return problem
    if "match" not in e or not e["match"].strip():
        return f"{where}: 'match' mangler eller er tom"
    if "replace" not in e:
        return f"{where}: 'replace' mangler. Skriv fx replace = [\"sende\"], eller replace = [] og en note"
    if not all(isinstance(r, str) for r in e["replace"]):
        return f"{where}: 'replace' skal være en liste af tekster"
    for key in ("forms", "unless_after", "unless_in_sentence", "unsafe_after"):
        if key in e and not all(isinstance(f, str) and f.strip() for f in e[key]):
            return f"{where}: '{key}' skal være en liste af ord"
    if "pos" in e and e["pos"] not in UPOS:
        return f"{where}: ukendt pos '{e['pos']}'. Gyldige: {', '.join(UPOS)}"
    parsed = _parse_match(e["match"])
    if isinstance(parsed, str):
        return f"{where}: {parsed}"
    return None


def validate_param(key: str, value) -> str | None:
    """Check the ``entries`` list when the rule file is read; a Danish problem text or None."""
    if key != "entries":
        return None
    if not value:
        return "listen er tom"
    seen: dict[str, int] = {}
    for i, e in enumerate(value):
        problem = _entry_problem(i, e)
        if problem:
            return problem
        k = e["match"] if e.get("case") else " ".join(e["match"].lower().split())
        if k in seen:
            return f"post {i + 1} (\"{e['match']}\") står også som post {seen[k] + 1}"
        seen[k] = i
    return None


# ---------------------------------------------------------------- compiling

def compile_entry(e: dict) -> Entry:
    case = bool(e.get("case", False))
    parsed = _parse_match(e["match"])
    assert not isinstance(parsed, str), parsed
    pos = e.get("pos")
    single = len(parsed) == 1
    extra = {f if case else f.lower() for f in e.get("forms", [])}
    words = []
    for w, opt in parsed:
        text = w if case else w.lower()
        if case:
            forms = {text}
        elif single:
            forms = word_forms(text, pos)
        elif any(c in PUNCT_IN_WORD for c in text):
            forms = {text}
        else:
            forms = word_forms(text) if len(text) >= 4 else {text}
        verbal = frozenset(finite_forms(text)) if single and pos in ("VERB", "AUX") else frozenset()
        words.append(Word(text, opt, frozenset(forms | (extra if single else set())), verbal,
                          any(c in PUNCT_IN_WORD for c in text)))
    if not single and extra:
        # extra forms of a phrase are whole-phrase spellings: add them to the first word
        w0 = words[0]
        words[0] = Word(w0.text, w0.optional, w0.forms | {x.split()[0] for x in extra}, split=w0.split)
    return Entry(match=e["match"], words=tuple(words), replace=tuple(e["replace"]), pos=pos,
                 note=e.get("note", ""), safe=e.get("safe"), case=case,
                 optional=any(w.optional for w in words), mild=bool(e.get("mild", False)),
                 unless_after=frozenset(w.lower() for w in e.get("unless_after", [])),
                 unless_in_sentence=frozenset(w.lower() for w in e.get("unless_in_sentence", [])),
                 unless_last=bool(e.get("unless_last", False)),
                 unless_reflexive=bool(e.get("unless_reflexive", False)),
                 only_before_date=bool(e.get("only_before_date", False)),
                 unsafe_after=frozenset(w.lower() for w in e.get("unsafe_after", [])))


class Compiled:
    """Entries and indexes from a first word's forms to the entries that start with it."""

    def __init__(self, raw: list[dict]):
        self.entries = [compile_entry(e) for e in raw]
        index: dict[str, list[int]] = {}
        index_case: dict[str, list[int]] = {}
        # Entries whose first word may span several tokens ("cpr-nr."), indexed by every
        # prefix of that word: the tokenizer may have cut it anywhere.
        prefix: dict[str, set[int]] = {}
        prefix_case: dict[str, set[int]] = {}
        for n, entry in enumerate(self.entries):
            target = index_case if entry.case else index
            for w in _leading(entry):
                for f in w.forms | {w.text}:
                    target.setdefault(f, []).append(n)
                if w.split:
                    word = w.text if entry.case else w.text.lower()
                    ptarget = prefix_case if entry.case else prefix
                    for k in range(1, len(word) + 1):
                        ptarget.setdefault(word[:k], set()).add(n)
        # Entry ids by a token's lower-cased form, lemma and exact spelling.
        self.by_lower = _merged(index, prefix)
        self.by_lemma = _merged(index)
        self.by_text = _merged(index_case, prefix_case)
        # For a phrase whose first two words are one token each: the forms its second word may have.
        self.second = [_second_keys(e) for e in self.entries]

    def candidates_for(self, lower: str, lemma: str, text: str) -> list[int]:
        """Entries that may match at a token with this lower-cased form, lemma and spelling."""
        a = self.by_lower.get(lower)
        b = self.by_lemma.get(lemma)
        c = self.by_text.get(text)
        if a is None and b is None and c is None:
            return []
        found = set()
        for x in (a, b, c):
            if x:
                found |= x
        return sorted(found)


def _second_keys(entry: Entry) -> frozenset[str] | None:
    """Lower-case forms and lemma of the token after the first one in every match of ``entry``, or None."""
    w = entry.words
    if entry.optional or entry.case or len(w) < 2 or w[0].split or w[1].split:
        return None
    return w[1].forms | {w[1].text}


def _merged(*maps: dict) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for m in maps:
        for k, v in m.items():
            out.setdefault(k, set()).update(v)
    return {k: frozenset(v) for k, v in out.items()}


def _leading(entry: Entry) -> list[Word]:
    """The words a match of ``entry`` can start with: optional words up to the first required one."""
    out = []
    for w in entry.words:
        out.append(w)
        if not w.optional:
            break
    return out


_cache: dict[int, tuple[list, Compiled]] = {}


def compiled(entries: list[dict]) -> Compiled:
    hit = _cache.get(id(entries))
    if hit is None or hit[0] is not entries:
        hit = (entries, Compiled(entries))
        _cache[id(entries)] = hit
    return hit[1]


# ---------------------------------------------------------------- matching

def _word_at(t: TokenTable, i: int, w: Word, entry: Entry, first: bool) -> int | None:
    """Token index after ``w`` when it matches at ``i`` (one token, or several with no space between)."""
    if i >= len(t.text) or t.placeholder[i] or (not first and t.sent_start[i]):
        return None
    if entry.case:
        if t.text[i] in w.forms:
            return i + 1
    elif t.lower[i] in w.forms or (len(t.lemma[i]) > 1 and t.lemma[i] == w.text):
        return i + 1
    if w.split:
        target = w.text if entry.case else w.text.lower()
        col = t.text if entry.case else t.lower
        text = ""
        for j in range(i, min(len(col), i + 6)):
            if t.placeholder[j] or (j > i and t.sent_start[j]):
                return None
            text += col[j]
            if text == target:
                return j + 1
            if not target.startswith(text) or t.ws[j]:
                return None
    return None


def _skip_space(t: TokenTable, i: int) -> int:
    while i < len(t.text) and t.space[i] and t.text[i].count("\n") <= 1:
        i += 1
    return i


def _match_words(t: TokenTable, entry: Entry, k: int, pos: int, first: bool) -> list[tuple[int, int, int]] | None:
    """The match of ``entry.words[k:]`` from token ``pos`` on, or None."""
    if k == len(entry.words):
        return []
    w = entry.words[k]
    p = pos if first else _skip_space(t, pos)
    end = _word_at(t, p, w, entry, first)
    if end is not None:
        rest = _match_words(t, entry, k + 1, end, False)
        if rest is not None:
            return [(k, p, end)] + rest
    if w.optional:
        return _match_words(t, entry, k + 1, pos, first)
    return None


def match_at(t: TokenTable, i: int, entry: Entry) -> list[tuple[int, int, int]] | None:
    """[(word index, token start, token end)] for ``entry`` matching at token ``i``, or None."""
    if entry.optional:
        found = _match_words(t, entry, 0, i, True)
        if not found:
            return None
    else:
        end = _word_at(t, i, entry.words[0], entry, True)
        if end is None:
            return None
        found = [(0, i, end)]
        for k in range(1, len(entry.words)):
            p = _skip_space(t, end)
            end = _word_at(t, p, entry.words[k], entry, False)
            if end is None:
                return None
            found.append((k, p, end))
    if len(entry.words) == 1 and entry.pos and not entry.case:
        s = found[0][1]
        pos = t.pos[s]
        # "meddeles" is a verb even when the tagger calls it a noun; "ophør" (noun) is not "ophøre"
        if pos not in ("", "X") and pos not in POS_COMPAT.get(entry.pos, {entry.pos}) \
                and t.lower[s] not in entry.words[0].verbal:
            return None
    return found


def find_matches(doc: Doc, comp: Compiled) -> list[tuple[Entry, list[tuple[int, int, int]]]]:
    """Leftmost-longest, non-overlapping matches of the compiled entries in ``doc``."""
    t = token_table(doc)
    lower, lemma, text, space, placeholder = t.lower, t.lemma, t.text, t.space, t.placeholder
    by_lower, by_lemma, by_text = comp.by_lower, comp.by_lemma, comp.by_text
    n = len(text)
    starts = [i for i in range(n) if not (space[i] or placeholder[i])
              and (lower[i] in by_lower or lemma[i] in by_lemma or text[i] in by_text)]
    out = []
    resume = 0          # findings never overlap: the next match starts after the last one
    for i in starts:
        if i < resume:
            continue
        best = None
        nxt = None
        for e in comp.candidates_for(lower[i], lemma[i], text[i]):
            second = comp.second[e]
            if second is not None:      # a cheap test first: "i" starts many phrases
                if nxt is None:
                    nxt = _skip_space(t, i + 1)
                if nxt >= n or (lower[nxt] not in second and lemma[nxt] not in second):
                    continue
            entry = comp.entries[e]
            m = match_at(t, i, entry)
            if m:
                end_char = t.end[m[-1][2] - 1]
                # longest first; on a tie the entry spelled exactly like the text ("foreliggende", not "foreligge")
                exact = lower[i] == entry.words[m[0][0]].text.lower()
                key = (end_char, exact)
                if best is None or key > best[0]:
                    best = (key, entry, m)
        if best:
            out.append((best[1], best[2]))
            resume = best[2][-1][2]
    return out


# ---------------------------------------------------------------- findings

def _quote(s: str) -> str:
    return f'"{s}"'


def _deletion_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span to delete so that exactly one space is left between the neighbours."""
    t = token_table(doc)
    if t.ws[end - 1]:                   # a token's trailing whitespace is one space
        return t.idx[start], t.end[end - 1] + 1
    if start > 0 and t.ws[start - 1]:
        return t.idx[start] - 1, t.end[end - 1]
    return t.idx[start], t.end[end - 1]


# "her"/"der" and a preposition: a sentence adverb ("Sagen er hermed afsluttet") or the object of a verb with that
# preposition ("Det ændrer ikke herved", "Vi fortsætter dermed")
PRONOMINAL_ADVERB_RE = re.compile(r"(her|der)(ved|med|af|om|på|til|for|i|under|over|efter|fra|imod|mod)")
_BETWEEN_VERB = {"ikke", "aldrig", "heller", "også", "dog", "nu", "jo", "vel", "så", "derfor", "endnu", "længere"}


def _verb_complement(t: TokenTable, start: int, end: int) -> bool:
    """The deleted word is a pronominal adverb that ends its clause right after a verb (and "ikke" or the like):
    the verb's object ("Oplysningerne ændrer ikke herved" = "… ved det"), which cannot go without a word in place."""
    if end - start != 1 or not PRONOMINAL_ADVERB_RE.fullmatch(t.lower[start]):
        return False
    nxt = _skip_space(t, end)
    if nxt < len(t) and not t.punct[nxt]:
        return False
    i = start - 1
    while i >= 0 and (t.space[i] or t.lower[i] in _BETWEEN_VERB):
        i -= 1
    return i >= 0 and t.pos[i] in ("VERB", "AUX")


def _replacement(entry: Entry, doc: Doc, m: list[tuple[int, int, int]], rep: str, slot_of) -> tuple[str, bool]:
    """(replacement text before capitalisation, certain) for one alternative; ``slot_of`` from :func:`_slots`."""
    if rep == "":
        return "", True
    t = token_table(doc)
    text = doc_text(doc)
    changed = []
    for k, s, e in m:
        surface = text[t.idx[s]:t.end[e - 1]].strip()
        target = entry.words[k].text
        if (surface if entry.case else surface.lower()) != target:
            changed.append((k, s, e))
    if not changed:
        return rep, True
    if entry.case:
        return rep, True
    if len(changed) == 1 and changed[0][0] == 0 and changed[0][2] - changed[0][1] == 1:
        tok = doc[changed[0][1]]
        src = entry.words[0].text
        out = inflect(rep, tok, pos=entry.pos, source_lemma=src)
        # a participle before a noun changes meaning more easily ("det bevilgede beløb" -> "det givne beløb")
        if out is not None and slot_of(entry.pos) != "part_def":
            return out, True
        if out is not None:
            return out, False
    return rep, False


def _next_word(doc: Doc, i: int, skip_adverbs: bool = False) -> Token | None:
    """The first token after index ``i`` in the same sentence that is not a space (nor an adverb)."""
    t = token_table(doc)        # the columns, not a Token per step
    n = len(t.text)
    j = i + 1
    while j < n and (t.space[j] or (skip_adverbs and t.pos[j] == "ADV" and t.lower[j] not in ("at", "om"))):
        j += 1
    if j >= n or t.sent_start[j]:
        return None
    return doc[j]


# A reflexive pronoun and the person it refers back to; the person of a subject (or of the object that
# controls an infinitive: "Vi beder dig orientere dig").
REFLEXIVE_PERSON = {"mig": "1s", "dig": "2s", "os": "1p", "jer": "2p", "Dem": "formal", "sig": "3"}
SUBJECT_PERSON = {"jeg": "1s", "mig": "1s", "du": "2s", "dig": "2s", "vi": "1p", "os": "1p", "I": "2p", "jer": "2p",
                  "De": "formal", "Dem": "formal"}
INVERTED_SUBJECTS = {"jeg", "du", "vi", "I", "De", "man", "han", "hun"}
# Replacement verbs that take the same reflexive pronoun: "fremskaffe sig" -> "skaffe sig", "tilsikre sig" -> "sikre sig".
REFLEXIVE_VERBS = {"skaffe", "sikre"}


def _person(tok: Token) -> str | None:
    """The person of a personal pronoun ("du" -> "2s"); "I" and "De" count only as pronouns (not "I dag")."""
    if tok.text in ("I", "De", "Dem"):
        return SUBJECT_PERSON[tok.text] if tok.pos_ == "PRON" or not tok.is_sent_start else None
    return SUBJECT_PERSON.get(tok.lower_) if tok.lower_ not in ("i", "de", "dem") else None


def _reflexive(doc: Doc, tok: Token) -> bool:
    """The verb ``tok`` takes a reflexive pronoun: "orientere sig om", "du skal orientere dig", "benytter du dig af".

    "sig" always refers back; "mig", "dig", "os", "jer" and "Dem" only when the subject (or the object that
    controls an infinitive) is of the same person: "Vi vil orientere dig" informs the reader, it is not reflexive.
    """
    nxt = _next_word(doc, tok.i)
    if nxt is None:
        return False
    inverted = None
    if nxt.text in INVERTED_SUBJECTS or nxt.lower_ in ("du", "jeg", "vi", "man"):
        inverted, nxt = nxt, _next_word(doc, nxt.i)
        if nxt is None:
            return False
    key = nxt.text if nxt.text == "Dem" else nxt.lower_
    if key == "sig":
        return True
    person = REFLEXIVE_PERSON.get(key)
    if person is None or key == "dem":
        return False
    if inverted is not None:
        return _person(inverted) == person
    for j in range(tok.i - 1, tok.sent.start - 1, -1):
        p = _person(doc[j])
        if p is not None:
            return p == person
    # no subject before it: an imperative speaks to the reader ("Orienter dig om reglerne")
    return person == "2s" and ("Imp" in tok.morph.get("Mood") or tok.i == tok.sent.start)


MONTHS = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.",
          "nov.", "dec."}


def _before_date(t: TokenTable, end: int) -> bool:
    """A date follows token ``end - 1``: "pr. 1. maj", "pr. 1/5", "pr. januar", "pr. den 1. maj"."""
    j = end
    while j < len(t.text) and t.space[j]:
        j += 1
    if j < len(t.text) and t.lower[j] == "den":
        j += 1
        while j < len(t.text) and t.space[j]:
            j += 1
        return j < len(t.text) and t.text[j][:1].isdigit()
    return j < len(t.text) and (t.text[j][:1].isdigit() or t.lower[j] in MONTHS)


def _perfect_with_have(tok: Token) -> bool:
    """ "har modtaget": a participle after a form of "have" is active, not passive."""
    if any(c.dep_.startswith("aux") and c.lemma_.lower() == "have" for c in tok.children):
        return True
    if tok.head.i < tok.i and tok.head.lower_ in ("har", "havde", "have", "haft"):
        return True      # "Kommunen har i forbindelse med ... konstateret"
    doc = tok.doc
    for j in range(tok.i - 1, tok.sent.start - 1, -1):
        t = doc[j]
        if t.is_punct or t.pos_ in ("SCONJ", "CCONJ"):
            return False
        if t.lower_ in ("har", "havde", "have", "haft"):
            return True
        if t.lower_ in ("er", "var", "være", "været", "blive", "bliver", "blev", "blevet"):
            return False
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.lower_ not in MODAL_WORDS:
            return False
    return False


def _slots(tok: Token, source_lemma: str):
    """``slot_of(pos)``: ``verb_slot(tok, pos=pos, source_lemma=source_lemma)``, computed once per ``pos``."""
    memo: dict[str | None, str | None] = {}

    def slot_of(pos: str | None) -> str | None:
        if pos not in memo:
            memo[pos] = verb_slot(tok, pos=pos, source_lemma=source_lemma)
        return memo[pos]

    return slot_of


def _voice(tok: Token, entry: Entry, slot_of) -> tuple[str | None, bool]:
    """(verb slot, passive?) of the matched verb form: "imødekommes" is passive, "har modtaget" is not.

    ``slot_of`` is :func:`_slots` of ``tok``.
    """
    pos = entry.pos if len(entry.words) == 1 else None
    try:
        slot = slot_of(pos)
    except (KeyError, ValueError):
        slot = None
    if slot is None:
        return None, False
    if slot in PASSIVE_SLOTS or slot == "part_def":
        return slot, True
    if slot == "sup":
        return slot, not _perfect_with_have(tok)
    return slot, False


def _impersonal_that(doc: Doc, tok: Token) -> bool:
    """ "Det er konstateret, at ...", "det skal meddeles, at ...": an impersonal passive with a that-clause."""
    nxt = _next_word(doc, tok.i, skip_adverbs=True)
    if nxt is None:
        return False
    if nxt.text == ",":
        nxt = _next_word(doc, nxt.i)
    if nxt is None or nxt.lower_ != "at":
        return False
    for j in range(tok.i - 1, max(tok.sent.start, tok.i - 8) - 1, -1):
        t = doc[j]
        if t.text in (",", ";", ":"):
            return False
        if t.lower_ == "det":
            return True
    return False


# Places one reads "på", not "i": "på hjemmesiden", "på borger.dk", "på Aula", "på skærmen", "på opslagstavlen"
_PAGE_WORDS = ("hjemmeside", "side", "portal", "net", "skærm", ".dk", "aula", "app", "selvbetjening", "tavle")


def _on_a_page(doc: Doc, i: int) -> bool:
    """True when the noun phrase after token ``i`` (up to four words) names a web page, a screen or a board."""
    for tok in doc[i + 1:i + 5]:
        low = tok.lower_
        if tok.is_punct and low not in (".", "-"):
            return False
        if any(w in low for w in _PAGE_WORDS):
            return True
        if tok.pos_ in ("NOUN", "PROPN") and not (low.endswith("s") or "Gen" in tok.morph.get("Case")):
            return False         # the noun of the phrase, and not a page ("kommunens hjemmeside" reads on)
    return False


def _misfit(rep: str, doc: Doc, entry: Entry, m: list[tuple[int, int, int]], slot_of) -> bool:
    """True when ``rep`` cannot stand where the match stands, whatever its inflection.

    A sentence that needs rewriting as a whole gets no one-word suggestion: the passive of a verb that
    has none ("er fået"), a preposition left without its object ("kan klages over til"), a passive
    followed by a participle ("påtænkes lagt"), an impersonal "det ... , at" clause ("det er set, at")
    a reflexive pronoun the replacement cannot take ("udbeder os" -> "beder os")
    and a few word-order clashes ("De vil før blive kontaktet", "Også skal du").
    """
    words = rep.lower().split()
    if not words:
        return False
    first_tok = doc[m[0][1]]
    last_tok = doc[m[-1][2] - 1]
    after = _next_word(doc, last_tok.i)
    if words[-1] == "i" and _on_a_page(doc, last_tok.i):
        return True              # "fremgår af kommunens hjemmeside" -> "står på …", not "står i …"
    slot, passive = _voice(first_tok, entry, slot_of) if m[0][2] - m[0][1] == 1 else (None, False)
    verb_first = slot is not None
    if verb_first:
        if slot == "part_def":
            return True          # "det bevilgede beløb" -> "det givne beløb": a participle before a noun
        if passive:
            if words[0] in NO_PASSIVE:
                return True
            if len(words) > 1 and words[-1] in STRANDABLE and " ".join(words) not in PARTICLE_VERBS \
                    and (after is None or after.pos_ not in NP_START or after.lower_ in ("der", "som", "det")):
                return True
            nxt = _next_word(doc, last_tok.i, skip_adverbs=True)
            if slot in PASSIVE_SLOTS and nxt is not None and "Part" in nxt.morph.get("VerbForm") \
                    and "Pres" not in nxt.morph.get("Tense"):
                return True      # "påtænkes lagt til grund" -> "planlægges lagt"
            if _impersonal_that(doc, last_tok):
                return True      # "det er konstateret, at" -> "det er set, at"
            nxt_word = _next_word(doc, last_tok.i, skip_adverbs=True)
            if words[0] == "bede" and nxt_word is not None and nxt_word.lower_ == "om":
                return True      # "De anmodes (derfor) om at" -> "De bedes om at"
        if words[0] == "bestemme" and after is not None and after.lower_ == "til":
            return True          # "gebyret er fastsat til 900 kr." -> "bestemt til"
        if words[0] == "fortælle" and after is not None and after.lower_ == "om":
            nxt = _next_word(doc, after.i)
            if nxt is not None and (nxt.text == "," or nxt.lower_ == "at"):
                return True      # "orientere om, at" -> "fortælle om, at"
    if verb_first and len(entry.words) == 1 and "sig" not in words and words[0] not in REFLEXIVE_VERBS \
            and _reflexive(doc, first_tok):
        return True              # "benytte sig af" -> "bruge sig af", "udbede sig" -> "bede sig"
    if words == ["før"] and after is not None and (after.pos_ in ("VERB", "AUX") or after.like_num):
        return True              # "De vil forinden blive kontaktet" -> "De vil før blive kontaktet"
    if words == ["fordi"] and after is not None and after.lower_ == "det":
        nxt = _next_word(doc, after.i)
        if nxt is not None and nxt.lower_ in ANNOUNCING:
            return True          # "idet det bemærkes, at" is a remark, not a reason
    if words[0] == "også" and (first_tok.is_sent_start or first_tok.i == 0
                               or (after is not None and after.lower_ == "ikke")):
        return True              # "Også skal du ...", "også ikke" (it is "heller ikke")
    if len(m) > 1 and after is not None and after.pos_ in ("NOUN", "PROPN") \
            and (last_tok.pos_ in ("ADJ", "DET") or last_tok.lower_.endswith("ende")):
        return True              # "for nærværende sagstype": not the phrase "for nærværende", an adjective
    return False


def build_finding(rule, doc: Doc, entry: Entry, m: list[tuple[int, int, int]]):
    t = token_table(doc)
    start_tok, end_tok = m[0][1], m[-1][2]
    start = t.idx[start_tok]
    end = t.end[end_tok - 1]
    text = doc_text(doc)[start:end]
    first_word = t.text[start_tok]
    single_token = end_tok - start_tok == 1
    sentence_start = t.sent_start[start_tok] or start_tok == 0
    kind = "terms" if rule.category == "terms" else "jargon"
    slot_of = _slots(doc[start_tok], entry.words[0].text)

    suggestions = []
    shown = []
    dropped = None       # the note for a finding whose replacements were all left out
    label = _topic_label_span(doc_text(doc), start, end, text)
    if label is not None and entry.replace:
        # "Vedr.: Din boligstøtte" -> "Din boligstøtte", not "Om: Din boligstøtte"
        suggestions.append(Suggestion(start, label, "", kind=kind, safe=True, confidence=0.9, note=entry.note))
        return make_finding(rule, doc, start, end, message=_message(rule, text, [""], entry.note),
                            suggestions=suggestions)
    for k, rep in enumerate(entry.replace):
        out, certain = _replacement(entry, doc, m, rep, slot_of)
        misfit = rep != "" and _misfit(rep, doc, entry, m, slot_of)
        if rep != "" and (not certain or misfit):
            # no suggestion rather than a wrong one; when the best word does not fit, the others fit no better
            dropped = dropped or (REWRITE_NOTE if misfit else INFLECT_NOTE)
            if k == 0:
                break
            continue
        if rep == "":
            s, e = _deletion_span(doc, start_tok, end_tok)
            safe = entry.safe if entry.safe is not None else (single_token and not sentence_start)
            safe = bool(safe) and k == 0 and not _verb_complement(t, start_tok, end_tok)
            suggestions.append(Suggestion(s, e, "", kind=kind, safe=safe,
                                          confidence=0.9 if safe else 0.6, note=entry.note))
            shown.append("")
            continue
        if out[:1].isupper() or entry.case or rule.category == "terms":
            # a term is written exactly as listed ("NemKonto", "cpr-nummer"), capitalised only first in a sentence
            final = out[:1].upper() + out[1:] if sentence_start else out
        else:
            final = match_case(first_word, out)
        default_safe = not (len(entry.words) == 1 and len(rep.split()) > 1) and \
            not _drops_optional(entry, doc, m) and \
            (rule.category == "terms" or not _gender_clash(doc, m, rep))
        safe = k == 0 and certain and (entry.safe if entry.safe is not None else default_safe)
        s_end, obj_at = end, end_tok
        if single_token and len(final.split()) > 1:
            # "returneres ikke" -> "sendes ikke tilbage": the middle field goes between the verb and the rest
            placed = _middle_field_placed(t, end_tok, final, rep, doc_text(doc))
            if placed is None:
                dropped = dropped or REWRITE_NOTE
                if k == 0:
                    break
                continue
            if placed[0] > end_tok:
                obj_at, s_end, final = placed
        if safe and _particle_before_object(rep, t, obj_at):
            safe = False     # "betale tilbage det for meget udbetalte": the particle belongs after the object
        if safe and entry.pos == "VERB" and single_token and _attributive_participle(t, start_tok):
            safe = False     # "det ansøgte beløb" -> "det søgte beløb" ("søgt" is also "far-fetched"): read it first
        if safe and entry.unsafe_after and _word_before(t, start_tok) in entry.unsafe_after:
            safe = False     # "indsigelser vedrørende" -> "indsigelser om": the noun wants its own word ("mod")
        note = entry.note if certain else " ".join(x for x in (entry.note, UNSURE_NOTE) if x)
        conf = 0.9 if safe else (0.7 if certain else 0.4)
        if k > 0:
            conf = min(conf, 0.6)
        text_in = final[:-1] if final.endswith(".") and doc_text(doc)[s_end:s_end + 1] == "." else final
        # "500 DKK." -> "500 kr.", not "500 kr.."
        suggestions.append(Suggestion(start, s_end, text_in, kind=kind, safe=bool(safe), confidence=conf, note=note))
        shown.append(final)
    if entry.replace and shown and all(s == text for s in shown):
        return None      # already written the preferred way ("NemKonto")
    if dropped and not shown:
        if entry.replace and all(r.lower() == text.lower() for r in entry.replace):
            return None
        hint = dropped.format(word=_quote(entry.replace[0]))
        note = " ".join(x for x in (entry.note, hint) if x)
        return make_finding(rule, doc, start, end, message=_message(rule, text, [], note), suggestions=())
    return make_finding(rule, doc, start, end, message=_message(rule, text, shown, entry.note),
                        suggestions=suggestions)


def _word_before(t, i: int) -> str | None:
    """The lower-case word before token ``i`` in its sentence, or None at the start."""
    if i == 0 or t.sent_start[i]:
        return None
    j = i - 1
    while j > 0 and t.space[j]:
        j -= 1
    return None if t.punct[j] or t.space[j] else t.lower[j]


# Particles that stand after the object in Danish ("betale beløbet tilbage", "sende skemaet ind")
_PARTICLES = {"tilbage", "ud", "ind", "op", "ned", "væk", "frem"}
_OBJECT_POS = {"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"}
# A topic label before a colon at the start of a line: "Vedr.: ...", "VEDRØRENDE: ..."
_TOPIC_LABELS = {"vedr.", "vedr", "vedrørende", "angående", "ang."}


def _particle_before_object(rep: str, t: TokenTable, end_tok: int) -> bool:
    """True when a verb with a particle ("betale tilbage") would stand before an object that follows the match."""
    words = rep.split()
    if len(words) < 2 or words[-1] not in _PARTICLES or end_tok >= len(t.text):
        return False
    # a definite noun the tagger reads as a participle ("gebyret") is an object too
    return t.pos[end_tok] in _OBJECT_POS or t.pos[end_tok] == "VERB" and t.lower[end_tok].endswith("et")


# The middle field after a verb (main clause word order): the adverbs that stand before a verb's particle or
# preposition ("sendes ikke tilbage", "venter derfor på") and an unstressed pronoun before them ("sendes den
# ikke tilbage", "Derfor sender vi ikke ..."). "længere" only after a negation ("ikke længere").
MIDDLE_FIELD_ADVERBS = {"ikke", "aldrig", "altid", "også", "derfor", "dog", "heller", "allerede", "stadig",
                        "fortsat", "normalt", "gerne", "kun", "desværre", "nu", "først", "sjældent", "ofte",
                        "typisk", "hermed", "herved", "endnu", "jo", "nok", "vel", "altså", "således", "snart",
                        "straks", "automatisk", "sædvanligvis", "hverken", "ej"}
MIDDLE_FIELD_NEGATIONS = {"ikke", "aldrig", "heller", "hverken", "ej"}
SUBJECT_PRONOUNS = {"jeg", "du", "vi", "i", "de", "man", "han", "hun", "den", "det"}
OBJECT_PRONOUNS = {"mig", "dig", "os", "jer", "dem", "ham", "hende", "den", "det", "sig"}
# Prepositions that may end a replacement ("vente på", "regne med"): they stand before the object. Any other last
# word is a particle or an adverb ("sende tilbage", "falde væk", "gælde ikke længere"), after the middle field and
# after an object; "sende med" and "trække fra" (``PARTICLE_VERBS``) end in a particle.
VERB_PREPOSITIONS = STRANDABLE - {"ud"}


def _middle_field_placed(t: TokenTable, end_tok: int, final: str, rep: str, text: str
                         ) -> tuple[int, int, str] | None:
    """A verb replaced by several words ("sendes tilbage") with the middle field that follows the verb put
    between its first word and the rest: (index of the first token after the middle field, its end char, the
    new text). ``end_tok`` is the token after the verb, ``rep`` the replacement as listed ("trække fra"); with
    no middle field: (end_tok, -1, final). None when the words cannot be placed for sure: a full subject before
    "ikke" ("Derfor returneres kortet ikke"), a preposition left without its object ("ventes den ikke på"),
    an object pronoun before a preposition ("venter på den ikke")."""
    words = final.split()
    j = end_tok
    n = len(t.text)
    run = []
    while j < n and not t.sent_start[j] and not t.space[j]:
        low = t.lower[j]
        if low in MIDDLE_FIELD_ADVERBS or (low == "længere" and run and t.lower[run[-1]] in MIDDLE_FIELD_NEGATIONS):
            run.append(j)
        elif not run and t.pos[j] == "PRON" and (low in SUBJECT_PRONOUNS or low in OBJECT_PRONOUNS) \
                and j + 1 < n and t.lower[j + 1] in MIDDLE_FIELD_ADVERBS:
            run.append(j)   # "sendes den ikke", "sender vi ikke", "sender dem ikke"
        else:
            break
        j += 1
    particle = words[-1] not in VERB_PREPOSITIONS or rep in PARTICLE_VERBS
    if not run:
        # "Derfor returneres ansøgningen ikke": the particle goes after the subject and "ikke"; not placed here
        k = end_tok
        while particle and k < min(n, end_tok + 6) and not t.sent_start[k] and not t.punct[k]:
            if t.lower[k] in MIDDLE_FIELD_NEGATIONS and k > end_tok:
                return None
            if t.pos[k] not in _OBJECT_POS:
                break
            k += 1
        return (end_tok, -1, final)
    if not particle and (j >= n or t.sent_start[j] or t.pos[j] not in NP_START and t.lower[j] != "at"):
        return None     # "Derfor ventes den ikke på.": the preposition would have no object
    pron = t.lower[run[0]] if t.pos[run[0]] == "PRON" else None
    if not particle and pron is not None and (pron not in SUBJECT_PRONOUNS or pron in OBJECT_PRONOUNS
                                              and not t.lower[end_tok - 1].endswith("s")):
        return None     # "afventer den ikke" -> "venter ikke på den": the object moves after the preposition
    middle = text[t.idx[run[0]]:t.end[run[-1]]]
    return j, t.end[run[-1]], " ".join([words[0], middle] + words[1:])


_PERFECT_AUX = {"har", "havde", "have", "haft", "er", "var", "være", "været", "blev", "bliver", "blive", "blevet"}


def _attributive_participle(t: TokenTable, i: int) -> bool:
    """True when token ``i`` is a participle used as an adjective: before its noun ("det ansøgte beløb") or as a
    label ("Ansøgt byggeri:"). A participle of another verb often has another sense as an adjective ("brugt",
    "søgt"), so such a replacement is never applied unread."""
    if t.feat(i, "VerbForm") != "Part" and t.pos[i] != "ADJ":
        return False
    j = i + 1
    if j >= len(t.text) or not (t.pos[j] in ("NOUN", "PROPN", "ADJ") or t.text[j] == ":"):
        return False
    if i and t.pos[i - 1] == "DET":
        return True          # "et fremsendt notat", "de fremsendte bilag"
    # "har/er/blev (i dag) fremsendt brevet" is the verb with its object
    for k in range(i - 1, max(-1, i - 5), -1):
        if t.pos[k] == "AUX" or t.lower[k] in _PERFECT_AUX:
            return False
        if t.sent_start[k]:
            break
    return True


def _topic_label_span(text: str, start: int, end: int, matched: str) -> int | None:
    """The end of "Vedr.: " (the label, its colon and the spaces after it) at a line start, or None."""
    if matched.lower() not in _TOPIC_LABELS or text[text.rfind("\n", 0, start) + 1:start].strip():
        return None
    m = re.match(r"\s*:[ \t]*", text[end:end + 8])
    return end + m.end() if m and end + m.end() < len(text) and text[end + m.end()] not in "\n" else None


def _drops_optional(entry: Entry, doc: Doc, m: list[tuple[int, int, int]]) -> bool:
    """True when an optional word ("din") was matched: the fixed replacement would lose it."""
    punct = token_table(doc).punct
    return any(entry.words[k].optional and not punct[s] for k, s, _e in m)


def _gender_clash(doc: Doc, m: list[tuple[int, int, int]], rep: str) -> bool:
    """A one-noun replacement of another gender breaks agreement ("din besvarelse" -> "din svar")."""
    if len(m) != 1 or m[0][2] - m[0][1] != 1 or " " in rep:
        return False
    tok = doc[m[0][1]]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    have, want = tok.morph.get("Gender"), noun_gender(rep)
    return bool(have and want and have[0] != want)


def _message(rule, text: str, shown: list[str], note: str) -> str:
    words = [s for s in shown if s]
    if not shown:
        detail = f"Undgå {_quote(text)}."
    elif shown[0] == "":
        detail = f"Slet {_quote(text)}."
        if words:
            detail = f"Slet {_quote(text)}, eller skriv " + " eller ".join(_quote(w) for w in words) + "."
    else:
        detail = "Skriv " + " eller ".join(_quote(w) for w in dict.fromkeys(words)) + f" i stedet for {_quote(text)}."
    if note and not (shown and shown[0] == "" and note.startswith("Slet")):
        detail += " " + note
    prefix = (rule.message or "").strip()
    return f"{prefix} {detail}" if prefix else detail


def _other_sense(doc: Doc, entry: Entry, m: list[tuple[int, int, int]]) -> bool:
    """The words around the match give it a sense the entry is not about.

    ``unless_after``: one of these among the next words ("forud for 11 måneder" is "in advance for");
    ``unless_in_sentence``: one of these in the sentence ("lønsedlerne ligger i e-Boks");
    ``unless_last``: the words end their clause, before a punctuation mark, a line break or the end
    ("Vilkårene står herunder." is "below", where ", herunder husleje" is "including");
    ``unless_reflexive``: the verb takes a reflexive pronoun ("orientere sig om" is "find out", not "tell");
    ``only_before_date``: no date follows ("10 kr. pr. dag", "pr. stk." state a rate, "pr. 1. maj" a start);
    a one-word noun alone on its line is a label, a table heading or a cell ("Ydelse" over a price list).
    """
    t = token_table(doc)
    first, last = m[0][1], m[-1][2]
    if entry.unless_reflexive and last - first == 1 and _reflexive(doc, doc[first]):
        return True
    if entry.only_before_date and not _before_date(t, last):
        return True
    if entry.unless_last:
        j = last
        while j < len(t) and t.space[j] and "\n" not in t.text[j]:
            j += 1
        if j >= len(t) or t.punct[j] or t.space[j] or t.sent_start[j]:
            return True
    if entry.unless_after:
        seen, j = 0, last
        while j < len(t) and seen < AFTER_WINDOW and not t.sent_start[j]:
            if not (t.space[j] or t.punct[j]):
                if t.lower[j] in entry.unless_after:
                    return True
                seen += 1
            j += 1
    if entry.unless_in_sentence:
        sent = doc[first].sent
        if any(tok.lower_ in entry.unless_in_sentence for tok in sent):
            return True
    if len(entry.words) == 1 and entry.pos in ("NOUN", "PROPN"):
        text = doc_text(doc)
        a, b = t.idx[first], t.end[last - 1]
        if line_around(text, a, b)[1].strip(" \t:|") == text[a:b]:
            return True
    return False


# the head of a law's official title: "lov om ...", "bekendtgørelse (nr. 1234) om ...", "loven om ..."
_TITLE_HEADS = frozenset(("lov", "loven", "lovens", "bekendtgørelse", "bekendtgørelsen", "bekendtgørelsens",
                          "forordning", "forordningen", "cirkulære", "cirkulæret"))
# what a law's title is made of: names of things and the small words between them ("om opkrævning og inddrivelse
# af visse fordringer"); a finite verb or a person ends it ("lov om social service skal vi fremsende ...")
_TITLE_POS = frozenset(("NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "DET", "NUM", "X"))
_TITLE_PERSONS = frozenset(("du", "de", "i", "vi", "jeg", "dig", "dem", "jer", "os", "mig", "man"))
_TITLE_MAX_WORDS = 10
# a quotation: the words are someone else's ("Du skrev: »... fremsende ...«"), a button or a form's name
_QUOTED_RE = re.compile(r'"[^"\n]{1,300}"|“[^“”\n]{1,300}”|„[^“”\n]{1,300}[“”]|»[^»«\n]{1,300}«|«[^»«\n]{1,300}»')


def _cited_name(doc: Doc, m: list[tuple[int, int, int]]) -> bool:
    """The match stands inside words the writer cannot rewrite: a law's official title ("efter § 6 i lov om
    opkrævning og inddrivelse af visse fordringer", up to its first verb or person, ``_TITLE_POS``) or a quotation
    (``_QUOTED_RE``: the reader's own words, a form's name)."""
    t = token_table(doc)
    first, last = m[0][1], m[-1][2]
    if all(t.pos[k] in _TITLE_POS or t.space[k] for k in range(first, last)):
        j, words = first - 1, 0
        while j > 0 and words <= _TITLE_MAX_WORDS and not t.sent_start[j + 1]:
            if t.punct[j] or (t.space[j] and "\n" in t.text[j]):
                break
            if not t.space[j]:
                if t.lower[j] == "om" and t.lower[j - 1] in _TITLE_HEADS:
                    return True
                if t.lower[j] == "om" and t.lower[j - 1].rstrip(".").isdigit() and j >= 3 and t.lower[j - 3] in _TITLE_HEADS:
                    return True     # "bekendtgørelse nr. 1234 om ..."
                if t.pos[j] not in _TITLE_POS or t.lower[j] in _TITLE_PERSONS:
                    break
                words += 1
            j -= 1
    text = doc_text(doc)
    a, b = t.idx[first], t.end[last - 1]
    line_start, line = line_around(text, a, b)
    return any(q.start() <= a - line_start and b - line_start <= q.end() for q in _QUOTED_RE.finditer(line))


def _name_part(doc: Doc, m: list[tuple[int, int, int]]) -> bool:
    """A one-word match written with a capital right after another capitalised word on its line, a space between:
    part of a person's name ("Kære Nguyen Thi Lan"), not the old word ("thi"). Danish writes common words in lower
    case inside a line, so the capital marks a name."""
    t = token_table(doc)
    first, last = m[0][1], m[-1][2]
    word = t.text[first]
    if last - first != 1 or not word[:1].isupper() or word.isupper():
        return False
    j = first - 1
    if j < 0 or t.space[j] or t.punct[j]:
        return False
    gap = doc_text(doc)[t.end[j]:t.idx[first]]
    prev = t.text[j]
    return gap == " " and prev.isalpha() and prev[:1].isupper() and not prev.isupper()


def check(doc, rule) -> Iterator:
    comp = compiled(rule.params["entries"])
    ctx, text = None, None
    found, mild = [], []
    for entry, m in find_matches(doc, comp):
        if ctx is None:
            ctx, text = letter(doc), doc_text(doc)
        # The sender's own lines ("Sagsbehandler, Ydelser") hold names of jobs and departments, not word choices.
        if in_sender_block(ctx, text, token_table(doc).idx[m[0][1]]):
            continue
        if _other_sense(doc, entry, m) or _cited_name(doc, m) or _name_part(doc, m):
            continue
        finding = build_finding(rule, doc, entry, m)
        if finding is not None:
            (mild if entry.mild else found).append(finding)
    # "modtage" alone is ordinary Danish; among other heavy words it adds to the weight.
    if mild and len(found) >= rule.params.get("mild_min", 2):
        found = sorted(found + mild, key=lambda f: (f.start, f.end))
    yield from found
