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
    assert "LIX" in lines[-2] or "LIX" in lines[-3]
    # the closing line counts the findings in the one Danish vocabulary
    assert lines[-1].endswith("i 1 brev.")
    assert " advarsel" in lines[-1] or " advarsler" in lines[-1]
    assert all(": info " not in l and " warning " not in l for l in lines)


def test_check_json_schema_from_stdin():
    p = run("check", "-", "--format", "json", stdin="Kære Anne\n\nDin ansøgning behandles af kommunen.\n")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["schema_version"] == "1.0"
    assert data["summary"]["letters"] == 1 and data["summary"]["unreadable"] == 0
    [data] = data["reports"]
    f = [f for f in data["findings"] if f["category"] == "passive"][0]
    assert set(f) >= {"rule", "category", "severity", "message", "start", "end", "text", "suggestions"}
    assert f["text"] == "behandles"
    assert "lix" in data["scores"] and "overall" in data["scores"]


def test_fail_on_sets_exit_code(tmp_path):
    p = tmp_path / "brev.txt"
    p.write_text("Kære Anne\n\nDin ansøgning behandles i næste uge.\n", encoding="utf-8")
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


LETTER = "Kære Anne\n\nDin ansøgning behandles af kommunen. Under henvisning til ovennævnte fremsendes afgørelsen.\n"


def test_json_has_one_shape_for_one_and_several_files(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LETTER, encoding="utf-8")
    b.write_text(LETTER.replace("Anne", "Bo"), encoding="utf-8")
    one = json.loads(run("check", str(a), "--format", "json").stdout)
    two = json.loads(run("check", str(a), str(b), "--format", "json").stdout)
    assert set(one) == set(two) == {"schema_version", "reports", "summary"}
    assert len(one["reports"]) == 1 and len(two["reports"]) == 2
    assert set(one["reports"][0]) == set(two["reports"][1])
    n = sum(len(r["findings"]) for r in two["reports"])
    assert sum(two["summary"]["findings"].values()) == n


def test_an_unreadable_file_still_appears_with_its_error(tmp_path):
    missing = tmp_path / "findes-ikke.txt"
    p = run("check", str(missing), "--format", "json")
    assert p.returncode == 2
    data = json.loads(p.stdout)
    [entry] = data["reports"]
    assert entry["source"] == str(missing)
    assert entry["error"]["code"] and entry["error"]["message"]
    assert data["summary"] == {"letters": 0, "unreadable": 1, "findings": {"error": 0, "warning": 0, "info": 0}}


def test_closing_summary_line_counts_letters_and_severities(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LETTER, encoding="utf-8")
    b.write_text(LETTER, encoding="utf-8")
    p = run("check", str(a), str(b), "--colour", "never")
    last = p.stdout.strip().splitlines()[-1]
    import re

    m = re.fullmatch(r"(\d+) fejl, (\d+) (?:advarsel|advarsler), (\d+) (?:tip|tips) i 2 breve\.", last)
    assert m, last
    findings = [l for l in p.stdout.splitlines() if re.match(r".*:\d+:\d+: ", l)]
    assert sum(int(g) for g in m.groups()) == len(findings)


def test_check_on_a_folder_points_to_audit(tmp_path):
    p = run("check", str(tmp_path))
    assert p.returncode == 2
    assert "letterlab audit" in p.stderr and "mappe" in p.stderr
    assert "Traceback" not in p.stderr


@pytest.mark.parametrize("option", ["--disable", "--enable"])
def test_unknown_rule_ids_are_errors_with_the_choices(option):
    p = run("check", "-", option, "let-at-laes.passiv", stdin=LETTER)
    assert p.returncode == 2
    assert "let-at-laes.passiv" in p.stderr and "findes ikke" in p.stderr
    assert "let-at-laese.passiv" in p.stderr          # the close match
    assert "persondata" in p.stderr                     # the valid prefixes


def test_known_prefixes_are_accepted():
    assert run("check", "-", "--disable", "let-at-laese", stdin=LETTER).returncode == 0


def test_unknown_genre_and_profile_are_errors_with_the_choices():
    p = run("check", "-", "--genre", "ukendt", stdin=LETTER)
    assert p.returncode == 2 and "afgoerelse" in p.stderr and "Traceback" not in p.stderr
    p = run("check", "-", "--profile", "nej", stdin=LETTER)
    assert p.returncode == 2 and "brev" in p.stderr and "Traceback" not in p.stderr


def test_help_is_danish_and_lists_options_exit_codes_profiles_genres_and_formats():
    p = run("check", "--help")
    assert p.returncode == 0
    out = p.stdout
    for option in ("--format", "--fail-on", "--colour", "--rules", "--disable", "--enable", "--profile",
                   "--genre", "--model"):
        assert option in out
    assert "Afslutningskoder" in out and "Profiler: brev" in out and "Brevtyper: afgoerelse" in out
    assert "json" in out and "Brug:" in out and "usage:" not in out
    assert "letterlab audit" in out


def test_rules_list_uses_the_danish_severity_words():
    p = run("rules", "list")
    lines = [l for l in p.stdout.splitlines() if l.startswith("  ")]
    assert lines
    assert all(any(f" {w}" in l for w in ("fejl", "advarsel", "tip")) for l in lines)
    assert any("kan blive fejl" in l for l in lines if "let-at-laese.lix" in l)
    assert not any(" warning " in l or " error " in l for l in lines)


def _all_parsers(parser):
    import argparse

    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _all_parsers(sub)


def test_every_command_has_danish_help():
    from letterlab.cli import build_parser

    english = (" the ", "default", "(repeatable)", " letter ", " file ", " folder ", " show ", " write ", " which ")
    seen = 0
    for p in _all_parsers(build_parser()):
        text = p.format_help()
        seen += 1
        assert "usage:" not in text and "options:" not in text, p.prog
        found = [w for w in english if w in text.lower()]
        assert found == [], (p.prog, found)
    assert seen >= 10          # check, audit, serve, rewrite, compare, anatomy, model ..., rules ...
