"""Train the sentence-level tone model (``letterlab.checks.tone_model``) and measure it across writers.

Data: the tone evaluation sets, one per writer (``WRITERS``): the project's own examples
(``tests/data/tone``) and seven editors' sets (``tests/data/tone-heldout``, ``-heldout2`` … ``-heldout4``,
``-heldout6`` … ``-heldout8``; ``-heldout5`` is kept out, unread, to judge the model).
Each example (a sentence, a short passage or a whole letter) says which families an editor flags in it.

Sentence labels: every sentence the model may judge (``tone_model.eligible``) in an example that does not
expect a family is a negative for that family. A one-sentence example that expects the family is a positive;
in a longer passage or letter that expects it, the one sentence the first model scores highest (among the
sentences an editor marked, when the letter has marks) becomes the positive and the others are left out
(the editor did not say which sentence it was). The model is one L2-regularised logistic regression per
family (``MODEL_FAMILIES``) over hashed features, fitted by L-BFGS in numpy: deterministic, nothing to install.

Leave one writer out (``cross_writer``): for each editor, train on the other sets (the project's set always
among them), and score the editor's examples, the rules alone and the rules with the model. The decision
threshold is the lowest at which the model's own findings (the families it adds to the rules'), pooled out of
writer, are right at least ``MIN_ADDED_PRECISION`` of the time and add at most ``MAX_ADDED_FALSE_ALARMS`` false
alarms, and never below ``FLOOR``. The shipped model is trained on all the sets and carries that threshold. Run::

    python -m letterlab.tone_training --cross-writer     # the table (= python -m letterlab.evaluate_tone --cross-writer)
    python -m letterlab.tone_training --train            # cross-writer threshold, then write the model file

A family can be added to a model file with its own threshold and feature set (session 22b, the shipped
``belaering`` model; the file's own families untouched)::

    python -m letterlab.tone_training --cross-writer --train --with-reviews --families belaering --features 2 \
        --cue-l2 0.25 --word-l2 2 --add-to letterlab/models/tone/tone-model.npz
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

from .checks import tone_model
from .checks.tone import FAMILIES
from .checks.tone_model import FEATURES, MODEL_FAMILIES, ToneModel
from .evaluate_tone import PREFIX, load_examples, mark_recall, score

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
WRITERS = {"project": DATA / "tone", "editor1": DATA / "tone-heldout", "editor2": DATA / "tone-heldout2",
           "editor3": DATA / "tone-heldout3", "editor4": DATA / "tone-heldout4", "editor6": DATA / "tone-heldout6",
           "editor7": DATA / "tone-heldout7", "editor8": DATA / "tone-heldout8"}
# Read sets not (yet) in the shipped model's training data: the project's round-12 recall sentences and the four
# session-12 blind reviews (two editors' problem letters, two editors' good letters). Session 13 trained on them
# too; the unread judges' recall fell on balance, so the shipped model stays as it was (docs/tone.md).
# ``--with-candidates`` repeats that experiment.
CANDIDATES = {"project-recall12": DATA / "tone" / "recall12", "project-recall12b": DATA / "tone" / "recall12b",
              "editor12a": DATA / "tone-editor12a", "editor12b": DATA / "tone-editor12b",
              "editor12c": DATA / "tone-editor12c", "editor12d": DATA / "tone-editor12d"}
# The blind reviews read since (sessions 14-23: problem letters with the editors' marks, respectful sentences and,
# from review 17, good letters), converted into sets. Not in the four shipped families' data: session 19's retrain
# on them (``--with-reviews``) and session 22's (with feature set 2 and a ``belaering`` model, reviews 21-24 added)
# lost recall on the unread judges (docs/tone.md). Session 22b's ``belaering`` model was trained on 14b and 17-24;
# ``editor25`` and ``editor26`` (reviews 25 and 26, converted in session 23) are in no model file.
REVIEWS = {"editor14b": DATA / "tone-review14b", "editor17": DATA / "tone-review17", "editor18": DATA / "tone-review18",
           "editor19": DATA / "tone-review19", "editor20": DATA / "tone-review20", "editor21": DATA / "tone-review21",
           "editor22": DATA / "tone-review22", "editor23": DATA / "tone-review23", "editor24": DATA / "tone-review24",
           "editor25": DATA / "tone-review25", "editor26": DATA / "tone-review26"}


def editors_of(writers: dict) -> tuple[str, ...]:
    """The writers left out one at a time: all but the project's own sets (its main folder and the round-12 recall
    folders are one writer, always among the training sets)."""
    return tuple(name for name in writers if not name.startswith("project"))


EDITORS = editors_of(WRITERS)
# tests/data/tone-heldout5 (a fifth editor) and -heldout9 … -heldout11 (editors 9-11) are kept out on purpose:
# unread and untrained on, they judge the model
L2 = 2.0
# Session 22: the word and pair features are one writer's words; the cues (``c:``, among them feature set 2's
# writer-free cues) are shapes. The penalty on a cue's weight is ``L2 * CUE_L2``, on any other ``L2 * WORD_L2``, so
# the model leans on what carries to a new writer.
# (1.0 and 1.0: one penalty for all, as the shipped model was trained; session 22 tried 0.25 and 2.0, docs/tone.md)
CUE_L2 = 1.0
WORD_L2 = 1.0
# the families the model is trained for (``tone_model.MODEL_FAMILIES`` names every family a model file may hold;
# the shipped file's belaering model was added beside these with ``--add-to``, docs/tone.md "Session 22") and the feature set
# (``tone_model.FEATURES``: 2 adds the writer-free cues; the shipped model reads set 1)
TRAIN_FAMILIES = ("trussel", "bebrejdelse", "kommando", "kold-afvisning")
TRAIN_FEATURES = 1
# what the model adds to the rules, pooled out of writer: right at least this often, and at most this many more
# respectful examples flagged
MIN_ADDED_PRECISION = 0.85
MAX_ADDED_FALSE_ALARMS = 0.005
GRID = tuple(round(x, 2) for x in np.arange(0.20, 0.96, 0.01))
VERSION = "1"
# The threshold is never lower than this. At the lowest threshold that meets the targets (0.37 when this was
# set, with a kommando model) the model also marked sentences in the corpus's officialese letters that an editor would not flag
# ("Det blev ved besøget oplyst, at De … igen selv varetager …", "De har ved mail oplyst, at …", a plain
# instruction "… skal uploades via selvbetjeningen"): at 0.65 none is left, for 0.02 less recall out of writer.
# Raised to 0.67 when editor 4's set joined the training: the first sentence came back at 0.657.
FLOOR = 0.67


def data_hash(folders=None) -> str:
    """SHA-256 over the training files' names and bytes, writer by writer in name order."""
    h = hashlib.sha256()
    for name, folder in sorted((folders or WRITERS).items()):
        for path in sorted(Path(folder).glob("*.toml")):
            h.update(f"{name}/{path.name}\0".encode())
            h.update(path.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


# ---------------------------------------------------------------- reading the examples once

def collect(examples: list[dict], nlp, rules=None) -> list[dict]:
    """Each example analysed by the rules alone, with its sentences' features for the model.

    Per example: ``found`` (the families the rules find), ``spans`` (their findings' offsets) and ``sents``:
    per eligible body sentence its offsets, hashed features, the families whose rule flagged it and the
    families whose parts it lies in (a finding outside them would be dropped, as ``core`` does).
    """
    from .checks.base import letter
    from .checks.tone import tone_doc
    from .core import _analyse_doc, _as_document
    from .nlp.text import TEXT_KEY
    from .ruleset import default_ruleset

    rules = rules or default_ruleset()
    prof = rules.profile(None)
    applies = {fam: rules.get(PREFIX + fam).applies_to for fam in FAMILIES}
    out = []
    texts = [ex["text"] for ex in examples]
    with tone_model.using(None):
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=16)):
            document = _as_document(text)
            doc.user_data.setdefault(TEXT_KEY, document.text)
            report = _analyse_doc(doc, document, rules, prof, None, "")
            tone = [f for f in report.findings if f.rule.startswith(PREFIX)]
            td = tone_doc(doc)
            ctx = letter(doc)
            sents = []
            for k, s in enumerate(td.sents):
                if not tone_model.eligible(td, k, ctx):
                    continue
                flagged = {f.rule[len(PREFIX):] for f in tone if f.start < s.end and s.start < f.end}
                part = ctx.part_at(s.start)
                sents.append({"start": s.start, "end": s.start + len(s.text.rstrip()),
                              "idx": tone_model.sentence_index(td, k, TRAIN_FEATURES), "flagged": flagged,
                              "parts_ok": {fam for fam in FAMILIES if part in applies[fam]}})
            out.append({"found": {f.rule[len(PREFIX):] for f in tone}, "spans": [(f.start, f.end) for f in tone],
                        "sents": sents})
    return out


