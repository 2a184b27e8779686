"""Hash embeddings with longer word endings, for words the treebank never showed.

spaCy's ``MultiHashEmbed`` embeds NORM, PREFIX (one character), SUFFIX (three
characters) and SHAPE. Danish word classes often show in longer endings
(-ende, -else, -ning, -erede, -skab), and most part-of-speech errors on
ddt-dev are on words unseen in training. ``letterlab.AffixHashEmbed.v1`` is
``MultiHashEmbed`` (without static vectors) plus one hash embedding per extra
ending length of the lower-case word. The architecture is registered when
this module is imported (``letterlab.nlp.pipeline`` does so before loading a
pipeline, and training before reading the config) and through the
``spacy_architectures`` entry point, so a plain ``spacy.load`` finds it too.
"""
from __future__ import annotations

from typing import Callable, List, Sequence, Tuple

import numpy
from spacy.attrs import LOWER
from spacy.ml.featureextractor import FeatureExtractor
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Ints2d

# lower-case word hash -> its ending hashes; bounded, cleared when full.
_ENDINGS: dict[tuple[int, tuple[int, ...]], tuple[int, ...]] = {}
_ENDINGS_MAX = 200_000


def _ending_hashes(doc: Doc, lengths: tuple[int, ...]) -> numpy.ndarray:
    lowers = doc.to_array(LOWER).tolist()
    strings = doc.vocab.strings
    out = []
    for h in lowers:
        key = (h, lengths)
        got = _ENDINGS.get(key)
        if got is None:
            word = strings[h]
            # "#" marks an ending that is the whole word, so short words do not share
            # rows with the same letters at the end of a longer word.
            got = tuple(get_string_id(word[-n:] if len(word) > n else "#" + word) for n in lengths)
            if len(_ENDINGS) >= _ENDINGS_MAX:
                _ENDINGS.clear()
            _ENDINGS[key] = got
        out.append(got)
    return numpy.asarray(out, dtype="uint64").reshape((len(lowers), len(lengths)))


def EndingExtractor(attrs: Sequence[str], lengths: Sequence[int]) -> Model[List[Doc], List[Ints2d]]:
    """The columns of ``attrs`` followed by one column per ending length."""
    base = FeatureExtractor(list(attrs))
    lengths = tuple(int(n) for n in lengths)

    def forward(model: Model, docs: List[Doc], is_train: bool) -> Tuple[List[Ints2d], Callable]:
        feats, _ = base(docs, is_train)
        out = []
        for doc, f in zip(docs, feats):
            extra = _ending_hashes(doc, lengths)
            out.append(model.ops.asarray2i(numpy.hstack([numpy.asarray(f), extra]), dtype="uint64"))
        return out, lambda d: []

    return Model("extract_features_endings", forward, attrs={"columns": list(attrs), "lengths": list(lengths)})


@registry.architectures("letterlab.AffixHashEmbed.v1")
def AffixHashEmbed(
    width: int,
    attrs: List[str],
    rows: List[int],
    ending_lengths: List[int],
    ending_rows: List[int],
) -> Model[List[Doc], List[List]]:
    """``MultiHashEmbed`` with extra tables for the word's last ``ending_lengths`` characters."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} rows for {len(attrs)} attrs")
    if len(ending_rows) != len(ending_lengths):
        raise ValueError(f"Mismatched lengths: {len(ending_rows)} rows for {len(ending_lengths)} endings")
    all_rows = list(rows) + list(ending_rows)
    # Seeds follow MultiHashEmbed's (8, 9, ...), so the first tables match it.
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(all_rows)]
    return chain(
        EndingExtractor(attrs, ending_lengths),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
