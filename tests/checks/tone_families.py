"""The ``families`` fixture of the round-12 tone tests: the tone families the rules alone (the learned model
switched off) find in a text, with the real pipeline."""
from __future__ import annotations

import pytest

from letterlab.checks import tone
from letterlab.core import analyse

PREFIX = "anerkendende-tone."


@pytest.fixture
def families(nlp, monkeypatch):
    monkeypatch.setattr(tone, "_model_findings", lambda *a, **k: iter(()))

    def run(text: str) -> set[str]:
        return {f.rule[len(PREFIX):] for f in analyse(text, nlp=nlp).findings if f.rule.startswith(PREFIX)}
    return run
