"""Fixtures shared by the check tests."""
from __future__ import annotations

import pytest

from letterlab.checks import tone
from letterlab.core import analyse

PREFIX = "anerkendende-tone."


@pytest.fixture
def tone_findings(nlp, monkeypatch):
    """(family, marked text) of the rules' tone findings, the learned model switched off."""
    monkeypatch.setattr(tone, "_model_findings", lambda *a, **k: iter(()))

    def run(text: str) -> list[tuple[str, str]]:
        return [(f.rule[len(PREFIX):], f.text) for f in analyse(text, nlp=nlp).findings if f.rule.startswith(PREFIX)]
    return run
