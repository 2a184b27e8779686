"""A rerun over an unchanged folder is served from the cache without importing spaCy.

Importing spaCy (and thinc, numpy) costs about a second per process, which is
most of a cached 1,000-letter rerun. These tests run real processes: the first
audit analyses, the second must find every letter in the cache and never
import spaCy; loading the rules alone must not import it either.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from auditutil import docx_letter

PROBE = """
import json, sys
from letterlab.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "spacy": "spacy" in sys.modules, "thinc": "thinc" in sys.modules}))
"""


def _audit(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_loading_the_rules_does_not_import_spacy():
    code = ("import sys; from letterlab.ruleset import default_ruleset; rs = default_ruleset(); "
            "import letterlab.core, letterlab.audit.runner; print(len(rs.rules), 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    n_rules, imported = out.stdout.split()
    assert int(n_rules) > 10
    assert imported == "False"


@pytest.mark.model
def test_cached_rerun_does_not_import_spacy(tmp_path):
    src = tmp_path / "breve"
    src.mkdir()
    docx_letter(src / "a.docx", "Kære Anne\n\nDin ansøgning er modtaget. Vi behandler den inden for 14 dage.")
    (src / "b.txt").write_text("Hej Bo\n\nDu skal sende os dine lønsedler senest 1. december.", encoding="utf-8")
    common = [str(src), "--cache", str(tmp_path / "c.sqlite"), "--history", str(tmp_path / "h.sqlite"),
              "--jobs", "1", "--progress", "never"]
    first = _audit(["audit", *common, "--out", str(tmp_path / "ud1")])
    assert first["code"] == 0 and first["spacy"] is True
    second = _audit(["audit", *common, "--out", str(tmp_path / "ud2")])
    assert second["code"] == 0
    assert second["spacy"] is False and second["thinc"] is False
    # the rerun's report holds the same letters and scores as the first
    r1 = json.loads((tmp_path / "ud1" / "report.json").read_text(encoding="utf-8"))
    r2 = json.loads((tmp_path / "ud2" / "report.json").read_text(encoding="utf-8"))
    assert [t["from_cache"] for t in r2["templates"]] == [True, True]
    assert ([(t["path"], t["report"]["scores"]) for t in r1["templates"]]
            == [(t["path"], t["report"]["scores"]) for t in r2["templates"]])
