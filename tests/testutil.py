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
