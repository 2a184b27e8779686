"""Fixtures shared by the check tests."""
from __future__ import annotations

import pytest

from letterlab.checks import tone, tone_model
from letterlab.core import analyse

PREFIX = "anerkendende-tone."


@pytest.fixture
def tone_findings(nlp, monkeypatch):
    """(family, marked text) of the rules' tone findings, the learned model switched off."""
    monkeypatch.setattr(tone, "_model_findings", lambda *a, **k: iter(()))
    # and its hits in the cold-letter gate's count (``tone._tone_flagged``) too: a sentence the model flags for a
    # family is that family's (the model's finding), which these tests of the rules switch off
    monkeypatch.setattr(tone_model, "model_hits", lambda *a, **k: [])

    def run(text: str) -> list[tuple[str, str]]:
        return [(f.rule[len(PREFIX):], f.text) for f in analyse(text, nlp=nlp).findings if f.rule.startswith(PREFIX)]
    return run
