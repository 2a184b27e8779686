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
names with CRC-32, which is stable across processes (``hash()`` is not).
"""
from __future__ import annotations

import logging
import re
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL_FAMILIES = ("trussel", "bebrejdelse", "kommando", "kold-afvisning")
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
WAY_OUT_RE = re.compile(r"\b(hvis|såfremt|når)\b[^.]{0,80}\b(du|de|i) (kan|må|ønsker|vil)\b|"
                        r"\b(du|de|i) (kan|må gerne) (også |altid |i stedet )?(få|søge|bede|aftale|vælge|klage|ringe)\b")
# the reader, whatever the form of address: one token for the person, one for the possessive
READER = {"du": "2p", "dig": "2p", "De": "2p", "Dem": "2p", "I": "2p", "jer": "2p", "Jer": "2p",
          "din": "2poss", "dit": "2poss", "dine": "2poss", "Deres": "2poss", "jeres": "2poss", "Jeres": "2poss"}
LOWER_READER = {"du", "dig", "din", "dit", "dine", "jer", "jeres"}    # lower-case "de", "dem", "i" are not the reader


def _de_is_reader(t, toks: list[int], n: int) -> bool:
    """A sentence-initial "De" is the polite reader when a finite verb follows it (not "De nye regler …")."""
    nxt = next((j for j in toks[n + 1:] if not t.punct[j]), None)
    return nxt is not None and t.pos[nxt] in ("VERB", "AUX")


_ZEROS = str.maketrans("123456789", "000000000")


def _norm(w: str) -> str:
    return w.translate(_ZEROS)


def eligible(td, k: int, ctx=None) -> bool:
    """The model may judge body sentence ``k``: a sentence with words in the letter's body (``MODEL_PARTS`` of
    the anatomy in ``ctx``: not the appeal guide, whose rights and deadlines are standard text), not a
    heading, a line in capitals, a sub-heading without a full stop or a line of merge fields only. (Quotes,
    quoted law, English and Norwegian sentences, the letterhead and the signature never reach ``td.sents``.)"""
    from .tone import DANISH_ONLY_WORDS, ENGLISH_WORDS, NORWEGIAN_WORDS, _caps_line, _own_line

    s = td.sents[k]
    if s.zone != "body" or _caps_line(td, s) or ctx is not None and ctx.part_at(s.start) not in MODEL_PARTS:
        return False
    text = s.text.strip()
    if text[-1:] not in ".!?" and _own_line(td, s):
        return False            # a sub-heading in a plain-text letter ("Hvad sker der nu")
    t = td.table
    words = [i for i in td.tokens(s) if not t.space[i] and not t.punct[i] and not t.placeholder[i]]
    if len(words) < 3:
        return False
    # trained on Danish only: one English or Norwegian function word and no Danish-only one is enough to
    # leave the sentence alone ("Du har fortsatt ikke betalt."), where the rules want two
    low = {t.lower[i] for i in words}
    return not (low & (ENGLISH_WORDS | NORWEGIAN_WORDS)) or bool(low & DANISH_ONLY_WORDS)


def sentence_features(td, k: int) -> list[str]:
    """The feature names of body sentence ``k`` (with repeats; the caller hashes them into a set)."""
    from .tone import HELP_RE, REASON_RE

    s = td.sents[k]
    t = td.table
    toks = [i for i in td.tokens(s) if not t.space[i] and not td.quoted(t.idx[i])]
    f: list[str] = []
    lemmas: list[str] = []
    words: list[str] = []
    cues: set[str] = set()
    subj2 = False
    after_blive = -9
    after_vil = -9
    for n, i in enumerate(toks):
        text = t.text[i]
        if t.punct[i]:
            if text in ("!", "?", ":", ";"):
                cues.add("p" + text)
            continue
        w = _norm(t.lower[i])
        lem = _norm(t.lemma[i] or w)
        reader = READER.get(text) or (READER.get(w) if w in LOWER_READER else None)
        if reader and not (text == "De" and n == 0 and not _de_is_reader(t, toks, n)):
            w = lem = reader        # "De", "du", "I" read alike: the form of address is no tone
        words.append(w)
        lemmas.append(lem)
        f.append("w:" + w)
        f.append("l:" + lem)
        pos = t.pos[i]
        feats = t.feats(i)
        if feats.get("Mood") == "Imp":
            cues.add("imp")
            if not lemmas[:-1]:
                cues.add("imp_first")
        if feats.get("Voice") == "Pass":
            cues.add("spass")
        if pos == "NOUN" and "noun1" not in cues:
            cues.add("noun1")       # the first noun: definite ("Affaldet tømmes ikke …") or a kind ("Mails …")
            cues.add("noun1:" + (feats.get("Definite") or "-"))
        if feats.get("VerbForm") == "Part" and n - after_blive <= 3:
            cues.add("blive_part")
            if n - after_vil <= 5:
                cues.add("vil_blive_part")
        if lem == "blive":
            after_blive = n
            if n - after_vil <= 3:
                cues.add("vil_blive")
        if w in ("vil", "ville"):
            after_vil = n
        if w in NEG:
            cues.add("neg")
            if lemmas[-2:-1] and lemmas[-2] in MODALS:
                cues.add("neg_modal:" + lemmas[-2])
        if w in MODALS and pos in ("AUX", "VERB"):
            cues.add("modal:" + w)
        if t.dep[i] in SUBJ_DEPS:
            if w == "2p":
                subj2 = True
            elif w in ("vi", "kommunen", "jeg", "forvaltningen"):
                cues.add("subj_we")
            elif pos == "NOUN":
                cues.add("subj_noun")
        if pos in ("VERB", "AUX") and feats.get("VerbForm") == "Fin" and feats.get("Tense"):
            cues.add("tense:" + feats["Tense"])
    if not lemmas:
        return []
    if subj2:
        cues.add("subj2")
        cues.update("subj2&" + c for c in list(cues) if c.startswith(("modal:", "neg", "tense:")))
    f.extend("b:" + a + "_" + b for a, b in zip(lemmas, lemmas[1:]))
    f.extend("wb:" + a + "_" + b for a, b in zip(words, words[1:]))
    f.append("first:" + lemmas[0])
    if len(lemmas) > 1:
        f.append("first2:" + lemmas[0] + "_" + lemmas[1])
    f.append("len:" + str(min(len(lemmas) // 6, 6)))

    # what the rules' own detectors see, before their exemptions: a sanction word, the reader's omission
    failure = bool(_failure_re().search(s.low))
    for name, rx in _detectors():
        # one scan of the letter per detector, skipped when the pattern's literals are absent (``ToneDoc.hits``)
        if k in td.hits([rx]) and (failure or name not in ("repeated", "informed")):
            cues.add("det:" + name)     # "igen" and "oplyst" reproach only with a failure ("De igen selv kan …" does not)
    for n, lem in enumerate(lemmas):
        if lem in DUTY_LEMMAS:          # a duty or a reminder put on the reader, or on someone else ("påhviler kommunen")
            cues.add("duty_reader" if "2p" in lemmas[n + 1:n + 4] or "2poss" in lemmas[n + 1:n + 4] else "duty_other")

    # the letter around it: a reason, a way out, help in this sentence or the next
    nxt = td.sents[k + 1] if k + 1 < len(td.sents) else None
    reason = td.has_reason(s)
    help_here = td.help(s)
    help_next = bool(nxt) and td.help(nxt)
    reason_next = bool(nxt) and bool(REASON_RE.search(nxt.low))
    way = bool(WAY_OUT_RE.search(s.low)) or bool(nxt) and bool(WAY_OUT_RE.search(nxt.low))
    help_letter = td.help_anywhere()
    ctx = {"reason": reason, "help": help_here, "help_next": help_next, "reason_next": reason_next,
           "way": way, "help_letter": help_letter, "first": k == 0, "last": nxt is None}
    cues.update("ctx:" + c for c, on in ctx.items() if on)
    bare = not (reason or help_here or help_next or reason_next or way)
    if bare:
        cues.add("ctx:bare")
        cues.update("bare&" + c for c in list(cues) if c in BARE_CUES or c.startswith(("modal:", "neg_modal:")))
    if not help_letter:
        cues.update("nohelp&" + c for c in ("vil_blive", "vil_blive_part", "blive_part", "spass", "neg") if c in cues)
    f.extend("c:" + c for c in cues)
    return f


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


class ToneModel:
    """One linear model per family over hashed features: ``p = sigmoid(bias + sum(w[features]))``."""

    def __init__(self, weights: dict[str, np.ndarray], bias: dict[str, float], threshold: float,
                 meta: dict | None = None):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.meta = meta or {}
        self.families = tuple(f for f in MODEL_FAMILIES if f in weights)

    def score(self, idx: np.ndarray) -> dict[str, float]:
        out = {}
        for fam in self.families:
            z = float(self.bias[fam] + self.weights[fam][idx].sum()) if len(idx) else float(self.bias[fam])
            out[fam] = 1.0 / (1.0 + np.exp(-z))
        return out

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {}
        for fam in self.families:
            w = self.weights[fam]
            nz = np.flatnonzero(w)
            arrays[f"{fam}.idx"] = nz.astype(np.int32)
            arrays[f"{fam}.w"] = w[nz].astype(np.float32)
            arrays[f"{fam}.bias"] = np.array([self.bias[fam]], dtype=np.float64)
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
            weights, bias = {}, {}
            for fam in MODEL_FAMILIES:
                if f"{fam}.idx" not in z:
                    continue
                w = np.zeros(DIM, dtype=np.float32)
                w[z[f"{fam}.idx"]] = z[f"{fam}.w"]
                weights[fam] = w
                bias[fam] = float(z[f"{fam}.bias"][0])
            meta = {k[5:]: str(z[k]) for k in z.files if k.startswith("meta.")}
            return cls(weights, bias, float(z["threshold"][0]), meta)


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


def sentence_index(td, k: int) -> np.ndarray:
    key = ("model_idx", k)
    got = td._cache.get(key)
    if got is None:
        got = td._cache[key] = hashed(sentence_features(td, k))
    return got


def scores(td, model: ToneModel, ctx=None) -> dict[int, dict[str, float]]:
    """The model's probability per family for every eligible body sentence (by index), once per letter."""
    key = ("model_scores", id(model))
    got = td._cache.get(key)
    if got is None:
        got = {k: model.score(sentence_index(td, k)) for k in range(len(td.sents)) if eligible(td, k, ctx)}
        td._cache[key] = got
    return got


def model_hits(td, family: str, flagged: set[int], ctx=None) -> list[int]:
    """Indices of the body sentences the model flags for ``family``, beyond those the rules flagged."""
    model = current_model()
    if model is None or family not in model.families:
        return []
    return [k for k, p in scores(td, model, ctx).items() if k not in flagged and p[family] >= model.threshold]
