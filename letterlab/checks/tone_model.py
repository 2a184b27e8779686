"""A learned sentence-level tone model that works beside the tone rules.

The tone rules (``tone.py``) are precise but catch mostly the stock phrases; a new writer puts the same
problems in plain words ("Sagen lukkes.", "Det er tredje gang, du kommer for sent."). This module scores every
body sentence with one logistic regression per family (``MODEL_FAMILIES``) over features read from the parse
the analysis already made (``sentence_features``): lemma and word unigrams and bigrams, morphology cues
(imperative, s-passive, "blive" + participle, "vil blive", negation, modal verbs, the reader as subject,
De/du/I), and context cues from the letter (a reason, a way out, an offer of help in the sentence or the
next one). A sentence the rules did not flag for the family and that the model scores at or above the
model's threshold becomes a finding of the family's rule (``tone.check``).

The weights ship as ``letterlab/models/tone/tone-model.npz`` (hashed features, only the non-zero weights),
with the version, the decision threshold, the regularisation and the SHA-256 of the data it was trained on.
``letterlab.tone_training`` trains it (numpy only) and runs the leave-one-writer-out evaluation; see
docs/tone.md. No model file (or a broken one): the rules work alone.

Feature extraction reads the token table once per sentence (linear in the letter) and hashes the feature
names with CRC-32, which is stable across processes (``hash()`` is not). A model file names the feature set it was
trained on (``FEATURES``; set 2 adds writer-free cues, ``_carrying_cues``); a file that names none reads set 1.
A family added to a file later may carry its own threshold and feature set (``<family>.threshold``,
``<family>.features``; ``ToneModel.threshold_of``, ``ToneModel.parts``); without them a family reads the file's.
"""
from __future__ import annotations

import logging
import re
from letterlab import rxcache
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from .tone_rx import Pre

log = logging.getLogger(__name__)

MODEL_FAMILIES = ("trussel", "belaering", "bebrejdelse", "kommando", "kold-afvisning")
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "tone" / "tone-model.npz"
FORMAT = 1
DIM_BITS = 18
DIM = 1 << DIM_BITS

MODEL_PARTS = ("body", "list", "keyvalue")
BARE_CUES = {"imp", "imp_first", "spass", "blive_part", "vil_blive", "vil_blive_part", "neg", "subj2", "p!"}
DUTY_LEMMAS = {"påhvile", "pligt", "opmærksom", "bemærke", "understrege", "minde", "indskærpe", "forpligte"}
NEG = {"ikke", "aldrig", "ingen", "intet", "ej"}
MODALS = {"skulle", "måtte", "burde", "kunne", "ville", "skal", "må", "bør", "kan", "vil"}
SUBJ_DEPS = {"nsubj", "nsubj:pass", "expl"}
WAY_OUT_RE = Pre(rxcache.compile(r"\b(hvis|såfremt|når)\b[^.]{0,80}\b(du|de|i) (kan|må|ønsker|vil)\b|"
                        r"\b(du|de|i) (kan|må gerne) (også |altid |i stedet )?(få|søge|bede|aftale|vælge|klage|ringe)\b"))
# the reader, whatever the form of address: one token for the person, one for the possessive
READER = {"du": "2p", "dig": "2p", "De": "2p", "Dem": "2p", "I": "2p", "jer": "2p", "Jer": "2p",
          "din": "2poss", "dit": "2poss", "dine": "2poss", "Deres": "2poss", "jeres": "2poss", "Jeres": "2poss"}
LOWER_READER = {"du", "dig", "din", "dit", "dine", "jer", "jeres"}    # lower-case "de", "dem", "i" are not the reader

# Feature sets: 1 is what the model of sessions 10-21 was trained on; 2 adds the writer-free cues
# (``_carrying_cues``). A model file names its set in ``meta.features`` (none: 1), so an older model reads exactly
# the features it was trained on.
FEATURES = 2
# the writer-free cues of feature set 2: word classes, not one writer's words (each list is a class of the
# language: an expectation verb, a word for the reader's point, a verb that sets a point aside …)
EXPECT_LEMMAS = {"forvente", "formode", "antage", "forudsætte", "gå_ud_fra"}
POINT_NOUNS = {"oplysning", "bemærkning", "forklaring", "indsigelse", "argument", "synspunkt", "udtalelse",
               "indvending", "ønske", "forhold", "begrundelse", "beskrivelse", "kommentar", "påstand", "henvendelse"}
POINT_DETS = {"2poss", "denne", "dette", "disse", "sådan", "sådanne", "de", "den", "det"}
DISMISS_LEMMAS = {"ændre", "indgå", "relevant", "vægt", "betydning", "påvirke", "tillægge", "rokke", "gøre",
                  "forholde", "diskussion", "stilling", "uden"}
