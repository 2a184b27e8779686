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
    "tone": "tone",
    "contact": "contact",
}


KINDS: dict[str, ModuleType] = {kind: import_module(f"{__name__}.{mod}") for kind, mod in _MODULES.items()}
