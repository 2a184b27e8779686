"""``to_dict`` of findings and suggestions: the same keys, order and values as ``dataclasses.asdict``."""
from __future__ import annotations

import json
from dataclasses import asdict

from letterlab.report.model import Finding, Suggestion


def test_to_dict_is_asdict_with_a_list_of_suggestions():
    s1 = Suggestion(3, 9, "Vi sender", kind="jargon", safe=True, confidence=0.9, note="Kort")
    s2 = Suggestion(3, 9, "Her er", kind="jargon")
    f = Finding("let-at-laese.kancelli", "jargon", "warning", "Skriv enkelt.", 3, 9, "hermed", (s1, s2), "Fordi ...")
    expected = asdict(f)
    expected["suggestions"] = [asdict(s1), asdict(s2)]
    assert json.dumps(f.to_dict()) == json.dumps(expected)        # keys in the same order too
    assert json.dumps(s1.to_dict()) == json.dumps(asdict(s1))
    bare = Finding("r", "passive", "info", "m", 0, 1, "x")
    assert bare.to_dict()["suggestions"] == [] and list(bare.to_dict()) == list(asdict(bare))