REFUSE_LEMMAS = {"afslag", "afslå", "afvise", "imødekomme", "bevilge", "godkende", "mulig", "tillade", "acceptere",
                 "dispensation", "undtagelse", "modtage", "behandle", "foretage", "flytte"}
RESPONSIBILITY = {"ansvar", "ansvarlig", "pligt", "forpligtelse", "forpligte", "opgave", "selv"}
ANYONE = {"enhver", "ethvert", "alle", "samtlige", "man", "ens"}
# words that judge the reader or the case instead of telling it, and particles that say "as you ought to know"
EVALUATIVE = {"bemærkelsesværdig", "tydelig", "tydeligvis", "åbenbart", "åbenlys", "uforståelig", "forstå",
              "gide", "alvor", "alvorlig", "efterhånden", "besværlig", "beklagelig", "uacceptabel", "ansvarsfølelse",
              "naturligvis", "selvfølgelig", "almindelig", "rimelig", "urimelig", "fornuftig", "ordentlig",
              "forsømme", "undlade", "desværre", "først"}
PARTICLES = {"jo", "vel", "altså", "nemlig", "netop", "bare", "blot", "overhovedet", "engang"}
REQUEST_WORDS = {"bedes", "beder", "send", "ring", "kontakt", "skriv", "svar", "indsend"}


def _de_is_reader(t, toks: list[int], n: int) -> bool:
    """A sentence-initial "De" is the polite reader when a finite verb follows it (not "De nye regler …")."""
    nxt = next((j for j in toks[n + 1:] if not t.punct[j]), None)
    return nxt is not None and t.pos[nxt] in ("VERB", "AUX")


_ZEROS = str.maketrans("123456789", "000000000")
# ``_norm`` of each string seen, shared across letters (the same few thousand words recur)
_NORMS: dict[str, str] = {}
_CACHE_MAX = 200_000


def _norm(w: str) -> str:
    got = _NORMS.get(w)
    if got is None:
        got = w.translate(_ZEROS)
        if len(_NORMS) < _CACHE_MAX:
            _NORMS[w] = got
    return got


# per UD feature string: (imperative, s-passive, participle, the "noun1:" cue, the "tense:" cue of a finite verb)
_MORPH_CUES: dict[str, tuple] = {}


def _morph_cues(t, i: int) -> tuple:
    m = t.morph[i]
    got = _MORPH_CUES.get(m)
    if got is None:
        feats = t.feats(i)
        tense = feats.get("Tense") if feats.get("VerbForm") == "Fin" else None
        got = (feats.get("Mood") == "Imp", feats.get("Voice") == "Pass", feats.get("VerbForm") == "Part",
               "noun1:" + (feats.get("Definite") or "-"), "tense:" + tense if tense else None,
               feats.get("Number") == "Plur" and feats.get("Definite") == "Ind")
        if len(_MORPH_CUES) < _CACHE_MAX:
            _MORPH_CUES[m] = got
    return got


_tone = None
_FOREIGN_WORDS: frozenset = frozenset()


def _tone_module():
    """``letterlab.checks.tone``, imported on first use (it imports this module)."""
    global _tone, _FOREIGN_WORDS
    if _tone is None:
        from . import tone

        _FOREIGN_WORDS = tone.ENGLISH_WORDS | tone.NORWEGIAN_WORDS
        _tone = tone
    return _tone


def eligible(td, k: int, ctx=None) -> bool:
    """The model may judge body sentence ``k``: a sentence with words in the letter's body (``MODEL_PARTS`` of
    the anatomy in ``ctx``: not the appeal guide, whose rights and deadlines are standard text), not a
    heading, a line in capitals, a sub-heading without a full stop or a line of merge fields only. (Quotes,
    quoted law, English and Norwegian sentences, the letterhead and the signature never reach ``td.sents``.)"""
    tone = _tone_module()
    s = td.sents[k]
    if s.zone != "body" or tone._caps_line(td, s) or ctx is not None and (
            # the part ``tone_doc`` read from these same parts, else the anatomy asked again
            s.part if td.parts is ctx.parts else ctx.part_at(s.start)) not in MODEL_PARTS:
        return False
    text = s.text.strip()
    if text[-1:] not in ".!?" and tone._own_line(td, s):
        return False            # a sub-heading in a plain-text letter ("Hvad sker der nu")
    t = td.table
    space, punct, placeholder = t.space, t.punct, t.placeholder
    words = [i for i in td.tokens(s) if not space[i] and not punct[i] and not placeholder[i]]
    if len(words) < 3:
        return False
    # trained on Danish only: one English or Norwegian function word and no Danish-only one is enough to
    # leave the sentence alone ("Du har fortsatt ikke betalt."), where the rules want two
    lower = t.lower
    low = {lower[i] for i in words}
    return low.isdisjoint(_FOREIGN_WORDS) or not low.isdisjoint(tone.DANISH_ONLY_WORDS)


