"""The ``letterlab`` command as a user runs it: real files, real process, exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from testutil import CORPUS

pytestmark = pytest.mark.model


def run(*args, stdin=None, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "letterlab", *args], input=stdin, capture_output=True,
                          text=True, env=e, timeout=300)


def test_check_text_output_points_at_lines():
    before = CORPUS / "02-el-scooter-afslag" / "before.txt"
    p = run("check", str(before), "--colour", "never")
    assert p.returncode == 0, p.stderr
    lines = p.stdout.strip().splitlines()
    assert any(":passiv" in l or "let-at-laese.passiv:" in l for l in lines)
    first = lines[0].split(":")
    assert first[0] == str(before) and first[1].isdigit() and first[2].isdigit()
    assert "LIX" in lines[-1]


def test_check_json_schema_from_stdin():
    p = run("check", "-", "--format", "json", stdin="Kære Anne\n\nDin ansøgning behandles af kommunen.\n")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["schema_version"] == "1.0"
    f = [f for f in data["findings"] if f["category"] == "passive"][0]
    assert set(f) >= {"rule", "category", "severity", "message", "start", "end", "text", "suggestions"}
    assert f["text"] == "behandles"
    assert "lix" in data["scores"] and "overall" in data["scores"]


def test_fail_on_sets_exit_code(tmp_path):
    p = tmp_path / "brev.txt"
    p.write_text("Kære Anne\n\nDin ansøgning behandles af kommunen.\n", encoding="utf-8")
    assert run("check", str(p), "--fail-on", "warning").returncode == 1
    assert run("check", str(p), "--fail-on", "error").returncode == 0


def test_unreadable_input_exit_2_with_danish_message(tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    p = run("check", str(empty))
    assert p.returncode == 2
    assert "tom" in p.stderr.lower()
    assert "Traceback" not in p.stderr
    p = run("check", str(tmp_path / "findes-ikke.txt"))
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_missing_model_is_explained():
    p = run("check", "-", "--model", "da_findes_ikke_sm", stdin="Hej med dig.")
    assert p.returncode == 2
    assert "pip install da_findes_ikke_sm" in p.stderr
    assert "Traceback" not in p.stderr


def test_broken_rules_exit_2(tmp_path):
    (tmp_path / "r.toml").write_text('[[rule]]\nid = "a.b"\nkind = "nej"\n', encoding="utf-8")
    p = run("check", "-", "--rules", str(tmp_path), stdin="Hej med dig.")
    assert p.returncode == 2
    assert "r.toml:2" in p.stderr or "r.toml:" in p.stderr


def test_rules_list_and_check():
    p = run("rules", "list")
    assert p.returncode == 0 and "let-at-laese.passiv" in p.stdout
    p = run("rules", "check")
    assert p.returncode == 0, p.stdout
    assert "0 fejl" in p.stdout
