"""report.csv and report.json."""
from __future__ import annotations

import csv
import io

import pytest

from auditutil import load_json

pytestmark = pytest.mark.model


def test_csv_bom_semicolon_and_decimal_comma(tmp_path, good_folder, bad_folder, audit):
    out = tmp_path / "r"
    assert audit(good_folder, out) == 0
    raw = (out / "report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Fil", "Status", "Samlet score", "Ændring siden sidst", "LIX"]
    assert len(rows) == 1 + 4
    assert all(len(r) == len(rows[0]) for r in rows)
    lix = [r[4] for r in rows[1:]]
    assert all("," in v and "." not in v for v in lix)

    assert audit(bad_folder, out, "--csv-sep", ",") == 0
    raw = (out / "report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=","))
    assert len(rows) == 1 + 9
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["kode.docx"][1] == "Kan ikke læses"
    assert by_name["kode.docx"][-1].startswith("Filen er beskyttet med adgangskode.")
    assert "." in by_name["god.docx"][4]


def test_csv_cells_cannot_become_formulas(tmp_path, audit):
    root = tmp_path / "f"
    root.mkdir()
    (root / "=HYPERLINK(1).txt").write_text("Du får svar\n\nVi har fået din ansøgning. Du får svar i maj.", encoding="utf-8")
    assert audit(root, tmp_path / "r") == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "r" / "report.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[1][0] == "'=HYPERLINK(1).txt"


def test_json_has_run_metadata_and_the_per_letter_schema(tmp_path, good_folder, audit):
    from letterlab.report.model import SCHEMA_VERSION

    out = tmp_path / "r"
    assert audit(good_folder, out) == 0
    rep = load_json(out)
    assert rep["schema_version"] == "1.0"
    run = rep["run"]
    for key in ("letterlab_version", "root", "started", "finished", "ruleset_version", "model", "profile",
                "files", "analysed", "errors", "from_cache", "jobs"):
        assert key in run
    assert [t["path"] for t in rep["templates"]] == [
        "hjaelpemidler/scooter-ny.md", "hjaelpemidler/scooter.txt", "ydelser/husleje-efter.docx",
        "ydelser/husleje-foer.docx"]
    letter = rep["templates"][3]["report"]
    assert letter["schema_version"] == SCHEMA_VERSION
    assert {"source", "scores", "findings", "notices", "sentences", "ruleset_version"} <= set(letter)
    assert letter["source"] == "husleje-foer.docx"
    assert letter["findings"] and all(f["text"] for f in letter["findings"])
    assert all(f["explanation"] == "" for f in letter["findings"])
    assert {f["rule"] for f in letter["findings"]} <= set(rep["rules"])
    assert all(r["title"] and r["explanation"] for r in rep["rules"].values())
    assert sum(rep["summary"]["findings_per_category"].values()) == sum(len(t["report"]["findings"])
                                                                         for t in rep["templates"])


def test_report_dict_is_to_dict_without_explanations():
    from letterlab.audit.runner import _report_dict
    from letterlab.report.model import Finding, Report, Suggestion

    f = Finding("a.b", "passive", "info", "m", 0, 3, "Hej", (Suggestion(0, 3, "Hejsa"),), "forklaring")
    rep = Report(text="Hej du", findings=[f], scores={"overall": 1}, sentences=[(0, 6)])
    want = rep.to_dict()
    want["findings"][0]["explanation"] = ""
    assert _report_dict(rep) == want
