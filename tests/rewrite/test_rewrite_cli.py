"""``letterlab rewrite`` and ``letterlab compare`` as a user runs them."""
from __future__ import annotations

import io
import json
import sys

import pytest

from letterlab.cli import main
from testutil import CORPUS

LETTER = CORPUS / "04-partshoering-tilbagebetaling" / "before.txt"


@pytest.mark.model
def test_rewrite_text_prints_letter_diff_and_scores(capsys):
    assert main(["rewrite", str(LETTER)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Det nye brev:\n")
    assert "Send bemærkningerne til Ydelsescenteret senest den 24. november 2026." in out
    assert "\n-Henvendelse vedrørende nærværende partshøring" in out      # the unified diff
    assert "\nFør:   LIX" in out and "\nEfter: LIX" in out
    assert "(--apply safe)" in out


@pytest.mark.model
def test_rewrite_json_lists_every_suggestion(capsys):
    assert main(["rewrite", str(LETTER), "--format", "json", "--apply", "safe"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = LETTER.read_text(encoding="utf-8")
    assert data["schema_version"] == "1.0" and data["apply"] == "safe"
    rows = data["suggestions"]
    assert rows and {"start", "end", "text", "replacement", "kind", "safe", "confidence", "rule", "applied"} <= set(rows[0])
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
        assert not r["applied"] or r["safe"]
    assert any(r["kind"] == "passive" and r["applied"] for r in rows)
    assert data["scores"]["after"]["lix"] < data["scores"]["before"]["lix"]
    assert data["compare"]["schema_version"] == "1.0"


@pytest.mark.model
def test_rewrite_none_changes_nothing_and_output_file(tmp_path, capsys):
    out_file = tmp_path / "ny.txt"
    assert main(["rewrite", str(LETTER), "--apply", "none", "-o", str(out_file)]) == 0
    assert out_file.read_text(encoding="utf-8") == LETTER.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert "Det nye brev:" not in out and f"Du finder det nye brev i {out_file}." in out
    assert "(ingen ændringer)" in out


@pytest.mark.model
def test_rewrite_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Du bedes sende skemaet til os.\n".encode())))
    assert main(["rewrite", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "Send skemaet til os.\n"


def test_rewrite_missing_file_says_so_in_danish(tmp_path, capsys):
    assert main(["rewrite", str(tmp_path / "findes-ikke.txt")]) == 2
    err = capsys.readouterr().err
    assert "findes-ikke.txt" in err and "Traceback" not in err


@pytest.mark.model
def test_rewrite_empty_file_exit_2(tmp_path, capsys):
    empty = tmp_path / "tom.txt"
    empty.write_text("   \n", encoding="utf-8")
    assert main(["rewrite", str(empty)]) == 2
    assert capsys.readouterr().err.strip()


@pytest.mark.model
def test_compare_text_and_json(capsys):
    before, after = LETTER, LETTER.with_name("after.txt")
    assert main(["compare", str(before), str(after)]) == 0
    out = capsys.readouterr().out
    assert "Samlet score:" in out and "Passiv:" in out and "bedre" in out
    assert main(["compare", str(before), str(after), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"schema_version", "overall", "scores", "categories", "rules", "message_first",
                         "reading_time", "guard", "facts"}


def test_compare_missing_file(tmp_path, capsys):
    assert main(["compare", str(LETTER), str(tmp_path / "nej.txt")]) == 2
