"""The package's own regular expressions, compiled ahead of time and shipped: a cold start without the regex compiler.

letterlab's checks and rules hold some 600 regular expressions, and ``letterlab.prefilter`` reads the
literals of about 500 of them. In CPython both are pure-Python work (``re._parser`` and
``re._compiler``), which cost a cold ``letterlab check`` about 0.17 s of CPU: more than a third of what
the command adds to loading spaCy.

What ``re.compile`` hands to the C engine (``_sre.compile``) is a list of integers that depends only on
the pattern, its flags and the Python build. ``python -m letterlab.rxcache --write`` computes it for every
pattern the package compiles at import, in its rules and in its prefilters, together with what the
prefilter reads from the patterns (literals, top-level alternatives), and writes it to ``letterlab/data/regex-<tag>.marshal``, ``<tag>`` naming the Python build. At run
time :func:`compile` and :func:`literals` take a pattern from that file when its tag is this Python's and
otherwise (another Python, a pattern a user edited in rules/, a damaged file) do the work as before, so
the result is the same either way: ``tests/test_rxcache.py`` checks that every entry equals what the
regex compiler makes now (``re.Pattern`` equality compares the compiled code) and that the file covers
the package's patterns.

Only the project's own patterns go into the file, never letter text: call sites that build a pattern
from a letter use ``re.compile`` directly, and the file is written from module constants, the bundled
rules and the prefilters' patterns.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - not CPython: plain re.compile
    _sre = _compiler = _parser = None

DATA = Path(__file__).resolve().parent / "data"
# Set by ``--write`` (and its test) in a child process: remember every pattern asked for.
RECORD = os.environ.get("LETTERLAB_RXCACHE_RECORD") == "1"
_seen_compile: dict[tuple[str, int], None] = {}
_seen_literals: dict[tuple[str, int], None] = {}
_seen_derived: dict[tuple[str, str], None] = {}

_table: dict | None = None
_compiled: dict[tuple[str, int], re.Pattern] = {}


def build_tag() -> str:
    """This Python build's name for a cache file ('' where there can be none)."""
    if _sre is None or sys.implementation.name != "cpython":
        return ""
    v = sys.version_info
    return f"cpython{v[0]}{v[1]}-sre{_sre.MAGIC}-c{_sre.CODESIZE}-r{_sre.MAXREPEAT}-g{_sre.MAXGROUPS}"


def cache_path(tag: str | None = None) -> Path:
    return DATA / f"regex-{tag if tag is not None else build_tag()}.marshal"


