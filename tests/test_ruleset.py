"""Rule files: validation with file:line errors, layering, switching rules by id or prefix."""
from __future__ import annotations

import textwrap

import pytest

from letterlab.checks import KINDS
from letterlab.ruleset import RuleError, default_rules_dir, load_rules

GOOD = """
[[rule]]
id = "org.lange-saetninger"
kind = "sentence_length"
category = "sentence_length"
theme = "let-at-laese"
title = "Lange sætninger"
message = "For lang."
explanation = "Skriv kort."
[rule.params]
warn = 20
[rule.examples]
flag = ["a"]
pass = ["b"]
"""


def write(tmp_path, text, name="regler.toml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_defaults_load_and_have_a_letter_profile():
    rs = load_rules()
    assert rs.profile("brev").lix_target == 40
    assert {r.kind for r in rs.rules} <= set(KINDS)
    assert len(rs.version) == 12


def test_own_rule_is_added(tmp_path):
    write(tmp_path, GOOD)
    rs = load_rules([tmp_path])
    assert rs.get("org.lange-saetninger").params == {"warn": 20, "error": 35, "clause_words": 15, "long_share": 0.2}


def test_unknown_kind_names_file_line_and_valid_kinds(tmp_path):
    p = write(tmp_path, GOOD.replace('kind = "sentence_length"', 'kind = "tonefald"'))
    with pytest.raises(RuleError) as e:
        load_rules([tmp_path])
    msg = str(e.value)
    assert msg.startswith(f"{p}:4:")
    assert "tonefald" in msg and "passive" in msg and "sentence_length" in msg


def test_bad_threshold_is_caught_on_load(tmp_path):
    p = write(tmp_path, GOOD.replace("warn = 20", "warn = 500"))
    with pytest.raises(RuleError, match=rf"^{p}:11: parameter 'warn' = 500 er uden for 5–100"):
        load_rules([tmp_path])


def test_wrong_type_and_unknown_key(tmp_path):
    write(tmp_path, GOOD.replace("warn = 20", 'warn = "tyve"'))
    with pytest.raises(RuleError, match="skal være heltal"):
        load_rules([tmp_path])
    write(tmp_path, GOOD.replace('title = "Lange sætninger"', 'titel = "x"'))
    with pytest.raises(RuleError, match="ukendt nøgle 'titel'"):
        load_rules([tmp_path])


def test_rule_without_examples_is_refused(tmp_path):
    write(tmp_path, GOOD.replace('pass = ["b"]', "pass = []"))
    with pytest.raises(RuleError, match="mindst ét eksempel"):
        load_rules([tmp_path])


def test_toml_syntax_error_has_line(tmp_path):
    p = write(tmp_path, GOOD + "\nthis is = = wrong\n")
    with pytest.raises(RuleError, match=rf"^{p}:\d+: TOML-fejl"):
        load_rules([tmp_path])


def test_broken_file_never_half_loads(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD.replace("org.lange", "org.andre").replace('kind = "sentence_length"', 'kind = "x"'), "b.toml")
    with pytest.raises(RuleError):
        load_rules([tmp_path])


def test_disable_by_prefix_and_override(tmp_path):
    write(tmp_path, """
    disable = ["let-at-laese.lix"]

    [[override]]
    id = "let-at-laese.lange-saetninger"
    severity = "error"
    params = { warn = 20 }
    """)
    rs = load_rules([tmp_path])
    assert not rs.get("let-at-laese.lix").enabled
    r = rs.get("let-at-laese.lange-saetninger")
    assert r.severity == "error" and r.params["warn"] == 20 and r.params["error"] == 35
    assert rs.version != load_rules().version


def test_override_of_unknown_id_fails(tmp_path):
    write(tmp_path, '[[override]]\nid = "findes.ikke"\nenabled = false\n')
    with pytest.raises(RuleError, match="ingen regel har id eller præfiks 'findes.ikke'"):
        load_rules([tmp_path])


def test_with_switches_prefix(tmp_path):
    write(tmp_path, GOOD)
    rs = load_rules([tmp_path]).with_switches(disable=["let-at-laese"])
    assert all(not r.enabled for r in rs.rules if r.id.startswith("let-at-laese."))
    assert rs.get("org.lange-saetninger").enabled
    rs2 = rs.with_switches(enable=["let-at-laese.passiv"])
    assert rs2.get("let-at-laese.passiv").enabled


def test_duplicate_id_in_one_layer(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD, "b.toml")
    with pytest.raises(RuleError, match="findes også i"):
        load_rules([tmp_path])


def test_default_rules_dir_is_installed_package():
    assert (default_rules_dir() / "profiler" / "brev.toml").exists()
