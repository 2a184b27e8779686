"""letterlab/rxcache.py: the shipped compiled regular expressions are exactly what re.compile makes,
cover the package's patterns, never hold letter text, and a missing or damaged file changes nothing."""
from __future__ import annotations

import marshal
import re
import subprocess
import sys

import pytest

from letterlab import prefilter, rxcache
from testutil import ROOT

SHIPPED = rxcache.cache_path()
needs_file = pytest.mark.skipif(not SHIPPED.is_file(), reason=f"no regex cache for this Python ({rxcache.build_tag()})")


def _shipped() -> dict:
    return marshal.loads(SHIPPED.read_bytes())


@needs_file
def test_every_cached_pattern_is_what_the_regex_compiler_makes():
    data = _shipped()
    assert data["tag"] == rxcache.build_tag()
    assert len(data["compiled"]) > 500
    for (pattern, flags), entry in data["compiled"].items():
        fresh = re._compiler.compile(pattern, flags)
        cached = rxcache._sre.compile(pattern, *entry)
        # Pattern equality compares the pattern, the flags and the compiled code
        assert cached == fresh, pattern
        assert (cached.groups, cached.groupindex) == (fresh.groups, fresh.groupindex), pattern


@needs_file
def test_every_cached_prefilter_literal_set_is_what_the_prefilter_computes():
    data = _shipped()
    assert len(data["literals"]) > 500
    for (pattern, flags), found in data["literals"].items():
        assert found == prefilter.compute_literals(pattern, flags), pattern


@needs_file
def test_every_cached_derived_entry_is_what_the_prefilter_computes():
    data = _shipped()
    assert data["derived"]
    for (kind, pattern), found in data["derived"].items():
        assert kind in prefilter.DERIVED
        assert found == prefilter.DERIVED[kind](pattern), pattern


@needs_file
@pytest.mark.model
def test_the_shipped_file_covers_every_pattern_the_package_asks_for():
    """Fails when a pattern was added or changed without ``python -m letterlab.rxcache --write``."""
    want_compile, want_literals, want_derived = rxcache.collect()
    data = _shipped()
    missing = [p for p in want_compile if p not in data["compiled"]]
    missing += [p for p in want_literals if p not in data["literals"]]
    missing += [p for p in want_derived if p not in data["derived"]]
    assert not missing, (f"{len(missing)} patterns are not in {SHIPPED.name}, e.g. {missing[0]!r}: "
                         "run python -m letterlab.rxcache --write")


def test_a_pattern_from_the_cache_behaves_as_re_compile(tmp_path, monkeypatch):
    pattern, flags = r"\b(?P<verb>gør|gøres) (opmærksom|opmærksomme) på\b", re.IGNORECASE
    entry = rxcache._entry(pattern, int(flags))
    monkeypatch.setattr(rxcache, "DATA", tmp_path)
    rxcache.cache_path().write_bytes(marshal.dumps({"tag": rxcache.build_tag(), "compiled": {(pattern, int(flags)): entry},
                                                    "literals": {}}))
    monkeypatch.setattr(rxcache, "_table", None)
    monkeypatch.setattr(rxcache, "_compiled", {})
    rx = rxcache.compile(pattern, flags)
    assert isinstance(rx, re.Pattern)
    assert rx == re.compile(pattern, flags)
    assert rx.search("Vi GØR opmærksom på fristen").group("verb") == "GØR"
    assert rxcache.compile(pattern, flags) is rx     # made once per process, as re's own cache does


@pytest.mark.parametrize("content", [b"", b"not marshal at all \x00\xff", marshal.dumps({"tag": "another-python"}),
                                     marshal.dumps(["a", "list"])])
def test_a_missing_damaged_or_foreign_file_falls_back_to_re_compile(tmp_path, monkeypatch, content):
    monkeypatch.setattr(rxcache, "DATA", tmp_path)
    if content:
        rxcache.cache_path().write_bytes(content)
    monkeypatch.setattr(rxcache, "_table", None)
    monkeypatch.setattr(rxcache, "_compiled", {})
    rx = rxcache.compile(r"\bafslag\w*", re.I)
    assert rx == re.compile(r"\bafslag\w*", re.I)
    assert rxcache.literals(r"\bafslag\w*", re.I, lambda: "computed") == "computed"


def test_an_entry_the_engine_refuses_is_compiled_the_usual_way(tmp_path, monkeypatch):
    pattern = r"\bsagsnummer\b"
    monkeypatch.setattr(rxcache, "DATA", tmp_path)
    rxcache.cache_path().write_bytes(marshal.dumps({"tag": rxcache.build_tag(),
                                                    "compiled": {(pattern, 0): (0, [999, 999], 0, {}, (None,))},
                                                    "literals": {}}))
    monkeypatch.setattr(rxcache, "_table", None)
    monkeypatch.setattr(rxcache, "_compiled", {})
    assert rxcache.compile(pattern) == re.compile(pattern)


@pytest.mark.model
def test_no_letter_text_is_recorded_for_the_cache():
    """Only the package's own patterns are asked for: a letter's words never become a cached pattern."""
    code = (
        "import marshal, sys\n"
        "from letterlab import rxcache\n"
        "from letterlab.core import analyse\n"
        "analyse('Kære Zyxqvist Brommelund\\n\\nVi har modtaget din ansøgning om tilskud til Zyxqvistvej 12. '\n"
        "        'Du får svar inden den 1. maj. Ring til Zyxqvist-teamet på 12 34 56 78.\\n\\nVenlig hilsen\\nJobcentret')\n"
        "seen = list(rxcache._seen_compile) + list(rxcache._seen_literals) + [(p, k) for k, p in rxcache._seen_derived]\n"
        "sys.stdout.write(str(len(seen)) + ' ' + str(sum('yxqvist' in str(p).lower() for p, _ in seen)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**__import__("os").environ, "LETTERLAB_RXCACHE_RECORD": "1"}).stdout.split()
    assert int(out[0]) > 500          # the recording did run
    assert out[1] == "0"
