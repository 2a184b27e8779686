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


def test_the_install_scripts_compile_the_package_once():
    """The README's two commands install letterlab editable; its modules are compiled right after, so that a
    command never compiles them itself (with PYTHONDONTWRITEBYTECODE set it would, on every start)."""
    for name in ("run.sh", "test.sh"):
        lines = (ROOT / "scripts" / name).read_text(encoding="utf-8").splitlines()
        install = next(i for i, line in enumerate(lines) if "pip install" in line and " -e " in line)
        compile_at = next(i for i, line in enumerate(lines) if "-m compileall" in line)
        assert compile_at > install, name
        assert lines[compile_at].split("compileall", 1)[1].split()[:3] == ["-q", "letterlab", "web"], name
