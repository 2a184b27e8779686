"""Model choice: bundled by default, any Danish pipeline by name or path, clear errors otherwise."""
from __future__ import annotations

import pytest
import spacy

from letterlab.nlp import pipeline as pl


def test_resolve_order(monkeypatch):
    monkeypatch.delenv(pl.ENV_VAR, raising=False)
    assert pl.resolve_model_name() == str(pl.BUNDLED_MODEL)
    monkeypatch.setenv(pl.ENV_VAR, "/x/y")
    assert pl.resolve_model_name() == "/x/y"
    assert pl.resolve_model_name("da_core_news_sm") == "da_core_news_sm"


def test_bundled_model_is_in_the_package():
    assert (pl.BUNDLED_MODEL / "meta.json").exists(), "the trained pipeline must be committed in the package"
    meta = spacy.util.load_meta(pl.BUNDLED_MODEL / "meta.json")
    assert meta["lang"] == "da"
    assert meta["license"] == "CC BY-SA 4.0"
    assert any("Dependency Treebank" in s["name"] for s in meta["sources"])
    size = sum(p.stat().st_size for p in pl.BUNDLED_MODEL.rglob("*") if p.is_file())
    assert size <= 15 * 1024 * 1024


def test_missing_package_says_how_to_install():
    with pytest.raises(pl.ModelError) as e:
        pl.load_pipeline("da_findes_ikke_sm")
    assert "pip install da_findes_ikke_sm" in e.value.message


def test_missing_path_is_explained(tmp_path):
    with pytest.raises(pl.ModelError) as e:
        pl.load_pipeline(str(tmp_path / "ingen-model"))
    assert "Vi kan ikke finde modellen" in e.value.message


def test_non_danish_pipeline_is_refused(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "en")
    with pytest.raises(pl.ModelError, match="ikke dansk"):
        pl.load_pipeline(str(tmp_path / "en"))


def test_any_danish_pipeline_by_path_gets_letter_components(tmp_path):
    """A pipeline without a parser (like a minimal user pipeline) still segments letters."""
    spacy.blank("da").to_disk(tmp_path / "da")
    nlp = pl.load_pipeline(str(tmp_path / "da"))
    assert {"letterlab_placeholders", "letterlab_segmenter", "sentencizer"} <= set(nlp.pipe_names)
    doc = nlp("Afgørelse\n\nKære {navn}\n\nDu får hjælp. Vi betaler kl. 10.00 jf. § 3.")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["Afgørelse", "Kære {navn}", "Du får hjælp.", "Vi betaler kl. 10.00 jf. § 3."]


@pytest.mark.model
def test_loaded_once_per_process(nlp):
    assert pl.load_pipeline() is nlp
