"""Check kinds: one small module per kind, each with ``PARAMS`` and a pure ``check(doc, rule)``.

A rule file names its ``kind``; ``KINDS`` maps the name to the module. An
unknown kind fails loudly when the rule file is read.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

_MODULES = {
    "lix": "readability",
    "sentence_length": "sentence_length",
    "paragraph_length": "paragraph_length",
    "long_word": "long_word",
    "passive": "passive",
    "wordlist": "wordlist",
    "nominalisation": "nominalisation",
    "address": "address",
    "message": "message",
    "genre": "genre",
    "privacy": "privacy",
}


def _load() -> dict[str, ModuleType]:
    kinds = {}
    for kind, mod in _MODULES.items():
        try:
            kinds[kind] = import_module(f"{__name__}.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{mod}":
                raise
    return kinds


KINDS: dict[str, ModuleType] = _load()
