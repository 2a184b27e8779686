"""pyproject.toml lists every package by hand (rules/ and web/ are mapped): keep the list complete."""
from __future__ import annotations

import tomllib

from testutil import ROOT


def test_every_package_is_listed():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(conf["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "letterlab").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml packages: {sorted(found - listed)}"
    assert conf["package-dir"] == {"letterlab.default_rules": "rules", "letterlab_web": "web"}
