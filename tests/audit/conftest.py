"""Fixtures for the audit tests: real letter files generated in tmp_path, and a runner for the CLI.

Every test points the cache and the history into tmp_path, and HOME and the
XDG folders are moved there too, so no test ever writes to the real home.
"""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from testutil import CORPUS

LETTER_01 = CORPUS / "01-saerlig-stoette-husleje"
LETTER_02 = CORPUS / "02-el-scooter-afslag"
# A sentence from letter 01 "before": must never reach the cache or the history.
SECRET_SENTENCE = "Afgørelsen er truffet efter en samlet vurdering af Deres økonomiske forhold."


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


def docx_letter(path: Path, text: str) -> Path:
    """A real .docx: the first block as a heading, the others as paragraphs."""
    d = docx.Document()
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    d.add_heading(blocks[0], 1)
    for b in blocks[1:]:
        d.add_paragraph(b)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)
    return path


def simple_docx_bytes(text="Hej med dig.") -> bytes:
    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def encrypted_docx_bytes() -> bytes:
    import msoffcrypto

    plain = io.BytesIO(simple_docx_bytes("Hemmeligt brev om din sag."))
    out = io.BytesIO()
    msoffcrypto.OfficeFile(plain).encrypt("hemmelig", out)
    return out.getvalue()


def big_docx_bytes(size: int = 30_000_000) -> bytes:
    """A valid letter padded to about ``size`` bytes with an incompressible, stored media part."""
    base = simple_docx_bytes((LETTER_02 / "after.txt").read_text(encoding="utf-8").split("\n\n")[2])
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr(zipfile.ZipInfo("word/media/fyld.bin"), os.urandom(size), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def zip_bomb_bytes() -> bytes:
    """20 MB of zeros deflated to about 20 KB: far over the reader's compression ratio limit."""
    out = io.BytesIO(simple_docx_bytes("Bombe"))
    with zipfile.ZipFile(out, "a") as zf:
        info = zipfile.ZipInfo("word/media/bombe.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as fh:
            chunk = bytes(1 << 20)
            for _ in range(20):
                fh.write(chunk)
    return out.getvalue()


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


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under ``folder`` with its size, mtime and SHA-256."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
    return out


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


def load_json(out: Path) -> dict:
    import json

    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def by_path(report: dict) -> dict[str, dict]:
    return {t["path"]: t for t in report["templates"]}
