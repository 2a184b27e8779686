"""No module of letterlab binds the same top-level name twice.

The checks define hundreds of module-level patterns; a second ``HEDGE_RE = ...`` further down silently replaces
the first for every function that uses it (a session-13 helper lost recall that way before noticing). A
deliberate re-binding would need a different name.
"""
from __future__ import annotations

import ast
from collections import Counter

import pytest

from testutil import ROOT

MODULES = sorted((ROOT / "letterlab").rglob("*.py"))


def _bound_names(tree: ast.Module) -> Counter:
    names: Counter = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_bound_twice(path):
    names = _bound_names(ast.parse(path.read_text(encoding="utf-8")))
    assert [n for n, c in names.items() if c > 1] == []


def test_the_check_finds_a_second_binding():
    tree = ast.parse("HEDGE_RE = 1\ndef f():\n    return HEDGE_RE\nHEDGE_RE = 2\n")
    assert _bound_names(tree)["HEDGE_RE"] == 2