def _doc_columns(td) -> tuple[list[str], list[str]]:
    """The normalised word (``_norm`` of the lower-case form) and lemma of every token of the letter, once per letter."""
    got = td._cache.get("model_cols")
    if got is None:
        t = td.table
        get = _NORMS.get
        # the strings seen before at C speed; ``_norm`` only for new ones, and an empty lemma reads the word
        wn = list(map(get, t.lower))
        if None in wn:
            wn = [w or _norm(x) for w, x in zip(wn, t.lower)]
        ln = list(map(get, t.lemma))
        if None in ln or "" in t.lemma:
            ln = [(lem or _norm(x)) if x else w for lem, x, w in zip(ln, t.lemma, wn)]
        got = td._cache["model_cols"] = (wn, ln)
    return got


def _detector_names(td) -> dict[int, list[str]]:
    """The names of the rules' detectors (``_detectors``) that match each body sentence (by index), in the detectors'
    order, once per letter."""
    got = td._cache.get("model_detectors")
    if got is None:
        got = td._cache["model_detectors"] = {}
        for name, rx in _detectors():
            # one scan of the letter per detector, skipped when the pattern's literals are absent (``ToneDoc.hits``)
            for k in td.hits([rx]):
                got.setdefault(k, []).append(name)
    return got


def _sent_flag(td, key: str, k: int, fn) -> bool:
    """``fn(td.sents[k].low)`` as a bool, once per sentence and letter."""
    got = td._cache.get(key)
    if got is None:
        got = td._cache[key] = {}
    v = got.get(k)
    if v is None:
        v = got[k] = bool(fn(td.sents[k].low))
    return v


def sentence_features(td, k: int, fs: int = 1) -> list[str]:
    """The feature names of body sentence ``k`` in feature set ``fs`` (with repeats; the caller hashes them into a
    set)."""
    parts = _sentence_parts(td, k, fs)
    if parts is None:
        return []
    return [prefix + _key_name(key) for prefix, keys in _feature_groups(*parts) for key in keys]


