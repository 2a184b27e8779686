"""Fixtures for the audit tests: real letter files generated in tmp_path, and a runner for the CLI.

Every test points the cache and the history into tmp_path, and HOME and the
XDG folders are moved there too, so no test ever writes to the real home.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditutil import (LETTER_01, LETTER_02, big_docx_bytes, docx_letter, encrypted_docx_bytes, simple_docx_bytes,
                       zip_bomb_bytes)


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


@pytest.fixture
def good_folder(tmp_path) -> Path:
    """Four good letters: two .docx, one .txt, one .md, in two subfolders."""
    root = tmp_path / "skabeloner"
    docx_letter(root / "ydelser" / "husleje-foer.docx", (LETTER_01 / "before.txt").read_text(encoding="utf-8"))
    docx_letter(root / "ydelser" / "husleje-efter.docx", (LETTER_01 / "after.txt").read_text(encoding="utf-8"))
    (root / "hjaelpemidler").mkdir()
    (root / "hjaelpemidler" / "scooter.txt").write_text((LETTER_02 / "before.txt").read_text(encoding="utf-8"),
                                                       encoding="utf-8")
    (root / "hjaelpemidler" / "scooter-ny.md").write_text((LETTER_02 / "after.txt").read_text(encoding="utf-8"),
                                                          encoding="utf-8")
    return root


@pytest.fixture
def bad_folder(tmp_path) -> Path:
    """Good letters mixed with every kind of bad file the issue lists."""
    root = tmp_path / "blandet"
    root.mkdir()
    docx_letter(root / "god.docx", (LETTER_01 / "before.txt").read_text(encoding="utf-8"))
    (root / "god.txt").write_text((LETTER_02 / "after.txt").read_text(encoding="utf-8"), encoding="utf-8")
    good = simple_docx_bytes()
    (root / "oedelagt.docx").write_bytes(good[: len(good) // 2])
    (root / "kode.docx").write_bytes(encrypted_docx_bytes())
    (root / "gammel.doc").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + os.urandom(2048))
    (root / "tom.txt").write_bytes(b"")
    (root / "stor.docx").write_bytes(big_docx_bytes())
    (root / "bombe.docx").write_bytes(zip_bomb_bytes())
    secret = root.parent / "hemmelig.txt"
    secret.write_text("HEMMELIGT-INDHOLD-FRA-DISKEN", encoding="utf-8")
    (root / "entitet.html").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<html><body><h1>Du får svar</h1><p>Vi har set på din sag. &xxe; Du får pengene den 1. maj.</p>"
        "</body></html>", encoding="utf-8")
    return root


class Runner:
    def __init__(self, tmp_path: Path):
        self.state = tmp_path / "state"
        self.cache = self.state / "cache.sqlite"
        self.history = self.state / "history.sqlite"

    def __call__(self, folder: Path, out: Path, *extra: str, history: bool = True, cache: bool = True) -> int:
        from letterlab.cli import main

        argv = ["audit", str(folder), "--out", str(out), "--progress", "never"]
        argv += ["--cache", str(self.cache)] if cache else ["--no-cache"]
        argv += ["--history", str(self.history)] if history else ["--no-history"]
        return main(argv + list(extra))


@pytest.fixture
def audit(tmp_path) -> Runner:
    return Runner(tmp_path)
