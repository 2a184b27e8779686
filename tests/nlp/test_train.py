"""``letterlab model train`` end to end on a few treebank sentences (a handful of steps, not a real model)."""
from __future__ import annotations

import json

import pytest
import spacy

from letterlab.nlp.training.train import train
from testutil import SHARED_DDT, needs_shared


def _first_sentences(src, dst, n):
    blocks = src.read_text(encoding="utf-8").split("\n\n")[:n]
    dst.write_text("\n\n".join(blocks).strip() + "\n\n", encoding="utf-8")


@needs_shared
@pytest.mark.parametrize("ops", ["numpy", "blis"])
def test_train_writes_a_loadable_pipeline_with_its_meta(tmp_path, ops):
    data = tmp_path / "ddt"
    data.mkdir()
    _first_sentences(SHARED_DDT / "ddt-train.conll", data / "ddt-train.conll", 40)
    _first_sentences(SHARED_DDT / "ddt-dev.conll", data / "ddt-dev.conll", 10)
    out = tmp_path / "model"
    result = train(data, out, seed=0, max_steps=4, ops=ops)
    assert result["cpu_seconds"] > 0
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert meta["letterlab_training"]["ops"] == ops and meta["letterlab_training"]["seed"] == 0
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer"]
    assert len(nlp("Vi sender brevet i dag.")) == 6


def test_train_refuses_unknown_ops(tmp_path):
    (tmp_path / "ddt-train.conll").write_text("", encoding="utf-8")
    (tmp_path / "ddt-dev.conll").write_text("", encoding="utf-8")
    with pytest.raises(ValueError):
        train(tmp_path, tmp_path / "model", ops="gpu")
