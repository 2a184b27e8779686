"""Paths and markers shared by test modules (importable because pytest puts tests/ on sys.path)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DDT = ROOT.parent / "shared" / "data" / "ddt"
CORPUS = ROOT / "corpora" / "letters"
DATA = Path(__file__).resolve().parent / "data"


def has_shared_data() -> bool:
    return (SHARED_DDT / "ddt-dev.conll").exists()


needs_shared = pytest.mark.skipif(
    not has_shared_data(), reason="../shared/data/ddt is not here (only on developer machines and CI)"
)


def sug(text, old, new, kind="jargon", safe=True, nth=0):
    """A suggestion replacing the ``nth`` occurrence of ``old`` in ``text`` (for guard tests without a model)."""
    from letterlab.report.model import Suggestion

    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    return Suggestion(start, start + len(old), new, kind=kind, safe=safe, confidence=0.9)


def finding(text, old, suggestions, category="jargon", nth=0):
    """A finding on the ``nth`` occurrence of ``old`` in ``text`` carrying ``suggestions``."""
    from letterlab.report.model import Finding

    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    return Finding(rule=f"x.{category}", category=category, severity="info", message="Fund.", start=start,
                   end=start + len(old), text=old, suggestions=tuple(suggestions))
