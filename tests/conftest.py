"""Shared fixtures: the real pipeline (session scope), hand-built Docs, the default rules."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from testutil import CORPUS, ROOT, SHARED_DDT, has_shared_data, needs_shared  # noqa: F401


@pytest.fixture(scope="session")
def nlp():
    """The pipeline letterlab uses by default (bundled, or LETTERLAB_MODEL), with letter components."""
    from letterlab.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def blank_nlp():
    from letterlab.nlp.pipeline import add_letter_components

    return spacy.blank("da")


@pytest.fixture(scope="session")
def ruleset():
    from letterlab.ruleset import default_ruleset

    return default_ruleset()


@pytest.fixture
def make_doc(blank_nlp):
    """Build an annotated Doc by hand: ``make_doc("Din/DET ansøgning/NOUN behandles/VERB/Voice=Pass")``.

    Each item is ``word/POS[/Feats[/lemma]]``; ``sent_starts`` marks sentence starts;
    heads/deps are optional (default: no parse, so ``sent_starts`` decides the sentences).
    """

    def build(spec: str, heads=None, deps=None, sent_starts=None) -> Doc:
        words, pos, morphs, lemmas = [], [], [], []
        for item in spec.split():
            parts = item.split("/")
            words.append(parts[0].replace("_", " ") if parts[0] != "_" else "_")
            pos.append(parts[1] if len(parts) > 1 else "X")
            morphs.append(parts[2] if len(parts) > 2 and parts[2] != "-" else "")
            lemmas.append(parts[3] if len(parts) > 3 else parts[0].lower())
        n = len(words)
        spaces = [i + 1 < n and words[i + 1] not in {".", ",", "?", "!", ":"} for i in range(n)]
        if sent_starts is None:
            sent_starts = [i == 0 for i in range(n)]
        kwargs = dict(words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas)
        if heads is not None:
            # a parse given by the test decides the sentences
            kwargs.update(heads=heads, deps=deps if deps is not None else ["dep"] * n)
        else:
            kwargs.update(sent_starts=sent_starts)
        doc = Doc(blank_nlp.vocab, **kwargs)
        return doc

    return build


@pytest.fixture
def sentences_doc(make_doc):
    """A Doc of several sentences: ``sentences_doc("Ring til os ./PUNCT", "Vi/PRON hjælper ./PUNCT")``.

    Words are separated by spaces and tagged ``word/POS[/Feats]`` (X when untagged); each argument is one sentence.
    """

    def build(*sentences: str) -> Doc:
        words, starts = [], []
        for s in sentences:
            items = [w if "/" in w else f"{w}/X" for w in s.split()]
            starts += [True] + [False] * (len(items) - 1)
            words += items
        return make_doc(" ".join(words), sent_starts=starts)

    return build



def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.json from the current output (for intended changes)")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