def load_all(nlp, writers=None) -> dict[str, tuple[list[dict], list[dict]]]:
    """writer -> (examples, collected)."""
    got = {}
    for name, folder in (writers or WRITERS).items():
        examples = load_examples(folder)
        got[name] = (examples, collect(examples, nlp))
    return got


# ---------------------------------------------------------------- the linear model

class _Rows:
    """A sparse 0/1 matrix in CSR form over the compact feature ids (``cols``)."""

    def __init__(self, rows: list[np.ndarray], vocab: dict[int, int] | None = None):
        if vocab is None:
            feats = np.unique(np.concatenate(rows)) if rows else np.zeros(0, np.int64)
            vocab = {int(h): j for j, h in enumerate(feats)}
        self.vocab = vocab
        self.m = len(vocab)
        self.lens = np.array([len(r) for r in rows], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lens)[:-1]]).astype(np.int64)
        self.cols = np.fromiter((vocab[int(h)] for r in rows for h in r), dtype=np.int64, count=int(self.lens.sum()))

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.add.reduceat(w[self.cols], self.starts)

    def tdot(self, r: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=np.repeat(r, self.lens), minlength=self.m)


def cue_slots() -> np.ndarray:
    """The hashed slots of the cue features (``c:``) met so far in this process (``tone_model._HASHED``)."""
    known = tone_model._HASHED.get("c:", {})
    return np.array(sorted(set(known.values())), dtype=np.int64)


