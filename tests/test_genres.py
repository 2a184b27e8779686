"""Genre detection: the corpus letters get the genre in their meta.toml, before and after the rewrite."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from letterlab.genres import GENRES, detect_genre

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "letters"
LETTERS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", LETTERS)
@pytest.mark.parametrize("version", ["before", "after"])
def test_corpus_genre(name, version):
    meta = tomllib.loads((CORPUS / name / "meta.toml").read_text(encoding="utf-8"))
    genre, scores = detect_genre((CORPUS / name / f"{version}.txt").read_text(encoding="utf-8"))
    assert genre == meta["genre"], scores
    assert set(scores) == set(GENRES)


@pytest.mark.parametrize("text,expected", [
    ("Du kan ikke få beboerparkering. Vi har sagt nej, fordi din bil er for tung.", "afgoerelse"),
    ("Du får byggetilladelse til din carport. Afgørelsen kan påklages til Byggeklageenheden.", "afgoerelse"),
    ("Før vi beslutter noget, vil vi gerne høre, hvad du mener. Du har ret til at udtale dig.", "partshoering"),
    ("Tak for din ansøgning. Sagsbehandlingen tager op til 6 uger.", "kvittering"),
    ("Udfyld skemaet på borger.dk. Vi skal have det senest den 16. november 2026.", "anmodning"),
    ("Vejen er lukket i november. Du kan parkere ved skolen.", "orientering"),
])
def test_short_letters(text, expected):
    assert detect_genre(text)[0] == expected
