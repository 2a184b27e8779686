"""Letter files and report readers shared by the audit tests (plain helpers; the fixtures are in conftest.py)."""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx

from testutil import CORPUS

LETTER_01 = CORPUS / "01-saerlig-stoette-husleje"


LETTER_02 = CORPUS / "02-el-scooter-afslag"


SECRET_SENTENCE = "Afgørelsen er truffet efter en samlet vurdering af Deres økonomiske forhold."


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


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under ``folder`` with its size, mtime and SHA-256."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
    return out


def load_json(out: Path) -> dict:
    import json

    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def by_path(report: dict) -> dict[str, dict]:
    return {t["path"]: t for t in report["templates"]}