def _penalties(X: "_Rows", l2: float, cues: np.ndarray | None) -> np.ndarray | float:
    """The L2 strength per compact feature: ``l2 * CUE_L2`` on a cue's slot, ``l2 * WORD_L2`` on any other."""
    if cues is None or (CUE_L2 == 1.0 and WORD_L2 == 1.0):
        return l2
    lam = np.full(X.m, l2 * WORD_L2)
    for h in cues:
        j = X.vocab.get(int(h))
        if j is not None:
            lam[j] = l2 * CUE_L2
    return lam


def fit(rows: list[np.ndarray], y: np.ndarray, l2: float = L2, iters: int = 400,
        cues: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by L-BFGS: (weights over the hashed space, bias). ``cues``: the slots
    that get the cue penalty (``_penalties``)."""
    X = _Rows(rows)
    y = np.asarray(y, dtype=np.float64)
    lam = _penalties(X, l2, cues)

    def loss_grad(theta):
        w, b = theta[:-1], theta[-1]
        z = X.dot(w) + b
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        lw = lam * w
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * w @ lw)
        r = p - y
        g = np.empty_like(theta)
        g[:-1] = X.tdot(r) + lw
        g[-1] = r.sum()
        return loss, g

    theta = _lbfgs(loss_grad, np.zeros(X.m + 1), iters)
    w = np.zeros(tone_model.DIM, dtype=np.float32)
    feats = np.fromiter(X.vocab.keys(), dtype=np.int64, count=X.m)
    w[feats] = theta[np.fromiter(X.vocab.values(), dtype=np.int64, count=X.m)]
    return w, float(theta[-1])


def _lbfgs(fg, x, iters: int, history: int = 10, tol: float = 1e-5):
    f, g = fg(x)
    s_list: list[np.ndarray] = []
    y_list: list[np.ndarray] = []
    for _ in range(iters):
        if np.max(np.abs(g)) < tol:
            break
        q = g.copy()
        alphas = []
        for s, yv in zip(reversed(s_list), reversed(y_list)):
            a = (s @ q) / (yv @ s)
            alphas.append(a)
            q -= a * yv
        if s_list:
            q *= (s_list[-1] @ y_list[-1]) / (y_list[-1] @ y_list[-1])
        for (s, yv), a in zip(zip(s_list, y_list), reversed(alphas)):
            b = (yv @ q) / (yv @ s)
            q += (a - b) * s
        d = -q
        gd = g @ d
        if gd >= 0:                     # not a descent direction: start the memory again
            s_list.clear()
            y_list.clear()
            d, gd = -g, -(g @ g)
        step = 1.0 if s_list else min(1.0, 1.0 / max(1e-12, np.max(np.abs(g))))
        while True:
            x_new = x + step * d
            f_new, g_new = fg(x_new)
            if f_new <= f + 1e-4 * step * gd or step < 1e-12:
                break
            step *= 0.5
        s, yv = x_new - x, g_new - g
        if s @ yv > 1e-12:
            s_list.append(s)
            y_list.append(yv)
            if len(s_list) > history:
                s_list.pop(0)
                y_list.pop(0)
        if abs(f - f_new) <= 1e-10 * max(1.0, abs(f)):
            x, f, g = x_new, f_new, g_new
            break
        x, f, g = x_new, f_new, g_new
    return x


def _overlaps(sent: dict, ex: dict) -> bool:
    text = ex["text"]
    for m in ex.get("marks", []):
        a = text.find(m)
        if a < sent["end"] and sent["start"] < a + len(m):
            return True
    return False


def train(data: list[tuple[dict, dict]], l2: float = L2, threshold: float = 0.5, meta: dict | None = None,
          families=None) -> ToneModel:
    """One model per family from (example, collected) pairs; see the module docstring for the labels."""
    weights, bias = {}, {}
    cues = cue_slots()
    meta = {"features": TRAIN_FEATURES, **(meta or {})}
    for fam in families or TRAIN_FAMILIES:
        rows, ys, bags = [], [], []
        for ex, got in data:
            sents = [s for s in got["sents"] if fam in s["parts_ok"]]
            if not sents:
                continue
            if fam not in ex["expect"]:
                rows.extend(s["idx"] for s in sents)
                ys.extend([0] * len(sents))
            elif len(sents) == 1:
                rows.append(sents[0]["idx"])
                ys.append(1)
            else:
                marked = [s for s in sents if _overlaps(s, ex)]
                bags.append(marked or sents)
        w, b = fit(rows, np.array(ys), l2, cues=cues)
        for bag in bags:            # the sentence the first model finds most like the family is the positive
            best = max(bag, key=lambda s: float(w[s["idx"]].sum()))
            rows.append(best["idx"])
            ys.append(1)
        if bags:
            w, b = fit(rows, np.array(ys), l2, cues=cues)
        weights[fam], bias[fam] = w, b
    return ToneModel(weights, bias, threshold, meta)


# ---------------------------------------------------------------- evaluation with a model's probabilities

def probabilities(model: ToneModel, collected: list[dict]) -> list[list[dict[str, float]]]:
    return [[model.score(s["idx"]) for s in got["sents"]] for got in collected]


def predict(collected: list[dict], probs=None, threshold: float = 1.1) -> tuple[list[set[str]], list[list]]:
    """Families found per example and the findings' offsets: the rules, plus the model's hits at ``threshold``
    on sentences the rule did not flag (``probs`` None: the rules alone)."""
    found, spans = [], []
    for n, got in enumerate(collected):
        fams, sp = set(got["found"]), list(got["spans"])
        if probs is not None:
            for s, p in zip(got["sents"], probs[n]):
                for fam, v in p.items():
                    if v >= threshold and fam not in s["flagged"] and fam in s["parts_ok"]:
                        fams.add(fam)
                        sp.append((s["start"], s["end"]))
        found.append(fams)
        spans.append(sp)
    return found, spans


def is_letter(ex: dict) -> bool:
    """A whole letter (the sets keep them in their own files: ``*letters*.toml``, ``*breve*.toml``)."""
    return "letters" in ex["file"] or "breve" in ex["file"]


def figures(examples: list[dict], found: list[set[str]], spans: list[list]) -> dict:
    """``score`` plus, over the whole letters, the families an editor expects that are found, and those
    found that are not expected."""
    out = score(examples, found)
    out["marked_problems"] = mark_recall(examples, spans)
    pairs = [(ex["expect"], got) for ex, got in zip(examples, found) if is_letter(ex)]
    out["letters"] = {"expected": sum(len(e) for e, _ in pairs), "found": sum(len(e & g) for e, g in pairs),
                      "extra": sum(len(g - e) for e, g in pairs), "count": len(pairs)}
    return out


def added_findings(examples: list[dict], base: list[set[str]], found: list[set[str]]) -> tuple[int, int]:
    """(right, all): the families the model adds to the rules' per example, and how many of them an editor expects."""
    right = added = 0
    for ex, b, f in zip(examples, base, found):
        for fam in f - b:
            added += 1
            right += fam in ex["expect"]
    return right, added


def cross_writer(loaded: dict, l2: float = L2, editors=EDITORS, floor: float = FLOOR) -> dict:
    """Leave one editor out: each editor scored by a model trained on the other sets; the threshold is the
    lowest that meets the targets on the pooled out-of-writer predictions, or ``floor`` when that is higher."""
    held = {}
    for k in editors:
        train_on = [(ex, got) for name, (exs, cols) in loaded.items() if name != k for ex, got in zip(exs, cols)]
        model = train(train_on, l2)
        held[k] = probabilities(model, loaded[k][1])
    pooled_ex = [ex for k in editors for ex in loaded[k][0]]
    pooled_col = [got for k in editors for got in loaded[k][1]]
    pooled_probs = [p for k in editors for p in held[k]]
    base, _ = predict(pooled_col)
    base_fa = score(pooled_ex, base)["false_alarm_share"]
    sweep = []
    for t in GRID:
        found, _ = predict(pooled_col, pooled_probs, t)
        r = score(pooled_ex, found)
        right, added = added_findings(pooled_ex, base, found)
        sweep.append((t, r["overall"]["precision"], r["overall"]["recall"], r["false_alarm_share"],
                      right / added if added else 1.0))
    ok = [t for t, _, _, fa, added_p in sweep
          if added_p >= MIN_ADDED_PRECISION and fa - base_fa <= MAX_ADDED_FALSE_ALARMS]
    lowest = min(ok) if ok else 1.0
    threshold = max(lowest, floor)
    result = {"l2": l2, "lowest": lowest, "threshold": threshold, "sweep": sweep, "sets": {}}
    for k in editors + ("pooled",):
        exs = pooled_ex if k == "pooled" else loaded[k][0]
        cols = pooled_col if k == "pooled" else loaded[k][1]
        probs = pooled_probs if k == "pooled" else held[k]
        rules_only = figures(exs, *predict(cols))
        with_model = figures(exs, *predict(cols, probs, threshold))
        result["sets"][k] = {"rules": rules_only, "model": with_model}
    return result


def format_cross_writer(result: dict) -> str:
    lines = [f"Tone model, leave one writer out (L2 {result['l2']}): threshold {result['threshold']:.2f} "
             f"(the lowest at which the model's own findings, pooled out of writer, are right >= "
             f"{MIN_ADDED_PRECISION:.0%} of the time and add <= {MAX_ADDED_FALSE_ALARMS:.1%} false alarms is "
             f"{result['lowest']:.2f}; the floor is {FLOOR:.2f})"]
    for k, r in result["sets"].items():
        lines.append(f"\n[{k}]{'' if k == 'pooled' else ' scored by a model trained on the other sets'}")
        lines.append(f"{'family':16} {'rules P':>8} {'R':>6} {'+model P':>9} {'R':>6}")
        for fam in (*FAMILIES, "overall"):
            a, b = r["rules"][fam], r["model"][fam]
            lines.append(f"{fam:16} {a['precision']:8.3f} {a['recall']:6.3f} {b['precision']:9.3f} {b['recall']:6.3f}")
        for name, key in (("false alarms", "false_alarm_share"),):
            lines.append(f"{name:16} {r['rules'][key]:8.1%} {'':6} {r['model'][key]:9.1%}")
        la, lb = r["rules"]["letters"], r["model"]["letters"]
        lines.append(f"{'letter families':16} {la['found']:>5}/{la['expected']:<3}{'':5} {lb['found']:>6}/{lb['expected']:<3}"
                     f"  (found but not expected: {la['extra']} / {lb['extra']}, in {la['count']} letters)")
    return "\n".join(lines)


def train_shipped(loaded: dict, threshold: float, l2: float = L2, writers=None) -> ToneModel:
    data = [(ex, got) for exs, cols in loaded.values() for ex, got in zip(exs, cols)]
    meta = {"version": VERSION, "data_sha256": data_hash(writers), "l2": l2, "examples": len(data),
            "writers": ",".join(sorted(loaded))}
    return train(data, l2, threshold, meta)


def add_families(base: ToneModel, added: ToneModel) -> ToneModel:
    """``base`` with ``added``'s families beside its own: each added family keeps its threshold and feature set, and
    its training meta under ``<family>.`` (the base's families, threshold and meta untouched)."""
    fams = [f for f in added.families if f not in base.families]
    weights = {**base.weights, **{f: added.weights[f] for f in fams}}
    bias = {**base.bias, **{f: added.bias[f] for f in fams}}
    thresholds = {**base.thresholds, **{f: added.threshold_of(f) for f in fams}}
    fsets = {**base.family_features, **{f: added.family_features[f] for f in fams}}
    meta = dict(base.meta)
    for f in fams:
        meta.update({f"{f}.{k}": v for k, v in added.meta.items()})
        meta[f"{f}.cue_l2"], meta[f"{f}.word_l2"] = CUE_L2, WORD_L2
    return ToneModel(weights, bias, base.threshold, meta, thresholds, fsets)


def main(argv: list[str] | None = None) -> int:
    global CUE_L2, WORD_L2, TRAIN_FAMILIES, TRAIN_FEATURES
    ap = argparse.ArgumentParser(prog="python -m letterlab.tone_training", description=__doc__.splitlines()[0])
    ap.add_argument("--cross-writer", action="store_true", help="print the leave-one-writer-out table")
    ap.add_argument("--train", action="store_true", help="write the model file (threshold from the cross-writer run)")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--with-candidates", action="store_true",
                    help="add the read sets not yet trained on (CANDIDATES) to the writers")
    ap.add_argument("--with-reviews", action="store_true",
                    help="add the read blind reviews 14b and 17-26 (REVIEWS) to the writers")
    ap.add_argument("--cue-l2", type=float, default=None, help=f"the cue penalty's factor (default {CUE_L2})")
    ap.add_argument("--word-l2", type=float, default=None, help=f"the word penalty's factor (default {WORD_L2})")
    ap.add_argument("--features", type=int, choices=(1, FEATURES), default=TRAIN_FEATURES,
                    help=f"the feature set (default {TRAIN_FEATURES}; {FEATURES}: with the writer-free cues)")
    ap.add_argument("--families", default=None, help="comma-separated families to train (default: TRAIN_FAMILIES)")
    ap.add_argument("--without", default="", help="comma-separated writers to leave out of the data (e.g. editor24)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="with --train: this threshold, no cross-writer run (one chosen by an earlier run)")
    ap.add_argument("--add-to", type=Path, default=None,
                    help="with --train: write this model file with the trained families added, each with its own "
                         "threshold and feature set (the file's own families untouched)")
    ap.add_argument("--out", type=Path, default=tone_model.MODEL_PATH)
    ap.add_argument("--model", default=None, help="the spaCy pipeline")
    args = ap.parse_args(argv)
    if not (args.cross_writer or args.train):
        ap.error("say --cross-writer, --train or both")
    from .nlp.pipeline import load_pipeline

    CUE_L2 = CUE_L2 if args.cue_l2 is None else args.cue_l2
    WORD_L2 = WORD_L2 if args.word_l2 is None else args.word_l2
    TRAIN_FEATURES = args.features
    if args.families:
        TRAIN_FAMILIES = tuple(f for f in MODEL_FAMILIES if f in args.families.split(","))
    writers = {**WRITERS, **(CANDIDATES if args.with_candidates else {}), **(REVIEWS if args.with_reviews else {})}
    writers = {k: v for k, v in writers.items() if k not in args.without.split(",")}
    loaded = load_all(load_pipeline(args.model), writers)
    if args.threshold is None or args.cross_writer:
        result = cross_writer(loaded, args.l2, editors_of(writers))
        print(format_cross_writer(result))
        threshold = result["threshold"]
    else:
        threshold = max(args.threshold, FLOOR)
    if args.train:
        model = train_shipped(loaded, threshold, args.l2, writers)
        if args.add_to is not None:
            model = add_families(ToneModel.load(args.add_to), model)
        model.save(args.out)
        print(f"\nwrote {args.out} (threshold {model.threshold:.2f}, data {model.meta['data_sha256'][:12]})",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
