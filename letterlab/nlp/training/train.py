"""Train letterlab's Danish pipeline from the Danish Dependency Treebank.

``letterlab model train --data DIR`` converts ``ddt-train.conll`` and
``ddt-dev.conll`` to UD-style spaCy docs (see :mod:`letterlab.nlp.conll`),
trains with ``config.cfg`` beside this file and a fixed seed, and writes the
best pipeline with a meta that states data, licence and scores. Training runs
on the CPU in well under 30 minutes on two cores.
"""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from ..conll import Sentence, load_ud_style

CONFIG = Path(__file__).with_name("config.cfg")
SENTS_PER_DOC = 10


def group_sentences(sents: list[Sentence], per_doc: int = SENTS_PER_DOC) -> list[list[Sentence]]:
    """Group consecutive sentences of the same source document, at most ``per_doc`` at a time.

    Multi-sentence docs let the parser learn sentence boundaries.
    """
    groups: list[list[Sentence]] = []
    for s in sents:
        if groups and len(groups[-1]) < per_doc and groups[-1][-1].doc_id == s.doc_id:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def sentences_to_doc(vocab, group: list[Sentence]):
    """One spaCy Doc with full gold annotation from a group of UD-style sentences."""
    from spacy.tokens import Doc

    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = [], [], [], [], [], [], [], [], []
    offset = 0
    for si, s in enumerate(group):
        for i, t in enumerate(s.tokens):
            words.append(t.form)
            last_of_doc = si == len(group) - 1 and i == len(s.tokens) - 1
            spaces.append(False if last_of_doc else (t.space_after or i == len(s.tokens) - 1))
            tags.append(t.tag)
            pos.append(t.upos)
            morphs.append(t.feats or "")
            lemmas.append(t.lemma)
            heads.append(offset + t.head - 1 if t.head > 0 else offset + i)
            deps.append(t.dep if t.head > 0 else "ROOT")
            starts.append(i == 0)
        offset += len(s.tokens)
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts)


def conll_to_docbin(path: Path, out: Path, vocab=None) -> int:
    """Convert a treebank file to a ``.spacy`` DocBin; returns the number of docs."""
    import spacy
    from spacy.tokens import DocBin

    vocab = vocab or spacy.blank("da").vocab
    sents, _ = load_ud_style(path)
    db = DocBin(store_user_data=False)
    groups = group_sentences(sents)
    for g in groups:
        db.add(sentences_to_doc(vocab, g))
    db.to_disk(out)
    return len(groups)


def train(data_dir: Path, output: Path, seed: int = 0, max_steps: int | None = None,
          threads: int | None = None, ops: str = "numpy") -> dict:
    """Train the pipeline and write it to ``output``; returns the dev scores.

    ``ops="numpy"`` multiplies matrices through numpy's BLAS (about twice as fast,
    see :mod:`letterlab.nlp.fastops`); ``ops="blis"`` uses thinc's default, with
    which the bundled pipeline was trained. Each is deterministic for a seed, but
    the two round differently and so end in slightly different models.
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    data_dir = Path(data_dir)
    train_file = data_dir / "ddt-train.conll"
    dev_file = data_dir / "ddt-dev.conll"
    for f in (train_file, dev_file):
        if not f.exists():
            raise FileNotFoundError(f"{f} not found: --data must point at the DDT folder")
    from thinc.api import NumpyOps, get_current_ops, set_current_ops
    from threadpoolctl import threadpool_limits

    from .. import affix  # noqa: F401  (registers the tok2vec's embedding architecture)
    from ..fastops import blas_ops

    if ops not in ("numpy", "blis"):
        raise ValueError(f"ops must be 'numpy' or 'blis', not {ops!r}")
    # Every layer built from here on uses these ops; one BLAS thread keeps the run
    # reproducible and the timing honest.
    previous_ops = get_current_ops()
    set_current_ops(blas_ops() if ops == "numpy" else NumpyOps())
    limits = threadpool_limits(limits=threads or 1)
    work = Path(tempfile.mkdtemp(prefix="letterlab-train-"))
    try:
        n_train = conll_to_docbin(train_file, work / "train.spacy")
        n_dev = conll_to_docbin(dev_file, work / "dev.spacy")
        overrides = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed,
        }
        if max_steps:
            overrides["training.max_steps"] = max_steps
        t0, c0 = time.time(), time.process_time()
        spacy_train(CONFIG, work / "out", overrides=overrides, use_gpu=-1)
        took = time.time() - t0
        cpu = time.process_time() - c0
        best = work / "out" / "model-best"
        nlp = spacy.load(best)
        scores = nlp.meta.get("performance", {})
        _write_meta(best, scores, seed, took, n_train, n_dev, cpu, ops)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(best, output)
        return {"scores": scores, "train_seconds": round(took, 1), "cpu_seconds": round(cpu, 1)}
    finally:
        limits.restore_original_limits()
        set_current_ops(previous_ops)
        shutil.rmtree(work, ignore_errors=True)


def _write_meta(path: Path, scores: dict, seed: int, took: float, n_train: int, n_dev: int,
                cpu: float | None = None, ops: str | None = None) -> None:
    meta_file = path / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta.update({
        "name": "letterlab_da",
        "version": "1.0.0",
        "description": (
            "Danish pipeline for letterlab (tok2vec, morphologizer with UD POS and features, "
            "DDT-style dependency parser, trainable lemmatizer), trained from the Danish "
            "Dependency Treebank with UD-style POS/features mapped by letterlab."
        ),
        "author": "letterlab",
        "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "Danish Dependency Treebank (Copenhagen Dependency Treebank v1, cdt1+2/da)",
             "author": "Buch-Kromann et al., 2003", "license": "MIT or CC BY-SA 4.0"},
            {"name": "UD_Danish-DDT (dev split used to check the tag/feature mapping)",
             "author": "Johannsen, Martínez Alonso & Plank, 2015", "license": "CC BY-SA 4.0"},
        ],
        "letterlab_training": {
            "seed": seed,
            "train_docs": n_train,
            "dev_docs": n_dev,
            "train_seconds": round(took, 1),
            "cpu_seconds": None if cpu is None else round(cpu, 1),
            "ops": ops,
            "data": "ddt-train.conll (train), ddt-dev.conll (model selection)",
        },
    })
    meta_file.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