def _feature_groups(words: list[str], lemmas: list[str], cues: set[str]) -> tuple:
    """The features of a sentence with words, by group: (name prefix, keys); a feature is named ``prefix +
    _key_name(key)``. Words and lemmas, their bigrams, the first lemma and pair, the length, the cues."""
    return (("w:", words), ("l:", lemmas), ("b:", zip(lemmas, lemmas[1:])), ("wb:", zip(words, words[1:])),
            ("first:", lemmas[:1]), ("first2:", zip(lemmas[:1], lemmas[1:2])),
            ("len:", (str(min(len(lemmas) // 6, 6)),)), ("c:", cues))


def _key_name(key: str | tuple[str, str]) -> str:
    return key if isinstance(key, str) else key[0] + "_" + key[1]


def _sentence_parts(td, k: int, fs: int = 1) -> tuple[list[str], list[str], set[str]] | None:
    """The words and lemmas (the form of address read alike) and the cues of body sentence ``k``, from which
    ``sentence_features`` builds the feature names; None when it has no words. Feature set 2 (``fs``) adds the
    writer-free cues (``_carrying_cues``)."""
    tone = _tone_module()
    s = td.sents[k]
    t = td.table
    space = t.space
    rng = td.tokens(s)
    if td.quotes:
        quoted, idx = td.quoted, t.idx
        toks = [i for i in rng if not space[i] and not quoted(idx[i])]
    else:
        toks = [i for i in rng if not space[i]]
    wn, ln = _doc_columns(td)
    ttext, punct, pos_col, dep, morph = t.text, t.punct, t.pos, t.dep, t.morph
    known = _MORPH_CUES.get     # (``_morph_cues`` without a call for a known feature string)
    f: list[str] = []
    lemmas: list[str] = []
    words: list[str] = []
    cues: set[str] = set()
    subj2 = False
    after_blive = -9
    after_vil = -9
    after_have = -9
    perfect = False
    subjects: list[tuple[str, str, bool]] = []      # (word, POS, a plural of a kind), for feature set 2
    for n, i in enumerate(toks):
        text = ttext[i]
        if punct[i]:
            if text in ("!", "?", ":", ";"):
                cues.add("p" + text)
            continue
        w = wn[i]
        lem = ln[i]
        reader = READER.get(text) or (READER.get(w) if w in LOWER_READER else None)
        if reader and not (text == "De" and n == 0 and not _de_is_reader(t, toks, n)):
            w = lem = reader        # "De", "du", "I" read alike: the form of address is no tone
        words.append(w)
        lemmas.append(lem)
        pos = pos_col[i]
        imp, spass, part, noun1, tense, plural_kind = known(morph[i]) or _morph_cues(t, i)
        if imp:
            cues.add("imp")
            if len(lemmas) == 1:
                cues.add("imp_first")
        if spass:
            cues.add("spass")
        if pos == "NOUN" and "noun1" not in cues:
            cues.add("noun1")       # the first noun: definite ("Affaldet tømmes ikke …") or a kind ("Mails …")
            cues.add(noun1)
        if part and n - after_blive <= 3:
            cues.add("blive_part")
            if n - after_vil <= 5:
                cues.add("vil_blive_part")
        if lem == "blive":
            after_blive = n
            if n - after_vil <= 3:
                cues.add("vil_blive")
        if w in ("vil", "ville"):
            after_vil = n
        if lem == "have":
            after_have = n
        elif part and n - after_have <= 3:
            perfect = True
        if w in NEG:
            cues.add("neg")
            if len(lemmas) > 1 and lemmas[-2] in MODALS:
                cues.add("neg_modal:" + lemmas[-2])
        if w in MODALS and pos in ("AUX", "VERB"):
            cues.add("modal:" + w)
        if dep[i] in SUBJ_DEPS:
            subjects.append((w, pos, plural_kind))
            if w == "2p":
                subj2 = True
            elif w in ("vi", "kommunen", "jeg", "forvaltningen"):
                cues.add("subj_we")
            elif pos == "NOUN":
                cues.add("subj_noun")
        if tense and pos in ("VERB", "AUX"):
            cues.add(tense)
    if not lemmas:
        return None
    if subj2:
        cues.add("subj2")
        cues.update(["subj2&" + c for c in cues if c.startswith(("modal:", "neg", "tense:"))])

    # what the rules' own detectors see, before their exemptions: a sanction word, the reader's omission
    failure = None
    for name in _detector_names(td).get(k, ()):
        if name in ("repeated", "informed"):
            if failure is None:
                failure = bool(_failure_re().search(s.low))
            if not failure:
                continue    # "igen" and "oplyst" reproach only with a failure ("De igen selv kan …" does not)
        cues.add("det:" + name)
    if not DUTY_LEMMAS.isdisjoint(lemmas):
        for n, lem in enumerate(lemmas):
            if lem in DUTY_LEMMAS:      # a duty or a reminder put on the reader, or on someone else ("påhviler kommunen")
                near = lemmas[n + 1:n + 4]
                cues.add("duty_reader" if "2p" in near or "2poss" in near else "duty_other")

    # the letter around it: a reason, a way out, help in this sentence or the next
    last = k + 1 >= len(td.sents)
    nxt = None if last else td.sents[k + 1]
    reason = td.has_reason(s)
    help_here = td.help(s)
    help_next = not last and td.help(nxt)
    reason_next = not last and _sent_flag(td, "model_reason", k + 1, tone.REASON_RE.search)
    way = _sent_flag(td, "model_way", k, WAY_OUT_RE.search) or not last and _sent_flag(td, "model_way", k + 1,
                                                                                       WAY_OUT_RE.search)
    help_letter = td.help_anywhere()
    if reason:
        cues.add("ctx:reason")
    if help_here:
        cues.add("ctx:help")
    if help_next:
        cues.add("ctx:help_next")
    if reason_next:
        cues.add("ctx:reason_next")
    if way:
        cues.add("ctx:way")
    if help_letter:
        cues.add("ctx:help_letter")
    if k == 0:
        cues.add("ctx:first")
    if last:
        cues.add("ctx:last")
    if not (reason or help_here or help_next or reason_next or way):
        cues.add("ctx:bare")
        cues.update(["bare&" + c for c in cues if c in BARE_CUES or c.startswith(("modal:", "neg_modal:"))])
    if not help_letter:
        cues.update(["nohelp&" + c for c in ("vil_blive", "vil_blive_part", "blive_part", "spass", "neg") if c in cues])
    if fs >= 2:
        _carrying_cues(td, k, words, lemmas, cues, subjects, perfect)
    return words, lemmas, cues


def _carrying_cues(td, k: int, words: list[str], lemmas: list[str], cues: set[str],
                   subjects: list[tuple[str, str, bool]], perfect: bool) -> None:
    """Add feature set 2's cues to ``cues``: shapes that carry from one writer to the next because they name a class
    of words or a construction, not a writer's words. Set look-ups on the sentence's lemmas (at C speed) and one pass
    over its few subjects; the letter-wide request index once per letter (``_first_request``).

    - "man" or a plural of a kind as subject ("Forældre har …", "Borgere skal …"), "enhver"/"alle", with a modal
      verb, a responsibility word or an expectation verb (a lecture told about a group);
    - an expectation verb ("forventes", "vi går ud fra"), with "man", the passive or "vi";
    - the reader as subject, negated, in the past or perfect ("De har ikke oplyst"): the reader's failure;
    - a refusal word or "ikke" with a modal or "muligt", with no reason, way or help in the sentence or the next;
    - the reader's point (their or this information, explanation, wish …) with a verb that sets it aside;
    - a word that judges the reader or the case, a particle of "as you ought to know" ("jo", "vel");
    - a sanction before the letter's first request, and the sentence's place in the letter (quarter)."""
    lems = set(lemmas)
    add = cues.add
    reader = "2p" in lems or "2poss" in lems
    neg = "neg" in cues
    modal = any(c.startswith("modal:") for c in cues)
    bare = "ctx:bare" in cues
    passive = "spass" in cues or "blive_part" in cues
    we = "subj_we" in cues
    if "gå" in lems and "fra" in lems and "ud" in lems:
        for n, lem in enumerate(lemmas[:-2]):
            if lem == "gå" and lemmas[n + 1] == "ud" and lemmas[n + 2] == "fra":
                lems.add("gå_ud_fra")
    expect = not EXPECT_LEMMAS.isdisjoint(lems)
    resp = not RESPONSIBILITY.isdisjoint(lems) or "duty_reader" in cues or "duty_other" in cues
    generic = False
    for w, pos, kind in subjects:
        if w == "man":
            add("g:man_subj")
            generic = True
        elif w in ANYONE or pos == "NOUN" and kind:
            add("g:kind_subj")      # "Forældre har …", "Alle lejere har …": a group, not this reader
            generic = True
    if not generic and "man" in lems:
        add("g:man")
        generic = True
    if generic:
        add("g:generic")
        if modal:
            add("g:generic&modal")
        if resp:
            add("g:generic&resp")
        if expect:
            add("g:generic&expect")
        if reader:
            add("g:generic&reader")
    if expect:
        add("g:expect")
        if passive or modal:
            add("g:expect&pass_or_modal")
        if we:
            add("g:expect&we")
        if neg:
            add("g:expect&neg")
    if resp and reader:
        add("g:resp&reader")
    if "subj2" in cues and neg:
        if perfect or "tense:Past" in cues:
            add("g:reader_neg_past")
        else:
            add("g:reader_neg")
    if perfect:
        add("g:perfect")
        if neg:
            add("g:neg_perfect")
    refuse = not REFUSE_LEMMAS.isdisjoint(lems)
    if neg and (refuse or modal):
        add("g:refusal")
        if bare:
            add("g:refusal&bare")
        if we:
            add("g:refusal&we")
        if passive:
            add("g:refusal&pass")
    elif refuse and passive:
        add("g:refusal_pass")
        if bare:
            add("g:refusal_pass&bare")
    point = False
    if not POINT_NOUNS.isdisjoint(lems):
        for n, lem in enumerate(lemmas):
            if lem in POINT_NOUNS and n and (lemmas[n - 1] in POINT_DETS or words[n - 1] in POINT_DETS):
                point = True
                break
    if point:
        add("g:point")
        dismiss = not DISMISS_LEMMAS.isdisjoint(lems)
        if neg and dismiss:
            add("g:point_dismissed")
            if bare:
                add("g:point_dismissed&bare")
        elif neg:
            add("g:point&neg")
    if not EVALUATIVE.isdisjoint(lems):
        add("g:eval")
        if reader:
            add("g:eval&reader")
    if not PARTICLES.isdisjoint(lems):
        add("g:particle")
        if reader or generic:
            add("g:particle&person")
    n_sents = len(td.sents)
    add("g:pos" + str(min(3, 4 * k // max(1, n_sents))))
    if "det:sanction" in cues:
        first = _first_request(td)
        add("g:sanction_before_request" if k <= first else "g:sanction_after_request")
        if k <= 2:
            add("g:sanction_early")


def _first_request(td) -> int:
    """The index of the first body sentence that asks the reader for something (an imperative or a request word,
    ``REQUEST_WORDS``; "bedes"), once per letter; the number of sentences when none does."""
    got = td._cache.get("model_first_request")
    if got is None:
        got = len(td.sents)
        t = td.table
        lower = t.lower
        for j, s in enumerate(td.sents):
            rng = td.tokens(s)
            if any(lower[i] in REQUEST_WORDS for i in rng) or td.imperative(s):
                got = j
                break
        td._cache["model_first_request"] = got
    return got


@lru_cache(maxsize=1)
def _detectors():
    from . import tone

    return (("sanction", tone.SANCTION_RE), ("always_cold", tone.ALWAYS_COLD_RE), ("failure_if", tone.FAILURE_IF_RE),
            ("reader_failed", tone.READER_FAILED_RE), ("still_not", tone.STILL_NOT_RE),
            ("repeated", tone.REPEATED_RE), ("informed", tone.INFORMED_RE), ("adverse", tone.ADVERSE_PASSIVE_RE))


@lru_cache(maxsize=1)
def _failure_re():
    from .tone import FAILURE_RE

    return FAILURE_RE


def hashed(names: list[str]) -> np.ndarray:
    """The sorted, unique hashed indices of ``names``."""
    mask = DIM - 1
    return np.array(sorted({zlib.crc32(n.encode()) & mask for n in names}), dtype=np.int64)


_add_rows = np.add.reduce      # what ``ndarray.sum`` calls for a float32 array (the same pairwise sums)


class ToneModel:
    """One linear model per family over hashed features: ``p = sigmoid(bias + sum(w[features]))``."""

    def __init__(self, weights: dict[str, np.ndarray], bias: dict[str, float], threshold: float,
                 meta: dict | None = None, thresholds: dict[str, float] | None = None,
                 family_features: dict[str, int] | None = None):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.meta = meta or {}
        self.families = tuple(f for f in MODEL_FAMILIES if f in weights)
        # the feature set the model was trained on (``FEATURES``); a file without it predates feature set 2
        self.features = int(self.meta.get("features", 1))
        # a family added to a model later may carry its own threshold and feature set (session 22b: a
        # ``belaering`` model on set 2 beside the four families of set 1); the others read the model's
        self.thresholds = {f: float((thresholds or {}).get(f, threshold)) for f in self.families}
        self.family_features = {f: int((family_features or {}).get(f, self.features)) for f in self.families}
        self._stack = None      # the families' weights as rows of one array (``_stacked``), made on first use
        self._parts = None      # (feature set, model of the families that read it), ``parts``

    def threshold_of(self, family: str) -> float:
        return self.thresholds.get(family, self.threshold)

    def parts(self) -> list[tuple[int, "ToneModel"]]:
        """(feature set, model) per feature set the families read: ``[(features, self)]`` when they all read the
        model's set, as every model before session 22b."""
        got = self._parts
        if got is None:
            sets = sorted(set(self.family_features.values()))
            if len(sets) <= 1:
                got = [(sets[0] if sets else self.features, self)]
            else:
                got = []
                for fs in sets:
                    fams = [f for f in self.families if self.family_features[f] == fs]
                    got.append((fs, ToneModel({f: self.weights[f] for f in fams}, {f: self.bias[f] for f in fams},
                                              self.threshold, {**self.meta, "features": fs})))
            self._parts = got
        return got

    def _stacked(self) -> np.ndarray | None:
        """The families' weight vectors as the rows of one float32 array, or None when they are not all 1-D
        float32 vectors of one length (then ``score`` sums family by family). The weights are read-only once
        scored."""
        stack = self._stack
        if stack is None:
            ws = [self.weights[f] for f in self.families]
            if ws and all(isinstance(w, np.ndarray) and w.dtype == np.float32 and w.ndim == 1 and w.shape == ws[0].shape
                          for w in ws):
                stack = np.stack(ws)
            else:
                stack = False
            self._stack = stack
        return stack if stack is not False else None

    def score(self, idx: np.ndarray) -> dict[str, float]:
        stack = self._stacked()
        if stack is not None and len(idx):
            # every family's sum in one call: a row of ``take`` is contiguous and ``sum(axis=1)`` adds it pairwise,
            # as ``weights[fam][idx].sum()`` does (the same float32 sums, bit for bit)
            # (the array methods themselves: ``np.take`` and ``.sum`` go through Python wrappers, same computation)
            sums = _add_rows(stack.take(idx, axis=1), axis=1)
            out = {}
            for j, fam in enumerate(self.families):
                z = float(self.bias[fam] + sums[j])
                out[fam] = 1.0 / (1.0 + np.exp(-z))
            return out
        out = {}
        for fam in self.families:
            z = float(self.bias[fam] + self.weights[fam][idx].sum()) if len(idx) else float(self.bias[fam])
            out[fam] = 1.0 / (1.0 + np.exp(-z))
        return out

    def score_all(self, idxs: list[np.ndarray]) -> list[dict[str, float]]:
        """``[self.score(idx) for idx in idxs]`` (a letter's sentences), with one ``take`` of the weights and one
        ``exp`` for them all: the same float32 sums (each sentence's columns of the one ``take``, a contiguous row
        per family, added pairwise as in ``score``) and the same float64 arithmetic, element by element."""
        stack = self._stacked()
        if stack is None or not all(len(idx) for idx in idxs):
            return [self.score(idx) for idx in idxs]
        if not idxs:
            return []
        taken = stack.take(np.concatenate(idxs), axis=1)
        zs = []
        a = 0
        for idx in idxs:
            b = a + len(idx)
            sums = _add_rows(taken[:, a:b], axis=1)
            zs.extend([float(self.bias[fam] + sums[j]) for j, fam in enumerate(self.families)])
            a = b
        ps = 1.0 / (1.0 + np.exp(-np.array(zs)))
        n = len(self.families)
        return [dict(zip(self.families, ps[i:i + n])) for i in range(0, len(ps), n)]

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {}
        for fam in self.families:
            w = self.weights[fam]
            nz = np.flatnonzero(w)
            arrays[f"{fam}.idx"] = nz.astype(np.int32)
            arrays[f"{fam}.w"] = w[nz].astype(np.float32)
            arrays[f"{fam}.bias"] = np.array([self.bias[fam]], dtype=np.float64)
            if self.thresholds[fam] != self.threshold:
                arrays[f"{fam}.threshold"] = np.array([self.thresholds[fam]], dtype=np.float64)
            if self.family_features[fam] != self.features:
                arrays[f"{fam}.features"] = np.array([self.family_features[fam]], dtype=np.int32)
        arrays["threshold"] = np.array([self.threshold], dtype=np.float64)
        arrays["format"] = np.array([FORMAT], dtype=np.int32)
        arrays["dim_bits"] = np.array([DIM_BITS], dtype=np.int32)
        for key, value in self.meta.items():
            arrays["meta." + key] = np.array(str(value))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: Path) -> "ToneModel":
        with np.load(path, allow_pickle=False) as z:
            if int(z["format"][0]) != FORMAT or int(z["dim_bits"][0]) != DIM_BITS:
                raise ValueError("unknown tone model format")
            weights, bias, thresholds, fsets = {}, {}, {}, {}
            for fam in MODEL_FAMILIES:
                if f"{fam}.idx" not in z:
                    continue
                w = np.zeros(DIM, dtype=np.float32)
                w[z[f"{fam}.idx"]] = z[f"{fam}.w"]
                weights[fam] = w
                bias[fam] = float(z[f"{fam}.bias"][0])
                if f"{fam}.threshold" in z:         # a family's own threshold and feature set (none: the model's)
                    thresholds[fam] = float(z[f"{fam}.threshold"][0])
                if f"{fam}.features" in z:
                    fsets[fam] = int(z[f"{fam}.features"][0])
            meta = {k[5:]: str(z[k]) for k in z.files if k.startswith("meta.")}
            return cls(weights, bias, float(z["threshold"][0]), meta, thresholds, fsets)


_override: list = []


@lru_cache(maxsize=1)
def _shipped() -> ToneModel | None:
    try:
        return ToneModel.load(MODEL_PATH)
    except FileNotFoundError:
        return None
    except Exception as exc:     # a broken file must not stop the analysis: the rules work alone
        log.error("tone model not loaded: %s", type(exc).__name__)
        return None


def current_model() -> ToneModel | None:
    """The model the tone check uses: the shipped one, or the one ``using`` set (None: rules only)."""
    return _override[-1] if _override else _shipped()


class using:
    """``with using(model):`` the tone check uses ``model`` (None: the rules alone); for training and tests."""

    def __init__(self, model: ToneModel | None):
        self.model = model

    def __enter__(self):
        _override.append(self.model)
        return self.model

    def __exit__(self, *exc):
        _override.pop()


# per feature prefix ("w:", "b:" …): the hashed index of the feature named by the prefix and a key (a word, or a
# pair of words joined by "_"), shared across letters like ``_NORMS``
_HASHED: dict[str, dict] = {}
_PREFIXES = ("w:", "l:", "b:", "wb:", "first:", "first2:", "len:", "c:")     # ``_feature_groups``' order


def _add_hashed(out: set[int], prefix: str, keys) -> None:
    """Add to ``out`` the hashed index (``hashed``) of each feature ``prefix + _key_name(key)``."""
    known = _HASHED.get(prefix)
    if known is None:
        known = _HASHED[prefix] = {}
    keys = list(keys)
    got = list(map(known.get, keys))       # the known ones at C speed; the loop below only for new keys
    if None not in got:
        out.update(got)
        return
    mask = DIM - 1
    for key, h in zip(keys, got):
        if h is None:
            h = zlib.crc32((prefix + _key_name(key)).encode()) & mask
            if len(known) < _CACHE_MAX:
                known[key] = h
        out.add(h)


def _known_slots(words: list[str], lemmas: list[str], cues: set[str]) -> set[int] | None:
    """The hashed indices of the sentence's features (``_feature_groups``) when every one of them is remembered
    (``_HASHED``), else None: one dictionary look-up per key, at C speed, for the groups of a usual sentence."""
    if len(_HASHED) < len(_PREFIXES):
        return None         # the first sentence of a process
    w, lem, b, wb, first, first2, n, c = map(_HASHED.__getitem__, _PREFIXES)
    out = set(map(w.get, words))
    out.update(map(lem.get, lemmas), map(first.get, lemmas[:1]), map(c.get, cues))
    out.update(map(b.get, zip(lemmas, lemmas[1:])), map(wb.get, zip(words, words[1:])),
               map(first2.get, zip(lemmas[:1], lemmas[1:2])))
    out.add(n.get(str(min(len(lemmas) // 6, 6))))
    if None in out:
        return None
    return out


def _parts_of(td, k: int, fs: int) -> tuple[list[str], list[str], set[str]] | None:
    """``_sentence_parts(td, k, fs)``, reading the sentence's tokens once a letter for every feature set: a higher
    set's parts serve a lower one, whose cues are the same but for set 2's "g:" cues (``_carrying_cues``)."""
    key = ("model_parts", k)
    got = td._cache.get(key)
    if got is None or got[0] < fs:
        got = td._cache[key] = (fs, _sentence_parts(td, k, fs))
    have, parts = got
    if have == fs or parts is None:
        return parts
    words, lemmas, cues = parts
    return words, lemmas, {c for c in cues if not c.startswith("g:")}


def sentence_index(td, k: int, fs: int = 1) -> np.ndarray:
    """``hashed(sentence_features(td, k, fs))``, once per sentence, feature set and letter, without spelling out the
    names: the index of a word's or a pair's feature is remembered."""
    key = ("model_idx", k) if fs == 1 else ("model_idx", k, fs)
    got = td._cache.get(key)
    if got is None:
        out = _slots_of(td, k, fs)
        got = np.fromiter(out, dtype=np.int64, count=len(out))
        got.sort()
        td._cache[key] = got
    return got


def _slots_of(td, k: int, fs: int) -> set[int]:
    """The hashed indices of body sentence ``k``'s features in feature set ``fs`` (``sentence_index``, as a set). Set 1's
    once a letter; a higher set's are set 1's and those of its "g:" cues, the only features it adds (``_parts_of``)."""
    if fs > 1:
        parts = _parts_of(td, k, fs)
        if parts is None:
            return set()
        out = set(_slots_of(td, k, 1))
        _add_hashed(out, "c:", [c for c in parts[2] if c.startswith("g:")])
        return out
    key = ("model_slots", k)
    got = td._cache.get(key)
    if got is None:
        parts = _parts_of(td, k, 1)
        got = set()
        if parts is not None:
            got = _known_slots(*parts)
            if got is None:         # a word, a pair or a cue not met before: each group on its own
                got = set()
                for prefix, keys in _feature_groups(*parts):
                    _add_hashed(got, prefix, keys)
        td._cache[key] = got
    return got


def scores(td, model: ToneModel, ctx=None) -> dict[int, dict[str, float]]:
    """The model's probability per family for every eligible body sentence (by index), once per letter."""
    key = ("model_scores", id(model))
    got = td._cache.get(key)
    if got is None:
        ks = [k for k in range(len(td.sents)) if eligible(td, k, ctx)]
        got = {k: {} for k in ks}
        # families on different feature sets: each part scores the sentences' features of its set, the highest set
        # first (its parts serve the others)
        for fs, one in sorted(model.parts(), key=lambda part: -part[0]):
            for k, p in zip(ks, one.score_all([sentence_index(td, k, fs) for k in ks])):
                got[k].update(p)
        td._cache[key] = got
    return got


def model_hits(td, family: str, flagged: set[int], ctx=None) -> list[int]:
    """Indices of the body sentences the model flags for ``family``, beyond those the rules flagged."""
    model = current_model()
    if model is None or family not in model.families:
        return []
    return [k for k, p in scores(td, model, ctx).items() if k not in flagged and p[family] >= model.threshold_of(family)]
