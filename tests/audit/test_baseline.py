"""letterlab audit --baseline: only findings that are new since an earlier report.json."""
from __future__ import annotations

import shutil

import pytest

from auditutil import load_json

pytestmark = pytest.mark.model

LETTER = "Kære Anne\n\nDin ansøgning behandles af kommunen.\n"


def test_baseline_reports_only_new_findings(tmp_path, audit, capsys):
    root = tmp_path / "breve"
    root.mkdir()
    (root / "brev.txt").write_text(LETTER, encoding="utf-8")
    first = tmp_path / "r1"
    assert audit(root, first) == 0
    before = load_json(first)["templates"][0]["report"]["findings"]
    assert before
    base = tmp_path / "baseline.json"
    shutil.copy(first / "report.json", base)
    # nothing new: nothing reported
    second = tmp_path / "r2"
    assert audit(root, second, "--baseline", str(base)) == 0
    assert load_json(second)["templates"][0]["report"]["findings"] == []
    assert "som er kommet til siden" in capsys.readouterr().err
    # a new sentence with officialese: only its findings come back
    (root / "brev.txt").write_text(LETTER + "\nUnder henvisning til ovennævnte fremsendes afgørelsen.\n",
                                   encoding="utf-8")
    third = tmp_path / "r3"
    assert audit(root, third, "--baseline", str(base), "--fail-on", "warning") == 1
    new = load_json(third)["templates"][0]["report"]["findings"]
    assert new and all(f["start"] > len(LETTER) - 1 for f in new)


def test_a_missing_baseline_is_a_danish_error(tmp_path, audit, capsys):
    root = tmp_path / "breve"
    root.mkdir()
    (root / "brev.txt").write_text(LETTER, encoding="utf-8")
    assert audit(root, tmp_path / "r", "--baseline", str(tmp_path / "mangler.json")) == 2
    assert "kan ikke læse" in capsys.readouterr().err