def _load() -> dict:
    global _table
    if _table is None:
        _table = {"compiled": {}, "literals": {}, "derived": {}}
        tag = build_tag()
        if tag:
            try:
                data = marshal.loads(cache_path(tag).read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                data = None     # no file for this Python, or a damaged one: compile as usual
            if isinstance(data, dict) and data.get("tag") == tag:
                _table = {"compiled": data.get("compiled") or {}, "literals": data.get("literals") or {},
                          "derived": data.get("derived") or {}}
    return _table


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the same call as re.compile
    """``re.compile(pattern, flags)``, from the shipped cache where it holds the pattern."""
    flags = int(flags)
    key = (pattern, flags)
    if RECORD:
        _seen_compile[key] = None
    done = _compiled.get(key)
    if done is not None:
        return done
    entry = _load()["compiled"].get(key) if type(pattern) in (str, bytes) else None
    rx = None
    if entry is not None:
        try:
            rx = _sre.compile(pattern, entry[0], entry[1], entry[2], entry[3], entry[4])
        except Exception:   # an entry the engine refuses: compile it the usual way
            rx = None
    if rx is None:
        rx = re.compile(pattern, flags)
    _compiled[key] = rx
    return rx


def literals(pattern: str, flags: int, compute):
    """``compute()`` (the prefilter's literals of a pattern), from the shipped cache where it holds them."""
    key = (pattern, int(flags))
    if RECORD:
        _seen_literals[key] = None
    hit = _load()["literals"].get(key)
    if hit is not None:
        return hit
    return compute()


def derived(kind: str, pattern: str, compute):
    """``compute()`` (what the prefilter derives from a pattern alone, e.g. ``kind`` "alternatives"), from the shipped cache."""
    key = (kind, pattern)
    if RECORD:
        _seen_derived[key] = None
    hit = _load()["derived"].get(key)
    if hit is not None:
        return hit
    return compute()


# -- writing the cache --------------------------------------------------------------------------

def _entry(pattern: str, flags: int):
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def collect() -> tuple[list, list, list]:
    """The patterns the package asks for: run in a child process with recording on.

    The child imports every module, loads the bundled rules and analyses the project's own warm-up
    text and sample letters (so that the prefilters made on first use are made), then prints the
    patterns it was asked for.
    """
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="letterlab-rxcache-") as tmp:
        out = Path(tmp) / "seen.marshal"
        code = (
            "import marshal, sys\n"
            "from letterlab import rxcache\n"
            "rxcache.exercise()\n"
            "open(sys.argv[1], 'wb').write(marshal.dumps((list(rxcache._seen_compile), list(rxcache._seen_literals),\n"
            "                                             list(rxcache._seen_derived))))\n"
        )
        env = dict(os.environ, LETTERLAB_RXCACHE_RECORD="1", OPENBLAS_NUM_THREADS="1")
        subprocess.run([sys.executable, "-c", code, str(out)], env=env, check=True)
        seen_compile, seen_literals, seen_derived = marshal.loads(out.read_bytes())
    return [tuple(k) for k in seen_compile], [tuple(k) for k in seen_literals], [tuple(k) for k in seen_derived]


def exercise() -> None:
    """Import every module, load the bundled rules and analyse the project's own sample letters."""
    import importlib
    import pkgutil

    import letterlab
    from letterlab.core import WARM_UP_TEXT, analyse_many
    from letterlab.readers import read_text
    from letterlab.ruleset import default_ruleset

    for mod in pkgutil.walk_packages(letterlab.__path__, "letterlab."):
        if mod.name.split(".")[-1] in ("__main__",):
            continue
        try:
            importlib.import_module(mod.name)
        except Exception:   # optional parts (training) may need what is not installed
            pass
    rules = default_ruleset()
    texts = [WARM_UP_TEXT]
    corpus = Path(letterlab.__file__).resolve().parents[1] / "corpora" / "letters"
    if corpus.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    list(analyse_many([read_text(t) for t in texts], rules, time_limit=None))


def write() -> Path:
    """Write this Python build's cache file from the patterns the package asks for."""
    tag = build_tag()
    if not tag:
        raise SystemExit("no regex cache for this Python (not CPython)")
    want_compile, want_literals, want_derived = collect()
    from letterlab import prefilter

    compiled = {}
    for pattern, flags in want_compile:
        compiled[(pattern, flags)] = _entry(pattern, flags)
    lits = {}
    for pattern, flags in want_literals:
        lits[(pattern, flags)] = prefilter.compute_literals(pattern, flags)
    derived_ = {(kind, p): prefilter.DERIVED[kind](p) for kind, p in want_derived}
    DATA.mkdir(exist_ok=True)
    path = cache_path(tag)
    path.write_bytes(marshal.dumps({"tag": tag, "compiled": compiled, "literals": lits, "derived": derived_}))
    return path


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Write the shipped cache of letterlab's compiled regular expressions.")
    ap.add_argument("--write", action="store_true", help="write the cache file for this Python")
    a = ap.parse_args(argv)
    if not a.write:
        ap.print_help()
        return 0
    path = write()
    data = marshal.loads(path.read_bytes())
    print(f"{path}: {len(data['compiled'])} compiled patterns, {len(data['literals'])} prefilter literal sets, "
          f"{len(data['derived'])} other prefilter entries, "
          f"{path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
