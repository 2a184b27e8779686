"""A cold ``letterlab check``: only what the command needs is imported, and the quick exit loses no output."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

LETTER = "Kære Anna\n\nDin ansøgning er blevet behandlet. Du får hjælp fra den 1. maj.\n\nMed venlig hilsen\nBo"


@pytest.mark.model
def test_checking_a_text_file_imports_neither_lxml_nor_nltk(tmp_path):
    path = tmp_path / "brev.txt"
    path.write_text(LETTER, encoding="utf-8")
    code = ("import io, contextlib, sys; from letterlab.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['check', {str(path)!r}])\n"
            "print(sorted(m for m in ('lxml', 'docx', 'nltk', 'flask', 'waitress') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.model
def test_the_quick_exit_flushes_all_output_and_keeps_the_status(tmp_path):
    paths = []
    for i in range(3):
        p = tmp_path / f"brev{i}.txt"
        p.write_text(LETTER + "\n\nVi fremsender hermed afgørelsen." * (i + 1), encoding="utf-8")
        paths.append(str(p))
    # the module door runs the same exit path as the console script (letterlab.cli:run)
    out = subprocess.run([sys.executable, "-m", "letterlab", "check", *paths, "--format", "json", "--fail-on", "info"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert len(data["reports"]) == 3
    assert all(r["scores"]["reading_time"] for r in data["reports"])


@pytest.mark.model
def test_the_collector_paused_for_start_up_runs_again_once_the_pipeline_has_loaded(tmp_path):
    path = tmp_path / "brev.txt"
    path.write_text(LETTER, encoding="utf-8")
    code = ("import gc, io, contextlib; from letterlab.cli import main\n"
            "from letterlab.workerproc import pause_gc_until_loaded\n"
            "pause_gc_until_loaded(); paused = not gc.isenabled()\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    status = main(['check', {str(path)!r}])\n"
            "print(paused, gc.isenabled(), gc.get_freeze_count() > 0, status, 'i 1 brev.' in out.getvalue())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.split() == ["True", "True", "True", "0", "True"]
