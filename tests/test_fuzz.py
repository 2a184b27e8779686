"""A CI-sized, seeded run of benchmarks/fuzz.py: a few hundred generated texts, .docx and .html files with
hostile names through check, rewrite, the API and one audit. The full run (10,000 inputs) is
``python benchmarks/fuzz.py --n 10000``."""
from __future__ import annotations

import sys

import pytest

from testutil import ROOT

pytestmark = pytest.mark.model


def test_fuzz_ci_sized(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import fuzz
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    result = fuzz.run(n=200, seed=15, jobs=1, hang=float("inf"), rewrite_every=5, cli_every=25, api_every=10,
                      max_run=3000, workdir=tmp_path / "fuzz")
    c = result["counts"]
    assert c["inputs"] == 200 and c["analysed"] > 120 and c["rewrites"] > 10 and c["api"] >= 10
    assert c["audit_files"] == c["audit_visible_files"] == 200
    assert (c["crashes"], c["offset_mismatches"], c["cpr_leaks"], c["other_problems"]) == (0, 0, 0, 0), \
        result["problems"]


def test_fuzz_counts_a_letter_stopped_at_the_time_limit_as_stopped_not_as_a_hang(tmp_path, monkeypatch):
    """A letter stopped with the Danish too_slow notice is the intended behaviour; a hang is an overrun."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import fuzz
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    # a limit no real letter meets: every analysed letter is stopped, and none overruns limit + 30 s
    result = fuzz.run(n=12, seed=3, jobs=1, hang=30.0, rewrite_every=0, cli_every=0, api_every=0, max_run=50,
                      workdir=tmp_path / "fuzz", time_limit=0.001)
    c = result["counts"]
    assert c["stopped"] > 0 and c["stopped"] + c["analysed"] + c["read_errors"] == c["inputs"]
    assert c["hangs"] == 0 and not result["problems"], result["problems"]


def test_one_input_is_regenerated_by_its_number_and_measured_by_stage(tmp_path, monkeypatch):
    """``--only`` replays the seed's generator: the file written is the one the full run made."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import fuzz
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    gen = fuzz.Gen(5, 200, 2)
    made = [gen.document(i) for i in range(9)]
    rows = fuzz.replay(5, [4, 8], tmp_path / "ud", 200, 2, profile=3)
    assert [r["input"] for r in rows] == [4, 8]
    for r in rows:
        _name, data, kind = made[r["input"]]
        assert r["format"] == kind
        assert _content((tmp_path / "ud" / f"fuzz-5-{r['input']}.{kind}").read_bytes()) == _content(data)
        assert "read_error" in r or (r["analyse_s"] >= 0 and r["tokens"] > 0 and len(r["slowest_own_s"]) == 3)


def _content(data: bytes):
    """The bytes, or a .docx's parts (its zip holds the time it was written)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {name: z.read(name) for name in z.namelist()}
    except (zipfile.BadZipFile, EOFError, OSError):
        return len(data), data[:4]        # a broken zip (cut short): time stamps all through it
