"""Load the Danish spaCy pipeline once per process and add letterlab's letter-aware pieces.

Model choice, in order: the ``name_or_path`` argument (CLI ``--model``), the
``LETTERLAB_MODEL`` environment variable, then the pipeline bundled in the
package (``letterlab/models/da_letterlab``). Any installed spaCy Danish
pipeline works by package name (``da_core_news_sm``) or by path.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

# spaCy and the modules that register letterlab's components are imported when a
# pipeline is loaded, not here: an audit whose letters all come from the cache
# never needs them, and importing spaCy costs about a second.

BUNDLED_MODEL = Path(__file__).resolve().parent.parent / "models" / "da_letterlab"
ENV_VAR = "LETTERLAB_MODEL"

_cache: dict[str, object] = {}
_lock = threading.Lock()


class ModelError(Exception):
    """The pipeline could not be loaded. ``message`` is plain Danish for the user."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.detail = detail


def resolve_model_name(name_or_path: str | None = None) -> str:
    """The model that will be used: argument, then ``LETTERLAB_MODEL``, then the bundled one."""
    return name_or_path or os.environ.get(ENV_VAR) or str(BUNDLED_MODEL)


def model_label(name: str) -> str:
    return "letterlab_da (indbygget)" if Path(name) == BUNDLED_MODEL else name


def add_abbreviations(nlp) -> None:
    """Keep letter abbreviations ("matr.nr.", "Sagsnr.") as one token, as the tokenizer does for "bl.a."."""
    from spacy.symbols import ORTH

    from . import segment

    for abbr in segment.ABBREV:
        for form in {abbr, abbr[:1].upper() + abbr[1:]}:
            if len(nlp.tokenizer(form)) > 1:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def add_letter_components(nlp):
    """Add placeholder merging, letter-aware sentence starts and (DDT-style parsers) POS from the parse."""
    from . import postag, segment  # noqa: F401  (registers the components)

    add_abbreviations(nlp)
    if "letterlab_placeholders" not in nlp.pipe_names:
        nlp.add_pipe("letterlab_placeholders", first=True)
    if "letterlab_segmenter" not in nlp.pipe_names:
        for anchor in ("parser", "senter", "sentencizer"):
            if anchor in nlp.pipe_names:
                nlp.add_pipe("letterlab_segmenter", before=anchor)
                break
        else:
            nlp.add_pipe("letterlab_segmenter", after="letterlab_placeholders")
            nlp.add_pipe("sentencizer")
    if "letterlab_pos_from_parse" not in nlp.pipe_names and postag.uses_ddt_labels(nlp):
        nlp.add_pipe("letterlab_pos_from_parse", last=True)
    return nlp


def load_pipeline(name_or_path: str | None = None, *, letter_components: bool = True):
    """Load (once per process) and return the spaCy pipeline."""
    name = resolve_model_name(name_or_path)
    key = f"{name}|{letter_components}"
    with _lock:
        if key in _cache:
            return _cache[key]
        nlp = _load(name)
        from .fastops import use_blas_ops

        use_blas_ops(nlp)
        from .guard import install as guard_tokenizer

        guard_tokenizer(nlp)   # linear tokenizer work on long punctuation runs (see guard.py)
        if nlp.lang != "da":
            raise ModelError(
                f"Modellen {name} er ikke dansk (sprog: {nlp.lang}). Vælg en dansk spaCy-model."
            )
        if letter_components:
            add_letter_components(nlp)
        _cache[key] = nlp
        from ..workerproc import settle_gc

        settle_gc()     # the pipeline lives as long as the process: out of the collector's way
        return nlp


def _load(name: str):
    import spacy

    from . import affix, postag, segment  # noqa: F401  (registers the architecture and components)

    path = Path(name)
    try:
        if path.exists():
            return spacy.load(path)
        if name.startswith((".", "/", "~")) or os.sep in name:
            raise ModelError(
                f"Vi kan ikke finde modellen i mappen {name}. Tjek stien, eller brug den indbyggede model."
            )
        return spacy.load(name)
    except ModelError:
        raise
    except OSError as exc:
        if path == BUNDLED_MODEL:
            raise ModelError(
                "Den indbyggede danske model mangler. Installér letterlab igen med "
                "'pip install -e .', eller vælg en anden model med --model.",
                str(exc),
            ) from exc
        raise ModelError(
            f"Modellen '{name}' er ikke installeret. Installér den med "
            f"'pip install {name}' (eller fra en fil), eller fjern --model og "
            f"{ENV_VAR} for at bruge den indbyggede model.",
            str(exc),
        ) from exc
